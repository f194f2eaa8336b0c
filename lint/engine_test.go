package lint

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// wordChecker flags every message whose text contains "bad", held against
// the message's sender.
type wordChecker struct{ rule *RuleInfo }

func (w wordChecker) NewWorker() Worker { return w }
func (w wordChecker) Check(c *Conversation) ([]Finding, []Skip) {
	var fs []Finding
	for i, m := range c.Messages {
		if strings.Contains(m.Text, "bad") {
			fs = append(fs, Finding{Rule: w.rule, Msg: i, Agent: m.Sender})
		}
	}
	var sk []Skip
	if !c.Timed {
		sk = append(sk, Skip{Rule: w.rule.ID, Reason: "no times"})
	}
	return fs, sk
}

var t0 = time.Date(2026, 11, 4, 10, 0, 0, 0, time.UTC)

func msg(conv string, sec int, role Role, sender, text string, line int) Message {
	m := Message{Conversation: conv, Role: role, Sender: sender, Text: text, Pos: Pos{File: "f.jsonl", Line: line}}
	if sec >= 0 {
		m.Time = t0.Add(time.Duration(sec) * time.Second)
	}
	return m
}

// lintedEarly is the number of results that are the first part of a
// conversation linted before the input ended.
func lintedEarly(res []*Result) int {
	n := 0
	for _, r := range res {
		if r.Conversation.Part == 1 {
			n++
		}
	}
	return n
}

func runEngine(t *testing.T, e *Engine, feed func(s Sink) error) ([]*Result, *Summary, error) {
	t.Helper()
	if e.Checker == nil {
		e.Checker = wordChecker{&RuleInfo{ID: "p/bad", Severity: Error, Deduct: 10}}
	}
	if e.Scoring.Start == 0 {
		e.Scoring = Scoring{Start: 100, Grades: []Grade{{"好", 90}}, FailGrade: "差"}
	}
	var out []*Result
	sum, err := e.Run(context.Background(), feed, func(r *Result) error { out = append(out, r); return nil })
	return out, sum, err
}

