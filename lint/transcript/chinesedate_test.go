package transcript

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestChineseDatesEveryReader: times with the date written the Chinese way
// (2026年11月4日, 4号, 上午/下午 before a 12-hour clock) are read without
// --time-layout by every reader that reads times: JSONL (fast scanner and
// with a mapping), JSON, csv, tsv, a workbook, a csv's date column beside a
// time column, and a txt dump's header lines, with the zone written with
// them. A date without its year, or with a zone's abbreviation, is a
// malformed record that says so.
func TestChineseDatesEveryReader(t *testing.T) {
	at := func(h, m, s int) time.Time { return time.Date(2026, 11, 4, h, m, s, 0, tzSH) }
	for _, tc := range []struct {
		value string // the time as the export writes it
		want  time.Time
		why   string // the start of the reason it is refused ("": read)
	}{
		{value: "2026年11月4日 10:02:03", want: at(10, 2, 3)},
		{value: "2026年11月4日10:02:03", want: at(10, 2, 3)},
		{value: "2026年11月04日 10:02", want: at(10, 2, 0)},
		{value: "2026年11月4日 上午10:02:03", want: at(10, 2, 3)},
		{value: "2026年11月4日 下午3:05", want: at(15, 5, 0)},
		{value: "2026年11月4号 10:02", want: at(10, 2, 0)},
		{value: "11月4日 10:02", why: `unparseable time "11月4日 10:02" (a date without a year`},
		// a zone written with the time
		{value: "2026年11月4日 11:02 +09:00", want: at(10, 2, 0)},
		{value: "北京时间 2026年11月4日T10:02", want: at(10, 2, 0)},
		{value: "2026年11月4日 10:02 +0800", want: at(10, 2, 0)},
		{value: "2026年11月4日T10:02", want: at(10, 2, 0)},
		{value: "2026年11月4日T11:02+09:00", want: at(10, 2, 0)},
		{value: "2026年11月4日T02:02Z", want: at(10, 2, 0)},
		{value: "2026年11月4日 10:02 +2500", why: `unparseable time "2026年11月4日 10:02 +2500"`},
		{value: "2026年13月4日T10:02+08:00", why: `unparseable time "2026年13月4日T10:02+08:00"`},
		{value: "2026年11月4日 10:02 CST", why: `unparseable time "2026年11月4日 10:02 CST" (the zone CST is an abbreviation`},
	} {
		mapped := Options{Mapping: &Mapping{Fields: map[string]string{"time": "ts"}}}
		for _, rc := range []struct {
			format, data string
			opts         Options
		}{
			{"jsonl", fmt.Sprintf(`{"conversation":"c1","time":%q,"role":"agent","text":"您好"}`+"\n", tc.value), Options{}},
			{"jsonl", fmt.Sprintf(`{"conversation":"c1","ts":%q,"role":"agent","text":"您好"}`+"\n", tc.value), mapped},
			{"json", fmt.Sprintf(`[{"conversation":"c1","time":%q,"role":"agent","text":"您好"}]`, tc.value), Options{}},
			{"csv", fmt.Sprintf("会话ID,时间,角色,内容\nc1,%s,agent,您好\n", tc.value), Options{}},
			{"tsv", fmt.Sprintf("会话ID\t时间\t角色\t内容\nc1\t%s\tagent\t您好\n", tc.value), Options{}},
			{"xlsx", string(xlsxBytes(t, workbookParts{sheet: inlineSheet([]string{"会话ID", "时间", "角色", "内容"}, []string{"c1", tc.value, "agent", "您好"})})), Options{}},
		} {
			name := rc.format
			if rc.opts.Mapping != nil {
				name += " mapped"
			}
			s, err := readData(t, rc.format, rc.data, rc.opts)
			if err != nil {
				t.Errorf("%s %q: %v", name, tc.value, err)
				continue
			}
			if tc.why != "" {
				if len(s.msgs) != 0 || len(s.rejects) != 1 || !strings.HasPrefix(s.rejects[0].Err, tc.why) {
					t.Errorf("%s %q: messages %v, rejects %v; want it refused: %s", name, tc.value, msgLines(s.msgs), s.rejects, tc.why)
				}
				continue
			}
			if len(s.rejects) != 0 || len(s.msgs) != 1 || !s.msgs[0].Time.Equal(tc.want) {
				t.Errorf("%s %q: messages %v, rejects %v; want one at %v", name, tc.value, s.msgs, s.rejects, tc.want)
			}
		}
	}

	// a date column written the Chinese way beside a column of times of day
	s := mustRead(t, "csv", "会话ID,日期,时间,角色,内容\nD1,2026年11月4日,23:59:00,customer,在吗\nD1,2026年11月5号,下午1:01,agent,在的亲\n", Options{})
	want := []time.Time{time.Date(2026, 11, 4, 23, 59, 0, 0, tzSH), time.Date(2026, 11, 5, 13, 1, 0, 0, tzSH)}
	if len(s.rejects) != 0 || len(s.msgs) != 2 || !s.msgs[0].Time.Equal(want[0]) || !s.msgs[1].Time.Equal(want[1]) {
		t.Errorf("date and time columns: messages %v, rejects %v; want times %v", s.msgs, s.rejects, want)
	}

	// the header lines of a txt dump, name first or time first
	for _, dump := range []string{
		"tb_buyer01 2026年11月4号 上午10:00\n在吗\n店铺名:小美（2026年11月4日 下午3:05:06）：\n在的\n",
		"2026年11月4号 上午10:00 tb_buyer01\n在吗\n\n2026年11月4日下午3:05:06 店铺名:小美\n在的\n",
	} {
		s = mustRead(t, "txt", dump, shopAgents)
		want = []time.Time{at(10, 0, 0), at(15, 5, 6)}
		if len(s.rejects) != 0 || len(s.msgs) != 2 {
			t.Errorf("txt %q: messages %v, rejects %v", dump, msgLines(s.msgs), s.rejects)
			continue
		}
		for i, m := range s.msgs {
			if !m.Time.Equal(want[i]) || m.Text != []string{"在吗", "在的"}[i] {
				t.Errorf("txt %q: message %d %q at %v, want %v", dump, i, m.Text, m.Time, want[i])
			}
		}
	}
	// an hour past 12 after 下午 is no time: the header's message is refused
	s = mustRead(t, "txt", "tb_buyer01 2026年11月4日 下午15:00\n在吗\n", shopAgents)
	if len(s.msgs) != 0 || len(s.rejects) != 1 || !strings.HasPrefix(s.rejects[0].Err, "unparseable time") {
		t.Errorf("txt 下午15:00: messages %v, rejects %v", msgLines(s.msgs), s.rejects)
	}
}

