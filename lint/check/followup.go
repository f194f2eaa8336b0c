package check

import (
	"time"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/rules"
)

// followup demands that a trigger (a customer asking to change an order, an
// order event) is followed by an expected message (an order note, an agent
// phrase) within a window. A missing or late follow-up is a finding at the
// trigger message.
type followup struct {
	info    *lint.RuleInfo
	trigger side
	expect  side
	within  time.Duration
	tmpl    string
}

// side is one end of a followup: which roles, which message type, which phrases.
type side struct {
	roles   lint.RoleSet
	typ     string
	list    match.ListID
	hasList bool
}

func newSide(b *builder, s *rules.Side, def lint.RoleSet) side {
	out := side{roles: roleSet(s.Role, def), typ: s.Type}
	if len(s.Phrases) > 0 || len(s.Patterns) > 0 {
		out.hasList = true
		out.list = b.phraseList(s.Phrases, s.Patterns, s.Except, s.Match, out.roles)
	}
	return out
}

func newFollowup(b *builder, r *rules.Rule, info *lint.RuleInfo) *followup {
	f := &followup{info: info, within: time.Duration(r.Within), tmpl: r.Message}
	f.trigger = newSide(b, r.Trigger, lint.RolesOf(lint.Customer))
	f.expect = newSide(b, r.Expect, lint.RolesOf(lint.Agent))
	info.Roles = f.trigger.roles
	return f
}

func (f *followup) Info() *lint.RuleInfo { return f.info }
func (f *followup) Local() bool          { return false }

// Lists returns the trigger and expect phrase lists the rule has.
func (f *followup) Lists() []PhraseList {
	var out []PhraseList
	if f.trigger.hasList {
		out = append(out, PhraseList{Name: "trigger", ID: f.trigger.list, Roles: f.trigger.roles})
	}
	if f.expect.hasList {
		out = append(out, PhraseList{Name: "expect", ID: f.expect.list, Roles: f.expect.roles})
	}
	return out
}

// matches reports whether message i satisfies a side, with the first hit.
func (f *followup) matches(cv *Conv, i int, s *side) (bool, *match.Hit) {
	m := &cv.Messages[i]
	if !s.roles.Has(m.Role) {
		return false, nil
	}
	if s.typ != "" && m.Type != s.typ {
		return false, nil
	}
	if s.typ == "" && !spoken(m) {
		return false, nil
	}
	if !s.hasList {
		return true, nil
	}
	hits := cv.Hits(i, s.list)
	if len(hits) == 0 {
		return false, nil
	}
	h := hits[0]
	return true, &h
}

func (f *followup) Check(cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	ms := cv.Messages
	reason := ""
	for i := range ms {
		ok, hit := f.matches(cv, i, &f.trigger)
		if !ok {
			continue
		}
		found := -1
		for j := i + 1; j < len(ms); j++ {
			if ok, _ := f.matches(cv, j, &f.expect); ok {
				found = j
				break
			}
		}
		what := ""
		if hit != nil {
			what = hit.Text
		} else {
			what = "[" + ms[i].Type + "]"
		}
		vars := map[string]string{"match": what, "within": rules.FormatDuration(f.within)}
		tmpl := f.tmpl
		switch {
		case found < 0:
			if tmpl == "" {
				tmpl = "「{match}」之后没有跟进"
				if f.expect.typ != "" {
					tmpl = "「{match}」之后没有 " + f.expect.typ + " 类消息跟进"
				}
			}
			out = append(out, finding(f.info, i, hit, render(tmpl, vars)))
		case f.within > 0:
			if !ms[i].Timed() || !ms[found].Timed() {
				reason = "no times: within " + rules.FormatDuration(f.within) + " not checked"
				continue
			}
			if delay := ms[found].Time.Sub(ms[i].Time); delay > f.within {
				vars["delay"] = rules.FormatDuration(delay)
				if tmpl == "" {
					tmpl = "「{match}」之后的跟进用了{delay}（应在{within}内）"
				}
				out = append(out, finding(f.info, i, hit, render(tmpl, vars)))
			}
		}
	}
	return out, reason
}
