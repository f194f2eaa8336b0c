package transcript

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/chatlint/chatlint/lint"
)

func init() {
	register(&Format{
		Name:       "jsonl",
		Extensions: []string{".jsonl", ".ndjson"},
		AutoDetect: true,
		// an export saved as .txt
		Overrides: []string{"txt"},
		Sniff: func(head []byte) bool {
			head = bytes.TrimLeft(head, " \t\r\n")
			return len(head) > 0 && head[0] == '{' && jsonStart(head)
		},
		New: func() Reader { return jsonlReader{} },
	})
}

// jsonlReader reads canonical JSONL: one message object per line. With a
// field mapping (--map, --roles, --types, --default, --time-layout,
// --messages) each line is read as an element of a JSON export is, through
// the mapping (see readJSONLMapped); without one, by the fast scanner.
type jsonlReader struct{}

// jsonDocument reports whether head, the start of a file read as JSONL,
// is that of a JSON document instead: an array, or an object whose first
// line is "{" alone, as pretty printers write it. A JSONL record is an
// object on its line, so neither is one.
func jsonDocument(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 || !jsonStart(head) {
		return false
	}
	first, _, _ := bytes.Cut(head, []byte("\n"))
	return head[0] == '[' || len(bytes.TrimSpace(first)) == 1
}

// jsonRecord is a canonical message as written in JSON (the general decoder's
// form). Its keys match in any case, the last one counting when several do
// (as encoding/json matches them; so does the JSON reader's walker, see
// jnode.field), and every field may be a string, a number or a boolean
// (read as it is written, as the walker reads them: a text of 5 is "5").
type jsonRecord struct {
	Conversation json.RawMessage `json:"conversation"`
	ID           json.RawMessage `json:"id"`
	Time         json.RawMessage `json:"time"`
	Role         json.RawMessage `json:"role"`
	Sender       json.RawMessage `json:"sender"`
	Type         json.RawMessage `json:"type"`
	Text         json.RawMessage `json:"text"`
}

// jsonlParser parses canonical JSONL records; the engine calls NewParser
// once per worker and parses lines on every core.
type jsonlParser struct {
	src *Source
	// end: the parser of a file's last line, which ends without a line
	// break (see atEnd)
	end bool
}

// NewParser returns a parse function with its own scanner.
func (p *jsonlParser) NewParser() func([]byte, lint.Pos) (lint.Message, string) {
	sc := newJSONScanner()
	return func(line []byte, pos lint.Pos) (m lint.Message, reason string) {
		if reason = sc.parseInto(&m, line, p.src, pos); reason != "" {
			reason = p.rejected(sc, &m, line, pos, reason)
		}
		return m, reason
	}
}

// atEndParser is a record parser with another for the last line of a
// file when it ends without a line break: readBlockLines hands that line
// to it.
type atEndParser interface {
	atEnd() lint.RecordParser
}

// atEnd returns the parser of a file's last line without a line break,
// which words a record cut off there as the file cut off that it likely
// is (see cutJSONLReason).
func (p *jsonlParser) atEnd() lint.RecordParser {
	return &jsonlParser{src: p.src, end: true}
}

// rejected is rejectedRecord for p: the reason, worded for the last line
// of a file cut off (atEnd's parser).
func (p *jsonlParser) rejected(sc *jsonScanner, m *lint.Message, line []byte, pos lint.Pos, reason string) string {
	reason = rejectedRecord(sc, m, line, p.src, pos, reason)
	if p.end {
		reason = cutJSONLReason(reason, line)
	}
	return reason
}

// cutJSONLReason is reason, why line is malformed, for the last line of a
// JSONL file when the file ends without a line break: when line is JSON
// that ends inside a value (a copy or an export cut off mid-write ends
// so), it is worded as the JSON reader words a file that ends inside one,
// at the column after the line's last character ("column 50: unexpected
// end of JSON (truncated file?)", the line the record's). encoding/json's
// own error for such a line may name a character that is not there ("
// invalid character ' ' in literal true", cut inside a literal or an
// escape). Another reason is as it is.
func cutJSONLReason(reason string, line []byte) string {
	if !strings.HasPrefix(reason, "invalid JSON: ") {
		return reason
	}
	// a Decoder tells input that ends inside a value from a syntax error
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(line, []byte("\uFEFF"))))
	var v json.RawMessage
	if dec.Decode(&v) != io.ErrUnexpectedEOF {
		return reason
	}
	return fmt.Sprintf("column %d: unexpected end of JSON (truncated file?)", runeColumn(line, len(line)))
}

