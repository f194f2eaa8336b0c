package match

import (
	"fmt"
	"slices"
	"sort"
	"unicode/utf8"
)

// automaton is an Aho-Corasick automaton compiled to a DFA over byte classes:
// one table lookup per input byte, every occurrence of every pattern
// reported (overlapping ones included), in one pass over the text.
//
// The scan is bound by the latency of its dependent table loads, so the
// table is kept small by splitting it along UTF-8: when the patterns are
// valid UTF-8 and so is the text (normalised text always is), a state
// either sits at a character boundary, and the next byte is ASCII or a
// lead byte, or inside a character, and the next byte is a continuation
// byte (0x80–0xBF). A state of the trie knows which from its own string
// (a prefix of a pattern starts at a character boundary, and so does its
// occurrence in valid text, whose decoding it then shares); only the root
// is ambiguous (a failed character drops the scan to the root in its
// middle), so it is split in four: the root with 0, 1, 2 or 3 continuation
// bytes still due. Boundary states get rows over the classes of ASCII and
// lead bytes only, inside states rows over the classes of continuation
// bytes only, and one class map serves both, its two ranges of classes
// overlapping (both start at 0): the byte a state is given always belongs
// to the range of its row. Rows have two widths, and a state is the offset
// of its row in delta, so the scan is still delta[s+class[b]]: for the
// default pack 25 and 64 entries instead of 86, the table 42% smaller.
//
// Patterns that are not valid UTF-8 (tests) get the plain layout instead:
// every row over every class, the root not split, the same scan.
//
// Valid UTF-8 patterns mostly get neither: the automaton over characters
// of charscan.go, one dependent step per character rather than per byte,
// finds the same hits faster. The byte automaton remains for the patterns
// that are not, and for word lists too large for the character one
// (fewCharCells): the rows of its states, whose width the character
// classes do not bound, would hold too many transitions.
type automaton struct {
	class [256]uint8 // byte → class, in the range of its row
	// delta[s+class] is the following state t, as the offset of its row in
	// delta. The root (the one at character boundaries) is at 0; the rows
	// of the states where patterns end come last, from outBase on, each
	// preceded by the state's number in outStart (delta[t-1]). delta ends
	// in a row of zeros as wide as the widest row, so that invalid UTF-8
	// (a byte outside its row's range) reads within delta: see hits.
	delta   []uint32
	outBase int
	// outStart[s]:outStart[s+1] indexes out: the patterns ending in state s
	// (states numbered as in the trie, the root 0).
	outStart []int32
	out      []int32
	patLen   []int32
	maxLen   int // the longest pattern, in bytes

	// chars, when not nil, is the automaton over characters that hits
	// scans with instead (charscan.go); delta, class and outBase are then
	// unset, and states are numbered as in its trie.
	chars *charTable
}

// maxKeyBytes bounds the bytes of the automaton's patterns together. They
// bound its states (one per byte, and the roots), and every state's row (at
// most 256 entries, and a slot before it for a state where patterns end)
// must start at an offset a uint32 holds: (2^23 + 5) × 257 < 2^32. Long
// before that the build would need gigabytes; the bound turns what would
// be a silently wrong table into an error.
const maxKeyBytes = 1 << 23

// checkKeyBytes reports whether the patterns are few enough for an
// automaton (maxKeyBytes).
func checkKeyBytes(keys []string) error {
	total := 0
	for _, k := range keys {
		total += len(k)
	}
	if total > maxKeyBytes {
		return fmt.Errorf("match: the phrase lists hold %d bytes of phrases and required literals, more than the %d one matcher can take", total, maxKeyBytes)
	}
	return nil
}

// buildAutomaton compiles the patterns (non-empty byte strings): over
// characters when they are valid UTF-8 (and the table not too large), over
// bytes otherwise. It returns nil, given up, once stop is closed (stopAt).
func buildAutomaton(patterns []string, stop <-chan struct{}) *automaton {
	if a := buildCharAutomaton(patterns, stop); a != nil || stopped(stop) {
		return a
	}
	return buildByteAutomaton(patterns, stop)
}

