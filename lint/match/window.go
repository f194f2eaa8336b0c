package match

import (
	"fmt"
	"regexp/syntax"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Regex windowing: every match of a prefiltered pattern contains an
// occurrence of a literal of each of its required sets, and the automaton
// has already found those occurrences. When the pattern's matches are
// bounded in width around such an occurrence (litSet.pre, litSet.post), a
// match can only lie in the union of the intervals
//
//	[occurrence end − pre, occurrence start + post]
//
// over the occurrences, and in the intersection of those unions over the
// sets. The pattern then runs on those pieces of the text only, in order,
// instead of the whole text: the first piece holding a match holds the
// leftmost-first match of the whole text. (A path of the regexp that
// succeeds inside a piece succeeds in the whole text too, assertions aside;
// the preferred match at a position lies inside one interval, so inside the
// piece holding that position.) The begin and end of text assertions would
// match at a piece's edges: variants of the pattern where they never match
// run on pieces that do not start at the search's base or do not end at the
// end of the text. Patterns with other assertions (word boundaries,
// multi-line ^ and $) run on the whole text.

// window is how a prefiltered pattern runs on pieces of a text.
type window struct {
	sets []windowSet
	// the pattern itself, for a pattern without ^ (\A) or $ (\z) (variant);
	// nil for one with them, whose variants (^, $, both never matching)
	// run on the backtracker (btVariant)
	noBegin, noEnd, noBoth *lazyRegexp
	// lazy, when set, works out on first use whether the variants can be
	// used (usable)
	lazy *lazyVariants
	// lead is the index in sets of the set whose literals lie closest after
	// the start of every match (least litSet.lead, at most maxLead bytes),
	// -1 when there is none: see anchored
	lead int
	// anchored, when lead is set, compiles on first use the anchored forms
	// of the pattern and its variants
	anchored *anchoredVariants
	// bt compiles on first use the pattern and its variants for the
	// backtracker (searchPiece)
	bt *btVariants
}

// btVariants are a window's pattern and its variants (window.variant)
// compiled for the backtracker (btProg), once, on first use.
type btVariants struct {
	once             sync.Once
	src              string // the pattern, "(?i)"+np, parsed then
	hasBegin, hasEnd bool
	v                [4]*btProg // v[b<<1|e], as anchoredVariants.v
}

// btVariant returns the variant of the window's pattern (re) to run on a
// piece that does (begin) or does not start at the search's base, and does
// (end) or does not end at the end of the text, compiled for the
// backtracker; nil if it could not be (a window with variants is then not
// usable: see usable).
func (w *window) btVariant(re *lazyRegexp, begin, end bool) *btProg {
	b := w.bt
	b.once.Do(func() {
		tree, err := parsePattern(b.src)
		if err != nil {
			return
		}
		for k := range b.v {
			begin, end := k&2 != 0, k&1 != 0
			switch {
			case k > 0 && !b.hasBegin && !b.hasEnd:
				b.v[k] = b.v[0]
			case begin && !b.hasBegin:
				b.v[k] = b.v[k&1]
			case end && !b.hasEnd:
				b.v[k] = b.v[k&2]
			default:
				if (!begin && b.hasBegin) || (!end && b.hasEnd) {
					// (the variant for the regexp package, for inputs
					// too long for the backtracker, written out and
					// compiled only then)
					v := withoutAssertions(tree, !begin, !end)
					p, err := compileBTTree(v, nil)
					if err == nil && v.MaxCap() == re.NumSubexp() && capIndex(v, "match") == re.matchIndex() {
						p.srcOf = func() string { return variantSource(v) }
						b.v[k] = p
					}
					continue
				}
				if p, err := compileBTTree(tree, re); err == nil {
					b.v[k] = p
				}
			}
		}
	})
	return b.v[b2i(begin)<<1|b2i(end)]
}

// searchPiece returns the leftmost-first match (submatch indexes in text)
// of window w's pattern re in the piece [lo, hi) of text (searched from
// base: ^ holds at base only, $ at the text's end only), or nil. The
// result may be t's scratch space, valid until the next search.
func (t *Text) searchPiece(w *window, re *lazyRegexp, text string, lo, hi, base int) []int {
	var loc []int
	if v := w.btVariant(re, lo == base, hi == len(text)); v != nil {
		loc = v.find(&t.bt, text[lo:hi], v.need)
	} else {
		loc = w.variant(re, lo == base, hi == len(text)).FindStringSubmatchIndex(text[lo:hi])
	}
	for k := range loc {
		if loc[k] >= 0 {
			loc[k] += lo
		}
	}
	return loc
}

// windowSet is a required set of a pattern that bounds where its matches lie.
type windowSet struct {
	set             int32 // index among the pattern's required sets
	pre, post, lead int
}

// span is a piece [lo, hi) of a text.
type span struct{ lo, hi int }

// newWindow returns how pattern re (compiled from "(?i)"+np) can run on
// pieces of texts, given its required sets, or nil when it cannot.
func newWindow(re *lazyRegexp, np string, sets []litSet) *window {
	w := &window{}
	for i, s := range sets {
		if s.pre >= unbounded && s.post >= unbounded {
			continue
		}
		if !foldSound(s.lits) {
			continue
		}
		w.sets = append(w.sets, windowSet{int32(i), s.pre, s.post, s.lead})
	}
	if len(w.sets) == 0 {
		return nil
	}
	w.lead = -1
	for i, s := range w.sets {
		if s.lead <= maxLead && (w.lead < 0 || s.lead < w.sets[w.lead].lead) {
			w.lead = i
		}
	}
	// the assertions of np's tree (most often the pattern's own, parsed
	// already) are those of "(?i)"+np's, which is parsed only when the
	// variants are first needed (btVariant, anchoredVariants): with its
	// large classes folded, most of a window's start-up
	tree, err := parsePattern(np)
	if err != nil {
		return nil
	}
	hasBegin, hasEnd, other := assertions(tree)
	if other {
		return nil
	}
	w.bt = &btVariants{src: "(?i)" + np, hasBegin: hasBegin, hasEnd: hasEnd}
	if hasBegin || hasEnd {
		// the variants are compiled when a text first needs them (usable)
		w.lazy = &lazyVariants{re: re}
	} else {
		w.noBegin, w.noEnd, w.noBoth = re, re, re
	}
	if w.lead >= 0 {
		w.anchored = &anchoredVariants{re: re, src: "(?i)" + np, hasBegin: hasBegin, hasEnd: hasEnd}
	}
	return w
}

// maxLead bounds the bytes from a match's start to a literal's occurrence
// for which matches are looked for at each position up to the occurrence
// (anchored) rather than by an unanchored search of the piece around it.
const maxLead = 12

// Anchored search. The unanchored search of a piece tries every position
// of the piece as the start of a match, but a match containing an
// occurrence of a literal of a set starts at most lead bytes before the
// occurrence (litSet.lead): a pattern that begins with its literal, like
// 颜色.{0,6}(一样|偏), can only start at an occurrence, and
// (^|[^不法能敢说])(一定|保证)… at the character before one. For such a
// pattern the search tries only the positions from lead bytes before each
// occurrence of that set's literals to the occurrence, in order, with the
// pattern anchored at the position (^(?:…): the regexp tries that start
// only), up to the end of the piece holding the position: the first
// position where it matches starts the leftmost match, and the anchored
// pattern finds the match the unanchored search prefers there. Positions
// are those where a character starts (normalised text is valid UTF-8, so
// those are where the search of the whole text steps).

// anchoredVariants compiles the anchored forms of a pattern (re, compiled
// from src) and its variants once, on first use, for the backtracker
// (btProg).
type anchoredVariants struct {
	once             sync.Once
	re               *lazyRegexp
	src              string
	hasBegin, hasEnd bool
	// v[b<<1|e] is the pattern anchored at the start of the text it runs
	// on, with ^ matching there (b = 1) or never, $ at its end (e = 1) or
	// never
	v  [4]*btProg
	ok bool
}

// usable compiles the anchored variants if they are not yet and reports
// whether they can be used.
func (a *anchoredVariants) usable() bool {
	a.once.Do(func() {
		tree, err := parsePattern(a.src) // (parsed once for both: btVariant)
		if err != nil {
			return
		}
		compile := func(begin, end bool) *btProg {
			v := tree
			if (!begin && a.hasBegin) || (!end && a.hasEnd) {
				v = withoutAssertions(tree, !begin, !end)
			}
			// ^(?:v), compiled from the tree: what parsing it written out
			// gives (anchoredSource), without writing and parsing it
			// (most of the work, for the large classes); written out
			// only if an input too long for the backtracker needs the
			// regexp
			anchored := &syntax.Regexp{Op: syntax.OpConcat, Flags: v.Flags, Sub: []*syntax.Regexp{{Op: syntax.OpBeginText, Flags: v.Flags}, v}}
			p, err := compileBTTree(anchored, nil)
			if err != nil || anchored.MaxCap() != a.re.NumSubexp() || capIndex(anchored, "match") != a.re.matchIndex() {
				return nil
			}
			p.srcOf = func() string { return anchoredSource(v) }
			return p
		}
		// (one pattern's sets serve its variants: a variant's matches
		// are some of the pattern's)
		later := laterSets(tree)
		a.ok = true
		for k := range a.v {
			begin, end := k&2 != 0, k&1 != 0
			switch {
			case k > 0 && !a.hasBegin && !a.hasEnd:
				a.v[k] = a.v[0] // the same pattern whatever the edges
			case begin && !a.hasBegin:
				a.v[k] = a.v[k&1]
			case end && !a.hasEnd:
				a.v[k] = a.v[k&2]
			default:
				a.v[k] = compile(begin, end)
			}
			a.ok = a.ok && a.v[k] != nil
			if a.v[k] != nil {
				a.v[k].later = later
			}
		}
	})
	return a.ok
}

// anchoredSource writes the pattern of tree v anchored at its start,
// ^(?:v), for the regexp package (under (?i), as the window's pattern).
func anchoredSource(v *syntax.Regexp) string {
	var b strings.Builder
	b.WriteString("(?i)^(?:")
	if !writeExact(&b, v) {
		b.Reset()
		b.WriteString("^(?:" + v.String()) // slow for large classes, but exact
	}
	b.WriteString(")")
	return b.String()
}

// capIndex returns the index of the group of tree named name, -1 when
// there is none, as Regexp.SubexpIndex does.
func capIndex(tree *syntax.Regexp, name string) int {
	for i, n := range tree.CapNames() {
		if n == name {
			return i
		}
	}
	return -1
}

// findAnchored is Text.find for a window with a lead set (w.lead ≥ 0),
// given the pieces of the text a match may lie in: it tries the pattern
// anchored at the positions from lead bytes before each occurrence of a
// literal of that set (at or after from) to the occurrence, in order. ok is
// false when the anchored variants cannot be used (find then searches the
// pieces).
func (t *Text) findAnchored(w *window, pattern int32, text string, from, base int, spans []span) (loc []int, ok bool) {
	if !w.anchored.usable() {
		return nil, false
	}
	ws := w.sets[w.lead]
	// the ranges of positions [lo, hi) where a match may start, by lo
	starts := t.cur[:0]
	sorted := true
	for _, p := range t.pre {
		if p.pattern != pattern || p.set != ws.set || int(p.start) < from {
			continue
		}
		r := span{max(from, int(p.start)-ws.lead), int(p.start) + 1}
		if n := len(starts); n > 0 && r.lo < starts[n-1].lo {
			sorted = false
		}
		starts = append(starts, r)
	}
	if !sorted {
		slices.SortFunc(starts, func(a, b span) int { return a.lo - b.lo })
	}
	t.cur = starts
	k := 0   // spans[k] is the first piece not ending at or before pos
	pos := 0 // positions before pos were tried
	for _, r := range starts {
		for p := max(r.lo, pos); p < r.hi; p++ {
			if !utf8.RuneStart(text[p]) {
				continue
			}
			for k < len(spans) && spans[k].hi <= p {
				k++
			}
			if k == len(spans) {
				return nil, true
			}
			s := spans[k]
			if p < s.lo {
				continue // no match lies outside the pieces
			}
			if loc := t.tryAnchored(w, text, p, base, s.hi); loc != nil {
				return loc, true
			}
		}
		pos = max(pos, r.hi)
	}
	return nil, true
}

// tryAnchored runs the anchored variant of w's pattern at p, on the piece
// of text up to hi (^ holds at base only, $ at the text's end only), and
// returns the match's submatch indexes in text (in t's scratch space,
// valid until the next try), or nil.
func (t *Text) tryAnchored(w *window, text string, p, base, hi int) []int {
	v := w.anchored.v[b2i(p == base)<<1|b2i(hi == len(text))]
	loc := v.find(&t.bt, text[p:hi], v.need)
	for i := range loc {
		if loc[i] >= 0 {
			loc[i] += p
		}
	}
	return loc
}

// b2i is 1 for true, 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// lazyVariants says, once worked out, whether a window's variants can be
// used (usable).
type lazyVariants struct {
	once sync.Once
	re   *lazyRegexp
	ok   bool
}

// usable reports whether the window can be used: false when a variant of
// its pattern without ^ or $ could not be compiled for the backtracker, and
// the pattern runs on the whole text instead. The variants are compiled
// when a text first needs them: compiling (?i) patterns with large classes
// costs milliseconds, which a run over a canned library would pay for
// nothing. They are compiled for the backtracker only (btVariant); the
// regexp package compiles one only for an input too long for the
// backtracker.
func (w *window) usable() bool {
	if w.lazy == nil {
		return true
	}
	l := w.lazy
	l.once.Do(func() {
		l.ok = w.btVariant(l.re, false, true) != nil && w.btVariant(l.re, true, false) != nil && w.btVariant(l.re, false, false) != nil
	})
	return l.ok
}

// variantSource writes the pattern of tree v (the window's pattern, parsed
// with (?i), its ^ or $ taken out) for the regexp package.
func variantSource(v *syntax.Regexp) string {
	var b strings.Builder
	b.WriteString("(?i)")
	if writeExact(&b, v) {
		return b.String()
	}
	return v.String() // slow for large classes, but exact
}

// variant returns the pattern to run on a piece that does (begin) or does
// not start at the search's base, and does (end) or does not end at the end
// of the text, for the regexp package: nil for a variant without ^ or $
// (which a usable window runs on the backtracker: btVariant).
func (w *window) variant(re *lazyRegexp, begin, end bool) *lazyRegexp {
	switch {
	case begin && end:
		return re
	case end:
		return w.noBegin
	case begin:
		return w.noEnd
	}
	return w.noBoth
}

// writeFolded writes re, parsed with (?i) and Perl flags, as a pattern that
// parses back (after a leading (?i)) to the same tree. It stands in for
// regexp/syntax's printer, which checks whether a class is closed under
// case folding rune by rune: tens of milliseconds for one large negated
// class. Under (?i) every class is closed already (the parser folded it),
// so the ranges can be written as they are. It reports false for a node it
// does not write (the caller then uses the syntax package's printer).
func writeFolded(b *strings.Builder, re *syntax.Regexp) bool {
	return writeTree(b, re, false)
}

// writeExact is writeFolded writing classes case-sensitively, (?-i:[…]):
// the pattern parses back to the same tree but for the case folding flag
// of its classes, which compiles to the same program (a class matches the
// characters of its ranges, whatever its flags). The parser then does not
// fold the ranges again rune by rune, which for the large classes (\s\p{P},
// negations) cost more than the rest of the compilation together.
func writeExact(b *strings.Builder, re *syntax.Regexp) bool {
	return writeTree(b, re, true)
}

// writeHexRune writes r as the escape \x{…} (lower-case hex digits), as
// fmt's \x{%x} does, without fmt's cost: a large class writes thousands.
func writeHexRune(b *strings.Builder, r rune) {
	var buf [16]byte
	b.WriteString(`\x{`)
	b.Write(strconv.AppendInt(buf[:0], int64(r), 16))
	b.WriteByte('}')
}

// writeTree is writeFolded, writing classes case-sensitively when exact.
func writeTree(b *strings.Builder, re *syntax.Regexp, exact bool) bool {
	writeRune := func(r rune) { writeHexRune(b, r) }
	sub := func(re *syntax.Regexp) bool {
		b.WriteString("(?:")
		ok := writeTree(b, re, exact)
		b.WriteString(")")
		return ok
	}
	switch re.Op {
	case syntax.OpNoMatch:
		b.WriteString(`[^\x00-\x{10FFFF}]`)
	case syntax.OpEmptyMatch:
		b.WriteString(`(?:)`)
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase == 0 {
			return false
		}
		b.WriteString("(?:")
		for _, r := range re.Rune {
			writeRune(r)
		}
		b.WriteString(")")
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			b.WriteString(`[^\x00-\x{10FFFF}]`)
			break
		}
		// the parser folds the ranges it reads rune by rune: write a large
		// class as the negation of its (small) complement, which it folds
		// and then negates
		writeRanges := func(ranges []rune) {
			for i := 0; i+1 < len(ranges); i += 2 {
				writeRune(ranges[i])
				if ranges[i+1] != ranges[i] {
					b.WriteString("-")
					writeRune(ranges[i+1])
				}
			}
		}
		open, close := "[", "]"
		if exact {
			open, close = "(?-i:[", "])"
		}
		switch comp := complementRanges(re.Rune); {
		case len(comp) == 0:
			b.WriteString(`(?s:.)`)
		case classSize(comp) < classSize(re.Rune):
			b.WriteString(open + "^")
			writeRanges(comp)
			b.WriteString(close)
		default:
			b.WriteString(open)
			writeRanges(re.Rune)
			b.WriteString(close)
		}
	case syntax.OpAnyCharNotNL:
		b.WriteString(`(?-s:.)`)
	case syntax.OpAnyChar:
		b.WriteString(`(?s:.)`)
	case syntax.OpBeginText:
		b.WriteString(`^`)
	case syntax.OpEndText:
		if re.Flags&syntax.WasDollar == 0 {
			b.WriteString(`\z`)
		} else {
			b.WriteString(`$`)
		}
	case syntax.OpCapture:
		if re.Name != "" {
			b.WriteString("(?P<" + re.Name + ">")
		} else {
			b.WriteString("(")
		}
		ok := writeTree(b, re.Sub[0], exact)
		b.WriteString(")")
		return ok
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		ok := sub(re.Sub[0])
		switch re.Op {
		case syntax.OpStar:
			b.WriteString("*")
		case syntax.OpPlus:
			b.WriteString("+")
		case syntax.OpQuest:
			b.WriteString("?")
		default:
			switch {
			case re.Max < 0:
				fmt.Fprintf(b, "{%d,}", re.Min)
			case re.Max == re.Min:
				fmt.Fprintf(b, "{%d}", re.Min)
			default:
				fmt.Fprintf(b, "{%d,%d}", re.Min, re.Max)
			}
		}
		if re.Flags&syntax.NonGreedy != 0 {
			b.WriteString("?")
		}
		return ok
	case syntax.OpConcat:
		for _, s := range re.Sub {
			if !sub(s) {
				return false
			}
		}
	case syntax.OpAlternate:
		b.WriteString("(?:")
		for i, s := range re.Sub {
			if i > 0 {
				b.WriteString("|")
			}
			if !writeTree(b, s, exact) {
				return false
			}
		}
		b.WriteString(")")
	default:
		return false // line and word assertions: windows leave those alone
	}
	return true
}

