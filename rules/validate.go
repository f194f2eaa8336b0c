package rules

import (
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/match"
)

// Rule types.
const (
	TypeForbid   = "forbid"
	TypeRequire  = "require"
	TypeLatency  = "latency"
	TypeFollowup = "followup"
)

// RuleTypes lists the rule types the loader accepts.
var RuleTypes = []string{TypeForbid, TypeRequire, TypeLatency, TypeFollowup}

// `at` values of require rules.
const (
	AtFirstReply = "first-reply"
	AtLastReply  = "last-reply"
)

// Match modes.
const (
	MatchWord      = "word"
	MatchSubstring = "substring"
)

// keysByType lists the rule keys each type uses beyond the common ones.
var keysByType = map[string][]string{
	TypeForbid:   {"role", "match", "phrases", "patterns", "except", "suggest"},
	TypeRequire:  {"role", "match", "phrases", "patterns", "except", "at", "within"},
	TypeLatency:  {"role", "max"},
	TypeFollowup: {"trigger", "expect", "within"},
}

var commonKeys = []string{"id", "type", "description", "severity", "deduct", "max_deduct", "message", "source", "examples"}

// templateVars are the placeholders a rule's message may use.
var templateVars = map[string]bool{"match": true, "suggest": true, "within": true, "max": true, "delay": true, "phrases": true, "at": true}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]*$`)

// validatePack checks everything decoding cannot: names, values, regexes,
// durations, duplicate ids, keys that do not belong to a rule's type.
func validatePack(p *Pack) []*PosError {
	var errs []*PosError
	add := func(n *yaml.Node, format string, args ...any) {
		errs = append(errs, posErrorf(n, format, args...))
	}
	if p.Name == "" {
		add(p.node, "missing `pack:` (the pack's name)")
	} else if !idPattern.MatchString(p.Name) {
		add(valueNode(p.node, "pack"), "pack name %q: use lower-case letters, digits, '-', '_' or '.'", p.Name)
	}
	if sc := p.Scoring; sc != nil {
		scn := valueNode(p.node, "scoring")
		if sc.Start != nil && *sc.Start <= 0 {
			add(valueNode(scn, "start"), "scoring start must be positive")
		}
		gn := valueNode(scn, "grades")
		for i, g := range sc.Grades {
			if g.Min < 0 {
				add(gn.Content[2*i+1], "grade %q: minimum must not be negative", g.Name)
			}
		}
	}
	if dn := valueNode(p.node, "dict"); dn != nil {
		for i, w := range p.Dict {
			word, _, err := ParseDictWord(w)
			if err != nil || word == "" {
				msg := "empty dict word"
				if err != nil {
					msg = err.Error()
				}
				add(dn.Content[i], "%s", msg)
			}
		}
	}
	if on := valueNode(p.node, "overrides"); on != nil {
		for i := 0; i+1 < len(on.Content); i += 2 {
			k := on.Content[i]
			if !strings.Contains(k.Value, "/") {
				add(k, "override %q: name the rule as pack/id", k.Value)
			}
			if o := p.Overrides[k.Value]; o != nil {
				o.File = p.File
				if err := o.Check(); err != nil {
					add(on.Content[i+1], "override %q: %v", k.Value, err)
				}
			}
		}
	}
	rn := valueNode(p.node, "rules")
	if len(p.Rules) == 0 {
		if rn == nil && len(p.Extends) == 0 && len(p.Overrides) == 0 {
			add(p.node, "pack has no rules and extends nothing")
		}
	}
	seen := map[string]int{}
	for _, r := range p.Rules {
		errs = append(errs, validateRule(r)...)
		if r.ID == "" {
			continue
		}
		if line, dup := seen[r.ID]; dup {
			add(valueNode(r.node, "id"), "duplicate rule id %q (first defined on line %d)", r.ID, line)
		} else {
			seen[r.ID] = r.node.Line
		}
	}
	return errs
}

func validateRule(r *Rule) []*PosError {
	var errs []*PosError
	n := r.node
	add := func(at *yaml.Node, format string, args ...any) {
		if at == nil {
			at = n
		}
		errs = append(errs, posErrorf(at, format, args...))
	}
	if r.ID == "" {
		add(n, "rule without `id`")
	} else if !idPattern.MatchString(r.ID) {
		add(valueNode(n, "id"), "rule id %q: use lower-case letters, digits, '-', '_' or '.'", r.ID)
	}
	allowed, ok := keysByType[r.Type]
	if !ok {
		if r.Type == "" {
			add(n, "rule %q has no `type` (one of %s)", r.ID, strings.Join(RuleTypes, ", "))
		} else {
			add(valueNode(n, "type"), "unknown rule type %q (one of %s)", r.Type, strings.Join(RuleTypes, ", "))
		}
		return errs
	}
	ok2 := map[string]bool{}
	for _, k := range commonKeys {
		ok2[k] = true
	}
	for _, k := range allowed {
		ok2[k] = true
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i].Value; !ok2[k] {
			add(n.Content[i], "key %q does not apply to a %s rule", k, r.Type)
		}
	}
	if r.Severity != "" {
		if s, ok := lint.ParseSeverity(r.Severity); !ok || s == lint.SeverityNone {
			add(valueNode(n, "severity"), "unknown severity %q (error, warning or info)", r.Severity)
		}
	}
	if r.Deduct != nil && *r.Deduct < 0 {
		add(valueNode(n, "deduct"), "deduct must not be negative")
	}
	if r.MaxDeduct < 0 {
		add(valueNode(n, "max_deduct"), "max_deduct must not be negative")
	}
	validateRoles(r.Role, valueNode(n, "role"), add)
	validateMatch(r.Match, valueNode(n, "match"), add)
	validatePhraseList("phrases", r.Phrases, n, add)
	validatePatterns(r.Patterns, valueNode(n, "patterns"), add)
	validatePhraseList("except", r.Except, n, add)
	if r.Message != "" {
		validateTemplate(r.Message, valueNode(n, "message"), add)
	}
	switch r.Type {
	case TypeForbid:
		if len(r.Phrases) == 0 && len(r.Patterns) == 0 && !hasListKey(n) {
			add(n, "forbid rule %q needs `phrases` or `patterns`", r.ID)
		}
		if sn := valueNode(n, "suggest"); sn != nil {
			known := map[string]bool{}
			for _, p := range r.Phrases {
				known[match.Normalize(p)] = true
			}
			for i := 0; i+1 < len(sn.Content); i += 2 {
				k := sn.Content[i]
				if !known[match.Normalize(k.Value)] && len(r.Patterns) == 0 {
					add(k, "suggest: %q is not one of the rule's phrases", k.Value)
				}
			}
		}
	case TypeRequire:
		if len(r.Phrases) == 0 && len(r.Patterns) == 0 && !hasListKey(n) {
			add(n, "require rule %q needs `phrases` or `patterns`", r.ID)
		}
		if r.At != "" && r.At != AtFirstReply && r.At != AtLastReply {
			add(valueNode(n, "at"), "unknown `at` %q (first-reply or last-reply; leave it out for anywhere in the conversation)", r.At)
		}
		if wn := valueNode(n, "within"); wn != nil && r.Within <= 0 {
			add(wn, "within must be positive")
		}
	case TypeLatency:
		if mn := valueNode(n, "max"); mn == nil {
			add(n, "latency rule %q needs `max` (e.g. max: 20s)", r.ID)
		} else if r.Max <= 0 {
			add(mn, "max must be positive")
		}
	case TypeFollowup:
		if wn := valueNode(n, "within"); wn != nil && r.Within <= 0 {
			add(wn, "within must be positive")
		}
		if r.Trigger == nil {
			add(n, "followup rule %q needs a `trigger` (role, type, phrases or patterns)", r.ID)
		} else {
			validateSide("trigger", r.Trigger, valueNode(n, "trigger"), add)
		}
		if r.Expect == nil {
			add(n, "followup rule %q needs an `expect` (type, phrases or patterns)", r.ID)
		} else {
			validateSide("expect", r.Expect, valueNode(n, "expect"), add)
		}
	}
	validateExamples(r, add)
	return errs
}

// hasListKey reports whether a rule writes phrases or patterns at all (an
// empty list is reported on its own).
func hasListKey(n *yaml.Node) bool {
	return valueNode(n, "phrases") != nil || valueNode(n, "patterns") != nil
}

func validateSide(name string, s *Side, n *yaml.Node, add func(*yaml.Node, string, ...any)) {
	if s.Type == "" && len(s.Phrases) == 0 && len(s.Patterns) == 0 {
		add(n, "%s needs a `type`, `phrases` or `patterns`", name)
	}
	validateRoles(s.Role, valueNode(n, "role"), add)
	validateMatch(s.Match, valueNode(n, "match"), add)
	validatePhraseList("phrases", s.Phrases, n, add)
	validatePatterns(s.Patterns, valueNode(n, "patterns"), add)
	validatePhraseList("except", s.Except, n, add)
}

func validateRoles(roles StringList, n *yaml.Node, add func(*yaml.Node, string, ...any)) {
	for i, r := range roles {
		at := n
		if n != nil && n.Kind == yaml.SequenceNode {
			at = n.Content[i]
		}
		if r == "any" {
			continue
		}
		if _, ok := lint.ParseRole(r); !ok {
			add(at, "unknown role %q (customer, agent, bot, system or any)", r)
		}
	}
	if n != nil && len(roles) == 0 {
		add(n, "empty role list")
	}
}

func validateMatch(m string, n *yaml.Node, add func(*yaml.Node, string, ...any)) {
	if m != "" && m != MatchWord && m != MatchSubstring {
		add(n, "unknown match %q (word or substring)", m)
	}
}

func validatePhraseList(key string, list []string, parent *yaml.Node, add func(*yaml.Node, string, ...any)) {
	n := valueNode(parent, key)
	if n == nil {
		return
	}
	if len(list) == 0 {
		add(n, "empty %s list: remove the key or add phrases", key)
		return
	}
	seen := map[string]bool{}
	for i, p := range list {
		at := n
		if n.Kind == yaml.SequenceNode && i < len(n.Content) {
			at = n.Content[i]
		}
		norm := match.Normalize(p)
		if strings.TrimSpace(norm) == "" {
			add(at, "empty phrase in %s", key)
			continue
		}
		if seen[norm] {
			add(at, "phrase %q is listed twice in %s", p, key)
		}
		seen[norm] = true
	}
}

func validatePatterns(list []string, n *yaml.Node, add func(*yaml.Node, string, ...any)) {
	if n == nil {
		return
	}
	if len(list) == 0 {
		add(n, "empty patterns list: remove the key or add patterns")
		return
	}
	for i, p := range list {
		at := n
		if n.Kind == yaml.SequenceNode && i < len(n.Content) {
			at = n.Content[i]
		}
		re, err := match.CompilePattern(p)
		if err != nil {
			add(at, "invalid pattern %q: %v", p, err)
			continue
		}
		if re.MatchString("") {
			add(at, "pattern %q matches the empty string", p)
		}
	}
}

func validateTemplate(msg string, n *yaml.Node, add func(*yaml.Node, string, ...any)) {
	rest := msg
	for {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			return
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return
		}
		name := rest[i+1 : i+j]
		if !templateVars[name] {
			add(n, "unknown placeholder {%s} in message (known: {match}, {suggest}, {within}, {max}, {delay}, {phrases}, {at})", name)
		}
		rest = rest[i+j+1:]
	}
}

func validateExamples(r *Rule, add func(*yaml.Node, string, ...any)) {
	en := valueNode(r.node, "examples")
	for _, kind := range []string{"bad", "good"} {
		list := r.Examples.Bad
		if kind == "good" {
			list = r.Examples.Good
		}
		ln := valueNode(en, kind)
		for i, ex := range list {
			at := ln
			if ln != nil && ln.Kind == yaml.SequenceNode && i < len(ln.Content) {
				at = ln.Content[i]
			}
			msgs, err := ParseExample(ex)
			if err != nil {
				add(at, "example: %v", err)
				continue
			}
			if msgs == nil && r.Type == TypeLatency {
				add(at, "latency examples must be transcripts with times (lines like \"00:00 customer: 在吗\")")
			}
		}
	}
}

// ParseDictWord splits a `dict` entry "word" or "word freq".
func ParseDictWord(s string) (word string, freq float64, err error) {
	f := strings.Fields(s)
	switch len(f) {
	case 0:
		return "", 0, nil
	case 1:
		return f[0], 0, nil
	case 2:
		if _, err := fmt.Sscanf(f[1], "%g", &freq); err != nil || freq <= 0 {
			return "", 0, fmt.Errorf("dict entry %q: frequency must be a positive number", s)
		}
		return f[0], freq, nil
	}
	return "", 0, fmt.Errorf("dict entry %q: write a word, optionally followed by a frequency", s)
}
