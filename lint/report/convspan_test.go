package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
)

// TestConversationSpan: a conversation's start_time, end_time, duration_seconds
// and messages_by_role, which a dashboard needs for a trend by day or for handling times
// and which the findings alone do not give (a conversation without findings
// had no time at all in the report). The earliest and latest times are
// found whatever order the messages are in and whatever zone they were
// read in, and written in the report's zone; untimed messages are passed
// over; without any time, the times are "" and the duration null (JSON)
// or empty (CSV). The json, jsonl and conversation-row csv reports agree.
func TestConversationSpan(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*3600)
	t0 := time.Date(2026, 11, 4, 23, 59, 30, 0, time.UTC) // 2026-11-05 07:59:30 in +08:00
	msg := func(role lint.Role, at time.Time, line int) lint.Message {
		return lint.Message{Conversation: "c1", Role: role, Sender: map[lint.Role]string{lint.Agent: "小美", lint.Customer: "buyer"}[role],
			Text: "好的", Time: at, Pos: lint.Pos{File: "day.jsonl", Line: line}}
	}
	timed := &lint.Result{Score: 100, Grade: "优秀", Agents: []string{"小美"}, Conversation: &lint.Conversation{ID: "c1", File: "day.jsonl", Messages: []lint.Message{
		msg(lint.Customer, t0.Add(10*time.Second), 1),
		msg(lint.Agent, time.Time{}, 2),
		msg(lint.System, t0, 3), // earlier than the first line's
		msg(lint.Agent, t0.Add(95*time.Second+500*time.Millisecond).In(tokyo), 4),
		msg(lint.Bot, t0.Add(20*time.Second), 5),
		msg(lint.Customer, t0.Add(30*time.Second), 6),
	}}}
	untimed := &lint.Result{Score: 100, Grade: "优秀", Agents: []string{}, Conversation: &lint.Conversation{ID: "c2", File: "day.jsonl", Messages: []lint.Message{
		msg(lint.Customer, time.Time{}, 7),
	}}}
	results := []*lint.Result{timed, untimed}
	sum := lint.NewSummary()
	for _, r := range results {
		sum.Add(r)
	}
	opts := fxOptions()

	type span struct {
		Start    string         `json:"start_time"`
		End      string         `json:"end_time"`
		Duration *float64       `json:"duration_seconds"`
		ByRole   map[string]int `json:"messages_by_role"`
	}
	dur := 95.5
	want := []span{
		{"2026-11-05T07:59:30+08:00", "2026-11-05T08:01:05+08:00", &dur, map[string]int{"customer": 2, "agent": 2, "bot": 1, "system": 1}},
		{"", "", nil, map[string]int{"customer": 1, "agent": 0, "bot": 0, "system": 0}},
	}
	check := func(format string, got []span) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: %d conversations", format, len(got))
		}
		for i := range want {
			g, w := got[i], want[i]
			if g.Start != w.Start || g.End != w.End || (g.Duration == nil) != (w.Duration == nil) ||
				(g.Duration != nil && *g.Duration != *w.Duration) || len(g.ByRole) != 4 {
				t.Errorf("%s conversation %d: %+v (duration %v), want %+v", format, i+1, g, g.Duration, w)
			}
			for role, n := range w.ByRole {
				if g.ByRole[role] != n {
					t.Errorf("%s conversation %d: %d %s messages, want %d", format, i+1, g.ByRole[role], role, n)
				}
			}
		}
	}

	var rep struct{ Conversations []span }
	if err := json.Unmarshal(render(t, "json", opts, results, sum), &rep); err != nil {
		t.Fatal(err)
	}
	check("json", rep.Conversations)
	var lines []span
	for _, l := range bytes.Split(bytes.TrimSpace(render(t, "jsonl", opts, results, sum)), []byte("\n")) {
		if bytes.Contains(l, []byte(`"summary":`)) {
			continue
		}
		var s span
		if err := json.Unmarshal(l, &s); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, s)
	}
	check("jsonl", lines)
	if !bytes.Contains(render(t, "json", opts, results[1:], sum), []byte(`"duration_seconds": null`)) {
		t.Error("json: an untimed conversation's duration is not null")
	}

	opts.CSVRows = CSVConversations
	rows := readCSV(t, render(t, "csv", opts, results, sum))
	var csvSpans []span
	for _, row := range rows[1:] {
		cell := map[string]string{}
		for j, h := range rows[0] {
			cell[h] = row[j]
		}
		s := span{Start: cell["start_time"], End: cell["end_time"], ByRole: map[string]int{}}
		if cell["duration_seconds"] != "" {
			var d float64
			if err := json.Unmarshal([]byte(cell["duration_seconds"]), &d); err != nil {
				t.Fatalf("duration %q: %v", cell["duration_seconds"], err)
			}
			s.Duration = &d
		}
		for _, role := range []string{"customer", "agent", "bot", "system"} {
			var n int
			if err := json.Unmarshal([]byte(cell[role+"_messages"]), &n); err != nil {
				t.Fatalf("%s_messages %q: %v", role, cell[role+"_messages"], err)
			}
			s.ByRole[role] = n
		}
		csvSpans = append(csvSpans, s)
	}
	check("csv", csvSpans)
	if got := strings.Join(rows[0][len(rows[0])-len(CSVConversationSpanHeader):], ","); got != strings.Join(CSVConversationSpanHeader, ",") {
		t.Errorf("csv: last columns %s, want %s", got, strings.Join(CSVConversationSpanHeader, ","))
	}
}

