package fix

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// EncodingError is a replacement that the file's encoding cannot carry:
// one of its characters cannot be written at all, would read back as
// another, or (plain forms asked for) would be written in an extension of
// the encoding that the file's usual readers cannot read.
type EncodingError struct {
	Edit     Edit
	Rune     rune
	Encoding string // the encoding's name, e.g. Big5
	Code     []byte // how the character would be written (nil: it cannot be)
	Why      string // what is wrong, to follow the character in a sentence
}

// Error names the line, the character, the replacement it is in and why
// the encoding cannot carry it.
func (e *EncodingError) Error() string {
	rule := ""
	if e.Edit.Rule != "" {
		rule = " (" + e.Edit.Rule + ")"
	}
	return fmt.Sprintf("line %d: 「%c」 (U+%04X) in the replacement 「%s」%s %s", e.Edit.Line, e.Rune, e.Rune, e.Edit.New, rule, e.Why)
}

// Encode writes the fixed text (UTF-8) in the file's encoding enc, after
// checking every character that the applied edits bring in: an
// *EncodingError names the first one enc cannot carry (the rest of the
// file round-tripped before it was fixed, so only the replacements can
// bring such characters in). With plain set, the legacy Chinese encodings
// take only their plain forms, those their common readers decode:
//
//   - Big5 (x/text's encoder writes HKSCS): the codes of cp950, lead bytes
//     A1–F9 without the extension blocks C6A1–C8FE (ETEN and HKSCS
//     characters), A3C0–A3E0 (control pictures) and F9FE, which cp950
//     reads as another character;
//   - GB18030 (also read for files said to be GBK): the codes GBK writes
//     alike, not the four-byte codes, which GBK (cp936) readers cannot read.
//
// Big5 text is written as EncodeText writes it: 包, 港, 煮 in their cp950
// codes, not in the HKSCS copies x/text's encoder picks.
func Encode(text string, enc encoding.Encoding, plain bool, applied []Edit) ([]byte, error) {
	name := encodingName(enc)
	for _, ed := range applied {
		for _, r := range ed.New {
			code, err := EncodeText(string(r), enc)
			e := &EncodingError{Edit: ed, Rune: r, Encoding: name}
			if err != nil {
				e.Why = "cannot be written in " + name
				return nil, e
			}
			e.Code = code
			if back, err := enc.NewDecoder().Bytes(code); err != nil || string(back) != string(r) {
				e.Why = fmt.Sprintf("would be written % X in %s, which reads back as %q", code, name, back)
				return nil, e
			}
			if plain {
				if why := notPlain(enc, r, code); why != "" {
					e.Why = why
					return nil, e
				}
			}
		}
	}
	out, err := EncodeText(text, enc)
	if err != nil {
		return nil, fmt.Errorf("the fixed text cannot be written in %s: %w", name, err)
	}
	if back, err := enc.NewDecoder().Bytes(out); err != nil || !bytes.Equal(back, []byte(text)) {
		return nil, fmt.Errorf("the fixed text does not read back as written in %s", name)
	}
	return out, nil
}

// EncodeText writes text (UTF-8) in enc. In Big5 a character that cp950
// and Big5's HKSCS extension both carry (包 A55D and FABD, 港 B4E4 and
// FDBB, 偽 B0B0 and FA66: 19 of them) is written in its cp950 code, which
// every Big5 reader reads, where x/text's encoder would write the HKSCS
// one, which Windows' cp950 and iconv's big5 cannot read: the line of a
// Big5 library holding one would not be written back as it was read.
func EncodeText(text string, enc encoding.Encoding) ([]byte, error) {
	if enc != traditionalchinese.Big5 {
		return enc.NewEncoder().Bytes([]byte(text))
	}
	var out []byte
	start := 0
	for i, r := range text {
		if r < 0x4E00 {
			continue
		}
		code, ok := big5TwinCode(r)
		if !ok {
			continue
		}
		b, err := enc.NewEncoder().Bytes([]byte(text[start:i]))
		if err != nil {
			return nil, err
		}
		out = append(append(out, b...), code[:]...)
		start = i + utf8.RuneLen(r)
	}
	if start == 0 {
		return enc.NewEncoder().Bytes([]byte(text))
	}
	b, err := enc.NewEncoder().Bytes([]byte(text[start:]))
	if err != nil {
		return nil, err
	}
	return append(out, b...), nil
}

