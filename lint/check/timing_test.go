package check

import (
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
)

// partlyTimed builds a conversation from a transcript in example notation
// (with times) and takes the times off the messages untimed (0-based), as
// the grouper leaves such a conversation: in input order, not Timed.
func partlyTimed(t *testing.T, transcript string, untimed ...int) *lint.Conversation {
	t.Helper()
	c := conv(t, transcript)
	for _, i := range untimed {
		c.Messages[i].Time = time.Time{}
	}
	c.Timed = false
	return c
}

// TestPartlyTimedSkipsTimingRules: a conversation with only some times is
// neither sorted nor timed, so every rule that uses times skips that part
// (with a reason, counted under summary skipped) exactly as for a
// conversation without times, and finds nothing from the times it has; a
// part that needs no times (within_messages, a missing phrase) still runs.
func TestPartlyTimedSkipsTimingRules(t *testing.T) {
	tests := []struct {
		name, rule, transcript string
		untimed                []int
		want                   string // findings (describe)
		skipped                bool
	}{
		{
			name: "latency",
			rule: "id: r\ntype: latency\nmax: 20s",
			transcript: `
00:00 customer: 在吗
01:00 agent: 在的
01:01 system/order: 买家已拍下`,
			untimed: []int{2}, skipped: true,
		},
		{
			// the reviewer's case: timed messages out of order, one untimed
			name: "latency, out of order",
			rule: "id: r\ntype: latency\nmax: 20s",
			transcript: `
00:15 agent: 您好，在的
00:00 customer: 在吗
00:50 customer: 有货吗
01:00 agent: 有的
01:01 system/order: 买家已拍下`,
			untimed: []int{4}, skipped: true,
		},
		{
			name: "hold",
			rule: "id: r\ntype: hold\nafter: 30s\nphrases: [稍等]\nmatch: substring",
			transcript: `
00:00 customer: 查下订单
02:00 agent: 查到了
02:01 system/order: 已发货`,
			untimed: []int{2}, skipped: true,
		},
		{
			name: "require within",
			rule: "id: r\ntype: require\nat: first-reply\nwithin: 10s\nphrases: [您好]\nmatch: substring",
			transcript: `
00:00 customer: 在吗
01:00 agent: 您好
01:01 system/order: 已发货`,
			untimed: []int{2}, skipped: true,
		},
		{
			name: "require, missing phrase still found",
			rule: "id: r\ntype: require\nat: first-reply\nwithin: 10s\nphrases: [您好]\nmatch: substring",
			transcript: `
00:00 customer: 在吗
01:00 agent: 在的
01:01 system/order: 已发货`,
			untimed: []int{2}, want: "1",
		},
		{
			name: "followup within",
			rule: "id: r\ntype: followup\ntrigger: {phrases: [改地址], match: substring}\nexpect: {type: note}\nwithin: 5m",
			transcript: `
00:00 customer: 我要改地址
10:00 agent/note: 改地址
10:01 system/order: 已发货`,
			untimed: []int{2}, skipped: true,
		},
		{
			// unless after the deadline does not cancel in a timed
			// conversation; without usable times it cancels, as when
			// untimed, and whether it came in time is not checked: skipped,
			// as when the expected message comes
			name: "followup unless",
			rule: "id: r\ntype: followup\ntrigger: {role: system, type: order, phrases: [待付款], match: substring}\nexpect: {phrases: [付款], match: substring}\nwithin: 1m\nunless: {role: system, phrases: [已付款], match: substring}",
			transcript: `
00:00 system/order: 待付款
05:00 system/order: 已付款
05:01 customer: 好`,
			untimed: []int{2}, skipped: true,
		},
		{
			name: "followup unless, no within: nothing to skip",
			rule: "id: r\ntype: followup\ntrigger: {role: system, type: order, phrases: [待付款], match: substring}\nexpect: {phrases: [付款], match: substring}\nunless: {role: system, phrases: [已付款], match: substring}",
			transcript: `
00:00 system/order: 待付款
05:00 system/order: 已付款
05:01 customer: 好`,
			untimed: []int{2},
		},
		{
			name: "followup within_messages still runs",
			rule: "id: r\ntype: followup\ntrigger: {phrases: [投诉], match: substring}\nexpect: {phrases: [抱歉], match: substring}\nwithin_messages: 1\nwithin: 5m",
			transcript: `
00:00 customer: 我要投诉
00:05 agent: 好
00:06 agent: 抱歉
00:07 system/order: 已发货`,
			untimed: []int{3}, want: "1:投诉",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, skips := compileOne(t, tt.rule).NewWorker().Check(partlyTimed(t, tt.transcript, tt.untimed...))
			if got := describe(fs); got != tt.want {
				t.Errorf("findings %q, want %q", got, tt.want)
			}
			if got := len(skips) > 0; got != tt.skipped {
				t.Errorf("skipped %v (%v), want %v", got, skips, tt.skipped)
			}
			for _, s := range skips {
				if !strings.HasPrefix(s.Reason, "no times") {
					t.Errorf("skip reason %q", s.Reason)
				}
			}
			// the same conversation without any times gives the same answer
			c := partlyTimed(t, tt.transcript)
			for i := range c.Messages {
				c.Messages[i].Time = time.Time{}
			}
			fs2, skips2 := compileOne(t, tt.rule).NewWorker().Check(c)
			if describe(fs2) != describe(fs) || len(skips2) != len(skips) {
				t.Errorf("untimed: findings %q skipped %v; partly timed: %q %v", describe(fs2), skips2, describe(fs), skips)
			}
		})
	}
}

