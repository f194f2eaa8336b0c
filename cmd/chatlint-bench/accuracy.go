package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"

	"github.com/chatlint/chatlint/internal/benchgen"
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/lint/match/gseref"
	"github.com/chatlint/chatlint/lint/transcript"
	"github.com/chatlint/chatlint/rules"
)

// accResult is the accuracy check on one input: the findings of the fast
// path (chatlint's own segmenter, consulted only where a word-mode phrase
// was found) against those of the reference path (gse itself, loaded with
// its full dictionary, as the segmenter).
type accResult struct {
	input          string
	messages       int
	fast, ref      int // findings
	missing, extra []string
	fastTime       time.Duration
	refTime        time.Duration
}

func (a accResult) ok() bool { return len(a.missing) == 0 && len(a.extra) == 0 }

// checkAccuracy runs the accuracy check in process on a generated corpus
// and, when present, the JDDC sample.
func (b *bench) checkAccuracy() error {
	size, err := benchgen.ParseSize(b.f.accSize)
	if err != nil {
		return err
	}
	inputs := []string{filepath.Join(b.work, "corpus-"+benchgen.FormatSize(size)+"-seed"+strconv.FormatUint(b.f.seed, 10)+genVersion+".jsonl")}
	if _, err := b.ensureCorpus(inputs[0], size); err != nil {
		return err
	}
	jddc := b.f.jddc
	if jddc == "" && b.root != "" {
		jddc = filepath.Join(b.root, "..", "shared", "corpus", "raw", "jddc2019-sample", "chat_0.1per.txt")
		if _, err := os.Stat(jddc); err != nil {
			jddc = ""
		}
	}
	if jddc != "" {
		inputs = append(inputs, jddc)
	}
	set, err := rules.Load(b.f.packs.refs()...)
	if err != nil {
		return err
	}
	fast, err := check.Compile(set, check.Options{})
	if err != nil {
		return err
	}
	var words []match.DictWord
	for _, w := range set.Dict() {
		word, freq, err := rules.ParseDictWord(w)
		if err != nil {
			return err
		}
		words = append(words, match.DictWord{Word: word, Freq: freq})
	}
	b.logf("accuracy: loading the gse reference segmenter (full dictionary)")
	start := time.Now()
	refSeg, err := gseref.New(words)
	if err != nil {
		return err
	}
	b.logf("  loaded in %.1fs", time.Since(start).Seconds())
	ref, err := check.Compile(set, check.Options{Segmenter: refSeg})
	if err != nil {
		return err
	}
	for _, in := range inputs {
		res := accResult{input: in}
		t0 := time.Now()
		fastKeys, n, err := findingKeys(fast, in)
		if err != nil {
			return err
		}
		res.fastTime = time.Since(t0)
		t0 = time.Now()
		refKeys, _, err := findingKeys(ref, in)
		if err != nil {
			return err
		}
		res.refTime = time.Since(t0)
		res.messages, res.fast, res.ref = n, len(fastKeys), len(refKeys)
		res.missing, res.extra = diffKeys(refKeys, fastKeys)
		b.logf("  %s: %d messages, %d findings (fast %.1fs) vs %d (reference %.1fs), %d missing, %d extra",
			filepath.Base(in), n, res.fast, res.fastTime.Seconds(), res.ref, res.refTime.Seconds(), len(res.missing), len(res.extra))
		b.acc = append(b.acc, res)
	}
	return nil
}

// findingKeys lints path with checks and returns one string per finding and
// bonus (conversation, position, rule, column, match, message), sorted.
func findingKeys(checks *check.Set, path string) ([]string, int, error) {
	ctx := context.Background()
	eng := &lint.Engine{Checker: checks, Scoring: checks.Scoring}
	var keys []string
	opts := transcript.Options{Location: time.FixedZone("CST", 8*3600)}
	sum, err := eng.Run(ctx, func(sink lint.Sink) error {
		return transcript.ReadAll(ctx, []string{path}, opts, sink)
	}, func(r *lint.Result) error {
		for _, list := range [][]lint.Finding{r.Findings, r.Bonuses} {
			for _, f := range list {
				m := r.Message(&f)
				keys = append(keys, fmt.Sprintf("%s %s %s:%d %q %s", r.Conversation.ID, m.Pos, f.Rule.ID, f.Column, f.Match, f.Message))
			}
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	sort.Strings(keys)
	return keys, sum.Messages, nil
}

// diffKeys returns the keys of want not in got and of got not in want
// (both sorted; repeated keys count).
func diffKeys(want, got []string) (missing, extra []string) {
	i, j := 0, 0
	for i < len(want) || j < len(got) {
		switch {
		case j == len(got) || i < len(want) && want[i] < got[j]:
			missing = append(missing, want[i])
			i++
		case i == len(want) || got[j] < want[i]:
			extra = append(extra, got[j])
			j++
		default:
			i++
			j++
		}
	}
	return missing, extra
}
