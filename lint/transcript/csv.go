package transcript

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

func init() {
	register(&Format{
		Name:       "csv",
		Extensions: []string{".csv"},
		AutoDetect: true,
		Priority:   -10,
		// a help desk's export saved as text, as Excel's tab-separated one
		Overrides: []string{"txt"},
		Sniff:     func(head []byte) bool { return sniffDelimited(head, ',') },
		New:       func() Reader { return &delimitedReader{comma: ','} },
	})
	register(&Format{
		Name:       "tsv",
		Extensions: []string{".tsv", ".tab"},
		AutoDetect: true,
		Priority:   -10,
		// Excel saves its "Unicode text" (UTF-16 TSV) as .txt
		Overrides: []string{"txt"},
		Sniff:     func(head []byte) bool { return sniffDelimited(head, '\t') },
		New:       func() Reader { return &delimitedReader{comma: '\t'} },
	})
}

// headerAliases are the header names (compared after folding case, spaces,
// underscores and hyphens) each canonical field is recognised by, most
// specific first: when several columns match a field, the one matching the
// earliest alias wins.
var headerAliases = [nFields][]string{
	fConv: {"conversation", "conversationid", "session", "sessionid", "chatid", "dialogid", "dialogueid",
		"threadid", "ticketid", "ticket", "contactid", "talkerid", "会话id", "会话编号", "会话", "对话id", "对话编号",
		"聊天id", "工单号", "工单id", "工单编号", "会话标识", "会话流水号"},
	fID: {"id", "messageid", "msgid", "localid", "消息id", "消息编号", "记录id"},
	fTime: {"time", "timestamp", "datetime", "createdat", "createtime", "sendtime", "sentat", "date",
		"strtime", "时间", "发送时间", "消息时间", "消息发送时间", "聊天时间", "发言时间", "日期时间", "时间戳", "日期"},
	fRole: {"role", "senderrole", "sendertype", "authortype", "participantrole", "角色", "发送方角色",
		"发送者类型", "发送人类型", "发送者角色", "发送人角色", "发送方", "消息发送方", "身份"},
	fSender: {"sender", "sendername", "from", "author", "name", "nickname", "displayname", "user", "agent",
		"发送人", "发送者", "消息发送人", "消息发送者", "发言人", "发送人昵称", "昵称", "用户", "客服昵称", "客服", "姓名"},
	fType: {"type", "msgtype", "messagetype", "contenttype", "类型", "消息类型"},
	fText: {"text", "content", "message", "body", "msg", "strcontent", "内容", "消息内容", "聊天内容", "对话内容",
		"发言内容", "文本", "正文", "消息"},
}

// foldHeader normalises a header name for alias matching: case, white
// space (line breaks too), underscores, hyphens and full-width letters
// folded, the Traditional characters of the aliases turned Simplified
// (會話ID is 会话id), and a note in brackets at the end left out
// (发送时间(UTC) is 发送时间: see headerNote).
func foldHeader(s string) string {
	var b strings.Builder
	if name, _, ok := headerNote(s); ok {
		s = name
	}
	s = strings.ReplaceAll(s, "訊息", "消息")
	for _, r := range strings.TrimSpace(strings.TrimPrefix(s, "\uFEFF")) {
		switch {
		case unicode.IsSpace(r) || r == '_' || r == '-' || r == '\u3000' || unicode.Is(unicode.Cf, r):
			// (a line break too: a header cell wrapped with Alt+Enter;
			// and the invisible: a zero-width space, a direction mark)
		case r >= 'Ａ' && r <= 'ｚ':
			b.WriteRune(unicode.ToLower(r - 0xFEE0))
		default:
			b.WriteRune(unicode.ToLower(simplifiedRune(r)))
		}
	}
	return b.String()
}

// headerNote cuts a note in brackets off the end of a header cell, as
// exports write what a column holds: 发送时间(UTC), 时间（北京时间）,
// 内容(文本). ok is false when there is none, or nothing before it.
func headerNote(s string) (name, note string, ok bool) {
	s = strings.TrimSpace(strings.TrimPrefix(s, "\uFEFF"))
	for _, p := range [][2]string{{"(", ")"}, {"（", "）"}} {
		if body, found := strings.CutSuffix(s, p[1]); found {
			if i := strings.LastIndex(body, p[0]); i > 0 {
				if name := strings.TrimSpace(body[:i]); name != "" {
					return name, strings.TrimSpace(body[i+len(p[0]):]), true
				}
			}
		}
	}
	return s, "", false
}

// headerZone is the zone a header cell's note names (时间(UTC), 发送时间
// （北京时间）, Time (UTC+8)), as a time would write it after its time of
// day (see cutZone); nil when it names none.
func headerZone(h string) *time.Location {
	_, note, ok := headerNote(h)
	if !ok || note == "" {
		return nil
	}
	n, _ := narrowTime(note)
	_, off, zoned, err := cutZone("00:00 " + n)
	if !zoned || err != nil {
		return nil
	}
	return time.FixedZone("", off)
}

// sniffDelimited reports whether a header row, split by comma, that names
// a text column starts the content: the first line, or one of the first
// maxTitleRows below title rows, each with fewer cells filled than it, as
// the reader finds it (see headerBelowTitles). A line of a chat dump's
// (NAME TIME) is no title. A csv header may be split by ';' too, as
// Excel's CSV is where the decimal mark is a comma: the reader then asks
// for --delimiter ';' (or reads it with one).
func sniffDelimited(head []byte, comma rune) bool {
	most := 0
	for i := 0; i < maxTitleRows && len(head) > 0; i++ {
		line, rest, ended := bytes.Cut(head, []byte("\n"))
		if i > 0 && !ended {
			break // cut where the peek ends
		}
		head = rest
		line = bytes.TrimRight(line, "\r")
		fields := strings.Split(string(line), string(comma))
		if len(fields) > 1 && namesText(fields) {
			return filled(fields) > most
		}
		if comma == ',' {
			if semi := strings.Split(string(line), ";"); len(semi) > 1 && namesText(semi) {
				return filled(semi) > most
			}
		}
		if _, _, ok := parseTxtHeader(strings.TrimSpace(string(line)), 0, false, time.UTC); ok {
			return false
		}
		most = max(most, filled(fields))
	}
	return false
}

