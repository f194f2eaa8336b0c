package match

import (
	"regexp/syntax"
	"slices"
	"testing"
	"unicode"
)

// TestClassLiteralSets: literalSets gives up on a class as soon as it has
// more than 16 characters (a large class of small ranges, such as
// [\s\p{P}\p{S}], is not written out first), with the sets it gave when it
// wrote every class out: each character of a class of at most 16, else none.
func TestClassLiteralSets(t *testing.T) {
	// the sets as they were worked out before: every character, then the count
	reference := func(re *syntax.Regexp) []string {
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 16 {
				return nil
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, string(r))
			}
		}
		if len(out) == 0 || len(out) > 16 {
			return nil
		}
		return out
	}
	for _, p := range []string{
		`[\s\p{P}\p{S}]`, `[^\s\p{P}\p{S}]`, `[红橙黄绿青蓝紫黑白灰粉棕咖金银米卡杏]`, `[a-p]`, `[a-q]`, `[a-o]`,
		`[a-hj-q]`, `[a-hj-p]`, `[a-gj-p]`, `[0-9a-f]`, `[0-9a-g]`, `[一二三四五六日天末]`, `[a-z]`, `[^级场]`,
		`[\x{0}-\x{10}]`, `[\x{0}-\x{f}]`, `[a-bd-ef-gh-ij-kl-mn-op-qr-s]`, `[ab]`, `[a]`,
	} {
		re, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if re.Op != syntax.OpCharClass {
			continue // (a class of one character parses as a literal)
		}
		want := reference(re)
		sets := literalSets(re)
		var got []string
		if len(sets) == 1 {
			got = sets[0].lits
		} else if len(sets) > 1 {
			t.Fatalf("%s: %d sets", p, len(sets))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: literals %q, want %q", p, got, want)
		}
	}
}

// TestFoldSoundNoCase: foldSound passes over the characters foldCase
// treats as having no case without asking unicode.SimpleFold: none of
// them has a case variant.
func TestFoldSoundNoCase(t *testing.T) {
	for _, rg := range [][2]rune{{0x3400, 0xA000}, {0xAC00, 0xF900}} {
		for r := rg[0]; r < rg[1]; r++ {
			if unicode.SimpleFold(r) != r {
				t.Fatalf("%U has a case variant %U", r, unicode.SimpleFold(r))
			}
		}
	}
	// foldSound as it was, asking every character
	reference := func(lits []string) bool {
		for _, l := range lits {
			for _, r := range l {
				for c := unicode.SimpleFold(r); c != r; c = unicode.SimpleFold(c) {
					if out, keep := foldRune(c); keep && out == c {
						return false
					}
				}
			}
		}
		return true
	}
	for _, lits := range [][]string{{"地址", "改成"}, {"ok"}, {"改k"}, {"ſ"}, {"改ſ", "地址"}, {"ǅ"}, {"µ码"}, {"ß"}, {"ﬁ"}, {"가나"}, {"Ω"}} {
		if got, want := foldSound(lits), reference(lits); got != want {
			t.Errorf("foldSound(%q) = %v, want %v", lits, got, want)
		}
	}
}
