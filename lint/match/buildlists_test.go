package match_test

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/rules"
)

// TestBuildOnCPUsAgrees: the default pack compiled on four CPUs (its
// patterns, except patterns and automata each on its own) is the pack
// compiled on one: the same keys, uses, literal sets, windows and except
// patterns, and the same hits, in every scope.
func TestBuildOnCPUsAgrees(t *testing.T) {
	set, err := rules.Load(rules.DefaultPack)
	if err != nil {
		t.Fatal(err)
	}
	build := func(cpus int) *match.Matcher {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(cpus))
		cs, err := check.Compile(set, check.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return cs.Matcher
	}
	// (each worked out anew, not taken from what is prepared)
	match.SetPrepareOffForTest(true)
	defer match.SetPrepareOffForTest(false)
	one, four := build(1), build(4)
	if a, b := match.BuiltForTest(one), match.BuiltForTest(four); a != b {
		t.Fatalf("built on four CPUs:\n%s\non one:\n%s", b, a)
	}
	_, texts := defaultPackTexts(t, 1e5)
	texts = append(texts, "如果到时候可以改成退货吗", "“不知道”是他说的，我们一定能帮您改地址")
	var ta, tb match.Text
	for _, s := range texts {
		for scope := -1; scope < 4; scope++ {
			one.AnalyseIn(&ta, s, scope)
			four.AnalyseIn(&tb, s, scope)
			for id := range match.NumListsForTest(one) {
				a, b := ta.Hits(match.ListID(id), nil), tb.Hits(match.ListID(id), nil)
				if !slices.Equal(a, b) {
					t.Fatalf("%q in scope %d, list %d: %v on four CPUs, %v on one", s, scope, id, b, a)
				}
			}
		}
	}
}

// TestBuildReportsFirstError: compiling the lists' patterns on several
// CPUs reports the error Build compiling them one by one meets first: the
// lists in order, in each its phrases, then its except patterns, then its
// patterns.
func TestBuildReportsFirstError(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	var many []string // patterns enough to be compiled on every CPU
	for i := range 40 {
		many = append(many, "好"+string(rune('a'+i%26))+strings.Repeat("的", i/26))
	}
	tests := []struct {
		name  string
		lists []match.ListSpec
		want  string
	}{
		{"a list's pattern before a later list's", []match.ListSpec{
			{Patterns: append(slices.Clone(many), "我(不能")},
			{Patterns: []string{"你[不能"}},
		}, "compile pattern: error parsing regexp: missing closing ): `我(不能`"},
		{"a list's except pattern before its pattern", []match.ListSpec{
			{Phrases: []string{"不行"}, Patterns: []string{"我(不能"}, ExceptPatterns: append(slices.Clone(many), "你[不能")},
		}, "except pattern: compile pattern: error parsing regexp: missing closing ]: `[不能`"},
		{"a phrase before the patterns", []match.ListSpec{
			{Patterns: many},
			{Phrases: []string{"不行", "\u200b"}, Patterns: []string{"我(不能"}},
		}, `phrase "\u200b" is empty after normalisation`},
		{"a later list's broken pattern", []match.ListSpec{
			{Patterns: many, ExceptPatterns: many},
			{Patterns: []string{"好", "我(不能"}},
		}, "compile pattern: error parsing regexp: missing closing ): `我(不能`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b match.Builder
			for _, l := range tt.lists {
				b.Add(l)
			}
			_, err := b.Build(nil)
			if err == nil || err.Error() != tt.want {
				t.Errorf("error %v, want %s", err, tt.want)
			}
		})
	}
}

// TestPreparedAgrees: a matcher built while its patterns are being
// prepared in the background (PreparePatterns, as the pack loader asks
// it) is the matcher built working every pattern out anew.
func TestPreparedAgrees(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	var lists []match.ListSpec
	var patterns, excepts []string
	for i := range 24 {
		// patterns no other test has: not yet prepared in this process
		l := match.ListSpec{
			Patterns: []string{
				fmt.Sprintf("(能|可以)改%d(一下|下)?[^\\s\\p{P}\\p{S}]{0,4}(地址|电话)", i),
				fmt.Sprintf("^[\\s\\p{P}]*(好的|好滴)%d[\\s\\p{P}\\p{S}]*$", i),
				fmt.Sprintf("保证%d(?P<match>(明天|后天)(送到|到货))", i),
			},
			ExceptPatterns: []string{
				fmt.Sprintf("(如果|假如)[^。！？]{0,12}改%d", i),
				fmt.Sprintf("“[^”]{0,20}%d[^”]{0,20}”", i),
			},
			Phrases: []string{"改地址"},
		}
		lists = append(lists, l)
		patterns = append(patterns, l.Patterns...)
		excepts = append(excepts, l.ExceptPatterns...)
	}
	build := func() *match.Matcher {
		var b match.Builder
		for _, l := range lists {
			b.Add(l)
		}
		m, err := b.Build(nil)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	match.PreparePatterns(patterns[:len(patterns)/2], excepts)
	match.PreparePatterns(patterns[len(patterns)/3:], nil)
	prepared := build() // (while they are prepared)
	match.SetPrepareOffForTest(true)
	defer match.SetPrepareOffForTest(false)
	anew := build()
	if a, b := match.BuiltForTest(prepared), match.BuiltForTest(anew); a != b {
		t.Fatalf("built from the patterns prepared:\n%s\nworked out anew:\n%s", a, b)
	}
	if !strings.Contains(match.BuiltForTest(anew), "near") {
		t.Fatal("no except pattern is tried near a candidate: the test tests little")
	}
}
