package main

import (
	"io/fs"
	"os"
	"testing"
)

// TestDiscardedWindowsIdentity: Windows' os.SameFile has no identity for
// a device or a pipe (any two are one: its console, a pipe and NUL), so a
// report on the console or piped on (| findstr, a CI runner's log) was
// taken for one thrown away: the gate's line said 'in a report thrown
// away (standard output is NUL)' under the report (47c77b5), and the
// unreadable files were listed again. A terminal and a pipe are asked
// first; here sameDevice stands for Windows'.
func TestDiscardedWindowsIdentity(t *testing.T) {
	old := sameDevice
	t.Cleanup(func() { sameDevice = old })
	sameDevice = func(a, b os.FileInfo) bool {
		dev := fs.ModeDevice | fs.ModeNamedPipe
		return a.Mode()&dev != 0 && b.Mode()&dev != 0
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if discarded("", w) {
		t.Error("standard output a pipe: taken for the null device")
	}
	if _, tty, err := openPTY(); err == nil {
		if discarded("", tty) {
			t.Error("standard output a terminal: taken for the null device")
		}
	}
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	if !discarded("", null) || !discarded(os.DevNull, w) {
		t.Error("the null device: not taken for it")
	}
}

// TestNamesNull: on Windows, where identity cannot tell devices apart,
// only NUL's names are the null device's; elsewhere any name may be (a
// link to /dev/null), and identity decides.
func TestNamesNull(t *testing.T) {
	for _, tt := range []struct {
		name, goos string
		want       bool
	}{
		{"NUL", "windows", true},
		{"nul", "windows", true},
		{`C:\out\Nul`, "windows", true},
		{`\\.\NUL`, "windows", true},
		{"NUL.txt", "windows", true}, // the device before Windows 11 (then, a file: not a device)
		{"NUL ", "windows", true},
		{"CON", "windows", false},
		{"COM1", "windows", false},
		{"null", "windows", false},
		{"nul2.json", "windows", false},
		{"/dev/null", "linux", true},
		{"devnull-link", "darwin", true},
	} {
		if got := namesNull(tt.name, tt.goos); got != tt.want {
			t.Errorf("namesNull(%q, %s) = %v, want %v", tt.name, tt.goos, got, tt.want)
		}
	}
}
