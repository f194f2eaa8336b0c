package report

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"math"
	"math/bits"
	"reflect"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/chatlint/chatlint/lint"
)

// convEncoder writes a conversation object straight from a lint.Result,
// byte for byte as encoding/json (with SetEscapeHTML(false)) writes
// ConversationJSON(r, opts): compact for the jsonl report, or indented as
// json.Encoder.SetIndent(prefix, "  ") indents it for the JSON report. It
// builds no JSONConversation and reuses its buffer, so a conversation costs
// no allocations once the buffer has grown. JSONConversation and
// JSONFinding stay the documented schema; the differential tests hold this
// encoder to them.
type convEncoder struct {
	opts Options
	// indent selects the indented form; prefix then starts every line
	// after the first, and each level of nesting adds two spaces.
	indent bool
	prefix string
	b      []byte
	err    error
	// rules caches the escaped strings of each rule seen (ruleSlots the
	// last ones looked up, by the rule's address), and file the last file
	// name escaped: both repeat in every finding. The pieces of a
	// finding cached for a rule (ruleStrings.head, tails) are written as
	// indent and prefix say: those must not change once the encoder has
	// written a finding. cached is the bytes of rules' tails; tailSlots
	// are tails last written, by their message string's address (see
	// messageTail).
	rules     map[*lint.RuleInfo]*ruleStrings
	ruleSlots [ruleSlotCount]*ruleStrings
	tailSlots [tailSlotCount]tailSlot
	cached    int
	file      string
	fileEsc   []byte
	// names are the escapes of names written (agents and senders), each
	// in the slot of its bytes' address (name): the readers intern
	// senders, so an agent's name is one string from conversation to
	// conversation
	names [nameSlotCount]nameEsc
	// notes are the escapes of conversation notes written, each in the
	// slot of its bytes' address (note)
	notes [noteSlotCount]stringEsc
	// frags are the constant pieces of a finding (built at the first one;
	// indent and prefix must not change after it), fileLine the escape
	// of findingFile, the last finding's file, followed by frags.line
	frags       *findingFrags
	findingFile string
	fileLine    []byte
	// grade is the last conversation grade escaped (a run has a few)
	grade    string
	gradeEsc []byte
	// textOf is the message whose text the last finding written in this
	// conversation quoted, at b[textAt:textEnd]: findings are in message
	// order, so the next finding often quotes the same text again (nil
	// when b holds none)
	textOf          *lint.Message
	textAt, textEnd int
	// textKept says the quoted text's escape is in textKeep, not in b: b
	// was spilled since it was written, and the next finding of the same
	// message must not escape a long text again.
	textKept bool
	textKeep []byte
	// floats caches the text of floats written (a run's scores and
	// deducts take a few values), by their bits
	floats [floatSlotCount]floatText
	// day is the date and zone of the last finding's time
	day rfc3339Day

	// spill, when set, takes the object in pieces: once b holds flushAt
	// bytes between two elements of an array, encode hands b to spill and
	// carries on in an empty buffer, so that a conversation with very many
	// findings (or agents) is never held whole; encode then returns only
	// the rest. A conversation of a few thousand findings of long messages
	// made a line of hundreds of megabytes. spill's error ends the
	// encoding and is returned by encode.
	spill func(p []byte) error
	// start is where the object starts in b (appendConv), until b is
	// spilled
	start int
}

// ruleStrings are a rule's strings as JSON, with the values they were
// escaped from (the cache is only used while they still match).
type ruleStrings struct {
	rule            *lint.RuleInfo
	id, typ, source string
	severity        lint.Severity
	idEsc, typEsc   []byte
	sevEsc, srcEsc  []byte
	// head is the start of a finding of the rule, up to its file: the
	// object's brace and its rule, type and severity members
	head []byte
	// tails holds the ends of findings of the rule by their message:
	// the message and source members and the closing brace (a rule's
	// messages take a few values, a few hundred in a run); message is
	// the last one written, tail its end
	tails   map[string][]byte
	message string
	tail    []byte
}

// maxCachedRules bounds convEncoder.rules (a run has a few hundred rules),
// maxRuleTails the tails of a rule, and maxCachedTails the bytes of all
// rules' tails.
const (
	maxCachedRules = 4096
	maxRuleTails   = 256
	maxCachedTails = 4 << 20
)

// ruleSlotBits sets the size of convEncoder.ruleSlots.
const (
	ruleSlotBits  = 6
	ruleSlotCount = 1 << ruleSlotBits
)

// findingDepth is the depth of a finding's members (in the indented form).
const findingDepth = 3

// rule returns the escaped strings of a rule.
func (e *convEncoder) rule(r *lint.RuleInfo) *ruleStrings {
	slot := &e.ruleSlots[uint64(uintptr(unsafe.Pointer(r)))*0x9E3779B97F4A7C15>>(64-ruleSlotBits)]
	rs := *slot
	if rs == nil || rs.rule != r {
		rs = e.rules[r]
	}
	if rs != nil && same(rs.id, r.ID) && same(rs.typ, r.Type) && same(rs.source, r.Source) && rs.severity == r.Severity {
		*slot = rs
		return rs
	}
	if e.rules == nil || len(e.rules) >= maxCachedRules {
		e.rules, e.ruleSlots, e.cached = map[*lint.RuleInfo]*ruleStrings{}, [ruleSlotCount]*ruleStrings{}, 0
	}
	rs = &ruleStrings{rule: r, id: r.ID, typ: r.Type, source: r.Source, severity: r.Severity}
	rs.idEsc = appendJSONString(nil, r.ID)
	rs.typEsc = appendJSONString(nil, r.Type)
	rs.sevEsc = appendJSONString(nil, r.Severity.String())
	rs.srcEsc = appendJSONString(nil, r.Source)
	// the head, written as finding writes it
	b := e.b
	e.b = make([]byte, 0, 48+len(rs.idEsc)+len(rs.typEsc)+len(rs.sevEsc)+len(e.prefix))
	e.b = append(e.b, '{')
	e.key(findingDepth, `"rule":`)
	e.b = append(e.b, rs.idEsc...)
	e.next(findingDepth, `"type":`)
	e.b = append(e.b, rs.typEsc...)
	e.next(findingDepth, `"severity":`)
	e.b = append(e.b, rs.sevEsc...)
	e.next(findingDepth, `"file":`)
	rs.head, e.b = e.b, b
	e.rules[r] = rs
	*slot = rs
	return rs
}

