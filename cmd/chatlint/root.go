package main

import (
	"github.com/spf13/cobra"
)

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "chatlint",
		Short: "Compliance linter for customer-service chat transcripts",
		Long: `chatlint checks exported customer-service chat transcripts against YAML rule
packs (forbidden phrases, missing greetings, slow replies, unnoted order
changes, ...) and writes scored reports per conversation and per agent.

Exit codes: 0 clean, 1 findings at or above --fail-on or a score under
--min-score, 2 the run could not be trusted (bad flags, broken pack,
unreadable file, or a malformed record with --strict).`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return fail("%v (see '%s --help')", err, c.CommandPath())
	})
	root.AddCommand(newLintCmd(), newRulesCmd(), newExplainCmd(), newInitCmd(), newVersionCmd())
	registerCompletions(root)
	return root
}

// noArgsOr2 wraps a cobra positional-args validator so misuse exits 2.
func argsExit2(v cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := v(cmd, args); err != nil {
			return fail("%v (see '%s --help')", err, cmd.CommandPath())
		}
		return nil
	}
}
