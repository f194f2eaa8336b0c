package match

import (
	"fmt"
	"math"
	"slices"
	"sync"
)

// NewSegmenter returns the segmenter used for word-mode matching: it cuts
// text exactly as gse (github.com/go-ego/gse) does with Segmenter.Segment —
// the shortest-path segmentation, not the HMM Cut — when gse is loaded with
// words (see ResolveDictWords) followed by its Simplified Chinese dictionary
// (data/dict/zh/s_1.txt).
//
// It does not load gse: words are looked up in an embedded, pre-sorted copy of
// the dictionary and gse's shortest-path search is run over them, so creating
// a segmenter costs microseconds and no noticeable memory. Package gseref holds
// the gse-backed reference the tests hold this implementation to.
//
// Boundaries expects normalised text (see Normalize), shorter than 2 GiB; it
// matches gse on any text without NUL bytes (on which gse's trie misbehaves).
func NewSegmenter(words []DictWord) (Segmenter, error) {
	t, err := loadDict()
	if err != nil {
		return nil, errDict(err)
	}
	resolved, err := ResolveDictWords(words)
	if err != nil {
		return nil, err
	}
	s := &dictSegmenter{dict: t}
	// gse keeps the first token added for a word: the user words, in order,
	// then the dictionary words they do not shadow.
	total := t.total
	seen := map[string]bool{}
	var ends []int32
	var codes []uint16
	for _, w := range resolved {
		key := lowerASCII(w.Word)
		if seen[key] {
			continue
		}
		seen[key] = true
		if f := t.find(key); f > 0 {
			total -= uint64(f)
		}
		total += uint64(w.Freq)
		ends, codes, _ = scanUnits(ends[:0], codes[:0], t, key)
		uw := userWord{rest: key[ends[0]:], n: int32(len(ends)), freq: w.Freq}
		if c := codes[0]; c != 0 {
			if s.userByCode == nil {
				s.userByCode = map[uint16][]userWord{}
				s.userBits = make([]uint64, t.nUnits/64+1)
			}
			s.userByCode[c] = append(s.userByCode[c], uw)
			s.userBits[c/64] |= 1 << (c % 64)
		} else {
			if s.userOther == nil {
				s.userOther = map[string][]userWord{}
			}
			s.userOther[key[:ends[0]]] = append(s.userOther[key[:ends[0]]], uw)
		}
	}
	if total >= 1<<53 {
		return nil, fmt.Errorf("match: dict words: %w: frequencies add up to %d, more than 2^53", ErrInvalidDictWord, total)
	}
	// gse's CalcToken: distance = float32(log2(total)) - float32(log2(freq)).
	logTotal := float32(math.Log2(float64(total)))
	s.total = total
	s.dist = make([]float32, t.nFreqs)
	for i := range s.dist {
		s.dist[i] = logTotal - float32(math.Log2(t.freq(i)))
	}
	setDist := func(list []userWord) {
		for i := range list {
			list[i].dist = logTotal - float32(math.Log2(list[i].freq))
		}
	}
	for _, list := range s.userByCode {
		setDist(list)
	}
	for _, list := range s.userOther {
		setDist(list)
	}
	s.maxDist = pseudoDistance
	for _, d := range s.dist {
		s.maxDist = max(s.maxDist, d)
	}
	for _, list := range s.userByCode {
		for _, w := range list {
			s.maxDist = max(s.maxDist, w.dist)
		}
	}
	for _, list := range s.userOther {
		for _, w := range list {
			s.maxDist = max(s.maxDist, w.dist)
		}
	}
	return s, nil
}

// dictSegmenter reproduces gse's Segmenter.Segment over the embedded
// dictionary plus user words.
type dictSegmenter struct {
	dict  *dictTable
	total uint64 // gse's Dictionary.TotalFreq
	// dist[i] is gse's distance of a dictionary word of the i-th frequency.
	dist []float32
	// maxDist is the largest distance of a word (or of a character no word
	// of one unit starts at): what one unit adds to a text's distance at
	// most (stretchBoundaries)
	maxDist float32
	// User words by the code of their first gse unit (userBits marks the
	// codes present), and by the first unit itself when no dictionary word
	// holds it. nil when there are none.
	userByCode map[uint16][]userWord
	userBits   []uint64
	userOther  map[string][]userWord
	userRuneFields
}

