package check

import (
	"testing"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/rules"
)

// TestWhenRoleReplacesRuleRole: a role written at the top of `when` (the
// rule giving none) decides whose messages a when, count or bonus rule
// looks at, everywhere: its findings, its `then` (whose phrases must be
// looked for in those messages), where its examples are placed and the
// roles `rules show` names.
func TestWhenRoleReplacesRuleRole(t *testing.T) {
	tests := []struct {
		name, rule, transcript, want string
	}{
		{"when", "id: w\ntype: when\nwhen: {role: customer, phrases: [投诉]}",
			"customer: 我要投诉你们\nagent: 投诉电话是12315", "1:投诉"},
		{"then looks at the customer's message", "id: w\ntype: when\nwhen: {role: customer, phrases: [退款]}\nthen: {phrases: [订单号]}",
			"customer: 我要退款，订单号2611041234567\ncustomer: 我要退款", "2:退款"},
		{"count counts the customer's words", "id: c\ntype: count\nmax_count: 1\nwhen: {role: customer, phrases: [投诉]}",
			"customer: 我要投诉\nagent: 投诉请拨打热线\ncustomer: 我真的要投诉", "3"},
		{"bonus", "id: b\ntype: bonus\nadd: 1\nwhen: {role: customer, phrases: [谢谢]}",
			"customer: 谢谢\nagent: 谢谢您", "1:谢谢"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, tt.rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
			if got := compileOne(t, tt.rule).Checks[0].Info().Roles; got != lint.RolesOf(lint.Customer) {
				t.Errorf("rule roles = %s, want customer", got)
			}
		})
	}

	set, err := rules.LoadBytes("t.yaml", []byte(`pack: t
rules:
  - id: complaint
    type: when
    when: {role: customer, phrases: [投诉]}
    examples:
      bad: [我要投诉你们]
      good: [谢谢你们]
`))
	if err != nil {
		t.Fatal(err)
	}
	res, err := TestExamples(set, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res[0].Results {
		if !r.OK {
			t.Errorf("example %q (bad %v): %s", r.Example, r.Bad, r.Detail)
		}
	}
}
