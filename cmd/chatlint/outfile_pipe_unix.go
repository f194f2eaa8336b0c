//go:build unix

package main

import (
	"errors"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// pipeCleanup keeps a run whose report on standard output loses its
// reader (chatlint lint -o - -o day.json … | head, or --write-baseline
// beside a report piped on) from leaving the temporary files of its other
// outputs behind: Go ends the program by SIGPIPE in such a write, and no
// deferred Abort runs. While it is held, SIGPIPE is asked for, so that the
// write fails with EPIPE instead; the writer it wraps (watch) then runs
// cleanup and ends chatlint by SIGPIPE as Go would have (exit 141, with
// nothing said). nil does nothing.
type pipeCleanup struct {
	ch      chan os.Signal
	cleanup func()
}

// newPipeCleanup asks for SIGPIPE until release, unless it is ignored
// (then a write fails with EPIPE anyway, and the run ends by the error,
// its deferred Aborts run).
func newPipeCleanup(cleanup func()) *pipeCleanup {
	if signal.Ignored(syscall.SIGPIPE) {
		return nil
	}
	p := &pipeCleanup{ch: make(chan os.Signal, 1), cleanup: cleanup}
	signal.Notify(p.ch, syscall.SIGPIPE)
	return p
}

// release stops asking for SIGPIPE.
func (p *pipeCleanup) release() {
	if p != nil {
		signal.Stop(p.ch)
	}
}

// watch wraps w, which writes to standard output (std is its file).
func (p *pipeCleanup) watch(w io.Writer, std *os.File) io.Writer {
	if p == nil || std == nil {
		return w
	}
	return &pipeWatch{w: w, p: p, std: std}
}

// pipeWatch is a writer to standard output whose broken pipe runs the
// cleanup before chatlint ends (see pipeCleanup).
type pipeWatch struct {
	w   io.Writer
	p   *pipeCleanup
	std *os.File
}

func (w *pipeWatch) Write(b []byte) (int, error) {
	n, err := w.w.Write(b)
	if err != nil && errors.Is(err, syscall.EPIPE) {
		w.p.cleanup()
		w.p.release()
		// written again without the signal asked for: Go ends the
		// program by SIGPIPE, as it would have without the guard
		w.std.Write([]byte{'\n'})
	}
	return n, err
}
