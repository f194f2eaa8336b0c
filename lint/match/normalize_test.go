package match

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/runenames"
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
		{"no-break and other unicode spaces", "好的\u00a0别\u2003来了\u202f烦\u205f我们\u1680", "好的 别 来了 烦 我们 "},
		{"half-width ideographic punctuation", "没有｡｢好｣､", "没有。「好」、"},
		{"small and vertical forms", "知道了﹗我们也不会﹐您︓", "知道了!我们也不会,您:"},
		{"compatibility ideograph", "这个我也\uF967知道呢", "这个我也不知道呢"},
		{"kangxi radicals", "不\u2F8F，明天\u2F00定能到", "不行,明天一定能到"},
		{"full-width currency", "￥99", "¥99"},
		{"traditional 著 as 着, 著名 kept", "我正忙著，您別著急，著名品牌", "我正忙着,您别着急,著名品牌"},
		{"variants Simplified merged: 妳 牠 粧", "妳好，妳們的貓咪牠很乖，彩粧", "你好,你们的猫咪它很乖,彩妆"},
		{"甚麼 and its variant spellings are 什么", "妳甚麼意思？甚麽時候到，甚么都没有，甚鉅", "你什么意思?什么时候到,什么都没有,甚钜"},
		{"simplified 著名, 著作 after a key of the particle kept", "耐克等著名品牌，本店享有著作权，跟著名设计师合作", "耐克等著名品牌,本店享有著作权,跟著名设计师合作"},
		{"the particle before other words still 着", "等著吧，別著急，跟著我", "等着吧,别着急,跟着我"},
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
		// decorative symbols of the BMP (So: hearts, stars, notes, check
		// marks, sparkles, shapes) between two Chinese characters are
		// decoration, as emoji are
		{"heart inside a word", "这个我不❤知道", "这个我不知道"},
		{"heart with VS16", "这个我不❤️知道呢", "这个我不知道呢"},
		{"heart with VS15", "这个我不❤︎知道呢", "这个我不知道呢"},
		{"stars", "亲，这个真的不★知道，换货不☆行", "亲,这个真的不知道,换货不行"},
		{"suit heart, note, sparkles, check mark", "我们不♥知道，小妹不♪知道，真不✨知道，这样不✔行", "我们不知道,小妹不知道,真不知道,这样不行"},
		{"shapes, black star emoji, weather", "不■知道，不●行，不⭐知道，不☀知道", "不知道,不行,不知道,不知道"},
		{"symbols and emoji mixed", "我不★😀♥知道", "我不知道"},
		// a Chinese character takes no accent: a combining mark on one is
		// decoration too, one on a letter is part of it
		{"accent between Chinese characters", "我不\u0301知道，不\u0336知\u0336道\u0336", "我不知道,不知道\u0336"},
		{"stacked marks and an enclosing circle", "这个不\u0310\u0334\u0327知道，不\u20dd行", "这个不知道,不行"},
		{"marks on letters, a keycap and a CGJ kept", "cafe\u0301，第1\ufe0f\u20e3名，e\u034f\u0301", "cafe\u0301,第1\u20e3名,e\u0301"},
		{"symbol at start and end kept", "★这个不知道❤", "★这个不知道❤"},
		{"symbol next to punctuation kept", "好的亲❤，马上发货★！", "好的亲❤,马上发货★!"},
		{"symbol next to a digit or a letter kept", "1★好评，给个5★好评，vip★会员", "1★好评,给个5★好评,vip★会员"},
		{"symbol between spaces kept", "不 ★ 知道", "不 ★ 知道"},
		{"currency kept", "价格¥99，原价¥九十九，特价￥九十", "价格¥99,原价¥九十九,特价¥九十"},
		{"math symbols kept", "套餐=流量+通话，会员价<原价，满百减十%", "套餐=流量+通话,会员价<原价,满百减十%"},
		{"tilde kept", "好的～亲，周一～周五都发货，不〜知道", "好的~亲,周一~周五都发货,不〜知道"},
		{"arrows kept", "广州→北京，设置➡通用", "广州→北京,设置➡通用"},
		{"white circle as zero and placeholders kept", "二○二六年，张□□先生，王◯◯女士", "二○二六年,张□□先生,王◯◯女士"},
		{"letterlike symbols kept", "最高三十℃左右，客服℡电话", "最高三十℃左右,客服℡电话"},
		{"ornamental quotation marks kept", "他说❝不知道❞就走了", "他说❝不知道❞就走了"},
		{"CJK punctuation kept", "好的、亲。您看〒邮编", "好的、亲。您看〒邮编"},
		{"enclosed ideographs kept", "正品㊣保证，价格㊙密", "正品㊣保证,价格㊙密"},
		// letter-spaced runs: three or more single Chinese characters, one
		// space between each two, are one word spaced out
		{"letter-spaced phrase", "我 不 知 道", "我不知道"},
		{"letter-spaced three characters", "滚 出 去，别 来", "滚出去,别 来"},
		{"letter-spaced with ideographic spaces", "我　不　知　道", "我不知道"},
		{"letter-spaced with no-break and em spaces", "我\u00a0不\u2003知\u00a0道", "我不知道"},
		{"letter-spaced run ends at punctuation", "亲，这 个 真 不 清 楚。好的", "亲,这个真不清楚。好的"},
		{"letter-spaced traditional", "我 不 曉 得", "我不晓得"},
		{"letter-spaced with invisible characters", "我\u200b 不 \u200d知\ufeff 道", "我不知道"},
		{"two runs", "不 知 道 啊 我 也 不 清 楚", "不知道啊我也不清楚"},
		{"space between two words kept", "好的 谢谢", "好的 谢谢"},
		{"space after a one-character word kept", "亲 在吗", "亲 在吗"},
		{"space before a word kept", "我 不知道", "我 不知道"},
		{"two single characters kept", "不 行", "不 行"},
		{"two single characters then a word kept", "我 不 知道", "我 不 知道"},
		{"two single characters each side of a word kept", "你 好 亲爱的 在 吗", "你 好 亲爱的 在 吗"},
		// a run of three letters or more takes in a word of two characters
		// one space beyond either end: 道呢, 道的 end the run
		{"run of three before a particle", "我 不 知 道呢", "我不知道呢"},
		{"run of three before a word ending in 的", "我 不 知 道的，亲", "我不知道的,亲"},
		{"run of three after a word", "哎呀 我 不 清 楚", "哎呀我不清楚"},
		{"run of three between words", "好的 我 不 清 楚 谢谢", "好的我不清楚谢谢"},
		{"run of three after a longer word kept", "这个我 不 知 道", "这个我 不知道"},
		{"run of three before a longer word kept", "天 知 道 什么时候到", "天知道 什么时候到"},
		{"run of three, a longer word after its last character kept", "我 不 知 道的话", "我不知 道的话"},
		{"run of three with invisible characters before a word", "我 不 知\u200b 道呢", "我不知道呢"},
		{"two letters after a word kept", "这个 不 知 道哦", "这个 不 知 道哦"},
		{"two letters before a word kept", "你 好 我想问一下", "你 好 我想问一下"},
		{"one letter before a word kept", "不 行吧", "不 行吧"},
		{"three letters kept", "嗯 好 的", "嗯好的"},
		{"run of three, two spaces before a word kept", "我 不 知  道呢", "我不知  道呢"},
		{"run of three, punctuation before a word kept", "我 不 知，道呢", "我不知,道呢"},
		// a decoration standing alone between two spaces of a run goes
		// with them
		{"emoji inside a run", "我 😀 不 知 道", "我不知道"},
		{"heart inside a run", "不 ❤ 知 道", "不知道"},
		{"heart with VS16 inside a run", "不 ❤\ufe0f 知 道", "不知道"},
		{"two emoji inside a run", "我 😀😀 不 ★ 知 道", "我不知道"},
		{"emoji inside a run before a particle", "我 不 😀 知 道呢", "我不知道呢"},
		{"emoji between two letters kept", "我 😀 不", "我 😀 不"},
		{"emoji between two letters and a word kept", "我 😀 不 知道", "我 😀 不 知道"},
		{"emoji at the end of a run kept", "我 不 知 😀", "我不知 😀"},
		{"emoji between words kept", "好的 😀 谢谢", "好的 😀 谢谢"},
		{"emoji between spaces of two kept", "我 😀  不 知 道", "我 😀  不知道"},
		{"two spaces kept", "我  不  知  道", "我  不  知  道"},
		{"tab and newline kept", "我\t不\t知\t道\n我\n不\n知", "我\t不\t知\t道\n我\n不\n知"},
		{"space and emoji kept", "我 😀 不", "我 😀 不"},
		// separator runs: three Chinese characters or more, the same
		// separator between each two (with one space on both sides, or
		// none), are one word spelt out
		{"hyphen run", "不-知-道", "不知道"},
		{"hyphen run after a word of two", "我不-知-道", "我不知道"},
		{"hyphen run before a word of two", "不-知-道呢", "不知道呢"},
		{"hyphen run between words of two", "我不-知-道呢", "我不知道呢"},
		{"hyphen run of four", "我-不-知-道", "我不知道"},
		{"full stop run", "这个 不.知.道", "这个 不知道"},
		{"low line run", "不_知_道", "不知道"},
		{"slash run", "不/知/道", "不知道"},
		{"backslash run", `不\知\道`, "不知道"},
		{"vertical line run", "不|知|道", "不知道"},
		{"tilde run", "不~知~道", "不知道"},
		{"asterisk run", "不*知*道", "不知道"},
		{"plus run", "不+知+道", "不知道"},
		{"middle dot run", "不·知·道", "不知道"},
		{"bullet run", "不•知•道", "不知道"},
		{"hyphenation point run", "不‧知‧道", "不知道"},
		{"katakana middle dot run", "不・知・道", "不知道"},
		{"ellipsis run", "不…知…道", "不知道"},
		{"ellipsis run of three dots", "不...知...道", "不知道"},
		{"chinese ellipsis run", "我……不……知……道", "我不知道"},
		{"doubled hyphen run", "不--知--道", "不知道"},
		{"full-width separators fold first", "不－知－道，不／知／道，不．知．道，不＿知＿道", "不知道,不知道,不知道,不知道"},
		{"full-width tilde, asterisk, plus, vertical line", "不～知～道，不＊知＊道，不＋知＋道，不｜知｜道", "不知道,不知道,不知道,不知道"},
		{"full-width and ASCII hyphen are one separator", "不－知-道", "不知道"},
		{"small forms fold first", "不﹣知﹣道，不﹒知﹒道", "不知道,不知道"},
		{"spaced separator run", "不 - 知 - 道", "不知道"},
		{"spaced separator run with ideographic spaces", "我　/　不　/　知　/　道", "我不知道"},
		{"spaced separator run after a letter-spaced word", "我 不 - 知 - 道", "我 不知道"},
		{"separator run with invisible characters", "不-\u200b知\u200b-道", "不知道"},
		{"separator run then another", "我-不.知.道", "我-不知道"},
		{"separator run then punctuation", "亲，不-知-道。", "亲,不知道。"},
		{"two letters kept", "不-行", "不-行"},
		{"mixed separators kept", "不-知.道", "不-知.道"},
		{"different counts kept", "不..知...道", "不..知...道"},
		{"spaced and unspaced kept", "不 - 知-道", "不 - 知-道"},
		{"space on one side kept", "不 -知 -道", "不 -知 -道"},
		{"two spaces kept", "不  -  知  -  道", "不  -  知  -  道"},
		{"sentence punctuation kept", "不，知，道；不、知、道！不。知。道", "不,知,道;不、知、道!不。知。道"},
		{"ASCII sentence punctuation kept", "不,知,道 不!知!道 不?知?道 不;知;道 不:知:道", "不,知,道 不!知!道 不?知?道 不;知;道 不:知:道"},
		{"digits and letters kept", "1-2-3 a.b.c 2026-11-23 12.5元/件", "1-2-3 a.b.c 2026-11-23 12.5元/件"},
		{"run next to a letter kept", "型号A-红-大，型号A-红-大-小，A红-大-小，红-大-小-XL，红-大-小XL", "型号a-红-大,型号a-红-大-小,a红-大-小,红-大-小-xl,红-大-小xl"},
		{"run going on with a space kept", "红 - 大 - 小 - 1，甲-乙-丙 -", "红 - 大 - 小 - 1,甲-乙-丙 -"},
		{"words kept", "好的...好的...好的，北京-上海-广州", "好的...好的...好的,北京-上海-广州"},
		{"a word in the middle kept", "甲-乙丙-丁，好的~亲~", "甲-乙丙-丁,好的~亲~"},
		{"a longer word at an end keeps its mark", "这个我-不-知-道，我们这边 - 不 - 清 - 楚 - 的呀", "这个我-不知道,我们这边 - 不清楚的呀"},
		{"a longer word at an end, two pieces left kept", "这个我不-知-道，不-知-道什么时候", "这个我不-知-道,不-知-道什么时候"},
		{"a longer word at an end, then a letter kept", "型号-红-大-小A", "型号-红-大-小a"},
		{"a list inside a sentence kept", "颜色有红/黄/蓝三种", "颜色有红/黄/蓝三种"},
		{"a longer list inside a sentence closed", "颜色有红/黄/蓝/绿/白五种", "颜色有红/黄蓝绿/白五种"},
		{"a list standing alone closed", "颜色:红/黄/蓝", "颜色:红黄蓝"},
		{"decoration between separators kept", "不-😀-知-道", "不-😀-知-道"},
		{"other dashes kept", "不—知—道，不–知–道，不〜知〜道", "不—知—道,不–知–道,不〜知〜道"},
		{"english kept", "I am not sure, a b c d", "i am not sure, a b c d"},
		{"letters and digits kept", "A 我 B 不 1 知 2", "a 我 b 不 1 知 2"},
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

