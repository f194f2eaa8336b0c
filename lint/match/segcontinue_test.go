package match

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// segContinueTexts have a stretch (between two characters no word holds)
// that gse cuts differently when segmented on its own than after what
// comes before it: its distances, added in float32 to those before, round
// differently.
var segContinueTexts = []string{
	"您好,不偏黄,放心",
	"您好,不偏黄,放心哦~",
	"您好,不偏黄,放心 您是说退款到现在还没到账,是吗哈",
	"亲,这个不偏黄的,放心吧,我们不知道",
}

// TestSegmentContinuesAsGse asks a text's word boundaries one offset after
// another, as hits do (the text is segmented up to a forced cut, then on
// from there): every answer must be that of the whole text's segmentation.
func TestSegmentContinuesAsGse(t *testing.T) {
	seg := testSegmenter(t)
	m, err := new(Builder).Build(seg)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range segContinueTexts {
		want := seg.Boundaries(nil, text)
		var offs []int
		for off := range text {
			if utf8.RuneStart(text[off]) {
				offs = append(offs, off)
			}
		}
		offs = append(offs, len(text))
		for _, a := range offs {
			var tx Text
			m.Analyse(&tx, text, true)
			tx.wordBoundary(a)
			for _, b := range offs {
				if b < a {
					continue
				}
				if _, is := slices.BinarySearch(want, b); tx.wordBoundary(b) != is {
					t.Fatalf("%q: asked at %d, then at %d: boundary %v, gse %v (%v)", text, a, b, !is, is, want)
				}
			}
		}
	}
}
