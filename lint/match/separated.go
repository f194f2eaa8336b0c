package match

import (
	"strings"
	"unicode/utf8"
)

// Separator runs: a phrase spelt out with a punctuation mark between its
// characters (不-知-道, 我不.知.道, 不 / 知 / 道, 不……知……道), the
// classic way round a keyword filter, is read closed up as letter-spaced
// runs are (spacedGap).
//
// A separator is one of - _ . / \ | ~ * + · • ‧ ・ … after folding
// (foldRune comes first: the full-width ＿－．／～＊＋｜＼ and the small
// forms ﹣ ﹒ ﹡ are separators too). A mark is one separator written once
// or several times in a row (-, --, ..., ……), standing right between two
// Chinese characters or with one space (Zs) on both sides: 不-知, 不……知,
// 不 - 知. A separator run is a chain of pieces joined by marks that are
// all alike (the same separator, as many times, spaced alike), each inner
// piece a single Chinese character, its first and last pieces all the
// Chinese characters before its first mark and after its last. A first or
// last piece of more than two characters is a word of its own, a clause
// that keeps its mark (这个我-不-知-道 is 这个我-不知道); what is left is
// closed up, its marks dropped, when it has three pieces or more (我不-知-道
// and 不-知-道呢 have) and does not go on into something else: no ASCII
// letter or digit, and not its own separator (directly or one space away),
// stands next to an end piece of one or two characters (型号A-红-大-小,
// 红-大-小-XL and 红 - 大 - 小 - 1 are codes, not words). Characters that
// vanish are not looked at; a decoration is no piece (不-😀-知-道 stays).
// Two pieces (不-行), mixed marks (不-知.道), sentence punctuation
// (不，知，道), other dashes (不—知—道), a list inside a sentence
// (颜色有红/黄/蓝三种: two pieces once the words are left out) and anything
// without Chinese characters on both sides of its marks (1-2-3, a.b.c,
// 12.5元) stay as they are.

// sepBits has a bit set for every rune that folds to a separator
// (separator): the separators, their full-width forms and the
// compatibility forms that stand for them (﹣ ﹒ ﹡); no rune above
// 0x10000 folds to one (TestSeparatorRunes).
var sepBits = func() (bits [0x10000 / 64]uint64) {
	set := func(r rune) { bits[r>>6] |= 1 << (uint(r) & 63) }
	for _, r := range separators {
		set(r)
		if r < utf8.RuneSelf {
			set(r + 0xFF01 - 0x21) // full-width
		}
	}
	for r, c := range compatForms {
		if separator(c) || c >= 0xFF01 && c <= 0xFF5E && separator(c-(0xFF01-0x21)) {
			set(r)
		}
	}
	return bits
}()

// separators are the separators of separator runs, folded.
const separators = `-_./\|~*+·•‧・…`

// separator reports whether the folded rune r is a separator of separator
// runs.
func separator(r rune) bool { return strings.ContainsRune(separators, r) }

// sepOf returns the separator r folds to, or 0 if it folds to none.
func sepOf(r rune) rune {
	if r >= 0x10000 || sepBits[r>>6]&(1<<(uint(r)&63)) == 0 {
		return 0
	}
	out, _ := foldRune(r)
	return out
}

// sepMayClose is the quick test of a separator s[i:i+size] written in two
// or three bytes (· … • ‧ ・), at which plainRun stops: false when it
// cannot begin the mark of a separator run, as a Chinese character (or a
// character that vanishes) must stand right before it and right after it
// or its repeats (false when the byte before or the byte after is
// printable ASCII). A spaced mark begins with its space (spaceMayClose),
// and the rest of a mark that is closed up goes with its first character
// (sepRun.skip).
func sepMayClose(s string, i, size int) bool {
	return i > 0 && i+size < len(s) && s[i-1]-0x20 >= 0x5F && s[i+size]-0x20 >= 0x5F
}

