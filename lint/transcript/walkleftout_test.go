package transcript

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLeftOutBytes: the files a walk leaves out once their start is read
// (reports chatlint wrote: Options.OwnFile) are counted by InputSize, the
// progress line's total, and said by LeftOutBytes, their bytes read not
// counted by ReadBytes: what ReadBytes counts reaches the total less them.
// Before, the total counted them and the line stopped short of 100%. A
// report named is read, and counted, as any file.
func TestLeftOutBytes(t *testing.T) {
	dir := t.TempDir()
	day := `{"conversation":"c1","role":"customer","text":"在吗"}` + "\n"
	// a report as long as the reader reads ahead, and more
	report := `{"report":1}` + "\n" + strings.Repeat(`{"x":1}`+"\n", 9000)
	gzipped := func(s string) []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.Bytes()
	}
	files := map[string][]byte{
		"day.jsonl":         []byte(day),
		"r.jsonl":           []byte(report),
		"old/r.jsonl.gz":    gzipped(report),
		"old/notes.md":      []byte("not walked"),
		"old/day2.jsonl.gz": gzipped(day),
	}
	for name, data := range files {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	size := func(names ...string) (n int64) {
		for _, name := range names {
			n += int64(len(files[name]))
		}
		return n
	}
	var read, leftOut int64
	opts := Options{
		ReadBytes:    func(n int64) { read += n },
		LeftOutBytes: func(n int64) { leftOut += n },
		OwnFile:      func(head []byte) bool { return bytes.HasPrefix(head, []byte(`{"report":1}`)) },
	}
	total := InputSize([]string{dir}, opts)
	if want := size("day.jsonl", "r.jsonl", "old/r.jsonl.gz", "old/day2.jsonl.gz"); total != want {
		t.Fatalf("InputSize = %d, want %d", total, want)
	}
	s := &recSink{}
	if err := ReadAll(context.Background(), []string{dir}, opts, s); err != nil {
		t.Fatal(err)
	}
	if len(s.files) != 2 || len(s.msgs) != 2 {
		t.Fatalf("files %q, messages %s", s.files, msgLines(s.msgs))
	}
	if want := size("r.jsonl", "old/r.jsonl.gz"); leftOut != want {
		t.Errorf("LeftOutBytes said %d bytes, want %d (the reports' sizes)", leftOut, want)
	}
	if want := total - leftOut; read != want {
		t.Errorf("ReadBytes counted %d bytes, want %d: the total %d less the %d left out", read, want, total, leftOut)
	}

	// named, a report is read (its lines malformed records), and counted
	read, leftOut = 0, 0
	named := filepath.Join(dir, "r.jsonl")
	if err := ReadAll(context.Background(), []string{named}, opts, &recSink{}); err != nil {
		t.Fatal(err)
	}
	if total := InputSize([]string{named}, opts); read != total || leftOut != 0 {
		t.Errorf("a report named: ReadBytes counted %d, LeftOutBytes %d; want %d and 0", read, leftOut, total)
	}
}
