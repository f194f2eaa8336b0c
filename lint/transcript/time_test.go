package transcript

import (
	"os"
	"strings"
	"testing"
	"time"
)

// TestParseTimeEpochRange: a number is read as epoch seconds below 1e11 and
// as milliseconds from there up to 1e13 (the year 2286). A number of 14
// digits is no time in milliseconds: it is a compact date and time
// (20261104100000, yyyyMMddHHmmss), which read as milliseconds would fall in
// the year 2612 and put 10:00:00 and 10:01:25 125 ms apart. It is refused,
// pointing to --time-layout, not misread. Nor is a number of seconds before
// 1973, which no chat export holds: an Excel date serial is refused with
// what to do.
func TestParseTimeEpochRange(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Time
		wantErr string // part of the error; "" for none
	}{
		{in: "1793757600", want: time.Unix(1793757600, 0)},
		{in: "1793757600000", want: time.UnixMilli(1793757600000)},
		{in: "9999999999999", want: time.UnixMilli(9999999999999)},
		{in: "20261104100000", wantErr: "--time-layout '%Y%m%d%H%M%S'"},
		{in: "20261104100125", wantErr: "--time-layout '%Y%m%d%H%M%S'"},
		{in: "10000000000000", wantErr: "--time-layout '%Y%m%d%H%M%S'"},
		{in: "179435524924400", wantErr: "epoch out of range"},
		// an Excel date serial (days since 1899-12-30) saved into a csv from
		// a column without a date format is no epoch time: read as seconds
		// it would put a day's replies a second apart, in 1970
		{in: "46330.4166667", wantErr: "an Excel date serial number"},
		{in: "46330", wantErr: "an Excel date serial number"},
		{in: "0", wantErr: "before 1973"},
		// the error quotes the number as written, not in exponent form
		{in: "99999999", wantErr: "unparseable time 99999999 (epoch seconds before 1973"},
		{in: "1234567.5", wantErr: "unparseable time 1234567.5 ("},
		{in: "179435524924400", wantErr: "unparseable time 179435524924400 (epoch out of range)"},
		{in: "100000000", want: time.Unix(1e8, 0)},
	}
	for _, tt := range tests {
		expectParseTime(t, tt.in, tt.want, tt.wantErr)
	}
}

// TestParseTimeExportLayouts: the times help-desk and spreadsheet exports
// write, read without --time-layout: Excel's default date and time on a
// Chinese Windows (2026/11/4 9:58, no seconds and no leading zeros),
// Java's +0800 offsets, and 上午/下午 before a 12-hour clock.
func TestParseTimeExportLayouts(t *testing.T) {
	at := func(h, m, s, ms int) time.Time { return time.Date(2026, 11, 4, h, m, s, ms*1e6, shanghai) }
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2026/11/4 9:58", at(9, 58, 0, 0)},
		{"2026/11/4 10:00", at(10, 0, 0, 0)},
		{"2026-11-4 10:00", at(10, 0, 0, 0)},
		{"2026/11/04 10:00", at(10, 0, 0, 0)},
		{"2026/11/4 10:00:05", at(10, 0, 5, 0)},
		{"2026-11-04T10:00:00.123+0800", at(10, 0, 0, 123)},
		{"2026-11-04T02:00:00+0000", at(10, 0, 0, 0)},
		{"2026-11-04 10:00:00 +0800", at(10, 0, 0, 0)},
		{"2026/11/4 下午 3:05", at(15, 5, 0, 0)},
		{"2026/11/4 下午3:05:12", at(15, 5, 12, 0)},
		{"2026-11-04 上午 9:05:12", at(9, 5, 12, 0)},
		{"2026-11-04 上午12:30:00", at(0, 30, 0, 0)},
		{"2026-11-04 下午12:30:00", at(12, 30, 0, 0)},
		{"2026/11/4 下午 03:05:12", at(15, 5, 12, 0)},
	}
	for _, tt := range tests {
		got, err := ParseTime(tt.in, shanghai)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	// a 12-hour mark before a 24-hour time, or an hour past 12, is no time
	for _, in := range []string{"2026-11-04 下午 15:05:00", "2026-11-04 上午 0:05:00", "下午 3:05", "2026/13/4 下午 3:05"} {
		if got, err := ParseTime(in, shanghai); err == nil {
			t.Errorf("ParseTime(%q) = %v, want an error", in, got)
		}
	}
}

