package transcript

import (
	"fmt"
	"testing"
)

// TestWecomInfoTypes: the archive keeps the content of some message types
// under a key other than their msgtype (the Finance SDK's 获取会话内容):
// markdown, news, qydiskfile and voiptext under "info", an online
// document (docmsg) under "doc", a vote's title beside the fields. A
// markdown message was rejected ("msgtype markdown without its "markdown"
// content": the reader looked for {"markdown":{"info":…}}), so a robot's
// or an app's replies were never linted; the others lost their titles.
func TestWecomInfoTypes(t *testing.T) {
	tests := []struct{ msgtype, fields, want string }{
		{"markdown", `"info":{"content":"**您好**，请前往系统查看"}`, "**您好**，请前往系统查看"},
		{"markdown", `"markdown":{"content":"旧的写法"}`, "旧的写法"},
		{"markdown", `"markdown":{"info":{"content":"旧的写法二"}}`, "旧的写法二"},
		{"news", `"info":{"item":[{"title":"双十一活动","description":"d","url":"u","picurl":"p"}]}`, "[图文] 双十一活动"},
		{"docmsg", `"doc":{"title":"价目表","link_url":"u","doc_creator":"x"}`, "[在线文档] 价目表"},
		{"qydiskfile", `"info":{"filename":"说明书.pdf"}`, "[微盘文件] 说明书.pdf"},
		{"voiptext", `"info":{"callduration":10,"invitetype":1}`, "[音视频通话]"},
		{"vote", `"votetitle":"选哪个颜色","voteitem":["红"],"votetype":101,"voteid":"v"`, "[投票] 选哪个颜色"},
		{"chatrecord", `"chatrecord":{"title":"群聊的聊天记录","item":[]}`, "[聊天记录] 群聊的聊天记录"},
		{"voip_doc_share", `"voipid":"v","voip_doc_share":{"filename":"报价.xlsx"}`, "[文件共享] 报价.xlsx"},
	}
	for _, tc := range tests {
		t.Run(tc.msgtype, func(t *testing.T) {
			line := fmt.Sprintf(`{"msgid":"m1","action":"send","from":"zhangsan","tolist":["wmAAAA"],"roomid":"","msgtime":1793757600000,"msgtype":%q,%s}`, tc.msgtype, tc.fields)
			s := mustRead(t, "wecom", line+"\n", Options{})
			if len(s.rejects) != 0 || len(s.msgs) != 1 {
				t.Fatalf("rejects %v, %d messages", s.rejects, len(s.msgs))
			}
			want := "wmAAAA~zhangsan|agent|zhangsan|" + tc.msgtype + "|" + tc.want + "@1"
			if got := msgLines(s.msgs); got != want {
				t.Fatalf("got  %s\nwant %s", got, want)
			}
		})
	}
}
