package lint

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// inlineFeed is an input that exercises the grouper: interleaved
// conversations (some long enough to be linted in parts), rejects, skips,
// texts over a bound, waivers and a second file.
func inlineFeed(s Sink) error {
	line := 0
	for _, file := range []string{"a.jsonl", "b.jsonl"} {
		s.File(file)
		for i := range 3000 {
			line++
			pos := Pos{File: file, Line: line}
			switch {
			case i%97 == 5:
				if err := s.Reject(RecordError{Pos: pos, Err: "invalid JSON"}); err != nil {
					return err
				}
				continue
			case i%89 == 7:
				if err := s.SkipRecord(pos, "已读"); err != nil {
					return err
				}
				continue
			}
			conv := fmt.Sprintf("%s-c%d", file, i%37)
			if i%5 == 0 {
				conv = "long" // one conversation of every fifth message
			}
			text := "hello"
			switch {
			case i%7 == 0:
				text = "bad reply"
			case i%131 == 0:
				text = strings.Repeat("x", 50) // over MaxMessageBytes
			}
			m := msg(conv, i, Role(i%2), fmt.Sprint("s", i%3), text, line)
			m.Pos.File = file
			if i%11 == 0 {
				m.Waivers = []Waiver{{Rule: "p/bad", Pos: m.Pos}}
			}
			if err := s.Message(m); err != nil {
				return err
			}
		}
	}
	return nil
}

// resultDigest is what a run handed out, in order, as text.
func resultDigest(res []*Result, sum *Summary) string {
	var b strings.Builder
	for _, r := range res {
		c := r.Conversation
		fmt.Fprintf(&b, "%s seq=%d part=%d notes=%q score=%v grade=%s msgs=[", c.ID, c.Seq, c.Part, c.Notes, r.Score, r.Grade)
		for _, m := range c.Messages {
			fmt.Fprintf(&b, "%s:%d ", m.Pos.File, m.Pos.Line)
		}
		b.WriteString("] findings=[")
		for _, f := range r.Findings {
			fmt.Fprintf(&b, "%s@%d ", f.Rule.ID, f.Msg)
		}
		b.WriteString("]\n")
	}
	errs, err := sum.Errors.Collect()
	fmt.Fprintf(&b, "records=%d messages=%d rejected=%d skipped=%d conversations=%d split=%d findings=%d waived=%d unused=%v files=%d errors=%v (%v)\n",
		sum.Records, sum.Messages, sum.Rejected, sum.SkippedRecords, sum.Conversations, sum.SplitConversations, sum.Findings, sum.Waived, sum.UnusedWaivers, sum.Files, errs, err)
	return b.String()
}

