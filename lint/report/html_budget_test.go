package report

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
)

// The HTML report keeps the worst conversations within a budget of bytes
// (htmlKeepBytes), and shows only the first messages of a conversation over
// htmlConvBytes. These tests set small budgets.

// htmlLong builds a conversation of n messages, customer and agent in
// turn, each agent answer with a forbid finding.
func htmlLong(id string, n int, score float64) *lint.Result {
	t0 := time.Date(2026, 11, 4, 10, 0, 0, 0, time.UTC)
	c := &lint.Conversation{ID: id, File: "day.jsonl", Timed: true}
	r := &lint.Result{Conversation: c, Agents: []string{"小美"}, Score: score, Grade: htmlScoring.GradeOf(score)}
	for i := range n {
		m := lint.Message{Conversation: id, Role: lint.Customer, Sender: "buyer", Text: fmt.Sprintf("问题%d", i), Time: t0.Add(time.Duration(i) * time.Second), Pos: lint.Pos{File: "day.jsonl", Line: i + 1}}
		if i%2 == 1 {
			m.Role, m.Sender, m.Text = lint.Agent, "小美", fmt.Sprintf("这个不行%d", i)
			r.Findings = append(r.Findings, lint.Finding{Rule: htmlForbid, Msg: i, Match: "不行", Start: len("这个"), End: len("这个不行"),
				Column: 3, Suggestion: "无法帮到您", Message: "避免「不行」", Agent: "小美", Deduct: 1})
		}
		c.Messages = append(c.Messages, m)
	}
	return r
}

// renderHTMLBudget runs the HTML writer with the given budgets (0: the
// defaults) and returns the page and the writer.
func renderHTMLBudget(t *testing.T, keep, budget, convBudget int, results ...*lint.Result) (string, *htmlWriter) {
	t.Helper()
	return renderHTMLBudgetOpts(t, Options{}, keep, budget, convBudget, results...)
}

// renderHTMLBudgetOpts is renderHTMLBudget with options (canned).
func renderHTMLBudgetOpts(t *testing.T, opts Options, keep, budget, convBudget int, results ...*lint.Result) (string, *htmlWriter) {
	t.Helper()
	var buf bytes.Buffer
	opts.Location, opts.Scoring, opts.Rules = time.UTC, htmlScoring, []*lint.RuleInfo{htmlForbid, htmlGreet}
	w, err := New("html", &buf, opts)
	if err != nil {
		t.Fatal(err)
	}
	hw := w.(*htmlWriter)
	if keep != 0 {
		hw.keep = keep
	}
	if budget != 0 {
		hw.budget = budget
	}
	if convBudget != 0 {
		hw.convBudget = convBudget
	}
	sum := lint.NewSummary()
	sum.Files = 1
	for _, r := range results {
		sum.Add(r)
		sum.Records += len(r.Conversation.Messages)
		if err := w.Conversation(r); err != nil {
			t.Fatal(err)
		}
		if hw.kept > hw.budget && len(hw.worst) > 1 {
			t.Fatalf("kept %d bytes in %d conversations, budget %d", hw.kept, len(hw.worst), hw.budget)
		}
	}
	if err := w.Close(sum); err != nil {
		t.Fatal(err)
	}
	return buf.String(), hw
}

// msgCost is what htmlCost counts for message i of r and its findings.
func msgCost(r *lint.Result, i int) int {
	m := &r.Conversation.Messages[i]
	c := htmlMsgCost + len(m.Text) + len(m.Sender)
	for _, f := range r.Findings {
		if f.Msg == i {
			c += htmlFindingCost + len(f.Message) + len(f.Match) + len(f.Suggestion)
		}
	}
	return c
}

