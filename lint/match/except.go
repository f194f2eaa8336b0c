package match

import (
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// exceptPattern is a compiled except pattern (ListSpec.ExceptPatterns).
type exceptPattern struct {
	re *lazyRegexp
	// overlapping is true when the pattern's matches can be searched for
	// from every character on: nothing in it looks at what comes before the
	// match (^, \A, \b, \B). Otherwise a search of the whole text finds its
	// matches (leftmost first, non-overlapping).
	overlapping bool
	// need are sets of literals (case-folded as normalised text is) every
	// match holds one of each of (requiredLiteralSets): a text that lacks
	// one set is not searched. nil: no set is known.
	need [][]string
	// near, for an overlapping pattern whose matches are at most width
	// bytes long: the pattern anchored at its start (^(?:…)). Whether a
	// candidate [start, end) lies in a match is then asked of the
	// positions from end-width to start only, each tried anchored (the
	// match the search of the whole text finds at a position is the one
	// the anchored pattern finds there), instead of searching the whole
	// text for every match: most of a text is far from its candidates.
	// It is compiled on first use.
	near  *lazyNear
	width int
	// first, when known, are the characters a match of a near pattern can
	// start with: a position starting with another is not tried
	first *runeSet
	// lazy works out the fields above but re once per process, when a
	// Matcher's texts first ask about the list's except patterns
	// (Matcher.compileForms sets them): most lists' except patterns are
	// never asked about in a run, and working them out (the literal sets,
	// the width, the first characters) is most of an except pattern's
	// start-up. Until then they are zero. (The near pattern's regexp waits
	// longer still: lazyNear.)
	lazy *exceptLazy
}

// exceptLazy works out, from np, an except pattern normalised, the fields
// of its exceptPattern but re, on first use (get). It is shared by the
// Matchers built from the same compiled pattern.
type exceptLazy struct {
	np   string
	re   *lazyRegexp // the pattern's own (lazyNear.whole)
	once sync.Once
	ep   exceptPattern
}

// get works out the fields, once.
func (l *exceptLazy) get() *exceptPattern {
	l.once.Do(l.workOut)
	return &l.ep
}

// workOut works out the fields (get).
func (l *exceptLazy) workOut() {
	np, ep := l.np, &l.ep
	// (the anchors of np are those of re, (?i) aside: np's tree is most
	// often the pattern's own, parsed already)
	tree, err := parsePattern(np)
	if err != nil {
		return // (searched as it is, in every text)
	}
	ep.overlapping = true
	walk(tree, func(n *syntax.Regexp) {
		switch n.Op {
		case syntax.OpBeginLine, syntax.OpBeginText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
			ep.overlapping = false
		}
	})
	// (simplified once for the gate, the width and the first characters)
	simple := tree.Simplify()
	ep.need = exceptGate(simple)
	if ep.overlapping {
		// (a pattern that never matches has width 0: searched as it is)
		if w := maxWidth(simple); w > 0 && w <= maxNearWidth {
			ep.near, ep.width = &lazyNear{src: "(?i)^(?:" + np + ")", whole: l.re}, w
			if ranges, ok := nearFirst(np, simple); ok {
				if set := runeSetOf(ranges); set.size <= maxFirstSet {
					ep.first = set
				}
			}
		}
	}
}

// resolve sets the fields of ep that lazy works out.
func (ep *exceptPattern) resolve() {
	if ep.lazy == nil {
		return
	}
	d := ep.lazy.get()
	ep.overlapping, ep.need, ep.near, ep.width, ep.first = d.overlapping, d.need, d.near, d.width, d.first
}

// lazyNear is the near pattern of an except pattern (exceptPattern.near),
// compiled on first use: most of a pack's except patterns never get as far
// as a try on an input (their literals' gates fail first: 28 of the 42 of
// the default pack on 10 MB of generated chats), and compiling one costs
// about as much as parsing it under (?i), its large classes folded. It is
// compiled for the backtracker (btProg), as the anchored tries of windows
// are: a try near a candidate is short, and the regexp package's run of it
// cost more in setting up than in matching.
type lazyNear struct {
	src  string // "(?i)^(?:" + the normalised pattern + ")"
	once sync.Once
	bt   *btProg
	// whole is the except pattern's own regexp: were src not to compile
	// (it does, the pattern being valid), a try would run whole, keeping a
	// match that begins at the try's position (the one the anchored
	// pattern finds there: leftmost first)
	whole *lazyRegexp
}

// String returns the near pattern's source.
func (n *lazyNear) String() string { return n.src }

// find returns the match of the near pattern at the start of in
// (FindStringIndex of the anchored pattern), or nil; st is the scratch
// space of the backtracker, whose result is valid until its next run.
func (n *lazyNear) find(st *btState, in string) []int {
	n.once.Do(n.compile)
	if n.bt != nil {
		return n.bt.find(st, in, 2)
	}
	if loc := n.whole.FindStringIndex(in); loc != nil && loc[0] == 0 {
		return loc
	}
	return nil
}

// compile compiles the near pattern for the backtracker (find), from its
// source parsed as regexp.Compile parses it; n.bt stays nil if it does
// not compile.
func (n *lazyNear) compile() {
	tree, err := parsePattern(n.src)
	if err != nil {
		return
	}
	if p, err := compileBTTree(tree, nil); err == nil {
		p.src = n.src // (the regexp, for an input too long for the backtracker)
		n.bt = p
	}
}

// maxNearWidth bounds the width of the matches of a pattern tried at the
// positions near a candidate (exceptPattern.near).
const maxNearWidth = 256

// nearRun is what covers uses of an except pattern besides the pattern
// (Matcher.nearRuns).
type nearRun struct {
	// near: the pattern is a near pattern (exceptPattern.near is set)
	near bool
	// bounded: the pattern has no end assertion ($, \z), so a try at s
	// runs on the text up to s+width only: its matches are no wider, and
	// nothing in it looks past them (the regexp's backtracker clears a
	// bit per instruction and byte of its input first)
	bounded bool
	// gate are the sets of need (but those with an empty literal, which
	// every text holds)
	gate []gateSet
}

// gateSet is a set of literals of exceptPattern.need.
type gateSet struct {
	lits []string
	sigs []charSig // of each literal
	// may are the distinct sigs a text's characters are asked about
	// (mayHold): those of the literals but the ones another's implies
	// (清楚您的需求 and 清楚你的问题 ask the same two bits; 还有 asks 有's
	// and one more), so that a set of forty literals costs ten tests
	may []charSig
	// look: the literals are few enough to be looked for near the
	// candidate (maxNearLiterals); a larger set is only asked of the
	// text's characters
	look bool
}

// fewerSigs returns the sigs a text holds one of exactly when it holds
// one of sigs, as far as a charBloom tells (charBloom.may): each once,
// without those whose characters hold another's (a text with both
// characters of one has the character of the other).
func fewerSigs(sigs []charSig) []charSig {
	// within reports whether a's characters are among b's
	within := func(a, b charSig) bool {
		return (a.first == b.first || a.first == b.last) && (a.last == b.first || a.last == b.last)
	}
	var out []charSig
	for i, s := range sigs {
		implied := false
		for j, o := range sigs {
			// another's characters among s's: s adds nothing (of two
			// with the same characters, the first is kept)
			if j != i && within(o, s) && (j < i || !within(s, o)) {
				implied = true
				break
			}
		}
		if !implied {
			out = append(out, s)
		}
	}
	return out
}

// nearRuns returns, by list, the nearRun of each except pattern, each
// list's worked out when a text first asks about its except patterns
// (compileForms): use nearRunsOf. m.exceptLen is worked out on the first
// call.
func (m *Matcher) nearRuns() [][]nearRun {
	// (small enough to inline: a text asks it for every candidate)
	m.nearOnce.Do(m.workOutNear)
	return m.near
}

// workOutNear works out m.exceptLen and makes m.near (nearRuns).
func (m *Matcher) workOutNear() {
	m.exceptLen = make([]int, len(m.lists))
	for k, us := range m.uses {
		for _, u := range us {
			if u.phrase == useExcept {
				m.exceptLen[u.list] = max(m.exceptLen[u.list], len(m.keys[k]))
			}
		}
	}
	m.near = make([][]nearRun, len(m.lists))
}

// nearRunsOf returns the nearRun of each except pattern of list id, its
// except patterns worked out first (exceptPattern.lazy): whatever asks
// about list id's except patterns asks this first.
func (m *Matcher) nearRunsOf(id ListID) []nearRun {
	if !m.formsDone[id].Load() {
		m.compileForms(id)
	}
	return m.nearRuns()[id]
}

// compileForms works out list id's except patterns (exceptPattern.lazy)
// and their nearRuns, once.
func (m *Matcher) compileForms(id ListID) {
	near := m.nearRuns()
	m.formOnce[id].Do(func() {
		ex := m.lists[id].except
		runs := make([]nearRun, len(ex))
		for i := range ex {
			ep, r := &ex[i], &runs[i]
			ep.resolve()
			if ep.near != nil {
				r.near = true
				src := ep.near.String()
				r.bounded = !strings.Contains(src, "$") && !strings.Contains(src, `\z`)
			}
		sets:
			for _, set := range ep.need {
				g := gateSet{lits: set, sigs: make([]charSig, len(set)), look: len(set) <= maxNearLiterals}
				for j, lit := range set {
					if lit == "" {
						continue sets
					}
					g.sigs[j] = sigOf(lit)
				}
				g.may = fewerSigs(g.sigs)
				r.gate = append(r.gate, g)
			}
			// the sets with fewest tests first: mayHold stops at the
			// first set the text lacks, covers at the first it finds none
			// of near the candidate (a set of 不 alone, which the phrase
			// itself holds, costs one test)
			slices.SortStableFunc(r.gate, func(a, b gateSet) int { return len(a.may) - len(b.may) })
		}
		near[id] = runs
	})
	m.formsDone[id].Store(true)
}

// excepted reports whether the candidate [start, end) of list id lies
// inside an except context: whether exceptContext would return one, found
// without working out which (the first context found to cover it settles
// it), the near patterns only among those whose literals the text may hold
// (nearPassing).
func (t *Text) excepted(id ListID, start, end int) bool {
	m := t.m
	// nearRunsOf, written out: asked for every candidate
	if !m.formsDone[id].Load() {
		m.compileForms(id)
	}
	runs := m.nearRuns()[id]
	if n := m.exceptLen[id]; n > 0 && t.exceptPhrase(id, start, end, n) {
		return true
	}
	l := &m.lists[id]
	if len(l.except) == 0 {
		return false
	}
	e := t.listMemo(l)
	if e.nearDone != nearAll {
		t.nearPassing(e, runs)
	}
	for _, i := range e.passing {
		if _, found := l.except[i].covers(&runs[i], &t.chars, &t.bt, t.norm.Text, start, end); found {
			return true
		}
	}
	_, ok := t.exceptSpans(e, id).covering(start, end)
	return ok
}

// exceptPhrase reports whether an occurrence of an except phrase of list
// id covers [start, end); n is the length of the list's longest except
// phrase (Matcher.exceptLen), which bounds how far past start such an
// occurrence ends. The automaton's hits come in the order of their ends: a
// search, not a scan of every hit for every candidate.
func (t *Text) exceptPhrase(id ListID, start, end, n int) bool {
	raw := t.raw
	i := sort.Search(len(raw), func(i int) bool { return int(raw[i].end) >= end })
	for _, h := range raw[i:] {
		if int(h.end) > start+n {
			break
		}
		if int(h.start) > start || !t.m.keyIn(h.key, id) {
			continue
		}
		for _, u := range t.m.uses[h.key] {
			if u.list == id && u.phrase == useExcept {
				return true
			}
		}
	}
	return false
}

// nearPassing works out, for the list of e (whose except patterns' nearRuns
// are runs), what each near pattern's gate says of the text (as
// exceptContext asks it) and notes those that pass in e.passing: a text
// asks about many candidates, and most near patterns fail their gate,
// which is then not asked again for each.
func (t *Text) nearPassing(e *exceptSpans, runs []nearRun) {
	e.passing = e.passing[:0]
	for i := range runs {
		if !runs[i].near {
			continue
		}
		if !t.charsDone {
			t.chars.set(t.norm.Text)
			t.charsDone = true
		}
		if runs[i].mayHold(&t.chars) {
			e.passing = append(e.passing, int32(i))
		}
	}
	e.nearDone = nearAll
}

// charBloom is a set of the characters of a text, each by the low 9 bits
// of its code point: a character whose bit is clear is not in the text.
type charBloom [8]uint64

// set makes b the set of the characters of text (valid UTF-8, as
// normalised text is).
func (b *charBloom) set(text string) {
	var w charBloom
	for i := 0; ; {
		// two three-byte characters at a time (most of Chinese text): a
		// character's bit is in the word of its second byte's low 3 bits,
		// at its third byte's low 6 (a shift takes those alone)
		for i+8 <= len(text) {
			v := load64(text, i)
			if v&0xC0C0F0C0C0F0 != 0x8080E08080E0 {
				break
			}
			w[v>>8&7] |= 1 << (v >> 16 & 63)
			w[v>>32&7] |= 1 << (v >> 40 & 63)
			i += 6
		}
		if i >= len(text) {
			break
		}
		c := text[i]
		var k uint
		switch {
		case c < utf8.RuneSelf:
			k = uint(c)
			i++
		case c >= 0xe0 && c < 0xf0 && i+2 < len(text):
			// (the low 9 bits of a code point are in its last two bytes)
			k = uint(text[i+1]&7)<<6 | uint(text[i+2]&0x3f)
			i += 3
		default:
			n := 2
			if c >= 0xe0 {
				n = 3 + int(c>>4&1)
			}
			if i+n > len(text) {
				i = len(text)
				continue
			}
			k = uint(text[i+n-2]&7)<<6 | uint(text[i+n-1]&0x3f)
			i += n
		}
		w[k>>6&7] |= 1 << (k & 63)
	}
	*b = w
}

// charSig is the bits of a charBloom of the first and last characters of
// a literal.
type charSig struct{ first, last uint16 }

// sigOf returns the charSig of literal lit (not empty).
func sigOf(lit string) charSig {
	r, _ := utf8.DecodeRuneInString(lit)
	l, _ := utf8.DecodeLastRuneInString(lit)
	return charSig{uint16(r & 511), uint16(l & 511)}
}

// may reports whether a text with the characters of b may hold the literal
// of s.
func (b *charBloom) may(s charSig) bool {
	return b[s.first>>6&7]>>(s.first&63)&(b[s.last>>6&7]>>(s.last&63))&1 != 0
}

// mayHold reports whether a text with the characters of chars may hold a
// literal of each set of run's gate, as far as the characters tell: else
// no match of the pattern is in it. It does not depend on the candidate: a
// text asks it once per except pattern (nearPassing), and covers only
// after it said yes.
func (run *nearRun) mayHold(chars *charBloom) bool {
	for k := range run.gate {
		g := &run.gate[k]
		found := false
		for j := range g.may {
			if chars.may(g.may[j]) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// holds reports whether text (normalised), whose characters are chars,
// holds a literal of each set of ep.need, ep the except pattern of run:
// else the pattern cannot match it. Most except patterns ask for a
// condition, a quote or a word around the phrase (如果, 的话, “), which most
// texts with the phrase lack; a search costs far more than looking for a
// few literals. (A set with an empty literal, which every text holds, is
// not in run's gate.) The characters are asked first, by the caller
// (mayHold) and of each literal: most of the literals a text lacks have a
// character it lacks (of the 292 texts of 10 MB of generated chats asked
// about each of negative-language's two patterns searched in the whole
// text, 4 and 2 hold a literal of each set), and looking for every literal
// in the whole text cost 2,000 instructions a text.
func (run *nearRun) holds(chars *charBloom, text string) bool {
	for k := range run.gate {
		if !run.gate[k].in(chars, text) {
			return false
		}
	}
	return true
}

// in reports whether s, a text whose characters are chars or a piece of
// it, holds a literal of g: only those whose characters the text may hold
// are looked for.
func (g *gateSet) in(chars *charBloom, s string) bool {
	for j := range g.sigs {
		if chars.may(g.sigs[j]) && strings.Contains(s, g.lits[j]) {
			return true
		}
	}
	return false
}

// covers returns the match of a near pattern that covers [start, end) in
// text, the one that ends last (the first of them), or ok false. run is
// the pattern's nearRun, chars the characters of the text, for which
// run.mayHold said yes, st the scratch space of the tries.
func (ep *exceptPattern) covers(run *nearRun, chars *charBloom, st *btState, text string, start, end int) (span [2]int32, ok bool) {
	// such a match starts at end-width or after and ends by start+width:
	// without a literal of each set of ep.need in there, there is none
	// (most texts lack the quote, the 如果 or the 的话 of an except
	// pattern). A literal whose characters the text lacks is not looked
	// for (most, and whole sets, are not); looking for a few others near
	// the candidate costs less than the tries, though looking for many
	// costs more.
	if len(run.gate) > 0 {
		lo, hi := max(0, end-ep.width), min(len(text), start+ep.width)
		if lo > hi {
			return span, false // (the candidate is wider than any match: no try below either)
		}
		// (the characters of every set were asked first: mayHold) the few
		// literals near the candidate
		near := text[lo:hi]
		for k := range run.gate {
			if g := &run.gate[k]; g.look && !g.in(chars, near) {
				return span, false
			}
		}
	}
	from := max(0, end-ep.width)
	for from > 0 && from < len(text) && !utf8.RuneStart(text[from]) {
		from-- // (the start of the character: a match may start there)
	}
	for s := from; s <= start && s < len(text); {
		r, size := rune(text[s]), 1
		if r >= utf8.RuneSelf {
			if r3, ok := decodeRune3(text, s); ok {
				r, size = r3, 3
			} else {
				r, size = utf8.DecodeRuneInString(text[s:])
			}
		}
		if ep.first == nil || ep.first.has(r) {
			in := text[s:]
			if run.bounded && ep.width < len(in) {
				// (whole characters: the try reads what it would in the
				// whole text)
				hi := ep.width
				for hi < len(in) && !utf8.RuneStart(in[hi]) {
					hi++
				}
				in = in[:hi]
			}
			loc := ep.near.find(st, in)
			if loc != nil && s+loc[1] >= end && (!ok || int32(s+loc[1]) > span[1]) {
				span, ok = [2]int32{int32(s), int32(s + loc[1])}, true
			}
		}
		s += size
	}
	return span, ok
}

// maxNearLiterals bounds the literals of a set of exceptPattern.need that
// covers looks for near a candidate before its tries (a larger set is
// only asked of the text's characters).
const maxNearLiterals = 5

// compileExceptPattern compiles an except pattern: the rest is worked out
// on first use (exceptPattern.lazy, resolve).
func compileExceptPattern(p string) (exceptPattern, error) {
	re, np, err := compilePattern(p)
	if err != nil {
		return exceptPattern{}, err
	}
	return exceptPattern{re: re, lazy: &exceptLazy{np: np, re: re}}, nil
}

// nearFirst returns the characters a match of the near pattern of the
// normalised except pattern np may begin with (firstRunes of "(?i)"+np,
// parsed), or ok false when it may match without consuming one. simple is
// np's tree (parsePattern), simplified. Parsing np anew under (?i) costs
// tens of thousands of instructions for each large class it holds
// ([^\s\p{P}\p{S}] and the like, folded range by range): the characters
// are worked out from np's own tree instead when (?i) cannot change them
// there (foldedFirstRunes), which most except patterns' are (Chinese
// words, quotes).
func nearFirst(np string, simple *syntax.Regexp) (ranges []rune, ok bool) {
	if !hasFlagGroup(np) {
		if nullable, known := foldedFirstRunes(simple, &ranges); known {
			return ranges, !nullable
		}
	}
	ranges = ranges[:0]
	ft, err := parsePattern("(?i)" + np)
	if err != nil || firstRunes(ft.Simplify(), &ranges) {
		return nil, false
	}
	return ranges, true
}

// hasFlagGroup reports whether pattern p may set flags of its own ((?i),
// (?-i:…), (?s) …): every "(?" but those of (?:…) and (?P<name>…) groups.
// It may say yes of a pattern that sets none (an escaped \( before a ?).
func hasFlagGroup(p string) bool {
	for i := 0; ; {
		k := strings.Index(p[i:], "(?")
		if k < 0 {
			return false
		}
		i += k + 2
		if i >= len(p) || p[i] != ':' && p[i] != 'P' {
			return true
		}
	}
}

// maxFoldCheck bounds the characters of the classes foldedFirstRunes looks
// through for case variants.
const maxFoldCheck = 512

// foldedFirstRunes is firstRunes of the tree of the same pattern parsed
// under (?i), worked out from re, the pattern's tree without it (and no
// flags set inside: hasFlagGroup): (?i) makes every literal match its case
// variants, and leaves a class none of whose characters has one as it is.
// known is false when a class at the start holds a character with case
// variants (or more than maxFoldCheck characters): the caller then parses
// the pattern under (?i).
func foldedFirstRunes(re *syntax.Regexp, ranges *[]rune) (nullable, known bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return false, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true, true
		}
		*ranges = foldRanges(*ranges, re.Rune[0], true)
		return false, true
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if n += int(hi-lo) + 1; n > maxFoldCheck {
				return false, false
			}
			for r := lo; r <= hi; r++ {
				if unicode.SimpleFold(r) != r {
					return false, false
				}
			}
		}
		*ranges = append(*ranges, re.Rune...)
		return false, true
	case syntax.OpAnyCharNotNL:
		*ranges = append(*ranges, 0, '\n'-1, '\n'+1, unicode.MaxRune)
		return false, true
	case syntax.OpAnyChar:
		*ranges = append(*ranges, 0, unicode.MaxRune)
		return false, true
	case syntax.OpCapture, syntax.OpPlus:
		return foldedFirstRunes(re.Sub[0], ranges)
	case syntax.OpStar, syntax.OpQuest:
		_, known = foldedFirstRunes(re.Sub[0], ranges)
		return true, known
	case syntax.OpRepeat:
		nullable, known = foldedFirstRunes(re.Sub[0], ranges)
		return nullable || re.Min == 0, known
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if n, k := foldedFirstRunes(sub, ranges); !k || !n {
				return n, k
			}
		}
		return true, true
	case syntax.OpAlternate:
		known = true
		for _, sub := range re.Sub {
			n, k := foldedFirstRunes(sub, ranges)
			nullable, known = nullable || n, known && k
		}
		return nullable, known
	}
	return true, true
}

