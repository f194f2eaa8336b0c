package transcript

import (
	"fmt"
	"math/bits"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// A JSON value over the bound a record may take (Options.MaxRecordBytes: a
// string, key or value, or a number, whose text is longer; a record of a
// 企业微信 array) is not read: the readers read past it, keeping nothing of
// it, and the message it is in is rejected (see jsonOver), so that the
// rest of the file is read. Reading past it checks its syntax as
// encoding/json would (jsonSkip): a value cut short by the end of the file
// or broken after the bound cannot be read past, and ends the file with an
// error saying where, as it would within the bound.

// jsonOver is a value over the bound that was read past: where it starts,
// and its length (a string's text between its quotes, as written).
type jsonOver struct {
	line, col int
	off       int64 // its input offset (what comes first in a node)
	size      int64
	max       int
	str       bool // a string (else a number, or a whole record)
}

// why is the reason of a message rejected for the value, the message
// starting on line.
func (o *jsonOver) why(line int) string {
	at := fmt.Sprintf("column %d", o.col)
	if o.line != line {
		at = fmt.Sprintf("line %d, column %d", o.line, o.col)
	}
	return fmt.Sprintf("JSON value at %s is %s long, over the %s a record may take (4 × --max-message-size); not read",
		at, lint.ByteSize(o.size), lint.ByteSize(int64(o.max)))
}

// describe names the value as jnode.describe names one.
func (o *jsonOver) describe() string {
	if o.str {
		return "a string"
	}
	return "a number"
}

// jsonSkip reads past one JSON value, a piece of the input at a time
// (feed), keeping nothing of it but the nesting of its containers, and
// checks its syntax as encoding/json's scanner does: its errors (skipError)
// are worded as encoding/json words them. A number at the top ends at the
// first byte that is not part of it, which is not consumed (or at the end
// of the input: end).
type jsonSkip struct {
	state uint8
	key   bool   // the string being read is an object's key
	hex   int    // the hexadecimal digits of a \u escape still to come
	lit   string // the literal being read, and how much of it was
	litAt int
	stack []byte // the open containers, innermost last: '[' or '{'
}

// jsonSkip's states
const (
	skValue     = iota // a value is next (blanks before it)
	skFirstElem        // after [: a value or ]
	skFirstKey         // after {: a key or }
	skKey              // after , in an object: a key
	skColon            // after a key: its colon
	skAfter            // after a value in a container: , or the closing bracket
	skString           // in a string
	skEscape           // after a backslash in a string
	skHex              // in a \u escape
	skNeg              // after a number's minus sign
	skZero             // after a number's leading 0
	skInt              // in the digits of a number's integer part
	skDot              // after a number's decimal point
	skFrac             // in a number's fraction
	skExpMark          // after a number's e or E
	skExpSign          // after the sign of a number's exponent
	skExp              // in a number's exponent
	skLiteral          // in true, false or null
	skDone
)

// maxSkipDepth is the nesting jsonSkip follows, as encoding/json's scanner
// does (which a record within the bound meets).
const maxSkipDepth = 10000

// skipError is a syntax error in a value read past: at the byte at of what
// was fed, with encoding/json's words for where ("in string literal", or
// "exceeded max depth" for a bracket one too deep).
type skipError struct {
	at      int
	context string
}

// inString makes s read past the rest of a string whose opening quote has
// been read.
func (s *jsonSkip) inString() { s.state = skString }

// done reports whether the value has been read past.
func (s *jsonSkip) done() bool { return s.state == skDone }

// end reports whether the value ends where the input does: a number at the
// top that was being read.
func (s *jsonSkip) end() bool {
	if len(s.stack) == 0 {
		switch s.state {
		case skZero, skInt, skFrac, skExp:
			s.state = skDone
		}
	}
	return s.state == skDone
}

// endValue notes that a value was read.
func (s *jsonSkip) endValue() {
	if len(s.stack) == 0 {
		s.state = skDone
		return
	}
	s.state = skAfter
}

// feed reads past what it can of b: it returns how many bytes it consumed
// (all of b unless the value ends in it or an error stops it: at the byte
// at fault).
func (s *jsonSkip) feed(b []byte) (int, *skipError) {
	i := 0
	for i < len(b) && s.state != skDone {
		c := b[i]
		switch s.state {
		case skString:
			i = stringRun(b, i)
			if i == len(b) {
				return i, nil
			}
			switch c = b[i]; {
			case c == '"':
				if s.key {
					s.key, s.state = false, skColon
				} else {
					s.endValue()
				}
			case c == '\\':
				s.state = skEscape
			default:
				return i, &skipError{at: i, context: "in string literal"}
			}
		case skEscape:
			switch c {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.state = skString
			case 'u':
				s.state, s.hex = skHex, 4
			default:
				return i, &skipError{at: i, context: "in string escape code"}
			}
		case skHex:
			if unhex(c) < 0 {
				return i, &skipError{at: i, context: `in \u hexadecimal character escape`}
			}
			if s.hex--; s.hex == 0 {
				s.state = skString
			}
		case skValue, skFirstElem:
			switch {
			case isBlank(c):
			case c == ']' && s.state == skFirstElem:
				s.stack = s.stack[:len(s.stack)-1]
				s.endValue()
			default:
				if err := s.begin(c, i); err != nil {
					return i, err
				}
			}
		case skFirstKey, skKey:
			switch {
			case isBlank(c):
			case c == '"':
				s.key, s.state = true, skString
			case c == '}' && s.state == skFirstKey:
				s.stack = s.stack[:len(s.stack)-1]
				s.endValue()
			default:
				return i, &skipError{at: i, context: "looking for beginning of object key string"}
			}
		case skColon:
			switch {
			case isBlank(c):
			case c == ':':
				s.state = skValue
			default:
				return i, &skipError{at: i, context: "after object key"}
			}
		case skAfter:
			top := s.stack[len(s.stack)-1]
			switch {
			case isBlank(c):
			case c == ',' && top == '[':
				s.state = skValue
			case c == ',':
				s.state = skKey
			case c == ']' && top == '[' || c == '}' && top == '{':
				s.stack = s.stack[:len(s.stack)-1]
				s.endValue()
			case top == '[':
				return i, &skipError{at: i, context: "after array element"}
			default:
				return i, &skipError{at: i, context: "after object key:value pair"}
			}
		case skLiteral:
			if c != s.lit[s.litAt] {
				return i, &skipError{at: i, context: fmt.Sprintf("in literal %s (expecting %s)", s.lit, quoteChar(s.lit[s.litAt]))}
			}
			if s.litAt++; s.litAt == len(s.lit) {
				s.endValue()
			}
		case skNeg:
			switch {
			case c == '0':
				s.state = skZero
			case '1' <= c && c <= '9':
				s.state = skInt
			default:
				return i, &skipError{at: i, context: "in numeric literal"}
			}
		case skDot, skExpMark, skExpSign:
			switch {
			case '0' <= c && c <= '9' && s.state == skDot:
				s.state = skFrac
			case '0' <= c && c <= '9':
				s.state = skExp
			case s.state == skExpMark && (c == '+' || c == '-'):
				s.state = skExpSign
			case s.state == skDot:
				return i, &skipError{at: i, context: "after decimal point in numeric literal"}
			default:
				return i, &skipError{at: i, context: "in exponent of numeric literal"}
			}
		case skZero, skInt, skFrac, skExp:
			if s.state != skZero {
				for i < len(b) && '0' <= b[i] && b[i] <= '9' {
					i++
				}
				if i == len(b) {
					return i, nil
				}
				c = b[i]
			}
			switch {
			case c == '.' && (s.state == skZero || s.state == skInt):
				s.state = skDot
			case (c == 'e' || c == 'E') && s.state != skExp:
				s.state = skExpMark
			default:
				// the number ends before c, which is read again after it
				s.endValue()
				continue
			}
		}
		i++
	}
	return i, nil
}

// begin starts reading the value whose first byte, b[i], is c.
func (s *jsonSkip) begin(c byte, i int) *skipError {
	switch {
	case c == '{' || c == '[':
		if len(s.stack) >= maxSkipDepth {
			return &skipError{at: i, context: "exceeded max depth"}
		}
		s.stack = append(s.stack, c)
		s.state = skFirstKey
		if c == '[' {
			s.state = skFirstElem
		}
	case c == '"':
		s.state = skString
	case c == '-':
		s.state = skNeg
	case c == '0':
		s.state = skZero
	case '1' <= c && c <= '9':
		s.state = skInt
	case c == 't':
		s.state, s.lit, s.litAt = skLiteral, "true", 1
	case c == 'f':
		s.state, s.lit, s.litAt = skLiteral, "false", 1
	case c == 'n':
		s.state, s.lit, s.litAt = skLiteral, "null", 1
	default:
		return &skipError{at: i, context: "looking for beginning of value"}
	}
	return nil
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// stringRun returns the index of the first quote, backslash or control
// character in b from i on (len(b): none), eight bytes at a time.
func stringRun(b []byte, i int) int {
	for i+8 <= len(b) {
		if m := quoteOrControl(word(b, i)); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	for i < len(b) && b[i] >= 0x20 && b[i] != '"' && b[i] != '\\' {
		i++
	}
	return i
}

// quoteOrControl flags (with its high bit) the first byte of the
// little-endian word x that is a quote, a backslash or below 0x20, and
// perhaps bytes after it; 0 when there is none. A byte b below 0x80 is
// flagged by b-0x20 (below 0x20) or by b^c-1 (c itself), which borrow only
// from such a byte; a byte from 0x80 up never is.
func quoteOrControl(x uint64) uint64 {
	return ((x - 0x20*lows) | ((x ^ '"'*lows) - lows) | ((x ^ '\\'*lows) - lows)) &^ x & highs
}

// runeKeep is where to cut b, read up to its end, so that no character is
// cut in two: len(b), or the start of a character b ends in the middle of.
// (A column counts the characters of the bytes dropped before it: see
// jsonParser.fill.)
func runeKeep(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-(utf8.UTFMax-1); i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return i
			}
			break
		}
	}
	return len(b)
}

// runeCount is utf8.RuneCount (an invalid byte counts one), without the
// copy of the text beyond ASCII that utf8.RuneCount makes: the columns of
// a long line count the characters of every piece of it dropped.
func runeCount(b []byte) int {
	if utf8.Valid(b) {
		return codePoints(b)
	}
	n := 0
	for len(b) > 0 {
		_, size := utf8.DecodeRune(b)
		b = b[size:]
		n++
	}
	return n
}
