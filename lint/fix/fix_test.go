package fix

import (
	"errors"
	"slices"
	"strconv"
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
	// a name with a space ends in a tab, for patch to read it whole
	if got, want := Diff("售后 回复/a b.txt", "a\n", "b\n"), "--- a/售后 回复/a b.txt\t\n+++ b/售后 回复/a b.txt\t\n@@ -1 +1 @@\n-a\n+b\n"; got != want {
		t.Errorf("Diff =\n%q\nwant\n%q", got, want)
	}
	if Diff("x", "same", "same") != "" {
		t.Error("equal texts have no diff")
	}
}

// TestApplyLineEndings: lines are split as the canned-reply reader splits
// them (\r\n, \n, a lone \r), and every line keeps its own ending.
func TestApplyLineEndings(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"lone CR", "这个不行\r好的\r不好意思，不行\r", "这个无法帮到您\r好的\r不好意思，无法帮到您\r"},
		{"mixed", "好的\n这个不行\r不好意思，不行\r\n", "好的\n这个无法帮到您\r不好意思，无法帮到您\r\n"},
		{"CR before CRLF", "这个不行\r\r\n好的\r\n不好意思，不行", "这个无法帮到您\r\r\n好的\r\n不好意思，无法帮到您"},
		{"no final ending", "好的\r这个不行\n不好意思，不行", "好的\r这个无法帮到您\n不好意思，无法帮到您"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := SplitLines(tt.text)
			var edits []Edit
			for i, l := range lines {
				if j := strings.LastIndex(l, "不行"); j >= 0 {
					edits = append(edits, Edit{Line: i + 1, Start: j, End: j + len("不行"), Old: "不行", New: "无法帮到您"})
				}
			}
			got, applied, err := Apply(tt.text, edits)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Apply =\n%q\nwant\n%q", got, tt.want)
			}
			if len(applied) != 2 {
				t.Errorf("applied %d edits, want 2", len(applied))
			}
		})
	}
}