// parseRecord parses a canonical JSONL record into *m, which is zero, and
// returns why it is malformed ("" when it is not). A record that starts
// with a byte-order mark, which a file joined after another with cat
// brings along (PowerShell writes one), is read past it, as csv and txt
// lines are; it was a malformed record, the first of each file joined.
func parseRecord(sc *jsonScanner, m *lint.Message, line []byte, src *Source, pos lint.Pos) string {
	if reason := sc.parseInto(m, line, src, pos); reason != "" {
		return rejectedRecord(sc, m, line, src, pos, reason)
	}
	return ""
}

// rejectedRecord is parseRecord's for a record the scanner gave reason to
// reject: read again past a byte-order mark, or reason with its hint.
func rejectedRecord(sc *jsonScanner, m *lint.Message, line []byte, src *Source, pos lint.Pos, reason string) string {
	if len(line) > 3 && line[0] == 0xEF && line[1] == 0xBB && line[2] == 0xBF {
		*m = lint.Message{}
		if sc.parseInto(m, line[3:], src, pos) == "" {
			if m.TextCol > 0 {
				m.TextCol++ // (the mark is a character of the line)
			}
			return ""
		}
		// (the reason that names the mark, and columns that count it)
		*m = lint.Message{}
	}
	return withTextHint(reason, line, src)
}

// the engine parses JSONL records in place (it looks for the interface)
var _ lint.InPlaceParser = (*jsonlParser)(nil)

// NewParserInto returns a parse function with its own scanner that parses
// a record into the Message where it stays (lint.InPlaceParser).
func (p *jsonlParser) NewParserInto() func([]byte, lint.Pos, *lint.Message) string {
	sc := newJSONScanner()
	return func(line []byte, pos lint.Pos, m *lint.Message) string {
		// (parseRecord, written out: the engine's hot path)
		if reason := sc.parseInto(m, line, p.src, pos); reason != "" {
			return p.rejected(sc, m, line, pos, reason)
		}
		return ""
	}
}

// the engine parses JSONL records with NewParserSkip (it looks for the
// interface): NewParserInto's function, wrapped by lint.NewParseFunc, was
// one call more a record
var _ lint.SkippingParser = (*jsonlParser)(nil)

// NewParserSkip returns NewParserInto's parse function in the form of
// lint.SkippingParser's: a JSONL record is never skipped.
func (p *jsonlParser) NewParserSkip() func([]byte, lint.Pos, *lint.Message) (string, bool) {
	sc := newJSONScanner()
	return func(line []byte, pos lint.Pos, m *lint.Message) (string, bool) {
		// (parseRecord, written out: the engine's hot path)
		if reason := sc.parseInto(m, line, p.src, pos); reason != "" {
			return p.rejected(sc, m, line, pos, reason), false
		}
		return "", false
	}
}

