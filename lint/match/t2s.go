package match

//go:generate go run ./internal/gent2s -src ../../../shared/data/opencc -out t2s_table.go

import (
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// lookupT2S returns the Simplified form of a Traditional character.
func lookupT2S(r rune) (rune, bool) {
	if r < 0x10000 {
		w, bit := r>>6, uint(r)&63
		if t2sBits[w]&(1<<bit) == 0 {
			return r, false
		}
		// the BMP characters come first in t2sFrom, in order
		return t2sTo[int(t2sRank[w])+bits.OnesCount64(t2sBits[w]&(1<<bit-1))], true
	} else if r < t2sFrom[0] {
		return r, false
	}
	i := sort.Search(len(t2sFrom), func(i int) bool { return t2sFrom[i] >= r })
	if i < len(t2sFrom) && t2sFrom[i] == r {
		return t2sTo[i], true
	}
	return r, false
}

// t2sRank[w] counts the bits set in t2sBits before word w: the index in
// t2sFrom of the first character word w marks.
var t2sRank = func() (rank [len(t2sBits)]uint16) {
	n := 0
	for w, b := range t2sBits {
		rank[w] = uint16(n)
		n += bits.OnesCount64(b)
	}
	return rank
}()

// t2sPhraseStart reports whether some phrase conversion starts with r.
func t2sPhraseStart(r rune) bool {
	return r < 0x10000 && t2sPhraseBits[r>>6]&(1<<(uint(r)&63)) != 0
}

// t2sPairs holds the first two characters of every phrase conversion (as
// r0<<32 | r1) in an open-addressing hash table, so the common case — a
// phrase-start character not followed by its phrase — costs a probe or two.
var t2sPairs = func() (tab [t2sPairSlots]uint64) {
	for _, p := range t2sPhrases {
		r0, n := utf8.DecodeRuneInString(p.from)
		r1, _ := utf8.DecodeRuneInString(p.from[n:])
		k := uint64(r0)<<32 | uint64(r1)
		i := t2sPairHash(k)
		for tab[i] != 0 && tab[i] != k {
			i = (i + 1) & (t2sPairSlots - 1)
		}
		tab[i] = k
	}
	return tab
}()

// t2sPairSlots is the size of t2sPairs, a power of two well above the
// number of pairs.
const t2sPairSlots = 2048

func t2sPairHash(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15) >> (64 - 11) }

// t2sPair reports whether some phrase conversion starts with r0 r1.
func t2sPair(r0, r1 rune) bool {
	k := uint64(r0)<<32 | uint64(uint32(r1))
	for i := t2sPairHash(k); ; i = (i + 1) & (t2sPairSlots - 1) {
		switch t2sPairs[i] {
		case k:
			return true
		case 0:
			return false
		}
	}
}

