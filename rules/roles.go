package rules

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/chatlint/chatlint/lint"
)

// RoleSet converts a `role` value (names, or any) to a set of roles; an
// empty value gives def. Unknown names are left out (validation reports
// them).
func (s StringList) RoleSet(def lint.RoleSet) lint.RoleSet {
	if len(s) == 0 {
		return def
	}
	var set lint.RoleSet
	for _, r := range s {
		if r == "any" {
			return lint.AnyRole
		}
		if role, ok := lint.ParseRole(r); ok {
			set |= lint.RolesOf(role)
		}
	}
	return set
}

// Where `role` is honoured. A condition is asked of one message at a time.
// Its role decides whose messages are asked only at the top of the
// conditions that pick messages: a followup's trigger, expect and unless
// (customer, agent and any role by default) and the `when` of when, count
// and bonus rules (the rule's role by default; a role there replaces the
// rule's). Everywhere else the message is already chosen and a role can
// only narrow the roles it may have:
//
//   - all_of, any_of and not elements, at any depth: the message of the
//     condition they sit in;
//   - then: the message that met `when`, not a later one;
//   - not_an_answer (hold): the rule's answering messages (its roles without
//     customers);
//   - ignore (latency, hold, unanswered) and leaving (unanswered):
//     customer messages only.
//
// (The role of a latency, hold or unanswered rule names who answers: a
// customer never does, so customer there is rejected too.)
//
// There a role that keeps every role the message may have does nothing, and
// one that keeps none of them makes its condition fail on every message: an
// any_of branch that never matches, a then that always fails, an ignore that
// ignores nothing. Both are mistakes (the author meant another message, or
// to widen the roles), so the loader rejects them and says where the role
// belongs; a role that keeps some of them narrows as written (any_of:
// [{role: customer, …}, {role: agent, …}] under role: [customer, agent]).
// There a role alone is a condition (not: {role: system} under role: [agent,
// system]; then: {any_of: [{role: bot}, …]}); where it cannot narrow, it is
// no condition and the loader says the condition needs one. At the top of
// trigger, expect, unless and when a role alone would pick every message of
// that role: a condition needs more there (validateSide).

// roleReport takes what validateRoleScopes finds: err, mistakes that make
// a condition never hold (load errors); warn, roles that do nothing where
// they are written (the pack loads, as it did before they were checked:
// `rules validate` shows them, see RoleWarnings).
type roleReport struct {
	err, warn func(*yaml.Node, string, ...any)
}

// RoleWarnings lists the roles of a loaded rule that do nothing where they
// are written (a role inside a condition that keeps every role the message
// may have, a role given both on the rule and in when, customer among the
// roles that answer), each with its line.
func RoleWarnings(r *Rule) []LineNote {
	var out []LineNote
	ignore := func(*yaml.Node, string, ...any) {}
	validateRoleScopes(r, roleReport{err: ignore, warn: func(n *yaml.Node, format string, args ...any) {
		out = append(out, LineNote{Line: n.Line, Msg: fmt.Sprintf(format, args...)})
	}})
	return out
}

// LineNote is a message about a line of a pack.
type LineNote struct {
	Line int
	Msg  string
}

// roleScope is what the message a condition is asked of can be, with
// what error messages say about it.
type roleScope struct {
	roles lint.RoleSet
	// asked names that message, e.g. "the message that met when, an agent
	// message (the rule's role, agent by default), not a later one".
	asked string
	// widen says where to write a role that looks at other messages
	// (roles: what the author's role and the scope's give together), ""
	// when nothing can.
	widen func(roles lint.RoleSet) string
	// owner says what sets whose messages count ("" for nothing).
	owner string
	// narrowedAt is the nested condition whose role narrowed roles, if any.
	narrowedAt string
}

