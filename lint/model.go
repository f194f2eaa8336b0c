// Package lint holds the conversation model every chatlint package shares
// (messages, conversations, findings, results) and the engine that groups
// messages into conversations, runs the checks on them and scores them.
//
// Data flows one way: transcript readers produce Messages, the Engine groups
// them into Conversations, a Checker turns each into Findings, scoring makes a
// Result, and report writers print Results. Readers never see rules, checks
// never see files and writers never re-run checks.
package lint

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// Role is who wrote a message.
type Role uint8

// The roles of the transcript model.
const (
	RoleUnknown Role = iota
	Customer
	Agent
	Bot
	System
)

var roleNames = [...]string{"", "customer", "agent", "bot", "system"}

// String returns the canonical role name ("" for RoleUnknown).
func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return fmt.Sprintf("role(%d)", r)
}

// roleChinese are the roles' names in chatlint's Chinese output.
var roleChinese = [...]string{"", "顾客", "客服", "机器人", "系统"}

// Chinese returns the role's name in chatlint's Chinese output (the text
// and HTML reports, explain, rule descriptions): 顾客, 客服, 机器人, 系统;
// "" for RoleUnknown. The machine formats keep the canonical names.
func (r Role) Chinese() string {
	if int(r) < len(roleChinese) {
		return roleChinese[r]
	}
	return ""
}

// MarshalText writes the canonical role name.
func (r Role) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// ParseRole parses a canonical role name (case-insensitive).
func ParseRole(s string) (Role, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for i, n := range roleNames {
		if i > 0 && n == s {
			return Role(i), true
		}
	}
	return RoleUnknown, false
}

// RoleSet is a set of roles, used by the role filters of rules.
type RoleSet uint8

// AnyRole matches every known role.
const AnyRole RoleSet = 1<<Customer | 1<<Agent | 1<<Bot | 1<<System

// RolesOf builds a set from roles.
func RolesOf(roles ...Role) RoleSet {
	var s RoleSet
	for _, r := range roles {
		s |= 1 << r
	}
	return s
}

// Has reports whether r is in the set.
func (s RoleSet) Has(r Role) bool { return s&(1<<r) != 0 }

// String lists the roles of the set, comma-separated.
func (s RoleSet) String() string {
	if s == AnyRole {
		return "any"
	}
	var names []string
	for r := Customer; r <= System; r++ {
		if s.Has(r) {
			names = append(names, r.String())
		}
	}
	return strings.Join(names, ",")
}

// Severity ranks findings; the --fail-on gate compares against it.
type Severity uint8

// Severities from least to most serious. SeverityNone is only a gate value
// ("never fail on findings").
const (
	SeverityNone Severity = iota
	Info
	Warning
	Error
)

var severityNames = [...]string{"none", "info", "warning", "error"}

// String returns the severity name.
func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", s)
}

// MarshalText writes the severity name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeverity parses error, warning, info or none.
func ParseSeverity(s string) (Severity, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for i, n := range severityNames {
		if n == s {
			return Severity(i), true
		}
	}
	return SeverityNone, false
}

// Pos is where a record starts in its input: file and 1-based line.
type Pos struct {
	File string
	Line int
}

// StdinName is the file name of what is read from standard input (the
// path "-"): in findings, errors and reports, "<stdin>:12".
const StdinName = "<stdin>"

// SheetName is the file name of the positions of a workbook's worksheet
// read after its first chat sheet (whose positions are the workbook's):
// the workbook's name and the sheet's in brackets, day.xlsx[11月5日]
// (findings at day.xlsx[11月5日]:2). The name is remembered for
// SplitSheet, which then splits it whatever the workbook is named.
func SheetName(workbook, sheet string) string {
	name := workbook + "[" + sheet + "]"
	if _, ok := sheetsNamed.Load(name); !ok && sheetsRemembered.Add(1) <= maxSheetsRemembered {
		sheetsNamed.Store(name, len(workbook))
	}
	return name
}

// sheetsNamed holds the names SheetName made, each with the length of its
// workbook's name: a workbook read by its content under a name that does
// not say it is one (day.xls, a download without an extension) has its
// sheets split all the same. At most maxSheetsRemembered are kept (a
// process reading workbook after workbook, a fuzzer), sheetsRemembered
// counting them; past that, SplitSheet tells a name by its look alone.
var (
	sheetsNamed      sync.Map
	sheetsRemembered atomic.Int64
)

const maxSheetsRemembered = 1 << 16

