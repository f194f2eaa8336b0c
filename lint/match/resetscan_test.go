package match

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

// checkResetScan holds resetScan to Reset followed by hits: the same
// normalised text, first change and offset map, the same hits in the same
// order, on a Normalized that held another text before.
func checkResetScan(t *testing.T, a *automaton, s string) {
	t.Helper()
	var want Normalized
	want.Reset(s)
	wantHits := a.hits(want.Text, nil)
	var got Normalized
	got.resetScan("Ａ一些别的文字，亲", a, nil)
	got.buildOff()
	gotHits := got.resetScan(s, a, make([]rawHit, 0, 1))
	if got.Text != want.Text || got.first != want.first || got.orig != s || got.offBuilt {
		t.Fatalf("resetScan(%q): text %q first %d orig %q built %v; Reset: %q first %d",
			s, got.Text, got.first, got.orig, got.offBuilt, want.Text, want.first)
	}
	if !slicesEqual(gotHits, wantHits) {
		t.Fatalf("resetScan(%q) hits %v, Reset and hits %v", s, gotHits, wantHits)
	}
	if want.first >= 0 {
		want.buildOff()
		got.buildOff()
		if !slices.Equal(got.off, want.off) {
			t.Fatalf("resetScan(%q) offsets %v, Reset %v", s, got.off, want.off)
		}
	}
}

// resetScanPatterns are phrases over the characters normalisation treats
// specially, normalised as the matcher normalises phrases: hits before,
// across and after changes, and more than run notes at once.
func resetScanPatterns() []string {
	var pats []string
	for _, p := range []string{"亲", "亲亲", "不知道", "知道", "一下", "有没有", "没关系", "帮您", "蓝色", "xl", "?", "好的,", ",谢谢",
		"a", "1", "12.5", "é", "😊", "沒關係", "乾淨", "我不知道", "不行", " ", "- ", "不一样", "一样", "以上", "么"} {
		if n := Normalize(p); n != "" && !slices.Contains(pats, n) {
			pats = append(pats, n)
		}
	}
	return pats
}

func TestResetScanMatchesReset(t *testing.T) {
	a := buildAutomaton(resetScanPatterns(), nil)
	if a.chars == nil {
		t.Fatal("no character automaton")
	}
	pieces := append(normPieces(), "亲", "亲亲亲", "知道", "不知道", "一下", "有没有", " ", "  ", "12.5", "-", "/", "~", ".", "xl", "XL", "é", "É")
	r := rand.New(rand.NewPCG(9, 10))
	for range 30000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkResetScan(t, a, b.String())
	}
	for _, s := range []string{"", "亲", strings.Repeat("亲", 40), "Ａ" + strings.Repeat("亲", 40), strings.Repeat("亲，", 20),
		"沒關係，我幫您改成藍色XL", "不知道一下有没有", "一", "不", "不\xe4", "一a", "一😊", "一é", "\xe4\xb8", "亲\xe4\xb8\x80",
		"12.5元/件", "好的 谢谢", "我 不 知 道", "不-知-道"} {
		checkResetScan(t, a, s)
	}
	// every rune of the Basic Multilingual Plane, alone and between others
	for c := rune(0); c < 0x10000; c++ {
		s := string(c)
		checkResetScan(t, a, s)
		checkResetScan(t, a, "亲"+s+"亲")
		checkResetScan(t, a, "不"+s+"知道，"+s)
	}
}

// ResetScanDiffForTest describes how resetScan with the matcher's
// automaton differs on s from Reset followed by hits ("" when it does
// not), for the default pack's test.
func ResetScanDiffForTest(m *Matcher, s string) string {
	a := m.ac
	if a.chars == nil {
		return "no character automaton"
	}
	var want, got Normalized
	want.Reset(s)
	wantHits := a.hits(want.Text, nil)
	gotHits := got.resetScan(s, a, nil)
	if got.Text != want.Text || got.first != want.first || !slicesEqual(gotHits, wantHits) {
		return fmt.Sprintf("resetScan(%q): %q first %d hits %v; Reset and hits: %q first %d hits %v",
			s, got.Text, got.first, gotHits, want.Text, want.first, wantHits)
	}
	return ""
}

