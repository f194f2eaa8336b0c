package match

import (
	"sync"
	"unicode/utf8"
)

// boundaryProver is implemented by segmenters that can tell, without
// segmenting, that an offset is a word boundary whatever the rest of the
// text holds. Matching asks it first and segments only when it cannot tell,
// so a phrase set off by punctuation (您好，…) costs no segmentation.
type boundaryProver interface {
	// SureBoundary reports whether the segmentation of text certainly has
	// a boundary at off (a rune boundary of text); false means "unknown".
	SureBoundary(text string, off int) bool
}

// SureBoundary implements boundaryProver. gse cuts a text into units (a run
// of letters and digits, or any other single character) and a segment is
// either one unit or a word of its dictionary (or a user word). A unit that
// is not a letter or digit and that no word holds is therefore a segment of
// its own: there are boundaries right before and right after it. The start
// and the end of the text are boundaries too.
func (s *dictSegmenter) SureBoundary(text string, off int) bool {
	if off <= 0 || off >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[off:])
	if s.loneUnit(r) {
		return true
	}
	r, _ = utf8.DecodeLastRuneInString(text[:off])
	return s.loneUnit(r)
}

// loneUnit reports whether the character r is a unit of its own that no
// dictionary or user word holds.
func (s *dictSegmenter) loneUnit(r rune) bool {
	if r == utf8.RuneError || r >= 0x10000 || r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
		return false // invalid bytes and other planes: not worth the hash lookup
	}
	if r >= utf8.RuneSelf && inLetterRun(r, utf8.RuneLen(r)) {
		return false // part of a run of letters and digits (see scanUnits)
	}
	var buf [4]byte
	n := utf8.EncodeRune(buf[:], r)
	if s.dict.runeCode(r, string(buf[:n])) != 0 {
		return false
	}
	return !s.userRunes()[r]
}

// userRunes returns the characters the user words hold (nil without any).
func (s *dictSegmenter) userRunes() map[rune]bool {
	s.userRunesOnce.Do(func() {
		add := func(w string) {
			for _, r := range w {
				if s.userRuneSet == nil {
					s.userRuneSet = map[rune]bool{}
				}
				s.userRuneSet[r] = true
			}
		}
		for _, list := range s.userByCode {
			for _, w := range list {
				add(w.rest)
			}
		}
		for first, list := range s.userOther {
			add(first)
			for _, w := range list {
				add(w.rest)
			}
		}
	})
	return s.userRuneSet
}

// userRuneFields are dictSegmenter's cache of userRunes.
type userRuneFields struct {
	userRunesOnce sync.Once
	userRuneSet   map[rune]bool
}
