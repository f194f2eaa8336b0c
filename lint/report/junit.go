package report

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/chatlint/chatlint/internal/spool"
	"github.com/chatlint/chatlint/lint"
)

// spoolMemory is how many bytes of test cases the JUnit writer holds in
// memory before it spools them to a temporary file. A variable so that
// tests can make it small.
var spoolMemory = spool.DefaultMemory

func init() {
	streaming("junit")
	register("junit", func(w io.Writer, opts Options) Writer {
		return &junitWriter{w: w, opts: opts, suites: map[string]*junitSuite{}, spool: spool.Spool{Memory: spoolMemory}}
	})
}

// junitWriter writes JUnit XML for CI test-report viewers: one <testsuite>
// per input file (in order of first appearance), one <testcase> per
// conversation (per reply for a canned library). Any finding fails its test
// case: <failure type="…"> carries the most serious severity among its
// findings, and its body lists them all. A malformed record is a test case
// of its file with an <error>. chatlint does not time conversations, so
// every time attribute is 0. The document starts with the counts of the
// whole run, so each test case is encoded as it comes and kept in a spool
// (memory, then a temporary file) with its suite's extents; Close writes
// the document.
type junitWriter struct {
	w      io.Writer
	opts   Options
	order  []string
	suites map[string]*junitSuite
	spool  spool.Spool
	buf    []byte
	seen   map[string]int // canned: test case names so far, by file (see name)
	keys   fileKeys       // names files as test history follows them (path)
}

// path is how the report names a file, for its suite, its test cases'
// classname and file: cleaned and relative to the working directory when it
// lies inside it, with / between directories, as a baseline and the SARIF
// fingerprints key it. A test report follows a test case by its suite,
// class and name, and a CI job that names its files by an absolute path
// ($CI_PROJECT_DIR/replies, a Jenkins $WORKSPACE, which differ from runner
// to runner) or as ./replies would otherwise have every test case of one
// run new in the next. Standard input keeps its name.
func (j *junitWriter) path(name string) string { return j.keys.of(name) }

// junitSuite is what the writer keeps of a suite: its counts and where its
// encoded test cases lie in the spool.
type junitSuite struct {
	JUnitSuite
	extents []junitExtent
}

// junitExtent is a run of a suite's test cases in the spool.
type junitExtent struct{ off, n int64 }

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
	clean := true
	for i, r := range s {
		if !xmlChar(r) || (r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD")) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if !xmlChar(r) || (r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD")) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (j *junitWriter) suite(file string) *junitSuite {
	s := j.suites[file]
	if s == nil {
		s = &junitSuite{JUnitSuite: JUnitSuite{Name: lint.DecodedName(file), Time: "0"}}
		j.suites[file] = s
		j.order = append(j.order, file)
	}
	return s
}

// add encodes a test case of the file's suite into the spool.
func (j *junitWriter) add(file string, tc *JUnitCase) error {
	su := j.suite(file)
	su.Tests++
	if tc.Failure != nil {
		su.Failures++
	}
	if tc.Error != nil {
		su.Errors++
	}
	j.buf = appendJUnitCase(j.buf[:0], tc)
	j.buf = append(j.buf, '\n')
	off := j.spool.Size()
	if _, err := j.spool.Write(j.buf); err != nil {
		return err
	}
	n := int64(len(j.buf))
	if k := len(su.extents); k > 0 && su.extents[k-1].off+su.extents[k-1].n == off {
		su.extents[k-1].n += n
	} else {
		su.extents = append(su.extents, junitExtent{off, n})
	}
	return nil
}

// Conversation adds the conversation's test case to its file's suite.
func (j *junitWriter) Conversation(r *lint.Result) error {
	tc := JUnitTestCase(r, j.opts)
	file := j.path(r.Conversation.File)
	tc.Classname, tc.File = lint.DecodedName(file), junitFile(file)
	if j.opts.Canned {
		tc.Name = j.name(file, tc.Name)
	}
	return j.add(file, tc)
}

// name is a canned reply's test case name, numbered from its second time
// in the file (" (2)", " (3)" …): a test report keeps one test case per
// name in a suite (GitLab drops the others). A number another reply's
// name already holds (a reply that ends in " (2)") is passed over.
func (j *junitWriter) name(file, name string) string {
	if j.seen == nil {
		j.seen = map[string]int{}
	}
	k := file + "\x00" + name
	n := j.seen[k]
	if n == 0 {
		j.seen[k] = 1
		return name
	}
	for {
		n++
		numbered := name + " (" + strconv.Itoa(n) + ")"
		if nk := file + "\x00" + numbered; j.seen[nk] == 0 {
			j.seen[k], j.seen[nk] = n, 1
			return numbered
		}
	}
}

// junitFile is a test case's file attribute: the file, but none for
// standard input, which test reporters would annotate as a file "<stdin>"
// of the checkout (the suite and classname still name it).
func junitFile(name string) string {
	if name == lint.StdinName {
		return ""
	}
	return name
}

// junitReplyRunes is how much of a canned reply names its test case.
const junitReplyRunes = 100

