package match

import (
	"sort"
	"unicode/utf8"
)

// Candidate is an occurrence of a list's phrase or pattern found in a text,
// with the reason it does or does not count (for `chatlint explain`).
type Candidate struct {
	Hit
	// Counted is true when the occurrence is a hit.
	Counted bool
	// Why explains the verdict: "" when counted, else e.g. "not on a word
	// boundary", "inside except context 不知道您", "overlaps a longer match".
	Why string
	// Verdict is the reason of Why, for a caller that says it in its own
	// words, and Except the except context (VerdictExcept).
	Verdict Verdict
	Except  string
}

// Verdict says why a candidate does or does not count.
type Verdict uint8

const (
	// VerdictCounted: the candidate is a hit.
	VerdictCounted Verdict = iota
	// VerdictNoBoundary: neither end is on a gse word boundary.
	VerdictNoBoundary
	// VerdictNoStartBoundary: its start is not on a gse word boundary.
	VerdictNoStartBoundary
	// VerdictNoEndBoundary: its end is not on a gse word boundary.
	VerdictNoEndBoundary
	// VerdictExcept: it lies inside an except context (Candidate.Except).
	VerdictExcept
	// VerdictOverlap: it overlaps a longer or earlier match of the list.
	VerdictOverlap
)

// Explain returns every occurrence of the list's phrases and patterns in the
// text and why each does or does not count, in text order.
func (t *Text) Explain(id ListID) []Candidate {
	if t.m == nil {
		return nil
	}
	t.ready(id) // all the list's hits, whatever the text was scanned for
	l := &t.m.lists[id]
	t.normalize()
	var cs []Candidate
	orig := t.norm.Orig()
	add := func(s, e, phrase, pattern int, why string, verdict Verdict, except string) {
		os, oe := t.norm.OrigSpan(s, e)
		cs = append(cs, Candidate{Hit: Hit{Start: os, End: oe, Phrase: phrase, Pattern: pattern, Text: orig[os:oe],
			Column: utf8.RuneCountInString(orig[:os]) + 1}, Why: why, Verdict: verdict, Except: except})
	}
	for _, h := range t.raw {
		for _, u := range t.m.uses[h.key] {
			if u.list != id || u.phrase < 0 {
				continue
			}
			why, verdict, except := "", VerdictCounted, ""
			s, e := int(h.start), int(h.end)
			hit := e // where the hit ends: past an erhua 儿 (wordEndAt)
			if l.mode == Word {
				t.segment()
				a := negAdverbAt(t.norm.Text, s, e)
				startOK := t.isBoundary(s) || a >= 0 && t.isBoundary(a)
				endOK := t.isBoundary(e)
				if !endOK && erhuaAfter(t.norm.Text, s, e) && t.isBoundary(e+len("儿")) {
					endOK = true
					if startOK {
						// only a hit takes the 儿 in: one that fails at its
						// start is shown as the phrase it is (在这 in 放在这儿)
						hit = e + len("儿")
					}
				}
				switch {
				case !startOK && !endOK:
					why, verdict = "neither end is on a gse word boundary", VerdictNoBoundary
				case !startOK:
					why, verdict = "its start is not on a gse word boundary", VerdictNoStartBoundary
				case !endOK:
					why, verdict = "its end is not on a gse word boundary", VerdictNoEndBoundary
				}
			}
			if why == "" {
				if ctx := t.exceptContext(id, s, e); ctx != "" {
					why, verdict, except = "inside except context 「"+ctx+"」", VerdictExcept, ctx
				}
			}
			add(s, hit, int(u.phrase), -1, why, verdict, except)
		}
	}
	// patterns, and overlap resolution, as Hits does it: of two phrases
	// of the list that read the same once normalised (乾淨 and 干净), at
	// the same place, the one Hits reports counts
	counted := map[[2]int]int{} // a phrase hit's span: its phrase
	for _, h := range t.Hits(id, nil) {
		if h.Pattern >= 0 {
			cs = append(cs, Candidate{Hit: h})
		} else {
			counted[[2]int{h.Start, h.End}] = h.Phrase
		}
	}
	for i := range cs {
		c := &cs[i]
		p, ok := counted[[2]int{c.Start, c.End}]
		switch {
		case c.Pattern >= 0:
			c.Counted = true
		case c.Why == "" && ok && p == c.Phrase:
			c.Counted = true
		case c.Why == "":
			c.Why, c.Verdict = "overlaps a longer or earlier match of the same rule", VerdictOverlap
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Start < cs[j].Start })
	return cs
}

// exceptContext returns the except phrase, or the match of an except
// pattern, covering [start, end), or "".
func (t *Text) exceptContext(id ListID, start, end int) string {
	// the automaton's hits come in the order of their ends, and one that
	// covers [start, end) ends between end and start plus the longest
	// phrase: a search, not a scan of every hit for every candidate
	raw := t.raw
	i := sort.Search(len(raw), func(i int) bool { return int(raw[i].end) >= end })
	for _, h := range raw[i:] {
		if int(h.end) > start+t.m.ac.maxLen {
			break
		}
		if int(h.start) > start || !t.m.keyIn(h.key, id) {
			continue
		}
		for _, u := range t.m.uses[h.key] {
			if u.list == id && u.phrase == useExcept {
				return t.norm.Text[h.start:h.end]
			}
		}
	}
	if len(t.m.lists[id].except) == 0 {
		return ""
	}
	// the match covering the candidate that ends last, as covering picks
	// among the matches searched for in the whole text
	runs := t.m.nearRunsOf(id) // (first: the near forms compiled)
	e := t.exceptMatches(id)
	span, ok := e.covering(start, end)
	text := t.norm.Text
	excepts := t.m.lists[id].except
	if len(e.gate) != len(excepts) {
		for range excepts {
			e.gate = append(e.gate, gateUnknown)
		}
	}
	for i := range excepts {
		ep := &excepts[i]
		if ep.near == nil {
			continue
		}
		if !t.charsDone {
			t.chars.set(text)
			t.charsDone = true
		}
		if e.gate[i] == gateUnknown {
			// (once per text: the characters do not depend on the candidate)
			e.gate[i] = gateFail
			if runs[i].mayHold(&t.chars) {
				e.gate[i] = gatePass
			}
		}
		if e.gate[i] == gateFail {
			continue
		}
		if sp, found := ep.covers(&runs[i], &t.chars, &t.bt, text, start, end); found && (!ok || sp[1] > span[1] || sp[1] == span[1] && sp[0] < span[0]) {
			span, ok = sp, true
		}
	}
	if ok {
		return text[span[0]:span[1]]
	}
	return ""
}
