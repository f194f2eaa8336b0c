//go:build unix

package main

import (
	"bytes"
	"context"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptedWhileFixing: a --fix or --diff run stopped (Ctrl-C,
// SIGTERM) once linted, while it fixes or shows its libraries one after
// another, leaves those not fixed yet as they were and stops there, exit
// 2, saying what it did not do: the libraries not fixed (the report not
// written), the diff not written (-o's file not created), or the libraries
// a diff written as it goes (standard output, a FIFO) leaves out. The run
// went on to fix or show every library, and --diff exited by its findings
// (0 here), saying nothing of the signal. The signal comes once the first
// library (or, "the last", every one) is fixed or shown.
func TestInterruptedWhileFixing(t *testing.T) {
	const lib, fixed = "这个不行\n", "这个无法帮到您\n"
	const diffA = "--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-这个不行\n+这个无法帮到您\n"
	for _, tt := range []struct {
		name    string
		args    []string
		after   string // the library fixed when the signal comes
		stdout  string // the diff on standard output ("": none), or in out.fifo
		fifo    bool   // -o out.fifo, a FIFO: the diff is written as it goes
		stderr  string
		changed []string // the libraries fixed
	}{
		{"--fix", []string{"--fix", "-o", "report.json"}, "a.txt", "", false,
			"chatlint: fixed 1 finding in a.txt\nchatlint: stopped (interrupt signal received): b.txt and c.txt not fixed; no report written; report.json not created\n",
			[]string{"a.txt"}},
		{"--diff -o", []string{"--diff", "-o", "out.diff"}, "a.txt", "", false,
			"chatlint: stopped (interrupt signal received): no diff written; out.diff not created\n", nil},
		{"--diff -o, the last", []string{"--diff", "-o", "out.diff"}, "c.txt", "", false,
			"chatlint: stopped (interrupt signal received): no diff written; out.diff not created\n", nil},
		{"--diff", []string{"--diff"}, "a.txt", diffA, false,
			"chatlint: stopped (interrupt signal received): the diff on standard output leaves out b.txt and c.txt\n", nil},
		{"--diff -o FIFO", []string{"--diff", "-o", "out.fifo"}, "a.txt", diffA, true,
			"chatlint: stopped (interrupt signal received): the diff written to out.fifo leaves out b.txt and c.txt\n", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			names := []string{"a.txt", "b.txt", "c.txt"}
			for _, name := range names {
				if err := os.WriteFile(name, []byte(lib), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			// what the FIFO's reader reads
			read := make(chan string, 1)
			if tt.fifo {
				if err := syscall.Mkfifo("out.fifo", 0o644); err != nil {
					t.Skip("mkfifo:", err)
				}
				go func() {
					b, _ := os.ReadFile("out.fifo")
					read <- string(b)
				}()
			}
			sig := make(chan os.Signal, 1)
			signal.Notify(sig, os.Interrupt)
			defer signal.Stop(sig)
			sent := false
			defer func(f func(context.Context, string)) { afterFixFile = f }(afterFixFile)
			afterFixFile = func(ctx context.Context, file string) {
				if file != tt.after {
					return
				}
				p, _ := os.FindProcess(os.Getpid())
				if err := p.Signal(os.Interrupt); err != nil {
					t.Skip("cannot send the signal:", err)
				}
				<-ctx.Done() // (the run has the signal)
				sent = true
			}
			args := append([]string{"lint", "--no-progress", "--pack", "callcenter", "--input-format", "canned"}, tt.args...)
			var stdout, stderr bytes.Buffer
			done := make(chan int, 1)
			go func() { done <- run(append(args, names...), strings.NewReader(""), &stdout, &stderr) }()
			var code int
			select {
			case code = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("the run did not end")
			}
			if !sent {
				t.Fatalf("no signal sent after %s: the case tests nothing (exit %d, %s)", tt.after, code, stderr.String())
			}
			diff := stdout.String()
			if tt.fifo {
				if diff != "" {
					t.Errorf("stdout %q, want nothing", diff)
				}
				diff = <-read
			}
			if code != 2 || diff != tt.stdout || stderr.String() != tt.stderr {
				t.Errorf("exit %d, diff %q, stderr %q; want exit 2, %q, %q", code, diff, stderr.String(), tt.stdout, tt.stderr)
			}
			for _, name := range names {
				want := lib
				for _, c := range tt.changed {
					if c == name {
						want = fixed
					}
				}
				if got := readString(t, name); got != want {
					t.Errorf("%s holds %q, want %q", name, got, want)
				}
			}
			for _, out := range []string{"report.json", "out.diff"} {
				if _, err := os.Lstat(out); err == nil {
					t.Errorf("%s written", out)
				}
			}
			if left := tempFiles(t, "."); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}
