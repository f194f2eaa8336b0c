package match

import (
	"cmp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unsafe"
)

// Parsing a class such as [\s\p{P}\p{S}] costs the parser tens of
// thousands of instructions: it appends the ranges of each table (some
// 340 in all, in the order of the tables, not of the characters), then
// sorts and merges them. The built-in packs write that class and its
// negation a hundred times over. parseExpanded parses a pattern with each
// such class written as a marker instead: a class of two private-use
// characters of plane 15 that stand for it, which the parser reads at
// the cost of two characters. The parser treats a marker as it treats
// the class (it compares, factors and merges classes by their characters
// only, and equal classes have equal markers); the tree it returns then
// has each marker's characters replaced by the class's, worked out once
// per class text. The tree is the one the parser builds of the pattern
// as written (TestParseExpanded, FuzzParseExpanded).

// Markers are pairs of characters from markBase on: marker k is
// markBase+2k and markBase+2k+1 (two characters, so that the parser
// keeps it a class, never a literal), with \n beside them when the class
// holds \n (so that a class merged with . gains \n as it would).
const (
	markBase = 0xF0000
	maxMarks = 0x7000 // (markBase + 2*maxMarks stays below plane 16)
)

// The parser rejects a pattern whose classes hold more than maxParseRunes
// characters' worth of ranges in all (syntax's maxRunes: "expression too
// large"), counting each class where it is written; a marker holds two.
// markClasses leaves to the parser a pattern whose classes could come near
// it: the classes it marks hold what they hold, and every other byte of
// the pattern at most unmarkedRunesPerByte runes (a literal one, \w eight
// in two bytes), or foldedRunesPerByte under (?i), where a range
// such as [ɐ-ʯ] gains the case variants of its characters (at most one
// range for each of the 2,878 characters that have one, in a range
// written in three bytes or more: TestFoldedRunesPerByte).
const (
	maxParseRunes        = 128 << 20 / 4
	unmarkedRunesPerByte = 6
	foldedRunesPerByte   = 2048
)

// parseExpanded is syntax.Parse(s, syntax.Perl), parsing s with its
// classes that name Unicode tables (and the classes that would cover a
// marker's characters) written as markers (markClasses). A pattern it
// does not mark, or whose marked form does not parse or does not give
// back a tree it can vouch for, is parsed as it is (so an error is the
// parser's own, about s).
func parseExpanded(s string) (*syntax.Regexp, error) {
	if ms, sets, ok := markClasses(s); ok {
		if t, err := syntax.Parse(ms, syntax.Perl); err == nil && unmark(t, sets) {
			return t, nil
		}
	}
	return syntax.Parse(s, syntax.Perl)
}

// markClasses returns s with each class that names a Unicode table, each
// negated class, each class holding \S, \D or \W, and each such escape
// outside a class written as a marker, the classes the markers stand
// for (by marker number), and whether it wrote any. It marks only
// patterns that name a table (\p, \P: the others parse cheaply) whose
// flags are the same throughout, none or case folding: s may start with
// (?i) but set no flags after it, and it holds no \Q…\E. Nor does it
// mark a pattern that could hold a character of the markers' plane
// itself (mayWriteMarks), nor one whose classes it cannot
// delimit as the parser does (a POSIX name such as [:alpha:], an
// unclosed class), nor one with a class it cannot mark that would cover
// the markers (all characters, or all but \n), nor one whose classes
// could hold near the parser's limit (maxParseRunes: the parser's error is
// about the pattern as written).
func markClasses(s string) (string, []*classSet, bool) {
	// (?i) at the start folds the whole pattern, classes and markers alike
	// (a marker's characters have no case): a class's characters are then
	// those it has parsed alone after (?i)
	fold := ""
	if strings.HasPrefix(s, "(?i)") {
		fold = "(?i)"
	}
	if !strings.Contains(s, `\p`) && !strings.Contains(s, `\P`) || hasFlagGroup(s[len(fold):]) ||
		strings.Contains(s, `\Q`) || mayWriteMarks(s) {
		return "", nil, false
	}
	var (
		b     strings.Builder
		sets  []*classSet
		last  int // s[last:] is not written yet
		runes int // the runes of the classes marked, where written
	)
	// mark writes s[start:end] (a class, or an escape that is one) as a
	// marker; false when it cannot be marked and would cover the markers
	mark := func(start, end int) bool {
		cs := classSetOf(fold + s[start:end])
		if cs.runes == nil {
			return !cs.covers
		}
		// equal classes have one marker (the parser factors them): by their
		// ranges, for classSetOf's sets are shared only up to its bound
		k := 0
		for k < len(sets) && sets[k] != cs && !slices.Equal(sets[k].runes, cs.runes) {
			k++
		}
		runes += len(cs.runes)
		if k == len(sets) {
			if k == maxMarks {
				return false
			}
			sets = append(sets, cs)
		}
		if last == 0 {
			b.Grow(len(s) + 8)
		}
		b.WriteString(s[last:start])
		b.WriteByte('[')
		b.WriteRune(rune(markBase + 2*k))
		b.WriteRune(rune(markBase + 2*k + 1))
		if cs.nl {
			b.WriteString(`\n`)
		}
		b.WriteByte(']')
		last = end
		return true
	}
	for i := len(fold); i < len(s); {
		switch s[i] {
		case '\\':
			n := escapeLen(s[i:])
			if n >= 2 && strings.IndexByte("pPSDW", s[i+1]) >= 0 && !mark(i, i+n) {
				return "", nil, false
			}
			i += n
		case '[':
			end := classEnd(s, i)
			if end < 0 {
				return "", nil, false
			}
			if in := s[i+1 : end]; strings.HasPrefix(in, "^") || strings.ContainsAny(in, `pPSDW`) && hasClassEscape(in) {
				if !mark(i, end+1) {
					return "", nil, false
				}
			}
			i = end + 1
		default:
			i++
		}
	}
	perByte := unmarkedRunesPerByte
	if fold != "" {
		perByte = foldedRunesPerByte
	}
	if len(sets) == 0 || runes+perByte*len(s) > maxParseRunes {
		return "", nil, false
	}
	b.WriteString(s[last:])
	return b.String(), sets, true
}

