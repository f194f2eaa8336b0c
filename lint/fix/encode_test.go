package fix

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// TestEncode: a replacement is written back only when the file's encoding
// carries each of its characters, reading back as itself and, for plain
// Big5 and GBK, in a code their usual readers (cp950, cp936) decode.
func TestEncode(t *testing.T) {
	big5, gb := traditionalchinese.Big5, simplifiedchinese.GB18030
	tests := []struct {
		name  string
		enc   encoding.Encoding
		plain bool
		repl  string
		want  string // part of the error; "" for none
		rune  rune
	}{
		{"big5 plain", big5, true, "非常抱歉，請稍等", "", 0},
		{"big5 euro and ETEN F9D6", big5, true, "€碁銹", "", 0},
		{"big5 HKSCS lead FC", big5, true, "无法帮到您", "FC D3, a code of Big5's HKSCS extension", '无'},
		{"big5 HKSCS lead 88", big5, true, "À", "88 59, a code of Big5's HKSCS extension", 'À'},
		{"big5 block C6A1-C8FE", big5, true, "ぁ", "C6 E7, a code of the Big5 extension block C6A1–C8FE", 'ぁ'},
		{"big5 control pictures", big5, true, "␀", "A3 C0, a code of a Big5 extension", '␀'},
		{"big5 F9FE", big5, true, "￭", "F9 FE, a code of a Big5 extension", '￭'},
		{"big5-hkscs takes HKSCS", big5, false, "无法帮到您", "", 0},
		{"big5 cannot write an emoji", big5, true, "好😀", "cannot be written in Big5", '😀'},
		{"big5-hkscs cannot either", big5, false, "好😀", "cannot be written in Big5", '😀'},
		{"gbk plain", gb, true, "非常抱歉，无法帮到您", "", 0},
		{"gbk four-byte code", gb, true, "好😀", "94 39 FC 36, a GB18030 code that GBK (cp936) readers cannot read", '😀'},
		{"gbk euro", gb, true, "€", "A2 E3, a GB18030 code", '€'},
		{"gb18030 takes four bytes", gb, false, "好😀", "", 0},
		{"gb18030 round trip", gb, false, "私\ue000", `which reads back as "\uf014"`, '\ue000'},
		{"utf-16", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), true, "好😀", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "您好\n不好意思，" + tt.repl + "\n"
			ed := Edit{Line: 2, Start: len("不好意思，"), End: len("不好意思，不行"), Old: "不行", New: tt.repl, Rule: "p/r"}
			out, err := Encode(text, tt.enc, tt.plain, []Edit{ed})
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				back, _ := tt.enc.NewDecoder().Bytes(out)
				if string(back) != text {
					t.Errorf("reads back as %q", back)
				}
				return
			}
			var ee *EncodingError
			if !errors.As(err, &ee) {
				t.Fatalf("err = %v, want an *EncodingError", err)
			}
			if ee.Rune != tt.rune || ee.Edit.Line != 2 {
				t.Errorf("names %q on line %d, want %q on line 2", ee.Rune, ee.Edit.Line, tt.rune)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) || !strings.HasPrefix(msg, "line 2: 「") || !strings.Contains(msg, "(p/r)") {
				t.Errorf("error %q, want it to name line 2, the rule and %q", msg, tt.want)
			}
		})
	}
}

