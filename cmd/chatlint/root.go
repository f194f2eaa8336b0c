package main

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/chatlint/chatlint/internal/shellquote"
	"github.com/chatlint/chatlint/lint/report"
	"github.com/chatlint/chatlint/rules"
)

// exitCodesHelp says what the exit codes mean. The help of chatlint and of
// chatlint lint both end with it, so that they never tell a CI job's
// author different things.
const exitCodesHelp = `Exit codes: 0 clean; 1 findings at or above --fail-on, or a conversation
scoring under --min-score; 2 bad flags, a broken pack, an unreadable file,
(with --strict) a malformed record, a run stopped by a signal, or a --fix
or --diff that had to leave a file as it was. Without --strict, malformed
records are reported and do not change the exit code.`

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "chatlint",
		Short: "Compliance linter for customer-service chat transcripts",
		Long: `chatlint checks exported customer-service chat transcripts against YAML rule
packs (forbidden phrases, missing greetings, slow replies, unnoted order
changes, ...) and writes scored reports per conversation and per agent.

` + exitCodesHelp,
		SilenceUsage:  true,
		SilenceErrors: true,
		// a command that does not exist is told in one line, as for the
		// subcommands of rules, not in cobra's list of guesses
		Args: argsExit2(unknownSubcommand),
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
		// every command: a flag given an empty value is a mistake
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error { return refuseEmptyValues(cmd) },
	}
	// chatlint --version, as most command-line tools take it; the version
	// command says the same
	root.Version = toolVersion()
	root.SetVersionTemplate(versionString() + "\n")
	root.Flags().BoolP("version", "v", false, "print the version of chatlint, its segmenter and its built-in packs (as chatlint version)")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		if msg := numberFlagError(err); msg != "" {
			return fail("%s (see '%s --help')", msg, c.CommandPath())
		}
		return fail("%w%s (see '%s --help')", err, flagSuggestion(c, err), c.CommandPath())
	})
	root.AddCommand(newLintCmd(), newRulesCmd(), newExplainCmd(), newInitCmd(), newVersionCmd())
	// cobra adds its completion and help commands when it runs; add them
	// now so that a shell it does not know (completion tcsh) is an error,
	// not the help.
	root.InitDefaultCompletionCmd()
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "completion":
			c.Args = argsExit2(unknownShell)
			c.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
		case "help":
			// help on a command that does not exist (help lnt) is that
			// mistake, exit 2, not the usage under "Unknown help topic"
			show := c.Run
			c.Run = nil
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if target, rest, err := root.Find(args); err == nil && len(rest) > 0 && target.HasAvailableSubCommands() {
					return argsExit2(unknownSubcommand)(target, rest)
				}
				show(cmd, args)
				return nil
			}
		}
	}
	registerCompletions(root)
	return root
}

// otherShells are shells chatlint has no completion script for, which
// unknownSubcommand would take for a misspelt one it has (tcsh: "did you
// mean bash?").
var otherShells = map[string]bool{"sh": true, "csh": true, "tcsh": true, "ksh": true, "mksh": true, "dash": true, "ash": true, "nu": true, "nushell": true, "elvish": true, "xonsh": true, "ion": true, "cmd": true}

// unknownShell is the args validator of the completion command: a shell
// chatlint has no script for is named as one, with the shells it has;
// pwsh is powershell; anything else is unknownSubcommand's.
func unknownShell(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	switch {
	case args[0] == "pwsh":
		return fmt.Errorf("unknown command %q for %q (did you mean \"powershell\"?)", args[0], cmd.CommandPath())
	case otherShells[strings.ToLower(args[0])]:
		var shells []string
		for _, c := range cmd.Commands() {
			if c.IsAvailableCommand() {
				shells = append(shells, c.Name())
			}
		}
		return fmt.Errorf("no completion script for %s: chatlint has them for %s", args[0], joinAnd(shells))
	}
	return unknownSubcommand(cmd, args)
}

