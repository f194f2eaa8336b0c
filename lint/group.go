package lint

import (
	"context"
	"fmt"
	"hash/maphash"
	"math"
	"math/bits"
	"slices"
	"sync"
	"unsafe"
)

// DefaultMemoryBudget is how many bytes of open conversations the engine
// holds before it lints the least recently active ones early.
const DefaultMemoryBudget = 64 << 20

// A conversation is also linted in parts of at most a message for every
// partMessageBytes of the budget (8,192 messages by default; at least
// minPartMessages). A file without conversation ids is one conversation:
// checking a message takes about 1 KiB besides the message (its normalised
// text, phrase hits, word boundaries, offsets), held until its whole part
// is checked, and parts flushed wait outside the budget to be checked and
// written, a few per core. A 100 MB file without ids took 530 MiB and four
// times as long as the same messages in conversations, in parts of 32,768
// messages still 226 MiB and 2.6 times; in parts of 8,192, 165 MiB and
// about as long. No chat comes near that many messages.
const (
	partMessageBytes = 8 << 10
	minPartMessages  = 1024
)

// maxPartMessages is the number of messages of a part for the budget.
func maxPartMessages(budget int) int { return max(budget/partMessageBytes, minPartMessages) }

// The memory an open conversation holds, counted against the budget: each
// message its text and sender plus messageOverhead (the
// collector's bookkeeping; the message itself sits in a chunk),
// each chunk of messages chunkBytes (all of it, however few messages it
// holds), each conversation convOverhead and its id. Counting chunks and
// conversations whole matters when conversations are short: half a million
// conversations of one message each held 5.7 times the budget, and the
// collector ran all the time.
//
// chunkBytes is what a chunk took when it held whole Messages: a chunk now
// holds them as heldMsgs, half the size, but the budget counts what it
// counted, so that a run lints the same conversations early as before
// (which is in its report). What the chunks save is headroom under the
// soft memory limit: fewer fresh pages, and fewer collections.
//
// Both chunkBytes and convOverhead are the sizes on 64-bit targets
// (TestBudgetSizes holds them to those), on every target: where pointers
// and int are 32 bits (386, arm) the structs are smaller, and a budget
// counted by their sizes there would lint other conversations early than
// on amd64, and write another report.
const (
	messageOverhead = 32
	chunkBytes      = chunkLen*(176+4) + 2*8 // chunkLen*(unsafe.Sizeof(Message{})+unsafe.Sizeof(uint32(0))) + 2*unsafe.Sizeof(0)
	convOverhead    = 176 + 64               // unsafe.Sizeof(openConv{}) with its Conversation; + its map and lru entries
)

// grouper is the Sink the engine hands to readers. It collects messages into
// conversations (messages of many conversations may be interleaved within
// and across files), accounts for every record, and hands finished
// conversations on. All conversations stay open until the input ends, unless
// the open ones outgrow the memory budget: then the least recently active are
// linted early, and a conversation that resumes afterwards is linted in
// parts, each part noting it.
type grouper struct {
	ctx    context.Context
	strict bool
	// col and col16 are the column of the record take is given, where it
	// shares its line with others (see RecordError.Col; 0: none)
	col, col16 int32
	// cols holds the columns of the records of a chunk's messages that
	// share their lines (col), for the place of a duplicate id's first
	// record (day.json:1:63 in a minified array), each chunk's at its
	// msgChunk.cols; nil while every record starts its line, as in JSONL.
	// (In the chunk, a pointer to them put a block of chunkBlock chunks,
	// and its malloc header, past the 6,912-byte size class; a map by
	// chunk cost a minified array 1% more instructions.)
	cols [][chunkLen]int32
	// colsFree are the entries of cols no chunk holds
	colsFree []uint32
	// idFiles holds the files a record of which named its conversation
	// (idFile the last of them): a record of such a file that names none
	// is malformed, not a conversation of its own named after the file
	idFiles map[string]bool
	idFile  string
	// separated holds the files that tell their conversations apart by
	// separator lines (SeparatedSink), whose conversations end with them;
	// closedIn, the file of each of their conversations linted early, so
	// that the same title in another such file is no further part
	separated map[string]bool
	closedIn  map[uint64]string
	// untyped holds the files that cannot say a message's type
	// (UntypedSink); typeFile is the file of the last message, and
	// typeFileUntyped whether it is one of them
	untyped         map[string]bool
	typeFile        string
	typeFileUntyped bool
	// retyped holds the files marked untyped that said a message's type
	// later (TypedSink): an untyped conversation holding a message of one
	// is typed as it is flushed (see retype). lintedUntyped counts, by
	// file, the conversations flushed untyped before the input ended
	// (draining: it has), which TypedFile adds to the summary
	retyped       map[string]bool
	lintedUntyped map[string]int
	draining      bool
	sum           *Summary
	// emit hands on a flushed conversation, to be completed (complete)
	emit   func(*openConv) error
	budget int
	// maxPart is the most messages a conversation's part holds
	// (maxPartMessages)
	maxPart int

	// open holds the open conversations by their key (openConv.key) &
	// keyMask; one whose key another id's conversation took first is in
	// collided instead, by its id (nil while there is none). Keyed by the
	// hash, the map is probed once for a new conversation (with closed),
	// and flushing one reads neither its id nor hashes it again: its id
	// is cold by then (a perf profile of 100 MB showed the hashes and key
	// compares of a string map at 2–3% of the run).
	open     map[uint64]*openConv
	collided map[string]*openConv
	// keyMask is ^0; tests narrow it to make keys collide
	keyMask uint64
	// recent caches open conversations by the address of their id: see
	// lookup
	recent *[recentSlots]recentConv
	// multiNamed: some conversation was entered in recent under two id
	// strings at once (see dropFlushed)
	multiNamed bool
	bytes      int
	// taken counts the bytes of every message taken, as bytes does, but
	// is never lowered (Engine.SetUp's taken)
	taken int64
	seq   int // messages read
	// lru orders the open conversations by their last message, least
	// recently active first
	lru     lruQueue
	flushed int // conversations handed on (their output order)
	// closed holds the keys of the conversations linted early, and
	// closedBits (nil until the first) their bits (closedBit): a new
	// conversation whose key's bit is clear was not, and the map, big and
	// cold by then, is not probed (a probe for every new conversation took
	// 0.55% of a 100 MB run's samples, most of it a cache miss)
	closed     map[uint64]struct{}
	closedBits *[closedBitsLen / 64]uint64
	seed       maphash.Seed
	// free lists recycled message chunks (linked by next); the chunks of
	// completed conversations come back to returned, where the grouper
	// takes them all when free runs out
	free *msgChunk
	// fresh are new chunks, made chunkBlock at a time; convs new
	// conversations, made convBlock at a time
	fresh    []msgChunk
	convs    []openConv
	returned struct {
		sync.Mutex
		chunks *msgChunk
	}
	// pool, if set, has the message slices of conversations already
	// written, to reuse
	pool *msgPool
	// progress is called every progressEvery records.
	progress func(records int)
}

