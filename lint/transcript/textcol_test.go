package transcript

import (
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/chatlint/chatlint/lint"
)

func decodeWith(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewDecoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// lineColumnOf is the column on the file line that the text report gives
// (lint.Message.LineColumn) for a finding at the first match in m's text,
// and the one SARIF and GitHub annotations give, in UTF-16 code units
// (lint.Message.LineColumnUTF16).
func lineColumnOf(t *testing.T, m *lint.Message, match string) (col, col16 int) {
	t.Helper()
	i := strings.Index(m.Text, match)
	if i < 0 {
		t.Fatalf("%q is not in the text %q", match, m.Text)
	}
	f := lint.Finding{Match: match, Start: i, End: i + len(match), Column: utf8.RuneCountInString(m.Text[:i]) + 1}
	return m.LineColumn(&f), m.LineColumnUTF16(&f)
}

// The readers say where a record's text is written on its line, so that
// the columns of SARIF results and GitHub annotations are those an editor
// shows (in code points) rather than columns in the message text: canonical
// JSONL (the fast scanner and its encoding/json fallback), csv and tsv
// records and canned replies. A match after an escape (\n, \u4e0d) or a
// doubled quote, or on a later line of a record, has no column rather than
// a wrong one; so have the formats that do not locate their texts.
func TestTextColumnOnTheLine(t *testing.T) {
	gbk := func(s string) string { return string(encodeWith(t, simplifiedchinese.GBK, s)) }
	pad := strings.Repeat(`{"conversation":"c0","role":"customer","text":"在吗，这件卫衣有XL吗"}`+"\n", 1200) // a UTF-8 sample
	for _, tc := range []struct {
		name, format, data string
		opts               Options
		line               int    // the record's line
		match              string // in the text
		want               int    // its column on the line; 0: none
	}{
		{name: "jsonl", format: "jsonl", data: `{"conversation":"c1","role":"agent","sender":"客服01","text":"这个我也不知道"}`,
			line: 1, match: "不知道", want: 65},
		{name: "jsonl: the text first, blanks before", format: "jsonl", data: `  {"text":"不知道","role":"agent"}`, line: 1, match: "不知道", want: 12},
		{name: "jsonl: a character outside the BMP before", format: "jsonl", data: `{"role":"agent","sender":"😀客服","text":"不知道"}`,
			line: 1, match: "不知道", want: 40},
		{name: "jsonl: characters outside the BMP before, on the line and in the text", format: "jsonl", data: `{"role":"agent","sender":"小美🌸","text":"您好😀𠮷这个我也不知道"}`,
			line: 1, match: "不知道", want: 48},
		{name: "jsonl: the same, read by encoding/json", format: "jsonl", data: `{"role":"agent","sender":"小美🌸","Text":"您好😀𠮷这个我也不知道"}`,
			line: 1, match: "不知道", want: 48},
		{name: "jsonl: escape after the match", format: "jsonl", data: `{"role":"agent","text":"不知道\n再见"}`, line: 1, match: "不知道", want: 25},
		{name: "jsonl: escape before the match", format: "jsonl", data: `{"role":"agent","text":"您好\n不知道"}`, line: 1, match: "不知道"},
		{name: "jsonl: all escaped (ensure_ascii)", format: "jsonl", data: `{"role":"agent","text":"\u4e0d\u77e5\u9053"}`, line: 1, match: "不知道"},
		{name: "jsonl: escapes in a field before the text", format: "jsonl", data: `{"role":"agent","sender":"\ud83d\ude00","text":"不知道"}`,
			line: 1, match: "不知道", want: 49},
		{name: "jsonl: escapes and wide characters in a field before the text", format: "jsonl", data: `{"role":"agent","sender":"客服\n小美","text":"不知道"}`,
			line: 1, match: "不知道", want: 43},
		{name: "jsonl: key in another case (encoding/json)", format: "jsonl", data: `{"role":"agent","Text":"我不知道"}`, line: 1, match: "不知道", want: 26},
		{name: "jsonl: the last text key", format: "jsonl", data: `{"role":"agent","text":"不行","text":"我不知道"}`, line: 1, match: "不知道", want: 38},
		{name: "jsonl: a GBK line in a UTF-8 file", format: "jsonl", data: pad + gbk(`{"conversation":"c1","role":"agent","text":"这个我也不知道"}`) + "\n",
			line: 1201, match: "不知道", want: 49},
		{name: "jsonl: HTML text", format: "jsonl", data: `{"role":"agent","text":"<p>不知道</p>"}`, opts: Options{HTML: true}, line: 1, match: "不知道"},
		{name: "jsonl: HTML option, plain text", format: "jsonl", data: `{"role":"agent","text":"不知道"}`, opts: Options{HTML: true}, line: 1, match: "不知道", want: 25},
		{name: "jsonl: through a mapping", format: "jsonl", data: `{"role":"agent","body":"不知道"}`,
			opts: Options{Mapping: &Mapping{Fields: map[string]string{"text": "body"}}}, line: 1, match: "不知道"},
		{name: "csv", format: "csv", data: "conversation,role,text\nc1,agent,这个我也不知道\n", line: 2, match: "不知道", want: 14},
		{name: "csv: quoted, wider characters before", format: "csv", data: "conversation,role,text\n会话一,agent,\"嗯,不知道\"\n", line: 2, match: "不知道", want: 14},
		{name: "csv: doubled quote after the match", format: "csv", data: "conversation,role,text\nc1,agent,\"不知道，\"\"加绒\"\"\"\n", line: 2, match: "不知道", want: 11},
		{name: "csv: doubled quote before the match", format: "csv", data: "conversation,role,text\nc1,agent,\"\"\"加绒\"\"不知道\"\n", line: 2, match: "不知道"},
		{name: "csv: the text's first line", format: "csv", data: "conversation,role,text\nc1,agent,\"不知道\n明天\"\n", line: 2, match: "不知道", want: 11},
		{name: "csv: the text's second line", format: "csv", data: "conversation,role,text\nc1,agent,\"好的\n不知道\"\n", line: 2, match: "不知道"},
		{name: "csv: the text on a later line of the record", format: "csv", data: "conversation,note,role,text\nc1,\"a\nb\",agent,不知道\n", line: 2, match: "不知道"},
		{name: "csv: a GBK record in a UTF-8 file", format: "csv", data: "conversation,role,text\n" + strings.Repeat("c0,customer,在吗，这件卫衣有XL吗\n", 3000) + gbk("c1,agent,这个我也不知道") + "\n",
			line: 3002, match: "不知道"},
		{name: "csv: characters outside the BMP before", format: "csv", data: "conversation,sender,role,text\nc1,小美🌸,agent,您好😀𠮷这个我也不知道\n", line: 2, match: "不知道", want: 22},
		{name: "tsv", format: "tsv", data: "conversation\tsender\ttext\nc1\t客服01\t不知道\n", opts: Options{Agents: []string{"客服*"}}, line: 2, match: "不知道", want: 9},
		{name: "canned", format: "canned", data: "# replies\n  这个我也不知道\n", line: 2, match: "不知道", want: 7},
		{name: "canned: characters outside the BMP", format: "canned", data: "😀𠮷这个我也不知道\n", line: 1, match: "不知道", want: 7},
		{name: "json", format: "json", data: `[{"role":"agent","text":"不知道"}]`, line: 1, match: "不知道"},
		{name: "txt", format: "txt", data: "客服01 2026-11-04 10:00:00\n不知道\n", opts: Options{Agents: []string{"客服*"}}, line: 1, match: "不知道"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := mustRead(t, tc.format, tc.data, tc.opts)
			var m *lint.Message
			for i := range s.msgs {
				if s.msgs[i].Pos.Line == tc.line {
					m = &s.msgs[i]
				}
			}
			if m == nil {
				t.Fatalf("no message at line %d: %s; rejects %v", tc.line, msgLines(s.msgs), s.rejects)
			}
			got, got16 := lineColumnOf(t, m, tc.match)
			if got != tc.want {
				t.Fatalf("column %d, want %d (TextCol %d, TextRaw %d)", got, tc.want, m.TextCol, m.TextRaw)
			}
			if got > 0 {
				// the match is there on the line, as an editor shows it
				raw := strings.Split(tc.data, "\n")[tc.line-1]
				if !utf8.ValidString(raw) {
					raw = string(decodeWith(t, simplifiedchinese.GBK, raw))
				}
				line, n := []rune(raw), utf8.RuneCountInString(tc.match)
				if got-1+n > len(line) || string(line[got-1:got-1+n]) != tc.match {
					t.Fatalf("column %d of %q is not %q", got, raw, tc.match)
				}
				// and at the UTF-16 column SARIF viewers and GitHub count
				if want16 := len(utf16.Encode(line[:got-1])) + 1; got16 != want16 {
					t.Fatalf("UTF-16 column %d, want %d (TextAstral %d)", got16, want16, m.TextAstral)
				}
			} else if got16 != 0 {
				t.Fatalf("UTF-16 column %d without a column", got16)
			}
		})
	}
}

