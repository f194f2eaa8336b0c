package transcript

import (
	"bytes"
	"testing"
)

// blankLine is len(bytes.TrimSpace(line)) == 0, quickly for records.
func TestBlankLine(t *testing.T) {
	for _, s := range []string{"", " ", "\t\r", "\u3000", "\u00a0 ", "{", `{"text":"好"}`, " {}", "x", "\u3000{}", "\x85"} {
		if got, want := blankLine([]byte(s)), len(bytes.TrimSpace([]byte(s))) == 0; got != want {
			t.Errorf("blankLine(%q) = %v, want %v", s, got, want)
		}
	}
}

// parseTime trims the blanks around a time (edged tells when to look).
func TestParseTimeBlanks(t *testing.T) {
	want, err := ParseTime("2026-11-04T10:00:06+08:00", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{" 2026-11-04T10:00:06+08:00", "2026-11-04T10:00:06+08:00\t", "\u30002026-11-04T10:00:06+08:00\u00a0"} {
		if got, err := ParseTime(s, nil); err != nil || !got.Equal(want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	if got, err := ParseTime(" \u3000 ", nil); err != nil || !got.IsZero() {
		t.Errorf("ParseTime(blanks) = %v, %v; want zero", got, err)
	}
}