// SplitSheet splits a SheetName into the workbook's name and the sheet's,
// for reports that name a file of the repository (SARIF's uri, GitHub's
// file=): sheet is "" for any other name. A name SheetName made is split
// as it was made; any other (a baseline's, a test's) when it names a
// workbook (.xlsx or .xlsm, gzipped or not, or standard input) and a sheet
// by what Excel allows in a sheet's name (no brackets, slashes, ?, * or :),
// so that a file whose name ends in brackets (log[1]) stays whole.
func SplitSheet(name string) (workbook, sheet string) {
	if !strings.HasSuffix(name, "]") {
		return name, ""
	}
	if n, ok := sheetsNamed.Load(name); ok {
		i := n.(int)
		return name[:i], name[i+1 : len(name)-1]
	}
	i := strings.LastIndexByte(name, '[')
	if i <= 0 || !strings.HasSuffix(name, "]") || i == len(name)-2 {
		return name, ""
	}
	workbook, sheet = name[:i], name[i+1:len(name)-1]
	if strings.ContainsAny(sheet, `[]/\?*:`) {
		return name, ""
	}
	if workbook == StdinName {
		return workbook, sheet
	}
	lower := strings.ToLower(strings.TrimSuffix(strings.ToLower(workbook), ".gz"))
	if !strings.HasSuffix(lower, ".xlsx") && !strings.HasSuffix(lower, ".xlsm") {
		return name, ""
	}
	return workbook, sheet
}

// String formats the position as file:line.
func (p Pos) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return p.File
}

// Message types with a meaning for the built-in rule types; any other string
// is allowed and kept as it is.
const (
	TypeText     = "text"
	TypeNote     = "note"
	TypeOrder    = "order"
	TypeTransfer = "transfer"
)

// Message is one chat message in the canonical transcript model.
type Message struct {
	Conversation string
	ID           string    // message id from the export, if any
	Time         time.Time // zero when the export carries no time
	Role         Role
	// Joined says the export may have joined several messages of the
	// sender into Text, with spaces, and does not say where they were
	// joined (JDDC writes a whole turn, all a speaker sent before the
	// other replied, as one line): rules that measure one message, such
	// as length, cannot take Text for one.
	Joined  bool
	TextRaw uint16 // see TextCol
	TextCol int32  // where Text is written on the line Pos.Line: see LineColumn
	// TextAstral is how many of the code points before Text on its line
	// (the first TextCol-1) lie beyond the Basic Multilingual Plane, which
	// UTF-16 writes as two units: see LineColumnUTF16.
	TextAstral int32
	// TimeToMinute says Time was written to the minute, without seconds
	// (2026/11/4 9:58, as Excel saves a column formatted h:mm): it is read
	// at :00, and the message was sent at some moment of that minute. The
	// timing rules decide only what such times prove. (It lies in the
	// padding after TextAstral: a Message is no larger for it.)
	TimeToMinute bool
	// TextRunes is how many characters Text has (utf8.RuneCountInString),
	// as the reader counted them reading it; 0 when it did not count them,
	// or they are over 65,535. It is Text's count only while TextCol > 0
	// (the text as written on its line): a text changed after it was read
	// (by --html) has TextCol -1, and the count of the text before. (In the
	// padding after TimeToMinute: a Message is no larger for it.)
	TextRunes uint16
	Sender    string
	Type      string // TypeText unless the export says otherwise
	Text      string
	Pos       Pos
	Seq       int // order in which the message was read, for stable sorting
	// Waivers are inline waivers in the source that suppress rules for this
	// message (a canned library's "# chatlint-disable-next-line RULE reason").
	Waivers []Waiver
}

// Waiver suppresses a rule for one message, deliberately, with a reason.
type Waiver struct {
	// Rule is a full rule id (pack/id), a rule id without its pack, or "*"
	// for every rule.
	Rule   string
	Reason string
	Pos    Pos
	// UnknownRule is set, on a waiver that waived nothing, when Rule names
	// no rule at all (of the active packs or a built-in one): a typo, most
	// likely. Meant lists the rules it plausibly means (none when none is
	// near).
	UnknownRule bool
	Meant       []string
}

// Covers reports whether the waiver applies to a rule.
func (w Waiver) Covers(rule *RuleInfo) bool {
	return w.Rule == "*" || w.Rule == rule.ID || w.Rule == rule.Name
}

// TextAllRaw is Message.TextRaw for a text written on its line as it is
// all through.
const TextAllRaw = math.MaxUint16

