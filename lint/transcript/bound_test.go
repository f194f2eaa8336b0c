package transcript

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// insertLine puts line into data as its n-th line (1-based).
func insertLine(data string, n int, line string) string {
	lines := strings.SplitAfter(data, "\n")
	out := append([]string{}, lines[:n-1]...)
	out = append(out, line+"\n")
	return strings.Join(append(out, lines[n-1:]...), "")
}

// TestRecordBound feeds every reader a record over Options.MaxRecordBytes:
// the line-based ones report it as malformed, naming its line, and read on
// (every other record comes through as without it); so do the whole-file
// JSON readers, with a value over the bound, which they read past.
func TestRecordBound(t *testing.T) {
	const max = 256
	long := strings.Repeat("很长", 60) // 360 bytes
	jsonl := `{"conversation":"c1","role":"customer","text":"在吗"}` + "\n" +
		`{"conversation":"c1","role":"agent","text":"您好"}` + "\n"
	txt := "2026-11-04 10:00:00 张三\n在吗\n2026-11-04 10:00:05 我\n在的\n"
	csv := "role,text\ncustomer,在吗\nagent,您好\n"
	jsonlLong := `{"conversation":"c1","role":"agent","text":"` + long + `"}`
	jddcLong := "s1\tUSERID_1\t1\t0\t0\tnan\t" + long
	wecomLong := `{"msgid":"mx","text":{"content":"` + long + `"}}`
	lines20 := strings.Repeat("很长很长很长\n", 20)
	tests := []struct {
		name, format, data string
		opts               Options
		rejects            []string // "LINE: reason prefix"; only the first when firstOnly
		firstOnly          bool
		msgs               []string // the messages read, when not those read without the bound less the long one
		err                string   // a file error, instead
	}{
		{name: "jsonl", format: "jsonl", data: insertLine(jsonl, 2, jsonlLong),
			rejects: []string{fmt.Sprintf("2: line is %d B long, over the 256 B a record may take", len(jsonlLong))}},
		{name: "jsonl last line without newline", format: "jsonl", data: jsonl + `{"text":"` + long + `"}`,
			rejects: []string{fmt.Sprintf("3: line is %d B long", len(long)+11)}},
		{name: "jsonl crlf", format: "jsonl", data: strings.ReplaceAll(insertLine(jsonl, 1, long), "\n", "\r\n"),
			rejects: []string{"1: line is 360 B long"}},
		{name: "jddc", format: "jddc", data: insertLine(jddcSample, 3, jddcLong),
			rejects: []string{fmt.Sprintf("3: line is %d B long", len(jddcLong))}},
		{name: "wecom", format: "wecom", data: insertLine(wecomSample, 2, wecomLong),
			rejects: []string{fmt.Sprintf("2: line is %d B long", len(wecomLong))}},
		{name: "canned", format: "canned", data: "您好\n" + long + "\n亲，欢迎再次光临\n",
			rejects: []string{"2: line is 360 B long"}},
		{name: "txt line", format: "txt", data: insertLine(txt, 3, long), opts: Options{Agents: []string{"我"}},
			rejects: []string{"3: line is 360 B long"},
			// the message it is in is rejected whole, once; the next header
			// starts a message of its own
			msgs: []string{"<stdin>|agent|我|text|在的@4"}},
		{name: "txt message of many lines", format: "txt", data: insertLine(txt, 3, lines20), opts: Options{Agents: []string{"我"}},
			rejects: []string{fmt.Sprintf("1: message is %d B long, over the 256 B a record may take", len("在吗\n"+lines20+"\n"))}}, // with the blank line after them
		{name: "csv line", format: "csv", data: insertLine(csv, 3, "agent,"+long),
			rejects: []string{"3: line is 366 B long"}},
		{name: "csv quoted field over lines", format: "csv", data: insertLine(csv, 3, "agent,\""+lines20+"\""),
			// read past up to its closing quote, keeping nothing: the record
			// after it reads as without the bound
			rejects: []string{"3: record is over the 256 B a record may take (4 × --max-message-size) (the record runs from line 3 to line 23); not read"}},
		{name: "csv long line opening a quoted field", format: "csv", data: insertLine(csv, 3, "agent,\""+long+"\n"+lines20+"\""),
			rejects: []string{"3: line is 367 B long, over the 256 B a record may take (4 × --max-message-size) (the record runs from line 3 to line 24); not read"}},
		{name: "json", format: "json", data: "[\n" + strings.TrimSuffix(strings.ReplaceAll(insertLine(jsonl, 2, jsonlLong), "}\n", "},\n"), ",\n") + "\n]\n",
			rejects: []string{"3: JSON value at column 44 is 360 B long, over the 256 B a record may take (4 × --max-message-size); not read"}},
		{name: "wecom array", format: "wecom", data: "[\n" + strings.TrimSuffix(strings.ReplaceAll(insertLine(wecomSample, 2, wecomLong), "}\n", "},\n"), ",\n") + "\n]\n",
			rejects: []string{fmt.Sprintf("3: JSON value at column 1 is %d B long", len(wecomLong))}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.opts
			free, err := readData(t, tc.format, tc.data, opts) // no bound: all read
			if err != nil {
				t.Fatalf("without a bound: %v", err)
			}
			opts.MaxRecordBytes = max
			s, err := readData(t, tc.format, tc.data, opts)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range s.rejects {
				got = append(got, r.Error())
			}
			if tc.firstOnly && len(got) > 0 {
				got = got[:1]
			}
			if len(got) != len(tc.rejects) {
				t.Fatalf("rejects %q, want %q", got, tc.rejects)
			}
			for i, want := range tc.rejects {
				if !strings.Contains(got[i], ":"+want) {
					t.Errorf("reject %q, want %q", got[i], want)
				}
			}
			if tc.firstOnly {
				return
			}
			if tc.msgs != nil {
				if g, w := msgLines(s.msgs), strings.Join(tc.msgs, "\n"); g != w {
					t.Errorf("messages\n%s\nwant\n%s", g, w)
				}
				return
			}
			// every other record is read as without the bound
			var keep []string
			for _, m := range free.msgs {
				if !strings.Contains(m.Text, long[:30]) && !strings.Contains(m.Text, "很长很长很长") {
					keep = append(keep, msgLine(m))
				}
			}
			if g, w := msgLines(s.msgs), strings.Join(keep, "\n"); g != w {
				t.Errorf("messages\n%s\nwant\n%s", g, w)
			}
		})
	}
}

