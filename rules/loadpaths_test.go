package rules

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestLoadSaysWhyAPackIsNotThere: a pack named in extends or in a file of
// settings that cannot be read for its path (through a file, through a
// symbolic link to one, in a directory that does not exist, a link to
// nothing) is told by the part of the path that is wrong, where the
// loader said 'cannot read pack …: open x.yaml/more.yaml: not a
// directory' or a bare 'pack file … not found'; one of a file of settings
// at the entry's line and column, with the key.
func TestLoadSaysWhyAPackIsNotThere(t *testing.T) {
	t.Chdir(t.TempDir())
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("x.yaml", "pack: x\nrules: []\n")
	write("y.yaml", "pack: y\nextends: [x.yaml/more.yaml, nodir/a.yaml]\nrules: []\n")
	_, err := Load("y.yaml")
	for _, want := range []string{
		`y.yaml:2:11: cannot read pack "x.yaml/more.yaml": x.yaml is a file, not a directory`,
		`y.yaml:2:29: pack file "nodir/a.yaml" not found: the directory nodir does not exist`,
	} {
		if err == nil || !strings.Contains(err.Error()+"\n", want+"\n") {
			t.Errorf("Load(y.yaml): %v\nwant a line %q", err, want)
		}
	}
	if err != nil && strings.Contains(err.Error(), "open ") {
		t.Errorf("Load(y.yaml): %v\nstill gives the system's words", err)
	}

	cfg, err := filepath.Abs(".chatlint.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(cfg)
	_, err = LoadRefs(
		Ref{Name: "ecommerce", Dir: dir, File: cfg, Line: 2, Column: 5, Key: "packs"},
		Ref{Name: "x.yaml/more.yaml", Dir: dir, File: cfg, Line: 3, Column: 5, Key: "packs"},
		Ref{Name: "nodir/more.yaml", Dir: dir, File: cfg, Line: 4, Column: 5, Key: "packs"},
		Ref{Name: "nosuch", Dir: dir, File: cfg, Line: 5, Column: 5, Key: "packs"},
	)
	for _, want := range []string{
		cfg + `:3:5: packs: cannot read pack "x.yaml/more.yaml": ` + filepath.Join(dir, "x.yaml") + ` is a file, not a directory`,
		cfg + `:4:5: packs: pack file "nodir/more.yaml" not found: the directory ` + filepath.Join(dir, "nodir") + ` does not exist`,
		cfg + `:5:5: packs: unknown pack "nosuch" (`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("LoadRefs: %v\nwant %q", err, want)
		}
	}

	if runtime.GOOS == "windows" {
		return // (symbolic links)
	}
	if err := os.Symlink("x.yaml", "o3"); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("nowhere.yaml", "gone.yaml"); err != nil {
		t.Fatal(err)
	}
	for ref, want := range map[string]string{
		"o3/more.yaml": `o3/more.yaml: cannot read pack "o3/more.yaml": o3 is a symbolic link to x.yaml, and x.yaml is a file, not a directory`,
		"gone.yaml":    `gone.yaml: pack file "gone.yaml" not found: gone.yaml is a symbolic link to nowhere.yaml, which does not exist`,
	} {
		if _, err := Load(ref); err == nil || err.Error() != want {
			t.Errorf("Load(%s): %v\nwant %s", ref, err, want)
		}
	}
}
