package match_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint/match"
)

// longUnits are the repeated messages that took seconds at 256 KiB when
// every call of the windowed search went over all the occurrences of the
// pattern's literals (quadratic), and a few mixes.
var longUnits = []string{
	"滚开", "一定明天到", "一定到了", "保证没问题", "永不起球", "欢迎再次", "要顺丰", "拿货价",
	"滚开！", "一定明天到，保证没问题。", "不一定明天到", "肯定能到，百分之百明天到", "拿货价能便宜吗？进货",
	"😀一定", "亲，滚", "周六再送",
}

// pathsAgree checks that the windowed matches of list id in the text
// analysed are the same whichever way the windowed search goes, and the
// same as the regexp's on the whole text.
func pathsAgree(t *testing.T, tx *match.Text, id match.ListID, what string) int {
	t.Helper()
	want := match.PatternMatchesForTest(tx, id, false)
	for _, path := range []int{match.WindowMixedForTest, match.WindowEagerForTest, match.WindowCursorForTest} {
		got, _ := match.PatternMatchesPathForTest(tx, id, path)
		if !slices.Equal(got, want) {
			t.Fatalf("%s list %d, path %d: windowed %d matches %.200v, whole text %d %.200v", what, id, path, len(got), got, len(want), want)
		}
	}
	return len(want)
}

// TestWindowSearchLongTexts: long texts of many matches (units repeated,
// with and without separators) give the same matches on every windowed
// path as the regexp on the whole text, for every list of every pack.
func TestWindowSearchLongTexts(t *testing.T) {
	reps := []int{1, 2, 3, 7, 40, 300}
	if testing.Short() {
		reps = []int{1, 3, 40}
	}
	var tx match.Text
	for pack, m := range packMatchers(t) {
		found := 0
		for _, u := range longUnits {
			for _, n := range reps {
				for _, sep := range []string{"", "，", "不"} {
					text := strings.Repeat(u+sep, n)
					m.Analyse(&tx, text, true)
					for id := range match.NumListsForTest(m) {
						if len(match.WindowsForTest(m, match.ListID(id))) == 0 {
							continue
						}
						found += pathsAgree(t, &tx, match.ListID(id), fmt.Sprintf("%s: %q×%d", pack, u+sep, n))
					}
				}
			}
		}
		t.Logf("%s: %d matches compared", pack, found)
	}
}

// TestWindowSearchRandomLongTexts: random long texts of the lists'
// literals and patterns' fragments, every windowed path against the
// regexp, for every list of every pack and the edge patterns.
func TestWindowSearchRandomLongTexts(t *testing.T) {
	iters := 60
	if testing.Short() {
		iters = 10
	}
	r := rand.New(rand.NewPCG(21, 22))
	ms := packMatchers(t)
	edges, _ := edgeMatcher(t)
	ms["edges"] = edges
	var tx match.Text
	for name, m := range ms {
		found := 0
		for id := range match.NumListsForTest(m) {
			id := match.ListID(id)
			wins := match.WindowsForTest(m, id)
			if len(wins) == 0 {
				continue
			}
			keys := match.KeysForTest(m, id)
			frags := append([]string{}, multiByte...)
			for i := range wins {
				frags = append(frags, fragments(match.PatternForTest(m, id, i))...)
			}
			for range iters {
				var b strings.Builder
				for range 1 + r.IntN(40) {
					b.WriteString(randomText(r, keys, frags))
				}
				m.Analyse(&tx, b.String(), true)
				found += pathsAgree(t, &tx, id, fmt.Sprintf("%s on %q:", name, b.String()))
			}
		}
		t.Logf("%s: %d matches compared", name, found)
	}
}

// TestWindowSearchRandomPatterns: random patterns on long texts of random
// pieces, every windowed path against the regexp.
func TestWindowSearchRandomPatterns(t *testing.T) {
	n := 400
	if testing.Short() {
		n = 80
	}
	r := rand.New(rand.NewPCG(23, 24))
	var tx match.Text
	windowed, found := 0, 0
	for range n {
		p := randomPatternForWindows(r)
		var b match.Builder
		id := b.Add(match.ListSpec{Patterns: []string{p}, Mode: match.Substring})
		m, err := b.Build(nil)
		if err != nil || len(match.WindowsForTest(m, id)) == 0 {
			continue
		}
		windowed++
		for range 10 {
			var tb strings.Builder
			for range r.IntN(30) {
				tb.WriteString(windowPieces[r.IntN(len(windowPieces))])
			}
			text := strings.Repeat(tb.String(), 1+r.IntN(20))
			m.Analyse(&tx, text, true)
			found += pathsAgree(t, &tx, id, fmt.Sprintf("%q on %q:", p, text))
		}
	}
	t.Logf("%d windowed patterns of %d, %d matches compared", windowed, n, found)
	if windowed < n/2 || found == 0 {
		t.Errorf("%d windowed patterns, %d matches: the test says little", windowed, found)
	}
}

