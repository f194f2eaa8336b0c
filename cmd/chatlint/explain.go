package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/match"
)

func newExplainCmd() *cobra.Command {
	var packs []string
	var role string
	cmd := &cobra.Command{
		Use:   "explain [--pack …] [--role agent] TEXT...",
		Short: "Show how a message is matched: normalised text, gse words, every phrase candidate and its verdict",
		Long: `Show how chatlint reads one message: the normalised text (full-width folded,
Traditional→Simplified, invisible characters removed, lower-case), gse's
segmentation, and every phrase or pattern of the active rules found in it,
with why each does or does not count (word boundary, except context,
overlap, or a rule that does not look at this role). For rule authors
debugging a pack.`,
		Example: `  chatlint explain "说明书我看不懂，这个我也不知道"
  chatlint explain --pack callcenter --role customer "改成蓝色XL"`,
		Args: argsExit2(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, ok := lint.ParseRole(role)
			if !ok {
				return fail("unknown --role %q (customer, agent, bot or system)", role)
			}
			cfg, set, err := activePacks(packs)
			if err != nil {
				return failErr(err)
			}
			cs, err := check.Compile(set, check.Options{Overrides: cfg.Rules})
			if err != nil {
				return failErr(err)
			}
			explain(cmd.OutOrStdout(), cs, r, strings.Join(args, " "))
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&packs, "pack", nil, "rule pack: built-in name or YAML file (repeatable)")
	cmd.Flags().StringVar(&role, "role", "agent", "who writes the message: customer, agent, bot or system")
	return cmd
}

func explain(w io.Writer, cs *check.Set, role lint.Role, text string) {
	var t match.Text
	cs.Matcher.Analyse(&t, text, true)
	fmt.Fprintf(w, "原文:     %s\n", text)
	if t.Normalized() == text {
		fmt.Fprintf(w, "规范化:   (不变)\n")
	} else {
		fmt.Fprintf(w, "规范化:   %s\n", t.Normalized())
	}
	fmt.Fprintf(w, "gse 分词: %s\n", strings.Join(t.Words(), " / "))
	fmt.Fprintf(w, "角色:     %s\n\n", role)
	found := 0
	for _, c := range cs.Checks {
		l, ok := c.(check.Lister)
		if !ok {
			continue
		}
		for _, pl := range l.Lists() {
			for _, cand := range t.Explain(pl.ID) {
				found++
				verdict := "✓ counted"
				switch {
				case !pl.Roles.Has(role):
					verdict = fmt.Sprintf("✗ the rule looks at %s messages, not %s", pl.Roles, role)
				case !cand.Counted:
					verdict = "✗ " + cand.Why
				}
				what := "phrase"
				if cand.Pattern >= 0 {
					what = "pattern"
				}
				list := ""
				if pl.Name != "phrases" {
					list = " (" + pl.Name + ")"
				}
				fmt.Fprintf(w, "%-34s %s「%s」at column %d%s\n    %s\n", c.Info().ID+list, what, cand.Text, cand.Column, "", verdict)
			}
		}
	}
	if found == 0 {
		fmt.Fprintln(w, "no phrase or pattern of the active rules occurs in this text")
	}
}
