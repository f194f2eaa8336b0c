package match_test

import (
	"testing"

	"github.com/chatlint/chatlint/lint/match"
)

// TestParseExpandedOfPacks: every pattern of the built-in packs, as
// written and normalised (and every other pattern compiled so far in the
// test process), parses with its classes written as markers to the
// parser's own tree, and most of those that name tables are so parsed.
func TestParseExpandedOfPacks(t *testing.T) {
	packMatchers(t)
	n, expanded, err := match.CompiledParseAgreesForTest()
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 || expanded < 150 {
		t.Errorf("%d of %d patterns parsed with markers", expanded, n)
	}
	t.Logf("%d of %d patterns parsed with markers", expanded, n)
}
