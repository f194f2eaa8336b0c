// Package report writes lint results, one file per output format. Writers
// receive each conversation's result as it is finished (streaming formats
// write it at once) and the run's summary at the end; they never re-run
// checks.
package report

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/chatlint/chatlint/lint"
)

// Writer writes one report.
type Writer interface {
	// Conversation receives each linted conversation, in input order.
	Conversation(r *lint.Result) error
	// Close receives the summary and finishes the report.
	Close(s *lint.Summary) error
}

// Discarder is implemented by writers that hold something until Close (the
// JUnit writer's temporary file): Discard lets it go when the run ends
// without a report (--strict stopped it, or it was interrupted).
type Discarder interface {
	Discard() error
}

// Discard lets go of what w holds, if it holds anything (see Discarder).
func Discard(w Writer) error {
	if d, ok := w.(Discarder); ok {
		return d.Discard()
	}
	return nil
}

// Flusher is implemented by writers that gather conversations before
// writing them (one system call for many lines instead of one each). The
// caller flushes whenever it has nothing more to hand over for the moment,
// so a reader of the output still sees each conversation soon after it is
// linted; Close flushes too.
type Flusher interface {
	Flush() error
}

// flushAt is how many bytes a writer that gathers its output (Flusher)
// holds before it writes them without being asked.
const flushAt = 64 << 10

// Options tune the writers.
type Options struct {
	// Color enables ANSI colours (text format).
	Color bool
	// Location is the zone times are written in.
	Location *time.Location
	// Canned marks a canned-reply library run (each reply its own conversation).
	Canned bool
	// Rules describes every active rule, for formats that list them.
	Rules []*lint.RuleInfo
	// Scoring is the active scoring (start and grades), for formats that
	// show grade bands.
	Scoring lint.Scoring
	// CSVRows picks what a CSV row is: "finding" (default), "conversation"
	// or "agent".
	CSVRows string
	// BOM starts text outputs (CSV) with a UTF-8 byte-order mark for Excel.
	BOM bool
	// CSVRaw writes CSV cells exactly as they are (but for bytes that are
	// not UTF-8, which no CSV report holds). By default a cell that a
	// spreadsheet would run as a formula (see CSVFormulaSafe) gets a
	// leading apostrophe: message text comes from customers.
	CSVRaw bool
	// Version is chatlint's version, for formats that name the tool.
	Version string
	// Quiet leaves the conversations without findings out of the text
	// report (its summary counts them).
	Quiet bool
	// Teams are the teams of the config (teams: in .chatlint.yaml), by
	// name: the text and HTML reports name those that no agent of the
	// run is in, whose totals are missing from the teams' table
	Teams []string
	// Fixer, in a canned-reply library run, says what --fix would write
	// into each library: the SARIF report's results carry those fixes
	// (nil: none)
	Fixer Fixer
}

type factory func(w io.Writer, opts Options) Writer

var formats = map[string]factory{}

// register adds a format; each format's file calls it from init.
func register(name string, f factory) { formats[name] = f }

// streams holds the formats whose writers encode a result while
// Conversation runs and keep nothing of it afterwards.
var streams = map[string]bool{}

// streaming marks a format as one whose writer keeps nothing of a result
// once Conversation returns; its file calls it from init.
func streaming(name string) { streams[name] = true }

// Streams reports whether the writer of a format keeps nothing of a result
// (the conversation, its messages, its findings) once Conversation returns:
// the engine may then reuse the memory of the result's messages
// (lint.Engine.ReuseMessages). Redacting keeps this property.
func Streams(format string) bool { return streams[format] }

// Formats lists the output format names, sorted.
func Formats() []string {
	var out []string
	for n := range formats {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// FormatOfFile is the format a report file's name asks for by its
// extension (report.html → html, results.sarif or results.sarif.json →
// sarif, junit.xml → junit, and json, jsonl/ndjson, csv, txt), "" for any
// other name. chatlint lint -o uses it when --format is not given.
func FormatOfFile(name string) string {
	lower := strings.ToLower(filepath.Base(name))
	if strings.HasSuffix(lower, ".sarif.json") {
		return "sarif"
	}
	switch filepath.Ext(lower) {
	case ".html", ".htm":
		return "html"
	case ".json":
		return "json"
	case ".jsonl", ".ndjson":
		return "jsonl"
	case ".csv":
		return "csv"
	case ".sarif":
		return "sarif"
	case ".xml":
		return "junit"
	case ".txt":
		return "text"
	}
	return ""
}

// BinaryExtension is the extension of a report file's name that asks for
// a compressed or binary file (report.csv.gz, report.xlsx, report.zip),
// which no format writes; "" for any other name. The workbooks are those
// Excel saves (.xlsx, .xlsm with macros, .xlsb binary, .xls), and
// LibreOffice's .ods.
func BinaryExtension(name string) string {
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".gz", ".tgz", ".bz2", ".xz", ".zst", ".zip", ".7z", ".rar", ".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".pdf", ".docx", ".doc":
		return ext
	}
	return ""
}

// ArchiveExtension reports whether ext, an extension BinaryExtension
// returns, names a compressed archive (which a report piped through a
// compressor can be) rather than a document or workbook.
func ArchiveExtension(ext string) bool {
	switch ext {
	case ".gz", ".tgz", ".bz2", ".xz", ".zst", ".zip", ".7z", ".rar":
		return true
	}
	return false
}

// New returns a writer for a format name.
func New(format string, w io.Writer, opts Options) (Writer, error) {
	f, ok := formats[format]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (%s)", format, strings.Join(Formats(), ", "))
	}
	if opts.Location == nil {
		opts.Location = time.Local
	}
	return f(w, opts), nil
}

// formatTime writes a message time in the report's zone ("" when untimed).
func formatTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format(time.RFC3339)
}