func (jsonlReader) Read(ctx context.Context, src *Source, sink lint.Sink) error {
	// (what detection peeked at: no read more; 4 KiB when nothing was)
	n := src.R.Buffered()
	if n == 0 {
		n = 4096
	}
	if head, _ := src.R.Peek(min(n, 4096)); jsonDocument(head) {
		// a JSON array or a pretty-printed object saved as .jsonl (jq's
		// output without -c): every line of it a malformed record
		return readJSON(ctx, src, sink, newJSONParser(src))
	}
	if mp := src.Opts.Mapping; mp != nil && !mp.zero() {
		m, err := mp.compile()
		if err != nil {
			return err
		}
		if m.reshapes() {
			return readJSONLMapped(ctx, src, sink)
		}
	}
	sampleHTMLHead(src)
	parser := &jsonlParser{src: src}
	if bs, ok := sink.(lint.BlockSink); ok && src.plain != nil {
		// UTF-8 read straight into the engine's batches
		return readBlockLines(src, bs, parser)
	}
	lr := newLineReader(src)
	var sc *jsonScanner // unless the engine parses the records
	deferring, _ := sink.(lint.DeferringSink)
	for {
		line, ok, err := lr.nextRecord(src, sink)
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		if blankLine(line) {
			continue
		}
		pos := lint.Pos{File: src.Name, Line: lr.line}
		if deferring != nil {
			p := lint.RecordParser(parser)
			if lr.unended {
				p = parser.atEnd()
			}
			if err := deferring.Deferred(pos, line, p); err != nil {
				return err
			}
			continue
		}
		if sc == nil {
			sc = newJSONScanner()
		}
		var m lint.Message
		if rerr := parseRecord(sc, &m, line, src, pos); rerr != "" {
			if lr.unended {
				rerr = cutJSONLReason(rerr, line)
			}
			err = sink.Reject(lint.RecordError{Pos: pos, Err: rerr})
		} else {
			err = sink.Message(m)
		}
		if err != nil {
			return err
		}
	}
}

// sampleHTMLHead looks for HTML (see htmlSample) in the texts of the
// records at the start of a canonical JSONL file, those of the first lines
// src.R holds already (what the encoding's guess read: up to 64 KB), for
// the fast scanner, which builds no records through a builder: the file
// is not read further for it, nor is a record parsed twice unless its line
// holds a "<" or "&" (\u003c, \u0026 as Go's encoding/json escapes them).
func sampleHTMLHead(src *Source) {
	html := newHTMLSample(src)
	if html == nil {
		return
	}
	head, _ := src.R.Peek(src.R.Buffered())
	if bytes.IndexByte(head, '<') < 0 && bytes.IndexByte(head, '&') < 0 && !bytes.Contains(head, []byte(`\u00`)) {
		return // (the common case: one pass over the bytes)
	}
	for n := 1; n <= htmlSampleTexts; n++ {
		i := bytes.IndexByte(head, '\n')
		if i < 0 {
			return // (a line the head cuts off)
		}
		line := head[:i]
		head = head[i+1:]
		if bytes.IndexByte(line, '<') < 0 && bytes.IndexByte(line, '&') < 0 && !bytes.Contains(line, []byte(`\u00`)) {
			continue
		}
		var rec struct {
			Text any `json:"text"`
		}
		if json.Unmarshal(line, &rec) != nil {
			continue
		}
		if text, ok := rec.Text.(string); ok {
			html.sample(src, text, lint.Pos{File: src.Name, Line: n})
		}
	}
}

// blankLine reports whether line is blank (bytes.TrimSpace leaves nothing),
// at once for a line that starts with a record's brace.
func blankLine(line []byte) bool {
	return len(line) == 0 || line[0] != '{' && len(bytes.TrimSpace(line)) == 0
}

// parseJSONMessage decodes one canonical message with encoding/json; a
// non-empty string is the reason the record is malformed. A record with a
// NUL byte or invalid UTF-8 in it is malformed, as in the other formats
// (encoding/json would read invalid UTF-8 as U+FFFD).
func parseJSONMessage(line []byte, src *Source, pos lint.Pos) (lint.Message, string) {
	if prob := lineProblem(line); prob != "" {
		return lint.Message{Pos: pos, Type: lint.TypeText}, src.whyInvalidIn(prob, line)
	}
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &te):
			return lint.Message{}, "expected a JSON object with the message fields"
		case errors.As(err, &se):
			return lint.Message{}, jsonlSyntax(se, line)
		}
		return lint.Message{}, "invalid JSON: " + err.Error()
	}
	var f msgFields
	f.textCol = -1
	if len(rec.Text) > 0 && rec.Text[0] == '"' {
		if at, raw, ok := textString(line); ok {
			f.textCol, f.textRaw = textPlace(codePoints(line[:at]), raw)
			f.textAstral = int32(lint.Astral(line[:at]))
		}
	}
	m, why := messageFromRecord(&rec, &f, src, pos)
	m.TextRunes = textRunes(utf8.RuneCountInString(m.Text)) // (as the scanner counts)
	return m, why
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
// says where the text is written). A field that is an object or a list
// makes the record malformed, as in the walker (the first one, in the
// order of the fields).
func messageFromRecord(rec *jsonRecord, f *msgFields, src *Source, pos lint.Pos) (lint.Message, string) {
	for i, raw := range [nFields]json.RawMessage{rec.Conversation, rec.ID, rec.Time, rec.Role, rec.Sender, rec.Type, rec.Text} {
		v, has, why := scalarString(raw)
		if why != "" {
			return lint.Message{Pos: pos, Type: lint.TypeText}, fmt.Sprintf("%q: %s", FieldNames[i], why)
		}
		switch i {
		case fConv:
			f.conv = v
		case fID:
			f.id = v
		case fTime:
			f.time, f.hasTime = v, has
		case fRole:
			f.role, f.hasRole = v, has
		case fSender:
			f.sender = v
		case fType:
			f.typ = v
		case fText:
			f.text, f.hasText = v, has
		}
	}
	return f.message(src, pos)
}

