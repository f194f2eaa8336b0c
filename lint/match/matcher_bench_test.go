package match

import (
	"strings"
	"testing"
)

// benchMessages are everyday shop-chat messages: most hold no rule phrase,
// some hold word-mode phrases, a few their traps.
var benchMessages = []string{
	"亲，您好！很高兴为您服务，请问有什么可以帮您？",
	"这款羊毛衫有M码吗？颜色和图片一样吗",
	"这个我也不知道，物流那边没更新",
	"说明书我看不懂，怎么安装啊",
	"好的亲，拍下后请核对一下收货地址，感谢您的支持，祝您生活愉快！",
	"我亲自帮您查一下物流信息，请您稍等",
	"不好意思，这个价格不能再便宜了",
	"肯定能到，百分之百明天到",
	"沒關係，我幫您改成藍色XL",
	"好的",
}

func benchMatcher(b *testing.B) *Matcher {
	var bd Builder
	bd.Add(ListSpec{Phrases: []string{"不知道", "不懂", "不清楚", "我也不懂"}, Mode: Word})
	bd.Add(ListSpec{Phrases: []string{"您好", "亲", "你好"}, Mode: Word})
	bd.Add(ListSpec{Phrases: []string{"不好意思", "不行", "不能便宜"}, Mode: Substring, Except: []string{"不行吗"}})
	bd.Add(ListSpec{Patterns: []string{`(^|[^不])(?P<match>(一定|肯定|百分之百)(能)?(明天)?到)`}})
	bd.Add(ListSpec{Phrases: []string{"改成", "换成", "改地址"}, Mode: Substring})
	m, err := bd.Build(testSegmenter(b))
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// BenchmarkMatcher measures one message's analysis: normalisation, the
// automaton scan, and the hits of every list (gse segments only where a
// word-mode phrase was found).
func BenchmarkMatcher(b *testing.B) {
	m := benchMatcher(b)
	size := 0
	for _, s := range benchMessages {
		size += len(s)
	}
	b.SetBytes(int64(size))
	var t Text
	var hits []Hit
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range benchMessages {
			m.Analyse(&t, s, true)
			for id := range m.lists {
				hits = t.Hits(ListID(id), hits[:0])
			}
		}
	}
}

// BenchmarkNormalize measures normalisation alone (full-width,
// Traditional→Simplified, invisible characters, case).
func BenchmarkNormalize(b *testing.B) {
	text := strings.Join(benchMessages, "")
	b.SetBytes(int64(len(text)))
	var n Normalized
	b.ReportAllocs()
	for b.Loop() {
		n.Reset(text)
	}
}
