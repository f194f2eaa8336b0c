package match_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint/match"
)

// TestFastPathsAreExact: for every pattern list of every built-in pack, the
// matches found with the fast paths (windows, anchored tries, plans, the
// memo) are those the regexp alone finds on the whole text, on random
// texts short and long made of the list's literals, its patterns'
// fragments and filler characters.
func TestFastPathsAreExact(t *testing.T) {
	iters := 2000
	if testing.Short() {
		iters = 200
	}
	r := rand.New(rand.NewPCG(3, 4))
	var tx match.Text
	kinds := map[string]int{}
	for pack, m := range packMatchers(t) {
		for k, n := range match.PlanKindsForTest(m) {
			kinds[k] += n
		}
		found := 0
		for id := range match.NumListsForTest(m) {
			id := match.ListID(id)
			var frags []string
			for i := 0; ; i++ {
				p, ok := patternForTest(m, id, i)
				if !ok {
					break
				}
				frags = append(frags, fragments(p)...)
			}
			if len(frags) == 0 {
				continue
			}
			keys := match.KeysForTest(m, id)
			for range iters {
				text := randomText(r, keys, frags)
				if r.IntN(2) == 0 {
					text = shortText(r, keys, frags)
				}
				m.Analyse(&tx, text, true)
				got := match.PatternMatchesForTest(&tx, id, true)
				again := match.PatternMatchesForTest(&tx, id, true) // from the memo
				want := match.PatternMatchesForTest(&tx, id, false)
				if !slices.Equal(got, want) || !slices.Equal(again, want) {
					t.Fatalf("%s list %d on %q (normalised %q): fast %v (again %v), regexp %v", pack, id, text, tx.Normalized(), got, again, want)
				}
				found += len(got)
			}
		}
		t.Logf("%s: %d matches compared", pack, found)
	}
	t.Logf("fast paths: %v", kinds)
	for _, k := range []string{"whole", "only", "first", "lead"} {
		if kinds[k] == 0 {
			t.Errorf("no pattern of the built-in packs takes fast path %q: the test says nothing about it", k)
		}
	}
}

// patternForTest returns pattern i of list id, false past the last.
func patternForTest(m *match.Matcher, id match.ListID, i int) (p string, ok bool) {
	defer func() {
		if recover() != nil {
			p, ok = "", false
		}
	}()
	return match.PatternForTest(m, id, i), true
}

// shortText strings together a few literals, fragments and fillers: short
// texts are those the anchored (^…$) patterns match.
func shortText(r *rand.Rand, keys, frags []string) string {
	var b strings.Builder
	for range 1 + r.IntN(4) {
		switch x := r.IntN(10); {
		case x < 4 && len(keys) > 0:
			b.WriteString(keys[r.IntN(len(keys))])
		case x < 8 && len(frags) > 0:
			b.WriteString(frags[r.IntN(len(frags))])
		default:
			b.WriteRune(fillers[r.IntN(len(fillers))])
		}
	}
	return b.String()
}
