// Package match finds rule phrases in chat messages: it normalises text
// (full-width, Traditional→Simplified, invisible characters, case), scans
// every message once with one Aho-Corasick automaton built from all phrase
// lists of all active rules, applies RE2 patterns and `except` contexts, and
// consults gse word boundaries only for messages where a word-mode phrase
// was found. It is the only package that knows about normalisation, automata
// and gse.
package match

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Mode is how the phrases of a list match.
type Mode uint8

const (
	// Word counts a phrase only where its first and last characters fall on
	// gse word boundaries (不懂 is not found in 看不懂, nor 亲 in 亲自).
	Word Mode = iota
	// Substring counts every occurrence.
	Substring
)

// ListSpec is one phrase list of a rule: phrases (literal), patterns (RE2,
// matched as written, not subject to Mode; a group named "match",
// (?P<match>…), marks the part reported when the pattern also matches
// context) and except contexts (a match inside an occurrence of an except
// phrase, or inside a match of an except pattern, does not count).
type ListSpec struct {
	Phrases  []string
	Patterns []string
	Except   []string
	// ExceptPatterns are RE2 patterns, compiled as Patterns are; a match of
	// the list inside one of their matches in the normalised text (every
	// match, overlapping ones too, unless the pattern looks before its
	// match with ^, \A, \b or \B: then those a search finds, leftmost
	// first, without overlaps) does not count.
	ExceptPatterns []string
	Mode           Mode
	// Scopes says which texts the list is asked about: bit s set, those
	// analysed in scope s (AnalyseIn; the check package's scopes are the
	// roles); 0, every text. AnalyseIn scans a text only for the lists of
	// its scope, with a smaller automaton; a list asked about a text outside
	// its scopes is still answered right, by scanning the text again in
	// full.
	Scopes uint64
}

// ListID names a compiled phrase list.
type ListID int32

// Builder collects the phrase lists of all active rules.
type Builder struct {
	specs []ListSpec
}

// Add registers a phrase list and returns its id.
func (b *Builder) Add(spec ListSpec) ListID {
	b.specs = append(b.specs, spec)
	return ListID(len(b.specs) - 1)
}

type use struct {
	list   ListID
	phrase int32 // index in the list's phrases; -1: an except context; -2: a pattern's prefilter literal
	// pattern is the index in the list's patterns of a prefilter literal,
	// set the index of the literal's set among the pattern's required sets.
	pattern int32
	set     int32
}

// use kinds in use.phrase
const (
	useExcept    = -1
	usePrefilter = -2
)

type list struct {
	mode     Mode
	phrases  []string // as written
	patterns []*lazyRegexp
	// group[i] is the index of pattern i's (?P<match>…) group, or -1: a
	// pattern may match context around the part it reports.
	group []int
	// filtered[i] is true when pattern i only runs on texts where the
	// automaton saw a literal of each of its sets[i] required sets.
	filtered []bool
	sets     []int
	// need[i] holds, for filtered pattern i, required sets the automaton
	// does not look for (single characters: requiredLiteralSplit): a text
	// must hold a literal of each too (mayNeed), asked only once the
	// automaton saw the literals of the others; nil when it has none
	need [][][]charSig
	// win[i] says how filtered pattern i runs on the pieces of a text
	// around its literals' occurrences; nil: on the whole text
	win []*window
	// tail[i] is what pattern i, anchored at the end of the text, asks of
	// a text before it is searched there (tailGate); nil: nothing
	tail []*tailGate
	// plan[i] is how pattern i, searched on the whole text without a
	// group, runs faster than its regexp (fastpattern.go), worked out when
	// first needed (planOf)
	plan []lazyPlan
	// unfiltered is true when some pattern runs on every text, prefiltered
	// when some pattern is filtered
	unfiltered, prefiltered bool
	// except are the except patterns, run only on texts with a candidate
	except []exceptPattern
	// single: the list is one pattern that runs on every text, without a
	// group and with no except phrase or pattern: Has asks its plan
	// directly when it is ^[C]+$ (a latency rule's "nothing but
	// acknowledgements" test, asked of every message that waits)
	single bool
	// scopes: ListSpec.Scopes
	scopes uint64
}

// Matcher is the compiled form of all phrase lists. It is immutable and safe
// for concurrent use; per-message state lives in a Text.
type Matcher struct {
	ac   *automaton
	keys []string // normalised automaton patterns
	uses [][]use  // per automaton pattern
	// keyLists[k] is the set of lists automaton pattern k has a use in;
	// keyLists0[k] is its first word
	keyLists  [][]uint64
	keyLists0 []uint64
	// hitLists[k] is the set of lists a hit of automaton pattern k may
	// make match (noteLists): those with a phrase it is, or with a pattern
	// whose chosen required set (primarySet) holds it; except phrases and
	// the pattern's other sets alone make no match. hitLists0[k] is its
	// first word.
	hitLists  [][]uint64
	hitLists0 []uint64
	// always is the set of lists with a pattern that runs on every text
	// (no required literals)
	always []uint64
	// scoped[s] is the automaton of the keys the lists of scope s use (nil:
	// scope s scans with ac), outside[s] the set of lists not of scope s:
	// a text analysed in scope s (AnalyseIn) may have hits of theirs that
	// it lacks
	scoped  [maxScopes]*automaton
	outside [maxScopes][]uint64
	lists   []list
	seg     Segmenter
	// near[id][i] is what covers uses of except pattern i of list id,
	// and exceptLen[id] the length of list id's longest except phrase
	// (normalised; 0: it has none), worked out on first use (nearRuns)
	nearOnce  sync.Once
	near      [][]nearRun
	exceptLen []int
	// formOnce[id] works out list id's except patterns and their nearRuns
	// (compileForms); formsDone[id] says it has
	formOnce  []sync.Once
	formsDone []atomic.Bool
}

// maxScopes bounds the scopes of ListSpec.Scopes.
const maxScopes = 64

// Build compiles the lists. seg finds word boundaries for word-mode lists.
func (b *Builder) Build(seg Segmenter) (*Matcher, error) {
	return b.build(seg, nil)
}

// BuildContext is Build, given up as soon as ctx is done: it then returns
// ctx.Err(). Building the automata of a word list of hundreds of thousands
// of phrases takes seconds, which a Ctrl-C need not wait for.
func (b *Builder) BuildContext(ctx context.Context, seg Segmenter) (*Matcher, error) {
	m, err := b.build(seg, ctx.Done())
	if errors.Is(err, errStopped) {
		return nil, ctx.Err()
	}
	return m, err
}

// errStopped is build's error once its stop channel is closed.
var errStopped = errors.New("match: build stopped")