// asciiSepMayClose is sepMayClose for an ASCII separator, which may be
// repeated (.. --): plainRun's test, which passes over the separators of
// prices, dates and links (12.5, 2026-11-23, a/b).
func asciiSepMayClose(s string, i int) bool {
	return i > 0 && i+1 < len(s) && s[i-1]-0x20 >= 0x5F && (s[i+1]-0x20 >= 0x5F || s[i+1] == s[i])
}

// asciiSep reports whether the byte c is an ASCII separator (separators).
func asciiSep(c byte) bool {
	const lo = 1<<'*' | 1<<'+' | 1<<'-' | 1<<'.' | 1<<'/'
	const hi = 1<<('\\'-64) | 1<<('_'-64) | 1<<('|'-64) | 1<<('~'-64)
	m := uint64(lo)
	if c >= 64 {
		m = hi
	}
	return c < utf8.RuneSelf && m>>(c&63)&1 != 0
}

// specialSep is asciiSep for a byte of specialBits, which plainRun tests
// with two comparisons and no table or mask that its loop over Chinese
// characters would keep at hand: the special bytes from ! to ? and from [
// to ~ are the separators (TestSeparatorRunes).
func specialSep(c byte) bool { return c-0x21 < 0x1F || c-0x5B < 0x24 }

// mayBeSep reports whether the byte c may be an ASCII separator: it is one
// of * + , - . / \ ] ^ _ | } ~, a few more than the separators (spaceMayClose
// need not be exact).
func mayBeSep(c byte) bool { return c-'*' < 6 || c-'\\' < 4 || c-'|' < 3 }

// sepMark is a mark of a separator run.
type sepMark struct {
	c      rune // the separator
	m      int  // how many times it is written
	spaced bool // with one space on both sides
	// lo and hi delimit the mark in s, its spaces included; left and
	// leftEnd delimit the Chinese character before it, rightAt and right
	// the one after it.
	lo, hi, left, leftEnd, rightAt, right int
}

// markAround returns the mark the separator s[i] (c folded) is part of. If
// it is part of none, ok is false and lo, hi delimit the separators written
// in a row with it, which share that verdict.
func markAround(s string, i int, c rune) (mk sepMark, ok bool) {
	a, m := i, 1
	for {
		r, ri := prevKept(s, a)
		if ri < 0 || sepOf(r) != c {
			break
		}
		a, m = ri, m+1
	}
	_, n := decodeRune(s[i:])
	b := i + n
	for {
		r, re := nextKept(s, b)
		if re < 0 || sepOf(r) != c {
			break
		}
		b, m = re, m+1
	}
	mk = sepMark{c: c, m: m, lo: a, hi: b}
	x, xi := prevKept(s, a)
	y, ye := nextKept(s, b)
	if xi < 0 || ye < 0 {
		return mk, false
	}
	if isHan(x) && isHan(y) {
		mk.left, mk.leftEnd, mk.rightAt, mk.right = xi, xi+utf8.RuneLen(x), ye-utf8.RuneLen(y), ye
		return mk, true
	}
	if !spaceRune(x) || !spaceRune(y) {
		return mk, false
	}
	h, hi := prevKept(s, xi)
	k, ke := nextKept(s, ye)
	if hi < 0 || ke < 0 || !isHan(h) || !isHan(k) {
		return mk, false
	}
	mk.spaced, mk.lo, mk.hi = true, xi, ye
	mk.left, mk.leftEnd, mk.rightAt, mk.right = hi, hi+utf8.RuneLen(h), ke-utf8.RuneLen(k), ke
	return mk, true
}

// spaceMark returns the mark the space s[i:i+size] is one of the two
// spaces of, if any.
func spaceMark(s string, i, size int) (sepMark, bool) {
	// most spaces stand next to a Chinese character (U+4000 to U+9FFF, no
	// separator and nothing that vanishes): looked at byte by byte first
	if !cjkEndsAt(s, i) {
		if x, xi := prevKept(s, i); xi >= 0 {
			if c := sepOf(x); c != 0 {
				// the space after a mark
				mk, ok := markAround(s, xi, c)
				return mk, ok && mk.spaced
			}
		}
	}
	if !cjkStartsAt(s, i+size) {
		if y, ye := nextKept(s, i+size); ye >= 0 {
			if c := sepOf(y); c != 0 {
				mk, ok := markAround(s, ye-utf8.RuneLen(y), c)
				return mk, ok && mk.spaced
			}
		}
	}
	return sepMark{}, false
}

