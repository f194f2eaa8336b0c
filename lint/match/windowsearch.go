package match

import (
	"math"
	"slices"
	"unicode/utf8"
)

// Windowed search in linear time. Text.find works out the pieces of the
// text from the occurrences of the pattern's literals at or after from,
// all of them, on every call; a search calls it once per match, so a long
// message of repeated matches (滚开滚开…, 一定明天到…) cost the product of
// its matches and its occurrences: 256 KiB took seconds. windowSearch
// gathers a pattern's occurrences once per text and search, and answers
// each call from where the previous one left off, visiting the pieces
// lazily up to the match, with the same pieces and tries as Text.find.
//
// Why the pieces can be had that way: for one set, the occurrences come in
// the order of their ends (the automaton's), so the piece starts they give
// (lo, below, before from raises them) do not decrease, and the piece ends
// (hi) do not decrease with the occurrence's start. Text.find merges the
// intervals [max(from, lo), hi] of the occurrences starting at or after
// from, in that order. Let j be the first of those. An occurrence that
// starts before from has hi ≤ hi(j) and, coming after j, lo ≥ lo(j): its
// interval lies in j's; coming before j, it only reaches into the merged
// union up to hi(j). So the pieces at from are the component of the union
// of all the occurrences' intervals (computed once) that holds j's, begun
// at max(from, lo(j)), then the union's later components as they are. The
// conditions (lo not decreasing, lo ≤ hi, hi ≥ start) are checked once per
// text and pattern; Text.find serves the texts where they fail.

// windowFinder finds the matches of a windowed pattern in a text, one
// call of find per match, from and base not decreasing: with Text.find for
// the first eagerFinds calls, then with windowSearch. Most searches end
// there (no match, or one): gathering the occurrences costs about as much
// as a call of Text.find, which for them it would not save.
type windowFinder struct {
	eager int           // the calls left to Text.find
	ws    *windowSearch // once prepared
}

// eagerFinds is the number of calls windowFinder leaves to Text.find.
const eagerFinds = 2

// windowPath says how windowFinder finds matches (tests).
type windowPath uint8

const (
	windowMixed  windowPath = iota // Text.find, then windowSearch
	windowEager                    // Text.find only
	windowCursor                   // windowSearch from the first call
)

// eagerCalls is the number of calls a windowFinder leaves to Text.find.
func (p windowPath) eagerCalls() int {
	switch p {
	case windowEager:
		return math.MaxInt
	case windowCursor:
		return 0
	}
	return eagerFinds
}

// find returns the match Text.find would (of pattern re, number pattern
// of its list, on window w).
func (f *windowFinder) find(t *Text, re *lazyRegexp, w *window, pattern int32, text string, from, base int) []int {
	if f.eager > 0 {
		f.eager--
		return t.find(re, w, pattern, text, from, base)
	}
	return f.findCursor(t, re, w, pattern, text, from, base)
}

// findCursor is find once Text.find has had its calls.
func (f *windowFinder) findCursor(t *Text, re *lazyRegexp, w *window, pattern int32, text string, from, base int) []int {
	if f.ws == nil {
		if !t.ws.prepare(t, re, w, pattern, text) {
			f.eager = math.MaxInt // the conditions do not hold
			return t.find(re, w, pattern, text, from, base)
		}
		f.ws = &t.ws
	}
	return f.ws.find(from, base)
}

// windowHits is one window set's occurrences in a text (in t.pre's order,
// by end) and the union of their intervals.
type windowHits struct {
	hits  []windowHit
	comps []span // the union's components, in order
	next  int    // no occurrence before next starts at or after from
}

// windowHit is an occurrence of a window set's literal.
type windowHit struct {
	start int32 // the occurrence's start
	lo    int32 // the start of its interval, at a character start
	comp  int32 // the component of the union holding its interval
}

// spanStream yields a set's pieces at one from: first, then comps[c:].
type spanStream struct {
	first   span
	comps   []span
	c       int
	atFirst bool
}

// intersectLevel is the lazy intersection of the pieces of the sets before
// it (the level before, or stream 0) with those of its set.
type intersectLevel struct {
	cur       span
	has, done bool
}

// windowSearch is the windowed search of one pattern on one text (Text.ws,
// reused).
type windowSearch struct {
	t      *Text
	re     *lazyRegexp
	w      *window
	text   string
	sets   []windowHits
	lead   []int32 // the lead set's occurrence starts, ascending
	leadAt int     // no start before leadAt is at or after from
	from   int
	// the pieces of the current call, per set and intersected
	streams []spanStream
	levels  []intersectLevel
}

