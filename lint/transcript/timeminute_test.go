package transcript

import (
	"testing"
)

// TestTimeToMinute: a time written without seconds (as Excel saves a
// column formatted h:mm, 2026/11/4 9:58) is read at :00 and said to be
// written to the minute (lint.Message.TimeToMinute), by ParseTime's
// layouts and by a --time-layout without seconds, so that the timing
// rules decide only what it proves; times with seconds, RFC 3339 and
// epoch times are not.
func TestTimeToMinute(t *testing.T) {
	for _, tc := range []struct {
		in     string
		minute bool
	}{
		{"2026/11/4 9:58", true},
		{"2026-11-04 09:58", true},
		{"2026-11-4T9:58", true},
		{"2026年11月4日 10:02", true},
		{"2026年11月4日10:02", true},
		{"2026年11月4日 下午3:05", true},
		{"2026/11/4 下午 3:05", true},
		{"２０２６年１１月４日 １０：０２", true},
		{"2026-11-04T10:02+08:00", true},
		{"2026-11-04 10:02 UTC+8", true},
		{"北京时间 2026年11月4日 10:02", true},
		{"2026/11/4 9:58:07", false},
		{"2026-11-04 09:58:00", false},
		{"2026-11-04T09:58:00+08:00", false},
		{"2026-11-04T09:58:00.5Z", false},
		{"2026年11月4日 10:02:03", false},
		{"2026/11/4 下午 3:05:12", false},
		{"2026-11-04T10:00:00+0800", false},
		{"1793757600", false},
		{"1793757600000", false},
		{"", false},
	} {
		for _, memo := range []*dayMemo{nil, {}} {
			_, minute, err := parseTimeReadPrec(tc.in, shanghai, memo)
			if err != nil || minute != tc.minute {
				t.Errorf("parseTimeReadPrec(%q) to the minute %v (%v), want %v", tc.in, minute, err, tc.minute)
			}
		}
		if _, minute, err := parseTimeLayoutPrec(tc.in, "", "", shanghai); err != nil || minute != tc.minute {
			t.Errorf("parseTimeLayoutPrec(%q) without a layout: to the minute %v (%v), want %v", tc.in, minute, err, tc.minute)
		}
	}
	for _, tc := range []struct {
		in, layout string
		minute     bool
	}{
		{"04/11/2026 09:58", "%d/%m/%Y %H:%M", true},
		{"04/11/2026 09:58:07", "%d/%m/%Y %H:%M:%S", false},
		{"04/11/2026 09:58:07", "%d/%m/%Y %T", false},
		{"2026/11/04 9:58", "2006/01/02 15:04", true},
		{"2026/11/04 9:58:7", "2006/01/02 15:04:5", false},
		{"20261104095807", "%Y%m%d%H%M%S", false},
		{"1793757600", "unix", false},
	} {
		layout, err := TimeLayout(tc.layout)
		if err != nil {
			t.Fatal(err)
		}
		if _, minute, err := parseTimeLayoutPrec(tc.in, layout, tc.layout, shanghai); err != nil || minute != tc.minute {
			t.Errorf("parseTimeLayoutPrec(%q, %q): to the minute %v (%v), want %v", tc.in, tc.layout, minute, err, tc.minute)
		}
	}
}

// TestReadersKeepTimeToMinute: the JSONL reader and the table readers
// (csv, with or without --time-layout) hand the messages their times'
// precision.
func TestReadersKeepTimeToMinute(t *testing.T) {
	rec := readJSONL(t, `{"conversation":"c","role":"customer","time":"2026/11/4 9:58","text":"在吗"}
{"conversation":"c","role":"agent","time":"2026-11-04 09:59:10","text":"在的"}
{"conversation":"c","role":"agent","time":"2026-11-04T09:59:10+08:00","text":"在的"}
`)
	if len(rec.messages) != 3 || !rec.messages[0].TimeToMinute || rec.messages[1].TimeToMinute || rec.messages[2].TimeToMinute {
		t.Errorf("jsonl: %+v", rec.messages)
	}
	data := "会话ID,时间,角色,内容\nc1,2026/11/4 9:58,customer,在吗\nc1,2026/11/4 9:59:30,agent,在的\n"
	s := mustRead(t, "csv", data, Options{Location: shanghai})
	if len(s.msgs) != 2 || !s.msgs[0].TimeToMinute || s.msgs[1].TimeToMinute {
		t.Errorf("csv: %+v", s.msgs)
	}
	data = "会话ID,时间,角色,内容\nc1,04/11/2026 09:58,customer,在吗\n"
	s = mustRead(t, "csv", data, Options{Location: shanghai, Mapping: &Mapping{TimeLayout: "%d/%m/%Y %H:%M"}})
	if len(s.msgs) != 1 || !s.msgs[0].TimeToMinute {
		t.Errorf("csv with --time-layout: %+v", s.msgs)
	}
}

// TestTxtTimeToMinute: a chat dump's header without seconds, dated or a
// time of day alone, gives its message a time written to the minute.
func TestTxtTimeToMinute(t *testing.T) {
	dump := "tb_buyer01 2026-11-04 10:00\n在吗\n店铺名:小美 2026-11-04 10:01:30\n在的\n店铺名:小美 10:02\n好的\n"
	s := mustRead(t, "txt", dump, shopAgents)
	want := []bool{true, false, true}
	if len(s.msgs) != len(want) {
		t.Fatalf("got %d messages: %q", len(s.msgs), texts(s.msgs))
	}
	for i, w := range want {
		if s.msgs[i].TimeToMinute != w || s.msgs[i].Time.IsZero() {
			t.Errorf("message %d (%q, %v): to the minute %v, want %v", i+1, s.msgs[i].Text, s.msgs[i].Time, s.msgs[i].TimeToMinute, w)
		}
	}
}

// TestTxtTimeFirstToMinute: so does a time-first line without seconds.
func TestTxtTimeFirstToMinute(t *testing.T) {
	s := mustRead(t, "txt", "[2026-11-04 10:03] tb_buyer01: 在吗\n[2026-11-04 10:03:20] 店铺名:小美: 在的\n", shopAgents)
	if len(s.msgs) != 2 || !s.msgs[0].TimeToMinute || s.msgs[1].TimeToMinute {
		t.Errorf("messages %+v", s.msgs)
	}
}