func TestSplitLines(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"a", []string{"a"}},
		{"a\r\nb\rc\nd", []string{"a\r\n", "b\r", "c\n", "d"}},
		{"a\r\r\n\n", []string{"a\r", "\r\n", "\n"}},
		{"a\r", []string{"a\r"}},
		{"a\n\r\nb\rc", []string{"a\n", "\r\n", "b\r", "c"}},
		{"长\r\n短", []string{"长\r\n", "短"}},
	}
	for _, tt := range tests {
		got := SplitLines(tt.text)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
			t.Errorf("SplitLines(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestApplyAtTheTextsColumn: in a YAML or csv library a reply starts
// further on its line (TextCol, in code points); an edit past the part
// written as it is (TextRaw), or in a reply not written there as it is
// (TextCol -1), is refused.
func TestApplyAtTheTextsColumn(t *testing.T) {
	text := "- 😀这个不行\n售后: [不行, 这个不行]\n- \"不\\n不行\"\n"
	edits := []Edit{
		{Line: 1, TextCol: 3, Start: len("😀这个"), End: len("😀这个不行"), Old: "不行", New: "无法帮到您"},
		{Line: 2, TextCol: 6, Start: 0, End: len("不行"), Old: "不行", New: "X"},
		{Line: 2, TextCol: 10, Start: len("这个"), End: len("这个不行"), Old: "不行", New: "Y"},
	}
	got, applied, err := Apply(text, edits)
	if err != nil {
		t.Fatal(err)
	}
	if want := "- 😀这个无法帮到您\n售后: [X, 这个Y]\n- \"不\\n不行\"\n"; got != want {
		t.Errorf("Apply =\n%q\nwant\n%q", got, want)
	}
	if len(applied) != 3 || applied[1].New != "X" || applied[1].Start != 0 {
		t.Errorf("applied %+v", applied)
	}
	var nv *NotVerbatimError
	for _, e := range []Edit{
		{Line: 3, TextCol: 4, TextRaw: len("不"), Start: len("不\n"), End: len("不\n不行"), Old: "不行", New: "X"},
		{Line: 3, TextCol: -1, Start: 0, End: len("不"), Old: "不", New: "X"},
	} {
		if _, _, err := Apply(text, []Edit{e}); !errors.As(err, &nv) || nv.Line != 3 {
			t.Errorf("edit %+v: err = %v", e, err)
		}
	}
	if _, _, err := Apply(text, []Edit{{Line: 1, TextCol: 30, Start: 0, End: 3, Old: "不", New: "X"}}); err == nil || !strings.Contains(err.Error(), "changed since") {
		t.Errorf("column past the line: err = %v", err)
	}
}

// TestChoose: where two rules' matches overlap in a reply, the longest is
// fixed (then the leftmost, then the first given) and the others are told,
// each with the one fixed in its place; the same fix from two rules is
// made once, and not told; matches in other replies on the line (a YAML
// flow list) never overlap.
func TestChoose(t *testing.T) {
	e := func(line, col, start, end int, old, repl, rule string) Edit {
		return Edit{Line: line, TextCol: col, Start: start, End: end, Old: old, New: repl, Rule: rule}
	}
	edits := []Edit{
		e(1, 0, 6, 12, "不行", "无法帮到您", "a/short"),     // 这个[不行]
		e(1, 0, 0, 12, "这个不行", "这个暂时无法办理", "b/long"), // [这个不行]: longer, kept
		e(2, 0, 0, 6, "不行", "无法帮到您", "a/short"),      // same place, same fix: once, not told
		e(2, 0, 0, 6, "不行", "无法帮到您", "c/copy"),       //
		e(3, 0, 0, 6, "但是", "同时", "a/first"),         // as long, same place: the first given
		e(3, 0, 0, 6, "但是", "不过", "b/second"),        //
		e(4, 0, 0, 6, "甲乙", "X", "a/left"),           // as long: the leftmost
		e(4, 0, 3, 9, "乙丙", "Y", "b/right"),          //
		e(5, 3, 0, 6, "不行", "无法帮到您", "a/short"),      // another reply on line 5
		e(5, 12, 0, 6, "不行", "无法帮到您", "a/short"),     //
	}
	kept, left := Choose(edits)
	var got []string
	for _, k := range kept {
		got = append(got, k.Rule+"@"+strconv.Itoa(k.Line))
	}
	if want := "b/long@1 a/short@2 a/first@3 a/left@4 a/short@5 a/short@5"; strings.Join(got, " ") != want {
		t.Errorf("kept %s, want %s", strings.Join(got, " "), want)
	}
	got = nil
	for _, o := range left {
		got = append(got, o.Edit.Rule+"<"+o.Kept.Rule)
	}
	if want := "a/short<b/long b/second<a/first b/right<a/left"; strings.Join(got, " ") != want {
		t.Errorf("left %s, want %s", strings.Join(got, " "), want)
	}
	// Apply then makes the longer one, which by itself it would not
	text := "不能少了\n"
	both := []Edit{e(1, 0, 0, 9, "不能少", "无法少", "a/short"), e(1, 0, 0, 12, "不能少了", "无法再低了", "b/long")}
	kept, _ = Choose(both)
	got1, _, _ := Apply(text, both)
	got2, _, _ := Apply(text, kept)
	if got1 != "无法少了\n" || got2 != "无法再低了\n" {
		t.Errorf("Apply of all: %q; of the kept: %q", got1, got2)
	}
}

// TestSplitLinesLooksOnce: the lines of a text are cut looking at each
// byte of it about once (here: at most twice, once for \n and once for
// \r), whatever its line endings. Each line looked for the next \n from
// its start, to the end of the text where there was none: a library of
// lines ending in a lone \r (old Mac files) took time quadratic in its
// lines, to split it for --fix and --diff (Apply, SplitLines) and to read
// its scripts (NewLibrary). The lines are those a byte-by-byte cut gives.
func TestSplitLinesLooksOnce(t *testing.T) {
	looked := 0
	defer func(f func(string, byte) int) { indexByte = f }(indexByte)
	indexByte = func(s string, c byte) int {
		i := strings.IndexByte(s, c)
		if i < 0 {
			looked += len(s)
		} else {
			looked += i + 1
		}
		return i
	}
	line := "您好，这个不行哦"
	texts := map[string]string{
		"lone CR":           strings.Repeat(line+"\r", 5000),
		"LF":                strings.Repeat(line+"\n", 5000),
		"CRLF":              strings.Repeat(line+"\r\n", 5000),
		"lone CR, then LF":  strings.Repeat(line+"\r", 5000) + line + "\n" + line,
		"mixed":             strings.Repeat(line+"\r"+line+"\n"+line+"\r\n"+"\r\r\n\n", 1000),
		"CR, no final end":  strings.Repeat(line+"\r", 5000) + line,
		"no line ending":    strings.Repeat(line, 5000),
		"line endings only": strings.Repeat("\r\r\n\n\r", 5000),
	}
	for name, text := range texts {
		looked = 0
		got := SplitLines(text)
		if looked > 2*len(text) {
			t.Errorf("%s: SplitLines looked at %d bytes of %d (%.0f times each)", name, looked, len(text), float64(looked)/float64(len(text)))
		}
		if want := splitLinesByByte(text); !slices.Equal(got, want) {
			t.Errorf("%s: SplitLines gives %d lines, want %d", name, len(got), len(want))
		}
		looked = 0
		NewLibrary(text)
		if looked > 2*len(text) {
			t.Errorf("%s: NewLibrary looked at %d bytes of %d (%.0f times each)", name, looked, len(text), float64(looked)/float64(len(text)))
		}
	}
	// every short text of these bytes cuts as byte by byte
	alphabet := []string{"a", "\r", "\n", "长"}
	var each func(prefix string, n int)
	each = func(prefix string, n int) {
		if got, want := SplitLines(prefix), splitLinesByByte(prefix); !slices.Equal(got, want) {
			t.Errorf("SplitLines(%q) = %q, want %q", prefix, got, want)
		}
		if n > 0 {
			for _, a := range alphabet {
				each(prefix+a, n-1)
			}
		}
	}
	each("", 7)
}

// splitLinesByByte is SplitLines, byte by byte.
func splitLinesByByte(text string) []string {
	var lines []string
	start := 0
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '\n', text[i] == '\r' && (i+1 == len(text) || text[i+1] != '\n'):
			lines = append(lines, text[start:i+1])
			start = i + 1
		}
	}
	if start < len(text) {
		lines = append(lines, text[start:])
	}
	return lines
}
