package match

import (
	"context"
	"errors"
	"math/rand/v2"
	"runtime"
	"sync/atomic"
	"testing"
)

// TestBuildStopsAtEveryLook: a build given up (BuildContext: a Ctrl-C
// while a word list of hundreds of thousands of phrases compiles, which
// went on for seconds before the run could stop) stops at the first look
// at its stop channel after the context is done, in every loop that
// looks: the context cancelled at look k of the N a whole build makes,
// for every k, the build returns context.Canceled and no matcher, with
// at most a few looks made once the context is done (those on the way
// out, and one by each other goroutine of the build), not the rest of
// the build's. The word lists
// are large enough for many looks in each loop, and make each automaton:
// the one over characters, the one over bytes (a list whose rows would be
// too long for the former), and several on their goroutines (scopes).
func TestBuildStopsAtEveryLook(t *testing.T) {
	rng := rand.New(rand.NewPCG(52, 1))
	words := func(n, alphabet, minLen, maxLen int) []string {
		seen := map[string]bool{}
		var out []string
		for len(out) < n {
			r := make([]rune, minLen+rng.IntN(maxLen-minLen+1))
			for i := range r {
				r[i] = 0x4E00 + rune(rng.IntN(alphabet))
			}
			if w := string(r); !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
		return out
	}
	patterns := []string{`不(行|可以)`, `(没|无)法[^，。]{0,4}处理`}
	for _, tc := range []struct {
		name  string
		specs []ListSpec
		chars bool // the automaton of every key is over characters
		extra int  // looks allowed once the context is done
	}{
		{"characters", []ListSpec{{Phrases: words(3000, 3000, 2, 4), Patterns: patterns}}, true, 4},
		{"bytes", []ListSpec{{Phrases: words(3000, 40, 4, 6), Patterns: patterns}}, false, 4},
		{"scopes", []ListSpec{
			{Phrases: words(1200, 3000, 2, 4), Scopes: 1},
			{Phrases: words(1200, 40, 4, 6), Scopes: 2, Mode: Substring},
			{Phrases: []string{"您好"}, Patterns: patterns},
		}, false, 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			build := func(ctx context.Context) (*Matcher, error) {
				var b Builder
				for _, s := range tc.specs {
					b.Add(s)
				}
				return b.BuildContext(ctx, testSegmenter(t))
			}
			var looks atomic.Int64
			lookHook = func() { looks.Add(1) }
			t.Cleanup(func() { lookHook = nil })
			m, err := build(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if got := m.ac.chars != nil; got != tc.chars {
				t.Fatalf("automaton over characters: %v, want %v", got, tc.chars)
			}
			n := looks.Load()
			if n < 30 {
				t.Fatalf("a whole build looks %d times: too few to tell whether each loop stops", n)
			}
			t.Logf("%d looks", n)
			for k := int64(1); k <= n; k++ {
				ctx, cancel := context.WithCancel(context.Background())
				looks.Store(0)
				// the looks counted are those made once the context is
				// done: until then, the build's other goroutines go on,
				// and look, as they may (a busy machine deschedules the
				// goroutine that cancels between its look and the
				// cancel); the yield lets them, as often as not
				var after atomic.Int64
				lookHook = func() {
					if ctx.Err() != nil {
						after.Add(1)
					}
					if looks.Add(1) == k {
						runtime.Gosched()
						cancel()
					}
				}
				m, err := build(ctx)
				cancel()
				if m != nil || !errors.Is(err, context.Canceled) {
					t.Fatalf("cancelled at look %d of %d: matcher %v, error %v; want none, context.Canceled", k, n, m != nil, err)
				}
				if more := after.Load(); more > int64(tc.extra) {
					t.Fatalf("cancelled at look %d of %d: %d looks once it was, want at most %d", k, n, more, tc.extra)
				}
			}
		})
	}
}
