package match

import (
	"fmt"
	"regexp/syntax"
	"strings"
	"testing"
)

// TestWriteFoldedRoundTrips holds writeFolded to the syntax package's
// parser: what it writes parses back (under (?i)) to the tree it wrote.
func TestWriteFoldedRoundTrips(t *testing.T) {
	patterns := []string{
		`(^|[^不法能敢说])(?P<match>(一定|保证|肯定|绝对|百分之百|百分百|100%)(会|能|可以)?(在)?(今天|明天|周[一二三四五六日末]|\[日期x\]|([0-9一二两三四五六七八九十]+|\[数字x\])(天|日|号|小时)(内|之内|以内)?)?(之前|前|就)?(会|能|可以)?到)([^手底]|$)`,
		`(^|[\s\p{P}])滚([\s\p{P}]|$)`,
		`颜色.{0,6}(一样|一致)`, `(?s)a.+?b`, `x*?y+?z??`, `(ab){2}(cd){1,}(ef){3,5}?`, `[a-z]+\z`,
		`Kelvin|ſ|σ|ǅ`, `\x00|\n|\t|\\|\.|\[|\]`, `(?:)|a`, `[^\x{0}-\x{10FFFF}]x|y`, `(?P<match>EMS|ems)`,
	}
	for _, p := range patterns {
		tree, err := syntax.Parse("(?i)"+normalizePattern(p), syntax.Perl)
		if err != nil {
			t.Fatalf("%q: %v", p, err)
		}
		var b strings.Builder
		b.WriteString("(?i)")
		if !writeFolded(&b, tree) {
			t.Errorf("%q: not written", p)
			continue
		}
		back, err := syntax.Parse(b.String(), syntax.Perl)
		if err != nil {
			t.Errorf("%q: written as %q, which does not parse: %v", p, b.String(), err)
			continue
		}
		if !back.Equal(tree) {
			t.Errorf("%q: written as %q, which parses to %v, not %v", p, b.String(), back, tree)
		}
	}
}

func TestComplementRanges(t *testing.T) {
	tests := []struct {
		in, want []rune
	}{
		{nil, []rune{0, 0x10FFFF}},
		{[]rune{0, 0x10FFFF}, nil},
		{[]rune{'a', 'c'}, []rune{0, 'a' - 1, 'd', 0x10FFFF}},
		{[]rune{0, 9, 11, 0x10FFFF}, []rune{10, 10}},
		{[]rune{'a', 'a', 'c', 'c'}, []rune{0, 'a' - 1, 'b', 'b', 'd', 0x10FFFF}},
	}
	for _, tt := range tests {
		got := complementRanges(tt.in)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("complementRanges(%v) = %v, want %v", tt.in, got, tt.want)
		}
		if n := classSize(tt.in) + classSize(got); n != 0x110000 {
			t.Errorf("%v and its complement hold %d characters", tt.in, n)
		}
	}
}

// TestWriteHexRune: writeHexRune writes what fmt's \x{%x} writes.
func TestWriteHexRune(t *testing.T) {
	for _, r := range []rune{0, 9, 'a', 0x7f, 0xff, 0x4e0d, 0xfffd, 0x10000, 0x10ffff} {
		var b strings.Builder
		writeHexRune(&b, r)
		if want := fmt.Sprintf(`\x{%x}`, r); b.String() != want {
			t.Errorf("writeHexRune(%U) = %q, want %q", r, b.String(), want)
		}
	}
}
