package main

import (
	"fmt"
	"os"
	"path/filepath"
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
		{"fixed among others, CRLF", "r.txt", "好的\r\n这个不行\r\n# 注释\r\n\r\n再见", "好的\r\n这个无法帮到您\r\n# 注释\r\n\r\n再见",
			[]fix.Edit{edit(2, len("这个"), "不行", "无法帮到您")}, ""},
		{"fixed among others, a lone CR", "r.txt", "好的\r这个不行\r再见\r", "好的\r这个无法帮到您\r再见\r",
			[]fix.Edit{edit(2, len("这个"), "不行", "无法帮到您")}, ""},
		{"the last line, without a line break", "r.txt", "好的\n这个不行", "好的\n这个无法帮到您",
			[]fix.Edit{edit(2, len("这个"), "不行", "无法帮到您")}, ""},
		{"a reply made blank", "r.txt", "好的\n不行\n再见\n", "好的\n \n再见\n",
			[]fix.Edit{edit(2, 0, "不行", " ")}, `line 2: the fixed reply would read back as no reply, not " "`},
		{"the second of two fixed read back otherwise", "r.txt", "不行\n好的\n不行\n", "无法\n好的\n#无法\n",
			[]fix.Edit{edit(1, 0, "不行", "无法"), edit(3, 0, "不行", "#无法")}, `line 3: the fixed reply would read back as no reply, not "#无法"`},
		{"a reply gone among others", "r.yaml", "- 好的\n- 不行\n- 再见\n", "- 好的\n- \n- 再见\n",
			[]fix.Edit{yamlEdit(2, 3, 0, "不行", "")}, `line 2: the fixed reply would read back as no reply, not ""`},
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
			// the lines the fix changes, read alone, say the same
			old, new := fix.SplitLines(tt.old), fix.SplitLines(tt.new)
			if len(old) == len(new) {
				if lerr := readsBackLines(tt.file, old, new, tt.done, transcript.Options{}); fmt.Sprint(lerr) != fmt.Sprint(err) {
					t.Errorf("read by its lines: error %v, want %v", lerr, err)
				}
			}
		})
	}
}

// TestReadsBackReadsChangedLines: a .txt library, read a line at a time,
// is read again only at the lines the fix changes: checking the fix of a
// library of 20,000 replies with 3 fixes allocates a small part of its
// size (0.16), where reading both texts whole (every reply's text copied)
// allocated 5.9 times its size.
func TestReadsBackReadsChangedLines(t *testing.T) {
	path, size, edits := bigLibrary(t, 20000)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	newText, done, err := fix.Apply(text, edits[:3])
	if err != nil {
		t.Fatal(err)
	}
	old, new := fix.SplitLines(text), fix.SplitLines(newText)
	got := allocated(func() {
		if err := readsBackLines(path, old, new, done, transcript.Options{}); err != nil {
			t.Fatal(err)
		}
	})
	if got > uint64(size)/4 {
		t.Errorf("reading back 3 fixes allocated %.2f times the library's %d bytes", float64(got)/float64(size), size)
	}
	// a library read otherwise than by its lines (yaml, csv) is read whole
	yaml := filepath.Join(filepath.Dir(path), "r.yaml")
	if err := readsBackLines(yaml, []string{"- 好的\n", "- 这个不行\n"}, []string{"- 好的\n", "- 这个 #不行\n"},
		[]fix.Edit{{Line: 2, TextCol: 3, Start: len("这个"), End: len("这个不行"), Old: "不行", New: " #不行"}}, transcript.Options{}); err == nil ||
		!strings.HasPrefix(err.Error(), `line 2: the fixed reply would read back as "这个", not "这个 #不行"`) {
		t.Errorf("yaml: error %v", err)
	}
}
