package match

// The normalisation as it was before its fast paths, kept as the reference
// the differential tests compare with.

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// refNormalized is a text prepared for matching: full-width ASCII folded to
// half-width, Traditional Chinese converted to Simplified, invisible
// characters removed, emoji and decorative symbols removed from between two
// Chinese characters, letter-spaced and separator runs closed up and letters lower-cased. It keeps a map from every byte
// of the normalised text back to the original, so matches found in Text can
// be reported at their place in the original message.
//
// A refNormalized is reused across messages to avoid allocations; it is not safe
// for concurrent use.
type refNormalized struct {
	// Text is the normalised text.
	Text string
	orig string
	// first is the offset of the first character normalisation changes (-1:
	// none, Text == orig).
	first int
	// off[i] is the byte offset in orig of the character that produced byte
	// i of Text; off[len(Text)] is len(orig). It is built on first use: most
	// messages have no match to map back.
	off      []int32
	offBuilt bool
	buf      []byte
	// gaps holds the byte offsets of the spaces of letter-spaced runs
	// (refSpacedGaps) and of the marks of separator runs (refSepGaps).
	gaps map[int]bool
}

// Orig returns the original text.
func (n *refNormalized) Orig() string { return n.orig }

// Identity reports whether normalisation changed nothing.
func (n *refNormalized) Identity() bool { return n.first < 0 }

// OrigSpan maps the byte span [start, end) of Text to the span of the
// original text it came from.
func (n *refNormalized) OrigSpan(start, end int) (int, int) {
	if n.first < 0 {
		return start, end
	}
	if !n.offBuilt {
		n.run(true)
	}
	os := int(n.off[start])
	if end <= start {
		return os, os
	}
	// end maps to the end of the original character that produced byte end-1.
	last := int(n.off[end-1])
	_, size := utf8.DecodeRuneInString(n.orig[last:])
	return os, last + size
}

// Reset normalises s into n, reusing n's buffers.
func (n *refNormalized) Reset(s string) {
	n.orig = s
	n.offBuilt = false
	n.gaps = refSpacedGaps(s)
	for at := range refSepGaps(s) {
		n.gaps[at] = true
	}
	n.first = refFirstChange(s, n.gaps)
	if n.first < 0 {
		n.Text = s
		return
	}
	n.run(false)
	n.Text = string(n.buf)
}

