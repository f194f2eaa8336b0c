package transcript

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// rowsTrace reads every row of a rowSource (at most limit calls) and writes
// down what each call gave: fields, line, per-record error, file error.
func rowsTrace(next func() ([]string, int, string, error), limit int) string {
	var b strings.Builder
	for range limit {
		fields, line, perr, err := next()
		fmt.Fprintf(&b, "%q @%d %q", fields, line, perr)
		if err != nil {
			fmt.Fprintf(&b, " error %q %T", err.Error(), err)
		}
		b.WriteByte('\n')
		if err != nil || fields == nil && perr == "" {
			break
		}
	}
	return b.String()
}

// checkRowsAgree reads the worksheet of book with the scanner and with the
// encoding/xml reference and fails when the rows, their lines, the
// per-record errors or the file error differ.
func checkRowsAgree(t testing.TB, book []byte, max int) {
	t.Helper()
	wb, err := openTestWorkbook(book)
	if err != nil {
		t.Fatal(err)
	}
	wb.max = max // for the worksheet alone: the other parts' runs are longer
	rows, err := wb.sheetRows(wb.sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.close()
	ref, err := wb.refSheetRows()
	if err != nil {
		t.Fatal(err)
	}
	defer ref.close()
	got, want := rowsTrace(rows.next, 1e5), rowsTrace(ref.next, 1e5)
	if got != want {
		t.Fatalf("max %d: the scanner read\n%s\nencoding/xml read\n%s", max, clip(got), clip(want))
	}
}

// checkSharedStringsAgree reads the shared strings of book with the scanner
// and with the encoding/xml reference and fails when they differ.
func checkSharedStringsAgree(t testing.TB, book []byte, max int) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var f *zip.File
	for _, zf := range zr.File {
		if zf.Name == "xl/sharedStrings.xml" {
			f = zf
		}
	}
	if f == nil {
		t.Fatal("no shared strings")
	}
	wb := &workbook{max: max}
	err = wb.readSharedStrings(f)
	want, werr := wb.refSharedStrings(f)
	strs := make([]string, wb.sst.len())
	for i := range strs {
		strs[i] = wb.sst.at(i)
	}
	got := fmt.Sprintf("%q %v", strs, err)
	if w := fmt.Sprintf("%q %v", want, werr); got != w {
		t.Fatalf("max %d: the scanner read\n%s\nencoding/xml read\n%s", max, clip(got), clip(w))
	}
}

// clip shortens a trace for a failure message.
func clip(s string) string {
	if len(s) > 4000 {
		return s[:2000] + " … " + s[len(s)-2000:]
	}
	return s
}

// sheetXML wraps rows in a worksheet as Excel writes one.
func sheetXML(rows string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:E9"/><sheetData>` +
		rows + `</sheetData><pageMargins left="0.7" right="0.7"/></worksheet>`
}