// same reports whether a == b, without a call when they are one string
// (a rule's strings are, from finding to finding).
func same(a, b string) bool {
	return len(a) == len(b) && (unsafe.StringData(a) == unsafe.StringData(b) || a == b)
}

// messageTail appends the end of a finding of rs's rule with the message
// msg: its message and source members and the closing brace, cached.
// Before the rule's map of tails it looks in tailSlots for the string msg
// itself (its bytes, by their address): the checks render a repeated
// message once, so its findings mostly share one string, which is found
// so without hashing it.
func (e *convEncoder) messageTail(rs *ruleStrings, msg string) {
	if msg == rs.message && rs.tail != nil {
		e.b = append(e.b, rs.tail...)
		return
	}
	p := unsafe.StringData(msg)
	slot := &e.tailSlots[uint64(uintptr(unsafe.Pointer(p)))*0x9E3779B97F4A7C15>>(64-tailSlotBits)]
	if slot.rs == rs && unsafe.StringData(slot.msg) == p && len(slot.msg) == len(msg) {
		rs.message, rs.tail = msg, slot.tail
		e.b = append(e.b, slot.tail...)
		return
	}
	t, ok := rs.tails[msg]
	if !ok {
		if len(rs.tails) >= maxRuleTails || e.cached > maxCachedTails {
			e.writeTail(rs, msg) // (not kept: no copy to make)
			return
		}
		b := e.b
		e.b = make([]byte, 0, 32+len(msg)+len(msg)/8+len(rs.srcEsc)+len(e.prefix))
		e.writeTail(rs, msg)
		t, e.b = e.b, b
		if rs.tails == nil {
			rs.tails = map[string][]byte{}
		}
		rs.tails[msg] = t
		e.cached += len(msg) + len(t)
	}
	rs.message, rs.tail = msg, t
	*slot = tailSlot{rs: rs, msg: msg, tail: t}
	e.b = append(e.b, t...)
}

// tailSlot is a finding's end cached for a message string (see
// messageTail): rs's tail for msg. (Holding msg keeps its bytes from being
// reused for another string while the slot names them.)
type tailSlot struct {
	rs   *ruleStrings
	msg  string
	tail []byte
}

// tailSlotBits sets the size of convEncoder.tailSlots.
const (
	tailSlotBits  = 8
	tailSlotCount = 1 << tailSlotBits
)

// writeTail writes the end of a finding (see messageTail).
func (e *convEncoder) writeTail(rs *ruleStrings, msg string) {
	e.next(findingDepth, `"message":`)
	e.b = appendJSONString(e.b, msg)
	e.next(findingDepth, `"source":`)
	e.b = append(e.b, rs.srcEsc...)
	e.newline(findingDepth - 1)
	e.b = append(e.b, '}')
}

// fileName appends a conversation's file name as a JSON string (and its
// file_bytes, for a name that is not UTF-8), reusing the last one's escape.
func (e *convEncoder) fileName(name string) {
	if name != e.file || e.fileEsc == nil {
		e.file, e.fileEsc = name, e.appendFile(e.fileEsc[:0], 1, name)
	}
	e.b = append(e.b, e.fileEsc...)
}

// appendFile appends to b the value of "file", a member of an object at
// depth, as ConversationJSON and FindingJSON write it: the name as a person
// reads it (lint.DecodedName), and, when it is not UTF-8, the member
// "file_bytes" with its bytes in base64 (see fileBytes).
func (e *convEncoder) appendFile(b []byte, depth int, name string) []byte {
	if utf8.ValidString(name) {
		return appendJSONString(b, name)
	}
	b = appendJSONString(b, lint.DecodedName(name))
	kept := e.b
	e.b = b
	e.next(depth, `"file_bytes":`)
	b = append(base64.StdEncoding.AppendEncode(append(e.b, '"'), []byte(name)), '"')
	e.b = kept
	return b
}

// encode returns r's conversation object (without a trailing newline) in
// a buffer that stays valid until the next call; with spill set, only what
// was not handed to spill (see convEncoder.spill). Like encoding/json it
// fails on a NaN or infinite score or deduct, with a
// *json.UnsupportedValueError, and then has handed nothing to spill.
func (e *convEncoder) encode(r *lint.Result) ([]byte, error) {
	e.b = e.b[:0]
	return e.appendConv(r)
}

