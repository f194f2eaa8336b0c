package main

import (
	"strings"
	"testing"
	"time"
	"unicode"
)

// TestProgressLineEnglish: the progress line is a message of the command
// line, in English as all of them are (the reports are in Chinese), and
// says how much of how much was read.
func TestProgressLineEnglish(t *testing.T) {
	for _, total := range []int64{-1, 2_000_000} {
		p := &progress{total: total, width: 100, started: time.Now().Add(-time.Second)}
		p.read.Store(1_000_000)
		p.records.Store(4096)
		line := p.line()
		for _, r := range line {
			if unicode.Is(unicode.Han, r) {
				t.Errorf("total %d: progress line %q is not in English", total, line)
				break
			}
		}
		if !strings.Contains(line, "4096 records") {
			t.Errorf("total %d: progress line %q does not count the records", total, line)
		}
		// the size of the input next to what was read of it, not after
		// the throughput ("1.0 MB/s / 2.0 MB")
		if total > 0 && !strings.Contains(line, " 50% 1.0 MB of 2.0 MB  ") {
			t.Errorf("progress line %q does not say 1.0 MB of 2.0 MB read", line)
		}
	}
}