// TestLineReaderBoundKeepsNothing reads a 9 MB line under a 1 KiB bound
// through a small buffer: the reader's own buffer never holds much of it.
func TestLineReaderBoundKeepsNothing(t *testing.T) {
	long := strings.Repeat("长", 3<<20)
	in := "first\n" + long + "\r\n" + strings.Repeat("x", 1024) + "\nlast"
	lr := &lineReader{r: bufio.NewReaderSize(strings.NewReader(in), 4096), max: 1024}
	lines, longs, most := readLines(t, lr)
	if most > 2*1024+2*4096 {
		t.Fatalf("the buffer grew to %d bytes", most)
	}
	if len(lines) != 4 || lines[0] != "first" || lines[1] != "" || len(lines[2]) != 1024 || lines[3] != "last" {
		t.Fatalf("got %d lines", len(lines))
	}
	if longs[0] != 0 || longs[1] != int64(len(long)) || longs[2] != 0 || longs[3] != 0 {
		t.Fatalf("long %v", longs)
	}
}

// TestLineBoundBeforeCut: the bound counts a last line's bytes as the file
// has them. A line cut off inside its last character (an interrupted
// download) within the bound is read, with U+FFFD where that character
// was, though U+FFFD takes up to 2 bytes more than the cut one's (a 39-byte
// line under a 40-byte bound was "41 B long ... not read").
func TestLineBoundBeforeCut(t *testing.T) {
	tests := []struct {
		name, in string
		max      int
		line     string
		long     int64
	}{
		{"one byte of 3 cut, within", strings.Repeat("0", 38) + "\xe8", 40, strings.Repeat("0", 38) + "\uFFFD", 0},
		{"two bytes of 3 cut, at the bound", strings.Repeat("0", 38) + "\xe5\xa5", 40, strings.Repeat("0", 38) + "\uFFFD", 0},
		{"over the bound", strings.Repeat("0", 40) + "\xe8", 40, "", 41},
		{"whole, within", strings.Repeat("0", 37) + "好", 40, strings.Repeat("0", 37) + "好", 0},
	}
	for _, tt := range tests {
		lr := &lineReader{r: bufio.NewReaderSize(strings.NewReader("first\n"+tt.in), 16), max: tt.max}
		lines, longs, _ := readLines(t, lr)
		if len(lines) != 2 || lines[1] != tt.line || longs[1] != tt.long {
			t.Errorf("%s: last line %q (long %v), want %q (long %d)", tt.name, lines, longs, tt.line, tt.long)
		}
	}
}

