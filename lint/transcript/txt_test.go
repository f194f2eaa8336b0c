package transcript

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
)

var shopAgents = Options{Agents: []string{"店铺名:*"}}

func TestTxtQianniu(t *testing.T) {
	data := "---------- 与 tb_buyer01 的聊天记录 ----------\n" +
		"tb_buyer01 2026-11-04 10:00:00\n" +
		"在吗\n" +
		"店铺名:小美2026-11-04 10:00:06\n" + // glued
		"您好亲\n" +
		"\n" +
		"有什么可以帮您\n" +
		"已读\n" +
		"tb_buyer01(2026-11-04 10:00:30):\n" +
		"tb_buyer01撤回了一条消息\n" +
		"tb_buyer01（2026/11/4 10:01）：\n" +
		"[图片]\n" +
		"系统消息 2026-11-04 10:02:00\n" +
		"买家已付款\n" +
		"店铺名:小美 2026-11-04 10:03:00\n" +
		"\n"
	s := mustRead(t, "txt", data, shopAgents)
	want := []string{
		"与 tb_buyer01 的聊天记录|customer|tb_buyer01|text|在吗@2",
		"与 tb_buyer01 的聊天记录|agent|店铺名:小美|text|您好亲\n\n有什么可以帮您@4",
		"与 tb_buyer01 的聊天记录|customer|tb_buyer01|image|[图片]@11",
		"与 tb_buyer01 的聊天记录|system|系统消息|text|买家已付款@13",
		"与 tb_buyer01 的聊天记录|agent|店铺名:小美|text|@15",
	}
	if got := msgLines(s.msgs); got != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	if len(s.skips) != 2 || s.skips[0].pos.Line != 8 || s.skips[1].pos.Line != 10 || s.skips[1].reason != "recalled message" {
		t.Fatalf("skips: %+v", s.skips)
	}
	if len(s.rejects) != 0 {
		t.Fatalf("rejects: %v", s.rejects)
	}
	if !s.msgs[0].Time.Equal(time.Date(2026, 11, 4, 10, 0, 0, 0, tzSH)) || !s.msgs[2].Time.Equal(time.Date(2026, 11, 4, 10, 1, 0, 0, tzSH)) {
		t.Fatalf("times: %v %v", s.msgs[0].Time, s.msgs[2].Time)
	}
}

func TestTxtWeChatExport(t *testing.T) {
	data := "2026-11-04 10:00:00 张三\r\n在吗\r\n\r\n2026-11-04 10:00:05 我\r\n在的\r\n第二行\r\n\r\n==========\r\n2026-11-05 09:00:00 李四\r\n你好\r\n"
	s := mustRead(t, "txt", data, Options{Agents: []string{"我"}})
	want := []string{
		"<stdin>|customer|张三|text|在吗@1",
		"<stdin>|agent|我|text|在的\n第二行@4",
		"<stdin>#2|customer|李四|text|你好@9",
	}
	if got := msgLines(s.msgs); got != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	// a content line shaped like a name-first header is content in a
	// time-first file
	s = mustRead(t, "txt", "2026-11-04 10:00:00 张三\n下单时间 2026-11-04 09:00:00\n", Options{Agents: []string{"我"}})
	if len(s.msgs) != 1 || s.msgs[0].Text != "下单时间 2026-11-04 09:00:00" {
		t.Fatalf("got %q", texts(s.msgs))
	}
}

func TestTxtRolesByMapping(t *testing.T) {
	s := mustRead(t, "txt", "小美 2026-11-04 10:00:00\n您好\n机器人 2026-11-04 10:00:01\n自动回复\n", Options{Mapping: &Mapping{Roles: map[string]string{"小美": "agent", "机器人": "bot"}}})
	if len(s.msgs) != 2 || s.msgs[0].Role != lint.Agent || s.msgs[1].Role != lint.Bot {
		t.Fatalf("got %s", msgLines(s.msgs))
	}
}

