package pathwhy

import (
	"fmt"
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
	// a link to nothing through another: the one that dangles is named
	must(os.Symlink("b/x.yaml", "a.yaml"))
	must(os.Symlink("gone", "b"))
	must(os.Symlink("a.yaml", "c.yaml"))
	must(os.Symlink("sub/d/x.yaml", "e.yaml"))
	must(os.Symlink("../b/y", "sub/d"))

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
		{missing("a.yaml"), "a.yaml is a symbolic link to b/x.yaml, and b is a symbolic link to gone, which does not exist"},
		{missing("c.yaml"), "c.yaml is a symbolic link to a.yaml, a symbolic link to b/x.yaml, and b is a symbolic link to gone, which does not exist"},
		{missing("e.yaml"), "e.yaml is a symbolic link to sub/d/x.yaml, and sub/d is a symbolic link to ../b/y, and b is a symbolic link to gone, which does not exist"},
		{MissingDir("a.yaml/day"), "the directory a.yaml/day cannot be reached: a.yaml is a symbolic link to b/x.yaml, and b is a symbolic link to gone, which does not exist"},
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

// TestLoop: a path the system cannot follow for a loop of symbolic links
// is said by the link on it that goes round, and through what, where
// 'stat loop1/x.json: too many levels of symbolic links' named neither;
// any other error, or a chain of links out of any loop, is not a loop.
func TestLoop(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links")
	}
	t.Chdir(t.TempDir())
	for _, d := range []string{"sub", "e"} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, l := range [][2]string{
		{"loop1", "loop1"}, {"loopb", "loopa"}, {"loopa", "loopb"}, {"in", "in/x"},
		{"to", "loopa"}, {"ok", "sub"}, {"gone", "nothing"},
		{"a", "e/loop1/x"}, {"e/loop1", "loop1"}, {"b", "a"}, {"c", "loopa/x"}, {"sub/d", "../a/y"},
		{"m", "n/x"}, {"n", "m/y"}, {"p", "q/x"}, {"q", "p"},
	} {
		if err := os.Symlink(l[1], l[0]); err != nil {
			t.Fatal(err)
		}
	}
	loop := func(path string) string {
		_, err := os.Stat(path)
		said, ok := Loop(path, err)
		if !ok {
			return fmt.Sprintf("(no loop: %v)", err)
		}
		return said
	}
	for _, c := range []struct{ got, want string }{
		{loop("loop1"), "loop1 is a symbolic link to loop1, a loop that leads nowhere"},
		{loop("loop1/x.json"), "loop1 is a symbolic link to loop1, a loop that leads nowhere"},
		{loop("loopa/sub/x.json"), "loopa is a symbolic link to loopb, a symbolic link to loopa, a loop that leads nowhere"},
		{loop("in/r.json"), "in is a symbolic link to in/x, a loop that leads nowhere"},
		{loop("to"), "to is a symbolic link to loopa, a symbolic link to loopb, a symbolic link to loopa, a loop that leads nowhere"},
		// a link through a loop it is no part of: the loop named
		{loop("a"), "a is a symbolic link to e/loop1/x, and e/loop1 is a symbolic link to loop1, a loop that leads nowhere"},
		{loop("a/r.json"), "a is a symbolic link to e/loop1/x, and e/loop1 is a symbolic link to loop1, a loop that leads nowhere"},
		{loop("b"), "b is a symbolic link to a, a symbolic link to e/loop1/x, and e/loop1 is a symbolic link to loop1, a loop that leads nowhere"},
		{loop("c"), "c is a symbolic link to loopa/x, and loopa is a symbolic link to loopb, a symbolic link to loopa, a loop that leads nowhere"},
		{loop("sub/d"), "sub/d is a symbolic link to ../a/y, and a is a symbolic link to e/loop1/x, and e/loop1 is a symbolic link to loop1, a loop that leads nowhere"},
		// two links that go round through each other's paths: the
		// loop they make, not a loop to look for elsewhere (nor the
		// system's words: the second link's loop is the first's)
		{loop("m"), "m is a symbolic link to n/x, and n is a symbolic link to m/y, a loop that leads nowhere"},
		{loop("m/r.json"), "m is a symbolic link to n/x, and n is a symbolic link to m/y, a loop that leads nowhere"},
		{loop("n"), "n is a symbolic link to m/y, and m is a symbolic link to n/x, a loop that leads nowhere"},
		{loop("p"), "p is a symbolic link to q/x, and q is a symbolic link to p, a loop that leads nowhere"},
		{loop("ok/loop1/x"), "(no loop: stat ok/loop1/x: no such file or directory)"},
		{loop("gone"), "(no loop: stat gone: no such file or directory)"},
	} {
		if c.got != c.want {
			t.Errorf("got  %q\nwant %q", c.got, c.want)
		}
	}
	if _, ok := Loop("loop1", os.ErrPermission); ok {
		t.Error("Loop took a permission error for a loop")
	}
}

// TestUnder: paths taken against a directory (a config file's, whose
// entries name paths relative to it) are named as written, relative to
// it, where the package's functions, given them joined to it, named them
// with its absolute path ("the directory /srv/shop/nodir does not
// exist" for nodir/a.yaml); a link's target is named as the link gives
// it, an absolute one too.
func TestUnder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links")
	}
	dir := t.TempDir()
	t.Chdir(t.TempDir()) // (elsewhere: nothing is taken against it)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "lib.txt"), []byte("x\n"), 0o644))
	must(os.Mkdir(filepath.Join(dir, "e"), 0o755))
	for _, l := range [][2]string{
		{"in", "lib.txt/x"}, {"abs", filepath.Join(dir, "lib.txt") + "/y"}, {"gone", "nowhere"},
		{"e/loop1", "loop1"}, {"a", "e/loop1/x"},
	} {
		must(os.Symlink(l[1], filepath.Join(dir, l[0])))
	}
	u := Under(dir)
	stat := func(path string) error {
		_, err := os.Stat(filepath.Join(dir, path))
		return err
	}
	through := func(path string) string {
		said, _ := u.ThroughFile(path, stat(path))
		return said
	}
	loop := func(path string) string {
		said, _ := u.Loop(path, stat(path))
		return said
	}
	missing := func(path string) string {
		said, _ := u.Missing(path)
		return said
	}
	for _, c := range []struct{ got, want string }{
		{through("lib.txt/a.yaml"), "lib.txt is a file, not a directory"},
		{through("in/a.yaml"), "in is a symbolic link to lib.txt/x, and lib.txt is a file, not a directory"},
		{through("abs/a.yaml"), "abs is a symbolic link to " + dir + "/lib.txt/y, and " + dir + "/lib.txt is a file, not a directory"},
		{missing("nodir/a.yaml"), "the directory nodir does not exist"},
		{missing("gone"), "gone is a symbolic link to nowhere, which does not exist"},
		{missing("gone/a.yaml"), "the directory gone is a symbolic link to nowhere, which does not exist"},
		{loop("a/b.yaml"), "a is a symbolic link to e/loop1/x, and e/loop1 is a symbolic link to loop1, a loop that leads nowhere"},
		{u.NotADir("lib.txt"), "lib.txt is a file, not a directory"},
		// an absolute path is taken and named as it is
		{Under(dir).NotADir(filepath.Join(dir, "lib.txt")), filepath.Join(dir, "lib.txt") + " is a file, not a directory"},
	} {
		if c.got != c.want {
			t.Errorf("got  %q\nwant %q", c.got, c.want)
		}
	}
}
