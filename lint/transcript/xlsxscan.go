package transcript

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// xmlStream reads the tokens of a workbook part (a worksheet, the shared
// strings) as encoding/xml's RawToken does with Strict = false, several
// times faster: a hand-written scanner reads the tokens Excel, WPS and
// LibreOffice write — start and end tags with quoted attributes, text with
// the five predefined entities and numeric character references — straight
// from a buffer, without a copy unless an entity or a carriage return is
// decoded. Anything else (comments, processing instructions, CDATA,
// directives, other entities, non-ASCII names, attributes without quotes or
// values, malformed markup, the end of the input) it declines, and
// encoding/xml reads that one token from the same place, so the two always
// agree: the scanner only ever declines, it never decides differently.
//
// The part is read in 4 KiB reads, as encoding/xml's bufio.Reader reads it,
// so that a runLimit underneath fails at the same place.
type xmlStream struct {
	r        io.Reader
	buf      []byte
	pos, end int   // buf[pos:end] is read but not yet scanned
	base     int64 // the offset in the part of buf[0]
	err      error // what reading the part after buf[:end] gave
	// lines counts the line ends before offset linesAt (for the line
	// numbers of encoding/xml's errors)
	lines   int
	linesAt int64
	// tok is the token just read; pendingEnd says the next one is the end
	// of its self-closing element
	tok        xmlToken
	pendingEnd bool
	failed     error   // the error (or io.EOF) that ended the part
	text       []byte  // decoded text, when it differs from the input
	slowName   []byte  // an element name read by encoding/xml
	last       [2]byte // the last two bytes handed to encoding/xml
	declined   int     // the tokens encoding/xml read
}

// xmlTokenKind says what an xmlToken is.
type xmlTokenKind uint8

const (
	xmlText  xmlTokenKind = iota // character data
	xmlStart                     // a start tag
	xmlEnd                       // an end tag (also after a self-closing start tag)
	xmlOther                     // a comment, processing instruction or directive
)

// xmlToken is one token of a part, reduced to what the readers use. Its
// slices are valid until the next token is read.
type xmlToken struct {
	kind  xmlTokenKind
	local []byte // an element's name without its prefix
	text  []byte // character data, entities and line ends decoded
	// r, t and s are the values of the first attributes so named (whatever
	// their prefix), nil when absent
	r, t, s     []byte
	selfClosing bool
}

// xmlReadSize is the size of a read of the part: bufio's default, which
// encoding/xml reads through.
const xmlReadSize = 4096

// newXMLStream reads a part's tokens from r.
func newXMLStream(r io.Reader) *xmlStream {
	return &xmlStream{r: r, buf: make([]byte, 16*xmlReadSize)}
}

// scanStatus is what the scanner made of the input at hand.
type scanStatus uint8

const (
	scanDone    scanStatus = iota // a token was read
	scanMore                      // the token runs past the input read so far
	scanDecline                   // encoding/xml reads this token
)

// next returns the next token; io.EOF at the end of the part, or the error
// encoding/xml gives there.
func (s *xmlStream) next() (*xmlToken, error) {
	if s.pendingEnd {
		s.pendingEnd = false
		s.tok = xmlToken{kind: xmlEnd, local: s.tok.local}
		return &s.tok, nil
	}
	if s.failed != nil {
		return nil, s.failed
	}
	for {
		n, st := s.scan(s.buf[s.pos:s.end])
		if st == scanDone {
			s.pos += n
			s.pendingEnd = s.tok.selfClosing
			return &s.tok, nil
		}
		if st == scanMore && s.err == nil {
			s.fill()
			continue
		}
		tok, err := s.slowToken()
		if err != nil {
			s.failed = err
			return nil, err
		}
		s.pendingEnd = tok.selfClosing
		return tok, nil
	}
}

