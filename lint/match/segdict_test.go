package match_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"github.com/chatlint/chatlint/internal/shared"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/lint/match/gseref"
)

// testWords are pack words for the tests with user words: new words and
// dictionary words, with and without a frequency, a duplicate, Latin with a
// space, a single character.
var testWords = []match.DictWord{
	{Word: "七天无理由", Freq: 0},
	{Word: "京东快递", Freq: 5000},
	{Word: "不懂", Freq: 0},
	{Word: "您好亲", Freq: 0},
	{Word: "有什么可以帮您", Freq: 0},
	{Word: "退货", Freq: 100},
	{Word: "退货", Freq: 0},
	{Word: "iPhone15", Freq: 0},
	{Word: "Pro Max", Freq: 0},
	{Word: "客服小U", Freq: 0},
	{Word: "亲", Freq: 0},
	{Word: "订单号", Freq: 3},
	{Word: "无理由退", Freq: 0},
	{Word: "發貨慢", Freq: 0}, // Traditional: normalised to 发货慢
}

// The references load gse fully (about a second and a few hundred MiB each):
// once per test binary.
var (
	refPlain = sync.OnceValues(func() (*gseref.Segmenter, error) { return gseref.New(nil) })
	refWords = sync.OnceValues(func() (*gseref.Segmenter, error) { return gseref.New(testWords) })
)

// pair is a fast segmenter and the gse reference it must agree with.
type pair struct {
	name      string
	fast, ref match.Segmenter
}

func plainPair(t testing.TB) pair {
	t.Helper()
	ref, err := refPlain()
	if err != nil {
		t.Fatal(err)
	}
	fast, err := match.NewSegmenter(nil)
	if err != nil {
		t.Fatal(err)
	}
	return pair{"plain", fast, ref}
}

func wordsPair(t testing.TB) pair {
	t.Helper()
	ref, err := refWords()
	if err != nil {
		t.Fatal(err)
	}
	fast, err := match.NewSegmenter(testWords)
	if err != nil {
		t.Fatal(err)
	}
	return pair{"words", fast, ref}
}

// check reports whether the pair cuts text alike; on a difference it returns
// a description.
func (p pair) check(text string) (string, bool) {
	want := p.ref.Boundaries(nil, text)
	got := p.fast.Boundaries(nil, text)
	if !slices.Equal(got, want) {
		return fmt.Sprintf("%s: %q\n  gse:  %q\n  fast: %q", p.name, text, cut(text, want), cut(text, got)), false
	}
	// every boundary the fast segmenter is sure of without segmenting is one;
	// the boundaries of a text's prefix up to a forced cut are the text's
	if sure, ok := p.fast.(sureBoundary); ok {
		cuts := map[int]bool{}
		for off := 0; off <= len(text); off++ {
			if off < len(text) && !utf8.RuneStart(text[off]) {
				continue
			}
			if sure.SureBoundary(text, off) {
				if _, found := slices.BinarySearch(want, off); !found {
					return fmt.Sprintf("%s: %q: sure of a boundary at %d (%q|%q), gse: %q", p.name, text, off, text[:off], text[off:], cut(text, want)), false
				}
			}
			c := sure.ForcedCut(text, off)
			if c < off || c > len(text) || c < len(text) && !utf8.RuneStart(text[c]) {
				return fmt.Sprintf("%s: %q: forced cut for %d at %d", p.name, text, off, c), false
			}
			cuts[c] = true
		}
		for c := range cuts {
			i, found := slices.BinarySearch(want, c)
			prefix := p.fast.Boundaries(nil, text[:c])
			if !found || !slices.Equal(prefix, want[:i+1]) {
				return fmt.Sprintf("%s: %q: forced cut at %d (%q|%q): prefix %q, gse: %q", p.name, text, c, text[:c], text[c:], cut(text[:c], prefix), cut(text, want)), false
			}
			// and segmenting on from the cut cuts the rest as gse does
			if c > 0 && c < len(text) {
				if on, ok := match.ContinuedBoundariesForTest(p.fast, text, c); ok && !slices.Equal(on, want) {
					return fmt.Sprintf("%s: %q: segmented on from the forced cut at %d: %q, gse: %q", p.name, text, c, cut(text, on), cut(text, want)), false
				}
			}
		}
	}
	return "", true
}

