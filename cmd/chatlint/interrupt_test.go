package main

import (
	"bytes"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestInterruptedOnStdout: a run stopped while its report streams to
// standard output has written part of it there; it says so, not that no
// report was written (a `> report.json` holds a cut-off report).
func TestInterruptedOnStdout(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no signal to send")
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	defer signal.Stop(sig)

	pr, pw := endlessTranscript()
	defer pw.Close()
	stdout := &lockedBuffer{}
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"lint", "--no-progress", "--format", "jsonl", "-"}, pr, stdout, &stderr)
	}()
	deadline := time.Now().Add(20 * time.Second)
	for stdout.Len() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("nothing is written to standard output")
		}
		time.Sleep(10 * time.Millisecond)
	}
	interruptAndWait(t, done, &stderr, "chatlint: stopped (interrupt signal received): the report on standard output is incomplete\n")
	pw.CloseWithError(io.ErrClosedPipe)
	if !strings.Contains(stdout.String(), `"id":"c0"`) {
		t.Errorf("stdout %.80q", stdout.String())
	}
}

// lockedBuffer is a bytes.Buffer written by one goroutine and measured by
// another.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Len()
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// interruptAndWait sends this process an interrupt and waits for the exit
// code of the run under test on done: the test fails unless the run ends
// within 20 s with exit 2 and stderr reading want.
func interruptAndWait(t *testing.T, done <-chan int, stderr *bytes.Buffer, want string) {
	t.Helper()
	p, _ := os.FindProcess(os.Getpid())
	if err := p.Signal(os.Interrupt); err != nil {
		t.Skip("cannot send the signal:", err)
	}
	select {
	case code := <-done:
		if code != 2 {
			t.Errorf("exit %d, want 2", code)
		}
		if stderr.String() != want {
			t.Errorf("stderr %q, want %q", stderr.String(), want)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the run did not end on the interrupt")
	}
}
