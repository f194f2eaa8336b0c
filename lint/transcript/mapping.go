package transcript

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// FieldNames are the canonical message fields a Mapping can place, in the
// order of the transcript model.
var FieldNames = []string{"conversation", "id", "time", "role", "sender", "type", "text"}

const (
	fConv = iota
	fID
	fTime
	fRole
	fSender
	fType
	fText
	nFields
)

func fieldIndex(name string) int {
	for i, n := range FieldNames {
		if n == name {
			return i
		}
	}
	return -1
}

// Mapping says where an export keeps the canonical message fields and how
// its values translate, so any delimited or JSON export reads without code.
// The zero value reads canonical field names (and, for csv/tsv, the common
// header aliases such as 会话ID, 时间, 角色, 客服, 内容).
type Mapping struct {
	// Fields maps a canonical field name (conversation, id, time, role,
	// sender, type, text) to where the export keeps it: for csv/tsv a header
	// name or a 1-based column number; for json a path inside the message
	// element ("body", "author.type", "tolist[0]", "." for the element
	// itself), looked up in the message element first and then in the
	// enclosing objects of Messages from the inside out; each leading ^
	// skips one level ("^id": the id of the enclosing conversation, not the
	// message's own). The keys of a path match as they are written; a field
	// not mapped is read from the key of its canonical name in any case
	// ("Text", "TEXT"), in every JSON format alike.
	Fields map[string]string
	// Messages is the JSON path of the messages: "[]" a top-level array of
	// messages, "[].messages[]" conversations holding messages,
	// "[].turns[].utterances[]" every utterance of every turn (an utterance
	// carries its turn's fields), "Transcript[]" a list inside one object.
	// Several paths, comma-separated, are each followed in turn
	// ("source,conversation_parts.conversation_parts[]": Intercom's first
	// message and its replies); either all of them start with [] or none.
	// Empty: an array of messages or of conversations with "messages".
	Messages string
	// Roles maps the export's role values to roles (customer, agent, bot,
	// system), e.g. "1": agent, "helpdesk": agent. Canonical role names are
	// always understood; a value that is neither is a malformed record.
	// Keys match case-insensitively. With no role field, a sender listed
	// here is given that role.
	Roles map[string]string
	// Types maps the export's message-type values to message types (text,
	// note, order, transfer, image, …); unmapped values are kept as they are.
	// A value mapped to TypeSkip marks records that are not messages (an
	// Amazon Connect EVENT, an Intercom assignment): they are counted as
	// skipped, not linted, and need no text. The key "*" maps every value
	// not listed.
	Types map[string]string
	// Defaults fill fields the export lacks or leaves empty: conversation,
	// role, sender, type.
	Defaults map[string]string
	// TimeLayout is the layout of the time field: a Go layout
	// ("2006-01-02 15:04:05"), a strftime one ("%Y/%m/%d %H:%M"), or unix /
	// unixms; empty: RFC 3339, "2006-01-02 15:04:05" or epoch s/ms.
	TimeLayout string
	// Header says whether a csv/tsv file starts with a header row (nil: it does).
	Header *bool
	// Delimiter overrides the field separator of csv (",") and tsv (TAB):
	// one character, or "tab".
	Delimiter string
	// Quotes says whether csv/tsv fields may be "quoted" (nil: they may).
	Quotes *bool
}

// Validate checks the mapping: known field names, roles and defaults, a
// parsable messages path and time layout, a one-character delimiter.
func (m *Mapping) Validate() error {
	if m == nil {
		return nil
	}
	_, err := m.compile()
	return err
}

// compiledMapping is a validated Mapping, ready for the readers.
type compiledMapping struct {
	cols     [nFields]string // the Fields entry of each field ("" unmapped)
	messages [][]pathStep    // nil: the default shapes; else one or more paths
	roles    map[string]lint.Role
	types    map[string]string
	skips    bool // some type maps to TypeSkip
	defaults [nFields]string
	layout   string // the Go layout of the times ("" none)
	// givenLayout is the layout as the user wrote it (strftime, say),
	// which a time that does not match it is told of
	givenLayout string
	header      bool
	quotes      bool
	delim       rune // 0: the format's own
}