// TestFindingsWithoutAgent: the summary says how many findings are held
// against no agent (a conversation nobody answered), so that the agents'
// findings, which leave them out, add up with it to the run's findings,
// in the json and jsonl reports and SARIF's run properties alike.
func TestFindingsWithoutAgent(t *testing.T) {
	answered := htmlResult("c1", "小美", "这个不行", 90)
	answered.Findings = []lint.Finding{{Rule: htmlForbid, Msg: 1, Agent: "小美", Deduct: 5}, {Rule: htmlGreet, Msg: 1, Agent: "小美", Deduct: 2}}
	unanswered := &lint.Result{Score: 98, Grade: "优秀", Conversation: &lint.Conversation{ID: "c2", File: "day.jsonl", Messages: []lint.Message{
		{Conversation: "c2", Role: lint.Customer, Sender: "buyer", Text: "在吗", Pos: lint.Pos{File: "day.jsonl", Line: 3}},
	}}}
	unanswered.Findings = []lint.Finding{{Rule: htmlGreet, Msg: 0, Deduct: 2}}
	results := []*lint.Result{answered, unanswered}
	sum := lint.NewSummary()
	for _, r := range results {
		sum.Add(r)
	}
	type report struct {
		Summary struct {
			Findings             int
			FindingsWithoutAgent *int `json:"findings_without_agent"`
		}
		Agents []struct{ Findings int }
	}
	check := func(format string, rep report) {
		t.Helper()
		agents := 0
		for _, a := range rep.Agents {
			agents += a.Findings
		}
		if w := rep.Summary.FindingsWithoutAgent; w == nil || *w != 1 || rep.Summary.Findings != 3 || agents+*w != rep.Summary.Findings {
			t.Errorf("%s: findings %d, without agent %v, the agents' %d", format, rep.Summary.Findings, w, agents)
		}
	}
	var rep report
	if err := json.Unmarshal(render(t, "json", fxOptions(), results, sum), &rep); err != nil {
		t.Fatal(err)
	}
	check("json", rep)
	lines := bytes.Split(bytes.TrimSpace(render(t, "jsonl", fxOptions(), results, sum)), []byte("\n"))
	rep = report{}
	if err := json.Unmarshal(lines[len(lines)-1], &rep); err != nil {
		t.Fatal(err)
	}
	check("jsonl", rep)
	var sarif struct {
		Runs []struct {
			Properties struct{ Summary json.RawMessage }
		}
	}
	if err := json.Unmarshal(render(t, "sarif", fxOptions(), results, sum), &sarif); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(sarif.Runs[0].Properties.Summary, []byte(`"findings_without_agent": 1`)) {
		t.Errorf("sarif: summary %s", sarif.Runs[0].Properties.Summary)
	}
	// the reports people read say it under the agents' table: without it
	// its 问题 column came to less than the run's findings, saying nothing
	for _, format := range []string{"text", "html"} {
		if out := string(render(t, format, fxOptions(), results, sum)); !strings.Contains(out, "另有 1 项问题不计入任何客服") {
			t.Errorf("%s: no word of the finding held against no agent", format)
		}
	}
	sum = lint.NewSummary()
	sum.Add(answered)
	for _, format := range []string{"text", "html"} {
		if out := string(render(t, format, fxOptions(), []*lint.Result{answered}, sum)); strings.Contains(out, "不计入任何客服") {
			t.Errorf("%s: a word of findings held against no agent where there are none", format)
		}
	}
}