// fill reads more of the part, keeping buf[pos:end] (moved to the front,
// the buffer doubled when it is all unscanned): 4 KiB at a time until the
// buffer is full or the part ends. An error is kept for when the bytes
// before it have been scanned, as bufio does.
func (s *xmlStream) fill() {
	if s.pos > 0 {
		s.countLines(s.base + int64(s.pos))
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.base += int64(s.pos)
		s.pos = 0
	}
	if s.end+xmlReadSize > len(s.buf) {
		s.buf = append(s.buf[:s.end], make([]byte, len(s.buf))...)
		s.buf = s.buf[:cap(s.buf)]
	}
	empty := 0
	for s.err == nil && s.end+xmlReadSize <= len(s.buf) {
		n, err := s.r.Read(s.buf[s.end : s.end+xmlReadSize])
		s.end += n
		switch {
		case err != nil:
			s.err = err
		case n > 0:
			empty = 0
		default:
			if empty++; empty == 100 { // bufio's maxConsecutiveEmptyReads
				s.err = io.ErrNoProgress
			}
		}
	}
}

// countLines counts the line ends up to offset at (in the buffer).
func (s *xmlStream) countLines(at int64) {
	if at > s.linesAt {
		s.lines += bytes.Count(s.buf[s.linesAt-s.base:at-s.base], []byte{'\n'})
		s.linesAt = at
	}
}

// ReadByte hands encoding/xml the next byte of the part (see slowToken).
func (s *xmlStream) ReadByte() (byte, error) {
	if s.pos == s.end {
		if s.err == nil {
			s.fill()
		}
		if s.pos == s.end {
			return 0, s.err
		}
	}
	c := s.buf[s.pos]
	s.pos++
	s.last[0], s.last[1] = s.last[1], c
	return c, nil
}

// Read makes the stream an io.Reader for xml.NewDecoder, which reads it
// by ReadByte.
func (s *xmlStream) Read(p []byte) (int, error) {
	for i := range p {
		c, err := s.ReadByte()
		if err != nil {
			return i, err
		}
		p[i] = c
	}
	return len(p), nil
}

// slowToken reads one token with encoding/xml from where the scanner
// stopped (always between two tokens, where a decoder that read the part
// from its start would be too), then puts the stream after it. The line
// numbers of its syntax errors count from the start of the part.
func (s *xmlStream) slowToken() (*xmlToken, error) {
	s.declined++
	start := s.base + int64(s.pos)
	s.countLines(start)
	line := s.lines
	d := xml.NewDecoder(s)
	d.Strict = false
	t, err := d.RawToken()
	if err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			se.Line += line
		}
		return nil, err
	}
	// after a text, encoding/xml has read the '<' after it (and not
	// counted it): it is still in the buffer, before pos
	if p := start + d.InputOffset() - s.base; p >= 0 && p <= int64(s.end) {
		s.pos = int(p)
	}
	s.tok = xmlToken{kind: xmlOther}
	switch t := t.(type) {
	case xml.CharData:
		s.tok = xmlToken{kind: xmlText, text: t}
	case xml.EndElement:
		s.slowName = append(s.slowName[:0], t.Name.Local...)
		s.tok = xmlToken{kind: xmlEnd, local: s.slowName}
	case xml.StartElement:
		s.slowName = append(s.slowName[:0], t.Name.Local...)
		s.tok = xmlToken{kind: xmlStart, local: s.slowName, selfClosing: s.last == [2]byte{'/', '>'}}
		s.tok.r, s.tok.t, s.tok.s = []byte(attr(t, "r")), []byte(attr(t, "t")), []byte(attr(t, "s"))
	}
	return &s.tok, nil
}

// scan reads the token at the start of b into s.tok and returns its length.
func (s *xmlStream) scan(b []byte) (int, scanStatus) {
	if len(b) == 0 {
		return 0, scanMore
	}
	if b[0] != '<' {
		end := bytes.IndexByte(b, '<')
		if end < 0 {
			return 0, scanMore
		}
		text, ok := s.decodeText(b[:end])
		if !ok {
			return 0, scanDecline
		}
		s.tok = xmlToken{kind: xmlText, text: text}
		return end, scanDone
	}
	if len(b) < 2 {
		return 0, scanMore
	}
	if b[1] == '/' {
		return s.scanEndTag(b)
	}
	return s.scanStartTag(b)
}

