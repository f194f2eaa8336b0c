//go:build unix

package main

import (
	"os"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
)

// TestFixBaselineFromPipe: --fix lints twice (the fix, then the lint of
// what it fixed) and asked the --baseline file for its bytes each time; a
// baseline that is a pipe (--baseline <(git show main:b.json)) was empty
// the second time, and the run ended 'baseline …: not JSON … unexpected end
// of JSON input', exit 2, no report, the library already fixed. The FIFO
// here gives its bytes to the first reader only, as a pipe does.
func TestFixBaselineFromPipe(t *testing.T) {
	t.Chdir(t.TempDir())
	// the baseline knows 这个不知道; 你稍等, added after, is new and fixed
	if err := os.WriteFile("lib.txt", []byte("这个不知道\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCLI(t, "lint", "--input-format", "canned", "--fail-on", "none", "--write-baseline", "b.json", "lib.txt"); code != 0 {
		t.Fatalf("--write-baseline: exit %d\n%s", code, errOut)
	}
	if err := os.WriteFile("lib.txt", []byte("你稍等\n这个不知道\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("b.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo("pipe", 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	var done atomic.Bool
	go func() {
		for first := true; !done.Load(); first = false {
			f, err := os.OpenFile("pipe", os.O_WRONLY, 0)
			if err != nil {
				return
			}
			if first {
				f.Write(data)
			}
			f.Close()
		}
	}()
	t.Cleanup(func() {
		// let the writer's last open return, and end it
		done.Store(true)
		if f, err := os.OpenFile("pipe", os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	})
	code, _, errOut := runCLI(t, "lint", "--input-format", "canned", "--fail-on", "none", "--fix", "--baseline", "pipe", "lib.txt")
	if code != 0 || strings.Contains(errOut, "not JSON") || !strings.Contains(errOut, "fixed 1 finding in lib.txt") {
		t.Errorf("--fix --baseline from a pipe: exit %d\n%s\nwant exit 0, the library fixed and the baseline read once", code, errOut)
	}
	if got := readString(t, "lib.txt"); got != "您稍等\n这个不知道\n" {
		t.Errorf("lib.txt: %q", got)
	}
}
