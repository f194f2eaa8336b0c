package main

import (
	"testing"
	"time"
)

// TestLoadZone: --tz takes IANA names and fixed offsets as times write
// them; an empty zone or a malformed offset is an error, not UTC.
func TestLoadZone(t *testing.T) {
	for _, tc := range []struct {
		tz     string
		offset int // seconds east of UTC, at 2026-11-04 (no DST in these)
		ok     bool
	}{
		{"Asia/Shanghai", 8 * 3600, true},
		{"UTC", 0, true},
		{"+08:00", 8 * 3600, true},
		{"+0800", 8 * 3600, true},
		{"+8", 8 * 3600, true},
		{"UTC+8", 8 * 3600, true},
		{"utc+08:00", 8 * 3600, true},
		{"GMT-05:30", -(5*3600 + 30*60), true},
		{"-03", -3 * 3600, true},
		{"", 0, false},
		{"  ", 0, false},
		{"++8", 0, false},
		{"+8:0", 0, false},
		{"+15", 0, false},
		{"+08:60", 0, false},
		{"+123", 0, false},
		{"UTC+", 0, false},
		{"Mars/Olympus", 0, false},
		// zone names in another case, as people type them
		{"utc", 0, true},
		{"asia/shanghai", 8 * 3600, true},
		{"ASIA/SHANGHAI", 8 * 3600, true},
		{"america/new_york", -5 * 3600, true},
		{"mars/olympus", 0, false},
	} {
		loc, err := loadZone(tc.tz)
		if (err == nil) != tc.ok {
			t.Errorf("loadZone(%q): %v, want ok %v", tc.tz, err, tc.ok)
			continue
		}
		if err != nil {
			continue
		}
		if _, off := refTime.In(loc).Zone(); off != tc.offset {
			t.Errorf("loadZone(%q): offset %d, want %d", tc.tz, off, tc.offset)
		}
	}
}

var refTime = mustTime("2026-11-04T10:00:00Z")

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}
