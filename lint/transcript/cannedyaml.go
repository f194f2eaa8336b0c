package transcript

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"

	"github.com/chatlint/chatlint/lint"
)

// cannedYAMLReader reads a canned-reply library kept as YAML (.yaml, .yml):
// a list of replies, a mapping of groups to lists (groups nest: 售前 → 问候
// → [...]), or list items that are mappings naming their reply with a key
// such as text, reply, 内容, 回复 or 话术 (see cannedTextKeys; --map
// text=KEY names another), whose other keys are not linted. Every string
// that is not a mapping key is a reply: an agent message without a time,
// its own conversation named file:line (file:line:column for a second reply
// on a line, in a flow list), at the line its scalar starts on.
//
// A reply's column on its line is given where its text is written there
// as it is: a plain scalar on one line, a quoted one up to its first escape
// (or the end of the line); a block scalar (| or >) or a plain one folded
// over several lines has none.
//
// A comment line "# chatlint-disable-next-line RULE[,RULE…] reason" waives
// the rules for the next reply, as in a library of lines; so does one
// written after other text on its line (- 您好 # chatlint-disable-next-line
// …), as a comment line right after that line would: it waives the next
// reply whose text starts below it (a block scalar's on the line after its
// | or >, so one after the | waives that block). Numbers, dates,
// true/false and null are malformed records (quote a reply that reads as
// one); an alias (*name) repeats a reply linted where its anchor is, and is
// not linted again. A syntax error stops the file, naming its line.
type cannedYAMLReader struct{}

// maxYAMLBytes bounds a YAML library, which is parsed whole.
const maxYAMLBytes = 64 << 20

// yamlLibrary is a YAML library being read.
type yamlLibrary struct {
	src   *Source
	name  string
	text  []byte         // the file's text, UTF-8, lines ended by \n
	start []int          // start[i]: where line i+1 starts in text
	bad   map[int]string // lines with bytes that could not be read: why
	// altered marks the lines whose text is not the file's (bytes that
	// could not be read, characters YAML does not take as they are)
	altered map[int]bool
	// inside marks the lines within a multi-line scalar (a block scalar's
	// content, a quoted scalar's later lines): a # there is text, not a
	// comment
	inside map[int]bool
	// starts are the lines nodes start on, sorted: where a plain scalar
	// folded over lines ends at the latest
	starts []int
	// quoted are the bytes of y.text quoted scalars take, from the opening
	// quote to the closing one, sorted: a # there is text, not a comment
	quoted   [][2]int
	textKey  string // --map text=KEY
	events   []cannedEvent
	convLine map[int]bool // lines a reply's conversation is named after
	// the last look-up of at: line, code point and its byte
	atLine, atCol, atByte int
	// the last count of astralBefore: line, byte and the count before it
	astLine, astByte, astN int
}

// cannedEvent is what a structured library's record comes to: a reply, a
// malformed record or a skipped one, at its line (and column, for order).
type cannedEvent struct {
	line, col int
	msg       *lint.Message
	reject    string
	skip      string
	// alias: an alias, no record (its anchor's reply is linted there),
	// but the waivers before it were meant for it
	alias bool
	// block: a block scalar's, whose text starts on the line after line
	block bool
}

func (cannedYAMLReader) Read(ctx context.Context, src *Source, sink lint.Sink) error {
	y := &yamlLibrary{src: src, name: src.Name, bad: map[int]string{}, altered: map[int]bool{}, inside: map[int]bool{}, convLine: map[int]bool{}}
	if src.Opts != nil && src.Opts.Mapping != nil {
		m, err := src.Opts.Mapping.compile()
		if err != nil {
			return err
		}
		y.textKey = m.cols[fText]
	}
	if err := y.load(); err != nil {
		return err
	}
	docs, err := y.parse()
	if err != nil {
		return err
	}
	for _, d := range docs {
		y.mark(d, -1)
	}
	sort.Ints(y.starts)
	slices.SortFunc(y.quoted, func(a, b [2]int) int { return a[0] - b[0] })
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := y.document(d); err != nil {
			return err
		}
	}
	return y.emit(sink)
}

