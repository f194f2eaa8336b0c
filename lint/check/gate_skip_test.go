package check

import (
	"math/rand"
	"reflect"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestGateSkipsOnlyIdleChecks holds the worker's gate (gated) to the
// checks themselves: on random conversations, a check the gate would pass
// over adds no finding and gives no reason. It also makes sure the gates
// do pass checks over, and that every gated check of the built-in packs
// has one.
func TestGateSkipsOnlyIdleChecks(t *testing.T) {
	frags := fragments(t)
	rng := rand.New(rand.NewSource(5))
	skips, nGated := 0, 0
	for _, s := range testSets(t) {
		w := s.NewWorker().(*worker)
		for _, r := range w.runs {
			if _, ok := r.ch.(gated); ok && r.bits != 0 {
				nGated++
			}
		}
		for round := 0; round < 100; round++ {
			c := randomConv(rng, frags, rng.Intn(30))
			w.Check(c) // prepares w.cv as the checks see it
			cv := &w.cv
			cv.Conversation = c
			for _, r := range w.runs {
				if r.bits == 0 {
					continue
				}
				if cv.slots[r.slot].may&r.bits != 0 {
					continue
				}
				skips++
				before := []lint.Finding{{Msg: 1, Message: "x"}}
				out, reason := r.ch.Check(cv, before)
				if !reflect.DeepEqual(out, before) || reason != "" {
					t.Fatalf("%s: gate passes it over, but it gives %d findings, reason %q", r.ch.Info().ID, len(out)-1, reason)
				}
			}
			cv.Conversation = nil
		}
	}
	if skips < 1000 || nGated < 20 {
		t.Errorf("%d gated checks, %d passed over: too few", nGated, skips)
	}
	t.Logf("%d gated checks, %d passed over", nGated, skips)
}
