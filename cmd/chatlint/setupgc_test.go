package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
)

// gcSettings reads the garbage collector's GOGC and soft memory limit.
func gcSettings() (percent int, limit int64) {
	percent = debug.SetGCPercent(-1)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

// TestDuringSetUp: the packs load without garbage collection (under
// setUpLimit) and small ones compile so too, while packs whose loading
// allocated smallPacks or more compile paced by GOGC=100 with no limit;
// the settings before are back once the set-up is over, and GOGC or
// GOMEMLIMIT in the environment leave them alone. What the engine took in
// of the input meanwhile (read, which the set-up's taken reports) is not
// counted as the packs'.
func TestDuringSetUp(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(150))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(90 << 20))
	for _, tc := range []struct {
		name         string
		env          string
		alloc        int
		read         int64 // of alloc, taken in by the engine (nil taken when 0)
		wantPercent  int
		wantLimit    int64
		afterPercent int
		afterLimit   int64
	}{
		{"small packs", "", 1 << 20, 0, -1, setUpLimit, -1, setUpLimit},
		{"large packs", "", smallPacks, 0, -1, setUpLimit, 100, math.MaxInt64},
		{"large packs while reading", "", smallPacks + 8<<20, 8 << 20, -1, setUpLimit, 100, math.MaxInt64},
		{"small packs, much input read", "", smallPacks + 8<<20, smallPacks, -1, setUpLimit, -1, setUpLimit},
		{"input counted over what it took", "", 1 << 20, 4 << 20, -1, setUpLimit, -1, setUpLimit},
		{"GOGC set", "GOGC", smallPacks, 0, 150, 90 << 20, 150, 90 << 20},
		{"GOMEMLIMIT set", "GOMEMLIMIT", 0, 0, 150, 90 << 20, 150, 90 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("GOGC", "")
			t.Setenv("GOMEMLIMIT", "")
			if tc.env != "" {
				t.Setenv(tc.env, "1")
			}
			var read int64
			var taken func() int64
			if tc.read != 0 {
				taken = func() int64 { return read }
			}
			compiling, restore := duringSetUp(taken)
			if p, l := gcSettings(); p != tc.wantPercent || l != tc.wantLimit {
				t.Errorf("loading: GOGC %d, limit %d; want %d, %d", p, l, tc.wantPercent, tc.wantLimit)
			}
			loaded := make([]byte, tc.alloc) // what loading the packs allocated, and the input
			read = tc.read
			compiling()
			runtime.KeepAlive(loaded)
			if p, l := gcSettings(); p != tc.afterPercent || l != tc.afterLimit {
				t.Errorf("compiling: GOGC %d, limit %d; want %d, %d", p, l, tc.afterPercent, tc.afterLimit)
			}
			restore()
			if p, l := gcSettings(); p != 150 || l != 90<<20 {
				t.Errorf("after: GOGC %d, limit %d; want the settings before, 150, %d", p, l, 90<<20)
			}
		})
	}
}
