package lint

import (
	"errors"
	"fmt"
)

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

// UntypedSink is a Sink that is told which files cannot say a message's
// type: their format or header has no place for it (JDDC, a CSV without a
// type column), so a note or an order event never shows in them. Rules
// expecting such a message are skipped for conversations read wholly from
// those files, rather than reporting every conversation. Readers call
// UntypedFile before the file's first record (see MarkUntyped).
type UntypedSink interface {
	UntypedFile(name string)
}

// MarkUntyped tells sink, if it is an UntypedSink, that file name cannot
// say a message's type.
func MarkUntyped(sink Sink, name string) {
	if s, ok := sink.(UntypedSink); ok {
		s.UntypedFile(name)
	}
}

// TypedSink is an UntypedSink that is also told when a file it was told
// is untyped says a message's type after all: a JSON or JSONL export read
// through a mapping is judged untyped by its first 64 KB, where the
// export may write no type yet (many write one only on notes and order
// events). Its conversations read on or still open are typed from then
// on; those linted already (early, under the memory budget) keep the
// skip. Readers call TypedFile before the record that shows the type (see
// MarkTyped).
type TypedSink interface {
	UntypedSink
	TypedFile(name string)
}

// MarkTyped tells sink, if it is a TypedSink, that file name, marked
// untyped (MarkUntyped), says a message's type.
func MarkTyped(sink Sink, name string) {
	if s, ok := sink.(TypedSink); ok {
		s.TypedFile(name)
	}
}

// SeparatedSink is a Sink that is told which files tell their
// conversations apart by separator lines rather than by ids (txt dumps):
// the first conversation of such a file is named after the file, as a file
// without ids is, and the later ones otherwise, so its records before the
// first separator are that conversation's, not records that lack an id.
// Readers call SeparatedFile before the file's first record (see
// MarkSeparated).
type SeparatedSink interface {
	SeparatedFile(name string)
}

// MarkSeparated tells sink, if it is a SeparatedSink, that file name tells
// its conversations apart by separator lines.
func MarkSeparated(sink Sink, name string) {
	if s, ok := sink.(SeparatedSink); ok {
		s.SeparatedFile(name)
	}
}

// ErrStrict wraps the first malformed record when --strict is set.
var ErrStrict = errors.New("malformed record (--strict)")

// StrictError is the error that stops a --strict run: the first malformed
// record, where it is (the reports of what was read past it, such as the
// lines of a file in another encoding, can stop there too). It wraps
// ErrStrict.
type StrictError struct {
	Pos Pos
	Col int // the record's column on its line, as RecordError's (0: none)
	Err string
}

// Error is ErrStrict's text, the record's position and why it is
// malformed (cut as RecordErrors cuts it).
func (e *StrictError) Error() string {
	return fmt.Sprintf("%v: %s", ErrStrict, RecordError{Pos: e.Pos, Col: e.Col, Err: cutReason(e.Err)}.Error())
}

// Unwrap returns ErrStrict.
func (e *StrictError) Unwrap() error { return ErrStrict }
