package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// hostileValues are what an export, a file name or a pack can put into a
// field that a report writes: bytes that are not UTF-8, controls that a
// terminal runs, characters an HTML or XML document must not hold,
// bidirectional overrides that reorder what follows them (Trojan Source),
// markup, workflow commands, a spreadsheet formula and a very long line.
var hostileValues = []struct{ name, v string }{
	// lone bytes, a character cut short, a surrogate, an overlong slash
	// and a raw 8-bit CSI (9B), which a terminal not in UTF-8 runs
	{"invalid UTF-8", "a\xffb\xc3(c\xe4\xb8d\xed\xa0\x80e\xc0\xaff\x9b2J"},
	{"C0 and DEL", "a\x00b\x07c\x08d\x0be\x0cf\x1b[2J\x1b]0;pwned\x07g\x7fh\ri"},
	{"C1", "a\u0085b\u009b31mc\u009d0;t\u009c"},
	{"line separators", "a\u2028b\u2029c"},
	{"noncharacters", "a\ufdd0b\ufffec\uffffd\U0001fffee\U0010ffff"},
	{"bidi", "客服\u202e10:00:05\u202c \u2066x\u2069 \u202a\u202b\u202d\u2067\u2068"},
	{"markup", `</p><script>alert(1)</script><img src=x onerror=alert(2)>"'&<!--]]>`},
	{"workflow command", "%0A::error::x\r\n::warning file=a,line=1::y%"},
	{"formula", `=HYPERLINK("http://x","y")`},
	{"long line", strings.Repeat("很长的一行，", 20000)},
}

// hostileFiles are file names a run may be given: blanks, URI and
// workflow-command delimiters, line breaks, backslashes, drive letters,
// an absolute and a parent path, invalid UTF-8 and controls.
var hostileFiles = []string{
	"logs/day 1.jsonl", "100%.jsonl", "a:b,c#d?.jsonl", "new\nline\r.jsonl", `back\slash.jsonl`,
	`C:\logs\day.jsonl`, "C:/logs/day.jsonl", "c:x.jsonl", "/abs/日志 1.jsonl", "../up/x.jsonl",
	"bad\xff\xc3.jsonl", "esc\x1b[2J\u202egnp.jsonl",
}

// hostileCase is one run of every format: v in every field, the file
// named file.
type hostileCase struct{ name, v, file string }

func hostileCases() []hostileCase {
	var cases []hostileCase
	for _, h := range hostileValues {
		cases = append(cases, hostileCase{h.name, h.v, "d" + h.v + ".jsonl"})
	}
	for _, f := range hostileFiles {
		cases = append(cases, hostileCase{fmt.Sprintf("file %q", f), "普通", f})
	}
	return cases
}

