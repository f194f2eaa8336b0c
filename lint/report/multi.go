package report

import (
	"errors"

	"github.com/chatlint/chatlint/lint"
)

// Multi returns a writer that hands each result, and at the end the
// summary, to every one of ws in turn: several reports of one run
// (chatlint lint -o day.json -o day.csv -o day.html), each given the same
// results as a run of its own would give it. The results are shared, not
// copied: no writer changes a result or the summary, and a streaming one
// (Streams) keeps nothing of a result once its Conversation returns, so the
// run holds no more for several reports than for the one that holds the
// most. Wrapped by Redacting, the masking is done once for all of them.
//
// Its errors are *WriterError, naming the writer that failed. Conversation
// stops at the first failing writer (the run then ends without reports);
// Close closes the writers in order, and after one that fails lets go of
// the others (Discard) rather than writing them; Flush and Discard reach
// every writer.
func Multi(ws ...Writer) Writer { return &multi{ws: ws} }

// WriterError is the error of one of the writers of Multi: Index is its
// place among them.
type WriterError struct {
	Index int
	Err   error
}

// Error is the writer's error, as it words it.
func (e *WriterError) Error() string { return e.Err.Error() }

// Unwrap is the writer's error.
func (e *WriterError) Unwrap() error { return e.Err }

type multi struct{ ws []Writer }

func (m *multi) Conversation(r *lint.Result) error {
	for i, w := range m.ws {
		if err := w.Conversation(r); err != nil {
			return &WriterError{Index: i, Err: err}
		}
	}
	return nil
}

func (m *multi) Close(s *lint.Summary) error {
	for i, w := range m.ws {
		if err := w.Close(s); err != nil {
			for _, rest := range m.ws[i+1:] {
				Discard(rest) // (their temporary files removed)
			}
			return &WriterError{Index: i, Err: err}
		}
	}
	return nil
}

// Flush flushes every writer that gathers its output (see Flusher).
func (m *multi) Flush() error {
	for i, w := range m.ws {
		if f, ok := w.(Flusher); ok {
			if err := f.Flush(); err != nil {
				return &WriterError{Index: i, Err: err}
			}
		}
	}
	return nil
}

// Discard lets go of what every writer holds (see Discarder).
func (m *multi) Discard() error {
	var errs []error
	for i, w := range m.ws {
		if err := Discard(w); err != nil {
			errs = append(errs, &WriterError{Index: i, Err: err})
		}
	}
	return errors.Join(errs...)
}
