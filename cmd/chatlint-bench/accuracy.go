package main

import (
	"path/filepath"
	"strconv"
	"time"

	"github.com/chatlint/chatlint/internal/accuracy"
	"github.com/chatlint/chatlint/internal/benchgen"
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
	if jddc := b.jddcPath(); jddc != "" {
		inputs = append(inputs, jddc)
	}
	set, err := rules.Load(b.f.packs.refs()...)
	if err != nil {
		return err
	}
	b.logf("accuracy: loading the gse reference segmenter (full dictionary)")
	start := time.Now()
	fast, ref, err := accuracy.Compile(set)
	if err != nil {
		return err
	}
	b.logf("  loaded in %.1fs", time.Since(start).Seconds())
	for _, in := range inputs {
		res := accResult{input: in}
		t0 := time.Now()
		fastKeys, n, err := accuracy.FindingKeys(fast, in)
		if err != nil {
			return err
		}
		res.fastTime = time.Since(t0)
		t0 = time.Now()
		refKeys, _, err := accuracy.FindingKeys(ref, in)
		if err != nil {
			return err
		}
		res.refTime = time.Since(t0)
		res.messages, res.fast, res.ref = n, len(fastKeys), len(refKeys)
		res.missing, res.extra = accuracy.DiffKeys(refKeys, fastKeys)
		b.logf("  %s: %d messages, %d findings (fast %.1fs) vs %d (reference %.1fs), %d missing, %d extra",
			filepath.Base(in), n, res.fast, res.fastTime.Seconds(), res.ref, res.refTime.Seconds(), len(res.missing), len(res.extra))
		b.acc = append(b.acc, res)
	}
	return nil
}