// complementRanges returns the ranges (lo, hi pairs, ascending and
// disjoint, as in syntax.Regexp.Rune) of the characters not in ranges.
func complementRanges(ranges []rune) []rune {
	var out []rune
	next := rune(0)
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i] > next {
			out = append(out, next, ranges[i]-1)
		}
		next = ranges[i+1] + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, next, unicode.MaxRune)
	}
	return out
}

// classSize is the number of characters in ranges.
func classSize(ranges []rune) int {
	n := 0
	for i := 0; i+1 < len(ranges); i += 2 {
		n += int(ranges[i+1]-ranges[i]) + 1
	}
	return n
}

// assertions reports whether the regexp holds \A (begin), \z (end), and
// any other empty-width assertion (^ and $ in multi-line mode, \b, \B).
func assertions(re *syntax.Regexp) (begin, end, other bool) {
	walk(re, func(n *syntax.Regexp) {
		switch n.Op {
		case syntax.OpBeginText:
			begin = true
		case syntax.OpEndText:
			end = true
		case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
			other = true
		}
	})
	return begin, end, other
}

// walk calls f on re and on every node below it, parents first.
func walk(re *syntax.Regexp, f func(*syntax.Regexp)) {
	f(re)
	for _, sub := range re.Sub {
		walk(sub, f)
	}
}

