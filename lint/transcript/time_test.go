package transcript

import (
	"strings"
	"testing"
	"time"
)

// TestParseTimeEpochRange: a number is read as epoch seconds below 1e11 and
// as milliseconds from there up to 1e13 (the year 2286). A number of 14
// digits is no time in milliseconds: it is a compact date and time
// (20261104100000, yyyyMMddHHmmss), which read as milliseconds would fall in
// the year 2612 and put 10:00:00 and 10:01:25 125 ms apart. It is refused,
// pointing to --time-layout, not misread.
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
	}
	for _, tt := range tests {
		got, err := ParseTime(tt.in, shanghai)
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