// build is Build, given up (errStopped) once stop is closed (stopAt).
func (b *Builder) build(seg Segmenter, stop <-chan struct{}) (*Matcher, error) {
	m := &Matcher{seg: seg, lists: make([]list, len(b.specs)), formOnce: make([]sync.Once, len(b.specs)),
		formsDone: make([]atomic.Bool, len(b.specs))}
	index := map[string]int32{}
	keyNormalized := func(n string) int32 {
		if id, ok := index[n]; ok {
			return id
		}
		id := int32(len(m.keys))
		index[n] = id
		m.keys = append(m.keys, n)
		m.uses = append(m.uses, nil)
		return id
	}
	key := func(s string) int32 { return keyNormalized(NormalizePhrase(s)) }
	compiled := compileLists(b.specs, stop)
	if stopped(stop) {
		return nil, errStopped // (compiled may lack patterns)
	}
	primary := make([][]int32, len(b.specs)) // [list][pattern]: primarySet
	// (the phrases of every list counted, for stopAt)
	steps := 0
	for i, spec := range b.specs {
		l := &m.lists[i]
		cl := &compiled[i]
		l.mode = spec.Mode
		l.phrases = spec.Phrases
		l.scopes = spec.Scopes
		for j, p := range spec.Phrases {
			if steps++; stopAt(steps, stop) {
				return nil, errStopped
			}
			if NormalizePhrase(p) == "" {
				return nil, fmt.Errorf("phrase %q is empty after normalisation", p)
			}
			k := key(p)
			m.uses[k] = append(m.uses[k], use{ListID(i), int32(j), -1, 0})
		}
		for _, p := range spec.Except {
			if NormalizePhrase(p) == "" {
				return nil, fmt.Errorf("except phrase %q is empty after normalisation", p)
			}
			k := key(p)
			m.uses[k] = append(m.uses[k], use{ListID(i), useExcept, -1, 0})
		}
		for j := range spec.ExceptPatterns {
			c := &cl.except[j]
			if c.err != nil {
				return nil, fmt.Errorf("except pattern: %w", c.err)
			}
			l.except = append(l.except, c.ep)
		}
		l.plan = make([]lazyPlan, len(spec.Patterns))
		primary[i] = make([]int32, len(spec.Patterns))
		for j := range spec.Patterns {
			c := &cl.patterns[j]
			if c.err != nil {
				return nil, c.err
			}
			re := c.re
			l.patterns = append(l.patterns, re)
			l.group = append(l.group, re.matchIndex())
			l.filtered = append(l.filtered, c.ok)
			l.unfiltered = l.unfiltered || !c.ok
			l.prefiltered = l.prefiltered || c.ok
			l.sets = append(l.sets, len(c.sets))
			l.need = append(l.need, needSigs(c.need))
			l.win = append(l.win, c.win)
			primary[i][j] = primarySet(c.sets)
			l.tail = append(l.tail, c.tail)
			for si, set := range c.sets {
				for _, lit := range set.lits {
					k := keyNormalized(lit)
					m.uses[k] = append(m.uses[k], use{ListID(i), usePrefilter, int32(j), int32(si)})
				}
			}
		}
	}
	for i, spec := range b.specs {
		l := &m.lists[i]
		l.single = len(spec.Phrases) == 0 && len(spec.Except) == 0 && len(spec.ExceptPatterns) == 0 &&
			len(l.patterns) == 1 && !l.filtered[0] && l.group[0] < 0
	}
	if err := checkKeyBytes(m.keys); err != nil {
		return nil, err
	}
	words := (len(m.lists) + 63) / 64
	m.keyLists = make([][]uint64, len(m.keys))
	m.keyLists0 = make([]uint64, len(m.keys))
	m.always = make([]uint64, words)
	for i := range m.lists {
		if m.lists[i].unfiltered {
			m.always[i>>6] |= 1 << (uint(i) & 63)
		}
	}
	m.hitLists = make([][]uint64, len(m.keys))
	m.hitLists0 = make([]uint64, len(m.keys))
	for k, us := range m.uses {
		if stopAt(k, stop) {
			return nil, errStopped
		}
		m.keyLists[k] = make([]uint64, words)
		m.hitLists[k] = make([]uint64, words)
		for _, u := range us {
			bit := uint64(1) << (uint(u.list) & 63)
			m.keyLists[k][u.list>>6] |= bit
			if u.phrase >= 0 || u.phrase == usePrefilter && u.set == primary[u.list][u.pattern] {
				m.hitLists[k][u.list>>6] |= bit
			}
		}
		m.keyLists0[k] = m.keyLists[k][0]
		m.hitLists0[k] = m.hitLists[k][0]
	}
	if !m.buildAutomata(words, stop) {
		return nil, errStopped
	}
	return m, nil
}

// buildAutomata builds ac, the automaton of every key, and the automaton
// of each scope some list names, unless the lists of that scope use every
// key (ac then serves): each on its own, so on every CPU (parallel). It
// reports false, given up, once stop is closed.
func (m *Matcher) buildAutomata(words int, stop <-chan struct{}) bool {
	var scopes []int // the scopes with an automaton of their own
	var scopeIDs [][]int32
	var named uint64
	for i := range m.lists {
		named |= m.lists[i].scopes
	}
	for s := range maxScopes {
		if named&(1<<s) == 0 {
			continue
		}
		if stopped(stop) { // (each scope goes through every key)
			return false
		}
		outside := make([]uint64, words)
		for i := range m.lists {
			if sc := m.lists[i].scopes; sc != 0 && sc&(1<<s) == 0 {
				outside[i>>6] |= 1 << (uint(i) & 63)
			}
		}
		var ids []int32 // the keys some list of the scope uses
		for k, kl := range m.keyLists {
			for w := range kl {
				if kl[w]&^outside[w] != 0 {
					ids = append(ids, int32(k))
					break
				}
			}
		}
		if len(ids) == len(m.keys) {
			continue
		}
		scopes = append(scopes, s)
		scopeIDs = append(scopeIDs, ids)
		m.outside[s] = outside
	}
	parallel(1+len(scopes), func(i int) {
		if i == 0 {
			m.ac = buildAutomaton(m.keys, stop)
			return
		}
		m.scoped[scopes[i-1]] = buildAutomatonOf(m.keys, scopeIDs[i-1], stop)
	})
	// (an automaton given up is nil: stop is closed then)
	return !stopped(stop)
}

// primarySet returns the index of the required set of a filtered pattern
// (sets: its required literal sets, each of which a match holds a literal
// of) whose literals alone let the text's list bit be set (hitLists): a
// text without one of them cannot match the pattern, whatever the other
// sets say. The set with the fewest literals, as the likeliest to be the
// rarest: 没问题 rather than the eight promise words of 肯定没问题, the
// promise words rather than the fourteen ways of 发货 and 送到.
func primarySet(sets []litSet) int32 {
	best := 0
	for si := range sets {
		if len(sets[si].lits) < len(sets[best].lits) {
			best = si
		}
	}
	return int32(best)
}

