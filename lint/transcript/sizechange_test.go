package transcript

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSizeChangedSinceCounted: the progress line's total is the size of
// the files when the run starts (InputSizes); a file that is not that size
// when it is read, written to or cut since, removed, new in a directory
// walked, growing as it is read, made the line pass 100% ("100% 1.3 MB
// of 1.0 MB") or stop short of it. With the sizes counted (Options.Counted),
// LeftOutBytes says what a file differs by, as soon as it is known, so
// the bytes counted never pass what is left of the total and end at it.
func TestSizeChangedSinceCounted(t *testing.T) {
	day := func(from, n int) string {
		var b strings.Builder
		for i := from; i < from+n; i++ {
			fmt.Fprintf(&b, `{"conversation":"c%d","role":"customer","text":"第 %d 条消息"}`+"\n", i/4, i)
		}
		return b.String()
	}
	book := func(n int) []byte {
		rows := [][]string{{"conversation", "role", "text"}}
		for i := range n {
			rows = append(rows, []string{fmt.Sprintf("c%d", i/4), "customer", fmt.Sprintf("第 %d 条消息", i)})
		}
		return xlsxFromRows(t, rows, -1)
	}
	write := func(t *testing.T, path string, data []byte) {
		t.Helper()
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	appendTo := func(t *testing.T, path string, data []byte) {
		t.Helper()
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name   string
		file   string
		data   []byte
		change func(t *testing.T, path string) // after the sizes are counted
		grow   bool                            // the file grows as it is read
		err    bool                            // the file is unreadable
	}{
		{"written to since", "day.jsonl", []byte(day(0, 4000)), func(t *testing.T, p string) { appendTo(t, p, []byte(day(4000, 4000))) }, false, false},
		{"cut since", "day.jsonl", []byte(day(0, 4000)), func(t *testing.T, p string) { write(t, p, []byte(day(0, 1000))) }, false, false},
		{"removed since", "day.jsonl", []byte(day(0, 4000)), func(t *testing.T, p string) { os.Remove(p) }, false, false},
		// (found by the walk, gone when it is opened)
		{"gone when opened", "day.jsonl", []byte(day(0, 4000)), func(t *testing.T, p string) {
			orig := openFile
			openFile = func(name string) (*os.File, error) {
				if name == p {
					return nil, &os.PathError{Op: "open", Path: name, Err: os.ErrNotExist}
				}
				return orig(name)
			}
			t.Cleanup(func() { openFile = orig })
		}, false, true},
		{"new since", "day.jsonl", nil, func(t *testing.T, p string) { write(t, p, []byte(day(0, 4000))) }, false, false},
		{"growing as it is read", "day.jsonl", []byte(day(0, 4000)), nil, true, false},
		{"a workbook written again since", "book.xlsx", book(100), func(t *testing.T, p string) { write(t, p, book(3000)) }, false, false},
		{"a workbook cut since", "book.xlsx", book(3000), func(t *testing.T, p string) { write(t, p, book(100)) }, false, false},
		{"gzip, a member appended since", "day.jsonl.gz", gzBytes([]byte(day(0, 4000))), func(t *testing.T, p string) { appendTo(t, p, gzBytes([]byte(day(4000, 4000)))) }, false, false},
		{"gzip, growing as it is read", "day.jsonl.gz", gzBytes([]byte(day(0, 4000))), nil, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, tc.file)
			if tc.data != nil {
				write(t, path, tc.data)
			}
			write(t, filepath.Join(dir, "ok.jsonl"), []byte(day(0, 10)))
			var read, leftOut int64
			over := int64(0) // the most the bytes counted passed what was left of the total
			opts := Options{Location: tzSH, LeftOutBytes: func(n int64) { leftOut += n }}
			total, sizes := InputSizes([]string{dir}, opts)
			opts.Counted = sizes
			if tc.change != nil {
				tc.change(t, path)
			}
			grown := !tc.grow
			opts.ReadBytes = func(n int64) {
				read += n
				over = max(over, read-(total-leftOut))
				if !grown {
					grown = true
					suffix := day(4000, 4000)
					if strings.HasSuffix(tc.file, ".gz") {
						suffix = string(gzBytes([]byte(suffix)))
					}
					appendTo(t, path, []byte(suffix))
				}
			}
			err := ReadAll(context.Background(), []string{dir}, opts, &recSink{})
			if (err != nil) != tc.err {
				t.Fatalf("error %v, want one: %v", err, tc.err)
			}
			if over > 0 {
				t.Errorf("the bytes counted passed the total less those left out by %d", over)
			}
			if read+leftOut != total {
				t.Errorf("ReadBytes counted %d and LeftOutBytes said %d: %d in all, want the total, %d", read, leftOut, read+leftOut, total)
			}
		})
	}
}
