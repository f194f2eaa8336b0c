package check_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/chatlint/chatlint/internal/accuracy"
	"github.com/chatlint/chatlint/internal/benchgen"
	"github.com/chatlint/chatlint/internal/shared"
	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/rules"
)

// TestFastPathMatchesReference is the accuracy guarantee of the fast path:
// every built-in pack, on a generated corpus (and on the real JDDC sample
// when it is there), gives exactly the findings of a reference run whose
// segmenter is gse itself with its full dictionary.
func TestFastPathMatchesReference(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's full dictionary (seconds): skipped with -short")
	}
	corpus := filepath.Join(t.TempDir(), "corpus.jsonl")
	var buf bytes.Buffer
	if _, err := benchgen.Corpus(&buf, benchgen.Config{Size: 2 << 20, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(corpus, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	inputs := []string{corpus}
	if jddc := shared.Path("corpus", "raw", "jddc2019-sample", "chat_0.1per.txt"); fileExists(jddc) {
		inputs = append(inputs, jddc)
	} else {
		t.Logf("JDDC sample not found (%s): checking the generated corpus only", jddc)
	}
	for _, pack := range rules.BuiltinNames() {
		set, err := rules.Load(pack)
		if err != nil {
			t.Fatal(err)
		}
		fast, ref, err := accuracy.Compile(set)
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range inputs {
			a, b := fastAndReferenceKeys(t, fast, ref, in)
			if len(a) == 0 {
				t.Errorf("%s on %s: no findings at all, the comparison says nothing", pack, in)
			}
			if missing, extra := accuracy.DiffKeys(b, a); len(missing)+len(extra) > 0 {
				t.Errorf("%s on %s: fast path %d findings, reference %d; missing %.3q, extra %.3q", pack, filepath.Base(in), len(a), len(b), missing, extra)
			}
		}
	}
}

// fastAndReferenceKeys lints the input with the fast path and with the
// gse reference, and returns the findings of each (accuracy.FindingKeys).
func fastAndReferenceKeys(t *testing.T, fast, ref *check.Set, in string) (a, b []string) {
	t.Helper()
	a, _, err := accuracy.FindingKeys(fast, in)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err = accuracy.FindingKeys(ref, in)
	if err != nil {
		t.Fatal(err)
	}
	return a, b
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }
