package main

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"time"

	"golang.org/x/term"
	"golang.org/x/text/unicode/norm"

	"github.com/chatlint/chatlint/internal/shellquote"
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/report"
)

// outputFlags are the flags that say how and where the report is written.
type outputFlags struct {
	format string
	// picked is set when -o's extension picked the format (no --format)
	picked bool
	// outputs are the -o values, as given (repeatable)
	outputs []string
	// reports are the reports the run writes, one for each -o (standard
	// output without one): set by resolve
	reports []reportOut
	color   string
	csvRows string
	bom     bool
	csvRaw  bool
	quiet   bool
	// stdout counts what open's writer wrote to standard output (nil
	// with --output), so that a stopped run can tell whether any of the
	// report went out
	stdout *countingWriter
	// direct counts, for each report written directly to what -o names
	// (a device, a FIFO: see outputFile), what went to it, as stdout
	// does for standard output
	direct []directOut
	// pipe, when set, watches the writes to standard output for a reader
	// gone, to remove the other outputs' temporary files (pipeCleanup)
	pipe *pipeCleanup
	// fixer, in a canned-reply library run, gives the SARIF report the
	// fixes --fix would make (report.Options.Fixer)
	fixer report.Fixer
}

// directOut is a report written directly to what -o names (name), and
// the count of what went to it.
type directOut struct {
	name string
	c    *countingWriter
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func addOutputFlags(fl interface {
	StringVar(p *string, name, value, usage string)
	StringVarP(p *string, name, shorthand, value, usage string)
	StringArrayVarP(p *[]string, name, shorthand string, value []string, usage string)
	BoolVar(p *bool, name string, value bool, usage string)
	BoolVarP(p *bool, name, shorthand string, value bool, usage string)
}, f *outputFlags) {
	fl.StringVar(&f.format, "format", "text", "report `FORMAT`: "+strings.Join(report.Formats(), ", ")+"; without it, -o's extension picks it (report.html, .json, .jsonl, .csv, .sarif, .xml for junit), else text; with several -o, each file's extension picks its report's, and --format that of -o -")
	fl.StringArrayVarP(&f.outputs, "output", "o", nil, "write the report to `FILE` instead of standard output; repeatable, for several reports from one run, each in the format its extension names (-o day.json -o day.csv -o day.html; - is standard output, in --format)")
	fl.StringVar(&f.color, "color", "auto", "`WHEN` to colour the text report: auto (on a terminal, unless NO_COLOR is set or TERM=dumb), always, never (CLICOLOR_FORCE and FORCE_COLOR are not read)")
	fl.StringVar(&f.csvRows, "csv-rows", "", "csv: one row per `KIND`: finding (default), conversation, agent or team")
	fl.BoolVar(&f.bom, "bom", false, "csv: start with a UTF-8 byte-order mark, so that Excel reads the Chinese text correctly")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "text: list only the conversations with findings (the summary counts the others)")
	fl.BoolVar(&f.csvRaw, "csv-raw", false, "csv: write cells without the formula guard (by default a cell starting with = + - @ gets a leading ' so that spreadsheets do not run it as a formula; bytes that are not UTF-8 become U+FFFD either way)")
}

// anyCase is the word of words that value spells in any case (JSON:
// json), else value as it is, for its error to quote.
func anyCase(value string, words []string) string {
	for _, w := range words {
		if strings.EqualFold(value, w) {
			return w
		}
	}
	return value
}

// normalise reads the values of --format, --color and --csv-rows in any
// case (--format JSON), as --fail-on, --tz and --encoding read theirs.
func (f *outputFlags) normalise() {
	f.format = anyCase(f.format, report.Formats())
	f.color = anyCase(f.color, []string{"auto", "always", "never"})
	f.csvRows = anyCase(f.csvRows, report.CSVRowKinds)
}

// check validates the output flags before anything is read.
func (f *outputFlags) check() error {
	if !slices.Contains(report.Formats(), f.format) {
		// named as the other flags' values are: unknown --color "yes"
		return fmt.Errorf("unknown --format %q (%s)", f.format, strings.Join(report.Formats(), ", "))
	}
	if _, err := report.New(f.format, io.Discard, report.Options{}); err != nil {
		return err
	}
	if f.color != "auto" && f.color != "always" && f.color != "never" {
		return fmt.Errorf("unknown --color %q (auto, always or never)", f.color)
	}
	if f.csvRows != "" && !slices.Contains(report.CSVRowKinds, f.csvRows) {
		return fmt.Errorf("unknown --csv-rows %q (%s)", f.csvRows, strings.Join(report.CSVRowKinds, ", "))
	}
	if len(f.reports) > 1 {
		return f.checkSeveral()
	}
	if f.csvRows != "" && f.format != "csv" {
		return fmt.Errorf("--csv-rows applies to --format csv only (not %s)", f.formatSaid("csv"))
	}
	if f.bom && f.format != "csv" {
		return fmt.Errorf("--bom applies to --format csv only (not %s)", f.formatSaid("csv"))
	}
	if f.color == "always" && f.format != "text" {
		// only the text report has colours (the progress line and the
		// messages on stderr have none); never and auto ask nothing untrue
		return fmt.Errorf("--color always applies to --format text only (not %s): the other reports have no colours", f.formatSaid("text"))
	}
	if f.quiet && f.format != "text" {
		return fmt.Errorf("--quiet applies to --format text only (not %s): the other reports are read by programs, or list only findings", f.formatSaid("text"))
	}
	if f.csvRaw && f.format != "csv" {
		return fmt.Errorf("--csv-raw applies to --format csv only (not %s)", f.formatSaid("csv"))
	}
	return nil
}

// resolve works out the reports the run writes (reports), before anything
// is read: with one -o (or none), the format --format names, else the one
// the file's extension names, else text; with several, each file's
// extension names its format and --format that of standard output (-o -).
// formatGiven says --format was given; diff, that the run writes a
// --diff instead of a report (its -o is the diff's file).
func (f *outputFlags) resolve(formatGiven, diff bool, stdout io.Writer) error {
	if len(f.outputs) > 1 {
		return f.resolveSeveral(formatGiven, diff, stdout)
	}
	output := ""
	if len(f.outputs) == 1 {
		output = f.outputs[0]
	}
	if ext := report.BinaryExtension(output); ext != "" {
		// text in a file whose name promises gzip or a workbook is a file
		// nothing opens
		format := f.format
		if !formatGiven {
			format = cmp.Or(report.FormatOfFile(strings.TrimSuffix(output, filepath.Ext(output))), format)
		}
		return binaryOutput(output, ext, format)
	}
	if ext := strings.ToLower(filepath.Ext(output)); (ext == ".tsv" || ext == ".tab") && !formatGiven {
		// the text report in a file a spreadsheet opens as columns
		return fail("-o %s: chatlint writes CSV, not tab-separated files: name it report.csv (Excel and LibreOffice open it), or say --format", output)
	}
	if !formatGiven && !diff {
		// -o report.html writes HTML, -o results.sarif SARIF …
		if format := report.FormatOfFile(output); format != "" {
			f.format, f.picked = format, format != "text"
		}
	}
	f.reports = []reportOut{{name: f.file(), format: f.format}}
	return nil
}

// binaryOutput refuses -o name, whose extension ext promises a compressed
// or binary file, saying what to name it instead (format: the report's).
func binaryOutput(name, ext, format string) error {
	hint := "name the file for its format (-o report.csv opens in Excel, -o report.html in a browser, which can print it as PDF)"
	if report.ArchiveExtension(ext) {
		hint = fmt.Sprintf("name the file for its format (-o report.csv opens in Excel), or pipe the report through a compressor "+
			"(chatlint lint --format %s … | gzip > report.gz)", shellquote.Word(format))
	}
	return fail("-o %s: chatlint writes text reports (text, json, jsonl, csv, sarif, github, junit, html), not %s files: %s", name, ext, hint)
}

// resolveSeveral is resolve for several -o: one run writes each report
// (see report.Multi).
func (f *outputFlags) resolveSeveral(formatGiven, diff bool, stdout io.Writer) error {
	if diff {
		return fail("--diff writes one diff, not reports: give one -o, the diff's file (-o changes.diff)")
	}
	for i, name := range f.outputs {
		for _, other := range f.outputs[:i] {
			if sameOutput(name, other, stdout) {
				if name == "-" && other == "-" {
					return fail("-o - is given twice: standard output takes one report")
				}
				if name == other {
					return fail("-o %s is given twice: each report needs a file of its own", name)
				}
				return fail("-o %s and -o %s are the same file: each report needs a file of its own", other, name)
			}
		}
	}
	for _, name := range f.outputs {
		if name == "-" {
			continue // (last: see below)
		}
		if ext := report.BinaryExtension(name); ext != "" {
			return binaryOutput(name, ext, cmp.Or(report.FormatOfFile(strings.TrimSuffix(name, filepath.Ext(name))), "text"))
		}
		if ext := strings.ToLower(filepath.Ext(name)); ext == ".tsv" || ext == ".tab" {
			return fail("-o %s: chatlint writes CSV, not tab-separated files: name it report.csv (Excel and LibreOffice open it)", name)
		}
		if namesDir(name) {
			// (the checks below took it for a device, or a name without
			// an extension)
			return fail("-o %s names a directory: with several -o, name each report's file in it, its extension naming the format (-o %s -o %s)",
				name, filepath.Join(name, "report.json"), filepath.Join(name, "report.html"))
		}
		format := report.FormatOfFile(name)
		if _, _, _, ok, _ := replaceable(name); format == "" && !ok {
			// /dev/stdout, /dev/stderr, a FIFO
			return fail("-o %s: with several -o, each report's format is the one its file's extension names, and a device has none: "+
				"standard output is -o -, in the format --format names; another device takes the report of a run of its own", name)
		}
		if format == "" {
			return fail("-o %s: with several -o, each file's extension names its report's format, and this name has none: "+
				"end it in .json, .jsonl, .csv, .sarif, .xml (junit), .html or .txt, or write it in a run of its own with --format", name)
		}
		f.reports = append(f.reports, reportOut{name: name, format: format})
	}
	if !slices.Contains(f.outputs, "-") {
		if formatGiven {
			return fail("--format %s with several -o: each file's extension names its report's format, and --format only that of standard output (-o -), which is not among them: leave --format out, or add -o -", f.format)
		}
		return nil
	}
	// standard output's report is written last, finished only once every
	// file is written whole: it cannot be taken back, and ends
	// incomplete when a file fails, as the files keep their old content
	f.reports = append(f.reports, reportOut{format: f.format})
	return nil
}

// sameOutput reports whether two -o values name the same report file:
// standard output (-) is the file it writes into (/dev/stdout, or the
// file the shell redirected it to).
func sameOutput(a, b string, stdout io.Writer) bool {
	if a == "-" && b == "-" {
		return true
	}
	if b == "-" {
		a, b = b, a
	}
	if a != "-" {
		return sameFile(a, b)
	}
	file, ok := outFile(stdout)
	if !ok {
		return false
	}
	sst, err := file.Stat()
	if err != nil {
		return false
	}
	st, err := os.Stat(b)
	return err == nil && os.SameFile(st, sst)
}

// checkSeveral checks the flags of one format against the reports of a
// run that writes several: each applies to the reports of its format, and
// needs one among them.
func (f *outputFlags) checkSeveral() error {
	for _, c := range []struct {
		set          bool
		flag, format string
		why          string
	}{
		{f.csvRows != "", "--csv-rows", "csv", ""},
		{f.bom, "--bom", "csv", ""},
		{f.csvRaw, "--csv-raw", "csv", ""},
		{f.color == "always", "--color always", "text", ": the other reports have no colours"},
		{f.quiet, "--quiet", "text", ": the other reports are read by programs, or list only findings"},
	} {
		if c.set && !slices.ContainsFunc(f.reports, func(r reportOut) bool { return r.format == c.format }) {
			return fmt.Errorf("%s applies to %s reports only, and none of %s is one%s", c.flag, c.format, f.listed(), c.why)
		}
	}
	return nil
}

// listed names the reports of the run as -o names them, with the format
// of standard output's ("-o day.json, -o - (text)").
func (f *outputFlags) listed() string {
	var said []string
	for _, r := range f.reports {
		if r.name == "" {
			said = append(said, "-o - ("+r.format+")")
		} else {
			said = append(said, "-o "+r.name)
		}
	}
	return strings.Join(said, ", ")
}

// formatSaid names the report format for an error message about a flag
// of the format want: as given, or as -o's extension picked it.
func (f *outputFlags) formatSaid(want string) string {
	if f.picked {
		return fmt.Sprintf("%s, which -o %s picks; give --format %s", f.format, f.file(), want)
	}
	return f.format
}

// reportOut is one report a run writes.
type reportOut struct {
	// name is the file as -o names it ("" for standard output)
	name   string
	format string
}

// open creates the report writers, one for each report (see resolve), on
// standard output or the file -o names. A report file is written as a
// temporary file beside it that takes its place only when its Commit is
// called (see outputFile): a run that fails, is stopped by --strict or is
// interrupted calls Abort and leaves the old report as it was. outs are
// the reports' files, in their order (nil for standard output; their
// methods accept that); w is the one writer, or for several report.Multi
// of them, which hands each result to each.
func (f *outputFlags) open(stdout io.Writer, loc *time.Location, canned bool, rules []*lint.RuleInfo, scoring lint.Scoring, teams []string) (w report.Writer, outs reportFiles, err error) {
	var ws []report.Writer
	for _, rep := range f.reports {
		w, out, err := f.openOne(rep, stdout, report.Options{Location: loc, Canned: canned, Rules: rules, Scoring: scoring,
			CSVRows: f.csvRows, BOM: f.bom, CSVRaw: f.csvRaw, Version: toolVersion(), Quiet: f.quiet, Teams: teams, Fixer: f.fixer})
		if err != nil {
			for _, w := range ws {
				report.Discard(w)
			}
			outs.abort()
			return nil, nil, err
		}
		ws, outs = append(ws, w), append(outs, out)
	}
	if len(ws) == 1 {
		return ws[0], outs, nil
	}
	return report.Multi(ws...), outs, nil
}

// openOne creates the writer of one report (see open); opts are all but
// its colours, which depend on where it goes.
func (f *outputFlags) openOne(rep reportOut, stdout io.Writer, opts report.Options) (w report.Writer, out *outputFile, err error) {
	dst := stdout
	if rep.name != "" {
		if out, err = createOutput(rep.name, 0o666, false); err != nil {
			return nil, nil, fmt.Errorf("cannot write report: %w", err)
		}
		dst = out.File // an *os.File: a terminal named by -o gets colours
		if out.std {
			// standard output named as /dev/stdout: its reader gone
			// ends chatlint as it does for standard output
			dst = f.pipe.watch(&checkedWriter{w: out.File}, out.File)
		}
		if out.target != "" {
			dst = out // a file replaced: its errors name it, not the temporary file
		}
	}
	opts.Color = useColor(f.color, dst)
	if out != nil && out.target == "" {
		// nothing of it held back until the end: a failed or stopped
		// run says whether any of it went out
		c := &countingWriter{w: dst}
		f.direct = append(f.direct, directOut{rep.name, c})
		dst = c
	}
	if out == nil {
		if file, ok := outFile(dst); ok {
			dst = f.pipe.watch(dst, file)
		}
		f.stdout = &countingWriter{w: dst}
		dst = f.stdout
	}
	w, err = report.New(rep.format, dst, opts)
	if err != nil {
		out.Abort()
		return nil, nil, err
	}
	return w, out, nil
}

// failed is the error of a run that could not write one of several
// reports (we, from report.Multi): none of them takes its old file's
// place, nor is the baseline written; kept says what became of the files
// (keptOutputs). The error names the report where its own words do not
// (a JUnit report's spool file in $TMPDIR).
func (f *outputFlags) failed(we *report.WriterError, kept string) error {
	name, what := "on standard output", "no report written"
	if rep := f.reports[we.Index]; rep.name != "" {
		name = rep.name
	}
	if part := f.incomplete(); part != "" {
		what = part
		if len(f.reports) > 1 {
			what += ", no file written"
		}
	}
	if strings.Contains(we.Err.Error(), name) {
		return fail("write report: %w: %s%s", we.Err, what, kept)
	}
	return fail("write report %s: %w: %s%s", name, we.Err, what, kept)
}

// incomplete names the reports part of which went out before the run
// failed or stopped, those written as they go, which no old file stands
// for: "the report on standard output is incomplete", "the report
// written to /dev/ttyS0 is incomplete"; "" when none did.
func (f *outputFlags) incomplete() string {
	var parts []string
	if f.stdout != nil && f.stdout.n > 0 {
		parts = append(parts, "the report on standard output")
	}
	for _, d := range f.direct {
		if d.c.n > 0 {
			parts = append(parts, "the report written to "+d.name)
		}
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0] + " is incomplete"
	}
	return joinAnd(parts) + " are incomplete"
}

// writtenDirectly reports whether chatlint writes name as it goes rather
// than replacing it once written whole (see outputFile): a device, a
// FIFO, a socket, /dev/stdout, or a symbolic link to one.
func writtenDirectly(name string) bool {
	_, _, _, ok, proc := replaceable(name)
	if proc {
		return true
	}
	if ok {
		return false
	}
	st, err := os.Stat(name)
	return err == nil && !st.IsDir() && !st.Mode().IsRegular()
}

// malformedShown is what reportMalformed needs to know of the reports:
// the format of the one that lists the malformed records best (JSON,
// JSONL, SARIF, JUnit and GitHub list each, text and HTML group them, CSV
// has none), and whether a text report, which lists them, is in front of
// the user.
func (f *outputFlags) malformedShown(stdout io.Writer) (format string, onTerminal bool) {
	rank := func(format string) int {
		switch format {
		case "csv":
			return 2
		case "text", "html":
			return 1
		}
		return 0
	}
	for i, r := range f.reports {
		if r.format == "text" && reportOnTerminal(r.name, stdout) {
			return r.format, true
		}
		if i == 0 || rank(r.format) < rank(format) {
			format = r.format
		}
	}
	return format, false
}

// joinAnd joins names as a sentence lists them: a, b and c.
func joinAnd(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// pipedBesideFiles reports whether a report goes to standard output (-o -,
// or -o /dev/stdout) while other files are written (other reports, or a
// baseline: withFile): their temporary files are to be removed should its
// reader go away (see pipeCleanup).
func (f *outputFlags) pipedBesideFiles(withFile bool) bool {
	piped := false
	for _, r := range f.reports {
		if _, _, _, _, proc := replaceable(r.name); r.name == "" || proc {
			piped = true
		} else {
			withFile = true
		}
	}
	return piped && withFile
}

// reportFiles are the files of a run's reports (nil for standard output).
type reportFiles []*outputFile

// abort gives every file up (see outputFile.Abort).
func (outs reportFiles) abort() {
	for _, o := range outs {
		o.Abort()
	}
}

// useColor decides whether the text report is coloured.
func useColor(mode string, out io.Writer) bool {
	file, ok := outFile(out)
	terminal := ok && term.IsTerminal(int(file.Fd()))
	switch mode {
	case "always":
		if terminal {
			enableVT(file) // (a Windows console that cannot: asked for all the same)
		}
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	// a Windows console that cannot show colours would print their codes
	return terminal && enableVT(file)
}

// namesTerminal reports whether the file name is the terminal one of the
// standard streams std is on (-o /dev/stderr, -o /dev/pts/3 in front of
// the user): the report then shares it with the progress line. Nothing is
// opened to ask.
func namesTerminal(name string, std ...*os.File) bool {
	st, err := os.Stat(name)
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	for _, f := range std {
		if fst, err := f.Stat(); err == nil && os.SameFile(st, fst) && term.IsTerminal(int(f.Fd())) {
			return true
		}
	}
	return false
}

// file is the report file named by the one --output ("" for standard
// output, and with several -o: see files).
func (f *outputFlags) file() string {
	if len(f.outputs) != 1 || f.outputs[0] == "-" {
		return ""
	}
	return f.outputs[0]
}

// files are the report files the -o flags name (not standard output's -).
func (f *outputFlags) files() []string {
	var names []string
	for _, o := range f.outputs {
		if o != "-" {
			names = append(names, o)
		}
	}
	return names
}

// onTerminal reports whether a report is written to a terminal, in front
// of the person who ran chatlint: standard output or an --output naming one
// (-o /dev/stderr, or the /dev/pts/N one of the standard streams is on),
// not a file nor a pipe.
func (f *outputFlags) onTerminal(stdout io.Writer) bool {
	return slices.ContainsFunc(f.reports, func(r reportOut) bool { return reportOnTerminal(r.name, stdout) })
}

// reportOnTerminal reports whether the report written to name ("" for
// standard output) is in front of the person who ran chatlint.
func reportOnTerminal(name string, stdout io.Writer) bool {
	if name != "" {
		return namesTerminal(name, os.Stderr, os.Stdout, os.Stdin)
	}
	file, ok := outFile(stdout)
	return ok && term.IsTerminal(int(file.Fd()))
}

// discarded reports whether the report written to name ("" for standard
// output) goes into the null device (-o /dev/null, or standard output
// into it: a cron job that keeps only what stderr says), where nobody
// reads the files it names. A terminal, a pipe and (on Windows) a name
// other than NUL's are asked first: Windows' os.SameFile has no identity
// for a device or a pipe, and took its console, a pipe and NUL for one.
func discarded(name string, stdout io.Writer) bool {
	null, err := os.Stat(os.DevNull)
	if err != nil {
		return false
	}
	var st os.FileInfo
	if name != "" {
		if !namesNull(name, runtime.GOOS) {
			return false
		}
		st, err = os.Stat(name)
	} else if file, ok := outFile(stdout); ok {
		if term.IsTerminal(int(file.Fd())) {
			return false
		}
		st, err = file.Stat()
	} else {
		return false
	}
	// (a pipe or a file is no character device)
	return err == nil && st.Mode()&fs.ModeCharDevice != 0 && sameDevice(st, null)
}

// sameDevice is os.SameFile (a variable so that tests can stand for
// Windows', which takes any two devices or pipes for one).
var sameDevice = os.SameFile

// namesNull reports whether name, an -o value, may name the null device
// on the system goos. On Windows, whose identity of devices tells nothing
// (see discarded), only NUL's names do, in any case and directory, with an
// extension (the device before Windows 11) or trailing blanks; elsewhere
// any name may (a link to /dev/null), and identity decides.
func namesNull(name, goos string) bool {
	if goos != "windows" {
		return true
	}
	base := name[strings.LastIndexAny(name, `\/:`)+1:]
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	return strings.EqualFold(strings.TrimRight(base, " "), "NUL")
}

// notAnInput refuses an output file (of flag) that is one of the inputs:
// writing it would destroy the transcript (the report would take its
// place). Inputs are the files named (a directory's files
// are not looked into), and for - the file standard input reads (lint -o
// day.jsonl < day.jsonl); an output that does not exist yet is none of them.
func notAnInput(flag, out string, inputs []string, stdin io.Reader) error {
	if out == "" {
		return nil
	}
	ost, err := os.Stat(out)
	if err != nil || !ost.Mode().IsRegular() {
		return nil
	}
	for _, in := range inputs {
		if in == "-" {
			if file, ok := stdin.(*os.File); ok {
				if ist, err := file.Stat(); err == nil && os.SameFile(ost, ist) {
					return fail("%s %s is the file on standard input: writing it would destroy what is being linted; write it elsewhere", flag, out)
				}
			}
			continue
		}
		if ist, err := os.Stat(in); err == nil && os.SameFile(ost, ist) {
			return fail("%s %s is one of the inputs: writing it would destroy what is being linted; write it elsewhere", flag, out)
		}
	}
	// a file below a directory being linted is left out of the walk, as
	// the report or baseline of an earlier run (so a report written into
	// the exports is not read back as a transcript); one that is not
	// chatlint's own may be a transcript of that directory, which the run
	// would skip and then replace
	for _, in := range inputs {
		if in == "-" || !isDirBelow(in, out) {
			continue
		}
		if !writtenByChatlint(out) {
			return fail("%s %s lies in %s, which is being linted, and is not a report or baseline chatlint wrote: it may be a transcript, which writing it would destroy; write it elsewhere", flag, out, in)
		}
		break
	}
	return nil
}

// isDirBelow reports whether dir is a directory that holds the file name,
// at any depth (links resolved).
func isDirBelow(dir, name string) bool {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return false
	}
	d, errD := filepath.EvalSymlinks(dir)
	f, errF := filepath.EvalSymlinks(name)
	if errD != nil || errF != nil {
		return false
	}
	if d, errD = filepath.Abs(d); errD != nil {
		return false
	}
	if f, errF = filepath.Abs(f); errF != nil {
		return false
	}
	rel, err := filepath.Rel(d, f)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// sniffSize is how much of a file's start and end writtenByChatlint reads.
const sniffSize = 64 << 10

// chatlintMarks are what a report chatlint writes holds near its start or
// its end, in each format (the text report's summary line, coloured or
// not, and the GitHub report's; the summary of the JSON, JSONL and SARIF
// reports, a JSONL report's first conversation, the SARIF schema, the HTML
// generator, the JUnit suites' name, a baseline's tool, a --diff's
// header), each with a literal it holds, looked for first: a night whose
// every export has malformed records has each file tried, and the
// patterns' line starts, tried at each of 128 KiB, doubled the run of 500
// such files; chatlintCSVHeads, how its CSV reports start.
var (
	chatlintMarks = []struct {
		lit string
		re  *regexp.Regexp
	}{
		{"汇总:", regexp.MustCompile(`(?m)^(\x1b\[[0-9;]*m)?汇总:(\x1b\[[0-9;]*m)? \d+ 个文件`)},
		{"chatlint: ", regexp.MustCompile(`(?m)^chatlint: \d+ findings? \(error \d+`)},
		{`"by_severity":`, regexp.MustCompile(`"by_severity": ?\{`)},
		{`"grade":`, regexp.MustCompile(`\A\{"id":.*"score":.*"grade":`)},
		{"sarif", regexp.MustCompile(`"\$schema": "https://docs\.oasis-open\.org/sarif/`)},
		{"chatlint", regexp.MustCompile(`<meta name="generator" content="chatlint">`)},
		{"chatlint", regexp.MustCompile(`<testsuites name="chatlint"`)},
		{"chatlint", regexp.MustCompile(`\A\{\s*"version": \d+,\s*"tool": "chatlint"`)},
		{"+++ ", regexp.MustCompile(`\A--- .*\n\+\+\+ `)},
	}
	chatlintCSVHeads = []string{
		strings.Join(report.CSVFindingHeader, ","),
		strings.Join(report.CSVConversationHeader, ","),
		strings.Join(report.CSVAgentHeader, ","),
		"team,members,",
	}
)

// writtenByChatlint reports whether a file is empty or one of the reports
// or baselines chatlint writes, by what its start and end hold.
func writtenByChatlint(name string) bool {
	file, err := os.Open(name)
	if err != nil {
		return false
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return false
	}
	if st.Size() == 0 {
		return true
	}
	head := make([]byte, min(st.Size(), sniffSize))
	if _, err := io.ReadFull(file, head); err != nil {
		return false
	}
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	var tail []byte // (a file within sniffSize is all in head)
	if st.Size() > sniffSize {
		tail = make([]byte, sniffSize)
		if _, err := file.ReadAt(tail, st.Size()-sniffSize); err != nil {
			return false
		}
	}
	for _, h := range chatlintCSVHeads {
		if bytes.HasPrefix(head, []byte(h)) {
			return true
		}
	}
	marked := func(b []byte) bool {
		for _, m := range chatlintMarks {
			if bytes.Contains(b, []byte(m.lit)) && m.re.Match(b) {
				return true
			}
		}
		return false
	}
	return marked(head) || tail != nil && marked(tail)
}

// sameFile reports whether two paths name the same file: by identity when
// both exist, else by the file each would be written to (one to be
// created): a symbolic link leading where nothing is yet (-o day.json,
// a link to reports/day.json, beside -o reports/day.json) and a directory
// reached through a link name the file they lead to, as createOutput
// writes it, and names a file system does not tell apart (day.json and
// Day.JSON on macOS or Windows: sameNewFile) name one file.
func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(sa, sb)
	}
	pa, okA := writtenPath(a)
	pb, okB := writtenPath(b)
	return okA && okB && (pa == pb || sameNewFile(pa, pb))
}

// sameNewFile reports whether two paths that writtenPath gave, which
// differ, name one file all the same: on a file system that tells names
// apart by neither case nor Unicode normalisation (macOS's by default,
// Windows'; a directory of Linux's casefold ext4, a Samba share), -o
// day.json and -o Day.JSON, or Reports/day.json and reports/day.json, are
// one file, where the second report written replaced the first. Names
// that differ by more than case and normalisation are different files
// without a look; else their directories must be one (by identity), and
// the names are tried there (namesAlike).
func sameNewFile(pa, pb string) bool {
	da, ba := filepath.Split(pa)
	db, bb := filepath.Split(pb)
	if !strings.EqualFold(norm.NFC.String(ba), norm.NFC.String(bb)) {
		return false
	}
	sa, errA := os.Stat(da)
	sb, errB := os.Stat(db)
	if errA != nil || errB != nil || !os.SameFile(sa, sb) {
		return false
	}
	return ba == bb || namesAlike(da, ba, bb)
}

// namesAlike reports whether the names a and b, which differ, name one
// file in the directory dir (a variable, so that tests on a file system
// that tells them apart can stand for one that does not).
var namesAlike = probeNamesAlike

// probeNamesAlike asks the file system whether the names a and b name one
// file in dir: it creates a temporary file whose name holds a (.a.tmpNNN,
// as createOutput's do), looks it up under the name holding b instead, and
// removes it. A directory that takes no new files cannot be asked (nor
// hold a new report): the names are taken for two. (lint catches the
// signals before it checks its flags, so that a Ctrl-C while the file is
// there does not end chatlint with it left behind: see runLint.)
func probeNamesAlike(dir, a, b string) bool {
	f, err := tempFile(filepath.Join(dir, a), 0o600)
	if err != nil {
		return false
	}
	name := f.Name()
	f.Close()
	defer os.Remove(name)
	other := filepath.Join(dir, "."+b+strings.TrimPrefix(filepath.Base(name), "."+a))
	st, err := os.Lstat(name)
	ost, oerr := os.Lstat(other)
	return err == nil && oerr == nil && os.SameFile(st, ost)
}

// writtenPath is the absolute path of the file createOutput writes for
// name: the file a symbolic link leads to (replaceable), in its
// directory with that directory's links followed.
func writtenPath(name string) (string, bool) {
	target, _, _, ok, _ := replaceable(name)
	if !ok {
		target = name
	}
	dir := filepath.Dir(target)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	return filepath.Join(dir, filepath.Base(target)), true
}

// namesDir reports whether an -o value names a directory: one there, or
// a name ending in a path separator (out/), there or not.
func namesDir(name string) bool {
	if namesDirOnly(name) {
		return true
	}
	st, err := os.Stat(name)
	return err == nil && st.IsDir()
}

// namesDirOnly reports whether an -o value ends in a path separator
// (out/): it names a directory, there or not, and no file.
func namesDirOnly(name string) bool {
	return name != "" && os.IsPathSeparator(name[len(name)-1])
}
