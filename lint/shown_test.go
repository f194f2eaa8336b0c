package lint

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestShown: what the reports and chatlint's messages show of a text from
// an export (a name, an id, a file name) cannot put control sequences on
// the terminal nor start a line of its own.
func TestShown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"普通文本 … → ✓", "普通文本 … → ✓"},
		{"\x1b[31mRED\x1b]0;title\x07", "\uFFFD[31mRED\uFFFD]0;title\uFFFD"},
		{"c\n✓ 会话 fake", "c ⏎ ✓ 会话 fake"},
		{"A\r\n    fake.jsonl:1", "A ⏎     fake.jsonl:1"},
		{"a\tb\x7fc\u0085d", "a b\uFFFDc\uFFFDd"},
		{"abc\u202edcba\u2066x\u2069", "abc\uFFFDdcba\uFFFDx\uFFFD"},
		{"é\u00a0¿", "é\u00a0¿"},
		// bytes that are not UTF-8, each as U+FFFD: a raw 9B is CSI to a
		// terminal not in UTF-8; a character cut short, a surrogate, an
		// overlong form; U+FFFD itself stays
		{"a\x9b2Jb", "a\uFFFD2Jb"},
		{"客\xff服\xe4\xb8", "客\uFFFD服\uFFFD\uFFFD"},
		{"\xed\xa0\x80\xc0\xaf", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"},
		{"\uFFFD 客服", "\uFFFD 客服"},
	}
	for _, tt := range tests {
		if got := Shown(tt.in); got != tt.want {
			t.Errorf("Shown(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if needsShowing(tt.in) != (tt.in != tt.want) {
			t.Errorf("needsShowing(%q) = %v", tt.in, needsShowing(tt.in))
		}
	}
}

// TestMasked: the list of masked characters, and MaskedLead finds the
// first byte of every one of them.
func TestMasked(t *testing.T) {
	for _, tt := range []struct {
		r    rune
		want bool
	}{
		{0, true}, {'\t', true}, {'\n', true}, {0x1b, true}, {0x1f, true}, {' ', false}, {'~', false},
		{0x7f, true}, {0x80, true}, {0x85, true}, {0x9f, true}, {0xa0, false},
		{0x2029, false}, {0x202a, true}, {0x202e, true}, {0x202f, false},
		{0x2065, false}, {0x2066, true}, {0x2069, true}, {0x206a, false}, {'客', false}, {0xfffd, false},
	} {
		if got := Masked(tt.r); got != tt.want {
			t.Errorf("Masked(%U) = %v, want %v", tt.r, got, tt.want)
		}
	}
	var b [utf8.UTFMax]byte
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !Masked(r) {
			continue
		}
		utf8.EncodeRune(b[:], r)
		if !MaskedLead(b[0]) {
			t.Errorf("MaskedLead misses %U (first byte %#x)", r, b[0])
		}
		if !needsShowing(string(r)) {
			t.Errorf("needsShowing misses %U", r)
		}
	}
}

// TestNeedsShowingThreeBytes: needsShowing, which passes over most
// three-byte characters without decoding them, says what decoding says of
// every lead byte from E0 to EF followed by any two bytes: it finds the
// masked characters and the bytes that are not UTF-8 among them.
func TestNeedsShowingThreeBytes(t *testing.T) {
	for c := 0xe0; c <= 0xef; c++ {
		for c1 := 0; c1 < 0x100; c1++ {
			for c2 := 0; c2 < 0x100; c2++ {
				s := string([]byte{'a', byte(c), byte(c1), byte(c2), 'b'})
				want := !utf8.ValidString(s)
				for _, r := range s {
					want = want || Masked(r)
				}
				if got := needsShowing(s); got != want {
					t.Fatalf("needsShowing(%q) = %v, want %v", s, got, want)
				}
				if got := needsShowing(s[1:4]); got != (!utf8.ValidString(s[1:4]) || strings.IndexFunc(s[1:4], Masked) >= 0) {
					t.Fatalf("needsShowing(%q) = %v", s[1:4], got)
				}
			}
		}
	}
}
