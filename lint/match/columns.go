package match

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
	"unsafe"
)

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

// charStep is the length of the character at s[i] (not ASCII, not the
// common three-byte case: see charWalk.to) as RuneCount steps over it.
func charStep(s string, i int) int {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size
}

// charWalk maps offsets of a normalised text back to its original, and to
// columns, when normalisation changed characters but dropped none: it
// never makes one character two, so then the k-th character of the one is
// the k-th of the other (full-width punctuation folded, Traditional
// characters converted), and walking both in step from one offset to the
// next, in text order, spares building the offset map of the whole text.
// Whether none was dropped is known once both texts end together (ok).
// The zero value is at the start of both texts.
type charWalk struct {
	norm, orig int // byte offsets of the same character in each text
	chars      int // characters before them
}

// to walks on to byte offset off of norm (a character start at or after
// w.norm), or to the end of orig if that comes first. norm is normalised
// text, valid UTF-8.
func (w *charWalk) to(norm, orig string, off int) {
	n, o, k := w.norm, w.orig, w.chars
	for n < off && o < len(orig) {
		if n+8 <= off && o+8 <= len(orig) && load64(norm, n) == load64(orig, o) {
			// most characters are not changed: eight bytes the texts
			// share at a time, their characters counted by their lead
			// bytes (all but the continuation bytes, 10xxxxxx: valid
			// UTF-8 in norm, so in orig too)
			for {
				x := load64(norm, n)
				k += 8 - bits.OnesCount64(x&^(x<<1)&0x8080808080808080)
				n, o = n+8, o+8
				if n+8 > off || o+8 > len(orig) || load64(norm, n) != load64(orig, o) {
					break
				}
			}
			if n < len(norm) && norm[n]&0xC0 == 0x80 {
				// the shared bytes end inside a character: back to its
				// start, counted already
				for norm[n]&0xC0 == 0x80 {
					n, o = n-1, o-1
				}
				k--
			}
			continue
		}
		if n+4 <= len(norm) && o+4 <= len(orig) {
			// a character the texts share: a three-byte one (valid
			// UTF-8 in norm, so in orig too) or ASCII
			x, d := load32(norm, n), load32(norm, n)^load32(orig, o)
			if x&0xF0 == 0xE0 && d&0xFFFFFF == 0 {
				n, o, k = n+3, o+3, k+1
				continue
			}
			if x&0x80 == 0 && d&0xFF == 0 {
				n, o, k = n+1, o+1, k+1
				continue
			}
		}
		// the normalised text is valid UTF-8: its lead bytes tell the
		// lengths; the original's characters as RuneCount steps over
		// them, the common three-byte one inline
		if c := norm[n]; c < 0xe0 {
			n += 1 + int(c>>7)
		} else {
			n += 3 + int(c>>4&1)
		}
		if c := orig[o]; c < utf8.RuneSelf {
			o++
		} else if c-0xe1 <= 0xef-0xe1 && c != 0xed && o+2 < len(orig) && (orig[o+1]^0x80)|(orig[o+2]^0x80) < 0x40 {
			o += 3
		} else {
			o += charStep(orig, o)
		}
		k++
	}
	w.norm, w.orig, w.chars = n, o, k
}

// ok walks on to the end of both texts and reports whether they end
// together: whether the offsets and columns walked to are right.
func (w *charWalk) ok(norm, orig string) bool {
	if norm[w.norm:] == orig[w.orig:] {
		return true // (the rest unchanged: as many characters in both)
	}
	w.to(norm, orig, len(norm))
	return w.norm == len(norm) && w.orig == len(orig)
}

// load64 returns the eight bytes of s from i on (i+8 <= len(s)), little
// endian, without a bounds check.
func load64(s string, i int) uint64 {
	return binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(s)), i))[:])
}

// load32 returns the four bytes of s from i on (i+4 <= len(s)), little
// endian, without a bounds check.
func load32(s string, i int) uint32 {
	return binary.LittleEndian.Uint32((*[4]byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(s)), i))[:])
}