// TestFullWidthTimeOfDayBesideDate: a 时间 column typed with full-width
// digits or colons (10：00：30, １０:０１) beside a 日期 column is put on its
// row's date, as an ASCII time of day is; alone, it is refused as a time of
// day without a date, saying so.
func TestFullWidthTimeOfDayBesideDate(t *testing.T) {
	for _, format := range []string{"csv", "xlsx"} {
		rows := [][]string{{"会话ID", "日期", "时间", "角色", "内容"},
			{"D1", "2026年11月4日", "10：00：00", "customer", "在吗"},
			{"D1", "2026/11/4", "下午１：０１", "agent", "在的亲"},
			{"D1", "2026-11-04", "１０:０１", "customer", "好"}}
		data := tableData(t, format, rows)
		s := mustRead(t, format, data, Options{})
		want := []time.Time{nov4(10, 0, 0), nov4(13, 1, 0), nov4(10, 1, 0)}
		if len(s.rejects) != 0 || len(s.msgs) != len(want) {
			t.Errorf("%s: messages %v, rejects %v; want times %v", format, msgLines(s.msgs), s.rejects, want)
			continue
		}
		for i, m := range s.msgs {
			if !m.Time.Equal(want[i]) {
				t.Errorf("%s: message %d at %v, want %v", format, i, m.Time, want[i])
			}
		}
	}
	if _, err := ParseTime("10：00：30", tzSH); err == nil || !strings.Contains(err.Error(), "(a time of day without a date") {
		t.Errorf("a full-width time of day alone: %v, want it refused as a time of day without a date", err)
	}
}

