package match

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// charWalkMatcher has lists whose hits fall all over a text: single
// characters, words, and patterns that span several characters.
func charWalkMatcher(t testing.TB) (*Matcher, []ListID) {
	var b Builder
	ids := []ListID{
		b.Add(ListSpec{Phrases: []string{"好", "们", "不知道", "ok", "!", "说", "这"}, Mode: Substring}),
		b.Add(ListSpec{Patterns: []string{`[^,，。 ]{1,4}`, `\d+`}}),
		b.Add(ListSpec{Phrases: []string{"您好", "我们", "不知道", "亲"}, Mode: Word}),
	}
	m, err := b.Build(testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	return m, ids
}

// charWalkPieces are bits of text that normalisation keeps as they are,
// changes character for character (full-width forms, Traditional
// characters, case) or drops (invisible characters, separators and
// decorations between Chinese characters, spaces of letter-spaced runs),
// with invalid bytes and characters beyond the BMP.
var charWalkPieces = []string{
	"您好", "，", "。", "！", "？", "我們", "這個", "說", "不知道", "ＯＫ", "OK", "ok", "１２３", "12",
	"\u200b", "不-知-道", "不😀知道", "我 不 知 道", " ", "\xff", "\xe4\xbd", "😀", "𠀀", "亲", "A", "ｂ",
}

// TestCharWalkAgreesWithOffsetMap holds the mapping of hits back to the
// original text by walking both texts in step to the offset map's.
func TestCharWalkAgreesWithOffsetMap(t *testing.T) {
	m, ids := charWalkMatcher(t)
	rng := rand.New(rand.NewSource(7))
	texts := []string{
		"您好，我們不知道！", "亲，這個說明ＯＫ吗？１２３", "您好\u200b，不知道", "ＡＢ，您好", "，，，好",
		"您好。\xff好", "😀您好，好", "我 不 知 道，好", "好",
	}
	for range 3000 {
		var sb strings.Builder
		for range 1 + rng.Intn(12) {
			sb.WriteString(charWalkPieces[rng.Intn(len(charWalkPieces))])
		}
		texts = append(texts, sb.String())
	}
	walked := 0
	for _, text := range texts {
		if n := charWalkHits(t, m, ids, text, false); n {
			walked++
		}
	}
	if walked < 500 {
		t.Errorf("only %d texts were mapped by walking", walked)
	}
}

// charWalkHits compares the hits of text found with and without walking;
// it reports whether walking was used.
func charWalkHits(t *testing.T, m *Matcher, ids []ListID, text string, quiet bool) bool {
	t.Helper()
	var a, b Text
	m.Analyse(&a, text, true)
	m.Analyse(&b, text, true)
	b.noCharWalk = true
	for _, id := range ids {
		got, want := a.Hits(id, nil), b.Hits(id, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("%q list %d:\n walked %+v\n mapped %+v", text, id, got, want)
		}
	}
	return a.norm.first >= 0 && RuneCount(a.norm.Text) == RuneCount(text)
}

// FuzzCharWalkAgreesWithOffsetMap is TestCharWalkAgreesWithOffsetMap on
// any text.
func FuzzCharWalkAgreesWithOffsetMap(f *testing.F) {
	for _, s := range []string{"您好，我們不知道！", "ＯＫ，好\xff", "不-知-道，好", "亲。😀說", "不👍🏻知\u200d道👩\u200d💻"} {
		f.Add(s)
	}
	m, ids := charWalkMatcher(f)
	f.Fuzz(func(t *testing.T, text string) {
		charWalkHits(t, m, ids, text, true)
	})
}

// TestCharWalkSharedRuns holds charWalk, which passes over the bytes the
// texts share eight and four at a time, to walking them one character at
// a time (charWalkRef), to every character offset of the normalised texts
// of long random texts (runs of shared bytes ending inside a character, at
// a changed one, at the offset walked to), walked to in order from
// offsets on, and to whether they end together (ok).
func TestCharWalkSharedRuns(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	var n Normalized
	walks := 0
	for range 2000 {
		var sb strings.Builder
		for range 1 + rng.Intn(60) {
			sb.WriteString(charWalkPieces[rng.Intn(len(charWalkPieces))])
		}
		orig := sb.String()
		n.Reset(orig)
		norm := n.Text
		var offs []int
		for i := range norm {
			offs = append(offs, i)
		}
		offs = append(offs, len(norm))
		for _, step := range []int{1, 3, 7} {
			var w, ref charWalk
			for i := 0; i < len(offs); i += step {
				w.to(norm, orig, offs[i])
				charWalkRef(&ref, norm, orig, offs[i])
				if w != ref {
					t.Fatalf("%q to %d: walked %+v, want %+v", orig, offs[i], w, ref)
				}
				walks++
			}
			wr := ref
			charWalkRef(&wr, norm, orig, len(norm))
			if got, want := w.ok(norm, orig), wr.norm == len(norm) && wr.orig == len(orig); got != want {
				t.Fatalf("%q: ok %v, want %v", orig, got, want)
			}
		}
	}
	if walks < 100000 {
		t.Fatalf("only %d walks", walks)
	}
}

// charWalkRef is charWalk.to one character at a time.
func charWalkRef(w *charWalk, norm, orig string, off int) {
	n, o, k := w.norm, w.orig, w.chars
	for n < off && o < len(orig) {
		if c := norm[n]; c < 0xe0 {
			n += 1 + int(c>>7)
		} else {
			n += 3 + int(c>>4&1)
		}
		_, size := utf8.DecodeRuneInString(orig[o:])
		o += size
		k++
	}
	w.norm, w.orig, w.chars = n, o, k
}
