package transcript

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// TestBlankFileOverBuffer: a file of nothing but blank lines is empty,
// "empty file: no records" (exit 2), however long. One over the 64 KB
// whose blankness is looked at before the format is told was read by the
// readers of a record a line (jsonl, wecom, jddc, canned), which pass
// blank lines over, to its end, and exit 0 without a word; one of 64 KB
// or less was empty. A blank line of full-width spaces (U+3000) is blank
// too, a read ending inside one; one record, or a character cut at the
// end (a malformed record), after the blank lines is no empty file.
func TestBlankFileOverBuffer(t *testing.T) {
	over := bufSize + bufSize/2
	lines := func(line string) string { return strings.Repeat(line, over/len(line)+1) }
	rec := `{"conversation":"c1","role":"customer","text":"在吗"}` + "\n"
	utf16 := string(encodeWith(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), lines("\n")))
	const empty = "empty file: no records"
	for _, tc := range []struct {
		name, file, format, data string
		err                      string // "" for none
		msgs, rejects            int
	}{
		{"line breaks", "day.jsonl", "", lines("\n"), empty, 0, 0},
		{"spaces and CRLF", "day.jsonl", "", lines(" \t\r\n"), empty, 0, 0},
		{"full-width spaces", "day.jsonl", "", lines("\u3000\u3000\n"), empty, 0, 0},
		{"in UTF-16", "day.jsonl", "", utf16, empty, 0, 0},
		{"wecom", "day.txt", "wecom", lines("\n"), empty, 0, 0},
		{"jddc", "day.txt", "jddc", lines("\n"), empty, 0, 0},
		{"canned", "replies.txt", "canned", lines("\n"), empty, 0, 0},
		{"a record after them", "day.jsonl", "", lines("\n") + rec, "", 1, 0},
		{"a record after them, no line break", "day.jsonl", "", lines("\u3000\n") + strings.TrimSuffix(rec, "\n"), "", 1, 0},
		{"a character cut at the end", "day.jsonl", "", lines("\n") + "\xE3\x80", "", 0, 1},
		{"64 KB exactly", "day.jsonl", "", strings.Repeat("\n", bufSize), empty, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.file)
			if err := os.WriteFile(path, []byte(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
			s := &recSink{}
			err := ReadAll(context.Background(), []string{path}, Options{Format: tc.format, Location: tzSH}, s)
			if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
				t.Fatalf("error %v, want %q", err, tc.err)
			}
			if len(s.msgs) != tc.msgs || len(s.rejects) != tc.rejects {
				t.Errorf("%d messages, rejects %v; want %d messages, %d rejects", len(s.msgs), s.rejects, tc.msgs, tc.rejects)
			}
		})
	}
}
