package main

import (
	"io"
	"strings"
	"sync/atomic"
	"testing"
)

// TestInterruptedGitHub: --format github holds the findings' annotations
// until the run ends (the run's own problems come first); a run stopped by
// Ctrl-C or a CI job's SIGTERM wrote none of those it had. It writes them,
// and a line saying the run stopped.
func TestInterruptedGitHub(t *testing.T) {
	var in *countingReader
	r := startInterruptible(t, func(pr io.Reader) io.Reader {
		in = &countingReader{r: pr}
		return in
	}, "--format", "github", "--memory-budget", "1MiB")
	// past the memory budget, conversations are linted while reading
	waitUntil(t, "standard input is not read", func() bool { return in.n.Load() >= 8<<20 })
	r.interrupt(t)
	out := r.stdout.String()
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
