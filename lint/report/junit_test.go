package report

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// parseJUnit checks that the report is well-formed XML and decodes it.
func parseJUnit(t *testing.T, out []byte) *JUnitSuites {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(out))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, out)
		}
	}
	var s JUnitSuites
	if err := xml.Unmarshal(out, &s); err != nil {
		t.Fatal(err)
	}
	return &s
}

func TestJUnit(t *testing.T) {
	results, sum := fixture()
	out := render(t, "junit", fxOptions(), results, sum)
	if !bytes.HasPrefix(out, []byte(xml.Header)) {
		t.Errorf("no XML declaration: %.60s", out)
	}
	s := parseJUnit(t, out)
	if s.Tests != 5 || s.Failures != 2 || s.Errors != 2 {
		t.Errorf("testsuites tests/failures/errors = %d/%d/%d, want 5/2/2", s.Tests, s.Failures, s.Errors)
	}
	var names []string
	for _, su := range s.Suites {
		names = append(names, su.Name)
	}
	if strings.Join(names, "|") != fxFile+"|other.txt|broken.csv" {
		t.Fatalf("suites %q: one per file, in order of appearance", names)
	}
	day := s.Suites[0]
	if day.Tests != 3 || day.Failures != 1 || day.Errors != 1 || len(day.Cases) != 3 {
		t.Errorf("suite %s: %+v", day.Name, day)
	}
	c1, c2, bad := day.Cases[0], day.Cases[1], day.Cases[2]
	if c1.Name != "c1" || c1.Failure == nil || c1.Failure.Type != "error" {
		t.Errorf("c1: %+v (want a failure typed by its worst finding, error)", c1)
	}
	for _, want := range []string{
		fxFile + ":1 warning shop/greeting -2",
		fxFile + ":2:4 error shop/evasive -5",
		"2026-11-04T18:00:05+08:00 agent 客服01: 他说\"不行\", ⏎ 真的不行",
		"避免「不行」: 100% ⏎ 换个说法 建议: 不行 → 无法帮到您",
	} {
		if !strings.Contains(c1.Failure.Body, want) {
			t.Errorf("c1 failure body lacks %q:\n%s", want, c1.Failure.Body)
		}
	}
	if !strings.HasPrefix(c1.Failure.Message, "2 项问题: shop/greeting, shop/evasive") {
		t.Errorf("c1 failure message %q", c1.Failure.Message)
	}
	props := map[string]string{}
	for _, p := range c1.Properties.Props {
		props[p.Name] = p.Value
	}
	if props["score"] != "93" || props["grade"] != "良好" || props["agents"] != "客服01" {
		t.Errorf("c1 properties %v", props)
	}
	if c2.Failure != nil || c2.Error != nil || c2.Name != "c2" {
		t.Errorf("clean c2: %+v", c2)
	}
	if bad.Error == nil || bad.Error.Type != "malformed-record" || bad.Name != fxFile+":6" || bad.Line != 6 {
		t.Errorf("malformed record: %+v", bad)
	}
	other := s.Suites[1].Cases[0]
	if other.Failure == nil || other.Failure.Type != "info" {
		t.Fatalf("c3: %+v", other)
	}
	// control characters cannot be in XML: replaced; "]]>" survives CDATA
	if !strings.Contains(other.Failure.Body, "结束\uFFFD]]>") {
		t.Errorf("c3 body %q", other.Failure.Body)
	}
	for _, tc := range []*JUnitCase{c1, c2, bad, other} {
		if tc.Time != "0" {
			t.Errorf("%s time %q", tc.Name, tc.Time)
		}
	}
	if s.Suites[2].Cases[0].Line != 0 || s.Suites[2].Cases[0].Name != "broken.csv" {
		t.Errorf("malformed record without a line: %+v", s.Suites[2].Cases[0])
	}
}

func TestJUnitCanned(t *testing.T) {
	text := "这个我也不知道，您问问快递吧，或者联系一下物流公司看看他们怎么说的吧"
	c := &lint.Conversation{ID: "lib/r.txt:7", File: "lib/r.txt", Messages: []lint.Message{{Role: lint.Agent, Text: text, Pos: lint.Pos{File: "lib/r.txt", Line: 7}}}}
	r := &lint.Result{Conversation: c, Score: 95, Grade: "优秀", Findings: []lint.Finding{fxFinding(c, fxEvasive, 0, "不知道", "", "推诿", "", 5)}}
	sum := lint.NewSummary()
	sum.Add(r)
	s := parseJUnit(t, render(t, "junit", Options{Canned: true}, []*lint.Result{r}, sum))
	tc := s.Suites[0].Cases[0]
	if tc.Name != text || tc.Line != 7 || tc.File != "lib/r.txt" {
		t.Errorf("canned test case name %q (line %d, file %q), want the reply's text, at line 7 of lib/r.txt", tc.Name, tc.Line, tc.File)
	}
	if tc.Failure == nil || !strings.Contains(tc.Failure.Body, "lib/r.txt:7:5 error shop/evasive -5\n    agent: "+text) {
		t.Errorf("canned failure %+v", tc.Failure)
	}
}

