package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/chatlint/chatlint/internal/english"
	"github.com/chatlint/chatlint/internal/pathwhy"
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/baseline"
	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/config"
	"github.com/chatlint/chatlint/lint/redact"
	"github.com/chatlint/chatlint/lint/report"
	"github.com/chatlint/chatlint/lint/transcript"
	"github.com/chatlint/chatlint/rules"
)

// lintFlags are the flags of `chatlint lint` (names fixed by the design contract).
type lintFlags struct {
	packs      []string
	out        outputFlags
	input      inputFlags
	failOn     string
	minScore   float64
	strict     bool
	jobs       int
	memory     string
	maxMessage string
	noProgress bool
	baseline   string
	writeBase  string
	redact     bool
	fix        bool
	diff       bool
}

func newLintCmd() *cobra.Command {
	f := &lintFlags{}
	cmd := &cobra.Command{
		Use:   "lint [PATH|-]...",
		Short: "Lint transcripts (files, directories, or - for stdin)",
		Long: `Lint chat transcripts against the active rule packs and write a report.

Directories are walked for transcript files (--exclude GLOB leaves paths below
them out; a file named is always read); - reads standard input, as does
no path when something is piped in. Without --pack, the packs named in
.chatlint.yaml apply, or the built-in default (` + rules.DefaultPack + `).

` + exitCodesHelp,
		Example: `  chatlint lint testdata/transcripts/
  chatlint lint --format json testdata/examples/day.jsonl > report.json
  chatlint lint --input-format canned testdata/canned/replies.txt
  chatlint lint --exclude 'archive/**' --exclude bot-only testdata/transcripts/
  cat testdata/examples/day.jsonl | chatlint lint --pack callcenter -`,
		RunE: func(cmd *cobra.Command, args []string) error { return runLint(cmd, f, args) },
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&f.packs, "pack", nil, "rule pack `NAME|FILE`: a built-in pack's name, the name of a pack .chatlint.yaml lists, or a YAML file (repeatable; replaces the config's packs)")
	addOutputFlags(fl, &f.out)
	addInputFlags(fl, &f.input)
	fl.StringVar(&f.failOn, "fail-on", "error", "exit 1 on findings of this `SEVERITY` or above: error, warning, info, none")
	fl.Float64Var(&f.minScore, "min-score", 0, "exit 1 when a conversation scores below `N`")
	fl.BoolVar(&f.strict, "strict", false, "treat malformed records as fatal (exit 2)")
	fl.IntVarP(&f.jobs, "jobs", "j", 0, "`N` CPUs to use (0: all)")
	fl.StringVar(&f.memory, "memory-budget", "64MiB", "`SIZE` of the memory for conversations still open while reading (such as 256MiB; a bare number is MiB); a conversation whose messages lie further apart in the input than the budget spans, or of more than one message per 8KiB of it, is linted in parts")
	fl.StringVar(&f.maxMessage, "max-message-size", "256KiB", "`SIZE` of the longest message text to lint, in bytes of UTF-8 (such as 64KiB; a bare number is MiB; 0: no limit); a longer message, or a line over 4 times this, is reported as a malformed record")
	fl.BoolVar(&f.noProgress, "no-progress", false, "never show a progress line on standard error (drawn only when it is a terminal, not TERM=dumb; it has no colours, so NO_COLOR leaves it on)")
	fl.StringVar(&f.baseline, "baseline", "", "report only findings not recorded in the baseline `FILE`")
	fl.StringVar(&f.writeBase, "write-baseline", "", "record this run's findings in the baseline `FILE`")
	fl.BoolVar(&f.fix, "fix", false, "canned-reply libraries: rewrite the file, applying each finding's prescribed replacement (then report what is left)")
	fl.BoolVar(&f.diff, "diff", false, "canned-reply libraries: show what --fix would change, as a unified diff, without writing")
	fl.BoolVar(&f.redact, "redact", false, "mask phone, ID-card and bank-card numbers, e-mail and street addresses in every output")
	return cmd
}

// maxJobs bounds --jobs on machines of fewer CPUs.
const maxJobs = 256

func runLint(cmd *cobra.Command, f *lintFlags, args []string) error {
	// an empty path, as "$DIR" is when the variable is unset, said so
	// (the system's error would name no file: ": no such file or directory")
	if slices.Contains(args, "") {
		return fail("lint '': an empty path (an unset shell variable?): name a transcript file or directory, or - for standard input")
	}
	// each job keeps its own scratch space: thousands cost seconds and
	// hundreds of MB (and the runtime gives up before a million), and
	// nothing is gained past the CPUs there are
	if most := max(maxJobs, runtime.NumCPU()); f.jobs > most {
		return fail("--jobs %d: at most %d (this machine has %d CPUs)", f.jobs, most, runtime.NumCPU())
	}
	if f.jobs > 0 {
		// every stage (reading, parsing, grouping, checking) shares these
		// CPUs; restored when the command ends (tests run it in process)
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(f.jobs))
	}
	// stopped by Ctrl-C, SIGTERM (timeout, systemd, CI runners) or SIGHUP
	// (the terminal gone): the run ends with exit 2, the old report and
	// baseline kept, no temporary file left. Caught before the flags are
	// checked: telling whether two -o names a file system may take for one
	// (day.json, Day.JSON: probeNamesAlike) makes a temporary file, which
	// a signal in that moment, ending chatlint, left behind
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
	defer stop()
	// a second signal acts as it would without chatlint (Ctrl-C twice
	// ends a run stuck where it cannot see the first), and standard
	// input, which may never end, is given up on the first
	context.AfterFunc(ctx, stop)
	r, err := prepareLint(ctx, cmd, f, args)
	if err != nil {
		return err
	}
	r.topts.Stdin = &stoppableReader{ctx: ctx, r: r.topts.Stdin}

	if f.fix {
		// a directory that takes no new files passes creatable: the
		// library would be rewritten, and only then the report found
		// unwritable. Asked once the flags are all checked (a run
		// refused for them has nothing created for it, and is told why),
		// and once the signals are caught: the probe makes a temporary
		// file beside each output, which a Ctrl-C in that moment, ending
		// chatlint, left behind; now the probe removes it, and the run
		// stops before anything is fixed
		if err := fixOutputsWritable(f); err != nil {
			return err
		}
	}
	if ctx.Err() != nil {
		// a signal while the flags were checked or the outputs probed
		// stops the run now: the packs, which load next, take seconds
		// for a word list of hundreds of thousands of phrases, and a run
		// stopped waits for them to be loaded before it looks again
		return stoppedRun(ctx, f)
	}
	if f.fix || f.diff {
		if err := r.compile(ctx, nil); err != nil {
			return err
		}
		if finished, err := r.fix(ctx); finished || err != nil {
			return err
		}
	}

	// the packs load, and the report opens, while the input is read
	// (lint.Engine.SetUp): a broken pack or an unwritable report still
	// ends the run before anything is checked, with the error it had
	// before the reading started
	var (
		w        report.Writer
		outs     reportFiles
		recorder *baseline.Recorder
		baseOut  *outputFile
	)
	// a report file takes the old one's place only once written whole,
	// and so does the baseline
	defer func() { outs.abort() }()
	defer func() { baseOut.Abort() }()
	defer func() { f.out.pipe.release() }()
	setUp := func(taken func() int64) (report.Writer, []lint.Filter, error) {
		if r.checks == nil {
			if err := r.compile(ctx, taken); err != nil {
				return nil, nil, err
			}
		}
		if f.out.pipedBesideFiles(f.writeBase != "") {
			// a reader of standard output gone (| head) ends chatlint by
			// SIGPIPE, where no deferred Abort runs
			f.out.pipe = newPipeCleanup(func() { outs.abort(); baseOut.Abort() })
		}
		if r.canned && !f.redact {
			// (a redacted report's matches are not the file's text)
			f.out.fixer = libraryFixer{r.topts}
		}
		var err error
		if w, outs, err = f.out.open(cmd.OutOrStdout(), r.topts.Location, r.canned, r.infos(), r.checks.Scoring, r.cfg.TeamNames()); err != nil {
			return nil, nil, failErr(err)
		}
		if f.redact {
			w = report.Redacting(w)
		}
		filters, err := r.filters(ctx, "no report written")
		if err != nil {
			return nil, nil, err
		}
		if f.writeBase != "" {
			// opened now, as the report is: a baseline that cannot be
			// written ends the run before anything is linted, not after
			if baseOut, err = createOutput(f.writeBase, 0o644, true); err != nil {
				return nil, nil, fail("write baseline: %w", err)
			}
			recorder = baseline.NewRecorder(r.canned)
			recorder.WritesTo(f.writeBase)
			if f.redact {
				recorder.MaskPersonalData()
			}
			filters = append([]lint.Filter{recorder}, filters...)
		}
		return w, filters, nil
	}
	// the writers keep nothing of a result once written (redacting copies
	// it first; baseline filters keep copies of strings), so the engine may
	// reuse the memory of its messages
	r.reuseMessages = !slices.ContainsFunc(f.out.reports, func(r reportOut) bool { return !report.Streams(r.format) })
	sum, runErr := r.run(ctx, setUp)
	if sum != nil {
		// the malformed records may be spooled to a temporary file
		defer sum.Errors.Close()
	}
	if su := (*setUpError)(nil); errors.As(runErr, &su) {
		return su.err // as prepareLint would have said it
	}
	if we := (*report.WriterError)(nil); errors.As(runErr, &we) {
		// one of several reports could not be written: none of them
		// replaces its old file
		report.Discard(w)
		return f.out.failed(we, keptOutputs(f))
	}
	if runErr != nil && f.redact {
		runErr = redactedErr(runErr)
	}
	if runErr != nil && (errors.Is(runErr, lint.ErrStrict) || errors.Is(runErr, context.Canceled)) {
		report.Discard(w)
		if errors.Is(runErr, context.Canceled) {
			// say which signal stopped the run, not "context canceled"
			what := "no report written"
			if part := f.out.incomplete(); part != "" {
				// the conversations linted so far are out already
				what = part
			}
			return fail("stopped (%w): %s%s", context.Cause(ctx), what, keptOutputs(f))
		}
		return failErr(runErr)
	}
	// (each hint built once, for the report and for stderr: one may read
	// a directory, pathwhy.Encoded)
	hints := pathHints{}
	sum.Unreadable = unreadableFiles(runErr, hints)
	markUnknownWaivers(r.set, sum.UnusedWaivers)
	if err := w.Close(sum); err != nil {
		we := (*report.WriterError)(nil)
		if !errors.As(err, &we) {
			// the one report (a full disk): told as one of several is,
			// with what became of its file, which is the old report
			// where there was one ('write report: write report.json:
			// no space left on device' left that unsaid)
			we = &report.WriterError{Err: err}
		}
		return f.out.failed(we, keptOutputs(f))
	}
	if err := commitReports(f, outs); err != nil {
		return err
	}
	if recorder != nil && runErr == nil {
		if err := writeBaseline(recorder, baseOut); err != nil {
			return failErr(err)
		}
	}
	f.out.pipe.release() // (every file in place)
	// the malformed records are listed even when a file was unreadable:
	// the other files were linted and reported
	errs := sum.Errors
	if f.redact {
		errs = report.RedactErrors(errs)
	}
	format, shown := f.out.malformedShown(cmd.OutOrStdout())
	if err := reportMalformed(cmd.ErrOrStderr(), errs, format, shown); err != nil {
		return fail("list the malformed records: %w", err)
	}
	// another run's report in the directory linted (the JSON report of
	// the run before this one's CSV) was read as a transcript
	for _, w := range readBackReports(sum, args) {
		fmt.Fprintf(cmd.ErrOrStderr(), "chatlint: warning: %s\n", report.Shown(w))
	}
	if runErr != nil {
		// (a CSV report names none of them, and one thrown away none
		// for anybody: each is listed)
		inReport := slices.ContainsFunc(f.out.reports, func(r reportOut) bool { return r.format != "csv" && !discarded(r.name, cmd.OutOrStdout()) })
		runErr = listUnreadable(withGoneHints(withPathHints(withGlobHints(runErr), hints), args), inReport)
		// unreadable files: everything else was linted and reported, but
		// a baseline without their findings would take them for new on
		// the next run, so the old one stays
		if recorder != nil {
			what := "left untouched"
			if _, err := os.Lstat(f.writeBase); errors.Is(err, fs.ErrNotExist) {
				what = "not written"
			}
			// a line of its own, named as chatlint's other lines are
			runErr = fmt.Errorf("%w\nchatlint: %s %s: a baseline needs every file read", runErr, f.writeBase, what)
		}
		return failErr(runErr)
	}
	if r.fixRefused {
		// exit 2 whatever the gate says, with its reason if it has one
		var ex *exitError
		if err := r.gate(sum); errors.As(err, &ex) && ex.err != nil {
			return failErr(ex.err)
		}
		return &exitError{code: 2}
	}
	return r.gate(sum)
}