// scanEndTag reads an end tag: </name>, spaces allowed before the '>'.
func (s *xmlStream) scanEndTag(b []byte) (int, scanStatus) {
	local, i, st := scanName(b, 2)
	if st != scanDone {
		return 0, st
	}
	i = skipSpace(b, i)
	if i == len(b) {
		return 0, scanMore
	}
	if b[i] != '>' {
		return 0, scanDecline
	}
	s.tok = xmlToken{kind: xmlEnd, local: local}
	return i + 1, scanDone
}

// scanStartTag reads a start tag: <name attr="value" …> or <… />.
func (s *xmlStream) scanStartTag(b []byte) (int, scanStatus) {
	local, i, st := scanName(b, 1)
	if st != scanDone {
		return 0, st
	}
	s.tok = xmlToken{kind: xmlStart, local: local}
	var seen uint8 // r, t, s found
	for {
		i = skipSpace(b, i)
		if i == len(b) {
			return 0, scanMore
		}
		switch b[i] {
		case '>':
			return i + 1, scanDone
		case '/':
			if i+1 == len(b) {
				return 0, scanMore
			}
			if b[i+1] != '>' {
				return 0, scanDecline
			}
			s.tok.selfClosing = true
			return i + 2, scanDone
		}
		var name []byte
		if name, i, st = scanName(b, i); st != scanDone {
			return 0, st
		}
		if i = skipSpace(b, i); i == len(b) {
			return 0, scanMore
		}
		if b[i] != '=' { // a value-less attribute
			return 0, scanDecline
		}
		if i = skipSpace(b, i+1); i == len(b) {
			return 0, scanMore
		}
		q := b[i]
		if q != '"' && q != '\'' { // an unquoted value
			return 0, scanDecline
		}
		start := i + 1
		if i, st = scanAttrValue(b, start, q); st != scanDone {
			return 0, st
		}
		if len(name) == 1 {
			v := b[start:i:i]
			switch bit := attrBit(name[0]); {
			case bit == 0 || seen&bit != 0:
			case bit == 1:
				s.tok.r = v
			case bit == 2:
				s.tok.t = v
			default:
				s.tok.s = v
			}
			seen |= attrBit(name[0])
		}
		i++ // the closing quote
	}
}

// attrBit is the bit of the attributes a start tag keeps (r, t, s), 0 for
// the others.
func attrBit(c byte) uint8 {
	switch c {
	case 'r':
		return 1
	case 't':
		return 2
	case 's':
		return 4
	}
	return 0
}

// scanAttrValue finds the quote q that ends the attribute value starting at
// b[i]. It declines values encoding/xml would change (entities, carriage
// returns) or reject.
func scanAttrValue(b []byte, i int, q byte) (int, scanStatus) {
	for ; i < len(b); i++ {
		switch c := b[i]; {
		case c == q:
			return i, scanDone
		case c == '<' || c == '&' || c == '\r':
			return 0, scanDecline
		case c < 0x20:
			if c != '\t' && c != '\n' {
				return 0, scanDecline
			}
		case c >= utf8.RuneSelf:
			if !utf8.FullRune(b[i:]) {
				return 0, scanMore
			}
			n := validRune(b[i:])
			if n == 0 {
				return 0, scanDecline
			}
			i += n - 1
		}
	}
	return 0, scanMore
}

// scanName reads the XML name at b[i] (ASCII only) and returns its local
// part: after the colon of a prefix, as encoding/xml splits names.
func scanName(b []byte, i int) (local []byte, next int, st scanStatus) {
	start, colon := i, -1
	if i == len(b) {
		return nil, 0, scanMore
	}
	if c := b[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_') {
		return nil, 0, scanDecline
	}
	for i++; ; i++ {
		if i == len(b) {
			return nil, 0, scanMore
		}
		c := b[i]
		if !nameByte[c] {
			if c >= utf8.RuneSelf {
				return nil, 0, scanDecline
			}
			break
		}
		if c == ':' {
			if colon >= 0 {
				return nil, 0, scanDecline
			}
			colon = i
		}
	}
	if colon >= 0 && colon < i-1 {
		return b[colon+1 : i : i], i, scanDone
	}
	return b[start:i:i], i, scanDone
}