// appendConv is encode, but appends the object to what e.b holds (the
// jsonl report's lines not yet written), which goes to spill with the
// object's first piece; it returns e.b, and on an error leaves what e.b
// held as it was unless spill had it.
func (e *convEncoder) appendConv(r *lint.Result) ([]byte, error) {
	e.err, e.textOf, e.textKept, e.start = nil, nil, false, len(e.b)
	if err := unsupportedFloat(r); err != nil {
		return nil, err
	}
	c := r.Conversation
	e.b = append(e.b, '{')
	e.key(1, `"id":`)
	e.b = appendJSONString(e.b, convID(c))
	e.next(1, `"file":`)
	e.fileName(c.File)
	line, span := lineAndSpan(c)
	e.next(1, `"line":`)
	e.b = appendInt(e.b, line)
	e.next(1, `"agents":`)
	if len(r.Agents) == 1 {
		// mostly so; the agent's findings name it again
		e.b = append(e.b, '[')
		e.newline(2)
		n := e.name(r.Agents[0])
		e.b = append(e.b, n.esc[:n.n]...)
		e.spillIfFull()
		e.newline(1)
		e.b = append(e.b, ']')
	} else {
		e.strings(1, r.Agents)
	}
	e.next(1, `"messages":`)
	e.b = appendInt(e.b, len(c.Messages))
	fr := e.frags
	if fr == nil {
		fr = e.newFrags()
	}
	for i, role := range rolesByName {
		e.b = append(e.b, fr.roles[i]...)
		e.b = appendInt(e.b, span.roles[role])
	}
	e.b = append(e.b, fr.start...)
	if !span.start.IsZero() {
		e.b = e.day.appendIn(e.b, span.start, e.opts.Location)
	}
	e.b = append(e.b, fr.end...)
	if !span.end.IsZero() {
		e.b = e.day.appendIn(e.b, span.end, e.opts.Location)
	}
	e.b = append(e.b, fr.duration...)
	if span.start.IsZero() {
		e.b = append(e.b, "null"...)
	} else {
		e.float(spanSeconds(&span))
	}
	e.b = append(e.b, fr.score...)
	e.float(r.Score)
	e.next(1, `"grade":`)
	if r.Grade != e.grade || e.gradeEsc == nil {
		e.grade, e.gradeEsc = r.Grade, appendJSONString(e.gradeEsc[:0], r.Grade)
	}
	e.b = append(e.b, e.gradeEsc...)
	e.next(1, `"findings":`)
	e.findings(r, r.Findings, false)
	if len(r.Bonuses) > 0 {
		e.next(1, `"bonuses":`)
		e.findings(r, r.Bonuses, true)
	}
	if len(r.Skipped) > 0 {
		e.next(1, `"skipped":`)
		e.b = append(e.b, '[')
		for i := range r.Skipped {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.newline(2)
			e.b = append(e.b, '{')
			e.key(3, `"rule":`)
			e.b = appendJSONString(e.b, r.Skipped[i].Rule)
			e.next(3, `"reason":`)
			e.b = appendJSONString(e.b, r.Skipped[i].Reason)
			e.newline(2)
			e.b = append(e.b, '}')
			e.spillIfFull()
		}
		e.newline(1)
		e.b = append(e.b, ']')
	}
	if len(c.Notes) > 0 {
		e.next(1, `"notes":`)
		e.noteStrings(c.Notes)
	}
	e.newline(0)
	e.b = append(e.b, '}')
	if cap(e.textKeep) > flushAt {
		// a long text's copy is not worth keeping for the next conversation
		e.textKeep = nil
	}
	if e.err != nil {
		return nil, e.err
	}
	return e.b, nil
}

// lineAndSpan is firstLine (0 without messages) and spanOf at once: for a
// conversation in time order (most), one pass over its messages counts
// the roles and finds the first line, where the two took a pass each
// (5 M instructions of 100 MB); for any other, it asks them.
func lineAndSpan(c *lint.Conversation) (line int, s span) {
	ms := c.Messages
	if !c.Timed || len(ms) == 0 {
		if len(ms) > 0 {
			line = firstLine(c)
		}
		return line, spanOf(c)
	}
	for i := range ms {
		m := &ms[i]
		if r := m.Role; int(r) < len(s.roles) {
			s.roles[r]++
		}
		if (line == 0 || m.Pos.Line < line) && m.Pos.File == c.File {
			line = m.Pos.Line
		}
	}
	s.start, s.end = ms[0].Time, ms[len(ms)-1].Time
	if s.end.Before(s.start) {
		return line, spanOf(c) // (not in order after all: see spanOf)
	}
	return line, s
}

// unsupportedFloat returns the error encoding/json fails with on r's
// first NaN or infinite score, deduct or bonus (in the order they are
// written), or nil. encode checks before it writes anything, so that a
// conversation it fails on leaves no piece of itself with spill.
func unsupportedFloat(r *lint.Result) error {
	// (f-f is 0 for a finite f, NaN for NaN and the infinities: the
	// common case takes one test per float, without a call)
	ok := r.Score-r.Score == 0
	for i := range r.Findings {
		ok = ok && r.Findings[i].Deduct-r.Findings[i].Deduct == 0
	}
	for i := range r.Bonuses {
		ok = ok && r.Bonuses[i].Deduct-r.Bonuses[i].Deduct == 0
	}
	if ok {
		return nil
	}
	bad := func(f float64) error {
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return &json.UnsupportedValueError{Value: reflect.ValueOf(f), Str: strconv.FormatFloat(f, 'g', -1, 64)}
		}
		return nil
	}
	if err := bad(r.Score); err != nil {
		return err
	}
	for _, fs := range [][]lint.Finding{r.Findings, r.Bonuses} {
		for i := range fs {
			if err := bad(fs[i].Deduct); err != nil {
				return err
			}
		}
	}
	return nil
}

// spillIfFull hands b to spill once it holds flushAt bytes of the object
// (see convEncoder.spill). It is called between the elements of arrays,
// which are what grows without bound.
func (e *convEncoder) spillIfFull() {
	if e.spill == nil || len(e.b)-e.start < flushAt || e.err != nil {
		return
	}
	if e.textOf != nil && !e.textKept {
		e.textKeep = append(e.textKeep[:0], e.b[e.textAt:e.textEnd]...)
		e.textKept = true
	}
	e.err = e.spill(e.b)
	e.b, e.start = e.b[:0], 0
}

// findings writes the findings (or, with bonus, the bonuses, whose points
// go to "add" and whose "deduct" is 0) as an array at depth 1; never null.
func (e *convEncoder) findings(r *lint.Result, fs []lint.Finding, bonus bool) {
	if len(fs) == 0 {
		e.b = append(e.b, "[]"...)
		return
	}
	e.b = append(e.b, '[')
	for i := range fs {
		if e.err != nil {
			return // the object is given up; do not write the rest
		}
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.newline(2)
		e.finding(r, &fs[i], bonus)
		e.spillIfFull()
	}
	e.newline(1)
	e.b = append(e.b, ']')
}