// withoutAssertions returns a copy of re where the begin (end) of text
// assertions never match.
func withoutAssertions(re *syntax.Regexp, begin, end bool) *syntax.Regexp {
	c := *re
	if (begin && re.Op == syntax.OpBeginText) || (end && re.Op == syntax.OpEndText) {
		return &syntax.Regexp{Op: syntax.OpNoMatch, Flags: re.Flags}
	}
	if len(re.Sub) > 0 {
		c.Sub = make([]*syntax.Regexp, len(re.Sub))
		for i, sub := range re.Sub {
			c.Sub[i] = withoutAssertions(sub, begin, end)
		}
	}
	return &c
}

// foldSound reports whether the literals are found by the automaton wherever
// the case-insensitive pattern matches them in normalised text: no character
// of theirs has a case variant other than itself that normalised text can
// hold (ſ matches s under (?i) and stays ſ).
func foldSound(lits []string) bool {
	for _, l := range lits {
		for _, r := range l {
			if r >= 0x3400 && r < 0xA000 || r >= 0xAC00 && r < 0xF900 {
				continue // CJK, Yi, Hangul, private use: no case (as foldCase)
			}
			for c := unicode.SimpleFold(r); c != r; c = unicode.SimpleFold(c) {
				if out, keep := foldRune(c); keep && out == c {
					return false
				}
			}
		}
	}
	return true
}

