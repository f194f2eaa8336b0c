package transcript

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

func init() {
	register(&Format{
		Name:       "json",
		Extensions: []string{".json"},
		AutoDetect: true,
		Priority:   5, // before jsonl: a pretty-printed object also starts with {
		// an export saved as .txt
		Overrides:  []string{"txt"},
		Sniff:      sniffJSONInput,
		SniffBytes: bufSize,
		New:        func() Reader { return jsonReader{} },
	})
}

// sniffJSONInput is the json format's Sniff, given up to bufSize bytes of
// the start of the input (all of it when fewer): a JSON document (see
// sniffJSON), or one object alone on its line, with a list or an object
// among its members, as a minified export is (jq -c, an API's response
// saved): JSONL's fast path would read it as one record, every message
// in it unread. A flat object alone is a message, which JSONL reads.
func sniffJSONInput(head []byte) bool {
	if sniffJSON(head) {
		return true
	}
	if len(head) >= bufSize {
		return false // (a first line longer than that: sniffJSON's guess)
	}
	first, rest, _ := bytes.Cut(bytes.TrimLeft(head, " \t\r\n"), []byte("\n"))
	return len(first) > 0 && first[0] == '{' && len(bytes.TrimSpace(rest)) == 0 && json.Valid(first) && nestedMember(first)
}

// nestedMember reports whether obj, a valid JSON object, has a member whose
// value is an object or a list.
func nestedMember(obj []byte) bool {
	for i := 1; i < len(obj); i++ {
		switch obj[i] {
		case '"':
			i = jsonStringEnd(obj, i+1) - 1
		case ':':
			if j := skipJSONBlanks(obj, i+1); j < len(obj) && (obj[j] == '{' || obj[j] == '[') {
				return true
			}
		}
	}
	return false
}

// sniffJSON reports whether the input is a JSON document rather than JSON
// lines: an array, or an object that does not end on its first line; its
// start must read as JSON (see jsonStart). A first line that ends inside a
// string, with only strings, numbers and literals before it, is a JSONL
// record (see recordCut): one longer than head, or one broken by a line
// break in a string, which is a malformed record of its own, not a JSON
// syntax error that leaves the rest of the file unread.
func sniffJSON(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 || !jsonStart(head) {
		return false
	}
	if head[0] == '[' {
		return true
	}
	first, _, _ := bytes.Cut(head, []byte("\n"))
	return head[0] == '{' && !json.Valid(first) && !recordCut(first)
}

// recordCut reports whether line, the start of a top-level JSON object that
// does not end on it, ends inside a string (a key or a value) after members
// whose values are strings, numbers or literals: a flat record cut short, as
// JSONL's are. A JSON document's first line ends between tokens (pretty
// printed: "{" alone) or holds a nested object or list (minified).
func recordCut(line []byte) bool {
	i := 1 // after the {
	for {
		i = skipJSONBlanks(line, i)
		if i == len(line) || line[i] != '"' {
			return false
		}
		end := jsonStringEnd(line, i+1)
		if end < 0 {
			return true // inside the key
		}
		i = skipJSONBlanks(line, end)
		if i == len(line) || line[i] != ':' {
			return false
		}
		i = skipJSONBlanks(line, i+1)
		if i == len(line) {
			return false
		}
		switch line[i] {
		case '"':
			if end = jsonStringEnd(line, i+1); end < 0 {
				return true // inside the value
			}
			i = end
		case '{', '[':
			return false
		default: // a number or a literal
			for i < len(line) && bytes.IndexByte([]byte(", \t\r}"), line[i]) < 0 {
				i++
			}
		}
		i = skipJSONBlanks(line, i)
		if i == len(line) || line[i] != ',' {
			return false
		}
		i++
	}
}

// skipJSONBlanks returns the index of the first byte of b from i on that is
// not JSON white space (len(b) if none).
func skipJSONBlanks(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// jsonStringEnd returns the index after the quote that closes the string
// whose contents start at b[i], or -1 when b ends inside it.
func jsonStringEnd(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case '"':
			return i + 1
		case '\\':
			i++
		}
		i++
	}
	return -1
}

// jsonStart reports whether head starts as a JSON array or object does:
// after [ a value (an object, a list, a string, a literal, a number
// followed by a comma, ] or white space) or ], after { a key or }; or
// head ends before that tells. A chat dump's header line with the time in
// brackets ([2026-11-04 10:00:00] 张三: a number followed by -) or a name
// in braces ({客服}小美 …) does not. It reads a few bytes and allocates
// nothing.
func jsonStart(head []byte) bool {
	if len(head) == 0 || head[0] != '[' && head[0] != '{' {
		return false
	}
	open := head[0]
	rest := bytes.TrimLeft(head[1:], " \t\r\n")
	if len(rest) == 0 {
		return true // cut
	}
	c := rest[0]
	if open == '{' {
		return c == '"' || c == '}'
	}
	switch {
	case c == '{' || c == '[' || c == '"' || c == ']' || c == 't' || c == 'f' || c == 'n':
		return true
	case c == '-' || c >= '0' && c <= '9':
		i := 1
		for i < len(rest) {
			d := rest[i]
			// a sign only after the exponent's e
			if !(d >= '0' && d <= '9' || d == '.' || d == 'e' || d == 'E' || (d == '+' || d == '-') && (rest[i-1] == 'e' || rest[i-1] == 'E')) {
				break
			}
			i++
		}
		if i == len(rest) {
			return true // cut
		}
		switch rest[i] {
		case ',', ']', ' ', '\t', '\r', '\n':
			return true
		}
	}
	return false
}

// jsonReader reads JSON exports. Without a messages path it takes a
// top-level array of canonical messages, or of conversations
// ({"conversation"|"id": …, "messages": [...]}), or an object holding
// "conversations" or "messages" (these keys in any case, as the fields'
// keys: see layoutKey); with one (Mapping.Messages) any nesting,
// e.g. "[].turns[].utterances[]". A top-level array is read one element at
// a time (memory bounded by the largest element); so is the list of
// messages or conversations in a top-level object once it is over
// streamAfter (see objectStream). Several top-level values in a row (JSON
// lines saved as .json) are read one after the other.
type jsonReader struct{}

func (jsonReader) Read(ctx context.Context, src *Source, sink lint.Sink) error {
	return readJSON(ctx, src, sink, newJSONParser(src))
}