// msgFields are the fields of a canonical message, however they were read:
// as written (blanks around the ids, sender and type are trimmed by fill).
type msgFields struct {
	conv, id, time    string
	hasTime           bool
	role, sender, typ string
	hasRole           bool
	text              string
	hasText           bool
	// known is what the reader found out about the values before fill:
	// knownConvPlain and knownSenderPlain say the conversation id or the
	// sender has no blank at its edges (see edged)
	known uint8
	// roleOf is the role the reader found role to name (0: fill reads it)
	roleOf lint.Role
	// where the text is written (lint.Message.LineColumn; beside the bool,
	// so that the struct stays under 192 bytes, cleared without a loop)
	textRaw    uint16
	textCol    int32
	textAstral int32 // lint.Message.TextAstral
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
//
// The values are taken as the mapping-aware readers' builder takes them
// (so that a record reads the same in a .jsonl file and in a .json one, or
// with a mapping): blanks around the conversation, id, sender and type are
// trimmed, and a blank role is none.
func (f *msgFields) fill(m *lint.Message, src *Source, pos lint.Pos, days *dayMemo) string {
	m.Pos, m.Type = pos, lint.TypeText
	if !f.hasText {
		return missingTextReason
	}
	if id := f.conv; id != "" && sciNumber(trimEdged(id)) {
		return sciConversationWhy(trimEdged(id))
	}
	m.Text = f.text
	m.TextCol, m.TextRaw, m.TextAstral = f.textCol, f.textRaw, f.textAstral
	if m.Sender = f.sender; f.known&knownSenderPlain == 0 && edged(m.Sender) {
		m.Sender = trimEdged(m.Sender)
	}
	if f.roleOf != lint.RoleUnknown {
		m.Role = f.roleOf
	} else if reason := fillRole(m, f.role, f.hasRole, src); reason != "" {
		return reason
	}
	if m.Conversation = f.conv; f.known&knownConvPlain == 0 && edged(m.Conversation) {
		m.Conversation = trimEdged(m.Conversation)
	}
	if m.Conversation == "" {
		m.Conversation = src.Name // a file holding one conversation
	}
	if m.ID = f.id; edged(m.ID) {
		m.ID = trimEdged(m.ID)
	}
	if t := f.typ; t != "" {
		if edged(t) {
			t = trimEdged(t)
		}
		if t != "" {
			m.Type = t
		}
	}
	if f.hasTime {
		return fillTime(m, f.time, src, days)
	}
	return ""
}

// fillRole is fill's reading of the role of a record whose role the
// reader did not read as a canonical name: role is the record's (has:
// present), m.Sender already set. A non-empty string is the reason the
// record is malformed.
func fillRole(m *lint.Message, role string, has bool, src *Source) string {
	r, ok := lint.RoleUnknown, false
	if has {
		if r, ok = parseRole(role); !ok && strings.TrimSpace(role) != "" {
			return unknownRole(role)
		}
	}
	if !ok {
		// --agents or --staff name the agents of records without a role
		if r, ok = senderRole(src.Opts, m.Sender); !ok {
			return `missing "role"`
		}
	}
	m.Role = r
	return ""
}

// fillTime is fill's reading of a record's time t into m.Time, with the
// memo of the last date read (nil: none); a non-empty string is the reason
// the record is malformed.
func fillTime(m *lint.Message, t string, src *Source, days *dayMemo) string {
	// epoch seconds or milliseconds, as JSON numbers write them
	if n := len(t); n == 10 || n == 13 {
		if tt, ok := epochTime(t); ok {
			m.Time = tt
			return ""
		}
	}
	if days != nil {
		// (parseTime's first step, at once: most times fall in
		// the minute of the time before them)
		if tt, ok := days.minute(t, src.Opts.Location); ok {
			m.Time = tt
			return ""
		}
	}
	tt, minute, perr := parseTimeReadPrec(t, src.Opts.Location, days)
	if perr != nil {
		return perr.Error()
	}
	m.Time, m.TimeToMinute = tt, minute
	return ""
}

// scalarString reads a JSON string, number or boolean as a string, a number
// or a boolean as it is written (has: present and not null); why says why
// not when it is an object or a list.
func scalarString(raw json.RawMessage) (v string, has bool, why string) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", false, ""
	}
	switch raw[0] {
	case '"':
		if err := json.Unmarshal(raw, &v); err != nil {
			return "", false, "invalid string"
		}
		return v, true, ""
	case '{':
		return "", false, "expected a string or a number, got an object"
	case '[':
		return "", false, "expected a string or a number, got a list"
	}
	return string(raw), true, ""
}

