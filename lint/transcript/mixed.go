package transcript

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// A file that mixes encodings (two exports joined with cat, one UTF-8 and one
// GBK) is read right throughout, each line in its own encoding, instead of
// turning the other encoding's lines into U+FFFD or mojibake:
//
//   - in a file guessed to be UTF-8, a line that is not valid UTF-8 is read
//     as GB18030 or Big5 (whichever yields more common characters) when that
//     reads it cleanly. The file is not checked ahead (that would cost every
//     run a pass over its bytes): each format's reader finds the lines that
//     are not valid UTF-8 as it parses them and reads them again with
//     Source.recode (recodeLine);
//   - in a file guessed to be GB18030 or Big5, which is decoded anyway,
//     mixedReader decodes line by line, reading a line that is valid UTF-8
//     and holds non-ASCII text as UTF-8 when that yields more common
//     characters than the guessed encoding.
//
// The lines read in the other encoding are noted in a mixedStats.

// mixedReader decodes a file guessed to be GB18030 or Big5 line by line (a
// line longer than the buffer piece by piece), reading UTF-8 lines as UTF-8.
type mixedReader struct {
	decoded
	br      *bufio.Reader
	primary encoding.Encoding // GB18030 or Big5
	obuf    []byte            // out's storage
	decs    map[encoding.Encoding]*encoding.Decoder
	line    int  // newlines passed so far
	midLine bool // the last piece did not end its line
	stats   *mixedStats
}

// mixedUnit is the most a line is decided and decoded in one go (the size of
// br's buffer).
const mixedUnit = bufSize

func newMixedReader(br *bufio.Reader, stats *mixedStats) *mixedReader {
	return &mixedReader{br: br, primary: stats.primary, stats: stats, decs: map[encoding.Encoding]*encoding.Decoder{}}
}

func (m *mixedReader) Read(p []byte) (int, error) { return m.read(p, m.fill) }

// Peek returns up to n bytes of what Read returns next (fewer when fewer
// are decoded ahead), without consuming them.
func (m *mixedReader) Peek(n int) ([]byte, error) { return m.peek(n, m.fill) }

// decoded holds what a decoding reader has decoded and not yet returned,
// and the error that ends it.
type decoded struct {
	out []byte // decoded bytes not yet returned
	err error
}

// read returns decoded bytes as io.Reader does, calling fill to decode
// more (or set err) when none are left.
func (d *decoded) read(p []byte, fill func()) (int, error) {
	for len(d.out) == 0 {
		if d.err != nil {
			return 0, d.err
		}
		fill()
	}
	n := copy(p, d.out)
	d.out = d.out[n:]
	return n, nil
}

// peek returns up to n decoded bytes without consuming them, as read
// would return them.
func (d *decoded) peek(n int, fill func()) ([]byte, error) {
	for len(d.out) == 0 {
		if d.err != nil {
			return nil, d.err
		}
		fill()
	}
	return d.out[:min(n, len(d.out))], nil
}

var newline = []byte{'\n'}

// fill decodes the next line, or as much of it as the buffer holds.
func (m *mixedReader) fill() {
	// a whole line already buffered will do; Peek(mixedUnit) would first
	// move the buffered bytes to the front of the buffer, for every line
	chunk, err := m.br.Peek(m.br.Buffered())
	if bytes.IndexByte(chunk, '\n') < 0 {
		chunk, err = m.br.Peek(mixedUnit)
	}
	atEOF := errors.Is(err, io.EOF)
	switch {
	case err != nil && !atEOF:
		m.err = err
		return
	case len(chunk) == 0:
		m.err = io.EOF
		return
	}
	// the line at the front, or as much of it as the buffer holds
	unit, complete := chunk, atEOF
	i := bytes.IndexByte(chunk, '\n')
	if i >= 0 {
		unit, complete = chunk[:i+1], true
	}
	// a last line without a line break may end inside a UTF-8 character
	// (a download or copy that stopped there): if it is UTF-8 up to it,
	// it is read as UTF-8, the cut character passed on as it is, for the
	// line reader to read as U+FFFD (see cutLastLine), not as the
	// GB18030 or Big5 character its bytes may spell
	last := atEOF && i < 0
	enc := m.lineEncoding(unit, complete && (!last || validCut(unit) == len(unit)))
	// a GB18030 or Big5 character the end of the file cut is left
	// undecoded, to be passed on as cutMark below
	decComplete := complete && !last
	out, n := m.decodeAs(enc, unit, decComplete)
	raw := false
	if enc != nil && n > 0 && replaced(out, unit[:n], enc) {
		// bytes the guess cannot read: the other Chinese encoding may
		// read the line cleanly; if not, it is passed on as it is (not
		// UTF-8), for the format's reader to reject as malformed rather
		// than read with U+FFFD in it
		alt := otherChinese(enc)
		if out2, n2 := m.decodeAs(alt, unit, decComplete); n2 > 0 && !replaced(out2, unit[:n2], alt) {
			enc, out, n = alt, out2, n2
		} else {
			raw = true
		}
	}
	switch {
	case raw:
		out, n = append(m.obuf[:0], unit...), len(unit)
	case last && n < len(unit):
		out, n = append(out, cutMark), len(unit)
	case n == 0:
		// nothing decodable: pass the bytes on as they are, for the
		// format's reader to reject or replace
		enc, out, n = nil, append(m.obuf[:0], unit...), len(unit)
	}
	m.obuf, m.out = out[:0], out
	if enc != m.primary && !m.midLine && !raw {
		m.stats.note(m.line+1, enc)
	}
	m.line += bytes.Count(unit[:n], newline)
	m.midLine = unit[n-1] != '\n'
	m.br.Discard(n)
}