// load reads the file's lines into y.text: a line that is not clean UTF-8
// (and not a GB18030 or Big5 line in a UTF-8 file), or that holds a control
// character YAML does not allow, has them replaced by U+FFFD and is noted
// bad (the reply on it is malformed); a line over the record bound is
// reported and read as empty.
func (y *yamlLibrary) load() error {
	lr := newLineReader(y.src)
	for {
		line, ok, err := lr.next()
		if err != nil {
			return fmt.Errorf("line %d: %w", lr.line+1, err)
		}
		if !ok {
			return nil
		}
		if why := lr.tooLong(); why != "" {
			y.events = append(y.events, cannedEvent{line: lr.line, reject: why})
			line = nil
		}
		line, prob := usableLine(y.src, line, lr.line)
		if prob != "" {
			line = bytes.ToValidUTF8(bytes.ReplaceAll(line, []byte{0}, []byte("\uFFFD")), []byte("\uFFFD"))
			y.bad[lr.line] = prob
		}
		if r, at := yamlControl(line); at >= 0 {
			line = yamlClean(line)
			if y.bad[lr.line] == "" {
				y.bad[lr.line] = fmt.Sprintf("control character %U in the record (YAML allows none; write it as an escape in a double-quoted reply)", r)
			}
		}
		if prob != "" || y.bad[lr.line] != "" {
			y.altered[lr.line] = true
		}
		if yamlBreaks.MatchString(string(line)) {
			// YAML breaks lines at them too: its lines would not be the
			// file's
			line = []byte(yamlBreaks.ReplaceAllString(string(line), " "))
			y.altered[lr.line] = true
		}
		y.start = append(y.start, len(y.text))
		y.text = append(append(y.text, line...), '\n')
		if len(y.text) > maxYAMLBytes {
			return fmt.Errorf("a YAML library over %s is not read (it is parsed whole): split it", lint.ByteSize(maxYAMLBytes))
		}
	}
}

// yamlAllowed reports whether YAML allows the character in a file.
func yamlAllowed(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == 0x85:
	case r >= 0x20 && r <= 0x7E:
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
	default:
		return false
	}
	return true
}

// yamlControl is the first character of valid UTF-8 that YAML does not
// allow (a control character), and its byte; at -1: none.
func yamlControl(b []byte) (r rune, at int) {
	for i, r := range string(b) {
		if !yamlAllowed(r) {
			return r, i
		}
	}
	return 0, -1
}

// yamlClean replaces the characters YAML does not allow with U+FFFD.
func yamlClean(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for _, r := range string(b) {
		if !yamlAllowed(r) {
			r = utf8.RuneError
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

// parse parses the text's documents.
func (y *yamlLibrary) parse() (docs []*yaml.Node, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the YAML parser failed: %v", p)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(y.text))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return nil, y.syntaxError(err)
		}
		docs = append(docs, &doc)
	}
}

// YAMLSyntaxError is a YAML library that does not parse, at its line.
type YAMLSyntaxError struct {
	Line int
	Err  error
}

// Error names the line and what the parser found wrong there.
func (e *YAMLSyntaxError) Error() string {
	msg := strings.TrimPrefix(e.Err.Error(), "yaml: ")
	msg = yamlErrLine.ReplaceAllString(msg, "")
	return fmt.Sprintf("line %d: YAML syntax error: %s (a canned library is a YAML list of replies, or groups of them)", e.Line, msg)
}

// Unwrap returns the parser's error.
func (e *YAMLSyntaxError) Unwrap() error { return e.Err }

var yamlErrLine = regexp.MustCompile(`^line (\d+): `)

// yamlBreaks are the characters besides \n that YAML takes for line breaks.
var yamlBreaks = regexp.MustCompile("[\r\u0085\u2028\u2029]")

// yamlParserProblems are the problems the YAML parser (not its scanner)
// reports: it numbers their lines from 0.
var yamlParserProblems = []string{
	"did not find expected ',' or ']'", "did not find expected ',' or '}'", "did not find expected '-' indicator",
	"did not find expected <document start>", "did not find expected <stream-start>", "did not find expected key",
	"did not find expected node content", "found duplicate %TAG directive", "found duplicate %YAML directive",
	"found incompatible YAML document", "found undefined tag handle",
}

var yamlUnknownAnchor = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)

