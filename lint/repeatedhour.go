package lint

import (
	"slices"
	"time"
)

// RepeatedHour reports whether t, read at the first occurrence of its wall
// clock in its zone (as the readers read a time written without an offset
// in a --tz zone with daylight saving), is one the clocks show again after
// they go back: 01:30 on the night the clocks of America/New_York go back
// from 02:00 to 01:00 may have been written at either 01:30.
func RepeatedHour(t time.Time) bool {
	_, before := t.Zone()
	_, after := t.Add(clockChangeMax).Zone()
	if after >= before {
		return false
	}
	// the same wall clock after the change: the instant t plus the
	// hour(s) the clocks went back, if that is past the change
	_, then := t.Add(time.Duration(before-after) * time.Second).Zone()
	return then == after
}

// clockChangeMax bounds how far a zone's clocks go back at once (an hour
// almost everywhere; Antarctica/Troll's two).
const clockChangeMax = 3 * time.Hour

// sortByTime orders ms by time, stably. Times in the hour daylight saving
// repeats (RepeatedHour) are read at their first occurrence, though they
// may be the second, so that a reply written at the second 01:10 would be
// put before a question of the first 01:50: among themselves such times
// keep the order the export gave them (reversed when the export runs from
// its last message to its first), and only their place among the other
// times comes from their readings (both readings of 01:xx lie after 00:59
// and before 02:00, so that place is right whichever was meant).
func sortByTime(ms []Message) {
	cmp := func(a, b Message) int { return a.Time.Compare(b.Time) }
	ambiguous := false
	for i := range ms {
		if RepeatedHour(ms[i].Time) {
			ambiguous = true
			break
		}
	}
	if !ambiguous {
		slices.SortStableFunc(ms, cmp)
		return
	}
	// sort the messages' indices, then put each run of times in the
	// repeated hour back in the export's order
	idx := make([]int, len(ms))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp(ms[a], ms[b]) })
	backwards := exportBackwards(ms)
	for i := 0; i < len(idx); {
		if !RepeatedHour(ms[idx[i]].Time) {
			i++
			continue
		}
		j := i + 1
		for j < len(idx) && RepeatedHour(ms[idx[j]].Time) {
			j++
		}
		run := idx[i:j]
		slices.Sort(run)
		if backwards {
			slices.Reverse(run)
		}
		i = j
	}
	sorted := make([]Message, len(ms))
	for k, i := range idx {
		sorted[k] = ms[i]
	}
	copy(ms, sorted)
}

// exportBackwards reports whether the export wrote ms from the last message
// to the first, as the first and last of its times outside the repeated
// hour tell (with fewer than two, it is taken to run forwards, as exports
// do).
func exportBackwards(ms []Message) bool {
	first, last := -1, -1
	for i := range ms {
		if !RepeatedHour(ms[i].Time) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first >= 0 && ms[last].Time.Before(ms[first].Time)
}
