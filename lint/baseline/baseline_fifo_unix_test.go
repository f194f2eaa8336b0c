//go:build unix

package baseline

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestBaselineReadFromPipe: a baseline read from a pipe (--baseline
// <(git show main:.chatlint-baseline.json)) names its files from the
// working directory: they are there, not gone, and a copy of a reply in
// one library does not take another library's finding.
func TestBaselineReadFromPipe(t *testing.T) {
	evasive := &lint.RuleInfo{ID: "base/evasive-phrase"}
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	if err := os.Mkdir("lib", 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"lib/a.txt", "lib/b.txt"} {
		if err := os.WriteFile(name, []byte("这个我也不知道\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rec := NewRecorder(true)
	rec.Filter(cannedResult("lib/a.txt", 1, "这个我也不知道", evasive))
	rec.Filter(cannedResult("lib/b.txt", 1, "这个我也不知道", evasive))
	data := filepath.Join(root, "bl.json")
	if err := rec.Write(data); err != nil {
		t.Fatal(err)
	}
	content, err := os.ReadFile(data)
	if err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			done <- err
			return
		}
		_, err = f.Write(content)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		done <- err
	}()
	b, err := Load(fifo, true)
	if err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := len(b.Filter(cannedResult("lib/a.txt", 1, "这个我也不知道", evasive))); got != 0 {
		t.Errorf("a.txt's recorded finding is new (kept %d)", got)
	}
	if got := len(b.Filter(cannedResult("lib/a.txt", 2, "这个我也不知道", evasive))); got != 1 {
		t.Errorf("a copy in a.txt took b.txt's finding (kept %d)", got)
	}
	if got := len(b.Filter(cannedResult("lib/b.txt", 1, "这个我也不知道", evasive))); got != 0 {
		t.Errorf("b.txt's recorded finding is new (kept %d)", got)
	}
}
