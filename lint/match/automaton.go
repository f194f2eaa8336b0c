package match

import "sort"

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

	// trie
	type node struct {
		child map[uint8]int32
		fail  int32
		outs  []int32
	}
	nodes := []node{{child: map[uint8]int32{}}}
	for id, p := range patterns {
		a.patLen[id] = int32(len(p))
		a.maxLen = max(a.maxLen, len(p))
		s := int32(0)
		for i := 0; i < len(p); i++ {
			c := a.class[p[i]]
			nx, ok := nodes[s].child[c]
			if !ok {
				nx = int32(len(nodes))
				nodes = append(nodes, node{child: map[uint8]int32{}})
				nodes[s].child[c] = nx
			}
			s = nx
		}
		nodes[s].outs = append(nodes[s].outs, int32(id))
	}

	// breadth-first: failure links, full transitions, merged outputs
	next := make([]int32, len(nodes)*n) // following state, by state*n+class
	queue := make([]int32, 0, len(nodes))
	for c := 0; c < n; c++ {
		if nx, ok := nodes[0].child[uint8(c)]; ok {
			next[c] = nx
			nodes[nx].fail = 0
			queue = append(queue, nx)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		f := nodes[s].fail
		nodes[s].outs = append(nodes[s].outs, nodes[f].outs...)
		for c := 0; c < n; c++ {
			if nx, ok := nodes[s].child[uint8(c)]; ok {
				nodes[nx].fail = next[int(f)*n+c]
				next[int(s)*n+c] = nx
				queue = append(queue, nx)
			} else {
				next[int(s)*n+c] = next[int(f)*n+c]
			}
		}
	}
	a.outStart = make([]int32, len(nodes)+1)
	for s := range nodes {
		outs := nodes[s].outs
		sort.Slice(outs, func(i, j int) bool { return outs[i] < outs[j] })
		a.out = append(a.out, outs...)
		a.outStart[s+1] = int32(len(a.out))
	}
	a.delta = make([]int32, len(next))
	for i, t := range next {
		a.delta[i] = t * int32(n)
		if len(nodes[t].outs) > 0 {
			a.delta[i] |= outFlag
		}
	}
	return a
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
