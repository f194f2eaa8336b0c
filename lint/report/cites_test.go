package report

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// citedRule is a rule of a built-in pack: its source cites a regulation's
// seed file, which a reader of a report cannot open, and Cites names the
// regulation by title.
var citedRule = &lint.RuleInfo{ID: "base/evasive-phrase", Pack: "base", Type: "forbid", Severity: lint.Warning, Deduct: 2,
	Description: "推诿用语", Source: "001_ed061126aded40bc.txt 五.五.2, 002_72f8fcf5f6530284.txt 十四",
	Cites: "001《呼叫中心管理制度》五.五.2；002《客服部工作范围问与答》十四"}

// TestReportsForReadingCiteByTitle: the HTML report and SARIF's help (read
// by people) cite a rule's regulations as Cites names them, while SARIF's
// properties (read by programs, as the JSON and CSV reports) keep Source.
func TestReportsForReadingCiteByTitle(t *testing.T) {
	d := SARIFRuleDescriptor(citedRule)
	if want := "依据: " + citedRule.Cites + "\n"; !strings.Contains(d.Help.Text, want) {
		t.Errorf("SARIF help text lacks %q:\n%s", want, d.Help.Text)
	}
	if want := "- 依据: " + citedRule.Cites + "\n"; !strings.Contains(d.Help.Markdown, want) {
		t.Errorf("SARIF help markdown lacks %q:\n%s", want, d.Help.Markdown)
	}
	if strings.Contains(d.Help.Text, ".txt") || strings.Contains(d.Help.Markdown, ".txt") {
		t.Errorf("SARIF help names a seed file:\n%s\n%s", d.Help.Text, d.Help.Markdown)
	}
	if d.Properties.Source != citedRule.Source {
		t.Errorf("SARIF properties' source %q, want the pack's %q", d.Properties.Source, citedRule.Source)
	}

	r := htmlResult("c1", "客服01", "这个不行", 95)
	r.Findings[0].Rule = citedRule
	page := renderHTML(t, Options{Rules: []*lint.RuleInfo{citedRule, htmlGreet}}, 0, r)
	if strings.Contains(page, ".txt") {
		t.Errorf("the HTML report names a seed file")
	}
	if n := strings.Count(page, "依据："+citedRule.Cites); n < 2 {
		t.Errorf("the HTML report cites the regulations by title %d times, want in the rules' table and at the finding", n)
	}

	// a rule without Cites (a user's pack citing its own rules) shows
	// Source as written
	own := &lint.RuleInfo{ID: "shop/x", Pack: "shop", Type: "forbid", Severity: lint.Error, Source: "店规 3.2"}
	if d := SARIFRuleDescriptor(own); !strings.Contains(d.Help.Text, "依据: 店规 3.2\n") {
		t.Errorf("SARIF help of a rule without Cites:\n%s", d.Help.Text)
	}
}
