package transcript

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/chatlint/chatlint/lint"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// A UTF-8 file cut off inside its last character (a download or `head -c`
// that stopped inside 好, E5 A5 BD) is UTF-8: the cut character is read as
// U+FFFD and the run warns of it once, naming the line. Its bytes spell a
// GBK character (E5 A5: 濂), which they are not: before, a file under 64 KB
// was guessed to be GB18030 (all its UTF-8 lines said to mix encodings),
// and in a longer one the last line was read as GBK, in silence.
func TestCutLastCharacter(t *testing.T) {
	cut := "您好\xe5\xa5" // 您好好, cut inside the last 好
	gbk := func(s string) string { return string(encodeWith(t, simplifiedchinese.GBK, s)) }
	csvRows := func(n int) string {
		var b strings.Builder
		b.WriteString("会话ID,时间,角色,内容\n")
		for i := range n {
			fmt.Fprintf(&b, "c1,2026-11-04 10:%02d:%02d,customer,您好😀请问\n", i/60%60, i%60)
		}
		return b.String()
	}
	const cutWarning = "the file ends inside a character, cut off (an interrupted download or copy?): the last line, %d, ends in U+FFFD"
	for _, tc := range []struct {
		name, format, data string
		opts               Options
		line               int    // the cut line (and the message's, but in txt)
		mixed              string // the warning that the file mixes encodings, if any
	}{
		{"csv under 64 KB", "csv", csvRows(30) + "c1,2026-11-04 10:00:59,agent," + cut, Options{}, 32, ""},
		{"csv over 64 KB", "csv", csvRows(2000) + "c1,2026-11-04 10:00:59,agent," + cut, Options{}, 2002, ""},
		{"--encoding utf-8", "csv", csvRows(30) + "c1,2026-11-04 10:00:59,agent," + cut, Options{Encoding: "utf-8"}, 32, ""},
		{"canned", "canned", strings.Repeat("您好，很高兴为您服务\n", 5) + cut, Options{}, 6, ""},
		{"txt", "txt", "tb 2026-11-04 10:00:00\n在吗\n店铺名:小美 2026-11-04 10:00:05\n" + cut, shopAgents, 4, ""},
		{"jddc", "jddc", "s1\tUSERID_1\t0\t0\t0\tnan\t在吗\ns1\tUSERID_1\t1\t0\t0\tnan\t" + cut, Options{}, 2, ""},
		// GBK joined with UTF-8, then cut: the last line is UTF-8 up to
		// the cut (mixedReader)
		{"GBK, then UTF-8", "csv", gbk("会话ID,时间,角色,内容\nc1,2026-11-04 10:00:00,customer,在吗，这件有货吗\n") +
			"c1,2026-11-04 10:00:01,agent,您好😀请问\nc1,2026-11-04 10:00:02,agent," + cut, Options{}, 4,
			"it is GB18030, but 2 lines are UTF-8 (the first: line 3)"},
	} {
		for _, read := range []string{"whole", "one-byte"} {
			t.Run(tc.name+"/"+read, func(t *testing.T) {
				mixed := &MixedEncodings{}
				tc.opts.Mixed = mixed
				tc.opts.Format = tc.format
				tc.opts.Stdin = readerKinds[read](strings.NewReader(tc.data))
				tc.opts.Location = tzSH
				s := &recSink{}
				err := ReadAll(context.Background(), []string{"-"}, tc.opts, s)
				checkInvariants(t, s, err)
				if err != nil {
					t.Fatal(err)
				}
				if len(s.rejects) > 0 {
					t.Fatalf("rejected: %v", s.rejects)
				}
				var last string
				for _, m := range s.msgs {
					if strings.Contains(m.Text, "濂") {
						t.Errorf("line %d read as GBK: %q", m.Pos.Line, m.Text)
					}
					if m.Pos.Line == tc.line || tc.format == "txt" && m.Pos.Line == tc.line-1 {
						last = m.Text
					}
				}
				if last != "您好\uFFFD" {
					t.Errorf("line %d: %q, want 您好\uFFFD (messages %s)", tc.line, last, msgLines(s.msgs))
				}
				w := mixed.Warnings()
				want := []string{fmt.Sprintf(cutWarning, tc.line)}
				if tc.mixed != "" {
					want = append([]string{tc.mixed}, want...)
				}
				if len(w) != len(want) {
					t.Fatalf("warnings %q, want %q", w, want)
				}
				for i := range want {
					if !strings.Contains(w[i], want[i]) {
						t.Errorf("warning %q, want %q in it", w[i], want[i])
					}
				}
			})
		}
	}

	// a GBK line that ends in the same bytes is GBK when a line break
	// follows (the file goes on): it is not the cut end of the file
	data := "role,text\n" + strings.Repeat("customer,在吗，这件有货吗\n", 3000) + "agent,\xe5\xa5\n" + "agent," + gbk("濂") + "\n"
	mixed := &MixedEncodings{}
	s := mustRead(t, "csv", data, Options{Mixed: mixed})
	if n := len(s.msgs); n != 3002 || s.msgs[n-2].Text != "濂" || s.msgs[n-1].Text != "濂" {
		t.Errorf("GBK lines: %s", msgLines(s.msgs[n-2:]))
	}
	if w := mixed.Warnings(); len(w) != 1 || !strings.Contains(w[0], "it is UTF-8, but 2 lines are GB18030 (the first: line 3002)") {
		t.Errorf("warnings %q", w)
	}
	// a last line that is GBK before the cut is not UTF-8 cut off: it
	// stays what it was, a line no encoding reads cleanly
	data = "role,text\n" + strings.Repeat("customer,在吗，这件有货吗\n", 3000) + "agent," + gbk("你") + "\xba"
	s = mustRead(t, "csv", data, Options{Mixed: &MixedEncodings{}})
	if len(s.rejects) != 1 || !strings.Contains(s.rejects[0].Error(), ":3002: "+guessedUnreadableWhy(nil)) {
		t.Errorf("rejects %v", s.rejects)
	}
}