// mayWriteMarks reports whether s may hold a character of the markers'
// plane: written as such, or as a hex escape of five digits or more
// (\x{F0000}).
func mayWriteMarks(s string) bool {
	if strings.IndexByte(s, 0xF3) >= 0 || strings.IndexByte(s, 0xF4) >= 0 {
		return true
	}
	for i := 0; ; {
		k := strings.Index(s[i:], `\x{`)
		if k < 0 {
			return false
		}
		i += k + 3
		for i < len(s) && s[i] == '0' {
			i++
		}
		if j := strings.IndexByte(s[i:], '}'); j < 0 || j >= 5 {
			return true
		}
	}
}

// hasClassEscape reports whether the contents of a class hold an escape
// that names a table or a negated Perl class (\p, \P, \S, \D, \W).
func hasClassEscape(in string) bool {
	for i := 0; i < len(in); {
		if in[i] != '\\' {
			i++
			continue
		}
		n := escapeLen(in[i:])
		if n >= 2 && strings.IndexByte("pPSDW", in[i+1]) >= 0 {
			return true
		}
		i += n
	}
	return false
}

// classEnd returns the index of the ] closing the class opened at s[i]
// ('['), as the parser reads it (a ] right after [ or [^ is a character
// of the class), or -1 when there is none or the class holds a POSIX
// name ([:alpha:]).
func classEnd(s string, i int) int {
	k := i + 1
	if k < len(s) && s[k] == '^' {
		k++
	}
	if k < len(s) && s[k] == ']' {
		k++
	}
	for k < len(s) {
		switch {
		case s[k] == '\\':
			k += escapeLen(s[k:])
		case s[k] == '[' && k+1 < len(s) && s[k+1] == ':':
			return -1
		case s[k] == ']':
			return k
		default:
			k++
		}
	}
	return -1
}

// classSet is what a class (or an escape that is one) stands for: its
// ranges as the parser leaves them (sorted, merged), and whether they
// hold \n; runes is nil when the class is not to be marked: it does not
// parse on its own as a class, or the parser would make something else of
// it (one character, a character and its case variant, all characters or
// all but \n), or it is empty. covers says that such a class holds
// characters of the markers' plane.
type classSet struct {
	runes  []rune
	nl     bool
	covers bool
}

// classSets holds classSetOf's sets by class text, up to
// maxCompiledPatterns of them (as parsePattern's trees); equalSets holds
// one set of each equal ranges, so that classes written differently that
// the parser finds equal (and factors together) have the same marker.
var (
	classSets     sync.Map // string → *classSet
	equalSets     sync.Map // string(ranges) → *classSet
	classSetCount atomic.Int64
)

