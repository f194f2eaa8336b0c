package transcript

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/internal/pathglob"
	"github.com/chatlint/chatlint/lint"
)

// TestWalkOnce: a file reached twice (named twice, through a directory and
// by name, through a link to it or to its directory) is taken once, by the
// first name, and never opened again; links to directories are walked when
// named, and when met in a walk with --follow, and a link back up is not
// followed round. Without --follow a walk leaves the links it meets out
// (lib/sub/up -> .. read lib/b.txt as lib/sub/up/b.txt, out of lib/sub),
// and names those that lead out of the directory walked, or nowhere.
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
		follow     bool
		paths      []string
		want       []string
		unfollowed []string // the links named as not followed
	}{
		{true, []string{"linked"}, []string{"linked/b.txt", "linked/sub/c.txt"}, nil},
		{true, []string{"lib", "linked", "lib/b.txt", "./lib/b2.txt", "-", "-"}, []string{"lib/b.txt", "lib/sub/c.txt", "-"}, nil},
		{true, []string{"lib/sub/c.txt", "top"}, []string{"lib/sub/c.txt", "top/a.txt", "top/more/b.txt"}, nil},
		{true, []string{"lib/sub", "lib"}, []string{"lib/sub/c.txt", "lib/sub/up/b.txt"}, nil}, // lib: walked already
		{true, []string{"."}, []string{"dangling.txt", "lib/b.txt", "lib/sub/c.txt", "top/a.txt"}, nil},
		// a link named is followed; one met in a walk is not
		{false, []string{"linked"}, []string{"linked/b.txt", "linked/sub/c.txt"}, nil},
		{false, []string{"lib", "linked", "lib/b.txt", "./lib/b2.txt", "-", "-"}, []string{"lib/b.txt", "lib/sub/c.txt", "-"}, nil},
		{false, []string{"lib/sub/c.txt", "top"}, []string{"lib/sub/c.txt", "top/a.txt"}, []string{"top/more -> ../lib"}},
		{false, []string{"lib/sub", "lib"}, []string{"lib/sub/c.txt", "lib/b.txt"}, []string{"lib/sub/up -> .."}},
		// within the directory walked: read by their own names
		{false, []string{"lib"}, []string{"lib/b.txt", "lib/sub/c.txt"}, nil},
		{false, []string{"."}, []string{"lib/b.txt", "lib/sub/c.txt", "top/a.txt"}, []string{"dangling.txt -> nowhere.txt (leads nowhere)"}},
	} {
		w := newWalker("canned")
		w.follow = tc.follow
		var got, unfollowed []string
		for _, p := range tc.paths {
			files, err := w.expand(p)
			if err != nil {
				t.Errorf("%v: %s: %v", tc.paths, p, err)
			}
			got = append(got, files...)
			unfollowed = append(unfollowed, w.unfollowed...)
		}
		if !slices.Equal(got, tc.want) || !slices.Equal(unfollowed, tc.unfollowed) {
			t.Errorf("follow %v, %v: read %q, want %q; links not followed %q, want %q", tc.follow, tc.paths, got, tc.want, unfollowed, tc.unfollowed)
		}
	}

	// ReadAll opens each file once: the summary's count of files
	sink := &fileCounter{}
	err := ReadAll(context.Background(), []string{"lib/b.txt", "linked", "lib", "top"}, Options{Format: "canned", FollowLinks: true}, sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"lib/b.txt", "linked/sub/c.txt", "top/a.txt"}; !slices.Equal(sink.files, want) {
		t.Errorf("read %q, want %q", sink.files, want)
	}
}

