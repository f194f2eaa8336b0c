package transcript

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/chatlint/chatlint/lint"
)

func init() {
	register(&Format{
		Name:       "canned",
		Extensions: []string{".txt", ".yaml", ".yml", ".csv", ".tsv", ".tab"},
		New:        func() Reader { return cannedReader{} },
	})
}

// cannedReader reads a canned-reply library (快捷短语): one reply per line,
// blank lines and lines starting with # skipped. Each reply is an agent
// message without a time and becomes its own conversation, named file:line,
// so findings point at the reply's line.
//
// A library kept as YAML (.yaml, .yml) or as a table (.csv, .tsv, .tab) is
// read by its extension (less .gz) as such: see cannedYAMLReader and
// cannedTableReader. Any other file, and standard input, is read line by
// line.
//
// A comment "# chatlint-disable-next-line RULE[,RULE…] reason" waives the
// named rules (full pack/id, a bare id, or *) for the next reply: a
// deliberate exception, kept in the library with its reason.
type cannedReader struct{}

// waiverPrefix starts an inline waiver comment.
const waiverPrefix = "chatlint-disable-next-line"

// parseWaiver reads the waivers of a comment line (without the #); ok is
// false for an ordinary comment.
func parseWaiver(comment string, pos lint.Pos) (ws []lint.Waiver, ok bool) {
	rest, found := strings.CutPrefix(strings.TrimSpace(comment), waiverPrefix)
	if !found || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return nil, false
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return []lint.Waiver{{Rule: "*", Pos: pos}}, true
	}
	reason := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), fields[0]))
	for _, r := range strings.Split(fields[0], ",") {
		if r = strings.TrimSpace(r); r != "" {
			ws = append(ws, lint.Waiver{Rule: r, Reason: reason, Pos: pos})
		}
	}
	return ws, true
}

func (cannedReader) Read(ctx context.Context, src *Source, sink lint.Sink) error {
	switch cannedLayout(src.Name) {
	case "yaml":
		return cannedYAMLReader{}.Read(ctx, src, sink)
	case "csv":
		return cannedTableReader{comma: ','}.Read(ctx, src, sink)
	case "tsv":
		return cannedTableReader{comma: '\t'}.Read(ctx, src, sink)
	}
	lr := newLineReader(src)
	html := newHTMLSample(src) // (rich-text replies read without --html)
	// waivers wait for the next reply, and name only it: a reply rejected
	// (over the size bound, not text) takes them along, and so does the end
	// of the file
	var waivers []lint.Waiver
	last := 0 // the line of the last record read
	for {
		line, ok, err := lr.nextRecord(src, sink)
		if err != nil {
			return err
		}
		if lr.line > last+1 || !ok { // records rejected in between, or the end
			waivers = unusedWaivers(sink, waivers)
		}
		last = lr.line
		if !ok {
			return nil
		}
		// (a recoded line keeps its number: --fix edits by line)
		line, prob := usableLine(src, line, lr.line)
		t := bytes.TrimSpace(line)
		if len(t) > 0 && t[0] == '#' {
			if ws, ok := parseWaiver(string(t[1:]), lint.Pos{File: src.Name, Line: lr.line}); ok {
				waivers = append(waivers, ws...)
			}
			continue
		}
		if len(t) == 0 {
			continue
		}
		pos := lint.Pos{File: src.Name, Line: lr.line}
		if prob != "" {
			waivers = unusedWaivers(sink, waivers)
			err = sink.Reject(lint.RecordError{Pos: pos, Err: prob})
		} else {
			text := strings.TrimRight(string(line), " \t")
			col, raw := textPlace(0, -1) // the line is the text
			html.look(src, text, pos)
			err = sink.Message(lint.Message{
				Conversation: fmt.Sprintf("%s:%d", src.Name, lr.line),
				Role:         lint.Agent,
				Type:         lint.TypeText,
				Text:         text,
				Pos:          pos,
				TextCol:      col,
				TextRaw:      raw,
				Waivers:      waivers,
			})
			waivers = nil
		}
		if err != nil {
			return err
		}
	}
}

// cannedLayout is how a canned library of this file name is written, by
// its extension (less .gz): "yaml", "csv", "tsv", or "" for one reply per
// line (standard input, .txt and any other name).
func cannedLayout(name string) string {
	switch {
	case name == lint.StdinName:
		return ""
	case hasExtension(name, []string{".yaml", ".yml"}):
		return "yaml"
	case hasExtension(name, []string{".csv"}):
		return "csv"
	case hasExtension(name, []string{".tsv", ".tab"}):
		return "tsv"
	}
	return ""
}

