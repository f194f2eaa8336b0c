package transcript

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonParser reads JSON values from a stream into jnodes, with the line each
// value starts on. It accepts exactly what encoding/json accepts and decodes
// strings as it does (lone surrogates become U+FFFD; a differential fuzz
// test holds the two together), but it is several times faster: no tokens
// boxed in interfaces, strings found with the JSONL scanner's
// word-at-a-time search, keys interned, a node's children allocated once at
// their final size.
//
// A string that is not valid UTF-8 is not read as U+FFFD as encoding/json
// reads it: in a file guessed to be UTF-8 it is read as GB18030 or Big5 when
// one of them reads it cleanly (as Source.recode reads a line of JSONL);
// otherwise the node and every node around it is marked bad, and the
// walker rejects a message holding it as a malformed record, as the other
// readers do.
//
// A string or a number over the bound (max) is read past (see jsonSkip)
// and read as a node marked over: the walker rejects the message holding
// it (see jsonOver).
//
// Its errors are final: they carry the line ("line 7: invalid JSON:
// invalid character '}' after object key"), and the reader returns them as
// they are.
type jsonParser struct {
	r    io.Reader
	buf  []byte
	pos  int   // next byte to read
	end  int   // bytes of buf filled
	off  int64 // input offset of buf[0]
	line int   // line of buf[pos]
	// lineStart is the input offset where line starts, and lineRunes the
	// characters of it in bytes fill has dropped from buf (for the column
	// of a syntax error: see column)
	lineStart int64
	lineRunes int
	// lastNL: the last byte consumed was a line break (a truncated file's
	// error names the line before it); prevRunes are the characters of
	// that line in bytes fill dropped, and nlCol the column just past its
	// last character, noted before space reads on after the line break
	// (see endColumn)
	lastNL    bool
	prevRunes int
	nlCol     int
	// tok is the input offset of the string being read slowly (-1: none),
	// and tokCol its column once fill drops it (for a string over max)
	tok    int64
	tokCol int
	rerr   error // the read error that ended the input (io.EOF at its end)
	max    int   // bound on one token's bytes (0: none)
	// lastOver is the last string or number read past for being over max;
	// nover counts them (as nbad counts strings that are not UTF-8)
	lastOver *jsonOver
	nover    int
	// keyOver: the key members read last was over max (read as "")
	keyOver bool

	src *Source
	// types looks for a key named type in what is read (see typeWatch;
	// nil: it does not)
	types *typeWatch
	// nbad counts the strings read that are not valid UTF-8 (and could not
	// be recoded): a node whose reading moved it holds one, and is bad
	nbad int
	// recode: the file was guessed to be UTF-8, so a string that is not is
	// tried as GB18030 or Big5; hold is then the index in buf of the
	// content of the string being read slowly (-1: none), which fill keeps,
	// and recodedLine the last line noted as read in another encoding
	recode      bool
	hold        int
	recodedLine int

	// cols: a value notes where on its line it starts when the line holds
	// more before it (jnode.col), for a whole file's reader, whose
	// records may share a line (a minified array: see recordCol). The
	// count so far: colChars characters, colAstral of them beyond the
	// BMP, in the bytes of line colLine before the input offset colOff,
	// which stays in buf (fill counts on to what it drops). ncol and
	// nastral are value's column for the node it makes.
	cols      bool
	colLine   int
	colOff    int64
	colChars  int
	colAstral int
	ncol      int32
	nastral   int
	// tokAt is the input offset of the token space found last, and
	// tokFirst whether it starts its line: only blanks before it there
	tokAt    int64
	tokFirst bool

	keys    map[string]string // interned object keys
	scratch []byte            // strings with escapes or invalid UTF-8
	stackK  []string          // children of the objects being read
	stackV  []*jnode
	nodes   nodeArena
}

// nodeBlock is how many nodes a block of a nodeArena holds.
const nodeBlock = 256

// nodeArena hands out nodes from blocks. The nodes of an element that was
// walked and dropped (the element of a streamed list) are handed out again
// (release), so a stream of elements allocates no nodes once its largest
// element has been read.
type nodeArena struct {
	blocks [][]jnode
	bi, ni int // the next node: blocks[bi][ni]
}

// arenaMark is a position in a nodeArena.
type arenaMark struct{ bi, ni int }

// node returns a new node.
func (p *jsonParser) node(line int, kind byte, s string) *jnode {
	a := &p.nodes
	if a.bi == len(a.blocks) {
		a.blocks = append(a.blocks, make([]jnode, nodeBlock))
	}
	n := &a.blocks[a.bi][a.ni]
	if a.ni++; a.ni == nodeBlock {
		a.bi, a.ni = a.bi+1, 0
	}
	*n = jnode{line: line, kind: kind, s: s, col: p.ncol}
	if p.nastral > 0 {
		n.setAstral(p.nastral)
	}
	return n
}

