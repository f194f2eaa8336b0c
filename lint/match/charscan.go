package match

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// charTable is the automaton of patterns that are all valid UTF-8 (and
// not too many: buildCharAutomaton), as a DFA over characters rather than
// bytes: a CJK character is one dependent step of the scan instead of
// three.
//
// A character's class comes from its bytes through small tables, without
// waiting for the state: class 0 for every character no pattern has, and a
// class for each character patterns have, in code point order (so in the
// order of the sorted patterns' bytes). Every state is a state of the trie
// of the patterns over characters, at a character boundary; a character no
// pattern has sends every state to the root (no prefix of a pattern can
// end in it, since it is in no pattern).
//
// The transitions are stored sparsely, in one array (a double array): a
// state is the offset (its base) of its row in cells, and cells[base+class]
// holds the next state's base, negated (transCell), in its upper 32 bits
// when its lower 32 bits hold class; otherwise (the cell is another row's,
// or free) the next state is the root's, in the root's row, which is dense
// and comes first: cells[class]. A state's row holds the classes on which
// its transition is not the root's: its children's, and through its
// failure link those of the states whose strings are suffixes of its own.
// Rows are interleaved so that no two share a cell; the cell at a state's
// base (class 0, whose transition is always the root's) is its own too and
// holds the state's number, for its patterns. States where patterns end
// have the bases from outBase on.
//
// The step is one load, and the choice between it and the root's cell a
// conditional move, not a branch (which would mispredict on every match
// begun or broken off: stepAt); the class and the root's cell do not
// depend on the state, so they are ready before the load returns.
type charTable struct {
	cells   []uint64
	outBase uint32

	// the classes of characters, by their bytes; in ascii and three, plus
	// stopClass for the characters plainRun may stop at. Both lie just
	// before cells, in the same array (ascii classBytes before cells[0],
	// three threeBytes before it), so that runPlain and runCopy read
	// classes and cells from one base.
	ascii *[128]uint16
	three *[1 << 16]uint16 // 3-byte characters, by threeKey
	// 2- and 4-byte characters, rare in Chinese text, through blocks of 64
	// classes indexed by the low 6 bits of the last byte (block 0: all
	// class 0)
	lead2  [32]uint16  // b0&0x1F → block
	lead4  [512]uint16 // (b0&0x07)<<6 | b1&0x3F → mid
	mid4   []uint16    // mid<<6 | b2&0x3F → block (mid 0: all block 0)
	blocks []uint16    // block<<6 | last&0x3F → class
}

// classBytes and threeBytes are how far before cells[0] ascii and three
// start.
const (
	threeBytes = 2 << 16
	classBytes = 2*128 + threeBytes
)

// newClassTables points c.ascii and c.three into the start of tab, of at
// least classBytes/8 cells.
func (c *charTable) newClassTables(tab []uint64) {
	c.ascii = (*[128]uint16)(unsafe.Pointer(&tab[0]))
	c.three = (*[1 << 16]uint16)(unsafe.Pointer(&tab[(classBytes-threeBytes)/8]))
}

// asciiAt and threeAt are c.ascii[b] and c.three[k] read from t, the
// address of c.cells[0].
func asciiAt(t unsafe.Pointer, b byte) uint64 {
	return uint64(*(*uint16)(unsafe.Add(t, int(b)*2-classBytes)))
}

func threeAt(t unsafe.Pointer, k uint32) uint64 {
	return uint64(*(*uint16)(unsafe.Add(t, int(k)*2-threeBytes)))
}

// threeKey is where c.three keeps the class of the three-byte character
// whose bytes are the lower three of v (the first lowest: load4): the low
// 4 bits of its lead byte and the low 6 bits of each continuation byte,
// gathered by one multiplication into 16 bits, a different number for
// each of the 65,536 characters (TestThreeKeyBijective). It takes four
// instructions where the code point takes ten.
func threeKey(v uint32) uint32 {
	return ((v & 0x3F3F0F) * 0x1004400) >> 16
}

// threeMarks are the bits a three-byte character's lead byte and
// continuation bytes have set of threeMarkBits, the bits that mark them
// as such: v^threeMarks has none of threeMarkBits set when the lower three
// bytes of v are a three-byte character (as load4 loads it).
const (
	threeMarks    = 0x8080E0
	threeMarkBits = 0xC0C0F0
)

// threeKeyMarked is threeKey(v) from x = v^threeMarks when x has none of
// threeMarkBits set, in two instructions instead of four: the lower three
// bytes of x are then those of v&0x3F3F0F, and its upper byte (the byte
// after the character, which threeKey masks off) moves out of the 32 bits
// of the product (TestThreeKeyMarked).
func threeKeyMarked(x uint32) uint32 {
	return x * 0x1004400 >> 16
}

// threeKeyWord is threeKey(v)>>6, the word of a bitmap by threeKey
// (fold3Keys, behindKeys), from its own product, which the rare paths of
// runPlain and runCopy work out where they need it: from threeKey's, the
// compiler keeps that product in a register, or on the stack, for every
// character (TestThreeKeyWord).
func threeKeyWord(v uint32) uint32 {
	return (v & 0x3F3F0F) * (0x1004400 >> 6) >> 16 & 0x3FF
}

// threeKeyOf is threeKey of the character r (U+0800–U+FFFF).
func threeKeyOf(r rune) uint32 {
	return threeKey(0xE0 | uint32(r>>12)&0x0F | (0x80|uint32(r>>6)&0x3F)<<8 | (0x80|uint32(r)&0x3F)<<16)
}

// fold3Keys is fold3Bits by threeKey instead of by code point, for
// runPlain and runCopy.
var fold3Keys = func() (keys [1 << 10]uint64) {
	for w, set := range fold3Bits {
		for ; set != 0; set &= set - 1 {
			k := threeKeyOf(rune(w<<6 | bits.TrailingZeros64(set)))
			keys[k>>6] |= 1 << (k & 63)
		}
	}
	return keys
}()

