package check

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// whenRule wraps a condition into a when rule without then: each message
// meeting the condition is a finding.
func whenRule(cond string) string { return "id: c\ntype: when\nwhen: " + cond }

func TestConditions(t *testing.T) {
	tests := []struct {
		name, cond, transcript, want string
	}{
		{"any phrase (default)", "{phrases: [请, 谢谢]}", "agent: 谢谢亲\nagent: 好的", "1:谢谢"},
		{"all phrases", "{match: substring, phrases: [请, 谢谢], quantifier: all}", "agent: 请稍等，谢谢\nagent: 谢谢", "1:请"},
		{"none of the phrases", "{match: substring, phrases: [请, 谢谢], quantifier: none}", "agent: 请稍等\nagent: 好的", "2"},
		{"at least 2 of 3", "{match: substring, phrases: [您好, 请, 谢谢], at_least: 2}", "agent: 您好，请稍等\nagent: 谢谢您", "1:您好"},
		{"at least counts distinct phrases", "{phrases: [您好, 请], at_least: 2}", "agent: 请请请", ""},
		{"starts with, after punctuation", "{starts_with: [非常抱歉]}", "agent: 「非常抱歉，这个无法办理」\nagent: 这个非常抱歉", "1"},
		{"starts with, traditional text", "{starts_with: [非常抱歉]}", "agent: 非常抱歉呢", "1"},
		{"ends with", "{ends_with: [吗]}", "agent: 还有别的问题吗？\nagent: 好的", "1"},
		// an entry's own punctuation at the text's edge, and the spaces
		// at an entry's ends (an input method's full-width space)
		{"ends with a question mark", "{ends_with: [吗？]}", "agent: 还有别的问题吗？\nagent: 在吗？😊\nagent: 在吗\nagent: 吗？好的", "1 2"},
		{"ends with punctuation alone", "{ends_with: [？]}", "agent: 您好？\nagent: 好的", "1"},
		{"starts with a bracket", "{starts_with: [【通知】]}", "agent: 【通知】明天发货\nagent: 通知】明天发货\nagent:  【通知】明天", "1 3"},
		{"starts with, an entry's spaces", "{starts_with: [\u3000很抱歉]}", "agent: 很抱歉，没货了\nagent: 好的", "1"},
		{"min length is inclusive", "{min_length: 5}", "agent: 一二三四五\nagent: 一二三四", "1"},
		{"max length is inclusive", "{max_length: 2}", "agent: 好的\nagent: 好的呀", "1"},
		{"max length counts characters, spaces trimmed", "{max_length: 3}", "agent:  ab \nagent: 好的呀\nagent: abcd\nagent: 好的呀吗", "1 2"},
		{"min and max length", "{min_length: 2, max_length: 3}", "agent: a\nagent: 好的\nagent: abcd", "2"},
		{"pii", "{pii: [phone]}", "agent: 您的手机号13812345678对吗\nagent: 订单号2611041234567", "1:13812345678"},
		// as the pii rule reads them: full-width digits and a zero-width
		// space inside are the same number, quoted as written
		{"pii in full-width digits", "{pii: [phone]}", "agent: 您的手机号１３８１２３４５６７８对吗\nagent: 138\u200b1234\u200b5678", "1:１３８１２３４５６７８ 2:138\u200b1234\u200b5678"},
		{"all_of", "{all_of: [{phrases: [无法]}, {not: {starts_with: [抱歉]}}]}", "agent: 无法办理\nagent: 抱歉，无法办理", "1:无法"},
		{"any_of", "{any_of: [{phrases: [滚]}, {phrases: [有病]}]}", "agent: 你有病吧\nagent: 好的", "1:有病"},
		{"not", "{not: {phrases: [您]}}", "agent: 好的您稍等\nagent: 好的", "2"},
		{"type", "{type: note}", "agent: 好的\nagent/note: 改蓝色", "2"},
		{"notes do not count without a type", "{phrases: [蓝色]}", "agent/note: 改蓝色", ""},
		{"role", "{role: customer, phrases: [投诉]}", "customer: 我要投诉\nagent: 投诉电话在这", "1:投诉"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, whenRule(tt.cond), tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWhenThen(t *testing.T) {
	rule := `id: refusal
type: when
when: {phrases: [无法, 不能, 没办法]}
then: {starts_with: [非常抱歉, 很抱歉]}`
	tests := []struct{ name, transcript, want string }{
		{"refusal with apology first", "agent: 非常抱歉，这个无法改价", ""},
		{"refusal without apology", "agent: 这个无法改价", "1:无法"},
		{"apology not first", "agent: 这个价格无法改，非常抱歉", "1:无法"},
		{"no refusal", "agent: 可以的亲", ""},
		{"customer refusal is not checked", "customer: 我没办法等了", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(lintWith(t, rule, tt.transcript)); got != tt.want {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
	fs := lintWith(t, rule, "agent: 这个无法改价")
	if len(fs) != 1 || fs[0].Message != "消息含「无法」「不能」「没办法」等时，应以「非常抱歉」「很抱歉」等开头" {
		t.Errorf("default message: %+v", fs)
	}
}

// TestLengthConditionAgrees holds min_length and max_length, settled
// without counting where the byte length decides, to their plain reading:
// the characters of the text without the white space around it.
func TestLengthConditionAgrees(t *testing.T) {
	texts := []string{"", " ", "\u3000", "好", " 好 ", "好的", "好的\u3000", "\u00a0好的吗", "ok", "ok ", "😀", "😀😀", "\xff\xfe", "好\xff",
		"“好”", "好…", "好\u2028", "\u205f好", "亲，在的", "abcdefgh", "好的好的好的好的", "😀😀😀😀😀", "\xe4\xb8", " \xe4\xb8\xad "}
	for _, text := range texts {
		n := utf8.RuneCountInString(strings.TrimSpace(text))
		if got := trimSpace(text); got != strings.TrimSpace(text) {
			t.Errorf("trimSpace(%q) = %q, want %q", text, got, strings.TrimSpace(text))
		}
		for minLen := 0; minLen <= 6; minLen++ {
			for maxLen := 0; maxLen <= 6; maxLen++ {
				if minLen == 0 && maxLen == 0 {
					continue
				}
				c := &cond{minLen: minLen, maxLen: maxLen}
				cv := &Conv{Conversation: &lint.Conversation{Messages: []lint.Message{{Role: lint.Agent, Text: text}}}}
				got, _ := c.evalNeed(cv, 0, false)
				want := n >= minLen && (maxLen == 0 || n <= maxLen)
				if got != want {
					t.Errorf("min_length %d, max_length %d on %q (%d characters): %v, want %v", minLen, maxLen, text, n, got, want)
				}
			}
		}
	}
}
