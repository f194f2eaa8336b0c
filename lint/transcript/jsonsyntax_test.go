package transcript

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/chatlint/chatlint/lint"
)

// jsonSyntaxCases are records with a character JSON does not allow where it
// is, and how the error names it (jsonl: how a .jsonl line's reject names
// it, when that differs).
var jsonSyntaxCases = []struct {
	name, rec, want, jsonl string
	col                    int // of the character at fault, on its line
}{
	{name: "opening curly quote", rec: `{"conversation":"c1",“role":"agent","text":"x"}`,
		want: `invalid character '“' (U+201C) looking for beginning of object key string`, col: 22},
	{name: "closing curly quote", rec: `{"conversation":"c1","role":"agent","text":”x"}`,
		want: `invalid character '”' (U+201D) looking for beginning of value`, col: 44},
	{name: "full-width colon", rec: `{"conversation":"c1","role"："agent","text":"x"}`,
		want: `invalid character '：' (U+FF1A) after object key`, col: 28},
	{name: "full-width comma", rec: `{"conversation":"c1"，"role":"agent","text":"x"}`,
		want: `invalid character '，' (U+FF0C) after object key:value pair`, col: 21},
	{name: "ideographic space", rec: `{"conversation":"c1",　"role":"agent","text":"x"}`,
		want: `invalid character U+3000 (ideographic space) looking for beginning of object key string`, col: 22},
	{name: "curly quote escaped", rec: `{"conversation":"c1","role":"agent","text":"a\“"}`,
		want: `invalid character '“' (U+201C) in string escape code`, col: 47},
	{name: "full-width digit", rec: `{"conversation":"c1","role":"agent","text":"x","id":-１}`,
		want: `invalid character '１' (U+FF11) in numeric literal`, col: 54},
	// files joined with cat: the second one's byte-order mark (a .jsonl
	// line is read past it, as a csv or txt line is)
	{name: "byte-order mark", rec: "\uFEFF" + `{"conversation":"c1","role":"agent","text":"x"}`,
		want: `invalid character U+FEFF (byte-order mark) looking for beginning of value`, col: 1, jsonl: "read"},
	{name: "byte-order mark in an object", rec: `{"conversation":"c1",` + "\uFEFF" + `"role":"agent","text":"x"}`,
		want: `invalid character U+FEFF (byte-order mark) looking for beginning of object key string`, col: 22},
	// a .jsonl line that is not UTF-8 (nor GB18030 or Big5) is refused
	// before it is parsed
	{name: "invalid byte", rec: `{"conversation":"c1",` + "\xff" + `"role":"agent","text":"x"}`,
		want: `invalid byte 0xff (not UTF-8) looking for beginning of object key string`, col: 22, jsonl: " in the record"},
}

