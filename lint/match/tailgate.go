package match

import (
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tailGate is what a pattern anchored at the end of the text ($), whose
// matches end in a literal followed only by optional characters of a set,
// asks of a text before it is searched: (…)(?P<match>没办法|帮不了)(您|你)?
// (的|了|呢)*[\s\p{P}\p{S}]*$ matches only where 没办法 or 帮不了 is
// followed by nothing but 您, 的, 呢, punctuation… up to the end. Most
// texts holding the literal go on with other words after it; a search from
// every 我 or 这 in them would find nothing.
type tailGate struct {
	// lits are the strings the pattern's last element that must match
	// something can match (none has a character of another case)
	lits []string
	// tail holds every character the elements after it can match, as
	// parsed: compiled with (?i), they match the other cases of each too
	tail *runeSet
}

// maxTailLits bounds tailGate.lits.
const maxTailLits = 64

// newTailGate returns the tailGate of normalised pattern np (compiled
// with (?i), as compilePattern does), or nil when np is not of that form.
func newTailGate(np string) *tailGate {
	if !strings.HasSuffix(np, "$") {
		return nil // (most patterns: not parsed again)
	}
	// (np as parsed, as requiredLiteralSplit parses it already: parsing
	// it with (?i) folds the case of its large classes, which costs far
	// more; may looks at the other cases of a character instead)
	tree, err := parsePattern(np)
	if err != nil || tree.Op != syntax.OpConcat || len(tree.Sub) < 2 {
		return nil
	}
	subs := tree.Sub
	if subs[len(subs)-1].Op != syntax.OpEndText {
		return nil
	}
	var ranges []rune
	k := len(subs) - 2
	for ; k >= 0 && nullable(subs[k]); k-- {
		if !tailChars(subs[k], &ranges) {
			return nil
		}
	}
	if k < 0 {
		return nil
	}
	lits, ok := tailStrings(subs[k])
	if !ok || len(lits) == 0 {
		return nil
	}
	for _, l := range lits {
		if l == "" {
			return nil
		}
	}
	return &tailGate{lits: lits, tail: runeSetOf(ranges)}
}

// nullable reports whether re can match the empty string, as far as its
// form tells (false when unsure).
func nullable(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpStar, syntax.OpQuest:
		return true
	case syntax.OpRepeat:
		return re.Min == 0
	case syntax.OpCapture:
		return nullable(re.Sub[0])
	}
	return false
}

// tailChars adds to ranges (lo, hi pairs) every character re can match
// (as parsed, without (?i)), and reports whether re matches characters
// only (no assertion).
func tailChars(re *syntax.Regexp, ranges *[]rune) bool {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return true
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			*ranges = append(*ranges, r, r)
		}
		return true
	case syntax.OpCharClass:
		*ranges = append(*ranges, re.Rune...)
		return true
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat, syntax.OpCapture,
		syntax.OpConcat, syntax.OpAlternate:
		for _, s := range re.Sub {
			if !tailChars(s, ranges) {
				return false
			}
		}
		return true
	}
	return false
}

// tailStrings returns every string re can match (at most maxTailLits;
// none whose case folds to another), or ok false.
func tailStrings(re *syntax.Regexp) (_ []string, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if unicode.SimpleFold(r) != r {
				return nil, false
			}
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) == maxTailLits || unicode.SimpleFold(r) != r {
					return nil, false
				}
				out = append(out, string(r))
			}
		}
		return out, true
	case syntax.OpCapture:
		return tailStrings(re.Sub[0])
	case syntax.OpAlternate:
		var out []string
		for _, s := range re.Sub {
			ss, ok := tailStrings(s)
			if !ok || len(out)+len(ss) > maxTailLits {
				return nil, false
			}
			out = append(out, ss...)
		}
		return out, true
	case syntax.OpConcat:
		out := []string{""}
		for _, s := range re.Sub {
			ss, ok := tailStrings(s)
			if !ok || len(out)*len(ss) > maxTailLits {
				return nil, false
			}
			next := make([]string, 0, len(out)*len(ss))
			for _, a := range out {
				for _, b := range ss {
					next = append(next, a+b)
				}
			}
			out = next
		}
		return out, true
	}
	return nil, false
}

// may reports whether a match of the gate's pattern may lie in text
// (normalised): a literal of lits ends where only characters of tail
// follow it up to the end. If not, the pattern does not match text.
func (g *tailGate) may(text string) bool {
	// p: where the text's run of tail characters up to its end starts
	p := len(text)
	for p > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:p])
		if !g.tail.has(r) && !g.hasFold(r) {
			break
		}
		p -= size
	}
	// a literal ending at or after p starts at or after p-len(lit)
	for _, lit := range g.lits {
		if strings.Contains(text[max(0, p-len(lit)):], lit) {
			return true
		}
	}
	return false
}

// hasFold reports whether a character of another case than r (which the
// pattern, compiled with (?i), matches as it matches r) is in g.tail.
func (g *tailGate) hasFold(r rune) bool {
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if g.tail.has(f) {
			return true
		}
	}
	return false
}