// Phrase returns phrase i of a list as written in the pack.
func (m *Matcher) Phrase(id ListID, i int) string { return m.lists[id].phrases[i] }

// UnfilteredPatterns returns, as compiled, the patterns that run on every
// text their list is asked about: those with no set of literals every match
// holds one of (a set of one-character literals, such as the 件|个|台 of a
// unit, is not kept when it has more than three). Each costs a regexp search
// of every such text, where a filtered pattern runs only on the texts, and
// around the places, where the automaton saw its literals.
func (m *Matcher) UnfilteredPatterns() []string {
	var out []string
	for i := range m.lists {
		l := &m.lists[i]
		for j, re := range l.patterns {
			if !l.filtered[j] {
				out = append(out, re.String())
			}
		}
	}
	return out
}

// Hit is one occurrence of a list's phrase or pattern in a message.
type Hit struct {
	// Start and End are the byte span of the match in the original text.
	Start, End int
	// Phrase indexes the list's phrases, or is -1 for a pattern match.
	Phrase int
	// Pattern indexes the list's patterns, or is -1 for a phrase match.
	Pattern int
	// Text is the matched original text.
	Text string
	// Column is the 1-based character position of the match.
	Column int
}

type rawHit struct {
	key        int32
	start, end int32 // in normalised text
}

// Text is one message analysed by a Matcher: normalised, scanned, and
// segmented on demand. Reuse a Text for many messages; it is not safe for
// concurrent use.
type Text struct {
	m    *Matcher
	orig string
	norm Normalized
	// normDone says norm holds orig normalised (texts analysed without a
	// scan normalise only if something asks)
	normDone bool
	// raw is the automaton's hits in the text, in rawOwn's storage
	raw, rawOwn []rawHit
	// bounds are the word boundaries of the normalised text up to segEnd
	// (all of it, or a prefix whose boundaries are the text's: see
	// boundaryProver.ForcedCut), when segmented
	bounds    []int
	segmented bool
	segEnd    int
	// segDist is the distance the segmenter's search reached at segEnd
	// (continuingSegmenter), for the segmentation to go on from there
	segDist float32
	// stretches, when segmented and not fromStart, are the stretches of
	// the text segmented each on its own (stretchSegmenter), by offset:
	// bounds holds their boundaries. fromStart: the text was segmented from
	// its start up to segEnd instead.
	stretches []span
	fromStart bool
	segBuf    []int
	// segCache, when set, remembers stretches segmented before (SegCache)
	segCache *SegCache
	cand     []cand
	// lists is the set of lists that may match: those some automaton hit
	// is a use of (phrase, except or prefilter literal) and those with a
	// pattern that runs on every text (Matcher.always); built as the text
	// is analysed or loaded
	lists []uint64
	// skip0 is the complement of lists' first word, so that Has and Hits
	// can test it inline: bit i set, list i cannot match; 0 for lists
	// after the first 64, and in a Text not analysed (Has and Hits then
	// look further)
	skip0 uint64
	// exc holds the matches of except patterns, per list, found so far
	// (forgotten by Analyse and AnalyseIn)
	exc []exceptSpans
	// scope is the scope whose automaton found raw (AnalyseIn), -1 when
	// the whole automaton did: lists outside it are in lists, so that
	// asking about one scans the text in full first (ready)
	scope int8
	// scratch space for patterns: the occurrences of their literals, the
	// required sets seen per pattern, the pieces of text they run on
	pre         []preHit
	seen        []uint64
	spans, cur  []span
	noWindowing bool // tests: run every pattern on the whole text, ungated by list.need
	noCharWalk  bool // tests: map hits back through the offset map alone
	// chars are the characters of the normalised text, once charsDone
	// (except patterns' literals are asked of them: exceptContext)
	chars     charBloom
	charsDone bool
	// ws is the windowed search of the pattern being searched
	ws windowSearch
	// bt is the scratch space of the anchored tries (btProg)
	bt btState
	// tests: windowPath chooses how windowed patterns are searched
	// (windowFinder); steps counts what windowSearch visits (occurrences,
	// pieces, positions), to show it stays linear in the text
	windowPath windowPath
	steps      int
}

// preHit is an occurrence of a literal of a pattern's required set.
type preHit struct {
	pattern, set int32
	start, end   int32 // in normalised text
}

type cand struct {
	start, end int // normalised
	phrase     int
	pattern    int
}

// Analyse prepares t for text: normalises it and runs the automaton once.
// With scan false the text is only normalised, when something asks for it
// (Hits then finds nothing), for messages no rule looks at.
func (m *Matcher) Analyse(t *Text, text string, scan bool) {
	t.start(m, text)
	if scan {
		t.scan(m.ac)
	} else {
		t.raw = t.rawOwn[:0]
		t.normDone = false // normalised if something asks
	}
	t.noteLists()
}

// AnalyseIn is Analyse with scan, scanning only for the lists of scope
// (ListSpec.Scopes) with their smaller automaton, when there is one (-1
// or a scope no list names: for every list). Asking about a list outside
// the scope then scans the text in full first.
func (m *Matcher) AnalyseIn(t *Text, text string, scope int) {
	ac := m.ac
	if uint(scope) < maxScopes && m.scoped[scope] != nil {
		ac = m.scoped[scope]
	} else {
		scope = -1
	}
	t.start(m, text)
	t.scope = int8(scope)
	if ac.chars == nil {
		t.scan(ac)
	} else {
		// t.scan written out: a call less a message
		raw := t.norm.resetScan(text, ac, t.rawOwn[:0])
		t.normDone = true
		t.raw, t.rawOwn = raw, raw
	}
	if len(m.always) == 1 && len(t.lists) == 1 {
		// t.noteLists written out for up to 64 lists, once t.lists has
		// its word: a call and its checks less a message
		w := m.always[0]
		if scope >= 0 {
			w |= m.outside[scope][0]
		}
		for _, h := range t.raw {
			w |= m.hitLists0[h.key]
		}
		t.lists[0], t.skip0 = w, ^w
		return
	}
	t.noteLists()
}

// start makes t forget its last text for text, scanned for every list
// (scope -1) unless the caller says otherwise; t.raw and t.normDone are
// the caller's to set, and t.lists is left as it was.
func (t *Text) start(m *Matcher, text string) {
	t.m = m
	t.orig = text
	t.bounds = t.bounds[:0]
	t.segmented = false
	t.scope = -1
	t.exc = t.exc[:0]
	t.charsDone = false
}

// scan normalises t's text and scans it with ac: the automaton of every
// list or of a scope's.
func (t *Text) scan(ac *automaton) {
	var raw []rawHit
	if ac.chars != nil {
		raw = t.norm.resetScan(t.orig, ac, t.rawOwn[:0])
	} else {
		t.norm.Reset(t.orig)
		raw = ac.hits(t.norm.Text, t.rawOwn[:0])
	}
	t.normDone = true
	t.raw, t.rawOwn = raw, raw
}