// LineColumn is the column of a finding's match on the file line Pos.Line
// (1-based, in code points); the reports that send an editor there (the
// text report's and JUnit's file:line:column, SARIF, GitHub annotations)
// count it in UTF-16 code units, LineColumnUTF16. 0 when there is none to
// give.
//
// The readers say where a message's text is written on its line:
// TextCol > 0 is the column it starts at, and the first TextRaw bytes of
// the text are written there as they are (TextAllRaw: all of them; an
// escape such as \n or \u4e0d, or a doubled quote, ends them); TextCol -1
// says the text is not on the line as it is; 0, that the reader does not
// say. So the match's column in the text moves along the line when it lies
// in the part written as it is; where the text is not on the line, there is
// none; where the reader does not say, it is the match's column in the text.
func (m *Message) LineColumn(f *Finding) int {
	raw := int(m.TextRaw)
	if m.TextRaw == TextAllRaw {
		raw = len(m.Text)
	}
	switch {
	case f.Column <= 0 || m.TextCol < 0:
		return 0
	case m.TextCol == 0:
		return f.Column
	case f.Start < 0 || f.End < f.Start || f.End > raw:
		return 0
	}
	return int(m.TextCol) + f.Column - 1
}

// LineColumnUTF16 is LineColumn counted in UTF-16 code units, as SARIF
// (its default columnKind), GitHub and the editors and viewers written in
// JavaScript count columns: a code point beyond the Basic Multilingual Plane
// (an emoji, a CJK Extension B character such as 𠮷) before the match, in
// the text or earlier on the line, takes two. 0 when LineColumn is.
func (m *Message) LineColumnUTF16(f *Finding) int {
	col := m.LineColumn(f)
	if col <= 0 {
		return 0
	}
	if m.TextCol > 0 {
		col += int(m.TextAstral)
	}
	if f.Start > 0 && f.Start <= len(m.Text) {
		col += Astral(m.Text[:f.Start])
	}
	return col
}

// Astral counts the code points of valid UTF-8 that lie beyond the Basic
// Multilingual Plane (their lead bytes, F0 to F4): those UTF-16 writes as
// two units.
func Astral[S ~string | ~[]byte](s S) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xF0 {
			n++
		}
	}
	return n
}

// UTF16Len is how many UTF-16 code units valid UTF-8 s takes.
func UTF16Len(s string) int { return utf8.RuneCountInString(s) + Astral(s) }

// Timed reports whether the message carries a time.
func (m *Message) Timed() bool { return !m.Time.IsZero() }

// NoteMinuteTimes is the note (Conversation.Notes) of a conversation
// some wait of which a timing rule could not decide, its times written to
// the minute (Message.TimeToMinute): the rule is counted as skipped for
// it, as for a conversation without times.
const NoteMinuteTimes = "times written to the minute: timing rules found only the waits the minutes prove; those they cannot tell are skipped"

// Conversation is an ordered list of messages sharing a conversation id.
type Conversation struct {
	ID       string
	File     string // file of the first message read
	Messages []Message
	// Timed is true when every message carries a time; timing rules are
	// skipped (and counted as skipped) for conversations that are not.
	Timed bool
	// Untyped is true when every message was read from a file that cannot
	// say a message's type (UntypedSink): rules expecting a note or an
	// order event are skipped for it.
	Untyped bool
	// waiverFree: no message has inline waivers (set by the grouper, and
	// only when so: false says nothing), so none need applying
	waiverFree bool
	// Seq orders conversations by first appearance in the input.
	Seq int
	// Notes are remarks the engine attaches (e.g. "no times: timing rules
	// skipped"). Conversations may share the slice (the notes of the parts
	// of conversations linted in parts are one slice): append to it, do
	// not change its elements in place.
	Notes []string
	// Part is 0 for a conversation linted whole; 1 for one linted before
	// the input ended (the memory budget), which later parts may continue;
	// 2 for such a later part.
	Part int
}

// Agents returns the distinct senders of agent messages, in order of first appearance.
func (c *Conversation) Agents() []string { return c.appendAgents(nil) }

// appendAgents appends the agents (Agents) to out, which must be empty.
func (c *Conversation) appendAgents(out []string) []string {
	var seen map[string]struct{} // once there are more than fewAgents
	last := ""
	ms := c.Messages
	for i := 0; i < len(ms); i++ {
		// (the messages that are no named agent's passed over in a loop of
		// their own: with the rest in the loop, the compiler kept its
		// variables in memory, 26 instructions a message)
		for ms[i].Role != Agent || ms[i].Sender == "" {
			if i++; i == len(ms) {
				return out
			}
		}
		m := &ms[i]
		if sameString(m.Sender, last) { // (interned: mostly one string)
			continue
		}
		last = m.Sender
		if seen == nil {
			// agents are few (one to three, mostly): a scan beats a set
			if slices.Contains(out, m.Sender) {
				continue
			}
			out = append(out, m.Sender)
			if len(out) > fewAgents {
				seen = make(map[string]struct{}, 2*len(out))
				for _, a := range out {
					seen[a] = struct{}{}
				}
			}
			continue
		}
		if _, ok := seen[m.Sender]; ok {
			continue
		}
		seen[m.Sender] = struct{}{}
		out = append(out, m.Sender)
	}
	return out
}

