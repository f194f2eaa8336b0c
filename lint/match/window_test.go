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

// FuzzWindowing compares windowed and whole-text pattern matching for every
// list of the default pack on arbitrary texts.
func FuzzWindowing(f *testing.F) {
	for _, s := range []string{"肯定能到，百分之百明天到", "拿货价能便宜吗", "周六再送可以吗", "地址是北京市对吗", "ems"} {
		f.Add(s)
	}
	ms := packMatchers(f)
	m := ms[rules.DefaultPack]
	var tx match.Text
	f.Fuzz(func(t *testing.T, text string) {
		m.Analyse(&tx, text, true)
		for id := range match.NumListsForTest(m) {
			got := match.PatternMatchesForTest(&tx, match.ListID(id), true)
			want := match.PatternMatchesForTest(&tx, match.ListID(id), false)
			if !slices.Equal(got, want) {
				t.Fatal(fmt.Sprintf("list %d on %q: windowed %v, whole text %v", id, text, got, want))
			}
		}
	})
}
