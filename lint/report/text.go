package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/match"
)

func init() {
	streaming("text")
	register("text", func(w io.Writer, opts Options) Writer {
		t := &textWriter{w: bufio.NewWriterSize(w, flushAt), opts: opts, bonusRules: map[string]bool{}}
		for _, ri := range opts.Rules {
			if ri.Bonus {
				t.bonusRules[ri.ID] = true
			}
		}
		return t
	})
}

// textWriter is the report for people at a terminal: each conversation with
// its score and grade, each finding with file:line, rule, severity, the
// message with the match marked and the suggested replacement; then the
// summary and the per-agent table.
type textWriter struct {
	w     *bufio.Writer
	opts  Options
	clean int
	// open is true when the last line written was a conversation's one-line
	// verdict, which the summary must be set apart from
	open bool
	// bonusRules are the ids of the bonus rules (the active ones, and any
	// other a conversation earned a bonus of): the rule table lists them
	// apart from the rules that found problems
	bonusRules map[string]bool
	// day is the date of the conversation being written (convDay): its
	// heading says it, and a finding's time of another day names its date
	day string
	// splitIDs are the ids of the first maxSplitIDs conversations linted
	// in parts, by their later parts (Conversation.Part), and splitMore
	// says there were more: the summary names them (splitIDsNote), as
	// their earlier parts, written before the input went on, could not
	splitIDs  []string
	splitMore bool
	// untimedFile is the file of the conversations last written and
	// untimedRun is true, when none of them since the first untimed one
	// with its note had times: the note that
	// messages have no times is said at the first of such a run, not
	// under each (a JDDC export, without times, has it once, not under
	// each of its conversations)
	untimedFile string
	untimedRun  bool
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
	ansiCyan   = "\x1b[36m"
	ansiMark   = "\x1b[1;4;31m"
)

// c colours s (the input's strings in it made safe for a terminal: see
// shown).
func (t *textWriter) c(code, s string) string {
	s = shown(s)
	if !t.opts.Color || s == "" {
		return s
	}
	return code + s + ansiReset
}

func (t *textWriter) sev(s lint.Severity) string {
	switch s {
	case lint.Error:
		return t.c(ansiRed+ansiBold, "error")
	case lint.Warning:
		return t.c(ansiYellow, "warning")
	}
	return t.c(ansiBlue, s.String())
}

func (t *textWriter) grade(r *lint.Result) string {
	s := fmt.Sprintf("%s分 %s", points(r.Score), r.Grade)
	switch {
	case len(r.Findings) == 0:
		return t.c(ansiGreen, s)
	case failed(t.opts.Scoring, r.Score), r.Grade != "" && r.Grade == t.opts.Scoring.FailGrade:
		// (a 致命项 gives the failing grade at 0, which a pack whose
		// lowest grade starts at 0 does not otherwise give)
		return t.c(ansiRed+ansiBold, s)
	}
	return t.c(ansiYellow, s)
}

// failed reports whether a score is under every grade's threshold of the
// scoring (its fail_grade: 不合格), which the text report shows in red;
// without grades, under 70, the built-in packs' 合格. A pack that passes
// from 80 had its 75 (不合格) in the yellow of a pass.
func failed(sc lint.Scoring, score float64) bool {
	if len(sc.Grades) == 0 {
		return score < 70
	}
	lowest := sc.Grades[0].Min
	for _, g := range sc.Grades {
		lowest = min(lowest, g.Min)
	}
	return score < lowest
}

func (t *textWriter) Conversation(r *lint.Result) error {
	c := r.Conversation
	w := t.w
	for i := range r.Bonuses {
		if t.bonusRules == nil {
			t.bonusRules = map[string]bool{}
		}
		t.bonusRules[r.Bonuses[i].Rule.ID] = true
	}
	if c.Part > 1 && !slices.Contains(t.splitIDs, c.ID) {
		if len(t.splitIDs) < maxSplitIDs {
			t.splitIDs = append(t.splitIDs, c.ID)
		} else {
			t.splitMore = true
		}
	}
	if t.opts.Canned {
		// a canned library: one line per reply finding, nothing for clean replies
		if len(r.Findings) == 0 {
			t.clean++
			return nil
		}
		for i := range r.Findings {
			t.finding(r, &r.Findings[i], "")
		}
		return nil
	}
	untimedSaid := t.untimedNoted(c)
	if t.opts.Quiet && len(r.Findings) == 0 {
		t.clean++ // counted in the summary
		return nil
	}
	where := fmt.Sprintf("%s:%d", c.File, firstLine(c))
	// the day it began: a report of a week's export, or of a conversation
	// past midnight, told times of day alone
	if t.day = convDay(c, t.opts.Location); t.day != "" {
		where += "  " + t.day
	}
	head := fmt.Sprintf("%s %s", t.c(ansiBold, "会话 "+c.ID), t.c(ansiDim, where))
	if len(r.Agents) > 0 {
		head += "  客服 " + shown(strings.Join(r.Agents, "、"))
	}
	head += "  " + t.grade(r)
	if len(r.Findings) == 0 {
		if c.Part > 1 {
			// a clean line has no note under it, and a later part of a
			// conversation whose earlier part had findings (没有客服回复)
			// read as a conversation of its own: said on the line, in a
			// few characters, as a report of a day over the budget may
			// hold many such parts
			head += "  " + t.c(ansiDim, partNextMark)
		}
		fmt.Fprintf(w, "%s %s\n", t.c(ansiGreen, "✓"), head)
		if len(r.Bonuses) > 0 {
			t.bonuses(r, "    ")
		}
		t.open = true
		return nil
	}
	t.open = false
	fmt.Fprintf(w, "%s %s  %d 项\n", t.c(ansiRed, "✗"), head, len(r.Findings))
	for _, n := range c.Notes {
		note := noteText(n)
		switch {
		case n == lint.NotePartFirst:
			continue // said once, in the summary (lintedEarlyNote)
		case n == lint.NoteUntimed && untimedSaid:
			continue // said at the first of this file's run of them
		case n == lint.NoteUntimed:
			t.untimedFile, t.untimedRun = c.File, true
			note += "（本文件接下来没有时间的会话不再逐一注明）"
		}
		fmt.Fprintf(w, "    %s\n", t.c(ansiDim, "注: "+note))
	}
	for i := range r.Findings {
		t.finding(r, &r.Findings[i], "    ")
	}
	t.bonuses(r, "    ")
	fmt.Fprintln(w)
	return nil
}