// reset makes p read raw (a whole value, starting on line) instead.
func (p *jsonParser) reset(raw []byte, line int) {
	p.buf = append(p.buf[:0], raw...)
	p.restart(nil, line)
	p.end = len(raw)
}

// restart makes p read r (nil: what buf holds) from its start, on line:
// a line of JSONL, a value.
func (p *jsonParser) restart(r io.Reader, line int) {
	if r != nil {
		p.r = r
	}
	p.pos, p.end, p.off, p.line, p.lastNL, p.rerr = 0, 0, 0, line, false, nil
	p.lineStart, p.lineRunes, p.prevRunes, p.nlCol = 0, 0, 0, 0
	p.colLine, p.ncol, p.nastral, p.tokAt = 0, 0, 0, -1
	p.lastOver = nil
}

// mark returns the arena's position: release(mark) hands out again every
// node allocated after it.
func (p *jsonParser) mark() arenaMark { return arenaMark{p.nodes.bi, p.nodes.ni} }

// release makes the nodes allocated since m free again; nothing may refer
// to them any more. They are cleared, so that they keep no strings alive.
func (p *jsonParser) release(m arenaMark) {
	a := &p.nodes
	for bi := m.bi; bi <= a.bi && bi < len(a.blocks); bi++ {
		from, to := 0, nodeBlock
		if bi == m.bi {
			from = m.ni
		}
		if bi == a.bi {
			to = a.ni
		}
		clear(a.blocks[bi][from:to])
	}
	a.bi, a.ni = m.bi, m.ni
}

// jsonBufSize is the parser's read size.
const jsonBufSize = 64 << 10

// maxInternedKeys bounds the key cache: keys past it are still read, just
// not interned (a hostile file cannot grow the cache without limit).
const maxInternedKeys = 4096

// maxInternedKeyLen: longer keys are not interned (real keys are short; a
// thousand keys of a megabyte each would otherwise stay for the whole file).
const maxInternedKeyLen = 64

// newJSONParser makes the parser of one file, its tokens bounded by the
// file's MaxRecordBytes.
func newJSONParser(src *Source) *jsonParser {
	p := &jsonParser{r: src.R, src: src, buf: make([]byte, jsonBufSize), line: 1, keys: map[string]string{}, hold: -1, tok: -1, tokAt: -1}
	p.recode = src.mixed != nil && src.mixed.primary == nil
	if src.Opts != nil {
		p.max = src.Opts.MaxRecordBytes
	}
	return p
}

// offset is the input offset of the next byte.
func (p *jsonParser) offset() int64 { return p.off + int64(p.pos) }

// fill reads more input, keeping buf[keep:] (keep ≤ pos); it reports
// whether any bytes came. keep moves to 0: callers re-base their indexes by
// what fill returns as the shift.
func (p *jsonParser) fill(keep int) (shift int, ok bool) {
	if p.rerr != nil {
		return 0, false
	}
	if p.hold >= 0 && p.hold < keep {
		keep = p.hold
	}
	if keep > 0 {
		if p.tok >= p.off && p.tok < p.off+int64(keep) {
			p.tokCol = p.column(int(p.tok - p.off))
		}
		if p.lineStart < p.off+int64(keep) {
			// a line running past the bytes dropped (rare but for files of
			// one long line): its characters in them, for column
			p.lineRunes += runeCount(p.buf[max(p.lineStart-p.off, 0):keep])
			if p.cols {
				p.countTo(keep)
			}
		}
		n := copy(p.buf, p.buf[keep:p.end])
		p.off += int64(keep)
		p.pos -= keep
		if p.hold >= 0 {
			p.hold -= keep
		}
		p.end = n
		shift = keep
	}
	if p.end == len(p.buf) {
		p.buf = append(p.buf, make([]byte, len(p.buf))...)
	}
	for {
		n, err := p.r.Read(p.buf[p.end:])
		if n > 0 && p.types != nil && p.types.see(p.buf[p.end:p.end+n]) {
			p.types = nil
		}
		p.end += n
		if err != nil {
			p.rerr = err
		}
		if n > 0 || err != nil {
			return shift, n > 0
		}
	}
}

// readErr is the error of input that ended: a truncated file, or the read
// error that stopped it. A truncated file's error names the line and the
// column where the input ends, just past its last character (the line
// before, when it ends in a line break).
func (p *jsonParser) readErr() error {
	if p.rerr != nil && p.rerr != io.EOF {
		return fmt.Errorf("line %d: %w", p.line, p.rerr)
	}
	line, col := p.line, p.column(trimCR(p.buf, int(max(p.lineStart-p.off, 0)), p.end))
	if p.lastNL && line > 1 {
		line, col = line-1, p.nlCol
	}
	return fmt.Errorf("line %d, column %d: unexpected end of JSON (truncated file?)", line, col)
}

