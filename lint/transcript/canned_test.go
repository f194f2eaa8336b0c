package transcript

import (
	"bufio"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestCannedReader(t *testing.T) {
	in := "# 快捷短语库\n\n您好，很高兴为您服务\r\n  # 缩进的注释\n不好意思，这个不行  \n\xff\xfe坏字节\n亲，欢迎再次光临"
	rec := &recorder{}
	src := &Source{Name: "replies.txt", R: bufio.NewReader(strings.NewReader(in)), Opts: &Options{}}
	if err := (cannedReader{}).Read(context.Background(), src, rec); err != nil {
		t.Fatal(err)
	}
	if len(rec.messages) != 3 || len(rec.rejects) != 1 {
		t.Fatalf("messages %v rejects %v", rec.messages, rec.rejects)
	}
	want := []struct {
		line int
		text string
	}{{3, "您好，很高兴为您服务"}, {5, "不好意思，这个不行"}, {7, "亲，欢迎再次光临"}}
	for i, w := range want {
		m := rec.messages[i]
		if m.Pos.Line != w.line || m.Text != w.text || m.Role != lint.Agent || !m.Time.IsZero() || m.Conversation != "replies.txt:"+strconv.Itoa(w.line) {
			t.Errorf("reply %d = %+v", i, m)
		}
	}
	if rec.rejects[0].Pos.Line != 6 {
		t.Errorf("reject at line %d, want 6", rec.rejects[0].Pos.Line)
	}
}

func FuzzReadCanned(f *testing.F) {
	f.Add("# c\n您好\n\n不行\r\n")
	f.Add("\xff\n#\n  \n亲")
	f.Add("您好\n" + strings.Repeat(" \t", 3000) + "\r\n不\xff行\n")
	f.Fuzz(func(t *testing.T, in string) {
		rec := &recorder{}
		src := &Source{Name: "r.txt", R: bufio.NewReader(strings.NewReader(in)), Opts: &Options{}}
		if err := (cannedReader{}).Read(context.Background(), src, rec); err != nil {
			t.Fatal(err)
		}
		for _, m := range rec.messages {
			if strings.TrimSpace(m.Text) == "" || strings.HasPrefix(strings.TrimSpace(m.Text), "#") {
				t.Fatalf("blank or comment line linted: %q", m.Text)
			}
		}
	})
}

// TestCannedEncodingsAndNUL: a canned library read like the other formats:
// a GBK line after a UTF-8 sample is read as GB18030 (keeping its line
// number, which --fix edits by), a NUL byte rejects its line.
func TestCannedEncodingsAndNUL(t *testing.T) {
	gbk := string(encodeWith(t, simplifiedchinese.GBK, "这个我也不知道"))
	// the GBK line and the NUL byte past the 64 KB sample
	data := strings.Repeat("您好，很高兴为您服务\n", 2200) + gbk + "\nabc\x00def\n\xff\xfe坏字节\n亲，欢迎再次光临\n"
	var mixed MixedEncodings
	s, err := readData(t, "canned", data, Options{Mixed: &mixed})
	checkInvariants(t, s, err)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.msgs) != 2202 || s.msgs[2200].Text != "这个我也不知道" || s.msgs[2200].Pos.Line != 2201 || s.msgs[2201].Pos.Line != 2204 {
		t.Fatalf("%d messages; %s", len(s.msgs), msgLines(s.msgs[2199:]))
	}
	if len(s.rejects) != 2 || !strings.Contains(s.rejects[0].Error(), ":2202: NUL byte in the record") ||
		!strings.Contains(s.rejects[1].Error(), ":2203: "+guessedUnreadableWhy(nil)) {
		t.Fatalf("rejects %v", s.rejects)
	}
	if w := mixed.Warnings(); len(w) != 1 || !strings.Contains(w[0], "1 line is GB18030 (the first: line 2201)") {
		t.Fatalf("warnings %q", w)
	}
}

// waiverRecorder is a recorder that also takes the waivers a reader finds
// to waive nothing, as the engine's sink does.
type waiverRecorder struct {
	recorder
	unused []lint.Waiver
}

func (r *waiverRecorder) UnusedWaivers(ws []lint.Waiver) { r.unused = append(r.unused, ws...) }

// TestCannedWaiversNameOnlyTheNextReply: a waiver waives the reply right
// after it; when that reply is rejected (not UTF-8, a NUL byte, over the
// record bound) the waiver goes unused, and does not carry over to a later
// reply; a waiver at the end of the file is unused too.
func TestCannedWaiversNameOnlyTheNextReply(t *testing.T) {
	in := "# chatlint-disable-next-line base/evasive-phrase 旧话术\n" + // 1
		"\xff\xff\xfe\n" + // 2: invalid UTF-8
		"这个我也不知道\n" + // 3
		"# chatlint-disable-next-line evasive-phrase,rude-phrase 太长\n" + // 4
		"\n" + // 5
		strings.Repeat("啊", 100) + "\n" + // 6: over the record bound
		"这个我也不知道\n" + // 7
		"# chatlint-disable-next-line * 有用\n" + // 8
		"# 普通注释\n" + // 9
		"abc\x00def\n" + // 10: NUL
		"# chatlint-disable-next-line * 有用\n" + // 11
		"这个我也不知道\n" + // 12
		"# chatlint-disable-next-line blame-customer 末尾\n" // 13
	rec := &waiverRecorder{}
	src := &Source{Name: "r.txt", R: bufio.NewReader(strings.NewReader(in)), Opts: &Options{MaxRecordBytes: 200}}
	if err := (cannedReader{}).Read(context.Background(), src, rec); err != nil {
		t.Fatal(err)
	}
	if len(rec.messages) != 3 || len(rec.rejects) != 3 {
		t.Fatalf("messages %v rejects %v", rec.messages, rec.rejects)
	}
	for i, m := range rec.messages[:2] {
		if len(m.Waivers) != 0 {
			t.Errorf("reply %d (line %d) has the waivers of a rejected reply: %+v", i, m.Pos.Line, m.Waivers)
		}
	}
	if ws := rec.messages[2].Waivers; len(ws) != 1 || ws[0].Pos.Line != 11 || ws[0].Rule != "*" {
		t.Errorf("line 12 waivers %+v", ws)
	}
	var got []string
	for _, w := range rec.unused {
		got = append(got, fmt.Sprintf("%d %s %s", w.Pos.Line, w.Rule, w.Reason))
	}
	want := []string{"1 base/evasive-phrase 旧话术", "4 evasive-phrase 太长", "4 rude-phrase 太长", "8 * 有用", "13 blame-customer 末尾"}
	if !slices.Equal(got, want) {
		t.Errorf("unused waivers\n got %q\nwant %q", got, want)
	}

	// a file of only a waiver, without a final line break
	rec = &waiverRecorder{}
	src = &Source{Name: "w.txt", R: bufio.NewReader(strings.NewReader("# chatlint-disable-next-line *")), Opts: &Options{}}
	if err := (cannedReader{}).Read(context.Background(), src, rec); err != nil {
		t.Fatal(err)
	}
	if len(rec.messages) != 0 || len(rec.unused) != 1 || rec.unused[0].Pos != (lint.Pos{File: "w.txt", Line: 1}) {
		t.Errorf("messages %v unused %+v", rec.messages, rec.unused)
	}
}
