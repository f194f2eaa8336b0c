package transcript

import (
	"bufio"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
)

// recorder is a Sink that keeps everything it receives.
type recorder struct {
	files    []string
	messages []lint.Message
	rejects  []lint.RecordError
	skips    []lint.Pos
}

func (r *recorder) File(name string)             { r.files = append(r.files, name) }
func (r *recorder) Message(m lint.Message) error { r.messages = append(r.messages, m); return nil }
func (r *recorder) Reject(e lint.RecordError) error {
	r.rejects = append(r.rejects, e)
	return nil
}
func (r *recorder) SkipRecord(p lint.Pos, _ string) error { r.skips = append(r.skips, p); return nil }

var shanghai = func() *time.Location {
	l, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		panic(err)
	}
	return l
}()

func readJSONL(t testing.TB, input string) *recorder {
	t.Helper()
	return readJSONLBounded(t, input, 0)
}

// readJSONLBounded reads input with Options.MaxRecordBytes = max.
func readJSONLBounded(t testing.TB, input string, max int) *recorder {
	t.Helper()
	rec := &recorder{}
	src := &Source{Name: "day.jsonl", R: bufio.NewReader(strings.NewReader(input)), Opts: &Options{Location: shanghai, MaxRecordBytes: max}}
	if err := (jsonlReader{}).Read(context.Background(), src, rec); err != nil {
		t.Fatalf("Read: %v", err)
	}
	return rec
}

func TestJSONLMessages(t *testing.T) {
	in := `{"conversation":"c1","time":"2026-11-04T10:00:00+08:00","role":"customer","sender":"tb_buyer1","text":"在吗"}
{"conversation":"c1","time":"2026-11-04 10:00:06","role":"agent","sender":"客服01","text":"您好亲，很高兴为您服务"}

{"conversation":"c1","time":1793757780,"role":"system","type":"order","text":"买家已付款"}
{"conversation":2,"time":"1793757900000","role":"AGENT","type":"note","sender":"客服01","text":"改成蓝色XL","id":77}
{"role":"customer","text":"没有会话号的消息"}` + "\r\n"
	rec := readJSONL(t, in)
	if len(rec.rejects) != 0 {
		t.Fatalf("rejects: %v", rec.rejects)
	}
	want := []struct {
		conv string
		line int
		role lint.Role
		typ  string
		time string
	}{
		{"c1", 1, lint.Customer, "text", "2026-11-04T10:00:00+08:00"},
		{"c1", 2, lint.Agent, "text", "2026-11-04T10:00:06+08:00"},
		{"c1", 4, lint.System, "order", "2026-11-04T10:03:00+08:00"},
		{"2", 5, lint.Agent, "note", "2026-11-04T10:05:00+08:00"},
		{"day.jsonl", 6, lint.Customer, "text", ""},
	}
	if len(rec.messages) != len(want) {
		t.Fatalf("messages: %d", len(rec.messages))
	}
	for i, w := range want {
		m := rec.messages[i]
		got := ""
		if !m.Time.IsZero() {
			got = m.Time.In(shanghai).Format(time.RFC3339)
		}
		if m.Conversation != w.conv || m.Pos.Line != w.line || m.Role != w.role || m.Type != w.typ || got != w.time || m.Pos.File != "day.jsonl" {
			t.Errorf("message %d = %+v (time %s), want %+v", i, m, got, w)
		}
	}
	if rec.messages[3].ID != "77" || rec.messages[1].Sender != "客服01" {
		t.Errorf("id/sender: %+v", rec.messages[3])
	}
}