// syntaxError places the parser's error on its line: the line it names,
// which is where the list, mapping or scalar it was reading starts when it
// says (the problem may lie further on), or where the problem is; none
// names the first line.
func (y *yamlLibrary) syntaxError(err error) error {
	line := 1
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlErrLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
		if slices.Contains(yamlParserProblems, msg) {
			line++
		}
	} else if m := yamlUnknownAnchor.FindStringSubmatch(msg); m != nil {
		if i := bytes.Index(y.text, []byte("*"+m[1])); i >= 0 {
			line += bytes.Count(y.text[:i], []byte("\n"))
		}
	} else if slices.Contains(yamlParserProblems, msg) {
		line = 1
	}
	return &YAMLSyntaxError{Line: line, Err: err}
}

// line is line n's text, without its line break ("" past the end).
func (y *yamlLibrary) line(n int) []byte {
	if n < 1 || n > len(y.start) {
		return nil
	}
	end := len(y.text)
	if n < len(y.start) {
		end = y.start[n]
	}
	return y.text[y.start[n-1] : end-1]
}

// at is the byte of code point col (1-based) on line n, or -1. The nodes
// of a line are looked up from left to right: it goes on from the last
// look-up on the line (a flow list of many replies on one long line).
func (y *yamlLibrary) at(n, col int) int {
	l := y.line(n)
	i, c := 0, 1
	if y.atLine == n && y.atCol <= col {
		i, c = y.atByte, y.atCol
	}
	defer func() { y.atLine, y.atCol, y.atByte = n, c, i }()
	for ; c < col; c++ {
		if i >= len(l) {
			return -1
		}
		_, size := utf8.DecodeRune(l[i:])
		i += size
	}
	if i > len(l) {
		return -1
	}
	return i
}

// valueAt is the byte a scalar's value starts at on its line, past its
// anchor and tag (&name, !tag), or -1 when it is not on the line.
func (y *yamlLibrary) valueAt(n *yaml.Node) int {
	at, _ := y.valueCol(n)
	return at
}

// valueCol is valueAt, with the value's column (code point, 1-based).
func (y *yamlLibrary) valueCol(n *yaml.Node) (at, col int) {
	at = y.at(n.Line, n.Column)
	if at < 0 {
		return -1, 0
	}
	l := y.line(n.Line)
	from := at
	for at < len(l) && (l[at] == '&' || l[at] == '!') {
		for at < len(l) && l[at] != ' ' && l[at] != '\t' {
			at++
		}
		for at < len(l) && (l[at] == ' ' || l[at] == '\t') {
			at++
		}
	}
	if at >= len(l) {
		return -1, 0
	}
	return at, n.Column + utf8.RuneCount(l[from:at])
}

// mark notes where every node starts and which lines lie within a
// multi-line scalar. indent is the indentation of the collection n is in
// (-1 at the top), which a block scalar's lines are indented beyond.
func (y *yamlLibrary) mark(n *yaml.Node, indent int) {
	if n.Line > 0 {
		y.starts = append(y.starts, n.Line)
	}
	switch n.Kind {
	case yaml.ScalarNode:
		first, last := y.span(n, indent)
		for l := first + 1; l <= last; l++ {
			y.inside[l] = true
		}
		if at := y.valueAt(n); at >= 0 && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			if q := y.line(n.Line)[at]; q == '"' || q == '\'' {
				open := y.start[n.Line-1] + at
				end, _ := y.closeQuote(open)
				y.quoted = append(y.quoted, [2]int{open, end})
			}
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			y.mark(c, n.Column-1)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			y.mark(n.Content[i], n.Column-1)
			y.mark(n.Content[i+1], n.Content[i].Column-1)
		}
	default:
		for _, c := range n.Content {
			y.mark(c, indent)
		}
	}
}

// span is the first and last line of a scalar written over several lines
// as a block (| or >) or quoted; for any other, its line (last = first).
func (y *yamlLibrary) span(n *yaml.Node, indent int) (first, last int) {
	first, last = n.Line, n.Line
	at := y.valueAt(n)
	if at < 0 {
		return
	}
	l := y.line(n.Line)
	switch n.Style & (yaml.LiteralStyle | yaml.FoldedStyle | yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle) {
	case yaml.LiteralStyle, yaml.FoldedStyle:
		// the header: | or >, then an indentation digit and a chomping
		// indicator in either order
		block := -1
		for _, c := range l[at+1:] {
			if c >= '1' && c <= '9' {
				block = max(indent, 0) + int(c-'0')
			} else if c != '+' && c != '-' {
				break
			}
		}
		for k := n.Line + 1; k <= len(y.start); k++ {
			t := y.line(k)
			body := bytes.TrimLeft(t, " ")
			if len(bytes.TrimSpace(t)) == 0 {
				continue // blank: in the block if a line after it is
			}
			ind := len(t) - len(body)
			if block < 0 {
				if ind <= indent {
					break // an empty block
				}
				block = ind
			}
			if ind < block {
				break
			}
			last = k
		}
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		if q := l[at]; q != '"' && q != '\'' {
			return
		}
		_, breaks := y.closeQuote(y.start[n.Line-1] + at)
		last += breaks
	}
	return
}

