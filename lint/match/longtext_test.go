package match

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// longTextSentences are sentences with word-mode traps, except contexts
// and pattern matches, joined into long messages below.
var longTextSentences = []string{
	"这个我也不知道", "说明书我看不懂", "不行的话可以换货", "这样真的不行", "我亲自帮您查一下",
	"亲，您好", "如果还是不行您可以申请售后", "一定能到", "我不能帮您改价", "VIP会员",
	"不知道您是否满意", "好的", "",
}

// TestMatcherLongMessageSameAsParts checks that a long message finds exactly
// the hits of its sentences read one by one, at the same columns: the
// except-context search, the segmentation continued stretch by stretch and
// the columns counted on from hit to hit must agree with reading each
// sentence alone.
func TestMatcherLongMessageSameAsParts(t *testing.T) {
	var b Builder
	lists := []ListID{
		b.Add(ListSpec{Phrases: []string{"不知道", "不懂", "不行", "亲"}, Except: []string{"不行的话", "还是不行", "不知道您"}, Mode: Word}),
		b.Add(ListSpec{Phrases: []string{"不知道", "不懂"}, Mode: Substring}),
		b.Add(ListSpec{Patterns: []string{"我(不能|不会)", "(?i)vip"}, Except: []string{"我不能理解"}}),
	}
	m, err := b.Build(testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	read := func(text string) []string {
		var tx Text
		m.Analyse(&tx, text, true)
		var out []string
		for i, id := range lists {
			for _, h := range tx.Hits(id, nil) {
				out = append(out, fmt.Sprintf("%d:%s@%d", i, h.Text, h.Column))
			}
		}
		return out
	}
	rng := rand.New(rand.NewSource(1))
	for _, n := range []int{1, 7, 300, 3000} {
		var long strings.Builder
		want := make([][]string, len(lists))
		col := 0
		for k := 0; k < n; k++ {
			s := longTextSentences[rng.Intn(len(longTextSentences))]
			for _, h := range read(s) {
				var i, c int
				var text string
				fmt.Sscanf(strings.NewReplacer(":", " ", "@", " ").Replace(h), "%d %s %d", &i, &text, &c)
				want[i] = append(want[i], fmt.Sprintf("%d:%s@%d", i, text, c+col))
			}
			long.WriteString(s + "。")
			col += utf8.RuneCountInString(s) + 1
		}
		var flat []string
		for _, w := range want {
			flat = append(flat, w...)
		}
		got := read(long.String())
		if strings.Join(got, " ") != strings.Join(flat, " ") {
			t.Fatalf("%d sentences: the long message's hits differ from its sentences'\n got %d: %.300s\nwant %d: %.300s", n, len(got), strings.Join(got, " "), len(flat), strings.Join(flat, " "))
		}
	}
}

// BenchmarkLongMessage reads one message of n repeats of a sentence with
// phrases, except contexts and word-mode candidates: the time per repeat
// must stay flat as n grows (it was quadratic in the hits).
func BenchmarkLongMessage(b *testing.B) {
	var bl Builder
	id := bl.Add(ListSpec{Phrases: []string{"不知道", "不行"}, Except: []string{"不行的话"}, Mode: Word})
	m, err := bl.Build(testSegmenter(b))
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{100, 1000, 10000} {
		text := strings.Repeat("不知道，不行的话，这个不行。", n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var tx Text
			var hs []Hit
			for i := 0; i < b.N; i++ {
				m.Analyse(&tx, text, true)
				hs = tx.Hits(id, hs[:0])
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/repeat")
		})
	}
}
