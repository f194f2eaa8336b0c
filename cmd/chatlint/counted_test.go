package main

import (
	"strings"
	"testing"
	"time"
)

// TestCounted: the English messages count with the noun in the number it
// takes, "1 finding", "2 findings", where they said "finding(s)".
func TestCounted(t *testing.T) {
	for _, c := range []struct {
		n    int
		one  string
		want string
	}{
		{0, "finding", "0 findings"},
		{1, "finding", "1 finding"},
		{2, "finding", "2 findings"},
		{1, "malformed record", "1 malformed record"},
		{30000, "malformed record", "30000 malformed records"},
	} {
		if got := counted(c.n, c.one); got != c.want {
			t.Errorf("counted(%d, %q) = %q, want %q", c.n, c.one, got, c.want)
		}
	}
	if got := counted(int64(1), "record"); got != "1 record" {
		t.Errorf("counted(int64(1), \"record\") = %q, want \"1 record\"", got)
	}
}

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
