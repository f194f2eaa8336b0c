package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/chatlint/chatlint/lint/fix"
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
			for _, want := range []string{"-不好意思，这个价格不行\r\n+非常抱歉，这个价格无法帮到您\r\n", "+非常抱歉，快递无法到达您那里\r\n", "@@ -1,6 +1,6 @@"} {
				if !strings.Contains(out, want) {
					t.Errorf("diff lacks %q:\n%s", want, out)
				}
			}
			if now, _ := os.ReadFile(path); !bytes.Equal(now, orig) {
				t.Fatal("--diff changed the file")
			}

			// --fix rewrites it in its own encoding; unfixed lines keep their bytes
			code, out, errOut := runCLI(t, append(args, "--fix", path)...)
			if !strings.Contains(errOut, "fixed 4 finding(s) in "+path) {
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
	_, err := fixFile(path, "gbk", []fix.Edit{{Line: 2, Start: 3, End: 9, Old: "不行", New: "不可以"}}, false, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "line 2 holds bytes") {
		t.Errorf("fixed a line GBK cannot read: %v", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, file) {
		t.Errorf("file rewritten: % X", got)
	}
}