// TestPlainChar: plainChar passes over a character exactly when plainRun
// does, and plainRun goes on from there as it would have.
func TestPlainChar(t *testing.T) {
	pieces := append(normPieces(), " ", "  ", "-", ".", "/", "~", "1", "a", " -", "- ", "12.5", "一", "不", "有", "以")
	r := rand.New(rand.NewPCG(11, 12))
	for range 30000 {
		var b strings.Builder
		for range r.IntN(20) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		for i := range len(s) {
			end, n := plainRun(s, i), plainChar(s, i)
			if (end > i) != (n > 0) || n > 0 && plainRun(s, i+n) != end {
				t.Fatalf("%q at %d: plainRun %d, plainChar %d", s, i, end, n)
			}
		}
	}
}

// FuzzResetScan: on any patterns and any text, resetScan is Reset
// followed by hits.
func FuzzResetScan(f *testing.F) {
	f.Add("亲|亲亲|不知道|,", "沒關係，我幫您改成藍色XL亲亲亲亲亲亲亲亲亲亲")
	f.Add("一下|有没有|xl", "一下 有 没 有XL\xe4\xb8一")
	f.Add("a|é|😊", "ÉÉ😊a-b-c 12.5 不-知-道")
	// phrase starts before their phrase, before other characters and at
	// the end, before and after the first change (t2sKeyPairs, next3)
	f.Add("一目了然|一下|有没", "一目瞭然一下有一，一目瞭然有一下一目")
	f.Add("了然|x", "Ａ一目瞭然一")
	// starts checked behind (behindStarts): their phrase found from the
	// second character, also right after the end notes filled
	f.Add("看|着|看着|亲", "亲亲亲亲亲亲亲看著，看著，Ａ亲亲亲亲亲亲亲看著看")
	// combining marks between Chinese characters, 妳 and 甚麼, 著 words
	f.Add("不知道|你|什么|著名", "不\u0301知\u0336道，妳甚麼意思，等著名品牌等著")
	// phrases read across what normalisation drops, checked ahead and
	// behind (甚😀麼, 有\u200b著, 七\u200b逕: the second a change too)
	f.Add("着急|什么|有着|回复|七迳", "別 著 急，甚😀麼，有\u200b著，回 覆，七\u200b逕")
	// emoji with skin tones and joiners between and beside phrases
	f.Add("👍🏻|客服|不知道|着急", "👩\u200d💻客服👍🏻不\u200d知道，別👍🏻著急✌🏻")
	f.Fuzz(func(t *testing.T, pats, text string) {
		var ps []string
		for _, p := range fuzzPatterns(pats) {
			if p = Normalize(p); p != "" {
				ps = append(ps, p)
			}
		}
		if len(ps) == 0 {
			return
		}
		a := buildAutomaton(ps, nil)
		if a.chars == nil {
			return
		}
		checkResetScan(t, a, text)
	})
}

// TestStopClassTakenOff: characters plainRun stops at (upper-case and
// control ASCII, the space, full-width forms, phrase starts, surrogates'
// neighbours) have their own classes in patterns, found by run and
// classOf as by the reference automaton; runPlain alone sees stopClass.
func TestStopClassTakenOff(t *testing.T) {
	pats := []string{"A", "AB", " x", "\x00", "一", "一下", "，", "，A", "不知", "\ufeff", "好"}
	a := buildAutomaton(pats, nil)
	if a.chars == nil {
		t.Fatal("no character automaton")
	}
	for _, p := range pats {
		for _, r := range p {
			if cl, _ := a.chars.classOf(string(r)); cl == 0 || cl >= stopClass {
				t.Errorf("class of %q: %d", r, cl)
			}
		}
	}
	ref := buildRefAutomaton(pats)
	for _, text := range []string{"AB一下，A不知 x\x00\ufeff好", "aAbB一一下下，，AA", strings.Repeat("一下A", 10)} {
		if got, want := a.hits(text, nil), ref.hits(text, nil); !slicesEqual(got, want) {
			t.Errorf("%q: hits %v, reference %v", text, got, want)
		}
	}
}

