package match

import (
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
)

// TestWiderFoldsWholePlane holds widerFolds, built from the case ranges, to
// a scan of every rune of the Basic Multilingual Plane.
func TestWiderFoldsWholePlane(t *testing.T) {
	var want []foldedWidth
	for r := rune(0); r < 0x10000; r++ {
		if w := foldWidth(r); w > runeWidth(r) {
			want = append(want, foldedWidth{r, w})
		}
	}
	got := widerFolds()
	if !slices.Equal(got, want) {
		t.Fatalf("widerFolds = %v, want %v", got, want)
	}
	if len(want) == 0 {
		t.Fatal("no rune with a wider case variant: k and the Kelvin sign should be one")
	}
	for _, f := range want {
		if f.w > maxFoldedWidth {
			t.Errorf("%U has a case variant of %d bytes, more than maxFoldedWidth", f.r, f.w)
		}
	}
}

// TestRuneSetWordAtATime holds newRuneSet, which fills its bitmap a word
// at a time, to a bitmap filled a character at a time, on random ranges
// (overlapping, unordered, across word edges and U+FFFF, out of range).
func TestRuneSetWordAtATime(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	edges := []rune{-5, 0, 1, 62, 63, 64, 65, 127, 128, 0x4E00, 0xFFBF, 0xFFC0, 0xFFFE, 0xFFFF, 0x10000, 0x10FFFF, 0x110000}
	pick := func() rune {
		if r.IntN(3) == 0 {
			return edges[r.IntN(len(edges))] + rune(r.IntN(3)) - 1
		}
		return rune(r.IntN(0x10400))
	}
	for range 2000 {
		var ranges []rune
		for range 1 + r.IntN(6) {
			lo := pick()
			hi := lo + rune(r.IntN(300))
			if r.IntN(4) == 0 {
				hi = pick()
			}
			ranges = append(ranges, lo, hi)
		}
		got := newRuneSet(ranges)
		want := &runeSet{}
		for i := 0; i+1 < len(ranges); i += 2 {
			for c := max(ranges[i], 0); c <= min(ranges[i+1], 0xFFFF); c++ {
				want.bmp[c>>6] |= 1 << (uint(c) & 63)
			}
		}
		if got.bmp != want.bmp {
			t.Fatalf("newRuneSet(%v): bitmap differs from one built a character at a time", ranges)
		}
	}
}

// planPatterns are patterns of each shape the plans know, and some they
// must leave to the regexp.
var planPatterns = []string{
	`^[\s\p{P}\p{S}好的吧谢啦okaythnsue8]+$`,
	`^[\s\p{P}\p{S}]*((好的?|好吧|嗯+|ok|okay|thank you|谢谢(你|您)?|亲+)[\s\p{P}\p{S}]*)+$`,
	`^[^?？]{0,12}(我|那我)(再)?试(试|一下|下)(看)?[\s\p{P}\p{S}]*$`,
	`[红橙黄绿]色|([0-9]+|\[数字x\])(码|件|个)|(改成|换成)[SMLXsmlx]{1,3}([码号的]|$)`,
	`(周|星期)[一二三日天末]|下周|明天|([0-9]+|\[数字x\])月([0-9]+)[号日]`,
	`(^|[\s\p{P}])滚([\s\p{P}]|$)`, `^(我)?知道(了|啦)?[。.!~\s]*$`, `[?？]`, `(吗|么|呢)[\s\p{P}\p{S}]*$`,
	`Kelvin|ſ|σ`, `^[a-z]+$`, `^K+$`, `\bok\b`, `x*`, `(?m)^好$`, `a|`, `[^a]b`,
}

