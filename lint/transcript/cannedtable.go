package transcript

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/chatlint/chatlint/lint"
)

// cannedTableReader reads a canned-reply library kept as a table (.csv,
// .tsv): a header row naming the reply's column (话术, 回复, 快捷短语,
// 内容, text, reply … as cannedTextKeys lists them, or the column --map
// text= names: a header name or a number), or a file of one column without
// a header. Fields may be quoted, as in a csv export, and then hold
// delimiters and line breaks; --delimiter, --header and --quotes apply.
//
// Each record is one reply: an agent message without a time, its own
// conversation named file:line after the line the record starts on. The
// other columns (a title, a group, a shortcut key) are not linted.
//
// A line that is a waiver comment, "# chatlint-disable-next-line RULE[,RULE…]
// reason", waives the rules for the next reply, as in a library of lines
// (see tableWaiver): it is no record, whatever delimiters and quotes its
// reason holds, and neither is a record with one in a cell: its first
// cell, quoted as a spreadsheet saves it, the first cell not empty, or the
// reply's cell (see cellWaiver). Other lines starting with # are records,
// as they always were.
type cannedTableReader struct {
	comma rune
}

func (t cannedTableReader) Read(ctx context.Context, src *Source, sink lint.Sink) error {
	m, err := src.Opts.Mapping.compile()
	if err != nil {
		return err
	}
	comma := t.comma
	if m.delim != 0 {
		comma = m.delim
	}
	p := &recordParser{src: src, lr: *newLineReader(src), comma: comma, quotes: m.quotes}
	html := newHTMLSample(src) // (rich-text replies read without --html)
	if p.quotes {
		p.q.delim = string(comma)
		p.lr.tap = p.q.scan // lines over the bound: follow their quotes
	}
	// the reply's column, and how many fields a record has (0: any, as
	// long as the reply's column is there); cells: how many cells the
	// header row has, empty ones past width included (see namedWidth and
	// pastHeader), named how many of them it names; headerless: a file of
	// one column without a header
	col, width, cells, named, headerless := 0, 0, 0, 0, false
	// a first record that is a reply (no header), held for the loop
	var held []string
	heldLine := 0
	// waivers wait for the next reply, and name only it: a record rejected
	// or skipped takes them along, and so does the end of the file
	var waivers []lint.Waiver
	spec := m.cols[fText]
	switch {
	case !m.header:
		if spec != "" {
			n, err := strconv.Atoi(spec)
			if err != nil || n < 1 {
				return fmt.Errorf("no header row (--header=false): map text to a column number, not %q", spec)
			}
			col = n - 1
		}
	default:
		fields, line, perr, err := nextReply(p, src.Name, -1, &waivers)
		if err != nil {
			return err
		}
		if fields == nil && perr == "" {
			if len(waivers) > 0 {
				// waiver comments and nothing else: as in a library of
				// lines, they waive nothing
				unusedWaivers(sink, waivers)
				return nil
			}
			return errors.New("empty file: no replies")
		}
		if perr != "" {
			return fmt.Errorf("line %d: first row: %s", line, perr)
		}
		col = -1
		if spec != "" {
			var mapped [nFields]string
			mapped[fText] = spec
			cols, err := headerColumns(fields, &mapped, comma)
			if err != nil {
				return fmt.Errorf("line %d: %w", line, err)
			}
			col = cols[fText]
		} else {
			best := -1
			for i, f := range fields {
				if r := cannedTextKey(f, ""); r >= 0 && (best < 0 || r < best) {
					best, col = r, i
				}
			}
		}
		switch {
		case col >= 0:
		case len(fields) == 1:
			// one column, and no header: the first row is a reply
			col, held, heldLine, headerless = 0, fields, line, true
		default:
			return fmt.Errorf("line %d: no reply column in the header (columns: %s): name it 话术, 回复, 内容 or text, or --map text=COLUMN", line, listColumns(fields))
		}
		if !headerless {
			// a reply column mapped by number under an empty header cell
			// is one of the header's
			named = namedWidth(fields)
			width = max(named, col+1)
			cells = len(fields)
		}
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		fields, line, perr := held, heldLine, ""
		if held != nil {
			held = nil
		} else {
			var err error
			if fields, line, perr, err = nextReply(p, src.Name, col, &waivers); err != nil {
				return err
			}
			if fields == nil && perr == "" {
				unusedWaivers(sink, waivers)
				return nil
			}
		}
		pos := lint.Pos{File: src.Name, Line: line}
		if perr == "" && width > 0 && len(fields) > width {
			fields = pastHeader(fields, width, cells)
		}
		switch {
		case perr != "":
		case headerless && len(fields) != 1:
			perr = fmt.Sprintf("record has %d fields; the file is one column without a header (a %s in the reply? quote it, or name the file .txt: one reply per line)", len(fields), delimName(comma))
		case width > 0 && len(fields) != width:
			perr = fieldCount(len(fields), width, named, cells, comma)
		case col >= len(fields):
			perr = recordHas(len(fields)) + fmt.Sprintf(", the reply is in column %d", col+1)
		}
		if perr != "" {
			waivers = unusedWaivers(sink, waivers)
			if err := sink.Reject(lint.RecordError{Pos: pos, Err: perr}); err != nil {
				return err
			}
			continue
		}
		text := strings.TrimRight(fields[col], " \t\r\n")
		if strings.TrimSpace(text) == "" {
			waivers = unusedWaivers(sink, waivers)
			if err := sink.SkipRecord(pos, "blank reply"); err != nil {
				return err
			}
			continue
		}
		tc, raw, astral := p.place(col) // (the held first row is the record just parsed too)
		html.look(src, text, pos)
		err := sink.Message(lint.Message{
			Conversation: fmt.Sprintf("%s:%d", src.Name, line),
			Role:         lint.Agent,
			Type:         lint.TypeText,
			Text:         text,
			Pos:          pos,
			TextCol:      tc,
			TextRaw:      raw,
			TextAstral:   astral,
			Waivers:      waivers,
		})
		waivers = nil
		if err != nil {
			return err
		}
	}
}

