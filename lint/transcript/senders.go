package transcript

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/match"
)

// senderMatch decides whether a sender is an agent by the Agents patterns
// and Staff ids of a run (--agents, --staff, the config's agents: and
// staff:), once per distinct sender name: the readers look a sender up on
// every record without a role, and a run has few senders.
//
// A pattern names a sender as written, or as the text of a message is read
// (match.Normalize), as the config's teams: name their members: full-width
// letters, digits and spaces as half-width ones, Traditional characters as
// Simplified, letters in either case and invisible characters left out, so
// that --agents '客服*' names the 客服０１ a Chinese input method typed,
// 阿杰 names 阿傑, Amy amy, and 小美 the 小美 an export wrote with a
// zero-width space in it. Matched byte for byte, such an agent was read as
// a customer without a word, what they wrote never checked as an agent's.
// A Staff id is an id (a 企业微信 userid), which the export writes as the
// system keeps it: it names the sender it is, blanks at its ends aside.
type senderMatch struct {
	staff  map[string]bool
	raw    []string // the patterns as given
	folded []string // and as match.FoldName reads them
	// known holds the decisions (sender → bool), up to senderMatchMax of
	// them: past that, a sender is decided anew each time
	known   sync.Map
	entries atomic.Int64
}

// senderMatchMax bounds the senders a senderMatch remembers: an export of
// millions of customer ids does not hold them all.
const senderMatchMax = 1 << 16

// newSenderMatch compiles the agents' patterns and the staff ids; nil when
// there are none.
func newSenderMatch(agents, staff []string) *senderMatch {
	if len(agents) == 0 && len(staff) == 0 {
		return nil
	}
	m := &senderMatch{staff: map[string]bool{}}
	for _, s := range staff {
		m.staff[strings.TrimSpace(s)] = true
	}
	for _, p := range agents {
		m.raw = append(m.raw, p)
		m.folded = append(m.folded, match.FoldName(p))
	}
	return m
}

// agent reports whether sender is a Staff id or matches an Agents pattern.
// Safe for concurrent use.
func (m *senderMatch) agent(sender string) bool {
	if v, ok := m.known.Load(sender); ok {
		return v.(bool)
	}
	a := m.decide(sender)
	if m.entries.Add(1) <= senderMatchMax {
		// (a sender of the reader's buffer is copied)
		m.known.Store(strings.Clone(sender), a)
	}
	return a
}

// decide is agent without the memory.
func (m *senderMatch) decide(sender string) bool {
	if m.staff[strings.TrimSpace(sender)] {
		return true
	}
	folded, isFolded := "", false
	for i, p := range m.raw {
		if lint.MatchName(p, sender) {
			return true
		}
		if !isFolded {
			folded, isFolded = match.FoldName(sender), true
		}
		if (folded != sender || m.folded[i] != p) && lint.MatchName(m.folded[i], folded) {
			return true
		}
	}
	return false
}

// senders returns the run's senderMatch (nil: no Agents nor Staff). ReadAll
// makes it once; options that did not come through it get one of their
// own, which remembers nothing.
func (o *Options) senders() *senderMatch {
	if o == nil {
		return nil
	}
	if o.senderMatch != nil || len(o.Agents) == 0 && len(o.Staff) == 0 {
		return o.senderMatch
	}
	return newSenderMatch(o.Agents, o.Staff)
}
