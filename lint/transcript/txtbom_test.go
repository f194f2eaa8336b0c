package transcript

import (
	"strings"
	"testing"
)

// Dumps joined with cat (a.txt b.txt > all.txt) keep the second file's
// byte-order mark at the start of a line: the line reads as it would
// without it, a header, a separator or a title, so that the second
// dump's conversation is not taken into the first, nor its sender named
// with the mark in front.
func TestTxtJoinedWithBOM(t *testing.T) {
	one := "---------- 与 tb_buyer01 的聊天记录 ----------\ntb_buyer01 2026-11-04 10:00:00\n在吗\n"
	two := "---------- 与 tb_buyer02 的聊天记录 ----------\ntb_buyer02 2026-11-04 11:00:00\n你好\n"
	three := "tb_buyer03 2026-11-04 12:00:00\n再见\n"
	s := mustRead(t, "auto", "\uFEFF"+one+"\uFEFF"+two+"\uFEFF"+three, shopAgents)
	want := []string{
		"与 tb_buyer01 的聊天记录|customer|tb_buyer01|text|在吗@2",
		"与 tb_buyer02 的聊天记录|customer|tb_buyer02|text|你好@5",
		"与 tb_buyer02 的聊天记录|customer|tb_buyer03|text|再见@7",
	}
	if got := msgLines(s.msgs); got != strings.Join(want, "\n") || len(s.rejects) != 0 {
		t.Fatalf("got\n%s\nrejects %v\nwant\n%s", got, s.rejects, strings.Join(want, "\n"))
	}
}
