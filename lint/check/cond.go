package check

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/lint/redact"
	"github.com/chatlint/chatlint/rules"
)

// cond is a compiled message condition (a rules.Side): every part it has
// must hold for a message to meet it.
type cond struct {
	roles  lint.RoleSet // 0: any role
	typ    string
	spoken bool // no type given at the top level: internal notes do not count

	hasList bool
	list    match.ListID
	items   int // phrases + patterns
	quant   string
	atLeast int

	starts, ends   []string // normalised
	minLen, maxLen int
	pii            redact.Set

	allOf, anyOf []*cond
	not          *cond
	phrases      []string // as written, for descriptions

	// gate lists phrase lists of which the message must match one for the
	// condition to hold (nil: no such lists): see mayHold; selGate is it
	// for the messages of the condition's roles (selGateOf)
	gate, selGate []gateList
	ownGate       bool // the gate is the condition's own list
	// settled: the condition is its own list, asked for some hit, and
	// nothing else (its role and type aside), so that candidates returns
	// exactly the messages it holds for: a loop over them needs no
	// evalNeed (which would ask Text.Has again)
	settled bool
	// sel is the selection key of the messages the condition looks at
	// (selKey), slot its slot for a condition whose candidates a
	// check asks for (useSlot), else -1
	sel  uint16
	slot int
	// gateBits has the bits (listBit) of the gate's lists, 0 when it has
	// none or one of them has no bit: a message (or a selection) whose
	// Conv.may has none of them cannot meet the condition
	gateBits uint64
	// shape says which parts the condition has besides its role and type,
	// when test can settle it without evalNeed (shapeOf)
	shape condShape
}

// condShape is what a condition is made of, for test: one kind of part
// besides its role and type, or anything else (shapeOther).
type condShape uint8

const (
	shapeOther  condShape = iota
	shapeAdmits           // nothing but its role and type (type: emoji)
	shapeList             // a phrase list that only needs some hit, or none
	shapeAllOf            // all_of alone
	shapeAnyOf            // any_of alone
	shapeNot              // not alone
	shapeLength           // min_length or max_length alone
)

// shapeOf works out cond.shape of a compiled condition.
func shapeOf(c *cond) condShape {
	other := len(c.starts) > 0 || len(c.ends) > 0 || c.pii != 0
	parts := 0
	for _, has := range []bool{c.hasList, len(c.allOf) > 0, len(c.anyOf) > 0, c.not != nil, c.minLen > 0 || c.maxLen > 0} {
		if has {
			parts++
		}
	}
	switch {
	case other || parts > 1:
		return shapeOther
	case c.hasList && (c.quant == rules.QuantNone || c.anyHit()):
		return shapeList
	case c.hasList:
		return shapeOther // quantifier all, at_least: distinct hits counted
	case len(c.allOf) > 0:
		return shapeAllOf
	case len(c.anyOf) > 0:
		return shapeAnyOf
	case c.not != nil:
		return shapeNot
	case c.minLen > 0 || c.maxLen > 0:
		return shapeLength
	}
	return shapeAdmits
}

// gateList is a phrase list of a condition's gate, with the roles whose
// messages it is asked about: those of the condition holding the list or,
// if it has none, of the nearest enclosing one (up to the gated condition)
// with some (0: any). A message of another role cannot meet that part of
// the condition, and its text was not scanned for the list.
type gateList struct {
	list  match.ListID
	roles lint.RoleSet
}

