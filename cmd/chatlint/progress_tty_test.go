package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestProgressOffOnDumbTerminal: a terminal that cannot move the cursor
// (TERM=dumb: Emacs shells, some CI logs) gets no progress line, whose
// \r and erase-line codes it would show as they are.
func TestProgressOffOnDumbTerminal(t *testing.T) {
	tty := openTerminal(t)
	t.Setenv("NO_COLOR", "")
	t.Setenv("TERM", "xterm")
	p := newProgress(tty, true, 100)
	on := p.on
	p.done()
	if !on {
		t.Fatal("no progress line on a terminal")
	}
	t.Setenv("TERM", "dumb")
	p = newProgress(tty, true, 100)
	on = p.on
	p.done()
	if on {
		t.Error("a progress line on a TERM=dumb terminal")
	}
}

// TestProgressWithNoColor: NO_COLOR asks for no ANSI colour, and the
// progress line has none: it is still drawn on a terminal.
func TestProgressWithNoColor(t *testing.T) {
	tty := openTerminal(t)
	t.Setenv("NO_COLOR", "1")
	t.Setenv("TERM", "xterm")
	p := newProgress(tty, true, 100)
	on := p.on
	p.done()
	if !on {
		t.Error("no progress line on a terminal with NO_COLOR set")
	}
}

// openTerminal opens the terminal side of a new pseudo-terminal (skips
// where there is none).
func openTerminal(t *testing.T) *os.File {
	t.Helper()
	tty, err := openPTS()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { tty.Close() })
	return tty
}

// TestReportFileOnTerminal: -o naming the terminal the user sees
// (/dev/stderr, its /dev/pts/N) is a report on the terminal, as standard
// output there is: no progress line drawn into it. Before, only standard
// output counted.
func TestReportFileOnTerminal(t *testing.T) {
	tty := openTerminal(t)
	regular := filepath.Join(t.TempDir(), "report.txt")
	if err := os.WriteFile(regular, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		want bool
	}{
		{tty.Name(), true},
		{regular, false},
		{os.DevNull, false},
		{filepath.Join(t.TempDir(), "missing.txt"), false},
	} {
		if got := namesTerminal(tt.name, tty); got != tt.want {
			t.Errorf("namesTerminal(%s): %v, want %v", tt.name, got, tt.want)
		}
	}
	// a terminal that is none of the standard streams is not in front of
	// the user
	other := openTerminal(t)
	if namesTerminal(other.Name(), tty) {
		t.Errorf("namesTerminal(%s): another terminal taken for the user's", other.Name())
	}
}

// TestReadsTerminal: standard input read (-) from a terminal is what the
// user types, echoed there: no progress line is drawn over it (it was,
// erasing the line being typed every 100 ms, when the report went to a
// file). A terminal not read, or a pipe read, leaves it on.
func TestReadsTerminal(t *testing.T) {
	tty := openTerminal(t)
	if !readsTerminal([]string{"-"}, tty) {
		t.Error("lint - on a terminal: not told")
	}
	if !readsTerminal([]string{"day.jsonl", "-"}, tty) {
		t.Error("lint day.jsonl - on a terminal: not told")
	}
	if readsTerminal([]string{"day.jsonl"}, tty) {
		t.Error("a terminal on standard input that is not read taken for one read")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if readsTerminal([]string{"-"}, r) {
		t.Error("a pipe taken for a terminal")
	}
}
