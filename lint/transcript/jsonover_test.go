package transcript

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// overWhy is the reason of a message rejected for a JSON value over the
// bound: at column col of the message's line, or at line line, column col.
func overWhy(line, col int, size string, max string) string {
	at := fmt.Sprintf("column %d", col)
	if line > 0 {
		at = fmt.Sprintf("line %d, column %d", line, col)
	}
	return fmt.Sprintf("JSON value at %s is %s long, over the %s a record may take (4 × --max-message-size); not read", at, size, max)
}

// TestJSONOverBoundRejectsOne: a JSON value over the bound a record may
// take (a string, a key, a number; in a message, in the conversation
// around its messages) rejects the message it is in, naming where the
// value is and how long, and every other message of the file is read as
// without the bound. The parser, the parser streaming the lists of
// top-level objects and the encoding/json reference agree (readBoth).
func TestJSONOverBoundRejectsOne(t *testing.T) {
	long := strings.Repeat("很长", 60) // 360 bytes
	weibo := &Mapping{Messages: "[].turns[].utterances[]", Fields: map[string]string{"conversation": "id", "role": "sender", "text": "."}}
	tests := []struct {
		name, data string
		mapping    *Mapping
		max        int
		rejects    []string
		msgs       []string
	}{
		{name: "a text in an array, a message a line",
			data: "[\n" + `{"conversation":"c1","role":"customer","text":"在吗"},` + "\n" +
				`{"conversation":"c1","role":"agent","text":"` + long + `"},` + "\n" +
				`{"conversation":"c1","role":"agent","text":"您好"}` + "\n]\n",
			rejects: []string{"3: " + overWhy(0, 44, "360 B", "256 B")},
			msgs:    []string{"c1|customer||text|在吗@2", "c1|agent||text|您好@4"}},
		{name: "a text in an array on one line",
			data:    `[{"role":"agent","text":"a"},{"role":"agent","text":"` + long + `"},{"role":"agent","text":"b"}]`,
			rejects: []string{"1:30: " + overWhy(0, 53, "360 B", "256 B")},
			msgs:    []string{"<stdin>|agent||text|a@1", "<stdin>|agent||text|b@1"}},
		{name: "pretty-printed: the value on a line of its own",
			data:    "[\n  {\n    \"role\": \"agent\",\n    \"text\": \"" + long + "\"\n  },\n  {\n    \"role\": \"customer\",\n    \"text\": \"好的\"\n  }\n]\n",
			rejects: []string{"2: " + overWhy(4, 13, "360 B", "256 B")},
			msgs:    []string{"<stdin>|customer||text|好的@6"}},
		{name: "a message of a conversation",
			data: `{"conversations":[` + "\n" + `{"id":"c1","messages":[{"role":"customer","text":"在吗"},` + "\n" +
				`{"role":"agent","text":"` + long + `"}]},` + "\n" + `{"id":"c2","messages":[{"role":"agent","text":"您好"}]}]}`,
			rejects: []string{"3: " + overWhy(0, 24, "360 B", "256 B")},
			msgs:    []string{"c1|customer||text|在吗@2", "c2|agent||text|您好@4"}},
		{name: "the id of a conversation: each of its messages",
			data: "[\n" + `{"id":"` + long + `","messages":[` + "\n" + ` {"role":"customer","text":"在吗"},` + "\n" +
				` {"role":"agent","text":"好"}]},` + "\n" + `{"id":"c2","messages":[{"role":"agent","text":"您好"}]}` + "\n]",
			rejects: []string{"3: " + overWhy(2, 7, "360 B", "256 B"), "4: " + overWhy(2, 7, "360 B", "256 B")},
			msgs:    []string{"c2|agent||text|您好@5"}},
		{name: "a key",
			data:    `[{"role":"agent","` + long + `":1,"text":"x"},` + "\n" + `{"role":"agent","text":"y"}]`,
			rejects: []string{"1:2: " + overWhy(0, 18, "360 B", "256 B")},
			msgs:    []string{"<stdin>|agent||text|y@2"}},
		{name: "a key of the object around the messages",
			data:    `{"` + long + `":"x",` + "\n" + `"messages":[{"role":"agent","text":"好"}]}`,
			rejects: []string{"2:13: " + overWhy(1, 2, "360 B", "256 B")}},
		{name: "a key of a conversation after a message over the bound",
			data: `[{"id":"c1","messages":[{"role":"agent","text":"` + long + `"},` + "\n" +
				`{"role":"agent","text":"好"}],` + "\n" + `"` + long + `":1}]`,
			rejects: []string{"1:25: " + overWhy(0, 48, "360 B", "256 B"), "2: " + overWhy(3, 1, "360 B", "256 B")}},
		{name: "a number",
			data:    `[{"role":"agent","id":` + strings.Repeat("9", 300) + `,"text":"x"},` + "\n" + `{"role":"agent","text":"y"}]`,
			rejects: []string{"1:2: " + overWhy(0, 23, "300 B", "256 B")},
			msgs:    []string{"<stdin>|agent||text|y@2"}},
		{name: "a text with escapes over several reads",
			data: "[\n" + `{"角色":"客服","role":"agent","text":"\n` + strings.Repeat("长", 70000) + `"},` + "\n" +
				`{"role":"agent","text":"好"}]`,
			max:     100000,
			rejects: []string{"2: " + overWhy(0, 34, "205.1 KiB", "97.7 KiB")},
			msgs:    []string{"<stdin>|agent||text|好@3"}},
		{name: "a list of messages in a top-level object",
			data:    `{"id":"c","messages":[` + "\n" + `{"role":"agent","text":"` + long + `"},` + "\n" + `{"role":"agent","text":"好"}]}`,
			rejects: []string{"2: " + overWhy(0, 24, "360 B", "256 B")},
			msgs:    []string{"c|agent||text|好@3"}},
		{name: "a messages path",
			data:    `[{"id":"w1","turns":[{"sender":"agent","utterances":["好",` + "\n" + `"` + long + `","在的"]}]}]`,
			mapping: weibo,
			rejects: []string{"2: " + overWhy(0, 1, "360 B", "256 B")},
			msgs:    []string{"w1|agent||text|好@1", "w1|agent||text|在的@2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			max := tc.max
			if max == 0 {
				max = 256
			}
			s := readBoth(t, tc.data, Options{Mapping: tc.mapping, MaxRecordBytes: max})
			var got []string
			for _, r := range s.rejects {
				got = append(got, r.Error())
			}
			var want []string
			for _, r := range tc.rejects {
				want = append(want, "<stdin>:"+r)
			}
			if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
				t.Errorf("rejects\n%s\nwant\n%s", g, w)
			}
			if g, w := msgLines(s.msgs), strings.Join(tc.msgs, "\n"); g != w {
				t.Errorf("messages\n%s\nwant\n%s", g, w)
			}
		})
	}
}