// hostileRun is a conversation with v in each field that comes from the
// input or a pack (its id, file, senders, agent, texts, match, message,
// suggestion, grade, note, skip reason; the rule's description, source,
// message and suggestions; the scoring's grades), and a summary with v in
// a malformed record, an unreadable file, an unused waiver and a skip
// reason; with the options to write them.
func hostileRun(v, file string) ([]*lint.Result, *lint.Summary, Options) {
	match := "不" + v + "行"
	rule := &lint.RuleInfo{ID: "shop/evasive", Pack: "shop", Name: "evasive", Type: "forbid", Severity: lint.Error,
		Deduct: 5, Description: "推诿" + v, Source: "规章" + v, Message: "避免「{match}」" + v,
		Suggest: map[string]string{match: "无法" + v}, File: "packs/" + v + ".yaml", Line: 3}
	t0 := time.Date(2026, 11, 4, 10, 0, 0, 0, time.UTC)
	id, agent, answer := "c"+v, "小"+v+"美", "您好"+v+"，这个"+match+"呢"
	c := &lint.Conversation{ID: id, File: file, Timed: true, Notes: []string{"注" + v}, Messages: []lint.Message{
		{Conversation: id, Role: lint.Customer, Sender: "买" + v + "家", Text: "在" + v + "吗\n第二行", Time: t0, Pos: lint.Pos{File: file, Line: 1}},
		{Conversation: id, Role: lint.Agent, Sender: agent, Text: answer, Time: t0.Add(5 * time.Second), Pos: lint.Pos{File: file, Line: 2}},
	}}
	i := strings.Index(answer, match)
	r := &lint.Result{Conversation: c, Agents: []string{agent}, Score: 95, Grade: "良" + v,
		Skipped: []lint.Skip{{Rule: "shop/slow", Reason: "没有" + v}},
		Findings: []lint.Finding{{Rule: rule, Msg: 1, Match: match, Start: i, End: i + len(match),
			Column: utf8.RuneCountInString(answer[:i]) + 1, Suggestion: "无法" + v, Message: "避免「" + match + "」" + v, Agent: agent, Deduct: 5}}}
	sum := lint.NewSummary()
	sum.Add(r)
	sum.Files, sum.Records, sum.Rejected, sum.SkippedRecords = 1, 4, 1, 1
	sum.SkippedReasons = map[string]int{"type " + v + " (--types X=skip)": 1}
	sum.Errors = lint.NewRecordErrors(lint.RecordError{Pos: lint.Pos{File: file, Line: 3}, Err: `unknown role "ag` + v + `ent"`})
	sum.Unreadable = []lint.RecordError{{Pos: lint.Pos{File: "gone" + v}, Err: "read gone" + v + ": input/output error"}}
	sum.UnusedWaivers = []lint.Waiver{{Rule: "shop/typo" + v, Reason: v, Pos: lint.Pos{File: file, Line: 4}, UnknownRule: true, Meant: []string{"shop/" + v}}}
	opts := Options{Location: time.UTC, Rules: []*lint.RuleInfo{rule}, Version: "1.0",
		Scoring: lint.Scoring{Start: 100, Grades: []lint.Grade{{Name: "良" + v, Min: 90}}, FailGrade: "差" + v}}
	return []*lint.Result{r}, sum, opts
}