// TestJSONSyntaxErrorsNameCharacters reads each bad record after a good
// one as a .jsonl line (canonical and through a mapping), as an element of
// an array, as the second of top-level objects in a row and in a streamed
// list, with the parser and with the reference, whole and a byte at a time:
// each names the character at fault, not its first byte as Latin-1 ('â').
func TestJSONSyntaxErrorsNameCharacters(t *testing.T) {
	good := `{"conversation":"c1","role":"customer","text":"在吗"}`
	for _, tc := range jsonSyntaxCases {
		t.Run(tc.name, func(t *testing.T) {
			jsonlWant := tc.jsonl
			if jsonlWant == "" {
				jsonlWant = "invalid JSON: " + tc.want + " (column " + strconv.Itoa(tc.col) + ")"
			}
			for _, opts := range []Options{{}, {Mapping: &Mapping{Types: map[string]string{"event": TypeSkip}}}} {
				s := mustRead(t, "jsonl", good+"\n"+tc.rec+"\n"+good+"\n", opts)
				if jsonlWant == "read" {
					if len(s.msgs) != 3 || len(s.rejects) != 0 {
						t.Errorf("jsonl (mapping %v): messages %d, rejects %v; want 3, none", opts.Mapping != nil, len(s.msgs), s.rejects)
					}
					continue
				}
				if len(s.msgs) != 2 || len(s.rejects) != 1 || s.rejects[0].Pos.Line != 2 || !strings.Contains(s.rejects[0].Err, jsonlWant) {
					t.Errorf("jsonl (mapping %v): messages %d, rejects %v; want %q", opts.Mapping != nil, len(s.msgs), s.rejects, jsonlWant)
				}
			}
			want := "line 2, column " + strconv.Itoa(tc.col) + ": invalid JSON: " + tc.want
			for _, data := range []string{"[" + good + ",\n" + tc.rec + "]", good + "\n" + tc.rec, `{"messages":[` + good + ",\n" + tc.rec + "]}"} {
				want := want
				ref := want
				if data == good+"\n"+tc.rec {
					// (objects each alone on a line: JSONL saved as .json)
					want += "; " + perLineHint
				}
				_, err := readData(t, "json", data, Options{})
				if err == nil || !strings.HasSuffix(err.Error(), want) {
					t.Errorf("json %q: error %v, want %q", data, err, want)
				}
				saved := streamAfter
				streamAfter = 0
				_, err = readData(t, "json", data, Options{})
				streamAfter = saved
				if err == nil || !strings.HasSuffix(err.Error(), want) {
					t.Errorf("json streamed %q: error %v, want %q", data, err, want)
				}
				var refErr error
				withReference(func() { _, refErr = readData(t, "json", data, Options{}) })
				if refErr == nil || !strings.HasSuffix(refErr.Error(), ref) {
					t.Errorf("reference %q: error %v, want %q", data, refErr, ref)
				}
				// a byte at a time: the rest of the character is read
				for _, r := range []Reader{jsonReader{}, jsonReaderRef{}} {
					src := &Source{Name: "x.json", R: bufio.NewReaderSize(iotest.OneByteReader(strings.NewReader(data)), 16), Opts: &Options{Location: time.UTC}}
					err := r.Read(context.Background(), src, &recSink{})
					want := want
					if _, isRef := r.(jsonReaderRef); isRef {
						want = ref
					}
					if err == nil || err.Error() != want {
						t.Errorf("%T a byte at a time %q: error %v, want %q", r, data, err, want)
					}
				}
			}
		})
	}
}

// TestInvalidChar names characters from any byte of them and bytes that
// are not UTF-8, and never panics, wherever it is pointed.
func TestInvalidChar(t *testing.T) {
	for _, tc := range []struct {
		b    string
		i    int
		want string
	}{
		{`a“b`, 1, `invalid character '“' (U+201C)`},
		{`a“b`, 2, `invalid character '“' (U+201C)`}, // in the middle
		{`a“b`, 3, `invalid character '“' (U+201C)`},
		{`a“b`, 4, `invalid character 'b'`},
		{`x`, 0, `invalid character 'x'`},
		{"'", 0, `invalid character '\''`},
		{"\n", 0, `invalid character '\n'`},
		{"😀", 3, `invalid character '😀' (U+1F600)`},
		{"\u00a0", 0, `invalid character U+00A0 (no-break space)`},
		{"\u200e", 0, `invalid character U+200E`},
		{"\ufffd", 0, `invalid character '�' (U+FFFD)`},
		{"\xff", 0, `invalid byte 0xff (not UTF-8)`},
		{"\x80", 0, `invalid byte 0x80 (not UTF-8)`},
		{"a\x80", 1, `invalid byte 0x80 (not UTF-8)`},
		{"\xe2\x80", 0, `invalid byte 0xe2 (not UTF-8)`},     // cut short
		{"\xe2\x80", 1, `invalid byte 0x80 (not UTF-8)`},     // (as is its second byte)
		{"\xc3\xa9\x80", 2, `invalid byte 0x80 (not UTF-8)`}, // after a whole character
		{"x", 1, `invalid character`},
		{"x", -1, `invalid character`},
		{"", 0, `invalid character`},
	} {
		if got := invalidChar([]byte(tc.b), tc.i); got != tc.want {
			t.Errorf("invalidChar(%q, %d) = %q, want %q", tc.b, tc.i, got, tc.want)
		}
	}
	for _, s := range []string{"“", "\xe2\x80", "\x80\x80\x80\x80\x80", "\xf0\x9f\x98\x80", "a\xffb", ""} {
		for i := -2; i <= len(s)+2; i++ {
			invalidChar([]byte(s), i)
		}
	}
}

