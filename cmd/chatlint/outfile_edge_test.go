package main

import (
	"bytes"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestOutputRelativeLinkInLinkedDir: a relative link is resolved against
// the directory it lies in as the system resolves it: sb/l.txt, with sb a
// link to a/b and l.txt a link to ../target.txt, leads to a/target.txt,
// not to ./target.txt.
func TestOutputRelativeLinkInLinkedDir(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.MkdirAll(filepath.Join("a", "b"), 0o755)
	os.WriteFile(filepath.Join("a", "target.txt"), []byte("old\n"), 0o644)
	if err := os.Symlink(filepath.Join("a", "b"), "sb"); err != nil {
		t.Skip("no symbolic links:", err)
	}
	if err := os.Symlink(filepath.Join("..", "target.txt"), filepath.Join("a", "b", "l.txt")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	if err := writeFileReplacing(filepath.Join("sb", "l.txt"), []byte("new\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, filepath.Join("a", "target.txt")); got != "new\n" {
		t.Errorf("a/target.txt holds %q", got)
	}
	if _, err := os.Lstat("target.txt"); err == nil {
		t.Errorf("./target.txt was written")
	}
	if st, err := os.Lstat(filepath.Join("a", "b", "l.txt")); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
}

// TestOutputFIFOWaitsForReader: a FIFO is opened for writing only, as the
// shell's > opens it: the run waits for a reader, which gets the report
// (opened read-write, it went into a pipe no one read and was lost).
func TestOutputFIFOWaitsForReader(t *testing.T) {
	fifo, good := fifoAndTranscript(t)
	done := make(chan int, 1)
	go func() {
		code, _, _ := runCLI(t, "lint", "--fail-on", "none", "--format", "jsonl", "-o", fifo, good)
		done <- code
	}()
	select {
	case code := <-done:
		t.Fatalf("the run ended (exit %d) with no reader: its report is lost", code)
	case <-time.After(300 * time.Millisecond):
	}
	b, err := os.ReadFile(fifo)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"id":"c1"`) {
		t.Errorf("the reader got %q", b)
	}
	if code := <-done; code != 0 {
		t.Errorf("exit %d", code)
	}
}

// TestStopWhileStdinBlocks: a signal stops a run waiting for standard
// input (a pipe no one writes to), and it leaves no temporary file.
func TestStopWhileStdinBlocks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no signal to send")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("report.json", []byte("old report\n"), 0o644)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	defer signal.Stop(sig)

	pr, pw := io.Pipe()
	defer pw.Close()
	done := make(chan int, 1)
	var stderr bytes.Buffer
	go func() {
		done <- run([]string{"lint", "--no-progress", "--format", "json", "-o", "report.json", "-"}, pr, io.Discard, &stderr)
	}()
	deadline := time.Now().Add(20 * time.Second)
	for len(tempFiles(t, ".")) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the report is not being written")
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
	p, _ := os.FindProcess(os.Getpid())
	p.Signal(syscall.SIGTERM)
	select {
	case code := <-done:
		if code != 2 || !strings.Contains(stderr.String(), "stopped (terminated signal received)") {
			t.Errorf("exit %d, stderr %q", code, stderr.String())
		}
	case <-time.After(5 * time.Second):
		pw.Close()
		<-done
		t.Fatal("the run did not end on SIGTERM while waiting for standard input")
	}
	if got := readString(t, "report.json"); got != "old report\n" {
		t.Errorf("report.json holds %q", got)
	}
	if tmp := tempFiles(t, "."); len(tmp) > 0 {
		t.Errorf("left %v", tmp)
	}
}

// TestOutputErrorsNameTheFile: the errors of writing and committing an
// output file name the user's file, not the temporary one.
func TestOutputErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	out, err := createOutput(path, 0o666, false)
	if err != nil {
		t.Fatal(err)
	}
	out.File.Close() // as a full disk would fail it
	_, werr := out.Write([]byte("x"))
	cerr := out.Commit()
	for _, err := range []error{werr, cerr} {
		if err == nil || strings.Contains(err.Error(), ".tmp") || !strings.Contains(err.Error(), path) {
			t.Errorf("error %v, want one naming %s", err, path)
		}
	}
	if tmp := tempFiles(t, dir); len(tmp) > 0 {
		t.Errorf("left %v", tmp)
	}
}
