package report

import (
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestTextEscapeNotCarriedAcrossConversations guards the encoder's
// reuse of a quoted text's escape (textOf): two conversations in a row on
// one encoder whose messages share one pooled slice (same *Message, new
// text), and a finding whose agent differs from the sender after one where
// they agree.
func TestTextEscapeNotCarriedAcrossConversations(t *testing.T) {
	rule := &lint.RuleInfo{ID: "p/r", Type: "forbid"}
	msgs := make([]lint.Message, 2)
	encs := []*convEncoder{{}, {indent: true, prefix: "    "}}
	for _, text := range []string{"亲，这个不行\n", "第二个会话：不知道\"", "第二个会话：不知道\""} {
		msgs[0] = lint.Message{Role: lint.Agent, Sender: "客服01", Text: text}
		msgs[1] = lint.Message{Role: lint.Customer, Sender: "顾客", Text: text + "?"}
		c := &lint.Conversation{ID: text, Messages: msgs}
		fs := []lint.Finding{
			{Rule: rule, Msg: 0, Agent: "客服01", Match: "不"},
			{Rule: rule, Msg: 0, Agent: "客服02", Match: "不"},
			{Rule: rule, Msg: 1, Agent: "客服01"},
			{Rule: rule, Msg: 0, Agent: "客服01"},
		}
		checkEncoder(t, &lint.Result{Conversation: c, Findings: fs, Bonuses: fs[:1]}, Options{}, encs...)
	}
}