// fewAgents is the most agents Conversation.Agents and Summary.Add look up
// by a scan; past it they use a set (a conversation every message of which
// is from another agent has thousands).
const fewAgents = 8

// RuleInfo describes a compiled rule: what reports and scoring need to know.
type RuleInfo struct {
	ID          string // pack/id
	Pack        string
	Name        string // id within the pack
	Type        string // forbid, require, latency, followup, ...
	Severity    Severity
	Deduct      float64
	MaxDeduct   float64 // 0: no cap
	Description string
	Source      string // the rule's source citations, as its pack writes them
	// Cites is Source as a person reads it, for the reports meant to be
	// read (HTML, SARIF's help): the built-in packs' regulations named by
	// title instead of by their seed files (rules.ReadableSource); "" when
	// it is Source. See Citation.
	Cites string
	// Message is the rule's message template as written ("" for the default).
	Message string
	// Suggest maps phrases to their prescribed replacements.
	Suggest map[string]string
	File    string // pack file the rule was defined in
	Line    int
	// Builtin marks a rule of a built-in pack, embedded in chatlint: its
	// File (rules/NAME.yaml) is where the pack lies in chatlint's source,
	// not a file on the user's machine
	Builtin bool
	Roles   RoleSet
	// Fatal marks a 致命项: any finding scores the conversation 0.
	Fatal bool
	// Bonus marks a rule that earns points (Add each, at most MaxAdd per
	// conversation) instead of costing them; its hits are Result.Bonuses.
	Bonus  bool
	Add    float64
	MaxAdd float64
}

// Citation returns the rule's source citations as a person reads them:
// Cites, or Source where that is "".
func (r *RuleInfo) Citation() string {
	if r.Cites != "" {
		return r.Cites
	}
	return r.Source
}

// MaxFindingsPerMessage is the most findings a forbid or pii rule lists in
// one message: the last of them then says how many more there are, which
// are neither listed nor counted (lint --fix and --diff see them all).
const MaxFindingsPerMessage = 10

// Finding is one violation of one rule, pointing at the message that is its evidence.
type Finding struct {
	Rule *RuleInfo
	// Msg indexes the evidence message in Conversation.Messages.
	Msg int
	// Match is the matched text (as written in the message) for findings that
	// point at a phrase; Start and End are its byte offsets in the message text
	// and Column its 1-based character position.
	Match      string
	Start, End int
	Column     int
	Suggestion string
	Message    string
	// Agent is the agent the finding is held against: the sender of the
	// evidence message, or for evidence at a customer message the agent who
	// answered it (internal notes are no answer; else the conversation's
	// last agent before it). A bot's own finding is held against no agent.
	Agent string
	// Deduct is the points this finding costs after the rule's cap.
	Deduct float64
}

// Skip records that a rule could not be applied to a conversation, and why.
type Skip struct {
	Rule   string
	Reason string
}

// Result is a linted, scored conversation.
type Result struct {
	Conversation *Conversation
	Findings     []Finding
	// Bonuses are the good practice bonus rules found (each Finding's Deduct
	// is then the points it added, after the rule's cap).
	Bonuses []Finding
	Score   float64
	Grade   string
	Agents  []string
	Skipped []Skip
	// agents is room for Agents: a conversation mostly has one agent or
	// two (Engine.check)
	agents [2]string
	// findings is the memory of the findings the worker returned (from a
	// findingStash), which the engine reuses once the Result is written
	findings []Finding
}

// Message returns the evidence message of a finding.
func (r *Result) Message(f *Finding) *Message { return &r.Conversation.Messages[f.Msg] }

// RecordError is a malformed input record: reported, counted, and the run goes on.
type RecordError struct {
	Pos Pos
	// Col is the 1-based column, in characters, where the record starts
	// on the line Pos.Line, given where the line holds more than the
	// record: the elements of a JSON array written on one line (minified,
	// as APIs and jq -c write them) all start on line 1. 0: the line
	// alone says where the record is. Col16 is the same column in UTF-16
	// code units, as SARIF and GitHub count columns.
	Col, Col16 int
	Err        string
}

// Where is the record's position: file:line, or file:line:column when Col
// is set (day.json:1:5873).
func (e RecordError) Where() string {
	if e.Col > 0 && e.Pos.Line > 0 {
		return e.Pos.String() + ":" + strconv.Itoa(e.Col)
	}
	return e.Pos.String()
}

// Error formats the record error as file:line: message (file:line:column:
// message when Col is set).
func (e RecordError) Error() string { return e.Where() + ": " + e.Err }
