package match

import (
	"encoding/binary"
	mathbits "math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Normalized is a text prepared for matching: full-width ASCII folded to
// half-width, Traditional Chinese converted to Simplified, invisible
// characters removed, emoji and decorative symbols removed from between two
// Chinese characters (不😀知道 and 不❤知道 are 不知道; 好的😊 and 1★好评 keep
// theirs), letter-spaced runs closed up (我 不 知 道 is 我不知道; 好的 谢谢
// and 亲 在吗 keep their space: spacedGap), separator runs too (不-知-道 and
// 我不.知.道 are 不知道 and 我不知道; 不-行 and 2026-11-23 keep theirs:
// sepRun) and letters lower-cased. It keeps a map from every byte
// of the normalised text back to the original, so matches found in Text can
// be reported at their place in the original message.
//
// A Normalized is reused across messages to avoid allocations; it is not safe
// for concurrent use.
type Normalized struct {
	// Text is the normalised text. When normalisation changed the text it
	// lives in the Normalized's buffer: valid until the next Reset (keep a
	// copy, strings.Clone, to hold on to it).
	Text string
	buf  []byte // Text's storage when normalisation changed the text
	orig string
	// first is the offset of the first character normalisation changes (-1:
	// none, Text == orig).
	first int
	// off[i] is the byte offset in orig of the character that produced byte
	// i of Text; off[len(Text)] is len(orig). It is built on first use: most
	// messages have no match to map back.
	off      []int32
	offBuilt bool
}

// Orig returns the original text.
func (n *Normalized) Orig() string { return n.orig }

// Identity reports whether normalisation changed nothing.
func (n *Normalized) Identity() bool { return n.first < 0 }

// Traditional reports whether the text has a Traditional character that
// normalisation converts to Simplified (HasTraditional): without one, it
// is not written in Traditional script. It looks from the first change
// on, and only when asked: the scan does not note it.
func (n *Normalized) Traditional() bool {
	return n.first >= 0 && HasTraditional(n.orig[n.first:])
}

// HasTraditional reports whether s has a Traditional character that the
// normaliser converts to Simplified on its own (這, 價; not 著 of 忙著,
// converted only in its phrase): the characters lint/fix's TextScript
// counts as written only in Traditional script. It reads the three-byte
// characters itself, with one test of t2sBits each: a rune decoded by the
// runtime and looked up by lookupT2S cost five times as much.
func HasTraditional(s string) bool {
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c < 0xE0:
			i++ // ASCII, or a two-byte character's bytes: none is Chinese
		case c < 0xF0 && i+2 < len(s):
			r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if t2sBits[r>>6]&(1<<(uint(r)&63)) != 0 && isT2S(r) {
				return true
			}
			i += 3
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r >= 0x10000 && isT2S(r) {
				return true
			}
			i += size
		}
	}
	return false
}

// isT2S reports whether lookupT2S converts r to another character.
func isT2S(r rune) bool {
	to, ok := lookupT2S(r)
	return ok && to != r
}

// HasSimplifiedForm reports whether s has a character that the
// normaliser makes of a Traditional one (时 of 時, 帮 of 幫): one a text in
// Traditional script would write otherwise. A replacement without one (您,
// 非常抱歉) is written alike in both scripts.
func HasSimplifiedForm(s string) bool {
	t := t2sTargets()
	for _, r := range s {
		if r < 0x10000 && t[r>>6]&(1<<(uint(r)&63)) != 0 {
			return true
		}
	}
	return false
}

// t2sTargets has a bit set for each character below 0x10000 that
// lookupT2S converts some other character to, built on first use.
var t2sTargets = sync.OnceValue(func() *[0x10000 / 64]uint64 {
	var bits [0x10000 / 64]uint64
	for i, to := range t2sTo {
		if to < 0x10000 && to != t2sFrom[i] {
			bits[to>>6] |= 1 << (uint(to) & 63)
		}
	}
	return &bits
})

