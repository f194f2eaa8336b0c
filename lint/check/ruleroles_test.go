package check

import (
	"testing"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/rules"
)

// TestRuleRoles: the roles RuleRoles (and so Effective, which rules show
// and rules list describe a rule by) gives are those of the compiled rule:
// a followup's trigger's, not the rule's agent by default, with its
// expect's beside them; a bonus's when's. Every built-in rule, and rules
// that write their roles.
func TestRuleRoles(t *testing.T) {
	var prs []rules.PackRule
	for _, pack := range rules.BuiltinNames() {
		set, err := rules.Load(pack)
		if err != nil {
			t.Fatal(err)
		}
		prs = append(prs, set.Rules()...)
	}
	set, err := rules.LoadBytes("t.yaml", []byte(`pack: t
rules:
  - id: ask-back
    type: followup
    trigger: {role: agent, phrases: [请提供订单号]}
    expect: {role: customer, patterns: ['\d{6,}']}
  - id: same
    type: followup
    trigger: {role: [agent, bot], phrases: [稍等]}
    expect: {role: agent, phrases: [久等了]}
  - id: praise
    type: bonus
    add: 1
    when: {role: customer, phrases: [谢谢你]}
  - id: bonus-default
    type: bonus
    add: 1
    when: {phrases: [很高兴为您服务]}
`))
	if err != nil {
		t.Fatal(err)
	}
	prs = append(prs, set.Rules()...)
	followups := 0
	for _, pr := range prs {
		c, err := Describe(pr)
		if err != nil {
			t.Fatal(err)
		}
		roles, expect := RuleRoles(pr.Rule)
		if got := c.Info().Roles; roles != got {
			t.Errorf("%s: RuleRoles %s, compiled %s", pr.FullID(), roles, got)
		}
		if info, _ := Effective(pr, nil); info.Roles != roles {
			t.Errorf("%s: Effective %s, compiled %s", pr.FullID(), info.Roles, roles)
		}
		f, ok := c.(*followup)
		switch {
		case ok && f.expect.roles != expect:
			t.Errorf("%s: RuleRoles' expect %s, compiled %s", pr.FullID(), expect, f.expect.roles)
		case !ok && expect != 0:
			t.Errorf("%s: a %s rule with expect roles %s", pr.FullID(), pr.Rule.Type, expect)
		}
		if ok {
			followups++
		}
	}
	if followups < 5 {
		t.Errorf("%d followup rules: the test says little", followups)
	}
	for id, want := range map[string][2]lint.RoleSet{
		"callcenter/thanks-ack": {lint.RolesOf(lint.Customer), lint.RolesOf(lint.Agent)},
		"t/ask-back":            {lint.RolesOf(lint.Agent), lint.RolesOf(lint.Customer)},
		"t/same":                {lint.RolesOf(lint.Agent, lint.Bot), lint.RolesOf(lint.Agent)},
		"t/praise":              {lint.RolesOf(lint.Customer), 0},
		"t/bonus-default":       {lint.RolesOf(lint.Agent), 0},
	} {
		for _, pr := range prs {
			if pr.FullID() == id {
				if r, e := RuleRoles(pr.Rule); r != want[0] || e != want[1] {
					t.Errorf("%s: RuleRoles %s, %s; want %s, %s", id, r, e, want[0], want[1])
				}
			}
		}
	}
}
