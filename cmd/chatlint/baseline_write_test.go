package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint/baseline"
)

// TestBaselineErrorsNameTheFile: a baseline that cannot be written (a full
// disk) is named in the error as the user named it, not as the temporary
// file beside it, which is removed.
func TestBaselineErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "baseline.json")
	out, err := createOutput(path, 0o644, true)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Abort()
	out.File.Close() // as a full disk would fail it
	err = writeBaseline(baseline.NewRecorder(false), out)
	if err == nil || strings.Contains(err.Error(), ".tmp") || !strings.Contains(err.Error(), path) {
		t.Errorf("error %v, want one naming %s", err, path)
	}
	out.Abort()
	if tmp := tempFiles(t, dir); len(tmp) > 0 {
		t.Errorf("left %v", tmp)
	}
}
