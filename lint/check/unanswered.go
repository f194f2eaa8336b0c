package check

import (
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/rules"
)

// unanswered flags a conversation that ends with the customer waiting: a
// customer message after the last message of the rule's roles (agents) that
// no one answered. A transfer event answers nothing: a chat handed to another
// agent who never replies is left unanswered. `ignore` names customer
// messages that need no answer and close the chat when they end it (a
// closing 好的 or 谢谢: the customer may have found the answer); `leaving`
// those that need no answer but close nothing (那我明天再来问问: after a
// question nobody answered, the customer gave up). The finding is at the
// earliest such message.
type unanswered struct {
	info    *lint.RuleInfo
	ignore  *cond
	leaving *cond
	tmpl    string
}

func newUnanswered(b *builder, r *rules.Rule, info *lint.RuleInfo) *unanswered {
	u := &unanswered{info: info, tmpl: r.Message}
	if r.Ignore != nil {
		cust := lint.RolesOf(lint.Customer)
		u.ignore = b.cond(r.Ignore, cust, cust, true)
	}
	if r.Leaving != nil {
		cust := lint.RolesOf(lint.Customer)
		u.leaving = b.cond(r.Leaving, cust, cust, true)
	}
	if u.tmpl == "" {
		u.tmpl = "顾客的消息到会话结束都没有得到回复"
	}
	return u
}

func (u *unanswered) Info() *lint.RuleInfo { return u.info }
func (u *unanswered) Local() bool          { return false }

// Lists returns the phrase lists of the ignore and leaving conditions,
// nested ones included. Only customer messages are ever asked.
func (u *unanswered) Lists() []PhraseList {
	out := u.ignore.lists("ignore", lint.RolesOf(lint.Customer), nil)
	return u.leaving.lists("leaving", lint.RolesOf(lint.Customer), out)
}

func (u *unanswered) Check(cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	ms := cv.Messages
	lastAnswer := last(len(ms), func(i int) bool {
		return u.info.Roles.Has(ms[i].Role) && ms[i].Role != lint.Customer && answers(&ms[i])
	})
	ignored := func(i int) bool {
		if u.ignore == nil {
			return false
		}
		ok := u.ignore.holds(cv, i)
		return ok
	}
	var waiting []int
	for i := lastAnswer + 1; i < len(ms); i++ {
		// a customer who leaves waits for nothing in that message, and
		// leaves what was asked before it waiting
		if asks(&ms[i]) && (u.leaving == nil || !u.leaving.holds(cv, i)) {
			waiting = append(waiting, i)
		}
	}
	// a customer whose last word closes the chat (找到了，谢谢) is not waiting
	if len(waiting) == 0 || ignored(waiting[len(waiting)-1]) {
		return out, ""
	}
	for _, i := range waiting {
		if !ignored(i) {
			// no placeholder has a value here: rendered, they show as
			// nothing, as in every other rule's message
			return append(out, finding(u.info, i, nil, render(u.tmpl, nil))), ""
		}
	}
	return out, ""
}
