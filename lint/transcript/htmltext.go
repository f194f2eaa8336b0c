package transcript

import (
	"html"
	"strconv"
	"strings"

	"github.com/chatlint/chatlint/lint"
)

// HTMLText turns a message kept as HTML (Intercom, Zendesk and 七鱼/Udesk
// exports, canned replies from a rich-text editor) into the text a reader
// sees: tags removed, the contents of script, style and comments dropped,
// line breaks where <br> and block elements (p, div, li, tr, h1–h6, …)
// break lines, character references decoded (&amp; &nbsp; &#20320;), and
// the white space HTML collapses collapsed. A "<" that cannot start a tag
// (价格<100元) is kept as text, and so is a tag that never ends (S<M). Text
// without "<" or "&" is returned as it is. It takes time linear in s.
func HTMLText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	w := htmlWriter{}
	w.b.Grow(len(s))
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			w.text(s)
			break
		}
		w.text(s[:i])
		s = s[i:]
		n, name, closing := tagAt(s)
		switch {
		case n == 0: // not markup
			w.text("<")
			s = s[1:]
			continue
		case n < 0: // never ends
			w.text(s)
			s = ""
			continue
		}
		s = s[n:]
		switch {
		case name == "!--":
			s = s[commentEnd(s):]
		case !closing && (name == "script" || name == "style"):
			// raw text up to the matching end tag
			s = s[endTagAt(s, name):]
		case name == "br":
			w.lineBreak(true)
		case name == "pre":
			// white space kept, the line break right after <pre> dropped
			w.lineBreak(false)
			if closing {
				w.pre = max(w.pre-1, 0)
			} else {
				w.pre++
				if strings.HasPrefix(s, "\r\n") {
					s = s[2:]
				} else if strings.HasPrefix(s, "\n") {
					s = s[1:]
				}
			}
		case lineBreakers[name]:
			w.lineBreak(false)
		case name == "td" || name == "th":
			w.space = true // table cells side by side
		}
	}
	return w.b.String()
}

// commentEnd returns the length of a comment's rest (s follows "<!--"): up
// to "-->" or "--!>", as a browser ends it, or all of s; "<!-->" and
// "<!--->" are empty comments.
func commentEnd(s string) int {
	n := commentEndAt(s)
	scanned(n)
	return n
}

// commentEndAt is commentEnd, not counted.
func commentEndAt(s string) int {
	switch {
	case strings.HasPrefix(s, ">"):
		return 1
	case strings.HasPrefix(s, "->"):
		return 2
	}
	for i := 0; ; {
		j := strings.Index(s[i:], "--")
		if j < 0 {
			return len(s)
		}
		i += j + 2
		for i < len(s) && s[i] == '-' { // "--->"
			i++
		}
		switch {
		case strings.HasPrefix(s[i:], ">"):
			return i + 1
		case strings.HasPrefix(s[i:], "!>"):
			return i + 2
		}
	}
}

// endTagAt returns where the end tag of a raw-text element (script, style)
// starts in s, or len(s): "</script" followed by white space, "/" or ">"
// (not "</scripts>").
func endTagAt(s, name string) int {
	for i := 0; ; {
		j := indexFold(s[i:], "</"+name)
		if j < 0 {
			scanned(len(s) - i)
			return len(s)
		}
		scanned(j + 3 + len(name))
		i += j
		if k := i + 2 + len(name); k >= len(s) || strings.IndexByte(" \t\n\r\f/>", s[k]) >= 0 {
			return i
		}
		i++
	}
}

// htmlWriter collects the text of HTML: white space collapsed, none at the
// start or end of a line, at most one empty line in a row.
type htmlWriter struct {
	b      strings.Builder
	space  bool // white space seen since the last character written
	breaks int  // line breaks owed before the next character (at most 2)
	pre    int  // depth of <pre> elements: white space is kept
}

// text writes a run of character data.
func (w *htmlWriter) text(t string) {
	if strings.IndexByte(t, '&') >= 0 {
		t = unescapeHTML(t)
	}
	for _, r := range t {
		switch r {
		case ' ', '\t', '\f', '\u00a0':
			if w.pre > 0 && w.b.Len() > 0 {
				w.char(' ')
				continue
			}
			w.space = true
			continue
		case '\n':
			if w.pre > 0 {
				w.breaks = min(w.breaks+1, 2)
				w.space = false
				continue
			}
			w.space = true
			continue
		case '\r':
			if w.pre == 0 {
				w.space = true
			}
			continue
		}
		w.char(r)
	}
}

