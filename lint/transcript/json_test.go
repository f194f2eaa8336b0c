package transcript

import (
	"bufio"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/chatlint/chatlint/lint"
)

// msgLine formats a message as conversation|role|sender|type|text@line.
func msgLine(m lint.Message) string {
	return fmt.Sprintf("%s|%s|%s|%s|%s@%d", m.Conversation, m.Role, m.Sender, m.Type, m.Text, m.Pos.Line)
}

func msgLines(ms []lint.Message) string {
	var out []string
	for _, m := range ms {
		out = append(out, msgLine(m))
	}
	return strings.Join(out, "\n")
}

func TestJSONShapes(t *testing.T) {
	for _, tc := range []struct {
		name string
		data string
		opts Options
		want []string
	}{
		{"array of messages",
			`[{"conversation":"c1","role":"customer","sender":"tb","text":"在吗","id":"m1"},
 {"conversation":"c1","role":"agent","type":"note","text":"已备注"}]`, Options{},
			[]string{"c1|customer|tb|text|在吗@1", "c1|agent||note|已备注@2"}},
		{"array of conversations",
			"[\n {\"conversation\": \"c1\", \"messages\": [\n  {\"role\":\"customer\",\"text\":\"在吗\"},\n  {\"role\":\"agent\",\"text\":\"在的\"}]},\n {\"id\": 7, \"messages\": [{\"role\":\"agent\",\"text\":\"您好\"}]},\n {\"messages\": [{\"role\":\"agent\",\"text\":\"无id\"}]}\n]",
			Options{}, []string{"c1|customer||text|在吗@3", "c1|agent||text|在的@4", "7|agent||text|您好@5", "<stdin>#3|agent||text|无id@6"}},
		{"object with conversations",
			`{"conversations":[{"id":"a","messages":[{"role":"agent","text":"x"}]}]}`, Options{},
			[]string{"a|agent||text|x@1"}},
		{"object with messages",
			`{"id":"ignored","messages":[{"role":"agent","text":"x"}]}`, Options{},
			[]string{"ignored|agent||text|x@1"}},
		// the layouts' keys in any case, as the fields' (.NET's exports)
		{"PascalCase conversations",
			`{"Conversations":[{"Id":"a","Messages":[{"Role":"agent","Text":"x"}]},{"ID":"b","MESSAGES":[{"role":"customer","text":"y"}]}]}`, Options{},
			[]string{"a|agent||text|x@1", "b|customer||text|y@1"}},
		{"PascalCase messages",
			`{"Id":"c9","Messages":[{"Role":"agent","Text":"x"}]}`, Options{},
			[]string{"c9|agent||text|x@1"}},
		{"an array of PascalCase conversations, one of them with a long s",
			`[{"Id":"c1","Messages":[{"Role":"customer","Text":"在吗"}]},{"Id":"c2","meſſages":[{"Role":"agent","Text":"您好"}]}]`, Options{},
			[]string{"c1|customer||text|在吗@1", "c2|agent||text|您好@1"}},
		{"JSON lines saved as .json",
			"{\"role\":\"agent\",\"text\":\"a\"}\n{\"role\":\"customer\",\"text\":\"b\"}\n", Options{},
			[]string{"<stdin>|agent||text|a@1", "<stdin>|customer||text|b@2"}},
		{"weibo layout: utterances carry their turn's sender",
			"[{\"id\": \"3754\", \"turns\": [\n {\"sender\": \"customer\", \"utterances\": [\"问题反馈\", \"@客服\"]},\n {\"utterances\": [\"您好\"], \"sender\": \"helpdesk\"}]},\n {\"id\": \"3755\", \"turns\": [{\"sender\": \"customer\", \"utterances\": [\"\"]}]}]",
			Options{Mapping: &Mapping{Messages: "[].turns[].utterances[]",
				Fields: map[string]string{"conversation": "id", "role": "sender", "text": "."},
				Roles:  map[string]string{"helpdesk": "agent"}}},
			[]string{"3754|customer|||text|问题反馈@2", "3754|customer|||text|@客服@2", "3754|agent|||text|您好@3", "3755|customer|||text|@4"}},
		{"amazon connect layout",
			`{"ContactId":"ct-1","Transcript":[{"Id":"e1","Type":"MESSAGE","ParticipantRole":"CUSTOMER","DisplayName":"Ann","Content":"hi","AbsoluteTime":"2026-11-04T02:00:00.000Z"},{"Id":"e2","Type":"MESSAGE","ParticipantRole":"AGENT","DisplayName":"Bo","Content":"hello","AbsoluteTime":"2026-11-04T02:00:05.000Z"}]}`,
			Options{Mapping: &Mapping{Messages: "Transcript[]",
				Fields: map[string]string{"conversation": "ContactId", "id": "Id", "role": "ParticipantRole", "sender": "DisplayName", "text": "Content", "time": "AbsoluteTime", "type": "Type"},
				Types:  map[string]string{"MESSAGE": "text"}}},
			[]string{"ct-1|customer|Ann|text|hi@1", "ct-1|agent|Bo|text|hello@1"}},
		{"nested field paths and epoch seconds",
			`[{"id":9,"parts":[{"author":{"type":"admin","name":"Amy"},"body":"您好","created_at":1793757600,"part_type":"note"}]}]`,
			Options{Mapping: &Mapping{Messages: "[].parts[]",
				Fields: map[string]string{"conversation": "id", "role": "author.type", "sender": "author.name", "text": "body", "time": "created_at", "type": "part_type"},
				Roles:  map[string]string{"admin": "agent", "user": "customer"}}},
			[]string{"9|agent|Amy|note|您好@1"}},
		{"^ skips the message's own field",
			`{"tickets":[{"id":"t1","parts":{"list":[{"id":"p1","role":"agent","text":"x"}]}}]}`,
			Options{Mapping: &Mapping{Messages: "tickets[].parts.list[]", Fields: map[string]string{"conversation": "^id", "id": "id"}}},
			[]string{"t1|agent|||text|x@1"}},
		{"no conversation id: each element of the outer list is one",
			`{"tickets":[{"parts":[{"role":"agent","text":"a"}]},{"parts":[{"role":"agent","text":"b"}]}]}`,
			Options{Mapping: &Mapping{Messages: "tickets[].parts[]"}},
			[]string{"<stdin>#1|agent|||text|a@1", "<stdin>#2|agent|||text|b@1"}},
		{"no conversation id: each element is one",
			`[{"turns":[{"sender":"customer","utterances":["a"]}]},{"turns":[{"sender":"customer","utterances":["b"]}]}]`,
			Options{Mapping: &Mapping{Messages: "[].turns[].utterances[]", Fields: map[string]string{"role": "sender"}}},
			[]string{"<stdin>#1|customer|||text|a@1", "<stdin>#2|customer|||text|b@1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := readData(t, "json", tc.data, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.rejects) > 0 {
				t.Fatalf("rejects: %v", s.rejects)
			}
			got := msgLines(s.msgs)
			want := strings.Join(tc.want, "\n")
			// senders empty in the want strings are written as "|" twice
			want = strings.ReplaceAll(want, "|||", "||")
			if got != want {
				t.Fatalf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

func TestJSONIDsAndTimes(t *testing.T) {
	s := mustRead(t, "json", `[{"id":"m1","conversation":"c","role":"agent","text":"x","time":"2026-11-04 10:00:00"},{"id":2,"conversation":"c","role":"agent","text":"y","time":1793757600000}]`, Options{})
	if len(s.msgs) != 2 || s.msgs[0].ID != "m1" || s.msgs[1].ID != "2" || s.msgs[0].Time.Unix() != 1793757600 || s.msgs[1].Time.Unix() != 1793757600 {
		t.Fatalf("got %+v %v", s.msgs, s.rejects)
	}
}

func TestJSONMalformed(t *testing.T) {
	weibo := Options{Mapping: &Mapping{Messages: "[].turns[].utterances[]", Fields: map[string]string{"conversation": "id", "role": "sender", "text": "."}}}
	for _, tc := range []struct {
		name    string
		data    string
		opts    Options
		rejects []string
		msgs    int
		fileErr string
	}{
		{name: "missing text", data: `[{"role":"agent"},{"role":"agent","text":"ok"}]`, rejects: []string{`1:2: missing "text" (keys: role`}, msgs: 1},
		{name: "unknown role", data: "[\n{\"role\":\"helpdesk\",\"text\":\"x\"}]", rejects: []string{`2: unknown role "helpdesk"`}},
		{name: "object as text", data: `[{"role":"agent","text":{"a":1}}]`, rejects: []string{`"text": expected a string or a number, got an object`}},
		{name: "scalar element", data: `[1, "x", {"role":"agent","text":"ok"}]`, rejects: []string{"expected a message object, got a number", "expected a message object, got a string"}, msgs: 1},
		{name: "messages not a list", data: `[{"id":"c","messages":5}]`, rejects: []string{`"messages": expected a list`}},
		{name: "turns missing", data: "[{\"id\":\"a\"},\n{\"id\":\"b\",\"turns\":[{\"sender\":\"customer\",\"utterances\":[\"x\"]}]}]", opts: weibo,
			rejects: []string{`1:2: no "turns" here`}, msgs: 1},
		{name: "utterances not a list", data: `[{"id":"a","turns":[{"sender":"customer","utterances":"x"}]}]`, opts: weibo,
			rejects: []string{"expected a list"}},
		{name: "unknown mapped role", data: `[{"id":"a","turns":[{"sender":"helpdesk","utterances":["x"]}]}]`, opts: weibo,
			rejects: []string{`unknown role "helpdesk"`}},
		{name: "truncated", data: "[{\"role\":\"agent\",\"text\":\"ok\"},\n{\"role\":\"agent\",\"te", msgs: 1,
			fileErr: "<stdin>: line 2, column 20: unexpected end of JSON (truncated file?)"},
		{name: "syntax error", data: "[{\"role\":\"agent\",\"text\":\"ok\"},\n\n{\"role\" \"agent\"}]", msgs: 1,
			fileErr: "<stdin>: line 3, column 9: invalid JSON"},
		{name: "scalar at top", data: `"hello"`, fileErr: "expected a JSON array or object at the top"},
		{name: "array but path starts with a key", data: `[]`, opts: Options{Mapping: &Mapping{Messages: "Transcript[]"}},
			fileErr: "starts with a key"},
		{name: "too deep", data: strings.Repeat("[", 1000) + strings.Repeat("]", 1000), fileErr: "nested more than"},
		// structure and no record: as a CSV file of its header row alone
		{name: "empty array", data: "[]\n", fileErr: "<stdin>: no messages: its lists are empty"},
		{name: "empty arrays in a row", data: "[ ]\n[]", fileErr: "no messages: its lists are empty"},
		{name: "no conversations", data: `{"conversations": []}`, fileErr: "no messages: its lists are empty"},
		{name: "no messages in an object", data: `{"id": "c1", "messages": []}`, fileErr: "no messages: its lists are empty"},
		{name: "conversations without messages", data: `[{"id": "c1", "messages": []}, {"id": "c2", "messages": []}]`, fileErr: "no messages: its lists are empty"},
		{name: "mapped path to an empty list", data: `{"data": {"Transcript": []}}`, opts: Options{Mapping: &Mapping{Messages: "data.Transcript[]"}},
			fileErr: "no messages: its lists are empty"},
		// a record, even a rejected or skipped one, is not nothing
		{name: "one rejected element", data: `[{}]`, rejects: []string{`missing "text"`}},
		{name: "one message among empty conversations", data: `[{"id": "c1", "messages": []}, {"id": "c2", "messages": [{"role": "agent", "text": "您好"}]}]`, msgs: 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := readData(t, "json", tc.data, tc.opts)
			checkInvariants(t, s, err)
			if tc.fileErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.fileErr) {
					t.Fatalf("file error: got %v, want %q", err, tc.fileErr)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if len(s.rejects) != len(tc.rejects) {
				t.Fatalf("rejects: got %v, want %v", s.rejects, tc.rejects)
			}
			for i, r := range s.rejects {
				if !strings.Contains(r.Error(), tc.rejects[i]) {
					t.Errorf("reject %d: got %q, want %q", i, r.Error(), tc.rejects[i])
				}
			}
			if len(s.msgs) != tc.msgs {
				t.Errorf("messages: got %d, want %d", len(s.msgs), tc.msgs)
			}
		})
	}
}

func TestJSONDetectPrettyObject(t *testing.T) {
	s := mustRead(t, "auto", "{\n \"conversations\": [{\"id\": \"c1\", \"messages\": [\n  {\"role\": \"agent\", \"text\": \"x\"}]}]\n}\n", Options{})
	if len(s.msgs) != 1 || s.msgs[0].Conversation != "c1" || s.msgs[0].Pos.Line != 3 {
		t.Fatalf("pretty object: %s %v", msgLines(s.msgs), s.rejects)
	}
	// JSON lines still go to jsonl
	if f, _ := detectString("<stdin>", "{\"role\":\"agent\",\"text\":\"x\"}\n"); f != "jsonl" {
		t.Fatalf("JSON lines detected as %s", f)
	}
}

func TestJSONDetect(t *testing.T) {
	s := mustRead(t, "auto", " \n[{\"role\":\"agent\",\"text\":\"x\"}]", Options{})
	if len(s.msgs) != 1 || s.msgs[0].Pos.Line != 2 {
		t.Fatalf("auto json: %v %v", s.msgs, s.rejects)
	}
}

func TestLineCounter(t *testing.T) {
	data := strings.Repeat("[\n", 3) + strings.Repeat("\"x\",\n", 50000) + "\"y\"\n]]]"
	st := newJSONStream(&Source{R: bufio.NewReader(strings.NewReader(data))})
	var last int
	for {
		tok, line, err := st.token()
		if err != nil {
			break
		}
		if tok == "y" {
			last = line
		}
	}
	if last != 50004 {
		t.Fatalf("line of y: %d", last)
	}
}

func FuzzReadJSON(f *testing.F) {
	for _, seed := range []string{
		`[{"conversation":"c1","role":"agent","text":"您好"}]`,
		`[{"id":"c","messages":[{"role":"customer","text":"在吗","time":"2026-11-04 10:00:00"}]}]`,
		`{"conversations":[{"messages":[{"role":"bot","text":1}]}]}`,
		`[{"id":"1","turns":[{"sender":"helpdesk","utterances":["", "x"]}]}]`,
		"[{\"role\":\"agent\",\"te",
		`[{"id":"c","data":{"records":[{"id":1,"from":"user","content":"x"}]}}]`,
		`{"chat":{"lines":[{"sender":"客服","消息":"x"}]}}`,
		`[[[[]]]]`,
		`{"a":}`,
		`null`,
		// deep nesting, at and over the parser's bound, and huge numbers
		strings.Repeat("[", 255) + strings.Repeat("]", 255),
		`[{"role":"agent","text":"x","x":` + strings.Repeat(`{"a":[`, 200) + strings.Repeat("]}", 200) + `}]`,
		strings.Repeat(`{"messages":[`, 300),
		`[{"conversation":1e999999999,"role":"agent","text":"x","time":-0.` + strings.Repeat("9", 5000) + `e-99999}]`,
		`[{"conversation":` + strings.Repeat("9", 400) + `,"role":"agent","text":"x","time":1793757600000000000000}]`,
		`[{"role":"agent","text":"\ud800\udc00\ud800x\u0000"}]`,
		// keys named type deeper than a message's own (an author's, an
		// attachment's) and on the messages path
		`[{"id":"1","turns":[{"sender":"helpdesk","author":{"type":"bot"},"utterances":["x",{"type":"image"}]}]}]`,
		`[{"id":"1","type":"chat","turns":[{"sender":"helpdesk","type":"note","utterances":["x"]}]},{"id":"2","turns":[]}]`,
		`[{"conversation":"c","role":"agent","text":"x","author":{"type":"bot"},"attachments":[{"type":"image"}]}]`,
	} {
		f.Add(seed, false)
		f.Add(seed, true)
	}
	for _, e := range []encoding.Encoding{simplifiedchinese.GB18030,
		unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)} {
		if b, err := e.NewEncoder().String(`[{"conversation":"会话","role":"agent","text":"您好€"}]`); err == nil {
			f.Add(b, false)
		}
	}
	f.Fuzz(func(t *testing.T, data string, mapped bool) {
		var opts Options
		if mapped {
			opts.Mapping = &Mapping{Messages: "[].turns[].utterances[]",
				Fields: map[string]string{"conversation": "id", "role": "sender", "text": "."},
				Roles:  map[string]string{"helpdesk": "agent"}}
		}
		free, err := readData(t, "json", data, opts)
		checkInvariants(t, free, err)
		opts.MaxRecordBytes = 48 // JSON values over a bound
		s, berr := readData(t, "json", data, opts)
		checkInvariants(t, s, berr)
		// a message holding a value over the bound is one rejected
		if err == nil && berr == nil && records(s) != records(free) {
			t.Fatalf("%d records under the bound, %d without", records(s), records(free))
		}
	})
}

// A message of a JSON export with a string that is not valid UTF-8 (in its
// text, any other field or key, or a field it takes from the objects around
// it) is a malformed record, rejected with its line as the JSONL reader
// rejects such a line, not linted with U+FFFD in it; strings no message
// reads do not matter. Each input is also read by the encoding/json
// reference (readBoth).
func TestJSONInvalidUTF8(t *testing.T) {
	weibo := Options{Mapping: &Mapping{Messages: "[].turns[].utterances[]", Fields: map[string]string{"conversation": "id", "role": "sender", "text": "."}}}
	const bad = "\xff\xfe" // neither GB18030 nor Big5 reads it
	// over the 64 KB sample: the file is guessed to be UTF-8
	pad := strings.Repeat(`{"role":"customer","text":"在吗，这件卫衣有XL吗"},`+"\n", 1200)
	for _, tc := range []struct {
		name    string
		data    string
		opts    Options
		msgs    []string
		rejects []string // lines
	}{
		{name: "text", data: "[{\"role\":\"customer\",\"text\":\"在吗\"},\n{\"role\":\"agent\",\"text\":\"" + bad + " 不知道\"},\n{\"role\":\"agent\",\"text\":\"您好\"}]",
			msgs: []string{"<stdin>|customer||text|在吗@1", "<stdin>|agent||text|您好@3"}, rejects: []string{"2"}},
		{name: "key", data: `[{"role":"agent","text":"x","` + bad + `":1}]`, rejects: []string{"1"}},
		{name: "nested field no one reads", data: `[{"role":"agent","text":"x","meta":{"tags":["ok","` + bad + `"]}}]`, rejects: []string{"1"}},
		{name: "pretty printed: the line the message starts on", data: "[\n {\n  \"role\": \"agent\",\n  \"text\": \"" + bad + "\"\n },\n {\"role\": \"agent\", \"text\": \"ok\"}\n]",
			msgs: []string{"<stdin>|agent||text|ok@6"}, rejects: []string{"2"}},
		{name: "conversation id around the messages", data: "[{\"id\":\"" + bad + "\",\"messages\":[\n{\"role\":\"agent\",\"text\":\"a\"},\n{\"role\":\"agent\",\"text\":\"b\"}]},\n{\"id\":\"c2\",\"messages\":[{\"role\":\"agent\",\"text\":\"c\"}]}]",
			msgs: []string{"c2|agent||text|c@4"}, rejects: []string{"2", "3"}},
		{name: "a key no message reads", data: `{"export":"` + bad + `","messages":[{"role":"agent","text":"x"}]}`,
			msgs: []string{"<stdin>#1|agent||text|x@1"}},
		{name: "JSON lines saved as .json", data: "{\"role\":\"agent\",\"text\":\"" + bad + "\"}\n{\"role\":\"agent\",\"text\":\"ok\"}",
			msgs: []string{"<stdin>|agent||text|ok@2"}, rejects: []string{"1"}},
		{name: "mapped: an utterance", data: "[{\"id\":\"a\",\"turns\":[{\"sender\":\"customer\",\"utterances\":[\"在吗\",\n\"" + bad + "\"]}]}]", opts: weibo,
			msgs: []string{"a|customer||text|在吗@1"}, rejects: []string{"2"}},
		{name: "mapped: the turn's sender", data: "[{\"id\":\"a\",\"turns\":[{\"sender\":\"" + bad + "\",\"utterances\":[\"x\",\"y\"]},\n{\"sender\":\"customer\",\"utterances\":[\"z\"]}]}]", opts: weibo,
			msgs: []string{"a|customer||text|z@2"}, rejects: []string{"1", "1"}},
		// a lone surrogate is valid JSON: U+FFFD, as the JSONL reader reads it
		{name: "lone surrogate escape", data: `[{"role":"agent","text":"a\ud83d b"}]`, msgs: []string{"<stdin>|agent||text|a\uFFFD b@1"}},
		{name: "file guessed UTF-8", data: "[" + pad + "{\"role\":\"agent\",\"text\":\"" + bad + "\"},\n{\"role\":\"agent\",\"text\":\"ok\"}]",
			msgs: []string{"<stdin>|agent||text|ok@1202"}, rejects: []string{"1201"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := readBoth(t, tc.data, tc.opts)
			var got []string
			for _, m := range s.msgs {
				if !strings.HasPrefix(m.Text, "在吗，这件卫衣") {
					got = append(got, strings.ReplaceAll(msgLine(m), "|||", "||"))
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.msgs, "\n") {
				t.Errorf("messages:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.msgs, "\n"))
			}
			var lines []string
			// the file is guessed to be UTF-8 where it has Chinese in
			// UTF-8 (a bad byte that no encoding reads is no sign of
			// another), else GB18030 (its UTF-8 lines are read as UTF-8):
			// either way the record is not one --encoding gbk would read
			e, _, _ := FileEncoding([]byte(tc.data), "")
			want := guessedUnreadableWhy(e)
			for _, r := range s.rejects {
				lines = append(lines, fmt.Sprint(r.Pos.Line))
				if r.Err != want {
					t.Errorf("reject %v, want %q", r, want)
				}
			}
			if strings.Join(lines, ",") != strings.Join(tc.rejects, ",") {
				t.Errorf("rejected lines %v, want %v", lines, tc.rejects)
			}
		})
	}
}

// TestJSONEncodingsLikeJSONL reads the same records as JSONL and as JSON
// (a stream of objects, and an array of them): valid UTF-8, invalid UTF-8,
// GBK records in a file guessed to be UTF-8 and UTF-8 in one guessed to be
// GB18030, and the whole file in GBK or Big5. Both readers must read,
// recode and reject the same records, and note the same lines as read in
// another encoding.
func TestJSONEncodingsLikeJSONL(t *testing.T) {
	gbk := func(s string) string { return string(encodeWith(t, simplifiedchinese.GBK, s)) }
	big5 := func(s string) string { return string(encodeWith(t, traditionalchinese.Big5, s)) }
	pad := strings.Repeat(`{"conversation":"c1","role":"customer","text":"在吗，这件卫衣有XL吗"}`+"\n", 1200) // over the 64 KB sample
	agent := `{"conversation":"c1","role":"agent","text":"这个我也不知道\n亲，您稍等"}` + "\n"
	esc := `{"conversation":"c1","role":"agent","sender":"客服\"01\"","text":"\u8bf7\u7a0d\u7b49，这个\t我帮您查一下"}` + "\n"
	for _, tc := range []struct {
		name, data string
	}{
		{"UTF-8", pad + agent + esc},
		{"invalid UTF-8", pad + `{"conversation":"c1","role":"agent","text":"` + "\xff\xfe" + `"}` + "\n" + agent},
		{"invalid UTF-8 in a key", pad + `{"conversation":"c1","role":"agent","text":"x","` + "\x81\x20" + `":1}` + "\n" + agent},
		{"GBK records in a UTF-8 file", pad + gbk(agent) + agent + gbk(esc) + gbk(esc)},
		{"UTF-8 records in a GBK file", gbk(pad) + agent + gbk(esc)},
		{"GBK file", gbk(pad + agent + esc)},
		{"Big5 file", big5(strings.Repeat(`{"conversation":"c1","role":"customer","text":"在嗎，這件衛衣有XL嗎"}`+"\n", 1200) +
			`{"conversation":"c1","role":"agent","text":"這個我也不知道\n親，您稍等"}` + "\n")},
		{"unreadable record in a GBK file", gbk(pad) + "{\"role\":\"agent\",\"text\":\"\x81\x20\xff\xff junk\"}\n" + gbk(agent)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			read := func(format, data string) (*recSink, []string) {
				mixed := &MixedEncodings{}
				s := mustRead(t, format, data, Options{Mixed: mixed})
				checkInvariants(t, s, nil)
				return s, mixed.Warnings()
			}
			want, wantWarn := read("jsonl", tc.data)
			array := "[" + strings.ReplaceAll(strings.TrimSuffix(tc.data, "\n"), "\n", ",\n") + "]"
			for _, data := range []string{tc.data, array} {
				got, gotWarn := read("json", data)
				// JSON names a conversation-less file's messages alike
				if g, w := dumpSink(got), dumpSink(want); g != w || msgLines(got.msgs) != msgLines(want.msgs) {
					t.Fatalf("json:\n%s%s\njsonl:\n%s%s", g, msgLines(got.msgs), w, msgLines(want.msgs))
				}
				if fmt.Sprint(gotWarn) != fmt.Sprint(wantWarn) {
					t.Errorf("warnings %q, jsonl %q", gotWarn, wantWarn)
				}
			}
			for _, m := range want.msgs {
				if strings.ContainsRune(m.Text, utf8.RuneError) {
					t.Errorf("%q read with U+FFFD", m.Text)
				}
			}
		})
	}
}
