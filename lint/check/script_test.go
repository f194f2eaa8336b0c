package check

import (
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestSuggestionInScript: a forbid rule's suggestion, and the message
// that quotes it, are in the script of the agent's message, as `--fix`
// would write it into a reply: real replies of shops in Hong Kong, Taiwan
// and the mainland.
func TestSuggestionInScript(t *testing.T) {
	const rule = `id: refuse
type: forbid
phrases: [不行, 不好意思, 但是, 没办法]
suggest: {不行: 无法帮到您, 不好意思: 非常抱歉, 但是: 同时, 没办法: 已经干了}
message: 禁用语「{match}」，应说「{suggest}」`
	for _, tc := range []struct {
		name, transcript string
		want             []string // each finding's suggestion
	}{
		{"Traditional", "customer: 請問可以再便宜一點嗎\nagent: 不好意思，這個價格真的不行", []string{"非常抱歉", "無法幫到您"}},
		{"Taiwan, 同 not 衕", "agent: 但是這款已經賣完了，謝謝您", []string{"同時"}},
		{"Simplified", "agent: 不好意思，这个价格真的不行", []string{"非常抱歉", "无法帮到您"}},
		// alike in both scripts: the script of the agent's replies, else
		// of the conversation's
		{"alike in both, the agent's other replies Traditional", "agent: 這個價格已經是最低了\ncustomer: 再少一点吧\nagent: 不行", []string{"無法幫到您"}},
		{"alike in both, the agent's replies before and after", "agent: 不行\nagent: 這個價格已經是最低了", []string{"無法幫到您"}},
		{"alike in both, the agent's other replies Simplified", "agent: 这个价格已经是最低了\ncustomer: 再少一點吧\nagent: 不行", []string{"无法帮到您"}},
		{"alike in both, only the customer Traditional", "customer: 再少一點吧\nagent: 不行", []string{"無法幫到您"}},
		{"alike in both, only the customer Simplified", "customer: 再少一点吧\nagent: 不行", []string{"无法帮到您"}},
		{"alike in both, a Simplified system notice", "system: 用户已进入会话\ncustomer: 再少一點吧\nagent: 不行", []string{"無法幫到您"}},
		{"alike in both, nothing else", "agent: 不行", []string{"无法帮到您"}},
		{"mixed, Traditional replies: as the rule wrote it", "agent: 這個價格已經是最低了\nagent: 这個不行", []string{"无法帮到您"}},
		{"alike in both, a mixed reply: as the rule wrote it", "agent: 这個價格\nagent: 不行", []string{"无法帮到您"}},
		{"mixed alone: as the rule wrote it", "agent: 这個不行", []string{"无法帮到您"}},
		// 干 of 干了 is 乾了 or 幹了: not guessed, the rule's own text
		{"a character with several forms", "agent: 這個沒辦法，訂單已經出貨了", []string{"已经干了"}},
	} {
		fs := lintWith(t, rule, tc.transcript)
		if len(fs) != len(tc.want) {
			t.Errorf("%s: findings %s, want %d", tc.name, describe(fs), len(tc.want))
			continue
		}
		for i, f := range fs {
			if f.Suggestion != tc.want[i] || f.Message != "禁用语「"+f.Match+"」，应说「"+tc.want[i]+"」" {
				t.Errorf("%s: finding %d: suggestion %q, message %q; want %q", tc.name, i, f.Suggestion, f.Message, tc.want[i])
			}
		}
	}
}

// TestSuggestionTraditionalRule: a pack written for a Traditional
// library prescribes Traditional replacements, which a Simplified message
// gets in Simplified script.
func TestSuggestionTraditionalRule(t *testing.T) {
	const rule = "id: refuse\ntype: forbid\nphrases: [不行]\nsuggest: {不行: 無法幫到您}"
	for _, tc := range []struct{ transcript, want string }{
		{"agent: 这个价格不行", "无法帮到您"},
		{"agent: 這個價格不行", "無法幫到您"},
		{"agent: 不行", "無法幫到您"},                    // neither: as the rule wrote it
		{"agent: 不行\nagent: 这个价格已经是最低了", "无法帮到您"}, // the agent's other reply
		{"customer: 便宜点\nagent: 不行", "无法帮到您"},
		{"customer: 平啲啦\nagent: 不行", "無法幫到您"},
	} {
		fs := lintWith(t, rule, tc.transcript)
		if len(fs) != 1 || fs[0].Suggestion != tc.want {
			t.Errorf("%s: %v, want %s", tc.transcript, fs, tc.want)
		}
	}
}

// TestSuggestionScriptAround: a message written alike in both scripts
// takes the script of its sender's messages, else of the conversation's
// written messages, and the variants of the texts that decided it.
func TestSuggestionScriptAround(t *testing.T) {
	const rule = `id: refuse
type: forbid
phrases: [不行]
suggest: {不行: 无法帮到您，请到前台这里}`
	type msg struct {
		role   lint.Role
		sender string
		typ    string
		text   string
	}
	const trad, simp, hk = "無法幫到您，請到前臺這裡", "无法帮到您，请到前台这里", "無法幫到您，請到前台這裏"
	for _, tc := range []struct {
		name string
		msgs []msg
		want string
	}{
		{"the sender's Traditional, another agent's Simplified", []msg{
			{lint.Agent, "阿傑", "", "這個價格已經是最低了"},
			{lint.Agent, "小美", "", "这个价格已经是最低了"},
			{lint.Agent, "阿傑", "", "不行"},
		}, trad},
		{"the sender's Simplified, the customer's Traditional", []msg{
			{lint.Customer, "c", "", "再少一點吧"},
			{lint.Agent, "小美", "", "这个价格已经是最低了"},
			{lint.Agent, "小美", "", "不行"},
		}, simp},
		{"the sender alike, another agent Traditional", []msg{
			{lint.Agent, "阿傑", "", "這個價格已經是最低了"},
			{lint.Agent, "小美", "", "不行"},
		}, trad},
		{"the sender alike, the others in both scripts", []msg{
			{lint.Customer, "c", "", "再少一點吧"},
			{lint.Agent, "小美", "", "这个价格已经是最低了"},
			{lint.Agent, "阿傑", "", "不行"},
		}, simp},
		{"a Simplified system notice and image placeholder are nobody's script", []msg{
			{lint.System, "", "", "用户已进入会话"},
			{lint.Customer, "c", "image", "[图片]"},
			{lint.Customer, "c", "", "再少一點吧"},
			{lint.Agent, "阿傑", "", "不行"},
		}, trad},
		{"a Simplified platform's bot is nobody's script where the customer writes one", []msg{
			{lint.Bot, "店小蜜", "", "您好，欢迎光临，请问有什么可以帮您"},
			{lint.Customer, "c", "", "再少一點吧"},
			{lint.Agent, "阿傑", "", "不行"},
		}, trad},
		{"a bot's script where no one else writes one", []msg{
			{lint.Bot, "bot", "", "歡迎光臨，請問有甚麼需要"},
			{lint.Customer, "c", "", "OK"},
			{lint.Agent, "阿傑", "", "不行"},
		}, trad},
		{"the others in both scripts stay so with a bot", []msg{
			{lint.Bot, "bot", "", "歡迎光臨"},
			{lint.Customer, "c", "", "再少一點吧"},
			{lint.Agent, "小美", "", "这个价格已经是最低了"},
			{lint.Agent, "阿傑", "", "不行"},
		}, simp},
		{"a Traditional message in a Cantonese conversation: Hong Kong's variants", []msg{
			{lint.Customer, "c", "", "呢個價錢係咪太貴咗啲？"},
			{lint.Agent, "阿傑", "", "這個價格不行"},
		}, hk},
		{"a Traditional message that writes 裡 in a Cantonese conversation", []msg{
			{lint.Customer, "c", "", "呢個價錢係咪太貴咗啲？"},
			{lint.Agent, "阿傑", "", "這裡的價格不行"},
		}, "無法幫到您，請到前台這裡"},
		{"a Cantonese conversation's variants", []msg{
			{lint.Customer, "c", "", "呢個價錢係咪太貴咗啲？"},
			{lint.Agent, "阿傑", "", "不行"},
		}, hk},
	} {
		c := &lint.Conversation{ID: "c"}
		for _, m := range tc.msgs {
			typ := m.typ
			if typ == "" {
				typ = lint.TypeText
			}
			c.Messages = append(c.Messages, lint.Message{Conversation: "c", Role: m.role, Sender: m.sender, Type: typ, Text: m.text})
		}
		fs, _ := compileOne(t, rule).NewWorker().Check(c)
		if len(fs) != 1 || fs[0].Suggestion != tc.want {
			t.Errorf("%s: findings %v, want one suggesting %s", tc.name, fs, tc.want)
		}
	}
}
