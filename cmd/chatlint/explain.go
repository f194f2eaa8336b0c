package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/lint/report"
)

func newExplainCmd() *cobra.Command {
	var packs []string
	var role string
	cmd := &cobra.Command{
		Use:   "explain [--pack …] [--role agent] TEXT...|-",
		Short: "Show how a message is matched: normalised text, gse words, every phrase candidate and its verdict",
		Long: `Show how chatlint reads one message: the normalised text (full-width folded,
Traditional→Simplified, invisible characters removed, emoji and decorative
symbols between Chinese characters dropped (不❤知道), letter-spaced and
separator runs closed up (不 知 道, 不-知-道), lower-case), gse's
segmentation, and every phrase or pattern of the active rules found in it,
with why each does or does not count (word boundary, except context,
overlap, or a rule that does not look at this role). For rule authors
debugging a pack. Like the reports, it says this in Chinese (rule ids and
list places as they are); roles are named as the reports name them (客服,
顾客, 机器人, 系统). --role takes the English names lint reads (agent,
customer, bot, system) or these.

Lists nested in a condition are shown too, labelled with where they sit:
(trigger › any_of[1] › all_of[0]), (ignore › any_of[2] › not). A hit in a
list under not counts AGAINST the condition that holds the not, and one in
a list with quantifier: none against the list's own condition: a trigger
whose not list matches is no trigger, even if its own phrases are counted.

A lone - reads the message from standard input, as it is but for the line
break that ends it: a message with quotes or line breaks of its own, kept
in a file (chatlint explain - < message.txt).`,
		Example: `  chatlint explain "说明书我看不懂，这个我也不知道"
  chatlint explain --pack ecommerce --role customer "改成蓝色XL"`,
		Args: argsExit2(textArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, ok := parseRoleArg(role)
			if !ok {
				return fail("unknown --role %q (customer, agent, bot or system; or 顾客, 客服, 机器人, 系统)", role)
			}
			if err := checkPackRefs("--pack", "", packs); err != nil {
				return err
			}
			cfg, set, err := activePacks(packs)
			if err != nil {
				return failErr(err)
			}
			cs, err := check.Compile(set, check.Options{Overrides: cfg.Rules, PacksFromFlag: len(packs) > 0})
			if err != nil {
				return failErr(err)
			}
			text := strings.Join(args, " ")
			if len(args) == 1 && args[0] == "-" {
				if text, err = readMessage(cmd.InOrStdin()); err != nil {
					return failErr(err)
				}
			}
			explain(cmd.OutOrStdout(), cs, r, text)
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&packs, "pack", nil, "rule pack `NAME|FILE`: a built-in pack's name, the name of a pack .chatlint.yaml lists, or a YAML file (repeatable)")
	cmd.Flags().StringVar(&role, "role", "agent", "the writer's `ROLE`: customer, agent, bot or system (or 顾客, 客服, 机器人, 系统)")
	return cmd
}

// textArgs is the args validator of explain: the words of a text, which
// must not be empty (nothing to explain).
func textArgs(cmd *cobra.Command, args []string) error {
	if strings.Join(args, "") == "" {
		return fmt.Errorf("%s takes the text of a message to explain, such as: %s '这个我也不知道'", cmd.CommandPath(), cmd.CommandPath())
	}
	return nil
}

// maxExplained bounds the message explain reads from standard input: a
// message many times longer than lint's --max-message-size is no message.
const maxExplained = 4 << 20

// readMessage reads the message explain - explains from standard input:
// all of it but the line break that ends it (echo's, an editor's).
func readMessage(stdin io.Reader) (string, error) {
	data, err := io.ReadAll(io.LimitReader(stdin, maxExplained+1))
	if err != nil {
		return "", fmt.Errorf("read the message from standard input: %w", err)
	}
	if len(data) > maxExplained {
		return "", fmt.Errorf("explain -: standard input holds more than %d MiB, more than one message", maxExplained>>20)
	}
	text := strings.TrimSuffix(strings.TrimSuffix(string(data), "\n"), "\r")
	if strings.TrimSpace(text) == "" {
		return "", errors.New("explain -: standard input holds no text to explain")
	}
	return text, nil
}

// parseRoleArg reads a role given on the command line: a name lint reads
// (lint.ParseRole: customer, agent, bot, system, in any case) or the
// Chinese name of the reports (lint.Role.Chinese).
func parseRoleArg(s string) (lint.Role, bool) {
	if r, ok := lint.ParseRole(s); ok {
		return r, true
	}
	s = strings.TrimSpace(s)
	for r := lint.Customer; r <= lint.System; r++ {
		if r.Chinese() == s {
			return r, true
		}
	}
	return lint.RoleUnknown, false
}

// roleSetLabel names the roles of set as the reports do: 顾客、客服.
func roleSetLabel(set lint.RoleSet) string {
	var names []string
	for _, r := range []lint.Role{lint.Customer, lint.Agent, lint.Bot, lint.System} {
		if set.Has(r) {
			names = append(names, r.Chinese())
		}
	}
	return strings.Join(names, "、")
}

// explain writes how text is read and matched, in Chinese as its labels
// and the reports are (the command line's own messages, on stderr, are in
// English): rule ids, list places (trigger › not), roles and the text are
// named as they are.
func explain(w io.Writer, cs *check.Set, role lint.Role, text string) {
	var t match.Text
	cs.Matcher.Analyse(&t, text, true)
	// shown as the reports show texts (lint.Shown): a pasted ESC sequence
	// or bidirectional override can neither recolour nor reorder the
	// terminal, and is seen to be there
	fmt.Fprintf(w, "原文:     %s\n", report.Shown(text))
	if t.Normalized() == text {
		fmt.Fprintf(w, "规范化:   (不变)\n")
	} else {
		fmt.Fprintf(w, "规范化:   %s\n", report.Shown(t.Normalized()))
	}
	words := make([]string, len(t.Words()))
	for i, word := range t.Words() {
		words[i] = report.Shown(word)
	}
	fmt.Fprintf(w, "gse 分词: %s\n", strings.Join(words, " / "))
	fmt.Fprintf(w, "角色:     %s\n\n", role.Chinese())
	found := 0
	for _, c := range cs.Checks {
		l, ok := c.(check.Lister)
		if !ok {
			continue
		}
		lists := l.Lists()
		cands := make([][]match.Candidate, len(lists))
		counted := false
		for k, pl := range lists {
			cands[k] = t.Explain(pl.ID)
			_, how := pl.Against()
			for _, cand := range cands[k] {
				counted = counted || (cand.Counted && pl.Roles.Has(role) && how == "")
			}
		}
		for k, pl := range lists {
			label := c.Info().ID
			if pl.Name != "phrases" {
				label += " (" + pl.Name + ")"
			}
			of, how := pl.Against()
			against := ""
			switch how {
			case "":
			case "not":
				against = "位于 not 之下"
			default:
				against = "位于 " + how + " 的列表中"
			}
			if len(cands[k]) == 0 && against != "" && counted && pl.Roles.Has(role) {
				// the rule's phrases count here: say that nothing stops them
				fmt.Fprintf(w, "%-34s 本列表的短语和模式都没有出现\n    ✓ %s，没有命中否定 %s\n", label, against, of)
			}
			for _, cand := range cands[k] {
				found++
				verdict := "✓ 计入"
				switch {
				case !pl.Roles.Has(role):
					verdict = fmt.Sprintf("✗ 该规则只看 %s 的消息，这段文字的角色是 %s", roleSetLabel(pl.Roles), role.Chinese())
				case !cand.Counted:
					verdict = "✗ " + whyNot(cand)
				case against != "":
					verdict = fmt.Sprintf("✓ 计入，但%s：这一命中反而否定 %s", against, of)
				case strings.Contains(pl.Name, "all_of["):
					// a hit of one list of an all_of is not the condition
					// holding: the other lists (and conditions without
					// lists, which explain does not weigh) must hold too
					verdict += "（本列表在 all_of 之中：其余各项也都成立，整个条件才成立）"
				}
				what := "短语"
				if cand.Pattern >= 0 {
					what = "模式"
				}
				fmt.Fprintf(w, "%-34s %s「%s」第 %d 列\n    %s\n", label, what, cand.Text, cand.Column, verdict)
			}
		}
	}
	if found == 0 {
		fmt.Fprintln(w, "当前规则的短语和模式在这段文字中都没有出现")
	}
	if id := ruleNamed(cs, text); id != "" {
		// chatlint explain base/evasive-phrase: a reviewer asking why a
		// rule fired explained its name as a message, and learnt only
		// that it holds no phrase
		fmt.Fprintf(w, "\n注意: 「%s」是规则 %s 的名字，explain 读的是一条消息的文字。要看这条规则（说明、短语、扣分、依据），用 chatlint rules show %s；要看它为什么命中某条消息，把那条消息的文字交给 explain\n", report.Shown(strings.TrimSpace(text)), id, id)
	}
}

// ruleNamed returns the id of the active rule text names, as rules show
// takes it (pack/id, or the id alone when one pack has it), or "".
func ruleNamed(cs *check.Set, text string) string {
	text = strings.TrimSpace(text)
	if text == "" || strings.ContainsAny(text, " \t\n") {
		return ""
	}
	short := ""
	for _, c := range cs.Checks {
		id := c.Info().ID
		if id == text {
			return id
		}
		if _, name, ok := strings.Cut(id, "/"); ok && name == text {
			if short != "" {
				return "" // in two packs: the name alone is no rule
			}
			short = id
		}
	}
	return short
}

// whyNot says in Chinese why a candidate does not count.
func whyNot(c match.Candidate) string {
	switch c.Verdict {
	case match.VerdictNoBoundary:
		return "首尾都不在 gse 词边界上"
	case match.VerdictNoStartBoundary:
		return "开头不在 gse 词边界上"
	case match.VerdictNoEndBoundary:
		return "结尾不在 gse 词边界上"
	case match.VerdictExcept:
		return "在 except 语境「" + c.Except + "」之内"
	case match.VerdictOverlap:
		return "与同一规则更长或更早的匹配重叠"
	}
	return c.Why
}