// namesText reports whether one of the fields of a header row names a text
// column.
func namesText(fields []string) bool {
	for _, f := range fields {
		f = foldHeader(strings.Trim(strings.TrimSpace(f), `"`))
		for _, a := range headerAliases[fText] {
			if f == a {
				return true
			}
		}
	}
	return false
}

// delimitedReader reads csv and tsv exports: a header row naming the
// columns (canonical names, common aliases or the mapping's names), or no
// header and a mapping by column number. Fields may be "quoted" with
// doubled "" inside, and may then hold delimiters and line breaks.
type delimitedReader struct {
	comma rune
}

func (d *delimitedReader) Read(ctx context.Context, src *Source, sink lint.Sink) error {
	b, err := newBuilder(src)
	if err != nil {
		return err
	}
	comma := d.comma
	sep, hasSep := sepLine(src.R)
	if b.m.delim != 0 {
		comma = b.m.delim
	} else if hasSep {
		comma = sep
	}
	p := &recordParser{src: src, lr: *newLineReader(src), comma: comma, quotes: b.m.quotes}
	if p.quotes {
		p.q.delim = string(comma)
		p.lr.tap = p.q.scan // lines over the bound: follow their quotes
	}
	if b.m.header {
		if f := jsonInTable(src.R); f != "" {
			return fmt.Errorf("line 1: the file holds JSON, not delimited values: use --input-format %s", f)
		}
	}
	if hasSep {
		// no record, nor a title over the header row; nor, repeated, in
		// exports joined with cat (see repeatedHeader)
		if _, _, _, err := p.next(); err != nil {
			return err
		}
		p.sep = []byte("sep=" + string(sep))
	}
	return readRows(ctx, src, sink, b, p, comma)
}

// jsonInTable is the JSON format of a file given as a table (a JSONL or
// JSON export named .csv) whose first line reads as JSON: jsonl, or json
// for a document; "" when it does not. Its header row would be refused in
// words about quotes and columns.
func jsonInTable(r *bufio.Reader) string {
	n := r.Buffered()
	if n == 0 || n > 4096 {
		n = 4096
	}
	head, _ := r.Peek(n)
	head = bytes.TrimLeft(head, " \t\r\n")
	first, rest, _ := bytes.Cut(head, []byte("\n"))
	switch {
	case !jsonStart(head):
		return ""
	case sniffJSON(head):
		return "json"
	case !json.Valid(first):
		return ""
	case len(bytes.TrimSpace(rest)) == 0:
		return "json" // one value: a document, or a message alone
	}
	return "jsonl"
}

// sepLine reads the delimiter a first line "sep=;" names, as Excel reads
// and writes it (a csv whose fields are split by ';' opens right in any
// locale's Excel with it), without taking it from r.
func sepLine(r *bufio.Reader) (rune, bool) {
	n := r.Buffered()
	if n == 0 || n > 16 {
		n = 16
	}
	head, _ := r.Peek(n)
	if len(head) < 5 || !strings.EqualFold(string(head[:4]), "sep=") {
		return 0, false
	}
	c, size := utf8.DecodeRune(head[4:])
	rest := head[4+size:]
	if c == utf8.RuneError || c == '"' || c == '\r' || c == '\n' {
		return 0, false
	}
	if len(rest) > 0 && rest[0] == '\r' {
		rest = rest[1:]
	}
	if len(rest) > 0 && rest[0] != '\n' {
		return 0, false
	}
	return c, true
}

// rowSource yields the rows of a table: its fields, the line (or row) it
// starts on, and why it is malformed (perr, the row consumed); fields ==
// nil && perr == "" is the end, err a read error.
type rowSource interface {
	next() (fields []string, line int, perr string, err error)
}