// CannedByLine reports whether a canned-reply library of this file name
// is read one reply per line (see cannedLayout: standard input, .txt and
// any name but YAML's and the tables'), each line on its own: a line's
// record is the same whatever lines stand around it, but for the waivers
// of the comments before it and the encoding a line that is not UTF-8 is
// read in, which the file's other lines suggest. A library's lines a fix
// changed can then be read again alone (--fix's read-back check).
func CannedByLine(name string) bool { return cannedLayout(name) == "" }

// cannedTextKeys name the reply of a structured canned library: a YAML
// record's key, a table's header (compared as foldHeader folds them), the
// names of canned replies first, then the text aliases of the exports.
// 回覆 is how Taiwan and Hong Kong write 回复 (覆 is Simplified too, so
// foldHeader keeps it).
var cannedTextKeys = append([]string{"话术", "回复", "回覆", "快捷短语", "短语", "快捷回复", "快捷回覆", "快捷语", "常用语",
	"回复内容", "回覆内容", "话术内容", "reply", "replytext", "text", "content", "内容"}, headerAliases[fText]...)

// cannedTextKey is the rank of a key among cannedTextKeys, or -1; want,
// if set (--map text=NAME), is the only name that counts.
func cannedTextKey(key, want string) int {
	k := foldHeader(key)
	if want != "" {
		if k == foldHeader(want) {
			return 0
		}
		return -1
	}
	for i, a := range cannedTextKeys {
		if k == a {
			return i
		}
	}
	return -1
}

// unusedWaivers hands waivers that can waive nothing to the sink, to be
// reported as unused, and returns nil.
func unusedWaivers(sink lint.Sink, ws []lint.Waiver) []lint.Waiver {
	if len(ws) > 0 {
		if s, ok := sink.(lint.WaiverSink); ok {
			s.UnusedWaivers(ws)
		}
	}
	return nil
}

// CannedRecord is a record of a canned-reply library as the canned reader
// reads it: a reply, its line and the column its text starts at on the
// line (lint.Message.TextCol), or a record not linted (malformed, or a
// blank reply).
type CannedRecord struct {
	Line, TextCol int
	Text          string
	NotLinted     bool
}

// ReadCanned reads a canned-reply library's text (decoded to UTF-8; name
// says how it is written, see cannedLayout) as --input-format canned reads
// the file, and returns its records in order: --fix reads a library it
// fixed again, to check that each reply reads back as the fix means it to.
//
// The text is read as it is: a byte-order mark at its start is no file's
// (the file's was split off before it was decoded), but a second one, as
// a tool that adds one to a file that has one writes it, which the lint
// read as part of the first reply.
func ReadCanned(ctx context.Context, name, text string, opts Options) ([]CannedRecord, error) {
	var recs []CannedRecord
	err := EachCanned(ctx, name, text, opts, func(r CannedRecord) error {
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return recs, nil
}

// EachCanned reads a library's text as ReadCanned does, handing each
// record to f as it is read, in order, rather than keeping them: a
// library of millions of replies, read back to be compared record by
// record, need not be held. An error of f ends the read and is returned.
func EachCanned(ctx context.Context, name, text string, opts Options, f func(CannedRecord) error) error {
	// (the decoder reads past one mark at the start: this one)
	dec, err := decode(io.MultiReader(bytes.NewReader(utf8BOM), strings.NewReader(text)), "utf-8")
	if err != nil {
		return err
	}
	opts.Format = "canned"
	return (cannedReader{}).Read(ctx, &Source{Name: name, R: dec, Opts: &opts}, cannedRecords(f))
}

// cannedRecords is the sink of EachCanned: it hands each record to the
// function.
type cannedRecords func(CannedRecord) error

func (f cannedRecords) File(string) {}

func (f cannedRecords) Message(m lint.Message) error {
	return f(CannedRecord{Line: m.Pos.Line, TextCol: int(m.TextCol), Text: m.Text})
}

func (f cannedRecords) Reject(e lint.RecordError) error {
	return f(CannedRecord{Line: e.Pos.Line, NotLinted: true})
}

func (f cannedRecords) SkipRecord(pos lint.Pos, _ string) error {
	return f(CannedRecord{Line: pos.Line, NotLinted: true})
}
