package transcript

import (
	"testing"
	"time"
)

// TestParseTimeDateOnly: a date without the time of day written with - or
// / (as a database or Excel writes it) says so, as a Chinese one does,
// instead of pointing at --time-layout, which cannot give it a time.
func TestParseTimeDateOnly(t *testing.T) {
	for _, in := range []string{"2026-11-04", "2026/11/4", " 2026-1-4 ", "２０２６－１１－０４"} {
		expectParseTime(t, in, time.Time{}, `(a date without the time of day: the timing rules need both)`)
	}
	// no date at all, or not one: as before
	expectParseTime(t, "2026-13-04", time.Time{}, `(use RFC 3339`)
	expectParseTime(t, "2026-11", time.Time{}, `(use RFC 3339`)
}