// readRows reads a table whose first row names the columns (unless the
// mapping says there is no header) into messages. comma is the delimiter
// of a delimited file, for the hints of errors; 0 for a spreadsheet, whose
// rows may also stop short of the header (empty cells at the end are not
// stored) or run past it.
func readRows(ctx context.Context, src *Source, sink lint.Sink, b *builder, p rowSource, comma rune) error {
	var cols [nFields]int
	for i := range cols {
		cols[i] = -1
	}
	// nHeader is how many columns the header names (its empty cells
	// after the last name are absent: see namedWidth), cells how many
	// cells the header row has
	nHeader, cells, date := 0, 0, -1
	if b.m.header {
		fields, line, perr, err := p.next()
		if err != nil {
			return err
		}
		if fields == nil && perr == "" {
			return errors.New("empty file: no header row")
		}
		if perr != "" {
			return fmt.Errorf("line %d: header row: %s", line, perr)
		}
		if cols, err = headerColumns(fields, &b.m.cols, comma); err != nil {
			header, c, ok, rerr := headerBelowTitles(p, fields, &b.m.cols, comma)
			switch {
			case rerr != nil:
				return rerr
			case !ok:
				return fmt.Errorf("line %d: %w", line, err)
			}
			fields, cols = header, c
		}
		nHeader = namedWidth(fields)
		cells = len(fields)
		if c := cols[fTime]; c >= 0 && c < len(fields) {
			b.loc = headerZone(fields[c])
		}
		if rp, ok := p.(*recordParser); ok {
			rp.setHeader(fields)
		}
		if cols[fTime] >= 0 && b.m.layout == "" {
			date = dateColumn(fields, &cols)
		}
	} else {
		for i, spec := range b.m.cols {
			if spec == "" {
				continue
			}
			n, err := strconv.Atoi(spec)
			if err != nil || n < 1 {
				return fmt.Errorf("no header row (--header=false): map %s to a column number, not %q", FieldNames[i], spec)
			}
			cols[i] = n - 1
		}
		if cols[fText] < 0 {
			return fmt.Errorf("no header row (--header=false): map the text column, e.g. --map text=5")
		}
	}
	if cols[fType] < 0 && b.m.defaults[fType] == "" {
		// no type column: no note or order event can show
		lint.MarkUntyped(sink, src.Name)
	}
	rb := &rowBuilder{b: b, cols: cols, comma: comma, date: date}
	for _, c := range cols {
		if c+1 > rb.need {
			rb.need = c + 1
		}
	}
	if nHeader > 0 {
		// a column mapped by number under an empty header cell is one of
		// the header's
		rb.nHeader, rb.named, rb.cells = max(nHeader, rb.need), nHeader, cells
	}
	records := 0
	// where a record's text is on its line, when the rows are lines
	placer, _ := p.(textPlacer)
	// a delimited record on one line goes to the engine's workers, to be
	// split and built there (csvRowParser); the others are read here
	rp, _ := p.(*recordParser)
	deferring, _ := sink.(lint.DeferringSink)
	var rows *csvRowParser
	if rp != nil && deferring != nil {
		rows = &csvRowParser{rb: rb, src: rp.src, comma: rp.comma, quotes: rp.quotes, qdelim: rp.q.delim, max: rp.lr.max}
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		if rows != nil {
			raw, line, single, err := rp.nextSingle()
			if err != nil {
				return err
			}
			if single {
				records++
				if err := deferring.Deferred(lint.Pos{File: src.Name, Line: line}, raw, rows); err != nil {
					return err
				}
				continue
			}
		}
		fields, line, perr, err := p.next()
		if err != nil {
			return err
		}
		if fields == nil && perr == "" {
			break
		}
		records++
		pos := lint.Pos{File: src.Name, Line: line}
		m, perr, skip := rb.message(fields, pos, perr, placer)
		switch {
		case perr != "":
			err = sink.Reject(lint.RecordError{Pos: pos, Err: perr})
		case skip != "":
			err = sink.SkipRecord(pos, skip)
		default:
			err = sink.Message(m)
		}
		if err != nil {
			return err
		}
	}
	if records == 0 && b.m.header {
		return errHeaderOnly
	}
	return nil
}

// errHeaderOnly is the error of a table of a header row and nothing under
// it (a template).
var errHeaderOnly = errors.New("only a header row, no messages")

// maxTitleRows is the row a table's header may be on at the latest, below
// title rows.
const maxTitleRows = 10

// headerBelowTitles looks for the header below title rows: a title (a
// merged cell), an export date or a row of column groups above the row
// that names the columns. The first row (first, which names none) and the
// rows after it are titles when a row among the first maxTitleRows names
// the columns and each of them holds fewer non-empty cells than it. ok
// reports whether such a header was found (its fields and columns are
// returned); when it was not, the first row is the header that names no
// columns. err is a read error.
func headerBelowTitles(p rowSource, first []string, mapped *[nFields]string, comma rune) (header []string, cols [nFields]int, ok bool, err error) {
	most := filled(first)
	for range maxTitleRows - 1 {
		fields, _, perr, err := p.next()
		if err != nil || fields == nil || perr != "" {
			return nil, cols, false, err
		}
		n := filled(fields)
		if c, err := headerColumns(fields, mapped, comma); err == nil {
			// a row holding a time is a data row (of a file without a
			// header) that happens to hold a column's name, such as 内容
			return fields, c, n > most && !holdsTime(fields), nil
		}
		most = max(most, n)
	}
	return nil, cols, false, nil
}

// holdsTime reports whether a cell of a row reads as a time, as no name of
// a column does.
func holdsTime(fields []string) bool {
	for _, f := range fields {
		if f = strings.TrimSpace(f); f != "" && f[0] >= '0' && f[0] <= '9' {
			if t, err := ParseTime(f, time.UTC); err == nil && !t.IsZero() {
				return true
			}
		}
	}
	return false
}

// namedWidth is how many columns a header row names: its cells up to the
// last one that holds more than white space. Excel writes the empty cells
// after it (time,sender,role,text,,,) when a column was once used: they
// are absent, and a row need not have them.
func namedWidth(header []string) int {
	n := len(header)
	for n > 0 && strings.TrimSpace(header[n-1]) == "" {
		n--
	}
	return n
}

// fieldCount says why a delimited record of n fields does not fit its
// header row, which takes width fields: the header row's width, or, when
// the row has empty cells after its named ones, how many cells it has and
// how many of them are named (a record may have any number in between).
// Too few fields are a record cut short, by a line break in a field
// written without quotes (whose rest is the next line) or a delimiter
// left out; too many, unbalanced quotes or a stray delimiter.
func fieldCount(n, width, named, cells int, comma rune) string {
	why := fmt.Sprintf("unbalanced quotes or a stray %s?", delimName(comma))
	if n < width {
		why = fmt.Sprintf("a line break in a field without quotes, or a missing %s?", delimName(comma))
	}
	if cells > width {
		return recordHas(n) + fmt.Sprintf(", the header row has %d cells, %d of them named (%s)", cells, named, why)
	}
	return recordHas(n) + fmt.Sprintf(", the header has %d (%s)", width, why)
}

// recordHas says how many fields a record has: "record has 3 fields",
// "record has 1 field" (it said "1 fields").
func recordHas(n int) string {
	if n == 1 {
		return "record has 1 field"
	}
	return fmt.Sprintf("record has %d fields", n)
}

