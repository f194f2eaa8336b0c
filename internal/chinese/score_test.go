package chinese

import (
	"math"
	"testing"
	"unicode/utf8"
)

// TestCost: a name as its own encoding reads it costs less than as the
// other encoding reads its bytes; a Traditional hanzi costs as its
// Simplified form, a Cantonese one of HKSCS as a frequent one, and a
// character a name seldom holds as much as the rarest.
func TestCost(t *testing.T) {
	for _, tc := range []struct{ name, misread string }{
		{"聊天記錄", "册ぱ癘魁"}, // Big5, read as GBK
		{"訂單問題", "璹虫拜肈"},
		{"會話", "穦杠"},
		{"会话α", "頗趕汐"}, // GBK, read as Big5
		{"ā顾客", "芋嘈諦"},
		{"包含Ж", "婦漪夾"},
		{"ü个会话", "邦跺頗趕"},
		{"客服㈡", "諦督Ｘ"},
		{"佢哋啲訂單", "蔦抅濜璹虫"},
		{"默认", "蘇＇"}, // GBK, read as Big5
		{"认购", "＇劃"},
		{"棋牌", "］齪"},
		// (kana alone, a Japanese name in GBK, read as Big5: a word of
		// kana costs less than the most common hanzi its bytes are there)
		{"テスト", "氾旦玄"},
		{"アンケート", "失件弗奈玄"},
		{"ありがとう", "丐曰互午丹"},
		{"おしらせメール", "云仄日六丟奈伙"},
		{"Русский", "扼扼抗我抄"},
		// (one kana twice as a word of its own, a Japanese name in GBK,
		// read as Big5: as Japanese's other words of two kana)
		{"ママ", "穴穴"},
		{"ココ_1", "戊戊_1"},
		{"ねね", "友友"},
		// (pinyin, a GBK name, read as Big5: its tone letters in words of
		// ASCII letters cost less than the level-1 hanzi those bytes are
		// there)
		{"Zhāng Sān", "Zh芋ng S芋n"},
		{"kèfú", "k豕f迆"},
		{"Lǐ_Míng", "L走_M赤ng"},
		{"hǎo", "h見o"},
		// (fewer than four Greek or Cyrillic letters, a GBK name, read as
		// Big5: as a word of its own, or in one case, or a Greek letter a
		// name labels with, they cost less than the level-1 hanzi of
		// Big5's rows A6 and A7 those bytes are there)
		{"Я", "岐"},
		{"Я_2025", "岐_2025"},
		{"ΑΒ", "式弛"},
		{"Пи", "妤我"},
		{"αβγ", "汐汕污"},
		{"v1.0β", "v1.0汕"},
		{"ΑΒ方案", "式弛源偶"},
		{"Пи报告", "妤我惆豢"},
		{"μ方案", "米源偶"},
		{"Ω记录", "次暮翹"},
		{"β滤波", "汕薦疏"},
		// (bopomofo, a GBK name, read as Big5: in the table's order, or
		// syllables with a tone mark, as a word of its own, or syllables of
		// three letters or more, it costs less than the level-1 hanzi of
		// Big5's row A8 those bytes are there)
		{"ㄅㄆㄇ", "乳事些"},
		{"ㄅㄆㄇㄈ", "乳事些亞"},
		{"ㄉㄊㄋㄌ", "享京佯依"},
		{"ㄓㄨㄥˉ", "來刻典‘"},
		{"ㄇㄚˉ", "些侖‘"},
		{"ㄋㄧˇㄏㄠˇ", "佯函’使兒’"},
		{"ㄓㄨㄥㄨㄣˊ", "來刻典刻具杓"},
		{"ㄅㄢㄈㄤ", "乳兩亞其"},
		{"ㄅㄆㄇ练习", "乳事些褶炾"},
		// (Big5, read as GBK: bopomofo of a syllable without a tone mark,
		// or with the light tone's ˙, Big5's 步)
		{"事兒", "ㄆㄠ"},
		{"兩具", "ㄢㄣ"},
		{"兩步", "ㄢ˙"},
		{"兩兩", "ㄢㄢ"},
		{"乳兒", "ㄅㄠ"},
		{"兒", "ㄠ"},
		{"來", "ㄓ"},
		// (Big5, read as GBK: one hanzi of rows A6 and A7 of the 1,000 or
		// so most frequent, as a Greek capital or a Cyrillic letter alone;
		// not as a small Greek letter, nor as one of labelLetters)
		{"朱", "Χ"},
		{"宋", "Ш"},
		{"式", "Α"},
		{"快", "е"},
		{"Ж", "夾"},
		{"μ", "米"},
		{"Ω", "次"},
		{"ρ", "老"},
		// (Big5, read as GBK: kana that make no word, or common hanzi)
		{"我", "и"},
		{"有", "Τ"},
		{"有成", "ΤΘ"},
		{"老成", "ρΘ"},
		{"中文", "いゅ"},
		{"天文", "ぱゅ"},
		{"五月", "きる"},
		{"中心", "いみ"},
		{"乾巴巴", "爱ぺぺ"},
		{"天天", "ぱぱ"},
		{"太太", "びび"},
	} {
		if c, m := Cost(tc.name), Cost(tc.misread); c >= m {
			t.Errorf("Cost(%s) = %.1f, not less than Cost(%s) = %.1f", tc.name, c, tc.misread, m)
		}
	}
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"記錄", "记录", true},
		{"客服.txt", "客服", true},
		{"《客服》、（一）—“售后”·", "客服一售后", true},
		{"会ニ", "会Ж", true},
		{"会ε", "会龘", true}, // (past the table's)
		{"Ｘ", "龘", true},
		{"嘅", "的", false},
		// (written Cantonese's, jieba's counts of Mandarin holding them or
		// not: as one of the 500 most frequent)
		{"諗畀嚟唔咩乜俾嘞囉咪咋吖", "嘅嘅嘅嘅嘅嘅嘅嘅嘅嘅嘅嘅", true},
		// (marks Big5 has in HKSCS's rows C6A1–C8FE, where GBK's 其, 认,
		// 棋, 漆, 妻, 凄, 刃 and 柒 fall: no marks of a name)
		{"＇", "龘", true},
		{"［］", "龘龘", true},
		{"〃々〆〇＂", "龘龘龘龘龘", true},
		// (a letter alone, or letters that make no word, as the rarest)
		{"テ", "龘", true},
		{"いゅ", "龘龘", true},
		{"ンテ", "龘龘", true},
		{"会ぺぺ", "会龘龘", true},
		{"ママ↖", "龘龘↖", true},
		{"ヶ月", "龘月", true},
		{"会αΒ", "会龘龘", true},
		{"ΠиП", "龘龘龘", true},
		// (but Greek or Cyrillic letters in one case as a word of their
		// own, between the name's start or end, ASCII and the punctuation
		// of names, cost as a frequent hanzi each; not against a symbol a
		// name seldom holds)
		{"Я", "的", false},
		{"（Я）", "Я", true},
		{"αβγ", "ΑΒΓ", true},
		{"Я↖", "龘↖", true},
		{"Я〃", "龘〃", true},
		// (a Greek letter a name labels with, against hanzi, less than the
		// rarest)
		{"龘会", "α会", false},
		{"会龘", "会Δ", false},
		{"龘龘龘", "テスト", false},
		{"テスト 会话", "テスト会话", true},
		// (a tone letter in no word of ASCII letters, alone or with a
		// hanzi right after the word, as the rarest; ASCII letters alone
		// cost nothing)
		{"ā", "龘", true},
		{"ā顾客", "龘顾客", true},
		{"Aó辆", "A龘辆", true},
		{"テストkè", "テスト龘", true},
		{"龘", "kè", false},
		{"chat.txt", "", true},
	} {
		a, b := Cost(tc.a), Cost(tc.b)
		if tc.same && a != b {
			t.Errorf("Cost(%s) = %.1f, Cost(%s) = %.1f: want the same", tc.a, a, tc.b, b)
		}
		if !tc.same && a <= b {
			t.Errorf("Cost(%s) = %.1f, not more than Cost(%s) = %.1f", tc.a, a, tc.b, b)
		}
	}
	if c := Cost("嘅"); c >= Cost("龘") {
		t.Errorf("Cost(嘅) = %.1f: want a frequent hanzi's", c)
	}
}