// readJSON reads src with the parser p.
func readJSON(ctx context.Context, src *Source, sink lint.Sink, p *jsonParser) error {
	w, err := newJSONWalker(ctx, src, sink)
	if err != nil {
		return err
	}
	// a malformed record is reported at its column when its line holds
	// more (a minified array's elements all start on line 1)
	p.cols = true
	p.types = src.types
	// the file so far is objects each alone on its line, as JSONL's are
	// (objs of them, the last one ending on line prevEnd): a syntax error
	// says that --input-format jsonl reads on past a broken line
	perLine, objs, prevEnd := true, 0, 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		c, ok := p.space()
		if !ok {
			if p.rerr != io.EOF {
				return p.readErr()
			}
			if w.records == 0 {
				// (as a CSV file of a header row alone: an export with
				// nothing in it is not a quiet day's)
				return errNoJSONMessages
			}
			return nil
		}
		line := p.line
		switch c {
		case '[':
			perLine = false
			if w.steps != nil && !w.steps[0].iter {
				return fmt.Errorf("line %d: the file holds an array, but the messages path %q starts with a key", line, pathString(w.steps))
			}
			p.pos++
			if err := topElements(ctx, w, p); err != nil {
				return err
			}
		case '{':
			perLine = perLine && line > prevEnd && p.offset() == p.lineStart
			p.pos++
			m := p.mark()
			if err := newObjectStream(w, p).read(line); err != nil {
				if perLine && objs > 0 && isJSONSyntaxError(err) {
					err = fmt.Errorf("%w; %s", err, perLineHint)
				}
				return err
			}
			p.release(m) // walked: its nodes are free again
			perLine, objs, prevEnd = perLine && p.line == line, objs+1, p.line

		default:
			perLine = perLine && line > prevEnd && p.offset() == p.lineStart
			n, err := p.value(0)
			if err != nil {
				if perLine && objs > 0 && isJSONSyntaxError(err) {
					// (a byte-order mark of files joined: JSONL reads past it)
					err = fmt.Errorf("%w; %s", err, perLineHint)
				}
				return err
			}
			return fmt.Errorf("line %d: expected a JSON array or object at the top, got %s", line, describeScalar(n))
		}
	}
}

// perLineHint ends the syntax error of a JSON file whose objects before
// the broken one were each alone on its line: JSON lines saved as .json
// (an API's export, jq -c '.[]'), whose broken line left the rest of the
// file unread.
const perLineHint = "the file holds one JSON object a line, as JSONL does: --input-format jsonl reads on past a broken line, which is one malformed record"

// isJSONSyntaxError reports whether err, met reading a JSON file, is the
// input's syntax (invalid JSON, a truncated file), not the walker's.
func isJSONSyntaxError(err error) bool {
	s := err.Error()
	return strings.Contains(s, ": invalid JSON: ") || strings.HasSuffix(s, ": unexpected end of JSON (truncated file?)")
}

// errNoJSONMessages is the error of a JSON file that holds structure but
// no record at all: [], {"conversations": []}, conversations with empty
// "messages" lists (an empty file is one of "empty file: no records").
var errNoJSONMessages = errors.New("no messages: its lists are empty")

// describeScalar names a scalar value in an error, as its JSON text (as
// its kind, when it is over the bound).
func describeScalar(n *jnode) string {
	if n.odd&oddOver != 0 {
		return n.describe()
	}
	switch n.kind {
	case 's':
		return fmt.Sprintf("the string %q", n.s)
	case '0':
		return "null"
	}
	return n.s
}

// newJSONWalker makes the walker of one file, its field paths compiled.
func newJSONWalker(ctx context.Context, src *Source, sink lint.Sink) (*jsonWalker, error) {
	b, err := newBuilder(src)
	if err != nil {
		return nil, err
	}
	w := &jsonWalker{ctx: ctx, b: b, sink: sink, msgPaths: b.m.messages}
	if len(w.msgPaths) > 0 {
		w.steps = w.msgPaths[0]
	}
	for i, spec := range b.m.cols {
		if spec == "" {
			continue
		}
		up := len(spec) - len(strings.TrimLeft(spec, "^"))
		p, err := parsePath(spec[up:], false)
		if err != nil {
			return nil, fmt.Errorf("mapping: field %s: %w", FieldNames[i], err)
		}
		w.paths[i], w.up[i] = p, up
	}
	return w, nil
}

// jsonWalker turns the elements of a JSON export into messages.
type jsonWalker struct {
	ctx      context.Context
	b        *builder
	sink     lint.Sink
	msgPaths [][]pathStep // the messages paths; nil: the default shapes
	steps    []pathStep   // the path being followed (nil: the default shapes)
	paths    [nFields][]pathStep
	up       [nFields]int // leading ^ of a field path: levels to skip outward
	outer    int          // 1-based index of the current top-level element
	// records counts the records handed to the sink (messages, rejects,
	// skips and deferred ones): a file of none has no messages
	records int
	at      string // default layout: the messages path of the elements emitted, for hints
}

// top handles a whole top-level object.
func (w *jsonWalker) top(n *jnode) error {
	if w.steps == nil {
		if key, convs := n.layoutKey("conversations"); convs != nil && convs.kind == '[' {
			if mkey, msgs := n.layoutKey("messages"); msgs != nil && msgs.kind == '[' {
				inner := mkey
				var first *jnode
				if len(convs.vals) > 0 {
					first = convs.vals[0]
					if k, _ := first.layoutKey("messages"); k != "" {
						inner = k
					}
				}
				return bothLists(key, mkey, inner, convs.line, msgs.line, first)
			}
			if n.countLayoutKey("conversations") > 1 {
				return conversationsTwice(n.layoutKeys("conversations"), n.line)
			}
			for _, c := range convs.vals {
				w.outer++
				w.at = key + "[]" // as written: a hint's path matches it so
				if err := w.element(c); err != nil {
					return err
				}
			}
			return nil
		}
		w.outer++
		w.at = ""
		return w.element(n)
	}
	if w.steps[0].iter {
		w.outer++ // one element of a stream of objects
	}
	return w.eachPath(func(steps []pathStep) error {
		if steps[0].iter {
			return w.walk(n, steps[1:], nil)
		}
		return w.walk(n, steps, nil)
	})
}

// eachPath follows every messages path in turn, as w.steps.
func (w *jsonWalker) eachPath(fn func([]pathStep) error) error {
	defer func() { w.steps = w.msgPaths[0] }()
	for _, steps := range w.msgPaths {
		w.steps = steps
		if err := fn(steps); err != nil {
			return err
		}
	}
	return nil
}