// finding writes one JSONFinding object at depth 2.
func (e *convEncoder) finding(r *lint.Result, f *lint.Finding, bonus bool) {
	fr := e.frags
	if fr == nil {
		fr = e.newFrags()
	}
	m := r.Message(f)
	rs := e.rule(f.Rule)
	e.b = append(e.b, rs.head...)
	if m.Pos.File != e.findingFile || e.fileLine == nil {
		e.findingFile = m.Pos.File
		e.fileLine = append(e.appendFile(e.fileLine[:0], findingDepth, m.Pos.File), fr.line...)
	}
	e.b = append(e.b, e.fileLine...)
	e.b = appendInt(e.b, m.Pos.Line)
	e.b = append(e.b, fr.time...)
	if !m.Time.IsZero() {
		e.b = e.day.appendIn(e.b, m.Time, e.opts.Location)
	}
	if int(m.Role) < len(fr.role) {
		// the time's closing quote, the role and the sender's key
		e.b = append(e.b, fr.role[m.Role]...)
	} else {
		e.b = append(e.b, '"')
		e.next(findingDepth, `"role":`)
		e.b = appendJSONString(e.b, m.Role.String())
		e.next(findingDepth, `"sender":`)
	}
	n := e.name(m.Sender)
	if !n.pair {
		// the sender's escape, then the agent's key, the sender again
		// (as the agent, mostly so: an agent's own message) and the
		// text's key
		n.esc = append(n.esc[:n.n], fr.agent...)
		n.esc = append(n.esc, n.esc[:n.n]...)
		n.esc = append(n.esc, fr.text...)
		n.pair = true
	}
	if f.Agent == m.Sender {
		e.b = append(e.b, n.esc...)
	} else {
		e.b = append(e.b, n.esc[:n.n+len(fr.agent)]...)
		e.b = appendJSONString(e.b, f.Agent)
		e.b = append(e.b, fr.text...)
	}
	switch {
	case e.textOf == m && e.textKept:
		e.b = append(e.b, e.textKeep...)
	case e.textOf == m:
		e.b = append(e.b, e.b[e.textAt:e.textEnd]...)
	default:
		e.textOf, e.textAt, e.textKept = m, len(e.b), false
		e.b = appendJSONString(e.b, m.Text)
		e.textEnd = len(e.b)
	}
	if f.Match == "" && f.Column == 0 && f.Suggestion == "" {
		// mostly so (findings that point at no phrase)
		e.b = append(e.b, fr.noMatch...)
	} else {
		e.b = append(e.b, fr.match...)
		e.b = appendMaybeEmpty(e.b, f.Match)
		e.b = append(e.b, fr.column...)
		e.b = appendInt(e.b, f.Column)
		e.b = append(e.b, fr.suggestion...)
		e.b = appendMaybeEmpty(e.b, f.Suggestion)
		e.b = append(e.b, fr.deduct...)
	}
	deduct, add := f.Deduct, 0.0
	if bonus {
		deduct, add = 0, f.Deduct
	}
	e.float(deduct)
	if add != 0 { // omitempty; NaN is not empty
		e.next(findingDepth, `"add":`)
		e.float(add)
	}
	if f.Rule.Fatal {
		e.next(findingDepth, `"fatal":`)
		e.b = append(e.b, "true"...)
	}
	e.messageTail(rs, f.Message)
}

// nameEsc is a name and its escape, esc[:n]; with pair, esc goes on with
// the agent's key, the escape again and the text's key (the members of a
// finding from its sender to its text, when the sender is the agent).
type nameEsc struct {
	s    string
	esc  []byte
	n    int
	pair bool
}

// name returns the escape of s, from its slot of e.names or escaped into
// it. (The slots were two, the last two names: a run's findings name a
// new customer in most conversations, and each pushed the agents out.)
func (e *convEncoder) name(s string) *nameEsc {
	n := &e.names[uint64(uintptr(unsafe.Pointer(unsafe.StringData(s))))*0x9E3779B97F4A7C15>>(64-nameSlotBits)]
	if n.esc != nil && same(n.s, s) {
		return n
	}
	n.s, n.esc, n.pair = s, appendJSONString(n.esc[:0], s), false
	n.n = len(n.esc)
	return n
}

// stringEsc is a string and its escape.
type stringEsc struct {
	s   string
	esc []byte
}

// note returns the escape of the conversation note s, from its slot of
// e.notes or escaped into it. A run's notes are a few sentences
// (lint.NoteUntimed, the memory budget's parts: constants, one string in
// every conversation), of 100 to 150 bytes: escaped anew, the one of the
// conversations linted before the input ended took 820 instructions in
// each of 25,700 conversations of 100 MB.
func (e *convEncoder) note(s string) []byte {
	n := &e.notes[uint64(uintptr(unsafe.Pointer(unsafe.StringData(s))))*0x9E3779B97F4A7C15>>(64-noteSlotBits)]
	if n.esc == nil || !same(n.s, s) {
		n.s, n.esc = s, appendJSONString(n.esc[:0], s)
	}
	return n.esc
}

// noteStrings writes a conversation's notes (not empty) as strings does
// at depth 1, with their escapes from note.
func (e *convEncoder) noteStrings(notes []string) {
	e.b = append(e.b, '[')
	for i, s := range notes {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.newline(2)
		e.b = append(e.b, e.note(s)...)
		e.spillIfFull()
	}
	e.newline(1)
	e.b = append(e.b, ']')
}

// noteSlotBits sets the size of convEncoder.notes.
const (
	noteSlotBits  = 2
	noteSlotCount = 1 << noteSlotBits
)

// nameSlotBits sets the size of convEncoder.names.
const (
	nameSlotBits  = 7
	nameSlotCount = 1 << nameSlotBits
)

