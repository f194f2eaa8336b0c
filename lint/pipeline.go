package lint

import (
	"context"
	"fmt"
	"sync"
	"unsafe"
)

// RecordParser turns raw records into messages. A reader that hands records
// over unparsed (Sink.Deferred) lets the engine parse them in goroutines of
// their own while it goes on reading (one for every three workers:
// parsers); NewParser is called once per parsing goroutine,
// so the parse function may keep scratch state.
type RecordParser interface {
	NewParser() func(raw []byte, pos Pos) (Message, string)
}

// InPlaceParser is a RecordParser that can also parse a record into a
// Message where it is to stay: the engine then parses each deferred record
// straight into its batch record, instead of having the Message (184 bytes)
// returned by value and copied twice on the way there. The parse function
// NewParserInto returns fills *m, which is zero, and returns what
// NewParser's would: "" or the reason the record is malformed (*m is then
// dropped).
type InPlaceParser interface {
	RecordParser
	NewParserInto() func(raw []byte, pos Pos, m *Message) string
}

// SkippingParser is an InPlaceParser whose records may also be skipped,
// as a reader skips a record of a type mapped to skip (Sink.SkipRecord):
// the parse function NewParserSkip returns parses as NewParserInto's does,
// or returns skip true and the reason (*m is then dropped). The engine
// uses it when a parser has it.
type SkippingParser interface {
	InPlaceParser
	NewParserSkip() func(raw []byte, pos Pos, m *Message) (reason string, skip bool)
}

// parseFunc parses a raw record into *m (zero), as SkippingParser says.
type parseFunc = func(raw []byte, pos Pos, m *Message) (reason string, skip bool)

// NewParseFunc returns a parse function of p for one goroutine, in the
// form of SkippingParser's: p's skipping or in-place one if it has one,
// else its by-value one, wrapped. (Wrappers of a RecordParser use it to
// keep what the parser can do.)
func NewParseFunc(p RecordParser) func(raw []byte, pos Pos, m *Message) (reason string, skip bool) {
	if sp, ok := p.(SkippingParser); ok {
		return sp.NewParserSkip()
	}
	if ip, ok := p.(InPlaceParser); ok {
		parse := ip.NewParserInto()
		return func(raw []byte, pos Pos, m *Message) (string, bool) { return parse(raw, pos, m), false }
	}
	parse := p.NewParser()
	return func(raw []byte, pos Pos, m *Message) (reason string, skip bool) {
		*m, reason = parse(raw, pos)
		return reason, false
	}
}

// DeferringSink is the Sink the engine hands to readers: besides taking
// parsed records it takes raw ones, to be parsed in parallel (in input order
// as far as the summary, grouping and --strict are concerned).
type DeferringSink interface {
	Sink
	// Deferred hands over one raw record (the bytes are copied) and the
	// parser that reads it; a non-empty reason from the parser makes it a
	// malformed record (or a skipped one: see SkippingParser).
	Deferred(pos Pos, raw []byte, p RecordParser) error
}

// ColumnSink is a DeferringSink that also takes where on its line a raw
// record starts, for a reader whose records share lines (a JSON array
// written on one line): a record found malformed is reported at its
// column (RecordError.Col).
type ColumnSink interface {
	DeferringSink
	// DeferredAt is Deferred for a record that starts at column col of
	// its line, col16 in UTF-16 code units (0, 0: the line says where).
	DeferredAt(pos Pos, col, col16 int, raw []byte, p RecordParser) error
}

// MessageColumnSink is a Sink that also takes where on its line a
// message's record starts (see ColumnSink), for a message read whole: a
// record the engine rejects after it is read (over --max-message-size, a
// duplicate id) is reported at its column.
type MessageColumnSink interface {
	Sink
	// MessageAt is Message for a message whose record starts at column
	// col of its line, col16 in UTF-16 code units (0, 0: the line says
	// where).
	MessageAt(m Message, col, col16 int) error
}

