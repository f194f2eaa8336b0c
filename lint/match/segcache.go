package match

import "unsafe"

// SegCache remembers the word boundaries of the stretches of text that
// Texts sharing it (UseSegCache) segment on their own (segmentStretch):
// shop chat says the same things again and again (greetings, canned
// replies, the same questions), and a stretch met again needs no
// segmenting, which costs some thousands of instructions where a lookup
// costs about a hundred. A stretch's boundaries depend on its text alone
// (stretchBounds); whether a text going on from a forced cut before it
// cuts it alike is told from what the segmentation noted (stretchCut.ok).
//
// A SegCache belongs to one goroutine, as the Texts sharing it do. It
// holds at most segCacheEntries stretches and segCacheBytes of their text,
// then starts afresh. The zero value is ready to use.
type SegCache struct {
	seg     *dictSegmenter
	index   map[string]int32
	entries []segEntry
	bounds  []int32 // the entries' boundaries, relative to their stretch
	text    []byte  // the entries' stretches, the keys of index
}

// segEntry is a stretch's boundaries (SegCache.bounds[lo:hi]) and cut.
type segEntry struct {
	lo, hi int32
	cut    stretchCut
}

// Bounds of a SegCache: past them it starts afresh.
const (
	segCacheEntries = 4096
	segCacheBytes   = 64 << 10
	// segCacheMaxLen bounds the stretches kept: a long one rarely comes
	// again
	segCacheMaxLen = 256
)

// UseSegCache makes t look the stretches it segments up in c first, and
// keep them there (nil: no cache). t and c must be used by one goroutine.
func (t *Text) UseSegCache(c *SegCache) { t.segCache = c }

// stretch appends to dst the boundaries of text, a stretch between forced
// cuts (stretchBounds), from the cache or segmented by s and kept.
func (c *SegCache) stretch(s *dictSegmenter, dst []int, text string) ([]int, stretchCut) {
	if len(text) == 0 || len(text) > segCacheMaxLen {
		return s.stretchBounds(dst, text)
	}
	if c.seg != s {
		c.reset(s)
	}
	if k, ok := c.index[text]; ok {
		e := &c.entries[k]
		for _, b := range c.bounds[e.lo:e.hi] {
			dst = append(dst, int(b))
		}
		return dst, e.cut
	}
	n := len(dst)
	dst, cut := s.stretchBounds(dst, text)
	if len(c.entries) == segCacheEntries || len(c.text)+len(text) > cap(c.text) {
		c.reset(s)
	}
	// the key is the stretch copied into c.text, which is never written
	// again where it was once used (reset takes a new one)
	at := len(c.text)
	c.text = append(c.text, text...)
	key := unsafe.String(&c.text[at], len(text))
	lo := int32(len(c.bounds))
	for _, b := range dst[n:] {
		c.bounds = append(c.bounds, int32(b))
	}
	c.index[key] = int32(len(c.entries))
	c.entries = append(c.entries, segEntry{lo, int32(len(c.bounds)), cut})
	return dst, cut
}

// reset empties the cache for segmenter s.
func (c *SegCache) reset(s *dictSegmenter) {
	c.seg = s
	if c.index == nil {
		c.index = make(map[string]int32, segCacheEntries)
	} else {
		clear(c.index)
	}
	c.entries, c.bounds = c.entries[:0], c.bounds[:0]
	// a new block for the keys: the map's old keys may still point into
	// the last one
	c.text = make([]byte, 0, segCacheBytes)
}
