package lint

import (
	"context"
	"testing"
)

// TestGrouperForgetsClosed: past maxClosed conversations linted early the
// grouper forgets which they were, and says so in the summary, whose
// reports then do not claim that none of them went on.
func TestGrouperForgetsClosed(t *testing.T) {
	sum := NewSummary()
	g := newGrouper(context.Background(), false, sum, 0, nil)
	for k := range uint64(maxClosed) {
		g.markClosed(k)
	}
	if sum.EarlyForgotten {
		t.Fatal("forgotten at maxClosed")
	}
	g.markClosed(maxClosed)
	if !sum.EarlyForgotten {
		t.Error("not said forgotten past maxClosed")
	}
}