// nothingToRead reports whether standard input is sure to be empty: the
// null device (cron, nohup, docker run without -i) or an empty file. Run
// without paths, chatlint was then not given its input, rather than given
// an empty one.
func nothingToRead(stdin *os.File) bool {
	st, err := stdin.Stat()
	if err != nil {
		return false
	}
	if st.Mode().IsRegular() {
		return st.Size() == 0
	}
	null, err := os.Stat(os.DevNull)
	return err == nil && os.SameFile(st, null)
}

// stoppedRun is the error of a run stopped (by the signal of ctx) before
// it wrote anything: "stopped (interrupt signal received): no report
// written; report.json left untouched".
func stoppedRun(ctx context.Context, f *lintFlags) error {
	return fail("stopped (%w): %s%s", context.Cause(ctx), notWritten(f), keptOutputs(f))
}

// notWritten says what a run stopped before its end did not write: "no
// file fixed" (--fix), "no diff written" (--diff), "no report written".
func notWritten(f *lintFlags) string {
	switch {
	case f.fix:
		return "no file fixed"
	case f.diff:
		return "no diff written"
	}
	return "no report written"
}

// keptOutputs names the files a stopped run left as they were ("": none):
// those there are left untouched, those there were not are not created
// (a report that never existed was said to be left untouched, as if an
// old one were there).
func keptOutputs(f *lintFlags) string {
	return keptFiles(append(f.out.files(), f.writeBase))
}

// keptFiles is keptOutputs of the files names ("" among them: none).
// Names written directly (a device, a FIFO, /dev/stdout) are left out:
// no old file of theirs stands until a new one takes its place, and what
// went to them went (-o /dev/full was said to be "left untouched").
func keptFiles(names []string) string {
	var kept, absent []string
	for _, name := range names {
		if name == "" || writtenDirectly(name) {
			continue
		}
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			absent = append(absent, name)
		} else {
			kept = append(kept, name)
		}
	}
	var said []string
	if len(absent) > 0 {
		said = append(said, joinAnd(absent)+" not created")
	}
	if len(kept) > 0 {
		said = append(said, joinAnd(kept)+" left untouched")
	}
	if len(said) == 0 {
		return ""
	}
	return "; " + strings.Join(said, ", ")
}

// commitReports puts the report files in place (see outputFile.Commit),
// in the order -o names them, once every report is written whole. One
// that cannot be put in place ends the run: the error says which of the
// others were, and which (with the baseline, not written then) keep what
// they held.
func commitReports(f *lintFlags, outs reportFiles) error {
	for i, o := range outs {
		err := o.Commit()
		if err == nil {
			continue
		}
		if len(outs) == 1 {
			return fail("write report: %w", err)
		}
		var written, rest []string
		for j, rep := range f.out.reports {
			switch {
			case rep.name == "" || j == i:
			case j < i:
				written = append(written, rep.name)
			default:
				rest = append(rest, rep.name)
			}
		}
		said := ""
		if len(written) > 0 {
			said = "; " + joinAnd(written) + " written"
		}
		return fail("write report: %w%s%s", err, said, keptFiles(append(rest, f.writeBase)))
	}
	return nil
}

// stoppableReader reads r until ctx is done, then fails at once with
// ctx's error, though a read of r is still waiting (left to it: the run
// ends, and the process with it).
type stoppableReader struct {
	ctx context.Context
	r   io.Reader
	buf []byte
}

func (s *stoppableReader) Read(p []byte) (int, error) {
	if err := s.ctx.Err(); err != nil {
		return 0, err
	}
	if cap(s.buf) < len(p) {
		s.buf = make([]byte, len(p))
	}
	buf := s.buf[:len(p)]
	type result struct {
		n   int
		err error
	}
	done := make(chan result, 1)
	go func() {
		n, err := s.r.Read(buf)
		done <- result{n, err}
	}()
	select {
	case res := <-done:
		return copy(p, buf[:res.n]), res.err
	case <-s.ctx.Done():
		s.buf = nil // still being read into
		return 0, s.ctx.Err()
	}
}

// redactedErr is a run's error with the personal data of the reasons it
// gives masked (--redact): of the record that stopped a --strict run, of
// the files that could not be read (a csv's first row is quoted as its
// header). File names are kept, as the reports keep them.
func redactedErr(err error) error {
	var strict *lint.StrictError
	if errors.As(err, &strict) {
		return &lint.StrictError{Pos: strict.Pos, Col: strict.Col, Err: redact.Text(strict.Err, nil)}
	}
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return redactedFileErr(err)
	}
	var errs []error
	for _, e := range j.Unwrap() {
		errs = append(errs, redactedFileErr(e))
	}
	return errors.Join(errs...)
}

// redactedFileErr is an error of a file that could not be read with the
// personal data of its reason masked (redactedErr), its cause kept for
// the hints that ask what it is (redactedReason).
func redactedFileErr(err error) error {
	var fe *transcript.FileError
	if errors.As(err, &fe) {
		return &transcript.FileError{Name: fe.Name, Err: &redactedReason{said: redact.Text(fe.Err.Error(), nil), cause: fe.Err}}
	}
	if errors.Is(err, context.Canceled) {
		return err
	}
	return errors.New(redact.Text(err.Error(), nil))
}

// redactedReason is why a file could not be read, said with its personal
// data masked (--redact), and the error it says, which errors.Is finds
// for the hints that name the part of the path that is wrong (pathHint,
// withGlobHints, withGoneHints) and that is never said: a bare
// errors.New of the masked words had --redact runs say 'day.jsonl/x.jsonl:
// not a directory' where the others say '(day.jsonl is a file)'.
type redactedReason struct {
	said  string
	cause error
}

func (r *redactedReason) Error() string { return r.said }
func (r *redactedReason) Unwrap() error { return r.cause }

