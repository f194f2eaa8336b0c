package match

import (
	"regexp/syntax"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A backtracker for the anchored tries (window.tryAnchored,
// patternPlan.findAllFirst). Each try runs a pattern anchored at one
// position of a short piece of text: the regexp package's backtracker
// then does most of the work of a run, and much of that is its being
// general — the input behind an interface, a rune class matched by binary
// search over its ranges (the large \s\p{P}\p{S} classes), its state taken
// from a sync.Pool, the result allocated. btProg runs the same algorithm
// (regexp/backtrack.go: a depth-first search of the program, in priority
// order, each (instruction, position) visited once) on the program the
// regexp package compiles from the same source, with classes matched by a
// bitmap and the state kept in the Text: it finds the match the regexp
// would, the leftmost-first one, with the same submatches. Past the size
// where the regexp package stops backtracking (maxBacktrackBits), the
// regexp itself runs.

// maxBacktrackBits bounds the visited set of a run (instructions × input
// positions), as regexp's maxBacktrackVector does its own.
const maxBacktrackBits = 256 * 1024

// maxLinearRanges is the most range pairs of a class matched by a linear
// scan; a larger class gets a bitmap.
const maxLinearRanges = 4

// btProg is a compiled pattern for btState.
type btProg struct {
	inst []btInst
	// more holds the instructions' further parts (btInst.more; entry 0
	// is empty), and blooms the blooms of the alternations' first sets
	// (out's, then arg's) at the same indexes: a step of an alternation
	// reads one cache line of them
	more   []btMore
	blooms [][2][4]uint64
	start  uint32
	// anchored: the pattern matches at the start of the input only
	anchored bool
	// ncap is the number of submatch indexes of a result, 2 × (groups + 1)
	ncap int
	// need is the number of submatch indexes the matcher reads: those of
	// the match and of its (?P<match>…) group, the groups before it
	// included (2 without one). A search for them alone finds the same
	// match and group, without recording the other groups on the way.
	need int
	// startFirst are the characters a match can begin with, when known
	// (startKnown): an unanchored search tries only the positions holding one
	startKnown bool
	startFirst firstSet
	// anchorFirst, for an anchored pattern (^…), are the characters a
	// match can begin with, when known (anchorKnown): an input that does
	// not begin with one fails before the search is set up (most anchored
	// tries near a literal do)
	anchorKnown bool
	anchorFirst firstSet
	// later, for an anchored window pattern, are characters of which every
	// match holds one of each set within its first bytes (laterSet): an input
	// without one there fails before the search is set up (the anchored
	// tries of (地址|…)[^\s\p{P}\p{S}]{0,4}(能|可以|…) at an 地址 not
	// followed by 能, 可 … mostly do)
	later []laterSet
	// src is the pattern, compiled by the regexp package (re) when an
	// input is too long for the backtracker, unless re is given
	src  string
	once sync.Once
	re   *lazyRegexp
	// srcOf, when set, writes the pattern when first needed (src is then
	// empty: see source)
	srcOf func() string
}

// lazyBT is a regexp compiled for the backtracker on first use.
type lazyBT struct {
	once sync.Once
	p    *btProg
}

// of returns re compiled for the backtracker (nil if it could not be, or
// l is nil).
func (l *lazyBT) of(re *lazyRegexp) *btProg {
	if l == nil {
		return nil
	}
	l.once.Do(func() {
		p, groups, match, err := compileBT(re.String())
		if err != nil || groups != re.NumSubexp() || match != re.matchIndex() {
			return
		}
		p.re = re
		l.p = p
	})
	return l.p
}

// btInst is an instruction of a btProg (syntax.Inst, with its rune test
// prepared). It holds what a step reads (32 bytes: two to a cache line);
// the rest is in the program's more, at more. (With the first sets and
// the rune slices in it, it took 248 bytes: the 7,704 instructions of the
// default packs' 99 programs 1.9 MB, more than a core's cache, and the
// search missed it at a step in ten.)
type btInst struct {
	op syntax.InstOp
	// InstRune and InstRune1: the one rune (r1), its case variants under
	// (?i) (more's fold), or the ranges (lo, hi pairs) of a small class
	// (more's ranges), or the set of a large one
	single bool
	exact  bool // single, with no case variants
	// mark: a step to the instruction checks and marks its (instruction,
	// position) visited. Only an instruction with more than one way in
	// (two instructions lead to it, or one and the start) needs it: one
	// with a single predecessor is reached at a position no more often
	// than that predecessor is stepped from, each of whose steps leads to
	// it once, and never again within its own search (a path back to it
	// goes through its predecessors, and every loop has a marked
	// instruction, reached again at the same position and so cut there),
	// so the search visits what it visited and finds what it found, in
	// the same order, with a bounded number of steps
	mark bool
	// InstAlt: the characters its branches out and arg can begin with,
	// when known (outKnown, argKnown; more's outFirst and argFirst, and
	// their blooms in the program's blooms): a branch that cannot begin
	// with the character at the position fails at once, so it is not
	// tried (it would fail without a match, and skipping it leaves the
	// search's order and result as they were). The step asks the sets'
	// blooms only (firstSet.mayHave): nine in ten characters that pass
	// one are in the set, and a branch tried in vain for the tenth fails
	// as the search without the skip would, within the same visited bound
	outKnown, argKnown bool
	out, arg           uint32
	r1                 rune
	// more is the index of the instruction's further parts in the
	// program's more (and of an alternation's blooms in its blooms); 0
	// for one without, whose entry there is empty
	more uint32
	set  *runeSet
}

// btMore is what an instruction of a btProg holds besides what a step
// reads (btInst): case variants, a small class's ranges, an
// alternation's first sets.
type btMore struct {
	fold, ranges       []rune
	outFirst, argFirst firstSet
}

// firstSet is a set of characters: ranges (lo, hi pairs, in order,
// apart), and the characters of the sets.
type firstSet struct {
	ranges []rune
	sets   []*runeSet
	// bloom has bit r&255 set for every character r of the set (all bits
	// for a large one): most characters of a text not in a set of a few
	// are told apart by it alone, inline
	bloom [4]uint64
}

// has reports whether r is in the set (r is -1 at the end of the text).
func (f *firstSet) has(r rune) bool {
	// (small enough to inline into btProg.try: -1 is told apart by
	// hasSlow)
	return f.bloom[uint8(r)>>6]>>(r&63)&1 != 0 && f.hasSlow(r)
}

// mayHave reports whether r may be in the set: always when it is, and
// for a few characters that are not (those sharing a bit of the bloom
// with one that is, or any when the set holds a large class). An
// alternation's step skips a branch on it: asking hasSlow as well, for
// the few characters it would turn away, costs more than trying their
// branches.
func (f *firstSet) mayHave(r rune) bool {
	return mayHave(&f.bloom, r)
}

// mayHave is firstSet.mayHave of a set's bloom.
func mayHave(bloom *[4]uint64, r rune) bool {
	return bloom[uint8(r)>>6]>>(r&63)&1 != 0
}

// setBloom works out f.bloom.
func (f *firstSet) setBloom() {
	all := len(f.sets) > 0
	for j := 0; j+1 < len(f.ranges) && !all; j += 2 {
		if f.ranges[j+1]-f.ranges[j] >= 255 {
			all = true
			break
		}
		for r := f.ranges[j]; r <= f.ranges[j+1]; r++ {
			b := uint32(r) & 255
			f.bloom[b>>6] |= 1 << (b & 63)
		}
	}
	if all {
		f.bloom = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
	}
}

// maxFirstSets bounds firstSet.sets.
const maxFirstSets = 2

// hasSlow is has for a set of more than one range.
func (f *firstSet) hasSlow(r rune) bool {
	if r < 0 {
		return false
	}
	for _, s := range f.sets {
		if s.has(r) {
			return true
		}
	}
	rs := f.ranges
	if len(rs) <= 2*maxLinearRanges {
		return inRanges(rs, r)
	}
	lo, hi := 0, len(rs)/2
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < rs[2*m]:
			hi = m
		case r > rs[2*m+1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// union returns the set of the characters of f and g; false when it would
// hold too many sets.
func (f firstSet) union(g firstSet) (firstSet, bool) {
	u := firstSet{sets: append([]*runeSet(nil), f.sets...)}
	for _, s := range g.sets {
		if !slices.Contains(u.sets, s) {
			u.sets = append(u.sets, s)
		}
	}
	if len(u.sets) > maxFirstSets {
		return firstSet{}, false
	}
	switch {
	case len(f.ranges) == 0:
		u.ranges = g.ranges
	case len(g.ranges) == 0:
		u.ranges = f.ranges
	default:
		u.ranges = unionRanges(f.ranges, g.ranges)
	}
	return u, true
}

// unionRanges returns the ranges of a and b (lo, hi pairs, each in order)
// as mergeRanges would of both: in order, those that overlap or touch
// joined. It merges the two in one pass instead of sorting them.
func unionRanges(a, b []rune) []rune {
	out := make([]rune, 0, len(a)+len(b))
	for i, j := 0, 0; i+1 < len(a) || j+1 < len(b); {
		var lo, hi rune
		if j+1 >= len(b) || i+1 < len(a) && a[i] <= b[j] {
			lo, hi = a[i], a[i+1]
			i += 2
		} else {
			lo, hi = b[j], b[j+1]
			j += 2
		}
		if n := len(out); n > 0 && lo <= out[n-1]+1 {
			out[n-1] = max(out[n-1], hi)
			continue
		}
		out = append(out, lo, hi)
	}
	return out
}

// firsts works out the characters the paths of a program from each
// instruction can begin with (firstOf).
type firsts struct {
	prog  *syntax.Prog
	p     *btProg // the program being compiled: its instructions so far
	state []uint8 // 0: not yet, 1: being worked out, 2: known, 3: unknown
	set   []firstSet
}

// of returns the characters a path from pc can begin with, when they are
// known: every path consumes a character (of a literal or a class) before
// it can match or assert anything. complete is false when the answer
// leaves out what lies past an instruction being worked out (a loop back
// to it), and so holds for this walk only.
func (f *firsts) of(pc uint32) (fs firstSet, ok, complete bool) {
	if int(pc) >= len(f.state) {
		// the compiler leaves instructions after a part that never
		// matches (a begin of text removed from a variant) unreachable,
		// and their outs unpatched: what they hold does not matter
		return firstSet{}, false, true
	}
	switch f.state[pc] {
	case 1:
		return firstSet{}, true, false // a loop back: nothing new here
	case 2:
		return f.set[pc], true, true
	case 3:
		return firstSet{}, false, true
	}
	f.state[pc] = 1
	in := &f.prog.Inst[pc]
	ok, complete = true, true
	switch in.Op {
	case syntax.InstFail:
	case syntax.InstNop, syntax.InstCapture:
		fs, ok, complete = f.of(in.Out)
	case syntax.InstAlt:
		a, okA, cA := f.of(in.Out)
		b, okB, cB := f.of(in.Arg)
		complete = cA && cB
		ok = okA && okB
		if ok {
			fs, ok = a.union(b)
		}
	case syntax.InstRune1:
		fs.ranges = []rune{in.Rune[0], in.Rune[0]}
	case syntax.InstRune:
		switch b, m := &f.p.inst[pc], &f.p.more[f.p.inst[pc].more]; {
		case b.set != nil:
			fs.sets = []*runeSet{b.set}
		case b.single:
			fs.ranges = mergeRanges(foldRanges(nil, b.r1, len(m.fold) > 0))
		default:
			fs.ranges = m.ranges
		}
	default:
		ok = false // a match, an assertion, any character
	}
	if ok {
		fs.setBloom()
	}
	switch {
	case !ok:
		f.state[pc] = 3
	case complete:
		f.state[pc], f.set[pc] = 2, fs
	default:
		f.state[pc] = 0
	}
	return fs, ok, complete
}

// compileBT compiles src as regexp.Compile would (Perl syntax, leftmost
// first) into a btProg; it also returns the number of groups and the index
// of the group named match (-1: none), as Regexp.NumSubexp and
// Regexp.SubexpIndex("match") would.
func compileBT(src string) (p *btProg, groups, match int, err error) {
	// (parsed once per process, shared: src is a compiled pattern's
	// source, which newWindow and makePlan parse too; not changed below)
	tree, err := parsePattern(src)
	if err != nil {
		return nil, 0, 0, err
	}
	groups = tree.MaxCap()
	match = -1
	for i, name := range tree.CapNames() {
		if name == "match" {
			match = i
			break
		}
	}
	p, err = compileBTTree(tree, nil)
	if p != nil {
		p.src = src
	}
	return p, groups, match, err
}

// compileBTTree compiles a parsed pattern into a btProg, as regexp.Compile
// would the pattern it was parsed from; re, when not nil, is that regexp
// (for inputs too long for the backtracker).
func compileBTTree(tree *syntax.Regexp, re *lazyRegexp) (*btProg, error) {
	prog, err := syntax.Compile(tree.Simplify())
	if err != nil {
		return nil, err
	}
	p := &btProg{
		inst:     make([]btInst, len(prog.Inst)),
		start:    uint32(prog.Start),
		anchored: prog.StartCond()&syntax.EmptyBeginText != 0,
		ncap:     2 * (tree.MaxCap() + 1),
		need:     2,
		re:       re,
	}
	for i, name := range tree.CapNames() {
		if name == "match" {
			p.need = 2 * (i + 1)
			break
		}
	}
	// one set for the copies of a class (a repeat's copies share its ranges)
	sets := map[*rune]*runeSet{}
	p.more = []btMore{{}}
	moreOf := func(b *btInst) *btMore {
		if b.more == 0 {
			b.more = uint32(len(p.more))
			p.more = append(p.more, btMore{})
		}
		return &p.more[b.more]
	}
	for pc := range prog.Inst {
		in := &prog.Inst[pc]
		b := &p.inst[pc]
		b.op, b.out, b.arg = in.Op, in.Out, in.Arg
		switch in.Op {
		case syntax.InstRune1:
			b.single, b.r1 = true, in.Rune[0]
		case syntax.InstRune:
			switch {
			case len(in.Rune) == 1:
				b.single, b.r1 = true, in.Rune[0]
				if syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
					var fold []rune
					for r := unicode.SimpleFold(b.r1); r != b.r1; r = unicode.SimpleFold(r) {
						fold = append(fold, r)
					}
					if len(fold) > 0 {
						moreOf(b).fold = fold
					}
				}
			case len(in.Rune) <= 2*maxLinearRanges:
				moreOf(b).ranges = in.Rune
			default:
				key := &in.Rune[0]
				if sets[key] == nil {
					sets[key] = runeSetOf(in.Rune)
				}
				b.set = sets[key]
			}
		}
	}
	f := &firsts{prog: prog, p: p, state: make([]uint8, len(prog.Inst)), set: make([]firstSet, len(prog.Inst))}
	for pc := range prog.Inst {
		if in := &prog.Inst[pc]; in.Op == syntax.InstAlt {
			out, outKnown, _ := f.of(in.Out)
			arg, argKnown, _ := f.of(in.Arg)
			b := &p.inst[pc]
			b.outKnown, b.argKnown = outKnown, argKnown
			if outKnown || argKnown {
				m := moreOf(b)
				m.outFirst, m.argFirst = out, arg
			}
		}
	}
	p.blooms = make([][2][4]uint64, len(p.more))
	for i := range p.more {
		p.blooms[i] = [2][4]uint64{p.more[i].outFirst.bloom, p.more[i].argFirst.bloom}
	}
	for pc := range p.inst {
		b := &p.inst[pc]
		b.exact = b.single && len(p.more[b.more].fold) == 0
	}
	markJoins(prog, p.inst)
	p.startFirst, p.startKnown, _ = f.of(p.start)
	if p.anchored {
		p.anchorFirst, p.anchorKnown = anchorFirst(prog, f)
	}
	return p, nil
}

// markJoins sets the mark of the instructions of prog (in insts) with
// more than one way in: two instructions lead to them (their out or arg),
// or one does and the search starts there. The targets of an AltMatch (a
// step that jumps to the end of the input) are marked in any case.
func markJoins(prog *syntax.Prog, insts []btInst) {
	in := make([]uint8, len(prog.Inst))
	lead := func(pc uint32, n uint8) {
		if int(pc) < len(in) {
			in[pc] = min(in[pc]+n, 2)
		}
	}
	lead(uint32(prog.Start), 1)
	for pc := range prog.Inst {
		i := &prog.Inst[pc]
		switch i.Op {
		case syntax.InstMatch, syntax.InstFail:
		case syntax.InstAlt:
			lead(i.Out, 1)
			lead(i.Arg, 1)
		case syntax.InstAltMatch:
			lead(i.Out, 2)
			lead(i.Arg, 2)
		default:
			lead(i.Out, 1)
		}
	}
	for pc := range insts {
		insts[pc].mark = in[pc] > 1
	}
}

// anchorFirst returns the characters a match of an anchored program can
// begin with, when known: those the paths past its ^ begin with (before
// it, only groups can be opened).
func anchorFirst(prog *syntax.Prog, f *firsts) (firstSet, bool) {
	pc := uint32(prog.Start)
	for steps := 0; int(pc) < len(prog.Inst) && steps < len(prog.Inst); steps++ {
		in := &prog.Inst[pc]
		switch {
		case in.Op == syntax.InstNop || in.Op == syntax.InstCapture:
			pc = in.Out
		case in.Op == syntax.InstEmptyWidth && syntax.EmptyOp(in.Arg) == syntax.EmptyBeginText:
			fs, ok, _ := f.of(in.Out)
			return fs, ok
		default:
			return firstSet{}, false
		}
	}
	return firstSet{}, false
}

// matchRune reports whether an InstRune or InstRune1 in matches r (not
// the end of the text), as syntax.Inst.MatchRune does.
func (p *btProg) matchRune(in *btInst, r rune) bool {
	switch {
	case in.single:
		if r == in.r1 {
			return true
		}
		for _, f := range p.more[in.more].fold {
			if r == f {
				return true
			}
		}
		return false
	case in.set != nil:
		return in.set.has(r)
	}
	return inRanges(p.more[in.more].ranges, r)
}

// inRanges reports whether r lies in one of the ranges rs (lo, hi pairs,
// in order, apart), looked through one by one.
func inRanges(rs []rune, r rune) bool {
	for j := 0; j+1 < len(rs); j += 2 {
		if r < rs[j] {
			return false
		}
		if r <= rs[j+1] {
			return true
		}
	}
	return false
}

// regexp returns the pattern for the regexp package (compiled when
// first asked to match).
func (p *btProg) regexp() *lazyRegexp {
	p.once.Do(func() {
		if p.re == nil {
			p.re = &lazyRegexp{src: p.source()}
		}
	})
	return p.re
}

// source returns the pattern p was compiled from (src, or what srcOf
// writes).
func (p *btProg) source() string {
	if p.src == "" && p.srcOf != nil {
		return p.srcOf()
	}
	return p.src
}

// btJob is a step left for later in a btState's search.
type btJob struct {
	pc  uint32
	pos int32
	arg bool
}

// btState is the scratch space of btProg's runs (a Text's: not shared).
type btState struct {
	jobs     []btJob
	visited  []uint32
	cap      []int
	matchcap []int
	end      int
}

// find returns the submatch indexes in s of the leftmost-first match of
// p in s (FindStringSubmatchIndex), or nil. The result is st's scratch
// space, valid until its next run; with ncap 2 only the match's own
// indexes are worked out (FindStringIndex).
func (p *btProg) find(st *btState, s string, ncap int) []int {
	if len(p.inst)*(len(s)+1) > maxBacktrackBits {
		re := p.regexp()
		if ncap == 2 {
			return re.FindStringIndex(s)
		}
		return re.FindStringSubmatchIndex(s)
	}
	if p.anchorKnown {
		r := rune(-1)
		if len(s) > 0 {
			r = rune(s[0])
			if r >= utf8.RuneSelf {
				if r3, ok := decodeRune3(s, 0); ok {
					r = r3
				} else {
					r, _ = utf8.DecodeRuneInString(s)
				}
			}
		}
		if !p.anchorFirst.has(r) {
			return nil
		}
	}
	for k := range p.later {
		if !p.later[k].in(s) {
			return nil
		}
	}
	st.reset(len(p.inst), len(s), ncap)
	if p.anchored {
		if len(st.cap) > 0 {
			st.cap[0] = 0
		}
		if !p.try(st, s, 0) {
			return nil
		}
	} else if !p.scanFrom(st, s, 0) {
		return nil
	}
	return st.matchcap
}

// findAll appends to c, as pattern i's candidates, the non-empty matches
// of p in s as the regexp's FindAllStringIndex(s, -1) finds them (each
// search resuming at the end of the last match, or past the character
// after an empty one); ok is false, c unchanged, when s is too long for
// the backtracker (the caller then runs the regexp).
func (p *btProg) findAll(st *btState, s string, i int, c []cand) (_ []cand, ok bool) {
	if len(p.inst)*(len(s)+1) > maxBacktrackBits {
		return c, false
	}
	for pos := 0; pos <= len(s); {
		var loc []int
		if pos == 0 {
			loc = p.find(st, s, 2)
		} else {
			loc = p.findFrom(st, s, pos)
		}
		if loc == nil {
			break
		}
		start, end := loc[0], loc[1]
		if end > start {
			c = append(c, cand{start, end, -1, i})
		}
		if end > pos {
			pos = end
		} else { // an empty match at pos: on to the next character
			_, size := utf8.DecodeRuneInString(s[pos:])
			pos += max(size, 1)
		}
	}
	return c, true
}

// findFrom returns the match's own indexes in s of the leftmost-first
// match of p beginning at or after byte from > 0, as the regexp's search
// of s from from finds it (^ matches at 0 only, \b sees the text before
// from), or nil; s must fit the backtracker. The result is st's scratch
// space, valid until its next run.
func (p *btProg) findFrom(st *btState, s string, from int) []int {
	if p.anchored {
		return nil // (an anchored pattern past the start of the text)
	}
	st.reset(len(p.inst), len(s), 2)
	if p.scanFrom(st, s, from) {
		return st.matchcap
	}
	return nil
}

// scanFrom tries an unanchored p at each position of s from byte from on
// whose character may begin a match (a position whose character cannot
// fails at once: it is not tried), leftmost first, and reports whether a
// try matched (its submatches in st.matchcap); st is reset.
func (p *btProg) scanFrom(st *btState, s string, from int) bool {
	for pos := from; pos <= len(s); {
		r, w := rune(-1), 0
		if pos < len(s) {
			r, w = rune(s[pos]), 1
			if r >= utf8.RuneSelf {
				if r3, ok := decodeRune3(s, pos); ok {
					r, w = r3, 3
				} else {
					r, w = utf8.DecodeRuneInString(s[pos:])
				}
			}
		}
		if !p.startKnown || p.startFirst.has(r) {
			if len(st.cap) > 0 {
				st.cap[0] = pos
			}
			if p.try(st, s, pos) {
				return true
			}
		}
		if w == 0 {
			break
		}
		pos += w
	}
	return false
}

// reset readies st for a run of a program of n instructions on an input of
// end bytes, with ncap submatch indexes.
func (st *btState) reset(n, end, ncap int) {
	st.end = end
	st.jobs = st.jobs[:0]
	size := (n*(end+1) + 31) / 32
	if cap(st.visited) < size {
		// (cleared, so that its pages are written before visit reads
		// them: fresh memory read first is the shared zero page, and the
		// write after it a second fault and a TLB flush on every core;
		// doubled, so that a run of ever longer texts makes few)
		st.visited = make([]uint32, max(size, 2*cap(st.visited), 1024))
		clear(st.visited)
		st.visited = st.visited[:size]
	} else {
		st.visited = st.visited[:size]
		clear(st.visited)
	}
	if cap(st.cap) < ncap {
		st.cap = make([]int, ncap)
		st.matchcap = make([]int, ncap)
	}
	st.cap, st.matchcap = st.cap[:ncap], st.matchcap[:ncap]
	for i := range st.cap {
		st.cap[i], st.matchcap[i] = -1, -1
	}
}

// visit marks (pc, pos) visited and reports whether it was not yet.
func (st *btState) visit(pc uint32, pos int) bool {
	n := uint(int(pc)*(st.end+1) + pos)
	w, bit := n/32, uint32(1)<<(n&31)
	if st.visited[w]&bit != 0 {
		return false
	}
	st.visited[w] |= bit
	return true
}

// push adds a job, as regexp's bitState.push does.
func (p *btProg) push(st *btState, pc uint32, pos int, arg bool) {
	if in := &p.inst[pc]; in.op != syntax.InstFail && (arg || !in.mark || st.visit(pc, pos)) {
		st.jobs = append(st.jobs, btJob{pc, int32(pos), arg})
	}
}

// try is regexp's tryBacktrack (leftmost first) from position pos of s.
// The search's steps are btProg.steps, which calls nothing: what needs a
// call (a character that is not ASCII or three bytes of UTF-8, a rune
// with case variants, a large class's character past U+FFFF, an
// assertion of words or lines, a full stack of jobs, an AltMatch, the
// match) leaves it, and try does that and resumes it. (Go keeps no
// register across a call: one loop with calls in it stored its state on
// the stack at every step, 13 of its 85 instructions a step on
// c10.jsonl; TestStepsIsTryInst holds the two to the same search.)
func (p *btProg) try(st *btState, s string, pos0 int) bool {
	// (the start's step, as a job pushed and taken at once would be: the
	// jobs are empty between tries)
	if in := &p.inst[p.start]; in.op == syntax.InstFail || in.mark && !st.visit(p.start, pos0) {
		return false
	}
	c := btCursor{pc: p.start, pos: pos0, rpos: -1, r: -1}
	mode := uint8(btStep)
	for {
		var why uint8
		c, why = p.steps(st, s, c, mode)
		switch why {
		case btPop: // no jobs left
			return false
		case btMatch:
			if len(st.cap) == 0 {
				return true
			}
			if len(st.cap) > 1 {
				st.cap[1] = c.pos
			}
			copy(st.matchcap, st.cap)
			return true
		case btDecode:
			c.r, c.rw = utf8.DecodeRuneInString(s[c.pos:])
			c.rpos = c.pos
			mode = btStep
		case btGrow:
			st.jobs = slices.Grow(st.jobs, max(cap(st.jobs), 16))
			mode = btStep
		case btClass:
			in := &p.inst[c.pc]
			mode = btPop
			if p.matchRune(in, c.r) {
				c.pos += c.rw
				c.pc = in.out
				mode = btCheck
			}
		case btEmpty:
			in := &p.inst[c.pc]
			mode = btPop
			if emptyAt(s, c.pos, syntax.EmptyOp(in.arg)) {
				c.pc = in.out
				mode = btCheck
			}
		case btAltMatch:
			in := &p.inst[c.pc]
			switch p.inst[in.out].op {
			case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
				p.push(st, in.arg, c.pos, false)
				c.pc = in.arg
				c.pos = st.end
			default:
				p.push(st, in.out, st.end, false)
				c.pc = in.out
			}
			mode = btCheck
		}
	}
}

// btCursor is where btProg.steps stands: the step's instruction and
// position, and the character decoded last (r, of rw bytes, at rpos; -1
// at the end of the text).
type btCursor struct {
	pc   uint32
	pos  int
	rpos int
	r    rune
	rw   int
}

// How btProg.steps begins (btPop, btCheck, btStep) and why it ends (the
// others, and btPop when no job is left).
const (
	btPop      = iota // take the next job
	btCheck           // step to the cursor's instruction (checked visited if marked)
	btStep            // the cursor's instruction's step, checked already
	btMatch           // a match, at the cursor's position
	btDecode          // the character at the cursor's position needs decoding
	btGrow            // the jobs are at their capacity
	btClass           // the cursor's InstRune needs matchRune
	btEmpty           // the cursor's InstEmptyWidth needs emptyAt
	btAltMatch        // the cursor's instruction is an InstAltMatch
)

// steps runs try's search from c (entering as mode says) until it needs
// try (a call) or ends, and returns where it stands and why; it calls
// nothing (a bounds check's panic aside).
func (p *btProg) steps(st *btState, s string, c btCursor, mode uint8) (btCursor, uint8) {
	pc, pos, rpos, r, rw := c.pc, c.pos, c.rpos, c.r, c.rw
	var in *btInst
	switch mode {
	case btCheck:
		goto check
	case btStep:
		in = &p.inst[pc]
		goto step
	}
pop:
	if len(st.jobs) == 0 {
		return btCursor{pc, pos, rpos, r, rw}, btPop
	}
	{
		l := len(st.jobs) - 1
		j := st.jobs[l]
		st.jobs = st.jobs[:l]
		pc, pos = j.pc, int(j.pos)
		in = &p.inst[pc]
		if !j.arg {
			goto step
		}
	}
	// a job's second turn (arg), which only alternations and captures
	// push: the alternation's other branch, or the capture's old value
	// put back
	if in.op == syntax.InstAlt {
		pc = in.arg
		goto check
	}
	st.cap[in.arg] = pos
	goto pop
check:
	// (a step to an instruction with one way in needs no check: see
	// btInst.mark)
	in = &p.inst[pc]
	if in.mark {
		n := uint(int(pc)*(st.end+1) + pos)
		w, bit := n/32, uint32(1)<<(n&31)
		if st.visited[w]&bit != 0 {
			goto pop
		}
		st.visited[w] |= bit
	}
step:
	switch in.op {
	case syntax.InstAlt:
		if in.outKnown || in.argKnown {
			if pos != rpos {
				if pos >= len(s) {
					rpos, r, rw = pos, -1, 0
				} else if b := s[pos]; b < utf8.RuneSelf {
					rpos, r, rw = pos, rune(b), 1
				} else if r3, ok := decodeRune3(s, pos); ok {
					rpos, r, rw = pos, r3, 3
				} else {
					return btCursor{pc, pos, rpos, r, rw}, btDecode
				}
			}
			bl := &p.blooms[in.more]
			if in.outKnown && !mayHave(&bl[0], r) {
				pc = in.arg // out fails at once
				goto check
			}
			if in.argKnown && !mayHave(&bl[1], r) {
				pc = in.out // arg would fail at once
				goto check
			}
		}
		if l := len(st.jobs); l < cap(st.jobs) {
			st.jobs = st.jobs[:l+1]
			st.jobs[l] = btJob{pc, int32(pos), true}
		} else {
			return btCursor{pc, pos, rpos, r, rw}, btGrow
		}
		pc = in.out
		goto check
	case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAnyNotNL, syntax.InstRuneAny:
		if pos >= len(s) {
			goto pop
		}
		if pos != rpos {
			if b := s[pos]; b < utf8.RuneSelf {
				rpos, r, rw = pos, rune(b), 1
			} else if r3, ok := decodeRune3(s, pos); ok {
				rpos, r, rw = pos, r3, 3
			} else {
				return btCursor{pc, pos, rpos, r, rw}, btDecode
			}
		}
		switch {
		case in.exact:
			if r != in.r1 {
				goto pop
			}
		case in.op <= syntax.InstRune1: // InstRune, InstRune1
			if u := uint32(r); in.set != nil && u < 0x10000 {
				if in.set.bmp[u>>6&1023]>>(u&63)&1 == 0 {
					goto pop
				}
			} else if in.set == nil && !in.single {
				if !inRanges(p.more[in.more].ranges, r) {
					goto pop
				}
			} else {
				return btCursor{pc, pos, rpos, r, rw}, btClass
			}
		case r == '\n' && in.op == syntax.InstRuneAnyNotNL:
			goto pop
		}
		pos += rw
		pc = in.out
		goto check
	case syntax.InstCapture:
		if in.arg < uint32(len(st.cap)) {
			if l := len(st.jobs); l < cap(st.jobs) {
				st.jobs = st.jobs[:l+1]
				st.jobs[l] = btJob{pc, int32(st.cap[in.arg]), true}
			} else {
				return btCursor{pc, pos, rpos, r, rw}, btGrow
			}
			st.cap[in.arg] = pos
		}
		pc = in.out
		goto check
	case syntax.InstEmptyWidth:
		switch syntax.EmptyOp(in.arg) {
		case 0:
		case syntax.EmptyBeginText:
			if pos != 0 {
				goto pop
			}
		case syntax.EmptyEndText:
			if pos < len(s) {
				goto pop
			}
		default:
			return btCursor{pc, pos, rpos, r, rw}, btEmpty
		}
		pc = in.out
		goto check
	case syntax.InstNop:
		pc = in.out
		goto check
	case syntax.InstMatch:
		return btCursor{pc, pos, rpos, r, rw}, btMatch
	case syntax.InstAltMatch:
		return btCursor{pc, pos, rpos, r, rw}, btAltMatch
	}
	goto pop // InstFail, which the compiler leaves out of alternations
}

// emptyAt reports whether the empty-width assertions op hold at position
// pos of s, as the regexp package tells them.
func emptyAt(s string, pos int, op syntax.EmptyOp) bool {
	switch op {
	case 0:
		return true
	case syntax.EmptyBeginText: // (^ and $ outside multi-line mode, the common ones)
		return pos == 0
	case syntax.EmptyEndText:
		return pos >= len(s)
	}
	r1, r2 := rune(-1), rune(-1)
	if pos > 0 && pos <= len(s) {
		r1, _ = utf8.DecodeLastRuneInString(s[:pos])
	}
	if pos < len(s) {
		r2, _ = utf8.DecodeRuneInString(s[pos:])
	}
	return syntax.EmptyOpContext(r1, r2)&op == op
}

// laterSet is a set of characters one of which begins, in every match of
// an anchored pattern, a required literal starting at most lead bytes
// after the match's start (litSet.lead).
type laterSet struct {
	lead int
	// enc are the characters' UTF-8 encodings, of 3 bytes each (Chinese
	// characters), and mask has bit b&63 set for the last byte b of each
	enc  [][3]byte
	mask uint64
}

// maxLaterLead bounds laterSet.lead, maxLaterRunes its characters, and
// maxLaterSets the sets of a program: the check looks at most at that many
// bytes of each try's input.
const (
	maxLaterLead  = 256
	maxLaterRunes = 32
	maxLaterSets  = 3
)

// in reports whether the encoding of one of the characters of l starts at
// most l.lead bytes into s. It looks at every byte that may begin one (s
// need not be valid UTF-8): it steps over the two continuation bytes
// after a leading byte of 3 only.
func (l *laterSet) in(s string) bool {
	end := min(len(s), l.lead+3)
	for i := 0; i+2 < end; {
		c := s[i]
		if c < 0xe0 || c >= 0xf0 || s[i+1]&0xc0 != 0x80 || s[i+2]&0xc0 != 0x80 {
			i++ // (no character of 3 bytes starts here)
			continue
		}
		if l.mask>>(s[i+2]&63)&1 != 0 {
			for _, e := range l.enc {
				if c == e[0] && s[i+1] == e[1] && s[i+2] == e[2] {
					return true
				}
			}
		}
		i += 3
	}
	return false
}

// laterSets returns the laterSets of the matches of tree v (parsed with
// Perl flags): the required literal sets (literalSets) that start after
// the match's start, within maxLaterLead bytes of it, whose literals begin
// with few characters, each of 3 bytes, none with a case variant (they
// match themselves only, under (?i) too).
func laterSets(v *syntax.Regexp) []laterSet {
	var out []laterSet
sets:
	for _, ls := range literalSets(v.Simplify()) {
		if ls.lead <= 0 || ls.lead > maxLaterLead || len(out) == maxLaterSets {
			continue
		}
		l := laterSet{lead: ls.lead}
		for _, lit := range ls.lits {
			r, _ := utf8.DecodeRuneInString(lit)
			if lit == "" || utf8.RuneLen(r) != 3 || r == utf8.RuneError || unicode.SimpleFold(r) != r {
				continue sets
			}
			var e [3]byte
			utf8.EncodeRune(e[:], r)
			if !slices.Contains(l.enc, e) {
				l.enc = append(l.enc, e)
				l.mask |= 1 << (e[2] & 63)
			}
		}
		if len(l.enc) == 0 || len(l.enc) > maxLaterRunes {
			continue
		}
		out = append(out, l)
	}
	return out
}
