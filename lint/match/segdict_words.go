package match

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// ErrInvalidDictWord is wrapped by the errors NewSegmenter and
// ResolveDictWords return for a DictWord they cannot use.
var ErrInvalidDictWord = errors.New("invalid dict word")

// MaxDictWordFreq is the largest DictWord.Freq accepted. It keeps gse's total
// frequency an exact sum.
const MaxDictWordFreq = 1 << 40

// ResolveDictWords returns words as the segmenter adds them to gse, in the
// same order: Word normalised (Normalize), and a Freq of 0 replaced by the
// default frequency. It is the one definition of that default, shared by
// NewSegmenter and the gse reference (package gseref).
//
// A Freq must be 0 or a whole number from 1 to MaxDictWordFreq. As in gse, the
// first of words with the same key (lower-cased) wins, over later ones and
// over gse's dictionary; a later duplicate gets the first one's frequency.
//
// The default frequency, like jieba's suggest_freq, is the least that makes
// gse cut the word as one segment when it stands alone, doubled for safety,
// and never lower than the dictionary's own frequency for the word nor lower
// than 2 (gse's minimum). It is computed against gse's dictionary together
// with the words that have an explicit frequency and the shorter words with a
// default one, and it holds whatever other words are added, since those can
// only make the whole word relatively cheaper.
//
// Precisely: for a word w of n units, let T be the total frequency of the
// dictionary without the words shadowed by words, plus the explicit
// frequencies; let A be the least sum of distances log2(T/f) over the ways of
// cutting w into two or more pieces, each a dictionary or user word (a user
// word's frequency replacing the dictionary's) or a single unit at distance 32
// (gse's distance for a character without a word); then the default is
// max(floor(T·2^(1−A))+1, dictionary frequency of w, 2). A single unit has no
// cuts, so A = ∞.
func ResolveDictWords(words []DictWord) ([]DictWord, error) {
	t, err := loadDict()
	if err != nil {
		return nil, errDict(err)
	}
	type info struct {
		key  string
		ends []int32
	}
	out := make([]DictWord, len(words))
	infos := make([]info, len(words))
	firstOf := map[string]int{}
	for i, w := range words {
		word := Normalize(w.Word)
		if word == "" {
			return nil, fmt.Errorf("match: dict word %q: %w: empty after normalisation", w.Word, ErrInvalidDictWord)
		}
		f := w.Freq
		if !(f >= 0 && f <= MaxDictWordFreq && f == math.Trunc(f)) {
			return nil, fmt.Errorf("match: dict word %q: %w: freq %v is not 0 or a whole number from 1 to 2^40", w.Word, ErrInvalidDictWord, f)
		}
		key := lowerASCII(word)
		out[i] = DictWord{Word: word, Freq: f}
		infos[i] = info{key: key, ends: splitUnits(nil, key)}
		if _, ok := firstOf[key]; !ok {
			firstOf[key] = i
		}
	}

	// T: exact, as every frequency is a whole number below 2^53.
	total := float64(t.total)
	dictFreq := make([]float64, len(words))
	userFreq := map[string]float64{} // resolved first occurrences
	var pending []int                // first occurrences to resolve
	for key, i := range firstOf {
		dictFreq[i] = t.find(key)
		total -= dictFreq[i]
		if out[i].Freq > 0 {
			total += out[i].Freq
			userFreq[key] = out[i].Freq
		} else {
			pending = append(pending, i)
		}
	}
	sort.Slice(pending, func(a, b int) bool {
		na, nb := len(infos[pending[a]].ends), len(infos[pending[b]].ends)
		return na < nb || na == nb && pending[a] < pending[b]
	})
	logTotal := math.Log2(total)
	sum := total
	var best []float64
	var matches []dictMatch
	var codes []uint16
	for _, i := range pending {
		key, ends := infos[i].key, infos[i].ends
		n := len(ends)
		_, codes, _ = scanUnits(nil, codes[:0], t, key)
		// best[b]: least distance of a cut of units [0, b)
		best = append(best[:0], make([]float64, n+1)...)
		for b := 1; b <= n; b++ {
			best[b] = math.Inf(1)
		}
		for a := 0; a < n; a++ {
			if math.IsInf(best[a], 1) {
				continue
			}
			start := 0
			if a > 0 {
				start = int(ends[a-1])
			}
			// a single unit may always be cut at gse's pseudo distance
			best[a+1] = min(best[a+1], best[a]+pseudoDistance)
			matches = t.lookup(matches[:0], codes, a)
			for _, m := range matches {
				b := a + int(m.n)
				if a == 0 && b == n {
					continue
				}
				if _, ok := userFreq[key[start:ends[b-1]]]; ok {
					continue // shadowed, seen below
				}
				best[b] = min(best[b], best[a]+logTotal-math.Log2(t.freq(int(m.freq))))
			}
			for b := a + 1; b <= n; b++ {
				if a == 0 && b == n {
					break
				}
				if f, ok := userFreq[key[start:ends[b-1]]]; ok {
					best[b] = min(best[b], best[a]+logTotal-math.Log2(f))
				}
			}
		}
		f := math.Floor(math.Exp2(logTotal+1-best[n])) + 1
		f = max(f, dictFreq[i], 2)
		if f > MaxDictWordFreq {
			return nil, fmt.Errorf("match: dict word %q: %w: its default frequency %v exceeds 2^40", words[i].Word, ErrInvalidDictWord, f)
		}
		out[i].Freq = f
		userFreq[key] = f
		sum += f
	}
	if sum >= 1<<53 {
		return nil, fmt.Errorf("match: dict words: %w: frequencies add up to %v, more than 2^53", ErrInvalidDictWord, sum)
	}
	for i := range out {
		if j := firstOf[infos[i].key]; j != i {
			out[i].Freq = out[j].Freq
		}
	}
	return out, nil
}
