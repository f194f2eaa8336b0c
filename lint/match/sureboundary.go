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
	// ForcedCut returns an offset c at or after off (a rune boundary of
	// text) such that the boundaries of the segmentation of text[:c] are
	// those of text up to c: the text after c cannot change them.
	ForcedCut(text string, off int) int
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

// ForcedCut implements boundaryProver: it returns the offset of the first
// character at or after off that is a unit of its own no word holds, or the
// end of the text. No word reaches across that character, so every way to
// cut the text has a boundary right before it, and gse's choices up to there
// (the best way to reach each unit, added up from the start of the text,
// then followed back from the end) depend on the text before it alone.
// Segmenting text[:c] instead of text spares the work on the rest of a
// message once the word boundary asked about is settled.
func (s *dictSegmenter) ForcedCut(text string, off int) int {
	for i := max(off, 0); i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			if r3, ok := decodeRune3(text, i); ok {
				r, size = r3, 3
			} else {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
		}
		if s.loneUnit(r) {
			return i
		}
		i += size
	}
	return len(text)
}

// loneUnit reports whether the character r is a unit of its own that no
// dictionary or user word holds.
func (s *dictSegmenter) loneUnit(r rune) bool {
	if r == utf8.RuneError || r >= 0x10000 || r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
		return false // invalid bytes and other planes: not worth the hash lookup
	}
	if r >= utf8.RuneSelf && r < 0x800 && inLetterRun(r, 2) {
		// part of a run of letters and digits (see scanUnits), which
		// characters of three bytes (U+0800 on, Chinese) never are
		return false
	}
	// (a character of the Basic Multilingual Plane, not utf8.RuneError:
	// its code is runeCode's without encoding it)
	if s.dict.bmpCode(r) != 0 {
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

// stretchStart returns the offset right after the last character of
// text[from:off] that is a unit of its own no word holds (see ForcedCut),
// or from when there is none: with ForcedCut(text, off), the ends of the
// stretch of text around off that no word reaches out of (from is 0 or
// such a cut). text is valid UTF-8 (normalised text is), so its characters
// read backwards from off are those read forwards from from: the search
// goes back from off and stops at the first such character (a stretch
// mostly begins a few characters before off, after punctuation).
func (s *dictSegmenter) stretchStart(text string, from, off int) int {
	for i := off; i > from; {
		c := text[i-1]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			ok := false
			if i-3 >= from {
				r, ok = decodeRune3(text, i-3)
			}
			if ok {
				size = 3
			} else {
				r, size = utf8.DecodeLastRuneInString(text[from:i])
			}
		}
		if s.loneUnit(r) {
			return i
		}
		i -= size
	}
	return from
}
