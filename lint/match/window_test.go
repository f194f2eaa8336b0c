package match_test

import (
	"fmt"
	"math/rand/v2"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/rules"
)

// packMatchers compiles every built-in pack.
func packMatchers(t testing.TB) map[string]*match.Matcher {
	t.Helper()
	out := map[string]*match.Matcher{}
	for _, pack := range rules.BuiltinNames() {
		set, err := rules.Load(pack)
		if err != nil {
			t.Fatal(err)
		}
		cs, err := check.Compile(set, check.Options{})
		if err != nil {
			t.Fatal(err)
		}
		out[pack] = cs.Matcher
	}
	return out
}

// fragments returns the literal strings and the characters of small
// classes of a pattern: material for texts it may match.
func fragments(pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	var out []string
	var walk func(*syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		switch re.Op {
		case syntax.OpLiteral:
			out = append(out, string(re.Rune))
		case syntax.OpCharClass:
			n := 0
			for i := 0; i+1 < len(re.Rune) && n < 40; i += 2 {
				for r := re.Rune[i]; r <= re.Rune[i+1] && n < 40; r++ {
					out = append(out, string(r))
					n++
				}
			}
		}
		for _, sub := range re.Sub {
			walk(sub)
		}
	}
	walk(re)
	return out
}

var fillers = []rune("不法能敢说的了是我你好亲您在吗呢吧哦啊，。？！、 ~.!?:1234567890abcxyzKSſ\t\n")

// randomText strings together literals of the list, fragments of its
// patterns and filler characters.
func randomText(r *rand.Rand, keys, frags []string) string {
	var b strings.Builder
	n := 1 + r.IntN(60)
	for range n {
		switch x := r.IntN(10); {
		case x < 3 && len(keys) > 0:
			b.WriteString(keys[r.IntN(len(keys))])
		case x < 6 && len(frags) > 0:
			b.WriteString(frags[r.IntN(len(frags))])
		default:
			b.WriteRune(fillers[r.IntN(len(fillers))])
		}
	}
	return b.String()
}

// TestWindowingIsExact: for every pattern list of every built-in pack,
// the matches found on the pieces of texts around their literals are the
// matches found on the whole texts, in the same order.
func TestWindowingIsExact(t *testing.T) {
	iters := 3000
	if testing.Short() {
		iters = 300
	}
	r := rand.New(rand.NewPCG(1, 2))
	var tx match.Text
	for pack, m := range packMatchers(t) {
		windowed, found := 0, 0
		for id := range match.NumListsForTest(m) {
			id := match.ListID(id)
			wins := match.WindowsForTest(m, id)
			if len(wins) == 0 {
				continue
			}
			windowed += len(wins)
			keys := match.KeysForTest(m, id)
			var frags []string
			for i := range wins {
				frags = append(frags, fragments(match.PatternForTest(m, id, i))...)
			}
			for range iters {
				text := randomText(r, keys, frags)
				m.Analyse(&tx, text, true)
				got := match.PatternMatchesForTest(&tx, id, true)
				want := match.PatternMatchesForTest(&tx, id, false)
				if !slices.Equal(got, want) {
					t.Fatalf("%s list %d on %q (normalised %q): windowed %v, whole text %v", pack, id, text, tx.Normalized(), got, want)
				}
				found += len(got)
			}
		}
		t.Logf("%s: %d windowed patterns, %d matches compared", pack, windowed, found)
		if windowed > 0 && found == 0 {
			t.Errorf("%s: no matches found: the test says nothing", pack)
		}
	}
}

