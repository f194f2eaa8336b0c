package match

import (
	"regexp/syntax"
	"strings"
	"testing"
)

// TestWidthsSaturateWithoutOverflow: maxWidth and literalSets saturate at
// unbounded instead of overflowing int, on 32-bit targets too, where a
// repeated long literal's width times its count exceeds 1<<31. The trees are
// built by hand: the parser would refuse a program that large.
func TestWidthsSaturateWithoutOverflow(t *testing.T) {
	lit := func(n int) *syntax.Regexp {
		return &syntax.Regexp{Op: syntax.OpLiteral, Rune: []rune(strings.Repeat("中", n))}
	}
	rep := func(min, max int, sub *syntax.Regexp) *syntax.Regexp {
		return &syntax.Regexp{Op: syntax.OpRepeat, Min: min, Max: max, Sub: []*syntax.Regexp{sub}}
	}
	cat := func(subs ...*syntax.Regexp) *syntax.Regexp {
		return &syntax.Regexp{Op: syntax.OpConcat, Sub: subs}
	}
	sat := func(w int64) int { return int(min(w, unbounded)) }
	for _, tc := range []struct {
		name string
		re   *syntax.Regexp
		want int // maxWidth
	}{
		{"short literal", lit(4), 12},
		{"repeat", rep(1, 1000, lit(2)), 6000},
		{"long literal", lit(1 << 20), sat(3 << 20)},
		{"repeated long literal", rep(1, 1000, lit(800_000)), sat(3 * 800_000 * 1000)},
		{"nested repeats", rep(1, 1000, rep(1, 1000, lit(1000))), sat(3 * 1000 * 1000 * 1000)},
		{"concatenated repeats", cat(rep(1, 1000, lit(800_000)), rep(1, 1000, lit(800_000))), sat(2 * 3 * 800_000 * 1000)},
	} {
		if got := maxWidth(tc.re); got != tc.want {
			t.Errorf("%s: maxWidth = %d, want %d (unbounded = %d)", tc.name, got, tc.want, unbounded)
		}
		for _, s := range literalSets(tc.re) {
			for _, w := range []int{s.pre, s.post, s.lead} {
				if w < 0 || w > max(tc.want, unbounded) {
					t.Errorf("%s: literal set bound %d out of [0, %d]", tc.name, w, unbounded)
				}
			}
		}
	}
}
