package report

import (
	"bytes"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

func TestSpool(t *testing.T) {
	defer func(n int) { spoolMemory = n }(spoolMemory)
	for _, mem := range []int{1 << 20, 10, 0} {
		dir := t.TempDir()
		t.Setenv("TMPDIR", dir)
		spoolMemory = mem
		var s spool
		var all bytes.Buffer
		for i := range 50 {
			p := []byte(strings.Repeat(string(rune('a'+i%26)), i) + "字")
			if n, err := s.Write(p); err != nil || n != len(p) {
				t.Fatalf("memory %d: Write = %d, %v", mem, n, err)
			}
			all.Write(p)
		}
		if s.Size() != int64(all.Len()) {
			t.Errorf("memory %d: Size %d, wrote %d", mem, s.Size(), all.Len())
		}
		if (s.f != nil) != (mem < all.Len()) {
			t.Errorf("memory %d: spooled to a file: %v", mem, s.f != nil)
		}
		for _, r := range [][2]int64{{0, 0}, {0, 1}, {3, 40}, {100, 500}, {0, int64(all.Len())}} {
			var got bytes.Buffer
			if err := s.CopyTo(&got, r[0], r[1]); err != nil {
				t.Fatal(err)
			}
			if want := all.Bytes()[r[0] : r[0]+r[1]]; !bytes.Equal(got.Bytes(), want) {
				t.Errorf("memory %d: CopyTo(%d, %d) = %q, want %q", mem, r[0], r[1], got.Bytes(), want)
			}
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) > 0 {
			t.Errorf("memory %d: left behind %q", mem, left)
		}
	}
}

func TestSpoolNoTempDir(t *testing.T) {
	defer func(n int) { spoolMemory = n }(spoolMemory)
	spoolMemory = 4
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	var s spool
	if _, err := s.Write([]byte("abc")); err != nil {
		t.Fatalf("in memory: %v", err)
	}
	_, err := s.Write([]byte("defg"))
	if err == nil || !strings.Contains(err.Error(), "temporary file") || !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Write past the memory without a temporary directory: %v", err)
	}
	if _, again := s.Write([]byte("h")); again != err {
		t.Errorf("later Write: %v, want the first error", again)
	}
	if err := s.Close(); err != nil {
		t.Error(err)
	}
}