// BlockSink is a DeferringSink that a reader of a record per line can read
// its input into in place: the reader reads blocks of the input straight
// into the arena of a batch and hands over the records in them by where
// they are, so that a record's bytes are not copied on their way to the
// parser. While a block is open the reader hands over its deferred records
// with DeferredIn only (Deferred would write over the block); the other
// records (rejects, files) may come as ever.
type BlockSink interface {
	DeferringSink
	// Block opens a block for the reader to read into: buf holds carry
	// (the start of a record the last block cut off, which may be in that
	// block's buffer) and has room for at least n more bytes (its
	// capacity); slots is how many records the batch takes before it is
	// full. The records of the last block go on their way.
	Block(carry []byte, n int) (buf []byte, slots int, err error)
	// DeferredIn hands over the record buf[start:end] of the open block
	// and the parser that reads it, as Deferred does; full reports that
	// the batch takes no more records (the reader opens another block
	// before it hands over the next one).
	DeferredIn(pos Pos, start, end int, p RecordParser) (full bool, err error)
	// EndBlocks closes the open block: the reader reads no more into it.
	EndBlocks() error
}

// record kinds of a batch
const (
	recMessage = iota
	recDeferred
	recReject
	recSkip
	recFile
	recUntyped   // the file pos.File cannot say a message's type
	recSeparated // the file pos.File tells conversations apart by separators
	recTyped     // the file pos.File, marked untyped, says a message's type
)

// record is one input record on its way from a reader to the grouper.
type record struct {
	kind uint8
	// col and col16 are where on its line the record starts (see
	// RecordError.Col; 0: the line says where), in the room kind and
	// idHash leave: a record is no larger for them
	col        int32
	pos        Pos
	msg        Message
	err        string // reject reason, or skip reason
	start, end int    // a deferred record's bytes in the batch arena
	parser     RecordParser
	// size and idHash measure a message for the grouper (see measure);
	// size 0: not measured yet
	size   int
	idHash uint32
	col16  int32
}

// batch is a run of consecutive records; batches are parsed and measured in
// parallel and grouped in order.
type batch struct {
	seq   int
	recs  []record
	arena []byte
}

// batch limits: records, and bytes of deferred records
const (
	batchRecords = 512
	batchBytes   = 256 << 10
)

// batches recycles batches (their record slices and arenas) once grouped.
var batches = sync.Pool{New: func() any { return &batch{recs: make([]record, 0, batchRecords)} }}

// arenaSlack is the room a new batch's arena has past batchBytes, for the
// record that takes it over the limit.
const arenaSlack = 16 << 10

// newBatch takes a batch from the pool.
func newBatch(seq int) *batch {
	b := batches.Get().(*batch)
	b.seq = seq
	return b
}

// release returns a grouped batch to the pool, dropping what it refers to:
// a pooled batch's records are all zero (Deferred relies on it).
func (b *batch) release() {
	clear(b.recs)
	b.recs = b.recs[:0]
	b.arena = b.arena[:0]
	batches.Put(b)
}

// batcher is the Sink readers write to: it cuts the input into batches.
type batcher struct {
	ctx    context.Context
	out    chan<- *batch
	cur    *batch
	seq    int
	strict bool
	// block: a reader reads into the current batch's arena (BlockSink),
	// which only its next block sends on; the block starts at base in it
	block bool
	base  int
	// sync, if set, takes each batch in the reading goroutine instead of
	// out (the inline engine)
	sync func(*batch) error
}

func (b *batcher) add(r record) error {
	if err := b.ctx.Err(); err != nil {
		return err
	}
	if b.cur == nil {
		b.cur = newBatch(b.seq)
		b.seq++
	}
	b.cur.recs = append(b.cur.recs, r)
	if !b.block && (len(b.cur.recs) >= batchRecords || len(b.cur.arena) >= batchBytes) {
		return b.flush()
	}
	return nil
}

// flush sends the current batch on.
func (b *batcher) flush() error {
	if b.cur == nil {
		return nil
	}
	if b.sync != nil {
		cur := b.cur
		b.cur = nil
		return b.sync(cur)
	}
	select {
	case b.out <- b.cur:
		b.cur = nil
		return nil
	case <-b.ctx.Done():
		return b.ctx.Err()
	}
}