// gateOf works out a condition's gate (cond.gate), its parts compiled: a
// list that must have a hit (its own, quantifier any, at_least or all of a
// non-empty list), else the gate of a part all_of requires, else, when every
// alternative of any_of has one, all of theirs. None for a condition that
// can hold without a phrase hit.
func gateOf(c *cond) []gateList {
	if c.hasList && c.quant != rules.QuantNone && (c.quant != rules.QuantAll || c.items > 0) {
		// any: a hit; at_least n > 0 or all of n > 0 items: n distinct hits
		return []gateList{{c.list, c.roles}}
	}
	// the parts' gates, with this condition's roles where a part has none
	inherit := func(g []gateList) []gateList {
		out := make([]gateList, len(g))
		for k, e := range g {
			if e.roles == 0 {
				e.roles = c.roles
			}
			out[k] = e
		}
		return out
	}
	for _, sub := range c.allOf {
		if len(sub.gate) > 0 {
			return inherit(sub.gate)
		}
	}
	if len(c.anyOf) == 0 {
		return nil
	}
	var g []gateList
	for _, sub := range c.anyOf {
		if len(sub.gate) == 0 {
			return nil
		}
		g = append(g, sub.gate...)
	}
	return inherit(g)
}

// mayHold reports whether the condition may hold for message i: false when
// it has a gate none of whose lists matches the message (among those asked
// about its role). Most messages match none of the phrases a condition asks
// for, and the test (match.Text.Has, inlined) settles them without
// evaluating it.
func (c *cond) mayHold(cv *Conv, i int) bool {
	if len(c.gate) == 0 {
		return true
	}
	t, role := &cv.Texts[i], cv.Messages[i].Role
	for _, g := range c.gate {
		if (g.roles == 0 || g.roles.Has(role)) && t.Has(g.list) {
			return true
		}
	}
	return false
}

// gateBits is cond.gateBits of a gate.
func gateBits(gate []gateList) uint64 {
	var bits uint64
	for _, g := range gate {
		b := listBit(g.list)
		if b == 0 {
			return 0
		}
		bits |= b
	}
	return bits
}

// candidates returns, in order and in dst's storage, the messages of the
// conversation that the condition admits and may hold for (mayHold): the
// only ones a loop over every message needs to evaluate it for. It walks
// the messages of the condition's roles alone (its selection, selKey), with mayHold
// written out and no call on the way (no append).
func (c *cond) candidates(cv *Conv, dst []int32) []int32 {
	// the selection at the condition's slot, without a call (selAt)
	var sel []int32
	var may uint64
	if s := cv.slotAt(c.slot, c.sel); s != nil {
		sel, may = s.idx, s.may
	} else {
		sel, may = cv.selKeyMay(c.sel)
	}
	bits := c.gateBits
	if bits != 0 && may&bits == 0 {
		// no message of the selection may hold a list of the gate
		return dst[:0]
	}
	if cap(dst) < len(sel) {
		dst = make([]int32, len(sel))
	}
	dst = dst[:len(sel)]
	n := 0
	// read once: the loop has calls (Text.Has's slow path), across which
	// the compiler would load them again
	ms, texts, typ, gate, mays := cv.Messages, cv.Texts, c.typ, c.selGate, cv.may
	if typ == "" && len(gate) == 1 && gate[0].roles == 0 && bits != 0 {
		// the usual gate, one list, in a loop of its own: with less to
		// keep, the compiler keeps it in registers; a message whose mask
		// (side by side with the others') rules the list out is passed
		// over without looking at its Text
		id := gate[0].list
		for _, j := range sel {
			if mays[j]&bits != 0 && texts[j].Has(id) {
				dst[n] = j
				n++
			}
		}
		return dst[:n]
	}
	if typ == "" && len(gate) == 2 && gate[0].roles == 0 && gate[1].roles == 0 && bits != 0 {
		// two lists (any_of of two conditions with phrases), as above
		a, b := gate[0].list, gate[1].list
		for _, j := range sel {
			if mays[j]&bits == 0 {
				continue
			}
			if t := &texts[j]; t.Has(a) || t.Has(b) {
				dst[n] = j
				n++
			}
		}
		return dst[:n]
	}
	for _, j := range sel {
		// the roles and spoken are the selection's: the type is left to ask
		if typ != "" && ms[j].Type != typ {
			continue
		}
		if bits != 0 && mays[j]&bits == 0 {
			continue
		}
		if len(gate) > 0 {
			t, may := &texts[j], false
			for _, g := range gate {
				if (g.roles == 0 || g.roles.Has(ms[j].Role)) && t.Has(g.list) {
					may = true
					break
				}
			}
			if !may {
				continue
			}
		}
		dst[n] = j
		n++
	}
	return dst[:n]
}

