package rules

import "testing"

// TestRuleSourceEndsWithTheRule: rules show prints a rule's YAML; the last
// rule of a pack that goes on after its rules (scoring:, overrides:) must
// not show those keys, indented as if they were the rule's own.
func TestRuleSourceEndsWithTheRule(t *testing.T) {
	pack := `pack: p
rules:
  - id: a
    type: forbid
    phrases: [不行]
  - id: b
    type: forbid
# a comment at the margin inside the rule
    phrases: [滚]
    examples:
      bad:
        - |
          滚
      good: [好的]

# the pack's scoring
scoring:
  start: 100
  grades: {好: 90}
`
	set, err := LoadBytes("p.yaml", []byte(pack))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"a": "  - id: a\n    type: forbid\n    phrases: [不行]\n",
		"b": "  - id: b\n    type: forbid\n# a comment at the margin inside the rule\n    phrases: [滚]\n    examples:\n      bad:\n        - |\n          滚\n      good: [好的]\n",
	}
	for _, pr := range set.Rules() {
		if got := pr.Source(); got != want[pr.Rule.ID] {
			t.Errorf("rule %s source:\n%s\nwant:\n%s", pr.Rule.ID, got, want[pr.Rule.ID])
		}
	}
}

// TestRuleSourceKeepsLessIndentedLines: a rule's YAML may hold lines
// indented less than its keys, which YAML reads as part of a value (a flow
// list wrapped at the margin): rules show prints the rule whole, up to the
// next rule or the pack's next key, not up to such a line.
func TestRuleSourceKeepsLessIndentedLines(t *testing.T) {
	pack := "pack: p\nrules:\n" +
		"  - id: a\n    type: forbid\n    phrases: [不行,\n  滚]\n    message: 别说「{match}」\n" +
		"  - id: b\n    type: forbid\n    phrases: [没办法,\n   不可能]\n    message: 别说「{match}」\n" +
		"scoring:\n  start: 100\n"
	set, err := LoadBytes("p.yaml", []byte(pack))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"a": "  - id: a\n    type: forbid\n    phrases: [不行,\n  滚]\n    message: 别说「{match}」\n",
		"b": "  - id: b\n    type: forbid\n    phrases: [没办法,\n   不可能]\n    message: 别说「{match}」\n",
	}
	for _, pr := range set.Rules() {
		if got := pr.Source(); got != want[pr.Rule.ID] {
			t.Errorf("rule %s source:\n%s\nwant:\n%s", pr.Rule.ID, got, want[pr.Rule.ID])
		}
	}
}