// userWord is a word added before the dictionary: it shadows a dictionary
// word with the same key.
type userWord struct {
	rest string // the key after its first unit
	n    int32  // units
	freq float64
	dist float32
}

// jumper is gse's jumper: the shortest distance from the start of the text to
// the end of a unit, and the length in units of the last token on that path.
type jumper struct {
	minDistance float32
	n           int32
}

type segScratch struct {
	ends    []int32
	codes   []uint16
	jumpers []jumper
	matches []dictMatch
}

var scratchPool = sync.Pool{New: func() any { return new(segScratch) }}

// pseudoDistance is the distance gse gives a character no dictionary word of
// one unit starts at.
const pseudoDistance = 32

// Boundaries implements Segmenter.
func (s *dictSegmenter) Boundaries(dst []int, text string) []int {
	dst, _ = s.boundariesFrom(dst, text, 0)
	return dst
}

// boundariesFrom is Boundaries for a text that goes on from a text already
// segmented, up to a forced cut (ForcedCut): base is the distance gse's
// search had reached at the end of that text (0 at the start of a text),
// and dist the distance it reaches at the end of this one. gse adds the
// distances of a text's words up from its start in float32, so a stretch
// segmented on its own, from 0, can round differently and be cut
// differently (您好,不偏黄 cuts 不偏|黄, 不偏黄 alone 不|偏黄); from base it
// is cut as in the whole text.
func (s *dictSegmenter) boundariesFrom(dst []int, text string, base float32) (_ []int, dist float32) {
	dst, dist, _ = s.segment(dst, text, base, false)
	return dst, dist
}

// stretchBoundaries is Boundaries for text[before:] of a text whose
// character before it is a unit no word holds (a forced cut: ForcedCut),
// up to a forced cut or its end, without segmenting text[:before]: ok is
// false when it cannot be sure to cut it as gse cuts the whole text.
//
// gse's search goes on from the cut with the distance D it reached there
// (boundariesFrom), which is not known without that segmentation. From 0
// instead, every distance of the stretch is added up from a different
// start and rounds differently in float32, which can only change a choice
// between two ways to a unit whose distances lie within the rounding of
// either search: at most one rounding error of 2^-24 of the largest
// distance per addition, each way having as many additions as it has
// units, and D is at most maxDist per unit (byte) before the stretch.
// Where two ways lie within five times that bound, ok is false (about 0.3%
// of the stretches of shop chat): the caller segments from the start.
func (s *dictSegmenter) stretchBoundaries(dst []int, text string, before int) (_ []int, ok bool) {
	dst, cut := s.stretchBounds(dst, text)
	return dst, cut.ok(before)
}

// stretchBounds segments text, a stretch of a text between forced cuts
// (ForcedCut), on its own, from distance 0: its boundaries are those of
// the whole text when the stretch starts it, and, when it goes on from a
// forced cut before bytes into a text, when cut.ok(before)
// (stretchBoundaries). The boundaries do not depend on before: a stretch
// met again in another text needs segmenting once (SegCache).
func (s *dictSegmenter) stretchBounds(dst []int, text string) (_ []int, cut stretchCut) {
	dst, _, cut = s.segment(dst, text, 0, true)
	return dst, cut
}

// stretchCut is what the segmentation of a stretch on its own says of
// whether a text going on from a forced cut before it is cut alike
// (stretchBoundaries).
type stretchCut struct {
	// units are the stretch's gse units, most the segmenter's maxDist
	units int
	most  float32
	// gap is the least difference between the distances of two ways to a
	// unit the search compared (+Inf: none); zero says a way reached a
	// unit at distance 0, which gse takes for one not reached
	gap  float64
	zero bool
}

// ok reports whether the stretch, going on from a forced cut before bytes
// into a text, is cut there as on its own: no two ways compared lie within
// five times the rounding bound of stretchBoundaries.
func (c stretchCut) ok(before int) bool {
	if c.zero {
		return false
	}
	n := c.units
	most := float64(before+n+1) * float64(c.most)
	eps := 5 * float64(n) * most / (1 << 24)
	return !(c.gap < eps)
}

// note notes in c what the search's step from baseDistance by distance to
// the unit of j compares (before updateJumper).
func (c *stretchCut) note(j *jumper, baseDistance, distance float32) {
	newDistance := baseDistance + distance
	if newDistance == 0 {
		c.zero = true
		return
	}
	if j.minDistance != 0 {
		d := float64(j.minDistance) - float64(newDistance)
		c.gap = min(c.gap, math.Abs(d))
	}
}

