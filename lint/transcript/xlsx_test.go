package transcript

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// workbookParts are the parts of a test workbook; empty ones are left out.
// more are parts of its own (more worksheets), by name: one of them named
// as a part above takes its place.
type workbookParts struct {
	workbook, rels, sheetName, sheet, shared, styles string
	more                                             map[string]string
}

// xlsxBytes zips a workbook the way Excel lays one out.
func xlsxBytes(t testing.TB, p workbookParts) []byte {
	t.Helper()
	if p.workbook == "" {
		p.workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets><sheet name="聊天记录" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/></sheets></workbook>`
	}
	if p.sheetName == "" {
		p.sheetName = "xl/worksheets/sheet1.xml"
	}
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, part := range []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{"xl/workbook.xml", p.workbook},
		{"xl/_rels/workbook.xml.rels", p.rels},
		{p.sheetName, p.sheet},
		{"xl/worksheets/sheet2.xml", `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>不是这张</t></is></c></row></sheetData></worksheet>`},
		{"xl/sharedStrings.xml", p.shared},
		{"xl/styles.xml", p.styles},
	} {
		if _, ok := p.more[part.name]; part.body == "" || ok {
			continue
		}
		f, err := w.Create(part.name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(part.body))
	}
	for _, name := range slices.Sorted(maps.Keys(p.more)) {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(p.more[name]))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// shopWorkbook is an export as a shop's customer-service system writes it:
// shared strings (one with rich-text runs and a phonetic guide), a date
// cell in a built-in format, a date in a custom one, a time written as
// text, line breaks written as _x000D_, an inline string, a stored but
// empty row, a row without a text, a boolean in a column the reader does
// not know (已处理).
var shopWorkbook = workbookParts{
	shared: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">
<si><t>会话ID</t></si><si><t>时间</t></si><si><t>角色</t></si><si><t>客服</t></si><si><t>内容</t></si>
<si><t>在吗，这款有货吗</t></si>
<si><r><rPr><b/></rPr><t>您好，</t></r><r><t xml:space="preserve">有的_x000D_
请问要什么颜色</t></r><rPh sb="0" eb="1"><t>ニン</t></rPh></si>
<si><t>customer</t></si><si><t>agent</t></si></sst>`,
	styles: `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d\ h:mm:ss;@"/></numFmts>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="22"/><xf numFmtId="164"/><xf numFmtId="2"/></cellXfs></styleSheet>`,
	sheet: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="G1" t="inlineStr"><is><t>已处理</t></is></c></row>
<row r="2"><c r="A2"><v>1001</v></c><c r="B2" s="1"><v>46330.416666666664</v></c><c r="C2" t="s"><v>7</v></c><c r="E2" t="s"><v>5</v></c></row>
<row r="3"><c r="A3"><v>1001</v></c><c r="B3" s="2"><v>46330.41673611111</v></c><c r="C3" t="s"><v>8</v></c><c r="D3" t="inlineStr"><is><t>小美</t></is></c><c r="E3" t="s"><v>6</v></c></row>
<row r="4"><c r="A4" s="3"/><c r="E4" t="str"><v></v></c></row>
<row r="6"><c r="A6" t="str"><v>1002</v></c><c r="B6" t="str"><v>2026-11-04 10:05:00</v></c><c r="C6" t="inlineStr"><is><t>agent</t></is></c><c r="E6" t="inlineStr"><is><t>亲，在的</t></is></c><c r="G6" t="b"><v>1</v></c></row>
<row r="7"><c r="A7"><v>1002</v></c><c r="C7" t="inlineStr"><is><t>customer</t></is></c></row>
</sheetData></worksheet>`,
}

func TestXLSXReads(t *testing.T) {
	data := xlsxBytes(t, shopWorkbook)
	s := mustRead(t, "xlsx", string(data), Options{})
	want := []string{
		"1001|customer||text|在吗，这款有货吗@2",
		"1001|agent|小美|text|您好，有的\r\n请问要什么颜色@3",
		"1002|agent||text|亲，在的@6",
		"1002|customer||text|@7", // an empty text cell, as an empty csv field
	}
	if got := msgLines(s.msgs); got != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	times := []string{"2026-11-04 10:00:00", "2026-11-04 10:00:06", "2026-11-04 10:05:00"}
	for i, m := range s.msgs[:3] {
		if got := m.Time.In(tzSH).Format("2006-01-02 15:04:05"); got != times[i] {
			t.Errorf("message %d: time %s, want %s", i, got, times[i])
		}
	}
	if len(s.rejects) != 0 || len(s.skips) != 0 {
		t.Errorf("rejects %v, skips %v", s.rejects, s.skips)
	}
	// auto: by the magic bytes on stdin, by the extension in a directory
	if s := mustRead(t, "auto", string(data), Options{}); len(s.msgs) != 4 {
		t.Fatalf("auto from stdin: %d messages", len(s.msgs))
	}
	dir := t.TempDir()
	for name, body := range map[string][]byte{"day.xlsx": data, "~$day.xlsx": []byte("Excel's lock file")} {
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s = &recSink{}
	if err := ReadAll(context.Background(), []string{dir}, Options{Location: tzSH}, s); err != nil || len(s.msgs) != 4 || s.msgs[0].Pos.File != filepath.Join(dir, "day.xlsx") {
		t.Fatalf("directory: %v, %d messages", err, len(s.msgs))
	}
	// the mapping applies as to csv
	s = mustRead(t, "xlsx", string(data), Options{Mapping: &Mapping{Fields: map[string]string{"sender": "会话ID"}}})
	if s.msgs[0].Sender != "1001" {
		t.Errorf("--map sender=会话ID: %+v", s.msgs[0])
	}
}

func TestXLSXLayouts(t *testing.T) {
	sheet := `<worksheet><sheetData><row><c t="inlineStr"><is><t>role</t></is></c><c t="inlineStr"><is><t>text</t></is></c><c t="inlineStr"><is><t>time</t></is></c></row>` +
		`<row><c t="inlineStr"><is><t>agent</t></is></c><c t="inlineStr"><is><t>您好</t></is></c><c s="1"><v>1.5</v></c></row></sheetData></worksheet>`
	styles := `<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="22"/></cellXfs></styleSheet>`
	long := strings.Repeat("很长", 20) // 120 bytes
	tests := []struct {
		name  string
		parts workbookParts
		max   int    // Options.MaxRecordBytes
		want  string // the message, or the error
	}{
		{"sheet named by the relationships, cells without references",
			workbookParts{sheetName: "xl/worksheets/chat.xml", sheet: sheet, styles: styles,
				rels: `<Relationships><Relationship Id="rId2" Target="worksheets/sheet2.xml"/><Relationship Id="rId1" Target="worksheets/chat.xml"/></Relationships>`}, 0,
			"<stdin>|agent||text|您好@2 1899-12-31 12:00:00"},
		{"absolute target", workbookParts{sheetName: "xl/worksheets/chat.xml", sheet: sheet, styles: styles,
			rels: `<Relationships><Relationship Id="rId1" Target="/xl/worksheets/chat.xml"/></Relationships>`}, 0,
			"<stdin>|agent||text|您好@2 1899-12-31 12:00:00"},
		{"1904 date system", workbookParts{sheet: sheet, styles: styles,
			workbook: `<workbook><workbookPr date1904="1"/><sheets><sheet name="a" r:id="rId1"/></sheets></workbook>`}, 0,
			"<stdin>|agent||text|您好@2 1904-01-02 12:00:00"},
		{"no text column", workbookParts{sheet: `<worksheet><sheetData><row><c t="inlineStr"><is><t>谁</t></is></c></row></sheetData></worksheet>`}, 0,
			`no text column in the first row (cells: "谁")`},
		{"no worksheet", workbookParts{sheetName: "xl/worksheets/other.xml", sheet: sheet,
			workbook: `<workbook><sheets><sheet name="a" r:id="rId1"/></sheets></workbook>`}, 0,
			"the first worksheet (xl/worksheets/sheet1.xml) is missing"},
		{"no first worksheet, a second one", workbookParts{sheetName: "xl/worksheets/other.xml", sheet: sheet}, 0,
			`sheet "聊天记录" (visible): its part xl/worksheets/sheet1.xml is missing; sheet "说明" (visible): line 1: no text column in the first row (cells: "不是这张")`},
		{"an inline cell over the bound", workbookParts{sheet: strings.Replace(sheet, "您好", long, 1)}, 100,
			"row 2: a value runs over the 100 B a record may take"},
		{"a shared string over the bound", workbookParts{sheet: sheet, shared: "<sst><si><t>" + long + "</t></si></sst>"}, 100,
			"xl/sharedStrings.xml: a value runs over the 100 B a record may take"},
		{"a cell of many runs over the bound", workbookParts{sheet: strings.Replace(sheet, "<t>您好</t>", strings.Repeat("<r><t>您好</t></r>", 20), 1)}, 100,
			"row 2: a value runs over the 100 B a record may take"},
		{"under the bound", workbookParts{sheet: sheet, styles: styles}, 100, "<stdin>|agent||text|您好@2 1899-12-31 12:00:00"},
		{"broken XML", workbookParts{sheet: `<worksheet><sheetData><row><c t="inlineStr"><is><t>role`}, 0,
			"xl/worksheets/sheet1.xml: row 1: unexpected EOF"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := readData(t, "xlsx", string(xlsxBytes(t, tc.parts)), Options{Location: tzUTC, MaxRecordBytes: tc.max})
			got := ""
			if err != nil {
				got = err.Error()
			} else if len(s.msgs) == 1 {
				got = msgLine(s.msgs[0]) + " " + s.msgs[0].Time.UTC().Format("2006-01-02 15:04:05")
			}
			if !strings.Contains(got, tc.want) {
				t.Fatalf("got %q (%v), want %q", got, s.rejects, tc.want)
			}
		})
	}
	// a ZIP archive that is no workbook
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	f, _ := w.Create("readme.txt")
	f.Write([]byte("hi"))
	w.Close()
	if _, err := readData(t, "auto", b.String(), Options{}); err == nil || !strings.Contains(err.Error(), "a ZIP archive, not an Excel .xlsx workbook") {
		t.Fatalf("zip: %v", err)
	}
	// a text file named .xlsx
	if _, err := readData(t, "xlsx", "role,text\nagent,hi\n", Options{}); err == nil || !strings.Contains(err.Error(), "not an Excel .xlsx workbook") {
		t.Fatalf("text as xlsx: %v", err)
	}
}

var tzUTC = loadZoneOr8("UTC")

func TestIsDateFormat(t *testing.T) {
	for code, want := range map[string]bool{
		"General": false, "0.00": false, "#,##0": false, "@": false, `0.00_);[Red](0.00)`: false, `"d"0`: false,
		`\d0`: false, "[Red]0.00": false, "yyyy-mm-dd": true, "yyyy/m/d h:mm:ss;@": true, "[h]:mm": true,
		"[$-409]h:mm AM/PM": true, "m/d": true, `yyyy"年"m"月"d"日"`: true, "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"": true,
	} {
		if got := isDateFormat(code); got != want {
			t.Errorf("isDateFormat(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestExcelHelpers(t *testing.T) {
	// a serial under 1 is a time of day without a date (a column of times
	// beside a column of dates), as Excel shows it
	for serial, want := range map[float64]string{0: "00:00:00", 0.9993055555555556: "23:59:00", 46330.416666666664: "2026-11-04 10:00:00", 1.5: "1899-12-31 12:00:00"} {
		if got, _ := excelTime(serial, false); got != want {
			t.Errorf("excelTime(%v) = %s, want %s", serial, got, want)
		}
	}
	if _, ok := excelTime(-1, false); ok {
		t.Error("a negative serial is no date")
	}
	for ref, want := range map[string]int{"A1": 0, "Z9": 25, "AA1": 26, "AB7": 27, "XFD1": 16383} {
		if got, ok := columnIndex(ref); !ok || got != want {
			t.Errorf("columnIndex(%s) = %d, %v; want %d", ref, got, ok, want)
		}
	}
	if _, ok := columnIndex("12"); ok {
		t.Error("a reference without letters")
	}
	for in, want := range map[string]string{"a_x000D_b": "a\rb", "_x005F_x000D_": "_x000D_", "_xZZZZ_": "_xZZZZ_", "x_x4F60_": "x你", "_x12": "_x12"} {
		if got := unescapeXstring(in); got != want {
			t.Errorf("unescapeXstring(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzReadXLSX fuzzes a worksheet's XML inside a valid workbook: whatever
// the cells, the reader errors or yields well-formed messages and rejects.
func FuzzReadXLSX(f *testing.F) {
	f.Add(shopWorkbook.sheet)
	f.Add(`<worksheet><sheetData><row r="0"><c r="XFE1" t="s"><v>99</v></c><c r="A" s="-1"><v>1e308</v></c></row><row r="2"><c t="d"><v>2026-11-04T10:00:00</v></c></row></sheetData></worksheet>`)
	f.Add(`<worksheet><sheetData><row><c><is><t>内容</t></is></c></row><row><c t="inlineStr"><is><r><t>a</t></r><rPh><t>b</t></rPh></is></c></row>`)
	// shared strings beside inline strings, indexes out of range, the last
	// cell of a sheet, rows out of order, huge numbers and dates
	f.Add(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>2</v></c><c r="B1" t="inlineStr"><is><t>内容</t></is></c><c r="C1" t="s"><v>1</v></c></row>` +
		`<row r="1048576"><c r="XFD1048576" t="s"><v>18446744073709551616</v></c><c r="A1048576" t="s"><v>-1</v></c><c r="B1048576" t="inlineStr"><is><r><t>a</t></r><r><t xml:space="preserve"> _x000D_&#xD;</t></r></is></c><c r="C1048576" s="1"><v>1e308</v></c></row>` +
		`<row r="3"><c r="A3" t="s"><v>7</v></c><c r="B3" t="s"><v>6</v></c><c r="C3" s="2"><v>-46330.5</v></c></row><row r="4"><c r="B4" t="s"><v>8</v></c><c r="C4" s="1"><v>2958466</v></c></row></sheetData></worksheet>`)
	f.Add(`<worksheet><sheetData><row r="99999999999999999999"><c r="AAAAAAAAAAAAAAAAAAAA1"><v>` + strings.Repeat("9", 400) + `</v></c></row></sheetData></worksheet>`)
	// merged cells: over rows, columns, the header, a prefix, broken refs
	f.Add(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>会话ID</t></is></c><c r="B1" t="inlineStr"><is><t>内容</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>c1</t></is></c><c r="B2" t="inlineStr"><is><t>在吗</t></is></c></row><row r="3"><c r="B3" t="inlineStr"><is><t>在</t></is></c></row></sheetData>` +
		`<mergeCells count="4"><mergeCell ref="A2:A3"/><x:mergeCell ref="B3:C9"/><mergeCell ref="A1:A2"/><mergeCell ref="ZZZZ1:A"/></mergeCells></worksheet>`)
	f.Fuzz(func(t *testing.T, sheet string) {
		parts := shopWorkbook
		parts.sheet = sheet
		book := string(xlsxBytes(t, parts))
		s, err := readData(t, "xlsx", book, Options{})
		checkInvariants(t, s, err)
		s, err = readData(t, "xlsx", book, Options{MaxRecordBytes: 48}) // cells and runs over a bound
		checkInvariants(t, s, err)
		// (on standard input, gzip-compressed or not, copied, its bytes
		// counted for the progress line: half as they are copied, the
		// rest as the rows are read, adding up to the file's, read or
		// refused)
		for _, data := range []string{book, string(gzBytes([]byte(book)))} {
			var counted, copied int64
			told := false
			s, err = readData(t, "xlsx", data, Options{
				ReadBytes: func(n int64) {
					if n <= 0 {
						t.Fatalf("ReadBytes(%d)", n)
					}
					counted += n
				},
				CopyingBytes: func(n int64) {
					if n > 0 && (n <= copied || counted < n/2 || counted > n/2+bufSize) {
						t.Fatalf("CopyingBytes(%d) after %d, %d bytes counted: want the bytes copied growing, half of them counted", n, copied, counted)
					}
					copied, told = n, told || n > 0
				},
			})
			checkInvariants(t, s, err)
			if !told {
				t.Fatal("CopyingBytes told nothing: the workbook on standard input not copied")
			}
			if counted != int64(len(data)) {
				t.Fatalf("%d bytes counted, want the file's %d (error: %v)", counted, len(data), err)
			}
		}
	})
}

// xlsxFromRows writes rows as a workbook: text as shared strings, the cells
// of column timeCol (after the header row) as date serial numbers in a date
// format, as Excel stores times typed into it.
func xlsxFromRows(t testing.TB, rows [][]string, timeCol int) []byte {
	t.Helper()
	var sheet, shared strings.Builder
	sheet.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	shared.WriteString(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	n := 0
	for i, row := range rows {
		fmt.Fprintf(&sheet, `<row r="%d">`, i+1)
		for j, v := range row {
			ref := fmt.Sprintf("%c%d", 'A'+j, i+1)
			if j == timeCol && i > 0 {
				tm, err := time.Parse("2006-01-02 15:04:05", v)
				if err != nil {
					t.Fatal(err)
				}
				serial := tm.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
				fmt.Fprintf(&sheet, `<c r="%s" s="1"><v>%.10f</v></c>`, ref, serial)
				continue
			}
			var esc bytes.Buffer
			xml.EscapeText(&esc, []byte(strings.ReplaceAll(v, "\r", "_x000D_")))
			fmt.Fprintf(&shared, `<si><t xml:space="preserve">%s</t></si>`, esc.String())
			fmt.Fprintf(&sheet, `<c r="%s" t="s"><v>%d</v></c>`, ref, n)
			n++
		}
		sheet.WriteString(`</row>`)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	shared.WriteString(`</sst>`)
	return xlsxBytes(t, workbookParts{sheet: sheet.String(), shared: shared.String(),
		styles: `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy/m/d h:mm:ss"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`})
}

