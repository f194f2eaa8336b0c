package match

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestPhraseAcrossDropped: a phrase conversion is decided on the text as
// normalisation leaves it, so what it drops between the phrase's
// characters (the spaces of a letter-spaced run, zero-width characters,
// an emoji between two Chinese characters, the marks of a separator run)
// is looked through: 別 著 急 is 别着急 as 別著急 is, 甚😀麼 什么 as 甚麼
// is. Normalize, the reference, resetScan and the offset map agree, and
// a phrase found is reported where the original has it. What is kept
// between (a space between words) still parts the phrase, and the
// exceptions of the phrase table (等著名 keeps 著) hold across a gap too.
func TestPhraseAcrossDropped(t *testing.T) {
	tests := []struct {
		text, norm string
		phrase     string // a Substring phrase, its hits as match@column
		want       string
	}{
		{"親，別 著 急，我幫您查一下", "亲,别着急,我帮您查一下", "着急", "著 急@5"},
		{"您別\u200b著\u200b急哦", "您别着急哦", "别着急", "別\u200b著\u200b急@2"},
		{"這是甚😀麼意思", "这是什么意思", "什么意思", "甚😀麼意思@3"},
		{"你說的是甚\u200d麼", "你说的是什么", "什么", "甚\u200d麼@5"},
		{"甚-麼-意-思啊", "什么意思啊", "什么意思", "甚-麼-意-思@1"},
		{"我 不 瞭 解", "我不了解", "不了解", "不 瞭 解@3"},
		{"已經回\u200b覆您了", "已经回复您了", "回复", "回\u200b覆@3"},
		{"貨架上擺❤️著很多", "货架上摆着很多", "摆着", "擺❤️著@4"},
		{"一 目 瞭 然", "一目了然", "一目了然", "一 目 瞭 然@1"},
		// kept between: no phrase across it
		{"妳說甚 麼", "你说甚 么", "什么", ""},
		{"好的，著 急了", "好的,著 急了", "着急", ""},
		// the table's exceptions: 著名 after 等 stays 著名
		{"耐克等\u200b著名品牌", "耐克等著名品牌", "著名", "著名@5"},
		{"耐克 等 著 名", "耐克等著名", "着名", ""},
	}
	pats := []string{"着急", "别着急", "什么", "什么意思", "不了解", "回复", "摆着", "一目了然", "著名", "着名"}
	a := buildAutomaton(pats, nil)
	if a.chars == nil {
		t.Fatal("no character automaton")
	}
	for _, tt := range tests {
		if got := Normalize(tt.text); got != tt.norm {
			t.Errorf("Normalize(%q) = %q, want %q", tt.text, got, tt.norm)
		}
		checkSameNormalization(t, tt.text)
		checkResetScan(t, a, tt.text)
		if got := hits(t, ListSpec{Phrases: []string{tt.phrase}, Mode: Substring}, tt.text); got != tt.want {
			t.Errorf("%q, phrase %q: hits %q, want %q", tt.text, tt.phrase, got, tt.want)
		}
	}
}

// phraseGaps are what normalisation drops between two Chinese characters
// (the spaces, with single characters around them, make a letter-spaced
// run) or may keep there.
var phraseGaps = []string{"\u200b", "\u200d\u200b", "\ufeff", "\x00", "😀", "😀👍🏻", "❤\ufe0f", "★", "\u0301", " ", "\u3000", "  ",
	"-", " - ", "……", "·", "，", "\n", "a"}

// phraseGapTexts returns, for every phrase conversion, its characters
// with each gap between all of them, and between the first two or the
// last two only.
func phraseGapTexts() []string {
	var texts []string
	for _, p := range t2sPhrases {
		rs := strings.Split(p.from, "")
		for _, g := range phraseGaps {
			texts = append(texts, strings.Join(rs, g),
				rs[0]+g+strings.Join(rs[1:], ""),
				strings.Join(rs[:len(rs)-1], "")+g+rs[len(rs)-1])
		}
	}
	return texts
}