// FuzzPlans holds the plans to the regexp on arbitrary texts (invalid
// UTF-8 included): the matches a plan finds, when it can tell them, are
// the non-empty matches of FindAllStringIndex.
func FuzzPlans(f *testing.F) {
	for _, s := range []string{"", "好的", "好的吗", "好的，谢谢！", "ok", "OK", "okay thank you", "嗯嗯嗯~", "亲亲",
		"我试试", "那我再试一下吧。", "红色的，38码，3件", "改成XL的", "周一送", "下周三，5月6号", "滚", "，滚！", "知道了。",
		"好\xff的", "\xe5\xa5", "k", "K", "\u212a", "ſ", "s", "好\n好", "ab", "a", "好的👍🏻", "ok✌🏻", "好👩\u200d💻的"} {
		f.Add(s)
	}
	type compiled struct {
		re   *regexp.Regexp
		plan *patternPlan
	}
	var cs []compiled
	for _, p := range planPatterns {
		re, err := CompilePattern(p)
		if err != nil {
			f.Fatal(err)
		}
		cs = append(cs, compiled{re, makePlan(knownRegexp(re))})
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, c := range cs {
			got, ok := c.plan.findAll(&btState{}, text, 0, nil)
			if !ok {
				continue
			}
			var want []cand
			for _, loc := range c.re.FindAllStringIndex(text, -1) {
				if loc[1] > loc[0] {
					want = append(want, cand{loc[0], loc[1], -1, 0})
				}
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%s on %q: plan %v, regexp %v", c.re, text, got, want)
			}
		}
	})
}

// TestPlans: the shapes of patterns each plan is made for.
func TestPlans(t *testing.T) {
	tests := []struct {
		pattern            string
		whole, only, first bool
	}{
		{`^[\s\p{P}\p{S}好的吧]+$`, true, false, false},
		// led by ^: matches start at 0 only, no first set (ledByBegin)
		{`^[\s\p{P}\p{S}]*((好的?|ok)[\s\p{P}\p{S}]*)+$`, false, true, false},
		{`(^[\s\p{P}]*(好的?|ok))`, false, false, false},
		{`[\s\p{P}]*(好的?|ok)$`, false, false, true},         // not led by ^
		{`^[^?？]{0,12}我试试$`, false, true, false},            // the first set is nearly everything
		{`^(我)?知道.*$`, false, false, false},                 // . consumes anything
		{`[红橙]色|([0-9]+|\[数字x\])(码|件)`, false, false, true}, // first: 红橙0-9[
		{`\bok\b`, false, false, false},                     // looks before the match
		{`x*`, false, false, false},                         // may match empty
	}
	for _, tt := range tests {
		re, _, err := compilePattern(tt.pattern)
		if err != nil {
			t.Fatal(err)
		}
		p := makePlan(re)
		if p == nil {
			p = &patternPlan{} // no fast path
		}
		if (p.whole != nil) != tt.whole || (p.only != nil) != tt.only || (p.first != nil) != tt.first {
			t.Errorf("%s: whole %v, only %v, first %v; want %v, %v, %v", tt.pattern,
				p.whole != nil, p.only != nil, p.first != nil, tt.whole, tt.only, tt.first)
		}
	}
}

// TestWriteExactCompilesAlike: what writeExact writes compiles to the
// program of the tree it wrote (its classes differ from the tree's in the
// case folding flag only).
func TestWriteExactCompilesAlike(t *testing.T) {
	for _, p := range append(planPatterns,
		`(^|[^不法能敢说])(?P<match>(一定|保证|百分之百|100%)(会|能)?到)([^手底]|$)`, `颜色.{0,6}(一样|一致)`,
		`(?s)a.+?b`, `(ab){2}(cd){1,}(ef){3,5}?`, `[a-z]+\z`, `(?-i:[a-z])k`, `[^\x{0}-\x{10FFFF}]x|y`, `(?P<match>EMS|ems)`) {
		tree, err := syntax.Parse("(?i)"+normalizePattern(p), syntax.Perl)
		if err != nil {
			t.Fatalf("%q: %v", p, err)
		}
		var b strings.Builder
		b.WriteString("(?i)")
		if !writeExact(&b, tree) {
			continue // multi-line and word assertions: not written
		}
		back, err := syntax.Parse(b.String(), syntax.Perl)
		if err != nil {
			t.Fatalf("%q: written as %q, which does not parse: %v", p, b.String(), err)
		}
		progOf := func(re *syntax.Regexp) string {
			prog, err := syntax.Compile(re.Simplify())
			if err != nil {
				t.Fatal(err)
			}
			return prog.String()
		}
		if got, want := progOf(back), progOf(tree); got != want {
			t.Errorf("%q: written as %q, which compiles to\n%s\nnot\n%s", p, b.String(), got, want)
		}
	}
}

