package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
)

var htmlScoring = lint.Scoring{Start: 100, Grades: []lint.Grade{{Name: "优秀", Min: 95}, {Name: "良好", Min: 85}, {Name: "合格", Min: 70}}, FailGrade: "不合格"}

var (
	htmlForbid  = &lint.RuleInfo{ID: "shop/evasive", Pack: "shop", Type: "forbid", Severity: lint.Error, Deduct: 5, Description: "推诿用语", Source: "规章 五.五"}
	htmlGreet   = &lint.RuleInfo{ID: "shop/missing-greeting", Pack: "shop", Type: "require", Severity: lint.Warning, Deduct: 2}
	htmlUnfired = &lint.RuleInfo{ID: "shop/slow-reply", Pack: "shop", Type: "latency", Severity: lint.Info, Deduct: 1, MaxDeduct: 10}
)

// htmlResult builds a conversation of a customer question and an agent
// answer, with a forbid finding on the answer for each deduction of 5.
func htmlResult(id string, agent, answer string, score float64) *lint.Result {
	t0 := time.Date(2026, 11, 4, 10, 0, 0, 0, time.UTC)
	c := &lint.Conversation{ID: id, File: "day.jsonl", Timed: true, Messages: []lint.Message{
		{Conversation: id, Role: lint.Customer, Sender: "buyer", Text: "在吗", Time: t0, Pos: lint.Pos{File: "day.jsonl", Line: 1}},
		{Conversation: id, Role: lint.Agent, Sender: agent, Text: answer, Time: t0.Add(5 * time.Second), Pos: lint.Pos{File: "day.jsonl", Line: 2}},
	}}
	r := &lint.Result{Conversation: c, Agents: []string{agent}, Score: score, Grade: htmlScoring.GradeOf(score)}
	if i := strings.Index(answer, "不行"); i >= 0 && score < 100 {
		r.Findings = append(r.Findings, lint.Finding{Rule: htmlForbid, Msg: 1, Match: "不行", Start: i, End: i + len("不行"),
			Column: len([]rune(answer[:i])) + 1, Suggestion: "无法帮到您", Message: "避免「不行」", Agent: agent, Deduct: 100 - score})
	}
	return r
}

// renderHTML runs the HTML writer over results and returns the page.
func renderHTML(t *testing.T, opts Options, keep int, results ...*lint.Result) string {
	t.Helper()
	if opts.Location == nil {
		opts.Location = time.UTC
	}
	if opts.Scoring.Start == 0 {
		opts.Scoring = htmlScoring
	}
	if opts.Rules == nil {
		opts.Rules = []*lint.RuleInfo{htmlForbid, htmlGreet, htmlUnfired}
	}
	var buf bytes.Buffer
	w, err := New("html", &buf, opts)
	if err != nil {
		t.Fatal(err)
	}
	if keep != 0 {
		w.(*htmlWriter).keep = keep
	}
	sum := lint.NewSummary()
	files := map[string]bool{}
	for _, r := range results {
		sum.Add(r)
		sum.Records += len(r.Conversation.Messages)
		files[r.Conversation.File] = true
		if err := w.Conversation(r); err != nil {
			t.Fatal(err)
		}
		if hw := w.(*htmlWriter); len(hw.worst) > max(hw.keep, 0) {
			t.Fatalf("writer holds %d conversations, limit %d", len(hw.worst), hw.keep)
		}
	}
	sum.Files = len(files)
	if err := w.Close(sum); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// convIDs lists the conversation ids of the page's list, in order.
func convIDs(page string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`<span class="cid">会话 <b>([^<]*)</b>`).FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
	}
	return out
}

func TestHTMLPage(t *testing.T) {
	page := renderHTML(t, Options{}, 0,
		htmlResult("c1", "小美", "您好，这个不行呢", 95),
		htmlResult("c2", "阿杰", "您好亲", 100),
	)
	for _, want := range []string{
		"<!DOCTYPE html>", `<html lang="zh-CN">`, `<meta charset="utf-8">`, `"PingFang SC"`, `"Noto Sans CJK SC"`,
		`<svg id="score-histogram"`, `<section id="agents"`, `class="agent-card"`, `<section id="rules"`,
		`<code>shop/evasive</code>`, "推诿用语", "依据：规章 五.五",
		`<details class="conv conv-item" id="conv-1"`,
		`这个<mark class="sev-error" title="1. shop/evasive">不行</mark><sup class="fn" data-n="1"></sup>呢`,
		"建议：把「<del>不行</del>」改为「<ins>无法帮到您</ins>」",
		"未发现问题的规则（2 条）", // missing-greeting and slow-reply did not fire
		"满分 100；优秀 ≥ 95，良好 ≥ 85，合格 ≥ 70，其余为不合格",
		"<b>shop</b>（3 条规则）",
		"10:00:05",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// nothing is fetched: no external resources at all
	for _, bad := range []string{"http://", "https://", "<link", " src=", "@import"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q: it must be self-contained", bad)
		}
	}
	if n := strings.Count(page, "<script"); n != 1 {
		t.Errorf("%d script elements, want the one inline script", n)
	}
	// the worst conversation is open, the others are not
	if !strings.Contains(page, `id="conv-1" data-agents="[&#34;小美&#34;]" data-rules="[&#34;shop/evasive&#34;]" data-sevs="[&#34;error&#34;]" data-grade="优秀" data-findings="1" open>`) {
		t.Errorf("worst conversation is not first and open:\n%s", page[strings.Index(page, `id="conv-1"`)-40:][:300])
	}
	if strings.Contains(page, `data-findings="0" open>`) {
		t.Error("a clean conversation is open")
	}
}

