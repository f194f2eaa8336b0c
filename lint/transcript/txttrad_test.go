package transcript

import (
	"strings"
	"testing"
)

// A dump copied out of a chat tool set to Traditional Chinese (or exported
// in Taiwan or Hong Kong) reads like its Simplified twin: its titles, status
// lines, recall notices, system sender and media placeholders are written
// in Traditional script.
func TestTxtTraditional(t *testing.T) {
	data := "---------- 與 tb_buyer01 的聊天記錄 ----------\n" +
		"tb_buyer01 2026-11-04 10:00:00\n" +
		"在嗎\n" +
		"店鋪名:小美2026-11-04 10:00:06\n" +
		"您好親\n" +
		"已讀\n" +
		"tb_buyer01(2026-11-04 10:00:30):\n" +
		"tb_buyer01撤回了一條消息\n" +
		"tb_buyer01（2026/11/4 10:01）：\n" +
		"[圖片]\n" +
		"系統消息 2026-11-04 10:02:00\n" +
		"買家已付款\n" +
		"店鋪名:小美 2026-11-04 10:03:00\n" +
		"好的\n" +
		"對方已讀\n" +
		"----------\n" +
		"與 tb_buyer02 的聊天記錄\n" +
		"tb_buyer02 2026-11-05 09:00:00\n" +
		"[語音]\n" +
		"tb_buyer02 2026-11-05 09:00:05\n" +
		"此訊息已被撤回\n"
	s := mustRead(t, "txt", data, Options{Agents: []string{"店鋪名:*"}})
	want := []string{
		"與 tb_buyer01 的聊天記錄|customer|tb_buyer01|text|在嗎@2",
		"與 tb_buyer01 的聊天記錄|agent|店鋪名:小美|text|您好親@4",
		"與 tb_buyer01 的聊天記錄|customer|tb_buyer01|image|[圖片]@9",
		"與 tb_buyer01 的聊天記錄|system|系統消息|text|買家已付款@11",
		"與 tb_buyer01 的聊天記錄|agent|店鋪名:小美|text|好的@13",
		"與 tb_buyer02 的聊天記錄|customer|tb_buyer02|voice|[語音]@18",
	}
	if got := msgLines(s.msgs); got != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	if len(s.skips) != 4 || s.skips[0].pos.Line != 6 || s.skips[1].reason != "recalled message" ||
		s.skips[2].pos.Line != 15 || s.skips[3].reason != "recalled message" {
		t.Fatalf("skips: %+v", s.skips)
	}
	if len(s.rejects) != 0 {
		t.Fatalf("rejects: %v", s.rejects)
	}
}

// A Traditional title on a line of its own before the first header names
// the conversation, and lets auto-detection see a chat dump.
func TestTxtTraditionalTitleFirst(t *testing.T) {
	for _, format := range []string{"txt", "auto"} {
		s := mustRead(t, format, "與 tb 的聊天記錄\ntb 2026-11-04 10:00:00\n在嗎\n", shopAgents)
		if len(s.msgs) != 1 || s.msgs[0].Conversation != "與 tb 的聊天記錄" || len(s.rejects) != 0 {
			t.Fatalf("%s: %s %v", format, msgLines(s.msgs), s.rejects)
		}
	}
}