// openConv is a conversation being collected; once flushed it goes to a
// check worker, which completes it (grouper.complete).
type openConv struct {
	// (the fields every message reads or writes come first, with conv's
	// File among them, in 80 bytes: two cache lines instead of three, when
	// the conversation is cold)

	// last is the Seq of the conversation's last message (its place in the
	// grouper's lru queue, until lruQueue.dropStale renumbers it)
	last int
	// n messages so far, in chunks from head to tail (the first one read
	// has Seq first)
	n     int
	tail  *msgChunk
	ids   map[string]idPlace
	bytes int
	part  int16
	// slot is where in the grouper's recent cache it was entered last
	// (beside part, so that the struct keeps its size: convOverhead)
	slot int16
	// idBloom has bit idBit(h) set for the hash h of every message id
	// held: an id whose bit is clear is no duplicate, and lookupID, which
	// reads the chunks (cold, when many conversations are open), is
	// skipped
	idBloom uint32
	// conv is the conversation, made along with the openConv (one
	// allocation instead of two); it outlives the openConv's other uses
	conv Conversation
	// key is the hash of the conversation's id (with the grouper's seed):
	// its key in the grouper's open and closed maps. (It took the place of
	// a pointer to conv, so that the struct keeps its size: convOverhead.)
	key   uint64
	head  *msgChunk
	first int
}

// chunkLen is the number of messages in a msgChunk.
const chunkLen = 8

// msgChunk holds messages of an open conversation. The grouper recycles
// chunks, so collecting a conversation's messages costs one allocation of
// the right size when it is flushed, instead of a slice growing (and
// copying) as messages arrive.
type msgChunk struct {
	msgs [chunkLen]heldMsg
	// ids holds the messages' idHash, to look for duplicate ids without
	// reading every id
	ids [chunkLen]uint32
	n   int32
	// cols is where grouper.cols holds the columns of the chunk's records,
	// plus one (0: none; the grouper's own, which completeIn leaves alone)
	cols uint32
	next *msgChunk
	// loc is the location of its messages' times (their timeWords.loc):
	// a message whose time has another is held whole
	loc unsafe.Pointer
}

// heldMsg is a Message as an open conversation holds it, 88 bytes
// instead of 176: the conversation's id, its file, the message type and
// its time's location are left out (restored by message), and so are the
// waivers. A message that has waivers, a file other than its
// conversation's (the file of its first message), a type other than the
// built-in ones, a time of another location than its chunk's first
// message's or a line or Seq past 32 bits is held whole instead (see
// whole), which is rare. Held messages are
// most of the memory of a run (the memory budget holds a few hundred
// thousand): each byte less is fewer fresh pages, and fewer cache lines
// to write as messages come and to read when they are completed.
type heldMsg struct {
	ID, Sender, Text string
	// the Time's words but its location, which is its chunk's (msgChunk.loc)
	wall uint64
	ext  int64
	// Line and Seq, which fit 32 bits but in inputs of billions of lines
	// (else the message is held whole)
	line, seq  uint32
	TextCol    int32
	TextAstral int32
	TextRaw    uint16
	Role       Role
	Joined     bool
	typ        uint8 // index of the message's Type in heldTypes; heldWhole
	// TimeToMinute and TextRunes are the Message's (in what was padding:
	// still 88 bytes)
	TimeToMinute bool
	TextRunes    uint16
}

// heldTypes are the message types a heldMsg holds by their index
// (TypeText for a message without one).
var heldTypes = [...]string{TypeText, TypeNote, TypeOrder, TypeTransfer}

// heldWhole is the typ of a heldMsg that holds a copy of the whole
// message (whole): its Text is empty, and points at the copy (a pointer of
// its own would take 8 bytes more for every message).
const heldWhole = uint8(len(heldTypes))

// hold sets h (every field of it) to m, a message of a conversation in
// file, in a chunk of times of location loc.
func (h *heldMsg) hold(m *Message, file string, loc unsafe.Pointer) {
	typ := heldWhole
	switch m.Type {
	case TypeText:
		typ = 0
	case TypeNote:
		typ = 1
	case TypeOrder:
		typ = 2
	case TypeTransfer:
		typ = 3
	}
	// (field by field: a composite literal costs twice the instructions)
	t := (*timeWords)(unsafe.Pointer(&m.Time))
	h.ID, h.Sender, h.Text, h.wall, h.ext = m.ID, m.Sender, m.Text, t.wall, t.ext
	h.line, h.seq = uint32(m.Pos.Line), uint32(m.Seq)
	h.TextCol, h.TextAstral, h.TextRaw, h.Role, h.Joined, h.typ = m.TextCol, m.TextAstral, m.TextRaw, m.Role, m.Joined, typ
	h.TimeToMinute, h.TextRunes = m.TimeToMinute, m.TextRunes
	if typ == heldWhole || m.Waivers != nil || !sameString(m.Pos.File, file) || t.loc != loc || uint64(m.Pos.Line)|uint64(m.Seq) > math.MaxUint32 {
		whole := new(Message)
		*whole = *m
		h.typ, h.Text = heldWhole, unsafe.String((*byte)(unsafe.Pointer(whole)), 0)
	}
}

// whole returns the copy of the whole message that h holds (h.typ must
// be heldWhole).
func (h *heldMsg) whole() *Message {
	return (*Message)(unsafe.Pointer(unsafe.StringData(h.Text)))
}

// sameString is a == b, without a call when both are the same string
// (which the readers hand over for a file's name, mostly).
func sameString(a, b string) bool {
	return len(a) == len(b) && (unsafe.StringData(a) == unsafe.StringData(b) || a == b)
}

// message restores the held message of conversation c, in a chunk of
// times of location loc, into m, which must be empty (zero), but for its
// TimeToMinute and TextRunes, which the caller copies (completeIn): with
// them, message was too big for the compiler to inline, and the call with
// the registers it saves cost completeIn 18 instructions a message; h is
// not held whole (see completeIn, which copies that).
func (h *heldMsg) message(m *Message, c *Conversation, loc unsafe.Pointer) {
	// (field by field: m is empty, see complete)
	t := (*timeWords)(unsafe.Pointer(&m.Time))
	m.Conversation, m.ID, t.loc, m.Sender, m.Type, m.Text, m.Pos.File = c.ID, h.ID, loc, h.Sender, heldTypes[h.typ], h.Text, c.File
	t.wall, t.ext, m.Pos.Line, m.Seq = h.wall, h.ext, int(h.line), int(h.seq)
	m.Role, m.Joined, m.TextRaw, m.TextCol, m.TextAstral = h.Role, h.Joined, h.TextRaw, h.TextCol, h.TextAstral
}

// pos is the position of the held message of conversation c.
func (h *heldMsg) pos(c *Conversation) Pos {
	if h.typ == heldWhole {
		return h.whole().Pos
	}
	return Pos{File: c.File, Line: int(h.line)}
}

// addChunk appends m (whose id has the hash idh) to the conversation's
// chunks in a new chunk, when the last one is full (or there is none),
// taking a chunk from the grouper's free list. A message the last chunk
// has room for take appends itself (see there).
func (oc *openConv) addChunk(g *grouper, m *Message, idh uint32) {
	oc.n++
	ch := g.takeChunk()
	// A new chunk's count and ids are written before anything reads them:
	// a fresh page read first is mapped to the shared zero page, and the
	// write that follows then costs a second fault and a TLB flush on every
	// core (perf showed that at 5% of a run). The header write of the
	// allocation takes care of the chunk's first page, this of its last.
	ch.ids[0], ch.n = idh, 1
	if g.col != 0 {
		g.setCol(ch, 0, g.col)
	}
	ch.loc = (*timeWords)(unsafe.Pointer(&m.Time)).loc
	ch.msgs[0].hold(m, oc.conv.File, ch.loc)
	if oc.tail == nil {
		oc.head = ch
		oc.first = m.Seq
	} else {
		oc.tail.next = ch
	}
	oc.tail = ch
}