// useSlot gives the condition's selection a slot (Conv.selAt), for a
// check that asks for its candidates in every conversation.
func (c *cond) useSlot(b *builder) { c.slot = b.slot(c.sel) }

// selGateOf is the gate of a condition as candidates asks it, of the
// messages of its own roles: without the role tests those pass anyway.
func selGateOf(c *cond) []gateList {
	if c.roles == 0 {
		return c.gate
	}
	out := make([]gateList, len(c.gate))
	for k, g := range c.gate {
		if g.roles&c.roles == c.roles {
			g.roles = 0
		}
		out[k] = g
	}
	return out
}

// cond compiles a condition. roles is the default role filter of a top-level
// condition (0 for nested ones, which look at the text only); scan is the set
// of roles whose messages the condition's phrase lists must be scanned in.
func (b *builder) cond(s *rules.Side, roles lint.RoleSet, scan lint.RoleSet, top bool) *cond {
	c := &cond{roles: roleSet(s.Role, roles), typ: s.Type, quant: s.Quantifier, atLeast: s.AtLeast,
		minLen: s.MinLength, maxLen: s.MaxLength, phrases: s.Phrases}
	if len(s.Role) == 0 && !top {
		c.roles = 0
	}
	c.spoken = top && s.Type == ""
	if c.roles != 0 {
		scan = c.roles
	}
	if s.HasList() {
		c.hasList = true
		c.items = len(s.Phrases) + len(s.Patterns)
		mode := s.Match
		if mode == "" {
			mode = b.match // the rule's, for all its phrase lists
		}
		c.list = b.phraseList(s.Phrases, s.Patterns, s.Except, s.ExceptPatterns, mode, scan)
	}
	for _, p := range s.StartsWith {
		c.starts = append(c.starts, match.NormalizePhrase(p))
	}
	for _, p := range s.EndsWith {
		c.ends = append(c.ends, match.NormalizePhrase(p))
	}
	if len(s.PII) > 0 {
		for _, k := range s.PII {
			c.pii |= redact.SetOf(redact.Kind(k))
		}
	}
	for _, sub := range s.AllOf {
		c.allOf = append(c.allOf, b.cond(sub, 0, scan, false))
	}
	for _, sub := range s.AnyOf {
		c.anyOf = append(c.anyOf, b.cond(sub, 0, scan, false))
	}
	if s.Not != nil {
		c.not = b.cond(s.Not, 0, scan, false)
	}
	c.gate = gateOf(c)
	c.selGate = selGateOf(c)
	c.ownGate = len(c.gate) == 1 && c.hasList && c.gate[0].list == c.list
	c.gateBits = gateBits(c.gate)
	c.sel, c.slot = selKey(c.roles, c.spoken), -1
	c.shape = shapeOf(c)
	c.settled = c.ownGate && c.shape == shapeList && c.anyHit()
	return c
}

// distinctItems counts the different phrases and patterns among hits (a
// message holds few hits: a quadratic scan beats a set).
func distinctItems(hits []match.Hit) int {
	n := 0
	for i, h := range hits {
		seen := false
		for _, g := range hits[:i] {
			if g.Phrase == h.Phrase && g.Pattern == h.Pattern {
				seen = true
				break
			}
		}
		if !seen {
			n++
		}
	}
	return n
}

// eval reports whether message i meets the condition, with the phrase hit
// that supports it (nil when the condition holds without one).
func (c *cond) eval(cv *Conv, i int) (bool, *match.Hit) { return c.evalGated(cv, i, true) }

// holds reports whether message i meets the condition, without working out
// the hit that supports it.
func (c *cond) holds(cv *Conv, i int) bool {
	if !c.admits(&cv.Messages[i]) {
		return false
	}
	// (see evalGated)
	if !c.ownGate && !c.mayHold(cv, i) {
		return false
	}
	return c.test(cv, i)
}

