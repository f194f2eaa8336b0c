package transcript

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// progressSink records, at each message, the bytes Options.ReadBytes had
// counted by then.
type progressSink struct {
	recSink
	counted *int64
	at      []int64
}

func (s *progressSink) Message(m lint.Message) error {
	s.at = append(s.at, *s.counted)
	return s.recSink.Message(m)
}

// TestWorkbookProgress: the progress line moves with a workbook's rows
// as they are read, and ends at its size. A workbook read in place
// counted the file's size whole when it was opened, before its first row
// (and the bytes it read, the shared strings and a scan of the sheet for
// its merged cells, reached it too), and one copied first (gzip-
// compressed) counted its bytes as they were copied: the line jumped to
// 100% and stood there while the rows were linted. The bytes of a
// workbook are now counted as its chat sheets' rows are read, in
// proportion to their XML, the rest at the end.
func TestWorkbookProgress(t *testing.T) {
	const n = 20000
	rows := [][]string{{"conversation", "role", "text"}}
	for i := range n {
		rows = append(rows, []string{fmt.Sprintf("c%d", i/4), []string{"customer", "agent"}[i%2], fmt.Sprintf("您好，第 %d 条消息 %d", i, i*7919%100003)})
	}
	book := xlsxFromRows(t, rows, -1)
	half := func(rows [][]string) [][]string {
		return append([][]string{{"会话ID", "角色", "内容"}}, rows[1:len(rows)/2+1]...)
	}
	two := sheetsWorkbook(t, sheetSpec{"封面", "", [][]string{{"2026年11月 客服聊天记录"}}},
		sheetSpec{"11月1日", "", half(rows)}, sheetSpec{"11月2日", "", half(rows)})
	for _, tc := range []struct {
		name string
		data []byte
		msgs int
		// at, by message: the share of the file counted, ±0.1
		at map[int]float64
	}{
		{"book.xlsx", book, n, map[int]float64{0: 0.05, n / 4: 0.25, n / 2: 0.5, 3 * n / 4: 0.75, n - 1: 0.95}},
		{"book.xlsx.gz", gzBytes(book), n, map[int]float64{0: 0.05, n / 4: 0.25, n / 2: 0.5, 3 * n / 4: 0.75, n - 1: 0.95}},
		// (the second chat sheet read after the first: half of it each)
		{"two.xlsx", two, n, map[int]float64{0: 0.05, n/2 - 1: 0.5, n / 2: 0.5, n - 1: 0.95}},
	} {
		// (a directory walk holds back the count of each file until it
		// knows chatlint did not write it: see Options.OwnFile)
		for _, walked := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/walked=%v", tc.name, walked), func(t *testing.T) {
				dir := t.TempDir()
				path := filepath.Join(dir, tc.name)
				if err := os.WriteFile(path, tc.data, 0o644); err != nil {
					t.Fatal(err)
				}
				var counted int64
				s := &progressSink{counted: &counted}
				opts := Options{Location: tzSH, ReadBytes: func(n int64) { counted += n }}
				if walked {
					path = dir
					opts.OwnFile = func([]byte) bool { return false }
				}
				if err := ReadAll(context.Background(), []string{path}, opts, s); err != nil {
					t.Fatal(err)
				}
				size := int64(len(tc.data))
				if len(s.at) != tc.msgs {
					t.Fatalf("%d messages, want %d", len(s.at), tc.msgs)
				}
				for i, want := range tc.at {
					if got := float64(s.at[i]) / float64(size); got < want-0.1 || got > want+0.1 {
						t.Errorf("message %d of %d: %.0f%% of the file counted, want %.0f%%", i+1, tc.msgs, 100*got, 100*want)
					}
				}
				if counted != size {
					t.Errorf("%d bytes counted at the end, want the file's %d", counted, size)
				}
			})
		}
	}
}

// chunkReader hands out what r reads n bytes at a time at most, as a
// pipe does.
type chunkReader struct {
	r io.Reader
	n int
}

func (c *chunkReader) Read(p []byte) (int, error) { return c.r.Read(p[:min(len(p), c.n)]) }