// takeChunk takes an empty chunk from the free list, refilling the list
// from the chunks returned by completed conversations, or makes a new one.
func (g *grouper) takeChunk() *msgChunk {
	if g.free == nil {
		g.returned.Lock()
		g.free, g.returned.chunks = g.returned.chunks, nil
		g.returned.Unlock()
	}
	ch := g.free
	if ch == nil {
		if len(g.fresh) == 0 {
			g.fresh = make([]msgChunk, chunkBlock)
		}
		ch, g.fresh = &g.fresh[0], g.fresh[1:]
		return ch
	}
	g.free, ch.next = ch.next, nil
	if ch.cols != 0 {
		g.colsFree = append(g.colsFree, ch.cols)
		ch.cols = 0
	}
	return ch
}

// colAt is the column of the record of message i of the chunk (0: it
// starts its line).
func (g *grouper) colAt(ch *msgChunk, i int) int32 {
	if ch.cols == 0 {
		return 0
	}
	return g.cols[ch.cols-1][i]
}

// setCol sets the column of the record of message i of the chunk (not 0).
func (g *grouper) setCol(ch *msgChunk, i uint, col int32) {
	if ch.cols == 0 {
		if n := len(g.colsFree); n > 0 {
			ch.cols, g.colsFree = g.colsFree[n-1], g.colsFree[:n-1]
			g.cols[ch.cols-1] = [chunkLen]int32{}
		} else {
			g.cols = append(g.cols, [chunkLen]int32{})
			ch.cols = uint32(len(g.cols))
		}
	}
	g.cols[ch.cols-1][i] = col
}

// newConv returns a new, zero openConv: conversations are made
// convBlock at a time, as chunks are (a run of 36,000 conversations
// allocated one by one took about 280 instructions each, callgrind).
func (g *grouper) newConv() *openConv {
	if len(g.convs) == 0 {
		g.convs = make([]openConv, convBlock)
	}
	oc := &g.convs[0]
	g.convs = g.convs[1:]
	return oc
}

// convBlock is the number of openConvs the grouper makes at once: 23 fill
// a size class of the allocator (4,096 bytes) but for 48 bytes.
const convBlock = 23

// chunkBlock is the number of chunks the grouper makes at once: making
// them one by one took about 390 instructions each (callgrind, a 10 MB
// file), and nine fill a size class of the allocator (6,912 bytes) but
// for a few bytes, where one left 7% of its own (1,024) unused.
const chunkBlock = 9

// idBit is the bit of openConv.idBloom for a message id's hash.
func idBit(idh uint32) uint32 { return 1 << (idh >> 27) }

// idScanLimit is the number of messages up to which a conversation's
// message ids are looked up by scanning its messages; past it they are
// indexed in a map.
const idScanLimit = 32

// idPlace is where a message's record is: its position, and its column
// on the line (0: the line says where; see RecordError.Col).
type idPlace struct {
	pos Pos
	col int32
}

// String is file:line, or file:line:column when the column is set, as
// RecordError.Where writes a record's place.
func (p idPlace) String() string {
	return RecordError{Pos: p.pos, Col: int(p.col)}.Where()
}

// lookupID returns the place of the conversation's message with the id
// (whose hash is idh).
func (oc *openConv) lookupID(g *grouper, id string, idh uint32) (idPlace, bool) {
	if oc.ids != nil {
		p, ok := oc.ids[id]
		return p, ok
	}
	for ch := oc.head; ch != nil; ch = ch.next {
		for i, h := range ch.ids[:ch.n] {
			if h == idh && ch.msgs[i].ID == id {
				return idPlace{ch.msgs[i].pos(&oc.conv), g.colAt(ch, i)}, true
			}
		}
	}
	return idPlace{}, false
}

// indexID keeps lookupID fast for long conversations: once past
// idScanLimit messages the ids go into a map (m has just been added).
func (oc *openConv) indexID(g *grouper, m *Message) {
	switch {
	case oc.ids != nil:
		if m.ID != "" {
			oc.ids[m.ID] = idPlace{m.Pos, g.col}
		}
	case oc.n > idScanLimit:
		oc.ids = make(map[string]idPlace, 2*oc.n)
		for ch := oc.head; ch != nil; ch = ch.next {
			for i := range ch.msgs[:ch.n] {
				if id := ch.msgs[i].ID; id != "" {
					oc.ids[id] = idPlace{ch.msgs[i].pos(&oc.conv), g.colAt(ch, i)}
				}
			}
		}
	}
}

// complete finishes a conversation handed on by the grouper (in any
// goroutine, once): it moves the chunked messages into c.Messages, gives the
// chunks back to the grouper and orders the messages (finish).
func (g *grouper) complete(oc *openConv) *Conversation {
	return g.completeIn(oc, g.pool.get(oc.n))
}

// completeIn is complete with the messages moved into ms, an empty slice
// with room for them (from the pool: msgPool.getFor).
func (g *grouper) completeIn(oc *openConv, ms []Message) *Conversation {
	c := &oc.conv
	ms = ms[:oc.n]
	k := 0
	var last *msgChunk
	waivers := false
	var order timeOrder
	order.start()
	for ch := oc.head; ch != nil; ch = ch.next {
		// (every chunk but the last is full: see take. The counts are not
		// read, so that a chunk, cold, is read from its start up)
		n := min(oc.n-k, chunkLen)
		for i := range ch.msgs[:n] {
			h := &ch.msgs[i]
			if h.typ == heldWhole {
				// (a message with waivers is held whole: see heldMsg)
				w := h.whole()
				waivers = waivers || w.Waivers != nil
				ms[k] = *w
				t := (*timeWords)(unsafe.Pointer(&w.Time))
				order.add(t.wall, t.ext)
			} else {
				h.message(&ms[k], c, ch.loc)
				ms[k].TimeToMinute, ms[k].TextRunes = h.TimeToMinute, h.TextRunes
				order.add(h.wall, h.ext)
			}
			// drop its references for the collector (hold sets every
			// field again): its strings alone, in the cache now, where
			// clearing the chunk's messages whole took twice the
			// instructions
			h.ID, h.Sender, h.Text = "", "", ""
			k++
		}
		ch.n, ch.loc = 0, nil
		last = ch
	}
	if last != nil {
		g.returned.Lock()
		last.next = g.returned.chunks
		g.returned.chunks = oc.head
		g.returned.Unlock()
	}
	oc.head, oc.tail, oc.ids = nil, nil, nil // the result keeps oc (see conv)
	c.Messages = ms
	c.waiverFree = !waivers
	order.finish(c)
	return c
}

// msgPool keeps the message slices of conversations written (with
// Engine.ReuseMessages) for conversations of the same length to reuse,
// sparing the grouper an allocation of every conversation's messages, and
// their Results for the workers to reuse. Only a few conversations are
// between the grouper and the output at a time, so a few slices of each
// common length serve.
type msgPool struct {
	mu      sync.Mutex
	free    [maxPooledLen + 1][][]Message // by length (and capacity)
	bytes   int                           // of the slices in free
	results []*Result                     // zero
	// findings are the memory of findings written, empty slices by class
	// (findingClass), for the workers' stashes; findingBytes is theirs
	findings     [findingClasses][][]Finding
	findingBytes int
}

// maxPooledResults bounds the Results a msgPool keeps.
const maxPooledResults = 1024

// findingStash is a worker's supply of memory for findings
// (FindingsReuser): slices by class, topped up from the pool with every
// group of conversations the worker takes (msgPool.getFor).
type findingStash struct {
	free [findingClasses][][]Finding
}

// Findings' memory comes in classes of 1, 2, 4 … 64 findings: class c
// serves up to 1<<c findings. (Conversations with more are rare: theirs
// is allocated, and not kept.) A stash keeps up to stashFindings slices
// of a class; the pool, up to maxPooledFindingBytes.
const (
	findingClasses        = 7
	stashFindings         = 8
	maxPooledFindingBytes = 2 << 20
)

