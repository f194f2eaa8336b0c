package transcript

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestReadAllAnnouncesEveryFile: every file the run is given is announced
// to the sink (and so counted in the summary's files), whether it is read
// or not: an empty file as a header-only one, one that cannot be opened
// and one whose format cannot be told, in the order given. A path that
// names no file is counted too: the reports list it among the files that
// cannot be read, and their summary's files count those.
func TestReadAllAnnouncesEveryFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	files := map[string]string{
		"empty.csv":    "",
		"blank.jsonl":  "\n \n",
		"header.csv":   "time,role,text\n",
		"locked.jsonl": `{"conversation":"c1","role":"customer","text":"在吗"}` + "\n",
		"what.dat":     "\x01\x02 hello\n",
		"ok.jsonl":     `{"conversation":"c1","role":"customer","text":"在吗"}` + "\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// (a permission denied, as a test run as root cannot make one)
	defer func(orig func(string) (*os.File, error)) { openFile = orig }(openFile)
	openFile = func(name string) (*os.File, error) {
		if filepath.Base(name) == "locked.jsonl" {
			return nil, &os.PathError{Op: "open", Path: name, Err: os.ErrPermission}
		}
		return os.Open(name)
	}
	sink := &fileCounter{}
	paths := []string{"empty.csv", "blank.jsonl", "header.csv", "locked.jsonl", "what.dat", "missing.jsonl", "ok.jsonl"}
	err := ReadAll(context.Background(), paths, Options{}, sink)
	if n := len(fileErrors(err)); n != 6 {
		t.Errorf("%d unreadable, want 6: %v", n, err)
	}
	want := []string{"empty.csv", "blank.jsonl", "header.csv", "locked.jsonl", "what.dat", "missing.jsonl", "ok.jsonl"}
	if !slices.Equal(sink.files, want) {
		t.Errorf("files %q, want %q", sink.files, want)
	}
}
