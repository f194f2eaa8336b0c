package lint

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"maps"
	"math"
	"math/bits"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unsafe"
)

func TestLRUQueue(t *testing.T) {
	tests := []struct {
		ops  []string // "+id": a message of id; "-id": id flushed; "<": pop the least recently active
		want []string // what the pops return ("" for none), then what is left, least recently active first
	}{
		{nil, nil},
		{[]string{"<"}, []string{""}},
		{[]string{"+a"}, []string{"a"}},
		{[]string{"+a", "+b", "+c"}, []string{"a", "b", "c"}},
		{[]string{"+a", "+b", "+a"}, []string{"b", "a"}},
		{[]string{"+a", "+b", "+c", "+b"}, []string{"a", "c", "b"}},
		{[]string{"+a", "+b", "+c", "+c"}, []string{"a", "b", "c"}},
		{[]string{"+a", "+b", "+c", "-a"}, []string{"b", "c"}},
		{[]string{"+a", "+b", "+c", "-b"}, []string{"a", "c"}},
		{[]string{"+a", "+b", "+c", "-c", "+a"}, []string{"b", "a"}},
		{[]string{"+a", "-a", "+a"}, []string{"a"}},
		{[]string{"+a", "+b", "-a", "-b"}, nil},
		{[]string{"+a", "+b", "+a", "<", "+c", "<"}, []string{"b", "a", "c"}},
		{[]string{"+a", "+a", "+a", "<", "<", "+a"}, []string{"a", "", "a"}},
		{[]string{"+a", "+b", "<", "+a", "+c", "+b"}, []string{"a", "a", "c", "b"}},
	}
	for _, tt := range tests {
		conv := map[string]*openConv{}
		seq := 0
		var l lruQueue
		var got []string
		pop := func() bool {
			oc := l.pop()
			if oc == nil {
				got = append(got, "")
				return false
			}
			got = append(got, oc.conv.ID)
			delete(conv, oc.conv.ID) // flushed
			return true
		}
		for _, op := range tt.ops {
			switch id := op[1:]; op[0] {
			case '+':
				if conv[id] == nil {
					conv[id] = &openConv{conv: Conversation{ID: id}}
				}
				conv[id].last = seq
				seq++
				l.push(conv[id])
			case '-':
				conv[id].last = -1
				delete(conv, id)
			case '<':
				pop()
			}
		}
		for len(conv) > 0 && pop() {
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%v: got %q, want %q", tt.ops, got, tt.want)
		}
		if l.pop() != nil {
			t.Errorf("%v: the queue is not empty at the end", tt.ops)
		}
	}
}

// The queue recycles its blocks as the front is dropped, and keeps its
// entries' positions (Seq).
func TestLRUQueueCompacts(t *testing.T) {
	var l lruQueue
	ocs := make([]*openConv, 3)
	for i := range ocs {
		ocs[i] = &openConv{conv: Conversation{ID: strconv.Itoa(i)}}
	}
	for seq := 0; seq < 100000; seq++ {
		oc := ocs[seq%3]
		if seq%5000 == 4999 {
			// the least recently active is the one about to have a message
			if got := l.pop(); got != oc {
				t.Fatalf("seq %d: popped %v", seq, got.conv.ID)
			}
		}
		oc.last = seq
		l.push(oc)
		if n, blocks := l.len(), len(l.blocks)+len(l.free); n > 5002 || blocks > 5002/lruBlockLen+3 {
			t.Fatalf("seq %d: queue of %d entries in %d blocks", seq, n, blocks)
		}
	}
}

// refGrouper is the grouping the engine promises, written plainly (slices,
// a scan for the least recently active conversation), to check the
// grouper's bookkeeping against.
type refGrouper struct {
	budget        int
	maxPart       int // the most messages of a part
	sum           Summary
	out           []*Conversation
	open          map[string]*refConv
	closed        map[string]bool
	bytes, seq, n int
}

type refConv struct {
	c                 *Conversation
	bytes, part, last int
}

func (g *refGrouper) message(m Message) {
	g.sum.Records++
	oc := g.open[m.Conversation]
	if oc != nil && m.ID != "" {
		for _, o := range oc.c.Messages {
			if o.ID == m.ID {
				g.sum.Rejected++
				g.sum.Errors.Add(RecordError{Pos: m.Pos, Err: fmt.Sprintf("duplicate message id %q in conversation %q (first at %s)", m.ID, m.Conversation, o.Pos)})
				return
			}
		}
	}
	if m.Type == "" {
		m.Type = TypeText
	}
	if m.Text == "" {
		g.sum.EmptyTexts++
	}
	m.Seq = g.seq
	g.seq++
	size := len(m.Text) + len(m.Sender) + messageOverhead
	if oc == nil {
		oc = &refConv{c: &Conversation{ID: m.Conversation, File: m.Pos.File}}
		if g.closed[m.Conversation] {
			oc.part = 2
			g.sum.SplitConversations++
		}
		g.open[m.Conversation] = oc
		size += convOverhead + len(m.Conversation) // the conversation
	}
	if len(oc.c.Messages)%chunkLen == 0 {
		size += chunkBytes // a chunk of messages, counted whole
	}
	oc.c.Messages = append(oc.c.Messages, m)
	oc.last = m.Seq
	oc.bytes += size
	g.bytes += size
	if len(oc.c.Messages) >= g.maxPart {
		// too many messages: this part is linted now
		g.closed[oc.c.ID] = true
		if oc.part == 0 {
			oc.part = 1
		}
		g.flush(oc)
	}
	if g.bytes > g.budget {
		// lint the least recently active until at most half the budget
		for g.bytes > g.budget/2 && len(g.open) > 0 {
			var lru *refConv
			for _, o := range g.open {
				if lru == nil || o.last < lru.last {
					lru = o
				}
			}
			g.closed[lru.c.ID] = true
			if lru.part == 0 {
				lru.part = 1
			}
			g.flush(lru)
		}
	}
}

