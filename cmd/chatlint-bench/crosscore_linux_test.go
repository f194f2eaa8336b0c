package main

import (
	"runtime"
	"testing"
	"time"
)

// TestCrossCoreRoundTrip: with two CPUs to pin to, a round trip takes
// some time (under a millisecond, on anything that runs the tests); it
// reports none for no trips.
func TestCrossCoreRoundTrip(t *testing.T) {
	if _, ok := crossCoreRoundTrip(0); ok {
		t.Error("crossCoreRoundTrip(0) reported a round trip")
	}
	if _, ok := twoCPUs(); !ok || runtime.GOMAXPROCS(0) < 2 {
		if _, ok := crossCoreRoundTrip(100); ok {
			t.Error("a round trip measured without two CPUs to pin to")
		}
		t.Skip("needs two CPUs to pin threads to")
	}
	d, ok := crossCoreRoundTrip(1000)
	if !ok || d <= 0 || d >= time.Millisecond {
		t.Errorf("crossCoreRoundTrip(1000) = %v, %v; want a positive time under 1 ms", d, ok)
	}
}