func (m *Mapping) compile() (*compiledMapping, error) {
	c := &compiledMapping{header: true, quotes: true, roles: map[string]lint.Role{}, types: map[string]string{}}
	if m == nil {
		return c, nil
	}
	for name, col := range m.Fields {
		i := fieldIndex(name)
		if i < 0 {
			return nil, fmt.Errorf("mapping: unknown field %q (fields: %s)", name, strings.Join(FieldNames, ", "))
		}
		if strings.TrimSpace(col) == "" {
			return nil, fmt.Errorf("mapping: field %s maps to nothing", name)
		}
		c.cols[i] = strings.TrimSpace(col)
	}
	if m.Messages != "" {
		paths := strings.Split(m.Messages, ",")
		for i, path := range paths {
			steps, err := parsePath(path, true)
			if err != nil {
				return nil, fmt.Errorf("mapping: messages path: %w", err)
			}
			if len(steps) == 0 {
				if len(paths) == 1 {
					break // "." or "$": the default shapes
				}
				return nil, fmt.Errorf("mapping: messages paths %q: an empty path", m.Messages)
			}
			if slices.ContainsFunc(paths[:i], func(p string) bool { return strings.TrimSpace(p) == strings.TrimSpace(path) }) {
				// each element would be read twice, every message of it
				// linted twice
				return nil, fmt.Errorf("mapping: messages paths %q: %s is given twice", m.Messages, strings.TrimSpace(path))
			}
			if len(c.messages) > 0 && (len(steps) > 0 && steps[0].iter) != (len(c.messages[0]) > 0 && c.messages[0][0].iter) {
				return nil, fmt.Errorf("mapping: messages paths %q: either all of them start with [] (the elements of a top-level array) or none does", m.Messages)
			}
			c.messages = append(c.messages, steps)
		}
	}
	for v, r := range m.Roles {
		role, ok := lint.ParseRole(r)
		if !ok {
			return nil, fmt.Errorf("mapping: role value %q maps to %q: roles are customer, agent, bot, system", v, r)
		}
		if prev, ok := c.roles[roleKey(v)]; ok && prev != role {
			a, b := sorted2(prev.String(), role.String())
			return nil, fmt.Errorf("mapping: role value %q is given twice (as values differing only in case or blanks), mapped to %s and %s", roleKey(v), a, b)
		}
		c.roles[roleKey(v)] = role
	}
	for v, t := range m.Types {
		if strings.TrimSpace(t) == "" {
			return nil, fmt.Errorf("mapping: type value %q maps to an empty type", v)
		}
		if prev, ok := c.types[roleKey(v)]; ok && prev != strings.TrimSpace(t) {
			a, b := sorted2(prev, strings.TrimSpace(t))
			return nil, fmt.Errorf("mapping: type value %q is given twice (as values differing only in case or blanks), mapped to %q and %q", roleKey(v), a, b)
		}
		c.types[roleKey(v)] = strings.TrimSpace(t)
		c.skips = c.skips || strings.TrimSpace(t) == TypeSkip
	}
	for name, v := range m.Defaults {
		i := fieldIndex(name)
		switch i {
		case fConv, fRole, fSender, fType:
		default:
			return nil, fmt.Errorf("mapping: no default for %q (defaults: conversation, role, sender, type)", name)
		}
		if i == fRole {
			if _, ok := lint.ParseRole(v); !ok {
				return nil, fmt.Errorf("mapping: default role %q: roles are customer, agent, bot, system", v)
			}
		}
		c.defaults[i] = strings.TrimSpace(v)
	}
	layout, err := TimeLayout(m.TimeLayout)
	if err != nil {
		return nil, err
	}
	if layout != "" && layout != "unix" && layout != "unixms" {
		ref := time.Date(2001, 2, 3, 16, 5, 6, 0, time.UTC)
		if ref.Format(layout) == layout {
			return nil, fmt.Errorf("time layout %q has no date or time in it: write it as Go (2006-01-02 15:04:05) or strftime (%%Y-%%m-%%d %%H:%%M:%%S)", m.TimeLayout)
		}
		if err := layoutHasDate(m.TimeLayout, layout); err != nil {
			return nil, err
		}
	}
	c.layout, c.givenLayout = layout, m.TimeLayout
	if m.Header != nil {
		c.header = *m.Header
	}
	if m.Quotes != nil {
		c.quotes = *m.Quotes
	}
	if m.Delimiter != "" {
		d, err := ParseDelimiter(m.Delimiter)
		if err != nil {
			return nil, err
		}
		c.delim = d
	}
	return c, nil
}

