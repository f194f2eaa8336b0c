package rules

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestLoadRecursiveAlias: an alias inside the value it names (a condition
// that is its own `not`) is a load error at the alias, not an endless walk
// that exhausts the stack; aliases of aliases (each condition's all_of
// twice the one before: 2^39 conditions) are an error, not an exponential
// walk; an anchored value used again elsewhere still loads.
func TestLoadRecursiveAlias(t *testing.T) {
	tests := []struct{ name, pack, want string }{
		{"not of itself", "pack: p\nrules: [{id: a, type: when, when: &a {phrases: [x], not: *a}}]\n",
			"fuzz.yaml:2:58: alias *a is used inside the value it names"},
		{"in its own all_of", "pack: p\nrules:\n  - id: a\n    type: when\n    when: &c\n      phrases: [x]\n      all_of: [*c]\n",
			"fuzz.yaml:7:16: alias *c is used inside the value it names"},
		{"a rule in its own overrides", "pack: p\noverrides: &o\n  p/a: *o\nrules: [{id: a, type: forbid, phrases: [x]}]\n",
			"alias *o is used inside the value it names"},
		{"merged into its own any_of", "pack: p\nrules:\n  - id: a\n    type: when\n    when: &w {phrases: [x], any_of: [{<<: *w}]}\n",
			"fuzz.yaml:5:43: alias *w is used inside the value it names"},
		{"merged into itself", "pack: p\nrules:\n  - id: a\n    type: when\n    when: &w {phrases: [x], <<: *w}\n",
			"fuzz.yaml:5:33: alias *w is used inside the value it names"},
		{"the pack merged into a rule", "&r {pack: p, rules: [{<<: *r, id: a, type: forbid, phrases: [x]}]}\n",
			"fuzz.yaml:1:27: alias *r is used inside the value it names"},
		{"reused, not recursive", "pack: p\nrules:\n  - {id: a, type: when, when: &w {phrases: [x]}}\n  - {id: b, type: when, when: {not: *w, phrases: [y]}}\n  - {id: c, type: when, when: *w}\n",
			""},
	}
	bomb := "pack: p\nrules:\n  - {id: a0, type: when, when: &c0 {phrases: [x]}}\n"
	for i := 1; i < 40; i++ {
		bomb += fmt.Sprintf("  - {id: a%d, type: when, when: &c%d {phrases: [y], all_of: [*c%d, *c%d]}}\n", i, i, i-1, i-1)
	}
	tests = append(tests, struct{ name, pack, want string }{"aliases of aliases", bomb, "repeats too much (aliases of aliases)"})
	mergeBomb := "pack: p\nrules:\n  - {id: a0, type: when, when: &c0 {phrases: [x]}}\n"
	for i := 1; i < 40; i++ {
		mergeBomb += fmt.Sprintf("  - {id: a%d, type: when, when: &c%d {phrases: [y], all_of: [{<<: *c%d}, {<<: *c%d}]}}\n", i, i, i-1, i-1)
	}
	tests = append(tests, struct{ name, pack, want string }{"merges of merges", mergeBomb, "repeats too much (aliases of aliases)"})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := LoadBytes("fuzz.yaml", []byte(tt.pack))
				done <- err
			}()
			select {
			case err := <-done:
				got := ""
				if err != nil {
					got = err.Error()
				}
				if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
					t.Errorf("error = %q, want %q", got, tt.want)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("loading does not end")
			}
		})
	}
}

