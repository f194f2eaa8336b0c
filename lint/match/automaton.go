package match

import "sort"

// automaton is an Aho-Corasick automaton compiled to a DFA over byte classes:
// one table lookup per input byte, every occurrence of every pattern
// reported (overlapping ones included), in one pass over the text.
type automaton struct {
	class  [256]uint8 // byte → class
	nclass int
	// next[state*nclass+class] is the following state.
	next []int32
	// outStart[s]:outStart[s+1] indexes out: the patterns ending in state s.
	outStart []int32
	out      []int32
	patLen   []int
}

// buildAutomaton compiles the patterns (non-empty byte strings).
func buildAutomaton(patterns []string) *automaton {
	a := &automaton{patLen: make([]int, len(patterns))}
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
		a.patLen[id] = len(p)
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
	a.next = make([]int32, len(nodes)*n)
	queue := make([]int32, 0, len(nodes))
	for c := 0; c < n; c++ {
		if nx, ok := nodes[0].child[uint8(c)]; ok {
			a.next[c] = nx
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
				nodes[nx].fail = a.next[int(f)*n+c]
				a.next[int(s)*n+c] = nx
				queue = append(queue, nx)
			} else {
				a.next[int(s)*n+c] = a.next[int(f)*n+c]
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
	return a
}

// scan calls emit for every occurrence of every pattern in text, with the
// pattern id and the occurrence's byte span, in order of end position.
func (a *automaton) scan(text string, emit func(pat int32, start, end int)) {
	if len(a.patLen) == 0 {
		return
	}
	s := int32(0)
	n := int32(a.nclass)
	next, class, outStart := a.next, &a.class, a.outStart
	for i := 0; i < len(text); i++ {
		s = next[s*n+int32(class[text[i]])]
		if outStart[s] != outStart[s+1] {
			for _, p := range a.out[outStart[s]:outStart[s+1]] {
				emit(p, i+1-a.patLen[p], i+1)
			}
		}
	}
}