// TestWorkbookCopyProgress: a workbook that cannot be read in place
// (standard input, a gzip-compressed one) is copied whole before its
// rows are read, and its bytes were counted only as the rows were (see
// TestWorkbookProgress): the progress line stood still at "reading...
// 0.0 MB", or 0%, all through the copy. Options.CopyingBytes says the
// bytes of the file read as they are copied (to a temporary file, or
// into memory where none can be made), and 0 once the copy is over; a
// workbook read in place is not copied, and says nothing. ReadBytes,
// which counted none of them while they were copied (the progress line
// counted them as CopyingBytes told, then went back for the rows),
// counts half of them as they are copied, and the other half as the rows
// are read, on from there; with Options.CopiedCounted (for a line with no
// bar, which said half the bytes received as those read), all of them as
// they are copied, and none as the rows are read.
func TestWorkbookCopyProgress(t *testing.T) {
	rows := [][]string{{"conversation", "role", "text"}}
	for i := range 20000 {
		rows = append(rows, []string{fmt.Sprintf("c%d", i/4), []string{"customer", "agent"}[i%2], fmt.Sprintf("您好，第 %d 条消息 %d", i, i*7919%100003)})
	}
	book := xlsxFromRows(t, rows, -1)
	for _, tc := range []struct {
		name   string
		data   []byte
		stdin  bool
		noTemp bool // no temporary file can be made: read into memory
		copied bool // CopyingBytes is told
		all    bool // CopiedCounted
	}{
		{"standard input", book, true, false, true, false},
		{"standard input, no temporary file", book, true, true, true, false},
		{"book.xlsx.gz", gzBytes(book), false, false, true, false},
		{"gzip on standard input", gzBytes(book), true, false, true, false},
		{"book.xlsx", book, false, false, false, false},
		{"standard input, CopiedCounted", book, true, false, true, true},
		{"standard input, no temporary file, CopiedCounted", book, true, true, true, true},
		{"book.xlsx.gz, CopiedCounted", gzBytes(book), false, false, true, true},
		{"book.xlsx, CopiedCounted", book, false, false, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.noTemp {
				spoolFile = func() (spool, error) { return nil, errors.New("no temporary file") }
				t.Cleanup(func() { spoolFile = func() (spool, error) { return os.CreateTemp("", "chatlint-*.xlsx") } })
			}
			path := "-"
			var stdin io.Reader
			if tc.stdin {
				stdin = &chunkReader{r: bytes.NewReader(tc.data), n: 16 << 10}
			} else {
				path = filepath.Join(t.TempDir(), strings.TrimSuffix(tc.name, ", CopiedCounted"))
				if err := os.WriteFile(path, tc.data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var counted int64
			var said []int64      // what CopyingBytes was told
			var countedAt []int64 // what ReadBytes had counted by then
			opts := Options{Location: tzSH, Stdin: stdin, ReadBytes: func(n int64) { counted += n },
				CopyingBytes: func(n int64) { said = append(said, n); countedAt = append(countedAt, counted) }, CopiedCounted: tc.all}
			s := &progressSink{counted: &counted}
			if err := ReadAll(context.Background(), []string{path}, opts, s); err != nil {
				t.Fatal(err)
			}
			if len(s.at) != 20000 {
				t.Fatalf("%d messages, want 20000", len(s.at))
			}
			if counted != int64(len(tc.data)) {
				t.Errorf("%d bytes counted at the end, want the file's %d", counted, len(tc.data))
			}
			if !tc.copied {
				if len(said) != 0 {
					t.Errorf("CopyingBytes told %v, want nothing (read in place)", said)
				}
				return
			}
			// (the bytes move on as the copy does, up to the file's with
			// the few of its start ReadBytes counted, then 0, ReadBytes
			// counting half of them as they do, or all)
			share := func(n int64) int64 { return n / 2 }
			if tc.all {
				share = func(n int64) int64 { return n }
			}
			start := countedAt[0] - share(said[0]) // (the few of its start)
			if len(said) < 5 || said[len(said)-1] != 0 || said[len(said)-2]+start != int64(len(tc.data)) {
				t.Fatalf("CopyingBytes told %d times, last %v (%d counted before); want the bytes read as they are copied, up to the file's %d, then 0", len(said), said[max(len(said)-3, 0):], start, len(tc.data))
			}
			for i := 1; i < len(said)-1; i++ {
				if said[i] <= said[i-1] {
					t.Fatalf("CopyingBytes told %d after %d: want the bytes copied growing", said[i], said[i-1])
				}
			}
			if start > 4096 {
				t.Fatalf("%d bytes counted before the workbook was copied", start)
			}
			for i, n := range countedAt[:len(said)-1] {
				if n != start+share(said[i]) {
					t.Fatalf("%d bytes counted by ReadBytes when CopyingBytes was told %d (%d at first): want %d of them", n, said[i], start, share(said[i]))
				}
			}
			if tc.all {
				// (the rows count none: all was counted)
				if s.at[0] != int64(len(tc.data)) || s.at[len(s.at)-1] != s.at[0] {
					t.Errorf("%d bytes counted at the first row, %d at the last: want the file's %d at both", s.at[0], s.at[len(s.at)-1], len(tc.data))
				}
				return
			}
			// (the rows count the other half, on from there)
			if half := start + said[len(said)-2]/2; s.at[0] < half || s.at[0] > half+int64(len(tc.data))/20 {
				t.Errorf("%d bytes counted at the first row, want the copy's %d and a few more", s.at[0], half)
			}
			for i := 1; i < len(s.at); i++ {
				if s.at[i] < s.at[i-1] {
					t.Fatalf("%d bytes counted at row %d after %d", s.at[i], i+1, s.at[i-1])
				}
			}
			if last := s.at[len(s.at)-1]; last-s.at[0] < int64(len(tc.data))/3 {
				t.Errorf("the rows counted %d bytes from the first to the last, want nearly half of the file's %d", last-s.at[0], len(tc.data))
			}
		})
	}
}