// decodeAs decodes src (nil: UTF-8, passed on up to its last whole
// character) into m.obuf, returning the decoded bytes and how many bytes of
// src it used.
func (m *mixedReader) decodeAs(enc encoding.Encoding, src []byte, complete bool) ([]byte, int) {
	if enc == nil {
		n := len(src)
		if !complete {
			n = validCut(src)
		}
		return append(m.obuf[:0], src[:n]...), n
	}
	dec := m.decs[enc]
	if dec == nil {
		dec = enc.NewDecoder()
		m.decs[enc] = dec
	}
	dec.Reset()
	// at most 3 bytes out per byte in: an invalid byte becomes U+FFFD
	if need := 3*len(src) + utf8.UTFMax; cap(m.obuf) < need {
		m.obuf = make([]byte, 0, need)
	}
	nDst, nSrc, _ := dec.Transform(m.obuf[:cap(m.obuf)], src, complete)
	return m.obuf[:nDst], nSrc
}

// cutMark is what a decoding reader passes on for a character the end of
// the file cut off (a download or copy that stopped inside it): the start
// of a UTF-8 character (U+FFFD's), cut off too, which the line reader
// reads as U+FFFD and says so, as in a UTF-8 file (see cutLastLine).
const cutMark = 0xEF

// gbReplacement is U+FFFD in GB18030: a decoding that holds U+FFFD read
// it, not an invalid sequence.
var gbReplacement = []byte{0x84, 0x31, 0xA4, 0x37}

// replaced reports whether decoding src with enc (into out) met bytes it
// could not read (they became U+FFFD).
func replaced(out, src []byte, enc encoding.Encoding) bool {
	if enc == cesu8 || !bytes.Contains(out, utf8Replacement) {
		return false // (CESU-8 is read only where it reads the line)
	}
	return enc == traditionalchinese.Big5 || !bytes.Contains(src, gbReplacement)
}

var utf8Replacement = []byte("\uFFFD")

// otherChinese is Big5 for GB18030 and GB18030 for Big5.
func otherChinese(enc encoding.Encoding) encoding.Encoding {
	if enc == traditionalchinese.Big5 {
		return simplifiedchinese.GB18030
	}
	return traditionalchinese.Big5
}

// lineEncoding picks the encoding of one line (or piece of a line; complete
// says it ends the line): nil for UTF-8.
func (m *mixedReader) lineEncoding(unit []byte, complete bool) encoding.Encoding {
	if !hasNonASCII(unit) {
		return m.primary
	}
	utf8Enc, text := encoding.Encoding(nil), unit
	if i := invalidUTF8At(unit, !complete); i >= 0 {
		// UTF-8 with surrogate pairs (CESU-8)? (a GB18030 line's first
		// byte UTF-8 cannot read is seldom one's ED A0–AF)
		if unit[i] != 0xED || !validCESU(unit[:validCut(unit)]) {
			return m.primary
		}
		utf8Enc = cesu8
		text, _, _ = transform.Bytes(cesu8.NewDecoder(), unit[:validCut(unit)])
	}
	common := commonSimplified
	if m.primary == traditionalchinese.Big5 {
		common = commonTraditional
	}
	// more common characters as UTF-8: GBK's 木木 (C4 BE C4 BE) is valid
	// UTF-8 too, but reads ľľ, which holds none
	if utf8Score(text) > chineseScore(unit, m.primary, common) {
		return utf8Enc
	}
	return m.primary
}

// utf8Score scores UTF-8 text as chineseScore scores a decoding: common
// Simplified or Traditional characters, and emoji, which chat is full of
// (a line of OK👍 holds no Chinese, and GB18030 reads it as OK馃憤).
func utf8Score(b []byte) int {
	score := 0
	for _, r := range string(b) {
		if commonSimplified[r] || commonTraditional[r] || isEmoji(r) {
			score++
		}
	}
	return score
}

// isEmoji reports whether r is in the blocks of emoji and the symbols chat
// uses as such (☀, ✔, ❤, 🀄, 👍, 🤝): UTF-8 spells them with lead bytes (E2
// 98–9E, F0 9F) that a GB18030 line is very unlikely to pass as valid UTF-8.
func isEmoji(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// invalidUTF8At returns the offset of the first byte of b that is not valid
// UTF-8, or -1; with cut, a character cut off at the very end is not
// counted as invalid.
func invalidUTF8At(b []byte, cut bool) int {
	whole := b
	if cut {
		whole = b[:validCut(b)]
	}
	if utf8.Valid(whole) {
		return -1
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			if cut && !utf8.FullRune(b[i:]) {
				return -1
			}
			return i
		}
		i += size
	}
	return -1
}

