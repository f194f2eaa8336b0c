package report

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// refJSON is what encoding/json writes for v, as the writers configure it.
func refJSON(t *testing.T, v any, indent bool, prefix string) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent(prefix, "  ")
	}
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// TestJSONArrayMatchesEncodingJSON: an array written element by element is
// byte for byte the slice encoding/json writes, compact and indented,
// across the writes of a long array.
func TestJSONArrayMatchesEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for i := range 400 {
		var errs []JSONError
		var notes []SARIFNotification
		n := rng.IntN(6)
		if i%50 == 0 {
			n = 3000 // past flushAt
		}
		for range n {
			e := JSONError{File: oddString(rng), Line: oddInts[rng.IntN(len(oddInts))], Error: oddString(rng)}
			errs = append(errs, e)
			note := SARIFNotification{Level: "error", Message: SARIFText{Text: e.Error}}
			if rng.IntN(2) == 0 {
				note.Locations = []SARIFLocation{{PhysicalLocation: SARIFPhysicalLocation{ArtifactLocation: SARIFArtifactLocation{URI: e.File}, Region: &SARIFRegion{StartLine: 3}}}}
			}
			notes = append(notes, note)
		}
		for _, form := range []struct {
			indent bool
			prefix string
		}{{false, ""}, {true, ""}, {true, "  "}, {true, "          "}} {
			for _, list := range []any{errs, notes} {
				var got bytes.Buffer
				a := newJSONArray(&got, form.indent, form.prefix)
				switch l := list.(type) {
				case []JSONError:
					for _, v := range l {
						a.add(v)
					}
				case []SARIFNotification:
					for _, v := range l {
						a.add(v)
					}
				}
				if err := a.end(); err != nil {
					t.Fatal(err)
				}
				// encoding/json writes a nil slice as null; the writers' arrays are never nil
				want := refJSON(t, list, form.indent, form.prefix)
				if n == 0 {
					want = []byte("[]")
				}
				if !bytes.Equal(got.Bytes(), want) {
					t.Fatalf("run %d, %d elements, indent %v prefix %q:\n got %.400s\nwant %.400s", i, n, form.indent, form.prefix, got.Bytes(), want)
				}
			}
		}
	}
}

// TestReportsListEveryRecordError: the json, jsonl and sarif reports list
// each malformed record, in order, as encoding/json would write the whole
// list; the jsonl summary line is byte for byte JSONLSummary encoded whole.
func TestReportsListEveryRecordError(t *testing.T) {
	results, sum := fixture()
	rng := rand.New(rand.NewPCG(13, 14))
	var errs lint.RecordErrors
	for i := range 5000 {
		line := i + 1
		if i%7 == 0 {
			line = 0
		}
		errs.Add(lint.RecordError{Pos: lint.Pos{File: []string{"a.jsonl", "目录/b.csv", ""}[i%3], Line: line}, Err: oddString(rng) + strings.Repeat("长", i%3000)})
	}
	sum.Errors, sum.Rejected = errs, errs.Len()
	kept, err := errs.Collect()
	if err != nil {
		t.Fatal(err)
	}
	want := []JSONError{}
	for _, e := range kept {
		want = append(want, JSONError{File: e.Pos.File, Line: e.Pos.Line, Error: e.Err})
	}

	out := render(t, "jsonl", fxOptions(), results, sum)
	lines := bytes.Split(bytes.TrimSuffix(out, []byte("\n")), []byte("\n"))
	last := lines[len(lines)-1]
	ref := refJSON(t, JSONLSummary{Summary: SummaryJSON(sum), Agents: AgentsJSON(sum), Teams: TeamsJSON(sum), Errors: want}, false, "")
	if !bytes.Equal(last, ref) {
		t.Errorf("jsonl summary line differs from JSONLSummary encoded whole:\n got %.300s\nwant %.300s", last, ref)
	}

	var rep JSONReport
	if err := json.Unmarshal(render(t, "json", fxOptions(), results, sum), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) != len(want) {
		t.Errorf("json: %d errors, want %d", len(rep.Errors), len(want))
	}
	if want := refJSON(t, want, true, "  "); !bytes.Contains(render(t, "json", fxOptions(), results, sum), append([]byte(`  "errors": `), want...)) {
		t.Error("json: the errors are not as encoding/json indents them")
	}

	var log sarifLog
	if err := json.Unmarshal(render(t, "sarif", fxOptions(), results, sum), &log); err != nil {
		t.Fatal(err)
	}
	notes := log.Runs[0].Invocations[0].ToolExecutionNotifications
	if len(notes) != len(want) {
		t.Fatalf("sarif: %d notifications, want %d", len(notes), len(want))
	}
	for i, n := range notes {
		hasRegion := len(n.Locations) > 0 && n.Locations[0].PhysicalLocation.Region != nil
		if utf8.ValidString(want[i].Error) && n.Message.Text != want[i].Error || (want[i].File != "" && want[i].Line > 0) != hasRegion {
			t.Fatalf("sarif notification %d: %+v, want %+v", i, n, want[i])
		}
	}
}
