package rules

import (
	"strings"
	"testing"
)

// TestResolvedSource: a rule written with anchors of its pack is shown
// written out, and that loads pasted into another pack; a rule without
// them has no second form.
func TestResolvedSource(t *testing.T) {
	const pack = `pack: p
x-defaults: &d {type: forbid, severity: error, deduct: 2}
x-list: &l [不行, 没办法]
x-when: &w {phrases: [无法]}
rules:
  - <<: *d
    id: a
    phrases: *l
  - <<: [*d]
    id: b
    type: latency
    max: 20s
  - id: c
    type: when
    when: {all_of: [*w, {not: {starts_with: [非常抱歉]}}]}
  - id: plain
    type: forbid
    phrases: [不知道]
`
	tests := []struct {
		id   string
		want []string // lines the written-out form holds; none: no second form
	}{
		{"a", []string{"- id: a", "  phrases: [不行, 没办法]", "  type: forbid", "  severity: error", "  deduct: 2"}},
		{"b", []string{"- id: b", "  type: latency", "  max: 20s", "  severity: error", "  deduct: 2"}},
		{"c", []string{"  when: {all_of: [{phrases: [无法]}, {not: {starts_with: [非常抱歉]}}]}"}},
		{"plain", nil},
	}
	write := packWriter(t, t.TempDir())
	set, err := Load(write("p.yaml", pack))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]PackRule{}
	for _, pr := range set.Rules() {
		byID[pr.Rule.ID] = pr
	}
	for _, tt := range tests {
		got := byID[tt.id].ResolvedSource()
		if tt.want == nil {
			if got != "" {
				t.Errorf("%s: written out as %q, want nothing (no anchors)", tt.id, got)
			}
			continue
		}
		lines := strings.Split(got, "\n")
		for _, w := range tt.want {
			found := false
			for _, l := range lines {
				found = found || l == w
			}
			if !found {
				t.Errorf("%s: written out as\n%s\nwant a line %q", tt.id, got, w)
			}
		}
		if strings.ContainsAny(got, "*&") || strings.Contains(got, "<<") {
			t.Errorf("%s: written out as\n%s\nstill with anchors", tt.id, got)
		}
		// pasted under another pack's rules:, it loads as the rule it is
		other, err := Load(write("q.yaml", "pack: q\nrules:\n"+got))
		if err != nil {
			t.Errorf("%s: pasted into another pack: %v\n%s", tt.id, err, got)
			continue
		}
		if r := other.Rules()[0].Rule; r.Type != byID[tt.id].Rule.Type || r.Severity != byID[tt.id].Rule.Severity {
			t.Errorf("%s: pasted, the rule is %s %s, want %s %s", tt.id, r.Type, r.Severity, byID[tt.id].Rule.Type, byID[tt.id].Rule.Severity)
		}
	}
}
