package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestManyMalformedRecords: a file whose every record is malformed, half of
// them alike and half each its own way, is reported record by record in
// the jsonl report; the text report and stderr list the groups up to
// their caps and say how many records the rest hold.
func TestManyMalformedRecords(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	const n = 30000
	var in bytes.Buffer
	for i := range n {
		if i%2 == 0 {
			fmt.Fprintf(&in, `{"conversation":"c%d","time":"2026-11-04 10:00:00","role":"boss","text":"你好"}`+"\n", i)
		} else {
			fmt.Fprintf(&in, `{"conversation":"c%d","time":"11/04/2026 %d","role":"agent","text":"你好"}`+"\n", i, i)
		}
	}
	file := filepath.Join(dir, "export.jsonl")
	if err := os.WriteFile(file, in.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	lint := func(args ...string) (string, string) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		args = append([]string{"lint", "--no-progress", "--fail-on", "none"}, append(args, file)...)
		if code := run(args, strings.NewReader(""), &stdout, &stderr); code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr.String())
		}
		return stdout.String(), stderr.String()
	}

	out, _ := lint("--format", "jsonl")
	var last struct {
		Summary struct{ Rejected, Records int }
		Errors  []struct {
			File  string
			Line  int
			Error string
		}
	}
	if err := json.Unmarshal([]byte(out[strings.LastIndex(strings.TrimSuffix(out, "\n"), "\n")+1:]), &last); err != nil {
		t.Fatal(err)
	}
	if len(last.Errors) != n || last.Summary.Rejected != n || last.Summary.Records != n {
		t.Fatalf("jsonl: %d errors, %d rejected of %d records", len(last.Errors), last.Summary.Rejected, last.Summary.Records)
	}
	for i, e := range last.Errors {
		want := `unknown role "boss"`
		if i%2 == 1 {
			want = `unparseable time "11/04/2026 ` + strconv.Itoa(i) + `"`
		}
		if e.Line != i+1 || e.File != file || !strings.HasPrefix(e.Error, want) {
			t.Fatalf("jsonl error %d: %+v, want line %d %q…", i, e, i+1, want)
		}
	}

	// text: the first group holds every "boss" record, then 9,999 groups
	// of one time each; the other 5,001 records are counted
	report := filepath.Join(dir, "report.txt")
	_, stderr := lint("-o", report)
	text, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), "30000 条记录无法读取（未检查）:") || !strings.Contains(string(text), "另有 14999 条记录同样无法读取，行 3, 5, 7,") ||
		!strings.Contains(string(text), "… 另有 5001 条记录因其他原因无法读取，未一一列出（--format jsonl 列出全部）") {
		t.Errorf("text report:\n%.600s", text)
	}
	if groups := len(regexp.MustCompile(`(?m)^    \S+export\.jsonl:\d+: `).FindAllIndex(text, -1)); groups != 10000 {
		t.Errorf("text report: %d groups listed, want 10000", groups)
	}
	if !strings.Contains(stderr, "chatlint: 30000 malformed record(s) not linted:") || !strings.Contains(stderr, "… and 14991 more (the report lists them grouped; --format jsonl lists each one)") {
		t.Errorf("stderr:\n%.600s", stderr)
	}
	_, stderr = lint("--format", "csv")
	if !strings.Contains(stderr, "… and 5001 more (--format jsonl lists them all)") {
		t.Errorf("stderr under csv: %q", stderr[len(stderr)-200:])
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "chatlint-*")); len(left) > 0 {
		t.Errorf("temporary files left: %q", left)
	}
}