// untimedNoted reports whether the note that c's messages have no times
// was said already, at an earlier conversation of c's file with none
// since that had times; a conversation with times, or of another file,
// ends the run, so the next untimed one is noted again.
func (t *textWriter) untimedNoted(c *lint.Conversation) bool {
	if c.Timed || !t.untimedRun || c.File != t.untimedFile {
		t.untimedRun = false
		return false
	}
	return true
}

// bonuses lists the good-practice points a conversation earned.
func (t *textWriter) bonuses(r *lint.Result, indent string) {
	for i := range r.Bonuses {
		b := &r.Bonuses[i]
		m := r.Message(b)
		held := ""
		if h := heldAgainst(r.Agents, b, m); h != "" && !t.opts.Canned {
			held = "  " + t.c(ansiDim, h)
		}
		fmt.Fprintf(t.w, "%s%s  %s  %s %s%s\n", indent, t.c(ansiCyan, m.Pos.String()), t.c(ansiGreen, "加分"), t.c(ansiBold, b.Rule.ID), t.c(ansiGreen, "+"+points(b.Deduct)), held)
		fmt.Fprintf(t.w, "%s    %s\n", indent, t.excerpt(m.Text, b))
	}
}

func (t *textWriter) finding(r *lint.Result, f *lint.Finding, indent string) {
	m := r.Message(f)
	w := t.w
	loc := m.Pos.String()
	// on the file line, for an editor: in UTF-16 code units, as VS Code
	// (and SARIF, GitHub) counts columns; characters but for those beyond
	// the BMP (an emoji, 𠮷), which take two
	if col := m.LineColumnUTF16(f); col > 0 {
		loc = fmt.Sprintf("%s:%d", loc, col)
	}
	deduct := ""
	if f.Rule.Deduct > 0 {
		deduct = t.c(ansiDim, fmt.Sprintf(" -%s", points(f.Deduct)))
	}
	if f.Rule.Fatal {
		deduct += " " + t.c(ansiRed+ansiBold, "致命项")
	}
	if !t.opts.Canned {
		if held := heldAgainst(r.Agents, f, m); held != "" {
			deduct += "  " + t.c(ansiDim, held)
		}
	}
	fmt.Fprintf(w, "%s%s  %s  %s%s\n", indent, t.c(ansiCyan, loc), t.sev(f.Rule.Severity), t.c(ansiBold, f.Rule.ID), deduct)
	if t.opts.Canned {
		fmt.Fprintf(w, "%s    %s\n", indent, t.excerpt(m.Text, f))
	} else {
		who := m.Role.Chinese()
		if who == "" {
			who = m.Role.String()
		}
		if m.Sender != "" {
			who += " " + m.Sender
		}
		if !m.Time.IsZero() {
			at := m.Time.In(reportLocation(t.opts.Location))
			layout := clockLayout(m)
			if day := at.Format(time.DateOnly); day != t.day {
				layout = time.DateOnly + " " + layout // past midnight
			}
			who = at.Format(layout) + " " + who
		}
		fmt.Fprintf(w, "%s    %s  %s\n", indent, t.c(ansiDim, who+":"), t.excerpt(m.Text, f))
	}
	fmt.Fprintf(w, "%s    %s\n", indent, shown(f.Message))
	if f.Suggestion != "" {
		fmt.Fprintf(w, "%s    %s %s → %s\n", indent, t.c(ansiGreen, "建议:"), shown(f.Match), t.c(ansiGreen, f.Suggestion))
	}
}

// heldAgainst says which agent a finding is held against (lint.Finding.Agent,
// whose per-agent figures count it) when the report would not show it
// otherwise: in a conversation of several agents, a finding at a customer's
// or the system's message, or at another agent's, names whom it counts
// for ("计入客服 王主管"); one held against no agent in a conversation with
// agents says so. "" when the message's own agent, or the conversation's
// only one, is the agent, or the conversation (agents) has none. m is nil
// for a finding at no message.
func heldAgainst(agents []string, f *lint.Finding, m *lint.Message) string {
	switch {
	case len(agents) == 0:
		return ""
	case f.Agent == "":
		return "不计入任何客服"
	case m != nil && m.Role == lint.Agent && m.Sender == f.Agent:
		return ""
	case len(agents) == 1 && agents[0] == f.Agent:
		return ""
	}
	return "计入客服 " + f.Agent
}