// Bonuses show beside their message (green, no number, no mark in the
// text), in the conversation's counts and in the overview.
func TestHTMLBonuses(t *testing.T) {
	recap := &lint.RuleInfo{ID: "shop/recap", Pack: "shop", Type: "bonus", Bonus: true, Add: 2, MaxAdd: 2, Source: "规章 三.二"}
	r := htmlResult("c1", "小美", "您的意思是换成蓝色对吗", 100)
	r.Bonuses = []lint.Finding{
		{Rule: recap, Msg: 1, Message: "复述了顾客的需求", Agent: "小美", Deduct: 2},
		{Rule: recap, Msg: 1, Message: "复述了顾客的需求", Agent: "小美", Deduct: 0},
		{Rule: recap, Msg: -1, Message: "整体加分", Agent: "小美", Deduct: 1},
	}
	page := renderHTML(t, Options{}, 0, r, htmlResult("c2", "阿杰", "您好亲", 100))
	for _, want := range []string{
		"<dt>加分</dt><dd>3 次",
		`<span class="chip sev-bonus">加分</span> <code>shop/recap</code> <span class="deduct">&#43;2</span>`,
		`<span class="deduct">&#43;0（已达上限）</span>`,
		`<div class="findings loose"><div class="finding sev-bonus">`,
		`title="好的做法加分 &#43;3">加分 3</span>`,
		"依据：规章 三.二",
		`>您的意思是换成蓝色对吗<`, // the bonus marks no text
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, `<span class="fn">1</span><span class="chip sev-bonus">`) {
		t.Error("a bonus is numbered like a finding")
	}
}

// TestHTMLAgentLinkOfUnlistedAgent: an agent card links to the agent's
// conversations only when the list (the lowest-scoring ones) holds some.
// The link of an agent with none set the agent filter to a value it does
// not offer, which the browser takes as 全部客服: the list showed every
// other agent's conversations as the agent's.
func TestHTMLAgentLinkOfUnlistedAgent(t *testing.T) {
	page := renderHTML(t, Options{}, 1,
		htmlResult("c1", "阿杰", "这个不行", 95), htmlResult("c2", "小美", "您好亲", 100))
	for _, want := range []string{
		`data-agent="阿杰">查看会话 →</a>`,
		`<span class="agent-link muted">下方未列出其会话（只列出得分最低的 1 个）</span>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, `data-agent="小美"`) {
		t.Error("the card of an agent with no conversation listed links to the list")
	}
}

// TestHTMLBonusRuleRow: the rule table says what a bonus rule adds, as
// rules list does (+1, capped), not 不扣分, which it said of one with a
// severity (the built-in ecommerce/restate-confirm is info); and its
// severity column says 加分, not the severity of a problem (info), which
// a bonus is not.
func TestHTMLBonusRuleRow(t *testing.T) {
	recap := &lint.RuleInfo{ID: "shop/recap", Pack: "shop", Type: "bonus", Severity: lint.Info, Bonus: true, Add: 1, MaxAdd: 2}
	once := &lint.RuleInfo{ID: "shop/thanks", Pack: "shop", Type: "bonus", Severity: lint.Info, Bonus: true, Add: 0.5}
	r := htmlResult("c1", "小美", "您的意思是换成蓝色对吗", 100)
	r.Bonuses = []lint.Finding{{Rule: recap, Msg: 1, Message: "复述", Agent: "小美", Deduct: 1}}
	page := renderHTML(t, Options{Rules: []*lint.RuleInfo{htmlForbid, recap, once}}, 0, r)
	for _, want := range []string{
		`<td class="deduct">每次 &#43;1，上限 2</td>`,
		`<td class="deduct">每次 &#43;0.5</td>`,
		"<td><code>shop/recap</code><div class=\"muted\">bonus</div></td>\n<td><span class=\"chip sev-bonus\">加分</span></td>",
		"<td><code>shop/thanks</code><div class=\"muted\">bonus</div></td>\n<td><span class=\"chip sev-bonus\">加分</span></td>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, "不扣分") {
		t.Error("a bonus rule is said to deduct nothing")
	}
}

