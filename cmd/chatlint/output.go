package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/report"
)

// outputFlags are the flags that say how and where the report is written.
type outputFlags struct {
	format string
	output string
	color  string
}

func addOutputFlags(fl interface {
	StringVar(p *string, name, value, usage string)
	StringVarP(p *string, name, shorthand, value, usage string)
}, f *outputFlags) {
	fl.StringVar(&f.format, "format", "text", "report format: "+strings.Join(report.Formats(), ", "))
	fl.StringVarP(&f.output, "output", "o", "", "write the report to this file instead of standard output")
	fl.StringVar(&f.color, "color", "auto", "colour the text report: auto, always, never (NO_COLOR is honoured)")
}

// check validates the output flags before anything is read.
func (f *outputFlags) check() error {
	if _, err := report.New(f.format, io.Discard, report.Options{}); err != nil {
		return err
	}
	if f.color != "auto" && f.color != "always" && f.color != "never" {
		return fmt.Errorf("unknown --color %q (auto, always or never)", f.color)
	}
	return nil
}

// open creates the report writer on stdout or --output. close finishes the
// output file (a no-op for stdout).
func (f *outputFlags) open(stdout io.Writer, loc *time.Location, canned bool, rules []*lint.RuleInfo, scoring lint.Scoring) (w report.Writer, close func() error, err error) {
	out := stdout
	close = func() error { return nil }
	if f.output != "" && f.output != "-" {
		file, err := os.Create(f.output)
		if err != nil {
			return nil, nil, fmt.Errorf("cannot write report: %w", err)
		}
		out = file
		close = file.Close
	}
	opts := report.Options{Color: useColor(f.color, out), Location: loc, Canned: canned, Rules: rules, Scoring: scoring}
	w, err = report.New(f.format, out, opts)
	if err != nil {
		close()
		return nil, nil, err
	}
	return w, close, nil
}

// useColor decides whether the text report is coloured.
func useColor(mode string, out io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	file, ok := out.(*os.File)
	return ok && term.IsTerminal(int(file.Fd()))
}