// run normalises orig into buf, and with withOff also builds the offset map.
func (n *refNormalized) run(withOff bool) {
	s, first := n.orig, n.first
	n.buf = append(n.buf[:0], s[:first]...)
	if withOff {
		if cap(n.off) < len(s)+1 {
			n.off = make([]int32, 0, len(s)+1)
		}
		n.off = n.off[:0]
		for i := 0; i < first; i++ {
			n.off = append(n.off, int32(i))
		}
	}
	emit := func(r rune, from int) {
		w := len(n.buf)
		n.buf = utf8.AppendRune(n.buf, r)
		if withOff {
			for k := w; k < len(n.buf); k++ {
				n.off = append(n.off, int32(from))
			}
		}
	}
	for i := first; i < len(s); {
		if phr, at, end, ok := refPhraseAt(s, i, n.gaps); ok {
			// phrase conversions keep the character count: map rune by
			// rune, to the phrase's characters (what lies between them
			// is dropped)
			for k, r := range []rune(phr) {
				emit(r, at[k])
			}
			i = end
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		out, keep := foldRune(r)
		if size == 1 && r == utf8.RuneError {
			out, keep = r, true // invalid byte: keep a replacement char so offsets stay sane
		}
		if keep && refDecoration(r) && refBetweenHan(s, i, size) {
			keep = false
		}
		if n.gaps[i] {
			keep = false // a gap of a letter-spaced run or a decoration in it, or a mark of a separator run
		}
		if keep {
			emit(out, i)
		}
		i += size
	}
	if withOff {
		n.off = append(n.off, int32(len(s)))
		n.offBuilt = true
	}
}

// refFirstChange returns the byte offset of the first character normalisation
// would change, or -1 when the text is already normal (the common case, which
// then costs one pass and no allocation). gaps are the spaces of
// letter-spaced runs (refSpacedGaps) and the marks of separator runs
// (refSepGaps).
func refFirstChange(s string, gaps map[int]bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if ('A' <= c && c <= 'Z') || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || gaps[i] {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || gaps[i] {
			return i
		}
		if out, keep := foldRune(r); !keep || out != r || (refDecoration(r) && refBetweenHan(s, i, size)) {
			return i
		}
		if t2sPhraseStart(r) {
			if _, _, _, ok := refPhraseAt(s, i, gaps); ok {
				return i
			}
		}
		i += size
	}
	return -1
}

// refT2SPairs holds the first two characters of every phrase conversion, so
// the common case — a phrase-start character not followed by its phrase —
// costs one map lookup.
var refT2SPairs = func() map[uint64]struct{} {
	m := make(map[uint64]struct{}, len(t2sPhrases))
	for _, p := range t2sPhrases {
		r0, n := utf8.DecodeRuneInString(p.from)
		r1, _ := utf8.DecodeRuneInString(p.from[n:])
		m[uint64(r0)<<32|uint64(r1)] = struct{}{}
	}
	return m
}()

// refLookupT2SPhrase finds the longest phrase conversion at the start of s and
// returns its Simplified form and the number of bytes of s it covers.
func refLookupT2SPhrase(s string) (to string, size int, ok bool) {
	r, n := utf8.DecodeRuneInString(s)
	if !t2sPhraseStart(r) {
		return "", 0, false
	}
	r1, _ := utf8.DecodeRuneInString(s[n:])
	if _, ok := refT2SPairs[uint64(r)<<32|uint64(r1)]; !ok {
		return "", 0, false
	}
	// byte lengths of the 2..max rune prefixes of s
	var ends [t2sPhraseMaxRunes + 1]int
	n, i := 0, 0
	for n < t2sPhraseMaxRunes && i < len(s) {
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
		n++
		ends[n] = i
	}
	for k := n; k >= 2; k-- {
		key := s[:ends[k]]
		j := sort.Search(len(t2sPhrases), func(j int) bool { return t2sPhrases[j].from >= key })
		if j < len(t2sPhrases) && t2sPhrases[j].from == key {
			return t2sPhrases[j].to, ends[k], true
		}
	}
	return "", 0, false
}

// refDropped reports whether normalisation drops the character s[j:j+size]:
// it vanishes (foldRune), it is a decoration between two Chinese
// characters, or one of gaps (the gaps of letter-spaced runs, their
// decorations and the marks of separator runs).
func refDropped(s string, j int, gaps map[int]bool) (size int, dropped bool) {
	r, size := utf8.DecodeRuneInString(s[j:])
	if r == utf8.RuneError && size == 1 {
		return size, false
	}
	_, keep := foldRune(r)
	return size, !keep || refDecoration(r) && refBetweenHan(s, j, size) || gaps[j]
}

// refPhraseAt finds the longest phrase conversion at s[i] in the text as
// normalisation leaves it: it lists the characters from s[i] on that
// normalisation keeps (refDropped), up to the longest phrase's length,
// and tries them as refLookupT2SPhrase tries a text. It returns the
// phrase's Simplified form, the offset in s of each of its characters and
// the end of the last.
func refPhraseAt(s string, i int, gaps map[int]bool) (to string, at []int, end int, ok bool) {
	if r, _ := utf8.DecodeRuneInString(s[i:]); !t2sPhraseStart(r) {
		return "", nil, 0, false
	}
	var key []byte
	var keyEnd []int // the end of each character in key
	for j := i; j < len(s) && len(at) < t2sPhraseMaxRunes; {
		size, dropped := refDropped(s, j, gaps)
		if !dropped || j == i {
			// (an invalid byte is U+FFFD: no part of a phrase)
			r, _ := utf8.DecodeRuneInString(s[j:])
			at = append(at, j)
			key = utf8.AppendRune(key, r)
			keyEnd = append(keyEnd, len(key))
		}
		j += size
	}
	for k := len(at); k >= 2; k-- {
		from := string(key[:keyEnd[k-1]])
		j := sort.Search(len(t2sPhrases), func(j int) bool { return t2sPhrases[j].from >= from })
		if j < len(t2sPhrases) && t2sPhrases[j].from == from {
			last := at[k-1]
			_, size := utf8.DecodeRuneInString(s[last:])
			return t2sPhrases[j].to, at[:k], last + size, true
		}
	}
	return "", nil, 0, false
}

// refDecoration reports whether r is an emoji or a decorative symbol,
// without the bit table.
func refDecoration(r rune) bool { return isEmoji(r) || decorativeSymbol(r) || combiningMark(r) }

// refBetweenHan reports whether the decoration s[i:i+size] stands between
// two Chinese characters, other decorations and invisible characters aside,
// looking through the whole run at every character.
func refBetweenHan(s string, i, size int) bool {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !refDecoration(r) && !invisible(r) {
			if !unicode.Is(unicode.Han, r) {
				return false
			}
			break
		}
		j -= n
	}
	if j == 0 {
		return false
	}
	for j = i + size; j < len(s); {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !refDecoration(r) && !invisible(r) {
			return unicode.Is(unicode.Han, r)
		}
		j += n
	}
	return false
}

