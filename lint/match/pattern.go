package match

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// CompilePattern compiles an RE2 pattern from a rule pack so that it matches
// normalised text: the pattern's own characters are normalised the way
// message text is (so a pattern written in Traditional characters or
// full-width letters still matches), both in literals (quoted text \Q…\E
// and hex escapes \x{3000} among them) and inside character classes
// (negated ones included: [^兩] excludes 两; a range keeps the
// characters it covers and gains their normalised forms: [Ａ-Ｚ] takes
// a-z, [A-z] still takes _), and letters match case-insensitively.
//
// A pattern is compiled once per process: a run compiles every pattern of
// its packs twice (rules validation, then the matcher), and compiling them
// is a noticeable part of start-up. The *regexp.Regexp returned is shared,
// as a Regexp may be (it is safe for concurrent use); callers must not
// change it (Longest).
func CompilePattern(p string) (*regexp.Regexp, error) {
	lr, np, err := compilePattern(p)
	if err != nil {
		return nil, err
	}
	re, err := lr.compile()
	if err != nil {
		return nil, fmt.Errorf("compile pattern (normalised to %q): %w", np, err)
	}
	return re, nil
}

// compilePattern is CompilePattern for the matcher: the pattern's regexp
// is compiled by the regexp package only when first asked to match
// (lazyRegexp), and it also returns the pattern normalised
// (normalizePattern), which the matcher's builder needs too. Errors are
// those CompilePattern reports.
func compilePattern(p string) (*lazyRegexp, string, error) {
	if c, ok := compiledPatterns.Load(p); ok {
		c := c.(*compiledPattern)
		return c.re, c.np, nil
	}
	// the pattern as written must be valid (regexp.Compile would report
	// the same error: it returns the parser's)
	if _, err := parsePattern(p); err != nil {
		return nil, "", fmt.Errorf("compile pattern: %w", err)
	}
	np := normalizePattern(p)
	lr, err := newLazyRegexp(np)
	if err != nil {
		return nil, "", fmt.Errorf("compile pattern (normalised to %q): %w", np, err)
	}
	if compiledCount.Add(1) <= maxCompiledPatterns {
		compiledPatterns.Store(p, &compiledPattern{lr, np})
	}
	return lr, np, nil
}

// compiledPattern is a pattern compiled (compilePattern) and normalised.
type compiledPattern struct {
	re *lazyRegexp
	np string
}

// lazyRegexp is a pattern's regexp, "(?i)"+np for np the pattern
// normalised, compiled by the regexp package on first use. The matcher
// runs most patterns on its own backtracker (btProg), compiled from the
// parsed tree, and the regexp package only for inputs too long for it, or
// patterns it cannot run: building every pattern's *regexp.Regexp at
// start-up (parsing it under (?i) again, its large classes folded and
// sorted, a program and its one-pass form) was a third of start-up, for
// regexps most runs never use. Its groups (NumSubexp, SubexpIndex) are
// those of np's tree, which (?i) does not change.
type lazyRegexp struct {
	src    string // the pattern for the regexp package
	groups int    // its capturing groups (NumSubexp)
	match  int    // the index of its group named match (-1: none)
	once   sync.Once
	re     *regexp.Regexp
	err    error
}

// newLazyRegexp returns "(?i)"+np, to compile on first use, or the
// error regexp.Compile gives for it. np is parsed (and kept: parsePattern)
// to check it and for its groups. Parsing under (?i) only folds cases
// (classes gain ranges, literals a flag), which neither makes a valid
// pattern invalid short of the parser's size limits (tens of millions of
// class ranges) nor changes its groups; should np not parse, the regexp
// is compiled at once for its error (or, were it to compile after all,
// kept).
func newLazyRegexp(np string) (*lazyRegexp, error) {
	lr := &lazyRegexp{src: "(?i)" + np}
	tree, err := parsePattern(np)
	if err != nil {
		re, err := lr.compile()
		if err != nil {
			return nil, err
		}
		lr.groups, lr.match = re.NumSubexp(), re.SubexpIndex("match")
		return lr, nil
	}
	lr.groups, lr.match = tree.MaxCap(), capIndex(tree, "match")
	return lr, nil
}

