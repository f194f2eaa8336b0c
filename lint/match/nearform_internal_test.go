package match

import (
	"regexp"
	"sync"
	"testing"
)

// TestExceptPatternsOnFirstUse: Build leaves all but the regexp of an
// except pattern (whether it overlaps, its literal sets, its near form
// and width) to the first text that asks about the list's except
// patterns, works them out once for every Matcher built from the same
// patterns, and they are what working them out at once gave.
func TestExceptPatternsOnFirstUse(t *testing.T) {
	spec := ListSpec{Phrases: []string{"改地址"},
		ExceptPatterns: []string{`(如果|假如)[^\s\p{P}\p{S}]{0,10}(改|换)[^\s\p{P}\p{S}]{0,6}`, `^不用`, `[^\s\p{P}\p{S}]{0,4}的话`},
		Mode:           Substring}
	other := ListSpec{Phrases: []string{"电话"}, ExceptPatterns: []string{`(怎么|如何)[^\s\p{P}\p{S}]{0,12}`}, Mode: Substring}
	build := func() *Matcher {
		var b Builder
		b.Add(spec)
		b.Add(other)
		m, err := b.Build(testSegmenter(t))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	m := build()
	for id := range m.lists {
		for i, ep := range m.lists[id].except {
			if ep.lazy == nil || ep.near != nil || ep.first != nil || ep.need != nil || ep.width != 0 || ep.overlapping {
				t.Fatalf("list %d except %d: worked out by Build", id, i)
			}
		}
	}
	var txt Text
	cases := []struct {
		text string
		hits int
	}{
		{"我想改地址", 1},
		{"如果要改地址怎么办", 0}, // inside a match of the first except pattern
		{"改地址的话", 0},     // inside a match of the third
		{"不用改地址了", 1},    // ^不用 does not cover the phrase
		{"不用改地址", 1},
	}
	for _, c := range cases {
		m.Analyse(&txt, c.text, true)
		if got := len(txt.Hits(0, nil)); got != c.hits {
			t.Errorf("%q: %d hits, want %d", c.text, got, c.hits)
		}
	}
	// as compileExceptPattern worked them out before: a near form for the
	// overlapping patterns of bounded width, with their literal sets
	ex := m.lists[0].except
	want := []struct {
		overlapping bool
		near        bool
		need        int
	}{{true, true, 2}, {false, false, 1}, {true, true, 1}}
	for i, w := range want {
		ep := ex[i]
		if ep.overlapping != w.overlapping || (ep.near != nil) != w.near || len(ep.need) != w.need {
			t.Errorf("except %d: overlapping %v, near %v, need %q; want %v, %v, %d sets", i, ep.overlapping, ep.near, ep.need, w.overlapping, w.near, w.need)
		}
		if ep.near != nil {
			if re := regexp.MustCompile("(?i)^(?:" + ep.lazy.np + ")"); ep.near.String() != re.String() || ep.width <= 0 {
				t.Errorf("except %d: near %v width %d, want %v", i, ep.near, ep.width, re)
			}
		}
	}
	if f := ex[0].first; f == nil || !f.has('如') || !f.has('假') || f.has('改') {
		t.Errorf("except 0: first characters %v, want 如 and 假", f)
	}
	if runs := m.nearRunsOf(0); len(runs) != 3 || !runs[0].bounded || len(runs[0].gate) != 2 {
		t.Errorf("list 0's nearRuns %+v", runs)
	}
	// list 1 was never asked about: it waits
	if ep := m.lists[1].except[0]; ep.near != nil || ep.need != nil {
		t.Errorf("list 1's except pattern worked out without a text asking about it")
	}
	// another Matcher of the same patterns shares what was worked out
	if prepareOff.Load() {
		return
	}
	m2 := build()
	m2.nearRunsOf(0)
	if m2.lists[0].except[0].near != ex[0].near {
		t.Errorf("a second Matcher compiled the near form again")
	}
}

// TestExceptPatternsFirstUseConcurrent: texts on several goroutines may ask
// about a list's except patterns first at once (go test -race): each sees
// them worked out, and finds what one text alone finds.
func TestExceptPatternsFirstUseConcurrent(t *testing.T) {
	texts := []string{"我想改地址", "如果要改地址怎么办", "改地址的话", "不用改地址了", "电话怎么改地址", "怎么改电话"}
	build := func() *Matcher {
		var b Builder
		b.Add(ListSpec{Phrases: []string{"改地址"}, Mode: Substring,
			ExceptPatterns: []string{`(如果|假如)[^\s\p{P}\p{S}]{0,10}(改|换)[^\s\p{P}\p{S}]{0,6}`, `^不用`, `[^\s\p{P}\p{S}]{0,4}的话`}})
		b.Add(ListSpec{Phrases: []string{"电话"}, Mode: Substring, ExceptPatterns: []string{`(怎么|如何)[^\s\p{P}\p{S}]{0,12}`}})
		m, err := b.Build(testSegmenter(t))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	var want []int
	var one Text
	ref := build()
	for _, s := range texts {
		ref.Analyse(&one, s, true)
		want = append(want, len(one.Hits(0, nil))+10*len(one.Hits(1, nil)))
	}
	for round := 0; round < 20; round++ {
		m := build()
		got := make([][]int, 4)
		var wg sync.WaitGroup
		for g := range got {
			wg.Go(func() {
				var txt Text
				for k := range texts {
					s := texts[(k+g)%len(texts)]
					m.Analyse(&txt, s, true)
					got[g] = append(got[g], len(txt.Hits(0, nil))+10*len(txt.Hits(1, nil)))
				}
			})
		}
		wg.Wait()
		for g := range got {
			for k, n := range got[g] {
				if w := want[(k+g)%len(texts)]; n != w {
					t.Fatalf("round %d, goroutine %d: %q: %d, want %d", round, g, texts[(k+g)%len(texts)], n, w)
				}
			}
		}
	}
}

// TestWarmUp: warmUp, which PreparePatterns' goroutine runs after the
// patterns are prepared, works out what Build leaves to first use: the
// rest of the except patterns and the folded trees of the windows.
func TestWarmUp(t *testing.T) {
	exc := `(如果|假如|warm-up-test)[^\s\p{P}\p{S}]{0,10}(改|换)`
	pat := `(warm-up-test)改(一下)?(地址|电话)`
	e := &preparedPattern{}
	e.work(exc, true)
	p := &preparedPattern{}
	p.work(pat, false)
	w := p.pattern.win
	if w == nil || w.bt == nil {
		t.Fatalf("%q: no window", pat)
	}
	l := e.except.ep.lazy
	if _, parsed := parsedPatterns.Load(w.bt.src); parsed || l.ep.near != nil || l.ep.need != nil {
		t.Fatalf("worked out before warmUp")
	}
	warmUp([]*preparedPattern{e, p})
	if _, parsed := parsedPatterns.Load(w.bt.src); !parsed {
		t.Errorf("warmUp did not parse %q", w.bt.src)
	}
	// (read as get left them: this test is the only goroutine about)
	if !l.ep.overlapping || l.ep.near == nil || len(l.ep.need) == 0 {
		t.Errorf("warmUp left %q's except pattern unworked: %+v", exc, l.ep)
	}
}
