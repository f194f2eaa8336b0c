package transcript

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// TestForcedEncodingMarksUnreadable: with --encoding gbk or big5, a line
// holding bytes the encoding cannot read comes out not UTF-8 (for the
// format's reader to reject), not with U+FFFD; every other line, and a
// U+FFFD that GB18030 encodes, reads as the encoding says, wherever the
// buffers cut the file, however the file is read.
func TestForcedEncodingMarksUnreadable(t *testing.T) {
	for _, tc := range []struct {
		name string
		enc  encoding.Encoding
		text string
	}{
		{"gbk", simplifiedchinese.GB18030, "亲，您好，这个价格不行"},
		{"big5", traditionalchinese.Big5, "親，您好，這個價格不行"},
	} {
		good := encodeWith(t, tc.enc, tc.text)
		var file, want bytes.Buffer
		bad := map[int]bool{}
		for i := range 5000 {
			switch {
			case i%997 == 3:
				// a lead byte without its trail byte, then bytes no
				// Chinese encoding reads
				file.Write(good[:5])
				file.WriteString("\xFF\xFE")
				file.Write(good[5:])
				bad[i] = true
			case i%1009 == 7 && tc.enc == simplifiedchinese.GB18030:
				file.Write(good)
				file.Write(gbReplacement) // U+FFFD, encoded: not a bad byte
				want.WriteString(tc.text + "\uFFFD")
			case i%1013 == 11 && tc.enc == simplifiedchinese.GB18030:
				file.Write(gbReplacement) // and a bad byte: the line is bad
				file.WriteString("\xFF")
				bad[i] = true
			default:
				file.Write(good)
				want.WriteString(tc.text)
			}
			file.WriteString("\r\n")
			if !bad[i] {
				want.WriteString("\r\n")
			}
		}
		for _, read := range []struct {
			name string
			r    func(io.Reader) io.Reader
		}{
			{"whole", func(r io.Reader) io.Reader { return r }},
			{"onebyte", iotest.OneByteReader},
			{"half", iotest.HalfReader},
		} {
			t.Run(tc.name+"/"+read.name, func(t *testing.T) {
				dec, err := decode(read.r(bytes.NewReader(file.Bytes())), tc.name)
				if err != nil {
					t.Fatal(err)
				}
				out, err := io.ReadAll(dec)
				if err != nil {
					t.Fatal(err)
				}
				var kept bytes.Buffer
				lines := bytes.SplitAfter(out, []byte("\n"))
				for i, l := range lines[:len(lines)-1] {
					switch {
					case bytes.Contains(l, utf8Replacement) && !strings.Contains(string(l), tc.text+"\uFFFD"):
						t.Fatalf("line %d: U+FFFD for bytes %s cannot read: %q", i+1, tc.name, l)
					case bad[i] != !isUTF8(l):
						t.Fatalf("line %d: bad %v, but %q", i+1, bad[i], l)
					case !bad[i]:
						kept.Write(l)
					}
				}
				if kept.String() != want.String() {
					t.Errorf("the readable lines differ")
				}
			})
		}
	}
}

func isUTF8(b []byte) bool { return lineProblem(b) == "" }

// TestUTF16MarksUnreadable: UTF-16, forced or named by a byte-order mark,
// reads every line as x/text does, a U+FFFD it encodes included, except a
// line with a lone surrogate or an odd byte at the end, which comes out not
// UTF-8 (for the format's reader to reject), wherever the buffers cut it.
func TestUTF16MarksUnreadable(t *testing.T) {
	for _, tc := range []struct {
		enc string // --encoding
		big bool
		bom bool
	}{
		{"utf-16le", false, false},
		{"utf-16be", true, false},
		{"auto", false, true},
		{"auto", true, true},
		{"utf-16", true, true},
		{"utf-16le", true, true}, // the mark overrides the order
	} {
		put := func(b *bytes.Buffer, units ...uint16) {
			for _, u := range units {
				if tc.big {
					b.WriteByte(byte(u >> 8))
					b.WriteByte(byte(u))
				} else {
					b.WriteByte(byte(u))
					b.WriteByte(byte(u >> 8))
				}
			}
		}
		putText := func(b *bytes.Buffer, s string) {
			for _, r := range s {
				if r >= 0x10000 {
					r -= 0x10000
					put(b, uint16(0xD800+(r>>10)), uint16(0xDC00+(r&0x3FF)))
				} else {
					put(b, uint16(r))
				}
			}
		}
		var file, want bytes.Buffer
		if tc.bom {
			put(&file, 0xFEFF)
		}
		bad := map[int]bool{}
		const text = "亲，您好😀这个价格不行\uFFFD"
		const lines = 3000
		for i := range lines {
			switch i % 7 {
			case 3:
				putText(&file, "亲")
				put(&file, 0xD83D) // a high surrogate alone
				putText(&file, "您好")
				bad[i] = true
			case 5:
				putText(&file, "亲")
				put(&file, 0xDE00) // a low surrogate alone
				bad[i] = true
			default:
				putText(&file, text)
				want.WriteString(text)
			}
			putText(&file, "\n")
			if !bad[i] {
				want.WriteString("\n")
			}
		}
		file.WriteByte('A') // an odd byte at the end: a last, bad line
		for _, read := range []struct {
			name string
			r    func(io.Reader) io.Reader
		}{
			{"whole", func(r io.Reader) io.Reader { return r }},
			{"onebyte", iotest.OneByteReader},
			{"half", iotest.HalfReader},
		} {
			name := fmt.Sprintf("%s/big=%v/bom=%v/%s", tc.enc, tc.big, tc.bom, read.name)
			t.Run(name, func(t *testing.T) {
				dec, marked, err := decodeMarked(read.r(bytes.NewReader(file.Bytes())), tc.enc)
				if err != nil {
					t.Fatal(err)
				}
				if marked == "" {
					t.Errorf("no reason given for the lines UTF-16 cannot read")
				}
				out, err := io.ReadAll(dec)
				if err != nil {
					t.Fatal(err)
				}
				var kept bytes.Buffer
				got := bytes.SplitAfter(out, []byte("\n"))
				if len(got) != lines+1 {
					t.Fatalf("%d lines, want %d", len(got), lines+1)
				}
				for i, l := range got {
					switch {
					case i == lines:
						if isUTF8(l) {
							t.Fatalf("last line (an odd byte) is UTF-8: %q", l)
						}
					case bad[i] != !isUTF8(l):
						t.Fatalf("line %d: bad %v, but %q", i+1, bad[i], l)
					case !bad[i]:
						kept.Write(l)
					}
				}
				if kept.String() != want.String() {
					t.Errorf("the readable lines differ")
				}
			})
		}
	}
}

