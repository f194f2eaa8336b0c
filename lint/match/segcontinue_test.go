package match

import (
	"math/rand"
	"slices"
	"strings"
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
		offs := runeOffsets(text)
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

// segPieces make texts of several stretches (between characters no word
// holds), with words that overlap across pieces.
var segPieces = []string{
	"您好", ",", "，", "。", "不偏黄", "放心", "亲", "我们", "不知道", "这个", "说明书", "看不懂", "的话", " ",
	"~", "!", "是吗", "哈", "退款", "到账", "还没", "现在", "ok", "12", "😊", "不行", "可以",
}

// TestWordBoundariesAsGse asks the word boundaries of texts of several
// stretches in random orders: the stretches segmented on their own, the
// segmentation from the start where a stretch cannot be (its ways lie
// too close), and both in one text must give the whole text's answers.
func TestWordBoundariesAsGse(t *testing.T) {
	seg := testSegmenter(t)
	m, err := new(Builder).Build(seg)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(3))
	texts := append([]string(nil), segContinueTexts...)
	for range 2000 {
		var b strings.Builder
		for range 1 + rng.Intn(14) {
			b.WriteString(segPieces[rng.Intn(len(segPieces))])
		}
		texts = append(texts, Normalize(b.String()))
	}
	// the same with the stretches looked up in a SegCache first: each
	// text's stretches are in it from its second round on
	var plain, cached Text
	var cache SegCache
	cached.UseSegCache(&cache)
	for _, tx := range []*Text{&plain, &cached} {
		wordBoundariesAsGse(t, m, seg, tx, texts, rng)
	}
	if len(cache.entries) == 0 {
		t.Error("nothing kept in the SegCache")
	}
}

// wordBoundariesAsGse is TestWordBoundariesAsGse for the Text tx.
func wordBoundariesAsGse(t *testing.T, m *Matcher, seg Segmenter, tx *Text, texts []string, rng *rand.Rand) {
	t.Helper()
	fromStart, stretches := 0, 0
	for _, text := range texts {
		want := seg.Boundaries(nil, text)
		offs := runeOffsets(text)
		for round := range 4 {
			m.Analyse(tx, text, true)
			switch round {
			case 1:
				slices.Reverse(offs)
			case 2, 3:
				rng.Shuffle(len(offs), func(i, j int) { offs[i], offs[j] = offs[j], offs[i] })
			}
			for _, off := range offs {
				if _, is := slices.BinarySearch(want, off); tx.wordBoundary(off) != is {
					t.Fatalf("%q (round %d, offsets %v): boundary at %d %v, gse %v (%v)", text, round, offs, off, !is, is, want)
				}
			}
			if tx.segmented && tx.fromStart {
				fromStart++
			} else if tx.segmented {
				stretches++
			}
			if round == 3 && len(text) > 0 {
				if w := tx.Words(); strings.Join(w, "") != text {
					t.Fatalf("%q: words %q", text, w)
				}
			}
		}
	}
	if fromStart == 0 || stretches == 0 {
		t.Errorf("texts segmented from the start %d, by stretches %d: want both", fromStart, stretches)
	}
	t.Logf("texts segmented from the start %d, by stretches %d", fromStart, stretches)
}

// runeOffsets returns the offsets of text's characters and its end.
func runeOffsets(text string) []int {
	var offs []int
	for off := range text {
		if utf8.RuneStart(text[off]) {
			offs = append(offs, off)
		}
	}
	return append(offs, len(text))
}
