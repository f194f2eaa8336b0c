package match

// Segmenter finds word boundaries in normalised text, as gse segments it.
//
// Implementations are safe for concurrent use.
type Segmenter interface {
	// Boundaries appends to dst the byte offsets in text at which gse starts
	// a new segment, in ascending order, always including 0 and len(text),
	// and returns the extended slice.
	Boundaries(dst []int, text string) []int
}

// DictWord is an extra word for the segmenter, from a pack's `dict` list.
type DictWord struct {
	Word string
	// Freq is the word's frequency in gse's dictionary units; 0 picks a
	// frequency high enough that the word is cut as one segment.
	Freq float64
}