// TestWecomArrayOverBound: a record of a 企业微信 archive saved as a JSON
// array over the bound is rejected, naming its line and column, and the
// records after it are read.
func TestWecomArrayOverBound(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(wecomSample), "\n")
	long := `{"msgid":"mx","action":"send","from":"zhangsan","tolist":["wmAAAA"],"msgtime":1793757606500,"msgtype":"text","text":{"content":"` + strings.Repeat("很长", 100) + `"}}`
	elems := append([]string{}, lines[:3]...)
	elems = append(elems, long)
	elems = append(elems, lines[3:]...)
	data := "[\n  " + strings.Join(elems, ",\n  ") + "\n]\n"
	free := mustRead(t, "wecom", data, Options{})
	s := mustRead(t, "wecom", data, Options{MaxRecordBytes: 512})
	want := []string{"<stdin>:5: " + overWhy(0, 3, fmt.Sprintf("%d B", len(long)), "512 B")}
	var got []string
	for _, r := range s.rejects {
		got = append(got, r.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("rejects %q, want %q", got, want)
	}
	var keep []string
	for _, m := range free.msgs {
		if m.Pos.Line != 5 {
			keep = append(keep, msgLine(m))
		}
	}
	if g, w := msgLines(s.msgs), strings.Join(keep, "\n"); g != w || len(keep) != 5 {
		t.Fatalf("messages\n%s\nwant\n%s", g, w)
	}
	if len(s.skips) != len(free.skips) {
		t.Fatalf("skips %v, want %v", s.skips, free.skips)
	}
}

