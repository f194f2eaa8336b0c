package transcript

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestTrailingEmptyHeaderCells: Excel writes a header row's empty cells
// after the last name (time,sender,role,text,,,) when a column was once
// used. They are absent: a row may have fewer or more trailing empty cells
// than the header row without being malformed, in a csv, a tsv, a
// workbook and a canned-reply table alike, deferred to the engine's
// workers or not. A value under an empty header cell is ignored, as one in
// any column nobody named is (a row number, a note); one past the header
// row's cells in a csv is a wrong field count.
func TestTrailingEmptyHeaderCells(t *testing.T) {
	header := []string{"time", "sender", "role", "text", "", "", ""}
	row := func(cells ...string) []string { return cells }
	base := []string{"2026-11-04 10:00:00", "tb_buyer", "customer", "在吗"}
	for _, tc := range []struct {
		name   string
		header []string
		rows   [][]string
		opts   Options
		want   []string // per data row: "ok" or part of its reason
		xlsx   []string // in a workbook, when not want
	}{
		{name: "rows without the trailing cells", header: header,
			rows: [][]string{base, base}, want: []string{"ok", "ok"}},
		{name: "fewer or more trailing empty cells", header: header,
			rows: [][]string{append(slices.Clone(base), ""), append(slices.Clone(base), "", "", ""), append(slices.Clone(base), "", " ", "", "", "", "")},
			want: []string{"ok", "ok", "ok"}},
		{name: "a value under an empty header cell", header: header,
			rows: [][]string{base, append(slices.Clone(base), "", "备注")},
			want: []string{"ok", "ok"}},
		// the reason counts the header row's cells, empty ones included,
		// and says how many of them are named: a row may have 4 to 7
		{name: "a value past the header row", header: header,
			rows: [][]string{append(slices.Clone(base), "", "", "", "", "x")},
			want: []string{"record has 9 fields, the header row has 7 cells, 4 of them named (unbalanced quotes or a stray "},
			xlsx: []string{"ok"}}, // a workbook's cells past the header: unnamed
		{name: "too few fields", header: header,
			rows: [][]string{row("2026-11-04 10:00:00", "tb_buyer", "customer")},
			want: []string{"record has 3 fields, the header row has 7 cells, 4 of them named (a line break in a field without quotes, or a missing "},
			xlsx: []string{"ok"}}, // a workbook's row may stop short: its text is empty
		// a header row without empty cells: its width is its names'
		{name: "a value past a header row of names", header: header[:4],
			rows: [][]string{append(slices.Clone(base), "x")},
			want: []string{"record has 5 fields, the header has 4 (unbalanced quotes or a stray "},
			xlsx: []string{"ok"}},
		// a column mapped by number under an empty header cell is read
		{name: "mapped to an unnamed column", header: []string{"time", "role", "text", "", ""},
			rows: [][]string{row("2026-11-04 10:00:00", "customer", "在吗", "tb_buyer"), row("2026-11-04 10:00:00", "customer", "在吗", "tb_buyer", "", "")},
			opts: Options{Mapping: &Mapping{Fields: map[string]string{"sender": "4"}}},
			want: []string{"ok", "ok"}},
		// blanks in the header's last cells are empty too
		{name: "blank trailing header cells", header: []string{"time", "sender", "role", "text", " ", "　"},
			rows: [][]string{base}, want: []string{"ok"}},
	} {
		for _, format := range []string{"csv", "tsv", "xlsx"} {
			for _, deferring := range []bool{false, true} {
				if format == "xlsx" && deferring {
					continue // a workbook's rows are read by the reader
				}
				name := fmt.Sprintf("%s/%s/deferring=%v", tc.name, format, deferring)
				sep := ","
				if format == "tsv" {
					sep = "\t"
				}
				var b strings.Builder
				for _, r := range append([][]string{tc.header}, tc.rows...) {
					b.WriteString(strings.Join(r, sep) + "\r\n")
				}
				data := b.String()
				if format == "xlsx" {
					data = string(xlsxBytes(t, workbookParts{sheet: storedSheet(append([][]string{tc.header}, tc.rows...)...)}))
				}
				var got []string
				if deferring {
					got = readDeferredOutcomes(t, format, data, tc.opts)
				} else {
					s, err := readData(t, format, data, tc.opts)
					if err != nil {
						t.Errorf("%s: %v", name, err)
						continue
					}
					got = outcomes(s, len(tc.rows))
				}
				want := tc.want
				if format == "xlsx" && tc.xlsx != nil {
					want = tc.xlsx
				}
				if len(got) != len(want) {
					t.Errorf("%s: got %q, want %q", name, got, want)
					continue
				}
				for i, w := range want {
					if w == "ok" && got[i] != "ok" || w != "ok" && !strings.Contains(got[i], w) {
						t.Errorf("%s: row %d: got %q, want %q", name, i+2, got[i], w)
					}
				}
			}
		}
	}
}

// outcomes says, per data row of a table (lines 2 on), "ok" when it was
// read as a message or its reason when it was rejected.
func outcomes(s *recSink, rows int) []string {
	out := make([]string, rows)
	for _, m := range s.msgs {
		if i := m.Pos.Line - 2; i >= 0 && i < rows {
			out[i] = "ok"
		}
	}
	for _, r := range s.rejects {
		if i := r.Pos.Line - 2; i >= 0 && i < rows {
			out[i] = r.Err
		}
	}
	return out
}

// readDeferredOutcomes reads a table as the engine does, its rows parsed on
// the workers (see readEvents), and gives outcomes' answer, in the order
// of the rows.
func readDeferredOutcomes(t *testing.T, format, data string, opts Options) []string {
	t.Helper()
	opts.Format, opts.Stdin, opts.Location = format, strings.NewReader(data), tzSH
	events, deferred := readEvents(true, func(sink lint.Sink) error {
		return ReadAll(context.Background(), []string{"-"}, opts, sink)
	})
	if deferred == 0 {
		t.Errorf("%s %q: no row deferred", format, data)
	}
	var out []string
	for _, e := range events {
		switch {
		case strings.HasPrefix(e, "message "):
			out = append(out, "ok")
		case strings.HasPrefix(e, "reject "):
			out = append(out, e)
		}
	}
	return out
}

// storedSheet is a worksheet of inline strings, a row per slice, with its
// empty cells stored (as Excel stores a cell that was once used, or one
// with a format): the header's trailing empty cells are in the file.
func storedSheet(rows ...[]string) string {
	var b strings.Builder
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r, row := range rows {
		fmt.Fprintf(&b, `<row r="%d">`, r+1)
		for c, v := range row {
			fmt.Fprintf(&b, `<c r="%c%d" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+c, r+1, v)
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.String()
}

// TestCannedTableTrailingEmptyHeaderCells: a canned-reply table's header
// with empty cells after its names reads as one without them.
func TestCannedTableTrailingEmptyHeaderCells(t *testing.T) {
	s, err := readCannedFile(t, "r.csv", "快捷键,话术,,,\n/hi,您好\n/a,在的,\n/b,好的,,,,\n/c,再见,,备注\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"L2 c5 r* 您好", "L3 c4 r* 在的", "L4 c4 r* 好的",
		"L5 c4 r* 再见"}
	if got := cannedRecordsOf(s); !slices.Equal(got, want) {
		t.Errorf("read\n got %q\nwant %q", got, want)
	}
}
