package match_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint/match"
)

// TestAutomatonPackAgreesWithRef: the default pack's automatons (every
// list's and each scope's) find the reference automaton's hits on
// generated messages, on texts made of the pack's own keys run together,
// and on those keys cut at random byte-aligned character boundaries.
func TestAutomatonPackAgreesWithRef(t *testing.T) {
	m, texts := defaultPackTexts(t, 3e5)
	var keys []string
	for id := range match.NumListsForTest(m) {
		keys = append(keys, match.KeysForTest(m, match.ListID(id))...)
	}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 2000 {
		var b strings.Builder
		for j := 1 + rng.IntN(8); j > 0; j-- {
			k := []rune(keys[rng.IntN(len(keys))])
			// a piece of a key, so that matches fail part-way
			i := rng.IntN(len(k))
			b.WriteString(string(k[i:]))
			if rng.IntN(3) == 0 {
				b.WriteString([]string{"a", "😀", "\uFFFD", "é", "，", " "}[rng.IntN(6)])
			}
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if err := match.AutomatonAgreesForTest(m, match.Normalize(s)); err != nil {
			t.Fatal(err)
		}
	}
}
