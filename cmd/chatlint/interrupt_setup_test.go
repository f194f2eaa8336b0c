//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/rules"
)

// TestInterruptedCompile: a Ctrl-C while the packs compile stops the
// compilation (building the matcher of a word list of 300,000 phrases
// took 7 s, and the run ended only after it), and the run says so as any
// stopped run does, its outputs and the library left as they were, no
// temporary file left. The signal comes once the compilation is under
// way (compilePacks, before the matcher is built); the test asserts that
// the compilation returned early, with the context's error, rather than
// whole. For a lint the packs compile while the input is read (the
// engine's set-up), for --fix and --diff before.
func TestInterruptedCompile(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"lint", []string{"-o", "out.json"}, "no report written; out.json left untouched"},
		{"--fix", []string{"--fix", "-o", "out.json"}, "no file fixed; out.json left untouched"},
		{"--diff", []string{"--diff", "-o", "out.diff"}, "no diff written; out.diff left untouched"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			const lib = "这个不行\n您好\n"
			out := tt.args[len(tt.args)-1]
			for name, data := range map[string]string{"lib.txt": lib, out: "old\n"} {
				if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			catchInterrupt(t)
			compiled := make(chan error, 1)
			old := compilePacks
			t.Cleanup(func() { compilePacks = old })
			compilePacks = func(ctx context.Context, set *rules.Set, opts check.Options) (*check.Set, error) {
				// (on the run's goroutine: errors are told with t.Error)
				p, _ := os.FindProcess(os.Getpid())
				if err := p.Signal(os.Interrupt); err != nil {
					t.Error("cannot send the signal:", err)
				}
				select {
				case <-ctx.Done():
				case <-time.After(20 * time.Second):
					t.Error("the run's context was not cancelled by the signal")
				}
				s, err := old(ctx, set, opts)
				compiled <- err
				return s, err
			}
			args := append([]string{"lint", "--no-progress", "--pack", "callcenter", "--input-format", "canned"}, tt.args...)
			var stderr bytes.Buffer
			code := run(append(args, "lib.txt"), strings.NewReader(""), &bytes.Buffer{}, &stderr)
			select {
			case err := <-compiled:
				if !errors.Is(err, context.Canceled) {
					t.Errorf("the compilation returned %v, want it stopped (context.Canceled)", err)
				}
			default:
				t.Fatal("the packs were not compiled: the case tests nothing")
			}
			if want := "chatlint: stopped (interrupt signal received): " + tt.want + "\n"; code != 2 || stderr.String() != want {
				t.Errorf("exit %d, %q; want 2, %q", code, stderr.String(), want)
			}
			if got := readString(t, "lib.txt"); got != lib {
				t.Errorf("the library holds %q", got)
			}
			if got := readString(t, out); got != "old\n" {
				t.Errorf("%s holds %q", out, got)
			}
			if left := tempFiles(t, "."); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

// TestInterruptedPackLoad: a Ctrl-C while a pack is read stops the run at
// once, without waiting for the read to end. The pack is a FIFO that the
// test opens and does not write, as a read that does not end (a pack on
// a share that does not answer; a word list of 300,000 phrases takes a
// second or two to load): the run ended only once the writer closed it.
func TestInterruptedPackLoad(t *testing.T) {
	for _, tt := range lintAndFix {
		t.Run(tt.name, func(t *testing.T) {
			interruptWhileReading(t, "pack.yaml", append([]string{"--pack", "./pack.yaml"}, tt.args...), tt.want+"\n")
		})
	}
}

// TestInterruptedBaselineRead: a Ctrl-C while the --baseline file is read
// stops the run at once, saying which read had not returned. The baseline
// is a FIFO that the test opens and does not write, as a writer that
// stalls (--baseline <(curl …)) or a share that does not answer: the
// signal was held until the read ended, and a second Ctrl-C ended
// chatlint with the report's temporary file left beside out.txt. For a
// lint the baseline is read once the report is opened (the engine's
// set-up), for --fix before anything is fixed.
func TestInterruptedBaselineRead(t *testing.T) {
	for _, tt := range lintAndFix {
		t.Run(tt.name, func(t *testing.T) {
			interruptWhileReading(t, "base.json", append([]string{"--pack", "callcenter", "--baseline", "base.json"}, tt.args...),
				tt.want+"; the read of --baseline base.json had not returned\n")
		})
	}
}

// lintAndFix are a lint and a --fix of interruptWhileReading, with what
// each says it did not write once stopped.
var lintAndFix = []struct {
	name string
	args []string
	want string
}{
	{"lint", nil, "no report written; out.txt left untouched"},
	{"--fix", []string{"--fix"}, "no file fixed; out.txt left untouched"},
}

// interruptWhileReading runs a lint of a canned library, lib.txt, with -o
// out.txt and flags, which name fifo, a FIFO made here; once the run
// opens it to read it, the test opens it for writing and writes nothing
// (a read that does not end), and sends the signal. It asserts exit 2 and
// "chatlint: stopped (interrupt signal received): " and want on stderr
// within 20 s, the library and out.txt as they were, no temporary file.
func interruptWhileReading(t *testing.T, fifo string, flags []string, want string) {
	t.Helper()
	t.Chdir(t.TempDir())
	const lib = "这个不行\n"
	for name, data := range map[string]string{"lib.txt": lib, "out.txt": "old\n"} {
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	catchInterrupt(t)
	args := append(append([]string{"lint", "--no-progress", "--input-format", "canned", "-o", "out.txt"}, flags...), "lib.txt")
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- run(args, strings.NewReader(""), &bytes.Buffer{}, &stderr) }()
	// opened for writing (without blocking) once the run opens it to
	// read; written nothing, closed once the test ends
	var w *os.File
	waitUntil(t, "the run does not read "+fifo, func() bool {
		var err error
		w, err = os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0)
		return err == nil
	})
	defer w.Close()
	interruptAndWait(t, done, &stderr, "chatlint: stopped (interrupt signal received): "+want)
	if got := readString(t, "lib.txt"); got != lib {
		t.Errorf("the library holds %q", got)
	}
	if got := readString(t, "out.txt"); got != "old\n" {
		t.Errorf("out.txt holds %q", got)
	}
	if left := tempFiles(t, "."); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestInterruptedFlagLook: a Ctrl-C while a flag's path is looked at (is
// the output one of the inputs? can it be created?) stops the run at
// once, saying which look had not returned: a stat of a path on a
// network share that no longer answers waits for it, and the run's
// signal was held until the stat returned; only a second Ctrl-C ended
// chatlint. The look is blocked by a test hook, as the stat would be,
// at its first (notAnInput) or second (creatable) look at the path.
func TestInterruptedFlagLook(t *testing.T) {
	for _, tt := range []struct {
		what string // the look blocked
		nth  int    // at its nth look
	}{
		{"--output sub/r.json", 1},
		{"--output sub/r.json", 2},
		{"--write-baseline sub/base.json", 1},
		{"--write-baseline sub/base.json", 2},
	} {
		t.Run(tt.what+"/"+string(rune('0'+tt.nth)), func(t *testing.T) {
			t.Chdir(t.TempDir())
			if err := os.Mkdir("sub", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile("lib.txt", []byte("这个不行\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			catchInterrupt(t)
			blocked, release := make(chan struct{}), make(chan struct{})
			t.Cleanup(func() { close(release) }) // (the look, left, ends)
			looks := 0
			flagLookHook = func(what string) {
				if what != tt.what {
					return
				}
				if looks++; looks == tt.nth {
					close(blocked)
					<-release
				}
			}
			t.Cleanup(func() { flagLookHook = nil })
			var stderr bytes.Buffer
			done := make(chan int, 1)
			go func() {
				done <- run([]string{"lint", "--no-progress", "--pack", "callcenter", "--input-format", "canned",
					"-o", "sub/r.json", "--write-baseline", "sub/base.json", "lib.txt"}, strings.NewReader(""), &bytes.Buffer{}, &stderr)
			}()
			select {
			case <-blocked:
			case code := <-done:
				t.Fatalf("the run ended (exit %d, %q) without looking at %s %d times: the case tests nothing", code, stderr.String(), tt.what, tt.nth)
			}
			interruptAndWait(t, done, &stderr, "chatlint: stopped (interrupt signal received): no report written; the check of "+tt.what+" had not returned\n")
			if entries, _ := os.ReadDir("sub"); len(entries) > 0 {
				t.Errorf("sub holds %d files", len(entries))
			}
		})
	}
}

// catchInterrupt has the test catch interrupts too while it runs, so that
// a run that does not (once it is over, or after the first: the default
// action comes back) would go on, or end, rather than end the test.
func catchInterrupt(t *testing.T) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	t.Cleanup(func() { signal.Stop(sig) })
}
