package match

import (
	"math/bits"
	"regexp/syntax"
	"slices"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Fast paths for patterns, each exact (a differential test holds them to
// the regexp):
//
//   - A pattern ^[C]+$ (the latency rules' "nothing but acknowledgements"
//     test, run on every reply) matches a text as a whole exactly when the
//     text is not empty and every character of it is in C: a table lookup
//     per character instead of a regexp run.
//   - A pattern whose every match starts at the start of the text and ends
//     at its end (^…$) and consumes only characters of a set S cannot
//     match a text holding a character outside S: most texts fail at once.
//   - An unanchored search tries every position of the text as the start
//     of a match. A pattern that must consume a character to match, and
//     whose matches begin with a character of a set F (its first
//     characters: 不 or 别 for (不用|不要|别)…), can only start where the
//     text holds one: when a text holds few such positions, the pattern
//     runs anchored at each of them, in order (the first that matches
//     starts the leftmost match, which the anchored pattern finds as the
//     unanchored search would), instead of searching the whole text.

// maxFirstTries bounds the anchored tries of a search by first
// characters: past it, the text is searched as usual (each try may walk
// far, and the unanchored search shares that work between positions).
const maxFirstTries = 8

// runeSet is a set of characters: a bitmap below U+10000, ranges above.
type runeSet struct {
	bmp    [0x10000 / 64]uint64
	astral []rune // lo, hi pairs, ascending
	size   int    // the number of characters
}

// runeSetOf is newRuneSet, made once per process for each list of ranges
// (up to maxRuneSets of them) and shared (a set is not changed once made):
// the same large classes ([\s\p{P}\p{S}], its complement) recur in many
// patterns and in each of their variants, and making one costs tens of
// thousands of instructions and an 8 KiB bitmap.
func runeSetOf(ranges []rune) *runeSet {
	key := string(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(ranges))), len(ranges)*4))
	if s, ok := runeSets.Load(key); ok {
		return s.(*runeSet)
	}
	s := newRuneSet(ranges)
	if runeSetCount.Add(1) <= maxRuneSets {
		runeSets.Store(key, s)
	}
	return s
}

// runeSets holds runeSetOf's sets by their ranges' bytes; runeSetCount
// counts the sets made.
var (
	runeSets     sync.Map
	runeSetCount atomic.Int64
)

// maxRuneSets bounds the sets runeSetOf keeps.
const maxRuneSets = 4096

// newRuneSet returns the set of the characters in ranges (lo, hi pairs,
// in any order, possibly overlapping).
func newRuneSet(ranges []rune) *runeSet {
	s := &runeSet{}
	for i := 0; i+1 < len(ranges); i += 2 {
		lo, hi := max(ranges[i], 0), min(ranges[i+1], unicode.MaxRune)
		// the range's part below U+10000, a word of the bitmap at a time
		// (Build makes the plans: large classes must cost little)
		for r := lo; r <= min(hi, 0xFFFF); {
			b := uint(r) & 63
			n := min(64-b, uint(min(hi, 0xFFFF)-r)+1) // bits in this word
			s.bmp[r>>6] |= ^uint64(0) >> (64 - n) << b
			r += rune(n)
		}
		if hi >= 0x10000 {
			s.astral = append(s.astral, max(lo, 0x10000), hi)
		}
	}
	s.astral = mergeRanges(s.astral)
	for _, w := range s.bmp {
		s.size += bits.OnesCount64(w)
	}
	for i := 0; i+1 < len(s.astral); i += 2 {
		s.size += int(s.astral[i+1]-s.astral[i]) + 1
	}
	return s
}

// mergeRanges sorts lo, hi pairs and merges those that overlap or touch.
func mergeRanges(ranges []rune) []rune {
	type rng struct{ lo, hi rune }
	rs := make([]rng, 0, len(ranges)/2)
	for i := 0; i+1 < len(ranges); i += 2 {
		rs = append(rs, rng{ranges[i], ranges[i+1]})
	}
	slices.SortFunc(rs, func(a, b rng) int { return int(a.lo - b.lo) })
	var out []rune
	for _, r := range rs {
		if n := len(out); n > 0 && r.lo <= out[n-1]+1 {
			out[n-1] = max(out[n-1], r.hi)
			continue
		}
		out = append(out, r.lo, r.hi)
	}
	return out
}

