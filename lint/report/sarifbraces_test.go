package report

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestSARIFMessageBraces: SARIF 2.1.0 §3.11.5 gives "{n}" in a message
// string the meaning of a placeholder, filled from message.arguments, and
// has literal braces written "{{" and "}}". A canned reply with a template
// left unfilled ("您的订单{0}已发货"), or a rule about such placeholders,
// puts braces in a message: a viewer that fills placeholders would show
// nothing (or fail) where the reply has "{0}". Every message string is
// escaped; the artifact snippet (no message string) and the properties
// keep the text as it is.
func TestSARIFMessageBraces(t *testing.T) {
	rule := &lint.RuleInfo{ID: "shop/placeholder", Pack: "shop", Name: "placeholder", Type: "forbid", Severity: lint.Error,
		Deduct: 5, Description: "快捷短语里不能留下未替换的占位符（如 {0}、{订单号}）", Source: "规章 {1}"}
	c := &lint.Conversation{ID: "c{1}", File: "lib.txt", Messages: []lint.Message{
		{Role: lint.Agent, Sender: "客服01", Text: "亲，您的订单{0}已发货", Pos: lint.Pos{File: "lib.txt", Line: 3}},
	}}
	f := fxFinding(c, rule, 0, "{0}", "", "未替换的占位符「{0}」}", "客服01", 5)
	r := &lint.Result{Conversation: c, Agents: []string{"客服01"}, Score: 95, Grade: "优秀", Findings: []lint.Finding{f}}
	sum := lint.NewSummary()
	sum.Files = 1
	sum.Add(r)
	sum.Records, sum.Rejected = 2, 1
	sum.Errors = lint.NewRecordErrors([]lint.RecordError{{Pos: lint.Pos{File: "lib.txt", Line: 5}, Err: `invalid JSON: {"a"}`}}...)
	sum.Unreadable = []lint.RecordError{{Pos: lint.Pos{File: "b{2}.txt"}, Err: "bad {x}"}}
	opts := Options{Rules: []*lint.RuleInfo{rule}, Scoring: fxOptions().Scoring}
	out := render(t, "sarif", opts, []*lint.Result{r}, sum)
	validateSARIF(t, out)
	run := decodeSARIF(t, out).Runs[0]

	res := run.Results[0]
	if want := "未替换的占位符「{{0}}」}}"; res.Message.Text != want {
		t.Errorf("result message %q, want %q", res.Message.Text, want)
	}
	if reg := res.Locations[0].PhysicalLocation.Region; reg.Snippet == nil || reg.Snippet.Text != "{0}" {
		t.Errorf("snippet %+v, want the text as it is", reg)
	}
	if res.Properties.Match != "{0}" || res.Properties.Text != "亲，您的订单{0}已发货" || res.Properties.Conversation != "c{1}" {
		t.Errorf("properties %+v, want the texts as they are", res.Properties)
	}
	notes := run.Invocations[0].ToolExecutionNotifications
	if len(notes) != 2 {
		t.Fatalf("%d notifications, want 2", len(notes))
	}
	if want := `invalid JSON: {{"a"}}`; notes[0].Message.Text != want {
		t.Errorf("malformed record notification %q, want %q", notes[0].Message.Text, want)
	}
	if want := "无法读取，自出错处起未检查（not read from the error on）: bad {{x}}"; notes[1].Message.Text != want {
		t.Errorf("unreadable file notification %q, want %q", notes[1].Message.Text, want)
	}
	d := run.Tool.Driver.Rules[0]
	want := "快捷短语里不能留下未替换的占位符（如 {{0}}、{{订单号}}）"
	if d.ShortDescription.Text != want || d.FullDescription.Text != want {
		t.Errorf("descriptions %q, %q, want %q", d.ShortDescription.Text, d.FullDescription.Text, want)
	}
	for _, s := range []string{d.Help.Text, d.Help.Markdown} {
		if !strings.Contains(s, "{{0}}") || !strings.Contains(s, "规章 {{1}}") {
			t.Errorf("help %q: braces not doubled", s)
		}
	}
}
