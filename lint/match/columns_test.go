package match

import (
	"testing"
	"unicode/utf8"
)

func TestColumns(t *testing.T) {
	const text = "亲，ab不知道"
	var c Columns
	for _, tc := range []struct{ off, want int }{
		{0, 1}, {3, 2}, {6, 3}, {8, 5}, {8, 5}, {11, 6},
		{3, 2}, // back: counted from the start again
		{17, 8},
	} {
		if got := c.At(text, tc.off); got != tc.want {
			t.Errorf("At(%d) = %d, want %d", tc.off, got, tc.want)
		}
	}
}

// TestRuneCount: runeCount counts as utf8.RuneCountInString does, on every
// joining of pieces of valid and invalid UTF-8 (three-byte sequences led by
// E0 and ED with out-of-range second bytes, surrogates, truncated ones).
func TestRuneCount(t *testing.T) {
	pieces := []string{"", "a", "亲", "，", "😊", "é", "\xff", "\x80", "\xe4\xb8", "\xe0\x80\x80", "\xe0\xa0\x80",
		"\xed\xa0\x80", "\xed\x9f\xbf", "\xef\xbf\xbd", "\xf0\x9f", "\xc3", "\xe1\x80\x80"}
	for _, a := range pieces {
		for _, b := range pieces {
			for _, c := range pieces {
				s := a + b + c
				if got, want := RuneCount(s), utf8.RuneCountInString(s); got != want {
					t.Fatalf("RuneCount(%q) = %d, want %d", s, got, want)
				}
			}
		}
	}
}
