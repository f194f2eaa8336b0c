package transcript

import (
	"strings"
	"testing"
	"time"
)

// Exports often say in the header what a column holds: 发送时间(UTC),
// 时间（北京时间）, 内容(文本). The annotation in brackets at the end of a
// header cell does not keep the column from being recognised, and a zone it
// names is the zone of that column's times written without one (a time
// written with its own zone keeps it).
func TestHeaderAnnotations(t *testing.T) {
	utc8 := time.FixedZone("", 8*3600)
	for _, tc := range []struct {
		name, data string
		opts       Options
		want       []time.Time
	}{
		{"(UTC)", "会话ID,发送时间(UTC),角色,内容\nc1,2026-11-04 02:00:00,customer,在吗\nc1,2026-11-04 02:00:30+08:00,agent,您好\n", Options{},
			[]time.Time{time.Date(2026, 11, 4, 2, 0, 0, 0, time.UTC), time.Date(2026, 11, 4, 2, 0, 30, 0, utc8)}},
		{"（北京时间）", "会话ID,时间（北京时间）,角色,内容\nc1,2026-11-04 10:00:00,customer,在吗\n", Options{Location: time.UTC},
			[]time.Time{time.Date(2026, 11, 4, 10, 0, 0, 0, utc8)}},
		{"(UTC+8), English", "Session ID,Time (UTC+8),Role,Message\nc1,2026/11/4 10:00,customer,在吗\n", Options{Location: time.UTC},
			[]time.Time{time.Date(2026, 11, 4, 10, 0, 0, 0, utc8)}},
		{"a note that names no zone", "会话ID,时间(秒),角色,内容(文本)\nc1,1793757600,customer,在吗\n", Options{},
			[]time.Time{time.Unix(1793757600, 0)}},
		{"--map by the annotated name", "会话ID,创建于(UTC),角色,内容\nc1,2026-11-04 02:00:00,customer,在吗\n",
			Options{Mapping: &Mapping{Fields: map[string]string{"time": "创建于(UTC)"}}},
			[]time.Time{time.Date(2026, 11, 4, 2, 0, 0, 0, time.UTC)}},
		{"tsv", "会话ID\t时间(UTC)\t角色\t内容\nc1\t2026-11-04 02:00:00\tcustomer\t在吗\n", Options{},
			[]time.Time{time.Date(2026, 11, 4, 2, 0, 0, 0, time.UTC)}},
	} {
		format := "csv"
		if strings.Contains(tc.data, "\t") {
			format = "tsv"
		}
		s := mustRead(t, format, tc.data, tc.opts)
		if len(s.msgs) != len(tc.want) || len(s.rejects) != 0 {
			t.Errorf("%s: %s, rejects %v", tc.name, msgLines(s.msgs), s.rejects)
			continue
		}
		for i, w := range tc.want {
			if got := s.msgs[i].Time; !got.Equal(w) {
				t.Errorf("%s: message %d at %v, want %v", tc.name, i+1, got, w)
			}
		}
	}
}