// zero reports whether the mapping sets nothing that reads a JSON record
// otherwise (a quick test, before compiling it).
func (m *Mapping) zero() bool {
	return len(m.Fields) == 0 && strings.TrimSpace(m.Messages) == "" && len(m.Roles) == 0 && len(m.Types) == 0 &&
		len(m.Defaults) == 0 && m.TimeLayout == ""
}

// reshapes reports whether the mapping changes where a JSON record's fields
// are or how their values translate (fields, messages paths, roles, types,
// defaults, a time layout): the csv-only settings (header, delimiter,
// quotes) do not.
func (c *compiledMapping) reshapes() bool {
	return c.cols != [nFields]string{} || len(c.messages) > 0 || len(c.roles) > 0 || len(c.types) > 0 ||
		c.defaults != [nFields]string{} || c.layout != ""
}

// ParseDelimiter reads a delimiter: one character, or tab, \t, comma,
// semicolon, pipe, space.
func ParseDelimiter(s string) (rune, error) {
	switch strings.ToLower(s) {
	case "tab", `\t`, "\t":
		return '\t', nil
	case "comma":
		return ',', nil
	case "semicolon":
		return ';', nil
	case "pipe":
		return '|', nil
	case "space":
		return ' ', nil
	}
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || size != len(s) || r == utf8.RuneError || r == '"' || r == '\n' || r == '\r' {
		return 0, fmt.Errorf("delimiter %q: give one character (or tab, comma, semicolon, pipe, space)", s)
	}
	return r, nil
}

// ParsePairs reads "key=value,key=value" (the --map, --roles, --types and
// --default flags); keys and values are trimmed and must not be empty.
func ParsePairs(spec string) (map[string]string, error) {
	out := map[string]string{}
	for _, part := range strings.Split(spec, ",") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" || v == "" {
			return nil, fmt.Errorf("%q: expected KEY=VALUE", strings.TrimSpace(part))
		}
		if prev, dup := out[k]; dup && prev != v {
			// the last would win without a word (text=内容,text=发送人)
			return nil, fmt.Errorf("%s is given twice: %s=%s and %s=%s", k, k, prev, k, v)
		}
		out[k] = v
	}
	return out, nil
}

func roleKey(v string) string { return strings.ToLower(strings.TrimSpace(v)) }

// sorted2 returns a and b in order (an error naming both reads the same
// whichever a map gave first).
func sorted2(a, b string) (string, string) {
	if b < a {
		return b, a
	}
	return a, b
}

// builder turns the raw field values of one record into a message,
// applying the mapping's role and type maps, defaults and time layout, and
// the Agents/Staff sender rules.
type builder struct {
	src      *Source
	m        *compiledMapping
	senders  *senderMatch // Agents and Staff (nil: none)
	hasRules bool         // Agents or Staff decide roles by sender
	// loc, if set, is the zone of the times written without one instead of
	// --tz: the one a table's time column names in its header (时间(UTC))
	loc *time.Location
	// html, if set, samples the file's first texts for HTML, which --html
	// (off) would read the text out of: nil with --html, or with no run
	// to warn (Options.Mixed)
	html *htmlSample
}