// excerpt shows the message with the match marked (【】 without colour),
// shortened around the match when the message is long, line breaks shown as ⏎;
// a message with no text, or blanks alone (an emoji or a picture the export
// dropped), as （空消息）, as the HTML report shows it, not as nothing after
// its writer's name.
func (t *textWriter) excerpt(text string, f *lint.Finding) string {
	const ctx = 40
	if blankText(text) {
		return t.c(ansiDim, emptyMessage)
	}
	if f.End <= f.Start || f.End > len(text) {
		return shown(shorten(text, 2*ctx))
	}
	before, match, after := text[:f.Start], text[f.Start:f.End], text[f.End:]
	// the context is cut around the match, not counted over the whole
	// message: a long message with many findings stays linear
	if b, cut := lastRunes(before, ctx); cut {
		before = "…" + b
	}
	if a, cut := firstRunes(after, ctx); cut {
		after = a + "…"
	}
	// a long match (the excess of a long reply) is cut too, to its start
	// and end and how long it is (when that shortens it)
	if _, cut := firstRunes(match, 3*ctx); cut {
		head, _ := firstRunes(match, 2*ctx)
		tail, _ := lastRunes(match[len(head):], ctx/4)
		match = head + "…（共 " + strconv.Itoa(utf8.RuneCountInString(match)) + " 字）…" + tail
	}
	match = shown(match)
	if t.opts.Color {
		match = ansiMark + match + ansiReset
	} else {
		open, end := markBrackets(before, match, after)
		match = open + match + end
	}
	return shown(before) + match + shown(after)
}

// markBrackets picks the brackets that mark a match without colour: 【】,
// unless the text shown holds 【 or 】 of its own (【温馨提示】, 点击【设置】:
// common in replies), where the mark could not be told from them: then
// 〖〗, or ⟦⟧ when it holds those too.
func markBrackets(parts ...string) (open, end string) {
	pairs := [...][2]string{{"【", "】"}, {"〖", "〗"}, {"⟦", "⟧"}}
	for _, p := range pairs {
		used := false
		for _, s := range parts {
			if strings.Contains(s, p[0]) || strings.Contains(s, p[1]) {
				used = true
				break
			}
		}
		if !used {
			return p[0], p[1]
		}
	}
	return pairs[len(pairs)-1][0], pairs[len(pairs)-1][1]
}

// emptyMessage stands for a message with no text in the reports for people.
const emptyMessage = "（空消息）"

// blankText reports whether a message's text shows nothing: empty, or
// blanks and line breaks alone.
func blankText(s string) bool { return strings.TrimSpace(s) == "" }

var lineBreaks = strings.NewReplacer("\r\n", " ⏎ ", "\n", " ⏎ ", "\r", " ⏎ ")

// oneLine shows line breaks inside a message as ⏎.
func oneLine(s string) string { return lineBreaks.Replace(s) }

// Shown is s as it may be put on a terminal on one line (lint.Shown): for
// messages that name a file or quote a record outside the reports.
func Shown(s string) string { return lint.Shown(s) }

// ShownLines is Shown for each line of s, its line breaks kept: for a
// message of several lines.
func ShownLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = lint.Shown(strings.TrimSuffix(l, "\r"))
	}
	return strings.Join(lines, "\n")
}

// shown is s as the text report may put it on a terminal (lint.Shown).
func shown(s string) string { return lint.Shown(s) }

func shorten(s string, n int) string {
	if head, cut := firstRunes(s, n); cut {
		return head + "…"
	}
	return s
}

// firstRunes returns the first n runes of s, and whether that leaves some
// out.
func firstRunes(s string, n int) (string, bool) {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i], i < len(s)
}

// lastRunes returns the last n runes of s, and whether that leaves some out.
func lastRunes(s string, n int) (string, bool) {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:], i > 0
}

// textMaxErrorGroups bounds the groups of malformed records the text report
// lists (each group is the records of a file failing alike): past it, a
// file whose every record fails its own way would list them all.
const textMaxErrorGroups = 10000

