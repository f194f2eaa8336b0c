//go:build unix

package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNoProgressOverTyping: lint - -o FILE reading what is typed on the
// terminal draws no progress line there: redrawn every 100 ms, it erased
// the line being typed.
func TestNoProgressOverTyping(t *testing.T) {
	bin, err := exec.LookPath("chatlint") // this test binary (TestMain)
	if err != nil {
		t.Skip(err)
	}
	ptmx, tty, err := openPTY()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	out := filepath.Join(t.TempDir(), "report.json")
	cmd := exec.Command(bin, "lint", "--fail-on", "none", "-o", out, "-")
	cmd.Env = append(os.Environ(), "TERM=xterm")
	cmd.Stdin, cmd.Stderr = tty, tty
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	screen := &lockedBuffer{}
	copied := make(chan struct{})
	go func() {
		io.Copy(screen, ptmx)
		close(copied)
	}()
	io.WriteString(ptmx, `{"conversation":"c1","role":"agent","sender":"a","text":"这个我不知道"}`+"\n")
	time.Sleep(time.Second)      // a progress line comes after 300 ms
	io.WriteString(ptmx, "\x04") // Ctrl-D: the end of the input
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("chatlint: %v; terminal: %q", err, screen.String())
		}
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("chatlint did not end on Ctrl-D; terminal: %q", screen.String())
	}
	<-copied
	if strings.Contains(screen.String(), "reading") || strings.Contains(screen.String(), "\x1b[K") {
		t.Errorf("a progress line drawn over the typing: %q", screen.String())
	}
	if data, err := os.ReadFile(out); err != nil || !strings.Contains(string(data), `"c1"`) {
		t.Errorf("report: %v %.80q", err, data)
	}
}
