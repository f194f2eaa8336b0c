package transcript

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWorkbookCutOff: a workbook cut off (still being written, or copied
// in part, when the run read it) was told only "zip: not a valid zip
// file"; it now says what likely happened and what to do, read in place
// and piped in alike.
func TestWorkbookCutOff(t *testing.T) {
	book := xlsxFromRows(t, [][]string{{"conversation", "role", "text"}, {"c1", "customer", "在吗"}, {"c1", "agent", "在的"}}, -1)
	cut := book[:len(book)/2]
	const want = "the workbook is cut off: it starts as an .xlsx (a ZIP archive) does, but the directory that ends one is missing: still being written or copied when read?"
	name := filepath.Join(t.TempDir(), "day.xlsx")
	if err := os.WriteFile(name, cut, 0o644); err != nil {
		t.Fatal(err)
	}
	err := ReadAll(context.Background(), []string{name}, Options{}, &recSink{})
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("in place: %v", err)
	}
	_, err = readData(t, "xlsx", string(cut), Options{})
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("piped: %v", err)
	}
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Errorf("not a FileError: %T", err)
	}
}