// normalize makes sure t.norm holds the normalised text.
func (t *Text) normalize() {
	if !t.normDone {
		t.norm.Reset(t.orig)
		t.normDone = true
	}
}

// Normalized returns the normalised text.
func (t *Text) Normalized() string {
	t.normalize()
	return t.norm.Text
}

// Orig returns the original text.
func (t *Text) Orig() string { return t.orig }

// Traditional reports whether the text has a Traditional character the
// normaliser converts (Normalized.Traditional): without one, it is not
// written in Traditional script.
func (t *Text) Traditional() bool {
	t.normalize()
	return t.norm.Traditional()
}

// OrigSpan maps the byte span [start, end) of the normalised text
// (Normalized) to the span of the original text it came from.
func (t *Text) OrigSpan(start, end int) (int, int) {
	t.normalize()
	return t.norm.OrigSpan(start, end)
}

// Has reports whether the list matches anywhere in the text.
func (t *Text) Has(id ListID) bool {
	// small enough to inline: most lists a caller asks about cannot match
	// the message at all, and that answer costs no call
	return t.mayHit(id) && t.has(id)
}

// has is Has for a list that may match the text (mayHit).
func (t *Text) has(id ListID) bool {
	if !t.ready(id) {
		return false
	}
	l := &t.m.lists[id]
	// a phrase that counts is enough; overlaps do not matter here
	if len(l.phrases) > 0 {
		for _, h := range t.raw {
			if !t.m.keyIn(h.key, id) {
				continue
			}
			for _, u := range t.m.uses[h.key] {
				if u.list != id || u.phrase < 0 {
					if u.list > id {
						break // (a key's uses are in the order of their lists)
					}
					continue
				}
				// the except contexts first: a candidate inside one needs no
				// word boundaries (which may take segmenting the text)
				s, e := int(h.start), int(h.end)
				if !t.excepted(id, s, e) && (l.mode != Word || t.wordStart(s, e) && t.wordEnd(s, e)) {
					return true
				}
			}
		}
	}
	if len(l.patterns) == 0 {
		return false
	}
	if l.single && !t.noWindowing {
		// ^[C]+$ alone: every character in C, without the memo of the
		// list's searches (patternCands), which costs more
		if p := l.planOf(0); p != nil && p.whole != nil {
			t.normalize()
			return t.norm.Text != "" && p.whole.all(t.norm.Text)
		}
	}
	// the patterns one at a time: the first match outside an except
	// context settles it (Hits would run every pattern over the whole text
	// to resolve overlaps); the phrases' candidates are not wanted again,
	// nor, when no pattern is filtered, the occurrences of required
	// literals (mayMatch and a window read them only for a filtered one)
	if l.prefiltered {
		t.notePrefilters(id)
	} else {
		t.normalize()
	}
	c := t.cand[:0]
	for i := range l.patterns {
		if !t.mayMatch(l, i) || !t.mayNeed(l, i) {
			continue
		}
		c = t.patternCands(l, i, c[:0])
		for _, x := range c {
			if !t.excepted(id, x.start, x.end) {
				t.cand = c[:0]
				return true
			}
		}
	}
	t.cand = c[:0]
	return false
}

// Hits appends to dst the occurrences of the list in the text: word-mode
// phrases only on word boundaries, nothing inside an except context, and
// overlaps resolved leftmost-longest, in text order.
func (t *Text) Hits(id ListID, dst []Hit) []Hit {
	// small enough to inline, as Has
	if !t.mayHit(id) {
		return dst
	}
	return t.hits(id, dst)
}

// hits is Hits for a list that may match the text (mayHit).
func (t *Text) hits(id ListID, dst []Hit) []Hit {
	if !t.ready(id) {
		return dst
	}
	c, needWord := t.candidates(id, t.cand[:0])
	if len(c) == 0 {
		t.cand = c
		return dst
	}
	// except contexts, then word boundaries (a candidate inside an except
	// context needs none, and they may take segmenting the text)
	w := c[:0]
	for _, x := range c {
		if t.excepted(id, x.start, x.end) {
			continue
		}
		if needWord && x.pattern < 0 {
			// wordStart and wordEndAt, each boundary asked once
			if !t.wordBoundary(x.start) && !t.afterNegAdverb(x.start, x.end) {
				continue
			}
			if !t.wordBoundary(x.end) {
				if !erhuaAfter(t.norm.Text, x.start, x.end) || !t.wordBoundary(x.end+len("儿")) {
					continue
				}
				x.end += len("儿") // the hit takes the 儿 in
			}
		}
		w = append(w, x)
	}
	c = w
	// leftmost-longest, non-overlapping
	if len(c) > 1 {
		slices.SortFunc(c, func(a, b cand) int {
			if a.start != b.start {
				return a.start - b.start
			}
			return b.end - a.end
		})
	}
	t.cand = c
	return t.appendHits(dst, c)
}

// appendHits appends the hits of candidates c (in text order, overlaps
// not yet dropped) to dst, mapped back to the original text.
func (t *Text) appendHits(dst []Hit, c []cand) []Hit {
	last := -1
	orig, norm := t.norm.Orig(), t.norm.Text
	var cols Columns // hits are in text order
	// past normalisation's first change, hits map back by walking the
	// normalised and the original text in step (charWalk) instead of
	// through the offset map of the whole text, if the texts turn out to
	// have as many characters (most do: full-width punctuation folded,
	// nothing dropped): from candidate c[from] and hit dst[walked] on
	var walk charWalk
	from, walked := -1, 0
	for i, x := range c {
		if x.start < last {
			continue
		}
		last = x.end
		var os, oe, col int
		if from < 0 && (x.end <= t.norm.first || t.norm.first < 0 || t.noCharWalk) {
			os, oe = t.norm.OrigSpan(x.start, x.end)
			col = cols.At(orig, os)
		} else {
			if from < 0 {
				from, walked = i, len(dst)
			}
			walk.to(norm, orig, x.start)
			os, col = walk.orig, walk.chars+1
			walk.to(norm, orig, x.end)
			oe = walk.orig
		}
		dst = append(dst, Hit{
			Start: os, End: oe, Phrase: x.phrase, Pattern: x.pattern,
			Text: orig[os:oe], Column: col,
		})
	}
	if from < 0 || walk.ok(norm, orig) {
		return dst
	}
	// characters were dropped: the offset map after all
	dst, last = dst[:walked], -1
	for _, x := range c[from:] {
		if x.start < last {
			continue
		}
		last = x.end
		os, oe := t.norm.OrigSpan(x.start, x.end)
		dst = append(dst, Hit{
			Start: os, End: oe, Phrase: x.phrase, Pattern: x.pattern,
			Text: orig[os:oe], Column: cols.At(orig, os),
		})
	}
	return dst
}