// trimCR is end, less one when b[from:end] ends in a CR (of a line break
// the input does not hold all of): a column past a line's last character
// does not count it.
func trimCR(b []byte, from, end int) int {
	if end > from && b[end-1] == '\r' {
		return end - 1
	}
	return end
}

// newLine notes that a line starts at buf[i].
func (p *jsonParser) newLine(i int) {
	p.prevRunes = p.lineRunes
	p.lineStart, p.lineRunes = p.off+int64(i), 0
}

// endColumn notes, before space reads on past the end of buf just after a
// line break (lastNL), the column just past the last character of the line
// that break ends, for readErr; computed only then, at most once a read.
func (p *jsonParser) endColumn() {
	nl := int(p.lineStart-p.off) - 1 // the line break
	if nl < 0 || nl >= p.end {
		return // noted before the read that dropped it
	}
	from := bytes.LastIndexByte(p.buf[:nl], '\n') + 1
	p.nlCol = p.prevRunes + runeColumn(p.buf[from:nl], trimCR(p.buf, from, nl)-from)
}

// recordCol is where a record (a value) starting at buf[i] is on its
// line, when the line holds more than blanks before it: its 1-based
// column in characters, and in UTF-16 code units (col16). 0, 0: it starts
// its line (after indentation), which says where it is. The characters
// are counted on from the last column asked of the line (or from where
// fill dropped bytes of it): the elements of an array minified on one
// line are counted once in all, not each from the line's start.
func (p *jsonParser) recordCol(i int) (col, col16 int) {
	if p.off+int64(i) == p.tokAt {
		if p.tokFirst {
			return 0, 0
		}
	} else {
		// (a record inside a value read whole: the line's start is in buf,
		// or something else is before it there)
		from := int(max(p.lineStart-p.off, 0))
		j := i
		for j > from && (p.buf[j-1] == ' ' || p.buf[j-1] == '\t' || p.buf[j-1] == '\r') {
			j--
		}
		if j == from && p.lineStart >= p.off {
			return 0, 0
		}
	}
	if !p.countTo(i) {
		return 0, 0
	}
	return p.colChars + 1, p.colChars + p.colAstral + 1
}

// noteCol sets the column value gives the node of the value at buf[i]
// (recordCol's; jnode.col).
func (p *jsonParser) noteCol(i int) {
	col, col16 := p.recordCol(i)
	p.ncol, p.nastral = clampInt32(col), col16-col
}

// clampInt32 is n as an int32, 0 past it (a column of over 2 G characters
// is none).
func clampInt32(n int) int32 {
	if n < 0 || n > 1<<31-1 {
		return 0
	}
	return int32(n)
}

// countTo counts the characters of the current line on to buf[i]; false
// when it cannot (the line's start was dropped uncounted, or i is before
// the count).
func (p *jsonParser) countTo(i int) bool {
	at := p.off + int64(i)
	if p.colLine != p.line || p.colOff < p.lineStart {
		if p.lineStart < p.off {
			return false
		}
		p.colLine, p.colOff, p.colChars, p.colAstral = p.line, p.lineStart, 0, 0
	}
	if at < p.colOff || p.colOff < p.off {
		return false
	}
	n, a := charsAstral(p.buf[p.colOff-p.off : i])
	p.colChars += n
	p.colAstral += a
	p.colOff = at
	return true
}

// charsAstral counts the code points of valid UTF-8 (codePoints) and
// those of them beyond the BMP (astral) in one pass, eight bytes at a
// time: the columns of a minified array count every byte of it.
func charsAstral(b []byte) (chars, astral int) {
	cont, i := 0, 0
	for ; i+8 <= len(b); i += 8 {
		if x := word(b, i); x&highs != 0 {
			cont += bits.OnesCount64(x &^ (x << 1) & highs) // 10xxxxxx
			if y := x & (x << 1) & highs; y != 0 {
				astral += bits.OnesCount64(y & (x << 2) & (x << 3)) // 1111xxxx
			}
		}
	}
	for ; i < len(b); i++ {
		switch c := b[i]; {
		case c&0xC0 == 0x80:
			cont++
		case c >= 0xF0:
			astral++
		}
	}
	return len(b) - cont, astral
}

// column is the 1-based column, in characters, of buf[i] on its line:
// computed only for an error.
func (p *jsonParser) column(i int) int {
	from := int(max(p.lineStart-p.off, 0))
	if i < from {
		return 1
	}
	return p.lineRunes + runeColumn(p.buf[from:p.end], i-from)
}