// TestXLSXSharedStringsBounded: a workbook whose shared strings run past
// the bound (a few kilobytes of zip can hold millions of empty <si/>) is a
// file error, not gigabytes of memory.
func TestXLSXSharedStringsBounded(t *testing.T) {
	defer func(n int) { maxSharedStrings = n }(maxSharedStrings)
	maxSharedStrings = 9
	p := shopWorkbook // nine shared strings: at the bound
	if _, err := readData(t, "xlsx", string(xlsxBytes(t, p)), Options{}); err != nil {
		t.Fatalf("shared strings at the bound: %v", err)
	}
	p.shared = `<sst>` + strings.Repeat(`<si/>`, 10) + `</sst>`
	_, err := readData(t, "xlsx", string(xlsxBytes(t, p)), Options{})
	if err == nil || !strings.Contains(err.Error(), "shared strings run past 9 entries") {
		t.Fatalf("10 shared strings with a bound of 9: %v", err)
	}
}

// TestXLSXSharedBytesBounded: the text of the shared strings is bounded
// too (their offsets are 32-bit): a workbook past it is a file error.
func TestXLSXSharedBytesBounded(t *testing.T) {
	defer func(n int64) { maxSharedBytes = n }(maxSharedBytes)
	maxSharedBytes = 64
	p := workbookParts{sheet: inlineSheet([]string{"角色", "内容"}, []string{"agent", "您好"})}
	p.shared = `<sst>` + strings.Repeat(`<si><t>0123456789</t></si>`, 6) + `</sst>` // 60 bytes: under the bound
	if _, err := readData(t, "xlsx", string(xlsxBytes(t, p)), Options{}); err != nil {
		t.Fatalf("shared strings under the bound: %v", err)
	}
	p.shared = `<sst>` + strings.Repeat(`<si><t>0123456789</t></si>`, 7) + `</sst>`
	_, err := readData(t, "xlsx", string(xlsxBytes(t, p)), Options{})
	if err == nil || !strings.Contains(err.Error(), "shared strings run past 64 B") {
		t.Fatalf("70 bytes of shared strings with a bound of 64: %v", err)
	}
}