// findingClass is the class of a slice that has room for n findings
// (0 < n): the one it serves (false when over the largest).
func findingClass(n int) (int, bool) {
	c := bits.Len(uint(n - 1))
	return c, c < findingClasses
}

// alloc returns an empty slice with room for n findings, from the stash
// when it has one of n's class.
func (st *findingStash) alloc(n int) []Finding {
	if n <= 0 {
		return nil
	}
	c, ok := findingClass(n)
	if !ok {
		return make([]Finding, 0, n)
	}
	if k := len(st.free[c]); k > 0 {
		fs := st.free[c][k-1]
		st.free[c][k-1] = nil
		st.free[c] = st.free[c][:k-1]
		return fs
	}
	return make([]Finding, 0, 1<<c)
}

// maxPooledLen is the length of the longest message slices pooled.
const maxPooledLen = 64

// maxPooledBytes bounds the memory of the slices a msgPool keeps.
const maxPooledBytes = 4 << 20

// get returns an empty slice with room for n messages, from the pool if it
// has one (p may be nil).
func (p *msgPool) get(n int) []Message {
	if p != nil && n <= maxPooledLen {
		p.mu.Lock()
		ms := p.take(n)
		p.mu.Unlock()
		if ms != nil {
			return ms
		}
	}
	return make([]Message, 0, n)
}

// take pops a pooled slice of n messages (nil if none); p.mu is held.
func (p *msgPool) take(n int) []Message {
	k := len(p.free[n])
	if k == 0 {
		return nil
	}
	ms := p.free[n][k-1]
	p.free[n][k-1] = nil
	p.free[n] = p.free[n][:k-1]
	p.bytes -= n * int(unsafe.Sizeof(Message{}))
	return ms
}

// getFor appends to dst, for each conversation of grp, what get would
// return for its messages, and sets rs[i] (len(rs) == len(grp)) to a zero
// Result for conversation i, taking the pool's lock once: a worker gets
// what it needs for a group of conversations at once (with two workers
// and the writer taking turns at the lock per conversation, its cache
// line went from core to core: 2% of a run's CPU).
func (p *msgPool) getFor(grp []*openConv, dst [][]Message, rs []*Result, st *findingStash) [][]Message {
	start := len(dst)
	if p != nil {
		p.mu.Lock()
		if st != nil {
			for c := range st.free {
				for len(st.free[c]) < stashFindings && len(p.findings[c]) > 0 {
					k := len(p.findings[c]) - 1
					st.free[c] = append(st.free[c], p.findings[c][k])
					p.findings[c][k] = nil
					p.findings[c] = p.findings[c][:k]
					p.findingBytes -= (1 << c) * int(unsafe.Sizeof(Finding{}))
				}
			}
		}
		for _, oc := range grp {
			var ms []Message
			if oc.n <= maxPooledLen {
				ms = p.take(oc.n)
			}
			dst = append(dst, ms)
		}
		k := len(p.results)
		n := copy(rs, p.results[max(k-len(rs), 0):])
		clear(p.results[k-n:])
		p.results = p.results[:k-n]
		p.mu.Unlock()
	}
	warm(grp)
	for i, oc := range grp {
		if p == nil {
			dst = append(dst, nil)
		}
		if dst[start+i] == nil {
			dst[start+i] = make([]Message, 0, oc.n)
		}
		if rs[i] == nil {
			rs[i] = new(Result)
		}
	}
	return dst
}

// warm reads a byte of every cache line of the conversations, their held
// messages' chunks and their texts, so that completing and
// checking them finds them in the cache. They were written long before, by
// the grouper on another core: completeIn stalled on the first read of
// each held message, and the normaliser on the first of each text (perf, a
// 100 MB run: completeIn 4.2% and runPlain 6.2% of the samples; with warm,
// 0.9% and 3.3%, and warm 3%), one miss after the other. Here the loads
// do not depend on one another, but for the chunks' links, so that many
// are in flight at once. Only what the loads keep matters, not their sum:
// the sum keeps the compiler from dropping them. It returns the number of
// messages read (up to about warmMessages).
func warm(grp []*openConv) int {
	var x uint
	left := warmMessages
	for _, oc := range grp {
		// (the conversation too: completing it reads its id and file,
		// and writes its messages and marks)
		o := unsafe.Slice((*byte)(unsafe.Pointer(oc)), unsafe.Sizeof(*oc))
		for off := 0; off < len(o); off += 64 {
			x += uint(o[off])
		}
		x += uint(o[len(o)-1])
		n := oc.n
		for ch := oc.head; ch != nil && left > 0; ch = ch.next {
			k := min(n, chunkLen)
			n -= k
			left -= k
			// (a byte every 64 from the chunk's start, the last of its
			// messages and the last of the chunk, its link: every line
			// completeIn reads)
			b := unsafe.Slice((*byte)(unsafe.Pointer(ch)), unsafe.Sizeof(*ch))
			end := k * int(unsafe.Sizeof(heldMsg{}))
			for off := 0; off < end; off += 64 {
				x += uint(b[off])
			}
			x += uint(b[max(end-1, 0)]) + uint(b[len(b)-1])
			for i := range ch.msgs[:k] {
				t := ch.msgs[i].Text
				for j := 0; j < len(t); j += 64 {
					x += uint(t[j])
				}
				if len(t) > 0 {
					x += uint(t[len(t)-1])
				}
			}
		}
	}
	if x == ^uint(0) {
		// (a store the compiler cannot drop; it never happens: the sum
		// of bytes read stays far below)
		warmSink = x
	}
	return warmMessages - left
}

// warmMessages is about the most messages warm reads (a few hundred KiB
// with their texts, well within a core's cache): a group's conversations
// hold 15 messages each on average, but parts of long conversations
// thousands, which would only push each other out of the cache.
const warmMessages = 1024

// warmSink is where warm stores.
var warmSink uint

// put hands a slice of messages back (when not too long, and the pool not
// too big), clearing it; the caller must not use it again.
func (p *msgPool) put(ms []Message) {
	p.putAll([][]Message{ms}, nil)
}

// putAll hands the slices back as put does, and the Results (which it
// zeroes), taking the lock once; it clears them before (outside the lock),
// and each entry of all and rs after.
func (p *msgPool) putAll(all [][]Message, rs []*Result) {
	for i, ms := range all {
		if n := cap(ms); n == 0 || n > maxPooledLen {
			all[i] = nil
			continue
		}
		clear(ms[:cap(ms)]) // drop references for the collector
	}
	// the findings' memory, cleared, by the class it serves (its
	// capacity's power of two, so that any slice may come back). (Room
	// for a few groups of Results on the stack: one for maxPooledResults
	// was 24 KiB to zero at every call, 3,000 instructions.)
	var mem [4 * convGroup][]Finding
	fs := mem[:0]
	for _, r := range rs {
		if f := r.findings; cap(f) > 0 && cap(f) < 2<<(findingClasses-1) {
			clear(f[:cap(f)])
			fs = append(fs, f[:0])
		}
		*r = Result{}
	}
	p.mu.Lock()
	for _, f := range fs {
		c := bits.Len(uint(cap(f))) - 1
		size := (1 << c) * int(unsafe.Sizeof(Finding{}))
		if p.findingBytes+size > maxPooledFindingBytes {
			continue
		}
		p.findings[c] = append(p.findings[c], f[:0:1<<c])
		p.findingBytes += size
	}
	for _, ms := range all {
		if ms == nil {
			continue
		}
		size := cap(ms) * int(unsafe.Sizeof(Message{}))
		if p.bytes+size > maxPooledBytes {
			continue
		}
		p.free[cap(ms)] = append(p.free[cap(ms)], ms[:0])
		p.bytes += size
	}
	if room := maxPooledResults - len(p.results); room > 0 {
		p.results = append(p.results, rs[:min(room, len(rs))]...)
	}
	p.mu.Unlock()
	clear(all)
	clear(rs)
}