// element handles one element of a top-level array.
func (w *jsonWalker) element(n *jnode) error {
	if w.steps != nil {
		return w.eachPath(func(steps []pathStep) error { return w.walk(n, steps[1:], nil) })
	}
	if n.kind == '{' {
		if key, msgs := n.layoutKey("messages"); msgs != nil {
			if msgs.kind != '[' {
				return w.rejectAt(msgs, fmt.Sprintf("%q: expected a list of messages, got %s", key, msgs.describe()))
			}
			// a conversation with a text of its own, or two lists: one of
			// them would be lost
			if n.countLayoutKey("messages") > 1 {
				return w.rejectAt(n, fmt.Sprintf("the conversation holds %s: which list are its messages?", twiceSaid(n.layoutKeys("messages"))))
			}
			if k, ok := w.ownText(n); ok {
				return w.rejectAt(n, fmt.Sprintf("the object holds both a text of its own (%q) and a %q list: is it a message or a conversation?", k, key))
			}
			conv := fmt.Sprintf("%s#%d", w.b.src.Name, w.outer)
			w.at = joinPath(w.at, key+"[]")
			for _, m := range msgs.vals {
				if err := w.emit(m, []*jnode{n}, conv); err != nil {
					return err
				}
			}
			return nil
		}
	}
	return w.emit(n, nil, "")
}

// walk follows the messages path from n; frames are the objects passed on
// the way (outermost first).
func (w *jsonWalker) walk(n *jnode, steps []pathStep, frames []*jnode) error {
	if len(steps) == 0 {
		conv := ""
		if w.nested() {
			conv = fmt.Sprintf("%s#%d", w.b.src.Name, w.outer)
		}
		return w.emit(n, frames, conv)
	}
	s := steps[0]
	switch {
	case s.iter:
		if n.kind != '[' {
			return w.rejectAt(n, fmt.Sprintf("expected a list (messages path %q), got %s", pathString(w.steps), n.describe()))
		}
		first := w.firstIter() == len(w.steps)-len(steps)
		for _, e := range n.vals {
			if first {
				w.outer++ // each element of the outermost list is one conversation
			}
			if err := w.walk(e, steps[1:], frames); err != nil {
				return err
			}
		}
		return nil
	case s.index >= 0:
		if n.kind != '[' || s.index >= len(n.vals) {
			return w.rejectAt(n, fmt.Sprintf("no element [%d] here (messages path %q)", s.index, pathString(w.steps)))
		}
		return w.walk(n.vals[s.index], steps[1:], frames)
	default:
		if n.kind != '{' {
			return w.rejectAt(n, fmt.Sprintf("expected an object with %q (messages path %q), got %s", s.key, pathString(w.steps), n.describe()))
		}
		c := n.get(s.key)
		if c == nil {
			return w.rejectAt(n, fmt.Sprintf("no %q here (messages path %q)", s.key, pathString(w.steps)))
		}
		return w.walk(c, steps[1:], append(frames[:len(frames):len(frames)], n))
	}
}

func (w *jsonWalker) reject(line int, msg string) error {
	w.records++
	return w.sink.Reject(lint.RecordError{Pos: lint.Pos{File: w.b.src.Name, Line: line}, Err: msg})
}

// rejectAt rejects the record of n, at its line and column.
func (w *jsonWalker) rejectAt(n *jnode, msg string) error {
	w.records++
	col, col16 := n.column()
	return w.sink.Reject(lint.RecordError{Pos: lint.Pos{File: w.b.src.Name, Line: n.line}, Col: col, Col16: col16, Err: msg})
}

// column is where n starts on its line, in characters and in UTF-16 code
// units: 0, 0 when the line says where (see jnode.col).
func (n *jnode) column() (col, col16 int) {
	if n.col <= 0 {
		return 0, 0
	}
	return int(n.col), int(n.col) + n.astralCount()
}

// maxNodeAstral is the most jnode.astral holds: a count of it or more is
// in nodeExt.astral.
const maxNodeAstral = 1<<16 - 1

// astralCount is how many characters beyond the BMP are before n on its
// line (see jnode.astral).
func (n *jnode) astralCount() int {
	if n.astral == maxNodeAstral && n.ext != nil {
		return n.ext.astral
	}
	return int(n.astral)
}

// setAstral sets n's count of characters beyond the BMP before it on its
// line (see jnode.astral).
func (n *jnode) setAstral(a int) {
	if a < maxNodeAstral {
		n.astral = uint16(a)
		return
	}
	n.astral = maxNodeAstral
	if n.ext == nil {
		n.ext = &nodeExt{}
	}
	n.ext.astral = a
}

// emit builds the message of one message element; conv names its
// conversation when the record and its enclosing objects name none.
func (w *jsonWalker) emit(leaf *jnode, frames []*jnode, conv string) error {
	m, res, why := w.message(leaf, frames, conv)
	switch res {
	case emitReject:
		return w.rejectAt(leaf, why)
	case emitSkip:
		w.records++
		return w.sink.SkipRecord(m.Pos, why)
	}
	w.records++
	if cs, ok := w.sink.(lint.MessageColumnSink); ok && leaf.col > 0 {
		// a record that shares its line, rejected after it is read
		// (over --max-message-size, a duplicate id): at its column
		col, col16 := leaf.column()
		return cs.MessageAt(m, col, col16)
	}
	return w.sink.Message(m)
}

// what message makes of an element
const (
	emitMessage = iota
	emitReject
	emitSkip
)

