package transcript

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

const wecomSample = `{"msgid":"s1","action":"switch","time":1793757500000,"user":"zhangsan"}
{"msgid":"m1","action":"send","from":"wmAAAA","tolist":["zhangsan"],"roomid":"","msgtime":1793757600000,"msgtype":"text","text":{"content":"在吗"}}
{"msgid":"m2","action":"send","from":"zhangsan","tolist":["wmAAAA"],"roomid":"","msgtime":1793757606000,"msgtype":"image","image":{"md5sum":"x","filesize":1,"sdkfileid":"y"}}
{"msgid":"m3","action":"send","from":"zhangsan","tolist":["wmAAAA"],"roomid":"","msgtime":1793757607000,"msgtype":"text","text":{"content":"您好亲"}}
{"msgid":"m4","action":"recall","from":"wmAAAA","tolist":["zhangsan"],"roomid":"","msgtime":1793757608000,"msgtype":"revoke","revoke":{"pre_msgid":"m1"}}
{"msgid":"m5","action":"send","from":"wbROBOT","tolist":["wo1","lisi"],"roomid":"wrROOM","msgtime":1793757609000,"msgtype":"file","file":{"filename":"价目表.xlsx"}}
{"msgid":"m6","action":"send","from":"wo1","tolist":["lisi"],"roomid":"wrROOM","msgtime":1793757610000,"msgtype":"mixed","mixed":{"item":[{"type":"text","content":"{\"content\":\"看这个\"}"},{"type":"image","content":"{}"}]}}
{"msgid":"m7","action":"send","from":"wmAAAA","tolist":["zhangsan"],"roomid":"","msgtime":1793757611000,"msgtype":"agree","agree":{"userid":"wmAAAA","agree_time":1793757611000}}
`

func TestWecomReads(t *testing.T) {
	s := mustRead(t, "wecom", wecomSample, Options{})
	want := []string{
		"wmAAAA~zhangsan|customer|wmAAAA|text|在吗@2",
		"wmAAAA~zhangsan|agent|zhangsan|image|[图片]@3",
		"wmAAAA~zhangsan|agent|zhangsan|text|您好亲@4",
		"wrROOM|bot|wbROBOT|file|[文件] 价目表.xlsx@6",
		"wrROOM|customer|wo1|mixed|看这个[图片]@7",
	}
	if got := msgLines(s.msgs); got != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	if len(s.skips) != 3 || len(s.rejects) != 0 {
		t.Fatalf("skips %v rejects %v", s.skips, s.rejects)
	}
	if s.msgs[0].ID != "m1" || s.msgs[0].Time.UnixMilli() != 1793757600000 {
		t.Fatalf("id/time: %+v", s.msgs[0])
	}
	// auto-detected, also when saved as .jsonl (content refines extension)
	s = mustRead(t, "auto", wecomSample, Options{})
	if len(s.msgs) != 5 {
		t.Fatalf("auto: %d messages", len(s.msgs))
	}
	if f, _ := detectString("day.jsonl", wecomSample); f != "wecom" {
		t.Fatalf("day.jsonl detected as %s", f)
	}
	// also when the first record is still encrypted: it alone is rejected
	// (read as canonical JSONL, every record was, none saying why)
	encrypted := `{"seq":1,"msgid":"x","publickey_ver":1,"encrypt_random_key":"k","encrypt_chat_msg":"m"}` + "\n"
	for _, name := range []string{"day.jsonl", "dump.json"} {
		data := encrypted + wecomSample
		if name == "dump.json" {
			data = "[" + strings.Join(strings.Split(strings.TrimSpace(data), "\n"), ",\n") + "]"
		}
		if f, _ := detectString(name, data); f != "wecom" {
			t.Errorf("%s starting with an encrypted record detected as %s", name, f)
		}
		s = mustRead(t, "auto", data, Options{})
		if len(s.msgs) != 5 || len(s.rejects) != 1 || !strings.Contains(s.rejects[0].Err, "decrypt it") {
			t.Errorf("%s: %d messages, rejects %q", name, len(s.msgs), s.rejects)
		}
	}
}

