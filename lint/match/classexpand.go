package match

import (
	"regexp/syntax"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Parsing a class such as [\s\p{P}\p{S}] costs the parser tens of
// thousands of instructions: it appends the ranges of each table (some
// 450 in all, in the order of the tables, not of the characters), then
// sorts and merges them. The built-in packs write that class and its
// negation 70 times over. parseExpanded parses a pattern with such a class
// written out as its ranges in order, worked out once per class text: the
// parser then reads ranges that need no sorting (half the instructions),
// and builds the same tree, its class holding the same ranges
// (TestParseExpanded, FuzzParseExpanded).

// parseExpanded is syntax.Parse(s, syntax.Perl), parsing s with its
// classes that name Unicode tables (\p, \P) written out (expandClasses).
// A pattern it does not rewrite, or whose rewriting does not parse, is
// parsed as it is (so an error is the parser's own, about s).
func parseExpanded(s string) (*syntax.Regexp, error) {
	if es, ok := expandClasses(s); ok {
		if t, err := syntax.Parse(es, syntax.Perl); err == nil {
			return t, nil
		}
	}
	return syntax.Parse(s, syntax.Perl)
}

// expandClasses returns s with the contents of each character class that
// names a Unicode table, and that an earlier pattern held too, written out
// as its ranges in order (classExpansion), and whether it wrote any. Only
// patterns parsed without case folding are rewritten: s must set no flags
// ((?i) would fold the written-out ranges one by one, which costs more
// than the tables' folds) and hold no \Q…\E; nor is a pattern whose
// classes it cannot delimit as the parser does (a POSIX name such as
// [:alpha:], an unclosed class).
func expandClasses(s string) (string, bool) {
	if !strings.Contains(s, `\p`) && !strings.Contains(s, `\P`) || hasFlagGroup(s) || strings.Contains(s, `\Q`) {
		return "", false
	}
	var b strings.Builder
	last := 0 // s[last:] is not written yet
	for i := 0; i < len(s); {
		switch s[i] {
		case '\\':
			i += escapeLen(s[i:])
		case '[':
			end := classEnd(s, i)
			if end < 0 {
				return "", false
			}
			start := i + 1
			if s[start] == '^' {
				start++
			}
			if exp := classExpansion(s[start:end]); exp != "" {
				if last == 0 {
					b.Grow(len(s) + len(exp))
				}
				b.WriteString(s[last:start])
				b.WriteString(exp)
				last = end
			}
			i = end + 1
		default:
			i++
		}
	}
	if last == 0 {
		return "", false
	}
	b.WriteString(s[last:])
	return b.String(), true
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

// classExp is what classExpansion knows of a class's contents: how often
// they were asked about, and, from the second time on, the contents
// written out (out, "" when they are not).
type classExp struct {
	seen atomic.Int32
	once sync.Once
	out  string
}

// classExpansions holds classExpansion's classExp by class contents, up
// to maxCompiledPatterns of them (as parsePattern's trees); classExpCount
// counts them.
var (
	classExpansions sync.Map // string → *classExp
	classExpCount   atomic.Int64
)

// classExpansion returns the contents of a class (between [ or [^ and ])
// written out as the ranges of its characters, in order, or "" when they
// name no Unicode table (nothing to gain), are not valid on their own, or
// are asked about for the first time: working them out parses the class,
// which pays only when it is met again. A negated class ([^…]) negates
// what its contents add up to, so the same writing serves it.
func classExpansion(in string) string {
	if !strings.Contains(in, `\p`) && !strings.Contains(in, `\P`) {
		return ""
	}
	v, ok := classExpansions.Load(in)
	if !ok {
		if classExpCount.Add(1) > maxCompiledPatterns {
			return ""
		}
		v, _ = classExpansions.LoadOrStore(in, &classExp{})
	}
	e := v.(*classExp)
	if e.seen.Add(1) < 2 {
		return ""
	}
	e.once.Do(func() { e.out = writeClassContents(in) })
	return e.out
}

// writeClassContents returns the ranges of class [in], parsed, written out
// in order as a class's contents, or "" when [in] is not a valid class
// (or is parsed as something else: a literal).
func writeClassContents(in string) string {
	t, err := syntax.Parse("["+in+"]", syntax.Perl)
	if err != nil || t.Op != syntax.OpCharClass {
		return ""
	}
	var b strings.Builder
	for i := 0; i+1 < len(t.Rune); i += 2 {
		writeClassRune(&b, t.Rune[i])
		if t.Rune[i+1] != t.Rune[i] {
			b.WriteByte('-')
			writeClassRune(&b, t.Rune[i+1])
		}
	}
	return b.String()
}

// writeClassRune writes r as a character of a class: as itself when it is
// an ASCII letter or digit or a valid character past ASCII (surrogates
// excluded), otherwise as \x{…}.
func writeClassRune(b *strings.Builder, r rune) {
	switch {
	case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9',
		0x80 <= r && r < 0xD800, 0xE000 <= r && r <= 0x10FFFF:
		b.WriteRune(r)
	default:
		var buf [8]byte
		b.WriteString(`\x{`)
		b.Write(strconv.AppendInt(buf[:0], int64(r), 16))
		b.WriteByte('}')
	}
}
