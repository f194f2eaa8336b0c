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