// TestNoAgentsSaid: a run whose agent messages name no sender (the JDDC
// corpus, the Weibo helpdesk set) has no table per agent, and the text
// report and the page said nothing of it: the supervisor looking for the
// agents' figures found neither them nor why. They say why, and how many
// findings are held against no agent; a run with agents, or a canned
// library's, does not.
func TestNoAgentsSaid(t *testing.T) {
	unnamed := &lint.Result{Score: 98, Grade: "优秀", Conversation: &lint.Conversation{ID: "c2", File: "day.jsonl", Messages: []lint.Message{
		{Conversation: "c2", Role: lint.Customer, Sender: "buyer", Text: "在吗", Pos: lint.Pos{File: "day.jsonl", Line: 3}},
		{Conversation: "c2", Role: lint.Agent, Text: "在的", Pos: lint.Pos{File: "day.jsonl", Line: 4}},
	}}}
	unnamed.Findings = []lint.Finding{{Rule: htmlGreet, Msg: 0, Deduct: 2}}
	named := htmlResult("c1", "小美", "您好", 100)
	for _, tc := range []struct {
		name    string
		results []*lint.Result
		canned  bool
		want    string // "" for no word of it
	}{
		{"no agent named", []*lint.Result{unnamed}, false, "没有按客服统计：没有一条客服消息写有客服名（sender），1 项问题不计入任何客服"},
		{"an agent named", []*lint.Result{named, unnamed}, false, ""},
		{"a canned library", []*lint.Result{unnamed}, true, ""},
	} {
		sum := lint.NewSummary()
		for _, r := range tc.results {
			sum.Add(r)
		}
		opts := fxOptions()
		opts.Canned = tc.canned
		for _, format := range []string{"text", "html"} {
			out := string(render(t, format, opts, tc.results, sum))
			if got := strings.Contains(out, "没有按客服统计"); tc.want == "" && got || tc.want != "" && !strings.Contains(out, tc.want) {
				t.Errorf("%s, %s: said %v, want %q", tc.name, format, got, tc.want)
			}
		}
	}
}

// TestLookalikeNote: agents whose names differ only in how they were typed
// (full-width digits, Traditional characters, case, a zero-width space
// pasted in) are two rows of the table, and with a character that shows
// nothing two rows that read the same (小美 twice): the text report and the
// page name them under the table, what shows nothing written as <U+200B>.
func TestLookalikeNote(t *testing.T) {
	stats := func(names ...string) []*lint.AgentStats {
		var out []*lint.AgentStats
		for _, n := range names {
			out = append(out, &lint.AgentStats{Agent: n})
		}
		return out
	}
	for _, tc := range []struct {
		names []string
		want  string // the groups named, "" for no note
	}{
		{[]string{"客服01", "客服02", "小美", "阿杰"}, ""},
		{[]string{"客服01", "客服０１", "小美"}, "客服01 与 客服０１"},
		{[]string{"小美", "小美\u200b"}, "小美 与 小美<U+200B>"},
		{[]string{"Amy", "amy", "阿杰", "阿傑"}, "Amy 与 amy；阿杰 与 阿傑"},
		{[]string{"小美", "小　美"}, ""}, // a space shows, and parts them
	} {
		got := lookalikeNote(stats(tc.names...))
		if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, "分开计算："+tc.want+"（") {
			t.Errorf("%q: %q, want the groups %q", tc.names, got, tc.want)
		}
	}
	var results []*lint.Result
	sum := lint.NewSummary()
	for i, name := range []string{"客服01", "客服０１"} {
		r := htmlResult(fmt.Sprint("c", i), name, "您好", 100)
		results = append(results, r)
		sum.Add(r)
	}
	for _, format := range []string{"text", "html"} {
		if out := string(render(t, format, fxOptions(), results, sum)); !strings.Contains(out, "客服名分开计算：客服01 与 客服０１") {
			t.Errorf("%s: no word of 客服01 and 客服０１", format)
		}
	}
}
