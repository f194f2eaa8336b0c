package transcript

import (
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
