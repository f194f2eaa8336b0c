package transcript

import (
	"bufio"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
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