// scan3Keys is scan3Bits by threeKey instead of by code point: the
// entries of a charTable's three that get stopClass (buildCharTable,
// which would otherwise work out the key of each of its 7,000 characters
// for every automaton built). scan3Bits is fold3Bits and the phrase
// starts, or their second characters (behindStarts).
var scan3Keys = func() (keys [1 << 10]uint64) {
	keys = fold3Keys
	for w, set := range scan3Bits {
		for ; set != 0; set &= set - 1 {
			k := threeKeyOf(rune(w<<6 | bits.TrailingZeros64(set)))
			keys[k>>6] |= 1 << (k & 63)
		}
	}
	return keys
}()

// t2sKeyPairs holds t2sPairs by threeKey: the first two characters of
// every phrase conversion as threeKey(first)<<16 | threeKey(second)
// (both of three bytes: TestPhraseSecondsThreeBytes; no pair is 0), in an
// open-addressing hash table, so that runPlain and runCopy look a pair up
// from the bytes they loaded, without decoding either character.
var t2sKeyPairs = func() (tab [t2sPairSlots]uint32) {
	for _, p := range t2sPhrases {
		r0, n := utf8.DecodeRuneInString(p.from)
		r1, _ := utf8.DecodeRuneInString(p.from[n:])
		k := threeKeyOf(r0)<<16 | threeKeyOf(r1)
		i := t2sKeyPairHash(k)
		for tab[i] != 0 && tab[i] != k {
			i = (i + 1) & (t2sPairSlots - 1)
		}
		tab[i] = k
	}
	return tab
}()

// t2sKeyPairHash is the first slot of pair k in t2sKeyPairs.
func t2sKeyPairHash(k uint32) uint32 { return (k * 0x9E3779B1) >> (32 - 11) }

// t2sKeyPair reports whether some phrase conversion starts with the pair
// of characters k (threeKey(first)<<16 | threeKey(second)).
func t2sKeyPair(k uint32) bool {
	for i := t2sKeyPairHash(k); ; i = (i + 1) & (t2sPairSlots - 1) {
		switch t2sKeyPairs[i] {
		case k:
			return true
		case 0:
			return false
		}
	}
}

// tail4 is load4 at i for the last three bytes of s or fewer (i <
// len(s) < i+4): the bytes from i to the end of s, the missing ones 0.
func tail4(s string, i int) uint32 {
	v := uint32(s[i])
	if i+1 < len(s) {
		v |= uint32(s[i+1]) << 8
		if i+2 < len(s) {
			v |= uint32(s[i+2]) << 16
		}
	}
	return v
}

// spaceNoGap is true for a space at i, in the text at p, that
// spaceMayClose tells false from the bytes next to it alone: a printable
// ASCII byte before it, or one after it (the second lowest byte of v, the
// four bytes from i, 0 past the end: tail4) that is no separator. Small
// enough to inline, so that runPlain and runCopy make no call for the
// spaces between words and numbers (TestSpaceNoGap).
func spaceNoGap(p unsafe.Pointer, i int, v uint32) bool {
	next := byte(v >> 8)
	return i > 0 && *(*byte)(unsafe.Add(p, i-1))-0x20 < 0x5F || next-0x20 < 0x5F && !mayBeSep(next)
}

// mayDropAfter reports whether the character after a phrase start, whose
// bytes v1 holds (next3: 0 when fewer than three bytes are left, too few
// for a phrase's next character after anything), may be dropped
// (mayDrop; byteMayDrop when it is not of three bytes). runPlain and
// runCopy stop at the start then, and plainChar decides whether its
// phrase is read across what lies between (pairAcross). Small enough to
// inline, with no call: a call in their loops has them keep their state
// in memory.
func mayDropAfter(v1 uint32) bool {
	if v1&0xC0C0F0 == 0x8080E0 {
		return drop3Keys[threeKeyWord(v1)]&(1<<(threeKey(v1)&63)) != 0
	}
	return v1 != 0 && byteMayDrop[byte(v1)]
}

// mayDropBefore reports whether the character before s[i] (at p; i >= 4)
// may be dropped (mayDrop; byteMayDrop of its last byte when it is not of
// three bytes): runPlain and runCopy, at the second character of a phrase
// whose start is checked behind (behindStarts), start again the slow way
// then, as the phrase may be read across what lies between (有😀著,
// 回\u200b覆): before one message in a thousand of the JDDC sample (a
// space before 目 or 免). Small enough to inline, as mayDropAfter.
func mayDropBefore(p unsafe.Pointer, i int) bool {
	v := load4(p, i-3)
	if v&0xC0C0F0 == 0x8080E0 {
		return drop3Keys[threeKeyWord(v)]&(1<<(threeKey(v)&63)) != 0
	}
	return byteMayDrop[byte(v>>16)]
}

// byteMayDrop tells, by its first or last byte, whether a character not
// of three bytes may be dropped (mayDrop): for ASCII, the controls but
// the tab and line breaks, the space and the separators; any character of
// two or four bytes may be (C1 controls, combining marks, the no-break
// space, emoji …).
var byteMayDrop = func() (t [256]bool) {
	for b := range t {
		t[b] = b >= utf8.RuneSelf || mayDrop(rune(b))
	}
	return t
}()

// drop3Keys is dropBits (mayDrop) for the characters of three bytes, by
// threeKey.
var drop3Keys = func() (keys [1 << 10]uint64) {
	for w := 0x800 >> 6; w < len(dropBits); w++ {
		if w >= 0xD800>>6 && w < 0xE000>>6 {
			continue
		}
		for set := dropBits[w]; set != 0; set &= set - 1 {
			k := threeKeyOf(rune(w<<6 | bits.TrailingZeros64(set)))
			keys[k>>6] |= 1 << (k & 63)
		}
	}
	return keys
}()

// next3 is load4 at j (up to the end of s, the missing bytes 0; 0 when
// fewer than three bytes are left): the bytes of the character after a
// phrase start at j-3, for t2sKeyPair.
func next3(s string, p unsafe.Pointer, j int) uint32 {
	if j+4 <= len(s) {
		return load4(p, j)
	}
	if j+3 == len(s) {
		return uint32(s[j]) | uint32(s[j+1])<<8 | uint32(s[j+2])<<16
	}
	return 0
}