// TestLiteralLeads: how far before its required literal a match may start.
func TestLiteralLeads(t *testing.T) {
	tests := []struct {
		pattern string
		lit     string // a literal of the set
		lead    int
	}{
		{`颜色.{0,6}(一样|偏)`, "颜色", 0},
		{`(跟|和)您确认(一下|下).{1,40}吗`, "跟您确认一下", 0},
		{`(^|[^不法能敢说])(一定|保证)(会|能)?到货`, "一定", 4},
		{`(还)?(没|未)(有)?(付款|支付)`, "付款", 9},
		{`(ab){1,3}cd`, "cd", 6},
	}
	for _, tt := range tests {
		sets, ok := requiredLiteralSets(normalizePattern(tt.pattern))
		if !ok {
			t.Errorf("%s: no required literals", tt.pattern)
			continue
		}
		found := false
		for _, s := range sets {
			if slices.Contains(s.lits, tt.lit) {
				found = true
				if s.lead != tt.lead {
					t.Errorf("%s: lead of %v = %d, want %d", tt.pattern, s.lits, s.lead, tt.lead)
				}
			}
		}
		if !found {
			t.Errorf("%s: no set holds %q: %v", tt.pattern, tt.lit, sets)
		}
	}
}

// TestPatternMemo: a list asked about twice searches its patterns once, and
// a new text forgets the matches of the last.
func TestPatternMemo(t *testing.T) {
	var b Builder
	id := b.Add(ListSpec{Patterns: []string{`颜色.{0,6}(一样|偏)`, `^[好的]+$`}, Mode: Substring})
	m, err := b.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	var tx Text
	m.Analyse(&tx, "颜色偏，好的好的好的好的好的颜色一样", true)
	first := tx.Hits(id, nil)
	if len(first) != 2 || !tx.Has(id) {
		t.Fatalf("hits %v", first)
	}
	if n := len(tx.exc); n != 1 || tx.exc[0].pat[0][0] < 0 {
		t.Fatalf("memo %+v: want the first pattern's matches", tx.exc)
	}
	again := tx.Hits(id, nil)
	if !slices.Equal(first, again) {
		t.Errorf("hits %v, then %v", first, again)
	}
	m.Analyse(&tx, "好的", true)
	if hits := tx.Hits(id, nil); len(hits) != 1 || hits[0].Pattern != 1 {
		t.Errorf("hits on the next text: %v", hits)
	}
}

// TestFoldBitsWholePlane holds foldBits, which asks foldRune only about
// the Traditional characters of the blocks without case, to asking it
// about every rune of the plane.
func TestFoldBitsWholePlane(t *testing.T) {
	var want [0x10000 / 64]uint64
	for r := rune(0); r < 0x10000; r++ {
		if out, keep := foldRune(r); !keep || out != r {
			want[r>>6] |= 1 << (uint(r) & 63)
		}
	}
	for w := range want {
		if foldBits[w] != want[w] {
			t.Errorf("foldBits[%#x] = %#x, want %#x (runes %#x..)", w, foldBits[w], want[w], w<<6)
		}
	}
}

// TestClassWidth holds classWidth to the widest case variant of every
// character of the class.
func TestClassWidth(t *testing.T) {
	for _, class := range []string{`[0-9]`, `[a-j]`, `[kx]`, `[sx]`, `[a-z]`, `[åÅ]`, `[ǅx]`, `[Ωω]`, `[а-я]`,
		`[“”「」]`, `[一-龥]`, `[?？]`, `[\s\p{P}\p{S}]`, `[^\s\p{P}\p{S}]`, `[^a]`, `[𐐀-𐐏]`, `[ɐ-ʯ]`} {
		re, err := syntax.Parse(class, syntax.Perl)
		if err != nil || re.Op != syntax.OpCharClass {
			t.Fatalf("%s: not a class (%v)", class, err)
		}
		want := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				want = max(want, foldWidth(r))
			}
		}
		if got := classWidth(re.Rune); got != want {
			t.Errorf("classWidth(%s) = %d, want %d", class, got, want)
		}
	}
}

// TestMaxWidthLiteral holds maxWidth of a literal, which takes a Chinese
// character's own width, to the widest case variant of each character.
func TestMaxWidthLiteral(t *testing.T) {
	for _, lit := range []string{`亲`, `您好呀`, `k`, `sk`, `ok了`, `Å号`, `ǅ`, `𐐀`, `ɐ中`, `“好”`} {
		re, err := syntax.Parse(lit, syntax.Perl|syntax.Literal)
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for _, r := range lit {
			want += foldWidth(r)
		}
		if got := maxWidth(re); got != want {
			t.Errorf("maxWidth(%s) = %d, want %d", lit, got, want)
		}
	}
}
