package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestRoleWhereItCannotNarrow: a condition is asked of one message at a
// time, and only at the top of trigger, expect, unless and when does its
// role choose whose messages; nested in all_of / any_of / not, in then, in
// not_an_answer or in ignore the message is already chosen, and a role
// there only narrows its roles. One that keeps all of them does nothing,
// one that keeps none makes its condition fail on every message: both are
// load errors naming the file, the line and where the role belongs. A role
// that keeps some of them narrows, and loads.
func TestRoleWhereItCannotNarrow(t *testing.T) {
	rule := func(body string) string { return "pack: p\nrules:\n  - id: a\n" + body }
	tests := []struct {
		name, yaml string
		want       []string // substrings of the error; none: it loads
		// warn: it loads, and want is of its one warning (a role that
		// does nothing where it is written: `rules validate` shows it),
		// or, without want, it has none
		warn bool
	}{
		{"any_of branch of another role", rule("    type: when\n    when: {any_of: [{role: customer, phrases: [投诉]}, {phrases: [滚]}]}\n"),
			[]string{`pack.yaml:5:28: role customer in when.any_of[0] never matches`, "an agent message (the rule's role, agent by default)", "write role: [customer, agent] on the rule"}, false},
		{"all_of of the rule's own role", rule("    type: count\n    min_count: 1\n    when: {all_of: [{role: [agent, bot], phrases: [请]}]}\n"),
			[]string{`pack.yaml:6: role [agent, bot] in when.all_of[0] has no effect`, "whose messages count is set by the rule's role"}, true},
		{"not of another role", rule("    type: when\n    when: {phrases: [无法], not: {role: customer, phrases: [抱歉]}}\n"),
			[]string{`pack.yaml:5:39: role customer in when.not never matches`}, false},
		{"deeper: under a branch that narrowed", rule("    type: when\n    role: [customer, agent]\n    when:\n      any_of:\n        - role: customer\n          any_of: [{role: agent, phrases: [投诉]}]\n"),
			[]string{`pack.yaml:9:27: role agent in when.any_of[0].any_of[0] never matches`, "a customer message (when.any_of[0]'s role)", "it sits in when.any_of[0], whose role keeps it to customer"}, false},
		{"then of another role: not a later message", rule("    type: when\n    when: {phrases: [无法]}\n    then: {role: customer, starts_with: [好的]}\n"),
			[]string{`pack.yaml:6:18: role customer in then never matches`, "the message that met when", "then cannot look at another message (a followup rule can)"}, false},
		{"then of the same role", rule("    type: when\n    when: {phrases: [无法]}\n    then: {role: agent, starts_with: [抱歉]}\n"),
			[]string{`pack.yaml:6: role agent in then has no effect`}, true},
		{"role on the rule and in when", rule("    type: when\n    role: agent\n    when: {role: customer, phrases: [投诉]}\n"),
			[]string{`pack.yaml:6: role is given twice, on the rule (line 5) and in when`, "write it once, on the rule"}, true},
		{"trigger branch of another role", rule("    type: followup\n    trigger: {any_of: [{role: system, type: order}, {phrases: [付好了]}]}\n    expect: {phrases: [好的]}\n"),
			[]string{`pack.yaml:5:31: role system in trigger.any_of[0] never matches`, "trigger's role, customer by default", "write role: [customer, system] at the top of trigger"}, false},
		{"expect branch of expect's role", rule("    type: followup\n    trigger: {phrases: [改成]}\n    expect: {role: agent, any_of: [{role: agent, phrases: [已备注]}, {type: note}]}\n"),
			[]string{`pack.yaml:6: role agent in expect.any_of[0] has no effect`, "the role at the top of expect"}, true},
		{"unless nested of another role", rule("    type: followup\n    trigger: {role: system, type: order}\n    expect: {phrases: [付款]}\n    unless: {role: customer, all_of: [{role: system, phrases: [已付款]}]}\n"),
			[]string{`pack.yaml:7:46: role system in unless.all_of[0] never matches`, "write role: [customer, system] at the top of unless"}, false},
		{"ignore of another role", rule("    type: latency\n    max: 20s\n    ignore: {role: agent, phrases: [好的]}\n"),
			[]string{`pack.yaml:6:20: role agent in ignore never matches`, "customer messages only", "remove it"}, false},
		{"leaving of another role", rule("    type: unanswered\n    leaving: {role: agent, phrases: [再来]}\n"),
			[]string{`pack.yaml:5:21: role agent in leaving never matches`, "customer messages only"}, false},
		{"ignore of customers", rule("    type: unanswered\n    ignore: {role: customer, phrases: [好的]}\n"),
			[]string{`pack.yaml:5: role customer in ignore has no effect`}, true},
		{"nested in ignore", rule("    type: hold\n    after: 30s\n    phrases: [稍等]\n    ignore: {any_of: [{role: [customer, agent], phrases: [谢谢]}, {phrases: [好的]}]}\n"),
			[]string{`pack.yaml:7: role [customer, agent] in ignore.any_of[0] has no effect`}, true},
		{"not_an_answer of customers", rule("    type: hold\n    after: 30s\n    phrases: [稍等]\n    not_an_answer: {role: customer, phrases: [您好]}\n"),
			[]string{`pack.yaml:7:27: role customer in not_an_answer never matches`, "the messages that would answer the customer only"}, false},
		{"not_an_answer of a role that does not answer", rule("    type: hold\n    after: 30s\n    phrases: [稍等]\n    not_an_answer: {role: bot, phrases: [您好]}\n"),
			[]string{`pack.yaml:7:27: role bot in not_an_answer never matches`, "write role: [agent, bot] on the rule"}, false},
		{"customer answering in a latency rule", rule("    type: latency\n    role: [agent, customer]\n    max: 20s\n"),
			[]string{`pack.yaml:5: role customer has no effect: the role of a latency rule names who answers`}, true},
		{"only customers answering in an unanswered rule", rule("    type: unanswered\n    role: customer\n"),
			[]string{`pack.yaml:5:11: role customer never matches: the rule would find no answer at all`}, false},
		// a message of the trigger's own role replies to none of its
		// triggers: an expect of that role alone leaves nothing to end the
		// opening, and opening_expect answers every trigger
		{"opening_expect with expect of the trigger's own role", rule("    type: followup\n    trigger: {phrases: [唔该]}\n    expect: {role: customer, phrases: [好的]}\n    opening_expect: {phrases: [你好]}\n"),
			[]string{`pack.yaml:7: opening_expect answers every trigger of role customer, as expect does: expect's role is the trigger's own (customer)`, "write its condition into expect (any_of) instead"}, true},
		{"opening_expect with expect of one of the trigger's roles", rule("    type: followup\n    trigger: {role: [customer, system], phrases: [唔该]}\n    expect: {role: system, phrases: [好的]}\n    opening_expect: {phrases: [你好]}\n"),
			[]string{`pack.yaml:7: opening_expect answers every trigger of role system`}, true},

		// a role that narrows is honoured
		{"branches of the rule's roles", rule("    type: when\n    role: [customer, agent]\n    when: {any_of: [{role: customer, phrases: [投诉]}, {role: agent, phrases: [滚]}]}\n"), nil, false},
		{"not of one of the rule's roles", rule("    type: when\n    role: any\n    when: {phrases: [转接], not: {role: system, phrases: [已转接]}}\n"), nil, false},
		{"trigger branches", rule("    type: followup\n    trigger: {role: [customer, system], any_of: [{role: system, type: order}, {role: customer, phrases: [付好了]}]}\n    expect: {phrases: [好的]}\n"), nil, false},
		{"unless of any role, narrowed", rule("    type: followup\n    trigger: {role: system, type: order}\n    expect: {phrases: [付款]}\n    unless: {all_of: [{role: system, phrases: [已付款]}]}\n"), nil, false},
		{"top-level roles choose", rule("    type: followup\n    trigger: {role: system, type: order}\n    expect: {role: [agent, system], phrases: [付款]}\n    unless: {role: customer, phrases: [付好了]}\n"), nil, false},
		{"when's own role", rule("    type: when\n    when: {role: customer, phrases: [投诉]}\n"), nil, false},
		{"anyone answers", rule("    type: hold\n    role: any\n    after: 30s\n    phrases: [稍等]\n"), nil, false},
		// …while an expect of more roles has a reply to each trigger (the
		// trigger's own role is left out of it): no warning
		{"opening_expect with expect of any role", rule("    type: followup\n    trigger: {phrases: [唔该]}\n    expect: {role: any, phrases: [好的]}\n    opening_expect: {phrases: [你好]}\n"), nil, true},
		{"opening_expect with expect of the trigger's role and another", rule("    type: followup\n    trigger: {phrases: [唔该]}\n    expect: {role: [customer, agent], phrases: [好的]}\n    opening_expect: {phrases: [你好]}\n"), nil, true},
		{"not_an_answer of one answering role", rule("    type: hold\n    role: [agent, bot]\n    after: 30s\n    phrases: [稍等]\n    not_an_answer: {role: bot, phrases: [您好]}\n"), nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := loadErr(t, tt.yaml)
			if tt.warn {
				if got != "" {
					t.Fatalf("want it to load, got:\n%s", got)
				}
				got = roleWarnings(t, tt.yaml)
			}
			wantOneProblem(t, got, tt.want)
		})
	}
}

