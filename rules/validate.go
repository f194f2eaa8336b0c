package rules

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/match"
)

// Rule types.
const (
	TypeForbid     = "forbid"
	TypeRequire    = "require"
	TypeLatency    = "latency"
	TypeFollowup   = "followup"
	TypeWhen       = "when"
	TypeCount      = "count"
	TypeHold       = "hold"
	TypeUnanswered = "unanswered"
	TypeLength     = "length"
	TypePII        = "pii"
	TypeBonus      = "bonus"
)

// RuleTypes lists the rule types the loader accepts.
var RuleTypes = []string{TypeForbid, TypeRequire, TypeLatency, TypeFollowup, TypeWhen, TypeCount, TypeHold, TypeUnanswered, TypeLength, TypePII, TypeBonus}

// PIIKinds are the kinds of personal data pii rules and conditions find.
var PIIKinds = []string{"phone", "id-card", "bank-card", "email", "address"}

// Quantifiers of a condition's phrase list.
const (
	QuantAny  = "any"
	QuantAll  = "all"
	QuantNone = "none"
)

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
	TypeForbid:     {"role", "match", "phrases", "patterns", "except", "except_patterns", "suggest"},
	TypeRequire:    {"role", "match", "phrases", "patterns", "except", "except_patterns", "at", "within"},
	TypeLatency:    {"role", "match", "max", "ignore", "session_gap"},
	TypeFollowup:   {"match", "trigger", "expect", "within", "within_messages", "look", "occurrence", "unless", "opening_expect"},
	TypeWhen:       {"role", "match", "when", "then"},
	TypeCount:      {"role", "match", "when", "min_count", "max_count"},
	TypeHold:       {"role", "match", "phrases", "patterns", "except", "except_patterns", "after", "repeat", "ignore", "not_an_answer", "session_gap"},
	TypeUnanswered: {"role", "match", "ignore", "leaving"},
	TypeLength:     {"role", "max_length"},
	TypePII:        {"role", "kinds"},
	TypeBonus:      {"role", "match", "when", "add", "max_add"},
}

var commonKeys = []string{"id", "type", "description", "severity", "deduct", "max_deduct", "message", "source", "examples", "fatal"}

// TemplateVars are the placeholders a rule's message may use.
var TemplateVars = map[string]bool{"match": true, "suggest": true, "within": true, "max": true, "delay": true, "phrases": true,
	"at": true, "count": true, "limit": true, "length": true, "after": true, "kind": true, "add": true, "reply": true}

