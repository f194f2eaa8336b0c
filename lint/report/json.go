package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

func init() {
	streaming("json")
	register("json", func(w io.Writer, opts Options) Writer {
		j := &jsonWriter{w: bufio.NewWriter(w), opts: opts, enc: convEncoder{opts: opts, indent: true, prefix: "    "}}
		// a conversation with very many findings goes out in pieces as it
		// is encoded, not whole (see convEncoder.spill)
		j.enc.spill = func(p []byte) error {
			_, err := j.w.Write(p)
			return err
		}
		return j
	})
}

// JSONReport is the whole JSON report of the design contract. It is written
// streaming, conversations first and the summary last.
type JSONReport struct {
	Summary       JSONSummary        `json:"summary"`
	Conversations []JSONConversation `json:"conversations"`
	Agents        []JSONAgent        `json:"agents"`
	Teams         []JSONAgent        `json:"teams,omitempty"`
	Errors        []JSONError        `json:"errors"`
}

// JSONSummary accounts for the run. records = messages + rejected + skipped_records.
type JSONSummary struct {
	Files          int            `json:"files"`
	Conversations  int            `json:"conversations"`
	Messages       int            `json:"messages"`
	Records        int            `json:"records"`
	Rejected       int            `json:"rejected"`
	SkippedRecords int            `json:"skipped_records"`
	SkippedReasons map[string]int `json:"skipped_reasons"` // skipped records by reason
	EmptyTexts     int            `json:"empty_texts"`
	Split          int            `json:"split_conversations"`
	// UntypedBeforeType counts the conversations linted, under the
	// memory budget, before their file's first message type showed: they
	// keep the skip of the rules that need types (absent when none)
	UntypedBeforeType int `json:"untyped_before_type,omitempty"`
	// LintedEarly counts the conversations linted before the input ended
	// (the memory budget): each has the note that says so; only those of
	// split_conversations went on later (absent when none)
	LintedEarly   int          `json:"linted_early,omitempty"`
	Waived        int          `json:"waived"`
	UnusedWaivers []JSONWaiver `json:"unused_waivers"`
	Baselined     int          `json:"baselined"`
	Bonuses       int          `json:"bonuses"`
	Fatal         int          `json:"fatal"`
	Findings      int          `json:"findings"`
	// FindingsWithoutAgent are the findings held against no agent (in no
	// row of agents): the agents' findings add up to findings less these.
	FindingsWithoutAgent int `json:"findings_without_agent"`
	Errors               int `json:"errors"`
	// Unreadable lists the files that could not be read at all (absent
	// when every file was read)
	Unreadable   []JSONUnreadable `json:"unreadable_files,omitempty"`
	MeanScore    float64          `json:"mean_score"`
	LowestScore  float64          `json:"lowest_score"`
	BySeverity   map[string]int   `json:"by_severity"`
	ByRule       map[string]int   `json:"by_rule"`
	SkippedRules map[string]int   `json:"skipped"`
	// SkippedRuleReasons counts, per rule of skipped, its conversations
	// by the reason it gave for each (conversations[].skipped's reason):
	// {"p/slow": {"no times: reply times not checked": 3, …}}
	SkippedRuleReasons map[string]map[string]int `json:"skipped_rule_reasons"`
	Grades             map[string]int            `json:"grades"`
}