// compile returns the regexp, compiling it on the first call.
func (lr *lazyRegexp) compile() (*regexp.Regexp, error) {
	lr.once.Do(func() { lr.re, lr.err = regexp.Compile(lr.src) })
	return lr.re, lr.err
}

// regexp returns the regexp, compiling it on the first call. It panics if
// the pattern does not compile, which a lazyRegexp made by newLazyRegexp
// always does (see there).
func (lr *lazyRegexp) regexp() *regexp.Regexp {
	re, err := lr.compile()
	if err != nil {
		panic(fmt.Sprintf("match: pattern %q: %v", lr.src, err))
	}
	return re
}

// String returns the pattern's source, as Regexp.String does.
func (lr *lazyRegexp) String() string { return lr.src }

// NumSubexp is Regexp.NumSubexp, without compiling the regexp.
func (lr *lazyRegexp) NumSubexp() int { return lr.groups }

// matchIndex is Regexp.SubexpIndex("match"), without compiling the
// regexp.
func (lr *lazyRegexp) matchIndex() int { return lr.match }

// FindAllStringIndex is Regexp.FindAllStringIndex.
func (lr *lazyRegexp) FindAllStringIndex(s string, n int) [][]int {
	return lr.regexp().FindAllStringIndex(s, n)
}

// FindStringIndex is Regexp.FindStringIndex.
func (lr *lazyRegexp) FindStringIndex(s string) []int {
	return lr.regexp().FindStringIndex(s)
}

// FindStringSubmatchIndex is Regexp.FindStringSubmatchIndex.
func (lr *lazyRegexp) FindStringSubmatchIndex(s string) []int {
	return lr.regexp().FindStringSubmatchIndex(s)
}

// compiledPatterns caches CompilePattern's results by pattern, up to
// maxCompiledPatterns of them (a program compiling ever new patterns would
// otherwise grow it without end); compiledCount counts the patterns
// compiled.
var (
	compiledPatterns sync.Map
	compiledCount    atomic.Int64
)

const maxCompiledPatterns = 4096

// parsePattern returns syntax.Parse(s, syntax.Perl), parsed once per
// process for each s (up to maxCompiledPatterns of them), its large
// classes parsed once per process (parseExpanded). Compiling a
// pattern parses it several times over (validation, the prefilter's
// literals, windows, except patterns' gates and widths), and a class such
// as [\s\p{P}\p{S}] costs the parser tens of thousands of instructions
// each time (it sorts its hundreds of ranges). The tree returned is shared:
// callers must not change it (Simplify and withoutAssertions make copies).
func parsePattern(s string) (*syntax.Regexp, error) {
	if t, ok := parsedPatterns.Load(s); ok {
		return t.(*syntax.Regexp), nil
	}
	t, err := parseExpanded(s)
	if err != nil {
		return nil, err
	}
	if parsedCount.Add(1) <= maxCompiledPatterns {
		parsedPatterns.Store(s, t)
	}
	return t, nil
}

// parsedPatterns caches parsePattern's trees by pattern; parsedCount counts
// the patterns parsed.
var (
	parsedPatterns sync.Map
	parsedCount    atomic.Int64
)

