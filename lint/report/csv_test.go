package report

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// The fixture below is shared by the tests of every format in this package:
// three conversations (one with findings whose texts hold commas, quotes,
// line breaks and a match at a CJK column; one clean with two agents; one
// untimed with control characters, a lone CR and text that looks like a
// spreadsheet formula) and two malformed records (one without a line).

var (
	fxEvasive = &lint.RuleInfo{ID: "shop/evasive", Pack: "shop", Name: "evasive", Type: "forbid", Severity: lint.Error,
		Deduct: 5, MaxDeduct: 10, Description: "推诿用语 *不行* 与 _不知道_", Source: "规章 五.五, 002_x.txt 十四",
		Suggest: map[string]string{"不行": "无法帮到您"}, File: "packs/shop.yaml", Line: 7}
	fxGreeting = &lint.RuleInfo{ID: "shop/greeting", Pack: "shop", Name: "greeting", Type: "require", Severity: lint.Warning,
		Deduct: 2, Description: "首次回复要有问候语"}
	fxBut = &lint.RuleInfo{ID: "shop/but", Pack: "shop", Name: "but", Type: "forbid", Severity: lint.Info, Deduct: 0.5}
	// fxQuiet never fires: its columns must still be there, all zero.
	fxQuiet = &lint.RuleInfo{ID: "shop/quiet", Pack: "shop", Name: "quiet", Type: "forbid", Severity: lint.Error, Deduct: 1}
	fxRules = []*lint.RuleInfo{fxEvasive, fxGreeting, fxBut, fxQuiet}
)

const fxFile = "logs/day 1,a:b.jsonl"

func fxTime(sec int) time.Time { return time.Date(2026, 11, 4, 10, 0, sec, 0, time.UTC) }

// stdinResult is a conversation read from standard input with one finding
// (line 4), added to sum with a malformed record (line 7) and an unreadable
// stdin: what the tests of how each report names standard input render.
func stdinResult(sum *lint.Summary) *lint.Result {
	c := &lint.Conversation{ID: "c1", File: lint.StdinName, Messages: []lint.Message{
		{Role: lint.Agent, Text: "不行", Pos: lint.Pos{File: lint.StdinName, Line: 4}},
	}}
	r := &lint.Result{Conversation: c, Score: 95, Findings: []lint.Finding{fxFinding(c, fxEvasive, 0, "不行", "", "避免「不行」", "", 5)}}
	sum.Add(r)
	sum.Errors.Add(lint.RecordError{Pos: lint.Pos{File: lint.StdinName, Line: 7}, Err: "invalid JSON"})
	sum.Unreadable = append(sum.Unreadable, lint.RecordError{Pos: lint.Pos{File: lint.StdinName}, Err: "read error"})
	return r
}

// finding builds a finding pointing at match in message msg of c.
func fxFinding(c *lint.Conversation, rule *lint.RuleInfo, msg int, match, suggestion, message, agent string, deduct float64) lint.Finding {
	f := lint.Finding{Rule: rule, Msg: msg, Suggestion: suggestion, Message: message, Agent: agent, Deduct: deduct}
	if match != "" {
		text := c.Messages[msg].Text
		i := strings.Index(text, match)
		f.Match, f.Start, f.End = match, i, i+len(match)
		f.Column = len([]rune(text[:i])) + 1
	}
	return f
}

