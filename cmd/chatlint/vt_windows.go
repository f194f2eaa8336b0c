//go:build windows

package main

import (
	"os"
	"sync"

	"golang.org/x/sys/windows"
)

// consoleModes holds the modes of the consoles enableVT changed, to be
// restored by restoreConsoles.
var consoleModes struct {
	mu    sync.Mutex
	saved map[windows.Handle]uint32
}

// enableVT makes the console f writes to act on escape sequences (the
// text report's colours, the progress line's erase-line), and reports
// whether it does: Windows 10's console (conhost, under cmd.exe and
// PowerShell) prints them as they are, ←[31m, unless the program turns
// virtual terminal processing on; before Windows 10 it has none. A file
// or pipe is no console: false.
func enableVT(f *os.File) bool {
	h := windows.Handle(f.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return false
	}
	if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
		return true
	}
	want := mode | windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING | windows.ENABLE_PROCESSED_OUTPUT
	if err := windows.SetConsoleMode(h, want); err != nil {
		return false
	}
	consoleModes.mu.Lock()
	defer consoleModes.mu.Unlock()
	if consoleModes.saved == nil {
		consoleModes.saved = map[windows.Handle]uint32{}
	}
	if _, ok := consoleModes.saved[h]; !ok {
		consoleModes.saved[h] = mode
	}
	return true
}

// restoreConsoles gives the consoles enableVT changed their modes back,
// as the shell had them.
func restoreConsoles() {
	consoleModes.mu.Lock()
	defer consoleModes.mu.Unlock()
	for h, mode := range consoleModes.saved {
		windows.SetConsoleMode(h, mode)
	}
	consoleModes.saved = nil
}