// TestXLSXSharedBytesFitInt: every end of a shared string the bound lets
// through is a uint32 (as stored) and an int (as read back, by end), on
// 32-bit targets too.
func TestXLSXSharedBytesFitInt(t *testing.T) {
	if last := maxSharedBytes - 1; last > math.MaxUint32 || last > math.MaxInt {
		t.Errorf("maxSharedBytes %d lets through ends up to %d, past a uint32 (%d) or an int (%d)", maxSharedBytes, last, uint32(math.MaxUint32), math.MaxInt)
	}
}

// TestSharedStringsBlocks: a string that runs on from one block of the
// table into the next (or over several) reads whole, as does every
// string around it, and so do the strings past the first block of ends.
func TestSharedStringsBlocks(t *testing.T) {
	var sst sharedStrings
	var want []string
	add := func(s string) {
		if err := sst.add([]byte(s)); err != nil {
			t.Fatal(err)
		}
		want = append(want, s)
	}
	for i, n := range []int{0, 1<<sstBlockBits - 3, 7, 0, 5, 3 << sstBlockBits, 1, 1<<sstBlockBits - 1, 2} {
		add(strings.Repeat(string(rune('a'+i)), n))
	}
	for i := 0; sst.len() < 1<<sstEndBits+10; i++ {
		add(strconv.Itoa(i))
	}
	if sst.len() != len(want) {
		t.Fatalf("%d strings, want %d", sst.len(), len(want))
	}
	for i, w := range want {
		if got := sst.at(i); got != w {
			t.Errorf("string %d: %d bytes %.10q…, want %d bytes %.10q…", i, len(got), got, len(w), w)
		}
	}
}

