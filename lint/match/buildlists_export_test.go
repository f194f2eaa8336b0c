package match

import (
	"fmt"
	"strings"
)

// BuiltForTest describes what Build worked out for m, in an order that
// does not depend on how it was built: the automaton's keys and their
// uses, the lists' patterns with their literal sets, windows and except
// patterns, and which scopes have an automaton of their own.
func BuiltForTest(m *Matcher) string {
	var b strings.Builder
	fmt.Fprintf(&b, "keys %q\nuses %v\nkeyLists %v\nalways %v\n", m.keys, m.uses, m.keyLists, m.always)
	for s := range maxScopes {
		if m.scoped[s] != nil {
			fmt.Fprintf(&b, "scope %d: outside %v, %d states\n", s, m.outside[s], len(m.scoped[s].outStart))
		}
	}
	for i := range m.lists {
		l := &m.lists[i]
		fmt.Fprintf(&b, "list %d: mode %d scopes %d unfiltered %v\n", i, l.mode, l.scopes, l.unfiltered)
		for j, re := range l.patterns {
			fmt.Fprintf(&b, "  pattern %q group %d filtered %v sets %d", re.String(), l.group[j], l.filtered[j], l.sets[j])
			if w := l.win[j]; w != nil {
				fmt.Fprintf(&b, " window %v lead %d begin %v end %v anchored %v", w.sets, w.lead, w.noBegin != nil, w.noEnd != nil, w.anchored != nil)
			}
			b.WriteByte('\n')
		}
		m.nearRunsOf(ListID(i)) // (the near forms compiled)
		for _, ep := range l.except {
			fmt.Fprintf(&b, "  except %q overlapping %v need %q width %d", ep.re.String(), ep.overlapping, ep.need, ep.width)
			if ep.near != nil {
				fmt.Fprintf(&b, " near %q", ep.near.String())
			}
			if ep.first != nil {
				fmt.Fprintf(&b, " first %d", ep.first.size)
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// SetPrepareOffForTest makes Build work every pattern out anew (off) or
// take what is prepared, once per process (on).
func SetPrepareOffForTest(off bool) { prepareOff.Store(off) }
