package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/internal/benchgen"
	"github.com/chatlint/chatlint/lint/fix"
	"github.com/chatlint/chatlint/lint/transcript"
)

// bigLibrary writes a generated library of n replies, one a line, and
// returns its path, its size and an edit for each 但是 in it (the first
// of its line).
func bigLibrary(t *testing.T, n int) (path string, size int, edits []fix.Edit) {
	t.Helper()
	var b bytes.Buffer
	if _, err := benchgen.Canned(&b, n, 1); err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(t.TempDir(), "replies.txt")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(b.String(), "\n") {
		if j := strings.Index(line, "但是"); j >= 0 && !strings.HasPrefix(line, "#") {
			edits = append(edits, fix.Edit{Line: i + 1, Start: j, End: j + len("但是"), Old: "但是", New: "同时"})
		}
	}
	if len(edits) < 100 {
		t.Fatalf("%d edits in %d replies: the case tests little", len(edits), n)
	}
	return path, b.Len(), edits
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestPlanFixAllocations: working out the fix of a library of many
// lines, with few to fix, allocates some times its size, for a diff
// (--diff, and the SARIF report's fixes) and for the file (--fix) alike.
// It held the library's lines each copied on its own, the file joined
// again whole, the fixed file built for a --diff that does not write it,
// and both texts read back whole into lists of their records to be
// compared one by one: 21 times the library's size.
func TestPlanFixAllocations(t *testing.T) {
	path, size, edits := bigLibrary(t, 20000)
	for _, write := range []bool{false, true} {
		got := allocated(func() {
			p, _, err := planFix(path, transcript.Options{}, edits, write)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.done) != len(edits) {
				t.Fatalf("%d fixes made, want %d", len(p.done), len(edits))
			}
		})
		if got > 12*uint64(size) {
			t.Errorf("write %v: planFix allocated %.1f times the library's %d bytes", write, float64(got)/float64(size), size)
		}
	}
}