// validCut is the length of b without a character cut off at its end.
func validCut(b []byte) int {
	for i := 1; i <= utf8.UTFMax-1 && i <= len(b); i++ {
		if utf8.RuneStart(b[len(b)-i]) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return len(b) - i
			}
			break
		}
	}
	return len(b)
}

// recodeLine reads a line that is not valid UTF-8 as CESU-8 when it is
// (UTF-8 with surrogate pairs: see cesu8), else as GB18030 or Big5
// (whichever yields more common characters), when that reads it cleanly.
func recodeLine(line []byte) ([]byte, encoding.Encoding, bool) {
	if utf8.Valid(line) {
		return nil, nil, false
	}
	if validCESU(line) {
		text, _, err := transform.Bytes(cesu8.NewDecoder(), line)
		return text, cesu8, err == nil
	}
	enc := guessChinese(line)
	text, _, err := transform.Bytes(enc.NewDecoder(), line)
	clean := err == nil && !bytes.ContainsRune(text, utf8.RuneError)
	if validUTF8C1(line) {
		// UTF-8 with Windows-1252's “ ” among it: unless GB18030 or Big5
		// read the line cleanly into more common characters (GBK's 80 is
		// € too, and its lead bytes 81–9F are many)
		common := commonSimplified
		if enc == traditionalchinese.Big5 {
			common = commonTraditional
		}
		if fixed, _, err := transform.Bytes(utf8C1.NewDecoder(), line); err == nil && (!clean || utf8Score(fixed) > textScore(text, common)) {
			return fixed, utf8C1, true
		}
	}
	if !clean {
		return nil, nil, false
	}
	return text, enc, true
}

// utf8C1 is UTF-8 with bytes of Windows-1252's punctuation among it (“ ”
// ‘ ’ – — … • €: 80–9F, which UTF-8 never has alone), as a tool that
// pasted from Word or typed a smart quote in an old Windows code page
// leaves them: recodeLine reads such a line so, each byte as its
// character (unless GB18030 or Big5 read it better), and notes it
// (mixedStats.note) to be said once the run is over.
var utf8C1 encoding.Encoding = c1Encoding{}

type c1Encoding struct{}

func (c1Encoding) NewDecoder() *encoding.Decoder {
	return &encoding.Decoder{Transformer: c1Decoder{}}
}

// NewEncoder is UTF-8's: the lines of a file with such bytes are not
// written back (see FileEncoding).
func (c1Encoding) NewEncoder() *encoding.Encoder {
	return &encoding.Encoder{Transformer: encoding.UTF8Validator}
}

// c1Decoder reads utf8C1: UTF-8 as it is, a byte of Windows-1252's
// punctuation as its character. At the end of the input, an incomplete
// character is passed on as it is (see cutLastLine); any other byte UTF-8
// cannot read is errNotCESU.
type c1Decoder struct{ transform.NopResetter }

func (c1Decoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		rest := src[nSrc:]
		r, size := rune(rest[0]), 1
		switch {
		case r < utf8.RuneSelf:
		case !utf8.FullRune(rest):
			if !atEOF {
				return nDst, nSrc, transform.ErrShortSrc
			}
			if nDst+len(rest) > len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += copy(dst[nDst:], rest)
			return nDst, len(src), nil
		default:
			if r, size = utf8.DecodeRune(rest); r == utf8.RuneError && size == 1 {
				if r = c1Rune(rest[0]); r == 0 {
					return nDst, nSrc, errNotCESU
				}
			}
		}
		if nDst+utf8.RuneLen(r) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += utf8.EncodeRune(dst[nDst:], r)
		nSrc += size
	}
	return nDst, nSrc, nil
}

// c1Rune is the character of Windows-1252 that c, a byte 80–9F, stands
// for, or 0 (another byte, or one of the five Windows-1252 leaves
// unassigned: 81, 8D, 8F, 90, 9D).
func c1Rune(c byte) rune {
	if c < 0x80 || c > 0x9F {
		return 0
	}
	if r := charmap.Windows1252.DecodeByte(c); r >= 0xA0 && r != utf8.RuneError {
		return r
	}
	return 0
}

// validUTF8C1 reports whether b is utf8C1: valid UTF-8 but for bytes of
// Windows-1252's punctuation.
func validUTF8C1(b []byte) bool {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 && c1Rune(b[i]) == 0 {
			return false
		}
		i += size
	}
	return true
}

// cesu8 is UTF-8 that writes each character past U+FFFF (😀, 𠮷) as the
// two halves of its UTF-16 surrogate pair, three bytes each (ED A0 BD
// ED B8 80 for 😀): CESU-8, as Java's "modified UTF-8" and MySQL's utf8mb3
// write them. Go's UTF-8 is not that: a line that holds one is read as
// CESU-8 by recodeLine (and mixedReader), each pair as its character, and
// noted (mixedStats.note) to be said once the run is over. A surrogate
// without its other half is not read.
var cesu8 encoding.Encoding = cesuEncoding{}

type cesuEncoding struct{}

func (cesuEncoding) NewDecoder() *encoding.Decoder {
	return &encoding.Decoder{Transformer: cesuDecoder{}}
}