// nameByte holds the ASCII bytes of XML names, as encoding/xml reads them.
var nameByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == ':' || c == '.' || c == '-'
	}
	return t
}()

// skipSpace skips the spaces encoding/xml skips in tags.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\n' || b[i] == '\t' || b[i] == '\r') {
		i++
	}
	return i
}

// validRune returns the length of the UTF-8 character at the start of b
// when it is one XML allows, 0 otherwise.
func validRune(b []byte) int {
	r, n := utf8.DecodeRune(b)
	if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
		return 0
	}
	return n
}

// decodeText decodes a text (no '<' in it) as encoding/xml does: entities
// replaced, "\r\n" and "\r" read as "\n". It declines what encoding/xml
// would reject or leave alone: characters XML does not allow, "]]>",
// entities other than the five predefined ones and character references.
// The result is raw itself unless something was decoded.
func (s *xmlStream) decodeText(raw []byte) ([]byte, bool) {
	out, copied, from := s.text[:0], false, 0
	for i := 0; i < len(raw); {
		c := raw[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '>' {
			i++
			continue
		}
		switch {
		case c >= utf8.RuneSelf:
			n := validRune(raw[i:])
			if n == 0 {
				return nil, false
			}
			i += n
			continue
		case c == '>':
			if i >= 2 && raw[i-1] == ']' && raw[i-2] == ']' {
				return nil, false
			}
			i++
			continue
		case c == '\t' || c == '\n' && (i == 0 || raw[i-1] != '\r'):
			i++
			continue
		case c == '\n': // after a '\r', which was written as '\n'
			out, copied, from = append(out, raw[from:i]...), true, i+1
			i++
			continue
		case c == '\r':
			out, copied = append(out, raw[from:i]...), true
			out = append(out, '\n')
			i++
			from = i
			continue
		case c != '&':
			return nil, false
		}
		r, n := entity(raw[i:])
		if n == 0 {
			return nil, false
		}
		out, copied = append(out, raw[from:i]...), true
		out = utf8.AppendRune(out, r)
		i += n
		from = i
	}
	if !copied {
		return raw, true
	}
	out = append(out, raw[from:]...)
	s.text = out
	return out, true
}

// entity reads the entity at the start of b: &lt; &gt; &amp; &apos; &quot;
// or a character reference (&#20320; &#x4F60;) of a character XML allows.
// n is 0 for anything else.
func entity(b []byte) (r rune, n int) {
	if len(b) < 3 {
		return 0, 0
	}
	if b[1] != '#' {
		for _, e := range [...]struct {
			name string
			r    rune
		}{{"lt;", '<'}, {"gt;", '>'}, {"amp;", '&'}, {"apos;", '\''}, {"quot;", '"'}} {
			if bytes.HasPrefix(b[1:], []byte(e.name)) {
				return e.r, 1 + len(e.name)
			}
		}
		return 0, 0
	}
	i, base := 2, rune(10)
	if b[i] == 'x' {
		i, base = 3, 16
	}
	start := i
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case i-start == 8: // longer than any character XML allows
			return 0, 0
		case '0' <= c && c <= '9':
			r = r*base + rune(c-'0')
		case base == 16 && 'a' <= c && c <= 'f':
			r = r*base + rune(c-'a'+10)
		case base == 16 && 'A' <= c && c <= 'F':
			r = r*base + rune(c-'A'+10)
		case c == ';' && i > start && xmlChar(r):
			return r, i + 1
		default:
			return 0, 0
		}
	}
	return 0, 0
}

// xmlChar reports whether XML allows character r (encoding/xml's
// isInCharacterRange).
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// atoiBytes is strconv.Atoi of b, without a copy for the common case (at
// most 18 digits).
func atoiBytes(b []byte) (int, error) {
	if len(b) == 0 || len(b) > 18 {
		return strconv.Atoi(string(b))
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return strconv.Atoi(string(b))
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}
