package transcript

import (
	"fmt"
	"strings"
	"testing"
)

// sheetsWorkbook is a workbook whose worksheets are sheets, in order:
// each a name, a state ("", "hidden" or "veryHidden") and its rows (see
// inlineSheet); their parts are named sheetN.xml in reverse order, so
// that the relationships, not the part names, say which is which.
func sheetsWorkbook(t *testing.T, sheets ...sheetSpec) []byte {
	t.Helper()
	var wb, rels strings.Builder
	wb.WriteString(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets>`)
	rels.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	more := map[string]string{}
	for i, s := range sheets {
		state := ""
		if s.state != "" {
			state = fmt.Sprintf(` state="%s"`, s.state)
		}
		fmt.Fprintf(&wb, `<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>`, s.name, i+1, state, i+1)
		part := fmt.Sprintf("sheet%d.xml", len(sheets)-i)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/%s"/>`, i+1, part)
		more["xl/worksheets/"+part] = inlineSheet(s.rows...)
	}
	wb.WriteString(`</sheets></workbook>`)
	rels.WriteString(`</Relationships>`)
	return xlsxBytes(t, workbookParts{workbook: wb.String(), rels: rels.String(), more: more})
}

// sheetSpec is a worksheet of sheetsWorkbook.
type sheetSpec struct {
	name, state string
	rows        [][]string
}

