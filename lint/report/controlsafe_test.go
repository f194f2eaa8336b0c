package report

import (
	"bytes"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// TestControlSafe: the controls, the noncharacters and the bytes that are
// not UTF-8 are replaced however the writes cut them, and nothing else
// changes.
func TestControlSafe(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"客服\u202eABC 10:00:05", "客服\ufffdABC 10:00:05"},
		{"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", strings.Repeat("\ufffd", 9)},
		// neighbours of the controls, and E2 bytes that begin no control
		{"\u2029\u202f\u2065\u206a\u2014…“”", "\u2029\u202f\u2065\u206a\u2014…“”"},
		{"end\xe2", "end\ufffd"},
		{"end\xe2\x80", "end\ufffd\ufffd"},
		{"\xe2\xe2\x80\xae", "\ufffd\ufffd"},
		{"", ""},
		// C0 but tab and line breaks, DEL, C1
		{"a\x00b\x01c\x1b[31md\x7fe\x1f", "a\ufffdb\ufffdc\ufffd[31md\ufffde\ufffd"},
		{"行1\n行2\r\n\t缩进", "行1\n行2\r\n\t缩进"},
		{"\u0080\u0085\u009b\u009f", strings.Repeat("\ufffd", 4)},
		// neighbours of C1, and C2 bytes that begin none
		{"\u007e\u00a0\u00a9é", "\u007e\u00a0\u00a9é"},
		{"end\xc2", "end\ufffd"},
		{"\xc2\xc2\x85", "\ufffd\ufffd"},
		// noncharacters, in every plane: an HTML parser's errors too
		{"a\ufdd0b\ufdefc\ufffed\uffff", "a\ufffdb\ufffdc\ufffdd\ufffd"},
		{"\U0001fffe\U0001ffff\U0002fffe\U0010fffe\U0010ffff", strings.Repeat("\ufffd", 5)},
		// their neighbours, and EF and F0–F4 bytes that begin none
		{"\ufdcf\ufdf0\ufffd\uff0c！（）\U0001fffd\U00020000😀\U0010fffd", "\ufdcf\ufdf0\ufffd\uff0c！（）\U0001fffd\U00020000😀\U0010fffd"},
		{"end\xef\xb7", "end\ufffd\ufffd"},
		{"end\xf0\x9f\xbf", "end\ufffd\ufffd\ufffd"},
		{"\xef\xef\xbf\xbf\xf4\x8f\xbf\xbf", "\ufffd\ufffd\ufffd"},
		// bytes that are not UTF-8, one U+FFFD each: lone bytes, a raw
		// 8-bit CSI, a CJK character cut short (by the next character or
		// by the end), a surrogate, an overlong form; U+FFFD itself stays
		{"a\xffb\x80c\x9b2J", "a\ufffdb\ufffdc\ufffd2J"},
		{"\xe5\xae客\xe5服\xe5\xae", "\ufffd\ufffd客\ufffd服\ufffd\ufffd"},
		{"\xed\xa0\x80\xc0\xaf\xf8", strings.Repeat("\ufffd", 6)},
		{"\ufffd客服", "\ufffd客服"},
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
		"\x01", "\x1b", "\x7f", "\n", "\t", "\u0085", "\u00a0", "\xc2", "\x85",
		"\ufdd0", "\uffff", "\uff0c", "\U0001fffe", "😀", "\xef", "\xef\xbf", "\xf0\x9f\xbf", "\xbf", "\xbe",
		"\xe5", "\xe5\xae", "\xed\xa0", "\xff", "\ufffd"}
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
		if !utf8.ValidString(whole.String()) {
			t.Fatalf("%q: not UTF-8: %q", s, whole.String())
		}
		for _, r := range whole.String() {
			if r != '\t' && r != '\n' && r != '\r' && lint.Masked(r) || unicode.Is(unicode.Noncharacter_Code_Point, r) {
				t.Fatalf("%q: a control or a noncharacter is left: %q", s, whole.String())
			}
		}
		if want := controlSafeWant(s); whole.String() != want {
			t.Fatalf("%q: %q, want %q", s, whole.String(), want)
		}
	}
}