func (b *batcher) File(name string) { b.add(record{kind: recFile, pos: Pos{File: name}}) }

// UntypedFile passes on that a file cannot say a message's type
// (UntypedSink).
func (b *batcher) UntypedFile(name string) { b.add(record{kind: recUntyped, pos: Pos{File: name}}) }

// TypedFile passes on that a file marked untyped says a message's type
// (TypedSink).
func (b *batcher) TypedFile(name string) { b.add(record{kind: recTyped, pos: Pos{File: name}}) }

// SeparatedFile passes on that a file tells its conversations apart by
// separator lines (SeparatedSink).
func (b *batcher) SeparatedFile(name string) {
	b.add(record{kind: recSeparated, pos: Pos{File: name}})
}

func (b *batcher) Message(m Message) error {
	return b.add(record{kind: recMessage, msg: m, pos: m.Pos})
}

// MessageAt is Message for a message at column col of its line
// (MessageColumnSink).
func (b *batcher) MessageAt(m Message, col, col16 int) error {
	return b.add(record{kind: recMessage, msg: m, pos: m.Pos, col: clampCol(col), col16: clampCol(col16)})
}

func (b *batcher) Reject(e RecordError) error {
	if err := b.add(record{kind: recReject, pos: e.Pos, col: clampCol(e.Col), col16: clampCol(e.Col16), err: e.Err}); err != nil || !b.strict {
		return err
	}
	// --strict: stop reading at once (the grouper reports the record)
	if err := b.flush(); err != nil {
		return err
	}
	return &StrictError{Pos: e.Pos, Col: e.Col, Err: e.Err}
}

func (b *batcher) SkipRecord(pos Pos, reason string) error {
	return b.add(record{kind: recSkip, pos: pos, err: reason})
}

// Deferred is the reader's hot path: it fills the record in place (records
// are large, and a batch's records are zero until used: see release)
// instead of copying one in.
func (b *batcher) Deferred(pos Pos, raw []byte, p RecordParser) error {
	return b.DeferredAt(pos, 0, 0, raw, p)
}

// DeferredAt is Deferred for a record at column col of its line
// (ColumnSink).
func (b *batcher) DeferredAt(pos Pos, col, col16 int, raw []byte, p RecordParser) error {
	if b.cur == nil {
		if err := b.ctx.Err(); err != nil {
			return err
		}
		b.cur = newBatch(b.seq)
		b.seq++
	}
	cur := b.cur
	if cur.arena == nil {
		// made as big as a batch's records take at once: grown by append
		// instead, it would be copied eight times over on its way there
		// (batches are made anew after every collection, which empties
		// the pool); only for readers that defer records
		cur.arena = make([]byte, 0, batchBytes+arenaSlack)
	}
	start := len(cur.arena)
	cur.arena = append(cur.arena, raw...)
	if n := len(cur.recs); n < cap(cur.recs) {
		cur.recs = cur.recs[:n+1]
	} else {
		cur.recs = append(cur.recs, record{})
	}
	r := &cur.recs[len(cur.recs)-1]
	r.kind, r.pos, r.start, r.end, r.parser = recDeferred, pos, start, len(cur.arena), p
	if col > 0 {
		r.col, r.col16 = clampCol(col), clampCol(col16)
	}
	if len(cur.recs) >= batchRecords || len(cur.arena) >= batchBytes {
		return b.flush()
	}
	return nil
}