// NewEncoder is UTF-8's: the lines of a file with surrogate pairs are not
// written back (see FileEncoding).
func (cesuEncoding) NewEncoder() *encoding.Encoder {
	return &encoding.Encoder{Transformer: encoding.UTF8Validator}
}

// errNotCESU is cesuDecoder's error for bytes that are neither UTF-8 nor
// a surrogate pair.
var errNotCESU = errors.New("neither UTF-8 nor a surrogate pair")

// cesuDecoder reads CESU-8 (see cesu8): UTF-8 as it is, a surrogate pair
// as its character. At the end of the input, an incomplete character is
// passed on as it is (a file cut off inside it: see cutLastLine); any
// other byte UTF-8 cannot read is errNotCESU.
type cesuDecoder struct{ transform.NopResetter }

func (cesuDecoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		rest := src[nSrc:]
		var r rune
		size := 1
		switch c := rest[0]; {
		case c < utf8.RuneSelf:
			r = rune(c)
		case !utf8.FullRune(rest) || c == 0xED && len(rest) < 6 && !atEOF:
			if !atEOF {
				return nDst, nSrc, transform.ErrShortSrc
			}
			if nDst+len(rest) > len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += copy(dst[nDst:], rest)
			return nDst, len(src), nil
		default:
			if r, size = utf8.DecodeRune(rest); r == utf8.RuneError && size == 1 {
				var ok bool
				if r, ok = surrogatePair(rest); !ok {
					return nDst, nSrc, errNotCESU
				}
				size = 6
			}
		}
		if nDst+utf8.RuneLen(r) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += utf8.EncodeRune(dst[nDst:], r)
		nSrc += size
	}
	return nDst, nSrc, nil
}

// surrogatePair reads the character whose UTF-16 surrogate pair b starts
// with, each half written as UTF-8 writes a character (ED A0–AF 80–BF,
// then ED B0–BF 80–BF); ok is false when b does not start with one.
func surrogatePair(b []byte) (r rune, ok bool) {
	if len(b) < 6 || b[0] != 0xED || b[3] != 0xED ||
		b[1] < 0xA0 || b[1] > 0xAF || b[4] < 0xB0 || b[4] > 0xBF ||
		b[2]&0xC0 != 0x80 || b[5]&0xC0 != 0x80 {
		return 0, false
	}
	hi := 0xD000 | rune(b[1]&0x3F)<<6 | rune(b[2]&0x3F)
	lo := 0xD000 | rune(b[4]&0x3F)<<6 | rune(b[5]&0x3F)
	return utf16.DecodeRune(hi, lo), true
}

// validCESU reports whether b is CESU-8 (see cesu8): valid UTF-8 but for
// surrogate pairs, as Go's UTF-8 is not. A surrogate alone is invalid.
func validCESU(b []byte) bool {
	if utf8.Valid(b) {
		return true
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			if _, ok := surrogatePair(b[i:]); !ok {
				return false
			}
			size = 6
		}
		i += size
	}
	return true
}

// mixedStats counts the lines of a file (whose encoding was guessed) read
// in another encoding than the file's. Parsers on several cores note lines.
type mixedStats struct {
	mu       sync.Mutex
	name     string
	seq      int               // the files read before it
	primary  encoding.Encoding // the file's encoding; nil: UTF-8
	lines    int
	first    int               // the first such line
	firstEnc encoding.Encoding // and its encoding
	// ranges are the lines, in order, runs of consecutive lines as one
	// (lines are noted as they are parsed, not quite in order): to count
	// those up to where a --strict run stopped; rangesCut: too many
	ranges    []lineRange
	rangesCut bool
	// pairs are the lines read as CESU-8 (see cesu8): lines of UTF-8
	// that write surrogate pairs; c1 those read as utf8C1
	pairs, c1 lineSet
	// asciiHead: the file, guessed to be UTF-8, is ASCII for the 64 KB
	// the guess looked at (so that the lines in another encoding may be
	// all of its text)
	asciiHead bool
}

// lineRange is the lines first to last.
type lineRange struct{ first, last int }

// lineSet is a set of lines: how many, the first, and the runs of
// consecutive lines (see mixedStats.ranges; cut: too many runs).
type lineSet struct {
	n, first int
	ranges   []lineRange
	cut      bool
}

func (l *lineSet) add(line int) {
	if l.n == 0 || line < l.first {
		l.first = line
	}
	l.n++
	if len(l.ranges) < maxMixedRanges {
		l.ranges = addLine(l.ranges, line)
	} else {
		l.cut = true
	}
}

// note notes line n as read in enc: another encoding than the file's,
// or (cesu8) UTF-8 with surrogate pairs, which a UTF-8 file's lines may
// be without mixing encodings.
func (s *mixedStats) note(line int, enc encoding.Encoding) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if enc == cesu8 || enc == utf8C1 {
		if enc == cesu8 {
			s.pairs.add(line)
		} else {
			s.c1.add(line)
		}
		if s.primary == nil {
			return
		}
		enc = nil // a UTF-8 line of a GB18030 or Big5 file
	}
	if s.lines == 0 || line < s.first {
		s.first, s.firstEnc = line, enc
	}
	s.lines++
	if len(s.ranges) < maxMixedRanges {
		s.ranges = addLine(s.ranges, line)
	} else {
		s.rangesCut = true
	}
}

