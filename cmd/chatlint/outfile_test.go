package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fifoAndTranscript makes a FIFO and a one-line transcript with a
// finding in a temporary directory (skipping the test without mkfifo).
func fifoAndTranscript(t *testing.T) (fifo, transcript string) {
	t.Helper()
	if _, err := exec.LookPath("mkfifo"); err != nil {
		t.Skip("no mkfifo")
	}
	dir := t.TempDir()
	fifo = filepath.Join(dir, "fifo")
	if err := exec.Command("mkfifo", fifo).Run(); err != nil {
		t.Skip("mkfifo:", err)
	}
	transcript = filepath.Join(dir, "good.jsonl")
	if err := os.WriteFile(transcript, []byte(`{"conversation":"c1","role":"agent","sender":"a","text":"这个我不知道"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return fifo, transcript
}

// tempFiles lists the temporary files outputFile left in dir.
func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") && strings.Contains(e.Name(), ".tmp") {
			out = append(out, e.Name())
		}
	}
	return out
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestOutputFileReplacesWhole: an output file takes the old file's place
// only on Commit, keeping its permissions; Abort leaves the old file and
// no temporary file.
func TestOutputFileReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	if err := os.WriteFile(path, []byte("old report\n"), 0o604); err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, 0o604) // whatever the umask

	out, err := createOutput(path, 0o666, false)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(out, "half a rep")
	if got := readString(t, path); got != "old report\n" {
		t.Errorf("while written, the file holds %q", got)
	}
	out.Abort()
	out.Abort()
	if err := out.Commit(); err != nil { // after Abort: nothing
		t.Error(err)
	}
	if got := readString(t, path); got != "old report\n" {
		t.Errorf("after Abort the file holds %q", got)
	}
	if tmp := tempFiles(t, dir); len(tmp) > 0 {
		t.Errorf("Abort left %v", tmp)
	}

	out, err = createOutput(path, 0o666, true)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(out, "new report\n")
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	out.Abort() // after Commit: nothing
	if got := readString(t, path); got != "new report\n" {
		t.Errorf("after Commit the file holds %q", got)
	}
	if tmp := tempFiles(t, dir); len(tmp) > 0 {
		t.Errorf("Commit left %v", tmp)
	}
	if runtime.GOOS != "windows" {
		if st, _ := os.Stat(path); st.Mode().Perm() != 0o604 {
			t.Errorf("permissions %v, want the old file's 0604", st.Mode().Perm())
		}

		// a new file gets what os.Create gives (0666 less the umask)
		probe := filepath.Join(dir, "probe")
		f, err := os.Create(probe)
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		want, _ := os.Stat(probe)
		out, err := createOutput(filepath.Join(dir, "new.json"), 0o666, false)
		if err != nil {
			t.Fatal(err)
		}
		if err := out.Commit(); err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Stat(filepath.Join(dir, "new.json")); st.Mode().Perm() != want.Mode().Perm() {
			t.Errorf("a new file has %v, os.Create gives %v", st.Mode().Perm(), want.Mode().Perm())
		}
	}

	// a symbolic link stays: the file it leads to is replaced
	real := filepath.Join(dir, "real.json")
	os.WriteFile(real, []byte("old\n"), 0o644)
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink("real.json", link); err == nil {
		if err := writeFileReplacing(link, []byte("new\n"), 0o666); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the link was replaced: %v %v", st, err)
		}
		if got := readString(t, real); got != "new\n" {
			t.Errorf("the linked file holds %q", got)
		}
	}
}

// TestOutputWritesDevicesDirectly: what cannot be replaced by a rename is
// written directly: /dev/null stays a device, a FIFO stays a FIFO and its
// reader gets the report.
func TestOutputWritesDevicesDirectly(t *testing.T) {
	if _, err := os.Stat(os.DevNull); err == nil && runtime.GOOS != "windows" {
		if _, _, _, ok, _ := replaceable(os.DevNull); ok {
			t.Errorf("%s would be replaced", os.DevNull)
		}
	}
	fifo, good := fifoAndTranscript(t)

	got := make(chan string, 1)
	go func() {
		b, _ := os.ReadFile(fifo) // blocks until a writer opens it
		got <- string(b)
	}()
	done := make(chan int, 1)
	go func() {
		code, _, _ := runCLI(t, "lint", "--fail-on", "none", "--format", "jsonl", "-o", fifo, good)
		done <- code
	}()
	select {
	case report := <-got:
		if !strings.Contains(report, `"id":"c1"`) {
			t.Errorf("the FIFO's reader got %q", report)
		}
	case <-time.After(20 * time.Second):
		// release the reader: chatlint never opened the FIFO
		if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			f.Close()
		}
		t.Fatal("the FIFO's reader got nothing")
	}
	if code := <-done; code != 0 {
		t.Errorf("exit %d", code)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", st, err)
	}
}

// TestOutputToOpenFileAppends: -o /dev/stdout (here /proc/self/fd/N) names
// a file this process has open: it is written directly, at its end, so that
// what the shell redirected it to keeps what it held (>> file).
func TestOutputToOpenFileAppends(t *testing.T) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("no /proc/self/fd")
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "good.jsonl")
	os.WriteFile(good, []byte(`{"conversation":"c1","role":"agent","sender":"a","text":"这个我不知道"}`+"\n"), 0o644)
	log := filepath.Join(dir, "log.txt")
	os.WriteFile(log, []byte("earlier output\n"), 0o644)
	f, err := os.OpenFile(log, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	name := fmt.Sprintf("/proc/self/fd/%d", f.Fd())
	if code, _, errOut := runCLI(t, "lint", "--fail-on", "none", "--format", "jsonl", "-o", name, good); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got := readString(t, log)
	if !strings.HasPrefix(got, "earlier output\n") || !strings.Contains(got, `"id":"c1"`) {
		t.Errorf("the file holds %.120q", got)
	}
	// so is --write-baseline /dev/stdout (it truncated the file)
	if code, _, errOut := runCLI(t, "lint", "--fail-on", "none", "--write-baseline", name, good); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if again := readString(t, log); !strings.HasPrefix(again, got) || !strings.Contains(again[len(got):], `"tool": "chatlint"`) {
		t.Errorf("the file holds %q, want the earlier output and report, and then the baseline", again)
	}
	if tmp := tempFiles(t, dir); len(tmp) > 0 {
		t.Errorf("left %v", tmp)
	}
}

// TestReportKeptOnInterrupt: a run interrupted (Ctrl-C) while the report is
// being written leaves the old report and baseline as they were.
func TestReportKeptOnInterrupt(t *testing.T) {
	testReportKeptOnSignal(t, os.Interrupt)
}

// TestReportKeptOnTerminate: so does a run stopped by SIGTERM (timeout,
// systemd, CI runners) or SIGHUP (the terminal closed).
func TestReportKeptOnTerminate(t *testing.T) {
	for _, s := range []os.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(s.String(), func(t *testing.T) { testReportKeptOnSignal(t, s) })
	}
}

func testReportKeptOnSignal(t *testing.T, s os.Signal) {
	if runtime.GOOS == "windows" {
		t.Skip("no signal to send")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("report.json", []byte("old report\n"), 0o644)
	os.WriteFile("base.json", []byte("old baseline\n"), 0o644)

	// the signal reaches the run's handler; this one keeps the test alive
	// should it come after the run's handler is gone
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, s)
	defer signal.Stop(sig)

	pr, pw := endlessTranscript()
	defer pw.Close()
	done := make(chan int, 1)
	var stderr bytes.Buffer
	go func() {
		done <- run([]string{"lint", "--no-progress", "--format", "json", "-o", "report.json", "--write-baseline", "base.json", "-"}, pr, io.Discard, &stderr)
	}()
	// the report is being written (in place, before, truncating the old)
	deadline := time.Now().Add(20 * time.Second)
	for len(tempFiles(t, ".")) == 0 && readString(t, "report.json") == "old report\n" {
		if time.Now().After(deadline) {
			t.Fatal("the report is not being written")
		}
		time.Sleep(10 * time.Millisecond)
	}
	p, _ := os.FindProcess(os.Getpid())
	if err := p.Signal(s); err != nil {
		t.Skip("cannot send the signal:", err)
	}
	select {
	case code := <-done:
		if code != 2 {
			t.Errorf("exit %d, want 2; stderr: %s", code, stderr.String())
		}
		// the signal named, not "context canceled"
		if want := "stopped (" + s.String() + " signal received): no report written; report.json and base.json left untouched"; !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr %q, want %q", stderr.String(), want)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("the run did not end on %v", s)
	}
	pw.CloseWithError(io.ErrClosedPipe)
	if got := readString(t, "report.json"); got != "old report\n" {
		t.Errorf("report.json holds %.60q…", got)
	}
	if got := readString(t, "base.json"); got != "old baseline\n" {
		t.Errorf("base.json holds %.60q…", got)
	}
	if tmp := tempFiles(t, "."); len(tmp) > 0 {
		t.Errorf("left %v", tmp)
	}
}

// endlessTranscript is standard input that never ends: JSONL records of
// new conversations, written until the read end is closed (pw.Close).
func endlessTranscript() (*io.PipeReader, *io.PipeWriter) {
	pr, pw := io.Pipe()
	go func() {
		for i := 0; ; i++ {
			line := fmt.Sprintf(`{"conversation":"c%d","role":"agent","sender":"a","text":"这个我不知道"}`+"\n", i)
			if _, err := pw.Write([]byte(line)); err != nil {
				return
			}
		}
	}()
	return pr, pw
}

// TestNewOutputNeverReplaces: a file that must be new (chatlint init) is
// put in place only if nothing took its name while it was written: a file
// or a symbolic link leading nowhere there by Commit is kept, and the
// temporary file is gone.
func TestNewOutputNeverReplaces(t *testing.T) {
	for _, taker := range []string{"file", "dangling link"} {
		t.Run(taker, func(t *testing.T) {
			t.Chdir(t.TempDir())
			out, err := createNewOutput("new.yaml", 0o644)
			if err != nil {
				t.Fatal(err)
			}
			if taker == "file" {
				err = os.WriteFile("new.yaml", []byte("theirs\n"), 0o644)
			} else {
				err = os.Symlink("nowhere.yaml", "new.yaml")
			}
			if err != nil {
				t.Skip(err)
			}
			err = out.writeAll([]byte("ours\n"))
			if !errors.Is(err, fs.ErrExist) {
				t.Errorf("Commit over a %s: %v, want an error that is fs.ErrExist", taker, err)
			}
			if taker == "file" {
				if got := readString(t, "new.yaml"); got != "theirs\n" {
					t.Errorf("new.yaml holds %q", got)
				}
			} else if _, err := os.Lstat("nowhere.yaml"); err == nil {
				t.Errorf("written through the link")
			}
			if tmp := tempFiles(t, "."); len(tmp) > 0 {
				t.Errorf("temporary files left: %v", tmp)
			}
		})
	}
}

// TestKeptOutputs: a stopped run says which of its files it left as they
// were and which it did not create: one that was not there was said to be
// left untouched, as if an old report were.
func TestKeptOutputs(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("old.json", []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ out, base, want string }{
		{"", "", ""},
		{"-", "", ""},
		{"old.json", "", "; old.json left untouched"},
		{"new.json", "", "; new.json not created"},
		{"new.json", "old.json", "; new.json not created, old.json left untouched"},
		{"new.json", "newbase.json", "; new.json and newbase.json not created"},
	} {
		f := &lintFlags{out: outputFlags{outputs: []string{tt.out}}, writeBase: tt.base}
		if got := keptOutputs(f); got != tt.want {
			t.Errorf("-o %q --write-baseline %q: %q, want %q", tt.out, tt.base, got, tt.want)
		}
	}
}