// TestCommon: the hanzi an HKSCS character of a Big5 name may be are
// written Cantonese's and the most frequent (a Traditional one by its
// Simplified form); the rare ones Latin-1's ü, ú, ý or þ and the letter
// after it read as in Big5 (晧, 唫, 煊, 灹: Grüße, Núñez, býður, Búðardalur)
// are not, nor is what is no hanzi.
func TestCommon(t *testing.T) {
	for _, r := range "嘅啲咗哋嚟攞瞓的记記滙港" {
		if !Common(r) {
			t.Errorf("Common(%c) = false, want true", r)
		}
	}
	for _, r := range "晧唫煊灹蘍艭龘ニα＇a" {
		if Common(r) {
			t.Errorf("Common(%c) = true, want false", r)
		}
	}
}

// TestKanaWord: the kana Japanese writes a word with, and those a Big5
// name's bytes read as in GBK that make none; how many kana stand alone
// among the other script.
func TestKanaWord(t *testing.T) {
	for _, tc := range []struct {
		w     string
		ok    bool
		alone int
	}{
		{"テスト", true, 0},
		{"アンケート", true, 0},
		{"チャット", true, 0},
		{"ファイル", true, 0},
		{"ありがとう", true, 0},
		{"じーっと", true, 0},
		{"おしらせメール", true, 0},
		{"ずネ", true, 2},
		{"メールを", true, 1}, // (を after a word, alone: a particle)
		{"をを", false, 0},
		{"いゅ", false, 0},
		{"ぇず", false, 0},
		{"ンテ", false, 0},
		{"ーテ", false, 0},
		{"んっ", false, 0},
		{"ぺぺ", false, 0},
		{"ヌヰ", false, 0},
		{"ゎか", false, 0},
	} {
		ok, alone := kanaWord(tc.w, false)
		if ok != tc.ok || ok && alone != tc.alone {
			t.Errorf("kanaWord(%s) = %v, %d; want %v, %d", tc.w, ok, alone, tc.ok, tc.alone)
		}
	}
	// (one kana twice only as a word of its own, ママ.txt, not as Big5's
	// ABB word 乾巴巴 reads, 爱ぺぺ)
	for _, tc := range []struct {
		w         string
		apart, ok bool
	}{{"ママ", true, true}, {"ねね", true, true}, {"ぺぺ", true, true}, {"ママ", false, false}, {"ぺぺ", false, false}, {"ーー", true, false}, {"っっ", true, false}} {
		if ok, _ := kanaWord(tc.w, tc.apart); ok != tc.ok {
			t.Errorf("kanaWord(%s, %v) = %v, want %v", tc.w, tc.apart, ok, tc.ok)
		}
	}
}

