package transcript

import (
	"context"
	"io"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/chatlint/chatlint/lint"
)

// Elements of a top-level array that are plain message objects are not
// parsed by the reader: it only skims each one (finds where it ends and
// checks that it is valid JSON, valid UTF-8, within bounds, and no
// conversation) and hands its bytes to the engine (lint.DeferringSink), whose
// workers parse and walk it on every core (jsonElemParser), as JSONL
// records are. Anything the skim is unsure of goes the way it always did:
// parsed into nodes and walked here, so errors, recoding and conversations
// come out as before. The parallel parse is the same parser and the same
// walk (jsonWalker.message), so the message or rejection is the same too.

// maxSkim bounds the bytes of an element the reader skims; a longer one is
// parsed here (it would grow the buffer, and the engine's batches).
const maxSkim = 256 << 10

// maxSkimDepth bounds the nesting the skim follows (deeper: parsed here).
const maxSkimDepth = 32

// topElements reads the elements of a top-level array whose [ has been read,
// up to and including its ], as p.elements does with the walker's element,
// deferring plain message objects when it can.
func topElements(ctx context.Context, w *jsonWalker, p *jsonParser, sink lint.Sink) error {
	var skim func() (bool, error)
	if deferring, _ := sink.(lint.DeferringSink); deferring != nil && w.steps == nil && !w.b.m.skips {
		parser := newJSONElemParser(w, p)
		limit := maxSkim
		if p.max > 0 && p.max < limit {
			limit = p.max // no token in it can be over the bound
		}
		skim = func() (bool, error) {
			if err := ctx.Err(); err != nil {
				return false, err
			}
			c, err := p.next()
			if err != nil || c != '{' {
				return false, err
			}
			k, nl, ok := p.skimMessage(limit)
			if !ok {
				return false, nil
			}
			w.outer++
			w.at = "[]"
			pos := lint.Pos{File: w.b.src.Name, Line: p.line}
			if err := deferring.Deferred(pos, p.buf[p.pos:p.pos+k], parser); err != nil {
				return false, err
			}
			p.pos += k
			p.line += nl
			p.lastNL = false
			return true, nil
		}
	}
	return p.elements(0, true, func(n *jnode) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		w.outer++
		w.at = "[]"
		return w.element(n)
	}, skim)
}