// prepare gathers pattern's occurrences for window w in the text (t.pre)
// and reports whether the pieces can be worked out from them as the
// comment above says (false: use Text.find).
func (s *windowSearch) prepare(t *Text, re *lazyRegexp, w *window, pattern int32, text string) bool {
	s.t, s.re, s.w, s.text, s.from, s.leadAt = t, re, w, text, 0, 0
	for len(s.sets) < len(w.sets) {
		s.sets = append(s.sets, windowHits{})
	}
	s.sets = s.sets[:len(w.sets)]
	for k, ws := range w.sets {
		h := &s.sets[k]
		h.hits, h.comps, h.next = h.hits[:0], h.comps[:0], 0
		for _, p := range t.pre {
			t.steps++
			if p.pattern != pattern || p.set != ws.set {
				continue
			}
			st := int(p.start)
			// as in Text.find, with from 0: lo is raised to from and no
			// further down than from when from is larger
			lo, hi := 0, len(text)
			if ws.pre < unbounded {
				if int(p.end)-ws.pre > st {
					return false
				}
				lo = max(lo, int(p.end)-ws.pre)
			}
			if ws.post < unbounded {
				hi = min(hi, st+ws.post)
			}
			for lo > 0 && !utf8.RuneStart(text[lo]) {
				lo--
			}
			for hi < len(text) && !utf8.RuneStart(text[hi]) {
				hi++
			}
			n := len(h.comps)
			if hi < st || (n > 0 && lo < int(h.hits[len(h.hits)-1].lo)) {
				return false
			}
			if n > 0 && lo <= h.comps[n-1].hi {
				h.comps[n-1].hi = max(h.comps[n-1].hi, hi)
			} else {
				h.comps = append(h.comps, span{lo, hi})
				n++
			}
			h.hits = append(h.hits, windowHit{p.start, int32(lo), int32(n - 1)})
		}
	}
	if w.lead >= 0 {
		s.lead = s.lead[:0]
		for _, h := range s.sets[w.lead].hits {
			s.lead = append(s.lead, h.start)
		}
		if !slices.IsSorted(s.lead) {
			slices.Sort(s.lead)
		}
	}
	for len(s.streams) < len(w.sets) {
		s.streams = append(s.streams, spanStream{})
		s.levels = append(s.levels, intersectLevel{})
	}
	return true
}

// find is Text.find (the same match, from the same pieces and tries) for
// the pattern prepared, from and base not decreasing from call to call.
func (s *windowSearch) find(from, base int) []int {
	if from < s.from { // not so in searchPattern: start over
		for k := range s.sets {
			s.sets[k].next = 0
		}
		s.leadAt = 0
	}
	s.from = from
	for k := range s.sets {
		h := &s.sets[k]
		for h.next < len(h.hits) && int(h.hits[h.next].start) < from {
			h.next++
			s.t.steps++
		}
		if h.next == len(h.hits) {
			return nil // no piece: nothing to search
		}
		j := h.hits[h.next]
		c := j.comp
		s.streams[k] = spanStream{
			first: span{max(from, int(j.lo)), h.comps[c].hi},
			comps: h.comps, c: int(c) + 1, atFirst: true,
		}
		s.levels[k] = intersectLevel{}
	}
	if _, ok := s.peek(len(s.sets) - 1); !ok {
		return nil
	}
	w := s.w
	if w.lead >= 0 && w.anchored.usable() {
		return s.findAnchored(from, base)
	}
	text := s.text
	for {
		sp, ok := s.peek(len(s.sets) - 1)
		if !ok {
			return nil
		}
		s.advance(len(s.sets) - 1)
		if sp.hi <= sp.lo {
			continue // matches are not empty
		}
		if loc := s.t.searchPiece(w, s.re, text, sp.lo, sp.hi, base); loc != nil {
			return loc
		}
	}
}

// findAnchored is Text.findAnchored for the pattern prepared: the same
// positions tried, in the same order (those of the ranges before each
// occurrence of the lead set at or after from, ascending), taken from the
// occurrences sorted by start once.
func (s *windowSearch) findAnchored(from, base int) []int {
	w, text := s.w, s.text
	lead := w.sets[w.lead].lead
	for s.leadAt < len(s.lead) && int(s.lead[s.leadAt]) < from {
		s.leadAt++
		s.t.steps++
	}
	last := len(s.sets) - 1
	pos := 0 // positions before pos were tried
	for _, st := range s.lead[s.leadAt:] {
		lo, hi := max(from, int(st)-lead), int(st)+1
		for p := max(lo, pos); p < hi; p++ {
			s.t.steps++
			if !utf8.RuneStart(text[p]) {
				continue
			}
			sp, ok := s.peek(last)
			for ok && sp.hi <= p {
				s.advance(last)
				sp, ok = s.peek(last)
			}
			if !ok {
				return nil
			}
			if p < sp.lo {
				continue // no match lies outside the pieces
			}
			if loc := s.t.tryAnchored(w, text, p, base, sp.hi); loc != nil {
				return loc
			}
		}
		pos = max(pos, hi)
	}
	return nil
}

// peek returns the current piece of the intersection of the pieces of
// sets 0 to k (as intersectSpans makes them, one at a time), false when
// there are no more.
func (s *windowSearch) peek(k int) (span, bool) {
	s.t.steps++
	if k == 0 {
		st := &s.streams[0]
		return st.peek()
	}
	lv := &s.levels[k]
	if lv.has {
		return lv.cur, true
	}
	b := &s.streams[k]
	for !lv.done {
		x, ok := s.peek(k - 1)
		if !ok {
			lv.done = true
			break
		}
		y, ok := b.peek()
		if !ok {
			lv.done = true
			break
		}
		lo, hi := max(x.lo, y.lo), min(x.hi, y.hi)
		if x.hi < y.hi {
			s.advance(k - 1)
		} else {
			b.advance()
		}
		if lo < hi {
			lv.cur, lv.has = span{lo, hi}, true
			return lv.cur, true
		}
	}
	return span{}, false
}

// advance moves past the current piece of the intersection of sets 0 to k.
func (s *windowSearch) advance(k int) {
	if k == 0 {
		s.streams[0].advance()
		return
	}
	s.levels[k].has = false
}

// peek returns the stream's current piece, false when there are no more.
func (st *spanStream) peek() (span, bool) {
	if st.atFirst {
		return st.first, true
	}
	if st.c < len(st.comps) {
		return st.comps[st.c], true
	}
	return span{}, false
}

// advance moves past the stream's current piece.
func (st *spanStream) advance() {
	if st.atFirst {
		st.atFirst = false
		return
	}
	st.c++
}