// endNotes are the places where patterns end that runPlain and runCopy
// noted before they returned: n of them, each a state (its base,
// negated: stepAt) and an end. The count lives here rather than in a
// register of their loops, where it is seldom used, and the state is
// stored as the loops hold it (not shifted or negated back, which would
// take a copy of the loop's state).
type endNotes struct {
	n   int
	st  [charEnds]uint32
	end [charEnds]int32
}

// note notes that patterns end in state -st at end, and reports whether
// the notes are now full.
func (e *endNotes) note(st uint32, end int) bool {
	n := e.n & (charEnds - 1)
	e.st[n], e.end[n] = st, int32(end)
	e.n++
	return e.n == charEnds
}

// hits appends the hits of the places noted (small enough to inline:
// most runPlain and runCopy calls note none).
func (e *endNotes) hits(a *automaton, dst []rawHit) []rawHit {
	if e.n == 0 {
		return dst
	}
	return e.noted(a, dst)
}

// noted is hits for notes there are: charOut's for each, with the
// automaton's tables read without bounds checks (a noted state is a
// state of cells, outStart holds one more entry than there are states,
// and out and patLen one for every pattern's number).
func (e *endNotes) noted(a *automaton, dst []rawHit) []rawHit {
	cells := unsafe.Pointer(unsafe.SliceData(a.chars.cells))
	outStart := unsafe.Pointer(unsafe.SliceData(a.outStart))
	for k := range e.n {
		k &= charEnds - 1 // (k < e.n <= charEnds)
		end := e.end[k]
		st := uintptr(*(*uint64)(unsafe.Add(cells, uintptr(-e.st[k])*8)) >> 32)
		from := *(*int32)(unsafe.Add(outStart, st*4))
		to := *(*int32)(unsafe.Add(outStart, st*4+4))
		for q := from; q < to; q++ {
			p := *(*int32)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(a.out)), uintptr(q)*4))
			l := *(*int32)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(a.patLen)), uintptr(p)*4))
			if end < l {
				continue // never: a state's string is in the text
			}
			dst = append(dst, rawHit{p, end - l, end})
		}
	}
	return dst
}

// load4 is the four bytes at p+i, the first lowest (one load where the
// platform is little-endian). The loops of run, runPlain and runCopy
// write its body out instead of calling it: a call leaves its inline
// mark there, a NOP for every character, when no instruction of the
// caller's line follows it (as threeKey's, and binary's PutUint32 in
// runCopy, did: round 16, 3.5 M of c10.jsonl's 528 M instructions).
func load4(p unsafe.Pointer, i int) uint32 {
	return binary.LittleEndian.Uint32((*[4]byte)(unsafe.Add(p, i))[:])
}

// freeCell is a cell no row has (and the lower half of a state's own
// cell): a class never matches it.
const freeCell = 0x7FFFFFFF

// maxCharClasses is the number of classes the tables hold: patterns of
// more distinct characters get the byte automaton.
const maxCharClasses = stopClass

// stopClass is added to the class of a character in ascii and three when
// runPlain may stop at it (specialBits, scan3Bits): runPlain's test of a
// character is then the class it loads anyway. The other readers take it
// off.
const stopClass = 1 << 15

// maxCharBlocks is the number of blocks of 64 classes of 2- and 4-byte
// characters the tables can index.
const maxCharBlocks = 1 << 16

// classOf returns the class of the character the text (not empty) starts
// with and its length: a character is a lead byte followed by the
// continuation bytes it announces; a byte that does not start one is
// class 0 alone.
func (c *charTable) classOf(text string) (uint32, int) {
	b := text[0]
	switch {
	case b < 0x80:
		return uint32(c.ascii[b]) &^ stopClass, 1
	case b < 0xC0:
		return 0, 1
	case b < 0xE0:
		if len(text) < 2 || text[1]&0xC0 != 0x80 {
			return 0, 1
		}
		return uint32(c.blocks[uint32(c.lead2[b&0x1F])<<6|uint32(text[1]&0x3F)]), 2
	case b < 0xF0:
		if len(text) < 3 || text[1]&0xC0 != 0x80 || text[2]&0xC0 != 0x80 {
			return 0, 1
		}
		return uint32(c.three[threeKey(uint32(b)|uint32(text[1])<<8|uint32(text[2])<<16)]) &^ stopClass, 3
	case b < 0xF8:
		if len(text) < 4 || text[1]&0xC0 != 0x80 || text[2]&0xC0 != 0x80 || text[3]&0xC0 != 0x80 {
			return 0, 1
		}
		m := uint32(c.mid4[uint32(c.lead4[uint32(b&0x07)<<6|uint32(text[1]&0x3F)])<<6|uint32(text[2]&0x3F)])
		return uint32(c.blocks[m<<6|uint32(text[3]&0x3F)]), 4
	}
	return 0, 1
}

// slot returns where the class of character r is kept, making room for it
// (blocks, mids), or nil when there is no more room.
func (c *charTable) slot(r rune) *uint16 {
	var buf [4]byte
	n := utf8.EncodeRune(buf[:], r)
	b := buf[:n]
	var blk *uint16
	switch n {
	case 1:
		return &c.ascii[b[0]]
	case 2:
		blk = &c.lead2[b[0]&0x1F]
	case 3:
		return &c.three[threeKeyOf(r)]
	default:
		mid := &c.lead4[uint32(b[0]&0x07)<<6|uint32(b[1]&0x3F)]
		if *mid == 0 {
			*mid = uint16(len(c.mid4) >> 6)
			c.mid4 = append(c.mid4, make([]uint16, 64)...)
		}
		blk = &c.mid4[uint32(*mid)<<6|uint32(b[2]&0x3F)]
	}
	if *blk == 0 {
		if len(c.blocks)>>6 == maxCharBlocks {
			return nil
		}
		*blk = uint16(len(c.blocks) >> 6)
		c.blocks = append(c.blocks, make([]uint16, 64)...)
	}
	return &c.blocks[uint32(*blk)<<6|uint32(b[n-1]&0x3F)]
}