// TestDecorativeSymbols checks the set of symbols dropped between two
// Chinese characters: every one is a symbol (So) of the BMP that is no
// arrow and no quotation mark, the decorations people type are in it, and
// the symbols that carry meaning are not.
func TestDecorativeSymbols(t *testing.T) {
	n := 0
	for r := rune(0); r < 0x10000; r++ {
		if !decoration(r) {
			continue
		}
		n++
		name := runenames.Name(r)
		if combiningMark(r) {
			continue
		}
		if !unicode.Is(unicode.So, r) || strings.Contains(name, "ARROW") || strings.Contains(name, "QUOTATION") {
			t.Errorf("%U %c %s is a decoration", r, r, name)
		}
	}
	for r := rune(0x1F000); r <= 0x1FAFF; r++ {
		if !decoration(r) {
			t.Errorf("emoji %U is no decoration", r)
		}
	}
	// normalisation looks for decorations among the characters foldRune
	// keeps as they are
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if out, keep := foldRune(r); decoration(r) && (out != r || !keep) {
			t.Errorf("decoration %U folds to %U, %v", r, out, keep)
		}
	}
	if n < 450 {
		t.Errorf("%d decorative symbols in the BMP, want the blocks of pictures", n)
	}
	for _, r := range "❤★☆♥✨✔✓✗♪♫■▲◆◇●◎☀☎✿❀⭐⭕⬛⌚⏰☑" {
		if !decoration(r) {
			t.Errorf("%U %c is no decoration", r, r)
		}
	}
	for _, r := range "，。！？、～〜~¥￥$€+=<>%×÷0１aＡ〇○◯□→➡⬅❝❞℃№℡™©®°Ⓐ①❶㊣〒─│【】《》「」“”\ufe0f\u200b😀" {
		if r < 0x10000 && decoration(r) {
			t.Errorf("%U %c is a decoration", r, r)
		}
	}
}