// keyIn reports whether automaton pattern k has a use in the list: a test
// that spares walking its uses for the hits of other lists' phrases.
func (m *Matcher) keyIn(k int32, id ListID) bool {
	if uint32(id) < 64 {
		return m.keyLists0[k]>>uint32(id)&1 != 0
	}
	return m.keyLists[k][id>>6]>>(uint(id)&63)&1 != 0
}

// mayHit reports whether the list may match the text: some automaton hit
// in the text may make it match (Matcher.hitLists), or it has a pattern
// that runs on every text.
// If not, it has no hits. It is small enough to inline into Has and Hits:
// it says yes for the lists after the first 64 (a shift by 64 or more
// gives 0), which mayHitSlow then settles.
func (t *Text) mayHit(id ListID) bool {
	return t.skip0>>uint32(id)&1 == 0
}

// mayHitSlow is mayHit for any list, in a Text that may not be analysed.
func (t *Text) mayHitSlow(id ListID) bool {
	return t.m != nil && t.lists[id>>6]&(1<<(uint(id)&63)) != 0
}

// ready is mayHitSlow that, for a list outside the scope the text was
// scanned for, first scans the text again with every list's automaton, so
// that t.raw holds all the list's hits.
func (t *Text) ready(id ListID) bool {
	if !t.mayHitSlow(id) {
		return false
	}
	if t.scope >= 0 && t.m.outside[t.scope][id>>6]&(1<<(uint(id)&63)) != 0 {
		t.normalize()
		t.raw = t.m.ac.hits(t.norm.Text, t.rawOwn[:0])
		t.rawOwn = t.raw
		t.scope = -1
		t.noteLists()
		return t.mayHitSlow(id)
	}
	return true
}

// noteLists builds t.lists (t.m and t.raw set): the lists with a pattern
// that runs on every text, and those the automaton's hits may make match
// (Matcher.hitLists).
func (t *Text) noteLists() {
	m := t.m
	n := len(m.always)
	if n == 0 {
		t.lists, t.skip0 = t.lists[:0], 0 // no lists to ask about
		return
	}
	if cap(t.lists) < n {
		t.lists = make([]uint64, n)
	}
	lists := t.lists[:n]
	// the first word apart (the only one up to 64 lists), from a flat table
	w := m.always[0]
	var outside []uint64 // lists the text was not scanned for (see ready)
	if t.scope >= 0 {
		outside = m.outside[t.scope]
		w |= outside[0]
	}
	for _, h := range t.raw {
		w |= m.hitLists0[h.key]
	}
	lists[0] = w
	if n > 1 {
		copy(lists[1:], m.always[1:])
		if outside != nil {
			for i := 1; i < n; i++ {
				lists[i] |= outside[i]
			}
		}
		for _, h := range t.raw {
			kl := m.hitLists[h.key][1:n]
			for i := range kl {
				lists[1+i] |= kl[i]
			}
		}
	}
	t.lists, t.skip0 = lists, ^w
}

// candidates appends to c the occurrences of the list's phrases (before
// word boundaries and except contexts are looked at) and the matches of its
// patterns; needWord says some phrase candidate needs word boundaries.
func (t *Text) candidates(id ListID, c []cand) (_ []cand, needWord bool) {
	c, needWord = t.uses(id, c)
	l := &t.m.lists[id]
	for i := range l.patterns {
		if t.mayMatch(l, i) && t.mayNeed(l, i) {
			c = t.patternCands(l, i, c)
		}
	}
	return c, needWord
}

// mayMatch reports whether pattern i of list l may match the text: the
// automaton saw a literal of each set the pattern requires (uses noted
// which), or it has none. A pattern with sets left to the text's
// characters (list.need) asks mayNeed next.
func (t *Text) mayMatch(l *list, i int) bool {
	return !l.filtered[i] || t.seen[i] == 1<<uint(l.sets[i])-1
}

// mayNeed reports whether the text's characters may hold a literal of each
// set pattern i of list l leaves to them (list.need; true when none): a
// pattern whose object words the automaton saw (地址, 电话) most often has
// no 改 or 换 around.
func (t *Text) mayNeed(l *list, i int) bool {
	need := l.need[i]
	if need == nil || t.noWindowing { // (tests: the regexp alone)
		return true
	}
	if !t.charsDone {
		t.chars.set(t.norm.Text)
		t.charsDone = true
	}
	return mayHoldNeed(&t.chars, need)
}

// uses appends to c the occurrences of the list's phrases and notes, for
// its patterns, which of their required literals occur and where (t.seen,
// t.pre); needWord says some phrase candidate needs word boundaries.
func (t *Text) uses(id ListID, c []cand) (_ []cand, needWord bool) {
	l := &t.m.lists[id]
	seen, pre := t.prefilterScratch(l)
	for _, h := range t.raw {
		if !t.m.keyIn(h.key, id) {
			continue
		}
		for _, u := range t.m.uses[h.key] {
			if u.list != id {
				if u.list > id {
					break // (a key's uses are in the order of their lists)
				}
				continue
			}
			switch {
			case u.phrase >= 0:
				c = append(c, cand{int(h.start), int(h.end), int(u.phrase), -1})
				needWord = needWord || l.mode == Word
			case u.phrase == usePrefilter:
				seen[u.pattern] |= 1 << uint(u.set)
				if l.win[u.pattern] != nil {
					pre = append(pre, preHit{u.pattern, u.set, h.start, h.end})
				}
			}
		}
	}
	t.seen, t.pre = seen, pre
	return c, needWord
}

// prefilterScratch normalises the text and returns t.seen, cleared for
// the patterns of l, and t.pre, empty, for uses and notePrefilters to fill.
func (t *Text) prefilterScratch(l *list) (seen []uint64, pre []preHit) {
	t.normalize()
	seen = t.seen[:0]
	if n := len(l.patterns); cap(seen) >= n {
		seen = seen[:n]
		clear(seen)
	} else {
		seen = make([]uint64, n)
	}
	return seen, t.pre[:0]
}

// notePrefilters is uses without the phrases' candidates: it notes, for
// the list's patterns, which of their required literals occur and where
// (t.seen, t.pre).
func (t *Text) notePrefilters(id ListID) {
	l := &t.m.lists[id]
	seen, pre := t.prefilterScratch(l)
	for _, h := range t.raw {
		if !t.m.keyIn(h.key, id) {
			continue
		}
		for _, u := range t.m.uses[h.key] {
			if u.list != id || u.phrase != usePrefilter {
				if u.list > id {
					break // (a key's uses are in the order of their lists)
				}
				continue
			}
			seen[u.pattern] |= 1 << uint(u.set)
			if l.win[u.pattern] != nil {
				pre = append(pre, preHit{u.pattern, u.set, h.start, h.end})
			}
		}
	}
	t.seen, t.pre = seen, pre
}

