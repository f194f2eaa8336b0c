//go:build !windows

package main

import "os"

// enableVT reports whether the terminal f writes to acts on escape
// sequences: terminals here do (TERM=dumb is told apart by its callers).
func enableVT(f *os.File) bool { return true }

// restoreConsoles does nothing: enableVT changes no terminal here.
func restoreConsoles() {}