// TestLetterSpacingFolds: what normalisation reads a letter-spaced run
// from stays what it is after folding, so normalisation is idempotent
// (FuzzNormalize): a kept character is Chinese exactly when its folded form
// is, and folds to a space exactly when it is a space (Zs).
func TestLetterSpacingFolds(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		out, keep := foldRune(r)
		if !keep {
			continue
		}
		if unicode.Is(unicode.Han, r) != unicode.Is(unicode.Han, out) {
			t.Errorf("%U folds to %U: Chinese %v, then %v", r, out, unicode.Is(unicode.Han, r), unicode.Is(unicode.Han, out))
		}
		if unicode.Is(unicode.Zs, r) != (out == ' ') {
			t.Errorf("%U folds to %U", r, out)
		}
	}
}

// TestLetterSpacingRunes holds the quick tests of letter-spacing to what
// they stand for: isHan is script Han, vanishes what foldRune drops,
// spaceRune category Zs.
func TestLetterSpacingRunes(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isHan(r) != unicode.Is(unicode.Han, r) {
			t.Errorf("isHan(%U) = %v", r, isHan(r))
		}
		if _, keep := foldRune(r); vanishes(r) == keep {
			t.Errorf("vanishes(%U) = %v, foldRune keeps it: %v", r, vanishes(r), keep)
		}
		if spaceRune(r) != unicode.Is(unicode.Zs, r) {
			t.Errorf("spaceRune(%U) = %v", r, spaceRune(r))
		}
	}
}

