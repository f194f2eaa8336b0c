package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/chatlint/chatlint/lint/config"
	"github.com/chatlint/chatlint/lint/report"
)

// starterConfig is what `chatlint init` writes: every section, commented
// (in Chinese, as the reports and the rules commands speak to the QA staff
// who edit it), working as written; it names the packs and the thresholds
// the defaults have, and shows rule overrides commented out, so that a run
// right after init lints as one without a config does. Keys and values are
// the config's own, in English.
const starterConfig = `# chatlint 配置文件。chatlint 在当前目录及其上级目录中查找本文件；
# 命令行参数优先于这里的设置。

# 规则包：内置规则包的名称（base、ecommerce、callcenter、retail，见
# 'chatlint rules list --pack 名称'），或自己的规则包文件的路径（相对于本文件）。
# 一个规则包连同它所扩展（extends）的规则包一起生效。
packs: [ecommerce]

# 不改规则包，按 pack/id 调整其中的规则：disable（停用）、severity（级别：
# error、warning、info）、deduct（每项扣分）、max_deduct（每个会话的扣分上限）、
# fatal（致命项）。例如（去掉行首的「# 」即可生效，# 后的空格也要去掉）：
# rules:
#   ecommerce/use-nin: {disable: true}          # 本店允许称呼「你」
#   ecommerce/slow-reply: {severity: error, max_deduct: 20}

# 组别：组名 → 客服名称（可用 * 和 ?）。报告在「客服」之外再按组汇总
# （文本、HTML、JSON 报告，以及 --format csv --csv-rows team）。例如：
# teams:
#   售前组: [小美, 阿杰]
#   售后组: ["客服0*"]

# 有问题达到 fail_on 级别或以上（error、warning、info、none）时，或有会话
# 得分低于 min_score（0：不检查）时，退出码为 1。
fail_on: error
min_score: 0

# 如何读取会话记录（见 README 的 Input formats 一节）。每一项都可由对应的
# 命令行参数覆盖（如 --input-format、--encoding、--tz）。
input:
  format: auto                 # auto、jsonl、json、csv、tsv、xlsx、txt、wecom、jddc、canned
  encoding: auto               # auto、utf-8、gbk、gb18030、big5、utf-16le、utf-16be
  tz: Asia/Shanghai            # 没有写时区的时间按这个时区读
  # agents: ["店铺名:*"]         # txt 导出：客服的发送者名称（可用 * 和 ?）
  # staff: [zhangsan, lisi]     # 企业微信：客服的 userid
  # fields: {conversation: 会话ID, time: 时间, role: 角色, sender: 客服, text: 内容}
  # roles: {"1": agent, "0": customer}   # 导出中的角色值 → 角色
  # types: {EVENT: skip}        # 不是消息的记录类型（计为跳过）
  # html: true                  # 消息内容是 HTML（客服系统的导出）

# 遍历目录时跳过的文件和目录（glob，同 --exclude：* 和 ? 在一级名称之内，
# ** 跨越多级目录；不含 / 的匹配任意一级的名称；以 / 结尾的只匹配目录）。
# 以 * 开头的要加引号。例如：
# exclude: ["archive/**", "*.draft.txt", drafts/]
`