// TestWords: a reading whose runs of hanzi each split wholly into words of
// gse's dictionary of two characters or more, counted so often, a
// Traditional one by its Simplified form; not one of a word counted less,
// of a single character, or of characters at random, nor one of no hanzi.
func TestWords(t *testing.T) {
	for _, tc := range []struct {
		d    string
		min  float64
		want bool
	}{
		{"订单", 20, true},
		{"訂單", 20, true},
		{"訂單問題", 20, true}, // (订单 问题)
		{"客服 记录", 1, true},
		{"客服 记录", 20, false}, // (客服 counted 3 times)
		{"退款_0301", 20, true},
		{"评价ab媽媽", 20, true},
		{"璹虫", 1, false},
		{"丁玥", 1, false},
		{"稍等", 1, false}, // (稍 等)
		{"订单璹", 1, false},
		{"订", 1, false},
		{"abc", 1, false},
		{"", 1, false},
		{"鱖魚", 20, true},
		{"鱖魚", 1e9, false},
	} {
		if got := Words(tc.d, tc.min); got != tc.want {
			t.Errorf("Words(%q, %v) = %v, want %v", tc.d, tc.min, got, tc.want)
		}
	}
}

// TestSurnamed: a run of two to four hanzi that starts with a common
// surname, or a compound one, as a mainland name does, a Traditional one
// by its Simplified form; not characters at random, a surname alone, nor
// a longer run.
func TestSurnamed(t *testing.T) {
	for _, tc := range []struct {
		d    string
		want bool
	}{
		{"刘妮", true},
		{"丁福_0301", true},
		{"贺妮庆", true},
		{"客服 毕蕾", true},
		{"劉妮", true},
		{"欧阳娜娜", true},
		{"上官婉儿", true},
		{"诸葛亮", true},
		{"蝶基", false},
		{"璹虫", false},
		{"洱洱", false},
		{"刘妮客服记录", false},
		{"刘", false},
		{"上官", false},
		{"abc", false},
		{"", false},
	} {
		if got := Surnamed(tc.d); got != tc.want {
			t.Errorf("Surnamed(%q) = %v, want %v", tc.d, got, tc.want)
		}
	}
}