// maxWidth returns the most bytes a node can match in (case-insensitively),
// unbounded when there is no bound.
func maxWidth(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		w := 0
		for _, r := range re.Rune {
			if rw := runeWidth(r); rw >= maxFoldedWidth {
				w += rw // no case variant is wider (a Chinese character)
			} else {
				w += foldWidth(r)
			}
		}
		return min(w, unbounded) // a repeat multiplies it
	case syntax.OpCharClass:
		return classWidth(re.Rune)
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax
	case syntax.OpCapture, syntax.OpQuest:
		return maxWidth(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return unbounded
	case syntax.OpRepeat:
		if re.Max < 0 {
			return unbounded
		}
		return min(maxWidth(re.Sub[0])*re.Max, unbounded)
	case syntax.OpConcat:
		w := 0
		for _, sub := range re.Sub {
			w = addWidth(w, maxWidth(sub))
		}
		return w
	case syntax.OpAlternate:
		w := 0
		for _, sub := range re.Sub {
			w = max(w, maxWidth(sub))
		}
		return w
	case syntax.OpNoMatch, syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine,
		syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0
	}
	return unbounded
}

// runeWidth is the UTF-8 length of r (3 for surrogates, which the regexp
// engine never sees but a class range may span).
func runeWidth(r rune) int {
	switch {
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case r < 0x10000:
		return 3
	}
	return 4
}

