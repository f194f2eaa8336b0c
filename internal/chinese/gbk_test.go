package chinese

import (
	"testing"
	"unicode/utf8"

	"github.com/chatlint/chatlint/internal/enctest"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestNotGBK: a name in GB18030 that GBK as convmv reads it (Perl's
// cp936) reads otherwise, or not, is told apart from one of GBK alone:
// one with a four-byte sequence (㐀), or a two-byte code GBK leaves to
// private use (€, 䶮, ǹ, ⿰, ⺁), where convmv -f gbk renamed it with U+FFFD
// or a private-use character in its place; a trail byte of such a lead
// byte's value (服 B7 FE, then P) or a digit after a character (客服1)
// is none, and so is a € that Chinese Windows writes, code page 936's
// one byte 80, which convmv -f gbk reads as € (a digit after it was read
// as a four-byte sequence's, or the byte after it as its trail, the
// bytes after it read out of step).
func TestNotGBK(t *testing.T) {
	enc := func(s string) string { return enctest.GB18030(t, s) }
	cp936 := func(s string) string { return enctest.GBK(t, s) }
	for _, c := range []struct {
		name string
		want bool
	}{
		{"€1000报价.txt", false},
		{"报价€1.txt", false},
		{"€客服vip.txt", false},
		{"欧元€报价.txt", false},
		{"€刘䶮投诉.txt", true},
	} {
		if got := NotGBK(cp936(c.name)); got != c.want {
			t.Errorf("NotGBK(%s in code page 936, %q) = %v, want %v", c.name, cp936(c.name), got, c.want)
		}
	}
	for _, c := range []struct {
		name string
		want bool
	}{
		{"㐀客服.txt", true},
		{"欧元€报价.txt", true},
		{"刘䶮投诉.txt", true},
		{"䴓鸟.jpg", true},
		{"ǹg.txt", true},
		{"⿰字.txt", true},
		{"⺁部.txt", true},
		{"客服.txt", false},
		{"客服Pro.txt", false},
		{"客服1客服2.txt", false},
		{"会话α ā顾客.txt", false},
		{"（售后）·１号.txt", false},
		{"a.txt", false},
	} {
		if got := NotGBK(enc(c.name)); got != c.want {
			t.Errorf("NotGBK(%s) = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestGB18030Two: each two-byte code gb18030Two takes (94, of which
// Perl's cp936 reads every one as a private-use character) reads in
// golang.org/x/text's GB18030 as a character outside the private-use
// area, 81 of them, or as none (U+FFFD), the 13 of FE50–FE9F that GB18030
// too leaves to private use: none is GBK's reading of it.
func TestGB18030Two(t *testing.T) {
	dec := simplifiedchinese.GB18030.NewDecoder()
	chars, none := 0, 0
	for lead := 0x81; lead <= 0xfe; lead++ {
		for trail := 0x40; trail <= 0xfe; trail++ {
			if trail == 0x7f || !gb18030Two(byte(lead), byte(trail)) {
				continue
			}
			s, err := dec.String(string([]byte{byte(lead), byte(trail)}))
			r, _ := utf8.DecodeRuneInString(s)
			switch {
			case err != nil || r >= 0xe000 && r <= 0xf8ff:
				t.Errorf("%02X%02X reads as %U (%v)", lead, trail, r, err)
			case r == utf8.RuneError:
				none++
			default:
				chars++
			}
		}
	}
	if chars != 81 || none != 13 {
		t.Errorf("gb18030Two takes %d codes GB18030 reads as characters and %d it reads as none, want 81 and 13", chars, none)
	}
}

// TestGBKWidth: a byte alone, a pair, a four-byte sequence, as GB18030
// reads bytes by twos, in a string and in bytes alike.
func TestGBKWidth(t *testing.T) {
	for _, c := range []struct {
		s    string
		i    int
		want int
	}{
		{"a\xbf\xcd", 0, 1},          // ASCII
		{"a\xbf\xcd", 1, 2},          // 客
		{"\x80\xbf\xcd", 0, 1},       // code page 936's €
		{"\xff\xbf", 0, 1},           // no lead
		{"\xbf", 0, 1},               // a lead at the end
		{"\x819\xee9\xbf\xcd", 0, 4}, // 㐀
		{"\xa2\xe3", 0, 2},           // € in GB18030
	} {
		if got := GBKWidth(c.s, c.i); got != c.want {
			t.Errorf("GBKWidth(%q, %d) = %d, want %d", c.s, c.i, got, c.want)
		}
		if got := GBKWidth([]byte(c.s), c.i); got != c.want {
			t.Errorf("GBKWidth([]byte(%q), %d) = %d, want %d", c.s, c.i, got, c.want)
		}
	}
}

// TestApart: the first code of a name that code page 936 alone reads (its
// one-byte €, 80) and the first that GB18030 alone reads (NotGBK's), as
// bytes: a name that holds both, €刘䶮投诉.txt, €1000欧元€报价.txt, is one
// no encoding of convmv's reads whole; 80 as a hanzi's trail byte (BF80)
// is no €, and a digit after 80 no four-byte sequence's.
func TestApart(t *testing.T) {
	for _, c := range []struct {
		name           string // the bytes, in GB18030 but for 80
		cp936, gb18030 string
	}{
		{"\x80\xc1\xf5\xfe\x9f\xcd\xb6\xcb\xdf.txt", "\x80", "\xfe\x9f"},             // €刘䶮投诉.txt
		{"\x801000\xc5\xb7\xd4\xaa\xa2\xe3\xb1\xa8\xbc\xdb.txt", "\x80", "\xa2\xe3"}, // €1000欧元€报价.txt
		{"\x81\x39\xee\x39\x80\x80.txt", "\x80", "\x81\x39\xee\x39"},                 // 㐀€€.txt
		{"\x801000\xb1\xa8\xbc\xdb.txt", "\x80", ""},                                 // €1000报价.txt
		{"\xc5\xb7\xd4\xaa\xa2\xe3\xb1\xa8\xbc\xdb.txt", "", "\xa2\xe3"},             // 欧元€报价.txt
		{"\xbf\xcd\xb7\xfe.txt", "", ""},                                             // 客服.txt
		{"\xbf\x80.txt", "", ""},                                                     // (80 the trail of a hanzi, BF80: no €)
	} {
		cp936, gb18030 := Apart(c.name)
		if cp936 != c.cp936 || gb18030 != c.gb18030 {
			t.Errorf("Apart(%q) = %q, %q, want %q, %q", c.name, cp936, gb18030, c.cp936, c.gb18030)
		}
	}
}

// TestPrivateBoth: A3A0, private use in GBK and GB18030 alike, which
// golang.org/x/text reads as the space U+3000, is found where GB18030
// reads it as a code of its own, not where its bytes are a trail and a
// lead (B7A3, then A0A1) or the space A1A1.
func TestPrivateBoth(t *testing.T) {
	for _, c := range []struct {
		name string
		want bool
	}{
		{"\xbf\xcd\xb7\xfe\xa3\xa0\xbc\xc7\xc2\xbc.txt", true}, // 客服 A3A0 记录.txt
		{"\xa3\xa0", true},
		{"\xbf\xcd\xb7\xfe\xa1\xa1\xbc\xc7\xc2\xbc.txt", false}, // 客服　记录.txt (A1A1)
		{"\xb7\xa3\xa0\xa1", false},                             // (A3 the trail of B7A3, then A0A1)
		{"\xa3\xa1\xa3", false},                                 // ！ and a lead at the end
	} {
		if got := PrivateBoth(c.name); got != c.want {
			t.Errorf("PrivateBoth(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}
