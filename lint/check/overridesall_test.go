package check

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/rules"
)

// TestOverridesTellEveryProblem: a config whose rule overrides hold several
// mistakes is told every one, each on a line of its own with its file and
// line, as a broken pack's load tells every problem; the first is the one
// told alone before (the ids in order), and a good override beside them
// still passes unremarked.
func TestOverridesTellEveryProblem(t *testing.T) {
	set, err := rules.Load("ecommerce")
	if err != nil {
		t.Fatal(err)
	}
	yes, deduct := true, 3.0
	cfg := map[string]*rules.Override{
		"ecommerce/use-nim":         {Disable: &yes, File: ".chatlint.yaml", Line: 3},
		"base/evasive-phrse":        {Deduct: &deduct, File: ".chatlint.yaml", Line: 4},
		"ecommerce/slow-reply":      {Disable: &yes, File: ".chatlint.yaml", Line: 5},
		"ecommerce/restate-confirm": {Deduct: &deduct, File: ".chatlint.yaml", Line: 6},
	}
	_, err = Compile(set, Options{Segmenter: fakeSeg{}, Overrides: cfg})
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	want := []string{
		`.chatlint.yaml:4: override of "base/evasive-phrse": no such rule in the active packs (did you mean base/evasive-phrase?)`,
		`.chatlint.yaml:6: override of "ecommerce/restate-confirm": `,
		`.chatlint.yaml:3: override of "ecommerce/use-nim": no such rule in the active packs (did you mean ecommerce/use-nin?)`,
	}
	if len(lines) != len(want) {
		t.Fatalf("%d problems told, want %d:\n%v", len(lines), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d: %q, want it to start %q", i+1, lines[i], w)
		}
	}
	// (so is it through Overrides, which rules validate and show ask)
	if _, err := Overrides(set, cfg); err == nil || strings.Count(err.Error(), "\n") != 2 {
		t.Errorf("Overrides: %v", err)
	}
}