func (g *refGrouper) flush(oc *refConv) {
	delete(g.open, oc.c.ID)
	g.bytes -= oc.bytes
	oc.c.Part = oc.part
	switch oc.part {
	case 1:
		g.sum.LintedEarly++
		oc.c.Notes = append(oc.c.Notes, "linted before the input ended (memory budget); messages of this conversation that come later, if any, are linted as a further part")
	case 2:
		oc.c.Notes = append(oc.c.Notes, "continues a part linted earlier (the conversation's messages were far apart in the input, or too many to lint at once)")
	}
	finish(oc.c)
	// (the grouper notes a conversation none of whose messages has
	// waivers, so that the engine need not look)
	oc.c.waiverFree = !slices.ContainsFunc(oc.c.Messages, func(m Message) bool { return m.Waivers != nil })
	oc.c.Seq = len(g.out)
	g.out = append(g.out, oc.c)
}

func (g *refGrouper) drain() {
	ocs := slices.Collect(maps.Values(g.open))
	slices.SortFunc(ocs, func(a, b *refConv) int { return a.c.Messages[0].Seq - b.c.Messages[0].Seq })
	for _, oc := range ocs {
		g.flush(oc)
	}
}

// TestGrouperMatchesReference feeds interleaved conversations (with
// duplicate ids and untimed messages) through the pipeline's preparing and
// grouping, under budgets from tiny (every conversation linted in parts) to
// roomy, and parts of at most maxPartMessages or of a few messages, and
// compares every conversation handed on and the summary with refGrouper's. It does so with the messages of a conversation
// naming it with one id string, as one JSONL scanner does, and with copies
// of it, as several do (the grouper's cache of recent conversations goes by
// the string's address). It does so again with the keys of the map of
// open conversations narrowed to two bits, so that most conversations'
// keys collide with another open one's.
func TestGrouperMatchesReference(t *testing.T) {
	for _, keyMask := range []uint64{^uint64(0), 3} {
		for _, copies := range []int{1, 3} {
			testGrouperMatchesReference(t, copies, keyMask)
		}
	}
}

// testGrouperMatchesReference is TestGrouperMatchesReference with the
// messages of a conversation naming it with up to copies id strings, and
// the grouper's keyMask.
func testGrouperMatchesReference(t *testing.T, copies int, keyMask uint64) {
	for _, tt := range []struct {
		n, active, budget int
		part              int // the most messages of a part (0: maxPartMessages)
	}{
		{0, 1, 1000, 0},
		{50, 1, 1000, 0},
		{2000, 5, 1, 0},
		{2000, 20, 8000, 0},
		{5000, 50, 50000, 0},
		{5000, 300, 90000, 0},
		{20000, 200, 800000, 0},
		{20000, 200, 100 << 20, 0},
		{2000, 3, 100 << 20, 5},
		{2000, 20, 8000, 4},
		{500, 2, 100 << 20, 1},
	} {
		if tt.part == 0 {
			tt.part = maxPartMessages(tt.budget)
		}
		ms := groupWorkload(tt.n, tt.active, uint64(tt.budget))
		if copies > 1 {
			rng := rand.New(rand.NewPCG(uint64(tt.n), 2))
			ids := map[string][]string{}
			for i := range ms {
				id := ms[i].Conversation
				if ids[id] == nil {
					for range copies {
						ids[id] = append(ids[id], strings.Clone(id))
					}
				}
				ms[i].Conversation = ids[id][rng.IntN(copies)]
			}
		}
		ref := &refGrouper{budget: tt.budget, maxPart: tt.part, open: map[string]*refConv{}, closed: map[string]bool{}}
		for _, m := range ms {
			ref.message(m)
		}
		ref.drain()

		var got []*Conversation
		var sum Summary
		g := newGrouper(context.Background(), false, &sum, tt.budget, nil)
		g.maxPart = tt.part
		g.keyMask = keyMask
		g.emit = func(oc *openConv) error {
			got = append(got, g.complete(oc))
			return nil
		}
		p := &preparer{}
		for _, b := range batchesOf(ms) {
			p.run(b)
			if err := g.consume(b); err != nil {
				t.Fatal(err)
			}
		}
		if err := g.drain(); err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("n=%d active=%d budget=%d part=%d copies=%d keyMask=%#x", tt.n, tt.active, tt.budget, tt.part, copies, keyMask)
		if len(g.open)+len(g.collided) != 0 {
			t.Errorf("%s: %d conversations still open after drain", name, len(g.open)+len(g.collided))
		}
		if keyMask != ^uint64(0) && tt.active > 4 && tt.budget > 1 && g.collided == nil {
			t.Errorf("%s: no key collided", name)
		}
		if len(got) != len(ref.out) {
			t.Fatalf("%s: %d conversations, want %d", name, len(got), len(ref.out))
		}
		for i := range got {
			if !reflect.DeepEqual(got[i], ref.out[i]) {
				t.Fatalf("%s: conversation %d:\n got %+v\nwant %+v", name, i, got[i], ref.out[i])
			}
		}
		if got, want := errorList(t, sum.Errors), errorList(t, ref.sum.Errors); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: malformed records\n got %+v\nwant %+v", name, got, want)
		}
		sum.Errors, ref.sum.Errors = RecordErrors{}, RecordErrors{}
		if !reflect.DeepEqual(sum, ref.sum) {
			t.Errorf("%s: summary\n got %+v\nwant %+v", name, sum, ref.sum)
		}
		if tt.n >= 2000 && (tt.budget > 1 && ref.sum.Rejected == 0 || tt.budget < 1000000 && ref.sum.SplitConversations == 0) {
			t.Errorf("%s: the workload has no duplicates or no split conversations", name)
		}
		if tt.part < 10 && ref.sum.SplitConversations == 0 {
			t.Errorf("%s: no conversation was split into parts of %d messages", name, tt.part)
		}
	}
}

