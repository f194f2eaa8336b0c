package transcript

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/chatlint/chatlint/lint"
)

func init() {
	register(&Format{
		Name:       "jddc",
		Extensions: []string{".txt", ".tsv"},
		AutoDetect: true,
		Priority:   20,
		Overrides:  []string{"txt", "tsv"},
		Sniff:      sniffJDDC,
		New:        func() Reader { return jddcReader{} },
	})
}

// jddcReader reads the JD.com dialogue corpus layout (JDDC, e.g. chat.txt):
// no header, one message per line, seven TAB-separated fields
//
//	session id, customer id, sender flag (0 customer, 1 agent), two 0/1
//	flags, SKU (or nan/NULL), text
//
// and no times (ordering is line order; timing rules are skipped). The
// customer id is the customer's sender name; agents have none. A text of
// NULL (no reply, in the corpus's convention) is skipped and counted. A
// line is a turn, not a message: the export joined all the sender wrote
// before the other replied into one text, with spaces (lint.Message.Joined).
type jddcReader struct{}

const jddcFields = 7

// sniffJDDC reports whether the first complete lines have the JDDC shape.
func sniffJDDC(head []byte) bool {
	lines := bytes.Split(head, []byte("\n"))
	if len(lines) > 1 {
		lines = lines[:len(lines)-1] // the last one may be cut
	}
	n := 0
	for _, l := range lines {
		l = bytes.TrimRight(l, "\r")
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		if _, ok := splitJDDC(string(l)); !ok {
			return false
		}
		if n++; n == 3 {
			break
		}
	}
	return n > 0
}

// splitJDDC splits a line into its seven fields (TABs inside the text are
// kept) and checks the flags.
func splitJDDC(line string) ([]string, bool) {
	f := strings.SplitN(line, "\t", jddcFields)
	if len(f) < jddcFields || strings.TrimSpace(f[0]) == "" {
		return f, false
	}
	for _, i := range []int{2, 3, 4} {
		if v := strings.TrimSpace(f[i]); v != "0" && v != "1" {
			return f, false
		}
	}
	return f, true
}

func (jddcReader) Read(ctx context.Context, src *Source, sink lint.Sink) error {
	lint.MarkUntyped(sink, src.Name) // a line is a turn of one speaker's words
	return eachLine(ctx, src, sink, func(line []byte, pos lint.Pos, _ bool) error {
		m, skip, perr := parseJDDC(line, pos, src)
		switch {
		case perr != "":
			return sink.Reject(lint.RecordError{Pos: pos, Err: perr})
		case skip:
			return sink.SkipRecord(pos, "NULL: no reply")
		}
		return sink.Message(m)
	})
}

func parseJDDC(line []byte, pos lint.Pos, src *Source) (m lint.Message, skip bool, perr string) {
	line, prob := usableLine(src, line, pos.Line)
	if prob != "" {
		return m, false, prob
	}
	f, ok := splitJDDC(string(line))
	if len(f) < jddcFields {
		return m, false, fmt.Sprintf("expected %d TAB-separated fields (session, customer, sender flag, 2 flags, SKU, text), got %d", jddcFields, len(f))
	}
	if !ok {
		if strings.TrimSpace(f[0]) == "" {
			return m, false, "empty session id"
		}
		return m, false, fmt.Sprintf("sender flag and the two flags must be 0 or 1, got %q, %q, %q", f[2], f[3], f[4])
	}
	m = lint.Message{
		Conversation: strings.TrimSpace(f[0]),
		Type:         lint.TypeText,
		Text:         f[6],
		Pos:          pos,
		TextCol:      -1, // (not located on the line)
		// a line is a turn: all the sender wrote before the other
		// replied, joined with spaces (no session of the corpus has two
		// lines of one sender in a row)
		Joined: true,
	}
	if strings.TrimSpace(f[2]) == "1" {
		m.Role = lint.Agent
	} else {
		m.Role = lint.Customer
		m.Sender = strings.TrimSpace(f[1])
	}
	if strings.TrimSpace(m.Text) == "NULL" {
		return m, true, ""
	}
	return m, false, ""
}