func (t *textWriter) Close(s *lint.Summary) error {
	w := t.w
	if t.open || (t.opts.Canned && s.Findings > 0) {
		fmt.Fprintln(w)
	}
	if n := s.Errors.Len(); n > 0 {
		fmt.Fprintf(w, "%s\n", t.c(ansiRed+ansiBold, fmt.Sprintf("%d 条记录无法读取（未检查）:", n)))
		// records failing alike are one entry: the first in full, then
		// the lines of the others
		groups, other, err := GroupRecordErrors(s.Errors, textMaxErrorGroups)
		if err != nil {
			return err
		}
		for _, g := range groups {
			fmt.Fprintf(w, "    %s: %s\n", t.c(ansiCyan, g.Where()), shown(reasonText(g.Err)))
			if n := g.Count - 1; n > 0 {
				const indent = "        "
				head := fmt.Sprintf("%s另有 %d 条记录同样无法读取%s", indent, n, g.VariedNote())
				if lines := g.MoreLines(0); lines != "" {
					head += "，行 "
					lines = wrapWords(lines, indent, displayWidth(head), 96)
					head += lines
				}
				fmt.Fprint(w, head)
				fmt.Fprintln(w)
			}
		}
		if other > 0 {
			fmt.Fprintf(w, "    … 另有 %d 条记录因其他原因无法读取，未一一列出（--format jsonl 列出全部）\n", other)
		}
		fmt.Fprintln(w)
	}
	if n := len(s.Unreadable); n > 0 {
		fmt.Fprintf(w, "%s\n", t.c(ansiRed+ansiBold, fmt.Sprintf("%d 个文件无法读取（自出错处起未检查）:", n)))
		for _, e := range s.Unreadable {
			fmt.Fprintf(w, "    %s: %s\n", t.c(ansiCyan, shown(e.Pos.String())), shown(reasonText(e.Err)))
		}
		fmt.Fprintln(w)
	}
	if t.opts.Canned {
		fmt.Fprintf(w, "%s %d 个文件，%d 条回复（读取 %d 条记录：检查 %d，拒收 %d，跳过 %d）\n",
			t.c(ansiBold, "汇总:"), s.Files, s.Conversations, s.Records, s.Messages, s.Rejected, s.SkippedRecords)
	} else {
		fmt.Fprintf(w, "%s %d 个文件，%d 个会话，%d 条消息（读取 %d 条记录：检查 %d，拒收 %d，跳过 %d）\n",
			t.c(ansiBold, "汇总:"), s.Files, s.Conversations, s.Messages, s.Records, s.Messages, s.Rejected, s.SkippedRecords)
	}
	if t.opts.Quiet && !t.opts.Canned && t.clean > 0 {
		fmt.Fprintf(w, "      %d 个会话没有问题（--quiet：未列出）\n", t.clean)
	}
	fmt.Fprintf(w, "      %d 项问题（error %d，warning %d，info %d）", s.Findings, s.BySeverity[lint.Error], s.BySeverity[lint.Warning], s.BySeverity[lint.Info])
	if !t.opts.Canned && s.Conversations > 0 {
		fmt.Fprintf(w, "，平均分 %s，最低 %s", points(s.MeanScore()), points(s.LowestScore()))
	}
	fmt.Fprintln(w)
	if len(s.SkippedReasons) > 0 {
		fmt.Fprintf(w, "      跳过的记录：%s\n", shown(skipReasons(s.SkippedReasons)))
	}
	if s.EmptyTexts > 0 {
		fmt.Fprintf(w, "      %d 条消息内容为空（导出时丢失的表情或图片？）\n", s.EmptyTexts)
	}
	if s.Bonuses > 0 {
		fmt.Fprintf(w, "      %d 项加分\n", s.Bonuses)
	}
	if s.Fatal > 0 {
		fmt.Fprintf(w, "      %d 个会话有致命项（0分）\n", s.Fatal)
	}
	if s.Waived > 0 {
		fmt.Fprintf(w, "      %d 项已按行内豁免跳过\n", s.Waived)
	}
	if s.Filtered > 0 {
		fmt.Fprintf(w, "      %d 项已在基线中（未报告）\n", s.Filtered)
	}
	for _, uw := range s.UnusedWaivers {
		fmt.Fprintf(w, "      %s: 豁免 %s 没有用上%s\n", t.c(ansiCyan, uw.Pos.String()), shown(uw.Rule), shown(unknownRuleNote(uw)))
	}
	if s.SplitConversations > 0 {
		fmt.Fprintf(w, "      %s\n", splitNote(s.SplitConversations))
	}
	if s.LintedEarly > 0 && !t.opts.Canned {
		// (a canned reply is one record, whole whenever it is linted)
		fmt.Fprintf(w, "      %s\n", lintedEarlyNote(s))
	}
	if len(t.splitIDs) > 0 {
		fmt.Fprintf(w, "      %s\n", shown(splitIDsNote(t.splitIDs, t.splitMore)))
	}
	if s.UntypedBeforeType > 0 {
		fmt.Fprintf(w, "      %s\n", untypedBeforeTypeNote(s.UntypedBeforeType))
	}
	if !t.opts.Canned && len(s.Grades) > 0 {
		var parts []string // best grade first, as the HTML report
		for _, g := range gradeOrder(t.opts.Scoring, s.Grades) {
			if n := s.Grades[g]; n > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", g, n))
			}
		}
		// a pack names the grades
		fmt.Fprintf(w, "      等级: %s\n", shown(strings.Join(parts, " · ")))
	}
	// the rules that found problems, then apart the bonus rules' good
	// practice, which is no problem
	problems, bonuses := [][]string{{"次数", "规则"}}, [][]string{{"次数", "规则"}}
	for _, rc := range lint.SortedCounts(s.ByRule) {
		if t.bonusRules[rc.Rule] {
			bonuses = append(bonuses, []string{fmt.Sprint(rc.Count), rc.Rule})
		} else {
			problems = append(problems, []string{fmt.Sprint(rc.Count), rc.Rule})
		}
	}
	for _, tbl := range []struct {
		title string
		rows  [][]string
	}{{"规则", problems}, {"加分", bonuses}} {
		if len(tbl.rows) > 1 {
			fmt.Fprintf(w, "\n%s\n", t.c(ansiBold, tbl.title))
			t.table(tbl.rows, []bool{true, false})
		}
	}
	if len(s.SkippedRules) > 0 {
		fmt.Fprintf(w, "\n%s\n", t.c(ansiBold, "未能检查"))
		for _, rc := range lint.SortedCounts(s.SkippedRules) {
			fmt.Fprintf(w, "    %s: %d 个会话（%s）\n", shown(rc.Rule), rc.Count, shown(skippedWhy(s, rc.Rule)))
		}
	}
	if agents := s.Agents(); len(agents) > 0 && !t.opts.Canned {
		t.statsTable("客服", agents)
		if s.Unattributed > 0 { // else the agents' findings seem not to add up to the run's
			fmt.Fprintf(w, "    %s\n", t.c(ansiDim, unattributedNote(s.Unattributed)))
		}
		if note := lookalikeNote(agents); note != "" {
			fmt.Fprintf(w, "    %s\n", t.c(ansiDim, shown(note)))
		}
	} else if !t.opts.Canned && s.Conversations > 0 {
		// said, rather than a table missing without a word
		fmt.Fprintf(w, "\n%s\n    %s\n", t.c(ansiBold, "客服"), t.c(ansiDim, noAgentsNote(s.Unattributed)))
	}
	if teams := s.Teams(); !t.opts.Canned {
		if len(teams) > 0 {
			t.statsTable("组别", teams)
		}
		if note := absentTeamsNote(t.opts.Teams, teams); note != "" && s.Conversations > 0 {
			if len(teams) == 0 {
				fmt.Fprintf(w, "\n%s\n", t.c(ansiBold, "组别"))
			}
			fmt.Fprintf(w, "    %s\n", t.c(ansiDim, shown(note)))
		}
	}
	return w.Flush()
}