// buildCharAutomaton compiles the patterns (non-empty) into an automaton
// over characters, or returns nil when they are not all valid UTF-8, or
// when its rows would be too long (fewCharCells, buildCharTable), or once
// stop is closed (stopAt).
func buildCharAutomaton(patterns []string, stop <-chan struct{}) *automaton {
	if len(patterns) == 0 {
		return nil
	}
	for _, p := range patterns {
		if !utf8.ValidString(p) {
			return nil
		}
	}
	if !fewCharCells(patterns, stop) {
		return nil
	}
	a := &automaton{patLen: make([]int32, len(patterns))}
	for id, p := range patterns {
		a.patLen[id] = int32(len(p))
		a.maxLen = max(a.maxLen, len(p))
	}
	if !buildCharTable(a, patterns, stop) {
		return nil
	}
	return a
}

// buildCharTable builds the character automaton of the patterns (valid
// UTF-8, non-empty) into a: a.chars, a.outStart and a.out. It reports
// false when the patterns have too many distinct characters, or the rows
// too many transitions (maxCharCells), or they do not fit together
// quickly enough: the byte automaton is then built instead. It reports
// false too once stop is closed.
func buildCharTable(a *automaton, patterns []string, stop <-chan struct{}) bool {
	c := &charTable{mid4: make([]uint16, 64), blocks: make([]uint16, 64)}
	c.newClassTables(make([]uint64, classBytes/8))
	// classes: mark the characters, then number them in code point order
	// (the order of the tables)
	// (the characters of three bytes are also marked in a bitmap, so that
	// numbering them looks at the few marked rather than at all 65,536)
	var marked3 [0x10000 / 64]uint64
	for _, p := range patterns {
		for _, r := range p {
			s := c.slot(r)
			if s == nil {
				return false
			}
			*s = 1
			if r >= 0x800 && r < 0x10000 {
				marked3[r>>6] |= 1 << (uint(r) & 63)
			}
		}
	}
	nclass := 1
	number := func(t []uint16) bool {
		for i, v := range t {
			if v != 0 {
				if nclass == maxCharClasses {
					return false
				}
				t[i] = uint16(nclass)
				nclass++
			}
		}
		return true
	}
	if !number(c.ascii[:]) {
		return false
	}
	for _, blk := range c.lead2 {
		if blk != 0 && !number(c.blocks[uint32(blk)<<6:][:64]) {
			return false
		}
	}
	for w, set := range marked3 {
		for ; set != 0; set &= set - 1 {
			if nclass == maxCharClasses {
				return false
			}
			c.three[threeKeyOf(rune(w<<6|bits.TrailingZeros64(set)))] = uint16(nclass)
			nclass++
		}
	}
	for _, mid := range c.lead4 {
		if mid == 0 {
			continue
		}
		for _, blk := range c.mid4[uint32(mid)<<6:][:64] {
			if blk != 0 && !number(c.blocks[uint32(blk)<<6:][:64]) {
				return false
			}
		}
	}

	// the trie, from the patterns in sorted order (byte order is code
	// point order, so is class order): each node's children are made in
	// increasing class, linked first to last
	order := make([]int32, len(patterns))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(patterns[x], patterns[y]) })
	var (
		label   = []uint16{0} // by state: the class of its edge
		first   = []int32{0}  // by state: its first child, 0 for none
		last    = []int32{0}  // by state: its last child
		sibling = []int32{0}  // by state: the next child of its parent
		outs    = [][]int32{nil}
		path    []int32 // the states of the previous pattern, by character
		prev    string
	)
	for i, id := range order {
		if stopAt(i, stop) {
			return false
		}
		p := patterns[id]
		shared := 0
		for shared < len(p) && shared < len(prev) && p[shared] == prev[shared] {
			shared++
		}
		// whole characters shared: path[k] stays the state after k of them
		depth, at := 0, 0
		for at < len(p) {
			_, n := utf8.DecodeRuneInString(p[at:])
			if at+n > shared {
				break
			}
			at += n
			depth++
		}
		path = path[:depth]
		s := int32(0)
		if depth > 0 {
			s = path[depth-1]
		}
		for _, r := range p[at:] {
			t := int32(len(label))
			label = append(label, *c.slot(r))
			first = append(first, 0)
			last = append(last, 0)
			sibling = append(sibling, 0)
			outs = append(outs, nil)
			if first[s] == 0 {
				first[s] = t
			} else {
				sibling[last[s]] = t
			}
			last[s] = t
			path = append(path, t)
			s = t
		}
		outs[s] = append(outs[s], id)
		prev = p
	}
	states := len(label)
	maxCells := maxCharCells(states)

	// breadth-first: failure links, merged outputs, and each state's row,
	// in rowCls/rowTo[rowAt[s]:rowAt[s]+rowLen[s]], by increasing class:
	// its children merged with its failure's row
	rootTo := make([]int32, nclass) // the root's transitions, by class
	for t := first[0]; t != 0; t = sibling[t] {
		rootTo[label[t]] = t
	}
	fail := make([]int32, states)
	rowAt := make([]int32, states)
	rowLen := make([]int32, states)
	var rowCls []uint16
	var rowTo []int32
	queue := make([]int32, 0, states)
	for t := first[0]; t != 0; t = sibling[t] {
		queue = append(queue, t)
	}
	for k := 0; k < len(queue); k++ {
		if stopAt(k, stop) {
			return false
		}
		s := queue[k]
		f := fail[s]
		if len(outs[f]) > 0 {
			outs[s] = append(outs[s], outs[f]...)
		}
		fr := rowAt[f]
		frEnd := fr + rowLen[f]
		rowAt[s] = int32(len(rowCls))
		t := first[s]
		for t != 0 || fr < frEnd {
			if t != 0 && (fr == frEnd || label[t] <= rowCls[fr]) {
				cl := label[t]
				if fr < frEnd && rowCls[fr] == cl {
					fail[t] = rowTo[fr]
					fr++
				} else {
					fail[t] = rootTo[cl]
				}
				rowCls = append(rowCls, cl)
				rowTo = append(rowTo, t)
				queue = append(queue, t)
				t = sibling[t]
			} else {
				rowCls = append(rowCls, rowCls[fr])
				rowTo = append(rowTo, rowTo[fr])
				fr++
			}
		}
		rowLen[s] = int32(len(rowCls)) - rowAt[s]
		if len(rowCls) > maxCells {
			return false
		}
	}

	// place the rows: first fit, the root at 0, states where patterns end
	// after the others
	base := make([]uint32, states)
	// first fit is quadratic when rows are long and many: past a budget
	// of candidate bases tried, the byte automaton is built instead
	// (placeBudget)
	pl := cellPlacer{budget: placeBudget(len(rowCls), states)}
	for cl := range nclass {
		pl.use(uint32(cl)) // the root's row
	}
	pl.firstFree = uint32(nclass)
	place := func(s int32, from uint32) (uint32, bool) {
		b, ok := pl.place(rowCls[rowAt[s]:rowAt[s]+rowLen[s]], from)
		base[s] = b
		return b, ok
	}
	var maxBase uint32
	for i, s := range queue {
		if stopAt(i, stop) {
			return false
		}
		if len(outs[s]) == 0 {
			b, ok := place(s, uint32(nclass))
			if !ok {
				return false
			}
			maxBase = max(maxBase, b)
		}
	}
	c.outBase = max(maxBase+1, uint32(nclass))
	for i, s := range queue {
		if stopAt(i, stop) {
			return false
		}
		if len(outs[s]) > 0 {
			b, ok := place(s, c.outBase)
			if !ok {
				return false
			}
			maxBase = max(maxBase, b)
		}
	}
	if maxBase >= 1<<31-uint32(nclass) {
		// stepAt's states are negated 32-bit numbers (never so many
		// cells: the placer's budget runs out first)
		return false
	}

	tab := make([]uint64, classBytes/8+int(maxBase)+nclass)
	copy(tab, unsafe.Slice((*uint64)(unsafe.Pointer(c.ascii)), classBytes/8))
	c.newClassTables(tab)
	cells := tab[classBytes/8:]
	for i := range cells {
		cells[i] = freeCell
	}
	for _, s := range queue {
		b := base[s]
		cells[b] = uint64(s)<<32 | freeCell
		for i := rowAt[s]; i < rowAt[s]+rowLen[s]; i++ {
			cells[b+uint32(rowCls[i])] = transCell(base[rowTo[i]], uint32(rowCls[i]))
		}
	}
	for cl, t := range rootTo {
		cells[cl] = transCell(base[t], uint32(cl))
	}
	c.cells = cells

	a.outStart = make([]int32, states+1)
	a.out = a.out[:0]
	for s, o := range outs {
		slices.Sort(o)
		a.out = append(a.out, o...)
		a.outStart[s+1] = int32(len(a.out))
	}
	// the characters plainRun may stop at, for runPlain
	for b := range c.ascii {
		if specialBits[b>>6]&(1<<(b&63)) != 0 {
			c.ascii[b] |= stopClass
		}
	}
	for w, set := range scan3Keys {
		for ; set != 0; set &= set - 1 {
			c.three[w<<6|bits.TrailingZeros64(set)] |= stopClass
		}
	}
	a.chars = c
	return true
}

