package transcript

import (
	"slices"
	"strings"
	"sync/atomic"
)

// SenderRuleUse records which of the Agents patterns and Staff ids named a
// sender during a run, so that one that named none can be told: a typo in
// --agents reads every agent as a customer, and a run then finds nothing
// wrong with what the agents wrote. Readers mark it from several
// goroutines.
type SenderRuleUse struct {
	asked  atomic.Bool // a sender was looked up in the rules
	agents []atomic.Bool
	staff  []atomic.Bool
}

// NewSenderRuleUse returns the record of use for opts' Agents and Staff.
func NewSenderRuleUse(opts *Options) *SenderRuleUse {
	return &SenderRuleUse{agents: make([]atomic.Bool, len(opts.Agents)), staff: make([]atomic.Bool, len(opts.Staff))}
}

// asked notes that a sender was looked up.
func (u *SenderRuleUse) ask() {
	if u != nil && !u.asked.Load() {
		u.asked.Store(true)
	}
}

// used notes that the rule at i of list (u.agents or u.staff) named a sender.
func used(u *SenderRuleUse, list func(*SenderRuleUse) []atomic.Bool, i int) {
	if u == nil {
		return
	}
	if l := list(u); i < len(l) && !l[i].Load() {
		l[i].Store(true)
	}
}

func agentsOf(u *SenderRuleUse) []atomic.Bool { return u.agents }
func staffOf(u *SenderRuleUse) []atomic.Bool  { return u.staff }

// Unused returns, once the run is over, the Agents patterns and Staff ids
// of opts when none of them named a sender though senders were looked up
// (a run whose records all carry their role never asks): then every sender
// was read as a customer, which is what a typo does. When some named a
// sender, the others are taken for other exports' agents (a config naming
// the agents of several shops), and none is returned.
func (u *SenderRuleUse) Unused(opts *Options) (agents, staff []string) {
	if u == nil || !u.asked.Load() {
		return nil, nil
	}
	agents, staff = unused(opts.Agents, u.agents), unused(opts.Staff, u.staff)
	if len(agents)+len(staff) < len(dedup(opts.Agents))+len(dedup(opts.Staff)) {
		return nil, nil // some named a sender
	}
	return agents, staff
}

// dedup returns the rules of list without blanks, each once.
func dedup(list []string) []string {
	var out []string
	for _, r := range list {
		if k := strings.TrimSpace(r); k != "" && !slices.ContainsFunc(out, func(o string) bool { return strings.TrimSpace(o) == k }) {
			out = append(out, r)
		}
	}
	return out
}

// unused lists the rules of list that named no sender (marks: which did),
// each once: of a rule given twice, the first is the one marked.
func unused(list []string, marks []atomic.Bool) []string {
	usedRule := map[string]bool{}
	for i, r := range list {
		if i < len(marks) && marks[i].Load() {
			usedRule[strings.TrimSpace(r)] = true
		}
	}
	var out []string
	for _, r := range list {
		if k := strings.TrimSpace(r); k != "" && !usedRule[k] {
			usedRule[k] = true // told once
			out = append(out, r)
		}
	}
	return out
}