// TestZonedTimeOfDayBesideDate: a 时间 column whose times of day carry
// their zone (10:02 +0800, 北京时间 10:02, 10:02 UTC) beside a 日期 column
// is put on its row's date and read in that zone; a zone that cannot be
// used still makes the row malformed, saying why.
func TestZonedTimeOfDayBesideDate(t *testing.T) {
	for _, format := range []string{"csv", "xlsx"} {
		rows := [][]string{{"会话ID", "日期", "时间", "角色", "内容"},
			{"D1", "2026-11-04", "10:02 +0800", "customer", "在吗"},
			{"D1", "2026/11/4", "北京时间 10:03", "agent", "在的亲"},
			{"D1", "2026年11月4日", "02:04:00 UTC", "customer", "好"},
			{"D1", "2026-11-04", "10：05（UTC＋８）", "agent", "好的"},
			{"D1", "2026-11-04", "10:06 CST", "customer", "嗯"}}
		data := tableData(t, format, rows)
		s := mustRead(t, format, data, Options{Location: time.UTC})
		want := []time.Time{nov4(10, 2, 0), nov4(10, 3, 0), nov4(10, 4, 0), nov4(10, 5, 0)}
		if len(s.msgs) != len(want) || len(s.rejects) != 1 {
			t.Errorf("%s: messages %v, rejects %v; want times %v and 1 reject", format, msgLines(s.msgs), s.rejects, want)
			continue
		}
		for i, m := range s.msgs {
			if !m.Time.Equal(want[i]) {
				t.Errorf("%s: message %d at %v, want %v", format, i, m.Time, want[i])
			}
		}
		if !strings.Contains(s.rejects[0].Err, "abbreviation") {
			t.Errorf("%s: CST refused with %q, want the abbreviation named", format, s.rejects[0].Err)
		}
	}
}

// tableData is rows written as a csv file or as a workbook (format xlsx).
func tableData(t *testing.T, format string, rows [][]string) string {
	if format == "xlsx" {
		return string(xlsxBytes(t, workbookParts{sheet: storedSheet(rows...)}))
	}
	data := ""
	for _, r := range rows {
		data += strings.Join(r, ",") + "\n"
	}
	return data
}

// nov4 is 2026-11-04 at h:m:s in Shanghai.
func nov4(h, m, s int) time.Time { return time.Date(2026, 11, 4, h, m, s, 0, tzSH) }

