package english

import "testing"

func TestCount(t *testing.T) {
	tests := []struct {
		n    int
		noun string
		want string
	}{
		{1, "finding", "1 finding"},
		{2, "finding", "2 findings"},
		{0, "malformed record", "0 malformed records"},
		{1, "directory", "1 directory"},
		{3, "directory", "3 directories"},
		{2, "key", "2 keys"},
		{2, "day", "2 days"},
		{2, "file name", "2 file names"},
		{-1, "field", "-1 fields"},
	}
	for _, tt := range tests {
		if got := Count(tt.n, tt.noun); got != tt.want {
			t.Errorf("Count(%d, %q) = %q, want %q", tt.n, tt.noun, got, tt.want)
		}
	}
	if got := Count(int64(1), "record"); got != "1 record" {
		t.Errorf("Count(int64(1)) = %q", got)
	}
}

func TestIsAre(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "are"}, {1, "is"}, {2, "are"}} {
		if got := IsAre(tt.n); got != tt.want {
			t.Errorf("IsAre(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
