package transcript

import (
	"html"
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
			if j := strings.Index(s, "-->"); j >= 0 {
				s = s[j+3:]
			} else {
				s = ""
			}
		case !closing && (name == "script" || name == "style"):
			// raw text up to the matching end tag
			if j := indexFold(s, "</"+name); j >= 0 {
				s = s[j:]
			} else {
				s = ""
			}
		case name == "br":
			w.lineBreak(true)
		case lineBreakers[name]:
			w.lineBreak(false)
		case name == "td" || name == "th":
			w.space = true // table cells side by side
		}
	}
	return w.b.String()
}

// htmlWriter collects the text of HTML: white space collapsed, none at the
// start or end of a line, at most one empty line in a row.
type htmlWriter struct {
	b      strings.Builder
	space  bool // white space seen since the last character written
	breaks int  // line breaks owed before the next character (at most 2)
}

// text writes a run of character data.
func (w *htmlWriter) text(t string) {
	if strings.IndexByte(t, '&') >= 0 {
		t = html.UnescapeString(t)
	}
	for _, r := range t {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\u00a0':
			w.space = true
			continue
		}
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
	for quote := byte(0); i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1, name, closing
		}
	}
	return -1, "", false
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
	m.Text = HTMLText(m.Text)
	return s.Sink.Message(m)
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
	w := s.parsers[p]
	if w == nil {
		w = htmlParser{p}
		s.parsers[p] = w
	}
	return s.deferring.Deferred(pos, raw, w)
}

// htmlParser turns the texts its parser reads from HTML into text.
type htmlParser struct{ p lint.RecordParser }

func (h htmlParser) NewParser() func([]byte, lint.Pos) (lint.Message, string) {
	parse := h.p.NewParser()
	return func(raw []byte, pos lint.Pos) (lint.Message, string) {
		m, perr := parse(raw, pos)
		m.Text = HTMLText(m.Text)
		return m, perr
	}
}

// withHTML wraps sink so that message texts are read as HTML.
func withHTML(sink lint.Sink) lint.Sink {
	if d, ok := sink.(lint.DeferringSink); ok {
		return &htmlDeferringSink{htmlSink: htmlSink{sink}, deferring: d, parsers: map[lint.RecordParser]lint.RecordParser{}}
	}
	return htmlSink{sink}
}
