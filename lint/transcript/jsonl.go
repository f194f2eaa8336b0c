package transcript

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/chatlint/chatlint/lint"
)

func init() {
	register(&Format{
		Name:       "jsonl",
		Extensions: []string{".jsonl", ".ndjson"},
		AutoDetect: true,
		Sniff: func(head []byte) bool {
			head = bytes.TrimLeft(head, " \t\r\n")
			return len(head) > 0 && head[0] == '{'
		},
		New: func() Reader { return jsonlReader{} },
	})
}

// jsonlReader reads canonical JSONL: one message object per line. With a
// field mapping (--map, --roles, --types, --default, --time-layout,
// --messages) each line is read as an element of a JSON export is, through
// the mapping (see readJSONLMapped); without one, by the fast scanner.
type jsonlReader struct{}

// jsonRecord is a canonical message as written in JSON (the general decoder's
// form).
type jsonRecord struct {
	Conversation json.RawMessage `json:"conversation"`
	ID           json.RawMessage `json:"id"`
	Time         json.RawMessage `json:"time"`
	Role         *string         `json:"role"`
	Sender       *string         `json:"sender"`
	Type         *string         `json:"type"`
	Text         *string         `json:"text"`
}

// jsonlParser parses canonical JSONL records; the engine calls NewParser
// once per worker and parses lines on every core.
type jsonlParser struct{ src *Source }

// NewParser returns a parse function with its own scanner.
func (p *jsonlParser) NewParser() func([]byte, lint.Pos) (lint.Message, string) {
	sc := newJSONScanner()
	return func(line []byte, pos lint.Pos) (m lint.Message, reason string) {
		reason = sc.parseInto(&m, line, p.src, pos)
		return m, reason
	}
}

// the engine parses JSONL records in place (it looks for the interface)
var _ lint.InPlaceParser = (*jsonlParser)(nil)

// NewParserInto returns a parse function with its own scanner that parses
// a record into the Message where it stays (lint.InPlaceParser).
func (p *jsonlParser) NewParserInto() func([]byte, lint.Pos, *lint.Message) string {
	sc := newJSONScanner()
	return func(line []byte, pos lint.Pos, m *lint.Message) string { return sc.parseInto(m, line, p.src, pos) }
}

func (jsonlReader) Read(ctx context.Context, src *Source, sink lint.Sink) error {
	if mp := src.Opts.Mapping; mp != nil && !mp.zero() {
		m, err := mp.compile()
		if err != nil {
			return err
		}
		if m.reshapes() {
			return readJSONLMapped(ctx, src, sink)
		}
	}
	lr := newLineReader(src)
	var sc *jsonScanner // unless the engine parses the records
	deferring, _ := sink.(lint.DeferringSink)
	parser := &jsonlParser{src: src}
	for {
		line, ok, err := lr.nextRecord(src, sink)
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		pos := lint.Pos{File: src.Name, Line: lr.line}
		if deferring != nil {
			if err := deferring.Deferred(pos, line, parser); err != nil {
				return err
			}
			continue
		}
		if sc == nil {
			sc = newJSONScanner()
		}
		m, rerr := sc.parse(line, src, pos)
		if rerr != "" {
			err = sink.Reject(lint.RecordError{Pos: pos, Err: rerr})
		} else {
			err = sink.Message(m)
		}
		if err != nil {
			return err
		}
	}
}

// parseJSONMessage decodes one canonical message with encoding/json; a
// non-empty string is the reason the record is malformed. A record with a
// NUL byte or invalid UTF-8 in it is malformed, as in the other formats
// (encoding/json would read invalid UTF-8 as U+FFFD).
func parseJSONMessage(line []byte, src *Source, pos lint.Pos) (lint.Message, string) {
	if prob := lineProblem(line); prob != "" {
		return lint.Message{Pos: pos, Type: lint.TypeText}, src.whyInvalid(prob)
	}
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &te) && te.Field == "":
			return lint.Message{}, "expected a JSON object with the message fields"
		case errors.As(err, &te):
			return lint.Message{}, fmt.Sprintf("field %q: expected a %s, got %s", te.Field, te.Type, te.Value)
		case errors.As(err, &se):
			return lint.Message{}, fmt.Sprintf("invalid JSON: %s (at byte %d)", syntaxMessage(se, line, se.Offset), se.Offset)
		}
		return lint.Message{}, "invalid JSON: " + err.Error()
	}
	var f msgFields
	f.textCol = -1
	if rec.Text != nil {
		if at, raw, ok := textString(line); ok {
			f.textCol, f.textRaw = textPlace(codePoints(line[:at]), raw)
		}
	}
	return messageFromRecord(&rec, &f, src, pos)
}