// big5Twins are the characters whose cp950 code x/text's Big5 encoder does
// not write, writing an HKSCS code of the same character instead, each
// with its cp950 code, ascending: the plain codes (see notPlain) that the
// decoder reads as one character the encoder writes otherwise, outside
// them. TestBig5Twins holds them to what x/text's Big5 gives (they were
// worked out from it on first use, 23 M instructions a Big5 --fix).
var big5Twins = [...]big5Twin{
	{'〃', [2]byte{0xA1, 0xB2}}, {'倩', [2]byte{0xAD, 0xC5}}, {'偽', [2]byte{0xB0, 0xB0}}, {'包', [2]byte{0xA5, 0x5D}},
	{'卄', [2]byte{0xA2, 0xCD}}, {'卿', [2]byte{0xAD, 0xEB}}, {'婷', [2]byte{0xB4, 0x40}}, {'幵', [2]byte{0xC9, 0xDB}},
	{'彘', [2]byte{0xD8, 0xF4}}, {'撐', [2]byte{0xBC, 0xB5}}, {'晴', [2]byte{0xB4, 0xB8}}, {'杞', [2]byte{0xA7, 0xFB}},
	{'沜', [2]byte{0xCB, 0x58}}, {'渝', [2]byte{0xB4, 0xFC}}, {'港', [2]byte{0xB4, 0xE4}}, {'煮', [2]byte{0xB5, 0x4E}},
	{'瑜', [2]byte{0xB7, 0xEC}}, {'瓩', [2]byte{0xA2, 0x60}}, {'砉', [2]byte{0xCF, 0xF1}},
}

// big5Twin is a character of big5Twins and its cp950 code.
type big5Twin struct {
	r    rune
	code [2]byte
}

// big5TwinCode returns r's cp950 code where r is one of big5Twins.
func big5TwinCode(r rune) ([2]byte, bool) {
	i, ok := slices.BinarySearchFunc(big5Twins[:], r, func(t big5Twin, r rune) int { return int(t.r - r) })
	if !ok {
		return [2]byte{}, false
	}
	return big5Twins[i].code, true
}

// notPlain says why code, the character r written in enc, is not in the
// encoding's plain form ("" if it is; see Encode).
func notPlain(enc encoding.Encoding, r rune, code []byte) string {
	switch enc {
	case traditionalchinese.Big5:
		if len(code) != 2 {
			return ""
		}
		lead, trail := code[0], code[1]
		ext := ""
		switch {
		case lead < 0xA1 || lead > 0xF9:
			ext = "Big5's HKSCS extension"
		case lead == 0xC6 && trail >= 0xA1, lead == 0xC7, lead == 0xC8:
			ext = "the Big5 extension block C6A1–C8FE (ETEN, HKSCS)"
		case lead == 0xA3 && trail >= 0xC0 && trail <= 0xE0, lead == 0xF9 && trail == 0xFE:
			ext = "a Big5 extension"
		default:
			return ""
		}
		return fmt.Sprintf("would be written % X, a code of %s that plain Big5 (cp950) readers cannot read (--encoding big5-hkscs allows it)", code, ext)
	case simplifiedchinese.GB18030:
		gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(string(r)))
		if err == nil && bytes.Equal(gbk, code) {
			return ""
		}
		return fmt.Sprintf("would be written % X, a GB18030 code that GBK (cp936) readers cannot read (--encoding gb18030 allows it)", code)
	}
	return ""
}

// encodingName names an encoding in messages.
func encodingName(e encoding.Encoding) string {
	if s, ok := e.(fmt.Stringer); ok {
		return s.String()
	}
	if n, err := htmlindex.Name(e); err == nil {
		return strings.ToUpper(n)
	}
	return "the file's encoding"
}
