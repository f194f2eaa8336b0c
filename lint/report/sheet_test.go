package report

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// sheetResult is a finding, a malformed record and an unreadable file on
// the sheet 11月5日 of day.xlsx (a workbook's second sheet of chats),
// added to sum.
func sheetResult(sum *lint.Summary) *lint.Result {
	const file = "day.xlsx[11月5日]"
	c := &lint.Conversation{ID: "c1", File: file, Messages: []lint.Message{
		{Role: lint.Agent, Text: "不行", Pos: lint.Pos{File: file, Line: 4}},
	}}
	r := &lint.Result{Conversation: c, Score: 95, Findings: []lint.Finding{fxFinding(c, fxEvasive, 0, "不行", "", "避免「不行」", "", 5)}}
	sum.Add(r)
	sum.Errors.Add(lint.RecordError{Pos: lint.Pos{File: file, Line: 7}, Err: "invalid time"})
	return r
}

// TestSARIFSheet: a workbook's sheet of chats read after its first is
// named day.xlsx[11月5日] in findings; SARIF's uri named it so
// (day.xlsx%5B11月5日%5D), a file that is not in the repository, and the
// sheet was said nowhere else. The uri is the workbook's, the result's
// sheet property and its message say the sheet; its fingerprint keeps the
// whole name (the sheets' row numbers overlap).
func TestSARIFSheet(t *testing.T) {
	sum := lint.NewSummary()
	sum.Files = 1
	r := sheetResult(sum)
	out := render(t, "sarif", fxOptions(), []*lint.Result{r}, sum)
	validateSARIF(t, out)
	var l struct {
		Runs []struct {
			Results []struct {
				Message    SARIFText             `json:"message"`
				Locations  []SARIFLocation       `json:"locations"`
				Properties SARIFResultProperties `json:"properties"`
			} `json:"results"`
			Invocations []struct {
				Notifications []SARIFNotification `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &l); err != nil {
		t.Fatal(err)
	}
	res := l.Runs[0].Results[0]
	loc := res.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "day.xlsx" || loc.Region == nil || loc.Region.StartLine != 4 {
		t.Errorf("location %+v, want day.xlsx line 4", loc)
	}
	if res.Properties.Sheet != "11月5日" || !strings.HasPrefix(res.Message.Text, "工作表「11月5日」：避免「不行」") {
		t.Errorf("sheet %q, message %q", res.Properties.Sheet, res.Message.Text)
	}
	n := l.Runs[0].Invocations[0].Notifications[0]
	if n.Locations[0].PhysicalLocation.ArtifactLocation.URI != "day.xlsx" || !strings.HasPrefix(n.Message.Text, "工作表「11月5日」：") {
		t.Errorf("malformed record's notification %+v", n)
	}
}

// TestGitHubSheet: an annotation on a workbook's later sheet named
// file=day.xlsx[11月5日], no file of the repository; it names the workbook
// and its message says the sheet, once, also past the step's shown
// annotations (where the message starts with the whole position).
func TestGitHubSheet(t *testing.T) {
	sum := lint.NewSummary()
	sum.Files = 1
	var results []*lint.Result
	for range githubAnnotationsShown + 1 {
		results = append(results, sheetResult(sum))
	}
	out := string(render(t, "github", fxOptions(), results, sum))
	for _, want := range []string{
		"::error file=day.xlsx,line=4,col=1,endColumn=3,title=shop/evasive::工作表「11月5日」：避免「不行」\n",
		"::error file=day.xlsx,line=4,col=1,endColumn=3,title=shop/evasive::day.xlsx[11月5日]:4:1: shop/evasive 避免「不行」\n",
		"::warning file=day.xlsx,line=7,title=chatlint%3A ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "file=day.xlsx[") || strings.Contains(out, "]:4:1: shop/evasive 工作表") {
		t.Errorf("a sheet named as a file, or said twice:\n%s", out)
	}
}

// TestGitHubSheetHeld: a finding on a workbook's later sheet spooled
// while the run's own problems, written before it at the end, may still
// take the shown annotations' places: those that did had their position
// put before the message, which said the sheet already
// (day.xlsx[11月5日]:4:1: shop/evasive 工作表「11月5日」：避免「不行」).
// The position says it alone, as for a finding past them when written.
func TestGitHubSheetHeld(t *testing.T) {
	sum := lint.NewSummary()
	sum.Files = 1 + githubAnnotationsShown
	r := sheetResult(sum)
	for i := range githubAnnotationsShown {
		sum.Unreadable = append(sum.Unreadable, lint.RecordError{Pos: lint.Pos{File: fmt.Sprintf("gone%d.jsonl", i)}, Err: "read error"})
	}
	out := string(render(t, "github", fxOptions(), []*lint.Result{r}, sum))
	want := "::error file=day.xlsx,line=4,col=1,endColumn=3,title=shop/evasive::day.xlsx[11月5日]:4:1: shop/evasive 避免「不行」\n"
	if !strings.Contains(out, want) {
		t.Errorf("missing %q in\n%s", want, out)
	}
	if strings.Count(out, "11月5日") != 2 { // the finding's and the malformed record's
		t.Errorf("the sheet said %d times, want once an annotation:\n%s", strings.Count(out, "11月5日"), out)
	}
}

// TestSheetOfWorkbookNamedOtherwise: a workbook read by its content under
// a name that does not say it is one (export.xls, as shops' systems save
// them) had its later sheet named as a file, file=export.xls[11月5日] and
// SARIF's uri export.xls%5B11月5日%5D: the reader's name for the sheet
// (lint.SheetName) splits whatever the workbook's name.
func TestSheetOfWorkbookNamedOtherwise(t *testing.T) {
	file := lint.SheetName("export.xls", "11月5日")
	c := &lint.Conversation{ID: "c1", File: file, Messages: []lint.Message{
		{Role: lint.Agent, Text: "不行", Pos: lint.Pos{File: file, Line: 4}},
	}}
	r := &lint.Result{Conversation: c, Score: 95, Findings: []lint.Finding{fxFinding(c, fxEvasive, 0, "不行", "", "避免「不行」", "", 5)}}
	sum := lint.NewSummary()
	sum.Files = 1
	sum.Add(r)
	gh := string(render(t, "github", fxOptions(), []*lint.Result{r}, sum))
	if want := "::error file=export.xls,line=4,col=1,endColumn=3,title=shop/evasive::工作表「11月5日」：避免「不行」\n"; !strings.Contains(gh, want) {
		t.Errorf("missing %q in\n%s", want, gh)
	}
	sarif := render(t, "sarif", fxOptions(), []*lint.Result{r}, sum)
	validateSARIF(t, sarif)
	if !strings.Contains(string(sarif), `"uri": "export.xls"`) || !strings.Contains(string(sarif), `"sheet": "11月5日"`) {
		t.Errorf("SARIF does not name the workbook and the sheet:\n%s", sarif)
	}
}
