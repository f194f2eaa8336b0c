package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/spf13/cobra"

	"github.com/chatlint/chatlint/internal/shellquote"
	"github.com/chatlint/chatlint/internal/suggest"
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/config"
	"github.com/chatlint/chatlint/lint/report"
	"github.com/chatlint/chatlint/rules"
)

func newRulesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List, show, test and validate rule packs",
		Args:  argsExit2(unknownSubcommand),
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	cmd.AddCommand(newRulesListCmd(), newRulesShowCmd(), newRulesTestCmd(), newRulesValidateCmd())
	return cmd
}

func newRulesListCmd() *cobra.Command {
	var packs []string
	var asJSON, all bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "Show every rule of the active packs (id, type, severity, deduct, fatal, source)",
		Args:  argsExit2(noArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkPackRefs("--pack", "", packs); err != nil {
				return err
			}
			cfg, set, err := activePacks(packs)
			if err != nil {
				return failErr(err)
			}
			if all && !asJSON {
				return fail("--all lists the switched-off rules in the JSON (--json); the table names them below itself")
			}
			return listRules(cmd.OutOrStdout(), set, cfg, asJSON, all, len(packs) > 0)
		},
	}
	cmd.Flags().StringArrayVar(&packs, "pack", nil, "rule pack `NAME|FILE`: a built-in pack's name, the name of a pack .chatlint.yaml lists, or a YAML file (repeatable)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "write the list as JSON: the rules that run")
	cmd.Flags().BoolVar(&all, "all", false, "with --json: the rules an override switches off too, in their place, marked \"disabled\": true")
	return cmd
}

// ruleRow is one rule as `rules list` shows it.
type ruleRow struct {
	ID        string  `json:"id"`
	Type      string  `json:"type"`
	Severity  string  `json:"severity"`
	Deduct    float64 `json:"deduct"`
	MaxDeduct float64 `json:"max_deduct"`
	Fatal     bool    `json:"fatal"`
	// Bonus marks a rule that earns points: Add for each matching
	// message, capped by MaxAdd (0: no cap); its Deduct and MaxDeduct are 0
	Bonus  bool    `json:"bonus"`
	Add    float64 `json:"add"`
	MaxAdd float64 `json:"max_add"`
	Source string  `json:"source"`
	File   string  `json:"file"`
	Line   int     `json:"line"`
	// Builtin marks a rule of a built-in pack: its File is where the
	// pack lies in chatlint's source (rules/base.yaml), embedded in the
	// binary, not a file on the user's machine
	Builtin bool `json:"builtin"`
	// Roles are the roles of the messages the rule looks at (any: every
	// role): a followup's trigger's, whose expect looks at ExpectRoles
	// (left out for other rules). Its findings are at such messages, but
	// for a reply that did not come (require's missing phrase,
	// unanswered's question: at the customer's message that called for
	// it) or came late (followup: at the reply)
	Roles       []string `json:"roles"`
	ExpectRoles []string `json:"expect_roles,omitempty"`
	// Disabled marks a rule an override switches off (it does not run);
	// DisabledBy is that override's file:line. The text list names such
	// rules below its table; the JSON holds them, in their place with the
	// settings the other overrides leave them, when asked (--all): a
	// consumer of the list (jq '.[] | .id') reads the rules that run
	Disabled   bool   `json:"disabled"`
	DisabledBy string `json:"disabled_by,omitempty"`
}

// roleNames lists the roles of a set as rules write them (["any"] for
// every role); nil for none.
func roleNames(s lint.RoleSet) []string {
	if s == 0 {
		return nil
	}
	return strings.Split(s.String(), ",")
}

// listRules writes the rules of set that run, as a table or as JSON (with
// all, the JSON holds the rules an override switches off too, marked).
func listRules(w io.Writer, set *rules.Set, cfg *config.Config, asJSON, all, packsFromFlag bool) error {
	cs, err := check.Compile(set, check.Options{Segmenter: noSegmenter{}, Overrides: cfg.Rules, PacksFromFlag: packsFromFlag})
	if err != nil {
		return failErr(err)
	}
	// the rules an override switches off do not run, but are the
	// packs' all the same: the table names them below itself, so a
	// disabled rule is not mistaken for a missing one, and the JSON, with
	// --all, lists them in their place, marked (without it, the rules
	// that run, as it always did: scripts count and iterate them)
	ovs, err := check.Overrides(set, cfg.Rules)
	if err != nil {
		return failErr(err)
	}
	active := map[string]*lint.RuleInfo{}
	for _, c := range cs.Checks {
		i := c.Info()
		active[i.ID] = i
	}
	var rows, off []ruleRow
	for _, pr := range set.Rules() {
		i, ok := active[pr.FullID()]
		var by string
		if !ok {
			var disabled bool
			if i, disabled = check.Effective(pr, ovs[pr.FullID()]); !disabled {
				continue // not compiled for another reason: not the list's to say
			}
			by = disabledBy(ovs[pr.FullID()])
		}
		_, expect := check.RuleRoles(pr.Rule)
		row := ruleRow{i.ID, i.Type, i.Severity.String(), i.Deduct, i.MaxDeduct, i.Fatal, i.Bonus, i.Add, i.MaxAdd, i.Source, i.File, i.Line, i.Builtin,
			roleNames(i.Roles), roleNames(expect), !ok, by}
		if !ok {
			off = append(off, row)
			if !all {
				continue
			}
		}
		rows = append(rows, row)
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	table := [][]string{{"规则", "类型", "级别", "扣分", "上限", "致命项", "依据"}}
	fatal := false
	for _, r := range rows {
		points, max := fmt.Sprintf("%g", r.Deduct), "-"
		if r.MaxDeduct > 0 {
			max = fmt.Sprint(r.MaxDeduct)
		}
		if r.Bonus {
			// a bonus earns points: +add, capped by max_add
			points, max = fmt.Sprintf("+%g", r.Add), "-"
			if r.MaxAdd > 0 {
				max = fmt.Sprint(r.MaxAdd)
			}
		}
		// a 致命项 scores its conversation 0 whatever the deduction: said
		// beside it, as the severity the --fail-on gate reads is
		mark := ""
		if r.Fatal {
			mark, fatal = "是", true
		}
		table = append(table, []string{r.ID, r.Type, r.Severity, points, max, mark, rules.ReadableSource(r.Source)})
	}
	writeTable(w, table)
	names := make([]string, len(set.Packs))
	for i, p := range set.Packs {
		names[i] = p.Name
	}
	fmt.Fprintf(w, "\n共 %d 条规则，来自规则包 %s\n", len(rows), strings.Join(names, "、"))
	// the config found, perhaps in a directory above, which names the
	// packs and overrides their rules: said, as nothing else says it
	if cfg.File != "" {
		fmt.Fprintf(w, "配置文件: %s\n", report.Shown(cfg.File))
	}
	if fatal {
		fmt.Fprintln(w, "致命项：出现一项，整个会话即得 0 分（--fail-on 仍按级别判定）")
	}
	if len(off) > 0 {
		var names []string
		for _, r := range off {
			names = append(names, fmt.Sprintf("%s（由 %s 停用）", r.ID, r.DisabledBy))
		}
		fmt.Fprintf(w, "另有 %d 条规则已停用，未列出：%s\n", len(off), report.Shown(strings.Join(names, "，")))
	}
	return nil
}

// disabledBy names the override that switches a rule off (file:line): the
// last of ovs with disable: true.
func disabledBy(ovs []*rules.Override) string {
	by := ""
	for _, o := range ovs {
		if o.Disable != nil && *o.Disable {
			by = fmt.Sprintf("%s:%d", o.File, o.Line)
		}
	}
	return by
}

// writeTable writes rows as columns two spaces apart, counting East Asian
// wide characters as two columns (text/tabwriter counts them as one, so a
// Chinese heading pushed its column out of line).
func writeTable(w io.Writer, rows [][]string) {
	for _, line := range report.AlignColumns(rows, nil) {
		fmt.Fprintln(w, line)
	}
}

// noSegmenter serves commands that compile rules without matching text.
type noSegmenter struct{}

func (noSegmenter) Boundaries(dst []int, text string) []int { return append(dst, 0, len(text)) }

func newRulesTestCmd() *cobra.Command {
	var verbose bool
	cmd := &cobra.Command{
		Use:   "test [PACK|FILE]...",
		Short: "Check every rule's examples: each bad one must be flagged, each good one must not",
		Long: `Check every rule's examples: each bad example must be flagged by its rule and
each good example must not. Without arguments, the packs of .chatlint.yaml are
tested together, as lint runs them (their dict words included), and then
every built-in pack they leave out. Exits 1 on any miss; 2 when a pack does
not load (said on stderr; the other packs are still tested).`,
		ValidArgsFunction: completePack,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkPackRefs("", cmd.CommandPath(), args); err != nil {
				return err
			}
			var loads []packLoad
			for _, ref := range configPackRefs(args, nil) {
				loads = append(loads, packLoad{load: func() (*rules.Set, error) { return rules.LoadRefs(ref) }})
			}
			if len(args) == 0 {
				cfg, err := loadConfig()
				if err != nil {
					return failErr(err)
				}
				// the set lint runs first, with the config's rule
				// overrides (a rule it disables is not tested): a dict
				// word of the config's pack can cut a built-in rule's
				// phrase out, and each rule is tested once, in the
				// first set that has it
				loads = append(loads, packLoad{load: func() (*rules.Set, error) { return loadPacks(cfg, nil) }, overrides: cfg.Rules})
				for _, name := range rules.BuiltinNames() {
					loads = append(loads, packLoad{load: func() (*rules.Set, error) { return rules.Load(name) }})
				}
			}
			return testRules(cmd.OutOrStdout(), cmd.ErrOrStderr(), loads, verbose)
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "show every example, not only failures")
	return cmd
}

// configPackFiles returns the packs .chatlint.yaml names: the files, and
// the built-in packs it names (none when it names no packs), and the packs
// lint runs. It checks the config's rule overrides against them, as lint
// does: those that name no rule of them, or that a rule cannot take, are
// overrides, every one told, apart from err (the config or its packs do
// not load) so that the config's other problems are told with them.
func configPackFiles() (files []string, cfg *config.Config, set *rules.Set, overrides, err error) {
	cfg, err = loadConfig()
	if err != nil {
		return nil, nil, nil, nil, failErr(err)
	}
	set, err = loadPacks(cfg, nil)
	if err != nil {
		return nil, nil, nil, nil, failErr(err)
	}
	_, overrides = check.Compile(set, check.Options{Segmenter: noSegmenter{}, Overrides: cfg.Rules})
	for _, p := range set.Roots {
		switch {
		case !p.Builtin:
			files = append(files, p.File)
		case len(cfg.Packs) > 0:
			files = append(files, p.Name)
		}
	}
	return files, cfg, set, overrides, nil
}

// packLoad is a set of packs rules test tests, and the rule overrides
// (a config's) it is tested with.
type packLoad struct {
	load      func() (*rules.Set, error)
	overrides map[string]*rules.Override
}

// testRules runs the examples of the rules of each set loads gives, each
// rule once: in the first set that has it.
func testRules(w, ew io.Writer, loads []packLoad, verbose bool) error {
	failures, total, nrules, broken := 0, 0, 0, 0
	seen := map[string]bool{}
	for _, l := range loads {
		// a pack that does not load is told on stderr, as validate tells
		// it, and the other packs are still tested: one run shows all
		set, err := l.load()
		var results []check.RuleExamples
		if err == nil {
			results, err = check.TestExamples(set, nil, l.overrides)
		}
		if err != nil {
			fmt.Fprintf(ew, "chatlint: %s\n", report.ShownLines(err.Error()))
			broken++
			continue
		}
		byID := map[string]rules.PackRule{}
		for _, pr := range set.Rules() {
			byID[pr.FullID()] = pr
		}
		for _, re := range results {
			if seen[re.Rule] {
				continue
			}
			seen[re.Rule] = true
			if !re.Disabled {
				nrules++
			}
			bad := 0
			for _, r := range re.Results {
				total++
				if !r.OK {
					bad++
				}
			}
			failures += bad
			switch {
			case re.Disabled:
				fmt.Fprintf(w, "停用  %s（已被覆盖设置停用，不测试）\n", re.Rule)
			case len(re.Results) == 0:
				fmt.Fprintf(w, "未测  %s（没有例句）\n", re.Rule)
			case bad == 0:
				fmt.Fprintf(w, "通过  %s  %d 个例句\n", re.Rule, len(re.Results))
			default:
				fmt.Fprintf(w, "失败  %s  %d 个例句中 %d 个未通过\n", re.Rule, len(re.Results), bad)
			}
			for _, r := range re.Results {
				if r.OK && !verbose {
					continue
				}
				mark := "  ✓"
				if !r.OK {
					mark = "  ✗"
				}
				fmt.Fprintf(w, "%s %s %s 第 %d 句「%s」%s\n", mark, exampleAt(byID[re.Rule], r), exampleKind(r), r.Index, report.Shown(oneLineExample(r.Example)), exampleVerdict(r))
				if hint := explainHint(byID[re.Rule], r); hint != "" {
					fmt.Fprintf(w, "      查看原因：%s\n", report.Shown(hint))
				}
			}
		}
	}
	fmt.Fprintf(w, "\n%d 条规则，%d 个例句，%d 个未通过\n", nrules, total, failures)
	if broken > 0 {
		fmt.Fprintf(w, "%d 个规则包无法加载，未测试（原因见 stderr）\n", broken)
		return &exitError{code: 2}
	}
	if failures > 0 {
		return &exitError{code: 1}
	}
	return nil
}

// explainHint is the explain command that shows why a bad example of a
// phrase rule (forbid, when) drew no finding, one sentence of the rule's
// role: which phrase was found where, and why it did not count (a word
// boundary, 亲 in 亲自; an except; normalisation). "" for any other result.
func explainHint(pr rules.PackRule, r check.ExampleResult) string {
	if pr.Rule == nil || r.OK || !r.Bad || r.Bonus || len(r.Flagged) > 0 {
		return ""
	}
	if msgs, err := rules.ParseExample(r.Example); err != nil || msgs != nil {
		return "" // a transcript: not one message
	}
	if t := pr.Rule.Type; t != rules.TypeForbid && t != rules.TypeWhen {
		return ""
	}
	args := []string{"chatlint", "explain", "--pack", pr.Pack.Name}
	if !pr.Pack.Builtin {
		args[3] = shellquote.Word(pr.Pack.File)
	}
	if roles := pr.Rule.Role; len(roles) > 0 && roles[0] != "agent" && roles[0] != "any" {
		args = append(args, "--role", shellquote.Word(roles[0]))
	}
	return strings.Join(append(args, shellquote.Word(strings.TrimSpace(r.Example))), " ")
}

// exampleAt says where an example of the rule pr is written: its file and
// line (myshop.yaml:58), or in a built-in pack, which has no file on the
// user's machine, 内置 base.yaml:58 (rules/base.yaml:58 was a path in
// chatlint's source).
func exampleAt(pr rules.PackRule, r check.ExampleResult) string {
	if pr.Pack != nil && pr.Pack.Builtin {
		return fmt.Sprintf("内置 %s:%d", path.Base(r.File), r.Line)
	}
	return fmt.Sprintf("%s:%d", r.File, r.Line)
}

// exampleKind names the list an example is in, as the pack writes it.
func exampleKind(r check.ExampleResult) string {
	if r.Bad {
		return "bad"
	}
	return "good"
}

// exampleVerdict says, in Chinese as the reports do, what an example must
// do and what it did: the findings it drew, with their matches.
func exampleVerdict(r check.ExampleResult) string {
	var want, got string
	switch {
	case r.Bonus && r.Bad:
		want, got = "不应得到加分", "没有得到加分"
	case r.Bonus:
		want, got = "应得到加分", "没有得到加分"
	case r.Bad:
		want, got = "应被标出", "没有被标出"
	default:
		want, got = "不应被标出", "没有被标出"
	}
	if len(r.Flagged) > 0 {
		var msgs []string
		for _, f := range r.Flagged {
			m := f.Message
			if f.Match != "" {
				m += "（匹配「" + f.Match + "」）"
			}
			msgs = append(msgs, m)
		}
		got = "被标出：" + strings.Join(msgs, "；")
		if r.Bonus {
			got = "得到加分：" + strings.Join(msgs, "；")
		}
	}
	return want + "，实际" + got
}

func oneLineExample(s string) string {
	return strings.ReplaceAll(strings.TrimSpace(s), "\n", " ⏎ ")
}

func newRulesValidateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate [FILE]...",
		Short: "Check pack files: schema errors with file:line:column, and warnings",
		Long: `Check pack files. Errors (unknown keys, wrong types, bad durations, invalid
regexes, duplicate ids, …) name file:line:column and exit 2. Warnings point at
rules that load but will not work as written: word-mode phrases gse does not
cut out where the rule's examples use them, except contexts that hold none of
the phrases, rules without examples or source. Errors and warnings go to
stderr; the verdict on each pack (通过) to stdout.
Without arguments, the packs of .chatlint.yaml are checked, or the built-in
packs when it names none.`,
		ValidArgsFunction: completePack,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkPackRefs("", cmd.CommandPath(), args); err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			// the config's rule overrides, when its packs are checked
			var cfgRules map[string]*rules.Override
			// every file is checked: CI validating packs/*.yaml learns
			// of every broken pack in one run
			var errs []error
			if len(args) == 0 {
				files, cfg, set, overrides, err := configPackFiles()
				if err != nil {
					return err
				}
				cfgRules = cfg.Rules
				// every problem of the config at once: its rule
				// overrides, then its thresholds, which lint refuses too
				// (fail_on: warn, a min_score below 0 or over the packs'
				// scoring start), unless a flag takes their place
				if overrides != nil {
					errs = append(errs, overrides)
				}
				if _, err := cfg.FailOnSeverity(); err != nil {
					errs = append(errs, err)
				}
				if err := cfg.MinScoreError(); err != nil {
					errs = append(errs, err)
				} else if cfg.MinScore != nil {
					if err := minOverStart(set, cfg.Where("min_score")+": min_score", *cfg.MinScore, strings.EqualFold(cfg.Input.Format, "canned")); err != nil {
						errs = append(errs, err)
					}
				}
				if overrides != nil {
					// (its packs are not said to pass with overrides
					// that do not apply to them)
					return failErr(errors.Join(errs...))
				}
				if args = files; len(args) == 0 {
					args = rules.BuiltinNames()
				}
			}
			for i, ref := range configPackRefs(args, nil) {
				f := args[i] // (as given: a pack of the config by its name)
				set, err := rules.LoadRefs(ref)
				if err != nil {
					errs = append(errs, err)
					continue
				}
				// the rules that run, as rules list and rules test count
				// them: those an override switches off (the pack's own,
				// or the config's for its packs) are said apart
				n, off := 0, 0
				ovs, err := check.Overrides(set, cfgRules)
				if err != nil {
					// said where the config is checked; the pack's own
					// overrides loaded with it
					ovs, _ = check.Overrides(set, nil)
				}
				for _, pr := range set.Rules() {
					if _, disabled := check.Effective(pr, ovs[pr.FullID()]); disabled {
						off++
					} else {
						n++
					}
				}
				counted := fmt.Sprintf("共 %d 条规则", n)
				if off > 0 {
					counted += fmt.Sprintf("，另有 %d 条已停用", off)
				}
				own := &rules.Set{Roots: set.Roots, Packs: set.Roots}
				warnings, err := check.Warnings(own, nil)
				if err != nil {
					errs = append(errs, err)
					continue
				}
				// a rule taking the id of one its pack extends runs
				// beside it, unless an override switches that one off;
				// and a phrase holding words spaced apart, as a Chinese
				// list is typed ([不行 没办法]), is one phrase
				for _, n := range append(set.ParentIDNotes(cfgRules), set.SpacedPhraseNotes()...) {
					warnings = append(warnings, check.Warning{File: n.Pack.File, Line: n.Line, Rule: n.FullID(), Msg: n.Msg})
				}
				// the warnings are diagnostics, as the errors are: on
				// stderr, in English, file:line first for editors; the
				// verdict on each pack is the report, on stdout
				for _, wn := range warnings {
					fmt.Fprintln(cmd.ErrOrStderr(), report.ShownLines(wn.String()))
				}
				warned := ""
				if len(warnings) > 0 {
					warned = fmt.Sprintf("；%d 条警告，见 stderr", len(warnings))
				}
				fmt.Fprintf(w, "%s: 通过（规则包 %s，连同所扩展的规则包%s%s）\n", report.Shown(f), set.Roots[0].Name, counted, warned)
			}
			if len(errs) > 0 {
				return failErr(errors.Join(errs...))
			}
			return nil
		},
	}
}