func TestMsgPool(t *testing.T) {
	var p msgPool
	a := p.get(3)
	if len(a) != 0 || cap(a) != 3 {
		t.Fatalf("get(3): len %d cap %d", len(a), cap(a))
	}
	a = append(a, Message{ID: "x"}, Message{ID: "y"}, Message{ID: "z"})
	p.put(a)
	if b := p.get(3); cap(b) != 3 || &b[:1][0] != &a[0] || b[:3][0].ID != "" {
		t.Errorf("a slice put back is reused for the same length, cleared")
	}
	if b := p.get(3); &b[:1][0] == &a[0] {
		t.Errorf("a slice is handed out once")
	}
	long := make([]Message, maxPooledLen+1)
	p.put(long)
	if b := p.get(maxPooledLen + 1); &b[:1][0] == &long[0] {
		t.Errorf("slices longer than maxPooledLen are not pooled")
	}
	// the pool stays within maxPooledBytes
	for range 2 * maxPooledBytes / (maxPooledLen * int(unsafe.Sizeof(Message{}))) {
		p.put(make([]Message, maxPooledLen))
	}
	if p.bytes > maxPooledBytes || p.bytes < maxPooledBytes/2 {
		t.Errorf("pool of %d bytes, want at most %d", p.bytes, maxPooledBytes)
	}
	var nilPool *msgPool
	if b := nilPool.get(5); cap(b) != 5 {
		t.Errorf("a nil pool allocates")
	}
}

// TestMsgPoolGroups: a worker's slices for a group of conversations, and
// the writer's slices given back at once, behave as get and put one by one.
func TestMsgPoolGroups(t *testing.T) {
	var p msgPool
	a := append(make([]Message, 0, 2), Message{ID: "a1"}, Message{ID: "a2"})
	b := append(make([]Message, 0, 5), Message{ID: "b1"})
	long := make([]Message, 0, maxPooledLen+1)
	back := [][]Message{a, b, long}
	p.putAll(back, nil)
	for i, ms := range back {
		if ms != nil {
			t.Errorf("putAll left entry %d of its argument", i)
		}
	}
	if a[:1][0].ID != "" || b[:1][0].ID != "" {
		t.Errorf("slices given back are cleared")
	}
	grp := []*openConv{{n: 5}, {n: 2}, {n: 2}, {n: maxPooledLen + 1}}
	r := &Result{Score: 90}
	p.putAll(nil, []*Result{r})
	if r.Score != 0 || len(p.results) != 1 {
		t.Errorf("putAll keeps the Results given back, zeroed")
	}
	rs := make([]*Result, len(grp))
	dst := p.getFor(grp, [][]Message{nil}, rs, nil)
	if rs[0] != r || rs[1] == nil || rs[1] == r || len(p.results) != 0 {
		t.Errorf("getFor hands out the pooled Result, then new ones")
	}
	if len(dst) != 1+len(grp) || dst[0] != nil {
		t.Fatalf("getFor appends a slice per conversation: %d", len(dst))
	}
	for i, oc := range grp {
		if ms := dst[1+i]; len(ms) != 0 || cap(ms) != oc.n {
			t.Errorf("conversation %d of %d messages: len %d cap %d", i, oc.n, len(ms), cap(ms))
		}
	}
	if &dst[1][:1][0] != &b[:1][0] || &dst[2][:1][0] != &a[:1][0] || &dst[3][:1][0] == &a[:1][0] {
		t.Errorf("pooled slices go to conversations of their length, once each")
	}
	if p.bytes != 0 {
		t.Errorf("pool of %d bytes after every slice was taken", p.bytes)
	}
	var nilPool *msgPool
	if got := nilPool.getFor(grp, nil, make([]*Result, len(grp)), nil); len(got) != len(grp) || cap(got[3]) != maxPooledLen+1 {
		t.Errorf("a nil pool makes every slice")
	}
}

// TestBudgetBoundsShortConversations: the budget bounds what open
// conversations really hold, chunks of messages included, when every
// conversation has a single message (half a million of them held 5.7 times
// the budget when only messages were counted).
func TestBudgetBoundsShortConversations(t *testing.T) {
	const budget = 1 << 20
	var sum Summary
	g := newGrouper(context.Background(), false, &sum, budget, nil)
	g.emit = func(oc *openConv) error { g.complete(oc); return nil }
	most := 0
	for i := 0; i < 20000; i++ {
		m := msg(fmt.Sprint("c", i), i, Customer, "u", "在吗", i+1)
		if err := g.Message(m); err != nil {
			t.Fatal(err)
		}
		most = max(most, len(g.open))
	}
	if held := most * (chunkBytes + int(unsafe.Sizeof(openConv{}))); held > budget { // openConv holds its Conversation
		t.Errorf("%d conversations open at most, holding %d bytes of chunks and structs, over the %d budget", most, held, budget)
	}
	if most < budget/(2*chunkBytes+convOverhead+64) {
		t.Errorf("only %d conversations open at most: the budget is not used", most)
	}
}

// TestBudgetCountsAlikeOnEveryTarget: the budget counts a message, a
// chunk and a conversation the same on every target (the sizes they take
// on 64-bit ones), so that a run lints the same conversations early, in
// the same parts, whatever it runs on: where int and pointers are 32 bits
// (386, arm), the structs are smaller, and a budget counted by their sizes
// held more conversations open, and the report changed.
func TestBudgetCountsAlikeOnEveryTarget(t *testing.T) {
	const budget = 1 << 20
	var sum Summary
	g := newGrouper(context.Background(), false, &sum, budget, nil)
	var flushed []string
	g.emit = func(oc *openConv) error {
		c := g.complete(oc)
		flushed = append(flushed, fmt.Sprintf("%s/%d", c.ID, len(c.Messages)))
		return nil
	}
	most := 0
	for i := range 20000 {
		m := msg(fmt.Sprint("c", i%800), i, Customer, "u", strings.Repeat("在吗", 1+i%5), i+1)
		if err := g.Message(m); err != nil {
			t.Fatal(err)
		}
		most = max(most, len(g.open))
	}
	if err := g.drain(); err != nil {
		t.Fatal(err)
	}
	h := fnv.New64a()
	for _, f := range flushed {
		h.Write([]byte(f + "\n"))
	}
	// (what a 64-bit target does: at most 598 of the 800 conversations
	// are open, and each message is a part of its own)
	if got := fmt.Sprintf("%d open, %d parts, %x", most, len(flushed), h.Sum64()); got != "598 open, 20000 parts, e032497b2ede9875" {
		t.Errorf("at most %s; want 598 open, 20000 parts, e032497b2ede9875", got)
	}
}

