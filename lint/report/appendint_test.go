package report

import (
	"math"
	"strconv"
	"testing"
)

// TestAppendInt holds appendInt to strconv.AppendInt: every value up to
// 10^6, values up past 10^8 in steps of a prime, those around each power
// of ten, negatives and values past its eight-digit path, appended after
// bytes already written (which the eight bytes it stores must leave
// alone).
func TestAppendInt(t *testing.T) {
	vals := []int{-1, -9, -10, -123456789, 1e8 - 1, 1e8, 1e8 + 1, 123456789, math.MaxInt, math.MinInt}
	for n := 0; n <= 1e6; n++ {
		vals = append(vals, n)
	}
	for n := 1000003; n < 2e8; n += 9973 {
		vals = append(vals, n)
	}
	for p := 10; p > 0 && p <= math.MaxInt/10; p *= 10 {
		vals = append(vals, p-1, p, p+1)
	}
	prefix := []byte(`"line":`)
	for _, n := range vals {
		b := append(make([]byte, 0, 16), prefix...)
		got := string(appendInt(b, n))
		if want := string(prefix) + strconv.Itoa(n); got != want {
			t.Fatalf("appendInt(%d) = %q, want %q", n, got, want)
		}
	}
}
