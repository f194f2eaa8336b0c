package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"
)

// progress shows a one-line count of records read on standard error, only
// when standard error is a terminal; it stays silent when piped.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	on      bool
	last    time.Time
	shown   bool
	started time.Time
}

func newProgress(w io.Writer, enabled bool) *progress {
	p := &progress{w: w, started: time.Now()}
	if f, ok := w.(*os.File); ok && enabled && term.IsTerminal(int(f.Fd())) {
		p.on = true
	}
	return p
}

// update is called by the engine as records are read.
func (p *progress) update(records int) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if now.Sub(p.started) < 300*time.Millisecond || now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	p.shown = true
	fmt.Fprintf(p.w, "\r\x1b[K读取 %d 条记录…", records)
}

// done clears the progress line.
func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}
