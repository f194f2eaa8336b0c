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
// transfer, in 10 s, and callcenter/hold-timeout a holding message.
func TestTransferBuiltin(t *testing.T) {
	const chat = `
00:00 customer: 您好，我们公司想批发200件，有优惠吗
00:04 agent/transfer: 已为您转接客服主管
00:45 agent: 您好，我是王主管，200件可以给您申请批发价，请问需要哪些颜色？`
	tests := []struct{ pack, rule, want string }{
		{"ecommerce", "ecommerce/slow-reply", "3"},
		{"callcenter", "callcenter/greeting-within-10s", "1"},
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