// findingFrags are the constant pieces between the values of a finding,
// and of a conversation's span and score, written as indent and prefix say (see convEncoder.frags): each from the
// end of one value to the start of the next, keys, separators and
// indentation together.
type findingFrags struct {
	// line follows the file, time the line (with the time's opening
	// quote); role[r] closes the time and holds the role r and the
	// sender's key; agent and text follow the sender and the agent
	line, time string
	role       [len(roleJSON)]string
	agent      string
	text       string
	// match, column, suggestion and deduct follow the text, the match,
	// the column and the suggestion; noMatch is them all with an empty
	// match and suggestion and a column of 0
	match, column, suggestion, deduct string
	noMatch                           string
	// roles[i] goes before the count of rolesByName[i] in a
	// conversation's messages_by_role (the first opens it); start closes
	// it and opens the start time's string, end closes that and opens the
	// end time's, duration closes that, and score follows the duration
	roles                       [len(rolesByName)]string
	start, end, duration, score string
}

// newFrags builds e.frags from e.indent and e.prefix.
func (e *convEncoder) newFrags() *findingFrags {
	const d = findingDepth
	b := e.b
	fr := &findingFrags{}
	piece := func(f func()) string {
		e.b = e.b[:0]
		f()
		return string(e.b)
	}
	e.b = nil
	fr.line = piece(func() { e.next(d, `"line":`) })
	fr.time = piece(func() { e.next(d, `"time":`); e.b = append(e.b, '"') })
	for r := range fr.role {
		fr.role[r] = piece(func() {
			e.b = append(e.b, '"')
			e.next(d, `"role":`)
			e.b = append(e.b, roleJSON[r]...)
			e.next(d, `"sender":`)
		})
	}
	fr.agent = piece(func() { e.next(d, `"agent":`) })
	fr.text = piece(func() { e.next(d, `"text":`) })
	fr.match = piece(func() { e.next(d, `"match":`) })
	fr.column = piece(func() { e.next(d, `"column":`) })
	fr.suggestion = piece(func() { e.next(d, `"suggestion":`) })
	fr.deduct = piece(func() { e.next(d, `"deduct":`) })
	fr.noMatch = fr.match + `""` + fr.column + "0" + fr.suggestion + `""` + fr.deduct
	for i, role := range rolesByName {
		fr.roles[i] = piece(func() {
			if i == 0 {
				e.next(1, `"messages_by_role":`)
				e.b = append(e.b, '{')
				e.key(2, roleKeys[role])
			} else {
				e.next(2, roleKeys[role])
			}
		})
	}
	fr.start = piece(func() { e.newline(1); e.b = append(e.b, '}'); e.next(1, `"start_time":`); e.b = append(e.b, '"') })
	fr.end = piece(func() { e.b = append(e.b, '"'); e.next(1, `"end_time":`); e.b = append(e.b, '"') })
	fr.duration = piece(func() { e.b = append(e.b, '"'); e.next(1, `"duration_seconds":`) })
	fr.score = piece(func() { e.next(1, `"score":`) })
	e.b, e.frags = b, fr
	return fr
}

// roleJSON holds the roles' names as JSON strings, by Role.
var roleJSON = func() (t [lint.System + 1]string) {
	for r := range t {
		t[r] = string(appendJSONString(nil, lint.Role(r).String()))
	}
	return t
}()

// rolesByName are the roles of messages_by_role in the order encoding/json
// writes a map's keys (sorted), and roleKeys their keys with the colon.
var (
	rolesByName = [...]lint.Role{lint.Agent, lint.Bot, lint.Customer, lint.System}
	roleKeys    = func() (t [lint.System + 1]string) {
		for r := range t {
			t[r] = roleJSON[r] + ":"
		}
		return t
	}()
)

// strings writes a string array at depth; nil is written as [].
func (e *convEncoder) strings(depth int, ss []string) {
	if len(ss) == 0 {
		e.b = append(e.b, "[]"...)
		return
	}
	e.b = append(e.b, '[')
	for i, s := range ss {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.newline(depth + 1)
		e.b = appendJSONString(e.b, s)
		e.spillIfFull()
	}
	e.newline(depth)
	e.b = append(e.b, ']')
}

// key starts an object's first member at depth: key is the quoted name
// with its colon.
func (e *convEncoder) key(depth int, key string) {
	e.newline(depth)
	e.b = append(e.b, key...)
	if e.indent {
		e.b = append(e.b, ' ')
	}
}

// next starts an object's next member.
func (e *convEncoder) next(depth int, key string) {
	e.b = append(e.b, ',')
	e.key(depth, key)
}

// newline breaks the line and indents to depth (indented form only).
func (e *convEncoder) newline(depth int) {
	if !e.indent {
		return
	}
	e.b = append(e.b, '\n')
	e.b = append(e.b, e.prefix...)
	for range depth {
		e.b = append(e.b, ' ', ' ')
	}
}

// appendRFC3339 appends t as t.AppendFormat(b, time.RFC3339) does, in a
// tenth of the instructions (AppendFormat walks the layout, and looks the
// zone up for the date, the clock and the offset each): every finding
// has a time.
func appendRFC3339(b []byte, t time.Time) []byte {
	var d rfc3339Day
	return d.append(b, t)
}

// rfc3339Day holds the text of the date and the zone offset of the last
// time written (rfc3339Day.append): the times of findings written one
// after the other are mostly of one day, and of one zone. appendIn also
// keeps the span of time over which its zone has the offset it found.
type rfc3339Day struct {
	days  int64 // days since 1970-01-01 of the local clock
	off   int   // the zone's offset, in seconds
	set   bool
	zoneN uint8
	// text is the date (YYYY-MM-DDT), a clock to be overwritten and the
	// zone (Z or ±hh:mm, zoneN bytes)
	text [32]byte
	// loc had the offset zoneOff from the Unix time lo up to hi (lo
	// included) the last time appendIn looked it up
	loc     *time.Location
	lo, hi  int64
	zoneOff int
}