// TestControlSafeEveryRune: every character, written whole and in pieces
// of an odd size, comes out as controlSafeWant says: the noncharacters of
// every plane masked (the byte tests that pass over the fullwidth forms and
// the emoji skip none), every other character as it is. noncharacter is
// Unicode's own list.
func TestControlSafeEveryRune(t *testing.T) {
	var in strings.Builder
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if utf8.ValidRune(r) {
			in.WriteRune(r)
			in.WriteByte('a')
		}
		if got, want := noncharacter(r), unicode.Is(unicode.Noncharacter_Code_Point, r); got != want {
			t.Errorf("noncharacter(%U) = %v, Unicode says %v", r, got, want)
		}
	}
	s := in.String()
	checkControlSafe(t, s, len(s), 4093, 7)
}

// TestControlSafeThreeBytes: controlSafe, which passes over most
// three-byte characters without decoding them, writes what
// controlSafeWant says of every lead byte from E0 to EF followed by any
// two bytes, written whole and in pieces that cut them.
func TestControlSafeThreeBytes(t *testing.T) {
	var in strings.Builder
	for c := 0xe0; c <= 0xef; c++ {
		for c1 := 0; c1 < 0x100; c1++ {
			for c2 := 0; c2 < 0x100; c2++ {
				in.Write([]byte{byte(c), byte(c1), byte(c2), 'a'})
			}
		}
	}
	s := in.String()
	checkControlSafe(t, s, len(s), 4093, 5)
}

// checkControlSafe writes s through controlSafe whole and in pieces of
// each size, and fails the test where the output differs from what
// controlSafeWant says, showing the first difference.
func checkControlSafe(t *testing.T, s string, pieces ...int) {
	t.Helper()
	want := controlSafeWant(s)
	for _, piece := range pieces {
		var out bytes.Buffer
		w := &controlSafe{w: &out}
		for rest := s; rest != ""; {
			n := min(piece, len(rest))
			w.Write([]byte(rest[:n]))
			rest = rest[n:]
		}
		w.flush()
		if got := out.String(); got != want {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Errorf("pieces of %d: differs at byte %d: %q, want %q", piece, i, got[i:min(i+12, len(got))], want[i:min(i+12, len(want))])
		}
	}
}

// controlSafeWant is what controlSafe writes of s, rune by rune: every
// masked character but tab and the line breaks, every noncharacter (by
// the unicode package's table, not the page's own test) and every byte
// that is not UTF-8 as U+FFFD, the rest as it is.
func controlSafeWant(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if r != '\t' && r != '\n' && r != '\r' && lint.Masked(r) || unicode.Is(unicode.Noncharacter_Code_Point, r) || r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[:n])
		}
		s = s[n:]
	}
	return b.String()
}

// BenchmarkControlSafe runs the filter over a page of Chinese chat markup
// (fullwidth punctuation, an emoji, CSS and tags, no character to mask), as
// the HTML writer hands it over: in pieces of its buffer's size.
func BenchmarkControlSafe(b *testing.B) {
	line := `<div class="msg agent"><span class="who">客服 小美</span> <time>10:00:05</time>` +
		`<p>您好亲，很高兴为您服务！请问有什么可以帮您？😀 这款（蓝色XL）今天下单，明天发货～</p></div>` + "\n"
	page := []byte(strings.Repeat(line, 1<<20/len(line)))
	const piece = 64 << 10
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	w := &controlSafe{w: io.Discard}
	for b.Loop() {
		for p := page; len(p) > 0; {
			n := min(piece, len(p))
			w.Write(p[:n])
			p = p[n:]
		}
		w.flush()
	}
}
