package match_test

import (
	"testing"

	"github.com/chatlint/chatlint/lint/match"
)

// TestParseExpandedOfPacks: every pattern of the built-in packs, as
// written and normalised (and every other pattern compiled so far in the
// test process), parses with its classes written out to the parser's own
// tree, and those of the packs' classes met again are written out.
func TestParseExpandedOfPacks(t *testing.T) {
	packMatchers(t)
	n, expanded, err := match.CompiledParseAgreesForTest()
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 || expanded < 50 {
		t.Errorf("%d of %d patterns written out", expanded, n)
	}
	t.Logf("%d of %d patterns written out", expanded, n)
}
