package lint

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chatlint/chatlint/internal/enctest"
)

// TestShown: what the reports and chatlint's messages show of a text from
// an export (a name, an id, a file name) cannot put control sequences on
// the terminal nor start a line of its own.
func TestShown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"普通文本 … → ✓", "普通文本 … → ✓"},
		{"\x1b[31mRED\x1b]0;title\x07", "\uFFFD[31mRED\uFFFD]0;title\uFFFD"},
		{"c\n✓ 会话 fake", "c ⏎ ✓ 会话 fake"},
		{"A\r\n    fake.jsonl:1", "A ⏎     fake.jsonl:1"},
		{"a\tb\x7fc\u0085d", "a b\uFFFDc\uFFFDd"},
		{"abc\u202edcba\u2066x\u2069", "abc\uFFFDdcba\uFFFDx\uFFFD"},
		{"é\u00a0¿", "é\u00a0¿"},
		// bytes that are not UTF-8, each as U+FFFD: a raw 9B is CSI to a
		// terminal not in UTF-8; a character cut short, a surrogate, an
		// overlong form; U+FFFD itself stays
		{"a\x9b2Jb", "a\uFFFD2Jb"},
		{"客\xff服\xe4\xb8", "客\uFFFD服\uFFFD\uFFFD"},
		{"\xed\xa0\x80\xc0\xaf", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"},
		{"\uFFFD 客服", "\uFFFD 客服"},
	}
	for _, tt := range tests {
		if got := Shown(tt.in); got != tt.want {
			t.Errorf("Shown(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if needsShowing(tt.in) != (tt.in != tt.want) {
			t.Errorf("needsShowing(%q) = %v", tt.in, needsShowing(tt.in))
		}
	}
}

// TestMasked: the list of masked characters, and MaskedLead finds the
// first byte of every one of them.
func TestMasked(t *testing.T) {
	for _, tt := range []struct {
		r    rune
		want bool
	}{
		{0, true}, {'\t', true}, {'\n', true}, {0x1b, true}, {0x1f, true}, {' ', false}, {'~', false},
		{0x7f, true}, {0x80, true}, {0x85, true}, {0x9f, true}, {0xa0, false},
		{0x2029, false}, {0x202a, true}, {0x202e, true}, {0x202f, false},
		{0x2065, false}, {0x2066, true}, {0x2069, true}, {0x206a, false}, {'客', false}, {0xfffd, false},
	} {
		if got := Masked(tt.r); got != tt.want {
			t.Errorf("Masked(%U) = %v, want %v", tt.r, got, tt.want)
		}
	}
	var b [utf8.UTFMax]byte
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !Masked(r) {
			continue
		}
		utf8.EncodeRune(b[:], r)
		if !MaskedLead(b[0]) {
			t.Errorf("MaskedLead misses %U (first byte %#x)", r, b[0])
		}
		if !needsShowing(string(r)) {
			t.Errorf("needsShowing misses %U", r)
		}
	}
}

// TestNeedsShowingThreeBytes: needsShowing, which passes over most
// three-byte characters without decoding them, says what decoding says of
// every lead byte from E0 to EF followed by any two bytes: it finds the
// masked characters and the bytes that are not UTF-8 among them.
func TestNeedsShowingThreeBytes(t *testing.T) {
	for c := 0xe0; c <= 0xef; c++ {
		for c1 := 0; c1 < 0x100; c1++ {
			for c2 := 0; c2 < 0x100; c2++ {
				s := string([]byte{'a', byte(c), byte(c1), byte(c2), 'b'})
				want := !utf8.ValidString(s)
				for _, r := range s {
					want = want || Masked(r)
				}
				if got := needsShowing(s); got != want {
					t.Fatalf("needsShowing(%q) = %v, want %v", s, got, want)
				}
				if got := needsShowing(s[1:4]); got != (!utf8.ValidString(s[1:4]) || strings.IndexFunc(s[1:4], Masked) >= 0) {
					t.Fatalf("needsShowing(%q) = %v", s[1:4], got)
				}
			}
		}
	}
}