// msgFields.known's flags
const (
	knownConvPlain = 1 << iota
	knownSenderPlain
)

// sciConversationBytes is sciConversationWhy for a conversation id as the
// JSONL scanner reads it, if it is a number in scientific notation; ""
// otherwise. (Not inlined: the scanner's loop keeps its registers.)
//
//go:noinline
func sciConversationBytes(v []byte) string {
	if len(v) == 0 {
		return ""
	}
	if id := trimEdged(unsafe.String(unsafe.SliceData(v), len(v))); sciNumber(id) {
		return sciConversationWhy(strings.Clone(id))
	}
	return ""
}

// edged reports whether s may start or end with white space, which
// strings.TrimSpace would trim: false, quickly, for the common value (it is
// inlined, TrimSpace is not). trimEdged then trims it.
func edged(s string) bool {
	return len(s) > 0 && blankEdge[s[0]]&blankFirst|blankEdge[s[len(s)-1]]&blankLast != 0
}

// trimEdged is strings.TrimSpace for a string edged says may need it,
// which it often does not: a Chinese name such as 小七 ends in a byte that
// U+2003 ends in too (TrimSpace, called on a tenth of the generated
// corpus' senders, cost 450 instructions each). It looks at the bytes of
// the first and last characters before calling it.
func trimEdged(s string) string {
	if startsBlank(s) || endsBlank(s) {
		return strings.TrimSpace(s)
	}
	return s
}

// startsBlank reports whether s starts with white space (unicode.IsSpace
// of its first character as utf8.DecodeRuneInString reads it): the bytes
// of one of the blanks blankEdge lists.
func startsBlank(s string) bool {
	switch c := s[0]; {
	case c < utf8.RuneSelf:
		return blankEdge[c] != 0
	case len(s) >= 2 && c == 0xC2:
		return s[1] == 0x85 || s[1] == 0xA0
	case len(s) >= 3:
		return blank3(c, s[1], s[2])
	}
	return false
}

// endsBlank is startsBlank for the last character of s (which
// utf8.DecodeLastRuneInString reads from the last byte that starts one).
func endsBlank(s string) bool {
	n := len(s)
	switch c := s[n-1]; {
	case c < utf8.RuneSelf:
		return blankEdge[c] != 0
	case n >= 2 && s[n-2] == 0xC2:
		return c == 0x85 || c == 0xA0
	case n >= 3:
		return blank3(s[n-3], s[n-2], c)
	}
	return false
}

// blank3 reports whether a, b, c encode a blank of three bytes: U+1680,
// U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F or U+3000.
func blank3(a, b, c byte) bool {
	switch a {
	case 0xE1:
		return b == 0x9A && c == 0x80
	case 0xE2:
		return b == 0x80 && (0x80 <= c && c <= 0x8A || c == 0xA8 || c == 0xA9 || c == 0xAF) || b == 0x81 && c == 0x9F
	case 0xE3:
		return b == 0x80 && c == 0x80
	}
	return false
}

