package match

import (
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

// requiredLiterals returns sets of literals such that every match of the
// (already normalised) pattern contains a literal of each set, so the pattern
// need only run on messages where the phrase automaton saw one literal of
// every set. ok is false when no such set is known (the pattern then runs on
// every message).
func requiredLiterals(pattern string) (sets [][]string, ok bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, false
	}
	sets = literalSets(re.Simplify())
	if len(sets) == 0 {
		return nil, false
	}
	// keep the most selective few; sets of single characters only when
	// nothing longer is required (every occurrence of a common character
	// would cost a little on every message)
	sort.SliceStable(sets, func(i, j int) bool { return better(sets[i], sets[j]) })
	if shortest(sets[0]) == 1 {
		if len(sets[0]) > 3 {
			return nil, false
		}
		sets = sets[:1]
	}
	n := 0
	for _, set := range sets {
		if shortest(set) > 1 || n == 0 {
			sets[n] = set
			n++
		}
	}
	sets = sets[:min(n, maxPrefilterSets)]
	for _, set := range sets {
		for i, l := range set {
			set[i] = strings.ToLower(l)
		}
	}
	return sets, true
}

// literalSets computes, for a regexp node, sets of strings such that every
// match of the node contains one string of each set (a conjunction of
// disjunctions); nil when nothing is known.
func literalSets(re *syntax.Regexp) [][]string {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil
		}
		return [][]string{{string(re.Rune)}}
	case syntax.OpCapture, syntax.OpPlus:
		return literalSets(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return literalSets(re.Sub[0])
		}
		return nil
	case syntax.OpCharClass:
		// a small class of single characters: one of them
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 16 {
				return nil
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, string(r))
			}
		}
		if len(out) == 0 || len(out) > 16 {
			return nil
		}
		return [][]string{out}
	case syntax.OpAlternate:
		// one branch matches: the union of each branch's best set
		var out []string
		for _, sub := range re.Sub {
			sets := literalSets(sub)
			if len(sets) == 0 {
				return nil
			}
			best := sets[0]
			for _, s := range sets[1:] {
				if better(s, best) {
					best = s
				}
			}
			out = append(out, best...)
		}
		if len(out) > maxPrefilterLiterals {
			return nil
		}
		return [][]string{dedupe(out)}
	case syntax.OpConcat:
		// every part matches: all their sets
		var out [][]string
		for _, sub := range re.Sub {
			out = append(out, literalSets(sub)...)
		}
		return out
	}
	return nil
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

func shortest(s []string) int {
	m := -1
	for _, x := range s {
		if n := utf8.RuneCountInString(x); m < 0 || n < m {
			m = n
		}
	}
	return m
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
