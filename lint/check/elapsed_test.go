package check

import (
	"math/rand"
	"testing"
	"time"
)

// TestElapsedMatchesSub holds elapsed to time.Time.Sub, its reference, on
// the edge cases: zones, year and leap boundaries, zero times, spans at
// and past maxElapsedSec, Sub's saturation, nanoseconds borrowing.
func TestElapsedMatchesSub(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	west := time.FixedZone("W", -(9*3600 + 30*60))
	base := time.Date(2024, 12, 31, 23, 59, 59, 999_999_999, shanghai)
	var zero time.Time
	cases := [][2]time.Time{
		{base, base},
		{base.Add(time.Nanosecond), base}, // across the year, in Shanghai
		{time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), base}, // another zone
		{base.In(west), base},                               // same instant, two zones
		{time.Date(2024, 3, 1, 0, 0, 0, 1, west), time.Date(2024, 2, 28, 23, 59, 59, 2, shanghai)}, // leap day
		{base, base.Add(90 * time.Second)}, // negative
		{time.Date(2024, 1, 1, 0, 0, 1, 0, time.UTC), time.Date(2024, 1, 1, 0, 0, 0, 999_999_999, time.UTC)},
		{zero, zero},
		{zero, base}, // saturates at the minimum
		{base, zero}, // and at the maximum
		{zero.Add(time.Second), zero},
		{time.Unix(maxElapsedSec-1, 999_999_999), time.Unix(0, 0)},
		{time.Unix(maxElapsedSec, 0), time.Unix(0, 0)},
		{time.Unix(0, 0), time.Unix(maxElapsedSec-1, 999_999_999)},
		{time.Unix(0, 0), time.Unix(maxElapsedSec, 1)},
		{time.Unix(9_223_372_036, 854_775_807), time.Unix(0, 0)}, // exactly the largest Duration
		{time.Unix(9_223_372_036, 854_775_808), time.Unix(0, 0)}, // one past it
		{time.Unix(-1<<40, 5), time.Unix(1<<40, 3)},
	}
	r := rand.New(rand.NewSource(1))
	for range 2000 {
		a := time.Unix(r.Int63n(1<<35)-1<<34, r.Int63n(1e9)).In(shanghai)
		b := a.Add(time.Duration(r.Int63n(1<<62) - 1<<61))
		cases = append(cases, [2]time.Time{a, b}, [2]time.Time{b, a})
	}
	for _, c := range cases {
		if got, want := elapsed(c[0], c[1]), c[0].Sub(c[1]); got != want {
			t.Errorf("elapsed(%v, %v) = %v, Sub says %v", c[0], c[1], got, want)
		}
	}
}
