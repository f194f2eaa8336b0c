package check

import "testing"

// TestTransferNamesAgent: when nobody writes after a transfer, the agent it
// went to is the one its text names, read whole: an agent whose name is
// part of a longer one the text names (客服1 in 客服12) is not named, and
// neither is anyone when the text names only the agent handing it on.
func TestTransferNamesAgent(t *testing.T) {
	const unanswered = "id: r\ntype: unanswered"
	tests := []struct {
		name, transcript string
		senders          []string // per message; "" keeps the example's
		want             string   // the finding's agent
	}{
		{"the longer name the text gives, not a shorter one inside it", `
00:00 customer: 你好，上次买的那批起球很厉害
00:05 agent: 亲，您先别急
00:06 agent/note: 这单我来跟
00:09 agent: 我帮您转给负责的同事
00:10 system/transfer: 会话已转接给 客服12
00:30 customer: 好的，那怎么处理？`, []string{"", "客服1", "客服12", "客服2", "", ""}, "客服12"},
		{"the text names only the agent handing it on", `
00:00 customer: 你好，上次买的那批起球很厉害
00:05 agent: 亲，您先别急
00:09 agent: 我帮您转售后
00:10 system/transfer: 客服12已将会话转接至售后队列
00:30 customer: 好的，那怎么处理？`, []string{"", "客服1", "客服12", "", ""}, ""},
		{"a shorter name the text gives on its own still counts", `
00:00 customer: 你好，上次买的那批起球很厉害
00:05 agent: 亲，您先别急
00:09 agent: 我帮您转给同事
00:10 system/transfer: 客服12已将会话转接给客服1
00:30 customer: 好的，那怎么处理？`, []string{"", "客服1", "客服12", "", ""}, "客服1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := conv(t, tt.transcript)
			for i, s := range tt.senders {
				if s != "" {
					c.Messages[i].Sender = s
				}
			}
			fs, _ := compileOne(t, unanswered).NewWorker().Check(c)
			if len(fs) != 1 {
				t.Fatalf("findings %q, want one", describe(fs))
			}
			if fs[0].Agent != tt.want {
				t.Errorf("finding at %d held against %q, want %q", fs[0].Msg+1, fs[0].Agent, tt.want)
			}
		})
	}
}
