package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestSpacedPhraseNotes: a phrase list typed as a Chinese list is, with
// spaces between its words ([不行 没办法]), is one phrase: said, at its line.
func TestSpacedPhraseNotes(t *testing.T) {
	tests := []struct {
		name, rule string
		want       []string // line: message part
	}{
		{"spaces between words", "    phrases: [不行 没办法 不知道, 办不到]\n",
			[]string{`5: phrases entry "不行 没办法 不知道" holds words spaced apart: it is one entry, matched only where a message holds it whole, spaces and all; to list 3, separate them with an ASCII comma and a space ([不行, 没办法, 不知道])`}},
		{"an ideographic space", "    phrases: [不行　没办法]\n", []string{`5: phrases entry "不行\u3000没办法" holds words spaced apart`}},
		{"a block list", "    phrases:\n      - 办不到\n      - 不行 没办法\n", []string{`7: phrases entry "不行 没办法"`}},
		{"except", "    phrases: [不行]\n    except: [不行吗 不行呢]\n", []string{`6: except entry "不行吗 不行呢"`}},
		{"in a condition", "    type: followup\n    trigger: {any_of: [{phrases: [改地址 换地址]}]}\n    expect: {type: note}\n",
			[]string{`5: phrases entry "改地址 换地址"`}},
		{"letters spaced out", "    phrases: [不 行, 我 不 知 道]\n", nil},
		{"English", "    phrases: [good job, 不行]\n", nil},
		{"spaces at the ends", "    phrases: [\" 不行 \"]\n", nil},
		{"a word and a letter", "    phrases: [好的 亲]\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rule := tt.rule
			if !strings.Contains(rule, "type:") {
				rule = "    type: forbid\n" + rule
			}
			write := packWriter(t, t.TempDir())
			set, err := Load(write("p.yaml", "pack: p\nrules:\n  - id: a\n"+rule))
			if err != nil {
				t.Fatal(err)
			}
			notes := set.SpacedPhraseNotes()
			if len(notes) != len(tt.want) {
				t.Fatalf("notes = %v, want %d", notes, len(tt.want))
			}
			for i, n := range notes {
				if got := fmt.Sprintf("%d: %s", n.Line, n.Msg); !strings.HasPrefix(got, tt.want[i]) || n.FullID() != "p/a" {
					t.Errorf("note = %s %s, want p/a %s…", n.FullID(), got, tt.want[i])
				}
			}
		})
	}
}
