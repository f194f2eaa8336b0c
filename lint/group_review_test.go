package lint

import (
	"context"
	"testing"
)

// TestLRUQueueBoundedByParts: a conversation linted in parts of
// maxPartMessages (a file without conversation ids is one) is flushed
// without going through the lru queue's pop, so nothing drops its entries
// there; the queue must still not grow with the input (an entry per
// message read, each keeping its flushed conversation, and the messages
// of that, alive), also behind a conversation that stays open all along.
func TestLRUQueueBoundedByParts(t *testing.T) {
	const budget = 1 << 20
	part := maxPartMessages(budget)
	for _, tt := range []struct {
		name  string
		early bool // a short conversation opens first and stays open
	}{{"one conversation", false}, {"behind an open one", true}} {
		var sum Summary
		g := newGrouper(context.Background(), false, &sum, budget, nil)
		flushed := 0
		g.emit = func(oc *openConv) error { g.complete(oc); flushed++; return nil }
		line := 1
		if tt.early {
			if err := g.Message(msg("early", 0, Customer, "u", "在吗", line)); err != nil {
				t.Fatal(err)
			}
			line++
		}
		for i := range 50*part + 1 { // the last opens a part
			if err := g.Message(msg("", i, Customer, "u", "你好", line)); err != nil {
				t.Fatal(err)
			}
			line++
		}
		if flushed < 50 {
			t.Fatalf("%s: %d parts flushed, want 50", tt.name, flushed)
		}
		if n, room := g.lru.len(), (len(g.lru.blocks)+len(g.lru.free))*lruBlockLen; n > 4*part || room > 8*part {
			t.Errorf("%s: the lru queue holds %d entries (room for %d) after %d messages in parts of %d", tt.name, n, room, 50*part, part)
		}
		// it still pops the least recently active first
		if oc := g.lru.pop(); oc == nil || (tt.early && oc.conv.ID != "early") || (!tt.early && oc.conv.ID != "") {
			t.Errorf("%s: popped %v", tt.name, oc)
		}
	}
}
