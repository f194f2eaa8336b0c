package transcript

import (
	"bufio"
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// readColumns reads data as a JSON file and returns its rejects as
// "line:col/col16 reason" (col 0: none); deferring: through a sink that
// takes raw records with their columns, as the engine's; slow: one byte a
// read.
func readColumns(t *testing.T, data string, opts Options, deferring, slow bool) []string {
	t.Helper()
	var r = iotestReader(data, slow)
	if opts.Location == nil {
		opts.Location = tzSH
	}
	src := &Source{Name: "x.json", R: bufio.NewReaderSize(r, 16), Opts: &opts}
	rec := &recSink{}
	var sink lint.Sink = rec
	if deferring {
		sink = &deferringRecSink{recSink: rec, parsers: map[lint.RecordParser]func([]byte, lint.Pos, *lint.Message) (string, bool){}}
	}
	if err := (jsonReader{}).Read(context.Background(), src, sink); err != nil {
		t.Fatalf("%q: %v", data, err)
	}
	var got []string
	for _, e := range rec.rejects {
		got = append(got, fmt.Sprintf("%d:%d/%d %s", e.Pos.Line, e.Col, e.Col16, e.Err))
	}
	return got
}

func iotestReader(data string, slow bool) interface{ Read([]byte) (int, error) } {
	if slow {
		return iotest.OneByteReader(strings.NewReader(data))
	}
	return strings.NewReader(data)
}

// wantColumn is where the record that holds marker starts, as
// "line:col/col16": the opening brace (or quote) before it, counted in
// characters and in UTF-16 code units on its line; col 0 when only blanks
// are before it there.
func wantColumn(data, marker string, open byte) string {
	i := strings.Index(data, marker)
	i = strings.LastIndexByte(data[:i], open)
	from := strings.LastIndexByte(data[:i], '\n') + 1
	line := strings.Count(data[:i], "\n") + 1
	before := data[from:i]
	if strings.TrimLeft(before, " \t\r") == "" {
		return fmt.Sprintf("%d:0/0", line)
	}
	n := utf8.RuneCountInString(before)
	return fmt.Sprintf("%d:%d/%d", line, n+1, len(utf16.Encode([]rune(before)))+1)
}

var unknownRoleRE = regexp.MustCompile(`^unknown role "(r\d+)"`)

// TestJSONRecordColumns: a malformed record of a JSON file that shares its
// line with others (a minified array: every element on line 1) is
// reported at its column, in characters and in UTF-16 code units (an
// emoji before it is two); one that starts its line (pretty-printed, one
// element a line) at its line alone. The elements the reader hands on
// raw and those it walks itself, read whole or a byte at a time, agree;
// so do a conversation's messages, on its line or on lines of their own,
// and a messages path's elements. A line longer than the parser's buffer
// is counted on across its reads, and so are more than 65,535 characters
// beyond the BMP before a record.
func TestJSONRecordColumns(t *testing.T) {
	el := func(i int, text string) string {
		return fmt.Sprintf(`{"conversation":"c1","role":"r%d","text":"%s"}`, i, text)
	}
	long := func(n int) string {
		var b strings.Builder
		b.WriteString("[")
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			if i%7 == 3 {
				b.WriteString(el(i, "坏"))
			} else {
				b.WriteString(fmt.Sprintf(`{"conversation":"c1","role":"customer","text":"在吗😀%s"}`, strings.Repeat("好", i%50)))
			}
		}
		return b.String() + "]"
	}
	weibo := Options{Mapping: &Mapping{Messages: "[].turns[].utterances[]", Fields: map[string]string{"conversation": "id", "role": "sender", "text": "."}}}
	for _, tc := range []struct {
		name string
		data string
		opts Options
		open byte // what starts a record (default {)
	}{
		{name: "minified", data: "[" + el(1, "你好") + "," + el(2, "😀😀") + "," + el(3, "x") + "]"},
		{name: "first element after the bracket", data: "[" + el(1, "a") + ",\n" + el(2, "b") + "\n]"},
		{name: "pretty-printed", data: "[\n  " + el(1, "a") + ",\n  " + el(2, "b") + "\n]\n"},
		{name: "comma first", data: "[ " + el(1, "a") + "\n, " + el(2, "b") + "\n]"},
		{name: "CRLF and tabs", data: "[\r\n\t" + el(1, "a") + ",\r\n\t" + el(2, "b") + "]"},
		{name: "conversation on one line", data: `[{"conversation":"c1","messages":[` + el(1, "😀") + "," + el(2, "b") + `]},{"conversation":"c2","messages":[` + el(3, "c") + "]}]"},
		{name: "conversation's messages a line each", data: "[{\"conversation\":\"c1\",\"messages\":[\n  " + el(1, "a") + ",\n  " + el(2, "b") + ", " + el(3, "c") + "]}]"},
		{name: "an element the reader walks", data: `[{"role":"r1","text":"a","x":"\ud800"},` + el(2, "b") + "]"},
		{name: "messages in a top-level object", data: `{"messages":[` + el(1, "a") + "," + el(2, "b") + "]}"},
		{name: "a messages path", data: `[{"id":"w1","turns":[{"sender":"customer","utterances":["好",{"x":1}]},{"sender":"r1","utterances":["😀"]}]}]`, opts: weibo, open: '"'},
		{name: "longer than the buffer", data: long(3000)},
		// (a count of them the node kept in 16 bits, and said 65,535)
		{name: "past 65,535 characters beyond the BMP before it", data: "[" + el(1, strings.Repeat("😀", 70000)) + "," + el(2, "b") + ",5]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			open := tc.open
			if open == 0 {
				open = '{'
			}
			want := readColumns(t, tc.data, tc.opts, false, false)
			if len(want) == 0 {
				t.Fatal("no rejects")
			}
			for _, w := range want {
				_, why, _ := strings.Cut(w, " ")
				if m := unknownRoleRE.FindStringSubmatch(why); m != nil {
					marker := `"role":"` + m[1] + `"`
					if tc.opts.Mapping != nil {
						marker = `😀"]` // (r1's one utterance)
					}
					at := wantColumn(tc.data, marker, open)
					if !strings.HasPrefix(w, at+" ") {
						t.Errorf("%s: want at %s", w, at)
					}
				}
			}
			for _, deferring := range []bool{false, true} {
				for _, slow := range []bool{false, true} {
					if got := readColumns(t, tc.data, tc.opts, deferring, slow); strings.Join(got, "\n") != strings.Join(want, "\n") {
						t.Errorf("deferring %v, slow %v:\n%s\nwant\n%s", deferring, slow, strings.Join(got, "\n"), strings.Join(want, "\n"))
					}
				}
			}
		})
	}
}
