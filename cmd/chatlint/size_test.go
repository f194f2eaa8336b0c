package main

import (
	"math"
	"strings"
	"testing"
)

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		err  string
	}{
		{"64MiB", 64 << 20, ""},
		{"64", 64 << 20, ""},
		{"512MB", 512 << 20, ""},
		{"1.5GiB", 3 << 29, ""},
		{"1g", 1 << 30, ""},
		{" 200 KiB ", 200 << 10, ""},
		{"4096B", 4096, ""},
		{"", 0, "not a size"},
		{"MiB", 0, "not a size"},
		{"-1MiB", 0, "not a size"},
		{"1.2.3M", 0, "not a size"},
		{"10TB", 0, "unknown unit"},
		{"0", 0, "out of range"},
		{"0.5B", 0, "out of range"},
		{"99999999GiB", 0, "out of range"},
	}
	for _, tt := range tests {
		got, err := parseSize(tt.in)
		switch {
		case tt.err == "" && (err != nil || got != tt.want):
			t.Errorf("parseSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("parseSize(%q) = %d, %v; want an error with %q", tt.in, got, err, tt.err)
		}
	}
}

// TestSizeInt: a size past what an int holds (on 32-bit targets) is taken
// as the most there can be, not wrapped around; below it, it is kept.
func TestSizeInt(t *testing.T) {
	tests := []struct {
		n     int64
		limit int
	}{
		{64 << 20, math.MaxInt},
		{1<<31 - 1, math.MaxInt},
		{2 << 30, math.MaxInt},
		{4 << 30, math.MaxInt},
		{5 << 30, math.MaxInt},
		{2048 << 30, math.MaxInt},
		{256 << 10, math.MaxInt / 4},
		{1 << 30, math.MaxInt / 4},
		{2048 << 30, math.MaxInt / 4},
	}
	for _, tt := range tests {
		want := min(tt.n, int64(tt.limit))
		if got := sizeInt(tt.n, tt.limit); int64(got) != want || got <= 0 {
			t.Errorf("sizeInt(%d, %d) = %d, want %d", tt.n, tt.limit, got, want)
		}
	}
}

// TestSizeFlagsHelp: the help of each flag that parseSize reads says what a
// bare number means, as parseSize reads it (MiB: --max-message-size 500,
// typed for 500 characters, is 500 MiB), and --memory-budget says what a
// conversation's messages lie further apart than to be linted in parts.
func TestSizeFlagsHelp(t *testing.T) {
	bare, err := parseSize("1")
	if err != nil || bare != 1<<20 {
		t.Fatalf("parseSize(%q) = %d, %v; the help below says MiB", "1", bare, err)
	}
	lint, _, err := newRootCmd().Find([]string{"lint"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		flag string
		want []string
	}{
		{"memory-budget", []string{"a bare number is MiB", "further apart in the input than the budget spans"}},
		{"max-message-size", []string{"a bare number is MiB", "0: no limit"}},
	}
	for _, tt := range tests {
		f := lint.Flags().Lookup(tt.flag)
		if f == nil {
			t.Errorf("chatlint lint has no --%s", tt.flag)
			continue
		}
		if _, err := parseSize(f.DefValue); err != nil {
			t.Errorf("--%s: default %q: %v", tt.flag, f.DefValue, err)
		}
		for _, w := range tt.want {
			if !strings.Contains(f.Usage, w) {
				t.Errorf("--%s: help %q does not say %q", tt.flag, f.Usage, w)
			}
		}
	}
}
