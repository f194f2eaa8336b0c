package main

import (
	"os"
	"path/filepath"
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
	})
}