// message is emit without the sink: the message of one message element, or
// (res) that it is rejected or skipped and why. It changes nothing, so that
// the parallel parsers of deferred elements (jsonElemParser) share it.
func (w *jsonWalker) message(leaf *jnode, frames []*jnode, conv string) (m lint.Message, res int, why string) {
	pos := lint.Pos{File: w.b.src.Name, Line: leaf.line}
	m.Pos = pos
	if leaf.odd != 0 {
		return m, emitReject, w.oddWhy(leaf, leaf)
	}
	for _, f := range frames {
		if f.odd&oddKeyOver != 0 {
			// a key over the bound of an object around it, which its
			// fields may be read from
			return m, emitReject, f.keyOver().why(leaf.line)
		}
	}
	var r record
	nullText := false // the text's key is there, with null
	for f := 0; f < nFields; f++ {
		var v *jnode
		var where string
		if p := w.paths[f]; p != nil || w.b.m.cols[f] != "" {
			where = w.b.m.cols[f]
			if w.up[f] == 0 {
				v = lookup(leaf, p)
			}
			for i := len(frames) - max(w.up[f], 1); v == nil && i >= 0; i-- {
				v = lookup(frames[i], p)
			}
		} else {
			where = FieldNames[f]
			v = leaf.field(f)
			if f == fConv {
				for i := len(frames) - 1; v == nil && i >= 0; i-- {
					if v = frames[i].field(fConv); v == nil && w.steps == nil {
						v = frames[i].field(fID)
					}
				}
			}
			if f == fText && v == nil && leaf.kind == 's' && w.steps != nil {
				v = leaf
			}
		}
		if v == nil || v.kind == '0' {
			nullText = nullText || f == fText && v != nil
			continue
		}
		if v.kind == '{' || v.kind == '[' {
			if where == FieldNames[f] && w.paths[f] == nil {
				// (the key of its name: said as a .jsonl line's is)
				return m, emitReject, fmt.Sprintf("%q: expected a string or a number, got %s", where, v.describe())
			}
			return m, emitReject, fmt.Sprintf("%s (%s): expected a string or a number, got %s", FieldNames[f], where, v.describe())
		}
		if v.odd != 0 { // (a field of an enclosing object)
			return m, emitReject, w.oddWhy(leaf, v)
		}
		r.set(f, v.s)
	}
	if why := w.b.skipped(&r); why != "" {
		return m, emitSkip, why
	}
	if leaf.kind != '{' && !r.ok[fText] {
		return m, emitReject, "expected a message object, got " + leaf.describe()
	}
	if !r.ok[fText] {
		if w.b.m.cols[fText] != "" {
			if nullText {
				return m, emitReject, fmt.Sprintf("no text (%s is null)", w.b.m.cols[fText])
			}
			return m, emitReject, fmt.Sprintf("no text (%s)", w.b.m.cols[fText])
		}
		return m, emitReject, missingTextIn(leaf, w.at, frames, w.steps == nil, w.b.src.Opts != nil && w.b.src.Opts.HTML)
	}
	m, perr := w.b.build(&r, pos, conv)
	if perr != "" {
		return m, emitReject, perr
	}
	m.TextCol = -1 // not located on the line (which may not hold it)
	return m, emitMessage, ""
}

// firstIter is the index of the first [] of the messages path.
func (w *jsonWalker) firstIter() int {
	for i, s := range w.steps {
		if s.iter {
			return i
		}
	}
	return -1
}

// nested reports whether the messages path goes through per-conversation
// elements, so a conversation without an id is named after its element.
func (w *jsonWalker) nested() bool {
	for _, steps := range w.msgPaths {
		iters := 0
		for _, s := range steps {
			if s.iter {
				iters++
			}
		}
		if iters >= 2 {
			return true
		}
	}
	return false
}

// joinPath appends a key (and what follows it) to a messages path.
func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// lookup follows a field path from n; nil when absent.
func lookup(n *jnode, p []pathStep) *jnode {
	for _, s := range p {
		if n == nil {
			return nil
		}
		if s.index >= 0 {
			if n.kind != '[' || s.index >= len(n.vals) {
				return nil
			}
			n = n.vals[s.index]
			continue
		}
		n = n.get(s.key)
	}
	return n
}

func pathString(steps []pathStep) string {
	var b strings.Builder
	for _, s := range steps {
		switch {
		case s.iter:
			b.WriteString("[]")
		case s.index >= 0:
			fmt.Fprintf(&b, "[%d]", s.index)
		default:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.key)
		}
	}
	return b.String()
}

// jnode is a decoded JSON value with the line it starts on.
type jnode struct {
	line int
	kind byte  // '{' object, '[' array, 's' string, 'n' number, 'b' bool, '0' null
	odd  uint8 // oddBad, oddOver, oddKeyOver: what is wrong in it (0: nothing)
	// astral and col: where the value starts on its line when the line
	// holds more before it (a minified array's elements; see
	// jsonParser.recordCol): the 1-based column in characters, and the
	// characters beyond the BMP before it, which UTF-16 writes as two
	// units (maxNodeAstral or more: ext holds them; see astralCount). 0:
	// the line says where it is. (In the room kind and odd leave: a node
	// is no larger for them.)
	astral uint16
	col    int32
	s      string // scalars: the value as text
	keys   []string
	vals   []*jnode // object values (parallel to keys) or array elements
	// ext is what few nodes have (nil: none of it); one pointer, so that
	// a node stays 88 bytes: the nodeArena's blocks of 256 fit their size
	// class with the allocator's header
	ext *nodeExt
}

// jnode.odd's flags
const (
	// oddBad: a string in it (key or value, at any depth) is not valid
	// UTF-8
	oddBad = 1 << iota
	// oddOver: a value over the bound in it (itself, for a string or a
	// number), read past: see firstOver
	oddOver
	// oddKeyOver: one of its own keys (an object's) over the bound: see
	// keyOver
	oddKeyOver
)

// nodeExt is what few nodes have.
type nodeExt struct {
	// open: an object still being read while a list in it is linted as it
	// is read; it notes the keys asked of it (see objectStream)
	open *openObject
	// first is the first value over the bound in the node (itself, for a
	// string or a number), which was read past; key, in an object, the
	// first of its own keys over the bound (read as "")
	first, key *jsonOver
	// astral is jnode.astral's count where it is maxNodeAstral or more
	// (a minified line of over 65,535 emoji before the value)
	astral int
}

// opened returns n's openObject (nil: none).
func (n *jnode) opened() *openObject {
	if n.ext == nil {
		return nil
	}
	return n.ext.open
}

// oddWhy is why the message of leaf is rejected for what is wrong in n
// (n.odd: leaf, or a field's value): a value over the bound in it, or a
// string that is not UTF-8, as the other readers reject a line or record
// (not read as U+FFFD).
func (w *jsonWalker) oddWhy(leaf, n *jnode) string {
	if o := cmp.Or(n.firstOver(), n.keyOver()); o != nil {
		return o.why(leaf.line)
	}
	return w.b.src.whyInvalid(invalidUTF8Record)
}

// firstOver is the first value over the bound in n (nil: none).
func (n *jnode) firstOver() *jsonOver {
	if n.odd&oddOver == 0 {
		return nil
	}
	return n.ext.first
}

// keyOver is the first of n's own keys over the bound (nil: none).
func (n *jnode) keyOver() *jsonOver {
	if n.odd&oddKeyOver == 0 {
		return nil
	}
	return n.ext.key
}

// firstOverIn is the first value over the bound in container n: of its own
// keys and its values, the one that comes first.
func firstOverIn(n *jnode) *jsonOver {
	first := n.keyOver()
	for _, v := range n.vals {
		if o := v.firstOver(); o != nil && (first == nil || o.off < first.off) {
			first = o
		}
	}
	return first
}

