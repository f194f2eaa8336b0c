package rules_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/fix"
	"github.com/chatlint/chatlint/rules"
)

// suggestSentences are replies a rule's suggestion is tried on where
// neither its bad examples nor the phrase alone draw the finding, keyed by
// the phrase replaced.
var suggestSentences = map[string][]string{}

// TestSuggestionsMakeNoNewFinding applies each prescribed replacement of
// every built-in pack (a forbid rule's suggest, as --fix does) to a reply
// it fires on, and lints the result again with the pack: the fix must
// draw no finding the reply did not have (callcenter/bu-phrase's 送不了 →
// 无法送达 was a refusal-apology finding its original was not). Each pack
// is tried alone and with the packs it extends. The table is generated:
// every phrase of every suggest map, tried on the rule's bad examples that
// hold it, the phrase alone and suggestSentences.
func TestSuggestionsMakeNoNewFinding(t *testing.T) {
	for _, name := range rules.BuiltinNames() {
		set, err := rules.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		own := map[string]bool{}
		for _, pr := range set.Rules() {
			if pr.Pack.Name == name {
				own[pr.FullID()] = true
			}
		}
		variants := []struct {
			label string
			only  map[string]bool
		}{{name + " alone", own}}
		if len(set.Packs) > 1 {
			variants = append(variants, struct {
				label string
				only  map[string]bool
			}{name + " with the packs it extends", nil})
		}
		for _, v := range variants {
			cs, err := check.Compile(set, check.Options{Only: v.only, Canned: true})
			if err != nil {
				t.Fatal(err)
			}
			w := cs.NewWorker()
			for _, pr := range set.Rules() {
				if pr.Pack.Name != name || len(pr.Rule.Suggest) == 0 {
					continue
				}
				id := pr.FullID()
				for _, phrase := range slices.Sorted(mapKeys(pr.Rule.Suggest)) {
					t.Run(v.label+" "+id+" "+phrase, func(t *testing.T) {
						tried := suggestCandidates(pr.Rule, phrase)
						for _, s := range tried {
							before := lintReply(t, w, s)
							edits := suggestEdits(before.msg, before.findings, id, phrase)
							if len(edits) == 0 {
								continue
							}
							fixed, _, err := fix.Apply(s, edits)
							if err != nil {
								t.Fatal(err)
							}
							after := lintReply(t, w, fixed)
							if added := newFindings(before.findings, after.findings); len(added) > 0 {
								t.Errorf("%s: %q → %q draws %s", id, s, fixed, strings.Join(added, ", "))
							}
							return
						}
						t.Errorf("%s fires on %q in none of %q: add a reply to suggestSentences", id, phrase, tried)
					})
				}
			}
		}
	}
}

func mapKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// suggestCandidates are the replies phrase's suggestion is tried on: the
// rule's bad examples that hold it, suggestSentences' and the phrase alone.
func suggestCandidates(r *rules.Rule, phrase string) []string {
	var out []string
	for _, b := range r.Examples.Bad {
		if strings.Contains(b, phrase) && !strings.Contains(b, "\n") {
			out = append(out, b)
		}
	}
	out = append(out, suggestSentences[phrase]...)
	return append(out, phrase)
}

type linted struct {
	msg      *lint.Message
	findings []lint.Finding
}

// lintReply lints text as one reply of a canned-reply library.
func lintReply(t *testing.T, w lint.Worker, text string) linted {
	t.Helper()
	conv := &lint.Conversation{ID: "c", File: "c", Messages: []lint.Message{{
		Role: lint.Agent, Text: text, Type: lint.TypeText, Conversation: "c", Pos: lint.Pos{File: "c", Line: 1},
	}}}
	findings, _ := w.Check(conv)
	return linted{&conv.Messages[0], findings}
}

// suggestEdits are the edits of the findings of rule id that replace phrase.
func suggestEdits(m *lint.Message, fs []lint.Finding, id, phrase string) []fix.Edit {
	var out []fix.Edit
	for i := range fs {
		f := &fs[i]
		if f.Rule.ID != id || f.Match != phrase {
			continue
		}
		if e, ok := fix.EditOf(m, f); ok {
			out = append(out, e)
		}
	}
	return out
}

// newFindings are the rules that find more in after than in before, with
// what they match.
func newFindings(before, after []lint.Finding) []string {
	count := map[string]int{}
	for _, f := range before {
		count[f.Rule.ID]++
	}
	var out []string
	for _, f := range after {
		if count[f.Rule.ID] > 0 {
			count[f.Rule.ID]--
			continue
		}
		out = append(out, fmt.Sprintf("%s (%q)", f.Rule.ID, f.Match))
	}
	sort.Strings(out)
	return out
}