func newRulesShowCmd() *cobra.Command {
	var packs []string
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show one rule in full: what it checks, its source regulation, its YAML and examples",
		Long: `Show one rule in full. ID is pack/id, or a bare id when only one active
pack has it; rules of built-in packs that are not active are found too.`,
		Example: `  chatlint rules show base/evasive-phrase
  chatlint rules show slow-reply`,
		Args:              argsExit2(oneRuleID),
		ValidArgsFunction: completeRuleID,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkPackRefs("--pack", "", packs); err != nil {
				return err
			}
			cfg, set, err := activePacks(packs)
			if err != nil {
				return failErr(err)
			}
			found, pr, err := findRule(set, args[0])
			if err != nil {
				return failErr(err)
			}
			return showRule(cmd.OutOrStdout(), found, pr, cfg.Rules, set)
		},
	}
	cmd.Flags().StringArrayVar(&packs, "pack", nil, "rule pack `NAME|FILE`: a built-in pack's name, the name of a pack .chatlint.yaml lists, or a YAML file (repeatable)")
	return cmd
}

// oneRuleID is the args validator of rules show: one rule id.
func oneRuleID(cmd *cobra.Command, args []string) error {
	switch len(args) {
	case 0:
		return fmt.Errorf("%s takes one rule ID, pack/id or id, such as base/evasive-phrase, as 'chatlint rules list' lists them", cmd.CommandPath())
	case 1:
		return nil
	}
	return fmt.Errorf("%s takes one rule ID, not %d: show them one at a time", cmd.CommandPath(), len(args))
}

