package report

import (
	"math"
	"testing"
	"time"
)

// TestSpanSecondsIsSeconds holds spanSeconds to span.seconds (Time.Sub):
// nanoseconds on either side, spans across zones, backwards, at and past
// 2^32 seconds, past Duration's range (where Sub saturates), and times
// with a monotonic clock reading (where Sub reads that clock when both
// have one).
func TestSpanSecondsIsSeconds(t *testing.T) {
	t0 := time.Date(2026, 11, 11, 8, 1, 59, 0, time.FixedZone("CST", 8*3600))
	now := time.Now()
	later := now.Add(1500 * time.Millisecond)
	cases := []struct{ start, end time.Time }{
		{t0, t0},
		{t0, t0.Add(71 * time.Second)},
		{t0, t0.Add(95*time.Second + 500*time.Millisecond)},
		{t0.Add(999999999), t0.Add(time.Second + 1)},
		{t0.Add(1), t0.Add(time.Second + 999999999)},
		{t0, t0.Add(-3 * time.Second).In(time.UTC)},
		{t0, t0.Add((1<<32 - 1) * time.Second)},
		{t0, t0.Add((1 << 32) * time.Second)},
		{t0, t0.Add(-(1 << 32) * time.Second)},
		{t0, t0.AddDate(400, 0, 0)},
		{t0, t0.AddDate(-400, 0, 0)},
		{time.Unix(0, 0), time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)},
		{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 1, 1, 0, 0, 0, 1, time.UTC)},
		{now, later},
		{now, later.Round(0)},
		{now.Round(0), later},
		{now, t0},
	}
	for _, c := range cases {
		s := span{start: c.start, end: c.end}
		if got, want := spanSeconds(&s), s.seconds(); math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("spanSeconds(%v, %v) = %v, want %v", c.start, c.end, got, want)
		}
	}
}

// TestFloatWholeNumbers: convEncoder.float writes a whole number by its
// digits as appendJSONFloat does (not -0, nor numbers from 10^8 up, which
// take appendJSONFloat's way), and what follows it from its cache too.
func TestFloatWholeNumbers(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 1, 3, 9, 10, 99, 100, 101, 86400, 1e8 - 1, 1e8, 1e8 + 1, 1e15, 1e21,
		-1, -3, -100, 0.5, 1.5, 94.5, 99.99, 1e-7, -0.5, math.MaxInt64, -math.MaxInt64, math.MinInt64, 1 << 63, math.MaxFloat64,
		math.SmallestNonzeroFloat64, 123456789.5}
	e := &convEncoder{}
	for round := range 2 {
		for _, f := range vals {
			e.b = e.b[:0]
			e.float(f)
			if got, want := string(e.b), string(appendJSONFloat(nil, f)); got != want || e.err != nil {
				t.Errorf("round %d: float(%v) = %q (%v), want %q", round, f, got, e.err, want)
			}
		}
	}
}
