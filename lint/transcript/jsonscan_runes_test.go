package transcript

import (
	"bufio"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// TestTextRunes: the character count the JSONL reader carries with a
// message's text (lint.Message.TextRunes, which the length rule takes
// instead of counting again) is utf8.RuneCountInString of the text, on
// every path that sets it: flatFields (ASCII, multibyte, astral, a text
// that ends the record or not, a number), scanFrom (after a key flatFields
// does not know, blanks, escapes), fillKnown (a second record of a cached
// conversation and sender), parseInto's long way (a type), the decoder
// (a text key in another case); 0 past 65,535.
func TestTextRunes(t *testing.T) {
	long := strings.Repeat("您好，请问有什么可以帮您？", 6)
	texts := []string{`""`, `"x"`, `"您好"`, `"` + long + `"`, `"abc您好😀def"`, `"` + strings.Repeat("a", 30) + `中"`,
		`"换行\n引号\"斜杠\/\u4f60好"`, `"\ud83d\ude00表情"`, `"  您好  "`, `5`, `-1.5e3`}
	shapes := []string{
		`{"conversation":"c1","role":"agent","sender":"s1","text":%s}`,
		`{"conversation":"c1","role":"agent","text":%s,"id":"m1"}`,
		`{"conversation":"c1","shop":"旗舰店","role":"agent","text":%s}`,
		`{"conversation": "c1",  "role": "agent", "text":  %s }`,
		`{"conversation":"c1","role":"agent","type":"note","text":%s}`,
		`{"conversation":"c1","role":"agent","Text":%s}`,
		`{"role":"agent","text":%s}`,
	}
	src := &Source{Name: "day.jsonl", R: bufio.NewReader(strings.NewReader("")), Opts: &Options{Location: shanghai}}
	for _, shape := range shapes {
		for _, text := range texts {
			line := fmt.Sprintf(shape, text)
			sc := newJSONScanner()
			for n := 1; n <= 2; n++ { // the second time, from the caches
				var m lint.Message
				if why := parseRecord(sc, &m, []byte(line), src, lint.Pos{File: "day.jsonl", Line: n}); why != "" {
					t.Fatalf("%s: %s", line, why)
				}
				checkTextRunes(t, line, m)
			}
			m, why := parseJSONMessage([]byte(line), src, lint.Pos{File: "day.jsonl", Line: 1})
			if why != "" {
				t.Fatalf("%s: the decoder: %s", line, why)
			}
			checkTextRunes(t, line, m)
		}
	}
	// past what the count holds: not counted
	for _, n := range []int{65535, 65536} {
		line := `{"conversation":"c1","role":"agent","text":"` + strings.Repeat("中", n) + `"}`
		var m lint.Message
		if why := parseRecord(newJSONScanner(), &m, []byte(line), src, lint.Pos{File: "day.jsonl", Line: 1}); why != "" {
			t.Fatal(why)
		}
		if want := uint16(n % 65536); m.TextRunes != want {
			t.Errorf("a text of %d characters: TextRunes %d, want %d", n, m.TextRunes, want)
		}
	}
}

func checkTextRunes(t *testing.T, line string, m lint.Message) {
	t.Helper()
	if n := utf8.RuneCountInString(m.Text); int(m.TextRunes) != n {
		t.Errorf("%s: text %q, TextRunes %d, want %d", line, m.Text, m.TextRunes, n)
	}
}