// refSpacedGaps returns the byte offsets in s of the spaces (and
// decorations) normalisation drops from letter-spaced runs. It lists the
// characters normalisation keeps (those it drops, invisible ones, do not
// count), marks the letters (Chinese characters with no Chinese character
// next to them) and walks each chain of letters one space (Zs) apart, or
// two spaces with decorations alone between them (我 😀 不): the spaces
// and decorations inside a chain of three letters or more are dropped, and
// so is a space at either end of such a chain with a word of two Chinese
// characters beyond it (我 不 知 道呢, 哎呀 我 不 清 楚).
func refSpacedGaps(s string) map[int]bool {
	type char struct {
		r  rune
		at int
	}
	var cs []char
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if _, keep := foldRune(r); keep {
			cs = append(cs, char{r, i})
		}
		i += n
	}
	han := func(k int) bool { return k >= 0 && k < len(cs) && unicode.In(cs[k].r, unicode.Han) }
	zs := func(k int) bool { return k >= 0 && k < len(cs) && unicode.In(cs[k].r, unicode.Zs) }
	deco := func(k int) bool { return k >= 0 && k < len(cs) && refDecoration(cs[k].r) }
	letter := func(k int) bool { return han(k) && !han(k-1) && !han(k+1) }
	// step returns the next letter of the chain after the letter e, or -1
	step := func(e int) int {
		if !zs(e + 1) {
			return -1
		}
		if letter(e + 2) {
			return e + 2
		}
		m := e + 2
		for deco(m) {
			m++
		}
		if m > e+2 && zs(m) && letter(m+1) {
			return m + 1
		}
		return -1
	}
	gaps := map[int]bool{}
	for k := 0; k < len(cs); k++ {
		if !letter(k) {
			continue
		}
		end, letters := k, 1
		for next := step(end); next >= 0; next = step(end) {
			end = next
			letters++
		}
		if letters >= 3 {
			for g := k + 1; g < end; g++ {
				if !letter(g) {
					gaps[cs[g].at] = true
				}
			}
			// a Chinese character one space beyond an end is no letter:
			// the end of a word, taken in when it has two characters
			if zs(k-1) && han(k-2) && !han(k-4) {
				gaps[cs[k-1].at] = true
			}
			if zs(end+1) && han(end+2) && !han(end+4) {
				gaps[cs[end+1].at] = true
			}
		}
		k = end
	}
	return gaps
}