// absentTeamsNote names the configured teams (Options.Teams) that are not
// in the teams' table, no agent of the run being in them: the day a team
// is off, or patterns that name nobody (a typo, an agent renamed). Said
// in the report rather than warned about on stderr, which would fire on
// every day someone is off. "" when every team is in the table.
func absentTeamsNote(configured []string, table []*lint.AgentStats) string {
	in := make(map[string]bool, len(table))
	for _, t := range table {
		in[t.Agent] = true
	}
	var absent []string
	for _, name := range configured {
		if !in[name] {
			absent = append(absent, name)
		}
	}
	if len(absent) == 0 {
		return ""
	}
	return "没有会话的组别：" + strings.Join(absent, "、") + "（teams 里的组员名没有对上本次的任何客服）"
}

// splitNote says what the count of conversations holds besides whole
// conversations: n further parts of conversations linted in parts
// (lint.Summary.SplitConversations), each scored and listed apart. It
// counts parts, not conversations: one conversation in three parts is two.
// It names the count it is part of: the text report says it lines below
// that count, after the findings, waivers and baseline, and the HTML
// report under 分段, where "其中" (of which) named nothing it followed.
func splitNote(n int) string {
	return fmt.Sprintf("会话数含 %d 个分段检查的会话的后续段（会话的消息在输入中相距太远，或条数太多），每段单独计分", n)
}

// lintedEarlyNote says how many conversations were linted before the
// input ended (lint.Summary.LintedEarly), once for the whole run: with
// each of them, as the engine notes it (lint.NotePartFirst), the note
// stood under most conversations of a day larger than --memory-budget,
// though few of them, if any, went on later (SplitConversations, the
// parts that did). Past the ids the grouper remembers (EarlyForgotten) it
// does not claim that none did.
func lintedEarlyNote(s *lint.Summary) string {
	head := fmt.Sprintf("%d 个会话在输入读完之前已先检查（内存预算 --memory-budget）", s.LintedEarly)
	switch {
	case s.EarlyForgotten:
		return head + "，数量超出可记住的范围：之后又出现消息的会话未必都能认出，可能未计入分段（加大 --memory-budget 可避免）"
	case s.SplitConversations == 0:
		return head + "，之后没有再出现它们的消息：都是完整检查的"
	}
	return head + "，之后又出现消息的另作一段检查（上一行的后续段）"
}

// partNextMark marks, on its one line, a later part of a conversation
// linted in parts that has no findings (lint.NotePartNext, said in full
// under a part with findings, and in the summary).
const partNextMark = "（接续之前已检查的一段）"

// maxSplitIDs is how many conversations linted in parts the text report's
// summary names (splitIDsNote).
const maxSplitIDs = 10

// splitIDsNote names the conversations linted in parts (ids, and more:
// there were others), for the text report, which writes each part as it
// comes: a part that a later one continues was written before the input
// went on, and has no note saying so, though what it found (no agent's
// reply, no farewell) may lie in the part after. The HTML page, written
// at the end, notes such a part itself (continuedNote).
func splitIDsNote(ids []string, more bool) string {
	list := strings.Join(ids, "、")
	if more {
		list += " 等"
	}
	return "分段检查的会话：" + list + "（写出前一段时其后的消息尚未读到，前一段未加注：它的问题如没有客服回复、缺少告别，可能只因分段而起）"
}

// continuedNote notes, on the HTML page, a part of a conversation linted
// in parts that a later part continues (see splitIDsNote).
const continuedNote = "本会话后面的消息另作一段检查（会话的消息在输入中相距太远，或条数太多）：本段单独计分，它的问题如没有客服回复、缺少告别，可能只因分段而起"

