package report

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestTeamCardChips: a team's card on the page counts its findings by
// severity, its 致命项 and its bonuses, as an agent's card, the text
// report's 组别 table and the CSV's team rows do; it said only 问题 N, so
// a team whose member scored a conversation 0 for a 致命项 showed its
// lowest score 0 and nothing of why.
func TestTeamCardChips(t *testing.T) {
	fatal := &lint.RuleInfo{ID: "shop/abuse", Pack: "shop", Type: "forbid", Severity: lint.Error, Deduct: 5, Fatal: true}
	bonus := &lint.RuleInfo{ID: "shop/recap", Pack: "shop", Type: "bonus", Severity: lint.Info, Add: 2, Bonus: true}
	r := htmlResult("c1", "小美", "滚", 0)
	r.Grade = htmlScoring.FailGrade
	r.Findings = []lint.Finding{
		{Rule: fatal, Msg: 1, Match: "滚", End: len("滚"), Column: 1, Message: "辱骂", Agent: "小美", Deduct: 5},
		{Rule: htmlGreet, Msg: 0, Message: "缺少问候", Agent: "小美", Deduct: 2},
	}
	r.Bonuses = []lint.Finding{{Rule: bonus, Msg: 1, Agent: "小美"}}
	sum := lint.NewSummary()
	sum.TeamsOf = func(string) []string { return []string{"售前组"} }
	sum.Add(r)
	opts := fxOptions()
	opts.Rules = []*lint.RuleInfo{fatal, htmlGreet, bonus}
	page := string(render(t, "html", opts, []*lint.Result{r}, sum))
	i := strings.Index(page, `<section id="teams"`)
	if i < 0 {
		t.Fatal("no teams section")
	}
	teams := page[i : i+strings.Index(page[i:], "</section>")]
	for _, want := range []string{
		`<span class="chip sev-error">error 1</span>`,
		`<span class="chip sev-warning">warning 1</span>`,
		`致命项 1</span>`,
		`加分 1</span>`,
	} {
		if !strings.Contains(teams, want) {
			t.Errorf("team card lacks %s:\n%s", want, teams)
		}
	}
}
