package match

//go:generate go run ./internal/gent2s -src ../../../shared/data/opencc -out t2s_table.go

import (
	"sort"
	"unicode/utf8"
)

// lookupT2S returns the Simplified form of a Traditional character.
func lookupT2S(r rune) (rune, bool) {
	if r < 0x10000 {
		if t2sBits[r>>6]&(1<<(uint(r)&63)) == 0 {
			return r, false
		}
	} else if r < t2sFrom[0] {
		return r, false
	}
	i := sort.Search(len(t2sFrom), func(i int) bool { return t2sFrom[i] >= r })
	if i < len(t2sFrom) && t2sFrom[i] == r {
		return t2sTo[i], true
	}
	return r, false
}

// t2sPhraseStart reports whether some phrase conversion starts with r.
func t2sPhraseStart(r rune) bool {
	return r < 0x10000 && t2sPhraseBits[r>>6]&(1<<(uint(r)&63)) != 0
}

// t2sPairs holds the first two characters of every phrase conversion, so
// the common case — a phrase-start character not followed by its phrase —
// costs one map lookup.
var t2sPairs = func() map[uint64]struct{} {
	m := make(map[uint64]struct{}, len(t2sPhrases))
	for _, p := range t2sPhrases {
		r0, n := utf8.DecodeRuneInString(p.from)
		r1, _ := utf8.DecodeRuneInString(p.from[n:])
		m[uint64(r0)<<32|uint64(r1)] = struct{}{}
	}
	return m
}()

// lookupT2SPhrase finds the longest phrase conversion at the start of s and
// returns its Simplified form and the number of bytes of s it covers.
func lookupT2SPhrase(s string) (to string, size int, ok bool) {
	r, n := utf8.DecodeRuneInString(s)
	if !t2sPhraseStart(r) {
		return "", 0, false
	}
	r1, _ := utf8.DecodeRuneInString(s[n:])
	if _, ok := t2sPairs[uint64(r)<<32|uint64(r1)]; !ok {
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
