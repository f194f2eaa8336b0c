package transcript

import (
	"strings"
	"testing"
)

// TestTxtInlineMessages: a dump of one line per message, the time first
// and the text after the sender's name and a colon ([TIME] NAME: TEXT,
// TIME NAME：TEXT), is read as such: the name is the sender, the rest of
// the line the text (lines after it, up to the next header, go on with
// it), rather than senders named "NAME: TEXT" with no text. Whether a file
// is written so is told by its first header, as its layout is: the text
// on its line and nothing under it, or a text that cannot be a name (it
// holds sentence punctuation).
func TestTxtInlineMessages(t *testing.T) {
	agents := Options{Agents: []string{"小美"}}
	tests := []struct {
		name, data string
		want       []string
	}{
		{"brackets and ASCII colons",
			"[2026-11-04 10:00:00] 买家小王: 在吗\n" +
				"[2026-11-04 10:00:05] 小美: 您好亲，请问有什么可以帮您？\n" +
				"[2026-11-04 10:00:30] 小美: 好的\n",
			[]string{
				"<stdin>|customer|买家小王|text|在吗@1",
				"<stdin>|agent|小美|text|您好亲，请问有什么可以帮您？@2",
				"<stdin>|agent|小美|text|好的@3",
			}},
		{"full-width colons, blank lines between",
			"2026-11-04 10:00:00 买家小王：在吗\n\n2026-11-04 10:00:05 小美：您好\n\n",
			[]string{
				"<stdin>|customer|买家小王|text|在吗@1",
				"<stdin>|agent|小美|text|您好@3",
			}},
		{"lines under a message go on with it",
			"[2026-11-04 10:00:00] 买家小王: 在吗\n[2026-11-04 10:00:05] 小美: 第一行\n第二行\n[2026-11-04 10:00:09] 小美: 好\n",
			[]string{
				"<stdin>|customer|买家小王|text|在吗@1",
				"<stdin>|agent|小美|text|第一行\n第二行@2",
				"<stdin>|agent|小美|text|好@4",
			}},
		{"first text holds punctuation",
			"[2026-11-04 10:00:00] 小美: 您好，在的\n还有别的吗\n[2026-11-04 10:00:05] 买家小王: 没了\n",
			[]string{
				"<stdin>|agent|小美|text|您好，在的\n还有别的吗@1",
				"<stdin>|customer|买家小王|text|没了@3",
			}},
		{"a file of one message",
			"[2026-11-04 10:00:00] 买家小王: 在吗\n",
			[]string{"<stdin>|customer|买家小王|text|在吗@1"}},
		{"a name holding a colon, its text under it",
			"2026-11-04 10:00:00 店铺名：小美\n您好\n2026-11-04 10:00:05 买家小王\n在吗\n",
			[]string{
				"<stdin>|customer|店铺名：小美|text|您好@1",
				"<stdin>|customer|买家小王|text|在吗@3",
			}},
		{"a name of the 千牛 kind (no space after its colon)",
			"[2026-11-04 10:00:00] 店铺名:小美\n[2026-11-04 10:00:05] 买家小王\n在吗\n",
			[]string{
				"<stdin>|customer|店铺名:小美|text|@1",
				"<stdin>|customer|买家小王|text|在吗@2",
			}},
		{"a dump with the text under the header keeps its content lines",
			"2026-11-04 10:00:00 小美\n您好\n2026-11-05 18:00 订单号：123，请核对\n2026-11-04 10:00:05 买家小王: 好\n收到\n",
			[]string{
				"<stdin>|agent|小美|text|您好\n2026-11-05 18:00 订单号：123，请核对@1",
				"<stdin>|customer|买家小王: 好|text|收到@4",
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := mustRead(t, "txt", tc.data, agents)
			if got, want := msgLines(s.msgs), strings.Join(tc.want, "\n"); got != want {
				t.Fatalf("got\n%s\nwant\n%s", got, want)
			}
			if len(s.rejects) != 0 {
				t.Fatalf("rejects: %v", s.rejects)
			}
		})
	}
	// detected as a dump, punctuation and all
	if f, err := detectString("chat.log", "[2026-11-04 10:00:05] 小美: 您好亲，请问有什么可以帮您？\n[2026-11-04 10:00:09] 买家小王: 好的\n"); err != nil || f != "txt" {
		t.Fatalf("detected %q, %v", f, err)
	}
}

// TestTxtInlineSkipped: in a dump of one line per message, a status or a
// recall notice written as a message's text ([TIME] NAME: 已读, [TIME]
// NAME: NAME撤回了一条消息) is skipped and counted, as it is on a line of
// its own; it was linted as the sender's message (a recall notice as the
// agent's first reply, its greeting missing). Lines under it go on as the
// message's text.
func TestTxtInlineSkipped(t *testing.T) {
	data := "[2026-11-04 10:00:00] 买家小王: 在吗\n" +
		"[2026-11-04 10:00:02] 买家小王: 买家小王撤回了一条消息\n" +
		"[2026-11-04 10:00:04] 小美: 已读\n" +
		"[2026-11-04 10:00:05] 小美: 你撤回了一条消息\n" +
		"[2026-11-04 10:00:06] 小美: 您好亲\n" +
		"[2026-11-04 10:00:07] 小美: 已读\n" +
		"补一句\n"
	s := mustRead(t, "txt", data, Options{Agents: []string{"小美"}})
	want := []string{
		"<stdin>|customer|买家小王|text|在吗@1",
		"<stdin>|agent|小美|text|您好亲@5",
		"<stdin>|agent|小美|text|补一句@6",
	}
	if got := msgLines(s.msgs); got != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	var skips []string
	for _, sk := range s.skips {
		skips = append(skips, sk.reason+"@"+sk.pos.String())
	}
	wantSkips := "recalled message@<stdin>:2 status line 已读@<stdin>:3 recalled message@<stdin>:4 status line 已读@<stdin>:6"
	if got := strings.Join(skips, " "); got != wantSkips {
		t.Fatalf("skipped %s\nwant    %s", got, wantSkips)
	}
}
