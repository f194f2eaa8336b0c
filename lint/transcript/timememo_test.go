package transcript

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

// FuzzParseTimeMemo reads times one after another with one dayMemo, as
// a scanner does, and checks each against ParseTime without one: the
// memos of a date, of hours and minutes and of an offset must only ever
// stand for what they were read from.
func FuzzParseTimeMemo(f *testing.F) {
	f.Add("2026-11-11T08:00:02+08:00", "2026-11-11T08:00:09+05:30", "2026-11-11 08:00:10")
	f.Add("2026-11-11 08:00:10", "2026-11-11 08:01:10", "2026-11-12T08:01:02.5-08:00")
	f.Add("2026-11-11T08:00:02+08:00", "2026-11-11T08:00:02+08:60", "2026-11-11T08:60:02+08:00")
	f.Add("2026/11/11 23:59:59", "1794355858", "2026-11-11 24:00:00")
	// the memo of a minute: other seconds, other forms, a minute that
	// a change of offset (New York's) or a zone's odd first offset
	// (Shanghai's +08:05:43 before 1901) cuts, fractions, blanks
	f.Add("2026-11-11 08:00:10", "2026-11-11T08:00:13+08:00", "2026-11-11 08:00:59")
	f.Add("2026-11-01 01:30:10", "2026-11-01 01:30:50", "2026-11-01T01:30:20-04:00")
	f.Add("2026-03-08 01:59:10", "2026-03-08 01:59:59", "2026-03-08 02:00:00")
	f.Add("1901-01-01 00:00:10", "1901-01-01 00:00:50", "1900-12-31 23:59:59")
	f.Add("2026-11-11 08:00:10.0", "2026-11-11 08:00:11.0", "2026-11-11 08:00:12.5")
	f.Add("2026-11-11T08:00:02Z", "2026-11-11T08:00:60Z", "2026-11-11T08:00:5xZ")
	f.Add("2026-11-11 08:00:10", " 2026-11-11 08:00:11", "2026-11-11 08:00:12 ")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		for _, loc := range []*time.Location{shanghai, newYork} {
			var memo dayMemo
			for _, s := range []string{a, b, c, a, c, b} {
				got, gotErr := parseTime(s, loc, &memo)
				want, wantErr := ParseTime(s, loc)
				if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
					t.Fatalf("%q in %v, after %q, %q, %q: %v, %v; without the memo %v, %v", s, loc, a, b, c, got, gotErr, want, wantErr)
				}
			}
		}
	})
}

// TestMinuteMemo reads times with one memo, in one zone and then another,
// and checks each against ParseTime without one and that the memo of a
// minute read the times it should (the second of a minute of its form).
func TestMinuteMemo(t *testing.T) {
	times := []struct {
		s    string
		memo bool // read from the memo of its minute
	}{
		{"2026-11-11T08:00:02+08:00", false},
		{"2026-11-11 08:00:10", false},
		{"2026-11-11T08:00:13+08:00", true},
		{"2026-11-11 08:00:59", true},
		{"2026-11-11T08:00:13+05:30", false},
		{"2026-11-11T08:00:14+05:30", true},
		{"2026-11-11T08:00:15+08:00", false}, // (the +05:30 took its place)
		{"2026-11-11T08:00:60+08:00", false},
		{"2026-11-11T08:01:00+08:00", false},
		{"2026-11-11T08:01:07Z", false},
		{"2026-11-11T08:01:08Z", true},
		{"2026-11-11 08:01:08.0", false},
		{"2026-11-11 08:01:09.0", true},
		{"2026-11-11 08:01:09.5", false},
		{"2026-11-11 08:01:09", false},
		{" 2026-11-11 08:01:10", false},
		{"2026-11-11 08:01:10 ", false},
		{"2026-11-11 08:01:1x", false},
		{"2026-11-11 08:01:11", true},
		{"2026/11/11 08:01:12", false},
		{"2026/11/11 08:01:13", true},
		{"1794355858", false},
	}
	for _, loc := range []*time.Location{shanghai, newYork} {
		var memo dayMemo
		for _, tc := range times {
			_, hit := memo.minute(tc.s, loc)
			got, gotErr := parseTime(tc.s, loc, &memo)
			want, wantErr := ParseTime(tc.s, loc)
			if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
				t.Errorf("%q in %v: %v, %v; without the memo %v, %v", tc.s, loc, got, gotErr, want, wantErr)
			}
			if hit != tc.memo {
				t.Errorf("%q in %v: read from the memo of its minute %v, want %v", tc.s, loc, hit, tc.memo)
			}
		}
	}
	// a change of offset inside a minute (New York's, 1883: -4:56:02
	// to -5:00): no memo of it, and every second as time.Date reads it
	var memo dayMemo
	for _, s := range []string{"1883-11-18 12:03:30", "1883-11-18 12:03:59", "1883-11-18 12:03:57", "1883-11-18 12:03:58"} {
		got, gotErr := parseTime(s, newYork, &memo)
		want, wantErr := ParseTime(s, newYork)
		if gotErr != nil || wantErr != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %v, %v; without the memo %v, %v", s, got, gotErr, want, wantErr)
		}
	}
}
