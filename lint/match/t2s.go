package match

//go:generate go run ./internal/gent2s -src ../../../shared/data/opencc -out t2s_table.go

import (
	"math/bits"
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
