package lint

import (
	"context"
	"errors"
	"fmt"
)

// runInline is Run for one job: it reads, parses, groups, checks, scores
// and hands out in the reading goroutine, one batch after another, instead
// of in goroutines of their own. On one processor the goroutines only took
// turns, and each handoff between them (a batch to the parser, to the
// grouper, a group to the worker, its results to the writer) cost a
// channel operation, a switch and the caches: alternating runs of 100 MB
// took 470–473 ms this way against 486 ms, and 1 GB 4.91 s against 5.48 s
// (see the twentieth round of cmd/chatlint-bench/ROUNDS.md). What it hands out, and in which order,
// is what Run hands out with more jobs: conversations are checked in the
// order the grouper flushes them, which is their output order.
//
// SetUp still runs in a goroutine of its own while the input is read; the
// first conversation to be checked waits for it.
func (e *Engine) runInline(ctx context.Context, read func(Sink) error, out func(*Result) error) (*Summary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sum := NewSummary()
	sum.TeamsOf = e.TeamsOf
	defer sum.settle()
	// flushed holds the conversations the grouper flushed while taking
	// the last batch, in output order
	var flushed []*openConv
	g := e.newGrouper(ctx, sum, func(oc *openConv) error {
		flushed = append(flushed, oc)
		return nil
	})
	su := e.startSetUp(cancel)
	c := inlineChecker{ctx: ctx, e: e, g: g, sum: sum, out: out, su: su}
	// the errors of the grouper (a malformed record under Strict, a
	// cancelled run) and of checking (SetUp's, out's), kept apart from
	// what read returns them as (a reader may wrap them), to be returned
	// in Run's order
	var groupErr, checkErr error
	check := func() error {
		if len(flushed) == 0 {
			return nil
		}
		err := c.check(flushed)
		clear(flushed)
		flushed = flushed[:0]
		if err != nil {
			checkErr = err
			cancel()
		}
		return err
	}
	p := &preparer{maxText: e.MaxMessageBytes}
	setUpPending := e.SetUp != nil
	b := &batcher{ctx: ctx, strict: e.Strict}
	b.sync = func(bt *batch) error {
		p.run(bt)
		err := g.consume(bt)
		bt.release()
		if setUpPending {
			setUpPending = su.publish(g.taken)
		}
		if err != nil {
			groupErr = err
			cancel()
			return err
		}
		return check()
	}
	ws := newWaiverSink(b, e.MaxMessageBytes)
	readErr := read(ws)
	if err := b.flush(); err != nil && readErr == nil {
		readErr = err
	}
	// (a file that could not be read is the read's error, as Run has it:
	// the conversations of the others are still linted, and the error
	// returned after them)
	if groupErr == nil && checkErr == nil && ctx.Err() == nil {
		if err := g.drain(); err != nil {
			groupErr = err
		} else {
			check()
		}
	}
	// (a run cut short before SetUp returned still waits for it, whose
	// error comes first and whose Flush is not called)
	<-su.ready
	if su.err != nil {
		return sum, su.err
	}
	ws.report(sum)
	if c.outErr == nil {
		e.flush(&c.outErr, cancel)
	}
	if c.outErr != nil {
		return sum, fmt.Errorf("write report: %w", c.outErr)
	}
	if groupErr != nil && errors.Is(groupErr, ErrStrict) {
		return sum, groupErr
	}
	if readErr != nil && readErr != groupErr && readErr != checkErr {
		return sum, readErr
	}
	if groupErr != nil {
		return sum, groupErr
	}
	return sum, ctx.Err()
}

// inlineChecker checks, scores and hands out the conversations runInline's
// grouper flushes, with one worker.
type inlineChecker struct {
	ctx context.Context
	e   *Engine
	g   *grouper
	sum *Summary
	out func(*Result) error
	su  *setUpRun
	// outErr is out's or Flush's error
	outErr error

	w       Worker // made once SetUp has returned
	stash   *findingStash
	slices  [][]Message
	written [][]Message
	done    []*Result
}

// check checks the conversations ocs, in order, convGroup at a time (the
// unit the pool's message slices and warm are made for), and hands their
// results out. It returns the first error of SetUp or out, or the run's
// once it is cancelled.
func (c *inlineChecker) check(ocs []*openConv) error {
	e, g := c.e, c.g
	if c.w == nil {
		<-c.su.ready
		if c.su.err != nil {
			return c.su.err
		}
		c.w = e.Checker.NewWorker()
		if fr, ok := c.w.(FindingsReuser); ok && g.pool != nil {
			c.stash = &findingStash{}
			fr.UseFindings(c.stash.alloc)
		}
	}
	for len(ocs) > 0 {
		if err := c.ctx.Err(); err != nil {
			return err
		}
		grp := ocs[:min(convGroup, len(ocs))]
		ocs = ocs[len(grp):]
		rs := make([]*Result, len(grp))
		c.slices = g.pool.getFor(grp, c.slices[:0], rs, c.stash)
		for i, oc := range grp {
			e.check(c.w, g.completeIn(oc, c.slices[i]), rs[i])
		}
		clear(c.slices)
		for _, r := range rs {
			e.score(r, c.sum)
			c.sum.add(r)
			if err := c.out(r); err != nil {
				c.outErr = err
				return err
			}
			if g.pool != nil {
				c.written = append(c.written, r.Conversation.Messages)
				r.Conversation.Messages = nil
				c.done = append(c.done, r)
			}
		}
		if len(c.written) > 0 {
			g.pool.putAll(c.written, c.done)
			c.written, c.done = c.written[:0], c.done[:0]
		}
	}
	// (what is ready so far is out: a writer that gathers its output
	// writes it now, so that the report streams)
	e.flush(&c.outErr, func() {})
	return c.outErr
}