func TestJUnitEmptyRun(t *testing.T) {
	out := render(t, "junit", Options{}, nil, lint.NewSummary())
	s := parseJUnit(t, out)
	if s.Tests != 0 || len(s.Suites) != 0 || s.Name != "chatlint" {
		t.Errorf("empty run: %s", out)
	}
}

func TestXMLSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"普通文本\n\t\r", "普通文本\n\t\r"},
		{"a\x00b\x0bc\x1f", "a\uFFFDb\uFFFDc\uFFFD"},
		{"bad\xffutf8", "bad\uFFFDutf8"},
		{"\uFFFD kept", "\uFFFD kept"},
		{"\uFFFE", "\uFFFD"},
		{"😀", "😀"},
	}
	for _, tt := range tests {
		if got := xmlSafe(tt.in); got != tt.want {
			t.Errorf("xmlSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestJUnitDiscard: a run that ends without a report (--strict, an
// interrupt) lets the spooled test cases go, through the redacting wrapper
// too.
func TestJUnitDiscard(t *testing.T) {
	defer func(n int) { spoolMemory = n }(spoolMemory)
	spoolMemory = 0
	t.Setenv("TMPDIR", t.TempDir())
	results, _ := fixture()
	w, err := New("junit", io.Discard, fxOptions())
	if err != nil {
		t.Fatal(err)
	}
	red := Redacting(w)
	for _, r := range results {
		if err := red.Conversation(r); err != nil {
			t.Fatal(err)
		}
	}
	j := w.(*junitWriter)
	if !j.spool.InFile() {
		t.Fatal("nothing spooled to a file")
	}
	if err := Discard(red); err != nil {
		t.Fatal(err)
	}
	if j.spool.InFile() || j.spool.Size() != 0 {
		t.Error("the spool is still held after Discard")
	}
	if err := Discard(&textWriter{}); err != nil {
		t.Errorf("a writer holding nothing: %v", err)
	}
}

// TestJUnitStdin: test cases read from standard input have no file
// attribute, which test reporters turn into annotations of a file of the
// checkout (there is no file "<stdin>"); the suite and classname still say
// <stdin>, as the other reports do.
func TestJUnitStdin(t *testing.T) {
	sum := lint.NewSummary()
	sum.Files = 1
	r := stdinResult(sum)
	s := parseJUnit(t, render(t, "junit", fxOptions(), []*lint.Result{r}, sum))
	n := 0
	for _, su := range s.Suites {
		if su.Name != lint.StdinName {
			t.Errorf("suite %q", su.Name)
		}
		for _, tc := range su.Cases {
			n++
			if tc.File != "" || tc.Classname != lint.StdinName {
				t.Errorf("test case %q: file %q, classname %q", tc.Name, tc.File, tc.Classname)
			}
		}
	}
	if n != 3 {
		t.Errorf("%d test cases, want 3", n)
	}
}

// TestJUnitCannedNames: a canned reply's test case is named by its text,
// not its line, so that CI test reports (GitLab's merge request widget,
// Jenkins' history) follow it when lines are inserted above it; replies
// that start alike stay apart, and one written twice in a file is
// numbered, as a test report keeps one test case per name.
func TestJUnitCannedNames(t *testing.T) {
	long := strings.Repeat("亲，您好！很高兴为您服务，", 10)
	reply := func(file string, line int, text string) *lint.Result {
		c := &lint.Conversation{ID: file + ":" + strconv.Itoa(line), File: file, Messages: []lint.Message{{Role: lint.Agent, Text: text, Pos: lint.Pos{File: file, Line: line}}}}
		return &lint.Result{Conversation: c, Score: 100, Grade: "优秀"}
	}
	names := func(lines ...int) []string {
		texts := []string{"这个我也不知道", long + "请问有什么可以帮您？", long + "请稍等", "这个我也不知道", "第一行\n第二行"}
		var rs []*lint.Result
		for i, text := range texts {
			rs = append(rs, reply("a.txt", lines[i], text))
		}
		rs = append(rs, reply("b.txt", 1, "这个我也不知道"))
		sum := lint.NewSummary()
		for _, r := range rs {
			sum.Add(r)
		}
		s := parseJUnit(t, render(t, "junit", Options{Canned: true}, rs, sum))
		var out []string
		for _, su := range s.Suites {
			for _, tc := range su.Cases {
				out = append(out, su.Name+" "+tc.Name)
			}
		}
		return out
	}
	got := names(1, 2, 3, 4, 5)
	if moved := names(3, 5, 8, 9, 12); strings.Join(moved, "|") != strings.Join(got, "|") {
		t.Errorf("names changed with the lines:\n%q\n%q", got, moved)
	}
	seen := map[string]bool{}
	for _, n := range got {
		if seen[n] {
			t.Errorf("two test cases named %q", n)
		}
		seen[n] = true
		if strings.ContainsAny(n, "\n:") {
			t.Errorf("name %q: a line break, or a line number", n)
		}
	}
	if got[0] != "a.txt 这个我也不知道" || got[3] != "a.txt 这个我也不知道 (2)" || got[5] != "b.txt 这个我也不知道" {
		t.Errorf("names %q", got)
	}
	if !strings.HasSuffix(got[1], "…") && !strings.Contains(got[1], "… #") {
		t.Errorf("a long reply's name %q is not cut", got[1])
	}
}

// TestJUnitCannedNamesNeverCollide: replies whose names come out alike
// stay apart: a reply that ends as a numbered one does (这个不行 (2)), and
// replies differing only in characters XML cannot hold, written as U+FFFD.
func TestJUnitCannedNamesNeverCollide(t *testing.T) {
	var rs []*lint.Result
	sum := lint.NewSummary()
	for i, text := range []string{"这个不行 (2)", "这个不行", "这个不行", "不行\x01", "不行\x02", "不行\uFFFD"} {
		c := &lint.Conversation{ID: "a.txt:" + strconv.Itoa(i+1), File: "a.txt", Messages: []lint.Message{{Role: lint.Agent, Text: text, Pos: lint.Pos{File: "a.txt", Line: i + 1}}}}
		r := &lint.Result{Conversation: c, Score: 100, Grade: "优秀"}
		sum.Add(r)
		rs = append(rs, r)
	}
	s := parseJUnit(t, render(t, "junit", Options{Canned: true}, rs, sum))
	var got []string
	seen := map[string]bool{}
	for _, tc := range s.Suites[0].Cases {
		got = append(got, tc.Name)
		if seen[tc.Name] {
			t.Errorf("two test cases named %q", tc.Name)
		}
		seen[tc.Name] = true
	}
	want := []string{"这个不行 (2)", "这个不行", "这个不行 (3)", "不行\uFFFD", "不行\uFFFD (2)", "不行\uFFFD (3)"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("names\n got %q\nwant %q", got, want)
	}
}

// TestJUnitPathsAsKeyed: a test report follows a test case by its suite,
// class and name, so a file's suite, classname and file are its path
// cleaned and relative to the working directory, however it was typed: a
// CI job naming it by an absolute path ($CI_PROJECT_DIR, a Jenkins
// workspace, which change from runner to runner) or as ./lib/a.txt keeps
// the test cases of the run before. A file outside stays as it is.
func TestJUnitPathsAsKeyed(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	sum := lint.NewSummary()
	var results []*lint.Result
	for i, name := range []string{"./lib/a.txt", filepath.Join(wd, "lib", "a.txt"), "lib//b.txt", "/elsewhere/c.txt"} {
		c := &lint.Conversation{ID: name + ":" + strconv.Itoa(i+1), File: name, Messages: []lint.Message{
			{Role: lint.Agent, Text: "回复" + strconv.Itoa(i), Pos: lint.Pos{File: name, Line: i + 1}},
		}}
		r := &lint.Result{Conversation: c, Score: 100, Grade: "优秀"}
		sum.Add(r)
		results = append(results, r)
	}
	sum.Errors.Add(lint.RecordError{Pos: lint.Pos{File: "./lib/a.txt", Line: 9}, Err: "the reply is a number"})
	sum.Unreadable = []lint.RecordError{{Pos: lint.Pos{File: filepath.Join(wd, "lib", "d.yaml")}, Err: "line 2: YAML syntax error"}}
	out := string(render(t, "junit", Options{Canned: true}, results, sum))
	for _, want := range []string{
		`<testsuite name="lib/a.txt" tests="3" failures="0" errors="1"`,
		`<testcase name="回复0" classname="lib/a.txt" file="lib/a.txt" line="1"`,
		`<testcase name="回复1" classname="lib/a.txt" file="lib/a.txt" line="2"`,
		`<testcase name="lib/a.txt:9" classname="lib/a.txt" file="lib/a.txt" line="9"`,
		`<testsuite name="lib/b.txt"`,
		`<testcase name="回复3" classname="/elsewhere/c.txt" file="/elsewhere/c.txt" line="4"`,
		`<testcase name="lib/d.yaml" classname="lib/d.yaml" file="lib/d.yaml"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %s in\n%s", want, out)
		}
	}
	// (the bodies list the findings as the text report does, paths as typed)
	for _, attr := range []string{`name="` + wd, `file="` + wd, `name="./`, `file="./`} {
		if strings.Contains(out, attr) {
			t.Errorf("an attribute with a path as typed, %s…:\n%s", attr, out)
		}
	}
}