// unknownSubcommand is the args validator of a command that only groups
// subcommands: any argument is a subcommand that does not exist.
func unknownSubcommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2
	}
	// a command of chatlint's own typed under another (rules explain)
	if root := cmd.Root(); root != cmd {
		for _, c := range root.Commands() {
			if c.Name() == args[0] && c.IsAvailableCommand() {
				return fmt.Errorf("%s (did you mean %q?)", msg, c.CommandPath())
			}
		}
	}
	// the nearest first (lint, not init, for lnt), else one the word begins
	var names []string
	for _, c := range cmd.Commands() {
		// (cobra counts its help command as none: hlep named nothing)
		if c.IsAvailableCommand() || c.Name() == "help" {
			names = append(names, c.Name())
		}
	}
	if s := rules.Closest(args[0], names); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	} else if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += fmt.Sprintf(" (did you mean %q?)", s[0])
	}
	return errors.New(msg)
}

// pflagValueError is pflag's error for a value its parser refused, as
// strconv words it: invalid argument "abc" for "--min-score" flag:
// strconv.ParseFloat: parsing "abc": invalid syntax.
var pflagValueError = regexp.MustCompile(`^invalid argument "(.*)" for "(?:-[a-zA-Z], )?(--[a-z-]+)" flag: strconv\.Parse(Float|Int|Uint|Bool): parsing ".*": (invalid syntax|value out of range)$`)

// numberFlagError words pflagValueError the way chatlint's own flag
// errors are worded (--min-score "abc": not a number), or returns "" for
// any other error.
func numberFlagError(err error) string {
	m := pflagValueError.FindStringSubmatch(err.Error())
	if m == nil {
		return ""
	}
	value, flag, kind, why := m[1], m[2], m[3], m[4]
	want := map[string]string{"Float": "a number", "Int": "a whole number", "Uint": "a whole number, 0 or more", "Bool": "true or false"}[kind]
	if why == "value out of range" {
		return fmt.Sprintf("%s %q: out of range", flag, value)
	}
	return fmt.Sprintf("%s %q: not %s", flag, value, want)
}

// flagSuggestion is the " (did you mean --format?)" of an unknown flag
// error: the command's flag nearest to a misspelt one (--formt), or to a
// long flag written with one dash (-format, which pflag reads as -f -o …).
func flagSuggestion(cmd *cobra.Command, err error) string {
	msg := err.Error()
	if hint := dashFileHint(cmd, msg); hint != "" {
		return hint
	}
	typed, ok := strings.CutPrefix(msg, "unknown flag: --")
	if rest, short := strings.CutPrefix(msg, "unknown shorthand flag: "); short {
		// "'f' in -format"; -fo may be two shorthands
		if _, word, found := strings.Cut(rest, " in -"); found && len(word) > 2 {
			typed, ok = word, true
		}
	}
	if !ok {
		return ""
	}
	if use := strings.Fields(cmd.Use); typed == "pack" && len(use) > 1 && strings.Contains(cmd.Use, "FILE") {
		// rules test and validate, unlike the other commands, take
		// their packs as arguments
		args := strings.NewReplacer("[", "", "]", "").Replace(strings.Join(use[1:], " "))
		return fmt.Sprintf(" (%s takes the packs as arguments: %s %s)", cmd.CommandPath(), cmd.CommandPath(), args)
	}
	var names []string
	for _, fs := range []*pflag.FlagSet{cmd.Flags(), cmd.InheritedFlags()} {
		fs.VisitAll(func(f *pflag.Flag) {
			if !f.Hidden {
				names = append(names, f.Name)
			}
		})
	}
	if hint := otherToolsFlag(cmd, typed); hint != "" {
		return hint
	}
	if s := rules.Closest(typed, names); s != "" {
		return fmt.Sprintf(" (did you mean --%s?)", s)
	}
	return ""
}

