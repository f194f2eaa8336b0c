package check

import (
	"strings"
	"testing"
)

func TestForbid(t *testing.T) {
	const rule = `id: evasive
type: forbid
phrases: [不知道, 不懂, 不行, 亲]
patterns: ['我(不能|不会)']
except: [不知道您]
suggest: {不行: 无法帮到您}
message: 避免「{match}」，可说「{suggest}」`
	tests := []struct {
		name, transcript, want string
	}{
		{"agent phrase", "agent: 这个我也不知道", "1:不知道"},
		{"customer not checked by default", "customer: 我不知道怎么弄\nagent: 我帮您看看", ""},
		{"看不懂 is not 不懂", "agent: 这个说明我也看不懂", ""},
		{"不懂 standalone", "agent: 我也不懂", "1:不懂"},
		{"亲自 is not 亲", "agent: 我亲自帮您催一下", ""},
		{"亲 address", "agent: 亲，这款有货", "1:亲"},
		{"except context", "agent: 不知道您是否满意呢", ""},
		{"pattern", "agent: 这个价我不能改", "1:我不能"},
		{"two in one message", "agent: 不行，真的不知道", "1:不行 1:不知道"},
		{"traditional text", "agent: 這個我也不知道", "1:不知道"},
		{"notes are not said to the customer", "agent/note: 顾客说不知道地址", ""},
		{"every agent message", "agent: 不行\ncustomer: 为什么\nagent: 就是不行", "1:不行 3:不行"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestForbidSuggestionMessageAndColumn(t *testing.T) {
	fs := lintWith(t, `id: refuse
type: forbid
phrases: [不行]
suggest: {不行: 无法帮到您}
message: 避免「{match}」，可说「{suggest}」`, "agent: 亲，这样不行的")
	if len(fs) != 1 {
		t.Fatalf("findings = %v", fs)
	}
	f := fs[0]
	if f.Suggestion != "无法帮到您" || f.Message != "避免「不行」，可说「无法帮到您」" || f.Column != 5 || f.Match != "不行" {
		t.Errorf("finding = %+v", f)
	}
}

func TestForbidRoleFilter(t *testing.T) {
	rule := `id: rude
type: forbid
role: [customer, bot]
match: substring
phrases: [垃圾]`
	got := describe(lintWith(t, rule, "customer: 什么垃圾东西\nagent: 垃圾分类\nbot: 垃圾桶"))
	if got != "1:垃圾 3:垃圾" {
		t.Errorf("findings = %q", got)
	}
}

func TestForbidAtMostTenPerMessage(t *testing.T) {
	const rule = "id: idk\ntype: forbid\nmessage: 推诿用语「{match}」\nphrases: [不知道, 不清楚]"
	for _, tc := range []struct {
		name, text string
		findings   int
		last       string
	}{
		{"ten: all listed", strings.Repeat("不知道。", 10), 10, "推诿用语「不知道」"},
		{"twelve: ten listed, the last says how many more", strings.Repeat("不知道。", 11) + "不清楚", 10, "推诿用语「不知道」（本条消息另有 2 处，未逐一列出）"},
		{"thousands", strings.Repeat("不知道，", 5000), 10, "推诿用语「不知道」（本条消息另有 4990 处，未逐一列出）"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := lintWith(t, rule, "customer: 在吗\nagent: "+tc.text+"\nagent: 我不知道")
			if len(fs) != tc.findings+1 {
				t.Fatalf("%d findings, want %d in the long message and 1 in the next", len(fs), tc.findings)
			}
			if got := fs[tc.findings-1].Message; got != tc.last {
				t.Errorf("last finding of the message says %q, want %q", got, tc.last)
			}
			if fs[tc.findings].Msg != 2 || fs[tc.findings].Message != "推诿用语「不知道」" {
				t.Errorf("the next message's finding: %+v", fs[tc.findings])
			}
		})
	}
}
