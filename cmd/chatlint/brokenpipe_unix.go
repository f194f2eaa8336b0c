//go:build unix

package main

import (
	"errors"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// pipeGuard is the guard guardBrokenPipe puts on standard output while the
// progress line is drawn.
var pipeGuard struct {
	mu    sync.Mutex
	ch    chan os.Signal // nil: no guard
	clear func()
}

// guardBrokenPipe makes a write to standard output or error whose reader
// went away (chatlint lint … | head, or less quit early) fail with EPIPE,
// for writeUnguarded to run clear (which takes the progress line off the
// terminal) before chatlint ends as it would have: Go ends a program in
// such a write, by SIGPIPE (exit 141), which left the line drawn and the
// shell's prompt after it. It asks for SIGPIPE (signal.Notify) until
// release is called, unless the signal is ignored (signal.Ignore).
func guardBrokenPipe(clear func()) (release func()) {
	if signal.Ignored(syscall.SIGPIPE) {
		return func() {}
	}
	ch := make(chan os.Signal, 1)
	pipeGuard.mu.Lock()
	pipeGuard.ch, pipeGuard.clear = ch, clear
	pipeGuard.mu.Unlock()
	signal.Notify(ch, syscall.SIGPIPE)
	return func() {
		pipeGuard.mu.Lock()
		defer pipeGuard.mu.Unlock()
		if pipeGuard.ch == ch {
			signal.Stop(ch)
			pipeGuard.ch, pipeGuard.clear = nil, nil
		}
	}
}

// writeUnguarded follows a write of p to f that wrote n bytes and failed
// with err: when f is standard output or error and its reader is gone
// while guardBrokenPipe's guard is on, it runs the guard's clear, takes
// the guard off and writes the rest of p again, which ends chatlint as
// Go does (SIGPIPE). Otherwise, it returns n and err as they are.
func writeUnguarded(f *os.File, p []byte, n int, err error) (int, error) {
	if !errors.Is(err, syscall.EPIPE) || (f != os.Stdout && f != os.Stderr) {
		return n, err
	}
	pipeGuard.mu.Lock()
	ch, clear := pipeGuard.ch, pipeGuard.clear
	pipeGuard.mu.Unlock()
	if ch == nil {
		return n, err
	}
	clear()
	pipeGuard.mu.Lock()
	if pipeGuard.ch == ch {
		signal.Stop(ch)
		pipeGuard.ch, pipeGuard.clear = nil, nil
	}
	pipeGuard.mu.Unlock()
	rest := p[n:]
	if len(rest) == 0 {
		rest = []byte{'\n'} // (no reader sees it)
	}
	m, err := f.Write(rest)
	return n + m, err
}
