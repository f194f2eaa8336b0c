package check

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/rules"
)

// Warning is a likely mistake in a pack that is not an error: the pack
// loads, but a rule will not work as its author expects.
type Warning struct {
	File string
	Line int
	Rule string
	Msg  string
}

// String formats the warning as file:line: rule: message.
func (w Warning) String() string {
	return fmt.Sprintf("%s:%d: warning: %s: %s", w.File, w.Line, w.Rule, w.Msg)
}

// frames are everyday contexts a phrase is tried in to see whether gse ever
// puts word boundaries around it.
var frames = []string{"我%s", "%s了", "这个%s", "%s的", "您%s吗", "%s，", "，%s。", "也%s呢", "就是%s", "%s啊"}

// Warnings looks for rules that load but will not work as written: word-mode
// phrases gse never cuts out in ordinary sentences (so they almost never
// match), roles that do nothing where they are written, and rules without
// examples or a source.
func Warnings(set *rules.Set, seg match.Segmenter) ([]Warning, error) {
	if seg == nil {
		var err error
		if seg, err = segmenterFor(set); err != nil {
			return nil, err
		}
	}
	var out []Warning
	for _, pr := range set.Rules() {
		r := pr.Rule
		warn := func(format string, args ...any) {
			out = append(out, Warning{File: pr.Pack.File, Line: r.Line(), Rule: pr.FullID(), Msg: fmt.Sprintf(format, args...)})
		}
		// roles that do nothing where they are written (they load, as
		// they did before roles were checked)
		for _, n := range rules.RoleWarnings(r) {
			out = append(out, Warning{File: pr.Pack.File, Line: n.Line, Rule: pr.FullID(), Msg: n.Msg})
		}
		type list struct {
			mode    string
			phrases []string
			ctx     []string
		}
		// the examples where a list's phrases are meant to match: bad ones
		// for what a rule forbids or triggers on, good ones for what it requires
		expected := r.Examples.Bad
		if r.Type == rules.TypeRequire {
			expected = r.Examples.Good
		}
		lists := []list{{r.Match, r.Phrases, expected}}
		// conditions, nested ones included: a trigger's and a when's phrases
		// are meant to match in the bad examples (a bonus's in the good
		// ones), an expect's or a then's in the good ones
		var walk func(s *rules.Side, ctx []string)
		walk = func(s *rules.Side, ctx []string) {
			if s == nil {
				return
			}
			mode := s.Match
			if mode == "" {
				mode = r.Match // the rule's, as builder.cond takes it
			}
			lists = append(lists, list{mode, s.Phrases, ctx})
			for _, c := range s.AllOf {
				walk(c, ctx)
			}
			for _, c := range s.AnyOf {
				walk(c, ctx)
			}
			// phrases under not are meant not to match: nothing to check
		}
		whenCtx := r.Examples.Bad
		switch {
		case r.Type == rules.TypeBonus:
			whenCtx = r.Examples.Good
		case r.Type == rules.TypeCount && r.MinCount != nil && *r.MinCount > 0:
			// too few is the fault: the good examples say the phrase
			// often enough (and a bad one may say it, too seldom)
			whenCtx = slices.Concat(r.Examples.Good, r.Examples.Bad)
		}
		walk(r.Trigger, r.Examples.Bad)
		walk(r.When, whenCtx)
		walk(r.Expect, r.Examples.Good)
		walk(r.Then, r.Examples.Good)
		for _, l := range lists {
			if msg := sameOnceNormalised(l.phrases); msg != "" {
				warn("%s", msg)
			}
			for _, p := range l.phrases {
				if msg := listedAsOne(p); msg != "" {
					warn("%s", msg)
				}
			}
			if l.mode == rules.MatchSubstring {
				continue
			}
			for _, p := range l.phrases {
				if msg := stuck(seg, p, l.ctx); msg != "" {
					warn("phrase %q %s: in word mode it will seldom match; use match: substring, or list the whole word gse keeps", p, msg)
				}
			}
		}
		// a type one letter off a meaningful one (notes): types are an open
		// set (a mapped export keeps its own), so it loads, but no reader
		// gives it unless an export is mapped to it
		for _, c := range r.Conditions() {
			if c.Type == "" || slices.Contains(meaningfulTypes, c.Type) {
				continue
			}
			if near := rules.Closest(c.Type, meaningfulTypes); near != "" {
				warn("a condition's type %q is no type the readers give (did you mean %q?); only an export mapped with --types gives it", c.Type, near)
			}
		}
		// except contexts in a condition without phrases or patterns have
		// nothing to except from (they load, as they did before)
		for _, s := range r.Conditions() {
			if (len(s.Except) > 0 || len(s.ExceptPatterns) > 0) && !s.HasList() {
				warn("a condition has except or except_patterns but no phrases or patterns: they except nothing")
			}
		}
		// an except must hold the whole match: one that holds none of the
		// phrases (and no patterns could match in it) excepts nothing, and
		// one that is a phrase takes that phrase away
		for _, msg := range exceptWarnings(r.Phrases, r.Patterns, r.Except) {
			warn("%s", msg)
		}
		for _, s := range r.Conditions() {
			for _, msg := range exceptWarnings(s.Phrases, s.Patterns, s.Except) {
				warn("%s", msg)
			}
		}
		for _, name := range unfilled(r) {
			fills := "none"
			if vs := messageVars[r.Type]; len(vs) > 0 {
				fills = "{" + strings.Join(vs, "}, {") + "}"
			}
			warn("placeholder {%s} is never filled in %s %s rule's message (it fills %s): it shows as nothing", name, article(r.Type), r.Type, fills)
		}
		if len(r.Examples.Bad) == 0 && len(r.Examples.Good) == 0 {
			warn("no examples: `chatlint rules test` cannot check this rule")
		}
		if r.Source == "" {
			warn("no source: cite the regulation the rule comes from")
		}
	}
	// grades no conversation can reach: a pack that lowers the start but
	// inherits the grades (start: 10 under 优秀 95)
	if sc := set.EffectiveScoring(); sc.Start != nil && len(set.Roots) > 0 {
		for _, g := range sc.Grades {
			if g.Min > *sc.Start {
				out = append(out, Warning{File: set.Roots[0].File, Line: max(set.Roots[0].ScoringLine(g.Name), 1), Rule: "scoring",
					Msg: fmt.Sprintf("grade %q needs %s points but a conversation starts at %s: none can reach it (set grades with the start)", g.Name, strconv.FormatFloat(g.Min, 'f', -1, 64), strconv.FormatFloat(*sc.Start, 'f', -1, 64))})
			}
		}
	}
	return out, nil
}

