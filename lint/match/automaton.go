package match

import (
	"slices"
	"sort"
)

// automaton is an Aho-Corasick automaton compiled to a DFA over byte classes:
// one table lookup per input byte, every occurrence of every pattern
// reported (overlapping ones included), in one pass over the text.
type automaton struct {
	class  [256]uint8 // byte → class
	nclass int
	// delta[s*nclass+class] is the following state t, as t*nclass (ready
	// to index delta), with outFlag set when patterns end in t.
	delta []int32
	// outStart[s]:outStart[s+1] indexes out: the patterns ending in state s.
	outStart []int32
	out      []int32
	patLen   []int32
	maxLen   int // the longest pattern, in bytes
}

// outFlag marks a transition into a state where patterns end.
const outFlag = -1 << 31

// buildAutomaton compiles the patterns (non-empty byte strings).
func buildAutomaton(patterns []string) *automaton {
	a := &automaton{patLen: make([]int32, len(patterns))}
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
			v |= outFlag
		}
		next[i] = v
	}
	a.delta = next
	return a
}

// buildAutomatonOf compiles the patterns keys[id] for the ids given (in
// increasing order), reporting each as id: hits gives the same rawHits
// the automaton of all keys gives for them, and none for the others.
func buildAutomatonOf(keys []string, ids []int32) *automaton {
	if len(ids) == 0 {
		return &automaton{} // finds nothing, without reading the text
	}
	sub := make([]string, len(ids))
	for i, id := range ids {
		sub[i] = keys[id]
	}
	a := buildAutomaton(sub)
	for i, p := range a.out {
		a.out[i] = ids[p]
	}
	// patLen is read by the ids the automaton reports
	a.patLen = make([]int32, len(keys))
	for _, id := range ids {
		a.patLen[id] = int32(len(keys[id]))
	}
	return a
}

// trieSize is the number of states of the patterns' trie (the root
// included): in sorted order, each pattern adds a state per byte past what
// it shares with the one before it, so the table is allocated once.
func trieSize(patterns []string) int {
	sorted := slices.Clone(patterns)
	slices.Sort(sorted)
	n := 1
	for i, p := range sorted {
		shared := 0
		if i > 0 {
			q := sorted[i-1]
			for shared < len(p) && shared < len(q) && p[shared] == q[shared] {
				shared++
			}
		}
		n += len(p) - shared
	}
	return n
}

// hits appends to dst every occurrence of every pattern in text, in order
// of end position (patterns ending at the same place in order of id).
func (a *automaton) hits(text string, dst []rawHit) []rawHit {
	if len(a.patLen) == 0 {
		return dst
	}
	delta, class := a.delta, &a.class
	s := int32(0)
	for i := 0; i < len(text); i++ {
		v := delta[s+int32(class[text[i]])]
		s = v &^ outFlag
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
