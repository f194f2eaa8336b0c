package match

import (
	"math/bits"
	"regexp/syntax"
	"sort"
	"strings"
	"unicode/utf8"
)

// maxPrefilterLiterals bounds the literal set of one pattern; a pattern
// needing more runs on every message.
const maxPrefilterLiterals = 64

// maxPrefilterSets bounds how many literal sets one pattern requires.
const maxPrefilterSets = 4

// litSet is a set of literals such that every match of a regexp node
// contains an occurrence of one of them, with bounds on where that occurrence
// lies in the match: pre bounds the bytes from the match's start to the
// occurrence's end, post the bytes from the occurrence's start to the match's
// end, lead the bytes from the match's start to the occurrence's start
// (unbounded when nothing is known).
type litSet struct {
	lits            []string
	pre, post, lead int
}

// unbounded is a width no text reaches; widths saturate at it. Widths are
// ints: a width below unbounded times a repeat count (at most 1000) must not
// overflow, so on 32-bit targets it is 1<<20 (1 MiB: a window that wide
// prunes nothing anyway) and on 64-bit ones 1<<40.
const unbounded = 1 << (20 + 20*(bits.UintSize/64))

// addWidth adds widths, saturating at unbounded.
func addWidth(a, b int) int { return min(a+b, unbounded) }

// requiredLiterals returns sets of literals such that every match of the
// (already normalised) pattern contains a literal of each set, so the pattern
// need only run on messages where the phrase automaton saw one literal of
// every set. ok is false when no such set is known (the pattern then runs on
// every message).
func requiredLiterals(pattern string) (sets [][]string, ok bool) {
	ls, ok := requiredLiteralSets(pattern)
	for _, s := range ls {
		sets = append(sets, s.lits)
	}
	return sets, ok
}

// requiredLiteralSets is requiredLiterals with the bounds of each set.
func requiredLiteralSets(pattern string) (sets []litSet, ok bool) {
	sets, _, ok = requiredLiteralSplit(pattern)
	return sets, ok
}

// maxNeedSets bounds the sets of needSets; maxNeedLiterals the literals of
// each (after those that hold another are dropped).
const (
	maxNeedSets     = 3
	maxNeedLiterals = 6
)

// requiredLiteralSplit is requiredLiteralSets that also returns, as need,
// required sets it leaves to the automaton: sets of single characters
// (the automaton would find common characters on every message) and sets
// past maxPrefilterSets. Every match holds a literal of each of them too,
// so a text that lacks all the literals of one cannot match: a second test
// for a text on which the automaton saw the literals of every set it
// looks for (see needSets). need is empty when ok is false.
func requiredLiteralSplit(pattern string) (sets []litSet, need [][]string, ok bool) {
	re, err := parsePattern(pattern)
	if err != nil {
		return nil, nil, false
	}
	sets = literalSets(re.Simplify())
	if len(sets) == 0 {
		return nil, nil, false
	}
	// keep the most selective few; sets of single characters only when
	// nothing longer is required (every occurrence of a common character
	// would cost a little on every message)
	sort.SliceStable(sets, func(i, j int) bool { return better(sets[i].lits, sets[j].lits) })
	var left []litSet
	if shortest(sets[0].lits) == 1 {
		if len(sets[0].lits) > 3 {
			return nil, nil, false
		}
		// the set of the rarest characters among those of at most three
		// (瞎 / 盲 of 你瞎吗, not 你 / 您, which most messages hold)
		k := 0
		for i := 1; i < len(sets) && len(sets[i].lits) <= 3; i++ {
			if commonness(sets[i].lits) < commonness(sets[k].lits) {
				k = i
			}
		}
		sets[0], sets[k] = sets[k], sets[0]
		left = append(left, sets[1:]...)
		sets = sets[:1]
	}
	n := 0
	for _, set := range sets {
		if shortest(set.lits) > 1 || n == 0 {
			sets[n] = set
			n++
		} else {
			left = append(left, set)
		}
	}
	if n > maxPrefilterSets {
		left = append(left, sets[maxPrefilterSets:n]...)
	}
	sets = sets[:min(n, maxPrefilterSets)]
	need = needSets(left)
	for k := range sets {
		for i, l := range sets[k].lits {
			sets[k].lits[i] = foldString(l)
		}
		sets[k].lits = dedupe(sets[k].lits)
	}
	return sets, need, true
}