func TestWecomArray(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(wecomSample), "\n")
	data := "[\n" + strings.Join(lines, ",\n") + "\n]\n"
	s := mustRead(t, "wecom", data, Options{})
	if len(s.msgs) != 5 || s.msgs[0].Pos.Line != 3 || s.msgs[4].Pos.Line != 8 {
		t.Fatalf("got\n%s", msgLines(s.msgs))
	}
	if f, _ := detectString("dump.json", data); f != "wecom" {
		t.Fatalf("dump.json detected as %s", f)
	}
}

func TestWecomStaff(t *testing.T) {
	opts := Options{Staff: []string{"zhangsan"}}
	s := mustRead(t, "wecom", wecomSample, opts)
	// lisi is not staff but only appears as a recipient; wbROBOT is a bot
	if len(s.rejects) != 0 || len(s.msgs) != 5 {
		t.Fatalf("rejects %v", s.rejects)
	}
	s = mustRead(t, "wecom", `{"msgid":"x","action":"send","from":"wangwu","tolist":["wmA"],"msgtime":1793757600000,"msgtype":"text","text":{"content":"hi"}}`, opts)
	if len(s.rejects) != 1 || !strings.Contains(s.rejects[0].Err, `sender "wangwu" is neither a configured staff id`) {
		t.Fatalf("rejects %v", s.rejects)
	}
	s = mustRead(t, "wecom", `{"msgid":"x","action":"send","from":"wangwu","tolist":["wmA"],"msgtime":1793757600000,"msgtype":"text","text":{"content":"hi"}}`,
		Options{Staff: []string{"zhangsan"}, Mapping: &Mapping{Roles: map[string]string{"wangwu": "agent"}}})
	if len(s.rejects) != 0 || s.msgs[0].Role != lint.Agent {
		t.Fatalf("role by mapping: %v %v", s.msgs, s.rejects)
	}
}

func TestWecomMalformed(t *testing.T) {
	for _, tc := range []struct {
		name, line, want string
	}{
		{"not JSON", `{"msgid":`, "invalid JSON"},
		{"not an object", `[1]`, "expected a JSON object"},
		{"encrypted", `{"seq":1,"msgid":"x","publickey_ver":1,"encrypt_random_key":"k","encrypt_chat_msg":"m"}`, "decrypt it"},
		// a whole GetChatData response saved from the API
		{"a GetChatData response", `{"errcode":0,"errmsg":"ok","chatdata":[{"seq":1,"msgid":"x","publickey_ver":1,"encrypt_random_key":"k","encrypt_chat_msg":"m"}]}`, "a GetChatData response, whose chatdata records are encrypted"},
		{"no msgtype", `{"msgid":"x","action":"send","from":"a","msgtime":1}`, `no "msgtype"`},
		{"no from", `{"msgid":"x","action":"send","msgtype":"text","msgtime":1793757600000,"text":{"content":"x"}}`, `no "from"`},
		{"bad msgtime", `{"msgid":"x","action":"send","from":"a","msgtype":"text","msgtime":"soon","text":{"content":"x"}}`, "epoch milliseconds"},
		{"text without content", `{"msgid":"x","action":"send","from":"a","msgtype":"text","msgtime":1793757600000}`, "without its"},
		{"unknown action", `{"msgid":"x","action":"edit","from":"a","msgtype":"text","msgtime":1793757600000}`, "unknown action"},
		// a field of the wrong type says what it should be and what it
		// is in the words of the other readers' reasons, not Go's
		{"wrong field type", `{"msgid":"x","action":"send","from":["a"],"msgtype":"text","msgtime":1}`, `field "from": expected a string, got a list`},
		{"number for a string", `{"msgid":"x","action":"send","from":5,"msgtype":"text","msgtime":1}`, `field "from": expected a string, got a number`},
		{"boolean for a string", `{"msgid":true,"action":"send","from":"a","msgtype":"text","msgtime":1}`, `field "msgid": expected a string, got a boolean`},
		{"object for a string", `{"msgid":"x","action":"send","from":{},"msgtype":"text","msgtime":1}`, `field "from": expected a string, got an object`},
		{"string for a list", `{"msgid":"x","action":"send","from":"a","tolist":"wmA","msgtype":"text","msgtime":1}`, `field "tolist": expected a list, got a string`},
		{"string for an object", `{"msgid":"x","action":"send","from":"a","msgtype":"text","msgtime":1,"text":"hi"}`, `field "text": expected an object, got a string`},
		{"number in the text", `{"msgid":"x","action":"send","from":"a","msgtype":"text","msgtime":1,"text":{"content":7}}`, `field "text.content": expected a string, got a number`},
	} {
		s, err := readData(t, "wecom", tc.line+"\n", Options{})
		checkInvariants(t, s, err)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if len(s.rejects) != 1 || !strings.Contains(s.rejects[0].Err, tc.want) || s.rejects[0].Pos.Line != 1 {
			t.Errorf("%s: got %v, want %q", tc.name, s.rejects, tc.want)
		}
	}
	// a NUL byte past the sniffed start is a malformed record
	pad := strings.Repeat(strings.Split(wecomSample, "\n")[1]+"\n", 500)
	s, err := readData(t, "wecom", pad+"{\"msgid\":\"x\x00\"}\n", Options{})
	if err != nil || len(s.rejects) != 1 || !strings.Contains(s.rejects[0].Err, "NUL byte") || s.rejects[0].Pos.Line != 501 {
		t.Fatalf("NUL: %v %v", err, s.rejects)
	}
	// a truncated array is a file error with its line
	_, err = readData(t, "wecom", "[\n"+strings.Split(wecomSample, "\n")[1]+",\n{\"msgid\":", Options{})
	if err == nil || !strings.Contains(err.Error(), "line 3, column 10: unexpected end of JSON") {
		t.Fatalf("truncated array: %v", err)
	}
}

