package match

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkSameNormalization compares the normalisation of s with the
// reference implementation: text, first change and offset map.
func checkSameNormalization(t *testing.T, s string) {
	t.Helper()
	var n Normalized
	var ref refNormalized
	n.Reset(s)
	ref.Reset(s)
	if n.Text != ref.Text || n.first != ref.first {
		t.Fatalf("Reset(%q) = %q (first %d), reference %q (first %d)", s, n.Text, n.first, ref.Text, ref.first)
	}
	if got := Normalize(s); got != ref.Text {
		t.Fatalf("Normalize(%q) = %q, reference %q", s, got, ref.Text)
	}
	if n.first < 0 {
		return
	}
	ref.run(true)
	spans := [][2]int{{0, len(n.Text)}, {0, 0}, {len(n.Text) / 2, len(n.Text)}}
	// spans before, up to and across the first change (OrigSpan answers
	// those before it without the offset map)
	for _, end := range []int{n.first - 1, n.first, n.first + 1} {
		for _, start := range []int{0, end - 1, end - 3} {
			if 0 <= start && start <= end && end <= len(n.Text) {
				spans = append(spans, [2]int{start, end})
			}
		}
	}
	for _, span := range spans {
		a, b := n.OrigSpan(span[0], span[1])
		ra, rb := ref.OrigSpan(span[0], span[1])
		if a != ra || b != rb {
			t.Fatalf("OrigSpan(%d, %d) of %q = %d, %d, reference %d, %d", span[0], span[1], s, a, b, ra, rb)
		}
	}
	n.buildOff()
	if !slices.Equal(n.off, ref.off) {
		t.Fatalf("offsets of %q: %v, reference %v", s, n.off, ref.off)
	}
	for _, span := range spans {
		a, b := n.OrigSpan(span[0], span[1])
		ra, rb := ref.OrigSpan(span[0], span[1])
		if a != ra || b != rb {
			t.Fatalf("OrigSpan(%d, %d) of %q = %d, %d, reference %d, %d", span[0], span[1], s, a, b, ra, rb)
		}
	}
}

// normPieces are characters and strings normalisation treats specially.
func normPieces() []string {
	pieces := strings.Split("a|Z|\t|\n|\r|\x00|\x1f|\x7f|\x80|\xff|\xe4\xb8|\xed\xa0\x80|\xc0\xaf|"+
		"，|？|！|Ａ|ｚ|０|　|\u200b|\u200d|\ufeff|\u202e|\u00ad|\u0085|\ufe0f|\U000e0001|"+
		"É|é|Ω|ω|Ⱥ|İ|ſ|K|ǅ|𐐀|😊|👍🏻|🀄|\U0001FAFF|"+
		"❤|❤\ufe0f|★|☆|♥|✨|✔|♪|■|□|○|◯|⭐|⌚|❝|➡|→|〜|～|~|¥|￥|+|℃|㊣|─|\ufe0e|"+
		"沒|關|係|幫|藍|乾|淨|嗎|的|了|不|一|有|么|以|明|您|好|亲", "|")
	for i, p := range t2sPhrases {
		if i%7 == 0 {
			pieces = append(pieces, p.from)
			// a phrase cut short
			r := []rune(p.from)
			pieces = append(pieces, string(r[:len(r)-1]))
		}
	}
	for i := 0; i < len(t2sFrom); i += 50 {
		pieces = append(pieces, string(t2sFrom[i]))
	}
	return pieces
}

func TestNormalizeMatchesReference(t *testing.T) {
	pieces := normPieces()
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkSameNormalization(t, b.String())
	}
	// every rune of the Basic Multilingual Plane, alone and between others
	for c := rune(0); c < 0x10000; c++ {
		s := string(c)
		checkSameNormalization(t, s)
		checkSameNormalization(t, "好"+s+"的")
	}
	for _, p := range t2sPhrases {
		checkSameNormalization(t, "好"+p.from+"的")
	}
}