// ruleSets are the sets a rule id is looked up in: the active packs, then
// every built-in pack.
func ruleSets(active *rules.Set) []*rules.Set {
	sets := []*rules.Set{active}
	for _, name := range rules.BuiltinNames() {
		if s, err := rules.Load(name); err == nil {
			sets = append(sets, s)
		}
	}
	return sets
}

// findRule looks a rule up by pack/id or bare id in the active packs, then
// in every built-in pack; it returns the set it was found in too.
func findRule(active *rules.Set, id string) (*rules.Set, rules.PackRule, error) {
	sets := ruleSets(active)
	for _, set := range sets {
		var found []rules.PackRule
		for _, pr := range set.Rules() {
			if pr.FullID() == id || pr.Rule.ID == id {
				found = append(found, pr)
			}
		}
		switch {
		case len(found) == 1:
			return set, found[0], nil
		case len(found) > 1:
			var ids []string
			for _, pr := range found {
				ids = append(ids, pr.FullID())
			}
			return nil, rules.PackRule{}, fmt.Errorf("rule %q is ambiguous: %s", id, strings.Join(ids, ", "))
		}
	}
	return nil, rules.PackRule{}, fmt.Errorf("no rule %q (%s)", id, ruleHint(sets, id))
}

// ruleHint suggests the rules a mistyped id may mean (meantRules), else
// points at the list.
func ruleHint(sets []*rules.Set, id string) string {
	if meant := meantRules(sets, id); len(meant) > 0 {
		return "did you mean " + strings.Join(meant, " or ") + "?"
	}
	return "see 'chatlint rules list'"
}

