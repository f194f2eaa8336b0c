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
// to the first. The pairs of messages next to each other in it whose order
// their times tell say it, the more of them going back: two times outside
// the repeated hour, or one outside it and one in it whose both readings
// lie on the same side of it (00:40 written after 01:10: last message
// first). On a tie, the first and last of the times outside the hour tell
// it; with none of those (a conversation in the repeated hour alone), the
// times in it do: written last message first when each is at or before the
// one before it (01:50, then 01:10: either a reply written at the second
// 01:10, or an export of the last message first; such an export, within one
// of the hour's occurrences, is the likelier, and the readings order it
// right), else first to last, going on past the clock change (01:40, 01:50,
// 01:10).
func exportBackwards(ms []Message) bool {
	agree, disagree := 0, 0
	for i := 1; i < len(ms); i++ {
		switch c := knownOrder(ms[i-1].Time, ms[i].Time); {
		case c < 0:
			agree++
		case c > 0:
			disagree++
		}
	}
	if agree != disagree {
		return disagree > agree
	}
	first, last := -1, -1
	for i := range ms {
		if !RepeatedHour(ms[i].Time) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first >= 0 {
		return ms[last].Time.Before(ms[first].Time)
	}
	for i := 1; i < len(ms); i++ {
		if ms[i].Time.After(ms[i-1].Time) {
			return false
		}
	}
	return true
}

// knownOrder compares a and b where their order is known: -1 or 1, or 0
// when it is not (equal times, or one in the repeated hour that either of
// its readings could put on the other side of the other time).
func knownOrder(a, b time.Time) int {
	lo, hi := a, a
	if RepeatedHour(a) {
		hi = a.Add(repeatedShift(a))
	}
	blo, bhi := b, b
	if RepeatedHour(b) {
		bhi = b.Add(repeatedShift(b))
	}
	switch {
	case hi.Before(blo):
		return -1
	case bhi.Before(lo):
		return 1
	}
	return 0
}

// repeatedShift is how far the second occurrence of t's wall clock lies
// after its first (t in the repeated hour): the hour(s) the clocks go back.
func repeatedShift(t time.Time) time.Duration {
	_, before := t.Zone()
	_, after := t.Add(clockChangeMax).Zone()
	return time.Duration(before-after) * time.Second
}