// decodeMarked is decode, also returning why a line that is not UTF-8 is
// malformed.
func decodeMarked(r io.Reader, enc string) (io.Reader, string, error) {
	dec, d, _, err := decodePooled(r, enc)
	return dec, d.marked, err
}

// TestOtherEncodingsMarkUnreadable: any other encoding --encoding names
// (Shift_JIS, windows-1252 …) rejects the lines it cannot read too; a label
// of UTF-8 reads as utf-8, and the WHATWG replacement encoding is refused.
func TestOtherEncodingsMarkUnreadable(t *testing.T) {
	file := "\x82\xb7\x82\xdd\n\x82\xff\n\x82\xb7\n" // すみ, a bad pair, す
	dec, marked, err := decodeMarked(strings.NewReader(file), "shift_jis")
	if err != nil {
		t.Fatal(err)
	}
	out, _ := io.ReadAll(dec)
	got := bytes.SplitAfter(out, []byte("\n"))
	if string(got[0]) != "すみ\n" || isUTF8(got[1]) || bytes.Contains(got[1], utf8Replacement) || string(got[2]) != "す\n" {
		t.Errorf("shift_jis: read %q", got)
	}
	if !strings.Contains(marked, "shift_jis cannot read") {
		t.Errorf("shift_jis: %q", marked)
	}
	if _, marked, err := decodeMarked(strings.NewReader("亲\n"), "unicode-1-1-utf-8"); err != nil || marked != forcedUTF8Why {
		t.Errorf("unicode-1-1-utf-8: %q, %v; want it read as utf-8", marked, err)
	}
	if _, _, err := decodeMarked(strings.NewReader("亲\n"), "iso-2022-kr"); err == nil {
		t.Errorf("iso-2022-kr: read; want it refused")
	}
}

// TestForcedGB18030MisalignedReplacement: the bytes of GB18030's U+FFFD
// (84 31 A4 37) inside other characters, or after a byte GB18030 cannot
// read, are not an encoded U+FFFD: the line still holds bytes it cannot
// read, and is rejected, not read with U+FFFD in it.
func TestForcedGB18030MisalignedReplacement(t *testing.T) {
	for _, tc := range []struct {
		in   string
		utf8 bool // the line reads
	}{
		{"\x84\x31\xA4\x37\n", true},          // U+FFFD itself
		{"\x81\x84\x31\xA4\x37\n", false},     // 亜 1, then A4 37: A4 unreadable
		{"\xA4\x84\x31\xA4\x37\xFF\n", false}, // a U+FFFD, and FF
		{"\xFF\x84\x31\xA4\x37\n", false},     // FF, and a U+FFFD
		{"\xB0\xA1\x84\x31\xA4\x37\x84\x31\xA4\x37\n", true},
		{"\xFE\x39\xFE\x39\x84\x31\xA4\x37\n", false}, // a code out of range: FE unreadable
	} {
		r, _, err := decodeMarked(strings.NewReader(tc.in), "gbk")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		if isUTF8(b) != tc.utf8 {
			t.Errorf("% x: read %q, UTF-8 %v, want %v", tc.in, b, isUTF8(b), tc.utf8)
		}
	}
}
