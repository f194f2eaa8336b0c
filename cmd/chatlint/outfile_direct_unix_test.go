//go:build unix

package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"testing"
)

// TestReportToFIFOCutShort: a report written to a FIFO whose reader goes
// away after the report's start failed with 'broken pipe: no report
// written; out.fifo left untouched', where the reader had the report's
// start and a FIFO has no old content to keep; it now says the report
// that went there is incomplete.
func TestReportToFIFOCutShort(t *testing.T) {
	t.Chdir(t.TempDir())
	// a library whose text report outgrows a pipe's buffer many times
	var b strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&b, "这个不行%d\n", i)
	}
	if err := os.WriteFile("lib.txt", []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo("out.fifo", 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	read := make(chan error, 1)
	go func() {
		f, err := os.Open("out.fifo") // (waits for chatlint to open it)
		if err != nil {
			read <- err
			return
		}
		_, err = io.ReadFull(f, make([]byte, 100))
		f.Close()
		read <- err
	}()
	code, _, errOut := runCLI(t, "lint", "--pack", "callcenter", "--input-format", "canned", "--fail-on", "none", "-o", "out.fifo", "lib.txt")
	if err := <-read; err != nil {
		t.Fatal("read the FIFO:", err)
	}
	want := "chatlint: write report: write out.fifo: broken pipe: the report written to out.fifo is incomplete\n"
	if code != 2 || errOut != want {
		t.Errorf("exit %d, %q; want 2, %q", code, errOut, want)
	}
}

// TestInterruptedReportToFIFO: a run stopped while its report streams
// into a FIFO that -o names was said to have written no report and left
// the FIFO "untouched", where its reader had the report's start; it says
// the report written there is incomplete, as for standard output.
func TestInterruptedReportToFIFO(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := syscall.Mkfifo("out.fifo", 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	got := &lockedBuffer{}
	read := make(chan error, 1)
	go func() {
		f, err := os.Open("out.fifo") // (waits for chatlint to open it)
		if err == nil {
			_, err = io.Copy(got, f)
			f.Close()
		}
		read <- err
	}()
	r := startInterruptible(t, nil, "--format", "jsonl", "-o", "out.fifo")
	waitUntil(t, "nothing is written to the FIFO", func() bool { return got.Len() > 0 })
	interruptAndWait(t, r.done, &r.stderr, "chatlint: stopped (interrupt signal received): the report written to out.fifo is incomplete\n")
	r.in.CloseWithError(io.ErrClosedPipe)
	if err := <-read; err != nil {
		t.Fatal("read the FIFO:", err)
	}
	if !strings.Contains(got.String(), `"id":"c0"`) {
		t.Errorf("the FIFO had %.80q", got.String())
	}
}
