package transcript

import (
	"archive/zip"
	"bytes"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"testing"
)

// sharedString is the i-th shared string of sharedStringsBook: chat texts
// of 3 to about 60 bytes, Chinese and ASCII, some with an entity, a
// character reference or a _x000D_ line break, some empty, some with a
// rich-text run and a phonetic guide, as Excel writes them; its text as
// XML and as the reader returns it.
func sharedString(i int) (xmlText, text string) {
	n := strconv.Itoa(i)
	switch i % 8 {
	case 0:
		return "<si><t>亲，订单" + n + "已发货</t></si>", "亲，订单" + n + "已发货"
	case 1:
		return "<si><t>customer</t></si>", "customer"
	case 2:
		return `<si><t xml:space="preserve">您好，很高兴为您服务_x000D_
请问有什么可以帮您？` + n + "</t></si>", "您好，很高兴为您服务\r\n请问有什么可以帮您？" + n
	case 3:
		return "<si><t>A&amp;B &#x4F60;" + n + "</t></si>", "A&B 你" + n
	case 4:
		return "<si><t/></si>", ""
	case 5:
		return `<si><r><t>在吗</t></r><r><rPr><b/></rPr><t>` + n + `</t></r><rPh sb="0" eb="1"><t>ザイ</t></rPh></si>`, "在吗" + n
	case 6:
		return "<si><t>2026-11-04 10:00:" + n[len(n)-1:] + "0</t></si>", "2026-11-04 10:00:" + n[len(n)-1:] + "0"
	}
	return "<si><t>tb_buyer_" + n + "</t></si>", "tb_buyer_" + n
}

// sharedStringsBook is a workbook of n shared strings whose worksheet, a
// header row and 1,000 rows, uses some of them: a sheet of a workbook whose
// other sheets use the rest (a report exported with its raw data), the
// case where the table is nearly all the reading. The parts are written
// as they are zipped, not held whole.
func sharedStringsBook(tb testing.TB, n int) []byte {
	tb.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	part := func(name string, write func(f func(string))) {
		f, err := w.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		write(func(s string) { f.Write([]byte(s)) })
	}
	part("xl/workbook.xml", func(put func(string)) {
		put(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="会话" sheetId="1"/></sheets></workbook>`)
	})
	part("xl/sharedStrings.xml", func(put func(string)) {
		put(fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
			`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, n, n))
		put(`<si><t>角色</t></si><si><t>内容</t></si><si><t>customer</t></si>`)
		for i := 3; i < n; i++ {
			x, _ := sharedString(i)
			put(x)
		}
		put(`</sst>`)
	})
	part("xl/worksheets/sheet1.xml", func(put func(string)) {
		put(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		put(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`)
		for r := 2; r <= 1001; r++ {
			put(fmt.Sprintf(`<row r="%d"><c r="A%d" t="s"><v>2</v></c><c r="B%d" t="s"><v>%d</v></c></row>`, r, r, r, sheetString(r, n)))
		}
		put(`</sheetData></worksheet>`)
	})
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// sheetString is the shared string the text of row r of
// sharedStringsBook's worksheet uses: one spread over the table, not
// empty (n > 5).
func sheetString(r, n int) int {
	i := 3 + (r*7919)%(n-3)
	if _, text := sharedString(i); text == "" {
		i-- // the one before an empty one is not
	}
	return i
}

// sharedStringsBooks caches the workbooks of the benchmark, by size.
var sharedStringsBooks sync.Map

func cachedSharedStringsBook(tb testing.TB, n int) []byte {
	if b, ok := sharedStringsBooks.Load(n); ok {
		return b.([]byte)
	}
	b := sharedStringsBook(tb, n)
	sharedStringsBooks.Store(n, b)
	return b
}

// BenchmarkXLSXSharedStrings measures reading a workbook's shared strings
// (the table is read whole before the worksheet: a workbook of several
// sheets shares one), for a table of 100,000 to 10 million strings: time,
// the bytes allocated, and the heap the table keeps while the worksheet is
// read (heap-MB, after a collection), with a worksheet of 1,000 rows.
func BenchmarkXLSXSharedStrings(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000, 10_000_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			data := cachedSharedStringsBook(b, n)
			live := liveHeapWith(b, data) // before the reads, which leave garbage
			b.ReportAllocs()
			for b.Loop() {
				s := mustRead(b, "xlsx", string(data), Options{MaxRecordBytes: 4 << 18})
				if len(s.msgs) != 1000 || len(s.rejects) != 0 {
					b.Fatalf("%d messages, %d rejected", len(s.msgs), len(s.rejects))
				}
			}
			b.ReportMetric(float64(live)/(1<<20), "heap-MB")
		})
	}
}

// liveHeapWith is the heap in use, after a collection, while the shared
// strings of a workbook are held.
func liveHeapWith(tb testing.TB, data []byte) uint64 {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.HeapAlloc
	wb, err := openWorkbook(zr, 4<<18)
	if err != nil {
		tb.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	runtime.KeepAlive(wb)
	return ms.HeapAlloc - min(before, ms.HeapAlloc)
}

// TestXLSXSharedStringsRead: every shared string of a table of strings of
// every kind (entities, _x000D_, rich text with a phonetic guide, empty)
// is read as it was written, and the worksheet's cells find theirs.
func TestXLSXSharedStringsRead(t *testing.T) {
	const n = 5000
	data := sharedStringsBook(t, n)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	wb, err := openWorkbook(zr, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := wb.sst.len(); got != n {
		t.Fatalf("%d shared strings, want %d", got, n)
	}
	for i, want := range []string{"角色", "内容", "customer"} {
		if got := wb.sst.at(i); got != want {
			t.Fatalf("shared string %d: %q, want %q", i, got, want)
		}
	}
	for i := 3; i < n; i++ {
		if _, want := sharedString(i); wb.sst.at(i) != want {
			t.Fatalf("shared string %d: %q, want %q", i, wb.sst.at(i), want)
		}
	}
	for _, i := range []int{-1, n, n + 1} {
		if got := wb.sst.at(i); got != "" {
			t.Errorf("shared string %d (none): %q", i, got)
		}
	}
	s := mustRead(t, "xlsx", string(data), Options{})
	if len(s.msgs) != 1000 || len(s.rejects) != 0 {
		t.Fatalf("%d messages, rejects %v", len(s.msgs), s.rejects)
	}
	for i, m := range s.msgs {
		if _, want := sharedString(sheetString(i+2, n)); m.Text != want {
			t.Fatalf("row %d: %q, want %q", i+2, m.Text, want)
		}
	}
}
