package check

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestListsNested checks that every rule type reports its nested phrase
// lists to `chatlint explain`, named by where they sit, with the roles of
// the messages they look at.
func TestListsNested(t *testing.T) {
	tests := []struct {
		name, rule string
		want       []string // name@roles
	}{
		{"followup", `id: f
type: followup
trigger:
  role: customer
  any_of:
    - phrases: [改地址]
    - all_of:
        - phrases: [改成]
        - patterns: ['蓝色']
        - not: {patterns: ['如果']}
  not: {phrases: [麻烦], quantifier: none}
expect: {role: agent, any_of: [{phrases: [备注]}, {type: note}]}
unless: {all_of: [{role: system, phrases: [已支付]}]}`, []string{
			"trigger › any_of[0]@customer",
			"trigger › any_of[1] › all_of[0]@customer",
			"trigger › any_of[1] › all_of[1]@customer",
			"trigger › any_of[1] › all_of[2] › not@customer",
			"trigger › not [quantifier: none]@customer",
			"expect › any_of[0]@agent",
			"unless › all_of[0]@system",
		}},
		{"when then", `id: w
type: when
when: {phrases: [无法], any_of: [{phrases: [办理]}]}
then: {not: {starts_with: [抱歉]}, any_of: [{phrases: [抱歉], at_least: 1}]}`, []string{
			"when@agent",
			"when › any_of[0]@agent",
			"then › any_of[0] [at_least: 1]@agent",
		}},
		{"unanswered", `id: u
type: unanswered
ignore: {any_of: [{patterns: ['^好的$']}, {all_of: [{phrases: [谢谢]}, {not: {patterns: ['吗']}}]}]}`, []string{
			"ignore › any_of[0]@customer",
			"ignore › any_of[1] › all_of[0]@customer",
			"ignore › any_of[1] › all_of[1] › not@customer",
		}},
		{"bonus", `id: b
type: bonus
add: 1
when: {all_of: [{phrases: [您的意思是]}, {patterns: ['对吗']}]}`, []string{
			"when › all_of[0]@agent",
			"when › all_of[1]@agent",
		}},
		{"count", `id: c
type: count
min_count: 1
when: {phrases: [请], quantifier: all, not: {phrases: [请问]}}`, []string{
			"when [quantifier: all]@agent",
			"when › not@agent",
		}},
		{"forbid", "id: x\ntype: forbid\nphrases: [亲]", []string{"phrases@agent"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := compileOne(t, tt.rule)
			var got []string
			for _, pl := range cs.Checks[0].(Lister).Lists() {
				got = append(got, pl.Name+"@"+pl.Roles.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("lists:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestListAgainst(t *testing.T) {
	tests := []struct{ name, of, how string }{
		{"trigger", "", ""},
		{"phrases", "", ""},
		{"trigger › any_of[1] › all_of[0]", "", ""},
		{"trigger › not", "trigger", "not"},
		{"trigger › any_of[1] › all_of[2] › not", "trigger › any_of[1] › all_of[2]", "not"},
		{"when › not › all_of[0]", "when", "not"},
		{"when › not › not", "when › not", "not"},
		{"when › not [quantifier: all]", "when", "not"},
		{"then [quantifier: none]", "then", "quantifier: none"},
		{"when › not [quantifier: none]", "when › not", "quantifier: none"},
		{"when [quantifier: all]", "", ""},
	}
	for _, tt := range tests {
		of, how := PhraseList{Name: tt.name, Roles: lint.AnyRole}.Against()
		if of != tt.of || how != tt.how {
			t.Errorf("%q: Against() = %q, %q, want %q, %q", tt.name, of, how, tt.of, tt.how)
		}
	}
}
