package check

import "testing"

func TestLatency(t *testing.T) {
	const rule = "id: slow\ntype: latency\nmax: 20s"
	tests := []struct {
		name, transcript, want string
	}{
		{"exactly max is not slow", "00:00 customer: 在吗\n00:20 agent: 在的", ""},
		{"one second over", "00:00 customer: 在吗\n00:21 agent: 在的", "2"},
		{"from the earliest unanswered message", "00:00 customer: 在吗\n00:15 customer: 有人吗\n00:25 agent: 在的", "3"},
		{"answered then asked again", "00:00 customer: 在吗\n00:05 agent: 在的\n00:10 customer: 发什么快递\n00:31 agent: 中通", "4"},
		{"bot is not an answer", "00:00 customer: 在吗\n00:01 bot: 自动回复：客服马上来\n00:30 agent: 在的", "3"},
		{"system is not an answer", "00:00 customer: 在吗\n00:02 system/transfer: 转接中\n00:21 agent: 在的", "3"},
		{"a note is not an answer", "00:00 customer: 改成蓝色\n00:05 agent/note: 改蓝色\n00:30 agent: 好的", "3"},
		{"agent first, no wait", "00:00 agent: 您好\n01:00 agent: 还在吗", ""},
		{"unanswered at the end is not latency", "00:00 customer: 在吗", ""},
		{"two slow replies", "00:00 customer: a\n01:00 agent: b\n01:10 customer: c\n02:00 agent: d", "2 4"},
		{"hours", "00:00:00 customer: a\n01:00:00 agent: b", "2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLatencyBotAsAnswerer(t *testing.T) {
	rule := "id: slow\ntype: latency\nrole: [agent, bot]\nmax: 20s"
	if got := describe(lintWith(t, rule, "00:00 customer: 在吗\n00:01 bot: 在的\n00:40 agent: 您好")); got != "" {
		t.Errorf("with role [agent, bot] the bot answers: %q", got)
	}
}

func TestLatencyMessage(t *testing.T) {
	fs := lintWith(t, "id: slow\ntype: latency\nmax: 20s", "00:00 customer: 在吗\n01:30 agent: 在的")
	if len(fs) != 1 || fs[0].Message != "顾客等待1m30s才得到回复（上限20s）" {
		t.Errorf("findings = %+v", fs)
	}
}

func TestLatencyUntimedIsSkipped(t *testing.T) {
	set := compileOne(t, "id: slow\ntype: latency\nmax: 20s")
	c := conv(t, "customer: 在吗\nagent: 在的")
	fs, skipped := set.NewWorker().Check(c)
	if len(fs) != 0 || len(skipped) != 1 || skipped[0].Rule != "t/slow" {
		t.Errorf("findings %v skipped %v", fs, skipped)
	}
}
