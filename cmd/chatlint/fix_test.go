package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/chatlint/chatlint/internal/difftest"
	"github.com/chatlint/chatlint/lint/fix"
	"github.com/chatlint/chatlint/lint/transcript"
)

// library is a canned-reply library with fixable findings (callcenter's
// 带「不」字 phrases and ecommerce's 但是/你) and lines without any.
const library = "# 售后快捷短语\r\n" +
	"不好意思，这个价格不行\r\n" +
	"亲，您好！很高兴为您服务\r\n" +
	"\r\n" +
	"不好意思，快递到不了您那里\r\n" +
	"感谢您的耐心等待，祝您生活愉快\r\n"

const fixedLibrary = "# 售后快捷短语\r\n" +
	"非常抱歉，这个价格无法帮到您\r\n" +
	"亲，您好！很高兴为您服务\r\n" +
	"\r\n" +
	"非常抱歉，快递无法到达您那里\r\n" +
	"感谢您的耐心等待，祝您生活愉快\r\n"

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestFixKeepsEncodingAndOtherBytes(t *testing.T) {
	encodings := []struct {
		name string
		bom  []byte
		enc  encoding.Encoding
	}{
		{"utf-8", nil, nil},
		{"utf-8 with BOM", []byte{0xEF, 0xBB, 0xBF}, nil},
		{"gbk", nil, simplifiedchinese.GBK},
		{"utf-16le with BOM", []byte{0xFF, 0xFE}, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)},
	}
	encode := func(t *testing.T, bom []byte, e encoding.Encoding, s string) []byte {
		b := []byte(s)
		if e != nil {
			var err error
			if b, err = e.NewEncoder().Bytes(b); err != nil {
				t.Fatal(err)
			}
		}
		return append(append([]byte{}, bom...), b...)
	}
	for _, tt := range encodings {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "replies.txt")
			orig := encode(t, tt.bom, tt.enc, library)
			if err := os.WriteFile(path, orig, 0o640); err != nil {
				t.Fatal(err)
			}
			args := []string{"lint", "--pack", "callcenter", "--input-format", "canned", "--fail-on", "warning"}

			// --diff shows the change and writes nothing
			code, out, _ := runCLI(t, append(args, "--diff", path)...)
			if code != 1 {
				t.Errorf("--diff exit %d, want 1 (the lint's exit code)", code)
			}
			// in the file's own bytes: applied to them, it gives the fixed
			// file (before, it was UTF-8 whatever the file's encoding, and
			// applied to no file in another)
			if got, err := difftest.Apply(string(orig), out); err != nil {
				t.Errorf("the diff does not apply: %v\n%q", err, out)
			} else if want := encode(t, tt.bom, tt.enc, fixedLibrary); got != string(want) {
				t.Errorf("the diff applied gives\n% x\nwant\n% x", got, want)
			}
			wants := []string{"@@ -1,6 +1,6 @@"}
			if tt.enc != nil && tt.enc != simplifiedchinese.GBK {
				wants = nil // UTF-16: its lines are not git's (see fix.DiffLines)
			}
			for _, l := range []string{"-不好意思，这个价格不行\r\n+非常抱歉，这个价格无法帮到您\r\n", "+非常抱歉，快递无法到达您那里\r\n"} {
				if wants != nil {
					wants = append(wants, l[:1]+string(encode(t, nil, tt.enc, l[1:])))
				}
			}
			for _, want := range wants {
				if !strings.Contains(out, want) {
					t.Errorf("diff lacks %q:\n%s", want, out)
				}
			}
			if now, _ := os.ReadFile(path); !bytes.Equal(now, orig) {
				t.Fatal("--diff changed the file")
			}

			// --fix rewrites it in its own encoding; unfixed lines keep their bytes
			code, out, errOut := runCLI(t, append(args, "--fix", path)...)
			if !strings.Contains(errOut, "fixed 4 findings in "+path) {
				t.Errorf("stderr = %q", errOut)
			}
			now, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if want := encode(t, tt.bom, tt.enc, fixedLibrary); !bytes.Equal(now, want) {
				t.Errorf("fixed file:\n% x\nwant:\n% x", now, want)
			}
			if st, _ := os.Stat(path); st.Mode().Perm() != 0o640 {
				t.Errorf("permissions changed to %v", st.Mode().Perm())
			}
			// the report after --fix shows what is left: nothing fixable
			if strings.Contains(out, "建议:") {
				t.Errorf("fixable findings remain after --fix:\n%s", out)
			}
			if code, out, _ = runCLI(t, append(args, path)...); strings.Contains(out, "建议:") {
				t.Errorf("re-lint finds fixable findings (exit %d):\n%s", code, out)
			}
			// a second --fix changes nothing
			runCLI(t, append(args, "--fix", path)...)
			if again, _ := os.ReadFile(path); !bytes.Equal(again, now) {
				t.Error("a second --fix changed the file")
			}
		})
	}
}