// append appends t as t.AppendFormat(b, time.RFC3339) does (see
// appendRFC3339), reusing the text of the date and the offset when they
// are those of the last time written.
func (d *rfc3339Day) append(b []byte, t time.Time) []byte {
	_, off := t.Zone()
	if b, ok := d.appendLocal(b, t.Unix(), off); ok {
		return b
	}
	return t.AppendFormat(b, time.RFC3339)
}

// appendIn appends t in loc as t.In(loc).AppendFormat(b, time.RFC3339)
// does: as append does, but without Time.In and Time.Zone while t is in
// the span of loc's zone of the last time written (a zone's offset holds
// from one change of the clocks to the next, as ZoneBounds tells).
func (d *rfc3339Day) appendIn(b []byte, t time.Time, loc *time.Location) []byte {
	u := t.Unix()
	if loc != d.loc || u < d.lo || u >= d.hi {
		tl := t.In(loc) // (panics on a nil loc, as formatTime)
		_, off := tl.Zone()
		start, end := tl.ZoneBounds()
		d.loc, d.zoneOff, d.lo, d.hi = loc, off, math.MinInt64, math.MaxInt64
		if !start.IsZero() {
			d.lo = start.Unix()
		}
		if !end.IsZero() {
			d.hi = end.Unix()
		}
	}
	if b, ok := d.appendLocal(b, u, d.zoneOff); ok {
		return b
	}
	return t.In(loc).AppendFormat(b, time.RFC3339)
}

// appendLocal appends the time of Unix seconds u in the zone of offset
// off; it reports false (and appends nothing) for a time AppendFormat
// writes otherwise (see reset).
func (d *rfc3339Day) appendLocal(b []byte, u int64, off int) ([]byte, bool) {
	u += int64(off) // seconds of the local clock since 1970
	days, secs := u/86400, u%86400
	if secs < 0 {
		days, secs = days-1, secs+86400
	}
	if !d.set || days != d.days || off != d.off {
		if !d.reset(days, off) {
			return b, false
		}
	}
	hms := uint32(secs)
	n := len(b)
	if cap(b)-n < len(d.text) {
		b = slices.Grow(b, len(d.text))
	}
	// the whole text in one store, then the clock over it
	p := (*[len(d.text)]byte)(b[n : n+len(d.text)])
	*p = d.text
	put2(p[11:], uint64(hms/3600))
	put2(p[14:], uint64(hms/60%60))
	put2(p[17:], uint64(hms%60))
	return b[:n+19+int(d.zoneN)], true
}

// reset sets d to the date of a day number and a zone offset; it reports
// false (and leaves d unset) for a date or an offset that AppendFormat
// writes otherwise: years outside 0000 to 9999, offsets of 100 hours or
// more.
func (d *rfc3339Day) reset(days int64, off int) bool {
	d.set = false
	// the civil date of a day number (Howard Hinnant's civil_from_days),
	// from 0000-03-01 to 9999-12-31; other dates as AppendFormat writes
	// them
	if days < -719468 || days > 2932896 {
		return false
	}
	z := uint64(days + 719468) // days since 0000-03-01
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	month, year := mp+3, yoe+era*400
	if mp >= 10 {
		month, year = mp-9, year+1
	}
	if off == 0 {
		d.text[19+0], d.zoneN = 'Z', 1
	} else {
		d.text[19+0] = '+'
		zone := off / 60 // minutes, as AppendFormat: the seconds are dropped
		if zone < 0 {
			d.text[19+0], zone = '-', -zone
		}
		if zone/60 >= 100 {
			return false // not two digits of hours
		}
		put2(d.text[19+1:], uint64(zone/60))
		d.text[19+3] = ':'
		put2(d.text[19+4:], uint64(zone%60))
		d.zoneN = 6
	}
	put2(d.text[0:], year/100)
	put2(d.text[2:], year%100)
	d.text[4] = '-'
	put2(d.text[5:], month)
	d.text[7] = '-'
	put2(d.text[8:], day)
	d.text[10] = 'T'
	d.text[13], d.text[16] = ':', ':'
	d.days, d.off, d.set = days, off, true
	return true
}

// digits2 holds the two decimal digits of 0 to 99.
const digits2 = "00010203040506070809101112131415161718192021222324252627282930313233343536373839" +
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879" +
	"8081828384858687888990919293949596979899"

// appendInt appends n in decimal as strconv.AppendInt(b, int64(n), 10)
// does: a line, a column or a count, which every finding has (two of
// them). Below 10^8, where AppendInt's division loop and call cost three
// times as much, the eight digits of n are worked out side by side, two
// at a time (digitPairs), and stored at once, less the leading zeros.
func appendInt(b []byte, n int) []byte {
	if uint(n) < 10 {
		return append(b, byte('0'+n))
	}
	if uint(n) < 100 {
		return append(b, digits2[2*n], digits2[2*n+1])
	}
	if n < 0 || n >= 1e8 {
		return strconv.AppendInt(b, int64(n), 10)
	}
	u := uint64(n)
	hi, lo := u/10000, u%10000
	// the digits, the first in the lowest byte; n has at least three, so
	// the leading zeros are at most five bytes
	x := uint64(digitPairs[hi/100]) | uint64(digitPairs[hi%100])<<16 |
		uint64(digitPairs[lo/100])<<32 | uint64(digitPairs[lo%100])<<48
	z := bits.TrailingZeros64(x^('0'*lo8)) >> 3
	b = binary.LittleEndian.AppendUint64(b, x>>(8*z))
	return b[:len(b)-z]
}

// digitPairs holds the two decimal digits of 0 to 99, the first in the
// lower byte.
var digitPairs = func() (t [100]uint16) {
	for v := range t {
		t[v] = uint16(digits2[2*v]) | uint16(digits2[2*v+1])<<8
	}
	return t
}()

