package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test binary act as the chatlint command, so the scripts
// under testdata/scripts run the real program end to end in a subprocess.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"chatlint": main})
}

// TestScripts runs the CLI scripts in testdata/scripts (txtar files: shell-like
// commands with expected exit codes and outputs). $TESTDATA points at the
// repository's testdata folder; -update rewrites expected files in place.
func TestScripts(t *testing.T) {
	testdata, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join(testdata, "scripts"),
		RequireExplicitExec: true,
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") != "",
		Setup: func(e *testscript.Env) error {
			e.Setenv("TESTDATA", testdata)
			e.Setenv("NO_COLOR", "")
			return nil
		},
		Cmds: scriptCmds,
	})
}

// scriptCmds are the scripts' own commands: exits, and, on Unix, mkfifo.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){"exits": exits}

// exits is the scripts' command exits CODE COMMAND [ARGS...]: it runs
// COMMAND as exec does (its stdout and stderr are then matched as exec's
// are) and fails unless it exits with CODE. exec and ! exec tell only a
// zero exit from another: 1 (findings) from 2 (a run not to be trusted).
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exits (give the code)")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exits CODE COMMAND [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits %s: not an exit code", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%s: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d", args[1], got, want)
	}
}