// knowsRule reports whether id, a pack/id or a bare id, names a rule of
// one of sets.
func knowsRule(sets []*rules.Set, id string) bool {
	for _, set := range sets {
		for _, pr := range set.Rules() {
			if pr.FullID() == id || pr.Rule.ID == id {
				return true
			}
		}
	}
	return false
}

// meantRules lists the rules (pack/id) a mistyped id may mean, best first
// and a few at most (suggest.Names): near spellings of a pack/id or of a
// bare id (evasive-phrse: base/evasive-phrase), else the ids it begins or
// stands in when it has two letters or more (evasive, claim); a single
// letter (x) is too little to guess from. None when nothing is close.
func meantRules(sets []*rules.Set, id string) []string {
	var cands []suggest.Candidate
	for _, set := range sets {
		for _, pr := range set.Rules() {
			cands = append(cands, suggest.Candidate{Name: pr.FullID(), Keys: []string{pr.FullID(), pr.Rule.ID}})
		}
	}
	return suggest.Names(id, cands)
}

// showRule prints a rule in full with its effective settings: those its
// pack writes, after the overrides of the packs of set and of the config.
// active is the set lint runs: a rule found in another (a built-in pack
// not active) is said not to run, as a disabled one is.
func showRule(w io.Writer, set *rules.Set, pr rules.PackRule, cfgRules map[string]*rules.Override, active *rules.Set) error {
	c, err := check.Describe(pr)
	if err != nil {
		return failErr(err)
	}
	all, err := check.Overrides(set, cfgRules)
	if err != nil {
		return failErr(err)
	}
	ovs := all[pr.FullID()]
	info, disabled := check.Effective(pr, ovs)
	orig := c.Info()
	r := pr.Rule
	// a built-in rule's file is chatlint's own (rules/base.yaml), on no
	// user's machine: it is said to be built in
	if info.Builtin {
		fmt.Fprintf(w, "%s  （%s）\n", info.ID, report.RuleDefinedAt(info))
	} else {
		fmt.Fprintf(w, "%s  (%s)\n", info.ID, report.RuleDefinedAt(info))
	}
	if r.Description != "" {
		fmt.Fprintf(w, "  %s\n", r.Description)
	}
	fmt.Fprintln(w)
	field := func(label, format string, args ...any) {
		pad := strings.Repeat(" ", max(0, 8-report.DisplayWidth(label)))
		fmt.Fprintf(w, "  %s%s%s\n", label, pad, fmt.Sprintf(format, args...))
	}
	if set != active {
		field("未启用", "%s", inactiveNote(pr.Pack.Name, active))
	}
	if disabled {
		field("已停用", "由 %s 停用：该规则不运行", disabledBy(ovs))
	}
	field("类型", "%s", info.Type)
	field("级别", "%s%s", info.Severity, was(info.Severity.String(), orig.Severity.String()))
	if info.Bonus {
		add := fmt.Sprintf("每项 +%g 分", info.Add)
		if info.MaxAdd > 0 {
			add += fmt.Sprintf("，每个会话最多 %g 分", info.MaxAdd)
		}
		field("加分", "%s（总分不超过起始分）", add)
	} else {
		ded, oded := deductText(info), deductText(orig)
		field("扣分", "%s%s", ded, was(ded, oded))
	}
	if info.Fatal || orig.Fatal {
		yn := map[bool]string{true: "是", false: "否"}
		fatal := yn[info.Fatal]
		if info.Fatal {
			fatal += "：出现一项，整个会话即得 0 分"
		}
		field("致命项", "%s%s", fatal, was(yn[info.Fatal], yn[orig.Fatal]))
	}
	for _, o := range ovs {
		field("覆盖", "%s:%d %s", o.File, o.Line, describeOverride(o))
	}
	// a followup's trigger and expect look at messages of their own
	// roles (the customer thanks, the agent acknowledges): both said
	roleList := func(s lint.RoleSet) string { return strings.ReplaceAll(s.String(), ",", "、") }
	if _, expect := check.RuleRoles(r); expect != 0 {
		field("角色", "触发 %s，期望 %s", roleList(info.Roles), roleList(expect))
	} else {
		field("角色", "%s", roleList(info.Roles))
	}
	if c.Local() {
		field("适用", "会话记录和快捷短语库")
	} else {
		field("适用", "会话记录（需要消息的顺序或时间）")
	}
	if r.Source != "" {
		field("依据", "%s", rules.ReadableSource(r.Source))
	}
	fmt.Fprintf(w, "\n%s", indent(pr.Source(), "  "))
	// written with anchors of its pack (<<: *defaults, phrases: *common),
	// the text names what it takes from them: shown written out too
	if resolved := pr.ResolvedSource(); resolved != "" {
		fmt.Fprintf(w, "\n  展开锚点（<<: *名称、*名称）后：\n\n%s", indent(resolved, "    "))
	}
	return nil
}