// JSONConversation is one conversation's result.
type JSONConversation struct {
	ID   string `json:"id"`
	File string `json:"file"`
	// FileBytes is the file's name as its bytes (base64 in JSON) when it
	// is not UTF-8: File then shows it decoded from GBK or Big5, or with U+FFFD
	// for the bytes (lint.DecodedName), and a program finds the file by
	// these (see fileBytes)
	FileBytes []byte   `json:"file_bytes,omitempty"`
	Line      int      `json:"line"`
	Agents    []string `json:"agents"`
	Messages  int      `json:"messages"`
	// MessagesByRole counts the messages by role: customer, agent, bot
	// and system, each always present.
	MessagesByRole map[string]int `json:"messages_by_role"`
	// Start and End are the times of the conversation's earliest and
	// latest message in the report's zone ("" when no message has a
	// time), Duration the seconds between them (null without times).
	Start    string        `json:"start_time"`
	End      string        `json:"end_time"`
	Duration *float64      `json:"duration_seconds"`
	Score    float64       `json:"score"`
	Grade    string        `json:"grade"`
	Findings []JSONFinding `json:"findings"`
	// Bonuses are the good-practice bonus points earned (deduct is 0; add
	// says how many points each earned after the rule's cap).
	Bonuses []JSONFinding `json:"bonuses,omitempty"`
	Skipped []JSONSkip    `json:"skipped,omitempty"`
	Notes   []string      `json:"notes,omitempty"`
}

// JSONFinding is one finding with its evidence.
type JSONFinding struct {
	Rule       string  `json:"rule"`
	Type       string  `json:"type"`
	Severity   string  `json:"severity"`
	File       string  `json:"file"`
	FileBytes  []byte  `json:"file_bytes,omitempty"` // (see JSONConversation)
	Line       int     `json:"line"`
	Time       string  `json:"time"`
	Role       string  `json:"role"`
	Sender     string  `json:"sender"`
	Agent      string  `json:"agent"`
	Text       string  `json:"text"`
	Match      string  `json:"match"`
	Column     int     `json:"column"`
	Suggestion string  `json:"suggestion"`
	Deduct     float64 `json:"deduct"`
	Add        float64 `json:"add,omitempty"`
	Fatal      bool    `json:"fatal,omitempty"`
	Message    string  `json:"message"`
	Source     string  `json:"source"`
}

// JSONWaiver is an inline waiver that suppressed nothing. UnknownRule says
// it names no rule at all, and DidYouMean the rules it plausibly means.
type JSONWaiver struct {
	File        string   `json:"file"`
	FileBytes   []byte   `json:"file_bytes,omitempty"` // (see JSONConversation)
	Line        int      `json:"line"`
	Rule        string   `json:"rule"`
	Reason      string   `json:"reason"`
	UnknownRule bool     `json:"unknown_rule,omitempty"`
	DidYouMean  []string `json:"did_you_mean,omitempty"`
}

// JSONSkip is a rule that could not be applied to a conversation.
type JSONSkip struct {
	Rule   string `json:"rule"`
	Reason string `json:"reason"`
}

// JSONAgent is one row of the per-agent table.
type JSONAgent struct {
	Agent         string   `json:"agent,omitempty"`
	Team          string   `json:"team,omitempty"`
	Members       []string `json:"members,omitempty"`
	Conversations int      `json:"conversations"`
	MeanScore     float64  `json:"mean_score"`
	LowestScore   float64  `json:"lowest_score"`
	Findings      int      `json:"findings"`
	// Bonuses counts the good-practice bonuses earned; by_rule counts
	// them under their rules, as the summary's by_rule does.
	Bonuses    int            `json:"bonuses"`
	BySeverity map[string]int `json:"by_severity"`
	ByRule     map[string]int `json:"by_rule"`
	Grades     map[string]int `json:"grades"`
}

// JSONError is a malformed input record.
type JSONError struct {
	File      string `json:"file"`
	FileBytes []byte `json:"file_bytes,omitempty"` // (see JSONConversation)
	Line      int    `json:"line"`
	// Column is where on the line the record starts, in characters, for
	// a line that holds several records (lint.RecordError.Col): left out
	// when the line says where
	Column int    `json:"column,omitempty"`
	Error  string `json:"error"`
}

// JSONUnreadable is a file that could not be read: its name and why. A
// file that could not be opened or was refused whole has no line, and its
// entry none; Line is set only where reading stopped at a line.
type JSONUnreadable struct {
	File      string `json:"file"`
	FileBytes []byte `json:"file_bytes,omitempty"` // (see JSONConversation)
	Line      int    `json:"line,omitempty"`
	Error     string `json:"error"`
}