// noteOver notes first as the first value over the bound in n, and key as
// the first of its own keys, unless one is noted already (nil notes
// nothing).
func (n *jnode) noteOver(first, key *jsonOver) {
	if first == nil && key == nil {
		return
	}
	if n.ext == nil {
		n.ext = &nodeExt{}
	}
	if n.ext.first == nil && first != nil {
		n.ext.first = first
		n.odd |= oddOver
	}
	if n.ext.key == nil && key != nil {
		n.ext.key = key
		n.odd |= oddKeyOver
	}
}

// bothLists is the error of a top-level object holding a "conversations"
// list (convs, as written, on line) and a "messages" list (msgs, on
// msgsLine): one would be lost. inner is the messages key of the
// conversations, as written (msgs' when not known): a messages path
// matches keys as written. first, if known, is the first conversation:
// when it has an id, the messages path that reads the conversations comes
// with the --map entry that keeps their ids (see convIDMap).
func bothLists(convs, msgs, inner string, line, msgsLine int, first *jnode) error {
	read := "--messages " + shellWord(convs+"[]."+inner+"[]")
	if m := convIDMap(first, 1); m != "" {
		read += " --map " + shellWord(m)
	}
	return fmt.Errorf(`line %d: the object holds both a %q list and a %q list (line %d): say which holds the transcript (%s or --messages %s)`,
		line, convs, msgs, msgsLine, read, shellWord(msgs+"[]"))
}

// conversationsTwice is the error of a top-level object holding two
// "conversations" lists (keys, as written).
func conversationsTwice(keys []string, line int) error {
	return fmt.Errorf(`line %d: the object holds %s: which list is the transcript?`, line, twiceSaid(keys))
}

// twiceSaid names keys, one layout key written several times (in any
// case), as the file wrote them: "messages" twice, or "Messages" and
// "messages".
func twiceSaid(keys []string) string {
	var distinct []string
	for _, k := range keys {
		if !slices.Contains(distinct, k) {
			distinct = append(distinct, k)
		}
	}
	if len(distinct) == 1 {
		return strconv.Quote(distinct[0]) + " twice"
	}
	for i, k := range distinct {
		distinct[i] = strconv.Quote(k)
	}
	return strings.Join(distinct, " and ")
}

// layoutKey returns a key of the default layouts ("conversations",
// "messages") in an object, as written, and its value, matched in any case
// as the canonical fields' keys are (see field): .NET's exports write
// Messages and Conversations. The last one when several match.
func (n *jnode) layoutKey(name string) (string, *jnode) {
	if n == nil || n.kind != '{' {
		return "", nil
	}
	if o := n.opened(); o != nil {
		o.ask(name)
	}
	for i := len(n.keys) - 1; i >= 0; i-- {
		if isLayoutKey(n.keys[i], name) {
			return n.keys[i], n.vals[i]
		}
	}
	return "", nil
}

// layoutKeys returns the keys of an object that are name, a key of the
// default layouts, in any case (see layoutKey), as written.
func (n *jnode) layoutKeys(name string) []string {
	var keys []string
	for _, k := range n.keys {
		if isLayoutKey(k, name) {
			keys = append(keys, k)
		}
	}
	return keys
}

// countLayoutKey returns how many keys of an object are name, a key of the
// default layouts, in any case (see layoutKey).
func (n *jnode) countLayoutKey(name string) int {
	c := 0
	for _, k := range n.keys {
		if isLayoutKey(k, name) {
			c++
		}
	}
	return c
}

// isLayoutKey reports whether key is name (a key of the default layouts,
// "conversations" or "messages") in any case, as encoding/json compares
// them (see field). Inlined, it tells most keys apart by their length or
// first byte (no character beyond ASCII folds to c or m, as ſ does to s).
func isLayoutKey(key, name string) bool {
	return len(key) >= len(name) && key[0]|0x20 == name[0] && foldsToString(key, name)
}

// foldsToString is strings.EqualFold, not inlined, so that isLayoutKey is.
//
//go:noinline
func foldsToString(key, name string) bool { return strings.EqualFold(key, name) }

// ownText reports whether object n has a text of its own (not null: a null
// text is none) where a message's text is looked up: under "text" (in any
// case, see field), or the key --map text names; never when the mapping
// names a path (body.text), which a key of the conversation cannot stand
// for. key is the key it is under.
func (w *jsonWalker) ownText(n *jnode) (key string, ok bool) {
	var v *jnode
	switch p := w.paths[fText]; {
	case len(p) == 1 && p[0].key != "":
		key, v = p[0].key, n.get(p[0].key)
	case p != nil:
		return "", false
	default:
		if i := n.fieldIndex(fText); i >= 0 {
			key, v = n.keys[i], n.vals[i]
		}
	}
	return key, v != nil && v.kind != '0'
}

// field returns the value of the canonical field f (fConv …) in an object,
// its key matched as encoding/json matches a struct field's, and so as the
// JSONL reader reads a record: in any case ("Text", "TEXT" are "text"), by
// Unicode's simple folding ('ſ' U+017F is an s, 'K' U+212A a k); the last
// one when several match. (A key a mapping names matches as it is: get.)
func (n *jnode) field(f int) *jnode {
	if i := n.fieldIndex(f); i >= 0 {
		return n.vals[i]
	}
	return nil
}

// fieldIndex is the index in an object of the key field returns the value
// of, -1 when there is none.
func (n *jnode) fieldIndex(f int) int {
	if n == nil || n.kind != '{' {
		return -1
	}
	name := FieldNames[f]
	if o := n.opened(); o != nil {
		o.askField(f)
	}
	for i := len(n.keys) - 1; i >= 0; i-- {
		if k := n.keys[i]; k == name || mayFold(k, name) && strings.EqualFold(k, name) {
			return i
		}
	}
	return -1
}

// mayFold is a quick test of whether key may be name, a field's name
// (lower-case ASCII), in another case, as encoding/json compares them
// (strings.EqualFold tells): a key that folds to ASCII letters is never
// shorter than they are, and its first byte is the first letter in either
// case, or one beyond ASCII ('ſ' U+017F folds to s).
func mayFold(key, name string) bool {
	return len(key) >= len(name) && (key[0]|0x20 == name[0] || key[0] >= utf8.RuneSelf)
}

