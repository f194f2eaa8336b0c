// Package gseref is the reference word segmenter: gse
// (github.com/go-ego/gse) fully loaded with its Simplified Chinese dictionary,
// as the definition of the boundaries match.NewSegmenter must reproduce.
//
// Loading takes seconds and hundreds of MiB, and links every dictionary gse
// embeds: it is for tests (and differential tests of the whole linter) only,
// never for the chatlint binary.
package gseref

import (
	"fmt"

	"github.com/go-ego/gse"

	"github.com/chatlint/chatlint/lint/match"
)

// Segmenter is gse loaded with user words and its Simplified Chinese
// dictionary. It implements match.Segmenter and is safe for concurrent use.
type Segmenter struct {
	seg gse.Segmenter
}

var _ match.Segmenter = (*Segmenter)(nil)

// New loads gse as the reference semantics define it: HMM off, the words
// (resolved by match.ResolveDictWords: normalised, default frequencies filled
// in) added first, in order, then gse's embedded data/dict/zh/s_1.txt; gse
// keeps the first token added for a word.
func New(words []match.DictWord) (*Segmenter, error) {
	resolved, err := match.ResolveDictWords(words)
	if err != nil {
		return nil, fmt.Errorf("gseref: %w", err)
	}
	s := &Segmenter{}
	s.seg.NotLoadHMM = true
	s.seg.SkipLog = true
	s.seg.Dict = gse.NewDict()
	s.seg.Init()
	for _, w := range resolved {
		if err := s.seg.AddToken(w.Word, w.Freq); err != nil {
			return nil, fmt.Errorf("gseref: adding %q: %w", w.Word, err)
		}
	}
	if err := s.seg.LoadDictEmbed("zh_s"); err != nil {
		return nil, fmt.Errorf("gseref: loading gse's dictionary: %w", err)
	}
	return s, nil
}

// Boundaries implements match.Segmenter with gse's Segment.
func (s *Segmenter) Boundaries(dst []int, text string) []int {
	dst = append(dst, 0)
	for _, seg := range s.seg.Segment([]byte(text)) {
		dst = append(dst, seg.End())
	}
	return dst
}

// Gse returns the underlying gse segmenter, for tests that inspect its
// dictionary. It must not be modified.
func (s *Segmenter) Gse() *gse.Segmenter { return &s.seg }
