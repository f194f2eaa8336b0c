package match

import (
	"fmt"
	"regexp"
	"slices"
)

// BacktrackAgreesForTest compiles every program the backtracker may run
// for m's patterns (each pattern, and the anchored variants and the
// variants without ^ or $ of the windowed ones) and returns how many there are and a check that runs a text
// through each of them and through the regexp package compiled from the
// same source, reporting the first difference of match or submatches.
func BacktrackAgreesForTest(m *Matcher) (int, func(text string) error) {
	type pair struct {
		p  *btProg
		re *regexp.Regexp
	}
	var progs []pair
	seen := map[*btProg]bool{}
	add := func(p *btProg) {
		if p != nil && !seen[p] {
			seen[p] = true
			re := regexp.MustCompile(p.source()) // (the regexp of the source it was compiled from)
			if p.re != nil {
				re = p.re.regexp() // (the regexp it was compiled with)
			}
			progs = append(progs, pair{p, re})
		}
	}
	for _, l := range m.lists {
		for i := range l.patterns {
			add(l.btOf(i))
			if w := l.win[i]; w != nil && w.anchored != nil && w.anchored.usable() {
				for _, p := range w.anchored.v {
					add(p)
				}
			}
			if w := l.win[i]; w != nil && w.usable() {
				for k := range 4 {
					add(w.btVariant(l.patterns[i], k&2 != 0, k&1 != 0))
				}
			}
		}
	}
	// the near except patterns (which except patterns are near ones is
	// worked out when a text first asks about the list)
	for _, p := range nearProgs(m) {
		add(p)
	}
	var st btState
	return len(progs), func(text string) error {
		for _, pr := range progs {
			want := pr.re.FindStringSubmatchIndex(text)
			if got := pr.p.find(&st, text, pr.p.ncap); !slices.Equal(got, want) {
				return fmt.Errorf("%s on %q: backtracker %v, regexp %v", pr.re.String(), text, got, want)
			}
			if got := pr.p.find(&st, text, pr.p.need); want != nil && (got == nil || !slices.Equal(got[:pr.p.need], want[:pr.p.need])) {
				return fmt.Errorf("%s on %q (need %d): backtracker %v, regexp %v", pr.re.String(), text, pr.p.need, got, want)
			}
		}
		return nil
	}
}

// nearProgs returns the near except patterns of m's lists, compiled.
func nearProgs(m *Matcher) []*btProg {
	var out []*btProg
	for id, l := range m.lists {
		m.nearRunsOf(ListID(id))
		for _, ep := range l.except {
			if ep.near != nil {
				ep.near.once.Do(ep.near.compile)
				if ep.near.bt != nil {
					out = append(out, ep.near.bt)
				}
			}
		}
	}
	return out
}

// NearAgreesForTest returns the sources of m's near except patterns and a
// check that runs a text through each of them as a try does
// (lazyNear.find) and through the regexp package compiled from the same
// source, reporting the first difference, or else how many of them match.
func NearAgreesForTest(m *Matcher) ([]string, func(text string) (int, error)) {
	type pair struct {
		n  *lazyNear
		re *regexp.Regexp
	}
	var nears []pair
	for id, l := range m.lists {
		m.nearRunsOf(ListID(id))
		for _, ep := range l.except {
			if ep.near != nil {
				nears = append(nears, pair{ep.near, regexp.MustCompile(ep.near.String())})
			}
		}
	}
	var srcs []string
	for _, n := range nears {
		srcs = append(srcs, n.n.String())
	}
	var st btState
	return srcs, func(text string) (matched int, err error) {
		for _, n := range nears {
			got, want := n.n.find(&st, text), n.re.FindStringIndex(text)
			if !slices.Equal(got, want) {
				return matched, fmt.Errorf("%s on %q: %v, regexp %v", n.n, text, got, want)
			}
			if want != nil {
				matched++
			}
		}
		return matched, nil
	}
}
