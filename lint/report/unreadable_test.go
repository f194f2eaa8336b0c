package report

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
)

// TestUnreadableFilesWithoutLine: a file that could not be read has no
// line, and its entry in unreadable_files (JSON, the jsonl summary line,
// SARIF's summary) says none rather than "line": 0; an unreadable file
// whose reader stopped at a line keeps it. errors[] keeps its line.
func TestUnreadableFilesWithoutLine(t *testing.T) {
	sum := lint.NewSummary()
	sum.Files, sum.Records, sum.Rejected = 2, 1, 1
	sum.Errors = lint.NewRecordErrors(lint.RecordError{Pos: lint.Pos{File: "day.jsonl", Line: 3}, Err: "invalid JSON: unexpected end of JSON input"})
	sum.Unreadable = []lint.RecordError{
		{Pos: lint.Pos{File: "gone.jsonl"}, Err: "no such file or directory"},
		{Pos: lint.Pos{File: "cut.jsonl", Line: 9}, Err: "input/output error"},
	}
	type entry map[string]any
	var j struct {
		Summary struct {
			Unreadable []entry `json:"unreadable_files"`
		} `json:"summary"`
		Errors []entry `json:"errors"`
	}
	check := func(format string, data []byte) {
		t.Helper()
		u := j.Summary.Unreadable
		if len(u) != 2 {
			t.Fatalf("%s: unreadable_files %v, want 2 entries:\n%s", format, u, data)
		}
		if _, ok := u[0]["line"]; ok || u[0]["file"] != "gone.jsonl" || u[0]["error"] != "no such file or directory" {
			t.Errorf("%s: %v, want file and error, no line", format, u[0])
		}
		if u[1]["line"] != 9.0 || u[1]["file"] != "cut.jsonl" {
			t.Errorf("%s: %v, want its line 9 kept", format, u[1])
		}
	}
	opts := Options{Location: time.UTC}
	for _, format := range []string{"json", "jsonl"} {
		data := render(t, format, opts, nil, sum)
		last := data
		if format == "jsonl" {
			lines := strings.Split(strings.TrimSpace(string(data)), "\n")
			last = []byte(lines[len(lines)-1])
		}
		j.Summary.Unreadable, j.Errors = nil, nil
		if err := json.Unmarshal(last, &j); err != nil {
			t.Fatalf("%s: %v:\n%s", format, err, data)
		}
		check(format, data)
		if len(j.Errors) != 1 || j.Errors[0]["line"] != 3.0 {
			t.Errorf("%s: errors %v, want the malformed record with its line", format, j.Errors)
		}
	}
	data := render(t, "sarif", opts, nil, sum)
	var log struct {
		Runs []struct {
			Properties struct {
				Summary struct {
					Unreadable []entry `json:"unreadable_files"`
				} `json:"summary"`
			} `json:"properties"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	j.Summary.Unreadable = log.Runs[0].Properties.Summary.Unreadable
	check("sarif", data)
}