// foldWidth is the widest UTF-8 length among r and its case variants.
func foldWidth(r rune) int {
	w := runeWidth(r)
	for c := unicode.SimpleFold(r); c != r; c = unicode.SimpleFold(c) {
		w = max(w, runeWidth(c))
	}
	return w
}

// widerFolds lists, ascending, the runes of the Basic Multilingual Plane
// with a case variant encoded in more bytes than themselves (k and the
// Kelvin sign), with that variant's width. It looks only at the case
// orbits of the runes with a case mapping (unicode.CaseRanges, a few
// thousand; ß has none, but ẞ in its orbit has) rather than at every rune
// of the plane, which cost 20 million instructions, 12% of chatlint's
// start-up; a test holds it to the scan of the whole plane.
var widerFolds = sync.OnceValue(func() []foldedWidth {
	var out []foldedWidth
	for _, cr := range unicode.CaseRanges {
		for r := rune(cr.Lo); r <= rune(cr.Hi); r++ {
			// the orbit's widest member, then those narrower than it
			w := foldWidth(r)
			for c := r; ; {
				if c < 0x10000 && runeWidth(c) < w {
					out = append(out, foldedWidth{c, w})
				}
				if c = unicode.SimpleFold(c); c == r {
					break
				}
			}
		}
	}
	// an orbit is listed once per member with a case mapping
	slices.SortFunc(out, func(a, b foldedWidth) int { return int(a.r - b.r) })
	return slices.Compact(out)
})