// pastHeader cuts a row to the width columns its header names. A value
// past them is ignored when its column is one the header row has, as an
// empty cell (time,role,text,, over rows with a row number there), as a
// column nobody named is (before upTo; a spreadsheet's cells past its
// header: any). A value further right leaves the row whole, for the field
// count to judge (a stray delimiter, unbalanced quotes). The header's empty
// trailing cells are absent otherwise: a row need not have them.
func pastHeader(fields []string, width, upTo int) []string {
	for i := width; i < len(fields); i++ {
		if i >= upTo && strings.TrimSpace(fields[i]) != "" {
			return fields
		}
	}
	return fields[:width]
}

// columnName is a 0-based column's letters in a worksheet (0 → A, 27 → AB).
func columnName(i int) string {
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return string(b)
}

// filled counts the cells of a row that hold more than white space.
func filled(fields []string) int {
	n := 0
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			n++
		}
	}
	return n
}

// rowBuilder makes the message of a table's row: the columns of the
// fields (cols), the header's width, the columns the mapping needs.
type rowBuilder struct {
	b             *builder
	cols          [nFields]int
	nHeader, need int
	// cells is how many cells the header row has, empty ones after its
	// named columns included; named is how many it names (nHeader, unless
	// a column is mapped by number under an empty cell)
	cells, named int
	comma        rune // 0: a spreadsheet's rows
	// date is the column of the dates when the time column may hold times
	// of day alone (see dateColumn); -1: none
	date int
}

// dateAliases name a column of dates beside a column of times of day.
var dateAliases = []string{"date", "日期", "发送日期", "消息日期", "聊天日期"}

// dateColumn returns the column of a header that holds the dates when the
// time column (cols[fTime]) holds the times of day alone, as exports with
// 日期 and 时间 columns do: a column named by dateAliases that no field
// takes; -1 when there is none.
func dateColumn(header []string, cols *[nFields]int) int {
	for _, a := range dateAliases {
		for i, h := range header {
			if foldHeader(h) == a && !taken(cols, i, nFields) {
				return i
			}
		}
	}
	return -1
}

// timeOfDay reports whether a time is a time of day alone: h:mm, h:mm:ss
// or h:mm:ss.fff, with or without 上午 or 下午 (see meridiemTime) before or
// after it, and with or without a zone (10:02 +08:00, 北京时间 10:02; see
// cutZone).
func timeOfDay(s string) bool {
	_, ok := clockOf(s)
	return ok
}

// clockOf returns the time of day s holds alone (timeOfDay), its zone
// written after it as an offset (10:02 +08:00), so that a date put
// before it makes a time ParseTime reads with that zone.
func clockOf(s string) (string, bool) {
	if plainTimeOfDay(s) {
		return strings.TrimSpace(s), true
	}
	n, _ := narrowTime(s)
	local, off, zoned, err := cutZone(strings.TrimSpace(n))
	if !zoned || err != nil || !plainTimeOfDay(local) {
		return "", false
	}
	return local + " " + offsetText(off), true
}

// plainTimeOfDay is timeOfDay for a time without a zone.
func plainTimeOfDay(s string) bool {
	// full-width digits and colons (１０：０２) read as their ASCII, as
	// ParseTime reads them
	s, _ = narrowTime(s)
	s = strings.TrimSpace(s)
	for _, mark := range []string{"上午", "下午"} {
		if rest, ok := strings.CutPrefix(s, mark); ok {
			s = strings.TrimSpace(rest)
			break
		}
		if rest, ok := strings.CutSuffix(s, mark); ok {
			s = strings.TrimSpace(rest)
			break
		}
	}
	h, rest, ok := strings.Cut(s, ":")
	if !ok || len(h) < 1 || len(h) > 2 || len(rest) < 2 {
		return false
	}
	for _, c := range h + rest {
		if (c < '0' || c > '9') && c != ':' && c != '.' {
			return false
		}
	}
	return true
}

// withDate puts a time of day on the date of the date column, when there
// is one: a date cell of a workbook reads as the date at midnight, whose
// time is left out, as it is from a csv saved from such cells (2026/11/4
// 0:00).
func (rb *rowBuilder) withDate(t string, fields []string) string {
	if rb.date < 0 || rb.date >= len(fields) {
		return t
	}
	clock, ok := clockOf(t)
	if !ok {
		return t
	}
	d := strings.TrimSpace(fields[rb.date])
	if day, midnight, ok := strings.Cut(d, " "); ok && plainTimeOfDay(midnight) && strings.Trim(midnight, "0:. ") == "" {
		d = day
	}
	if d == "" {
		return t
	}
	return d + " " + clock
}

// message makes the message of the row fields at pos; perr, if the row is
// already known to be malformed, is why. It returns the message, or why
// the row is malformed, or why it is skipped. placer, if set, is where
// the text is on the row's line.
func (rb *rowBuilder) message(fields []string, pos lint.Pos, perr string, placer textPlacer) (m lint.Message, _ string, skip string) {
	nHeader, need, comma := rb.nHeader, rb.need, rb.comma
	if comma == 0 && len(fields) < max(nHeader, need) {
		fields = append(fields, make([]string, max(nHeader, need)-len(fields))...)
	}
	if nHeader > 0 && len(fields) > nHeader {
		// empty fields past the header's (a delimiter after every field
		// of the rows, not the header's; cells Excel stored) hold nothing
		// to misplace, nor does a column the header left unnamed
		upTo := rb.cells
		if comma == 0 {
			upTo = math.MaxInt
		}
		fields = pastHeader(fields, nHeader, upTo)
	}
	if perr == "" {
		switch {
		case comma != 0 && nHeader > 0 && len(fields) != nHeader:
			perr = fieldCount(len(fields), nHeader, rb.named, rb.cells, comma)
		case len(fields) < need:
			perr = recordHas(len(fields)) + fmt.Sprintf(", the mapping needs %d", need)
		}
	}
	if perr != "" {
		return m, perr, ""
	}
	var r record
	for i, c := range rb.cols {
		if c >= 0 {
			if i != fText {
				r.set(i, excelText(fields[c]))
			} else {
				r.set(i, fields[c])
			}
		}
	}
	if rb.date >= 0 {
		r.v[fTime] = rb.withDate(r.v[fTime], fields)
	}
	if skip = rb.b.skipped(&r); skip != "" {
		return m, "", skip
	}
	m, perr = rb.b.build(&r, pos, "")
	m.TextCol = -1 // (a spreadsheet's rows are not lines)
	if placer != nil {
		m.TextCol, m.TextRaw, m.TextAstral = placer.place(rb.cols[fText])
	}
	return m, perr, ""
}

