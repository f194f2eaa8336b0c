package report

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestHTMLMeanGradedUnrounded: the page colours a mean by its grade, not
// by the grade of its rounding, and shows it rounded so as to stay in its
// grade: a mean of 84.995 under 良好 from 85 was shown 85 and coloured
// 良好. Scorecards go lowest mean first by the mean itself: 84.995 before
// a mean of 85 (with a lower lowest score).
func TestHTMLMeanGradedUnrounded(t *testing.T) {
	x := htmlResult("c1", "客服X", "不行", 84.995)
	y1 := htmlResult("c2", "客服Y", "不行", 70)
	y2 := htmlResult("c3", "客服Y", "好的", 100)
	for _, withScoring := range []bool{true, false} {
		sum := lint.NewSummary()
		if withScoring { // as Engine.Run sets it
			sum.Scoring = htmlScoring
		}
		for _, r := range []*lint.Result{x, y1, y2} {
			sum.Add(r)
		}
		page := renderHTMLSum(t, sum, x, y1, y2)
		// 合格 is the third grade: g2; 良好 g1
		agents := page[strings.Index(page, `<section id="agents"`):]
		agents = agents[:strings.Index(agents, "</section>")]
		if i, j := strings.Index(agents, "客服X"), strings.Index(agents, "客服Y"); i < 0 || j < 0 || i > j {
			t.Errorf("scoring set %v: 客服X (mean 84.995) not before 客服Y (mean 85):\n%s", withScoring, agents)
		}
		card := agents[strings.Index(agents, "客服X"):strings.Index(agents, "客服Y")]
		if strings.Contains(card, `class="num g1"`) || !strings.Contains(card, `class="num g2"`) {
			t.Errorf("scoring set %v: 客服X's mean coloured as 良好:\n%s", withScoring, card)
		}
		if withScoring && !strings.Contains(card, `<b class="num g2">84.995</b>`) {
			t.Errorf("客服X's mean not shown 84.995:\n%s", card)
		}
	}
	// the run's mean: (84.995 + 85) / 2 rounds to 85 (良好), and is 84.9975
	sum := lint.NewSummary()
	sum.Scoring = htmlScoring
	z := htmlResult("c4", "客服Z", "好的", 85)
	sum.Add(x)
	sum.Add(z)
	page := renderHTMLSum(t, sum, x, z)
	if !strings.Contains(page, `<div class="big"><span class="num g2">84.998</span></div>`) {
		i := strings.Index(page, `<div class="big">`)
		t.Errorf("the run's mean 84.9975 not shown 84.998, as 合格:\n%s", page[i:i+200])
	}
}

// renderHTMLSum renders the page of results with the summary given.
func renderHTMLSum(t *testing.T, sum *lint.Summary, results ...*lint.Result) string {
	t.Helper()
	opts := fxOptions()
	opts.Scoring = htmlScoring
	opts.Rules = []*lint.RuleInfo{htmlForbid, htmlGreet}
	return string(render(t, "html", opts, results, sum))
}
