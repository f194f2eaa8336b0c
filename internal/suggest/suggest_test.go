package suggest

import (
	"slices"
	"testing"
)

// TestNames: near spellings first (the nearest only), else the names what
// was typed begins, else those it stands in; a few at most, none when
// nothing is close or too little was typed to guess from.
func TestNames(t *testing.T) {
	rule := func(pack, id string) Candidate { return Candidate{pack + "/" + id, []string{pack + "/" + id, id}} }
	cands := []Candidate{
		rule("base", "evasive-phrase"), rule("base", "missing-greeting"), rule("base", "missing-farewell"),
		rule("shop", "slow-reply"), rule("shop", "exaggerated-claim"), rule("shop", "long-reply"),
		rule("shop", "customer-pii"), rule("desk", "customer-pii"), rule("desk", "hold-timeout"),
		rule("desk", "m1"), rule("desk", "m2"), rule("desk", "m3"), rule("desk", "m4"),
	}
	for _, tt := range []struct {
		typed string
		want  []string
	}{
		{"x", nil},  // one letter: no guess, though ids hold an x
		{"e", nil},  // nor one they begin with
		{"-", nil},  // nor a dash
		{"e/", nil}, // nor a pack prefix alone
		{"/x", nil},
		{"nosuch", nil},
		{"evasive-phrse", []string{"base/evasive-phrase"}},   // one-letter typo, pack-less: the pack/id
		{"evasive-phrasee", []string{"base/evasive-phrase"}}, // one letter too many
		{"base/evasive-phrse", []string{"base/evasive-phrase"}},
		{"bse/evasive-phrase", []string{"base/evasive-phrase"}},             // typo in the pack
		{"shop/evasive-phrase", []string{"base/evasive-phrase"}},            // another pack's rule
		{"shop/slow-replay", []string{"shop/slow-reply"}},                   // the whole before the bare part
		{"customer-pi", []string{"shop/customer-pii", "desk/customer-pii"}}, // equally near: both
		{"evasive", []string{"base/evasive-phrase"}},                        // a prefix
		{"ex", []string{"shop/exaggerated-claim"}},                          // two letters are enough
		{"missing", []string{"base/missing-greeting", "base/missing-farewell"}},
		{"reply", []string{"shop/slow-reply", "shop/long-reply"}}, // a part
		{"claim", []string{"shop/exaggerated-claim"}},
		{"m", nil},
		{"m5", []string{"desk/m1", "desk/m2", "desk/m3"}}, // a few at most
		{"timeou", []string{"desk/hold-timeout"}},         // inside a part
		{"evasive-phrase-x-y-z", nil},                     // too far from anything
	} {
		if got := Names(tt.typed, cands); !slices.Equal(got, tt.want) {
			t.Errorf("Names(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
}

// TestOf: pack names by spelling, prefix or part.
func TestOf(t *testing.T) {
	packs := []string{"base", "callcenter", "ecommerce", "retail"}
	for _, tt := range []struct {
		typed string
		want  []string
	}{
		{"nosuch", nil},
		{"x", nil},
		{"bse", []string{"base"}},
		{"callcentre", []string{"callcenter"}},
		{"retial", []string{"retail"}},
		{"ecomerce", []string{"ecommerce"}},
		{"call", []string{"callcenter"}},
		{"ecom", []string{"ecommerce"}},
		{"center", []string{"callcenter"}},
		{"ba", []string{"base"}},
		{"b", nil},
	} {
		if got := Of(tt.typed, packs); !slices.Equal(got, tt.want) {
			t.Errorf("Of(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
}