// TestRunCopy: from the first change on, resetScan copies and scans runs
// of plain characters, the full-width forms and the upper-case letters it
// folds (runCopy) as
// Reset and hits do: hits across and right after a full-width form, one
// at the very end, the full-width separators and spaces, which it leaves
// to normalizeAt, and texts that normalisation makes longer (invalid
// bytes become U+FFFD), which outgrow the buffer's first capacity.
func TestRunCopy(t *testing.T) {
	a := buildAutomaton(resetScanPatterns(), nil)
	if a.chars == nil {
		t.Fatal("no character automaton")
	}
	var fw strings.Builder
	for r := rune(0xFF00); r < 0xFF80; r++ {
		fw.WriteRune(r)
		fw.WriteString("亲")
	}
	for _, s := range []string{
		"好的，谢谢", "好的，，谢谢！", "ＸＬ？", "xl？", "亲？", "，", "？亲", "Ａ一下，有没有？ＸＬ",
		"好的，谢谢" + strings.Repeat("亲，", 30) + "？",
		"１２．５元", "不－知－道", "我　不　知　道，", "Ａ" + strings.Repeat("亲", 10) + "－",
		fw.String(), "Ａ" + fw.String(),
		strings.Repeat("\xff", 50) + "亲，亲", "Ａ" + strings.Repeat("\xff亲", 30) + "，",
		"Ａ" + strings.Repeat("\xe4\xb8", 20) + "，一下",
		// upper-case letters, folded as they are copied
		"Ａ要XL码", "亲，XL", "亲，xL？Xl", "Ａ" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{", "Ａ我 A 不 B 知", "Ａ不-A-知", "ＡX L",
		// the last three bytes or fewer (tail4), before the first
		// change and after it
		"a", "ab", "abc", "亲a", "亲ab", "亲abc", "亲A", "亲AB", "\xe4", "\xe4\xbd", "亲\xe4\xbd", "亲\xe4",
		"Ａa", "Ａab", "Ａabc", "ＡA", "ＡAB", "Ａ亲", "Ａ亲，", "Ａ\xe4\xbd", "Ａ\xe4", "Ａa\xe4\xbd", "亲，", "亲，a", "亲，ab",
	} {
		checkResetScan(t, a, s)
	}
}

// TestPhraseSecondsThreeBytes: the second character of every phrase
// conversion is written in three bytes that decode3 decodes, so that
// runPlain and runCopy, which decode only those after a phrase start,
// pass over a phrase start followed by anything else (一a, 不😊, 有é, a
// start at the end of the text).
func TestPhraseSecondsThreeBytes(t *testing.T) {
	for _, p := range t2sPhrases {
		_, n := utf8.DecodeRuneInString(p.from)
		r1, n1 := utf8.DecodeRuneInString(p.from[n:])
		if r, ok := decode3(p.from[n:]); n1 != 3 || !ok || r != r1 {
			t.Errorf("phrase %q: second character %q of %d bytes", p.from, r1, n1)
		}
	}
}

// TestThreeKeyBijective: threeKey gives each of the 65,536 three-byte
// characters (the low 4 bits of the lead byte, the low 6 of each
// continuation byte: what it reads) its own place in c.three, whatever the
// high bits of the bytes and the fourth byte, and threeKeyOf of a code
// point is threeKey of its UTF-8 bytes.
func TestThreeKeyBijective(t *testing.T) {
	var seen [1 << 16]bool
	for a := uint32(0); a < 16; a++ {
		for b := uint32(0); b < 64; b++ {
			for c := uint32(0); c < 64; c++ {
				v := 0xE0 | a | (0x80|b)<<8 | (0x80|c)<<16 | 0xE4<<24
				k := threeKey(v)
				if k >= 1<<16 || seen[k] {
					t.Fatalf("threeKey(%#x) = %#x: out of range or taken", v, k)
				}
				seen[k] = true
				// other high bits (invalid text) and fourth byte: the same place
				if k2 := threeKey(a | 0xC0 | b<<8 | (0x40|c)<<16 | 0x41<<24); k2 != k {
					t.Fatalf("threeKey reads more than the low bits: %#x != %#x", k2, k)
				}
			}
		}
	}
	for r := rune(0x800); r < 0x10000; r++ {
		var buf [4]byte
		utf8.EncodeRune(buf[:], r)
		if r >= 0xD800 && r <= 0xDFFF {
			continue // not encodable; threeKeyOf is never asked
		}
		if k, want := threeKeyOf(r), threeKey(binary.LittleEndian.Uint32(buf[:])); k != want {
			t.Fatalf("threeKeyOf(%U) = %#x, threeKey of its bytes %#x", r, k, want)
		}
	}
}

// TestT2SKeyPair: the pairs runPlain and runCopy look up by threeKey are
// those of t2sPair: for every phrase start followed by every character of
// three bytes, fold3Keys is fold3Bits, and the end of a text (fewer than
// four bytes after the phrase start) takes the bytes next3 assembles.
func TestT2SKeyPair(t *testing.T) {
	for r0 := rune(0x800); r0 < 0x10000; r0++ {
		k0 := threeKeyOf(r0)
		if got, want := fold3Keys[k0>>6]&(1<<(k0&63)) != 0, fold3Bits[r0>>6]&(1<<(r0&63)) != 0; got != want {
			t.Fatalf("fold3Keys of %U: %v, fold3Bits %v", r0, got, want)
		}
		if !t2sPhraseStart(r0) {
			continue
		}
		for r1 := rune(0x800); r1 < 0x10000; r1++ {
			if r1 >= 0xD800 && r1 <= 0xDFFF {
				continue
			}
			if got, want := t2sKeyPair(k0<<16|threeKeyOf(r1)), t2sPair(r0, r1); got != want {
				t.Fatalf("t2sKeyPair(%c%c) = %v, t2sPair %v", r0, r1, got, want)
			}
		}
	}
	for _, s := range []string{"亲", "亲a", "亲亲", "亲\xe4\xb8", "亲\xe4"} {
		p := unsafe.Pointer(unsafe.StringData(s))
		var want uint32
		if len(s) >= 6 {
			want = binary.LittleEndian.Uint32([]byte(s[3:] + "\x00")[:4])
		}
		if got := next3(s, p, 3); got != want {
			t.Errorf("next3(%q, 3) = %#x, want %#x", s, got, want)
		}
	}
}

// TestResetScanPhraseStarts: a phrase start followed by its phrase, by
// another character, by a character of other than three bytes, or by the
// end of the text, at every distance from the end (the pair is looked up
// by threeKey where four bytes follow the start, by t2sPairEnd nearer the
// end), before the first change (runPlain) and after it (runCopy).
func TestResetScanPhraseStarts(t *testing.T) {
	a := buildAutomaton(resetScanPatterns(), nil)
	if a.chars == nil {
		t.Fatal("no character automaton")
	}
	for i, p := range t2sPhrases {
		if i%16 != 0 {
			continue
		}
		r0, n := utf8.DecodeRuneInString(p.from)
		_, n1 := utf8.DecodeRuneInString(p.from[n:])
		start, pair := string(r0), p.from[:n+n1]
		for _, body := range []string{pair, p.from, start + "亲", start + "a", start + "é", start + "😊", start, start + "\xe4\xb8", pair + "亲"} {
			for _, pre := range []string{"", "亲", "Ａ", "亲，"} {
				for _, post := range []string{"", "a", "亲", "亲亲", "，"} {
					checkResetScan(t, a, pre+body+post)
				}
			}
		}
	}
}

// TestResetScanBehind: a phrase start checked behind (behindStarts) is
// passed over, and its phrase found from the second character: resetScan
// gives what Reset and hits give for every such phrase, its pair and its
// start or second character alone, before the first change (runPlain) and
// after it (runCopy), right after a call of either returned with its end
// notes full (the start ends a pattern, after seven others: the second
// character is then the first the next call looks at), after a character
// normalizeAt wrote (a separator run, a decoration, a space between
// Chinese characters), and followed by its phrase's own change.
func TestResetScanBehind(t *testing.T) {
	pats := resetScanPatterns()
	var behind []string // the phrases checked behind, in full
	for _, p := range t2sPhrases {
		r0, n := utf8.DecodeRuneInString(p.from)
		if !behindStart(r0) {
			continue
		}
		r1, _ := utf8.DecodeRuneInString(p.from[n:])
		behind = append(behind, p.from)
		for _, s := range []string{string(r0), string(r1), Normalize(p.from)} {
			if !slices.Contains(pats, s) {
				pats = append(pats, s)
			}
		}
	}
	if len(behind) < 40 {
		t.Fatalf("%d phrases checked behind", len(behind))
	}
	a := buildAutomaton(pats, nil)
	if a.chars == nil {
		t.Fatal("no character automaton")
	}
	full := strings.Repeat("亲", charEnds-1)
	for _, from := range behind {
		r0, n := utf8.DecodeRuneInString(from)
		_, n1 := utf8.DecodeRuneInString(from[n:])
		start, second, pair := string(r0), from[n:n+n1], from[:n+n1]
		for _, body := range []string{from, pair, start + "亲", second, start + "，" + second, start + " " + second, pair + "，"} {
			for _, pre := range []string{"", "亲", "Ａ", "亲，", full, "Ａ" + full, "不-知-", "好😊", "我 "} {
				for _, post := range []string{"", "亲", "，", from} {
					checkResetScan(t, a, pre+body+post)
				}
			}
		}
	}
}

// TestThreeKeyWord holds threeKeyWord to threeKey's word, on every
// combination of the bits threeKey reads, with any other bits set.
func TestThreeKeyWord(t *testing.T) {
	for a := uint32(0); a < 16; a++ {
		for b := uint32(0); b < 64; b++ {
			for c := uint32(0); c < 64; c++ {
				for _, hi := range []uint32{0xE0 | 0x80<<8 | 0x80<<16, 0xF0 | 0xC0<<8 | 0xC0<<16 | 0xFF<<24, 0} {
					v := a | b<<8 | c<<16 | hi
					if w, k := threeKeyWord(v), threeKey(v); w != k>>6 {
						t.Fatalf("threeKeyWord(%#x) = %#x, threeKey>>6 = %#x", v, w, k>>6)
					}
				}
			}
		}
	}
}

// TestEndNotesHits holds endNotes.hits, which reads the automaton's
// tables without bounds checks, to charOut: for no note, a few, and a
// full set of notes, at states where one pattern ends and where several
// do (亲亲 and 亲, 我不知道, 不知道 and 知道), appending to hits there
// are already.
func TestEndNotesHits(t *testing.T) {
	a := buildAutomaton(resetScanPatterns(), nil)
	c := a.chars
	if c == nil {
		t.Fatal("no character automaton")
	}
	for _, text := range []string{"", "好", "亲", "亲亲", "我不知道", "亲亲亲亲亲亲亲亲亲亲", "我不知道一下有没有没关系,谢谢"} {
		var e endNotes
		want := []rawHit{{0, 1, 2}}
		got := slices.Clone(want)
		s := uint32(0)
		for i := 0; i < len(text); {
			cl, n := c.classOf(text[i:])
			i += n
			if s = c.step(s, cl); s >= c.outBase {
				want = a.charOut(want, s, int32(i))
				if e.note(-s, i) {
					got = e.hits(a, got)
					e.n = 0
				}
			}
		}
		got = e.hits(a, got)
		if len(want) == 1 && text != "" && text != "好" {
			t.Fatalf("%q: no hits", text)
		}
		if !slicesEqual(got, want) {
			t.Errorf("%q: hits %v, charOut %v", text, got, want)
		}
	}
}

// TestThreeKeyMarked holds threeKeyMarked, the key runPlain and runCopy
// take from v^threeMarks, to threeKey: for every three-byte character
// (every lead byte's low 4 bits and both continuation bytes' low 6), with
// any byte after it; and the test of threeMarkBits to the test of a lead
// byte of three and two continuation bytes, for every pattern of their
// marking bits.
func TestThreeKeyMarked(t *testing.T) {
	for a := uint32(0); a < 16; a++ {
		for b := uint32(0); b < 64; b++ {
			for c := uint32(0); c < 64; c++ {
				for _, next := range []uint32{0, 0x41, 0x80, 0xE4, 0xFF} {
					v := (0xE0 | a) | (0x80|b)<<8 | (0x80|c)<<16 | next<<24
					x := v ^ threeMarks
					if x&threeMarkBits != 0 {
						t.Fatalf("%#x: marks of a three-byte character not taken off", v)
					}
					if got, want := threeKeyMarked(x), threeKey(v); got != want {
						t.Fatalf("threeKeyMarked(%#x) = %#x, threeKey(%#x) = %#x", x, got, v, want)
					}
				}
			}
		}
	}
	// the marking bits of the three bytes: the lead byte's upper 4, each
	// continuation byte's upper 2
	for m := uint32(0); m < 1<<8; m++ {
		v := (m&0xF)<<4 | (m>>4&3)<<14 | (m>>6&3)<<22
		three := v&0xF0 == 0xE0 && v&0xC000 == 0x8000 && v&0xC00000 == 0x800000
		if got := (v^threeMarks)&threeMarkBits == 0; got != three {
			t.Fatalf("%#x: marks test %v, want %v", v, got, three)
		}
	}
}

// TestTail4 holds tail4 to load4 of the text padded with zero bytes: for
// the last one, two and three bytes of texts of one to three bytes and
// longer.
func TestTail4(t *testing.T) {
	for _, s := range []string{"a", "ab", "abc", "知", "x知", "知道", "亲a", "\xe4\xbd", "abcdefg"} {
		padded := s + "\x00\x00\x00\x00"
		for i := max(0, len(s)-3); i < len(s); i++ {
			want := binary.LittleEndian.Uint32([]byte(padded[i : i+4]))
			if got := tail4(s, i); got != want {
				t.Errorf("tail4(%q, %d) = %#x, want %#x", s, i, got, want)
			}
		}
	}
}

// spaceMayCloseRef is spaceMayClose as it was written before it read the
// Chinese characters around the space in two loads.
func spaceMayCloseRef(s string, i int) bool {
	return i > 0 && i+1 < len(s) && s[i-1]-0x20 >= 0x5F && (s[i+1]-0x20 >= 0x5F || mayBeSep(s[i+1])) &&
		!(cjkEndsAt(s, i) && cjkEndsAt(s, i-3) && cjkStartsAt(s, i+1) && cjkStartsAt(s, i+4))
}

// spaceTexts are random texts of spaces, letters, separators, Chinese
// characters (from U+4000 to U+9FFF and outside it), emoji, full-width
// forms and broken characters, for TestSpaceMayCloseLoads and
// TestSpaceNoGap.
func spaceTexts(n int) []string {
	parts := []string{" ", " ", "a", "Z", "1", "-", ".", "*", "~", "好", "谢", "䷀", "㐀", "鿿", "ꀀ", "😀", "，", "ｘ", "\xe4", "\xe4\xbd", "\xbd", "\u00a0", "\u3000"}
	r := rand.New(rand.NewPCG(144, 1))
	texts := []string{" ", "  ", "好 谢", "好的 谢谢", "好的 谢谢好", "a好的 谢谢", "a好的 谢谢a", "好的  谢谢"}
	for range n {
		var b strings.Builder
		for k := r.IntN(12); k >= 0; k-- {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// TestSpaceMayCloseLoads holds spaceMayClose, which reads the characters
// around a space with two loads where the text holds them, to the test
// of each byte it replaced, at every space of random texts.
func TestSpaceMayCloseLoads(t *testing.T) {
	for _, s := range spaceTexts(200000) {
		for i := 0; i < len(s); i++ {
			if s[i] != ' ' {
				continue
			}
			if got, want := spaceMayClose(s, i), spaceMayCloseRef(s, i); got != want {
				t.Fatalf("spaceMayClose(%q, %d) = %v, want %v", s, i, got, want)
			}
		}
	}
}

// TestSpaceNoGap: spaceNoGap, the quick test runPlain and runCopy make
// before they call spaceMayClose, is never true where spaceMayClose is,
// at every space of random texts (with v as the loops load it), and it
// is true for the spaces it is there for.
func TestSpaceNoGap(t *testing.T) {
	hits := 0
	for _, s := range spaceTexts(200000) {
		p := unsafe.Pointer(unsafe.StringData(s))
		for i := 0; i < len(s); i++ {
			if s[i] != ' ' {
				continue
			}
			v := tail4(s, i)
			if i+4 <= len(s) {
				v = binary.LittleEndian.Uint32([]byte(s[i : i+4]))
			}
			if spaceNoGap(p, i, v) {
				hits++
				if spaceMayClose(s, i) {
					t.Fatalf("spaceNoGap(%q, %d) true where spaceMayClose is", s, i)
				}
			}
		}
	}
	for _, c := range []struct {
		s    string
		i    int
		want bool
	}{
		{"a b", 1, true}, {"好 b", 3, true}, {"a 好", 1, true}, {"好 -", 3, false}, {"好 好", 3, false}, {"好 ", 3, false}, {" a", 0, true}, {" 好", 0, false},
	} {
		if got := spaceNoGap(unsafe.Pointer(unsafe.StringData(c.s)), c.i, tail4(c.s+"\x00\x00\x00", c.i)); got != c.want {
			t.Errorf("spaceNoGap(%q, %d) = %v, want %v", c.s, c.i, got, c.want)
		}
	}
	if hits == 0 {
		t.Error("spaceNoGap never true")
	}
}

// TestFullWidthFoldKeys: every full-width form runCopy folds before it
// looks at the keys' bitmaps is a change (in fold3Keys, so runCopy's
// later test would have folded it too) and starts no phrase that runCopy
// must look behind (not in behindKeys).
func TestFullWidthFoldKeys(t *testing.T) {
	n := 0
	for r := rune(0xFF00); r < 0xFF80; r++ {
		b := []byte(string(r))
		v := uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16
		if v&0xFEFF != 0xBCEF {
			t.Fatalf("%U: bytes % x not EF BC or EF BD", r, b)
		}
		f := fullWidthFold[v>>2&0x40|v>>16&0x3F]
		if f == 0 {
			continue
		}
		n++
		k, w := threeKeyOf(r), threeKeyWord(v)
		if fold3Keys[w]&(1<<(k&63)) == 0 {
			t.Errorf("%U folds to %q but is not in fold3Keys", r, f)
		}
		if behindKeys[w]&(1<<(k&63)) != 0 {
			t.Errorf("%U folds to %q but is in behindKeys", r, f)
		}
		if g, ok := fullWidthASCII(string(r), 0); !ok || g != f {
			t.Errorf("%U: fullWidthFold %q, fullWidthASCII %q %v", r, f, g, ok)
		}
	}
	if n == 0 {
		t.Fatal("no full-width form folds")
	}
}