// maxMixedRanges bounds the ranges a file keeps (16 bytes each): lines
// alternating between encodings would otherwise take a range each. Past
// it a --strict run's warning counts all the lines noted.
const maxMixedRanges = 1 << 16

// addLine adds line to the ordered ranges r.
func addLine(r []lineRange, line int) []lineRange {
	n := len(r)
	if n > 0 && r[n-1].last+1 == line {
		r[n-1].last = line // the usual case
		return r
	}
	i := sort.Search(n, func(i int) bool { return r[i].first > line }) // the first range after line
	switch {
	case i > 0 && r[i-1].last >= line:
		return r // noted already
	case i > 0 && r[i-1].last+1 == line && i < n && r[i].first-1 == line:
		r[i-1].last = r[i].last
		return slices.Delete(r, i, i+1)
	case i > 0 && r[i-1].last+1 == line:
		r[i-1].last = line
		return r
	case i < n && r[i].first-1 == line:
		r[i].first = line
		return r
	}
	return slices.Insert(r, i, lineRange{line, line})
}

// upTo returns how many of the lines noted are at most line, and the first
// of them.
func (s *mixedStats) upTo(line int) (n, first int) { return rangesUpTo(s.ranges, line) }

// rangesUpTo returns how many of the lines of the ordered ranges r are at
// most line, and the first of them.
func rangesUpTo(ranges []lineRange, line int) (n, first int) {
	for _, r := range ranges {
		if r.first > line {
			break
		}
		if n == 0 {
			first = r.first
		}
		n += min(r.last, line) - r.first + 1
	}
	return n, first
}

// MixedEncodings collects the files of a run that mix encodings, for
// warnings once the run is over (parsing may go on after a file is read),
// and what else a reader has to say of a file it read but in part (a
// workbook's sheets it passed over: see note).
type MixedEncodings struct {
	mu    sync.Mutex
	files []*mixedStats
	seq   map[string]int // every file read: how many were before it
	notes []fileNote
}

// fileNote is a warning about a file: what was in it and not read.
type fileNote struct {
	seq  int // of the file (see start)
	line int // the line it is about (0: the file)
	text string
}

// note adds a warning about the file name (as start was told it): text
// follows its name.
func (m *MixedEncodings) note(name, text string) { m.noteAt(name, 0, text) }

// noteAt is note for a warning about line n of the file: a --strict run
// that stopped before it does not say it.
func (m *MixedEncodings) noteAt(name string, n int, text string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.notes = append(m.notes, fileNote{seq: m.seq[name], line: n, text: lint.Shown(name) + ": " + text})
}

// start notes that the file name is read next; it returns how many were
// read before it.
func (m *MixedEncodings) start(name string) int {
	if m == nil {
		return 0
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.seq == nil {
		m.seq = map[string]int{}
	}
	n := len(m.seq)
	if _, ok := m.seq[name]; !ok {
		m.seq[name] = n
	}
	return n
}

func (m *MixedEncodings) add(s *mixedStats) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files = append(m.files, s)
}

// Warnings describes each file that mixed encodings, in the order read,
// then what the readers noted of files they read but in part.
func (m *MixedEncodings) Warnings() []string { return m.warnings(nil) }

// WarningsUntil is Warnings for a run stopped at stop (the malformed
// record that stops a --strict run): the lines read past it, which the
// readers went on to while it was parsed, do not count.
func (m *MixedEncodings) WarningsUntil(stop lint.Pos) []string { return m.warnings(&stop) }

func (m *MixedEncodings) warnings(stop *lint.Pos) []string {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	stopSeq, stopKnown := 0, false
	if stop != nil {
		stopSeq, stopKnown = m.seq[stop.File]
	}
	var out []string
	// upTo is how many of the lines noted are to be said, and the first
	upTo := func(seq int, set lineSet) (n, first int) {
		switch {
		case !stopKnown || seq < stopSeq || seq == stopSeq && set.cut:
			return set.n, set.first
		case seq > stopSeq:
			return 0, 0 // read past the stop
		}
		return rangesUpTo(set.ranges, stop.Line)
	}
	for _, s := range m.files {
		s.mu.Lock()
		n, first := upTo(s.seq, lineSet{n: s.lines, first: s.first, ranges: s.ranges, cut: s.rangesCut})
		if n > 0 && s.asciiHead && s.primary == nil {
			lines := "1 line is"
			if n > 1 {
				lines = fmt.Sprintf("%d lines are", n)
			}
			out = append(out, fmt.Sprintf("%s: the file mixes encodings: it was read as UTF-8, its first 64 KB being ASCII, but %s %s (the first: line %d); "+
				"each line was read in its own encoding: if the file is %[3]s throughout, --encoding %[5]s reads it so (a line of it may be UTF-8 too: GBK's 哦哦 is ŷŷ)",
				lint.Shown(s.name), lines, encodingName(s.firstEnc), first, strings.ToLower(encodingName(s.firstEnc))))
		} else if n > 0 {
			lines := "1 line is"
			if n > 1 {
				lines = fmt.Sprintf("%d lines are", n)
			}
			out = append(out, fmt.Sprintf("%s: the file mixes encodings: it is %s, but %s %s (the first: line %d); "+
				"each line was read in its own encoding (--encoding reads the whole file in one)",
				lint.Shown(s.name), encodingName(s.primary), lines, encodingName(s.firstEnc), first))
		}
		if n, first := upTo(s.seq, s.pairs); n > 0 {
			lines := "1 line writes"
			if n > 1 {
				lines = fmt.Sprintf("%d lines write", n)
			}
			out = append(out, fmt.Sprintf("%s: %s characters past U+FFFF (emoji such as 😀) as surrogate pairs, "+
				"CESU-8 as Java's modified UTF-8 and MySQL's utf8mb3 write them, not UTF-8 (the first: line %d); each pair was read as its character",
				lint.Shown(s.name), lines, first))
		}
		if n, first := upTo(s.seq, s.c1); n > 0 {
			lines := "1 line holds"
			if n > 1 {
				lines = fmt.Sprintf("%d lines hold", n)
			}
			out = append(out, fmt.Sprintf("%s: %s bytes of Windows-1252 punctuation (“ ” ‘ ’ – — … €: 80–9F) among UTF-8 text, "+
				"as a tool that pasted from Word or an old Windows code page leaves them (the first: line %d); each was read as its character",
				lint.Shown(s.name), lines, first))
		}
		s.mu.Unlock()
	}
	for _, n := range m.notes {
		if !stopKnown || n.seq < stopSeq || n.seq == stopSeq && n.line <= stop.Line {
			out = append(out, n.text)
		}
	}
	return out
}