// TestHTMLScoresAsJSON: the page writes scores and deductions as the JSON
// report does (99.625, -0.375), not rounded to two decimals (99.62, -0.38,
// with the agent's mean of that one conversation 99.63).
func TestHTMLScoresAsJSON(t *testing.T) {
	r := htmlResult("c1", "小美", "您好，这个不行呢", 99.625)
	page := renderHTML(t, Options{}, 0, r)
	for _, want := range []string{
		`title="得分">99.625</span>`,
		`<span class="deduct">-0.375</span>`,
		`">99.625</span></div>`, // the lowest score
		`<span class="chip sev-error">error 1</span>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, "99.62<") || strings.Contains(page, "-0.38") {
		t.Error("a score or deduction is rounded to two decimals")
	}
}

// TestHTMLBonusOfFatalConversation: a conversation with a fatal finding
// scores 0 and its bonuses earn nothing, which the page says: not that
// the bonus rule reached its cap.
func TestHTMLBonusOfFatalConversation(t *testing.T) {
	recap := &lint.RuleInfo{ID: "shop/recap", Pack: "shop", Type: "bonus", Bonus: true, Add: 2, MaxAdd: 4}
	insult := &lint.RuleInfo{ID: "shop/insult", Pack: "shop", Type: "forbid", Severity: lint.Error, Deduct: 10, Fatal: true}
	r := htmlResult("c1", "小美", "您的意思是换成蓝色对吗，滚", 100)
	r.Findings = []lint.Finding{{Rule: insult, Msg: 1, Message: "辱骂顾客", Agent: "小美", Deduct: 10}}
	r.Bonuses = []lint.Finding{{Rule: recap, Msg: 1, Message: "复述了顾客的需求", Agent: "小美", Deduct: 2}}
	r.Score, r.Grade = htmlScoring.ScoreWithBonuses(r.Findings, r.Bonuses)
	page := renderHTML(t, Options{Rules: []*lint.RuleInfo{recap, insult}}, 0, r)
	if !strings.Contains(page, `<span class="deduct">&#43;0（致命项）</span>`) {
		t.Error("the bonus of a conversation failed by a fatal finding does not say so")
	}
	if strings.Contains(page, "已达上限") {
		t.Error("the bonus of a conversation failed by a fatal finding is said to have reached its cap")
	}
}

func TestHTMLEscapes(t *testing.T) {
	evil := `<script>alert("x")</script>`
	r := htmlResult(`c"><script>alert(1)</script>`, `<img src=x onerror=alert(2)>`, "不行"+evil, 95)
	r.Conversation.Messages[0].Text = "line1\n" + evil
	r.Findings[0].Message = "<b>bold</b> & co"
	r.Conversation.Notes = []string{"<i>note</i>"}
	page := renderHTML(t, Options{}, 0, r)
	if n := strings.Count(page, "<script"); n != 1 {
		t.Errorf("%d <script in the page, want only the report's own", n)
	}
	for _, bad := range []string{"<img", "<b>bold", "<i>note", `alert("x")`} {
		if strings.Contains(page, bad) {
			t.Errorf("unescaped %q in the page", bad)
		}
	}
	for _, want := range []string{
		"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;",
		"&lt;img src=x onerror=alert(2)&gt;",
		"&lt;b&gt;bold&lt;/b&gt; &amp; co",
		"line1\n&lt;script&gt;",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks escaped %q", want)
		}
	}
}

func TestHTMLWorstFirst(t *testing.T) {
	page := renderHTML(t, Options{}, 0,
		htmlResult("a", "小美", "好的", 100),
		htmlResult("b", "小美", "不行", 90),
		htmlResult("c", "阿杰", "不行", 80),
		htmlResult("d", "阿杰", "不行", 90),
		htmlResult("e", "阿杰", "不行", 80),
		htmlResult("f", "小美", "好的", 100),
	)
	got := strings.Join(convIDs(page), " ")
	if want := "c e b d a f"; got != want {
		t.Errorf("order %q, want %q (score ascending, then input order)", got, want)
	}
	// agents: worst mean first (阿杰 83.33 before 小美 96.67)
	if i, j := strings.Index(page, "<h3>阿杰</h3>"), strings.Index(page, "<h3>小美</h3>"); i < 0 || j < 0 || i > j {
		t.Errorf("agent cards not worst mean first (阿杰 at %d, 小美 at %d)", i, j)
	}
}

