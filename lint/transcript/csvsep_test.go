package transcript

import (
	"strconv"
	"strings"
	"testing"
)

// A first line "sep=;" names the delimiter, as Excel reads and writes it
// (a csv split by ';' opens right in any locale's Excel with it): the file
// is read with it, and the line is no record. It said "the header row is
// separated by ';' … use --delimiter ';'", naming line 1, the sep= line.
func TestCSVSepLine(t *testing.T) {
	const rows = "会话ID;时间;角色;内容\r\nc1;2026-11-04 10:00:00;customer;在吗\r\nc1;2026-11-04 10:00:05;agent;\"您好;亲\"\r\n"
	for _, tc := range []struct {
		name, data string
		opts       Options
		want       string // texts and lines, or the error
	}{
		{"semicolons", "sep=;\r\n" + rows, Options{}, "在吗@3 您好;亲@4"},
		{"upper case", "SEP=;\n" + rows, Options{}, "在吗@3 您好;亲@4"},
		{"commas", "sep=,\n" + strings.ReplaceAll(rows, ";", ","), Options{}, "在吗@3 您好,亲@4"},
		{"tabs", "sep=\t\n" + strings.ReplaceAll(rows, ";", "\t"), Options{}, "在吗@3 您好\t亲@4"},
		{"no header", "sep=;\n" + rows[strings.Index(rows, "\n")+1:], Options{Mapping: &Mapping{Header: new(false), Fields: map[string]string{"conversation": "1", "role": "3", "text": "4"}}}, "在吗@2 您好;亲@3"},
		// exports joined with cat: the second's sep= line, as its header
		// row, is no record (it was a record of 1 field, malformed)
		{"joined", "sep=;\r\n" + rows + "\uFEFFsep=;\r\n" + rows + "SEP=;\n" + rows, Options{}, "在吗@3 您好;亲@4 在吗@7 您好;亲@8 在吗@11 您好;亲@12"},
		// --delimiter wins
		{"flag", "sep=;\n" + rows, Options{Mapping: &Mapping{Delimiter: ","}}, "error"},
		// not a sep= line
		{"title", "sep=;x\n" + rows, Options{}, "error"},
	} {
		s, err := readData(t, "csv", tc.data, tc.opts)
		got := "error"
		if err == nil {
			var parts []string
			for _, m := range s.msgs {
				parts = append(parts, m.Text+"@"+strconv.Itoa(m.Pos.Line))
			}
			got = strings.Join(parts, " ")
			if len(s.rejects) > 0 {
				got += " rejects " + s.rejects[0].Err
			}
		}
		if got != tc.want {
			t.Errorf("%s: %q (%v); want %q", tc.name, got, err, tc.want)
		}
	}
}

// JSON given as a table (a JSONL or JSON export named .csv) says so and
// names the format to read it with: it was refused in words about quotes
// ("text after the closing quote of field 2") or a missing header row.
func TestCSVHoldingJSON(t *testing.T) {
	for _, tc := range []struct{ format, data, want string }{
		{"csv", `{"conversation":"c1","role":"customer","text":"在吗"}` + "\n" + `{"conversation":"c1","role":"agent","text":"您好"}` + "\n", "use --input-format jsonl"},
		{"csv", "[\n  {\"conversation\": \"c1\", \"role\": \"customer\", \"text\": \"在吗\"}\n]\n", "use --input-format json"},
		{"tsv", `{"conversations": [{"id": "c1", "messages": []}]}`, "use --input-format json"},
		// a header cell in brackets is no JSON
		{"csv", "[会话ID],时间,角色,内容\nc1,2026-11-04 10:00:00,customer,在吗\n", ""},
	} {
		_, err := readData(t, tc.format, tc.data, Options{})
		switch {
		case tc.want == "" && err != nil && strings.Contains(err.Error(), "JSON"):
			t.Errorf("%s %.30q: %v", tc.format, tc.data, err)
		case tc.want != "" && (err == nil || !strings.HasSuffix(err.Error(), "line 1: the file holds JSON, not delimited values: "+tc.want)):
			t.Errorf("%s %.30q: %v; want %q", tc.format, tc.data, err, tc.want)
		}
	}
}