// stopSignals are the signals that stop a run the way Ctrl-C does.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// unreadableFiles lists the files a run could not read, from the errors
// transcript.ReadAll joined, for the report: each with which part of its
// path is wrong where that is said (hints), as stderr says it ("not a
// directory (day.jsonl is a file)"; the text report's bare 不是目录 named
// no part). With hints nil, each with its error alone (to name them).
func unreadableFiles(err error, hints pathHints) []lint.RecordError {
	if err == nil {
		return nil
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	var out []lint.RecordError
	for _, e := range errs {
		var fe *transcript.FileError
		if errors.As(e, &fe) {
			why := fe.Err.Error()
			if h := hints.of(fe); h != "" {
				why += " (" + h + ")"
			}
			out = append(out, lint.RecordError{Pos: lint.Pos{File: fe.Name}, Err: why})
		} else {
			out = append(out, lint.RecordError{Err: e.Error()})
		}
	}
	return out
}

// withGlobHints adds to the error of each path that does not exist and
// holds a wildcard (*, ? or [) what became of the pattern: chatlint does
// not expand one (a quoted pattern, or one in a Windows shell, reaches it
// as it is), and a shell passes on one that matches nothing as it is.
// err is transcript.ReadAll's: one error, or several joined.
func withGlobHints(err error) error {
	return hintFileErrors(err, func(fe *transcript.FileError) string {
		if !strings.ContainsAny(fe.Name, "*?[") || !errors.Is(fe, fs.ErrNotExist) {
			return ""
		}
		if matches, _ := filepath.Glob(fe.Name); len(matches) > 0 {
			return "chatlint does not expand wildcards, which a Unix shell does when the pattern is not quoted: name the files, or the directory (--exclude leaves out what it should not read)"
		}
		return "no file matches this pattern, which the shell passed on as it is"
	})
}

// withPathHints adds to the error of each path that goes through a file
// where a directory should be which file that is, as -o and --baseline
// say it (pathwhy.ThroughFile): "lib.txt/x.txt: not a directory (lib.txt is a
// file)", "in/x.txt: not a directory (in is a symbolic link to
// lib.txt/x, and lib.txt is a file)", where the bare error left the user
// to find which. err is transcript.ReadAll's: one error, or several
// joined; hints, those the report was given (unreadableFiles).
func withPathHints(err error, hints pathHints) error {
	return hintFileErrors(err, hints.of)
}

// pathHints are the hints of a run's inputs that could not be read
// (pathHint), each built once, as the report and stderr say them both:
// building one may read the names of a directory (pathwhy.Encoded), and
// stat the parts of a path.
type pathHints map[*transcript.FileError]string

// buildPathHint builds a hint of pathHints (pathHint; a test counts the
// builds).
var buildPathHint = pathHint

// of is fe's hint (pathHint), built the first time it is asked for; ""
// where h is nil (the names alone are wanted, unreadableFiles).
func (h pathHints) of(fe *transcript.FileError) string {
	if h == nil {
		return ""
	}
	if said, ok := h[fe]; ok {
		return said
	}
	said := buildPathHint(fe)
	h[fe] = said
	return said
}

// pathHint says, of an input that could not be read, which part of its
// path is wrong, for withPathHints and the reports (unreadableFiles,
// through pathHints): a file where a directory should be ("lib.txt is a
// file"), a symbolic link in a loop or to nothing; "" for any other error.
func pathHint(fe *transcript.FileError) string {
	if said, ok := pathwhy.Loop(fe.Name, fe); ok {
		// "loop1/x.jsonl: too many levels of symbolic links
		// (loop1 is a symbolic link to loop1, a loop that leads
		// nowhere)"
		return said
	}
	if link, ok := pathwhy.DanglingLink(fe.Name); ok && errors.Is(fe, fs.ErrNotExist) {
		// "gone.jsonl: no such file or directory (gone.jsonl is a
		// symbolic link to nowhere.jsonl, which does not exist)":
		// ls shows gone.jsonl
		return link.String()
	}
	if names := pathwhy.Encoded(fe.Name, fe); names != nil {
		// "售后.txt: no such file or directory (the file named 售后.txt
		// in GBK is there: rename it with  convmv -f gbk -t utf-8
		// --notest "$(printf '\312\333\272\363.txt')"  …)": the name a
		// report or a warning showed decoded, typed
		return names.Hint(func(word string) string { return word })
	}
	if !errors.Is(fe, syscall.ENOTDIR) {
		return ""
	}
	said, _ := pathwhy.ThroughFile(fe.Name, fe)
	return strings.TrimSuffix(said, ", not a directory") // (the error says it)
}

// hintFileErrors adds to each file's error in err (transcript.ReadAll's:
// one error, or several joined) what hint says of it, in brackets, if
// anything; err is returned as it is when hint says nothing of any.
func hintFileErrors(err error, hint func(fe *transcript.FileError) string) error {
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = slices.Clone(j.Unwrap())
	}
	changed := false
	for i, e := range errs {
		var fe *transcript.FileError
		if !errors.As(e, &fe) {
			continue
		}
		if h := hint(fe); h != "" {
			errs[i] = fmt.Errorf("%w (%s)", e, h)
			changed = true
		}
	}
	switch {
	case !changed:
		return err
	case len(errs) == 1:
		return errs[0]
	}
	return errors.Join(errs...)
}

// withGoneHints adds to the error of each file that a directory walk found
// and that was not there when it came to be read which directory's walk
// found it: a bare "no such file or directory" for a file the user never
// named reads as chatlint's mistake, where an export was moved or removed
// while chatlint ran (a file written under a temporary name, then renamed).
// err is transcript.ReadAll's: one error, or several joined; args are
// the paths named.
func withGoneHints(err error, args []string) error {
	return hintFileErrors(err, func(fe *transcript.FileError) string {
		if !errors.Is(fe, fs.ErrNotExist) ||
			slices.ContainsFunc(args, func(a string) bool { return filepath.Clean(a) == filepath.Clean(fe.Name) }) {
			return "" // (one named was not found by a walk)
		}
		if _, ok := pathwhy.DanglingLink(fe.Name); ok {
			return "" // (a link to nothing, not moved: pathHint says it)
		}
		for _, a := range args {
			if a == "-" {
				continue
			}
			if rel, err := filepath.Rel(a, fe.Name); err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return "the walk of " + report.Shown(a) + " found it: moved or removed since"
			}
		}
		return ""
	})
}

// unreadableList is the error of a run that could not read several of
// its files (transcript.ReadAll's errors, joined): a line saying how many,
// then one indented line for each, as the malformed records are listed on
// stderr (an errors.Join would print the second and later ones with no
// "chatlint:" before them, like lines of the first's). Each stays on its
// line: a name or a reason with a line break in it shows it as ⏎. Where
// the report names every file too (inReport), more than
// unreadableAlikeShown files that fail alike (lint.ReasonKind) are one
// line and the names of some of the others, so that a night of 2,000
// empty exports is not 2,000 lines of a log.
type unreadableList struct {
	errs     []error
	inReport bool
}

const (
	// unreadableAlikeShown is how many files failing alike are listed one
	// a line; past it, the first is, and unreadableNamesShown of the
	// others are named after it
	unreadableAlikeShown = 3
	unreadableNamesShown = 10
)

func (e *unreadableList) Error() string {
	var b strings.Builder
	b.WriteString(report.Plural(len(e.errs), "file") + " could not be read:")
	// the files failing alike, in the order of the first of each
	type group struct {
		errs  []error
		names []string
	}
	var groups []*group
	byKind := map[string]*group{}
	for _, err := range e.errs {
		var fe *transcript.FileError
		if !e.inReport || !errors.As(err, &fe) {
			groups = append(groups, &group{errs: []error{err}})
			continue
		}
		// the kind of all that is said after the name: a hint added
		// to a file's error (withGlobHints, withGoneHints) is said of
		// it alone, where the report does not say it
		kind := lint.ReasonKind(strings.TrimPrefix(err.Error(), fe.Name+": "))
		g := byKind[kind]
		if g == nil {
			g = &group{}
			byKind[kind] = g
			groups = append(groups, g)
		}
		g.errs = append(g.errs, err)
		g.names = append(g.names, fe.Name)
	}
	for _, g := range groups {
		if len(g.errs) <= unreadableAlikeShown {
			for _, err := range g.errs {
				b.WriteString("\n  " + report.Shown(err.Error()))
			}
			continue
		}
		b.WriteString("\n  " + report.Shown(g.errs[0].Error()))
		others := g.names[1:]
		named := others[:min(len(others), unreadableNamesShown)]
		shown := make([]string, len(named))
		for i, n := range named {
			shown[i] = report.Shown(n)
		}
		b.WriteString(fmt.Sprintf("\n    and %d more like it: %s", len(others), strings.Join(shown, ", ")))
		if len(others) > len(named) {
			b.WriteString(", …")
		}
		b.WriteString(" (all are in the report)")
	}
	return b.String()
}

func (e *unreadableList) Unwrap() []error { return e.errs }

// listUnreadable is err as unreadableList words it when it joins several
// errors; one error alone is left as it is (one line, as other errors).
// inReport: the report names every file that could not be read (all its
// formats but CSV), so that many failing alike need not be listed whole.
func listUnreadable(err error, inReport bool) error {
	j, ok := err.(interface{ Unwrap() []error })
	if !ok || len(j.Unwrap()) < 2 {
		return err
	}
	return &unreadableList{errs: j.Unwrap(), inReport: inReport}
}