// agreeCases are worksheets (rows, or whole documents when they start with
// an XML declaration or a byte-order mark) the scanner reads, declines in
// part, or fails on.
var agreeCases = []string{
	// what Excel, WPS and LibreOffice write
	`<row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>46330.5</v></c><c r="C1" t="inlineStr"><is><t>你好</t></is></c></row>`,
	`<row r="2"><c r="A2" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">您好，</t></r><r><t xml:space="preserve"> 在的_x000D_
 </t></r><rPh sb="0" eb="1"><t>ニン</t></rPh></is></c></row>`,
	`<row r='3'><c t='str' r='D3' s='0'><v>a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos;</v></c></row>`,
	`<row r="4"><c r="A4" t="inlineStr"><is><t>&#20320;&#x4F60;&#x4f60;&#65;</t></is></c><c r="B4"/><c r="C4" t="b"><v>1</v></c><c r="D4" t="e"><v>#N/A</v></c><c t="d"><v>2026-11-04T10:00:00</v></c></row>`,
	`<x:row r="5"><x:c r="B5" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c></x:row>`,
	"\n  <row r=\"6\">\n    <c r=\"A6\" t=\"inlineStr\">\n      <is><t>行一\r\n行二\r行三</t></is>\n    </c>\n  </row>\r\n",
	`<row><c><v>1</v></c><c><v>2</v></c></row><row/><row r="9"></row><row r="0"><c r="A0" t="inlineStr"><is><t>r=0</t></is></c></row><row r="-3"><c><v>x</v></c></row>`,
	`<row r="7"><c r="XFD7" t="inlineStr"><is><t>last</t></is></c><c r="XFE7"><v>1</v></c><c><v>2</v></c></row><row r="8"><c r="a8"><v>lower</v></c><c r="8"><v>digits</v></c></row>`,
	`<row r="10"><c r="A10" t="s"><v> 1 </v></c><c r="B10" t="s"><v>99</v></c><c r="C10" t="s"><v>-1</v></c><c r="D10" t="s"><v>0001</v></c><c r="E10" t="s"><v>1<f>x</f>2</v></c></row>`,
	`<row r="11"><c r="A11" t="inlineStr"><is><t>a</t><rPh><t>b</t></rPh></is></rPh><t>c</t></c><c r="B11" s="1"><v> 46330.25 </v></c><c r="C11" s="9"><v>7</v></c><c r="D11" s="x"><v>7</v></c></row>`,
	`<row r="12"><c r="A12"><v>1</v><v/><t/></c><row/><c r="B12"><v>2</v></c></row>`,
	`<row r="13" r="14"><c r="A13" x:r="C13" t="inlineStr" t="s"><is><t>first attribute wins</t></is></c></row>`,
	`<row r="15"><c r="A15"   t = "inlineStr" ><is ><t >spaces</t ></is ></c ></row >`,
	`<row r="16"><c r="A16" t="inlineStr"><is><t>&#13;&#10;&#9;&#x1F600;&#xFFFD;</t></is></c></row>`,
	// declined: encoding/xml reads these tokens
	`<row r="20"><!-- a comment --><c r="A20"><v>1<!-- in a value -->2</v></c></row>`,
	`<row r="21"><c r="A21" t="inlineStr"><is><t><![CDATA[a<b & c]]></t></is></c></row>`,
	`<row r="22"><?pi data?><c r="A22" t="inlineStr"><is><t>&nbsp;&unknown;&amp&#;&#x;&#X41;&#xD800;&#99999999999;&#0000000065;&#x110000;</t></is></c></row>`,
	`<row r="22"><c r="A22" t="inlineStr"><is><t>a&#0;b</t></is></c></row>`,
	`<row r="23"><c r=B23 t=inlineStr><is><t>unquoted</t></is></c><c r><v>1</v></c></row>`,
	`<row r="24"><c r="&#66;24" t="inlineStr"><is><t>ref by entity</t></is></c><c r="C&#x32;4" t="in&#108;ineStr"><is><t>x</t></is></c></row>`,
	`<row r="25"><c r="A25" t="inlineStr"><is><t>控制` + "\x01" + `</t></is></c></row>`,
	`<row r="26"><c r="A26" t="inlineStr"><is><t>bad ` + "\xe4\xbd" + ` utf-8</t></is></c></row>`,
	`<row r="27"><c r="A27" t="inlineStr"><is><t>a]]>b</t></is></c></row>`,
	`<row r="28"><c r="A28" t="inlineStr"><is><t>a]] >b ]>]</t></is></c></row>`,
	`<row r="29"><數 r="1"/><c r="A29" 屬="1"><v>1</v></c></row>`,
	`<row r="30"><a:b:c/><c r="A30"><v>1</v></c></row>`,
	`<row r="31"><c r="A31"><v>1</v></c ><c r="B31"><v>2</v></c x></row>`,
	`<row r="32"><c r="A32" t="a<b"><v>1</v></c></row>`,
	`<row r="33"><c r="A33" t="` + "\r" + `s"><v>1</v></c><c r="B33" t="` + "\x01" + `"><v>1</v></c></row>`,
	`<row r="34"><:c r="A34"><v>1</v></:c><c: r="B34"><v>2</v></c:><c r="C34"><v>3</v></c></row>`,
	`<row r="35"><c r="A35"><v>1</v></c><1c/></row>`,
	`<row r="36"><c r="A36"><v>1</v>< /c></row>`,
	`<row r="37"><c r="A37" t="inlineStr"><is><t>` + "\uFFFE" + `</t></is></c></row>`,
	`<row r="38"><c r="A38"/ ></row>`,
	`<!DOCTYPE worksheet [<!ENTITY e "x">]><row r="39"><c r="A39" t="inlineStr"><is><t>&e;</t></is></c></row>`,
	`<?xml version="1.0" encoding="GBK"?><worksheet><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>`,
	`<?xml version="1.1"?><worksheet/>`,
	"\ufeff<?xml version=\"1.0\"?>\n<worksheet>\n<sheetData>\n<row r=\"1\"><c r=\"A1\"><v>bom</v></c></row>\n</sheetData>\n</worksheet>\n",
	// truncated
	`<row r="40"><c r="A40" t="inlineStr"><is><t>cut`,
	`<row r="41"><c r="A41"><v>1</v></c>`,
	`<row r="42"><c r="A42"><v>1</v></c></row><row r="43"`,
	`<row r="44"><c r="A44" t="inlineStr"><is><t>a &am`,
	"<?xml version=\"1.0\"?>\n<worksheet>\n<sheetData>\n<row r=\"1\">\n<c r=\"A1\"><v>1</v></c></row>\n<row>\n<c\n r=\"A2\"\n t=\"x\" <v>",
}

