package match_test

import (
	"testing"

	"github.com/chatlint/chatlint/lint/match"
)

// TestParsedPatternsShared: compiling the built-in packs parses each
// pattern text once (parsePattern), and neither compiling nor matching
// (windows, except patterns, variants built on first use) changes a tree
// the cache shares.
func TestParsedPatternsShared(t *testing.T) {
	ms := packMatchers(t)
	_, texts := defaultPackTexts(t, 2e5)
	texts = append(texts, "肯定能到，百分之百明天到", "地址是北京市对吗", "如果保证一定到的话")
	var tx match.Text
	for _, m := range ms {
		for _, text := range texts {
			m.Analyse(&tx, text, true)
			for id := range match.NumListsForTest(m) {
				match.PatternMatchesForTest(&tx, match.ListID(id), true)
			}
		}
	}
	n, changed := match.ParsedPatternsForTest()
	if n < 100 {
		t.Errorf("%d pattern trees cached, want the built-in packs' (over 100)", n)
	}
	for _, p := range changed {
		t.Errorf("the cached tree of %q was changed", p)
	}
}