// patternCands appends to c the matches of pattern i of list l: all the
// leftmost-first matches, or, for a pattern with a (?P<match>…) group, the
// group of each match, the search resuming right after the group. The
// pattern is searched once per text (uses must have run for the list): a
// message is often asked about a list several times (a rule's gate, then
// its condition; Has, then Hits; several rules sharing a condition), and
// the matches are remembered (listMemo).
func (t *Text) patternCands(l *list, i int, c []cand) []cand {
	if t.noWindowing {
		return t.searchPattern(l, i, c) // tests: no memo
	}
	e := t.listMemo(l)
	if r := e.pat[i]; r[0] >= 0 {
		return append(c, e.cands[r[0]:r[1]]...)
	}
	n := len(c)
	c = t.searchPattern(l, i, c)
	lo := len(e.cands)
	e.cands = append(e.cands, c[n:]...)
	e.pat[i] = [2]int32{int32(lo), int32(len(e.cands))}
	return c
}

// searchPattern is patternCands without the memo.
func (t *Text) searchPattern(l *list, i int, c []cand) []cand {
	re, text := l.patterns[i], t.norm.Text
	if i < len(l.tail) && l.tail[i] != nil && !t.noWindowing && !l.tail[i].may(text) {
		return c // (tests: the regexp alone)
	}
	w := l.win[i]
	if t.noWindowing || (w != nil && !w.usable()) {
		w = nil
	}
	g := l.group[i]
	if g < 0 {
		if w == nil {
			if !t.noWindowing { // tests: the regexp alone
				if c, ok := l.planOf(i).findAll(&t.bt, text, i, c); ok {
					return c
				}
				if b := l.btOf(i); b != nil {
					if c, ok := b.findAll(&t.bt, text, i, c); ok {
						return c
					}
				}
			}
			for _, loc := range re.FindAllStringIndex(text, -1) {
				if loc[1] > loc[0] {
					c = append(c, cand{loc[0], loc[1], -1, i})
				}
			}
			return c
		}
		// FindAllStringIndex, piece by piece (its handling of empty
		// matches included, though a pattern with required literals has
		// none)
		wf := windowFinder{eager: t.windowPath.eagerCalls()}
		prevEnd := -1
		for pos := 0; pos <= len(text); {
			var loc []int
			if wf.eager > 0 { // windowFinder.find, inlined by hand
				wf.eager--
				loc = t.find(re, w, int32(i), text, pos, 0)
			} else {
				loc = wf.findCursor(t, re, w, int32(i), text, pos, 0)
			}
			if loc == nil {
				break
			}
			accept := true
			if loc[1] == pos {
				if loc[0] == prevEnd {
					accept = false
				}
				_, size := utf8.DecodeRuneInString(text[pos:])
				pos += max(size, 1)
			} else {
				pos = loc[1]
			}
			prevEnd = loc[1]
			if accept && loc[1] > loc[0] {
				c = append(c, cand{loc[0], loc[1], -1, i})
			}
		}
		return c
	}
	// the search resumes right after the reported part, so the context
	// one match consumed after it can serve as the next one's leading
	// context (肯定能到，百分之百明天到 holds two promises)
	wf := windowFinder{eager: t.windowPath.eagerCalls()}
	for from := 0; from <= len(text); {
		var loc []int
		if w == nil {
			if b := l.btOf(i); b != nil && !t.noWindowing { // (tests: the regexp alone)
				loc = b.find(&t.bt, text[from:], b.need)
			} else {
				loc = re.FindStringSubmatchIndex(text[from:])
			}
			for k := range loc {
				if loc[k] >= 0 {
					loc[k] += from
				}
			}
		} else {
			loc = wf.find(t, re, w, int32(i), text, from, from)
		}
		if loc == nil {
			break
		}
		next := loc[1]
		if s, e := loc[2*g], loc[2*g+1]; s >= 0 && e > s {
			c = append(c, cand{s, e, -1, i})
			next = e
		} else if s < 0 && loc[1] > loc[0] {
			// a branch without the group (甲(?P<match>乙)|丙丁 on
			// 丙丁) reports its whole match, as a pattern without one
			// does
			c = append(c, cand{loc[0], loc[1], -1, i})
		}
		if next <= from {
			_, size := utf8.DecodeRuneInString(text[from:])
			next = from + max(size, 1)
		}
		from = next
	}
	return c
}

// find returns the leftmost-first match (submatch offsets in text) of
// pattern re starting at or after from, as the search of text[base:] from
// from would find it (^ matches at base only), running re only on the
// pieces of the text where its required literals allow a match (t.pre holds
// their occurrences). nil when there is none. Each call goes over all the
// occurrences: a search calls it for its first matches only, then
// windowSearch (windowFinder).
func (t *Text) find(re *lazyRegexp, w *window, pattern int32, text string, from, base int) []int {
	spans := t.spans[:0]
	for k, ws := range w.sets {
		cur := t.cur[:0]
		for _, p := range t.pre {
			if p.pattern != pattern || p.set != ws.set || int(p.start) < from {
				continue
			}
			lo, hi := from, len(text)
			if ws.pre < unbounded {
				lo = max(lo, int(p.end)-ws.pre)
			}
			if ws.post < unbounded {
				hi = min(hi, int(p.start)+ws.post)
			}
			// Pieces start and end where characters do (from does).
			// Bounds in bytes can fall inside a character, and the
			// regexp would read its stray bytes as U+FFFD, one byte
			// each. The bounds count U+FFFD as the 3 bytes it is
			// encoded in, so that only goes wrong where a pattern
			// element of width exactly 3 matches U+FFFD (a class like
			// [\x{FFFD}一-龥]; ., \PL and negated classes such as
			// [^不] may match 4-byte characters, which leaves the bound
			// room for the stray bytes): [\x{FFFD}一-龥]{0,5}保证 then
			// matched 😀一二三四保证 from the last byte of 😀, and
			// 保证[\x{FFFD}一-龥]{0,5} took the first byte of a 😀
			// after 一二三四. Whole characters make each piece a valid
			// stretch of the text, where the regexp reads what the
			// search of the whole text reads (findAnchored's tries, too,
			// run up to the end of a piece).
			for lo > from && !utf8.RuneStart(text[lo]) {
				lo--
			}
			for hi < len(text) && !utf8.RuneStart(text[hi]) {
				hi++
			}
			if n := len(cur); n > 0 && lo <= cur[n-1].hi {
				if lo < cur[n-1].lo {
					// out of order (hits are in order of their end, so
					// this does not happen): search everything
					cur = append(cur[:0], span{from, len(text)})
					continue
				}
				cur[n-1].hi = max(cur[n-1].hi, hi)
			} else {
				cur = append(cur, span{lo, hi})
			}
		}
		if k == 0 {
			spans = append(spans, cur...)
		} else {
			spans = intersectSpans(spans, cur)
		}
		t.cur = cur
		if len(spans) == 0 {
			break
		}
	}
	t.spans = spans
	if w.lead >= 0 && len(spans) > 0 {
		if loc, ok := t.findAnchored(w, pattern, text, from, base, spans); ok {
			return loc
		}
	}
	for _, s := range spans {
		if s.hi <= s.lo {
			continue // matches are not empty
		}
		if loc := t.searchPiece(w, re, text, s.lo, s.hi, base); loc != nil {
			return loc
		}
	}
	return nil
}

