package rules

import (
	"strings"
	"testing"
)

// Overrides are checked when a pack loads: a key without settings and a key
// naming no rule of the pack or of what it extends are errors with
// file:line:column (and rules validate reports them).
func TestOverrideErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"null override", "pack: p\nextends: [ecommerce]\noverrides:\n  ecommerce/use-nin: null\n",
			`pack.yaml:4:3: "ecommerce/use-nin" has no value`},
		{"override without value", "pack: p\nextends: [ecommerce]\noverrides:\n  ecommerce/use-nin:\n",
			`pack.yaml:4:3: "ecommerce/use-nin" has no value`},
		{"override of no such rule", "pack: p\nextends: [ecommerce]\noverrides:\n  ecommerce/no-such-rule: {disable: true}\n",
			`pack.yaml:4:3: override "ecommerce/no-such-rule": no such rule in pack p or the packs it extends`},
		{"override of a rule under the wrong pack", "pack: p\nextends: [ecommerce]\noverrides:\n  base/slow-reply: {deduct: 2}\n",
			`pack.yaml:4:3: override "base/slow-reply": no such rule in pack p or the packs it extends (did you mean ecommerce/slow-reply?)`},
		{"override of a pack not extended", "pack: p\nextends: [base]\noverrides:\n  ecommerce/slow-reply: {deduct: 2}\n",
			`pack.yaml:4:3: override "ecommerce/slow-reply": no such rule`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := loadErr(t, tt.yaml)
			if !strings.Contains(got, tt.want) {
				t.Errorf("error = %q\nwant it to contain %q", got, tt.want)
			}
		})
	}
}

func TestOverridesOfExtendedAndOwnRulesLoad(t *testing.T) {
	yaml := "pack: p\nextends: [ecommerce]\noverrides:\n  ecommerce/use-nin: {disable: true}\n  base/evasive-phrase: {severity: error}\n  p/own: {deduct: 3}\nrules:\n  - id: own\n    type: forbid\n    phrases: [x]\n"
	if got := loadErr(t, yaml); got != "" {
		t.Fatal(got)
	}
}

func TestNilOverrideCheck(t *testing.T) {
	var o *Override
	if err := o.Check(); err == nil {
		t.Error("Check on a nil override: no error")
	}
}
