package check

import (
	"testing"

	"github.com/chatlint/chatlint/rules"
)

// TestTransferIsNoAnswer: a transfer event (type transfer, the chat handed to
// another agent, a supervisor or after-sales) answers nothing the customer
// asked, whoever it is logged under: the wait runs on to the next real reply
// (003 篇二十 1: 顧客等待時間不能超過20秒; 000 二.10: 转接给客服主管接待), a
// chat handed on and then left is unanswered (001 二.3), and the first reply
// that must greet is the first real one.
func TestTransferIsNoAnswer(t *testing.T) {
	const (
		latency      = "id: r\ntype: latency\nmax: 20s"
		latencyAgSys = "id: r\ntype: latency\nrole: [agent, system]\nmax: 20s"
		hold         = "id: r\ntype: hold\nafter: 30s\nmatch: substring\nphrases: [请您稍候, 请稍等]"
		unanswered   = "id: r\ntype: unanswered"
		unansAgSys   = "id: r\ntype: unanswered\nrole: [agent, system]"
		greeting     = "id: r\ntype: require\nat: first-reply\nwithin: 10s\nmatch: substring\nphrases: [您好]"
		farewell     = "id: r\ntype: require\nat: last-reply\nmatch: substring\nphrases: [再见]"
	)
	tests := []struct {
		name, rule, transcript, want string
	}{
		{"latency: an agent's transfer does not stop the clock", latency, `
00:00 customer: 你好，我们公司想批发200件，有优惠吗
00:05 agent/transfer: 已为您转接客服主管
00:40 agent: 您好，我是王主管，200件可以给您申请批发价`, "3"},
		{"latency: a system transfer under role [agent, system] neither", latencyAgSys, `
00:00 customer: 鞋子收到是坏的，怎么办
00:03 system/transfer: 会话已转接至售后客服
00:35 agent: 亲，非常抱歉，麻烦拍一下破损的地方`, "3"},
		{"latency: the receiving agent in time is no finding", latency, `
00:00 customer: 你好，我们公司想批发200件，有优惠吗
00:05 agent/transfer: 已为您转接客服主管
00:18 agent: 您好，我是王主管，200件可以给您申请批发价`, ""},
		{"latency: a system message still answers under role [agent, system]", latencyAgSys, `
00:00 customer: 付好了
00:02 system: 您的订单已付款成功
00:40 agent: 好的亲，马上安排发货`, ""},
		{"hold: a transfer that says nothing does not end the wait", hold, `
00:00 customer: 我的快递三天没动了，帮我查查
00:10 agent/transfer: 会话已转接给物流专员
01:00 agent: 查到了，包裹在中转站滞留，今天会发出`, "3"},
		{"hold: a transfer saying 请您稍候 holds", hold, `
00:00 customer: 我的快递三天没动了，帮我查查
00:10 agent/transfer: 正在为您转接物流专员，请您稍候
01:00 agent: 查到了，包裹在中转站滞留，今天会发出`, ""},
		{"unanswered: handed on and left", unanswered, `
00:00 customer: 你好，衣服洗了一次就起球了
00:05 agent: 亲，非常抱歉，我帮您转售后处理
00:10 customer: 好，那要多久
00:12 agent/transfer: 已为您转接售后客服`, "3"},
		{"unanswered: a system transfer under role [agent, system] neither", unansAgSys, `
00:00 customer: 你好，衣服洗了一次就起球了
00:12 system/transfer: 会话已转接至售后客服`, "1"},
		{"unanswered: handed on and answered", unanswered, `
00:00 customer: 你好，衣服洗了一次就起球了
00:12 agent/transfer: 已为您转接售后客服
00:40 agent: 您好，我是售后小李，麻烦拍一下起球的地方`, ""},
		{"require first-reply: the transfer is not the reply that greets", greeting, `
00:00 customer: 在吗，想问下批发价
00:02 agent/transfer: 已为您转接客服主管
00:20 agent: 您好，我是王主管，请问要多少件`, "3:您好"},
		{"require first-reply: a transfer without text is not a reply either", greeting, `
00:00 customer: 在吗
00:02 agent/transfer: 转接
00:05 agent: 您好，请问有什么可以帮您`, ""},
		{"require last-reply: the farewell is looked for in the last real reply", farewell, `
00:00 customer: 好的，谢谢
00:05 agent: 不客气，祝您生活愉快，再见
00:06 agent/transfer: 会话已结束并转入留言队列`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, tt.rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTransferBuiltin runs the built-in timing rules on a chat whose first
// answer is a transfer: ecommerce/slow-reply measures the customer's wait to
// the supervisor's reply, callcenter/greeting-within-10s wants a reply, not a
// transfer, in 10 s, and callcenter/hold-timeout a holding message. Each
// finds the late reply.
func TestTransferBuiltin(t *testing.T) {
	const chat = `
00:00 customer: 您好，我们公司想批发200件，有优惠吗
00:04 agent/transfer: 已为您转接客服主管
00:45 agent: 您好，我是王主管，200件可以给您申请批发价，请问需要哪些颜色？`
	tests := []struct{ pack, rule, want string }{
		{"ecommerce", "ecommerce/slow-reply", "3"},
		{"callcenter", "callcenter/greeting-within-10s", "3"},
		{"callcenter", "callcenter/hold-timeout", "3"},
		{"callcenter", "callcenter/unanswered-at-end", ""},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			set, err := rules.Load(tt.pack)
			if err != nil {
				t.Fatal(err)
			}
			cs, err := Compile(set, Options{Only: map[string]bool{tt.rule: true}})
			if err != nil {
				t.Fatal(err)
			}
			fs, _ := cs.NewWorker().Check(conv(t, chat))
			if got := describe(fs); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTransferAgent: a finding nobody answered after the chat was handed on
// is held against the agent it was handed to when the conversation says who
// (the one who writes after the transfer, or one the transfer names), and
// against no agent when it went to a queue nobody picked up: the agent who
// handed it on did answer, by handing it on (000 二.10 转接给客服主管接待).
// A finding at a question answered after a transfer is the answerer's.
func TestTransferAgent(t *testing.T) {
	const (
		unanswered = "id: r\ntype: unanswered"
		greeting   = "id: r\ntype: require\nat: first-reply\nmatch: substring\nphrases: [您好]"
	)
	tests := []struct {
		name, rule, transcript string
		senders                []string // per message; "" keeps the example's
		want                   string   // the finding's agent
	}{
		{"handed to a queue and left: no agent", unanswered, `
00:00 customer: 你好，衣服洗了一次就起球了
00:05 agent: 亲，非常抱歉，我帮您转售后处理
00:10 customer: 好，那要多久
00:12 agent/transfer: 已为您转接售后客服`, []string{"", "小美", "", "小美"}, ""},
		{"handed on, then asked, and left: no agent", unanswered, `
00:00 customer: 你好，衣服洗了一次就起球了
00:05 agent: 亲，非常抱歉，我帮您转售后处理
00:12 agent/transfer: 已为您转接售后客服
00:30 customer: 在吗？售后什么时候回我`, []string{"", "小美", "", ""}, ""},
		{"a system transfer to a queue: no agent", unanswered, `
00:00 customer: 鞋子收到是坏的，怎么办
00:03 agent: 亲，我帮您转售后
00:05 system/transfer: 会话已转接至售后客服
00:40 customer: 人呢？`, []string{"", "小美", "", ""}, ""},
		{"the receiver wrote a note but never replied", unanswered, `
00:00 customer: 你好，我们公司想批发200件，有优惠吗
00:05 agent/transfer: 已为您转接客服主管
00:20 agent/note: 批发客户，稍后回电
00:30 customer: 还在吗？`, []string{"", "客服03", "王主管", ""}, "王主管"},
		{"the transfer names an agent who wrote before", unanswered, `
00:00 customer: 你好，上次买的那批起球很厉害
00:05 agent: 亲，您先别急，我请王主管来看
00:09 agent: 您好，起球的事我帮您转给主管处理
00:10 system/transfer: 会话已转接给 王主管
00:30 customer: 好的，那主管怎么说？`, []string{"", "王主管", "客服03", "", ""}, "王主管"},
		{"not handed on: the last agent before", unanswered, `
00:00 customer: 你好，衣服洗了一次就起球了
00:05 agent: 亲，非常抱歉，麻烦拍一下起球的地方
00:30 customer: 好的，照片发你了`, []string{"", "小美", ""}, "小美"},
		{"answered after the transfer: the answerer", greeting, `
00:00 customer: 在吗，想问下批发价
00:02 agent/transfer: 已为您转接客服主管
00:20 agent: 我是王主管，请问要多少件`, []string{"", "客服03", "王主管"}, "王主管"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := conv(t, tt.transcript)
			for i, s := range tt.senders {
				if s != "" {
					c.Messages[i].Sender = s
				}
			}
			fs, _ := compileOne(t, tt.rule).NewWorker().Check(c)
			if len(fs) != 1 {
				t.Fatalf("findings %q, want one", describe(fs))
			}
			if fs[0].Agent != tt.want {
				t.Errorf("finding at %d held against %q, want %q", fs[0].Msg+1, fs[0].Agent, tt.want)
			}
		})
	}
}

// TestTransferIsNoWordNorQuestion: a transfer event is not the agent
// speaking (a count rule's "did the agent say anything" test), does not use
// up a followup's within_messages window (as notes do not), and, logged
// under the customer (the customer pressing 转人工), is no question that
// starts a wait.
func TestTransferIsNoWordNorQuestion(t *testing.T) {
	const (
		please      = "id: r\ntype: count\nwhen: {phrases: [请, 麻烦您], match: substring}\nmin_count: 1"
		apologise   = "id: r\ntype: followup\ntrigger: {phrases: [投诉], match: substring}\nexpect: {phrases: [抱歉], match: substring}\nwithin_messages: 1"
		transferred = "id: r\ntype: followup\ntrigger: {phrases: [投诉], match: substring}\nexpect: {type: transfer, phrases: [投诉专员], match: substring}\nwithin_messages: 1"
		latency     = "id: r\ntype: latency\nmax: 20s"
		hold        = "id: r\ntype: hold\nafter: 30s\nmatch: substring\nphrases: [请您稍候, 请稍等]"
		greeting    = "id: r\ntype: require\nat: first-reply\nwithin: 10s\nmatch: substring\nphrases: [您好]"
	)
	tests := []struct {
		name, rule, transcript, want string
	}{
		{"count: an agent who only transferred did not speak", please, `
00:00 customer: 你好，衣服洗了一次就起球了
00:05 agent/transfer: 已为您转接售后客服`, ""},
		{"count: an agent who spoke without 请 is still counted", please, `
00:00 customer: 你好，衣服洗了一次就起球了
00:05 agent: 亲，这边帮您转售后
00:06 agent/transfer: 已为您转接售后客服`, "1"},
		{"within_messages: the transfer does not use up the window", apologise, `
00:00 customer: 我要投诉，快递员把包裹扔在门口就走了
00:05 agent/transfer: 已为您转接投诉专员
00:30 agent: 非常抱歉给您带来不好的体验，我马上登记处理`, ""},
		{"within_messages: a reply without the apology still does", apologise, `
00:00 customer: 我要投诉，快递员把包裹扔在门口就走了
00:05 agent: 您说的是哪个订单？
00:30 agent: 非常抱歉给您带来不好的体验`, "1:投诉"},
		{"within_messages: an expect of transfers counts them", transferred, `
00:00 customer: 我要投诉，快递员把包裹扔在门口就走了
00:05 agent/transfer: 会话已转入留言队列
00:06 agent/transfer: 已为您转接投诉专员`, "1:投诉"},
		{"latency: the customer's 转人工 starts no wait", latency, `
00:00 bot: 您好，我是智能助手小蜜，请问有什么可以帮您
00:05 customer/transfer: 转人工服务
00:50 customer: 你好，我买的空调什么时候上门安装
00:55 agent: 您好，我帮您查一下安装预约`, ""},
		{"latency: the question after it still waits", latency, `
00:00 customer/transfer: 转人工服务
00:10 customer: 你好，我买的空调什么时候上门安装
00:55 agent: 您好，我帮您查一下安装预约`, "3"},
		{"hold: the customer's 转人工 starts no wait", hold, `
00:00 customer/transfer: 转人工服务
01:00 customer: 我的快递三天没动了，帮我查查
01:10 agent: 查到了，包裹在中转站滞留，今天会发出`, ""},
		{"require within: measured from the first question, not 转人工", greeting, `
00:00 customer/transfer: 转人工服务
00:30 customer: 在吗，想问下批发价
00:33 agent: 您好，请问要多少件`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, tt.rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}
