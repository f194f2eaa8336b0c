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

// TestUnreadBytesLeftOut: the bytes of a file InputSize counted but the
// reading did not reach (a file whose format is not told, read no further
// than its start; a JSON document broken early; a .txt that is no chat
// dump; a file that could not be opened) are said by LeftOutBytes when
// the file is done with, so that what ReadBytes counts and what
// LeftOutBytes says add up to InputSize, the progress line's total. The
// total counted them, and the line stopped short of 100% after such a
// file. A file read to its end, a workbook read in place, has nothing
// left out; a file given as a workbook that is none (--input-format xlsx
// of an .xls or a text file), read in place as a workbook is, is counted
// whole as one is (it counted its first 4 bytes alone).
func TestUnreadBytesLeftOut(t *testing.T) {
	defer func(orig func(string) (*os.File, error)) { openFile = orig }(openFile)
	openFile = func(name string) (*os.File, error) {
		if filepath.Base(name) == "locked.jsonl" {
			return nil, &os.PathError{Op: "open", Path: name, Err: os.ErrPermission}
		}
		return os.Open(name)
	}
	day := `{"conversation":"c1","role":"customer","text":"在吗"}` + "\n"
	for _, tc := range []struct {
		name    string
		data    []byte
		unread  bool // some of it is not read
		readErr bool // the file is unreadable
		format  string
	}{
		{"binary.json", []byte("\x00\x01\x02" + strings.Repeat("\x00\xff", 200<<10)), true, true, ""},
		{"notes.txt", []byte(strings.Repeat("just some notes, no chat\n", 20<<10)), true, true, ""},
		{"broken.json", []byte("[" + strings.Repeat(day[:len(day)-1]+",", 8000) + "x" + strings.Repeat(" ", 200<<10) + "]"), true, true, ""},
		{"locked.jsonl", []byte(strings.Repeat(day, 100)), true, true, ""},
		{"day.jsonl", []byte(strings.Repeat(day, 3000)), false, false, ""},
		{"book.xlsx", xlsxFromRows(t, [][]string{{"conversation", "role", "text"}, {"c1", "customer", "在吗"}}, -1), false, false, ""},
		// (a walk then reads workbooks alone: not ok.jsonl)
		{"old.xlsx", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + strings.Repeat("\x00", 200<<10)), false, true, "xlsx"},
		{"notes.xlsx", []byte(strings.Repeat("just some notes, no chat\n", 20<<10)), false, true, "xlsx"},
	} {
		t.Run(tc.name+"/"+tc.format, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, tc.name), tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "ok.jsonl"), []byte(day), 0o644); err != nil {
				t.Fatal(err)
			}
			var read, leftOut int64
			opts := Options{
				Format:       tc.format,
				ReadBytes:    func(n int64) { read += n },
				LeftOutBytes: func(n int64) { leftOut += n },
			}
			total := InputSize([]string{dir}, opts)
			want := int64(len(tc.data) + len(day))
			if tc.format == "xlsx" {
				want = int64(len(tc.data))
			}
			if total != want {
				t.Fatalf("InputSize = %d, want %d", total, want)
			}
			err := ReadAll(context.Background(), []string{dir}, opts, &recSink{})
			if (err != nil) != tc.readErr {
				t.Fatalf("error %v, want one: %v", err, tc.readErr)
			}
			if read+leftOut != total {
				t.Errorf("ReadBytes counted %d and LeftOutBytes said %d: %d in all, want the total, %d", read, leftOut, read+leftOut, total)
			}
			if (leftOut > 0) != tc.unread {
				t.Errorf("LeftOutBytes said %d bytes; want some: %v", leftOut, tc.unread)
			}
		})
	}
}