// TestInlineAgreesWithPipeline: one job (runInline, all in the reading
// goroutine) hands out what more jobs (the pipeline of goroutines) do, in
// the same order, with and without memory pressure.
func TestInlineAgreesWithPipeline(t *testing.T) {
	for _, budget := range []int{0, 200000, 40000} {
		var want string
		for _, jobs := range []int{2, 1, 3} {
			res, sum, err := runEngine(t, &Engine{Jobs: jobs, MemoryBudget: budget, MaxMessageBytes: 40}, inlineFeed)
			if err != nil {
				t.Fatal(err)
			}
			got := resultDigest(res, sum)
			if want == "" {
				want = got
				if budget == 40000 && (lintedEarly(res) == 0 || sum.SplitConversations == 0) {
					t.Fatalf("budget %d: nothing linted early or in parts: the test needs more", budget)
				}
				continue
			}
			if got != want {
				t.Errorf("budget %d, jobs=%d: the results differ from jobs=2's:\n%s", budget, jobs, firstDiff(got, want))
			}
		}
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got  %s\n want %s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("%d lines against %d", len(g), len(w))
}

// TestInlineErrors: a run of one job stops as the pipeline does, with the
// same error, when out fails, the context is cancelled, or a record is
// malformed under Strict; and it flushes the output as it goes.
func TestInlineErrors(t *testing.T) {
	t.Run("out fails", func(t *testing.T) {
		broken := errors.New("disk full")
		handed := 0
		e := &Engine{Jobs: 1, MemoryBudget: 40000, Checker: wordChecker{&RuleInfo{ID: "p/bad", Severity: Error}}, Scoring: Scoring{Start: 100}}
		_, err := e.Run(context.Background(), inlineFeed, func(*Result) error { handed++; return broken })
		if !errors.Is(err, broken) || !strings.Contains(err.Error(), "write report") || handed != 1 {
			t.Errorf("err = %v after %d results, want the writer's, after the first", err, handed)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		handed := 0
		e := &Engine{Jobs: 1, MemoryBudget: 40000, Checker: wordChecker{&RuleInfo{ID: "p/bad", Severity: Error}}, Scoring: Scoring{Start: 100}}
		_, err := e.Run(ctx, inlineFeed, func(*Result) error {
			if handed++; handed == 3 {
				cancel()
			}
			return nil
		})
		if !errors.Is(err, context.Canceled) || handed >= 100 {
			t.Errorf("err = %v after %d results, want the cancellation, soon", err, handed)
		}
	})
	// a file that could not be read is the run's error, returned after
	// the others' conversations, linted and handed out as with two jobs
	// (one job dropped the conversations still open when reading ended)
	t.Run("an unreadable file", func(t *testing.T) {
		unreadable := errors.New("empty.jsonl: empty file")
		var counts []int
		for _, jobs := range []int{1, 2} {
			res, sum, err := runEngine(t, &Engine{Jobs: jobs}, func(s Sink) error {
				if err := inlineFeed(s); err != nil {
					return err
				}
				return unreadable
			})
			if !errors.Is(err, unreadable) || len(res) == 0 || sum.Messages+sum.Rejected+sum.SkippedRecords != sum.Records {
				t.Errorf("jobs=%d: err = %v, %d results, records %d = messages %d + rejected %d + skipped %d?", jobs, err, len(res), sum.Records, sum.Messages, sum.Rejected, sum.SkippedRecords)
			}
			counts = append(counts, len(res))
		}
		if counts[0] != counts[1] {
			t.Errorf("results: %d with one job, %d with two", counts[0], counts[1])
		}
	})
	t.Run("strict", func(t *testing.T) {
		for _, jobs := range []int{1, 2} {
			res, sum, err := runEngine(t, &Engine{Jobs: jobs, Strict: true}, inlineFeed)
			var se *StrictError
			if !errors.Is(err, ErrStrict) || !errors.As(err, &se) || se.Pos.Line != 6 || len(res) != 0 || sum.Rejected != 1 {
				t.Errorf("jobs=%d: err = %v, %d results, %d rejected; want line 6's strict failure and nothing handed out", jobs, err, len(res), sum.Rejected)
			}
		}
	})
	t.Run("flushes as it goes", func(t *testing.T) {
		flushes, handed, at := 0, 0, 0
		e := &Engine{Jobs: 1, MemoryBudget: 40000, Checker: wordChecker{&RuleInfo{ID: "p/bad", Severity: Error}}, Scoring: Scoring{Start: 100},
			Flush: func() error {
				if flushes++; flushes == 1 {
					at = handed
				}
				return nil
			}}
		sum, err := e.Run(context.Background(), inlineFeed, func(*Result) error { handed++; return nil })
		if err != nil {
			t.Fatal(err)
		}
		if flushes < 3 || at == 0 || at >= sum.Conversations {
			t.Errorf("%d flushes, the first after %d of %d results: want the report flushed while the input is read", flushes, at, sum.Conversations)
		}
	})
}

// fuzzFeed turns data into an input: each three bytes a record (a
// message of one of 24 conversations, some with no time, some with
// waivers, some over MaxMessageBytes, or a rejected or skipped record, or
// a new file).
func fuzzFeed(data []byte) func(Sink) error {
	return func(s Sink) error {
		file, line := "a.jsonl", 0
		s.File(file)
		// a file that could not be read: the others are read on, and the
		// error comes at the end, as transcript.ReadAll gives it
		var unreadable error
		for i := 0; i+3 <= len(data) && i < 3*4000; i += 3 {
			op, conv, arg := data[i], data[i+1], data[i+2]
			line++
			pos := Pos{File: file, Line: line}
			var err error
			switch op % 16 {
			case 0:
				err = s.Reject(RecordError{Pos: pos, Err: "invalid JSON"})
			case 1:
				err = s.SkipRecord(pos, fmt.Sprint("reason ", arg%3))
			case 2:
				file, line = fmt.Sprintf("f%d.jsonl", arg%4), 0
				if arg&4 != 0 {
					// a chat dump: its conversations end with it
					file = fmt.Sprintf("f%d.txt", arg%4)
				}
				s.File(file)
				if arg&4 != 0 {
					MarkSeparated(s, file)
				}
			case 15:
				unreadable = fmt.Errorf("g%d.jsonl: empty file", arg%4)
			default:
				text := [...]string{"hello", "bad", "", strings.Repeat("长", 20)}[arg%4]
				sec := line
				if op&0x40 != 0 {
					sec = -1 // untimed
				}
				m := msg(fmt.Sprint("c", conv%24), sec, Role(arg>>4%2), fmt.Sprint("s", arg>>5), text, line)
				m.Pos.File = file
				if conv%24 == 23 {
					m.Conversation = file // a record without an id
				}
				if op&0x80 != 0 {
					m.Waivers = []Waiver{{Rule: "p/bad", Pos: m.Pos}}
				}
				if op&0x20 != 0 {
					m.ID = fmt.Sprint("id", arg%8) // (duplicates are rejected)
				}
				err = s.Message(m)
			}
			if err != nil {
				return err
			}
		}
		return unreadable
	}
}

// FuzzInlineAgreesWithPipeline: for any input and memory budget, one job
// hands out what two and three do.
func FuzzInlineAgreesWithPipeline(f *testing.F) {
	f.Add(uint16(0), []byte("\x03\x01\x01\x04\x02\x01\x03\x01\x02\x00\x00\x00\x05\x07\x01"))
	f.Add(uint16(3000), []byte(strings.Repeat("\x03\x01\x01\x23\x02\x01\x43\x03\x02\x83\x01\x01\x02\x00\x01\x01\x00\x02", 40)))
	// an unreadable file beside the others; records without an id before
	// and after the file's first id
	f.Add(uint16(0), []byte("\x03\x17\x01\x03\x01\x01\x0f\x00\x00\x03\x17\x02\x03\x02\x11"))
	// two chat dumps with a conversation of the same title, and one of
	// them again after a JSONL file
	f.Add(uint16(0), []byte("\x02\x00\x04\x03\x05\x01\x03\x05\x11\x02\x00\x05\x03\x05\x01\x03\x05\x11\x02\x00\x01\x03\x05\x01\x02\x00\x04\x03\x05\x02"))
	f.Fuzz(func(t *testing.T, budget uint16, data []byte) {
		var want string
		for _, jobs := range []int{1, 2, 3} {
			res, sum, err := runEngine(t, &Engine{Jobs: jobs, MemoryBudget: int(budget) * 16, MaxMessageBytes: 40}, fuzzFeed(data))
			if err != nil && !strings.Contains(err.Error(), ": empty file") {
				t.Fatal(err)
			}
			got := fmt.Sprintf("%s\nerror %v", resultDigest(res, sum), err)
			if jobs == 1 {
				want = got
			} else if got != want {
				t.Fatalf("budget %d: jobs=%d differs from jobs=1:\n%s", int(budget)*16, jobs, firstDiff(got, want))
			}
		}
	})
}