// TestSeparatorRunes holds the tables of separator runs to what they stand
// for: sepBits marks the runes that fold to a separator (none above the
// BMP), gapBits those and the spaces (Zs), asciiSep the ASCII
// separators.
func TestSeparatorRunes(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		out, keep := foldRune(r)
		want := keep && strings.ContainsRune(`-_./\|~*+·•‧・…`, out)
		if r >= 0x10000 {
			if want {
				t.Errorf("%U folds to the separator %q above the BMP", r, out)
			}
			continue
		}
		if got := sepBits[r>>6]&(1<<(uint(r)&63)) != 0; got != want {
			t.Errorf("sepBits has %U: %v, it folds to %q", r, got, out)
		}
		if got := sepOf(r) != 0; got != want {
			t.Errorf("sepOf(%U) = %q", r, sepOf(r))
		}
		if got := gapBits[r>>6]&(1<<(uint(r)&63)) != 0; got != (want || unicode.Is(unicode.Zs, r)) {
			t.Errorf("gapBits has %U: %v", r, got)
		}
	}
	for _, r := range "﹣﹒－．／＿～＊＋｜＼" {
		if sepOf(r) == 0 {
			t.Errorf("%c %U is no separator", r, r)
		}
	}
	for b := range 256 {
		sep := b < 0x80 && strings.ContainsRune(`-_./\|~*+`, rune(b))
		if asciiSep(byte(b)) != sep {
			t.Errorf("asciiSep(%#x) = %v", b, asciiSep(byte(b)))
		}
		if sep && !mayBeSep(byte(b)) {
			t.Errorf("mayBeSep(%#x) = false", b)
		}
		if special := b < 0x80 && specialBits[b>>6]&(1<<(b&63)) != 0; special && specialSep(byte(b)) != sep {
			t.Errorf("specialSep(%#x) = %v", b, specialSep(byte(b)))
		}
		if sep && specialBits[b>>6]&(1<<(b&63)) == 0 {
			t.Errorf("ASCII separator %q is not in specialBits", rune(b))
		}
	}
}

