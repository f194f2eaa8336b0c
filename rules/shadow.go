package rules

import (
	"fmt"
	"strings"
)

// RuleNote is a message about one rule of a set, at a line of its pack.
type RuleNote struct {
	PackRule
	Line int
	Msg  string
}

// ParentIDNotes lists the rules of the set's root packs that take the id
// of a rule of a pack they extend. Such a rule is one of its own
// (myshop/evasive-phrase), and the parent's (base/evasive-phrase) still
// runs beside it, so a message counts twice, unless an override of a pack
// of the set, or one of extra (a config's rules:), switches the parent's
// off: a pack author who copied a rule to change it and forgot that step
// is told what to write.
func (s *Set) ParentIDNotes(extra map[string]*Override) []RuleNote {
	disabled := func(id string) bool {
		off := false
		for _, p := range s.Packs {
			if o := p.Overrides[id]; o != nil && o.Disable != nil {
				off = *o.Disable
			}
		}
		if o := extra[id]; o != nil && o.Disable != nil {
			off = *o.Disable
		}
		return off
	}
	var out []RuleNote
	for _, root := range s.Roots {
		ancestors := map[*Pack]bool{}
		var walk func(p *Pack)
		walk = func(p *Pack) {
			for _, q := range p.Parents {
				if !ancestors[q] {
					ancestors[q] = true
					walk(q)
				}
			}
		}
		walk(root)
		for _, r := range root.Rules {
			var running []string
			for _, p := range s.Packs { // parents first, as the set runs them
				if !ancestors[p] || p == root {
					continue
				}
				for _, pr := range p.Rules {
					if id := p.Name + "/" + pr.ID; pr.ID == r.ID && !disabled(id) {
						running = append(running, id)
					}
				}
			}
			if len(running) == 0 {
				continue
			}
			off := make([]string, len(running))
			for i, id := range running {
				off[i] = id + ": {disable: true}"
			}
			what, has, verb, it := "a rule of a pack this one extends", "has", "runs", "it"
			if len(running) > 1 {
				what, has, verb, it = "rules of packs this one extends", "have", "run", "them"
			}
			out = append(out, RuleNote{PackRule{root, r}, r.Line(), fmt.Sprintf(
				"%s, %s, %s the same id and still %s beside this rule, counted as %s/%s: to replace %s, switch %s off (overrides: {%s}); to change only the severity or deductions, write that override and drop this rule",
				strings.Join(running, ", "), what, has, verb, root.Name, r.ID, it, it, strings.Join(off, ", "))})
		}
	}
	return out
}