// inlineSheet is a worksheet of inline strings, a row per slice ("" cells
// are not stored, as Excel leaves empty cells out).
func inlineSheet(rows ...[]string) string {
	var b strings.Builder
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r, row := range rows {
		fmt.Fprintf(&b, `<row r="%d">`, r+1)
		for c, v := range row {
			if v != "" {
				fmt.Fprintf(&b, `<c r="%c%d" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+c, r+1, v)
			}
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.String()
}

// TestTitleRowsAboveHeader: exports and the sheets QA staff keep often put
// a title (a merged cell), an export date or a row of column groups above
// the header. Rows above the first row that names the columns, each with
// fewer cells than it, are read past (the header may be on row 10), in a workbook and
// in a csv file, and the lines of the messages stay those of the file. A
// headerless file is still an error about its first row, not read from a
// later row that happens to hold 内容.
func TestTitleRowsAboveHeader(t *testing.T) {
	header := []string{"会话ID", "时间", "角色", "内容"}
	msg1 := []string{"M1", "2026-11-04 10:00:00", "customer", "在吗"}
	msg2 := []string{"M1", "2026-11-04 10:00:30", "agent", "在的亲"}
	csvOf := func(rows ...[]string) string {
		var b strings.Builder
		for _, r := range rows {
			b.WriteString(strings.Join(r, ",") + "\r\n")
		}
		return b.String()
	}
	for _, tc := range []struct {
		name  string
		rows  [][]string
		opts  Options
		lines []int  // of the messages
		err   string // a file error
	}{
		{name: "merged title", rows: [][]string{{"美洽客服聊天记录导出（2026-11-04）", "", "", ""}, header, msg1, msg2}, lines: []int{3, 4}},
		{name: "export date and operator", rows: [][]string{{"导出时间", "2026-11-05 09:00", "", ""}, {"导出人：质检-小王", "", "", ""}, header, msg1, msg2}, lines: []int{4, 5}},
		{name: "column groups", rows: [][]string{{"会话信息", "", "消息信息", ""}, header, msg1, msg2}, lines: []int{3, 4}},
		{name: "mapped by name", rows: [][]string{{"聊天记录", "", "", ""}, {"会话ID", "时间", "角色", "聊天文本"}, msg1, msg2},
			opts: Options{Mapping: &Mapping{Fields: map[string]string{"text": "聊天文本"}}}, lines: []int{3, 4}},
		{name: "no header", rows: [][]string{msg1, {"M1", "2026-11-04 10:00:30", "agent", "内容"}, msg2}, err: "line 1: no text column"},
		// nor from a later row with more cells filled than the first: a
		// row holding a time is data, not the header
		{name: "no header, an untimed first row", rows: [][]string{{"M1", "", "customer", "在吗"}, {"M1", "2026-11-04 10:00:30", "agent", "内容"}, msg2},
			err: "line 1: no text column"},
		{name: "title only", rows: [][]string{{"聊天记录", "", "", ""}, msg1, msg2}, err: `line 1: no text column in the `},
	} {
		for _, format := range []string{"csv", "xlsx"} {
			data := csvOf(tc.rows...)
			if format == "xlsx" {
				data = string(xlsxBytes(t, workbookParts{sheet: inlineSheet(tc.rows...)}))
			}
			s, err := readData(t, format, data, tc.opts)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("%s %s: %v, %d messages; want an error %q", tc.name, format, err, len(s.msgs), tc.err)
				}
				continue
			}
			if err != nil || len(s.rejects) > 0 || len(s.msgs) != len(tc.lines) {
				t.Errorf("%s %s: %v, rejects %v, %d messages", tc.name, format, err, s.rejects, len(s.msgs))
				continue
			}
			for i, m := range s.msgs {
				if m.Pos.Line != tc.lines[i] || m.Conversation != "M1" || !m.Timed() {
					t.Errorf("%s %s: message %d: %+v", tc.name, format, i, m)
				}
			}
		}
	}
}

// TestDateAndTimeColumns: exports that keep the date and the time of day in
// columns of their own (日期, 时间) are read with both: the time column's
// time of day on the date column's day, in a workbook (date cells and
// time-of-day cells) as in a csv. A reply after midnight comes after the
// question before it. A time of day without a date column is refused,
// saying so, not read as a day in 1899.
func TestDateAndTimeColumns(t *testing.T) {
	styles := `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="h:mm:ss"/></numFmts>
<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>`
	sheet := `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>会话ID</t></is></c><c r="B1" t="inlineStr"><is><t>日期</t></is></c><c r="C1" t="inlineStr"><is><t>时间</t></is></c><c r="D1" t="inlineStr"><is><t>角色</t></is></c><c r="E1" t="inlineStr"><is><t>内容</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>D1</t></is></c><c r="B2" s="1"><v>46330</v></c><c r="C2" s="2"><v>0.9993055555555556</v></c><c r="D2" t="inlineStr"><is><t>customer</t></is></c><c r="E2" t="inlineStr"><is><t>在吗</t></is></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>D1</t></is></c><c r="B3" s="1"><v>46331</v></c><c r="C3" s="2"><v>0.0006944444444444445</v></c><c r="D3" t="inlineStr"><is><t>agent</t></is></c><c r="E3" t="inlineStr"><is><t>在的亲</t></is></c></row>
</sheetData></worksheet>`
	csv := "会话ID,日期,时间,角色,内容\nD1,2026/11/4,23:59:00,customer,在吗\nD1,2026/11/5,0:01:00,agent,在的亲\n"
	want := []time.Time{time.Date(2026, 11, 4, 23, 59, 0, 0, tzSH), time.Date(2026, 11, 5, 0, 1, 0, 0, tzSH)}
	for _, tc := range []struct{ name, format, data string }{
		{"xlsx", "xlsx", string(xlsxBytes(t, workbookParts{sheet: sheet, styles: styles}))},
		{"csv", "csv", csv},
		{"csv, English", "csv", "Session,Date,Time,Role,Text\nD1,2026-11-04,23:59,customer,在吗\nD1,2026-11-05,00:01,agent,在的亲\n"},
		// dates at midnight, as a csv saved from date cells of a date and
		// time format holds them (the workbook's read as 2026-11-04 00:00:00)
		{"csv, dates at 0:00", "csv", "会话ID,日期,时间,角色,内容\nD1,2026/11/4 0:00,23:59:00,customer,在吗\nD1,2026-11-05 00:00,0:01:00,agent,在的亲\n"},
		// a 12-hour time of day, as a Chinese Windows writes it
		{"csv, 上午/下午", "csv", "会话ID,日期,时间,角色,内容\nD1,2026/11/4,下午 11:59:00,customer,在吗\nD1,2026/11/5,上午12:01,agent,在的亲\n"},
	} {
		format := tc.name
		s, err := readData(t, tc.format, tc.data, Options{})
		if err != nil || len(s.rejects) > 0 || len(s.msgs) != 2 {
			t.Fatalf("%s: %v, rejects %v, %d messages", format, err, s.rejects, len(s.msgs))
		}
		for i, m := range s.msgs {
			if !m.Time.Equal(want[i]) {
				t.Errorf("%s: message %d at %v, want %v", format, i, m.Time, want[i])
			}
		}
	}
	s, err := readData(t, "csv", "会话ID,时间,角色,内容\nD1,23:59:00,customer,在吗\n", Options{})
	if err != nil || len(s.rejects) != 1 || !strings.Contains(s.rejects[0].Err, "a time of day without a date") {
		t.Fatalf("time of day alone: %v, %v", err, s.rejects)
	}
}

// TestSerialWithoutDateFormat: a workbook's time column of date serials
// without a date format is refused with what to do in the workbook, not
// told to save the workbook it is as .xlsx.
func TestSerialWithoutDateFormat(t *testing.T) {
	sheet := `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>时间</t></is></c><c r="B1" t="inlineStr"><is><t>角色</t></is></c><c r="C1" t="inlineStr"><is><t>内容</t></is></c></row>
<row r="2"><c r="A2"><v>46330.4166667</v></c><c r="B2" t="inlineStr"><is><t>customer</t></is></c><c r="C2" t="inlineStr"><is><t>在吗</t></is></c></row>
</sheetData></worksheet>`
	for _, tc := range []struct{ format, data string }{
		{"xlsx", string(xlsxBytes(t, workbookParts{sheet: sheet}))},
		{"csv", "时间,角色,内容\n46330.4166667,customer,在吗\n"},
	} {
		s, err := readData(t, tc.format, tc.data, Options{})
		if err != nil || len(s.rejects) != 1 {
			t.Fatalf("%s: %v, rejects %v", tc.format, err, s.rejects)
		}
		why := s.rejects[0].Err
		if !strings.Contains(why, "Excel date serial") || !strings.Contains(why, "date format") || strings.Contains(why, "save the workbook as .xlsx") {
			t.Errorf("%s: %s", tc.format, why)
		}
	}
}

// TestXLSXOverlongChineseValue: a shared string or a cell of Chinese text
// over the bound is reported as over the bound, wherever the bound cuts a
// character. It was "XML syntax error on line 1: invalid UTF-8": the part
// is read 4 KiB at a time, the read that ran over failed, and encoding/xml
// found the character the read before had cut in two.
func TestXLSXOverlongChineseValue(t *testing.T) {
	for _, pad := range []string{"", "a", "ab"} { // the bound cuts 好 at each of its bytes
		long := pad + strings.Repeat("好", 20000)
		p := shopWorkbook
		p.shared = `<sst><si><t>` + long + `</t></si></sst>`
		_, err := readData(t, "xlsx", string(xlsxBytes(t, p)), Options{MaxRecordBytes: 10000})
		if err == nil || !strings.Contains(err.Error(), "a value runs over the") {
			t.Errorf("shared string, pad %q: %v", pad, err)
		}
		p = shopWorkbook
		p.sheet = `<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>` + long + `</t></is></c></row></sheetData></worksheet>`
		_, err = readData(t, "xlsx", string(xlsxBytes(t, p)), Options{MaxRecordBytes: 10000})
		if err == nil || !strings.Contains(err.Error(), "a value runs over the") {
			t.Errorf("inline string, pad %q: %v", pad, err)
		}
	}
}

// TestXLSXStylesBounded: a workbook whose styles hold more formats than the
// bound (440 KB of zip held 60 million <xf/>, read for a minute into a
// gigabyte of memory) is a file error, as too many shared strings are.
func TestXLSXStylesBounded(t *testing.T) {
	defer func(n int) { maxCellFormats = n }(maxCellFormats)
	maxCellFormats = 5
	p := shopWorkbook // one custom number format, four cell formats: at the bound
	if _, err := readData(t, "xlsx", string(xlsxBytes(t, p)), Options{}); err != nil {
		t.Fatalf("styles at the bound: %v", err)
	}
	for _, styles := range []string{
		`<styleSheet><cellXfs>` + strings.Repeat(`<xf numFmtId="0"/>`, 6) + `</cellXfs></styleSheet>`,
		`<styleSheet><cellStyleXfs>` + strings.Repeat(`<xf/>`, 6) + `</cellStyleXfs></styleSheet>`,
		`<styleSheet><numFmts>` + strings.Repeat(`<numFmt numFmtId="164" formatCode="yyyy"/>`, 6) + `</numFmts></styleSheet>`,
	} {
		p.styles = styles
		_, err := readData(t, "xlsx", string(xlsxBytes(t, p)), Options{})
		if err == nil || !strings.Contains(err.Error(), "styles run past 5 formats") {
			t.Errorf("%s: %v", styles, err)
		}
	}
}