// cellPlacer places the rows of an automaton's states in its cells, first
// fit: a row goes at the lowest free base (from some base on) where the
// cells of its classes are all free.
type cellPlacer struct {
	used      []uint64 // bit i: cell i holds a base or a transition
	full      []uint64 // bit w: every cell of used[w] is used
	firstFree uint32   // no free cell before it
	budget    int      // candidate bases that may yet be tried
}

// isUsed reports whether cell i is used.
func (p *cellPlacer) isUsed(i uint32) bool {
	return int(i>>6) < len(p.used) && p.used[i>>6]&(1<<(i&63)) != 0
}

// use marks cell i used.
func (p *cellPlacer) use(i uint32) {
	for int(i>>6) >= len(p.used) {
		p.used = append(p.used, 0)
	}
	w := i >> 6
	if p.used[w] |= 1 << (i & 63); p.used[w] == ^uint64(0) {
		for int(w>>6) >= len(p.full) {
			p.full = append(p.full, 0)
		}
		p.full[w>>6] |= 1 << (w & 63)
	}
}

// nextNotFull returns the first word of used from w on with a free cell,
// or len(used) when there is none.
func (p *cellPlacer) nextNotFull(w int) int {
	for k := w >> 6; k < len(p.full); k++ {
		notFull := ^p.full[k]
		if k == w>>6 {
			notFull &= ^uint64(0) << (uint(w) & 63)
		}
		if notFull != 0 {
			return min(k<<6+bits.TrailingZeros64(notFull), len(p.used))
		}
	}
	// (no word past those full has been full)
	return min(max(w, len(p.full)<<6), len(p.used))
}

// usedFrom returns the used bits of the 64 cells from i on (bit k: cell i+k).
func (p *cellPlacer) usedFrom(i uint32) uint64 {
	w, sh := int(i>>6), i&63
	var bits uint64
	if w < len(p.used) {
		bits = p.used[w] >> sh
	}
	if sh != 0 && w+1 < len(p.used) {
		bits |= p.used[w+1] << (64 - sh)
	}
	return bits
}

// place finds the lowest free base b from from on (and from the first free
// cell) whose cells b+cl, for each class cl of row, are free too, marks
// them and b used and returns b; false when more candidate bases (free
// cells) would have to be tried than the budget has left. It tries 64
// candidates at a time: a row's cells rule out most of them with a word
// each, where a candidate at a time cost most of start-up's automaton
// building (TestCellPlacerFirstFit holds it to that).
func (p *cellPlacer) place(row []uint16, from uint32) (uint32, bool) {
	for p.isUsed(p.firstFree) {
		p.firstFree++
	}
	b := max(from, p.firstFree)
	for {
		// most windows lie in the stretch of used cells rows are placed
		// past: no candidate to try or count (a window in two full words
		// has none: pass to the one that reaches the next word with a free
		// cell, found in full 64 words at a time)
		if w := int(b >> 6); w+1 < len(p.used) && p.used[w]&p.used[w+1] == ^uint64(0) {
			b += uint32(p.nextNotFull(w+2)-1-w) << 6
		}
		free := ^p.usedFrom(b) // the candidate bases
		if free == 0 {
			b += 64
			continue
		}
		fit := free
		for _, cl := range row {
			if fit == 0 {
				break
			}
			fit &^= p.usedFrom(b + uint32(cl))
		}
		if fit != 0 {
			k := bits.TrailingZeros64(fit)
			if p.budget -= bits.OnesCount64(free & (2<<k - 1)); p.budget < 0 {
				return 0, false
			}
			b += uint32(k)
			break
		}
		if p.budget -= bits.OnesCount64(free); p.budget < 0 {
			return 0, false
		}
		b += 64
	}
	p.use(b)
	for _, cl := range row {
		p.use(b + uint32(cl))
	}
	return b, true
}

