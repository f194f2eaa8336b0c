package main

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint/transcript"
)

// TestPathHintBuiltOnce: the hint of an input that could not be read,
// which the report and stderr both say, is built once per input, not once
// for each: a name typed as chatlint shows a GBK one (售后.txt) had the
// names of its directory read twice (pathwhy.Encoded), by each run and
// each --diff and --fix run that named it. (Linux: a name of any bytes.)
func TestPathHintBuiltOnce(t *testing.T) {
	t.Chdir(t.TempDir())
	// 售后.txt and 客服.txt in GBK
	for _, name := range []string{"\xca\xdb\xba\xf3.txt", "\xbf\xcd\xb7\xfe.txt"} {
		if err := os.WriteFile(name, []byte("客户：在吗\n客服：您好\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	built := map[string]int{}
	defer func(f func(*transcript.FileError) string) { buildPathHint = f }(buildPathHint)
	buildPathHint = func(fe *transcript.FileError) string {
		built[fe.Name]++
		return pathHint(fe)
	}
	for _, args := range [][]string{
		{"lint", "--format", "json", "--fail-on", "none", "售后.txt", "客服.txt"},
		{"lint", "--diff", "--input-format", "canned", "售后.txt", "客服.txt"},
		// --fix: the lint before the fix lists them to leave them alone,
		// and built each hint for nothing, the report after it again
		{"lint", "--fix", "--format", "json", "--input-format", "canned", "售后.txt", "客服.txt"},
	} {
		clear(built)
		code, stdout, stderr := runCLI(t, args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2; stderr:\n%s", args, code, stderr)
		}
		for _, name := range []string{"售后.txt", "客服.txt"} {
			if built[name] != 1 {
				t.Errorf("%v: the hint of %s was built %d times, want once", args, name, built[name])
			}
			if !strings.Contains(stderr, name+": no such file or directory (the file named "+name+" in GBK is there") {
				t.Errorf("%v: stderr does not give %s's hint:\n%s", args, name, stderr)
			}
			if slices.Contains(args, "--format") && !strings.Contains(stdout, "the file named "+name+" in GBK is there") {
				t.Errorf("%v: the report does not give %s's hint:\n%s", args, name, stdout)
			}
		}
	}
}
