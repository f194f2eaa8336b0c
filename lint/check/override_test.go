package check

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/rules"
)

// Config overrides of rules of packs that are not active are left out when
// --pack chose the packs (a --pack run with the project's config); a missing
// rule of an active or a built-in pack is still an error. Without --pack the
// config's overrides must all name active rules. Pack overrides are never
// left out.
func TestConfigOverridesOfInactivePacks(t *testing.T) {
	set, err := rules.Load("callcenter")
	if err != nil {
		t.Fatal(err)
	}
	yes := true
	sev := "error"
	tests := []struct {
		name string
		id   string
		want string // "" no error
	}{
		{"rule of an inactive built-in pack", "ecommerce/slow-reply", ""},
		{"rule of an inactive custom pack", "myshop/slow-reply", ""},
		{"active rule", "callcenter/hold-timeout", ""},
		{"typo in a rule of an active pack", "callcenter/hold-timeoutt", `override of "callcenter/hold-timeoutt": no such rule in the active packs (did you mean callcenter/hold-timeout?)`},
		{"typo in a rule of an inactive built-in pack", "ecommerce/slow-replyy", `override of "ecommerce/slow-replyy": built-in pack ecommerce has no such rule`},
		{"no pack prefix", "hold-timeout", `did you mean callcenter/hold-timeout?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := map[string]*rules.Override{tt.id: {Severity: sev, File: ".chatlint.yaml", Line: 3}}
			_, err := Compile(set, Options{Segmenter: fakeSeg{}, Overrides: cfg, PacksFromFlag: true})
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("err = %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), ".chatlint.yaml:3: ") || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
	// an active rule's override still applies
	cfg := map[string]*rules.Override{"callcenter/hold-timeout": {Disable: &yes, File: "c", Line: 1}, "ecommerce/use-nin": {Disable: &yes, File: "c", Line: 2}}
	cs, err := Compile(set, Options{Segmenter: fakeSeg{}, Overrides: cfg, PacksFromFlag: true})
	if err != nil {
		t.Fatal(err)
	}
	// without --pack, the config chose the packs: an override of another
	// pack is a mistake in it
	if _, err := Compile(set, Options{Segmenter: fakeSeg{}, Overrides: cfg}); err == nil || !strings.Contains(err.Error(), `c:2: override of "ecommerce/use-nin": no such rule in the active packs`) {
		t.Errorf("config override of an inactive pack without --pack: %v", err)
	}
	for _, c := range cs.Checks {
		if c.Info().ID == "callcenter/hold-timeout" {
			t.Error("callcenter/hold-timeout not disabled")
		}
	}
}

func TestNilOverrideIsAnError(t *testing.T) {
	set, err := rules.Load("base")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Compile(set, Options{Segmenter: fakeSeg{}, Overrides: map[string]*rules.Override{"base/evasive-phrase": nil}})
	if err == nil {
		t.Error("nil override: no error")
	}
	// nor is {}: an override that changes nothing is a mistake (a key
	// commented out), as one without a value is
	_, err = Compile(set, Options{Segmenter: fakeSeg{}, Overrides: map[string]*rules.Override{"base/evasive-phrase": {File: "c", Line: 3}}})
	if err == nil || !strings.Contains(err.Error(), `c:3: override of "base/evasive-phrase": no settings given`) {
		t.Errorf("empty override: %v", err)
	}
}

func TestEffective(t *testing.T) {
	set, err := rules.Load("ecommerce")
	if err != nil {
		t.Fatal(err)
	}
	two, yes := 2.0, true
	cfg := map[string]*rules.Override{
		"ecommerce/slow-reply": {Severity: "error", Deduct: &two, File: "c", Line: 1},
		"ecommerce/use-nin":    {Disable: &yes, File: "c", Line: 2},
	}
	ovs, err := Overrides(set, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range set.Rules() {
		info, disabled := Effective(pr, ovs[pr.FullID()])
		switch pr.FullID() {
		case "ecommerce/slow-reply":
			if info.Severity.String() != "error" || info.Deduct != 2 || disabled {
				t.Errorf("slow-reply: %s %g disabled=%v", info.Severity, info.Deduct, disabled)
			}
		case "ecommerce/use-nin":
			if !disabled {
				t.Error("use-nin not disabled")
			}
		}
	}
}

// fakeSeg is a segmenter for tests that compile rules without matching.
type fakeSeg struct{}

func (fakeSeg) Boundaries(dst []int, text string) []int { return append(dst, 0, len(text)) }

// A bonus rule adds points: an override's deduct or max_deduct has nothing
// to change there. Before, the config's {deduct: 3} was accepted, `rules
// list` and `rules show` said the rule deducts 3, and the bonus still added
// its point.
func TestConfigOverrideDeductOfABonus(t *testing.T) {
	set, err := rules.Load("ecommerce")
	if err != nil {
		t.Fatal(err)
	}
	three, sev := 3.0, "warning"
	for key, o := range map[string]*rules.Override{"deduct": {Deduct: &three}, "max_deduct": {MaxDeduct: &three}} {
		o.File, o.Line = ".chatlint.yaml", 4
		_, err := Compile(set, Options{Segmenter: fakeSeg{}, Overrides: map[string]*rules.Override{"ecommerce/restate-confirm": o}})
		if err == nil || !strings.Contains(err.Error(), `.chatlint.yaml:4: override of "ecommerce/restate-confirm": a bonus rule adds points: `+key+" does not apply") {
			t.Errorf("%s: err = %v", key, err)
		}
	}
	ok := &rules.Override{Severity: sev, File: ".chatlint.yaml", Line: 4}
	if _, err := Compile(set, Options{Segmenter: fakeSeg{}, Overrides: map[string]*rules.Override{"ecommerce/restate-confirm": ok}}); err != nil {
		t.Errorf("severity of a bonus: %v", err)
	}
}

// rules/README.md says of ecommerce/insult-customer's fatal: true that "a
// pack that disagrees can override it"; an override had no fatal key. It
// switches a rule's 致命项 off (or on), and the lint scores it so.
func TestOverrideFatal(t *testing.T) {
	set, err := rules.LoadBytes("nofatal.yaml", []byte("pack: nofatal\nextends: [ecommerce]\noverrides:\n  ecommerce/insult-customer: {fatal: false}\n  ecommerce/exaggerated-claim: {fatal: true}\n"))
	if err != nil {
		t.Fatal(err)
	}
	cs, err := Compile(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs.Checks {
		switch i := c.Info(); i.ID {
		case "ecommerce/insult-customer":
			if i.Fatal {
				t.Error("insult-customer still fatal")
			}
		case "ecommerce/exaggerated-claim":
			if !i.Fatal {
				t.Error("exaggerated-claim not made fatal")
			}
		}
	}
	yes := true
	_, err = Compile(set, Options{Segmenter: fakeSeg{}, Overrides: map[string]*rules.Override{"ecommerce/restate-confirm": {Fatal: &yes, File: "c", Line: 2}}})
	if err == nil || !strings.Contains(err.Error(), `c:2: override of "ecommerce/restate-confirm": a bonus rule cannot be fatal`) {
		t.Errorf("fatal bonus: %v", err)
	}
}