// put2 writes the two decimal digits of v (below 100) to b.
func put2(b []byte, v uint64) {
	_ = b[1]
	b[0], b[1] = digits2[2*v], digits2[2*v+1]
}

// float writes a float64 as encoding/json does: like ES6, 'f' format
// unless the magnitude is below 1e-6 or from 1e21 up, then 'e' format with
// the exponent unpadded. NaN and infinities are an error, as there.
func (e *convEncoder) float(f float64) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		if e.err == nil {
			e.err = &json.UnsupportedValueError{Value: reflect.ValueOf(f), Str: strconv.FormatFloat(f, 'g', -1, 64)}
		}
		e.b = append(e.b, '0')
		return
	}
	bits := math.Float64bits(f)
	if n := int(f); float64(n) == f && uint(n) < 1e8 && (n != 0 || bits == 0) {
		// a whole number (not -0) that appendJSONFloat writes as its
		// digits: most scores, and durations in whole seconds, which
		// would push the deducts out of the cache
		e.b = appendInt(e.b, n)
		return
	}
	ft := &e.floats[bits*0x9E3779B97F4A7C15>>(64-floatSlotBits)]
	if ft.n > 0 && ft.bits == bits {
		e.b = append(e.b, ft.text[:ft.n]...)
		return
	}
	start := len(e.b)
	e.b = appendJSONFloat(e.b, f)
	if n := len(e.b) - start; n <= len(ft.text) {
		ft.bits, ft.n = bits, uint8(n)
		copy(ft.text[:], e.b[start:])
	}
}

// spanSeconds is s.seconds(), without Time.Sub's test for an overflow
// (an Add and an Equal) when the start carries no monotonic clock
// reading (a transcript's times never do; Sub reads the monotonic clock
// only when both times carry one) and the times lie less than 2^32
// seconds apart, where the nanoseconds between them cannot overflow: the
// same duration, at every conversation of a report.
func spanSeconds(s *span) float64 {
	if d := s.end.Unix() - s.start.Unix(); d > -1<<32 && d < 1<<32 && s.start == s.start.Round(0) {
		return time.Duration(d*1e9 + int64(s.end.Nanosecond()-s.start.Nanosecond())).Seconds()
	}
	return s.seconds()
}

// floatText is a float's bits and its text, n bytes (none: not set).
type floatText struct {
	bits uint64
	n    uint8
	text [23]byte
}

// floatSlotBits sets the size of convEncoder.floats.
const (
	floatSlotBits  = 5
	floatSlotCount = 1 << floatSlotBits
)

// appendJSONFloat appends f (finite) in encoding/json's float64 format.
func appendJSONFloat(b []byte, f float64) []byte {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 && (f != 0 || !math.Signbit(f)) {
		// an integral value well inside int64, not -0: its decimal digits
		return strconv.AppendInt(b, int64(f), 10)
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const lowerHex = "0123456789abcdef"

// Eight bytes at a time: lo8 and hi8 pick each byte's low and high bit.
const (
	lo8 = 0x0101010101010101
	hi8 = 0x8080808080808080
)

// jsonStop8 returns a word whose lowest set bit is the high bit of the
// first of the eight bytes of x (one per byte, the first lowest) that is
// not ASCII written as it is: a byte from 0x80 up, a control character,
// '"' or '\\'; 0 when there is none. (A borrow may set the bits of bytes
// after the first: only the lowest is exact.)
func jsonStop8(x uint64) uint64 {
	q := x ^ ('"' * lo8)  // a zero byte where x has '"'
	b := x ^ ('\\' * lo8) // a zero byte where x has '\\'
	return (x | (x-0x20*lo8)&^x | (q-lo8)&^q | (b-lo8)&^b) & hi8
}

// appendJSONString appends s as a JSON string exactly as encoding/json
// writes it with HTML escaping off: \", \\, \b, \f, \n, \r, \t, \u00XX for
// the other control characters, \u2028 and \u2029, and \ufffd for each
// byte that does not start a valid UTF-8 sequence; everything else as it
// is. It goes eight bytes at a time through ASCII and a rune at a time
// through the rest, validating UTF-8 as it goes.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			// the ASCII before the next byte to stop at (or the end), up to
			// eight bytes at once; the last eight bytes of s, shifted
			// down, for fewer than eight left (the zeros shifted in are
			// stops)
			var x uint64
			switch {
			case i+8 <= len(s):
				w := s[i : i+8]
				x = uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
					uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
			case len(s) >= 8:
				w := s[len(s)-8:]
				x = (uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
					uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56) >> (8 * (i + 8 - len(s)))
			default:
				x = uint64(b) // (the byte alone, then stops)
			}
			if stop := jsonStop8(x); stop == 0 {
				i += 8
				continue
			} else if k := bits.TrailingZeros64(stop) >> 3; k > 0 {
				i += k
				continue
			}
			// b itself needs escaping
			dst = append(dst, s[start:i]...)
			dst = appendEscapedASCII(dst, b)
			i++
			start = i
			continue
		}
		// a multi-byte sequence; ranges as in unicode/utf8's acceptRanges
		size := 0
		switch {
		case b >= 0xE0 && b < 0xF0: // most of CJK
			if j := skipCommon3(s, i); j > i {
				i = j
				continue
			}
			if i+2 < len(s) {
				c1, c2 := s[i+1], s[i+2]
				if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 && (b != 0xE0 || c1 >= 0xA0) && (b != 0xED || c1 < 0xA0) {
					if b == 0xE2 && c1 == 0x80 && c2&^1 == 0xA8 {
						// U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
						dst = append(dst, s[start:i]...)
						dst = append(dst, '\\', 'u', '2', '0', '2', lowerHex[c2&1+8])
						i += 3
						start = i
						continue
					}
					i += 3
					continue
				}
			}
		case b < 0xC2:
		case b < 0xE0:
			if i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
				size = 2
			}
		case b < 0xF5:
			if i+3 < len(s) && s[i+2]&0xC0 == 0x80 && s[i+3]&0xC0 == 0x80 {
				c1 := s[i+1]
				lo, hi := byte(0x80), byte(0xBF)
				if b == 0xF0 {
					lo = 0x90
				} else if b == 0xF4 {
					hi = 0x8F
				}
				if lo <= c1 && c1 <= hi {
					size = 4
				}
			}
		}
		if size == 0 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// skipCommon3 returns the end of the run of three-byte runes at s[i:]
