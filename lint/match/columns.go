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
	c.col += utf8.RuneCountInString(text[c.counted:off])
	c.counted = off
	return c.col
}