// char writes one character that is not white space, after the break or
// space owed before it.
func (w *htmlWriter) char(r rune) {
	if w.b.Len() > 0 {
		switch {
		case w.breaks > 0:
			w.b.WriteString("\n\n"[:w.breaks])
		case w.space:
			w.b.WriteByte(' ')
		}
	}
	w.breaks, w.space = 0, false
	w.b.WriteRune(r)
}

// unescapeHTML decodes the character references in t as a browser does.
// Numeric ones are read here: html.UnescapeString adds their digits up in
// an int32 that overflows (&#4294987616; came out as 你) and takes "&#x;"
// for a reference. A number past U+10FFFF is U+FFFD, one without digits
// stays text; the rest, and named references, are html.UnescapeString's.
func unescapeHTML(t string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '&')
		if i < 0 {
			if b.Len() == 0 {
				return t
			}
			b.WriteString(t)
			return b.String()
		}
		b.WriteString(t[:i])
		t = t[i:]
		// one reference and the text up to the next '&'
		seg := t
		if j := strings.IndexByte(t[1:], '&'); j >= 0 {
			seg = t[:j+1]
		}
		t = t[len(seg):]
		if !strings.HasPrefix(seg, "&#") {
			b.WriteString(html.UnescapeString(seg))
			continue
		}
		k, base := 2, 10
		if k < len(seg) && seg[k]|0x20 == 'x' {
			k, base = 3, 16
		}
		start, v := k, 0
		for ; k < len(seg); k++ {
			d := hexDigit(seg[k])
			if d < 0 || d >= base {
				break
			}
			v = min(v*base+d, 0x110000) // past U+10FFFF: U+FFFD, whatever the digits
		}
		if k == start { // no digits: not a reference
			b.WriteString(seg)
			continue
		}
		if k < len(seg) && seg[k] == ';' {
			k++
		}
		b.WriteString(html.UnescapeString("&#" + strconv.Itoa(v) + ";"))
		b.WriteString(seg[k:])
	}
}

// hexDigit is the value of a hexadecimal digit, or -1.
func hexDigit(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c|0x20 && c|0x20 <= 'f':
		return int(c|0x20-'a') + 10
	}
	return -1
}

// lineBreak ends the line: <br> always (twice in a row: an empty line), a
// block element only when text has followed the last break.
func (w *htmlWriter) lineBreak(br bool) {
	switch {
	case br:
		w.breaks = min(w.breaks+1, 2)
	case w.breaks == 0:
		w.breaks = 1
	}
	w.space = false
}

// tagAt reads the markup at s[0] ('<'): its length, its lower-case name
// ("!--" for a comment, "!" or "?" for a declaration) and whether it is an
// end tag; 0 when s does not start markup (a "<" followed by a digit or a
// space), -1 when the tag never ends.
func tagAt(s string) (n int, name string, closing bool) {
	if strings.HasPrefix(s, "<!--") {
		return 4, "!--", false
	}
	i := 1
	if i < len(s) && s[i] == '/' {
		closing = true
		i++
	}
	start := i
	if i >= len(s) {
		return 0, "", false
	}
	switch c := s[i]; {
	case c == '!' || c == '?':
		if closing {
			return 0, "", false
		}
		name = string(c)
		i++
	case 'a' <= c|0x20 && c|0x20 <= 'z':
		for i < len(s) && (isAlnum(s[i]) || s[i] == '-' || s[i] == ':') {
			i++
		}
		name = strings.ToLower(s[start:i])
	default:
		return 0, "", false
	}
	// the rest of the tag: attributes, whose quoted values may hold '>'
	// (a quote opens a value only right after "=": href=x/it's is not one)
	afterEq := false
	for quote := byte(0); i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '>':
			scanned(i + 1)
			return i + 1, name, closing
		case c == '=':
			afterEq = true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
		case afterEq && (c == '"' || c == '\''):
			quote, afterEq = c, false
		default:
			afterEq = false
		}
	}
	scanned(len(s))
	return -1, "", false
}

// htmlSteps, when set (tests), adds up the bytes tagAt, commentEnd and
// endTagAt look at, to show that HTMLText stays linear in its input
// without timing it.
var htmlSteps *int

// scanned adds n to htmlSteps, when set.
func scanned(n int) {
	if htmlSteps != nil {
		*htmlSteps += n
	}
}

// isAlnum reports whether c is an ASCII letter or digit.
func isAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z'
}

// lineBreakers are the elements that start or end a line of text.
var lineBreakers = map[string]bool{
	"p": true, "div": true, "li": true, "ul": true, "ol": true, "tr": true,
	"table": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "pre": true, "hr": true, "section": true, "article": true,
	"header": true, "footer": true, "dd": true, "dt": true, "dl": true,
}

