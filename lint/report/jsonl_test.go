package report

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

func TestJSONL(t *testing.T) {
	results, sum := fixture()
	opts := fxOptions()
	out := render(t, "jsonl", opts, results, sum)
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(results)+1 {
		t.Fatalf("%d lines, want %d conversations + the summary:\n%s", len(lines), len(results), out)
	}
	// every conversation line is the JSON report's conversation, exactly
	var rep JSONReport
	if err := json.Unmarshal(render(t, "json", opts, results, sum), &rep); err != nil {
		t.Fatal(err)
	}
	for i, r := range results {
		var raw map[string]json.RawMessage
		if err := json.Unmarshal([]byte(lines[i]), &raw); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if _, ok := raw["summary"]; ok {
			t.Errorf("line %d (a conversation) has a summary key", i+1)
		}
		var got JSONConversation
		if err := json.Unmarshal([]byte(lines[i]), &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, rep.Conversations[i]) {
			t.Errorf("line %d differs from the JSON report's conversation %s:\n%s", i+1, r.Conversation.ID, lines[i])
		}
	}
	var last JSONLSummary
	dec := json.NewDecoder(strings.NewReader(lines[len(lines)-1]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&last); err != nil {
		t.Fatalf("last line: %v", err)
	}
	if !reflect.DeepEqual(last.Summary, rep.Summary) || !reflect.DeepEqual(last.Agents, rep.Agents) || !reflect.DeepEqual(last.Errors, rep.Errors) {
		t.Errorf("summary line differs from the JSON report:\n%s", lines[len(lines)-1])
	}
	if len(last.Errors) != 2 || last.Summary.Findings != 3 {
		t.Errorf("summary line: %+v", last)
	}
}

// TestJSONLStreams checks that each conversation is written, whole, when it
// is handed over, with one Write.
// TestJSONLStreams: lines gather until the caller flushes (the engine does
// whenever it has nothing more to hand over), then go out in one write;
// Close writes what is left before the summary.
func TestJSONLStreams(t *testing.T) {
	results, sum := fixture()
	cw := &countingWriter{}
	w, _ := New("jsonl", cw, fxOptions())
	f, ok := w.(Flusher)
	if !ok {
		t.Fatal("the jsonl writer does not gather lines (Flusher)")
	}
	if err := w.Conversation(results[0]); err != nil {
		t.Fatal(err)
	}
	if err := w.Conversation(results[1]); err != nil {
		t.Fatal(err)
	}
	if cw.writes != 0 {
		t.Fatalf("written before a flush: %q", cw.buf.String())
	}
	if err := f.Flush(); err != nil {
		t.Fatal(err)
	}
	if cw.writes != 1 || strings.Count(cw.buf.String(), "\n") != 2 || !bytes.HasSuffix(cw.buf.Bytes(), []byte("}\n")) {
		t.Fatalf("after a flush: %d writes, output %q", cw.writes, cw.buf.String())
	}
	if err := f.Flush(); err != nil || cw.writes != 1 {
		t.Fatalf("a flush with nothing gathered wrote (%d writes, %v)", cw.writes, err)
	}
	if err := w.Conversation(results[2]); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(sum); err != nil {
		t.Fatal(err)
	}
	if got, want := cw.buf.String(), string(render(t, "jsonl", fxOptions(), results, sum)); got != want {
		t.Errorf("flushed output differs from the report:\n%s\nwant\n%s", got, want)
	}
}

// TestJSONLFlushesWhenFull: a long run without flushes still writes as it
// goes, in pieces of about flushAt bytes.
func TestJSONLFlushesWhenFull(t *testing.T) {
	results, _ := fixture()
	cw := &countingWriter{}
	w, _ := New("jsonl", cw, fxOptions())
	for cw.writes == 0 {
		if err := w.Conversation(results[0]); err != nil {
			t.Fatal(err)
		}
		if cw.buf.Len() == 0 && w.(*jsonlWriter).pending == nil {
			t.Fatal("nothing gathered")
		}
	}
	if n := cw.buf.Len(); n < flushAt || n > 2*flushAt || !bytes.HasSuffix(cw.buf.Bytes(), []byte("}\n")) {
		t.Errorf("first write: %d bytes, want whole lines of about %d", n, flushAt)
	}
}

type countingWriter struct {
	buf    bytes.Buffer
	writes int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.writes++
	return c.buf.Write(p)
}

func TestJSONLEmptyRun(t *testing.T) {
	out := render(t, "jsonl", Options{}, nil, lint.NewSummary())
	if strings.Count(string(out), "\n") != 1 || !strings.HasPrefix(string(out), `{"summary":{`) {
		t.Errorf("empty run: %q, want the summary line only", out)
	}
	var last JSONLSummary
	if err := json.Unmarshal(out, &last); err != nil || last.Agents == nil || last.Errors == nil {
		t.Errorf("empty run summary %q: %v (agents and errors must be [], not null)", out, err)
	}
}

func TestJSONLNoHTMLEscape(t *testing.T) {
	c := &lint.Conversation{ID: "<a&b>", File: "x.jsonl", Messages: []lint.Message{{Role: lint.Agent, Text: "1<2 & 3>2", Pos: lint.Pos{File: "x.jsonl", Line: 1}}}}
	out := render(t, "jsonl", Options{}, []*lint.Result{{Conversation: c, Score: 100}}, lint.NewSummary())
	if !strings.Contains(string(out), `"id":"<a&b>"`) {
		t.Errorf("HTML-escaped: %s", out)
	}
}
