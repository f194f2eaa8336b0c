//go:build unix

package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// returns runs f, failing the test binary where f does not return within
// a few seconds: a read of a named pipe waits for a writer, and one of
// /dev/zero takes memory without end (so the binary ends, not the test
// alone, which would leave the read going on).
func returns(what string, f func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		panic(what + " did not return: it waits on a named pipe or reads a device without end")
	}
}

// TestFindNotRegular: a .chatlint.yaml that is a named pipe (mkfifo), or a
// symbolic link to a device (/dev/zero), was taken for a settings file:
// the run's Load waited for a writer, or read /dev/zero until memory ran
// out, and so did the advice for a link to nothing below such a one
// (93144c5 loads the next one up); it is named with what it is, as a
// directory is, and the advice says that one stops the run. A link to
// /dev/null reads as empty settings, as it did (a parent's masked), and
// a chatlint.yaml without the dot that is a pipe is no misnamed settings.
func TestFindNotRegular(t *testing.T) {
	root := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(root, FileName), []byte("packs: [base]\n"), 0o644))
	for _, d := range []string{"fifo/sub", "zero", "fifoabove/a", "zeroabove/a", "null", "undotted", "linkfifo"} {
		must(os.MkdirAll(filepath.Join(root, d), 0o755))
	}
	must(syscall.Mkfifo(filepath.Join(root, "fifo", FileName), 0o644))
	must(syscall.Mkfifo(filepath.Join(root, "fifoabove", FileName), 0o644))
	must(syscall.Mkfifo(filepath.Join(root, "undotted", "chatlint.yaml"), 0o644))
	must(syscall.Mkfifo(filepath.Join(root, "linkfifo", "pipe"), 0o644))
	must(os.Symlink("pipe", filepath.Join(root, "linkfifo", FileName)))
	must(os.Symlink("/dev/zero", filepath.Join(root, "zero", FileName)))
	must(os.Symlink("/dev/zero", filepath.Join(root, "zeroabove", FileName)))
	must(os.Symlink("/dev/null", filepath.Join(root, "null", FileName)))
	for _, d := range []string{"fifoabove/a", "zeroabove/a"} {
		must(os.Symlink("gone.yaml", filepath.Join(root, d, FileName)))
	}
	for _, c := range []struct{ from, want string }{
		{"fifo", "{root}/fifo/.chatlint.yaml is a named pipe (FIFO), not a settings file: " +
			"replace it with a settings file, or remove it ({root}/.chatlint.yaml then applies in its place)"},
		{"fifo/sub", "{root}/fifo/.chatlint.yaml is a named pipe (FIFO), not a settings file: " +
			"replace it with a settings file, or remove it ({root}/.chatlint.yaml then applies in its place); " +
			"or write a .chatlint.yaml in {root}/fifo/sub, which is read before it"},
		{"linkfifo", "{root}/linkfifo/.chatlint.yaml is a symbolic link to pipe, a named pipe (FIFO), not a settings file: " +
			"point it at a settings file, or remove it ({root}/.chatlint.yaml then applies in its place)"},
		{"zero", "{root}/zero/.chatlint.yaml is a symbolic link to /dev/zero, a device, not a settings file: " +
			"point it at a settings file, or remove it ({root}/.chatlint.yaml then applies in its place)"},
		{"fifoabove/a", "{root}/fifoabove/a/.chatlint.yaml is a symbolic link to gone.yaml, which does not exist: " +
			"point it at a settings file, or remove it (then {root}/fifoabove/.chatlint.yaml above it stops the run: it is a named pipe (FIFO), not a settings file)"},
		{"zeroabove/a", "{root}/zeroabove/a/.chatlint.yaml is a symbolic link to gone.yaml, which does not exist: " +
			"point it at a settings file, or remove it (then {root}/zeroabove/.chatlint.yaml above it stops the run: it is a symbolic link to /dev/zero, a device, not a settings file)"},
	} {
		var p string
		var err error
		returns("Find from "+c.from, func() { p, err = Find(filepath.Join(root, c.from)) })
		want := strings.ReplaceAll(c.want, "{root}", root)
		if err == nil || err.Error() != want || p != "" {
			t.Errorf("from %s: Find = %q, %v\nwant error %q", c.from, p, err, want)
			continue
		}
		if c.from != "fifoabove/a" && c.from != "zeroabove/a" && !errors.Is(err, errNotRegular) {
			t.Errorf("from %s: the error does not wrap its cause", c.from)
		}
	}
	// a link to /dev/null: empty settings, the parent's masked
	var p string
	var err error
	returns("Find from null", func() { p, err = Find(filepath.Join(root, "null")) })
	if want := filepath.Join(root, "null", FileName); p != want || err != nil {
		t.Errorf("from null: Find = %q, %v; want %q", p, err, want)
	} else if c, err := Load(p); err != nil || len(c.Packs) != 0 {
		t.Errorf("Load(%s) = %+v, %v; want empty settings", p, c, err)
	}
	// a pipe under the name without the dot: no settings to rename
	returns("Find from undotted", func() { p, err = Find(filepath.Join(root, "undotted")) })
	if want := filepath.Join(root, FileName); p != want || err != nil {
		t.Errorf("from undotted: Find = %q, %v; want %q", p, err, want)
	}
	// Load named one that Find did not find so (put in its place since)
	for _, f := range []string{"fifo/" + FileName, "zero/" + FileName} {
		var err error
		returns("Load "+f, func() { _, err = Load(filepath.Join(root, f)) })
		if err == nil || !strings.Contains(err.Error(), ", not a settings file") || !errors.Is(err, errNotRegular) {
			t.Errorf("Load(%s) = %v, want an error naming what it is", f, err)
		}
	}
}
