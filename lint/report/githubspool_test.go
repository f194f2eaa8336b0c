package report

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// githubSpoolResults are 12 conversations of an error and a warning
// finding each, and a summary of them with an unreadable file and a
// malformed record.
func githubSpoolResults() ([]*lint.Result, *lint.Summary) {
	sum := lint.NewSummary()
	sum.Files = 3
	var results []*lint.Result
	for i := range 12 {
		c := &lint.Conversation{ID: "r.txt:" + strconv.Itoa(i+1), File: "r.txt", Messages: []lint.Message{
			{Role: lint.Agent, Text: "这个不行", Pos: lint.Pos{File: "r.txt", Line: i + 1}},
		}}
		r := &lint.Result{Conversation: c, Score: 93, Grade: "优秀", Findings: []lint.Finding{
			fxFinding(c, fxEvasive, 0, "不行", "", "避免「不行」", "", 5),
			fxFinding(c, fxGreeting, 0, "", "", "缺少问候语", "", 2),
		}}
		sum.Add(r)
		results = append(results, r)
	}
	sum.Unreadable = []lint.RecordError{{Pos: lint.Pos{File: "z.yaml"}, Err: "line 2: YAML syntax error"}}
	sum.Errors.Add(lint.RecordError{Pos: lint.Pos{File: "b.yaml", Line: 1}, Err: "the reply is a number, not text"})
	return results, sum
}

// TestGitHubNoTempDir: past the findings' memory, with no temporary
// directory to spool them to ($TMPDIR missing or read-only), the run
// failed (write report: spooling to a temporary file: …). The findings are
// written as they come, before the run's own problems (each past a step's
// 10 annotations of its kind starting with where it is), and the summary
// line says so.
func TestGitHubNoTempDir(t *testing.T) {
	results, sum := githubSpoolResults()
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	defer func(n int) { spoolMemory = n }(spoolMemory)
	for _, mem := range []int{0, 500} {
		spoolMemory = mem
		var buf bytes.Buffer
		w, err := New("github", &buf, Options{Canned: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range results {
			if err := w.Conversation(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(sum); err != nil {
			t.Fatalf("memory %d: Close: %v", mem, err)
		}
		out := buf.String()
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != 24+2+1 {
			t.Fatalf("memory %d: %d lines:\n%s", mem, len(lines), out)
		}
		for i := range 12 {
			where := ""
			if i >= githubAnnotationsShown {
				where = "r.txt:" + strconv.Itoa(i+1) + ":3: shop/evasive "
			}
			if want := "::error file=r.txt,line=" + strconv.Itoa(i+1) + ",col=3,endColumn=5,title=shop/evasive::" + where + "避免「不行」"; lines[2*i] != want {
				t.Errorf("memory %d: line %d: %s, want %s", mem, 2*i+1, lines[2*i], want)
			}
		}
		// 12 errors before it: the unreadable file starts with where it is
		if want := "::error file=z.yaml,title=chatlint%3A unreadable file::z.yaml: 文件无法读取（自出错处起未检查）: 第 2 行：YAML syntax error"; lines[24] != want {
			t.Errorf("memory %d: %s, want %s", mem, lines[24], want)
		}
		if !strings.HasPrefix(lines[25], "::warning file=b.yaml,line=1,title=chatlint%3A malformed record::b.yaml:1: ") {
			t.Errorf("memory %d: %s", mem, lines[25])
		}
		last := lines[26]
		if !strings.Contains(last, "; GitHub shows 10 annotations of each kind of a step: 3 error and 3 warning annotations are only in this log; "+
			"the findings' annotations were written as they came, before those of the run's own problems (spooling to a temporary file: ") {
			t.Errorf("memory %d: summary %s", mem, last)
		}
	}
}

// TestGitHubDiscardWrites: a run stopped before its end (Ctrl-C, the
// SIGTERM of a CI job's timeout) wrote none of the findings held for the
// end; Discard writes them, in memory or spooled to a file, and says the
// run stopped.
func TestGitHubDiscardWrites(t *testing.T) {
	results, _ := githubSpoolResults()
	defer func(n int) { spoolMemory = n }(spoolMemory)
	var outs []string
	for _, mem := range []int{spoolMemory, 0} {
		dir := t.TempDir()
		t.Setenv("TMPDIR", dir)
		spoolMemory = mem
		var buf bytes.Buffer
		w, err := New("github", &buf, Options{Canned: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range results[:11] {
			if err := w.Conversation(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := Discard(w); err != nil {
			t.Fatal(err)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) > 0 {
			t.Errorf("left behind %q", left)
		}
		outs = append(outs, buf.String())
	}
	out := outs[0]
	if outs[1] != out {
		t.Errorf("spooled to a file:\n%s\nwant\n%s", outs[1], out)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 22+1 {
		t.Fatalf("%d lines:\n%s", len(lines), out)
	}
	if want := "::error file=r.txt,line=1,col=3,endColumn=5,title=shop/evasive::避免「不行」"; lines[0] != want {
		t.Errorf("first line %s, want %s", lines[0], want)
	}
	if want := "::warning file=r.txt,line=11,title=shop/greeting::r.txt:11: shop/greeting 缺少问候语"; lines[21] != want {
		t.Errorf("line 22 %s, want %s", lines[21], want)
	}
	if want := "chatlint: stopped before the end of the run: 22 findings of the conversations linted so far"; lines[22] != want {
		t.Errorf("last line %s, want %s", lines[22], want)
	}
}

// TestGitHubDiscardNothing: a run stopped before any finding writes
// nothing, as the other reports.
func TestGitHubDiscardNothing(t *testing.T) {
	var buf bytes.Buffer
	w, err := New("github", &buf, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Conversation(&lint.Result{Conversation: &lint.Conversation{ID: "c1"}, Score: 100}); err != nil {
		t.Fatal(err)
	}
	if err := Discard(w); err != nil || buf.Len() > 0 {
		t.Errorf("Discard: %v, wrote %q", err, buf.String())
	}
}
