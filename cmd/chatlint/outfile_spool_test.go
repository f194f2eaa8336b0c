package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// noNewFiles makes every directory take no new files for outputFile (as a
// read-only directory does, which the tests, run as root, cannot make) and
// returns the directory its spool files go to.
func noNewFiles(t *testing.T) (spool string) {
	t.Helper()
	oldTemp, oldSpool := tempFile, spoolDir
	t.Cleanup(func() { tempFile, spoolDir = oldTemp, oldSpool })
	tempFile = func(target string, _ fs.FileMode) (*os.File, error) {
		return nil, &fs.PathError{Op: "open", Path: filepath.Join(filepath.Dir(target), ".x.tmp1"), Err: fs.ErrPermission}
	}
	spool = t.TempDir()
	spoolDir = func() string { return spool }
	return spool
}

// spoolLibrary writes a good and a malformed transcript (and an old report
// and baseline) into a fresh working directory.
func spoolLibrary(t *testing.T) {
	t.Helper()
	t.Chdir(t.TempDir())
	good := `{"conversation":"c1","role":"agent","sender":"a","text":"这个我不知道"}` + "\n"
	for name, data := range map[string]string{
		"good.jsonl":  good,
		"bad.jsonl":   good + "{not json\n",
		"report.json": "old report\n",
		"base.json":   "old baseline\n",
	} {
		if err := os.WriteFile(name, []byte(data), 0o640); err != nil {
			t.Fatal(err)
		}
	}
}

func emptyDir(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) > 0 {
		t.Errorf("%s holds %v: spool files left behind", dir, entries)
	}
}

// TestOutputSpoolKeepsOldUntilCommit: an existing file in a directory that
// takes no new files keeps every byte until Commit (it was truncated at
// once and written in place: a failed or interrupted run left it empty or
// cut), then holds the whole new content with its permissions; Abort
// leaves it as it was; no spool file is left either way.
func TestOutputSpoolKeepsOldUntilCommit(t *testing.T) {
	spool := noNewFiles(t)
	path := filepath.Join(t.TempDir(), "report.json")
	if err := os.WriteFile(path, []byte("old report\n"), 0o604); err != nil {
		t.Fatal(err)
	}
	for _, sync := range []bool{false, true} {
		out, err := createOutput(path, 0o666, sync)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := out.Write([]byte("half a rep")); err != nil {
			t.Fatal(err)
		}
		if got := readString(t, path); got != "old report\n" {
			t.Fatalf("while written, the file holds %q", got)
		}
		out.Abort()
		if got := readString(t, path); got != "old report\n" {
			t.Errorf("aborted, the file holds %q", got)
		}
		emptyDir(t, spool)

		out, err = createOutput(path, 0o666, sync)
		if err != nil {
			t.Fatal(err)
		}
		out.Write([]byte("new\n"))
		if got := readString(t, path); got != "old report\n" {
			t.Fatalf("before Commit, the file holds %q", got)
		}
		if err := out.Commit(); err != nil {
			t.Fatal(err)
		}
		if got := readString(t, path); got != "new\n" {
			t.Errorf("committed, the file holds %q", got)
		}
		if st, _ := os.Stat(path); st.Mode().Perm() != 0o604 {
			t.Errorf("mode %v, want 0604", st.Mode().Perm())
		}
		emptyDir(t, spool)
		if tmp := tempFiles(t, filepath.Dir(path)); len(tmp) > 0 {
			t.Errorf("temporary files left: %v", tmp)
		}
		os.WriteFile(path, []byte("old report\n"), 0o604)
	}
}

// TestReportKeptWhenDirTakesNoFiles: a report and a baseline in a
// directory that takes no new files are kept by a run --strict stops (they
// were truncated: the old report lost), and replaced whole by a run that
// ends well.
func TestReportKeptWhenDirTakesNoFiles(t *testing.T) {
	spool := noNewFiles(t)
	spoolLibrary(t)
	code, _, stderr := runCLI(t, "lint", "--strict", "--fail-on", "none", "--format", "json", "-o", "report.json", "--write-baseline", "base.json", "bad.jsonl")
	if code != 2 || !strings.Contains(stderr, "--strict") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if got := readString(t, "report.json"); got != "old report\n" {
		t.Errorf("a stopped run left the report holding %q", got)
	}
	if got := readString(t, "base.json"); got != "old baseline\n" {
		t.Errorf("a stopped run left the baseline holding %q", got)
	}
	emptyDir(t, spool)

	code, _, stderr = runCLI(t, "lint", "--fail-on", "none", "--format", "json", "-o", "report.json", "--write-baseline", "base.json", "good.jsonl")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if got := readString(t, "report.json"); !strings.HasPrefix(got, "{") || !strings.Contains(got, "c1") {
		t.Errorf("the report holds %q", got)
	}
	if got := readString(t, "base.json"); !strings.Contains(got, `"conversation": "c1"`) {
		t.Errorf("the baseline holds %q", got)
	}
	for _, name := range []string{"report.json", "base.json"} {
		if st, _ := os.Stat(name); st.Mode().Perm() != 0o640 {
			t.Errorf("%s: mode %v, want 0640", name, st.Mode().Perm())
		}
	}
	emptyDir(t, spool)
}

