package main

import (
	"bytes"
	"regexp"
)

// chatlintHeads are how the reports and baselines chatlint writes in the
// formats a directory walk reads (.json, .jsonl, .csv, .txt) start, each
// with a literal start looked for first: most exports start with none, and
// cost a few comparisons (see ownFile).
var chatlintHeads = []struct {
	lit string
	re  *regexp.Regexp // nil: the literal is enough
}{
	// the JSON report: its first conversation, or none and the agents
	{"{\n  \"conversations\": [", regexp.MustCompile(`\A\{\n  "conversations": \[(?:\],\n  "agents": |\n    \{\n      "id": (?s:.*)"messages_by_role": \{)`)},
	// the JSONL report's first conversation (. stops at its line's end)
	{`{"id":`, regexp.MustCompile(`\A\{"id":.*"messages_by_role":\{.*"score":.*"grade":`)},
	// the SARIF report, a baseline
	{"{\n  \"$schema\": \"https://docs.oasis-open.org/sarif/", nil},
	{"{\n  \"version\": ", regexp.MustCompile(`\A\{\n  "version": \d+,\n  "tool": "chatlint"`)},
	// the text report (a conversation's line, coloured or not; or the
	// summary alone), the GitHub one (its first annotation, or the summary
	// alone)
	{"\x1b[", regexp.MustCompile(`\A\x1b\[[0-9;]*m(?:[✓✗]\x1b\[[0-9;]*m \x1b\[[0-9;]*m会话 |汇总:)`)},
	{"✓ 会话 ", nil},
	{"✗ 会话 ", nil},
	{"汇总: ", regexp.MustCompile(`\A汇总: \d+ 个文件`)},
	{"::", regexp.MustCompile(`\A::(?:error|warning|notice) file=`)},
	{"chatlint: ", regexp.MustCompile(`\Achatlint: \d+ findings? \(error \d+`)},
}

// ownFile reports whether head, the start of a file found in a directory
// walk (decoded, without its byte-order mark), is that of a report or
// baseline chatlint wrote (transcript.Options.OwnFile), which the walk
// leaves out: the next night's run of a job writing its reports into the
// directory it lints does not read them as transcripts. Only the start is
// looked at, which the reader holds anyway: writtenByChatlint, which
// reads the end too, tells the files named of their malformed records.
func ownFile(head []byte) bool {
	for _, h := range chatlintCSVHeads {
		if bytes.HasPrefix(head, []byte(h)) {
			return true
		}
	}
	for _, h := range chatlintHeads {
		if bytes.HasPrefix(head, []byte(h.lit)) && (h.re == nil || h.re.Match(head)) {
			return true
		}
	}
	return false
}
