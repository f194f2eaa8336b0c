package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestNoInputFromEmptyFile: lint without paths, standard input an empty
// file (< empty.jsonl): the paths were forgotten, as with /dev/null.
func TestNoInputFromEmptyFile(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.jsonl")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(empty)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var stdout, stderr bytes.Buffer
	code := run([]string{"lint"}, f, &stdout, &stderr)
	if want := "chatlint: no input: give transcript files or directories, or - to read standard input\n"; code != 2 || stderr.String() != want || stdout.Len() > 0 {
		t.Errorf("exit %d, stderr %q, stdout %q; want exit 2, stderr %q and no report", code, stderr.String(), stdout.String(), want)
	}
}
