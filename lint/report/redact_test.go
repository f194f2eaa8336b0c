package report

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/redact"
)

// redactFixture is an agent message with a phone number and no greeting:
// the greeting finding quotes the message (cut short in the middle of the
// number in the second conversation), a personal-data finding points at the
// number, and an evasive phrase finding at 不知道. A malformed record quotes a
// number too.
func redactFixture() ([]*lint.Result, *lint.Summary, []*lint.RuleInfo) {
	greet := &lint.RuleInfo{ID: "base/missing-greeting", Pack: "base", Name: "missing-greeting", Type: "require", Severity: lint.Warning, Deduct: 2}
	evasive := &lint.RuleInfo{ID: "base/evasive-phrase", Pack: "base", Name: "evasive-phrase", Type: "forbid", Severity: lint.Warning, Deduct: 2}
	pii := &lint.RuleInfo{ID: "ecommerce/customer-pii", Pack: "ecommerce", Name: "customer-pii", Type: "pii", Severity: lint.Error, Deduct: 3}
	var results []*lint.Result
	for i, text := range []string{
		"您的电话是13812345678对吗，这个我也不知道",
		"请核对一下您的电话号码是13812345678，不知道对不对",
	} {
		c := &lint.Conversation{ID: []string{"c1", "c2"}[i], File: "day.jsonl", Seq: i, Messages: []lint.Message{
			{Role: lint.Agent, Sender: "客服01", Text: text, Pos: lint.Pos{File: "day.jsonl", Line: i + 1}},
		}}
		quote := []rune(text)[:20]
		r := &lint.Result{Conversation: c, Agents: []string{"客服01"}, Score: 93, Grade: "良好", Findings: []lint.Finding{
			fxFinding(c, greet, 0, "", "", "首次回复「"+string(quote)+"…」缺少问候语", "客服01", 2),
			fxFinding(c, pii, 0, "13812345678", "", "客服消息写出了完整的电话号码「13812345678」：客户信息须保密", "客服01", 3),
			fxFinding(c, evasive, 0, "不知道", "", "推诿用语「不知道」", "客服01", 2),
		}}
		results = append(results, r)
	}
	sum := lint.NewSummary()
	sum.Files = 1
	for _, r := range results {
		sum.Add(r)
	}
	sum.Records = 3
	sum.Rejected = 1
	sum.Errors = lint.NewRecordErrors([]lint.RecordError{{Pos: lint.Pos{File: "day.jsonl", Line: 3}, Err: `unknown role "13812345678"`}}...)
	// a file that could not be read, whose error quotes its first row
	sum.Unreadable = []lint.RecordError{{Pos: lint.Pos{File: "export.csv"}, Err: `no text column in the header (columns: "c1", "13812345678")`}}
	return results, sum, []*lint.RuleInfo{greet, evasive, pii}
}

// TestRedactingEveryFormat: with --redact no format shows the phone number,
// whole or in part — not in the message texts, not where a finding quotes
// them, not as a personal-data finding's own match — while the evidence of
// other findings stays readable.
func TestRedactingEveryFormat(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			results, sum, rules := redactFixture()
			opts := fxOptions()
			opts.Rules = rules
			var buf bytes.Buffer
			w, err := New(format, &buf, opts)
			if err != nil {
				t.Fatal(err)
			}
			w = Redacting(w)
			for _, r := range results {
				if err := w.Conversation(r); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(sum); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			for _, leak := range []string{"1381234", "2345678", "13812345…"} {
				if strings.Contains(out, leak) {
					i := strings.Index(out, leak)
					t.Errorf("%s report shows %q: …%s…", format, leak, out[max(i-120, 0):min(i+60, len(out))])
				}
			}
			if !strings.Contains(out, "不知道") {
				t.Errorf("%s report lost the evidence 不知道", format)
			}
			if !strings.Contains(out, "***********") {
				t.Errorf("%s report has no masked number", format)
			}
			// the results handed in are not changed
			if f := results[0].Findings[1]; f.Match != "13812345678" || !strings.Contains(results[0].Conversation.Messages[0].Text, "13812345678") {
				t.Errorf("Redacting changed the results it was given: %+v", f)
			}
			if errs, _ := sum.Errors.Collect(); errs[0].Err != `unknown role "13812345678"` || !strings.Contains(sum.Unreadable[0].Err, "13812345678") {
				t.Errorf("Redacting changed the summary it was given")
			}
			if format != "csv" && !strings.Contains(out, "export.csv") { // csv: on stderr
				t.Errorf("%s report does not name the unreadable file", format)
			}
		})
	}
}

