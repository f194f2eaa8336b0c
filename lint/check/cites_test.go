package check

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/rules"
)

// TestRuleInfoCitesByTitle: a compiled rule of a built-in pack carries its
// source twice: as written (Source, for the JSON, CSV and SARIF fields) and
// with its regulations named by title (Cites, for the reports people read).
func TestRuleInfoCitesByTitle(t *testing.T) {
	set, err := rules.Load("callcenter")
	if err != nil {
		t.Fatal(err)
	}
	cs, err := Compile(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs.Checks {
		ri := c.Info()
		if !strings.Contains(ri.Source, ".txt") {
			t.Errorf("%s: source %q cites no seed file", ri.ID, ri.Source)
			continue
		}
		if ri.Cites == "" || strings.Contains(ri.Cites, ".txt") || !strings.Contains(ri.Cites, "《") {
			t.Errorf("%s: Cites %q, want the regulations by title (source %q)", ri.ID, ri.Cites, ri.Source)
		}
		if ri.Citation() != ri.Cites {
			t.Errorf("%s: Citation() %q, want Cites", ri.ID, ri.Citation())
		}
	}
	// a user's own citation needs no second form
	own, err := rules.LoadBytes("shop.yaml", []byte("pack: shop\nrules:\n  - id: x\n    type: forbid\n    phrases: [不行]\n    source: 店规 3.2\n"))
	if err != nil {
		t.Fatal(err)
	}
	cs, err = Compile(own, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ri := cs.Checks[0].Info(); ri.Cites != "" || ri.Citation() != "店规 3.2" {
		t.Errorf("own rule: Cites %q, Citation %q", ri.Cites, ri.Citation())
	}
}
