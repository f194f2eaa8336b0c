package match_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"testing"

	"github.com/chatlint/chatlint/internal/benchgen"
	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/rules"
)

// packBench compiles the default pack and generates about 2 MB of
// conversations (the benchmark corpus' generator), returning the matcher and
// the messages' texts.
func packBench(b *testing.B) (*match.Matcher, []string) {
	b.Helper()
	set, err := rules.Load(rules.DefaultPack)
	if err != nil {
		b.Fatal(err)
	}
	cs, err := check.Compile(set, check.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := benchgen.Corpus(&buf, benchgen.Config{Seed: benchgen.DefaultSeed, Size: 2e6}); err != nil {
		b.Fatal(err)
	}
	var texts []string
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec struct {
			Text string `json:"text"`
		}
		if json.Unmarshal(sc.Bytes(), &rec) == nil {
			texts = append(texts, rec.Text)
		}
	}
	return cs.Matcher, texts
}

func textBytes(texts []string) int64 {
	n := 0
	for _, s := range texts {
		n += len(s)
	}
	return int64(n)
}

// BenchmarkPackAnalyse measures normalisation and the automaton scan of
// generated messages with the default pack.
func BenchmarkPackAnalyse(b *testing.B) {
	m, texts := packBench(b)
	b.SetBytes(textBytes(texts))
	var t match.Text
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			m.Analyse(&t, s, true)
		}
	}
}

// BenchmarkPackNormalize measures normalisation alone on generated messages.
func BenchmarkPackNormalize(b *testing.B) {
	_, texts := packBench(b)
	b.SetBytes(textBytes(texts))
	var n match.Normalized
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			n.Reset(s)
		}
	}
}

// BenchmarkPackHits measures the analysis and the hits of every list of the
// default pack on generated messages (more than a real run asks: rules only
// look at some roles' messages).
func BenchmarkPackHits(b *testing.B) {
	m, texts := packBench(b)
	b.SetBytes(textBytes(texts))
	var t match.Text
	var hits []match.Hit
	n := match.NumListsForTest(m)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			m.Analyse(&t, s, true)
			for id := range n {
				hits = t.Hits(match.ListID(id), hits[:0])
			}
		}
	}
}

// BenchmarkPackScan measures the automaton scan of normalised generated
// messages with the default pack.
func BenchmarkPackScan(b *testing.B) {
	m, texts := packBench(b)
	for i, s := range texts {
		texts[i] = match.Normalize(s)
	}
	b.SetBytes(textBytes(texts))
	buf := make([]match.RawHitForTest, 0, 1024)
	for b.Loop() {
		for _, s := range texts {
			match.ScanForTest(m, s, buf)
		}
	}
}