// fieldOf is the canonical field whose name key is (in any case, as field
// matches keys), -1 for any other key.
func fieldOf(key string) int {
	switch key {
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
	for f, name := range FieldNames {
		if mayFold(key, name) && strings.EqualFold(key, name) {
			return f
		}
	}
	return -1
}

// get returns the value of key in an object (the last one when repeated).
func (n *jnode) get(key string) *jnode {
	if n == nil || n.kind != '{' {
		return nil
	}
	if o := n.opened(); o != nil {
		o.ask(key)
	}
	for i := len(n.keys) - 1; i >= 0; i-- {
		if n.keys[i] == key {
			return n.vals[i]
		}
	}
	return nil
}

func (n *jnode) describe() string {
	switch n.kind {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case 's':
		return "a string"
	case 'n':
		return "a number"
	case 'b':
		return "a boolean"
	}
	return "null"
}

// maxJSONDepth bounds nesting, so hostile input cannot exhaust the stack.
const maxJSONDepth = 256

// jsonStream reads JSON tokens (or whole values) with encoding/json and
// knows their lines. A string or a number over the bound (with value, a
// whole value) is read past, and comes back as a *jsonOver: the line
// counter stops the decoder inside it (see lineCounter.over), the stream
// reads past it (lineCounter.skip) and a new decoder reads on after it,
// taken to where the old one was by a few bytes of its own (resume).
type jsonStream struct {
	dec *json.Decoder
	lc  *lineCounter
	// shift is the input offset of the decoder's offset 0 (a new decoder
	// starts with its own bytes: it is less than where it reads from)
	shift int64
	// open are the containers the tokens read are in, innermost last:
	// 'a' an array of no element yet, '[' one after an element, 'o' an
	// object of no key yet, '{' one after a value, ':' one after a key
	open []byte
}

func newJSONStream(src *Source) *jsonStream {
	lc := &lineCounter{r: src.R, line: 1}
	if src.Opts != nil {
		lc.max = src.Opts.MaxRecordBytes
	}
	return &jsonStream{dec: newDecoder(lc), lc: lc}
}

func newDecoder(r io.Reader) *json.Decoder {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	return dec
}

// offset is the input offset the decoder has read to (the end of the last
// token).
func (s *jsonStream) offset() int64 { return s.dec.InputOffset() + s.shift }

// token returns the next token (a *jsonOver for a value over the bound)
// and the line it ends on (JSON tokens never span lines, except inside
// nothing: strings cannot hold raw line breaks).
func (s *jsonStream) token() (json.Token, int, error) {
	tok, err := s.read()
	if err != nil {
		return nil, 0, err
	}
	return tok, s.lc.lineAt(s.offset()), nil
}

// read is token without the line: the bytes from the line counter's last
// offset to offset() are the token's, with the blanks and the comma or
// colon before it (lc.lineAt(s.offset()) then counts them).
func (s *jsonStream) read() (json.Token, error) {
	for {
		tok, err := s.dec.Token()
		if err != nil {
			var stop *tokenTooLong
			if !errors.As(err, &stop) {
				return nil, err
			}
			if stop.blanks {
				if err := s.pastBlanks(); err != nil {
					return nil, err
				}
				continue
			}
			o, err := s.skip(false)
			if err != nil {
				return nil, err
			}
			return o, nil
		}
		switch tok.(type) {
		case string, json.Number:
			if o := s.overToken(tok); o != nil {
				s.note(o)
				return o, nil
			}
		}
		s.note(tok)
		return tok, nil
	}
}

// value reads the next value whole (an element of an array), as read reads
// a token: its bytes, or a *jsonOver when it is over the bound; start is
// its input offset (the line counter's last offset is then start).
func (s *jsonStream) value() (raw json.RawMessage, over *jsonOver, start int64, err error) {
	for {
		if err = s.dec.Decode(&raw); err != nil {
			var stop *tokenTooLong
			if !errors.As(err, &stop) {
				return nil, nil, 0, err
			}
			if stop.blanks {
				if err := s.pastBlanks(); err != nil {
					return nil, nil, 0, err
				}
				continue
			}
			start = s.lc.valueStart(s.lc.base)
			o, err := s.skip(true)
			return nil, o, start, err
		}
		end := s.offset()
		start = end - int64(len(raw))
		s.lc.lineAt(start)
		s.note(nil)
		if max := s.lc.max; max > 0 && len(raw) > max {
			o := &jsonOver{line: s.lc.line, col: s.lc.column(), off: start, size: int64(len(raw)), max: max}
			return nil, o, start, nil
		}
		return raw, nil, start, nil
	}
}

// note updates open after a token (a value: nil, a *jsonOver).
func (s *jsonStream) note(tok json.Token) {
	n := len(s.open)
	top := byte(0)
	if n > 0 {
		top = s.open[n-1]
	}
	switch tok {
	case json.Delim('['), json.Delim('{'):
		if n > 0 {
			s.open[n-1] = afterValue(top)
		}
		if tok == json.Delim('[') {
			s.open = append(s.open, 'a')
		} else {
			s.open = append(s.open, 'o')
		}
		return
	case json.Delim(']'), json.Delim('}'):
		s.open = s.open[:n-1]
		return
	}
	if n == 0 {
		return
	}
	if top == 'o' || top == '{' {
		s.open[n-1] = ':' // a key
		return
	}
	s.open[n-1] = afterValue(top)
}

// afterValue is the state of a container after a value is read in state c.
func afterValue(c byte) byte {
	switch c {
	case 'a', '[':
		return '['
	}
	return '{'
}

// overToken returns the string or number just read as a *jsonOver when it
// is over the bound, else nil.
func (s *jsonStream) overToken(tok json.Token) *jsonOver {
	lc := s.lc
	if lc.max <= 0 {
		return nil
	}
	start := lc.valueStart(lc.base)
	size := s.offset() - start
	_, str := tok.(string)
	if str {
		size -= 2 // its quotes
	}
	if size <= int64(lc.max) {
		return nil
	}
	line := lc.lineAt(start)
	return &jsonOver{line: line, col: lc.column(), off: start, size: size, max: lc.max, str: str}
}

// skip reads past the value over the bound the line counter stopped the
// decoder in (whole: a value the decoder was reading whole, else a token)
// and makes a new decoder read on after it.
func (s *jsonStream) skip(whole bool) (*jsonOver, error) {
	lc := s.lc
	start := lc.valueStart(lc.base)
	line := lc.lineAt(start)
	o := &jsonOver{line: line, col: lc.column(), off: start, max: lc.max, str: !whole && lc.buf[lc.pos] == '"'}
	var sk jsonSkip
	end, err := lc.skip(&sk)
	if err != nil {
		return nil, &placedError{err}
	}
	o.size = end - start
	if o.str {
		o.size -= 2
	}
	s.note(o)
	s.resume(end, "")
	return o, nil
}

// pastBlanks reads past the blanks the line counter stopped the decoder in
// (a run over the bound, which the decoder would hold whole) and makes a
// new decoder read on after them.
func (s *jsonStream) pastBlanks() error {
	sep, end, err := s.lc.pastBlanks()
	if err != nil {
		return &placedError{err}
	}
	s.resume(end, sep)
	return nil
}

// resume makes a new decoder read on from input offset end (what the line
// counter holds past it, then the rest), first taking it where the old one
// was with the tokens of a few bytes of its own: the containers open (an
// array after an element, an object after a key or a value: "[null",
// `{"":null`, `{""`), and sep, the comma or colon the old one had read past.
func (s *jsonStream) resume(end int64, sep string) {
	var b []byte
	ntok := 0
	for i, c := range s.open {
		last := i == len(s.open)-1
		switch {
		case c == 'a' || c == '[':
			b, ntok = append(b, '['), ntok+1
			if last && c == '[' {
				b, ntok = append(b, "null"...), ntok+1
			}
		case c == 'o':
			b, ntok = append(b, '{'), ntok+1
		case c == ':' || !last:
			b, ntok = append(b, `{""`...), ntok+2
			if !last {
				b = append(b, ':')
			}
		default:
			b, ntok = append(b, `{"":null`...), ntok+3
		}
	}
	b = append(b, sep...)
	s.dec = newDecoder(io.MultiReader(bytes.NewReader(b), s.lc))
	for range ntok {
		s.dec.Token()
	}
	s.shift = end - int64(len(b))
}

// placedError is an error of the stream that says where it is (fail
// passes it on as it is).
type placedError struct{ err error }

func (e *placedError) Error() string { return e.err.Error() }
func (e *placedError) Unwrap() error { return e.err }

// fail turns a decoding error into a one-line error with the line.
func (s *jsonStream) fail(err error) error {
	var placed *placedError
	if errors.As(err, &placed) {
		return placed.err
	}
	off := s.offset()
	var se *json.SyntaxError
	if errors.As(err, &se) && se.Offset+s.shift > off {
		off = se.Offset + s.shift
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		// the input ended: the truncation is on its last line
		line, col := s.lc.end()
		return fmt.Errorf("line %d, column %d: unexpected end of JSON (truncated file?)", line, col)
	}
	msg := err.Error()
	if se != nil {
		var at int64
		if msg, at = s.syntaxMessage(se); at >= 0 {
			off = at
		} else if se.Offset+s.shift > s.offset() {
			off = se.Offset + s.shift - 1 // (the Offset counts the byte at fault)
		}
	}
	line := s.lc.lineAt(off)
	return fmt.Errorf("line %d, column %d: invalid JSON: %s", line, s.lc.column(), msg)
}

// syntaxMessage words a syntax error of the decoder as syntaxMessage does,
// from the bytes read. The Offset of an error inside a value (a string, a
// number, a literal) counts only the bytes of the values decoded so far:
// the value, which starts at the decoder's offset, is scanned again to find
// the byte at fault (an error between tokens is at that offset itself).
//
// at is the input offset of the byte at fault (-1: not found).
func (s *jsonStream) syntaxMessage(se *json.SyntaxError) (msg string, at int64) {
	lc := s.lc
	start := s.offset() - lc.base
	if start < 0 || start > int64(len(lc.buf)-lc.pos) {
		return se.Error(), -1
	}
	data := lc.buf[lc.pos+int(start):]
	var raw json.RawMessage
	var ate *json.SyntaxError
	if !errors.As(json.Unmarshal(data, &raw), &ate) {
		return se.Error(), -1
	}
	at0 := ate.Offset
	// the rest of a character beyond ASCII at fault, which the decoder may
	// not have read yet
	for k := int(at0) - 1; k >= 0 && k < len(data) && data[k] >= utf8.RuneSelf && !utf8.FullRune(data[k:]); {
		var more [utf8.UTFMax]byte
		if n, _ := lc.Read(more[:utf8.UTFMax-(len(data)-k)]); n == 0 {
			break
		}
		data = lc.buf[lc.pos+int(start):] // (Read may move the buffer)
	}
	if !startsScalar(data) || ate.Error() != se.Error() {
		// the decoder's fault is between tokens, at its offset (the byte
		// there is at fault), not inside a value starting there
		msg, _ := syntaxAt(se, data, 1)
		return msg, -1
	}
	msg, k := syntaxAt(se, data, at0)
	return msg, lc.base + start + int64(k)
}

// startsScalar reports whether data starts (after white space) with a
// string, a number or a literal: a value a syntax error can be inside of.
func startsScalar(data []byte) bool {
	for _, c := range data {
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		case '"', '-', 't', 'f', 'n':
			return true
		}
		return c >= '0' && c <= '9'
	}
	return false
}

