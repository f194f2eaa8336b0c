package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/chatlint/chatlint/lint/report"
)

// TestHelpExamples runs the examples of every command's help from the
// repository root, as a reader of a checkout would paste them: each must
// run (exit 0 or 1, not 2), and an example of explain must find something
// to explain. A file an example names must be there; `cat FILE |` before
// chatlint is FILE on standard input, and what follows chatlint's own
// words (a pipe, a redirection) is left off.
func TestHelpExamples(t *testing.T) {
	t.Chdir("../..")
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, line := range strings.Split(c.Example, "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			stdin := ""
			cmdline := line
			if feed, rest, ok := strings.Cut(cmdline, "|"); ok && strings.HasPrefix(feed, "cat ") {
				name := strings.TrimSpace(strings.TrimPrefix(feed, "cat "))
				data, err := os.ReadFile(name)
				if err != nil {
					t.Errorf("%s: example `%s` pipes a file that is not there: %v", c.CommandPath(), line, err)
					continue
				}
				stdin, cmdline = string(data), strings.TrimSpace(rest)
			}
			if i := strings.IndexAny(cmdline, "|>"); i >= 0 {
				cmdline = strings.TrimSpace(cmdline[:i])
			}
			args := strings.Fields(cmdline)[1:] // without "chatlint"
			for i, a := range args {
				args[i] = strings.Trim(a, `"'`)
				if filepath.Ext(a) != "" && !strings.HasPrefix(a, "-") && !strings.HasPrefix(a, `"`) {
					if _, err := os.Stat(a); err != nil {
						t.Errorf("%s: example `%s` names a file that is not there: %v", c.CommandPath(), line, err)
					}
				}
			}
			var stdout, stderr bytes.Buffer
			code := run(args, strings.NewReader(stdin), &stdout, &stderr)
			if code == 2 {
				t.Errorf("%s: example `%s`: exit 2: %s", c.CommandPath(), line, stderr.String())
			}
			if c.Name() == "explain" && strings.Contains(stdout.String(), "当前规则的短语和模式在这段文字中都没有出现") {
				t.Errorf("%s: example `%s` finds nothing to explain:\n%s", c.CommandPath(), line, stdout.String())
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRootCmd())
}

// TestFlagsDocumented: README documents every flag of every command (the
// lint flags in their table, the others with their command).
func TestFlagsDocumented(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Name() == "completion" || c.Name() == "help" {
			return // cobra's own
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			named := regexp.MustCompile("[` (]--" + regexp.QuoteMeta(f.Name) + "([^a-z-]|$)")
			if f.Name != "help" && !f.Hidden && !named.Match(readme) {
				t.Errorf("%s --%s is not in README.md", c.CommandPath(), f.Name)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRootCmd())
}

// TestFlagValueNames: a flag's value is named alike in its help and in
// README's tables (--pack NAME|FILE, --jobs N), not by its Go type
// (stringArray, int).
func TestFlagValueNames(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	lint, _, err := newRootCmd().Find([]string{"lint"})
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| (`--.*?) \\|")
	named := regexp.MustCompile("`--([a-z-]+) ([^`]+)`")
	seen := 0
	for _, r := range row.FindAllSubmatch(readme, -1) {
		for _, m := range named.FindAllSubmatch(r[1], -1) {
			f := lint.Flags().Lookup(string(m[1]))
			if f == nil {
				continue
			}
			seen++
			want := strings.NewReplacer(`\|`, "|", "…", "...").Replace(string(m[2]))
			if got, _ := pflag.UnquoteUsage(f); got != want {
				t.Errorf("--%s: the help names its value %q, README %q", f.Name, got, want)
			}
		}
	}
	if seen == 0 {
		t.Fatal("no flag with a value name found in README's tables")
	}
}

// TestFlagValueNamesNotTypes: every flag of every command that takes a
// value names it in --help by what it is (--format FORMAT, --tz ZONE), not
// by its Go type, as pflag does without a name (--format string, --color
// string, --fail-on string were).
func TestFlagValueNamesNotTypes(t *testing.T) {
	goTypes := map[string]bool{"string": true, "strings": true, "stringArray": true, "int": true, "uint": true, "float": true, "duration": true}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Name() == "completion" || c.Name() == "help" {
			return // cobra's own
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if name, _ := pflag.UnquoteUsage(f); goTypes[name] {
				t.Errorf("%s --%s: its value is named %q in --help", c.CommandPath(), f.Name, name)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRootCmd())
}

// TestLintHelpExitCodes: `chatlint lint --help`, what a CI job's author
// reads, names every cause of exit 2 that README's table names, and says
// that malformed records alone do not fail a run.
func TestLintHelpExitCodes(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"lint", "--help"}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("lint --help: exit %d: %s", code, stderr.String())
	}
	help := strings.Join(strings.Fields(stdout.String()), " ")
	for _, want := range []string{"bad flags", "a broken pack", "an unreadable file", "(with --strict) a malformed record",
		"stopped by a signal", "--fix or --diff that had to leave a file as it was", "malformed records are reported and do not change the exit code"} {
		if !strings.Contains(help, want) {
			t.Errorf("lint --help does not say %q:\n%s", want, stdout.String())
		}
	}
}

// TestHelpExitCodesAgree: `chatlint --help` and `chatlint lint --help`
// say the same about the exit codes, word for word: the paragraph that
// begins "Exit codes:" is one text (exitCodesHelp) in both.
func TestHelpExitCodesAgree(t *testing.T) {
	paragraph := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run(args, strings.NewReader(""), &stdout, &stderr); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, stderr.String())
		}
		help := stdout.String()
		i := strings.Index(help, "Exit codes:")
		if i < 0 {
			t.Fatalf("%q says nothing of the exit codes:\n%s", args, help)
		}
		p, _, _ := strings.Cut(help[i:], "\n\n")
		return p
	}
	root, lint := paragraph("--help"), paragraph("lint", "--help")
	if root != lint {
		t.Errorf("the exit codes differ:\n--- chatlint --help\n%s\n--- chatlint lint --help\n%s", root, lint)
	}
	if root != exitCodesHelp {
		t.Errorf("chatlint --help: exit codes %q, want exitCodesHelp %q", root, exitCodesHelp)
	}
}

// TestHelpWording: a command that groups subcommands names each of them
// in its one-line summary (rules: list, show, test, validate), and the
// long help of every command keeps its lines within 80 columns (Chinese
// characters counting two), as a terminal shows them.
func TestHelpWording(t *testing.T) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Name() == "completion" || c.Name() == "help" {
			return // cobra's own
		}
		if c != c.Root() && c.HasAvailableSubCommands() {
			for _, sub := range c.Commands() {
				if sub.IsAvailableCommand() && !strings.Contains(strings.ToLower(c.Short), sub.Name()) {
					t.Errorf("%s: the summary %q does not name %s", c.CommandPath(), c.Short, sub.Name())
				}
			}
		}
		for _, line := range strings.Split(c.Long, "\n") {
			if w := report.DisplayWidth(line); w > 80 {
				t.Errorf("%s --help: a line of %d columns: %q", c.CommandPath(), w, line)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRootCmd())
}
