package check_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/chatlint/chatlint/internal/benchgen"
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/lint/match/gseref"
	"github.com/chatlint/chatlint/lint/transcript"
	"github.com/chatlint/chatlint/rules"
)

// TestFastPathMatchesReference is the accuracy guarantee of the fast path:
// every built-in pack, on a generated corpus (and on the real JDDC sample
// when it is there), gives exactly the findings of a reference run whose
// segmenter is gse itself with its full dictionary, consulted for every
// word-mode candidate.
func TestFastPathMatchesReference(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's full dictionary (seconds): skipped with -short")
	}
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	var buf bytes.Buffer
	if _, err := benchgen.Corpus(&buf, benchgen.Config{Size: 2 << 20, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(corpus, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	inputs := []string{corpus}
	if jddc := "../../../shared/corpus/raw/jddc2019-sample/chat_0.1per.txt"; fileExists(jddc) {
		inputs = append(inputs, jddc)
	} else {
		t.Logf("JDDC sample not found (%s): checking the generated corpus only", jddc)
	}
	for _, pack := range rules.BuiltinNames() {
		set, err := rules.Load(pack)
		if err != nil {
			t.Fatal(err)
		}
		var words []match.DictWord
		for _, w := range set.Dict() {
			word, freq, _ := rules.ParseDictWord(w)
			words = append(words, match.DictWord{Word: word, Freq: freq})
		}
		ref, err := referenceSegmenter(words)
		if err != nil {
			t.Fatal(err)
		}
		fast, err := check.Compile(set, check.Options{})
		if err != nil {
			t.Fatal(err)
		}
		slow, err := check.Compile(set, check.Options{Segmenter: ref})
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range inputs {
			a, b := findings(t, fast, in), findings(t, slow, in)
			if len(a) == 0 {
				t.Errorf("%s on %s: no findings at all, the comparison says nothing", pack, in)
			}
			if fmt.Sprint(a) != fmt.Sprint(b) {
				t.Errorf("%s on %s: fast path %d findings, reference %d; first difference: %s", pack, filepath.Base(in), len(a), len(b), firstDifference(a, b))
			}
		}
	}
}

var refCache = map[string]*gseref.Segmenter{}

// referenceSegmenter loads gse with its full dictionary (once per word list).
func referenceSegmenter(words []match.DictWord) (*gseref.Segmenter, error) {
	key := fmt.Sprint(words)
	if s, ok := refCache[key]; ok {
		return s, nil
	}
	s, err := gseref.New(words)
	if err == nil {
		refCache[key] = s
	}
	return s, err
}

func findings(t *testing.T, cs *check.Set, path string) []string {
	t.Helper()
	ctx := context.Background()
	eng := &lint.Engine{Checker: cs, Scoring: cs.Scoring}
	var keys []string
	_, err := eng.Run(ctx, func(sink lint.Sink) error {
		return readAll(ctx, path, sink)
	}, func(r *lint.Result) error {
		for _, list := range [][]lint.Finding{r.Findings, r.Bonuses} {
			for _, f := range list {
				m := r.Message(&f)
				keys = append(keys, fmt.Sprintf("%s %s %s:%d %q %v", r.Conversation.ID, m.Pos, f.Rule.ID, f.Column, f.Match, f.Deduct))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(keys)
	return keys
}

func firstDifference(a, b []string) string {
	for i := 0; i < len(a) || i < len(b); i++ {
		switch {
		case i >= len(a):
			return "reference has " + b[i]
		case i >= len(b):
			return "fast path has " + a[i]
		case a[i] != b[i]:
			return "fast path " + a[i] + " / reference " + b[i]
		}
	}
	return ""
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

var shanghai = time.FixedZone("CST", 8*3600)

func readAll(ctx context.Context, path string, sink lint.Sink) error {
	return transcript.ReadAll(ctx, []string{path}, transcript.Options{Location: shanghai}, sink)
}
