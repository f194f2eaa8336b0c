package report

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/chatlint/chatlint/lint"
)

func init() {
	streaming("jsonl")
	register("jsonl", func(w io.Writer, opts Options) Writer {
		j := &jsonlWriter{w: w, opts: opts, enc: convEncoder{opts: opts}}
		j.enc.spill = j.spill
		return j
	})
}

// JSONLSummary is the last line of the jsonl report: the parts of the JSON
// report that need the whole run. It is the only line with a "summary" key;
// every other line is a JSONConversation (which has an "id" and no
// "summary").
type JSONLSummary struct {
	Summary JSONSummary `json:"summary"`
	Agents  []JSONAgent `json:"agents"`
	Teams   []JSONAgent `json:"teams,omitempty"`
	Errors  []JSONError `json:"errors"`
}

// jsonlWriter writes the jsonl report: one compact JSON object per line,
// each conversation (the same object as in the JSON report's conversations),
// then one JSONLSummary line. Lines gather until the caller flushes (the
// engine does whenever it has nothing more to hand over, so the report
// streams) or 64 KiB have gathered, and go out in one Write. A line longer
// than that (a conversation of thousands of findings) goes out in pieces
// of about 64 KiB as it is encoded, after the lines gathered before it (see
// convEncoder.spill), so that it is never held whole. A run cut short has
// no summary line, which tells a consumer the stream is incomplete.
type jsonlWriter struct {
	w    io.Writer
	opts Options
	buf  bytes.Buffer
	enc  convEncoder
	// pending holds encoded lines not yet written
	pending []byte
}

// Conversation encodes the conversation's line after the lines gathered
// (not into a buffer of its own, to be copied there); it is written when
// the caller flushes (see Flusher) or when enough lines have gathered.
func (j *jsonlWriter) Conversation(r *lint.Result) error {
	j.enc.b = j.pending
	data, err := j.enc.appendConv(r)
	if err != nil {
		return err
	}
	j.pending = append(data, '\n')
	if len(j.pending) >= flushAt {
		return j.Flush()
	}
	return nil
}

// Flush writes the lines gathered so far.
func (j *jsonlWriter) Flush() error {
	if len(j.pending) == 0 {
		return nil
	}
	_, err := j.w.Write(j.pending)
	j.pending = j.pending[:0]
	return err
}

// spill writes a piece of a long line, after the lines gathered before
// it: the first piece starts with them (see Conversation).
func (j *jsonlWriter) spill(p []byte) error {
	j.pending = j.pending[:0] // (they are in p)
	_, err := j.w.Write(p)
	return err
}

// Close writes the gathered lines and the summary line.
func (j *jsonlWriter) Close(s *lint.Summary) error {
	if err := j.Flush(); err != nil {
		return err
	}
	if s == nil {
		s = lint.NewSummary()
	}
	// the line as JSONLSummary is encoded: the summary by encoding/json,
	// the per-agent and per-team tables (a row per agent) by
	// appendStatsJSON, the errors (as many as the input has lines) one at
	// a time
	head := struct {
		Summary JSONSummary `json:"summary"`
	}{SummaryJSON(s)}
	j.buf.Reset()
	enc := json.NewEncoder(&j.buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(head); err != nil {
		return err
	}
	b := bytes.TrimSuffix(j.buf.Bytes(), []byte("}\n"))
	b = append(b, `,"agents":`...)
	var scratch []countEntry
	b, err := appendStatsJSON(b, s.Agents(), false, &scratch)
	if err != nil {
		return err
	}
	if teams := s.Teams(); len(teams) > 0 { // omitempty
		b = append(b, `,"teams":`...)
		if b, err = appendStatsJSON(b, teams, true, &scratch); err != nil {
			return err
		}
	}
	b = append(b, `,"errors":`...)
	if _, err := j.w.Write(b); err != nil {
		return err
	}
	if err := writeErrorsJSON(j.w, s.Errors, false, ""); err != nil {
		return err
	}
	_, err = io.WriteString(j.w, "}\n")
	return err
}
