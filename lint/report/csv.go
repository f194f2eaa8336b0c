package report

import (
	"bufio"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

func init() {
	streaming("csv")
	register("csv", func(w io.Writer, opts Options) Writer {
		return &csvWriter{w: bufio.NewWriterSize(w, flushAt), opts: opts}
	})
}

// CSV row kinds, the values of Options.CSVRows ("" means CSVFindings).
const (
	CSVFindings      = "finding"
	CSVConversations = "conversation"
	CSVAgents        = "agent"
	CSVTeams         = "team"
)

// CSVRowKinds lists the values Options.CSVRows accepts.
var CSVRowKinds = []string{CSVFindings, CSVConversations, CSVAgents, CSVTeams}

// CSVFindingHeader is the header of the CSV report with one row per finding
// (the default). The first twelve columns are the ones the project's issue
// names; the rest follow. Every value is the same as in the finding's JSON
// form, except that column is empty (not 0) for findings without a match and
// that cells a spreadsheet would run as formulas get a leading apostrophe
// (CSVFormulaSafe) unless Options.CSVRaw is set.
var CSVFindingHeader = []string{
	"file", "line", "conversation", "agent", "time", "rule", "type", "severity",
	"deduct", "match", "suggestion", "text",
	"column", "message", "role", "sender", "source",
}

// CSVFindingTailHeader follows CSVFindingHeader in the header of finding
// rows (columns are added at the end, and CSVFindingHeader stays how a
// report written before them starts): fatal is true for a finding of a
// 致命项, which scores its conversation 0 (the JSON finding's "fatal"),
// false for any other.
var CSVFindingTailHeader = []string{"fatal"}

// CSVConversationHeader is the fixed part of the header of the CSV report
// with one row per conversation; one column per active rule (headed by the
// rule id, holding the conversation's finding count, or for a bonus rule
// its bonuses) follows, then CSVConversationBonusHeader.
var CSVConversationHeader = []string{
	"file", "line", "conversation", "agents", "messages", "score", "grade",
	"findings", "error", "warning", "info", "skipped",
}

// CSVConversationBonusHeader ends the header of conversation rows, after
// the rule columns (columns are added at the end, so that none a script
// counts on moves): the conversation's good-practice bonuses, as the JSON
// report's conversations[].bonuses lists them, and the points they added
// (the sum of their add: after each rule's cap; the score, never above
// start, may use fewer).
var CSVConversationBonusHeader = []string{"bonuses", "bonus_add"}

// CSVConversationSpanHeader follows CSVConversationBonusHeader in the
// header of conversation rows: the times of the conversation's earliest
// and latest message, the seconds between them (all three empty when no
// message has a time) and its messages by role, as the JSON report's
// conversations[] start, end, duration and messages_by_role.
var CSVConversationSpanHeader = []string{
	"start_time", "end_time", "duration_seconds", "customer_messages", "agent_messages", "bot_messages", "system_messages",
}

// CSVAgentHeader is the fixed part of the header of the CSV report with one
// row per agent; one column per grade (headed by the grade name, holding the
// number of the agent's conversations with that grade) and one per active
// rule (headed by the rule id, holding the agent's finding count, or for a
// bonus rule its bonuses) follow, then CSVAgentBonusHeader. Team rows have
// the same columns, team and members in place of agent.
var CSVAgentHeader = []string{
	"agent", "conversations", "mean_score", "lowest_score", "findings", "error", "warning", "info",
}

// CSVAgentBonusHeader ends the header of agent and team rows, after the
// grade and rule columns (columns are added at the end, so that none a
// script counts on moves): the good-practice bonuses the agent (a member of
// the team) earned, the JSON report's agents[].bonuses and teams[].bonuses.
var CSVAgentBonusHeader = []string{"bonuses"}

// csvWriter writes the CSV report: RFC 4180 records ended by CRLF, fields
// quoted when they hold a comma, a double quote, CR or LF (or start or end
// with a space or tab), quotes doubled. Field contents are written byte for
// byte (but for bytes that are not UTF-8, see csvUTF8): line breaks inside
// a message stay as they are, inside quotes.
// Finding and conversation rows are written as conversations finish (they
// gather until the caller flushes, see Flusher, or the buffer fills); agent
// rows need the whole run and are written by Close. Malformed input records are not rows: they are reported on
// standard error by the lint command and listed in the JSON reports.
type csvWriter struct {
	w       *bufio.Writer
	opts    Options
	started bool
	rules   []string // rule ids in column order
	ruleCol map[string]int
	err     error
}

func (c *csvWriter) kind() string {
	if c.opts.CSVRows == "" {
		return CSVFindings
	}
	return c.opts.CSVRows
}

// start writes the byte-order mark and the header (once).
func (c *csvWriter) start(s *lint.Summary) {
	if c.started {
		return
	}
	c.started = true
	if c.opts.BOM {
		c.w.WriteString("\uFEFF")
	}
	c.ruleCol = map[string]int{}
	for _, r := range c.opts.Rules {
		if _, dup := c.ruleCol[r.ID]; !dup {
			c.ruleCol[r.ID] = len(c.rules)
			c.rules = append(c.rules, r.ID)
		}
	}
	switch c.kind() {
	case CSVConversations:
		h := append(append([]string{}, CSVConversationHeader...), c.rules...)
		h = append(h, CSVConversationBonusHeader...)
		c.record(append(h, CSVConversationSpanHeader...))
	case CSVAgents, CSVTeams:
		// rules no active rule describes (there are none in a CLI run) get
		// columns too: the whole run is known here
		for _, rc := range csvSortedKeys(s.ByRule) {
			if _, ok := c.ruleCol[rc]; !ok {
				c.ruleCol[rc] = len(c.rules)
				c.rules = append(c.rules, rc)
			}
		}
		h := append([]string{}, CSVAgentHeader...)
		if c.kind() == CSVTeams {
			h = append([]string{"team", "members"}, h[1:]...)
		}
		h = append(h, c.grades(s)...)
		h = append(h, c.rules...)
		c.record(append(h, CSVAgentBonusHeader...))
	default:
		c.record(append(slices.Clone(CSVFindingHeader), CSVFindingTailHeader...))
	}
}

// grades lists the grade columns of agent rows: the scoring's grades, best
// first, its fail grade, then any other grade the run produced.
func (c *csvWriter) grades(s *lint.Summary) []string {
	var out []string
	seen := map[string]bool{}
	add := func(g string) {
		if g != "" && !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	for _, g := range c.opts.Scoring.Grades {
		add(g.Name)
	}
	add(c.opts.Scoring.FailGrade)
	for _, g := range csvSortedKeys(s.Grades) {
		add(g)
	}
	return out
}

// Conversation writes the conversation's finding rows (or its conversation
// row); agent rows wait for Close.
func (c *csvWriter) Conversation(r *lint.Result) error {
	if c.kind() == CSVAgents || c.kind() == CSVTeams {
		return nil
	}
	c.start(nil)
	if c.kind() == CSVConversations {
		c.record(c.conversationRow(r))
	} else {
		jc := ConversationJSON(r, c.opts)
		for i := range jc.Findings {
			c.record(CSVFindingRow(jc.ID, &jc.Findings[i]))
		}
	}
	return c.err
}

// Flush writes the rows gathered so far.
func (c *csvWriter) Flush() error { return c.flush() }

// CSVFindingRow is the CSV record of one finding (columns as in
// CSVFindingHeader, then CSVFindingTailHeader), from its JSON form.
func CSVFindingRow(conversation string, f *JSONFinding) []string {
	column := ""
	if f.Column > 0 {
		column = strconv.Itoa(f.Column)
	}
	return []string{
		f.File, strconv.Itoa(f.Line), conversation, f.Agent, f.Time, f.Rule, f.Type, f.Severity,
		plainNum(f.Deduct), f.Match, f.Suggestion, f.Text,
		column, f.Message, f.Role, f.Sender, f.Source,
		strconv.FormatBool(f.Fatal),
	}
}

func (c *csvWriter) conversationRow(r *lint.Result) []string {
	sev := map[lint.Severity]int{}
	perRule := make([]int, len(c.rules))
	for i := range r.Findings {
		f := &r.Findings[i]
		sev[f.Rule.Severity]++
		if col, ok := c.ruleCol[f.Rule.ID]; ok {
			perRule[col]++
		}
	}
	// a bonus rule's column counts the bonuses earned, as the agent rows do
	added := 0.0
	for i := range r.Bonuses {
		if col, ok := c.ruleCol[r.Bonuses[i].Rule.ID]; ok {
			perRule[col]++
		}
		added += r.Bonuses[i].Deduct
	}
	var skipped []string
	for _, s := range r.Skipped {
		skipped = append(skipped, s.Rule)
	}
	line := 0
	if len(r.Conversation.Messages) > 0 {
		line = firstLine(r.Conversation)
	}
	row := []string{
		lint.DecodedName(r.Conversation.File), strconv.Itoa(line), convID(r.Conversation), strings.Join(r.Agents, ";"),
		strconv.Itoa(len(r.Conversation.Messages)), plainNum(r.Score), r.Grade,
		strconv.Itoa(len(r.Findings)), strconv.Itoa(sev[lint.Error]), strconv.Itoa(sev[lint.Warning]), strconv.Itoa(sev[lint.Info]),
		strings.Join(skipped, ";"),
	}
	for _, n := range perRule {
		row = append(row, strconv.Itoa(n))
	}
	// rounded as a score adds them: 0.1 + 0.2 is 0.3
	row = append(row, strconv.Itoa(len(r.Bonuses)), plainNum(math.Round(added*1000)/1000))
	span := spanOf(r.Conversation)
	if span.start.IsZero() {
		row = append(row, "", "", "")
	} else {
		row = append(row, formatTime(span.start, c.opts.Location), formatTime(span.end, c.opts.Location), plainNum(span.seconds()))
	}
	for _, role := range []lint.Role{lint.Customer, lint.Agent, lint.Bot, lint.System} {
		row = append(row, strconv.Itoa(span.roles[role]))
	}
	return row
}

// Close writes the header if nothing was written yet, and the agent rows.
func (c *csvWriter) Close(s *lint.Summary) error {
	if s == nil {
		s = lint.NewSummary()
	}
	c.start(s)
	if c.kind() == CSVAgents || c.kind() == CSVTeams {
		grades := c.grades(s)
		rows := s.Agents()
		if c.kind() == CSVTeams {
			rows = s.Teams()
		}
		for _, a := range rows {
			row := []string{a.Agent}
			if c.kind() == CSVTeams {
				row = append(row, strings.Join(a.MemberList(), "、"))
			}
			row = append(row,
				strconv.Itoa(a.Conversations), plainNum(a.MeanScore()), plainNum(a.MinScore),
				strconv.Itoa(a.Findings), strconv.Itoa(a.BySeverity[lint.Error]), strconv.Itoa(a.BySeverity[lint.Warning]), strconv.Itoa(a.BySeverity[lint.Info]),
			)
			for _, g := range grades {
				row = append(row, strconv.Itoa(a.Grades[g]))
			}
			for _, id := range c.rules {
				row = append(row, strconv.Itoa(a.ByRule[id]))
			}
			c.record(append(row, strconv.Itoa(a.Bonuses)))
		}
	}
	return c.flush()
}

// record writes one RFC 4180 record, ended by CRLF, its cells UTF-8
// (csvUTF8) and made safe for spreadsheets unless the options ask for raw
// cells.
func (c *csvWriter) record(fields []string) {
	if c.err != nil {
		return
	}
	copied := false // fields may be a shared header: copy before changing
	for i, f := range fields {
		g := csvUTF8(f)
		if !c.opts.CSVRaw {
			g = CSVFormulaSafe(g)
		}
		if len(g) != len(f) { // each change makes the cell longer
			if !copied {
				fields, copied = slices.Clone(fields), true
			}
			fields[i] = g
		}
	}
	c.err = writeCSVRecord(c.w, fields)
}

// csvUTF8 is a cell with each byte that is not UTF-8 written as U+FFFD, as
// the JSON report writes it: the report is UTF-8 (Excel and WPS read it as
// such with --bom), and it holds the same text as the JSON report. A valid
// cell is returned as it is.
func csvUTF8(f string) string {
	if utf8.ValidString(f) {
		return f
	}
	var b strings.Builder
	b.Grow(len(f) + 8)
	for _, r := range f {
		b.WriteRune(r) // utf8.RuneError, U+FFFD, for a byte that is not UTF-8
	}
	return b.String()
}

// CSVFormulaSafe returns the cell with an apostrophe before it when a
// spreadsheet could take it for a formula: its first character after any
// white space (any Unicode space) is = + - or @, and it is not a plain decimal number. A
// customer who writes =HYPERLINK(…) or +cmd|… in a chat then cannot make the
// QA team's Excel, WPS or LibreOffice run anything when they open the
// report; the apostrophe is OWASP's advice against CSV injection. Numbers
// such as -2 stay numbers.
func CSVFormulaSafe(f string) string {
	t := strings.TrimLeftFunc(f, unicode.IsSpace) // no-break and ideographic spaces too
	if t == "" || !strings.ContainsRune("=+-@", rune(t[0])) || plainDecimal(t) {
		return f
	}
	return "'" + f
}

// plainDecimal reports whether s is an optionally signed decimal number:
// digits with at most one decimal point among or after them.
func plainDecimal(s string) bool {
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	digits, point := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !point && digits > 0:
			point = true
		default:
			return false
		}
	}
	return digits > 0
}

