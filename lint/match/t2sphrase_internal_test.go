package match

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestLookupT2SPhraseIsRef: lookupT2SPhrase, which searches the phrases
// sharing the text's first two characters once, finds what looking up
// every prefix finds (refLookupT2SPhrase), on each phrase alone, cut
// short, run on into another phrase or into other text, and on random
// joins of phrases' pieces (nested phrases, one a prefix of another,
// included).
func TestLookupT2SPhraseIsRef(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var texts []string
	tails := []string{"", "的", "了嗎", "abc", "\xff", "。"}
	for i, p := range t2sPhrases {
		f := p.from
		next := t2sPhrases[(i+1)%len(t2sPhrases)].from
		texts = append(texts, f, f[:len(f)-1], f+next, next+f)
		for _, tl := range tails {
			texts = append(texts, f+tl)
		}
		if len(f) > 6 && utf8.RuneStart(f[6]) {
			texts = append(texts, f[:6]+next) // its first two characters
		}
	}
	for range 20000 {
		a := t2sPhrases[r.IntN(len(t2sPhrases))].from
		b := t2sPhrases[r.IntN(len(t2sPhrases))].from
		cut := r.IntN(len(a) + 1)
		for cut > 0 && !utf8.RuneStart(a[cut%len(a)]) && cut < len(a) {
			cut--
		}
		texts = append(texts, a[:cut]+b, a+b[:r.IntN(len(b)+1)])
	}
	found := 0
	for _, s := range texts {
		to, size, ok := lookupT2SPhrase(s)
		if ok {
			found++
		}
		wto, wsize, wok := refLookupT2SPhrase(s)
		if to != wto || size != wsize || ok != wok {
			t.Fatalf("lookupT2SPhrase(%q) = %q, %d, %v; looking up each prefix: %q, %d, %v", s, to, size, ok, wto, wsize, wok)
		}
	}
	if found < len(t2sPhrases) {
		t.Errorf("only %d of %d texts hold a phrase conversion: the test asks too little", found, len(texts))
	}
}
