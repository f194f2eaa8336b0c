package lint

import "errors"

// Sink receives what a transcript reader reads. Every record a reader reads
// goes to exactly one of Message, Reject or SkipRecord, so the summary
// accounts for every record. A non-nil error from a Sink method means stop
// reading and return it (the run was cancelled, or --strict met a malformed
// record).
type Sink interface {
	// File announces the start of an input file.
	File(name string)
	// Message accepts one message.
	Message(m Message) error
	// Reject reports a malformed record.
	Reject(e RecordError) error
	// SkipRecord counts a record deliberately not linted (a status line, a
	// recalled-message notice), with the reason.
	SkipRecord(pos Pos, reason string) error
}

// ErrStrict wraps the first malformed record when --strict is set.
var ErrStrict = errors.New("malformed record (--strict)")