const progressEvery = 4096

// maxClosed bounds the ids of conversations linted early that the grouper
// remembers (to note a resumed conversation): about 16 MiB.
const maxClosed = 1 << 20

func newGrouper(ctx context.Context, strict bool, sum *Summary, budget int, emit func(*openConv) error) *grouper {
	if budget <= 0 {
		budget = DefaultMemoryBudget
	}
	// (the map of open conversations starts with room for a few thousand:
	// growing it to that, as they open, cost about a million instructions
	// of a 10 MB file's run)
	return &grouper{ctx: ctx, strict: strict, sum: sum, emit: emit, budget: budget, maxPart: maxPartMessages(budget),
		open: make(map[uint64]*openConv, openConvsHint), keyMask: ^uint64(0), idFiles: map[string]bool{}, recent: new([recentSlots]recentConv), closed: map[uint64]struct{}{}, seed: maphash.MakeSeed()}
}

// openConvsHint is the room the grouper's map of open conversations
// starts with.
const openConvsHint = 4096

// recentSlots is the size of the grouper's cache of recent conversations:
// a few times the conversations a busy export has going at once. (A day of
// 36,000 conversations, 100 MB of JSONL with a 64 MiB budget, holds up to
// 27,000 open: with 1,024 slots 24,000 of 495,000 lookups of an open
// conversation missed the cache and went to the map, with 4,096 7,000.)
const (
	recentBits  = 12
	recentSlots = 1 << recentBits
	_           = int16(recentSlots - 1) // (openConv.slot)
)

// recentConv is an entry of the grouper's cache of recent conversations:
// the id string a message named its conversation with (kept, so that its
// memory cannot be reused for another string while the entry stands) and
// the conversation.
type recentConv struct {
	id string
	oc *openConv
}

// recentSlot is the slot of the cache for an id at address p.
func recentSlot(p *byte) int {
	return int(uint64(uintptr(unsafe.Pointer(p))) * 0x9E3779B97F4A7C15 >> (64 - recentBits))
}

// lookup returns the open conversation with the id (nil if none), and
// the id's key unless the cache found it (0; always when none). The
// readers hand the messages of a conversation over with the very same id
// string, mostly (the JSONL scanner interns ids): the cache finds the
// conversation by the string's address and length, which, the string being
// immutable and kept alive by the entry, stand for its bytes. That spares
// hashing the id and probing the map of open conversations, which is big
// and cold when the budget holds many. An entry of a conversation flushed
// since (last -1) is stale: the map decides then.
func (g *grouper) lookup(id string) (*openConv, uint64) {
	if oc := g.recentConv(id); oc != nil {
		return oc, 0
	}
	return g.lookupOpen(id)
}

// recentConv is the open conversation with the id that the cache of
// recent conversations has, or nil (then lookupOpen says). take asks it
// itself, and lookupOpen only when it says nil: lookup is too big for the
// compiler to inline, and its call was 15 instructions a message.
func (g *grouper) recentConv(id string) *openConv {
	p := unsafe.StringData(id)
	if sl := &g.recent[recentSlot(p)]; sl.oc != nil && unsafe.StringData(sl.id) == p && len(sl.id) == len(id) && sl.oc.last >= 0 {
		return sl.oc
	}
	return nil
}

// lookupOpen is lookup past the cache of recent conversations: by the
// map of open ones.
func (g *grouper) lookupOpen(id string) (*openConv, uint64) {
	slot := recentSlot(unsafe.StringData(id))
	key := maphash.String(g.seed, id)
	oc := g.open[key&g.keyMask]
	if oc == nil || oc.conv.ID != id {
		oc = nil
		if g.collided != nil {
			oc = g.collided[id]
		}
	}
	if oc != nil {
		g.remember(id, oc, slot)
	}
	return oc, key
}

// enter adds a new open conversation to the map of open ones.
func (g *grouper) enter(oc *openConv) {
	k := oc.key & g.keyMask
	if g.open[k] == nil {
		g.open[k] = oc
		return
	}
	if g.collided == nil {
		g.collided = map[string]*openConv{}
	}
	g.collided[oc.conv.ID] = oc
}

// leave removes a flushed conversation from the map of open ones.
func (g *grouper) leave(oc *openConv) {
	if len(g.collided) > 0 && g.collided[oc.conv.ID] == oc {
		delete(g.collided, oc.conv.ID)
		return
	}
	delete(g.open, oc.key&g.keyMask)
}

// remember enters oc in the cache of recent conversations under the id
// string (whose slot is slot).
func (g *grouper) remember(id string, oc *openConv, slot int) {
	if int(oc.slot) != slot && g.recent[oc.slot].oc == oc {
		g.multiNamed = true // forget will leave an entry of oc behind
	}
	g.recent[slot] = recentConv{id, oc}
	oc.slot = int16(slot)
}

// forget drops a flushed conversation's entry in the cache of recent
// conversations, if it is still there, so that the cache does not keep the
// conversation's memory (an entry under another id string of the
// conversation may stay: it is stale, see lookup, and dropFlushed drops
// it).
func (g *grouper) forget(oc *openConv) {
	if sl := &g.recent[oc.slot]; sl.oc == oc {
		*sl = recentConv{}
	}
}

// dropFlushed drops the entries of flushed conversations that forget left
// in the cache of recent conversations, once conversations named by
// several id strings (one per JSONL scanner, a new one when a scanner's
// cache of ids starts over, one per record in CSV) were seen. Left there,
// an entry would keep a flushed conversation and its messages in memory,
// outside the budget, until overwritten: for 1024 entries, many times a
// small budget. The flushes come in bursts (evict, drain) or alone (a
// part of too many messages), each followed by one pass over the cache.
func (g *grouper) dropFlushed() {
	if !g.multiNamed {
		return
	}
	for i := range g.recent {
		if oc := g.recent[i].oc; oc != nil && oc.last < 0 {
			g.recent[i] = recentConv{}
		}
	}
}

func (g *grouper) File(string) { g.sum.Files++ }

// SeparatedFile notes a file that tells its conversations apart by
// separator lines (SeparatedSink): rejectIDless leaves its first
// conversation alone.
func (g *grouper) SeparatedFile(name string) {
	if g.separated == nil {
		g.separated = map[string]bool{}
	}
	g.separated[name] = true
}

// UntypedFile notes a file that cannot say a message's type (UntypedSink).
func (g *grouper) UntypedFile(name string) {
	if g.untyped == nil {
		g.untyped = map[string]bool{}
	}
	g.untyped[name] = true
	g.typeFile = "" // looked up again
}

// TypedFile notes that a file marked untyped says a message's type after
// all (TypedSink): its messages are typed from now on, and so are the
// conversations still open that hold one of its messages (as they are
// flushed: see retype); those flushed untyped already are counted in
// Summary.UntypedBeforeType.
func (g *grouper) TypedFile(name string) {
	if !g.untyped[name] {
		return
	}
	delete(g.untyped, name)
	g.typeFile = "" // looked up again
	if g.retyped == nil {
		g.retyped = map[string]bool{}
	}
	g.retyped[name] = true
	g.sum.UntypedBeforeType += g.lintedUntyped[name]
	delete(g.lintedUntyped, name)
}

