package match

import (
	"slices"
	"testing"
)

// TestNearCompiledOnFirstTry: a near except pattern is compiled when a
// candidate first gets as far as a try of it, not when the matcher is
// built nor for a text whose literals' gate fails; the tries then find
// what the compiled near pattern finds.
func TestNearCompiledOnFirstTry(t *testing.T) {
	var b Builder
	id := b.Add(ListSpec{Phrases: []string{"不知道"}, ExceptPatterns: []string{`如果[^\s\p{P}\p{S}]{0,8}不知道`, `(截图|图片)[得的]?不知道`}, Mode: Substring})
	m, err := b.Build(testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	excepts := m.lists[id].except
	compiled := func() (n int) {
		// (the rest of the except patterns is worked out when a text
		// first asks about them, the regexp of a near pattern on its
		// first try: the former asked first)
		m.nearRunsOf(id)
		for i := range excepts {
			if excepts[i].near == nil {
				t.Fatalf("except pattern %d is not a near pattern", i)
			}
			if excepts[i].near.bt != nil {
				n++
			}
		}
		return n
	}
	if n := compiled(); n != 0 {
		t.Fatalf("%d near patterns compiled by Build", n)
	}
	var tx Text
	for _, tc := range []struct {
		text     string
		hits     int
		compiled int
	}{
		{"这个我不知道", 1, 0},   // (no 如果, no 截图 or 图片: no try)
		{"如果您不知道型号", 0, 1}, // the first pattern tried, and covering
		{"如果，我不知道", 1, 1},  // tried, not covering
		{"截图不知道", 0, 2},
	} {
		m.Analyse(&tx, tc.text, true)
		if got := tx.Hits(id, nil); len(got) != tc.hits {
			t.Errorf("%q: %d hits, want %d", tc.text, len(got), tc.hits)
		}
		if n := compiled(); n != tc.compiled {
			t.Errorf("after %q: %d near patterns compiled, want %d", tc.text, n, tc.compiled)
		}
	}
	for i := range excepts {
		if src := excepts[i].near.bt.source(); src != excepts[i].near.String() {
			t.Errorf("near pattern %d compiled from %q, want %q", i, src, excepts[i].near.String())
		}
	}
}

// TestNearFallbackIsAnchored: were a near pattern not to compile, a try
// runs the except pattern's own regexp and keeps a match at the try's
// position only, which is the anchored pattern's match there.
func TestNearFallbackIsAnchored(t *testing.T) {
	for _, p := range []string{
		`如果[^\s\p{P}\p{S}]{0,8}不(知道|清楚)`, `不知道(您|亲+)[^\s\p{P}\p{S}亲]?`, `(a|ab)(c|bcd)?`, `x*`, `(的|了)*没办法`,
	} {
		ep, err := compileExceptPattern(p)
		if err != nil {
			t.Fatal(err)
		}
		src := "(?i)^(?:" + normalizePattern(p) + ")"
		good := &lazyNear{src: src, whole: ep.re}
		broken := &lazyNear{src: src + ")", whole: ep.re} // (does not compile)
		for _, in := range []string{
			"", "如果不知道", "我如果不知道", "如果您真的不清楚的话", "如果，不知道", "不知道亲亲呀", "不知道亲亲", "abcd", "abc", "xab", "xxx", "yx",
			"的了没办法", "没办法", "了没", "如果如果不知道",
		} {
			var st btState
			got, want := broken.find(&st, in), slices.Clone(good.find(&st, in))
			got = slices.Clone(broken.find(&st, in))
			if !slices.Equal(got, want) {
				t.Errorf("%q on %q: fallback %v, near pattern %v", p, in, got, want)
			}
		}
		if broken.bt != nil || good.bt == nil {
			t.Fatalf("%q: the broken source compiled, or the good one did not", p)
		}
	}
}