// segment is boundariesFrom, and with track stretchBounds (base 0).
func (s *dictSegmenter) segment(dst []int, text string, base float32, track bool) (_ []int, dist float32, cut stretchCut) {
	cut.most, cut.gap = s.maxDist, math.Inf(1)
	if len(text) == 0 {
		return append(dst, 0), base, cut
	}
	sc := scratchPool.Get().(*segScratch)
	defer scratchPool.Put(sc)

	ends, codes, upper := scanUnits(sc.ends[:0], sc.codes[:0], s.dict, text)
	if upper {
		// gse lower-cases ASCII letters (only found in Latin/digit units);
		// normalised text has none
		text = lowerASCII(text)
		ends, codes, _ = scanUnits(ends[:0], codes[:0], s.dict, text)
	}
	sc.ends, sc.codes = ends, codes
	n := len(ends)
	if cap(sc.jumpers) < n {
		sc.jumpers = make([]jumper, n+n/2)
	}
	jumpers := sc.jumpers[:n]
	clear(jumpers)
	// track: a stretch searched from 0 (stretchBounds). Every distance
	// either search adds up here is at most most (D included); a way to a
	// unit has at most n additions, each off by at most 2^-24 of its
	// result: two ways compared in both searches move apart by at most four
	// times n·most·2^-24 (a fifth time for rounding in the check, which
	// stretchCut.ok makes of the least difference noted).
	cut.units = n

	// gse's segmentWords, search mode off.
	matches := sc.matches[:0]
	for cur := 0; cur < n; cur++ {
		baseDistance := base
		if cur > 0 {
			baseDistance = jumpers[cur-1].minDistance
		}
		matches = s.dict.lookup(matches[:0], codes, cur)
		shortest := int32(math.MaxInt32)
		var userLens uint64 // bit k set: a user word of k+1 units matched here
		var user []userWord
		if c := codes[cur]; c != 0 {
			if s.userBits != nil && s.userBits[c/64]&(1<<(c%64)) != 0 {
				user = s.userByCode[c]
			}
		} else if s.userOther != nil {
			start := 0
			if cur > 0 {
				start = int(ends[cur-1])
			}
			user = s.userOther[text[start:ends[cur]]]
		}
		if user != nil {
			for _, w := range user {
				last := cur + int(w.n) - 1
				e := int(ends[cur]) + len(w.rest)
				if last < n && int(ends[last]) == e && text[ends[cur]:e] == w.rest {
					if track {
						cut.note(&jumpers[last], baseDistance, w.dist)
					}
					updateJumper(&jumpers[last], baseDistance, w.dist, w.n)
					shortest = min(shortest, w.n)
					if w.n <= 64 {
						userLens |= 1 << (w.n - 1)
					}
				}
			}
		}
		for _, m := range matches {
			if userLens&(1<<(m.n-1)) != 0 {
				continue // shadowed by the user word
			}
			if track {
				cut.note(&jumpers[cur+int(m.n)-1], baseDistance, s.dist[m.freq])
			}
			updateJumper(&jumpers[cur+int(m.n)-1], baseDistance, s.dist[m.freq], m.n)
			shortest = min(shortest, m.n)
		}
		if shortest != 1 {
			if track {
				cut.note(&jumpers[cur], baseDistance, pseudoDistance)
			}
			updateJumper(&jumpers[cur], baseDistance, pseudoDistance, 1)
		}
	}
	sc.matches = matches

	// Walk back from the end, then put the segment starts in order (at most
	// one per unit, and the end).
	at := len(dst)
	dst = slices.Grow(dst, n+1)
	dst = append(dst, len(text))
	for i := n - 1; ; {
		if i -= int(jumpers[i].n); i < 0 {
			break
		}
		dst = append(dst, int(ends[i]))
	}
	dst = append(dst, 0)
	slices.Reverse(dst[at:])
	return dst, jumpers[n-1].minDistance, cut
}

// updateJumper is gse's updateJumper: a zero distance counts as unvisited.
func updateJumper(j *jumper, baseDistance, distance float32, n int32) {
	newDistance := baseDistance + distance
	if j.minDistance == 0 || j.minDistance > newDistance {
		j.minDistance = newDistance
		j.n = n
	}
}

// lowerASCII lower-cases ASCII letters as gse does.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