// indexFold is strings.Index, ignoring ASCII case.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// htmlSink passes records on with their texts turned from HTML into text
// (Options.HTML), whichever reader read them.
type htmlSink struct{ lint.Sink }

func (s htmlSink) Message(m lint.Message) error {
	htmlMessage(&m)
	return s.Sink.Message(m)
}

// htmlMessage turns a message's text from HTML into text; a text that
// changes is no longer the text written on the line.
func htmlMessage(m *lint.Message) {
	if t := HTMLText(m.Text); t != m.Text {
		m.Text, m.TextCol, m.TextRaw = t, -1, 0
	}
}

// MessageAt passes on a message at a column of its line
// (lint.MessageColumnSink), its text read as HTML; without the column
// where the sink takes none.
func (s htmlSink) MessageAt(m lint.Message, col, col16 int) error {
	htmlMessage(&m)
	if c, ok := s.Sink.(lint.MessageColumnSink); ok {
		return c.MessageAt(m, col, col16)
	}
	return s.Sink.Message(m)
}

// UntypedFile passes on that a file cannot say a message's type
// (lint.UntypedSink).
func (s htmlSink) UntypedFile(name string) { lint.MarkUntyped(s.Sink, name) }

// SeparatedFile passes on that a file tells its conversations apart by
// separator lines (lint.SeparatedSink).
func (s htmlSink) SeparatedFile(name string) { lint.MarkSeparated(s.Sink, name) }

// UnusedWaivers passes on the waivers no message took (lint.WaiverSink).
func (s htmlSink) UnusedWaivers(ws []lint.Waiver) {
	if w, ok := s.Sink.(lint.WaiverSink); ok {
		w.UnusedWaivers(ws)
	}
}

// htmlDeferringSink is htmlSink for the engine's sink, which also takes
// raw records to parse in parallel: their parser is wrapped (one wrapper
// per parser, as the engine keeps a parse function per parser and worker).
type htmlDeferringSink struct {
	htmlSink
	deferring lint.DeferringSink
	parsers   map[lint.RecordParser]lint.RecordParser
}

func (s *htmlDeferringSink) Deferred(pos lint.Pos, raw []byte, p lint.RecordParser) error {
	return s.deferring.Deferred(pos, raw, s.parser(p))
}

// DeferredAt passes on a raw record with its column (lint.ColumnSink), as
// Deferred, or without it when the sink takes none.
func (s *htmlDeferringSink) DeferredAt(pos lint.Pos, col, col16 int, raw []byte, p lint.RecordParser) error {
	if c, ok := s.deferring.(lint.ColumnSink); ok {
		return c.DeferredAt(pos, col, col16, raw, s.parser(p))
	}
	return s.deferring.Deferred(pos, raw, s.parser(p))
}

// parser returns the wrapper of p, which reads its texts as HTML.
func (s *htmlDeferringSink) parser(p lint.RecordParser) lint.RecordParser {
	w := s.parsers[p]
	if w == nil {
		if len(s.parsers) >= maxHTMLParsers {
			clear(s.parsers) // a parser per conversation (JSON conversation objects)
		}
		w = htmlParser{p}
		s.parsers[p] = w
	}
	return w
}

// maxHTMLParsers bounds the wrappers an htmlDeferringSink remembers.
const maxHTMLParsers = 64

// htmlParser turns the texts its parser reads from HTML into text.
type htmlParser struct{ p lint.RecordParser }

func (h htmlParser) NewParser() func([]byte, lint.Pos) (lint.Message, string) {
	return byValue(h.NewParserSkip())
}

// NewParserInto returns the parse function of its parser, in place.
func (h htmlParser) NewParserInto() func([]byte, lint.Pos, *lint.Message) string {
	return inPlace(h.NewParserSkip())
}

// the engine parses with NewParserSkip, which keeps what the wrapped
// parser can do (skip records)
var _ lint.SkippingParser = htmlParser{}

// NewParserSkip returns the parse function of its parser, the message's
// text read as HTML.
func (h htmlParser) NewParserSkip() func([]byte, lint.Pos, *lint.Message) (string, bool) {
	parse := lint.NewParseFunc(h.p)
	return func(raw []byte, pos lint.Pos, m *lint.Message) (string, bool) {
		why, skip := parse(raw, pos, m)
		if why == "" && !skip {
			htmlMessage(m)
		}
		return why, skip
	}
}

// withHTML wraps sink so that message texts are read as HTML.
func withHTML(sink lint.Sink) lint.Sink {
	if d, ok := sink.(lint.DeferringSink); ok {
		return &htmlDeferringSink{htmlSink: htmlSink{sink}, deferring: d, parsers: map[lint.RecordParser]lint.RecordParser{}}
	}
	return htmlSink{sink}
}
