//go:build unix

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"testing"
	"time"
)

// TestInterruptedFix: a --fix or --diff run stopped while it lints the
// library says so, as a stopped lint does (not "context canceled"), and
// that nothing was changed; the library and -o's file are left as they
// were. The library is a FIFO, so that the run is still reading it when
// the signal comes; its writer keeps it open, and the read is broken off
// (a lint of a FIFO named as a file too: before, its read went on until
// the writer closed it).
func TestInterruptedFix(t *testing.T) {
	for _, tt := range []struct {
		flag string   // the case's name: the flag it tries
		args []string // lint's flags before -o
		line string   // written into the FIFO
		out  string   // -o's file
		want string   // stderr, with -o's file for %s
	}{
		{"--fix", []string{"--pack", "callcenter", "--input-format", "canned", "--fix"}, "这个不行\n", "out.txt",
			"chatlint: stopped (interrupt signal received): no file fixed; %s left untouched\n"},
		{"--diff", []string{"--pack", "callcenter", "--input-format", "canned", "--diff"}, "这个不行\n", "out.txt",
			"chatlint: stopped (interrupt signal received): no diff written; %s left untouched\n"},
		{"lint", []string{"--input-format", "jsonl"}, `{"conversation":"c1","role":"agent","text":"您好"}` + "\n", "out.json",
			"chatlint: stopped (interrupt signal received): no report written; %s left untouched\n"},
	} {
		t.Run(tt.flag, func(t *testing.T) {
			fifo, _ := fifoAndTranscript(t)
			out := filepath.Join(filepath.Dir(fifo), tt.out)
			if err := os.WriteFile(out, []byte("old\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			sig := make(chan os.Signal, 1)
			signal.Notify(sig, os.Interrupt)
			defer signal.Stop(sig)

			var stdout, stderr bytes.Buffer
			done := make(chan int, 1)
			go func() {
				args := append(append([]string{"lint", "--no-progress"}, tt.args...), "-o", out, fifo)
				done <- run(args, bytes.NewReader(nil), &stdout, &stderr)
			}()
			w, err := os.OpenFile(fifo, os.O_WRONLY, 0) // once the run reads it
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			if _, err := w.WriteString(tt.line); err != nil {
				t.Fatal(err)
			}
			time.Sleep(200 * time.Millisecond)
			interruptAndWait(t, done, &stderr, fmt.Sprintf(tt.want, out))
			if got := readString(t, out); got != "old\n" {
				t.Errorf("%s holds %q, want it left as it was", out, got)
			}
			if left := tempFiles(t, filepath.Dir(fifo)); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}
