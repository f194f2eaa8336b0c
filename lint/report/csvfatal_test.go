package report

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestCSVFindingFatal: a finding row says whether the finding is of a 致命项
// (fatal: true scores the conversation 0), as the JSON finding does, so that
// a spreadsheet can filter them; the column is added at the end, after the
// columns a report written before it has (whose header is still how
// chatlint knows its own CSV reports).
func TestCSVFindingFatal(t *testing.T) {
	insult := &lint.RuleInfo{ID: "shop/insult", Pack: "shop", Type: "forbid", Severity: lint.Error, Deduct: 10, Fatal: true}
	r := htmlResult("c1", "小美", "爱投诉就投诉，这个不行", 0)
	r.Findings = []lint.Finding{
		{Rule: insult, Msg: 1, Agent: "小美", Match: "爱投诉就投诉", Column: 1, Deduct: 10},
		{Rule: htmlForbid, Msg: 1, Agent: "小美", Match: "不行", Column: 10, Deduct: 5},
	}
	sum := lint.NewSummary()
	sum.Add(r)
	out := render(t, "csv", Options{Rules: []*lint.RuleInfo{insult, htmlForbid}}, []*lint.Result{r}, sum)
	if !strings.HasPrefix(string(out), strings.Join(CSVFindingHeader, ",")+",") {
		t.Errorf("the header does not start as before:\n%s", out)
	}
	rows := readCSV(t, out)
	last := len(rows[0]) - 1
	if rows[0][last] != "fatal" || len(rows) != 3 {
		t.Fatalf("rows %q", rows)
	}
	for i, want := range []string{"true", "false"} {
		if got := rows[i+1][last]; got != want {
			t.Errorf("row %d (%s): fatal = %q, want %q", i+1, rows[i+1][5], got, want)
		}
	}
}