// charHits is hits with the character automaton.
//
// On valid UTF-8 it finds what the byte automaton finds, in the same
// order. On other text it reads within the text and cells (every s+class
// is: cells end with as many cells as there are classes past the last
// base), and its hits are spans of the text: a step reads as many bytes
// as the character of the class it goes on has (class 0, the root,
// otherwise), so a state's string is never longer than what was read.
func (a *automaton) charHits(text string, dst []rawHit) []rawHit {
	c := a.chars
	var ends [charEnds]uint64
	s := uint32(0)
	for i := 0; i < len(text); {
		j, t, k := c.run(text, i, s, &ends)
		dst = a.noteEnds(dst, ends[:k], 0)
		if j == i { // a character run leaves to classOf
			i, s, dst = a.charStep(text, i, s, dst)
			continue
		}
		i, s = j, t
	}
	return dst
}

// noteEnds appends the hits of the places where patterns end that run
// noted, their offsets moved by shift.
func (a *automaton) noteEnds(dst []rawHit, ends []uint64, shift int32) []rawHit {
	for _, e := range ends {
		dst = a.charOut(dst, uint32(e>>32), int32(uint32(e))+shift)
	}
	return dst
}

// charStep steps the character automaton from state s over the character
// text[i:] starts with (classOf), appending the hits of the patterns that
// end there, and returns where the character ends and the state after it.
func (a *automaton) charStep(text string, i int, s uint32, dst []rawHit) (int, uint32, []rawHit) {
	c := a.chars
	cl, n := c.classOf(text[i:])
	i += n
	if s = c.step(s, cl); s >= c.outBase {
		dst = a.charOut(dst, s, int32(i))
	}
	return i, s, dst
}

// charOut appends the hits of the patterns that end in state s (its base)
// at end.
func (a *automaton) charOut(dst []rawHit, s uint32, end int32) []rawHit {
	st := uint32(a.chars.cells[s] >> 32)
	for _, p := range a.out[a.outStart[st]:a.outStart[st+1]] {
		if end < a.patLen[p] {
			continue // never: a state's string is in the text
		}
		dst = append(dst, rawHit{p, end - a.patLen[p], end})
	}
	return dst
}

// charEnds is the number of places where patterns end that run notes
// before it returns.
const charEnds = 8

// run scans text from i in state s, noting in ends[:k] each place where
// patterns end (the state's base<<32 | the end), and returns where it
// stops, with the state there: at the end of the text, when ends is full,
// or before a character that is neither ASCII nor led by a 3-byte lead
// byte, for classOf (so at i itself only then). It makes no call, so that
// the state stays in a register.
//
// A 3-byte lead byte takes the next two bytes without looking at them:
// on valid UTF-8 they are continuation bytes; on other text the class is
// then some 3-byte character's, or 0, which is all charHits needs.
func (c *charTable) run(text string, i int, s uint32, ends *[charEnds]uint64) (int, uint32, int) {
	// cells and class tables read without bounds checks, as runPlain
	// reads them (s+cl is within cells on any text: charHits)
	cells, outBase := unsafe.Pointer(unsafe.SliceData(c.cells)), -int64(c.outBase)
	p := unsafe.Pointer(unsafe.StringData(text))
	k := 0
	st := -uint64(s) // negated, as stepAt takes it
	for i < len(text) {
		var cl uint64
		if b := text[i]; b < 0x80 {
			cl = asciiAt(cells, b) &^ stopClass
			i++
		} else if b&0xF0 == 0xE0 && uint(i+2) < uint(len(text)) {
			var v uint32
			if i+4 <= len(text) {
				v = binary.LittleEndian.Uint32((*[4]byte)(unsafe.Add(p, i))[:])
			} else {
				v = uint32(b) | uint32(text[i+1])<<8 | uint32(text[i+2])<<16
			}
			cl = threeAt(cells, threeKey(v)) &^ stopClass
			i += 3
		} else {
			break
		}
		if st = stepAt(cells, st, cl); int64(st) <= outBase {
			ends[k&(charEnds-1)] = uint64(-uint32(st))<<32 | uint64(uint32(i))
			k++
			if k == charEnds {
				break
			}
		}
	}
	return i, -uint32(st), k
}

