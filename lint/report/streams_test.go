package report

import (
	"bytes"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestStreams holds the formats that say they keep nothing of a result to
// it: scribbling over a result's messages, findings, agents and
// conversation, and over the Result itself, right after Conversation
// returns (as the engine does when it reuses the memory of the messages and
// the Result) must not change the report, redacted or not.
func TestStreams(t *testing.T) {
	for _, format := range Formats() {
		if !Streams(format) {
			continue // nothing promised
		}
		for _, redact := range []bool{false, true} {
			clean := renderScribbled(t, format, redact, false)
			if got := renderScribbled(t, format, redact, true); !bytes.Equal(got, clean) {
				t.Errorf("%s (redact %v): the report changed when results were overwritten after Conversation:\n%s\nwant\n%s", format, redact, got, clean)
			}
		}
	}
}

// renderScribbled writes the fixture's results, overwriting each result
// right after Conversation when scribbled is set.
func renderScribbled(t *testing.T, format string, redact, scribbled bool) []byte {
	t.Helper()
	results, sum := fixture()
	var buf bytes.Buffer
	w, err := New(format, &buf, fxOptions())
	if err != nil {
		t.Fatal(err)
	}
	if redact {
		w = Redacting(w)
	}
	for _, r := range results {
		if err := w.Conversation(r); err != nil {
			t.Fatal(err)
		}
		if scribbled {
			scribble(r)
		}
	}
	if err := w.Close(sum); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// scribble overwrites what a result points to.
func scribble(r *lint.Result) {
	c := r.Conversation
	for i := range c.Messages {
		c.Messages[i] = lint.Message{Text: "XXXX", Sender: "XXXX", Pos: lint.Pos{File: "XXXX", Line: 999}}
	}
	for _, fs := range [][]lint.Finding{r.Bonuses, r.Findings[:cap(r.Findings)]} {
		for i := range fs {
			fs[i].Message, fs[i].Match, fs[i].Msg = "XXXX", "XXXX", 0
		}
	}
	for i := range r.Agents {
		r.Agents[i] = "XXXX" // (they may be in the Result itself)
	}
	for i := range r.Skipped {
		r.Skipped[i] = lint.Skip{Rule: "XXXX", Reason: "XXXX"}
	}
	c.ID, c.File, c.Notes = "XXXX", "XXXX", nil
	// the engine then reuses the Result itself
	*r = lint.Result{Score: -1, Grade: "XXXX", Agents: []string{"XXXX"}}
}
