package match

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestPhraseStartsNormalizeAsReference: plainRun passes over the start of
// a phrase conversion unless the next character begins the phrase
// (t2sPair), and stops at overlong forms and surrogates through fold3Bits.
// Every phrase start, followed by every character that begins one of its
// phrases and by what could fool the look at the next character (nothing,
// a cut or invalid sequence, an overlong form, a surrogate, a four-byte
// character, another phrase start, a Traditional character), must
// normalise as the reference does.
func TestPhraseStartsNormalizeAsReference(t *testing.T) {
	seconds := map[rune][]rune{}
	for _, p := range t2sPhrases {
		r0, n := utf8.DecodeRuneInString(p.from)
		r1, _ := utf8.DecodeRuneInString(p.from[n:])
		seconds[r0] = append(seconds[r0], r1)
	}
	junk := []string{"", "a", " ", "\xe4", "\xe4\xb8", "\xe0\x80\x80", "\xe0\x9f\xbf", "\xed\xa0\x80", "\xef\xbf\xbd",
		"\xc0\xaf", "\xff", "\x80", "😊", "❤", "★\ufe0f", "○", "\U00020000", "Ａ", "\u200b", "沒", "關", "一", "不", "有", "了", "的"}
	var starts []rune
	for r := rune(0); r < 0x10000; r++ {
		if t2sPhraseStart(r) {
			starts = append(starts, r)
		}
	}
	if len(starts) == 0 {
		t.Fatal("no phrase starts")
	}
	for _, r0 := range starts {
		s0 := string(r0)
		var nexts []string
		for _, r1 := range seconds[r0] {
			s1 := string(r1)
			nexts = append(nexts, s1, s1[:len(s1)-1], s1+s1)
		}
		nexts = append(nexts, junk...)
		for _, s1 := range nexts {
			for _, s := range []string{s0 + s1, "好" + s0 + s1 + "的", s0 + s0 + s1, s1 + s0 + s1} {
				checkSameNormalization(t, s)
			}
		}
	}
	// every phrase, cut at every byte and followed by junk
	for _, p := range t2sPhrases {
		for k := 1; k <= len(p.from); k++ {
			for _, j := range junk {
				s := "你" + p.from[:k] + j
				checkSameNormalization(t, s)
			}
		}
	}
	// each rune of the BMP written in three bytes (overlong ones too) and
	// with every continuation byte spoilt, between phrase starts
	for c := 0xE0; c <= 0xEF; c++ {
		for c1 := 0x70; c1 <= 0xC0; c1 += 8 {
			for c2 := 0x70; c2 <= 0xC0; c2++ {
				s := "不" + string([]byte{byte(c), byte(c1), byte(c2)}) + "一" + strings.Repeat("有", 2)
				checkSameNormalization(t, s)
			}
		}
	}
}