// test is evalNeed without needHit, for a message the condition admits:
// a condition of one part (cond.shape) is settled with that part's test
// alone, without evalNeed asking about every other part in turn (an
// ignore condition of a latency rule, any_of four conditions of one part
// each, is asked about each late answer's messages).
func (c *cond) test(cv *Conv, i int) bool {
	switch c.shape {
	case shapeAdmits:
		return true
	case shapeList:
		return cv.Texts[i].Has(c.list) != (c.quant == rules.QuantNone)
	case shapeAnyOf:
		for _, sub := range c.anyOf {
			if sub.admits(&cv.Messages[i]) && sub.test(cv, i) {
				return true
			}
		}
		return false
	case shapeAllOf:
		for _, sub := range c.allOf {
			if !sub.admits(&cv.Messages[i]) || !sub.test(cv, i) {
				return false
			}
		}
		return true
	case shapeNot:
		return !c.not.holds(cv, i)
	case shapeLength:
		return c.lengthOK(cv.Messages[i].Text)
	}
	ok, _ := c.evalNeed(cv, i, false)
	return ok
}

// evalGated is evalNeed for a message the condition admits and may hold
// for (mayHold), which settles most messages without the call.
func (c *cond) evalGated(cv *Conv, i int, needHit bool) (bool, *match.Hit) {
	if !c.admits(&cv.Messages[i]) {
		return false, nil
	}
	// a gate of the condition's own list is what evalNeed asks first: the
	// gate would only ask it twice (match.Text.Has does the work again)
	if !c.ownGate && !c.mayHold(cv, i) {
		return false, nil
	}
	return c.evalNeed(cv, i, needHit)
}

// anyHit reports whether the condition's list only asks for some hit.
func (c *cond) anyHit() bool {
	return c.quant != rules.QuantNone && c.quant != rules.QuantAll && c.atLeast <= 0
}

// evalNeed is eval; without needHit the supporting hit may be left out, so
// that a list which only has to match somewhere is settled by its first
// match (match.Text.Has) instead of all of them in text order.
func (c *cond) evalNeed(cv *Conv, i int, needHit bool) (bool, *match.Hit) {
	m := &cv.Messages[i]
	if !c.admits(m) {
		return false, nil
	}
	var hit *match.Hit
	switch {
	case c.hasList && !needHit && (c.quant == rules.QuantNone || c.anyHit()):
		if cv.Texts[i].Has(c.list) == (c.quant == rules.QuantNone) {
			return false, nil
		}
	case c.hasList:
		hits := cv.Hits(i, c.list)
		if len(hits) > 0 {
			hit = cv.keepHit(&hits[0])
		}
		ok := false
		switch {
		case c.quant == rules.QuantNone:
			ok, hit = len(hits) == 0, nil
		case c.quant == rules.QuantAll:
			ok = distinctItems(hits) == c.items
		case c.atLeast > 0:
			ok = distinctItems(hits) >= c.atLeast
		default:
			ok = len(hits) > 0
		}
		if !ok {
			return false, nil
		}
	}
	if len(c.starts) > 0 || len(c.ends) > 0 {
		t := cv.Texts[i].Normalized()
		if len(c.starts) > 0 && !startsWithAny(t, c.starts) {
			return false, nil
		}
		if len(c.ends) > 0 && !endsWithAny(t, c.ends) {
			return false, nil
		}
	}
	if (c.minLen > 0 || c.maxLen > 0) && !c.lengthOK(m.Text) {
		return false, nil
	}
	if c.pii != 0 {
		// the normalised text, as the pii rule reads it: a number in
		// full-width digits (１３８…) or with a zero-width space inside is
		// the same number; the hit quotes it as written
		t := &cv.Texts[i]
		text := t.Normalized()
		if !redact.MayFind(text, c.pii) {
			return false, nil
		}
		found := false
		for _, sp := range redact.FindKinds(text, c.pii) {
			if c.pii.Has(sp.Kind) {
				found = true
				if hit == nil {
					start, end := sp.Start, sp.End
					if text != m.Text {
						start, end = t.OrigSpan(start, end)
					}
					hit = &match.Hit{Start: start, End: end, Phrase: -1, Pattern: -1, Text: m.Text[start:end],
						Column: utf8.RuneCountInString(m.Text[:start]) + 1}
				}
				break
			}
		}
		if !found {
			return false, nil
		}
	}
	for _, sub := range c.allOf {
		ok, h := sub.evalNeed(cv, i, needHit && hit == nil)
		if !ok {
			return false, nil
		}
		if hit == nil {
			hit = h
		}
	}
	if len(c.anyOf) > 0 {
		any := false
		for _, sub := range c.anyOf {
			if ok, h := sub.evalNeed(cv, i, needHit && hit == nil); ok {
				any = true
				if hit == nil {
					hit = h
				}
				break
			}
		}
		if !any {
			return false, nil
		}
	}
	if c.not != nil {
		if c.not.holds(cv, i) {
			return false, nil
		}
	}
	return true, hit
}