// TestReportRefusedWithoutSpool: with no temporary directory to spool to
// either, the run ends at once (exit 2), naming the file, which is kept.
func TestReportRefusedWithoutSpool(t *testing.T) {
	noNewFiles(t)
	spoolDir = func() string { return filepath.Join(t.TempDir(), "missing") }
	spoolLibrary(t)
	code, _, stderr := runCLI(t, "lint", "--fail-on", "none", "--format", "json", "-o", "report.json", "good.jsonl")
	if code != 2 || !strings.Contains(stderr, "cannot write report: open report.json: its directory takes no new files") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if got := readString(t, "report.json"); got != "old report\n" {
		t.Errorf("the report holds %q", got)
	}
}

// TestReportKeptInReadOnlyDir is TestReportKeptWhenDirTakesNoFiles with a
// real read-only directory; root writes there anyway, so it is skipped
// when run as root.
func TestReportKeptInReadOnlyDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root creates files in read-only directories")
	}
	spoolLibrary(t)
	dir, _ := os.Getwd()
	os.Mkdir("out", 0o755)
	report := filepath.Join("out", "report.json")
	os.WriteFile(report, []byte("old report\n"), 0o644)
	os.Chmod("out", 0o555)
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "out"), 0o755) })
	code, _, _ := runCLI(t, "lint", "--strict", "--fail-on", "none", "--format", "json", "-o", report, "bad.jsonl")
	if code != 2 {
		t.Fatalf("exit %d", code)
	}
	if got := readString(t, report); got != "old report\n" {
		t.Errorf("a stopped run left the report holding %q", got)
	}
	if code, _, stderr := runCLI(t, "lint", "--fail-on", "none", "--format", "json", "-o", report, "good.jsonl"); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if got := readString(t, report); !strings.Contains(got, "c1") {
		t.Errorf("the report holds %q", got)
	}
}

// TestSpoolKeptWhenCopyFails: once Commit has begun to copy the spool file
// into the target, a failure (a full disk) leaves the target incomplete;
// the whole output must not be lost with it: the spool file is kept and
// the error names it.
func TestSpoolKeptWhenCopyFails(t *testing.T) {
	spool := noNewFiles(t)
	path := filepath.Join(t.TempDir(), "report.json")
	if err := os.WriteFile(path, []byte("old report\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := createOutput(path, 0o666, true)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Abort()
	if out.dest == nil {
		t.Fatal("not spooled")
	}
	// the target's disk is full: every write fails
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	out.dest.Close()
	out.dest = full
	if _, err := out.Write([]byte("the whole new report\n")); err != nil {
		t.Fatal(err)
	}
	name := out.File.Name()
	err = out.Commit()
	if err == nil {
		t.Fatal("Commit to a full disk succeeded")
	}
	if got := readString(t, name); got != "the whole new report\n" {
		t.Errorf("the spool file holds %q", got)
	}
	if !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), "report.json") {
		t.Errorf("error %q does not name the spool file and the target", err)
	}
	os.Remove(name)
	emptyDir(t, spool)
}

// TestSpoolWriteErrorNamesSpool: an error writing the spool file (a full
// temporary directory) is the spool's, not the target's: the error names
// both, so that the user looks at $TMPDIR, not at the report's disk.
func TestSpoolWriteErrorNamesSpool(t *testing.T) {
	noNewFiles(t)
	path := filepath.Join(t.TempDir(), "report.json")
	if err := os.WriteFile(path, []byte("old report\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := createOutput(path, 0o666, false)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Abort()
	out.File.Close() // every write fails, as on a full disk
	_, err = out.Write([]byte("x"))
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), out.File.Name()) {
		t.Errorf("error %v names not both %s and the spool file %s", err, path, out.File.Name())
	}
}

// TestBaselineUnwritableFirst: a --write-baseline that cannot be written
// (a directory that takes no new files) ends the run before anything is
// linted, as an -o that cannot be is: it was found only once the whole
// input had been linted and its report written.
func TestBaselineUnwritableFirst(t *testing.T) {
	spoolLibrary(t)
	noNewFiles(t)
	var stdout, stderr strings.Builder
	code := run([]string{"lint", "--no-progress", "--format", "json", "--write-baseline", "new-base.json", "good.jsonl"}, strings.NewReader(""), &stdout, &stderr)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.HasPrefix(stderr.String(), "chatlint: write baseline: ") || !strings.Contains(stderr.String(), "permission denied") {
		t.Errorf("stderr %q", stderr.String())
	}
	if stdout.Len() > 0 {
		t.Errorf("a report was written before the baseline was found unwritable: %.80q", stdout.String())
	}
	if _, err := os.Stat("new-base.json"); err == nil {
		t.Error("new-base.json written")
	}
}