// intersectSpans intersects two ascending lists of disjoint pieces, reusing
// a's storage.
func intersectSpans(a, b []span) []span {
	out := a[:0]
	i, j := 0, 0
	// a piece of a may yield several pieces: collect them apart first
	var buf [8]span
	res := buf[:0]
	for i < len(a) && j < len(b) {
		lo, hi := max(a[i].lo, b[j].lo), min(a[i].hi, b[j].hi)
		if lo < hi {
			res = append(res, span{lo, hi})
		}
		if a[i].hi < b[j].hi {
			i++
		} else {
			j++
		}
	}
	return append(out, res...)
}

// segment segments the whole normalised text.
func (t *Text) segment() {
	t.normalize()
	if t.segmented && !t.fromStart {
		t.segmented = false // (stretches: all of it from the start instead)
	}
	t.fromStart = true
	if t.segmented && t.segEnd == len(t.norm.Text) {
		return
	}
	t.segmentTo(len(t.norm.Text))
}

// segmentTo segments the normalised text up to end, on from where it was
// segmented before: both ends are cuts the segmenter always makes (a forced
// cut or the end of the text), so a long message asked about one boundary
// after another is segmented once, not once from its start per question.
// The search goes on from the distance it had reached (segDist), as on the
// whole text.
func (t *Text) segmentTo(end int) {
	cs, _ := t.m.seg.(continuingSegmenter)
	if !t.segmented {
		if cs != nil {
			t.bounds, t.segDist = cs.boundariesFrom(t.bounds[:0], t.norm.Text[:end], 0)
		} else {
			t.bounds = t.m.seg.Boundaries(t.bounds[:0], t.norm.Text[:end])
		}
		t.segmented, t.segEnd = true, end
		return
	}
	from := t.segEnd
	if end <= from {
		return
	}
	if cs == nil {
		// a segmenter that cannot go on: all of it again
		t.bounds = t.m.seg.Boundaries(t.bounds[:0], t.norm.Text[:end])
		t.segEnd = end
		return
	}
	// the stretch's boundaries, relative to it, start with 0: the previous
	// stretch's last boundary
	n := len(t.bounds)
	t.bounds, t.segDist = cs.boundariesFrom(t.bounds, t.norm.Text[from:end], t.segDist)
	added := t.bounds[n:]
	for i := range added {
		added[i] += from
	}
	if len(added) > 0 && added[0] == from && n > 0 && t.bounds[n-1] == from {
		t.bounds = append(t.bounds[:n], added[1:]...)
	}
	t.segEnd = end
}

// continuingSegmenter is implemented by segmenters that can segment a text
// on from a forced cut (boundaryProver.ForcedCut) of a text they segmented
// before, as they would segment the whole text.
type continuingSegmenter interface {
	// boundariesFrom is Boundaries for text going on from a forced cut,
	// where the segmenter's search had reached distance base (0 at the
	// start of a text); dist is the distance it reaches at text's end.
	boundariesFrom(dst []int, text string, base float32) (_ []int, dist float32)
}

// wordBoundary reports whether the normalised text has a word boundary at
// off, segmenting it only if the segmenter cannot tell otherwise, and then
// only as far as it must.
func (t *Text) wordBoundary(off int) bool {
	if t.segmented {
		if t.fromStart {
			if off <= t.segEnd {
				return t.isBoundary(off)
			}
		} else {
			for _, s := range t.stretches {
				if s.lo <= off && off <= s.hi {
					return t.isBoundary(off)
				}
			}
		}
	}
	t.normalize()
	p, ok := t.m.seg.(boundaryProver)
	if !ok {
		t.segment()
		return t.isBoundary(off)
	}
	if p.SureBoundary(t.norm.Text, off) {
		return true
	}
	if st, ok := t.m.seg.(stretchSegmenter); ok && !(t.segmented && t.fromStart) && len(t.norm.Text) <= maxStretchText {
		if t.segmentStretch(st, p, off) {
			return t.isBoundary(off)
		}
		// from the start after all
		t.segmented, t.fromStart = false, true
	}
	t.fromStart = true
	t.segmentTo(p.ForcedCut(t.norm.Text, off))
	return t.isBoundary(off)
}

// wordStart reports whether a word-mode candidate up to end may start at
// start: a word boundary, or the 不 of an adverb gse glued to it
// (negAdverbAt).
func (t *Text) wordStart(start, end int) bool {
	return t.wordBoundary(start) || t.afterNegAdverb(start, end)
}

// afterNegAdverb reports whether the candidate text[start:end] starts
// with the 不 of an adverb gse glued to it (negAdverbAt) that starts on a
// word boundary.
func (t *Text) afterNegAdverb(start, end int) bool {
	a := negAdverbAt(t.norm.Text, start, end)
	return a >= 0 && t.wordBoundary(a)
}

// negAdverbs are the adverbs gse glues to the 不 after them (真不, 可不,
// 毫不, 绝不, 决不 …, and 并不知道, 真不知道 whole) though the 不 goes
// with what follows: 我真不清楚 is 真 + 不清楚. Verbs are not among them (看
// of 看不清楚, 提 of 提不起), nor the adverbs that make 不 a condition or
// its opposite (如不, 要不, 何不, 无不, 莫不), nor those of "never" (从不,
// 永不): 客服从不知道您的密码 states a fact, as 从来不知道 (gse's 从来不)
// does, not the 不知道 of an agent who cannot answer.
const negAdverbs = "真可毫绝决暂极已尚并概太很最"

// negAdverbWords are the adverbs of more than one character that gse
// glues to the 不 after them (its words 都还不, 还都不, 倒也不, 未免太不),
// where the 不 goes with what follows as after negAdverbs: 这个我们都还不清楚
// and 这个我倒也不清楚 say 不清楚, 这个我还都不知道 不知道. (Those of "never",
// 从来不, and the double negatives, 不得不, 不能不, 不可不, are left out,
// as are 拒不, 互不, 虽不, 倘不 and 切不: a verb's, "each other", a
// concession, a condition, an order.)
var negAdverbWords = [...]string{"都还", "还都", "倒也", "未免太"}

