package main

import (
	"fmt"
	"strconv"

	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/config"
	"github.com/chatlint/chatlint/rules"
)

// packProblems are the problems of the config cfg that show only against
// the packs that run (those of flagPacks, else of the config): its rule
// overrides that name no rule of them or set what a rule cannot take, each
// at its line (check.Compile tells every one), and a min_score over their
// scoring start (minOverStart, when the score is the config's: minFrom
// says where it is, "" when it is not the config's or is refused already).
// A pack that does not load is the one problem told. lint and rules
// validate join them to the config's other problems, so that a user
// fixing the config learns of all of them in one run, as a broken pack's
// load tells all of its.
func packProblems(cfg *config.Config, flagPacks []string, minFrom string, minScore float64, canned bool) []error {
	set, err := loadPacks(cfg, flagPacks)
	if err != nil {
		return []error{err}
	}
	var errs []error
	if _, err := check.Compile(set, check.Options{Segmenter: noSegmenter{}, Overrides: cfg.Rules, PacksFromFlag: len(flagPacks) > 0}); err != nil {
		errs = append(errs, err)
	}
	if minFrom != "" {
		if err := minOverStart(set, minFrom, minScore, canned); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// minOverStart is the error of a --min-score or min_score (from names it:
// "--min-score", or "FILE:LINE: min_score") over the scoring start of the
// packs of set: a bar no conversation can reach would fail every run. It is
// nil for a score at or below the start.
func minOverStart(set *rules.Set, from string, score float64, canned bool) error {
	start := 100.0
	if s := set.EffectiveScoring().Start; s != nil {
		start = *s
	}
	if score <= start {
		return nil
	}
	what := "conversation"
	if canned {
		what = "reply"
	}
	n := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	return fmt.Errorf("%s %s: no %s scores above %s, the scoring start of the active packs: give a bar from 0 to %s (0: off)",
		from, n(score), what, n(start), n(start))
}