func TestTxtMalformed(t *testing.T) {
	for _, tc := range []struct {
		name    string
		data    string
		opts    Options
		rejects []string
		msgs    int
		fileErr string
	}{
		{name: "no agents configured", data: "a 2026-11-04 10:00:00\nx\n", opts: Options{}, fileErr: "need --agents PATTERN"},
		{name: "no agents configured, after a preamble", data: "导出自千牛\na 2026-11-04 10:00:00\nx\n", opts: Options{}, fileErr: "need --agents PATTERN"},
		// a .txt that is no chat dump at all (notes, a readme, the JDDC dev
		// set's <session> files, a canned list in a walked directory) is
		// said to be none, not asked for --agents, which would not help
		{name: "not a chat dump, no agents configured", data: "亲，在的\n您好\n", opts: Options{}, fileErr: "no message header"},
		{name: "long preamble, no agents configured", data: strings.Repeat("canned reply\n", 300), opts: Options{}, fileErr: "in the first 200 lines"},
		{name: "preamble", data: "导出自千牛\n说明\ntb 2026-11-04 10:00:00\n在吗\n", opts: shopAgents,
			rejects: []string{"1: text before the first message header", "2: text before the first message header"}, msgs: 1},
		{name: "not a chat dump", data: "亲，在的\n您好\n", opts: shopAgents, fileErr: "no message header"},
		{name: "long preamble", data: strings.Repeat("canned reply\n", 300), opts: shopAgents, fileErr: "in the first 200 lines"},
		{name: "invalid date is content", data: "tb 2026-11-04 10:00:00\n2026-13-45 10:00:00 x\n", opts: shopAgents, msgs: 1},
		{name: "text outside a message", data: "tb 2026-11-04 10:00:00\n在吗\n----- 与 tb 的聊天记录 -----\nstray\n", opts: shopAgents,
			rejects: []string{"4: text outside a message"}, msgs: 1},
		// (a UTF-8 file over 64 KB: the bad line is found as it is read);
		// the message a bad line is in is rejected whole, once
		{name: "NUL and bad UTF-8 lines", data: "tb 2026-11-04 10:00:00\n在吗\n" + strings.Repeat("tb 2026-11-04 10:00:00\nx\n", 3000) + "a\x00b\nc\ntb 2026-11-04 10:00:00\n\xff\xfe\n", opts: shopAgents,
			rejects: []string{"6003: NUL byte", "6006: bytes in the record that neither GB18030, Big5 nor UTF-8 can read (the file was read as UTF-8"}, msgs: 3000},
		// a bad line inside a message: the message is rejected once, its
		// other lines with it (not as text outside a message), and the
		// next header starts afresh
		{name: "long line inside a message", data: "买家A 2026-11-04 11:00:10\n第一行\n" + strings.Repeat("长", 100) + "\n第三行\n店铺名:小美 2026-11-04 11:00:16\n好的\n",
			opts: Options{Agents: []string{"店铺名:*"}, MaxRecordBytes: 80}, rejects: []string{"3: line is 300 B long"}, msgs: 1},
		{name: "long line right after the header", data: "买家A 2026-11-04 11:00:10\n" + strings.Repeat("长", 100) + "\n第二行\n\n店铺名:小美 2026-11-04 11:00:16\n好的\n",
			opts: Options{Agents: []string{"店铺名:*"}, MaxRecordBytes: 80}, rejects: []string{"2: line is 300 B long"}, msgs: 1},
		{name: "bad line outside a message", data: "tb 2026-11-04 10:00:00\n在吗\n----- 与 tb 的聊天记录 -----\n\xff\xfe\n", opts: Options{Agents: []string{"店铺名:*"}, Encoding: "utf-8"},
			rejects: []string{"4: invalid UTF-8"}, msgs: 1},
		// a header whose date or time does not exist is not rolled over
		// (02-30 is not 03-02): its message is rejected
		{name: "impossible dates", data: "买家A 2026-02-30 10:00:00\n你好\n店铺名:小美 2026-02-31 23:59:60\n在\n买家A 2026-04-31 10:00:00\n好\n" +
			"买家A 2026-11-04 23:59:60\n秒\n买家A 2024-02-29 10:00:00\n闰年\n", opts: shopAgents,
			rejects: []string{`1: unparseable time "2026-02-30 10:00:00"`, `3: unparseable time "2026-02-31 23:59:60"`, `5: unparseable time "2026-04-31 10:00:00"`,
				`7: unparseable time "2026-11-04 23:59:60"`}, msgs: 1},
		{name: "impossible date, time first", data: "2026-11-04 10:00:00 张三\n在吗\n\n2026-02-29 10:00:05 我\n在的\n", opts: Options{Agents: []string{"我"}},
			rejects: []string{`4: unparseable time "2026-02-29 10:00:05"`}, msgs: 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := readData(t, "txt", tc.data, tc.opts)
			checkInvariants(t, s, err)
			if tc.fileErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.fileErr) {
					t.Fatalf("file error: got %v, want %q", err, tc.fileErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(s.rejects) != len(tc.rejects) {
				t.Fatalf("rejects: got %v, want %v", s.rejects, tc.rejects)
			}
			for i, r := range s.rejects {
				if !strings.Contains(r.Error(), tc.rejects[i]) {
					t.Errorf("reject %d: got %q, want %q", i, r.Error(), tc.rejects[i])
				}
			}
			if len(s.msgs) != tc.msgs {
				t.Errorf("messages: got %d, want %d", len(s.msgs), tc.msgs)
			}
		})
	}
}

