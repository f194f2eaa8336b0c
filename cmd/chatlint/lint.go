package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/baseline"
	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/config"
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
	noProgress bool
	baseline   string
	writeBase  string
	redact     bool
}

func newLintCmd() *cobra.Command {
	f := &lintFlags{}
	cmd := &cobra.Command{
		Use:   "lint [PATH|-]...",
		Short: "Lint transcripts (files, directories, or - for stdin)",
		Long: `Lint chat transcripts against the active rule packs and write a report.

Directories are walked for transcript files; - reads standard input. Without
--pack, the packs named in .chatlint.yaml apply, or the built-in default
(` + rules.DefaultPack + `).

Exit codes: 0 clean; 1 findings at or above --fail-on, or a conversation
scoring under --min-score; 2 bad flags, a broken pack, an unreadable file,
or (with --strict) a malformed record.`,
		Example: `  chatlint lint testdata/transcripts/
  chatlint lint --format json day.jsonl > report.json
  chatlint lint --input-format canned replies.txt
  cat day.jsonl | chatlint lint --pack callcenter -`,
		RunE: func(cmd *cobra.Command, args []string) error { return runLint(cmd, f, args) },
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&f.packs, "pack", nil, "rule pack: built-in name or YAML file (repeatable; replaces the config's packs)")
	addOutputFlags(fl, &f.out)
	addInputFlags(fl, &f.input)
	fl.StringVar(&f.failOn, "fail-on", "error", "exit 1 on findings of this severity or above: error, warning, info, none")
	fl.Float64Var(&f.minScore, "min-score", 0, "exit 1 when a conversation scores below this")
	fl.BoolVar(&f.strict, "strict", false, "treat malformed records as fatal (exit 2)")
	fl.IntVarP(&f.jobs, "jobs", "j", 0, "worker goroutines (0: one per CPU)")
	fl.BoolVar(&f.noProgress, "no-progress", false, "never show a progress line on standard error")
	fl.StringVar(&f.baseline, "baseline", "", "report only findings not recorded in this baseline file")
	fl.StringVar(&f.writeBase, "write-baseline", "", "record this run's findings to a baseline file")
	fl.BoolVar(&f.redact, "redact", false, "mask phone, ID-card and bank-card numbers, e-mail and street addresses in every output")
	return cmd
}

func runLint(cmd *cobra.Command, f *lintFlags, args []string) error {
	// flags first: bad flags exit 2 before anything is read
	if err := f.out.check(); err != nil {
		return failErr(err)
	}
	failOn, ok := lint.ParseSeverity(f.failOn)
	if !ok {
		return fail("unknown --fail-on %q (error, warning, info or none)", f.failOn)
	}
	if f.jobs < 0 {
		return fail("--jobs must not be negative")
	}
	cfg, err := loadConfig()
	if err != nil {
		return failErr(err)
	}
	stdin := cmd.InOrStdin()
	topts, err := f.input.options(cfg, stdin)
	if err != nil {
		return failErr(err)
	}
	loc := topts.Location
	if len(args) == 0 {
		if file, ok := stdin.(*os.File); ok && term.IsTerminal(int(file.Fd())) {
			return fail("no input: give transcript files or directories, or - to read standard input")
		}
		args = []string{"-"}
	}
	canned := topts.Format == "canned"

	set, err := loadPacks(cfg, f.packs)
	if err != nil {
		return failErr(err)
	}
	checks, err := check.Compile(set, check.Options{Canned: canned})
	if err != nil {
		return failErr(err)
	}

	var infos []*lint.RuleInfo
	for _, c := range checks.Checks {
		infos = append(infos, c.Info())
	}
	w, closeOut, err := f.out.open(cmd.OutOrStdout(), loc, canned, infos, checks.Scoring)
	if err != nil {
		return failErr(err)
	}
	if f.redact {
		w = report.Redacting(w)
	}
	defer closeOut()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	prog := newProgress(cmd.ErrOrStderr(), !f.noProgress)
	eng := &lint.Engine{Checker: checks, Scoring: checks.Scoring, Jobs: f.jobs, Strict: f.strict, Progress: prog.update}
	var recorder *baseline.Recorder
	if f.writeBase != "" {
		recorder = baseline.NewRecorder(canned)
		eng.Filters = append(eng.Filters, recorder)
	}
	if f.baseline != "" {
		b, err := baseline.Load(f.baseline, canned)
		if err != nil {
			return failErr(err)
		}
		eng.Filters = append(eng.Filters, b)
	}
	sum, runErr := eng.Run(ctx, func(sink lint.Sink) error {
		return transcript.ReadAll(ctx, args, topts, sink)
	}, w.Conversation)
	prog.done()
	if runErr != nil && (errors.Is(runErr, lint.ErrStrict) || errors.Is(runErr, context.Canceled)) {
		return failErr(runErr)
	}
	if err := w.Close(sum); err != nil {
		return fail("write report: %v", err)
	}
	if err := closeOut(); err != nil {
		return fail("write report: %v", err)
	}
	if recorder != nil {
		if err := recorder.Write(f.writeBase); err != nil {
			return failErr(err)
		}
	}
	if runErr != nil {
		// unreadable files: everything else was linted and reported
		return failErr(runErr)
	}
	reportMalformed(cmd.ErrOrStderr(), f.out.format, sum.Errors)
	if failOn != lint.SeverityNone && sum.MaxSeverity() >= failOn {
		return &exitError{code: 1}
	}
	if f.minScore > 0 && sum.Conversations > 0 && sum.LowestScore() < f.minScore {
		return &exitError{code: 1}
	}
	return nil
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

// loadPacks loads the packs named by --pack, else by .chatlint.yaml, else
// the built-in default.
func loadPacks(cfg *config.Config, flagPacks []string) (*rules.Set, error) {
	refs := flagPacks
	if len(refs) == 0 {
		refs = cfg.PackRefs()
	}
	if len(refs) == 0 {
		refs = []string{rules.DefaultPack}
	}
	return rules.Load(refs...)
}

// reportMalformed tells stderr about malformed records when the report does
// not show them to a person: all of them for CSV (which has no place for
// them), the first few for the other machine formats, none for text.
func reportMalformed(w io.Writer, format string, errs []lint.RecordError) {
	if len(errs) == 0 || format == "text" {
		return
	}
	show := len(errs)
	if format != "csv" && show > 10 {
		show = 10
	}
	fmt.Fprintf(w, "chatlint: %d malformed record(s) not linted:\n", len(errs))
	for _, e := range errs[:show] {
		fmt.Fprintf(w, "  %s\n", e.Error())
	}
	if show < len(errs) {
		fmt.Fprintf(w, "  … and %d more (all are in the report)\n", len(errs)-show)
	}
}
