// Package rules holds chatlint's built-in rule packs (embedded YAML) and the
// pack loader: strict decoding with file:line:column errors, `extends`
// resolution and validation of every rule.
package rules

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Pack is one rule-pack file as written in YAML.
type Pack struct {
	Name        string   `yaml:"pack"`
	Description string   `yaml:"description"`
	Extends     []string `yaml:"extends"`
	Dict        []string `yaml:"dict"`
	Scoring     *Scoring `yaml:"scoring"`
	// Overrides adjust rules of the packs this one extends (or its own):
	// disable one, change its severity or its deductions.
	Overrides map[string]*Override `yaml:"overrides"`
	Rules     []*Rule              `yaml:"rules"`

	// File is where the pack was read from: a path, or rules/NAME.yaml for a
	// built-in pack.
	File string `yaml:"-"`
	// Builtin is true for the packs embedded in the binary.
	Builtin bool `yaml:"-"`
	// Parents are the packs this one extends, resolved.
	Parents []*Pack `yaml:"-"`

	node *yaml.Node
	// text is the file as it was parsed: UTF-8, without a byte-order mark
	text []byte
	// nodes gives node to a built-in pack built from its generated form
	// (root), which has none
	nodes *yamlNodes
}

// Override adjusts one rule without editing its pack; it is written in a
// pack's `overrides` or in .chatlint.yaml's `rules`, keyed by pack/id.
type Override struct {
	Disable   *bool    `yaml:"disable"`
	Severity  string   `yaml:"severity"`
	Deduct    *float64 `yaml:"deduct"`
	MaxDeduct *float64 `yaml:"max_deduct"`
	// Fatal switches the rule's 致命项 on or off.
	Fatal *bool `yaml:"fatal"`

	// File and Line say where the override is written.
	File string `yaml:"-"`
	Line int    `yaml:"-"`
}

// UnmarshalYAML decodes an override and remembers its line.
func (o *Override) UnmarshalYAML(n *yaml.Node) error {
	type plain Override
	if err := n.Decode((*plain)(o)); err != nil {
		return err
	}
	o.Line = n.Line
	return nil
}

// Check validates an override's values.
func (o *Override) Check() error {
	if o == nil || o.Disable == nil && o.Severity == "" && o.Deduct == nil && o.MaxDeduct == nil && o.Fatal == nil {
		return fmt.Errorf("no settings given (e.g. {disable: true})")
	}
	if o.Severity != "" {
		switch o.Severity {
		case "error", "warning", "info":
		default:
			return fmt.Errorf("unknown severity %q (error, warning or info)", o.Severity)
		}
	}
	if o.Deduct != nil && *o.Deduct < 0 {
		return fmt.Errorf("deduct must not be negative")
	}
	if o.MaxDeduct != nil && *o.MaxDeduct < 0 {
		return fmt.Errorf("max_deduct must not be negative")
	}
	return nil
}

// CheckRule reports what of the override does not apply to rule r: a bonus
// rule adds points, so it has no deduct or max_deduct to change, and cannot
// be fatal. It returns the key at fault with the error ("" when there is
// none).
func (o *Override) CheckRule(r *Rule) (key string, err error) {
	if r.Type != TypeBonus {
		return "", nil
	}
	if o.Fatal != nil && *o.Fatal {
		return "fatal", fmt.Errorf("a bonus rule cannot be fatal")
	}
	switch {
	case o.Deduct != nil:
		key = "deduct"
	case o.MaxDeduct != nil:
		key = "max_deduct"
	default:
		return "", nil
	}
	return key, fmt.Errorf("a bonus rule adds points: %s does not apply (its add and max_add are the pack's)", key)
}

// Scoring is how a conversation's score and grade are computed.
type Scoring struct {
	Start     *float64 `yaml:"start"`
	Grades    Grades   `yaml:"grades"`
	FailGrade string   `yaml:"fail_grade"`
}

// Grade is one named score threshold: a score at or above Min earns Name.
type Grade struct {
	Name string
	Min  float64
}

// Grades is the ordered `grades` mapping of a pack's scoring.
type Grades []Grade

