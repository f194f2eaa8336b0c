//go:build !linux

package main

import "testing"

// TestCrossCoreRoundTripElsewhere: without Linux's pinning, no round trip
// is reported.
func TestCrossCoreRoundTripElsewhere(t *testing.T) {
	if d, ok := crossCoreRoundTrip(100); ok {
		t.Errorf("crossCoreRoundTrip(100) = %v, true; want none reported", d)
	}
}