// negAdverbAt returns where the adverb before the 不 that starts the
// candidate text[start:end] starts, when it is one of negAdverbs or
// negAdverbWords and the candidate is two characters or more, or -1:
// where gse cut a word at that adverb, the candidate starts a word of the
// language (不清楚 in 我真不清楚 and 这个我们都还不清楚, 不知道 in 这个可不知道,
// 不行 in 那可不行). An A-not-A question is no negation: 不可以 is not found
// in 可不可以; nor is 可不是, "exactly" (可不是嘛).
func negAdverbAt(text string, start, end int) int {
	if start < len("真") || end-start < 2*len("不") || text[start:start+len("不")] != "不" {
		return -1
	}
	a, n := utf8.DecodeLastRuneInString(text[:start])
	if n != len("真") {
		return -1
	}
	for _, w := range negAdverbWords {
		if strings.HasSuffix(text[:start], w) {
			return start - len(w) // (未免太 before 太)
		}
	}
	if !strings.ContainsRune(negAdverbs, a) {
		return -1
	}
	if next, _ := utf8.DecodeRuneInString(text[start+len("不"):]); next == a || a == '可' && next == '是' {
		return -1
	}
	return start - n
}

// wordEnd reports whether a word-mode candidate from start may end at end:
// a word boundary, or an erhua 儿 ending a word right after it (erhuaAfter).
func (t *Text) wordEnd(start, end int) bool {
	_, ok := t.wordEndAt(start, end)
	return ok
}

// wordEndAt is wordEnd, with where the hit ends: at end, or past the erhua
// 儿, which is part of the word as written (没门儿, so that a fix replaces
// it too, not leaving 无法办理儿).
func (t *Text) wordEndAt(start, end int) (int, bool) {
	if t.wordBoundary(end) {
		return end, true
	}
	if erhuaAfter(t.norm.Text, start, end) && t.wordBoundary(end+len("儿")) {
		return end + len("儿"), true
	}
	return end, false
}

// erhuaAfter reports whether the candidate text[start:end] is followed by
// 儿 and is two characters or more. Where that 儿 ends a word gse cut with
// the candidate's end (有点儿, 一会儿, 没门儿), it is the spoken suffix
// (儿化) that changes no word: 有点 is found in 有点儿贵 and 稍等一会 in
// 稍等一会儿. A one-character candidate is left out, as 儿 is a child
// there as often (女儿, 婴儿, 孤儿).
func erhuaAfter(text string, start, end int) bool {
	return len(text)-end >= len("儿") && text[end:end+len("儿")] == "儿" && utf8.RuneCountInString(text[start:end]) >= 2
}

// WordMatch reports whether text[start:end], a phrase found in a
// normalised text whose gse word boundaries boundary reports, counts in
// word mode: it starts on a boundary, or at the 不 of an adverb gse glued
// to it (negAdverbAt), and ends on one, or before an erhua 儿 that ends a
// word (erhuaAfter). It is the matcher's test, for callers that segment
// the text themselves.
func WordMatch(text string, start, end int, boundary func(int) bool) bool {
	a := negAdverbAt(text, start, end)
	return (boundary(start) || a >= 0 && boundary(a)) &&
		(boundary(end) || erhuaAfter(text, start, end) && boundary(end+len("儿")))
}

// segmentStretch segments on its own the stretch of the text around off
// between two forced cuts (or its ends), which no word reaches out of, and
// adds its boundaries to those of the stretches segmented before (a word
// boundary is mostly asked about near the end of a message: the text
// before the last forced cut needs no segmenting). It reports false when
// the segmenter cannot be sure to cut the stretch as the whole text.
func (t *Text) segmentStretch(st stretchSegmenter, p boundaryProver, off int) bool {
	text := t.norm.Text
	if !t.segmented {
		t.bounds, t.stretches, t.fromStart = t.bounds[:0], t.stretches[:0], false
	}
	// the stretch starts after the last forced cut before off, found from
	// the end of the last stretch before it (itself at a forced cut)
	from, at := 0, 0
	for i, s := range t.stretches {
		if s.hi <= off {
			from, at = s.hi, i+1
		}
	}
	lo, hi := st.stretchStart(text, from, off), p.ForcedCut(text, off)
	var b []int
	if ds, ok := st.(*dictSegmenter); ok && t.segCache != nil {
		// (from 0, the whole text's start or not: see stretchBounds)
		var cut stretchCut
		if b, cut = t.segCache.stretch(ds, t.segBuf[:0], text[lo:hi]); lo > 0 && !cut.ok(lo) {
			t.segBuf = b
			return false
		}
		for i := range b {
			b[i] += lo
		}
	} else if lo == 0 {
		b, _ = st.boundariesFrom(t.segBuf[:0], text[:hi], 0)
	} else {
		var ok bool
		if b, ok = st.stretchBoundaries(t.segBuf[:0], text[lo:hi], lo); !ok {
			t.segBuf = b
			return false
		}
		for i := range b {
			b[i] += lo
		}
	}
	t.segBuf = b
	// stretches are apart (a forced cut lies between two), and so are
	// their boundaries
	t.bounds = slices.Insert(t.bounds, sort.SearchInts(t.bounds, lo), b...)
	t.stretches = slices.Insert(t.stretches, at, span{lo, hi})
	t.segmented = true
	return true
}

// maxStretchText bounds the texts segmented stretch by stretch
// (segmentStretch): looking through a text's stretches for the one around
// an offset, and putting a new one's boundaries among the others, take
// longer the more there are, and a long text (a pathological one of
// thousands of sentences) is segmented from its start, on from one forced
// cut to the next, in time linear in its length.
const maxStretchText = 1024

// stretchSegmenter is implemented by segmenters that can segment a stretch
// of a text between two forced cuts (boundaryProver.ForcedCut) on its own.
type stretchSegmenter interface {
	continuingSegmenter
	// stretchStart returns the start of the stretch around off: right
	// after the last forced cut in text[from:off], or from.
	stretchStart(text string, from, off int) int
	// stretchBoundaries is Boundaries for text going on from a forced cut
	// before bytes into a text, as the whole text is cut; ok false when it
	// cannot be sure of that.
	stretchBoundaries(dst []int, text string, before int) (_ []int, ok bool)
}

func (t *Text) isBoundary(off int) bool {
	i := sort.SearchInts(t.bounds, off)
	return i < len(t.bounds) && t.bounds[i] == off
}

// Segmented reports whether the text needed word boundaries (for tests and
// statistics: only messages with a word-mode candidate are segmented).
func (t *Text) Segmented() bool { return t.segmented }

// Words returns the gse segmentation of the normalised text (for `explain`).
func (t *Text) Words() []string {
	t.segment()
	var out []string
	for i := 1; i < len(t.bounds); i++ {
		out = append(out, t.norm.Text[t.bounds[i-1]:t.bounds[i]])
	}
	return out
}

// Matcher returns the matcher that analysed the text.
func (t *Text) Matcher() *Matcher { return t.m }
