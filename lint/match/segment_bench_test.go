package match_test

import (
	"testing"

	"github.com/chatlint/chatlint/lint/match"
)

// benchSentences are customer-service chat messages of the kind the linter
// reads (written for the benchmark, not taken from a corpus).
var benchSentences = []string{
	"您好,请问有什么可以帮您的吗?",
	"亲,您的订单已经发货了,预计明天下午送达哦~",
	"我看不懂这个说明书,能不能教我一下怎么安装",
	"这个商品支持七天无理由退货吗?包装拆了还能退吗",
	"亲亲,非常抱歉给您带来不便,我这边马上为您处理",
	"快递三天了还没到,你们到底怎么回事!!!",
	"iphone15的屏幕有划痕,可以换货吗",
	"麻烦您提供一下订单号,我帮您查询一下物流信息",
	"不知道为什么一直显示支付失败,钱已经扣了",
	"好的,谢谢",
	"已经申请退款了,请问多久能到账?",
	"您好,退款会在1-3个工作日原路退回到您的支付账户",
	"这个价格能不能再便宜点,我买两件",
	"亲,目前活动价已经是最低价了哦,满299还可以减30",
	"发票可以开公司抬头吗?需要增值税专用发票",
	"4s店说这个配件要等一个月,你们有现货吗",
	"客服在吗?怎么没人回复",
	"抱歉让您久等了,现在咨询的人比较多😊",
	"收到的衣服尺码不对,我要换大一号的",
	"好的亲,您直接在订单页面申请换货,选择上门取件就可以了",
	"你们这服务态度也太差了吧,我要投诉",
	"非常理解您的心情,我们会尽快给您一个满意的答复",
	"地址填错了,能帮我改一下收货地址吗",
	"请问这款洗衣机是变频的吗?噪音大不大",
	"嗯嗯,明白了,那我再等等看",
}

func benchBytes() int {
	n := 0
	for _, s := range benchSentences {
		n += len(s)
	}
	return n
}

func normalised(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = match.Normalize(s)
	}
	return out
}

// BenchmarkNewSegmenter measures start-up: creating a segmenter and cutting
// the first message.
func BenchmarkNewSegmenter(b *testing.B) {
	for _, bc := range []struct {
		name  string
		words []match.DictWord
	}{{"plain", nil}, {"words", testWords}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			var dst []int
			for i := 0; i < b.N; i++ {
				seg, err := match.NewSegmenter(bc.words)
				if err != nil {
					b.Fatal(err)
				}
				dst = seg.Boundaries(dst[:0], benchSentences[0])
			}
		})
	}
}

// BenchmarkBoundaries measures segmentation throughput (MB/s) on chat
// sentences.
func BenchmarkBoundaries(b *testing.B) {
	texts := normalised(benchSentences)
	for _, bc := range []struct {
		name  string
		words []match.DictWord
	}{{"plain", nil}, {"words", testWords}} {
		b.Run(bc.name, func(b *testing.B) {
			seg, err := match.NewSegmenter(bc.words)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(benchBytes()))
			b.ReportAllocs()
			var dst []int
			for i := 0; i < b.N; i++ {
				for _, s := range texts {
					dst = seg.Boundaries(dst[:0], s)
				}
			}
		})
	}
}

// BenchmarkBoundariesParallel is BenchmarkBoundaries on all CPUs.
func BenchmarkBoundariesParallel(b *testing.B) {
	texts := normalised(benchSentences)
	seg, err := match.NewSegmenter(nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(benchBytes()))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		var dst []int
		for pb.Next() {
			for _, s := range texts {
				dst = seg.Boundaries(dst[:0], s)
			}
		}
	})
}

// BenchmarkBoundariesCorpus measures throughput on the shared corpora's
// normalised messages (skipped without them).
func BenchmarkBoundariesCorpus(b *testing.B) {
	var texts []string
	n := 0
	for _, list := range corpusTexts(b) {
		for _, s := range normalised(list) {
			texts = append(texts, s)
			n += len(s)
		}
	}
	seg, err := match.NewSegmenter(nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	var dst []int
	for i := 0; i < b.N; i++ {
		for _, s := range texts {
			dst = seg.Boundaries(dst[:0], s)
		}
	}
}

// BenchmarkBoundariesGse is gse's own Segment on the same sentences, for
// comparison (loads gse fully first).
func BenchmarkBoundariesGse(b *testing.B) {
	texts := normalised(benchSentences)
	ref := plainPair(b).ref
	b.SetBytes(int64(benchBytes()))
	b.ReportAllocs()
	b.ResetTimer()
	var dst []int
	for i := 0; i < b.N; i++ {
		for _, s := range texts {
			dst = ref.Boundaries(dst[:0], s)
		}
	}
}