// lineCounter passes a reader through and tells the line of a byte offset
// already read; offsets must be asked for in increasing order. It keeps only
// the bytes read past the last offset asked for (and compacts lazily).
type lineCounter struct {
	r    io.Reader
	buf  []byte
	pos  int   // bytes of buf already counted
	fed  int   // bytes of buf handed on (the rest first, when asked for more)
	base int64 // offset of buf[pos]
	line int   // line at base
	// lineStart is the offset where line starts, and lineRunes its
	// characters in the bytes dropped from buf (for column)
	lineStart int64
	lineRunes int
	// max bounds the bytes read past the last offset asked for (0: no
	// bound): as offsets are asked for token by token, it bounds a token
	// (see over)
	max int
}

// tokenTooLong is the error the line counter stops the decoder with inside
// a JSON token (a string, most likely) over its bound, or inside a run of
// blanks over it (which the decoder would hold whole): the stream reads
// past it and reads on.
type tokenTooLong struct {
	max    int
	blanks bool
}

func (e *tokenTooLong) Error() string {
	return fmt.Sprintf("a JSON value runs over the %s a record may take (4 × --max-message-size)", lint.ByteSize(int64(e.max)))
}

func (c *lineCounter) Read(p []byte) (int, error) {
	if c.fed < len(c.buf) {
		// what was read past a value skipped: handed on first
		n := copy(p, c.buf[c.fed:])
		c.fed += n
		return n, nil
	}
	if c.max > 0 {
		if stop := c.over(); stop != nil {
			return 0, stop
		}
	}
	n, err := c.r.Read(p)
	c.compact(false)
	c.buf = append(c.buf, p[:n]...)
	c.fed = len(c.buf)
	return n, err
}

