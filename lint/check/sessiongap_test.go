package check

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/rules"
)

// TestSessionGap: with session_gap, a customer message that comes more
// than it after the message before it (the customer came back the next
// morning) starts the wait anew in latency and hold, so that a 那我明天再来问问
// left unanswered at 21:51 is not an 11-hour wait for the answer to the
// next morning's question; without it, or with a shorter silence, the wait
// runs from the earliest unanswered message as ever, and an answer that
// itself comes after the silence, to nothing asked since, is late.
func TestSessionGap(t *testing.T) {
	const latency = "id: slow\ntype: latency\nmax: 20s"
	const hold = "id: hold\ntype: hold\nafter: 30s\nmatch: substring\nphrases: [稍等]"
	const gap = "\nsession_gap: 2h"
	const night = "00:00 customer: 这件外套有L码吗\n00:10 agent: 亲，L码有的\n01:00 customer: 那我明天再来问问\n" +
		"11:12:00 customer: 在吗，昨天问的外套今天能发货吗\n11:12:15 agent: 今天下午四点前下单当天发"
	tests := []struct{ name, rule, transcript, want string }{
		{"latency: without session_gap the night is waited", latency, night, "5"},
		{"latency: the customer came back", latency + gap, night, ""},
		{"latency: the new session's wait is still measured", latency + gap,
			strings.Replace(night, "11:12:15 agent", "11:12:45 agent", 1), "5"},
		{"latency: a shorter silence is one session", latency + gap,
			"00:00 customer: 这件外套有L码吗\n00:10 agent: 亲，L码有的\n01:00 customer: 能便宜点吗\n" +
				"1:30:00 customer: 在吗\n1:30:05 agent: 已经是活动价了", "5"},
		{"latency: an answer after the silence to nothing new is late", latency + gap,
			"00:00 customer: 这件外套有L码吗\n00:10 agent: 亲，L码有的\n01:00 customer: 能便宜点吗\n" +
				"11:12:00 agent: 亲，已经是活动价了", "4"},
		{"latency: the customer's two messages after the silence wait together", latency + gap,
			night + "\n11:13:00 customer: 发什么快递\n11:13:10 customer: 在吗\n11:13:40 agent: 中通", "8"},
		// what the system or a bot logs as the customer comes back is
		// no message of the session before: the customer's is still
		// the first after the silence
		{"latency: a system notice as the customer comes back", latency + gap,
			strings.Replace(night, "11:12:00 customer", "11:11:58 system: 顾客进入会话\n11:12:00 customer", 1), ""},
		{"latency: a bot's welcome as the customer comes back", latency + gap,
			strings.Replace(night, "11:12:00 customer", "11:11:59 bot: 欢迎光临，有什么可以帮您\n11:12:00 customer", 1), ""},
		{"hold: without session_gap the night is waited", hold, night, "5"},
		{"hold: the customer came back", hold + gap, night, ""},
		{"hold: a holding message before the silence is not this session's", hold + gap,
			"00:00 customer: 发票开了吗\n00:10 agent: 请您稍等\n01:00 customer: 好\n" +
				"11:12:00 customer: 发票呢\n11:13:00 agent: 开好了", "5"},
		{"hold: a wait the chat ends in, held before the silence", hold,
			"00:00 customer: 发票开了吗\n00:10 agent: 请您稍等\n11:12:00 customer: 发票呢\n11:13:00 agent: 请您稍等", ""},
		{"hold: a wait the chat ends in, held late in its session", hold + gap,
			"00:00 customer: 发票开了吗\n00:10 agent: 请您稍等\n11:12:00 customer: 发票呢\n11:13:00 agent: 请您稍等", "4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, tt.rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSessionGapMinutes: times written to the minute resume the wait as
// times to the second do.
func TestSessionGapMinutes(t *testing.T) {
	set := compileOne(t, "id: slow\ntype: latency\nmax: 20s\nsession_gap: 2h")
	c := conv(t, "00:00 customer: 有L码吗\n00:10 agent: 有的\n01:00 customer: 那我明天再来问问\n"+
		"11:12:00 customer: 今天能发货吗\n11:12:00 agent: 能")
	for i := range c.Messages {
		c.Messages[i].TimeToMinute = true
	}
	fs, skips := set.NewWorker().Check(c)
	if len(fs) != 0 {
		t.Errorf("findings %q, want none", describe(fs))
	}
	if len(skips) != 1 {
		t.Errorf("skips %v, want the minute's one", skips)
	}
}

// TestSessionGapValidated: session_gap belongs to latency and hold, and
// must be longer than their limit.
func TestSessionGapValidated(t *testing.T) {
	tests := []struct{ rule, want string }{
		{"id: r\ntype: latency\nmax: 20s\nsession_gap: 2h", ""},
		{"id: r\ntype: latency\nmax: 20s\nsession_gap: 10s", "session_gap 10s must be longer than max (20s)"},
		{"id: r\ntype: hold\nafter: 30s\nphrases: [稍等]\nsession_gap: 30s", "session_gap 30s must be longer than after (30s)"},
		{"id: r\ntype: forbid\nphrases: [不行]\nsession_gap: 2h", "session_gap"},
	}
	for _, tt := range tests {
		var b strings.Builder
		b.WriteString("pack: t\nrules:\n")
		for i, line := range strings.Split(tt.rule, "\n") {
			if i == 0 {
				b.WriteString("  - " + line + "\n")
			} else {
				b.WriteString("    " + line + "\n")
			}
		}
		_, err := rules.LoadBytes("t.yaml", []byte(b.String()))
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%q: %v", tt.rule, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%q: error %v, want one saying %q", tt.rule, err, tt.want)
		}
	}
}
