package transcript

import (
	"strings"
	"testing"
)

// qqExport is a dump as QQ's message manager exports it (消息管理器 → 导出为
// .txt): a title, then for each contact a block naming the group and the
// contact (消息对象) between lines of equals signs, then the messages, time
// first, with a blank line between them.
const qqExport = "消息记录（此消息记录为文本格式，不支持重新导入）\r\n" +
	"\r\n" +
	"================================================================\r\n" +
	"消息分组:我的客户\r\n" +
	"================================================================\r\n" +
	"消息对象:张三\r\n" +
	"================================================================\r\n" +
	"\r\n" +
	"2026-11-04 10:00:00 张三\r\n" +
	"在吗\r\n" +
	"\r\n" +
	"2026-11-04 10:00:05 小美\r\n" +
	"您好\r\n" +
	"\r\n" +
	"================================================================\r\n" +
	"消息分组:我的客户\r\n" +
	"================================================================\r\n" +
	"消息对象:李四\r\n" +
	"================================================================\r\n" +
	"\r\n" +
	"2026-11-05 09:00:00 李四\r\n" +
	"退款到账了吗\r\n"

// The export's title and blocks are no records: they name the
// conversations, and auto-detection sees a chat dump in them.
func TestTxtQQExport(t *testing.T) {
	for _, format := range []string{"txt", "auto"} {
		s := mustRead(t, format, qqExport, Options{Agents: []string{"小美"}})
		want := []string{
			"消息对象:张三|customer|张三|text|在吗@9",
			"消息对象:张三|agent|小美|text|您好@12",
			"消息对象:李四|customer|李四|text|退款到账了吗@21",
		}
		if got := msgLines(s.msgs); got != strings.Join(want, "\n") {
			t.Errorf("%s: got\n%s\nwant\n%s", format, got, strings.Join(want, "\n"))
		}
		if len(s.rejects) != 0 || len(s.skips) != 0 {
			t.Errorf("%s: rejects %v, skips %v", format, s.rejects, s.skips)
		}
	}
}

// QQ set to Traditional Chinese writes the same blocks in its script.
func TestTxtQQExportTraditional(t *testing.T) {
	data := "訊息記錄（此訊息記錄為文字格式，不支援重新匯入）\n\n" +
		"================================================================\n" +
		"訊息分組:我的客戶\n" +
		"================================================================\n" +
		"訊息對象:張三\n" +
		"================================================================\n\n" +
		"2026-11-04 10:00:00 張三\n在嗎\n"
	s := mustRead(t, "auto", data, Options{Agents: []string{"小美"}})
	if got := msgLines(s.msgs); got != "訊息對象:張三|customer|張三|text|在嗎@9" || len(s.rejects) != 0 {
		t.Errorf("got %s, rejects %v", got, s.rejects)
	}
}
