package check

import (
	"strconv"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/rules"
)

// bonus rewards good practice: each message of the rule's roles that meets
// `when` (复述确认 "您的意思是……对吗") earns `add` points, at most `max_add`
// per conversation; a score never rises above the scoring's start.
type bonus struct {
	info *lint.RuleInfo
	when *cond
	tmpl string
}

func newBonus(b *builder, r *rules.Rule, info *lint.RuleInfo) *bonus {
	bo := &bonus{info: info, tmpl: r.Message}
	bo.when = b.cond(r.When, info.Roles, info.Roles, true)
	bo.when.useSlot(b)
	// a role written in `when` replaces the rule's: the rule looks at its
	// messages (examples are placed there, rules show names them)
	info.Roles = bo.when.roles
	if bo.tmpl == "" {
		bo.tmpl = "加分：" + bo.when.describe()
	}
	return bo
}

func (b *bonus) Info() *lint.RuleInfo { return b.info }
func (b *bonus) Local() bool          { return true }

// Lists returns the phrase lists of the condition, nested ones included.
func (b *bonus) Lists() []PhraseList {
	return b.when.lists("when", lint.AnyRole, nil)
}

// gate: no candidate, no finding, where no message of the condition's
// selection may hold its gate (cond.candidates' first test).
func (b *bonus) gate() (int, uint16, uint64) {
	return b.when.slot, b.when.sel, b.when.gateBits
}

func (b *bonus) Check(cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	cv.cands = b.when.candidates(cv, cv.cands[:0])
	for _, j := range cv.cands {
		i := int(j)
		ok, hit := b.when.evalNeed(cv, i, true)
		if !ok {
			continue
		}
		what := ""
		if hit != nil {
			what = hit.Text
		}
		out = append(out, finding(b.info, i, hit, render(b.tmpl, tvars{{"match", what}, {"add", strconv.FormatFloat(b.info.Add, 'f', -1, 64)}})))
	}
	return out, ""
}