// excelText is the text of a field written as Excel's text formula,
// ="0012345678901234567" (a quote in it doubled), which exports use to keep
// Excel from reading a long id as a number (1.23457E+15) or dropping its
// leading zeros: Excel shows the text, and so does the reader. Another
// field is as it is.
func excelText(f string) string {
	t := strings.TrimSpace(f)
	if len(t) < 3 || t[0] != '=' || t[1] != '"' || t[len(t)-1] != '"' {
		return f
	}
	inner := t[2 : len(t)-1]
	if strings.Contains(strings.ReplaceAll(inner, `""`, ""), `"`) {
		return f // ="a"&"b": a formula of more than a text
	}
	return strings.ReplaceAll(inner, `""`, `"`)
}

// csvRowParser splits and builds, on the engine's workers, the delimited
// records readRows found on one line each: each worker reads them with a
// recordParser of its own, as the reader's would.
type csvRowParser struct {
	rb *rowBuilder
	// the reader's record parser's settings (copied: the reader goes on
	// with it while the workers parse)
	src    *Source
	comma  rune
	quotes bool
	qdelim string
	max    int
}

// NewParser returns a parse function with its own record parser (a
// skipped row comes back as a reason; the engine uses NewParserSkip).
func (c *csvRowParser) NewParser() func([]byte, lint.Pos) (lint.Message, string) {
	return byValue(c.NewParserSkip())
}

// NewParserInto is NewParser parsing into *m.
func (c *csvRowParser) NewParserInto() func([]byte, lint.Pos, *lint.Message) string {
	return inPlace(c.NewParserSkip())
}

// the engine parses deferred rows with NewParserSkip
var _ lint.SkippingParser = (*csvRowParser)(nil)

// NewParserSkip returns a parse function with its own record parser,
// which may skip a row (a type mapped to skip).
func (c *csvRowParser) NewParserSkip() func([]byte, lint.Pos, *lint.Message) (string, bool) {
	// the record parser reads the line as one nextSingle held: its
	// reader is never read (the record is on this one line)
	p := &recordParser{src: c.src, comma: c.comma, quotes: c.quotes, q: quoteState{delim: c.qdelim}}
	p.lr = lineReader{r: bufio.NewReader(eofReader{}), max: c.max}
	return func(raw []byte, pos lint.Pos, m *lint.Message) (string, bool) {
		p.held, p.hasHeld, p.ended = raw, true, false
		p.lr.line, p.lr.long = pos.Line, 0
		fields, _, perr, err := p.next()
		if err != nil {
			return err.Error(), false // not reached: see above
		}
		mm, perr, skip := c.rb.message(fields, pos, perr, p)
		if skip != "" {
			return skip, true
		}
		*m = mm
		return perr, false
	}
}

// otherDelimiter returns the delimiter a header row of one field seems to
// be separated by instead of comma: the commonest of the usual ones in it.
func otherDelimiter(field string, comma rune) (rune, bool) {
	best, most := rune(0), 0
	for _, d := range []rune{',', '\t', ';', '|', '，'} {
		if n := strings.Count(field, string(d)); d != comma && n > most {
			best, most = d, n
		}
	}
	return best, most > 0
}

// delimPlural names a delimiter's occurrences: commas, TABs, ';'.
func delimPlural(r rune) string {
	switch r {
	case '\t':
		return "TABs"
	case ',':
		return "commas"
	}
	return strconv.QuoteRune(r)
}

// delimFlag is the flag that reads a file separated by r.
func delimFlag(r rune) string {
	switch r {
	case '\t':
		return "--input-format tsv (or --delimiter tab)"
	case ',':
		return "--input-format csv (or --delimiter ,)"
	}
	return "--delimiter " + shellWord(string(r))
}

func delimName(r rune) string {
	switch r {
	case '\t':
		return "TAB"
	case ',':
		return "comma"
	}
	return strconv.QuoteRune(r)
}

