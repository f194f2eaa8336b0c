package match

import (
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// maxPrefilterLiterals bounds the literal set of one pattern; a pattern
// needing more runs on every message.
const maxPrefilterLiterals = 64

// requiredLiterals returns literals of which every match of the (already
// normalised) pattern contains at least one, so the pattern need only run on
// messages where the phrase automaton saw one of them. ok is false when no
// such set is known (the pattern then runs on every message).
func requiredLiterals(pattern string) (lits []string, ok bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, false
	}
	lits, ok = literalSet(re.Simplify())
	if !ok || len(lits) == 0 {
		return nil, false
	}
	for i, l := range lits {
		lits[i] = strings.ToLower(l)
	}
	return lits, true
}

// literalSet computes, for a regexp node, a set of strings one of which
// every match of the node contains.
func literalSet(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCapture:
		return literalSet(re.Sub[0])
	case syntax.OpPlus:
		return literalSet(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return literalSet(re.Sub[0])
		}
		return nil, false
	case syntax.OpCharClass:
		// a small class of single characters: one of them
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 16 {
				return nil, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, string(r))
			}
		}
		if len(out) == 0 || len(out) > 16 {
			return nil, false
		}
		return out, true
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			s, ok := literalSet(sub)
			if !ok {
				return nil, false
			}
			out = append(out, s...)
		}
		if len(out) > maxPrefilterLiterals {
			return nil, false
		}
		return dedupe(out), true
	case syntax.OpConcat:
		// any one part that must match will do: take the most selective
		var best []string
		found := false
		for _, sub := range re.Sub {
			s, ok := literalSet(sub)
			if ok && (!found || better(s, best)) {
				best, found = s, true
			}
		}
		return best, found
	}
	return nil, false
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