// sureBoundary is the fast segmenter's shortcut for boundaries it can tell
// without segmenting.
type sureBoundary interface {
	SureBoundary(text string, off int) bool
	ForcedCut(text string, off int) int
}

// TestSureBoundary shows which boundaries need no segmentation: those next
// to a character no word holds (punctuation, spaces) and the ends of the
// text, unless a user word holds that character.
func TestSureBoundary(t *testing.T) {
	plain, err := match.NewSegmenter(nil)
	if err != nil {
		t.Fatal(err)
	}
	comma, err := match.NewSegmenter([]match.DictWord{{Word: "好,欢迎"}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		seg  match.Segmenter
		text string
		off  int
		want bool
	}{
		{plain, "您好,欢迎光临", 0, true},
		{plain, "您好,欢迎光临", len("您好"), true},     // before ,
		{plain, "您好,欢迎光临", len("您好,"), true},    // after ,
		{plain, "您好,欢迎光临", len("您"), false},     // inside 您好: unknown
		{plain, "您好,欢迎光临", len("您好,欢迎"), false}, // between words: unknown without segmenting
		{plain, "您好,欢迎光临", len("您好,欢迎光临"), true},
		{plain, "亲!在吗", len("亲"), true},
		{plain, "亲 在吗", len("亲"), true},
		{plain, "亲自去", len("亲"), false},
		{plain, "ok,好的", len("o"), false}, // inside a Latin run
		{plain, "ok,好的", len("ok"), true},
		{plain, "退货😊", len("退货"), false},     // other planes are not looked up
		{comma, "您好,欢迎光临", len("您好"), false}, // a user word holds ,
		{comma, "您好。欢迎光临", len("您好"), true},
	}
	for _, tt := range tests {
		if got := tt.seg.(sureBoundary).SureBoundary(tt.text, tt.off); got != tt.want {
			t.Errorf("SureBoundary(%q, %d) = %v, want %v", tt.text, tt.off, got, tt.want)
		}
	}
}

// cut returns the segments of text between boundaries b.
func cut(text string, b []int) []string {
	var out []string
	for i := 0; i+1 < len(b); i++ {
		if b[i] > b[i+1] || b[i+1] > len(text) {
			return append(out, fmt.Sprint("bad boundaries ", b))
		}
		out = append(out, text[b[i]:b[i+1]])
	}
	return out
}

// TestDictTableMatchesGse checks the embedded table against the dictionary
// gse loads: every token, its frequency (WordFreq), their number and total. It fails
// when gse's s_1.txt changed without `go generate`.
func TestDictTableMatchesGse(t *testing.T) {
	ref, err := refPlain()
	if err != nil {
		t.Fatal(err)
	}
	d := ref.Gse().Dict
	n, total := match.DictSizeForTest()
	if n != d.NumTokens() || total != d.TotalFreq() {
		t.Fatalf("table holds %d words, total %v; gse %d, total %v: run go generate", n, total, d.NumTokens(), d.TotalFreq())
	}
	bad := 0
	for i := range d.Tokens {
		tok := &d.Tokens[i]
		if f := match.WordFreq(tok.Text()); f != tok.Freq() {
			if bad++; bad <= 10 {
				t.Errorf("%q: table freq %v, gse %v", tok.Text(), f, tok.Freq())
			}
		}
	}
	if bad > 0 {
		t.Fatalf("%d words differ: run go generate", bad)
	}
	for _, w := range []string{"看不懂x", "不存在的词语", "zzzz", "4s", "店", "看不", "iphone", "iphone15"} {
		want, _, _ := d.Find([]byte(w)) // 0 when w is no word
		if f := match.WordFreq(w); f != want {
			t.Errorf("%q: table freq %v, gse %v", w, f, want)
		}
	}
}

// TestUnitsMatchGse checks the unit splitting against gse's SplitWords.
func TestUnitsMatchGse(t *testing.T) {
	for _, s := range append(slices.Clone(segSeeds), "abc", "ABC中", "é2x中ΣΩ١٢", "\xff\xfeab", "²³½ⅷ", "a b", " ", "中") {
		var want []int
		end := 0
		for _, u := range gse.SplitWords([]byte(s)) {
			end += len(u)
			want = append(want, end)
		}
		if got := match.UnitEndsForTest(s); !slices.Equal(got, want) {
			t.Errorf("%q: units end at %v, gse %v", s, got, want)
		}
	}
}

// TestSegmenterTotalMatchesGse checks the total frequency distances are
// computed with, with user words shadowing dictionary words.
func TestSegmenterTotalMatchesGse(t *testing.T) {
	for _, p := range []pair{plainPair(t), wordsPair(t)} {
		want := p.ref.(*gseref.Segmenter).Gse().Dict.TotalFreq()
		if got := match.SegmenterTotalForTest(p.fast); got != want {
			t.Errorf("%s: total %v, gse %v", p.name, got, want)
		}
	}
}

// corpusDir holds the shared chat corpora (not part of the repository).
func corpusDir(t testing.TB) string {
	dir := os.Getenv("CHATLINT_CORPUS")
	if dir == "" {
		dir = shared.Path("corpus", "raw")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus folder %s absent (set CHATLINT_CORPUS to the folder holding jddc2019-sample and stc3-weibo-helpdesk-cn): %v", dir, err)
	}
	return dir
}

// corpusTexts returns the message texts of the JD.com and Weibo corpora.
func corpusTexts(t testing.TB) map[string][]string {
	dir := corpusDir(t)
	out := map[string][]string{}

	f, err := os.Open(filepath.Join(dir, "jddc2019-sample", "chat_0.1per.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 7 {
			t.Fatalf("jddc: line %q has %d fields", sc.Text(), len(fields))
		}
		out["jddc"] = append(out["jddc"], fields[6])
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}

	b, err := os.ReadFile(filepath.Join(dir, "stc3-weibo-helpdesk-cn", "test_data_cn.json"))
	if err != nil {
		t.Fatal(err)
	}
	var dialogues []struct {
		Turns []struct {
			Utterances []string `json:"utterances"`
		} `json:"turns"`
	}
	if err := json.Unmarshal(b, &dialogues); err != nil {
		t.Fatalf("weibo: %v", err)
	}
	for _, d := range dialogues {
		for _, turn := range d.Turns {
			out["weibo"] = append(out["weibo"], turn.Utterances...)
		}
	}
	if len(out["jddc"]) < 10000 || len(out["weibo"]) < 1000 {
		t.Fatalf("corpora too small: %d jddc, %d weibo texts", len(out["jddc"]), len(out["weibo"]))
	}
	return out
}

// TestBoundariesMatchGseOnCorpus compares the fast segmenter with gse on
// every message of the corpora, normalised, without and with user words.
// Unnormalised texts are compared too where they hold no NUL byte.
func TestBoundariesMatchGseOnCorpus(t *testing.T) {
	texts := corpusTexts(t)
	for _, p := range []pair{plainPair(t), wordsPair(t)} {
		for _, name := range []string{"jddc", "weibo"} {
			diffs, n := 0, 0
			for _, raw := range texts[name] {
				for _, text := range []string{match.Normalize(raw), raw} {
					if strings.IndexByte(text, 0) >= 0 {
						continue
					}
					n++
					if msg, ok := p.check(text); !ok {
						if diffs++; diffs <= 10 {
							t.Error(msg)
						}
					}
				}
			}
			t.Logf("%s/%s: %d texts, %d differences", p.name, name, n, diffs)
		}
	}
}

// soup returns n random texts made of gse's dictionary words, pieces of
// them and odd characters, to exercise long and overlapping words.
func soup(t testing.TB, n int, seed uint64) []string {
	ref, err := refPlain()
	if err != nil {
		t.Fatal(err)
	}
	tokens := ref.Gse().Dict.Tokens
	rnd := rand.New(rand.NewPCG(seed, 1))
	odd := []string{" ", ",", "!", "?", "。", "~", "😊", "a", "x1", "4", "ok", "é", "\n", "\t", "[", "]", "号", "的"}
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for k := 1 + rnd.IntN(8); k > 0; k-- {
			switch w := tokens[rnd.IntN(len(tokens))].Text(); rnd.IntN(6) {
			case 0:
				b.WriteString(odd[rnd.IntN(len(odd))])
			case 1: // a piece of a word
				r := []rune(w)
				a := rnd.IntN(len(r))
				b.WriteString(string(r[a : a+1+rnd.IntN(len(r)-a)]))
			default:
				b.WriteString(w)
			}
		}
		out[i] = match.Normalize(b.String())
	}
	return out
}

