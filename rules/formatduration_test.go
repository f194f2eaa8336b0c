package rules

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"
)

// refFormatDuration is FormatDuration as first written (with fmt-free
// pieces concatenated): the reference the one-allocation version is held to.
func refFormatDuration(d time.Duration) string {
	if d == 0 {
		return "0s"
	}
	var b strings.Builder
	if d >= 24*time.Hour && d%(24*time.Hour) == 0 {
		return strconv.Itoa(int(d/(24*time.Hour))) + "d"
	}
	if h := d / time.Hour; h > 0 {
		b.WriteString(strconv.Itoa(int(h)) + "h")
		d -= h * time.Hour
	}
	if m := d / time.Minute; m > 0 {
		b.WriteString(strconv.Itoa(int(m)) + "m")
		d -= m * time.Minute
	}
	if d > 0 {
		b.WriteString(strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + "s")
	}
	return b.String()
}

// TestFormatDurationAgrees: FormatDuration writes what the reference
// writes, for whole and fractional seconds, minutes, hours and days, and
// for negative durations; and it allocates the result alone.
func TestFormatDurationAgrees(t *testing.T) {
	ds := []time.Duration{0, 1, -1, time.Millisecond, 1500 * time.Millisecond, 59 * time.Second, time.Minute,
		90 * time.Second, 2 * time.Hour, 25 * time.Hour, 48 * time.Hour, 3*24*time.Hour + time.Second,
		time.Hour + 100*time.Millisecond + 1, 1<<63 - 1, -1 << 63, 30*time.Second + 123456789}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		ds = append(ds, time.Duration(rng.Int64N(int64(72*time.Hour))), time.Duration(rng.Int64N(60000))*time.Millisecond)
	}
	for _, d := range ds {
		if got, want := FormatDuration(d), refFormatDuration(d); got != want {
			t.Fatalf("FormatDuration(%d) = %q, want %q", d, got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { durationSink = FormatDuration(90*time.Second + 250*time.Millisecond) }); n > 1 {
		t.Fatalf("FormatDuration: %v allocations, want 1", n)
	}
}

// durationSink keeps TestFormatDurationAgrees's result alive.
var durationSink string
