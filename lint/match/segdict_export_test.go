package match

// DictFreqForTest returns the frequency of word (normalised, lower-cased) in
// the embedded dictionary, 0 when it is not there.
func DictFreqForTest(word string) float64 {
	t, err := loadDict()
	if err != nil {
		panic(err)
	}
	return t.find(lowerASCII(word))
}

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