// inactiveNote says that a rule of the built-in pack named pack does not
// run, its pack not being among those of active (the packs of --pack, of
// .chatlint.yaml or the default), and how to run it.
func inactiveNote(pack string, active *rules.Set) string {
	names := make([]string, len(active.Packs))
	for i, p := range active.Packs {
		names[i] = p.Name
	}
	return fmt.Sprintf("规则包 %s 不在生效的规则包（%s）之中：该规则不运行；要运行它，把 %s 加进 .chatlint.yaml 的 packs，或用 --pack %s",
		pack, strings.Join(names, "、"), pack, pack)
}

// deductText says what a rule's findings cost.
func deductText(i *lint.RuleInfo) string {
	s := fmt.Sprintf("每项 %g 分", i.Deduct)
	if i.MaxDeduct > 0 {
		s += fmt.Sprintf("，每个会话最多 %g 分", i.MaxDeduct)
	}
	return s
}

// was notes the pack's own value of a setting an override changed.
func was(now, orig string) string {
	if now == orig {
		return ""
	}
	return "（规则包原为：" + orig + "）"
}

// describeOverride writes an override's settings as YAML flow: {severity: error, deduct: 2}.
func describeOverride(o *rules.Override) string {
	var parts []string
	if o.Disable != nil {
		parts = append(parts, fmt.Sprintf("disable: %t", *o.Disable))
	}
	if o.Severity != "" {
		parts = append(parts, "severity: "+o.Severity)
	}
	if o.Deduct != nil {
		parts = append(parts, fmt.Sprintf("deduct: %g", *o.Deduct))
	}
	if o.MaxDeduct != nil {
		parts = append(parts, fmt.Sprintf("max_deduct: %g", *o.MaxDeduct))
	}
	if o.Fatal != nil {
		parts = append(parts, fmt.Sprintf("fatal: %t", *o.Fatal))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func indent(s, prefix string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n") + "\n"
}
