package match

import (
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestBacktrackerIsRegexp: btProg finds the match, submatches included,
// that the regexp package finds for the same source, anchored or not, on
// texts made of the patterns' characters: alternations whose branches it
// skips by their first characters, large classes, case folding, loops,
// lazy repeats, assertions, empty matches.
func TestBacktrackerIsRegexp(t *testing.T) {
	patterns := []string{
		`(?i)^(?:(地址|收货信息|电话|号码)[^\s\p{P}\p{S}]{0,4}(能|可以|能不能|可不可以|可否|帮我)[^\s\p{P}\p{S}]{0,2}(修改|更改|改|换))`,
		`(?i)^(?:(这个|这边|我们|我)(这边|也|真|真的|是)*(?P<match>没办法|帮不了)(您|你)?(的|了|呢)*[\s\p{P}\p{S}]*$)`,
		`(?i)(这个|这边|我们|我)(这边|也|真|真的|是)*(?P<match>没办法|帮不了)(您|你)?(的|了|呢)*[\s\p{P}\p{S}]*$`,
		`(?i)^(?:(^|[^不法能])(?P<match>(一定|保证|肯定)(会|能)?(今天|明天|[0-9一二]{1,3}(天|号))))`,
		`(?i)^(?:ok|okay|thanks?|k)`,
		`(?i)(ok|好的?|嗯+)[\s\p{P}]*$`,
		`(?i)^(?:颜色.{0,4}(一样|偏))`,
		`(?is)^(?:好.*)`,
		`(?i)^(?:好.*?的)`,
		`(?i)^(?:(a|ab)(c|bcd)(d*))`,
		`(?i)^(?:\b好\B|的\b)`,
		`(?i)^(?:x*)`,
		`(?i)(改|修改|更改)(地址|电话)`,
		`(?i)[“「][^“”「」]{1,6}[”」]`,
		// a begin of text a variant removed (withoutAssertions)
		`(?i)[^\x00-\x{10FFFF}][^?]{0,3}(我|那我)(先|再)?等(等|一下)?[\s\p{P}\p{S}]*$`,
		`(?i)(?:[^\x00-\x{10FFFF}]|[^不])(?P<match>一定|保证)`,
	}
	alphabet := []string{"地址", "电话", "号码", "能", "可以", "不", "帮我", "修改", "改", "换", "这个", "这边", "我们", "我", "也", "真", "是",
		"没办法", "帮不了", "您", "的", "了", "呢", "，", "。", "！", " ", "\n", "一定", "保证", "会", "明天", "3", "天", "号",
		"ok", "OK", "K", "\u212a", "thanks", "好", "嗯", "颜色", "一样", "偏", "a", "b", "c", "d", "x", "X", "“", "”", "「", "」", "\xff"}
	r := rand.New(rand.NewPCG(7, 8))
	var st btState
	for _, src := range patterns {
		re := regexp.MustCompile(src)
		p, groups, match, err := compileBT(src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if groups != re.NumSubexp() || match != re.SubexpIndex("match") {
			t.Fatalf("%s: groups %d match %d, regexp %d %d", src, groups, match, re.NumSubexp(), re.SubexpIndex("match"))
		}
		found := 0
		for range 3000 {
			var b strings.Builder
			for range r.IntN(12) {
				b.WriteString(alphabet[r.IntN(len(alphabet))])
			}
			all := b.String()
			for k := range len(all) + 1 {
				text := all[k:] // every suffix: the anchored patterns' tries
				want := re.FindStringSubmatchIndex(text)
				got := slices.Clone(p.find(&st, text, p.ncap))
				if !slices.Equal(got, want) {
					t.Fatalf("%s on %q: backtracker %v, regexp %v", src, text, got, want)
				}
				// what the matcher reads (p.need): the match and its group
				if g := re.SubexpIndex("match"); want != nil {
					got := p.find(&st, text, p.need)
					if got == nil || !slices.Equal(got[:2], want[:2]) || g >= 0 && !slices.Equal(got[2*g:2*g+2], want[2*g:2*g+2]) {
						t.Fatalf("%s on %q (need %d): backtracker %v, regexp %v", src, text, p.need, got, want)
					}
				}
				if w2, g2 := re.FindStringIndex(text), p.find(&st, text, 2); !slices.Equal(g2, w2) {
					t.Fatalf("%s on %q (match only): backtracker %v, regexp %v", src, text, g2, w2)
				}
				if want != nil {
					found++
				}
			}
		}
		if found == 0 && !strings.HasPrefix(src, `(?i)[^\x00-\x{10FFFF}]`) { // (that one never matches)
			t.Errorf("%s: no text matched: the test says little", src)
		}
	}
}

// TestAnchorFirst: an anchored program knows the characters its matches
// begin with when every path past its ^ consumes one first, and find then
// turns away an input beginning with another before it searches
// (TestBacktrackerIsRegexp holds the answers to the regexp package's).
func TestAnchorFirst(t *testing.T) {
	for _, tc := range []struct {
		src     string
		known   bool
		yes, no []rune
	}{
		{`(?i)^(?:(地址|电话)[^\s\p{P}\p{S}]{0,4}改)`, true, []rune("地电"), []rune("改址a，")},
		{`(?i)^(?:ok|k)`, true, []rune("oOkK\u212a"), []rune("a好")},
		{`(?i)^(?P<match>(一定|保证)(会|能)?)`, true, []rune("一保"), []rune("会")},
		{`^(?:ÿ|好)`, true, []rune("ÿ好"), []rune("Ÿ")}, // (ÿ's bit is the end of the text's)
		{`(?i)^(?:x*)`, false, nil, nil},              // (it matches the empty text)
		{`(?i)^(?:\b好)`, false, nil, nil},             // (an assertion first)
		{`(?i)(改|修改)`, false, nil, nil},               // (not anchored)
		{`(?m)^(?:好)`, false, nil, nil},               // (a line's start)
		{`(?i)^(?:(^|[^不])一定)`, false, nil, nil},      // (an assertion on a path)
	} {
		p, _, _, err := compileBT(tc.src)
		if err != nil {
			t.Fatalf("%s: %v", tc.src, err)
		}
		if p.anchorKnown != tc.known {
			t.Errorf("%s: anchorKnown %v, want %v", tc.src, p.anchorKnown, tc.known)
			continue
		}
		for _, r := range tc.yes {
			if !p.anchorFirst.has(r) {
				t.Errorf("%s: %q not a first character", tc.src, r)
			}
		}
		for _, r := range tc.no {
			if p.anchorFirst.has(r) {
				t.Errorf("%s: %q a first character", tc.src, r)
			}
		}
		if tc.known && p.anchorFirst.has(-1) {
			t.Errorf("%s: the end of the text a first character", tc.src)
		}
	}
}

// TestEmptyAt: emptyAt answers as the regexp package's context of each
// position does, its shortcuts for ^ and $ included.
func TestEmptyAt(t *testing.T) {
	ops := []syntax.EmptyOp{0, syntax.EmptyBeginText, syntax.EmptyEndText, syntax.EmptyBeginLine, syntax.EmptyEndLine,
		syntax.EmptyWordBoundary, syntax.EmptyNoWordBoundary, syntax.EmptyBeginText | syntax.EmptyBeginLine,
		syntax.EmptyEndText | syntax.EmptyEndLine, syntax.EmptyBeginText | syntax.EmptyEndText}
	for _, s := range []string{"", "a", "好", "a\nb", "好的\n", "\xff", "ab 好"} {
		for pos := 0; pos <= len(s); pos++ {
			r1, r2 := rune(-1), rune(-1)
			if pos > 0 {
				r1, _ = utf8.DecodeLastRuneInString(s[:pos])
			}
			if pos < len(s) {
				r2, _ = utf8.DecodeRuneInString(s[pos:])
			}
			for _, op := range ops {
				if got, want := emptyAt(s, pos, op), syntax.EmptyOpContext(r1, r2)&op == op; got != want {
					t.Errorf("%q at %d, op %v: %v, want %v", s, pos, op, got, want)
				}
			}
		}
	}
}

// TestRuneSetOfShared: runeSetOf makes the set newRuneSet makes, once for
// each list of ranges: equal ranges share a set, other ranges do not.
func TestRuneSetOfShared(t *testing.T) {
	classes := [][]rune{
		{'a', 'z'},
		{'a', 'y'},
		{0, '\t', '\v', 0x10FFFF},
		{0x4e00, 0x9fff, '0', '9', 0x1F600, 0x1F64F},
		{},
	}
	for i, c := range classes {
		s := runeSetOf(slices.Clone(c))
		if want := newRuneSet(c); s.bmp != want.bmp || !slices.Equal(s.astral, want.astral) || s.size != want.size {
			t.Fatalf("%v: runeSetOf differs from newRuneSet", c)
		}
		if again := runeSetOf(slices.Clone(c)); again != s {
			t.Fatalf("%v: made twice", c)
		}
		for _, d := range classes[:i] {
			if runeSetOf(d) == s {
				t.Fatalf("%v and %v share a set", c, d)
			}
		}
	}
}
