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

// TestLatencyAgreesWithRef: latency.Check finds the late answers, with
// their messages (and skips the untimed waits) refLatency, the loop as it
// was, does, in random conversations of
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
			want, wantReason := refLatency(l, cv, nil)
			got, reason := l.Check(cv, nil)
			if !sameFindings(got, want) || reason != wantReason {
				t.Fatalf("%s\n%sfindings %v (reason %q), want %v (reason %q)", rule, b.String(), got, reason, want, wantReason)
			}
			found += len(want)
		}
	}
	if found == 0 {
		t.Error("no late answer in any conversation")
	}
}

// TestLatencyWholeSeconds: an answer fewer whole seconds after the wait's
// start than max has (latency.maxSec) is passed over without elapsed; the
// late answers are still exactly refLatency's, for delays around max and
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
				want, _ := refLatency(l, cv, nil)
				fs, _ := l.Check(cv, nil)
				if !sameFindings(fs, want) {
					t.Fatalf("max %s, start +%v, delay %v: findings %v, want %v", max, start, d, fs, want)
				}
				late += len(fs)
			}
		}
	}
	if late == 0 {
		t.Error("no late answer")
	}
}

// sameFindings reports whether a and b are the same findings: the same
// messages, each with the same text.
func sameFindings(a, b []lint.Finding) bool {
	return slices.EqualFunc(a, b, func(x, y lint.Finding) bool { return x.Msg == y.Msg && x.Message == y.Message })
}