// retype clears Untyped on a conversation being flushed that holds a
// message of a file that said a message's type after it was marked
// untyped (retyped: a message of a file other than the conversation's is
// held whole, see heldMsg, which says it); one that stays untyped is
// counted in lintedUntyped, by the file of its first message, unless the
// input has ended.
//
//go:noinline
func (g *grouper) retype(oc *openConv) {
	c := &oc.conv
	if g.retyped != nil {
		if g.retyped[c.File] {
			c.Untyped = false
			return
		}
		for ch := oc.head; ch != nil; ch = ch.next {
			for i := range ch.msgs[:ch.n] {
				if h := &ch.msgs[i]; h.typ == heldWhole && g.retyped[h.whole().Pos.File] {
					c.Untyped = false
					return
				}
			}
		}
	}
	if !g.draining {
		if g.lintedUntyped == nil {
			g.lintedUntyped = map[string]int{}
		}
		g.lintedUntyped[c.File]++
	}
}

// count accounts for one record read. (It is inlined: the call to
// progress is not.)
func (g *grouper) count() {
	g.sum.Records++
	if g.progress != nil && g.sum.Records%progressEvery == 0 {
		g.reportProgress()
	}
}

// reportProgress calls progress (see count).
//
//go:noinline
func (g *grouper) reportProgress() { g.progress(g.sum.Records) }

func (g *grouper) Message(m Message) error {
	size, idh := measure(&m)
	return g.message(&m, size, idh)
}

// idSeed seeds the hashes of message ids.
var idSeed = maphash.MakeSeed()

// measure returns the bytes a message counts for against the memory budget
// (always positive) and the hash of its id (0 for none, else odd). The
// pipeline's preparers work them out in parallel, sparing the grouper.
func measure(m *Message) (size int, idHash uint32) {
	if m.ID != "" {
		idHash = hashID(m.ID)
	}
	return len(m.Text) + len(m.Sender) + messageOverhead, idHash
}

// hashID is measure's hash of a message id. (A function of its own, so
// that measure is inlined: most messages have no id.)
//
//go:noinline
func hashID(id string) uint32 { return uint32(maphash.String(idSeed, id)) | 1 }

// message takes one message, measured by measure; it may change *m (its
// Type and Seq) and copies it into the conversation.
func (g *grouper) message(m *Message, size int, idh uint32) error {
	if err := g.ctx.Err(); err != nil {
		return err
	}
	return g.take(m, size, idh)
}

// take is message once the run is known not to be cancelled: consume
// asks once for a batch of messages rather than for each one.
func (g *grouper) take(m *Message, size int, idh uint32) error {
	if m.Conversation != m.Pos.File {
		if !sameString(m.Pos.File, g.idFile) {
			g.idFile = m.Pos.File
			if !g.idFiles[m.Pos.File] {
				g.idFiles[m.Pos.File] = true
				if err := g.rejectIDless(m.Pos.File); err != nil {
					return err
				}
			}
		}
	} else if g.idFiles[m.Pos.File] {
		// (the readers name a record's conversation after its file when
		// it has no id: a file without ids is one conversation)
		return g.Reject(RecordError{Pos: m.Pos, Err: "no conversation id, though earlier records of this file have one (only a file without any is one conversation)"})
	}
	oc, key := g.recentConv(m.Conversation), uint64(0)
	if oc == nil {
		oc, key = g.lookupOpen(m.Conversation)
	}
	if oc != nil && g.separated != nil && !sameString(oc.conv.File, m.Pos.File) && g.separated[m.Pos.File] && g.separated[oc.conv.File] {
		// a chat dump's conversation, named by the title of its section,
		// ends with its file: the same title in another dump (the same
		// buyer in the next day's export) is another conversation
		g.leave(oc)
		if err := g.flush(oc); err != nil {
			return err
		}
		g.lru.orphan(oc.n)
		g.dropFlushed()
		key = oc.key // (0 from the cache of recent conversations)
		oc = nil
	}
	if m.ID != "" && oc != nil && oc.idBloom&idBit(idh) != 0 {
		if first, dup := oc.lookupID(g, m.ID, idh); dup {
			return g.Reject(RecordError{Pos: m.Pos, Col: int(g.col), Col16: int(g.col16), Err: fmt.Sprintf("duplicate message id %q in conversation %q (first at %s)", m.ID, m.Conversation, first)})
		}
	}
	g.count()
	if m.Type == "" {
		m.Type = TypeText
	}
	if m.Text == "" {
		g.sum.EmptyTexts++
	}
	m.Seq = g.seq
	g.seq++
	// (a run that reads no untyped file looks nothing up)
	untyped := false
	if g.untyped != nil {
		if m.Pos.File != g.typeFile {
			g.typeFile, g.typeFileUntyped = m.Pos.File, g.untyped[m.Pos.File]
		}
		untyped = g.typeFileUntyped
	}
	if oc == nil {
		oc = g.newConv()
		oc.conv.ID, oc.conv.File, oc.conv.Untyped, oc.key = m.Conversation, m.Pos.File, untyped, key
		if g.wasClosed(key) && !g.closedInOther(key, m.Pos.File) {
			oc.part = 2 // resumed after an early flush
			g.sum.SplitConversations++
		}
		g.enter(oc)
		g.remember(m.Conversation, oc, recentSlot(unsafe.StringData(m.Conversation)))
		size += convOverhead + len(m.Conversation)
	}
	if !untyped && g.untyped != nil {
		// (without untyped files no conversation is untyped: this spares
		// a store to a line of a cold conversation)
		oc.conv.Untyped = false
	}
	if m.ID != "" {
		oc.idBloom |= idBit(idh)
	}
	// Every chunk but the last is full, so the conversation's count says
	// where m goes: the last chunk's count, cold when many conversations
	// are open, is written but not read (a load that missed the cache
	// stalled the grouper; perf, 100 MB). (Written out here but for a new
	// chunk: the call of a function for both was 12 instructions a
	// message.)
	if i := uint(oc.n) % chunkLen; i != 0 {
		oc.n++
		ch := oc.tail
		ch.msgs[i].hold(m, oc.conv.File, ch.loc)
		ch.ids[i] = idh
		if g.col != 0 {
			g.setCol(ch, i, g.col)
		}
		ch.n = int32(i) + 1
	} else {
		oc.addChunk(g, m, idh)
		size += chunkBytes
	}
	if oc.ids != nil || oc.n > idScanLimit {
		oc.indexID(g, m) // (not inlined)
	}
	oc.last = m.Seq
	g.lru.push(oc)
	oc.bytes += size
	g.bytes += size
	g.taken += int64(size)
	if oc.n >= g.maxPart {
		if err := g.lintEarly(oc); err != nil {
			return err
		}
		g.lru.orphan(oc.n)
		g.dropFlushed()
	}
	if g.bytes > g.budget {
		return g.evict()
	}
	return nil
}

