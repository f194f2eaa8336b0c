package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOneReportUnwritten: a report that could not be written whole (a
// full disk: here a temporary file that takes no bytes) was told 'write
// report: write report.json: …' alone, where several reports are told
// what became of each file ('no report written; report.json left
// untouched'): the report.json there is the old one, which the user took
// for the new. One report is now told as several are; under --fix, below
// the line that says what was fixed (the probe of fixOutputsWritable
// passes: the disk fills only later).
func TestOneReportUnwritten(t *testing.T) {
	t.Chdir(t.TempDir())
	const lib = "这个不行\n您好\n"
	old := tempFile
	t.Cleanup(func() { tempFile = old })
	tempFile = func(target string, perm fs.FileMode) (*os.File, error) {
		f, err := old(target, perm)
		if err != nil || !strings.HasPrefix(filepath.Base(target), "report.") {
			return f, err // (the library is fixed)
		}
		f.Close()
		return os.Open(f.Name()) // (read only: each write fails)
	}
	for _, tt := range []struct {
		args    []string
		oldRep  bool
		want    string
		fixedTo bool
	}{
		{[]string{"-o", "report.json"}, false, "chatlint: write report: write report.json: bad file descriptor: no report written; report.json not created\n", false},
		{[]string{"-o", "report.json"}, true, "chatlint: write report: write report.json: bad file descriptor: no report written; report.json left untouched\n", false},
		{[]string{"--fix", "-o", "report.txt"}, true, "chatlint: fixed 1 finding in lib.txt\nchatlint: write report: write report.txt: bad file descriptor: no report written; report.txt left untouched\n", true},
	} {
		if err := os.WriteFile("lib.txt", []byte(lib), 0o644); err != nil {
			t.Fatal(err)
		}
		rep := tt.args[len(tt.args)-1]
		os.Remove("report.json")
		os.Remove("report.txt")
		if tt.oldRep {
			if err := os.WriteFile(rep, []byte("old report\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		args := append([]string{"lint", "--pack", "callcenter", "--input-format", "canned", "--fail-on", "none"}, tt.args...)
		code, _, errOut := runCLI(t, append(args, "lib.txt")...)
		if code != 2 || errOut != tt.want {
			t.Errorf("%q (old report %v): exit %d, %q; want 2, %q", tt.args, tt.oldRep, code, errOut, tt.want)
		}
		if fixed := readString(t, "lib.txt") != lib; fixed != tt.fixedTo {
			t.Errorf("%q: the library fixed: %v", tt.args, fixed)
		}
		if got, err := os.ReadFile(rep); tt.oldRep && string(got) != "old report\n" || !tt.oldRep && err == nil {
			t.Errorf("%q (old report %v): the report holds %q (%v)", tt.args, tt.oldRep, got, err)
		}
		if entries, _ := os.ReadDir("."); len(entries) != 1+btoi(tt.oldRep) {
			t.Errorf("%q: left behind: %v", tt.args, entries)
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