// jsonWriter streams the JSON report: each conversation is written as it is
// finished, and one of very many findings in pieces as it is encoded (see
// convEncoder.spill), so memory does not grow with the run or with a
// conversation; the per-agent table, malformed records and the summary
// follow the conversations.
type jsonWriter struct {
	w    *bufio.Writer
	opts Options
	n    int
	buf  bytes.Buffer
	enc  convEncoder
}

// indented marshals v without HTML escaping, every line after the first
// starting with prefix.
func (j *jsonWriter) indented(v any, prefix string) ([]byte, error) {
	j.buf.Reset()
	enc := json.NewEncoder(&j.buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(j.buf.Bytes(), "\n"), nil
}

func (j *jsonWriter) Conversation(r *lint.Result) error {
	if j.n == 0 {
		j.w.WriteString("{\n  \"conversations\": [\n    ")
	} else {
		j.w.WriteString(",\n    ")
	}
	j.n++
	data, err := j.enc.encode(r)
	if err != nil {
		return err
	}
	_, err = j.w.Write(data)
	return err
}

func (j *jsonWriter) Close(s *lint.Summary) error {
	if j.n == 0 {
		j.w.WriteString("{\n  \"conversations\": [")
	} else {
		j.w.WriteString("\n  ")
	}
	j.w.WriteString("],\n")
	for _, part := range []struct {
		key string
		v   any
	}{{"agents", AgentsJSON(s)}, {"teams", TeamsJSON(s)}, {"errors", nil}, {"summary", SummaryJSON(s)}} {
		if part.key == "teams" && len(s.Teams()) == 0 {
			continue
		}
		fmt.Fprintf(j.w, "  %q: ", part.key)
		if part.key == "errors" {
			// as many as the input has lines: written one at a time
			if err := writeErrorsJSON(j.w, s.Errors, true, "  "); err != nil {
				return err
			}
		} else {
			data, err := j.indented(part.v, "  ")
			if err != nil {
				return err
			}
			j.w.Write(data)
		}
		if part.key != "summary" {
			j.w.WriteString(",")
		}
		j.w.WriteString("\n")
	}
	j.w.WriteString("}\n")
	return j.w.Flush()
}

// ConversationJSON converts one result to its JSON form. The json and
// jsonl writers do not go through it: they write the same bytes straight
// from the result (convEncoder, jsonenc.go), so a change to the JSON form
// here needs the same change there; TestConvEncoderMatchesEncodingJSON
// compares the two.
func ConversationJSON(r *lint.Result, opts Options) JSONConversation {
	c := r.Conversation
	jc := JSONConversation{
		ID: convID(c), File: lint.DecodedName(c.File), FileBytes: fileBytes(c.File), Agents: r.Agents, Messages: len(c.Messages),
		Score: r.Score, Grade: r.Grade, Findings: []JSONFinding{}, Notes: c.Notes,
	}
	if jc.Agents == nil {
		jc.Agents = []string{}
	}
	span := spanOf(c)
	jc.MessagesByRole = map[string]int{}
	for role := lint.Customer; role <= lint.System; role++ {
		jc.MessagesByRole[role.String()] = span.roles[role]
	}
	if !span.start.IsZero() {
		jc.Start, jc.End = formatTime(span.start, opts.Location), formatTime(span.end, opts.Location)
		d := span.seconds()
		jc.Duration = &d
	}
	if len(c.Messages) > 0 {
		jc.Line = firstLine(c)
	}
	for i := range r.Findings {
		jc.Findings = append(jc.Findings, FindingJSON(r, &r.Findings[i], opts))
	}
	for i := range r.Bonuses {
		jf := FindingJSON(r, &r.Bonuses[i], opts)
		jf.Add, jf.Deduct = jf.Deduct, 0
		jc.Bonuses = append(jc.Bonuses, jf)
	}
	for _, s := range r.Skipped {
		jc.Skipped = append(jc.Skipped, JSONSkip{Rule: s.Rule, Reason: s.Reason})
	}
	return jc
}

// fileBytes is a file's name for JSON's file_bytes: its bytes when they
// are not UTF-8 (a GBK name from a zip made on Chinese Windows), which
// "file" cannot hold (it shows the name as a person reads it), so that a
// program still finds the file; nil for a name in UTF-8 (no file_bytes).
func fileBytes(name string) []byte {
	if utf8.ValidString(name) {
		return nil
	}
	return []byte(name)
}

// convID is the conversation's id as JSON and CSV say it: shown as "file"
// shows a file's name (lint.DecodedName). An id that is not UTF-8 is made
// of one (a reader writes ids read from records in UTF-8): the name of a
// file without ids, or a canned library's reply, file:line.
func convID(c *lint.Conversation) string { return lint.DecodedName(c.ID) }

// FindingJSON converts one finding (or bonus) of a result.
func FindingJSON(r *lint.Result, f *lint.Finding, opts Options) JSONFinding {
	m := r.Message(f)
	return JSONFinding{
		Rule: f.Rule.ID, Type: f.Rule.Type, Severity: f.Rule.Severity.String(),
		File: lint.DecodedName(m.Pos.File), FileBytes: fileBytes(m.Pos.File), Line: m.Pos.Line, Time: formatTime(m.Time, opts.Location),
		Role: m.Role.String(), Sender: m.Sender, Agent: f.Agent, Text: m.Text,
		Match: f.Match, Column: f.Column, Suggestion: f.Suggestion,
		Deduct: f.Deduct, Fatal: f.Rule.Fatal, Message: f.Message, Source: f.Rule.Source,
	}
}

// span is what a conversation's messages say of it as a whole: the
// earliest and latest of their times (zero when none has one) and how
// many messages each role wrote.
type span struct {
	start, end time.Time
	roles      [lint.System + 1]int
}

// spanOf goes over the conversation's messages once. A conversation whose
// every message has a time is in time order (the grouper sorts it: see
// lint.Conversation.Timed), so its first and last times are its span and
// only the roles are counted.
func spanOf(c *lint.Conversation) span {
	var s span
	if ms := c.Messages; c.Timed && len(ms) > 0 {
		for i := range ms {
			if r := ms[i].Role; int(r) < len(s.roles) {
				s.roles[r]++
			}
		}
		s.start, s.end = ms[0].Time, ms[len(ms)-1].Time
		if !s.end.Before(s.start) { // (else not in order after all: see below)
			return s
		}
		s = span{}
	}
	for i := range c.Messages {
		m := &c.Messages[i]
		if int(m.Role) < len(s.roles) {
			s.roles[m.Role]++
		}
		if m.Time.IsZero() {
			continue
		}
		if s.start.IsZero() || m.Time.Before(s.start) {
			s.start = m.Time
		}
		if s.end.IsZero() || m.Time.After(s.end) {
			s.end = m.Time
		}
	}
	return s
}

// seconds is the time from the span's start to its end, in seconds.
func (s *span) seconds() float64 { return s.end.Sub(s.start).Seconds() }

// firstLine is the line of the conversation's first message in its first file.
func firstLine(c *lint.Conversation) int {
	line := 0
	for i := range c.Messages {
		m := &c.Messages[i]
		// (the lines first: messages mostly come in the order of their
		// lines, and then only the first one's file is compared)
		if (line == 0 || m.Pos.Line < line) && m.Pos.File == c.File {
			line = m.Pos.Line
		}
	}
	return line
}

// SummaryJSON converts the run summary.
func SummaryJSON(s *lint.Summary) JSONSummary {
	out := JSONSummary{
		Files: s.Files, Conversations: s.Conversations, Messages: s.Messages,
		Records: s.Records, Rejected: s.Rejected,
		SkippedRecords: s.SkippedRecords, SkippedReasons: s.SkippedReasons,
		EmptyTexts: s.EmptyTexts, Split: s.SplitConversations, UntypedBeforeType: s.UntypedBeforeType, LintedEarly: s.LintedEarly,
		Waived: s.Waived, UnusedWaivers: []JSONWaiver{}, Baselined: s.Filtered,
		Bonuses: s.Bonuses, Fatal: s.Fatal,
		Findings: s.Findings, FindingsWithoutAgent: s.Unattributed, Errors: s.Errors.Len(),
		MeanScore: s.MeanScore(), LowestScore: s.LowestScore(),
		BySeverity: severityMap(s.BySeverity), ByRule: s.ByRule, SkippedRules: s.SkippedRules, Grades: s.Grades,
	}
	if out.SkippedReasons == nil {
		out.SkippedReasons = map[string]int{}
	}
	out.SkippedRuleReasons = s.SkippedRuleReasons
	if out.SkippedRuleReasons == nil {
		out.SkippedRuleReasons = map[string]map[string]int{}
	}
	for _, w := range s.UnusedWaivers {
		out.UnusedWaivers = append(out.UnusedWaivers, JSONWaiver{File: lint.DecodedName(w.Pos.File), FileBytes: fileBytes(w.Pos.File), Line: w.Pos.Line, Rule: w.Rule, Reason: w.Reason, UnknownRule: w.UnknownRule, DidYouMean: w.Meant})
	}
	for _, e := range s.Unreadable {
		out.Unreadable = append(out.Unreadable, JSONUnreadable{File: lint.DecodedName(e.Pos.File), FileBytes: fileBytes(e.Pos.File), Line: stoppedAt(e), Error: e.Err})
	}
	return out
}

// stoppedAt is the line where the reading of an unreadable file stopped:
// its position's, else the line its reason starts with, as the readers
// word it ("line 812: the gzip-compressed data ends early", "line 3,
// column 9: unexpected end of JSON"); 0 for none (a file that could not
// be opened, or was refused whole). The reason keeps its words: the
// reports for people say the line in it.
func stoppedAt(e lint.RecordError) int {
	if e.Pos.Line > 0 {
		return e.Pos.Line
	}
	rest, ok := strings.CutPrefix(e.Err, "line ")
	if !ok {
		return 0
	}
	end := strings.IndexFunc(rest, func(r rune) bool { return r < '0' || r > '9' })
	if end <= 0 || rest[end] != ':' && rest[end] != ',' {
		return 0
	}
	n, err := strconv.Atoi(rest[:end])
	if err != nil {
		return 0
	}
	return n
}

// AgentsJSON converts the per-agent table.
func AgentsJSON(s *lint.Summary) []JSONAgent {
	out := []JSONAgent{}
	for _, a := range s.Agents() {
		out = append(out, statsJSON(a))
	}
	return out
}

// TeamsJSON converts the per-team table (empty without teams).
func TeamsJSON(s *lint.Summary) []JSONAgent {
	var out []JSONAgent
	for _, t := range s.Teams() {
		out = append(out, teamJSON(t))
	}
	return out
}

// teamJSON converts a team's stats.
func teamJSON(t *lint.AgentStats) JSONAgent {
	j := statsJSON(t)
	j.Team, j.Agent, j.Members = t.Agent, "", t.MemberList()
	return j
}

func statsJSON(a *lint.AgentStats) JSONAgent {
	return JSONAgent{
		Agent: a.Agent, Conversations: a.Conversations, MeanScore: a.MeanScore(),
		LowestScore: a.MinScore, Findings: a.Findings, Bonuses: a.Bonuses, BySeverity: severityMap(a.BySeverity),
		ByRule: a.ByRule, Grades: a.Grades,
	}
}

func severityMap(m map[lint.Severity]int) map[string]int {
	out := map[string]int{"error": 0, "warning": 0, "info": 0}
	for k, v := range m {
		out[k.String()] = v
	}
	return out
}