// syntax is the error of an unexpected byte c, at buf[pos], worded as
// encoding/json words it but for a byte beyond ASCII, which is named as the
// character it starts (see invalidChar; the rest of the character is read
// if need be).
func (p *jsonParser) syntax(c byte, context string) error {
	what := "invalid character " + quoteChar(c)
	if c >= utf8.RuneSelf {
		if p.pos < p.end && p.buf[p.pos] == c {
			if !utf8.FullRune(p.buf[p.pos:p.end]) {
				p.ensure(utf8.UTFMax)
			}
			what = invalidChar(p.buf[:p.end], p.pos)
		} else {
			what = invalidChar([]byte{c}, 0)
		}
	}
	return fmt.Errorf("line %d, column %d: invalid JSON: %s %s", p.line, p.column(p.pos), what, context)
}

// invalidChar words the start of a syntax error ("invalid character …")
// about the byte at b[i], which JSON does not allow there. encoding/json
// names the byte as if it were a character of Latin-1 ('â' for the first
// byte of '“'); a byte beyond ASCII is named here as the character it is
// part of, with its code point, since those that stray into JSON are the
// look-alikes of the ASCII ones it wants: '“' (U+201C), '：' (U+FF1A),
// '，' (U+FF0C). A character that prints as nothing is named by its code
// point (and what it is, for the usual ones: a byte-order mark left where
// files were joined, a no-break or ideographic space); a byte that is not
// part of valid UTF-8, as a byte (byte 0xff). An index past b names
// nothing.
func invalidChar(b []byte, i int) string {
	if i < 0 || i >= len(b) {
		return "invalid character"
	}
	c := b[i]
	if c < utf8.RuneSelf {
		return "invalid character " + quoteChar(c)
	}
	start := i
	if c&0xC0 == 0x80 {
		// a continuation byte: of a character that starts before it?
		for k := i - 1; k >= 0 && k > i-utf8.UTFMax; k-- {
			if b[k]&0xC0 != 0x80 {
				start = k
				break
			}
		}
	}
	r, n := utf8.DecodeRune(b[start:])
	if r == utf8.RuneError && n == 1 || start+n <= i {
		return fmt.Sprintf("invalid byte 0x%02x (not UTF-8)", c)
	}
	if name := runeNames[r]; name != "" {
		return fmt.Sprintf("invalid character U+%04X (%s)", r, name)
	}
	if !unicode.IsPrint(r) {
		return fmt.Sprintf("invalid character U+%04X", r)
	}
	return fmt.Sprintf("invalid character '%c' (U+%04X)", r, r)
}

// runeNames names the characters that print as nothing (or as a blank)
// and stray into JSON.
var runeNames = map[rune]string{
	0xFEFF: "byte-order mark",
	0x00A0: "no-break space",
	0x3000: "ideographic space",
	0x200B: "zero-width space",
	0x2028: "line separator",
	0x2029: "paragraph separator",
}

// syntaxMessage is the text of encoding/json's syntax error se about data,
// with the character at fault named as invalidChar names it. off is where
// the error says it is in data: encoding/json's Offset counts the bytes
// read up to and including the byte at fault (Unmarshal, Valid) or, for a
// Decoder's tokens, up to it; the byte named is looked for around it, and
// the message is left as it is when it is not found.
func syntaxMessage(se *json.SyntaxError, data []byte, off int64) string {
	msg, _ := syntaxAt(se, data, off)
	return msg
}

// syntaxAt is syntaxMessage, also saying the index in data of the byte at
// fault (where the input ended, for a truncated value; off's byte when the
// byte named is not found).
func syntaxAt(se *json.SyntaxError, data []byte, off int64) (string, int) {
	msg := se.Error()
	at := int(min(max(off-1, 0), int64(len(data))))
	rest, ok := strings.CutPrefix(msg, "invalid character ")
	if !ok {
		if strings.HasPrefix(msg, "unexpected end of JSON") {
			at = len(data)
		}
		return msg, at
	}
	for _, d := range [...]int64{-1, 0, -2, -3, -4, 1} {
		k := off + d
		if k < 0 || k >= int64(len(data)) {
			continue
		}
		if after, ok := strings.CutPrefix(rest, quoteChar(data[k])); ok {
			return invalidChar(data, int(k)) + after, int(k)
		}
	}
	return msg, at
}

// runeColumn is the 1-based column of the character holding b[i] on a line
// that starts at b[0]: the characters before it, as editors count them
// (an invalid byte counts one), plus one. Computed only for an error.
func runeColumn(b []byte, i int) int {
	i = min(max(i, 0), len(b))
	if i < len(b) && !utf8.RuneStart(b[i]) {
		// inside a character only if one starts before it and reaches
		// it: a stray continuation byte is a character of its own
		for j := i - 1; j >= max(0, i-utf8.UTFMax+1); j-- {
			if utf8.RuneStart(b[j]) {
				if r, n := utf8.DecodeRune(b[j:]); !utf8.FullRune(b[j:]) || j+n > i && (r != utf8.RuneError || n > 1) {
					i = j
				}
				break
			}
		}
	}
	return utf8.RuneCount(b[:i]) + 1
}