// TestPhraseAcrossDroppedMatchesReference: every phrase with every gap,
// alone, between Chinese characters and after a change, normalises as the
// reference does, and resetScan as Reset does, on an automaton of the
// phrases' Simplified forms.
func TestPhraseAcrossDroppedMatchesReference(t *testing.T) {
	var pats []string
	for _, p := range t2sPhrases {
		if n := Normalize(p.to); !slices.Contains(pats, n) {
			pats = append(pats, n)
		}
	}
	pats = append(pats, "好", "的")
	a := buildAutomaton(pats, nil)
	if a.chars == nil {
		t.Fatal("no character automaton")
	}
	for _, s := range phraseGapTexts() {
		for _, text := range []string{s, "好" + s + "的", "，" + s, s + " 好"} {
			checkSameNormalization(t, text)
			checkResetScan(t, a, text)
		}
	}
}

// TestMayDrop: mayDrop is true of every character normalisation may drop
// (foldRune drops it, or it may be the gap of a letter-spaced run, a
// decoration or a separator) and of no Chinese character, and drop3Keys
// holds the three-byte ones.
func TestMayDrop(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		_, keep := foldRune(r)
		want := !keep || spaceRune(r) || decoration(r) || sepOf(r) != 0
		if got := mayDrop(r); got != want {
			t.Fatalf("mayDrop(%U) = %v, want %v", r, got, want)
		}
		if want && isHan(r) {
			t.Fatalf("%U is Chinese and may be dropped", r)
		}
		if n := utf8.RuneLen(r); n == 3 {
			k := threeKeyOf(r)
			if got := drop3Keys[k>>6]&(1<<(k&63)) != 0; got != want {
				t.Fatalf("drop3Keys has %U: %v, want %v", r, got, want)
			}
		}
	}
	for b := range utf8.RuneSelf {
		if got, want := byteMayDrop[b], mayDrop(rune(b)); got != want {
			t.Fatalf("byteMayDrop[%#x] = %v, mayDrop %v", b, got, want)
		}
	}
	n := 0
	for _, w := range drop3Keys {
		n += bits.OnesCount64(w)
	}
	if n == 0 {
		t.Fatal("drop3Keys is empty")
	}
}

// TestPhraseKeysHan: the characters of every phrase conversion are
// Chinese characters of the BMP, so lookupT2SPhraseAt ends a phrase at the
// first character kept that is not one.
func TestPhraseKeysHan(t *testing.T) {
	for _, p := range t2sPhrases {
		for _, r := range p.from {
			if !isHan(r) || r >= 0x10000 {
				t.Errorf("phrase %q: %U", p.from, r)
			}
		}
	}
}

// TestDroppedRun: droppedRun drops what normalizeAt drops, character by
// character, on the texts of the differential tests.
func TestDroppedRun(t *testing.T) {
	texts := phraseGapTexts()
	for _, p := range normPieces() {
		texts = append(texts, "好"+p+"的", "好 "+p+" 的 我", "我-"+p+"-知-道")
	}
	for _, s := range texts {
		for j := 0; j < len(s); j++ {
			if !utf8.RuneStart(s[j]) {
				continue
			}
			if got, want := droppedRun(s, j), normalizeDrops(s, j); got != want {
				t.Fatalf("droppedRun(%q, %d) = %d, normalizeAt drops up to %d", s, j, got, want)
			}
		}
	}
}

// normalizeDrops is droppedRun by normalizeAt: it steps over the
// characters from s[j] on that may be dropped (mayDrop) as long as
// normalizeAt writes nothing for them.
func normalizeDrops(s string, j int) int {
	var deco decoRun
	var seps sepRun
	for j < len(s) {
		r, _ := decodeRune(s[j:])
		if !mayDrop(r) {
			return j
		}
		out, next := normalizeAt(nil, s, j, &deco, &seps)
		if len(out) > 0 {
			return j
		}
		j = next
	}
	return j
}

// ExampleNormalize_phraseAcrossDropped shows the phrase conversions read
// across what normalisation drops.
func ExampleNormalize_phraseAcrossDropped() {
	for _, s := range []string{"別 著 急", "甚😀麼", "回\u200b覆"} {
		fmt.Println(Normalize(s))
	}
	// Output:
	// 别着急
	// 什么
	// 回复
}