// blankEdge flags the bytes that start (blankFirst) and end (blankLast)
// white space (unicode.IsSpace): ASCII's, and the first and last bytes of
// U+0085, U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F
// and U+3000 (a test holds them to unicode.IsSpace).
var blankEdge = func() (t [256]uint8) {
	for _, c := range []byte{'\t', '\n', '\v', '\f', '\r', ' '} {
		t[c] = blankFirst | blankLast
	}
	for _, c := range []byte{0xC2, 0xE1, 0xE2, 0xE3} {
		t[c] |= blankFirst
	}
	for c := 0x80; c <= 0x8A; c++ {
		t[c] |= blankLast
	}
	for _, c := range []byte{0x9F, 0xA0, 0xA8, 0xA9, 0xAF} {
		t[c] |= blankLast
	}
	return t
}()

const (
	blankFirst = 1 << iota
	blankLast
)

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
// customer), as the mapping-aware readers decide it (builder.role).
func senderRole(opts *Options, sender string) (lint.Role, bool) {
	sender = strings.TrimSpace(sender)
	if opts == nil || sender == "" || len(opts.Agents) == 0 && len(opts.Staff) == 0 {
		return lint.RoleUnknown, false
	}
	opts.SenderRules.ask()
	if opts.senders().agent(sender) {
		opts.SenderRules.match()
		return lint.Agent, true
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
	types := src.types
	return eachLine(ctx, src, sink, func(line []byte, pos lint.Pos, unended bool) error {
		if types != nil && types.line(line) {
			types = nil // (told the sink, before this line's record)
		}
		line, prob := usableLine(src, line, pos.Line)
		if prob != "" {
			return sink.Reject(lint.RecordError{Pos: pos, Err: prob})
		}
		// a joined file's byte-order mark (see parseRecord)
		line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		br.Reset(line)
		p.restart(&br, pos.Line)
		if parser != nil {
			if obj := skimLine(p, line, limit); obj != nil {
				w.outer++
				w.at = ""
				return deferring.Deferred(pos, obj, parser)
			}
			br.Reset(line)
			p.restart(&br, pos.Line)
		}
		mark := p.mark()
		err := jsonlMappedRecord(w, p, line, pos, unended)
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

// jsonlMappedRecord parses one line with p (reading it) and walks it;
// unended: the file ends inside it, without a line break (see
// cutJSONLReason).
func jsonlMappedRecord(w *jsonWalker, p *jsonParser, line []byte, pos lint.Pos, unended bool) error {
	n, err := p.value(0)
	if err == nil {
		if c, more := p.space(); more {
			err = p.syntax(c, "after top-level value")
		}
	}
	if err != nil {
		why := jsonlSyntaxError(line, err)
		if unended {
			why = cutJSONLReason(why, line)
		}
		return w.reject(pos.Line, why)
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

// jsonlSyntax words encoding/json's syntax error se about a line: the
// character at fault and its column on the line, counted in characters as
// editors count them.
func jsonlSyntax(se *json.SyntaxError, line []byte) string {
	msg, at := syntaxAt(se, line, se.Offset)
	return fmt.Sprintf("invalid JSON: %s (column %d)", msg, runeColumn(line, at))
}

// jsonlSyntaxError words why a line is not JSON as the canonical reader
// does (encoding/json's error, with the column), else as the parser did,
// its column said as the canonical reader says it.
func jsonlSyntaxError(line []byte, perr error) string {
	var v any
	var se *json.SyntaxError
	if err := json.Unmarshal(line, &v); errors.As(err, &se) {
		return jsonlSyntax(se, line)
	}
	msg := perr.Error()
	if where, rest, ok := strings.Cut(msg, ": "); ok && strings.HasPrefix(msg, "line ") {
		msg = rest // the record's line is its position
		if _, col, ok := strings.Cut(where, ", column "); ok {
			msg += " (column " + col + ")"
		}
	}
	return msg
}