func fixture() ([]*lint.Result, *lint.Summary) {
	c1 := &lint.Conversation{ID: "c1", File: fxFile, Timed: true, Seq: 0, Messages: []lint.Message{
		{Role: lint.Customer, Sender: "buyer,1", Text: "在吗，\"急\"", Pos: lint.Pos{File: fxFile, Line: 1}, Time: fxTime(0)},
		{Role: lint.Agent, Sender: "客服01", Text: "他说\"不行\",\n真的不行", Pos: lint.Pos{File: fxFile, Line: 2}, Time: fxTime(5)},
	}}
	r1 := &lint.Result{Conversation: c1, Agents: []string{"客服01"}, Score: 93, Grade: "良好", Findings: []lint.Finding{
		fxFinding(c1, fxGreeting, 0, "", "", "首次回复缺少问候语", "客服01", 2),
		fxFinding(c1, fxEvasive, 1, "不行", "无法帮到您", "避免「不行」: 100%\n换个说法", "客服01", 5),
	}}
	c2 := &lint.Conversation{ID: "c2", File: fxFile, Timed: true, Seq: 1, Messages: []lint.Message{
		{Role: lint.Customer, Sender: "b2", Text: "你好", Pos: lint.Pos{File: fxFile, Line: 3}, Time: fxTime(10)},
		{Role: lint.Agent, Sender: "客服01", Text: "您好", Pos: lint.Pos{File: fxFile, Line: 4}, Time: fxTime(12)},
		{Role: lint.Agent, Sender: "小美", Text: "亲，在的", Pos: lint.Pos{File: fxFile, Line: 5}, Time: fxTime(13)},
	}}
	r2 := &lint.Result{Conversation: c2, Agents: []string{"客服01", "小美"}, Score: 100, Grade: "优秀", Findings: []lint.Finding{}}
	const f3 = "other.txt"
	c3 := &lint.Conversation{ID: "c3", File: f3, Seq: 2, Notes: []string{"messages without times: timing rules skipped"}, Messages: []lint.Message{
		{Role: lint.Agent, Sender: "小美", Text: " =SUM(A1) 但是\r结束\x01]]>", Pos: lint.Pos{File: f3, Line: 9}},
	}}
	r3 := &lint.Result{Conversation: c3, Agents: []string{"小美"}, Score: 99.5, Grade: "优秀",
		Skipped:  []lint.Skip{{Rule: "shop/slow", Reason: "no times"}},
		Findings: []lint.Finding{fxFinding(c3, fxBut, 0, "但是", "同时", "避免「但是」", "小美", 0.5)}}
	results := []*lint.Result{r1, r2, r3}
	sum := lint.NewSummary()
	sum.Files = 2
	for _, r := range results {
		sum.Add(r)
	}
	sum.Records = sum.Messages + 2
	sum.Rejected = 2
	sum.Errors = lint.NewRecordErrors([]lint.RecordError{
		{Pos: lint.Pos{File: fxFile, Line: 6}, Err: "invalid JSON: unexpected \"}\""},
		{Pos: lint.Pos{File: "broken.csv"}, Err: "header: no text column"},
	}...)
	return results, sum
}

func fxOptions() Options {
	return Options{Location: time.FixedZone("CST", 8*3600), Rules: fxRules,
		Scoring: lint.Scoring{Start: 100, Grades: []lint.Grade{{Name: "优秀", Min: 95}, {Name: "良好", Min: 85}}, FailGrade: "不合格"}}
}

// render runs a writer over results and the summary.
func render(t *testing.T, format string, opts Options, results []*lint.Result, sum *lint.Summary) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := New(format, &buf, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if err := w.Conversation(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(sum); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = 0 // every record as long as the header
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v\n%s", err, data)
	}
	return rows
}