// htmlSample looks at the first texts of a file (htmlSampleTexts) for
// HTML read as it is, help desks' rich text mapped with --map text=body
// and no --html: two that are (htmlLike) are said once, in a warning after
// the run. The records of a file may be built on several goroutines.
type htmlSample struct {
	seen  atomic.Int32 // the texts looked at
	hits  atomic.Int32 // those that are HTML
	first atomic.Int64 // the line of the first of them seen (0: none)
}

// htmlSampleTexts is how many texts of a file htmlSample looks at: past
// them a file's records pay one load.
const htmlSampleTexts = 256

// sample looks at the text of the record at pos, if it is among the first.
func (h *htmlSample) sample(src *Source, text string, pos lint.Pos) {
	if h.seen.Add(1) > htmlSampleTexts || !htmlLike(text) {
		return
	}
	line := int64(pos.Line)
	for {
		first := h.first.Load()
		if first != 0 && first <= line || h.first.CompareAndSwap(first, line) {
			break
		}
	}
	if h.hits.Add(1) == 2 {
		src.Opts.Mixed.noteAt(src.Name, pos.Line, fmt.Sprintf("its texts hold HTML (tags such as <p> and <br>, &nbsp;: the first at line %d), read as it is: "+
			"a phrase a tag splits (不<b>知</b>道) is unseen by the rules, and the reports show the markup; --html reads the text out of it", h.first.Load()))
	}
}

// newHTMLSample is the htmlSample of src's texts: nil with --html, or
// with no run to warn (Options.Mixed).
func newHTMLSample(src *Source) *htmlSample {
	if src.Opts == nil || src.Opts.HTML || src.Opts.Mixed == nil {
		return nil
	}
	return &htmlSample{}
}

// look is sample for a reader whose sample may be nil (none to take),
// at the cost of one load once the first texts are looked at.
func (h *htmlSample) look(src *Source, text string, pos lint.Pos) {
	if h != nil && h.seen.Load() < htmlSampleTexts {
		h.sample(src, text, pos)
	}
}

func newBuilder(src *Source) (*builder, error) {
	m, err := src.Opts.Mapping.compile()
	if err != nil {
		return nil, err
	}
	b := &builder{src: src, m: m, senders: src.Opts.senders()}
	b.hasRules = b.senders != nil
	b.html = newHTMLSample(src)
	return b, nil
}

// TypeSkip, as the target of a Types entry, skips the records of that type.
const TypeSkip = "skip"

// skipped returns why a record is not linted ("" when it is): its type
// maps to TypeSkip.
func (b *builder) skipped(r *record) string {
	t := strings.TrimSpace(r.v[fType])
	if t == "" {
		return ""
	}
	return b.m.skipReason(t)
}

// mapType maps an export's type value by the mapping's types: its own
// entry, else the "*" entry (every value not listed).
func (c *compiledMapping) mapType(t string) (string, bool) {
	if mapped, ok := c.types[roleKey(t)]; ok {
		return mapped, true
	}
	mapped, ok := c.types["*"]
	return mapped, ok
}

// skipReason is why a record of type t is skipped ("" when it is not).
func (c *compiledMapping) skipReason(t string) string {
	if !c.skips {
		return ""
	}
	mapped, _ := c.mapType(t)
	switch {
	case mapped != TypeSkip:
		return ""
	case c.types[roleKey(t)] == TypeSkip:
		return fmt.Sprintf("type %q (--types %s=skip)", t, t)
	}
	return fmt.Sprintf("type %q (--types *=skip)", t)
}

// record holds the raw values of one record, by field index.
type record struct {
	v  [nFields]string
	ok [nFields]bool
}

func (r *record) set(i int, v string) { r.v[i], r.ok[i] = v, true }

