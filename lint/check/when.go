package check

import (
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/rules"
)

// when checks single messages against a condition: a message of the rule's
// roles that meets `when` must also meet `then` (a refusal must open with
// 非常抱歉); without `then`, meeting `when` is itself the finding (a
// combination of conditions a forbid rule cannot say).
type when struct {
	info *lint.RuleInfo
	when *cond
	then *cond
	tmpl string
}

func newWhen(b *builder, r *rules.Rule, info *lint.RuleInfo) *when {
	w := &when{info: info, tmpl: r.Message}
	w.when = b.cond(r.When, info.Roles, info.Roles, true)
	w.when.useSlot(b)
	// a role written in `when` replaces the rule's: the rule looks at its
	// messages (examples are placed there, rules show names them)
	info.Roles = w.when.roles
	if r.Then != nil {
		w.then = b.cond(r.Then, 0, info.Roles, false)
	}
	if w.tmpl == "" {
		if w.then == nil {
			w.tmpl = "消息" + w.when.describe()
		} else {
			w.tmpl = "消息" + w.when.describe() + "时，应" + w.then.describe()
		}
	}
	return w
}

func (w *when) Info() *lint.RuleInfo { return w.info }
func (w *when) Local() bool          { return true }

// Lists returns the phrase lists of the when and then conditions, nested
// ones included; then looks at the messages that meet when.
func (w *when) Lists() []PhraseList {
	out := w.when.lists("when", lint.AnyRole, nil)
	return w.then.lists("then", w.when.roles, out)
}

// gate: no candidate, no finding, where no message of the condition's
// selection may hold its gate (cond.candidates' first test).
func (w *when) gate() (int, uint16, uint64) {
	return w.when.slot, w.when.sel, w.when.gateBits
}

func (w *when) Check(cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	cv.cands = w.when.candidates(cv, cv.cands[:0])
	for _, j := range cv.cands {
		i := int(j)
		ok, hit := w.when.evalNeed(cv, i, true)
		if !ok {
			continue
		}
		if w.then != nil {
			if w.then.holds(cv, i) {
				continue
			}
		}
		what := ""
		if hit != nil {
			what = hit.Text
		}
		out = append(out, finding(w.info, i, hit, render(w.tmpl, tvars{{"match", what}})))
	}
	return out, ""
}
