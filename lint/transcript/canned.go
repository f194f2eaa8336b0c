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
		Name:       "canned",
		Extensions: []string{".txt"},
		New:        func() Reader { return cannedReader{} },
	})
}

// cannedReader reads a canned-reply library (快捷短语): one reply per line,
// blank lines and lines starting with # skipped. Each reply is an agent
// message without a time and becomes its own conversation, named file:line,
// so findings point at the reply's line.
//
// A comment "# chatlint-disable-next-line RULE[,RULE…] reason" waives the
// named rules (full pack/id, a bare id, or *) for the next reply: a
// deliberate exception, kept in the library with its reason.
type cannedReader struct{}

// waiverPrefix starts an inline waiver comment.
const waiverPrefix = "chatlint-disable-next-line"

// parseWaiver reads the waivers of a comment line (without the #); ok is
// false for an ordinary comment.
func parseWaiver(comment string, pos lint.Pos) (ws []lint.Waiver, ok bool) {
	rest, found := strings.CutPrefix(strings.TrimSpace(comment), waiverPrefix)
	if !found || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return nil, false
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return []lint.Waiver{{Rule: "*", Pos: pos}}, true
	}
	reason := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), fields[0]))
	for _, r := range strings.Split(fields[0], ",") {
		if r = strings.TrimSpace(r); r != "" {
			ws = append(ws, lint.Waiver{Rule: r, Reason: reason, Pos: pos})
		}
	}
	return ws, true
}

func (cannedReader) Read(ctx context.Context, src *Source, sink lint.Sink) error {
	lr := newLineReader(src)
	// waivers wait for the next reply, and name only it: a reply rejected
	// (over the size bound, not text) takes them along, and so does the end
	// of the file
	var waivers []lint.Waiver
	last := 0 // the line of the last record read
	for {
		line, ok, err := lr.nextRecord(src, sink)
		if err != nil {
			return err
		}
		if lr.line > last+1 || !ok { // records rejected in between, or the end
			waivers = unusedWaivers(sink, waivers)
		}
		last = lr.line
		if !ok {
			return nil
		}
		// (a recoded line keeps its number: --fix edits by line)
		line, prob := usableLine(src, line, lr.line)
		t := bytes.TrimSpace(line)
		if len(t) > 0 && t[0] == '#' {
			if ws, ok := parseWaiver(string(t[1:]), lint.Pos{File: src.Name, Line: lr.line}); ok {
				waivers = append(waivers, ws...)
			}
			continue
		}
		if len(t) == 0 {
			continue
		}
		pos := lint.Pos{File: src.Name, Line: lr.line}
		if prob != "" {
			waivers = unusedWaivers(sink, waivers)
			err = sink.Reject(lint.RecordError{Pos: pos, Err: prob})
		} else {
			text := strings.TrimRight(string(line), " \t")
			col, raw := textPlace(0, -1) // the line is the text
			err = sink.Message(lint.Message{
				Conversation: fmt.Sprintf("%s:%d", src.Name, lr.line),
				Role:         lint.Agent,
				Type:         lint.TypeText,
				Text:         text,
				Pos:          pos,
				TextCol:      col,
				TextRaw:      raw,
				Waivers:      waivers,
			})
			waivers = nil
		}
		if err != nil {
			return err
		}
	}
}

// unusedWaivers hands waivers that can waive nothing to the sink, to be
// reported as unused, and returns nil.
func unusedWaivers(sink lint.Sink, ws []lint.Waiver) []lint.Waiver {
	if len(ws) > 0 {
		if s, ok := sink.(lint.WaiverSink); ok {
			s.UnusedWaivers(ws)
		}
	}
	return nil
}
