//go:build unix

package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint/baseline"
)

// TestInterruptedFix: a --fix or --diff run stopped before it has fixed
// anything says so, as a stopped lint does (not "context canceled"), and
// that nothing was changed; the library and -o's file are left as they
// were. A stopped lint says the same of its report. The run is still
// reading a FIFO when the signal comes: for --fix and --diff their
// --baseline (they refuse a library that is not a regular file, which they
// read again once linted), for the lint its transcript; its writer keeps
// it open, and the run goes on to stop (the read of a transcript named as
// a file is broken off, that of the --baseline left, the message naming
// it: before, each went on until the writer closed it).
func TestInterruptedFix(t *testing.T) {
	base := fmt.Sprintf(`{"version":%d,"tool":"chatlint","findings":[]}`+"\n", baseline.Version)
	for _, tt := range []struct {
		flag string   // the case's name: the flag it tries
		args []string // lint's flags before -o
		fifo string   // what the FIFO is: "--baseline", or "" for the input
		line string   // written into the FIFO
		out  string   // -o's file
		want string   // stderr, with -o's file for %s (and the FIFO for the second)
	}{
		{"--fix", []string{"--pack", "callcenter", "--input-format", "canned", "--fix"}, "--baseline", base, "out.txt",
			"chatlint: stopped (interrupt signal received): no file fixed; %s left untouched; the read of --baseline %s had not returned\n"},
		{"--diff", []string{"--pack", "callcenter", "--input-format", "canned", "--diff"}, "--baseline", base, "out.txt",
			"chatlint: stopped (interrupt signal received): no diff written; %s left untouched; the read of --baseline %s had not returned\n"},
		{"lint", []string{"--input-format", "jsonl"}, "", `{"conversation":"c1","role":"agent","text":"您好"}` + "\n", "out.json",
			"chatlint: stopped (interrupt signal received): no report written; %s left untouched\n"},
	} {
		t.Run(tt.flag, func(t *testing.T) {
			fifo, _ := fifoAndTranscript(t)
			dir := filepath.Dir(fifo)
			out := filepath.Join(dir, tt.out)
			if err := os.WriteFile(out, []byte("old\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			input := fifo
			args := append([]string{"lint", "--no-progress"}, tt.args...)
			if tt.fifo != "" {
				input = filepath.Join(dir, "replies.txt")
				if err := os.WriteFile(input, []byte("这个不行\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				args = append(args, tt.fifo, fifo)
			}
			sig := make(chan os.Signal, 1)
			signal.Notify(sig, os.Interrupt)
			defer signal.Stop(sig)

			var stdout, stderr bytes.Buffer
			done := make(chan int, 1)
			go func() {
				done <- run(append(args, "-o", out, input), bytes.NewReader(nil), &stdout, &stderr)
			}()
			w, err := os.OpenFile(fifo, os.O_WRONLY, 0) // once the run reads it
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			if tt.fifo == "" {
				if _, err := w.WriteString(tt.line); err != nil {
					t.Fatal(err)
				}
				time.Sleep(200 * time.Millisecond)
				interruptAndWait(t, done, &stderr, fmt.Sprintf(tt.want, out))
			} else {
				// the signal while the baseline is read: the run stops
				// at once, before it lints, the read left to itself.
				// Nothing is written into the FIFO before the run has
				// ended, so that the read cannot return before the run
				// has seen the signal: written 200 ms after it, as it
				// was, a loaded machine that took longer to deliver it
				// had the run read the baseline, then fix the library
				// or write the diff, or stop saying nothing of the read
				p, _ := os.FindProcess(os.Getpid())
				if err := p.Signal(os.Interrupt); err != nil {
					t.Skip("cannot send the signal:", err)
				}
				select {
				case code := <-done:
					if want := fmt.Sprintf(tt.want, out, fifo); code != 2 || stderr.String() != want {
						t.Errorf("exit %d, stderr %q; want exit 2, %q", code, stderr.String(), want)
					}
				case <-time.After(20 * time.Second):
					t.Fatal("the run did not end on the interrupt: it waits for the read of --baseline")
				}
				// the read left to itself is let go, the baseline
				// written whole, which changes nothing (an error, the
				// read gone, neither)
				w.WriteString(tt.line)
				w.Close()
				if got := readString(t, input); got != "这个不行\n" {
					t.Errorf("the library holds %q, want it left as it was", got)
				}
			}
			if got := readString(t, out); got != "old\n" {
				t.Errorf("%s holds %q, want it left as it was", out, got)
			}
			if left := tempFiles(t, dir); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

// TestInterruptedProbe: a run makes a temporary file, and removes it, to
// learn before reading anything how it can write its outputs: --fix, that
// they can be written (efae62c); two -o names that differ in case alone
// (day.json, Day.JSON), whether the file system takes them for one
// (probeNamesAlike, 4604358). Each did so before the run caught the
// signals, so a Ctrl-C in that moment ended chatlint with the hidden file
// left behind (and, where the signal was caught elsewhere, the run went
// on to fix the library and write the reports). The probes now run with
// the signals caught: the file is removed, and the run stops before it
// fixes or writes anything, saying so; at once, before the packs load
// (the "pack loading" cases: a pack that never ends loading, a FIFO no one
// writes, stands for a word list of hundreds of thousands of phrases,
// which takes seconds): the run waited for them before it looked at the
// signal, so the Ctrl-C that used to end chatlint at once was held.
func TestInterruptedProbe(t *testing.T) {
	for _, tt := range []struct {
		name  string
		args  []string
		probe string // the start of the probe's file's name, in lower case
		said  string
		fifo  bool // the pack is a FIFO no one writes, packs.yaml
	}{
		{"--fix", []string{"--fix", "-o", "report.json"}, ".report.json.tmp", "no file fixed; report.json not created", false},
		{"names alike", []string{"-o", "day.json", "-o", "Day.JSON"}, ".day.json.tmp", "no report written; day.json and Day.JSON not created", false},
		{"names alike, --fix", []string{"--fix", "-o", "day.json", "-o", "Day.JSON"}, ".day.json.tmp", "no file fixed; day.json and Day.JSON not created", false},
		{"names alike, pack loading", []string{"-o", "day.json", "-o", "Day.JSON"}, ".day.json.tmp", "no report written; day.json and Day.JSON not created", true},
		{"names alike, pack loading, --fix", []string{"--fix", "-o", "day.json", "-o", "Day.JSON"}, ".day.json.tmp", "no file fixed; day.json and Day.JSON not created", true},
		{"names alike, pack loading, --diff", []string{"--diff", "-o", "day.diff", "--baseline", "Day.DIFF"}, ".day.diff.tmp", "no diff written; day.diff not created", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			const lib = "这个不行\n您好\n"
			if err := os.WriteFile("lib.txt", []byte(lib), 0o644); err != nil {
				t.Fatal(err)
			}
			pack, files := "callcenter", []string{"lib.txt"}
			if tt.fifo {
				if err := syscall.Mkfifo("packs.yaml", 0o644); err != nil {
					t.Skip("mkfifo:", err)
				}
				pack, files = "./packs.yaml", []string{"lib.txt", "packs.yaml"}
				// a run that opened it for reading is let go (it reads
				// an empty pack, an error) once the test is over
				defer func() {
					if w, err := os.OpenFile("packs.yaml", os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
						w.Close()
					}
				}()
			}
			probed := interruptInTempFile(t)
			args := []string{"lint", "--no-progress", "--pack", pack, "--input-format", "canned", "--fail-on", "none"}
			var errOut bytes.Buffer
			done := make(chan int, 1)
			go func() {
				done <- run(append(append(args, tt.args...), "lib.txt"), strings.NewReader(""), io.Discard, &errOut)
			}()
			var code int
			select {
			case code = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("the run did not stop on the signal: it waits for the packs to load")
			}
			if len(*probed) == 0 || !strings.HasPrefix(strings.ToLower(filepath.Base((*probed)[0])), tt.probe) {
				t.Fatalf("probed %q, not %s…: the case tests nothing", *probed, tt.probe)
			}
			if want := "chatlint: stopped (interrupt signal received): " + tt.said + "\n"; code != 2 || errOut.String() != want {
				t.Errorf("exit %d, %q; want 2, %q", code, errOut.String(), want)
			}
			if got := readString(t, "lib.txt"); got != lib {
				t.Errorf("the library was rewritten: %q", got)
			}
			entries, _ := os.ReadDir(".")
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			if !slices.Equal(names, files) {
				t.Errorf("left in the directory: %q (the probe made %q)", names, *probed)
			}
		})
	}
}

// interruptInTempFile has the first temporary file a run makes (tempFile:
// a probe's, an output's) send the process an interrupt once made, and
// wait for it to come, the file still there; it returns the names of the
// files so made (one at most). The test catches the signal too, so that
// a run that does not would go on rather than end the test.
func interruptInTempFile(t *testing.T) *[]string {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	t.Cleanup(func() { signal.Stop(sig) })
	old := tempFile
	t.Cleanup(func() { tempFile = old })
	var made []string
	// (called on the run's goroutine: errors are told with t.Error)
	tempFile = func(target string, perm fs.FileMode) (*os.File, error) {
		f, err := old(target, perm)
		if err != nil || len(made) > 0 {
			return f, err
		}
		made = append(made, f.Name())
		p, _ := os.FindProcess(os.Getpid())
		if err := p.Signal(os.Interrupt); err != nil {
			t.Error("cannot send the signal:", err)
			return f, nil
		}
		select {
		case <-sig:
		case <-time.After(20 * time.Second):
			t.Error("the signal did not come")
		}
		// (the run's handler cancels its context on its own goroutine)
		time.Sleep(100 * time.Millisecond)
		return f, nil
	}
	return &made
}
