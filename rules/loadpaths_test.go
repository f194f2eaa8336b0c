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
		// named as written, against the config's directory, not as
		// /…/x.yaml (the line names the config's own path)
		cfg + `:3:5: packs: cannot read pack "x.yaml/more.yaml": x.yaml is a file, not a directory`,
		cfg + `:4:5: packs: pack file "nodir/more.yaml" not found: the directory nodir does not exist`,
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

// TestLoadRefsSaysWhichEntry: a pack a file of settings lists that does
// not load has its errors told at its own file and line, and then the
// entry that lists it: a transcript listed by mistake (packs: [base,
// day.jsonl]) was told as "day.jsonl:1:2: unknown key "conversation"" to
// a user who had run chatlint lint day.jsonl, with nothing to say that it
// was read as a pack, nor why (as 69cfd74 left it: before, the config's
// "packs:" line came first). A pack whose only error is its reference (an
// unknown name) gets no such line, nor does a reference given on the
// command line.
func TestLoadRefsSaysWhichEntry(t *testing.T) {
	t.Chdir(t.TempDir())
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"day.jsonl":   `{"conversation":"c1","role":"customer","text":"在吗"}` + "\n",
		"mine.yaml":   "pack: mine\nextends: [broken.yaml]\nrules: []\n",
		"broken.yaml": "pack: broken\nrules:\n  - id: x\n    type: forbid\n    phrase: [不知道]\n",
		"good.yaml":   "pack: good\nrules: []\nextends: [base]\n",
	} {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := filepath.Join(dir, ".chatlint.yaml")
	entry := func(name string, line int) Ref {
		return Ref{Name: name, Dir: dir, File: cfg, Line: line, Column: 5, Key: "packs"}
	}
	_, err = LoadRefs(entry("base", 2), entry("day.jsonl", 3), entry("good.yaml", 4), entry("mine.yaml", 5), entry("nosuch", 6))
	if err == nil {
		t.Fatal("LoadRefs: no error")
	}
	got := strings.Split(err.Error(), "\n")
	want := []string{
		filepath.Join(dir, "day.jsonl") + `:1:2: unknown key "conversation"`,
		filepath.Join(dir, "day.jsonl") + `:1:22: unknown key "role"`,
		filepath.Join(dir, "day.jsonl") + `:1:40: unknown key "text"`,
		cfg + `:3:5: packs: "day.jsonl" does not load as a rule pack (3 errors above): fix them, or take it out of packs`,
		filepath.Join(dir, "broken.yaml") + `:5:5: unknown key "phrase"`,
		cfg + `:5:5: packs: "mine.yaml" does not load as a rule pack (1 error above): fix it, or take it out of packs`,
		cfg + `:6:5: packs: unknown pack "nosuch" (`,
	}
	if len(got) != len(want) {
		t.Fatalf("LoadRefs: %d lines, want %d:\n%v", len(got), len(want), err)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("line %d: %s\nwant %s…", i+1, got[i], want[i])
		}
	}

	// on the command line the user named the file: its errors alone
	_, err = Load("day.jsonl")
	if err == nil || strings.Contains(err.Error(), "does not load") {
		t.Errorf("Load(day.jsonl): %v\nwant its errors alone", err)
	}
}

