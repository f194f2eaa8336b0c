package transcript

import (
	"bufio"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// readBoth reads data as JSON with jsonReader and with the encoding/json
// reference and fails unless they agree: the same messages, rejects and
// skips, and a file error in both or neither (naming the same line, unless
// the reference reads past the byte at fault before it notices).
func readBoth(t *testing.T, data string, opts Options) *recSink {
	t.Helper()
	got, gotErr := readData(t, "json", data, opts)
	var want *recSink
	var wantErr error
	withReference(func() { want, wantErr = readData(t, "json", data, opts) })
	sameReads(t, data, got, gotErr, want, wantErr)
	// and with every list in a top-level object streamed: the same, unless
	// a key after the list says it cannot be, or the file is broken (what
	// came before the break is linted, where the reference lints nothing)
	saved := streamAfter
	streamAfter = 0
	got, gotErr = readData(t, "json", data, opts)
	streamAfter = saved
	switch {
	case gotErr != nil && strings.Contains(gotErr.Error(), "put it before the list"):
	case gotErr != nil && wantErr != nil:
	default:
		sameReads(t, data, got, gotErr, want, wantErr)
	}
	return got
}

func sameReads(t *testing.T, data string, got *recSink, gotErr error, want *recSink, wantErr error) {
	t.Helper()
	if g, w := dumpSink(got), dumpSink(want); g != w {
		t.Fatalf("input %q:\nparser:\n%s\nreference:\n%s", data, g, w)
	}
	if (gotErr == nil) != (wantErr == nil) {
		t.Fatalf("input %q: error %v, reference %v", data, gotErr, wantErr)
	}
	if gotErr != nil {
		g, w := errLine(gotErr.Error()), errLine(wantErr.Error())
		// (the reference names the line after a line break at fault)
		lenient := strings.Contains(gotErr.Error(), `'\n'`)
		if g != w && !lenient {
			t.Fatalf("input %q: error %v, reference %v", data, gotErr, wantErr)
		}
		// a truncated file ends at the same line and column
		if strings.Contains(gotErr.Error(), "unexpected end of JSON (truncated") && lineColRE.FindString(gotErr.Error()) != lineColRE.FindString(wantErr.Error()) {
			t.Fatalf("input %q: error %v, reference %v", data, gotErr, wantErr)
		}
		// the character at fault is named alike
		if bad, refBad := badCharOf(gotErr.Error()), badCharOf(wantErr.Error()); bad != refBad && !lenient {
			t.Fatalf("input %q: error %v, reference %v", data, gotErr, wantErr)
		}
	}
}

var lineRE = regexp.MustCompile(`line (\d+)`)

// lineColRE finds where an error says it is.
var lineColRE = regexp.MustCompile(`line \d+, column \d+`)

// badCharRE finds the naming of the character at fault in a syntax error.
var badCharRE = regexp.MustCompile(`invalid (?:character|byte) (?:'(?:[^'\\]|\\.)*'|U\+[0-9A-F]+|0x[0-9a-f]+)(?: \([^)]*\))?`)

func badCharOf(s string) string { return badCharRE.FindString(s) }

func errLine(s string) string { return lineRE.FindString(s) }

func dumpSink(s *recSink) string {
	var b strings.Builder
	for _, m := range s.msgs {
		fmt.Fprintf(&b, "msg %s id=%q time=%s\n", msgLine(m), m.ID, m.Time.Format(time.RFC3339Nano))
	}
	for _, r := range s.rejects {
		// (without the column: the reference does not count one)
		fmt.Fprintf(&b, "reject %s: %s\n", r.Pos, r.Err)
	}
	for _, k := range s.skips {
		fmt.Fprintf(&b, "skip %d %s\n", k.pos.Line, k.reason)
	}
	return b.String()
}

// jsonParserCases are inputs whose strings, numbers, literals, nesting and
// errors the parser must read as encoding/json does.
var jsonParserCases = []string{
	`[{"conversation":"c1","role":"agent","text":"您好"}]`,
	`[{"conversation":"c1","role":"agent","text":"esc \" \\ \/ \b \f \n \r \t \u00e9 \u4F60 end"}]`,
	`[{"conversation":"c1","role":"agent","text":"pair \ud83d\ude00 lone \ud83d x \ude00 y \ud83d\u0041 z"}]`,
	`[{"conversation":"c1","role":"agent","text":"bad utf8 ` + "\xff\xfe\xe4\xbd" + ` end"}]`,
	`[{"conversation":"c1","role":"agent","text":"cut ` + "\xe4\xbd" + `"}]`,
	`[{"conversation":"c1","role":"agent","text":"ctl ` + "\x01" + `"}]`,
	`[{"conversation":"c1","role":"agent","text":"bad \x escape"}]`,
	`[{"conversation":"c1","role":"agent","text":"bad \u12G4"}]`,
	`[{"conversation":1.5e3,"role":"agent","text":-0.25}]`,
	`[{"conversation":-0,"role":"agent","text":0e+1}]`,
	`[{"conversation":01,"role":"agent","text":"x"}]`,
	`[{"conversation":1.,"role":"agent","text":"x"}]`,
	`[{"conversation":1e,"role":"agent","text":"x"}]`,
	`[{"conversation":-,"role":"agent","text":"x"}]`,
	`[{"conversation":"c","role":"agent","text":"x","id":true,"type":null}]`,
	`[{"conversation":"c","role":"agent","text":"x","id":tru}]`,
	`[{"conversation":"c","role":"agent","text":"x","id":nul}]`,
	`[{"conversation":"c","role":"agent","text":"x" "id":1}]`,
	`[{"conversation":"c","role":"agent","text":"x",}]`,
	`[{"conversation":"c","role":"agent","text":"x"},]`,
	`[{"conversation":"c","role":"agent","text":"x"} {"text":"y"}]`,
	`[{conversation:"c"}]`,
	`[{"a" 1}]`,
	`[` + "\n\n" + `{"role":"agent","text":"x"}` + "\r\n" + `]` + "\n" + `[{"role":"customer","text":"y"}]`,
	`{"conversations":[{"id":"a","messages":[{"role":"agent","text":"x"}]}],"total":1}`,
	`{"id":"c9","messages":[{"role":"agent","text":"x"}]}`,
	`{"messages":[{"role":"agent","text":"x"}],"id":"late"}`,
	`{"messages":[{"role":"agent","text":"x"}],"conversations":[{"id":"b","messages":[{"role":"customer","text":"y"}]}]}`,
	`{"conversations":5,"messages":[{"role":"agent","text":"x"}]}`,
	`{"conversations":[{"id":"a","messages":[{"role":"agent","text":"1"}]}],"conversations":[{"id":"b","messages":[{"role":"agent","text":"2"}]}]}`,
	`{"role":"agent","text":"top object message"}` + "\n" + `{"role":"customer","text":"second"}`,
	`"hello"`, `12`, `null`, `true`, `]`, `}`, `[`, `{`, `{"a":`, `[1,`, `[1 2]`, `{"a":1}}`, "",
	"[\n{\"role\":\"agent\",\"text\":\"ok\"},\n{\"role\":\"agent\",\"te",
	"[\n{\"role\":\"agent\",\"text\":\"ok\"},\n{\"role\" \"agent\"}]",
	strings.Repeat("[", 300) + strings.Repeat("]", 300),
	// truncated right after a line break and a token (the error names the
	// line the file ends on)
	"[\n{", "{\"messages\":\n[", "[{\"role\":\"agent\",\"text\":\"hi\"}\n,", "[\n-", "[\ntr", "\n[", "[{\"a\":\n1",
	// characters beyond ASCII where JSON wants its own (named alike)
	`[{"conversation":"c1",“role":"agent","text":"x"}]`, `[{"role"："agent"}]`, `[{"role":"agent"，"text":"x"}]`,
	`[{"text":"a\“"}]`, `[{"id":-１}]`, `[{"id":t“}]`, `[{"id":1.“}]`, "[{\"id\":1e\xef\xbc\x91}]", "[{}]\n\uFEFF[{}]", "[{},\n\xff]", "[{\"a\":\xe2\x80}]",
	// a lone lead byte at the end of the last string
	"{\"role\":\"agent\",\"text\":\"\xe1\"}", "\"\xe1\"",
	`[` + strings.Repeat(`[`, 255) + strings.Repeat(`]`, 255) + `]`,
	`{"a":` + strings.Repeat(`[`, 255) + strings.Repeat(`]`, 255) + `}`,
}

// jsonRecodeCases hold strings that are not valid UTF-8, read both as they
// are (the file is guessed to be GB18030) and after 64 KB of spaces (guessed
// to be UTF-8: the strings are tried as GB18030 and Big5). 81 5C is a
// GB18030 character (乗) whose trail byte is the backslash of an escape:
// read as GB18030, the string does not end where it ends as UTF-8, so it
// is no clean reading (a JSONL line fails to parse), and the string stays
// invalid UTF-8; where what follows the backslash is an ordinary
// character, GB18030 reads the string cleanly (乗n).
var jsonRecodeCases = []string{
	// the fuzz target's find: under a key nobody asks for
	"{\"0000\":\"\x81\\\"\"}",
	// in a known field's value, an unknown field's, a key, a nested value
	"[{\"role\":\"agent\",\"text\":\"\x81\\\"\"}]",
	"[{\"role\":\"agent\",\"text\":\"x\",\"sender\":\"\x81\\\"\"}]",
	"[{\"role\":\"agent\",\"text\":\"x\",\"0000\":\"\x81\\\"\"}]",
	"[{\"role\":\"agent\",\"text\":\"x\",\"\x81\\\"\":1}]",
	"[{\"role\":\"agent\",\"text\":\"x\",\"a\":{\"b\":[1,\"\x81\\\"\"]}}]",
	// the escaped quote not last; a swallowed escaped backslash; a quote
	// escaped twice; Big5's 功 (A5 5C)
	"[{\"role\":\"agent\",\"text\":\"a\x81\\\"b\"}]",
	"[{\"role\":\"agent\",\"text\":\"a\x81\\\\\"}]",
	"[{\"role\":\"agent\",\"text\":\"\x81\\\"\\\"\"}]",
	"[{\"role\":\"agent\",\"text\":\"\xa5\\\"\"}]",
	// read cleanly: 乗n, 乗u4f60, 乗 and a line break
	"[{\"role\":\"agent\",\"text\":\"\x81\\n\"}]",
	"[{\"role\":\"agent\",\"text\":\"\x81\\u4f60\"}]",
	"[{\"role\":\"agent\",\"text\":\"\x81\\\\n\"}]",
	// in the enclosing object of a list of messages, before and after it,
	// and in the list (streamed when readBoth streams every list)
	"{\"id\":\"\x81\\\"\",\"messages\":[{\"role\":\"agent\",\"text\":\"x\"}]}",
	"{\"messages\":[{\"role\":\"agent\",\"text\":\"x\"}],\"total\":\"\x81\\\"\"}",
	"{\"id\":\"c\",\"messages\":[{\"role\":\"agent\",\"text\":\"\x81\\\"\"},{\"role\":\"agent\",\"text\":\"ok\"}]}",
	"{\"conversations\":[{\"id\":\"a\",\"messages\":[{\"role\":\"agent\",\"text\":\"x\",\"\x81\\\"\":1}]},{\"id\":\"b\",\"messages\":[{\"role\":\"agent\",\"text\":\"\x81\\n\"}]}]}",
	`{"ContactId":"x","Transcript":[{"ParticipantRole":"AGENT","Content":"` + "\x81\\\"" + `"}]}`,
}

func TestJSONParserAgreesWithReference(t *testing.T) {
	mapped := Options{Mapping: &Mapping{Messages: "[].turns[].utterances[]",
		Fields: map[string]string{"conversation": "id", "role": "sender", "text": "."},
		Roles:  map[string]string{"helpdesk": "agent"}}}
	connect := Options{Mapping: &Mapping{Messages: "Transcript[]",
		Fields: map[string]string{"conversation": "ContactId", "role": "ParticipantRole", "text": "Content"}}}
	for _, data := range jsonParserCases {
		for _, opts := range []Options{{}, mapped, connect} {
			readBoth(t, data, opts)
		}
	}
	for _, data := range jsonRecodeCases {
		for _, opts := range []Options{{}, mapped, connect} {
			readBoth(t, data, opts)
			readBoth(t, strings.Repeat(" ", bufSize)+data, opts)
		}
	}
	// values over the bound, of every kind and at every place, and values
	// just within it
	for _, data := range slices.Concat(jsonParserCases, jsonOverCases, jsonRecodeCases) {
		for _, max := range []int{7, 8, 9, 48, 64} {
			for _, opts := range []Options{{}, mapped, connect} {
				opts.MaxRecordBytes = max
				readBoth(t, data, opts)
			}
		}
	}
}

// jsonOverCases are inputs with values over a bound of 48 bytes or less:
// strings (keys, values, with escapes, not UTF-8, cut short or broken
// after the bound), numbers, the values around a list of messages, a
// value at the top, one in a list streamed.
var jsonOverCases = []string{
	`[{"role":"agent","text":"` + strings.Repeat("很长", 10) + `"},{"role":"agent","text":"好"}]`,
	`[{"role":"agent","text":"` + strings.Repeat(`a\n\u4f60`, 10) + `"},{"role":"agent","text":"好"}]`,
	`[{"role":"agent","text":"` + strings.Repeat("\xff", 60) + `"},{"role":"agent","text":"好"}]`,
	`[{"role":"agent","` + strings.Repeat("k", 60) + `":1,"text":"x"},{"role":"agent","text":"好"}]`,
	`[{"role":"agent","` + strings.Repeat("k", 60) + `"x":1,"text":"x"},{"role":"agent","text":"好"}]`,
	`[{"role":"agent","id":` + strings.Repeat("1", 60) + `,"text":"x"},{"role":"agent","text":"好"}]`,
	`[{"role":"agent","id":-` + strings.Repeat("1", 30) + `.` + strings.Repeat("2", 30) + `e+` + strings.Repeat("3", 10) + `,"text":"x"}]`,
	`[{"role":"agent","id":` + strings.Repeat("1", 60) + `.}]`,
	`[{"role":"agent","id":` + strings.Repeat("1", 60) + `e}]`,
	`[{"role":"agent","id":` + strings.Repeat("1", 60) + `.5e-}]`,
	`[{"role":"agent","id":0` + strings.Repeat("1", 60) + `}]`,
	`[{"role":"agent","text":"` + strings.Repeat("长", 30),
	`[{"role":"agent","text":"` + strings.Repeat("长", 30) + `\u00`,
	`[{"role":"agent","text":"` + strings.Repeat("长", 30) + `\`,
	`[{"role":"agent","text":"` + strings.Repeat("长", 30) + `\u00g0"}]`,
	`[{"role":"agent","text":"` + strings.Repeat("长", 30) + `\q"}]`,
	`[{"role":"agent","text":"` + strings.Repeat("长", 30) + "\t\"}]",
	`[{"role":"agent","text":"` + strings.Repeat("长", 30) + "\"\"}]",
	`[{"role":"agent","text":"` + strings.Repeat("长", 30) + "\"5}]",
	`[{"role":"agent","text":"` + strings.Repeat("长", 30) + "\".5}]",
	`[{"role":"agent","text":"` + strings.Repeat("长", 30) + "\"" + strings.Repeat(" ", 100) + "}]",
	`["` + strings.Repeat("长", 30) + `", {"role":"agent","text":"好"}]`,
	`"` + strings.Repeat("长", 30) + `"`,
	strings.Repeat("1", 60),
	`{"id":"` + strings.Repeat("长", 30) + `","messages":[{"role":"agent","text":"好"},{"role":"customer","text":"在吗"}]}`,
	`{"messages":[{"role":"agent","text":"好"},{"role":"customer","text":"` + strings.Repeat("长", 30) + `"}],"id":"c"}`,
	`{"` + strings.Repeat("k", 60) + `":1,"messages":[{"role":"agent","text":"好"}]}`,
	`{"conversations":[{"id":"a","messages":[{"role":"agent","text":"好"}]},{"id":"` + strings.Repeat("b", 60) + `","messages":[{"role":"agent","text":"好"}]}]}`,
	`{"conversations":[{"` + strings.Repeat("m", 60) + `":[{"role":"agent","text":"好"}]}]}`,
	`[{"id":"1","turns":[{"sender":"helpdesk","utterances":["a","` + strings.Repeat("b", 60) + `","c"]}]}]`,
	`{"ContactId":"` + strings.Repeat("x", 60) + `","Transcript":[{"ParticipantRole":"AGENT","Content":"hi"}]}`,
	`{"ContactId":"x","Transcript":[{"ParticipantRole":"AGENT","Content":"` + strings.Repeat("长", 30) + `"},{"ParticipantRole":"AGENT","Content":"hi"}]}`,
	"[\n" + strings.Repeat(" ", 200) + `{"role":"agent","text":"好"}` + strings.Repeat("\n", 100) + "]",
	"[{\"role\":\"agent\",\"text\":\"" + strings.Repeat("a", 47) + "\"},{\"role\":\"agent\",\"text\":\"" + strings.Repeat("a", 48) + "\"},{\"role\":\"agent\",\"text\":\"" + strings.Repeat("a", 49) + "\"}]",
	"[{\"role\":\"agent\",\"text\":\"" + strings.Repeat("a", 46) + "\\n\"},{\"role\":\"agent\",\"text\":\"" + strings.Repeat("a", 47) + "\\n\"}]",
}

func FuzzJSONParserAgreesWithReference(f *testing.F) {
	for _, c := range jsonParserCases {
		f.Add(c, uint8(0))
	}
	f.Add(`{"ContactId":"x","Transcript":[{"ParticipantRole":"AGENT","Content":"hi"}]}`, uint8(2))
	f.Add(`[{"id":"1","turns":[{"sender":"helpdesk","utterances":["a","b"]}]}]`, uint8(1))
	f.Add(intercomConversation, uint8(3))
	for _, c := range jsonRecodeCases {
		f.Add(c, uint8(0))
		f.Add(c, uint8(4))
	}
	// mode 4 and up: after 64 KB of spaces, so that the file is guessed to
	// be UTF-8 and strings that are not are read as GB18030 or Big5 when
	// they can be (a smaller file with such a string is guessed GB18030)
	f.Add(`[{"role":"agent","text":"\"`+string(encodeWith(f, simplifiedchinese.GBK, "这个我也不知道"))+`\n"}, {"role":"agent","text":"`+"\xff\xfe"+`"}]`, uint8(4))
	f.Add(`{"id":"`+string(encodeWith(f, simplifiedchinese.GBK, "会话"))+`","messages":[{"role":"agent","`+"\x81\x20"+`":1,"text":"x"}]}`, uint8(4))
	// nesting at and over the bound, huge numbers, escapes of surrogates
	f.Add(`[{"role":"agent","text":"x","x":`+strings.Repeat("[", 254)+strings.Repeat("]", 254)+`}]`, uint8(0))
	f.Add(`{"messages":[{"role":"agent","text":"x","x":`+strings.Repeat(`{"a":`, 260)+`1`+strings.Repeat("}", 260)+`}]}`, uint8(0))
	f.Add(`[{"conversation":1e999999999,"role":"agent","text":"x","time":-0.`+strings.Repeat("9", 3000)+`e-99999}]`, uint8(0))
	f.Add(`[{"conversation":`+strings.Repeat("9", 400)+`,"role":"agent","text":"\ud800\udc00\udfff\u0000","time":1793757600000000000000}]`, uint8(0))
	// mode 8 and up: values over a bound
	for _, c := range jsonOverCases {
		f.Add(c, uint8(8))
		f.Add(c, uint8(16))
	}
	f.Fuzz(func(t *testing.T, data string, mode uint8) {
		if mode&4 != 0 {
			data = strings.Repeat(" ", bufSize) + data
		}
		var opts Options
		switch mode >> 3 & 3 {
		case 1:
			opts.MaxRecordBytes = 48
		case 2:
			opts.MaxRecordBytes = 9
		case 3:
			opts.MaxRecordBytes = 1 << 10
		}
		switch mode % 4 {
		case 1:
			opts.Mapping = &Mapping{Messages: "[].turns[].utterances[]",
				Fields: map[string]string{"conversation": "id", "role": "sender", "text": "."},
				Roles:  map[string]string{"helpdesk": "agent"}}
		case 2:
			opts.Mapping = &Mapping{Messages: "Transcript[]",
				Fields: map[string]string{"conversation": "ContactId", "role": "ParticipantRole", "text": "Content"}}
		case 3:
			opts.Mapping = intercomMapping("source,conversation_parts.conversation_parts[]")
			opts.HTML = true
		}
		readBoth(t, data, opts)
	})
}

// TestJSONRecodeSwallowedEscape reads, in a file guessed to be UTF-8, a
// message whose text has a byte that is not UTF-8 before an escape, where
// GB18030 reads the byte and the escape's backslash as one character (81
// 5C, 乗): when the escape is of a quote or a backslash, GB18030 would end
// the string elsewhere (the JSONL line fails to parse as JSON), so the
// string is not read cleanly and the message is rejected as invalid
// UTF-8; otherwise it is GB18030's reading, as in JSONL.
func TestJSONRecodeSwallowedEscape(t *testing.T) {
	pad := strings.Repeat(" ", bufSize)
	for _, c := range []struct{ text, want string }{
		{"\x81\\\"", ""},
		{"a\x81\\\"b", ""},
		{"\x81\\\\", ""},
		{"\x81\\\"\\\"", ""},
		{"\x81\\n", "乗n"},
		{"\x81\\\\n", "乗\n"},
		{"\x81\\u4f60", "乗u4f60"},
	} {
		rec := `{"role":"agent","text":"` + c.text + `"}`
		for _, layout := range []string{rec, "[" + rec + "]", `{"id":"c","messages":[` + rec + `]}`} {
			s := readBoth(t, pad+layout, Options{})
			if c.want == "" {
				if len(s.msgs) != 0 || len(s.rejects) != 1 || s.rejects[0].Err != invalidUTF8Record {
					t.Errorf("%q: messages %v, rejects %v; want it rejected as invalid UTF-8", layout, msgLines(s.msgs), s.rejects)
				}
			} else if len(s.msgs) != 1 || s.msgs[0].Text != c.want || len(s.rejects) != 0 {
				t.Errorf("%q: messages %v, rejects %v; want the text %q", layout, msgLines(s.msgs), s.rejects, c.want)
			}
		}
		// the JSONL reader, which reads the whole line as GB18030, agrees
		// (a line that GB18030 reads is not JSON: a syntax error)
		s, err := readData(t, "jsonl", pad+rec+"\n", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if c.want == "" && (len(s.msgs) != 0 || len(s.rejects) != 1) ||
			c.want != "" && (len(s.msgs) != 1 || s.msgs[0].Text != c.want) {
			t.Errorf("jsonl %q: messages %v, rejects %v", rec, msgLines(s.msgs), s.rejects)
		}
	}
}

// TestJSONParserLeadByteAtBufferEnd puts a lone UTF-8 lead byte, closing
// its string three bytes before the end of the file, at every place around
// the end of the parser's first read: the parser must read what the input
// has (a message that is not valid UTF-8, rejected), not take the file for
// truncated.
func TestJSONParserLeadByteAtBufferEnd(t *testing.T) {
	prefix := `{"role":"agent","text":"`
	for n := jsonBufSize - len(prefix) - 4; n <= jsonBufSize-len(prefix)+4; n++ {
		data := prefix + strings.Repeat("a", n) + "\xe1\"}"
		s := readBoth(t, data, Options{})
		// the lead byte in the 64 KB sample: the file is guessed to be
		// GB18030, which cannot read it either, or, the sample cutting
		// it off at its end, UTF-8, its byte past ASCII read in neither;
		// past the sample, the file is ASCII as far as the guess can tell
		want := invalidUTF8Record
		if e, _, _ := FileEncoding([]byte(data), ""); e != nil || strings.IndexByte(data, 0xe1) < bufSize {
			want = guessedUnreadableWhy(e)
		}
		if len(s.msgs) != 0 || len(s.rejects) != 1 || s.rejects[0].Err != want {
			t.Fatalf("%d bytes of text: %d messages, rejects %v", n, len(s.msgs), s.rejects)
		}
	}
}

// TestJSONKeyCacheBounded reads elements whose keys are all different and
// long: the parser's key cache must not keep them (their bytes would stay
// for the whole file).
func TestJSONKeyCacheBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("[")
	for i := range 3000 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"role":"agent","text":"hi","k%d%s":1,"x%d":2}`, i, strings.Repeat("长", 40), i)
	}
	b.WriteString("]")
	src := &Source{Name: "keys.json", R: bufio.NewReader(strings.NewReader(b.String())), Opts: &Options{}}
	p := newJSONParser(src)
	s := &recSink{}
	if err := readJSON(t.Context(), src, s, p); err != nil {
		t.Fatal(err)
	}
	if len(s.msgs) != 3000 {
		t.Fatalf("%d messages", len(s.msgs))
	}
	total := 0
	for k := range p.keys {
		if len(k) > maxInternedKeyLen {
			t.Errorf("a key of %d bytes was interned", len(k))
		}
		total += len(k)
	}
	if len(p.keys) > maxInternedKeys || total > maxInternedKeys*maxInternedKeyLen {
		t.Errorf("key cache: %d keys, %d bytes", len(p.keys), total)
	}
	if _, ok := p.keys["x2999"]; ok != (len(p.keys) < maxInternedKeys) {
		t.Errorf("short keys are interned while the cache has room: x2999 %v, %d keys", ok, len(p.keys))
	}
}

// TestJSONParserRecodeAtBufferEnd puts a GBK string, after escapes and
// ASCII (a string is recoded whole, as a JSONL line is), at every place around the end of the parser's first read in a
// file guessed to be UTF-8 (its first 64 KB are), and one longer than the
// parser's buffer: the parser must keep the string's bytes through the
// refills, to read it as GBK, as the reference does.
func TestJSONParserRecodeAtBufferEnd(t *testing.T) {
	gbk := string(encodeWith(t, simplifiedchinese.GBK, "这个我也不知道，亲"))
	const want = "请\n\"ab\" 这个我也不知道，亲"
	head := `[{"role":"agent","text":"`
	str := `\u8bf7\n\"ab\" ` + gbk
	for n := jsonBufSize - len(head) - len(str) - 2; n <= jsonBufSize-len(head)+2; n++ {
		// the first message pads the file, in UTF-8, to put the second
		// message's text n bytes in
		data := head + strings.Repeat("a", n-len(`x"},{"role":"agent","text":"`)) + `x"},{"role":"agent","text":"` + str + `"}]`
		s := readBoth(t, data, Options{})
		if len(s.msgs) != 2 || s.msgs[1].Text != want {
			t.Fatalf("text at byte %d: messages %d, rejects %v", n, len(s.msgs), s.rejects)
		}
	}
	long := strings.Repeat("这个我也不知道，亲\\n", 8000)
	data := `[{"role":"agent","text":"` + strings.Repeat("您好", 12000) + `"},` + "\n" + `{"role":"agent","text":"` + string(encodeWith(t, simplifiedchinese.GBK, long)) + `"}]`
	s := readBoth(t, data, Options{})
	if len(s.msgs) != 2 || s.msgs[1].Text != strings.ReplaceAll(long, `\n`, "\n") || s.msgs[1].Pos.Line != 2 {
		t.Fatalf("long GBK text: messages %d, rejects %v", len(s.msgs), s.rejects)
	}
}