// needSets returns the literals of the required sets left, case-folded,
// each set without the literals that hold another of it (a text holding
// 修改 holds 改), up to maxNeedSets sets of at most maxNeedLiterals
// literals, the smallest first; nil when none is that small.
func needSets(left []litSet) [][]string {
	var out [][]string
	for _, set := range left {
		var lits []string
		for _, l := range set.lits {
			lits = append(lits, foldString(l))
		}
		lits = dedupe(lits)
		var kept []string
		for i, l := range lits {
			redundant := false
			for j, o := range lits {
				if j != i && len(o) < len(l) && strings.Contains(l, o) {
					redundant = true
					break
				}
			}
			if !redundant {
				kept = append(kept, l)
			}
		}
		if len(kept) > 0 && len(kept) <= maxNeedLiterals {
			out = append(out, kept)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) < len(out[j]) })
	return out[:min(len(out), maxNeedSets)]
}

// needSigs is the charSigs of need's literals, set by set.
func needSigs(need [][]string) [][]charSig {
	if len(need) == 0 {
		return nil
	}
	out := make([][]charSig, len(need))
	for k, set := range need {
		for _, lit := range set {
			out[k] = append(out[k], sigOf(lit))
		}
	}
	return out
}

// mayHoldNeed reports whether a text with the characters of chars may hold
// a literal of each set of need (their charSigs: needSigs), as far as the
// characters tell.
func mayHoldNeed(chars *charBloom, need [][]charSig) bool {
	for _, set := range need {
		found := false
		for _, s := range set {
			if chars.may(s) {
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

// literalSets computes, for a regexp node, sets of strings such that every
// match of the node contains one string of each set (a conjunction of
// disjunctions); nil when nothing is known.
func literalSets(re *syntax.Regexp) []litSet {
	if re.Op == syntax.OpConcat || re.Op == syntax.OpAlternate {
		// a node that matches one of a few strings requires them: 收货|收件
		// (parsed as 收(?:货|件)) requires 收货 or 收件, not just 收
		if strs, ok := exactStrings(re, maxPrefilterLiterals); ok {
			w := maxWidth(re)
			return []litSet{{dedupe(strs), w, w, 0}}
		}
	}
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil
		}
		w := maxWidth(re)
		return []litSet{{[]string{string(re.Rune)}, w, w, 0}}
	case syntax.OpCapture:
		return literalSets(re.Sub[0])
	case syntax.OpPlus:
		// the occurrence may be in any of the repetitions
		return unboundedSets(literalSets(re.Sub[0]))
	case syntax.OpRepeat:
		if re.Min < 1 {
			return nil
		}
		sets := literalSets(re.Sub[0])
		if re.Max < 0 {
			return unboundedSets(sets)
		}
		others := maxWidth(re.Sub[0]) * (re.Max - 1)
		for i := range sets {
			sets[i].pre = addWidth(sets[i].pre, others)
			sets[i].post = addWidth(sets[i].post, others)
			sets[i].lead = addWidth(sets[i].lead, others)
		}
		return sets
	case syntax.OpCharClass:
		// a small class of single characters: one of them (a large class
		// of small ranges, such as [\s\p{P}\p{S}], is given up on as soon
		// as it has too many, not written out)
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if len(out)+int(re.Rune[i+1]-re.Rune[i]) >= 16 { // (more than 16 with this range)
				return nil
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, string(r))
			}
		}
		if len(out) == 0 || len(out) > 16 {
			return nil
		}
		w := maxWidth(re)
		return []litSet{{out, w, w, 0}}
	case syntax.OpAlternate:
		// one branch matches: the union of each branch's best set
		var out litSet
		for _, sub := range re.Sub {
			sets := literalSets(sub)
			if len(sets) == 0 {
				return nil
			}
			best := sets[0]
			for _, s := range sets[1:] {
				if better(s.lits, best.lits) {
					best = s
				}
			}
			out.lits = append(out.lits, best.lits...)
			out.pre = max(out.pre, best.pre)
			out.post = max(out.post, best.post)
			out.lead = max(out.lead, best.lead)
		}
		if len(out.lits) > maxPrefilterLiterals {
			return nil
		}
		out.lits = dedupe(out.lits)
		return []litSet{out}
	case syntax.OpConcat:
		// every part matches: all their sets
		// after[i]: the widest the parts after part i match
		after := make([]int, len(re.Sub))
		for i := len(re.Sub) - 2; i >= 0; i-- {
			after[i] = addWidth(after[i+1], maxWidth(re.Sub[i+1]))
		}
		var out []litSet
		before := 0
		for i := 0; i < len(re.Sub); {
			// a run of parts that each match one of a few strings requires
			// their concatenations: (拿|进)货.{0,8}价 requires 拿货 or 进货,
			// not just 货
			if strs, n := exactRun(re.Sub[i:], maxPrefilterLiterals); n > 1 {
				w := 0
				for _, sub := range re.Sub[i : i+n] {
					w = addWidth(w, maxWidth(sub))
				}
				out = append(out, litSet{dedupe(strs), addWidth(before, w), addWidth(w, after[i+n-1]), before})
				before = addWidth(before, w)
				i += n
				continue
			}
			for _, s := range literalSets(re.Sub[i]) {
				s.pre = addWidth(s.pre, before)
				s.post = addWidth(s.post, after[i])
				s.lead = addWidth(s.lead, before)
				out = append(out, s)
			}
			before = addWidth(before, maxWidth(re.Sub[i]))
			i++
		}
		return out
	}
	return nil
}

