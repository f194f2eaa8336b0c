package check

// followupScan answers followup.search for many triggers of one
// conversation in linear time: a conversation of thousands of messages with
// a trigger in every other one (a group chat, a broken export read as one
// conversation) would otherwise be scanned to its end once per trigger.
// It gives exactly search's answers (TestFollowupScanAgreesWithSearch).
type followupScan struct {
	f      *followup
	cv     *Conv
	unless condMemo
	// event[j]: forward, the first k >= j where unless or expect holds;
	// before, the last k <= j where expect holds (-1: none). Filled from
	// the first trigger on (forward) or up to the last (before).
	event []int32
	base  int     // event[0] is for message base
	role  []int32 // indexes of the messages in the window count (followup.inWindow), in order
	// rank[j]: the number of such messages before message j
	rank []int32
	// eventOpen is event for a trigger that opened the chat (opened,
	// followup.openingMemo): opening_expect holding counts too
	// (nil when no trigger did)
	eventOpen []int32
	opened    openedAt
}

// newFollowupScan prepares the answers for the triggers idx (ascending);
// those opened says opened the chat, and opening answers them
// as expect does (followup.openingMemo).
func newFollowupScan(f *followup, cv *Conv, idx []int, expect, unless condMemo, opened openedAt, opening condMemo) *followupScan {
	ms := cv.Messages
	n := len(ms)
	s := &followupScan{f: f, cv: cv, unless: unless, opened: opened}
	if f.before {
		last := idx[len(idx)-1]
		s.event = make([]int32, last)
		prev := int32(-1)
		for j := 0; j < last; j++ {
			if expect.holds(j) {
				prev = int32(j)
			}
			s.event[j] = prev
		}
	} else {
		s.base = idx[0] + 1
		s.event = make([]int32, n-s.base+1)
		next := int32(n)
		s.event[n-s.base] = next
		for j := n - 1; j >= s.base; j-- {
			if (f.unless != nil && unless.holds(j)) || expect.holds(j) {
				next = int32(j)
			}
			s.event[j-s.base] = next
		}
		if opening.c != nil {
			s.eventOpen = make([]int32, len(s.event))
			next := int32(n)
			s.eventOpen[n-s.base] = next
			for j := n - 1; j >= s.base; j-- {
				if s.event[j-s.base] == int32(j) || opening.holds(j) {
					next = int32(j)
				}
				s.eventOpen[j-s.base] = next
			}
		}
	}
	if f.withinMessages > 0 {
		s.rank = make([]int32, n+1)
		for j := range ms {
			s.rank[j] = int32(len(s.role))
			if f.inWindow(&ms[j]) {
				s.role = append(s.role, int32(j))
			}
		}
		s.rank[n] = int32(len(s.role))
	}
	return s
}

// search is followup.search for trigger i (one of the triggers given).
func (s *followupScan) search(i int, expect condMemo) (found int, void, timedOut bool) {
	f, ms := s.f, s.cv.Messages
	w := f.withinMessages
	if f.before {
		j := -1
		if i > 0 {
			j = int(s.event[i-1])
		}
		// the message where the window runs out: the (w+1)th message of
		// the expect roles going back from i; counted before expect is
		// asked, so it runs out first at the same message
		if w > 0 {
			if k := int(s.rank[i]) - w - 1; k >= 0 && int(s.role[k]) >= j {
				return -1, false, true
			}
		}
		if j >= 0 {
			return j, false, false
		}
		return -1, false, false
	}
	event := s.event
	if s.opened.opens(s.cv, i) {
		event = s.eventOpen
	}
	j := len(ms)
	if i+1 < len(ms) {
		j = int(event[i+1-s.base])
	}
	// unless is asked before the window is counted, the window before expect
	if w > 0 {
		if k := int(s.rank[i+1]) + w; k < len(s.role) {
			t := int(s.role[k])
			if t < j || (t == j && !(f.unless != nil && s.unless.holds(j))) {
				return -1, false, true
			}
		}
	}
	if j >= len(ms) {
		return -1, false, false
	}
	if f.unless != nil && s.unless.holds(j) {
		late := f.within > 0 && s.cv.timed(i) && s.cv.timed(j) && s.cv.provedOver(j, i, f.within)
		if !late {
			return j, true, false
		}
		return -1, false, false
	}
	return j, false, false
}