// TestWindowingAssertions runs hand-written patterns with begin and end of
// text assertions and leading context through both ways of matching.
func TestWindowingAssertions(t *testing.T) {
	tests := []struct {
		pattern string
		texts   []string
	}{
		{`(^|[^不法能敢说])(?P<match>(一定|保证|肯定|百分之百)(会|能)?(明天)?(送到|到货))`, []string{
			"一定送到", "不一定送到，肯定能到货", "肯定能到货百分之百明天送到", "好的一定会明天送到的亲，保证到货",
			"说一定送到", "一定送到一定送到一定送到"}},
		{`(拿|进)货.{0,8}(价|便宜|优惠)`, []string{"拿货价", "进货的时候能不能便宜点进货价", "拿货拿货拿货拿货拿货拿货拿货便宜"}},
		{`^(好的|好)?谢谢(你|您)?$`, []string{"谢谢", "好的谢谢", "谢谢您", "谢谢，谢谢", "好的谢谢你吗"}},
		{`地址.{0,12}(对吗|对吧)$`, []string{"地址是北京对吗", "地址对吗，地址对吧", "地址对吗？"}},
		{`\A(亲亲|亲)您好`, []string{"亲您好", "亲亲您好亲您好", "，亲您好"}},
		{`(星期|周)[一二三四五六日天末].{0,2}(再)?送`, []string{"周一送", "星期天再送周末送", "周周一一送送"}},
	}
	for _, tt := range tests {
		var b match.Builder
		id := b.Add(match.ListSpec{Patterns: []string{tt.pattern}, Mode: match.Substring})
		m, err := b.Build(nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(match.WindowsForTest(m, id)) == 0 {
			t.Errorf("%s: not windowed", tt.pattern)
		}
		var tx match.Text
		for _, text := range tt.texts {
			m.Analyse(&tx, text, true)
			got := match.PatternMatchesForTest(&tx, id, true)
			want := match.PatternMatchesForTest(&tx, id, false)
			if !slices.Equal(got, want) {
				t.Errorf("%s on %q: windowed %v, whole text %v", tt.pattern, text, got, want)
			}
		}
	}
}

// edgePatterns are patterns whose leading or trailing part may match
// U+FFFD, which the regexp reads for each stray byte of a piece of text
// that starts or ends inside a character. Those with a class of width 3
// holding U+FFFD failed before pieces were moved out to character starts
// (Text.find); the others never did (their elements may match 4-byte
// characters, which leaves the bounds room for the stray bytes) and are
// kept as cases tried.
var edgePatterns = []string{
	`[\x{FFFD}一-龥]{0,5}保证`,
	`保证[\x{FFFD}一-龥]{0,5}`,
	`[\x{FFFD}一-龥]{0,5}保证.{0,20}到`,
	`[\x{FFFD}\x{4E00}-\x{9FFF}]{2,6}一定[\x{FFFD}\x{4E00}-\x{9FFF}]{1,6}`,
	`(?P<match>[\x{FFFD}一-龥]{0,5}保证)[\x{FFFD}一-龥]{0,5}`,
	`.{0,4}保证`,
	`保证.{0,4}`,
	`[^不]{0,2}一定`,
	`一定[^不]{0,2}`,
	`(^|[^不法能敢说])(一定|保证)`,
	`(^|[^不法能敢说])(?P<match>(一定|保证))(会|能)?.{0,3}$`,
	`\PL{0,3}保证\PL{0,3}`,
	`[^\s\p{P}]{1,6}一定`,
}

// edgeMatcher compiles each of edgePatterns as a list of its own.
func edgeMatcher(t testing.TB) (*match.Matcher, []match.ListID) {
	t.Helper()
	var b match.Builder
	var ids []match.ListID
	for _, p := range edgePatterns {
		ids = append(ids, b.Add(match.ListSpec{Patterns: []string{p}, Mode: match.Substring}))
	}
	m, err := b.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range ids {
		if len(match.WindowsForTest(m, id)) == 0 {
			t.Fatalf("%s: not windowed", edgePatterns[i])
		}
	}
	return m, ids
}

// multiByte are characters of 1 to 4 bytes (é 2, 中 3, 😀 and 𠀀 4) and
// U+FFFD itself, to put before and after literals.
var multiByte = []string{"a", "é", "ж", "中", "一", "\uFFFD", "😀", "𠀀", "🙂"}

// TestWindowingCharacterEdges: pieces of text bounded in bytes must not
// start or end inside a character. The first cases failed when they did:
// the match started on the last byte of 😀 or ended on the first.
func TestWindowingCharacterEdges(t *testing.T) {
	m, ids := edgeMatcher(t)
	texts := []string{
		"😀一二三四保证", "保证一二三四😀", "保证一二三四😀到", "😀😀一二三四保证一二三四😀",
		"é保证", "😀保证", "中一二三四保证", "😀😀一定", "𠀀中一定😀", "ж😀一定😀😀",
		"一定😀", "不😀一定", "é一定é", "保证😀😀😀", "😀😀😀保证",
	}
	// every mix of up to 6 characters of each width around the literals
	for _, lit := range []string{"保证", "一定"} {
		for _, a := range multiByte {
			for _, b := range multiByte {
				for n := range 7 {
					texts = append(texts, strings.Repeat(a, n)+lit+strings.Repeat(b, 6-n),
						a+strings.Repeat("一", n)+lit+strings.Repeat("一", 6-n)+b)
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	frags := append([]string{"保证", "一定", "到", "不", "，"}, multiByte...)
	for range 3000 {
		texts = append(texts, randomText(r, nil, frags))
	}
	var tx match.Text
	for _, text := range texts {
		m.Analyse(&tx, text, true)
		for i, id := range ids {
			got := match.PatternMatchesForTest(&tx, id, true)
			want := match.PatternMatchesForTest(&tx, id, false)
			if !slices.Equal(got, want) {
				t.Errorf("%s on %q: windowed %v, whole text %v", edgePatterns[i], text, got, want)
			}
		}
	}
}

// FuzzWindowing compares windowed and whole-text pattern matching for every
// list of the default pack, and for edgePatterns, on arbitrary texts.
func FuzzWindowing(f *testing.F) {
	for _, s := range []string{"肯定能到，百分之百明天到", "拿货价能便宜吗", "周六再送可以吗", "地址是北京市对吗", "ems",
		"😀一二三四保证", "保证一二三四😀", "é一定😀", "𠀀中一定中😀",
		"👍🏻一定👩\u200d💻到", "✌🏻保证👨\u200d👩\u200d👧"} {
		f.Add(s)
	}
	ms := packMatchers(f)
	edges, _ := edgeMatcher(f)
	matchers := []*match.Matcher{ms[rules.DefaultPack], edges}
	var tx match.Text
	f.Fuzz(func(t *testing.T, text string) {
		for _, m := range matchers {
			m.Analyse(&tx, text, true)
			for id := range match.NumListsForTest(m) {
				got := match.PatternMatchesForTest(&tx, match.ListID(id), true)
				want := match.PatternMatchesForTest(&tx, match.ListID(id), false)
				if !slices.Equal(got, want) {
					t.Fatal(fmt.Sprintf("list %d on %q: windowed %v, whole text %v", id, text, got, want))
				}
			}
		}
	})
}
