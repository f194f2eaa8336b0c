package match_test

import (
	"testing"

	"github.com/chatlint/chatlint/lint/match"
)

// TestLazyRegexpsOfPacks: every pattern and except pattern of every
// built-in pack reports the groups, without compiling its regexp, that
// the regexp compiled from its source has.
func TestLazyRegexpsOfPacks(t *testing.T) {
	for pack, m := range packMatchers(t) {
		n, err := match.LazyRegexpsAgreeForTest(m)
		if err != nil {
			t.Errorf("%s: %v", pack, err)
		}
		if n == 0 {
			t.Errorf("%s: no patterns", pack)
		}
	}
}