func TestHTMLKeepsOnlyTheWorst(t *testing.T) {
	var results []*lint.Result
	scores := []float64{100, 95, 60, 100, 85, 70, 100, 60, 95, 100}
	for i, s := range scores {
		results = append(results, htmlResult(fmt.Sprintf("c%02d", i), "小美", "这个不行", s))
	}
	page := renderHTML(t, Options{}, 3, results...)
	if got, want := strings.Join(convIDs(page), " "), "c02 c07 c05"; got != want {
		t.Errorf("kept %q, want %q", got, want)
	}
	if !strings.Contains(page, "显示得分最低的 3 个会话（共 10 个会话，6 个有问题）") {
		t.Error("no truncation note")
	}
	// the charts still count every conversation
	if !strings.Contains(page, "满分 100：4 个会话") || !strings.Contains(page, "60 至 65 分（不含 65）：2 个会话") {
		t.Error("histogram does not count all conversations")
	}
	if !strings.Contains(page, "<h3>小美</h3><span class=\"muted\">10 个会话</span>") {
		t.Error("agent card does not count all conversations")
	}
}

func TestHTMLEmptyRun(t *testing.T) {
	page := renderHTML(t, Options{}, 0)
	for _, want := range []string{"没有可检查的会话。", "没有规则发现问题。", "</html>"} {
		if !strings.Contains(page, want) {
			t.Errorf("empty page lacks %q", want)
		}
	}
	for _, bad := range []string{`id="score-histogram"`, `id="agents"`, `<details class="conv`, `id="conv-tools"`} {
		if strings.Contains(page, bad) {
			t.Errorf("empty page has %q", bad)
		}
	}
}

func TestHTMLCanned(t *testing.T) {
	reply := func(line int, text string, score float64) *lint.Result {
		r := htmlResult(fmt.Sprintf("replies.txt:%d", line), "", text, score)
		m := r.Conversation.Messages[1]
		m.Time, m.Sender, m.Pos = time.Time{}, "", lint.Pos{File: "replies.txt", Line: line}
		r.Conversation.Messages = []lint.Message{m}
		r.Conversation.File, r.Agents = "replies.txt", nil
		for i := range r.Findings {
			r.Findings[i].Msg, r.Findings[i].Agent = 0, ""
		}
		return r
	}
	page := renderHTML(t, Options{Canned: true}, 0,
		reply(1, "亲，您好", 100),
		reply(2, "这个不行", 95),
		reply(3, "不行不行", 90),
	)
	for _, want := range []string{"快捷短语库", "共 3 条回复，2 条有问题", `<span class="pos">replies.txt:3</span>`, `<span class="pos">replies.txt:2</span>`, "<mark"} {
		if !strings.Contains(page, want) {
			t.Errorf("canned page lacks %q", want)
		}
	}
	if strings.Index(page, "replies.txt:3</span>") > strings.Index(page, "replies.txt:2</span>") {
		t.Error("canned replies not worst first")
	}
	for _, bad := range []string{"replies.txt:1</span>", `id="score-histogram"`, `id="agents"`, "<details class=\"conv", "平均分"} {
		if strings.Contains(page, bad) {
			t.Errorf("canned page has %q", bad)
		}
	}
}

func TestHTMLUnmatchedFinding(t *testing.T) {
	r := htmlResult("c1", "小美", "在的", 98)
	r.Findings = []lint.Finding{{Rule: htmlGreet, Msg: 0, Message: "首次回复缺少问候语", Agent: "小美", Deduct: 2}}
	page := renderHTML(t, Options{}, 0, r)
	// the finding sits beside the customer's first message, which is outlined but not marked
	re := regexp.MustCompile(`(?s)<div class="row customer hit sev-warning">.*?在吗</div>\s*</div>\s*<div class="findings">\s*<div class="finding sev-warning">.*?首次回复缺少问候语`)
	if !re.MatchString(page) {
		t.Errorf("unmatched finding not beside its message")
	}
	if strings.Contains(page, "<mark") {
		t.Error("a finding without a match is marked")
	}
}

func TestHTMLDeterministic(t *testing.T) {
	mk := func() []*lint.Result {
		return []*lint.Result{htmlResult("a", "甲", "不行", 95), htmlResult("b", "乙", "不行", 90), htmlResult("c", "丙", "好", 100)}
	}
	first := renderHTML(t, Options{}, 0, mk()...)
	for i := 0; i < 5; i++ {
		if renderHTML(t, Options{}, 0, mk()...) != first {
			t.Fatal("two renderings of the same run differ")
		}
	}
}