// otherToolsFlags are flags of other linters and command-line tools
// (golangci-lint, eslint, ripgrep, gh …) that chatlint has under another
// name: the flag, and its value if it takes one. A near spelling would
// guess wrong for some (--rules is no misspelt --roles) and nothing for
// the others.
var otherToolsFlags = map[string]string{
	"out-format": "format", "output-format": "format", "reporter": "format", "formatter": "format",
	"no-color": "color never", "no-colour": "color never", "nocolor": "color never", "nocolour": "color never",
	"workers": "jobs", "threads": "jobs", "concurrency": "jobs", "parallel": "jobs",
	"rules": "pack", "rule": "pack", "packs": "pack", "ruleset": "pack",
	"out": "output", "outfile": "output", "output-file": "output",
	"severity": "fail-on", "fail-level": "fail-on", "level": "fail-on",
	"ignore": "exclude", "exclude-dir": "exclude", "skip-dirs": "exclude", "skip-files": "exclude",
	"silent": "quiet",
}

// otherToolsFlag is the hint for a flag (typed, without its dashes) that
// chatlint has under another name (otherToolsFlags), a report format
// given as a flag (--json: --format json) or --format where --json is
// the flag (rules list), a --version or --config it has not: "" for any
// other.
func otherToolsFlag(cmd *cobra.Command, typed string) string {
	meant, ok := otherToolsFlags[typed]
	if !ok && slices.Contains(report.Formats(), typed) {
		meant, ok = "format "+typed, true
	}
	if ok {
		if name, _, _ := strings.Cut(meant, " "); cmd.Flags().Lookup(name) != nil {
			return fmt.Sprintf(" (did you mean --%s?)", meant)
		}
	}
	switch typed {
	case "format", "output", "out-format":
		if cmd.Flags().Lookup("json") != nil { // rules list
			return " (did you mean --json?)"
		}
	case "version":
		return " (the version: chatlint version)"
	case "config":
		return " (chatlint has no --config: it reads .chatlint.yaml in the working directory or the nearest directory above it; run it there)"
	}
	return ""
}

// dashFileHint is the " (a file named -day.jsonl? put -- before it: …)"
// of an unknown flag error (msg) that names a file there is, to a command
// that takes files: pflag reads a name that starts with - as flags.
func dashFileHint(cmd *cobra.Command, msg string) string {
	if !strings.Contains(cmd.Use, "PATH") && !strings.Contains(cmd.Use, "FILE") {
		return ""
	}
	arg := ""
	if typed, ok := strings.CutPrefix(msg, "unknown flag: "); ok {
		arg = typed
	} else if rest, ok := strings.CutPrefix(msg, "unknown shorthand flag: "); ok {
		if _, word, found := strings.Cut(rest, " in "); found {
			arg = word
		}
	}
	if arg == "" || !strings.HasPrefix(arg, "-") {
		return ""
	}
	if _, err := os.Stat(arg); err != nil {
		return ""
	}
	return fmt.Sprintf(" (a file named %s? put -- before it: %s -- %s)", arg, cmd.CommandPath(), shellquote.Word(arg))
}

// noArgs is the args validator of a command that takes none: the argument
// is named as one (cobra.NoArgs calls it an unknown command), and a pack
// given to a command that takes --pack is pointed at it.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("%s takes no arguments, not %q", cmd.CommandPath(), args[0])
	if cmd.Flags().Lookup("pack") != nil && (slices.Contains(rules.BuiltinNames(), args[0]) || rules.IsPath(args[0])) {
		msg += fmt.Sprintf(" (did you mean --pack %s?)", shellquote.Word(args[0]))
	}
	return errors.New(msg)
}

// argsExit2 wraps a cobra positional-args validator so misuse exits 2.
func argsExit2(v cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := v(cmd, args); err != nil {
			return fail("%w (see '%s --help')", err, cmd.CommandPath())
		}
		return nil
	}
}
