package check

import "testing"

// TestRoleOnlyCondition: a condition holding only a role narrows the roles
// of the message it is asked of: a bot exempt from a refusal's apology
// (then: {any_of: [{role: bot}, …]}), a bot's messages that hold but never
// answer in a hold rule (not_an_answer: {role: bot}), a system event left
// out of a when (not: {role: system}).
func TestRoleOnlyCondition(t *testing.T) {
	const (
		apology = "id: r\ntype: when\nrole: [agent, bot]\nwhen: {phrases: [无法], match: substring}\nthen: {any_of: [{role: bot}, {starts_with: [非常抱歉]}]}"
		hold    = "id: r\ntype: hold\nrole: [agent, bot]\nafter: 30s\nmatch: substring\nphrases: [请您稍候, 请稍等]\nnot_an_answer: {role: bot}"
		refund  = "id: r\ntype: when\nrole: [agent, system]\nwhen: {all_of: [{phrases: [退款成功], match: substring}, {not: {role: system}}]}\nmessage: 退款结果应以系统通知为准，客服不应自行告知退款成功"
	)
	tests := []struct {
		name, rule, transcript, want string
	}{
		{"then: the bot is exempt, the agent is not", apology, `
00:00 customer: 能帮我改成明天送吗
00:02 bot: 无法修改配送时间，请联系人工客服
00:10 customer: 转人工
00:20 agent: 这个无法修改的，亲
00:30 agent: 非常抱歉，配送时间下单后无法修改`, "4:无法"},
		{"not_an_answer: the bot's reply does not end the wait", hold, `
00:00 customer: 我的快递三天没动了，帮我查查
00:02 bot: 您可以在订单详情里查看物流信息
01:00 agent: 查到了，包裹在中转站滞留，今天会发出`, "3"},
		{"not_an_answer: the bot's 请稍等 still holds", hold, `
00:00 customer: 我的快递三天没动了，帮我查查
00:02 bot: 正在为您转人工客服，请稍等
00:25 agent: 请您稍候，我联系一下快递
01:00 agent: 查到了，包裹在中转站滞留，今天会发出`, ""},
		{"not: the system's own notice is no finding", refund, `
00:00 customer: 我的退款到账了吗
00:05 system: 退款成功，款项将原路退回
00:10 agent: 亲，退款成功了，请注意查收`, "3:退款成功"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, tt.rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}