// TestHostileInput runs every format over input that tries to break it and
// checks that each output is still what its consumer can read: valid UTF-8
// everywhere; a terminal gets no control (the text report shows them as
// U+FFFD); the page no character an HTML parser rejects and no markup of
// the input; JUnit parses as XML 1.0; SARIF and JSON parse, SARIF's
// artifact URIs are URI references; each annotation is one workflow
// command with its properties escaped; CSV parses and its formula guard
// holds.
func TestHostileInput(t *testing.T) {
	checks := map[string]func(t *testing.T, out []byte, c hostileCase){
		"text": checkHostileText, "html": checkHostileHTML, "junit": checkHostileJUnit,
		"sarif": checkHostileSARIF, "json": checkHostileJSON, "jsonl": checkHostileJSONL,
		"github": checkHostileGitHub, "csv": checkHostileCSV,
	}
	for _, f := range Formats() {
		if checks[f] == nil {
			t.Errorf("format %s has no hostile-input check", f)
		}
	}
	for _, c := range hostileCases() {
		for _, f := range Formats() {
			// every format as a canned-reply library's report too
			variants := []Options{{}, {Canned: true}}
			switch f {
			case "text":
				variants = append(variants, Options{Color: true})
			case "csv":
				variants = append(variants, Options{CSVRows: CSVConversations}, Options{CSVRows: CSVAgents})
			}
			for _, o := range variants {
				name := fmt.Sprintf("%s/%s", c.name, f)
				if o.Canned {
					name += "/canned"
				}
				if o.Color {
					name += "/color"
				}
				if o.CSVRows != "" {
					name += "/" + o.CSVRows
				}
				t.Run(name, func(t *testing.T) {
					results, sum, opts := hostileRun(c.v, c.file)
					opts.Color, opts.CSVRows, opts.Canned = o.Color, o.CSVRows, o.Canned
					out := render(t, f, opts, results, sum)
					if !utf8.Valid(out) {
						i := invalidUTF8At(out)
						t.Errorf("output is not UTF-8 at byte %d: %q", i, out[max(0, i-20):min(len(out), i+20)])
					}
					checks[f](t, out, c)
				})
			}
		}
	}
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// hostileMasks reports whether c holds a character every report masks
// (lint.Masked but the line breaks and tab) or bytes that are not UTF-8:
// then the output must show U+FFFD for them.
func hostileMasks(c hostileCase) bool {
	s := c.v + c.file
	return !utf8.ValidString(s) || strings.IndexFunc(s, func(r rune) bool {
		return r != '\n' && r != '\r' && r != '\t' && lint.Masked(r)
	}) >= 0
}

var ansiSGR = regexp.MustCompile("\x1b\\[[0-9;]*m")

// checkHostileText: nothing but a line break of the control characters
// and the bidirectional controls reaches the terminal (but the report's
// own colours); what was masked shows as U+FFFD.
func checkHostileText(t *testing.T, out []byte, c hostileCase) {
	s := ansiSGR.ReplaceAllString(string(out), "")
	for i, r := range s {
		if r != '\n' && lint.Masked(r) {
			t.Errorf("raw %U at %d: %q", r, i, s[max(0, i-30):min(len(s), i+30)])
			break
		}
	}
	if hostileMasks(c) && !strings.Contains(s, "\uFFFD") {
		t.Errorf("nothing shown as U+FFFD")
	}
}

// checkHostileHTML: no character an HTML parser reports as an error of
// the input stream, or that reorders what follows it; the input's markup
// stays text.
func checkHostileHTML(t *testing.T, out []byte, c hostileCase) {
	page := string(out)
	if bad := htmlInvalidChars(page); len(bad) > 0 {
		t.Errorf("the page holds characters no page should: %v", bad[:min(len(bad), 5)])
	}
	for _, raw := range []string{"<script>alert", "<img", "<!--]]>"} {
		if strings.Contains(page, raw) {
			t.Errorf("the input's markup %q is in the page raw", raw)
		}
	}
	if n, m := strings.Count(page, "<script"), strings.Count(page, "</script>"); n != m {
		t.Errorf("%d <script> but %d </script>", n, m)
	}
}

// checkHostileJUnit: encoding/xml reads the report to its end, and it
// holds only characters XML 1.0 allows.
func checkHostileJUnit(t *testing.T, out []byte, c hostileCase) {
	d := xml.NewDecoder(bytes.NewReader(out))
	for {
		if _, err := d.Token(); err != nil {
			if !errors.Is(err, io.EOF) {
				t.Fatalf("JUnit does not parse: %v", err)
			}
			break
		}
	}
	for i, r := range string(out) {
		if !xmlChar(r) {
			t.Errorf("%U at %d: XML 1.0 forbids it", r, i)
			break
		}
	}
}

// uriReference matches what RFC 3986 allows in a URI reference without a
// query or a fragment (which a file's has none of): an optional scheme,
// then unreserved characters, sub-delimiters, ":", "@", "/" and percent
// escapes.
var uriReference = regexp.MustCompile(`^(?:[A-Za-z][A-Za-z0-9+.-]*:)?(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$`)

// checkHostileSARIF: the log parses, and every artifact URI is a URI
// reference; a relative path stays a relative reference that names the
// file.
func checkHostileSARIF(t *testing.T, out []byte, c hostileCase) {
	var log any
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatalf("SARIF does not parse: %v", err)
	}
	var uris []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				if s, ok := e.(string); ok && k == "uri" {
					uris = append(uris, s)
				}
				walk(e)
			}
		case []any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(log)
	if len(uris) == 0 {
		t.Fatal("no artifact URI")
	}
	for _, u := range uris {
		if !uriReference.MatchString(u) {
			t.Errorf("artifact URI %q is no URI reference", u)
		}
	}
	// the finding's location: a relative reference to the file, or a
	// file URI of the absolute path
	want := SARIFURI(c.file)
	found := false
	for _, u := range uris {
		found = found || u == want
	}
	if !found {
		t.Errorf("no artifact URI %q among %q", want, uris)
	}
	p, err := url.Parse(want)
	if err != nil {
		t.Fatalf("%q: %v", want, err)
	}
	if strings.HasPrefix(c.file, "/") {
		if p.Scheme != "file" || p.Path != path.Clean(c.file) {
			t.Errorf("%q for %q: want file:// and the path", want, c.file)
		}
	} else if p.Scheme != "" || strings.HasPrefix(want, "/") || utf8.ValidString(c.file) && path.Clean(p.Path) != path.Clean(c.file) {
		t.Errorf("%q for %q: want a relative reference to it (%q)", want, c.file, p.Path)
	}
}