// skimMessage skims the object at buf[pos] (its {): ok when it is valid
// JSON all through (valid UTF-8 in its strings), at most limit bytes long,
// nested at most maxSkimDepth deep, and has no "messages" key of its own
// (which makes it a conversation). k is its length and nl the line breaks
// in it. It consumes nothing; it may read more input (and move buf).
func (p *jsonParser) skimMessage(limit int) (k, nl int, ok bool) {
	var stack [maxSkimDepth]byte // the open containers, innermost last
	depth := 0
	i := 0 // offset from pos of the next byte
	// at returns the byte at pos+i, reading more input if need be
	at := func() (byte, bool) {
		for p.pos+i >= p.end {
			if i >= limit {
				return 0, false
			}
			if _, ok := p.fill(p.pos); !ok {
				return 0, false
			}
		}
		return p.buf[p.pos+i], true
	}
	// ws skips white space
	ws := func() (byte, bool) {
		for {
			c, ok := at()
			if !ok {
				return 0, false
			}
			switch c {
			case '\n':
				nl++
			case ' ', '\t', '\r':
			default:
				return c, true
			}
			i++
		}
	}
	// str skims the string at pos+i (its quote); key: whether it is
	// exactly "messages" or holds escapes (so it might be)
	str := func() (messages, ok bool) {
		start := i + 1
		if j, _ := plainStringEnd(p.buf[:p.end], p.pos+start); j >= 0 {
			if j-p.pos > limit {
				return false, false
			}
			messages = string(p.buf[p.pos+start:j]) == "messages"
			i = j - p.pos + 1
			return messages, true
		}
		// escapes, or the buffer ends before the closing quote: byte by byte
		i = start
		esc := false
		for {
			c, ok := at()
			if !ok {
				return false, false
			}
			switch {
			case c == '"':
				messages = esc || string(p.buf[p.pos+start:p.pos+i]) == "messages"
				i++
				return messages, true
			case c == '\\':
				esc = true
				i++
				e, ok := at()
				if !ok {
					return false, false
				}
				i++
				switch e {
				case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				case 'u':
					for n := 0; n < 4; n++ {
						h, ok := at()
						if !ok || unhex(h) < 0 {
							return false, false
						}
						i++
					}
				default:
					return false, false
				}
			case c < 0x20:
				return false, false
			case c < utf8.RuneSelf:
				i++
			default:
				for p.end-(p.pos+i) < utf8.UTFMax {
					if _, ok := p.fill(p.pos); !ok {
						break
					}
				}
				r, size := utf8.DecodeRune(p.buf[p.pos+i : p.end])
				if r == utf8.RuneError && size == 1 {
					return false, false
				}
				i += size
			}
		}
	}
	// scalar skims a number or a literal at pos+i
	scalar := func(c byte) bool {
		switch c {
		case 't', 'f', 'n':
			word := "null"
			if c == 't' {
				word = "true"
			} else if c == 'f' {
				word = "false"
			}
			for n := 0; n < len(word); n++ {
				b, ok := at()
				if !ok || b != word[n] {
					return false
				}
				i++
			}
			return true
		}
		// a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
		digits := func() int {
			n := 0
			for {
				b, ok := at()
				if !ok || b < '0' || b > '9' {
					return n
				}
				i++
				n++
			}
		}
		if c == '-' {
			i++
		}
		b, ok := at()
		switch {
		case !ok:
			return false
		case b == '0':
			i++
		case '1' <= b && b <= '9':
			digits()
		default:
			return false
		}
		if b, ok := at(); ok && b == '.' {
			i++
			if digits() == 0 {
				return false
			}
		}
		if b, ok := at(); ok && (b == 'e' || b == 'E') {
			i++
			if b, ok := at(); ok && (b == '+' || b == '-') {
				i++
			}
			if digits() == 0 {
				return false
			}
		}
		// what follows must be there (the number's end is known) and may
		// not continue it as the parser would read it
		_, ok = at()
		return ok
	}
	c, ok := at()
	if !ok || c != '{' {
		return 0, 0, false
	}
	for {
		// c is the first byte of a value, at pos+i
		switch c {
		case '{', '[':
			if depth == maxSkimDepth {
				return 0, 0, false
			}
			stack[depth] = c
			depth++
			i++
			if c, ok = ws(); !ok {
				return 0, 0, false
			}
			if c == '}' && stack[depth-1] == '{' || c == ']' && stack[depth-1] == '[' {
				i++
				depth--
				goto after
			}
			if stack[depth-1] == '{' {
				goto key
			}
			continue
		case '"':
			if _, ok := str(); !ok {
				return 0, 0, false
			}
		default:
			if !scalar(c) {
				return 0, 0, false
			}
		}
	after:
		// a value ended at pos+i
		if depth == 0 {
			return i, nl, i <= limit
		}
		if c, ok = ws(); !ok {
			return 0, 0, false
		}
		i++
		switch {
		case c == ',' && stack[depth-1] == '{':
			if c, ok = ws(); !ok {
				return 0, 0, false
			}
			goto key
		case c == ',':
			if c, ok = ws(); !ok {
				return 0, 0, false
			}
			continue
		case c == '}' && stack[depth-1] == '{', c == ']' && stack[depth-1] == '[':
			depth--
			goto after
		}
		return 0, 0, false
	key:
		// c is at pos+i, where a key must start
		if c != '"' {
			return 0, 0, false
		}
		{
			messages, ok := str()
			if !ok || messages && depth == 1 {
				return 0, 0, false
			}
		}
		if c, ok = ws(); !ok || c != ':' {
			return 0, 0, false
		}
		i++
		if c, ok = ws(); !ok {
			return 0, 0, false
		}
	}
}

// jsonElemParser parses and walks the elements of a top-level array that
// topElements deferred, on the engine's workers: each parses with its own
// jsonParser and walks with a copy of the file's walker, which message
// leaves unchanged.
type jsonElemParser struct {
	w     jsonWalker // at "[]", no sink
	max   int
	plain bool // no field is mapped: quick reads the canonical keys
}