// headerColumns finds the column of each field in a header row: the
// mapping's name or number first, else the aliases.
func headerColumns(header []string, mapped *[nFields]string, comma rune) ([nFields]int, error) {
	var cols [nFields]int
	folded := make([]string, len(header))
	for i, h := range header {
		folded[i] = foldHeader(h)
	}
	for f := range cols {
		cols[f] = -1
		if spec := mapped[f]; spec != "" {
			if n, err := strconv.Atoi(spec); err == nil {
				if n < 1 {
					return cols, fmt.Errorf("%s is mapped to column %d: columns are numbered from 1", FieldNames[f], n)
				}
				if n > len(header) {
					return cols, fmt.Errorf("%s is mapped to column %d, the header has %d", FieldNames[f], n, len(header))
				}
				cols[f] = n - 1
				continue
			}
			want := foldHeader(spec)
			for i, h := range folded {
				if h == want {
					cols[f] = i
					break
				}
			}
			if cols[f] < 0 {
				return cols, fmt.Errorf("%s is mapped to column %q, which the header does not have (columns: %s)", FieldNames[f], spec, listColumns(header))
			}
			continue
		}
	alias:
		for _, a := range headerAliases[f] {
			for i, h := range folded {
				if h == a && !taken(&cols, i, f) {
					cols[f] = i
					break alias
				}
			}
		}
	}
	if mapped[fText] == "" && cols[fText] >= 0 {
		// two columns that both name the text (内容 and 消息内容, or 内容
		// twice): the earliest alias would win, and if it is the wrong
		// one the run lints the wrong text (or nothing) without a word
		for i, h := range folded {
			if i == cols[fText] || !slices.Contains(headerAliases[fText], h) || taken(&cols, i, nFields) {
				continue
			}
			a, b := strings.TrimSpace(header[cols[fText]]), strings.TrimSpace(header[i])
			pick := func(n int, name string) string {
				if h == folded[cols[fText]] {
					return strconv.Itoa(n + 1) // the same name twice: by number
				}
				return shellQuote(name)
			}
			return cols, fmt.Errorf("columns %d (%q) and %d (%q) both name the text: say which to lint, --map text=%s or --map text=%s",
				cols[fText]+1, a, i+1, b, pick(cols[fText], a), pick(i, b))
		}
	}
	if cols[fText] < 0 {
		if comma == 0 {
			return cols, fmt.Errorf("no text column in the first row (cells: %s): name it text/内容/content, or --map text=COLUMN; without a header row use --header=false and --map text=N", listColumns(header))
		}
		if len(header) == 1 {
			if d, ok := otherDelimiter(header[0], comma); ok {
				return cols, fmt.Errorf("the header row is separated by %s, not %s: use %s", delimPlural(d), delimPlural(comma), delimFlag(d))
			}
		}
		if len(header) == 1 || allNumeric(header) {
			return cols, fmt.Errorf("no header row naming the columns (is the file %s-separated? without a header use --header=false and --map)", delimName(comma))
		}
		// a column named as a canned library names its replies (话术,
		// 快捷短语): a library linted without --input-format canned
		hint := ""
		if slices.ContainsFunc(header, func(h string) bool { return cannedTextKey(h, "") >= 0 }) {
			hint = " (a canned-reply list reads with --input-format canned)"
		}
		return cols, fmt.Errorf("no text column in the header (columns: %s): name it text/内容/content, or --map text=COLUMN; "+
			"without a header row use --header=false and --map text=N%s", listColumns(header), hint)
	}
	return cols, nil
}

// taken reports whether column i already holds a field mapped before f.
func taken(cols *[nFields]int, i, f int) bool {
	for g := 0; g < f; g++ {
		if cols[g] == i {
			return true
		}
	}
	return false
}

func allNumeric(fields []string) bool {
	for _, f := range fields {
		if _, err := strconv.ParseFloat(strings.TrimSpace(f), 64); err != nil {
			return false
		}
	}
	return true
}

// listColumns lists a header's cells, quoted, up to its last name (see
// namedWidth).
func listColumns(header []string) string {
	var out []string
	for _, h := range header[:namedWidth(header)] {
		out = append(out, strconv.Quote(strings.TrimSpace(h)))
		if len(out) == 12 {
			out = append(out, "…")
			break
		}
	}
	return strings.Join(out, ", ")
}

// maxRecordBytes bounds one csv record when Options.MaxRecordBytes does
// not, so an unterminated quote cannot read a whole file into memory.
const maxRecordBytes = 64 << 20

// recordParser splits delimited records, RFC 4180 style, line by line.
type recordParser struct {
	src    *Source // for records in another encoding (nil: none)
	lr     lineReader
	comma  rune
	quotes bool
	fields []string
	buf    []byte
	// q follows the quotes of the lines of a record that are not kept
	// (over the bound), so that reading resumes after the record's end
	q quoteState
	// where the fields of the record just read are written, for place:
	// first is its first line (copied into firstBuf when the record goes
	// on), at[i] the byte field i's content starts at in it (-1: on a
	// later line), raw[i] how many of its bytes are there as they are (-1:
	// all); recoded: the record was read in another encoding
	first, firstBuf []byte
	at, raw         []int
	recoded         bool
	// held is a line nextSingle read and left for next (hasHeld); ended:
	// nextSingle found the end
	held           []byte
	hasHeld, ended bool
	// header is the header row as a line writes it, its fields joined by
	// the delimiter, and quoted the header with each field in quotes: a
	// line that repeats it (files joined with cat) is no record; nor is
	// one that repeats sep, the file's first line sep=; (if it has one)
	header, quoted, sep []byte
}

// setHeader keeps the header row's fields for repeatedHeader.
func (p *recordParser) setHeader(fields []string) {
	comma := string(p.comma)
	p.header = []byte(strings.TrimPrefix(strings.Join(fields, comma), "\uFEFF"))
	p.quoted = []byte(`"` + strings.TrimPrefix(strings.Join(fields, `"`+comma+`"`), "\uFEFF") + `"`)
}

// utf8BOM is the byte-order mark in UTF-8.
var utf8BOM = []byte("\uFEFF")

// repeatedHeader reports whether line l repeats the header row, or the
// file's first line sep=;, after a byte-order mark if any, as exports
// joined with cat do (day1.csv day2.csv > week.csv).
func (p *recordParser) repeatedHeader(l []byte) bool {
	if len(p.sep) > 0 && len(l) <= len(p.sep)+len(utf8BOM) && bytes.EqualFold(bytes.TrimPrefix(l, utf8BOM), p.sep) {
		return true
	}
	if len(p.header) == 0 || len(l) < len(p.header) {
		return false
	}
	l = bytes.TrimPrefix(l, utf8BOM)
	return bytes.Equal(l, p.header) || bytes.Equal(l, p.quoted)
}

