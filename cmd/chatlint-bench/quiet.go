package main

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// The benchmark shares its machine: other processes (builds, tests, fuzzers)
// would slow the commands it times. It watches the whole machine's CPU time
// in /proc/stat, waits for the machine to go quiet before each run, and
// measures the CPU others used during a run ("foreign" load), so that a
// disturbed run can be repeated.

// cpuSample is the machine's CPU time so far, in clock ticks.
type cpuSample struct {
	busy, total uint64
	ok          bool
}

// clockTicks is USER_HZ, the unit of /proc/stat (100 on every Linux
// configuration Go supports).
const clockTicks = 100

func readCPU() cpuSample {
	data, err := os.ReadFile("/proc/stat")
	if err != nil {
		return cpuSample{}
	}
	line, _, _ := strings.Cut(string(data), "\n")
	f := strings.Fields(line)
	if len(f) < 5 || f[0] != "cpu" {
		return cpuSample{}
	}
	var s cpuSample
	for i, v := range f[1:] {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return cpuSample{}
		}
		if i >= 8 {
			break // guest time is counted in user time already
		}
		s.total += n
		if i != 3 && i != 4 { // idle, iowait
			s.busy += n
		}
	}
	s.ok = true
	return s
}

// busySince is the CPU time (seconds) the machine spent busy since s.
func busySince(s cpuSample) float64 {
	now := readCPU()
	if !s.ok || !now.ok {
		return 0
	}
	return float64(now.busy-s.busy) / clockTicks
}

// waitQuiet waits until the machine uses less than maxBusy of one core over
// a half-second window, for at most timeout; it returns the load it last
// saw (in cores) and whether it got quiet.
func waitQuiet(maxBusy float64, timeout time.Duration, log func(string, ...any)) (float64, bool) {
	deadline := time.Now().Add(timeout)
	logged := false
	for {
		s := readCPU()
		if !s.ok {
			return 0, true
		}
		const window = 500 * time.Millisecond
		time.Sleep(window)
		load := busySince(s) / window.Seconds()
		if load < maxBusy {
			return load, true
		}
		if time.Now().After(deadline) {
			return load, false
		}
		if !logged {
			log("waiting for the machine to go quiet (other processes use %.1f cores)", load)
			logged = true
		}
	}
}