// buildByteAutomaton compiles the patterns (non-empty byte strings) into
// the automaton over bytes; nil once stop is closed.
func buildByteAutomaton(patterns []string, stop <-chan struct{}) *automaton {
	a := &automaton{patLen: make([]int32, len(patterns))}
	// the trie's byte classes: one per byte value used in a pattern, one
	// for the rest
	var class [256]uint8
	used := [256]bool{}
	valid := true
	for _, p := range patterns {
		for i := 0; i < len(p); i++ {
			used[p[i]] = true
		}
		valid = valid && utf8.ValidString(p)
	}
	n := 1 // class 0: bytes no pattern uses
	for b := 0; b < 256; b++ {
		if used[b] {
			if n == 256 {
				// all 256 byte values used: class 0 is then a real byte too
				class[b] = 0
				continue
			}
			class[b] = uint8(n)
			n++
		}
	}

	// the trie, built in a transition table: next[s*n+c] is the child of
	// state s on class c, 0 when there is none (the root is no one's
	// child); the breadth-first pass below fills the missing ones in.
	// due[s] is the number of continuation bytes that complete the last
	// character of state s's string.
	states := trieSize(patterns)
	next := make([]int32, states*n)
	due := make([]int8, states)
	outs := make([][]int32, states) // by state: the patterns ending there
	made := 1
	for id, p := range patterns {
		if stopAt(id, stop) {
			return nil
		}
		a.patLen[id] = int32(len(p))
		a.maxLen = max(a.maxLen, len(p))
		s := 0
		for i := 0; i < len(p); i++ {
			at := s*n + int(class[p[i]])
			if next[at] == 0 {
				next[at] = int32(made)
				due[made] = dueAfter(due[s], p[i])
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
		if stopAt(k, stop) {
			return nil
		}
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
		if stopAt(s, stop) {
			return nil
		}
		sort.Slice(o, func(i, j int) bool { return o[i] < o[j] })
		a.out = append(a.out, o...)
		a.outStart[s+1] = int32(len(a.out))
	}
	if !a.layOut(next, n, &class, due, outs, valid, stop) {
		return nil
	}
	return a
}

// dueAfter is the number of continuation bytes still due after byte b
// when due were before it (valid UTF-8 assumed).
func dueAfter(due int8, b byte) int8 {
	switch {
	case b < 0x80:
		return 0
	case b < 0xC0:
		return max(due-1, 0)
	case b < 0xE0:
		return 1
	case b < 0xF0:
		return 2
	case b < 0xF8:
		return 3
	}
	return 0 // never in valid UTF-8
}

// layOut fills a.class and a.delta from the full transition table next
// (n classes, class the trie's class map): split rows (see automaton) when
// valid, rows over every class otherwise. It reports false, a.delta not
// set, once stop is closed.
func (a *automaton) layOut(next []int32, n int, class *[256]uint8, due []int8, outs [][]int32, valid bool, stop <-chan struct{}) bool {
	states := len(due)
	// kinds of rows: 0 at character boundaries, 1 inside characters (when
	// split); reps[k][c] is a byte of the class c of rows of kind k
	var reps [2][]byte
	// rootAfter[b]: the root to fall to after byte b read at a boundary, as
	// the number of continuation bytes due (inside a character, one fewer
	// than before)
	var rootAfter [256]int8
	if !valid {
		a.class = *class
		reps[0] = make([]byte, n)
		for b := 0; b < 256; b++ {
			reps[0][class[b]] = byte(b)
		}
		for s := range due {
			due[s] = 0
		}
	} else {
		// a class of the new map per byte value the patterns use, as
		// before, but the unused bytes split: in one class inside
		// characters, by the continuation bytes they announce at
		// boundaries (the root to fall to)
		unused := [2][4]int{{-1, -1, -1, -1}, {-1, -1, -1, -1}}
		for b := 0; b < 256; b++ {
			k, d := 0, dueAfter(0, byte(b))
			if b >= 0x80 && b < 0xC0 {
				k, d = 1, 0
			}
			rootAfter[b] = d
			c := len(reps[k])
			if class[b] == 0 { // unused (class 0 is a used byte only when all 256 are)
				if unused[k][d] >= 0 {
					a.class[b] = uint8(unused[k][d])
					continue
				}
				unused[k][d] = c
			}
			reps[k] = append(reps[k], byte(b))
			a.class[b] = uint8(c)
		}
	}
	width := [2]int{len(reps[0]), len(reps[1])}

	// rows: the roots first (the boundary one at 0), then the other states
	// in trie order, those where patterns end last, each of these preceded
	// by its number
	nroots := 1
	if valid {
		nroots = 4
	}
	off := make([]uint32, states)     // by state: its row (roots apart)
	rootOff := make([]uint32, nroots) // by continuation bytes due
	at := 0
	for d := range rootOff {
		rootOff[d] = uint32(at)
		at += width[min(d, 1)]
	}
	for _, ends := range []bool{false, true} {
		if ends {
			a.outBase = at + 1
		}
		for s := 1; s < states; s++ {
			if (len(outs[s]) > 0) != ends {
				continue
			}
			if ends {
				at++
			}
			off[s] = uint32(at)
			at += width[min(int(due[s]), 1)]
		}
	}
	delta := make([]uint32, at+max(width[0], width[1]))
	fill := func(o int, row []uint32, kind int, due int8) {
		for c, b := range reps[kind] {
			t := next[o*n+int(class[b])]
			var v uint32
			switch {
			case t != 0:
				v = off[t]
			case kind == 0:
				v = rootOff[rootAfter[b]]
			default:
				v = rootOff[due-1]
			}
			row[c] = v
		}
	}
	for d, r := range rootOff {
		k := min(d, 1)
		fill(0, delta[r:int(r)+width[k]], k, int8(d))
	}
	for s := 1; s < states; s++ {
		if stopAt(s, stop) {
			return false
		}
		r := int(off[s])
		if len(outs[s]) > 0 {
			delta[r-1] = uint32(s)
		}
		k := min(int(due[s]), 1)
		fill(s, delta[r:r+width[k]], k, due[s])
	}
	a.delta = delta
	return true
}

// buildAutomatonOf compiles the patterns keys[id] for the ids given (in
// increasing order), reporting each as id: hits gives the same rawHits
// the automaton of all keys gives for them, and none for the others. It
// returns nil once stop is closed.
func buildAutomatonOf(keys []string, ids []int32, stop <-chan struct{}) *automaton {
	if len(ids) == 0 {
		return &automaton{} // finds nothing, without reading the text
	}
	sub := make([]string, len(ids))
	for i, id := range ids {
		sub[i] = keys[id]
	}
	a := buildAutomaton(sub, stop)
	if a == nil {
		return nil
	}
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
// With the character automaton, charHits scans; what follows is the
// scan of the byte automaton.
//
// The loop is a chain of dependent loads, each waiting for the one before
// it (L1 hits, mostly: the hot rows are few): its length per byte is what
// the scan costs. The state is the loaded entry itself, zero-extended for
// free by the 32-bit load: no mask, no sign extension before the next
// address, only the add of the byte's class; whether patterns end in the
// state is a compare beside the chain (their rows are the last ones).
//
// text must be valid UTF-8 for the hits to be right; on invalid UTF-8 the
// scan still reads within delta: every entry is a row's offset, a state's
// number (smaller than the number of rows) or 0, and delta ends in a row
// of the widest width, so s+class stays inside it; at or past outBase, s-1
// is in delta, and what it holds is checked before it indexes outStart.
func (a *automaton) hits(text string, dst []rawHit) []rawHit {
	if a.chars != nil {
		return a.charHits(text, dst)
	}
	if len(a.patLen) == 0 {
		return dst
	}
	delta, class, outBase := a.delta, &a.class, a.outBase
	s := 0
	for i := 0; i < len(text); i++ {
		s = int(delta[s+int(class[text[i]])])
		if s >= outBase {
			st := int(delta[s-1])
			if st >= len(a.outStart)-1 {
				continue // invalid UTF-8 only
			}
			end := int32(i + 1)
			for _, p := range a.out[a.outStart[st]:a.outStart[st+1]] {
				if end < a.patLen[p] {
					continue // invalid UTF-8 only: no span outside the text
				}
				dst = append(dst, rawHit{p, end - a.patLen[p], end})
			}
		}
	}
	return dst
}