// textPlacer says where field i of the record just read is written on its
// first line: lint.Message's TextCol, TextRaw and TextAstral.
type textPlacer interface {
	place(i int) (col int32, verbatim uint16, astral int32)
}

// place is where field i of the record just read is written on its first
// line (see lint.Message.LineColumn).
func (p *recordParser) place(i int) (col int32, verbatim uint16, astral int32) {
	if p.recoded || i >= len(p.at) || p.at[i] < 0 {
		return -1, 0, 0
	}
	before := p.first[:p.at[i]]
	col, verbatim = textPlace(codePoints(before), p.raw[i])
	return col, verbatim, int32(lint.Astral(before))
}

// quoteState follows the quotes of a delimited record's lines without
// keeping them: whether a quoted field is open at the end of a line, that is,
// whether the record goes on.
type quoteState struct {
	delim      string // the delimiter, encoded
	matched    int    // how many of its bytes the bytes just scanned end with
	in         bool   // in a quoted field
	pending    bool   // in one, after a quote: closing, or the first of ""
	fieldStart bool   // at the start of a field (outside quotes)
}

// startRecord sets the state for the first line of a record.
func (q *quoteState) startRecord() {
	q.in, q.pending, q.fieldStart, q.matched = false, false, true, 0
}

// scan follows the quotes of a piece of a line (line breaks are ignored:
// eol ends the line). A delimiter of several bytes may be cut between
// pieces.
func (q *quoteState) scan(b []byte) {
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\n' || c == '\r' {
			continue
		}
		if q.in {
			if !q.pending {
				j := bytes.IndexByte(b[i:], '"')
				if j < 0 {
					return
				}
				i += j
				q.pending = true
				continue
			}
			q.pending = false
			if c == '"' {
				continue // "" inside the field
			}
			q.in = false // the quote before c closed the field
		}
		if c == '"' && q.fieldStart {
			q.in, q.fieldStart, q.matched = true, false, 0
			continue
		}
		// a field starts after the delimiter's last byte; its first byte
		// (a character's lead byte, or ASCII) occurs in it only there, so
		// a mismatch can only start it over
		switch {
		case c == q.delim[q.matched]:
			q.matched++
		case c == q.delim[0]:
			q.matched = 1
		default:
			q.matched = 0
		}
		q.fieldStart = q.matched == len(q.delim)
		if q.fieldStart {
			q.matched = 0
		}
	}
}

// eol ends a line: it reports whether a quoted field is still open, so the
// record goes on on the next line.
func (q *quoteState) eol() bool {
	if q.pending {
		q.in, q.pending = false, false // the quote ended the line and the field
	}
	q.matched = 0
	return q.in
}

// unclosedQuote says why a record starting on line first whose quoted
// field the file's end (on line last) cut short is malformed, and that
// the lines after it went into it.
func unclosedQuote(first, last int) string {
	why := "quoted field has no closing quote (truncated file?)"
	if last > first {
		why += fmt.Sprintf(": the record runs from line %d to the end of the file (line %d), and no line after it was read as a record of its own", first, last)
	}
	return why
}

// skipRecord reads past the rest of a record over the bound (its line
// read so far has been scanned): up to the end of its last quoted field,
// keeping nothing. line is where the record starts, why what is wrong
// with it when its end is found.
func (p *recordParser) skipRecord(line int, why string) (fields []string, _ int, perr string, err error) {
	p.buf = p.buf[:0]
	for p.q.eol() {
		l, ok, err := p.lr.next()
		if err != nil {
			return nil, line, "", fmt.Errorf("line %d: %w", p.lr.line+1, err)
		}
		if !ok {
			return nil, line, unclosedQuote(line, p.lr.line) + "; not read", nil
		}
		if p.lr.long == 0 {
			p.q.scan(l) // (a longer line was scanned as it was read)
		}
	}
	if p.lr.line > line {
		why = fmt.Sprintf("%s (the record runs from line %d to line %d); not read", strings.TrimSuffix(why, "; not read"), line, p.lr.line)
	}
	return nil, line, why, nil
}

// nextSingle reads the next line: single when it holds a whole record
// (no quoted field in it goes on past its end, it is not over the bound
// and not blank), which it returns with its line; otherwise the line is
// kept for next to read. err is a read error.
func (p *recordParser) nextSingle() (raw []byte, line int, single bool, err error) {
	p.q.startRecord() // as next does before it reads a record's line
	l, ok, err := p.lr.next()
	if err != nil {
		return nil, 0, false, fmt.Errorf("line %d: %w", p.lr.line+1, err)
	}
	if !ok {
		p.ended = true // for next (reading on at the end may wait on a terminal)
		return nil, 0, false, nil
	}
	p.held, p.hasHeld = l, true
	if p.lr.long > 0 || p.blank(l) || p.repeatedHeader(l) || bytes.HasPrefix(l, utf8BOM) {
		// (a byte-order mark starting a row: next leaves it out)
		return nil, 0, false, nil
	}
	if p.quotes && bytes.IndexByte(l, '"') >= 0 {
		q := quoteState{delim: p.q.delim}
		q.startRecord()
		q.scan(l)
		if q.eol() {
			return nil, 0, false, nil
		}
	}
	p.held, p.hasHeld = nil, false
	return l, p.lr.line, true, nil
}

// blank reports whether a line holds nothing but white space and
// delimiters: a blank line, or an empty row as Excel saves it (,,,,), which
// is skipped as an empty row of a workbook is. Only a line that starts with
// white space or the delimiter is looked at past its first byte.
func (p *recordParser) blank(l []byte) bool {
	if len(l) == 0 {
		return true
	}
	var d [utf8.UTFMax]byte
	delim := d[:utf8.EncodeRune(d[:], p.comma)]
	if c := l[0]; c != delim[0] && c < utf8.RuneSelf && !unicode.IsSpace(rune(c)) {
		return false
	}
	for len(l) > 0 {
		if bytes.HasPrefix(l, delim) {
			l = l[len(delim):]
			continue
		}
		r, size := utf8.DecodeRune(l)
		if !unicode.IsSpace(r) {
			return false
		}
		l = l[size:]
	}
	return true
}

