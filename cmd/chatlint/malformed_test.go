package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/internal/enctest"
)

// TestManyMalformedRecords: a file whose every record is malformed, half of
// them alike and half each its own way (an unknown role value each, which
// needs a mapping of its own), is reported record by record in the jsonl
// report; the text report and stderr list the groups up to their caps and
// say how many records the rest hold.
func TestManyMalformedRecords(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	const n = 30000
	var in bytes.Buffer
	for i := range n {
		if i%2 == 0 {
			fmt.Fprintf(&in, `{"conversation":"c%d","time":"2026-11-04 10:00:00","role":"boss","text":"你好"}`+"\n", i)
		} else {
			fmt.Fprintf(&in, `{"conversation":"c%d","time":"2026-11-04 10:00:00","role":"r%d","text":"你好"}`+"\n", i, i)
		}
	}
	file := filepath.Join(dir, "export.jsonl")
	if err := os.WriteFile(file, in.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	lint := func(args ...string) (string, string) { t.Helper(); return lintNoFail(t, file, args...) }

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
			want = `unknown role "r` + strconv.Itoa(i) + `"`
		}
		if e.Line != i+1 || e.File != file || !strings.HasPrefix(e.Error, want) {
			t.Fatalf("jsonl error %d: %+v, want line %d %q…", i, e, i+1, want)
		}
	}

	// text: the first group holds every "boss" record, then 9,999 groups
	// of one role value each; the other 5,001 records are counted
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
	if !strings.Contains(stderr, "chatlint: 30000 malformed records not linted:") || !strings.Contains(stderr, "… and 14991 more (the report lists them grouped; --format jsonl lists each one)") {
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

// TestMalformedTimesGrouped: an export whose every time is unparseable in
// its own way lists one group in the text report and on stderr (the first
// record's reason as the example, how many more there are and how many of
// them with another value), not a line per time; the jsonl report keeps
// each record's reason with its value.
func TestMalformedTimesGrouped(t *testing.T) {
	dir := t.TempDir()
	const n = 5000
	var in bytes.Buffer
	for i := range n {
		fmt.Fprintf(&in, `{"conversation":"c%d","time":"11/04/2026 %d:%02d","role":"agent","text":"你好"}`+"\n", i%7, i/60, i%60)
	}
	fmt.Fprintf(&in, `{"conversation":"c1","time":"2026-11-04 10:00:00","role":"boss","text":"你好"}`+"\n")
	file := filepath.Join(dir, "export.jsonl")
	if err := os.WriteFile(file, in.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	lint := func(args ...string) (string, string) { t.Helper(); return lintNoFail(t, file, args...) }
	report := filepath.Join(dir, "report.txt")
	_, stderr := lint("-o", report)
	text, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	wantText := "5001 条记录无法读取（未检查）:\n" +
		"    " + file + `:1: 无法解析的时间 "11/04/2026 0:00"（请用 RFC 3339`
	if !strings.Contains(string(text), wantText) || !strings.Contains(string(text), "另有 4999 条记录同样无法读取（其中 4999 条的值不同），行 2-5000\n") ||
		!strings.Contains(string(text), file+`:5001: 未知的角色 "boss"`) {
		t.Errorf("text report:\n%.800s", text)
	}
	if groups := len(regexp.MustCompile(`(?m)^    \S+export\.jsonl:\d+: `).FindAllIndex(text, -1)); groups != 2 {
		t.Errorf("text report: %d groups listed, want 2", groups)
	}
	if !strings.Contains(stderr, "chatlint: 5001 malformed records not linted:\n  "+file+`:1: unparseable time "11/04/2026 0:00"`) ||
		!strings.Contains(stderr, "\n    and 4999 more like it (4999 with another value), lines 2-5000\n") || strings.Contains(stderr, "… and") {
		t.Errorf("stderr:\n%.800s", stderr)
	}

	out, _ := lint("--format", "jsonl")
	var last struct {
		Errors []struct {
			Line  int
			Error string
		}
	}
	if err := json.Unmarshal([]byte(out[strings.LastIndex(strings.TrimSuffix(out, "\n"), "\n")+1:]), &last); err != nil {
		t.Fatal(err)
	}
	if len(last.Errors) != n+1 {
		t.Fatalf("jsonl: %d errors, want %d", len(last.Errors), n+1)
	}
	for i, e := range last.Errors[:n] {
		if want := fmt.Sprintf(`unparseable time "11/04/2026 %d:%02d" (use RFC 3339`, i/60, i%60); e.Line != i+1 || !strings.HasPrefix(e.Error, want) {
			t.Fatalf("jsonl error %d: %+v, want line %d %q…", i, e, i+1, want)
		}
	}
}

// TestStrictMixedEncodingsWarning: a --strict run stops at the first
// malformed record; the files that mix encodings are warned of as far as
// the run read them up to it: not the lines past it that the readers went
// on to while it was parsed, nor the files after it. Both for a file
// guessed to be UTF-8 (its GBK lines recoded as they are parsed) and one
// guessed to be GB18030 (its UTF-8 lines read as it is decoded).
func TestStrictMixedEncodingsWarning(t *testing.T) {
	gbk := func(s string) string { return enctest.GBK(t, s) }
	for _, tc := range []struct {
		gbkFrom, gbkTo, stop int // a's lines in GBK, the malformed one
		want                 string
	}{
		{2501, 2510, 2520, "a.jsonl: the file mixes encodings: it is UTF-8, but 10 lines are GB18030 (the first: line 2501)"},
		// (GBK the first 64 KB over: a few GBK lines among UTF-8 ones
		// there are read as a UTF-8 file's)
		{1, 1000, 1010, "a.jsonl: the file mixes encodings: it is GB18030, but 9 lines are UTF-8 (the first: line 1001)"},
	} {
		dir := t.TempDir()
		var a, b strings.Builder
		for i := 1; i <= 5000; i++ {
			text := "您好，在的"
			switch {
			case i >= tc.gbkFrom && i <= tc.gbkTo, i >= 3500 && i < 3600:
				text = gbk("您好，请问有什么可以帮您")
			case i == tc.stop:
				fmt.Fprintf(&a, `{"conversation":"c%d","role":"nobody","text":"x"}`+"\n", i/50)
				continue
			}
			fmt.Fprintf(&a, `{"conversation":"c%d","role":"agent","text":"%s"}`+"\n", i/50, text)
			fmt.Fprintf(&b, `{"conversation":"d%d","role":"agent","text":"%s"}`+"\n", i/50, gbk("在的"))
		}
		for name, data := range map[string]string{"a.jsonl": a.String(), "b.jsonl": b.String()} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for range 5 {
			var stdout, stderr bytes.Buffer
			args := []string{"lint", "--no-progress", "--strict", "--format", "jsonl", filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")}
			if code := run(args, strings.NewReader(""), &stdout, &stderr); code != 2 {
				t.Fatalf("exit %d, want 2\n%s", code, stderr.String())
			}
			warnings := regexp.MustCompile(`(?m)^chatlint: warning: .*$`).FindAllString(stderr.String(), -1)
			if len(warnings) != 1 || !strings.Contains(warnings[0], tc.want) {
				t.Fatalf("warnings %q, want one: %s", warnings, tc.want)
			}
		}
	}
}

// TestStderrShowsControlCharacters: a file name with an escape sequence or
// a line break cannot recolour the terminal or start a line of its own in
// what chatlint writes on stderr (the malformed records, an unreadable
// file), as in the text report.
func TestStderrShowsControlCharacters(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("file names with control characters")
	}
	dir := t.TempDir()
	red := filepath.Join(dir, "\x1b[31mred\nfake.jsonl")
	if err := os.WriteFile(red, []byte(`{"conversation":"c1","role":"customer","text":"在吗"}`+"\ngarbage\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "\x1b]0;title\x07\nchatlint: all good.jsonl")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "lint", "--format", "json", "--no-progress", red, empty)
	if code != 2 {
		t.Errorf("exit %d, want 2 (an unreadable file)", code)
	}
	if strings.ContainsAny(stderr, "\x1b\x07") || strings.Contains(stderr, "\nchatlint: all good") {
		t.Errorf("stderr holds control characters:\n%q", stderr)
	}
	for _, want := range []string{"\ufffd[31mred ⏎ fake.jsonl:2: invalid JSON", "\ufffd]0;title\ufffd ⏎ chatlint: all good.jsonl: empty file"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// lintNoFail lints file with args (--fail-on none, no progress) and returns
// its stdout and stderr, failing the test unless it exits 0.
func lintNoFail(t *testing.T, file string, args ...string) (string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	args = append([]string{"lint", "--no-progress", "--fail-on", "none"}, append(args, file)...)
	if code := run(args, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("%v: exit %d\n%s", args, code, stderr.String())
	}
	return stdout.String(), stderr.String()
}