// OrigSpan maps the byte span [start, end) of Text to the span of the
// original text it came from.
func (n *Normalized) OrigSpan(start, end int) (int, int) {
	if n.first < 0 {
		return start, end
	}
	if start < n.first && end <= n.first {
		// before the first change the text is the original, byte for byte:
		// what the offset map says there, without building it
		if end <= start {
			return start, start
		}
		_, size := utf8.DecodeRuneInString(n.orig[end-1:])
		return start, end - 1 + size
	}
	if !n.offBuilt {
		n.buildOff()
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

// Normalize returns the normalised form of s (without an offset map), as
// a message's text is read.
func Normalize(s string) string {
	var n Normalized
	n.Reset(s)
	return n.Text
}

// NormalizePhrase returns what a phrase of a rule pack (or an except
// phrase) is turned into before it is compiled: its normalised form
// without the spaces, tabs and line breaks at its ends, which are no part
// of a phrase. The full-width space a Chinese input method types after a
// comma ([不知道,　不清楚]) or a word list's trailing blanks made a phrase
// match only where the text had a space there too: never, in Chinese.
func NormalizePhrase(p string) string {
	return strings.Trim(Normalize(p), " \t\r\n")
}

// set makes n hold orig, already normalised to text (first is the offset of
// the first character normalisation changed, -1 for none).
func (n *Normalized) set(orig, text string, first int) {
	n.orig, n.Text, n.first, n.offBuilt = orig, text, first, false
}

// Reset normalises s into n.
func (n *Normalized) Reset(s string) {
	n.orig = s
	n.offBuilt = false
	n.first = firstChange(s)
	if n.first < 0 {
		n.Text = s
		return
	}
	n.buf = normalizeFrom(n.buf[:0], s, n.first)
	n.Text = unsafe.String(unsafe.SliceData(n.buf), len(n.buf))
}

// resetScan is n.Reset(s) followed by a.hits(n.Text, dst), for an
// automaton over characters (a.chars set), in one pass over s: the
// characters normalisation copies as they are, nearly all of them, are
// tested (plainRun's tests) and stepped over by the automaton together
// (charTable.runPlain), and only what normalisation writes otherwise is
// scanned after it is written. n and the hits are exactly those of Reset
// and hits: up to the first change (firstChange) the text is scanned as
// it is, from there on as normalizeFrom writes it. A text with a phrase
// whose start runPlain or runCopy passed over (behindStarts), right
// before its second character or with what may be dropped between
// (mayDropBefore), is normalised and scanned again the slow way.
func (n *Normalized) resetScan(s string, a *automaton, dst []rawHit) []rawHit {
	c := a.chars
	n.orig, n.offBuilt = s, false
	var ends endNotes
	var deco decoRun
	var seps sepRun
	st, i, dst0 := uint32(0), 0, len(dst)
	for {
		if i, st = c.runPlain(s, i, st, &ends); i < 0 {
			return n.resetSlow(s, a, dst[:dst0])
		}
		dst = ends.hits(a, dst)
		if ends.n == charEnds {
			continue
		}
		if i == len(s) {
			n.first, n.Text = -1, s
			return dst
		}
		if _, ok := fullWidthASCII(s, i); ok {
			break // the most common change: ， ？ ！ fold to ASCII
		}
		if plainChar(s, i) == 0 {
			size, change := changeAt(s, i, &deco, &seps)
			if change {
				break
			}
			for end := i + size; i < end; {
				i, st, dst = a.charStep(s, i, st, dst)
			}
			continue
		}
		i, st, dst = a.charStep(s, i, st, dst)
	}
	// from the first change on: normalizeFrom, scanning what it writes
	n.first = i
	buf := slices.Grow(n.buf[:0], len(s)+8)
	buf = append(buf, s[:i]...)
	deco, seps = decoRun{}, sepRun{}
	for i < len(s) {
		// runCopy writes the run it steps over (and the full-width
		// forms in it, folded) into buf's spare room
		if cap(buf)-len(buf) < len(s)-i+4 {
			buf = slices.Grow(buf, len(s)-i+4)
		}
		var o int
		if i, o, st = c.runCopy(s, i, st, &ends, unsafe.Pointer(unsafe.SliceData(buf)), len(buf)); i < 0 {
			n.buf = buf
			return n.resetSlow(s, a, dst[:dst0])
		}
		buf = buf[:o]
		dst = ends.hits(a, dst)
		if ends.n == charEnds || i == len(s) {
			continue
		}
		from := len(buf)
		if size := plainChar(s, i); size > 0 {
			buf = append(buf, s[i:i+size]...)
			i += size
		} else {
			buf, i = normalizeAt(buf, s, i, &deco, &seps)
		}
		text := unsafe.String(unsafe.SliceData(buf), len(buf))
		for from < len(text) {
			from, st, dst = a.charStep(text, from, st, dst)
		}
	}
	n.buf = buf
	n.Text = unsafe.String(unsafe.SliceData(buf), len(buf))
	return dst
}

// resetSlow is resetScan the slow way, Reset and then hits, for a text
// where runPlain or runCopy found a phrase start they passed over
// (behindPair), or what may be dropped before a phrase's second
// character (mayDropBefore): a few texts in ten thousand.
func (n *Normalized) resetSlow(s string, a *automaton, dst []rawHit) []rawHit {
	n.Reset(s)
	return a.hits(n.Text, dst)
}

// specialBits has a bit set for every rune below 0x10000 that normalisation
// changes or may drop, or that starts a phrase conversion: the others are
// copied as they are. The ASCII space is one (it may be the gap of a
// letter-spaced run), but plainRun passes over it unless it may be one;
// so are the ASCII separators (- . /, passed over unless they may begin
// the mark of a separator run) and · (a separator too).
var specialBits = func() (bits [0x10000 / 64]uint64) {
	for w := range bits {
		bits[w] = changeBits[w] | t2sPhraseBits[w]
	}
	bits[0] |= 1 << ' '
	// the separators of separator runs, which plainRun passes over unless
	// they may begin a mark (sepMayClose)
	for r := rune(0); r < 0x800; r++ {
		if sepBits[r>>6]&(1<<(uint(r)&63)) != 0 {
			bits[r>>6] |= 1 << (uint(r) & 63)
		}
	}
	return bits
}()

// changeBits has a bit set for every rune below 0x10000 that foldRune
// changes or drops, or that is dropped between two Chinese characters (the
// decorative symbols): the others are copied as they are unless they start
// a phrase conversion.
var changeBits = func() (bits [0x10000 / 64]uint64) {
	for w := range bits {
		bits[w] = foldBits[w] | decoBits[w]
	}
	return bits
}()

// gapBits has a bit set for every rune that folds to a space (Zs, all of
// them below 0x10000) or to a separator (sepBits): what may be dropped from
// a letter-spaced or separator run.
var gapBits = func() (bits [0x10000 / 64]uint64) {
	bits = sepBits
	for _, r := range "\u0020\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000" {
		bits[r>>6] |= 1 << (uint(r) & 63)
	}
	return bits
}()

// foldBits has a bit set for every rune below 0x10000 that foldRune changes
// or drops. Asking foldRune about each of the 65,536 runes cost 21 million
// instructions, a tenth of a run's start-up; in the blocks without case
// (foldCase), compatibility forms (compatForm), spaces or invisible
// characters, which are three quarters of the plane, foldRune changes
// only the Traditional characters, so only those are asked about there;
// elsewhere, neither about characters without case that are no space,
// invisible, full-width ASCII, compatibility form or Traditional
// (TestFoldBitsWholePlane holds the result to asking about every rune).
// foldBits itself is computeFoldBits() written out (normalize_tables.go):
// computing it at start-up took 6 million instructions, with compatForms.
func computeFoldBits() (bits [0x10000 / 64]uint64) {
	cased := casedBits()
	for w := range bits {
		lo := rune(w) << 6
		if noCaseBlock(lo) {
			for b := t2sBits[w]; b != 0; b &= b - 1 {
				r := lo + rune(mathbits.TrailingZeros64(b))
				if out, keep := foldRune(r); !keep || out != r {
					bits[w] |= 1 << (uint(r) & 63)
				}
			}
			continue
		}
		for r := lo; r < lo+64; r++ {
			bit := uint64(1) << (uint(r) & 63)
			if r >= 0x100 && cased[w]&bit == 0 && t2sBits[w]&bit == 0 && !spaceRune(r) && !invisible(r) && (r < 0xFF01 || r > 0xFF5E) {
				if _, ok := compatForm(r); !ok {
					continue // foldRune keeps a character without case as it is
				}
			}
			if out, keep := foldRune(r); !keep || out != r {
				bits[w] |= bit
			}
		}
	}
	return bits
}

// casedBits has a bit set for every rune below 0x10000 with a case mapping
// (unicode.CaseRanges): the others have no case variant (SimpleFold) and
// are their own lower case, so foldCase keeps them.
func casedBits() (bits [0x10000 / 64]uint64) {
	for _, cr := range unicode.CaseRanges {
		for r := rune(cr.Lo); r <= rune(cr.Hi) && r < 0x10000; r++ {
			bits[r>>6] |= 1 << (uint(r) & 63)
		}
	}
	return bits
}

// noCaseBlock reports whether the 64 runes from lo (a multiple of 64) lie
// where foldRune changes only the Traditional characters (lookupT2S):
// CJK, Yi, Hangul and private use (foldCase), outside the compatibility
// blocks, spaces and invisible characters.
func noCaseBlock(lo rune) bool {
	return lo >= 0x3400 && lo < 0xA000 || lo >= 0xAC00 && lo < 0xF900
}

// plainRun returns the end of the run of characters from s[i] on that
// normalisation copies as they are whatever follows them (characters of up
// to three bytes only: the rest take the slow path). Almost every byte of
// a text goes through it or, for a message scanned as it is normalised,
// its copy charTable.runPlain (which must stop where it stops, or before,
// but for the phrase starts it checks behind: TestPlainChar,
// FuzzResetScan), so the three-byte case (Chinese) loads
// four bytes at once, tests the lead and both continuation bytes with one
// mask and looks its character up in plain3Bits, which also holds the
// overlong forms and surrogates (the last character of s, with fewer than
// four bytes left, takes the byte-by-byte tests); the start of a phrase
// conversion is passed over unless the next character begins the phrase,
// an ASCII space unless both its neighbours may be Chinese characters or
// vanish (spaceMayClose), and an ASCII separator (- . /, everyday in
// prices, dates and links) unless it may begin the mark of a separator
// run (asciiSepMayClose). The others (· … • ‧ ・) stop it: rare enough
// that looking them up costs more than the stop.
func plainRun(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if specialBits[c>>6]&(1<<(c&63)) != 0 && (c != ' ' || spaceMayClose(s, i)) &&
				(!specialSep(c) || asciiSepMayClose(s, i)) {
				return i
			}
			i++
			continue
		}
		if c&0xF0 == 0xE0 {
			// a run of three-byte characters none of plain3Bits, four
			// bytes loaded at a time: the lead byte 1110xxxx and the
			// two continuation bytes 10xxxxxx tested with one mask
			for p := unsafe.Pointer(unsafe.StringData(s)); len(s)-i >= 4; {
				// s[i] lowest on every platform (one load where the
				// platform is little-endian)
				v := binary.LittleEndian.Uint32(unsafe.Slice((*byte)(unsafe.Add(p, i)), 4))
				if v&0xC0C0F0 != 0x8080E0 || plain3Bits[(v<<6|v>>8&0x3F)&0x3FF]&(1<<(v>>16&63)) != 0 {
					break
				}
				i += 3
			}
			if c = s[i]; c&0xF0 != 0xE0 {
				continue
			}
			if len(s)-i < 3 {
				return i
			}
			ch := s[i : i+3] // one bounds check for the three bytes
			c1, c2 := ch[1], ch[2]
			// both continuation bytes (10xxxxxx) exactly when the two
			// with their top bit flipped are below 0x40 together
			if (c1^0x80)|(c2^0x80) >= 0x40 {
				return i
			}
			if w := uint(c&0x0F)<<6 | uint(c1&0x3F); plain3Bits[w]&(1<<(c2&63)) != 0 {
				if fold3Bits[w]&(1<<(c2&63)) != 0 {
					return i
				}
				// only the start of a phrase conversion (一, 不, 有 are):
				// copied as it is unless the next character begins the phrase
				next, ok := decode3(s[i+3:])
				if !ok {
					next, _ = decodeRune(s[i+3:])
				}
				if r0 := rune(w)<<6 | rune(c2&0x3F); t2sPair(r0, next) || mayDrop(next) && pairAcross(s, i+3, r0) {
					return i
				}
			}
			i += 3
			continue
		}
		if c&0xE0 != 0xC0 || c < 0xC2 || i+1 >= len(s) || s[i+1]&0xC0 != 0x80 {
			return i
		}
		r := uint32(c&0x1F)<<6 | uint32(s[i+1]&0x3F)
		if specialBits[r>>6]&(1<<(r&63)) != 0 {
			return i
		}
		i += 2
	}
	return i
}

