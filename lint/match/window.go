package match

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"sort"
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
	// the pattern with ^ (\A), $ (\z), both never matching; the pattern
	// itself when it has no such assertion
	noBegin, noEnd, noBoth *regexp.Regexp
	// lazy, when set, compiles the variants on first use (usable)
	lazy *lazyVariants
}

// windowSet is a required set of a pattern that bounds where its matches lie.
type windowSet struct {
	set       int32 // index among the pattern's required sets
	pre, post int
}

// span is a piece [lo, hi) of a text.
type span struct{ lo, hi int }

// newWindow returns how pattern re (compiled from "(?i)"+np) can run on
// pieces of texts, given its required sets, or nil when it cannot.
func newWindow(re *regexp.Regexp, np string, sets []litSet) *window {
	w := &window{}
	for i, s := range sets {
		if s.pre >= unbounded && s.post >= unbounded {
			continue
		}
		if !foldSound(s.lits) {
			continue
		}
		w.sets = append(w.sets, windowSet{int32(i), s.pre, s.post})
	}
	if len(w.sets) == 0 {
		return nil
	}
	tree, err := syntax.Parse("(?i)"+np, syntax.Perl)
	if err != nil {
		return nil
	}
	var hasBegin, hasEnd, other bool
	walk(tree, func(n *syntax.Regexp) {
		switch n.Op {
		case syntax.OpBeginText:
			hasBegin = true
		case syntax.OpEndText:
			hasEnd = true
		case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
			other = true
		}
	})
	if other {
		return nil
	}
	if hasBegin || hasEnd {
		// the variants are compiled when a text first needs them: compiling
		// (?i) patterns with large classes costs milliseconds, which a run
		// over a canned library would pay for nothing
		w.lazy = &lazyVariants{re: re, tree: tree, hasBegin: hasBegin, hasEnd: hasEnd}
	} else {
		w.noBegin, w.noEnd, w.noBoth = re, re, re
	}
	return w
}

// lazyVariants compiles a window's variants once, on first use.
type lazyVariants struct {
	once             sync.Once
	re               *regexp.Regexp
	tree             *syntax.Regexp
	hasBegin, hasEnd bool
	ok               bool
}

// usable compiles the variants if they are not yet and reports whether
// the window can be used (false: a variant failed to compile, and the
// pattern runs on the whole text instead).
func (w *window) usable() bool {
	if w.lazy == nil {
		return true
	}
	l := w.lazy
	l.once.Do(func() {
		variant := func(begin, end bool) *regexp.Regexp {
			if (begin || !l.hasBegin) && (end || !l.hasEnd) {
				return l.re
			}
			v := withoutAssertions(l.tree, !begin, !end)
			var b strings.Builder
			b.WriteString("(?i)")
			src := ""
			if writeFolded(&b, v) {
				src = b.String()
			} else {
				src = v.String() // slow for large classes, but exact
			}
			vre, err := regexp.Compile(src)
			if err != nil || vre.NumSubexp() != l.re.NumSubexp() || vre.SubexpIndex("match") != l.re.SubexpIndex("match") {
				return nil
			}
			return vre
		}
		w.noBegin, w.noEnd, w.noBoth = variant(false, true), variant(true, false), variant(false, false)
		l.ok = w.noBegin != nil && w.noEnd != nil && w.noBoth != nil
		l.tree = nil
	})
	return l.ok
}

// variant returns the pattern to run on a piece that does (begin) or does
// not start at the search's base, and does (end) or does not end at the end
// of the text.
func (w *window) variant(re *regexp.Regexp, begin, end bool) *regexp.Regexp {
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
	writeRune := func(r rune) { fmt.Fprintf(b, `\x{%x}`, r) }
	sub := func(re *syntax.Regexp) bool {
		b.WriteString("(?:")
		ok := writeFolded(b, re)
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
		switch comp := complementRanges(re.Rune); {
		case len(comp) == 0:
			b.WriteString(`(?s:.)`)
		case classSize(comp) < classSize(re.Rune):
			b.WriteString("[^")
			writeRanges(comp)
			b.WriteString("]")
		default:
			b.WriteString("[")
			writeRanges(re.Rune)
			b.WriteString("]")
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
		ok := writeFolded(b, re.Sub[0])
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
			if !writeFolded(b, s) {
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
			w += foldWidth(r)
		}
		return w
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
// Kelvin sign), with that variant's width.
var widerFolds = sync.OnceValue(func() (out []struct {
	r rune
	w int
}) {
	for r := rune(0); r < 0x10000; r++ {
		if w := foldWidth(r); w > runeWidth(r) {
			out = append(out, struct {
				r rune
				w int
			}{r, w})
		}
	}
	return out
})

// classWidth is the widest UTF-8 length of a character of a class (given as
// ranges) or of a case variant of one.
func classWidth(ranges []rune) int {
	w := 0
	folds := widerFolds()
	for i := 0; i+1 < len(ranges); i += 2 {
		lo, hi := ranges[i], ranges[i+1]
		w = max(w, runeWidth(hi))
		j := sort.Search(len(folds), func(j int) bool { return folds[j].r >= lo })
		for ; j < len(folds) && folds[j].r <= hi; j++ {
			w = max(w, folds[j].w)
		}
	}
	return w
}