// untypedBeforeTypeNote says how many conversations were linted, under
// the memory budget, before a later record of their file showed a
// message's type (lint.Summary.UntypedBeforeType): their rules that need
// types stay skipped, as each one's skip says.
func untypedBeforeTypeNote(n int) string {
	return fmt.Sprintf("%d 个会话在其文件首次出现消息类型（type）之前已按内存预算提前检查，需要消息类型的规则对它们仍跳过（加大 --memory-budget 可避免）", n)
}

// Flush writes what has gathered, so a terminal shows each conversation
// soon after it is linted.
func (t *textWriter) Flush() error { return t.w.Flush() }

// unattributedNote says how many findings the per-agent table leaves out
// because they are held against no agent (findings_without_agent).
func unattributedNote(n int) string {
	return fmt.Sprintf("另有 %d 项问题不计入任何客服（如没有客服回复的会话），不在上表中", n)
}

// noAgentsNote says why a run of conversations has no table per agent: no
// agent message named its sender (the JDDC corpus, the Weibo helpdesk set,
// an export whose agents' names are in a field not read), and how many
// findings (findings_without_agent) are therefore held against no agent.
func noAgentsNote(unattributed int) string {
	s := "没有按客服统计：没有一条客服消息写有客服名（sender）"
	if unattributed > 0 {
		s += fmt.Sprintf("，%d 项问题不计入任何客服", unattributed)
	}
	return s + "。导出的客服名在别的字段时，用 --map sender=字段名 读取"
}

// lookalikeNote names the agents of the table whose names differ only in
// how they were typed (客服01 and the 客服０１ of an input method, 阿杰 and
// 阿傑, 小美 and 小美 with a zero-width space pasted in), each counted
// apart: two rows of the same person, or two that look alike. "" when
// there are none. Characters that show nothing are written as <U+200B>.
func lookalikeNote(stats []*lint.AgentStats) string {
	groups := map[string][]string{}
	var keys []string // in the table's order
	for _, a := range stats {
		k := strings.TrimSpace(match.Normalize(a.Agent))
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], a.Agent)
	}
	var parts []string
	more := 0
	for _, k := range keys {
		if g := groups[k]; len(g) > 1 {
			if len(parts) == maxLookalikes {
				more++
				continue
			}
			for i, n := range g {
				g[i] = visibleName(n)
			}
			parts = append(parts, strings.Join(g, " 与 "))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	s := "写法只差全角半角、繁简、大小写或不可见字符的客服名分开计算：" + strings.Join(parts, "；")
	if more > 0 {
		s += fmt.Sprintf("；另有 %d 组", more)
	}
	return s + "（是同一人时，合计其各行）"
}

// maxLookalikes is the most groups of look-alike names lookalikeNote names.
const maxLookalikes = 10

// visibleName writes the characters of a name that show nothing (a
// zero-width space, a joiner, a combining mark alone) as <U+XXXX>, so that
// names differing only by them can be told apart.
func visibleName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= utf8.RuneSelf && (unicode.In(r, unicode.Cf, unicode.Zs) || r == 0x3164 || r == 0x115F || r == 0x1160) {
			fmt.Fprintf(&b, "<U+%04X>", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// statsTable writes the per-agent or per-team table.
func (t *textWriter) statsTable(title string, stats []*lint.AgentStats) {
	fmt.Fprintf(t.w, "\n%s\n", t.c(ansiBold, title))
	bonuses := slices.ContainsFunc(stats, func(a *lint.AgentStats) bool { return a.Bonuses > 0 })
	rows := [][]string{{title, "会话", "平均分", "最低分", "问题", "error", "warning", "info"}}
	right := []bool{false, true, true, true, true, true, true, true}
	if bonuses { // a column of its own only when some agent earned one
		rows[0] = append(rows[0], "加分")
		right = append(right, true)
	}
	for _, a := range stats {
		row := []string{a.Agent, fmt.Sprint(a.Conversations), points(a.MeanScore()), points(a.MinScore),
			fmt.Sprint(a.Findings), fmt.Sprint(a.BySeverity[lint.Error]), fmt.Sprint(a.BySeverity[lint.Warning]), fmt.Sprint(a.BySeverity[lint.Info])}
		if bonuses {
			row = append(row, fmt.Sprint(a.Bonuses))
		}
		rows = append(rows, row)
	}
	t.table(rows, right)
}

// table writes aligned columns, the header row dimmed.
func (t *textWriter) table(rows [][]string, right []bool) {
	for ri, line := range AlignColumns(rows, right) {
		line = "    " + line
		if ri == 0 {
			line = t.c(ansiDim, line)
		}
		fmt.Fprintln(t.w, line)
	}
}

// AlignColumns lays rows out in columns two spaces apart, each cell made
// safe to show (Shown) and padded by its display width (East Asian wide
// characters count as two), to the right where right says so (nil: all
// left); the lines have no trailing blanks.
func AlignColumns(rows [][]string, right []bool) []string {
	var widths []int
	for _, r := range rows {
		for i := range r {
			r[i] = shown(r[i])
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(r[i]))
		}
	}
	lines := make([]string, len(rows))
	for ri, r := range rows {
		var b strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-displayWidth(c))
			if i < len(right) && right[i] {
				b.WriteString(pad + c)
			} else {
				b.WriteString(c + pad)
			}
			if i < len(r)-1 {
				b.WriteString("  ")
			}
		}
		lines[ri] = strings.TrimRight(b.String(), " ")
	}
	return lines
}

