//go:build !linux

package main

import "time"

// crossCoreRoundTrip is measured on Linux only (see crosscore_linux.go),
// where threads can be pinned to CPUs: ok is false.
func crossCoreRoundTrip(trips int) (perTrip time.Duration, ok bool) { return 0, false }