// recode returns line n, which is not valid UTF-8, read as GB18030 or Big5
// when the file's encoding was guessed to be UTF-8 and one of them reads the
// line cleanly (noting it for the warning); ok is false otherwise.
func (s *Source) recode(line []byte, n int) (_ []byte, ok bool) {
	if s == nil || s.mixed == nil || s.mixed.primary != nil {
		return line, false
	}
	text, enc, ok := recodeLine(line)
	if !ok {
		return line, false
	}
	s.mixed.note(n, enc)
	return text, true
}

// recodeFields is recode for a delimited record whose fields (buf cut at
// starts) are not valid UTF-8: each field is decoded on its own, so the
// starts move with them. The delimiters and quotes that separated the
// fields are ASCII, which no GB18030 or Big5 character holds.
func (s *Source) recodeFields(buf []byte, starts []int, n int) (_ []byte, _ []int, ok bool) {
	if s == nil || s.mixed == nil || s.mixed.primary != nil {
		return nil, nil, false
	}
	_, enc, ok := recodeLine(buf)
	if !ok {
		return nil, nil, false
	}
	out := make([]byte, 0, 2*len(buf))
	outStarts := make([]int, len(starts))
	for i, st := range starts {
		end := len(buf)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		outStarts[i] = len(out)
		var err error
		if out, _, err = transform.Append(enc.NewDecoder(), out, buf[st:end]); err != nil {
			return nil, nil, false
		}
	}
	s.mixed.note(n, enc)
	return out, outStarts, true
}

// encodingName names an encoding mixedReader reads.
func encodingName(e encoding.Encoding) string {
	switch e {
	case nil:
		return "UTF-8"
	case traditionalchinese.Big5:
		return "Big5"
	case cesu8:
		return "CESU-8"
	case utf8C1:
		return "UTF-8 with Windows-1252 punctuation"
	}
	return "GB18030"
}

// forcedReader decodes a file in an encoding other than UTF-8 that
// --encoding forces (GB18030, which reads GBK and GB2312, Big5, UTF-16, or
// any other WHATWG encoding such as Shift_JIS) or that a UTF-16 byte-order
// mark names, as transform.Reader would, a buffer at a time, except for the
// bytes the encoding cannot read: where the decoder writes U+FFFD for them,
// forcedReader writes a byte that is not UTF-8 (0xFF), so that the format's
// reader rejects the line or record that holds them as malformed (with its
// file and line, see Source.whyInvalid), as in a file whose encoding was
// guessed, instead of linting U+FFFD. A U+FFFD that the file encodes
// (84 31 A4 37 in GB18030, FD FF in UTF-16LE) is kept. A buffer without
// U+FFFD, nearly all of them, costs a search for it.
type forcedReader struct {
	decoded
	br  *bufio.Reader
	enc encoding.Encoding
	dec transform.Transformer
	// marks: dec writes invalidByte itself for the bytes it cannot read
	// (UTF-16, see utf16Decoder), and any U+FFFD it writes is text
	marks bool
	buf   []byte // out's storage
}

func newForcedReader(br *bufio.Reader, e encoding.Encoding) *forcedReader {
	if d := newUTF16Decoder(e); d != nil {
		return &forcedReader{br: br, enc: e, dec: d, marks: true}
	}
	return &forcedReader{br: br, enc: e, dec: e.NewDecoder()}
}

func (f *forcedReader) Read(p []byte) (int, error) { return f.read(p, f.fill) }

// Peek returns up to n bytes of what Read returns next (fewer when fewer
// are decoded ahead), without consuming them.
func (f *forcedReader) Peek(n int) ([]byte, error) { return f.peek(n, f.fill) }