// checkHostileJSON: the report parses, with U+2028 and U+2029 escaped
// (JavaScript before ES2019 ends a string at them).
func checkHostileJSON(t *testing.T, out []byte, c hostileCase) {
	if !json.Valid(out) {
		t.Fatalf("JSON does not parse")
	}
	checkNoRawSeparators(t, out)
}

func checkNoRawSeparators(t *testing.T, out []byte) {
	t.Helper()
	if bytes.ContainsRune(out, '\u2028') || bytes.ContainsRune(out, '\u2029') {
		t.Errorf("raw U+2028 or U+2029")
	}
}

// checkHostileJSONL: each line parses.
func checkHostileJSONL(t *testing.T, out []byte, c hostileCase) {
	for i, line := range bytes.Split(bytes.TrimSuffix(out, []byte("\n")), []byte("\n")) {
		if !json.Valid(line) {
			t.Errorf("line %d does not parse: %.200q", i+1, line)
		}
	}
	checkNoRawSeparators(t, out)
}

// githubUnescape undoes GitHub's escaping of a workflow command's property
// or data.
var githubUnescape = strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")

// checkHostileGitHub: every line but the summary is one workflow command,
// its properties free of the delimiters (the runner splits them at "," and
// ends them at "::"), its data of line breaks; what the runner unescapes
// holds no control (but line breaks in the message) nor bidirectional
// control; the file property names the file.
func checkHostileGitHub(t *testing.T, out []byte, c hostileCase) {
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	// the unreadable file, the malformed record, the finding, the unused
	// waiver, the summary
	if len(lines) != 5 {
		t.Fatalf("%d lines, want 5:\n%.2000q", len(lines), out)
	}
	if !strings.HasPrefix(lines[4], "chatlint: ") {
		t.Errorf("summary line %.200q", lines[4])
	}
	var files []string
	// the finding's first: its file property is the one checked below
	for _, line := range []string{lines[2], lines[0], lines[1], lines[3]} {
		rest, ok := strings.CutPrefix(line, "::")
		if !ok {
			t.Errorf("not a workflow command: %.200q", line)
			continue
		}
		head, data, ok := strings.Cut(rest, "::")
		if !ok {
			t.Errorf("no :: before the message: %.200q", line)
			continue
		}
		name, props, _ := strings.Cut(head, " ")
		if name != "error" && name != "warning" && name != "notice" {
			t.Errorf("command %q", name)
		}
		if strings.ContainsAny(data, "\r") {
			t.Errorf("raw CR in the message: %.200q", line)
		}
		check := func(what, s string, breaks bool) {
			for i, r := range s {
				if (!breaks || r != '\n' && r != '\r') && lint.Masked(r) {
					t.Errorf("%s holds %U at %d: %.200q", what, r, i, s)
					return
				}
			}
		}
		check("message", githubUnescape.Replace(data), true)
		if props == "" {
			continue
		}
		for _, p := range strings.Split(props, ",") {
			k, v, ok := strings.Cut(p, "=")
			if !ok || strings.ContainsAny(v, ":\r\n") {
				t.Errorf("property %q badly escaped in %.200q", p, line)
				continue
			}
			v = githubUnescape.Replace(v)
			check("property "+k, v, true)
			if k == "file" {
				files = append(files, v)
			}
		}
	}
	if want := lint.Shown(c.file); !strings.Contains(c.file, "\n") && !hostileMasks(c) && len(files) > 0 && files[0] != want {
		t.Errorf("file=%q, want %q", files[0], want)
	}
}

// checkHostileCSV: the report parses, every record as long as the header,
// and a cell a spreadsheet would run as a formula starts with an
// apostrophe.
func checkHostileCSV(t *testing.T, out []byte, c hostileCase) {
	r := csv.NewReader(bytes.NewReader(out))
	r.FieldsPerRecord = 0
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	for _, row := range rows {
		for _, cell := range row {
			if CSVFormulaSafe(cell) != cell {
				t.Errorf("cell %.100q would run as a formula", cell)
			}
		}
	}
}
