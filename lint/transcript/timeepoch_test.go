package transcript

import (
	"strings"
	"testing"
	"time"
)

// TestParseTimeEpochAllocatesNothing: an epoch time in range is read
// without allocating (the number is written out, for the error message,
// only when it is refused); a fifth of the generated corpus' times are
// epoch numbers.
func TestParseTimeEpochAllocatesNothing(t *testing.T) {
	for _, s := range []string{"1793757600", "1793757600000", "1794355858.25"} {
		want, err := ParseTime(s, time.UTC)
		if err != nil {
			t.Fatalf("ParseTime(%q): %v", s, err)
		}
		var got time.Time
		if n := testing.AllocsPerRun(100, func() { got, _ = ParseTime(s, time.UTC) }); n != 0 {
			t.Errorf("ParseTime(%q) allocates %v times", s, n)
		}
		if !got.Equal(want) {
			t.Errorf("ParseTime(%q) = %v, then %v", s, want, got)
		}
	}
}

// TestEpochLayoutOtherUnit: --time-layout unixms given epoch seconds read
// them as January 1970, and unix given milliseconds said only "out of
// range"; where the number's size tells the unit (seconds from 1e11 up are
// after the year 5000, milliseconds under 1e11 before 1973), the record is
// refused naming the value and the layout to use. Numbers whose size does
// not tell are read, or refused as out of range, as before.
func TestEpochLayoutOtherUnit(t *testing.T) {
	for _, tc := range []struct{ layout, value, want string }{
		{"unixms", "1793757600", `time "1793757600" is epoch seconds, not milliseconds (time layout unixms): use --time-layout unix`},
		{"unixms", "1793757600.5", `time "1793757600.5" is epoch seconds, not milliseconds (time layout unixms): use --time-layout unix`},
		{"unixms", "100000000", "use --time-layout unix"},
		{"unix", "1793757600000", `time "1793757600000" is epoch milliseconds, not seconds (time layout unix): use --time-layout unixms`},
		{"unix", "99999999999999", "use --time-layout unixms"},
		{"unix", "100000000000000", `time "100000000000000" out of range (time layout unix)`},
		{"unix", "-5", `out of range`},
		{"unixms", "1793757600000000", `time "1793757600000000" out of range (time layout unixms)`},
		{"unixms", "1793757600000", ""},
		{"unixms", "99999999", ""}, // 1970-01-02 either way: not told
		{"unix", "1793757600", ""},
		{"unix", "99999999999", ""}, // the year 5138, as before
	} {
		_, err := parseTimeLayout(tc.value, tc.layout, time.UTC)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s %s: %v, want it read", tc.layout, tc.value, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s %s: %v, want %q", tc.layout, tc.value, err, tc.want)
		}
	}
	// and a record says so
	s := mustRead(t, "csv", "time,role,text\n1793757600,agent,您好\n", Options{Mapping: &Mapping{TimeLayout: "unixms"}})
	if len(s.msgs) != 0 || len(s.rejects) != 1 || !strings.Contains(s.rejects[0].Err, "use --time-layout unix") {
		t.Errorf("messages %v, rejects %v; want the record refused suggesting unix", s.msgs, s.rejects)
	}
}
