//go:build windows

package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestEnableVTNotAConsole: a file or a pipe is no console: enableVT turns
// nothing on there and says so (no colours, no progress line into them),
// and leaves no mode to restore.
func TestEnableVTNotAConsole(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "report.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if enableVT(f) {
		t.Error("a file taken for a console")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if enableVT(w) {
		t.Error("a pipe taken for a console")
	}
	if len(consoleModes.saved) != 0 {
		t.Errorf("modes saved for no console: %v", consoleModes.saved)
	}
}