// TestXLSXRowsAgree holds the scanner to the encoding/xml reference on
// hand-written worksheets, with and without a bound on values.
func TestXLSXRowsAgree(t *testing.T) {
	for i, rows := range agreeCases {
		sheet := rows
		if !strings.HasPrefix(rows, "<?") && !strings.HasPrefix(rows, "\ufeff") {
			sheet = sheetXML(rows)
		}
		parts := shopWorkbook
		parts.sheet = sheet
		book := xlsxBytes(t, parts)
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			for _, max := range []int{0, 4, 10, 48} {
				checkRowsAgree(t, book, max)
			}
			sst := parts
			sst.shared = strings.ReplaceAll(strings.ReplaceAll(sheet, "<row", "<si"), "</row", "</si")
			book := xlsxBytes(t, sst)
			for _, max := range []int{0, 4, 10, 48} {
				checkSharedStringsAgree(t, book, max)
			}
		})
	}
}

// TestXLSXRowsAgreeCut reads a worksheet cut at every byte, and with its
// zip data damaged at every 7th byte.
func TestXLSXRowsAgreeCut(t *testing.T) {
	sheet := sheetXML(strings.Join(agreeCases[:14], "\n"))
	parts := shopWorkbook
	for n := 0; n <= len(sheet); n++ {
		parts.sheet = sheet[:n]
		if parts.sheet == "" {
			continue
		}
		book := xlsxBytes(t, parts)
		checkRowsAgree(t, book, 0)
		checkRowsAgree(t, book, 30)
	}
	parts.sheet = sheet
	book := xlsxBytes(t, parts)
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var start, size int64
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			if start, err = f.DataOffset(); err != nil {
				t.Fatal(err)
			}
			size = int64(f.CompressedSize64)
		}
	}
	for i := start; i < start+size; i += 7 {
		bad := bytes.Clone(book)
		bad[i] ^= 0x55
		checkRowsAgree(t, bad, 0)
	}
}

// TestXLSXRowsAgreeLong reads rows across the scanner's buffer and 4 KiB
// read boundaries, values and runs near a bound, a row of 20,000 cells.
func TestXLSXRowsAgreeLong(t *testing.T) {
	var b strings.Builder
	for i := 1; i <= 3000; i++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s&amp;%s</t></is></c><c r="B%d"><v>%d</v></c></row>`+"\n",
			i, i, strings.Repeat("长", i%50), strings.Repeat("x", i%97), i, i)
		if i%500 == 0 {
			fmt.Fprintf(&b, "<!-- %s -->", strings.Repeat("-", i))
			fmt.Fprintf(&b, `<row><c t="inlineStr"><is><t>%s</t></is></c></row>`, strings.Repeat("很长", 10000+i))
			fmt.Fprintf(&b, `<row spans="%s"/>`, strings.Repeat("1", 5000+i))
		}
	}
	b.WriteString("<row>")
	for i := range 20000 {
		fmt.Fprintf(&b, `<c t="inlineStr"><is><t>%d</t></is></c>`, i)
	}
	b.WriteString("</row>")
	parts := shopWorkbook
	parts.sheet = sheetXML(b.String())
	book := xlsxBytes(t, parts)
	for _, max := range []int{0, 150, 300, 4000, 30000, 100000} {
		checkRowsAgree(t, book, max)
	}
	parts.shared = strings.ReplaceAll(strings.ReplaceAll(parts.sheet, "<row", "<si"), "</row", "</si")
	book = xlsxBytes(t, parts)
	for _, max := range []int{0, 150, 300, 4000, 30000, 100000} {
		checkSharedStringsAgree(t, book, max)
	}
	// the line of an error after many lines, and after a comment that
	// encoding/xml reads across the scanner's buffers
	parts.shared = shopWorkbook.shared
	lines := strings.Repeat("<row>\n<c><v>1</v></c>\r\n</row>\n", 5000)
	for _, tail := range []string{
		`<row r="9"><c><v>&#0;</v></c></row>`,
		"<!--" + strings.Repeat("x\n", 70000) + "-->\n\n<row><c><v>a</v></c></row><a:b:c/>",
		"<![CDATA[" + strings.Repeat("\n", 70000) + "]]><row><c><v>a</v></c></row>\n<1/>",
	} {
		parts.sheet = sheetXML(lines + tail)
		checkRowsAgree(t, xlsxBytes(t, parts), 0)
	}
}