// TestEncodeTextBig5: the characters cp950 and Big5's HKSCS extension
// both carry (包, 港, 偽 …) are written in their cp950 codes, which every
// Big5 reader reads, not in the HKSCS copies x/text's encoder writes; so a
// Big5 library's line holding one is written back as it was read, and a
// replacement holding one is not refused as HKSCS.
func TestEncodeTextBig5(t *testing.T) {
	big5 := traditionalchinese.Big5
	for _, tc := range []struct {
		text string
		want []byte
	}{
		{"港澳包郵", []byte{0xB4, 0xE4, 0xBF, 0x44, 0xA5, 0x5D, 0xB6, 0x6C}},
		{"謹防偽造", []byte{0xC2, 0xD4, 0xA8, 0xBE, 0xB0, 0xB0, 0xB3, 0x79}},
		{"煮", []byte{0xB5, 0x4E}},
		{"非常抱歉", []byte{0xAB, 0x44, 0xB1, 0x60, 0xA9, 0xEA, 0xBA, 0x70}},
		{"ok", []byte("ok")},
	} {
		got, err := EncodeText(tc.text, big5)
		if err != nil || string(got) != string(tc.want) {
			t.Errorf("%s: % X %v, want % X", tc.text, got, err, tc.want)
		}
		if back, _ := big5.NewDecoder().Bytes(got); string(back) != tc.text {
			t.Errorf("%s: reads back as %s", tc.text, back)
		}
		if _, err := Encode(tc.text, big5, true, []Edit{{Line: 1, New: tc.text}}); err != nil {
			t.Errorf("%s: %v", tc.text, err)
		}
	}
	twins := computeBig5Twins()
	if len(twins) != 19 {
		t.Errorf("%d characters in cp950 and HKSCS both, want 19", len(twins))
	}
	for r, code := range twins {
		if notPlain(big5, r, code[:]) != "" {
			t.Errorf("%c: % X is not plain", r, code)
		}
	}
	// another encoding: as its encoder writes it
	if got, err := EncodeText("包", simplifiedchinese.GB18030); err != nil || string(got) != "\xB0\xFC" {
		t.Errorf("GB18030 包: % X %v", got, err)
	}
}

// TestBig5Twins: big5Twins is what x/text's Big5 gives (computeBig5Twins),
// in order, and big5TwinCode finds each and nothing else.
func TestBig5Twins(t *testing.T) {
	twins := computeBig5Twins()
	var want []big5Twin
	for r, code := range twins {
		want = append(want, big5Twin{r, code})
	}
	slices.SortFunc(want, func(a, b big5Twin) int { return int(a.r - b.r) })
	if !slices.Equal(big5Twins[:], want) {
		var b strings.Builder
		for _, w := range want {
			fmt.Fprintf(&b, "{'%c', [2]byte{0x%02X, 0x%02X}}, ", w.r, w.code[0], w.code[1])
		}
		t.Errorf("big5Twins is not what x/text's Big5 gives; write it as:\n%s", b.String())
	}
	for r := rune(0x3000); r <= 0x9FFF; r++ {
		code, ok := big5TwinCode(r)
		if want, wok := twins[r]; ok != wok || code != want {
			t.Errorf("big5TwinCode(%c) = % X, %v; want % X, %v", r, code, ok, want, wok)
		}
	}
}

// computeBig5Twins works big5Twins out of x/text's Big5: the plain codes
// (see notPlain) that the decoder reads as one character the encoder
// writes otherwise, outside them.
func computeBig5Twins() map[rune][2]byte {
	twins := map[rune][2]byte{}
	dec, enc := traditionalchinese.Big5.NewDecoder(), traditionalchinese.Big5.NewEncoder()
	for lead := 0xA1; lead <= 0xF9; lead++ {
		for trail := 0x40; trail <= 0xFE; trail++ {
			if trail > 0x7E && trail < 0xA1 {
				continue
			}
			code := []byte{byte(lead), byte(trail)}
			s, err := dec.Bytes(code)
			r, n := utf8.DecodeRune(s)
			if err != nil || r == utf8.RuneError || n != len(s) {
				continue
			}
			if notPlain(traditionalchinese.Big5, r, code) != "" {
				continue
			}
			if w, err := enc.Bytes(s); err == nil && !bytes.Equal(w, code) && notPlain(traditionalchinese.Big5, r, w) != "" {
				if _, seen := twins[r]; !seen {
					twins[r] = [2]byte{code[0], code[1]}
				}
			}
		}
	}
	return twins
}
