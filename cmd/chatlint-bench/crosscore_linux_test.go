package main

import (
	"runtime"
	"testing"
	"time"
)

// TestCrossCoreRoundTrip: with two CPUs to pin to, a round trip takes
// some time; it reports none for no trips. The bound is no speed target
// (a machine whose CPUs other work holds, such as the other packages'
// tests beside this one, takes milliseconds: a pinned thread waits for
// its turn), only a check that the two threads met at all.
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
	if !ok || d <= 0 || d >= time.Second {
		t.Errorf("crossCoreRoundTrip(1000) = %v, %v; want a positive time under a second", d, ok)
	}
}
