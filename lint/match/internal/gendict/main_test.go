package main

import (
	"encoding/binary"
	"slices"
	"testing"
)

func TestBucketShift(t *testing.T) {
	for _, tc := range []struct{ n, u, want int }{
		{17, 10904, 11}, // 5+1 buckets for 8
		{32, 10904, 10}, // 10+1 for 16
		{928, 10904, 5}, // 340+1 for 464
		{2, 1, 1},       // one bucket for one
		{100, 20, 0},    // more pairs than codes: one code per bucket
	} {
		if got := bucketShift(tc.n, tc.u); got != tc.want {
			t.Errorf("bucketShift(%d, %d) = %d, want %d", tc.n, tc.u, got, tc.want)
		}
	}
}

func TestAppendBuckets(t *testing.T) {
	// 40 pairs, u = 99: shift 3 (13 buckets of eight codes for 20), 14 entries
	var seconds []uint16
	for x := 3; x < 100 && len(seconds) < 40; x += 2 {
		seconds = append(seconds, uint16(x))
	}
	out := appendBuckets([]byte{1, 2, 3, 4, 5, 6, 7, 8}, seconds, 99)
	if len(out)%8 != 0 || !slices.Equal(out[:8], []byte{1, 2, 3, 4, 5, 6, 7, 8}) {
		t.Fatalf("appended %d bytes to 8, clobbering %v", len(out)-8, out[:8])
	}
	tab := out[8:]
	entry := func(k int) int { return int(binary.LittleEndian.Uint16(tab[2*k:])) }
	s := entry(0)
	if s != 3 {
		t.Fatalf("shift %d, want 3", s)
	}
	if want := 2 * (1 + 99>>s + 2); len(tab) < want || len(tab) >= want+8 {
		t.Fatalf("table of %d bytes, want %d padded to 8", len(tab), want)
	}
	// every code x: the pairs of its bucket are those with x>>s = b
	for x := 0; x <= 99; x++ {
		b := x >> s
		lo, hi := entry(1+b), entry(2+b)
		for p, y := range seconds {
			if in := lo <= p && p < hi; in != (int(y)>>s == b) {
				t.Errorf("code %d: pair %d (second %d) in bucket [%d, %d): %v", x, p, y, lo, hi, in)
			}
		}
	}
	if last := entry(1 + 99>>s + 1); last != len(seconds) {
		t.Errorf("last entry %d, want %d", last, len(seconds))
	}
}