// readLines reads every line of lr: the lines, each one's lr.long, and the
// most the reader's buffer held.
func readLines(t *testing.T, lr *lineReader) (lines []string, longs []int64, most int) {
	t.Helper()
	for {
		l, ok, err := lr.next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return lines, longs, most
		}
		lines = append(lines, string(l))
		longs = append(longs, lr.long)
		most = max(most, cap(lr.buf))
	}
}

// TestPooledReadersKeepFilesApart reads a directory of files in different
// encodings, sizes and formats, whose buffered readers are reused from file
// to file: each file reads exactly as it does alone.
func TestPooledReadersKeepFilesApart(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat(`{"conversation":"b","role":"agent","text":"您好，很高兴为您服务"}`+"\n", 3000) // over the buffers
	files := map[string][]byte{
		"a-big.jsonl":     []byte(big),
		"b-gbk.jsonl":     encodeWith(t, simplifiedchinese.GB18030, `{"conversation":"g","role":"customer","text":"在吗，这个颜色有货吗"}`+"\n"),
		"c-bom.jsonl":     []byte("\uFEFF" + `{"conversation":"m","role":"agent","text":"亲，在的"}` + "\n"),
		"d-utf16.csv":     encodeWith(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "role,text\r\nagent,您好\r\n"),
		"e-short.jsonl":   []byte(`{"conversation":"s","role":"agent","text":"好"}`),
		"f-big5.jsonl":    encodeWith(t, traditionalchinese.Big5, `{"conversation":"t","role":"customer","text":"請問這個顏色"}`+"\n"),
		"g-replies.jsonl": []byte(big[:200]),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	readOne := func(paths ...string) string {
		s := &recSink{}
		if err := ReadAll(context.Background(), paths, Options{Location: tzSH}, s); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range s.msgs {
			out = append(out, m.Pos.File+":"+msgLine(m))
		}
		for _, r := range s.rejects {
			out = append(out, r.Error())
		}
		return strings.Join(out, "\n")
	}
	var alone []string
	for _, name := range []string{"a-big.jsonl", "b-gbk.jsonl", "c-bom.jsonl", "d-utf16.csv", "e-short.jsonl", "f-big5.jsonl", "g-replies.jsonl"} {
		alone = append(alone, readOne(filepath.Join(dir, name)))
	}
	for round := 0; round < 3; round++ { // the pools hold readers of earlier rounds
		if got := readOne(dir); got != strings.Join(alone, "\n") {
			t.Fatalf("round %d: the directory reads differently from its files one by one:\n%.2000s", round, got)
		}
	}
}
