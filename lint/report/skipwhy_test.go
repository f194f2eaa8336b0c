package report

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/check"
)

// The summary's 未能检查 section, the HTML rules table and the HTML
// conversation say why a rule was skipped, in Chinese: a length rule skipped for texts the export joined is not
// skipped for want of times.
func TestSkippedRulesSayWhy(t *testing.T) {
	long := &lint.RuleInfo{ID: "p/long", Type: "length"}
	slow := &lint.RuleInfo{ID: "p/slow", Type: "latency"}
	note := &lint.RuleInfo{ID: "p/note", Type: "followup"}
	c := &lint.Conversation{ID: "c1", File: "chat.txt", Notes: []string{lint.NoteUntimed}, Messages: []lint.Message{
		{Role: lint.Agent, Text: "您好", Pos: lint.Pos{File: "chat.txt", Line: 1}},
	}}
	r := &lint.Result{Conversation: c, Score: 100, Grade: "优秀", Skipped: []lint.Skip{
		{Rule: "p/slow", Reason: "no times: reply times not checked"},
		{Rule: "p/long", Reason: "text joined from several messages by the export: lengths over the limit not checked"},
		{Rule: "p/note", Reason: "the export has no message types: no note message can follow"},
	}}
	sum := lint.NewSummary()
	sum.Files, sum.Records = 1, 1
	sum.Add(r)
	for _, format := range []string{"text", "html"} {
		out := string(render(t, format, Options{Location: time.UTC, Rules: []*lint.RuleInfo{long, slow, note}}, []*lint.Result{r}, sum))
		// the summary says it once; the HTML report also beside the
		// conversation, and among the input's facts the file whose
		// conversations had no times (UntimedNote)
		want := map[string]int{"text": 1, "html": 3}[format]
		if n := strings.Count(out, "没有时间"); n != want {
			t.Errorf("%s: %d rules said to be skipped for want of times, want %d:\n%s", format, n, want, out)
		}
		for _, english := range []string{"no times:", "text joined", "the export has"} {
			if strings.Contains(out, english) {
				t.Errorf("%s: a reason in English (%q):\n%s", format, english, out)
			}
		}
		if !strings.Contains(out, "文本由导出拼接") {
			t.Errorf("%s: the length rule's reason not given:\n%s", format, out)
		}
		if !strings.Contains(out, "导出没有消息类型；csv、xlsx、json 导出的类型在别的列或字段时，用 --map type=列名或字段名 读取") || strings.Contains(out, "（the export") {
			t.Errorf("%s: the followup rule's reason not given in Chinese:\n%s", format, out)
		}
	}
}

// TestNotesInChinese: the notes the engine attaches to a conversation (no
// times, linted in parts) read in Chinese in the text and HTML reports, as
// the rest of them does; the machine formats keep them as they are. That a
// conversation was linted before the input ended is said once, in the
// summary, not under each conversation (most of a large day is).
func TestNotesInChinese(t *testing.T) {
	c := &lint.Conversation{ID: "c1", File: "chat.txt", Notes: []string{lint.NoteUntimed, lint.NotePartFirst, lint.NotePartNext}, Messages: []lint.Message{
		{Role: lint.Agent, Text: "您好", Pos: lint.Pos{File: "chat.txt", Line: 1}},
	}}
	rule := &lint.RuleInfo{ID: "p/r", Type: "forbid", Severity: lint.Warning}
	r := &lint.Result{Conversation: c, Score: 99, Grade: "优秀", Findings: []lint.Finding{{Rule: rule, Msg: 0, Message: "x", Deduct: 1}}}
	sum := lint.NewSummary()
	sum.Files, sum.Records = 1, 1
	sum.Add(r)
	sum.LintedEarly = 1
	for _, format := range []string{"text", "html"} {
		out := string(render(t, format, Options{Location: time.UTC, Rules: []*lint.RuleInfo{rule}}, []*lint.Result{r}, sum))
		// (the HTML report says it once for a file none of whose
		// conversations had times, as this one's: UntimedNote)
		untimed := map[string]string{"text": "消息没有时间，未检查时效类规则", "html": "chat.txt：消息都没有时间，未检查时效类规则"}[format]
		for _, want := range []string{untimed, "接续之前已检查的一段",
			"1 个会话在输入读完之前已先检查（内存预算 --memory-budget），之后没有再出现它们的消息：都是完整检查的"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: no note %q", format, want)
			}
		}
		if n := strings.Count(out, "输入读完之前已先检查"); n != 1 {
			t.Errorf("%s: linted early said %d times, want once (the summary)", format, n)
		}
		if strings.Contains(out, "timing rules skipped") {
			t.Errorf("%s: a note in English:\n%s", format, out)
		}
	}
	// a canned library's replies, one record each, are whole whenever
	// they are linted: its summary counts replies, not conversations
	for _, format := range []string{"text", "html"} {
		out := string(render(t, format, Options{Location: time.UTC, Rules: []*lint.RuleInfo{rule}, Canned: true}, []*lint.Result{r}, sum))
		if strings.Contains(out, "输入读完之前已先检查") {
			t.Errorf("%s, canned: linted early said of replies:\n%s", format, out)
		}
	}
	out := string(render(t, "json", Options{Location: time.UTC, Rules: []*lint.RuleInfo{rule}}, []*lint.Result{r}, sum))
	if !strings.Contains(out, lint.NoteUntimed) || !strings.Contains(out, lint.NotePartFirst) || !strings.Contains(out, `"linted_early": 1`) {
		t.Errorf("json: the notes or linted_early changed:\n%s", out)
	}
}

