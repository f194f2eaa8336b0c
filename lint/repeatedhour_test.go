package lint

import (
	"testing"
	"time"
)

// TestSortByTimeRepeatedHour: times in the hour daylight saving repeats
// (read at their first occurrence) keep the export's order among
// themselves, so that a reply at the second 01:10 stays after a question
// at the first 01:50; their place among the other times, and the order of
// conversations without such times, are the times' (an export written
// last message first is read the other way round: see exportBackwards).
func TestSortByTimeRepeatedHour(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	at := func(loc *time.Location, h, m int) time.Time { return time.Date(2026, 11, 1, h, m, 0, 0, loc) }
	tests := []struct {
		name string
		in   []time.Time
		want []int // the input indices, in the order sorted
	}{
		{"reply in the second 01:xx", []time.Time{at(ny, 0, 40), at(ny, 1, 50), at(ny, 1, 10)}, []int{0, 1, 2}},
		// an export written last message first whose only time outside
		// the hour is its last (a greeting at 00:40): the 00:40 after
		// 01:10 tells it, where the first and last times outside the hour
		// (one) were taken for an export written first to last, its
		// question put after its reply
		{"written last first, one time outside the hour", []time.Time{at(ny, 1, 50), at(ny, 1, 10), at(ny, 0, 40)}, []int{2, 1, 0}},
		// a conversation within the hour alone: written last message
		// first when each time is at or before the one before it (as its
		// readings order it), else first to last
		{"the hour alone, last first", []time.Time{at(ny, 1, 50), at(ny, 1, 30), at(ny, 1, 10)}, []int{2, 1, 0}},
		{"the hour alone, two", []time.Time{at(ny, 1, 50), at(ny, 1, 10)}, []int{1, 0}},
		{"the hour alone, past the change", []time.Time{at(ny, 1, 40), at(ny, 1, 50), at(ny, 1, 10)}, []int{0, 1, 2}},
		{"around the repeated hour", []time.Time{at(ny, 0, 40), at(ny, 1, 50), at(ny, 1, 10), at(ny, 2, 30)}, []int{0, 1, 2, 3}},
		{"out of order around it", []time.Time{at(ny, 2, 30), at(ny, 1, 50), at(ny, 0, 40), at(ny, 1, 10), at(ny, 3, 0)}, []int{2, 1, 3, 0, 4}},
		{"written last first", []time.Time{at(ny, 2, 30), at(ny, 1, 10), at(ny, 1, 50), at(ny, 0, 40)}, []int{3, 2, 1, 0}},
		{"no repeated hour", []time.Time{at(ny, 3, 50), at(ny, 3, 10)}, []int{1, 0}},
		{"a zone without daylight saving", []time.Time{at(time.UTC, 1, 50), at(time.UTC, 1, 10)}, []int{1, 0}},
	}
	for _, tt := range tests {
		c := &Conversation{ID: "c"}
		for i, tm := range tt.in {
			c.Messages = append(c.Messages, Message{Time: tm, Pos: Pos{Line: i}})
		}
		finish(c)
		var got []int
		for _, m := range c.Messages {
			got = append(got, m.Pos.Line)
		}
		if !slicesEqual(got, tt.want) {
			t.Errorf("%s: order %v, want %v", tt.name, got, tt.want)
		}
	}
}

func slicesEqual(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
