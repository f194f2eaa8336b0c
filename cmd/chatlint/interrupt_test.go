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
	r := startInterruptible(t, nil, "--format", "jsonl")
	waitUntil(t, "nothing is written to standard output", func() bool { return r.stdout.Len() > 0 })
	r.interrupt(t)
	if !strings.Contains(r.stdout.String(), `"id":"c0"`) {
		t.Errorf("stdout %.80q", r.stdout.String())
	}
}

// interruptibleRun is a lint run of an endless transcript on standard
// input, started by startInterruptible, for a test to interrupt.
type interruptibleRun struct {
	in     *io.PipeWriter
	stdout *lockedBuffer
	stderr bytes.Buffer
	done   chan int
}

// startInterruptible starts `chatlint lint --no-progress ARGS -` on an
// endless transcript, read through wrap when it is not nil; the test is
// skipped where no interrupt can be sent, and the process's interrupts go
// to the run's handler, not to the test binary's default, until it ends.
func startInterruptible(t *testing.T, wrap func(io.Reader) io.Reader, args ...string) *interruptibleRun {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no signal to send")
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	t.Cleanup(func() { signal.Stop(sig) })

	pr, pw := endlessTranscript()
	t.Cleanup(func() { pw.Close() })
	var in io.Reader = pr
	if wrap != nil {
		in = wrap(pr)
	}
	r := &interruptibleRun{in: pw, stdout: &lockedBuffer{}, done: make(chan int, 1)}
	argv := append(append([]string{"lint", "--no-progress"}, args...), "-")
	go func() { r.done <- run(argv, in, r.stdout, &r.stderr) }()
	return r
}

// interrupt interrupts the run and checks that it ends with exit 2, saying
// its report on standard output is incomplete; then it ends the input.
func (r *interruptibleRun) interrupt(t *testing.T) {
	t.Helper()
	interruptAndWait(t, r.done, &r.stderr, "chatlint: stopped (interrupt signal received): the report on standard output is incomplete\n")
	r.in.CloseWithError(io.ErrClosedPipe)
}

// waitUntil polls cond every 10 ms and fails the test with what unless it
// holds within 20 s.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal(what)
		}
		time.Sleep(10 * time.Millisecond)
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
