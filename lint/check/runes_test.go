package check

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint/match"
)

// runeTexts are texts for the character counting of length: Chinese, ASCII,
// mixed, every kind of lead byte, and invalid UTF-8 of every sort (stray
// and missing continuation bytes, overlong and surrogate sequences, a
// sequence cut at the end), at every offset from a word boundary.
var runeTexts = []string{
	"", "a", "中", "您好，请问有什么可以帮您？", "亲，这款空气炸锅现在下单立减50元，明天就能发货哦～",
	strings.Repeat("很高兴为您服务", 20), "hello world, 12345678",
	"é ü ß", "😀👍", "\u0800\u0fff", "\ud7ff\ud000", "\u4e00\uffff", "\uff01\uff0c",
	"\xe4\xb8", "\xe4", "\x80", "\xbf\xbf\xbf", "中\x80文", "\xe4\xb8\xe4\xb8\xad",
	"\xe4\xb8\xadx\xad", "\xc0\x80", "\xe0\x80\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff\xfe",
	"\xe4\x80\x80\xe4\x80", "abcdefg\xe4\xb8\xad", "abcdef\xe4\xb8\xad", "abcdefgh\xe4\xb8",
	// eight characters at a time (runeSkip's hanRun), each kind of
	// sequence that is not one of them in a run of them
	strings.Repeat("中", 7) + "\u0800" + strings.Repeat("中", 9), strings.Repeat("中", 7) + "\ud7ff" + strings.Repeat("中", 9),
	strings.Repeat("中", 7) + "\xe4\xb8" + strings.Repeat("中", 9), strings.Repeat("中", 5) + "\xe0\xa0\x80" + strings.Repeat("中", 9),
	strings.Repeat("中", 6) + "\xed\xa0\x80" + strings.Repeat("中", 9), strings.Repeat("中", 7) + "\xe4\xc0\x80" + strings.Repeat("中", 9),
	strings.Repeat("中", 7) + "é" + strings.Repeat("中", 9), strings.Repeat("中", 7) + "😀" + strings.Repeat("中", 9),
	strings.Repeat("，中", 12),
}

// TestRuneCount: runeCount, runeCountUpTo and runeSkip agree with package utf8 on every
// text, cut at every offset (so that each kind of sequence straddles a
// word boundary somewhere).
func TestRuneCount(t *testing.T) {
	for _, text := range runeTexts {
		for pre := 0; pre < 9; pre++ {
			s := strings.Repeat("x", pre) + text + "中文"
			for end := 0; end <= len(s); end++ {
				checkRunes(t, s[:end])
			}
		}
	}
}

// FuzzRuneCount checks runeCount and runeSkip against package utf8 (the
// seeds: runeTexts).
func FuzzRuneCount(f *testing.F) {
	for _, s := range runeTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkRunes(t, s) })
}

func checkRunes(t *testing.T, s string) {
	t.Helper()
	want := utf8.RuneCountInString(s)
	if n := runeCount(s); n != want {
		t.Fatalf("runeCount(%q) = %d, want %d", s, n, want)
	}
	if n := match.RuneCount(s); n != want {
		t.Fatalf("match.RuneCount(%q) = %d, want %d", s, n, want)
	}
	// wordRunes does not tell sequences led by E0 or ED (runeCount does not ask it then)
	e0ed := strings.IndexByte(s, 0xe0) >= 0 || strings.IndexByte(s, 0xed) >= 0
	if n, ok := wordRunes(s, -1); ok && n != want && !e0ed {
		t.Fatalf("wordRunes(%q) = %d, want %d", s, n, want)
	}
	// asked up to max: the count past max, else a number from it to max
	for max := 0; max <= want+1; max++ {
		if n := runeCountUpTo(s, max); (want > max) != (n > max) || n > max && n != want || n < want {
			t.Fatalf("runeCountUpTo(%q, %d) = %d, count %d", s, max, n, want)
		}
	}
	for k := 0; k <= want+1; k++ {
		// the loop length.Check ran before
		ref := 0
		for j := 0; j < k; j++ {
			_, size := utf8.DecodeRuneInString(s[ref:])
			ref += size
		}
		if got := runeSkip(s, k); got != ref {
			t.Fatalf("runeSkip(%q, %d) = %d, want %d", s, k, got, ref)
		}
	}
}

// TestWordRunesTakesChinese: the fast path is taken for the text it is
// for (else runeCount is right but no faster).
func TestWordRunesTakesChinese(t *testing.T) {
	for _, s := range []string{"", "您好，请问有什么可以帮您？", "亲，这款空气炸锅现在下单立减50元", "plain ascii text"} {
		if _, ok := wordRunes(s, -1); !ok {
			t.Errorf("wordRunes(%q): not taken", s)
		}
	}
}

// TestTrimBlanks: trimBlanks is strings.TrimRight and TrimLeft with the
// cutset " \t\r\n", for texts with and without blanks at either end.
func TestTrimBlanks(t *testing.T) {
	for _, s := range []string{"", " ", "\t\r\n ", "您好", " 您好", "您好\n", "\t您好 \r\n", "a b", " \u3000您好\u3000 ", "\n\n中\n\n"} {
		text := strings.TrimRight(s, " \t\r\n")
		lead := len(text) - len(strings.TrimLeft(text, " \t\r\n"))
		if gotText, gotLead := trimBlanks(s); gotText != text || gotLead != lead {
			t.Errorf("trimBlanks(%q) = %q, %d; want %q, %d", s, gotText, gotLead, text, lead)
		}
	}
}
