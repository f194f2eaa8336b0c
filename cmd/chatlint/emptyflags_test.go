package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestEmptyFlagValues gives every flag that takes text, of every command,
// an empty value, as `--baseline "$UNSET"` does: each run must exit 2 and
// name the flag, whether refuseEmptyValues or the flag's own check says
// so. Before, -o, --baseline, --write-baseline, --input-format,
// --encoding and nine more took "" as their default and exited 0.
func TestEmptyFlagValues(t *testing.T) {
	dir := t.TempDir()
	day := filepath.Join(dir, "day.jsonl")
	if err := os.WriteFile(day, []byte(`{"conversation":"c1","role":"agent","text":"您好，祝您生活愉快"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tested := 0
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Name() == "completion" || c.Name() == "help" {
			return // cobra's own
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			switch f.Value.Type() {
			case "string", "stringArray", "stringSlice":
			default:
				return
			}
			args := append(strings.Fields(c.CommandPath())[1:], "--"+f.Name+"=")
			switch c.Name() {
			case "lint":
				args = append(args, day)
			case "explain":
				args = append(args, "不知道")
			case "show":
				args = append(args, "evasive-phrase")
			}
			tested++
			code, _, stderr := runCLI(t, args...)
			if code != 2 || !strings.Contains(stderr, "--"+f.Name) {
				t.Errorf("chatlint %s: exit %d, want 2 naming --%s; stderr:\n%s", strings.Join(args, " "), code, f.Name, stderr)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRootCmd())
	if tested < 20 {
		t.Fatalf("only %d flags tried", tested)
	}
}

// TestEmptyPathArgument: an empty path (lint "$DIR" with DIR unset) is
// refused saying so, not with the system's error naming no file, also
// beside paths that are fine (which are then not linted).
func TestEmptyPathArgument(t *testing.T) {
	day := filepath.Join(t.TempDir(), "day.jsonl")
	if err := os.WriteFile(day, []byte(`{"conversation":"c1","role":"agent","text":"这个我不知道"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"lint", ""}, {"lint", day, ""}, {"lint", "--format", "json", "", day}} {
		code, stdout, stderr := runCLI(t, args...)
		if code != 2 || !strings.Contains(stderr, "lint '': an empty path (an unset shell variable?)") || stdout != "" {
			t.Errorf("chatlint %q: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
}

// TestEmptyValueKeepsSpaces: a space is a value (--delimiter ' '), and an
// empty repetition of a repeatable flag is caught too.
func TestEmptyValueKeepsSpaces(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want bool
	}{
		{[]string{"--s= "}, false},
		{[]string{"--s="}, true},
		{[]string{"--a=x", "--a="}, true},
		{[]string{"--a=x"}, false},
		{[]string{"--l="}, true},
		{[]string{"--l=x,y"}, false},
	} {
		fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
		fs.String("s", "def", "")
		fs.StringArray("a", nil, "")
		fs.StringSlice("l", nil, "")
		if err := fs.Parse(tt.args); err != nil {
			t.Fatal(err)
		}
		got := false
		fs.Visit(func(f *pflag.Flag) { got = got || emptyValue(f) })
		if got != tt.want {
			t.Errorf("%q: empty %v, want %v", tt.args, got, tt.want)
		}
	}
}

// TestNumberFlagErrors: a value pflag's number or boolean parser refuses
// is told as chatlint's own flag errors are, naming the flag and value,
// without strconv's wording.
func TestNumberFlagErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"lint", "--min-score", "abc", "x"}, `--min-score "abc": not a number (see 'chatlint lint --help')`},
		{[]string{"lint", "--min-score", "1e309", "x"}, `--min-score "1e309": out of range`},
		{[]string{"lint", "-j", "x", "x"}, `--jobs "x": not a whole number`},
		{[]string{"lint", "--jobs", "99999999999999999999", "x"}, `--jobs "99999999999999999999": out of range`},
		{[]string{"lint", "--strict=maybe", "x"}, `--strict "maybe": not true or false`},
	} {
		code, _, stderr := runCLI(t, tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) || strings.Contains(stderr, "strconv") {
			t.Errorf("chatlint %s: exit %d, stderr %q; want exit 2 and %q", strings.Join(tt.args, " "), code, stderr, tt.want)
		}
	}
}