// TestNormalizeSpacedMatchesReference compares letter-spaced runs, and
// what could pass for one, with the reference: single Chinese characters,
// words, every kind of space, doubled spaces, what normalisation drops or
// folds in between, and the characters of the BMP inside a run.
func TestNormalizeSpacedMatchesReference(t *testing.T) {
	pieces := strings.Split("我|不|知|道|曉|沒|乾|\uF967|⼀|〇|\U00020000|知道|好的|道呢|呢|😀😀|★|❤\ufe0f|\u3000|\u00a0|\u2003|\u205f|\t|\n|"+
		"\u200b|\ufeff|\ufe0f|\x00|\x7f|\u0085|❤|😀|～|，|a|Ａ|1|\xff|\xe4\xb8|\xed\xa0\x80", "|")
	r := rand.New(rand.NewPCG(5, 6))
	for range 50000 {
		var b strings.Builder
		for range r.IntN(24) {
			// a space every other piece or so, as letter-spacing has
			if r.IntN(2) == 0 {
				b.WriteByte(' ')
			} else {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
		}
		checkSameNormalization(t, b.String())
	}
	for c := rune(0); c < 0x10000; c++ {
		s := string(c)
		checkSameNormalization(t, "我 "+s+" 知 道")
		checkSameNormalization(t, "我 不"+s+" 知")
		checkSameNormalization(t, "我 不 知 "+s+"呢")
		checkSameNormalization(t, s+"的 我 不 知")
		checkSameNormalization(t, "我 "+s+" 不 知")
		checkSameNormalization(t, "我 不 "+s+s+" 知")
		// two characters on either side of a space (好的 谢谢), which
		// spaceMayClose passes over when they are all from U+4000 to
		// U+9FFF (s a Chinese character, a hexagram ䷀ or another)
		checkSameNormalization(t, "好"+s+" 知道 呢")
		checkSameNormalization(t, s+"好 知道")
		checkSameNormalization(t, "我 好的 "+s+"道 呢")
		checkSameNormalization(t, "好的 知"+s+" 我")
	}
}

// TestNormalizeSeparatedMatchesReference compares separator runs, and what
// could pass for one, with the reference: single Chinese characters and
// words between separators of every kind (folded ones, repeated ones,
// spaced ones, mixed ones), what may stand next to a run (letters, digits,
// punctuation, decorations, spaces, invisible characters), and the
// characters of the BMP as separators, pieces and neighbours of a run.
func TestNormalizeSeparatedMatchesReference(t *testing.T) {
	seps := []string{"-", "_", ".", "/", `\`, "|", "~", "*", "+", "·", "•", "‧", "・", "…",
		"－", "＿", "．", "／", "～", "＊", "＋", "｜", "﹣", "﹒", "︙",
		"--", "...", "……", "-\u200b-", "-\x00", "—", "〜", ",", "，", "、", ":", " ", "　"}
	pieces := strings.Split("我|不|知|道|曉|乾|\uF967|〇|\U00020000|知道|好的|道呢|我不|不知道|a|Z|Ａ|1|１|😀|★|\u200b|\x00|\t|\xff|\xe4\xb8", "|")
	r := rand.New(rand.NewPCG(7, 8))
	for range 60000 {
		var b strings.Builder
		sep := seps[r.IntN(len(seps))]
		spaced := r.IntN(3) == 0
		for k := range r.IntN(12) {
			if k%2 == 1 {
				// mostly one separator throughout, as a run has
				s := sep
				if r.IntN(6) == 0 {
					s = seps[r.IntN(len(seps))]
				}
				if spaced != (r.IntN(8) == 0) {
					s = " " + s + " "
				}
				b.WriteString(s)
			} else {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
		}
		checkSameNormalization(t, b.String())
	}
	for c := rune(0); c < 0x10000; c++ {
		s := string(c)
		checkSameNormalization(t, "我"+s+"不"+s+"知")
		checkSameNormalization(t, "我 "+s+" 不 "+s+" 知")
		checkSameNormalization(t, "我-"+s+"-知-道")
		checkSameNormalization(t, s+"我-不-知")
		checkSameNormalization(t, "我 - 不 - 知"+s)
		checkSameNormalization(t, "我不.知."+s+"道")
		checkSameNormalization(t, "我"+s+"/不/知"+s+"/")
	}
}

func FuzzNormalizeMatchesReference(f *testing.F) {
	for _, s := range []string{"沒關係，我幫您改成藍色XL", "乾淨的衣服", "不\u200b知道", "这个我不❤\ufe0f知道", "★不☆行★", "1★好评", "a\x00b\xff", "ＶＩＰ会员",
		"这个我 不 知 道", "我　不\u00a0知 道呢", "好的 谢谢", "亲 在吗", "不 行", "我\u200b 不 \x00知 道", "I am not sure",
		"我 不 知 道呢", "这个 不 知 道哦", "好的 我 不 清 楚 谢谢", "我 😀 不 知 道", "不 ❤ 知 道", "我 😀\x00😀 不 ★ 知 道的", "你 好 我想问一下",
		"不-知-道", "我不.知.道呢", "不 / 知 / 道", "我……不……知……道", "不－知-道", "不-知.道", "型号A-红-大-小", "红 - 大 - 小 - 1",
		"颜色有红/黄/蓝三种", "好的...好的...好的", "12.5元/件", "甲-乙丙-丁-戊", "我 不-知-道 呢",
		"不\u0301知道", "不\u0336知\u0336道\u0336", "cafe\u0301不\u20dd行", "我 \u0301 不 知 道", "妳甚麼意思", "等著名品牌",
		"別 著 急", "甚😀麼", "甚\u200b麼意思", "甚-麼-意-思", "有😀著", "回\u200b覆", "耐克等\u200b著名品牌", "七\u200b逕",
		"不👍🏻知道", "不\u200d知道", "👩\u200d💻 不 知 道", "不 ✌🏻 知 道", "甚👨\u200d👩\u200d👧麼"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSameNormalization(t, s)
	})
}

// BenchmarkNormalizeVsReference compares normalisation with the reference
// implementation on the benchmark messages.
func BenchmarkNormalizeVsReference(b *testing.B) {
	text := strings.Join(benchMessages, "")
	b.Run("fast", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		var n Normalized
		for b.Loop() {
			for _, s := range benchMessages {
				n.Reset(s)
			}
		}
	})
	b.Run("reference", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		var n refNormalized
		for b.Loop() {
			for _, s := range benchMessages {
				n.Reset(s)
			}
		}
	})
}

// TestLookupT2S compares the rank lookup with a search of t2sFrom for every
// character.
func TestLookupT2S(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		want, wantOK := r, false
		if i, found := slices.BinarySearch(t2sFrom[:], r); found {
			want, wantOK = t2sTo[i], true
		}
		if got, ok := lookupT2S(r); got != want || ok != wantOK {
			t.Fatalf("lookupT2S(%U) = %U, %v; want %U, %v", r, got, ok, want, wantOK)
		}
	}
}

// TestFoldRuneEmoji: foldRune keeps the emoji (isEmoji) as they are, as
// its general path (the spaces, invisible characters, compatibility forms,
// Simplified forms and case folding of the supplementary planes) would.
func TestFoldRuneEmoji(t *testing.T) {
	for r := rune(0x1F000); r <= 0x1FAFF; r++ {
		if spaceRune(r) || invisible(r) {
			t.Fatalf("%U: a space or invisible", r)
		}
		if _, ok := compatForm(r); ok {
			t.Fatalf("%U: a compatibility form", r)
		}
		if _, ok := lookupT2S(r); ok {
			t.Fatalf("%U: a Traditional character", r)
		}
		if f := foldCase(r); f != r {
			t.Fatalf("%U: folds to %U", r, f)
		}
		if out, keep := foldRune(r); out != r || !keep {
			t.Fatalf("foldRune(%U) = %U, %v", r, out, keep)
		}
	}
}
