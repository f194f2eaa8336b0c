package transcript

import (
	"strings"
	"testing"
)

// Exports joined with cat (day1.csv day2.csv > week.csv) repeat the header
// row, with the byte-order mark Excel writes if any: the repeated header is
// no record, as the first is not, rather than a malformed record ("unknown
// role "角色"").
func TestCSVRepeatedHeader(t *testing.T) {
	day := "会话ID,时间,角色,内容\r\nc1,2026-11-04 10:00:00,customer,在吗\r\n"
	day2 := "会话ID,时间,角色,内容\r\nc2,2026-11-05 10:00:00,customer,你好\r\n"
	quoted := "\"会话ID\",\"时间\",\"角色\",\"内容\"\r\nc3,2026-11-06 10:00:00,customer,再见\r\n"
	for _, tc := range []struct {
		name, format, data string
		want               []string
	}{
		{"csv", "csv", day + day2, []string{"c1|customer||text|在吗@2", "c2|customer||text|你好@4"}},
		{"csv with BOMs", "csv", "\uFEFF" + day + "\uFEFF" + day2, []string{"c1|customer||text|在吗@2", "c2|customer||text|你好@4"}},
		{"auto", "auto", "\uFEFF" + day + "\uFEFF" + day2, []string{"c1|customer||text|在吗@2", "c2|customer||text|你好@4"}},
		{"quoted header", "csv", strings.ReplaceAll(quoted, "c3", "c0") + quoted, []string{"c0|customer||text|再见@2", "c3|customer||text|再见@4"}},
		{"tsv", "tsv", strings.ReplaceAll(day+day2, ",", "\t"), []string{"c1|customer||text|在吗@2", "c2|customer||text|你好@4"}},
	} {
		s := mustRead(t, tc.format, tc.data, Options{})
		if got := msgLines(s.msgs); got != strings.Join(tc.want, "\n") || len(s.rejects) != 0 || len(s.skips) != 0 {
			t.Errorf("%s: got\n%s\nrejects %v, skips %v; want\n%s", tc.name, got, s.rejects, s.skips, strings.Join(tc.want, "\n"))
		}
	}
	// the engine's workers build the rows of one line (see
	// TestCSVDeferredAgrees): the repeated header is no record there either
	for _, data := range []string{day + day2, "\uFEFF" + day + "\uFEFF" + day2, day + day2 + day2 + "\n\n" + day} {
		events, _ := readCSVEvents(data, 0, ",", true)
		if d := agreeDeferred(t, data, func(deferring bool) ([]string, int) { return readCSVEvents(data, 0, ",", deferring) }); d == 0 ||
			strings.Contains(strings.Join(events, "\n"), "角色") {
			t.Errorf("deferred %d: %q", d, events)
		}
	}
	// a row that only resembles the header is still a record
	s := mustRead(t, "csv", "会话ID,时间,角色,内容\nc1,2026-11-04 10:00:00,customer,在吗\n会话ID,时间,角色,内容x\n", Options{})
	if len(s.msgs) != 1 || len(s.rejects) != 1 || s.rejects[0].Pos.Line != 3 {
		t.Errorf("a row like the header: %s, rejects %v", msgLines(s.msgs), s.rejects)
	}
}