// lintRun is a prepared lint: flags checked and config read (prepareLint);
// packs and checks loaded by compile.
type lintRun struct {
	cmd      *cobra.Command
	f        *lintFlags
	args     []string
	cfg      *config.Config
	topts    transcript.Options
	canned   bool
	set      *rules.Set // the active packs
	checks   *check.Set
	failOn   lint.Severity
	minScore float64
	// minSaid names the bar in the gate's message: the flag's, or the
	// config's min_score and where it is set; minFrom names it in an
	// error (--min-score, or where the config sets it)
	minSaid, minFrom string
	// failSaid names the fail-on severity in the gate's message, as
	// minSaid names the bar
	failSaid string
	// reuseMessages: the report writer keeps nothing of a result once
	// written (lint.Engine.ReuseMessages)
	reuseMessages bool
	// warned holds the warnings already shown
	warned map[string]bool
	// budget is the memory budget of open conversations (--memory-budget)
	budget int
	// maxMessage bounds a message's text (--max-message-size; 0: none)
	maxMessage int
	// fixRefused: --fix had to leave a file as it was (said on stderr);
	// the report of what is left is still written, and the run exits 2
	fixRefused bool
	// diffFixes is the number of fixes a --diff run's diff holds: with
	// none, the gate says there is nothing to fix
	diffFixes int
	// diffPrescribed is the number of fixes the findings prescribe in
	// the files a --diff run shows, made or not (see noFixWhy)
	diffPrescribed int
	// libraries are the canned-reply libraries' files as --fix reads
	// them, for the suggestions (check.Options.Library)
	libraries *libraryCache
	// baseData is the --baseline file's bytes, read once (filters)
	baseData []byte
}

// prepareLint checks the flags (bad ones exit 2 before anything is read)
// and reads the config; compile loads the packs.
func prepareLint(ctx context.Context, cmd *cobra.Command, f *lintFlags, args []string) (*lintRun, error) {
	f.out.normalise()
	if err := f.out.resolve(cmd.Flags().Changed("format"), f.diff, cmd.OutOrStdout()); err != nil {
		return nil, err
	}
	if err := f.out.check(); err != nil {
		return nil, failErr(err)
	}
	if err := checkPackRefs("--pack", "", f.packs); err != nil {
		return nil, err
	}
	if f.jobs < 0 {
		return nil, fail("--jobs %d: give the number of CPUs to use, 1 or more, or 0 for all", f.jobs)
	}

	budget, err := parseSize(f.memory)
	if err != nil {
		return nil, fail("--memory-budget: %w", err)
	}
	maxMessage := int64(0)
	if t := strings.ToLower(strings.TrimSpace(f.maxMessage)); t != "0" && t != "none" {
		if maxMessage, err = parseSize(f.maxMessage); err != nil {
			return nil, fail("--max-message-size: %w (0 for no limit)", err)
		}
	}

	cfg, err := loadConfig()
	if err != nil {
		return nil, failErr(err)
	}
	// (a line may take 4 times --max-message-size: MaxRecordBytes)
	r := &lintRun{cmd: cmd, f: f, args: args, cfg: cfg, minScore: f.minScore, warned: map[string]bool{}, budget: sizeInt(budget, math.MaxInt), maxMessage: sizeInt(maxMessage, math.MaxInt/4)}
	// (a flag takes the config's value out of the way, a bad one too)
	// the config's thresholds that cannot be used: told with the config's
	// other problems, all at once (cfgProblems)
	var cfgErrs []error
	if !cmd.Flags().Changed("fail-on") && cfg.FailOn != "" {
		if r.failOn, err = cfg.FailOnSeverity(); err != nil {
			cfgErrs = append(cfgErrs, err)
		}
		r.failSaid = "fail_on " + r.failOn.String() + " of " + cfg.Where("fail_on")
	} else {
		var ok bool
		if r.failOn, ok = lint.ParseSeverity(f.failOn); !ok {
			return nil, fail("unknown --fail-on %q (error, warning, info or none)", f.failOn)
		}
		r.failSaid = "--fail-on " + r.failOn.String()
	}
	r.minSaid, r.minFrom = "--min-score "+strconv.FormatFloat(r.minScore, 'f', -1, 64), "--min-score"
	if !cmd.Flags().Changed("min-score") && cfg.MinScore != nil {
		if err := cfg.MinScoreError(); err != nil {
			cfgErrs = append(cfgErrs, err)
		} else {
			r.minScore, r.minFrom = *cfg.MinScore, cfg.Where("min_score")+": min_score"
			r.minSaid = "min_score " + strconv.FormatFloat(r.minScore, 'f', -1, 64) + " of " + cfg.Where("min_score")
		}
	} else if math.IsNaN(r.minScore) || math.IsInf(r.minScore, 0) || r.minScore < 0 {
		return nil, fail("--min-score %v: give a score, 0 or more (0: off)", r.minScore)
	}
	if len(cfgErrs) > 0 {
		// and the problems the packs show (a rule override of no rule, a
		// min_score over their start), which compile would tell next
		minFrom := ""
		if !cmd.Flags().Changed("min-score") && cfg.MinScore != nil && cfg.MinScoreError() == nil {
			minFrom = r.minFrom
		}
		format := f.input.format
		if !f.input.changed("input-format") && cfg.Input.Format != "" {
			format = cfg.Input.Format
		}
		canned := strings.EqualFold(format, "canned")
		return nil, failErr(errors.Join(append(cfgErrs, packProblems(cfg, f.packs, minFrom, r.minScore, canned)...)...))
	}
	if f.out.csvRows == "team" && len(cfg.Teams) == 0 {
		// the report would be a header row and nothing else
		return nil, fail("--csv-rows team needs teams in .chatlint.yaml (teams: {售前组: [\"小美*\"]}); none are defined")
	}
	stdin := cmd.InOrStdin()
	if r.topts, err = f.input.options(cfg, stdin); err != nil {
		return nil, failErr(err)
	}
	r.topts.MaxRecordBytes = 4 * r.maxMessage
	// the report and baseline of an earlier run, written into a directory
	// being linted, are not transcripts (nor is the baseline this run
	// gates on)
	r.topts.Outputs = append(f.out.files(), f.writeBase, f.baseline)
	if len(r.args) == 0 {
		if f.fix || f.diff { // standard input, which the other words offer, they refuse
			return nil, fail("no input: --fix and --diff need canned-reply files or directories to fix; none were given (in a hook, run chatlint only when there are files to give it)")
		}
		if file, ok := stdin.(*os.File); ok && (term.IsTerminal(int(file.Fd())) || nothingToRead(file)) {
			return nil, fail("no input: give transcript files or directories, or - to read standard input")
		}
		r.args = []string{"-"}
	}
	// a file named twice is linted (and fixed) once, under its first name:
	// later names of it (a.txt ./a.txt, a link) are dropped here, and the
	// walk opens a file reached again through a directory not at all
	r.args = transcript.UniqueInputs(r.args)
	// (the outputs' paths are looked at unless the run is stopped
	// meanwhile: on a share that does not answer, the look never ends)
	for _, out := range f.out.files() {
		if err := flagLook(ctx, f, "--output "+out, func() error { return notAnInput("--output", out, r.args, stdin) }); err != nil {
			return nil, err
		}
	}
	if f.writeBase != "" {
		if err := flagLook(ctx, f, "--write-baseline "+f.writeBase, func() error { return notAnInput("--write-baseline", f.writeBase, r.args, stdin) }); err != nil {
			return nil, err
		}
	}
	// - is standard input or output (lint -, -o -), not a file named "-"
	if f.writeBase == "-" {
		return nil, fail("--write-baseline -: a baseline is a file later runs read back with --baseline; name it (such as .chatlint-baseline.json), or /dev/stdout to see it")
	}
	if f.baseline == "-" {
		return nil, fail("--baseline -: name the baseline file (such as .chatlint-baseline.json) that --write-baseline wrote; - is standard input, for transcripts")
	}
	if f.writeBase != "" {
		// told now, not once the whole input has been linted
		if err := flagLook(ctx, f, "--write-baseline "+f.writeBase, func() error { return creatable("--write-baseline", f.writeBase, "baseline", "baseline.json") }); err != nil {
			return nil, err
		}
	}
	for _, rep := range f.out.reports {
		if rep.name == "" {
			continue
		}
		// told now as well: a --fix run would otherwise rewrite the
		// library and only then find that its report cannot be written
		what, example := "report", reportFileName(rep.format)
		if f.diff {
			what, example = "diff", "changes.diff"
		}
		if err := flagLook(ctx, f, "--output "+rep.name, func() error { return creatable("--output", rep.name, what, example) }); err != nil {
			return nil, err
		}
		for _, b := range []struct{ flag, name string }{{"--write-baseline", f.writeBase}, {"--baseline", f.baseline}} {
			if b.name != "" && sameFile(rep.name, b.name) {
				return nil, fail("--output %s and %s %s are the same file: the report would take the baseline's place; write it elsewhere", rep.name, b.flag, b.name)
			}
		}
	}
	r.canned = r.topts.Format == "canned"
	if (f.fix || f.diff) && !r.canned {
		return nil, fail("--fix and --diff rewrite canned-reply libraries: add --input-format canned")
	}
	if f.fix && f.diff {
		return nil, fail("--fix and --diff do not go together: --diff shows what --fix would write")
	}
	if f.diff {
		// the diff is all a --diff run writes: a flag for the report
		// would be ignored without a word
		switch {
		case f.writeBase != "":
			return nil, fail("--diff writes no baseline: it only shows what --fix would change; record the baseline with --fix, or without either")
		case f.out.format != "text":
			return nil, fail("--diff writes a unified diff, not a report: --format %s does not apply", f.out.format)
		case f.out.quiet:
			return nil, fail("--diff writes a unified diff, not a report: --quiet does not apply")
		case f.out.color == "always":
			return nil, fail("--diff writes a unified diff, not a report: --color always does not apply (the diff has no colours)")
		case f.redact:
			return nil, fail("--redact cannot mask a --diff: the diff shows the library's lines as they are, to be applied; review the change with --fix and version control instead")
		}
	}
	if (f.fix || f.diff) && r.topts.HTML {
		return nil, fail("--fix and --diff cannot rewrite HTML replies: with --html, findings point into the text read out of the markup, not into the file")
	}
	// (--fix's probe of its outputs comes last, in runLint: see
	// fixOutputsWritable)
	return r, nil
}

