package transcript

import (
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// UTF-16 without a byte-order mark whose lines are Chinese alone (a
// library of replies saved by a tool that writes no mark) has few NULs,
// its line breaks', and 一 (U+4E00) puts one on the other parity: it was
// refused as "binary file (NUL byte at byte 76)"; it is named UTF-16
// without a byte-order mark, with the --encoding that reads it, as a file
// with more ASCII is. Binary data with NULs on one parity is still binary.
func TestUTF16WithoutMarkChineseLines(t *testing.T) {
	lib := strings.Repeat("亲亲您好非常感谢您对本店的支持与厚爱我们会尽快为您安排发货请您耐心等待谢谢第一条\n", 3000)
	for _, tc := range []struct {
		order string
		e     unicode.Endianness
	}{{"utf-16le", unicode.LittleEndian}, {"utf-16be", unicode.BigEndian}} {
		for _, n := range []int{3, 3000} { // under and over the 64 KB sample
			data := encodeWith(t, unicode.UTF16(tc.e, unicode.IgnoreBOM), lib[:n*len(lib)/3000])
			_, err := decodeAll(t, data, "")
			if want := "looks like UTF-16 without a byte-order mark: use --encoding " + tc.order; err == nil || err.Error() != want {
				t.Errorf("%s, %d lines: %v, want %q", tc.order, n, err, want)
			}
			if got, err := decodeAll(t, data, tc.order); err != nil || got != lib[:n*len(lib)/3000] {
				t.Errorf("--encoding %s: %v", tc.order, err)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		b := make([]byte, 4000)
		for i := range b {
			b[i] = byte(1 + r.IntN(255))
		}
		for i := 0; i+1 < len(b); i += 2 + 2*r.IntN(40) {
			b[i], b[i+1] = '\n', 0 // line breaks of UTF-16LE, the only NULs
		}
		if _, err := decodeAll(t, b, ""); err == nil || !strings.HasPrefix(err.Error(), "binary file (NUL byte") {
			t.Fatalf("random bytes: %v", err)
		}
	}
}