// TestBoundariesMatchGseOnSoup compares the fast segmenter with gse on
// random texts made of dictionary words.
func TestBoundariesMatchGseOnSoup(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 2000
	}
	texts := soup(t, n, 42)
	for _, p := range []pair{plainPair(t), wordsPair(t)} {
		diffs := 0
		for _, text := range texts {
			if msg, ok := p.check(text); !ok {
				if diffs++; diffs <= 10 {
					t.Error(msg)
				}
			}
		}
		if diffs > 0 {
			t.Errorf("%s: %d of %d texts differ", p.name, diffs, len(texts))
		}
	}
}

// TestUserWordsMatchGseOnSoup compares the fast segmenter with gse when the
// user words are random texts too, with and without frequencies.
func TestUserWordsMatchGseOnSoup(t *testing.T) {
	rnd := rand.New(rand.NewPCG(9, 9))
	var words []match.DictWord
	for _, s := range soup(t, 300, 9) {
		if s == "" {
			continue
		}
		w := match.DictWord{Word: s}
		switch rnd.IntN(3) {
		case 0:
			w.Freq = float64(1 + rnd.IntN(1000000))
		case 1:
			w.Freq = float64(1 + rnd.IntN(20))
		}
		words = append(words, w)
	}
	ref, err := gseref.New(words)
	if err != nil {
		t.Fatal(err)
	}
	fast, err := match.NewSegmenter(words)
	if err != nil {
		t.Fatal(err)
	}
	p := pair{"soup words", fast, ref}
	if got, want := match.SegmenterTotalForTest(fast), ref.Gse().Dict.TotalFreq(); got != want {
		t.Errorf("total %v, gse %v", got, want)
	}
	texts := soup(t, 5000, 10)
	for i := 0; i+1 < len(words); i += 2 {
		texts = append(texts, words[i].Word+words[i+1].Word, "好"+words[i].Word+"的")
	}
	diffs := 0
	for _, text := range texts {
		if msg, ok := p.check(text); !ok {
			if diffs++; diffs <= 10 {
				t.Error(msg)
			}
		}
	}
	if diffs > 0 {
		t.Errorf("%d of %d texts differ", diffs, len(texts))
	}
}

