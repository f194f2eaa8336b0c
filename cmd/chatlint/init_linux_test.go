package main

import (
	"os"
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
