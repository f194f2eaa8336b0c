package match

import (
	"testing"
	"unicode/utf8"
)

// TestDecodeRune3 checks the three-byte fast path against
// utf8.DecodeRuneInString: it decodes what that decodes in three bytes
// (except after 0xE0 and 0xED) and declines everything else.
func TestDecodeRune3(t *testing.T) {
	for _, tc := range []struct {
		text string
		i    int
		r    rune
		ok   bool
	}{
		{"中", 0, '中', true},
		{"a中", 1, '中', true},
		{"，", 0, '，', true},
		{"\uFFFD", 0, utf8.RuneError, true}, // U+FFFD itself, valid
		{"\uFFFF", 0, '\uFFFF', true},
		{"\u1000", 0, '\u1000', true},
		{"中", 1, 0, false},            // a continuation byte
		{"\xe4\xb8", 0, 0, false},     // truncated
		{"\xe4\xb8a", 0, 0, false},    // bad third byte
		{"\xe4a\xad", 0, 0, false},    // bad second byte
		{"\xe4\xc0\xad", 0, 0, false}, // bad second byte
		{"\u0800", 0, 0, false},       // 0xE0: left to utf8
		{"\xe0\x80\x80", 0, 0, false}, // overlong
		{"\ud7ff", 0, 0, false},       // 0xED: left to utf8
		{"\xed\xa0\x80", 0, 0, false}, // surrogate
		{"a", 0, 0, false},            // ASCII
		{"é", 0, 0, false},            // two bytes
		{"😊", 0, 0, false},            // four bytes
		{"\xf0\x9f\x98", 0, 0, false}, // truncated four bytes
	} {
		r, ok := decodeRune3(tc.text, tc.i)
		if r != tc.r || ok != tc.ok {
			t.Errorf("decodeRune3(%q, %d) = %q, %v; want %q, %v", tc.text, tc.i, r, ok, tc.r, tc.ok)
		}
		if ok {
			if ur, size := utf8.DecodeRuneInString(tc.text[tc.i:]); ur != r || size != 3 {
				t.Errorf("decodeRune3(%q, %d) = %q; utf8 %q in %d bytes", tc.text, tc.i, r, ur, size)
			}
		}
	}
	// every three-byte sequence with a first byte from 0xE0 to 0xEF
	for c0 := 0xE0; c0 <= 0xEF; c0++ {
		for c1 := 0; c1 < 256; c1++ {
			for _, c2 := range []byte{0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF} {
				s := string([]byte{byte(c0), byte(c1), c2})
				r, ok := decodeRune3(s, 0)
				ur, size := utf8.DecodeRuneInString(s)
				if ok && (ur != r || size != 3) {
					t.Errorf("decodeRune3(%q) = %q; utf8 %q in %d bytes", s, r, ur, size)
				}
				if !ok && size == 3 && c0 != 0xE0 && c0 != 0xED {
					t.Errorf("decodeRune3(%q) declined; utf8 %q in 3 bytes", s, ur)
				}
			}
		}
	}
}

// TestScanUnitsCodes checks the units and codes scanUnits finds on texts
// mixing the fast three-byte path with the others, invalid bytes included,
// against a unit-by-unit reference.
func TestScanUnitsCodes(t *testing.T) {
	d, err := loadDict()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"", "中", "看不懂", "iphone15的屏幕", "ab中cd", "é中ΣΩ１", "\xff中\xe4\xb8", "中\xe4\xb8a",
		"\u0800\ud7ff\uFFFD中", "😊中😊", "a\xed\xa0\x80b", "4s店", "中a", "，。！", "\xe4",
	} {
		ends, codes, _ := scanUnits(nil, nil, d, text)
		if len(ends) != len(codes) {
			t.Fatalf("%q: %d ends, %d codes", text, len(ends), len(codes))
		}
		start := 0
		for k, e := range ends {
			unit := text[start:e]
			var want uint16
			if r, size := utf8.DecodeRuneInString(unit); size == len(unit) {
				want = d.runeCode(r, unit)
			} else {
				want = d.hashCode(unit)
			}
			if codes[k] != want {
				t.Errorf("%q: unit %q code %d, want %d", text, unit, codes[k], want)
			}
			start = int(e)
		}
		if want := splitUnits(nil, text); len(want) != len(ends) {
			t.Errorf("%q: %d units, splitUnits %d", text, len(ends), len(want))
		}
	}
}

func TestSearchPair(t *testing.T) {
	seconds := func(xs ...uint16) string {
		b := make([]byte, 0, 2*len(xs))
		for _, x := range xs {
			b = append(b, byte(x), byte(x>>8))
		}
		return string(b)
	}
	for _, tc := range []struct {
		seconds string
		x       int
		p       int
		ok      bool
	}{
		{seconds(5), 5, 0, true},
		{seconds(5), 4, 0, false},
		{seconds(5), 6, 0, false},
		{seconds(1, 3, 300, 0xffff), 300, 2, true},
		{seconds(1, 3, 300, 0xffff), 0xffff, 3, true},
		{seconds(1, 3, 300, 0xffff), 1, 0, true},
		{seconds(1, 3, 300, 0xffff), 2, 0, false},
		{seconds(1, 3, 300, 0xffff), 301, 0, false},
		{seconds(2, 4, 6, 8, 10, 12, 14), 14, 6, true},
		{seconds(2, 4, 6, 8, 10, 12, 14), 7, 0, false},
	} {
		p, ok := searchPair(tc.seconds, tc.x)
		if ok != tc.ok || ok && p != tc.p {
			t.Errorf("searchPair(%v, %d) = %d, %v; want %d, %v", []byte(tc.seconds), tc.x, p, ok, tc.p, tc.ok)
		}
	}
}