// maxFoldedWidth bounds the widths of widerFolds (TestWiderFoldsWholePlane
// holds it to them): a class as wide already needs no look at them.
const maxFoldedWidth = 3

// foldedWidth is a rune and the widest UTF-8 length among its case variants.
type foldedWidth struct {
	r rune
	w int
}

// smallClass is the most characters a class may have for classWidth to
// ask about each of them rather than look them up in widerFolds.
const smallClass = 64

// classWidth is the widest UTF-8 length of a character of a class (given as
// ranges, sorted, as the parser leaves them: the last ends with its widest
// character) or of a case variant of one.
func classWidth(ranges []rune) int {
	w := 0
	if len(ranges) > 0 {
		w = runeWidth(ranges[len(ranges)-1])
	}
	if w >= maxFoldedWidth {
		// no case variant is wider: a class such as [^\s\p{P}] (hundreds
		// of ranges, up to U+10FFFF) or one of Chinese characters needs no
		// look at its case variants
		return w
	}
	// a small class ([0-9], [a-z]) asks about its characters' case
	// variants itself: no need to build widerFolds for it
	size := 0
	for i := 0; i+1 < len(ranges) && size <= smallClass; i += 2 {
		size += int(ranges[i+1]-ranges[i]) + 1
	}
	if size <= smallClass {
		for i := 0; i+1 < len(ranges); i += 2 {
			for r := ranges[i]; r <= ranges[i+1]; r++ {
				w = max(w, foldWidth(r))
			}
		}
		return w
	}
	folds := widerFolds()
	for i := 0; i+1 < len(ranges); i += 2 {
		lo, hi := ranges[i], ranges[i+1]
		j := sort.Search(len(folds), func(j int) bool { return folds[j].r >= lo })
		for ; j < len(folds) && folds[j].r <= hi; j++ {
			w = max(w, folds[j].w)
		}
	}
	return w
}
