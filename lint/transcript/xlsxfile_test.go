package transcript

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// endlessZip is a stream that starts as a ZIP archive and never ends, as
// --input-format xlsx reads a pipe or a device.
type endlessZip struct{ n int64 }

func (z *endlessZip) Read(p []byte) (int, error) {
	for i := range p {
		if z.n < int64(len(zipMagic)) {
			p[i] = zipMagic[z.n]
		} else {
			p[i] = 0
		}
		z.n++
	}
	return len(p), nil
}

// TestReadWorkbookFileBounded: a workbook is read whole, but not past
// maxWorkbookBytes (an endless stream was read until memory ran out), nor
// once the run is stopped; what does not start as a ZIP archive is refused
// before it is read, saying what it is.
func TestReadWorkbookFileBounded(t *testing.T) {
	defer func(n int64) { maxWorkbookBytes = n }(maxWorkbookBytes)
	maxWorkbookBytes = 4 << 20
	z := &endlessZip{}
	_, err := readWorkbookFile(context.Background(), bufio.NewReader(z), nil, nil)
	if err == nil || !strings.Contains(err.Error(), "the workbook is over 4 MiB") {
		t.Fatalf("an endless stream: %v", err)
	}
	if z.n > 6<<20 {
		t.Fatalf("read %d bytes of a stream bounded at 4 MiB", z.n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := readWorkbookFile(ctx, bufio.NewReader(&endlessZip{}), nil, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("a stopped run: %v", err)
	}
	data, err := readWorkbookFile(context.Background(), bufio.NewReader(strings.NewReader(zipMagic+"rest")), nil, nil)
	if err != nil || string(data) != zipMagic+"rest" {
		t.Fatalf("a short archive: %q, %v", data, err)
	}

	cfb := func(streams ...string) string {
		var b strings.Builder
		b.WriteString(cfbMagic + strings.Repeat("\x00", 504))
		for _, s := range streams {
			for _, c := range []byte(s) {
				b.WriteByte(c)
				b.WriteByte(0)
			}
			b.WriteString(strings.Repeat("\x00", 64))
		}
		return b.String()
	}
	for _, tc := range []struct{ name, data, want string }{
		{"a text file", "会话ID,内容\nc1,您好\n", `it does not start as a ZIP archive does (it starts "会话ID,内容\n")`},
		{"zeros", strings.Repeat("\x00", 100), `it starts "\x00\x00`},
		{"an .xls workbook", cfb("Root Entry", "Workbook", "\x05SummaryInformation"), "an Excel 97–2003 .xls workbook: save it as .xlsx"},
		{"a password-protected .xlsx", cfb("Root Entry", "EncryptionInfo", "EncryptedPackage"), "a password-protected (encrypted) Office file"},
		{"a Word document", cfb("Root Entry", "WordDocument", "1Table"), "a Word .doc document"},
		{"a compound file of its directory out of reach", cfb(), "or an Office file saved with a password"},
		{"an empty file", "", "empty file: no records"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readWorkbookFile(context.Background(), bufio.NewReader(strings.NewReader(tc.data)), nil, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
			_, err = readData(t, "xlsx", tc.data, Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("--input-format xlsx: got %v, want %q", err, tc.want)
			}
		})
	}
}

// TestWorkbookFileInPlace: a workbook file is unzipped where it lies, not
// read whole into memory first (a million rows held their 32 MB of
// compressed bytes, and as much again while the buffer grew: 172 MB at
// the peak, 130 MB in place); so maxWorkbookBytes, the bound of what is
// read whole, does not refuse it. Standard input, which has no ReaderAt,
// is copied first (see TestWorkbookSpooled), and refused past it. The progress counts the
// file's size, once; the start of a file that is no workbook is refused
// alike either way.
func TestWorkbookFileInPlace(t *testing.T) {
	defer func(n int64) { maxWorkbookBytes = n }(maxWorkbookBytes)
	book := xlsxFromRows(t, [][]string{{"会话ID", "角色", "内容"}, {"c1", "customer", "在吗"}, {"c1", "agent", "您好"}}, -1)
	maxWorkbookBytes = int64(len(book)) / 2
	dir := t.TempDir()
	path := filepath.Join(dir, "book.xlsx")
	if err := os.WriteFile(path, book, 0o644); err != nil {
		t.Fatal(err)
	}
	var counted int64
	s := &recSink{}
	opts := Options{Location: tzSH, ReadBytes: func(n int64) { counted += n }}
	if err := ReadAll(context.Background(), []string{path}, opts, s); err != nil {
		t.Fatalf("a file: %v", err)
	}
	if len(s.msgs) != 2 || s.msgs[1].Text != "您好" {
		t.Errorf("a file: read %+v", s.msgs)
	}
	if counted != int64(len(book)) {
		t.Errorf("a file: %d bytes counted, want its %d", counted, len(book))
	}
	if _, err := readData(t, "xlsx", string(book), Options{}); err == nil || !strings.Contains(err.Error(), "the workbook is over") {
		t.Errorf("standard input: %v, want the bound", err)
	}
	text := filepath.Join(dir, "text.xlsx")
	os.WriteFile(text, []byte("会话ID,内容\nc1,您好\n"), 0o644)
	err := ReadAll(context.Background(), []string{text}, Options{Location: tzSH}, &recSink{})
	if err == nil || !strings.Contains(err.Error(), `it does not start as a ZIP archive does (it starts "会话ID,内容\n")`) {
		t.Errorf("a text file named .xlsx: %v", err)
	}
}

// TestWorkbookSpooled: a workbook on standard input (or gzip-compressed),
// which has no ReaderAt, was read whole into memory, its size on top of
// what reading it takes (a 100 MB workbook piped in broke the 200 MiB
// bound of a run); it is copied to a temporary file, removed at once, and
// unzipped from there. Where no temporary file can be made, it is read
// into memory as before.
func TestWorkbookSpooled(t *testing.T) {
	book := xlsxFromRows(t, [][]string{{"会话ID", "角色", "内容"}, {"c1", "customer", "在吗"}, {"c1", "agent", "您好"}}, -1)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	f, n, _, err := spoolWorkbook(context.Background(), bufio.NewReader(bytes.NewReader(book)), nil)
	if err != nil || f == nil || n != int64(len(book)) {
		t.Fatalf("spoolWorkbook: %v, %v, %d; want a file of %d bytes", f, err, n, len(book))
	}
	got := make([]byte, n)
	if _, err := f.ReadAt(got, 0); err != nil || !bytes.Equal(got, book) {
		t.Errorf("the temporary file holds %d bytes (%v), not the workbook", len(got), err)
	}
	closeSpool(f)
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
	s := mustRead(t, "xlsx", string(book), Options{})
	if len(s.msgs) != 2 || s.msgs[1].Text != "您好" {
		t.Errorf("standard input: read %+v", s.msgs)
	}
	// no temporary directory: read into memory
	t.Setenv("TMPDIR", filepath.Join(tmp, "none"))
	if f, _, _, err := spoolWorkbook(context.Background(), bufio.NewReader(bytes.NewReader(book)), nil); f != nil || err != nil {
		t.Errorf("without a temporary directory: %v, %v; want neither", f, err)
	}
	s = mustRead(t, "xlsx", string(book), Options{})
	if len(s.msgs) != 2 {
		t.Errorf("standard input, no temporary directory: read %+v", s.msgs)
	}
}

// TestWorkbookSpoolFull: a workbook on standard input whose temporary file
// takes no more bytes part of the way (a full disk, a quota, ulimit -f)
// was refused, 'copying the workbook to a temporary file: … file too
// large', where before it was copied it was read into memory; it is read
// into memory again, going on from the bytes copied.
func TestWorkbookSpoolFull(t *testing.T) {
	rows := [][]string{{"会话ID", "角色", "内容"}}
	for i := range 3000 {
		rows = append(rows, []string{fmt.Sprintf("c%d", i), "customer", strings.Repeat("在吗", 50) + fmt.Sprint(i)})
	}
	book := xlsxFromRows(t, rows, -1)
	for _, room := range []int{0, 100, len(book) / 2} {
		t.Run(fmt.Sprint(room), func(t *testing.T) {
			spoolFile = func() (spool, error) {
				f, err := os.CreateTemp(t.TempDir(), "spool-*.xlsx")
				return &fullFile{File: f, room: room}, err
			}
			t.Cleanup(func() { spoolFile = func() (spool, error) { return os.CreateTemp("", "chatlint-*.xlsx") } })
			// a reader that gives the workbook a piece at a time
			src := bufio.NewReaderSize(iotest.HalfReader(bytes.NewReader(book)), 16)
			f, _, read, err := spoolWorkbook(context.Background(), src, nil)
			if f != nil || err != nil {
				t.Fatalf("spoolWorkbook with a full disk: %v, %v; want neither", f, err)
			}
			data, err := readWorkbookFile(context.Background(), src, read, nil)
			if err != nil || !bytes.Equal(data, book) {
				t.Fatalf("read into memory: %d bytes (%v), want the workbook's %d", len(data), err, len(book))
			}
			s := mustRead(t, "xlsx", string(book), Options{})
			if len(s.msgs) != 3000 {
				t.Errorf("standard input, a full disk: read %d messages, want 3000", len(s.msgs))
			}
		})
	}
}

// fullFile is a temporary file that takes room bytes, then no more.
type fullFile struct {
	*os.File
	room int
}

func (f *fullFile) Write(p []byte) (int, error) {
	if len(p) > f.room {
		n, _ := f.File.Write(p[:f.room])
		f.room = 0
		return n, errors.New("write: file too large")
	}
	f.room -= len(p)
	return f.File.Write(p)
}