// compile loads and compiles the packs (the rest of prepareLint, which
// runLint runs while the input is being read: lint.Engine.SetUp); taken
// reports the bytes of input taken in meanwhile (nil: none). Once ctx is
// done (a Ctrl-C), it stops, with the error of a stopped run: the matcher
// of a word list of hundreds of thousands of phrases takes seconds to
// build, which the signal was held for (the engine waits for its set-up).
func (r *lintRun) compile(ctx context.Context, taken func() int64) error {
	f, cfg := r.f, r.cfg
	compiling, restore := duringSetUp(taken)
	defer restore()
	var set *rules.Set
	err := unlessStopped(ctx, func() (err error) {
		set, err = loadPacks(cfg, f.packs)
		return err
	})
	if errors.Is(err, errLeft) {
		return stoppedRun(ctx, f)
	}
	if err != nil {
		return failErr(err)
	}
	r.set = set
	if err := notARuleSource(f, cfg, set); err != nil {
		return err
	}
	compiling()
	opts := check.Options{Canned: r.canned, Overrides: cfg.Rules, PacksFromFlag: len(f.packs) > 0, AllFindings: f.fix || f.diff}
	if r.canned {
		// a reply's suggestion is what --fix writes into its file
		r.libraries = &libraryCache{enc: r.topts.Encoding}
		opts.Library = r.libraries.library
	}
	if r.checks, err = compilePacks(ctx, set, opts); err != nil {
		if ctx.Err() != nil {
			return stoppedRun(ctx, f)
		}
		// (a rule override naming no rule: a min_score no conversation
		// can reach is told with it, every problem of the config at once)
		if merr := minOverStart(set, r.minFrom, r.minScore, r.canned); merr != nil {
			err = errors.Join(err, merr)
		}
		return failErr(err)
	}
	// a bar no conversation can reach would fail every run
	if err := minOverStart(set, r.minFrom, r.minScore, r.canned); err != nil {
		return failErr(err)
	}
	return nil
}

// compilePacks is check.CompileContext (a variable so that a test may
// stop the run while it compiles).
var compilePacks = check.CompileContext

// creatable checks, before anything is read or written, that the file a
// flag names can be written: its directory exists, and it is no directory
// itself (what names the file and example a name to suggest in it).
func creatable(flag, name, what, example string) error {
	dir := filepath.Dir(name)
	if st, err := os.Stat(dir); err != nil {
		if said, ok := pathwhy.ThroughFile(dir, err); ok {
			return failErr(&causedError{fmt.Sprintf("%s %s: %s", flag, name, said), err})
		}
		if said, ok := pathwhy.Loop(dir, err); ok {
			// 'the directory cannot be used: stat loop1: too many
			// levels of symbolic links'
			return failErr(&causedError{fmt.Sprintf("%s %s: %s", flag, name, said), err})
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return fail("%s %s: the directory cannot be used: %w", flag, name, err)
		}
		missing := pathwhy.MissingDir(dir)
		if namesDirOnly(name) {
			// out/ for a file in a directory still to be made: both said
			return failErr(&causedError{flag + " " + name + ": " + dirNamed(missing, dir, what, example), err})
		}
		if toMake, ok := linkedMake(dir); ok {
			// a link to nothing on the way (a → b → gone): what to make,
			// where 'the directory a … does not exist' had the user make
			// a, which mkdir refuses (File exists)
			missing += ": " + toMake
		}
		return failErr(&causedError{fmt.Sprintf("%s %s: %s", flag, name, missing), err})
	} else if !st.IsDir() {
		return fail("%s %s: %s", flag, name, pathwhy.NotADir(dir))
	}
	st, err := os.Stat(name)
	if err == nil && st.IsDir() {
		return fail("%s %s is a directory: name the %s file (%s)", flag, name, what, filepath.Join(name, example))
	}
	if said, ok := pathwhy.ThroughFile(name, err); ok {
		// a symbolic link through a file (out → lib.txt/r.json, or
		// old.txt/), which the report was written through once --fix
		// had fixed the library: 'open out: not a directory'
		return failErr(&causedError{fmt.Sprintf("%s %s: %s", flag, name, said), err})
	}
	if said, ok := pathwhy.Loop(name, err); ok {
		// (the file itself a link in a loop: 'cannot write report: open
		// loop1: too many levels of symbolic links')
		return failErr(&causedError{fmt.Sprintf("%s %s: %s", flag, name, said), err})
	}
	if said, err := linkedDirMissing(name); err != nil {
		return failErr(&causedError{fmt.Sprintf("%s %s: %s", flag, name, said), err})
	}
	if said, ok := linkedToDir(name); ok {
		return fail("%s %s: %s", flag, name, dirNamed(said, name, what, example))
	}
	return nil
}

// fixOutputsWritable checks, before --fix rewrites the library, that the
// files the report is written into afterwards (and the baseline) can be
// (probeOutput).
func fixOutputsWritable(f *lintFlags) error {
	for _, name := range f.out.files() {
		if err := probeOutput(name); err != nil {
			return fail("cannot write report: %w: no file fixed (the report is written after the fixes)", err)
		}
	}
	if f.writeBase != "" {
		if err := probeOutput(f.writeBase); err != nil {
			return fail("write baseline: %w: no file fixed (the baseline is written after the fixes)", err)
		}
	}
	return nil
}

// probeOutput opens the file name as createOutput will (a temporary file
// beside it, or a spool file) and gives it up at once. A device or
// standard output named as a file is left to be opened when written (a
// FIFO would wait for its reader here).
func probeOutput(name string) error {
	if _, _, _, ok, _ := replaceable(name); !ok {
		return nil
	}
	out, err := createOutput(name, 0o600, false)
	if err != nil {
		return err
	}
	out.Abort()
	return nil
}

// reportFileName is a name for a report file of format, such as a
// directory given to -o is told to hold: one whose extension picks the
// format (FormatOfFile).
func reportFileName(format string) string {
	switch format {
	case "text", "github":
		return "report.txt"
	case "junit":
		return "report.xml"
	}
	return "report." + format
}

// notARuleSource refuses a report or new baseline named after the
// .chatlint.yaml or a pack file the run reads (the packs named and those
// they extend): writing it would replace the config or the pack.
func notARuleSource(f *lintFlags, cfg *config.Config, set *rules.Set) error {
	sources := []struct{ what, name string }{{"config", cfg.File}}
	for _, p := range set.Packs {
		if !p.Builtin {
			sources = append(sources, struct{ what, name string }{"rule pack", p.File})
		}
	}
	var outs []struct{ flag, name string }
	for _, name := range f.out.files() {
		outs = append(outs, struct{ flag, name string }{"--output", name})
	}
	outs = append(outs, struct{ flag, name string }{"--write-baseline", f.writeBase})
	for _, out := range outs {
		if out.name == "" {
			continue
		}
		ost, err := os.Stat(out.name)
		if err != nil {
			continue // a new file is none of them
		}
		for _, src := range sources {
			if src.name == "" {
				continue
			}
			if sst, err := os.Stat(src.name); err == nil && os.SameFile(ost, sst) {
				return fail("%s %s is the %s this run reads (%s): writing it would destroy it; write it elsewhere", out.flag, out.name, src.what, src.name)
			}
		}
	}
	return nil
}

// infos describes the active rules.
func (r *lintRun) infos() []*lint.RuleInfo {
	var infos []*lint.RuleInfo
	for _, c := range r.checks.Checks {
		infos = append(infos, c.Info())
	}
	return infos
}

// markUnknownWaivers marks the waivers that waived nothing because the rule
// they name does not exist: not in the active packs (set), nor in a
// built-in pack (a rule of one that is not active is a rule, unused here);
// each with the rules it plausibly means, as rules show suggests them.
func markUnknownWaivers(set *rules.Set, ws []lint.Waiver) {
	if len(ws) == 0 {
		return
	}
	sets := ruleSets(set)
	for i := range ws {
		if ws[i].Rule != "*" && !knowsRule(sets, ws[i].Rule) {
			ws[i].UnknownRule, ws[i].Meant = true, meantRules(sets, ws[i].Rule)
		}
	}
}

