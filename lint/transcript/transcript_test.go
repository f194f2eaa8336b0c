package transcript

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDirectoryExtensions: a directory walk reads every documented
// extension (.tab is tsv), and .log, txt's, only with --input-format txt
// (an exporter's log is no chat); the error of a directory without any
// lists each extension once.
func TestDirectoryExtensions(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"t.tab":    "conversation\trole\ttext\nc1\tcustomer\t你好\n",
		"q.log":    "tb 2026-11-04 10:00:00\n在吗\n",
		"n.ndjson": `{"conversation":"c3","role":"agent","text":"在的"}` + "\n",
		"skip.md":  "# not a transcript\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := &recSink{}
	if err := ReadAll(context.Background(), []string{dir}, Options{Agents: []string{"店铺名:*"}, Location: tzSH}, s); err != nil {
		t.Fatal(err)
	}
	if len(s.files) != 2 || len(s.msgs) != 2 || len(s.rejects) != 0 {
		t.Fatalf("files %q, messages %s, rejects %v", s.files, msgLines(s.msgs), s.rejects)
	}
	s = &recSink{}
	if err := ReadAll(context.Background(), []string{dir}, Options{Format: "txt", Agents: []string{"店铺名:*"}, Location: tzSH}, s); err != nil {
		t.Fatal(err)
	}
	if len(s.files) != 1 || len(s.msgs) != 1 || !strings.HasSuffix(s.files[0], "q.log") {
		t.Fatalf("--input-format txt: files %q, messages %s", s.files, msgLines(s.msgs))
	}

	empty := t.TempDir()
	err := ReadAll(context.Background(), []string{empty}, Options{}, &recSink{})
	if err == nil {
		t.Fatal("no error for a directory without transcripts")
	}
	msg := err.Error()
	for _, ext := range []string{".csv", ".json", ".jsonl", ".ndjson", ".tsv", ".tab", ".txt", ".xlsx", ".xlsm"} {
		if n := strings.Count(msg, ext+","); n+strings.Count(msg, ext+")") != 1 {
			t.Errorf("%s listed %d times: %s", ext, n, msg)
		}
	}
	if strings.Contains(msg, ".log") {
		t.Errorf(".log listed: %s", msg)
	}
	if got := extensionsFor("tsv"); strings.Join(got, " ") != ".tsv .tab" {
		t.Errorf("tsv extensions %q", got)
	}
}

// TestStdinNotReadable: standard input that cannot be read (a directory
// redirected into it, `chatlint lint < exports/`) is named as <stdin> with
// the reason alone, as a file that cannot be opened is, not with the
// "read /dev/stdin:" of the system call, which the reports then left
// untranslated.
func TestStdinNotReadable(t *testing.T) {
	dir, err := os.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer dir.Close()
	err = ReadAll(context.Background(), []string{"-"}, Options{Stdin: dir}, &recSink{})
	if err == nil || err.Error() != "<stdin>: is a directory" {
		t.Errorf("got %v, want <stdin>: is a directory", err)
	}
}