// refSepGaps returns the byte offsets in s of the separators, and of their
// spaces, that normalisation drops from separator runs (不-知-道 is
// 不知道). It lists the characters normalisation keeps (those it drops,
// invisible ones, do not count) with their folded forms, and finds:
//
//   - the marks: a separator (- _ . / \ | ~ * + · • ‧ ・ …, folded) written
//     once or more in a row, with a Chinese character right before and
//     after it, or a space (Zs) right before and after it and a Chinese
//     character beyond each space. Two marks are alike when they have the
//     same separator, as many times, and both spaces or neither;
//   - the runs: marks alike, each two with exactly one character (a
//     Chinese one) between them, as many as there are in a row.
//
// A run's first piece is all the Chinese characters before its first
// mark, its last piece all those after its last mark. A first or last
// piece of more than two characters is a word of its own: it is left out
// with its mark. The marks of what is left are dropped when it has three
// pieces or more and, at an end whose piece is not left out, the
// character beyond that piece (if any) is no ASCII letter or digit and not
// the run's separator, nor a space with the run's separator beyond it.
func refSepGaps(s string) map[int]bool {
	type char struct {
		r, f rune // as written and folded
		at   int
	}
	var cs []char
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if f, keep := foldRune(r); keep {
			cs = append(cs, char{r, f, i})
		}
		i += n
	}
	in := func(k int) bool { return k >= 0 && k < len(cs) }
	han := func(k int) bool { return in(k) && unicode.In(cs[k].r, unicode.Han) }
	zs := func(k int) bool { return in(k) && unicode.In(cs[k].r, unicode.Zs) }
	sep := func(k int) bool { return in(k) && strings.ContainsRune(`-_./\|~*+·•‧・…`, cs[k].f) }
	type mark struct {
		lo, hi int // cs[lo:hi] is the mark, its spaces included
		c      rune
		m      int
		spaced bool
	}
	var marks []mark
	for k := 0; k < len(cs); {
		if !sep(k) {
			k++
			continue
		}
		a := k
		for k < len(cs) && cs[k].f == cs[a].f {
			k++
		}
		switch {
		case han(a-1) && han(k):
			marks = append(marks, mark{a, k, cs[a].f, k - a, false})
		case zs(a-1) && zs(k) && han(a-2) && han(k+1):
			marks = append(marks, mark{a - 1, k + 1, cs[a].f, k - a, true})
		}
	}
	// free reports whether the character q, beyond a piece (dir -1 before
	// it, 1 after it), lets a run of c end there
	free := func(q, dir int, c rune) bool {
		if !in(q) {
			return true
		}
		f := cs[q].f
		if f == c || f < utf8.RuneSelf && (unicode.IsLetter(f) || unicode.IsDigit(f)) {
			return false
		}
		return !(zs(q) && in(q+dir) && cs[q+dir].f == c)
	}
	gaps := map[int]bool{}
	for x := 0; x < len(marks); {
		y := x
		for y+1 < len(marks) && marks[y+1].lo == marks[y].hi+1 &&
			marks[y+1].c == marks[x].c && marks[y+1].m == marks[x].m && marks[y+1].spaced == marks[x].spaced {
			y++
		}
		first, last, c := marks[x], marks[y], marks[x].c
		p0, pn := 0, 0
		for han(first.lo - 1 - p0) {
			p0++
		}
		for han(last.hi + pn) {
			pn++
		}
		// a longer word keeps its mark and lets the run end there
		lo, hi, pieces := first.lo, last.hi, y-x+2
		ends := true
		if p0 > 2 {
			lo, pieces = first.hi, pieces-1
		} else {
			ends = free(first.lo-1-p0, -1, c)
		}
		if pn > 2 {
			hi, pieces = last.lo, pieces-1
		} else {
			ends = ends && free(last.hi+pn, 1, c)
		}
		if pieces >= 3 && ends {
			for k := lo; k < hi; k++ {
				if !han(k) {
					gaps[cs[k].at] = true
				}
			}
		}
		x = y + 1
	}
	return gaps
}
