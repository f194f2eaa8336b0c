package main

import (
	"encoding/binary"
	"hash/maphash"
	"strings"
	"sync"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/fix"
)

// reuseAfterFix makes the report of what --fix left come from checking
// again only the replies the fix may have changed (see fixReuse); off, every
// reply is checked again, as before. (A variable for the differential
// tests, which compare the two.)
var reuseAfterFix = true

// fixReuse keeps what the lint before --fix found in each reply, so that
// the lint of what is left, once the libraries are rewritten, checks again
// only the replies the fix may have changed and takes the others' findings
// from the first lint: on a 64 MB library, the second lint, every reply
// checked again, was half of the run.
//
// A canned library's reply is a conversation of its own, and the rules a
// library is linted by (check.Options.Canned: those that look at one
// message) find in it what its message holds: a worker's Check of it is a
// function of the conversation (its id, file, flags, notes and messages,
// each message's every field but Seq), and, for the script a suggestion
// is written in, of the library's file as --fix reads it (fix.Library; see
// reusable). The second lint reads the libraries again, as it did, and
// groups, filters (waivers, --baseline), scores and reports each reply
// itself: only the Check of a reply whose conversation is the one the
// first lint checked at its place (by Conversation.Seq, told by a hash of
// all it holds) is taken from the first lint, never that of a reply the
// fix may have changed (one with a finding that prescribes a replacement,
// in a file --fix rewrote). So the report, summary, exit code and baseline
// are those of checking every reply again, byte for byte.
type fixReuse struct {
	seed maphash.Seed
	mu   sync.Mutex
	// workers are the workers of both lints (their records of the first,
	// until settle, and their counts)
	workers []*reuseWorker
	// checked holds, by Conversation.Seq, what the first lint's Check
	// returned (settle)
	checked []reuseEntry
	// rewritten are the files --fix rewrote
	rewritten map[string]bool
	// before are the libraries the first lint's suggestions read, by
	// file (nil: read, and none to be had); a file not there was not
	// read, as no reply of it asked. after gives them as the second lint
	// reads them (libraryCache.library)
	before map[string]*fix.Library
	after  func(file string) *fix.Library
	// same holds, by file, whether before's library and after's write
	// suggestions alike (fix.Library.SameForms), told once
	same sync.Map
}

// reuseRec is a worker's record of a conversation it checked.
type reuseRec struct {
	seq int
	reuseEntry
}

// reuseEntry is what Check returned for a conversation, and the hash of
// the conversation (see hashConv); res nil: none recorded.
type reuseEntry struct {
	hash uint64
	res  *reuseResult
}

// reuseResult is a Check's findings and skips, in memory of their own (no
// string shares the memory of the first lint's messages).
type reuseResult struct {
	findings []lint.Finding
	skips    []lint.Skip
	// noReuse: the Check added notes to the conversation, which is not
	// recorded; checked again
	noReuse bool
}

// clean is the result of most replies: no findings, no skips.
var clean = &reuseResult{}

func newFixReuse() *fixReuse {
	return &fixReuse{seed: maphash.MakeSeed(), rewritten: map[string]bool{}}
}

// checker is the run's checker: set's, recording what it finds in the
// first lint, and in the second, once settled, set's for the
// conversations that cannot be taken from the first.
func (x *fixReuse) checker(set lint.Checker) lint.Checker {
	return reuseChecker{x: x, set: set, record: x.checked == nil}
}

// rewrites says that --fix rewrites file (or tries to).
func (x *fixReuse) rewrites(file string) {
	if x != nil {
		x.rewritten[file] = true
	}
}

// libraries gives the libraries the first lint's suggestions read
// (libraryCache.snapshot), and how the second lint reads them.
func (x *fixReuse) libraries(before map[string]*fix.Library, after func(file string) *fix.Library) {
	if x != nil {
		x.before, x.after = before, after
	}
}

