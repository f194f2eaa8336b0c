package check

import (
	"fmt"
	"strings"
	"time"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/rules"
)

// ExampleResult is the outcome of one rule example: a bad example must be
// flagged by its rule, a good one must not.
type ExampleResult struct {
	Rule string
	File string
	// Line is the line the example is written on
	Line    int
	Bad     bool
	Index   int // 1-based position in the bad or good list
	Example string
	OK      bool
	// Bonus is true for a bonus rule: its good examples must earn the bonus
	// and its bad ones must not.
	Bonus bool
	// Detail says what happened: the findings, or that there were none.
	Detail string
	// Flagged are the findings (or bonuses) the example drew.
	Flagged []ExampleFinding
}

// ExampleFinding is one finding an example drew: its message and match.
type ExampleFinding struct {
	Message string
	Match   string
}

// RuleExamples is the examples' outcome of one rule.
type RuleExamples struct {
	Rule    string
	Results []ExampleResult
	// Disabled: an override switches the rule off, so its examples are
	// not run (Results is empty)
	Disabled bool
}

// TestExamples runs every rule's examples against that rule alone (with the
// set's dictionary words). seg may be nil for the default segmenter;
// overrides (a config's, as Options.Overrides) may switch rules off, whose
// examples are then not run (RuleExamples.Disabled).
func TestExamples(set *rules.Set, seg match.Segmenter, overrides map[string]*rules.Override) ([]RuleExamples, error) {
	if seg == nil {
		var err error
		if seg, err = segmenterFor(set); err != nil {
			return nil, err
		}
	}
	var out []RuleExamples
	for _, pr := range set.Rules() {
		id := pr.FullID()
		cs, err := Compile(set, Options{Segmenter: seg, Only: map[string]bool{id: true}, Overrides: overrides})
		if err != nil {
			return nil, err
		}
		re := RuleExamples{Rule: id}
		if len(cs.Checks) == 0 {
			// switched off by an override (of a pack extending it, or
			// of the config)
			re.Disabled = true
			out = append(out, re)
			continue
		}
		w := cs.NewWorker()
		for _, bad := range []bool{true, false} {
			list := pr.Rule.Examples.Good
			if bad {
				list = pr.Rule.Examples.Bad
			}
			for i, ex := range list {
				conv, err := exampleConversation(pr.Rule, cs.Checks[0].Info(), ex)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: rule %s: example %q: %w", pr.Pack.File, pr.Rule.Line(), id, ex, err)
				}
				findings, _ := w.Check(conv)
				isBonus := pr.Rule.Type == rules.TypeBonus
				res := ExampleResult{Rule: id, File: pr.Pack.File, Line: pr.Rule.ExampleLine(bad, i), Bad: bad, Index: i + 1, Example: ex, Bonus: isBonus}
				res.OK = (len(findings) > 0) == (bad != isBonus)
				if len(findings) == 0 {
					res.Detail = "not flagged"
				} else {
					var msgs []string
					for _, f := range findings {
						res.Flagged = append(res.Flagged, ExampleFinding{Message: f.Message, Match: f.Match})
						s := f.Message
						if f.Match != "" {
							s = fmt.Sprintf("%s [match %q]", s, f.Match)
						}
						msgs = append(msgs, s)
					}
					res.Detail = "flagged: " + strings.Join(msgs, "; ")
				}
				re.Results = append(re.Results, res)
			}
		}
		out = append(out, re)
	}
	return out, nil
}

// exampleConversation turns an example into a conversation: a transcript as
// written, or a single sentence placed where the rule looks (a reply of the
// rule's role after a customer's greeting for require; the trigger for
// followup; a lone message otherwise).
func exampleConversation(r *rules.Rule, info *lint.RuleInfo, ex string) (*lint.Conversation, error) {
	msgs, err := rules.ParseExample(ex)
	if err != nil {
		return nil, err
	}
	if msgs == nil {
		role := firstRole(info.Roles)
		switch r.Type {
		case rules.TypeRequire:
			msgs = []lint.Message{
				{Role: lint.Customer, Sender: "顾客", Text: "你好，在吗", Time: rules.ExampleBase},
				{Role: role, Sender: "客服", Text: ex, Time: rules.ExampleBase.Add(time.Second)},
			}
		case rules.TypeFollowup:
			m := lint.Message{Role: firstRole(roleSet(r.Trigger.Role, lint.RolesOf(lint.Customer))), Text: ex, Time: rules.ExampleBase}
			m.Type = r.Trigger.Type
			msgs = []lint.Message{m}
		case rules.TypeLatency, rules.TypeHold:
			return nil, fmt.Errorf("%s examples must be transcripts with times", r.Type)
		case rules.TypeUnanswered:
			msgs = []lint.Message{{Role: lint.Customer, Sender: "顾客", Text: ex}}
		default:
			msgs = []lint.Message{{Role: role, Sender: "客服", Text: ex}}
		}
	}
	c := &lint.Conversation{ID: "example", File: "example", Messages: msgs, Timed: true}
	for i := range c.Messages {
		m := &c.Messages[i]
		m.Conversation = "example"
		m.Seq = i
		if m.Type == "" {
			m.Type = lint.TypeText
		}
		if m.Pos.File == "" {
			m.Pos = lint.Pos{File: "example", Line: i + 1}
		}
		if m.Time.IsZero() {
			c.Timed = false
		}
	}
	return c, nil
}

// firstRole picks the role a lone example message is given: agent when the
// rule looks at agents, else the first role of the set.
func firstRole(s lint.RoleSet) lint.Role {
	if s.Has(lint.Agent) {
		return lint.Agent
	}
	for r := lint.Customer; r <= lint.System; r++ {
		if s.Has(r) {
			return r
		}
	}
	return lint.Agent
}