// TestShownGBKNames: a file name that is not UTF-8 but GBK (GB18030), as a
// zip made on Chinese Windows writes names, is shown decoded, word by
// word: a path's directories in UTF-8 stay, a GBK character whose second
// byte is a backslash or a letter is not cut there, a four-byte GB18030
// character's digits neither; bytes that do not read as GB18030 (Latin-1's
// é at a word's end, a lone 0xFF), or read as no name would, are U+FFFD
// as before.
func TestShownGBKNames(t *testing.T) {
	gbk := func(s string) string { return enctest.GB18030(t, s) }
	tests := []struct{ in, want string }{
		{gbk("客服记录.jsonl"), "客服记录.jsonl"},
		{"日报/" + gbk("客服记录.jsonl") + ":3", "日报/客服记录.jsonl:3"},
		{"open " + gbk("十一月/客服记录.jsonl") + ": permission denied", "open 十一月/客服记录.jsonl: permission denied"},
		{gbk("癨盶A记录") + ".txt", "癨盶A记录.txt"}, // (B0 5C, B1 5C: a backslash second)
		{gbk("客服𠀀2（1）.csv"), "客服𠀀2（1）.csv"},  // (𠀀: 95 32 82 36)
		{gbk("客服\n记录.csv"), "客服 ⏎ 记录.csv"},
		{"caf\xe9.txt", "caf\uFFFD.txt"},
		// Latin-1 whose accented letter and the next read as GBK (M鋜z,
		// J黵gen, Stra遝): masked, as before, not shown as Chinese
		{"M\xe4rz.csv", "M\uFFFDrz.csv"},
		{"day/J\xfcrgen_M\xfcller.jsonl", "day/J\uFFFDrgen_M\uFFFDller.jsonl"},
		{"Stra\xdfe 1.txt", "Stra\uFFFDe 1.txt"},
		{gbk("客服") + "\xff.txt", "\uFFFDͷ\uFFFD\uFFFD.txt"},
		// the letters GBK holds beside its hanzi, Greek, Cyrillic and
		// pinyin's with a tone mark (rows A6–A8): the name was masked,
		// �Ự��.jsonl for 会话α.jsonl, as no name
		{gbk("会话α.jsonl"), "会话α.jsonl"},
		{gbk("β版/客服记录.csv"), "β版/客服记录.csv"},
		{gbk("Ω型号.txt"), "Ω型号.txt"},
		{gbk("ā顾客.txt"), "ā顾客.txt"},
		{gbk("lǜ师.jsonl"), "lǜ师.jsonl"},
		{gbk("客服ǚ记录.jsonl"), "客服ǚ记录.jsonl"},
		{gbk("包含Ж.csv"), "包含Ж.csv"},
		{gbk("俄语Ж.txt"), "俄语Ж.txt"},
		// (bopomofo, A8C5–A8E9, and its tone marks: the name was masked,
		// ע\uFFFD\uFFFD\uFFFDŨƨ\uFFFD.txt for 注音ㄅㄆㄇ.txt)
		{gbk("注音ㄅㄆㄇ.txt"), "注音ㄅㄆㄇ.txt"},
		{gbk("ㄅ型号.jsonl"), "ㄅ型号.jsonl"},
		{gbk("注音练习ㄅㄆㄇㄈ.csv"), "注音练习ㄅㄆㄇㄈ.csv"},
		{gbk("第二声ˊ.txt"), "第二声ˊ.txt"},
		{gbk("声调ˇ.txt"), "声调ˇ.txt"},
		// (a Latin-1 name is masked as before: its ü and the letter after
		// it read as no GBK letter, nor as a name)
		{"Gr\xfc\xdfe.txt", "Gr\uFFFD\uFFFDe.txt"},
		{"J\xfcrgen.txt", "J\uFFFDrgen.txt"},
		// (A3A0, private use in GBK and GB18030 alike, U+E5E5, which
		// golang.org/x/text reads as the space U+3000: masked, as a name
		// holding another user-defined code of GBK's is; it was shown
		// with a space it does not hold, 客服　记录.txt)
		{gbk("客服") + "\xa3\xa0" + gbk("记录.txt"), "\uFFFDͷ\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD¼.txt"},
		{gbk("客服　记录.txt"), "客服　记录.txt"}, // (A1A1, the space)
		// (bytes that read as GB18030, but not as a name: 頎€蜡)
		{"\xed\xa0\x80\xc0\xaf", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"},
	}
	for _, tt := range tests {
		if got := Shown(tt.in); got != tt.want {
			t.Errorf("Shown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestShownBig5Names: a file name in Big5, as a zip made on Traditional
// Chinese Windows (Taiwan, Hong Kong) writes names, was read as GBK, into
// other characters (聊天記錄.jsonl as 册ぱ癘魁.jsonl), or masked where GBK
// reads none (客服記錄 as U+FFFD and stray letters); it is shown decoded
// from Big5, HKSCS's characters too (嘅, 啲, 咗). A GBK name that reads
// as Big5 too stays GBK (客服记录 would be 諦督暮翹, 李玥 燠則), unless its
// Big5 reading is far likelier (訂單問題: GBK reads 璹虫拜肈); a GBK name
// with kana, Greek or a pinyin tone letter stays GBK where its GBK
// reading is the likelier (会话α: Big5 reads 頗趕汐); and Latin-1 stays
// masked.
func TestShownBig5Names(t *testing.T) {
	big5 := func(s string) string { return enctest.Big5(t, s) }
	gbk := func(s string) string { return enctest.GBK(t, s) }
	tests := []struct{ in, want, enc string }{
		{big5("聊天記錄.jsonl"), "聊天記錄.jsonl", "big5"},
		{big5("客服記錄.txt"), "客服記錄.txt", "big5"},
		// (港 as Windows writes it, B4 E4: x/text's encoder writes HKSCS's
		// FD BB)
		{"\xad\xbb\xb4\xe4" + big5("分店/十一月對話.jsonl") + ":3", "香港分店/十一月對話.jsonl:3", "big5"},
		{"日报/" + big5("客戶服務.xlsx"), "日报/客戶服務.xlsx", "big5"},
		{"open " + big5("門市客服.csv") + ": permission denied", "open 門市客服.csv: permission denied", "big5"},
		{gbk("客服记录.jsonl"), "客服记录.jsonl", "gbk"},
		{gbk("李玥.txt"), "李玥.txt", "gbk"},
		{gbk("出現问题.txt"), "出現问题.txt", "gbk"},
		{gbk("十一月/售后.jsonl"), "十一月/售后.jsonl", "gbk"},
		{"Stra\xdfe.txt", "Stra\uFFFDe.txt", "gbk"},
		{"客服.txt", "客服.txt", ""},
		// a GBK name with a symbol GBK holds and a name seldom does (°,
		// ≈, ㈡: fromGBK reads no name, and masks it) is no Big5 for it:
		// it was shown as Big5 reads it, 諾覃26～.jsonl, ＞忮綴.txt,
		// 諦督Ｘ.jsonl, named for convmv -f big5
		{gbk("空调26°.jsonl"), "\uFFFD\u0575\uFFFD26\uFFFD\uFFFD.jsonl", "gbk"},
		{gbk("≈售后.txt"), "\uFFFD\uFFFD\uFFFD\u06fa\uFFFD.txt", "gbk"},
		{gbk("客服㈡.jsonl"), "\uFFFD\u0377\uFFFD\uFFFD\uFFFD.jsonl", "gbk"},
		// Hong Kong's characters, HKSCS's in Big5 (嘅 FB 48, 啲 9D F8,
		// 咗 9D F7, 哋 92 5D): the name was GBK, masked or misread
		// (蔦抅濜璹虫)
		{big5("客服嘅記錄.jsonl"), "客服嘅記錄.jsonl", "big5"},
		{big5("改咗地址.txt"), "改咗地址.txt", "big5"},
		{big5("佢哋啲訂單.csv"), "佢哋啲訂單.csv", "big5"},
		// written Cantonese's characters that jieba's counts of Mandarin
		// hold, rarely (諗, 畀, 嚟 91 C1): they weighed as rare ones, and
		// the name was GBK, 畿猭, 璹虫蛁, 癳砯懥
		{big5("諗法.txt"), "諗法.txt", "big5"},
		{big5("訂單畀.jsonl"), "訂單畀.jsonl", "big5"},
		{big5("送貨") + "\x91\xc1.csv", "送貨嚟.csv", "big5"},
		// a Big5 name GBK reads into characters of its own, rarer by far
		// (璹虫拜肈, 穦杠, 癶砯癘魁): it stayed GBK
		{big5("訂單問題.jsonl"), "訂單問題.jsonl", "big5"},
		{big5("會話.jsonl"), "會話.jsonl", "big5"},
		{big5("退貨記錄.csv"), "退貨記錄.csv", "big5"},
		// (and one GBK reads with a character of its extension, outside
		// GB2312, which a mainland name seldom holds, less far, by
		// big5ExtMargin: it was GBK, 坝珇.csv, 薄猵.txt, while a mainland
		// name of a rare character, 王璟华, 丁玥, 程玥, 贾玥, 贺璟, and a
		// Traditional one typed in GBK, 樓盤, stay GBK; Big5's 稍等 is still
		// shown as GBK reads it, 祔单, as a margin that took it took
		// mainland names too: 退款 and 發票 are Big5 by their words, below)
		{big5("商品.csv"), "商品.csv", "big5"},
		{big5("情況.txt"), "情況.txt", "big5"},
		{gbk("王璟华.txt"), "王璟华.txt", "gbk"},
		{gbk("丁玥.txt"), "丁玥.txt", "gbk"},
		{gbk("程玥.jsonl"), "程玥.jsonl", "gbk"},
		{gbk("贾玥.csv"), "贾玥.csv", "gbk"},
		{gbk("贺璟.txt"), "贺璟.txt", "gbk"},
		{gbk("丁玥_0301.jsonl"), "丁玥_0301.jsonl", "gbk"},
		{gbk("樓盤.txt"), "樓盤.txt", "gbk"},
		{big5("稍等.txt"), "祔单.txt", "gbk"},
		// (and one whose Big5 reading is words of gse's dictionary, where
		// its GBK reading is none, less far still, by big5WordMargin: it
		// was GBK, 璹虫.txt, 芥產.jsonl, 洱洱.txt, 蝶基.csv, 癶蹿.txt,
		// 祇布.jsonl, or masked, �R�a.txt, �u�f.txt, while mainland names
		// whose Big5 reading is a word, 彭辰 as 鱖魚, 郝刚 as 甄試, 邓辰 as
		// 腌魚, stay GBK)
		{big5("訂單.txt"), "訂單.txt", "big5"},
		{big5("賣家.jsonl"), "賣家.jsonl", "big5"},
		{big5("媽媽.txt"), "媽媽.txt", "big5"},
		{big5("評價.csv"), "評價.csv", "big5"},
		{big5("退款.txt"), "退款.txt", "big5"},
		{big5("發票.jsonl"), "發票.jsonl", "big5"},
		{big5("買家.txt"), "買家.txt", "big5"},
		{big5("優惠.txt"), "優惠.txt", "big5"},
		{gbk("彭辰.txt"), "彭辰.txt", "gbk"},
		{gbk("郝刚.jsonl"), "郝刚.jsonl", "gbk"},
		{gbk("邓辰.csv"), "邓辰.csv", "gbk"},
		// (a mainland name whose Big5 reading is words, cheaper by more
		// than big5WordMargin: it was Big5 since, 隸屬.txt, 間腦.jsonl,
		// 種屬.txt, 救濟.csv, 街景.txt, 救星.txt, 種屬ヰ.txt; its GBK reading
		// starts with a common surname, chinese.Surnamed, and it is GBK
		// again)
		{gbk("刘妮.txt"), "刘妮.txt", "gbk"},
		{gbk("丁福.jsonl"), "丁福.jsonl", "gbk"},
		{gbk("贺妮.txt"), "贺妮.txt", "gbk"},
		{gbk("毕蕾.csv"), "毕蕾.csv", "gbk"},
		{gbk("刁春.txt"), "刁春.txt", "gbk"},
		{gbk("毕琍.txt"), "毕琍.txt", "gbk"},
		{gbk("贺妮庆.txt"), "贺妮庆.txt", "gbk"},
		{gbk("刘妮_0301.jsonl"), "刘妮_0301.jsonl", "gbk"},
		// a Big5 name of common hanzi whose second bytes are all ASCII (退
		// B0 68, 貨 B3 66), which GBK reads as characters of its extension
		// (癶砯) or none and shows masked: it was masked, �h�f.txt, as no
		// name; one such hanzi alone, or with ASCII letters standing
		// beside, as a Latin-1 name's accented letter is (Ärger's Är), two
		// that are no common hanzi (°C°F as 蚓蚌), and GBK's names so
		// written (紐約, 窣窣) are masked as before
		{big5("退貨.txt"), "退貨.txt", "big5"},
		{big5("以上.jsonl"), "以上.jsonl", "big5"},
		{big5("開發.csv"), "開發.csv", "big5"},
		{"day/" + big5("退貨_1.txt"), "day/退貨_1.txt", "big5"},
		{big5("退貨") + "/" + big5("客服.txt"), "退貨/客服.txt", "big5"},
		{big5("買.txt"), "\uFFFDR.txt", "gbk"},
		{big5("VIP退貨.txt"), "VIP\uFFFDh\uFFFDf.txt", "gbk"},
		{gbk("紐約.txt"), "\uFFFD~\uFFFDs.txt", "gbk"},
		{gbk("窣窣.txt"), "\uFFFD@\uFFFD@.txt", "gbk"},
		{"\xc4rger.txt", "\uFFFDrger.txt", "gbk"},
		{"\xb0C\xb0F.txt", "\uFFFDC\uFFFDF.txt", "gbk"},
		// a GBK name with kana, Greek, Cyrillic or a pinyin tone letter,
		// whose hanzi Big5 reads as its level-1 ones: it was Big5, read
		// into other characters (頗趕汐, 芋嘈諦, 諦督邢暮翹, 婦漪夾, 邦跺頗趕)
		// and named for convmv -f big5; it is GBK, shown decoded (masked
		// till chinese.GBKLetter: see TestShownGBKNames)
		{gbk("会话α.jsonl"), "会话α.jsonl", "gbk"},
		{gbk("ā顾客.txt"), "ā顾客.txt", "gbk"},
		{gbk("客服ǚ记录.jsonl"), "客服ǚ记录.jsonl", "gbk"},
		{gbk("包含Ж.csv"), "包含Ж.csv", "gbk"},
		{gbk("ü个会话.txt"), "ü个会话.txt", "gbk"},
		{gbk("客服记录ニャ.jsonl"), "客服记录ニャ.jsonl", "gbk"},
		// a GBK name of kana alone, a Japanese one, whose bytes are
		// Big5's most common hanzi (A4A1–A5F6): it was Big5, 氾旦玄.txt,
		// 失件弗奈玄.csv, 丐曰互午丹.txt, and named for convmv -f big5
		{gbk("テスト.txt"), "テスト.txt", "gbk"},
		{gbk("アンケート.csv"), "アンケート.csv", "gbk"},
		{gbk("ありがとう.txt"), "ありがとう.txt", "gbk"},
		{gbk("データ/ログ.jsonl"), "データ/ログ.jsonl", "gbk"},
		{gbk("おしらせメール.txt"), "おしらせメール.txt", "gbk"},
		{gbk("俄语Русский.txt"), "俄语Русский.txt", "gbk"},
		// (one kana twice, as a word of its own: it was Big5, 穴穴.txt,
		// 戊戊_1.jsonl, 友友.csv, as kana twice made no word; a Big5 ABB
		// word, 乾巴巴, read as 爱ぺぺ, and a name of a common hanzi twice,
		// 天天 as ぱぱ, 太太 as びび, are Big5 as before)
		{gbk("ママ.txt"), "ママ.txt", "gbk"},
		{gbk("ココ_1.jsonl"), "ココ_1.jsonl", "gbk"},
		{gbk("ねね.csv"), "ねね.csv", "gbk"},
		{big5("乾巴巴.txt"), "乾巴巴.txt", "big5"},
		{big5("天天.txt"), "天天.txt", "big5"},
		{big5("太太.jsonl"), "太太.jsonl", "big5"},
		// a GBK name in pinyin with its tone letters (A8A1–A8C0), which
		// Big5 reads as level-1 hanzi: it was Big5, Zh芋ng S芋n.txt,
		// k豕f迆.jsonl, L走_M赤ng.csv, named for convmv -f big5, as was
		// every one of 18,264 such names made of random syllables; it is
		// GBK (but for a tone letter in no word of ASCII letters, ā顾客,
		// as before: see TestShownGBKNames)
		{gbk("Zhāng Sān.txt"), "Zhāng Sān.txt", "gbk"},
		{gbk("kèfú.jsonl"), "kèfú.jsonl", "gbk"},
		{gbk("Lǐ_Míng.csv"), "Lǐ_Míng.csv", "gbk"},
		{gbk("lǚxíng-2025.txt"), "lǚxíng-2025.txt", "gbk"},
		{gbk("tuìkuǎn/hǎo.jsonl"), "tuìkuǎn/hǎo.jsonl", "gbk"},
		// (and a Big5 name of those hanzi with ASCII letters before or
		// after them is still Big5: in GBK a hanzi follows the letters,
		// or they are no word of ASCII letters)
		{big5("VIP車輛.txt"), "VIP車輛.txt", "big5"},
		{big5("iPhone角色.jsonl"), "iPhone角色.jsonl", "big5"},
		{big5("足球Pro.csv"), "足球Pro.csv", "big5"},
		{big5("A車隊.txt"), "A車隊.txt", "big5"},
		{big5("那 A.txt"), "那 A.txt", "big5"},
		// (and a Big5 name of those hanzi is still Big5: GBK reads them
		// into kana that make no word, いゅ, ぱゅ, or its hanzi are the
		// likelier, 五月 as きる)
		{big5("中文.txt"), "中文.txt", "big5"},
		{big5("天文.txt"), "天文.txt", "big5"},
		{big5("五月.jsonl"), "五月.jsonl", "big5"},
		{big5("六月.jsonl"), "六月.jsonl", "big5"},
		{big5("中心.txt"), "中心.txt", "big5"},
		{gbk("会话ラ.txt"), "会话ラ.txt", "gbk"},
		// a GBK name with fewer than four Greek or Cyrillic letters, whose
		// bytes are the level-1 hanzi of Big5's rows A6 and A7: it was
		// Big5, 岐.txt, 式弛.txt, 妤我.csv, 汐汕污_1.jsonl, v1.0汕.txt,
		// 式弛源偶.txt, 諦督妤我.jsonl, 米源偶.txt, 次暮翹.txt, 汕薦疏.csv,
		// named for convmv -f big5; it is GBK where its letters are a word
		// of their own (Я.txt), in one case (ΑΒ方案), or a Greek letter a
		// name labels with (μ方案), while a Big5 name of the commonest of
		// those hanzi, 我, 有成, 老成, is Big5 as before
		{gbk("Я.txt"), "Я.txt", "gbk"},
		{gbk("ΑΒ.txt"), "ΑΒ.txt", "gbk"},
		{gbk("Пи.csv"), "Пи.csv", "gbk"},
		{gbk("αβγ_1.jsonl"), "αβγ_1.jsonl", "gbk"},
		{gbk("v1.0β.txt"), "v1.0β.txt", "gbk"},
		{gbk("ΑΒ方案.txt"), "ΑΒ方案.txt", "gbk"},
		{gbk("客服Пи.jsonl"), "客服Пи.jsonl", "gbk"},
		{gbk("μ方案.txt"), "μ方案.txt", "gbk"},
		{gbk("Ω记录.txt"), "Ω记录.txt", "gbk"},
		{gbk("β滤波.csv"), "β滤波.csv", "gbk"},
		{big5("我.txt"), "我.txt", "big5"},
		{big5("有成.jsonl"), "有成.jsonl", "big5"},
		{big5("老成.txt"), "老成.txt", "big5"},
		// (a Big5 name of one of those hanzi, of the 1,000 or so most
		// frequent, against a Greek capital or a Cyrillic letter alone: it
		// was GBK since, Χ.txt, Ш.jsonl, Α_1.txt, е.csv; a name of one
		// letter GBK's a name may be, Я, Ж, a small Greek one, μ, or one
		// of those a name labels with, Ω, Δ, is GBK as before)
		{big5("朱.txt"), "朱.txt", "big5"},
		{big5("宋.jsonl"), "宋.jsonl", "big5"},
		{"day/" + big5("式_1.txt"), "day/式_1.txt", "big5"},
		{big5("快.csv"), "快.csv", "big5"},
		{gbk("Ж.txt"), "Ж.txt", "gbk"},
		{gbk("μ.txt"), "μ.txt", "gbk"},
		{gbk("Ω.jsonl"), "Ω.jsonl", "gbk"},
		{gbk("Δ.csv"), "Δ.csv", "gbk"},
		// a GBK name of bopomofo (A8C5–A8E9), whose bytes are the level-1
		// hanzi of Big5's row A8: it was Big5, 乳事些.txt, 乳事些亞.csv,
		// 來刻典‘.txt, 蛁秞來刻典‘.jsonl, 佯函’使兒’.txt, 乳事些褶炾.txt,
		// named for convmv -f big5; it is GBK in the table's order or
		// spelling syllables with a tone mark (or of three letters or
		// more), while Big5's 事兒, 兩具, 兩步 (ㄆㄠ, ㄢㄣ, ㄢ˙ as GBK reads
		// them) and 來 are Big5 as before
		{gbk("ㄅㄆㄇ.txt"), "ㄅㄆㄇ.txt", "gbk"},
		{gbk("ㄅㄆㄇㄈ.csv"), "ㄅㄆㄇㄈ.csv", "gbk"},
		{gbk("ㄓㄨㄥˉ.txt"), "ㄓㄨㄥˉ.txt", "gbk"},
		{gbk("注音ㄓㄨㄥˉ.jsonl"), "注音ㄓㄨㄥˉ.jsonl", "gbk"},
		{gbk("ㄋㄧˇㄏㄠˇ.txt"), "ㄋㄧˇㄏㄠˇ.txt", "gbk"},
		{gbk("ㄅㄆㄇ练习.txt"), "ㄅㄆㄇ练习.txt", "gbk"},
		{big5("事兒.txt"), "事兒.txt", "big5"},
		{big5("兩具.jsonl"), "兩具.jsonl", "big5"},
		{big5("兩步.txt"), "兩步.txt", "big5"},
		{big5("來.txt"), "來.txt", "big5"},
		// a GBK name with 其, 认, 棋, 漆, 妻, 凄, 柒 or 刃, which Big5 reads
		// as the marks it holds among kana and Cyrillic (＇, ］, 〆, 〃,
		// 々, ［, ＂: C6A1–C8FE), costing nothing as punctuation does: the
		// name was Big5, 蘇＇, ＇劃, ］齪, 驗〆, 創＇/［〃, named for convmv
		// -f big5
		{gbk("默认.jsonl"), "默认.jsonl", "gbk"},
		{gbk("认购.txt"), "认购.txt", "gbk"},
		{gbk("棋牌.csv"), "棋牌.csv", "gbk"},
		{gbk("喷漆.txt"), "喷漆.txt", "gbk"},
		{gbk("承认/其妻.jsonl"), "承认/其妻.jsonl", "gbk"},
		{gbk("凄凉.txt"), "凄凉.txt", "gbk"},
		{gbk("刀刃.txt"), "刀刃.txt", "gbk"},
		// a Latin-1 or Windows-1252 name whose ü, ú, ý or þ (FA–FE), or
		// ‹ “ ’ • – (87–9F), and the letter after it are HKSCS's first
		// and second bytes: it was Big5 since e4260b2, shown as Gr晧e.txt,
		// N唫ez.txt, 𠐓灹ardalur.txt, 很berpr㘹ung.txt and named for
		// convmv -f big5; it is masked again, as Straße is
		{"Gr\xfc\xdfe.txt", "Gr\uFFFD\uFFFDe.txt", "gbk"},
		{"F\xfc\xdfe.csv", "F\uFFFD\uFFFDe.csv", "gbk"},
		{"Tsch\xfc\xdf.jsonl", "Tsch\uFFFD\uFFFD.jsonl", "gbk"},
		{"N\xfa\xf1ez.txt", "N\uFFFD\uFFFDez.txt", "gbk"},
		{"b\xfd\xf0ur.txt", "b\uFFFD\uFFFDur.txt", "gbk"},
		{"\xd1and\xfa\xbb.txt", "\uFFFDand\uFFFD\uFFFD.txt", "gbk"},
		{"\x93B\xfa\xf0ardalur.txt", "\uFFFDB\uFFFD\uFFFDardalur.txt", "gbk"},
		{"\x8b\xc6r\xf8\xbb.txt", "\uFFFD\uFFFDr\uFFFD\uFFFD.txt", "gbk"},
		{"\xab\xdcberpr\xfcfung.txt", "\uFFFD\uFFFDberpr\uFFFDfung.txt", "gbk"},
	}
	for _, tt := range tests {
		if got := Shown(tt.in); got != tt.want {
			t.Errorf("Shown(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := NameEncoding(tt.in); got != tt.enc {
			t.Errorf("NameEncoding(%q) = %q, want %q", tt.in, got, tt.enc)
		}
	}
}

// FuzzNameEncoding: whatever bytes a name holds, it is shown as UTF-8,
// and a name taken as Big5 is shown decoded whole, each of its words that
// is not UTF-8 read by Big5 (HKSCS's characters too): none is left for
// Shown to mask.
func FuzzNameEncoding(f *testing.F) {
	for _, s := range []string{
		"\xca\x5c\x92\x5d\x9d\xef\xad\x71\xb3\xe6.jsonl",               // 佢哋嘅訂單, Big5-HKSCS
		"\xad\x71\xb3\xe6\xb0\xdd\xc3\x44.jsonl",                       // 訂單問題, Big5
		"\xbb\xe1\xbb\xb0\xa6\xc1.jsonl",                               // 会话α, GBK
		"\xbf\xcd\xb7\xfe\xbc\xc7\xc2\xbc\xa5\xcb\xa5\xe3.jsonl",       // 客服记录ニャ, GBK
		"\xa6\xc2\xb0\xe6/\xa8\xa1\xb9\xcb\xbf\xcd.csv",                // β版/ā顾客, GBK
		"l\xa8\xb8\xca\xa6\xa7\xa8.txt",                                // lǜ师Ж, GBK
		"\xa5\xc6\xa5\xb9\xa5\xc8.txt",                                 // テスト, GBK
		"\xa4\xaa\xa4\xb7\xa4\xe9\xa4\xbb\xa5\xe1\xa9\x60\xa5\xeb.txt", // おしらせメール, GBK
		"\xa4\xa4\xa4\xe5/\xa4\xad\xa4\xeb.txt",                        // 中文/五月, Big5
		"Zh\xa8\xa1ng S\xa8\xa1n.txt",                                  // Zhāng Sān, GBK
		"\xa7\xc1.txt",                                                 // Я, GBK
		"\xa6\xa1\xa6\xa2\xb7\xbd\xb0\xb8.txt",                         // ΑΒ方案, GBK
		"\xa7\xda.txt",                                                 // 我, Big5
		"\xa6\xb6.txt",                                                 // 朱, Big5 (Χ, GBK)
		"\xa8\xc5\xa8\xc6\xa8\xc7.txt",                                 // ㄅㄆㄇ, GBK
		"\xa8\xd3\xa8\xe8\xa8\xe5\xa1\xa5.txt",                         // ㄓㄨㄥˉ, GBK
		"\xa8\xc6\xa8\xe0.txt",                                         // 事兒, Big5
		"\xad\x71\xb3\xe6.txt",                                         // 訂單, Big5
		"\xc1\xf5\xc4\xdd.txt",                                         // 刘妮, GBK (隸屬, Big5)
		"\xb0h\xb3f.txt",                                               // 退貨, Big5
		"\xc4rger.txt",                                                 // Ärger, Latin-1
		"\xb0h\xb4\xda.txt",                                            // 退款, Big5
		"\xa5\xde\xa5\xde.txt",                                         // ママ, GBK
		"VIP\xa8\xae\xbd\xf8.txt",                                      // VIP車輛, Big5
		"\xb2\xe1\xa4\xd1\xb0O\xbf\xfd.jsonl",                          // 聊天記錄, Big5
		"Stra\xdfe.txt", "\x93Report\x94.txt", "\x87\xa1", "\xfe\xfe\xfe", "\x81\x30\x81\x30",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if shown := Shown(s); !utf8.ValidString(shown) {
			t.Fatalf("Shown(%q) = %q, not UTF-8", s, shown)
		}
		enc := NameEncoding(s)
		if enc == "big5" && !utf8.ValidString(DecodedName(s)) {
			t.Fatalf("NameEncoding(%q) = big5, but DecodedName leaves bytes that are not UTF-8: %q", s, DecodedName(s))
		}
		if utf8.ValidString(s) != (enc == "") {
			t.Fatalf("NameEncoding(%q) = %q", s, enc)
		}
	})
}

// TestDecodedNameOnce: the reports ask DecodedName for a file's name,
// and for ids made of it (客服记录.txt:3), for each of its conversations
// and findings, and each name that is not UTF-8 was weighed both ways
// (big5Name: decoded twice, chinese.Cost) every time: 22,000
// instructions and a few dozen allocations for each reply of a GBK-named
// library in the JSON report since e4260b2 (8,700 before it). The words
// that are not UTF-8 are now weighed once, and only read again; a name
// of other words asked in between is weighed as its own.
func TestDecodedNameOnce(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"\xbf\xcd\xb7\xfe\xbc\xc7\xc2\xbc.txt", "客服记录.txt"}, // GBK
		{"\xb2\xe1\xa4\xd1\xb0O\xbf\xfd.txt", "聊天記錄.txt"},    // Big5
		{"day/\xbf\xcd\xb7\xfe/\xca\xdb\xba\xf3.txt", "day/客服/售后.txt"},
		{"Stra\xdfe.txt", "Stra\xdfe.txt"},
	} {
		i := 0
		id := func() string { i++; return tc.name + ":" + strconv.Itoa(i) }
		DecodedName(id())
		// (what reading the words again takes, in the encoding told)
		read := testing.AllocsPerRun(100, func() { decodeWords(id(), gbkWord) })
		if NameEncoding(tc.name) == "big5" {
			read = testing.AllocsPerRun(100, func() { decodeWords(id(), big5Word) })
		}
		if n := testing.AllocsPerRun(100, func() {
			s := id()
			if got := DecodedName(s); !strings.HasPrefix(got, tc.want) || got[len(tc.want):] != s[len(tc.name):] {
				t.Fatalf("DecodedName(%q) = %q, want %q and its line", s, got, tc.want)
			}
		}); n > read+1 {
			t.Errorf("DecodedName(%q:N) allocated %.0f times, reading its words %.0f: want them weighed once", tc.name, n, read)
		}
	}
	// (names asked in turn: each its own)
	for range 3 {
		for name, want := range map[string]string{
			"\xbf\xcd\xb7\xfe.txt": "客服.txt", "\xb2\xe1\xa4\xd1\xb0O\xbf\xfd.txt": "聊天記錄.txt", "\xbb\xe1\xbb\xb0\xa6\xc1.txt": "会话α.txt",
		} {
			if got := Shown(name); got != want {
				t.Fatalf("Shown(%q) after another name = %q, want %q", name, got, want)
			}
		}
	}
}

// TestGBKExtension: a character GBK reads outside GB2312 (a first or
// second byte under A1) is told, a four-byte one of GB18030 is not one.
func TestGBKExtension(t *testing.T) {
	for _, c := range []struct {
		sample string
		want   bool
	}{
		{"\xb0h\xb4\xda ", true},             // 退款 in Big5: GBK's 癶 (B0 68)
		{"\x81\x40 ", true},                  // 丂
		{"\xbf\xcd\xb7\xfe ", false},         // 客服 in GBK
		{"\x81\x39\xee\x39\xbf\xcd ", false}, // 㐀客
		{"a\xbf\xcd1 ", false},
	} {
		if got := gbkExtension([]byte(c.sample)); got != c.want {
			t.Errorf("gbkExtension(%q) = %v, want %v", c.sample, got, c.want)
		}
	}
}

// TestNotGBK: a name holding a character GBK as convmv reads it has not,
// one of GB18030's four-byte sequences (㐀 81 39 EE 39) or a two-byte code
// GBK leaves to private use (€ A2E3, 䶮 FE9F), is told apart from one of
// GBK alone, read in its words that are not UTF-8 only: a directory's
// name in UTF-8 above GBK names, whose three-byte 月 (E6 9C 88) comes
// before a digit (3月1日, 11月3日), is none, and so is one whose € is
// UTF-8 (E2 82 AC).
func TestNotGBK(t *testing.T) {
	kefu := "\xbf\xcd\xb7\xfe" // 客服 in GBK
	for _, c := range []struct {
		name string
		want bool
	}{
		{"\x81\x39\xee\x39" + kefu + ".jsonl", true},
		{"day/" + kefu + "\x81\x39\xee\x39.jsonl", true},
		{"3月1日/\x81\x39\xee\x39.txt", true},
		{"day/\xc5\xb7\xd4\xaa\xa2\xe3\xb1\xa8\xbc\xdb.jsonl", true}, // 欧元€报价
		{"day/\xc1\xf5\xfe\x9f" + kefu + ".txt", true},               // 刘䶮客服
		{"day/" + kefu + ".jsonl", false},
		{"day/" + kefu + "1" + kefu + "2.jsonl", false}, // a digit after a two-byte character
		{"day/" + kefu + "Pro.jsonl", false},            // 服 B7 FE, then P (50)
		{"3月1日/" + kefu + ".jsonl", false},
		{"11月3日/第1批 " + kefu + ".jsonl", false},
		{"€报价/" + kefu + ".jsonl", false},
		{"3月1日.jsonl", false}, // (UTF-8)
	} {
		if got := NotGBK(c.name); got != c.want {
			t.Errorf("NotGBK(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}
