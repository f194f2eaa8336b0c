package main

import (
	"bytes"
	"os"
	"strconv"
	"time"
)

// rssPoint is a process's resident set size at a time of its run.
type rssPoint struct {
	at  time.Duration // since the process started
	rss int64         // bytes
}

// traceRSS samples the resident set size of process pid every interval
// (readVMRSS) until stop is closed, then sends what it read. Where
// /proc is not there, it sends nothing read.
func traceRSS(pid int, every time.Duration, stop <-chan struct{}) <-chan []rssPoint {
	out := make(chan []rssPoint, 1)
	start := time.Now()
	t := time.NewTicker(every)
	go func() {
		defer t.Stop()
		out <- sampleRSS(pid, start, t.C, stop)
	}()
	return out
}

// sampleRSS reads the resident set size of process pid (readVMRSS) at
// once and again on each value from tick, until stop is closed, and
// returns the points read, timed from start.
func sampleRSS(pid int, start time.Time, tick <-chan time.Time, stop <-chan struct{}) []rssPoint {
	var pts []rssPoint
	for {
		if rss, ok := readVMRSS(pid); ok {
			pts = append(pts, rssPoint{time.Since(start), rss})
		}
		select {
		case <-stop:
			return pts
		case <-tick:
		}
	}
}

// readVMRSS reads the VmRSS line of /proc/PID/status (Linux), in bytes.
func readVMRSS(pid int) (int64, bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, false
	}
	return parseVMRSS(data)
}

// parseVMRSS finds "VmRSS: N kB" in the text of a /proc/PID/status file
// and returns N KiB in bytes.
func parseVMRSS(status []byte) (int64, bool) {
	_, rest, ok := bytes.Cut(status, []byte("\nVmRSS:"))
	if !ok {
		return 0, false
	}
	line, _, _ := bytes.Cut(rest, []byte("\n"))
	f := bytes.Fields(line)
	if len(f) != 2 || string(f[1]) != "kB" {
		return 0, false
	}
	kb, err := strconv.ParseInt(string(f[0]), 10, 64)
	if err != nil || kb < 0 {
		return 0, false
	}
	return kb << 10, true
}

// halfPeaks returns the peak of the points in the first half of a run of
// length wall and the peak of those in its second half: memory that does
// not grow with the input read has the second no higher than the first,
// once the run has filled its memory budget. ok is false when either half
// has no point.
func halfPeaks(pts []rssPoint, wall time.Duration) (first, second int64, ok bool) {
	var n1, n2 int
	for _, p := range pts {
		if p.at <= wall/2 {
			first, n1 = max(first, p.rss), n1+1
		} else {
			second, n2 = max(second, p.rss), n2+1
		}
	}
	return first, second, n1 > 0 && n2 > 0
}