// exceptGate returns the literal sets an except pattern's matches all hold
// (see exceptPattern.need), given its normalised tree, simplified: the most
// selective few, sets of single characters included (unlike the
// automaton's prefilter, which would find every occurrence of them, a text
// is looked through for them only when it has a phrase of the list).
func exceptGate(simple *syntax.Regexp) [][]string {
	sets := literalSets(simple)
	sort.SliceStable(sets, func(i, j int) bool { return better(sets[i].lits, sets[j].lits) })
	var need [][]string
	for _, set := range sets[:min(len(sets), maxPrefilterSets)] {
		lits := make([]string, len(set.lits))
		for i, l := range set.lits {
			lits[i] = foldString(l)
		}
		need = append(need, dedupe(lits))
	}
	return need
}

// exceptSpans is what a text has found out about one list (Analyse and
// AnalyseIn forget it): a message is asked about a list many times (its
// candidates each whether they lie in an except context; Has, then Hits,
// by several rules) and searches it once.
//
// spans are the matches of the list's except patterns in the text (once
// excDone), by start, with reach[i] the index of the match among the first
// i+1 that ends last: a candidate lies inside a match when the one that
// ends last among those starting at or before it ends at or after it.
//
// pat[i] is the range of cands holding the matches of pattern i
// (patternCands), {-1, -1} until it has been searched.
//
// gate[i] is what nearRun.mayHold said of except pattern i to
// exceptContext (gateUnknown until asked; empty until it first asks about
// the list).
//
// passing, once nearDone is nearAll, are the indexes of the near patterns
// whose gate passes (nearPassing).
type exceptSpans struct {
	l        *list
	excDone  bool
	spans    [][2]int32
	reach    []int32
	pat      [][2]int32
	cands    []cand
	gate     []uint8
	passing  []int32
	nearDone uint8
}

