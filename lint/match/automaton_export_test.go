package match

import "fmt"

// AutomatonAgreesForTest scans the normalised text with every automaton
// of m (every list's and each scope's) and with the reference automaton
// of the same keys (automaton_ref_test.go), and reports the first
// difference in their hits, or nil.
func AutomatonAgreesForTest(m *Matcher, text string) error {
	if err := agreesWithRef(m.ac, m.keys, nil, text); err != nil {
		return err
	}
	for s, sc := range m.scoped {
		if sc == nil {
			continue
		}
		if err := agreesWithRef(sc, m.keys, scopeIDs(m, s), text); err != nil {
			return fmt.Errorf("scope %d: %w", s, err)
		}
	}
	return nil
}

// scopeIDs recomputes the keys of scope s as buildScoped chose them.
func scopeIDs(m *Matcher, s int) []int32 {
	var ids []int32
	for k, kl := range m.keyLists {
		for w := range kl {
			if kl[w]&^m.outside[s][w] != 0 {
				ids = append(ids, int32(k))
				break
			}
		}
	}
	return ids
}

// refCache holds the reference automaton of each automaton compared.
var refCache = map[*automaton]*refAutomaton{}

// agreesWithRef compares a's hits in text with those of the reference
// automaton of keys (of keys[ids] reported as ids, when ids is not nil).
func agreesWithRef(a *automaton, keys []string, ids []int32, text string) error {
	sub := keys
	if ids != nil {
		sub = make([]string, len(ids))
		for i, id := range ids {
			sub[i] = keys[id]
		}
	}
	ref := refCache[a]
	if ref == nil {
		ref = buildRefAutomaton(sub)
		refCache[a] = ref
	}
	want := ref.hits(text, nil)
	if ids != nil {
		for i := range want {
			want[i].key = ids[want[i].key]
		}
	}
	got := a.hits(text, nil)
	if len(got) != len(want) {
		return fmt.Errorf("%q: %d hits, want %d", text, len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			return fmt.Errorf("%q: hit %d is %v, want %v", text, i, got[i], want[i])
		}
	}
	return nil
}

// CharAutomataForTest returns how many of m's automata are built over
// characters (buildCharAutomaton), and how many there are.
func CharAutomataForTest(m *Matcher) (chars, all int) {
	for _, a := range append([]*automaton{m.ac}, m.scoped[:]...) {
		if a != nil {
			all++
			if a.chars != nil {
				chars++
			}
		}
	}
	return chars, all
}
