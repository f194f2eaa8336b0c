package transcript

import (
	"strings"
	"testing"
)

// --header=false or --delimiter say the input is a table: on standard input
// (or under an unknown extension), where no header row lets sniffing tell,
// it is read as one, a tsv when its first line holds TABs (or the
// delimiter is one), else a csv, rather than refused with "cannot detect
// the input format".
func TestDetectTableByMapping(t *testing.T) {
	cols := map[string]string{"conversation": "1", "time": "2", "role": "3", "text": "4"}
	for _, tc := range []struct {
		name, data string
		m          *Mapping
	}{
		{"--header=false, TABs", "c1\t2026-11-04 10:00:00\tcustomer\t在吗\nc1\t2026-11-04 10:00:05\tagent\t您好\n", &Mapping{Fields: cols, Header: new(false)}},
		{"--header=false, commas", "c1,2026-11-04 10:00:00,customer,在吗\nc1,2026-11-04 10:00:05,agent,您好\n", &Mapping{Fields: cols, Header: new(false)}},
		{"--delimiter ;", "会话ID;时间;角色;内容\nc1;2026-11-04 10:00:00;customer;在吗\nc1;2026-11-04 10:00:05;agent;您好\n", &Mapping{Delimiter: ";"}},
		{"--delimiter | --header=false", "c1|2026-11-04 10:00:00|customer|在吗\nc1|2026-11-04 10:00:05|agent|您好\n", &Mapping{Fields: cols, Header: new(false), Delimiter: "|"}},
	} {
		s, err := readData(t, "auto", tc.data, Options{Mapping: tc.m})
		if err != nil || len(s.msgs) != 2 || len(s.rejects) != 0 {
			t.Errorf("%s: %v; %s, rejects %v", tc.name, err, msgLines(s.msgs), s.rejects)
		}
	}
	// without such a flag, a table without a header is still not guessed
	_, err := readData(t, "auto", "c1\t2026-11-04 10:00:00\tcustomer\t在吗\n", Options{})
	if err == nil || !strings.Contains(err.Error(), "cannot detect the input format") {
		t.Errorf("no flag: %v", err)
	}
}
