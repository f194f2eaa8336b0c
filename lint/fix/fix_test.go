package fix

import (
	"strings"
	"testing"
)

func TestApply(t *testing.T) {
	text := "# 售后\r\n这个不行\r\n您好\r\n不好意思，这个不行\n最后一行不行"
	edits := []Edit{
		{Line: 2, Start: len("这个"), End: len("这个不行"), Old: "不行", New: "无法帮到您"},
		{Line: 4, Start: 0, End: len("不好意思"), Old: "不好意思", New: "非常抱歉"},
		{Line: 4, Start: len("不好意思，这个"), End: len("不好意思，这个不行"), Old: "不行", New: "无法帮到您"},
		{Line: 4, Start: 0, End: len("不好"), Old: "不好", New: "X"}, // overlaps: dropped
		{Line: 5, Start: len("最后一行"), End: len("最后一行不行"), Old: "不行", New: "无法帮到您"},
	}
	got, applied, err := Apply(text, edits)
	if err != nil {
		t.Fatal(err)
	}
	want := "# 售后\r\n这个无法帮到您\r\n您好\r\n非常抱歉，这个无法帮到您\n最后一行无法帮到您"
	if got != want {
		t.Errorf("Apply =\n%q\nwant\n%q", got, want)
	}
	if len(applied) != 4 {
		t.Errorf("applied %d edits, want 4", len(applied))
	}
	if _, _, err := Apply(text, []Edit{{Line: 2, Start: 0, End: 6, Old: "您好", New: "x"}}); err == nil || !strings.Contains(err.Error(), "changed since") {
		t.Errorf("stale edit: err = %v", err)
	}
}

func TestDiff(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n"
	new := strings.Replace(strings.Replace(old, "b\n", "B\n", 1), "k\n", "K\n", 1)
	got := Diff("replies.txt", old, new)
	want := "--- a/replies.txt\n+++ b/replies.txt\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -8,4 +8,4 @@\n h\n i\n j\n-k\n+K\n"
	if got != want {
		t.Errorf("Diff =\n%s\nwant\n%s", got, want)
	}
	if Diff("x", "same", "same") != "" {
		t.Error("equal texts have no diff")
	}
}
