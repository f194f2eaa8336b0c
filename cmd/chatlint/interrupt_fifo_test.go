//go:build unix

package main

import (
	"bytes"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestInterruptedFIFO: a FIFO named as a file, whose writer never closes
// it, is given up on the first interrupt, as standard input is: the run
// ends with exit 2 and says it was stopped, and -o's old file stays.
// Before, the read went on until the writer closed the FIFO.
func TestInterruptedFIFO(t *testing.T) {
	fifo, _ := fifoAndTranscript(t)
	out := filepath.Join(filepath.Dir(fifo), "out.json")
	if err := os.WriteFile(out, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	defer signal.Stop(sig)

	var stdout, stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"lint", "--no-progress", "--input-format", "jsonl", "-o", out, fifo}, bytes.NewReader(nil), &stdout, &stderr)
	}()
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0) // once the run reads it
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close() // only when the test ends: the writer stays
	if _, err := w.WriteString(`{"conversation":"c1","role":"agent","text":"您好"}` + "\n"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)
	p, _ := os.FindProcess(os.Getpid())
	if err := p.Signal(os.Interrupt); err != nil {
		t.Skip("cannot send the signal:", err)
	}
	select {
	case code := <-done:
		if code != 2 {
			t.Errorf("exit %d, want 2", code)
		}
		if !strings.Contains(stderr.String(), "stopped (interrupt signal received)") {
			t.Errorf("stderr %q does not say the run was stopped", stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the run did not end on the interrupt while the FIFO stayed open")
	}
	if got := readString(t, out); got != "old\n" {
		t.Errorf("%s holds %q, want it left as it was", out, got)
	}
}