// TestAgentFor: a finding at a customer message is held against the agent
// who answered it, not the writer of an internal note in between; a bot's
// own finding is held against no human agent.
func TestAgentFor(t *testing.T) {
	msg := func(role lint.Role, typ, sender string) lint.Message {
		if typ == "" {
			typ = lint.TypeText
		}
		return lint.Message{Role: role, Type: typ, Sender: sender, Text: "x"}
	}
	cust := msg(lint.Customer, "", "u")
	tests := []struct {
		name string
		ms   []lint.Message
		at   int
		want string
	}{
		{"answerer", []lint.Message{cust, msg(lint.Agent, "", "A")}, 0, "A"},
		{"note before the answer", []lint.Message{cust, msg(lint.Agent, lint.TypeNote, "主管"), msg(lint.Agent, "", "A")}, 0, "A"},
		{"bot before the answer", []lint.Message{cust, msg(lint.Bot, "", "小蜜"), msg(lint.Agent, "", "A")}, 0, "A"},
		{"agent's own message", []lint.Message{cust, msg(lint.Agent, "", "A"), msg(lint.Agent, "", "B")}, 2, "B"},
		{"note's own finding", []lint.Message{cust, msg(lint.Agent, lint.TypeNote, "主管"), msg(lint.Agent, "", "A")}, 1, "主管"},
		{"bot's own finding", []lint.Message{cust, msg(lint.Bot, "", "小蜜"), msg(lint.Agent, "", "A")}, 1, ""},
		{"unanswered: the last agent before", []lint.Message{msg(lint.Agent, "", "A"), msg(lint.Agent, lint.TypeNote, "主管"), cust}, 2, "A"},
		{"only notes", []lint.Message{cust, msg(lint.Agent, lint.TypeNote, "A")}, 0, "A"},
		{"no agent", []lint.Message{msg(lint.System, lint.TypeOrder, ""), cust}, 0, ""},
	}
	for _, tt := range tests {
		c := &lint.Conversation{ID: "c", Messages: tt.ms}
		if got := agentFor(c, tt.at); got != tt.want {
			t.Errorf("%s: agentFor = %q, want %q", tt.name, got, tt.want)
		}
		var a agents
		a.reset(tt.ms)
		if got := a.of(tt.at); got != tt.want {
			t.Errorf("%s: agents.of = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestBotFindingAgent: a forbid rule on bot messages is not held against
// the next human agent.
func TestBotFindingAgent(t *testing.T) {
	fs := lintWith(t, "id: r\ntype: forbid\nrole: [bot]\nphrases: [不知道]", `
00:00 customer: 有货吗
00:05 bot: 这个我也不知道
00:10 agent: 亲，在的`)
	if len(fs) != 1 || fs[0].Msg != 1 || fs[0].Agent != "" {
		t.Fatalf("findings %+v, want one at the bot message with no agent", fs)
	}
}

// TestWithinMessagesSkipsNotes: an internal note cannot meet a spoken
// expect, so it does not use up a within_messages window; an expect of
// notes (type: note) still counts them.
func TestWithinMessagesSkipsNotes(t *testing.T) {
	tests := []struct{ rule, transcript, want string }{
		{"id: r\ntype: followup\ntrigger: {phrases: [投诉], match: substring}\nexpect: {phrases: [抱歉], match: substring}\nwithin_messages: 1", `
00:00 customer: 投诉3
00:05 agent/note: 客户投诉
00:06 agent: 抱歉`, ""},
		{"id: r\ntype: followup\ntrigger: {phrases: [投诉], match: substring}\nexpect: {phrases: [抱歉], match: substring}\nwithin_messages: 1", `
00:00 customer: 投诉3
00:05 agent: 好
00:06 agent: 抱歉`, "1:投诉"},
		{"id: r\ntype: followup\ntrigger: {phrases: [投诉], match: substring}\nexpect: {type: note, phrases: [已登记], match: substring}\nwithin_messages: 1", `
00:00 customer: 投诉3
00:05 agent/note: 客户投诉
00:06 agent/note: 已登记`, "1:投诉"},
		{"id: r\ntype: followup\nlook: before\ntrigger: {phrases: [投诉], match: substring}\nexpect: {phrases: [抱歉], match: substring}\nwithin_messages: 1", `
00:00 agent: 抱歉
00:05 agent/note: 客户投诉
00:06 customer: 投诉3`, ""},
	}
	for _, tt := range tests {
		if got := describe(lintWith(t, tt.rule, tt.transcript)); got != tt.want {
			t.Errorf("rule\n%s\ntranscript%s\nfindings %q, want %q", tt.rule, tt.transcript, got, tt.want)
		}
	}
}

// TestDelayText: a measured delay is written to the millisecond, rounded
// up, so that a delay over a limit never reads as the limit.
func TestDelayText(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0s"},
		{25*time.Second + 376543211, "25.377s"},
		{20*time.Second + 400, "20.001s"},
		{30 * time.Second, "30s"},
		{2*time.Minute + 1500*time.Millisecond, "2m1.5s"},
		{26 * time.Hour, "26h"},
	} {
		if got := delayText(tc.d); got != tc.want {
			t.Errorf("delayText(%v) = %q, want %q", tc.d, got, tc.want)
		}
	}
}
