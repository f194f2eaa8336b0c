package check

import (
	"time"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/rules"
)

// hold demands a holding message (请您稍等, 还在为您查询) when a customer
// waits long: if the answer to the earliest unanswered customer message
// comes more than `after` later, a holding message must have come within
// `after` of it (with repeat: every `after` while the customer waits). A
// holding message does not end the wait. The finding is at the late answer.
type hold struct {
	info   *lint.RuleInfo
	list   match.ListID
	after  time.Duration
	repeat bool
	tmpl   string
}

func newHold(b *builder, r *rules.Rule, info *lint.RuleInfo) *hold {
	h := &hold{info: info, after: time.Duration(r.After), repeat: r.Repeat, tmpl: r.Message}
	h.list = b.phraseList(r.Phrases, r.Patterns, r.Except, r.Match, info.Roles)
	if h.tmpl == "" {
		h.tmpl = "顾客等待{delay}，超过{after}却没有先发「请您稍等」之类的安抚消息"
	}
	return h
}

func (h *hold) Info() *lint.RuleInfo { return h.info }
func (h *hold) Local() bool          { return false }

// Lists returns the holding phrases.
func (h *hold) Lists() []PhraseList {
	return []PhraseList{{Name: "phrases", ID: h.list, Roles: h.info.Roles}}
}

func (h *hold) Check(cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	ms := cv.Messages
	pending := -1
	var holds []time.Time
	skipped := false
	for i := range ms {
		m := &ms[i]
		switch {
		case m.Role == lint.Customer && spoken(m):
			if pending < 0 {
				pending, holds = i, holds[:0]
			}
		case h.info.Roles.Has(m.Role) && m.Role != lint.Customer && spoken(m) && pending >= 0:
			if !cv.timed(i) || !cv.timed(pending) {
				skipped, pending = true, -1
				continue
			}
			if cv.Texts[i].Has(h.list) {
				holds = append(holds, m.Time)
				continue
			}
			if gap := h.longestGap(ms[pending].Time, holds, m.Time); gap > h.after {
				vars := map[string]string{"delay": rules.FormatDuration(m.Time.Sub(ms[pending].Time)), "after": rules.FormatDuration(h.after)}
				out = append(out, finding(h.info, i, nil, render(h.tmpl, vars)))
			}
			pending = -1
		}
	}
	if skipped {
		return out, "no times: holding messages not checked"
	}
	return out, ""
}

// longestGap is the longest stretch of the wait from start to answer without
// a holding message: only the first stretch, unless the rule repeats.
func (h *hold) longestGap(start time.Time, holds []time.Time, answer time.Time) time.Duration {
	if len(holds) == 0 {
		return answer.Sub(start)
	}
	if !h.repeat {
		return holds[0].Sub(start)
	}
	gap, prev := time.Duration(0), start
	for _, t := range append(holds, answer) {
		gap = max(gap, t.Sub(prev))
		prev = t
	}
	return gap
}