// TestLoadMergeKeys: YAML merge keys (<<: *anchor) bring the anchored
// mapping's keys into a rule, a condition or an override, the rule's own
// keys winning; before, every merge key was an "unknown key".
func TestLoadMergeKeys(t *testing.T) {
	set, err := LoadBytes("pack.yaml", []byte(`pack: p
extends: [base]
overrides:
  base/rude-phrase: &soft {severity: info, deduct: 0}
  base/blame-customer: {<<: *soft, max_deduct: 2}
rules:
  - &common
    id: a
    type: forbid
    severity: error
    deduct: 3
    phrases: [不行]
  - <<: *common
    id: b
    phrases: [不可以]
  - id: c
    type: when
    when:
      <<: [{phrases: [无法]}, {phrases: [不能], match: substring}]
      not: {starts_with: [抱歉]}
`))
	if err != nil {
		t.Fatal(err)
	}
	var b, c *Rule
	for _, pr := range set.Rules() {
		switch pr.FullID() {
		case "p/b":
			b = pr.Rule
		case "p/c":
			c = pr.Rule
		}
	}
	if b == nil || b.Type != TypeForbid || b.Severity != "error" || b.Deduct == nil || *b.Deduct != 3 || len(b.Phrases) != 1 || b.Phrases[0] != "不可以" {
		t.Errorf("rule b = %+v, want the type, severity and deduct of a with its own phrases", b)
	}
	if c == nil || c.When == nil || len(c.When.Phrases) != 1 || c.When.Phrases[0] != "无法" || c.When.Match != MatchSubstring || c.When.Not == nil {
		t.Errorf("rule c's when = %+v, want the first merged mapping's phrases and the second's match", c.When)
	}
	o := set.Roots[0].Overrides["base/blame-customer"]
	if o == nil || o.Severity != "info" || o.MaxDeduct == nil || *o.MaxDeduct != 2 {
		t.Errorf("override = %+v, want severity info from the merge and max_deduct 2", o)
	}

	tests := []struct{ name, pack, want string }{
		{"a merged key of another type", "pack: p\nrules:\n  - &a {id: a, type: latency, max: 20s}\n  - {<<: *a, id: b, type: forbid, phrases: [x]}\n",
			`pack.yaml:3:31: key "max" does not apply to a forbid rule`},
		{"an unknown key in the anchor, once", "pack: p\nrules:\n  - &a {id: a, type: forbid, phrases: [x], sevrity: error}\n  - {<<: *a, id: b}\n",
			"pack.yaml:3:44: unknown key \"sevrity\" (did you mean \"severity\"?)"},
		{"merging a list", "pack: p\nrules:\n  - {<<: [x, y], id: b, type: forbid, phrases: [x]}\n",
			`pack.yaml:3:10: << (a merge key) takes a mapping, an alias of one (<<: *name) or a list of them`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadBytes("pack.yaml", []byte(tt.pack))
			got := ""
			if err != nil {
				got = err.Error()
			}
			if !strings.Contains(got, tt.want) || strings.Count(got, "\n") > 0 {
				t.Errorf("error = %q, want one: %q", got, tt.want)
			}
		})
	}
}

// TestLoadExtensionKeys: a key starting with x- is ignored wherever a pack
// or config mapping has it (as in Compose files), so anchors can be
// defined outside any rule; other unknown keys are still errors.
func TestLoadExtensionKeys(t *testing.T) {
	set, err := LoadBytes("pack.yaml", []byte(`pack: p
x-defaults: &d {type: forbid, severity: error, deduct: 3}
rules:
  - <<: *d
    id: a
    phrases: [不行]
  - id: b
    type: forbid
    x-note: 客服组要求
    phrases: [不可以]
`))
	if err != nil {
		t.Fatal(err)
	}
	var a *Rule
	for _, pr := range set.Rules() {
		if pr.FullID() == "p/a" {
			a = pr.Rule
		}
	}
	if a == nil || a.Type != TypeForbid || a.Severity != "error" || a.Deduct == nil || *a.Deduct != 3 {
		t.Errorf("rule a = %+v, want the type, severity and deduct of x-defaults", a)
	}
	if _, err := LoadBytes("pack.yaml", []byte("pack: p\nxdefaults: {}\nrules:\n  - {id: a, type: forbid, phrases: [x]}\n")); err == nil || !strings.Contains(err.Error(), `unknown key "xdefaults"`) {
		t.Errorf("xdefaults: %v, want an unknown key", err)
	}
}