// newJSONElemParser makes the parser of the deferred elements of the file
// read by w and p.
func newJSONElemParser(w *jsonWalker, p *jsonParser) *jsonElemParser {
	e := &jsonElemParser{w: *w, max: p.max}
	e.w.sink, e.w.ctx, e.w.at = nil, nil, "[]"
	e.plain = w.b.m.cols == [nFields]string{}
	return e
}

// NewParser returns a parse function with its own parser.
func (e *jsonElemParser) NewParser() func([]byte, lint.Pos) (lint.Message, string) {
	p := &jsonParser{r: eofReader{}, src: e.w.b.src, max: e.max, keys: map[string]string{}, hold: -1}
	var dec [nFields][]byte // quick's decoded strings
	return func(raw []byte, pos lint.Pos) (lint.Message, string) {
		if e.plain {
			if m, why, ok := e.quick(raw, pos, &dec); ok {
				return m, why
			}
		}
		p.buf = append(p.buf[:0], raw...)
		p.pos, p.end, p.off, p.line, p.lastNL, p.rerr = 0, len(raw), 0, pos.Line, false, nil
		mark := p.mark()
		defer p.release(mark)
		n, err := p.value(0)
		if err != nil {
			// not reached: the reader skimmed it as valid
			return lint.Message{}, err.Error()
		}
		m, res, why := e.w.message(n, nil, "")
		if res != emitMessage {
			// never emitSkip: no types skip records (see topElements)
			return lint.Message{}, why
		}
		return m, ""
	}
}

// eofReader is an empty input.
type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

// quick reads a skimmed element (valid JSON, valid UTF-8) that holds the
// canonical fields as plain values (strings without escapes, numbers,
// booleans, null) and a text, as the walker does (the last of a repeated key
// counts); ok false: anything else, which the parser and the walker read.
// The strings the message keeps share one allocation.
func (e *jsonElemParser) quick(raw []byte, pos lint.Pos, dec *[nFields][]byte) (m lint.Message, why string, ok bool) {
	// each field's value: raw[from[f]:to[f]], or lit[f] (a boolean), or
	// dec[f] (a string with escapes, decoded); has[f]: present and not null
	var from, to [nFields]int
	var lit [nFields]string
	var has, escaped [nFields]bool
	i := 1
	for {
		i = skipWS(raw, i)
		if i >= len(raw) {
			return m, "", false
		}
		if raw[i] == '}' {
			break
		}
		if raw[i] != '"' {
			return m, "", false
		}
		j, _ := plainStringEnd(raw, i+1)
		if j < 0 {
			return m, "", false
		}
		f := canonicalField(raw[i+1 : j])
		i = skipWS(raw, j+1)
		if i >= len(raw) || raw[i] != ':' {
			return m, "", false
		}
		i = skipWS(raw, i+1)
		if i >= len(raw) {
			return m, "", false
		}
		vFrom, vTo, vLit, null, esc := 0, 0, "", false, false
		switch c := raw[i]; {
		case c == '"':
			j, _ := plainStringEnd(raw, i+1)
			switch {
			case j >= 0:
				vFrom, vTo, i = i+1, j, j+1
			case f >= 0:
				dec[f], i = unescapeJSON(dec[f][:0], raw, i+1)
				esc = true
			default:
				i = skipString(raw, i+1)
			}
		case c == 't':
			vLit, i = "true", i+4
		case c == 'f':
			vLit, i = "false", i+5
		case c == 'n':
			null, i = true, i+4
		case c == '-' || '0' <= c && c <= '9':
			j := i + 1
			for j < len(raw) && (raw[j] >= '0' && raw[j] <= '9' || raw[j] == '.' || raw[j] == 'e' || raw[j] == 'E' || raw[j] == '+' || raw[j] == '-') {
				j++
			}
			vFrom, vTo, i = i, j, j
		default:
			if f >= 0 {
				return m, "", false // an object or a list: the walker words why not
			}
			if !skipNested(raw, &i) {
				return m, "", false
			}
		}
		if f >= 0 {
			from[f], to[f], lit[f], has[f], escaped[f] = vFrom, vTo, vLit, !null, esc
		}
		i = skipWS(raw, i)
		if i >= len(raw) {
			return m, "", false
		}
		if raw[i] == ',' {
			i++
		}
	}
	if !has[fText] {
		return m, "", false
	}
	var r record
	size := 0
	for f := range nFields {
		switch {
		case !has[f] || lit[f] != "" || f == fRole && !escaped[f]:
		case escaped[f]:
			size += len(dec[f])
		default:
			size += to[f] - from[f]
		}
	}
	all := make([]byte, 0, size)
	for f := range nFields {
		switch {
		case !has[f] || lit[f] != "" || f == fRole && !escaped[f]:
		case escaped[f]:
			all = append(all, dec[f]...)
		default:
			all = append(all, raw[from[f]:to[f]]...)
		}
	}
	at := 0
	for f := range nFields {
		switch {
		case !has[f]:
			continue
		case lit[f] != "":
			r.v[f] = lit[f]
		case f == fRole && !escaped[f]:
			// read, never kept (an error's words copy it)
			r.v[f] = unsafe.String(unsafe.SliceData(raw[from[f]:]), to[f]-from[f])
		default:
			n := to[f] - from[f]
			if escaped[f] {
				n = len(dec[f])
			}
			r.v[f] = unsafe.String(unsafe.SliceData(all[at:]), n)
			at += n
		}
		r.ok[f] = true
	}
	m, perr := e.w.b.build(&r, pos, "")
	if perr != "" {
		return lint.Message{}, perr, true
	}
	m.TextCol = -1
	return m, "", true
}

