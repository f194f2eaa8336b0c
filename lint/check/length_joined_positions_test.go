package check

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The finding in a joined text marks the overflow of its longest piece in
// the original text: Start and End are byte offsets into Message.Text,
// Column the character after the leading text, whatever separated the
// pieces (spaces, U+3000, CR LF, tabs, !@@@!) and however the text began.
func TestLengthJoinedPositions(t *testing.T) {
	rule := "id: long\ntype: length\nmax_length: 5"
	for _, text := range []string{
		"好的\u3000一二三四五六七\u3000谢谢",
		"  好的 一二三四五六七",
		"好的\r\n一二三四五六七\r\n",
		"好的!@@@!一二三四五六七!@@@!嗯",
		"\t好的\t一二三四五六七\t",
		"好的 一二三 一二三四五六七 一二三四五六七八", // the longest, not the first over the limit
	} {
		c := conv(t, "agent: x")
		c.Messages[0].Text = text
		c.Messages[0].Joined = true
		fs, _ := compileOne(t, rule).NewWorker().Check(c)
		if len(fs) != 1 {
			t.Errorf("%q: %d findings", text, len(fs))
			continue
		}
		f := fs[0]
		want := "六七"
		if strings.HasSuffix(text, "八") {
			want = "六七八"
		}
		if f.Match != want || text[f.Start:f.End] != want || utf8.RuneCountInString(text[:f.Start])+1 != f.Column {
			t.Errorf("%q: match %q [%d:%d] column %d", text, f.Match, f.Start, f.End, f.Column)
		}
	}
}
