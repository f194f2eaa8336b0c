package report

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestBidiSafe: the controls are replaced however the writes cut them,
// and nothing else changes.
func TestBidiSafe(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"客服\u202eABC 10:00:05", "客服\ufffdABC 10:00:05"},
		{"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", strings.Repeat("\ufffd", 9)},
		// neighbours of the controls, and E2 bytes that begin no control
		{"\u2029\u202f\u2065\u206a\u2014…“”", "\u2029\u202f\u2065\u206a\u2014…“”"},
		{"end\xe2", "end\xe2"},
		{"end\xe2\x80", "end\xe2\x80"},
		{"\xe2\xe2\x80\xae", "\xe2\ufffd"},
		{"", ""},
	} {
		for cut := 0; cut <= len(tc.in); cut++ {
			for cut2 := cut; cut2 <= len(tc.in); cut2++ {
				var out bytes.Buffer
				b := &bidiSafe{w: &out}
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
	alphabet := []string{"a", "客", "\u202e", "\u2066", "\u2014", "\xe2", "\xe2\x80", "\x80", "\xae"}
	for i := 0; i < 2000; i++ {
		var in strings.Builder
		for j := rng.IntN(40); j > 0; j-- {
			in.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := in.String()
		var whole, pieces bytes.Buffer
		w := &bidiSafe{w: &whole}
		w.Write([]byte(s))
		w.flush()
		p := &bidiSafe{w: &pieces}
		for rest := s; rest != ""; {
			n := 1 + rng.IntN(len(rest))
			p.Write([]byte(rest[:n]))
			rest = rest[n:]
		}
		p.flush()
		if whole.String() != pieces.String() || len(whole.String()) != len(s) {
			t.Fatalf("%q: whole %q, in pieces %q", s, whole.String(), pieces.String())
		}
		if strings.Contains(whole.String(), "\u202e") || strings.Contains(whole.String(), "\u2066") {
			t.Fatalf("%q: a control is left: %q", s, whole.String())
		}
	}
}
