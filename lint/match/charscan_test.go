package match

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

// TestCharAutomatonChosen: valid UTF-8 patterns get the character
// automaton, others the byte automaton, and so does a word list whose rows
// would be long (many words starting with each character); each finds
// what the reference finds.
func TestCharAutomatonChosen(t *testing.T) {
	var many []string // 80 characters, every pair of them
	for i := range 80 {
		for j := range 80 {
			many = append(many, string([]rune{rune(0x4e00 + i), rune(0x4e00 + j)}))
		}
	}
	for _, tc := range []struct {
		pats  []string
		chars bool
	}{
		{[]string{"不知道", "知道", "a", "é", "😀"}, true},
		{[]string{"不知道", "\xff"}, false},
		{[]string{"\xe4\xb8"}, false},
		{many, false},
		{many[:200], true},
	} {
		a := buildAutomaton(tc.pats, nil)
		if (a.chars != nil) != tc.chars {
			t.Errorf("%d patterns %.20q: character automaton %v, want %v", len(tc.pats), tc.pats, a.chars != nil, tc.chars)
		}
		if tc.chars && a.delta != nil {
			t.Errorf("%.20q: byte table built too", tc.pats)
		}
		text := "我不知道😀" + strings.Join(tc.pats[:min(len(tc.pats), 50)], "") + "一丁七aé\xff"
		if got, want := a.hits(text, nil), buildRefAutomaton(tc.pats).hits(text, nil); !slicesEqual(got, want) {
			t.Errorf("%.20q: got %v, want %v", tc.pats, got, want)
		}
	}
}

// charAlphabet: ASCII, 2-, 3- and 4-byte characters, neighbours in code
// point order (sharing all bytes but the last, or the lead byte only),
// the first and last of each length.
var charAlphabet = []string{
	"a", "b", "\x00", "\x7f", "é", "ê", "\u0080", "\u07ff", "不", "丌", "与", "\u0800", "\uffff", "\ufffd",
	"😀", "😁", "\U00010000", "\U0010ffff", "，",
}

// TestCharAutomatonRandom: random patterns (overlapping, nested, repeated)
// over charAlphabet, on random texts of those and other characters, with
// runs of more hits than run notes before returning: the same hits as the
// reference, in its order.
func TestCharAutomatonRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	others := []string{"ж", "𝄞", "丁", "ÿ", "~", "\u0801"}
	for round := range 3000 {
		alpha := charAlphabet[:2+rng.IntN(len(charAlphabet)-1)]
		var pats []string
		for i := rng.IntN(12); i >= 0; i-- {
			pats = append(pats, randText(rng, alpha, 1+rng.IntN(4)))
		}
		if round%7 == 0 {
			pats = append(pats, pats[0]) // the same pattern twice
		}
		a, ref := buildAutomaton(pats, nil), buildRefAutomaton(pats)
		if a.chars == nil {
			t.Fatalf("patterns %q: no character automaton", pats)
		}
		texts := []string{
			randText(rng, alpha, rng.IntN(40)),
			randText(rng, append(alpha, others...), 60),
			strings.Repeat(pats[0], 3*charEnds+1),
			strings.Repeat(pats[0]+"é", charEnds+2),
		}
		for _, text := range texts {
			if got, want := a.hits(text, nil), ref.hits(text, nil); !slicesEqual(got, want) {
				t.Fatalf("patterns %q in %q: got %v, want %v", pats, text, got, want)
			}
		}
	}
}

// TestStepAtIsTrie: the scan loops' step (stepAt, a conditional move on
// cells of class and next state) is step, for every state reached from
// the root and every class (those of no row's cell among them), and the
// state it reaches over a text is that of the text's longest suffix that
// begins a pattern (the trie with failure links, followed at once).
func TestStepAtIsTrie(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	for range 300 {
		alpha := charAlphabet[:2+rng.IntN(len(charAlphabet)-1)]
		var pats []string
		for i := rng.IntN(12); i >= 0; i-- {
			pats = append(pats, randText(rng, alpha, 1+rng.IntN(5)))
		}
		a := buildAutomaton(pats, nil)
		c := a.chars
		if c == nil {
			t.Fatalf("patterns %q: no character automaton", pats)
		}
		cells := unsafe.Pointer(unsafe.SliceData(c.cells))
		nclass := uint32(0)
		for _, r := range strings.Join(pats, "") {
			cl, _ := c.classOf(string(r))
			nclass = max(nclass, cl+1)
		}
		// the state of each prefix of a pattern, from the root by step
		stateOf := map[string]uint32{"": 0}
		for _, p := range pats {
			st := uint32(0)
			for i, r := range p {
				cl, _ := c.classOf(string(r))
				st = c.step(st, cl)
				stateOf[p[:i+len(string(r))]] = st
			}
		}
		for pre, st := range stateOf {
			for cl := range nclass {
				if got, want := -uint32(stepAt(cells, -uint64(st), uint64(cl))), c.step(st, cl); got != want {
					t.Fatalf("patterns %q: from %q on class %d stepAt gives %d, step %d", pats, pre, cl, got, want)
				}
			}
		}
		text := randText(rng, append(alpha, "ж", "丁"), 50)
		st := uint32(0)
		for i, r := range text {
			cl, _ := c.classOf(string(r))
			st = -uint32(stepAt(cells, -uint64(st), uint64(cl)))
			end := i + len(string(r))
			want := uint32(0)
			for k := 0; k < end; k++ {
				if s, ok := stateOf[text[k:end]]; ok && utf8.RuneStart(text[k]) {
					want = s
					break
				}
			}
			if st != want {
				t.Fatalf("patterns %q, text %q: state %d after %q, want %d", pats, text, st, text[:end], want)
			}
		}
	}
}