// textString finds the string of a record's text in the line (which
// encoding/json has read): the value of the last key that encoding/json
// takes for "text" (keys match case-insensitively). at is where its content
// starts, raw how many bytes of it come before its first escape (-1: none).
func textString(line []byte) (at, raw int, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(line))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return 0, 0, false
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return 0, 0, false
		}
		key, _ := t.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return 0, 0, false
		}
		if strings.EqualFold(key, "text") {
			end := int(dec.InputOffset())
			ok = len(v) >= 2 && v[0] == '"'
			if ok {
				at, raw = end-len(v)+1, bytes.IndexByte(v[1:len(v)-1], '\\')
			}
		}
	}
	return at, raw, ok
}

// messageFromRecord validates a decoded record and builds the message (f
// says where the text is written).
func messageFromRecord(rec *jsonRecord, f *msgFields, src *Source, pos lint.Pos) (lint.Message, string) {
	f.conv, f.convErr = scalarString(rec.Conversation)
	f.id, f.idErr = scalarString(rec.ID)
	f.hasTime = len(rec.Time) > 0 && string(rec.Time) != "null"
	if f.hasTime {
		f.time, f.timeErr = scalarString(rec.Time)
	}
	f.role, f.hasRole = deref(rec.Role)
	f.sender, _ = deref(rec.Sender)
	f.typ, _ = deref(rec.Type)
	f.text, f.hasText = deref(rec.Text)
	return f.message(src, pos)
}

func deref(p *string) (string, bool) {
	if p == nil {
		return "", false
	}
	return *p, true
}

// msgFields are the fields of a canonical message, however they were read.
type msgFields struct {
	conv, id, time string
	hasTime        bool
	// convErr, idErr, timeErr say why a scalar field is not a string or a number
	convErr, idErr, timeErr string
	role, sender, typ       string
	hasRole                 bool
	text                    string
	hasText                 bool
	// where the text is written (lint.Message.LineColumn; beside the bool,
	// so that the struct stays under 192 bytes, cleared without a loop)
	textRaw uint16
	textCol int32
}

// message validates the fields and builds the message; a non-empty string is
// the reason the record is malformed.
func (f *msgFields) message(src *Source, pos lint.Pos) (m lint.Message, reason string) {
	reason = f.fill(&m, src, pos, nil)
	return m, reason
}

// fill is message writing into *m, which is zero, with the memo of the
// last date read (nil: none). The checks come in the order the reasons are
// reported.
func (f *msgFields) fill(m *lint.Message, src *Source, pos lint.Pos, days *dayMemo) string {
	m.Pos, m.Type = pos, lint.TypeText
	if !f.hasText {
		return `missing "text"`
	}
	m.Text = f.text
	m.TextCol, m.TextRaw = f.textCol, f.textRaw
	if !f.hasRole {
		// --agents or --staff name the agents of records without a role
		role, ok := senderRole(src.Opts, f.sender)
		if !ok {
			return `missing "role"`
		}
		m.Role = role
	} else {
		role, ok := parseRole(f.role)
		if !ok {
			return fmt.Sprintf("unknown role %q (customer, agent, bot or system)", f.role)
		}
		m.Role = role
	}
	if f.convErr != "" {
		return `"conversation": ` + f.convErr
	}
	m.Conversation = f.conv
	if m.Conversation == "" {
		m.Conversation = src.Name // a file holding one conversation
	}
	if f.idErr != "" {
		return `"id": ` + f.idErr
	}
	m.ID = f.id
	m.Sender = f.sender
	if f.typ != "" {
		m.Type = f.typ
	}
	if f.hasTime {
		if f.timeErr != "" {
			return `"time": ` + f.timeErr
		}
		t, perr := parseTime(f.time, src.Opts.Location, days)
		if perr != nil {
			return perr.Error()
		}
		m.Time = t
	}
	return ""
}

// scalarString reads a JSON string or number as a string ("" for absent or null).
func scalarString(raw json.RawMessage) (string, string) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", ""
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", "invalid string"
		}
		return s, ""
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if _, err := strconv.ParseFloat(string(raw), 64); err != nil {
			return "", "invalid number"
		}
		return strings.TrimSpace(string(raw)), ""
	}
	return "", "expected a string or a number"
}

// parseRole is lint.ParseRole with the canonical names first.
func parseRole(s string) (lint.Role, bool) {
	switch s {
	case "customer":
		return lint.Customer, true
	case "agent":
		return lint.Agent, true
	case "bot":
		return lint.Bot, true
	case "system":
		return lint.System, true
	}
	return lint.ParseRole(s)
}