// TestChineseDateOffsetsAndT: a date written the Chinese way takes a
// numeric zone offset (+0800, +08:00, Z) after its time of day, with a
// blank before it or none, and a T between the date and the time, as an
// ISO date does; the offset written wins over --tz (loc), as it does after
// an ISO date, and a time without one is read in loc. What is no date,
// no time of day or no offset is still refused.
func TestChineseDateOffsetsAndT(t *testing.T) {
	utc := func(h, m, s, ns int) time.Time { return time.Date(2026, 11, 4, h, m, s, ns, time.UTC) }
	for _, tc := range []struct {
		value string
		want  time.Time // in UTC; zero: read in loc (the local wall time 10:02)
		why   string    // the start of the reason it is refused ("": read)
	}{
		{value: "2026年11月4日 10:02 +0800", want: utc(2, 2, 0, 0)},
		{value: "2026年11月4日 10:02 +08:00", want: utc(2, 2, 0, 0)},
		{value: "2026年11月4日 10:02+0800", want: utc(2, 2, 0, 0)},
		{value: "2026年11月4日10:02:03+08:00", want: utc(2, 2, 3, 0)},
		{value: "2026年11月4日 10:02 Z", want: utc(10, 2, 0, 0)},
		{value: "2026年11月4日 10:02 -0500", want: utc(15, 2, 0, 0)},
		{value: "2026年11月4号 10:02:03.250 +08:00", want: utc(2, 2, 3, 250e6)},
		{value: "2026年11月4日 下午3:05 +0800", want: utc(7, 5, 0, 0)},
		{value: "2026年11月4日T10:02"},
		{value: "2026年11月4日T10:02:00"},
		{value: "2026年11月4日T10:02+0800", want: utc(2, 2, 0, 0)},
		{value: "2026年11月4日T10:02:03+08:00", want: utc(2, 2, 3, 0)},
		{value: "2026年11月4日T10:02Z", want: utc(10, 2, 0, 0)},
		{value: "2026年11月4日T10:02:03.5Z", want: utc(10, 2, 3, 5e8)},
		{value: "北京时间 2026年11月4日T10:02 +08:00", want: utc(2, 2, 0, 0)},
		// still refused
		{value: "2026年13月4日 10:02", why: "unparseable time"},
		{value: "2026年13月4日 10:02 +0800", why: "unparseable time"},
		{value: "2026年11月31日T10:02+08:00", why: "unparseable time"},
		{value: "2026年11月4日 25:00", why: "unparseable time"},
		{value: "2026年11月4日T25:00+08:00", why: "unparseable time"},
		{value: "2026年11月4日 10:60 Z", why: "unparseable time"},
		{value: "2026年11月4日 10:02 +2500", why: "unparseable time"},
		{value: "2026年11月4日 10:02 +08:60", why: "unparseable time"},
		{value: "2026年11月4日 10:02 +08:0", why: "unparseable time"},
		{value: "2026年11月4日 10:02 08:00", why: "unparseable time"},
		{value: "2026年11月4日 10:02 +0800 -0500", why: `unparseable time "2026年11月4日 10:02 +0800 -0500" (zones that disagree`},
		{value: "2026年11月4日 10:02 +0800 CST", why: `unparseable time "2026年11月4日 10:02 +0800 CST" (the zone CST is an abbreviation`},
		{value: "2026年11月4日TT10:02", why: "unparseable time"},
		{value: "11月4日T10:02+08:00", why: `unparseable time "11月4日T10:02+08:00" (a date without a year`},
	} {
		for _, loc := range []*time.Location{tzSH, time.UTC, newYork} {
			got, err := ParseTime(tc.value, loc)
			switch {
			case tc.why != "":
				if err == nil || !strings.HasPrefix(err.Error(), tc.why) {
					t.Errorf("ParseTime(%q, %v) = %v, %v; want it refused: %s", tc.value, loc, got, err, tc.why)
				}
			case err != nil:
				t.Errorf("ParseTime(%q, %v): %v", tc.value, loc, err)
			case tc.want.IsZero():
				if want := time.Date(2026, 11, 4, 10, 2, 0, 0, loc); !got.Equal(want) {
					t.Errorf("ParseTime(%q, %v) = %v, want %v (in --tz)", tc.value, loc, got, want)
				}
			case !got.Equal(tc.want):
				t.Errorf("ParseTime(%q, %v) = %v, want %v (the offset written, not --tz)", tc.value, loc, got, tc.want.In(loc))
			}
		}
	}
	// as an ISO time's: the same instant, whatever --tz says
	for _, pair := range [][2]string{
		{"2026年11月4日 10:02 +0800", "2026-11-04 10:02 +0800"},
		{"2026年11月4日T10:02+08:00", "2026-11-04T10:02+08:00"},
		{"2026年11月4日T10:02Z", "2026-11-04T10:02Z"},
		{"2026年11月4日T10:02", "2026-11-04T10:02"},
	} {
		for _, loc := range []*time.Location{tzSH, time.UTC, newYork} {
			zh, err1 := ParseTime(pair[0], loc)
			iso, err2 := ParseTime(pair[1], loc)
			if err1 != nil || err2 != nil || !zh.Equal(iso) {
				t.Errorf("in %v: %q = %v, %v; %q = %v, %v: want the same time", loc, pair[0], zh, err1, pair[1], iso, err2)
			}
		}
	}
	// through a reader given --tz UTC: the offset written wins
	s := mustRead(t, "csv", "会话ID,时间,角色,内容\nc1,2026年11月4日 10:02 +0800,customer,在吗\nc1,2026年11月4日T10:03+08:00,agent,在的\nc1,2026年11月4日T02:04,agent,好的\n", Options{Location: time.UTC})
	want := []time.Time{utc(2, 2, 0, 0), utc(2, 3, 0, 0), utc(2, 4, 0, 0)}
	if len(s.rejects) != 0 || len(s.msgs) != len(want) {
		t.Fatalf("csv with --tz UTC: messages %v, rejects %v", msgLines(s.msgs), s.rejects)
	}
	for i, m := range s.msgs {
		if !m.Time.Equal(want[i]) {
			t.Errorf("csv with --tz UTC: message %d at %v, want %v", i, m.Time, want[i])
		}
	}
}