// runPlain is run over a text s before normalisation (resetScan): it
// stops also before every character plainRun stops at, and before every
// other character that is neither ASCII nor of three bytes, so that it
// steps only over characters normalisation copies as they are, noting
// the places where patterns end in ends (offsets in s). Its tests are
// plainRun's: an ASCII byte of specialBits (stopClass in c.ascii) stops
// it unless it is a space or separator that cannot begin a change; a
// three-byte character is four bytes loaded at once (three at the end of
// s), its lead and continuation bytes tested with one mask, and its
// threeKey indexes c.three, whose stopClass says what scan3Bits would
// (then fold3Keys tells a change from a phrase start, which stops it
// only before its phrase's next character: t2sKeyPairs, by the keys of
// both). plainChar decides where it stops short of plainRun. It passes
// over the phrase starts checked behind (behindStarts), where plainRun
// stops before their phrase, and stops at their phrases' second
// characters instead: if the character before one of those starts a
// phrase with it (behindPair), or may be dropped with a phrase read
// across it (mayDropBefore), it returns -1 and resetScan starts again the
// slow way (resetSlow).
func (c *charTable) runPlain(s string, i int, st uint32, ends *endNotes) (int, uint32) {
	// cells read without bounds checks: every state is a row's base, and
	// base+class is within cells (buildCharTable)
	cells, outBase := unsafe.Pointer(unsafe.SliceData(c.cells)), -int64(c.outBase)
	// the class tables, read through cells too
	p := unsafe.Pointer(unsafe.StringData(s))
	ends.n = 0
	st64 := -uint64(st) // the state negated (stepAt), 64-bit as its arithmetic
	end4 := len(s) - 3  // i < end4: four bytes of s from i
	for {
		// the next four bytes, s[i] lowest on every platform (one load
		// where the platform is little-endian), for an ASCII byte as
		// for a three-byte character: one compare a character for the
		// end of s instead of three; the last three bytes of s or fewer
		// through tail4 (written as the rarer branch, so that the
		// compiler lays the load out on the loop's straight path)
		var v uint32
		if i >= end4 {
			if uint(i) >= uint(len(s)) {
				break
			}
			v = tail4(s, i)
		} else {
			v = binary.LittleEndian.Uint32((*[4]byte)(unsafe.Add(p, i))[:])
		}
		var cl uint64
		if b := byte(v); b < utf8.RuneSelf {
			if cl = asciiAt(cells, b); cl >= stopClass {
				if (b != ' ' || !spaceNoGap(p, i, v) && spaceMayClose(s, i)) && (!specialSep(b) || asciiSepMayClose(s, i)) {
					break
				}
				cl -= stopClass
			}
			i++
		} else {
			// (fewer than three bytes left: the missing ones are 0,
			// not continuation bytes)
			x := v ^ threeMarks
			if x&threeMarkBits != 0 {
				break
			}
			if cl = threeAt(cells, threeKeyMarked(x)); cl >= stopClass {
				k, w := threeKey(v), threeKeyWord(v)
				if behindKeys[w]&(1<<(k&63)) != 0 && (behindPair(p, i, k) || i >= 4 && mayDropBefore(p, i)) {
					return -1, -uint32(st64)
				}
				if fold3Keys[w]&(1<<(k&63)) != 0 {
					break
				}
				// only the start of a phrase conversion: copied as it
				// is unless the next character begins the phrase (the
				// second characters of phrases are all of three bytes:
				// TestPhraseSecondsThreeBytes) or may be dropped, with
				// the phrase read across it (plainChar decides)
				if v1 := next3(s, p, i+3); v1&0xC0C0F0 == 0x8080E0 && t2sKeyPair(k<<16|threeKey(v1)) || mayDropAfter(v1) {
					break
				}
				cl -= stopClass
			}
			i += 3
		}
		// the step of run (cells read as run reads them)
		if st64 = stepAt(cells, st64, cl); int64(st64) <= outBase {
			if ends.note(uint32(st64), i) {
				break
			}
		}
	}
	return i, -uint32(st64)
}

