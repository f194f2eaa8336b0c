package main

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/report"
	"github.com/chatlint/chatlint/lint/transcript"
)

// TestProgressLineEnglish: the progress line is a message of the command
// line, in English as all of them are (the reports are in Chinese), and
// says how much of how much was read.
func TestProgressLineEnglish(t *testing.T) {
	for _, total := range []int64{-1, 2_000_000} {
		p := &progress{total: total, width: 100, started: time.Now().Add(-time.Second)}
		p.read.Store(1_000_000)
		p.records.Store(4096)
		line := p.line()
		for _, r := range line {
			if unicode.Is(unicode.Han, r) {
				t.Errorf("total %d: progress line %q is not in English", total, line)
				break
			}
		}
		if !strings.Contains(line, "4096 records") {
			t.Errorf("total %d: progress line %q does not count the records", total, line)
		}
		// the size of the input next to what was read of it, not after
		// the throughput ("1.0 MB/s / 2.0 MB")
		if total > 0 && !strings.Contains(line, " 50% 1.0 MB of 2.0 MB  ") {
			t.Errorf("progress line %q does not say 1.0 MB of 2.0 MB read", line)
		}
	}
}

// TestProgressWanted: the progress line is drawn on a terminal when asked
// for, NO_COLOR or not (it has no colours); not on a TERM=dumb terminal,
// which would print its erase-line sequence as it is; never piped.
func TestProgressWanted(t *testing.T) {
	for _, tt := range []struct {
		enabled, terminal bool
		env               map[string]string
		want              bool
	}{
		{true, true, map[string]string{"TERM": "xterm-256color"}, true},
		{true, true, map[string]string{"TERM": "xterm", "NO_COLOR": "1"}, true},
		{true, true, map[string]string{}, true}, // no TERM (Windows consoles)
		{true, true, map[string]string{"TERM": "dumb"}, false},
		{true, true, map[string]string{"TERM": "dumb", "NO_COLOR": "1"}, false},
		{true, false, map[string]string{"TERM": "xterm"}, false},
		{false, true, map[string]string{"TERM": "xterm"}, false},
	} {
		getenv := func(k string) string { return tt.env[k] }
		if got := progressWanted(tt.enabled, tt.terminal, getenv); got != tt.want {
			t.Errorf("enabled %v, terminal %v, %v: progress %v, want %v", tt.enabled, tt.terminal, tt.env, got, tt.want)
		}
	}
	// the line is plain text: nothing of it needs colours NO_COLOR turns off
	p := &progress{total: 100, width: 80, started: time.Now().Add(-time.Second)}
	if line := p.line(); strings.Contains(line, "\x1b") {
		t.Errorf("the progress line holds escape sequences: %q", line)
	}
}

