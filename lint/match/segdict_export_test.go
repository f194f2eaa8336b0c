package match

// DictSizeForTest returns the number of words and the total frequency of the
// embedded dictionary.
func DictSizeForTest() (words int, total float64) {
	t, err := loadDict()
	if err != nil {
		panic(err)
	}
	return t.nWords, float64(t.total)
}

// UnitEndsForTest returns the byte offsets at which gse's units of text end.
func UnitEndsForTest(text string) []int {
	var out []int
	for _, e := range splitUnits(nil, text) {
		out = append(out, int(e))
	}
	return out
}

// SegmenterTotalForTest returns the total frequency a segmenter made by
// NewSegmenter computes distances with.
func SegmenterTotalForTest(s Segmenter) float64 { return float64(s.(*dictSegmenter).total) }

// ContinuedBoundariesForTest segments text up to c (a forced cut), then
// the rest on from there, as a Text asked about one word boundary after
// another does, and returns the boundaries found; ok is false when s
// cannot go on from a cut.
func ContinuedBoundariesForTest(s Segmenter, text string, c int) (_ []int, ok bool) {
	cs, ok := s.(continuingSegmenter)
	if !ok {
		return nil, false
	}
	b, dist := cs.boundariesFrom(nil, text[:c], 0)
	n := len(b)
	b, _ = cs.boundariesFrom(b, text[c:], dist)
	for i := n; i < len(b); i++ {
		b[i] += c
	}
	// the rest's first boundary, c, is the prefix's last
	return append(b[:n], b[n+1:]...), true
}