// closeQuote is the byte of y.text where the quoted scalar whose opening
// quote is at byte open ends, its closing quote (len(y.text) if it has
// none), and how many line breaks lie between them.
func (y *yamlLibrary) closeQuote(open int) (end, breaks int) {
	q := y.text[open]
	for i := open + 1; i < len(y.text); i++ {
		switch c := y.text[i]; {
		case c == '\n':
			breaks++
		case q == '"' && c == '\\':
			if i+1 < len(y.text) && y.text[i+1] == '\n' {
				breaks++
			}
			i++
		case c == q && q == '\'' && i+1 < len(y.text) && y.text[i+1] == '\'':
			i++
		case c == q:
			return i, breaks
		}
	}
	return len(y.text), breaks
}

// end is the last line a reply starting on line n (its scalar's first
// and last) may take: the line before the next node, for a plain scalar
// folded over lines.
func (y *yamlLibrary) end(first, last int) int {
	if last > first {
		return last
	}
	i := sort.SearchInts(y.starts, first+1)
	if i < len(y.starts) {
		return max(y.starts[i]-1, first)
	}
	return len(y.start)
}

// document reads the replies of a document.
func (y *yamlLibrary) document(d *yaml.Node) error {
	if len(d.Content) == 0 {
		return nil
	}
	root := d.Content[0]
	if root.Kind == yaml.ScalarNode {
		if root.ShortTag() == "!!null" {
			return nil // an empty document
		}
		return fmt.Errorf("line %d: the document is one text, not a list of replies (a library of one reply per line? name it .txt)", root.Line)
	}
	y.walk(root, -1, false, true)
	return nil
}

// walk reads the replies in a node: the items of a list, the values of a
// mapping of groups, a record's reply. indent is the indentation of the
// collection the node is in. A mapping is a record when it is an item of a
// list, or a group's value all of whose values are texts (问候: {text: 您好,
// id: 12}); the document's own mapping, or one with a list or a mapping in
// it, is groups, whose every value is read (回复: 好的 beside 售前: […] is a
// group of one reply).
func (y *yamlLibrary) walk(n *yaml.Node, indent int, item, root bool) {
	switch n.Kind {
	case yaml.SequenceNode:
		for _, c := range n.Content {
			y.walk(c, n.Column-1, true, false)
		}
	case yaml.MappingNode:
		if item || !root && scalarsOnly(n) {
			if key, v := y.record(n); v != nil {
				y.walk(v, key.Column-1, false, false)
				return
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if v := n.Content[i+1]; v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null" {
				continue // an empty group
			}
			y.walk(n.Content[i+1], n.Content[i].Column-1, false, false)
		}
	case yaml.ScalarNode:
		y.reply(n, indent)
	case yaml.AliasNode:
		// it repeats what its anchor holds, linted there
		y.events = append(y.events, cannedEvent{line: n.Line, col: n.Column, alias: true})
	}
}

// scalarsOnly reports whether every value of a mapping is a scalar (or an
// alias).
func scalarsOnly(n *yaml.Node) bool {
	for i := 1; i < len(n.Content); i += 2 {
		if k := n.Content[i].Kind; k != yaml.ScalarNode && k != yaml.AliasNode {
			return false
		}
	}
	return true
}

// record returns the key and value that give a mapping's reply, when the
// mapping is a record: a key of cannedTextKeys (the first of them it has)
// whose value is not a list or mapping (else the mapping is groups).
func (y *yamlLibrary) record(n *yaml.Node) (key, value *yaml.Node) {
	best := -1
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || (v.Kind != yaml.ScalarNode && v.Kind != yaml.AliasNode) {
			continue
		}
		if r := cannedTextKey(k.Value, y.textKey); r >= 0 && (best < 0 || r < best) {
			best, key, value = r, k, v
		}
	}
	return key, value
}