// plainChar returns the length of the character at s[i] (i < len(s)) when
// plainRun passes over it, 0 when plainRun stops at it: plainRun's test of
// one character, for a scan that makes the fast part of plainRun's tests
// itself (resetScan).
func plainChar(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		if specialBits[c>>6]&(1<<(c&63)) != 0 && (c != ' ' || spaceMayClose(s, i)) &&
			(!specialSep(c) || asciiSepMayClose(s, i)) {
			return 0
		}
		return 1
	}
	if c&0xF0 == 0xE0 {
		if len(s)-i < 3 {
			return 0
		}
		ch := s[i : i+3]
		c1, c2 := ch[1], ch[2]
		if (c1^0x80)|(c2^0x80) >= 0x40 {
			return 0
		}
		if w := uint(c&0x0F)<<6 | uint(c1&0x3F); plain3Bits[w]&(1<<(c2&63)) != 0 {
			if fold3Bits[w]&(1<<(c2&63)) != 0 {
				return 0
			}
			next, ok := decode3(s[i+3:])
			if !ok {
				next, _ = decodeRune(s[i+3:])
			}
			if r0 := rune(w)<<6 | rune(c2&0x3F); t2sPair(r0, next) || mayDrop(next) && pairAcross(s, i+3, r0) {
				return 0
			}
		}
		return 3
	}
	if c&0xE0 != 0xC0 || c < 0xC2 || i+1 >= len(s) || s[i+1]&0xC0 != 0x80 {
		return 0
	}
	if r := uint32(c&0x1F)<<6 | uint32(s[i+1]&0x3F); specialBits[r>>6]&(1<<(r&63)) != 0 {
		return 0
	}
	return 2
}

// plain3Bits has a bit set for every rune plainRun stops at when it is
// written in three bytes: those of fold3Bits and the phrase starts.
var plain3Bits = func() (bits [0x10000 / 64]uint64) {
	for w := range bits {
		bits[w] = fold3Bits[w] | t2sPhraseBits[w]
	}
	return bits
}()

// scan3Bits has a bit set for every rune written in three bytes that
// runPlain and runCopy stop at (stopClass, set by buildCharTable): those of
// fold3Bits, and for each phrase conversion either its first character,
// checked ahead (the scan looks at the character after it, as plainRun
// does), or, for the starts of behindStarts, its second, checked behind
// (behindPair looks at the character before it).
//
// behindKeys has a bit set, by threeKey, for those second characters.
var scan3Bits, behindKeys = func() (bits [0x10000 / 64]uint64, keys [1 << 10]uint64) {
	bits = fold3Bits
	for _, p := range t2sPhrases {
		r0, n := utf8.DecodeRuneInString(p.from)
		r1, _ := utf8.DecodeRuneInString(p.from[n:])
		if !behindStart(r0) {
			bits[r0>>6] |= 1 << (uint(r0) & 63)
			continue
		}
		bits[r1>>6] |= 1 << (uint(r1) & 63)
		k := threeKeyOf(r1)
		keys[k>>6] |= 1 << (k & 63)
	}
	return bits, keys
}()

// behindStarts are the phrase starts most frequent in shop chat (一 of
// 一目瞭然, 有 of 有著, 看 of 看著 …: in the benchmark corpus and the JDDC
// sample, more than 100 times in 20 MB), all of whose phrases go on with
// a character that is rare in Simplified text (目, 著, 覆 …): the scan
// passes over them and stops at those second characters instead, all of
// three bytes (TestPhraseSecondsThreeBytes). Checked ahead, the phrase
// starts stopped the scan at one character in nine of the benchmark
// corpus; now one in seventy stops it (一 alone was 2% of its characters,
// 著 is none). Which starts are checked behind changes only how often the
// scan stops, never what it finds (TestResetScanBehind): 不 (不可 …), 用
// (用不著), 情 (情有獨鍾) and 反 (反反覆覆) go on with everyday characters,
// and the rarer starts are rare, so they stay ahead.
const behindStarts = "一有以么看等上申其回大接明出想意急成祝手金穿流重二年站哪八九示名辛拜七放所跟老留水折找南黑海答耳忙酒墨目任批李存拿河深沙角雁破露朝"

// behindStart reports whether the phrase start r is checked behind: one
// of behindStarts that normalisation does not change anyway (fold3Bits).
func behindStart(r rune) bool {
	return strings.ContainsRune(behindStarts, r) && fold3Bits[r>>6]&(1<<(uint(r)&63)) == 0
}

