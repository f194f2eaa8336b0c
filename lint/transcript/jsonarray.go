package transcript

import (
	"bytes"
	"context"
	"io"
	"slices"
	"strconv"
	"sync"
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
// deferring plain message objects and conversations when it can.
func topElements(ctx context.Context, w *jsonWalker, p *jsonParser) error {
	return p.elements(0, true, func(n *jnode) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		w.outer++
		w.at = "[]"
		return w.element(n)
	}, elementSkimmer(w, p, "[]"))
}

// elementSkimmer returns what p.elements takes to read an element itself:
// one that skims the element and, if it is a plain message object, hands
// its bytes to the engine to be parsed in parallel, or if it is a
// conversation object, reads the object without its messages here and
// hands on each message with it. It does what the walker's element would
// with an element of the list at path at ("[]", "conversations[]"), and
// leaves anything else (true: done) to the walker. nil when the sink takes
// no raw records, or a messages path needs the walker.
func elementSkimmer(w *jsonWalker, p *jsonParser, at string) func() (bool, error) {
	deferring, _ := w.sink.(lint.DeferringSink)
	if deferring == nil || w.steps != nil {
		return nil
	}
	parser := newJSONElemParser(w, p, at)
	// a record that shares its line (a minified array's) is handed on
	// with its column, for its report if it is malformed
	columns, _ := w.sink.(lint.ColumnSink)
	if columns == nil {
		columns = noColumns{deferring}
	}
	limit := maxSkim
	if p.max > 0 && p.max < limit {
		limit = p.max // no token in it can be over the bound
	}
	// conversations: each message is handed on with the frame keys it may
	// read (its conversation's "conversation" and "id", which frame keeps,
	// and the first key of a mapped field's path), unless a mapped path
	// reads the messages themselves (messages[0].sender), which the frame
	// has not
	var cs convSkim
	csp := &cs
	need := map[string]bool{}
	for _, path := range w.paths {
		if len(path) > 0 && path[0].index < 0 && !path[0].iter {
			need[path[0].key] = true
			if isLayoutKey(path[0].key, "messages") {
				// (Messages too: the frame's list is left empty)
				csp = nil
			}
		}
	}
	var framer *jsonParser // reads the frames of conversations
	return func() (bool, error) {
		if err := w.ctx.Err(); err != nil {
			return false, err
		}
		c, err := p.next()
		if err != nil || c != '{' {
			return false, err
		}
		cs.reset()
		k, nl, ok := p.skimMessage(limit, csp, false)
		if !ok {
			return false, nil
		}
		obj := p.buf[p.pos : p.pos+k]
		if !cs.seen {
			w.outer++
			w.at = at
			pos := lint.Pos{File: w.b.src.Name, Line: p.line}
			w.records++
			col, col16 := p.recordCol(p.pos)
			if err := columns.DeferredAt(pos, col, col16, obj, parser); err != nil {
				return false, err
			}
		} else {
			// a conversation: its frame (the object without its
			// messages) read here, each message deferred with it
			if framer == nil {
				framer = parser.newParser()
			}
			frame := cs.frame(framer, obj, p.line, need, w)
			if frame == nil {
				// a text of its own beside its messages: the walker
				// rejects it (an object that does not read was not
				// skimmed as valid)
				return false, nil
			}
			w.outer++
			w.at = parser.inConv.at
			conv := newJSONConvParser(parser, frame, w.b.src.Name+"#"+strconv.Itoa(w.outer))
			for _, el := range cs.elems {
				pos := lint.Pos{File: w.b.src.Name, Line: p.line + el.nl}
				w.records++
				var col, col16 int
				if el.nl == 0 {
					col, col16 = p.recordCol(p.pos + el.start)
				} else {
					col, col16 = lineColumn(obj, el.start)
				}
				if err := columns.DeferredAt(pos, col, col16, obj[el.start:el.end], conv); err != nil {
					return false, err
				}
			}
		}
		if nl > 0 {
			p.newLine(p.pos + bytes.LastIndexByte(p.buf[p.pos:p.pos+k], '\n') + 1)
		}
		p.pos += k
		p.line += nl
		p.lastNL = false
		return true, nil
	}
}