// DisplayWidth is the number of terminal columns s takes: East Asian wide
// characters count as two, combining marks and format characters as none.
func DisplayWidth(s string) int { return displayWidth(s) }

// displayWidth is the number of terminal columns s takes, an emoji two
// as the terminals that draw an emoji whole draw it (Windows Terminal,
// iTerm2, macOS Terminal, kitty, WezTerm): a character of one column
// followed by U+FE0F, which asks for its emoji form (❤️ in 小美❤️, 1️⃣),
// takes two, as does one of the four such emoji that take a skin tone
// followed by it (✌🏻, ☝🏻); a skin tone after an emoji (👍🏻) and an emoji
// joined to the one before it by ZWJ (👩‍💻, 👨‍👩‍👧) take none. Counted by code point, the
// agents' table stood a column out of line after 小美❤️, and two after
// 小美👍🏻 (GNOME Terminal and xterm, which draw ❤️ in one column and 👍🏻 as
// two emoji, see the rows with such names out of line). Of ASCII only the
// keycaps' # * 0-9 have an emoji form: U+FE0F after a space or a letter,
// left where a system that keeps no four-byte characters dropped the emoji
// before it (小美 🏳️ stored as 小美 U+FE0F), is drawn in no column.
func displayWidth(s string) int {
	n := 0
	narrow := false // the last character took one column
	emoji := false  // the last character was drawn as an emoji
	joins := false  // a ZWJ after an emoji: the next character joins it
	base := false   // the last character was ☝, ⛹, ✌ or ✍, of one column
	for _, r := range s {
		joined, wasBase := joins, base
		joins, base = false, false
		switch {
		case r == 0xFE0F && narrow:
			n++
			narrow, emoji = false, true
		case r >= 0x1F3FB && r <= 0x1F3FF && wasBase:
			// a skin tone draws the emoji of one column that takes one
			// (✌🏻) as an emoji, in two
			n++
			narrow, emoji = false, true
		case r == 0x200D:
			joins = emoji
		case joined && r >= utf8.RuneSelf:
			// drawn within the emoji before it
			narrow, emoji = false, true
		case r >= 0x1F3FB && r <= 0x1F3FF && emoji:
			// a skin tone, drawn within the emoji before it
		case r >= utf8.RuneSelf && (unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf)):
			// combining marks and format characters (ZWSP) take none
		case width.LookupRune(r).Kind() == width.EastAsianWide, width.LookupRune(r).Kind() == width.EastAsianFullwidth:
			n += 2
			narrow, emoji = false, unicode.Is(unicode.So, r)
		default:
			n++
			narrow, emoji = r >= utf8.RuneSelf || r == '#' || r == '*' || r >= '0' && r <= '9', false
			base = r == 0x261D || r == 0x26F9 || r == 0x270C || r == 0x270D
		}
	}
	return n
}

// points formats a score, a mean score or a deduction as the JSON report
// writes it. A score keeps the three decimals scoring rounds it to, and a
// mean the two of lint.Summary.MeanScore: rounded to two decimals again,
// 94.996 (graded 良好, under 95) showed as 95分 良好, and 99.625 as 99.62
// beside the mean of that one conversation, 99.63.
func points(f float64) string { return plainNum(f) }

