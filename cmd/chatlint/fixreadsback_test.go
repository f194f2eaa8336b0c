package main

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint/fix"
	"github.com/chatlint/chatlint/lint/transcript"
)

// TestReadsBack: a fixed library must read as the old one with its fixes,
// record for record. The two texts are read side by side (not each into
// a list of its records first), and what is said where they do not agree
// is what reading each whole first said: the old text not read, then the
// fixed one not read, then the first record that differs (the old text
// without the match a fix is for, a reply that reads back otherwise, a
// record gone), then a record the fix adds.
func TestReadsBack(t *testing.T) {
	edit := func(line, start int, old, new string) fix.Edit {
		return fix.Edit{Line: line, Start: start, End: start + len(old), Old: old, New: new}
	}
	yamlEdit := func(line, col, start int, old, new string) fix.Edit {
		e := edit(line, start, old, new)
		e.TextCol = col
		return e
	}
	for _, tt := range []struct {
		name, file, old, new string
		done                 []fix.Edit
		want                 string // the error's start; "" none
	}{
		{"fixed", "r.txt", "好的\n这个不行\n", "好的\n这个无法帮到您\n",
			[]fix.Edit{edit(2, len("这个"), "不行", "无法帮到您")}, ""},
		{"several fixes of a reply", "r.txt", "不行，不行\n", "无法帮到您，无法帮到您\n",
			[]fix.Edit{edit(1, 0, "不行", "无法帮到您"), edit(1, len("不行，"), "不行", "无法帮到您")}, ""},
		{"fixed in YAML", "r.yaml", "- 好的\n- 这个不行\n", "- 好的\n- 这个无法帮到您\n",
			[]fix.Edit{yamlEdit(2, 3, len("这个"), "不行", "无法帮到您")}, ""},
		{"the old text without the match", "r.txt", "好的\n这个可以\n", "好的\n这个无法帮到您\n",
			[]fix.Edit{edit(2, len("这个"), "不行", "无法帮到您")}, `line 2: the reply reads back as "这个可以", without the "不行"`},
		{"a reply read back otherwise", "r.yaml", "- 好的\n- 这个不行\n", "- 好的\n- 这个 #不行\n",
			[]fix.Edit{yamlEdit(2, 3, len("这个"), "不行", " #不行")}, `line 2: the fixed reply would read back as "这个", not "这个 #不行"`},
		{"the first of two that differ", "r.txt", "不行\n不行\n", "#无法\n#无法\n",
			[]fix.Edit{edit(1, 0, "不行", "#无法"), edit(2, 0, "不行", "#无法")}, `line 1: the fixed reply would read back as no reply, not "#无法"`},
		{"a record gone", "r.txt", "好的\n不行\n", "好的\n",
			nil, `line 2: the fixed reply would read back as no reply, not "不行"`},
		{"a record added", "r.txt", "好的\n", "好的\n不行\n",
			nil, "line 2: the fix would add a record to the library"},
		{"the fixed text not read", "r.yaml", "- 好的\n- 这个不行\n", "- 好的\n- \"这个不行\n",
			[]fix.Edit{yamlEdit(2, 3, 0, "这个", "\"这个")}, "the fixed library would not read ("},
		// the old text's read fails after a reply that differs: the
		// failure is said, as when the old text was read whole first
		{"the old text not read", "r.yaml", "- 不行\n- ok\n- [\n", "- \"无法\n- ok\n- [\n",
			[]fix.Edit{yamlEdit(1, 3, 0, "不行", "\"无法")}, "reading the library again: "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := readsBack(tt.file, tt.old, tt.new, tt.done, transcript.Options{})
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("error %v, want none", err)
			case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
				t.Errorf("error %v, want one starting %q", err, tt.want)
			}
		})
	}
}