// settle gathers the workers' records of the first lint by Seq, once it
// is over; the second lint then takes from them.
func (x *fixReuse) settle() {
	if x == nil {
		return
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	n := 0
	for _, w := range x.workers {
		for _, r := range w.recs {
			n = max(n, r.seq+1)
		}
	}
	x.checked = make([]reuseEntry, n)
	for _, w := range x.workers {
		for _, r := range w.recs {
			x.checked[r.seq] = r.reuseEntry
		}
	}
	x.workers = nil
}

// counts returns how many conversations the second lint took from the
// first and how many it checked again (for the tests).
func (x *fixReuse) counts() (reused, checkedAgain int64) {
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, w := range x.workers {
		reused, checkedAgain = reused+w.reused, checkedAgain+w.again
	}
	return reused, checkedAgain
}

// reuseChecker is a lint.Checker that records (the first lint) or reuses
// (the second) the Checks of fixReuse.
type reuseChecker struct {
	x      *fixReuse
	set    lint.Checker
	record bool
}

// NewWorker returns a worker of the wrapped checker's, recording or
// reusing its Checks.
func (c reuseChecker) NewWorker() lint.Worker {
	w := &reuseWorker{x: c.x, w: c.set.NewWorker(), record: c.record}
	w.h.seed = c.x.seed
	c.x.mu.Lock()
	c.x.workers = append(c.x.workers, w)
	c.x.mu.Unlock()
	return w
}

// reuseWorker is reuseChecker's worker.
type reuseWorker struct {
	x      *fixReuse
	w      lint.Worker
	record bool
	recs   []reuseRec // (the first lint)
	h      convHash
	alloc  func(n int) []lint.Finding
	// reused and again count the conversations taken from the first
	// lint and checked again (the second)
	reused, again int64
}

// UseFindings hands alloc to the worker it wraps, if it takes it, and
// takes the memory of the findings it reuses from it (lint.FindingsReuser).
func (w *reuseWorker) UseFindings(alloc func(n int) []lint.Finding) {
	w.alloc = alloc
	if fr, ok := w.w.(lint.FindingsReuser); ok {
		fr.UseFindings(alloc)
	}
}

// Check checks c with the wrapped worker, recording what it returns (the
// first lint), or returns what the first lint's Check of c returned,
// where it may (the second: see fixReuse.reusable).
func (w *reuseWorker) Check(c *lint.Conversation) ([]lint.Finding, []lint.Skip) {
	h := hashConv(&w.h, c)
	if !w.record {
		if c.Seq >= 0 && c.Seq < len(w.x.checked) {
			if e := w.x.checked[c.Seq]; e.res != nil && e.hash == h && w.x.reusable(e.res, c) {
				w.reused++
				return w.copyOf(e.res)
			}
		}
		w.again++
		return w.w.Check(c)
	}
	notes := len(c.Notes)
	fs, skips := w.w.Check(c)
	res := clean
	switch {
	case len(c.Notes) != notes:
		res = &reuseResult{noReuse: true}
	case len(fs) > 0 || len(skips) > 0:
		res = &reuseResult{findings: make([]lint.Finding, len(fs)), skips: skips}
		for i, f := range fs {
			// (the match is a part of the message's text; the rest
			// are the rules', the worker's or the grouper's)
			f.Match, f.Agent = strings.Clone(f.Match), strings.Clone(f.Agent)
			res.findings[i] = f
		}
		if skips != nil {
			res.skips = make([]lint.Skip, len(skips))
			for i, s := range skips {
				res.skips[i] = lint.Skip{Rule: strings.Clone(s.Rule), Reason: strings.Clone(s.Reason)}
			}
		}
	}
	w.recs = append(w.recs, reuseRec{seq: c.Seq, reuseEntry: reuseEntry{hash: h, res: res}})
	return fs, skips
}

// copyOf returns a copy of res's findings and skips, the engine's to keep.
func (w *reuseWorker) copyOf(res *reuseResult) ([]lint.Finding, []lint.Skip) {
	var fs []lint.Finding
	if len(res.findings) > 0 {
		if w.alloc != nil {
			fs = w.alloc(len(res.findings))
		}
		fs = append(fs, res.findings...)
	}
	var skips []lint.Skip
	if res.skips != nil {
		skips = append(make([]lint.Skip, 0, len(res.skips)), res.skips...)
	}
	return fs, skips
}

// reusable reports whether res, what the first lint's Check returned for
// the conversation the second lint now has at its place (the same, by its
// hash), is what a Check of it would return now. A finding without a
// suggestion is: only a suggestion reads anything but the conversation
// (check.Conv.inScript, which a forbid rule asks for a replacement it
// prescribes, and which writes it, never "", in the script of its line
// and of its file, in the file's forms). A finding with a suggestion in a
// file --fix rewrote may be one it fixed, and is checked again (so is
// every reply the fix changed: a fix is a finding's suggestion).
// Otherwise the library its suggestion was written by must write it alike
// now: the file's script and forms, and those of the reply's line (which
// may hold other replies). A file whose library no reply asked for in the
// first lint (only a suggestion for a reply with no script of its own, or
// in Traditional script, asks) has none asked for now: its replies are
// the same.
func (x *fixReuse) reusable(res *reuseResult, c *lint.Conversation) bool {
	if res.noReuse {
		return false
	}
	for i := range res.findings {
		f := &res.findings[i]
		if f.Suggestion == "" {
			continue
		}
		if f.Msg < 0 || f.Msg >= len(c.Messages) {
			return false
		}
		m := &c.Messages[f.Msg]
		if x.rewritten[m.Pos.File] {
			return false
		}
		old, asked := x.before[m.Pos.File]
		if !asked {
			continue
		}
		now := x.after(m.Pos.File)
		if !x.sameForms(m.Pos.File, old, now) || !old.SameLine(now, m.Pos.Line) {
			return false
		}
	}
	return true
}

// sameForms is fix.Library.SameForms of the file's libraries, told once.
func (x *fixReuse) sameForms(file string, old, now *fix.Library) bool {
	if v, ok := x.same.Load(file); ok {
		return v.(bool)
	}
	same := old.SameForms(now)
	x.same.Store(file, same)
	return same
}

// hashConv hashes everything of c a worker's Check reads: the
// conversation's id, file, flags and notes, and each message's every field
// but Seq (its place in the run, which the key of fixReuse.checked is).
func hashConv(h *convHash, c *lint.Conversation) uint64 {
	h.buf = h.buf[:0]
	h.str(c.ID)
	h.str(c.File)
	h.flag(c.Timed)
	h.flag(c.Untyped)
	h.num(int64(c.Part))
	h.num(int64(len(c.Notes)))
	for _, n := range c.Notes {
		h.str(n)
	}
	h.num(int64(len(c.Messages)))
	for i := range c.Messages {
		m := &c.Messages[i]
		h.str(m.Conversation)
		h.str(m.ID)
		h.flag(m.Time.IsZero())
		if !m.Time.IsZero() {
			h.num(m.Time.Unix())
			h.num(int64(m.Time.Nanosecond()))
			name, off := m.Time.Zone()
			h.str(name)
			h.num(int64(off))
		}
		h.num(int64(m.Role))
		h.flag(m.Joined)
		h.num(int64(m.TextRaw))
		h.num(int64(m.TextCol))
		h.num(int64(m.TextAstral))
		h.flag(m.TimeToMinute)
		h.num(int64(m.TextRunes))
		h.str(m.Sender)
		h.str(m.Type)
		h.str(m.Text)
		h.str(m.Pos.File)
		h.num(int64(m.Pos.Line))
		h.num(int64(len(m.Waivers)))
		for _, w := range m.Waivers {
			h.str(w.Rule)
			h.str(w.Reason)
			h.str(w.Pos.File)
			h.num(int64(w.Pos.Line))
		}
	}
	return maphash.Bytes(h.seed, h.buf)
}

// convHash is hashConv's scratch space: the numbers and strings written
// (each string after its length, so that no two sequences of them are
// written alike), hashed at once.
type convHash struct {
	seed maphash.Seed
	buf  []byte
}

func (h *convHash) num(n int64) { h.buf = binary.LittleEndian.AppendUint64(h.buf, uint64(n)) }

func (h *convHash) str(s string) {
	h.num(int64(len(s)))
	h.buf = append(h.buf, s...)
}

func (h *convHash) flag(v bool) {
	n := byte(0)
	if v {
		n = 1
	}
	h.buf = append(h.buf, n)
}
