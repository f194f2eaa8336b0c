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
	return defaultPackTexts(b, 2e6)
}

// defaultPackTexts compiles the default pack and generates about size bytes
// of conversations, returning the matcher and the messages' texts.
func defaultPackTexts(tb testing.TB, size int64) (*match.Matcher, []string) {
	tb.Helper()
	set, err := rules.Load(rules.DefaultPack)
	if err != nil {
		tb.Fatal(err)
	}
	cs, err := check.Compile(set, check.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := benchgen.Corpus(&buf, benchgen.Config{Seed: benchgen.DefaultSeed, Size: size}); err != nil {
		tb.Fatal(err)
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

// TestHasAgreesWithHits: Has, which stops at the first pattern match that
// counts, says a list matches exactly when Hits finds something, for every
// list of the default pack on generated messages (with their except
// contexts and word-boundary traps) and a few messages made to hit many
// patterns; asked in either order on the same analysed text.
func TestHasAgreesWithHits(t *testing.T) {
	m, texts := defaultPackTexts(t, 3e5)
	texts = append(texts,
		"我想把L码改成XL，地址改成杭州市西湖区文三路[数字x]号，下周一再送",
		"如果到时候可以改成退货吗",
		"亲，明天一定能到，百分之百没问题，保证合适",
		"颜色和图片一样吗？进货价多少",
	)
	checked := hasAgreesWithHits(t, m, texts)
	if checked < 1000 {
		t.Errorf("only %d matches among %d messages: the test tests little", checked/2, len(texts))
	}

	// except contexts around pattern matches, word-mode phrases with
	// patterns
	seg, err := match.NewSegmenter(nil)
	if err != nil {
		t.Fatal(err)
	}
	var bd match.Builder
	bd.Add(match.ListSpec{Patterns: []string{`改成.`, `换成.`}, Except: []string{"改成功", "换成功"}})
	bd.Add(match.ListSpec{Phrases: []string{"不懂"}, Patterns: []string{`懂.{0,2}吗`}, Mode: match.Word, Except: []string{"看不懂吗"}})
	m, err = bd.Build(seg)
	if err != nil {
		t.Fatal(err)
	}
	if n := hasAgreesWithHits(t, m, []string{"地址改成功了", "地址改成功了，颜色换成红色", "我看不懂吗", "我不懂，你懂了吗", "看不懂"}); n != 4 {
		t.Errorf("%d of the made-up messages match, want 2", n/2)
	}
}

// hasAgreesWithHits checks Has against Hits for every list of m on every
// text and returns how often the list matched (twice per match: Has asked
// first, then Hits first).
func hasAgreesWithHits(t *testing.T, m *match.Matcher, texts []string) int {
	t.Helper()
	lists := match.NumListsForTest(m)
	var tx match.Text
	checked := 0
	for _, s := range texts {
		for id := range lists {
			for _, hasFirst := range []bool{true, false} {
				m.Analyse(&tx, s, true)
				var has bool
				var hits []match.Hit
				if hasFirst {
					has = tx.Has(match.ListID(id))
					hits = tx.Hits(match.ListID(id), nil)
				} else {
					hits = tx.Hits(match.ListID(id), nil)
					has = tx.Has(match.ListID(id))
				}
				if has != (len(hits) > 0) {
					t.Fatalf("list %d on %q: Has %v, Hits %v", id, s, has, hits)
				}
				if has {
					checked++
				}
			}
		}
	}
	return checked
}

// FuzzHasAgreesWithHits: on any text, Has says a list of the default pack
// matches exactly when Hits finds something.
func FuzzHasAgreesWithHits(f *testing.F) {
	for _, s := range []string{
		"我想把L码改成XL，地址改成杭州市西湖区文三路[数字x]号，下周一再送",
		"如果到时候可以改成退货吗",
		"亲，明天一定能到，百分之百没问题，保证合适",
		"说明书我看不懂，我也不知道",
		"地址改成功了，颜色换成红色",
		"👍🏻亲，明天👩\u200d💻一定能到，小美✌🏻保证",
	} {
		f.Add(s)
	}
	m, _ := defaultPackTexts(f, 0)
	f.Fuzz(func(t *testing.T, s string) {
		hasAgreesWithHits(t, m, []string{s})
	})
}
