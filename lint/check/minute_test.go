package check

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
)

// minuteConv builds a conversation from a transcript in example notation
// whose messages at times of whole minutes (01:00) have times written to
// the minute (lint.Message.TimeToMinute), as 2026/11/4 9:58 reads, but
// those marked with a trailing " (s)" in their text, which keep their
// seconds as written.
func minuteConv(t *testing.T, transcript string) *lint.Conversation {
	t.Helper()
	c := conv(t, transcript)
	for i := range c.Messages {
		m := &c.Messages[i]
		if text, ok := strings.CutSuffix(m.Text, " (s)"); ok {
			m.Text = text
			continue
		}
		if m.Time.Second() != 0 {
			t.Fatalf("message %d: %v is no time of a whole minute", i+1, m.Time)
		}
		m.TimeToMinute = true
	}
	return c
}

// TestMinuteTimes: times written to the minute (2026/11/4 9:58) are read
// at :00, but the message was sent at some moment of its minute. A timing
// rule decides only what such times prove: a wait is over 20 s only when
// its minutes are two or more apart (over 60 s), never proved within 20 s;
// within 3m when they are at most two apart. What they cannot prove is no
// finding, but the rule is skipped for the conversation, saying why, and
// the conversation carries a note (as one without times does). A finding's
// {delay} says what the times prove: 超过 the least the wait may have
// been.
func TestMinuteTimes(t *testing.T) {
	const (
		slow     = "id: r\ntype: latency\nmax: 20s"
		slow3m   = "id: r\ntype: latency\nmax: 3m"
		hold     = "id: r\ntype: hold\nafter: 30s\nphrases: [稍等]\nmatch: substring"
		holdRep  = "id: r\ntype: hold\nafter: 30s\nrepeat: true\nphrases: [稍等]\nmatch: substring"
		greet    = "id: r\ntype: require\nat: first-reply\nwithin: 10s\nphrases: [您好]\nmatch: substring"
		note     = "id: r\ntype: followup\ntrigger: {role: customer, phrases: [改地址], match: substring}\nexpect: {role: agent, phrases: [已备注], match: substring}\nwithin: 30m"
		remind   = "id: r\ntype: followup\ntrigger: {role: system, type: order, phrases: [待付款], match: substring}\nexpect: {role: agent, phrases: [付款], match: substring}\nunless: {role: system, phrases: [已付款], match: substring}\nwithin: 30m"
		skipSlow = "times written to the minute: a reply within 20s cannot be told from them"
	)
	tests := []struct {
		name, rule, transcript string
		want                   string // findings (describe)
		msg                    string // the first finding's message, if any
		skip                   string // the reason the rule is skipped, if it is
	}{
		// latency, 20 s
		{name: "same minute: 0 to 59 s", rule: slow, transcript: "00:00 customer: 在吗\n00:00 agent: 在的", skip: skipSlow},
		{name: "next minute: 1 to 119 s, no finding", rule: slow, transcript: "00:00 customer: 在吗\n01:00 agent: 在的", skip: skipSlow},
		{name: "two minutes on: over 60 s", rule: slow, transcript: "00:00 customer: 在吗\n02:00 agent: 在的",
			want: "2", msg: "顾客等待超过1m才得到回复（上限20s）"},
		{name: "one of each", rule: slow, transcript: "00:00 customer: 在吗\n05:00 agent: 在的\n06:00 customer: 有货吗\n06:00 agent: 有的",
			want: "2", msg: "顾客等待超过4m才得到回复（上限20s）", skip: skipSlow},
		// latency, 3m: within when two minutes apart at most
		{name: "3m: two minutes apart", rule: slow3m, transcript: "00:00 customer: 在吗\n02:00 agent: 在的"},
		{name: "3m: three minutes apart", rule: slow3m, transcript: "00:00 customer: 在吗\n03:00 agent: 在的",
			skip: "times written to the minute: a reply within 3m cannot be told from them"},
		{name: "3m: four minutes apart", rule: slow3m, transcript: "00:00 customer: 在吗\n04:00 agent: 在的",
			want: "2", msg: "顾客等待超过3m才得到回复（上限3m）"},
		// a time with seconds beside one to the minute: at least
		{name: "answer to the minute", rule: slow, transcript: "00:30 customer: 在吗 (s)\n01:00 agent: 在的",
			want: "2", msg: "顾客等待至少30s才得到回复（上限20s）"},
		{name: "question to the minute", rule: slow, transcript: "00:00 customer: 在吗\n00:50 agent: 在的 (s)", skip: skipSlow},
		{name: "question to the minute, answer late", rule: slow, transcript: "00:00 customer: 在吗\n01:30 agent: 在的 (s)",
			want: "2", msg: "顾客等待超过30s才得到回复（上限20s）"},
		// hold, 30 s
		{name: "hold: answer next minute", rule: hold, transcript: "00:00 customer: 查下订单\n01:00 agent: 查到了",
			skip: "times written to the minute: a holding message within 30s cannot be told from them"},
		{name: "hold: answer three minutes on", rule: hold, transcript: "00:00 customer: 查下订单\n03:00 agent: 查到了",
			want: "2", msg: "顾客等待超过2m，超过30s却没有先发「稍等」之类的安抚消息"},
		{name: "hold: holding message two minutes on", rule: hold, transcript: "00:00 customer: 查下订单\n02:00 agent: 请稍等\n09:00 agent: 查到了",
			want: "3", msg: "顾客等待超过8m，超过30s却没有先发「稍等」之类的安抚消息"},
		{name: "hold: holding message in the minute", rule: hold, transcript: "00:00 customer: 查下订单\n00:00 agent: 请稍等\n09:00 agent: 查到了",
			skip: "times written to the minute: a holding message within 30s cannot be told from them"},
		{name: "hold, repeating: a stretch proved over", rule: holdRep, transcript: "00:00 customer: 查下订单\n00:00 agent: 请稍等\n05:00 agent: 查到了",
			want: "3", msg: "顾客等待超过4m，超过30s却没有先发「稍等」之类的安抚消息"},
		{name: "hold: no answer, late holding message", rule: hold, transcript: "00:00 customer: 查下订单\n03:00 agent: 请稍等",
			want: "2", msg: "顾客等待超过2m，超过30s却没有先发「稍等」之类的安抚消息"},
		{name: "hold: no answer, holding message next minute", rule: hold, transcript: "00:00 customer: 查下订单\n01:00 agent: 请稍等",
			skip: "times written to the minute: a holding message within 30s cannot be told from them"},
		// require within 10 s
		{name: "require: reply next minute", rule: greet, transcript: "00:00 customer: 在吗\n01:00 agent: 您好",
			skip: "times written to the minute: within 10s cannot be told from them"},
		{name: "require: reply two minutes on", rule: greet, transcript: "00:00 customer: 在吗\n02:00 agent: 您好",
			want: "2:您好", msg: "规定用语在顾客来信超过1m后才出现（应在10s内）"},
		// a last reply before the customer's last word, in its minute:
		// not late (as with seconds, its delay is not above 0)
		{name: "require at the last reply: before the customer's last word", rule: "id: r\ntype: require\nat: last-reply\nwithin: 10s\nphrases: [再见]\nmatch: substring",
			transcript: "00:00 customer: 在吗\n00:00 agent: 在的\n03:00 agent: 再见\n03:00 customer: 谢谢"},
		// followup within 30m
		{name: "followup: 29 minutes on", rule: note, transcript: "00:00 customer: 帮我改地址\n29:00 agent: 已备注"},
		{name: "followup: 30 minutes on", rule: note, transcript: "00:00 customer: 帮我改地址\n30:00 agent: 已备注",
			skip: "times written to the minute: within 30m cannot be told from them"},
		{name: "followup: 31 minutes on", rule: note, transcript: "00:00 customer: 帮我改地址\n31:00 agent: 已备注",
			want: "2:已备注", msg: "「改地址」之后的跟进用了超过30m（应在30m内）"},
		// an unless message the times cannot place before the deadline
		// or after it: no finding, skipped
		{name: "unless: 30 minutes on", rule: remind, transcript: "00:00 system/order: 待付款\n30:00 system: 已付款",
			skip: "times written to the minute: within 30m cannot be told from them"},
		{name: "unless: 31 minutes on", rule: remind, transcript: "00:00 system/order: 待付款\n31:00 system: 已付款",
			want: "1:待付款"},
		{name: "unless: 29 minutes on", rule: remind, transcript: "00:00 system/order: 待付款\n29:00 system: 已付款"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := minuteConv(t, tt.transcript)
			fs, skips := compileOne(t, tt.rule).NewWorker().Check(c)
			if got := describe(fs); got != tt.want {
				t.Errorf("findings %q, want %q", got, tt.want)
			}
			if tt.msg != "" && len(fs) > 0 && fs[0].Message != tt.msg {
				t.Errorf("message %q, want %q", fs[0].Message, tt.msg)
			}
			why := ""
			if len(skips) > 0 {
				why = skips[0].Reason
			}
			if why != tt.skip {
				t.Errorf("skipped %q, want %q", why, tt.skip)
			}
			if noted := slices.Contains(c.Notes, lint.NoteMinuteTimes); noted != (tt.skip != "") {
				t.Errorf("notes %q: the note of times to the minute %v, want %v", c.Notes, noted, tt.skip != "")
			}
		})
	}
}

// TestMinuteTimesWithSecondsUnchanged: a conversation whose times all
// carry seconds is judged by elapsed as before, whatever the other
// conversations' times: judge agrees with elapsed > limit for them.
func TestMinuteTimesWithSecondsUnchanged(t *testing.T) {
	base := time.Date(2026, 11, 4, 10, 0, 0, 0, time.UTC)
	c := &lint.Conversation{Timed: true, Messages: make([]lint.Message, 2)}
	cv := &Conv{Conversation: c}
	for _, d := range []time.Duration{0, time.Second, 20 * time.Second, 20*time.Second + 1, 59 * time.Second, time.Minute, 61 * time.Second, time.Hour} {
		c.Messages[0].Time, c.Messages[1].Time = base, base.Add(d)
		for _, limit := range []time.Duration{0, 20 * time.Second, time.Minute, 3 * time.Minute} {
			want := inLimit
			if d > limit {
				want = overLimit
			}
			if got := cv.judge(1, 0, limit); got != want {
				t.Errorf("judge(%v apart, %v) = %v, want %v", d, limit, got, want)
			}
		}
	}
	if cv.minuteTimes() {
		t.Errorf("minuteTimes: true for times with seconds")
	}
}