// TestBopomofoWord: bopomofo in the table's order, or spelling syllables
// as Mandarin does, and which of those are surely a word: in the table's
// order, or with a tone mark other than ˙.
func TestBopomofoWord(t *testing.T) {
	for _, tc := range []struct {
		w          string
		word, sure bool
	}{
		{"ㄅㄆㄇ", true, true},
		{"ㄅㄆㄇㄈ", true, true},
		{"ㄣㄤㄥㄦ", true, true},
		{"ㄓㄨㄥˉ", true, true},
		{"ㄓㄨㄥㄨㄣˊ", true, true}, // (the first tone unwritten)
		{"ㄋㄧˇㄏㄠˇ", true, true},
		{"˙ㄉㄜ", true, false}, // (the light tone before its syllable)
		{"ㄉㄜ˙", true, false},
		{"ㄓㄨㄥ", true, false},
		{"ㄆㄠ", true, false},
		{"ㄢㄣ", true, false},
		{"ㄓㄧ", true, false}, // (ㄓ, ㄧ)
		{"ㄓ", true, false},
		{"ㄅㄆ", false, false}, // (two of the table's order: 兩具 is ㄢㄣ)
		{"ㄅ", false, false},
		{"ㄈ", false, false},
		{"ㄐㄚˇ", false, false}, // (ㄐ before ㄧ or ㄩ only)
		{"ㄍㄧˇ", false, false},
		{"ㄈㄧˋ", false, false},
		{"ㄓㄧˋ", true, true},  // (ㄓ, ㄧˋ)
		{"ㄅㄨㄢˋ", true, true}, // (ㄅㄨ, ㄢˋ)
		{"ㄦㄢˋ", true, true},  // (ㄦ, ㄢˋ)
		{"ㄉㄦˋ", false, false},
		{"ㄓㄊ", false, false},
		{"ˉ", false, false},
		{"ㄓˉˉ", false, false},
		{"ㄓㄨㄥ ", false, false},
	} {
		word, sure := bopomofoWord(tc.w)
		if word != tc.word || sure != tc.sure {
			t.Errorf("bopomofoWord(%s) = %v, %v; want %v, %v", tc.w, word, sure, tc.word, tc.sure)
		}
	}
}

// FuzzCost: Cost of any text, UTF-8 or not, is a cost, at most the
// rarest's and a switch's for each character, and parts parted by ASCII
// cost as much apart as together.
func FuzzCost(f *testing.F) {
	for _, s := range []string{"テスト", "おしらせメール", "ずネ", "いゅ", "Русский", "会话α", "聊天記錄", "テスト会话", "ー", "\xa5\xc6", "ラ\xff", "Zhāng Sān", "Aó辆", "kè\xa8", "Я", "ΑΒ方案", "会αΒγ", "v1.0β", "Я↖", "ママ", "ぺぺ↖", "ㄅㄆㄇ", "ㄓㄨㄥˉ", "Χ", "Χ_1", "и", "˙ㄉㄜ", "ㄢ˙", "注音ㄓㄨㄥ"} {
		f.Add(s, "アンケート")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		c := Cost(a)
		if c < 0 || c > float64(utf8.RuneCountInString(a))*(rareCost+switchCost) {
			t.Fatalf("Cost(%q) = %f", a, c)
		}
		if both, apart := Cost(a+" "+b), c+Cost(b); math.Abs(both-apart) > 1e-6 {
			t.Fatalf("Cost(%q) = %f, Cost(%q)+Cost(%q) = %f", a+" "+b, both, a, b, apart)
		}
	})
}