// meaningfulTypes are the message types the built-in rule types and readers
// give a meaning to.
var meaningfulTypes = []string{lint.TypeText, lint.TypeNote, lint.TypeOrder, lint.TypeTransfer}

// messageVars are the placeholders each rule type fills in its findings'
// messages (some only in some findings: {delay} when a reply came late);
// render leaves every other known placeholder empty.
var messageVars = map[string][]string{
	rules.TypeForbid:     {"match", "suggest"},
	rules.TypeRequire:    {"phrases", "at", "within", "reply", "delay"},
	rules.TypeLatency:    {"delay", "max"},
	rules.TypeFollowup:   {"match", "within", "limit", "delay"},
	rules.TypeWhen:       {"match"},
	rules.TypeCount:      {"count", "limit"},
	rules.TypeHold:       {"delay", "after"},
	rules.TypeUnanswered: nil,
	rules.TypeLength:     {"length", "limit"},
	rules.TypePII:        {"match", "kind"},
	rules.TypeBonus:      {"match", "add"},
}

// unfilled lists the placeholders of a rule's message that its type never
// fills, each once, in the order written.
func unfilled(r *rules.Rule) []string {
	var out []string
	rest := r.Message
	for {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return out
		}
		name := rest[i+1 : i+j]
		rest = rest[i+j+1:]
		if rules.TemplateVars[name] && !slices.Contains(messageVars[r.Type], name) && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
}

// article is the indefinite article before a rule type's name.
func article(typ string) string {
	if strings.ContainsRune("aeiou", rune(typ[0])) {
		return "an"
	}
	return "a"
}

// exceptWarnings describes the except contexts of a list that can do no
// good: one that is one of the phrases (so that phrase never counts), and,
// in a list without patterns, one that holds none of the phrases (so it
// never applies: an except must hold the whole match).
func exceptWarnings(phrases, patterns, except []string) []string {
	if len(phrases) == 0 && len(patterns) == 0 {
		return nil // said of the condition as a whole
	}
	var out []string
	for _, e := range except {
		ne := match.NormalizePhrase(e)
		holds, itself := false, ""
		for _, p := range phrases {
			np := match.NormalizePhrase(p)
			if np == ne {
				itself = p
				break
			}
			holds = holds || strings.Contains(ne, np)
		}
		switch {
		case itself != "":
			out = append(out, fmt.Sprintf("except %q is the phrase %q itself: that phrase never counts", e, itself))
		case !holds && len(patterns) == 0:
			out = append(out, fmt.Sprintf("except %q holds none of the phrases: it excepts nothing (an except is a context around a phrase, such as 行不行 around 不行)", e))
		}
	}
	return out
}