// behindPair reports whether the three bytes before s[i] (i < len(s)) are
// a character that starts a phrase conversion with the character at i,
// of threeKey k: a phrase start runPlain or runCopy passed over, or one
// that resetScan handed to normalizeAt (which decided against its phrase),
// or, on invalid text, bytes that only look like a character; resetScan
// then starts again the slow way, which is right in all three cases. It
// is small enough to inline: a call would have runPlain and runCopy keep
// their offsets and state in memory.
func behindPair(p unsafe.Pointer, i int, k uint32) bool {
	if i < 3 {
		return false
	}
	v := load4(p, i-3) // s[i-3:i+1], within s
	return v&0xC0C0F0 == 0x8080E0 && t2sKeyPair(threeKey(v)<<16|k)
}

// fold3Bits has a bit set for every rune of changeBits (foldRune changes
// or drops it, or it is a decorative symbol), for the separators (… • ‧ ・
// may begin the mark of a separator run), and for every rune a three-byte
// sequence may not encode (those below 0x800, written overlong, and the
// surrogates), so plainRun stops at them with one lookup.
var fold3Bits = func() (bits [0x10000 / 64]uint64) {
	for w := range bits {
		bits[w] = changeBits[w] | sepBits[w]
	}
	for r := 0; r < 0x800; r += 64 {
		bits[r>>6] = ^uint64(0)
	}
	for r := 0xD800; r < 0xE000; r += 64 {
		bits[r>>6] = ^uint64(0)
	}
	return bits
}()

// normalizeFrom appends s normalised to buf, s[:first] being normal
// already.
func normalizeFrom(buf []byte, s string, first int) []byte {
	buf = slices.Grow(buf, len(s)+8)
	buf = append(buf, s[:first]...)
	var deco decoRun
	var seps sepRun
	for i := first; i < len(s); {
		// a run of characters copied as they are
		j := plainRun(s, i)
		buf = append(buf, s[i:j]...)
		if j == len(s) {
			break
		}
		i = j
		if c, ok := fullWidthASCII(s, i); ok {
			// the most common stop of all (， ？ ！): a full-width form that
			// is no separator folds to its ASCII byte, whatever stands
			// around it
			buf = append(buf, c)
			i += 3
			continue
		}
		buf, i = normalizeAt(buf, s, i, &deco, &seps)
	}
	return buf
}

// normalizeAt appends to buf the normal form of the character s[i] that
// plainRun stopped at (not a full-width form fullWidthASCII folds), or of
// the phrase or separator run it begins, and returns where the rest of s
// begins.
func normalizeAt(buf []byte, s string, i int, deco *decoRun, seps *sepRun) ([]byte, int) {
	r, size := decodeRune(s[i:])
	if t2sPhraseStart(r) {
		if phr, end, ok := lookupT2SPhraseAt(s, i); ok {
			return append(buf, phr...), end
		}
	}
	if size > 1 && r < 0x10000 && changeBits[r>>6]&(1<<(uint(r)&63)) == 0 {
		// a phrase start without its phrase, or a separator (· …):
		// plainRun stops at them all, sepMayClose passes over most
		if sepBits[r>>6]&(1<<(uint(r)&63)) != 0 && sepMayClose(s, i, size) && seps.drop(s, i, size, r) {
			return buf, seps.skip(s, i)
		}
		return append(buf, s[i:i+size]...), i + size
	}
	out, keep := foldRune(r)
	if size == 1 && r == utf8.RuneError {
		out, keep = r, true // invalid byte: keep a replacement char so offsets stay sane
	}
	// a space may be the gap of a letter-spaced run or a space of a
	// separator run's mark, an ASCII separator (the others took the
	// shortcut above) part of a mark; a decoration folds to itself:
	// punctuation, which foldRune changes, takes two comparisons
	if keep {
		switch {
		case out == ' ':
			if spacedGap(s, i, size) {
				keep = false
			} else if seps.drop(s, i, size, ' ') {
				return buf, seps.skip(s, i)
			}
		case out == r && decoration(r):
			keep = !deco.drop(s, i, size)
		case out < utf8.RuneSelf && asciiSep(byte(out)):
			if seps.drop(s, i, size, out) {
				return buf, seps.skip(s, i)
			}
		}
	}
	if keep {
		buf = utf8.AppendRune(buf, out)
	}
	return buf, i + size
}

// droppedRun returns the end of the run of characters from s[j] on that
// normalisation drops (j itself when it keeps s[j]), each decided as
// normalizeAt decides it: characters that vanish, the gaps of
// letter-spaced runs, the decorations between two Chinese characters and
// the marks of separator runs (TestDroppedRun). What it decides it
// decides afresh, so normalizeAt's own decoRun and sepRun, which remember
// a verdict for the run they are in, are left as they are.
func droppedRun(s string, j int) int {
	var deco decoRun
	var seps sepRun
	for j < len(s) {
		r, size := decodeRune(s[j:])
		if !mayDrop(r) {
			return j
		}
		if size > 1 && r < 0x10000 && changeBits[r>>6]&(1<<(uint(r)&63)) == 0 {
			// a separator that folds to itself (· …), as normalizeAt
			// takes it
			if sepBits[r>>6]&(1<<(uint(r)&63)) != 0 && sepMayClose(s, j, size) && seps.drop(s, j, size, r) {
				j = seps.skip(s, j)
				continue
			}
			return j
		}
		out, keep := foldRune(r)
		switch {
		case !keep:
		case out == ' ':
			if spacedGap(s, j, size) {
				break
			}
			if seps.drop(s, j, size, ' ') {
				j = seps.skip(s, j)
				continue
			}
			return j
		case out == r && decoration(r):
			if !deco.drop(s, j, size) {
				return j
			}
		case out < utf8.RuneSelf && asciiSep(byte(out)):
			if seps.drop(s, j, size, out) {
				j = seps.skip(s, j)
				continue
			}
			return j
		default:
			return j
		}
		j += size
	}
	return j
}

// fullWidthASCII returns the ASCII byte that the full-width form
// (U+FF01 to U+FF5E) at s[i] folds to, letters lower-cased, unless it is
// none or folds to a separator (asciiSep), which may be part of a
// separator run's mark. No phrase conversion starts with a full-width form
// (TestFullWidthASCII). Small enough to be inlined.
func fullWidthASCII(s string, i int) (byte, bool) {
	if len(s)-i < 3 || s[i] != 0xEF || s[i+1]&^1 != 0xBC || s[i+2]&0xC0 != 0x80 {
		return 0, false
	}
	// U+FF00 to U+FF7F: EF BC 80 to EF BD BF
	c := fullWidthFold[(s[i+1]&1)<<6|s[i+2]&0x3F]
	return c, c != 0
}

// fullWidthFold[r-0xFF00] is what foldRune folds the full-width form r to,
// for those fullWidthASCII takes, 0 for the others.
var fullWidthFold = func() (tab [256]byte) {
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		if out, keep := foldRune(r); keep && out < utf8.RuneSelf && !asciiSep(byte(out)) {
			tab[r-0xFF00] = byte(out)
		}
	}
	return tab
}()