func TestTxtHeaders(t *testing.T) {
	for _, tc := range []struct {
		line   string
		name   string
		layout int
	}{
		{"店铺名:小美 2026-11-04 10:00:06", "店铺名:小美", 1},
		{"店铺名:小美2026-11-04 10:00:06", "店铺名:小美", 1},
		{"tb_buyer12026-11-04 10:00:06", "tb_buyer1", 1},
		{"小美(2026-11-04 10:00:06):", "小美", 1},
		{"小美 （2026年11月4日 10:00）：", "小美", 1},
		{"2026-11-04 10:00:06 张三", "张三", 2},
		{"[2026/11/04 10:00:06] Zhang San:", "Zhang San", 2},
	} {
		h, layout, ok := parseTxtHeader(tc.line, 0, true, tzSH)
		if !ok || h.name != tc.name || layout != tc.layout || h.bad != "" {
			t.Errorf("%q: got %q layout %d ok %v", tc.line, h.name, layout, ok)
		}
	}
	// content lines that end (or start) with a date and time are not headers
	for _, line := range []string{"在吗", "2026-11-04 10:00:06", "订单号 123456", "会在 10:00 发货",
		"您的订单下单时间是：2026-11-04 10:00:06", "下单时间: 2026-11-04 10:00", "好的，预计送达 2026-11-05 18:00",
		"2026-11-05 18:00 前送达，请注意查收", "2026-11-05 18:00 前送达! 请注意查收",
		"亲亲这边帮您查询了一下物流信息显示您的包裹已经到达了您所在城市的快递网点了预计最晚 2026-11-05 18:00"} {
		if _, _, ok := parseTxtHeader(line, 0, true, tzSH); ok {
			t.Errorf("%q taken for a header", line)
		}
	}
}

func TestTxtDetect(t *testing.T) {
	s := mustRead(t, "auto", "与 tb 的聊天记录\ntb 2026-11-04 10:00:00\n在吗\n", shopAgents)
	if len(s.msgs) != 1 || s.msgs[0].Conversation != "与 tb 的聊天记录" {
		t.Fatalf("auto txt: %s %v", msgLines(s.msgs), s.rejects)
	}
}