func TestCSVRecordQuoting(t *testing.T) {
	tests := []struct {
		fields []string
		want   string
	}{
		{[]string{"a", "b"}, "a,b\r\n"},
		{[]string{"", "", ""}, ",,\r\n"},
		{[]string{"客服01", "不知道"}, "客服01,不知道\r\n"},
		{[]string{"a,b", "c"}, "\"a,b\",c\r\n"},
		{[]string{`他说"不行"`}, "\"他说\"\"不行\"\"\"\r\n"},
		{[]string{"line1\nline2"}, "\"line1\nline2\"\r\n"},
		{[]string{"cr\rlf\r\n"}, "\"cr\rlf\r\n\"\r\n"},
		{[]string{" lead", "trail\t", "mid dle"}, "\" lead\",\"trail\t\",mid dle\r\n"},
		{[]string{"=SUM(A1)"}, "=SUM(A1)\r\n"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		w := bufio.NewWriter(&buf)
		if err := writeCSVRecord(w, tt.fields); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		if buf.String() != tt.want {
			t.Errorf("writeCSVRecord(%q) = %q, want %q", tt.fields, buf.String(), tt.want)
		}
	}
}

// compareCSVWithJSON checks that the finding rows of a CSV report hold
// exactly the findings of a JSON report, in order, field by field (cells
// made formula-safe unless raw).
func compareCSVWithJSON(t *testing.T, csvData []byte, rep *JSONReport, raw bool) {
	t.Helper()
	csvData = bytes.TrimPrefix(csvData, []byte("\uFEFF"))
	rows := readCSV(t, csvData)
	if len(rows) == 0 || strings.Join(rows[0], ",") != strings.Join(append(slices.Clone(CSVFindingHeader), CSVFindingTailHeader...), ",") {
		t.Fatalf("header = %q", rows[0])
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	n := 0
	for _, c := range rep.Conversations {
		for _, f := range c.Findings {
			n++
			if n >= len(rows) {
				t.Fatalf("CSV has %d finding rows, JSON more", len(rows)-1)
			}
			row := rows[n]
			column := ""
			if f.Column > 0 {
				column = strconv.Itoa(f.Column)
			}
			want := map[string]string{
				"file": f.File, "line": strconv.Itoa(f.Line), "conversation": c.ID, "agent": f.Agent,
				"time": f.Time, "rule": f.Rule, "type": f.Type, "severity": f.Severity, "match": f.Match,
				"suggestion": f.Suggestion, "text": f.Text, "column": column, "message": f.Message,
				"role": f.Role, "sender": f.Sender, "source": f.Source, "fatal": strconv.FormatBool(f.Fatal),
			}
			for name, w := range want {
				if !raw {
					w = CSVFormulaSafe(w)
				}
				if got := row[col[name]]; got != w {
					t.Errorf("row %d (%s %s) %s = %q, JSON has %q", n, c.ID, f.Rule, name, got, w)
				}
			}
			if d, err := strconv.ParseFloat(row[col["deduct"]], 64); err != nil || d != f.Deduct {
				t.Errorf("row %d deduct = %q, JSON has %v", n, row[col["deduct"]], f.Deduct)
			}
		}
	}
	if len(rows)-1 != n {
		t.Errorf("CSV has %d finding rows, JSON %d findings", len(rows)-1, n)
	}
}

// TestCSVMatchesJSON writes one run as JSON and as CSV (the same results fed
// to both writers) and compares the CSV, re-read, with the JSON.
func TestCSVMatchesJSON(t *testing.T) {
	results, sum := fixture()
	opts := fxOptions()
	var rep JSONReport
	if err := json.Unmarshal(render(t, "json", opts, results, sum), &rep); err != nil {
		t.Fatal(err)
	}
	if sum.Findings != 3 {
		t.Fatalf("fixture has %d findings", sum.Findings)
	}
	out := render(t, "csv", opts, results, sum)
	compareCSVWithJSON(t, out, &rep, false)
	// the CSV is byte-exact where encoding/csv's reader normalises CRLF; the
	// text that looks like a formula has an apostrophe before it
	if !bytes.Contains(out, []byte("\"' =SUM(A1) 但是\r结束\x01]]>\"")) {
		t.Errorf("text with a lone CR not kept byte for byte, or formula not defused:\n%q", out)
	}
	opts.CSVRaw = true
	raw := render(t, "csv", opts, results, sum)
	compareCSVWithJSON(t, raw, &rep, true)
	if !bytes.Contains(raw, []byte("\" =SUM(A1) 但是\r结束\x01]]>\"")) {
		t.Errorf("--csv-raw: text not kept byte for byte:\n%q", raw)
	}
	if !bytes.HasSuffix(out, []byte("\r\n")) || bytes.Count(out, []byte("\r\n")) != 4 {
		t.Errorf("want 4 CRLF-ended records:\n%q", out)
	}
}

// TestCSVNotUTF8: a CSV report is UTF-8 (Excel and WPS read it as such,
// with --bom), so a byte of the input that is not UTF-8 is written as
// U+FFFD, one per byte, as the JSON report writes it: the CSV still
// matches the JSON, with --csv-raw too, and a formula behind such a byte
// is no formula.
func TestCSVNotUTF8(t *testing.T) {
	const file = "日志\xff.jsonl"
	c := &lint.Conversation{ID: "c\xe5", File: file, Messages: []lint.Message{
		{Role: lint.Agent, Sender: "客服\xe5\xae", Text: "这个\xed\xa0\x80不行\x9b2J", Pos: lint.Pos{File: file, Line: 1}},
		{Role: lint.Agent, Sender: "客服", Text: "\xff=1+1", Pos: lint.Pos{File: file, Line: 2}},
	}}
	r := &lint.Result{Conversation: c, Agents: []string{"客服\xe5\xae"}, Score: 90, Grade: "良好\x80", Findings: []lint.Finding{
		fxFinding(c, fxEvasive, 0, "不行", "无法\xc0\xaf", "避免「不行」\xff", "客服\xe5\xae", 5),
		fxFinding(c, fxBut, 1, "", "", "\xff=1+1", "客服", 0),
	}}
	sum := lint.NewSummary()
	sum.Files = 1
	sum.Add(r)
	opts := fxOptions()
	var rep JSONReport
	if err := json.Unmarshal(render(t, "json", opts, []*lint.Result{r}, sum), &rep); err != nil {
		t.Fatal(err)
	}
	for _, raw := range []bool{false, true} {
		opts.CSVRaw = raw
		for _, rows := range []string{CSVFindings, CSVConversations, CSVAgents} {
			opts.CSVRows = rows
			out := render(t, "csv", opts, []*lint.Result{r}, sum)
			if !utf8.Valid(out) {
				t.Errorf("raw %v, %s rows: not UTF-8:\n%q", raw, rows, out)
			}
			if rows == CSVFindings {
				compareCSVWithJSON(t, out, &rep, raw)
			}
		}
	}
}

// TestCSVGoldenMatchesJSON compares the golden CSV reports of the bundled
// samples with the golden JSON reports of the same command.
func TestCSVGoldenMatchesJSON(t *testing.T) {
	for _, pair := range [][2]string{{"transcripts.csv", "transcripts.json"}, {"canned.csv", "canned.json"}} {
		t.Run(pair[0], func(t *testing.T) {
			csvData, err := os.ReadFile(filepath.Join("..", "..", "testdata", "golden", pair[0]))
			if err != nil {
				t.Fatal(err)
			}
			jsonData, err := os.ReadFile(filepath.Join("..", "..", "testdata", "golden", pair[1]))
			if err != nil {
				t.Fatal(err)
			}
			var rep JSONReport
			if err := json.Unmarshal(jsonData, &rep); err != nil {
				t.Fatal(err)
			}
			if rep.Summary.Findings == 0 {
				t.Fatalf("%s has no findings to compare", pair[1])
			}
			compareCSVWithJSON(t, csvData, &rep, false)
		})
	}
}

func TestCSVFormulaSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"您好", "您好"},
		{"=HYPERLINK(\"http://x.cn\",\"点我退款\")", "'=HYPERLINK(\"http://x.cn\",\"点我退款\")"},
		{"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
		{"-2+3", "'-2+3"},
		{"@SUM(1)", "'@SUM(1)"},
		{" =1+1", "' =1+1"},
		{"\t=1+1", "'\t=1+1"},
		{"\r\n-1+1", "'\r\n-1+1"},
		{"+86 138 1234 5678", "'+86 138 1234 5678"},
		{"-_-||", "'-_-||"},
		{"-2", "-2"},
		{"+3.5", "+3.5"},
		{"0.5", "0.5"},
		{"-", "'-"},
		{"-.5", "'-.5"},
		{"a=1", "a=1"},
		{"\t你好", "\t你好"},
		{"＝1+1", "＝1+1"}, // spreadsheets do not run a full-width ＝
		{"\u00a0=1+1", "'\u00a0=1+1"},
		{"\u3000+cmd|' /C calc'!A0", "'\u3000+cmd|' /C calc'!A0"},
		{"\u3000你好", "\u3000你好"},
	}
	for _, tt := range tests {
		if got := CSVFormulaSafe(tt.in); got != tt.want {
			t.Errorf("CSVFormulaSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A header is not changed in place by the formula check (the writer copies
// a record before it changes a cell).
func TestCSVFormulaHeaderUnchanged(t *testing.T) {
	results, sum := fixture()
	opts := fxOptions()
	opts.Rules = append([]*lint.RuleInfo{{ID: "=shop/odd", Type: "forbid", Severity: lint.Info}}, fxRules...)
	opts.CSVRows = CSVConversations
	rows := readCSV(t, render(t, "csv", opts, results, sum))
	if got := rows[0][len(CSVConversationHeader)]; got != "'=shop/odd" {
		t.Errorf("rule column %q, want '=shop/odd", got)
	}
	if CSVConversationHeader[0] != "file" {
		t.Error("header changed")
	}
}

func TestCSVGoldenBOM(t *testing.T) {
	plain, err := os.ReadFile(filepath.Join("..", "..", "testdata", "golden", "transcripts.csv"))
	if err != nil {
		t.Fatal(err)
	}
	bom, err := os.ReadFile(filepath.Join("..", "..", "testdata", "golden", "transcripts-bom.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bom, append([]byte{0xEF, 0xBB, 0xBF}, plain...)) {
		t.Error("transcripts-bom.csv is not EF BB BF + transcripts.csv")
	}
}

func TestCSVBOM(t *testing.T) {
	results, sum := fixture()
	for _, rows := range CSVRowKinds {
		for _, empty := range []bool{false, true} {
			rs, s := results, sum
			if empty {
				rs, s = nil, lint.NewSummary()
			}
			opts := fxOptions()
			opts.CSVRows = rows
			plain := render(t, "csv", opts, rs, s)
			opts.BOM = true
			bom := render(t, "csv", opts, rs, s)
			if !bytes.Equal(bom, append([]byte{0xEF, 0xBB, 0xBF}, plain...)) {
				t.Errorf("%s rows (empty %v): BOM output is not EF BB BF + the plain output", rows, empty)
			}
			if bytes.HasPrefix(plain, []byte{0xEF}) {
				t.Errorf("%s rows: BOM without --bom", rows)
			}
		}
	}
}

func TestCSVEmptyRun(t *testing.T) {
	want := map[string][]string{
		CSVFindings:      append(slices.Clone(CSVFindingHeader), CSVFindingTailHeader...),
		CSVConversations: append(append(append([]string{}, CSVConversationHeader...), "shop/evasive", "shop/greeting", "shop/but", "shop/quiet", "bonuses", "bonus_add"), CSVConversationSpanHeader...),
		CSVAgents:        append(append([]string{}, CSVAgentHeader...), "优秀", "良好", "不合格", "shop/evasive", "shop/greeting", "shop/but", "shop/quiet", "bonuses"),
	}
	for _, kind := range []string{"", CSVFindings, CSVConversations, CSVAgents} {
		opts := fxOptions()
		opts.CSVRows = kind
		rows := readCSV(t, render(t, "csv", opts, nil, lint.NewSummary()))
		k := kind
		if k == "" {
			k = CSVFindings
		}
		if len(rows) != 1 || strings.Join(rows[0], "|") != strings.Join(want[k], "|") {
			t.Errorf("%q rows, empty run: %q, want the header %q only", kind, rows, want[k])
		}
	}
	// a nil summary (a writer closed without a run) still writes the header
	var buf bytes.Buffer
	w, _ := New("csv", &buf, Options{})
	if err := w.Close(nil); err != nil || buf.String() != strings.Join(CSVFindingHeader, ",")+",fatal\r\n" {
		t.Errorf("Close(nil) = %v, %q", err, buf.String())
	}
}

func TestCSVConversationRows(t *testing.T) {
	results, sum := fixture()
	opts := fxOptions()
	opts.CSVRows = CSVConversations
	rows := readCSV(t, render(t, "csv", opts, results, sum))
	if len(rows) != 4 {
		t.Fatalf("%d rows, want header + 3 conversations (clean ones included)", len(rows))
	}
	get := func(row []string, name string) string {
		for i, h := range rows[0] {
			if h == name {
				return row[i]
			}
		}
		t.Fatalf("no column %q", name)
		return ""
	}
	tests := []map[string]string{
		{"conversation": "c1", "file": fxFile, "line": "1", "agents": "客服01", "messages": "2", "score": "93", "grade": "良好",
			"findings": "2", "error": "1", "warning": "1", "info": "0", "skipped": "", "shop/evasive": "1", "shop/greeting": "1", "shop/but": "0", "shop/quiet": "0", "bonuses": "0", "bonus_add": "0"},
		{"conversation": "c2", "agents": "客服01;小美", "messages": "3", "score": "100", "grade": "优秀", "findings": "0",
			"error": "0", "shop/evasive": "0", "shop/greeting": "0", "shop/quiet": "0"},
		{"conversation": "c3", "file": "other.txt", "line": "9", "score": "99.5", "findings": "1", "info": "1", "skipped": "shop/slow", "shop/but": "1"},
	}
	for i, want := range tests {
		for k, v := range want {
			if got := get(rows[i+1], k); got != v {
				t.Errorf("row %d %s = %q, want %q", i+1, k, got, v)
			}
		}
	}
}

func TestCSVAgentRows(t *testing.T) {
	results, sum := fixture()
	opts := fxOptions()
	opts.CSVRows = CSVAgents
	var buf bytes.Buffer
	w, _ := New("csv", &buf, opts)
	for _, r := range results {
		w.Conversation(r)
	}
	if buf.Len() != 0 {
		t.Errorf("agent rows written before Close: %q", buf.String())
	}
	w.Close(sum)
	rows := readCSV(t, buf.Bytes())
	got := map[string]string{}
	for _, row := range rows[1:] {
		got[row[0]] = strings.Join(row[1:], ",")
	}
	// conversations, mean, lowest, findings, error, warning, info, 优秀, 良好, 不合格, evasive, greeting, but, quiet, bonuses
	want := map[string]string{
		"客服01": "2,96.5,93,2,1,1,0,1,1,0,1,1,0,0,0",
		"小美":   "2,99.75,99.5,1,0,0,1,2,0,0,0,0,1,0,0",
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows, want header + 2 agents", len(rows))
	}
	for a, w := range want {
		if got[a] != w {
			t.Errorf("agent %s: %s, want %s", a, got[a], w)
		}
	}
}

// TestFlushersStream checks that the line-oriented formats gather a
// conversation's lines until the caller flushes (the engine does whenever it
// has nothing more to hand over), and then have them out.
func TestFlushersStream(t *testing.T) {
	// (not github: its findings wait for the run's own problems, which
	// GitHub is to show first, see TestGitHubRunProblemsFirst)
	for _, format := range []string{"csv", "text", "jsonl"} {
		results, _ := fixture()
		var buf bytes.Buffer
		w, _ := New(format, &buf, fxOptions())
		f, ok := w.(Flusher)
		if !ok {
			t.Errorf("%s: not a Flusher", format)
			continue
		}
		if err := w.Conversation(results[0]); err != nil {
			t.Fatal(err)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: written before a flush: %q", format, buf.String())
		}
		if err := f.Flush(); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), "不行") {
			t.Errorf("%s: after a flush: %q, want the conversation's finding", format, buf.String())
		}
		if format == "csv" {
			if rows := readCSV(t, buf.Bytes()); len(rows) != 3 {
				t.Errorf("csv: after one conversation: %d records, want header + 2", len(rows))
			}
		}
	}
}

// TestCSVConversationRowsCountBonuses: a bonus rule's column of a
// conversation row counts the bonuses the conversation earned, as the
// agent rows' column counts the agent's; findings and the severities
// still count problems only. The last columns, bonuses and bonus_add, are
// the JSON report's bonuses of the conversation: how many, and the sum of
// their add (what they added, after their rules' caps).
func TestCSVConversationRowsCountBonuses(t *testing.T) {
	recap := &lint.RuleInfo{ID: "shop/recap", Pack: "shop", Type: "bonus", Severity: lint.Info, Bonus: true, Add: 0.1, MaxAdd: 0.3}
	thanks := &lint.RuleInfo{ID: "shop/thanks", Pack: "shop", Type: "bonus", Severity: lint.Info, Bonus: true, Add: 0.2}
	r := htmlResult("c1", "小美", "您的意思是换成蓝色对吗", 100)
	r.Bonuses = []lint.Finding{
		{Rule: recap, Msg: 1, Message: "复述", Agent: "小美", Deduct: 0.1},
		{Rule: thanks, Msg: 1, Message: "致谢", Agent: "小美", Deduct: 0.2},
		{Rule: recap, Msg: 1, Message: "复述", Agent: "小美", Deduct: 0}, // past the cap
	}
	clean := htmlResult("c2", "阿杰", "您好亲", 100)
	sum := lint.NewSummary()
	sum.Add(r)
	sum.Add(clean)
	opts := Options{Rules: []*lint.RuleInfo{htmlForbid, recap, thanks}, CSVRows: CSVConversations}
	out := render(t, "csv", opts, []*lint.Result{r, clean}, sum)
	rows := readCSV(t, out)
	if len(rows) != 3 {
		t.Fatalf("%d rows, want header + 2", len(rows))
	}
	// the fixed columns, the rule columns, then the bonus columns: a
	// column is added at the end, never before one a script may count on
	wantHeader := append(append(slices.Clone(CSVConversationHeader), htmlForbid.ID, recap.ID, thanks.ID), CSVConversationBonusHeader...)
	wantHeader = append(wantHeader, CSVConversationSpanHeader...)
	if strings.Join(rows[0], ",") != strings.Join(wantHeader, ",") {
		t.Errorf("header %q, want %q", rows[0], wantHeader)
	}
	if !slices.Equal(CSVConversationBonusHeader, []string{"bonuses", "bonus_add"}) {
		t.Errorf("bonus columns %q", CSVConversationBonusHeader)
	}
	for i, want := range []map[string]string{
		{"shop/recap": "2", "shop/thanks": "1", htmlForbid.ID: "0", "findings": "0", "info": "0", "bonuses": "3", "bonus_add": "0.3"},
		{"shop/recap": "0", "shop/thanks": "0", "bonuses": "0", "bonus_add": "0"},
	} {
		got := map[string]string{}
		for j, h := range rows[0] {
			got[h] = rows[i+1][j]
		}
		for col, v := range want {
			if got[col] != v {
				t.Errorf("row %d: %s = %q, want %q", i+1, col, got[col], v)
			}
		}
	}
	// the same as the JSON report says
	var rep JSONReport
	if err := json.Unmarshal(render(t, "json", opts, []*lint.Result{r, clean}, sum), &rep); err != nil {
		t.Fatal(err)
	}
	add := 0.0
	for _, b := range rep.Conversations[0].Bonuses {
		add += b.Add
	}
	if n := len(rep.Conversations[0].Bonuses); n != 3 || plainNum(math.Round(add*1000)/1000) != "0.3" {
		t.Errorf("JSON: %d bonuses adding %v", n, add)
	}
}

// TestCSVFindingRowsHoldNoBonuses: a row of the default CSV report is a
// problem (the README: every finding is a row); a bonus is none, and is not
// a row, so that counting rows or summing deduct by severity counts
// problems only. The conversation rows count the bonuses.
func TestCSVFindingRowsHoldNoBonuses(t *testing.T) {
	recap := &lint.RuleInfo{ID: "shop/recap", Pack: "shop", Type: "bonus", Severity: lint.Info, Bonus: true, Add: 1}
	r := htmlResult("c1", "小美", "您的意思是换成蓝色对吗，这个不行", 95)
	r.Bonuses = []lint.Finding{{Rule: recap, Msg: 1, Message: "复述", Agent: "小美", Deduct: 1}}
	sum := lint.NewSummary()
	sum.Add(r)
	rows := readCSV(t, render(t, "csv", Options{Rules: []*lint.RuleInfo{htmlForbid, recap}}, []*lint.Result{r}, sum))
	if len(rows) != 2 || rows[1][5] != htmlForbid.ID {
		t.Errorf("rows %q, want the header and the one finding", rows)
	}
}

// TestCSVAgentAndTeamRowsAsJSON: on the same run, every cell of the CSV
// agent and team rows is the JSON report's agents[] and teams[] entry:
// the fixed columns, the grade and rule columns (by_rule, which counts a
// bonus rule's bonuses), and at the end bonuses, the good-practice bonuses
// earned. A header column the test does not know fails it, so that a
// column added later is compared too.
func TestCSVAgentAndTeamRowsAsJSON(t *testing.T) {
	recap := &lint.RuleInfo{ID: "shop/recap", Pack: "shop", Type: "bonus", Severity: lint.Info, Bonus: true, Add: 1, MaxAdd: 2}
	a := htmlResult("c1", "小美", "您的意思是换成蓝色对吗", 100)
	a.Bonuses = []lint.Finding{
		{Rule: recap, Msg: 1, Message: "复述", Agent: "小美", Deduct: 1},
		{Rule: recap, Msg: 1, Message: "复述", Agent: "小美", Deduct: 1},
	}
	b := htmlResult("c2", "阿杰", "这个不行", 95)
	b.Bonuses = []lint.Finding{{Rule: recap, Msg: 1, Message: "复述", Agent: "阿杰", Deduct: 1}}
	c := htmlResult("c3", "客服03", "您好亲", 100)
	results := []*lint.Result{a, b, c}
	sum := lint.NewSummary()
	sum.TeamsOf = func(agent string) []string {
		if agent == "客服03" {
			return []string{"售后组"}
		}
		return []string{"售前组"}
	}
	for _, r := range results {
		sum.Add(r)
	}
	opts := Options{Rules: []*lint.RuleInfo{htmlForbid, recap}, Scoring: htmlScoring}
	var rep JSONReport
	if err := json.Unmarshal(render(t, "json", opts, results, sum), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Agents) != 3 || len(rep.Teams) != 2 {
		t.Fatalf("JSON: %d agents, %d teams", len(rep.Agents), len(rep.Teams))
	}
	for _, kind := range []string{CSVAgents, CSVTeams} {
		t.Run(kind, func(t *testing.T) {
			opts := opts
			opts.CSVRows = kind
			rows := readCSV(t, render(t, "csv", opts, results, sum))
			header := rows[0]
			if last := header[len(header)-1]; last != "bonuses" {
				t.Errorf("last column %q, want bonuses", last)
			}
			entries := rep.Agents
			if kind == CSVTeams {
				entries = rep.Teams
			}
			if len(rows)-1 != len(entries) {
				t.Fatalf("%d rows, JSON has %d", len(rows)-1, len(entries))
			}
			for i, j := range entries {
				row := rows[i+1]
				name := j.Agent
				if kind == CSVTeams {
					name = j.Team
				}
				for k, col := range header {
					var want string
					switch {
					case col == "agent" && kind == CSVAgents, col == "team" && kind == CSVTeams:
						want = name
					case col == "members" && kind == CSVTeams:
						want = strings.Join(j.Members, "、")
					case col == "conversations":
						want = strconv.Itoa(j.Conversations)
					case col == "mean_score":
						want = plainNum(j.MeanScore)
					case col == "lowest_score":
						want = plainNum(j.LowestScore)
					case col == "findings":
						want = strconv.Itoa(j.Findings)
					case col == "error" || col == "warning" || col == "info":
						want = strconv.Itoa(j.BySeverity[col])
					case col == "bonuses":
						want = strconv.Itoa(j.Bonuses)
					case slices.ContainsFunc(htmlScoring.Grades, func(g lint.Grade) bool { return g.Name == col }) || col == htmlScoring.FailGrade:
						want = strconv.Itoa(j.Grades[col])
					case col == htmlForbid.ID || col == recap.ID:
						want = strconv.Itoa(j.ByRule[col])
					default:
						t.Fatalf("column %q: not compared with the JSON report", col)
					}
					if row[k] != want {
						t.Errorf("%s %s: %s = %q, JSON has %q", kind, name, col, row[k], want)
					}
				}
			}
		})
	}
	// the bonuses are there to compare: 小美 2, 阿杰 1, 售前组 3
	if rep.Agents[0].Bonuses+rep.Agents[1].Bonuses+rep.Agents[2].Bonuses != 3 || rep.Teams[0].Bonuses+rep.Teams[1].Bonuses != 3 {
		t.Errorf("JSON bonuses: agents %+v, teams %+v", rep.Agents, rep.Teams)
	}
}