// junitReplyName names the test case of a canned reply by its text, on one
// line, not by its line number: CI test reports (GitLab's merge request
// widget, Jenkins' test history) follow a test case from run to run by
// its suite, class and name, so a name with the line would make every
// reply below an inserted line a new failure and its old self a fixed
// one. A longer reply is cut, and the digest of its whole text appended,
// so that two replies starting alike stay two test cases (the writer
// numbers a reply written twice in a file, see junitWriter.name).
//
// The name is as the report writes it, what XML cannot hold as U+FFFD,
// so that replies differing only there (不行\x01, 不行\x02) are numbered
// apart, not two test cases of one name.
func junitReplyName(text string) string {
	head, cut := firstRunes(text, junitReplyRunes)
	if !cut {
		return xmlSafe(oneLine(text))
	}
	sum := sha256.Sum256([]byte(text))
	return xmlSafe(oneLine(head)) + "… #" + hex.EncodeToString(sum[:4])
}

// JUnitTestCase converts one result to its test case. What a person
// reads names a file as the text report does, decoded from GBK (or Big5) where it
// is not UTF-8 (lint.DecodedName: the suite, the classname, the test
// case's name, an id made of a file's name, and the positions in the
// body); the file attribute, which names a file of the repository for a
// tool, is the name as XML can hold it (U+FFFD for such bytes).
func JUnitTestCase(r *lint.Result, opts Options) *JUnitCase {
	c := r.Conversation
	line := 0
	if len(c.Messages) > 0 {
		line = firstLine(c)
	}
	tc := &JUnitCase{Name: lint.DecodedName(c.ID), Classname: lint.DecodedName(c.File), File: junitFile(c.File), Line: line, Time: "0"}
	if opts.Canned && len(c.Messages) > 0 {
		tc.Name = junitReplyName(c.Messages[0].Text)
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
	var body strings.Builder
	body.WriteString("\n")
	for i := range r.Findings {
		f := &r.Findings[i]
		worst = max(worst, f.Rule.Severity)
		if !slices.Contains(rules, f.Rule.ID) {
			rules = append(rules, f.Rule.ID)
		}
		m := r.Message(f)
		body.WriteString(lint.DecodedName(m.Pos.String()))
		if col := m.LineColumnUTF16(f); col > 0 { // on the file line, as the text report counts it
			body.WriteByte(':')
			body.WriteString(strconv.Itoa(col))
		}
		body.WriteByte(' ')
		body.WriteString(f.Rule.Severity.String())
		body.WriteByte(' ')
		body.WriteString(f.Rule.ID)
		body.WriteString(" -")
		body.WriteString(plainNum(f.Deduct))
		body.WriteString("\n    ")
		if t := formatTime(m.Time, opts.Location); t != "" {
			body.WriteString(t)
			body.WriteByte(' ')
		}
		body.WriteString(m.Role.String())
		if m.Sender != "" {
			body.WriteByte(' ')
			body.WriteString(m.Sender)
		}
		body.WriteString(": ")
		body.WriteString(oneLine(m.Text))
		body.WriteString("\n    ")
		body.WriteString(oneLine(MessageWithSuggestion(f)))
		body.WriteByte('\n')
	}
	tc.Failure = &JUnitProblem{
		Type:    worst.String(),
		Message: strconv.Itoa(len(r.Findings)) + " 项问题: " + strings.Join(rules, ", ") + "（" + plainNum(r.Score) + "分 " + r.Grade + "）",
		Body:    xmlSafe(body.String()),
	}
	return tc
}

// Discard removes the spooled test cases without writing the document.
func (j *junitWriter) Discard() error { return j.spool.Close() }

// Close adds the malformed records and writes the document.
func (j *junitWriter) Close(s *lint.Summary) error {
	defer j.spool.Close()
	if s == nil {
		s = lint.NewSummary()
	}
	err := s.Errors.Each(func(e lint.RecordError) error {
		file := j.path(e.Pos.File)
		return j.add(file, &JUnitCase{
			Name: lint.DecodedName(lint.RecordError{Pos: lint.Pos{File: file, Line: e.Pos.Line}, Col: e.Col}.Where()), Classname: lint.DecodedName(file), File: junitFile(file), Line: e.Pos.Line, Time: "0",
			Error: &JUnitProblem{Type: "malformed-record", Message: e.Err, Body: xmlSafe("\n" + lint.DecodedName(e.Error()) + "\n记录无法读取（未检查）\n")},
		})
	})
	if err != nil {
		return err
	}
	for _, e := range s.Unreadable {
		file := j.path(e.Pos.File)
		err := j.add(file, &JUnitCase{
			Name: lint.DecodedName(file), Classname: lint.DecodedName(file), File: junitFile(file), Time: "0",
			Error: &JUnitProblem{Type: "unreadable-file", Message: e.Err, Body: xmlSafe("\n" + lint.DecodedName(e.Error()) + "\n文件无法读取（自出错处起未检查）\n")},
		})
		if err != nil {
			return err
		}
	}
	root := JUnitSuites{Name: "chatlint", Time: "0"}
	for _, name := range j.order {
		su := j.suites[name]
		root.Tests += su.Tests
		root.Failures += su.Failures
		root.Errors += su.Errors
	}
	bw := bufio.NewWriterSize(j.w, 64<<10)
	b := append(j.buf[:0], xml.Header...)
	b = appendJUnitRootStart(b, &root)
	for _, name := range j.order {
		su := j.suites[name]
		b = append(b, '\n')
		b = appendJUnitSuiteStart(b, &su.JUnitSuite)
		b = append(b, '\n')
		bw.Write(b)
		b = b[:0]
		for _, x := range su.extents {
			if err := j.spool.CopyTo(bw, x.off, x.n); err != nil {
				return err
			}
		}
		b = append(b, "  </testsuite>"...)
	}
	if len(j.order) > 0 {
		b = append(b, '\n')
	}
	b = append(b, "</testsuites>\n"...)
	bw.Write(b)
	return bw.Flush()
}