// TestHTMLConvBudget: a conversation over the conversation budget shows its
// first messages, as many as fit (at least one), and says how many more
// there are and how many findings they hold; its counts stay whole. One
// that fits is shown as without a budget.
func TestHTMLConvBudget(t *testing.T) {
	r := htmlLong("long", 10, 60)
	base := htmlConvCost + len("long") + len("day.jsonl")
	upTo := func(n int) int { // the cost of the first n messages
		c := base
		for i := range n {
			c += msgCost(r, i)
		}
		return c
	}
	tests := []struct {
		name           string
		convBudget     int
		shown, hiddenF int
	}{
		{"fits exactly", upTo(10), 10, 0},
		{"fits with room", math.MaxInt, 10, 0},
		{"one message short", upTo(10) - 1, 9, 1},
		{"four messages", upTo(4) + 10, 4, 3},
		{"first message alone over it", 1, 1, 5},
	}
	whole, _ := renderHTMLBudget(t, 0, math.MaxInt, math.MaxInt, r)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, hw := renderHTMLBudget(t, 0, math.MaxInt, tt.convBudget, r)
			cv := hw.worst[0]
			if len(cv.Messages) != tt.shown || cv.Hidden != 10-tt.shown || cv.HiddenFindings != tt.hiddenF || cv.Total != 10 {
				t.Errorf("shown %d, hidden %d with %d findings, of %d; want %d shown, %d findings hidden",
					len(cv.Messages), cv.Hidden, cv.HiddenFindings, cv.Total, tt.shown, tt.hiddenF)
			}
			if cv.cost != upTo(tt.shown) {
				t.Errorf("cost %d, want %d", cv.cost, upTo(tt.shown))
			}
			if got := strings.Count(page, `<div class="row `); got != tt.shown {
				t.Errorf("%d messages on the page, want %d", got, tt.shown)
			}
			if !strings.Contains(page, "<b>5</b> 项") {
				t.Error("the conversation's finding count is not whole")
			}
			if tt.shown == 10 {
				if page != whole {
					t.Error("a conversation within the budget is shown differently")
				}
				return
			}
			note := fmt.Sprintf("本会话共 10 条消息，内容过多，页面只显示前 %d 条；其余 %d 条消息（含 %d 项问题）未显示，问题明细见 JSON 报告（<code>--format json</code>）。",
				tt.shown, 10-tt.shown, tt.hiddenF)
			if tt.hiddenF == 0 {
				note = strings.Replace(note, fmt.Sprintf("（含 %d 项问题）", tt.hiddenF), "", 1)
			}
			if !strings.Contains(page, note) {
				t.Errorf("no note %q", note)
			}
		})
	}
}

// TestHTMLBudgetKeepsTheWorst: with a budget, the writer keeps the worst
// conversations, in order, as many as fit (at least one, at most keep),
// whatever order they come in: checked against sorting them all, over
// random runs.
func TestHTMLBudgetKeepsTheWorst(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for run := range 300 {
		keep := 1 + rng.IntN(8)
		budget := 1 + rng.IntN(40000)
		var results []*lint.Result
		for i := range 1 + rng.IntN(30) {
			results = append(results, htmlLong(fmt.Sprintf("c%02d", i), 1+rng.IntN(40), float64(50+5*rng.IntN(10))))
		}
		page, hw := renderHTMLBudget(t, keep, budget, math.MaxInt, results...)

		// the worst, in order, while they fit
		type ranked struct {
			id   string
			conv *htmlConv
			cost int
		}
		var all []ranked
		for i, r := range results {
			_, cost := htmlCost(r, math.MaxInt)
			all = append(all, ranked{r.Conversation.ID, &htmlConv{Score: r.Score, seq: i + 1}, cost})
		}
		slices.SortFunc(all, func(a, b ranked) int {
			if htmlWorse(a.conv, b.conv) {
				return -1
			}
			return 1
		})
		var want []string
		total := 0
		for _, a := range all {
			if len(want) == keep || len(want) > 0 && total+a.cost > budget {
				break
			}
			want = append(want, a.id)
			total += a.cost
		}
		if got := convIDs(page); !slices.Equal(got, want) {
			t.Fatalf("run %d (keep %d, budget %d): page shows %v, want %v", run, keep, budget, got, want)
		}
		if hw.kept != total {
			t.Fatalf("run %d: kept %d bytes, want %d", run, hw.kept, total)
		}
		limited := len(want) < keep && len(want) < len(results)
		if got := strings.Contains(page, "为控制页面大小"); got != limited {
			t.Fatalf("run %d: budget note %v, want %v (%d of %d shown, keep %d)", run, got, limited, len(want), len(results), keep)
		}
	}
}