// knownVars lists TemplateVars for error messages: {add}, {after}, ….
func knownVars() string {
	names := make([]string, 0, len(TemplateVars))
	for name := range TemplateVars {
		names = append(names, "{"+name+"}")
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

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
		if gn != nil && gn.Kind == yaml.MappingNode && len(gn.Content) == 0 {
			add(gn, "grades names no grade (leave grades out to inherit them)")
		}
		for i, g := range sc.Grades {
			if strings.TrimSpace(g.Name) == "" {
				add(gn.Content[2*i], "a grade needs a name")
			}
			if g.Min < 0 {
				add(gn.Content[2*i+1], "grade %q: minimum must not be negative", g.Name)
			}
		}
		if fn := valueNode(scn, "fail_grade"); fn != nil && strings.TrimSpace(sc.FailGrade) == "" {
			add(fn, "fail_grade needs a name (leave it out to inherit it)")
		}
	}
	if dn := valueNode(p.node, "dict"); dn != nil {
		for i, w := range p.Dict {
			word, _, err := ParseDictWord(w)
			switch {
			case err != nil:
				add(dn.Content[i], "%s", err)
			case word == "":
				add(dn.Content[i], "empty dict word")
			case match.Normalize(word) == "":
				add(dn.Content[i], "dict word %q is empty after normalisation", word)
			}
		}
	}
	if on := valueNode(p.node, "overrides"); on != nil {
		for i := 0; i+1 < len(on.Content); i += 2 {
			k := on.Content[i]
			if !strings.Contains(k.Value, "/") {
				hint := ""
				if ids := builtinRulesNamed(p.Extends, k.Value); len(ids) > 0 {
					hint = " (did you mean " + strings.Join(ids, " or ") + "?)"
				}
				add(k, "override %q: name the rule as pack/id%s", k.Value, hint)
			}
			if o := p.Overrides[k.Value]; o != nil {
				o.File, o.Line = p.File, k.Line
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
		k := n.Content[i].Value
		if !ok2[k] && !strings.HasPrefix(k, "x-") { // x-: an extension key (checkShape)
			add(n.Content[i], "key %q does not apply to a %s rule", k, r.Type)
			continue
		}
		if r.Type == TypeBonus && (k == "deduct" || k == "max_deduct") {
			add(n.Content[i], "a bonus rule adds points: use add and max_add, not %s", k)
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
	if r.Fatal && r.Type == TypeBonus {
		add(valueNode(n, "fatal"), "a bonus rule cannot be fatal")
	}
	validatePhraseList("phrases", r.Phrases, n, add)
	validatePatterns("patterns", r.Patterns, valueNode(n, "patterns"), add)
	validatePhraseList("except", r.Except, n, add)
	validatePatterns("except_patterns", r.ExceptPatterns, valueNode(n, "except_patterns"), add)
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
				known[match.NormalizePhrase(p)] = true
			}
			for i := 0; i+1 < len(sn.Content); i += 2 {
				k := sn.Content[i]
				if !known[match.NormalizePhrase(k.Value)] && len(r.Patterns) == 0 {
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
		if r.Ignore != nil {
			validateSide("ignore", r.Ignore, valueNode(n, "ignore"), add)
		}
		validateSessionGap(n, r.SessionGap, r.Max, "max", add)
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
		if r.Unless != nil {
			validateSide("unless", r.Unless, valueNode(n, "unless"), add)
		}
		if r.OpeningExpect != nil {
			validateSide("opening_expect", r.OpeningExpect, valueNode(n, "opening_expect"), add)
			if r.Look == "before" {
				// the messages before a trigger that opened the chat hold
				// no reply of the expect's roles to look for
				add(valueNode(n, "opening_expect"), "opening_expect answers a trigger that opened the chat with a message after it: it cannot go with look: before")
			}
		}
		if r.WithinMessages < 0 {
			add(valueNode(n, "within_messages"), "within_messages must not be negative")
		}
		if r.Look != "" && r.Look != "after" && r.Look != "before" {
			add(valueNode(n, "look"), "unknown look %q (after or before)", r.Look)
		}
		if _, err := ParseOccurrence(r.Occurrence); err != nil {
			add(valueNode(n, "occurrence"), "%v", err)
		}
	case TypeWhen, TypeCount, TypeBonus:
		if r.When == nil {
			add(n, "%s rule %q needs a `when` condition", r.Type, r.ID)
		} else {
			validateSide("when", r.When, valueNode(n, "when"), add)
		}
		if r.Then != nil {
			validateSide("then", r.Then, valueNode(n, "then"), add)
		}
		if r.Type == TypeCount {
			if r.MinCount == nil && r.MaxCount == nil {
				add(n, "count rule %q needs min_count or max_count", r.ID)
			}
			if r.MinCount != nil && *r.MinCount < 0 || r.MaxCount != nil && *r.MaxCount < 0 {
				add(n, "count bounds must not be negative")
			}
			if r.MinCount != nil && r.MaxCount != nil && *r.MinCount > *r.MaxCount {
				add(valueNode(n, "min_count"), "min_count is larger than max_count")
			}
		}
		if r.Type == TypeBonus {
			if an := valueNode(n, "add"); an == nil {
				add(n, "bonus rule %q needs add: the points each matching message earns", r.ID)
			} else if r.Add <= 0 {
				add(an, "add must be positive: the points each matching message earns")
			}
		}
		if r.MaxAdd < 0 {
			add(valueNode(n, "max_add"), "max_add must not be negative")
		}
	case TypeHold:
		if len(r.Phrases) == 0 && len(r.Patterns) == 0 && !hasListKey(n) {
			add(n, "hold rule %q needs `phrases` or `patterns`: what a holding message says", r.ID)
		}
		if an := valueNode(n, "after"); an == nil {
			add(n, "hold rule %q needs `after` (e.g. after: 30s)", r.ID)
		} else if r.After <= 0 {
			add(an, "after must be positive")
		}
		if r.Ignore != nil {
			validateSide("ignore", r.Ignore, valueNode(n, "ignore"), add)
		}
		if r.NotAnAnswer != nil {
			validateSide("not_an_answer", r.NotAnAnswer, valueNode(n, "not_an_answer"), add)
		}
		validateSessionGap(n, r.SessionGap, r.After, "after", add)
	case TypeUnanswered:
		if r.Ignore != nil {
			validateSide("ignore", r.Ignore, valueNode(n, "ignore"), add)
		}
		if r.Leaving != nil {
			validateSide("leaving", r.Leaving, valueNode(n, "leaving"), add)
		}
	case TypeLength:
		if mn := valueNode(n, "max_length"); mn == nil {
			add(n, "length rule %q needs max_length (characters)", r.ID)
		} else if r.MaxLength <= 0 {
			add(mn, "max_length must be positive")
		}
	case TypePII:
		validateKinds(r.Kinds, valueNode(n, "kinds"), add)
	}
	validateRoleScopes(r, roleReport{err: add, warn: func(*yaml.Node, string, ...any) {}})
	validateExamples(r, add)
	return errs
}

// hasListKey reports whether a rule writes phrases or patterns at all (an
// empty list is reported on its own).
func hasListKey(n *yaml.Node) bool {
	return valueNode(n, "phrases") != nil || valueNode(n, "patterns") != nil
}

func validateSide(name string, s *Side, n *yaml.Node, add func(*yaml.Node, string, ...any)) {
	// a role alone is a condition where it can narrow the message's roles
	// (nested conditions, then, ignore, not_an_answer): validateRoleScopes
	// tells whether it does
	if s.Empty() && (len(s.Role) == 0 || !roleOnlyPlace(name)) {
		add(n, "%s needs a condition: %s", name, conditionKeys)
	}
	validateRoles(s.Role, valueNode(n, "role"), add)
	validateMatch(s.Match, valueNode(n, "match"), add)
	validatePhraseList("phrases", s.Phrases, n, add)
	validatePatterns("patterns", s.Patterns, valueNode(n, "patterns"), add)
	validatePhraseList("except", s.Except, n, add)
	validatePatterns("except_patterns", s.ExceptPatterns, valueNode(n, "except_patterns"), add)
	validatePhraseList("starts_with", s.StartsWith, n, add)
	validatePhraseList("ends_with", s.EndsWith, n, add)
	switch s.Quantifier {
	case "", QuantAny, QuantAll, QuantNone:
	default:
		add(valueNode(n, "quantifier"), "unknown quantifier %q (any, all or none; or at_least: N)", s.Quantifier)
	}
	if (s.Quantifier != "" || s.AtLeast != 0) && !s.HasList() {
		add(n, "%s: a quantifier needs phrases or patterns", name)
	}
	if s.AtLeast < 0 || s.AtLeast > len(s.Phrases)+len(s.Patterns) {
		add(valueNode(n, "at_least"), "at_least must be between 1 and the number of phrases and patterns (%d)", len(s.Phrases)+len(s.Patterns))
	}
	if s.AtLeast != 0 && s.Quantifier != "" && s.Quantifier != QuantAny {
		add(valueNode(n, "at_least"), "at_least goes with the default quantifier (any), not %s", s.Quantifier)
	}
	if s.MinLength < 0 || s.MaxLength < 0 || (s.MaxLength > 0 && s.MinLength > s.MaxLength) {
		add(n, "%s: min_length and max_length must be positive, min_length at most max_length", name)
	}
	validateKinds(s.PII, valueNode(n, "pii"), add)
	for i, c := range s.AllOf {
		validateSide(name+".all_of", c, seqItem(valueNode(n, "all_of"), i), add)
	}
	for i, c := range s.AnyOf {
		validateSide(name+".any_of", c, seqItem(valueNode(n, "any_of"), i), add)
	}
	if s.Not != nil {
		validateSide(name+".not", s.Not, valueNode(n, "not"), add)
	}
}

// conditionKeys lists what a condition may ask, for error messages.
const conditionKeys = "type, phrases, patterns, starts_with, a length, pii, all_of, any_of or not"

// roleOnlyPlace reports whether a condition at place (as validateSide names
// it) is asked of a message already chosen, where a role alone may narrow
// the roles that message can have: an all_of, any_of or not element, then,
// ignore, leaving, not_an_answer. At the top of the conditions that pick messages
// (trigger, expect, unless, opening_expect, when) a role alone would pick every message of
// that role, which is not a condition.
func roleOnlyPlace(place string) bool {
	return strings.Contains(place, ".") || place == "then" || place == "ignore" || place == "leaving" || place == "not_an_answer"
}

// seqItem returns item i of a sequence node (or the node itself).
func seqItem(n *yaml.Node, i int) *yaml.Node {
	if n != nil && n.Kind == yaml.SequenceNode && i < len(n.Content) {
		return n.Content[i]
	}
	return n
}

func validateKinds(kinds []string, n *yaml.Node, add func(*yaml.Node, string, ...any)) {
	for i, k := range kinds {
		known := false
		for _, p := range PIIKinds {
			known = known || k == p
		}
		if !known {
			add(seqItem(n, i), "unknown kind of personal data %q (%s)", k, strings.Join(PIIKinds, ", "))
		}
	}
}

// ParseOccurrence reads a followup's occurrence: every (or ""), first, last,
// or a 1-based number N (the Nth trigger). It returns 0 for every, -1 for
// last, N otherwise.
func ParseOccurrence(s string) (int, error) {
	switch s {
	case "", "every":
		return 0, nil
	case "first":
		return 1, nil
	case "last":
		return -1, nil
	}
	var n int
	if _, err := fmt.Sscanf(s, "%d", &n); err != nil || n < 1 || fmt.Sprint(n) != s {
		return 0, fmt.Errorf("unknown occurrence %q (every, first, last or a number N for the Nth trigger)", s)
	}
	return n, nil
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
	// a phrase written twice is a mistake; two spellings that normalise
	// alike (繁體 and 简体, full-width) are not, as imported word lists
	// often hold both: `rules validate` notes them (check.Warnings)
	seen := make(map[string]bool, len(list))
	for i, p := range list {
		at := n
		if n.Kind == yaml.SequenceNode && i < len(n.Content) {
			at = n.Content[i]
		}
		if strings.TrimSpace(match.Normalize(p)) == "" {
			add(at, "empty phrase in %s", key)
			continue
		}
		if seen[p] {
			add(at, "phrase %q is listed twice in %s", p, key)
		}
		seen[p] = true
	}
}

// validatePatterns checks the RE2 patterns under key (patterns,
// except_patterns) at node n: each compiles and none matches the empty
// string.
func validatePatterns(key string, list []string, n *yaml.Node, add func(*yaml.Node, string, ...any)) {
	if n == nil {
		return
	}
	if len(list) == 0 {
		add(n, "empty %s list: remove the key or add patterns", key)
		return
	}
	for i, p := range list {
		at := n
		if n.Kind == yaml.SequenceNode && i < len(n.Content) {
			at = n.Content[i]
		}
		re, err := match.CompilePattern(p)
		if err != nil {
			add(at, "invalid pattern %q: %v%s", p, err, re2Hint(err))
			continue
		}
		if re.MatchString("") {
			add(at, "pattern %q matches the empty string", p)
		}
	}
}

// re2Hint says what to write instead of the Perl or PCRE syntax that RE2
// lacks, which err (a pattern that did not compile) says it met: the
// lookarounds of a word list written for PCRE ((?=…), (?!…), (?<=…),
// (?<!…)) and backreferences (\1). "" for any other error.
func re2Hint(err error) string {
	var se *syntax.Error
	if !errors.As(err, &se) {
		return ""
	}
	switch {
	case se.Code == syntax.ErrInvalidPerlOp && (strings.HasPrefix(se.Expr, "(?=") || strings.HasPrefix(se.Expr, "(?!")),
		se.Code == syntax.ErrInvalidNamedCapture && (strings.HasPrefix(se.Expr, "(?<=") || strings.HasPrefix(se.Expr, "(?<!")):
		return " (RE2 has no lookahead or lookbehind: for \"not next to\", put the context in except_patterns (patterns: ['行'] with except_patterns: ['不行'] takes 行 but not in 不行); for \"next to\", write the context into the pattern and mark the part to report with (?P<match>…): '不(?P<match>行)')"
	case se.Code == syntax.ErrInvalidEscape && len(se.Expr) == 2 && se.Expr[1] >= '1' && se.Expr[1] <= '9':
		return " (RE2 has no backreferences: write the repeated text out ('(不行)不行'), or list each form)"
	}
	return ""
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
		if !TemplateVars[name] {
			add(n, "unknown placeholder {%s} in message (known: %s)", name, knownVars())
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
			transcript, err := checkExample(ex)
			if err != nil {
				add(at, "example: %v", err)
				continue
			}
			if !transcript && (r.Type == TypeLatency || r.Type == TypeHold) {
				add(at, "%s examples must be transcripts with times (lines like \"00:00 customer: 在吗\")", r.Type)
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
		if _, err := fmt.Sscanf(f[1], "%g", &freq); err != nil || !(freq >= 1 && freq <= match.MaxDictWordFreq && freq == math.Trunc(freq)) {
			return "", 0, fmt.Errorf("dict entry %q: frequency must be a whole number from 1 to 2^40", s)
		}
		return f[0], freq, nil
	}
	return "", 0, fmt.Errorf("dict entry %q: write a word, optionally followed by a frequency", s)
}

// builtinRulesNamed returns, as pack/id, the rules named id of the
// built-in packs among extends and the built-in packs they extend: what a
// bare override id (missing-greeting for base/missing-greeting) most
// likely means. A pack extended by path is not read here (validatePack
// sees one file); its rules give no hint.
func builtinRulesNamed(extends []string, id string) []string {
	var out []string
	seen := map[string]bool{}
	var walk func(names []string)
	walk = func(names []string) {
		for _, name := range names {
			if seen[name] || IsPath(name) {
				continue
			}
			seen[name] = true
			src, ok := BuiltinSource(name)
			if !ok {
				continue
			}
			res := decodePack(builtinFile(name), src, true)
			if res.pack == nil {
				continue
			}
			for _, r := range res.pack.Rules {
				if r.ID == id {
					out = append(out, res.pack.Name+"/"+r.ID)
				}
			}
			walk(res.pack.Extends)
		}
	}
	walk(extends)
	sort.Strings(out)
	return out
}

// validateSessionGap checks a latency or hold rule's session_gap (if
// written) against its limit, lim written as key: a gap no longer than the
// limit would start every slow wait anew at the customer's next message.
func validateSessionGap(n *yaml.Node, gap, lim Duration, key string, add func(*yaml.Node, string, ...any)) {
	gn := valueNode(n, "session_gap")
	switch {
	case gn == nil:
	case gap <= 0:
		add(gn, "session_gap must be positive")
	case lim > 0 && gap <= lim:
		add(gn, "session_gap %s must be longer than %s (%s): a customer who writes again after a shorter silence is still waiting", FormatDuration(time.Duration(gap)), key, FormatDuration(time.Duration(lim)))
	}
}
