package transcript

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

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
		fields, line, perr, err := p.next()
		if err != nil {
			return err
		}
		if fields == nil && perr == "" {
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
			if fields, line, perr, err = p.next(); err != nil {
				return err
			}
			if fields == nil && perr == "" {
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
			perr = fmt.Sprintf("record has %d fields, the reply is in column %d", len(fields), col+1)
		}
		if perr != "" {
			if err := sink.Reject(lint.RecordError{Pos: pos, Err: perr}); err != nil {
				return err
			}
			continue
		}
		text := strings.TrimRight(fields[col], " \t\r\n")
		if strings.TrimSpace(text) == "" {
			if err := sink.SkipRecord(pos, "blank reply"); err != nil {
				return err
			}
			continue
		}
		tc, raw, astral := p.place(col) // (the held first row is the record just parsed too)
		err := sink.Message(lint.Message{
			Conversation: fmt.Sprintf("%s:%d", src.Name, line),
			Role:         lint.Agent,
			Type:         lint.TypeText,
			Text:         text,
			Pos:          pos,
			TextCol:      tc,
			TextRaw:      raw,
			TextAstral:   astral,
		})
		if err != nil {
			return err
		}
	}
}