// cjkEndsAt reports whether a character from U+4000 to U+9FFF (three bytes,
// the first E4 to E9) ends at s[i].
func cjkEndsAt(s string, i int) bool {
	return i >= 3 && s[i-3]-0xE4 < 6 && s[i-2]&0xC0 == 0x80 && s[i-1]&0xC0 == 0x80
}

// cjkStartsAt reports whether a character from U+4000 to U+9FFF starts at
// s[i].
func cjkStartsAt(s string, i int) bool {
	return i+3 <= len(s) && s[i]-0xE4 < 6 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80
}

// markBefore returns the mark like k that ends right before the Chinese
// character at s[h], if any.
func markBefore(s string, h int, k sepMark) (mk sepMark, ok bool) {
	x, xi := prevKept(s, h)
	if k.spaced {
		if xi < 0 || !spaceRune(x) {
			return mk, false
		}
		x, xi = prevKept(s, xi)
	}
	if xi < 0 || sepOf(x) != k.c {
		return mk, false
	}
	a, m := xi, 1
	for m <= k.m {
		r, ri := prevKept(s, a)
		if ri < 0 || sepOf(r) != k.c {
			break
		}
		a, m = ri, m+1
	}
	if m != k.m {
		return mk, false
	}
	y, yi := prevKept(s, a)
	if k.spaced {
		if yi < 0 || !spaceRune(y) {
			return mk, false
		}
		a = yi
		y, yi = prevKept(s, yi)
	}
	if yi < 0 || !isHan(y) {
		return mk, false
	}
	mk = k
	mk.lo, mk.left, mk.leftEnd, mk.rightAt = a, yi, yi+utf8.RuneLen(y), h
	return mk, true
}

// markAfter returns the mark like k that starts right after the Chinese
// character ending at s[e], if any.
func markAfter(s string, e int, k sepMark) (mk sepMark, ok bool) {
	x, xe := nextKept(s, e)
	if k.spaced {
		if xe < 0 || !spaceRune(x) {
			return mk, false
		}
		x, xe = nextKept(s, xe)
	}
	if xe < 0 || sepOf(x) != k.c {
		return mk, false
	}
	b, m := xe, 1
	for m <= k.m {
		r, re := nextKept(s, b)
		if re < 0 || sepOf(r) != k.c {
			break
		}
		b, m = re, m+1
	}
	if m != k.m {
		return mk, false
	}
	y, ye := nextKept(s, b)
	if k.spaced {
		if ye < 0 || !spaceRune(y) {
			return mk, false
		}
		b = ye
		y, ye = nextKept(s, ye)
	}
	if ye < 0 || !isHan(y) {
		return mk, false
	}
	mk = k
	mk.hi, mk.leftEnd, mk.rightAt, mk.right = b, e, ye-utf8.RuneLen(y), ye
	return mk, true
}

