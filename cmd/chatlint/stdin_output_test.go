package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputIsStdinFile: `chatlint lint -o day.jsonl < day.jsonl` reads
// the transcript on standard input, a file the report (or the baseline)
// would replace: refused, exit 2, as an output naming an input file is,
// and the transcript kept.
func TestOutputIsStdinFile(t *testing.T) {
	const transcript = `{"conversation":"c1","time":"2026-11-04 10:00:00","role":"customer","text":"在吗"}` + "\n" +
		`{"conversation":"c1","time":"2026-11-04 10:00:05","role":"agent","sender":"客服01","text":"这个我也不知道"}` + "\n"
	for _, tt := range []struct {
		name string
		args []string // the file's name is appended to the flag
		want string
	}{
		{"output, no path", []string{"lint", "-o"}, "--output %s is the file on standard input"},
		{"output, -", []string{"lint", "-", "-o"}, "--output %s is the file on standard input"},
		{"output, format given", []string{"lint", "--format", "json", "-o"}, "--output %s is the file on standard input"},
		{"write-baseline", []string{"lint", "-", "--write-baseline"}, "--write-baseline %s is the file on standard input"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			name, stdin := fileOnStdin(t, transcript)
			var stdout, stderr bytes.Buffer
			code := run(append(append([]string{}, tt.args...), name), stdin, &stdout, &stderr)
			if code != 2 {
				t.Errorf("exit %d, want 2; stderr: %s", code, stderr.String())
			}
			if want := strings.Replace(tt.want, "%s", name, 1); !strings.Contains(stderr.String(), want) {
				t.Errorf("stderr %q, want it to say %q", stderr.String(), want)
			}
			if got := readString(t, name); got != transcript {
				t.Errorf("the transcript was replaced: it holds %.80q", got)
			}
		})
	}
	// another file is written as before
	name, stdin := fileOnStdin(t, transcript)
	var stdout, stderr bytes.Buffer
	out := filepath.Join(filepath.Dir(name), "report.json")
	if code := run([]string{"lint", "--fail-on", "none", "-o", out}, stdin, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d; stderr: %s", code, stderr.String())
	}
	if !strings.Contains(readString(t, out), `"summary"`) {
		t.Errorf("%s holds no report", out)
	}
}

// fileOnStdin writes text into day.jsonl in a new directory and opens it
// to be given as standard input (closed when the test ends).
func fileOnStdin(t *testing.T, text string) (name string, stdin *os.File) {
	t.Helper()
	name = filepath.Join(t.TempDir(), "day.jsonl")
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	stdin, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stdin.Close() })
	return name, stdin
}
