package transcript

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestWalkReadsXLSM: a directory's walk reads a macro-enabled workbook
// (.xlsm, gzipped too) as it reads an .xlsx, as a .xlsm named is read: it
// was left out, with a warning that chatlint cannot read it. Excel's lock
// file beside it (~$book.xlsm) is left out without a word, as an .xlsx's.
func TestWalkReadsXLSM(t *testing.T) {
	book := xlsxFromRows(t, [][]string{
		{"conversation", "time", "role", "text"},
		{"c1", "2026-11-25 10:00:00", "customer", "在吗"},
		{"c1", "2026-11-25 10:00:05", "agent", "您好，在的"},
	}, 1)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(book)
	zw.Close()
	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"book.xlsm":   book,
		"DAY.XLSM.gz": gz.Bytes(),
		"~$book.xlsm": []byte("lock"),
		"old.xls":     []byte("x"),
		"a.xlsm.part": []byte("x"),
		"macros.xlsb": []byte("x"),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, format := range []string{"auto", "xlsx"} {
		w := newWalker(format)
		files, err := w.expand(dir)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range files {
			names = append(names, filepath.Base(f))
		}
		if want := []string{"DAY.XLSM.gz", "book.xlsm"}; !slices.Equal(names, want) {
			t.Errorf("%s: walked %q, want %q", format, names, want)
		}
		var others []string
		for _, o := range w.others {
			others = append(others, filepath.Base(o.path))
		}
		slices.Sort(others)
		if want := []string{"a.xlsm.part", "macros.xlsb", "old.xls"}; !slices.Equal(others, want) {
			t.Errorf("%s: left out with a warning %q, want %q", format, others, want)
		}
	}
	s := &recSink{}
	if err := ReadAll(context.Background(), []string{dir}, Options{Location: tzSH}, s); err != nil {
		t.Fatal(err)
	}
	if len(s.files) != 2 || len(s.msgs) != 4 || len(s.rejects) != 0 {
		t.Errorf("files %q, messages %s, rejects %v", s.files, msgLines(s.msgs), s.rejects)
	}
}