func TestHTMLRecordErrors(t *testing.T) {
	var buf bytes.Buffer
	w, _ := New("html", &buf, Options{Location: time.UTC, Scoring: htmlScoring})
	sum := lint.NewSummary()
	sum.Errors = lint.NewRecordErrors([]lint.RecordError{
		{Pos: lint.Pos{File: "day.jsonl", Line: 7}, Err: `invalid JSON: <oops>`},
		{Pos: lint.Pos{File: "day.json", Line: 2}, Err: `missing "text"`},
		{Pos: lint.Pos{File: "day.json", Line: 9}, Err: `missing "text"`},
		{Pos: lint.Pos{File: "day.json", Line: 10}, Err: `missing "text"`},
	}...)
	sum.Rejected, sum.Records = 4, 4
	if err := w.Close(sum); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{`<section id="errors"`, `<td class="pos">day.jsonl:7</td><td>JSON 无效：&lt;oops&gt;</td>`,
		`<td class="pos">day.json:2</td><td>缺少 &#34;text&#34;<div class="more">另有 2 条记录同样无法读取，行 9-10</div></td>`,
		`无法读取的记录（4 条，未检查）`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestHTMLSegments(t *testing.T) {
	text := "亲这个不行不可以"
	at := func(s string) (int, int) { i := strings.Index(text, s); return i, i + len(s) }
	a0, a1 := at("不行")
	b0, b1 := at("行不可")
	// a span cutting a rune never reaches htmlSegments (view drops it), but
	// cutting must not lose text either way
	joined := ""
	for _, s := range htmlSegments(text, []htmlSpan{{a0, a1, 1, "warning", "r1"}, {1, 2, 3, "info", "r3"}}) {
		joined += s.Text
	}
	if joined != text {
		t.Errorf("segments lose text: %q", joined)
	}
	var got []string
	for _, s := range htmlSegments(text, []htmlSpan{{a0, a1, 1, "warning", "r1"}, {b0, b1, 2, "error", "r2"}}) {
		if s.Mark {
			got = append(got, fmt.Sprintf("[%s:%s%v]", s.Text, s.Sev, s.Ends))
		} else {
			got = append(got, s.Text)
		}
	}
	if g, want := strings.Join(got, ""), "亲这个[不:warning[]][行:error[1]][不可:error[2]]以"; g != want {
		t.Errorf("segments = %s, want %s", g, want)
	}
}

func TestHTMLBadSpanNotMarked(t *testing.T) {
	r := htmlResult("c1", "小美", "这个不行", 95)
	r.Findings[0].Start++ // inside a rune
	page := renderHTML(t, Options{}, 0, r)
	if strings.Contains(page, "<mark") {
		t.Error("a span that cuts a character is marked")
	}
	if !strings.Contains(page, "这个不行</div>") {
		t.Error("message text damaged")
	}
}

func TestHTMLNiceStep(t *testing.T) {
	for _, tt := range []struct{ max, want int }{{0, 1}, {5, 1}, {6, 2}, {10, 2}, {11, 5}, {40, 10}, {99, 20}, {1234, 500}} {
		if got := htmlNiceStep(tt.max); got != tt.want {
			t.Errorf("htmlNiceStep(%d) = %d, want %d", tt.max, got, tt.want)
		}
	}
}

func TestHTMLInt(t *testing.T) {
	for _, tt := range []struct {
		in   int
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {200000, "200,000"}, {1140000, "1,140,000"}, {-1234, "-1,234"}} {
		if got := htmlInt(tt.in); got != tt.want {
			t.Errorf("htmlInt(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHTMLRecordErrorsCapped(t *testing.T) {
	var buf bytes.Buffer
	w, _ := New("html", &buf, Options{Location: time.UTC, Scoring: htmlScoring})
	sum := lint.NewSummary()
	for i := 1; i <= htmlMaxErrors+2; i++ {
		// every record its own group, and the last group two records
		// (reasons that differ in a number alone would be one group)
		sum.Errors.Add(lint.RecordError{Pos: lint.Pos{File: "day.jsonl", Line: i}, Err: "error " + strings.Repeat("x", min(i, htmlMaxErrors+1))})
	}
	sum.Rejected, sum.Records = sum.Errors.Len(), sum.Errors.Len()
	if err := w.Close(sum); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if n := strings.Count(page, `<td class="pos">`); n != htmlMaxErrors {
		t.Errorf("%d rows, want %d", n, htmlMaxErrors)
	}
	if !strings.Contains(page, "另有 2 条未列出") {
		t.Error("the records not listed are not counted")
	}
}

// TestHTMLFilterValues: the filter options carry their values, so an agent
// whose name has repeated or trailing spaces (which a browser collapses in
// an option's text) still selects its conversations.
func TestHTMLFilterValues(t *testing.T) {
	page := renderHTML(t, Options{}, 0, htmlResult("c1", "客服  01", "这个不行", 95), htmlResult("c2", "客服 02 ", "您好", 100))
	for _, want := range []string{`<option value="客服  01">`, `<option value="客服 02 ">`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// TestHTMLBaselinedAndWaived: the overview says how many findings the
// baseline and inline waivers kept out of the page, and which waivers
// waived nothing, as the text report does: a page of 0 findings after a
// baseline is not a clean run.
func TestHTMLBaselinedAndWaived(t *testing.T) {
	var buf bytes.Buffer
	w, err := New("html", &buf, Options{Location: time.UTC, Scoring: htmlScoring, Canned: true, Rules: []*lint.RuleInfo{htmlForbid}})
	if err != nil {
		t.Fatal(err)
	}
	sum := lint.NewSummary()
	sum.Files, sum.Filtered, sum.Waived = 1, 30, 2
	sum.UnusedWaivers = []lint.Waiver{{Rule: "shop/evasive", Pos: lint.Pos{File: "replies.txt", Line: 7}},
		{Rule: "shop/evasiv", Pos: lint.Pos{File: "replies.txt", Line: 9}, UnknownRule: true, Meant: []string{"shop/evasive"}}}
	if err := w.Close(sum); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{
		"<dt>基线</dt><dd>30 项已在基线中（未报告）</dd>",
		"<dt>豁免</dt><dd>2 项已按行内豁免跳过</dd>",
		"<dt>没有用上的豁免</dt><dd>replies.txt:7 <code>shop/evasive</code>、replies.txt:9 <code>shop/evasiv</code>：没有这条规则（是否指 shop/evasive？）</dd>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	page = renderHTML(t, Options{}, 0, htmlResult("c1", "小美", "您好亲", 100))
	for _, bad := range []string{"<dt>基线</dt>", "<dt>豁免</dt>", "<dt>没有用上的豁免</dt>"} {
		if strings.Contains(page, bad) {
			t.Errorf("a run without baseline or waivers shows %q", bad)
		}
	}
}

// TestHTMLBonusHitsAreNoProblems: a bonus rule's hits are good practice,
// not problems: its row in the rule table says them as bonuses (N 次加分)
// after the rules that found problems, and the page's problem counts
// leave them out; a run whose only hits are bonuses found no problem.
func TestHTMLBonusHitsAreNoProblems(t *testing.T) {
	recap := &lint.RuleInfo{ID: "shop/recap", Pack: "shop", Type: "bonus", Severity: lint.Info, Bonus: true, Add: 1, MaxAdd: 3}
	opts := Options{Rules: []*lint.RuleInfo{htmlForbid, recap}}
	bonus := func(r *lint.Result, n int) *lint.Result {
		for range n {
			r.Bonuses = append(r.Bonuses, lint.Finding{Rule: recap, Msg: 1, Message: "复述确认", Agent: "小美", Deduct: 1})
		}
		return r
	}
	rules := func(page string) string {
		_, sec, _ := strings.Cut(page, `<section id="rules"`)
		sec, _, _ = strings.Cut(sec, "</section>")
		return sec
	}

	page := renderHTML(t, opts, 0, bonus(htmlResult("c1", "小美", "您的意思是这个不行对吗", 95), 3))
	sec := rules(page)
	bonusRow := `<b>3</b> 次加分</td>` + "\n" + `<td><code>shop/recap</code>`
	forbidRow := `<b>1</b></td>` + "\n" + `<td><code>shop/evasive</code>`
	if !strings.Contains(sec, bonusRow) {
		t.Errorf("the bonus rule's row does not count its hits as bonuses (%q):\n%s", bonusRow, sec)
	}
	if i, j := strings.Index(sec, forbidRow), strings.Index(sec, bonusRow); i < 0 || j < i {
		t.Errorf("the rule that found a problem (%d) is not listed before the bonus rule (%d):\n%s", i, j, sec)
	}
	if !strings.Contains(sec, `<tr class="sev-bonus">`) {
		t.Error("the bonus rule's row is not marked as a bonus")
	}
	if strings.Contains(sec, "没有规则发现问题") {
		t.Error("a rule found a problem, the table says none did")
	}
	if !strings.Contains(page, `<div class="lbl">问题</div>`+"\n"+`<div class="big">1</div>`) {
		t.Error("the problem tile does not count the one finding alone")
	}

	// bonuses alone: no rule found a problem
	page = renderHTML(t, opts, 0, bonus(htmlResult("c1", "小美", "您的意思是换成蓝色对吗", 100), 2))
	sec = rules(page)
	if !strings.Contains(sec, "没有规则发现问题") || !strings.Contains(sec, `<b>2</b> 次加分</td>`) {
		t.Errorf("with bonuses alone, the table does not say no rule found a problem and list the bonuses:\n%s", sec)
	}
	if !strings.Contains(page, `<div class="lbl">问题</div>`+"\n"+`<div class="big">0</div>`) {
		t.Error("the problem tile counts bonuses")
	}
}

// TestHTMLTemplateParses: the page's template, parsed on first use rather
// than when the program starts, parses, once, with its page defined.
func TestHTMLTemplateParses(t *testing.T) {
	tmpl := htmlTemplate()
	if tmpl == nil || tmpl.Lookup("report.html.tmpl") == nil {
		t.Fatal("the HTML report's template is not defined")
	}
	if htmlTemplate() != tmpl {
		t.Error("the template is parsed again")
	}
}

// TestHTMLAgentFilterMatchesMaskedNames: an agent name holding characters
// the page masks (a C0 control, a bidirectional override, a CR) is the same
// name in the filter's option, in the card's link and in the conversations'
// data-agents, so that choosing it finds the agent's conversations. The
// JSON of data-agents wrote a C0 control as an escape, which JavaScript
// reads back as the control, while the option's value was masked.
func TestHTMLAgentFilterMatchesMaskedNames(t *testing.T) {
	name := "a\u0007b\u202ec\rd"
	page := renderHTML(t, Options{}, 0, htmlResult("c1", name, "这个不行", 95), htmlResult("c2", name, "您好亲", 100))
	option := regexp.MustCompile(`<select id="f-agent"[^>]*><option value="">全部客服</option><option value="([^"]*)">`).FindStringSubmatch(page)
	if option == nil {
		t.Fatal("no agent option")
	}
	want := html.UnescapeString(option[1])
	// as a browser reads the attribute: CR as LF
	want = strings.ReplaceAll(want, "\r", "\n")
	if want != "a\uFFFDb\uFFFDc\nd" {
		t.Errorf("option value %q", want)
	}
	convs := regexp.MustCompile(`data-agents="([^"]*)"`).FindAllStringSubmatch(page, -1)
	if len(convs) != 2 {
		t.Fatalf("%d conversations with data-agents, want 2", len(convs))
	}
	for _, m := range convs {
		var agents []string
		if err := json.Unmarshal([]byte(html.UnescapeString(m[1])), &agents); err != nil {
			t.Fatal(err)
		}
		if len(agents) != 1 || agents[0] != want {
			t.Errorf("data-agents %q, want [%q]", agents, want)
		}
	}
}

// TestHTMLFatal: a 致命项 is said wherever the page shows it (the text
// report marks it, the JSON counts it): the overview counts the
// conversations it scored 0, the rule table and the finding mark the rule,
// the agent's card counts its findings and lists its rule before rules as
// frequent that are not (they came first by name, and the card of an
// agent with a 0 did not say why).
func TestHTMLFatal(t *testing.T) {
	insult := &lint.RuleInfo{ID: "shop/zz-insult", Pack: "shop", Type: "forbid", Severity: lint.Error, Deduct: 10, Fatal: true, Description: "辱骂顾客"}
	farewell := &lint.RuleInfo{ID: "shop/a-farewell", Pack: "shop", Type: "require", Severity: lint.Warning, Deduct: 1}
	greet := &lint.RuleInfo{ID: "shop/b-greeting", Pack: "shop", Type: "require", Severity: lint.Warning, Deduct: 1}
	nin := &lint.RuleInfo{ID: "shop/c-nin", Pack: "shop", Type: "forbid", Severity: lint.Info, Deduct: 1}
	r := htmlResult("c1", "阿杰", "随便你", 100)
	for _, ri := range []*lint.RuleInfo{farewell, greet, nin, insult} {
		r.Findings = append(r.Findings, lint.Finding{Rule: ri, Msg: 1, Message: "问题", Agent: "阿杰", Deduct: ri.Deduct})
	}
	r.Score, r.Grade = htmlScoring.ScoreWithBonuses(r.Findings, nil)
	if r.Score != 0 {
		t.Fatalf("score %v, want 0", r.Score)
	}
	page := renderHTML(t, Options{Rules: []*lint.RuleInfo{insult, farewell, greet, nin}}, 0, r, htmlResult("c2", "小美", "您好", 100))
	for _, want := range []string{
		"<dt>致命项</dt><dd>1 个会话有致命项（整单 0 分）</dd>",
		`<td class="deduct">每次 -10<div class="fatal">致命项：整单 0 分</div></td>`,
		`<code>shop/zz-insult</code> <span class="chip sev-error fatal" title="致命项：整单 0 分">致命项</span>`,
		`<span class="chip sev-error fatal" title="致命项发现 1 次：所在会话整单 0 分">致命项 1</span>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if n := strings.Count(page, "致命项：整单 0 分</div>"); n != 1 {
		t.Errorf("%d rule rows say 致命项, want the one", n)
	}
	card := page[strings.Index(page, `<article class="agent-card">`):]
	card = card[:strings.Index(card, "</article>")]
	var top []string
	for _, m := range regexp.MustCompile(`<code title="([^"]*)">`).FindAllStringSubmatch(card, -1) {
		top = append(top, m[1])
	}
	if want := []string{"shop/zz-insult", "shop/a-farewell", "shop/b-greeting"}; fmt.Sprint(top) != fmt.Sprint(want) {
		t.Errorf("the card's top rules are %v, want %v", top, want)
	}
}

// TestHTMLSaysWhatItCovers: the page names the days its chats span (in its
// title, heading and overview) and the files they came from, a few of them:
// mailed around or printed, a page of one day's chats looked like another's,
// and said only "1 个文件".
func TestHTMLSaysWhatItCovers(t *testing.T) {
	a := htmlResult("c1", "小美", "您好，这个不行呢", 95)
	b := htmlResult("c2", "阿杰", "您好亲", 100)
	for i := range b.Conversation.Messages { // the next day, 00:30 in Shanghai, and in another file
		m := &b.Conversation.Messages[i]
		m.Time = m.Time.Add(24*time.Hour + 6*time.Hour + 30*time.Minute)
		m.Pos.File = "day2.jsonl"
	}
	b.Conversation.File = "day2.jsonl"
	page := renderHTML(t, Options{}, 0, a, b)
	for _, want := range []string{
		"<title>chatlint 质检报告 · 2026-11-04 至 2026-11-05</title>",
		"<small>客服会话 · 2026-11-04 至 2026-11-05</small>",
		"<dt>日期</dt><dd>2026-11-04 至 2026-11-05（消息的时间）</dd>",
		"<dd>2 个文件（<bdi>day.jsonl</bdi>、<bdi>day2.jsonl</bdi>），读取",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// the days are --tz's: in Shanghai the second conversation is on the 6th
	shanghai := time.FixedZone("CST", 8*3600)
	if page := renderHTML(t, Options{Location: shanghai}, 0, a, b); !strings.Contains(page, "<title>chatlint 质检报告 · 2026-11-04 至 2026-11-06</title>") {
		t.Errorf("in Shanghai's zone the title is not of the 4th to the 6th:\n%s", page[:strings.Index(page, "</title>")])
	}
	// one day; no times, no dates
	if page := renderHTML(t, Options{}, 0, a); !strings.Contains(page, "<title>chatlint 质检报告 · 2026-11-04</title>") {
		t.Error("a page of one day does not say it in its title")
	}
	for i := range a.Conversation.Messages {
		a.Conversation.Messages[i].Time = time.Time{}
	}
	if page := renderHTML(t, Options{}, 0, a); !strings.Contains(page, "<title>chatlint 质检报告</title>") || strings.Contains(page, "<dt>日期</dt>") {
		t.Error("a page of chats without times names dates")
	}
	// many files: the first few, and 等
	var many []*lint.Result
	for i := 0; i < htmlMaxFiles+2; i++ {
		r := htmlResult(fmt.Sprintf("c%d", i), "小美", "您好亲", 100)
		r.Conversation.File = fmt.Sprintf("f%02d.jsonl", i)
		many = append(many, r)
	}
	page = renderHTML(t, Options{}, 0, many...)
	if want := fmt.Sprintf("<bdi>f%02d.jsonl</bdi> 等）", htmlMaxFiles-1); !strings.Contains(page, want) || strings.Contains(page, fmt.Sprintf("f%02d.jsonl</bdi>", htmlMaxFiles)) {
		t.Errorf("the files of %d: the page lacks %q, or names more", len(many), want)
	}
}

// TestHTMLJumpsInLongChats: a long conversation lists links to its messages
// with findings above the chat, each message anchored; a short one does
// not. A finding in a chat of hundreds of messages was a long scroll away.
func TestHTMLJumpsInLongChats(t *testing.T) {
	long := htmlResult("long", "小美", "您好，这个不行呢", 95)
	c := long.Conversation
	t0 := c.Messages[1].Time
	for i := 2; i < htmlJumpAfter+10; i++ {
		c.Messages = append(c.Messages, lint.Message{Conversation: "long", Role: lint.Customer, Sender: "buyer", Text: "嗯",
			Time: t0.Add(time.Duration(i) * time.Second), Pos: lint.Pos{File: "day.jsonl", Line: i + 1}})
	}
	last := len(c.Messages) - 1
	c.Messages[last].Role, c.Messages[last].Text = lint.Agent, "不行"
	long.Findings = append(long.Findings, lint.Finding{Rule: htmlForbid, Msg: last, Match: "不行", Start: 0, End: len("不行"), Message: "避免「不行」", Agent: "小美", Deduct: 1})
	short := htmlResult("short", "阿杰", "这个不行", 96)
	page := renderHTML(t, Options{}, 0, long, short)
	for _, want := range []string{
		`<p class="jumps">问题所在（共 40 条消息）：<a class="sev-error" href="#conv-1-m2">第 2 行<sup class="fn" data-n="1"></sup></a><a class="sev-error" href="#conv-1-m40">第 40 行<sup class="fn" data-n="2"></sup></a></p>`,
		`<div class="row agent hit sev-error" id="conv-1-m2">`,
		`<div class="row agent hit sev-error" id="conv-1-m40">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if n := strings.Count(page, `<p class="jumps">`); n != 1 {
		t.Errorf("%d lists of links, want the long conversation's alone", n)
	}
	if strings.Contains(page, `id="conv-2-m`) {
		t.Error("the short conversation's messages are anchored")
	}
}