// exactStrings returns every string a node matches (case-sensitively, as
// parsed) when they are at most limit non-empty strings: literals, small
// classes, and their concatenations and alternations.
func exactStrings(re *syntax.Regexp, limit int) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 || re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if int(re.Rune[i+1]-re.Rune[i]) >= limit-len(out) {
				return nil, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, string(r))
			}
		}
		return out, len(out) > 0
	case syntax.OpCapture:
		return exactStrings(re.Sub[0], limit)
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			strs, ok := exactStrings(sub, limit-len(out))
			if !ok {
				return nil, false
			}
			out = append(out, strs...)
		}
		return out, len(out) <= limit
	case syntax.OpConcat:
		out, n := exactRun(re.Sub, limit)
		return out, n == len(re.Sub) && n > 0
	}
	return nil, false
}

// exactRun returns the concatenations of the longest run of parts at the
// start of subs that each match one of a few strings (exactStrings), as long
// as there are at most limit of them, and the run's length (0 when the
// first part is no such part).
func exactRun(subs []*syntax.Regexp, limit int) ([]string, int) {
	out := []string{""}
	n := 0
	for _, sub := range subs {
		strs, ok := exactStrings(sub, limit)
		if !ok || len(out)*len(strs) > limit {
			break
		}
		next := make([]string, 0, len(out)*len(strs))
		for _, a := range out {
			for _, b := range strs {
				next = append(next, a+b)
			}
		}
		out = next
		n++
	}
	if n == 0 {
		return nil, 0
	}
	return out, n
}

func unboundedSets(sets []litSet) []litSet {
	for i := range sets {
		sets[i].pre, sets[i].post, sets[i].lead = unbounded, unbounded, unbounded
	}
	return sets
}

// better prefers the literal set whose shortest literal is longer (fewer
// false alarms), then the smaller set.
func better(a, b []string) bool {
	ma, mb := shortest(a), shortest(b)
	if ma != mb {
		return ma > mb
	}
	return len(a) < len(b)
}

// commonness is how often text holds a literal of the set, as far as the
// frequency of written Chinese's hanzi tells (HanziRank): the sum, over its
// literals of one character, of one over the character's rank (the
// frequency of a character falls about as one over its rank), with the
// rank of a character HanziByFrequency does not hold taken as past its
// last; a literal of more characters counts as rare as such a one.
func commonness(lits []string) float64 {
	rarest := float64(len(hanziRanks()) + 1)
	var c float64
	for _, l := range lits {
		r, size := utf8.DecodeRuneInString(l)
		rank := HanziRank(r)
		if size != len(l) || rank == 0 {
			c += 1 / rarest
			continue
		}
		c += 1 / float64(rank)
	}
	return c
}

func shortest(s []string) int {
	m := -1
	for _, x := range s {
		if n := utf8.RuneCountInString(x); m < 0 || n < m {
			m = n
		}
	}
	return m
}

// foldString case-folds s as normalisation does (see foldCase): the form
// in which a literal occurs in normalised text whatever its case.
func foldString(s string) string {
	return strings.Map(foldCase, s)
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	out := s[:0]
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