// validateRoleScopes reports every `role` of a rule's conditions that
// cannot narrow the messages its condition is asked of, and a `when` role
// that makes the rule's own role meaningless.
func validateRoleScopes(r *Rule, rep roleReport) {
	n := r.yamlNode()
	agent, customer := lint.RolesOf(lint.Agent), lint.RolesOf(lint.Customer)
	ruleRoles := r.Role.RoleSet(agent)
	ruleFrom := "the rule's role"
	if len(r.Role) == 0 {
		ruleFrom += ", agent by default"
	}
	onRule := func(roles lint.RoleSet) string {
		return "to look at those messages, write role: " + roleValue(roles) + " on the rule and narrow it in each branch"
	}
	switch r.Type {
	case TypeWhen, TypeCount, TypeBonus:
		if r.When == nil {
			return
		}
		wn := valueNode(n, "when")
		if len(r.When.Role) > 0 && len(r.Role) > 0 {
			rep.warn(roleNode(wn), "role is given twice, on the rule (line %d) and in when: when's role replaces the rule's, which then has no effect; write it once, on the rule",
				roleNode(n).Line)
		}
		roles, from := r.When.Role.RoleSet(ruleRoles), ruleFrom
		if len(r.When.Role) > 0 {
			from = "when's own role"
		}
		nestedRoles("when", r.When, wn, roleScope{roles: roles, widen: onRule, owner: "the rule's role"}, false, from, rep)
		if r.Then != nil {
			sc := roleScope{roles: roles, asked: "the message that met when, " + roleNoun(roles) + " (" + from + "), not a later one",
				widen: func(lint.RoleSet) string { return "then cannot look at another message (a followup rule can)" },
				owner: "the rule's role"}
			nestedRoles("then", r.Then, valueNode(n, "then"), sc, true, from, rep)
		}
	case TypeFollowup:
		// opening_expect answers in expect's place: its roles by default
		expectRoles := agent
		if r.Expect != nil {
			expectRoles = r.Expect.Role.RoleSet(agent)
		}
		for _, side := range []struct {
			key  string
			s    *Side
			def  lint.RoleSet
			name string
		}{{"trigger", r.Trigger, customer, "customer"}, {"expect", r.Expect, agent, "agent"}, {"unless", r.Unless, lint.AnyRole, "any"},
			{"opening_expect", r.OpeningExpect, expectRoles, "that of expect"}} {
			if side.s == nil {
				continue
			}
			from := side.key + "'s own role"
			if len(side.s.Role) == 0 {
				from = side.key + "'s role, " + side.name + " by default"
			}
			key := side.key
			sc := roleScope{roles: side.s.Role.RoleSet(side.def), widen: func(roles lint.RoleSet) string {
				return "to look at those messages, write role: " + roleValue(roles) + " at the top of " + key + " and narrow it in each branch"
			}, owner: "the role at the top of " + key}
			nestedRoles(side.key, side.s, valueNode(n, side.key), sc, false, from, rep)
		}
		// a message of a trigger's own role replies to none of its
		// triggers: where expect's roles are that role alone, nothing ends
		// the opening, and opening_expect answers every such trigger, as
		// an expect would (look: before is an error of its own)
		if r.OpeningExpect != nil && r.Trigger != nil && r.Look != "before" {
			trig := r.Trigger.Role.RoleSet(customer)
			for role := lint.Customer; role <= lint.System; role++ {
				if !trig.Has(role) || expectRoles == 0 || expectRoles&^lint.RolesOf(role) != 0 {
					continue
				}
				rep.warn(valueNode(n, "opening_expect"), "opening_expect answers every trigger of role %s, as expect does: expect's role is the trigger's own (%s), and a message of the trigger's role replies to none, so nothing ends the opening; write its condition into expect (any_of) instead, or give expect the role that replies",
					role, role)
			}
		}
	case TypeLatency, TypeHold, TypeUnanswered:
		// the rule's role names who answers; customers are who wait, never
		// an answer (role: any is the shorthand for everyone else)
		if rn := valueNode(n, "role"); rn != nil {
			for i, name := range r.Role {
				if strings.EqualFold(strings.TrimSpace(name), "customer") {
					report, what := rep.warn, "has no effect"
					if ruleRoles&^customer == 0 {
						report, what = rep.err, "never matches: the rule would find no answer at all"
					}
					report(seqItem(rn, i), "role customer %s: the role of a %s rule names who answers the customer, and a customer's own message never does; remove it", what, r.Type)
				}
			}
		}
		if r.Ignore != nil {
			sc := roleScope{roles: customer, asked: "customer messages only (whether they need an answer)", widen: func(lint.RoleSet) string { return "" }}
			nestedRoles("ignore", r.Ignore, valueNode(n, "ignore"), sc, true, "ignore is asked of no other", rep)
		}
		if r.Leaving != nil {
			sc := roleScope{roles: customer, asked: "customer messages only (whether they leave)", widen: func(lint.RoleSet) string { return "" }}
			nestedRoles("leaving", r.Leaving, valueNode(n, "leaving"), sc, true, "leaving is asked of no other", rep)
		}
		if r.Type == TypeHold && r.NotAnAnswer != nil {
			if answer := ruleRoles &^ customer; answer != 0 {
				from := ruleFrom + ", without customers"
				sc := roleScope{roles: answer, asked: "the messages that would answer the customer only, " + roleNoun(answer) + " (" + from + ")",
					widen: func(roles lint.RoleSet) string {
						if roles &^= customer; roles == answer {
							return "" // customers never answer
						}
						return "to let those messages answer, write role: " + roleValue(roles) + " on the rule"
					}, owner: "the rule's role"}
				nestedRoles("not_an_answer", r.NotAnAnswer, valueNode(n, "not_an_answer"), sc, true, from, rep)
			}
		}
	}
}

