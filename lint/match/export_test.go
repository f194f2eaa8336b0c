package match

import (
	"fmt"
	"strings"
)

// NumListsForTest returns the number of phrase lists a matcher holds.
func NumListsForTest(m *Matcher) int { return len(m.lists) }

// PatternMatchesForTest returns the matches of list id's patterns in the
// text t analysed, as {start, end, pattern} in normalised text, found on
// the pieces of the text around their literals (window) or on the whole
// text.
func PatternMatchesForTest(t *Text, id ListID, window bool) [][3]int {
	if t.m == nil || (len(t.raw) == 0 && !t.m.lists[id].unfiltered) {
		return nil
	}
	t.noWindowing = !window
	defer func() { t.noWindowing = false }()
	c, _ := t.candidates(id, nil)
	var out [][3]int
	for _, x := range c {
		if x.pattern >= 0 {
			out = append(out, [3]int{x.start, x.end, x.pattern})
		}
	}
	return out
}

// WindowsForTest describes the patterns of list id that run on pieces of
// texts: pattern index → "set pre post" of each set they use.
func WindowsForTest(m *Matcher, id ListID) map[int][][3]int {
	out := map[int][][3]int{}
	for i, w := range m.lists[id].win {
		if w == nil || !w.usable() {
			continue
		}
		for _, s := range w.sets {
			out[i] = append(out[i], [3]int{int(s.set), s.pre, s.post})
		}
	}
	return out
}

// PatternForTest returns pattern i of list id as compiled.
func PatternForTest(m *Matcher, id ListID, i int) string { return m.lists[id].patterns[i].String() }

// KeysForTest returns the normalised literals the automaton looks for on
// behalf of list id (phrases, except contexts, pattern literals).
func KeysForTest(m *Matcher, id ListID) []string {
	var out []string
	for k, us := range m.uses {
		for _, u := range us {
			if u.list == id {
				out = append(out, m.keys[k])
				break
			}
		}
	}
	return out
}

// RawHitForTest is an automaton hit.
type RawHitForTest = rawHit

// ScanForTest runs the automaton over text (normalised) and returns the
// number of hits.
func ScanForTest(m *Matcher, text string, buf []rawHit) int {
	return len(m.ac.hits(text, buf[:0]))
}

// NearFirstAgreesForTest checks, for every near except pattern of m, that
// the characters its matches may begin with, worked out from its own tree
// (nearFirst), are those of the pattern parsed under (?i); it returns how
// many patterns there are and how many were worked out without that parse.
func NearFirstAgreesForTest(m *Matcher) (n, fast int, err error) {
	for k, l := range m.lists {
		m.nearRunsOf(ListID(k)) // (the except patterns worked out)
		for _, ep := range l.except {
			if ep.near == nil {
				continue
			}
			np := strings.TrimPrefix(ep.re.String(), "(?i)")
			diff, f := nearFirstAgrees(np)
			if diff != "" {
				return n, fast, fmt.Errorf("%q: %s", np, diff)
			}
			n++
			if f {
				fast++
			}
		}
	}
	return n, fast, nil
}
