package main

import (
	"context"
	"errors"
)

// unlessStopped runs do on a goroutine of its own and returns its error;
// or, once ctx is done while do goes on, errLeft at once, do left to go
// on alone (a stopped run ends the process, and it with it). do must only
// read, files or the file system (a stat, a pack's load): what it makes
// or changes after it is left, nothing removes. Some reads wait without
// end, where a Ctrl-C was held until they returned and only a second one
// ended chatlint: a stat of a path on a network share that no longer
// answers, a pack read from a FIFO no one writes (and a word list of
// hundreds of thousands of phrases takes a second or two to load).
func unlessStopped(ctx context.Context, do func() error) error {
	done := make(chan error, 1)
	go func() { done <- do() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return errLeft
	}
}

// errLeft is unlessStopped's error for a do it left to go on alone.
var errLeft = errors.New("left to go on alone: the run was stopped")

// flagLook is a check of a flag's path, look (notAnInput, creatable),
// run unless the run is stopped meanwhile (unlessStopped): then the error
// says so, and which check had not returned (what: "--output r.json"),
// the likely culprit (a share that does not answer). A run stopped
// before the check does not make it: its error is that of any run
// stopped before it wrote anything.
func flagLook(ctx context.Context, f *lintFlags, what string, look func() error) error {
	if ctx.Err() != nil {
		return stoppedRun(ctx, f)
	}
	err := unlessStopped(ctx, func() error {
		if flagLookHook != nil {
			flagLookHook(what)
		}
		return look()
	})
	if errors.Is(err, errLeft) {
		return fail("stopped (%w): %s; the check of %s had not returned", context.Cause(ctx), notWritten(f), what)
	}
	return err
}

// flagLookHook, when set (by tests), is called by flagLook on the look's
// goroutine, before the look, with what: a test blocks it there, as a
// stat of a path on a share that does not answer blocks.
var flagLookHook func(what string)