// agreePieces are the pieces FuzzXLSXRowsAgree builds worksheets from.
var agreePieces = []string{
	`<row>`, `<row r="3">`, `<row r='7' spans="1:3">`, `</row>`, `<row/>`, `<x:row r="2">`, `</x:row>`, `<row r="0">`,
	`<c>`, `<c r="B2">`, `<c r="A1" t="s">`, `<c t="inlineStr" r="C5">`, `<c s="1">`, `<c r="D2" s="1" t="n">`,
	`<c t="b">`, `<c t="str">`, `<c t="e">`, `<c t="d">`, `<c r="XFD1">`, `<c r="XFE1">`, `<c r="A1"/>`, `</c>`,
	`<x:c r="E1" t="inlineStr">`, `</x:c>`, `<v>`, `</v>`, `<v/>`, `<is>`, `</is>`, `<t>`, `<t xml:space="preserve">`,
	`</t>`, `<r>`, `</r>`, `<rPr><b/></rPr>`, `<rPh sb="0" eb="1">`, `</rPh>`, `<f>SUM(A1)</f>`, `<si>`, `</si>`,
	`0`, `1`, `5`, ` 2 `, `46330.5`, `你好`, `a&amp;b`, `&lt;&gt;&quot;&apos;`, `&#20320;`, `&#x4F60;`, `&#X41;`,
	`&#0;`, `&#xD800;`, `&nbsp;`, `&amp`, `_x000D_`, "\r\n", "\r", "\n  ", `]]>`, `]]`, `>`, "\x01", "\xff", "\xe4\xbd",
	"\u3000", "\t", `<!-- c -->`, `<![CDATA[x<y]]>`, `<?pi x?>`, `<!DOCTYPE x>`, `<`, `<c r=B2>`, `<c r>`,
	`<c r="A1"t="s">`, `< c>`, `<1c>`, `<a:b:c>`, `<:c>`, `<c:>`, `<数>`, `</c >`, `</c x>`, `<c r="&#66;2">`,
	`<c r="A&amp;">`, `<c r="a<b">`, "<c r=\"\r\">", `<sheetData>`, `</sheetData>`, `<worksheet>`,
	`<?xml version="1.0" encoding="GBK"?>`, `<c t='inlineStr'>`, `<c r="AA10" s="1" t="inlineStr">`, `'`, `"`, `=`, `/>`,
	strings.Repeat("长", 1500), strings.Repeat(" ", 4100), strings.Repeat("<c/>", 300),
}