// senderRole is the role of a record without one, by its sender, when the
// options name the agents (Agents patterns, Staff ids; everyone else is a
// customer), as the mapping-aware readers decide it (builder.senderRole).
func senderRole(opts *Options, sender string) (lint.Role, bool) {
	sender = strings.TrimSpace(sender)
	if opts == nil || sender == "" || len(opts.Agents) == 0 && len(opts.Staff) == 0 {
		return lint.RoleUnknown, false
	}
	for _, s := range opts.Staff {
		if strings.TrimSpace(s) == sender {
			return lint.Agent, true
		}
	}
	for _, p := range opts.Agents {
		if globMatch(p, sender) {
			return lint.Agent, true
		}
	}
	return lint.Customer, true
}

// readJSONLMapped reads JSONL through the field mapping: each line is parsed
// as a JSON value and walked as an element of a JSON export (a stream of
// objects) is, so a mapping reads a .jsonl file as --input-format json reads
// it; but, line by line, a malformed line is one rejected record and
// reading goes on.
func readJSONLMapped(ctx context.Context, src *Source, sink lint.Sink) error {
	w, err := newJSONWalker(ctx, src, sink)
	if err != nil {
		return err
	}
	p := newJSONParser(src)
	var br bytes.Reader
	// a line that is one plain message object is parsed and walked on the
	// engine's workers, as an element of a JSON array is (elementSkimmer)
	deferring, _ := sink.(lint.DeferringSink)
	var parser *jsonElemParser
	limit := maxSkim
	if deferring != nil && w.steps == nil {
		parser = newJSONElemParser(w, p, "")
		if p.max > 0 && p.max < limit {
			limit = p.max
		}
	}
	return eachLine(ctx, src, sink, func(line []byte, pos lint.Pos) error {
		line, prob := usableLine(src, line, pos.Line)
		if prob != "" {
			return sink.Reject(lint.RecordError{Pos: pos, Err: prob})
		}
		br.Reset(line)
		p.r, p.pos, p.end, p.off, p.line, p.lastNL, p.rerr = &br, 0, 0, 0, pos.Line, false, nil
		if parser != nil {
			if obj := skimLine(p, line, limit); obj != nil {
				w.outer++
				w.at = ""
				return deferring.Deferred(pos, obj, parser)
			}
			br.Reset(line)
			p.r, p.pos, p.end, p.off, p.line, p.lastNL, p.rerr = &br, 0, 0, 0, pos.Line, false, nil
		}
		mark := p.mark()
		err := jsonlMappedRecord(w, p, line, pos)
		p.release(mark)
		return err
	})
}

// skimLine returns the object that is the whole of line (but blanks),
// which p reads, if it is a plain message object: valid JSON and UTF-8, at
// most limit bytes, with neither a "messages" nor a "conversations" key of
// its own (which the walker would read as conversations); nil otherwise.
func skimLine(p *jsonParser, line []byte, limit int) []byte {
	if c, err := p.next(); err != nil || c != '{' {
		return nil
	}
	k, _, ok := p.skimMessage(limit, nil, true)
	if !ok {
		return nil
	}
	start := p.offset() // in line: reading on may move p's buffer
	p.pos += k
	if _, more := p.space(); more {
		return nil // the walker words what follows
	}
	return line[start : start+int64(k)]
}

// jsonlMappedRecord parses one line with p (reading it) and walks it.
func jsonlMappedRecord(w *jsonWalker, p *jsonParser, line []byte, pos lint.Pos) error {
	n, err := p.value(0)
	if err == nil {
		if c, more := p.space(); more {
			err = p.syntax(c, "after top-level value")
		}
	}
	if err != nil {
		return w.reject(pos.Line, jsonlSyntaxError(line, err))
	}
	switch n.kind {
	case '{':
		return w.top(n)
	case '[':
		if w.steps != nil && !w.steps[0].iter {
			return w.reject(pos.Line, fmt.Sprintf("the line holds an array, but the messages path %q starts with a key", pathString(w.steps)))
		}
		for _, e := range n.vals {
			w.outer++
			w.at = "[]"
			if err := w.element(e); err != nil {
				return err
			}
		}
		return nil
	}
	return w.reject(pos.Line, "expected a JSON object with the message fields, got "+n.describe())
}

// jsonlSyntaxError words why a line is not JSON as the canonical reader
// does (encoding/json's error, with the byte), else as the parser did.
func jsonlSyntaxError(line []byte, perr error) string {
	var v any
	var se *json.SyntaxError
	if err := json.Unmarshal(line, &v); errors.As(err, &se) {
		return fmt.Sprintf("invalid JSON: %s (at byte %d)", syntaxMessage(se, line, se.Offset), se.Offset)
	}
	msg := perr.Error()
	if _, rest, ok := strings.Cut(msg, ": "); ok && strings.HasPrefix(msg, "line ") {
		msg = rest // the record's line is its position
	}
	return msg
}
