package pathwhy

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestSaid: each path that cannot be reached is said by its culprit, a
// file where a directory should be, a directory not there, a symbolic
// link to nothing or to a file, with the link named.
func TestSaid(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links")
	}
	t.Chdir(t.TempDir())
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile("lib.txt", []byte("x\n"), 0o644))
	must(os.Mkdir("sub", 0o755))
	must(os.Symlink("lib.txt", "o3"))
	must(os.Symlink("o3", "o5"))
	must(os.Symlink("lib.txt/r.json", "tl"))
	must(os.Symlink("gone", "out"))
	must(os.Symlink("gone.yaml", "p.yaml"))

	through := func(path string) string {
		_, err := os.Stat(path)
		said, ok := ThroughFile(path, err)
		if !ok {
			return "(not through a file: " + err.Error() + ")"
		}
		return said
	}
	missing := func(path string) string {
		said, ok := Missing(path)
		if !ok {
			return "(only the file is missing)"
		}
		return said
	}
	for _, c := range []struct{ got, want string }{
		{through("lib.txt/x.yaml"), "lib.txt is a file, not a directory"},
		{through("lib.txt/sub/x.yaml"), "lib.txt is a file, not a directory"},
		{through("o3/x.yaml"), "o3 is a symbolic link to lib.txt, and lib.txt is a file, not a directory"},
		{through("o5/x.yaml"), "o5 is a symbolic link to o3, a symbolic link to lib.txt, and lib.txt is a file, not a directory"},
		{through("tl"), "tl is a symbolic link to lib.txt/r.json, and lib.txt is a file, not a directory"},
		{through("sub/x.yaml"), "(not through a file: stat sub/x.yaml: no such file or directory)"},
		{NotADir("lib.txt"), "lib.txt is a file, not a directory"},
		{NotADir("o3"), "o3 is a symbolic link to lib.txt, and lib.txt is a file, not a directory"},
		{MissingDir("nodir"), "the directory nodir does not exist"},
		{MissingDir("out"), "the directory out is a symbolic link to gone, which does not exist"},
		{MissingDir("out/day"), "the directory out/day cannot be reached: out is a symbolic link to gone, which does not exist"},
		{missing("nodir/x.yaml"), "the directory nodir does not exist"},
		{missing("out/x.yaml"), "the directory out is a symbolic link to gone, which does not exist"},
		{missing("p.yaml"), "p.yaml is a symbolic link to gone.yaml, which does not exist"},
		{missing("sub/x.yaml"), "(only the file is missing)"},
		{missing("x.yaml"), "(only the file is missing)"},
	} {
		if c.got != c.want {
			t.Errorf("got  %q\nwant %q", c.got, c.want)
		}
	}
	if _, ok := DanglingLink(filepath.Join("sub", "x.yaml")); ok {
		t.Error("DanglingLink found a link on sub/x.yaml, which has none")
	}
}
