//go:build unix

package main

import (
	"syscall"

	"github.com/rogpeppe/go-internal/testscript"
)

func init() { scriptCmds["mkfifo"] = mkfifo }

// mkfifo is the scripts' command mkfifo NAME...: it makes each a named
// pipe (Unix only: a script that uses it starts with [!unix] skip).
func mkfifo(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: mkfifo NAME...")
	}
	for _, name := range args {
		ts.Check(syscall.Mkfifo(ts.MkAbs(name), 0o644))
	}
}
