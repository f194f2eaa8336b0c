package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint/config"
)

// TestInitForceThroughLink: init --force on a .chatlint.yaml that is a
// symbolic link (a dotfile manager's) keeps the link as it is and replaces
// the file it leads to, in that file's own directory, whole: its mode kept,
// no temporary file left beside the link or the file.
func TestInitForceThroughLink(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	if err := os.MkdirAll(filepath.Join("dotfiles", "chatlint"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir("project", 0o755); err != nil {
		t.Fatal(err)
	}
	shared := filepath.Join("dotfiles", "chatlint", "config.yaml")
	if err := os.WriteFile(shared, []byte("packs: [retail]\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(shared, 0o640); err != nil { // whatever the umask
		t.Fatal(err)
	}
	const link = "../dotfiles/chatlint/config.yaml"
	if err := os.Symlink(link, filepath.Join("project", config.FileName)); err != nil {
		t.Skip("no symbolic links:", err)
	}
	t.Chdir("project")
	code, _, stderr := runCLI(t, "init", "--force")
	if code != 0 {
		t.Fatalf("init --force: exit %d: %s", code, stderr)
	}
	if got, err := os.Readlink(config.FileName); err != nil || got != link {
		t.Errorf("%s is no longer the link to %s: %q, %v", config.FileName, link, got, err)
	}
	sharedPath := filepath.Join(root, shared)
	if got := readString(t, sharedPath); got != starterConfig {
		t.Errorf("the file the link leads to holds %q, want the starter config", got)
	}
	if st, err := os.Stat(sharedPath); err != nil || st.Mode().Perm() != 0o640 {
		t.Errorf("the file the link leads to: mode %v, %v; want its own 0640 kept", st.Mode().Perm(), err)
	}
	for _, dir := range []string{".", filepath.Dir(sharedPath)} {
		if tmp := tempFiles(t, dir); len(tmp) > 0 {
			t.Errorf("temporary files left in %s: %v", dir, tmp)
		}
	}
}

// TestInitLeavesNoTempFile: a successful init, new or --force, leaves the
// config and nothing else.
func TestInitLeavesNoTempFile(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, args := range [][]string{{"init"}, {"init", "--force"}} {
		if code, _, stderr := runCLI(t, args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, stderr)
		}
		entries, err := os.ReadDir(".")
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 1 || entries[0].Name() != config.FileName {
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Errorf("%q left %v, want only %s", args, names, config.FileName)
		}
		if got := readString(t, config.FileName); got != starterConfig {
			t.Errorf("%q: %s holds %q", args, config.FileName, got)
		}
	}
}

// TestInitForceNoTempFileBeside: init --force where no temporary file can
// be made beside the config (a directory that takes no new files) fails,
// exit 2, and leaves the config, or the file a link leads to, as it was:
// it is never written over in place, where a failure would leave half of
// it. (Simulated: the tests run as root, whom a read-only directory does
// not stop; TestInitForceReadOnlyDir makes a real one.)
func TestInitForceNoTempFileBeside(t *testing.T) {
	const old = "packs: [retail]\n"
	for _, link := range []bool{false, true} {
		t.Run(map[bool]string{false: "file", true: "link"}[link], func(t *testing.T) {
			t.Chdir(t.TempDir())
			file := config.FileName
			if link {
				file = "shared.yaml"
				if err := os.Symlink(file, config.FileName); err != nil {
					t.Skip("no symbolic links:", err)
				}
			}
			if err := os.WriteFile(file, []byte(old), 0o644); err != nil {
				t.Fatal(err)
			}
			spool := noNewFiles(t)
			code, _, stderr := runCLI(t, "init", "--force")
			if code != 2 || !strings.Contains(stderr, "left as it is") {
				t.Errorf("exit %d, want 2 saying the config is left as it is; stderr: %s", code, stderr)
			}
			if got := readString(t, file); got != old {
				t.Errorf("%s holds %q, want the old %q", file, got, old)
			}
			if entries, _ := os.ReadDir(spool); len(entries) > 0 {
				t.Errorf("spool files left: %v", entries)
			}
			if tmp := tempFiles(t, "."); len(tmp) > 0 {
				t.Errorf("temporary files left: %v", tmp)
			}
		})
	}
}

// TestInitStarterExclude: the starter shows exclude: as a comment that,
// uncommented, loads (its globs quoted where YAML needs it).
func TestInitStarterExclude(t *testing.T) {
	const line = `# exclude: ["archive/**", "*.draft.txt", drafts/]`
	if !strings.Contains(starterConfig, "\n"+line+"\n") {
		t.Fatalf("the starter does not show %s", line)
	}
	p := filepath.Join(t.TempDir(), config.FileName)
	if err := os.WriteFile(p, []byte(strings.Replace(starterConfig, line, line[2:], 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := config.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.ExcludeGlobs()); n != 3 {
		t.Errorf("the starter's exclude:, uncommented, gives %d globs, want 3", n)
	}
}

// TestInitStarterRules: the starter's rule overrides, uncommented as its
// comment says (去掉行首的「# 」: the mark and the space after it, which
// left behind would indent rules: under nothing), load and apply.
func TestInitStarterRules(t *testing.T) {
	_, after, ok := strings.Cut(starterConfig, "去掉行首的")
	said, _, ok2 := strings.Cut(after, "即可生效")
	if !ok || !ok2 {
		t.Fatal("the starter does not say how to uncomment its examples")
	}
	// the mark as written: inside 「」 exactly, else the word between spaces
	mark := strings.TrimSpace(said)
	if in, ok := strings.CutPrefix(mark, "「"); ok {
		mark, _, _ = strings.Cut(in, "」")
	}
	lines := []string{"# rules:", "#   ecommerce/use-nin: {disable: true}", "#   ecommerce/slow-reply: {severity: error, max_deduct: 20}"}
	uncommented := starterConfig
	for _, l := range lines {
		i := strings.Index(uncommented, "\n"+l)
		if i < 0 {
			t.Fatalf("the starter does not show %s", l)
		}
		uncommented = uncommented[:i+1] + strings.TrimPrefix(uncommented[i+1:], mark)
	}
	p := filepath.Join(t.TempDir(), config.FileName)
	if err := os.WriteFile(p, []byte(uncommented), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := config.Load(p)
	if err != nil {
		t.Fatalf("the starter's rules:, with %q taken off as it says, does not load: %v", mark, err)
	}
	if o := c.Rules["ecommerce/use-nin"]; o == nil || o.Disable == nil || !*o.Disable {
		t.Errorf("ecommerce/use-nin override %+v, want disable: true", o)
	}
	if o := c.Rules["ecommerce/slow-reply"]; o == nil || o.Severity != "error" {
		t.Errorf("ecommerce/slow-reply override %+v, want severity: error", o)
	}
}

// TestInitNoNewFiles: init where no config is yet, in a directory that
// takes no new files, with or without --force, says that the directory
// cannot take the file and what to do (not "open .chatlint.yaml" nor, with
// --force, that a file that is not there is left as it is). Simulated,
// as TestInitForceNoTempFileBeside is.
func TestInitNoNewFiles(t *testing.T) {
	for _, args := range [][]string{{"init"}, {"init", "--force"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			t.Chdir(t.TempDir())
			noNewFiles(t)
			code, _, stderr := runCLI(t, args...)
			want := "chatlint: cannot write .chatlint.yaml: the working directory takes no new files (permission denied): run chatlint init in a directory you may write to\n"
			if code != 2 || stderr != want {
				t.Errorf("exit %d, stderr %q; want 2, %q", code, stderr, want)
			}
			if _, err := os.Lstat(config.FileName); err == nil {
				t.Errorf("%s was written", config.FileName)
			}
		})
	}
}

// TestInitStarterTeams: the starter shows teams: as a comment that,
// uncommented, loads and puts agents in their teams (a pattern quoted
// where YAML needs it).
func TestInitStarterTeams(t *testing.T) {
	lines := []string{"# teams:", "#   售前组: [小美, 阿杰]", `#   售后组: ["客服0*"]`}
	uncommented := starterConfig
	for _, l := range lines {
		if !strings.Contains(uncommented, "\n"+l+"\n") {
			t.Fatalf("the starter does not show %s", l)
		}
		uncommented = strings.Replace(uncommented, "\n"+l+"\n", "\n"+l[2:]+"\n", 1)
	}
	p := filepath.Join(t.TempDir(), config.FileName)
	if err := os.WriteFile(p, []byte(uncommented), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := config.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	of := c.TeamsOf()
	if of == nil {
		t.Fatal("the starter's teams:, uncommented, defines no team")
	}
	for agent, want := range map[string]string{"阿杰": "售前组", "客服03": "售后组", "王主管": ""} {
		if got := strings.Join(of(agent), ","); got != want {
			t.Errorf("agent %s in teams %q, want %q", agent, got, want)
		}
	}
}
