//go:build unix

package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBrokenPipeClearsProgress: a report piped into a reader that goes
// away (| head, less quit early) still ends chatlint by SIGPIPE, quietly,
// but the progress line it drew on the terminal is cleared first. It was
// left there, with the shell's prompt after it.
func TestBrokenPipeClearsProgress(t *testing.T) {
	bin, err := exec.LookPath("chatlint") // this test binary (TestMain)
	if err != nil {
		t.Skip(err)
	}
	for _, extra := range [][]string{nil, {"-o", "/dev/stdout"}} {
		t.Run(strings.Join(append([]string{"stdout"}, extra...), " "), func(t *testing.T) {
			ptmx, tty, err := openPTY()
			if err != nil {
				t.Skipf("no pseudo-terminal: %v", err)
			}
			defer ptmx.Close()
			outR, outW, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer outR.Close()
			cmd := exec.Command(bin, append([]string{"lint", "--format", "jsonl", "-"}, extra...)...)
			cmd.Env = append(os.Environ(), "TERM=xterm")
			stdin, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stdout, cmd.Stderr = outW, tty
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			outW.Close()
			tty.Close()
			go func() {
				for i := 0; ; i++ {
					line := fmt.Sprintf(`{"conversation":"c%d","role":"agent","sender":"a","text":"这个我不知道"}`+"\n", i)
					if _, err := io.WriteString(stdin, line); err != nil {
						return
					}
				}
			}()
			screen := &lockedBuffer{}
			copied := make(chan struct{})
			go func() {
				io.Copy(screen, ptmx) // until the terminal's last writer is gone
				close(copied)
			}()
			deadline := time.Now().Add(20 * time.Second)
			for !strings.Contains(screen.String(), " records ") {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					cmd.Wait()
					t.Fatalf("no progress line on the terminal: %q", screen.String())
				}
				time.Sleep(20 * time.Millisecond)
			}
			outR.Close() // the reader goes away
			err = cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatalf("chatlint ended with %v, not by SIGPIPE", err)
			}
			if ws, ok := ee.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGPIPE {
				t.Errorf("chatlint ended with %v, not by SIGPIPE", err)
			}
			select {
			case <-copied:
			case <-time.After(10 * time.Second):
				t.Fatal("the terminal is still open")
			}
			shown := screen.String()
			if !strings.HasSuffix(shown, progressRedraw) {
				t.Errorf("the terminal ends with %q, not the progress line cleared", shown[max(0, len(shown)-80):])
			}
			if strings.Contains(shown, "chatlint:") {
				t.Errorf("an error on the terminal: %q", shown)
			}
		})
	}
}
