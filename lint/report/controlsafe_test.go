package report

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// TestControlSafe: the controls are replaced however the writes cut them,
// and nothing else changes.
func TestControlSafe(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"客服\u202eABC 10:00:05", "客服\ufffdABC 10:00:05"},
		{"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", strings.Repeat("\ufffd", 9)},
		// neighbours of the controls, and E2 bytes that begin no control
		{"\u2029\u202f\u2065\u206a\u2014…“”", "\u2029\u202f\u2065\u206a\u2014…“”"},
		{"end\xe2", "end\xe2"},
		{"end\xe2\x80", "end\xe2\x80"},
		{"\xe2\xe2\x80\xae", "\xe2\ufffd"},
		{"", ""},
		// C0 but tab and line breaks, DEL, C1
		{"a\x00b\x01c\x1b[31md\x7fe\x1f", "a\ufffdb\ufffdc\ufffd[31md\ufffde\ufffd"},
		{"行1\n行2\r\n\t缩进", "行1\n行2\r\n\t缩进"},
		{"\u0080\u0085\u009b\u009f", strings.Repeat("\ufffd", 4)},
		// neighbours of C1, and C2 bytes that begin none
		{"\u007e\u00a0\u00a9é", "\u007e\u00a0\u00a9é"},
		{"end\xc2", "end\xc2"},
		{"\xc2\xc2\x85", "\xc2\ufffd"},
	} {
		for cut := 0; cut <= len(tc.in); cut++ {
			for cut2 := cut; cut2 <= len(tc.in); cut2++ {
				var out bytes.Buffer
				b := &controlSafe{w: &out}
				for _, piece := range []string{tc.in[:cut], tc.in[cut:cut2], tc.in[cut2:]} {
					if n, err := b.Write([]byte(piece)); n != len(piece) || err != nil {
						t.Fatalf("write %q: %d, %v", piece, n, err)
					}
				}
				if err := b.flush(); err != nil {
					t.Fatal(err)
				}
				if out.String() != tc.want {
					t.Errorf("%q cut at %d, %d: %q, want %q", tc.in, cut, cut2, out.String(), tc.want)
				}
			}
		}
	}
	// random text in random pieces: as replaced whole
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "客", "\u202e", "\u2066", "\u2014", "\xe2", "\xe2\x80", "\x80", "\xae",
		"\x01", "\x1b", "\x7f", "\n", "\t", "\u0085", "\u00a0", "\xc2", "\x85"}
	for i := 0; i < 2000; i++ {
		var in strings.Builder
		for j := rng.IntN(40); j > 0; j-- {
			in.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := in.String()
		var whole, pieces bytes.Buffer
		w := &controlSafe{w: &whole}
		w.Write([]byte(s))
		w.flush()
		p := &controlSafe{w: &pieces}
		for rest := s; rest != ""; {
			n := 1 + rng.IntN(len(rest))
			p.Write([]byte(rest[:n]))
			rest = rest[n:]
		}
		p.flush()
		if whole.String() != pieces.String() {
			t.Fatalf("%q: whole %q, in pieces %q", s, whole.String(), pieces.String())
		}
		for _, r := range whole.String() {
			if r != '\t' && r != '\n' && r != '\r' && lint.Masked(r) {
				t.Fatalf("%q: a control is left: %q", s, whole.String())
			}
		}
		if want := controlSafeWant(s); whole.String() != want {
			t.Fatalf("%q: %q, want %q", s, whole.String(), want)
		}
	}
}

// controlSafeWant is what controlSafe writes of s, rune by rune: every
// masked character but tab and the line breaks as U+FFFD, the rest (invalid
// bytes included) as it is.
func controlSafeWant(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if r != '\t' && r != '\n' && r != '\r' && lint.Masked(r) {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[:n])
		}
		s = s[n:]
	}
	return b.String()
}