func TestEngineGroupsOrdersAndAccounts(t *testing.T) {
	for _, jobs := range []int{1, 4} {
		t.Run(fmt.Sprint("jobs=", jobs), func(t *testing.T) {
			res, sum, err := runEngine(t, &Engine{Jobs: jobs}, func(s Sink) error {
				s.File("f.jsonl")
				s.Message(msg("c1", 10, Agent, "A", "second by time", 1))
				s.Message(msg("c2", 0, Customer, "u2", "hi", 2))
				s.Message(msg("c1", 0, Customer, "u1", "first by time", 3))
				s.Reject(RecordError{Pos: Pos{File: "f.jsonl", Line: 4}, Err: "invalid JSON"})
				s.Message(msg("c2", 5, Agent, "B", "bad", 5))
				s.Message(msg("c1", 10, Agent, "B", "bad too, same time as line 1", 6))
				s.SkipRecord(Pos{File: "f.jsonl", Line: 7}, "已读")
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(res) != 2 || res[0].Conversation.ID != "c1" || res[1].Conversation.ID != "c2" {
				t.Fatalf("results in input order: %v", res)
			}
			var lines []int
			for _, m := range res[0].Conversation.Messages {
				lines = append(lines, m.Pos.Line)
			}
			if fmt.Sprint(lines) != "[3 1 6]" {
				t.Errorf("c1 ordered by time, stable for equal times: lines %v", lines)
			}
			if sum.Records != 7 || sum.Messages != 5 || sum.Rejected != 1 || sum.SkippedRecords != 1 || sum.Records != sum.Messages+sum.Rejected+sum.SkippedRecords {
				t.Errorf("accounting: %+v", sum)
			}
			if sum.Files != 1 || sum.Conversations != 2 || sum.Findings != 2 || sum.MaxSeverity() != Error {
				t.Errorf("summary: %+v", sum)
			}
			if sum.MeanScore() != 90 || sum.LowestScore() != 90 {
				t.Errorf("scores: mean %v lowest %v", sum.MeanScore(), sum.LowestScore())
			}
			ags := sum.Agents()
			if len(ags) != 2 || ags[0].Agent != "A" || ags[0].Conversations != 1 || ags[0].Findings != 0 || ags[1].Agent != "B" || ags[1].Conversations != 2 || ags[1].Findings != 2 {
				t.Errorf("agents: a conversation with two agents counts for both: %+v %+v", ags[0], ags[1])
			}
		})
	}
}

func TestEngineStrictStopsAtFirstMalformedRecord(t *testing.T) {
	_, sum, err := runEngine(t, &Engine{Strict: true}, func(s Sink) error {
		if err := s.Message(msg("c1", 0, Customer, "u", "hi", 1)); err != nil {
			return err
		}
		if err := s.Reject(RecordError{Pos: Pos{File: "f.jsonl", Line: 2}, Err: "unknown role"}); err != nil {
			return err
		}
		t.Error("reading went on after a malformed record with --strict")
		return nil
	})
	if !errors.Is(err, ErrStrict) || !strings.Contains(err.Error(), "f.jsonl:2: unknown role") {
		t.Errorf("err = %v", err)
	}
	if sum.Conversations != 0 {
		t.Errorf("nothing is linted after a strict failure: %+v", sum)
	}
}

func TestEngineDuplicateIDsAndEmptyTexts(t *testing.T) {
	_, sum, err := runEngine(t, &Engine{}, func(s Sink) error {
		a := msg("c1", 0, Customer, "u", "", 1)
		a.ID = "m1"
		b := msg("c1", 1, Agent, "A", "您好", 2)
		b.ID = "m1"
		c := msg("c2", 1, Agent, "A", "您好", 3)
		c.ID = "m1" // same id in another conversation is fine
		s.Message(a)
		s.Message(b)
		s.Message(c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if errs := errorList(t, sum.Errors); sum.Rejected != 1 || len(errs) != 1 || !strings.Contains(errs[0].Err, `duplicate message id "m1"`) || errs[0].Pos.Line != 2 {
		t.Errorf("duplicate ids: %+v", errs)
	}
	if sum.EmptyTexts != 1 || sum.Records != 3 || sum.Messages != 2 {
		t.Errorf("accounting: %+v", sum)
	}
}

func TestEngineUntimedConversation(t *testing.T) {
	res, sum, err := runEngine(t, &Engine{}, func(s Sink) error {
		s.Message(msg("c1", -1, Customer, "u", "b", 1))
		s.Message(msg("c1", -1, Agent, "A", "a", 2))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	c := res[0].Conversation
	// (the note that timing rules were skipped, NoteUntimed, is the
	// checks' to give, with the rule they skipped: not the grouper's)
	if c.Timed || c.Messages[0].Pos.Line != 1 || len(c.Notes) != 0 {
		t.Errorf("untimed conversations keep input order, the note left to the checks: %+v", c)
	}
	if sum.SkippedRules["p/bad"] != 1 {
		t.Errorf("skipped rules are counted: %v", sum.SkippedRules)
	}
}

func TestEngineMemoryBudgetSplitsFarApartConversations(t *testing.T) {
	res, sum, err := runEngine(t, &Engine{MemoryBudget: 4000, Jobs: 2}, func(s Sink) error {
		s.Message(msg("long", 0, Customer, "u", "start", 1))
		for i := 0; i < 100; i++ {
			id := fmt.Sprint("c", i)
			s.Message(msg(id, i, Customer, "u", "hello", 2+2*i))
			s.Message(msg(id, i+1, Agent, "A", "hi", 3+2*i))
		}
		s.Message(msg("long", 500, Agent, "A", "end", 300))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 102 || sum.Conversations != 102 || sum.SplitConversations != 1 || sum.Messages != 202 {
		t.Fatalf("results %d, summary %+v", len(res), sum)
	}
	parts := 0
	for _, r := range res {
		if r.Conversation.ID == "long" {
			parts++
			if len(r.Conversation.Notes) == 0 {
				t.Error("each part of a split conversation says so")
			}
		}
	}
	if parts != 2 {
		t.Errorf("the far-apart conversation is linted in %d parts, want 2", parts)
	}
	// every conversation linted before the input ended is counted once, as
	// the reports for people say it (Summary.LintedEarly)
	early := 0
	for _, r := range res {
		if r.Conversation.Part == 1 {
			early++
		}
	}
	if early == 0 || sum.LintedEarly != early {
		t.Errorf("linted early: summary %d, conversations of part 1 %d", sum.LintedEarly, early)
	}
}

// countingChecker is wordChecker counting the conversations it checked.
type countingChecker struct {
	wordChecker
	checked *atomic.Int64
}

func (c countingChecker) NewWorker() Worker { return c }
func (c countingChecker) Check(conv *Conversation) ([]Finding, []Skip) {
	c.checked.Add(1)
	return c.wordChecker.Check(conv)
}

// TestEngineHandsQueuedGroupsWhileWaiting: conversations linted early
// (the memory budget) are all checked while the grouper waits for more
// input, not only as many groups as the channel to the workers holds
// (the rest waited for the next batch to be grouped: the workers ran dry
// while the parser worked on it).
func TestEngineHandsQueuedGroupsWhileWaiting(t *testing.T) {
	// one batch of one-message conversations, several hundred of them
	// over the budget: its half-flushes queue more groups than the
	// channel takes, with less than a quarter of the budget queued
	per := chunkBytes + convOverhead + messageOverhead + len("c000") + len("u") + len("hello")
	budget := 300 * per
	feed := func(wait func()) func(Sink) error {
		return func(s Sink) error {
			for i := range batchRecords {
				if err := s.Message(msg(fmt.Sprintf("c%03d", i), i, Customer, "u", "hello", i+1)); err != nil {
					return err
				}
			}
			wait() // the batch went on with its last record
			return nil
		}
	}
	for _, jobs := range []int{1, 2} {
		// how many this input lints early (all of them in its only batch)
		var checked atomic.Int64
		rule := &RuleInfo{ID: "p/bad", Severity: Error}
		e := &Engine{Jobs: jobs, MemoryBudget: budget, Checker: countingChecker{wordChecker{rule}, &checked}}
		res, _, err := runEngine(t, e, feed(func() {}))
		if err != nil {
			t.Fatal(err)
		}
		early := lintedEarly(res)
		if early < 5*convGroup {
			t.Fatalf("jobs=%d: %d conversations linted early: the test needs more", jobs, early)
		}
		// again, the reader waiting until they are checked
		checked.Store(0)
		e = &Engine{Jobs: jobs, MemoryBudget: budget, Checker: countingChecker{wordChecker{rule}, &checked}}
		_, _, err = runEngine(t, e, feed(func() {
			deadline := time.Now().Add(10 * time.Second)
			for checked.Load() < int64(early) && time.Now().Before(deadline) {
				time.Sleep(time.Millisecond)
			}
			if n := checked.Load(); n < int64(early) {
				t.Errorf("jobs=%d: %d of the %d conversations linted early checked while the reader waits", jobs, n, early)
			}
		}))
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestEngineHandsGroupsDuringFlush: the groups of conversations a flush
// of the budget lints early go to the workers as they are formed, not
// once the grouper is done with the batch: here the grouper, reporting
// progress later in the same batch, waits for a check. (With more than one
// job: one job checks in the reading goroutine, after the batch.)
func TestEngineHandsGroupsDuringFlush(t *testing.T) {
	// one-message conversations; the budget overflows in the batch that
	// ends with the first progress report (record progressEvery), before
	// its end
	per := len("c0000") + len("u") + len("hello") + messageOverhead + convOverhead + chunkBytes
	first := progressEvery - batchRecords/2
	budget := first * per
	rule := &RuleInfo{ID: "p/bad", Severity: Error}
	for _, jobs := range []int{2, 3} {
		var checked atomic.Int64
		reports := 0
		e := &Engine{Jobs: jobs, MemoryBudget: budget, Checker: countingChecker{wordChecker{rule}, &checked},
			Progress: func(int) {
				if reports++; reports > 1 {
					return
				}
				deadline := time.Now().Add(10 * time.Second)
				for checked.Load() == 0 && time.Now().Before(deadline) {
					time.Sleep(time.Millisecond)
				}
				if checked.Load() == 0 {
					t.Errorf("jobs=%d: nothing checked while the grouper is still on the batch that flushed", jobs)
				}
			}}
		res, sum, err := runEngine(t, e, func(s Sink) error {
			for i := range progressEvery + batchRecords {
				if err := s.Message(msg(fmt.Sprintf("c%04d", i), i, Customer, "u", "hello", i+1)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		early := lintedEarly(res)
		if reports == 0 || early < convGroup || sum.Conversations != progressEvery+batchRecords {
			t.Fatalf("jobs=%d: %d progress reports, %d conversations linted early, summary %+v: the test needs a flush before the report", jobs, reports, early, sum)
		}
	}
}

// TestEngineLongConversationInParts: a conversation of more messages than
// a part may hold (a file without conversation ids is one) is linted in
// parts of maxPartMessages, in order, each noting it, every message once.
func TestEngineLongConversationInParts(t *testing.T) {
	const budget = 1 << 20
	part := maxPartMessages(budget)
	n := 2*part + 10
	res, sum, err := runEngine(t, &Engine{MemoryBudget: budget, Jobs: 2}, func(s Sink) error {
		for i := range n {
			role := Customer
			if i%2 == 1 {
				role = Agent
			}
			if err := s.Message(msg("whole-file", i, role, "u", "你好", i+1)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 3 || sum.Conversations != 3 || sum.SplitConversations != 2 || sum.Messages != n {
		t.Fatalf("%d results, summary %+v; want 3 parts of at most %d of the %d messages", len(res), sum, part, n)
	}
	line := 1
	for i, r := range res {
		c := r.Conversation
		want := part
		if i == 2 {
			want = 10
		}
		if len(c.Messages) != want || c.Messages[0].Pos.Line != line || len(c.Notes) == 0 {
			t.Errorf("part %d: %d messages from line %d, notes %q; want %d from line %d, noted", i+1, len(c.Messages), c.Messages[0].Pos.Line, c.Notes, want, line)
		}
		line += len(c.Messages)
	}
}

func TestEngineOutputErrorStops(t *testing.T) {
	e := &Engine{Checker: wordChecker{&RuleInfo{ID: "p/bad"}}, Scoring: Scoring{Start: 100}}
	boom := errors.New("disk full")
	_, err := e.Run(context.Background(), func(s Sink) error {
		for i := 0; i < 100; i++ {
			if err := s.Message(msg(fmt.Sprint(i), 0, Agent, "A", "x", i+1)); err != nil {
				return err
			}
		}
		return nil
	}, func(*Result) error { return boom })
	if !errors.Is(err, boom) {
		t.Errorf("err = %v", err)
	}
}

// Long conversations index their message ids in a map (past idScanLimit
// messages); duplicates are found either way, and messages without an id
// never clash.
func TestEngineDuplicateIDsLongConversation(t *testing.T) {
	for _, n := range []int{3, idScanLimit - 1, idScanLimit, idScanLimit + 1, 3 * idScanLimit} {
		_, sum, err := runEngine(t, &Engine{}, func(s Sink) error {
			line := 0
			for i := 0; i < n; i++ {
				line++
				m := msg("c1", i, Customer, "u", "在吗", line)
				if i%2 == 0 {
					m.ID = "m" + strconv.Itoa(i)
				}
				s.Message(m)
			}
			// the first id again, one from the middle, and a new one
			for _, id := range []string{"m0", "m" + strconv.Itoa((n-1)/2*2), "new"} {
				line++
				m := msg("c1", n, Agent, "A", "您好", line)
				m.ID = id
				s.Message(m)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Rejected != 2 || sum.Messages != n+1 {
			t.Errorf("n=%d: rejected %d, messages %d; errors %v", n, sum.Rejected, sum.Messages, errorList(t, sum.Errors))
		}
	}
}

// With ReuseMessages the results are the same, each written before its
// messages (and the Result itself) are reused.
func TestEngineReuseMessages(t *testing.T) {
	ms := groupWorkload(20000, 100, 7)
	var want []string
	for _, reuse := range []bool{false, true} {
		e := &Engine{Checker: wordChecker{&RuleInfo{ID: "p/bad"}}, Scoring: Scoring{Start: 100}, MemoryBudget: 200000, ReuseMessages: reuse}
		var got []string
		var kept []*Conversation
		_, err := e.Run(context.Background(), feedMessages(ms), func(r *Result) error {
			got = append(got, fmt.Sprintf("%+v %+v", *r.Conversation, r.Findings))
			kept = append(kept, r.Conversation)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !reuse {
			want = got
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("results differ with ReuseMessages")
		}
		for _, c := range kept {
			if c.Messages != nil {
				t.Fatalf("conversation %s: messages still set after written", c.ID)
			}
		}
	}
}

// TestEngineFlush: Flush follows the results handed out (the last call
// after every one of them, also when conversations come in many groups),
// and its error ends the run as a write error.
func TestEngineFlush(t *testing.T) {
	feed := func(s Sink) error {
		s.File("f.jsonl")
		for i := range 5 * convGroup {
			s.Message(msg(fmt.Sprint("c", i), i, Customer, "u", "hi", i+1))
		}
		return nil
	}
	for _, jobs := range []int{1, 3} {
		var handed, flushed int
		calls := 0
		e := &Engine{Jobs: jobs, Checker: wordChecker{&RuleInfo{ID: "p/bad", Severity: Error}},
			Scoring: Scoring{Start: 100}, Flush: func() error { calls++; flushed = handed; return nil }}
		_, err := e.Run(context.Background(), feed, func(*Result) error { handed++; return nil })
		if err != nil {
			t.Fatal(err)
		}
		if handed != 5*convGroup || flushed != handed || calls == 0 {
			t.Errorf("jobs=%d: %d results, %d of them flushed by the last of %d flushes", jobs, handed, flushed, calls)
		}
	}
	e := &Engine{Checker: wordChecker{&RuleInfo{ID: "p/bad", Severity: Error}}, Scoring: Scoring{Start: 100},
		Flush: func() error { return errors.New("disk full") }}
	if _, err := e.Run(context.Background(), feed, func(*Result) error { return nil }); err == nil || !strings.Contains(err.Error(), "write report: disk full") {
		t.Errorf("a failing flush: %v", err)
	}
}

func TestEngineMaxMessageBytes(t *testing.T) {
	feed := func(s Sink) error {
		s.File("f.jsonl")
		if err := s.Message(msg("c1", 0, Customer, "u", "short", 1)); err != nil {
			return err
		}
		if err := s.Message(msg("c1", 1, Agent, "A", "bad bad bad bad bad bad", 2)); err != nil {
			return err
		}
		return s.Message(msg("c1", 2, Agent, "A", "bad", 3))
	}
	for _, jobs := range []int{1, 4} {
		res, sum, err := runEngine(t, &Engine{Jobs: jobs, MaxMessageBytes: 10}, feed)
		if err != nil {
			t.Fatal(err)
		}
		errs := errorList(t, sum.Errors)
		if sum.Records != 3 || sum.Messages != 2 || sum.Rejected != 1 || len(errs) != 1 {
			t.Fatalf("accounting: %+v", sum)
		}
		if got := errs[0].Error(); got != "f.jsonl:2: message text is 23 B, over the 10 B a message may take (--max-message-size); not linted" {
			t.Errorf("error %q", got)
		}
		if len(res) != 1 || len(res[0].Conversation.Messages) != 2 || len(res[0].Findings) != 1 || res[0].Findings[0].Msg != 1 {
			t.Fatalf("the long message is not linted, the others are: %+v", res)
		}
	}
	// a message as long as the bound is linted; no bound, nothing rejected
	for _, max := range []int{23, 0} {
		_, sum, err := runEngine(t, &Engine{MaxMessageBytes: max}, feed)
		if err != nil || sum.Rejected != 0 || sum.Findings != 2 {
			t.Errorf("bound %d: %v %+v", max, err, sum)
		}
	}
	_, _, err := runEngine(t, &Engine{Strict: true, MaxMessageBytes: 10}, feed)
	if !errors.Is(err, ErrStrict) || !strings.Contains(err.Error(), "f.jsonl:2: message text is 23 B") {
		t.Errorf("strict: %v", err)
	}
}

// TestApplyWaiversPerRule: one comment naming two rules is two waivers; the
// one that waived nothing is reported even though the other was used.
func TestApplyWaiversPerRule(t *testing.T) {
	evasive := &RuleInfo{ID: "base/evasive-phrase", Name: "evasive-phrase"}
	at := Pos{File: "r.txt", Line: 1}
	m := Message{Text: "x", Waivers: []Waiver{
		{Rule: "base/evasive-phrase", Reason: "旧话术", Pos: at},
		{Rule: "base/rude-phrase", Reason: "旧话术", Pos: at},
	}}
	r := &Result{Conversation: &Conversation{Messages: []Message{m}}, Findings: []Finding{{Rule: evasive, Msg: 0}}}
	sum := NewSummary()
	applyWaivers(r, sum)
	if len(r.Findings) != 0 || sum.Waived != 1 {
		t.Fatalf("findings %v waived %d", r.Findings, sum.Waived)
	}
	if len(sum.UnusedWaivers) != 1 || sum.UnusedWaivers[0].Rule != "base/rude-phrase" {
		t.Errorf("unused %+v", sum.UnusedWaivers)
	}
}

// TestEngineUnusedWaiversFromReaders: waivers a reader finds to waive
// nothing (WaiverSink), and those on a message rejected as over
// MaxMessageBytes, are reported as unused with the others, in input order.
func TestEngineUnusedWaiversFromReaders(t *testing.T) {
	w := func(file string, line int, rule string) Waiver {
		return Waiver{Rule: rule, Reason: "r", Pos: Pos{File: file, Line: line}}
	}
	feed := func(s Sink) error {
		ws, ok := s.(WaiverSink)
		if !ok {
			return errors.New("the engine's sink takes no waivers")
		}
		if _, ok := s.(DeferringSink); !ok {
			return errors.New("the engine's sink takes no deferred records")
		}
		s.File("b.txt")
		m := msg("b:2", -1, Agent, "", "bad", 2)
		m.Pos.File, m.Waivers = "b.txt", []Waiver{w("b.txt", 1, "nope")}
		if err := s.Message(m); err != nil {
			return err
		}
		ws.UnusedWaivers([]Waiver{w("b.txt", 5, "*")}) // at the end of b.txt
		s.File("a.txt")
		ws.UnusedWaivers([]Waiver{w("a.txt", 1, "p/bad")}) // before a rejected reply
		m = msg("a:4", -1, Agent, "", "bad bad bad bad bad", 4)
		m.Pos.File, m.Waivers = "a.txt", []Waiver{w("a.txt", 3, "bad")} // over the bound
		if err := s.Message(m); err != nil {
			return err
		}
		m = msg("a:6", -1, Agent, "", "bad", 6)
		m.Pos.File, m.Waivers = "a.txt", []Waiver{w("a.txt", 5, "p/bad")} // used
		return s.Message(m)
	}
	for _, jobs := range []int{1, 4} {
		_, sum, err := runEngine(t, &Engine{Jobs: jobs, MaxMessageBytes: 10}, feed)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, w := range sum.UnusedWaivers {
			got = append(got, w.Pos.String()+" "+w.Rule)
		}
		want := []string{"b.txt:1 nope", "b.txt:5 *", "a.txt:1 p/bad", "a.txt:3 bad"}
		if !slices.Equal(got, want) || sum.Waived != 1 || sum.Rejected != 1 || sum.Findings != 1 {
			t.Errorf("jobs %d: unused %q (want %q), waived %d rejected %d findings %d", jobs, got, want, sum.Waived, sum.Rejected, sum.Findings)
		}
	}
}

// TestEngineRecordWithoutConversationID: a record without a conversation id
// (the reader names its conversation after the file) is malformed when
// another record of its file has one, in that file only: after it, and
// before it too (those were a conversation of their own, named after the
// file, until the first id came); a file without any ids is one
// conversation.
func TestEngineRecordWithoutConversationID(t *testing.T) {
	for _, tc := range []struct {
		jobs   int
		strict bool
	}{{1, false}, {2, false}, {1, true}, {2, true}} {
		strict := tc.strict
		res, sum, err := runEngine(t, &Engine{Jobs: tc.jobs, Strict: strict}, func(s Sink) error {
			s.File("a.jsonl")
			noID := func(file string, line int) Message {
				m := msg(file, line, Agent, "A", "reply", line)
				m.Pos.File = file
				return m
			}
			withID := func(conv, file string, line int) Message {
				m := msg(conv, line, Customer, "u", "hi", line)
				m.Pos.File = file
				return m
			}
			for _, m := range []Message{
				noID("a.jsonl", 1), withID("c1", "a.jsonl", 2), noID("a.jsonl", 3),
				noID("b.jsonl", 1), noID("b.jsonl", 2), withID("c2", "b.jsonl", 3),
				withID("c3", "c.jsonl", 1), noID("c.jsonl", 2),
				// a txt dump's first conversation is named after its file,
				// the later ones by their separators: no id is missing
				noID("d.txt", 1), withID("d.txt#2", "d.txt", 3),
			} {
				if m.Pos.File == "d.txt" && m.Pos.Line == 1 {
					MarkSeparated(s, "d.txt")
				}
				if m.Pos.File != "a.jsonl" && m.Pos.Line == 1 {
					s.File(m.Pos.File)
				}
				if err := s.Message(m); err != nil {
					return err
				}
			}
			return nil
		})
		if strict {
			var se *StrictError
			if !errors.As(err, &se) || se.Pos != (Pos{File: "a.jsonl", Line: 1}) {
				t.Fatalf("jobs %d, strict: %v, want a stop at a.jsonl:1", tc.jobs, err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, r := range res {
			ids = append(ids, fmt.Sprintf("%s:%d", r.Conversation.ID, len(r.Conversation.Messages)))
		}
		if got, want := strings.Join(ids, " "), "c1:1 c2:1 c3:1 d.txt:1 d.txt#2:1"; got != want {
			t.Errorf("jobs %d: conversations %q, want %q", tc.jobs, got, want)
		}
		errs, err := sum.Errors.Collect()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range errs {
			got = append(got, e.Error())
		}
		later, earlier := ": no conversation id, though later records of this file have one (only a file without any is one conversation)",
			": no conversation id, though earlier records of this file have one (only a file without any is one conversation)"
		want := []string{"a.jsonl:1" + later, "a.jsonl:3" + earlier, "b.jsonl:1" + later, "b.jsonl:2" + later, "c.jsonl:2" + earlier}
		if sum.Records != 10 || sum.Rejected != 5 || sum.Messages != 5 || !slices.Equal(got, want) {
			t.Errorf("jobs %d: records %d, rejected %d, messages %d, errors:\n%s", tc.jobs, sum.Records, sum.Rejected, sum.Messages, strings.Join(got, "\n"))
		}
	}
}

// TestEngineRecordsWithoutIDLintedInParts: of a file whose first records
// name no conversation, the parts the memory budget linted early stay
// linted, the rest is rejected when the first id comes, and the further
// part it began is not counted as one.
func TestEngineRecordsWithoutIDLintedInParts(t *testing.T) {
	for _, jobs := range []int{1, 2} {
		// (parts of 1,024 messages, the least; the budget itself is not reached)
		res, sum, err := runEngine(t, &Engine{Jobs: jobs, MemoryBudget: 4 << 20}, func(s Sink) error {
			s.File("a.jsonl")
			for line := 1; line <= 2500; line++ {
				m := msg("a.jsonl", line, Customer, "u", "hi", line)
				m.Pos.File = "a.jsonl"
				if err := s.Message(m); err != nil {
					return err
				}
			}
			m := msg("c1", 2501, Customer, "u", "hi", 2501)
			m.Pos.File = "a.jsonl"
			return s.Message(m)
		})
		if err != nil {
			t.Fatal(err)
		}
		var parts []string
		for _, r := range res {
			parts = append(parts, fmt.Sprintf("%s:%d:%d", r.Conversation.ID, r.Conversation.Part, len(r.Conversation.Messages)))
		}
		if got, want := strings.Join(parts, " "), "a.jsonl:1:1024 a.jsonl:2:1024 c1:0:1"; got != want {
			t.Errorf("jobs %d: conversations %.200s, want %s", jobs, got, want)
		}
		if sum.Records != 2501 || sum.Rejected != 2500-2048 || sum.SplitConversations != 1 {
			t.Errorf("jobs %d: records %d, rejected %d, split conversations %d; want 2501, %d, 1", jobs, sum.Records, sum.Rejected, sum.SplitConversations, 2500-2048)
		}
	}
}

// TestEngineSeparatedConversationsEndWithFile: a chat dump's conversation
// (SeparatedSink), named by its section's title, ends with its file: the
// same title in the next dump is another conversation (the same buyer the
// next day), not its continuation, a part or a split, also when the memory
// budget linted the first in parts; a JSONL conversation spans files, and
// a title again within its dump is the same conversation.
func TestEngineSeparatedConversationsEndWithFile(t *testing.T) {
	for _, jobs := range []int{1, 2} {
		for _, n := range []int{3, 2500} { // 2,500: parts of 1,024 messages
			res, sum, err := runEngine(t, &Engine{Jobs: jobs, MemoryBudget: 4 << 20}, func(s Sink) error {
				line := 0
				add := func(file, conv string, k int) error {
					for range k {
						line++
						m := msg(conv, line, Customer, "u", "hi", line)
						m.Pos.File = file
						if err := s.Message(m); err != nil {
							return err
						}
					}
					return nil
				}
				for _, f := range []struct {
					file, conv string
					n          int
				}{{"1107.txt", "与 A 的聊天记录", n}, {"1107.txt", "与 B 的聊天记录", 1}, {"1107.txt", "与 A 的聊天记录", 1},
					{"1108.txt", "与 A 的聊天记录", 2}, {"a.jsonl", "c1", 1}, {"b.jsonl", "c1", 1}} {
					if f.file != "1107.txt" || f.conv == "与 A 的聊天记录" && f.n == n {
						s.File(f.file)
						if strings.HasSuffix(f.file, ".txt") {
							MarkSeparated(s, f.file)
						}
					}
					if err := add(f.file, f.conv, f.n); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range res {
				c := r.Conversation
				got = append(got, fmt.Sprintf("%s@%s:%d:%d", c.ID, c.File, c.Part, len(c.Messages)))
			}
			sort.Strings(got)
			want := []string{"c1@a.jsonl:0:2", fmt.Sprintf("与 A 的聊天记录@1107.txt:0:%d", n+1), "与 A 的聊天记录@1108.txt:0:2", "与 B 的聊天记录@1107.txt:0:1"}
			split := 0
			if n > 1024 {
				// (two resumptions within 1107.txt: the parts after the
				// first continue it; 1108.txt's is none of them)
				want = []string{"c1@a.jsonl:0:2", "与 A 的聊天记录@1107.txt:1:1024", "与 A 的聊天记录@1107.txt:2:1024", "与 A 的聊天记录@1107.txt:2:453", "与 A 的聊天记录@1108.txt:0:2", "与 B 的聊天记录@1107.txt:0:1"}
				split = 2
			}
			sort.Strings(want)
			if !slices.Equal(got, want) || sum.SplitConversations != split {
				t.Errorf("jobs %d, %d messages: conversations %q (split %d), want %q (split %d)", jobs, n, got, sum.SplitConversations, want, split)
			}
		}
	}
}

// fileMsg is a customer's message "hi" of conversation conv at line of
// file, for tests of what the engine takes from the file a message came from.
func fileMsg(file, conv string, line int) Message {
	m := msg(conv, line, Customer, "u", "hi", line)
	m.Pos.File = file
	return m
}

// TestEngineUntypedConversations: a conversation is untyped when every
// message of it was read from a file that cannot say a message's type.
func TestEngineUntypedConversations(t *testing.T) {
	for _, jobs := range []int{1, 3} {
		res, _, err := runEngine(t, &Engine{Jobs: jobs}, func(s Sink) error {
			s.File("a.csv")
			MarkUntyped(s, "a.csv")
			s.Message(fileMsg("a.csv", "c1", 1))
			s.Message(fileMsg("a.csv", "c2", 2))
			s.File("b.jsonl")
			s.Message(fileMsg("b.jsonl", "c2", 1)) // c2 goes on in a typed file
			s.Message(fileMsg("b.jsonl", "c3", 2))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range res {
			got = append(got, fmt.Sprintf("%s:%v", r.Conversation.ID, r.Conversation.Untyped))
		}
		if s := strings.Join(got, " "); s != "c1:true c2:false c3:false" {
			t.Errorf("jobs %d: %s", jobs, s)
		}
	}
}

// TestEngineCheckAllocs: checking a conversation of two agents without
// findings allocates nothing (its agents fit in the Result, which the
// caller gives), and the agents are those of Conversation.Agents; without
// agents they are nil.
func TestEngineCheckAllocs(t *testing.T) {
	e := &Engine{}
	w := wordChecker{rule: &RuleInfo{ID: "p/bad"}}
	c := &Conversation{Timed: true, Messages: []Message{
		msg("c", 0, Customer, "顾客", "在吗", 1), msg("c", 1, Agent, "小王", "在的", 2),
		msg("c", 2, Agent, "小李", "您好", 3), msg("c", 3, Agent, "小王", "请稍等", 4)}}
	var r Result
	if n := testing.AllocsPerRun(100, func() { r = Result{}; e.check(w, c, &r) }); n != 0 {
		t.Fatalf("Engine.check: %v allocations, want none", n)
	}
	if !slices.Equal(r.Agents, c.Agents()) || len(r.Agents) != 2 {
		t.Fatalf("agents %q, want %q", r.Agents, c.Agents())
	}
	c.Messages = c.Messages[:1]
	r = Result{}
	if e.check(w, c, &r); r.Agents != nil {
		t.Fatalf("agents %q, want nil", r.Agents)
	}
}

// reusingChecker is wordChecker as a FindingsReuser: it copies its
// findings into memory from the engine, and counts the slices it was
// given that had been used before (recycled ones must be cleared).
type reusingChecker struct {
	rule   *RuleInfo
	reused *atomic.Int64
	seen   *sync.Map // the findings memory handed out, by its first element
}

func (c reusingChecker) NewWorker() Worker {
	return &reusingWorker{wordChecker: wordChecker{c.rule}, reused: c.reused, seen: c.seen}
}

type reusingWorker struct {
	wordChecker
	alloc  func(n int) []Finding
	reused *atomic.Int64
	seen   *sync.Map
}

func (w *reusingWorker) UseFindings(alloc func(n int) []Finding) { w.alloc = alloc }

func (w *reusingWorker) Check(c *Conversation) ([]Finding, []Skip) {
	fs, sk := w.wordChecker.Check(c)
	if len(fs) == 0 || w.alloc == nil {
		return fs, sk
	}
	mem := w.alloc(len(fs))
	if len(mem) != 0 || cap(mem) < len(fs) {
		panic(fmt.Sprintf("alloc(%d): len %d cap %d", len(fs), len(mem), cap(mem)))
	}
	for _, f := range mem[:cap(mem)] {
		if f != (Finding{}) {
			panic("alloc gave findings memory that was not cleared")
		}
	}
	if _, seen := w.seen.LoadOrStore(&mem[:1][0], true); seen {
		w.reused.Add(1)
	}
	return append(mem, fs...), sk
}

// TestEngineReusesFindings: with ReuseMessages, a FindingsReuser's
// findings go into the memory of findings written before, cleared, and
// the results are those without reuse.
func TestEngineReusesFindings(t *testing.T) {
	ms := groupWorkload(20000, 100, 7)
	for i := range ms {
		if i%3 == 0 {
			ms[i].Text += " bad"
		}
	}
	run := func(c Checker, reuse bool) []string {
		e := &Engine{Checker: c, Scoring: Scoring{Start: 100}, MemoryBudget: 200000, ReuseMessages: reuse, Jobs: 2}
		var got []string
		_, err := e.Run(context.Background(), feedMessages(ms), func(r *Result) error {
			got = append(got, fmt.Sprintf("%s %d %+v", r.Conversation.ID, len(r.Conversation.Messages), r.Findings))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	rule := &RuleInfo{ID: "p/bad"}
	want := run(wordChecker{rule}, false)
	var reused atomic.Int64
	if got := run(reusingChecker{rule, &reused, &sync.Map{}}, true); !slices.Equal(got, want) {
		t.Errorf("results differ when findings reuse memory")
	}
	if reused.Load() == 0 {
		t.Errorf("no findings memory was reused")
	}
}

// TestFindingStash: a stash hands out memory by class (1, 2, 4 … 64
// findings), new when it has none; the pool takes back any slice by the
// class its capacity serves, cleared, and tops up a stash from it.
func TestFindingStash(t *testing.T) {
	var st findingStash
	for _, tt := range []struct{ n, cap int }{{1, 1}, {2, 2}, {3, 4}, {5, 8}, {64, 64}, {65, 65}, {0, 0}} {
		if f := st.alloc(tt.n); len(f) != 0 || cap(f) != tt.cap {
			t.Errorf("alloc(%d): len %d cap %d, want cap %d", tt.n, len(f), cap(f), tt.cap)
		}
	}
	var p msgPool
	three := append(make([]Finding, 0, 3), Finding{Match: "x"}, Finding{Match: "y"})
	big := make([]Finding, 1, 200)
	r1, r2 := &Result{findings: three}, &Result{findings: big}
	p.putAll(nil, []*Result{r1, r2})
	if len(p.findings[1]) != 1 || cap(p.findings[1][0]) != 2 || three[:2][0].Match != "" {
		t.Fatalf("a slice of capacity 3 serves class 1 (2 findings), cleared: %v", p.findings)
	}
	for c := range p.findings {
		if c != 1 && len(p.findings[c]) != 0 {
			t.Errorf("class %d: %d slices; a slice over the largest class is not kept", c, len(p.findings[c]))
		}
	}
	grp := []*openConv{{n: 1}}
	p.getFor(grp, nil, make([]*Result, 1), &st)
	if len(st.free[1]) != 1 || len(p.findings[1]) != 0 || p.findingBytes != 0 {
		t.Fatalf("getFor tops the stash up from the pool")
	}
	if f := st.alloc(2); &f[:1][0] != &three[:1][0] {
		t.Errorf("alloc(2) takes the stashed slice")
	}
}

// feedMessages returns a read function that hands the messages to the sink.
func feedMessages(ms []Message) func(Sink) error {
	return func(s Sink) error {
		for _, m := range ms {
			if err := s.Message(m); err != nil {
				return err
			}
		}
		return nil
	}
}

// TestEngineSetUp: SetUp runs while the input is read (taken counts what
// the grouper took in meanwhile), may set the checker, and nothing is
// checked or handed out before it returns; its error ends the run and
// comes before any other, a --strict failure included.
func TestEngineSetUp(t *testing.T) {
	const n = 3 * batchRecords // a few batches
	feed := func(fed chan struct{}, strict bool) func(Sink) error {
		return func(s Sink) error {
			defer close(fed)
			s.File("f.jsonl")
			if strict {
				if err := s.Reject(RecordError{Pos: Pos{File: "f.jsonl", Line: 1}, Err: "unknown role"}); err != nil {
					return err
				}
			}
			for i := range n {
				if err := s.Message(msg(fmt.Sprint("c", i%50), i, Agent, "A", "bad", i+2)); err != nil {
					return err
				}
			}
			return nil
		}
	}
	rule := &RuleInfo{ID: "p/bad", Severity: Error, Deduct: 10}
	t.Run("ready while reading", func(t *testing.T) {
		for _, jobs := range []int{1, 2} {
			fed := make(chan struct{})
			handed := 0
			var e *Engine
			e = &Engine{Jobs: jobs, SetUp: func(taken func() int64) error {
				<-fed
				if handed != 0 {
					t.Error("a result was handed out before SetUp returned")
				}
				// the last batch is grouped soon after the reading ends
				for i := 0; taken() < n*int64(len("bad")+len("A")+messageOverhead) && i < 10000; i++ {
					time.Sleep(time.Millisecond)
				}
				if got := taken(); got < n*int64(len("bad")+len("A")+messageOverhead) {
					t.Errorf("taken = %d after reading %d messages", got, n)
				}
				e.Checker, e.Scoring = wordChecker{rule}, Scoring{Start: 100}
				return nil
			}}
			sum, err := e.Run(context.Background(), feed(fed, false), func(*Result) error { handed++; return nil })
			if err != nil {
				t.Fatal(err)
			}
			if handed != 50 || sum.Conversations != 50 || sum.Findings != n {
				t.Errorf("jobs=%d: %d results, %+v", jobs, handed, sum)
			}
		}
	})
	t.Run("failing", func(t *testing.T) {
		for i, strict := range []bool{false, true, false, true} {
			fed := make(chan struct{})
			broken := errors.New("pack.yaml:3: broken")
			e := &Engine{Jobs: 1 + i/2, Strict: strict, Checker: wordChecker{rule}, Scoring: Scoring{Start: 100},
				Flush: func() error { t.Error("Flush called after a failed set-up"); return nil },
				SetUp: func(func() int64) error { <-fed; return broken }}
			sum, err := e.Run(context.Background(), feed(fed, strict), func(*Result) error {
				t.Error("a result handed out after a failed set-up")
				return nil
			})
			if !errors.Is(err, broken) || sum == nil {
				t.Errorf("strict=%v: err = %v (want the set-up's, before any other), summary %v", strict, err, sum)
			}
		}
	})
	t.Run("strict failure meanwhile", func(t *testing.T) {
		for _, jobs := range []int{1, 2} {
			fed := make(chan struct{})
			e := &Engine{Jobs: jobs, Strict: true, Checker: wordChecker{rule}, Scoring: Scoring{Start: 100},
				SetUp: func(func() int64) error { <-fed; return nil }}
			_, err := e.Run(context.Background(), feed(fed, true), func(*Result) error {
				t.Error("a result handed out after a strict failure")
				return nil
			})
			if !errors.Is(err, ErrStrict) {
				t.Errorf("jobs=%d: err = %v, want the strict failure", jobs, err)
			}
		}
	})
}
