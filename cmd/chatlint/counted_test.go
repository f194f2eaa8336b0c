package main

import (
	"strings"
	"testing"
	"time"
)

// TestProgressOneRecord: the progress line counts one record as one, not
// "1 records".
func TestProgressOneRecord(t *testing.T) {
	p := &progress{total: -1, width: 100, started: time.Now().Add(-time.Second)}
	p.read.Store(100)
	p.records.Store(1)
	if line := p.line(); !strings.Contains(line, "  1 record  ") {
		t.Errorf("progress line %q does not say 1 record", line)
	}
}
