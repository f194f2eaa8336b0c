package main

import (
	"os"
	"testing"
	"time"
)

func TestParseVMRSS(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"Name:\tchatlint\nVmPeak:\t  300 kB\nVmRSS:\t  162340 kB\nRssAnon:\t 1 kB\n", 162340 << 10, true},
		{"Name:\tx\nVmRSS:\t0 kB", 0, true},
		{"Name:\tzombie\nState:\tZ (zombie)\n", 0, false},
		{"Name:\tx\nVmRSS:\t12 MB\n", 0, false},
		{"Name:\tx\nVmRSS:\t-3 kB\n", 0, false},
		{"Name:\tx\nVmRSS:\n", 0, false},
	} {
		got, ok := parseVMRSS([]byte(tc.in))
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseVMRSS(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestHalfPeaks(t *testing.T) {
	ms := time.Millisecond
	for _, tc := range []struct {
		name          string
		pts           []rssPoint
		wall          time.Duration
		first, second int64
		ok            bool
	}{
		{"plateau", []rssPoint{{10 * ms, 50}, {40 * ms, 158}, {60 * ms, 157}, {90 * ms, 158}}, 100 * ms, 158, 158, true},
		{"growing", []rssPoint{{10 * ms, 50}, {50 * ms, 100}, {51 * ms, 120}, {99 * ms, 200}}, 100 * ms, 100, 200, true},
		{"no second half", []rssPoint{{10 * ms, 50}, {20 * ms, 60}}, 100 * ms, 60, 0, false},
		{"none", nil, 100 * ms, 0, 0, false},
	} {
		first, second, ok := halfPeaks(tc.pts, tc.wall)
		if first != tc.first || second != tc.second || ok != tc.ok {
			t.Errorf("%s: halfPeaks = %d, %d, %v; want %d, %d, %v", tc.name, first, second, ok, tc.first, tc.second, tc.ok)
		}
	}
}

// TestTraceRSS samples this process, which is running, and reads what a
// process has as its resident set (where /proc is there).
func TestTraceRSS(t *testing.T) {
	if _, ok := readVMRSS(os.Getpid()); !ok {
		t.Skip("no /proc/PID/status VmRSS here")
	}
	stop := make(chan struct{})
	got := traceRSS(os.Getpid(), time.Millisecond, stop)
	time.Sleep(20 * time.Millisecond)
	close(stop)
	pts := <-got
	if len(pts) < 2 {
		t.Fatalf("%d points in 20 ms at 1 ms", len(pts))
	}
	for i, p := range pts {
		if p.rss <= 0 || i > 0 && p.at < pts[i-1].at {
			t.Fatalf("point %d: %+v (before: %+v)", i, p, pts[max(i-1, 0)])
		}
	}
}