// TestSkippedRecordsSayWhy: the summary's 跳过的记录 line (text and HTML)
// says why records were skipped in Chinese, as it says everything else;
// the values of the export (a status line's text, a type's value, the
// --types flag to give) stay as they are, and the machine formats keep
// the reasons as the readers give them.
func TestSkippedRecordsSayWhy(t *testing.T) {
	sum := lint.NewSummary()
	sum.Files = 1
	reasons := map[string]int{
		"recalled message": 3, "status line [已读]": 2, "log-in switch record": 1, "revoke notice": 1,
		"archiving consent record": 1, "blank reply": 1, "NULL: no reply": 1,
		`type "EVENT" (--types EVENT=skip)`: 4, `type "note" (--types *=skip)`: 1, lint.SkipReasonOther: 1,
	}
	for r, n := range reasons {
		for range n {
			sum.Records++
			sum.Skip(r)
		}
	}
	for _, format := range []string{"text", "html"} {
		out := string(render(t, format, Options{Location: time.UTC}, nil, sum))
		for _, english := range []string{"recalled", "status line", "log-in", "revoke", "archiving", "blank reply", "no reply", `type "`, "type &#34;"} {
			if strings.Contains(out, english) {
				t.Errorf("%s: a reason in English (%q):\n%s", format, english, out)
			}
		}
		for _, want := range []string{"撤回的消息 3 条", "[已读]", "EVENT", "--types EVENT=skip", "--types *=skip"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: %q not said:\n%s", format, want, out)
			}
		}
	}
	out := string(render(t, "json", Options{Location: time.UTC}, nil, sum))
	if !strings.Contains(out, `"recalled message": 3`) {
		t.Errorf("json: the reasons changed:\n%s", out)
	}
}