// checkTextPlace checks that each message whose reader located its text on
// its line is there: on line Pos.Line of data, from column TextCol, the
// first TextRaw bytes of the text. decoded: data was read as files are (a
// leading byte-order mark dropped, a lone CR a line break).
func checkTextPlace(t testing.TB, data string, decoded bool, msgs []lint.Message) {
	t.Helper()
	if !utf8.ValidString(data) {
		return // (read in another encoding: columns count its characters)
	}
	if decoded {
		data = strings.TrimPrefix(data, "\uFEFF")
		data = strings.ReplaceAll(strings.ReplaceAll(data, "\r\n", "\n"), "\r", "\n")
	}
	lines := strings.Split(data, "\n")
	for _, m := range msgs {
		if m.TextCol <= 0 {
			continue
		}
		raw := int(m.TextRaw)
		if m.TextRaw == lint.TextAllRaw {
			raw = len(m.Text)
		}
		if raw > len(m.Text) || !utf8.ValidString(m.Text[:raw]) {
			t.Fatalf("line %d: %d bytes as written of the text %q", m.Pos.Line, m.TextRaw, m.Text)
		}
		line, want, col := []rune(lines[m.Pos.Line-1]), []rune(m.Text[:raw]), int(m.TextCol)-1
		if col+len(want) > len(line) || string(line[col:col+len(want)]) != string(want) {
			t.Fatalf("line %d %q: the text %q is not at column %d (%d bytes as written)", m.Pos.Line, string(line), m.Text, m.TextCol, m.TextRaw)
		}
		if astral := lint.Astral(string(line[:col])); int(m.TextAstral) != astral {
			t.Fatalf("line %d %q: %d code points beyond the BMP before the text, TextAstral %d", m.Pos.Line, string(line), astral, m.TextAstral)
		}
	}
}

// The structs the JSONL scanner fills for every record stay under 192
// bytes, which the compiler clears and copies with straight moves (see
// lint.TestMessageSize).
func TestScannerStructSizes(t *testing.T) {
	if a, b := unsafe.Sizeof(rawFields{}), unsafe.Sizeof(msgFields{}); a >= 192 || b >= 192 {
		t.Errorf("rawFields %d bytes, msgFields %d", a, b)
	}
}