// notText names the YAML types that are not text.
var notText = map[string]string{
	"!!null":      "empty (null)",
	"!!int":       "a number",
	"!!float":     "a number",
	"!!bool":      "true/false",
	"!!timestamp": "a date",
	"!!binary":    "binary data (!!binary)",
}

// reply notes a scalar as a reply, or as a malformed or skipped record.
func (y *yamlLibrary) reply(n *yaml.Node, indent int) {
	if n.Kind != yaml.ScalarNode {
		return
	}
	ev := cannedEvent{line: n.Line, col: n.Column, block: n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0}
	first, last := y.span(n, indent)
	tag := n.ShortTag()
	if what, ok := notText[tag]; ok {
		ev.reject = fmt.Sprintf("the reply is %s, not text (quote it to lint it as a reply)", what)
		y.events = append(y.events, ev)
		return
	}
	text := strings.TrimRight(n.Value, " \t\r\n")
	for l := first; l <= y.end(first, last); l++ {
		if why := y.bad[l]; why != "" && strings.ContainsRune(text, utf8.RuneError) {
			if l != n.Line {
				why = fmt.Sprintf("line %d: %s", l, why)
			}
			ev.reject = why
			y.events = append(y.events, ev)
			return
		}
	}
	if strings.TrimSpace(text) == "" {
		ev.skip = "blank reply"
		y.events = append(y.events, ev)
		return
	}
	conv := fmt.Sprintf("%s:%d", y.name, n.Line)
	if y.convLine[n.Line] {
		conv = fmt.Sprintf("%s:%d:%d", y.name, n.Line, n.Column) // a second reply on the line
	}
	y.convLine[n.Line] = true
	col, raw, astral := y.place(n, text)
	ev.msg = &lint.Message{
		Conversation: conv,
		Role:         lint.Agent,
		Type:         lint.TypeText,
		Text:         text,
		Pos:          lint.Pos{File: y.name, Line: n.Line},
		TextCol:      col,
		TextRaw:      raw,
		TextAstral:   astral,
	}
	y.events = append(y.events, ev)
}

// place is where a scalar's text is written on its line as it is (see
// lint.Message.LineColumn): all of a plain scalar on one line; a quoted
// one's, up to its first escape (” in single quotes) or the end of the
// line; nothing of a block scalar's or a folded plain one's. astral is
// lint.Message.TextAstral.
func (y *yamlLibrary) place(n *yaml.Node, text string) (col int32, verbatim uint16, astral int32) {
	if col, verbatim = y.placeOnLine(n, text); col > 0 {
		at, _ := y.valueCol(n)
		astral = int32(y.astralBefore(n.Line, at))
	}
	return col, verbatim, astral
}

// astralBefore is lint.Astral of the first at bytes of line, counted on
// from the last count on the line, as at looks code points up: the
// replies of a flow list come in order along it, and counting each from
// the start of the line took quadratic time (a list of 20,000 replies on
// one line, seconds).
func (y *yamlLibrary) astralBefore(line, at int) int {
	if y.astLine != line || at < y.astByte {
		y.astLine, y.astByte, y.astN = line, 0, 0
	}
	y.astN += countAstral(y.line(line)[y.astByte:at])
	y.astByte = at
	return y.astN
}

// countAstral is lint.Astral, which astralBefore counts with: a variable,
// so that a test can count the bytes it is handed (a flow list's line is
// to be counted once, not once a reply)
var countAstral = lint.Astral[[]byte]

// placeOnLine is place's column and bytes as written.
func (y *yamlLibrary) placeOnLine(n *yaml.Node, text string) (int32, uint16) {
	at, col := y.valueCol(n)
	if at < 0 || y.altered[n.Line] {
		return -1, 0
	}
	rest := y.line(n.Line)[at:]
	switch n.Style & (yaml.LiteralStyle | yaml.FoldedStyle | yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle) {
	case 0:
		if bytes.HasPrefix(rest, []byte(text)) {
			return textPlace(col-1, -1)
		}
		return -1, 0
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		q := rest[0]
		if q != '"' && q != '\'' {
			return -1, 0
		}
		rest, col = rest[1:], col+1
		stop := len(rest)
		if i := bytes.IndexByte(rest, q); i >= 0 {
			stop = i
		}
		if i := bytes.IndexByte(rest[:stop], '\\'); q == '"' && i >= 0 {
			stop = i
		}
		k := 0
		for k < stop && k < len(text) && rest[k] == text[k] {
			k++
		}
		for k > 0 && k < len(text) && !utf8.RuneStart(text[k]) {
			k-- // (a character's bytes are there whole or not at all)
		}
		switch {
		case k == len(text):
			return textPlace(col-1, -1)
		case k == 0:
			return -1, 0
		}
		return textPlace(col-1, k)
	}
	return -1, 0
}

