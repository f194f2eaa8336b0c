package check

import (
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
)

// TestRepeatedHour: a time read in a zone with daylight saving is in the
// hour its clocks show twice when it falls in the hour before they go
// back (read, as the readers read it, at its first occurrence); the hour
// skipped in spring, the rest of the night, a zone without daylight
// saving and a fixed offset are not.
func TestRepeatedHour(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	sh, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Skip(err)
	}
	tests := []struct {
		at   time.Time
		want bool
	}{
		{time.Date(2026, 11, 1, 0, 59, 59, 0, ny), false},
		{time.Date(2026, 11, 1, 1, 0, 0, 0, ny), true},
		{time.Date(2026, 11, 1, 1, 30, 0, 0, ny), true},
		{time.Date(2026, 11, 1, 1, 59, 59, 0, ny), true},
		{time.Date(2026, 11, 1, 2, 0, 0, 0, ny), false},
		{time.Date(2026, 11, 1, 1, 30, 0, 0, ny).Add(time.Hour), false}, // the second 01:30, read with its offset
		{time.Date(2026, 3, 8, 1, 30, 0, 0, ny), false},
		{time.Date(2026, 3, 8, 3, 30, 0, 0, ny), false},
		{time.Date(2026, 11, 1, 1, 30, 0, 0, sh), false},
		{time.Date(2026, 11, 1, 1, 30, 0, 0, time.FixedZone("", -4*3600)), false},
		{time.Date(2026, 11, 1, 1, 30, 0, 0, time.UTC), false},
	}
	for _, tt := range tests {
		if got := repeatedHour(tt.at); got != tt.want {
			t.Errorf("repeatedHour(%v) = %v, want %v", tt.at, got, tt.want)
		}
	}
}

// TestRepeatedHourSkipsTimingRules: a conversation with a time in the
// hour daylight saving repeats, read in a zone that repeats it, has no
// wait the timing rules can tell (a question at 01:59:50 answered at
// 02:00:05 waited 15 s or an hour): they are skipped for it, saying why,
// and it carries a note, instead of a 1h15s slow reply (and one of 41 s,
// whose times are past the repeated hour but whose place among the others
// is not). The same conversation in a zone without daylight saving is
// measured as ever.
func TestRepeatedHourSkipsTimingRules(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	set := compileOne(t, "id: r\ntype: latency\nmax: 20s")
	for _, tt := range []struct {
		loc      *time.Location
		findings int
		skip     string
	}{
		{ny, 0, "times in the hour daylight saving time repeats: reply times not checked"},
		{time.UTC, 1, ""}, // 15 s, then 41 s
	} {
		c := &lint.Conversation{ID: "c", Timed: true, Messages: []lint.Message{
			{Role: lint.Customer, Text: "请问什么时候发货", Time: time.Date(2026, 11, 1, 1, 59, 50, 0, tt.loc)},
			{Role: lint.Agent, Sender: "客服01", Text: "今天就发货", Time: time.Date(2026, 11, 1, 2, 0, 5, 0, tt.loc)},
			{Role: lint.Customer, Text: "好的", Time: time.Date(2026, 11, 1, 2, 0, 9, 0, tt.loc)},
			{Role: lint.Agent, Sender: "客服01", Text: "不客气", Time: time.Date(2026, 11, 1, 2, 0, 50, 0, tt.loc)},
		}}
		fs, skips := set.NewWorker().Check(c)
		if len(fs) != tt.findings {
			t.Errorf("%v: findings %q, want %d", tt.loc, describe(fs), tt.findings)
		}
		var skip string
		if len(skips) > 0 {
			skip = skips[0].Reason
		}
		if skip != tt.skip {
			t.Errorf("%v: skipped %q, want %q", tt.loc, skip, tt.skip)
		}
		noted := false
		for _, n := range c.Notes {
			noted = noted || n == NoteRepeatedHour
		}
		if noted != (tt.skip != "") || !c.Timed {
			t.Errorf("%v: notes %q, timed %v", tt.loc, c.Notes, c.Timed)
		}
	}
}
