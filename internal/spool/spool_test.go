package spool

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

func TestSpool(t *testing.T) {
	for _, mem := range []int{1 << 20, 10, 0} {
		dir := t.TempDir()
		t.Setenv("TMPDIR", dir)
		s := Spool{Memory: mem}
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
		if s.InFile() != (mem < all.Len()) {
			t.Errorf("memory %d: spooled to a file: %v", mem, s.InFile())
		}
		for _, r := range [][2]int64{{0, 0}, {0, 1}, {3, 40}, {100, 500}, {0, int64(all.Len())}} {
			want := all.Bytes()[r[0] : r[0]+r[1]]
			var got bytes.Buffer
			if err := s.CopyTo(&got, r[0], r[1]); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("memory %d: CopyTo(%d, %d) = %q, want %q", mem, r[0], r[1], got.Bytes(), want)
			}
			read, err := io.ReadAll(s.Reader(r[0], r[1]))
			if err != nil || !bytes.Equal(read, want) {
				t.Errorf("memory %d: Reader(%d, %d) read %q, %v, want %q", mem, r[0], r[1], read, err, want)
			}
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) > 0 {
			t.Errorf("memory %d: left behind %q", mem, left)
		}
		if s.Size() != 0 || s.InFile() {
			t.Errorf("memory %d: after Close: size %d, in a file %v", mem, s.Size(), s.InFile())
		}
	}
}

func TestSpoolNoTempDir(t *testing.T) {
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	s := Spool{Memory: 4}
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
	if got, rerr := io.ReadAll(s.Reader(0, s.Size())); rerr != nil || string(got) != "abc" {
		t.Errorf("Reader after the error: %q, %v, want what was written before it", got, rerr)
	}
	if err := s.Close(); err != nil {
		t.Error(err)
	}

	// with Fallback, the bytes stay in memory instead
	s = Spool{Memory: 4, Fallback: true}
	for _, p := range []string{"abc", "defg", "h"} {
		if _, err := s.Write([]byte(p)); err != nil {
			t.Fatalf("Fallback: Write(%q): %v", p, err)
		}
	}
	if got, err := io.ReadAll(s.Reader(0, s.Size())); err != nil || string(got) != "abcdefgh" || s.InFile() {
		t.Errorf("Fallback: read %q, %v (in a file: %v)", got, err, s.InFile())
	}
}