// has reports whether r is in the set.
func (s *runeSet) has(r rune) bool {
	if uint32(r) < 0x10000 {
		return s.bmp[r>>6]&(1<<(uint(r)&63)) != 0
	}
	for i := 0; i+1 < len(s.astral); i += 2 {
		if r < s.astral[i] {
			return false
		}
		if r <= s.astral[i+1] {
			return true
		}
	}
	return false
}

// all reports whether every character of text is in the set, decoding it
// as the regexp package does (an invalid byte is U+FFFD).
func (s *runeSet) all(text string) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if s.bmp[c>>6]>>(c&63)&1 == 0 {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !s.has(r) {
			return false
		}
		i += size
	}
	return true
}

// patternPlan is how a pattern can run faster than its regexp alone (see
// above); a nil plan runs the regexp.
type patternPlan struct {
	// whole: the pattern is ^[whole]+$
	whole *runeSet
	// only: every match spans the text and consumes characters of only
	only *runeSet
	// first: every match begins by consuming a character of first (nil
	// when the pattern may match without consuming one, looks at the text
	// before a position (\b, \B, multi-line ^), or first holds too many
	// characters to tell positions apart)
	first *runeSet
	// anchored: the anchored forms of the pattern (for first)
	anchored *anchoredVariants
}

// maxFirstSet bounds the characters of a useful first set: a larger one
// (a negated class) leaves few positions out.
const maxFirstSet = 1 << 15

// lazyPlan is the plan of a pattern of a list, worked out on first use:
// making the plans of the default pack in Build cost 1.5 million
// instructions (parsing the patterns again, bitmaps of large classes),
// 1.4% of a run on a one-line input, and only the patterns searched on
// the whole text without a group use one. It lives in the list, so it
// goes with the Matcher (a process-wide cache keyed by the regexps,
// which CompilePattern shares between matchers, would only grow).
type lazyPlan struct {
	once sync.Once
	p    *patternPlan
	// bt is the pattern compiled for the backtracker (btOf)
	bt lazyBT
}

// planOf returns the plan of pattern i of l (nil: none).
func (l *list) planOf(i int) *patternPlan {
	lp := &l.plan[i]
	lp.once.Do(func() { lp.p = makePlan(l.patterns[i]) })
	return lp.p
}

// btOf returns pattern i of l compiled for the backtracker, on first use;
// nil if it could not be.
func (l *list) btOf(i int) *btProg {
	return l.plan[i].bt.of(l.patterns[i])
}

// makePlan works out the plan of a pattern compiled by CompilePattern;
// nil when it has no fast path.
func makePlan(re *lazyRegexp) *patternPlan {
	src := re.String()
	tree, err := parsePattern(src) // (parsed already, as it was compiled: shared, not changed below)
	if err != nil {
		return nil
	}
	p := &patternPlan{}
	tree = stripCaptures(tree)
	hasBegin, hasEnd, other := assertions(tree)
	if tree.Op == syntax.OpConcat && len(tree.Sub) >= 2 &&
		tree.Sub[0].Op == syntax.OpBeginText && tree.Sub[len(tree.Sub)-1].Op == syntax.OpEndText {
		mid := tree.Sub[1 : len(tree.Sub)-1]
		if len(mid) == 1 && mid[0].Op == syntax.OpPlus && mid[0].Sub[0].Op == syntax.OpCharClass {
			p.whole = runeSetOf(mid[0].Sub[0].Rune)
			return p
		}
		var ranges []rune
		if consumed(tree, &ranges) {
			p.only = runeSetOf(ranges)
		}
	}
	if !other && !ledByBegin(tree) {
		var ranges []rune
		if !firstRunes(tree, &ranges) {
			if s := runeSetOf(ranges); s.size <= maxFirstSet {
				p.first = s
				p.anchored = &anchoredVariants{re: re, src: src, hasBegin: hasBegin, hasEnd: hasEnd}
			}
		}
	}
	if p.only == nil && p.first == nil {
		return nil
	}
	return p
}

// ledByBegin reports whether every match of re starts at the start of the
// text (re is ^ or begins with it): a first set would only find positions
// where the anchored variants fail but at 0, and cost its bitmap and the
// variants' compiling (the backtracker finds that one match alone).
func ledByBegin(re *syntax.Regexp) bool {
	return re.Op == syntax.OpBeginText || re.Op == syntax.OpConcat && len(re.Sub) > 0 && re.Sub[0].Op == syntax.OpBeginText
}

// stripCaptures returns re without its top-level capture groups.
func stripCaptures(re *syntax.Regexp) *syntax.Regexp {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	return re
}

