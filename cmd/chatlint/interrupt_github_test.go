package main

import (
	"bytes"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestInterruptedGitHub: --format github holds the findings' annotations
// until the run ends (the run's own problems come first); a run stopped by
// Ctrl-C or a CI job's SIGTERM wrote none of those it had. It writes them,
// and a line saying the run stopped.
func TestInterruptedGitHub(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no signal to send")
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	defer signal.Stop(sig)

	pr, pw := endlessTranscript()
	defer pw.Close()
	in := &countingReader{r: pr}
	stdout := &lockedBuffer{}
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"lint", "--no-progress", "--format", "github", "--memory-budget", "1MiB", "-"}, in, stdout, &stderr)
	}()
	// past the memory budget, conversations are linted while reading
	deadline := time.Now().Add(20 * time.Second)
	for in.n.Load() < 8<<20 {
		if time.Now().After(deadline) {
			t.Fatal("standard input is not read")
		}
		time.Sleep(10 * time.Millisecond)
	}
	interruptAndWait(t, done, &stderr, "chatlint: stopped (interrupt signal received): the report on standard output is incomplete\n")
	pw.CloseWithError(io.ErrClosedPipe)
	out := stdout.String()
	if !strings.HasPrefix(out, "::warning title=base/missing-greeting::<stdin>:1: ") {
		t.Errorf("stdout starts %.200q", out)
	}
	if !strings.Contains(out, "\nchatlint: stopped before the end of the run: ") || !strings.HasSuffix(out, " of the conversations linted so far\n") {
		t.Errorf("stdout ends %q", out[max(len(out)-200, 0):])
	}
}

// countingReader counts the bytes read of r.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}
