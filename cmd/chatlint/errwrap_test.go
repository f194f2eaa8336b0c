package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// brokenWriter fails every write with its error.
type brokenWriter struct{ err error }

func (b brokenWriter) Write([]byte) (int, error) { return 0, b.err }

// TestErrorsWrapTheirCause: an error that stops a run wraps the error that
// caused it (%w), not only its text, so a caller (a test, a wrapper
// around run) can tell a full disk or a missing directory from a bad flag.
func TestErrorsWrapTheirCause(t *testing.T) {
	dir := t.TempDir()
	day := filepath.Join(dir, "day.jsonl")
	if err := os.WriteFile(day, []byte(`{"conversation":"c1","time":"2026-11-04 10:00:00","role":"customer","text":"在吗"}`+"\n"+
		`{"conversation":"c1","time":"2026-11-04 10:00:05","role":"agent","sender":"客服01","text":"您好，这个我也不知道"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	errDisk := errors.New("disk full")
	tests := []struct {
		name   string
		args   []string
		stdout io.Writer
		cause  error
	}{
		{"report on standard output", []string{"lint", "--no-progress", "--format", "json", day}, brokenWriter{errDisk}, errDisk},
		{"--write-baseline in a missing directory", []string{"lint", "--no-progress", "--write-baseline", filepath.Join(dir, "no", "base.json"), day}, io.Discard, fs.ErrNotExist},
		{"--diff into a missing directory", []string{"lint", "--no-progress", "--input-format", "canned", "--diff", "-o", filepath.Join(dir, "no", "fix.diff"), day}, io.Discard, fs.ErrNotExist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := newRootCmd()
			root.SetArgs(tt.args)
			root.SetIn(strings.NewReader(""))
			root.SetOut(tt.stdout)
			root.SetErr(io.Discard)
			err := root.Execute()
			var ex *exitError
			if !errors.As(err, &ex) || ex.code != 2 {
				t.Fatalf("error %v, want an exit-2 error", err)
			}
			if !errors.Is(err, tt.cause) {
				t.Errorf("error %q does not wrap its cause %q", err, tt.cause)
			}
		})
	}
}

// TestDiffWriteError: a --diff that cannot be written (a full disk, a
// closed pipe) is an error of the run (exit 2, said on stderr), not a
// clean exit 1 with an empty or cut patch.
func TestDiffWriteError(t *testing.T) {
	dir := t.TempDir()
	pack := filepath.Join(dir, "pack.yaml")
	lib := filepath.Join(dir, "lib.txt")
	if err := os.WriteFile(pack, []byte("pack: mine\nrules:\n  - id: nope\n    type: forbid\n    severity: error\n    deduct: 5\n    phrases: [不行]\n    suggest: {不行: 无法帮到您}\n    message: 避免「{match}」\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(lib, []byte("这个不行\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	code := run([]string{"lint", "--no-progress", "--input-format", "canned", "--pack", pack, "--diff", lib}, strings.NewReader(""), brokenWriter{errors.New("disk full")}, &stderr)
	if code != 2 || !strings.Contains(stderr.String(), "disk full") {
		t.Errorf("exit %d, stderr %q; want 2 and the write error", code, stderr.String())
	}
}

// TestStdoutWriteErrorEveryCommand: every command whose output cannot be
// written (a full disk, > /dev/full) says so and exits 2: rules list >
// rules.txt must not leave a cut list behind a clean exit.
func TestStdoutWriteErrorEveryCommand(t *testing.T) {
	for _, args := range [][]string{
		{"rules", "list"},
		{"rules", "show", "base/evasive-phrase"},
		{"rules", "test", "base"},
		{"rules", "validate", "base"},
		{"explain", "这个我也不知道"},
		{"version"},
	} {
		var stderr strings.Builder
		code := run(args, strings.NewReader(""), brokenWriter{errors.New("disk full")}, &stderr)
		if code != 2 || !strings.Contains(stderr.String(), "disk full") {
			t.Errorf("%q: exit %d, stderr %q; want 2 and the write error", args, code, stderr.String())
		}
	}
}
