package match

// PlanKindsForTest counts the patterns of a matcher's lists by the fast
// path they take: "whole" (^[C]+$), "only" (the set precheck), "first"
// (anchored tries at first characters), "lead" (windows tried at the
// positions before a literal).
func PlanKindsForTest(m *Matcher) map[string]int {
	out := map[string]int{}
	for id := range m.lists {
		l := &m.lists[id]
		for i := range l.patterns {
			if w := l.win[i]; w != nil {
				if w.lead >= 0 {
					out["lead"]++
				}
				continue
			}
			p := l.planOf(i)
			switch {
			case p == nil:
				continue
			case p.whole != nil:
				out["whole"]++
			case p.only != nil:
				out["only"]++
			}
			if p.first != nil {
				out["first"]++
			}
		}
	}
	return out
}
