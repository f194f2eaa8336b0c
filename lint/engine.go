package lint

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Checker runs the rules of the active packs. NewWorker is called once per
// worker goroutine; a Worker keeps per-goroutine scratch space.
type Checker interface {
	NewWorker() Worker
}

// Worker checks one conversation at a time.
type Worker interface {
	// Check returns the findings of every rule on c, in message order, and the
	// rules it could not apply. The engine keeps the returned slices: a
	// worker must not use them again.
	Check(c *Conversation) ([]Finding, []Skip)
}

// FindingsReuser is a Worker that can take the memory for the findings
// it returns from the engine, which reuses the memory of findings written
// (Engine.ReuseMessages) rather than leave it to the collector.
type FindingsReuser interface {
	Worker
	// UseFindings makes Check take the slice it returns its findings in
	// from alloc, which returns an empty slice with room for n findings,
	// instead of allocating it.
	UseFindings(alloc func(n int) []Finding)
}

// Engine groups messages into conversations, checks them on Jobs workers,
// scores them and hands the results, in input order, to an output function.
type Engine struct {
	Checker Checker
	Scoring Scoring
	// Jobs is the number of worker goroutines (0: one per CPU). With one
	// job, the run is done in the reading goroutine (runInline): reading,
	// parsing, grouping, checking and writing take turns batch by batch.
	Jobs int
	// Strict makes the first malformed record end the run with an error
	// wrapping ErrStrict.
	Strict bool
	// Progress, if set, is called from the reading goroutine every few
	// thousand records with the number of records read so far.
	Progress func(records int)
	// MemoryBudget bounds the bytes of open conversations held while reading
	// (0: DefaultMemoryBudget); past it the least recently active are linted
	// early.
	MemoryBudget int
	// MaxMessageBytes bounds a message's text (0: no bound): a longer
	// message is reported as a malformed record and not linted, so one
	// runaway record (an export that ran many lines into one field) cannot
	// take the run's memory and time.
	MaxMessageBytes int
	// TeamsOf, when set, names the teams of an agent for per-team totals.
	TeamsOf func(agent string) []string
	// Filters drop findings before scoring, in order (a baseline of known
	// findings, say); inline waivers are always applied first. They run in
	// one goroutine, in input order.
	Filters []Filter
	// ReuseMessages lets the engine reuse the memory of a conversation's
	// messages once out has returned for its Result (it then sets the
	// Result's Conversation.Messages to nil), and of the Result itself,
	// sparing allocations per conversation. Set it only when out and the
	// Filters keep neither the messages, nor the Result, nor pointers to
	// them (copies of their fields are fine), as a writer that encodes
	// each result at once.
	ReuseMessages bool
	// Flush, when set, is called whenever every result ready so far has
	// been handed to out, and before Run returns (also when the run is cut
	// short): a writer that gathers its output (report.Flusher) writes it
	// then, so the report still streams.
	Flush func() error
	// SetUp, when set, readies the rest of the engine while the input is
	// read: Run calls it in a goroutine of its own as soon as reading has
	// started, and checks nothing (nor calls out or Flush) before it has
	// returned, so it may set Checker, Scoring, Filters and Flush. (Loading
	// and compiling the packs takes a few tens of milliseconds that the
	// reading, parsing and grouping of the input need not wait for: none
	// of them needs the rules, and checking starts only once the first
	// conversations are complete.) If it fails, the run stops: nothing is
	// checked or handed out, and Run returns its error, before any other.
	// taken, which SetUp may call, reports the bytes of messages the
	// engine has taken in so far, as its memory budget counts them (for a
	// set-up that measures the heap it allocates).
	SetUp func(taken func() int64) error
}

// Filter drops findings of a result before it is scored.
type Filter interface {
	// Filter returns the findings to keep.
	Filter(r *Result) []Finding
}

