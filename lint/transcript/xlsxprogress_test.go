package transcript

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
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