// that need no escaping and no range checks beyond their bit pattern: lead
// bytes E1, E3 to EC, EE and EF (not E0, whose second byte must be A0 up,
// ED, whose second byte must be below A0, or E2, which has U+2028 and
// U+2029). That covers the CJK blocks and full-width punctuation.
//
// It goes eight runes (24 bytes) at a time while it can, then four
// (twelve bytes): one test of the bit patterns of the twelve bytes, as a
// word of eight and one of four, and one of the four lead bytes' low
// nibbles against leads; then a rune at a time.
func skipCommon3(s string, i int) int {
	const leads = 0xFFFF &^ (1<<0x0 | 1<<0x2 | 1<<0xD)
	// byte k of the eight (the four) is a lead byte where k%3 == 0 (where
	// (k+8)%3 == 0): its high nibble must be E, else its top bits 10
	const (
		mask8 = 0xC0F0C0C0F0C0C0F0
		want8 = 0x80E08080E08080E0
		mask4 = 0xC0C0F0C0
		want4 = 0x8080E080
	)
	// eight runes (24 bytes, three words) at a time, as the JSONL scanner's
	// hanRun reads them: the bit patterns of the 24 bytes, then the leads'
	// low nibbles gathered into one word, a byte each, none 0, 2 or 0xD
	// (a byte of 0 to 0xF less one borrows, and sets its high bit, only
	// when it is 0)
	for i+24 <= len(s) {
		w := s[i : i+24]
		x0 := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		x1 := uint64(w[8]) | uint64(w[9])<<8 | uint64(w[10])<<16 | uint64(w[11])<<24 |
			uint64(w[12])<<32 | uint64(w[13])<<40 | uint64(w[14])<<48 | uint64(w[15])<<56
		x2 := uint64(w[16]) | uint64(w[17])<<8 | uint64(w[18])<<16 | uint64(w[19])<<24 |
			uint64(w[20])<<32 | uint64(w[21])<<40 | uint64(w[22])<<48 | uint64(w[23])<<56
		m0 := x0&0xC0F0C0C0F0C0C0F0 ^ 0x80E08080E08080E0
		m1 := x1&0xF0C0C0F0C0C0F0C0 ^ 0xE08080E08080E080
		m2 := x2&0xC0C0F0C0C0F0C0C0 ^ 0x8080E08080E08080
		l := x0&0x000F00000F00000F | x1&0x0F00000F00000F00 | x2&0x00000F00000F0000
		if m0|m1|m2 == 0 {
			if ((l-lo8)|((l^0x02*lo8)-lo8)|((l^0x0D*lo8)-lo8))&hi8 != 0 {
				break
			}
			i += 24
			continue
		}
		// a byte out of the pattern: the run ends at its rune, r runes
		// on, if their leads are good (the other leads are set to 1, a
		// good one: a bad lead's borrow would spoil the next byte)
		p := 16 + bits.TrailingZeros64(m2)>>3
		if m0 != 0 {
			p = bits.TrailingZeros64(m0) >> 3
		} else if m1 != 0 {
			p = 8 + bits.TrailingZeros64(m1)>>3
		}
		r := p / 3
		l = l&leadKeep[r] | lo8&^leadKeep[r]
		if ((l-lo8)|((l^0x02*lo8)-lo8)|((l^0x0D*lo8)-lo8))&hi8 != 0 {
			break
		}
		return i + 3*r
	}
	for i+12 <= len(s) {
		w := s[i : i+12]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		y := uint32(w[8]) | uint32(w[9])<<8 | uint32(w[10])<<16 | uint32(w[11])<<24
		if x&mask8 != want8 || y&mask4 != want4 ||
			leads>>(w[0]&0xF)&(leads>>(w[3]&0xF))&(leads>>(w[6]&0xF))&(leads>>(w[9]&0xF))&1 == 0 {
			break
		}
		i += 12
	}
	for i+3 <= len(s) {
		w := s[i : i+3]
		x := uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16
		if x&0xC0C0F0 != 0x8080E0 || leads>>(w[0]&0xF)&1 == 0 {
			break
		}
		i += 3
	}
	return i
}

// leadKeep[r] picks the low nibbles of the leads of the first r of eight
// runes as skipCommon3 gathers them into a word: rune k's is byte 3k%8.
var leadKeep = func() (t [9]uint64) {
	for r := 1; r <= 8; r++ {
		t[r] = t[r-1] | 0xF<<(8*(3*(r-1)%8))
	}
	return t
}()

// appendMaybeEmpty is appendJSONString for strings mostly empty (the
// match and suggestion of findings that point at no phrase), without a
// call for those.
func appendMaybeEmpty(dst []byte, s string) []byte {
	if s == "" {
		return append(dst, '"', '"')
	}
	return appendJSONString(dst, s)
}

// appendEscapedASCII appends the escape of an ASCII byte that needs one.
func appendEscapedASCII(dst []byte, b byte) []byte {
	switch b {
	case '\\', '"':
		return append(dst, '\\', b)
	case '\b':
		return append(dst, '\\', 'b')
	case '\f':
		return append(dst, '\\', 'f')
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	}
	return append(dst, '\\', 'u', '0', '0', lowerHex[b>>4], lowerHex[b&0xF])
}
