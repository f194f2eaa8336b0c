package match

import "unicode/utf8"

// Columns turns byte offsets into a text into 1-based character columns,
// counting on from the previous offset: asked in text order, it reads the
// text once however many offsets there are (a long message with thousands
// of hits). The zero value is ready for a text.
type Columns struct {
	counted, col int
}

// At returns the column of byte offset off in text; an offset before the
// previous one is counted from the start again.
func (c *Columns) At(text string, off int) int {
	if c.col == 0 || off < c.counted {
		c.counted, c.col = 0, 1
	}
	c.col += RuneCount(text[c.counted:off])
	c.counted = off
	return c.col
}

// RuneCount is utf8.RuneCountInString(s), the three-byte characters of
// Chinese text stepped over inline (the for-range loop of
// RuneCountInString calls runtime.decoderune for each character outside
// ASCII): a lead byte E1-EC or EE-EF and two continuation bytes (80-BF)
// are a valid sequence. Others go to utf8.DecodeRuneInString.
func RuneCount(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c-0xe1 <= 0xef-0xe1 && c != 0xed && i+2 < len(s) && (s[i+1]^0x80)|(s[i+2]^0x80) < 0x40 {
			i += 3
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return n
}