// TestHTMLBudgetNote: the page says why it lists fewer conversations (or
// replies) than it would, and says nothing more when the count alone
// limited it.
func TestHTMLBudgetNote(t *testing.T) {
	var results []*lint.Result
	for i := range 6 {
		results = append(results, htmlLong(fmt.Sprintf("c%d", i), 20, float64(60+i)))
	}
	_, one := htmlCost(results[0], math.MaxInt)
	tests := []struct {
		name         string
		canned       bool
		keep, budget int
		note         string
	}{
		{"count limits", false, 2, math.MaxInt, "显示得分最低的 2 个会话（共 6 个会话，6 个有问题），按得分从低到高、同分按输入顺序排列；其余会话计入上方统计。<"},
		{"budget limits", false, 5, 3*one + 1, "显示得分最低的 3 个会话（共 6 个会话，6 个有问题），按得分从低到高、同分按输入顺序排列；其余会话计入上方统计。" +
			"这些会话内容过多，为控制页面大小，只列出 3 个会话（内容不多时最多列出 5 个会话）；问题明细见 JSON 报告（--format json）。<"},
		{"budget limits to one", false, 5, 1, "只列出 1 个会话（内容不多时最多列出 5 个会话）"},
		{"budget not reached", false, 0, 0, "共 6 个会话，6 个有问题，按得分从低到高、同分按输入顺序排列。点击会话展开全文。<"},
		{"canned, budget limits", true, 5, 3*one + 1, "显示扣分最多的 3 条有问题的回复（共 6 条回复，6 条有问题），按扣分从多到少、相同的按库中顺序排列。" +
			"这些回复内容过多，为控制页面大小，只列出 3 条回复（内容不多时最多列出 5 条回复）；问题明细见 JSON 报告（--format json）。<"},
		{"canned, count limits", true, 2, math.MaxInt, "显示扣分最多的 2 条有问题的回复（共 6 条回复，6 条有问题），按扣分从多到少、相同的按库中顺序排列。<"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, _ := renderHTMLBudgetOpts(t, Options{Canned: tt.canned}, tt.keep, tt.budget, 0, results...)
			if !strings.Contains(page, tt.note) {
				i := strings.Index(page, `id="shown-note">`)
				t.Errorf("no note %q in %q", tt.note, page[i:i+600])
			}
		})
	}
}

// TestHTMLBudgetUnchangedWithin: when nothing exceeds the budgets, the page
// is the one written without them, even if the kept conversations passed
// the budget for a while (before worse ones displaced them).
func TestHTMLBudgetUnchangedWithin(t *testing.T) {
	var results []*lint.Result
	// long mediocre conversations first, then short bad ones that displace
	// them: the budget fits the final three, not the first three
	for i := range 3 {
		results = append(results, htmlLong(fmt.Sprintf("long%d", i), 40, 80))
	}
	for i := range 3 {
		results = append(results, htmlLong(fmt.Sprintf("short%d", i), 2, 50))
	}
	_, short := htmlCost(results[3], math.MaxInt)
	_, long := htmlCost(results[0], math.MaxInt)
	budget := 3*short + long // less than the three long ones
	want, _ := renderHTMLBudget(t, 3, math.MaxInt, math.MaxInt, results...)
	got, hw := renderHTMLBudget(t, 3, budget, math.MaxInt, results...)
	if hw.cut == nil {
		t.Fatal("the budget was never passed: the test shows nothing")
	}
	if got != want {
		t.Error("the page differs from the unbudgeted one")
	}
	if ids := convIDs(got); !slices.Equal(ids, []string{"short0", "short1", "short2"}) {
		t.Errorf("kept %v", ids)
	}
	// and the fixture, with the real budgets
	fx, _ := fixture()
	a, _ := renderHTMLBudget(t, 0, 0, 0, fx...)
	b, _ := renderHTMLBudget(t, 0, math.MaxInt, math.MaxInt, fx...)
	if a != b {
		t.Error("the fixture's page changes with the budgets")
	}
}