// filters are the baseline filter, when --baseline is given. A run
// stopped (ctx) while the baseline is read says so, and what it did not
// write: unwritten ("no report written").
func (r *lintRun) filters(ctx context.Context, unwritten string) ([]lint.Filter, error) {
	if r.f.baseline == "" {
		return nil, nil
	}
	// read unless the run is stopped meanwhile: a baseline on a share
	// that does not answer, or a FIFO (--baseline <(curl …)) whose writer
	// stalls, held a Ctrl-C, and the second one ended chatlint with the
	// report's temporary file left beside it
	if ctx.Err() != nil {
		return nil, fail("stopped (%w): %s%s", context.Cause(ctx), unwritten, keptOutputs(r.f))
	}
	// the bytes are read once: --fix lints twice (the fix, then the lint
	// of what it fixed), and a baseline that is a pipe (--baseline
	// <(cat b.json)) was empty the second time, 'not JSON … unexpected
	// end of JSON input', exit 2 after the library was fixed
	data := r.baseData
	var err error
	if data == nil {
		err = unlessStopped(ctx, func() (err error) {
			data, err = baseline.Read(r.f.baseline)
			return err
		})
	}
	var b *baseline.Baseline
	if err == nil {
		r.baseData = data
		b, err = baseline.Parse(r.f.baseline, data, r.canned)
	}
	if errors.Is(err, errLeft) {
		return nil, fail("stopped (%w): %s%s; the read of --baseline %s had not returned", context.Cause(ctx), unwritten, keptOutputs(r.f), r.f.baseline)
	}
	if said, ok := pathwhy.ThroughFile(r.f.baseline, err); ok {
		// 'read baseline: open a.jsonl/b.json: not a directory' named
		// neither which, nor what it was
		return nil, failErr(&causedError{"--baseline " + r.f.baseline + ": " + said, err})
	}
	if said, ok := pathwhy.Loop(r.f.baseline, err); ok {
		// 'read baseline: open loop1/b.json: too many levels of
		// symbolic links'
		return nil, failErr(&causedError{"--baseline " + r.f.baseline + ": " + said, err})
	}
	if names := pathwhy.Encoded(r.f.baseline, err); names != nil {
		// a baseline whose name is GBK's bytes, typed as shown: no
		// first run ("no baseline recorded yet?"); (none looked for
		// where it was read)
		return nil, fail("%w: %s", err, names.Hint(func(word string) string { return "--baseline " + word }))
	}
	if errors.Is(err, fs.ErrNotExist) {
		// the first run of a job that reads and rewrites its baseline
		// (--baseline b.json --write-baseline b.json) has none yet
		return nil, fail("%w: %s", err, firstBaseline(r.f.baseline, r.f.writeBase))
	}
	if err != nil {
		return nil, failErr(err)
	}
	return []lint.Filter{b}, nil
}

// writeBaseline writes the recorded findings into the baseline file out
// and puts it in place. Its errors name the user's file (through out's
// Write), not the temporary one beside it, which is gone by then: a full
// disk was told as 'write baseline: write .b.json.tmp1277294888: no space
// left on device'.
func writeBaseline(rec *baseline.Recorder, out *outputFile) error {
	if err := rec.Encode(out); err != nil {
		return err
	}
	if err := out.Commit(); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	return nil
}

// readBackReports names the files of the run that are reports or baselines
// chatlint wrote, read as transcripts: those that could not be read and
// those with malformed records, which is what becomes of a report (a JSON
// report's conversations have no text, a CSV report's columns two), left
// by another run in the directory linted, as a walk leaves out only the
// run's own outputs: a warning for those a walk found, and one for those
// named, none when there are none. args are the paths named:
// --exclude, which the warning offers, leaves out only what a walk finds,
// so a report named (by a shell's day/* too) is said to be.
func readBackReports(sum *lint.Summary, args []string) []string {
	seen := map[string]bool{}
	var files, named []string
	consider := func(name string) {
		if name == "" || name == "-" || seen[name] {
			return
		}
		seen[name] = true
		// (an empty file is no report, though it could become one)
		if st, err := os.Stat(name); err == nil && st.Mode().IsRegular() && st.Size() > 0 && writtenByChatlint(name) {
			if slices.ContainsFunc(args, func(a string) bool { return filepath.Clean(a) == filepath.Clean(name) }) {
				named = append(named, name)
			} else {
				files = append(files, name)
			}
		}
	}
	for _, e := range sum.Unreadable {
		consider(e.Pos.File)
	}
	_ = sum.Errors.Each(func(e lint.RecordError) error {
		consider(e.Pos.File)
		return nil
	})
	const most = 5
	list := func(files []string) string {
		s := strings.Join(files[:min(len(files), most)], ", ")
		if len(files) > most {
			s += fmt.Sprintf(" and %d more", len(files)-most)
		}
		return s
	}
	var said []string
	switch len(files) {
	case 0:
	case 1:
		said = append(said, fmt.Sprintf("%s is a report or baseline chatlint wrote, read as a transcript: write the reports outside the directories linted, or leave it out with --exclude '%s'",
			list(files), filepath.Base(files[0])))
	default:
		said = append(said, fmt.Sprintf("%s are reports or baselines chatlint wrote, read as transcripts: write the reports outside the directories linted, or leave them out with --exclude (such as --exclude '%s')",
			list(files), filepath.Base(files[0])))
	}
	switch len(named) {
	case 0:
	case 1:
		said = append(said, fmt.Sprintf("%s is a report or baseline chatlint wrote, named on the command line (a shell's wildcard names it too) and read as a transcript: name only the exports (--exclude leaves out only what a directory's walk finds)",
			list(named)))
	default:
		said = append(said, fmt.Sprintf("%s are reports or baselines chatlint wrote, named on the command line (a shell's wildcard names them too) and read as transcripts: name only the exports (--exclude leaves out only what a directory's walk finds)",
			list(named)))
	}
	return said
}

// firstBaseline says how to record the baseline name, which --baseline
// names and which is not there: a first run records it without --baseline
// (writeBase is --write-baseline's file, "" if none); or, where its
// directory is a symbolic link to nothing or is not there at all, says so.
func firstBaseline(name, writeBase string) string {
	dir := filepath.Dir(name)
	if link, ok := pathwhy.DanglingLink(dir); ok {
		// (no baseline can be recorded there either)
		return link.String()
	}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		// --write-baseline there would be refused as well (creatable):
		// a path mistyped, or a directory still to be made
		return "the directory " + dir + " does not exist: check the path, or make the directory and record a baseline in it with --write-baseline " + name + " (a run without --baseline)"
	}
	if said, err := linkedDirMissing(name); err != nil {
		return said // (refused by --write-baseline too)
	}
	if said, ok := linkedToDir(name); ok {
		return said // (a directory's name: refused by --write-baseline too)
	}
	if writeBase != "" && sameFile(name, writeBase) {
		return "no baseline recorded yet? a first run records it with --write-baseline " + writeBase + " alone, without --baseline"
	}
	return "no baseline recorded yet? record one with --write-baseline " + name + " (a run without --baseline)"
}

// setUpError is the error of a run's set-up (lintRun.run's setUp), which
// runLint returns as it is.
type setUpError struct{ err error }

func (e *setUpError) Error() string { return e.err.Error() }
func (e *setUpError) Unwrap() error { return e.err }

// run lints the inputs once, handing each result to the writer setUp
// returns. setUp runs while the input is read (lint.Engine.SetUp): it
// compiles the packs if need be and returns the writer and the filters;
// its error, returned as a *setUpError, ends the run before anything is
// checked.
func (r *lintRun) run(ctx context.Context, setUp func(taken func() int64) (report.Writer, []lint.Filter, error)) (_ *lint.Summary, runErr error) {
	// a report written to the terminal is the progress: a progress line
	// would be drawn in between its lines
	// (nor while what the user types is read: the line would be
	// redrawn over it)
	showProgress := !r.f.noProgress && !r.f.out.onTerminal(r.cmd.OutOrStdout()) && !readsTerminal(r.args, r.cmd.InOrStdin())
	total, sizes := inputSizes(r.args, r.topts, r.cmd.InOrStdin())
	prog := newProgress(r.cmd.ErrOrStderr(), showProgress, total)
	topts := r.topts
	if prog.on {
		prog.watch(&topts, sizes)
	}
	// files that mix encodings are reported once the run is over (their
	// lines may be parsed after the file is read) and the progress line gone
	topts.Mixed = &transcript.MixedEncodings{}
	if len(topts.Agents) > 0 || len(topts.Staff) > 0 {
		topts.SenderRules = transcript.NewSenderRuleUse()
	}
	mappingFlags := r.f.input.mappingGiven()
	if len(mappingFlags) > 0 {
		topts.FormatsRead = transcript.NewFormatsRead()
	}
	defer func() {
		prog.done()
		if su := (*setUpError)(nil); errors.As(runErr, &su) {
			return // nothing was linted: the run failed to start
		}
		warnings := topts.Mixed.Warnings()
		var strict *lint.StrictError
		if errors.As(runErr, &strict) {
			// what was read past the record that stopped the run does not count
			warnings = topts.Mixed.WarningsUntil(strict.Pos)
		}
		// agents patterns and staff ids of which none named a sender: a
		// typo reads every agent as a customer, and their messages pass
		// unchecked
		agents, staff := topts.SenderRules.Unused(&topts)
		for _, p := range agents {
			warnings = append(warnings, fmt.Sprintf("the agents pattern %q (--agents, input.agents) matched no sender: a typo? the senders it was to name were read as customers", p))
		}
		for _, id := range staff {
			warnings = append(warnings, fmt.Sprintf("the staff id %q (--staff, input.staff) is no sender's: a typo? the sender it was to name was read as a customer (in a 企业微信 archive, its records were rejected)", id))
		}
		// mapping flags no file's reader took (--map for the JDDC
		// corpus, --messages for a csv): they did nothing
		for _, g := range mappingFlags {
			if takers, readAs := topts.FormatsRead.Untaken(g.key); takers != nil {
				warnings = append(warnings, fmt.Sprintf("%s was not used: it applies to %s files, and %s (give --input-format to read a file as one of those)", g.flag, joinAnd(takers), readAs))
			}
		}
		for _, w := range warnings {
			if !r.warned[w] { // once, though --fix runs twice
				fmt.Fprintf(r.cmd.ErrOrStderr(), "chatlint: warning: %s\n", report.ShownLines(w))
				r.warned[w] = true
			}
		}
	}()
	eng := &lint.Engine{Jobs: r.f.jobs, Strict: r.f.strict, MemoryBudget: r.budget, MaxMessageBytes: r.maxMessage,
		Progress: prog.update, TeamsOf: r.cfg.TeamsOf(), ReuseMessages: r.reuseMessages}
	var w report.Writer
	restoreLimit := func() {}
	defer func() { restoreLimit() }()
	eng.SetUp = func(taken func() int64) error {
		var filters []lint.Filter
		var err error
		if w, filters, err = setUp(taken); err != nil {
			return &setUpError{err}
		}
		eng.Checker, eng.Scoring, eng.Filters = r.checks, r.checks.Scoring, filters
		if f, ok := w.(report.Flusher); ok {
			eng.Flush = f.Flush
		}
		// the heap the rules take: what set-up left, less the messages
		// read meanwhile
		restoreLimit = withMemoryBudget(r.budget, uint64(max(int64(heapInUse())-taken(), 0)))
		return nil
	}
	return eng.Run(ctx, func(sink lint.Sink) error {
		return transcript.ReadAll(ctx, r.args, topts, sink)
	}, func(res *lint.Result) error { return w.Conversation(res) })
}