// TestXLSXChatSheet: the reader reads the first visible worksheet whose
// header row it recognises as a chat export's, as it recognises a csv
// export's (the same aliases, the mapping), whatever comes before it in
// the workbook: a cover page, a pivot table, a hidden sheet; the lines of
// its messages are its rows.
func TestXLSXChatSheet(t *testing.T) {
	cover := sheetSpec{"封面", "", [][]string{{"2026年11月 客服聊天记录"}, {"导出人：质检部"}}}
	pivot := sheetSpec{"透视表", "", [][]string{{"行标签", "计数项:会话ID"}, {"小美", "12"}, {"总计", "12"}}}
	chat := sheetSpec{"聊天记录", "", [][]string{{"会话ID", "角色", "内容"}, {"c1", "customer", "在吗"}, {"c1", "agent", "亲，在的"}}}
	old := sheetSpec{"旧记录", "hidden", [][]string{{"会话ID", "角色", "内容"}, {"c0", "agent", "这是隐藏的旧记录"}}}
	titled := sheetSpec{"记录", "", [][]string{{"11月聊天记录"}, {"会话ID", "角色", "内容"}, {"c2", "agent", "您好"}}}
	mapped := sheetSpec{"消息", "", [][]string{{"会话", "角色", "消息"}, {"c3", "agent", "好的"}}}
	want := []string{"c1|customer||text|在吗@2", "c1|agent||text|亲，在的@3"}
	tests := []struct {
		name   string
		sheets []sheetSpec
		opts   Options
		want   []string
	}{
		{"a cover page first", []sheetSpec{cover, chat}, Options{}, want},
		{"a pivot table first", []sheetSpec{pivot, chat}, Options{}, want},
		{"a hidden sheet first", []sheetSpec{old, chat}, Options{}, want},
		{"a very hidden one", []sheetSpec{{old.name, "veryHidden", old.rows}, chat}, Options{}, want},
		{"the chat first, then others", []sheetSpec{chat, old, cover}, Options{}, want},
		{"title rows above the header", []sheetSpec{cover, titled, chat}, Options{}, append([]string{"c2|agent||text|您好@3"}, want...)},
		{"the column the mapping names", []sheetSpec{chat, mapped}, Options{Mapping: &Mapping{Fields: map[string]string{"text": "消息", "conversation": "会话"}}},
			[]string{"c3|agent||text|好的@2"}},
		{"no header row: the rows reaching the text column", []sheetSpec{cover, {"数据", "", [][]string{{"c4", "agent", "不客气"}}}},
			Options{Mapping: &Mapping{Header: boolPtr(false), Fields: map[string]string{"conversation": "1", "role": "2", "text": "3"}}},
			[]string{"c4|agent||text|不客气@1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := readData(t, "xlsx", string(sheetsWorkbook(t, tc.sheets...)), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := msgLines(s.msgs); got != strings.Join(tc.want, "\n") {
				t.Fatalf("got\n%s\nwant\n%s", got, strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestXLSXNoChatSheet: when no visible worksheet has a header row the
// reader recognises, the error names each sheet it looked at, visible or
// hidden, and what it found there, and says what it looked for.
func TestXLSXNoChatSheet(t *testing.T) {
	cover := sheetSpec{"封面", "", [][]string{{"2026年11月 客服聊天记录"}}}
	pivot := sheetSpec{"透视表", "", [][]string{{"行标签", "计数项:会话ID"}, {"小美", "12"}}}
	old := sheetSpec{"旧记录", "hidden", [][]string{{"会话ID", "角色", "内容"}, {"c0", "agent", "您好"}}}
	tests := []struct {
		name   string
		sheets []sheetSpec
		opts   Options
		want   string
	}{
		{"a cover page, a pivot table and a hidden chat", []sheetSpec{cover, pivot, old}, Options{},
			`no visible worksheet has a header row naming the columns: ` +
				`sheet "封面" (visible): line 1: no text column in the first row (cells: "2026年11月 客服聊天记录"); ` +
				`sheet "透视表" (visible): line 1: no text column in the first row (cells: "行标签", "计数项:会话ID"); ` +
				`sheet "旧记录" (hidden): its header row names the columns, but a hidden sheet is not read (unhide it); ` +
				`name the text column text/内容/content, or --map text=COLUMN; without a header row use --header=false and --map text=N`},
		{"a column the mapping names", []sheetSpec{cover, {"聊天", "", [][]string{{"角色", "内容"}, {"agent", "好"}}}},
			Options{Mapping: &Mapping{Fields: map[string]string{"text": "消息"}}},
			`no visible worksheet has a header row naming the columns: ` +
				`sheet "封面" (visible): line 1: text is mapped to column "消息", which the header does not have (columns: "2026年11月 客服聊天记录"); ` +
				`sheet "聊天" (visible): line 1: text is mapped to column "消息", which the header does not have (columns: "角色", "内容"); ` +
				`name the text column text/内容/content, or --map text=COLUMN; without a header row use --header=false and --map text=N`},
		{"an empty sheet, and no header row", []sheetSpec{cover, {"空白", "", nil}},
			Options{Mapping: &Mapping{Header: boolPtr(false), Fields: map[string]string{"text": "3"}}},
			`no visible worksheet has rows reaching the text column (column 3, --header=false): ` +
				`sheet "封面" (visible): line 1: the row has 1 cell; sheet "空白" (visible): no rows`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readData(t, "xlsx", string(sheetsWorkbook(t, tc.sheets...)), tc.opts)
			if err == nil || !strings.HasSuffix(err.Error(), tc.want) {
				t.Fatalf("error %v\nwant %s", err, tc.want)
			}
		})
	}
}

// TestXLSXEveryChatSheet: a workbook keeping its chats in several
// worksheets (a sheet a day) is read whole: each visible sheet whose
// header row names the columns, after the first, is read as a file named
// after the workbook and the sheet (<stdin>[11月5日]), so its rows and its
// conversations without an id are told from the first sheet's. A sheet of
// a header alone (a template) adds nothing; a hidden sheet, a cover page
// and a pivot table are not read. Before, every sheet after the first
// chat sheet was left out without a word.
func TestXLSXEveryChatSheet(t *testing.T) {
	day1 := sheetSpec{"11月4日", "", [][]string{{"会话ID", "角色", "内容"}, {"c1", "customer", "在吗"}}}
	day2 := sheetSpec{"11月5日", "", [][]string{{"会话ID", "角色", "内容"}, {"c2", "agent", "您好"}, {"c2", "customer", "好的"}}}
	noID := sheetSpec{"客服B", "", [][]string{{"角色", "内容"}, {"agent", "在的"}}}
	template := sheetSpec{"模板", "", [][]string{{"会话ID", "角色", "内容"}}}
	hidden := sheetSpec{"旧记录", "hidden", [][]string{{"会话ID", "角色", "内容"}, {"c0", "agent", "隐藏"}}}
	cover := sheetSpec{"封面", "", [][]string{{"2026年11月 客服聊天记录"}}}
	pivot := sheetSpec{"透视表", "", [][]string{{"行标签", "计数项:会话ID"}, {"小美", "12"}}}
	timed := sheetSpec{"11月4日", "", [][]string{{"会话ID", "时间", "角色", "内容"}, {"c1", "2026-11-04 10:00:00", "customer", "在吗"}}}
	timed2 := sheetSpec{"11月5日", "", [][]string{{"会话ID", "时间", "角色", "内容"}, {"c2", "2026-11-05 10:00:00", "agent", "您好"}}}
	summary := sheetSpec{"汇总", "", [][]string{{"客服", "内容", "次数"}, {"小美", "不知道", "3"}}}
	agentSummary := sheetSpec{"客服汇总", "", [][]string{{"会话ID", "角色", "内容"}, {"c9", "agent", "不知道"}}}
	tests := []struct {
		name   string
		sheets []sheetSpec
		opts   Options
		want   []string
	}{
		{"a sheet a day", []sheetSpec{cover, day1, pivot, day2}, Options{},
			[]string{"<stdin> c1|customer||text|在吗@2", "<stdin>[11月5日] c2|agent||text|您好@2", "<stdin>[11月5日] c2|customer||text|好的@3"}},
		{"a template, a hidden sheet", []sheetSpec{day1, template, hidden, day2}, Options{},
			[]string{"<stdin> c1|customer||text|在吗@2", "<stdin>[11月5日] c2|agent||text|您好@2", "<stdin>[11月5日] c2|customer||text|好的@3"}},
		// a template first: the sheets after it are read (it was the
		// workbook's error, "only a header row, no messages")
		{"a template first", []sheetSpec{template, day2}, Options{},
			[]string{"<stdin>[11月5日] c2|agent||text|您好@2", "<stdin>[11月5日] c2|customer||text|好的@3"}},
		{"sheets without ids", []sheetSpec{noID, {"客服C", "", [][]string{{"角色", "内容"}, {"agent", "好的"}}}}, Options{},
			[]string{"<stdin> <stdin>|agent||text|在的@2", "<stdin>[客服C] <stdin>[客服C]|agent||text|好的@2"}},
		// a sheet whose header names a text column but not the columns
		// of a conversation, a time or a role the first one's does is
		// a table beside the chats, not one of them (its rows were
		// messages, or malformed records: 小美 has no role)
		{"a summary of replies", []sheetSpec{timed, summary, agentSummary, noID, timed2}, Options{},
			[]string{"<stdin> c1|customer||text|在吗@2", "<stdin>[11月5日] c2|agent||text|您好@2"}},
		{"no header row: the first sheet only", []sheetSpec{{"a", "", [][]string{{"c4", "agent", "不客气"}}}, {"b", "", [][]string{{"c5", "agent", "好"}}}},
			Options{Mapping: &Mapping{Header: boolPtr(false), Fields: map[string]string{"conversation": "1", "role": "2", "text": "3"}}},
			[]string{"<stdin> c4|agent||text|不客气@1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := readData(t, "xlsx", string(sheetsWorkbook(t, tc.sheets...)), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range s.msgs {
				got = append(got, m.Pos.File+" "+msgLine(m))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestXLSXTemplatesOnly: a workbook whose chat sheets hold a header row
// alone says so.
func TestXLSXTemplatesOnly(t *testing.T) {
	template := sheetSpec{"模板", "", [][]string{{"会话ID", "角色", "内容"}}}
	_, err := readData(t, "xlsx", string(sheetsWorkbook(t, template, sheetSpec{"模板2", "", template.rows})), Options{})
	if err == nil || err.Error() != "<stdin>: only a header row, no messages" {
		t.Fatalf("error %v, want only a header row", err)
	}
}

// TestXLSXLaterSheetError: an error reading a chat sheet after the first
// names the sheet.
func TestXLSXLaterSheetError(t *testing.T) {
	day1 := sheetSpec{"11月4日", "", [][]string{{"会话ID", "角色", "内容"}, {"c1", "customer", "在吗"}}}
	long := sheetSpec{"11月5日", "", [][]string{{"会话ID", "角色", "内容"}, {"c2", "agent", strings.Repeat("您好", 40)}}}
	_, err := readData(t, "xlsx", string(sheetsWorkbook(t, day1, long)), Options{MaxRecordBytes: 64})
	if err == nil || !strings.Contains(err.Error(), `<stdin>: sheet "11月5日": `) {
		t.Fatalf("error %v, want one naming sheet 11月5日", err)
	}
}
