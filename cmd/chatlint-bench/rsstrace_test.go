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
// process has as its resident set (where /proc is there): once at the
// start and once on each tick, in order. The ticks are the test's, each
// handed over before the next: with only a 1 ms ticker and 20 ms of
// sleep, it failed on a loaded machine ('1 points in 20 ms at 1 ms'),
// where the sampler had not run again before the sleep ended.
func TestTraceRSS(t *testing.T) {
	if _, ok := readVMRSS(os.Getpid()); !ok {
		t.Skip("no /proc/PID/status VmRSS here")
	}
	inOrder := func(what string, pts []rssPoint) {
		t.Helper()
		for i, p := range pts {
			if p.rss <= 0 || i > 0 && p.at < pts[i-1].at {
				t.Fatalf("%s: point %d: %+v (before: %+v)", what, i, p, pts[max(i-1, 0)])
			}
		}
	}
	const ticks = 3
	tick, stop := make(chan time.Time), make(chan struct{})
	got := make(chan []rssPoint, 1)
	go func() { got <- sampleRSS(os.Getpid(), time.Now(), tick, stop) }()
	for i := range ticks {
		select {
		case tick <- time.Now(): // taken once the point before it is read
		case <-time.After(10 * time.Second):
			t.Fatalf("tick %d not taken: the sampler waits no more", i+1)
		}
	}
	close(stop)
	pts := <-got
	if len(pts) != 1+ticks {
		t.Fatalf("%d points sampled at the start and on %d ticks, want %d", len(pts), ticks, 1+ticks)
	}
	inOrder("sampled", pts)

	// the ticker's, given more time where the machine is too busy to
	// run the sampler twice in 20 ms
	for wait := 20 * time.Millisecond; ; wait *= 10 {
		stop = make(chan struct{})
		traced := traceRSS(os.Getpid(), time.Millisecond, stop)
		time.Sleep(wait)
		close(stop)
		pts = <-traced
		inOrder("traced", pts)
		if len(pts) >= 2 {
			break
		}
		if wait >= 2*time.Second {
			t.Fatalf("%d points in %v at 1 ms", len(pts), wait)
		}
	}
}
