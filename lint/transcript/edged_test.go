package transcript

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestTrimEdged holds edged and trimEdged, as the readers call them, to
// strings.TrimSpace: every character at either end of a string, valid or
// not; Chinese names whose last byte is also the last byte of a blank (七,
// 安, 星, 悠, 雨, 可 end in 0x83, 0x89, 0x9F, 0xA0, 0xA8, 0xAF) among them.
func TestTrimEdged(t *testing.T) {
	check := func(s string) {
		t.Helper()
		got := s
		if edged(s) {
			got = trimEdged(s)
		}
		if want := strings.TrimSpace(s); got != want {
			t.Fatalf("%q trimmed to %q, TrimSpace says %q", s, got, want)
		}
	}
	for _, s := range []string{"", " ", "小七", "售后-安安", "星星", "旗舰店:悠悠", "小雨", "小可", "客服01",
		"\u3000客服", "客服\u3000", "\u00a0a", "a\u0085", "a\u2029", "\u1680b", "\x80", "a\x80", "\xe3\x80", "\xe3", "é", "\t\n"} {
		check(s)
	}
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		c := string(utf8.AppendRune(nil, r))
		check(c)
		check("客" + c)
		check(c + "客")
	}
	for b := 0; b < 256; b++ {
		c := string([]byte{byte(b)})
		check("客" + c)
		check(c + "客")
		check("\xe3\x80" + c)
		check(c + "\x80\x80")
	}
	for a := 0xC0; a < 0x100; a++ {
		for b := 0; b < 0x100; b++ {
			for _, c := range []byte{0x20, 0x7F, 0x80, 0x85, 0x8A, 0x8B, 0x9A, 0x9F, 0xA0, 0xA8, 0xA9, 0xAA, 0xAF, 0xBF, 0xC2, 0xE2} {
				s := string([]byte{byte(a), byte(b), c})
				check(s)
				check("x" + s)
				check(s + "x")
				check(s[1:] + "x")
				check("x" + s[:2])
			}
		}
	}
}