// TestInputSizeOfStdin: standard input redirected from a file (lint <
// day.jsonl) has a size, what is left of it to read, which the progress
// line shows as a share, and is counted under "-" among the files' sizes
// (transcript.Options.Counted); a pipe has none, nor any size counted.
// Before, - always made it unknown.
func TestInputSizeOfStdin(t *testing.T) {
	dir := t.TempDir()
	day := filepath.Join(dir, "day.jsonl")
	if err := os.WriteFile(day, []byte(strings.Repeat("x", 1000)), 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.jsonl")
	if err := os.WriteFile(other, []byte(strings.Repeat("y", 300)), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(day)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	opts := transcript.Options{Format: "auto"}
	check := func(what string, paths []string, stdin io.Reader, want int64, wantSizes map[string]int64) {
		t.Helper()
		total, sizes := inputSizes(paths, opts, stdin)
		if total != want || !maps.Equal(sizes, wantSizes) {
			t.Errorf("%s: size %d, sizes %v; want %d, %v", what, total, sizes, want, wantSizes)
		}
		if want < 0 && sizes != nil {
			t.Errorf("%s: sizes %v of an unknown total, want nil", what, sizes)
		}
	}
	check("lint - < day.jsonl", []string{"-"}, f, 1000, map[string]int64{"-": 1000})
	check("lint other.jsonl - < day.jsonl", []string{other, "-"}, f, 1300, map[string]int64{other: 300, "-": 1000})
	if _, err := f.Seek(400, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	check("standard input 400 bytes in", []string{"-"}, f, 600, map[string]int64{"-": 600})
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	defer pw.Close()
	check("a pipe", []string{"-"}, pr, -1, nil)
	check("a reader", []string{"-"}, strings.NewReader("abc"), -1, nil)
	check("no -", []string{other}, pr, 300, map[string]int64{other: 300})
}

// TestProgressLineFits: the progress line is narrower than the terminal
// however the terminal draws characters of ambiguous East Asian width
// (a Chinese Windows console draws them two columns wide): its bar of █
// and ░ took twice the width there, wrapped, and every redraw left a line;
// and a narrow terminal wrapped what the bar counts.
func TestProgressLineFits(t *testing.T) {
	for _, term := range []int{21, 40, 80, 200} {
		for _, total := range []int64{-1, 2_000_000} {
			for _, read := range []int64{0, 1, 1_000_000, 2_000_000, 3_000_000} {
				p := &progress{total: total, width: term, started: time.Now().Add(-time.Second)}
				p.read.Store(read)
				p.records.Store(4096)
				line := p.line()
				cols := 0
				for _, r := range line {
					switch width.LookupRune(r).Kind() {
					case width.EastAsianAmbiguous, width.EastAsianWide, width.EastAsianFullwidth:
						cols += 2
					default:
						cols++
					}
				}
				if cols >= term {
					t.Errorf("%d columns, %d of %d read: the line %q takes %d columns drawn wide", term, read, total, line, cols)
				}
			}
		}
	}
}

// TestFitLineColumns: the progress line is cut to the terminal's width in
// the columns the reports count (report.DisplayWidth, which FuzzDisplayWidth
// covers: an emoji takes two), by whole fields where it can, and never
// within a character. Cut by bytes, with a width of its own that knew no
// emoji, an emoji's bytes were split (drawn as replacement characters) and
// a field of emoji was kept past the edge; cut by code points, a flag was
// halved (🇨 alone) and an emoji lost the U+FE0F or skin tone after it.
func TestFitLineColumns(t *testing.T) {
	for _, tt := range []struct {
		line  string
		width int
		want  string
	}{
		{"[=====>    ]  50%  4096 records", 40, "[=====>    ]  50%  4096 records"},
		{"[=====>    ]  50%  4096 records", 25, "[=====>    ]  50%"},
		// a field of emoji: each takes two columns, and is kept whole
		{"reading...  👩‍💻👍🏻❤️小美  12 records", 23, "reading...  👩‍💻👍🏻❤️小美"},
		{"reading...  👩‍💻👍🏻❤️小美  12 records", 22, "reading..."},
		// one field too wide for the line: cut after a whole character
		{"😀😀😀😀😀😀", 8, "😀😀😀"},
		{"客服记录客服记录", 10, "客服记录"},
		{"a😀b", 3, "a"},
		// a character as drawn is kept whole, not its first code point:
		// a flag's two regional indicators, an emoji and its U+FE0F or
		// skin tone, a ZWJ sequence, a letter and its combining mark
		{"a🇨🇳🇯🇵", 4, "a🇨🇳"},
		{"a🇨🇳🇯🇵", 3, "a"},
		{"🇨🇳🇨🇳🇨🇳", 6, "🇨🇳🇨🇳"},
		{"a❤️b", 3, "a"},
		{"a✌🏻b", 3, "a"},
		{"ab👩‍💻", 4, "ab"},
		{"e\u0301e\u0301e\u0301", 3, "e\u0301e\u0301"},
		{"客服🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", 6, "客服"},
	} {
		got := fitLine(tt.line, tt.width)
		if got != tt.want {
			t.Errorf("fitLine(%q, %d) = %q, want %q", tt.line, tt.width, got, tt.want)
		}
		if !utf8.ValidString(got) || report.DisplayWidth(got) >= tt.width {
			t.Errorf("fitLine(%q, %d) = %q: %d columns, or cut within a character", tt.line, tt.width, got, report.DisplayWidth(got))
		}
		if !strings.HasPrefix(tt.line, got) {
			t.Errorf("fitLine(%q, %d) = %q: not a start of the line", tt.line, tt.width, got)
		}
	}
}

// TestProgressLeavesOutReports: the progress line's total is what is
// read: a report chatlint wrote into the directory walked, which the walk
// leaves out once it has read its start (a31c498), comes off the total
// when it is left out, and the line reaches 100% (it stopped at the share
// of the transcripts, here under 1%).
func TestProgressLeavesOutReports(t *testing.T) {
	dir := t.TempDir()
	day := `{"conversation":"c1","role":"customer","text":"在吗"}` + "\n"
	sarif := "{\n  \"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json\",\n" +
		strings.Repeat("  \"x\": 1,\n", 20000) + "}\n"
	for name, data := range map[string]string{"day.jsonl": day, "report.json": sarif} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts := transcript.Options{Format: "auto", OwnFile: ownFile, Mixed: &transcript.MixedEncodings{}}
	total, sizes := inputSizes([]string{dir}, opts, nil)
	p := &progress{total: total, width: 100, started: time.Now().Add(-time.Second)}
	if want := int64(len(day) + len(sarif)); p.total != want {
		t.Fatalf("total %d, want %d (the walk's files)", p.total, want)
	}
	p.watch(&opts, sizes)
	if err := transcript.ReadAll(context.Background(), []string{dir}, opts, nopSink{}); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf(" 100%% %s of %s ", mib(int64(len(day))), mib(int64(len(day))))
	if line := p.draw(); !strings.Contains(line, want) {
		t.Errorf("progress line %q at the end, want %q", line, want)
	}
}

// nopSink takes the records read, and keeps nothing.
type nopSink struct{}

func (nopSink) File(string)                       {}
func (nopSink) Message(lint.Message) error        { return nil }
func (nopSink) Reject(lint.RecordError) error     { return nil }
func (nopSink) SkipRecord(lint.Pos, string) error { return nil }

// TestProgressFileChangedSince: a file written to after the run counted
// the input's size made the line pass its total ("100% 0.6 MB of 0.3
// MB"), and one cut short of it stop short of 100%; the total now follows
// each file as it is read, a file named or on standard input, and the
// line ends at 100% of what was read.
func TestProgressFileChangedSince(t *testing.T) {
	dir := t.TempDir()
	line := `{"conversation":"c1","role":"customer","text":"在吗"}` + "\n"
	day := filepath.Join(dir, "day.jsonl")
	piped := filepath.Join(dir, "piped.jsonl")
	for _, p := range []string{day, piped} {
		if err := os.WriteFile(p, []byte(strings.Repeat(line, 20000)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdin, err := os.Open(piped)
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	opts := transcript.Options{Format: "auto", Mixed: &transcript.MixedEncodings{}, Stdin: stdin}
	total, sizes := inputSizes([]string{day, "-"}, opts, stdin)
	if want := int64(2 * 20000 * len(line)); total != want || sizes["-"] != want/2 {
		t.Fatalf("total %d (standard input %d), want %d", total, sizes["-"], want)
	}
	// day.jsonl written to, the file on standard input cut
	f, err := os.OpenFile(day, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(strings.Repeat(line, 20000))
	f.Close()
	if err := os.Truncate(piped, int64(2000*len(line))); err != nil {
		t.Fatal(err)
	}
	p := &progress{total: total, width: 100, started: time.Now().Add(-time.Second)}
	p.watch(&opts, sizes)
	if err := transcript.ReadAll(context.Background(), []string{day, "-"}, opts, nopSink{}); err != nil {
		t.Fatal(err)
	}
	read := int64(42000 * len(line))
	want := fmt.Sprintf(" 100%% %s of %s ", mib(read), mib(read))
	if line := p.draw(); !strings.Contains(line, want) {
		t.Errorf("progress line %q at the end, want %q", line, want)
	}
}

// drawingReader reads data a chunk at a time, as a pipe does, and has
// the progress line drawn before each read.
type drawingReader struct {
	data  []byte
	p     *progress
	lines []string
}

func (r *drawingReader) Read(b []byte) (int, error) {
	r.lines = append(r.lines, r.p.draw())
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	n := copy(b[:min(len(b), 64<<10)], r.data)
	r.data = r.data[n:]
	return n, nil
}

// storedWorkbook is an .xlsx workbook of n rows of chat, its parts
// stored (not compressed), a few bytes of the file for each character.
func storedWorkbook(t *testing.T, n int) []byte {
	t.Helper()
	var sheet strings.Builder
	sheet.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	cell := func(ref string, v string) string {
		return `<c r="` + ref + `" t="inlineStr"><is><t>` + v + `</t></is></c>`
	}
	for i := range n + 1 {
		row := []string{"conversation", "role", "text"}
		if i > 0 {
			row = []string{fmt.Sprintf("c%d", i/4), []string{"customer", "agent"}[i%2], fmt.Sprintf("您好，第 %d 条消息", i)}
		}
		fmt.Fprintf(&sheet, `<row r="%d">%s%s%s</row>`, i+1, cell(fmt.Sprintf("A%d", i+1), row[0]), cell(fmt.Sprintf("B%d", i+1), row[1]), cell(fmt.Sprintf("C%d", i+1), row[2]))
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	var b strings.Builder
	w := zip.NewWriter(&b)
	for _, part := range []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="聊天记录" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/worksheets/sheet1.xml", sheet.String()},
	} {
		f, err := w.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(f, part.body)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return []byte(b.String())
}

// drawingSink takes the records read, having the progress line drawn
// at each message.
type drawingSink struct {
	nopSink
	p     *progress
	lines []string
}

func (s *drawingSink) Message(lint.Message) error {
	s.lines = append(s.lines, s.p.draw())
	return nil
}

// TestProgressWhileWorkbookCopied: a workbook on standard input (or
// gzip-compressed) is copied whole before its rows are read. The line
// stood still through the copy at "reading... 0.0 MB", or 0%, as its
// bytes were counted as its rows were read; since 0c2e0c3 it counted the
// bytes copied, to 100% ("copying a workbook... 3.1 MB", "100% 3.1 MB of
// 3.1 MB  copying a workbook"), then went back to where it stood before
// the copy for the rows, 0% again, "reading... 0.0 MB", as a job of its
// own; since e3c0e86 the copy counted half of the file's bytes and the
// rows the other half, as one job, and the line said half the bytes
// received as those read ("26% 1.6 MB of 6.1 MB  copying a workbook",
// 3.2 MB received; "reading... 1.6 MB  copying a workbook"). With a bar
// (the size known) the bar is one job still, which never goes back, and
// the line says the bytes received in place of its count during the copy
// ("26%  copying a workbook: 3.2 MB"), then the bar's count for the rows,
// on from half; without one, it counts the bytes as they are received,
// and the rows none ("reading... 3.2 MB  copying a workbook", then
// "reading... 6.1 MB" as the rows are read).
func TestProgressWhileWorkbookCopied(t *testing.T) {
	book := storedWorkbook(t, 30000)
	size := int64(len(book))
	for _, known := range []bool{false, true} {
		t.Run(fmt.Sprintf("size known=%v", known), func(t *testing.T) {
			total, sizes := int64(-1), map[string]int64(nil)
			if known {
				// (lint - < book.xlsx: standard input a regular file)
				total, sizes = size, map[string]int64{"-": size}
			}
			p := &progress{total: total, width: 120, started: time.Now().Add(-time.Second)}
			stdin := &drawingReader{data: book, p: p}
			sink := &drawingSink{p: p}
			opts := transcript.Options{Format: "auto", Mixed: &transcript.MixedEncodings{}, Stdin: stdin, Location: time.UTC}
			p.watch(&opts, sizes)
			if err := transcript.ReadAll(context.Background(), []string{"-"}, opts, sink); err != nil {
				t.Fatal(err)
			}
			// (the lines drawn as the workbook was copied, 64 KiB a read,
			// from the third read on: the first two tell it a workbook;
			// then those drawn as its rows were read, and the last)
			copying, rows := stdin.lines[3:], append(sink.lines, p.draw())
			copyLine := regexp.MustCompile(`^reading\.\.\. ([0-9.]+) MB  copying a workbook  0 records  `)
			rowLine := regexp.MustCompile(`^reading\.\.\. ([0-9.]+) MB  [0-9]+ records?  `)
			if known {
				copyLine = regexp.MustCompile(`^\[[=> ]+\] +([0-9]+)%  copying a workbook: ([0-9.]+) MB  0 records  `)
				rowLine = regexp.MustCompile(`^\[[=> ]+\] +([0-9]+)% ([0-9.]+) MB of ` + regexp.QuoteMeta(mib(size)) + `  [0-9]+ records?  `)
			}
			lastMB, lastPct := 0.0, 0
			for i, l := range copying {
				m := copyLine.FindStringSubmatch(l)
				if m == nil {
					t.Fatalf("line %q, the %d-th drawn as the workbook was copied, want it to match %s", l, i+1, copyLine)
				}
				// (the bytes received by then, and with a bar half of them)
				received := float64(size) * float64(i+1) / float64(len(copying)) / 1e6
				mb, _ := strconv.ParseFloat(m[len(m)-1], 64)
				if mb < received-0.2 || mb > received+0.2 || mb < lastMB {
					t.Fatalf("line %q at the workbook's read %d, want about %.1f MB, what was received", l, i+4, received)
				}
				lastMB = mb
				if known {
					pct, _ := strconv.Atoi(m[1])
					if want := 100 * received * 1e6 / float64(size) / 2; float64(pct) < want-3 || float64(pct) > want+3 || pct < lastPct {
						t.Fatalf("line %q at the workbook's read %d, want about %.0f%%, half of the copy's", l, i+4, want)
					}
					lastPct = pct
				}
			}
			if known {
				lastMB = 0 // (the bar's count from here, on from its percent)
			}
			for i, l := range rows {
				m := rowLine.FindStringSubmatch(l)
				if m == nil {
					t.Fatalf("line %q, the %d-th drawn as the rows were read, want it to match %s", l, i+1, rowLine)
				}
				mb, _ := strconv.ParseFloat(m[len(m)-1], 64)
				pct, _ := strconv.Atoi(m[1])
				if mb < lastMB || known && pct < lastPct {
					t.Fatalf("line %q after %.1f MB, %d%%: want the line never to go back", l, lastMB, lastPct)
				}
				if i == 0 {
					// (with a bar, on from half the workbook, where the
					// copy left it; without, all of it received)
					if want := float64(size) / 1e6; !known && mb < want-0.1 || known && (mb < want/2-0.2 || pct < 48) {
						t.Errorf("line %q at the first row: want it on from the copy", l)
					}
				}
				lastMB, lastPct = mb, pct
			}
			want := "reading... " + mib(size) + "  "
			if known {
				want = fmt.Sprintf(" 100%% %s of %s  ", mib(size), mib(size))
			}
			if end := rows[len(rows)-1]; !strings.Contains(end, want) {
				t.Errorf("line %q at the end, want %q", end, want)
			}
		})
	}
}
