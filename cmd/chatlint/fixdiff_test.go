package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/chatlint/chatlint/internal/difftest"
)

// TestDiffAppliesInTheFilesEncoding: --diff of a library in GBK, Big5 or
// UTF-16 (either order, with or without a byte-order mark) holds its lines
// in the file's own bytes, so that the diff applies to the file and gives
// what --fix writes (before, it was UTF-8 whatever the encoding, and git
// apply refused it: "patch failed: gbk.txt:1"). A UTF-16 diff is as git
// diff --text writes one: its lines end at each 0A byte, even one inside a
// character (上 is U+4E0A, 0A 4E in UTF-16LE: the fixes here bring one in
// and take one away). git apply and patch -p1 are run on it as well, where
// they are installed.
func TestDiffAppliesInTheFilesEncoding(t *testing.T) {
	pack := "pack: p\nrules:\n  - id: wait\n    type: forbid\n    severity: warning\n    deduct: 1\n    match: substring\n" +
		"    phrases: [稍等, 上到]\n    suggest: {稍等: 稍候上, 上到: 即到}\n    message: x\n"
	lib := "# 话术\r\n你稍等\r\n好的\r\n马上到\r\n四\r\n五\r\n六\r\n七\r\n八\r\n您稍等\r\n末行"
	le, be := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	for _, tt := range []struct {
		name, flag string
		bom        []byte
		enc        encoding.Encoding
	}{
		{"gbk", "", nil, simplifiedchinese.GBK},
		{"big5", "", nil, traditionalchinese.Big5},
		{"utf-8 with BOM", "", []byte{0xEF, 0xBB, 0xBF}, nil},
		{"utf-16le with BOM", "", []byte{0xFF, 0xFE}, le},
		{"utf-16be with BOM", "", []byte{0xFE, 0xFF}, be},
		{"utf-16le", "utf-16le", nil, le},
		{"utf-16be", "utf-16be", nil, be},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			if err := os.WriteFile("p.yaml", []byte(pack), 0o644); err != nil {
				t.Fatal(err)
			}
			text := lib
			if tt.enc == traditionalchinese.Big5 {
				text = strings.NewReplacer("话术", "話術", "马上", "馬上").Replace(lib)
			}
			orig := []byte(text)
			if tt.enc != nil {
				var err error
				if orig, err = tt.enc.NewEncoder().Bytes(orig); err != nil {
					t.Fatal(err)
				}
			}
			orig = append(append([]byte{}, tt.bom...), orig...)
			if err := os.WriteFile("lib.txt", orig, 0o644); err != nil {
				t.Fatal(err)
			}
			args := []string{"lint", "--pack", "p.yaml", "--input-format", "canned", "--fail-on", "none"}
			if tt.flag != "" {
				args = append(args, "--encoding", tt.flag)
			}
			code, diff, errOut := runCLI(t, append(args, "--diff", "-o", "fix.diff", "lib.txt")...)
			if code != 0 || diff != "" || errOut != "" {
				t.Fatalf("--diff: exit %d\n%s\n%s", code, diff, errOut)
			}
			d := readString(t, "fix.diff")
			if code, _, errOut := runCLI(t, append(args, "--fix", "lib.txt")...); code != 0 || !strings.Contains(errOut, "fixed 3 findings") {
				t.Fatalf("--fix: exit %d\n%s", code, errOut)
			}
			fixed := readString(t, "lib.txt")
			if !strings.HasPrefix(d, "--- a/lib.txt\n+++ b/lib.txt\n@@ -1,") {
				t.Errorf("the diff's headers: %q", d)
			}
			if got, err := difftest.Apply(string(orig), d); err != nil {
				t.Errorf("the diff does not apply: %v\n%q", err, d)
			} else if got != fixed {
				t.Errorf("the diff applied gives\n%q\n--fix wrote\n%q", got, fixed)
			}
			// the tools themselves, where there are
			for _, tool := range [][]string{{"git", "apply"}, {"patch", "-p1", "--batch"}} {
				if _, err := exec.LookPath(tool[0]); err != nil {
					continue
				}
				if err := os.WriteFile("lib.txt", orig, 0o644); err != nil {
					t.Fatal(err)
				}
				cmd := exec.Command(tool[0], append(tool[1:], "fix.diff")...)
				if tool[0] == "patch" {
					cmd = exec.Command(tool[0], tool[1:]...)
					cmd.Stdin = strings.NewReader(d)
				}
				cmd.Dir = dir
				cmd.Env = append(os.Environ(), "GIT_CEILING_DIRECTORIES="+filepath.Dir(dir)) // no repository around it
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Errorf("%s: %v\n%s", strings.Join(tool, " "), err, out)
				} else if got := readString(t, filepath.Join(dir, "lib.txt")); got != fixed {
					t.Errorf("%s wrote\n%q\nwant\n%q", strings.Join(tool, " "), got, fixed)
				}
			}
		})
	}
}