// build makes the message; a non-empty string is why the record is malformed.
// conv is the conversation to use when the record names none.
func (b *builder) build(r *record, pos lint.Pos, conv string) (lint.Message, string) {
	m := lint.Message{Pos: pos, Type: lint.TypeText}
	if !r.ok[fText] {
		return m, "no text"
	}
	m.Text = r.v[fText]
	b.html.look(b.src, m.Text, pos)
	m.ID = strings.TrimSpace(r.v[fID])
	m.Conversation = strings.TrimSpace(r.v[fConv])
	if sciNumber(m.Conversation) {
		return m, sciConversationWhy(m.Conversation)
	}
	if m.Conversation == "" {
		m.Conversation = b.m.defaults[fConv]
	}
	if m.Conversation == "" {
		m.Conversation = conv
	}
	if m.Conversation == "" {
		m.Conversation = b.src.Name
	}
	m.Sender = strings.TrimSpace(r.v[fSender])
	if m.Sender == "" {
		m.Sender = b.m.defaults[fSender]
	}
	if t := strings.TrimSpace(r.v[fType]); t != "" {
		if mapped, ok := b.m.mapType(t); ok {
			t = mapped
		}
		m.Type = t
	} else if b.m.defaults[fType] != "" {
		m.Type = b.m.defaults[fType]
	}
	role, err := b.role(r.v[fRole], m.Sender)
	if err != "" {
		return m, err
	}
	m.Role = role
	if ts := strings.TrimSpace(r.v[fTime]); ts != "" {
		loc := b.src.Opts.Location
		if b.loc != nil {
			loc = b.loc
		}
		t, minute, err := parseTimeLayoutPrec(ts, b.m.layout, b.m.givenLayout, loc)
		if err != nil {
			return m, err.Error()
		}
		m.Time, m.TimeToMinute = t, minute
	}
	return m, ""
}

// sciConversationWhy is the reason of a record whose conversation id is a
// number in scientific notation (see sciNumber), in every reader (the
// mapped ones' builder.build, the canonical JSONL scanner's
// sciConversationBytes): read as an id, every conversation whose id Excel
// had so shortened ran together in one.
func sciConversationWhy(id string) string {
	return fmt.Sprintf("conversation id %q is a number in scientific notation, as Excel saves a long one it shows so: its digits are lost, and conversations would run together (give the column a text format, or the number format 0, and export again)", id)
}