// buildOff builds the offset map of the normalisation of orig.
func (n *Normalized) buildOff() {
	s, first := n.orig, n.first
	if cap(n.off) < len(n.Text)+1 {
		n.off = make([]int32, 0, len(n.Text)+1)
	}
	off := n.off[:0]
	for i := 0; i < first; i++ {
		off = append(off, int32(i))
	}
	// every byte a character produces maps to the character's start
	emit := func(size, from int) {
		for range size {
			off = append(off, int32(from))
		}
	}
	var deco decoRun
	var seps sepRun
	for i := first; i < len(s); {
		if j := plainRun(s, i); j > i {
			from := i
			for ; i < j; i++ {
				if s[i]&0xC0 != 0x80 {
					from = i // a character starts
				}
				off = append(off, int32(from))
			}
			continue
		}
		if s[i] == ' ' {
			switch {
			case spacedGap(s, i, 1):
			case seps.drop(s, i, 1, ' '):
				i = seps.skip(s, i)
				continue
			default:
				off = append(off, int32(i))
			}
			i++
			continue
		}
		if phr, end, ok := lookupT2SPhraseAt(s, i); ok {
			// phrase conversions keep the character count: map rune by
			// rune, past what is dropped between the phrase's characters
			j := i
			for k, r := range []rune(phr) {
				if k > 0 {
					j = droppedRun(s, j)
				}
				_, osz := utf8.DecodeRuneInString(s[j:])
				emit(runeLen(r), j)
				j += osz
			}
			i = end
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		out, keep := foldRune(r)
		if size == 1 && r == utf8.RuneError {
			out, keep = r, true
		}
		// a decoration folds to itself: punctuation, which foldRune
		// changes, takes one comparison
		if keep && out == r && decoration(r) && deco.drop(s, i, size) {
			keep = false
		}
		if keep && r < 0x10000 && gapBits[r>>6]&(1<<(uint(r)&63)) != 0 {
			if out == ' ' && spacedGap(s, i, size) {
				keep = false
			} else if seps.drop(s, i, size, out) {
				i = seps.skip(s, i)
				continue
			}
		}
		if keep {
			emit(runeLen(out), i)
		}
		i += size
	}
	n.off = append(off, int32(len(s)))
	n.offBuilt = true
}

// runeLen is the length of r as utf8.AppendRune writes it.
func runeLen(r rune) int {
	if n := utf8.RuneLen(r); n > 0 {
		return n
	}
	return 3 // written as utf8.RuneError
}

// firstChange returns the byte offset of the first character normalisation
// would change, or -1 when the text is already normal (the common case, which
// then costs one pass and no allocation).
func firstChange(s string) int {
	var deco decoRun
	var seps sepRun
	for i := 0; i < len(s); {
		if i = plainRun(s, i); i == len(s) {
			break
		}
		size, change := changeAt(s, i, &deco, &seps)
		if change {
			return i
		}
		i += size
	}
	return -1
}

// changeAt is firstChange's look at the character s[i] that plainRun
// stopped at: whether normalisation changes the text there, and when it
// does not, the character's length.
func changeAt(s string, i int, deco *decoRun, seps *sepRun) (size int, change bool) {
	if s[i] == ' ' {
		// an ASCII space plainRun stopped at: the other spaces fold to
		// it, a change already
		return 1, spacedGap(s, i, 1) || seps.drop(s, i, 1, ' ')
	}
	if _, ok := fullWidthASCII(s, i); ok {
		return 0, true // the most common change: ， ？ ！ fold to ASCII
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size == 1 {
		return 0, true
	}
	// changeBits says what foldRune and decoration would: runes above
	// it take the calls
	if r >= 0x10000 || changeBits[r>>6]&(1<<(uint(r)&63)) != 0 {
		if out, keep := foldRune(r); !keep || out != r {
			return 0, true
		}
		if decoration(r) && deco.drop(s, i, size) {
			return 0, true
		}
	}
	// a separator that folds to itself (- . / · …; plainRun stops at
	// the last two whatever stands around them)
	if r < 0x10000 && sepBits[r>>6]&(1<<(uint(r)&63)) != 0 && (size == 1 || sepMayClose(s, i, size)) && seps.drop(s, i, size, r) {
		return 0, true
	}
	if t2sPhraseStart(r) {
		if _, _, ok := lookupT2SPhraseAt(s, i); ok {
			return 0, true
		}
	}
	return size, false
}

// foldRune maps one rune to its normal form; keep is false for characters
// that are dropped (invisible and control characters).
func foldRune(r rune) (out rune, keep bool) {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A'), true
		}
		if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f {
			return 0, false
		}
		return r, true
	case isEmoji(r):
		// no case, no Simplified form: kept as they are without the
		// searches below (TestFoldRuneEmoji)
		return r, true
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		r -= 0xFF01 - 0x21
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r, true
	case spaceRune(r):
		// ideographic, no-break (HTML exports) and other Unicode spaces:
		// RE2's \s knows only the ASCII ones
		return ' ', true
	case invisible(r):
		return 0, false
	}
	if c, ok := compatForm(r); ok {
		return foldRune(c)
	}
	if s, ok := lookupT2S(r); ok {
		return s, true
	}
	return foldCase(r), true
}

// compatForm maps a CJK compatibility character to the character it stands
// for, as NFKC does: half-width ideographic punctuation (｡ ､ ｢ ｣), the small
// and vertical forms of punctuation (﹐ ﹗ ︰), the CJK compatibility
// ideographs (不 U+F967 is 不) and the Kangxi and supplementary radicals
// that text copied from PDFs is full of (⼀ U+2F00 is 一), and the
// full-width currency signs (￥ is ¥). Only characters
// that stand for one character are mapped.
func compatForm(r rune) (rune, bool) {
	if r < compatLo || r > compatHi {
		return 0, false
	}
	c, ok := compatForms[r]
	return c, ok
}

const compatLo, compatHi = 0x2E80, 0xFFEF

// compatForms is built from golang.org/x/text's NFKC for the blocks above
// (computeCompatForms, written out in normalize_tables.go).
func computeCompatForms() map[rune]rune {
	m := map[rune]rune{}
	for _, block := range [][2]rune{
		{0x2E80, 0x2EFF}, {0x2F00, 0x2FDF}, {0xF900, 0xFAFF}, {0xFE10, 0xFE1F},
		{0xFE30, 0xFE4F}, {0xFE50, 0xFE6F}, {0xFF61, 0xFF64}, {0xFFE0, 0xFFE6},
	} {
		for r := block[0]; r <= block[1]; r++ {
			n := norm.NFKC.String(string(r))
			c, size := utf8.DecodeRuneInString(n)
			if size == len(n) && c != r && c != utf8.RuneError {
				m[r] = c
			}
		}
	}
	return m
}

// foldCase maps a letter to the lower case of the letters it is
// case-insensitively equal to, as RE2's (?i) sees it (unicode.SimpleFold):
// Σ, σ and ς all become σ, S, s and ſ become s, K (Kelvin) becomes k, ᾈ
// becomes ᾀ. A phrase or a pattern's required literal then finds every text
// its (?i) pattern matches. Characters without case are kept.
func foldCase(r rune) rune {
	if r >= 0x3400 && r < 0xA000 || r >= 0xAC00 && r < 0xF900 {
		return r // CJK, Yi, Hangul, private use: no case
	}
	if unicode.SimpleFold(r) == r {
		if r < 0x3000 && unicode.IsUpper(r) {
			return unicode.ToLower(r) // İ: i
		}
		return r
	}
	// the first letter of r's orbit (from r on) that is not lower case
	// gives the orbit's lower case
	for f := r; ; {
		if l := unicode.ToLower(f); l != f {
			return l
		}
		if f = unicode.SimpleFold(f); f == r {
			return r
		}
	}
}

