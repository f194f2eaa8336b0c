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
// GOMEMLIMIT in the environment leave them alone.
func TestDuringSetUp(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(150))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(90 << 20))
	for _, tc := range []struct {
		name         string
		env          string
		alloc        int
		wantPercent  int
		wantLimit    int64
		afterPercent int
		afterLimit   int64
	}{
		{"small packs", "", 1 << 20, -1, setUpLimit, -1, setUpLimit},
		{"large packs", "", smallPacks, -1, setUpLimit, 100, math.MaxInt64},
		{"GOGC set", "GOGC", smallPacks, 150, 90 << 20, 150, 90 << 20},
		{"GOMEMLIMIT set", "GOMEMLIMIT", 0, 150, 90 << 20, 150, 90 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("GOGC", "")
			t.Setenv("GOMEMLIMIT", "")
			if tc.env != "" {
				t.Setenv(tc.env, "1")
			}
			compiling, restore := duringSetUp()
			if p, l := gcSettings(); p != tc.wantPercent || l != tc.wantLimit {
				t.Errorf("loading: GOGC %d, limit %d; want %d, %d", p, l, tc.wantPercent, tc.wantLimit)
			}
			loaded := make([]byte, tc.alloc) // what loading the packs allocated
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
