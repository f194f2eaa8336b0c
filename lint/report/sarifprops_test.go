package report

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestSARIFResultPropertiesAsJSONFinding: a SARIF result's properties
// carry every field of the JSON report's finding that the result has no
// place of its own for, under the JSON report's name and with its value
// (a zero value may be left out): the rule's type and fatal, the match's
// column in the message text, the source. A consumer such as GitHub code
// scanning reads a result's properties; ecommerce/insult-customer's results
// had no fatal, which only its rule descriptor said.
func TestSARIFResultPropertiesAsJSONFinding(t *testing.T) {
	insult := &lint.RuleInfo{ID: "shop/insult", Pack: "shop", Name: "insult", Type: "forbid", Severity: lint.Error,
		Deduct: 10, Fatal: true, Source: "规章 一.7"}
	c := &lint.Conversation{ID: "c1014", File: fxFile, Timed: true, Messages: []lint.Message{
		{Role: lint.Customer, Sender: "tb_buyer1", Text: "我要投诉你们", Pos: lint.Pos{File: fxFile, Line: 23}, Time: fxTime(0)},
		{Role: lint.Agent, Sender: "阿杰", Text: "好的，随便你投诉，投诉也没用", Pos: lint.Pos{File: fxFile, Line: 24}, Time: fxTime(40)},
	}}
	r := &lint.Result{Conversation: c, Agents: []string{"阿杰"}, Score: 0, Grade: "不合格", Findings: []lint.Finding{
		fxFinding(c, fxGreeting, 0, "", "", "首次回复缺少问候语", "阿杰", 2),
		fxFinding(c, insult, 1, "随便你投诉", "", "辱骂、顶撞顾客「随便你投诉」（致命项：整单0分）", "阿杰", 10),
		fxFinding(c, fxEvasive, 1, "没用", "无法帮到您", "避免「没用」", "阿杰", 5),
	}}
	sum := lint.NewSummary()
	sum.Files = 1
	sum.Add(r)
	sum.Records = sum.Messages
	opts := fxOptions()
	opts.Rules = append(opts.Rules, insult)

	var doc struct {
		Conversations []struct {
			Findings []map[string]any `json:"findings"`
		} `json:"conversations"`
	}
	if err := json.Unmarshal(render(t, "json", opts, []*lint.Result{r}, sum), &doc); err != nil {
		t.Fatal(err)
	}
	out := render(t, "sarif", opts, []*lint.Result{r}, sum)
	validateSARIF(t, out)
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID     string         `json:"ruleId"`
				Properties map[string]any `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	findings, results := doc.Conversations[0].Findings, log.Runs[0].Results
	if len(findings) != 3 || len(results) != 3 {
		t.Fatalf("%d findings, %d results", len(findings), len(results))
	}
	// what a result has a place of its own for: ruleId, its location's
	// uri and startLine, its message
	placed := map[string]bool{"rule": true, "file": true, "file_bytes": true, "line": true, "message": true}
	for i, f := range findings {
		p := results[i].Properties
		if results[i].RuleID != f["rule"] {
			t.Fatalf("result %d is %v, finding %v", i, results[i].RuleID, f["rule"])
		}
		for k, v := range f {
			if placed[k] {
				continue
			}
			got, ok := p[k]
			if !ok && !reflect.ValueOf(v).IsZero() {
				t.Errorf("%s: properties lack %q (%v): %v", f["rule"], k, v, p)
			} else if ok && !reflect.DeepEqual(got, v) {
				t.Errorf("%s: properties' %q is %v, the JSON finding's %v", f["rule"], k, got, v)
			}
		}
		if p["conversation"] != "c1014" {
			t.Errorf("%s: conversation %v", f["rule"], p["conversation"])
		}
	}
	if p := results[1].Properties; p["fatal"] != true || p["type"] != "forbid" || p["column"] != 4.0 || p["source"] != "规章 一.7" {
		t.Errorf("the fatal finding's properties: %v", p)
	}
	if p := results[0].Properties; p["fatal"] != nil || p["column"] != nil || p["type"] != "require" {
		t.Errorf("a finding that points at no phrase, not fatal: %v", p)
	}
}