// foldRanges appends to ranges the characters r matches as a literal
// (itself, and its case variants under (?i)).
func foldRanges(ranges []rune, r rune, fold bool) []rune {
	ranges = append(ranges, r, r)
	if fold {
		for c := unicode.SimpleFold(r); c != r; c = unicode.SimpleFold(c) {
			ranges = append(ranges, c, c)
		}
	}
	return ranges
}

// consumed appends to ranges every character a match of re may consume;
// false when that may be any character (., or a node it does not know).
func consumed(re *syntax.Regexp, ranges *[]rune) bool {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			*ranges = foldRanges(*ranges, r, re.Flags&syntax.FoldCase != 0)
		}
	case syntax.OpCharClass:
		*ranges = append(*ranges, re.Rune...)
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return false
	case syntax.OpNoMatch, syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine,
		syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
	case syntax.OpCapture, syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat,
		syntax.OpConcat, syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !consumed(sub, ranges) {
				return false
			}
		}
	default:
		return false
	}
	return true
}

// firstRunes appends to ranges the characters a match of re may begin
// with, and reports whether re may match without consuming a character
// (empty-width assertions count as matching).
func firstRunes(re *syntax.Regexp, ranges *[]rune) (nullable bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true
		}
		*ranges = foldRanges(*ranges, re.Rune[0], re.Flags&syntax.FoldCase != 0)
		return false
	case syntax.OpCharClass:
		*ranges = append(*ranges, re.Rune...)
		return false
	case syntax.OpAnyCharNotNL:
		*ranges = append(*ranges, 0, '\n'-1, '\n'+1, unicode.MaxRune)
		return false
	case syntax.OpAnyChar:
		*ranges = append(*ranges, 0, unicode.MaxRune)
		return false
	case syntax.OpCapture:
		return firstRunes(re.Sub[0], ranges)
	case syntax.OpStar, syntax.OpQuest:
		firstRunes(re.Sub[0], ranges)
		return true
	case syntax.OpPlus:
		return firstRunes(re.Sub[0], ranges)
	case syntax.OpRepeat:
		return firstRunes(re.Sub[0], ranges) || re.Min == 0
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !firstRunes(sub, ranges) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if firstRunes(sub, ranges) {
				nullable = true
			}
		}
		return nullable
	}
	// empty matches and assertions, and anything else: may match empty
	return true
}

// findAll is re.FindAllStringIndex(text, -1), keeping the non-empty
// matches, appended to c as pattern i's candidates, when the plan can tell
// them without running the regexp on the whole text; ok is false when it
// cannot (the caller then runs the regexp), as for a nil plan.
// st is the scratch space of the anchored tries.
func (p *patternPlan) findAll(st *btState, text string, i int, c []cand) (_ []cand, ok bool) {
	switch {
	case p == nil:
		return c, false
	case p.whole != nil:
		if text != "" && p.whole.all(text) {
			c = append(c, cand{0, len(text), -1, i})
		}
		return c, true
	case p.only != nil && !p.only.all(text):
		return c, true
	case p.first != nil:
		return p.findAllFirst(st, text, i, c)
	}
	return c, false
}

// findAllFirst is re.FindAllStringIndex(text, -1), keeping the non-empty
// matches, appended to c as pattern i's candidates, for a plan with a
// first set. ok is false when the text holds more than maxFirstTries
// positions to try (the caller then runs the regexp).
func (p *patternPlan) findAllFirst(st *btState, text string, i int, c []cand) (_ []cand, ok bool) {
	var tries [maxFirstTries]int32
	n := 0
	for q := 0; q < len(text); {
		r, size := rune(text[q]), 1
		if r >= utf8.RuneSelf {
			if r3, ok := decodeRune3(text, q); ok {
				r, size = r3, 3
			} else {
				r, size = utf8.DecodeRuneInString(text[q:])
			}
		}
		if p.first.has(r) {
			if n == len(tries) {
				return c, false
			}
			tries[n] = int32(q)
			n++
		}
		q += size
	}
	if n == 0 || !p.anchored.usable() {
		return c, n == 0
	}
	// the matches, leftmost first, each search resuming at the end of the
	// last match (a match is not empty: the pattern consumes a character)
	pos := 0
	for _, q := range tries[:n] {
		if int(q) < pos {
			continue
		}
		v := p.anchored.v[b2i(q == 0)<<1|1]
		if loc := v.find(st, text[q:], 2); loc != nil {
			c = append(c, cand{int(q) + loc[0], int(q) + loc[1], -1, i})
			pos = int(q) + loc[1]
		}
	}
	return c, true
}