// listedAsOne says, for a phrase holding the full-width comma or the
// enumeration comma a Chinese input method types (phrases: [不行，没办法]),
// that it is one phrase: YAML separates a list's items only with an ASCII
// comma. "" for any other phrase.
func listedAsOne(p string) string {
	for _, sep := range []string{"，", "、"} {
		if i := strings.Index(p, sep); i > 0 && i+len(sep) < len(p) {
			parts := strings.Split(p, sep)
			return fmt.Sprintf("phrase %q holds %s: it is one phrase, matched only where a message holds it whole, comma and all; to list %d phrases, separate them with an ASCII comma and a space ([%s]) or write each on a line of its own", p, sep, len(parts), strings.Join(parts, ", "))
		}
	}
	return ""
}

// sameOnceNormalised describes the phrases of a list that are spelled
// differently from an earlier one but read the same once normalised (they
// match nothing more), or returns "".
func sameOnceNormalised(phrases []string) string {
	first := make(map[string]string, len(phrases))
	var pairs []string
	n := 0
	for _, p := range phrases {
		np := match.NormalizePhrase(p)
		q, ok := first[np]
		if !ok {
			first[np] = p
			continue
		}
		if q != p {
			n++
			if len(pairs) < 3 {
				pairs = append(pairs, fmt.Sprintf("%q = %q", p, q))
			}
		}
	}
	switch n {
	case 0:
		return ""
	case 1:
		return "1 phrase reads the same as an earlier one once normalised (繁體 → 简体, full-width, case, spaces at the ends), so it matches nothing more: " + pairs[0]
	}
	return fmt.Sprintf("%d phrases read the same as an earlier one once normalised (繁體 → 简体, full-width, case, spaces at the ends), so they match nothing more: %s", n, strings.Join(pairs, ", "))
}

// stuck says why a word-mode phrase will seldom match, or returns "": when
// the rule's own example sentences contain it but gse cuts none of them at
// its ends, or when no everyday frame does.
func stuck(seg match.Segmenter, p string, sentences []string) string {
	np := match.NormalizePhrase(p)
	var missed []string
	for _, s := range sentences {
		ns := match.Normalize(s)
		if !strings.Contains(ns, np) {
			continue
		}
		if bounded(seg, ns, np) {
			return ""
		}
		missed = append(missed, s+" (gse: "+strings.Join(words(seg, ns), " / ")+")")
	}
	if len(missed) > 0 {
		return "is not on gse word boundaries in its examples " + strings.Join(missed, "; ")
	}
	var tried []string
	for _, f := range frames {
		ns := match.Normalize(fmt.Sprintf(f, p))
		if bounded(seg, ns, np) {
			return ""
		}
		if len(tried) < 3 {
			tried = append(tried, strings.Join(words(seg, ns), " / "))
		}
	}
	return "is never on gse word boundaries in everyday sentences (" + strings.Join(tried, "; ") + ")"
}

// bounded reports whether phrase np occurs in text ns where it counts in
// word mode (match.WordMatch): on gse word boundaries, or before an erhua 儿.
func bounded(seg match.Segmenter, ns, np string) bool {
	on := map[int]bool{}
	for _, x := range seg.Boundaries(nil, ns) {
		on[x] = true
	}
	for i := 0; i < len(ns); {
		j := strings.Index(ns[i:], np)
		if j < 0 {
			return false
		}
		if match.WordMatch(ns, i+j, i+j+len(np), func(k int) bool { return on[k] }) {
			return true
		}
		i += j + 1
	}
	return false
}

// words is gse's segmentation of a normalised text.
func words(seg match.Segmenter, ns string) []string {
	b := seg.Boundaries(nil, ns)
	var out []string
	for i := 1; i < len(b); i++ {
		out = append(out, ns[b[i-1]:b[i]])
	}
	return out
}

// DictWords returns the set's `dict` words for the segmenter.
func DictWords(set *rules.Set) ([]match.DictWord, error) {
	var words []match.DictWord
	for _, w := range set.Dict() {
		word, freq, err := rules.ParseDictWord(w)
		if err != nil {
			return nil, err
		}
		words = append(words, match.DictWord{Word: word, Freq: freq})
	}
	return words, nil
}

// segmenterFor builds the default segmenter with the set's dict words.
func segmenterFor(set *rules.Set) (match.Segmenter, error) {
	words, err := DictWords(set)
	if err != nil {
		return nil, err
	}
	seg, err := match.NewSegmenter(words)
	if err != nil {
		return nil, fmt.Errorf("load segmenter: %w", err)
	}
	return seg, nil
}
