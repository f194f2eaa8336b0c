package transcript

import (
	"strings"
	"testing"
)

// TestXLSXPartsByRelationship: the shared strings and the styles are found
// where the workbook's relationships say, in any case of their names, as
// the Open Packaging Conventions have it (a writer's xl/SharedStrings.xml,
// or a table named otherwise): before, only xl/sharedStrings.xml and
// xl/styles.xml were read, and every text cell of such a workbook read as
// empty (its header "no text column ... cells: "", …" on line 2). A cell
// naming a shared string the table does not hold makes its row malformed,
// saying so, rather than a message whose text is silently empty (a cell
// of that type without a value is an empty cell, as some writers store
// a formatted one).
func TestXLSXPartsByRelationship(t *testing.T) {
	const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>` +
		`<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" s="1"><v>46330.5</v></c><c r="D2" t="s"><v>6</v></c><c r="E2" t="s"/><c r="F2" t="s"><v></v></c></row>` +
		`<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" t="s"><v>5</v></c><c r="C3" s="1"><v>46330.50007</v></c><c r="D3" t="s"><v>%s</v></c></row>` +
		`</sheetData></worksheet>`
	const shared = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<si><t>会话ID</t></si><si><t>角色</t></si><si><t>时间</t></si><si><t>内容</t></si><si><t>c1</t></si><si><t>agent</t></si><si><t>您好</t></si><si><t>在的</t></si></sst>`
	const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d h:mm:ss"/></numFmts>` +
		`<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`
	rels := func(sst, sty string) string {
		return `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="` + sst + `"/>` +
			`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="` + sty + `"/></Relationships>`
	}
	const workbook = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="聊天" sheetId="1" r:id="rId1"/></sheets></workbook>`
	want := "c1|agent||text|您好@2 2026-11-04T12:00:00+08:00\nc1|agent||text|在的@3 2026-11-04T12:00:06+08:00"
	tests := []struct {
		name             string
		sstName, styName string // the parts' names in the zip
		sstRel, styRel   string // the relationships' targets
		index            string // the shared string of D3
		want, reject     string
	}{
		{"names in another case", "xl/SharedStrings.xml", "xl/Styles.xml", "SharedStrings.xml", "Styles.xml", "7", want, ""},
		{"names of the writer's own", "xl/strings.xml", "xl/theme/cellstyles.xml", "/xl/strings.xml", "theme/cellstyles.xml", "7", want, ""},
		{"a string the table lacks", "xl/sharedStrings.xml", "xl/styles.xml", "sharedStrings.xml", "styles.xml", "8",
			"c1|agent||text|您好@2 2026-11-04T12:00:00+08:00",
			`<stdin>:3: cell D3 refers to shared string "8", but the workbook's table of them (xl/sharedStrings.xml) holds 8, numbered from 0: a damaged workbook; open and save it again in Excel or WPS`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := xlsxBytes(t, workbookParts{workbook: workbook, rels: rels(tc.sstRel, tc.styRel),
				sheet: strings.Replace(sheet, "%s", tc.index, 1),
				more:  map[string]string{tc.sstName: shared, tc.styName: styles}})
			s, err := readData(t, "xlsx", string(data), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range s.msgs {
				got = append(got, msgLine(m)+" "+m.Time.Format("2006-01-02T15:04:05-07:00"))
			}
			if strings.Join(got, "\n") != tc.want {
				t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), tc.want)
			}
			var rejects []string
			for _, r := range s.rejects {
				rejects = append(rejects, r.Pos.String()+": "+r.Err)
			}
			if strings.Join(rejects, "\n") != tc.reject {
				t.Fatalf("rejected\n%s\nwant\n%s", strings.Join(rejects, "\n"), tc.reject)
			}
		})
	}
}
