package match

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestBacktrackFindAllIsRegexp: btProg.findAll finds the non-empty matches
// the regexp package's FindAllStringIndex finds, on random texts of the
// patterns' characters: context groups with ^ and $ (a search resuming
// past the start of the text must not match ^ there), \b looking at the
// text before a resumed search, empty matches next to others, and a text
// too long for the backtracker (ok false).
func TestBacktrackFindAllIsRegexp(t *testing.T) {
	patterns := []string{
		`(?i)(^|[\s\p{P}])滚+([\s\p{P}]|$)`,
		`(?i)(^|[\s\p{P}]|你)滚+(吧|啊|呀|啦)`,
		`(?i)^滚|滚$`,
		`(?i)\bok\b|好的?`,
		`(?i)滚*`,
		`(?i)(^|[^不])(一定|保证)`,
		`(?i)x?$|^`,
		`(?i)[^\x00-\x{10FFFF}]滚`,
	}
	alphabet := []string{"滚", "你", "吧", "啊", "，", "。", "！", " ", "\n", "ok", "OK", "okay", "好", "的", "不", "一定", "保证", "x", "\xff", "a"}
	r := rand.New(rand.NewPCG(21, 22))
	var st btState
	for _, src := range patterns {
		re := regexp.MustCompile(src)
		p, _, _, err := compileBT(src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		found := 0
		for range 3000 {
			var b strings.Builder
			for range r.IntN(20) {
				b.WriteString(alphabet[r.IntN(len(alphabet))])
			}
			text := b.String()
			var want []cand
			for _, loc := range re.FindAllStringIndex(text, -1) {
				if loc[1] > loc[0] {
					want = append(want, cand{loc[0], loc[1], -1, 3})
				}
			}
			got, ok := p.findAll(&st, text, 3, nil)
			if !ok || !slices.Equal(got, want) {
				t.Fatalf("%s on %q: backtracker %v (ok %v), regexp %v", src, text, got, ok, want)
			}
			found += len(want)
		}
		if found == 0 && src != `(?i)[^\x00-\x{10FFFF}]滚` {
			t.Errorf("%s: no match in any text: the test says little", src)
		}
	}
	p, _, _, _ := compileBT(patterns[0])
	long := strings.Repeat("，滚", maxBacktrackBits/len(p.inst)/4)
	if c, ok := p.findAll(&st, long, 0, []cand{{1, 2, -1, 0}}); ok || len(c) != 1 {
		t.Fatalf("a text of %d bytes: ok %v, %d candidates; want the regexp's turn", len(long), ok, len(c))
	}
}

// TestContextGroupPastFirstTries: a pattern with a context group
// ((^|[\s\p{P}])…) on a text holding more punctuation than the first
// characters' tries allow (maxFirstTries) goes to the backtracker's
// search of the whole text, which finds the regexp's matches.
func TestContextGroupPastFirstTries(t *testing.T) {
	pattern := `(^|[\s\p{P}])滚+([\s\p{P}]|$)`
	text := "滚，好的，谢谢，不，行，吧，好，的，滚。滚滚！你，滚"
	re := regexp.MustCompile(pattern)
	l := &list{patterns: []*lazyRegexp{knownRegexp(re)}, plan: make([]lazyPlan, 1)}
	if _, ok := l.planOf(0).findAll(&btState{}, text, 0, nil); ok {
		t.Fatalf("%q: the first characters' tries took the text; the test says little", text)
	}
	patternPathsAgree(t, pattern, []string{text, text + text, "，" + text})
}

// TestLedByBeginPathsAgree: a pattern led by ^ has no first set (its
// matches start at 0 only), and the paths it takes instead (the
// backtracker on the whole text, gated by the only set) find the
// regexp's matches.
func TestLedByBeginPathsAgree(t *testing.T) {
	patterns := []string{
		`^[\s\p{P}\p{S}]*((好的?|谢谢(你|亲)?|ok|嗯+)[\s\p{P}\p{S}]*)+$`,
		`^(我)?知道(了|啦)?[。.!~\s]*$`,
		`(^[\s\p{P}]*(好的?|ok))`,
		`^好`,
	}
	texts := []string{"好的", "好的谢谢亲！", "嗯嗯，ok", "好的，我想问一下", "你好的", "，好的。好的", "我知道了", "知道啦~ 知道了", "", "好好好"}
	for _, p := range patterns {
		re, _, err := compilePattern(p)
		if err != nil {
			t.Fatal(err)
		}
		if pl := makePlan(re); pl != nil && pl.first != nil {
			t.Errorf("%s: a first set", p)
		}
		patternPathsAgree(t, p, texts)
	}
}
