package transcript

import (
	"strings"
	"testing"
)

// TestXLSXSheetsNotReadSaid: a workbook's sheets that hold chats but are
// not read, a hidden one whose header names the columns and a later one
// whose header lacks a column of the first chat sheet's, are said once
// for the workbook (they were passed over without a word); a cover page
// or a pivot table is not, nor is anything with --header=false.
func TestXLSXSheetsNotReadSaid(t *testing.T) {
	chat := sheetSpec{"聊天记录", "", [][]string{{"会话ID", "角色", "内容"}, {"c1", "customer", "在吗"}}}
	day2 := sheetSpec{"11月5日", "", [][]string{{"会话ID", "角色", "内容"}, {"c2", "agent", "您好"}}}
	old := sheetSpec{"旧记录", "hidden", [][]string{{"会话ID", "角色", "内容"}, {"c0", "agent", "这是隐藏的旧记录"}}}
	summary := sheetSpec{"汇总", "", [][]string{{"客服", "内容", "次数"}, {"小美", "您好", "12"}}}
	cover := sheetSpec{"封面", "", [][]string{{"2026年11月 客服聊天记录"}}}
	hiddenCover := sheetSpec{"备注", "veryHidden", [][]string{{"导出人：质检部"}}}
	tests := []struct {
		name   string
		sheets []sheetSpec
		opts   Options
		want   string // "": no warning
	}{
		{"every chat sheet read", []sheetSpec{cover, chat, day2, hiddenCover}, Options{}, ""},
		{"a hidden chat sheet", []sheetSpec{old, chat}, Options{},
			`<stdin>: a sheet of chats was not read: "旧记录" (hidden: unhide it to read it)`},
		{"a later sheet lacking the first's conversation column", []sheetSpec{chat, summary, cover}, Options{},
			`<stdin>: a sheet of chats was not read: "汇总" (its header row names no conversation or role column, as the first chat sheet's does: a summary beside the chats?)`},
		{"both", []sheetSpec{chat, {old.name, "veryHidden", old.rows}, day2, summary}, Options{},
			`<stdin>: 2 sheets of chats were not read: "旧记录" (hidden: unhide it to read it); "汇总" (its header row names no conversation or role column, as the first chat sheet's does: a summary beside the chats?)`},
		{"no header row", []sheetSpec{chat, old, summary},
			Options{Mapping: &Mapping{Header: boolPtr(false), Fields: map[string]string{"conversation": "1", "role": "2", "text": "3"}}}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Mixed = &MixedEncodings{}
			if _, err := readData(t, "xlsx", string(sheetsWorkbook(t, tc.sheets...)), tc.opts); err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(tc.opts.Mixed.Warnings(), "\n"); got != tc.want {
				t.Fatalf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestXLSXFormulaWithoutValueSaid: cells of the text column that hold a
// formula but no value (a workbook written by a program that does not
// calculate formulas) are read as empty texts, and the run says so, with
// the first of them; a formula with its value, or one in another column,
// is not said.
func TestXLSXFormulaWithoutValueSaid(t *testing.T) {
	header := `<row r="1"><c r="A1" t="inlineStr"><is><t>会话ID</t></is></c><c r="B1" t="inlineStr"><is><t>角色</t></is></c><c r="C1" t="inlineStr"><is><t>内容</t></is></c></row>`
	row := func(r, conv, text string) string {
		return `<row r="` + r + `"><c r="A` + r + `"` + conv + `</c><c r="B` + r + `" t="inlineStr"><is><t>agent</t></is></c><c r="C` + r + `"` + text + `</c></row>`
	}
	const (
		plain     = ` t="inlineStr"><is><t>您好</t></is>`
		noValue   = ` t="str"><f>CONCAT("您","好")</f>`
		emptyV    = `><f>A1&amp;""</f><v></v>`
		withValue = ` t="str"><f>CONCAT("您","好")</f><v>您好</v>`
		shared    = `><f t="shared" si="0"/>`
		// calculated by Excel as an empty text: a value, no warning
		emptyText = ` t="str"><f>IF(A1="","",A1)</f><v></v>`
	)
	sheet := func(rows ...string) string {
		return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + header + strings.Join(rows, "") + `</sheetData></worksheet>`
	}
	tests := []struct {
		name, sheet, want string
	}{
		{"values", sheet(row("2", plain, plain), row("3", plain, withValue)), ""},
		{"a formula calculated as an empty text", sheet(row("2", plain, plain), row("3", plain, emptyText)), ""},
		{"a formula without a value in the conversation column", sheet(row("2", noValue, plain)), ""},
		{"the text column's", sheet(row("2", plain, plain), row("3", plain, noValue), row("4", plain, emptyV), row("5", plain, shared)),
			"<stdin>: 3 cells of the text column hold a formula but no value (the first: C3), read as empty: the program that wrote the workbook did not calculate its formulas; open it in Excel or WPS and save it again"},
		{"one", sheet(row("2", plain, noValue)),
			"<stdin>: 1 cell of the text column holds a formula but no value (the first: C2), read as empty: the program that wrote the workbook did not calculate its formulas; open it in Excel or WPS and save it again"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := Options{Mixed: &MixedEncodings{}}
			s, err := readData(t, "xlsx", string(xlsxBytes(t, workbookParts{sheet: tc.sheet})), opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(opts.Mixed.Warnings(), "\n"); got != tc.want {
				t.Fatalf("got\n%s\nwant\n%s", got, tc.want)
			}
			if len(s.msgs) == 0 {
				t.Fatal("no messages read")
			}
		})
	}
}