func newInitCmd() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write a commented starter " + config.FileName + " in the working directory",
		Long: `Write a commented starter ` + config.FileName + ` in the working directory: the
packs, rule overrides, thresholds and input settings, to edit.

An existing ` + config.FileName + ` is left as it is unless --force is given. The file
is written whole or not at all: into a temporary file in the same directory,
renamed over the target once written, so a full disk or a killed run leaves
no half a config and no temporary file. If ` + config.FileName + ` is a symbolic link
(a dotfile manager's), it stays one: the link is resolved, and the file it
leads to is replaced the same way, from a temporary file beside that file.
A directory that takes no new files is an error (exit 2), the config left
as it was: it is never written over in place.`,
		Args: argsExit2(noArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			// a .chatlint.yaml here that is no settings file (a
			// directory, a link to one or to nothing, in a loop or
			// through a file), which lint stops on naming it
			if said, ok := config.Unusable(config.FileName); ok {
				if err := unusableStarter(config.FileName, said, force); err != nil {
					return err
				}
			}
			// settings saved under another name here (.chatlint.yml), which
			// lint refuses telling to rename them: a starter beside them
			// would be read instead, and they would silently not apply
			if err := config.Misnamed("."); err != nil && !force {
				return fail("%v; a starter %s beside it would be read instead and its settings would no longer apply (--force writes one all the same)", err, config.FileName)
			}
			// the config that applied here until now, in a directory above (or
			// stopped the runs here, where it does not load, or cannot be
			// read as settings, or is misnamed: the search stopped on it)
			shadowed, stoppedWhy, settings := "", "", true
			if _, err := os.Lstat(config.FileName); !errors.Is(err, fs.ErrNotExist) {
				// one here applied, not the one above
			} else if wd, err := os.Getwd(); err == nil && filepath.Dir(wd) != wd {
				var ferr error
				shadowed, ferr = config.Find(filepath.Dir(wd))
				if p, why, holds, ok := config.Stopped(ferr); ok {
					// (a link to nothing, a directory, .chatlint.yml …:
					// Find's error was dropped, and nothing said)
					shadowed, stoppedWhy, settings = p, why, holds
				}
			}
			// stopped by Ctrl-C, SIGTERM or SIGHUP (as lint is) while the
			// config is written: its temporary file is removed, and the
			// config left as it was (a signal taking its default action
			// ended chatlint with .chatlint.yaml.tmpNNN left beside it);
			// a second signal acts as it would without chatlint
			ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
			defer stop()
			context.AfterFunc(ctx, stop)
			err := writeStarter(ctx, config.FileName, force)
			if errors.Is(err, context.Canceled) {
				return fail("stopped (%w): no config written%s", context.Cause(ctx), keptFiles([]string{config.FileName}))
			}
			if errors.Is(err, fs.ErrExist) {
				return fail("%s already exists (use --force to overwrite it)", config.FileName)
			} else if _, lerr := os.Lstat(config.FileName); errors.Is(err, fs.ErrPermission) && errors.Is(lerr, fs.ErrNotExist) {
				// nothing there to leave as it is: the directory is the matter
				return fail("cannot write %s: the working directory takes no new files (%v): run chatlint init in a directory you may write to", config.FileName, rootCause(err))
			} else if err != nil {
				return failErr(err)
			}
			// the command's own status, as lint's "fixed 2 findings in …":
			// a diagnostic, in English on stderr; stdout stays empty
			fmt.Fprintf(cmd.ErrOrStderr(), "chatlint: wrote %s: edit the packs, rule overrides, thresholds and input settings, then run 'chatlint lint PATH...' on your transcripts\n", config.FileName)
			if shadowed != "" {
				// chatlint reads the nearest config only: the one above no
				// longer applies to runs from here, and nothing else says so
				did := "applied here until now"
				if stoppedWhy != "" {
					// one the search stopped on (a link to nothing, a
					// directory, a named pipe; .chatlint.yml) applied
					// nowhere either
					did = "stopped the runs here until now, as " + stoppedWhy + ","
				} else if _, err := config.Load(shadowed); err != nil {
					// one that does not load (bad YAML, a key it does not
					// know) applied nowhere: runs from here stopped on it
					did = "stopped the runs here until now, as it does not load,"
				}
				copyFrom := "; copy the packs, rules, teams and thresholds this directory needs from it into the new one"
				if !settings {
					copyFrom = "" // (no settings to copy: a link to nothing …)
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "chatlint: note: %s %s and no longer does: chatlint reads the nearest %s only%s\n", report.Shown(shadowed), did, config.FileName, copyFrom)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing "+config.FileName+" (a symbolic link stays one: the file it leads to is replaced)")
	return cmd
}

// unusableStarter is init's error for name, a .chatlint.yaml that is no
// settings file (config.Unusable: said names it and what it is), left as
// it is, with what to do to have the starter written: a directory, or a
// symbolic link to one, or in a loop or through a file (or a named pipe
// or a link to a device, told 'already exists', then 'not a regular file,
// nor a symbolic link to one' with --force), was told 'already
// exists (use --force to overwrite it)', which --force then refused ('not
// a regular file, nor a symbolic link to one'). A link to a file that is
// not there, in a directory that is, is one --force writes through, as it
// does a link to a file (nil with force, and said without).
func unusableStarter(name, said string, force bool) error {
	fix := "remove the link, then chatlint init writes the starter config in its place"
	if st, err := os.Lstat(name); err == nil && st.IsDir() {
		fix = "rename or remove it, then chatlint init writes the starter config in its place"
	} else if err == nil && st.Mode()&fs.ModeSymlink == 0 {
		// a named pipe, a device or a socket itself (mkfifo): no link
		fix = "remove it, then chatlint init writes the starter config in its place"
	} else if target, _, exists, ok, _ := replaceable(name); ok && !exists && target != name && isDir(filepath.Dir(target)) {
		if force {
			return nil
		}
		fix = "chatlint init --force writes the starter config to " + target + ", where it leads; or remove the link, then chatlint init writes it in its place"
	}
	return fail("%s: left as it is (%s)", said, fix)
}

// isDir reports whether path is a directory (or a symbolic link to one).
func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// rootCause is the innermost error err wraps (permission denied).
func rootCause(err error) error {
	for {
		inner := errors.Unwrap(err)
		if inner == nil {
			return err
		}
		err = inner
	}
}

// writeStarter writes the starter config to name whole or not at all: into
// a temporary file beside it, renamed into place once written, so a full
// disk leaves no half a config. Without force nothing there is replaced: a
// file, a directory, a symbolic link, even one leading nowhere (a create
// would follow it to write elsewhere); that is an error that is
// fs.ErrExist. With force an existing file is replaced, and a symbolic link
// stays one: the link is resolved and the file it leads to is replaced (or
// created, for a link leading nowhere) by a temporary file written in that
// file's directory, as editors save through a link. Anything else (a
// directory, a device, a pipe) is refused, and so is a directory that
// takes no new files: the config is never written over in place (as -o
// does a report there), where a failed write would leave half of it.
// Once ctx is done the config is not put in place: the error is
// context.Canceled, and no temporary file is left.
func writeStarter(ctx context.Context, name string, force bool) error {
	if !force {
		out, err := createNewOutput(name, 0o644)
		if err != nil {
			return err
		}
		return out.writeAllUnless(ctx, []byte(starterConfig))
	}
	target, mode, exists, ok, _ := replaceable(name)
	if !ok {
		return fmt.Errorf("%s is not a regular file, nor a symbolic link to one: left as it is (remove it to write the starter config)", name)
	}
	perm := fs.FileMode(0o644)
	if exists {
		perm = 0o600 // no wider than the file's until Chmod
	}
	f, err := tempFile(target, perm)
	if err != nil {
		return fmt.Errorf("%s: no temporary file can be written beside %s to replace it with: %w; left as it is", name, target, unwrapPathErr(err))
	}
	if exists {
		f.Chmod(mode) // best effort: a file system may not keep modes
	}
	out := &outputFile{File: f, target: target, name: name, sync: true}
	return out.writeAllUnless(ctx, []byte(starterConfig))
}