// normalizePattern rewrites the characters of a regular expression that
// stand for themselves to their normalised form, leaving its syntax alone:
// runs of literal text outside classes are normalised as a whole (so
// phrase conversions apply), quoted text (\Q…\E) and characters written
// as hex escapes (\x{3000}) among them, characters inside classes one by
// one, ranges and single escaped characters by writeClassRange; the other
// escapes are copied as written; a character that normalises to a
// metacharacter (a full-width parenthesis) is escaped.
func normalizePattern(p string) string {
	var b strings.Builder
	var run strings.Builder // pending literal text outside classes
	flush := func() {
		if run.Len() > 0 {
			b.WriteString(regexp.QuoteMeta(Normalize(run.String())))
			run.Reset()
		}
	}
	// literal adds r, written as orig, to the run of literal text
	literal := func(r rune, orig string) {
		if _, keep := foldRune(r); !keep {
			// a character text never holds after normalisation: keep it as
			// written so the pattern's structure (a following *) stays valid
			flush()
			b.WriteString(orig)
		} else {
			run.WriteRune(r)
		}
	}
	inClass := false
	for i := 0; i < len(p); {
		if inClass {
			// a range: its characters normalised one by one would not
			// make a range (A-[ would be a-[, A-z would lose [\]^_`)
			if lo, hi, n := classRangeAt(p, i); n > 0 {
				writeClassRange(&b, p[i:i+n], lo, hi)
				i += n
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(p[i:])
		switch {
		case r == '\\':
			n := escapeLen(p[i:])
			switch {
			case inClass:
				// \x{3000} alone in a class is a member like 　 (a
				// range took the path above)
				if c, m, ok := classAtom(p, i); ok && m == n {
					writeClassRange(&b, p[i:i+n], c, c)
				} else {
					b.WriteString(p[i : i+n])
				}
			case p[i+1:i+min(n, 2)] == "Q":
				// quoted text is literal text
				q := strings.TrimSuffix(p[i+2:i+n], `\E`)
				for _, c := range q {
					literal(c, regexp.QuoteMeta(string(c)))
				}
			default:
				if c, ok := hexEscape(p[i : i+n]); ok {
					literal(c, p[i:i+n])
				} else {
					flush()
					b.WriteString(p[i : i+n])
				}
			}
			i += n
			continue
		case inClass:
			switch {
			case r == ']' && !classStart(p, i):
				inClass = false
				b.WriteRune(r)
			case r == '[' && strings.HasPrefix(p[i:], "[:"):
				end := strings.Index(p[i:], ":]")
				if end < 0 {
					b.WriteString(p[i:])
					return b.String()
				}
				b.WriteString(p[i : i+end+2])
				i += end + 2
				continue
			default:
				out, keep := foldRune(r)
				if !keep {
					out = r // dropped from text: keep it, it can only fail to match
				}
				if out < utf8.RuneSelf && strings.ContainsRune(`\]-^[`, out) && out != r {
					b.WriteByte('\\')
				}
				b.WriteRune(out)
			}
		case r == '[':
			flush()
			inClass = true
			b.WriteRune(r)
			// a leading ^ and a leading ] belong to the class syntax
			if strings.HasPrefix(p[i+1:], "^") {
				b.WriteByte('^')
				i++
			}
		case r < utf8.RuneSelf && strings.ContainsRune(`.+*?()|{}^$`, r):
			flush()
			if r == '(' && strings.HasPrefix(p[i:], "(?") {
				// group flags and names are syntax: copy up to ':' or ')' or '>'
				j := i + 2
				for j < len(p) && p[j] != ':' && p[j] != ')' && p[j] != '>' {
					j++
				}
				if j < len(p) {
					j++
				}
				b.WriteString(p[i:j])
				i = j
				continue
			}
			if r == '{' {
				// a repetition {n,m} is syntax
				if j := strings.IndexByte(p[i:], '}'); j > 0 && isRepeat(p[i+1:i+j]) {
					b.WriteString(p[i : i+j+1])
					i += j + 1
					continue
				}
			}
			b.WriteRune(r)
		default:
			literal(r, regexp.QuoteMeta(string(r)))
		}
		i += size
	}
	flush()
	return b.String()
}

// hexEscape returns the character a hex escape (\x41, \x{3000}) stands
// for; ok is false for any other escape.
func hexEscape(esc string) (r rune, ok bool) {
	if len(esc) < 3 || esc[1] != 'x' {
		return 0, false
	}
	t, err := syntax.Parse(esc, syntax.Perl)
	if err != nil || t.Op != syntax.OpLiteral || len(t.Rune) != 1 {
		return 0, false
	}
	return t.Rune[0], true
}

// classAtom returns the character that the class member at p[i] stands
// for, and its length: a character as written, or an escape of one
// character (\x{41}, \-, \n). ok is false for anything else (\d, \pL,
// [:alpha:], the class's closing ']').
func classAtom(p string, i int) (r rune, n int, ok bool) {
	if i >= len(p) {
		return 0, 0, false
	}
	switch p[i] {
	case '\\':
		n = escapeLen(p[i:])
		if n < 2 || strings.IndexByte("dDsSwWpPQ", p[i+1]) >= 0 {
			return 0, 0, false // a class or quoted text, never one character
		}
		t, err := syntax.Parse("["+p[i:i+n]+"]", syntax.Perl)
		if err != nil {
			return 0, 0, false
		}
		switch {
		case t.Op == syntax.OpLiteral && len(t.Rune) == 1:
			return t.Rune[0], n, true
		case t.Op == syntax.OpCharClass && len(t.Rune) == 2 && t.Rune[0] == t.Rune[1]:
			return t.Rune[0], n, true
		}
		return 0, 0, false
	case ']':
		if !classStart(p, i) {
			return 0, 0, false
		}
	case '[':
		if strings.HasPrefix(p[i:], "[:") {
			return 0, 0, false
		}
	}
	r, n = utf8.DecodeRuneInString(p[i:])
	return r, n, true
}

// classRangeAt returns the range (a-z, \x{41}-Z) that starts at p[i],
// inside a class: its ends and its length as written (0 when no range
// starts there).
func classRangeAt(p string, i int) (lo, hi rune, n int) {
	lo, k, ok := classAtom(p, i)
	if !ok || i+k+1 >= len(p) || p[i+k] != '-' || p[i+k+1] == ']' {
		return 0, 0, 0
	}
	hi, m, ok := classAtom(p, i+k+1)
	if !ok {
		return 0, 0, 0
	}
	return lo, hi, k + 1 + m
}

// maxFoldedRange is the most characters of a class range whose normalised
// forms writeClassRange works out one by one (all of the BMP's).
const maxFoldedRange = 1 << 16

// writeClassRange writes the class range rng (lo-hi as written) so that it
// matches normalised text as the range matches text before: the range as
// written, which keeps the characters that normalisation leaves alone, and
// every normalised form of a character of it that lies outside it ([A-Z]
// adds a-z, [Ａ-Ｚ] a-z as well). A range of more than maxFoldedRange
// characters adds the range between its ends' normalised forms instead,
// when they make one.
func writeClassRange(b *strings.Builder, rng string, lo, hi rune) {
	b.WriteString(rng)
	if hi < lo {
		return // (the parser rejects it: it was checked before)
	}
	var extra []rune
	if int(hi-lo) < maxFoldedRange {
		for c := lo; c <= hi; c++ {
			if out, keep := foldRune(c); keep && (out < lo || out > hi) {
				extra = append(extra, out)
			}
		}
	} else {
		flo, okLo := foldRune(lo)
		fhi, okHi := foldRune(hi)
		if okLo && okHi && flo <= fhi && (flo != lo || fhi != hi) {
			writeClassRune(b, flo)
			b.WriteByte('-')
			writeClassRune(b, fhi)
			return
		}
	}
	slices.Sort(extra)
	extra = slices.Compact(extra)
	for k := 0; k < len(extra); {
		j := k
		for j+1 < len(extra) && extra[j+1] == extra[j]+1 {
			j++
		}
		writeClassRune(b, extra[k])
		if j > k {
			b.WriteByte('-')
			writeClassRune(b, extra[j])
		}
		k = j + 1
	}
}

// classStart reports whether the ']' at i is the first character of a class
// (and so a literal ']'): right after '[' or '[^'.
func classStart(p string, i int) bool {
	return strings.HasSuffix(p[:i], "[") && !strings.HasSuffix(p[:i], `\[`) ||
		strings.HasSuffix(p[:i], "[^") && !strings.HasSuffix(p[:i], `\[^`)
}

// escapeLen is the length of the escape sequence at the start of s
// ("\d", "\pL", "\p{Han}", "\x{4E00}", "\Q...\E").
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case 'p', 'P', 'x':
		if len(s) > 2 && s[2] == '{' {
			if j := strings.IndexByte(s, '}'); j > 0 {
				return j + 1
			}
		}
		if s[1] == 'x' {
			return min(4, len(s))
		}
		return min(3, len(s))
	case 'Q':
		if j := strings.Index(s, `\E`); j > 0 {
			return j + 2
		}
		return len(s)
	}
	_, size := utf8.DecodeRuneInString(s[1:])
	return 1 + size
}

// isRepeat reports whether s (between braces) is n, n, or n,m.
func isRepeat(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && c != ',' {
			return false
		}
	}
	return s[0] != ','
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
