package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// htmlInvalidChars lists, with their offsets, the characters of page an
// HTML parser reports as errors of the input stream
// (control-character-in-input-stream: C0 controls but tab, LF, FF and CR,
// DEL, C1) or that a page must not hold raw for its reader's sake (FF, which
// no text of the report needs, and the bidirectional controls, which
// reorder what follows them), the noncharacters
// (noncharacter-in-input-stream: U+FDD0–FDEF and the last two code points
// of every plane), and any invalid UTF-8.
func htmlInvalidChars(page string) []string {
	var bad []string
	for i, r := range page {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(page[i:], "\uFFFD"):
			bad = append(bad, fmt.Sprintf("invalid UTF-8 at %d", i))
		case r != '\t' && r != '\n' && r != '\r' && lint.Masked(r), unicode.Is(unicode.Noncharacter_Code_Point, r):
			bad = append(bad, fmt.Sprintf("%U at %d", r, i))
		}
	}
	return bad
}

// htmlControlKinds are the kinds of character the page masks: C0 (NUL,
// which html/template already replaces, and the rest), DEL, C1 (NEL and
// CSI among them), the bidirectional controls, the noncharacters (in the
// BMP and beyond it) and bytes that are not UTF-8.
var htmlControlKinds = []struct{ name, ch string }{
	{"NUL", "\x00"}, {"SOH", "\x01"}, {"BEL", "\x07"}, {"BS", "\x08"}, {"VT", "\x0b"}, {"FF", "\x0c"},
	{"ESC", "\x1b"}, {"US", "\x1f"}, {"DEL", "\x7f"},
	{"PAD (first C1)", "\u0080"}, {"NEL", "\u0085"}, {"CSI", "\u009b"}, {"APC (last C1)", "\u009f"},
	{"RLO", "\u202e"}, {"LRI", "\u2066"},
	{"U+FDD0 (first noncharacter)", "\ufdd0"}, {"U+FDEF", "\ufdef"}, {"U+FFFE", "\ufffe"}, {"U+FFFF", "\uffff"},
	{"U+1FFFE", "\U0001fffe"}, {"U+10FFFF (last noncharacter)", "\U0010ffff"},
	// bytes that are not UTF-8, which html/template passes through
	{"byte FF", "\xff"}, {"raw 8-bit CSI", "\x9b"}, {"lone continuation", "\x80"}, {"cut lead", "\xe5"},
}

// htmlControlResult is a conversation with ch in every field that comes
// from the input: its id, file, sender, agent, text, match, message,
// suggestion and note.
func htmlControlResult(ch string) *lint.Result {
	t0 := time.Date(2026, 11, 4, 10, 0, 0, 0, time.UTC)
	id, file, agent := "c"+ch+"1", "day"+ch+".jsonl", "小"+ch+"美"
	answer := "您好" + ch + "，这个不" + ch + "行呢"
	c := &lint.Conversation{ID: id, File: file, Timed: true, Notes: []string{"注" + ch + "释"}, Messages: []lint.Message{
		{Conversation: id, Role: lint.Customer, Sender: "买" + ch + "家", Text: "在" + ch + "吗\n第二行\t制表", Time: t0, Pos: lint.Pos{File: file, Line: 1}},
		{Conversation: id, Role: lint.Agent, Sender: agent, Text: answer, Time: t0.Add(5 * time.Second), Pos: lint.Pos{File: "other" + ch + ".jsonl", Line: 2}},
	}}
	match := "不" + ch + "行"
	i := strings.Index(answer, match)
	r := &lint.Result{Conversation: c, Agents: []string{agent}, Score: 95, Grade: htmlScoring.GradeOf(95),
		Skipped: []lint.Skip{{Rule: "shop/slow-reply", Reason: "没有" + ch + "时间"}}}
	r.Findings = append(r.Findings, lint.Finding{Rule: htmlForbid, Msg: 1, Match: match, Start: i, End: i + len(match),
		Column: 6, Suggestion: "无法" + ch + "帮到您", Message: "避免「" + match + "」", Agent: agent, Deduct: 5})
	return r
}

// TestHTMLMasksControls: no control character from the input reaches the
// page raw, whatever field holds it; each is shown as U+FFFD, as the text
// report, chatlint explain and the GitHub annotations show it (lint.Masked),
// while the line breaks and tabs of a message text stay.
func TestHTMLMasksControls(t *testing.T) {
	for _, k := range htmlControlKinds {
		t.Run(k.name, func(t *testing.T) {
			ch := k.ch
			r := htmlControlResult(ch)
			var buf bytes.Buffer
			w, err := New("html", &buf, Options{Location: time.UTC, Scoring: htmlScoring,
				Rules: []*lint.RuleInfo{htmlForbid, htmlGreet, htmlUnfired}})
			if err != nil {
				t.Fatal(err)
			}
			sum := lint.NewSummary()
			sum.Add(r)
			sum.Files, sum.Records = 1, 4
			if err := w.Conversation(r); err != nil {
				t.Fatal(err)
			}
			sum.Errors = lint.NewRecordErrors(lint.RecordError{Pos: lint.Pos{File: "bad" + ch + ".jsonl", Line: 3}, Err: `unknown role "ag` + ch + `ent"`})
			sum.Rejected = 1
			sum.Unreadable = []lint.RecordError{{Pos: lint.Pos{File: "gone" + ch + ".jsonl"}, Err: "read gone" + ch + ".jsonl: input/output error"}}
			sum.UnusedWaivers = []lint.Waiver{{Rule: "shop/typo" + ch, Pos: lint.Pos{File: "w" + ch + ".txt", Line: 4}, UnknownRule: true}}
			if err := w.Close(sum); err != nil {
				t.Fatal(err)
			}
			page := buf.String()
			// (a byte that is not UTF-8 is part of many a character: for
			// it, the page's being UTF-8 says it is gone)
			if utf8.ValidString(ch) && strings.Contains(page, ch) {
				t.Errorf("the page holds %q raw", ch)
			}
			if bad := htmlInvalidChars(page); len(bad) > 0 {
				t.Errorf("the page holds characters no page should: %v", bad)
			}
			const x = "\uFFFD"
			for _, want := range []string{
				"会话 <b>c" + x + "1</b>",                   // conversation id
				"day" + x + ".jsonl:1",                    // file name
				"other" + x + ".jsonl:2",                  // a message's own file
				"客服 <bdi>小" + x + "美</bdi>",               // agent
				"顾客 · <bdi>买" + x + "家</bdi>",             // sender
				"在" + x + "吗\n第二行\t制表",                    // text, line break and tab kept
				">不" + x + "行</mark>",                     // match, marked in the text
				"避免「不" + x + "行」",                         // rule message
				"「<ins>无法" + x + "帮到您</ins>」",             // suggestion
				"注：注" + x + "释",                           // note
				"没有" + x + "时间",                           // reason of a skipped rule
				"bad" + x + ".jsonl:3",                    // position of a malformed record
				"ag" + x + "ent",                          // its reason
				"gone" + x + ".jsonl",                     // an unreadable file, and its reason
				"<code>shop/typo" + x + "</code>",         // an unused waiver's rule
				`<option value="小` + x + `美">小` + x + `美`, // the agent filter
			} {
				if !strings.Contains(page, want) {
					t.Errorf("page lacks %q", want)
				}
			}
		})
	}
}