// TestWalkFollowBroken: a walk that follows links names those it cannot
// follow, to nothing or in a loop, of a name no transcript has (they may
// have led to a directory of them), which it skipped without a word; one
// of a transcript's name is taken, to be reported unreadable.
func TestWalkFollowBroken(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.MkdirAll("shop/sub", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("shop/a.txt", []byte("这个不行\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, to := range map[string]string{
		"shop/archive":  "../nowhere",
		"shop/lp":       "lp",
		"shop/sub/gone": "../../none",
		"shop/c.txt":    "none.txt",
		"shop/up":       "..",
	} {
		if err := os.Symlink(to, link); err != nil {
			t.Skip("no symbolic links:", err)
		}
	}
	w := newWalker("canned")
	w.follow = true
	files, err := w.expand("shop")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"shop/a.txt", "shop/c.txt"}; !slices.Equal(files, want) {
		t.Errorf("read %q, want %q", files, want)
	}
	want := []string{"shop/archive -> ../nowhere (leads nowhere)", "shop/lp -> lp (a loop that leads nowhere)", "shop/sub/gone -> ../../none (leads nowhere)"}
	if !slices.Equal(w.broken, want) {
		t.Errorf("links skipped %q, want %q", w.broken, want)
	}
	if got, want := w.brokenWarning(), "3 symbolic links in it were skipped, as they cannot be followed: "+strings.Join(want, ", ")+"; mend them, or remove them"; got != want {
		t.Errorf("warning %q\nwant    %q", got, want)
	}
	// those the globs leave out, as the directory they may have led to,
	// are not named: the user left them out
	w = newWalker("canned")
	w.follow = true
	w.exclude = excludes(t, "archive", "sub/", "lp/**")
	if _, err := w.expand("shop"); err != nil {
		t.Fatal(err)
	}
	if len(w.broken) > 0 {
		t.Errorf("excluded, links skipped %q", w.broken)
	}
	if w.excluded.files != 0 || w.excluded.dirs != 1 {
		// (sub/ alone, a directory read)
		t.Errorf("excluded %d files and %d directories, want 0 and 1", w.excluded.files, w.excluded.dirs)
	}
	w.exclude = excludes(t, "a.txt")
	if _, err := w.expand("shop"); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(w.broken, want) {
		t.Errorf("a.txt excluded, links skipped %q, want %q", w.broken, want)
	}
	// without --follow they are not the walk's to follow
	w = newWalker("canned")
	if _, err := w.expand("shop"); err != nil {
		t.Fatal(err)
	}
	if len(w.broken) > 0 {
		t.Errorf("without --follow, links skipped %q", w.broken)
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

// TestWalkMissingPath: a named path that does not exist is a *FileError
// worded alike on every system and still fs.ErrNotExist for errors.Is (it
// was a plain error, so a caller had to stat the path again to tell).
func TestWalkMissingPath(t *testing.T) {
	t.Chdir(t.TempDir())
	_, err := newWalker("canned").expand("exports/*.jsonl")
	var fe *FileError
	if !errors.As(err, &fe) || fe.Name != "exports/*.jsonl" || !errors.Is(err, fs.ErrNotExist) || err.Error() != "exports/*.jsonl: no such file or directory" {
		t.Errorf("error %v (%T), want a *FileError that is fs.ErrNotExist", err, err)
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

// excludes parses globs for the walk tests.
func excludes(t *testing.T, patterns ...string) []*pathglob.Glob {
	t.Helper()
	var out []*pathglob.Glob
	for _, p := range patterns {
		g, err := pathglob.Parse(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, g)
	}
	return out
}

// TestWalkExclude: files and directories met in a walk whose path below
// the walked argument matches an exclude glob are left out; a directory
// that matches is not descended into (not even opened); a file named on
// the command line is read however it matches.
func TestWalkExclude(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, f := range []string{
		"qa/day1.jsonl", "qa/day2.draft.jsonl", "qa/archive/old.jsonl",
		"qa/bot-only/b.jsonl", "qa/2026/archive/older.jsonl", "qa/2026/day3.jsonl",
		"qa/2026/drafts/d.jsonl", "qa/drafts/e.jsonl", "qa/archive.jsonl",
	} {
		os.MkdirAll(filepath.Dir(f), 0o755)
		if err := os.WriteFile(f, []byte(`{"role":"agent","text":"您好"}`+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var opened []string
	defer func(orig func(string) ([]os.DirEntry, error)) { readDir = orig }(readDir)
	readDir = func(name string) ([]os.DirEntry, error) {
		opened = append(opened, filepath.ToSlash(name))
		return os.ReadDir(name)
	}
	for _, tc := range []struct {
		exclude []string
		paths   []string
		want    []string
		opened  []string // the directories read, when said
	}{
		{nil, []string{"qa"}, []string{
			"qa/2026/archive/older.jsonl", "qa/2026/day3.jsonl", "qa/2026/drafts/d.jsonl", "qa/archive/old.jsonl",
			"qa/archive.jsonl", "qa/bot-only/b.jsonl", "qa/day1.jsonl", "qa/day2.draft.jsonl", "qa/drafts/e.jsonl",
		}, nil},
		// base names at any depth; archive the directory and archive.jsonl apart
		{[]string{"archive", "bot-only", "*.draft.jsonl"}, []string{"qa"},
			[]string{"qa/2026/day3.jsonl", "qa/2026/drafts/d.jsonl", "qa/archive.jsonl", "qa/day1.jsonl", "qa/drafts/e.jsonl"},
			[]string{"qa", "qa/2026", "qa/2026/drafts", "qa/drafts"}},
		// a slash: from the walked argument
		{[]string{"archive/**"}, []string{"qa"},
			[]string{"qa/2026/archive/older.jsonl", "qa/2026/day3.jsonl", "qa/2026/drafts/d.jsonl", "qa/archive.jsonl",
				"qa/bot-only/b.jsonl", "qa/day1.jsonl", "qa/day2.draft.jsonl", "qa/drafts/e.jsonl"},
			[]string{"qa", "qa/2026", "qa/2026/archive", "qa/2026/drafts", "qa/bot-only", "qa/drafts"}},
		{[]string{"**/drafts/**", "**/archive/", "2026/*.jsonl"}, []string{"qa"},
			[]string{"qa/archive.jsonl", "qa/bot-only/b.jsonl", "qa/day1.jsonl", "qa/day2.draft.jsonl"},
			[]string{"qa", "qa/2026", "qa/bot-only"}},
		// relative to each argument: 2026's archive is archive there
		{[]string{"archive/**"}, []string{"qa/2026"}, []string{"qa/2026/day3.jsonl", "qa/2026/drafts/d.jsonl"}, nil},
		// a file named is read; a directory named is walked, its paths
		// taken from it
		{[]string{"*.draft.jsonl", "archive"}, []string{"qa/day2.draft.jsonl", "qa/archive"},
			[]string{"qa/day2.draft.jsonl", "qa/archive/old.jsonl"}, nil},
		{[]string{"archive/**"}, []string{"qa", "qa/archive"},
			[]string{"qa/2026/archive/older.jsonl", "qa/2026/day3.jsonl", "qa/2026/drafts/d.jsonl", "qa/archive.jsonl",
				"qa/bot-only/b.jsonl", "qa/day1.jsonl", "qa/day2.draft.jsonl", "qa/drafts/e.jsonl", "qa/archive/old.jsonl"}, nil},
	} {
		w := newWalker("auto")
		w.exclude = excludes(t, tc.exclude...)
		opened = nil
		var got []string
		for _, p := range tc.paths {
			files, err := w.expand(p)
			if err != nil {
				t.Errorf("%v %v: %s: %v", tc.exclude, tc.paths, p, err)
			}
			got = append(got, files...)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%v %v: read\n%q, want\n%q", tc.exclude, tc.paths, got, tc.want)
		}
		if tc.opened != nil && !slices.Equal(opened, tc.opened) {
			t.Errorf("%v %v: opened %q, want %q", tc.exclude, tc.paths, opened, tc.opened)
		}
	}
}

// TestWalkExcludeRelative: a directory met twice, under two arguments,
// is matched by its path below each: what one argument's globs leave out
// the other's may not.
func TestWalkExcludeRelative(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.MkdirAll("a/b", 0o755)
	if err := os.WriteFile("a/b/x.txt", []byte("这个不行\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	w := newWalker("canned")
	w.exclude = excludes(t, "b/*.txt")
	if got, err := w.expand("a"); err == nil {
		t.Errorf("a: read %q, want an error: all excluded", got)
	}
	if got, err := w.expand("a/b"); err != nil || !slices.Equal(got, []string{"a/b/x.txt"}) {
		t.Errorf("a/b: read %q (%v), want a/b/x.txt: x.txt is no b/*.txt there", got, err)
	}
}

// TestWalkExcludedUnreadable: an excluded directory is not opened, so one
// that cannot be read is no error.
func TestWalkExcludedUnreadable(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, f := range []string{"top/a.txt", "top/secret/b.txt", "top/x/secret/c.txt"} {
		os.MkdirAll(filepath.Dir(f), 0o755)
		if err := os.WriteFile(f, []byte("这个不行\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	defer func(orig func(string) ([]os.DirEntry, error)) { readDir = orig }(readDir)
	readDir = func(name string) ([]os.DirEntry, error) {
		if filepath.Base(name) == "secret" {
			return nil, &os.PathError{Op: "open", Path: name, Err: os.ErrPermission}
		}
		return os.ReadDir(name)
	}
	if os.Chmod("top/secret", 0) == nil { // and for real, where permissions hold
		defer os.Chmod("top/secret", 0o755)
	}
	sink := &fileCounter{}
	err := ReadAll(context.Background(), []string{"top"}, Options{Format: "canned", Exclude: excludes(t, "secret/")}, sink)
	if err != nil {
		t.Errorf("ReadAll: %v, want no error: secret is excluded", err)
	}
	if want := []string{"top/a.txt"}; !slices.Equal(sink.files, want) {
		t.Errorf("read %q, want %q", sink.files, want)
	}
	// not excluded: the error, as before
	err = ReadAll(context.Background(), []string{"top"}, Options{Format: "canned"}, &fileCounter{})
	if err == nil || !strings.Contains(err.Error(), "top/secret: permission denied") {
		t.Errorf("ReadAll without --exclude: %v, want top/secret unreadable", err)
	}
}

// TestWalkAllExcluded: a directory whose transcript files are all
// excluded holds none, and the error says how many were left out, so
// that the user is not puzzled; nothing excluded, it says nothing of it.
func TestWalkAllExcluded(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, f := range []string{"lib/a.draft.txt", "lib/b.draft.txt", "lib/notes.md", "lib/drafts/c.txt", "one/a.draft.txt", "none/notes.md"} {
		os.MkdirAll(filepath.Dir(f), 0o755)
		if err := os.WriteFile(f, []byte("这个不行\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		exclude []string
		path    string
		want    string
	}{
		{[]string{"*.draft.txt", "drafts"}, "lib", "lib: directory holds no reply files (.txt, .yaml, .yml, .csv, .tsv, .tab) that are not excluded: 2 files and 1 directory excluded (--exclude, exclude: in .chatlint.yaml)"},
		{[]string{"*.draft.txt"}, "one", "one: directory holds no reply files (.txt, .yaml, .yml, .csv, .tsv, .tab) that are not excluded: 1 file excluded (--exclude, exclude: in .chatlint.yaml)"},
		{[]string{"*.md"}, "none", "none: directory holds no reply files (.txt, .yaml, .yml, .csv, .tsv, .tab)"},
		{nil, "none", "none: directory holds no reply files (.txt, .yaml, .yml, .csv, .tsv, .tab)"},
	} {
		w := newWalker("canned")
		w.exclude = excludes(t, tc.exclude...)
		got, err := w.expand(tc.path)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%v %s: read %q, error\n%v, want\n%s", tc.exclude, tc.path, got, err, tc.want)
		}
	}
}

// TestInputSizeExcludes: the progress line's total leaves out what the
// walk leaves out.
func TestInputSizeExcludes(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.MkdirAll("d/archive", 0o755)
	os.WriteFile("d/a.txt", []byte("12345\n"), 0o644)
	os.WriteFile("d/archive/b.txt", []byte("1234567890\n"), 0o644)
	if got := InputSize([]string{"d"}, Options{Format: "canned"}); got != 17 {
		t.Errorf("InputSize = %d, want 17", got)
	}
	if got := InputSize([]string{"d"}, Options{Format: "canned", Exclude: excludes(t, "archive")}); got != 6 {
		t.Errorf("InputSize with archive excluded = %d, want 6", got)
	}
}

// TestWalkExcludeLinks: a link met in a walk that follows links
// (--follow) is matched by its own path, as what it leads to: a directory
// (drafts/ matches a link to one), or a file.
func TestWalkExcludeLinks(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, f := range []string{"lib/a.txt", "store/b.txt", "store/c.txt"} {
		os.MkdirAll(filepath.Dir(f), 0o755)
		if err := os.WriteFile(f, []byte("这个不行\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, to := range map[string]string{"lib/drafts": "../store", "lib/old.txt": "../store/c.txt", "lib/gone.txt": "nowhere.txt"} {
		if err := os.Symlink(to, link); err != nil {
			t.Skip("no symbolic links:", err)
		}
	}
	for _, tc := range []struct {
		exclude []string
		want    []string
	}{
		{nil, []string{"lib/a.txt", "lib/drafts/b.txt", "lib/drafts/c.txt", "lib/gone.txt"}},
		{[]string{"drafts/", "old.txt", "gone.txt"}, []string{"lib/a.txt"}},
		{[]string{"*/"}, []string{"lib/a.txt", "lib/gone.txt", "lib/old.txt"}}, // directories only
	} {
		w := newWalker("canned")
		w.exclude, w.follow = excludes(t, tc.exclude...), true
		got, err := w.expand("lib")
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%v: read %q (%v), want %q", tc.exclude, got, err, tc.want)
		}
	}
}

// TestWalkUnfollowedLinks: a walk that does not follow links names, in a
// warning after the run, the links whose files it did not read by another
// name (a shop that links the day's export directory in learns that it was
// not linted): those that lead out of the directory walked, into a hidden
// directory in it, to a file of a name the walk passes over, or nowhere.
// Links to what the walk reads by its own name, to files it would not read
// (notes.md), and links excluded, are not named.
func TestWalkUnfollowedLinks(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, f := range []string{"exports/a.jsonl", "exports/.old/b.jsonl", "exports/raw/c.export", "srv/2026-11-25/d.jsonl", "srv/e.jsonl", "srv/notes.md"} {
		os.MkdirAll(filepath.Dir(f), 0o755)
		if err := os.WriteFile(f, []byte(`{"conversation":"c1","role":"agent","text":"您好"}`+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, to := range map[string]string{
		"exports/today":     "../srv/2026-11-25",
		"exports/e.jsonl":   "../srv/e.jsonl",
		"exports/notes.md":  "../srv/notes.md",
		"exports/same":      "raw",
		"exports/a2.jsonl":  "a.jsonl",
		"exports/old":       ".old",
		"exports/c.jsonl":   "raw/c.export",
		"exports/gone.json": "nowhere.json",
		"exports/lp.jsonl":  "lp.jsonl",
		"exports/skip":      "../srv",
	} {
		if err := os.Symlink(to, link); err != nil {
			t.Skip("no symbolic links:", err)
		}
	}
	w := newWalker("auto")
	w.exclude = excludes(t, "skip")
	got, err := w.expand("exports")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"exports/a.jsonl"}
	unfollowed := []string{
		"exports/c.jsonl -> raw/c.export",
		"exports/e.jsonl -> ../srv/e.jsonl",
		"exports/gone.json -> nowhere.json (leads nowhere)",
		"exports/lp.jsonl -> lp.jsonl (a loop that leads nowhere)", // as --follow's warning says it
		"exports/old -> .old",
		"exports/today -> ../srv/2026-11-25",
	}
	if !slices.Equal(got, want) || !slices.Equal(w.unfollowed, unfollowed) {
		t.Errorf("read %q, want %q; links not followed %q, want %q", got, want, w.unfollowed, unfollowed)
	}
	if got, want := w.unfollowedWarning(), "6 symbolic links in it were not followed, as a walk follows none, and what they lead to was not read: "+
		"exports/c.jsonl -> raw/c.export, exports/e.jsonl -> ../srv/e.jsonl, exports/gone.json -> nowhere.json (leads nowhere) and 3 more; "+
		"name them to lint them, or give --follow"; got != want {
		t.Errorf("warning:\n%s\nwant\n%s", got, want)
	}

	// the warning reaches the run's (Options.Mixed), and a directory of
	// links alone is still one that holds no transcript files
	os.MkdirAll("links", 0o755)
	os.Symlink("../srv/2026-11-25", "links/today")
	mixed := &MixedEncodings{}
	err = ReadAll(context.Background(), []string{"links", "exports/a.jsonl"}, Options{Mixed: mixed}, &fileCounter{})
	var fe *FileError
	if !errors.As(err, &fe) || fe.Name != "links" || !strings.Contains(err.Error(), "directory holds no transcript files") {
		t.Errorf("ReadAll: %v", err)
	}
	if got, want := mixed.Warnings(), []string{"links: a symbolic link in it was not followed, as a walk follows none, and what it leads to was not read: " +
		"links/today -> ../srv/2026-11-25; name it to lint it, or give --follow"}; !slices.Equal(got, want) {
		t.Errorf("warnings %q, want %q", got, want)
	}
	// followed, nothing to say
	mixed = &MixedEncodings{}
	sink := &fileCounter{}
	if err := ReadAll(context.Background(), []string{"links"}, Options{Mixed: mixed, FollowLinks: true}, sink); err != nil {
		t.Fatal(err)
	}
	if len(mixed.Warnings()) != 0 || !slices.Equal(sink.files, []string{"links/today/d.jsonl"}) {
		t.Errorf("--follow: read %q, warnings %q", sink.files, mixed.Warnings())
	}
}
