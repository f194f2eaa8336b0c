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

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestGzipInput: compressed exports read as they are, told by their first
// bytes (a .gz name is not needed, nor trusted), their format by the name
// without .gz; a directory walk takes them; a broken stream is a file error
// naming gzip.
func TestGzipInput(t *testing.T) {
	dir := t.TempDir()
	jsonl := `{"conversation":"c1","role":"customer","text":"在吗"}` + "\n" + `{"conversation":"c1","role":"agent","text":"您好"}` + "\n"
	csv := "role,text\ncustomer,在吗\nagent,您好\n"
	whole := gz(t, jsonl)
	files := map[string][]byte{
		"a.jsonl.gz": whole,
		"b.CSV.GZ":   gz(t, csv),
		"c.jsonl":    gz(t, jsonl),  // compressed, though not called so
		"d.jsonl.gz": []byte(jsonl), // called so, though plain
		"e.md":       []byte("not read: not a transcript extension\n"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := &recSink{}
	if err := ReadAll(context.Background(), []string{dir}, Options{Location: tzSH}, s); err != nil {
		t.Fatal(err)
	}
	if len(s.files) != 4 || len(s.msgs) != 8 || len(s.rejects) != 0 {
		t.Fatalf("files %v, %d messages, rejects %v", s.files, len(s.msgs), s.rejects)
	}
	for i, m := range s.msgs {
		if want := []string{"在吗", "您好"}[i%2]; m.Text != want {
			t.Errorf("message %d: %q, want %q", i, m.Text, want)
		}
	}
	// standard input
	s = &recSink{}
	if err := ReadAll(context.Background(), []string{"-"}, Options{Location: tzSH, Stdin: bytes.NewReader(whole)}, s); err != nil || len(s.msgs) != 2 {
		t.Fatalf("stdin: %v, %d messages", err, len(s.msgs))
	}
	// a truncated stream
	cut := filepath.Join(dir, "cut.jsonl.gz")
	if err := os.WriteFile(cut, whole[:len(whole)-6], 0o644); err != nil {
		t.Fatal(err)
	}
	err := ReadAll(context.Background(), []string{cut}, Options{Location: tzSH}, &recSink{})
	if err == nil || !strings.Contains(err.Error(), "cut.jsonl.gz") || !strings.Contains(err.Error(), "gzip: ") {
		t.Fatalf("truncated gzip: %v", err)
	}
}
