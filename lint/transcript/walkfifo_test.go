//go:build unix

package transcript

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestWalkSkipsNamedPipes: a named pipe in a directory walked is not
// opened (that would wait for a writer for ever); one named on the command
// line is read.
func TestWalkSkipsNamedPipes(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(`{"role":"agent","text":"您好"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "p.jsonl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	s := &recSink{}
	go func() { done <- ReadAll(context.Background(), []string{dir}, Options{Format: "auto"}, s) }()
	select {
	case err := <-done:
		if err != nil || len(s.msgs) != 1 || len(s.files) != 1 {
			t.Fatalf("err %v, %d messages from %v", err, len(s.msgs), s.files)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the walk opened the named pipe")
	}
	// named: read, once a writer comes
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err == nil {
			f.WriteString(`{"role":"agent","text":"再见"}` + "\n")
			f.Close()
		}
	}()
	s = &recSink{}
	if err := ReadAll(context.Background(), []string{fifo}, Options{Format: "auto"}, s); err != nil || len(s.msgs) != 1 {
		t.Fatalf("named pipe: err %v, %d messages", err, len(s.msgs))
	}
}