// classSetOf returns what class (a class, or an escape that is one, as
// written, after (?i) when the pattern folds case) stands for, working it
// out on its first call.
func classSetOf(class string) *classSet {
	if v, ok := classSets.Load(class); ok {
		return v.(*classSet)
	}
	cs := newClassSet(class)
	if cs.runes != nil {
		// (the ranges' bytes: string(cs.runes) would write every surrogate
		// as U+FFFD, making [^\x{D801}-\x{DFFE}] and [^\x{D801}-\x{FFFC}]
		// one class)
		key := string(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(cs.runes))), 4*len(cs.runes)))
		if v, ok := equalSets.Load(key); ok {
			cs = v.(*classSet)
		} else if classSetCount.Load() < maxCompiledPatterns {
			v, _ := equalSets.LoadOrStore(key, cs)
			cs = v.(*classSet)
		}
	}
	if classSetCount.Add(1) <= maxCompiledPatterns {
		classSets.Store(class, cs)
	}
	return cs
}

// newClassSet parses class on its own (classSetOf).
func newClassSet(class string) *classSet {
	t, err := syntax.Parse(class, syntax.Perl)
	if err != nil || t.Op != syntax.OpCharClass {
		// (parsed alone, a class of all characters is .)
		return &classSet{covers: err == nil && (t.Op == syntax.OpAnyChar || t.Op == syntax.OpAnyCharNotNL)}
	}
	r := t.Rune
	if len(r) == 0 || len(r) == 2 && r[1]-r[0] <= 1 || isAnyRanges(r) || // empty, one or two characters, all
		len(r) == 4 && r[0] == r[1] && r[2] == r[3] && unicode.SimpleFold(r[0]) == r[2] { // a case pair
		return &classSet{covers: r[len(r)-1] >= markBase}
	}
	return &classSet{runes: r, nl: inRanges(r, '\n')}
}

// isAnyRanges reports whether ranges are all characters or all but \n
// (the parser makes . of such a class in an alternation).
func isAnyRanges(r []rune) bool {
	return len(r) == 2 && r[0] == 0 && r[1] == unicode.MaxRune ||
		len(r) == 4 && r[0] == 0 && r[1] == '\n'-1 && r[2] == '\n'+1 && r[3] == unicode.MaxRune
}

// unmark replaces, in the tree t of a pattern marked by markClasses, the
// characters of each marker by those of the class it stands for (sets),
// as the parser would have merged them. It reports false when the tree
// holds a marker's character elsewhere than in a class, or a range that
// is part marker, or a class that comes out all characters (or all but
// \n: the parser would have made it .): t is then not the parser's tree
// of the pattern as written.
func unmark(t *syntax.Regexp, sets []*classSet) bool {
	end := rune(markBase + 2*len(sets)) // the markers' characters are below
	switch t.Op {
	case syntax.OpLiteral:
		for _, r := range t.Rune {
			if r >= markBase {
				return false
			}
		}
	case syntax.OpCharClass:
		n := len(t.Rune)
		if n == 0 || t.Rune[n-1] < markBase {
			break
		}
		if lo := t.Rune[n-2]; lo >= markBase && lo < end && lo%2 == 0 && t.Rune[n-1] == lo+1 {
			// one marker (most classes), \n beside it if its class holds it
			if cs := sets[(lo-markBase)/2]; n == 2 || n == 4 && cs.nl && t.Rune[0] == '\n' && t.Rune[1] == '\n' {
				t.Rune = slices.Clone(cs.runes)
				break
			}
		}
		var out []rune
		for i := 0; i+1 < len(t.Rune); i += 2 {
			lo, hi := t.Rune[i], t.Rune[i+1]
			switch {
			case hi < markBase:
				out = append(out, lo, hi)
			case lo < markBase || hi >= end || (lo-markBase)%2 != 0 || (hi-markBase)%2 != 1:
				return false
			default:
				for k := (lo - markBase) / 2; k <= (hi-markBase)/2; k++ {
					out = append(out, sets[k].runes...)
				}
			}
		}
		out = cleanRanges(out)
		if isAnyRanges(out) {
			return false
		}
		t.Rune = out
	}
	for _, sub := range t.Sub {
		if !unmark(sub, sets) {
			return false
		}
	}
	return true
}

// cleanRanges sorts ranges (pairs lo, hi) and merges those that overlap or
// touch, as the parser leaves a class.
func cleanRanges(r []rune) []rune {
	n := len(r) / 2
	sorted := true
	for i := 1; i < n && sorted; i++ {
		sorted = r[2*i-2] <= r[2*i]
	}
	if !sorted {
		pairs := unsafe.Slice((*[2]rune)(unsafe.Pointer(unsafe.SliceData(r))), n)
		slices.SortFunc(pairs, func(a, b [2]rune) int { return cmp.Compare(a[0], b[0]) })
	}
	w := 0
	for i := 0; i < n; i++ {
		lo, hi := r[2*i], r[2*i+1]
		if w > 0 && lo <= r[w-1]+1 {
			r[w-1] = max(r[w-1], hi)
			continue
		}
		r[w], r[w+1] = lo, hi
		w += 2
	}
	return r[:w]
}
