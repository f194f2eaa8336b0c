package check

import "testing"

func TestRequireFirstReply(t *testing.T) {
	const rule = "id: greet\ntype: require\nat: first-reply\nwithin: 10s\nphrases: [您好, 亲]"
	tests := []struct {
		name, transcript, want string
	}{
		{"greeting in time", "00:00 customer: 在吗\n00:05 agent: 您好，在的", ""},
		{"exactly within", "00:00 customer: 在吗\n00:10 agent: 亲，在的", ""},
		{"late greeting: at the reply", "00:00 customer: 在吗\n00:11 agent: 您好，在的", "2:您好"},
		{"missing greeting: at the customer's first message", "00:00 customer: 在吗\n00:03 agent: 在的，要什么", "1"},
		{"greeting only in the second reply", "00:00 customer: 在吗\n00:03 agent: 稍等\n00:05 agent: 您好", "1"},
		{"no reply at all", "00:00 customer: 在吗\n00:30 customer: 人呢", "1"},
		{"亲自 is no greeting", "00:00 customer: 在吗\n00:03 agent: 我亲自帮您看", "1"},
		{"agent writes first", "00:00 agent: 亲，您的快递到了\n00:30 customer: 好的", ""},
		{"agent writes first without greeting", "00:00 agent: 快递到了\n00:30 customer: 好的", "1"},
		{"customer only messages before a late first reply", "00:00 customer: 在吗\n00:05 customer: 人呢\n00:20 agent: 您好", "3:您好"},
		{"traditional greeting", "00:00 customer: 在嗎\n00:02 agent: 您好，請問", ""},
		{"empty conversation side", "00:00 system/order: 买家已付款", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRequireLastReply(t *testing.T) {
	const rule = "id: bye\ntype: require\nat: last-reply\nphrases: [再见, 欢迎再次光临, 祝您生活愉快]"
	tests := []struct {
		name, transcript, want string
	}{
		{"farewell last", "customer: 谢谢\nagent: 不客气，欢迎再次光临", ""},
		{"farewell not last", "customer: 谢谢\nagent: 再见\nagent: 还有别的问题吗", "3"},
		{"no farewell: at the last reply", "customer: 好的\nagent: 嗯嗯", "2"},
		{"no reply at all: at the customer", "customer: 好的", "1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRequireAnywhere(t *testing.T) {
	const rule = "id: thanks\ntype: require\nwithin: 1m\nphrases: [谢谢, 感谢]"
	tests := []struct {
		name, transcript, want string
	}{
		{"said somewhere in time", "00:00 customer: 在吗\n00:05 agent: 在的\n00:40 agent: 好的谢谢", ""},
		{"said too late", "00:00 customer: 在吗\n00:05 agent: 在的\n01:01 agent: 谢谢", "3:谢谢"},
		{"never said", "00:00 customer: 在吗\n00:05 agent: 在的", "1"},
		{"said by the customer only", "00:00 customer: 谢谢\n00:05 agent: 不客气", "1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRequireUntimedSkipsOnlyWithin(t *testing.T) {
	set := compileOne(t, "id: greet\ntype: require\nat: first-reply\nwithin: 10s\nphrases: [您好]")
	fs, skipped := set.NewWorker().Check(conv(t, "customer: 在吗\nagent: 在的"))
	if describe(fs) != "1" || len(skipped) != 0 {
		t.Errorf("missing greeting is checkable without times: %v %v", describe(fs), skipped)
	}
	fs, skipped = set.NewWorker().Check(conv(t, "customer: 在吗\nagent: 您好"))
	if len(fs) != 0 || len(skipped) != 1 {
		t.Errorf("the 10s window cannot be checked without times: %v %v", describe(fs), skipped)
	}
}
