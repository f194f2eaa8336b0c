package report

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The JUnit report is written by hand, byte for byte as encoding/xml
// (Encoder.Indent("", "  ")) writes the JUnitSuites tree: a long run has a
// test case per conversation, and going through encoding/xml's reflection
// for each of them made JUnit the slowest format by far. The writer keeps
// the encoded test cases, not the tree, until the counts are known.
// TestJUnitEncoderMatchesEncodingXML holds the two together.

// appendJUnitCase appends the test case as it stands inside a <testsuite>
// (indented by two levels), without a trailing line break.
func appendJUnitCase(b []byte, tc *JUnitCase) []byte {
	b = append(b, "    <testcase"...)
	b = appendXMLAttr(b, "name", tc.Name)
	b = appendXMLAttr(b, "classname", tc.Classname)
	if tc.File != "" {
		b = appendXMLAttr(b, "file", tc.File)
	}
	if tc.Line != 0 {
		b = append(b, ` line="`...)
		b = strconv.AppendInt(b, int64(tc.Line), 10)
		b = append(b, '"')
	}
	b = appendXMLAttr(b, "time", tc.Time)
	b = append(b, '>')
	children := false
	if p := tc.Properties; p != nil {
		children = true
		b = append(b, "\n      <properties>"...)
		for _, pr := range p.Props {
			b = append(b, "\n        <property"...)
			b = appendXMLAttr(b, "name", pr.Name)
			b = appendXMLAttr(b, "value", pr.Value)
			b = append(b, "></property>"...)
		}
		if len(p.Props) > 0 {
			b = append(b, "\n      "...)
		}
		b = append(b, "</properties>"...)
	}
	for _, pr := range [...]struct {
		name string
		p    *JUnitProblem
	}{{"failure", tc.Failure}, {"error", tc.Error}} {
		if pr.p == nil {
			continue
		}
		children = true
		b = append(b, "\n      <"...)
		b = append(b, pr.name...)
		b = appendXMLAttr(b, "type", pr.p.Type)
		b = appendXMLAttr(b, "message", pr.p.Message)
		b = append(b, '>')
		b = appendCDATA(b, pr.p.Body)
		b = append(b, "</"...)
		b = append(b, pr.name...)
		b = append(b, '>')
	}
	if children {
		b = append(b, "\n    "...)
	}
	return append(b, "</testcase>"...)
}

// appendJUnitSuiteStart appends the <testsuite> start tag, indented by one
// level, without a line break.
func appendJUnitSuiteStart(b []byte, su *JUnitSuite) []byte {
	b = append(b, "  <testsuite"...)
	b = appendXMLAttr(b, "name", su.Name)
	b = appendXMLIntAttr(b, "tests", su.Tests)
	b = appendXMLIntAttr(b, "failures", su.Failures)
	b = appendXMLIntAttr(b, "errors", su.Errors)
	b = appendXMLIntAttr(b, "skipped", su.Skipped)
	b = appendXMLAttr(b, "time", su.Time)
	return append(b, '>')
}

// appendJUnitRootStart appends the <testsuites> start tag.
func appendJUnitRootStart(b []byte, r *JUnitSuites) []byte {
	b = append(b, "<testsuites"...)
	b = appendXMLAttr(b, "name", r.Name)
	b = appendXMLIntAttr(b, "tests", r.Tests)
	b = appendXMLIntAttr(b, "failures", r.Failures)
	b = appendXMLIntAttr(b, "errors", r.Errors)
	b = appendXMLAttr(b, "time", r.Time)
	return append(b, '>')
}

func appendXMLIntAttr(b []byte, name string, v int) []byte {
	b = append(b, ' ')
	b = append(b, name...)
	b = append(b, `="`...)
	b = strconv.AppendInt(b, int64(v), 10)
	return append(b, '"')
}

// appendXMLAttr appends ` name="value"`, the value escaped as encoding/xml
// escapes attributes: the five markup characters, tab and line breaks as
// character references, and what XML cannot hold (invalid UTF-8, most
// controls, U+FFFE/U+FFFF) as U+FFFD.
func appendXMLAttr(b []byte, name, v string) []byte {
	b = append(b, ' ')
	b = append(b, name...)
	b = append(b, `="`...)
	b = appendXMLEscaped(b, v)
	return append(b, '"')
}

func appendXMLEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '"' && c != '\'' && c != '&' && c != '<' && c != '>' {
			i++
			continue
		}
		var esc string
		width := 1
		switch c {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			var r rune
			r, width = utf8.DecodeRuneInString(s[i:])
			if xmlChar(r) && !(r == utf8.RuneError && width == 1) {
				i += width
				continue
			}
			esc = "\uFFFD"
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		i += width
		last = i
	}
	return append(b, s[last:]...)
}

// xmlChar reports whether XML 1.0 can hold r.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// appendCDATA wraps s in a CDATA section as encoding/xml does (nothing for
// an empty s; a "]]>" inside is split across two sections). s must already
// be free of characters XML cannot hold (xmlSafe).
func appendCDATA(b []byte, s string) []byte {
	if s == "" {
		return b
	}
	b = append(b, "<![CDATA["...)
	for {
		i := strings.Index(s, "]]>")
		if i < 0 {
			break
		}
		b = append(b, s[:i]...)
		b = append(b, "]]]]><![CDATA[>"...)
		s = s[i+3:]
	}
	b = append(b, s...)
	return append(b, "]]>"...)
}