// TestPairBuckets checks the bucket tables of the embedded dictionary: each
// first unit's pairs are found in the bucket of their second unit, and only
// there.
func TestPairBuckets(t *testing.T) {
	d, err := loadDict()
	if err != nil {
		t.Fatal(err)
	}
	tables := 0
	for c := 1; c <= d.nUnits; c++ {
		f := d.firsts[16*c : 16*c+32]
		tb := le16(f, 14)
		p0, p1 := int(le32(f, 0)), int(le32(f, 16))
		if tb == 0 {
			if p1-p0 > 16 {
				t.Fatalf("unit %d: %d pairs without a bucket table", c, p1-p0)
			}
			continue
		}
		tables++
		tab := d.buckets[8*(tb-1):]
		s := le16(tab, 0)
		for p := p0; p < p1; p++ {
			x := le16(d.seconds, 2*p)
			k := 2 + 2*(x>>s)
			if lo, hi := p0+le16(tab, k), p0+le16(tab, k+2); p < lo || p >= hi {
				t.Fatalf("unit %d: pair %d (second %d) outside its bucket [%d, %d)", c, p, x, lo, hi)
			}
		}
		if last := le16(tab, 2+2*(d.nUnits>>s+1)); p0+last != p1 {
			t.Fatalf("unit %d: last bucket ends at %d, pairs at %d", c, p0+last, p1)
		}
	}
	if tables == 0 {
		t.Fatal("no bucket tables")
	}
}

// TestLoneUnitBMPCode: loneUnit asks the dictionary for a character by its
// code point (bmpCode) what runeCode answers for its encoding, for every
// character it asks about.
func TestLoneUnitBMPCode(t *testing.T) {
	t.Parallel()
	d, err := loadDict()
	if err != nil {
		t.Fatal(err)
	}
	for r := rune(0); r < 0x10000; r++ {
		if r == utf8.RuneError || (r >= 0xD800 && r <= 0xDFFF) {
			continue
		}
		if got, want := d.bmpCode(r), d.runeCode(r, string(r)); got != want {
			t.Fatalf("%U: bmpCode %d, runeCode %d", r, got, want)
		}
	}
}

// TestLoneUnitLetterRuns: loneUnit, which asks whether a character joins a
// run of letters and digits only below U+0800, answers for every character
// of the Basic Multilingual Plane what asking for every length answers,
// with and without user words.
func TestLoneUnitLetterRuns(t *testing.T) {
	t.Parallel()
	plain, err := NewSegmenter(nil)
	if err != nil {
		t.Fatal(err)
	}
	user, err := NewSegmenter([]DictWord{{Word: "δx", Freq: 5}, {Word: "〇〇号", Freq: 5}})
	if err != nil {
		t.Fatal(err)
	}
	for _, seg := range []Segmenter{plain, user} {
		s := seg.(*dictSegmenter)
		lone := 0
		for r := rune(0); r < 0x10000; r++ {
			want := !(r == utf8.RuneError || r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')) &&
				!(r >= utf8.RuneSelf && inLetterRun(r, utf8.RuneLen(r))) &&
				s.dict.bmpCode(r) == 0 && !s.userRunes()[r]
			if got := s.loneUnit(r); got != want {
				t.Fatalf("%U: loneUnit %v, want %v", r, got, want)
			}
			if want {
				lone++
			}
		}
		if lone < 1000 {
			t.Fatalf("only %d lone units: the test tests little", lone)
		}
	}
}

// TestStretchStartBackwards: stretchStart, reading back from off, finds the
// stretch start that reading forwards from from finds, at every pair of
// character offsets of texts of Chinese, punctuation, ASCII, two- and
// four-byte characters; and ForcedCut, which decodes Chinese characters
// inline, finds the cut utf8.DecodeRuneInString's characters give.
func TestStretchStartBackwards(t *testing.T) {
	t.Parallel()
	seg, err := NewSegmenter(nil)
	if err != nil {
		t.Fatal(err)
	}
	s := seg.(*dictSegmenter)
	texts := []string{
		"",
		"您好",
		"您好，请问有什么可以帮您？",
		"亲，这款 L 码的衣服今天能发货吗？好的，谢谢!!",
		"é中文ñ，😀表情😀符号…〇一二三 abc123 。",
		"“一定”能到吗?明天\t后天 · 下周",
		"ab，cd。ef",
		"，，，。。",
		"\uFFFD中\uFFFD，",
		"ΔΣ中文Ωω，",
	}
	for _, text := range texts {
		var offs []int
		for i := range text {
			offs = append(offs, i)
		}
		offs = append(offs, len(text))
		for a, from := range offs {
			for _, off := range offs[a:] {
				if got, want := s.stretchStart(text, from, off), stretchStartForward(s, text, from, off); got != want {
					t.Fatalf("%q [%d, %d): stretchStart %d, forwards %d", text, from, off, got, want)
				}
			}
			if got, want := s.ForcedCut(text, from), forcedCutRef(s, text, from); got != want {
				t.Fatalf("%q from %d: ForcedCut %d, want %d", text, from, got, want)
			}
		}
	}
}

// stretchStartForward is stretchStart reading forwards from from, as it
// did before.
func stretchStartForward(s *dictSegmenter, text string, from, off int) int {
	start := from
	for i := from; i < off; {
		c := text[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else if r3, ok := decodeRune3(text, i); ok {
			r, size = r3, 3
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		if s.loneUnit(r) {
			start = i
		}
	}
	return start
}

// forcedCutRef is ForcedCut decoding every character with
// utf8.DecodeRuneInString.
func forcedCutRef(s *dictSegmenter, text string, off int) int {
	for i := max(off, 0); i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if s.loneUnit(r) {
			return i
		}
		i += size
	}
	return len(text)
}
