package match_test

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chatlint/chatlint/lint/match"
)

// segCases are gse's cuts of normalised sentences, without user words and
// with testWords.
var segCases = []struct {
	text, plain, words string
}{
	{"", "", ""},
	// 看不懂 is one word: 不懂 has no boundary inside it
	{"我看不懂这个说明书", "我|看不懂|这个|说明书", "我|看不懂|这个|说明书"},
	{"看不懂", "看不懂", "看不懂"},
	{"这都看不懂吗亲", "这|都|看不懂|吗|亲", "这|都|看不懂|吗|亲"},
	{"不懂", "不|懂", "不懂"},
	// 亲自 is a word, 亲 alone is not inside it
	{"亲自去一趟", "亲自|去一趟", "亲自|去一趟"},
	{"亲,您好", "亲|,|您好", "亲|,|您好"},
	{"您好亲", "您好|亲", "您好亲"},
	{"您好亲,请问有什么可以帮您", "您好|亲|,|请问|有|什么|可以|帮|您", "您好亲|,|请问|有什么可以帮您"},
	{"好的亲亲~么么哒", "好|的|亲亲|~|么|么|哒", "好|的|亲亲|~|么|么|哒"},
	{"我不知道怎么办", "我|不|知道|怎么办", "我|不|知道|怎么办"},
	{"不用了谢谢", "不用|了|谢谢", "不用|了|谢谢"},
	// Latin and digit runs are single units; 4s店 is a dictionary word
	{"iphone15的屏幕坏了", "iphone15|的|屏幕|坏|了", "iphone15|的|屏幕|坏|了"},
	{"4s店说要换", "4s店|说|要|换", "4s店|说|要|换"},
	{"pro max 256g多少钱", "pro| |max| |256g|多少钱", "pro max| |256g|多少钱"},
	{"订单号123456789已发货", "订单号|123456789|已|发货", "订单号|123456789|已|发货"},
	{"α版本和β版本", "α|版本|和|β|版本", "α|版本|和|β|版本"},
	{"客服小u在吗", "客服|小|u|在|吗", "客服小u|在|吗"},
	{"a", "a", "a"},
	{"1", "1", "1"},
	// punctuation, emoji, whitespace
	{"谢谢😊!!", "谢谢|😊|!|!", "谢谢|😊|!|!"},
	{"🙏🙏🙏", "🙏|🙏|🙏", "🙏|🙏|🙏"},
	{"。", "。", "。"},
	{"\t \n", "\t| |\n", "\t| |\n"},
	{"(单号12345)麻烦稍等,这边帮您核实", "(|单号|12345|)|麻烦|稍|等|,|这边|帮|您|核实", "(|单号|12345|)|麻烦|稍|等|,|这边|帮|您|核实"},
	{"【订单号】请您稍候,我帮您查一下~", "【|订单号|】|请|您|稍候|,|我|帮|您|查|一下|~", "【|订单号|】|请|您|稍候|,|我|帮|您|查|一下|~"},
	{"你们@京东客服 怎么还不发货!!!", "你们|@|京东|客服| |怎么|还|不|发货|!|!|!", "你们|@|京东|客服| |怎么|还|不|发货|!|!|!"},
	{"这个商品七天无理由退货吗?", "这个|商品|七天|无|理由|退货|吗|?", "这个|商品|七天无理由|退货|吗|?"},
	{"京东快递到哪了", "京东|快递|到|哪|了", "京东快递|到|哪|了"},
	{"退货退款要多久?", "退货|退款|要|多久|?", "退货|退款|要|多久|?"},
	{"发货太慢了,我要投诉", "发货|太慢|了|,|我|要|投诉", "发货|太慢|了|,|我|要|投诉"},
}

func TestBoundaries(t *testing.T) {
	plain, err := match.NewSegmenter(nil)
	if err != nil {
		t.Fatal(err)
	}
	words, err := match.NewSegmenter(testWords)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range segCases {
		if match.Normalize(c.text) != c.text {
			t.Fatalf("%q is not normalised", c.text)
		}
		for _, x := range []struct {
			seg  match.Segmenter
			want string
		}{{plain, c.plain}, {words, c.words}} {
			b := x.seg.Boundaries(nil, c.text)
			if got := strings.Join(cut(c.text, b), "|"); got != x.want || b[0] != 0 {
				t.Errorf("%q: got %q (%v), want %q", c.text, got, b, x.want)
			}
		}
	}
}

// TestBoundariesTableIsGse checks the table above against gse itself.
func TestBoundariesTableIsGse(t *testing.T) {
	pairs := []pair{plainPair(t), wordsPair(t)}
	for _, c := range segCases {
		for i, p := range pairs {
			want := []string{c.plain, c.words}[i]
			if got := strings.Join(cut(c.text, p.ref.Boundaries(nil, c.text)), "|"); got != want {
				t.Errorf("%s: %q: gse cuts %q, the table says %q", p.name, c.text, got, want)
			}
		}
	}
}

