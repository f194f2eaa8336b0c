package match

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain simplified stays", "您好。很高兴为您服务", "您好。很高兴为您服务"},
		{"full-width punctuation folds", "您好，亲！", "您好,亲!"},
		{"traditional to simplified", "沒關係，我幫您查一下", "没关系,我帮您查一下"},
		{"traditional phrase table", "乾淨的衣服", "干净的衣服"},
		{"full-width ascii", "ＶＩＰ会员Ｎｏ．１２３", "vip会员no.123"},
		{"ideographic space", "您好　亲", "您好 亲"},
		{"no-break and other unicode spaces", "滚\u00a0别\u2003来\u202f烦\u205f我\u1680", "滚 别 来 烦 我 "},
		{"half-width ideographic punctuation", "没有｡｢好｣､", "没有。「好」、"},
		{"small and vertical forms", "知道了﹗我们也不会﹐您︓", "知道了!我们也不会,您:"},
		{"compatibility ideograph", "这个我也\uF967知道呢", "这个我也不知道呢"},
		{"kangxi radicals", "不\u2F8F，明天\u2F00定能到", "不行,明天一定能到"},
		{"full-width currency", "￥99", "¥99"},
		{"traditional 著 as 着, 著名 kept", "我正忙著，您別著急，著名品牌", "我正忙着,您别着急,著名品牌"},
		{"simplified 坏 is not the variant of 坯", "东西被快递打坏了，一坏就换", "东西被快递打坏了,一坏就换"},
		{"zero-width removed", "不\u200b知\u200d道", "不知道"},
		{"bom and bidi removed", "\ufeff您好\u202e亲", "您好亲"},
		{"latin case folded", "iPhone PRO Max", "iphone pro max"},
		{"case as (?i) sees it: long s, final sigma, Kelvin sign", "EMſ ΣΑΣ σας 5K", "ems σασ σασ 5k"},
		{"titlecase letters", "ǅ ᾈ", "ǆ ᾀ"},
		{"controls removed, tab and newline kept", "a\x00b\tc\nd\x7f", "ab\tc\nd"},
		{"emoji kept", "好的😊", "好的😊"},
		{"emoji between Chinese characters removed", "不😀知道，明天一定😊😊到", "不知道,明天一定到"},
		{"emoji with a skin tone or a zero-width joiner", "我不👍🏻知\u200b👩\u200d💻道", "我不知道"},
		{"emoji next to punctuation, a letter or the end kept", "好的😊，ok😊不🙏", "好的😊,ok😊不🙏"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestFoldCaseOrbits checks that normalisation folds every character as
// RE2's (?i) does: the letters a case-insensitive pattern equates normalise
// alike, so the literal prefilter of a pattern (which looks for its
// normalised literals) cannot miss a text the pattern matches.
func TestFoldCaseOrbits(t *testing.T) {
	bad := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		a, _ := foldRune(r)
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if b, _ := foldRune(f); a != b {
				if bad++; bad <= 10 {
					t.Errorf("%U %q normalises to %q, but %U %q, equal under (?i), to %q", r, r, a, f, f, b)
				}
			}
		}
	}
}

func TestNormalizedOrigSpan(t *testing.T) {
	tests := []struct {
		name, in, find, wantOrig string
	}{
		{"identity", "这个我也不知道", "不知道", "不知道"},
		{"traditional maps back", "這個我也不知道啊", "不知道", "不知道"},
		{"zero width inside match", "我不\u200b知道", "不知道", "不\u200b知道"},
		{"full width maps back", "请拨打４００热线", "400", "４００"},
		{"phrase conversion maps back", "衣服乾淨嗎", "干净", "乾淨"},
		{"case folded maps back", "新款IPHONE到了", "iphone", "IPHONE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n Normalized
			n.Reset(tt.in)
			i := strings.Index(n.Text, tt.find)
			if i < 0 {
				t.Fatalf("%q not in normalised %q", tt.find, n.Text)
			}
			s, e := n.OrigSpan(i, i+len(tt.find))
			if got := tt.in[s:e]; got != tt.wantOrig {
				t.Errorf("OrigSpan → %q, want %q", got, tt.wantOrig)
			}
		})
	}
}

func TestNormalizedReuse(t *testing.T) {
	var n Normalized
	n.Reset("這個ＡＢＣ")
	if n.Text != "这个abc" || n.Identity() {
		t.Fatalf("got %q identity=%v", n.Text, n.Identity())
	}
	n.Reset("普通文本")
	if n.Text != "普通文本" || !n.Identity() {
		t.Fatalf("reuse: got %q identity=%v", n.Text, n.Identity())
	}
	if s, e := n.OrigSpan(3, 6); s != 3 || e != 6 {
		t.Fatalf("identity span = %d,%d", s, e)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"沒關係", "ＡＢＣ", "a\u200bb", "\xff\xfe", "乾淨乾淨", "", "不知道"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var n Normalized
		n.Reset(s)
		if !utf8.ValidString(n.Text) {
			t.Fatalf("normalised text is not valid UTF-8: %q", n.Text)
		}
		if Normalize(n.Text) != n.Text && utf8.ValidString(s) {
			// normalisation is idempotent on its own output, except that the
			// phrase table may apply to characters the first pass produced
			if !strings.ContainsAny(n.Text, "乾") {
				t.Errorf("not idempotent: %q → %q → %q", s, n.Text, Normalize(n.Text))
			}
		}
		// every character boundary maps into the original
		for i := range n.Text {
			for j := i + 1; j <= len(n.Text); j++ {
				if j < len(n.Text) && !utf8.RuneStart(n.Text[j]) {
					continue
				}
				os, oe := n.OrigSpan(i, j)
				if os < 0 || oe > len(s) || os > oe {
					t.Fatalf("OrigSpan(%d,%d) = %d,%d out of range for %q", i, j, os, oe, s)
				}
				if j-i > 12 {
					break
				}
			}
		}
	})
}
