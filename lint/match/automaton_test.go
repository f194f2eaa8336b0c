package match

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"unsafe"
)

// naive finds every occurrence of every pattern, the slow obvious way.
func naive(patterns []string, text string) []string {
	var out []string
	for id, p := range patterns {
		for i := 0; i+len(p) <= len(text); i++ {
			if text[i:i+len(p)] == p {
				out = append(out, fmt.Sprintf("%d@%d-%d", id, i, i+len(p)))
			}
		}
	}
	sort.Strings(out)
	return out
}

func scanAll(a *automaton, text string) []string {
	var out []string
	for _, h := range a.hits(text, nil) {
		out = append(out, fmt.Sprintf("%d@%d-%d", h.key, h.start, h.end))
	}
	sort.Strings(out)
	return out
}

func TestAutomatonFindsEveryOccurrence(t *testing.T) {
	tests := []struct {
		patterns []string
		text     string
	}{
		{[]string{"不知道", "知道", "道"}, "我不知道，你知道吗"},
		{[]string{"亲", "亲亲"}, "亲亲亲"},
		{[]string{"he", "she", "his", "hers"}, "ushers"},
		{[]string{"不行", "不"}, ""},
		{[]string{"您好", "好"}, "你好您好好"},
		{[]string{"aaa", "aa"}, "aaaaa"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.patterns, ","), func(t *testing.T) {
			a := buildAutomaton(tt.patterns, nil)
			got, want := scanAll(a, tt.text), naive(tt.patterns, tt.text)
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

func TestAutomatonAllByteValues(t *testing.T) {
	var pats []string
	for b := 0; b < 256; b++ {
		pats = append(pats, string([]byte{byte(b), byte(255 - b)}))
	}
	a := buildAutomaton(pats, nil)
	text := string([]byte{0, 255, 1, 254, 7})
	if got, want := scanAll(a, text), naive(pats, text); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestTrieSize: the table is sized exactly, by the distinct prefixes of the
// patterns (shared, repeated and nested patterns included), and a large
// random set still finds what the naive search finds.
func TestTrieSize(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"不", "知", "道", "a", "b", "\x00", "\xff"}
	for round := 0; round < 200; round++ {
		var pats []string
		for i := rng.IntN(40); i >= 0; i-- {
			var b strings.Builder
			for j := rng.IntN(5); j >= 0; j-- {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			}
			pats = append(pats, b.String())
		}
		prefixes := map[string]bool{"": true}
		for _, p := range pats {
			for i := 1; i <= len(p); i++ {
				prefixes[p[:i]] = true
			}
		}
		if got := trieSize(pats); got != len(prefixes) {
			t.Fatalf("trieSize(%q) = %d, want %d", pats, got, len(prefixes))
		}
		// trieSize sizes the byte automaton (the character automaton of
		// valid patterns has a state per character, not per byte)
		if a := buildByteAutomaton(pats, nil); len(a.outStart) != len(prefixes)+1 {
			t.Fatalf("%d states built, want %d", len(a.outStart)-1, len(prefixes))
		}
		a := buildAutomaton(pats, nil)
		var text strings.Builder
		for j := 0; j < 30; j++ {
			text.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		if got, want := scanAll(a, text.String()), naive(pats, text.String()); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("patterns %q in %q: got %v, want %v", pats, text.String(), got, want)
		}
	}
}

// fuzzPatterns splits a fuzzed string at | into up to 20 non-empty
// patterns.
func fuzzPatterns(pats string) []string {
	var ps []string
	for _, p := range strings.Split(pats, "|") {
		if p != "" && len(ps) < 20 {
			ps = append(ps, p)
		}
	}
	return ps
}

func FuzzAutomaton(f *testing.F) {
	f.Add("不知道|知道|道", "我不知道，你知道吗")
	f.Add("a|ab|bab", "abababab")
	f.Add("👍🏻|👍|\u200d💻", "👍🏻👍\u200d💻👩\u200d💻👍")
	f.Fuzz(func(t *testing.T, pats, text string) {
		ps := fuzzPatterns(pats)
		a := buildAutomaton(ps, nil)
		// the scan reads normalised text, valid UTF-8: an automaton of
		// valid patterns is exact only on such text (on other text it
		// must only not crash)
		scanAll(a, text)
		if strings.Join(ps, "|") == strings.ToValidUTF8(strings.Join(ps, "|"), "\uFFFD") {
			text = strings.ToValidUTF8(text, "\uFFFD")
		}
		if got, want := scanAll(a, text), naive(ps, text); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("patterns %q text %q: got %v, want %v", ps, text, got, want)
		}
	})
}

// BenchmarkBuildAutomaton builds the automaton of an imported word list
// (敏感词库) of random two- to five-character words: time and memory per
// build, and the table's size in MiB.
func BenchmarkBuildAutomaton(b *testing.B) {
	for _, n := range []int{1000, 30000, 100000} {
		rng := rand.New(rand.NewPCG(3, 4))
		seen := map[string]bool{}
		var words []string
		for len(words) < n {
			var w strings.Builder
			for j := 2 + rng.IntN(4); j > 0; j-- {
				w.WriteRune(rune(0x4e00 + rng.IntN(3500)))
			}
			if !seen[w.String()] {
				seen[w.String()] = true
				words = append(words, w.String())
			}
		}
		b.Run(fmt.Sprint(n, "words"), func(b *testing.B) {
			b.ReportAllocs()
			var a *automaton
			for b.Loop() {
				a = buildAutomaton(words, nil)
			}
			b.ReportMetric(float64(tableBytes(a))/(1<<20), "table-MiB")
		})
	}
}

// tableBytes is the size of the tables the scan reads.
func tableBytes(a *automaton) int {
	if c := a.chars; c != nil {
		return classBytes + len(c.cells)*8 + int(unsafe.Sizeof(*c)) + 2*(len(c.mid4)+len(c.blocks))
	}
	return len(a.delta) * 4
}

// TestCheckKeyBytes holds the automaton's patterns to maxKeyBytes, and Build
// to an error (not a wrong table) past it.
func TestCheckKeyBytes(t *testing.T) {
	big := strings.Repeat("长", maxKeyBytes/3)
	for _, tc := range []struct {
		keys []string
		ok   bool
	}{
		{nil, true},
		{[]string{"不知道", "亲"}, true},
		{[]string{strings.Repeat("a", maxKeyBytes/2), strings.Repeat("b", maxKeyBytes-maxKeyBytes/2)}, true},
		{[]string{strings.Repeat("a", maxKeyBytes/2), strings.Repeat("b", maxKeyBytes-maxKeyBytes/2+1)}, false},
		{[]string{big, big}, false},
	} {
		if err := checkKeyBytes(tc.keys); (err == nil) != tc.ok {
			t.Errorf("%d keys: error %v, want ok %v", len(tc.keys), err, tc.ok)
		}
	}
	var b Builder
	b.Add(ListSpec{Phrases: []string{big, big + "们"}})
	if _, err := b.Build(nil); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Errorf("Build of %d bytes of phrases: error %v, want one saying it is too much", 2*len(big), err)
	}
}