// isEmoji reports whether r is a pictograph of the supplementary planes
// (😀, 👍, 🙏, the skin tones, flags, mahjong tiles …), which normalisation
// removes from between two Chinese characters.
func isEmoji(r rune) bool { return r >= 0x1F000 && r <= 0x1FAFF }

// decoration reports whether r is an emoji (isEmoji), a decorative symbol
// of the BMP (decorativeSymbol) or a combining mark (combiningMark), the
// last two looked up in decoBits: what normalisation removes from between
// two Chinese characters.
func decoration(r rune) bool {
	if r < 0x10000 {
		return decoBits[r>>6]&(1<<(uint(r)&63)) != 0
	}
	return isEmoji(r)
}

// decoBits has a bit set for every decorative symbol (decorativeSymbol)
// and combining mark (combiningMark).
var decoBits = func() (bits [0x10000 / 64]uint64) {
	for _, rgs := range [...][][2]rune{decoRanges[:], markRanges[:]} {
		for _, rg := range rgs {
			for r := rg[0]; r <= rg[1]; r++ {
				if decorativeSymbol(r) || combiningMark(r) {
					bits[r>>6] |= 1 << (uint(r) & 63)
				}
			}
		}
	}
	return bits
}()

// markRanges are the blocks of combining marks that belong to no script:
// Combining Diacritical Marks, their Extended and Supplement blocks, those
// for Symbols (the enclosing circle and keycap among them) and the
// Combining Half Marks.
var markRanges = [...][2]rune{
	{0x0300, 0x036F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x20D0, 0x20FF}, {0xFE20, 0xFE2F},
}

// combiningMark reports whether r is a combining mark (Mn, Me) of
// markRanges, other than the combining grapheme joiner (invisible) and
// the iota subscript U+0345 (a letter to case folding, ι): a
// Chinese character takes no accent, so one written on it (不\u0301知道,
// 不̶知̶道 struck through, the stacked marks of "Zalgo" text) is decoration.
// The marks of a script's own block (Thai, Devanagari, the kana voicing
// marks) are not: they are part of its letters.
func combiningMark(r rune) bool {
	for _, rg := range markRanges {
		if rg[0] <= r && r <= rg[1] {
			return !invisible(r) && unicode.SimpleFold(r) == r && (unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r))
		}
	}
	return false
}

// decoRanges are the parts of the BMP whose symbols are pictures: the
// emoji of Miscellaneous Technical (⌚ ⌛ ⏩…⏳ ⏸ ⏹ ⏺), Geometric Shapes
// (■ ▲ ◆ ◇ ● ◎), Miscellaneous Symbols (★ ☆ ♥ ♪ ☀ ☎), Dingbats up to its
// arrows (✔ ✨ ❤ ✿) and its curly loops (➰ ➿), and the shapes and stars of
// Miscellaneous Symbols and Arrows (⬛ ⬜ ⭐ ⭕). Arrows are left out: between
// two words they say "to" or "then" (广州→北京, 设置➡通用).
var decoRanges = [...][2]rune{
	{0x231A, 0x231B}, {0x23E9, 0x23F3}, {0x23F8, 0x23FA},
	{0x25A0, 0x25FF}, {0x2600, 0x26FF}, {0x2700, 0x2793}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
	{0x2B12, 0x2B2F}, {0x2B50, 0x2B59},
}

// decorativeSymbol reports whether r is a decorative symbol of the BMP:
// a symbol of category So in decoRanges, except those that stand for a
// character or mark a quotation. ○ and ◯ are written for 〇 (二○二六年), □,
// ○ and ◯ for a character left out (张□□, 王○○), and the quotation mark
// ornaments ❛ ❜ ❝ ❞ ❟ ❠ quote. Other symbols are never decoration: currency
// (¥, Sc), mathematics (+ = < > ×, Sm), letterlike symbols (℃ № ℡), enclosed
// letters and ideographs (Ⓐ ㊣), box drawing, arrows, CJK punctuation and
// the tilde (～ and 〜: 好的～亲 ends a clause, 周一～周五 is a range).
func decorativeSymbol(r rune) bool {
	switch r {
	case 0x25A1, 0x25CB, 0x25EF: // □ ○ ◯
		return false
	}
	if r >= 0x275B && r <= 0x2760 { // ❛ ❜ ❝ ❞ ❟ ❠
		return false
	}
	for _, rg := range decoRanges {
		if rg[0] <= r && r <= rg[1] {
			return unicode.Is(unicode.So, r)
		}
	}
	return false
}

// decoRun remembers the verdict on the last run of decorations (and
// invisible characters) normalisation met, so that each character of a
// long run does not look through the whole run again.
type decoRun struct {
	end   int  // the end of the run in s
	inner bool // it is dropped: between two Chinese characters or a slot
}

// drop reports whether the decoration s[i:i+size] stands between two
// Chinese characters, other decorations and invisible characters aside:
// 不😀知道, 一定😊😊到, 不❤\ufe0f知道, 知\u200b👩\u200d💻道; or alone between
// two spaces of a letter-spaced run (decoSlot): 我 😀 不 知 道. The
// decorations of a run share their neighbours, so the run's verdict is
// kept for the rest of it (s is the same text at every call).
func (d *decoRun) drop(s string, i, size int) bool {
	if i < d.end {
		return d.inner
	}
	d.end, d.inner = decoVerdict(s, i, size)
	return d.inner
}

// decoVerdict reports whether the decoration s[i:i+size] is dropped,
// between two Chinese characters (betweenHan) or in a slot of a
// letter-spaced run (decoSlot), and returns the end of the run of
// decorations that share the verdict. decoSlot's run goes on past a
// control character, which stops betweenHan's: a decoration after it
// stands next to no Chinese character, so one verdict holds for all of
// decoSlot's run.
func decoVerdict(s string, i, size int) (end int, drop bool) {
	end, drop = betweenHan(s, i, size)
	if drop {
		return end, true
	}
	slotEnd, slot := decoSlot(s, i)
	return max(end, slotEnd), slot
}

// betweenHan reports whether the decoration s[i:i+size] stands between two
// Chinese characters, other decorations and invisible characters aside,
// and returns the end of the run of decorations and invisible characters
// it is part of.
func betweenHan(s string, i, size int) (end int, inner bool) {
	end = i + size
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !decoration(r) && !invisible(r) {
			break
		}
		end += n
	}
	if end == len(s) {
		lookedThrough(end - i)
		return end, false
	}
	if r, _ := utf8.DecodeRuneInString(s[end:]); !unicode.Is(unicode.Han, r) {
		lookedThrough(end - i)
		return end, false
	}
	for j := i; j > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !decoration(r) && !invisible(r) {
			lookedThrough(end - j)
			return end, unicode.Is(unicode.Han, r)
		}
		j -= n
	}
	lookedThrough(end)
	return end, false
}

