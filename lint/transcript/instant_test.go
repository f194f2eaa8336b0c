package transcript

import (
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
)

// TestInstantsNotInRepeatedHour: a time that says its instant (an offset of
// its own, in RFC 3339 or a --time-layout with %z; an epoch number) is not
// read as a wall clock of the zone whose offset it has, so it is never
// taken for one in the hour daylight saving repeats (lint.RepeatedHour),
// whose conversations have their timing rules skipped: on a machine whose
// zone is America/New_York (time.Local), or with --tz America/New_York,
// 01:59:50-04:00 and the epoch second 1793512790 (the same instant) said
// which 01:59:50 they were. A time without an offset read in that zone
// still may be either.
func TestInstantsNotInRepeatedHour(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	saved := time.Local
	time.Local = ny
	defer func() { time.Local = saved }()
	zoned, err := TimeLayout("%Y-%m-%d %H:%M:%S %z")
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 11, 1, 1, 59, 50, 0, ny)
	tests := []struct {
		name     string
		read     func() (time.Time, error)
		repeated bool
	}{
		{"RFC 3339", func() (time.Time, error) { return ParseTime("2026-11-01T01:59:50-04:00", ny) }, false},
		{"RFC 3339, read in UTC", func() (time.Time, error) { return ParseTime("2026-11-01T01:59:50-04:00", time.UTC) }, false},
		{"epoch seconds", func() (time.Time, error) { return ParseTime("1793512790", ny) }, false},
		{"epoch milliseconds", func() (time.Time, error) { return ParseTime("1793512790000", ny) }, false},
		{"epoch number", func() (time.Time, error) { return fromEpoch(1793512790) }, false},
		{"epoch layout", func() (time.Time, error) { return parseTimeLayout("1793512790", "unix", ny) }, false},
		{"layout with %z", func() (time.Time, error) { return parseTimeLayout("2026-11-01 01:59:50 -0400", zoned, ny) }, false},
		{"no offset: either 01:59:50", func() (time.Time, error) { return ParseTime("2026-11-01 01:59:50", ny) }, true},
	}
	for _, tt := range tests {
		got, err := tt.read()
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if !got.Equal(want) {
			t.Errorf("%s: read %v, want %v", tt.name, got, want)
		}
		if r := lint.RepeatedHour(got); r != tt.repeated {
			t.Errorf("%s: %v (%s) in the repeated hour: %v, want %v", tt.name, got, got.Location(), r, tt.repeated)
		}
	}
}

// TestWecomTimeNotInRepeatedHour: 企业微信's msgtime is an epoch number,
// an instant, but was read in the machine's zone (time.UnixMilli gives
// time.Local): on a machine in America/New_York a message sent in the
// hour daylight saving repeats was taken for a time that may be either,
// and its conversation's timing rules were skipped whatever --tz said.
func TestWecomTimeNotInRepeatedHour(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	saved := time.Local
	time.Local = ny
	defer func() { time.Local = saved }()
	// 2026-11-01 01:59:50 -04:00, the first of New York's two 01:59:50
	const rec = `{"msgid":"m1","action":"send","from":"wmAAAA","tolist":["zhangsan"],"roomid":"","msgtime":1793512790000,"msgtype":"text","text":{"content":"在吗"}}` + "\n"
	s := mustRead(t, "wecom", rec, Options{})
	if len(s.msgs) != 1 {
		t.Fatalf("%d messages, rejects %v", len(s.msgs), s.rejects)
	}
	if got := s.msgs[0].Time; got.UnixMilli() != 1793512790000 || lint.RepeatedHour(got) {
		t.Errorf("msgtime read as %v, in the repeated hour: %v", got, lint.RepeatedHour(got))
	}
}
