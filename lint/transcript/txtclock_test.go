package transcript

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// clockLines is msgLines with each message's time (- for none).
func clockLines(ms []lint.Message) string {
	var out []string
	for _, m := range ms {
		when := "-"
		if !m.Time.IsZero() {
			when = m.Time.In(tzSH).Format("2006-01-02 15:04:05")
		}
		out = append(out, msgLine(m)+" "+when)
	}
	return strings.Join(out, "\n")
}

// A header giving a time of day without a date (千牛/旺旺 show today's
// messages so) is a header, dated by the conversation's previous header.
func TestTxtClockHeaders(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		opts       Options
		want       []string
		rejects    []string
	}{{
		name: "after a dated header",
		data: "tb_buyer01 2026-11-03 18:00:00\n你好\n店铺名:小美 2026-11-03 18:00:05\n您好亲，很高兴为您服务\n" +
			"tb_buyer01 10:00:00\n在吗\n店铺名:小美 10:00:30\n这个我也不知道，跟我没关系\n",
		want: []string{
			"<stdin>|customer|tb_buyer01|text|你好@1 2026-11-03 18:00:00",
			"<stdin>|agent|店铺名:小美|text|您好亲，很高兴为您服务@3 2026-11-03 18:00:05",
			"<stdin>|customer|tb_buyer01|text|在吗@5 2026-11-04 10:00:00", // more than an hour before 18:00:05: the next day
			"<stdin>|agent|店铺名:小美|text|这个我也不知道，跟我没关系@7 2026-11-04 10:00:30",
		},
	}, {
		name: "later the same day",
		data: "tb_buyer01 2026-11-03 09:00:00\n你好\n店铺名:小美 09:00:40\n您好\ntb_buyer01(09:01:00):\n在吗\n店铺名:小美（09:01:05）：\n在的\n",
		want: []string{
			"<stdin>|customer|tb_buyer01|text|你好@1 2026-11-03 09:00:00",
			"<stdin>|agent|店铺名:小美|text|您好@3 2026-11-03 09:00:40",
			"<stdin>|customer|tb_buyer01|text|在吗@5 2026-11-03 09:01:00",
			"<stdin>|agent|店铺名:小美|text|在的@7 2026-11-03 09:01:05",
		},
	}, {
		name: "every header a time of day: untimed",
		data: "tb_buyer01 10:00:00\n在吗\n店铺名:小美 10:00:30\n您好\n",
		want: []string{
			"<stdin>|customer|tb_buyer01|text|在吗@1 -",
			"<stdin>|agent|店铺名:小美|text|您好@3 -",
		},
	}, {
		name: "time first, a time of day",
		data: "10:00:00 tb_buyer01\n在吗\n\n10:00:30 店铺名:小美\n您好\n",
		want: []string{
			"<stdin>|customer|tb_buyer01|text|在吗@1 -",
			"<stdin>|agent|店铺名:小美|text|您好@4 -",
		},
	}, {
		name: "time first, dated then a time of day",
		data: "2026-11-04 10:00:00 张三\n在吗\n\n10:00:30 我\n在的\n",
		opts: Options{Agents: []string{"我"}},
		want: []string{
			"<stdin>|customer|张三|text|在吗@1 2026-11-04 10:00:00",
			"<stdin>|agent|我|text|在的@4 2026-11-04 10:00:30",
		},
	}, {
		name: "one line per message, a time of day",
		data: "[2026-11-04 09:59:00] 小美: 欢迎光临\n[10:00:00] tb_buyer01: 在吗\n[10:00:30] 店铺名:小美: 在的，亲\n",
		want: []string{
			"<stdin>|customer|小美|text|欢迎光临@1 2026-11-04 09:59:00",
			"<stdin>|customer|tb_buyer01|text|在吗@2 2026-11-04 10:00:00",
			"<stdin>|agent|店铺名:小美|text|在的，亲@3 2026-11-04 10:00:30",
		},
	}, {
		name: "one line per message, every header a time of day",
		data: "[10:00:00] tb_buyer01: 在吗\n[10:00:30] 店铺名:小美: 在的，亲\n",
		want: []string{
			"<stdin>|customer|tb_buyer01|text|在吗@1 -",
			"<stdin>|agent|店铺名:小美|text|在的，亲@2 -",
		},
	}, {
		name: "上午 and 下午",
		data: "tb_buyer01 2026年11月4日 上午11:59:00\n在吗\n店铺名:小美 下午12:00:10\n在的\ntb_buyer01 下午3:05:12\n好\n店铺名:小美上午11:00:00\n次日\n",
		want: []string{
			"<stdin>|customer|tb_buyer01|text|在吗@1 2026-11-04 11:59:00",
			"<stdin>|agent|店铺名:小美|text|在的@3 2026-11-04 12:00:10",
			"<stdin>|customer|tb_buyer01|text|好@5 2026-11-04 15:05:12",
			"<stdin>|agent|店铺名:小美|text|次日@7 2026-11-05 11:00:00",
		},
	}, {
		name: "past midnight",
		data: "tb_buyer01 2026-12-31 23:59:50\n在吗\n店铺名:小美 00:00:10\n在的\ntb_buyer01 23:59:59\n好\n店铺名:小美 00:30:00\n嗯\n",
		want: []string{
			"<stdin>|customer|tb_buyer01|text|在吗@1 2026-12-31 23:59:50",
			"<stdin>|agent|店铺名:小美|text|在的@3 2027-01-01 00:00:10",
			"<stdin>|customer|tb_buyer01|text|好@5 2027-01-01 23:59:59",
			"<stdin>|agent|店铺名:小美|text|嗯@7 2027-01-02 00:30:00",
		},
	}, {
		name: "a little earlier is the same day",
		data: "tb_buyer01 2026-11-04 10:00:00\n在吗\n店铺名:小美 09:59:58\n在的\n",
		want: []string{
			"<stdin>|customer|tb_buyer01|text|在吗@1 2026-11-04 10:00:00",
			"<stdin>|agent|店铺名:小美|text|在的@3 2026-11-04 09:59:58",
		},
	}, {
		name: "a new conversation is not dated by the one before",
		data: "tb_buyer01 2026-11-04 10:00:00\n在吗\n----- 与 tb_buyer02 的聊天记录 -----\ntb_buyer02 10:05:00\n你好\n",
		want: []string{
			"<stdin>|customer|tb_buyer01|text|在吗@1 2026-11-04 10:00:00",
			"与 tb_buyer02 的聊天记录|customer|tb_buyer02|text|你好@4 -",
		},
	}, {
		name: "without seconds: a sender named before",
		data: "tb_buyer01 2026-11-04 10:00\n在吗\n店铺名:小美 10:01\n在的\ntb_buyer01 10:02\n好\n明天 10:00\n到货\n",
		want: []string{
			"<stdin>|customer|tb_buyer01|text|在吗@1 2026-11-04 10:00:00",
			"<stdin>|agent|店铺名:小美|text|在的@3 2026-11-04 10:01:00", // an agent's name
			"<stdin>|customer|tb_buyer01|text|好\n明天 10:00\n到货@5 2026-11-04 10:02:00",
		},
	}, {
		name: "text that is no header",
		data: "tb_buyer01 2026-11-04 10:00:00\n明天 10:00 到货\n明天 10:00:00\n11月5日 10:00:00\n会在 10:00 发货\n下单时间：10:00:00\n" +
			"预计送达 周五 18:00:00\n截止 18:00\n下单时间：2026-11-04 10:00:06\n好的，18:00:00\n付款时间 12:30:00\n预计 18:00:00\n会在 10:00:00\n",
		want: []string{
			"<stdin>|customer|tb_buyer01|text|明天 10:00 到货\n明天 10:00:00\n11月5日 10:00:00\n会在 10:00 发货\n下单时间：10:00:00\n" +
				"预计送达 周五 18:00:00\n截止 18:00\n下单时间：2026-11-04 10:00:06\n好的，18:00:00\n付款时间 12:30:00\n预计 18:00:00\n会在 10:00:00@1 2026-11-04 10:00:00",
		},
	}, {
		name: "a time of day that does not exist",
		data: "tb_buyer01 2026-11-04 10:00:00\n在吗\n店铺名:小美 25:00:00\n在的\ntb_buyer01 下午13:00:00\n好\n",
		want: []string{
			"<stdin>|customer|tb_buyer01|text|在吗@1 2026-11-04 10:00:00",
		},
		rejects: []string{`unparseable time "25:00:00"`, `unparseable time "下午13:00:00"`},
	}, {
		name: "time first: text that is no header",
		data: "10:00:00 tb_buyer01\n18:00:00 前下单当天发货\n10:00:00 开始\n12:30:00\n9:00 - 18:00:00\n18:00:00 前下单: 当天发\n",
		want: []string{
			"<stdin>|customer|tb_buyer01|text|18:00:00 前下单当天发货\n10:00:00 开始\n12:30:00\n9:00 - 18:00:00\n18:00:00 前下单: 当天发@1 -",
		},
	}, {
		name: "name first: digits are no name",
		data: "tb_buyer01 10:00:00\n12:30:00\n9:00 - 18:00:00\n",
		want: []string{
			"<stdin>|customer|tb_buyer01|text|12:30:00\n9:00 - 18:00:00@1 -",
		},
	}, {
		name: "the first header fixes the layout",
		data: "tb_buyer01 10:00:00\n在吗\n10:00:30 店铺名:小美\n您好\n",
		want: []string{
			"<stdin>|customer|tb_buyer01|text|在吗\n10:00:30 店铺名:小美\n您好@1 -",
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.opts
			if opts.Agents == nil {
				opts = shopAgents
			}
			s := mustRead(t, "txt", tc.data, opts)
			if got, want := clockLines(s.msgs), strings.Join(tc.want, "\n"); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
			if len(s.rejects) != len(tc.rejects) {
				t.Fatalf("rejects: got %v, want %q", s.rejects, tc.rejects)
			}
			for i, r := range s.rejects {
				if !strings.Contains(r.Error(), tc.rejects[i]) {
					t.Errorf("reject %d: got %q, want %q", i, r.Error(), tc.rejects[i])
				}
			}
		})
	}
}

// Auto-detection by content still wants a dated first header: a time of
// day alone is too common a start of anything. A .txt file is read as txt
// by its name.
func TestTxtClockDetect(t *testing.T) {
	if sniffTxt([]byte("tb_buyer01 10:00:00\n在吗\n")) {
		t.Error("a time of day alone sniffed as txt")
	}
	if !sniffTxt([]byte("tb_buyer01 2026-11-04 10:00:00\n在吗\n")) {
		t.Error("a dated header not sniffed as txt")
	}
}