// TestJSONOverBoundBroken: a value over the bound that cannot be read past
// (the file ends inside it, or its syntax is wrong after the bound) ends
// the file with an error saying where, as a value within the bound does.
func TestJSONOverBoundBroken(t *testing.T) {
	long := strings.Repeat("很长", 60)
	head := `[{"role":"agent","text":"a"},` + "\n" + `{"role":"agent","text":"`
	tests := []struct {
		name, format, data, want string
	}{
		{"truncated in the string", "json", head + long, "line 2, column 145: unexpected end of JSON (truncated file?)"},
		{"truncated in an escape", "json", head + long + `\u12`, "line 2, column 149: unexpected end of JSON (truncated file?)"},
		{"a control character after the bound", "json", head + long + "\x01\"}]", `line 2, column 145: invalid JSON: invalid character '\x01' in string literal`},
		{"a bad escape after the bound", "json", head + long + `\x"}]`, `line 2, column 146: invalid JSON: invalid character 'x' in string escape code`},
		{"a bad number after the bound", "json", `[{"role":"agent","text":"a"},` + "\n" + `{"role":"agent","text":"x","id":` + strings.Repeat("1", 300) + `.x}]`, `invalid JSON: invalid character 'x' after decimal point in numeric literal`},
		{"garbage after the value", "json", head + long + `"x}]`, `line 2, column 146: invalid JSON: invalid character 'x' after object key:value pair`},
		{"a wecom record truncated", "wecom", "[\n" + `{"msgid":"m1","text":{"content":"` + long + long, "line 2, column 274: unexpected end of JSON (truncated file?)"},
		{"a wecom record broken after the bound", "wecom", "[\n" + `{"msgid":"m1","text":{"content":"` + long + long + `"},]}]`, `line 2, column 277: invalid JSON: invalid character ']' looking for beginning of object key string`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.format == "json" {
				s := readBoth(t, tc.data, Options{MaxRecordBytes: 256})
				_, err = readData(t, "json", tc.data, Options{MaxRecordBytes: 256})
				if len(s.msgs) != 1 {
					t.Errorf("messages before the error: %d", len(s.msgs))
				}
			} else {
				_, err = readData(t, tc.format, tc.data, Options{MaxRecordBytes: 256})
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
}

// overReader is a JSON array of a short message, a message whose text is
// n repeats of a character, and a short message, made as it is read.
type overReader struct {
	head, unit, tail string
	n, at            int64 // the units, and the bytes read
}

func newOverReader(head string, n int64, tail string) *overReader {
	return &overReader{head: head, unit: "长", tail: tail, n: n}
}

func (r *overReader) size() int64 {
	return int64(len(r.head)) + r.n*int64(len(r.unit)) + int64(len(r.tail))
}

func (r *overReader) Read(p []byte) (int, error) {
	total := r.size()
	if r.at >= total {
		return 0, io.EOF
	}
	k := 0
	for k < len(p) && r.at < total {
		var c byte
		switch body := r.n * int64(len(r.unit)); {
		case r.at < int64(len(r.head)):
			c = r.head[r.at]
		case r.at < int64(len(r.head))+body:
			c = r.unit[(r.at-int64(len(r.head)))%int64(len(r.unit))]
		default:
			c = r.tail[r.at-int64(len(r.head))-body]
		}
		p[k] = c
		k++
		r.at++
	}
	return k, nil
}

// TestJSONOverBoundKeepsNothing reads a 96 MiB string under a 1 KiB bound,
// in a JSON array and in a 企业微信 array, with the parser (skimming the
// elements for the engine's workers, as the CLI reads, or not) and with
// the encoding/json reference: the string is read past without being
// kept (what the read allocates stays far below its size), and the
// message after it is read.
func TestJSONOverBoundKeepsNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 96 MiB four times")
	}
	const n = 32 << 20 // characters of 3 bytes
	for _, tc := range []struct {
		name, format   string
		ref, deferring bool
		line           int // the line of the message rejected
		head, tail     string
	}{
		{"parser, elements skimmed", "json", false, true, 2, `[{"role":"agent","text":"在吗"},` + "\n" + `{"role":"agent","text":"`, `"},` + "\n" + `{"role":"customer","text":"好"}]`},
		{"parser", "json", false, false, 2, `[{"role":"agent","text":"在吗"},` + "\n" + `{"role":"agent","text":"`, `"},` + "\n" + `{"role":"customer","text":"好"}]`},
		{"reference", "json", true, false, 2, `[{"role":"agent","text":"在吗"},` + "\n" + `{"role":"agent","text":"`, `"},` + "\n" + `{"role":"customer","text":"好"}]`},
		{"wecom", "wecom", false, false, 3, "[\n" + strings.Split(wecomSample, "\n")[1] + ",\n" + `{"msgid":"mx","text":{"content":"`,
			`"}},` + "\n" + strings.Split(wecomSample, "\n")[3] + "]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newOverReader(tc.head, n, tc.tail)
			s := &recSink{}
			var sink lint.Sink = s
			if tc.deferring {
				sink = &deferringRecSink{recSink: s, parsers: map[lint.RecordParser]func([]byte, lint.Pos, *lint.Message) (string, bool){}}
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			read := func() {
				err := ReadAll(t.Context(), []string{"-"}, Options{Format: tc.format, Stdin: r, Location: tzSH, MaxRecordBytes: 1024}, sink)
				if err != nil {
					t.Fatal(err)
				}
			}
			if tc.ref {
				withReference(read)
			} else {
				read()
			}
			runtime.ReadMemStats(&after)
			if r.at != r.size() {
				t.Fatalf("read %d of %d bytes", r.at, r.size())
			}
			if got := after.TotalAlloc - before.TotalAlloc; got > 8<<20 {
				t.Errorf("reading past %d MiB allocated %d MiB", r.size()>>20, got>>20)
			}
			if len(s.msgs) != 2 || len(s.rejects) != 1 || s.rejects[0].Pos.Line != tc.line ||
				!strings.Contains(s.rejects[0].Err, " MiB long, over the 1 KiB a record may take") {
				t.Fatalf("messages %s, rejects %v", msgLines(s.msgs), s.rejects)
			}
		})
	}
}

// deferringRecSink is a recSink that takes deferred records, parsing them
// at once as the engine's workers would.
type deferringRecSink struct {
	*recSink
	parsers map[lint.RecordParser]func([]byte, lint.Pos, *lint.Message) (string, bool)
}

func (s *deferringRecSink) Deferred(pos lint.Pos, raw []byte, p lint.RecordParser) error {
	return parseDeferred(s.parsers, s.recSink, pos, raw, p)
}

// DeferredAt takes a deferred record with its column (lint.ColumnSink).
func (s *deferringRecSink) DeferredAt(pos lint.Pos, col, col16 int, raw []byte, p lint.RecordParser) error {
	return parseDeferredAt(s.parsers, s.recSink, pos, col, col16, raw, p)
}