func FuzzReadTxt(f *testing.F) {
	for _, seed := range []string{
		"tb_buyer01 2026-11-04 10:00:00\n在吗\n店铺名:小美2026-11-04 10:00:06\n您好\n已读\n",
		"2026-11-04 10:00:00 张三\n在吗\n\n2026-11-04 10:00:05 我\n在的\n",
		"----- 与 tb 的聊天记录 -----\ntb(2026-11-04 10:00:00):\ntb撤回了一条消息\n",
		"前言\n\n-----\nstray\n",
		"消息记录（此消息记录为文本格式，不支持重新导入）\n=====\n消息分组:好友\n=====\n消息对象:與 張三\n=====\n\n2026-11-04 10:00:00 張三\n已讀\n[圖片]\n",
		"x 2026-02-31 25:61:00\n",
		"[2026-11-04 10:00:00] 我: 在的\n[2026-11-04 10:00:06] 张三: 这一行超过了四十八个字节的界限\n续\n", // a header over the bound
		"\xff\xfe\x00",
		"2026-11-04 10:00:00 张三\n在吗\xff\n2026-11-04 10:00:05 我\n在的\n",                                // a corrupt byte in a short UTF-8 file
		"2026-11-04 10:00:00 张三\n在吗\n" + strings.Repeat(" \t", 40) + "\n2026-11-04 10:00:05 我\n在的\n", // blanks over the bound
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data string) {
		s, err := readData(t, "txt", data, Options{Agents: []string{"店铺名:*", "我"}})
		checkInvariants(t, s, err)
		s, err = readData(t, "txt", data, Options{Agents: []string{"店铺名:*", "我"}, MaxRecordBytes: 48}) // lines and messages over a bound
		checkInvariants(t, s, err)
	})
}

// A content line that ends with a date and time stays in its message.
func TestTxtContentEndingInATime(t *testing.T) {
	data := "tb_buyer1 2026-11-04 10:00:00\n我的订单什么时候到\n店铺名:小美 2026-11-04 10:00:06\n您好亲，您的订单下单时间是：2026-11-04 09:58:00\n预计送达：2026-11-05 18:00\n"
	s := mustRead(t, "txt", data, Options{Agents: []string{"店铺名:*"}})
	if len(s.msgs) != 2 || len(s.rejects) != 0 {
		t.Fatalf("got %d messages, %d rejects: %+v", len(s.msgs), len(s.rejects), s.msgs)
	}
	if want := "您好亲，您的订单下单时间是：2026-11-04 09:58:00\n预计送达：2026-11-05 18:00"; s.msgs[1].Text != want {
		t.Errorf("agent message %q, want %q", s.msgs[1].Text, want)
	}
}