// TestNormalizeLongDecorationRun: a message of nothing but decorations
// (256 KiB of ★ or 😀, the longest message linted by default) normalises
// in linear time, each run looked through a bounded number of times, not
// once per character (20 s for 64 Ki 😀 before): the bytes betweenHan,
// prevKept and nextKept look through are counted, not timed, at two
// lengths, the second four times the first.
func TestNormalizeLongDecorationRun(t *testing.T) {
	steps := 0
	decorationSteps = &steps
	defer func() { decorationSteps = nil }()
	for _, tt := range []struct {
		name string
		make func(n int) string // about n KiB
	}{
		{"stars", func(n int) string { return strings.Repeat("★", n<<10/3) }},
		{"stars between Chinese", func(n int) string { return "不" + strings.Repeat("★\u200b", n<<10/6) + "知道" }},
		{"emoji before Chinese", func(n int) string { return strings.Repeat("😀", n<<8) + "知道" }},
		{"emoji after Chinese", func(n int) string { return "不" + strings.Repeat("😀", n<<8) }},
		// letter-spaced runs, with invisible characters in them
		{"spaced", func(n int) string { return strings.Repeat("不 ", n<<10/4) }},
		{"spaced with invisible", func(n int) string { return strings.Repeat("不 \u200b", n<<10/7) }},
		{"long invisible gap", func(n int) string { return "不 " + strings.Repeat("\u200b", n<<10/3) + " 知 道" }},
		{"invisible runs", func(n int) string {
			return strings.Repeat("不 "+strings.Repeat("\u200b", 1<<10)+"知 ", n/2)
		}},
		// runs that take in a word, decorations inside runs
		{"runs before a particle", func(n int) string { return strings.Repeat("不 知 道呢 ", n<<10/15) }},
		{"runs between words", func(n int) string { return strings.Repeat("好的 我 不 知 道呢 ", n<<10/30) }},
		{"emoji slots", func(n int) string { return strings.Repeat("不 😀 ", n<<10/8) }},
		{"heart slots", func(n int) string { return strings.Repeat("不 ❤\ufe0f ", n<<10/10) }},
		{"long emoji slot", func(n int) string { return "不 知 " + strings.Repeat("😀", n<<8) + " 道 呢" }},
		{"long emoji slot with invisible", func(n int) string { return "不 知 " + strings.Repeat("😀\u200b", n<<7) + " 道 呢" }},
		{"emoji slot runs", func(n int) string { return strings.Repeat("不 知 "+strings.Repeat("😀", 1<<8)+" 道 ", n) }},
		{"invisible before a word", func(n int) string {
			return strings.Repeat("不 知 道 "+strings.Repeat("\u200b", 1<<10)+"呢呢 ", n/3)
		}},
		// separator runs: long ones, long marks, long runs of separators
		// that are no mark, marks that are almost alike
		{"separator run", func(n int) string { return strings.Repeat("不-", n<<10/4) }},
		{"spaced separator run", func(n int) string { return strings.Repeat("不 - ", n<<10/6) }},
		{"ellipsis run", func(n int) string { return strings.Repeat("不……", n<<10/9) }},
		{"separator run with invisible", func(n int) string { return strings.Repeat("不-\u200b", n<<10/7) }},
		{"separators with invisible", func(n int) string { return strings.Repeat("-\x00", n<<9) }},
		{"long mark", func(n int) string { return "不" + strings.Repeat("-", n<<10) + "知-道" }},
		{"long mark with invisible", func(n int) string { return "不" + strings.Repeat(".\u200b", n<<10/4) + "知.道" }},
		{"long spaced mark", func(n int) string { return "不 " + strings.Repeat("~", n<<10) + " 知 ~ 道" }},
		{"long marks", func(n int) string { return strings.Repeat("不"+strings.Repeat("-", 1<<10), n) }},
		{"marks almost alike", func(n int) string { return strings.Repeat("不-知--道---", n<<10/18) }},
		{"words and separators", func(n int) string { return strings.Repeat("我们-", n<<10/7) }},
		{"runs between longer words", func(n int) string { return strings.Repeat("这个我-不-知-道-不知道-", n<<10/37) }},
		{"separator runs next to letters", func(n int) string { return strings.Repeat("a不-知-道", n<<10/12) }},
		{"long invisible in a mark", func(n int) string { return "不 " + strings.Repeat("\u200b", n<<10/3) + "- 知 - 道" }},
	} {
		var got [2]int
		for k, size := range []int{64, 256} {
			s := tt.make(size)
			steps = 0
			var n Normalized
			n.Reset(s)
			n.OrigSpan(0, len(n.Text))
			got[k] = steps
			// Reset, buildOff and firstChange each look through it, a
			// space up to three steps on either side
			if steps == 0 || steps > 24*len(s) {
				t.Errorf("%s: normalising %d bytes looked through %d bytes", tt.name, len(s), steps)
			}
		}
		if float64(got[1]) > 4.2*float64(got[0]) {
			t.Errorf("%s: four times the text looked through %d bytes, %.1f times as many", tt.name, got[1], float64(got[1])/float64(got[0]))
		}
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
		{"emoji inside match", "这个我不😀知道呢", "不知道", "不😀知道"},
		{"symbol with VS16 inside match", "这个我不❤️知道呢", "不知道", "不❤️知道"},
		{"symbols inside match after a kept one", "★这个我不★☆知道", "不知道", "不★☆知道"},
		{"symbol kept before the match", "1★好评，不♪知道", "不知道", "不♪知道"},
		{"kept symbol maps to itself", "1★好评", "1★好评", "1★好评"},
		{"letter-spaced match", "这个我 不 知 道", "不知道", "不 知 道"},
		{"letter-spaced with ideographic spaces", "亲　我　不　清　楚，稍等", "不清楚", "不　清　楚"},
		{"letter-spaced with invisible characters", "我 不\u200b 知 道", "我不知道", "我 不\u200b 知 道"},
		{"kept space maps to itself", "这个 我 不知道", "这个 我", "这个 我"},
		{"run before a particle", "我 不 知 道呢", "不知道", "不 知 道"},
		{"run after a word", "哎呀 我 不 清 楚", "呀我不清楚", "呀 我 不 清 楚"},
		{"kept space before a run maps to itself", "这个我 不 知 道", "这个我 不", "这个我 不"},
		{"emoji inside a run", "亲 我 😀 不 知 道", "我不知道", "我 😀 不 知 道"},
		{"heart inside a run", "亲 不 ❤\ufe0f 知 道", "不知道", "不 ❤\ufe0f 知 道"},
		{"separator run", "这个我 不-知-道", "不知道", "不-知-道"},
		{"separator run after a word", "好的，我不.知.道呢", "不知道", "不.知.道"},
		{"spaced separator run", "这个 不 / 知 / 道呢", "不知道呢", "不 / 知 / 道呢"},
		{"separator run of ellipses", "我……不……清……楚", "我不清楚", "我……不……清……楚"},
		{"full-width separator run", "这个 不－知－道", "不知道", "不－知－道"},
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
	for _, s := range []string{"沒關係", "ＡＢＣ", "a\u200bb", "\xff\xfe", "乾淨乾淨", "", "不知道",
		"这个我 不 知 道", "我　不　知　道", "我 不\u200b 知 道", "好的 谢谢",
		"不-知-道", "我不.知.道呢", "不 / 知 / 道", "不…知…道", "颜色有红/黄/蓝三种",
		"不👍🏻知道", "不\u200d知道", "👩\u200d💻不 知 道", "小美✌🏻 不 知 道"} {
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

// TestFullWidthASCII checks normalizeFrom's shortcut for full-width forms
// against foldRune: every three-byte sequence it takes folds to the byte it
// gives, starts no phrase conversion and is no separator.
func TestFullWidthASCII(t *testing.T) {
	for r := rune(0x800); r < 0x10000; r++ {
		s := string(r) + "好"
		c, ok := fullWidthASCII(s, 0)
		inRange := r >= 0xFF01 && r <= 0xFF5E
		out, keep := foldRune(r)
		wantOK := inRange && !asciiSep(byte(out))
		if ok != wantOK {
			t.Fatalf("fullWidthASCII(%U) ok = %v, want %v", r, ok, wantOK)
		}
		if !ok {
			continue
		}
		if !keep || rune(c) != out {
			t.Errorf("fullWidthASCII(%U) = %q, foldRune gives %q", r, c, out)
		}
		if t2sPhraseStart(r) || decoration(r) || sepBits[r>>6]&(1<<(uint(r)&63)) != 0 {
			t.Errorf("%U: phrase start, decoration or separator", r)
		}
	}
	if _, ok := fullWidthASCII("\uff0c", 1); ok {
		t.Error("fullWidthASCII took a continuation byte")
	}
}

// TestDecode3 compares decode3 with decodeRune on every three-byte
// sequence with a lead byte of three-byte characters, valid or not.
func TestDecode3(t *testing.T) {
	for b0 := 0xE0; b0 < 0xF0; b0++ {
		for b1 := 0; b1 < 0x100; b1++ {
			for b2 := 0; b2 < 0x100; b2 += 7 {
				s := string([]byte{byte(b0), byte(b1), byte(b2)})
				r, ok := decode3(s)
				want, size := decodeRune(s)
				if ok != (size == 3) || ok && r != want {
					t.Fatalf("decode3(%q) = %U, %v; decodeRune gives %U, %d", s, r, ok, want, size)
				}
			}
		}
	}
	if _, ok := decode3("\xe4\xb8"); ok {
		t.Error("decode3 took a cut character")
	}
}

// TestKeptChineseInline: prevKept and nextKept decode a Chinese character
// next to the offset inline as their loops decode it, and step over what
// vanishes before one as before.
func TestKeptChineseInline(t *testing.T) {
	for r := rune(0x3FF0); r <= 0xA00F; r++ {
		c := string(r)
		s := "a" + c + "b"
		if got, at := prevKept(s, 1+len(c)); got != r || at != 1 {
			t.Fatalf("prevKept(%q, %d) = %U, %d", s, 1+len(c), got, at)
		}
		if got, end := nextKept(s, 1); got != r || end != 1+len(c) {
			t.Fatalf("nextKept(%q, 1) = %U, %d", s, got, end)
		}
		s = c + "\u200b\x00"
		if got, at := prevKept(s, len(s)); got != r || at != 0 {
			t.Fatalf("prevKept(%q) = %U, %d", s, got, at)
		}
		s = "\u200b\x00" + c
		if got, end := nextKept(s, 0); got != r || end != len(s) {
			t.Fatalf("nextKept(%q) = %U, %d", s, got, end)
		}
	}
	for _, s := range []string{"\xe4\xb8", "\xb8\x80", "a\xe4", "\xe4\xb8a"} {
		if _, at := prevKept(s, len(s)); at != len(s)-1 {
			t.Errorf("prevKept(%q) at %d", s, at)
		}
	}
}

// refInvisible is invisible as a list of cases, one range or character
// after another: the reference for the ordered comparisons of invisible.
func refInvisible(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9F: // C1 controls
		return true
	case r == 0x00AD, r == 0x034F, r == 0x061C, r == 0x115F, r == 0x1160, r == 0x17B4, r == 0x17B5,
		r == 0x180E, r == 0x3164, r == 0xFEFF, r == 0xFFA0:
		return true
	case r >= 0x180B && r <= 0x180D:
		return true
	case r >= 0x200B && r <= 0x200F: // zero-width space/joiners, direction marks
		return true
	case r >= 0x202A && r <= 0x202E: // bidi embeddings
		return true
	case r >= 0x2060 && r <= 0x206F: // word joiner, invisible operators, isolates
		return true
	case r >= 0xFE00 && r <= 0xFE0F: // variation selectors
		return true
	case r >= 0xE0000 && r <= 0xE0FFF: // tags, variation selectors supplement
		return true
	}
	return false
}

// invisible agrees with the list of invisible characters for every rune
// (and a few that are none).
func TestInvisibleList(t *testing.T) {
	for r := rune(-2); r <= unicode.MaxRune+2; r++ {
		if got, want := invisible(r), refInvisible(r); got != want {
			t.Fatalf("invisible(%U) = %v, want %v", r, got, want)
		}
	}
}

// prevKept and nextKept, with their shortcuts for a Chinese character and
// printable ASCII, agree with stepping a character at a time.
func TestKeptShortcuts(t *testing.T) {
	ref := func(s string, i int, back bool) (rune, int) {
		for back && i > 0 || !back && i < len(s) {
			var r rune
			var n int
			if back {
				r, n = utf8.DecodeLastRuneInString(s[:i])
				i -= n
			} else {
				r, n = utf8.DecodeRuneInString(s[i:])
				i += n
			}
			if !vanishes(r) {
				return r, i
			}
		}
		return 0, -1
	}
	texts := []string{"", " ", "好的 谢谢", "a\u200bb", "(移动端) 你好?", "\t\n\x01x\x7f", "，。！\u200d好",
		"\xff\xe4\xbd", "亲\ufeff 1", "😊 ok", "~!@#$%^&*()_+`-=[]{};':\",./<>?\\|"}
	for _, s := range texts {
		for i := 0; i <= len(s); i++ {
			r, j := prevKept(s, i)
			if wr, wj := ref(s, i, true); r != wr || j != wj {
				t.Errorf("prevKept(%q, %d) = %q, %d, want %q, %d", s, i, r, j, wr, wj)
			}
			r, j = nextKept(s, i)
			if wr, wj := ref(s, i, false); r != wr || j != wj {
				t.Errorf("nextKept(%q, %d) = %q, %d, want %q, %d", s, i, r, j, wr, wj)
			}
		}
	}
}

// TestTraditional: HasTraditional (Normalized.Traditional) says a text
// has a Traditional character the normaliser converts on its own, and
// nothing else normalisation changes (full-width forms, case,
// compatibility forms) says so.
func TestTraditional(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"這個價格不行", true},
		{"不好意思，這款賣完了", true},
		{"您好，請問有什麼可以幫您？", true},
		{"我們會盡快回覆您", true},
		{"老闆在嗎", true},
		{"乾淨", true},
		{"忙著呢", false},     // 著 is converted only in its phrase (忙着)
		{"这个价格不行", false},  // Simplified
		{"不行", false},      // alike in both scripts
		{"好的，谢谢！", false},  // full-width punctuation folded
		{"ＸＬ码有吗", false},   // full-width letters folded
		{"\uF967行", false}, // a compatibility ideograph (不), not Traditional
		{"耐克等著名品牌", false}, // 著 of 著名 is Simplified too
		{"", false},
		{"OK 的", false},
		{"这个\u200b價格", true}, // mixed, with an invisible character
	} {
		if got := HasTraditional(tc.s); got != tc.want {
			t.Errorf("HasTraditional(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
	// every character of the unified ideographs: set exactly for those
	// the normaliser converts to another
	for c := rune(0x3400); c < 0xA000; c++ {
		s := string(c)
		if got, want := HasTraditional(s), Normalize(s) != s; got != want {
			t.Fatalf("HasTraditional(%q) = %v, but Normalize gives %q", s, got, Normalize(s))
		}
	}
}
