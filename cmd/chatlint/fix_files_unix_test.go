//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFixRefusesReadOnlyFile: --fix leaves a library the user may not write
// as it was, says so and exits 2, the other files still fixed (before, it
// renamed the fixed file over it: a directory the user may write lets one
// replace a file they may not). --diff, which writes nothing, shows it.
// Root may write any file: run as another user (runuser -u nobody).
func TestFixRefusesReadOnlyFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write any file: run the test as another user")
	}
	t.Chdir(t.TempDir())
	ro, ok := "ro.txt", "ok.txt"
	for _, p := range []string{ro, ok} {
		if err := os.WriteFile(p, []byte("你稍等\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(ro, 0o444); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "lint", "--input-format", "canned", "--fail-on", "none", "--fix", ro, ok)
	want := "chatlint: fix ro.txt: you may not write it (permission denied), and --fix does not replace a file you may not write; make it writable first (chmod u+w ro.txt); the file is left as it was\n"
	if code != 2 || !strings.Contains(errOut, want) || !strings.Contains(errOut, "fixed 1 finding in "+ok) {
		t.Errorf("--fix: exit %d\n%s\nwant exit 2 and\n%s", code, errOut, want)
	}
	if got := readString(t, ro); got != "你稍等\n" {
		t.Errorf("the read-only file was rewritten: %q", got)
	}
	if st, err := os.Stat(ro); err != nil || st.Mode().Perm() != 0o444 {
		t.Errorf("the read-only file's mode: %v, %v", st.Mode(), err)
	}
	if got := readString(t, ok); got != "您稍等\n" {
		t.Errorf("the other file was not fixed: %q", got)
	}
	code, out, errOut := runCLI(t, "lint", "--input-format", "canned", "--fail-on", "none", "--diff", ro)
	if code != 0 || !strings.Contains(out, "+您稍等\n") || errOut != "" {
		t.Errorf("--diff of a read-only file: exit %d\n%s\n%s", code, out, errOut)
	}
}

// TestFixRefusesHardLinkedFile: a library with another name (a hard link)
// is refused by --fix, naming the reason: a new file in its place would
// leave the other name with the old text, and writing it in place would
// change the other name without a word (before, the links were split).
// --diff shows it.
func TestFixRefusesHardLinkedFile(t *testing.T) {
	t.Chdir(t.TempDir())
	a, b := "a.txt", "b.txt"
	if err := os.WriteFile(a, []byte("你稍等\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(a, b); err != nil {
		t.Skip("no hard links here:", err)
	}
	code, _, errOut := runCLI(t, "lint", "--input-format", "canned", "--fail-on", "none", "--fix", a)
	want := "chatlint: fix a.txt: it has 2 names (hard links): a fixed file put in its place would leave the other names with the old text, and one written into it would change them too; " +
		"give it a copy of its own first (cp -p a.txt a.txt.new && mv a.txt.new a.txt), or fix it where it has one name; the file is left as it was\n"
	if code != 2 || errOut != want {
		t.Errorf("--fix: exit %d\n%s", code, errOut)
	}
	sa, _ := os.Stat(a)
	sb, _ := os.Stat(b)
	if !os.SameFile(sa, sb) || readString(t, a) != "你稍等\n" {
		t.Errorf("the linked file was rewritten: %q, still one file: %v", readString(t, a), os.SameFile(sa, sb))
	}
	code, out, errOut := runCLI(t, "lint", "--input-format", "canned", "--fail-on", "none", "--diff", a)
	if code != 0 || !strings.Contains(out, "+您稍等\n") || errOut != "" {
		t.Errorf("--diff of a linked file: exit %d\n%s\n%s", code, out, errOut)
	}
}

// TestFixRefusesPipe: --fix and --diff of a FIFO say it is no regular file
// and exit 2 before anything is read, rather than wait for ever to read it
// a second time (before, the fix read it again once it was linted, waiting
// for a writer that never came, and the first Ctrl-C did not stop that
// wait).
func TestFixRefusesPipe(t *testing.T) {
	if _, err := exec.LookPath("mkfifo"); err != nil {
		t.Skip("no mkfifo")
	}
	for _, flag := range []string{"--fix", "--diff"} {
		t.Run(flag, func(t *testing.T) {
			fifo := filepath.Join(t.TempDir(), "ff.txt")
			if err := exec.Command("mkfifo", fifo).Run(); err != nil {
				t.Skip("mkfifo:", err)
			}
			// a writer for one reader, whenever one opens it
			stop := make(chan struct{})
			read := make(chan bool, 1)
			defer close(stop)
			go func() {
				for {
					w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0)
					if err == nil {
						read <- true
						w.WriteString("你稍等\n")
						w.Close()
						return
					}
					select {
					case <-stop:
						return
					case <-time.After(5 * time.Millisecond):
					}
				}
			}()
			type result struct {
				code   int
				stderr string
			}
			done := make(chan result, 1)
			go func() {
				code, _, errOut := runCLI(t, "lint", "--input-format", "canned", "--fail-on", "none", flag, fifo)
				done <- result{code, errOut}
			}()
			select {
			case r := <-done:
				want := "chatlint: " + fifo + ": it is a pipe (a FIFO, <(…) or /dev/stdin), which gives its text once: --fix and --diff need a regular file, " +
					"which they read again once it is linted (and --fix rewrites); copy it into one first; nothing was read\n"
				if r.code != 2 || r.stderr != want {
					t.Errorf("exit %d\n%s\nwant exit 2 and\n%s", r.code, r.stderr, want)
				}
				select {
				case <-read:
					t.Error("the FIFO was read")
				default:
				}
			case <-time.After(20 * time.Second):
				t.Fatal("the run waits for ever")
			}
		})
	}
}