func TestFixRefusals(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "day.jsonl")
	os.WriteFile(path, []byte(`{"conversation":"c","role":"agent","text":"不行"}`+"\n"), 0o644)
	if code, _, errOut := runCLI(t, "lint", "--fix", path); code != 2 || !strings.Contains(errOut, "--input-format canned") {
		t.Errorf("--fix on a transcript: exit %d, %s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "lint", "--input-format", "canned", "--fix", "-"); code != 2 || !strings.Contains(errOut, "not standard input") {
		t.Errorf("--fix on stdin: exit %d, %s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "lint", "--input-format", "canned", "--fix", "--diff", path); code != 2 || !strings.Contains(errOut, "do not go together") {
		t.Errorf("--fix --diff: exit %d, %s", code, errOut)
	}
}

func TestFixWaivedLinesStay(t *testing.T) {
	path := filepath.Join(t.TempDir(), "replies.txt")
	lib := "# chatlint-disable-next-line callcenter/bu-phrase 培训用的反面例子\n不好意思，这个不行\n不好意思\n"
	os.WriteFile(path, []byte(lib), 0o644)
	runCLI(t, "lint", "--pack", "callcenter", "--input-format", "canned", "--fix", path)
	now, _ := os.ReadFile(path)
	if want := "# chatlint-disable-next-line callcenter/bu-phrase 培训用的反面例子\n不好意思，这个不行\n非常抱歉\n"; string(now) != want {
		t.Errorf("waived line must not be fixed:\n%s", now)
	}
}

// TestFixNeverRewritesUnreadableLine: an edit that lands on a line the
// file's encoding cannot read (it was linted as a malformed record, so the
// file changed since) is refused, and the file is left as it was.
func TestFixNeverRewritesUnreadableLine(t *testing.T) {
	gbk := func(s string) []byte {
		b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	file := append(append(gbk("这个不行\n"), 0xFF), gbk("不行\n")...)
	path := filepath.Join(t.TempDir(), "r.txt")
	if err := os.WriteFile(path, file, 0o644); err != nil {
		t.Fatal(err)
	}
	// line 2 decodes (lossily) as U+FFFD 不行: 不行 at byte 3
	_, _, err := fixFile(path, transcript.Options{Encoding: "gbk"}, []fix.Edit{{Line: 2, Start: 3, End: 9, Old: "不行", New: "不可以"}}, false, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "line 2 holds bytes") {
		t.Errorf("fixed a line GBK cannot read: %v", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, file) {
		t.Errorf("file rewritten: % X", got)
	}
}

// TestFixStructuredLibraries: --fix and --diff edit a YAML or csv library
// where a reply's match is written on its line as it is, each line keeping
// every other byte; a library with a fix in a reply that is not (a block
// scalar) is named, left as it was, and the run exits 2, the other files
// still fixed.
func TestFixStructuredLibraries(t *testing.T) {
	dir := t.TempDir()
	files := map[string]struct{ orig, fixed string }{
		"a.yaml": {
			"# 售后\n售后:\n  - 不好意思，这个价格不行   # 旧话术\n  - \"不好意思，快递到不了您那里\"\n  - {key: /no, text: 这个不行}\n",
			"# 售后\n售后:\n  - 非常抱歉，这个价格无法帮到您   # 旧话术\n  - \"非常抱歉，快递无法到达您那里\"\n  - {key: /no, text: 这个无法帮到您}\n",
		},
		"b.csv": {
			"快捷键,话术\r\n/a,不好意思，这个价格不行\r\n/b,\"亲，这个不行\"\r\n",
			"快捷键,话术\r\n/a,非常抱歉，这个价格无法帮到您\r\n/b,\"亲，这个无法帮到您\"\r\n",
		},
		"c.yaml": {"- |\n  这个不行\n- 这个不行\n", ""},          // a block scalar
		"d.csv":  {"话术\n\"亲，\"\"这个\"\"不行\"\n这个不行\n", ""}, // after an escape
	}
	var paths []string
	for name, f := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(f.orig), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	slices.Sort(paths)
	args := []string{"lint", "--pack", "callcenter", "--input-format", "canned", "--fail-on", "none"}
	code, out, errOut := runCLI(t, append(append(args, "--diff"), paths...)...)
	if code != 2 || !strings.Contains(out, "+  - 非常抱歉，这个价格无法帮到您   # 旧话术\n") || !strings.Contains(out, "+/a,非常抱歉，这个价格无法帮到您\r\n") {
		t.Errorf("--diff: exit %d\n%s\n%s", code, out, errOut)
	}
	code, _, errOut = runCLI(t, append(append(args, "--fix"), paths...)...)
	if code != 2 || !strings.Contains(errOut, "fix "+paths[2]+": line 1: \"不行\" is not written on the line as it is in the reply") ||
		!strings.Contains(errOut, "fix "+paths[3]+": line 2: \"不行\" is not written") || strings.Count(errOut, "the file is left as it was") != 2 {
		t.Errorf("--fix: exit %d\n%s", code, errOut)
	}
	for name, f := range files {
		got, _ := os.ReadFile(filepath.Join(dir, name))
		want := f.fixed
		if want == "" {
			want = f.orig
		}
		if string(got) != want {
			t.Errorf("%s =\n%q\nwant\n%q", name, got, want)
		}
	}
}

// TestFixRefusesWhatWouldNotReadBack: a replacement that the library's
// syntax would read otherwise (a ": " in a plain YAML scalar, a quote in a
// quoted one, a delimiter in an unquoted csv field, a # starting a line)
// is refused, and the file left as it was; one that reads back is made.
func TestFixRefusesWhatWouldNotReadBack(t *testing.T) {
	edit := func(line, col int, old, new string, start int) fix.Edit {
		return fix.Edit{Line: line, TextCol: col, Start: start, End: start + len(old), Old: old, New: new}
	}
	for _, tc := range []struct {
		name, file, data string
		edit             fix.Edit
		want             string // the fixed file; "" refused
	}{
		{"yaml plain, fine", "r.yaml", "- 这个不行\n", edit(1, 3, "不行", "无法帮到您", 6), "- 这个无法帮到您\n"},
		{"yaml plain, a mapping", "r.yaml", "- 这个不行\n", edit(1, 3, "不行", "注意: 不行", 6), ""},
		{"yaml plain, a comment", "r.yaml", "- 这个不行\n", edit(1, 3, "不行", "不 #行", 6), ""},
		{"yaml plain, a number", "r.yaml", "- 不行\n", edit(1, 3, "不行", "12", 0), ""},
		{"yaml double quotes, a quote", "r.yaml", "- \"这个不行\"\n", edit(1, 4, "不行", "\"不\"", 6), ""},
		{"yaml double quotes, a backslash", "r.yaml", "- \"这个不行\"\n", edit(1, 4, "不行", `\t`, 6), ""},
		{"yaml single quotes, double quotes are fine", "r.yaml", "- '这个不行'\n", edit(1, 4, "不行", "\"不可以\"", 6), "- '这个\"不可以\"'\n"},
		{"yaml single quotes, a quote", "r.yaml", "- '这个不行'\n", edit(1, 4, "不行", "'", 6), ""},
		{"csv unquoted, a comma", "r.csv", "key,text\n/a,这个不行\n", edit(2, 4, "不行", "不,行", 6), ""},
		{"csv unquoted, fine", "r.csv", "key,text\n/a,这个不行\n", edit(2, 4, "不行", "无法帮到您", 6), "key,text\n/a,这个无法帮到您\n"},
		{"csv quoted, a comma is fine", "r.csv", "key,text\n/a,\"这个不行\"\n", edit(2, 5, "不行", "不,行", 6), "key,text\n/a,\"这个不,行\"\n"},
		{"csv quoted, a quote", "r.csv", "key,text\n/a,\"这个不行\"\n", edit(2, 5, "不行", "\"", 6), ""},
		{"lines, a comment", "r.txt", "不行\n", edit(1, 1, "不行", "# 不", 0), ""},
		{"lines, fine", "r.txt", "不行\n", edit(1, 1, "不行", "无法帮到您", 0), "无法帮到您\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.file)
			if err := os.WriteFile(path, []byte(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
			_, _, err := fixFile(path, transcript.Options{Format: "canned"}, []fix.Edit{tc.edit}, false, io.Discard)
			got, _ := os.ReadFile(path)
			switch {
			case tc.want == "" && (err == nil || !strings.Contains(err.Error(), "fix it by hand")):
				t.Errorf("not refused: %v", err)
			case tc.want == "" && string(got) != tc.data:
				t.Errorf("refused, but the file changed: %q", got)
			case tc.want != "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.want != "" && string(got) != tc.want:
				t.Errorf("fixed %q, want %q", got, tc.want)
			}
		})
	}
}

// TestDiffNamesTheFileForPatch: --diff names each file as git apply and
// patch -p1 find it from the working directory, however its path was typed
// (./lib, the absolute path, lib//x), and ends a name holding a space with a
// tab, as git and diff -u do (patch reads a name up to white space).
func TestDiffNamesTheFileForPatch(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.MkdirAll(filepath.Join("售后 回复"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"lib.txt", filepath.Join("售后 回复", "a b.txt")} {
		if err := os.WriteFile(name, []byte("不好意思，这个价格不行\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct{ arg, want string }{
		{"lib.txt", "--- a/lib.txt\n+++ b/lib.txt\n"},
		{"./lib.txt", "--- a/lib.txt\n+++ b/lib.txt\n"},
		{"." + string(filepath.Separator) + "." + string(filepath.Separator) + "lib.txt", "--- a/lib.txt\n+++ b/lib.txt\n"},
		{filepath.Join(dir, "lib.txt"), "--- a/lib.txt\n+++ b/lib.txt\n"},
		{"./售后 回复", "--- a/售后 回复/a b.txt\t\n+++ b/售后 回复/a b.txt\t\n"},
		{filepath.Join(dir, "售后 回复", "a b.txt"), "--- a/售后 回复/a b.txt\t\n+++ b/售后 回复/a b.txt\t\n"},
	} {
		code, out, errOut := runCLI(t, "lint", "--pack", "callcenter", "--input-format", "canned", "--diff", tc.arg)
		if code != 0 || !strings.HasPrefix(out, tc.want+"@@ -1 +1 @@\n") {
			t.Errorf("--diff %s: exit %d\n%s\nwant it to start\n%s\n%s", tc.arg, code, out, tc.want, errOut)
		}
	}
}

// TestDiffKeepsUTF8BOM: the diff of a UTF-8 library with a byte-order mark
// shows the mark on its first line, as the file holds it: without it the
// first hunk's context does not match the file and git apply refuses it.
func TestDiffKeepsUTF8BOM(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "bom.txt")
	if err := os.WriteFile(p, []byte("\ufeff亲，您好\r\n不好意思，这个价格不行\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "lint", "--pack", "callcenter", "--input-format", "canned", "--diff", p)
	want := "@@ -1,2 +1,2 @@\n \ufeff亲，您好\r\n-不好意思，这个价格不行\r\n+非常抱歉，这个价格无法帮到您\r\n"
	if code != 0 || !strings.HasSuffix(out, want) {
		t.Errorf("--diff: exit %d\n%q\nwant it to end\n%q\n%s", code, out, want, errOut)
	}
}
