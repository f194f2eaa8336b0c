package transcript

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestTxtReadErrorKeepsOpenMessage: a txt dump whose read fails part-way
// (a disk error, a broken pipe) keeps the message it was reading when the
// read failed, as it keeps those before it: its header and lines were
// read, and only what follows is missing, which the error (at the line it
// failed on) tells. It was dropped, unsaid, with nothing to show for it.
func TestTxtReadErrorKeepsOpenMessage(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		opts       Options
		want       []string
		line       string // the line the error names
	}{
		{
			name: "千牛, name first",
			data: "tb_buyer01 2026-11-04 10:00:00\n在吗\n店铺名:小美 2026-11-04 10:00:06\n您好亲\n有什么可以帮您\n",
			opts: shopAgents,
			want: []string{
				"<stdin>|customer|tb_buyer01|text|在吗@1",
				"<stdin>|agent|店铺名:小美|text|您好亲\n有什么可以帮您@3",
			},
			line: "line 6:",
		},
		{
			name: "WeChat export, time first, CRLF",
			data: "2026-11-04 10:00:00 张三\r\n在吗\r\n\r\n2026-11-04 10:00:05 我\r\n在的\r\n第二行\r\n\r\n",
			opts: Options{Agents: []string{"我"}},
			want: []string{
				"<stdin>|customer|张三|text|在吗@1",
				"<stdin>|agent|我|text|在的\n第二行@4",
			},
			line: "line 8:",
		},
		{
			name: "lines held after a divider in the message",
			data: "tb_buyer01 2026-11-04 10:00:00\n在吗\n店铺名:小美 2026-11-04 10:00:06\n您好亲\n----------\n订单号 123\n",
			opts: shopAgents,
			want: []string{
				"<stdin>|customer|tb_buyer01|text|在吗@1",
				"<stdin>|agent|店铺名:小美|text|您好亲\n----------\n订单号 123@3",
			},
			line: "line 7:",
		},
		{
			name: "a header with nothing under it yet",
			data: "tb_buyer01 2026-11-04 10:00:00\n在吗\n店铺名:小美 2026-11-04 10:00:06\n",
			opts: shopAgents,
			want: []string{
				"<stdin>|customer|tb_buyer01|text|在吗@1",
				"<stdin>|agent|店铺名:小美|text|@3",
			},
			line: "line 4:",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, piece := range []func(io.Reader) io.Reader{
				func(r io.Reader) io.Reader { return r },
				iotest.OneByteReader,
			} {
				opts := tc.opts
				opts.Format = "txt"
				opts.Location = tzSH
				opts.Stdin = piece(io.MultiReader(strings.NewReader(tc.data), iotest.ErrReader(errors.New("disk on fire"))))
				s := &recSink{}
				err := ReadAll(context.Background(), []string{"-"}, opts, s)
				if err == nil || !strings.Contains(err.Error(), tc.line+" disk on fire") {
					t.Fatalf("error %v, want the read error at %s", err, tc.line)
				}
				checkInvariants(t, s, err)
				if got := msgLines(s.msgs); got != strings.Join(tc.want, "\n") {
					t.Fatalf("got\n%s\nwant\n%s", got, strings.Join(tc.want, "\n"))
				}
				if len(s.rejects) != 0 {
					t.Fatalf("rejects: %v", s.rejects)
				}
			}
		})
	}
}
