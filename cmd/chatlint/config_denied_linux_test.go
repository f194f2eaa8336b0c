package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/internal/shellquote"
	"github.com/chatlint/chatlint/lint/config"
)

// TestConfigAboveDenied: a .chatlint.yaml above the working directory
// that the user may not read (mode 000; a link to one in a directory they
// may not enter) stops lint naming it and what to do, as a directory or
// a link to nothing there does, where it said 'read config: open …:
// permission denied' (or 'find .chatlint.yaml: stat …: permission
// denied'); init, which wrote the starter and said nothing of it (or
// that it 'does not load'), notes that it stopped the runs here. Run as
// root, whom a mode does not stop, the test runs itself again as the
// user nobody, or is skipped when it cannot.
func TestConfigAboveDenied(t *testing.T) {
	if os.Geteuid() == 0 {
		runAsNobody(t, "TestConfigAboveDenied")
		return
	}
	const day = `{"conversation":"c1","role":"agent","sender":"a","text":"您好，请问有什么可以帮您"}` + "\n"
	const defaults = "none then applies: chatlint's defaults do"
	for _, tc := range []struct {
		name string
		// make sets up the tree in root (the working directory is
		// root/srv/team) and returns the config the runs stop on, and
		// what is said of it after its path
		make func(t *testing.T, root string) (p, said, fix string)
	}{
		{"mode 000", func(t *testing.T, root string) (string, string, string) {
			p := filepath.Join(root, "srv", config.FileName)
			writeMode(t, p, "packs: [callcenter]\n", 0)
			return p, " is not readable to you (permission denied)", "have it made readable to you (chmod a+r " + shellquote.Word(p) + "), or remove it"
		}},
		{"link into a directory not entered", func(t *testing.T, root string) (string, string, string) {
			writeMode(t, filepath.Join(root, "private", "settings.yaml"), "packs: [callcenter]\n", 0o644)
			private := filepath.Join(root, "private")
			if err := os.Chmod(private, 0); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(private, 0o755) })
			p := filepath.Join(root, "srv", config.FileName)
			if err := os.Symlink("../private/settings.yaml", p); err != nil {
				t.Skip("symlink:", err)
			}
			return p, " is a symbolic link to ../private/settings.yaml, which is not readable to you (permission denied)", "point it at a settings file you may read, or remove it"
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			team := filepath.Join(root, "srv", "team")
			writeMode(t, filepath.Join(team, "day.jsonl"), day, 0o644)
			p, said, fix := tc.make(t, root)
			if _, err := os.ReadFile(p); err == nil {
				t.Skip("the file is readable all the same")
			}
			t.Chdir(team)
			wd, err := os.Getwd()
			if err != nil {
				t.Fatal(err)
			}
			want := "chatlint: " + p + said + ": " + fix + " (" + defaults + "); or write a " + config.FileName + " in " + wd + ", which is read before it\n"
			if code, _, stderr := runCLI(t, "lint", "day.jsonl"); code != 2 || stderr != want {
				t.Errorf("lint: exit %d\n%s\nwant exit 2 and\n%s", code, stderr, want)
			}
			code, _, stderr := runCLI(t, "init")
			note := "chatlint: note: " + p + " stopped the runs here until now, as it" + said + ", and no longer does: chatlint reads the nearest " + config.FileName + " only\n"
			if code != 0 || !strings.HasSuffix(stderr, note) {
				t.Errorf("init: exit %d\n%s\nwant exit 0 and, last,\n%s", code, stderr, note)
			}
			if code, _, stderr := runCLI(t, "lint", "day.jsonl"); code != 0 {
				t.Errorf("lint after init: exit %d\n%s", code, stderr)
			}
		})
	}

	// a config above one the run cannot follow: what to do with that one
	// says the next stops the run then
	root := t.TempDir()
	above := filepath.Join(root, config.FileName)
	writeMode(t, above, "packs: [callcenter]\n", 0)
	if _, err := os.ReadFile(above); err == nil {
		t.Skip("the file is readable all the same")
	}
	shop := filepath.Join(root, "shop")
	writeMode(t, filepath.Join(shop, "2026", "day.jsonl"), day, 0o644)
	if err := os.Symlink("gone.yaml", filepath.Join(shop, config.FileName)); err != nil {
		t.Skip("symlink:", err)
	}
	t.Chdir(filepath.Join(shop, "2026"))
	want := "(then " + above + " above it stops the run: it is not readable to you (permission denied))"
	if code, _, stderr := runCLI(t, "lint", "day.jsonl"); code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("lint below a link to nothing: exit %d\n%s\nwant exit 2 and\n%s", code, stderr, want)
	}
}

// writeMode writes text to path, making its directory, and gives the file
// mode perm.
func writeMode(t *testing.T, path, text string, perm os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, perm); err != nil {
		t.Fatal(err)
	}
}