// readsTerminal reports whether the paths have standard input read (-)
// and it is a terminal: transcripts typed or pasted (lint - -o report.json),
// echoed on the terminal as they are typed.
func readsTerminal(paths []string, stdin io.Reader) bool {
	f, ok := stdin.(*os.File)
	return ok && slices.Contains(paths, "-") && term.IsTerminal(int(f.Fd()))
}

// inputSizes is the size in bytes of the input, for the progress line:
// the files the paths name, and for - what is left to read of standard
// input when it is a regular file (lint < day.jsonl); -1 when it cannot be
// known (a pipe). sizes is the size counted of each file, by path ("-"
// for standard input), for transcript.Options.Counted: nil when the total
// is unknown.
func inputSizes(paths []string, opts transcript.Options, stdin io.Reader) (int64, map[string]int64) {
	files := slices.DeleteFunc(slices.Clone(paths), func(p string) bool { return p == "-" })
	total, sizes := transcript.InputSizes(files, opts)
	if len(files) == len(paths) {
		return total, sizes
	}
	f, ok := stdin.(*os.File)
	if !ok {
		return -1, nil
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return -1, nil
	}
	at, err := f.Seek(0, io.SeekCurrent)
	if err != nil {
		return -1, nil
	}
	sizes["-"] = max(st.Size()-at, 0)
	return total + sizes["-"], sizes
}

// gate turns the summary into the exit code: 1 for findings at or above
// fail-on, or a conversation under min-score.
func (r *lintRun) gate(sum *lint.Summary) error {
	closed := false
	var said []string
	if r.failOn != lint.SeverityNone && sum.MaxSeverity() >= r.failOn {
		closed = true
		// the findings are the report's to show; where it shows them to
		// nobody (--diff, a report written into a file, which leaves a
		// CI job's log empty) the exit code is said here
		if where := r.findingsUnshown(); where != "" {
			said = append(said, failOnCount(sum, r.failOn, r.failSaid)+where)
		}
	}
	if r.minScore > 0 && sum.Conversations > 0 && sum.LowestScore() < r.minScore {
		// said, as the findings of the other gate are (also when they
		// shut the gate as well: the log names both reasons); a canned
		// library's report shows no scores
		closed = true
		what := "conversation"
		if r.canned {
			what = "reply"
		}
		said = append(said, fmt.Sprintf("a %s scored under %s (the lowest: %s)", what, r.minSaid,
			strconv.FormatFloat(sum.LowestScore(), 'f', -1, 64)))
	}
	switch {
	case !closed:
		return nil
	case len(said) == 0:
		return &exitError{code: 1}
	}
	return &exitError{code: 1, err: errors.New(strings.Join(said, "\nchatlint: "))}
}

// findingsUnshown says where the findings that close the fail-on gate are
// when the run shows them to nobody: --diff writes no report (its diff
// holds only the fixes), and a report written into a file (-o, or standard
// output redirected into one) leaves the terminal or a CI job's log
// without a word of why the run exits 1, as does one thrown away (-o
// /dev/null, > /dev/null). It is "" when the report is shown (on a
// terminal, or piped on to a program that reads it), else what the count
// of findings is followed by (", listed in report.xml").
func (r *lintRun) findingsUnshown() string {
	if r.f.diff {
		// (a finding with a fix is in it, as a fix: not every one is)
		if r.diffFixes == 0 {
			return "; " + r.noFixWhy() + ", so the diff is empty: run without --diff to see the findings"
		}
		return "; a diff shows only the fixes: run without --diff to see the findings"
	}
	// a csv of a row per conversation, agent or team counts them
	var listed, counted []string
	thrown := ""
	for _, rep := range r.f.out.reports {
		if discarded(rep.name, r.cmd.OutOrStdout()) {
			// (a cron job that keeps only what stderr says): shown to
			// nobody, though the null device is no regular file
			thrown = "-o " + rep.name
			if rep.name == "" {
				thrown = "standard output is " + os.DevNull
			}
			continue
		}
		where := ""
		if rep.name != "" {
			if st, err := os.Stat(rep.name); err == nil && st.Mode().IsRegular() && !r.stderrIs(st) {
				where = rep.name
			}
		} else if file, ok := outFile(r.cmd.OutOrStdout()); ok {
			if st, err := file.Stat(); err == nil && st.Mode().IsRegular() && !r.stderrIs(st) {
				where = "the report on standard output"
			}
		}
		if where == "" {
			return "" // a report shows them
		}
		if rep.format == "csv" && r.f.out.csvRows != "" && r.f.out.csvRows != "finding" {
			counted = append(counted, "the "+r.f.out.csvRows+" rows of "+where)
		} else {
			listed = append(listed, where)
		}
	}
	said := ""
	if len(listed) > 0 {
		said = ", listed in " + joinAnd(listed)
	}
	if len(counted) > 0 {
		said += ", counted in " + joinAnd(counted)
	}
	if said == "" {
		said = ", in a report thrown away (" + thrown + ")"
	}
	return said
}

// stderrIs reports whether standard error is written into the report's
// file: a log taking both (> build.log 2>&1, as Jenkins's sh step writes
// its console log) shows the report above where the gate's line would go,
// as a terminal does, and the line said it again.
func (r *lintRun) stderrIs(report os.FileInfo) bool {
	f, ok := outFile(r.cmd.ErrOrStderr())
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && os.SameFile(st, report)
}

// failOnCount counts the findings at or above failOn: "3 findings at or
// above --fail-on warning (error 1, warning 2)", the severities that have
// findings named when more than one counts toward the gate: a severity
// without any is left out (--fail-on info said "info 0" beside the
// findings that shut the gate), and "(error 1)" under --fail-on warning
// says which severity the finding has.
func failOnCount(sum *lint.Summary, failOn lint.Severity, failSaid string) string {
	n := 0
	var by []string
	for _, sev := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
		if sev < failOn || sum.BySeverity[sev] == 0 {
			continue
		}
		n += sum.BySeverity[sev]
		by = append(by, fmt.Sprintf("%s %d", sev, sum.BySeverity[sev]))
	}
	s := english.Count(n, "finding") + " at or above " + failSaid
	if failOn < lint.Error {
		s += " (" + strings.Join(by, ", ") + ")"
	}
	return s
}

// afterFixFile is called once fix has fixed (or shown) each library: a
// test's hook, nothing otherwise.
var afterFixFile = func(ctx context.Context, file string) {}

// stoppedFixing is the error of a --fix or --diff run stopped by the signal
// of ctx once linted, before the libraries left were fixed or shown
// (begun: some were, or were tried). A --diff into -o's file, which takes
// the old one's place only once written whole (diffFile, nil for standard
// output), writes none; one written as it goes (standard output, a FIFO, a
// device) lacks the libraries left.
func (r *lintRun) stoppedFixing(ctx context.Context, left []string, begun bool, diffFile *outputFile) error {
	direct := diffFile == nil || diffFile.target == ""
	if !begun || (r.f.diff && !direct) {
		return stoppedRun(ctx, r.f) // no file fixed, or no diff written
	}
	names := make([]string, len(left))
	for i, f := range left {
		names[i] = report.Shown(f)
	}
	if r.f.diff {
		where := "on standard output"
		if diffFile != nil && !diffFile.std {
			where = "written to " + report.Shown(r.f.out.file())
		}
		return fail("stopped (%w): the diff %s leaves out %s", context.Cause(ctx), where, joinAnd(names))
	}
	return fail("stopped (%w): %s not fixed; no report written%s", context.Cause(ctx), joinAnd(names), keptOutputs(r.f))
}