// TestCharAutomatonInvalidText: on text that is not valid UTF-8 (bytes cut
// off characters, stray continuation bytes, lead bytes followed by ASCII,
// a 3-byte lead byte at the end) the character automaton reads nothing
// out of bounds and its hits are spans of the text; text cut only between
// characters keeps every hit whole characters give.
func TestCharAutomatonInvalidText(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for range 1000 {
		var pats []string
		for i := rng.IntN(10); i >= 0; i-- {
			pats = append(pats, randText(rng, charAlphabet, 1+rng.IntN(3)))
		}
		a := buildAutomaton(pats, nil)
		if a.chars == nil {
			t.Fatalf("patterns %q: no character automaton", pats)
		}
		text := []byte(randText(rng, charAlphabet, 30))
		for range 5 {
			i := rng.IntN(len(text) + 1)
			bad := [][]byte{{0x80}, {0xbf}, {0xe4}, {0xe4, 0xb8}, {0xf0, 0x9f}, {0xc3}, {0xff}, {0xe4, 'a', 'b'}}[rng.IntN(8)]
			text = append(text[:i], append(bad, text[i:]...)...)
		}
		for _, s := range []string{string(text), string(text) + "\xe4", string(text) + "\xe4\xb8", "\xe4", "\xe4\xb8"} {
			for _, h := range a.hits(s, nil) {
				if h.start < 0 || h.end > int32(len(s)) || h.start > h.end || h.end-h.start != int32(len(pats[h.key])) {
					t.Fatalf("patterns %q text %q: hit %v not a span of the text", pats, s, h)
				}
			}
		}
	}
}

// TestCharAutomatonSubset: buildAutomatonOf over characters reports the
// ids it was given, as the reference of the subset does.
func TestCharAutomatonSubset(t *testing.T) {
	keys := []string{"亲", "亲亲", "不知道", "知道", "a", "😀", "é"}
	ids := []int32{1, 3, 5, 6}
	sub := buildAutomatonOf(keys, ids, nil)
	if sub.chars == nil {
		t.Fatal("no character automaton")
	}
	for _, text := range []string{"亲亲亲，我不知道😀é", "", "é😀知道亲亲"} {
		if err := agreesWithRef(sub, keys, ids, text); err != nil {
			t.Error(err)
		}
	}
}

// FuzzCharAutomaton: on any patterns and valid UTF-8 text, the automaton
// (over characters when the patterns are valid) finds the reference's
// hits; on any text, its hits are spans of the text.
func FuzzCharAutomaton(f *testing.F) {
	f.Add("不知道|知道|道", "我不知道，你知道吗")
	f.Add("é|ê|éê|\u07ff", "éêéê\u07ffé")
	f.Add("😀|😀😀|a😁", "a😁😀😀😀")
	f.Add("亲|亲亲", "亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲亲")
	f.Add("不|a", "不\xe4ab不\xe4\xb8")
	f.Add("👍|👍🏻|👩\u200d💻|✌|🏻", "小美✌🏻👍🏻👩\u200d💻👨\u200d👩\u200d👧")
	f.Add("亲a|亲b|亲c|亲d|亲e|亲f|亲g|亲h|亲i|亲j|亲k|亲l|亲m|亲n|亲o|亲p|a亲|b亲|c亲", "亲亲a亲p亲c亲亲j亲")
	f.Fuzz(func(t *testing.T, pats, text string) {
		ps := fuzzPatterns(pats)
		a := buildAutomaton(ps, nil)
		for _, h := range a.hits(text, nil) {
			if h.start < 0 || h.end > int32(len(text)) || h.start > h.end {
				t.Fatalf("patterns %q text %q: hit %v outside the text", ps, text, h)
			}
		}
		if !utf8.ValidString(text) {
			return
		}
		if got, want := a.hits(text, nil), buildRefAutomaton(ps).hits(text, nil); !slicesEqual(got, want) {
			t.Errorf("patterns %q text %q: got %v, want %v", ps, text, got, want)
		}
	})
}

// TestCharHitsNoAlloc: the scan allocates nothing but the hits' room.
func TestCharHitsNoAlloc(t *testing.T) {
	a := buildAutomaton([]string{"亲", "亲亲", "不知道", "a", "😀"}, nil)
	text := strings.Repeat("亲亲，我不知道😀aé", 20)
	dst := make([]rawHit, 0, 1000)
	if n := testing.AllocsPerRun(100, func() { a.hits(text, dst[:0]) }); n != 0 {
		t.Errorf("%v allocations per scan", n)
	}
}
