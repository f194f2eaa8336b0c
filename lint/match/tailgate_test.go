package match

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestTailGateForms: the patterns that get a tail gate, with its
// literals, and those that do not.
func TestTailGateForms(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		lits    []string // sorted; nil: no gate
	}{
		{`(我|我们)(也|真)*(?P<match>没办法|没有办法|帮不了|无能为力)(您|你)?(的|了|呢|亲爱的|亲)*[\s\p{P}\p{S}]*$`,
			[]string{"帮不了", "无能为力", "没办法", "没有办法"}},
		{`(吗|么|呢)[\s\p{P}\p{S}]*$`, []string{"么", "吗", "呢"}},
		{`^[^?？]{0,12}(我|那我)(再)?试(试|一下|下)(看)?[\s\p{P}\p{S}]*$`, []string{"一下", "下", "试"}},
		{`没办法$`, []string{"没办法"}},
		{`没办法[了的]{0,3}$`, []string{"没办法"}},
		{`没办法`, nil},                // no end
		{`(?m)没办法$`, nil},           // the end of a line
		{`没办法.*$`, nil},             // anything may follow
		{`亲+$`, nil},                // no set of strings
		{`(没办法|)[。]*$`, nil},        // an empty one
		{`ok[!]*$`, nil},            // letters of another case
		{`没办法\$`, nil},              // a dollar
		{`没办法[。]*(\b|。)$`, nil},     // an assertion
		{`(没办法|帮不了)(您)?$|算了$`, nil}, // not one concatenation
	} {
		_, np, err := compilePattern(tc.pattern)
		if err != nil {
			t.Fatal(err)
		}
		g := newTailGate(np)
		var lits []string
		if g != nil {
			lits = slices.Sorted(slices.Values(g.lits))
		}
		if !slices.Equal(lits, tc.lits) || (g == nil) != (tc.lits == nil) {
			t.Errorf("%q: tail gate literals %q, want %q", tc.pattern, lits, tc.lits)
		}
	}
}

// tailGatePatterns are patterns with a tail gate, for the tests below.
var tailGatePatterns = []string{
	`(这个|我们|我)(也|真|是)*(?P<match>没办法|没有办法|帮不了|做不了)(您|你)?(的|了|呢|哦|亲爱的|亲)*[\s\p{P}\p{S}]*$`,
	`(吗|么|呢)[\s\p{P}\p{S}]*$`,
	`(没办法|帮不了)[\s\p{P}\p{S}k]*$`, // k: K and the Kelvin sign K fold to it
	`^[^?？]{0,12}(我|那我)(再)?试(试|一下|下)(看)?[\s\p{P}\p{S}]*$`,
}

// tailGateTexts are texts for them: the literal at the end, before other
// words, before characters of another case than the pattern's.
var tailGateTexts = []string{
	"", "没办法", "我们也没办法。", "我们也没办法呢亲！", "我们也没办法了解您的问题",
	"我真没办法，您可以申请售后", "这个我们没有办法的呢亲爱的~~", "我也帮不了您 ", "没办法K", "没办法K。",
	"没办法kx", "我做不了你", "有货吗？", "有货吗？好的", "呢", "我再试试看！", "那我试一下", "我试下别的",
	"我们帮不了您。我们也没办法", "没办法没办法", "帮不了了了",
}

// TestTailGatePathsAgree holds the patterns with a tail gate to the
// regexp alone (patternPathsAgree).
func TestTailGatePathsAgree(t *testing.T) {
	for _, p := range tailGatePatterns {
		patternPathsAgree(t, p, tailGateTexts)
	}
}

// TestTailGateNeverSkipsAMatch: a text the pattern matches passes its
// gate, on random texts made of the pieces of the patterns' matches.
func TestTailGateNeverSkipsAMatch(t *testing.T) {
	pieces := []string{"我们", "我", "也", "没办法", "帮不了", "没有", "办法", "的", "呢", "亲", "爱", "您", "。", "！", " ", "~",
		"k", "K", "K", "吗", "试", "一下", "看", "了解", "问题", "？", "x"}
	r := rand.New(rand.NewPCG(3, 5))
	for _, p := range tailGatePatterns {
		re, np, err := compilePattern(p)
		if err != nil {
			t.Fatal(err)
		}
		g := newTailGate(np)
		if g == nil {
			t.Fatalf("%q: no tail gate", p)
		}
		matched := 0
		for n := 0; n < 5000; n++ {
			var b strings.Builder
			for k := r.IntN(8); k > 0; k-- {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
			// the normalised text, and the text as it is (normalisation
			// folds K to k; the gate does not count on it)
			for _, text := range []string{Normalize(b.String()), b.String()} {
				if re.regexp().MatchString(text) {
					matched++
					if !g.may(text) {
						t.Fatalf("%q matches %q, which fails its tail gate", p, text)
					}
				}
			}
		}
		if matched == 0 {
			t.Fatalf("%q matched none of the texts", p)
		}
		if regexp.MustCompile(`^\(吗`).MatchString(p) && g.may("好的吗？谢谢") {
			t.Errorf("%q: 好的吗？谢谢 passes the gate", p)
		}
	}
}
