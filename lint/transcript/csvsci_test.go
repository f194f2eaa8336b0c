package transcript

import (
	"strings"
	"testing"
)

// Excel writes a long number in a column of the General format to a csv as
// it shows it, 1.23457E+15: conversation ids of 12 digits or more lose
// their digits, and every conversation of the file became one, linted in
// silence as a single customer's. Such a record is malformed, saying why
// and what to do in Excel; ids that only look alike are read.
func TestSciNotationConversationID(t *testing.T) {
	const head = "会话ID,时间,角色,内容\n"
	s := mustRead(t, "csv", head+
		"1.23457E+15,2026-11-04 10:00:00,customer,在吗\n"+
		"1E+15,2026-11-04 10:00:01,customer,在吗\n"+
		"1.234567e+18,2026-11-04 10:00:02,customer,在吗\n"+
		"1234567890123456,2026-11-04 10:00:03,customer,在吗\n"+
		"4e12,2026-11-04 10:00:04,customer,在吗\n"+
		"1.5,2026-11-04 10:00:05,customer,在吗\n"+
		"E+15,2026-11-04 10:00:06,customer,在吗\n"+
		"2E+,2026-11-04 10:00:07,customer,在吗\n", Options{})
	var lines []int
	for _, r := range s.rejects {
		lines = append(lines, r.Pos.Line)
		if !strings.Contains(r.Err, "scientific notation") {
			t.Errorf("line %d: %s", r.Pos.Line, r.Err)
		}
	}
	var convs []string
	for _, m := range s.msgs {
		convs = append(convs, m.Conversation)
	}
	if len(lines) != 3 || lines[0] != 2 || lines[2] != 4 || strings.Join(convs, " ") != "1234567890123456 4e12 1.5 E+15 2E+" {
		t.Errorf("rejected lines %v, conversations %q", lines, convs)
	}
	// the same in a JSON export, where a float's printing does it
	s = mustRead(t, "json", `[{"conversation": 1.2345678901234568e+18, "role": "customer", "text": "在吗"}]`, Options{})
	if len(s.rejects) != 1 || len(s.msgs) != 0 {
		t.Errorf("json: rejects %v, %d messages", s.rejects, len(s.msgs))
	}
}