// sepChain returns the extent of the separator run the mark mk is part of,
// from its first mark to its last (lo, hi), and the part of it that is
// closed up (dlo, dhi; empty if none): its marks all, or all but the one
// before a first piece or after a last piece of more than two characters.
func sepChain(s string, mk sepMark) (lo, hi, dlo, dhi int) {
	pieces := 2
	first, last := mk, mk
	// walk back to the first piece
	var p0 int
	long0 := false
	for {
		h := first.left
		if x, xi := prevKept(s, h); xi >= 0 && isHan(x) {
			// a word: the first piece
			y, yi := prevKept(s, xi)
			long0 = yi >= 0 && isHan(y)
			p0 = xi
			break
		}
		pm, ok := markBefore(s, h, first)
		if !ok {
			p0 = h
			break
		}
		first, pieces = pm, pieces+1
	}
	// and on to the last
	var pn int
	longN := false
	for {
		e := last.right
		if x, xe := nextKept(s, e); xe >= 0 && isHan(x) {
			y, ye := nextKept(s, xe)
			longN = ye >= 0 && isHan(y)
			pn = xe
			break
		}
		nm, ok := markAfter(s, e, last)
		if !ok {
			pn = e
			break
		}
		last, pieces = nm, pieces+1
	}
	// a longer word keeps its mark and lets the run end there
	dlo, dhi = first.lo, last.hi
	if long0 {
		dlo, pieces = first.rightAt, pieces-1
	} else if !sepEndBefore(s, p0, mk.c) {
		return first.lo, last.hi, 0, 0
	}
	if longN {
		dhi, pieces = last.leftEnd, pieces-1
	} else if !sepEndAfter(s, pn, mk.c) {
		return first.lo, last.hi, 0, 0
	}
	if pieces < 3 {
		return first.lo, last.hi, 0, 0
	}
	return first.lo, last.hi, dlo, dhi
}

// sepEndBefore reports whether a separator run of c whose first piece
// starts at s[p] ends there: no ASCII letter or digit stands right before
// it, and no c directly or one space before it.
func sepEndBefore(s string, p int, c rune) bool {
	x, xi := prevKept(s, p)
	if xi < 0 {
		return true
	}
	if f, _ := foldRune(x); f == c || asciiAlnum(f) {
		return false
	}
	if spaceRune(x) {
		if y, yi := prevKept(s, xi); yi >= 0 && sepOf(y) == c {
			return false
		}
	}
	return true
}

// sepEndAfter is sepEndBefore after the last piece, which ends at s[e].
func sepEndAfter(s string, e int, c rune) bool {
	x, xe := nextKept(s, e)
	if xe < 0 {
		return true
	}
	if f, _ := foldRune(x); f == c || asciiAlnum(f) {
		return false
	}
	if spaceRune(x) {
		if y, ye := nextKept(s, xe); ye >= 0 && sepOf(y) == c {
			return false
		}
	}
	return true
}

// asciiAlnum reports whether r is an ASCII letter or digit.
func asciiAlnum(r rune) bool {
	return '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
}

// sepRun remembers the verdict on the last separator run normalisation
// met (or on the separators written in a row that are no mark), so that
// the marks of a long run do not look through the whole run again.
type sepRun struct {
	lo, hi   int // the run in s, from its first mark to its last
	dlo, dhi int // the part of it closed up
}

// drop reports whether the separator or space s[i:i+size] (r folded) is
// part of the mark of a separator run that is closed up. All that is not a
// Chinese character from s[i] on up to the run's next piece or its end
// goes with it (skip).
func (d *sepRun) drop(s string, i, size int, r rune) bool {
	if d.lo <= i && i < d.hi {
		return d.dlo <= i && i < d.dhi
	}
	var mk sepMark
	var ok bool
	if r == ' ' {
		if cjkEndsAt(s, i) && cjkStartsAt(s, i+size) {
			// a space between two Chinese characters (好的 谢谢): the
			// commonest, no space of a mark (spaceMark), said here
			// without building one
			return false
		}
		if mk, ok = spaceMark(s, i, size); !ok {
			return false
		}
	} else if mk, ok = markAround(s, i, r); !ok {
		d.lo, d.hi, d.dlo, d.dhi = mk.lo, mk.hi, 0, 0
		return false
	}
	d.lo, d.hi, d.dlo, d.dhi = sepChain(s, mk)
	return d.dlo <= i && i < d.dhi
}

// skip returns the end of what is dropped from s[i] on, s[i] being dropped
// (drop): up to the next Chinese character or the end of what is closed up.
func (d *sepRun) skip(s string, i int) int {
	for i < d.dhi {
		r, n := decodeRune(s[i:])
		if isHan(r) {
			break
		}
		i += n
	}
	return i
}