// Block opens a block (BlockSink) in the current batch's arena, after its
// records' bytes, or in a new batch's. The current batch takes a file's
// first block when it has room for records and, in its arena, for the
// block (or holds no deferred record's bytes yet: the file's own record is
// there); it takes the next block of a file only when no record was read
// into the open one (the start of a long record grows its block).
func (b *batcher) Block(carry []byte, n int) (buf []byte, slots int, err error) {
	if err := b.ctx.Err(); err != nil {
		return nil, 0, err
	}
	need := len(carry) + n
	if cur := b.cur; cur != nil && len(cur.recs) < batchRecords {
		base := len(cur.arena)
		keep := base == b.base // no record read into the open block
		if !b.block {
			keep = base == 0 || cap(cur.arena)-base >= need
		}
		if keep {
			if cap(cur.arena)-base < need {
				arena := make([]byte, base, max(base+need, batchBytes+arenaSlack))
				copy(arena, cur.arena)
				copy(arena[base:base+len(carry)], carry)
				cur.arena = arena
			} else {
				// (carry may be in this very arena, further on: copy
				// moves it)
				copy(cur.arena[base:base+len(carry)], carry)
			}
			b.base, b.block = base, true
			return cur.arena[base : base+len(carry) : cap(cur.arena)], batchRecords - len(cur.recs), nil
		}
	}
	nb := newBatch(b.seq)
	b.seq++
	if cap(nb.arena) < need {
		nb.arena = make([]byte, 0, max(need, batchBytes+arenaSlack))
	}
	copy(nb.arena[:len(carry)], carry)
	if b.cur != nil {
		// carry is copied out of the batch's arena before it goes
		if err := b.flush(); err != nil {
			nb.release()
			return nil, 0, err
		}
	}
	b.cur, b.base, b.block = nb, 0, true
	return nb.arena[:len(carry):cap(nb.arena)], batchRecords - len(nb.recs), nil
}

// DeferredIn hands over a record already in the open block (BlockSink):
// it is Deferred without the copy.
func (b *batcher) DeferredIn(pos Pos, start, end int, p RecordParser) (full bool, err error) {
	cur := b.cur
	start, end = b.base+start, b.base+end
	cur.arena = cur.arena[:end]
	if n := len(cur.recs); n < cap(cur.recs) {
		cur.recs = cur.recs[:n+1]
	} else {
		cur.recs = append(cur.recs, record{})
	}
	r := &cur.recs[len(cur.recs)-1]
	r.kind, r.pos, r.start, r.end, r.parser = recDeferred, pos, start, end, p
	return len(cur.recs) >= batchRecords, nil
}

// EndBlocks closes the open block (BlockSink): the batch takes records as
// ever, and goes on when full.
func (b *batcher) EndBlocks() error {
	b.block = false
	if b.cur != nil && (len(b.cur.recs) >= batchRecords || len(b.cur.arena) >= batchBytes) {
		return b.flush()
	}
	return nil
}

// preparer readies a batch's records for the grouper: it parses the
// deferred ones, rejects messages over the text bound and measures the
// others.
type preparer struct {
	maxText int // Engine.MaxMessageBytes
	// parsers are the parse functions of the record parsers this worker
	// used last, most recent first. Records of a batch mostly share one
	// parser (comparing it with the first beats a map lookup per record),
	// and readers make a parser per file and read files one after another,
	// so a few serve: a parse function keeps caches (a JSONL scanner's
	// interned ids and their string blocks, 4 to 300 KiB), and keeping one
	// per file read held 1.4 GB for 4,000 files.
	parsers [parserSlots]struct {
		r     RecordParser
		parse parseFunc
	}
}

// parserSlots is the number of parse functions a preparer keeps.
const parserSlots = 4

// parseFunc returns this worker's parse function of r, making it when r is
// not among the last few parsers used (a parse function made again only
// starts with empty caches: records are parsed each on its own).
func (p *preparer) parseFunc(r RecordParser) parseFunc {
	if p.parsers[0].r == r && p.parsers[0].parse != nil {
		return p.parsers[0].parse
	}
	i := 1
	for i < parserSlots-1 && p.parsers[i].r != r {
		i++
	}
	e := p.parsers[i]
	if e.r != r || e.parse == nil {
		e.r, e.parse = r, NewParseFunc(r) // the last slot's goes
	}
	copy(p.parsers[1:i+1], p.parsers[:i])
	p.parsers[0] = e
	return e.parse
}