// sciNumber reports whether s is a number in scientific notation with an
// explicit sign, 1.23457E+15, as Excel writes a number of 12 digits or more
// in a column of the General format to a csv (and as floats print): an id
// that no longer holds its digits. Ids in hex (4e12) have no sign.
func sciNumber(s string) bool {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	if i == 0 || i+2 >= len(s) || s[i]|0x20 != 'e' || s[i+1] != '+' {
		return false
	}
	for _, c := range []byte(s[i+2:]) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// role resolves a record's role from its role value, else from its sender
// as Roles, Staff or Agents name it, else from the default role, else (with
// Staff or Agents given) as a customer's: a default role=customer beside
// --agents is everyone else, not the agents too.
func (b *builder) role(value, sender string) (lint.Role, string) {
	if v := strings.TrimSpace(value); v != "" {
		if r, ok := b.m.roles[roleKey(v)]; ok {
			return r, ""
		}
		if r, ok := lint.ParseRole(v); ok {
			return r, ""
		}
		return lint.RoleUnknown, unknownRole(v) + b.knownRoles()
	}
	if r, ok := b.senderRole(sender); ok {
		return r, ""
	}
	if d := b.m.defaults[fRole]; d != "" {
		r, _ := lint.ParseRole(d)
		return r, ""
	}
	if b.hasRules && sender != "" {
		return lint.Customer, ""
	}
	if sender == "" {
		return lint.RoleUnknown, "no role and no sender (map the role field, or set a default role)"
	}
	return lint.RoleUnknown, fmt.Sprintf("no role for sender %q (map the role field, or name the agents with --agents PATTERN)", sender)
}

// unknownRole says that a role value is no role and how to map it: to the
// role a common value stands for (客服 agent, 顾客 customer: see
// hintRoles), else to agent, as an example. The flag's value is always in
// single quotes (a shell word: lint.ReasonKind keeps each value's records
// apart by it), quoted for the shell whatever the value holds.
func unknownRole(v string) string {
	r := lint.Agent
	if h, ok := hintRole(v); ok {
		r = h
	}
	if k := strings.TrimSpace(v); strings.ContainsAny(k, ",=") {
		// --roles splits on both: only the config can name such a value
		return fmt.Sprintf("unknown role %q (map it in .chatlint.yaml, under input: roles: { %s: %s }; --roles cannot name a value holding a comma or an equals sign; roles are customer, agent, bot, system)", v, yamlQuote(k), r)
	}
	return fmt.Sprintf("unknown role %q (map it, e.g. --roles %s; roles are customer, agent, bot, system)", v, shellQuote(strings.TrimSpace(v)+"="+r.String()))
}

// yamlQuote writes s as a YAML single-quoted scalar (a quote in it
// doubled), which holds any text of one line.
func yamlQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// senderRole decides a role from the sender's name: an entry of Roles, a
// Staff id or an Agents pattern (role gives every other sender its role).
func (b *builder) senderRole(sender string) (lint.Role, bool) {
	if sender == "" {
		return lint.RoleUnknown, false
	}
	if r, ok := b.m.roles[roleKey(sender)]; ok {
		return r, true
	}
	if b.isAgent(sender) {
		return lint.Agent, true
	}
	return lint.RoleUnknown, false
}

// isAgent reports whether a sender is a Staff id or matches an Agents pattern.
func (b *builder) isAgent(sender string) bool {
	if !b.hasRules {
		return false
	}
	use := b.src.Opts.SenderRules
	use.ask()
	if b.senders.agent(sender) {
		use.match()
		return true
	}
	return false
}

func (b *builder) knownRoles() string {
	if len(b.m.roles) == 0 {
		return ""
	}
	var ks []string
	for k, r := range b.m.roles {
		ks = append(ks, k+"="+r.String())
	}
	sort.Strings(ks)
	if len(ks) > 8 {
		ks = append(ks[:8], "…")
	}
	return "; mapped: " + strings.Join(ks, ", ")
}

// pathStep is one step of a JSON path: an object key, an array index, or
// (in a messages path) every element of an array.
type pathStep struct {
	key   string
	index int // -1: not an index step
	iter  bool
}

// parsePath reads a JSON path: keys separated by dots, [N] array indexes
// and, when iter is allowed, [] for every element. "", "." and "$" are the
// element itself; a leading "$." or "." is ignored.
func parsePath(s string, iter bool) ([]pathStep, error) {
	orig := s
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "$")
	s = strings.TrimPrefix(s, ".")
	var steps []pathStep
	for s != "" {
		switch s[0] {
		case '.':
			s = s[1:]
			if s == "" || s[0] == '.' || s[0] == '[' {
				return nil, fmt.Errorf("%q: empty key", orig)
			}
		case '[':
			end := strings.IndexByte(s, ']')
			if end < 0 {
				return nil, fmt.Errorf("%q: missing ]", orig)
			}
			inner := strings.TrimSpace(s[1:end])
			s = s[end+1:]
			if inner == "" || inner == "*" {
				if !iter {
					return nil, fmt.Errorf("%q: [] (every element) only belongs in the messages path; use [N] for one element", orig)
				}
				steps = append(steps, pathStep{iter: true, index: -1})
				continue
			}
			n, err := strconv.Atoi(inner)
			if err != nil || n < 0 {
				return nil, fmt.Errorf("%q: [%s] is not an array index", orig, inner)
			}
			steps = append(steps, pathStep{index: n})
		default:
			end := strings.IndexAny(s, ".[")
			if end < 0 {
				end = len(s)
			}
			key := s[:end]
			if strings.ContainsRune(key, ']') {
				return nil, fmt.Errorf("%q: unexpected ]", orig)
			}
			steps = append(steps, pathStep{key: key, index: -1})
			s = s[end:]
		}
	}
	return steps, nil
}