// TestBudgetSizes: chunkBytes and convOverhead are what a chunk of whole
// Messages and an openConv take on 64-bit targets (on 32-bit ones they
// are those numbers too: TestBudgetCountsAlikeOnEveryTarget). A change of
// the structs' layout that fails this changes which conversations a run
// lints early: change the constants on purpose, or keep the size.
func TestBudgetSizes(t *testing.T) {
	if strconv.IntSize != 64 {
		t.Skip("the sizes counted are those of 64-bit targets")
	}
	if want := int(chunkLen*(unsafe.Sizeof(Message{})+unsafe.Sizeof(uint32(0))) + 2*unsafe.Sizeof(0)); chunkBytes != want {
		t.Errorf("chunkBytes = %d, a chunk of whole Messages %d", chunkBytes, want)
	}
	if want := int(unsafe.Sizeof(openConv{})) + 64; convOverhead != want {
		t.Errorf("convOverhead = %d, an openConv and its entries %d", convOverhead, want)
	}
}

// TestAddNote: the notes of parts are shared, never written to.
func TestAddNote(t *testing.T) {
	one := addNote(nil, partNotes[0:1:1])
	two := addNote(one, []string{"x"})
	three := addNote([]string{"y"}, partNotes[1:2:2])
	if !slices.Equal(one, partNotes[:1]) || !slices.Equal(two, []string{partNotes[0], "x"}) || !slices.Equal(three, []string{"y", partNotes[1]}) {
		t.Errorf("addNote: %q, %q, %q", one, two, three)
	}
	if partNotes[1] == "x" || cap(one) != 1 {
		t.Errorf("a shared note was written over")
	}
}

// TestRecentCacheKeepsNoFlushedConversation: a conversation named by
// several id strings (one per JSONL scanner, a new one when a scanner's
// cache of ids starts over, one per record in CSV) is in the grouper's
// cache of recent conversations under each. Once it is flushed, no entry
// may still point at it: the entry would keep its messages in memory,
// outside the budget, until overwritten.
func TestRecentCacheKeepsNoFlushedConversation(t *testing.T) {
	tests := []struct {
		name   string
		convs  int
		budget int // small: conversations are linted early, in parts
	}{{"evicted", 4, 16 << 10}, {"drained", 40, 64 << 20}}
	for _, tt := range tests {
		var sum Summary
		g := newGrouper(context.Background(), false, &sum, tt.budget, nil)
		var flushed []*openConv
		g.emit = func(oc *openConv) error {
			flushed = append(flushed, oc)
			g.complete(oc)
			return nil
		}
		for i := range 400 {
			id := strings.Clone(fmt.Sprint("c", i%tt.convs)) // a new string each time
			if err := g.Message(msg(id, i, Customer, "u", "在吗", i+1)); err != nil {
				t.Fatal(err)
			}
			checkRecent(t, g, tt.name)
		}
		if err := g.drain(); err != nil {
			t.Fatal(err)
		}
		checkRecent(t, g, tt.name+", drained")
		if len(flushed) < 2*tt.convs && tt.convs < 40 {
			t.Fatalf("%s: %d parts flushed: the budget does not split conversations", tt.name, len(flushed))
		}
	}
}

// checkRecent fails when the grouper's cache of recent conversations holds
// a flushed one.
func checkRecent(t *testing.T, g *grouper, name string) {
	t.Helper()
	for _, sl := range g.recent {
		if sl.oc != nil && sl.oc.last < 0 {
			t.Fatalf("%s: the cache still holds flushed conversation %q (under id string %p)", name, sl.oc.conv.ID, unsafe.StringData(sl.id))
		}
	}
}

