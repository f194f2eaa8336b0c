package check

import "testing"

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
		// (--fix writes it in the library's script: a lint cannot tell
		// a Hong Kong agent's 不行 from a mainland one's)
		{"alike in both, the agent's other replies Traditional", "agent: 這個價格已經是最低了\ncustomer: 再少一點吧\nagent: 不行", []string{"无法帮到您"}},
		{"alike in both, the agent's other replies Simplified", "agent: 这个价格已经是最低了\ncustomer: 再少一點吧\nagent: 不行", []string{"无法帮到您"}},
		{"alike in both, only the customer Traditional", "customer: 再少一點吧\nagent: 不行", []string{"无法帮到您"}},
		{"alike in both, nothing else", "agent: 不行", []string{"无法帮到您"}},
		{"mixed, Traditional replies: as the rule wrote it", "agent: 這個價格已經是最低了\nagent: 这個不行", []string{"无法帮到您"}},
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
		{"agent: 不行", "無法幫到您"}, // neither: as the rule wrote it
	} {
		fs := lintWith(t, rule, tc.transcript)
		if len(fs) != 1 || fs[0].Suggestion != tc.want {
			t.Errorf("%s: %v, want %s", tc.transcript, fs, tc.want)
		}
	}
}