// decorationSteps, when set (tests), adds up the bytes betweenHan,
// prevKept and nextKept look through, to show that normalising long runs
// of decorations, spaces and invisible characters stays linear in their
// length without timing it.
var decorationSteps *int

// lookedThrough adds n to decorationSteps, when set.
func lookedThrough(n int) {
	if decorationSteps != nil {
		*decorationSteps += n
	}
}

// invisible reports zero-width, formatting and control characters that carry
// no text: they are removed before matching so 不\u200b知道 still reads 不知道.
// They are C1 controls (U+0080 to U+009F), the soft hyphen, the
// combining grapheme joiner, the Arabic letter mark, the Hangul fillers
// (U+115F, U+1160, U+3164, U+FFA0), the Khmer inherent vowels, the
// Mongolian variation selectors and vowel separator, the zero-width
// spaces, joiners and direction marks (U+200B to U+200F), the bidi
// embeddings (U+202A to U+202E), the word joiner, invisible operators and
// isolates (U+2060 to U+206F), the variation selectors (U+FE00 to U+FE0F
// and U+E0100 on), the byte order mark and the tags (U+E0000 on). The
// ranges are tested in order, so the characters chat text is made of (CJK
// punctuation, full-width forms) take a few comparisons
// (TestInvisibleList).
func invisible(r rune) bool {
	switch {
	case r < 0x200B:
		return r >= 0x80 && r <= 0x9F || r == 0x00AD || r == 0x034F || r == 0x061C || r == 0x115F ||
			r == 0x1160 || r == 0x17B4 || r == 0x17B5 || r >= 0x180B && r <= 0x180E
	case r <= 0x206F:
		return r <= 0x200F || r >= 0x202A && r <= 0x202E || r >= 0x2060
	case r < 0xFE00:
		return r == 0x3164
	case r <= 0xFFA0:
		return r <= 0xFE0F || r == 0xFEFF || r == 0xFFA0
	}
	return r >= 0xE0000 && r <= 0xE0FFF
}

// spaceRune reports whether r is a space (Zs): the ASCII one, the
// ideographic space, the no-break space of HTML exports and the other
// Unicode spaces, which normalisation folds to the ASCII one.
func spaceRune(r rune) bool {
	switch {
	case r == ' ', r == 0x3000, r == 0x00A0, r == 0x1680, r >= 0x2000 && r <= 0x200A, r == 0x202F, r == 0x205F:
		return true
	}
	return false
}

// vanishes reports whether normalisation drops r whatever stands around
// it (foldRune): controls and invisible characters (none between U+3400
// and U+FDFF, where Chinese is).
func vanishes(r rune) bool {
	if r < utf8.RuneSelf {
		return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f
	}
	return (r < 0x3400 || r >= 0xFE00) && invisible(r)
}

// keptRange reports whether r is from U+3400 to U+FDFF, where no character
// vanishes: prevKept and nextKept keep those without the call.
func keptRange(r rune) bool { return r >= 0x3400 && r < 0xFE00 }

// isHan reports whether r is a Chinese character (script Han); the CJK
// Unified Ideographs, U+4E00 to U+9FFF, are all of them.
func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// spaceMayClose is plainRun's quick test of the ASCII space s[i]: false
// when it can be neither the gap of a letter-spaced run nor the first space
// of a separator run's mark, as a Chinese character or a character that
// vanishes must stand before it and one of those or a separator after it
// (the byte before is no printable ASCII, the byte after no printable
// ASCII other than a separator). The space after a mark goes with it
// (sepRun.skip). A space with two characters from U+4000 to U+9FFF on
// either side (好的 谢谢, the commonest in chat) is false too: the
// characters next to it are no letters of a run (a Chinese character
// stands next to each, or it is no Chinese character and no decoration:
// ䷀) and no separator, so it is no gap (spacedGap) and no space of a
// mark (spaceMark).
func spaceMayClose(s string, i int) bool {
	if i <= 0 || i+1 >= len(s) || s[i-1]-0x20 < 0x5F || s[i+1]-0x20 < 0x5F && !mayBeSep(s[i+1]) {
		return false
	}
	if i >= 7 && i+8 <= len(s) {
		// the Chinese characters around it in two loads (cjkTwo)
		return !(cjkTwo(load64(s, i-7)) && cjkTwo(load64(s, i)))
	}
	return !(cjkEndsAt(s, i) && cjkEndsAt(s, i-3) && cjkStartsAt(s, i+1) && cjkStartsAt(s, i+4))
}

// cjkTwo reports whether bytes 1 to 6 of w (the first lowest: load64) are
// two characters from U+4000 to U+9FFF, as cjkStartsAt tests them: lead
// bytes E4 to E9, each followed by two continuation bytes.
func cjkTwo(w uint64) bool {
	return w&0xC0C0F0C0C0F000 == 0x8080E08080E000 && byte(w>>8)-0xE4 < 6 && byte(w>>32)-0xE4 < 6
}

// spacedGap reports whether the space s[i:i+size] is a gap of a
// letter-spaced run, which normalisation closes up: 我 不 知 道 is 我不知道.
// A letter-spaced run is three letters or more, each two one space (Zs)
// apart, a letter being a Chinese character with no Chinese character
// next to it; characters that vanish (zero-width, controls) are not
// looked at, and decorations standing alone between two spaces of a run
// (我 😀 不 知 道) go with them (decoSlot). Fewer letters are words: the
// space of 好的 谢谢, 亲 在吗, 我 不知道, 我 不 知道 and of 不 行 stays,
// as rules rely on it (a 滚 standing alone, a 亲 greeting). A run takes in
// a word of two characters one space beyond either of its ends, which is
// its last letter with a particle (我 不 知 道呢 is 我不知道呢) or its
// first with what comes before (哎呀 我 不 清 楚 is 哎呀我不清楚); a
// longer word is a clause of its own and keeps its space (这个我 不 知 道
// is 这个我 不知道, 天 知 道 什么时候到 keeps the space before 什么). The
// space is a gap when the characters next to it are letters and a third
// letter stands one step beyond either, or when one is a letter ending a
// run of three and the other begins or ends a word of two, which looks at
// no more than three steps (a letter, its space and a decoration slot) on
// either side.
func spacedGap(s string, i, size int) bool {
	l, li := prevKept(s, i)
	if li < 0 {
		return false
	}
	if !isHan(l) {
		if !decoration(l) {
			return false
		}
		r, re := nextKept(s, i+size)
		return re >= 0 && slotGap(s, l, li, r, re)
	}
	// in ordinary chat the space follows a word (好的 谢谢): looked at
	// first, only a word of two may be taken in
	ll, lli := prevKept(s, li)
	lLetter := lli < 0 || !isHan(ll)
	if !lLetter {
		if p, pi := prevKept(s, lli); pi >= 0 && isHan(p) {
			return false
		}
	}
	r, re := nextKept(s, i+size)
	if re < 0 {
		return false
	}
	if !isHan(r) {
		return lLetter && slotGap(s, l, li, r, re)
	}
	rr, rre := nextKept(s, re)
	rLetter := rre < 0 || !isHan(rr)
	switch {
	case lLetter && rLetter:
		return stepBack(s, li) >= 0 || stepFwd(s, re) >= 0
	case lLetter:
		// l ends a run of three letters, r starts a word of two
		if n, ne := nextKept(s, rre); ne >= 0 && isHan(n) {
			return false
		}
		h := stepBack(s, li)
		return h >= 0 && stepBack(s, h) >= 0
	case rLetter:
		// l ends a word of two, r starts a run of three letters
		e := stepFwd(s, re)
		return e >= 0 && stepFwd(s, e) >= 0
	}
	return false
}