// sameParser reports whether a and b are the very same parser: the same
// dynamic type and value word (which a == b implies for the pointers
// parsers are, without the runtime's call). It may say false for equal
// parsers; it never says true for different ones.
func sameParser(a, b RecordParser) bool {
	x, y := (*[2]unsafe.Pointer)(unsafe.Pointer(&a)), (*[2]unsafe.Pointer)(unsafe.Pointer(&b))
	return x[0] == y[0] && x[1] == y[1]
}

// tooLong says why a message's text is over the bound ("" when it is not).
func (p *preparer) tooLong(m *Message) string {
	if p.maxText <= 0 || len(m.Text) <= p.maxText {
		return ""
	}
	return fmt.Sprintf("message text is %s, over the %s a message may take (--max-message-size); not linted", ByteSize(int64(len(m.Text))), ByteSize(int64(p.maxText)))
}

// run parses, checks and measures the records of b in place.
func (p *preparer) run(b *batch) {
	// the parse function of the last deferred record's parser: the records
	// of a batch mostly share one, which is then not looked up for each
	// (parseFunc's compare of interfaces calls into the runtime)
	var last RecordParser
	var parse parseFunc
	for i := range b.recs {
		r := &b.recs[i]
		if r.kind == recDeferred {
			if parse == nil || !sameParser(r.parser, last) {
				last, parse = r.parser, p.parseFunc(r.parser)
			}
			// r.msg is zero (see batch.release): parse into it in place
			reason, skip := parse(b.arena[r.start:r.end:r.end], r.pos, &r.msg)
			switch {
			case skip:
				r.kind, r.err, r.msg = recSkip, reason, Message{}
			case reason != "":
				r.kind, r.err, r.msg = recReject, reason, Message{}
			default:
				r.kind = recMessage
			}
		}
		if r.kind == recMessage {
			// (tooLong's test written out: its call was most of its cost)
			if p.maxText > 0 && len(r.msg.Text) > p.maxText {
				r.kind, r.err, r.msg = recReject, p.tooLong(&r.msg), Message{}
				continue
			}
			r.size, r.idHash = measure(&r.msg)
		}
	}
}

// prepareAll runs jobs workers that parse and prepare batches from in, as
// proto says, and pass them to out (in any order); out is closed when in is
// drained.
func prepareAll(ctx context.Context, jobs int, proto *preparer, in <-chan *batch, out chan<- *batch) {
	var wg sync.WaitGroup
	for i := 0; i < jobs; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := &preparer{maxText: proto.maxText}
			for b := range in {
				if ctx.Err() == nil {
					p.run(b)
				}
				select {
				case out <- b:
				case <-ctx.Done():
				}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
}

// consume hands a batch's records to the grouper, in order. It returns the
// grouper's error (a malformed record under --strict, a cancelled run).
func (g *grouper) consume(b *batch) error {
	// (the run's cancellation is looked at once per batch, not per
	// message: Reject and SkipRecord still look)
	if err := g.ctx.Err(); err != nil {
		return err
	}
	for i := range b.recs {
		r := &b.recs[i]
		var err error
		switch r.kind {
		case recMessage:
			if r.size == 0 {
				r.size, r.idHash = measure(&r.msg)
			}
			if r.col == 0 {
				err = g.take(&r.msg, r.size, r.idHash)
				break
			}
			// (a record that shares its line: a duplicate id is
			// reported at its column)
			g.col, g.col16 = r.col, r.col16
			err = g.take(&r.msg, r.size, r.idHash)
			g.col, g.col16 = 0, 0
		case recReject:
			err = g.Reject(RecordError{Pos: r.pos, Col: int(r.col), Col16: int(r.col16), Err: r.err})
		case recSkip:
			err = g.SkipRecord(r.pos, r.err)
		case recFile:
			g.File(r.pos.File)
		case recUntyped:
			g.UntypedFile(r.pos.File)
		case recSeparated:
			g.SeparatedFile(r.pos.File)
		case recTyped:
			g.TypedFile(r.pos.File)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// clampCol is a record's column as a batch record holds it: past the
// largest int32, none (a line of over 2 G characters).
func clampCol(col int) int32 {
	if col < 0 || col > 1<<31-1 {
		return 0
	}
	return int32(col)
}
