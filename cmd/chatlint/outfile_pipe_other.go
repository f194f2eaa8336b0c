//go:build !unix

package main

import (
	"io"
	"os"
)

// pipeCleanup does nothing where there is no SIGPIPE: a write to a pipe
// whose reader is gone fails, and the run ends by the error, its
// deferred Aborts run.
type pipeCleanup struct{}

func newPipeCleanup(func()) *pipeCleanup { return nil }

func (p *pipeCleanup) release() {}

func (p *pipeCleanup) watch(w io.Writer, _ *os.File) io.Writer { return w }