// TestDefaultFreqCutsWholeOnSoup adds random texts as words without a
// frequency, all to one segmenter, and checks each is one segment alone.
func TestDefaultFreqCutsWholeOnSoup(t *testing.T) {
	texts := soup(t, 500, 7)
	var words []match.DictWord
	for _, s := range texts {
		if s != "" {
			words = append(words, match.DictWord{Word: s})
		}
	}
	seg, err := match.NewSegmenter(words)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range words {
		if got := seg.Boundaries(nil, w.Word); !slices.Equal(got, []int{0, len(w.Word)}) {
			t.Errorf("%q: cut %q", w.Word, cut(w.Word, got))
		}
	}
}

// segSeeds are sentences for the table test, the fuzz seed corpus and the
// unit test against gse.
var segSeeds = []string{
	"", "我看不懂这个说明书", "看不懂", "不懂", "亲自去一趟", "亲,您好", "您好亲", "您好亲,请问有什么可以帮您",
	"我不知道怎么办", "iPhone15的屏幕坏了", "4S店说要换", "谢谢😊!!", "这个商品七天无理由退货吗?",
	"Pro Max 256G多少钱", "订单号123456789已发货", "α版本和β版本", "ｉｐｈｏｎｅ１５", "發貨太慢了,我要投訴",
	"客服小U在吗", "(单号12345)麻烦稍等,这边帮您核实", "🙏🙏🙏", "a", "1", "。", "\t \n", "京东快递到哪了",
	"退货退款要多久？", "这都看不懂吗亲", "不用了谢谢", "好的亲亲~么么哒", "你们@京东客服 怎么还不发货!!!",
}

// FuzzBoundariesMatchReference compares the fast segmenter with gse on
// arbitrary normalised strings, without and with user words.
func FuzzBoundariesMatchReference(f *testing.F) {
	for _, s := range segSeeds {
		f.Add(s)
	}
	pairs := []pair{plainPair(f), wordsPair(f)}
	f.Fuzz(func(t *testing.T, s string) {
		text := match.Normalize(s)
		if !utf8.ValidString(text) || strings.IndexByte(text, 0) >= 0 {
			t.Fatalf("Normalize(%q) = %q: not valid NUL-free UTF-8", s, text)
		}
		for _, p := range pairs {
			if msg, ok := p.check(text); !ok {
				t.Error(msg)
			}
		}
	})
}
