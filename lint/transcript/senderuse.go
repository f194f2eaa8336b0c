package transcript

import (
	"slices"
	"strings"
	"sync/atomic"
)

// SenderRuleUse records whether the Agents patterns and Staff ids named any
// sender during a run, so that a list of which none did can be told: a typo
// in --agents reads every agent as a customer, and a run then finds nothing
// wrong with what the agents wrote. Readers mark it from several
// goroutines.
type SenderRuleUse struct {
	asked   atomic.Bool // a sender was looked up in the rules
	matched atomic.Bool // and one of them named it
}

// NewSenderRuleUse returns a record of use for a run.
func NewSenderRuleUse() *SenderRuleUse { return &SenderRuleUse{} }

// ask notes that a sender was looked up (u may be nil: no record kept).
func (u *SenderRuleUse) ask() {
	if u != nil && !u.asked.Load() {
		u.asked.Store(true)
	}
}

// match notes that a pattern or id named a sender.
func (u *SenderRuleUse) match() {
	if u != nil && !u.matched.Load() {
		u.matched.Store(true)
	}
}

// Unused returns, once the run is over, the Agents patterns and Staff ids
// of opts (blanks left out, each once) when none of them named a sender
// though senders were looked up (a run whose records all carry their role
// never asks): then every sender was read as a customer, which is what a
// typo does. When some named a sender, the others are taken for other
// exports' agents (a config naming the agents of several shops), and none
// is returned.
func (u *SenderRuleUse) Unused(opts *Options) (agents, staff []string) {
	if u == nil || !u.asked.Load() || u.matched.Load() {
		return nil, nil
	}
	return dedup(opts.Agents), dedup(opts.Staff)
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