func TestBoundariesAppends(t *testing.T) {
	seg, err := match.NewSegmenter(nil)
	if err != nil {
		t.Fatal(err)
	}
	dst := []int{7, 8}
	if got := seg.Boundaries(dst, ""); !slices.Equal(got, []int{7, 8, 0}) {
		t.Errorf("empty text: got %v, want [7 8 0]", got)
	}
	if got := seg.Boundaries(dst[:2], "看不懂吗"); !slices.Equal(got, []int{7, 8, 0, 9, 12}) {
		t.Errorf("got %v, want [7 8 0 9 12]", got)
	}
}

// TestUnnormalisedText: upper-case Latin is lower-cased as gse does it.
func TestUnnormalisedText(t *testing.T) {
	p := plainPair(t)
	for _, s := range []string{"IPhone15的屏幕", "4S店", "AA制", "OK吗ABC", "發貨", "ＡＢ型"} {
		if msg, ok := p.check(s); !ok {
			t.Error(msg)
		}
	}
}

func TestNewSegmenterErrors(t *testing.T) {
	for _, w := range []match.DictWord{
		{Word: "", Freq: 0},
		{Word: "\u200b", Freq: 0},
		{Word: "亲", Freq: -1},
		{Word: "亲", Freq: 1.5},
		{Word: "亲", Freq: math.NaN()},
		{Word: "亲", Freq: math.Inf(1)},
		{Word: "亲", Freq: match.MaxDictWordFreq + 1},
	} {
		_, err := match.NewSegmenter([]match.DictWord{{Word: "好", Freq: 5}, w})
		if !errors.Is(err, match.ErrInvalidDictWord) {
			t.Errorf("%+v: err = %v, want ErrInvalidDictWord", w, err)
		}
	}
	many := make([]match.DictWord, 9000)
	for i := range many {
		many[i] = match.DictWord{Word: "w" + strconv.Itoa(i), Freq: match.MaxDictWordFreq}
	}
	if _, err := match.NewSegmenter(many); !errors.Is(err, match.ErrInvalidDictWord) {
		t.Errorf("total above 2^53: err = %v, want ErrInvalidDictWord", err)
	}
}

// TestDefaultFreqCutsWhole: a word without a frequency is one segment when
// it stands alone, alone or among other words.
func TestDefaultFreqCutsWhole(t *testing.T) {
	list := []string{
		"不懂", "看不懂了吧", "有什么可以帮您", "的的的", "一二三四五六七八九十", "七天无理由", "无理由退",
		"abc", "pro max", "iphone15的", "😊😊", "亲", "您好亲", "大家好", "中华人民共和国", "好的好的",
		"不知道", "不是不是", "是的是的是的",
	}
	var all []match.DictWord
	for _, w := range list {
		all = append(all, match.DictWord{Word: w})
		seg, err := match.NewSegmenter([]match.DictWord{{Word: w}})
		if err != nil {
			t.Fatal(err)
		}
		if got := seg.Boundaries(nil, w); !slices.Equal(got, []int{0, len(w)}) {
			t.Errorf("%q alone: cut %q", w, cut(w, got))
		}
	}
	seg, err := match.NewSegmenter(all)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range list {
		if got := seg.Boundaries(nil, w); !slices.Equal(got, []int{0, len(w)}) {
			t.Errorf("%q among the others: cut %q", w, cut(w, got))
		}
	}
}

func TestResolveDictWords(t *testing.T) {
	got, err := match.ResolveDictWords([]match.DictWord{
		{Word: "看不懂"}, {Word: "ＡＢ型", Freq: 7}, {Word: "ab型"}, {Word: "發貨"}, {Word: "看不懂", Freq: 9},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Freq < match.WordFreq("看不懂") {
		t.Errorf("看不懂: default %v below the dictionary's %v", got[0].Freq, match.WordFreq("看不懂"))
	}
	want := []match.DictWord{
		{Word: "看不懂", Freq: got[0].Freq}, {Word: "ab型", Freq: 7}, {Word: "ab型", Freq: 7},
		{Word: "发货", Freq: got[3].Freq}, {Word: "看不懂", Freq: got[0].Freq},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got[3].Freq < match.WordFreq("发货") || got[3].Freq < 2 {
		t.Errorf("发货: default %v", got[3].Freq)
	}
	again, err := match.ResolveDictWords(testWords)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range again {
		if w.Freq < 1 || w.Freq != math.Trunc(w.Freq) {
			t.Errorf("%q: freq %v", w.Word, w.Freq)
		}
	}
}

// TestBoundariesConcurrent runs one segmenter from many goroutines (run with
// -race).
func TestBoundariesConcurrent(t *testing.T) {
	seg, err := match.NewSegmenter(testWords)
	if err != nil {
		t.Fatal(err)
	}
	want := make([][]int, len(segCases))
	for i, c := range segCases {
		want[i] = seg.Boundaries(nil, c.text)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var dst []int
			for r := 0; r < 50; r++ {
				for i, c := range segCases {
					dst = seg.Boundaries(dst[:0], c.text)
					if !slices.Equal(dst, want[i]) {
						t.Errorf("%q: got %v, want %v", c.text, dst, want[i])
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

func TestGseVersion(t *testing.T) {
	if v := match.GseVersion(); !strings.HasPrefix(v, "v") || !strings.Contains(v, ".") {
		t.Errorf("GseVersion() = %q", v)
	}
}