// TestHeldMessagesRoundTrip: an open conversation holds its messages in a
// smaller form (heldMsg) than the Messages it hands on; every field comes
// back, for the usual message and for those held whole (waivers, a file
// other than the conversation's, a type other than the built-in ones), and
// a duplicate id names the first message's position, whichever its file.
func TestHeldMessagesRoundTrip(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	base := func(line int) Message {
		return Message{Conversation: "c1", ID: "m" + strconv.Itoa(line), Time: time.Date(2026, 11, 11, 8, 0, line, 7, shanghai),
			Role: Agent, Sender: "小美", Text: "您好，亲，在的", Pos: Pos{File: "a.jsonl", Line: line}, TextRaw: 3, TextCol: 41, TextAstral: 2,
			TimeToMinute: line%2 == 0, TextRunes: 7}
	}
	var in []Message
	for i, edit := range []func(m *Message){
		func(m *Message) {},
		func(m *Message) { m.Type = TypeNote; m.Joined = true },
		func(m *Message) { m.Type = TypeOrder; m.Time = time.Time{} },
		func(m *Message) { m.Type = TypeTransfer; m.Role = Customer },
		func(m *Message) { m.Type = "图片" },
		func(m *Message) { m.Pos.File = "b.jsonl" },
		func(m *Message) {
			m.Waivers = []Waiver{{Rule: "base/rude-phrase", Reason: "引用顾客原话", Pos: Pos{File: "a.jsonl", Line: 3}}}
		},
		func(m *Message) { m.Waivers = []Waiver{} },
		func(m *Message) { m.ID = ""; m.Text = ""; m.Sender = "" },
		func(m *Message) { m.Type = TypeText; m.Time = time.Unix(1e9, 0).UTC() },
		func(m *Message) { m.Pos.File = "b.jsonl"; m.ID = "dup" },
		func(m *Message) { m.ID = "dup" }, // a duplicate of the one before
	} {
		m := base(i + 1)
		edit(&m)
		in = append(in, m)
	}
	var sum Summary
	var got []*Conversation
	g := newGrouper(context.Background(), false, &sum, 0, nil)
	g.emit = func(oc *openConv) error { got = append(got, g.complete(oc)); return nil }
	for _, m := range in {
		if err := g.Message(m); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.drain(); err != nil {
		t.Fatal(err)
	}
	want := in[:len(in)-1] // the duplicate is rejected
	for i := range want {
		if want[i].Type == "" {
			want[i].Type = TypeText
		}
		want[i].Seq = i
	}
	if len(got) != 1 || !reflect.DeepEqual(got[0].Messages, want) {
		t.Fatalf("messages handed on:\n got %+v\nwant %+v", got, want)
	}
	if errs := errorList(t, sum.Errors); len(errs) != 1 || !strings.Contains(fmt.Sprint(errs[0]), "first at b.jsonl:11") {
		t.Errorf("duplicate id: %v, want one naming b.jsonl:11", errs)
	}
	// the budget counts a chunk as it did when chunks held whole Messages
	// (which conversations are linted early is in the report)
	if size := int(unsafe.Sizeof(msgChunk{})); size > chunkBytes || unsafe.Sizeof(heldMsg{}) >= unsafe.Sizeof(Message{}) {
		t.Errorf("a chunk takes %d bytes, counted as %d; a held message %d, a Message %d", size, chunkBytes, unsafe.Sizeof(heldMsg{}), unsafe.Sizeof(Message{}))
	}
	// TimeToMinute and TextRunes lie in what was padding, in both (the
	// sizes of a 64-bit build; 32-bit ones, which CI tests on 386, differ)
	if unsafe.Sizeof(uintptr(0)) == 8 && (unsafe.Sizeof(heldMsg{}) != 88 || unsafe.Sizeof(Message{}) != 176) {
		t.Errorf("a held message takes %d bytes, a Message %d: want 88 and 176", unsafe.Sizeof(heldMsg{}), unsafe.Sizeof(Message{}))
	}
}

// TestLRUQueueMatchesReference drives the queue with random messages,
// pops and flushes of conversations other than by pop (which drop stale
// entries, dropStale, once they are many) across many of its blocks, and
// checks every pop against the open conversation whose last message is
// the oldest.
func TestLRUQueueMatchesReference(t *testing.T) {
	for _, convs := range []int{1, 3, 40, 3000} {
		rng := rand.New(rand.NewPCG(uint64(convs), 7))
		var l lruQueue
		ocs := make([]*openConv, convs)
		held := make([]int, convs) // messages pushed since it opened
		for i := range ocs {
			ocs[i] = &openConv{conv: Conversation{ID: strconv.Itoa(i)}, last: -1}
		}
		oldest := func() *openConv {
			var o *openConv
			for _, oc := range ocs {
				if oc.last >= 0 && (o == nil || oc.last < o.last) {
					o = oc
				}
			}
			return o
		}
		seq := 0
		for op := range 60000 {
			switch r := rng.IntN(1000); {
			case r < 3: // a pop
				want := oldest()
				if got := l.pop(); got != want {
					t.Fatalf("convs=%d op %d: popped %v, want %v", convs, op, got, want)
				}
				if want != nil {
					held[slices.Index(ocs, want)] = 0
				}
			case r < 6: // a part flushed
				k := rng.IntN(convs)
				if ocs[k].last >= 0 {
					ocs[k].last = -1
					l.orphan(held[k])
					held[k] = 0
				}
			default:
				k := rng.IntN(convs)
				if convs > 3 && rng.IntN(4) > 0 {
					k = rng.IntN(1 + convs/10) // a few busy ones
				}
				ocs[k].last = seq
				seq++
				held[k]++
				l.push(ocs[k])
			}
			if n, open := l.len(), slices.IndexFunc(ocs, func(oc *openConv) bool { return oc.last >= 0 }); n < 0 || open >= 0 && n == 0 {
				t.Fatalf("convs=%d op %d: %d entries", convs, op, n)
			}
		}
		for {
			want := oldest()
			if got := l.pop(); got != want {
				t.Fatalf("convs=%d at the end: popped %v, want %v", convs, got, want)
			}
			if want == nil {
				break
			}
		}
		if l.len() != 0 {
			t.Errorf("convs=%d: %d entries left", convs, l.len())
		}
	}
}

// TestGrouperProgress: the grouper reports progress every progressEvery
// records, messages, rejected and skipped ones alike.
func TestGrouperProgress(t *testing.T) {
	var sum Summary
	g := newGrouper(context.Background(), false, &sum, 0, func(*openConv) error { return nil })
	var got []int
	g.progress = func(records int) { got = append(got, records) }
	for i := range 2*progressEvery + 10 {
		var err error
		switch i % 3 {
		case 0:
			err = g.Message(msg("c"+strconv.Itoa(i%7), i+1, Customer, "u", "在吗", i+1))
		case 1:
			err = g.Reject(RecordError{Pos: Pos{File: "a.jsonl", Line: i + 1}, Err: "坏记录"})
		default:
			err = g.SkipRecord(Pos{File: "a.jsonl", Line: i + 1}, "header")
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if want := []int{progressEvery, 2 * progressEvery}; !slices.Equal(got, want) {
		t.Errorf("progress reported at %v records, want %v", got, want)
	}
}

// TestWarm holds warm, which reads the held messages and texts of a group
// of conversations before a worker completes them, to reading each message
// of the group once, up to about warmMessages, and to changing nothing:
// conversations of every shape of chunk (empty texts, texts over a cache
// line, messages held whole) complete as they would have. (Run with -race,
// checkptr also holds its reads inside the chunks.)
func TestWarm(t *testing.T) {
	group := func(sizes ...int) []*openConv {
		var sum Summary
		g := newGrouper(context.Background(), false, &sum, 1<<30, nil)
		var ocs []*openConv
		g.emit = func(oc *openConv) error { ocs = append(ocs, oc); return nil }
		line := 0
		for c, n := range sizes {
			for i := range n {
				line++
				text := strings.Repeat("好的", i%3*20) // 0, 120 and 240 bytes
				m := msg("c"+strconv.Itoa(c), i, Customer, "wx_ann", text, line)
				if i%5 == 4 {
					m.Type = "custom" // held whole
				}
				if err := g.Message(m); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := g.drain(); err != nil {
			t.Fatal(err)
		}
		return ocs
	}
	tests := []struct {
		sizes []int
		want  int
	}{
		{nil, 0},
		{[]int{1}, 1},
		{[]int{3, 8, 9, 17}, 37},
		{[]int{chunkLen * 100, chunkLen * 100}, warmMessages},
		{[]int{warmMessages - 3, 20}, warmMessages + chunkLen - 3},
	}
	for _, tt := range tests {
		want := group(tt.sizes...)
		var sum Summary
		g := newGrouper(context.Background(), false, &sum, 1<<30, nil)
		ocs := group(tt.sizes...)
		if got := warm(ocs); got != tt.want {
			t.Errorf("%v: warm read %d messages, want %d", tt.sizes, got, tt.want)
		}
		for i, oc := range ocs {
			c, w := g.complete(oc), g.complete(want[i])
			if !reflect.DeepEqual(c.Messages, w.Messages) || len(c.Messages) != tt.sizes[i] {
				t.Errorf("%v: conversation %d completes other than without warm", tt.sizes, i)
			}
		}
	}
}

// TestClosedBits holds wasClosed, which looks at the bits of the keys of
// conversations linted early before the map of them, to the map: keys
// marked and not, keys sharing a bit, and after the map is cleared at
// maxClosed keys.
func TestClosedBits(t *testing.T) {
	var sum Summary
	g := newGrouper(context.Background(), false, &sum, 1<<20, nil)
	if g.wasClosed(42) {
		t.Fatalf("nothing is closed before anything is marked")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	const bitShare = 1 << (64 - closedBitsLog - 1) // same bit, another key
	var keys []uint64
	for range 5000 {
		k := rng.Uint64()
		keys = append(keys, k)
		g.markClosed(k)
	}
	check := func(when string, marked []uint64) {
		t.Helper()
		in := map[uint64]bool{}
		for _, k := range marked {
			in[k] = true
		}
		for _, k := range keys {
			for _, q := range []uint64{k, k ^ 1, k ^ bitShare, ^k} {
				if got := g.wasClosed(q); got != in[q] {
					t.Fatalf("%s: wasClosed(%#x) = %v, want %v", when, q, got, in[q])
				}
			}
		}
	}
	check("marked", keys)
	for len(g.closed) < maxClosed {
		g.markClosed(uint64(len(g.closed)) << 32)
	}
	k := rng.Uint64()
	g.markClosed(k) // clears the map first
	if len(g.closed) != 1 {
		t.Fatalf("%d keys closed after the map was cleared", len(g.closed))
	}
	check("after clearing", []uint64{k})
	if !g.wasClosed(k) {
		t.Errorf("the key marked after clearing is closed")
	}
}

// finishRef is finish as it was written first: by Time.IsZero and
// Time.Before.
func finishRef(c *Conversation) {
	c.Timed = true
	for i := range c.Messages {
		if !c.Messages[i].Timed() {
			c.Timed = false
			break
		}
	}
	if c.Timed {
		ms := c.Messages
		for i := 1; i < len(ms); i++ {
			if ms[i].Time.Before(ms[i-1].Time) {
				slices.SortStableFunc(ms, func(a, b Message) int { return a.Time.Compare(b.Time) })
				break
			}
		}
	}
}

// finishBoth is a conversation of messages at times, finished by finish
// and by finishRef.
func finishBoth(times []time.Time) (got, want Conversation) {
	for i, tm := range times {
		m := Message{ID: strconv.Itoa(i), Time: tm, Seq: i}
		got.Messages = append(got.Messages, m)
		want.Messages = append(want.Messages, m)
	}
	finish(&got)
	finishRef(&want)
	return got, want
}

// TestFinishMatchesReference holds finish, which compares the words of the
// messages' times, to finishRef: times in order and out of order by
// seconds, by nanoseconds within a second, equal times (kept in input
// order), zero times, times of other zones, before year 1, and with
// monotonic readings (which Time.Before compares when both have one).
func TestFinishMatchesReference(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	at := func(sec, nsec int) time.Time { return time.Date(2026, 11, 11, 8, 0, sec, nsec, shanghai) }
	now := time.Now()
	for _, tt := range []struct {
		name  string
		times []time.Time
	}{
		{"empty", nil},
		{"one", []time.Time{at(1, 0)}},
		{"in order", []time.Time{at(1, 0), at(1, 5), at(2, 0), at(59, 999999999)}},
		{"equal", []time.Time{at(3, 7), at(3, 7), at(3, 7)}},
		{"seconds back", []time.Time{at(5, 0), at(4, 0), at(6, 0)}},
		{"nanoseconds back", []time.Time{at(5, 9), at(5, 8), at(5, 8)}},
		{"back to an equal time", []time.Time{at(5, 1), at(6, 0), at(5, 1), at(5, 0)}},
		{"nanoseconds up, seconds back", []time.Time{at(5, 1), at(4, 2)}},
		{"zones", []time.Time{at(5, 0).UTC(), at(5, 0), at(4, 0).In(time.FixedZone("X", -3600)), at(6, 0).UTC()}},
		{"zero first", []time.Time{{}, at(1, 0)}},
		{"zero last, back", []time.Time{at(2, 0), at(1, 0), {}}},
		{"before year 1", []time.Time{time.Date(-3, 1, 1, 0, 0, 0, 5, time.UTC), time.Date(-3, 1, 1, 0, 0, 0, 4, time.UTC), at(0, 0)}},
		{"unix 0", []time.Time{time.Unix(0, 0), time.Unix(0, 0).Add(-1)}},
		{"monotonic", []time.Time{now, now.Add(time.Second), now.Add(-time.Second), now.Add(-time.Second)}},
		// monotonic readings that disagree with the wall clock: Time.Before
		// orders by the readings when both have one
		{"monotonic against the wall", []time.Time{now.Add(2 * time.Second), now.Add(time.Second).Add(0), now.Round(0).Add(3 * time.Second)}},
		{"monotonic mixed", []time.Time{now.Round(0), now.Add(-time.Millisecond), now.Round(0).Add(-time.Hour)}},
		{"monotonic zero", []time.Time{now, {}}},
	} {
		if got, want := finishBoth(tt.times); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, want)
		}
	}
	// random times: seconds and nanoseconds from small ranges, so that
	// many are equal or close, now and then a zero one
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		times := make([]time.Time, 1+rng.IntN(12))
		for i := range times {
			times[i] = at(rng.IntN(4), rng.IntN(3))
			switch rng.IntN(40) {
			case 0:
				times[i] = time.Time{}
			case 1:
				times[i] = now.Add(time.Duration(rng.IntN(3)))
			}
		}
		if got, want := finishBoth(times); !reflect.DeepEqual(got, want) {
			t.Fatalf("random times:\n got %+v\nwant %+v", got, want)
		}
	}
}

// TestTimeWords holds timeWords to package time's layout of a Time: a zero
// time's words are zero; without a monotonic reading wall is the
// nanoseconds and ext the seconds (from a fixed epoch); with one, wall has
// hasMonotonic set; loc is the location (nil for UTC), and a Time made from
// the words is the time.
func TestTimeWords(t *testing.T) {
	if unsafe.Sizeof(timeWords{}) != unsafe.Sizeof(time.Time{}) {
		t.Fatalf("timeWords takes %d bytes, a time.Time %d", unsafe.Sizeof(timeWords{}), unsafe.Sizeof(time.Time{}))
	}
	words := func(tm time.Time) timeWords { return *(*timeWords)(unsafe.Pointer(&tm)) }
	if w := words(time.Time{}); w.wall != 0 || w.ext != 0 {
		t.Errorf("zero time: %+v", w)
	}
	epoch := words(time.Unix(0, 0)).ext
	for _, tm := range []time.Time{time.Unix(1, 2), time.Unix(1e9, 999999999).UTC(), time.Unix(-5, 7), time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC), time.Now().Round(0)} {
		if w := words(tm); w.wall != uint64(tm.Nanosecond()) || w.ext-epoch != tm.Unix() {
			t.Errorf("%v: words %+v, want wall %d and ext %d", tm, w, tm.Nanosecond(), tm.Unix()+epoch)
		}
	}
	if w := words(time.Now()); w.wall&hasMonotonic == 0 {
		t.Errorf("time.Now(): wall %#x without hasMonotonic", w.wall)
	}
	// loc is the location, nil for UTC (which a held message's chunk
	// keeps for its messages' times)
	shanghai := time.FixedZone("CST", 8*3600)
	for _, tm := range []time.Time{time.Unix(5, 0).In(shanghai), time.Unix(5, 0).UTC(), time.Unix(5, 0).In(time.Local), {}} {
		w := words(tm)
		var back time.Time
		*(*timeWords)(unsafe.Pointer(&back)) = w
		if loc := (*time.Location)(w.loc); loc != nil && loc != tm.Location() || loc == nil && tm.Location() != time.UTC || back != tm {
			t.Errorf("%v: loc %p, Location() %p; made back from its words %v", tm, w.loc, tm.Location(), back)
		}
	}
}

// TestGrouperStopsWhenCancelled: once the run is cancelled the grouper
// takes no more records, whether handed a batch (consume, which asks once
// per batch) or one message (Message).
func TestGrouperStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var sum Summary
	var flushed int
	g := newGrouper(ctx, false, &sum, 0, func(*openConv) error { flushed++; return nil })
	ms := []Message{msg("c1", 1, Customer, "u", "在吗", 1), msg("c1", 2, Agent, "a", "在的", 2)}
	p := &preparer{}
	bs := batchesOf(ms)
	p.run(bs[0])
	if err := g.consume(bs[0]); err != nil {
		t.Fatal(err)
	}
	cancel()
	bs = batchesOf(ms)
	p.run(bs[0])
	if err := g.consume(bs[0]); !errors.Is(err, context.Canceled) {
		t.Errorf("consume after cancel: %v, want context.Canceled", err)
	}
	if err := g.Message(msg("c2", 3, Customer, "u", "在吗", 3)); !errors.Is(err, context.Canceled) {
		t.Errorf("Message after cancel: %v, want context.Canceled", err)
	}
	if sum.Records != 2 || len(g.open) != 1 || flushed != 0 {
		t.Errorf("after cancel: %d records, %d open conversations, %d flushed; want 2, 1, 0", sum.Records, len(g.open), flushed)
	}
}

func TestSameString(t *testing.T) {
	a := "a.jsonl"
	b := strings.Clone(a)
	for _, tt := range []struct {
		x, y string
		want bool
	}{
		{a, a, true},
		{a, b, true},
		{a, a[:6], false},
		{a, "b.jsonl", false},
		{"", "", true},
		{"", a, false},
		{a[:0], a[1:1], true},
	} {
		if got := sameString(tt.x, tt.y); got != tt.want {
			t.Errorf("sameString(%q, %q) = %v, want %v", tt.x, tt.y, got, tt.want)
		}
	}
}

// TestMsgPoolFindings: putAll keeps the findings' memory of every Result
// given back, by class, however many Results come back at once (past the
// room putAll keeps on its stack for them), cleared and up to
// maxPooledFindingBytes.
func TestMsgPoolFindings(t *testing.T) {
	for _, n := range []int{1, 4 * convGroup, 4*convGroup + 1, 300} {
		var p msgPool
		rs := make([]*Result, n)
		for i := range rs {
			k := 1 + i%5 // capacities 1 to 5: classes 0 to 2
			rs[i] = &Result{findings: make([]Finding, k, k)}
			rs[i].findings[0].Message = "亲，这个不行"
		}
		want := [findingClasses]int{}
		bytes := 0
		for i := range rs {
			c := bits.Len(uint(cap(rs[i].findings))) - 1 // the class it serves
			if size := (1 << c) * int(unsafe.Sizeof(Finding{})); bytes+size <= maxPooledFindingBytes {
				want[c]++
				bytes += size
			}
		}
		mems := make([][]Finding, n)
		for i, r := range rs {
			mems[i] = r.findings
		}
		p.putAll(nil, rs)
		for c := range p.findings {
			if len(p.findings[c]) != want[c] {
				t.Errorf("%d Results: %d slices of class %d pooled, want %d", n, len(p.findings[c]), c, want[c])
			}
		}
		if p.findingBytes != bytes {
			t.Errorf("%d Results: %d bytes of findings pooled, want %d", n, p.findingBytes, bytes)
		}
		for i, f := range mems {
			if f[0].Message != "" {
				t.Fatalf("%d Results: findings %d not cleared", n, i)
			}
		}
	}
}

// TestNewConv: the openConvs made convBlock at a time are zero and
// distinct, across blocks.
func TestNewConv(t *testing.T) {
	g := newGrouper(context.Background(), false, &Summary{}, 0, nil)
	seen := map[*openConv]bool{}
	for i := range 3*convBlock + 1 {
		oc := g.newConv()
		if zero := reflect.ValueOf(oc).Elem().IsZero(); seen[oc] || !zero {
			t.Fatalf("conversation %d: seen before %v, zero %v", i, seen[oc], zero)
		}
		seen[oc] = true
		oc.conv.ID, oc.n, oc.first = "c"+strconv.Itoa(i), i, i // (the next must stay zero)
	}
	if unsafe.Sizeof(openConv{})*convBlock > 4096 {
		t.Errorf("a block of %d openConvs takes %d bytes, more than its size class", convBlock, unsafe.Sizeof(openConv{})*convBlock)
	}
}

// TestHeldMessagesPast32Bits: a held message keeps its line and Seq in 32
// bits; one whose line or Seq does not fit is held whole, and comes back
// the same, across collections, as does a duplicate id's first position.
func TestHeldMessagesPast32Bits(t *testing.T) {
	var sum Summary
	var got []*Conversation
	g := newGrouper(context.Background(), false, &sum, 0, nil)
	g.emit = func(oc *openConv) error { got = append(got, g.complete(oc)); return nil }
	// (where int is 32 bits, as on 386 and arm, no line or Seq is past 32
	// bits: the test holds the widest ints there, which are held in 32 bits)
	seq0, lines := math.MaxInt-5, []int{7, math.MaxInt - 1, math.MaxInt, math.MaxInt - 3, 9}
	if strconv.IntSize == 64 {
		var wide int64 = 1 << 32
		seq0, lines = int(wide-2), []int{7, int(wide - 1), int(wide), int(wide<<8 + 3), 9}
	}
	g.seq = seq0
	var want []Message
	for i, line := range lines {
		m := msg("c1", i+1, Customer, "u", "在吗", line)
		m.ID = "m" + strconv.Itoa(i)
		m.Type = TypeText
		if err := g.Message(m); err != nil {
			t.Fatal(err)
		}
		m.Seq = seq0 + i
		want = append(want, m)
	}
	dup := msg("c1", 9, Customer, "u", "在吗", 10)
	dup.ID = "m3"
	if err := g.Message(dup); err != nil {
		t.Fatal(err)
	}
	// (the copies of the messages held whole are referenced only through
	// their heldMsg's empty Text: collected, their memory would be reused)
	for range 3 {
		runtime.GC()
		garbage := make([]*Message, 1000) // (of the copies' size class)
		for i := range garbage {
			garbage[i] = &Message{ID: "垃圾", Pos: Pos{Line: -1}}
		}
		runtime.KeepAlive(garbage)
	}
	if err := g.drain(); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !reflect.DeepEqual(got[0].Messages, want) {
		t.Fatalf("messages handed on:\n got %+v\nwant %+v", got, want)
	}
	first := fmt.Sprintf("first at f.jsonl:%d", lines[3])
	if errs := errorList(t, sum.Errors); len(errs) != 1 || !strings.Contains(fmt.Sprint(errs[0]), first) {
		t.Errorf("duplicate id: %v, want one naming %s", errs, first)
	}
}

// TestMeasure: a message counts its text, its sender and messageOverhead
// against the budget; its id's hash is 0 without an id, odd with one, and
// the same for the same id (in another string).
func TestMeasure(t *testing.T) {
	a := Message{ID: "TB2026111110158380-1", Sender: "客服01", Text: "您好"}
	b := Message{ID: strings.Clone(a.ID), Text: "在吗？"}
	none := Message{Sender: "s", Text: "x"}
	for _, tt := range []struct {
		m    *Message
		size int
	}{
		{&a, len("客服01") + len("您好") + messageOverhead},
		{&b, len("在吗？") + messageOverhead},
		{&none, 2 + messageOverhead},
	} {
		size, h := measure(tt.m)
		if size != tt.size || (tt.m.ID == "") != (h == 0) || (h != 0 && h&1 == 0) {
			t.Errorf("measure(%+v) = %d, %#x; want size %d, an odd hash iff an id", *tt.m, size, h, tt.size)
		}
	}
	_, ha := measure(&a)
	_, hb := measure(&b)
	if ha != hb || ha != hashID(a.ID) {
		t.Errorf("id %q: hashes %#x and %#x, hashID %#x", a.ID, ha, hb, hashID(a.ID))
	}
}
