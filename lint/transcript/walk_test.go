package transcript

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestWalkOnce: a file reached twice (named twice, through a directory and
// by name, through a link to it or to its directory) is taken once, by the
// first name, and never opened again; links to directories are walked,
// named or met in a walk, and a link back up is not followed round.
func TestWalkOnce(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, f := range []string{"lib/b.txt", "lib/sub/c.txt", "top/a.txt"} {
		os.MkdirAll(filepath.Dir(f), 0o755)
		if err := os.WriteFile(f, []byte("这个不行\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, to := range map[string]string{
		"linked":       "lib",
		"top/more":     "../lib",
		"lib/sub/up":   "..",
		"lib/b2.txt":   "b.txt",
		"dangling.txt": "nowhere.txt",
	} {
		if err := os.Symlink(to, link); err != nil {
			t.Skip("no symbolic links:", err)
		}
	}
	for _, tc := range []struct {
		paths []string
		want  []string
	}{
		{[]string{"linked"}, []string{"linked/b.txt", "linked/sub/c.txt"}},
		{[]string{"lib", "linked", "lib/b.txt", "./lib/b2.txt", "-", "-"}, []string{"lib/b.txt", "lib/sub/c.txt", "-"}},
		{[]string{"lib/sub/c.txt", "top"}, []string{"lib/sub/c.txt", "top/a.txt", "top/more/b.txt"}},
		{[]string{"lib/sub", "lib"}, []string{"lib/sub/c.txt", "lib/sub/up/b.txt"}}, // lib: walked already
		{[]string{"."}, []string{"dangling.txt", "lib/b.txt", "lib/sub/c.txt", "top/a.txt"}},
	} {
		w := newWalker("canned")
		var got []string
		for _, p := range tc.paths {
			files, err := w.expand(p)
			if err != nil {
				t.Errorf("%v: %s: %v", tc.paths, p, err)
			}
			got = append(got, files...)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%v: read %q, want %q", tc.paths, got, tc.want)
		}
	}

	// ReadAll opens each file once: the summary's count of files
	sink := &fileCounter{}
	err := ReadAll(context.Background(), []string{"lib/b.txt", "linked", "lib", "top"}, Options{Format: "canned"}, sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"lib/b.txt", "linked/sub/c.txt", "top/a.txt"}; !slices.Equal(sink.files, want) {
		t.Errorf("read %q, want %q", sink.files, want)
	}
}

// fileCounter is a sink that notes the files read.
type fileCounter struct{ files []string }

func (s *fileCounter) File(name string)                  { s.files = append(s.files, name) }
func (s *fileCounter) Message(lint.Message) error        { return nil }
func (s *fileCounter) Reject(lint.RecordError) error     { return nil }
func (s *fileCounter) SkipRecord(lint.Pos, string) error { return nil }

// TestWalkEmptyEachName: a directory that holds no transcript files is an
// error each time it is named (twice alike, through a link, or after a walk
// of a directory above it), so that the error names each argument; a
// directory whose files were all taken before is not.
func TestWalkEmptyEachName(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, d := range []string{"empty", "lib/none", "only/sub"} {
		os.MkdirAll(d, 0o755)
	}
	os.WriteFile("lib/a.txt", []byte("这个不行\n"), 0o644)
	os.WriteFile("empty/notes.md", []byte("x\n"), 0o644)
	os.WriteFile("only/sub/b.txt", []byte("这个不行\n"), 0o644)
	links := os.Symlink("empty", "empty2") == nil
	for _, tc := range []struct {
		paths []string
		bad   []string // the arguments that are errors
	}{
		{[]string{"empty", "empty"}, []string{"empty", "empty"}},
		{[]string{"empty", "./empty"}, []string{"empty", "./empty"}},
		{[]string{"lib", "lib/none"}, []string{"lib/none"}},
		{[]string{"lib/none", "lib"}, []string{"lib/none"}},
		{[]string{"lib", "lib"}, nil},            // its files taken before
		{[]string{"only/sub", "only"}, nil},      // ditto
		{[]string{"only", "only/sub", "."}, nil}, // ditto
		{[]string{"empty", "empty2"}, []string{"empty", "empty2"}},
	} {
		if !links && slices.Contains(tc.paths, "empty2") {
			continue
		}
		w := newWalker("canned")
		var bad []string
		for _, p := range tc.paths {
			if _, err := w.expand(p); err != nil {
				bad = append(bad, p)
			}
		}
		if !slices.Equal(bad, tc.bad) {
			t.Errorf("%v: errors for %q, want %q", tc.paths, bad, tc.bad)
		}
	}
}

// TestWalkUnreadableSubdirectory: a subdirectory that cannot be read is
// reported by its own name, and the rest of the walk goes on: the files
// beside it and in its sibling directories are read (an unreadable file is
// reported and the others are linted, so an unreadable directory is too).
// A directory named again is not walked again; one that could not be
// read, named by itself, is reported again.
func TestWalkUnreadableSubdirectory(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, f := range []string{"top/a.txt", "top/bad/b.txt", "top/good/c.txt", "only/bad/d.txt"} {
		os.MkdirAll(filepath.Dir(f), 0o755)
		if err := os.WriteFile(f, []byte("这个不行\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	defer func(orig func(string) ([]os.DirEntry, error)) { readDir = orig }(readDir)
	readDir = func(name string) ([]os.DirEntry, error) {
		if filepath.Base(name) == "bad" {
			return nil, &os.PathError{Op: "open", Path: name, Err: os.ErrPermission}
		}
		return os.ReadDir(name)
	}
	w := newWalker("canned")
	var got, bad []string
	for _, p := range []string{"top", "top/a.txt", "top/good", "top", "top/bad", "only"} {
		files, err := w.expand(p)
		for _, e := range fileErrors(err) {
			bad = append(bad, e.Error())
		}
		for _, f := range files {
			got = append(got, p+": "+f)
		}
	}
	if want := []string{"top: top/a.txt", "top: top/good/c.txt"}; !slices.Equal(got, want) {
		t.Errorf("read %q, want %q", got, want)
	}
	// named by the subdirectory's own name, with the reason alone (as an
	// unreadable file is); a directory holding only an unreadable one is
	// not said to hold no transcript files besides
	want := []string{"top/bad: permission denied", "top/bad: permission denied", "only/bad: permission denied"}
	if !slices.Equal(bad, want) {
		t.Errorf("errors %q, want %q", bad, want)
	}

	// ReadAll reads the others and reports the directory with them
	sink := &fileCounter{}
	err := ReadAll(context.Background(), []string{"top"}, Options{Format: "canned"}, sink)
	if want := []string{"top/a.txt", "top/good/c.txt"}; !slices.Equal(sink.files, want) {
		t.Errorf("ReadAll read %q, want %q", sink.files, want)
	}
	var fe *FileError
	if !errors.As(err, &fe) || fe.Name != "top/bad" {
		t.Errorf("ReadAll: %v, want the error of top/bad", err)
	}
}

// TestUniqueInputs: later names of a file given before (the same name,
// ./name, a link to it) and a second "-" are dropped; directories and
// names that do not exist are kept for the walk to handle or report.
func TestUniqueInputs(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	for _, p := range []string{a, b} {
		if err := os.WriteFile(p, []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(a, link); err != nil {
		t.Skip("no symlinks:", err)
	}
	dot := filepath.Join(dir, ".", "a.txt")
	missing := filepath.Join(dir, "missing.txt")
	got := UniqueInputs([]string{a, "-", b, dot, link, dir, dir, "-", missing, missing, a})
	want := []string{a, "-", b, dir, dir, missing, missing}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestWalkSkipsOutputs: the files the run writes (the report, a new
// baseline), met in a directory walk, are left out however they are named;
// a directory holding nothing else holds no transcript files.
func TestWalkSkipsOutputs(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, f := range []string{"exports/day.jsonl", "exports/report.csv", "exports/base.json", "only/report.jsonl"} {
		os.MkdirAll(filepath.Dir(f), 0o755)
		if err := os.WriteFile(f, []byte("{}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	w := newWalker("auto")
	w.skipOutputs([]string{"./exports/report.csv", filepath.Join(dir, "exports/base.json"), "only/report.jsonl", "missing.json", ""})
	got, err := w.expand("exports")
	if err != nil || !slices.Equal(got, []string{"exports/day.jsonl"}) {
		t.Errorf("exports: read %q (%v), want only exports/day.jsonl", got, err)
	}
	if got, err := w.expand("only"); err == nil {
		t.Errorf("only: read %q, want an error: no transcript files", got)
	}
}
