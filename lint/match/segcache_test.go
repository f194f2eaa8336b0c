package match

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// stretchBoundariesRef is stretchBoundaries as it was before stretchCut:
// the search stops at the first two ways to a unit whose distances lie
// within the rounding bound (or at a way of distance 0), and says not ok.
func stretchBoundariesRef(s *dictSegmenter, text string, before int) ([]int, bool) {
	if len(text) == 0 {
		return []int{0}, true
	}
	ends, codes, upper := scanUnits(nil, nil, s.dict, text)
	if upper {
		text = lowerASCII(text)
		ends, codes, _ = scanUnits(nil, nil, s.dict, text)
	}
	n := len(ends)
	jumpers := make([]jumper, n)
	most := float64(before+n+1) * float64(s.maxDist)
	eps := 5 * float64(n) * most / (1 << 24)
	apart := func(j *jumper, baseDistance, distance float32, k int32) bool {
		newDistance := baseDistance + distance
		if newDistance == 0 {
			return false
		}
		if j.minDistance != 0 {
			if d := float64(j.minDistance) - float64(newDistance); d < eps && d > -eps {
				return false
			}
		}
		updateJumper(j, baseDistance, distance, k)
		return true
	}
	for cur := 0; cur < n; cur++ {
		var baseDistance float32
		if cur > 0 {
			baseDistance = jumpers[cur-1].minDistance
		}
		shortest := int32(math.MaxInt32)
		var userLens uint64
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
		for _, w := range user {
			last := cur + int(w.n) - 1
			e := int(ends[cur]) + len(w.rest)
			if last < n && int(ends[last]) == e && text[ends[cur]:e] == w.rest {
				if !apart(&jumpers[last], baseDistance, w.dist, w.n) {
					return nil, false
				}
				shortest = min(shortest, w.n)
				if w.n <= 64 {
					userLens |= 1 << (w.n - 1)
				}
			}
		}
		for _, m := range s.dict.lookup(nil, codes, cur) {
			if userLens&(1<<(m.n-1)) != 0 {
				continue
			}
			if !apart(&jumpers[cur+int(m.n)-1], baseDistance, s.dist[m.freq], m.n) {
				return nil, false
			}
			shortest = min(shortest, m.n)
		}
		if shortest != 1 && !apart(&jumpers[cur], baseDistance, pseudoDistance, 1) {
			return nil, false
		}
	}
	dst := []int{len(text)}
	for i := n - 1; ; {
		if i -= int(jumpers[i].n); i < 0 {
			break
		}
		dst = append(dst, int(ends[i]))
	}
	dst = append(dst, 0)
	slices.Reverse(dst)
	return dst, true
}

// TestStretchCutAsBefore: stretchBoundaries, which segments a stretch
// whole and then asks what it noted (stretchCut.ok), says ok and cuts as
// the search that stopped at the first ways too close to tell apart did,
// for stretches going on from forced cuts near and far into a text, with
// and without user words; and so does a SegCache, asked again and again,
// past its bounds.
func TestStretchCutAsBefore(t *testing.T) {
	plain := testSegmenter(t).(*dictSegmenter)
	withWords, err := NewSegmenter([]DictWord{{Word: "不偏黄", Freq: 3}, {Word: "放心吧", Freq: 50}})
	if err != nil {
		t.Fatal(err)
	}
	pieces := append([]string{"偏黄", "不偏", "黄", "心", "吧", "知道", "不", "道"}, segPieces...)
	rng := rand.New(rand.NewPCG(5, 8))
	var cache SegCache
	notOK, checked := 0, 0
	for n := 0; n < 12000; n++ {
		var sb strings.Builder
		for range 1 + rng.IntN(6) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		// a distinct tail now and then: the cache goes past its bounds
		if n%2 == 0 {
			fmt.Fprintf(&sb, "%d", n)
		}
		text := Normalize(sb.String())
		s := plain
		if n%3 == 0 {
			s = withWords.(*dictSegmenter)
		}
		for _, before := range []int{1, 30, 300, 1 << 20, 1 << 28} {
			want, wantOK := stretchBoundariesRef(s, text, before)
			got, ok := s.stretchBoundaries(nil, text, before)
			if ok != wantOK || ok && !slices.Equal(got, want) {
				t.Fatalf("%q before %d: %v %v, before stretchCut %v %v", text, before, got, ok, want, wantOK)
			}
			cached, cut := cache.stretch(s, nil, text)
			if cut.ok(before) != wantOK || !slices.Equal(cached, got) {
				t.Fatalf("%q before %d: from the SegCache %v %v, %v %v", text, before, cached, cut.ok(before), got, ok)
			}
			if !ok {
				notOK++
			}
			checked++
		}
		if len(cache.entries) > segCacheEntries || len(cache.text) > segCacheBytes {
			t.Fatalf("SegCache past its bounds: %d entries, %d bytes", len(cache.entries), len(cache.text))
		}
	}
	if notOK == 0 || notOK == checked {
		t.Fatalf("%d of %d stretches not ok: want some of each", notOK, checked)
	}
}