// FuzzXLSXRowsAgree builds worksheets from pieces (each byte of pieces
// picks one; raw, the fuzzer's own text, is one of them, or the whole
// worksheet when there are no pieces) and holds the
// scanner to the encoding/xml reference, on the rows and, read as the
// shared strings, on the strings: without a bound and with the bound max.
func FuzzXLSXRowsAgree(f *testing.F) {
	f.Add([]byte{0, 10, 24, 41, 25, 21, 3}, "", uint16(0))
	f.Add([]byte{1, 11, 27, 29, 255, 31, 28, 21, 3, 4, 2, 8, 24, 46, 25, 21, 3}, "中&#x4F60;\r\n", uint16(5))
	f.Add([]byte{39, 29, 45, 31, 36, 29, 255, 31, 37, 40}, "<b>x</b>", uint16(3))
	f.Add([]byte{128, 5, 23, 28, 30, 105, 31, 29, 22, 6}, "", uint16(0))
	for _, c := range agreeCases {
		f.Add([]byte{255, 3}, c, uint16(40))
	}
	f.Add([]byte{}, agreeCases[len(agreeCases)-1], uint16(0))
	f.Fuzz(func(t *testing.T, pieces []byte, raw string, max uint16) {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<worksheet><sheetData>")
		for _, p := range pieces {
			if int(p) >= len(agreePieces) {
				b.WriteString(raw)
			} else {
				b.WriteString(agreePieces[p])
			}
		}
		if len(pieces) == 0 || pieces[0]&1 == 0 { // else cut short
			b.WriteString("</sheetData></worksheet>")
		}
		parts := shopWorkbook
		parts.sheet = b.String()
		if len(pieces) == 0 && raw != "" { // raw is the whole document
			parts.sheet = raw
		}
		book := xlsxBytes(t, parts)
		checkRowsAgree(t, book, 0)
		if max > 0 {
			checkRowsAgree(t, book, int(max))
		}
		parts.shared = parts.sheet
		book = xlsxBytes(t, parts)
		checkSharedStringsAgree(t, book, 0)
		if max > 0 {
			checkSharedStringsAgree(t, book, int(max))
		}
	})
}

// TestXLSXScannerFastPath: the scanner reads a workbook as Excel writes it
// without encoding/xml, except for the XML declaration and the end.
func TestXLSXScannerFastPath(t *testing.T) {
	rows := [][]string{{"会话ID", "时间", "角色", "内容"}}
	for i := range 300 {
		rows = append(rows, []string{fmt.Sprint(1000 + i/10), "2026-11-04 10:00:00", "agent", fmt.Sprintf("第%d条 <b> & \"引号\"\r\n换行", i)})
	}
	for _, book := range [][]byte{xlsxBytes(t, shopWorkbook), xlsxFromRows(t, rows, 1)} {
		wb, err := openTestWorkbook(book)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{wb.sheet, "xl/sharedStrings.xml"} {
			s, c, err := wb.tokens(wb.part(name))
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for ; ; n++ {
				if _, err := s.next(); err != nil {
					break
				}
			}
			c.Close()
			if s.declined > 2 {
				t.Errorf("%s: encoding/xml read %d of %d tokens, want at most 2 (the XML declaration, the end)", name, s.declined, n)
			}
		}
	}
}

// TestXLSXScannerBoundedMemory: with a bound, the scanner's buffer stays
// small whatever the size of a row: a row of 40,000 cells, a cell over the
// bound, a run of text without markup over the bound.
func TestXLSXScannerBoundedMemory(t *testing.T) {
	big := `<row r="1"><c r="A1" t="inlineStr"><is><t>内容</t></is></c></row><row r="2">` +
		strings.Repeat(`<c r="XFE2" t="inlineStr"><is><t>一个单元格</t></is></c>`, 40000) + `</row>`
	for _, rows := range []string{
		big,
		`<row r="1"><c r="A1" t="inlineStr"><is><t>` + strings.Repeat("很长", 1<<20) + `</t></is></c></row>`,
		`<row r="1">` + strings.Repeat("长", 1<<20) + `</row>`,
	} {
		parts := shopWorkbook
		parts.sheet = sheetXML(rows)
		wb, err := openTestWorkbook(xlsxBytes(t, parts))
		if err != nil {
			t.Fatal(err)
		}
		wb.max = 1000
		x, err := wb.sheetRows(wb.sheet)
		if err != nil {
			t.Fatal(err)
		}
		trace := rowsTrace(x.next, 10)
		x.close()
		if len(x.s.buf) > 128<<10 {
			t.Errorf("a buffer of %d bytes after %s", len(x.s.buf), clip(trace))
		}
	}
}

// openTestWorkbook opens a workbook built in memory, without a bound.
func openTestWorkbook(book []byte) (*workbook, error) {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		return nil, err
	}
	return openWorkbook(zr, 0)
}
