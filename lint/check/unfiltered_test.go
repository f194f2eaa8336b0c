package check

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/rules"
)

// TestBuiltinUnfilteredPatterns guards the speed of the built-in packs: a
// pattern without a literal of two characters or more that every match
// holds (or a set of at most three one-character ones) runs on every
// message its list is asked about, where the others run only where the
// automaton saw their literals. A wholesale pattern whose price words
// included a bare 价 cost 8% of a whole run that way. The counts are those
// of the packs as they are: a new such pattern fails here until it gets a
// literal to be found by (价格|价钱 rather than 价), or the count is raised
// knowingly. (Patterns anchored at both ends, ^…$, cost little: they stop
// at the first character that cannot start them. The question words of
// slow-reply's and hold-timeout's leaving messages, one of callcenter's
// and of ecommerce's, are asked about only for a message that the
// leaving pattern before them matched: as literals they made the
// automaton cost 7 % more on every message. unanswered-at-end asks the
// same words, a second of callcenter's, and whether the acknowledgement
// is a word of its own before a single clause, a third, only of a last
// message that opens with an acknowledgement and leaves.)
func TestBuiltinUnfilteredPatterns(t *testing.T) {
	want := map[string]int{"base": 0, "callcenter": 13, "ecommerce": 8, "retail": 1}
	names := rules.BuiltinNames()
	for i, cs := range builtinSets(t) {
		name := names[i]
		got := cs.Matcher.UnfilteredPatterns()
		if n, ok := want[name]; !ok || len(got) != n {
			t.Errorf("pack %s (with what it extends): %d patterns run on every message, want %d:\n  %s",
				name, len(got), n, strings.Join(got, "\n  "))
		}
	}
}