// TestSyntaxMessage rewrites encoding/json's errors from the input, wherever
// the offset points near the byte at fault; when it points elsewhere the
// message is left as it was.
func TestSyntaxMessage(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{`{"a":1,“b":2}`, `invalid character '“' (U+201C) looking for beginning of object key string`},
		{`{"a"：1}`, `invalid character '：' (U+FF1A) after object key`},
		{"\uFEFF{}", `invalid character U+FEFF (byte-order mark) looking for beginning of value`},
		{"[1,\xff]", `invalid byte 0xff (not UTF-8) looking for beginning of value`},
		{`{"a" 1}`, `invalid character '1' after object key`},
		{`[1,]`, `invalid character ']' looking for beginning of value`},
	} {
		var v any
		var se *json.SyntaxError
		if err := json.Unmarshal([]byte(tc.data), &v); !errors.As(err, &se) {
			t.Fatalf("%q: %v", tc.data, err)
		}
		if got := syntaxMessage(se, []byte(tc.data), se.Offset); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.data, got, tc.want)
		}
		// one byte early or late, or past the character: still found
		for d := int64(-1); d <= 2; d++ {
			if got := syntaxMessage(se, []byte(tc.data), se.Offset+d); got != tc.want {
				t.Errorf("%q at offset %+d: %q, want %q", tc.data, d, got, tc.want)
			}
		}
		for off := int64(-8); off < int64(len(tc.data))+8; off++ {
			if got := syntaxMessage(se, []byte(tc.data), off); got != tc.want && got != se.Error() {
				t.Errorf("%q at %d: %q", tc.data, off, got)
			}
			syntaxMessage(se, nil, off)
		}
	}
}

var _ lint.Sink = (*recSink)(nil)

// TestJSONSyntaxErrorBetweenTokens: a fault between tokens (a second { where
// a key should be) is at the decoder's offset, not where a scan of the value
// after it would fail (past the line break, or one line on with the same
// message): the parser and the reference (the decoder-based stream the
// 企业微信 array reader also uses) both name the fault's line and column.
func TestJSONSyntaxErrorBetweenTokens(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{"{{\"\"\n00", "line 1, column 2: invalid JSON: invalid character '{'"},
		{"{{\"a\":1}\n,\n2]", "line 1, column 2: invalid JSON: invalid character '{'"},
		{"{{\n{", "line 1, column 2: invalid JSON: invalid character '{'"},
		{"{\"\":\"\",{\n{", "line 1, column 8: invalid JSON: invalid character '{' looking for beginning of object key string"},
	} {
		_, err := readData(t, "json", tc.data, Options{})
		var refErr error
		withReference(func() { _, refErr = readData(t, "json", tc.data, Options{}) })
		for name, e := range map[string]error{"parser": err, "reference": refErr} {
			if e == nil || !strings.Contains(e.Error(), tc.want) {
				t.Errorf("%s %q: error %v, want %q", name, tc.data, e, tc.want)
			}
		}
	}
}

// TestRuneColumn: the column of a byte counts the characters before it, an
// invalid byte as one; a byte inside a character is that character's
// column, but a stray continuation byte is a character of its own.
func TestRuneColumn(t *testing.T) {
	for _, tc := range []struct {
		b    string
		i    int
		want int
	}{
		{"abc", 0, 1},
		{"abc", 2, 3},
		{"abc", 3, 4},
		{"中文x", 3, 2},
		{"中文x", 4, 2}, // inside 文
		{"中文x", 6, 3},
		{" \x84", 1, 2},  // a stray continuation byte
		{"  \x84", 2, 3}, // (the fuzz target's case was column 1)
		{"\x84\x84x", 1, 2},
		{"a\xe4\xb8", 2, 2}, // a character cut by the buffer's end
		{"\xe4\xb8x", 1, 2}, // not a character: each byte is one
		{"\xff\x84", 1, 2},
	} {
		if got := runeColumn([]byte(tc.b), tc.i); got != tc.want {
			t.Errorf("runeColumn(%q, %d) = %d, want %d", tc.b, tc.i, got, tc.want)
		}
	}
}