func TestRedactingFindings(t *testing.T) {
	results, _, _ := redactFixture()
	var got []*lint.Result
	w := Redacting(writerFunc(func(r *lint.Result) error { got = append(got, r); return nil }))
	for _, r := range results {
		if err := w.Conversation(r); err != nil {
			t.Fatal(err)
		}
	}
	want := [][]string{
		{"首次回复「您的电话是***********对吗，这…」缺少问候语", "客服消息写出了完整的电话号码「***********」：客户信息须保密", "推诿用语「不知道」"},
		{"首次回复「请核对一下您的电话号码是********…」缺少问候语", "客服消息写出了完整的电话号码「***********」：客户信息须保密", "推诿用语「不知道」"},
	}
	for i, r := range got {
		if r.Conversation.Messages[0].Text != strings.ReplaceAll(results[i].Conversation.Messages[0].Text, "13812345678", "***********") {
			t.Errorf("text %q", r.Conversation.Messages[0].Text)
		}
		for j, f := range r.Findings {
			if f.Message != want[i][j] {
				t.Errorf("conversation %d finding %d: message %q, want %q", i, j, f.Message, want[i][j])
			}
		}
		if m := r.Findings[1].Match; m != "***********" {
			t.Errorf("personal-data finding's match %q, want it masked", m)
		}
		if m := r.Findings[2].Match; m != "不知道" {
			t.Errorf("evidence %q, want it readable", m)
		}
	}
}

// TestRedactingKeepsOtherEvidence: a finding that is not about personal data
// keeps its span readable, in the text, its match and its message; one that
// points at nothing but personal data (whatever its rule type) does not.
func TestRedactingKeepsOtherEvidence(t *testing.T) {
	rule := &lint.RuleInfo{ID: "shop/no-numbers", Type: "forbid", Severity: lint.Info}
	c := &lint.Conversation{ID: "c", Messages: []lint.Message{{Role: lint.Agent, Text: "请拨打13812345678，或13912345678"}}}
	r := &lint.Result{Conversation: c, Findings: []lint.Finding{
		fxFinding(c, rule, 0, "请拨打13812345678", "", "写出了「请拨打13812345678」", "", 1),
		fxFinding(c, rule, 0, "13912345678", "", "写出了号码「13912345678」", "", 1),
	}}
	var got *lint.Result
	w := Redacting(writerFunc(func(r *lint.Result) error { got = r; return nil }))
	if err := w.Conversation(r); err != nil {
		t.Fatal(err)
	}
	if text := got.Conversation.Messages[0].Text; text != "请拨打13812345678，或***********" {
		t.Errorf("text %q", text)
	}
	if f := got.Findings[0]; f.Match != "请拨打13812345678" || f.Message != "写出了「请拨打13812345678」" {
		t.Errorf("evidence masked: %q, %q", f.Match, f.Message)
	}
	if f := got.Findings[1]; f.Match != "***********" || f.Message != "写出了号码「***********」" {
		t.Errorf("personal data readable: %q, %q", f.Match, f.Message)
	}
}

// TestRedactingPIIFindingSpans: what a pii finding points at is masked
// even where redact.Find does not see it (a kind the rule knows by other
// means, a rule and a masking that have drifted apart): the report must
// not show what the rule flagged, nor quote it. A finding's span that
// overlaps personal data Find did see is merged with it.
func TestRedactingPIIFindingSpans(t *testing.T) {
	pii := &lint.RuleInfo{ID: "shop/pii", Type: "pii", Severity: lint.Error}
	c := &lint.Conversation{ID: "c", Messages: []lint.Message{{Role: lint.Agent, Text: "会员号VIP77889900已记下，电话13812345678"}}}
	r := &lint.Result{Conversation: c, Findings: []lint.Finding{
		fxFinding(c, pii, 0, "VIP77889900", "", "写出了「VIP77889900」", "", 3),
		fxFinding(c, pii, 0, "话13812345678", "", "写出了「话13812345678」", "", 3),
	}}
	var got *lint.Result
	w := Redacting(writerFunc(func(r *lint.Result) error { got = r; return nil }))
	if err := w.Conversation(r); err != nil {
		t.Fatal(err)
	}
	if text := got.Conversation.Messages[0].Text; text != "会员号***********已记下，电＊***********" {
		t.Errorf("text %q", text)
	}
	for _, f := range got.Findings {
		if strings.ContainsAny(f.Match+f.Message, "0123456789") {
			t.Errorf("finding shows the data: %q, %q", f.Match, f.Message)
		}
	}
	if c.Messages[0].Text != "会员号VIP77889900已记下，电话13812345678" {
		t.Error("the results handed in were changed")
	}
}

func TestWithSpan(t *testing.T) {
	spans := []redact.Span{{Start: 2, End: 4}, {Start: 10, End: 12}, {Start: 20, End: 25}}
	got := withSpan(spans, redact.Span{Start: 3, End: 11})
	want := []redact.Span{{Start: 2, End: 12}, {Start: 20, End: 25}}
	if !slices.Equal(got, want) {
		t.Errorf("withSpan = %v, want %v", got, want)
	}
	if got := withSpan(spans, redact.Span{Start: 14, End: 16}); len(got) != 4 || got[2].Start != 14 {
		t.Errorf("withSpan between = %v", got)
	}
}

func TestSubtract(t *testing.T) {
	got := subtract([][2]int{{0, 10}, {20, 30}}, [][2]int{{2, 4}, {8, 22}})
	want := [][2]int{{0, 2}, {4, 8}, {22, 30}}
	if len(got) != len(want) {
		t.Fatalf("subtract = %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("subtract = %v, want %v", got, want)
		}
	}
}

type writerFunc func(*lint.Result) error

func (f writerFunc) Conversation(r *lint.Result) error { return f(r) }
func (f writerFunc) Close(*lint.Summary) error         { return nil }