// TestTxtDividerInMessage: canned replies often hold a divider line
// (--------, ━━━━━━) between their parts. Inside a message such a line
// is the message's own when the message goes on after it: it neither ends
// the conversation nor leaves the lines after it outside any message. A
// line of dashes right before a header (blank lines aside), or before the
// file's end, still ends the conversation, as does one with a title, and
// the lines between two such lines are between conversations, as before.
func TestTxtDividerInMessage(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		want       []string // msgLines
		rejects    []int    // lines
		skips      int
	}{
		{name: "template with dividers",
			data: "tb_buyer01 2026-11-04 10:00:00\n退货怎么弄\n" +
				"店铺名:小美 2026-11-04 10:00:20\n亲，售后须知如下\n--------------------\n1. 七天无理由退换\n\n2. 运费险自动理赔\n--------------------\n有问题随时找我哦\n" +
				"tb_buyer01 2026-11-04 10:01:00\n好的\n",
			want: []string{"<stdin>|customer|tb_buyer01|text|退货怎么弄@1",
				"<stdin>|agent|店铺名:小美|text|亲，售后须知如下\n--------------------\n1. 七天无理由退换\n\n2. 运费险自动理赔\n--------------------\n有问题随时找我哦@3",
				"<stdin>|customer|tb_buyer01|text|好的@11"}},
		{name: "heavy lines and a status line",
			data: "店铺名:小美 2026-11-04 10:00:20\n━━━━━━━━\n【双11活动】\n━━━━━━━━\n满300减40\n已读\ntb_buyer01 2026-11-04 10:01:00\n好的\n",
			want: []string{"<stdin>|agent|店铺名:小美|text|━━━━━━━━\n【双11活动】\n━━━━━━━━\n满300减40@1",
				"<stdin>|customer|tb_buyer01|text|好的@7"}, skips: 1},
		{name: "divider to the end of the file",
			data: "店铺名:小美 2026-11-04 10:00:20\n亲\n-----\n祝您购物愉快\n",
			want: []string{"<stdin>|agent|店铺名:小美|text|亲\n-----\n祝您购物愉快@1"}},
		{name: "separator before a header",
			data: "tb_buyer01 2026-11-04 10:00:00\n在吗\n\n==========\n\ntb_buyer02 2026-11-04 11:00:00\n你好\n",
			want: []string{"<stdin>|customer|tb_buyer01|text|在吗@1", "<stdin>#2|customer|tb_buyer02|text|你好@6"}},
		{name: "a block between conversations",
			data:    "tb_buyer01 2026-11-04 10:00:00\n在吗\n================\n对方:tb_buyer02\n================\ntb_buyer02 2026-11-04 11:00:00\n你好\n",
			want:    []string{"<stdin>|customer|tb_buyer01|text|在吗@1", "<stdin>#2|customer|tb_buyer02|text|你好@6"},
			rejects: []int{4}},
		// QQ's block naming the contact names the conversation (see TestTxtQQExport)
		{name: "a QQ block between conversations",
			data: "tb_buyer01 2026-11-04 10:00:00\n在吗\n================\n消息对象:tb_buyer02\n================\ntb_buyer02 2026-11-04 11:00:00\n你好\n",
			want: []string{"<stdin>|customer|tb_buyer01|text|在吗@1", "消息对象:tb_buyer02|customer|tb_buyer02|text|你好@6"}},
		{name: "a title line after a separator",
			data: "tb_buyer01 2026-11-04 10:00:00\n在吗\n--------------------\n\n与 tb_buyer02 的聊天记录\ntb_buyer02 2026-11-04 11:00:00\n你好\n",
			want: []string{"<stdin>|customer|tb_buyer01|text|在吗@1", "与 tb_buyer02 的聊天记录|customer|tb_buyer02|text|你好@6"}},
		{name: "a titled separator",
			data: "tb_buyer01 2026-11-04 10:00:00\n在吗\n-----\n看看\n------ 与 tb_buyer02 的聊天记录 ------\ntb_buyer02 2026-11-04 11:00:00\n你好\n",
			want: []string{"<stdin>|customer|tb_buyer01|text|在吗\n-----\n看看@1", "与 tb_buyer02 的聊天记录|customer|tb_buyer02|text|你好@6"}},
		{name: "a line of equals signs right before a titled separator",
			data: "tb_buyer01 2026-11-04 10:00:00\n在吗\n==========\n------ 与 tb_buyer02 的聊天记录 ------\ntb_buyer02 2026-11-04 11:00:00\n你好\n",
			want: []string{"<stdin>|customer|tb_buyer01|text|在吗@1", "与 tb_buyer02 的聊天记录|customer|tb_buyer02|text|你好@5"}},
	} {
		s := mustRead(t, "txt", tc.data, shopAgents)
		if got := msgLines(s.msgs); got != strings.Join(tc.want, "\n") {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.name, got, strings.Join(tc.want, "\n"))
		}
		var rejects []int
		for _, r := range s.rejects {
			rejects = append(rejects, r.Pos.Line)
		}
		if fmt.Sprint(rejects) != fmt.Sprint(tc.rejects) && len(rejects)+len(tc.rejects) > 0 || len(s.skips) != tc.skips {
			t.Errorf("%s: rejects %v, skips %v; want lines %v, %d skips", tc.name, s.rejects, s.skips, tc.rejects, tc.skips)
		}
	}
}

