//go:build unix

package main

import (
	"os"
	"slices"
	"testing"

	"github.com/chatlint/chatlint/lint/config"
)

// TestInterruptedInit: init writes its config into a temporary file beside
// it, renamed into place once synced. A Ctrl-C in that moment took the
// signal's default action and ended chatlint with .chatlint.yaml.tmpNNN
// left behind (and, where the signal was caught elsewhere, init went on
// to write the config). init now catches the signals as lint does: the
// temporary file is removed, the config is left as it was, and it says
// so, exit 2.
func TestInterruptedInit(t *testing.T) {
	const old = "packs: [retail]\n"
	for _, tt := range []struct {
		name string
		args []string
		old  bool // a config is there (--force replaces it)
		said string
	}{
		{"new", []string{"init"}, false, "no config written; " + config.FileName + " not created"},
		{"--force", []string{"init", "--force"}, true, "no config written; " + config.FileName + " left untouched"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if tt.old {
				if err := os.WriteFile(config.FileName, []byte(old), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			made := interruptInTempFile(t)
			code, _, stderr := runCLI(t, tt.args...)
			if len(*made) == 0 {
				t.Fatal("init made no temporary file: the case tests nothing")
			}
			if want := "chatlint: stopped (interrupt signal received): " + tt.said + "\n"; code != 2 || stderr != want {
				t.Errorf("exit %d, %q; want 2, %q", code, stderr, want)
			}
			var names []string
			if entries, err := os.ReadDir("."); err == nil {
				for _, e := range entries {
					names = append(names, e.Name())
				}
			}
			want := []string{}
			if tt.old {
				want = []string{config.FileName}
				if got := readString(t, config.FileName); got != old {
					t.Errorf("%s holds %q, want it left as it was", config.FileName, got)
				}
			}
			if !slices.Equal(names, want) {
				t.Errorf("left in the directory: %q, want %q (the temporary file was %q)", names, want, *made)
			}
		})
	}
}
