package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/chatlint/chatlint/lint/config"
)

// TestInitFailedWriteLeavesNoPart: a write of the starter config that fails
// part way (a full disk or a quota; here a file size limit, which stops a
// write at 100 bytes) leaves no truncated .chatlint.yaml: no file where
// there was none, the old one as it was with --force, and a symbolic
// link's file as it was too.
func TestInitFailedWriteLeavesNoPart(t *testing.T) {
	if os.Getenv(aloneEnv) == "" {
		// the file size limit is the whole process's: here it would also
		// fail go test's own log of the test's file accesses, and any other
		// test's write meanwhile
		runAlone(t, "TestInitFailedWriteLeavesNoPart")
		return
	}
	const old = "packs: [retail]\n"
	tests := []struct {
		name  string
		setup func(t *testing.T)
		args  []string
		file  string // the file that must keep old ("": none must exist)
	}{
		{"new", func(t *testing.T) {}, []string{"init"}, ""},
		{"force", func(t *testing.T) {
			if err := os.WriteFile(config.FileName, []byte(old), 0o644); err != nil {
				t.Fatal(err)
			}
		}, []string{"init", "--force"}, config.FileName},
		{"force through a link", func(t *testing.T) {
			if err := os.WriteFile("shared.yaml", []byte(old), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("shared.yaml", config.FileName); err != nil {
				t.Skip("no symbolic links:", err)
			}
		}, []string{"init", "--force"}, "shared.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			tt.setup(t)
			var code int
			var stderr string
			withFileSizeLimit(t, 100, func() { code, _, stderr = runCLI(t, tt.args...) })
			if code != 2 {
				t.Fatalf("exit %d, want 2 (the write fails); stderr: %s", code, stderr)
			}
			if tt.file == "" {
				if _, err := os.Lstat(config.FileName); err == nil {
					t.Errorf("%s was left behind: %q", config.FileName, readString(t, config.FileName))
				}
			} else if got := readString(t, tt.file); got != old {
				t.Errorf("%s holds %q, want the old %q", tt.file, got, old)
			}
			if tt.name == "force through a link" {
				if st, err := os.Lstat(config.FileName); err != nil || st.Mode()&os.ModeSymlink == 0 {
					t.Errorf("%s is no longer a symbolic link (%v)", config.FileName, err)
				}
			}
			if tmp := tempFiles(t, "."); len(tmp) > 0 {
				t.Errorf("temporary files left: %v", tmp)
			}
		})
	}
}

// aloneEnv is set in the environment of a test run again by runAlone.
const aloneEnv = "CHATLINT_TEST_ALONE"

// runAlone runs the test named test again in a test binary of its own,
// which runs nothing else and keeps no log of file accesses for go test, so
// that the test may change what is the whole process's (a resource limit);
// it fails when the test fails there, and skips when it skips.
func runAlone(t *testing.T, test string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), aloneEnv+"=1")
	out, err := cmd.CombinedOutput()
	switch {
	case err != nil:
		t.Fatalf("run alone: %v\n%s", err, out)
	case strings.Contains(string(out), "--- SKIP: "+test+" "):
		t.Skipf("skipped when run alone:\n%s", out)
	case !strings.Contains(string(out), "--- PASS: "+test):
		t.Fatalf("run alone, %s did not run:\n%s", test, out)
	}
}

// withFileSizeLimit runs f with the process's file size limit set to max
// bytes (writes past it fail with EFBIG; Go ignores SIGXFSZ).
func withFileSizeLimit(t *testing.T, max uint64, f func()) {
	t.Helper()
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skip("getrlimit:", err)
	}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: max, Max: old.Max}); err != nil {
		t.Skip("setrlimit:", err)
	}
	defer func() {
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
			t.Fatal("restore the file size limit:", err)
		}
	}()
	f()
}

// TestInitForceReadOnlyDir: in a real read-only directory, init --force
// fails and leaves the config as it was, with no temporary file. Run as
// root, whom the directory does not stop, the test runs itself again as
// the user nobody, or is skipped when it cannot.
func TestInitForceReadOnlyDir(t *testing.T) {
	if os.Geteuid() == 0 {
		runAsNobody(t, "TestInitForceReadOnlyDir")
		return
	}
	const old = "packs: [retail]\n"
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile(config.FileName, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	if f, err := os.CreateTemp(dir, "probe"); err == nil {
		f.Close()
		os.Remove(f.Name())
		t.Skip("a read-only directory takes new files here")
	}
	code, _, stderr := runCLI(t, "init", "--force")
	if code != 2 || !strings.Contains(stderr, "permission denied") {
		t.Errorf("exit %d, want 2 saying permission denied; stderr: %s", code, stderr)
	}
	if got := readString(t, config.FileName); got != old {
		t.Errorf("%s holds %q, want the old %q", config.FileName, got, old)
	}
	if tmp := tempFiles(t, "."); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}

// runAsNobody runs the test named test again in a copy of the test binary
// run as the user nobody, and fails when it fails there; it skips when the
// binary cannot be run so (no such user, no directory nobody may run it
// from: go test builds it in a directory only its user reads, and /tmp may
// be mounted noexec, hence $GOTMPDIR first).
func runAsNobody(t *testing.T, test string) {
	t.Helper()
	bin, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Skip("cannot read the test binary:", err)
	}
	var exe, tmp string
	for _, parent := range []string{os.Getenv("GOTMPDIR"), os.TempDir()} {
		if parent == "" {
			continue
		}
		dir, err := os.MkdirTemp(parent, "nobody")
		if err != nil {
			continue
		}
		t.Cleanup(func() { os.RemoveAll(dir) })
		// the binary, and a temporary directory nobody may write in
		tmp = filepath.Join(dir, "tmp")
		if os.Chmod(dir, 0o755) == nil && os.WriteFile(filepath.Join(dir, "chatlint.test"), bin, 0o755) == nil &&
			os.Mkdir(tmp, 0o777) == nil && os.Chmod(tmp, 0o777) == nil {
			exe = filepath.Join(dir, "chatlint.test")
			break
		}
	}
	if exe == "" {
		t.Skip("no directory to run the test binary from as nobody")
	}
	cmd := exec.Command(exe, "-test.run=^"+test+"$", "-test.v", "-test.count=1")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "HOME="+tmp, "TMPDIR="+tmp, "GOTMPDIR="+tmp)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	switch {
	case err != nil && !strings.Contains(string(out), "--- FAIL"):
		t.Skipf("cannot run the test as nobody: %v\n%s", err, out)
	case err != nil:
		t.Fatalf("as nobody:\n%s", out)
	case strings.Contains(string(out), "--- SKIP"):
		t.Skipf("skipped as nobody:\n%s", out)
	case !strings.Contains(string(out), "--- PASS: "+test):
		t.Fatalf("as nobody, %s did not run:\n%s", test, out)
	}
}