// nextReply is p.next for a canned table: the lines that are waiver
// comments (see tableWaiver), and the records holding one in a cell (see
// cellWaiver; col is the reply's column, -1 before the header row), are
// read past, their waivers added to ws.
func nextReply(p *recordParser, name string, col int, ws *[]lint.Waiver) (fields []string, line int, perr string, err error) {
	for {
		if err := waiverLines(p, name, ws); err != nil {
			return nil, p.lr.line + 1, "", err
		}
		fields, line, perr, err = p.next()
		if err != nil || perr != "" || fields == nil {
			return fields, line, perr, err
		}
		w, ok := cellWaiver(p, fields, col, lint.Pos{File: name, Line: line})
		if !ok {
			return fields, line, perr, err
		}
		*ws = append(*ws, w...)
	}
}

// waiverLines reads the lines before the next record as p.next would,
// blank ones skipped, but reads past those that are waiver comments as
// written (see tableWaiver), adding their waivers to ws: before p.next
// parses them, which would take a quote in the reason for the start of a
// quoted field, and read on into the lines after it. The first other line
// is left for p.next (held, as nextSingle leaves one).
func waiverLines(p *recordParser, name string, ws *[]lint.Waiver) error {
	if p.hasHeld || p.ended {
		return nil
	}
	for {
		p.q.startRecord() // as next does before it reads a record's line
		l, ok, err := p.lr.next()
		if err != nil {
			return fmt.Errorf("line %d: %w", p.lr.line+1, err)
		}
		if !ok {
			p.ended = true
			return nil
		}
		if p.lr.long == 0 { // (a line over the bound is next's to report)
			r := bytes.TrimPrefix(l, utf8BOM)
			if p.blank(r) || p.repeatedHeader(l) {
				continue
			}
			if w, ok := tableWaiver(p.src, r, p.comma, lint.Pos{File: name, Line: p.lr.line}); ok {
				*ws = append(*ws, w...)
				continue
			}
		}
		p.held, p.hasHeld = l, true
		return nil
	}
}

// tableWaiver reads the waivers of a line of a table (after its byte-order
// mark, if any) that is a waiver comment as a text editor writes one:
// "# chatlint-disable-next-line RULE[,RULE…] reason" after blanks, its
// reason taking the rest of the line, delimiters and quotes included, but
// for the empty cells a spreadsheet saves after it (trailing delimiters).
// ok is false for any other line, an ordinary comment included.
func tableWaiver(src *Source, l []byte, comma rune, pos lint.Pos) (ws []lint.Waiver, ok bool) {
	t := bytes.TrimSpace(l)
	if len(t) == 0 || t[0] != '#' || !bytes.HasPrefix(bytes.TrimSpace(t[1:]), []byte(waiverPrefix)) {
		return nil, false
	}
	// (a line in another encoding than the file's, as the line reader
	// reads one; only a waiver's is recoded, as next would recode a record)
	l, _ = usableLine(src, l, pos.Line)
	t = bytes.TrimSpace(l)
	return parseWaiver(trimEmptyCells(string(t[1:]), comma), pos)
}

// cellWaiver reads the waivers of a record that holds a waiver comment,
// "# chatlint-disable-next-line RULE[,RULE…] reason", in a cell: its first
// cell quoted, as a spreadsheet saves a cell whose text has a delimiter or
// a quote in it; its first cell that is not empty (the cells before it
// left empty); or the reply's cell (col), whatever the cells before it
// hold, as a spreadsheet user types a waiver in the reply column of a row
// of its own, its group or shortcut filled in or not. Its reason goes on
// in the cells after it, if any are not empty. ok is false for any other
// record.
func cellWaiver(p *recordParser, fields []string, col int, pos lint.Pos) (ws []lint.Waiver, ok bool) {
	isWaiver := func(f string) bool {
		t := strings.TrimSpace(f)
		return strings.HasPrefix(t, "#") && strings.HasPrefix(strings.TrimSpace(t[1:]), waiverPrefix)
	}
	at := -1
	switch {
	case len(fields) == 0:
		return nil, false
	case p.quotes && bytes.HasPrefix(bytes.TrimPrefix(p.first, utf8BOM), []byte{'"'}) && strings.HasPrefix(strings.TrimSpace(fields[0]), "#"):
		at = 0
	case col >= 0 && col < len(fields) && isWaiver(fields[col]):
		at = col
	default:
		for i, f := range fields {
			if strings.TrimSpace(f) != "" {
				if isWaiver(f) {
					at = i
				}
				break
			}
		}
	}
	if at < 0 {
		return nil, false
	}
	t := strings.TrimSpace(strings.Join(fields[at:], string(p.comma)))
	return parseWaiver(trimEmptyCells(t[1:], p.comma), pos)
}

// trimEmptyCells cuts the delimiters and blanks off the end of a comment:
// the empty cells a spreadsheet saves after the one it is written in.
func trimEmptyCells(s string, comma rune) string {
	return strings.TrimRightFunc(s, func(r rune) bool { return r == comma || unicode.IsSpace(r) })
}