// TestLoadRefsAlso: a bare name no pack has is told the packs Ref.Also
// names (those .chatlint.yaml lists, which --pack knows by name) as it is
// the built-in ones: near it in spelling, else all of them; an extends
// of the pack, which knows no such names, is told the built-in ones.
func TestLoadRefsAlso(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("x.yaml", []byte("pack: x\nextends: [myshp]\nrules: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	also := []string{"myshop", "outlet"}
	for _, tt := range []struct{ ref, want string }{
		{"myshp", `myshp: unknown pack "myshp" (did you mean myshop?)`},
		{"retial", `retial: unknown pack "retial" (did you mean retail?)`},
		{"zzz", `zzz: unknown pack "zzz" (built-in packs: base, callcenter, ecommerce, retail; the packs .chatlint.yaml lists: myshop, outlet; or give a path to a .yaml file)`},
		{"x.yaml", `x.yaml:2:11: unknown pack "myshp" (built-in packs: base, callcenter, ecommerce, retail; or give a path to a .yaml file)`},
	} {
		if _, err := LoadRefs(Ref{Name: tt.ref, Dir: ".", Also: also}); err == nil || err.Error() != tt.want {
			t.Errorf("LoadRefs(%s): %v\nwant %s", tt.ref, err, tt.want)
		}
	}
	if _, err := LoadRefs(Ref{Name: "zzz", Dir: "."}); err == nil || strings.Contains(err.Error(), "lists") {
		t.Errorf("LoadRefs(zzz) without Also: %v\nwant the built-in packs alone", err)
	}
}

// TestBrokenPackToldOnce: a pack that does not parse, extended by two
// packs loaded together (packs: [a.yaml, b.yaml], each extends:
// [broken.yaml]), has its errors told once, where they were told for each
// pack that extends it, the same lines twice.
func TestBrokenPackToldOnce(t *testing.T) {
	t.Chdir(t.TempDir())
	for name, text := range map[string]string{
		"a.yaml":      "pack: a\nextends: [broken.yaml]\nrules: []\n",
		"b.yaml":      "pack: b\nextends: [./broken.yaml]\nrules: []\n",
		"broken.yaml": "pack: broken\nrules:\n  - id: x\n    type: forbid\n    phrase: [不知道]\n",
	} {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := `broken.yaml:5:5: unknown key "phrase" (did you mean "phrases"?)`
	for _, refs := range [][]string{{"a.yaml", "b.yaml"}, {"a.yaml", "broken.yaml"}, {"broken.yaml", "b.yaml"}} {
		_, err := Load(refs...)
		if err == nil || strings.Count(err.Error(), `unknown key "phrase"`) != 1 || !strings.HasSuffix(err.Error(), want) {
			t.Errorf("Load(%v): %v\nwant once: %s", refs, err, want)
		}
	}
}

// TestDirectoryIsNoPack: a pack reference that is a directory, a bare
// name no pack has (--pack somedir, the shop's folder) or a path
// (--pack packs/), is told what it is and what a pack is, the pack files
// in it offered, where the loader gave the system's 'read somedir: is a
// directory'.
func TestDirectoryIsNoPack(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, d := range []string{"somedir", "packs", "many", "retial", "myshop", "d.yaml"} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"packs/shop.yaml", "packs/.chatlint.yaml", "packs/notes.txt",
		"many/a.yaml", "many/b.yml", "many/c.yaml", "many/d.yaml", "myshop.yaml"} {
		if err := os.WriteFile(f, []byte("pack: x\nrules: []\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join("packs", "sub.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	p := func(s string) string { return filepath.FromSlash(s) }
	for _, tt := range []struct {
		ref  string
		also []string
		want string
	}{
		{"somedir", nil, `somedir: unknown pack "somedir": somedir is a directory, not a pack file (built-in packs: base, callcenter, ecommerce, retail; or give a path to a .yaml file)`},
		{"somedir", []string{"outlet"}, `somedir: unknown pack "somedir": somedir is a directory, not a pack file (built-in packs: base, callcenter, ecommerce, retail; the packs .chatlint.yaml lists: outlet; or give a path to a .yaml file)`},
		{"somedir/", nil, `somedir/: cannot read pack "somedir/": somedir/ is a directory, not a pack file (it holds no .yaml file: give the path of a pack file)`},
		{"d.yaml", nil, `d.yaml: cannot read pack "d.yaml": d.yaml is a directory, not a pack file (it holds no .yaml file: give the path of a pack file)`},
		{"packs", nil, `packs: unknown pack "packs": packs is a directory, not a pack file (did you mean ` + p("packs/shop.yaml") + `?)`},
		{"./packs", nil, `./packs: cannot read pack "./packs": ./packs is a directory, not a pack file (did you mean ` + p("packs/shop.yaml") + `?)`},
		{"many", nil, `many: unknown pack "many": many is a directory, not a pack file (did you mean ` + p("many/a.yaml") + `, ` + p("many/b.yml") + `, ` + p("many/c.yaml") + ` or another of its 4 .yaml files?)`},
		{"retial", nil, `retial: unknown pack "retial": retial is a directory, not a pack file (did you mean retail?)`},
		{"myshop", nil, `myshop: unknown pack "myshop": myshop is a directory, not a pack file (did you mean myshop.yaml? a pack file is named with its extension)`},
	} {
		if _, err := LoadRefs(Ref{Name: tt.ref, Dir: ".", Also: tt.also}); err == nil || err.Error() != tt.want {
			t.Errorf("LoadRefs(%s): %v\nwant %s", tt.ref, err, tt.want)
		}
	}
	// in extends, and a file of settings's entry, taken against its
	// directory
	if err := os.WriteFile("x.yaml", []byte("pack: x\nextends: [packs]\nrules: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := `x.yaml:2:11: unknown pack "packs": packs is a directory, not a pack file (did you mean ` + p("packs/shop.yaml") + `?)`
	if _, err := Load("x.yaml"); err == nil || err.Error() != want {
		t.Errorf("Load(x.yaml): %v\nwant %s", err, want)
	}
	cfg, err := filepath.Abs(".chatlint.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(cfg)
	want = cfg + `:3:5: packs: cannot read pack "packs/": packs/ is a directory, not a pack file (did you mean ` + p("packs/shop.yaml") + `?)`
	if _, err := LoadRefs(Ref{Name: "packs/", Dir: dir, File: cfg, Line: 3, Column: 5, Key: "packs"}); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("LoadRefs(packs/ of %s): %v\nwant %s", cfg, err, want)
	}
	if runtime.GOOS == "windows" {
		return // (symbolic links)
	}
	if err := os.Symlink("packs", "sl"); err != nil {
		t.Fatal(err)
	}
	want = `sl: unknown pack "sl": sl is a symbolic link to packs, and packs is a directory, not a pack file (did you mean sl/shop.yaml?)`
	if _, err := LoadRefs(Ref{Name: "sl", Dir: "."}); err == nil || err.Error() != want {
		t.Errorf("LoadRefs(sl): %v\nwant %s", err, want)
	}
	// the config's entry, the link and where it leads named as written
	want = cfg + `:4:5: packs: unknown pack "sl": sl is a symbolic link to packs, and packs is a directory, not a pack file (did you mean sl/shop.yaml?)`
	if _, err := LoadRefs(Ref{Name: "sl", Dir: dir, File: cfg, Line: 4, Column: 5, Key: "packs"}); err == nil || err.Error() != want {
		t.Errorf("LoadRefs(sl of %s): %v\nwant %s", cfg, err, want)
	}
}

// TestEmptyExtendsEntry: an empty entry in extends ("", or spaces) names
// no pack, and is told so: taken against the pack's directory, it was
// that directory, '. is a directory, not a pack file (did you mean
// mine.yaml?)', the pack itself offered for its own parent (before the
// loader knew directories, 'pack file "" not found').
func TestEmptyExtendsEntry(t *testing.T) {
	t.Chdir(t.TempDir())
	for name, text := range map[string]string{
		"mine.yaml":   "pack: mine\nextends: [base, \"\"]\nrules: []\n",
		"spaced.yaml": "pack: spaced\nextends:\n  - \"  \"\nrules: []\n",
	} {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	builtins := strings.Join(BuiltinNames(), ", ")
	for _, tt := range []struct{ file, want string }{
		{"mine.yaml", `mine.yaml:2:17: an empty pack name: give a built-in pack's name (` + builtins + `) or the path of a pack file`},
		{"spaced.yaml", `spaced.yaml:3:5: an empty pack name: give a built-in pack's name (` + builtins + `) or the path of a pack file`},
	} {
		if _, err := Load(tt.file); err == nil || err.Error() != tt.want {
			t.Errorf("Load(%s): %v\nwant %s", tt.file, err, tt.want)
		}
	}
}

// TestBareNameLoop: a bare pack name that is a symbolic link in a loop
// (--pack loop1, loop1 → loop1), to nothing (gone → shared/gone.yaml) or
// through a file (tf → day.jsonl/x.yaml) is named with the links it
// leads through, as a path through one is ('cannot read pack
// "loop1/x.yaml": loop1 is a symbolic link to loop1, …'), where it was
// told as a name no pack has, 'unknown pack "loop1" (built-in packs: …)',
// as if nothing were there.
func TestBareNameLoop(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links")
	}
	t.Chdir(t.TempDir())
	if err := os.WriteFile("day.jsonl", []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, l := range [][2]string{{"loop1", "loop1"}, {"loopa", "loopb"}, {"loopb", "loopa"}, {"gone", "shared/gone.yaml"}, {"gone2", "gone"}, {"tf", "day.jsonl/x.yaml"}} {
		if err := os.Symlink(l[1], l[0]); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct{ ref, want string }{
		{"loop1", `loop1: unknown pack "loop1": loop1 is a symbolic link to loop1, a loop that leads nowhere`},
		{"loopa", `loopa: unknown pack "loopa": loopa is a symbolic link to loopb, a symbolic link to loopa, a loop that leads nowhere`},
		// a link to nothing, or through a file: there too, no name
		// unknown
		{"gone", `gone: unknown pack "gone": gone is a symbolic link to shared/gone.yaml, which does not exist`},
		{"gone2", `gone2: unknown pack "gone2": gone2 is a symbolic link to gone, a symbolic link to shared/gone.yaml, which does not exist`},
		{"tf", `tf: unknown pack "tf": tf is a symbolic link to day.jsonl/x.yaml, and day.jsonl is a file, not a directory`},
		// a name nothing has keeps its hint
		{"nothing", `nothing: unknown pack "nothing" (built-in packs: base, callcenter, ecommerce, retail; or give a path to a .yaml file)`},
	} {
		if _, err := Load(tt.ref); err == nil || err.Error() != tt.want {
			t.Errorf("Load(%s): %v\nwant %s", tt.ref, err, tt.want)
		}
	}
}
