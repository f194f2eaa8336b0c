package check

import "testing"

// TestLateAnswerAfterTransfer: a late answer to a wait during which the
// chat was handed on after the limit had passed is held against the agent
// who handed it on late (who held the chat when the limit passed), not the
// agent it went to, who may have answered at once: a customer left 50 s by
// one agent and answered 5 s after the transfer by the supervisor was kept
// waiting by the first. A transfer before the limit leaves the wait to the
// agent it went to; the finding stays at the late answer either way.
func TestLateAnswerAfterTransfer(t *testing.T) {
	const (
		latency  = "id: r\ntype: latency\nmax: 20s"
		hold     = "id: r\ntype: hold\nafter: 30s\nmatch: substring\nphrases: [请您稍候, 请稍等]"
		holdRep  = "id: r\ntype: hold\nafter: 30s\nrepeat: true\nmatch: substring\nphrases: [请您稍候, 请稍等]"
		greeting = "id: r\ntype: require\nat: first-reply\nwithin: 10s\nmatch: substring\nphrases: [您好]"
		noted    = "id: r\ntype: followup\nmatch: substring\ntrigger: {role: customer, phrases: [改成]}\nexpect: {type: note}\nwithin: 1m"
	)
	tests := []struct {
		name, rule, transcript string
		senders                []string
		at                     int // the finding's message, 1-based
		want                   string
	}{
		{"latency: handed on after 20 s", latency, `
00:00 customer: 你好，我们公司想批发200件，有优惠吗
00:50 agent/transfer: 已为您转接客服主管
00:55 agent: 您好，我是王主管，200件可以给您申请批发价`, []string{"", "客服03", "王主管"}, 3, "客服03"},
		{"latency: handed on in time, answered late", latency, `
00:00 customer: 你好，我们公司想批发200件，有优惠吗
00:05 agent/transfer: 已为您转接客服主管
00:55 agent: 您好，我是王主管，200件可以给您申请批发价`, []string{"", "客服03", "王主管"}, 3, "王主管"},
		{"latency: a system transfer after 20 s: the agent before it", latency, `
00:00 customer: 在吗
00:03 agent: 您好，在的
00:10 customer: 鞋子收到是坏的，怎么办
01:00 system/transfer: 会话已转接至售后客服
01:05 agent: 亲，非常抱歉，麻烦拍一下破损的地方`, []string{"", "小美", "", "", "售后小王"}, 5, "小美"},
		{"latency: a system transfer nobody wrote before: the answerer", latency, `
00:00 customer: 鞋子收到是坏的，怎么办
01:00 system/transfer: 会话已转接至售后客服
01:05 agent: 亲，非常抱歉，麻烦拍一下破损的地方`, []string{"", "", "售后小王"}, 3, "售后小王"},
		{"hold: handed on after 30 s", hold, `
00:00 customer: 帮我查下物流
00:50 agent/transfer: 已为您转接物流专员
00:55 agent: 查到了，今天派送`, []string{"", "客服03", "王主管"}, 3, "客服03"},
		{"hold, repeating: the late stretch is the receiver's", holdRep, `
00:00 customer: 帮我查下物流
00:20 agent: 请稍等，正在查询
00:40 agent/transfer: 已为您转接物流专员
03:00 agent: 查到了，今天派送`, []string{"", "客服03", "客服03", "王主管"}, 4, "王主管"},
		{"require within: handed on after 10 s", greeting, `
00:00 customer: 在吗，想问下批发价
00:30 agent/transfer: 已为您转接客服主管
00:33 agent: 您好，我是王主管，请问要多少件`, []string{"", "客服03", "王主管"}, 3, "客服03"},
		// followup's within: a late note is a slow reply, as latency's
		{"followup within: handed on after 1 m, noted late", noted, `
00:00 customer: 颜色改成蓝色XL
00:05 agent: 好的亲
01:30 agent/transfer: 已为您转接客服主管
01:40 agent/note: 改蓝色XL`, []string{"", "客服03", "客服03", "王主管"}, 4, "客服03"},
		{"followup within: handed on in time, noted late", noted, `
00:00 customer: 颜色改成蓝色XL
00:05 agent: 好的亲
00:30 agent/transfer: 已为您转接客服主管
01:40 agent/note: 改蓝色XL`, []string{"", "客服03", "客服03", "王主管"}, 4, "王主管"},
		// never noted: the finding is at the trigger, held against the
		// agent who held the chat when the note was due when it was
		// handed on after that, not the one who answers next
		{"followup within: never noted, handed on after 1 m", noted, `
00:00 customer: 在吗
00:05 agent: 您好
00:10 customer: 地址改成北京朝阳区
01:30 system/transfer: 会话已转接至售后客服
01:35 agent: 好的，这边为您处理`, []string{"", "客服03", "", "", "售后小王"}, 3, "客服03"},
		{"followup within: never noted, handed on in time", noted, `
00:00 customer: 在吗
00:05 agent: 您好
00:10 customer: 地址改成北京朝阳区
00:30 system/transfer: 会话已转接至售后客服
01:35 agent: 好的，这边为您处理`, []string{"", "客服03", "", "", "售后小王"}, 3, "售后小王"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := conv(t, tt.transcript)
			for i, s := range tt.senders {
				c.Messages[i].Sender = s
			}
			fs, _ := compileOne(t, tt.rule).NewWorker().Check(c)
			if len(fs) != 1 || fs[0].Msg+1 != tt.at {
				t.Fatalf("findings %q, want one at %d", describe(fs), tt.at)
			}
			if fs[0].Agent != tt.want {
				t.Errorf("finding held against %q, want %q", fs[0].Agent, tt.want)
			}
		})
	}
}
