package main

import (
	"testing"

	"github.com/chatlint/chatlint/rules"
)

// ruleHint points a mistyped id at a rule only when it is plausibly the one
// meant: a near spelling, or a part of ids (2 letters or more) that few
// rules hold; else at the list.
func TestRuleHint(t *testing.T) {
	var sets []*rules.Set
	for _, name := range rules.BuiltinNames() {
		s, err := rules.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		sets = append(sets, s)
	}
	const none = "see 'chatlint rules list'"
	tests := []struct{ id, want string }{
		{"evasive-phrse", "did you mean base/evasive-phrase?"},
		{"ecommerce/slow-replay", "did you mean ecommerce/slow-reply?"},
		{"evasive", "did you mean base/evasive-phrase?"},
		{"exaggerated", "did you mean ecommerce/exaggerated-claim?"},
		{"ex", "did you mean ecommerce/exaggerated-claim?"},
		// a one-letter typo of a pack-less id: the pack/id
		{"slow-replay", "did you mean ecommerce/slow-reply?"},
		{"rude-phrasee", "did you mean base/rude-phrase?"},
		{"bse/rude-phrase", "did you mean base/rude-phrase?"},
		{"retail/evasive-phrase", "did you mean base/evasive-phrase?"},
		// as near as each other: both, best first
		{"customer-pi", "did you mean callcenter/customer-pii or ecommerce/customer-pii?"},
		{"missing", "did you mean base/missing-greeting or base/missing-farewell?"},
		{"claim", "did you mean ecommerce/exaggerated-claim?"},
		// many ids hold "re": a few at most
		{"re", "did you mean retail/bare-no or callcenter/refusal-apology or ecommerce/restate-confirm?"},
		// one letter is no part of a word worth guessing from
		{"x", none},
		{"e", none},
		{"-", none},
		{"e/", none},
		{"/x", none},
		{"nosuch", none},
	}
	for _, tt := range tests {
		if got := ruleHint(sets, tt.id); got != tt.want {
			t.Errorf("ruleHint(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}