// TestTimeLayoutStrftimeDigits: strftime's %m, %d and %I read a month, day
// or hour of one digit as well as of two, as strptime does, so the layout
// of Excel's 2026/11/4 9:58 is %Y/%m/%d %H:%M; a compact layout still reads
// its two digits each.
func TestTimeLayoutStrftimeDigits(t *testing.T) {
	for _, tc := range []struct {
		layout, in string
		want       time.Time
	}{
		{"%Y/%m/%d %H:%M", "2026/11/4 9:58", time.Date(2026, 11, 4, 9, 58, 0, 0, shanghai)},
		{"%Y/%m/%d %H:%M", "2026/01/04 09:58", time.Date(2026, 1, 4, 9, 58, 0, 0, shanghai)},
		{"%d.%m.%Y %I:%M %p", "4.1.2026 9:58 PM", time.Date(2026, 1, 4, 21, 58, 0, 0, shanghai)},
		{"%Y%m%d%H%M%S", "20260104095805", time.Date(2026, 1, 4, 9, 58, 5, 0, shanghai)},
		{"%Y年%m月%d日 %H:%M", "2026年11月4日 9:58", time.Date(2026, 11, 4, 9, 58, 0, 0, shanghai)},
		// %z reads +09:00 and Z as well as +0900, as strptime does
		{"%Y-%m-%dT%H:%M:%S%z", "2026-11-04T10:00:00+0900", time.Date(2026, 11, 4, 9, 0, 0, 0, shanghai)},
		{"%Y-%m-%dT%H:%M:%S%z", "2026-11-04T10:00:00+09:00", time.Date(2026, 11, 4, 9, 0, 0, 0, shanghai)},
		{"%Y-%m-%dT%H:%M:%S%z", "2026-11-04T01:00:00Z", time.Date(2026, 11, 4, 9, 0, 0, 0, shanghai)},
		// an abbreviation beside an offset: the offset says it
		{"%Y-%m-%d %H:%M:%S %z %Z", "2026-11-04 10:00:00 +0900 JST", time.Date(2026, 11, 4, 9, 0, 0, 0, shanghai)},
		{"%Y-%m-%d %H:%M:%S %Z", "2026-11-04 01:00:00 UTC", time.Date(2026, 11, 4, 9, 0, 0, 0, shanghai)},
	} {
		layout, err := TimeLayout(tc.layout)
		if err != nil {
			t.Fatalf("%q: %v", tc.layout, err)
		}
		got, err := parseTimeLayout(tc.in, layout, shanghai)
		if err != nil || !got.Equal(tc.want) {
			t.Errorf("%q with %q (%q) = %v, %v; want %v", tc.in, tc.layout, layout, got, err, tc.want)
		}
	}
}

