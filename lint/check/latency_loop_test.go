package check

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/match"
)

// latencyRef is latency.Check's walk as one loop with the wait's state in
// a variable, message by message (as it was written before the two tight
// loops): the late answers, their delays, and whether a wait was skipped.
func latencyRef(l *latency, cv *Conv) (at []int, delays []time.Duration, skipped bool) {
	ms := cv.Messages
	pending := -1
	for i := range ms {
		m := &ms[i]
		switch {
		case asks(m):
			if pending < 0 {
				pending = i
			}
		case m.Role != lint.Customer && l.info.Roles.Has(m.Role) && answers(m):
			if pending < 0 {
				continue
			}
			if !cv.timed(i) || !cv.timed(pending) {
				if !skipped && (l.ignore == nil || l.start(cv, pending, i) >= 0) {
					skipped = true
				}
				pending = -1
				continue
			}
			delay := elapsed(m.Time, ms[pending].Time)
			if delay > l.max && l.ignore != nil {
				if s := l.start(cv, pending, i); s >= 0 {
					delay = elapsed(m.Time, ms[s].Time)
				} else {
					delay = 0
				}
			}
			if delay > l.max {
				at, delays = append(at, i), append(delays, delay)
			}
			pending = -1
		}
	}
	return at, delays, skipped
}

// TestLatencyAgreesWithRef: latency.Check finds the late answers (and
// skips the untimed waits) latencyRef does, in random conversations of
// every kind of message, with and without an ignore condition, timed and
// not, with answering roles of one and of two roles.
func TestLatencyAgreesWithRef(t *testing.T) {
	rng := rand.New(rand.NewSource(20))
	lines := []string{
		"customer: 在吗", "customer: 好的", "customer: 谢谢", "customer/note: 记一下", "customer/transfer: 转人工",
		"agent: 在的", "agent/note: 备注", "agent/transfer: 转主管", "bot: 自动回复", "system/order: 已拍下",
		"system: 会话结束",
	}
	found := 0
	for _, rule := range []string{
		"id: slow\ntype: latency\nmax: 20s",
		"id: slow\ntype: latency\nmax: 20s\nignore: {any_of: [{phrases: [好的]}, {phrases: [谢谢]}]}",
		"id: slow\ntype: latency\nrole: [agent, bot]\nmax: 30s\nignore: {phrases: [谢谢]}",
	} {
		cs := compileOne(t, rule)
		l := cs.Checks[0].(*latency)
		for round := 0; round < 300; round++ {
			var b strings.Builder
			sec := 0
			n := 1 + rng.Intn(16)
			for k := 0; k < n; k++ {
				sec += rng.Intn(40)
				fmt.Fprintf(&b, "%02d:%02d %s\n", sec/60, sec%60, lines[rng.Intn(len(lines))])
			}
			c := conv(t, b.String())
			if round%5 == 0 {
				c.Timed = false // times not to be used (some missing)
			}
			cv := &Conv{Conversation: c, Texts: make([]match.Text, len(c.Messages))}
			for i := range c.Messages {
				cs.Matcher.Analyse(&cv.Texts[i], c.Messages[i].Text, true)
			}
			wantAt, wantDelays, wantSkipped := latencyRef(l, cv)
			fs, reason := l.Check(cv, nil)
			var gotAt []int
			for k, f := range fs {
				gotAt = append(gotAt, f.Msg)
				if k < len(wantDelays) && !strings.Contains(f.Message, delayText(wantDelays[k])) {
					t.Fatalf("%s\n%s: message %q, delay %v", rule, b.String(), f.Message, wantDelays[k])
				}
			}
			if !slices.Equal(gotAt, wantAt) || (reason != "") != wantSkipped {
				t.Fatalf("%s\n%slate answers %v (reason %q), want %v (skipped %v)", rule, b.String(), gotAt, reason, wantAt, wantSkipped)
			}
			found += len(wantAt)
		}
	}
	if found == 0 {
		t.Error("no late answer in any conversation")
	}
}

// TestLatencyWholeSeconds: an answer fewer whole seconds after the wait's
// start than max has (latency.maxSec) is passed over without elapsed; the
// late answers are still exactly latencyRef's, for delays around max and
// around its whole seconds, starts at every part of a second, answers
// before their question, and limits that are not whole seconds.
func TestLatencyWholeSeconds(t *testing.T) {
	t0 := time.Date(2026, 11, 11, 8, 0, 0, 0, time.FixedZone("CST", 8*3600))
	late := 0
	for _, max := range []string{"20s", "1500ms", "999ms", "1s", "2m"} {
		cs := compileOne(t, "id: slow\ntype: latency\nmax: "+max)
		l := cs.Checks[0].(*latency)
		var delays []time.Duration
		for _, base := range []time.Duration{l.max, l.max.Truncate(time.Second), l.max.Truncate(time.Second) + time.Second, 0} {
			for _, d := range []time.Duration{-time.Second, -time.Second / 2, -1, 0, 1, time.Second / 2, time.Second - 1, time.Second} {
				delays = append(delays, base+d)
			}
		}
		for _, start := range []time.Duration{0, 1, time.Second / 2, time.Second - 1} {
			for _, d := range delays {
				ask := t0.Add(start)
				c := &lint.Conversation{ID: "c", Timed: true, Messages: []lint.Message{
					{Role: lint.Customer, Text: "在吗", Time: ask},
					{Role: lint.Agent, Text: "在的", Time: ask.Add(d)},
				}}
				cv := &Conv{Conversation: c, Texts: make([]match.Text, len(c.Messages))}
				for i := range c.Messages {
					cs.Matcher.Analyse(&cv.Texts[i], c.Messages[i].Text, true)
				}
				wantAt, _, _ := latencyRef(l, cv)
				fs, _ := l.Check(cv, nil)
				if len(fs) != len(wantAt) {
					t.Fatalf("max %s, start +%v, delay %v: %d findings, want %d", max, start, d, len(fs), len(wantAt))
				}
				late += len(fs)
			}
		}
	}
	if late == 0 {
		t.Error("no late answer")
	}
}
