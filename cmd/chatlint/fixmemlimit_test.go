package main

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/chatlint/chatlint/lint/fix"
	"github.com/chatlint/chatlint/lint/transcript"
)

// limitWriter records the soft memory limit at the first write.
type limitWriter struct{ limit int64 }

func (w *limitWriter) Write(p []byte) (int, error) {
	if w.limit == 0 {
		w.limit = debug.SetMemoryLimit(-1)
	}
	return len(p), nil
}

// TestFixRaisesMemoryLimit: while a library's fix is worked out and
// written, the soft memory limit (160 MiB, tuneGC) is raised by what the
// fix holds, three times the library's size; the run's limit comes back
// after it. Under a limit the library's text alone went past, with the
// collector paced by the limit alone (GOGC off), collections ran one after
// another all through the fix. A GOMEMLIMIT the user set, and no limit at
// all (chatlint run in process by a test), are left as they are.
func TestFixRaisesMemoryLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.txt")
	text := "好的\n这个不行\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	edits := []fix.Edit{{Line: 2, Start: len("这个"), End: len("这个不行"), Old: "不行", New: "无法帮到您"}}
	const base = 160 << 20
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(base))
	for _, tt := range []struct {
		name, gomemlimit string
		limit, want      int64
	}{
		{"raised", "", base, base + libraryHeld*int64(len(text))},
		{"GOMEMLIMIT set", "1GiB", base, base},
		{"no limit", "", math.MaxInt64, math.MaxInt64},
	} {
		t.Setenv("GOMEMLIMIT", tt.gomemlimit)
		debug.SetMemoryLimit(tt.limit)
		var w limitWriter
		if n, _, err := fixFile(path, transcript.Options{}, edits, true, &w); err != nil || n != 1 {
			t.Fatalf("%s: fixFile = %d, %v", tt.name, n, err)
		}
		if w.limit != tt.want {
			t.Errorf("%s: the limit while the diff was written %d, want %d", tt.name, w.limit, tt.want)
		}
		if got := debug.SetMemoryLimit(-1); got != tt.limit {
			t.Errorf("%s: the limit after the fix %d, want %d", tt.name, got, tt.limit)
		}
	}
}
