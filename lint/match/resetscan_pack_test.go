package match_test

import (
	"testing"

	"github.com/chatlint/chatlint/lint/match"
)

// TestResetScanDefaultPack: with the default pack's automaton, normalising
// and scanning a message in one pass gives what normalising it and then
// scanning the result gives, on the generated corpus' messages.
func TestResetScanDefaultPack(t *testing.T) {
	m, texts := defaultPackTexts(t, 5e5)
	if len(texts) < 1000 {
		t.Fatalf("%d messages", len(texts))
	}
	for _, s := range texts {
		if d := match.ResetScanDiffForTest(m, s); d != "" {
			t.Fatal(d)
		}
	}
}
