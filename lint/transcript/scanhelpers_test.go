package transcript

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/chatlint/chatlint/lint"
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

// astral counts as lint.Astral does, whatever the bytes and their
// alignment.
func TestAstral(t *testing.T) {
	pieces := []string{"a", "客", "😀", "\xf0", "\xff", "\xef", "\x80", "é", "𠀀", "12345678"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var b []byte
		for range rng.IntN(40) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		if got, want := astral(b), lint.Astral(b); got != want {
			t.Fatalf("astral(%q) = %d, want %d", b, got, want)
		}
	}
}

func FuzzAstral(f *testing.F) {
	f.Add([]byte("{\"sender\":\"客服😀\",\"text\":\"\""))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := astral(b), lint.Astral(b); got != want {
			t.Fatalf("astral(%q) = %d, want %d", b, got, want)
		}
	})
}

// plainStringEnd counts a string's continuation bytes and, from bit
// astralShift up, its characters beyond the BMP.
func TestPlainStringEndAstral(t *testing.T) {
	for _, tt := range []struct {
		s            string
		cont, astral uint64
	}{
		{`abc"`, 0, 0},
		{`客服"`, 4, 0},
		{`😀客a𠀀"`, 8, 2},
		{`你好你好你好你好你好你好你好你好😀"`, 35, 1},
	} {
		end, cont := plainStringEnd([]byte(tt.s), 0)
		if end != len(tt.s)-1 || cont != tt.cont|tt.astral<<astralShift {
			t.Errorf("plainStringEnd(%q) = %d, %#x; want %d, %#x", tt.s, end, cont, len(tt.s)-1, tt.cont|tt.astral<<astralShift)
		}
	}
}