// TestTxtOverlongLine: a line over the record bound (4 × --max-message-size)
// is read past without being kept, but only its own message is lost. In a
// dump of one line per message ([TIME] NAME: TEXT) such a line is a header
// holding a long text, a message of its own: it used to be taken for a line
// of the message before it, which was rejected with it. Its start tells: a
// header starts the line, and the lines under it go with it.
func TestTxtOverlongLine(t *testing.T) {
	long := strings.Repeat("a", 5000)    // over 4 KiB, the bound of --max-message-size 1KiB
	huge := strings.Repeat("啊", 400<<10) // 1.2 MiB, over the default bound of 1 MiB
	const (
		l1 = "[2026-11-04 10:00:00] 买家: 在吗\n"
		l2 = "[2026-11-04 10:00:05] 小美: 您好亲，这个我也不知道\n"
		lh = "[2026-11-04 10:00:06] 小美: "
		l4 = "[2026-11-04 10:00:07] 小美: 好的，祝您生活愉快\n"
	)
	agents := Options{Agents: []string{"小美", "我"}, MaxRecordBytes: 4 << 10}
	for _, tc := range []struct {
		name, data string
		opts       Options
		want       []string // msgLines
		rejects    []int    // lines, each rejected as too long
	}{
		{name: "after a message", data: l1 + l2 + lh + long + "\n" + l4, opts: agents,
			want:    []string{"<stdin>|customer|买家|text|在吗@1", "<stdin>|agent|小美|text|您好亲，这个我也不知道@2", "<stdin>|agent|小美|text|好的，祝您生活愉快@4"},
			rejects: []int{3}},
		{name: "after a message, default bound", data: l1 + l2 + lh + huge + "\n" + l4, opts: Options{Agents: []string{"小美"}, MaxRecordBytes: 4 * 256 << 10},
			want:    []string{"<stdin>|customer|买家|text|在吗@1", "<stdin>|agent|小美|text|您好亲，这个我也不知道@2", "<stdin>|agent|小美|text|好的，祝您生活愉快@4"},
			rejects: []int{3}},
		{name: "CRLF, full-width colon", data: strings.ReplaceAll(l1+l2, "\n", "\r\n") + "2026-11-04 10:00:06 小美：" + long + "\r\n" + strings.ReplaceAll(l4, "\n", "\r\n"), opts: agents,
			want:    []string{"<stdin>|customer|买家|text|在吗@1", "<stdin>|agent|小美|text|您好亲，这个我也不知道@2", "<stdin>|agent|小美|text|好的，祝您生活愉快@4"},
			rejects: []int{3}},
		// the whole line within what is kept of it, over a small bound
		{name: "short line over a small bound", data: l1 + l2 + lh + strings.Repeat("长", 40) + "\n" + l4, opts: Options{Agents: []string{"小美"}, MaxRecordBytes: 80},
			want:    []string{"<stdin>|customer|买家|text|在吗@1", "<stdin>|agent|小美|text|您好亲，这个我也不知道@2", "<stdin>|agent|小美|text|好的，祝您生活愉快@4"},
			rejects: []int{3}},
		{name: "the lines under it go with it", data: l1 + l2 + lh + long + "\n第二行\n\n" + l4, opts: agents,
			want:    []string{"<stdin>|customer|买家|text|在吗@1", "<stdin>|agent|小美|text|您好亲，这个我也不知道@2", "<stdin>|agent|小美|text|好的，祝您生活愉快@6"},
			rejects: []int{3}},
		{name: "first in the file", data: lh + long + "\n" + l1 + l2, opts: agents,
			want:    []string{"<stdin>|customer|买家|text|在吗@2", "<stdin>|agent|小美|text|您好亲，这个我也不知道@3"},
			rejects: []int{1}},
		{name: "last in the file, no line break", data: l1 + l2 + lh + long, opts: agents,
			want:    []string{"<stdin>|customer|买家|text|在吗@1", "<stdin>|agent|小美|text|您好亲，这个我也不知道@2"},
			rejects: []int{3}},
		{name: "last in the file", data: l1 + l2 + lh + long + "\n", opts: agents,
			want:    []string{"<stdin>|customer|买家|text|在吗@1", "<stdin>|agent|小美|text|您好亲，这个我也不知道@2"},
			rejects: []int{3}},
		{name: "two in a row", data: l1 + l2 + lh + long + "\n" + lh + long + "b\n" + l4, opts: agents,
			want:    []string{"<stdin>|customer|买家|text|在吗@1", "<stdin>|agent|小美|text|您好亲，这个我也不知道@2", "<stdin>|agent|小美|text|好的，祝您生活愉快@5"},
			rejects: []int{3, 4}},
		{name: "after a separator", data: l1 + "----- 与 买家 的聊天记录 -----\n" + lh + long + "\n第二行\n" + l4, opts: agents,
			want:    []string{"<stdin>|customer|买家|text|在吗@1", "与 买家 的聊天记录|agent|小美|text|好的，祝您生活愉快@5"},
			rejects: []int{3}},
		{name: "after the end of a conversation", data: l1 + "-----\n" + lh + long + "\n" + l4, opts: agents,
			want:    []string{"<stdin>|customer|买家|text|在吗@1", "<stdin>#2|agent|小美|text|好的，祝您生活愉快@4"},
			rejects: []int{3}},
		// a long line that starts with no header is the message's, which
		// is rejected whole (at the long line), as a long message is
		{name: "a line of the message before", data: l1 + l2 + long + "\n" + l4, opts: agents,
			want:    []string{"<stdin>|customer|买家|text|在吗@1", "<stdin>|agent|小美|text|好的，祝您生活愉快@4"},
			rejects: []int{3}},
		// NAME TIME headers, the text under them
		{name: "block layout", data: "买家 2026-11-04 10:00:00\n在吗\n小美 2026-11-04 10:00:05\n您好亲\n" + long + "\n第三行\n小美 2026-11-04 10:00:07\n好的\n", opts: agents,
			want:    []string{"<stdin>|customer|买家|text|在吗@1", "<stdin>|agent|小美|text|好的@7"},
			rejects: []int{5}},
		{name: "block layout, first text line", data: "买家 2026-11-04 10:00:00\n在吗\n小美 2026-11-04 10:00:05\n" + long + "\n小美 2026-11-04 10:00:07\n好的\n", opts: agents,
			want:    []string{"<stdin>|customer|买家|text|在吗@1", "<stdin>|agent|小美|text|好的@5"},
			rejects: []int{4}},
		// time-first headers without texts: a text line shaped like a
		// header holding one stays text
		{name: "time-first blocks", data: "2026-11-04 10:00:00 张三\n在吗\n\n2026-11-04 10:00:05 我\n2026-11-04 10:00:06 我: " + long + "\n\n2026-11-04 10:00:09 张三\n好\n", opts: agents,
			want:    []string{"<stdin>|customer|张三|text|在吗@1", "<stdin>|customer|张三|text|好@7"},
			rejects: []int{5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := readData(t, "txt", tc.data, tc.opts)
			checkInvariants(t, s, err)
			if err != nil {
				t.Fatal(err)
			}
			if got := msgLines(s.msgs); got != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", got, strings.Join(tc.want, "\n"))
			}
			var rejects []int
			for _, r := range s.rejects {
				rejects = append(rejects, r.Pos.Line)
				if !strings.Contains(r.Err, " long, over the ") {
					t.Errorf("reject %v: want a line or message over the bound", r)
				}
			}
			if fmt.Sprint(rejects) != fmt.Sprint(tc.rejects) {
				t.Errorf("rejects %v, want lines %v", s.rejects, tc.rejects)
			}
			if len(s.skips) != 0 {
				t.Errorf("skips %v", s.skips)
			}
		})
	}
}