// fill decodes what br holds, up to its last whole character.
func (f *forcedReader) fill() {
	chunk, err := f.br.Peek(f.br.Size())
	if len(chunk) == 0 {
		if err == nil {
			err = io.EOF
		}
		f.err = err
		return
	}
	atEOF := err != nil
	// at most 3 bytes out per byte in: an invalid byte becomes U+FFFD
	if need := 3*len(chunk) + utf8.UTFMax; cap(f.buf) < need {
		f.buf = make([]byte, 0, need)
	}
	// at the end, a character the end of the file cut off (see cutMark)
	// is left undecoded; not in UTF-16, where an odd last byte is more
	// often a line break a tool added (0A) than half a character
	cutOff := err == io.EOF && !f.marks
	nDst, nSrc, terr := f.dec.Transform(f.buf[:cap(f.buf)], chunk, atEOF && !cutOff)
	cut := cutOff && terr == transform.ErrShortSrc
	if nSrc == 0 && !cut {
		// cannot happen: a full buffer holds whole characters
		f.err = cmp.Or(terr, io.ErrUnexpectedEOF)
		return
	}
	out := f.buf[:nDst]
	if !f.marks && bytes.Contains(out, utf8Replacement) {
		out = f.markInvalid(out, chunk[:nSrc])
	}
	if cut {
		out, nSrc = append(out, cutMark), len(chunk)
	}
	f.out = out
	f.br.Discard(nSrc)
	if err != nil && nSrc == len(chunk) {
		f.err = err // the end, or a read error, once the rest is read
	}
}

// invalidByte stands for bytes the file's encoding cannot read: it is not
// UTF-8, so the line that holds it is rejected as malformed.
const invalidByte = 0xFF

// markInvalid replaces, in out (src decoded), the U+FFFD the decoder wrote
// for bytes it could not read by invalidByte. In GB18030, which encodes
// U+FFFD, the lines that hold the code of U+FFFD are checked one by one:
// a line with more U+FFFD than codes of it has bytes the encoding cannot
// read (and is rejected: its own U+FFFD is marked too). The other
// encodings it is used for (Big5, Shift_JIS, windows-1252 …) cannot encode
// U+FFFD: every U+FFFD their decoders write stands for bytes they cannot
// read.
func (f *forcedReader) markInvalid(out, src []byte) []byte {
	if f.enc != simplifiedchinese.GB18030 || !bytes.Contains(src, gbReplacement) {
		return bytes.ReplaceAll(out, utf8Replacement, []byte{invalidByte})
	}
	// the decoders read a line break as itself and never as part of a
	// character: out's lines are src's
	var marked []byte
	for len(out) > 0 {
		line, restOut, found := bytes.Cut(out, newline)
		srcLine, restSrc, _ := bytes.Cut(src, newline)
		if bytes.Count(line, utf8Replacement) > gbReplacements(srcLine) {
			line = bytes.ReplaceAll(line, utf8Replacement, []byte{invalidByte})
		}
		marked = append(marked, line...)
		if found {
			marked = append(marked, '\n')
		}
		out, src = restOut, restSrc
	}
	return marked
}

// gbReplacements counts the characters of GB18030 text (starting at a
// character) that are U+FFFD, 84 31 A4 37: those bytes met inside other
// characters or after a byte the decoder cannot read (81 84 31 A4 37, A4 37
// …) are not one. The character lengths are the decoder's.
func gbReplacements(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		size := 1
		if c0 := b[i]; 0x81 <= c0 && c0 <= 0xFE && i+1 < len(b) {
			switch c1 := b[i+1]; {
			case 0x40 <= c1 && c1 <= 0xFE && c1 != 0x7F:
				size = 2
			case 0x30 <= c1 && c1 <= 0x39 && i+3 < len(b) && 0x81 <= b[i+2] && b[i+2] <= 0xFE && 0x30 <= b[i+3] && b[i+3] <= 0x39:
				r := ((int(c0-0x81)*10+int(c1-0x30))*126+int(b[i+2]-0x81))*10 + int(b[i+3]-0x30)
				if r -= 189000; r >= 39420-189000 && (r < 0 || r >= 0x100000) {
					break // out of range: one byte it cannot read
				}
				if bytes.HasPrefix(b[i:], gbReplacement) {
					n++
				}
				size = 4
			}
		}
		i += size
	}
	return n
}

// whyInvalid is prob, the problem of a record (see lineProblem), told the
// way it is for src: a record that is not UTF-8 once decoded by a
// forcedReader holds bytes the file's encoding cannot read; once decoded by
// a mixedReader, bytes that no encoding it tries can read.
func (s *Source) whyInvalid(prob string) string {
	if prob != invalidUTF8Record || s == nil || s.marked == "" {
		return prob
	}
	return s.marked
}

// whyInvalidIn is whyInvalid for the record in b (the bytes read): under
// --encoding utf-8, whose reason says that without it a GBK or Big5 line
// is read as such, a record that neither GB18030 nor Big5 reads cleanly
// either (a stray corrupt byte among UTF-8) says so instead, not
// suggesting that dropping the flag would read it.
func (s *Source) whyInvalidIn(prob string, b []byte) string {
	why := s.whyInvalid(prob)
	if why != forcedUTF8Why && why != forcedUTF8WhyInConfig {
		return why
	}
	if _, _, ok := recodeLine(b); !ok {
		if why == forcedUTF8WhyInConfig {
			return forcedUnreadableWhyInConfig
		}
		return forcedUnreadableWhy
	}
	return why
}