func TestJSONLMalformedRecords(t *testing.T) {
	tests := []struct {
		name, line, want string
	}{
		{"bad json", `{"conversation":"c1","role":"agent","text":"你好"`, "invalid JSON"},
		{"not an object", `["c1","agent","你好"]`, "expected a JSON object"},
		{"missing text", `{"conversation":"c1","role":"agent"}`, `missing "text"`},
		{"null text", `{"conversation":"c1","role":"agent","text":null}`, `missing "text"`},
		{"text not a string", `{"conversation":"c1","role":"agent","text":5}`, `field "text"`},
		{"missing role", `{"conversation":"c1","text":"你好"}`, `missing "role"`},
		{"unknown role", `{"conversation":"c1","role":"客服","text":"你好"}`, `unknown role "客服"`},
		{"bad time", `{"conversation":"c1","role":"agent","text":"你好","time":"昨天下午"}`, `unparseable time "昨天下午"`},
		{"time object", `{"conversation":"c1","role":"agent","text":"你好","time":{}}`, `"time": expected a string or a number`},
		{"negative epoch", `{"conversation":"c1","role":"agent","text":"你好","time":-5}`, `unparseable time`},
		{"conversation object", `{"conversation":{"id":1},"role":"agent","text":"你好"}`, `"conversation": expected a string or a number`},
		{"truncated line", `{"conversation":"c1","role":"ag`, "invalid JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := readJSONL(t, `{"conversation":"c0","role":"agent","text":"ok"}`+"\n"+tt.line+"\n"+`{"conversation":"c0","role":"customer","text":"ok"}`)
			if len(rec.messages) != 2 || len(rec.rejects) != 1 {
				t.Fatalf("messages %d rejects %v: the run goes on around a bad record", len(rec.messages), rec.rejects)
			}
			e := rec.rejects[0]
			if e.Pos.File != "day.jsonl" || e.Pos.Line != 2 || !strings.Contains(e.Err, tt.want) {
				t.Errorf("reject = %s, want line 2 and %q", e.Error(), tt.want)
			}
		})
	}
}

func TestJSONLLongLine(t *testing.T) {
	long := strings.Repeat("很长的消息", 400000) // ~6 MB
	rec := readJSONL(t, fmt.Sprintf(`{"conversation":"c1","role":"agent","text":%q}`+"\n"+`{"conversation":"c1","role":"agent","text":"短"}`, long))
	if len(rec.messages) != 2 || rec.messages[0].Text != long || rec.messages[1].Pos.Line != 2 {
		t.Fatalf("long line: %d messages, rejects %v", len(rec.messages), rec.rejects)
	}
}

func TestParseTime(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026-11-04T10:00:00+08:00", "2026-11-04T10:00:00+08:00"},
		{"2026-11-04T02:00:00Z", "2026-11-04T10:00:00+08:00"},
		{"2026-11-04 10:00:00", "2026-11-04T10:00:00+08:00"},
		{"2026-11-04 10:00:00.250", "2026-11-04T10:00:00+08:00"},
		{"2026/11/04 10:00:00", "2026-11-04T10:00:00+08:00"},
		{"2026-11-04T10:00:00", "2026-11-04T10:00:00+08:00"},
		{"1793757600", "2026-11-04T10:00:00+08:00"},
		{"1793757600000", "2026-11-04T10:00:00+08:00"},
		{"1793757600.5", "2026-11-04T10:00:00+08:00"},
		{"", ""},
	}
	for _, tt := range tests {
		got, err := ParseTime(tt.in, shanghai)
		s := ""
		if !got.IsZero() {
			s = got.In(shanghai).Format(time.RFC3339)
		}
		if err != nil || s != tt.want {
			t.Errorf("ParseTime(%q) = %s, %v; want %s", tt.in, s, err, tt.want)
		}
	}
	for _, bad := range []string{"yesterday", "2026-13-01 10:00:00", "1e400", "10:00"} {
		if _, err := ParseTime(bad, shanghai); err == nil {
			t.Errorf("ParseTime(%q) must fail", bad)
		}
	}
}

