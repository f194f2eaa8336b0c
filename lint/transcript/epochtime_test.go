package transcript

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"
)

// epochTime reads what it takes exactly as parseTimeRead does, and takes
// no string parseTimeRead reads otherwise or rejects.
func TestEpochTimeAgrees(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	check := func(s string) {
		t.Helper()
		got, ok := epochTime(s)
		if !ok {
			return
		}
		want, err := parseTimeRead(s, loc, &dayMemo{})
		if err != nil || got != want {
			t.Fatalf("%q: epochTime %v, parseTimeRead %v %v", s, got, want, err)
		}
	}
	taken := 0
	for _, s := range []string{"1794355258", "1794355240033", "0123456789", "0000000001", "0099999999",
		"0100000000", "9999999999", "0000000000000", "0099999999999", "0100000000000", "9999999999999",
		"179435525", "17943552580", "179435524003", "17943552400330", "179435525x", " 1794355258",
		"1794355258 ", "+794355258", "-794355258", "１７９４３５５２５８", "2026-11-04", "1794355258.5"} {
		check(s)
		if _, ok := epochTime(s); ok {
			taken++
		}
	}
	if taken != 7 {
		t.Errorf("epochTime took %d of the table's strings, want 7", taken)
	}
	r := rand.New(rand.NewPCG(7, 8))
	for range 100000 {
		n := 10
		if r.IntN(2) == 0 {
			n = 13
		}
		var b strings.Builder
		for range n {
			if r.IntN(40) == 0 {
				b.WriteByte(" .-x:/\x00\xb5\x3f\x2f"[r.IntN(10)])
			} else {
				b.WriteString(strconv.Itoa(r.IntN(10)))
			}
		}
		check(b.String())
	}
}

// TestDigits8 holds digits8 to reading the digits one at a time, on
// every digit at every place of random words of digits.
func TestDigits8(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 20000 {
		var b [8]byte
		for i := range b {
			b[i] = '0' + byte(r.IntN(10))
		}
		for p := range 8 {
			for d := range byte(10) {
				c := b
				c[p] = '0' + d
				want, _ := strconv.ParseUint(string(c[:]), 10, 64)
				if got := digits8(word(c[:], 0)); got != want {
					t.Fatalf("digits8(%q) = %d, want %d", c, got, want)
				}
			}
		}
	}
}