// TestSkippedRuleEveryReason: a rule skipped in several conversations for
// different reasons (no times in one file, times written to the minute in
// another) says each reason with its number of conversations in the text
// summary and the HTML rules table, not the first conversation's alone;
// the JSON summary counts them by reason beside skipped.
func TestSkippedRuleEveryReason(t *testing.T) {
	slow := &lint.RuleInfo{ID: "p/slow", Type: "latency"}
	sum := lint.NewSummary()
	var results []*lint.Result
	for i, why := range []string{
		"no times: reply times not checked",
		"times written to the minute: a reply within 20s cannot be told from them",
		"times written to the minute: a reply within 20s cannot be told from them",
	} {
		c := &lint.Conversation{ID: "c" + string(rune('1'+i)), File: "chat.txt", Messages: []lint.Message{
			{Role: lint.Agent, Text: "您好", Pos: lint.Pos{File: "chat.txt", Line: i + 1}},
		}}
		r := &lint.Result{Conversation: c, Score: 100, Grade: "优秀", Skipped: []lint.Skip{{Rule: "p/slow", Reason: why}}}
		sum.Files, sum.Records = 1, sum.Records+1
		sum.Add(r)
		results = append(results, r)
	}
	const both = "时间只精确到分钟，部分等待判定不了 2 个；没有时间 1 个"
	for _, format := range []string{"text", "html"} {
		out := string(render(t, format, Options{Location: time.UTC, Rules: []*lint.RuleInfo{slow}}, results, sum))
		if !strings.Contains(out, both) {
			t.Errorf("%s: the reasons not each said with their counts (%s):\n%s", format, both, out)
		}
	}
	out := string(render(t, "json", Options{Location: time.UTC, Rules: []*lint.RuleInfo{slow}}, results, sum))
	var rep struct {
		Summary struct {
			Skipped map[string]int            `json:"skipped"`
			Reasons map[string]map[string]int `json:"skipped_rule_reasons"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"no times: reply times not checked": 1, "times written to the minute: a reply within 20s cannot be told from them": 2}
	if rep.Summary.Skipped["p/slow"] != 3 || !reflect.DeepEqual(rep.Summary.Reasons["p/slow"], want) {
		t.Errorf("json: skipped %v, skipped_rule_reasons %v, want 3 and %v", rep.Summary.Skipped, rep.Summary.Reasons, want)
	}
}

// TestRepeatedHourSaidInChinese: a timing rule skipped for times in the
// hour daylight saving repeats, and the note of its conversation, read in
// Chinese in the text and HTML reports; the note is check's.
func TestRepeatedHourSaidInChinese(t *testing.T) {
	if noteRepeatedHour != check.NoteRepeatedHour {
		t.Fatalf("noteRepeatedHour %q is not check.NoteRepeatedHour %q", noteRepeatedHour, check.NoteRepeatedHour)
	}
	c := &lint.Conversation{ID: "c1", File: "chat.txt", Notes: []string{check.NoteRepeatedHour}, Messages: []lint.Message{
		{Role: lint.Agent, Text: "您好", Pos: lint.Pos{File: "chat.txt", Line: 1}},
	}}
	slow := &lint.RuleInfo{ID: "p/slow", Type: "latency"}
	r := &lint.Result{Conversation: c, Score: 100, Grade: "优秀", Skipped: []lint.Skip{{Rule: "p/slow", Reason: "times in the hour daylight saving time repeats: reply times not checked"}}}
	sum := lint.NewSummary()
	sum.Files, sum.Records = 1, 1
	sum.Add(r)
	for _, format := range []string{"text", "html"} {
		out := string(render(t, format, Options{Location: time.UTC, Rules: []*lint.RuleInfo{slow}}, []*lint.Result{r}, sum))
		if !strings.Contains(out, "时间落在夏令时结束时重复的一小时内") || strings.Contains(out, "daylight") {
			t.Errorf("%s: the reason not said in Chinese:\n%s", format, out)
		}
	}
	if got := noteText(check.NoteRepeatedHour); got == check.NoteRepeatedHour {
		t.Errorf("the note is not said in Chinese: %q", got)
	}
}

// TestLintedEarlyNote: the summary line of conversations linted early says
// that none went on only when the grouper knows it.
func TestLintedEarlyNote(t *testing.T) {
	for _, tt := range []struct {
		split     int
		forgotten bool
		want      string
	}{
		{0, false, "，之后没有再出现它们的消息：都是完整检查的"},
		{2, false, "，之后又出现消息的另作一段检查（上一行的后续段）"},
		{0, true, "，数量超出可记住的范围：之后又出现消息的会话未必都能认出，可能未计入分段（加大 --memory-budget 可避免）"},
	} {
		s := &lint.Summary{LintedEarly: 5, SplitConversations: tt.split, EarlyForgotten: tt.forgotten}
		if got, want := lintedEarlyNote(s), "5 个会话在输入读完之前已先检查（内存预算 --memory-budget）"+tt.want; got != want {
			t.Errorf("split %d, forgotten %v: %q, want %q", tt.split, tt.forgotten, got, want)
		}
	}
}

// TestContinuedPartsNoted: a conversation linted in parts had a note on
// its later parts (接续之前已检查的一段), and none on the part before,
// whose findings (no agent's reply) the later part may answer. The HTML
// page, written at the end, notes such a part itself when it keeps it (a
// part dropped from the page is forgotten, and one that no part follows
// has no note); the text report, which writes each part as it comes,
// names the conversations in its summary, the first ten.
func TestContinuedPartsNoted(t *testing.T) {
	part := func(id string, n, score float64) *lint.Result {
		r := htmlLong(id, 2, score)
		r.Conversation.Part = int(n)
		return r
	}
	// the page keeps the three worst: c1 in three parts, its first kept
	// and noted, the other two dropped; c2 in two, whose first is dropped
	// when the second comes; c3 linted early alone, dropped for c5
	results := []*lint.Result{part("c1", 1, 75), part("c2", 1, 99), part("c3", 1, 80), part("c1", 2, 85), part("c2", 2, 70), part("c1", 2, 95), part("c5", 1, 78)}
	page, hw := renderHTMLBudget(t, 3, 0, 0, results...)
	if n := strings.Count(page, continuedNote); n != 1 {
		t.Errorf("html: the note on a part a later one continues %d times, want 1 (c1's first)", n)
	}
	// the parts of the page each conversation's details hold
	held := map[string]string{}
	for _, d := range strings.Split(page, "<details class=\"conv conv-item\"")[1:] {
		if i := strings.Index(d, "会话 <b>"); i >= 0 {
			id := d[i+len("会话 <b>"):]
			id = id[:strings.Index(id, "<")]
			held[id] += d[:strings.Index(d, "</details>")]
		}
	}
	if shown := slices.Sorted(maps.Keys(held)); !slices.Equal(shown, []string{"c1", "c2", "c5"}) || !strings.Contains(held["c1"], continuedNote) {
		t.Errorf("html: shown %v, want c1 (noted), c2 and c5", shown)
	}
	for id, cv := range hw.parts {
		if !slices.Contains(hw.worst, cv) {
			t.Errorf("html: the part of %s dropped from the page is still remembered", id)
		}
	}
	page, _ = renderHTMLBudget(t, 0, 0, 0, part("c1", 1, 90), part("c2", 2, 90))
	if strings.Contains(page, continuedNote) {
		t.Errorf("html: a part noted though no later part of it came")
	}

	text := string(render(t, "text", Options{Location: time.UTC}, results, lint.NewSummary()))
	if want := "      分段检查的会话：c1、c2（写出前一段时其后的消息尚未读到，前一段未加注：它的问题如没有客服回复、缺少告别，可能只因分段而起）\n"; !strings.Contains(text, want) {
		t.Errorf("text: no line\n%s\nin\n%s", want, text)
	}
	var many []*lint.Result
	for i := range 12 {
		many = append(many, part(fmt.Sprintf("c%d", i+1), 2, 90))
	}
	text = string(render(t, "text", Options{Location: time.UTC}, many, lint.NewSummary()))
	if want := "分段检查的会话：c1、c2、c3、c4、c5、c6、c7、c8、c9、c10 等（"; !strings.Contains(text, want) {
		t.Errorf("text: no %q in\n%s", want, text)
	}
	text = string(render(t, "text", Options{Location: time.UTC}, results[:3], lint.NewSummary()))
	if strings.Contains(text, "分段检查的会话：") {
		t.Errorf("text: conversations named though no later part came:\n%s", text)
	}
}

// TestCleanLaterPartMarked: in the text report, a later part of a
// conversation linted in parts had a note only with findings; one without
// was a bare ✓ line, read as a conversation of its own, while the part
// before it told of no agent's reply. Its line now says it continues; a
// conversation linted whole, or a first part, has no such mark, and a
// part with findings keeps its note line, not the mark too.
func TestCleanLaterPartMarked(t *testing.T) {
	part := func(id string, n, msgs int, score float64) *lint.Result {
		r := htmlLong(id, msgs, score)
		r.Conversation.Part = n
		if n == 2 {
			r.Conversation.Notes = []string{lint.NotePartNext}
		}
		return r
	}
	results := []*lint.Result{part("c1", 1, 2, 95), part("c2", 0, 1, 100), part("c3", 1, 1, 100), part("c1", 2, 1, 100), part("c3", 2, 2, 95)}
	text := string(render(t, "text", Options{Location: time.UTC}, results, lint.NewSummary()))
	lines := map[string][]string{}
	for _, l := range strings.Split(text, "\n") {
		if f := strings.Fields(l); len(f) > 2 && f[1] == "会话" {
			lines[f[2]] = append(lines[f[2]], l)
		}
	}
	for id, want := range map[string][]bool{"c1": {false, true}, "c2": {false}, "c3": {false, false}} {
		if len(lines[id]) != len(want) {
			t.Fatalf("%s: lines %q, want %d", id, lines[id], len(want))
		}
		for i, w := range want {
			if got := strings.HasSuffix(lines[id][i], "  "+partNextMark); got != w {
				t.Errorf("%s, line %d: %q marked %v, want %v", id, i+1, lines[id][i], got, w)
			}
		}
	}
	if n := strings.Count(text, "注: "+noteText(lint.NotePartNext)); n != 1 {
		t.Errorf("the note line under a later part with findings %d times, want 1 (c3's):\n%s", n, text)
	}
}

// TestContinuedPartsNotedGBKID: a conversation whose id is not UTF-8 but
// GBK (客户01 as BF CD BB A7 30 31), linted in parts, had its first part
// kept on the page under the id as shown (decoded: 90e3e20) and looked up
// under the id as read, so the note of 23416fb was never added; the views
// are remembered by the id as read.
func TestContinuedPartsNotedGBKID(t *testing.T) {
	const id = "\xbf\xcd\xbb\xa701"
	var results []*lint.Result
	for n := 1; n <= 2; n++ {
		r := htmlLong(id, 2, 90)
		r.Conversation.Part = n
		results = append(results, r)
	}
	page, hw := renderHTMLBudget(t, 0, 0, 0, results...)
	if !strings.Contains(page, "会话 <b>客户01</b>") {
		t.Fatalf("the id is not shown decoded: the case tests nothing")
	}
	if n := strings.Count(page, continuedNote); n != 1 {
		t.Errorf("the note on the part a later one continues: %d times, want 1", n)
	}
	if len(hw.parts) != 1 || hw.parts[id] == nil {
		t.Errorf("remembered parts %v, want the last part of %q", slices.Collect(maps.Keys(hw.parts)), id)
	}
}