// UnmarshalYAML reads a mapping of grade name to minimum score, keeping order.
func (g *Grades) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return posErrorf(n, "grades must be a mapping of grade name to minimum score")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		min, err := strconv.ParseFloat(v.Value, 64)
		if v.Kind != yaml.ScalarNode || err != nil || math.IsNaN(min) || math.IsInf(min, 0) {
			return posErrorf(v, "grade %q: minimum score must be a number, got %q", k.Value, v.Value)
		}
		*g = append(*g, Grade{Name: k.Value, Min: min})
	}
	return nil
}

// Rule is one rule of a pack as written in YAML. Which keys apply depends on
// Type; the loader rejects keys a type does not use.
type Rule struct {
	ID          string     `yaml:"id"`
	Type        string     `yaml:"type"`
	Description string     `yaml:"description"`
	Severity    string     `yaml:"severity"`
	Deduct      *float64   `yaml:"deduct"`
	MaxDeduct   float64    `yaml:"max_deduct"`
	Role        StringList `yaml:"role"`
	Match       string     `yaml:"match"`
	Phrases     []string   `yaml:"phrases"`
	Patterns    []string   `yaml:"patterns"`
	Except      []string   `yaml:"except"`
	// ExceptPatterns are RE2 patterns: a match inside one of theirs does
	// not count, like one inside an except phrase.
	ExceptPatterns []string          `yaml:"except_patterns"`
	Suggest        map[string]string `yaml:"suggest"`
	Message        string            `yaml:"message"`
	Source         string            `yaml:"source"`
	Examples       Examples          `yaml:"examples"`
	At             string            `yaml:"at"`
	Within         Duration          `yaml:"within"`
	Max            Duration          `yaml:"max"`
	Trigger        *Side             `yaml:"trigger"`
	Expect         *Side             `yaml:"expect"`
	// Fatal makes any finding of the rule a 致命项: the conversation scores 0
	// and gets the failing grade, whatever else.
	Fatal bool `yaml:"fatal"`

	// followup: how far to look for the expected message, which triggers
	// count, and what cancels the obligation.
	WithinMessages int    `yaml:"within_messages"`
	Look           string `yaml:"look"`
	Occurrence     string `yaml:"occurrence"`
	Unless         *Side  `yaml:"unless"`
	// OpeningExpect is what else answers a trigger that opened the chat,
	// before any reply of the expect's roles (followup, looking after the
	// trigger): a 唔该 said to get attention is answered by a greeting
	// offering help, which acknowledges nothing said after a reply.
	OpeningExpect *Side `yaml:"opening_expect"`

	// when, count, bonus: the message condition; when's `then` is what a
	// message meeting `when` must also meet.
	When *Side `yaml:"when"`
	Then *Side `yaml:"then"`
	// count: bounds on the hits (or matching messages) per conversation.
	MinCount *int `yaml:"min_count"`
	MaxCount *int `yaml:"max_count"`
	// hold: a wait longer than After needs a holding message within After
	// (with Repeat, every After while the customer waits).
	After  Duration `yaml:"after"`
	Repeat bool     `yaml:"repeat"`
	// unanswered, latency, hold: customer messages that need no answer (a
	// closing 好的); in latency and hold they do not start the wait.
	Ignore *Side `yaml:"ignore"`
	// unanswered: customer messages that need no answer themselves but
	// answer nothing before them either (a customer who leaves, 那我明天再来问问:
	// after a question nobody answered, one who gave up); an `ignore`d
	// last message closes the chat, a leaving one (one both name too) is
	// passed over.
	Leaving *Side `yaml:"leaving"`
	// latency, hold: a customer message more than SessionGap after the
	// message before it (the customer came back after a silence: a new
	// session) starts the wait anew; 0: never.
	SessionGap Duration `yaml:"session_gap"`
	// hold: messages of the rule's roles that do not end the wait (a bare
	// greeting), without being holding messages either.
	NotAnAnswer *Side `yaml:"not_an_answer"`
	// length: the most characters an agent message may have.
	MaxLength int `yaml:"max_length"`
	// pii: which personal data must not be echoed (phone, id-card,
	// bank-card, email, address).
	Kinds []string `yaml:"kinds"`
	// bonus: points each matching message earns, capped per conversation.
	Add    float64 `yaml:"add"`
	MaxAdd float64 `yaml:"max_add"`

	node *yaml.Node
	// line is node's line (Line)
	line int
	// nodes and index give node to a rule of a built-in pack built from
	// its generated form (yamlNode), which has none: the index-th rule of
	// the pack's YAML
	nodes *yamlNodes
	index int
}