// quoteChar quotes a byte as encoding/json's errors quote it.
func quoteChar(c byte) string {
	switch c {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}

// errOver is what str and number return for a value over the bound, which
// they read past (lastOver says where it was).
var errOver = errors.New("over the bound")

// over notes a string (str) or number over the bound, starting at input
// offset off, column col of the current line, size bytes long, that was
// read past.
func (p *jsonParser) over(off int64, col int, size int64, str bool) error {
	p.lastOver = &jsonOver{line: p.line, col: col, off: off, size: size, max: p.max, str: str}
	p.nover++
	return errOver
}

// skip reads past the rest of a string or number over the bound with sk,
// from buf[pos] on, dropping what it has read. A value that the input ends in
// (but a number), or whose syntax is wrong, is an error.
func (p *jsonParser) skip(sk *jsonSkip) error {
	p.hold = -1 // (a string over the bound is not recoded)
	for {
		n, serr := sk.feed(p.buf[p.pos:p.end])
		p.pos += n
		if serr != nil {
			// (a string or a number: never nested too deep)
			return p.syntax(p.buf[p.pos], serr.context)
		}
		if sk.done() {
			p.lastNL = false
			return nil
		}
		// (a character cut by the end of the buffer is kept whole, for
		// the column of what follows on the line)
		tail := max(p.pos-(utf8.UTFMax-1), 0)
		if _, ok := p.fill(tail + runeKeep(p.buf[tail:p.pos])); !ok {
			if p.rerr != io.EOF {
				return p.readErr()
			}
			if sk.end() {
				p.lastNL = false
				return nil
			}
			p.pos = p.end
			return p.readErr()
		}
	}
}

// tooDeep is the error of a container nested past maxJSONDepth, whose
// opening bracket, on line, has just been read.
func (p *jsonParser) tooDeep(line int) error {
	return fmt.Errorf("line %d, column %d: invalid JSON: nested more than %d levels deep", line, p.column(p.pos-1), maxJSONDepth)
}

// space skips white space and returns the next byte without consuming it;
// false at the end of the input.
func (p *jsonParser) space() (byte, bool) {
	var from int64
	if p.cols {
		from = p.offset()
	}
	for {
		for p.pos < p.end {
			switch c := p.buf[p.pos]; c {
			case '\n':
				p.line++
				p.lastNL = true
				p.newLine(p.pos + 1)
			case ' ', '\t', '\r':
				p.lastNL = false
			default:
				p.lastNL = false
				if p.cols && p.offset() != p.tokAt {
					// only blanks before it on its line: the blanks
					// skipped here began at the line's start (or a
					// line break was among them); space is what skips
					// the blanks before every token
					p.tokAt, p.tokFirst = p.offset(), from <= p.lineStart
				}
				return c, true
			}
			p.pos++
		}
		if p.lastNL {
			p.endColumn()
		}
		// a CR stays, so that the line break it starts is seen whole
		// (a column does not count it)
		keep := p.pos
		if keep > 0 && p.buf[keep-1] == '\r' {
			keep--
		}
		if _, ok := p.fill(keep); !ok {
			return 0, false
		}
	}
}

// next is space, but the end of the input is an error (a truncated value).
func (p *jsonParser) next() (byte, error) {
	c, ok := p.space()
	if !ok {
		return 0, p.readErr()
	}
	return c, nil
}

// value reads one whole value; depth is the nesting of the containers
// around it.
func (p *jsonParser) value(depth int) (*jnode, error) {
	c, err := p.next()
	if err != nil {
		return nil, err
	}
	line := p.line
	if p.cols {
		p.noteCol(p.pos)
	}
	switch c {
	case '{', '[':
		p.pos++
		return p.container(c, line, depth+1)
	case '"':
		nbad := p.nbad
		s, err := p.str(false)
		if err != nil {
			return p.overNode(line, 's', err)
		}
		n := p.node(line, 's', s)
		if p.nbad != nbad {
			n.odd = oddBad
		}
		return n, nil
	case 't', 'f', 'n':
		return p.literal(c, line)
	}
	if c == '-' || '0' <= c && c <= '9' {
		s, err := p.number()
		if err != nil {
			return p.overNode(line, 'n', err)
		}
		return p.node(line, 'n', s), nil
	}
	return nil, p.syntax(c, "looking for beginning of value")
}

// overNode is the node of a string or number that str or number failed to
// read with err: one over the bound, read past (any other error is
// returned).
func (p *jsonParser) overNode(line int, kind byte, err error) (*jnode, error) {
	if err != errOver {
		return nil, err
	}
	n := p.node(line, kind, "")
	n.noteOver(p.lastOver, nil)
	return n, nil
}

// container reads the rest of an object or array whose opening delimiter
// has been read.
func (p *jsonParser) container(open byte, line, depth int) (*jnode, error) {
	if depth > maxJSONDepth {
		return nil, p.tooDeep(line)
	}
	n := p.node(line, open, "")
	nbad, nover := p.nbad, p.nover
	base, baseK := len(p.stackV), len(p.stackK)
	var err error
	if open == '{' {
		err = p.members(n, depth, func(key string, v *jnode) error {
			p.stackK = append(p.stackK, key)
			p.stackV = append(p.stackV, v)
			return nil
		}, nil)
		if err == nil && len(p.stackK) > baseK {
			n.keys = append([]string(nil), p.stackK[baseK:]...)
		}
	} else {
		err = p.elements(depth, false, func(v *jnode) error {
			p.stackV = append(p.stackV, v)
			return nil
		}, nil)
	}
	if err == nil && len(p.stackV) > base {
		n.vals = append([]*jnode(nil), p.stackV[base:]...)
	}
	clear(p.stackV[base:])
	p.stackV = p.stackV[:base]
	clear(p.stackK[baseK:])
	p.stackK = p.stackK[:baseK]
	if err != nil {
		return nil, err
	}
	if p.nbad != nbad {
		n.odd |= oddBad
	}
	if p.nover != nover {
		n.noteOver(firstOverIn(n), nil)
	}
	return n, nil
}

// elements reads the elements of an array whose [ has been read, up to and
// including its ], handing each to fn. With recycle, an element's nodes are
// released once fn returns: fn must keep nothing of it. When custom is not
// nil it is asked first, before an element is read: if it reads the element
// itself it returns true.
func (p *jsonParser) elements(depth int, recycle bool, fn func(*jnode) error, custom func() (bool, error)) error {
	c, err := p.next()
	if err != nil {
		return err
	}
	if c == ']' {
		p.pos++
		return nil
	}
	for {
		done := false
		if custom != nil {
			if done, err = custom(); err != nil {
				return err
			}
		}
		if !done {
			m := p.mark()
			v, err := p.value(depth)
			if err != nil {
				return err
			}
			if err := fn(v); err != nil {
				return err
			}
			if recycle {
				p.release(m)
			}
		}
		c, err := p.next()
		if err != nil {
			return err
		}
		p.pos++
		switch c {
		case ',':
			continue
		case ']':
			return nil
		}
		p.pos--
		return p.syntax(c, "after array element")
	}
}

// members reads the members of an object n whose { has been read, up to
// and including its }, handing each to fn. When custom is not nil it is
// asked first, with the key read and the value not yet read: if it reads
// the value itself it returns true. A key over the bound is read as "",
// and noted (see jnode.keyOver).
func (p *jsonParser) members(n *jnode, depth int, fn func(string, *jnode) error, custom func(key string, line int) (bool, error)) error {
	c, err := p.next()
	if err != nil {
		return err
	}
	if c == '}' {
		p.pos++
		return nil
	}
	for {
		if c != '"' {
			return p.syntax(c, "looking for beginning of object key string")
		}
		line := p.line
		key, err := p.str(true)
		p.keyOver = err == errOver
		if err != nil {
			if err != errOver {
				return err
			}
			n.noteOver(nil, p.lastOver)
		}
		if c, err = p.next(); err != nil {
			return err
		}
		if c != ':' {
			return p.syntax(c, "after object key")
		}
		p.pos++
		done := false
		if custom != nil {
			if done, err = custom(key, line); err != nil {
				return err
			}
		}
		if !done {
			v, err := p.value(depth)
			if err != nil {
				return err
			}
			if err := fn(key, v); err != nil {
				return err
			}
		}
		if c, err = p.next(); err != nil {
			return err
		}
		p.pos++
		switch c {
		case ',':
			if c, err = p.next(); err != nil {
				return err
			}
			continue
		case '}':
			return nil
		}
		p.pos--
		return p.syntax(c, "after object key:value pair")
	}
}

// str reads a string at buf[pos] (its opening quote); key strings are
// interned.
func (p *jsonParser) str(key bool) (string, error) {
	if j, _ := plainStringEnd(p.buf[:p.end], p.pos+1); j >= 0 {
		b := p.buf[p.pos+1 : j]
		if p.max > 0 && len(b) > p.max {
			off, col := p.offset(), p.column(p.pos)
			p.pos = j + 1
			p.lastNL = false
			return "", p.over(off, col, int64(len(b)), true)
		}
		p.pos = j + 1
		p.lastNL = false
		return p.intern(b, key), nil
	}
	return p.strSlow(key)
}

// intern returns b as a string; keys come from the parser's key cache.
func (p *jsonParser) intern(b []byte, key bool) string {
	if !key {
		return string(b)
	}
	if s, ok := p.keys[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(p.keys) < maxInternedKeys && len(b) <= maxInternedKeyLen {
		p.keys[s] = s
	}
	return s
}

// strSlow reads a string with escapes, invalid UTF-8, control characters
// or a refill of the buffer in it, decoding it as encoding/json does; but
// invalid UTF-8 is recoded or counted bad (see jsonParser).
func (p *jsonParser) strSlow(key bool) (string, error) {
	out := p.scratch[:0]
	p.tok = p.offset()
	defer func() { p.scratch, p.tok = out[:0], -1 }()
	p.pos++ // the opening quote
	p.lastNL = false
	if p.recode {
		p.hold = p.pos
		defer func() { p.hold = -1 }()
	}
	invalid := false
	for {
		if p.max > 0 && p.offset()-p.tok-1 > int64(p.max) {
			// over the bound: read past the rest
			col := p.tokCol // (dropped by fill)
			if p.tok >= p.off {
				col = p.column(int(p.tok - p.off))
			}
			var sk jsonSkip
			sk.inString()
			if err := p.skip(&sk); err != nil {
				return "", err
			}
			return "", p.over(p.tok, col, p.offset()-p.tok-2, true)
		}
		if p.pos >= p.end {
			if _, ok := p.fill(p.pos); !ok {
				return "", p.readErr()
			}
		}
		c := p.buf[p.pos]
		switch {
		case c == '"':
			if invalid {
				if p.recode {
					if s, ok := p.recodeString(p.buf[p.hold:p.pos]); ok {
						p.pos++
						return s, nil
					}
				}
				p.nbad++
			}
			p.pos++
			return p.intern(out, key), nil
		case c == '\\':
			r, err := p.escape()
			if err != nil {
				return "", err
			}
			if utf16.IsSurrogate(r) {
				// a pair, when a \u escape of the second half follows
				if r2, ok := p.peekU4(); ok {
					if dec := utf16.DecodeRune(r, r2); dec != unicode.ReplacementChar {
						p.pos += 6
						out = utf8.AppendRune(out, dec)
						continue
					}
				}
				r = unicode.ReplacementChar
			}
			out = utf8.AppendRune(out, r)
		case c < 0x20:
			return "", p.syntax(c, "in string literal")
		case c < utf8.RuneSelf:
			out = append(out, c)
			p.pos++
		default:
			if !utf8.FullRune(p.buf[p.pos:p.end]) {
				// what the input has: a lone lead byte may be followed by
				// the closing quote and the end of the file (E1 22 7D)
				p.ensure(utf8.UTFMax)
			}
			r, size := utf8.DecodeRune(p.buf[p.pos:p.end])
			if r == utf8.RuneError && size == 1 {
				out = append(out, "\uFFFD"...)
				invalid = true
			} else {
				out = append(out, p.buf[p.pos:p.pos+size]...)
			}
			p.pos += size
		}
	}
}

// recodeString reads the content of a string (raw, escapes and all) that is
// not valid UTF-8 as GB18030 or Big5, when the file was guessed to be UTF-8
// and one of them reads it cleanly, noting its line as read in another
// encoding. The escapes are decoded after it: a GB18030 or Big5 character
// holds ASCII only as its trail byte, and one whose trail byte is a
// backslash, which the parser took for an escape, is read whole here (when
// the string is still a string without that backslash: see
// unquoteRecoded).
func (p *jsonParser) recodeString(raw []byte) (string, bool) {
	text, enc, ok := recodeLine(raw)
	if !ok {
		return "", false
	}
	s, ok := unquoteRecoded(text)
	if !ok {
		return "", false
	}
	if p.line != p.recodedLine {
		p.recodedLine = p.line
		p.src.mixed.note(p.line, enc)
	}
	return s, true
}

// unquoteRecoded decodes the escapes of a recoded string's content; false
// when the content is not that of a JSON string once recoded. A character
// that swallowed the backslash of an escaped quote (81 5C 22: 乗 and a
// bare quote) or of an escaped backslash (81 5C 5C: 乗 and a backslash
// escaping the closing quote) means that in that encoding the string does
// not end where the parser, reading UTF-8, found its end: the encoding
// does not read it cleanly (nor the line, as the JSONL reader finds), and
// the string stays invalid UTF-8.
func unquoteRecoded(text []byte) (string, bool) {
	if bytes.IndexByte(text, '\\') < 0 {
		// (the raw content holds a quote only after a backslash)
		if bytes.IndexByte(text, '"') >= 0 {
			return "", false
		}
		return string(text), true
	}
	var s string
	q := make([]byte, 0, len(text)+2)
	q = append(append(append(q, '"'), text...), '"')
	if err := json.Unmarshal(q, &s); err != nil {
		return "", false
	}
	return s, true
}

// ensure makes n bytes from pos available, or as many as the input has
// (it reports whether all n are).
func (p *jsonParser) ensure(n int) bool {
	for p.end-p.pos < n {
		if _, ok := p.fill(p.pos); !ok {
			return false
		}
	}
	return true
}

// escape reads the escape at buf[pos] (its backslash) and returns its rune.
func (p *jsonParser) escape() (rune, error) {
	if !p.ensure(2) {
		return 0, p.readErr()
	}
	c := p.buf[p.pos+1]
	p.pos += 2
	switch c {
	case '"', '\\', '/':
		return rune(c), nil
	case 'b':
		return '\b', nil
	case 'f':
		return '\f', nil
	case 'n':
		return '\n', nil
	case 'r':
		return '\r', nil
	case 't':
		return '\t', nil
	case 'u':
		var r rune
		for i := 0; i < 4; i++ {
			if !p.ensure(1) {
				return 0, p.readErr()
			}
			h := unhex(p.buf[p.pos])
			if h < 0 {
				return 0, p.syntax(p.buf[p.pos], `in \u hexadecimal character escape`)
			}
			r = r<<4 | h
			p.pos++
		}
		return r, nil
	}
	p.pos--
	return 0, p.syntax(c, "in string escape code")
}

// peekU4 reads, without consuming it, a \uXXXX escape at pos.
func (p *jsonParser) peekU4() (rune, bool) {
	if !p.ensure(6) || p.buf[p.pos] != '\\' || p.buf[p.pos+1] != 'u' {
		return 0, false
	}
	var r rune
	for _, c := range p.buf[p.pos+2 : p.pos+6] {
		h := unhex(c)
		if h < 0 {
			return 0, false
		}
		r = r<<4 | h
	}
	return r, true
}

// unhex is the value of a hexadecimal digit, -1 for any other byte.
func unhex(c byte) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}

// peek returns the byte at pos+i, reading more input if need be; false at
// the end of the input. Bytes from start on are kept (start is re-based,
// like pos, when the buffer moves).
func (p *jsonParser) peek(start *int, i int) (byte, bool) {
	for p.pos+i >= p.end {
		shift, ok := p.fill(*start)
		*start -= shift
		if !ok {
			return 0, false
		}
	}
	return p.buf[p.pos+i], true
}

// number reads a number (its text, as encoding/json's UseNumber keeps it).
func (p *jsonParser) number() (string, error) {
	start := p.pos
	c, _ := p.peek(&start, 0)
	i := 0
	digits := func() (int, byte, bool) { // digits from i; the byte after them
		n := 0
		for {
			c, ok := p.peek(&start, i)
			if !ok {
				return n, 0, false
			}
			if c < '0' || c > '9' {
				return n, c, true
			}
			n++
			i++
			if p.max > 0 && i > p.max {
				return n, c, true
			}
		}
	}
	if c == '-' {
		i++
		c, ok := p.peek(&start, i)
		if !ok {
			p.pos = p.end
			return "", p.readErr()
		}
		if c < '0' || c > '9' {
			p.pos += i
			return "", p.syntax(c, "in numeric literal")
		}
	}
	c, _ = p.peek(&start, i)
	var ok bool
	if c == '0' {
		i++
		c, ok = p.peek(&start, i)
	} else {
		_, c, ok = digits()
	}
	if ok && c == '.' {
		i++
		var n int
		if n, c, ok = digits(); n == 0 {
			if !ok {
				p.pos = p.end
				return "", p.readErr()
			}
			p.pos += i
			return "", p.syntax(c, "after decimal point in numeric literal")
		}
	}
	if ok && (c == 'e' || c == 'E') {
		i++
		c, ok = p.peek(&start, i)
		if ok && (c == '+' || c == '-') {
			i++
			c, ok = p.peek(&start, i)
		}
		if !ok {
			p.pos = p.end
			return "", p.readErr()
		}
		var n int
		if n, c, ok = digits(); n == 0 {
			p.pos += i
			return "", p.syntax(c, "in exponent of numeric literal")
		}
	}
	if p.max > 0 && i > p.max {
		// over the bound: read past it all, from its start
		col, from := p.column(p.pos), p.offset()
		var sk jsonSkip
		if err := p.skip(&sk); err != nil {
			return "", err
		}
		return "", p.over(from, col, p.offset()-from, false)
	}
	s := string(p.buf[p.pos : p.pos+i])
	p.pos += i
	p.lastNL = false
	return s, nil
}

// literal reads true, false or null.
func (p *jsonParser) literal(c byte, line int) (*jnode, error) {
	word, kind := "null", byte('0')
	switch c {
	case 't':
		word, kind = "true", 'b'
	case 'f':
		word, kind = "false", 'b'
	}
	start := p.pos
	for i := 1; i < len(word); i++ {
		b, ok := p.peek(&start, i)
		if !ok {
			p.pos = p.end
			return nil, p.readErr()
		}
		if b != word[i] {
			p.pos += i
			return nil, p.syntax(b, fmt.Sprintf("in literal %s (expecting %s)", word, quoteChar(word[i])))
		}
	}
	p.pos += len(word)
	p.lastNL = false
	if kind == 'b' {
		return p.node(line, kind, word), nil
	}
	return p.node(line, kind, ""), nil
}