// nestedRoles checks the role of condition s (at place, node n) if self is
// set, then those of the conditions nested in it, each against the roles of
// the message it is asked of: sc.roles, as chosen by from.
func nestedRoles(place string, s *Side, n *yaml.Node, sc roleScope, self bool, from string, rep roleReport) {
	if self && len(s.Role) > 0 {
		got := s.Role.RoleSet(0)
		// a condition of a role alone (not: {role: system}) holds as
		// long as the role narrows; where it cannot, it is no condition
		alone := s.Empty()
		switch {
		case got == 0 || sc.roles == 0:
			// unknown role names: validateRoles reports them
		case alone && (got&sc.roles == 0 || got&sc.roles == sc.roles):
			what := "has no effect"
			if got&sc.roles == 0 {
				what = "never matches"
			}
			rep.err(n, "%s needs a condition: %s. A role alone is one only where it narrows the roles of the message, and role %s %s here: %s is asked of %s",
				place, conditionKeys, writtenRoles(s.Role), what, place, sc.asked)
		case got&sc.roles == 0:
			msg := fmt.Sprintf("role %s in %s never matches: %s is asked of %s, so it never holds. A role inside a condition only narrows the roles of that message", writtenRoles(s.Role), place, place, sc.asked)
			if sc.narrowedAt != "" {
				msg += "; it sits in " + sc.narrowedAt + ", whose role keeps it to " + roleValue(sc.roles)
			} else if w := sc.widen(got | sc.roles); w != "" {
				msg += "; " + w
			} else {
				msg += ": remove it"
			}
			rep.err(roleNode(n), "%s", msg)
		case got&sc.roles == sc.roles:
			msg := fmt.Sprintf("role %s in %s has no effect: %s is asked of %s. A role inside a condition only narrows the roles of that message: remove it", writtenRoles(s.Role), place, place, sc.asked)
			if sc.owner != "" {
				msg += " (whose messages count is set by " + sc.owner + ")"
			}
			rep.warn(roleNode(n), "%s", msg)
		default:
			sc.roles &= got
			from = place + "'s role"
			sc.narrowedAt = place
		}
	}
	sub := sc
	if place != "ignore" && !strings.HasPrefix(place, "ignore.") && place != "leaving" && !strings.HasPrefix(place, "leaving.") {
		sub.asked = "the same message as " + place + ", " + roleNoun(sc.roles) + " (" + from + ")"
	}
	for i, c := range s.AllOf {
		nestedRoles(fmt.Sprintf("%s.all_of[%d]", place, i), c, seqItem(valueNode(n, "all_of"), i), sub, true, from, rep)
	}
	for i, c := range s.AnyOf {
		nestedRoles(fmt.Sprintf("%s.any_of[%d]", place, i), c, seqItem(valueNode(n, "any_of"), i), sub, true, from, rep)
	}
	if s.Not != nil {
		nestedRoles(place+".not", s.Not, valueNode(n, "not"), sub, true, from, rep)
	}
}

// roleNode is the `role` value of a condition's node, or the node itself
// when it has none to show (behind an alias, say).
func roleNode(n *yaml.Node) *yaml.Node {
	if v := valueNode(n, "role"); v != nil {
		return v
	}
	return n
}

// writtenRoles shows a role value as written: agent, or [agent, bot].
func writtenRoles(l StringList) string {
	if len(l) == 1 {
		return l[0]
	}
	return "[" + strings.Join(l, ", ") + "]"
}

// roleValue writes a set of roles as a `role` value: agent, [customer,
// agent], any.
func roleValue(s lint.RoleSet) string {
	names := s.String()
	if !strings.Contains(names, ",") {
		return names
	}
	return "[" + strings.ReplaceAll(names, ",", ", ") + "]"
}

// roleNoun names a message of the roles of a set: an agent message, a
// customer or agent message, a message of any role.
func roleNoun(s lint.RoleSet) string {
	if s == lint.AnyRole {
		return "a message of any role"
	}
	names := strings.ReplaceAll(s.String(), ",", " or ")
	if strings.HasPrefix(names, "agent") {
		return "an " + names + " message"
	}
	return "a " + names + " message"
}
