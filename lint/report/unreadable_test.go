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

// TestUnreadableFileLineFromReason: the readers say where the reading of
// a file stopped at the head of its reason ("line 5: the gzip-compressed
// data ends early"), and unreadable_files' entries had no line all the
// same: README promises one where reading stopped at a line. It is now
// taken from the reason, which keeps its words; a reason that only
// mentions a line (a file refused for what its line 4 holds, CESU-8), or
// a file not opened, gives none.
func TestUnreadableFileLineFromReason(t *testing.T) {
	for _, tt := range []struct {
		err  string
		line int
	}{
		{"line 5: the gzip-compressed data ends early (truncated file? still being written or copied when read?)", 5},
		{"line 812: gzip: invalid checksum", 812},
		{"line 3, column 9: unexpected end of JSON (truncated file?)", 3},
		{"line 1: header row: bare \" in non-quoted field", 1},
		{"no such file or directory", 0},
		{"line 4 writes a character past U+FFFF as a surrogate pair (CESU-8, as Java and MySQL's utf8mb3 write them), not as UTF-8: convert the file to UTF-8 first", 0},
		{"line : nothing", 0},
		{"line 99999999999999999999: too long", 0},
		{"empty file: no records", 0},
	} {
		sum := lint.NewSummary()
		sum.Files = 1
		sum.Unreadable = []lint.RecordError{{Pos: lint.Pos{File: "day.jsonl.gz"}, Err: tt.err}}
		var j struct {
			Summary struct {
				Unreadable []map[string]any `json:"unreadable_files"`
			} `json:"summary"`
		}
		data := render(t, "json", Options{Location: time.UTC}, nil, sum)
		if err := json.Unmarshal(data, &j); err != nil {
			t.Fatalf("%v:\n%s", err, data)
		}
		u := j.Summary.Unreadable
		if len(u) != 1 || u[0]["error"] != tt.err {
			t.Fatalf("%q: unreadable_files %v, want the reason as it is", tt.err, u)
		}
		line, ok := u[0]["line"]
		switch {
		case tt.line == 0 && ok:
			t.Errorf("%q: line %v, want none", tt.err, line)
		case tt.line != 0 && line != float64(tt.line):
			t.Errorf("%q: line %v, want %d", tt.err, line, tt.line)
		}
	}
}
