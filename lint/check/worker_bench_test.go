package check_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/transcript"
	"github.com/chatlint/chatlint/rules"
)

// BenchmarkWorkerCheck times the rule checks alone (worker.Check) with the
// default packs on the conversations of CHATLINT_CHECK_BENCH (a JSONL
// corpus, e.g. bench/out/corpus-20MB-seed1-v2.jsonl), read and prepared
// once before timing: the check-side cost that a whole-run benchmark mixes
// with reading, matching and reporting. Skipped without the variable.
func BenchmarkWorkerCheck(b *testing.B) {
	path := os.Getenv("CHATLINT_CHECK_BENCH")
	if path == "" {
		b.Skip("CHATLINT_CHECK_BENCH not set")
	}
	set, err := rules.Load(rules.DefaultPack)
	if err != nil {
		b.Fatal(err)
	}
	cs, err := check.Compile(set, check.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var convs []*lint.Conversation
	eng := &lint.Engine{Checker: cs, Scoring: cs.Scoring, Jobs: 2}
	opts := transcript.Options{Location: time.FixedZone("CST", 8*3600)}
	if _, err := eng.Run(ctx, func(sink lint.Sink) error {
		return transcript.ReadAll(ctx, []string{path}, opts, sink)
	}, func(r *lint.Result) error {
		convs = append(convs, r.Conversation)
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		w := cs.NewWorker()
		for _, c := range convs {
			w.Check(c)
		}
	}
}
