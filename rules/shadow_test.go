package rules

import (
	"strings"
	"testing"
)

// TestParentIDNotes: a rule of a user's pack taking the id of a rule of a
// pack it extends runs beside it; said, unless an override switches the
// parent's off.
func TestParentIDNotes(t *testing.T) {
	tests := []struct {
		name, pack string
		extra      map[string]*Override
		want       []string // per note: rule, then a part of the message
	}{
		{"a built-in rule's id", "pack: p\nextends: [ecommerce]\nrules:\n  - id: evasive-phrase\n    type: forbid\n    phrases: [不造]\n", nil,
			[]string{"p/evasive-phrase", "base/evasive-phrase, a rule of a pack this one extends, has the same id and still runs beside this rule, counted as p/evasive-phrase: to replace it, switch it off (overrides: {base/evasive-phrase: {disable: true}})"}},
		{"the parent's switched off", "pack: p\nextends: [ecommerce]\noverrides:\n  base/evasive-phrase: {disable: true}\nrules:\n  - id: evasive-phrase\n    type: forbid\n    phrases: [不造]\n", nil, nil},
		{"switched off and on again", "pack: p\nextends: [ecommerce]\noverrides:\n  base/evasive-phrase: {disable: false}\nrules:\n  - id: evasive-phrase\n    type: forbid\n    phrases: [不造]\n", nil,
			[]string{"p/evasive-phrase", "base/evasive-phrase, a rule"}},
		{"switched off by the config", "pack: p\nextends: [ecommerce]\nrules:\n  - id: evasive-phrase\n    type: forbid\n    phrases: [不造]\n", map[string]*Override{"base/evasive-phrase": {Disable: ptr(true)}}, nil},
		{"two parents", "pack: p\nextends: [ecommerce, callcenter]\nrules:\n  - id: customer-pii\n    type: pii\n", nil,
			[]string{"p/customer-pii", "ecommerce/customer-pii, callcenter/customer-pii, rules of packs this one extends, have the same id and still run beside this rule, counted as p/customer-pii: to replace them, switch them off (overrides: {ecommerce/customer-pii: {disable: true}, callcenter/customer-pii: {disable: true}})"}},
		{"an id of its own", "pack: p\nextends: [ecommerce]\nrules:\n  - id: medical-claim\n    type: forbid\n    phrases: [根治湿疹]\n", nil, nil},
		{"nothing extended", "pack: p\nrules:\n  - id: evasive-phrase\n    type: forbid\n    phrases: [不造]\n", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			write := packWriter(t, t.TempDir())
			set, err := Load(write("p.yaml", tt.pack))
			if err != nil {
				t.Fatal(err)
			}
			notes := set.ParentIDNotes(tt.extra)
			if len(notes)*2 != len(tt.want) {
				t.Fatalf("notes = %v, want %d", notes, len(tt.want)/2)
			}
			for i, n := range notes {
				if n.FullID() != tt.want[2*i] || !strings.Contains(n.Msg, tt.want[2*i+1]) {
					t.Errorf("note %d = %s: %s, want %s: …%s…", i, n.FullID(), n.Msg, tt.want[2*i], tt.want[2*i+1])
				}
				if n.Rule.Line() == 0 {
					t.Errorf("note %d has no line", i)
				}
			}
		})
	}
}