// detectString runs format detection on data named name.
func detectString(name, data string) (string, error) {
	r, err := decode(strings.NewReader(data), "")
	if err != nil {
		return "", err
	}
	f, err := detect(name, r, "auto")
	if err != nil {
		return "", err
	}
	return f.Name, nil
}

func FuzzReadWecom(f *testing.F) {
	for _, seed := range strings.Split(wecomSample, "\n") {
		f.Add(seed)
	}
	f.Add("[" + strings.Split(wecomSample, "\n")[1] + "]")
	f.Add(`{"msgid":"x","action":"send","from":"a","msgtype":"markdown","msgtime":1,"markdown":{"info":{"content":5}}}`)
	f.Fuzz(func(t *testing.T, data string) {
		free, err := readData(t, "wecom", data, Options{Staff: []string{"zhangsan"}})
		checkInvariants(t, free, err)
		s, berr := readData(t, "wecom", data, Options{Staff: []string{"zhangsan"}, MaxRecordBytes: 48}) // lines, JSON values over a bound
		checkInvariants(t, s, berr)
		// a record over the bound is one rejected: as many records either
		// way, but for a blank line over it, which is rejected too (every
		// line over the bound is, as FuzzReadJSONL holds: the reader keeps
		// nothing of it to tell it blank) where without a bound it is
		// passed over; a line that gave no record without the bound was
		// such a line
		if err == nil && berr == nil && records(s)-longBlank(s, free) != records(free) {
			t.Fatalf("%d records under the bound, %d without", records(s), records(free))
		}
	})
}

// longBlank counts bounded's rejects of a line over the bound (the line
// reader's "line is … long") at a line where free, read without the bound,
// has no record: a blank line, which a read without the bound passes over.
func longBlank(bounded, free *recSink) int {
	lines := map[int]bool{}
	for _, m := range free.msgs {
		lines[m.Pos.Line] = true
	}
	for _, r := range free.rejects {
		lines[r.Pos.Line] = true
	}
	for _, k := range free.skips {
		lines[k.pos.Line] = true
	}
	n := 0
	for _, r := range bounded.rejects {
		if strings.HasPrefix(r.Err, "line is ") && !lines[r.Pos.Line] {
			n++
		}
	}
	return n
}

// records counts what a sink was given: messages, rejects and skips.
func records(s *recSink) int { return len(s.msgs) + len(s.rejects) + len(s.skips) }