// lookupT2SPhrase finds the longest phrase conversion at the start of s and
// returns its Simplified form and the number of bytes of s it covers.
func lookupT2SPhrase(s string) (to string, size int, ok bool) {
	r, n := decodeRune(s)
	if !t2sPhraseStart(r) {
		return "", 0, false
	}
	r1, _ := decodeRune(s[n:])
	if !t2sPair(r, r1) {
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
	if n < 2 {
		return "", 0, false
	}
	// the phrases starting with s's first two characters are together in
	// t2sPhrases: the longest of them s starts with
	two := s[:ends[2]]
	best := -1
	for j := sort.Search(len(t2sPhrases), func(j int) bool { return t2sPhrases[j].from >= two }); j < len(t2sPhrases) && strings.HasPrefix(t2sPhrases[j].from, two); j++ {
		if f := t2sPhrases[j].from; len(f) <= ends[n] && strings.HasPrefix(s, f) && (best < 0 || len(f) > len(t2sPhrases[best].from)) {
			best = j
		}
	}
	if best < 0 {
		return "", 0, false
	}
	return t2sPhrases[best].to, len(t2sPhrases[best].from), true
}

// lookupT2SPhraseAt finds the longest phrase conversion that starts with
// the character at s[i] in the text as normalisation leaves it: the
// characters it drops between two characters of a phrase (droppedRun:
// the spaces of 別 著 急, the zero-width space of 甚\u200b麼, the emoji of
// 甚😀麼, the marks of 著-急-了) are looked through, as a reader reads
// them, so that 別 著 急 is 别着急 and 甚😀麼 什么, as 別著急 and 甚麼 are.
// It returns the phrase's Simplified form and the end in s of its last
// character. The characters of a phrase are all Chinese characters
// (TestPhraseKeysHan): the phrase ends at the first one kept that is not.
func lookupT2SPhraseAt(s string, i int) (to string, end int, ok bool) {
	r0, n := decodeRune(s[i:])
	if !t2sPhraseStart(r0) {
		return "", 0, false
	}
	// the phrase's characters in s: the m-th from at[m] to at[m]+size[m];
	// gap is set when something dropped stands between two of them
	var at, size [t2sPhraseMaxRunes]int
	at[0], size[0] = i, n
	k, j, gap := 1, i+n, false
	for k < t2sPhraseMaxRunes && j < len(s) {
		r, sz := decodeRune(s[j:])
		if !isHan(r) {
			e := droppedRun(s, j)
			if e == j || e == len(s) {
				break
			}
			j, gap = e, true
			continue
		}
		if k == 1 && !t2sPair(r0, r) {
			return "", 0, false
		}
		at[k], size[k] = j, sz
		k++
		j += sz
	}
	if k < 2 {
		return "", 0, false
	}
	if !gap {
		to, sz, ok := lookupT2SPhrase(s[i:j])
		return to, i + sz, ok
	}
	// the characters written together, without what lies between them
	var buf [t2sPhraseMaxRunes * 4]byte
	key := buf[:0]
	for m := range k {
		key = append(key, s[at[m]:at[m]+size[m]]...)
	}
	to, sz, ok := lookupT2SPhrase(string(key))
	if !ok {
		return "", 0, false
	}
	for m := range k {
		if sz -= size[m]; sz == 0 {
			return to, at[m] + size[m], true
		}
	}
	return "", 0, false // never: a phrase ends with one of its characters
}

// pairAcross reports whether the characters from s[j] on that
// normalisation may drop (mayDrop, one at least) are followed by a
// character that makes the first two of a phrase conversion with r0:
// plainRun's test of a phrase start r0 that ends at s[j] and is not
// followed by its phrase's next character (甚 of 甚😀麼, 著 of 別 著 急),
// which must stop it when the phrase may be read across what lies
// between (lookupT2SPhraseAt).
func pairAcross(s string, j int, r0 rune) bool {
	for k := j; k < len(s); {
		r, n := decodeRune(s[k:])
		if !mayDrop(r) {
			return k > j && t2sPair(r0, r)
		}
		k += n
	}
	return false
}

// mayDrop reports whether normalisation may drop r, whatever stands
// around it: controls and invisible characters, spaces (the gaps of
// letter-spaced runs), decorations and separators (of separator runs).
// No Chinese character is one (TestMayDrop).
func mayDrop(r rune) bool {
	if r < 0x10000 {
		return dropBits[r>>6]&(1<<(uint(r)&63)) != 0
	}
	return mayDropWide(r)
}

// mayDropWide is mayDrop above U+FFFF: emoji, tags and variation
// selectors. (Not inlined, so that mayDrop is.)
//
//go:noinline
func mayDropWide(r rune) bool { return isEmoji(r) || invisible(r) }

// dropBits has a bit set for every rune below 0x10000 that mayDrop is
// true of.
var dropBits = func() (bits [0x10000 / 64]uint64) {
	// the spaces and separators (gapBits) and the decorations; the
	// controls and invisible characters, all below U+2070 but for a few
	for w := range bits {
		bits[w] = gapBits[w] | decoBits[w]
	}
	set := func(r rune) { bits[r>>6] |= 1 << (uint(r) & 63) }
	for r := rune(0); r < 0x2070; r++ {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f || invisible(r) {
			set(r)
		}
	}
	for _, r := range []rune{0x3164, 0xFEFF, 0xFFA0} {
		set(r)
	}
	for r := rune(0xFE00); r <= 0xFE0F; r++ {
		set(r)
	}
	return bits
}()

// decode3 returns the character s starts with when it is written in three
// bytes (a Chinese character most often), as decodeRune does; ok is false
// for the others, which decodeRune is left to. It is small enough to be
// inlined where decodeRune is not.
func decode3(s string) (r rune, ok bool) {
	if len(s) < 3 || s[0]&0xF0 != 0xE0 || (s[1]^0x80)|(s[2]^0x80) >= 0x40 {
		return 0, false
	}
	r = rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
	return r, r >= 0x800 && (r < 0xD800 || r > 0xDFFF)
}

// decodeRune is utf8.DecodeRuneInString with the three-byte case (Chinese)
// decoded inline.
func decodeRune(s string) (rune, int) {
	if len(s) >= 3 && s[0]&0xF0 == 0xE0 && s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80 {
		r := rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
		if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(s)
}

// HasSimplifiedOnly reports whether s has a character that only Simplified
// text writes: one the normaliser makes of a Traditional one that Big5
// does not count among its frequent characters (这, 们, 价; not 同 or 面,
// which Traditional text writes too), the characters lint/fix's TextScript
// counts as Simplified. It is HasTraditional's counterpart, as cheap: a
// caller asks it before TextScript, whose first call builds tables over
// every Chinese character, to learn that a text is Simplified without them.
func HasSimplifiedOnly(s string) bool {
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c < 0xE0:
			i++ // ASCII, or a two-byte character's bytes: none is Chinese
		case c < 0xF0 && i+2 < len(s):
			r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if t2sSimpOnlyBits[r>>6]&(1<<(uint(r)&63)) != 0 {
				return true
			}
			i += 3
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r >= 0x10000 {
				if _, found := slices.BinarySearch(t2sSimpOnlyWide[:], r); found {
					return true
				}
			}
			i += size
		}
	}
	return false
}