// slotGap is spacedGap's answer for a space with something other than a
// Chinese character on one side (l at li before it, r ending at re after
// it): a gap when it is one of the two spaces of a decoration slot between
// two letters of a run of three.
func slotGap(s string, l rune, li int, r rune, re int) bool {
	switch {
	case isHan(l) && decoration(r):
		if p, pi := prevKept(s, li); pi >= 0 && isHan(p) {
			return false
		}
		y, ye := skipDecoFwd(s, re)
		if ye < 0 || !spaceRune(y) {
			return false
		}
		e := letterAfterEnd(s, ye)
		return e >= 0 && (stepBack(s, li) >= 0 || stepFwd(s, e) >= 0)
	case decoration(l) && isHan(r):
		if n, ne := nextKept(s, re); ne >= 0 && isHan(n) {
			return false
		}
		y, yi := skipDecoBack(s, li)
		if yi < 0 || !spaceRune(y) {
			return false
		}
		h := letterBeforeAt(s, yi)
		return h >= 0 && (stepBack(s, h) >= 0 || stepFwd(s, re) >= 0)
	}
	return false
}

// decoSlot reports whether the decoration at s[i] stands alone between two
// spaces of a letter-spaced run (我 😀 不 知 道, 不 ❤️ 知 道): between two
// letters, each one space (Zs) away, with a third letter one step beyond
// either, other decorations and vanishing characters aside. It returns the
// end of the decorations from s[i] on, which share the verdict.
func decoSlot(s string, i int) (end int, slot bool) {
	end = i
	var y rune
	ye := -1
	for {
		r, e := nextKept(s, end)
		if e < 0 || !decoration(r) {
			y, ye = r, e
			break
		}
		end = e
	}
	if ye < 0 || !spaceRune(y) {
		return end, false
	}
	x, xi := skipDecoBack(s, i)
	if xi < 0 || !spaceRune(x) {
		return end, false
	}
	h := letterBeforeAt(s, xi)
	if h < 0 {
		return end, false
	}
	e := letterAfterEnd(s, ye)
	return end, e >= 0 && (stepBack(s, h) >= 0 || stepFwd(s, e) >= 0)
}

// stepBack returns the offset of the letter one step before the letter at
// s[h] in a letter-spaced run, or -1 if there is none: one space before
// it, or one space, a slot of decorations and one space.
func stepBack(s string, h int) int {
	sp, spi := prevKept(s, h)
	if spi < 0 || !spaceRune(sp) {
		return -1
	}
	if x, xi := prevKept(s, spi); xi >= 0 && decoration(x) {
		y, yi := skipDecoBack(s, xi)
		if yi < 0 || !spaceRune(y) {
			return -1
		}
		spi = yi
	}
	return letterBeforeAt(s, spi)
}

// stepFwd returns the end of the letter one step after the letter that
// ends at s[e] in a letter-spaced run, or -1 if there is none.
func stepFwd(s string, e int) int {
	sp, spe := nextKept(s, e)
	if spe < 0 || !spaceRune(sp) {
		return -1
	}
	if x, xe := nextKept(s, spe); xe >= 0 && decoration(x) {
		y, ye := skipDecoFwd(s, xe)
		if ye < 0 || !spaceRune(y) {
			return -1
		}
		spe = ye
	}
	return letterAfterEnd(s, spe)
}

// letterBeforeAt returns the offset of the letter (a Chinese character
// with no Chinese character next to it) that ends right before the space
// at s[i], vanishing characters aside, or -1 if there is none.
func letterBeforeAt(s string, i int) int {
	h, hi := prevKept(s, i)
	if hi < 0 || !isHan(h) {
		return -1
	}
	if p, pi := prevKept(s, hi); pi >= 0 && isHan(p) {
		return -1
	}
	return hi
}

// letterAfterEnd returns the end of the letter that starts right after
// the space that ends at s[i], vanishing characters aside, or -1.
func letterAfterEnd(s string, i int) int {
	h, he := nextKept(s, i)
	if he < 0 || !isHan(h) {
		return -1
	}
	if n, ne := nextKept(s, he); ne >= 0 && isHan(n) {
		return -1
	}
	return he
}

// skipDecoBack returns the last character before s[i] that is neither a
// decoration nor vanishes, and its offset (-1: none).
func skipDecoBack(s string, i int) (rune, int) {
	for {
		r, ri := prevKept(s, i)
		if ri < 0 || !decoration(r) {
			return r, ri
		}
		i = ri
	}
}

// skipDecoFwd returns the first character from s[i] on that is neither a
// decoration nor vanishes, and the offset of its end (-1: none).
func skipDecoFwd(s string, i int) (rune, int) {
	for {
		r, re := nextKept(s, i)
		if re < 0 || !decoration(r) {
			return r, re
		}
		i = re
	}
}

// prevKept returns the last character of s[:i] that does not vanish and
// its offset, or -1 if there is none.
func prevKept(s string, i int) (rune, int) {
	if cjkEndsAt(s, i) {
		// most often a Chinese character (U+4000 to U+9FFF, none of which
		// vanishes), decoded inline
		lookedThrough(3)
		return rune(s[i-3]&0x0F)<<12 | rune(s[i-2]&0x3F)<<6 | rune(s[i-1]&0x3F), i - 3
	}
	if i > 0 && s[i-1]-0x20 < 0x7f-0x20 {
		// next most often printable ASCII (a space, a bracket, a digit),
		// which does not vanish either
		lookedThrough(1)
		return rune(s[i-1]), i - 1
	}
	from := i
	for i > 0 {
		var r rune
		n := 0
		if i >= 3 {
			// most often a character of three bytes (CJK punctuation, a
			// full-width form), decoded inline
			if r3, ok := decode3(s[i-3 : i]); ok {
				r, n = r3, 3
			}
		}
		if n != 3 {
			r, n = utf8.DecodeLastRuneInString(s[:i])
		}
		i -= n
		if keptRange(r) || !vanishes(r) {
			lookedThrough(from - i)
			return r, i
		}
	}
	lookedThrough(from)
	return 0, -1
}

// nextKept returns the first character of s[i:] that does not vanish and
// the offset of its end, or -1 if there is none.
func nextKept(s string, i int) (rune, int) {
	if cjkStartsAt(s, i) {
		// most often a Chinese character, as in prevKept
		lookedThrough(3)
		return rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), i + 3
	}
	if i < len(s) && s[i]-0x20 < 0x7f-0x20 {
		lookedThrough(1)
		return rune(s[i]), i + 1
	}
	from := i
	for i < len(s) {
		r, ok := decode3(s[i:])
		n := 3
		if !ok {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		if keptRange(r) || !vanishes(r) {
			lookedThrough(i - from)
			return r, i
		}
	}
	lookedThrough(len(s) - from)
	return 0, -1
}