// UnmarshalYAML decodes a rule and remembers its node for error positions.
func (r *Rule) UnmarshalYAML(n *yaml.Node) error {
	type plain Rule
	if err := n.Decode((*plain)(r)); err != nil {
		return err
	}
	r.node, r.line = n, n.Line
	return nil
}

// Line returns the line the rule starts on in its pack file.
func (r *Rule) Line() int { return r.line }

// ExampleLine returns the line the i-th (0-based) bad or good example is
// written on, or the rule's own line where the file does not say (an
// example brought in by a merge key).
func (r *Rule) ExampleLine(bad bool, i int) int {
	kind := "good"
	if bad {
		kind = "bad"
	}
	if ln := valueNode(valueNode(r.yamlNode(), "examples"), kind); ln != nil && ln.Kind == yaml.SequenceNode && i >= 0 && i < len(ln.Content) {
		return ln.Content[i].Line
	}
	return r.Line()
}

// Side is a message condition: the trigger or expected follow-up of a
// followup rule, the `when`/`then` of a when rule, and so on. Every key it
// gives must hold: the role and type, the phrase list under its quantifier
// (any phrase by default; all of them; none; at least N), the start and end
// of the text, its length, personal data, and the nested all_of / any_of /
// not conditions.
type Side struct {
	Role     StringList `yaml:"role"`
	Type     string     `yaml:"type"`
	Match    string     `yaml:"match"`
	Phrases  []string   `yaml:"phrases"`
	Patterns []string   `yaml:"patterns"`
	Except   []string   `yaml:"except"`
	// ExceptPatterns: as in Rule.
	ExceptPatterns []string `yaml:"except_patterns"`
	Quantifier     string   `yaml:"quantifier"`
	AtLeast        int      `yaml:"at_least"`
	StartsWith     []string `yaml:"starts_with"`
	EndsWith       []string `yaml:"ends_with"`
	MinLength      int      `yaml:"min_length"`
	MaxLength      int      `yaml:"max_length"`
	PII            []string `yaml:"pii"`
	AllOf          []*Side  `yaml:"all_of"`
	AnyOf          []*Side  `yaml:"any_of"`
	Not            *Side    `yaml:"not"`
}

// Conditions returns every condition of the rule, nested ones (all_of,
// any_of, not) included, each once.
func (r *Rule) Conditions() []*Side {
	var out []*Side
	var add func(s *Side)
	add = func(s *Side) {
		if s == nil {
			return
		}
		out = append(out, s)
		for _, c := range s.AllOf {
			add(c)
		}
		for _, c := range s.AnyOf {
			add(c)
		}
		add(s.Not)
	}
	for _, s := range []*Side{r.Trigger, r.Expect, r.Unless, r.OpeningExpect, r.When, r.Then, r.Ignore, r.Leaving, r.NotAnAnswer} {
		add(s)
	}
	return out
}

// HasList reports whether the condition has phrases or patterns.
func (s *Side) HasList() bool { return len(s.Phrases) > 0 || len(s.Patterns) > 0 }

// Empty reports whether the condition says nothing (matches every message
// of its role).
func (s *Side) Empty() bool {
	return s.Type == "" && !s.HasList() && len(s.StartsWith) == 0 && len(s.EndsWith) == 0 &&
		s.MinLength == 0 && s.MaxLength == 0 && len(s.PII) == 0 && len(s.AllOf) == 0 && len(s.AnyOf) == 0 && s.Not == nil
}