// TestParseTimeMeridiemDST: the 12-hour clock is read before the zone is
// applied: 下午 2:30 on the day New York skips 2:00 to 3:00 a.m. is 14:30,
// not the 2:30 a.m. that does not exist moved to 3:30 and then past noon.
func TestParseTimeMeridiemDST(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	for in, want := range map[string]time.Time{
		"2026/3/8 下午 2:30":      time.Date(2026, 3, 8, 14, 30, 0, 0, ny),
		"2026-03-08 下午 2:30:00": time.Date(2026, 3, 8, 14, 30, 0, 0, ny),
		"2026/3/8 上午 1:30":      time.Date(2026, 3, 8, 1, 30, 0, 0, ny),
	} {
		if got, err := ParseTime(in, ny); err != nil || !got.Equal(want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

// TestParseTimeChineseDates: dates written the Chinese way, as help-desk
// tools export them (2026年11月4日 10:02:03, 4号, 上午/下午 before a
// 12-hour clock, with or without a space before the time), are read
// without --time-layout. A month and day without the year are refused,
// saying so: a conversation across New Year could not be ordered.
func TestParseTimeChineseDates(t *testing.T) {
	at := func(h, m, s int) time.Time { return time.Date(2026, 11, 4, h, m, s, 0, shanghai) }
	for _, tt := range []struct {
		in      string
		want    time.Time
		wantErr string // part of the error; "" for none
	}{
		{in: "2026年11月4日 10:02:03", want: at(10, 2, 3)},
		{in: "2026年11月4日10:02:03", want: at(10, 2, 3)},
		{in: "2026年11月04日 10:02", want: at(10, 2, 0)},
		{in: "2026年11月4日 9:05", want: at(9, 5, 0)},
		{in: "2026年11月4日 上午10:02:03", want: at(10, 2, 3)},
		{in: "2026年11月4日 下午3:05", want: at(15, 5, 0)},
		{in: "2026年11月4日下午3:05:09", want: at(15, 5, 9)},
		{in: "2026年11月4日 上午12:30", want: at(0, 30, 0)},
		{in: "2026年11月4号 10:02", want: at(10, 2, 0)},
		{in: "2026年11月4号10:02:03", want: at(10, 2, 3)},
		{in: "2026 年 11 月 4 日 10:02", want: at(10, 2, 0)},
		{in: " 2026年11月4日 10:02:03.250 ", want: time.Date(2026, 11, 4, 10, 2, 3, 250e6, shanghai)},
		{in: "2026年1月4日 10:02", want: time.Date(2026, 1, 4, 10, 2, 0, 0, shanghai)},
		// full-width digits, colons and spaces, as a Chinese input method types them
		{in: "2026年11月4日 10：02：03", want: at(10, 2, 3)},
		{in: "２０２６年１１月４日　１０：０２", want: at(10, 2, 0)},
		{in: "2026-11-04 10：02：03", want: at(10, 2, 3)},
		{in: "２０２６－１１－０４　１０：０２：０３", want: at(10, 2, 3)},
		{in: "2026/11/4 上午10：02", want: at(10, 2, 0)},
		{in: "2026年11月4日 10：6０", wantErr: `unparseable time "2026年11月4日 10：6０"`},
		// typed full-width, the reason says why as it does for ASCII,
		// naming the time as it was written
		{in: "１１月４日 10:02", wantErr: `unparseable time "１１月４日 10:02" (a date without a year`},
		{in: "２０２６年２月３０日 10:02", wantErr: `unparseable time "２０２６年２月３０日 10:02" (no such date or time of day?`},
		{in: "２０２６年１１月４日", wantErr: `unparseable time "２０２６年１１月４日" (a date without the time of day`},
		// no year: refused, saying why
		{in: "11月4日 10:02", wantErr: `unparseable time "11月4日 10:02" (a date without a year`},
		{in: "11月4号 下午3:05", wantErr: `unparseable time "11月4号 下午3:05" (a date without a year`},
		// no such date or time, or no time of day
		{in: "2026年2月30日 10:02", wantErr: `unparseable time "2026年2月30日 10:02" (no such date or time of day?`},
		{in: "2026年13月4日 10:02", wantErr: `unparseable time`},
		{in: "2026年11月4日 25:02", wantErr: `unparseable time`},
		{in: "2026年11月4日 下午15:05", wantErr: `unparseable time`},
		{in: "2026年11月4日", wantErr: `unparseable time "2026年11月4日" (a date without the time of day`},
		{in: "2026年11月4日 10:02 左右", wantErr: `unparseable time`},
		{in: "26年11月4日 10:02", wantErr: `unparseable time`},
	} {
		expectParseTime(t, tt.in, tt.want, tt.wantErr)
	}
}

// expectParseTime checks that ParseTime reads in (in Shanghai) as want, or
// fails saying wantErr when that is set.
func expectParseTime(t *testing.T, in string, want time.Time, wantErr string) {
	t.Helper()
	got, err := ParseTime(in, shanghai)
	switch {
	case wantErr != "":
		if err == nil || !strings.Contains(err.Error(), wantErr) {
			t.Errorf("ParseTime(%q) = %v, %v; want an error saying %q", in, got, err, wantErr)
		}
	case err != nil || !got.Equal(want):
		t.Errorf("ParseTime(%q) = %v, %v; want %v", in, got, err, want)
	}
}

// TestREADMETimeExamples keeps the README's word on the times read without
// --time-layout: every time the transcript model's time row and the
// --time-layout row show is read, but those they say are refused, which are
// refused for the reason they give.
func TestREADMETimeExamples(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	refused := map[string]string{ // the example → part of the reason
		"11月4日 10:02":             "a date without a year",
		"20261104100000":          "--time-layout '%Y%m%d%H%M%S'",
		"46330.42":                "an Excel date serial number",
		"04/11/2026 10:00":        "--time-layout",
		"26年11月4日 10:02":          "(a year of 2 digits",
		"2026-11-04 10:00:00 CST": "(the zone CST is an abbreviation",
	}
	// parts of a time, not times: 4号 and 下午3:05 stand for 2026年11月4号
	// 10:02 and 2026年11月4日 下午3:05, an offset alone for a time with it
	parts := map[string]bool{"4号": true, "下午3:05": true}
	rows, read := 0, 0
	for _, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, "| `time` |") && !strings.HasPrefix(line, "| `--time-layout LAYOUT` |") {
			continue
		}
		rows++
		cells := strings.Split(line, "`")
		for i := 1; i < len(cells); i += 2 {
			ex := cells[i]
			if _, offset := ParseOffset(ex); offset || parts[ex] || !strings.ContainsAny(ex, "0123456789０１２３４５６７８９") || strings.HasPrefix(ex, "--") {
				continue
			}
			if why, ok := refused[ex]; ok {
				expectParseTime(t, ex, time.Time{}, why)
				continue
			}
			if _, err := ParseTime(ex, shanghai); err != nil {
				t.Errorf("the README's %q: %v", ex, err)
			}
			read++
		}
	}
	if rows != 2 || read < 15 {
		t.Errorf("found %d of the README's 2 rows on times, %d times read in them", rows, read)
	}
}

// TestParseTimeWrittenZones: a zone written with a time is honoured, and
// --tz (here UTC) only applies to a time written without one, as for RFC
// 3339: an offset after the time (+0800, +08:00, UTC+8, GMT+8, in
// brackets or not, Z or UTC), or 北京时间 (UTC+8) before or after it. The
// date written the Chinese way may be followed by a T, as an ISO date is.
// What cannot be read for sure is refused, saying why: a zone's
// abbreviation (CST is China's and America's), zones that disagree, a year
// of two or three digits.
func TestParseTimeWrittenZones(t *testing.T) {
	utc := func(h, m, s int) time.Time { return time.Date(2026, 11, 4, h, m, s, 0, time.UTC) }
	for _, tt := range []struct {
		in      string
		want    time.Time
		wantErr string // part of the error; "" for none
	}{
		// no zone written: in --tz
		{in: "2026年11月4日T10:02", want: utc(10, 2, 0)},
		{in: "2026年11月4日T10:02:03", want: utc(10, 2, 3)},
		{in: "2026年11月4号T10:02", want: utc(10, 2, 0)},
		{in: "2026-11-04T10:02", want: utc(10, 2, 0)},
		// an offset after the time
		{in: "2026年11月4日 10:02 +0800", want: utc(2, 2, 0)},
		{in: "2026年11月4日 10:02 +08:00", want: utc(2, 2, 0)},
		{in: "2026年11月4日 10:02+08:00", want: utc(2, 2, 0)},
		{in: "2026年11月4日T10:02+08:00", want: utc(2, 2, 0)},
		{in: "2026年11月4日 10:02:03.5 +0800", want: time.Date(2026, 11, 4, 2, 2, 3, 5e8, time.UTC)},
		{in: "2026年11月4日 10:02 UTC+8", want: utc(2, 2, 0)},
		{in: "2026年11月4日 10:02 GMT+8", want: utc(2, 2, 0)},
		{in: "2026年11月4日 10:02 GMT+08:00", want: utc(2, 2, 0)},
		{in: "2026年11月4日 10:02 (UTC+08:00)", want: utc(2, 2, 0)},
		{in: "2026年11月4日 10:02 -05:00", want: utc(15, 2, 0)},
		{in: "2026年11月4日 10:02 UTC", want: utc(10, 2, 0)},
		{in: "2026年11月4日 10:02Z", want: utc(10, 2, 0)},
		{in: "2026年11月4日 下午3:05 +0800", want: utc(7, 5, 0)},
		{in: "２０２６年１１月４日　１０：０２　＋０８：００", want: utc(2, 2, 0)},
		// 北京时间 before or after the time
		{in: "北京时间 2026年11月4日 10:02", want: utc(2, 2, 0)},
		{in: "北京时间2026年11月4日 10:02", want: utc(2, 2, 0)},
		{in: "北京时间：2026年11月4日 10:02", want: utc(2, 2, 0)},
		{in: "(北京时间)2026年11月4日 10:02", want: utc(2, 2, 0)},
		{in: "（北京时间）2026年11月4日 10:02", want: utc(2, 2, 0)},
		{in: "2026年11月4日 10:02(北京时间)", want: utc(2, 2, 0)},
		{in: "2026年11月4日 10:02 （北京时间）", want: utc(2, 2, 0)},
		{in: "2026年11月4日 10:02 北京时间", want: utc(2, 2, 0)},
		{in: "2026年11月4日 10:02 GMT+8（北京时间）", want: utc(2, 2, 0)},
		{in: "北京时间 2026年11月4日 10:02 +08:00", want: utc(2, 2, 0)},
		// and the other layouts with the same zones
		{in: "2026-11-04 10:02:00 +08:00", want: utc(2, 2, 0)},
		{in: "2026-11-04 10:02 +0800", want: utc(2, 2, 0)},
		{in: "2026-11-04T10:02+08:00", want: utc(2, 2, 0)},
		{in: "2026-11-04 10:02:00 UTC+8", want: utc(2, 2, 0)},
		{in: "2026-11-04 10:02:00 UTC", want: utc(10, 2, 0)},
		{in: "2026/11/4 下午 3:05 +0800", want: utc(7, 5, 0)},
		{in: "北京时间 2026/11/4 10:02", want: utc(2, 2, 0)},
		// refused, saying why
		{in: "2026年11月4日 10:02 CST", wantErr: `unparseable time "2026年11月4日 10:02 CST" (the zone CST is an abbreviation`},
		{in: "2026-11-04 10:02:00 CST", wantErr: `(the zone CST is an abbreviation`},
		{in: "北京时间 2026年11月4日 10:02 +09:00", wantErr: `(zones that disagree: +08:00 and +09:00`},
		{in: "2026年11月4日 10:02 UTC (北京时间)", wantErr: `(zones that disagree: +00:00 and +08:00`},
		{in: "2026年11月4日 10:02 +25:00", wantErr: `unparseable time "2026年11月4日 10:02 +25:00"`},
		{in: "北京时间 11月4日 10:02", wantErr: `unparseable time "北京时间 11月4日 10:02" (a date without a year`},
		{in: "2026年2月30日 10:02 +0800", wantErr: `unparseable time "2026年2月30日 10:02 +0800" (no such date or time of day?`},
		{in: "北京时间 10:02", wantErr: `unparseable time "北京时间 10:02" (a time of day without a date`},
		{in: "10:02:00 +08:00", wantErr: `(a time of day without a date`},
		{in: "北京时间 2026年11月4日", wantErr: `(a date without the time of day`},
		{in: "26年11月4日 10:02", wantErr: `unparseable time "26年11月4日 10:02" (a year of 2 digits`},
		{in: "115年11月4日 10:02", wantErr: `(a year of 3 digits`},
	} {
		got, err := ParseTime(tt.in, time.UTC)
		switch {
		case tt.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseTime(%q) = %v, %v; want an error saying %q", tt.in, got, err, tt.wantErr)
			}
		case err != nil || !got.Equal(tt.want):
			t.Errorf("ParseTime(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

// TestTimeLayoutZoneAbbreviation: a zone abbreviation read by a layout's
// MST (strftime %Z) without an offset beside it is refused as the default
// reading refuses it: Go read one it does not know (JST, EST) as UTC, and
// CST as --tz's zone (China's, or America's with --tz America/Chicago).
func TestTimeLayoutZoneAbbreviation(t *testing.T) {
	for _, in := range []string{"2026-11-04 10:00:00 JST", "2026-11-04 10:00:00 EST", "2026-11-04 10:00:00 CST"} {
		for _, layout := range []string{"%Y-%m-%d %H:%M:%S %Z", "2006-01-02 15:04:05 MST"} {
			l, err := TimeLayout(layout)
			if err != nil {
				t.Fatal(err)
			}
			if got, err := parseTimeLayout(in, l, shanghai); err == nil || !strings.Contains(err.Error(), "is an abbreviation, which may name several") {
				t.Errorf("%q with %q = %v, %v; want the abbreviation refused", in, layout, got, err)
			}
		}
	}
}
