package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/chatlint/chatlint/lint/config"
)

// starterConfig is what `chatlint init` writes: every section, commented,
// working as written; it names the packs and the thresholds the defaults
// have, and shows rule overrides commented out, so that a run right after
// init lints as one without a config does.
const starterConfig = `# chatlint configuration. chatlint finds this file in the working directory
# or any parent; flags given on the command line override it.

# Rule packs: built-in names (base, ecommerce, callcenter, retail — see
# 'chatlint rules list --pack NAME') or paths to your own packs, relative to
# this file. A pack brings the packs it extends.
packs: [ecommerce]

# Adjust rules of the packs without editing them, by pack/id:
# disable, severity (error, warning, info), deduct, max_deduct, fatal.
# For example (uncomment to use):
# rules:
#   ecommerce/use-nin: {disable: true}          # 本店允许称呼「你」
#   ecommerce/slow-reply: {severity: error, max_deduct: 20}

# Exit 1 when a finding is at or above fail_on (error, warning, info, none),
# or when a conversation scores below min_score (0: off).
fail_on: error
min_score: 0

# How transcripts are read (README: Input formats). Flags override each key.
input:
  format: auto                 # auto, jsonl, json, csv, tsv, xlsx, txt, wecom, jddc, canned
  encoding: auto               # auto, utf-8, gbk, gb18030, big5, utf-16le, utf-16be
  tz: Asia/Shanghai            # zone of times written without one
  # agents: ["店铺名:*"]         # txt dumps: sender names of agents (* and ?)
  # staff: [zhangsan, lisi]     # 企业微信: userids of agents
  # fields: {conversation: 会话ID, time: 时间, role: 角色, sender: 客服, text: 内容}
  # roles: {"1": agent, "0": customer}
  # types: {EVENT: skip}        # records of a type that are not messages
  # html: true                  # message texts are HTML (help-desk exports)
`

func newInitCmd() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write a commented starter " + config.FileName + " in the working directory",
		Args:  argsExit2(noArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			// without --force, the file is created only if nothing is
			// there: O_EXCL also refuses a symbolic link, dangling or
			// not, which a Stat-then-write followed to write elsewhere
			flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
			if force {
				flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
			}
			f, err := os.OpenFile(config.FileName, flags, 0o644)
			if errors.Is(err, fs.ErrExist) {
				return fail("%s already exists (use --force to overwrite it)", config.FileName)
			} else if err != nil {
				return failErr(fmt.Errorf("write %s: %w", config.FileName, err))
			}
			_, err = f.WriteString(starterConfig)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return failErr(fmt.Errorf("write %s: %w", config.FileName, err))
			}
			// the command's own status, as lint's "fixed N finding(s)":
			// a diagnostic, in English on stderr; stdout stays empty
			fmt.Fprintf(cmd.ErrOrStderr(), "chatlint: wrote %s: edit the packs, rule overrides, thresholds and input settings, then run 'chatlint lint PATH...' on your transcripts\n", config.FileName)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing "+config.FileName)
	return cmd
}