// num formats a ratio (a percentage, findings per conversation) with at
// most two decimals.
func num(f float64) string {
	s := fmt.Sprintf("%.2f", f)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// unknownRuleNote says, in Chinese, that a waiver names no rule at all, and
// which rules it plausibly means ("" for a waiver of a rule that exists).
func unknownRuleNote(w lint.Waiver) string {
	switch {
	case !w.UnknownRule:
		return ""
	case len(w.Meant) > 0:
		return "：没有这条规则（是否指 " + strings.Join(w.Meant, " 或 ") + "？）"
	default:
		return "：没有这条规则（见 chatlint rules list）"
	}
}

// skipReasons lists the reasons records were skipped, the most frequent
// first, in Chinese: "撤回的消息 3 条；类型 "EVENT"（--types EVENT=skip）2 条".
func skipReasons(m map[string]int) string {
	reasons := make([]string, 0, len(m))
	for r := range m {
		reasons = append(reasons, r)
	}
	slices.SortFunc(reasons, func(a, b string) int {
		if m[a] != m[b] {
			return m[b] - m[a]
		}
		return strings.Compare(a, b)
	})
	parts := make([]string, len(reasons))
	for i, r := range reasons {
		parts[i] = fmt.Sprintf("%s %d 条", skipRecordWhy(r), m[reasons[i]])
	}
	return strings.Join(parts, "；")
}

// skipRecordWhy says in Chinese why the readers skipped a record, from the
// reason they gave (lint.Summary.SkippedReasons); the export's values in
// it (a status line, a type) and the flag that skips a type stay as they
// are. Another reason is as it is.
func skipRecordWhy(reason string) string {
	switch reason {
	case lint.SkipReasonOther:
		return "其他"
	case "recalled message":
		return "撤回的消息"
	case "revoke notice":
		return "撤回通知"
	case "log-in switch record":
		return "切换登录的记录"
	case "archiving consent record":
		return "会话存档同意记录"
	case "blank reply":
		return "空白回复"
	case "NULL: no reply":
		return "NULL（没有回复）"
	}
	if line, ok := strings.CutPrefix(reason, "status line "); ok {
		return "状态行 " + line
	}
	// type "EVENT" (--types EVENT=skip)
	if rest, ok := strings.CutPrefix(reason, "type "); ok {
		if i := strings.LastIndex(rest, " (--types "); i > 0 && strings.HasSuffix(rest, ")") {
			return "类型 " + rest[:i] + "（" + rest[i+2:len(rest)-1] + "）"
		}
	}
	return reason
}

// clockLayout is the layout of a message's time of day in the reports
// for people: to the second, or, for a time written to the minute
// (lint.Message.TimeToMinute), to the minute, as the export wrote it, not
// with seconds it never gave.
func clockLayout(m *lint.Message) string {
	if m.TimeToMinute {
		return "15:04"
	}
	return "15:04:05"
}

// convDay is the date, in loc, of a conversation's first message with a
// time (the readers put them in time order), "" when none has one.
func convDay(c *lint.Conversation, loc *time.Location) string {
	for i := range c.Messages {
		if m := &c.Messages[i]; m.Timed() {
			return m.Time.In(reportLocation(loc)).Format(time.DateOnly)
		}
	}
	return ""
}

// reportLocation is the zone the reports give times in: loc (--tz), or
// the local one when none is set.
func reportLocation(loc *time.Location) *time.Location {
	if loc == nil {
		return time.Local
	}
	return loc
}

// noteText says a note the engine attached to a conversation (lint.Note…)
// in Chinese, as the text and HTML reports say everything else; another
// note is as it is.
func noteText(note string) string {
	switch note {
	case lint.NoteUntimed:
		return "消息没有时间，未检查时效类规则"
	case lint.NoteMinuteTimes:
		return "时间只精确到分钟：时效类规则只判定分钟能证明的等待，判定不了的算作未能检查"
	case lint.NotePartFirst:
		return "输入读完之前已先检查（内存预算）；本会话后面的消息（如有）另作一段检查"
	case lint.NotePartNext:
		return "接续之前已检查的一段（会话的消息在输入中相距太远，或条数太多）"
	case noteRepeatedHour:
		return "有消息时间落在夏令时结束、时钟回拨而重复的一小时内（--tz 的时区）：先后与等待判定不了，未检查时效类规则"
	}
	return note
}

// noteRepeatedHour is check.NoteRepeatedHour (a conversation with a time
// in the hour daylight saving repeats), which the writers do not import.
const noteRepeatedHour = "times in the hour daylight saving time repeats (--tz): their order and waits cannot be told; timing rules skipped"

// notesText is noteText of each note, in a new slice, but for
// lint.NotePartFirst, which the reports for people say once, in the
// summary (lintedEarlyNote).
func notesText(notes []string) []string {
	var out []string
	for _, n := range notes {
		if n != lint.NotePartFirst {
			out = append(out, noteText(n))
		}
	}
	return out
}

// skipsText is skips with each reason said in Chinese (skipWhy), in a new
// slice.
func skipsText(skips []lint.Skip) []lint.Skip {
	if len(skips) == 0 {
		return nil
	}
	out := make([]lint.Skip, len(skips))
	for i, sk := range skips {
		out[i] = sk
		out[i].Reason = skipWhy(sk.Reason)
	}
	return out
}

// skippedWhy says why the summary's rule was skipped (skipWhy): the one
// reason of all its conversations, or each reason with its number of
// conversations, most first (没有时间 3 个；时间只精确到分钟，… 2 个), as
// a rule skipped for want of times in one file and for times written to
// the minute in another was skipped for both.
func skippedWhy(s *lint.Summary, rule string) string {
	byReason := s.SkippedRuleReasons[rule]
	if len(byReason) == 0 {
		return skipWhy(s.SkippedWhy[rule])
	}
	// said in Chinese, reasons that say the same counted together
	counts := map[string]int{}
	for reason, n := range byReason {
		counts[skipWhy(reason)] += n
	}
	if len(counts) == 1 {
		for why := range counts {
			return why
		}
	}
	parts := make([]string, 0, len(counts))
	for _, rc := range lint.SortedCounts(counts) {
		parts = append(parts, rc.Rule+" "+strconv.Itoa(rc.Count)+" 个")
	}
	return strings.Join(parts, "；")
}

// skipWhy says briefly why a rule skipped conversations, from the reason it
// gave (lint.Skip.Reason).
func skipWhy(reason string) string {
	switch {
	case reason == "" || strings.HasPrefix(reason, "no times"):
		return "没有时间"
	case strings.HasPrefix(reason, "times written to the minute"):
		return "时间只精确到分钟，部分等待判定不了"
	case strings.HasPrefix(reason, "times in the hour daylight saving time repeats"):
		return "时间落在夏令时结束时重复的一小时内"
	case strings.HasPrefix(reason, "text joined"):
		return "文本由导出拼接"
	case strings.HasPrefix(reason, "the export has no message types"):
		// (a json export read through --map whose first 64 KB has no
		// type key, a csv or xlsx without a type column: the field may be there
		// under another name, or only later in the file)
		return "导出没有消息类型；csv、xlsx、json 导出的类型在别的列或字段时，用 --map type=列名或字段名 读取"
	}
	return reason
}