func FuzzReadJSONL(f *testing.F) {
	f.Add(`{"conversation":"c1","time":"2026-11-04T10:00:00+08:00","role":"customer","sender":"tb","text":"在吗"}`)
	f.Add(`{"conversation":1,"time":1793757600000,"role":"agent","text":"您好","type":"note","id":"x"}` + "\n\n{}")
	f.Add("{\"role\":\"agent\",\"text\":\"\\u0000\"}\r\n[1,2]\n\"x\"\nnull")
	f.Add(`{"conversation":"c","role":"agent","text":"a","time":"2026-02-30 10:00:00"}`)
	f.Add(`{"conversation":"c","role":"agent","text":"a"}` + "\r\n" + strings.Repeat(" ", 41) + "\n" + `{"role":"agent","text":"` + strings.Repeat("长", 20) + `"}`)
	f.Fuzz(func(t *testing.T, in string) {
		rec := readJSONL(t, in)
		lines := 0
		for _, l := range strings.Split(strings.ReplaceAll(in, "\r\n", "\n"), "\n") {
			if strings.TrimSpace(l) != "" {
				lines++
			}
		}
		// every non-blank line is exactly one record: a message or a reject
		if got := len(rec.messages) + len(rec.rejects); got != lines {
			t.Fatalf("%d records for %d non-blank lines", got, lines)
		}
		for _, m := range rec.messages {
			if m.Role == lint.RoleUnknown || m.Pos.Line < 1 || m.Conversation == "" {
				t.Fatalf("bad message %+v", m)
			}
		}
		// under a bound, every line over it is one reject, and the other
		// lines read as they did
		const max = 40
		bounded := readJSONLBounded(t, in, max)
		long := map[int]bool{}
		for i, l := range strings.Split(in, "\n") {
			if len(strings.TrimSuffix(l, "\r")) > max {
				long[i+1] = true
			}
		}
		var want, got []string
		for _, m := range rec.messages {
			if !long[m.Pos.Line] {
				want = append(want, fmt.Sprintf("%d %q", m.Pos.Line, m.Text))
			}
		}
		for _, r := range rec.rejects {
			if !long[r.Pos.Line] {
				want = append(want, fmt.Sprintf("%d %s", r.Pos.Line, r.Err))
			}
		}
		for _, m := range bounded.messages {
			got = append(got, fmt.Sprintf("%d %q", m.Pos.Line, m.Text))
		}
		for _, r := range bounded.rejects {
			if long[r.Pos.Line] && strings.HasPrefix(r.Err, "line is ") {
				delete(long, r.Pos.Line)
				continue
			}
			got = append(got, fmt.Sprintf("%d %s", r.Pos.Line, r.Err))
		}
		if len(long) > 0 {
			t.Fatalf("long lines not rejected: %v", long)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("bounded read differs on the other lines:\n%q\nwant\n%q", got, want)
		}
	})
}

// TestFastTimeMatchesTimeParse: the allocation-free parser agrees with the
// standard library on the shapes it takes, and declines the rest.
func TestFastTimeMatchesTimeParse(t *testing.T) {
	inputs := []string{
		"2026-11-04 10:00:00", "2026-11-04T10:00:00", "2026/11/04 10:00:00", "2026-11-04 10:00:00.250",
		"2026-11-04T02:00:00Z", "2026-11-04T10:00:00+08:00", "2026-11-04T10:00:00.5-05:30",
		"2026-02-29 10:00:00", "2024-02-29 10:00:00", "2026-13-01 10:00:00", "2026-11-31 10:00:00",
		"2026-11-04 24:00:00", "2026-11-04 10:00", "2026-1-4 10:00:00", "2026-11-04 10:00:00 +0800",
	}
	for _, in := range inputs {
		want, werr := slowTime(in, shanghai)
		fast, ok := fastTime(in, shanghai)
		if ok && (werr != nil || !fast.Equal(want)) {
			t.Errorf("fastTime(%q) = %v, the time package %v, %v", in, fast, want, werr)
		}
	}
	for _, bad := range []string{"2026-02-29 10:00:00", "2026-13-01 10:00:00", "2026-11-31 10:00:00", "2026-11-04 24:00:00"} {
		if _, ok := fastTime(bad, shanghai); ok {
			t.Errorf("fastTime(%q) accepted an impossible time", bad)
		}
	}
}
