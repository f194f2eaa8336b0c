package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/chatlint/chatlint/lint/report"
	"github.com/chatlint/chatlint/lint/transcript"
	"github.com/chatlint/chatlint/rules"
)

// flagValues are the values shells offer for the flags that take one of a
// few words, wherever a command has the flag.
var flagValues = map[string]func() []string{
	"format":       report.Formats,
	"input-format": func() []string { return append([]string{"auto"}, transcript.Formats()...) },
	"encoding":     func() []string { return append([]string{"auto"}, transcript.Encodings...) },
	"fail-on":      func() []string { return []string{"error", "warning", "info", "none"} },
	"color":        func() []string { return []string{"auto", "always", "never"} },
	"csv-rows":     func() []string { return report.CSVRowKinds },
	"role":         func() []string { return []string{"agent", "customer", "bot", "system"} },
	"tz":           func() []string { return []string{"Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "UTC", "Local"} },
}

// registerCompletions teaches the shell completion scripts (chatlint
// completion bash|zsh|fish|powershell) the values of chatlint's flags and
// arguments: formats, severities, encodings, built-in packs or pack files,
// and rule ids for rules show.
func registerCompletions(root *cobra.Command) {
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		for name, values := range flagValues {
			if c.Flags().Lookup(name) != nil {
				_ = c.RegisterFlagCompletionFunc(name, fixedValues(values))
			}
		}
		if c.Flags().Lookup("pack") != nil {
			_ = c.RegisterFlagCompletionFunc("pack", completePack)
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// fixedValues completes a flag from a fixed list of words.
func fixedValues(values func() []string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return withPrefix(values(), toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

// completePack offers the built-in packs, the names of the packs
// .chatlint.yaml lists by path (which --pack takes: configPackRefs) and the
// pack files of the working directory, and YAML files anywhere once the
// word looks like a path or begins no pack's name (for --pack and the
// arguments of rules test).
// The built-in names turn the shell's file completion off, so the YAML
// files beside them (a pack written next to the transcripts, myshop.yaml)
// are offered with them, or --pack TAB would offer the built-in packs only.
func completePack(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if strings.ContainsAny(toComplete, "./\\") {
		return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	}
	_, cfgNames := configPacksNamed(nil)
	names := withPrefix(append(rules.BuiltinNames(), cfgNames...), toComplete)
	if len(names) == 0 {
		return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	}
	return append(names, packFilesHere(toComplete)...), cobra.ShellCompDirectiveNoFileComp
}

// packFilesHere lists the .yaml and .yml files of the working directory
// whose names begin with prefix: not hidden ones, nor chatlint's settings
// (chatlint.yaml), which are no pack.
func packFilesHere(prefix string) []string {
	entries, err := os.ReadDir(".")
	if err != nil {
		return nil
	}
	var files []string
	for _, e := range entries {
		name := e.Name()
		ext := strings.ToLower(filepath.Ext(name))
		if !strings.HasPrefix(name, prefix) || strings.HasPrefix(name, ".") || (ext != ".yaml" && ext != ".yml") ||
			strings.EqualFold(strings.TrimSuffix(name, filepath.Ext(name)), "chatlint") {
			continue
		}
		if info, err := os.Stat(name); err == nil && info.Mode().IsRegular() {
			files = append(files, name)
		}
	}
	return files
}

// completeRuleID completes the argument of rules show: the pack/id of every
// rule of the built-in packs and of the packs given with --pack, else of
// those .chatlint.yaml names (as rules show finds them); and, as rules show
// takes a bare id too, the bare id a word without / begins (evas:
// evasive-phrase), or the pack/ids of a bare id that several packs have.
func completeRuleID(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var refs []rules.Ref
	for _, name := range rules.BuiltinNames() {
		refs = append(refs, rules.Ref{Name: name, Dir: "."})
	}
	if packs, _ := cmd.Flags().GetStringArray("pack"); len(packs) > 0 {
		// (--pack myshop: a pack the config lists, by its name)
		refs = append(refs, configPackRefs(packs, nil)...)
	} else if cfg, err := loadConfig(); err == nil {
		// (as the run loads them: a path taken against the config's
		// directory)
		refs = append(refs, cfg.PackEntries()...)
	}
	var ids []string
	packsOf := map[string][]string{} // bare id: its pack/ids
	for _, ref := range refs {
		set, err := rules.LoadRefs(ref)
		if err != nil {
			continue
		}
		for _, pr := range set.Rules() {
			ids = append(ids, pr.FullID())
			if !slices.Contains(packsOf[pr.Rule.ID], pr.FullID()) {
				packsOf[pr.Rule.ID] = append(packsOf[pr.Rule.ID], pr.FullID())
			}
		}
	}
	out := withPrefix(ids, toComplete)
	// (a word begun: with none, the pack/ids alone list every rule)
	if toComplete != "" && !strings.Contains(toComplete, "/") {
		for id, full := range packsOf {
			switch {
			case !strings.HasPrefix(id, toComplete):
			case len(full) == 1:
				out = append(out, id)
			default:
				// ambiguous bare: rules show wants the pack/id
				out = append(out, full...)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out), cobra.ShellCompDirectiveNoFileComp
}

// withPrefix keeps the words starting with prefix.
func withPrefix(words []string, prefix string) []string {
	var out []string
	for _, w := range words {
		if strings.HasPrefix(w, prefix) {
			out = append(out, w)
		}
	}
	return out
}