// fix lints the library, then applies every prescribed replacement to its
// files (--fix) or prints them as a unified diff (--diff). finished is true
// when the command ends here (--diff, with the lint's exit code). A file
// that could not be read, or that a fix must leave as it was, is left
// alone, and the others are fixed (or shown): --diff then exits 2; --fix
// goes on to report what is left (naming the files it could not read, as
// a lint does) and exits 2 after it.
func (r *lintRun) fix(ctx context.Context) (finished bool, err error) {
	for _, a := range r.args {
		if a == "-" {
			return true, fail("--fix and --diff need files, not standard input")
		}
	}
	// told before anything is read: a pipe would be read once, to lint
	// it, and then waited on
	if err := regularFiles(r.args); err != nil {
		return true, failErr(err)
	}
	filters, err := r.filters(ctx, notWritten(r.f))
	if err != nil {
		return true, err
	}
	col := &editCollector{}
	sum, err := r.run(ctx, func(func() int64) (report.Writer, []lint.Filter, error) { return col, filters, nil })
	if sum != nil {
		defer sum.Errors.Close()
	}
	if err != nil {
		if errors.Is(err, context.Canceled) {
			// said as a stopped lint says it, not "context canceled"
			return true, stoppedRun(ctx, r.f)
		}
		if r.f.redact {
			err = redactedErr(err)
		}
		if errors.Is(err, lint.ErrStrict) {
			return true, failErr(err)
		}
	}
	// files that could not be read (or not whole) are left as they are;
	// --fix's report names them, --diff's stderr (their names alone
	// here: each hint is built once, where it is said, by the lint after
	// --fix or for --diff's stderr)
	unreadable := err
	for _, u := range unreadableFiles(unreadable, nil) {
		delete(col.edits, u.Pos.File)
	}
	// the diff is the report of a --diff run: it goes where -o says, and
	// like a report takes the old file's place only once written whole
	var w io.Writer = r.cmd.OutOrStdout()
	var diffFile *outputFile
	if name := r.f.out.file(); r.f.diff && name != "" {
		if diffFile, err = createOutput(name, 0o666, false); err != nil {
			return true, fail("cannot write the diff: %w", err)
		}
		defer diffFile.Abort()
		w = diffFile
	}
	// a file that cannot be fixed is named and left as it was; the others
	// are still fixed (or shown: on stdout or in the diff file, which is
	// written whole and takes the old one's place, as an unreadable file
	// still lets the report of the others be written), and the run exits 2
	refused := false
	files := col.files()
	for k, file := range files {
		// stopped (Ctrl-C, SIGTERM) once linted: the libraries not fixed
		// yet are left as they were, and the diff not written (each
		// library's fix, worked out from its whole text, is not broken
		// off: a large one's takes seconds). The run went on to fix (or
		// show) every library, and --diff said nothing of the signal
		if ctx.Err() != nil {
			return true, r.stoppedFixing(ctx, files[k:], k > 0, diffFile)
		}
		n, notes, err := fixFile(file, r.topts, col.edits[file], r.f.diff, w)
		afterFixFile(ctx, file)
		for _, note := range notes {
			fmt.Fprintf(r.cmd.ErrOrStderr(), "chatlint: %s\n", note)
		}
		if dw := (*diffWriteError)(nil); errors.As(err, &dw) {
			return true, failErr(dw)
		}
		if err != nil {
			fmt.Fprintf(r.cmd.ErrOrStderr(), "chatlint: %s\n", report.ShownLines(err.Error()))
			refused = true
			continue
		}
		r.diffFixes += n
		r.diffPrescribed += len(col.edits[file])
		if r.f.fix && n > 0 {
			fmt.Fprintf(r.cmd.ErrOrStderr(), "chatlint: fixed %s in %s\n", english.Count(n, "finding"), report.Shown(file))
		}
		if name, outside := diffName(file); r.f.diff && n > 0 && outside {
			fmt.Fprintf(r.cmd.ErrOrStderr(), "chatlint: %s is outside the working directory: the diff names it by its absolute path, a/%s; apply it from / (cd / && git apply, or patch -p1 -d /)\n",
				report.Shown(file), report.Shown(name))
		}
	}
	if diffFile != nil && diffFile.target != "" && ctx.Err() != nil {
		// (the diff's file takes the old one's place only once the run
		// is whole; one written as it goes has the whole diff)
		return true, r.stoppedFixing(ctx, nil, true, diffFile)
	}
	if err := diffFile.Commit(); err != nil {
		return true, fail("cannot write the diff: %w", err)
	}
	r.libraries.forget() // (rewritten: the report of what is left reads them again)
	if r.f.fix {
		r.fixRefused = refused
		return false, nil
	}
	// the diff holds no malformed records: stderr lists them all, as for
	// a CSV report
	if sum != nil {
		errs := sum.Errors
		if r.f.redact {
			errs = report.RedactErrors(errs)
		}
		if err := reportMalformed(r.cmd.ErrOrStderr(), errs, "diff", false); err != nil {
			return true, fail("list the malformed records: %w", err)
		}
	}
	if unreadable != nil {
		// (a diff names none of them)
		return true, failErr(listUnreadable(withPathHints(withGlobHints(unreadable), pathHints{}), false))
	}
	if refused {
		return true, &exitError{code: 2}
	}
	if said := r.emptyDiff(sum); said != "" {
		fmt.Fprintf(r.cmd.ErrOrStderr(), "chatlint: %s\n", said)
	}
	return true, r.gate(sum)
}

// emptyDiff says why a --diff run's diff is empty, where the gate does not
// (it says so of findings that close it: findingsUnshown): there were no
// findings, or none has a fix. An empty diff and no word was all a run
// said of a library with nothing wrong in it, as of one whose findings
// were all below --fail-on. "" when the diff holds a fix.
func (r *lintRun) emptyDiff(sum *lint.Summary) string {
	if r.diffFixes > 0 || sum == nil {
		return ""
	}
	if sum.Findings == 0 {
		// (those the baseline holds and those waived inline are not
		// fixed: said, not to be taken for none)
		var left []string
		if sum.Filtered > 0 {
			left = append(left, strconv.Itoa(sum.Filtered)+" in the baseline")
		}
		if sum.Waived > 0 {
			left = append(left, strconv.Itoa(sum.Waived)+" waived inline")
		}
		if len(left) > 0 {
			return "no findings (" + joinAnd(left) + ", not fixed), so the diff is empty"
		}
		return "no findings, so the diff is empty"
	}
	if r.failOn != lint.SeverityNone && sum.MaxSeverity() >= r.failOn {
		return "" // the gate says it
	}
	return english.Count(sum.Findings, "finding") + "; " + r.noFixWhy() + ", so the diff is empty: run without --diff to see the findings"
}

// noFixWhy says why a --diff run's diff holds no fix though it has
// findings: none of them has a prescribed replacement, or those they have
// were all left out, each said on stderr with why (a character with more
// than one Traditional form, an overlap), which "none has a prescribed
// replacement" denied.
func (r *lintRun) noFixWhy() string {
	if r.diffPrescribed > 0 {
		return "no fix could be made (why is said above)"
	}
	return "nothing to fix (none has a prescribed replacement)"
}

// loadConfig reads the .chatlint.yaml found in the working directory or
// its parents (an empty config when there is none).
func loadConfig() (*config.Config, error) {
	path, err := config.Find(".")
	if err != nil || path == "" {
		return &config.Config{}, err
	}
	return config.Load(path)
}

// activePacks reads the config and loads the packs that apply: those named
// by --pack, else by the config, else the built-in default.
func activePacks(flagPacks []string) (*config.Config, *rules.Set, error) {
	cfg, err := loadConfig()
	if err != nil {
		return nil, nil, err
	}
	set, err := loadPacks(cfg, flagPacks)
	return cfg, set, err
}

// loadPacks loads the packs named by --pack (a pack of .chatlint.yaml
// known by its name too: configPackRefs), else by .chatlint.yaml, else the
// built-in default.
func loadPacks(cfg *config.Config, flagPacks []string) (*rules.Set, error) {
	refs := configPackRefs(flagPacks, cfg)
	if len(refs) == 0 && len(cfg.Packs) > 0 {
		// (an entry that names no pack is told at its line in the
		// config; an error in a pack it names, at the pack's own)
		return rules.LoadRefs(cfg.PackEntries()...)
	}
	if len(refs) == 0 {
		return rules.Load(rules.DefaultPack)
	}
	return rules.LoadRefs(refs...)
}

// reportMalformed tells stderr about malformed records when the report does
// not show them to a person: for CSV (which has no place for them) and a
// --diff (format "diff": the diff holds none) up to maxStderrErrorGroups groups, the first few for the other formats, none for a text report on the
// terminal (it lists them itself, right there; twice would be noise). A text
// report written to a file or a pipe is not in front of the person, so
// stderr lists them then. Records of one file failing alike (with reasons
// that differ at most in the value they quote: see lint.ReasonKind) are
// one entry with their lines.
func reportMalformed(w io.Writer, errs lint.RecordErrors, format string, reportOnTerminal bool) error {
	if errs.Len() == 0 || format == "text" && reportOnTerminal {
		return nil
	}
	maxGroups, lines := maxStderrErrorGroups, 0
	if format != "csv" && format != "diff" {
		maxGroups, lines = 10, 10
	}
	groups, _, err := report.GroupRecordErrors(errs, maxGroups)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "chatlint: %s not linted:\n", english.Count(errs.Len(), "malformed record"))
	shown := 0
	for _, g := range groups {
		// (a file's name may hold control characters: shown as U+FFFD)
		fmt.Fprintf(w, "  %s: %s\n", report.Shown(g.Where()), report.Shown(g.Err))
		if n := g.Count - 1; n > 0 {
			fmt.Fprintf(w, "    and %d more like it", n)
			if g.Varied > 0 {
				fmt.Fprintf(w, " (%d with another value)", g.Varied)
			}
			if l := g.MoreLines(lines); l != "" {
				fmt.Fprintf(w, ", lines %s", l)
			}
			fmt.Fprintln(w)
		}
		shown += g.Count
	}
	if shown < errs.Len() {
		where := "all are in the report"
		switch format {
		case "csv":
			where = "--format jsonl lists them all"
		case "diff":
			where = "a run without --diff, --format jsonl, lists them all"
		case "text", "html":
			// grouped there, up to a number of groups and of lines
			where = "the report lists them grouped; --format jsonl lists each one"
		}
		fmt.Fprintf(w, "  … and %d more (%s)\n", errs.Len()-shown, where)
	}
	return nil
}

// maxStderrErrorGroups bounds the groups of malformed records listed on
// stderr for a CSV report (which has no place for them).
const maxStderrErrorGroups = 10000