// noColumns is a DeferringSink that takes no columns, as a ColumnSink
// (DeferredAt drops the column).
type noColumns struct{ lint.DeferringSink }

// DeferredAt is Deferred.
func (s noColumns) DeferredAt(pos lint.Pos, _, _ int, raw []byte, p lint.RecordParser) error {
	return s.Deferred(pos, raw, p)
}

// lineColumn is recordCol for b[i], a record on a line that starts in b
// (after a line break before i): its column in characters and in UTF-16
// code units, or 0, 0 when only blanks precede it on the line.
func lineColumn(b []byte, i int) (col, col16 int) {
	from := bytes.LastIndexByte(b[:i], '\n') + 1
	if len(bytes.TrimLeft(b[from:i], " \t\r")) == 0 {
		return 0, 0
	}
	n, a := charsAstral(b[from:i])
	return n + 1, n + a + 1
}

// skimMessage skims the object at buf[pos] (its {): ok when it is valid
// JSON all through (valid UTF-8 in its strings), at most limit bytes long,
// nested at most maxSkimDepth deep, and has no "messages" key of its own
// (which makes it a conversation) unless cs is given: a conversation is
// then ok too when its one "messages" key (written without escapes) holds
// a list of objects, and cs notes where they lie. k is its length and nl
// the line breaks in it. top: the object is a top-level value (a JSONL
// line), for which a "conversations" key is not ok either. It consumes
// nothing; it may read more input (and move buf).
func (p *jsonParser) skimMessage(limit int, cs *convSkim, top bool) (k, nl int, ok bool) {
	var stack [maxSkimDepth]byte // the open containers, innermost last
	depth := 0
	i := 0 // offset from pos of the next byte
	// inList: in the list of the conversation's messages (at depth 2),
	// which began after listNL line breaks
	inList, listNL := false, 0
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
	// str skims the string at pos+i (its quote); messages: whether it is
	// "messages" in any case (as the walker's layoutKey matches it) or
	// holds escapes (so it might be); conversations: whether it is
	// "conversations" in any case; exact: whether it is "messages" as
	// written
	conversations, exact := false, false
	str := func() (messages, ok bool) {
		start := i + 1
		if j, _ := plainStringEnd(p.buf[:p.end], p.pos+start); j >= 0 {
			if j-p.pos > limit {
				return false, false
			}
			exact = string(p.buf[p.pos+start:j]) == "messages"
			messages = exact || isLayoutKeyBytes(p.buf[p.pos+start:j], "messages")
			conversations = isLayoutKeyBytes(p.buf[p.pos+start:j], "conversations")
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
				exact = !esc && string(p.buf[p.pos+start:p.pos+i]) == "messages"
				messages = esc || isLayoutKeyBytes(p.buf[p.pos+start:p.pos+i], "messages")
				conversations = isLayoutKeyBytes(p.buf[p.pos+start:p.pos+i], "conversations")
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
				if i >= limit {
					// (as at would: the rest of the character is not
					// read past the limit, nor the string kept whole)
					return false, false
				}
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
		if inList && depth == 2 {
			if c != '{' {
				return 0, 0, false // the walker rejects it
			}
			cs.elems = append(cs.elems, elemSpan{start: i, nl: nl})
		}
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
		if inList {
			switch depth {
			case 2: // a message
				cs.elems[len(cs.elems)-1].end = i
			case 1: // the list
				cs.listEnd, cs.listNL, inList = i, nl-listNL, false
			}
		}
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
		list := false
		{
			messages, ok := str()
			if !ok {
				return 0, 0, false
			}
			if messages && depth == 1 {
				// (a key written otherwise, Messages or with escapes, is
				// the walker's: its hints name the list as written)
				if cs == nil || cs.seen || !exact {
					return 0, 0, false
				}
				cs.seen, list = true, true
			}
			if conversations && top && depth == 1 {
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
		if list {
			if c != '[' {
				return 0, 0, false // the walker rejects it
			}
			cs.listStart, inList, listNL = i, true, nl
		}
	}
}

// isLayoutKeyBytes is isLayoutKey for a key's bytes (without escapes), name
// "messages" or "conversations". Inlined, it tells most keys apart by their
// length or first byte, as the comparison with name alone did (no
// character beyond ASCII folds to m or c, as ſ does to s).
func isLayoutKeyBytes(key []byte, name string) bool {
	return len(key) >= len(name) && key[0]|0x20 == name[0] && foldsTo(key, name)
}

// foldsTo reports whether key is name in any case (see isLayoutKey). (Not
// inlined, so that isLayoutKeyBytes is.)
//
//go:noinline
func foldsTo(key []byte, name string) bool {
	return foldsToString(unsafe.String(unsafe.SliceData(key), len(key)), name)
}

// convSkim is what skimMessage notes of a conversation object: where its
// list of messages and their objects lie, as offsets from the object's
// start.
type convSkim struct {
	seen               bool // the object has a "messages" key
	listStart, listEnd int  // the list's [ and past its ]
	listNL             int  // line breaks in the list
	elems              []elemSpan
	buf                []byte // the frame's bytes
}

// elemSpan is where a message object lies in its conversation object, and
// the line breaks before it.
type elemSpan struct{ start, end, nl int }

func (cs *convSkim) reset() { *cs = convSkim{elems: cs.elems[:0], buf: cs.buf} }

// frame reads the conversation object obj (starting on line) without its
// messages, for the walker to take the fields its messages lack from: the
// keys in need, and those of its conversation and id in any case (a
// conversation's other keys, a long summary say, would be held while its
// messages wait to be parsed); nil if it cannot be read, or if it has a
// text of its own (for w). The nodes are the frame's own (the parser's are
// used again).
func (cs *convSkim) frame(p *jsonParser, obj []byte, line int, need map[string]bool, w *jsonWalker) *jnode {
	b := append(cs.buf[:0], obj[:cs.listStart]...)
	b = append(b, '[')
	for range cs.listNL {
		b = append(b, '\n') // the lines of what follows stay as they were
	}
	b = append(append(b, ']'), obj[cs.listEnd:]...)
	cs.buf = b
	p.reset(b, line)
	mark := p.mark()
	defer p.release(mark)
	n, err := p.value(0)
	if err != nil {
		return nil
	}
	if _, own := w.ownText(n); own {
		return nil
	}
	keep := &jnode{line: n.line, kind: n.kind, odd: n.odd, col: n.col}
	keep.setAstral(n.astralCount())
	for i, k := range n.keys {
		if f := fieldOf(k); need[k] || f == fConv || f == fID {
			keep.keys = append(keep.keys, k)
			keep.vals = append(keep.vals, n.vals[i])
		}
	}
	return keep.clone()
}

// clone copies n and everything in it to nodes of their own.
func (n *jnode) clone() *jnode {
	c := *n
	if n.ext != nil {
		e := *n.ext
		e.open = nil
		c.ext = &e
	}
	if n.vals != nil {
		c.vals = make([]*jnode, len(n.vals))
		for i, v := range n.vals {
			c.vals[i] = v.clone()
		}
	}
	c.keys = slices.Clone(n.keys)
	return &c
}

// jsonElemParser parses and walks the elements of a top-level array that
// topElements deferred, on the engine's workers: each parses with its own
// jsonParser and walks with a copy of the file's walker, which message
// leaves unchanged.
type jsonElemParser struct {
	w      jsonWalker // at the list's path, no sink
	inConv jsonWalker // w at the messages of a conversation element
	max    int
	plain  bool      // no field is mapped: quick reads the canonical keys
	pool   sync.Pool // parsers for the messages of conversations
}

// newJSONElemParser makes the parser of the deferred elements, at path at,
// of the file read by w and p.
func newJSONElemParser(w *jsonWalker, p *jsonParser, at string) *jsonElemParser {
	e := &jsonElemParser{w: *w, max: p.max}
	e.w.sink, e.w.ctx, e.w.at = nil, nil, at
	e.inConv = e.w
	e.inConv.at = joinPath(e.w.at, "messages[]")
	e.plain = w.b.m.cols == [nFields]string{}
	e.pool.New = func() any { return &quickParser{p: e.newParser()} }
	return e
}

// newParser returns a parser of single elements, such as the workers use.
func (e *jsonElemParser) newParser() *jsonParser {
	return &jsonParser{r: eofReader{}, src: e.w.b.src, max: e.max, keys: map[string]string{}, hold: -1}
}

// NewParser returns a parse function with its own parser (a skipped
// element comes back as a reason; the engine uses NewParserSkip).
func (e *jsonElemParser) NewParser() func([]byte, lint.Pos) (lint.Message, string) {
	return byValue(e.NewParserSkip())
}

// NewParserInto returns a parse function with its own parser that parses
// into *m (lint.InPlaceParser; a skipped element comes back as a reason).
func (e *jsonElemParser) NewParserInto() func([]byte, lint.Pos, *lint.Message) string {
	return inPlace(e.NewParserSkip())
}

// the engine parses deferred elements with NewParserSkip
var _ lint.SkippingParser = (*jsonElemParser)(nil)

// NewParserSkip returns a parse function with its own parser, which may
// skip an element (a type mapped to skip).
func (e *jsonElemParser) NewParserSkip() func([]byte, lint.Pos, *lint.Message) (string, bool) {
	q := &quickParser{p: e.newParser()}
	return func(raw []byte, pos lint.Pos, m *lint.Message) (why string, skip bool) {
		*m, why, skip = e.read(q, raw, pos, nil)
		return why, skip
	}
}

// read reads a deferred element raw (at pos) with q and walks it, as the
// reader's walker would: quickly when it can; in is its conversation (nil:
// a top-level element). skip: the element is skipped, for why.
func (e *jsonElemParser) read(q *quickParser, raw []byte, pos lint.Pos, in *jsonConvParser) (m lint.Message, why string, skip bool) {
	if e.plain {
		if m, why, skip, ok := e.quick(raw, pos, &q.dec, in); ok {
			return m, why, skip
		}
	}
	w, frames, conv := &e.w, []*jnode(nil), ""
	if in != nil {
		w, frames, conv = &e.inConv, in.frames[:], in.conv
	}
	p := q.p
	p.reset(raw, pos.Line)
	mark := p.mark()
	defer p.release(mark)
	n, err := p.value(0)
	if err != nil {
		// not reached: the reader skimmed it as valid
		return lint.Message{}, err.Error(), false
	}
	m, res, why := w.message(n, frames, conv)
	if res != emitMessage {
		return lint.Message{}, why, res == emitSkip
	}
	return m, "", false
}

// byValue and inPlace turn a parse function that may skip into the forms
// of lint.RecordParser and lint.InPlaceParser, where a skipped record
// comes back as a reason.
func byValue(parse func([]byte, lint.Pos, *lint.Message) (string, bool)) func([]byte, lint.Pos) (lint.Message, string) {
	return func(raw []byte, pos lint.Pos) (m lint.Message, why string) {
		why, _ = parse(raw, pos, &m)
		return m, why
	}
}

func inPlace(parse func([]byte, lint.Pos, *lint.Message) (string, bool)) func([]byte, lint.Pos, *lint.Message) string {
	return func(raw []byte, pos lint.Pos, m *lint.Message) string {
		why, _ := parse(raw, pos, m)
		return why
	}
}

// jsonConvParser parses the messages of one conversation object that
// topElements deferred: each is walked with the conversation's frame, as
// the reader's walker walks the messages of a conversation element. Made
// per conversation, it takes its parsers from its jsonElemParser's pool.
type jsonConvParser struct {
	e      *jsonElemParser
	frames [1]*jnode // the conversation object, without its messages
	conv   string    // its name when neither it nor a message has one
	// frameConv is the value the walker takes for a message without a
	// "conversation" key: the frame's "conversation", else its "id"
	frameConv *jnode
}

func newJSONConvParser(e *jsonElemParser, frame *jnode, conv string) *jsonConvParser {
	c := &jsonConvParser{e: e, frames: [1]*jnode{frame}, conv: conv, frameConv: frame.field(fConv)}
	if c.frameConv == nil {
		c.frameConv = frame.field(fID)
	}
	return c
}

// NewParser returns the parse function of the conversation's messages.
func (c *jsonConvParser) NewParser() func([]byte, lint.Pos) (lint.Message, string) {
	return byValue(c.parse)
}

// NewParserInto returns the parse function of the conversation's messages,
// parsing into *m.
func (c *jsonConvParser) NewParserInto() func([]byte, lint.Pos, *lint.Message) string {
	return inPlace(c.parse)
}

// the engine parses the messages with NewParserSkip (made per conversation
// and worker: a method value, the one allocation)
var _ lint.SkippingParser = (*jsonConvParser)(nil)

// NewParserSkip returns the parse function of the conversation's messages,
// which may skip one.
func (c *jsonConvParser) NewParserSkip() func([]byte, lint.Pos, *lint.Message) (string, bool) {
	return c.parse
}

// parse parses and walks one message of the conversation, with a parser
// from the pool.
func (c *jsonConvParser) parse(raw []byte, pos lint.Pos, m *lint.Message) (why string, skip bool) {
	q := c.e.pool.Get().(*quickParser)
	defer c.e.pool.Put(q)
	*m, why, skip = c.e.read(q, raw, pos, c)
	return why, skip
}

// quickParser is the scratch of a parse function: a parser, and quick's
// decoded strings.
type quickParser struct {
	p   *jsonParser
	dec [nFields][]byte
}

// eofReader is an empty input.
type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

// quick reads a skimmed element (valid JSON, valid UTF-8) that holds the
// canonical fields as plain values (strings without escapes, numbers,
// booleans, null) and a text, as the walker does (the last of a repeated key
// counts); ok false: anything else, which the parser and the walker read.
// The strings the message keeps share one allocation.
func (e *jsonElemParser) quick(raw []byte, pos lint.Pos, dec *[nFields][]byte, in *jsonConvParser) (m lint.Message, why string, skip, ok bool) {
	// each field's value: raw[from[f]:to[f]], or lit[f] (a boolean), or
	// dec[f] (a string with escapes, decoded); has[f]: present and not null
	var from, to [nFields]int
	var lit [nFields]string
	var has, escaped [nFields]bool
	convKey := false // a "conversation" key, null or not
	i := 1
	for {
		i = skipWS(raw, i)
		if i >= len(raw) {
			return m, "", false, false
		}
		if raw[i] == '}' {
			break
		}
		if raw[i] != '"' {
			return m, "", false, false
		}
		j, _ := plainStringEnd(raw, i+1)
		if j < 0 {
			return m, "", false, false
		}
		f := canonicalField(raw[i+1 : j])
		i = skipWS(raw, j+1)
		if i >= len(raw) || raw[i] != ':' {
			return m, "", false, false
		}
		i = skipWS(raw, i+1)
		if i >= len(raw) {
			return m, "", false, false
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
				return m, "", false, false // an object or a list: the walker words why not
			}
			if !skipNested(raw, &i) {
				return m, "", false, false
			}
		}
		if f >= 0 {
			from[f], to[f], lit[f], has[f], escaped[f] = vFrom, vTo, vLit, !null, esc
			convKey = convKey || f == fConv
		}
		i = skipWS(raw, i)
		if i >= len(raw) {
			return m, "", false, false
		}
		if raw[i] == ',' {
			i++
		}
	}
	if !has[fText] {
		return m, "", false, false
	}
	conv := ""
	var frameConv *jnode // the conversation's, for a message without one
	if in != nil {
		conv = in.conv
		if !convKey {
			if frameConv = in.frameConv; frameConv != nil && (frameConv.kind == '{' || frameConv.kind == '[') {
				return m, "", false, false // the walker words why not
			}
		}
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
	if frameConv != nil && frameConv.kind != '0' {
		r.set(fConv, frameConv.s)
	}
	if why := e.w.b.skipped(&r); why != "" {
		return lint.Message{}, why, true, true
	}
	m, perr := e.w.b.build(&r, pos, conv)
	if perr != "" {
		return lint.Message{}, perr, false, true
	}
	m.TextCol = -1
	return m, "", false, true
}

// canonicalField is the canonical field a key names (in any case, as the
// walker's field matches keys), -1 for any other key.
func canonicalField(key []byte) int {
	return fieldOf(unsafe.String(unsafe.SliceData(key), len(key)))
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