// canonicalField is the index of a canonical field name, -1 for any other
// key.
func canonicalField(key []byte) int {
	switch string(key) {
	case "conversation":
		return fConv
	case "id":
		return fID
	case "time":
		return fTime
	case "role":
		return fRole
	case "sender":
		return fSender
	case "type":
		return fType
	case "text":
		return fText
	}
	return -1
}

// skipNested skips the (valid) object or list at raw[*i]; false when a
// string in it holds escapes.
func skipNested(raw []byte, i *int) bool {
	depth := 0
	for j := *i; j < len(raw); j++ {
		switch raw[j] {
		case '"':
			k, _ := plainStringEnd(raw, j+1)
			if k < 0 {
				return false
			}
			j = k
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth == 0 {
				*i = j + 1
				return true
			}
		}
	}
	return false
}

// skipString skips the rest of a (valid) string whose content starts at
// raw[i], returning the offset past its closing quote.
func skipString(raw []byte, i int) int {
	for i < len(raw) {
		switch raw[i] {
		case '\\':
			i += 2
			continue
		case '"':
			return i + 1
		}
		i++
	}
	return i
}

// unescapeJSON appends to out the content of a (valid, valid UTF-8) string
// starting at raw[i], its escapes decoded as jsonParser.strSlow decodes them
// (a lone surrogate is U+FFFD), and returns it with the offset past the
// closing quote.
func unescapeJSON(out, raw []byte, i int) ([]byte, int) {
	u4 := func(at int) (rune, bool) { // the \uXXXX escape at raw[at], if one
		if at+6 > len(raw) || raw[at] != '\\' || raw[at+1] != 'u' {
			return 0, false
		}
		var r rune
		for _, c := range raw[at+2 : at+6] {
			h := unhex(c)
			if h < 0 {
				return 0, false
			}
			r = r<<4 | h
		}
		return r, true
	}
	for i < len(raw) {
		c := raw[i]
		switch {
		case c == '"':
			return out, i + 1
		case c != '\\':
			out = append(out, c)
			i++
			continue
		}
		var r rune
		switch raw[i+1] {
		case 'b':
			r = '\b'
		case 'f':
			r = '\f'
		case 'n':
			r = '\n'
		case 'r':
			r = '\r'
		case 't':
			r = '\t'
		case 'u':
			r, _ = u4(i)
			i += 4
		default: // " \\ /
			r = rune(raw[i+1])
		}
		i += 2
		if utf16.IsSurrogate(r) {
			if r2, ok := u4(i); ok {
				if d := utf16.DecodeRune(r, r2); d != unicode.ReplacementChar {
					out = utf8.AppendRune(out, d)
					i += 6
					continue
				}
			}
			r = unicode.ReplacementChar
		}
		out = utf8.AppendRune(out, r)
	}
	return out, i
}