// The values of exceptSpans.nearDone.
const (
	nearNone uint8 = iota
	nearAll
)

// The values of exceptSpans.gate.
const (
	gateUnknown uint8 = iota
	gatePass
	gateFail
)

// listMemo returns what the text has found out about list l so far.
func (t *Text) listMemo(l *list) *exceptSpans {
	for i := range t.exc {
		if t.exc[i].l == l {
			return &t.exc[i]
		}
	}
	if len(t.exc) < cap(t.exc) {
		t.exc = t.exc[:len(t.exc)+1]
	} else {
		t.exc = append(t.exc, exceptSpans{})
	}
	e := &t.exc[len(t.exc)-1]
	e.l, e.excDone, e.nearDone = l, false, nearNone
	e.spans, e.reach, e.cands, e.pat, e.gate = e.spans[:0], e.reach[:0], e.cands[:0], e.pat[:0], e.gate[:0]
	for range l.patterns {
		e.pat = append(e.pat, [2]int32{-1, -1})
	}
	return e
}

// exceptMatches returns the matches of list id's except patterns in the
// normalised text, searched once per text and list: a message holds many
// candidates, each asking.
func (t *Text) exceptMatches(id ListID) *exceptSpans {
	return t.exceptSpans(t.listMemo(&t.m.lists[id]), id)
}

