package match_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/rules"
)

// TestCharAutomatonUserPhrases: a user's pack that extends the default
// pack with a few hundred phrases of its own, starting with characters the
// built-in phrases start with (我, 不, 您, 亲), keeps every automaton over
// characters. The character table's placement had a budget of candidate
// bases that the default pack used four fifths of: forty such phrases made
// the run fall back to the byte automaton, 6% slower.
func TestCharAutomatonUserPhrases(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	starts := []string{"我", "不", "您", "亲", "那", "好", "没", "请"}
	for _, n := range []int{0, 40, 400} {
		var b strings.Builder
		fmt.Fprintf(&b, "pack: mine\nextends: [%s]\nrules:\n  - id: mine\n    type: forbid\n    description: 自定义用语\n    phrases: [这句话不许说", rules.DefaultPack)
		for range n {
			b.WriteString(", ")
			b.WriteString(starts[rng.IntN(len(starts))])
			for j := 1 + rng.IntN(3); j > 0; j-- {
				b.WriteRune(rune(0x4e00 + rng.IntN(3500)))
			}
		}
		b.WriteString("]\n")
		set, err := rules.LoadBytes("mine.yaml", []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		cs, err := check.Compile(set, check.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if chars, all := match.CharAutomataForTest(cs.Matcher); chars != all || all == 0 {
			t.Errorf("default pack and %d phrases of the user's: %d of %d automata over characters", n, chars, all)
		}
	}
}