// windowPieces are what TestWindowSearchRandomPatterns builds texts of.
var windowPieces = []string{"一定", "保证", "到", "明天", "不", "好的", "，", "😀", "é", "\uFFFD", "k", "ok", "x", "一", "中"}

// randomPatternForWindows returns a pattern with bounded context around
// literals, a match group at times, anchors at times.
func randomPatternForWindows(r *rand.Rand) string {
	ctx := []string{"", ".{0,3}", "[^不]{0,2}", "(会|能)?", `[\x{FFFD}一-龥]{0,4}`, "(明天)?", `\PL?`, "[好的]*?", "(^|[^不])", "$"}
	lit := []string{"一定", "保证", "(一定|保证)", "到", "(一定|保证)(明天)?到", "ok", "k"}
	var b strings.Builder
	b.WriteString(ctx[r.IntN(len(ctx)-1)])
	core := lit[r.IntN(len(lit))] + ctx[r.IntN(len(ctx)-2)] + lit[r.IntN(len(lit))]
	if r.IntN(2) == 0 {
		core = lit[r.IntN(len(lit))]
	}
	if r.IntN(3) == 0 {
		core = "(?P<match>" + core + ")"
	}
	b.WriteString(core)
	b.WriteString(ctx[r.IntN(len(ctx))])
	return b.String()
}

// TestWindowSearchLinear: a long message of repeated matches costs the
// windowed search work in proportion to its length. The search visited
// all the occurrences of the pattern's literals once per match, which for
// the repeated units below made 256 KiB take seconds. steps counts the
// occurrences, pieces and positions windowSearch visits: four times the
// text must cost about four times the steps, not sixteen, and at most a
// few per byte.
func TestWindowSearchLinear(t *testing.T) {
	var tx match.Text
	m := packMatchers(t)["ecommerce"]
	for _, u := range []string{"滚开", "一定明天到", "一定到了", "保证没问题", "永不起球", "欢迎再次", "要顺丰", "拿货价"} {
		steps := func(n int) (steps, matches int) {
			text := strings.Repeat(u, n)
			m.Analyse(&tx, text, true)
			for id := range match.NumListsForTest(m) {
				got, s := match.PatternMatchesPathForTest(&tx, match.ListID(id), match.WindowMixedForTest)
				steps += s
				matches += len(got)
			}
			return steps, matches
		}
		const n = 2000
		s1, m1 := steps(n)
		s4, m4 := steps(4 * n)
		t.Logf("%s: ×%d %d steps %d matches, ×%d %d steps %d matches", u, n, s1, m1, 4*n, s4, m4)
		if m4 < n || s1 == 0 {
			t.Fatalf("%s×%d: %d matches, %d steps: the test says nothing", u, 4*n, m4, s4)
		}
		if s4 > 5*s1 || s4 > 8*len(u)*4*n {
			t.Errorf("%s: %d steps for %d repeats, %d for %d: not linear", u, s1, n, s4, 4*n)
		}
	}
}

// FuzzWindowSearchPaths is TestWindowSearchRandomPatterns on any pattern
// and text, the text repeated.
func FuzzWindowSearchPaths(f *testing.F) {
	f.Add(`(^|[^不法能敢说])(?P<match>(一定|保证)(会|能)?(明天)?(送到|到货|到))`, "一定明天到", uint8(20))
	f.Add(`[\x{FFFD}一-龥]{0,5}保证`, "😀一二三四保证", uint8(5))
	f.Add(`(拿|进)货.{0,8}(价|便宜|优惠)`, "拿货价能便宜吗？进货", uint8(9))
	f.Add(`滚.{0,2}开`, "滚开，", uint8(30))
	f.Add(`(?i)[\pL]{0,3}保证`, "✌🏻K保证👨\u200d👩\u200d👧ſ保证", uint8(7))
	f.Fuzz(func(t *testing.T, pattern, text string, n uint8) {
		if len(pattern) > 200 || len(text)*int(n) > 4000 {
			return
		}
		var b match.Builder
		id := b.Add(match.ListSpec{Patterns: []string{pattern}, Mode: match.Substring})
		m, err := b.Build(nil)
		if err != nil || len(match.WindowsForTest(m, id)) == 0 {
			return
		}
		var tx match.Text
		text = strings.Repeat(text, 1+int(n)%32)
		m.Analyse(&tx, text, true)
		pathsAgree(t, &tx, id, fmt.Sprintf("%q on %q:", pattern, text))
	})
}
