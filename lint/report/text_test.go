package report

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

func TestDisplayWidth(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{{"abc", 3}, {"客服", 4}, {"小美A", 5}, {"ＡＢ", 4}, {"", 0},
		// U+FE0F draws the character before it as an emoji, two columns
		{"小美❤️", 6}, {"小美❤", 5}, {"1️⃣", 2}, {"🌸️", 2}, {"\uFE0F", 0},
		// an emoji drawn whole, as the same terminals draw it: a skin tone
		// and emoji joined by ZWJ take no more columns (they took 4, 6, 4)
		{"小美👍🏻", 6}, {"👨\u200d👩\u200d👧", 2}, {"👩\u200d💻客服", 6}, {"🙋\u200d♀️", 2},
		{"🇨🇳", 2}, {"🏴\u200d☠️", 2},
		// a ZWJ or a skin tone after what is no emoji joins nothing
		{"客服\u200d02", 6}, {"a\u200d客", 3}, {"客🏻", 4},
		// an emoji of one column that takes a skin tone is drawn as an
		// emoji with it, two columns (it took 3); a star takes none
		{"小美✌🏻", 6}, {"☝🏽a", 3}, {"✍🏿⛹🏻", 4}, {"✌️🏻", 2}, {"✌", 1}, {"★🏻", 3},
		// U+FE0F after a space or a letter, whose emoji was dropped (a
		// four-byte character where only three are kept): no emoji form
		// (they took 6, 4, 2); the keycaps' # * and digits and © have one
		{"小美 \uFE0F", 5}, {"Amy\uFE0F", 3}, {"a \uFE0F", 2}, {"\uFE0F小美", 4},
		{"#\uFE0F\u20E3", 2}, {"*\uFE0F", 2}, {"9\uFE0F", 2}, {"©\uFE0F", 2}}
	for _, tt := range tests {
		if got := displayWidth(tt.in); got != tt.want {
			t.Errorf("displayWidth(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	tw := &textWriter{}
	text := "亲，这个我也不知道呢"
	i := strings.Index(text, "不知道")
	f := &lint.Finding{Start: i, End: i + len("不知道")}
	if got := tw.excerpt(text, f); got != "亲，这个我也【不知道】呢" {
		t.Errorf("excerpt = %q", got)
	}
	long := strings.Repeat("前", 60) + "不行" + strings.Repeat("后", 60)
	i = strings.Index(long, "不行")
	got := tw.excerpt(long, &lint.Finding{Start: i, End: i + len("不行")})
	if !strings.HasPrefix(got, "…前") || !strings.HasSuffix(got, "后…") || !strings.Contains(got, "【不行】") {
		t.Errorf("long excerpt = %q", got)
	}
	// a long match (a long reply's excess) is cut too, its length told
	excess := "超" + strings.Repeat("长", 5000) + "尾"
	reply := "好的" + excess
	got = tw.excerpt(reply, &lint.Finding{Start: len("好的"), End: len(reply)})
	if want := "好的【超" + strings.Repeat("长", 79) + "…（共 5002 字）…" + strings.Repeat("长", 9) + "尾】"; got != want {
		t.Errorf("long match excerpt = %q, want %q", got, want)
	}
	// a message with 【】 of its own marks the match otherwise, so that the
	// mark is told from them (点击【设置】: which was flagged?)
	for _, tt := range []struct{ text, match, want string }{
		{"【温馨提示】亲，这个不知道哦", "不知道", "【温馨提示】亲，这个〖不知道〗哦"},
		{"点击【设置】，不知道", "不知道", "点击【设置】，〖不知道〗"},
		{"不知道】", "不知道", "〖不知道〗】"},
		{"〖注〗【注】不知道", "不知道", "〖注〗【注】⟦不知道⟧"},
		{"这个不知道", "不知道", "这个【不知道】"},
	} {
		i := strings.Index(tt.text, tt.match)
		if got := tw.excerpt(tt.text, &lint.Finding{Start: i, End: i + len(tt.match)}); got != tt.want {
			t.Errorf("excerpt(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	if got := tw.excerpt("第一行\n第二行", &lint.Finding{}); got != "第一行 ⏎ 第二行" {
		t.Errorf("no match, line break: %q", got)
	}
	tw.opts.Color = true
	if got := tw.excerpt("不行", &lint.Finding{Start: 0, End: len("不行")}); got != ansiMark+"不行"+ansiReset {
		t.Errorf("colour excerpt = %q", got)
	}
}

func TestTextReport(t *testing.T) {
	rule := &lint.RuleInfo{ID: "shop/evasive", Type: "forbid", Severity: lint.Error, Deduct: 5}
	c := &lint.Conversation{ID: "c1", File: "day.jsonl", Timed: true, Messages: []lint.Message{
		{Role: lint.Customer, Sender: "buyer", Text: "在吗", Pos: lint.Pos{File: "day.jsonl", Line: 1}, Time: time.Date(2026, 11, 4, 10, 0, 0, 0, time.UTC)},
		{Role: lint.Agent, Sender: "客服01", Text: "这个不行", Pos: lint.Pos{File: "day.jsonl", Line: 2}, Time: time.Date(2026, 11, 4, 10, 0, 5, 0, time.UTC)},
	}}
	r := &lint.Result{Conversation: c, Agents: []string{"客服01"}, Score: 95, Grade: "优秀",
		Findings: []lint.Finding{{Rule: rule, Msg: 1, Match: "不行", Start: 6, End: 12, Column: 3, Suggestion: "无法帮到您", Message: "避免「不行」", Agent: "客服01", Deduct: 5}}}
	sum := lint.NewSummary()
	sum.Files, sum.Records = 1, 2
	sum.Add(r)
	var buf bytes.Buffer
	w, err := New("text", &buf, Options{Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Conversation(r); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(sum); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"✗ 会话 c1 day.jsonl:1  2026-11-04  客服 客服01  95分 优秀  1 项",
		"day.jsonl:2:3  error  shop/evasive -5",
		"10:00:05 客服 客服01:  这个【不行】",
		"避免「不行」",
		"建议: 不行 → 无法帮到您",
		"汇总: 1 个文件，1 个会话，2 条消息（读取 2 条记录：检查 2，拒收 0，跳过 0）",
		"1 项问题（error 1，warning 0，info 0），平均分 95，最低 95",
		"客服01     1      95      95     1      1        0     0",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("no colour codes without Color")
	}
}

// TestTextRoleNames: the text report says who wrote the evidence in
// Chinese, as the HTML report does (顾客, 客服, 机器人, 系统), not with the
// canonical role names the machine formats write.
func TestTextRoleNames(t *testing.T) {
	rule := &lint.RuleInfo{ID: "shop/r", Type: "forbid", Severity: lint.Warning, Deduct: 1}
	for _, tt := range []struct {
		role   lint.Role
		sender string
		want   string
	}{
		{lint.Customer, "buyer", "10:00:00 顾客 buyer:  在吗"},
		{lint.Agent, "客服01", "10:00:00 客服 客服01:  在吗"},
		{lint.Agent, "", "10:00:00 客服:  在吗"},
		{lint.Bot, "小蜜", "10:00:00 机器人 小蜜:  在吗"},
		{lint.System, "", "10:00:00 系统:  在吗"},
	} {
		c := &lint.Conversation{ID: "c1", File: "day.jsonl", Timed: true, Messages: []lint.Message{
			{Role: tt.role, Sender: tt.sender, Text: "在吗", Pos: lint.Pos{File: "day.jsonl", Line: 1}, Time: time.Date(2026, 11, 4, 10, 0, 0, 0, time.UTC)},
		}}
		r := &lint.Result{Conversation: c, Score: 99, Grade: "优秀", Findings: []lint.Finding{{Rule: rule, Msg: 0, Message: "m", Deduct: 1}}}
		sum := lint.NewSummary()
		sum.Add(r)
		out := string(render(t, "text", Options{Location: time.UTC}, []*lint.Result{r}, sum))
		if !strings.Contains(out, tt.want) {
			t.Errorf("%s: report lacks %q:\n%s", tt.role, tt.want, out)
		}
		if strings.Contains(out, tt.role.String()+" ") || strings.Contains(out, tt.role.String()+":") {
			t.Errorf("%s: the report names the role in English:\n%s", tt.role, out)
		}
	}
}

// TestTextScoresAsJSON: the text report writes scores and deductions as
// the JSON report does. Rounded to two decimals, 94.996 (graded 良好, under
// 95) showed as 95分 良好, and 99.625 as 99.62 beside the agent's mean of
// that one conversation, 99.63.
func TestTextScoresAsJSON(t *testing.T) {
	rule := &lint.RuleInfo{ID: "shop/odd", Type: "forbid", Severity: lint.Warning, Deduct: 5.004}
	small := &lint.RuleInfo{ID: "shop/small", Type: "forbid", Severity: lint.Info, Deduct: 0.375}
	msgs := func(id string) *lint.Conversation {
		return &lint.Conversation{ID: id, File: "day.jsonl", Messages: []lint.Message{
			{Role: lint.Agent, Sender: "客服0" + id[1:], Text: "x", Pos: lint.Pos{File: "day.jsonl", Line: 1}},
		}}
	}
	sc := lint.Scoring{Start: 100, Grades: []lint.Grade{{Name: "优秀", Min: 95}, {Name: "良好", Min: 85}}, FailGrade: "不合格"}
	var rs []*lint.Result
	for _, tt := range []struct {
		id   string
		rule *lint.RuleInfo
	}{{"c1", rule}, {"c2", small}} {
		r := &lint.Result{Conversation: msgs(tt.id), Agents: []string{"客服0" + tt.id[1:]},
			Findings: []lint.Finding{{Rule: tt.rule, Message: "m", Agent: "客服0" + tt.id[1:]}}}
		r.Score, r.Grade = sc.Score(r.Findings)
		rs = append(rs, r)
	}
	sum := lint.NewSummary()
	for _, r := range rs {
		sum.Add(r)
	}
	out := string(render(t, "text", Options{Location: time.UTC, Scoring: sc}, rs, sum))
	for _, want := range []string{
		"客服 客服01  94.996分 良好  1 项",
		"day.jsonl:1  warning  shop/odd -5.004",
		"客服 客服02  99.625分 优秀  1 项",
		"day.jsonl:1  info  shop/small -0.375",
		"平均分 97.31，最低 94.996",
		"客服01     1      95  94.996", // the mean has two decimals
		"客服02     1   99.63  99.625",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestFirstLastRunes(t *testing.T) {
	for _, tc := range []struct {
		s        string
		n        int
		first    string
		firstCut bool
		last     string
		lastCut  bool
	}{
		{"", 3, "", false, "", false},
		{"您好", 3, "您好", false, "您好", false},
		{"您好呀", 3, "您好呀", false, "您好呀", false},
		{"亲，您好呀", 3, "亲，您", true, "您好呀", true},
		{"ab不知道", 2, "ab", true, "知道", true},
	} {
		if got, cut := firstRunes(tc.s, tc.n); got != tc.first || cut != tc.firstCut {
			t.Errorf("firstRunes(%q, %d) = %q, %v", tc.s, tc.n, got, cut)
		}
		if got, cut := lastRunes(tc.s, tc.n); got != tc.last || cut != tc.lastCut {
			t.Errorf("lastRunes(%q, %d) = %q, %v", tc.s, tc.n, got, cut)
		}
	}
}

func TestExcerptOfLongMessage(t *testing.T) {
	tw := &textWriter{}
	text := strings.Repeat("好的，", 100) + "不知道" + strings.Repeat("，再见", 100)
	start := strings.Index(text, "不知道")
	got := tw.excerpt(text, &lint.Finding{Start: start, End: start + len("不知道")})
	want := "…" + strings.Repeat("好的，", 100)[len(strings.Repeat("好的，", 100))-40*3:] + "【不知道】" + strings.Repeat("，再见", 100)[:40*3] + "…"
	if got != want {
		t.Errorf("excerpt = %q, want %q", got, want)
	}
}

// TestTextShown: what an export controls (ids, senders, file names, texts,
// agent names) cannot put control sequences on the terminal nor start a
// line of its own; the text report's own colours still work.
func TestTextShown(t *testing.T) {
	// (lint.Shown's own cases are in lint/shown_test.go)
	if got := ShownLines("a\x1b[2J\nb\r\n\nc"); got != "a\uFFFD[2J\nb\n\nc" {
		t.Errorf("ShownLines: %q", got)
	}
	c := &lint.Conversation{ID: "c\n✓ 会话 fake", File: "a\x1b[2J.jsonl", Messages: []lint.Message{
		{Role: lint.Agent, Sender: "客服\x1b[2J", Text: "\x1b[31m不知道", Pos: lint.Pos{File: "a\x1b[2J.jsonl", Line: 1}},
	}}
	// a pack names the grades; a rule says why it skipped a conversation;
	// a raw 9B is CSI to a terminal not in UTF-8
	grade := "优\x1b[2J秀\x9b2J"
	r := &lint.Result{Conversation: c, Score: 98, Grade: grade, Agents: []string{"客服\x1b[2J"},
		Skipped:  []lint.Skip{{Rule: "shop/slow", Reason: "没有\x1b[2J时间"}},
		Findings: []lint.Finding{fxFinding(c, fxEvasive, 0, "不知道", "", "推诿\x1b[0m", "客服\x1b[2J", 2)}}
	sum := lint.NewSummary()
	sum.Add(r)
	scoring := lint.Scoring{Start: 100, Grades: []lint.Grade{{Name: grade, Min: 95}}}
	for _, color := range []bool{false, true} {
		out := string(render(t, "text", Options{Color: color, Location: time.UTC, Scoring: scoring}, []*lint.Result{r}, sum))
		if strings.Contains(out, "\x1b[2J") || strings.Contains(out, "\x1b[31m不") || strings.Contains(out, "\x1b[0m\n") && !color {
			t.Errorf("color %v: control sequence from the input:\n%q", color, out)
		}
		if !utf8.ValidString(out) {
			t.Errorf("color %v: bytes that are not UTF-8 reach the terminal:\n%q", color, out)
		}
		for _, want := range []string{"等级: 优\uFFFD[2J秀\uFFFD2J 1", "shop/slow: 1 个会话（没有\uFFFD[2J时间）"} {
			if !strings.Contains(out, want) {
				t.Errorf("color %v: no %q in\n%s", color, want, out)
			}
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "✓ 会话 fake") {
				t.Errorf("color %v: the id started a line: %q", color, line)
			}
		}
		if color && !strings.Contains(out, ansiBold) {
			t.Errorf("no colours of the report's own")
		}
	}
}

// FuzzDisplayWidth: a text takes at most two columns a character, and the
// cells of a table are measured apart: what a cell takes does not depend
// on the cell before it, the two spaces between them in between
// (AlignColumns pads each by its own width).
func FuzzDisplayWidth(f *testing.F) {
	for _, s := range []string{"小美❤️", "小美👍🏻", "👩\u200d💻客服", "小美✌🏻", "★🏻", "1️⃣", "\uFE0F小美", "🏴\u200d☠️",
		"小美 \uFE0F", "✌", "🏻", "\u200d客", "e\u0301", "\xff\uFE0F", "🇨🇳"} {
		f.Add(s, "客服\uFE0F🏻")
		f.Add("小美", s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if w := displayWidth(a); w < 0 || w > 2*utf8.RuneCountInString(a) {
			t.Fatalf("displayWidth(%q) = %d for %d characters", a, w, utf8.RuneCountInString(a))
		}
		if w, want := displayWidth(a+"  "+b), displayWidth(a)+2+displayWidth(b); w != want {
			t.Fatalf("displayWidth(%q) = %d, its cells apart %d", a+"  "+b, w, want)
		}
	})
}

func TestDisplayWidthZeroWidth(t *testing.T) {
	for s, want := range map[string]int{"客服01": 6, "e\u0301客服": 5, "客服\u200b": 4, "客服\u200d02": 6, "abc": 3} {
		if got := displayWidth(s); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestAlignColumnsWide: columns line up by display width when cells mix
// Chinese, full-width, Hangul, emoji and ASCII (the text report's rule,
// agent and team tables, rules list).
func TestAlignColumnsWide(t *testing.T) {
	rows := [][]string{
		{"客服", "会话", "平均分"},
		{"Bob", "1", "100"},
		{"客服🌸", "12", "99.5"},
		{"한국어", "3", "99"},
		{"Ａｌｉｃｅ", "145", "95"},
		{"售前一组 after-sales", "2", "97.25"},
	}
	lines := AlignColumns(rows, []bool{false, true, true})
	want := []string{
		"客服                  会话  平均分",
		"Bob                      1     100",
		"客服🌸                  12    99.5",
		"한국어                   3      99",
		"Ａｌｉｃｅ             145      95",
		"售前一组 after-sales     2   97.25",
	}
	for i := range want {
		if i >= len(lines) || lines[i] != want[i] {
			t.Errorf("line %d = %q, want %q", i, lines[i], want[i])
		}
	}
	for i, l := range lines {
		if w := displayWidth(l); w != displayWidth(want[0]) {
			t.Errorf("line %d is %d columns wide, the heading %d", i, w, displayWidth(want[0]))
		}
	}
}

// TestTextBonusRulesApart: the text report's rule table counts the
// findings of the rules that found problems; a bonus rule's hits are good
// practice, listed apart under 加分, not among the problems.
func TestTextBonusRulesApart(t *testing.T) {
	recap := &lint.RuleInfo{ID: "shop/recap", Pack: "shop", Type: "bonus", Severity: lint.Info, Bonus: true, Add: 1}
	c := &lint.Conversation{ID: "c1", File: "day.jsonl", Messages: []lint.Message{
		{Role: lint.Agent, Sender: "小美", Text: "您的意思是这个不行对吗", Pos: lint.Pos{File: "day.jsonl", Line: 1}},
	}}
	r := &lint.Result{Conversation: c, Agents: []string{"小美"}, Score: 96, Grade: "优秀",
		Findings: []lint.Finding{fxFinding(c, fxEvasive, 0, "不行", "", "避免「不行」", "小美", 5)}}
	for range 2 {
		r.Bonuses = append(r.Bonuses, lint.Finding{Rule: recap, Msg: 0, Message: "复述确认", Agent: "小美", Deduct: 1})
	}
	sum := lint.NewSummary()
	sum.Files = 1
	sum.Add(r)
	opts := fxOptions()
	opts.Rules = append(opts.Rules, recap)
	out := string(render(t, "text", opts, []*lint.Result{r}, sum))
	want := "\n规则\n    次数  规则\n       1  shop/evasive\n\n加分\n    次数  规则\n       2  shop/recap\n"
	if !strings.Contains(out, want) {
		t.Errorf("the rule tables are not\n%s\nin\n%s", want, out)
	}
}

// TestHeldAgainst: a finding names the agent it counts for (the per-agent
// table's figures) where its message does not show it: in a conversation
// handed from one agent to another, a finding at the customer's message
// was held against one of them with nothing saying which.
func TestHeldAgainst(t *testing.T) {
	rule := &lint.RuleInfo{ID: "shop/unnoted", Type: "followup", Severity: lint.Error, Deduct: 3}
	c := &lint.Conversation{ID: "x1", File: "day.jsonl", Messages: []lint.Message{
		{Role: lint.Customer, Sender: "buyer", Text: "在吗", Pos: lint.Pos{File: "day.jsonl", Line: 1}},
		{Role: lint.Agent, Sender: "小美", Text: "正在为您转接", Pos: lint.Pos{File: "day.jsonl", Line: 2}},
		{Role: lint.Agent, Sender: "王主管", Text: "您好", Pos: lint.Pos{File: "day.jsonl", Line: 3}},
		{Role: lint.Customer, Sender: "buyer", Text: "帮我改地址", Pos: lint.Pos{File: "day.jsonl", Line: 4}},
		{Role: lint.System, Text: "买家已拍下", Pos: lint.Pos{File: "day.jsonl", Line: 5}},
	}}
	two, one := []string{"小美", "王主管"}, []string{"王主管"}
	for _, tt := range []struct {
		name   string
		agents []string
		msg    int // -1: no message
		agent  string
		want   string
	}{
		{"customer's message, two agents", two, 3, "王主管", "计入客服 王主管"},
		{"system message, two agents", two, 4, "王主管", "计入客服 王主管"},
		{"the agent's own message", two, 2, "王主管", ""},
		{"another agent's message", two, 1, "王主管", "计入客服 王主管"},
		{"no message, two agents", two, -1, "小美", "计入客服 小美"},
		{"customer's message, the only agent", one, 3, "王主管", ""},
		{"held against no agent", one, 3, "", "不计入任何客服"},
		{"a conversation without agents", nil, 3, "", ""},
	} {
		f := &lint.Finding{Rule: rule, Msg: tt.msg, Agent: tt.agent}
		var m *lint.Message
		if tt.msg >= 0 {
			m = &c.Messages[tt.msg]
		}
		if got := heldAgainst(tt.agents, f, m); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	// the text report and the page say it beside the finding
	r := &lint.Result{Conversation: c, Agents: two, Score: 97, Grade: "优秀",
		Findings: []lint.Finding{{Rule: rule, Msg: 3, Match: "改地址", Start: len("帮我"), End: len("帮我改地址"), Message: "没有备注", Agent: "王主管", Deduct: 3}}}
	sum := lint.NewSummary()
	sum.Add(r)
	var buf bytes.Buffer
	w, err := New("text", &buf, Options{Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Conversation(r); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(sum); err != nil {
		t.Fatal(err)
	}
	if want := "day.jsonl:4  error  shop/unnoted -3  计入客服 王主管\n"; !strings.Contains(buf.String(), want) {
		t.Errorf("text report lacks %q:\n%s", want, buf.String())
	}
	page := renderHTML(t, Options{Rules: []*lint.RuleInfo{rule}}, 0, r)
	if want := `<code>shop/unnoted</code> <span class="held">计入客服 王主管</span>`; !strings.Contains(page, want) {
		t.Errorf("page lacks %q", want)
	}
}

// TestSplitNote: the text and HTML reports say that the count of
// conversations holds further parts of conversations linted in parts, as
// many as there are parts: one conversation in three parts was "2 个会话
// 分段检查", two conversations said to be linted in parts.
func TestSplitNote(t *testing.T) {
	rule := &lint.RuleInfo{ID: "shop/r", Type: "forbid", Severity: lint.Warning, Deduct: 1}
	var results []*lint.Result
	sum := lint.NewSummary()
	for i := 0; i < 3; i++ { // one conversation, three parts
		c := &lint.Conversation{ID: "c1", File: "day.jsonl", Messages: []lint.Message{
			{Role: lint.Agent, Sender: "小美", Text: "好的", Pos: lint.Pos{File: "day.jsonl", Line: 1 + 1024*i}},
		}}
		r := &lint.Result{Conversation: c, Agents: []string{"小美"}, Score: 99, Grade: "优秀", Findings: []lint.Finding{{Rule: rule, Msg: 0, Message: "m", Agent: "小美", Deduct: 1}}}
		results = append(results, r)
		sum.Add(r)
	}
	sum.SplitConversations = 2
	// (the note names the count it is of: it is said lines below it)
	want := "会话数含 2 个分段检查的会话的后续段（会话的消息在输入中相距太远，或条数太多），每段单独计分"
	for _, format := range []string{"text", "html"} {
		out := string(render(t, format, Options{Location: time.UTC}, results, sum))
		if !strings.Contains(out, want) {
			t.Errorf("%s report lacks %q", format, want)
		}
		if strings.Contains(out, "个会话分段检查") {
			t.Errorf("%s report says the parts are conversations linted in parts", format)
		}
	}
}

// TestEmptyMessageShown: a finding at a message with no text (an emoji or
// a picture the export dropped) or blanks alone shows it as （空消息）, in
// the text report as in the HTML one: the text report showed nothing
// after the writer's name ("客服 小美:  "), as if the line were cut.
func TestEmptyMessageShown(t *testing.T) {
	rule := &lint.RuleInfo{ID: "base/missing-farewell", Type: "require", Severity: lint.Warning, Deduct: 1}
	for _, text := range []string{"", "  ", "\n"} {
		c := &lint.Conversation{ID: "c1", File: "day.jsonl", Messages: []lint.Message{
			{Role: lint.Customer, Text: "在吗", Pos: lint.Pos{File: "day.jsonl", Line: 1}},
			{Role: lint.Agent, Sender: "小美", Text: text, Pos: lint.Pos{File: "day.jsonl", Line: 2}},
		}}
		r := &lint.Result{Conversation: c, Agents: []string{"小美"}, Score: 99, Grade: "优秀",
			Findings: []lint.Finding{{Rule: rule, Msg: 1, Message: "结束时缺少告别语", Agent: "小美", Deduct: 1}}}
		sum := lint.NewSummary()
		sum.Add(r)
		out := string(render(t, "text", Options{Location: time.UTC}, []*lint.Result{r}, sum))
		if want := "客服 小美:  （空消息）\n"; !strings.Contains(out, want) {
			t.Errorf("text %q: the text report lacks %q:\n%s", text, want, out)
		}
		page := string(render(t, "html", Options{Location: time.UTC}, []*lint.Result{r}, sum))
		if want := `<div class="bubble"><span class="muted">（空消息）</span>`; !strings.Contains(page, want) {
			t.Errorf("text %q: the HTML report lacks %q", text, want)
		}
	}
}

// TestTextDates: a conversation's heading names the day it began, and a
// finding's time on a later day its date: the text report gave times of
// day alone, so a week's export, or a reply after midnight (23:58:00 then
// 00:03:00), did not say when.
func TestTextDates(t *testing.T) {
	rule := &lint.RuleInfo{ID: "shop/slow", Type: "latency", Severity: lint.Warning, Deduct: 1}
	shanghai := time.FixedZone("CST", 8*3600)
	t0 := time.Date(2026, 11, 4, 23, 58, 0, 0, shanghai)
	c := &lint.Conversation{ID: "c1", File: "day.jsonl", Timed: true, Messages: []lint.Message{
		{Role: lint.Customer, Sender: "buyer", Text: "在吗", Pos: lint.Pos{File: "day.jsonl", Line: 1}, Time: t0},
		{Role: lint.Agent, Sender: "小美", Text: "在的", Pos: lint.Pos{File: "day.jsonl", Line: 2}, Time: t0.Add(5 * time.Minute)},
	}}
	r := &lint.Result{Conversation: c, Agents: []string{"小美"}, Score: 98, Grade: "优秀", Findings: []lint.Finding{
		{Rule: rule, Msg: 0, Message: "m0", Agent: "小美", Deduct: 1},
		{Rule: rule, Msg: 1, Message: "m1", Agent: "小美", Deduct: 1},
	}}
	sum := lint.NewSummary()
	sum.Add(r)
	out := string(render(t, "text", Options{Location: shanghai}, []*lint.Result{r}, sum))
	for _, want := range []string{
		"✗ 会话 c1 day.jsonl:1  2026-11-04  客服 小美  98分 优秀  2 项\n",
		"        23:58:00 顾客 buyer:  在吗\n",
		"        2026-11-05 00:03:00 客服 小美:  在的\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	// in UTC the whole conversation is on the 4th
	out = string(render(t, "text", Options{Location: time.UTC}, []*lint.Result{r}, sum))
	if want := "        16:03:00 客服 小美:  在的\n"; !strings.Contains(out, want) || !strings.Contains(out, "day.jsonl:1  2026-11-04  客服") {
		t.Errorf("UTC report lacks %q:\n%s", want, out)
	}
	// no times, no date
	c.Messages[0].Time, c.Messages[1].Time = time.Time{}, time.Time{}
	out = string(render(t, "text", Options{Location: time.UTC}, []*lint.Result{r}, sum))
	if want := "✗ 会话 c1 day.jsonl:1  客服 小美  98分"; !strings.Contains(out, want) {
		t.Errorf("untimed report lacks %q:\n%s", want, out)
	}
}

// TestTextGradeColour: a failing score is red by the pack's thresholds: a
// pack that passes from 80 had its 75 (不合格) in the yellow of a pass, as
// only scores under 70 were red.
func TestTextGradeColour(t *testing.T) {
	strict := lint.Scoring{Start: 100, Grades: []lint.Grade{{Name: "优秀", Min: 95}, {Name: "合格", Min: 80}}, FailGrade: "不合格"}
	floor := lint.Scoring{Start: 100, Grades: []lint.Grade{{Name: "好", Min: 80}, {Name: "可", Min: 0}}, FailGrade: "差"}
	rule := &lint.RuleInfo{ID: "shop/r", Type: "forbid", Severity: lint.Error, Deduct: 25}
	for _, tt := range []struct {
		sc    lint.Scoring
		score float64
		red   bool
		grade string // "": the score's
	}{
		{strict, 75, true, ""}, {strict, 80, false, ""}, {strict, 0, true, ""},
		{lint.Scoring{}, 75, false, ""}, {lint.Scoring{}, 69, true, ""},
		// a 致命项 under grades down to 0: 0 and the failing grade, red as
		// it was before the thresholds decided
		{floor, 0, true, "差"}, {floor, 0, false, ""},
	} {
		c := &lint.Conversation{ID: "c1", File: "day.jsonl", Messages: []lint.Message{{Role: lint.Agent, Text: "不行", Pos: lint.Pos{File: "day.jsonl", Line: 1}}}}
		grade := tt.grade
		if grade == "" {
			grade = tt.sc.GradeOf(tt.score)
		}
		r := &lint.Result{Conversation: c, Score: tt.score, Grade: grade, Findings: []lint.Finding{{Rule: rule, Msg: 0, Message: "m", Deduct: 25}}}
		sum := lint.NewSummary()
		sum.Add(r)
		out := string(render(t, "text", Options{Location: time.UTC, Color: true, Scoring: tt.sc}, []*lint.Result{r}, sum))
		if red := strings.Contains(out, ansiRed+ansiBold+points(tt.score)+"分"); red != tt.red {
			t.Errorf("scoring %v, score %v: red %v, want %v", tt.sc.Grades, tt.score, red, tt.red)
		}
	}
}

// TestUntypedBeforeTypeNote: conversations linted under the memory budget
// before their file's first message type showed keep the skip of the rules
// that need types; the summary counted them (lint.Summary.
// UntypedBeforeType) but no report said so. The text and HTML reports say
// how many, and the JSON summary has untyped_before_type, absent when none.
func TestUntypedBeforeTypeNote(t *testing.T) {
	sum := lint.NewSummary()
	c := &lint.Conversation{ID: "c1", File: "day.jsonl", Messages: []lint.Message{
		{Role: lint.Agent, Sender: "小美", Text: "好的", Pos: lint.Pos{File: "day.jsonl", Line: 1}},
	}}
	r := &lint.Result{Conversation: c, Agents: []string{"小美"}, Score: 100, Grade: "优秀"}
	sum.Add(r)
	json := string(render(t, "json", Options{Location: time.UTC}, []*lint.Result{r}, sum))
	if strings.Contains(json, "untyped_before_type") {
		t.Errorf("untyped_before_type in a run without such conversations")
	}
	sum.UntypedBeforeType = 3
	want := untypedBeforeTypeNote(3)
	for _, format := range []string{"text", "html"} {
		if out := string(render(t, format, Options{Location: time.UTC}, []*lint.Result{r}, sum)); !strings.Contains(out, want) {
			t.Errorf("%s report lacks %q", format, want)
		}
	}
	if json := string(render(t, "json", Options{Location: time.UTC}, []*lint.Result{r}, sum)); !strings.Contains(json, `"untyped_before_type": 3`) {
		t.Errorf("json summary lacks untyped_before_type: %s", json)
	}
}
