package match

// The automaton as it was before its rows were split by UTF-8 position
// (one row of every class per state): the reference the new construction
// is tested against, byte for byte in its hits.

import "sort"

// refAutomaton is an Aho-Corasick automaton compiled to a DFA over byte classes:
// one table lookup per input byte, every occurrence of every pattern
// reported (overlapping ones included), in one pass over the text.
type refAutomaton struct {
	class  [256]uint8 // byte → class
	nclass int
	// delta[s*nclass+class] is the following state t, as t*nclass (ready
	// to index delta), with refOutFlag set when patterns end in t.
	delta []int32
	// outStart[s]:outStart[s+1] indexes out: the patterns ending in state s.
	outStart []int32
	out      []int32
	patLen   []int32
	maxLen   int // the longest pattern, in bytes
}

// refOutFlag marks a transition into a state where patterns end.
const refOutFlag = -1 << 31

// buildRefAutomaton compiles the patterns (non-empty byte strings).
func buildRefAutomaton(patterns []string) *refAutomaton {
	a := &refAutomaton{patLen: make([]int32, len(patterns))}
	// byte classes: one per byte value used in a pattern, one for the rest
	used := [256]bool{}
	for _, p := range patterns {
		for i := 0; i < len(p); i++ {
			used[p[i]] = true
		}
	}
	n := 1 // class 0: bytes no pattern uses
	for b := 0; b < 256; b++ {
		if used[b] {
			if n == 256 {
				// all 256 byte values used: class 0 is then a real byte too
				a.class[b] = 0
				continue
			}
			a.class[b] = uint8(n)
			n++
		}
	}
	a.nclass = n

	// the trie, built in the transition table itself: next[s*n+c] is the
	// child of state s on class c, 0 when there is none (the root is no
	// one's child); the breadth-first pass below fills the missing ones in
	states := trieSize(patterns)
	next := make([]int32, states*n)
	outs := make([][]int32, states) // by state: the patterns ending there
	made := 1
	for id, p := range patterns {
		a.patLen[id] = int32(len(p))
		a.maxLen = max(a.maxLen, len(p))
		s := 0
		for i := 0; i < len(p); i++ {
			at := s*n + int(a.class[p[i]])
			if next[at] == 0 {
				next[at] = int32(made)
				made++
			}
			s = int(next[at])
		}
		outs[s] = append(outs[s], int32(id))
	}

	// breadth-first (children are numbered after their parents, but not
	// level by level): failure links, full transitions, merged outputs
	fail := make([]int32, states)
	queue := make([]int32, 0, states)
	for c := 0; c < n; c++ {
		if nx := next[c]; nx != 0 {
			queue = append(queue, nx) // fail 0
		}
	}
	for k := 0; k < len(queue); k++ {
		s := int(queue[k])
		f := int(fail[s])
		if len(outs[f]) > 0 {
			outs[s] = append(outs[s], outs[f]...)
		}
		row, frow := next[s*n:s*n+n], next[f*n:f*n+n]
		for c, nx := range row {
			if nx != 0 {
				fail[nx] = frow[c]
				queue = append(queue, nx)
			} else {
				row[c] = frow[c]
			}
		}
	}
	a.outStart = make([]int32, states+1)
	for s, o := range outs {
		sort.Slice(o, func(i, j int) bool { return o[i] < o[j] })
		a.out = append(a.out, o...)
		a.outStart[s+1] = int32(len(a.out))
	}
	// in place: states become row offsets, flagged where patterns end
	for i, t := range next {
		v := t * int32(n)
		if len(outs[t]) > 0 {
			v |= refOutFlag
		}
		next[i] = v
	}
	a.delta = next
	return a
}

// hits appends to dst every occurrence of every pattern in text, in order
// of end position (patterns ending at the same place in order of id).
func (a *refAutomaton) hits(text string, dst []rawHit) []rawHit {
	if len(a.patLen) == 0 {
		return dst
	}
	delta, class := a.delta, &a.class
	s := int32(0)
	for i := 0; i < len(text); i++ {
		v := delta[s+int32(class[text[i]])]
		s = v &^ refOutFlag
		if v < 0 {
			st := s / int32(a.nclass)
			end := int32(i + 1)
			for _, p := range a.out[a.outStart[st]:a.outStart[st+1]] {
				dst = append(dst, rawHit{p, end - a.patLen[p], end})
			}
		}
	}
	return dst
}
