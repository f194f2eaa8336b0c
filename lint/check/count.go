package check

import (
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/rules"
)

// count bounds how often something happens in a conversation: the hits of
// the `when` condition's phrases (or, for conditions without phrases or with
// a quantifier other than any — all, none, at_least —, the messages that
// meet it) must number at least min_count
// (at least one 请 or 谢谢 per conversation) and at most max_count.
type count struct {
	info     *lint.RuleInfo
	when     *cond
	min, max int // -1: no bound
	tmpl     string
}

func newCount(b *builder, r *rules.Rule, info *lint.RuleInfo) *count {
	c := &count{info: info, min: -1, max: -1, tmpl: r.Message}
	c.when = b.cond(r.When, info.Roles, info.Roles, true)
	// a role written in `when` replaces the rule's: the rule looks at its
	// messages (examples are placed there, rules show names them)
	info.Roles = c.when.roles
	if r.MinCount != nil {
		c.min = *r.MinCount
	}
	if r.MaxCount != nil {
		c.max = *r.MaxCount
	}
	return c
}

func (c *count) Info() *lint.RuleInfo { return c.info }
func (c *count) Local() bool          { return false }

// Lists returns the phrase lists of the condition, nested ones included.
func (c *count) Lists() []PhraseList {
	return c.when.lists("when", lint.AnyRole, nil)
}

func (c *count) Check(cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	ms := cv.Messages
	n, over, speaking := 0, -1, false
	for i := range ms {
		// a transfer event is not the agent speaking (nor a note)
		if c.info.Roles.Has(ms[i].Role) && answers(&ms[i]) {
			speaking = true
		}
		ok := c.when.holds(cv, i)
		if !ok {
			continue
		}
		// quantifier: any, written or not, counts hits
		if c.when.hasList && c.when.anyHit() {
			n += len(cv.Hits(i, c.when.list))
		} else {
			n++
		}
		if c.max >= 0 && n > c.max && over < 0 {
			over = i
		}
	}
	if c.min >= 0 && n < c.min && speaking {
		tmpl := c.tmpl
		if tmpl == "" {
			tmpl = "整个会话中" + c.when.describe() + "的只有{count}次（至少{limit}次）"
		}
		at := first(len(ms), func(i int) bool { return asks(&ms[i]) })
		if at < 0 {
			at = 0
		}
		out = append(out, finding(c.info, at, nil, render(tmpl, tvars{{"count", itoa(n)}, {"limit", itoa(c.min)}})))
	}
	if over >= 0 {
		tmpl := c.tmpl
		if tmpl == "" {
			tmpl = c.when.describe() + "的已超过{limit}次（共{count}次）"
		}
		out = append(out, finding(c.info, over, nil, render(tmpl, tvars{{"count", itoa(n)}, {"limit", itoa(c.max)}})))
	}
	return out, ""
}