// next returns the fields of the next record and the line it starts on; a
// non-empty perr says why the record is malformed (it has been consumed);
// fields == nil && perr == "" is the end. err is a read error. Blank lines
// and empty rows (see blank) are skipped.
func (p *recordParser) next() (fields []string, line int, perr string, err error) {
	var raw []byte
	for {
		l, ok, err := p.held, true, error(nil)
		switch {
		case p.hasHeld:
			// read by nextSingle, which started the record's quote state
			// before (a line over the bound is followed as it is read)
			p.held, p.hasHeld = nil, false
		case p.ended:
			return nil, p.lr.line, "", nil
		default:
			p.q.startRecord()
			l, ok, err = p.lr.next()
		}
		if err != nil {
			return nil, p.lr.line + 1, "", fmt.Errorf("line %d: %w", p.lr.line+1, err)
		}
		if !ok {
			return nil, p.lr.line, "", nil
		}
		if why := p.lr.tooLong(); why != "" {
			if p.quotes {
				// a quoted field it opens may go on on the next lines
				return p.skipRecord(p.lr.line, why)
			}
			return nil, p.lr.line, why, nil
		}
		if !p.blank(bytes.TrimPrefix(l, utf8BOM)) && !p.repeatedHeader(l) {
			raw = l
			break
		}
	}
	line = p.lr.line
	limit := maxRecordBytes
	if p.lr.max > 0 {
		limit = p.lr.max
	}
	p.fields = p.fields[:0]
	p.buf = p.buf[:0]
	comma := p.comma
	cs := utf8.RuneLen(comma)
	var starts []int // start of each field in p.buf
	p.first, p.at, p.raw, p.recoded = raw, p.at[:0], p.raw[:0], false
	// a byte-order mark starting a row (files joined with cat) is no part
	// of its first field, as it is none of a repeated header's; the first
	// field starts after it on the line
	raw = bytes.TrimPrefix(raw, utf8BOM)
	onFirst := true // raw is the rest of the first line
	for {
		// raw is the rest of a physical line at the start of a field
		starts = append(starts, len(p.buf))
		at := -1
		if onFirst {
			at = len(p.first) - len(raw)
		}
		p.at, p.raw = append(p.at, at), append(p.raw, -1)
		k := len(p.raw) - 1
		if p.quotes && len(raw) > 0 && raw[0] == '"' {
			raw = raw[1:]
			if at >= 0 {
				p.at[k]++
			}
			for {
				i := bytes.IndexByte(raw, '"')
				if i < 0 {
					// the quoted field goes on on the next line
					p.buf = append(p.buf, raw...)
					if p.raw[k] < 0 {
						p.raw[k] = len(p.buf) - starts[k]
					}
					if onFirst {
						p.firstBuf = append(p.firstBuf[:0], p.first...)
						p.first, onFirst = p.firstBuf, false
					}
					p.buf = append(p.buf, '\n')
					p.q.in, p.q.pending = true, false // for a line over the bound
					l, ok, err := p.lr.next()
					if err != nil {
						return nil, line, "", fmt.Errorf("line %d: %w", p.lr.line+1, err)
					}
					if !ok {
						return nil, line, unclosedQuote(line, p.lr.line), nil
					}
					if len(p.buf)+len(l) > limit || p.lr.long > 0 || p.lr.blankLong > 0 {
						// over the bound: the rest of the record, up to the
						// end of its quoted fields, is read past (a line of
						// blanks too, which is text here, not a blank line)
						if p.lr.long == 0 {
							p.q.in, p.q.pending = true, false
							p.q.scan(l)
						}
						why := fmt.Sprintf("record is over the %s a record may take", lint.ByteSize(int64(limit)))
						if p.lr.max > 0 {
							why += " (4 × --max-message-size)"
						}
						return p.skipRecord(line, why+"; not read")
					}
					raw = l
					continue
				}
				p.buf = append(p.buf, raw[:i]...)
				raw = raw[i+1:]
				if len(raw) > 0 && raw[0] == '"' {
					if p.raw[k] < 0 {
						p.raw[k] = len(p.buf) - starts[k]
					}
					p.buf = append(p.buf, '"')
					raw = raw[1:]
					continue
				}
				break
			}
			// after the closing quote: a delimiter or the end of the line
			raw = bytes.TrimLeft(raw, " ")
			if len(raw) == 0 {
				break
			}
			if r, _ := utf8.DecodeRune(raw); r == comma {
				raw = raw[cs:]
				continue
			}
			return nil, line, fmt.Sprintf("text after the closing quote of field %d (a quote inside a quoted field must be doubled: \"\")", len(starts)), nil
		}
		i := bytes.IndexRune(raw, comma)
		if i < 0 {
			p.buf = append(p.buf, raw...)
			break
		}
		p.buf = append(p.buf, raw[:i]...)
		raw = raw[i+cs:]
	}
	if prob := fieldsProblem(p.buf, starts); prob != "" {
		// not UTF-8 in a file guessed to be: GB18030 or Big5?
		buf, st, ok := p.src.recodeFields(p.buf, starts, line)
		if !ok || fieldsProblem(buf, st) != "" {
			return nil, line, p.src.whyInvalidIn(prob, p.buf), nil
		}
		p.buf, starts, p.recoded = buf, st, true
	}
	// one string for the record, fields sliced from it
	s := string(p.buf)
	for i, st := range starts {
		end := len(s)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		p.fields = append(p.fields, s[st:end])
	}
	return p.fields, line, "", nil
}