// rejectIDless rejects the records of file read before its first record
// that names a conversation, which named none: they were the file's one
// conversation while it seemed to have no ids, and they belong to some
// conversation nobody can tell, as an id-less record after the first id
// does. A conversation linted early already (the memory budget) stays
// linted.
func (g *grouper) rejectIDless(file string) error {
	if g.separated[file] {
		return nil
	}
	oc, _ := g.lookup(file)
	if oc == nil || oc.conv.File != file {
		return nil
	}
	g.leave(oc)
	oc.last = -1 // its entries in the lru queue and the recent cache are stale
	g.forget(oc)
	g.lru.orphan(oc.n)
	g.dropFlushed()
	g.bytes -= oc.bytes
	if oc.part == 2 {
		g.sum.SplitConversations-- // a further part, counted as it began, never linted
	}
	c := g.complete(oc)
	ms := c.Messages
	slices.SortFunc(ms, func(a, b Message) int { return a.Pos.Line - b.Pos.Line })
	var err error
	for i := range ms {
		if ms[i].Text == "" {
			g.sum.EmptyTexts-- // (counted as it was taken)
		}
		e := RecordError{Pos: ms[i].Pos, Err: "no conversation id, though later records of this file have one (only a file without any is one conversation)"}
		// (each record was counted when it was taken)
		g.sum.Rejected++
		g.sum.Errors.Add(e)
		if g.strict && err == nil {
			err = &StrictError{Pos: e.Pos, Col: e.Col, Err: e.Err}
		}
	}
	if g.pool != nil {
		g.pool.put(ms)
	}
	if err != nil {
		return err
	}
	return g.ctx.Err()
}

func (g *grouper) Reject(e RecordError) error {
	g.count()
	g.sum.Rejected++
	g.sum.Errors.Add(e)
	if g.strict {
		return &StrictError{Pos: e.Pos, Col: e.Col, Err: e.Err}
	}
	return g.ctx.Err()
}

func (g *grouper) SkipRecord(_ Pos, reason string) error {
	g.count()
	g.sum.Skip(reason)
	return g.ctx.Err()
}

// evict lints the least recently active conversations until the open ones
// use at most half the budget.
func (g *grouper) evict() error {
	for g.bytes > g.budget/2 {
		oc := g.lru.pop()
		if oc == nil {
			break
		}
		if err := g.lintEarly(oc); err != nil {
			return err
		}
	}
	g.dropFlushed()
	return nil
}

// lintEarly flushes an open conversation before the input ends, as a part
// that later messages of it, if any, continue; the caller then calls
// dropFlushed.
func (g *grouper) lintEarly(oc *openConv) error {
	g.markClosed(oc.key)
	if g.separated != nil && g.separated[oc.conv.File] {
		if g.closedIn == nil {
			g.closedIn = map[uint64]string{}
		}
		g.closedIn[oc.key] = oc.conv.File
	}
	if oc.part == 0 {
		oc.part = 1
	}
	g.leave(oc)
	return g.flush(oc)
}

// closedBitsLen is the number of bits of grouper.closedBits (32 KiB): a
// 100 MB day of 36,000 conversations lints 25,700 early, which set 9% of
// them.
const (
	closedBitsLog = 18
	closedBitsLen = 1 << closedBitsLog
)

// closedBit returns the word of grouper.closedBits and the bit in it for a
// conversation's key.
func closedBit(key uint64) (int, uint64) {
	b := key >> (64 - closedBitsLog)
	return int(b / 64), 1 << (b % 64)
}

// closedInOther reports whether the conversation with the key linted early
// was a chat dump's (SeparatedSink) other than file: a conversation of
// another file, though its title is the same.
func (g *grouper) closedInOther(key uint64, file string) bool {
	if g.closedIn == nil {
		return false
	}
	f, ok := g.closedIn[key]
	return ok && f != file && g.separated[file]
}

// markClosed notes that the conversation with the key was linted early.
func (g *grouper) markClosed(key uint64) {
	if len(g.closed) >= maxClosed {
		// forget the oldest knowledge rather than grow without bound: a
		// conversation resuming after this many others is linted in parts
		// without the note saying so (and the reports do not claim that
		// none did)
		g.sum.EarlyForgotten = true
		clear(g.closed)
		clear(g.closedIn)
		clear(g.closedBits[:])
	}
	g.closed[key] = struct{}{}
	if g.closedBits == nil {
		g.closedBits = new([closedBitsLen / 64]uint64)
	}
	w, bit := closedBit(key)
	g.closedBits[w] |= bit
}

// wasClosed reports whether the conversation with the key was linted
// early (markClosed), since closed was last cleared.
func (g *grouper) wasClosed(key uint64) bool {
	if g.closedBits == nil {
		return false
	}
	if w, bit := closedBit(key); g.closedBits[w]&bit == 0 {
		return false
	}
	_, seen := g.closed[key]
	return seen
}

// lruQueue orders open conversations by their last message, so the least
// recently active is found at once. It holds an entry per message (the
// entry at position Seq names the message's conversation) and drops an
// entry lazily, when it reaches the front and its conversation has had a
// later message: cheaper than moving a conversation in a linked list at
// every message. Entries from the front up to the least recently active
// conversation's last message are dropped as it is found, so the queue
// holds no more entries than the open conversations hold messages.
//
// The entries sit in blocks of lruBlockLen, recycled once their entries
// are dropped: a queue of a few hundred thousand entries (a 64 MiB budget)
// neither copies itself as it grows nor leaves its smaller copies behind
// for the collector (a slice doubling did: twice the memory, in fresh
// pages, on every run).
type lruQueue struct {
	blocks []*lruBlock // the entries: blocks[0][head:] to the last block's tail
	// tail is the last block's entries (nil when there is none): its
	// length is what the block holds, its capacity the block's
	tail []*openConv
	head int         // blocks[0][:head] is dropped
	base int         // the position (Seq) of blocks[0][0]
	free []*lruBlock // blocks to reuse, empty
	// orphans counts the entries of conversations flushed other than by
	// pop (a part of too many messages) since dropStale last ran: nothing
	// else drops them
	orphans int
}

// lruBlockLen is the number of entries of a block of an lruQueue (8 KiB).
const lruBlockLen = 1024

// lruBlock is a block of entries of an lruQueue.
type lruBlock [lruBlockLen]*openConv

// len returns the number of entries in the queue (dropped ones excluded).
func (l *lruQueue) len() int {
	if len(l.blocks) == 0 {
		return 0
	}
	return (len(l.blocks)-1)*lruBlockLen + len(l.tail) - l.head
}

// orphan notes that a conversation of n messages in the queue was flushed
// other than by pop. Once such entries may be half the queue they are
// dropped (dropStale), so that the queue keeps its bound: a file without
// conversation ids, linted in parts, never pops at all.
func (l *lruQueue) orphan(n int) {
	l.orphans += n
	if l.orphans > 1024 && 2*l.orphans >= l.len() {
		l.dropStale()
	}
}

// dropStale keeps only the last entry of each open conversation, in order,
// and renumbers them (oc.last) so that the next push still comes at the
// next Seq: what pop finds is the same.
func (l *lruQueue) dropStale() {
	if len(l.blocks) == 0 {
		l.orphans = 0
		return
	}
	next := l.base + (len(l.blocks)-1)*lruBlockLen + len(l.tail)
	// move the kept entries to the front, in place (w never passes r)
	w := 0
	for r := l.head; r < next-l.base; r++ {
		oc := l.blocks[r/lruBlockLen][r%lruBlockLen]
		if oc.last == l.base+r {
			l.blocks[w/lruBlockLen][w%lruBlockLen] = oc
			w++
		}
	}
	// clear what is left of the blocks kept, and recycle the others
	used := max((w+lruBlockLen-1)/lruBlockLen, 1)
	for b := w / lruBlockLen; b < used; b++ {
		clear(l.blocks[b][w%lruBlockLen:])
	}
	for b := used; b < len(l.blocks); b++ {
		clear(l.blocks[b][:])
		l.free = append(l.free, l.blocks[b])
		l.blocks[b] = nil
	}
	l.blocks = l.blocks[:used]
	l.tail = l.blocks[used-1][:w-(used-1)*lruBlockLen]
	l.head, l.base, l.orphans = 0, next-w, 0
	for r := range w {
		l.blocks[r/lruBlockLen][r%lruBlockLen].last = l.base + r
	}
}

