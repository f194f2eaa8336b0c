package match

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// patternPieces are the parts randomPattern builds patterns of: literals
// the automaton finds, classes (small, large, negated, holding U+FFFD or
// characters with wider case variants), anchors and wildcards.
var patternPieces = []string{
	"一定", "保证", "到", "颜色", "好的", "谢谢", "不", "k", "K", "s", "ſ", "ok", "ab",
	"[一-龥]", `[\x{FFFD}一-龥]`, "[^不]", "[^?？]", `[\s\p{P}]`, `\PL`, "[好的吧]", "[a-z]", "[Kk]",
	".", "(?s:.)", "^", "$", `\z`, "",
}

// randomPattern returns a random pattern of patternPieces: concatenations,
// alternations, groups (a match group at times), bounded and unbounded
// repetitions, greedy or not.
func randomPattern(r *rand.Rand, depth int) string {
	if depth > 2 || r.IntN(3) == 0 {
		return patternPieces[r.IntN(len(patternPieces))]
	}
	var b strings.Builder
	n := 1 + r.IntN(4)
	for range n {
		part := randomPattern(r, depth+1)
		switch r.IntN(9) {
		case 0:
			part = "(" + part + "|" + randomPattern(r, depth+1) + ")"
		case 1:
			part = "(?:" + part + ")" + []string{"{0,3}", "{1,2}", "{2}", "?", "*", "+", "{0,6}?"}[r.IntN(7)]
		case 2:
			if depth == 0 {
				part = "(?P<match>" + part + ")"
			}
		}
		b.WriteString(part)
	}
	if r.IntN(8) == 0 {
		return b.String() + "|" + randomPattern(r, depth+1)
	}
	return b.String()
}

// textPieces are what randomPatternText strings together.
var textPieces = []string{
	"一定", "保证", "到", "颜色", "好的", "谢谢", "不", "k", "K", "\u212a", "s", "ſ", "ok", "OK", "ab",
	"一", "中", "é", "😀", "\uFFFD", "？", "?", "，", " ", "\n", "吧", "的", "x",
}

// randomPatternText strings textPieces together.
func randomPatternText(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(16) {
		b.WriteString(textPieces[r.IntN(len(textPieces))])
	}
	return b.String()
}

// patternPathsAgree checks, for a list of one pattern (and the same
// pattern as the list's only pattern beside a phrase, so that the memo
// serves Has and Hits), that the fast paths find the matches of the regexp
// alone, asked once or several times, and that Has agrees with Hits.
func patternPathsAgree(t *testing.T, pattern string, texts []string) {
	t.Helper()
	if _, err := regexp.Compile(pattern); err != nil {
		return
	}
	var b Builder
	id := b.Add(ListSpec{Patterns: []string{pattern}, Mode: Substring})
	id2 := b.Add(ListSpec{Phrases: []string{"一定"}, Patterns: []string{pattern}, ExceptPatterns: []string{"不一定"}, Mode: Substring})
	m, err := b.Build(nil)
	if err != nil {
		return // a pattern normalised into an invalid one: CompilePattern's business
	}
	var tx Text
	for _, text := range texts {
		for _, l := range []ListID{id, id2} {
			m.Analyse(&tx, text, true)
			want := PatternMatchesForTest(&tx, l, false)
			// Hits before, and after, the fast paths' memo is filled
			tx.noWindowing = true
			wantHits := tx.Hits(l, nil)
			tx.noWindowing = false
			m.Analyse(&tx, text, true)
			has := tx.Has(l)
			hits := tx.Hits(l, nil)
			got := PatternMatchesForTest(&tx, l, true)
			again := PatternMatchesForTest(&tx, l, true)
			hits2 := tx.Hits(l, nil)
			if !slices.Equal(got, want) || !slices.Equal(again, want) {
				t.Fatalf("%q on %q (normalised %q): fast paths %v, then %v; regexp %v", pattern, text, tx.Normalized(), got, again, want)
			}
			if !slices.Equal(hits, wantHits) || !slices.Equal(hits2, wantHits) {
				t.Fatalf("%q on %q: hits %v, then %v; regexp alone %v", pattern, text, hits, hits2, wantHits)
			}
			if has != (len(hits) > 0) {
				t.Fatalf("%q on %q: Has %v, Hits %v", pattern, text, has, hits)
			}
		}
	}
}

// TestRandomPatternPathsAgree runs random patterns over random texts
// through the fast paths and the regexp alone.
func TestRandomPatternPathsAgree(t *testing.T) {
	n := 1000
	if testing.Short() {
		n = 200
	}
	r := rand.New(rand.NewPCG(11, 12))
	for range n {
		p := randomPattern(r, 0)
		switch r.IntN(6) {
		case 0: // whole-text patterns: the plans' only set
			p = "^" + p + "$"
		case 1: // ^[C]+$
			p = "^[" + []string{`\s\p{P}好的吧`, "k", `\x{FFFD}a-z`, "^?？", "一-龥"}[r.IntN(5)] + "]+$"
		}
		texts := make([]string, 20)
		for i := range texts {
			texts[i] = randomPatternText(r)
		}
		patternPathsAgree(t, p, texts)
	}
}

// FuzzPatternPathsAgree is TestRandomPatternPathsAgree on any pattern and
// text.
func FuzzPatternPathsAgree(f *testing.F) {
	f.Add(`[\x{FFFD}一-龥]{0,5}保证`, "😀一二三四保证")
	f.Add(`^[好的吧]+$`, "好的吧")
	f.Add(`(^|[^不])(?P<match>一定)(到)?`, "不一定一定到")
	f.Add(`(?:k)+一定`, "\u212a\u212a一定")
	f.Add(`ſ{0,2}保证`, "ss保证")
	f.Add(`(?i)[\p{Lu}\p{Greek}]{1,3}一定`, "👩\u200d💻ſKσ一定✌🏻")
	f.Fuzz(func(t *testing.T, pattern, text string) {
		if len(pattern) > 200 || len(text) > 400 {
			return
		}
		patternPathsAgree(t, pattern, []string{text})
	})
}

// TestMemoSurvivesRescan: a text prepared for one scope remembers what it
// found out about a list; asking about a list outside the scope scans the
// text again in full, after which the remembered matches of the first
// list must still be its matches (and are asked for again).
func TestMemoSurvivesRescan(t *testing.T) {
	ml := newManyLists(t)
	m := ml.m
	var tx, ref Text
	n := len(ml.one)
	for _, s := range append(manyListTexts, "这个不知道亲，我不会，一定会到好的？", "好的好的，不知道您不知道您要") {
		for sc := range manyListScopes {
			for i := range n {
				j := (i*37 + 11) % n
				m.AnalyseIn(&tx, s, sc)
				first := fmt.Sprint(tx.Hits(ListID(i), nil), tx.Has(ListID(i)))
				other := fmt.Sprint(tx.Hits(ListID(j), nil), tx.Has(ListID(j)))
				again := fmt.Sprint(tx.Hits(ListID(i), nil), tx.Has(ListID(i)))
				ml.one[i].Analyse(&ref, s, true)
				want := fmt.Sprint(ref.Hits(0, nil), ref.Has(0))
				ml.one[j].Analyse(&ref, s, true)
				wantOther := fmt.Sprint(ref.Hits(0, nil), ref.Has(0))
				if first != want || again != want || other != wantOther {
					t.Fatalf("%q scope %d: list %d %s, then list %d %s (want %s), then list %d %s; want %s", s, sc, i, first, j, other, wantOther, i, again, want)
				}
			}
		}
	}
}
