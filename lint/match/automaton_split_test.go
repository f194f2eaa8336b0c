package match

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// splitAlphabet mixes ASCII, 2-, 3- and 4-byte characters, U+FFFD and
// characters sharing lead or continuation bytes with one another.
var splitAlphabet = []string{
	"a", "b", "A", " ", "0", "é", "ñ", "ß", "不", "知", "道", "亲", "丁", "七",
	"\uFFFD", "😀", "😁", "𠀀", "\u07FF", "\u0800", "\uFFFF", "\U0010FFFF", "，",
}

// randText joins n random characters of the alphabet.
func randText(rng *rand.Rand, alphabet []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(alphabet[rng.IntN(len(alphabet))])
	}
	return b.String()
}

// checkAgainstRef compares the hits of the automaton of pats (over
// characters, and over bytes) with the reference automaton's on text,
// and, for a subset of pats, those of buildAutomatonOf with the
// reference's on that subset.
func checkAgainstRef(t *testing.T, pats []string, texts []string, rng *rand.Rand) {
	t.Helper()
	a, byteA, ref := buildAutomaton(pats, nil), buildByteAutomaton(pats, nil), buildRefAutomaton(pats)
	if a.chars == nil {
		t.Fatalf("patterns %q: no character automaton", pats)
	}
	var ids []int32
	for i := range pats {
		if rng.IntN(2) == 0 {
			ids = append(ids, int32(i))
		}
	}
	sub := buildAutomatonOf(pats, ids, nil)
	for _, text := range texts {
		want := ref.hits(text, nil)
		if got := a.hits(text, nil); !slicesEqual(got, want) {
			t.Fatalf("patterns %q in %q: got %v, want %v", pats, text, got, want)
		}
		if got := byteA.hits(text, nil); !slicesEqual(got, want) {
			t.Fatalf("byte automaton of %q in %q: got %v, want %v", pats, text, got, want)
		}
		if err := agreesWithRef(sub, pats, ids, text); err != nil && len(ids) > 0 {
			t.Fatalf("subset %v of %q: %v", ids, pats, err)
		} else if len(ids) == 0 && len(sub.hits(text, nil)) != 0 {
			t.Fatalf("empty subset finds something")
		}
	}
}

func slicesEqual(a, b []rawHit) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestSplitAutomatonRandom: on random valid UTF-8 pattern sets and texts,
// the split automaton finds exactly the reference's hits, in its order.
func TestSplitAutomatonRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for round := 0; round < 3000; round++ {
		alpha := splitAlphabet[:2+rng.IntN(len(splitAlphabet)-1)]
		var pats []string
		for i := rng.IntN(30); i >= 0; i-- {
			pats = append(pats, randText(rng, alpha, 1+rng.IntN(4)))
		}
		var texts []string
		for range 4 {
			texts = append(texts, randText(rng, alpha, rng.IntN(60)))
		}
		// characters no pattern has: 4-byte, 2-byte, unused lead bytes
		texts = append(texts, randText(rng, append(alpha, "𝄞", "ж", "ㄅ", "\u0100", "~"), 80))
		checkAgainstRef(t, pats, texts, rng)
	}
}

// TestSplitAutomatonIsSplit: for valid UTF-8 patterns the table is smaller
// than the reference's, the roots and rows split as documented.
func TestSplitAutomatonIsSplit(t *testing.T) {
	pats := []string{"不知道", "知道", "a不", "😀b"}
	a, ref := buildByteAutomaton(pats, nil), buildRefAutomaton(pats)
	if len(a.delta) >= len(ref.delta) {
		t.Errorf("split table %d entries, reference %d", len(a.delta), len(ref.delta))
	}
	for _, b := range []byte{0x80, 0xBF} {
		if a.class[b] == a.class[0x7F] && a.class[0x7F] != 0 {
			t.Errorf("class of %#x", b)
		}
	}
}

// FuzzSplitAutomaton: on any valid UTF-8 patterns and text the split
// automaton agrees with the reference; on invalid UTF-8 text it does not
// panic (the result is then unspecified).
func FuzzSplitAutomaton(f *testing.F) {
	f.Add("不知道|知道|道", "我不知道，你知道吗")
	f.Add("😀|😀😀|\uFFFD", "a😀😀\uFFFD😀b")
	f.Add("é|ab|bé", "abébéé")
	f.Add("👍🏻|👍|\u200d💻", "👍🏻👍\u200d💻👩\u200d💻👍")
	f.Fuzz(func(t *testing.T, pats, text string) {
		ps := fuzzPatterns(pats)
		a, byteA := buildAutomaton(ps, nil), buildByteAutomaton(ps, nil)
		if !utf8.ValidString(text) {
			a.hits(text, nil)
			byteA.hits(text, nil)
			return
		}
		// patterns not valid UTF-8 get the plain layout: still compared
		want := buildRefAutomaton(ps).hits(text, nil)
		if got := a.hits(text, nil); !slicesEqual(got, want) {
			t.Errorf("patterns %q text %q: got %v, want %v", ps, text, got, want)
		}
		if got := byteA.hits(text, nil); !slicesEqual(got, want) {
			t.Errorf("byte automaton of %q text %q: got %v, want %v", ps, text, got, want)
		}
		// valid patterns with invalid text: no panic
		var valid []string
		for _, p := range ps {
			if utf8.ValidString(p) {
				valid = append(valid, p)
			}
		}
		bad := text + "\x80\xff\xe4\xb8" + text[:len(text)/2] + "\xbf\xbf\xbf\xbf"
		for _, a := range []*automaton{buildAutomaton(valid, nil), buildByteAutomaton(valid, nil)} {
			for _, h := range a.hits(bad, nil) {
				if h.start < 0 || h.end > int32(len(bad)) || h.start > h.end {
					t.Fatalf("patterns %q text %q: hit %v outside the text", valid, bad, h)
				}
			}
		}
	})
}

// TestSplitAutomatonInvalidText: valid patterns on invalid UTF-8 texts
// (continuation bytes at boundaries, lead bytes inside characters,
// truncated characters) read nothing out of bounds, and report no span
// outside the text (é  on \xc3\xc3 once gave one starting at -1).
func TestSplitAutomatonInvalidText(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for round := 0; round < 500; round++ {
		var pats []string
		for i := rng.IntN(20); i >= 0; i-- {
			pats = append(pats, randText(rng, splitAlphabet, 1+rng.IntN(4)))
		}
		a, byteA := buildAutomaton(pats, nil), buildByteAutomaton(pats, nil)
		b := make([]byte, 200)
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		inText := func(text string) {
			for _, a := range []*automaton{a, byteA} {
				for _, h := range a.hits(text, nil) {
					if h.start < 0 || h.end > int32(len(text)) || h.start > h.end {
						t.Fatalf("patterns %q text %q: hit %v outside the text", pats, text, h)
					}
				}
			}
		}
		inText(string(b))
		s := randText(rng, splitAlphabet, 40)
		for range 10 {
			i := rng.IntN(len(s))
			s = s[:i] + string([]byte{byte(0x80 + rng.IntN(0x80))}) + s[i:]
		}
		inText(s)
		inText("\xc3\xc3")
		sub := buildAutomatonOf(pats, []int32{0}, nil)
		sub.hits(s, nil)
		sub.hits(string(b), nil)
	}
}