// runCopy is runPlain for the part of a message from its first change on
// (resetScan): it also writes what it steps over to out, from o on, and
// steps over the full-width forms fullWidthASCII folds (， ？ ！, the most
// common change) and the upper-case ASCII letters (XL), writing the ASCII
// byte they fold to, so that a message full of them is copied and scanned
// in a few calls. It notes the places
// where patterns end at their offsets in out, and returns where it stops
// in s and in out. out must have room for len(s)-i+4 bytes from o: no
// character it writes is longer than it is in s, and a three-byte one is
// written with the next byte of s (overwritten after it). It returns -1
// where runPlain does.
func (c *charTable) runCopy(s string, i int, st uint32, ends *endNotes, out unsafe.Pointer, o int) (int, int, uint32) {
	// cells read without bounds checks, as runPlain reads them
	cells, outBase := unsafe.Pointer(unsafe.SliceData(c.cells)), -int64(c.outBase)
	// the class tables, read through cells too
	p := unsafe.Pointer(unsafe.StringData(s))
	ends.n = 0
	st64 := -uint64(st) // the state negated (stepAt), 64-bit as its arithmetic
	end4 := len(s) - 3  // i < end4: four bytes of s from i
	for {
		// the next four bytes, as runPlain loads them
		var v uint32
		if i >= end4 {
			if uint(i) >= uint(len(s)) {
				break
			}
			v = tail4(s, i)
		} else {
			v = binary.LittleEndian.Uint32((*[4]byte)(unsafe.Add(p, i))[:])
		}
		var cl uint64
		if b := byte(v); b < utf8.RuneSelf {
			if cl = asciiAt(cells, b); cl >= stopClass {
				if b-'A' < 26 {
					// an upper-case letter, folded to lower case
					// whatever stands around it
					b += 'a' - 'A'
					cl = asciiAt(cells, b) &^ stopClass
				} else if (b != ' ' || !spaceNoGap(p, i, v) && spaceMayClose(s, i)) && (!specialSep(b) || asciiSepMayClose(s, i)) {
					break
				} else {
					cl -= stopClass
				}
			}
			*(*byte)(unsafe.Add(out, o)) = b
			i++
			o++
		} else {
			// (fewer than three bytes left: the missing ones are 0,
			// not continuation bytes)
			x := v ^ threeMarks
			if x&threeMarkBits != 0 {
				break
			}
			if cl = threeAt(cells, threeKeyMarked(x)); cl >= stopClass {
				// U+FF00 to U+FF7F: EF BC 80 to EF BD BF, the code
				// point's low 7 bits the low bit of the second byte
				// and the low 6 of the third. A full-width form that
				// folds is in fold3Keys and in no phrase (not in
				// behindKeys: TestFullWidthFoldKeys), so it is asked
				// about first, without the keys' bitmaps: ， ？ ！ are
				// the commonest change.
				if v&0xFEFF == 0xBCEF {
					if f := fullWidthFold[v>>2&0x40|v>>16&0x3F]; f != 0 {
						*(*byte)(unsafe.Add(out, o)) = f
						cl = asciiAt(cells, f) &^ stopClass
						i += 3
						o++
						goto step
					}
				}
				k, w := threeKey(v), threeKeyWord(v)
				if behindKeys[w]&(1<<(k&63)) != 0 && (behindPair(p, i, k) || i >= 4 && mayDropBefore(p, i)) {
					return -1, o, -uint32(st64)
				}
				if fold3Keys[w]&(1<<(k&63)) != 0 {
					break // (a change runCopy does not make)
				}
				if v1 := next3(s, p, i+3); v1&0xC0C0F0 == 0x8080E0 && t2sKeyPair(k<<16|threeKey(v1)) || mayDropAfter(v1) {
					break
				}
				cl -= stopClass
			}
			w := (*[4]byte)(unsafe.Add(out, o))
			w[0], w[1], w[2], w[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
			i += 3
			o += 3
		}
	step:
		if st64 = stepAt(cells, st64, cl); int64(st64) <= outBase {
			if ends.note(uint32(st64), o) {
				break
			}
		}
	}
	return i, o, -uint32(st64)
}

// stepAt is the step from state st on class cl (step), with the cells
// read from their address, for run, runPlain and runCopy, and with the
// state negated, -st as a 64-bit number, on either side (the cells
// hold the next states so, transCell): the upper half of cells[st+cl] if
// its lower half is cl, else the root's cells[cl].
//
// The choice is a conditional move: the chain from one state to the next
// is then the load, a shift, a compare, the move and the subtraction
// that adds the next class, where the arithmetic select it replaced took
// four operations more (BenchmarkPackAnalyse 1.51 → 1.45 ms). A branch
// mispredicts on every match begun or broken off (7% slower). Go makes no
// conditional move of a value a load's address is computed from (its
// branchelim pass: a predicted branch lets the load start early), so the
// address is not computed from the state by arithmetic it can follow:
// st+cl is cl-(-st) by bits.Sub64, whose result it does not trace back
// to its inputs, one subtraction where it keeps no borrow in (the add
// with carry this replaced, bits.Add64 with an opaque carry of 0, took
// three instructions more a character, to set the carry: round 16).
// State and class are 64-bit, as the loads give them, so that the loop
// takes no zero-extending copies of either.
func stepAt(cells unsafe.Pointer, st, cl uint64) uint64 {
	at, _ := bits.Sub64(cl, st, 0)
	e := *(*uint64)(unsafe.Add(cells, uintptr(at)*8))
	r := uint64(*(*int64)(unsafe.Add(cells, uintptr(cl)*8)) >> 32)
	n := uint64(int64(e) >> 32)
	if uint32(e) != uint32(cl) {
		n = r
	}
	return n
}

// transCell is the cell of a transition on class cl to the state of base
// to: -to in its upper half (stepAt), cl in its lower.
func transCell(to, cl uint32) uint64 {
	return uint64(-to)<<32 | uint64(cl)
}

// step is the transition from state s on class cl.
func (c *charTable) step(s, cl uint32) uint32 {
	if e := c.cells[s+cl]; uint32(e) == cl {
		return -uint32(e >> 32)
	}
	return -uint32(c.cells[cl] >> 32)
}

// fewCharCells reports whether the rows of the character automaton of the
// patterns (valid UTF-8) may be few enough, from a quick estimate before
// it is built: a state's row holds at least the children of the state of
// its last character alone (a suffix of its string), so with many patterns
// starting with the same characters (a large imported word list) the rows
// hold many transitions each, and the byte automaton is smaller. The
// estimate counts the states of first characters once, and a state per
// further character of each pattern (longer shared prefixes counted
// again, as in the bound). It reports false once stop is closed.
func fewCharCells(patterns []string, stop <-chan struct{}) bool {
	// the children of the state of each first character: the distinct
	// characters that follow it at the start of a pattern
	pairs := make([]uint64, 0, len(patterns))
	chars := 0
	for _, p := range patterns {
		r1, n := utf8.DecodeRuneInString(p)
		if n < len(p) {
			r2, _ := utf8.DecodeRuneInString(p[n:])
			pairs = append(pairs, uint64(r1)<<32|uint64(r2))
		}
		chars += utf8.RuneCountInString(p)
	}
	slices.Sort(pairs)
	children := map[rune]int{}
	for i, pr := range pairs {
		if i == 0 || pr != pairs[i-1] {
			children[rune(pr>>32)]++
		}
	}
	least, limit := 0, maxCharCells(chars)
	for _, n := range children {
		least += n // the states of the first characters, once
	}
	for i, p := range patterns {
		if stopAt(i, stop) {
			return false
		}
		_, n := utf8.DecodeRuneInString(p)
		for _, r := range p[n:] {
			least += children[r]
		}
		if least > limit {
			return false
		}
	}
	return true
}

// placeBudget is how many candidate bases buildCharTable's placement may
// try for a table of so many cells and states before it gives up. A
// candidate costs about a nanosecond (place tries 64 at once). The
// built-in packs, whose rows start at hundreds of first characters, try
// some 230,000, and a pack of the user's that adds 400 phrases starting
// with common characters (我, 不, 您, 亲) 1.9 million: the 4 million of the
// constant place them (with 16 per cell and state alone, forty such
// phrases made the run fall back to the byte automaton, 6% slower:
// TestCharAutomatonUserPhrases). What grows with the table is kept at 16
// per cell and state: an imported word list of 60,000 words, which does
// not fit, gives up after some 25 million candidates instead of 190
// million at 128 (0.45 s and more, against the byte automaton's 0.8 s).
func placeBudget(cells, states int) int {
	return 16*(cells+states) + 1<<22
}

// maxCharCells bounds the transitions in the rows of a character
// automaton of that many states, past which the byte automaton is built.
// What it adds to four a state is room for a pack of the user's that
// extends the default one with a few hundred phrases (a table of some
// 30,000 cells): with 4,096, the built-in packs' growth (fd2d87c) left
// fewCharCells' estimate for TestCharAutomatonUserPhrases' 400 phrases
// 3 cells over, and that scope's automaton fell back to bytes. A word
// list of tens of thousands of words is past it by far either way.
func maxCharCells(states int) int {
	return 4*states + 16384
}