// Examples are sentences or short transcripts a rule must flag (Bad) or not
// flag (Good); `chatlint rules test` checks them.
type Examples struct {
	Bad  []string `yaml:"bad"`
	Good []string `yaml:"good"`
}

// StringList is a YAML value written either as one string or as a list.
type StringList []string

// UnmarshalYAML accepts a scalar or a sequence of scalars.
func (s *StringList) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		*s = StringList{n.Value}
		return nil
	case yaml.SequenceNode:
		var l []string
		if err := n.Decode(&l); err != nil {
			return err
		}
		*s = l
		return nil
	}
	return posErrorf(n, "expected a string or a list of strings")
}

// Duration is a time span written as 10s, 1m30s, 2h or 3d.
type Duration time.Duration

// UnmarshalYAML parses a duration with a unit.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return posErrorf(n, "expected a duration such as 20s, 30m or 1h")
	}
	v, err := ParseDuration(n.Value)
	if err != nil {
		return posErrorf(n, "%v", err)
	}
	*d = Duration(v)
	return nil
}

// String formats the duration compactly (20s, 30m, 1h).
func (d Duration) String() string { return FormatDuration(time.Duration(d)) }

// ParseDuration parses Go durations (20s, 1m30s, 2h) plus days (3d, 1d12h).
// A bare number without a unit is an error.
func ParseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("empty duration")
	}
	all := s
	if strings.HasPrefix(s, "-") {
		return 0, fmt.Errorf("invalid duration %q: negative", all)
	}
	var days time.Duration
	if i := strings.IndexByte(s, 'd'); i > 0 {
		n, err := strconv.Atoi(s[:i])
		if err != nil {
			if _, ferr := strconv.ParseFloat(s[:i], 64); ferr == nil {
				return 0, fmt.Errorf("invalid duration %q: days must be a whole number (1d12h for a day and a half)", all)
			}
			if _, derr := time.ParseDuration(s[:i]); derr == nil || strings.ContainsAny(s[:i], "hms") {
				return 0, fmt.Errorf("invalid duration %q: write the days first (1d1h)", all)
			}
			return 0, fmt.Errorf("invalid duration %q (use e.g. 20s, 30m, 1h, 3d)", all)
		}
		days = time.Duration(n) * 24 * time.Hour
		s = s[i+1:]
		if s == "" {
			return days, nil
		}
		if strings.HasPrefix(s, "-") {
			return 0, fmt.Errorf("invalid duration %q: negative", all)
		}
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return 0, fmt.Errorf("invalid duration %q: missing unit (use s, m, h or d, e.g. %ss)", all, s)
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("invalid duration %q (use e.g. 20s, 30m, 1h, 3d)", all)
	}
	if d < 0 {
		return 0, fmt.Errorf("invalid duration %q: negative", all)
	}
	return days + d, nil
}

// FormatDuration writes a duration the way pack authors write them: 20s,
// 1m30s, 2h, 3d.
func FormatDuration(d time.Duration) string {
	if d == 0 {
		return "0s"
	}
	// built on the stack, one allocation for the result: reports write
	// one for every late reply
	var buf [64]byte
	return string(appendDuration(buf[:0], d))
}

// appendDuration appends FormatDuration(d), d not 0, to b ("" for a
// negative d).
func appendDuration(b []byte, d time.Duration) []byte {
	if d >= 24*time.Hour && d%(24*time.Hour) == 0 {
		return append(strconv.AppendInt(b, int64(d/(24*time.Hour)), 10), 'd')
	}
	if h := d / time.Hour; h > 0 {
		b = append(strconv.AppendInt(b, int64(h), 10), 'h')
		d -= h * time.Hour
	}
	if m := d / time.Minute; m > 0 {
		b = append(strconv.AppendInt(b, int64(m), 10), 'm')
		d -= m * time.Minute
	}
	if d > 0 {
		if d%time.Second == 0 {
			// whole seconds, below 60: the float's shortest form is the
			// integer's
			b = strconv.AppendInt(b, int64(d/time.Second), 10)
		} else {
			b = strconv.AppendFloat(b, d.Seconds(), 'f', -1, 64)
		}
		b = append(b, 's')
	}
	return b
}
