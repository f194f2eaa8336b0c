package transcript

import (
	"bufio"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
	"golang.org/x/text/encoding/simplifiedchinese"
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
		{"missing text", `{"conversation":"c1","role":"agent"}`, `missing "text" (keys: conversation, role; for another layout use --messages and --map)`},
		{"null text", `{"conversation":"c1","role":"agent","text":null}`, `no text ("text" is null)`},
		// the flags that would read it, as for a .json element
		{"text under another key", `{"conversation":"c1","role":"agent","content":"在吗"}`, `missing "text" (keys: conversation, role, content; try --map text=content)`},
		{"a conversation per line", `{"id":"d1","turns":[{"sender":"customer","text":"在吗"}]}`, `missing "text" (keys: id, turns; the messages may be at turns[]: try --messages 'turns[]' --map conversation=id,role=sender)`},
		{"text an object", `{"conversation":"c1","role":"agent","text":{"a":5}}`, `"text": expected a string or a number, got an object`},
		{"sender a list", `{"conversation":"c1","role":"agent","sender":[1],"text":"x"}`, `"sender": expected a string or a number, got a list`},
		{"missing role", `{"conversation":"c1","text":"你好"}`, `missing "role"`},
		{"unknown role", `{"conversation":"c1","role":"客服","text":"你好"}`, `unknown role "客服"`},
		{"bad time", `{"conversation":"c1","role":"agent","text":"你好","time":"昨天下午"}`, `unparseable time "昨天下午"`},
		// the flag that reads another layout is named
		{"other time layout", `{"conversation":"c1","role":"agent","text":"你好","time":"04/11/2026 10:00"}`, `unparseable time "04/11/2026 10:00" (use RFC 3339, "2006-01-02 15:04:05", "2006年1月2日 15:04:05" or epoch seconds/milliseconds, or give the export's layout with --time-layout, e.g. '%d/%m/%Y %H:%M' for 04/11/2026 10:00)`},
		{"date without a year", `{"conversation":"c1","role":"agent","text":"你好","time":"11月4日 10:00"}`, `unparseable time "11月4日 10:00" (a date without a year`},
		{"time object", `{"conversation":"c1","role":"agent","text":"你好","time":{}}`, `"time": expected a string or a number`},
		{"negative epoch", `{"conversation":"c1","role":"agent","text":"你好","time":-5}`, `unparseable time`},
		{"conversation object", `{"conversation":{"id":1},"role":"agent","text":"你好"}`, `"conversation": expected a string or a number`},
		{"truncated line", `{"conversation":"c1","role":"ag`, "invalid JSON"},
		// as in csv: not read as U+FFFD
		{"invalid UTF-8", "{\"conversation\":\"c9\",\"role\":\"agent\",\"text\":\"\xff\xfe\"}", "invalid UTF-8 in the record"},
		{"invalid UTF-8 in a key", "{\"conversation\":\"c9\",\"role\":\"agent\",\"text\":\"x\",\"\xff\":1}", "invalid UTF-8 in the record"},
		{"NUL byte", "{\"conversation\":\"c9\",\"role\":\"agent\",\"text\":\"a\x00b\"}", "NUL byte in the record"},
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
	f.Add(`{"conversation":"c","role":"agent","text":"a","author":{"type":"bot"},"attachments":[{"type":"image"}]}` + "\n" + `{"conversation":"c","role":"customer","text":"b\xff"}`)
	f.Fuzz(func(t *testing.T, in string) {
		if jsonDocument([]byte(in[:min(len(in), 4096)])) {
			return // read as one JSON document, not a record a line (12c3466)
		}
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
		checkTextPlace(t, in, false, rec.messages)
		// under a bound, every line over it is one reject (but a line of
		// ASCII blanks, skipped as a blank line, however long), and the
		// other lines read as they did
		const max = 40
		bounded := readJSONLBounded(t, in, max)
		long := map[int]bool{}
		for i, l := range strings.Split(in, "\n") {
			if l = strings.TrimSuffix(l, "\r"); len(l) > max && !asciiBlank([]byte(l)) {
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

// TestJSONLMapping: a field mapping reads JSONL as --input-format json reads
// the same lines (roles, types, skips, defaults, fields, time layouts), line
// by line: a malformed line is one reject, and line numbers stay right.
func TestJSONLMapping(t *testing.T) {
	m := func(mp Mapping) *Mapping { return &mp }
	tests := []struct {
		name, data string
		opts       Options
		want       []string // msgLine of each message
		rejects    []string // "LINE: substring"
		skips      []int
	}{
		{name: "roles, types, time layout", data: `{"conversation":"c1","time":"2026/11/04 10:00","role":"buyer","text":"你好","type":"EVT"}` + "\n" +
			`{"conversation":"c1","time":"2026/11/04 10:01","role":"seller","text":"在的","type":"msg"}` + "\n",
			opts: Options{Mapping: m(Mapping{Roles: map[string]string{"buyer": "customer", "seller": "agent"}, TimeLayout: "2006/01/02 15:04",
				Types: map[string]string{"EVT": "skip", "msg": "text"}})},
			want: []string{"c1|agent||text|在的@2"}, skips: []int{1}},
		{name: "fields", data: "\n" + `{"cid":"c1","who":"agent","content":"在的"}` + "\n" + `{"cid":"c1","who":"x","content":"?"}` + "\n{bad\n" + `{"cid":"c2","who":"customer","content":"好"}`,
			opts: Options{Mapping: m(Mapping{Fields: map[string]string{"conversation": "cid", "role": "who", "text": "content"}})},
			want: []string{"c1|agent||text|在的@2", "c2|customer||text|好@5"}, rejects: []string{`3: unknown role "x"`, "4: invalid JSON"}},
		{name: "default role", data: `{"conversation":"c1","text":"你好","sender":"b"}`,
			opts: Options{Mapping: m(Mapping{Defaults: map[string]string{"role": "customer"}})}, want: []string{"c1|customer|b|text|你好@1"}},
		// the agents --agents and --staff name stay agents beside a
		// default role, which is everyone else's (it made them customers)
		{name: "default role beside agents", data: `{"conversation":"c1","text":"你好","sender":"b"}` + "\n" + `{"conversation":"c1","text":"不知道","sender":"a"}` + "\n" +
			`{"conversation":"c1","text":"x","sender":"s01"}` + "\n" + `{"conversation":"c1","text":"好","sender":"m"}` + "\n" + `{"conversation":"c1","text":"y"}`,
			opts: Options{Agents: []string{"a"}, Staff: []string{"s01"}, Mapping: m(Mapping{Roles: map[string]string{"m": "bot"}, Defaults: map[string]string{"role": "customer"}})},
			want: []string{"c1|customer|b|text|你好@1", "c1|agent|a|text|不知道@2", "c1|agent|s01|text|x@3", "c1|bot|m|text|好@4", "c1|customer||text|y@5"}},
		{name: "agents with a mapping, no default", data: `{"conversation":"c1","text":"你好","sender":"b"}` + "\n" + `{"conversation":"c1","text":"不知道","sender":"a"}` + "\n" + `{"conversation":"c1","text":"y"}`,
			opts: Options{Agents: []string{"a"}, Mapping: m(Mapping{TimeLayout: "unix"})},
			want: []string{"c1|customer|b|text|你好@1", "c1|agent|a|text|不知道@2"}, rejects: []string{"3: no role and no sender"}},
		{name: "messages path", data: `{"id":"c1","msgs":[{"role":"agent","text":"a"},{"role":"customer","text":"b"}]}` + "\n" + `{"id":"c2","msgs":[]}` + "\n" + `{"id":"c3","msgs":5}`,
			opts: Options{Mapping: m(Mapping{Messages: "msgs[]", Fields: map[string]string{"conversation": "id"}})},
			want: []string{"c1|agent||text|a@1", "c1|customer||text|b@1"}, rejects: []string{"3: expected a list"}},
		{name: "not an object", data: `{"role":"agent","text":"a","type":"t"}` + "\n5\n" + `"s"`,
			opts: Options{Mapping: m(Mapping{Types: map[string]string{"t": "text"}})},
			want: []string{"day.jsonl|agent||text|a@1"}, rejects: []string{"2: expected a JSON object", "3: expected a JSON object"}},
		{name: "invalid UTF-8", data: "{\"role\":\"agent\",\"text\":\"\xff\"}\n" + `{"role":"agent","text":"ok"}`,
			opts: Options{Mapping: m(Mapping{TimeLayout: "unix"})},
			want: []string{"day.jsonl|agent||text|ok@2"}, rejects: []string{"1: invalid UTF-8 in the record"}},
		// no mapping: --agents and --staff name the agents of records
		// without a role, on the fast path
		{name: "agents without a mapping", data: `{"conversation":"c1","text":"你好","sender":"b"}` + "\n" + `{"conversation":"c1","text":"在的","sender":"店铺名:小美"}` + "\n" +
			`{"conversation":"c1","text":"x","sender":" s01 "}` + "\n" + `{"conversation":"c1","text":"?"}` + "\n" + `{"conversation":"c1","role":"bot","text":"auto","sender":"店铺名:小美"}`,
			opts:    Options{Agents: []string{"店铺名:*"}, Staff: []string{"s01"}},
			want:    []string{"c1|customer|b|text|你好@1", "c1|agent|店铺名:小美|text|在的@2", "c1|agent|s01|text|x@3", "c1|bot|店铺名:小美|text|auto@5"},
			rejects: []string{`4: missing "role"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.opts
			opts.Location = shanghai
			rec := &recorder{}
			src := &Source{Name: "day.jsonl", R: bufio.NewReader(strings.NewReader(tc.data)), Opts: &opts}
			if err := (jsonlReader{}).Read(context.Background(), src, rec); err != nil {
				t.Fatalf("Read: %v", err)
			}
			if g, w := msgLines(rec.messages), strings.Join(tc.want, "\n"); g != w {
				t.Errorf("messages\n%s\nwant\n%s", g, w)
			}
			if len(rec.rejects) != len(tc.rejects) {
				t.Fatalf("rejects %v, want %q", rec.rejects, tc.rejects)
			}
			for i, r := range rec.rejects {
				if !strings.Contains(r.Error(), ":"+tc.rejects[i]) {
					t.Errorf("reject %q, want %q", r.Error(), tc.rejects[i])
				}
			}
			var skips []int
			for _, p := range rec.skips {
				skips = append(skips, p.Line)
			}
			if fmt.Sprint(skips) != fmt.Sprint(tc.skips) && len(skips)+len(tc.skips) > 0 {
				t.Errorf("skips at %v, want %v", skips, tc.skips)
			}
			if tc.opts.Mapping == nil {
				return
			}
			// the same lines as --input-format json reads them
			s, err := readData(t, "json", tc.data, tc.opts)
			if err == nil && len(tc.rejects) == 0 {
				if g, w := strings.ReplaceAll(msgLines(s.msgs), "<stdin>", "day.jsonl"), msgLines(rec.messages); g != w {
					t.Errorf("as json\n%s\nas jsonl\n%s", g, w)
				}
			}
		})
	}
}

// TestJSONLMappingRecodes: in a file guessed to be UTF-8, a GBK line read
// through the mapping is read as GB18030, as on the fast path.
func TestJSONLMappingRecodes(t *testing.T) {
	pad := strings.Repeat(`{"conversation":"c1","role":"buyer","text":"您好，很高兴为您服务"}`+"\n", 1200)
	gbk := string(encodeWith(t, simplifiedchinese.GBK, `{"conversation":"c1","role":"seller","text":"这个我也不知道"}`))
	data := pad + gbk + "\n" + "{\"conversation\":\"c1\",\"role\":\"seller\",\"text\":\"\xff\xfe\xff\"}\n"
	for _, mp := range []*Mapping{nil, {Roles: map[string]string{"buyer": "customer", "seller": "agent"}}} {
		s, err := readData(t, "jsonl", data, Options{Mapping: mp})
		checkInvariants(t, s, err)
		if err != nil {
			t.Fatal(err)
		}
		if mp == nil {
			if len(s.rejects) != 1202 { // buyer and seller are no roles
				t.Fatalf("no mapping: %d rejects", len(s.rejects))
			}
			continue
		}
		if len(s.msgs) != 1201 || s.msgs[1200].Text != "这个我也不知道" || s.msgs[1200].Pos.Line != 1201 || s.msgs[1200].Role != lint.Agent {
			t.Fatalf("%d messages, last %s", len(s.msgs), msgLine(s.msgs[len(s.msgs)-1]))
		}
		if len(s.rejects) != 1 || !strings.Contains(s.rejects[0].Error(), ":1202: "+guessedUnreadableWhy(nil)) {
			t.Fatalf("rejects %v", s.rejects)
		}
	}
}