// push enters the message just added to oc, whose Seq (oc.last) must be
// the number of messages pushed before.
func (l *lruQueue) push(oc *openConv) {
	if len(l.tail) == cap(l.tail) {
		l.grow()
	}
	l.tail = append(l.tail, oc)
}

// grow starts a new last block (the queue's first, or the last one is
// full). It is not inlined, so that push is.
//
//go:noinline
func (l *lruQueue) grow() {
	var b *lruBlock
	if k := len(l.free); k > 0 {
		b, l.free[k-1] = l.free[k-1], nil
		l.free = l.free[:k-1]
	} else {
		b = new(lruBlock)
	}
	if len(l.blocks) == 0 {
		l.head = 0 // (base stays: the position of the next push)
	}
	l.blocks = append(l.blocks, b)
	l.tail = b[:0]
}

// pop removes and returns the least recently active conversation (nil if
// there is none); it is then no longer in the queue.
func (l *lruQueue) pop() *openConv {
	for len(l.blocks) > 0 {
		b := l.blocks[0]
		end := lruBlockLen
		if len(l.blocks) == 1 {
			end = len(l.tail)
		}
		if l.head == end {
			if len(l.blocks) == 1 {
				return nil // empty
			}
			// the first block is all dropped: recycle it
			l.free = append(l.free, b)
			n := copy(l.blocks, l.blocks[1:])
			l.blocks[n] = nil
			l.blocks = l.blocks[:n]
			l.head = 0
			l.base += lruBlockLen
			continue
		}
		oc := b[l.head]
		b[l.head] = nil
		l.head++
		if oc.last == l.base+l.head-1 {
			oc.last = -1 // out of the queue: later entries of it are stale
			return oc
		}
	}
	return nil
}

// flush closes one open conversation, which the caller has taken out of
// the map of open ones, and hands it on, to be completed (collecting and
// ordering its messages) where it is checked, in parallel.
func (g *grouper) flush(oc *openConv) error {
	oc.last = -1 // its entries in the lru queue and the recent cache are stale
	g.forget(oc)
	g.bytes -= oc.bytes
	c := &oc.conv
	if c.Untyped && (g.retyped != nil || !g.draining && g.untyped != nil) {
		g.retype(oc)
	}
	c.Part = int(oc.part)
	switch oc.part {
	case 1:
		g.sum.LintedEarly++
		c.Notes = addNote(c.Notes, partNotes[0:1:1])
	case 2:
		c.Notes = addNote(c.Notes, partNotes[1:2:2])
	}
	c.Seq = g.flushed
	g.flushed++
	return g.emit(oc)
}

// The notes the engine attaches to a conversation (Conversation.Notes);
// the reports for people say them in Chinese.
const (
	// NoteUntimed: some message has no time, so a timing rule was skipped
	// (the checks attach it, with the rule in Result.Skipped; not to a
	// conversation that gave no timing rule anything to measure).
	NoteUntimed = "messages without times: timing rules skipped"
	// NotePartFirst: the first part of a conversation linted in parts.
	NotePartFirst = "linted before the input ended (memory budget); messages of this conversation that come later, if any, are linted as a further part"
	// NotePartNext: a further part of a conversation linted in parts.
	NotePartNext = "continues a part linted earlier (the conversation's messages were far apart in the input, or too many to lint at once)"
)

// partNotes are the notes of conversations linted in parts (Part 1 and 2).
var partNotes = [...]string{NotePartFirst, NotePartNext}

// addNote appends note, a slice of one of partNotes, to notes. Notes are
// only ever read or appended to, so a conversation without notes takes
// note itself (full: an append copies it) rather than a slice of its own:
// when the budget is tight, every conversation is linted in parts.
func addNote(notes, note []string) []string {
	if len(notes) == 0 {
		return note
	}
	return append(notes, note...)
}

// drain finishes every open conversation, in order of first appearance.
func (g *grouper) drain() error {
	ocs := make([]*openConv, 0, len(g.open)+len(g.collided))
	for _, oc := range g.open {
		ocs = append(ocs, oc)
	}
	for _, oc := range g.collided {
		ocs = append(ocs, oc)
	}
	// (at once rather than one by one as they are flushed: deleting a
	// conversation from the map cost 235 instructions, on a cold part of
	// it)
	clear(g.open)
	clear(g.collided)
	g.draining = true
	// (first is unique: the Seq of a conversation's first message)
	slices.SortFunc(ocs, func(a, b *openConv) int { return a.first - b.first })
	for _, oc := range ocs {
		if err := g.flush(oc); err != nil {
			return err
		}
	}
	g.dropFlushed()
	return nil
}

// finish orders a conversation's messages by time (stable for equal times;
// times in the hour daylight saving repeats keep their order among
// themselves: sortByTime) when every message has one; otherwise it keeps
// input order and marks the conversation untimed.
//
// It reads the times' words (timeWords) in one pass rather than calling
// Time.IsZero and Time.Before, which is not inlined, for every message:
// 2.6 M instructions of a 10 MB file's run → 1.0 M.
//
// completeIn reads the times as it moves the messages (timeOrder), rather
// than in a second pass over them (9 M instructions of a 100 MB file's).
func finish(c *Conversation) {
	var o timeOrder
	o.start()
	for i := range c.Messages {
		t := (*timeWords)(unsafe.Pointer(&c.Messages[i].Time))
		o.add(t.wall, t.ext)
	}
	o.finish(c)
}

// timeOrder is what finish learns of a conversation's times, message by
// message in their order (add): whether every time is non-zero; whether
// one is before the one before it, by its words, which order as the times
// do when none has a monotonic reading; the bits of all walls, to say
// whether one has.
type timeOrder struct {
	untimed, back bool
	walls         uint64
	pext          int64
	pwall         uint64
}

// start readies o for a conversation's first time.
func (o *timeOrder) start() { o.pext = math.MinInt64 }

// add takes the words (timeWords) of the next message's time.
func (o *timeOrder) add(wall uint64, ext int64) {
	if wall|uint64(ext) == 0 {
		o.untimed = true
	}
	o.walls |= wall
	if ext < o.pext || ext == o.pext && wall < o.pwall {
		o.back = true
	}
	o.pext, o.pwall = ext, wall
}

// finish is finish for c, whose messages' times o took in their order.
func (o timeOrder) finish(c *Conversation) {
	ms := c.Messages
	back := o.back
	c.Timed = !o.untimed
	if o.untimed {
		return // (NoteUntimed is the checks' to give: a timing rule skipped)
	}
	if o.walls&hasMonotonic != 0 {
		// (times with monotonic readings, which only tests make: by
		// Time.Before, which orders two of them by their readings)
		back = false
		for i := 1; i < len(ms); i++ {
			if ms[i].Time.Before(ms[i-1].Time) {
				back = true
				break
			}
		}
	}
	if back {
		sortByTime(ms)
	}
}

// timeWords are the words of a time.Time (see package time;
// TestTimeWords holds them to it): wall holds its nanoseconds, and when
// hasMonotonic is set its seconds too, and ext then the monotonic
// reading; else ext holds its seconds. A zero time's words are zero.
type timeWords struct {
	wall uint64
	ext  int64
	loc  unsafe.Pointer // *time.Location (nil for UTC)
}

// hasMonotonic is the bit of timeWords.wall of a time with a monotonic
// reading.
const hasMonotonic = 1 << 63