// The JSONL reader that reads straight into the engine's blocks
// (readBlockLines) reads the cut character as U+FFFD, as the line reader
// does, and says so; the record, cut off, is not JSON.
func TestCutLastCharacterBlockLines(t *testing.T) {
	defer func(r, m int) { blockRead, blockMinRead = r, m }(blockRead, blockMinRead)
	blockRead, blockMinRead = 256, 64
	var b strings.Builder
	for b.Len() < 70<<10 {
		b.WriteString(`{"conversation":"c1","role":"customer","text":"您好😀请问"}` + "\n")
	}
	lines := strings.Count(b.String(), "\n")
	for _, data := range []string{
		b.String() + `{"conversation":"c1","role":"agent","text":"您好` + "\xe5\xa5",
		`{"conversation":"c1","role":"agent","text":"您好` + "\xe5\xa5", // a small file, read whole
	} {
		last := lines + 1
		if !strings.HasPrefix(data, b.String()) {
			last = 1
		}
		var got [2][]string
		for i, slots := range []int{0, 5} {
			mixed := &MixedEncodings{}
			events, _ := readBlockEvents(t, data, Options{Location: time.UTC, Mixed: mixed}, iotest.HalfReader, slots)
			got[i] = append(events[len(events)-2:], mixed.Warnings()...)
			if w := mixed.Warnings(); len(w) != 1 || !strings.Contains(w[0], fmt.Sprintf("the last line, %d, ends in U+FFFD", last)) {
				t.Errorf("slots %d: warnings %q", slots, w)
			}
			if strings.Contains(strings.Join(events, "\n"), "濂") {
				t.Errorf("slots %d: read as GBK: %q", slots, events[len(events)-2:])
			}
		}
		if fmt.Sprint(got[0]) != fmt.Sprint(got[1]) {
			t.Errorf("block lines:\n%q\nline reader:\n%q", got[1], got[0])
		}
	}
}

// The guess takes a file (or its first 64 KB) cut off inside a character
// for UTF-8 when the bytes before the cut are; a character with an invalid
// byte, a lone byte that starts no character, or a GBK one is not.
func TestValidUTF8Prefix(t *testing.T) {
	for _, tc := range []struct {
		b    string
		want bool
	}{
		{"您好", true},
		{"您好\xe5\xa5", true},
		{"您好\xe5", true},
		{"ok \xf0\x9f\x98", true},
		{"您好\xe5\xa5\n", false},
		{"您好\xe5\x41", false},
		{"您好\xff", false},
		{"您好\xa5", false},
		{string(encodeWith(t, simplifiedchinese.GBK, "你好")), false},
		{"\xed\xa0\xbd\xed\xb8\x80 hi", true}, // CESU-8 😀
		{"\xed\xa0\xbd hi", false},            // a lone surrogate
	} {
		if got := validUTF8Prefix([]byte(tc.b)); got != tc.want {
			t.Errorf("validUTF8Prefix(%q) = %v, want %v", tc.b, got, tc.want)
		}
	}
}

// A file in GB18030 or Big5 cut off inside its last character is read as
// a UTF-8 one is: the character as U+FFFD, said once. Its last record was
// rejected as holding bytes the encoding cannot read. (UTF-16's odd last
// byte is still that: a line break a tool added, more often than not.)
func TestCutLastCharacterOtherEncodings(t *testing.T) {
	text := "role,text\n" + strings.Repeat("customer,您好，请问这件衣服还有货吗\n", 30) + "agent,不知道，您好"
	enc := func(e encoding.Encoding, s string) []byte { return encodeWith(t, e, s) }
	for _, tc := range []struct {
		name string
		data []byte
		cut  int // bytes cut off the end
		opts Options
		want string
	}{
		{"GBK", enc(simplifiedchinese.GBK, text), 1, Options{}, "不知道，您\uFFFD"},
		{"GBK, forced", enc(simplifiedchinese.GBK, text), 1, Options{Encoding: "gbk"}, "不知道，您\uFFFD"},
		{"GB18030, a four-byte character cut", enc(simplifiedchinese.GB18030, text+"𠮷"), 2, Options{}, "不知道，您好\uFFFD"},
		{"Big5", enc(traditionalchinese.Big5, strings.NewReplacer("这件", "這件", "请问", "請問", "还有货吗", "還有貨嗎").Replace(text)), 1, Options{}, "不知道，您\uFFFD"},
	} {
		for kind, wrap := range readerKinds {
			t.Run(tc.name+"/"+kind, func(t *testing.T) {
				mixed := &MixedEncodings{}
				opts := tc.opts
				opts.Format, opts.Location, opts.Mixed = "csv", tzSH, mixed
				opts.Stdin = wrap(bytes.NewReader(tc.data[:len(tc.data)-tc.cut]))
				s := &recSink{}
				err := ReadAll(context.Background(), []string{"-"}, opts, s)
				checkInvariants(t, s, err)
				if err != nil || len(s.rejects) > 0 {
					t.Fatalf("err %v, rejects %v", err, s.rejects)
				}
				if got := s.msgs[len(s.msgs)-1]; got.Pos.Line != 32 || got.Text != tc.want {
					t.Errorf("last message %s, want %q", msgLines([]lint.Message{got}), tc.want)
				}
				if w := mixed.Warnings(); len(w) != 1 || !strings.Contains(w[0], "the last line, 32, ends in U+FFFD") {
					t.Errorf("warnings %q", w)
				}
			})
		}
	}
}
