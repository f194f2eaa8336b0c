package check

import (
	"time"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/rules"
)

// latency flags slow answers: the time from the earliest customer message not
// yet answered to the next message of the rule's roles (agents by default;
// bot and system messages are not answers, nor are internal notes) must not
// exceed max. Exactly max is not slow. The finding is at the late answer.
type latency struct {
	info *lint.RuleInfo
	max  time.Duration
	tmpl string
}

func newLatency(r *rules.Rule, info *lint.RuleInfo) *latency {
	l := &latency{info: info, max: time.Duration(r.Max), tmpl: r.Message}
	if l.tmpl == "" {
		l.tmpl = "顾客等待{delay}才得到回复（上限{max}）"
	}
	return l
}

func (l *latency) Info() *lint.RuleInfo { return l.info }
func (l *latency) Local() bool          { return false }

func (l *latency) Check(cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	ms := cv.Messages
	pending := -1
	skipped := false
	for i := range ms {
		m := &ms[i]
		switch {
		case m.Role == lint.Customer && spoken(m):
			if pending < 0 {
				pending = i
			}
		case l.info.Roles.Has(m.Role) && m.Role != lint.Customer && spoken(m):
			if pending < 0 {
				continue
			}
			if !cv.timed(i) || !cv.timed(pending) {
				skipped = true
				pending = -1
				continue
			}
			if delay := m.Time.Sub(ms[pending].Time); delay > l.max {
				msg := render(l.tmpl, map[string]string{"delay": rules.FormatDuration(delay), "max": rules.FormatDuration(l.max)})
				out = append(out, finding(l.info, i, nil, msg))
			}
			pending = -1
		}
	}
	if skipped {
		return out, "no times: reply times not checked"
	}
	return out, ""
}