// exceptSpans is exceptMatches for e, list id's listMemo.
func (t *Text) exceptSpans(e *exceptSpans, id ListID) *exceptSpans {
	if e.excDone {
		return e
	}
	e.excDone = true
	text := t.norm.Text
	// nearRunsOf, written out (a call for each text and list: 40
	// instructions)
	m := t.m
	if !m.formsDone[id].Load() {
		m.compileForms(id)
	}
	runs := m.nearRuns()[id]
	excepts := m.lists[id].except
	for i := range excepts {
		ep := &excepts[i] // (a copy of each, 72 bytes, cost more than the rest of the loop)
		if ep.near != nil {
			continue // (near patterns are asked by exceptContext)
		}
		if !t.charsDone {
			t.chars.set(text)
			t.charsDone = true
		}
		if !runs[i].mayHold(&t.chars) || !runs[i].holds(&t.chars, text) {
			continue
		}
		if !ep.overlapping {
			for _, loc := range ep.re.FindAllStringIndex(text, -1) {
				e.spans = append(e.spans, [2]int32{int32(loc[0]), int32(loc[1])})
			}
			continue
		}
		// every match, overlapping ones too: the search goes on from the
		// character after each match's start (the text after a position
		// is all such a pattern looks at). A pattern whose matches run on
		// far (不知道.*) would make that quadratic: past a budget of work
		// linear in the text, the search goes on after each match's end.
		budget := 4*len(text) + 1024
		for from := 0; from < len(text); {
			loc := ep.re.FindStringIndex(text[from:])
			if loc == nil {
				break
			}
			start, end := from+loc[0], from+loc[1]
			e.spans = append(e.spans, [2]int32{int32(start), int32(end)})
			budget -= end - from
			_, size := utf8.DecodeRuneInString(text[start:])
			from = start + max(size, 1)
			if budget < 0 {
				from = max(from, end)
			}
		}
	}
	// by start (among matches with the same start, the order does not
	// matter: they end in different places, or are the same span);
	// slices.SortFunc rather than sort.Slice, whose reflection and
	// allocation cost a few hundred instructions per text searched
	slices.SortFunc(e.spans, func(a, b [2]int32) int { return int(a[0]) - int(b[0]) })
	best := int32(-1)
	for i, sp := range e.spans {
		if best < 0 || sp[1] > e.spans[best][1] {
			best = int32(i)
		}
		e.reach = append(e.reach, best)
	}
	return e
}

// covering returns the match that covers [start, end), or ok false.
func (e *exceptSpans) covering(start, end int) (span [2]int32, ok bool) {
	// the matches starting at or before start
	n := sort.Search(len(e.spans), func(i int) bool { return int(e.spans[i][0]) > start })
	if n == 0 {
		return span, false
	}
	span = e.spans[e.reach[n-1]]
	return span, int(span[1]) >= end
}