// Run reads with read, lints, and calls out for every conversation in order
// of first appearance. It returns the summary of the run; on a read error
// (an unreadable file, or a malformed record with Strict) the error is
// returned along with what was summarised so far.
func (e *Engine) Run(ctx context.Context, read func(Sink) error, out func(*Result) error) (s *Summary, err error) {
	// the summary rounds its means by the grades of the scoring (which
	// SetUp may set while the run goes on): see Summary.Scoring
	defer func() {
		if s != nil {
			s.Scoring = e.Scoring
		}
	}()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := e.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	if jobs == 1 {
		return e.runInline(ctx, read, out)
	}
	sum := NewSummary()
	sum.TeamsOf = e.TeamsOf
	// the results are added (sum.add) with their counts by severity, rule
	// and grade left pending, and settled once, before the summary is
	// handed out
	defer sum.settle()
	// conversations go to the workers, and their results come back, in
	// groups of up to convGroup (consecutive in output order): a handoff
	// per conversation costs more scheduling than the smaller ones check
	convs := make(chan []*openConv, 2*jobs)
	results := make(chan []*Result, 2*jobs)
	// The grouping goroutine fills group and queues it; the queue goes to
	// the workers as fast as they take it, without the grouper waiting,
	// until the conversations queued hold more than a quarter of the
	// memory budget (by its count: a conversation leaves the budget's
	// count when it is flushed, and its memory when it is written). When
	// the open conversations outgrow the budget, the grouper flushes half
	// of them at once: waiting for the workers to take each group, the
	// grouper, the parser and the reader stopped while they were checked,
	// and the workers had nothing to do while the next half was read (a
	// perf timeline of a 100 MB run: two cores 85% busy; 95% with the
	// queue, which saved 1–4% of the time in alternating runs, with the
	// same peak memory; a queue of half the budget took 7 MiB more, one
	// of the whole budget crossed the soft memory limit). The workers take
	// queued groups whenever they are ready for more: while a flush forms
	// them, and while the grouper waits for the parsers (handed out only
	// after each batch, as many as the channel holds, the rest waited for
	// the next batch while the workers ran dry: the two workers of a
	// 100 MB run waited 92 and 84 ms for groups, now 47 and 52 ms).
	var group []*openConv
	var queue [][]*openConv
	var queueBytes []int // of each queued group; -1 for a large one
	budget := e.MemoryBudget
	if budget <= 0 {
		budget = DefaultMemoryBudget
	}
	queued, maxQueued := 0, budget/4
	large, largeParts := 0, maxPartMessages(budget)/2
	push := func() {
		if len(group) == 0 {
			return
		}
		n := 0
		for _, oc := range group {
			if oc.n >= largeParts {
				// a conversation linted in parts of many messages (a
				// file without conversation ids) goes to the workers as
				// before, the grouper waiting: queued, such parts held
				// more memory and took the run into collections, 14
				// → 22 on a 100 MB file, and a quarter more time
				n = -1
				break
			}
			n += oc.bytes
		}
		queue, queueBytes = append(queue, group), append(queueBytes, n)
		if n < 0 {
			large++
		} else {
			queued += n
		}
		group = make([]*openConv, 0, convGroup)
	}
	sent := func() { // the first queued group went to the workers
		if queueBytes[0] < 0 {
			large--
		} else {
			queued -= queueBytes[0]
		}
		queue[0], queue, queueBytes = nil, queue[1:], queueBytes[1:]
	}
	// offer hands queued groups to the workers as long as one is ready to
	// take them, without waiting
	offer := func() {
		for len(queue) > 0 {
			select {
			case convs <- queue[0]:
				sent()
			default:
				return
			}
		}
	}
	// send pushes the group and hands queued groups to the workers: all of
	// them when all is set, else as many as they take at once, and then
	// more, waiting, until no more than maxQueued bytes are queued
	send := func(all bool) error {
		push()
		for len(queue) > 0 {
			if all || queued > maxQueued || large > 0 {
				select {
				case convs <- queue[0]:
				case <-ctx.Done():
					return ctx.Err()
				}
			} else {
				select {
				case convs <- queue[0]:
				default:
					return nil
				}
			}
			sent()
		}
		return nil
	}
	g := e.newGrouper(ctx, sum, func(oc *openConv) error {
		group = append(group, oc)
		if len(group) >= convGroup {
			push()
			// a worker ready for more takes it at once: flushing half
			// of the budget takes about 2 ms (6,400 conversations of a
			// 100 MB run), which workers with nothing queued waited
			offer()
		}
		return nil
	})

	// reading → batches → parsed and measured (parsers(jobs) goroutines)
	// → grouped in input order → conversations checked on every core →
	// results in order
	raw := make(chan *batch, 2*jobs)
	prepared := make(chan *batch, 2*jobs)
	prepareAll(ctx, parsers(jobs), &preparer{maxText: e.MaxMessageBytes}, raw, prepared)

	var readErr error
	ws := newWaiverSink(&batcher{ctx: ctx, out: raw, strict: e.Strict}, e.MaxMessageBytes)
	readDone := make(chan struct{})
	go func() {
		defer close(raw)
		defer close(readDone)
		b := ws.batcher
		readErr = read(ws)
		if err := b.flush(); err != nil && readErr == nil {
			readErr = err
		}
	}()
	su := e.startSetUp(cancel)

	// the grouping goroutine's error, set before it cancels the run: a run
	// cut short returns without waiting for the goroutine (which may still
	// drain what is being read), so it is read under groupMu
	var groupMu sync.Mutex
	var groupErr error
	go func() {
		defer close(convs)
		var err error
		failed := func(e error) {
			err = e
			groupMu.Lock()
			groupErr = e
			groupMu.Unlock()
		}
		pending := map[int]*batch{}
		next := 0
		setUpPending := e.SetUp != nil
		for {
			// while groups are queued, the workers take them also while
			// the grouper waits for a batch
			var b *batch
			ok := true
			if err == nil && len(queue) > 0 {
				select {
				case b, ok = <-prepared:
				case convs <- queue[0]:
					sent()
					continue
				}
			} else {
				b, ok = <-prepared
			}
			if !ok {
				break
			}
			if err != nil {
				continue // drain
			}
			pending[b.seq] = b
			for pending[next] != nil {
				nb := pending[next]
				delete(pending, next)
				next++
				e := g.consume(nb)
				nb.release()
				if setUpPending {
					setUpPending = su.publish(g.taken)
				}
				if e == nil {
					e = send(false) // what this batch finished goes out now
				}
				if e != nil {
					failed(e)
					cancel()
					break
				}
			}
		}
		if err == nil && ctx.Err() == nil {
			e := g.drain()
			if e == nil {
				e = send(true)
			}
			if e != nil {
				failed(e)
			}
		}
	}()

	var wg sync.WaitGroup
	for i := 0; i < jobs; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case <-su.ready:
			case <-ctx.Done():
				return
			}
			if su.err != nil {
				return
			}
			w := e.Checker.NewWorker()
			var stash *findingStash
			if fr, ok := w.(FindingsReuser); ok && g.pool != nil {
				stash = &findingStash{}
				fr.UseFindings(stash.alloc)
			}
			var slices [][]Message
			for grp := range convs {
				rs := make([]*Result, len(grp))
				slices = g.pool.getFor(grp, slices[:0], rs, stash)
				for i, oc := range grp {
					e.check(w, g.completeIn(oc, slices[i]), rs[i])
				}
				clear(slices)
				select {
				case results <- rs:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// hand results out in input order
	pending := map[int][]*Result{}
	next := 0
	var outErr error
	// message slices and Results for the pool, given back at once
	var written [][]Message
	var done []*Result
	for rs := range results {
		pending[rs[0].Conversation.Seq] = rs
		for {
			rs, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next += len(rs)
			for _, r := range rs {
				if outErr != nil {
					break
				}
				e.score(r, sum)
				sum.add(r)
				if err := out(r); err != nil {
					outErr = err
					cancel()
				} else if g.pool != nil {
					written = append(written, r.Conversation.Messages)
					r.Conversation.Messages = nil
					done = append(done, r)
				}
			}
			if len(written) > 0 {
				g.pool.putAll(written, done)
				written, done = written[:0], done[:0]
			}
		}
		if len(results) == 0 {
			e.flush(&outErr, cancel)
		}
	}
	// (the workers are done: a run cut short before SetUp returned still
	// waits for it, whose error comes first and whose Flush is not called)
	<-su.ready
	if su.err != nil {
		return sum, su.err
	}
	var rerr error // the reading goroutine's, once it is done
	select {
	case <-readDone: // always so, unless the run was cut short
		ws.report(sum)
		rerr = readErr
	default:
	}
	e.flush(&outErr, cancel)
	if outErr != nil {
		return sum, fmt.Errorf("write report: %w", outErr)
	}
	groupMu.Lock()
	gerr := groupErr
	groupMu.Unlock()
	if gerr != nil && errors.Is(gerr, ErrStrict) {
		return sum, gerr
	}
	if rerr != nil {
		return sum, rerr
	}
	if gerr != nil {
		return sum, gerr
	}
	return sum, ctx.Err()
}

// flush calls e.Flush unless out has failed, recording its error as out's.
func (e *Engine) flush(outErr *error, cancel func()) {
	if e.Flush == nil || *outErr != nil {
		return
	}
	if err := e.Flush(); err != nil {
		*outErr = err
		cancel()
	}
}

// parsers is the number of goroutines that parse records for jobs
// workers. Parsing is about a fifth of a run's work (JSONL, 100 MB:
// 0.15 s of 0.75 s on one core), so a parser keeps up with about three
// workers' checking; more parsers cost more than they save: each keeps
// its own cache of conversation ids and its own partly filled string
// block per conversation (with two parsers for two workers, 10 MB more
// was allocated per 100 MB, which took the run over the soft memory limit
// into a garbage collection, and the ids' lookups missed twice as often).
func parsers(jobs int) int { return (jobs + 2) / 3 }

// convGroup is the most conversations handed to a worker at once.
const convGroup = 16

// check checks conversation c with w into r, a zero Result.
func (e *Engine) check(w Worker, c *Conversation, r *Result) {
	all, skipped := w.Check(c)
	byMsg := func(a, b Finding) int { return a.Msg - b.Msg }
	if !slices.IsSortedFunc(all, byMsg) { // mostly none, one, or of one rule
		slices.SortStableFunc(all, byMsg)
	}
	r.Conversation, r.Skipped, r.findings = c, skipped, all
	if agents := c.appendAgents(r.agents[:0]); len(agents) > 0 { // nil when none, as Agents
		r.Agents = agents
	}
	bonuses := 0
	for i := range all {
		if all[i].Rule.Bonus {
			bonuses++
		}
	}
	if bonuses > 0 {
		// move the bonuses out, keeping the order of both
		r.Bonuses = make([]Finding, 0, bonuses)
		kept := all[:0]
		for _, f := range all {
			if f.Rule.Bonus {
				r.Bonuses = append(r.Bonuses, f)
			} else {
				kept = append(kept, f)
			}
		}
		all = kept
	}
	if len(all) > 0 {
		r.Findings = all // the worker's slice is this conversation's
	}
}

// score applies waivers and filters, then scores the result.
func (e *Engine) score(r *Result, sum *Summary) {
	applyWaivers(r, sum)
	for _, f := range e.Filters {
		before := len(r.Findings)
		r.Findings = f.Filter(r)
		sum.Filtered += before - len(r.Findings)
	}
	r.Score, r.Grade = e.Scoring.ScoreWithBonuses(r.Findings, r.Bonuses)
}

// applyWaivers drops the findings an inline waiver on their message covers,
// and records waivers that covered nothing.
func applyWaivers(r *Result, sum *Summary) {
	if r.Conversation.waiverFree {
		return // (most are: no message to look at)
	}
	ms := r.Conversation.Messages
	// one comment may name several rules: each is a waiver of its own,
	// used or not (keyed by message and waiver, not by the comment's line)
	type key struct{ msg, waiver int }
	var used map[key]bool
	kept := r.Findings[:0]
	for _, f := range r.Findings {
		waived := false
		for i, w := range ms[f.Msg].Waivers {
			if w.Covers(f.Rule) {
				waived = true
				if used == nil {
					used = map[key]bool{}
				}
				used[key{f.Msg, i}] = true
			}
		}
		if waived {
			sum.Waived++
			continue
		}
		kept = append(kept, f)
	}
	r.Findings = kept
	for m := range ms {
		for i, w := range ms[m].Waivers {
			if !used[key{m, i}] {
				sum.UnusedWaivers = append(sum.UnusedWaivers, w)
			}
		}
	}
}

// WaiverSink is implemented by the Sink the engine hands to readers. A
// reader gives it the inline waivers that can waive nothing because the
// reply they name was rejected (or there was none: a waiver at the end of a
// file); the summary reports them as unused, with the others.
type WaiverSink interface {
	Sink
	UnusedWaivers(ws []Waiver)
}

// waiverSink is the engine's Sink (a batcher) keeping the waivers that will
// waive nothing: those readers hand over, and those on messages the engine
// rejects as over MaxMessageBytes. It is used by the reading goroutine only.
type waiverSink struct {
	*batcher
	bound  *preparer      // its tooLong says what the engine rejects
	files  map[string]int // input files, in order
	unused []Waiver
}

func newWaiverSink(b *batcher, maxText int) *waiverSink {
	return &waiverSink{batcher: b, bound: &preparer{maxText: maxText}, files: map[string]int{}}
}

func (s *waiverSink) File(name string) {
	if _, ok := s.files[name]; !ok {
		s.files[name] = len(s.files)
	}
	s.batcher.File(name)
}

func (s *waiverSink) Message(m Message) error {
	if len(m.Waivers) > 0 && s.bound.tooLong(&m) != "" {
		s.unused = append(s.unused, m.Waivers...) // rejected, not linted
	}
	return s.batcher.Message(m)
}

func (s *waiverSink) UnusedWaivers(ws []Waiver) { s.unused = append(s.unused, ws...) }

// report adds the waivers kept to the summary's unused ones, all in input
// order (file, then line).
func (s *waiverSink) report(sum *Summary) {
	if len(s.unused) == 0 {
		return
	}
	sum.UnusedWaivers = append(sum.UnusedWaivers, s.unused...)
	order := func(w Waiver) int {
		if i, ok := s.files[w.Pos.File]; ok {
			return i
		}
		return len(s.files)
	}
	slices.SortStableFunc(sum.UnusedWaivers, func(a, b Waiver) int {
		if c := order(a) - order(b); c != 0 {
			return c
		}
		return a.Pos.Line - b.Pos.Line
	})
}

// newGrouper returns the run's grouper, handing flushed conversations to
// emit, with the engine's progress and, when it reuses messages, a pool.
func (e *Engine) newGrouper(ctx context.Context, sum *Summary, emit func(*openConv) error) *grouper {
	g := newGrouper(ctx, e.Strict, sum, e.MemoryBudget, emit)
	g.progress = e.Progress
	if e.ReuseMessages {
		g.pool = &msgPool{}
	}
	return g
}

// setUpRun is a run's SetUp, running in a goroutine of its own (see
// Engine.SetUp).
type setUpRun struct {
	// ready is closed once SetUp has returned, err its error
	ready chan struct{}
	err   error
	// taken is the grouper's count of bytes taken in, published after
	// each batch until then
	taken atomic.Int64
}

// publish tells a SetUp still running the bytes the grouper has taken in
// so far (taken); it returns false once SetUp has returned, when there is
// no one left to tell.
func (su *setUpRun) publish(taken int64) bool {
	select {
	case <-su.ready:
		return false
	default:
		su.taken.Store(taken)
		return true
	}
}

// startSetUp starts SetUp, if set, in a goroutine of its own; its failure
// cancels the run.
func (e *Engine) startSetUp(cancel func()) *setUpRun {
	su := &setUpRun{ready: make(chan struct{})}
	if e.SetUp == nil {
		close(su.ready)
		return su
	}
	go func() {
		defer close(su.ready)
		if su.err = e.SetUp(su.taken.Load); su.err != nil {
			cancel()
		}
	}()
	return su
}