// unreadableWhy is whyInvalid's problem for a file a forcedReader decoded
// in e: --encoding enc ("gbk", "big5", "utf-16le", "shift_jis" … as
// given), or ("" for enc) the encoding a byte-order mark named: UTF-16,
// GB18030, or UTF-8 (nil e).
func unreadableWhy(enc string, e encoding.Encoding) string {
	enc = strings.ToLower(strings.TrimSpace(enc))
	if enc != "" && enc != "auto" {
		return fmt.Sprintf("bytes in the record that %s cannot read (wrong --encoding?)", enc)
	}
	name := encodingName(e)
	if big, _, ok := utf16Form(e); ok {
		name = "UTF-16LE"
		if big {
			name = "UTF-16BE"
		}
	}
	return fmt.Sprintf("bytes in the record that %s cannot read (the file's byte-order mark says %[1]s)", name)
}

// guessedUnreadableWhy is whyInvalid's problem for a file guessed to be in
// e, GB18030 or Big5, which a mixedReader decodes: the lines it passes on
// as they are hold bytes that neither Chinese encoding reads, nor UTF-8.
// The file already is read as Chinese, so the UTF-8 problem's hint to use
// --encoding gbk or big5 would be wrong. So it is for a file guessed to be
// UTF-8 (nil e) from its text past ASCII, whose lines that are not UTF-8
// are tried in GB18030 and Big5 (see Source.recode).
func guessedUnreadableWhy(e encoding.Encoding) string {
	return fmt.Sprintf("bytes in the record that neither GB18030, Big5 nor UTF-8 can read (the file was read as %s, guessed from its bytes)", encodingName(e))
}

// utf16Form tells the byte order of a UTF-16 encoding and whether it reads
// a byte-order mark at the start (which then overrides the order); ok is
// false for other encodings.
func utf16Form(e encoding.Encoding) (big, bom, ok bool) {
	for _, order := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		for _, policy := range []unicode.BOMPolicy{unicode.IgnoreBOM, unicode.UseBOM, unicode.ExpectBOM} {
			if e == unicode.UTF16(order, policy) {
				return order == unicode.BigEndian, policy != unicode.IgnoreBOM, true
			}
		}
	}
	return false, false, false
}

// utf16Decoder decodes UTF-16 to UTF-8 as x/text's decoder does, except
// for the bytes it cannot read, a lone surrogate or an odd byte at the end:
// for them it writes invalidByte rather than U+FFFD, which UTF-16 encodes
// (FD FF in UTF-16LE) and is text like any other.
type utf16Decoder struct {
	big, bom bool // as utf16Form tells them
	order    bool // the order read: big, or what the byte-order mark said
	started  bool // the byte-order mark, if any, was read
}

// newUTF16Decoder returns a decoder for e, or nil when e is not UTF-16.
func newUTF16Decoder(e encoding.Encoding) *utf16Decoder {
	big, bom, ok := utf16Form(e)
	if !ok {
		return nil
	}
	return &utf16Decoder{big: big, bom: bom, order: big}
}

func (d *utf16Decoder) Reset() { d.order, d.started = d.big, false }

func (d *utf16Decoder) unit(b []byte) rune {
	if d.order {
		return rune(b[0])<<8 | rune(b[1])
	}
	return rune(b[1])<<8 | rune(b[0])
}

func (d *utf16Decoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	if !d.started && d.bom {
		if len(src) < 2 && !atEOF {
			return 0, 0, transform.ErrShortSrc
		}
		if len(src) >= 2 {
			switch {
			case src[0] == 0xFE && src[1] == 0xFF:
				d.order, nSrc = true, 2
			case src[0] == 0xFF && src[1] == 0xFE:
				d.order, nSrc = false, 2
			}
		}
	}
	d.started = true
	for nSrc < len(src) {
		rest := src[nSrc:]
		// r < 0: a unit UTF-16 cannot read (invalidByte is written)
		r, size := rune(-1), 2
		switch {
		case len(rest) < 2:
			// an odd byte at the end
			if !atEOF {
				return nDst, nSrc, transform.ErrShortSrc
			}
			size = 1
		case !utf16.IsSurrogate(d.unit(rest)):
			r = d.unit(rest)
		case d.unit(rest) >= 0xDC00:
			// a low surrogate without its high one
		case len(rest) < 4:
			if !atEOF {
				return nDst, nSrc, transform.ErrShortSrc
			}
			// a high surrogate at the end
		default:
			if lo := d.unit(rest[2:]); lo >= 0xDC00 && lo < 0xE000 {
				r, size = utf16.DecodeRune(d.unit(rest), lo), 4
			}
		}
		if r < 0 {
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = invalidByte
			nDst++
		} else {
			if nDst+utf8.RuneLen(r) > len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += utf8.EncodeRune(dst[nDst:], r)
		}
		nSrc += size
	}
	return nDst, nSrc, nil
}