// over says whether the decoder, asking for more, is to be stopped: the
// bytes read past the last offset asked for, but the blanks, commas and
// colons before the value being read (counted and dropped here), are
// more than max and a string's two quotes (a value over the bound); or
// they are all blanks, more than that (a run the decoder would hold).
// Between the offsets asked for, the decoder reads one value at most, and
// asks for more only when it needs more of it.
func (c *lineCounter) over() *tokenTooLong {
	n := len(c.buf) - c.pos
	if n <= c.max+2 {
		return nil
	}
	k := 0
	for k < n && (isBlank(c.buf[c.pos+k]) || c.buf[c.pos+k] == ',' || c.buf[c.pos+k] == ':') {
		k++
	}
	if k == n {
		return &tokenTooLong{max: c.max, blanks: true}
	}
	c.lineAt(c.base + int64(k))
	if n-k <= c.max+2 {
		return nil
	}
	switch b := c.buf[c.pos]; {
	case b == '"' || b == '-' || b == '{' || b == '[' || '0' <= b && b <= '9':
		return &tokenTooLong{max: c.max}
	}
	return nil // (not a value: the decoder says why)
}

// compact drops the bytes counted (always, or when they are half of buf),
// noting the characters of the line they end.
func (c *lineCounter) compact(always bool) {
	if c.pos > 0 && (always || c.pos >= len(c.buf)/2) {
		if c.lineStart < c.base {
			c.lineRunes += runeCount(c.buf[max(c.lineStart-(c.base-int64(c.pos)), 0):c.pos])
		}
		c.buf = append(c.buf[:0], c.buf[c.pos:]...)
		c.fed -= c.pos
		c.pos = 0
	}
}

// more reads more input into buf; false at its end (err: a read error).
func (c *lineCounter) more() (bool, error) {
	if cap(c.buf)-len(c.buf) < jsonBufSize/2 {
		c.buf = slices.Grow(c.buf, jsonBufSize)
	}
	for {
		n, err := c.r.Read(c.buf[len(c.buf):cap(c.buf)])
		c.buf = c.buf[:len(c.buf)+n]
		if n > 0 {
			return true, nil
		}
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, fmt.Errorf("line %d: %w", c.line, err)
		}
	}
}

// skip reads past the value starting at the last offset asked for with
// sk, keeping nothing of it (its lines are counted), and returns the
// offset where it ends, the last offset asked for then; what was read
// past it is handed on again (fed). A value cut short by the end of the
// input, or whose syntax is wrong, is an error.
func (c *lineCounter) skip(sk *jsonSkip) (int64, error) {
	for {
		n, serr := sk.feed(c.buf[c.pos:])
		if serr != nil {
			return 0, c.skipError(serr, n)
		}
		if sk.done() {
			end := c.base + int64(n)
			c.lineAt(end)
			c.fed = c.pos
			return end, nil
		}
		// all of it read past: counted and dropped, but a character cut
		// at its end (for the columns of what follows on the line)
		c.lineAt(c.base + int64(runeKeep(c.buf[c.pos:])))
		c.compact(true)
		ok, err := c.more()
		if err != nil {
			return 0, err
		}
		if !ok {
			if sk.end() {
				end := c.base + int64(len(c.buf)-c.pos)
				c.lineAt(end)
				c.fed = c.pos
				return end, nil
			}
			line, col := c.end()
			return 0, fmt.Errorf("line %d, column %d: unexpected end of JSON (truncated file?)", line, col)
		}
	}
}

// skipError is the error of a syntax error in a value read past, at
// buf[pos+at].
func (c *lineCounter) skipError(serr *skipError, at int) error {
	// the whole character at fault, for its name
	for c.buf[c.pos+at] >= utf8.RuneSelf && !utf8.FullRune(c.buf[c.pos+at:]) {
		c.compact(true)
		if ok, _ := c.more(); !ok {
			break
		}
	}
	what := invalidChar(c.buf[c.pos:], at)
	line := c.lineAt(c.base + int64(at))
	return fmt.Errorf("line %d, column %d: invalid JSON: %s %s", line, c.column(), what, serr.context)
}

// pastBlanks reads past the blanks from the last offset asked for on (a
// comma or colon among those handed on, which the decoder read past: sep),
// keeping nothing of them (their lines are counted), and returns the
// offset where they end, the last offset asked for then; what was read
// past them is handed on again (fed).
func (c *lineCounter) pastBlanks() (sep string, end int64, err error) {
	handed := c.base + int64(c.fed-c.pos) // (the decoder read them all)
	for {
		k := c.pos
		for k < len(c.buf) {
			if b := c.buf[k]; (b == ',' || b == ':') && c.base+int64(k-c.pos) < handed {
				sep = string(b)
			} else if !isBlank(b) {
				break
			}
			k++
		}
		c.lineAt(c.base + int64(k-c.pos))
		if k < len(c.buf) {
			c.fed = c.pos
			return sep, c.base, nil
		}
		c.compact(true)
		ok, err := c.more()
		if err != nil {
			return "", 0, err
		}
		if !ok {
			c.fed = c.pos
			return sep, c.base, nil
		}
	}
}

// column is the 1-based column, in characters, of the byte at base (the
// last offset asked for) on its line: computed only for an error.
func (c *lineCounter) column() int {
	from := int(max(c.lineStart-(c.base-int64(c.pos)), 0))
	return c.lineRunes + runeColumn(c.buf[from:], c.pos-from)
}

// end is the line and column where the input read so far ends, just past
// its last character: on the line before, past its last character but a
// CR, when it ends in a line break.
func (c *lineCounter) end() (line, col int) {
	e := len(c.buf)
	if e > c.pos && c.buf[e-1] == '\n' {
		e--
		if e > c.pos && c.buf[e-1] == '\r' {
			e--
		}
	}
	line = c.lineAt(c.base + int64(e-c.pos))
	return line, c.column()
}

// valueStart is the offset of the value after off: past white space and
// the comma or colon before it (off is no further than the bytes read).
func (c *lineCounter) valueStart(off int64) int64 {
	for k := off - c.base; k >= 0 && k < int64(len(c.buf)-c.pos); k++ {
		switch c.buf[c.pos+int(k)] {
		case ' ', '\t', '\r', '\n', ',', ':':
			continue
		}
		return c.base + k
	}
	return off
}

func (c *lineCounter) lineAt(off int64) int {
	k := off - c.base
	if k <= 0 {
		return c.line
	}
	if rest := int64(len(c.buf) - c.pos); k > rest {
		k = rest
	}
	seg := c.buf[c.pos : c.pos+int(k)]
	if n := bytes.Count(seg, []byte{'\n'}); n > 0 {
		c.line += n
		c.lineStart, c.lineRunes = c.base+int64(bytes.LastIndexByte(seg, '\n')+1), 0
	}
	c.base += k
	c.pos += int(k)
	return c.line
}
