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