// lengthOK reports whether text has from min_length to max_length
// characters, white space around it aside.
func (c *cond) lengthOK(text string) bool {
	t := trimSpace(text)
	// no more characters than bytes, nor more than four bytes a
	// character (an invalid byte is one): a short text within
	// max_length, or a long one past min_length, needs no counting
	if c.minLen > 0 && len(t) < 4*c.minLen || c.maxLen > 0 && len(t) > c.maxLen {
		if n := runeCount(t); n < c.minLen || (c.maxLen > 0 && n > c.maxLen) {
			return false
		}
	}
	return true
}

// admits reports whether message m is of the role and type the condition
// looks at: the condition's first tests, which most messages fail. Loops
// over every message ask it (inlined) before calling eval, saving the call.
func (c *cond) admits(m *lint.Message) bool {
	return (c.roles == 0 || c.roles.Has(m.Role)) && (c.typ == "" || m.Type == c.typ) && (!c.spoken || spoken(m))
}

// trimmable is what a message's start or end may carry before the words a
// starts_with / ends_with condition looks for: spaces and punctuation.
func trimmable(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) }

// startsWithAny reports whether s starts with one of list once any part of
// the trimmable characters it starts with is set aside: 「非常抱歉」 starts
// with 非常抱歉, and 【通知】请 with 【通知】, an entry's own punctuation.
func startsWithAny(s string, list []string) bool {
	for i := 0; ; {
		if hasAny(s[i:], list, strings.HasPrefix) {
			return true
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if n == 0 || !trimmable(r) {
			return false
		}
		i += n
	}
}

// endsWithAny reports whether s ends with one of list once any part of the
// trimmable characters it ends with is set aside: 还有别的问题吗？ ends with
// 吗, and with 吗？, an entry's own punctuation, as 在吗？😊 does.
func endsWithAny(s string, list []string) bool {
	for j := len(s); ; {
		if hasAny(s[:j], list, strings.HasSuffix) {
			return true
		}
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if n == 0 || !trimmable(r) {
			return false
		}
		j -= n
	}
}

func hasAny(s string, list []string, f func(s, p string) bool) bool {
	for _, p := range list {
		if f(s, p) {
			return true
		}
	}
	return false
}

// describe says in a few words what the condition asks for, for default
// finding messages: 含「无法」「不能」等, 以「非常抱歉」等开头, ….
func (c *cond) describe() string {
	var parts []string
	quote := func(ps []string) string {
		if len(ps) > 3 {
			ps = ps[:3]
		}
		return "「" + strings.Join(ps, "」「") + "」"
	}
	if c.typ != "" {
		parts = append(parts, "是 "+c.typ+" 类消息")
	}
	if c.hasList {
		q := "含" + quote(c.phrases)
		if len(c.phrases) == 0 {
			q = "符合规定的说法"
		}
		switch {
		case c.quant == rules.QuantNone:
			q = "不含" + quote(c.phrases)
		case c.quant == rules.QuantAll:
			q = "同时含" + quote(c.phrases)
		case c.atLeast > 1:
			q = "至少含" + quote(c.phrases) + "等中的" + itoa(c.atLeast) + "个"
		case len(c.phrases) > 1:
			q += "等"
		}
		parts = append(parts, q)
	}
	if len(c.starts) > 0 {
		parts = append(parts, "以"+quote(c.starts)+"等开头")
	}
	if len(c.ends) > 0 {
		parts = append(parts, "以"+quote(c.ends)+"等结尾")
	}
	if c.minLen > 0 {
		parts = append(parts, "不少于"+itoa(c.minLen)+"字")
	}
	if c.maxLen > 0 {
		parts = append(parts, "不超过"+itoa(c.maxLen)+"字")
	}
	if c.pii != 0 {
		parts = append(parts, "含个人信息")
	}
	for _, sub := range c.allOf {
		parts = append(parts, sub.describe())
	}
	if len(c.anyOf) > 0 {
		var alts []string
		for _, sub := range c.anyOf {
			alts = append(alts, sub.describe())
		}
		parts = append(parts, strings.Join(alts, "或"))
	}
	if c.not != nil {
		parts = append(parts, "不"+c.not.describe())
	}
	if len(parts) == 0 && c.roles != 0 {
		// a condition of a role alone (any_of: [{role: bot}, …])
		parts = append(parts, "是"+roleWords(c.roles)+"的消息")
	}
	return strings.Join(parts, "且")
}

// roleWords names the roles of a set in Chinese: 客服或机器人.
func roleWords(s lint.RoleSet) string {
	var out []string
	for r := lint.Customer; r <= lint.System; r++ {
		if s.Has(r) {
			out = append(out, r.Chinese())
		}
	}
	return strings.Join(out, "或")
}

func itoa(n int) string { return strconv.Itoa(n) }

// lists appends, for `chatlint explain`, the phrase list of the condition
// and those of every condition nested in it (all_of, any_of, not), each
// named by where it sits: trigger, trigger › any_of[1] › all_of[0],
// trigger › not. A list with a quantifier other than any says so after its
// place: when [quantifier: none]. roles are the roles whose messages the
// enclosing conditions look at; the condition's own role filter narrows them.
func (c *cond) lists(path string, roles lint.RoleSet, out []PhraseList) []PhraseList {
	if c == nil {
		return out
	}
	if c.roles != 0 {
		roles &= c.roles
	}
	if c.hasList {
		name := path
		switch {
		case c.quant == rules.QuantNone || c.quant == rules.QuantAll:
			name += " [quantifier: " + c.quant + "]"
		case c.atLeast > 0:
			name += " [at_least: " + itoa(c.atLeast) + "]"
		}
		out = append(out, PhraseList{Name: name, ID: c.list, Roles: roles})
	}
	for k, sub := range c.allOf {
		out = sub.lists(path+listSep+"all_of["+itoa(k)+"]", roles, out)
	}
	for k, sub := range c.anyOf {
		out = sub.lists(path+listSep+"any_of["+itoa(k)+"]", roles, out)
	}
	if c.not != nil {
		out = c.not.lists(path+listSep+"not", roles, out)
	}
	return out
}

// listSep separates the steps of a PhraseList's Name.
const listSep = " › "

// Against tells whether a hit in the list counts against a condition rather
// than for it: when the list sits under a `not` (trigger › any_of[1] › not)
// or its quantifier is none. of is the condition the hit counts against, the
// one holding the innermost such negation (trigger › any_of[1]); how is
// "not" or "quantifier: none". Both are "" for a list whose hits count for
// its condition.
func (pl PhraseList) Against() (of, how string) {
	if name, ok := strings.CutSuffix(pl.Name, " [quantifier: "+rules.QuantNone+"]"); ok {
		return name, "quantifier: " + rules.QuantNone
	}
	steps := strings.Split(pl.Name, listSep)
	for k := len(steps) - 1; k > 0; k-- {
		if steps[k] == "not" || strings.HasPrefix(steps[k], "not [") {
			return strings.Join(steps[:k], listSep), "not"
		}
	}
	return "", ""
}
