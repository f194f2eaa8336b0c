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
