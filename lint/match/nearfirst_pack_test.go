package match_test

import (
	"testing"

	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/rules"
)

// TestNearFirstOfPacks: for every near except pattern of every built-in
// pack, the characters its matches may begin with are those of the pattern
// parsed under (?i), and most are worked out without that parse.
func TestNearFirstOfPacks(t *testing.T) {
	for _, name := range rules.BuiltinNames() {
		set, err := rules.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		cs, err := check.Compile(set, check.Options{})
		if err != nil {
			t.Fatal(err)
		}
		n, fast, err := match.NearFirstAgreesForTest(cs.Matcher)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if n == 0 || 2*fast < n {
			t.Errorf("%s: %d of %d near except patterns worked out without the (?i) parse", name, fast, n)
		}
		t.Logf("%s: %d of %d near except patterns worked out without the (?i) parse", name, fast, n)
	}
}
