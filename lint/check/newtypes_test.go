package check

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

func TestCount(t *testing.T) {
	polite := "id: polite\ntype: count\nwhen: {match: substring, phrases: [请, 谢谢]}\nmin_count: 1"
	tests := []struct{ name, rule, transcript, want string }{
		{"one is enough", polite, "customer: 在吗\nagent: 请稍等", ""},
		{"none: at the customer's first message", polite, "customer: 在吗\nagent: 在的\nagent: 好了", "1"},
		{"no agent at all: nothing to count", polite, "customer: 在吗", ""},
		{"customers' words do not count", polite, "customer: 谢谢\nagent: 嗯", "1"},
		{"at most 2: the third is over", "id: sorry\ntype: count\nwhen: {phrases: [抱歉]}\nmax_count: 2", "agent: 抱歉\nagent: 抱歉抱歉\nagent: 好", "2"},
		{"exactly max is fine", "id: sorry\ntype: count\nwhen: {phrases: [抱歉]}\nmax_count: 2", "agent: 抱歉\nagent: 抱歉", ""},
		{"messages, not hits, with a quantifier", "id: m\ntype: count\nwhen: {match: substring, phrases: [请, 谢谢], quantifier: all}\nmin_count: 2", "customer: 在吗\nagent: 请稍等，谢谢\nagent: 请请请", "1"},
		// quantifier: any is the default written out: hits are counted all the same
		{"at most 2 with quantifier: any", "id: sorry\ntype: count\nwhen: {phrases: [抱歉], quantifier: any}\nmax_count: 2", "agent: 抱歉\nagent: 抱歉抱歉\nagent: 好", "2"},
		{"hits, not messages, with quantifier: any", "id: m\ntype: count\nwhen: {match: substring, phrases: [请], quantifier: any}\nmin_count: 2", "customer: 在吗\nagent: 请稍等，请坐", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, tt.rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHold(t *testing.T) {
	rule := "id: hold\ntype: hold\nafter: 30s\nmatch: substring\nphrases: [稍等, 还在为您查询]"
	repeat := rule + "\nrepeat: true"
	tests := []struct{ name, rule, transcript, want string }{
		{"answer in time: no hold needed", rule, "00:00 customer: 在吗\n00:30 agent: 在的", ""},
		{"late answer without a hold", rule, "00:00 customer: 在吗\n00:31 agent: 在的", "2"},
		{"held in time", rule, "00:00 customer: 查下物流\n00:10 agent: 请您稍等\n02:00 agent: 已经到您那了", ""},
		{"held too late", rule, "00:00 customer: 查下物流\n00:31 agent: 请您稍等\n02:00 agent: 已经到了", "3"},
		{"hold exactly at the limit", rule, "00:00 customer: 查下物流\n00:30 agent: 请您稍等\n02:00 agent: 到了", ""},
		{"repeat: a hold every 30s", repeat, "00:00 customer: 查下物流\n00:20 agent: 请您稍等\n00:45 agent: 还在为您查询\n01:10 agent: 到了", ""},
		{"repeat: a gap too long", repeat, "00:00 customer: 查下物流\n00:20 agent: 请您稍等\n01:10 agent: 到了", "3"},
		{"without repeat one hold suffices", rule, "00:00 customer: 查下物流\n00:20 agent: 请您稍等\n05:00 agent: 到了", ""},
		// a wait the conversation ends in, with no answer: the agent's
		// messages still show how long the customer had waited by then,
		// and the finding is at the late one
		{"no answer: a late hold", rule, "00:00 customer: 查下物流\n01:00 agent: 请您稍等", "2"},
		{"no answer: a late hold, the customer writing on", rule, "00:00 customer: 查下物流\n01:00 agent: 请您稍等\n01:10 customer: 快点", "2"},
		{"no answer: a hold in time", rule, "00:00 customer: 查下物流\n00:20 agent: 请您稍等\n01:10 customer: 快点", ""},
		{"no answer: without repeat one hold suffices", rule, "00:00 customer: 查下物流\n00:20 agent: 请您稍等\n05:00 agent: 还在为您查询", ""},
		{"no answer: repeat, holds too far apart", repeat, "00:00 customer: 查下物流\n00:20 agent: 请您稍等\n01:30 agent: 还在为您查询", "3"},
		{"no answer: repeat, holds in time", repeat, "00:00 customer: 查下物流\n00:20 agent: 请您稍等\n00:45 agent: 还在为您查询\n01:40 customer: 好慢", ""},
		{"no answer: repeat, the longest stretch", repeat, "00:00 customer: 查下物流\n00:40 agent: 请您稍等\n02:00 agent: 还在为您查询\n02:20 agent: 还在为您查询", "3"},
		{"no answer: a late greeting that answers nothing", rule + "\nnot_an_answer: {phrases: [您好], max_length: 3}", "00:00 customer: 查下物流\n01:00 agent: 您好", "2"},
		{"no answer: a greeting in time, then nothing", rule + "\nnot_an_answer: {phrases: [您好], max_length: 3}", "00:00 customer: 查下物流\n00:05 agent: 您好\n03:00 customer: 人呢", ""},
		{"no answer and no agent: nothing to measure", rule, "00:00 customer: 查下物流\n02:00 customer: 人呢", ""},
		{"no answer: ignored messages start no wait", rule + "\nignore: {phrases: [好的]}", "00:00 customer: 好的\n01:00 agent: 请您稍等", ""},
		{"no answer: the wait starts after ignored ones", rule + "\nignore: {phrases: [好的]}", "00:00 customer: 好的\n00:50 customer: 查下物流\n01:00 agent: 请您稍等", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, tt.rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestHoldDefaultMessage: without a message of its own, a hold rule's
// finding names a holding message of the rule, not 请您稍等, which a rule
// holding with 稍候 does not take for one.
func TestHoldDefaultMessage(t *testing.T) {
	tests := []struct{ rule, want string }{
		{"id: hold\ntype: hold\nafter: 30s\nmatch: substring\nphrases: [稍候, 正在查询]", "顾客等待1m，超过30s却没有先发「稍候」之类的安抚消息"},
		{"id: hold\ntype: hold\nafter: 30s\npatterns: ['稍(候|等)']", "顾客等待1m，超过30s却没有先发安抚消息"},
	}
	for _, tt := range tests {
		fs := lintWith(t, tt.rule, "00:00 customer: 查下物流\n01:00 agent: 到了")
		if len(fs) != 1 || fs[0].Message != tt.want {
			t.Errorf("%s: findings %v, want the message %s", tt.rule, fs, tt.want)
		}
	}
}

func TestUnanswered(t *testing.T) {
	rule := "id: unanswered\ntype: unanswered\nignore: {all_of: [{match: substring, phrases: [好的, 谢谢, 嗯, 拜拜]}, {max_length: 6}]}"
	tests := []struct{ name, transcript, want string }{
		{"answered", "customer: 在吗\nagent: 在的", ""},
		{"last question unanswered", "customer: 在吗\nagent: 在的\ncustomer: 发什么快递\ncustomer: 人呢", "3"},
		{"a closing thanks needs no answer", "customer: 在吗\nagent: 在的\ncustomer: 好的谢谢", ""},
		{"a long message with 好的 still needs one", "customer: 在吗\nagent: 在的\ncustomer: 好的，那我要两件可以包邮吗", "3"},
		{"nobody ever answered", "customer: 在吗", "1"},
		{"a bot is not an answer", "customer: 在吗\nbot: 自动回复", "1"},
		{"the note does not answer", "customer: 改地址\nagent/note: 改地址", "1"},
		{"a closing last word: the customer is not waiting", "customer: 在吗\nagent: 在的\ncustomer: 在哪里开发票\ncustomer: 找到了谢谢", ""},
		{"a closing in between does not end the wait", "customer: 在吗\nagent: 在的\ncustomer: 好的\ncustomer: 发什么快递", "4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestUnansweredLeaving: a customer message of `leaving` needs no answer,
// but unlike one of `ignore` it closes nothing asked before it: the
// customer who leaves after a question nobody answered gave up.
func TestUnansweredLeaving(t *testing.T) {
	rule := "id: unanswered\ntype: unanswered\nignore: {phrases: [谢谢]}\nleaving: {match: substring, phrases: [明天再来]}"
	tests := []struct{ name, transcript, want string }{
		{"leaving after an answer", "customer: 有L码吗\nagent: 有的\ncustomer: 那我明天再来", ""},
		{"leaving after a question nobody answered", "customer: 在吗\nagent: 在的\ncustomer: 有L码吗\ncustomer: 那我明天再来", "3"},
		{"leaving with nothing asked", "customer: 那我明天再来", ""},
		{"a question after leaving", "customer: 那我明天再来\ncustomer: 对了，有L码吗", "2"},
		{"a closing after leaving still closes", "customer: 有L码吗\ncustomer: 那我明天再来\ncustomer: 谢谢", ""},
		// (the leaving decides: 谢谢 here closes nothing asked before it)
		{"a message both name is leaving", "customer: 有L码吗\ncustomer: 谢谢，那我明天再来", "1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLength(t *testing.T) {
	rule := "id: long\ntype: length\nmax_length: 10"
	tests := []struct{ name, transcript, want string }{
		{"exactly max", "agent: 一二三四五六七八九十", ""},
		{"one over: the overflow is the match", "agent: 一二三四五六七八九十多", "1:多"},
		{"spaces around do not count", "agent:   一二三四五六七八九十  ", ""},
		{"customers may write long", "customer: 一二三四五六七八九十一二三", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
	fs := lintWith(t, rule, "agent: 一二三四五六七八九十多余")
	if len(fs) != 1 || fs[0].Column != 11 || fs[0].Message != "消息太长（12字，上限10字），宜分次回答" {
		t.Errorf("finding = %+v", fs)
	}
}

func TestPII(t *testing.T) {
	rule := "id: pii\ntype: pii\nkinds: [phone, id-card, bank-card]"
	tests := []struct{ name, transcript, want string }{
		{"phone", "agent: 您的手机是13812345678吧", "1:13812345678"},
		{"valid id card", "agent: 身份证11010519491231002X已登记", "1:11010519491231002X"},
		{"order number of id length", "agent: 订单261104123456789012已发货", ""},
		{"bank card with Luhn", "agent: 退款到6222020200000000006", "1:6222020200000000006"},
		{"masked placeholders", "agent: 手机号 [电话x] 这个吗？身份证[身份证号x]", ""},
		{"customers may give their own", "customer: 我的手机13812345678", ""},
		{"email is not asked for", "agent: 发到wang@example.com", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFollowupWindowsAnchorsUnless(t *testing.T) {
	tests := []struct{ name, rule, transcript, want string }{
		{"within 2 agent messages: the 2nd is in time",
			"id: f\ntype: followup\ntrigger: {phrases: [改成]}\nexpect: {phrases: [已备注]}\nwithin_messages: 2",
			"customer: 改成XL\nagent: 好的\nagent: 已备注", ""},
		{"within 2 agent messages: the 3rd is too late",
			"id: f\ntype: followup\ntrigger: {phrases: [改成]}\nexpect: {phrases: [已备注]}\nwithin_messages: 2",
			"customer: 改成XL\nagent: 好的\nagent: 稍等\nagent: 已备注", "1:改成"},
		{"customer messages do not use up the window",
			"id: f\ntype: followup\ntrigger: {phrases: [改成]}\nexpect: {phrases: [已备注]}\nwithin_messages: 1",
			"customer: 改成XL\ncustomer: 快点\nagent: 已备注", ""},
		{"look before: a transfer must be announced",
			"id: f\ntype: followup\ntrigger: {role: system, type: transfer}\nexpect: {phrases: [转接]}\nlook: before\nwithin_messages: 2",
			"customer: 找主管\nagent: 我帮您转接主管\nsystem/transfer: 已转接", ""},
		{"look before: unannounced transfer",
			"id: f\ntype: followup\ntrigger: {role: system, type: transfer}\nexpect: {phrases: [转接]}\nlook: before",
			"customer: 找主管\nagent: 好\nsystem/transfer: 已转接", "3"},
		{"occurrence first: only the first trigger",
			"id: f\ntype: followup\noccurrence: first\ntrigger: {phrases: [改成]}\nexpect: {type: note}",
			"customer: 改成XL\nagent/note: XL\ncustomer: 再改成L", ""},
		{"occurrence last",
			"id: f\ntype: followup\noccurrence: last\ntrigger: {phrases: [改成]}\nexpect: {type: note}",
			"customer: 改成XL\nagent/note: XL\ncustomer: 再改成L", "3:改成"},
		{"occurrence 2",
			"id: f\ntype: followup\noccurrence: \"2\"\ntrigger: {phrases: [改成]}\nexpect: {type: note}",
			"customer: 改成XL\ncustomer: 改成L\nagent/note: L\ncustomer: 改成M", ""},
		{"unless: paid before the reminder was due",
			"id: f\ntype: followup\ntrigger: {role: system, type: order, phrases: [未付款]}\nexpect: {phrases: [付款]}\nunless: {role: system, phrases: [已付款]}\nwithin: 1h",
			"00:00:00 system/order: 买家已拍下，未付款\n00:20:00 system/order: 买家已付款", ""},
		{"unless after the deadline does not excuse",
			"id: f\ntype: followup\ntrigger: {role: system, type: order, phrases: [未付款]}\nexpect: {phrases: [付款]}\nunless: {role: system, phrases: [已付款]}\nwithin: 1h",
			"00:00:00 system/order: 买家已拍下，未付款\n01:20:00 system/order: 买家已付款", "1:未付款"},
		{"no unless: reminder missing",
			"id: f\ntype: followup\ntrigger: {role: system, type: order, phrases: [未付款]}\nexpect: {role: agent, phrases: [付款]}\nunless: {role: system, phrases: [已付款]}\nwithin: 1h",
			"00:00:00 system/order: 买家已拍下，未付款\n00:10:00 agent: 您好", "1:未付款"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, tt.rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBonusAndFatalScoring(t *testing.T) {
	set := compileOne(t, "id: recap\ntype: bonus\nwhen: {match: substring, patterns: ['您的意思是.*(对吗|是吗)']}\nadd: 2\nmax_add: 3")
	w := set.NewWorker()
	fs, _ := w.Check(conv(t, "agent: 您的意思是要换XL对吗\nagent: 您的意思是退货对吗\nagent: 好的"))
	var bonuses []lint.Finding
	for _, f := range fs {
		if !f.Rule.Bonus {
			t.Fatalf("a bonus rule yields bonuses only: %+v", f)
		}
		bonuses = append(bonuses, f)
	}
	sc := lint.Scoring{Start: 100, FailGrade: "不合格", Grades: []lint.Grade{{Name: "优秀", Min: 95}}}
	evasive := &lint.RuleInfo{ID: "p/e", Deduct: 4}
	score, _ := sc.ScoreWithBonuses([]lint.Finding{{Rule: evasive}}, bonuses)
	if score != 99 || bonuses[0].Deduct != 2 || bonuses[1].Deduct != 1 {
		t.Errorf("96 + 2 + 1 (capped at 3) = %v; bonuses %v %v", score, bonuses[0].Deduct, bonuses[1].Deduct)
	}
	score, _ = sc.ScoreWithBonuses(nil, bonuses)
	if score != 100 {
		t.Errorf("a score never rises above start: %v", score)
	}
	fatal := &lint.RuleInfo{ID: "p/f", Deduct: 1, Fatal: true}
	score, grade := sc.ScoreWithBonuses([]lint.Finding{{Rule: fatal}}, bonuses)
	if score != 0 || grade != "不合格" {
		t.Errorf("a fatal finding scores 0 and fails: %v %s", score, grade)
	}
}

// TestBonusMessageAdd: {add} in a bonus rule's message is the points the
// rule adds as the pack writes them (it said 加1分 for add: 1.5).
func TestBonusMessageAdd(t *testing.T) {
	for _, tt := range []struct{ add, want string }{
		{"2", "复述确认，加2分"},
		{"1.5", "复述确认，加1.5分"},
		{"0.25", "复述确认，加0.25分"},
	} {
		rule := "id: recap\ntype: bonus\nwhen: {match: substring, phrases: [对吗]}\nadd: " + tt.add + "\nmessage: 复述确认，加{add}分"
		fs := lintWith(t, rule, "agent: 您的意思是要换XL对吗")
		if len(fs) != 1 || fs[0].Message != tt.want {
			t.Errorf("add: %s: findings %+v, want one saying %s", tt.add, fs, tt.want)
		}
	}
}

func TestPIIAtMostTenPerMessage(t *testing.T) {
	rule := "id: pii\ntype: pii\nkinds: [phone]\nmessage: 写出了{kind}"
	text := strings.Repeat("电话13812345678，", 12)
	fs := lintWith(t, rule, "customer: 在吗\nagent: "+text)
	if len(fs) != 10 {
		t.Fatalf("%d findings, want 10", len(fs))
	}
	for k, f := range fs {
		// the columns, counted on from finding to finding, are those of
		// the text: each repeat is 14 characters
		if want := 3 + 14*k; f.Column != want || f.Match != "13812345678" {
			t.Errorf("finding %d: %q at column %d, want column %d", k, f.Match, f.Column, want)
		}
	}
	if got := fs[9].Message; got != "写出了电话号码（本条消息另有 2 处，未逐一列出）" {
		t.Errorf("last finding says %q", got)
	}
}
