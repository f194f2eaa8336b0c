package report

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

func init() {
	streaming("junit")
	register("junit", func(w io.Writer, opts Options) Writer {
		return &junitWriter{w: w, opts: opts, suites: map[string]*JUnitSuite{}}
	})
}

// junitWriter writes JUnit XML for CI test-report viewers: one <testsuite>
// per input file (in order of first appearance), one <testcase> per
// conversation (per reply for a canned library). Any finding fails its test
// case: <failure type="…"> carries the most serious severity among its
// findings, and its body lists them all. A malformed record is a test case
// of its file with an <error>. chatlint does not time conversations, so
// every time attribute is 0. The document needs the whole run (suites carry
// counts), so it is written by Close.
type junitWriter struct {
	w      io.Writer
	opts   Options
	order  []string
	suites map[string]*JUnitSuite
}

// JUnitSuites is the <testsuites> root.
type JUnitSuites struct {
	XMLName  xml.Name      `xml:"testsuites"`
	Name     string        `xml:"name,attr"`
	Tests    int           `xml:"tests,attr"`
	Failures int           `xml:"failures,attr"`
	Errors   int           `xml:"errors,attr"`
	Time     string        `xml:"time,attr"`
	Suites   []*JUnitSuite `xml:"testsuite"`
}

// JUnitSuite is the <testsuite> of one input file.
type JUnitSuite struct {
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Time     string       `xml:"time,attr"`
	Cases    []*JUnitCase `xml:"testcase"`
}

// JUnitCase is one conversation (or canned reply, or malformed record).
type JUnitCase struct {
	Name       string        `xml:"name,attr"`
	Classname  string        `xml:"classname,attr"`
	File       string        `xml:"file,attr,omitempty"`
	Line       int           `xml:"line,attr,omitempty"`
	Time       string        `xml:"time,attr"`
	Properties *JUnitProps   `xml:"properties,omitempty"`
	Failure    *JUnitProblem `xml:"failure,omitempty"`
	Error      *JUnitProblem `xml:"error,omitempty"`
}

// JUnitProps is a test case's <properties>.
type JUnitProps struct {
	Props []JUnitProperty `xml:"property"`
}

// JUnitProperty is one <property name value>.
type JUnitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

// JUnitProblem is a <failure> or <error>: a type, a one-line message and
// the details in the body (CDATA, so that its line breaks stay readable;
// JUnitTestCase and the writer keep it free of characters XML forbids).
type JUnitProblem struct {
	Type    string `xml:"type,attr"`
	Message string `xml:"message,attr"`
	Body    string `xml:",cdata"`
}

// xmlSafe replaces the characters XML 1.0 cannot hold (most C0 controls,
// surrogates, U+FFFE/U+FFFF, invalid UTF-8) by U+FFFD. encoding/xml does
// this for attributes and character data, but not for CDATA.
func xmlSafe(s string) string {
	ok := func(r rune) bool {
		return r == '\t' || r == '\n' || r == '\r' ||
			(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
	}
	clean := true
	for i, r := range s {
		if !ok(r) || (r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD")) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if !ok(r) || (r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD")) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (j *junitWriter) suite(file string) *JUnitSuite {
	s := j.suites[file]
	if s == nil {
		s = &JUnitSuite{Name: file, Time: "0"}
		j.suites[file] = s
		j.order = append(j.order, file)
	}
	return s
}

// Conversation adds the conversation's test case to its file's suite.
func (j *junitWriter) Conversation(r *lint.Result) error {
	j.suite(r.Conversation.File).Cases = append(j.suite(r.Conversation.File).Cases, JUnitTestCase(r, j.opts))
	return nil
}

// JUnitTestCase converts one result to its test case.
func JUnitTestCase(r *lint.Result, opts Options) *JUnitCase {
	c := r.Conversation
	line := 0
	if len(c.Messages) > 0 {
		line = firstLine(c)
	}
	tc := &JUnitCase{Name: c.ID, Classname: c.File, File: c.File, Line: line, Time: "0"}
	if opts.Canned && len(c.Messages) > 0 {
		tc.Name = fmt.Sprintf("%s:%d %s", c.File, line, oneLine(shorten(c.Messages[0].Text, 30)))
	}
	props := []JUnitProperty{
		{"score", plainNum(r.Score)}, {"grade", r.Grade},
		{"messages", strconv.Itoa(len(c.Messages))}, {"findings", strconv.Itoa(len(r.Findings))},
	}
	if len(r.Agents) > 0 {
		props = append(props, JUnitProperty{"agents", strings.Join(r.Agents, ";")})
	}
	var skipped []string
	for _, s := range r.Skipped {
		skipped = append(skipped, s.Rule)
	}
	if len(skipped) > 0 {
		props = append(props, JUnitProperty{"skipped", strings.Join(skipped, ";")})
	}
	tc.Properties = &JUnitProps{Props: props}
	if len(r.Findings) == 0 {
		return tc
	}
	worst := lint.SeverityNone
	var rules []string
	seen := map[string]bool{}
	var body strings.Builder
	body.WriteString("\n")
	for i := range r.Findings {
		f := &r.Findings[i]
		worst = max(worst, f.Rule.Severity)
		if !seen[f.Rule.ID] {
			seen[f.Rule.ID] = true
			rules = append(rules, f.Rule.ID)
		}
		m := r.Message(f)
		loc := m.Pos.String()
		if f.Column > 0 {
			loc += ":" + strconv.Itoa(f.Column)
		}
		fmt.Fprintf(&body, "%s %s %s -%s\n", loc, f.Rule.Severity, f.Rule.ID, plainNum(f.Deduct))
		who := m.Role.String()
		if m.Sender != "" {
			who += " " + m.Sender
		}
		if t := formatTime(m.Time, opts.Location); t != "" {
			who = t + " " + who
		}
		fmt.Fprintf(&body, "    %s: %s\n", who, oneLine(m.Text))
		fmt.Fprintf(&body, "    %s\n", oneLine(MessageWithSuggestion(f)))
	}
	tc.Failure = &JUnitProblem{
		Type:    worst.String(),
		Message: fmt.Sprintf("%d 项问题: %s（%s分 %s）", len(r.Findings), strings.Join(rules, ", "), plainNum(r.Score), r.Grade),
		Body:    xmlSafe(body.String()),
	}
	return tc
}

// Close adds the malformed records, counts, and writes the document.
func (j *junitWriter) Close(s *lint.Summary) error {
	if s == nil {
		s = lint.NewSummary()
	}
	for _, e := range s.Errors {
		su := j.suite(e.Pos.File)
		su.Cases = append(su.Cases, &JUnitCase{
			Name: e.Pos.String(), Classname: e.Pos.File, File: e.Pos.File, Line: e.Pos.Line, Time: "0",
			Error: &JUnitProblem{Type: "malformed-record", Message: e.Err, Body: xmlSafe("\n" + e.Error() + "\n记录无法读取（未检查）\n")},
		})
	}
	root := JUnitSuites{Name: "chatlint", Time: "0"}
	for _, name := range j.order {
		su := j.suites[name]
		for _, tc := range su.Cases {
			su.Tests++
			if tc.Failure != nil {
				su.Failures++
			}
			if tc.Error != nil {
				su.Errors++
			}
		}
		root.Tests += su.Tests
		root.Failures += su.Failures
		root.Errors += su.Errors
		root.Suites = append(root.Suites, su)
	}
	bw := bufio.NewWriter(j.w)
	bw.WriteString(xml.Header)
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := enc.Encode(root); err != nil {
		return err
	}
	bw.WriteString("\n")
	return bw.Flush()
}