// wantOneProblem checks that got (a load error or warnings) is one problem
// holding each of want, or nothing when want is empty.
func wantOneProblem(t *testing.T, got string, want []string) {
	t.Helper()
	if len(want) == 0 {
		if got != "" {
			t.Fatalf("want no error, got:\n%s", got)
		}
		return
	}
	if strings.Count(got, "\n") != 0 {
		t.Errorf("want one problem, got:\n%s", got)
	}
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("error:\n%s\nwant it to contain:\n%s", got, w)
		}
	}
}

// roleWarnings loads a pack and lists its rules' RoleWarnings as
// file:line: message, one a line.
func roleWarnings(t *testing.T, yaml string) string {
	t.Helper()
	set, err := LoadBytes("pack.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, pr := range set.Rules() {
		for _, n := range RoleWarnings(pr.Rule) {
			lines = append(lines, fmt.Sprintf("pack.yaml:%d: %s", n.Line, n.Msg))
		}
	}
	return strings.Join(lines, "\n")
}

// TestRoleOnlyCondition: a condition holding only a role is a condition
// where the role narrows the roles of the message it is asked of (nested in
// all_of / any_of / not, then, not_an_answer): not: {role: system}, a
// branch {role: bot}. Where it cannot narrow (it keeps all of them or none)
// or where a role picks messages rather than narrows (the top of trigger,
// expect, unless, when), it is no condition: a load error naming the file,
// the line and the column.
func TestRoleOnlyCondition(t *testing.T) {
	rule := func(body string) string { return "pack: p\nrules:\n  - id: a\n" + body }
	tests := []struct {
		name, yaml string
		want       []string // substrings of the error; none: it loads
	}{
		{"not of one of the rule's roles", rule("    type: when\n    role: [agent, system]\n    when: {all_of: [{phrases: [已退款]}, {not: {role: system}}]}\n"), nil},
		{"any_of branch of one of the rule's roles", rule("    type: when\n    role: [agent, bot]\n    when: {phrases: [无法]}\n    then: {any_of: [{role: bot}, {starts_with: [非常抱歉]}]}\n"), nil},
		{"then of one of when's roles", rule("    type: when\n    role: [agent, bot]\n    when: {phrases: [无法]}\n    then: {role: agent}\n"), nil},
		{"not_an_answer of one answering role", rule("    type: hold\n    role: [agent, bot]\n    after: 30s\n    phrases: [稍等]\n    not_an_answer: {role: bot}\n"), nil},
		{"trigger branch of one of its roles", rule("    type: followup\n    trigger: {role: [customer, system], any_of: [{role: customer}, {type: order}]}\n    expect: {phrases: [好的]}\n"), nil},

		{"not of the rule's only role", rule("    type: when\n    when: {all_of: [{phrases: [已退款]}, {not: {role: agent}}]}\n"),
			[]string{`pack.yaml:5:45: when.all_of[1].not needs a condition`, "role agent has no effect here"}},
		{"branch of another role", rule("    type: when\n    when: {phrases: [无法]}\n    then: {any_of: [{role: customer}, {starts_with: [非常抱歉]}]}\n"),
			[]string{`pack.yaml:6:21: then.any_of[0] needs a condition`, "role customer never matches here"}},
		{"ignore: customers only", rule("    type: unanswered\n    ignore: {role: customer}\n"),
			[]string{`pack.yaml:5:13: ignore needs a condition`, "role customer has no effect here"}},
		{"top of a trigger: a role alone picks, it does not narrow", rule("    type: followup\n    trigger: {role: customer}\n    expect: {phrases: [好的]}\n"),
			[]string{`pack.yaml:5:14: trigger needs a condition`}},
		{"top of when", rule("    type: count\n    min_count: 1\n    when: {role: agent}\n"),
			[]string{`pack.yaml:6:11: when needs a condition`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := loadErr(t, tt.yaml)
			wantOneProblem(t, got, tt.want)
		})
	}
}
