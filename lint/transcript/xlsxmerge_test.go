package transcript

import (
	"fmt"
	"strings"
	"testing"
)

// mergedSheet is inlineSheet with the merged ranges listed after its rows,
// where Excel writes them (<mergeCells> follows <sheetData>).
func mergedSheet(merges []string, rows ...[]string) string {
	sheet := inlineSheet(rows...)
	if merges == nil {
		return sheet
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<mergeCells count="%d">`, len(merges))
	for _, m := range merges {
		fmt.Fprintf(&b, `<mergeCell ref="%s"/>`, m)
	}
	b.WriteString(`</mergeCells></worksheet>`)
	return strings.TrimSuffix(sheet, `</worksheet>`) + b.String()
}

// mergedMsgs is a message as the merged-cell tests compare it: line,
// conversation, time of day, role, sender, text.
func mergedMsgs(s *recSink) []string {
	var got []string
	for _, m := range s.msgs {
		at := "-"
		if m.Timed() {
			at = m.Time.In(tzSH).Format("15:04:05")
		}
		got = append(got, fmt.Sprintf("%d|%s|%s|%s|%s|%s", m.Pos.Line, m.Conversation, at, m.Role, m.Sender, m.Text))
	}
	return got
}

// TestXLSXMergedCells: QA spreadsheets merge the cells of a conversation's
// rows (会话ID over A2:A3); only the range's top-left cell stores the
// value. A cell of a data row inside a merged range reads as Excel shows
// it, the top-left cell's value, in every column read (over rows, over
// columns, both); a text merged over rows is one message, read on the
// range's first row only (the rows below it have no text). Title rows and
// the header row read as they are stored, merged or not, and a range that
// reaches into them fills nothing. Every record is accounted for.
func TestXLSXMergedCells(t *testing.T) {
	header := []string{"会话ID", "时间", "角色", "发送人", "内容"}
	day := "2026-11-04 "
	bye := "您好亲，祝您生活愉快，再见"
	for _, tc := range []struct {
		name    string
		merges  []string
		rows    [][]string
		opts    Options
		want    []string // mergedMsgs
		rejects []int    // their lines
		skips   []int
		records int // messages + rejects + skips: the data rows holding a value
	}{
		{
			name:   "conversation over 2 rows",
			merges: []string{"A2:A3", "A4:A5"},
			rows: [][]string{header,
				{"c1", day + "10:00:00", "customer", "b1", "在吗"},
				{"", day + "10:00:05", "agent", "小美", bye},
				{"c2", day + "11:00:00", "customer", "b2", "你好"},
				{"", day + "11:00:05", "agent", "阿杰", bye}},
			want: []string{"2|c1|10:00:00|customer|b1|在吗", "3|c1|10:00:05|agent|小美|" + bye,
				"4|c2|11:00:00|customer|b2|你好", "5|c2|11:00:05|agent|阿杰|" + bye},
			records: 4,
		},
		{
			name:   "conversation over 5 rows, then one of 1 row",
			merges: []string{"A2:A6"},
			rows: [][]string{header,
				{"c1", day + "10:00:00", "customer", "b1", "在吗"},
				{"", day + "10:00:05", "agent", "小美", "在的亲"},
				{"", day + "10:00:30", "customer", "b1", "有XL吗"},
				{"", day + "10:00:40", "agent", "小美", "有的"},
				{"", day + "10:01:00", "agent", "小美", bye},
				{"c2", day + "11:00:00", "customer", "b2", "你好"}},
			want: []string{"2|c1|10:00:00|customer|b1|在吗", "3|c1|10:00:05|agent|小美|在的亲",
				"4|c1|10:00:30|customer|b1|有XL吗", "5|c1|10:00:40|agent|小美|有的", "6|c1|10:01:00|agent|小美|" + bye,
				"7|c2|11:00:00|customer|b2|你好"},
			records: 6,
		},
		{
			// A2:B3 over rows and columns: the conversation id shows as
			// the sender too, as Excel shows it; D4:E4 over columns: the
			// role shows as the text
			name:   "ranges over columns",
			merges: []string{"D4:E4", "A2:B3"},
			rows: [][]string{{"会话ID", "发送人", "时间", "角色", "内容"},
				{"c1", "", day + "10:00:00", "customer", "在吗"},
				{"", "", day + "10:00:05", "agent", "在的亲"},
				{"c1", "小美", day + "10:00:40", "agent"}},
			want: []string{"2|c1|10:00:00|customer|c1|在吗", "3|c1|10:00:05|agent|c1|在的亲",
				"4|c1|10:00:40|agent|小美|agent"},
			records: 3,
		},
		{
			// the time over rows 2–3, the sender (a column after the text,
			// the rows below stopping short of it) over rows 3–4
			name:   "time and sender",
			merges: []string{"B2:B3", "E3:E4"},
			rows: [][]string{{"会话ID", "时间", "角色", "内容", "发送人"},
				{"c1", day + "10:00:00", "customer", "在吗", "b1"},
				{"c1", "", "customer", "有XL吗", "b2"},
				{"c1", day + "10:00:40", "customer", "还有吗"}},
			want: []string{"2|c1|10:00:00|customer|b1|在吗", "3|c1|10:00:00|customer|b2|有XL吗",
				"4|c1|10:00:40|customer|b2|还有吗"},
			records: 3,
		},
		{
			// the text over rows 2–3 is one message: row 3, a row of its
			// own (its time, role, sender), has no text; row 6, under
			// merged A5:A6 and E5:E6, holds nothing of its own and is no
			// record
			name:   "text over rows",
			merges: []string{"A2:A4", "E2:E3", "A5:A6", "E5:E6"},
			rows: [][]string{header,
				{"c1", day + "10:00:00", "customer", "b1", "在吗"},
				{"", day + "10:00:05", "agent", "小美", ""},
				{"", day + "10:00:09", "agent", "小美", bye},
				{"c2", day + "11:00:00", "customer", "b2", "你好"},
				{}},
			want: []string{"2|c1|10:00:00|customer|b1|在吗", "3|c1|10:00:05|agent|小美|",
				"4|c1|10:00:09|agent|小美|" + bye, "5|c2|11:00:00|customer|b2|你好"},
			records: 4,
		},
		{
			// a title merged over rows 1–2 and columns, a group row: read
			// past as stored; a range from the header into the data fills
			// nothing (row 5 has no conversation id, as unmerged)
			name:   "merged titles",
			merges: []string{"A1:E2", "A3:B3", "C3:E3", "A4:A5", "A6:A7"},
			rows: [][]string{{"美洽客服聊天记录导出（2026-11-04）"}, {}, {"会话信息", "", "消息信息"}, header,
				{"", day + "10:00:00", "customer", "b1", "在吗"},
				{"c1", day + "10:00:05", "agent", "小美", bye},
				{"", day + "10:00:09", "agent", "小美", "还有吗"}},
			want: []string{"5|<stdin>|10:00:00|customer|b1|在吗", "6|c1|10:00:05|agent|小美|" + bye,
				"7|c1|10:00:09|agent|小美|还有吗"},
			records: 3,
		},
		{
			name:   "merges only in the title",
			merges: []string{"A1:E1"},
			rows: [][]string{{"客服聊天记录"}, header,
				{"c1", day + "10:00:00", "customer", "b1", "在吗"},
				{"", day + "10:00:05", "agent", "小美", bye}},
			want:    []string{"3|c1|10:00:00|customer|b1|在吗", "4|<stdin>|10:00:05|agent|小美|" + bye},
			records: 2,
		},
		{
			name:   "merges only outside the columns read",
			merges: []string{"F2:G3", "A1:E1"},
			rows: [][]string{header,
				{"c1", day + "10:00:00", "customer", "b1", "在吗", "备注"},
				{"c1", day + "10:00:05", "agent", "小美", bye}},
			want:    []string{"2|c1|10:00:00|customer|b1|在吗", "3|c1|10:00:05|agent|小美|" + bye},
			records: 2,
		},
		{
			// a merged type of a skipped record, and a record rejected:
			// every record counted once
			name:   "record accounting",
			merges: []string{"A2:A5", "D3:D4"},
			rows: [][]string{{"会话ID", "时间", "角色", "消息类型", "内容"},
				{"c1", day + "10:00:00", "customer", "text", "在吗"},
				{"", day + "10:00:01", "system", "event", "转接"},
				{"", day + "10:00:02", "system", "", "排队"},
				{"", "不是时间", "agent", "text", bye}},
			opts:    Options{Mapping: &Mapping{Types: map[string]string{"event": TypeSkip}}},
			want:    []string{"2|c1|10:00:00|customer||在吗"},
			skips:   []int{3, 4},
			rejects: []int{5},
			records: 4,
		},
		{
			name:   "no header row",
			merges: []string{"A1:A2"},
			rows: [][]string{
				{"c1", day + "10:00:00", "customer", "b1", "在吗"},
				{"", day + "10:00:05", "agent", "小美", bye}},
			opts: Options{Mapping: &Mapping{Header: new(bool), Fields: map[string]string{
				"conversation": "1", "time": "2", "role": "3", "sender": "4", "text": "5"}}},
			want:    []string{"1|c1|10:00:00|customer|b1|在吗", "2|c1|10:00:05|agent|小美|" + bye},
			records: 2,
		},
	} {
		book := string(xlsxBytes(t, workbookParts{sheet: mergedSheet(tc.merges, tc.rows...)}))
		s, err := readData(t, "xlsx", book, tc.opts)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got := mergedMsgs(s); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s: messages\n%s\nwant\n%s\n(rejects %v)", tc.name, strings.Join(got, "\n"), strings.Join(tc.want, "\n"), s.rejects)
		}
		var rejects, skips []int
		for _, r := range s.rejects {
			rejects = append(rejects, r.Pos.Line)
		}
		for _, k := range s.skips {
			skips = append(skips, k.pos.Line)
		}
		if fmt.Sprint(rejects) != fmt.Sprint(tc.rejects) || fmt.Sprint(skips) != fmt.Sprint(tc.skips) {
			t.Errorf("%s: rejects %v (%v), skips %v; want %v, %v", tc.name, rejects, s.rejects, skips, tc.rejects, tc.skips)
		}
		if n := len(s.msgs) + len(s.rejects) + len(s.skips); n != tc.records {
			t.Errorf("%s: %d records (%d linted, %d rejected, %d skipped), want %d", tc.name, n, len(s.msgs), len(s.rejects), len(s.skips), tc.records)
		}
	}
}

// TestXLSXMergedUnchanged: a sheet whose merged ranges fill no data cell
// (titles, columns nobody reads) reads as the same sheet without them.
func TestXLSXMergedUnchanged(t *testing.T) {
	rows := [][]string{{"客服聊天记录"}, {"会话ID", "时间", "角色", "内容", "", "备注"},
		{"c1", "2026-11-04 10:00:00", "customer", "在吗", "", "x"}, {"", "2026-11-04 10:00:05", "agent", "在的"}}
	plain := mustRead(t, "xlsx", string(xlsxBytes(t, workbookParts{sheet: mergedSheet(nil, rows...)})), Options{})
	merged := mustRead(t, "xlsx", string(xlsxBytes(t, workbookParts{sheet: mergedSheet([]string{"A1:D1", "F3:F4", "E3:E4"}, rows...)})), Options{})
	if g, w := fmt.Sprint(mergedMsgs(merged), merged.rejects), fmt.Sprint(mergedMsgs(plain), plain.rejects); g != w {
		t.Errorf("merged: %s\nwant %s", g, w)
	}
}

// TestMergedRanges: the scan of a worksheet part finds <mergeCell> tags
// wherever the part's reads cut them, with a prefix, other attributes and
// single quotes, and nothing else (<mergeCells>, a name in a text, a
// single cell, a broken reference); past maxMergedRanges it is an error.
func TestMergedRanges(t *testing.T) {
	head := `<x:worksheet xmlns:x="main"><x:sheetData><x:row r="1"><x:c t="inlineStr"><x:is><x:t>&lt;mergeCell ref="A1:B9"/&gt; mergeCell</x:t></x:is></x:c></x:row></x:sheetData>`
	tail := `<x:mergeCells count="6"><x:mergeCell ref="A2:A3"/> <mergeCell xr:uid="{` + strings.Repeat("0", 200) + `}" ref='c5:B4' /><mergeCell ref="D7"/><mergeCell ref="A:B"/>` +
		`<mergeCell` + "\n" + `ref="AA10:AB10"></mergeCell><mergeCellX ref="A1:A2"/></x:mergeCells></x:worksheet>`
	// the first read of the part (64 KiB) ending at each byte of the list
	for cut := 0; cut <= len(tail); cut++ {
		s := head + strings.Repeat(" ", 64<<10-cut-len(head)) + tail
		wb, err := openTestWorkbook(xlsxBytes(t, workbookParts{sheet: s}))
		if err != nil {
			t.Fatal(err)
		}
		got, err := wb.mergedRanges(wb.sheet)
		if want := "[{2 3 0 0} {4 5 1 2} {10 10 26 27}]"; err != nil || fmt.Sprint(got) != want {
			t.Errorf("cut %d: %v, %v; want %s", cut, got, err, want)
		}
	}
	sheet := head + tail
	defer func(n int) { maxMergedRanges = n }(maxMergedRanges)
	maxMergedRanges = 2
	wb, err := openTestWorkbook(xlsxBytes(t, workbookParts{sheet: sheet}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wb.mergedRanges(wb.sheet); err == nil || !strings.Contains(err.Error(), "merged cells run past 2 ranges") {
		t.Errorf("over the bound: %v", err)
	}
}