// TestFixLeavesLibraryWhenReportCannotBeWritten: --fix rewrote the library
// and only then found that the report (or the baseline) could not be
// written into its directory, which exists but takes no new files (as a
// read-only one, which the tests, run as root, cannot make): the run is
// now refused before anything is fixed, the library left as it was; an
// existing report there, written through a spool file, is no reason to.
func TestFixLeavesLibraryWhenReportCannotBeWritten(t *testing.T) {
	t.Chdir(t.TempDir())
	const lib = "这个不行\n您好\n"
	for name, data := range map[string]string{"lib.txt": lib, "ro/old.json": "old report\n"} {
		os.MkdirAll(filepath.Dir(name), 0o755)
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old, oldSpool := tempFile, spoolDir
	t.Cleanup(func() { tempFile, spoolDir = old, oldSpool })
	tempFile = func(target string, perm fs.FileMode) (*os.File, error) {
		if filepath.Dir(target) == "ro" {
			return nil, &fs.PathError{Op: "open", Path: filepath.Join("ro", ".x.tmp1"), Err: fs.ErrPermission}
		}
		return old(target, perm)
	}
	fix := []string{"lint", "--pack", "callcenter", "--input-format", "canned", "--fail-on", "none", "--fix"}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-o", "ro/report.json"}, "chatlint: cannot write report: open ro/report.json: permission denied: no file fixed (the report is written after the fixes)\n"},
		{[]string{"-o", "ok.json", "-o", "ro/report.html"}, "chatlint: cannot write report: open ro/report.html: permission denied: no file fixed (the report is written after the fixes)\n"},
		{[]string{"--write-baseline", "ro/base.json"}, "chatlint: write baseline: open ro/base.json: permission denied: no file fixed (the baseline is written after the fixes)\n"},
	} {
		code, _, errOut := runCLI(t, append(append(fix, tt.args...), "lib.txt")...)
		if code != 2 || errOut != tt.want {
			t.Errorf("%q: exit %d, %q; want 2, %q", tt.args, code, errOut, tt.want)
		}
		if got := readString(t, "lib.txt"); got != lib {
			t.Errorf("%q: the library was rewritten: %q", tt.args, got)
		}
		if _, err := os.Stat("ok.json"); err == nil {
			t.Errorf("%q: ok.json written", tt.args)
		}
	}
	if entries, _ := os.ReadDir("."); len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
	// an existing report in such a directory is written through a spool
	// file: the library is fixed
	spoolDir = t.TempDir
	code, _, errOut := runCLI(t, append(fix, "-o", "ro/old.json", "lib.txt")...)
	if code != 0 || !strings.Contains(errOut, "fixed 1 finding in lib.txt") {
		t.Errorf("-o ro/old.json: exit %d, %q", code, errOut)
	}
	if got := readString(t, "lib.txt"); got == lib {
		t.Error("-o ro/old.json: the library was not fixed")
	}
	if got := readString(t, "ro/old.json"); !strings.Contains(got, `"summary"`) {
		t.Errorf("-o ro/old.json holds %q", got)
	}
}

// TestFixUsageBeforeReportProbe: efae62c's check that --fix's report can
// be written came before the checks of --fix itself, so a run that could
// fix nothing (not a canned library, --diff or --html beside it) was told that the
// report cannot be written, 'no file fixed (the report is written after
// the fixes)', and a temporary file was made and removed beside the
// report; the usage is told first, and nothing is created.
func TestFixUsageBeforeReportProbe(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("day.txt", []byte("这个不行\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir("ro", 0o755); err != nil {
		t.Fatal(err)
	}
	old := tempFile
	t.Cleanup(func() { tempFile = old })
	var probed []string
	tempFile = func(target string, perm fs.FileMode) (*os.File, error) {
		probed = append(probed, target)
		return nil, &fs.PathError{Op: "open", Path: filepath.Join("ro", ".x.tmp1"), Err: fs.ErrPermission}
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--fix", "-o", "ro/report.json", "day.txt"}, "chatlint: --fix and --diff rewrite canned-reply libraries: add --input-format canned\n"},
		{[]string{"--fix", "--write-baseline", "ro/base.json", "day.txt"}, "chatlint: --fix and --diff rewrite canned-reply libraries: add --input-format canned\n"},
		{[]string{"--fix", "--diff", "--input-format", "canned", "-o", "ro/report.json", "day.txt"}, "chatlint: --fix and --diff do not go together: --diff shows what --fix would write\n"},
		{[]string{"--fix", "--html", "--input-format", "canned", "-o", "ro/report.json", "day.txt"}, "chatlint: --fix and --diff cannot rewrite HTML replies: with --html, findings point into the text read out of the markup, not into the file\n"},
	} {
		probed = nil
		code, _, errOut := runCLI(t, append([]string{"lint", "--fail-on", "none"}, tt.args...)...)
		if code != 2 || errOut != tt.want {
			t.Errorf("%q: exit %d, %q; want 2, %q", tt.args, code, errOut, tt.want)
		}
		if len(probed) > 0 {
			t.Errorf("%q: a file was created beside %q before the usage was told", tt.args, probed)
		}
	}
}