func (c *csvWriter) flush() error {
	if c.err != nil {
		return c.err
	}
	c.err = c.w.Flush()
	return c.err
}

// writeCSVRecord writes fields as one RFC 4180 record ended by CRLF. Unlike
// encoding/csv with UseCRLF, it keeps line breaks inside fields byte for
// byte (encoding/csv turns LF into CRLF and drops a lone CR).
func writeCSVRecord(w *bufio.Writer, fields []string) error {
	for i, f := range fields {
		if i > 0 {
			w.WriteByte(',')
		}
		if !csvNeedsQuotes(f) {
			w.WriteString(f)
			continue
		}
		w.WriteByte('"')
		w.WriteString(strings.ReplaceAll(f, `"`, `""`))
		w.WriteByte('"')
	}
	_, err := w.WriteString("\r\n")
	return err
}

// csvNeedsQuotes reports whether a field must be quoted: it holds a comma,
// a double quote or a line break, or it starts or ends with white space
// (which some readers would trim).
func csvNeedsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if strings.ContainsAny(f, ",\"\r\n") {
		return true
	}
	first, last := f[0], f[len(f)-1]
	return first == ' ' || first == '\t' || last == ' ' || last == '\t'
}

// plainNum writes a number as JSON would: no needless decimals.
func plainNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func csvSortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