// emit hands the records to the sink in the order of their lines, each
// reply with the waivers of the comments before it (since the record
// before it): on the lines before it, and for a block scalar on its | or >
// line too.
func (y *yamlLibrary) emit(sink lint.Sink) error {
	sort.SliceStable(y.events, func(i, j int) bool {
		a, b := y.events[i], y.events[j]
		if a.line != b.line {
			return a.line < b.line
		}
		return a.col < b.col
	})
	waivers := y.waivers()
	var pending []lint.Waiver
	html := newHTMLSample(y.src) // (rich-text replies read without --html)
	for _, ev := range y.events {
		below := ev.line // the waivers above the line its text starts on
		if ev.block {
			below++
		}
		for len(waivers) > 0 && waivers[0].Pos.Line < below {
			pending = append(pending, waivers[0])
			waivers = waivers[1:]
		}
		pos := lint.Pos{File: y.name, Line: ev.line}
		var err error
		switch {
		case ev.msg != nil:
			ev.msg.Waivers, pending = pending, nil
			html.look(y.src, ev.msg.Text, pos)
			err = sink.Message(*ev.msg)
		case ev.alias:
			pending = unusedWaivers(sink, pending)
		case ev.reject != "":
			pending = unusedWaivers(sink, pending)
			err = sink.Reject(lint.RecordError{Pos: pos, Err: ev.reject})
		default:
			pending = unusedWaivers(sink, pending)
			err = sink.SkipRecord(pos, ev.skip)
		}
		if err != nil {
			return err
		}
	}
	unusedWaivers(sink, append(pending, waivers...))
	return nil
}

// waivers are the waivers of the comments, in line order: comment lines,
// whose first character but blanks is # (not within a multi-line scalar),
// and comments after other text on their line (see commentAt).
func (y *yamlLibrary) waivers() []lint.Waiver {
	var out []lint.Waiver
	for n := 1; n <= len(y.start); n++ {
		l := y.line(n)
		t := bytes.TrimSpace(l)
		if len(t) == 0 {
			continue
		}
		var comment []byte
		if t[0] == '#' && !y.inside[n] {
			comment = t[1:]
		} else if i := y.commentAt(n); i >= 0 {
			comment = l[i+1:]
		} else {
			continue
		}
		if ws, ok := parseWaiver(string(comment), lint.Pos{File: y.name, Line: n}); ok {
			out = append(out, ws...)
		}
	}
	return out
}

// commentAt is the byte of line n where a comment after other text starts
// (- 您好 # …): the first # after a blank that is not within a quoted
// scalar, or -1. A line within a block scalar has none (its # are text); a
// later line of a quoted scalar may have one after its closing quote.
func (y *yamlLibrary) commentAt(n int) int {
	l := y.line(n)
	base := y.start[n-1]
	from := 0
	if y.inside[n] {
		end, ok := y.quotedAt(base)
		if !ok {
			return -1 // a block scalar's line
		}
		from = end + 1 - base
	}
	for i := from; i < len(l); i++ {
		j := bytes.IndexByte(l[i:], '#')
		if j < 0 {
			break
		}
		i += j
		if i == 0 || l[i-1] != ' ' && l[i-1] != '\t' {
			continue
		}
		if end, ok := y.quotedAt(base + i); ok {
			i = end - base // (past the line, when the scalar goes on)
			continue
		}
		return i
	}
	return -1
}

// quotedAt reports whether byte at of y.text is within a quoted scalar,
// and where that ends (its closing quote).
func (y *yamlLibrary) quotedAt(at int) (end int, ok bool) {
	i := sort.Search(len(y.quoted), func(i int) bool { return y.quoted[i][0] > at }) - 1
	if i < 0 || at > y.quoted[i][1] {
		return 0, false
	}
	return y.quoted[i][1], true
}
