package chinese

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint/match"
)

// Cost is how unlikely d, a name as one encoding reads its bytes, is as
// Chinese, by how often the characters it holds are written: the sum of
// log2 of each hanzi's rank among the most frequent (match.HanziRank:
// jieba's counts, about as a character's frequency falls with its rank), a
// Traditional one by its Simplified form (記 as 记), a character of
// written Cantonese (嘅, 啲, 咗: HKSCS's in Big5) as one of the 500 most
// frequent; a hanzi past them, and what a Chinese name seldom holds
// (kana, Greek, Cyrillic, pinyin's tone letters, box drawing, symbols),
// cost as much as the rarest, and so do full-width letters and digits
// (Ｘ: a name is typed with ASCII's), but for the letters of a word
// (wordCost: テスト, アンケート, ありがとう, Русский, Я.txt's Я, ΑΒ版's ΑΒ,
// bopomofo's ㄅㄆㄇ and ㄓㄨㄥˉ, and pinyin's tone letters in a word of
// ASCII's, Zhāng, kèfú), which
// cost as a frequent hanzi, and a Greek letter a name labels with (α版),
// as a hanzi of middling frequency. ASCII and the punctuation of names
// (、《》（）, dashes and quotes, ·) cost nothing, but for the marks Big5
// holds among kana and Cyrillic (notNameMarks), which cost as much as the
// rarest too.
// Bytes read in the wrong encoding make characters at random, most of
// them rare, or none at all: the reading of a name's bytes that costs
// less is the likelier.
func Cost(d string) float64 {
	cost := 0.0
	for i := 0; i < len(d); {
		r, n := utf8.DecodeRuneInString(d[i:])
		if sc := letterScript(r); sc != 0 {
			// (a word of letters of one script)
			j := i + n
			for j < len(d) {
				r, n := utf8.DecodeRuneInString(d[j:])
				if letterScript(r) != sc {
					break
				}
				j += n
			}
			before, _ := utf8.DecodeLastRuneInString(d[:i])
			after, _ := utf8.DecodeRuneInString(d[j:])
			if sc == latin {
				cost += latinCost(d[i:j], !unicode.IsLetter(before) && !unicode.IsLetter(after))
			} else {
				cost += wordCost(d[i:j], sc, setsApart(d[:i], before) && setsApart(d[j:], after))
			}
			i = j
			continue
		}
		i += n
		switch {
		case strings.ContainsRune(notNameMarks, r):
			cost += rareCost
		case r < utf8.RuneSelf, nameMark(r):
		case unicode.Is(unicode.Han, r):
			cost += hanziCost(r)
		default:
			cost += rareCost
		}
	}
	return cost
}

// nameMark reports whether r is of the punctuation of names, which Cost
// takes as free (see notNameMarks for those it does not).
func nameMark(r rune) bool {
	return r >= 0x3000 && r <= 0x303f || // CJK punctuation
		r >= 0xff01 && r <= 0xff5e && !unicode.IsLetter(r) && !unicode.IsDigit(r) || // full-width punctuation
		r >= 0x2010 && r <= 0x2027 || // dashes, quotes, …
		r == 0xb7
}

// wordCost is Cost's cost of w, letters of one script (letterScript sc)
// in a row, apart telling whether it is a word of its own (setsApart): as
// the rarest hanzi each, unless they make a word, as Japanese writes one
// in kana (kanaWord: テスト, ありがとう, おしらせメール), or of Greek or
// Cyrillic letters, four or more (Русский), or two or three in one case
// (oneCase: ΑΒ版, Пи表, αβγ测试): then its first letter costs as the rarest
// and each after it letterCost, and each hiragana or katakana standing
// alone among the other script switchCost more. Greek or Cyrillic letters
// in one case that are a word of their own (ΑΒ.txt, αβγ_1.txt, μ.txt) cost
// letterCost each, the first too, as pinyin's tone letters in a word do,
// but one alone that a name seldom is (loneLetter: a Greek capital other
// than labelLetters', Χ.txt, or a Cyrillic letter, Я.txt) labelCost; and
// a Greek letter alone against hanzi, of those a name labels with
// (labelLetters: α版, Δ表, Ω型号), labelCost. Bopomofo costs so where it
// spells syllables or runs in the table's order (bopomofoWord), three
// letters or more (ㄓㄨㄥ, ㄅㄆㄇ练习), its tone marks nothing; and where it
// is surely such a word (in the table's order, ㄅㄆㄇ, or with a tone mark
// ˉ ˊ ˇ ˋ, ㄓㄨㄥˉ, ㄇㄚˉ) and a word of its own, letterCost each letter.
//
// A GBK name of kana alone, a Japanese one, was read as Big5, as the most
// common hanzi its bytes are there (A4A1–A5F6: テスト as 氾旦玄, ありがとう
// as 丐曰互午丹), which cost less than as many of the rarest; and so, as
// the level-1 hanzi of Big5's rows A6 and A7, was every one of fewer than
// four Greek or Cyrillic letters as a word of its own (Я.txt as 岐.txt,
// ΑΒ.txt as 式弛.txt, Пи.txt as 妤我.txt; now 0–8% of random ones are,
// those that read as 有, 成 or 我), 10–24% of those of two or three in
// one case against a word of gse's Simplified dictionary (ΑΤ干警; now
// 0–2%), and 6.4% of those of one of labelLetters against such a word
// (β蝴蝶谷 as 汕蔣萳撰; now 2%). Of the 30,688 words of gse's Traditional
// Chinese dictionary (counted 20 times or more) read as Big5 in Big5, 14
// no longer are: hanzi of those rows alone as a name (曲.txt as Ρ.txt,
// 夾.txt as Ж.txt, 壯志.txt as Ёв.txt), 污穢 as γ漏 and 鎩羽而歸 as 骿πτ耴.
// Of the 114 Big5 names of one hanzi of those rows, 朱.txt as Χ.txt, 3
// were read as Big5 then (有, 成, 我), and 24 are since loneLetter: those
// of the 1,000 or so most frequent hanzi against a Greek capital or a
// Cyrillic letter (朱, 宋, 式, 收, 完, 快, 找, 把 …), while small Greek
// letters stay GBK's (米 as μ, 老 as ρ, 百 as κ, 而 as τ, 考 as σ).
// A GBK name of bopomofo alone was read as Big5 too, as the level-1 hanzi
// of Big5's row A8 (ㄅㄆㄇ.txt as 乳事些.txt, ㄓㄨㄥˉ.txt as 來刻典‘.txt):
// every one of 134 runs of 3 to 6 letters in the table's order, of 213
// names of one or two syllables with tone marks, and of 142 without them;
// now none of the first 347 is, and 58 of the 142 are: those of one or
// two letters (ㄅㄠ.txt as 乳兒.txt), and ㄓㄨㄥ and ㄓㄤㄞ, as 來刻典 and
// 來其佺 (來, ㄓ, is the 18th most frequent hanzi).
// Of the 235,145 words of gse's Traditional dictionary in Big5, as many
// are read as Big5 as before (事兒, 兩具, 兩步, 兒, 兩 among them).
func wordCost(w string, sc int, apart bool) float64 {
	n := float64(utf8.RuneCountInString(w))
	switch {
	case sc == bopomofo:
		letters := n - float64(countTones(w))
		switch word, sure := bopomofoWord(w); {
		case sure && apart:
			return letters * letterCost
		case word && letters >= 3:
			return rareCost + (letters-1)*letterCost
		}
	case sc == kana:
		if ok, alone := kanaWord(w, apart); ok && n >= 2 {
			return rareCost + (n-1)*letterCost + float64(alone)*switchCost
		}
	case n == 1 && apart && loneLetter(w, sc):
		return labelCost
	case apart && oneCase(w):
		return n * letterCost
	case n >= 4, n >= 2 && oneCase(w):
		return rareCost + (n-1)*letterCost
	case n == 1 && sc == greek && strings.Contains(labelLetters, w):
		return labelCost
	}
	return n * rareCost
}

// setsApart reports whether r, the character on one side of a word of
// letters in a name, the first of rest (or its last, of the name before
// the word), sets the word apart as one of its own: the name's start or end,
// ASCII other than a letter, or the punctuation of names (、《》（）, dashes and
// quotes, ·); not a hanzi, a kana, a letter, nor a symbol a name seldom
// holds, as Big5's bytes read as GBK often are (↖, ═).
func setsApart(rest string, r rune) bool {
	return rest == "" || r < utf8.RuneSelf && !unicode.IsLetter(r) ||
		nameMark(r) && !strings.ContainsRune(notNameMarks, r)
}

// loneLetter reports whether w, one Greek or Cyrillic letter (letterScript
// sc), is one a name seldom is, alone: a Greek capital other than those
// of labelLetters (Χ, Α, Μ; not Δ, Ω, nor small ones, μ, λ), or a
// Cyrillic letter (Я, в). A Big5 name of one hanzi of its rows A6 and
// A7 is read as such a letter in GBK (朱 A6B6 as Χ, 宋 A7BA as Ш): as a
// word of its own costing labelCost, as a hanzi of rank 1,000 or so, the
// letter is Big5's hanzi where that is more frequent (朱, 宋), and stays
// a letter where not (Я, not 岐).
func loneLetter(w string, sc int) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return sc == cyrillic || sc == greek && unicode.IsUpper(r) && !strings.ContainsRune(labelLetters, r)
}

// labelLetters are the Greek letters a name puts against hanzi, alone, as
// a label (α版, β测试, Δ表, Ω型号, Φ50管): the start of the alphabet, and
// those of mathematics and science.
const labelLetters = "αβγδμπΔΣΦΩ"

// oneCase reports whether w, Greek or Cyrillic letters, is written in one
// case, or with a capital first and small letters after it (ΑΒ, αβγ, Пи,
// ИП; not αΒ, ПиП), as a word or an abbreviation is: bytes of Big5's
// hanzi read as GBK fall on either case at random.
func oneCase(w string) bool {
	_, n := utf8.DecodeRuneInString(w)
	return !strings.ContainsFunc(w[n:], unicode.IsUpper) || !strings.ContainsFunc(w, unicode.IsLower)
}

// latinCost is Cost's cost of w, ASCII letters and pinyin's tone letters
// in a row (letterScript latin), word telling whether it is a word of its
// own, with no letter of another script (a hanzi, kana) right before or
// after it. The tone letters of such a word with ASCII letters in it,
// pinyin (Zhāng Sān, Lǐ, kèfú, lǚxíng), cost letterCost each; any other
// tone letter, alone (ā顾客) or in ASCII letters that a hanzi follows
// (Aó輛, Big5's A車輛 read as GBK), as the rarest; ASCII letters nothing.
// A GBK name in pinyin was read as Big5, its tone letters as the level-1
// hanzi those bytes are there (A8A1–A8C0: Zhāng Sān as Zh芋ng S芋n, kèfú
// as k豕f迆), which cost less than as many of the rarest: so were all of
// 18,264 names of random syllables of pinyin, and 99.6% now are GBK (the
// rest a tone letter alone, é.txt, ō_già.txt). Of the 30,580 words of
// gse's Traditional Chinese dictionary read as Big5 in Big5, as many are
// still, and with an ASCII letter right before or after them 11 are no
// longer (A車.txt, A車身.txt: only those hanzi between the letters and
// the name's end).
func latinCost(w string, word bool) float64 {
	tone, ascii := 0.0, false
	for _, r := range w {
		if r < utf8.RuneSelf {
			ascii = true
		} else {
			tone++
		}
	}
	if word && ascii {
		return tone * letterCost
	}
	return tone * rareCost
}

// letterCost is what a letter of a word costs after its first (wordCost):
// as a hanzi of rank 45 or so. switchCost is what a hiragana or katakana
// alone among the other script costs besides: a word seldom switches so
// (ず|ネ), and bytes of Big5's A4 and A5 rows read so as often as not
// (內生). Of the 213,501 words in kana of gse's Japanese dictionary,
// written in GBK, every one was read as Big5; 4.2% of those in hiragana,
// 1.8% of those in katakana and 5.3% of those in both now are. Of the
// 30,582 words of its Traditional Chinese dictionary (counted 20 times or
// more) read as Big5 in Big5, 2 no longer are (丟失 as メア, 伊瓜蘇 as
// レナ默; 五月, 中心, 日月, as きる, いみ, らる, still are); of the 81,645
// of its Simplified one, in GBK, as many as before are (4).
const (
	letterCost = 5.5
	switchCost = 6
)

// labelCost is what a Greek letter of labelLetters costs against hanzi:
// as a hanzi of rank 1,000 or so.
const labelCost = 10

const (
	kana = 1 + iota
	greek
	cyrillic
	latin
	bopomofo
)

// letterScript is the script of r, if it is a letter of a word a name
// may be written in with GBK's characters (GB2312's rows A4–A8): kana
// (hiragana, katakana, ー), Greek, Cyrillic, and latin: ASCII's letters
// and pinyin's with a tone mark (pinyinLetters); 0 for any other.
func letterScript(r rune) int {
	switch {
	case r >= 0x3041 && r <= 0x3096, r >= 0x30a1 && r <= 0x30fa, r == 0x30fc:
		return kana
	case r >= 0x391 && r <= 0x3a9 && r != 0x3a2, r >= 0x3b1 && r <= 0x3c9 && r != 0x3c2:
		return greek
	case r == 0x401, r >= 0x410 && r <= 0x44f, r == 0x451:
		return cyrillic
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', strings.ContainsRune(pinyinLetters, r):
		return latin
	case r >= 'ㄅ' && r <= 'ㄩ', strings.ContainsRune(bopomofoTones, r):
		return bopomofo
	}
	return 0
}

// pinyinLetters are the letters of pinyin GB2312 holds (A8A1–A8C0).
const pinyinLetters = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêɑńňǹɡ"

// GBKLetter reports whether r is one of the letters GB2312 (and so GBK)
// holds in its rows A6–A8, which a mainland name is written with beside
// hanzi or ASCII (会话α, β版, ā顾客, Zhāng, 包含Ж, 注音ㄅㄆㄇ): Greek,
// Cyrillic, pinyin's letters with a tone mark (āáǎà … ǜ, ê, ɑ, ń, ň, ǹ,
// ɡ), and bopomofo (ㄅ … ㄩ, A8C5–A8E9) with its tone marks (ˉ ˇ in
// GB2312's A1A5, A1A6, ˊ ˋ ˙ in GBK's A840–A842).
func GBKLetter(r rune) bool {
	switch letterScript(r) {
	case greek, cyrillic, bopomofo:
		return true
	case latin:
		return r >= utf8.RuneSelf
	}
	return false
}

// bopomofoTones are the tone marks written after bopomofo: ˉ ˊ ˇ ˋ ˙.
const bopomofoTones = "\u02c9\u02ca\u02c7\u02cb\u02d9"

// countTones is how many of w's characters are bopomofo's tone marks.
func countTones(w string) int {
	n := 0
	for _, r := range w {
		if strings.ContainsRune(bopomofoTones, r) {
			n++
		}
	}
	return n
}

// bopomofoWord reports whether w, bopomofo and its tone marks
// (letterScript bopomofo), is written as a name writes them, letters of
// the table in its order, three or more (ㄅㄆㄇ, ㄉㄊㄋㄌ), or syllables
// as Mandarin spells them (bopomofoSpelled: ㄓㄨㄥ, ㄋㄧˇㄏㄠˇ); and whether
// it is surely so (sure): in the table's order, or spelled with a tone
// mark ˉ ˊ ˇ or ˋ after a syllable at least (ㄓㄨㄥˉ, ㄓㄨㄥㄨㄣˊ, the
// first tone often left unwritten). Bytes of Big5's row A8 read as GBK
// fall on bopomofo (A8C5–A8E9: 事 as ㄆ, 兒 as ㄠ, 兩 as ㄢ, 來 as ㄓ),
// often spelling a syllable (事兒 as ㄆㄠ, 兩具 as ㄢㄣ, 兩步 as ㄢ˙), but
// no word of gse's Traditional dictionary in the table's order, nor with
// one of those tone marks: ˉ ˇ are Big5's quotes ‘ ’ (A1A5, A1A6) and ˊ ˋ
// its rare 杓 杗 (A840, A841), where ˙ is its common 步 (A842).
func bopomofoWord(w string) (word, sure bool) {
	rs := []rune(w)
	inOrder := len(rs) >= 3
	for i, r := range rs {
		if r < 'ㄅ' || r > 'ㄩ' || i > 0 && r != rs[i-1]+1 {
			inOrder = false
			break
		}
	}
	if inOrder {
		return true, true
	}
	if !bopomofoSpelled(rs) {
		return false, false
	}
	return true, strings.ContainsAny(w, "\u02c9\u02ca\u02c7\u02cb")
}

// bopomofoSpelled reports whether rs, bopomofo and its tone marks, are
// syllables as Mandarin spells them (bopomofoSyllable), each with at most
// one tone mark after it (˙ before it, as Taiwan writes the light tone).
func bopomofoSpelled(rs []rune) bool {
	n := len(rs)
	ok := make([]bool, n+1) // ok[i]: rs[i:] are such syllables
	ok[n] = true
	in := func(p int, lo, hi rune) bool { return p < n && rs[p] >= lo && rs[p] <= hi }
	for i := n - 1; i >= 0; i-- {
		p := i
		if rs[p] == '\u02d9' {
			p++
		}
		var ini rune
		if in(p, 'ㄅ', 'ㄙ') {
			ini = rs[p]
			p++
		}
		// (a medial, and a final, may each be this syllable's or start
		// the next: ㄓㄧ is ㄓ, ㄧ)
		for _, m := range [2]bool{false, in(p, 'ㄧ', 'ㄩ')} {
			q, med := p, rune(0)
			if m {
				q, med = p+1, rs[p]
			}
			for _, f := range [2]bool{false, in(q, 'ㄚ', 'ㄦ')} {
				e, fin := q, rune(0)
				if f {
					e, fin = q+1, rs[q]
				}
				if bopomofoSyllable(ini, med, fin) && (ok[e] || e < n && strings.ContainsRune(bopomofoTones, rs[e]) && ok[e+1]) {
					ok[i] = true
				}
			}
		}
	}
	return ok[0]
}

// bopomofoSyllable reports whether an initial (ㄅ … ㄙ), a medial (ㄧ ㄨ
// ㄩ) and a final (ㄚ … ㄦ), each 0 where there is none, make a syllable
// of Mandarin: ㄐ ㄑ ㄒ only before ㄧ or ㄩ, ㄓ … ㄙ alone or without
// them, ㄦ alone, and the finals each medial takes.
func bopomofoSyllable(ini, med, fin rune) bool {
	const (
		labials  = "ㄅㄆㄇㄈ"
		palatals = "ㄐㄑㄒ"
	)
	switch {
	case ini == 0 && med == 0 && fin == 0:
		return false
	case fin == 'ㄦ':
		return ini == 0 && med == 0
	case ini != 0 && med == 0 && fin == 0:
		return ini >= 'ㄓ' // (ㄓ ㄔ ㄕ ㄖ ㄗ ㄘ ㄙ)
	}
	switch med {
	case 0:
		return !strings.ContainsRune(palatals, ini)
	case 'ㄧ':
		return (ini == 0 || strings.ContainsRune("ㄅㄆㄇㄉㄊㄋㄌㄐㄑㄒ", ini)) && (fin == 0 || strings.ContainsRune("ㄚㄛㄝㄞㄠㄡㄢㄣㄤㄥ", fin))
	case 'ㄨ':
		if strings.ContainsRune(labials, ini) {
			return fin == 0
		}
		return !strings.ContainsRune(palatals, ini) && (fin == 0 || strings.ContainsRune("ㄚㄛㄞㄟㄢㄣㄤㄥ", fin))
	}
	// ㄩ
	return (ini == 0 || strings.ContainsRune("ㄋㄌㄐㄑㄒ", ini)) && (fin == 0 || strings.ContainsRune("ㄝㄢㄣㄥ", fin))
}

// kanaWord reports whether w, kana, is written as Japanese writes a word,
// and how many of its letters stand alone among the other script (of
// hiragana and katakana; ー is either). Japanese starts no word with a
// small kana, ん, っ, を or ー (kanaNotFirst), writes a small ゃ ゅ ょ after
// a kana of the i column only (き, し, … and katakana's テ, デ, フ, ヴ), a
// small vowel or っ after neither ん nor っ, a small ゎ after く or ぐ
// only, no ヵ, ヶ or archaic ゐ, ゑ in a word of kana alone, and one kana
// twice only as a word of its own (apart, setsApart: ママ.txt, ココ_1.txt; not as
// Big5's ABB words, 乾巴巴, read as 爱ぺぺ). Every GBK name of one kana
// twice was read as Big5 (ママ.txt as 穴穴.txt), as no word; 46% now are,
// those Big5 reads as a common hanzi twice (パパ as 由由, いい as 中中),
// and small kana, which make no word. Of the words of gse's Traditional
// dictionary read as Big5 in Big5 (30,674), one no longer is (戶戶 as めめ).
func kanaWord(w string, apart bool) (ok bool, alone int) {
	if r, n := utf8.DecodeRuneInString(w); !apart && len(w) == 2*n && w[n:] == w[:n] && r != 0x30fc {
		return false, 0 // (one kana twice)
	}
	prev := rune(0)
	script, seg, switched := 0, 0, false // the script of the letters in a row, how many
	for _, r := range w {
		switch {
		case prev == 0 && strings.ContainsRune(kanaNotFirst, r):
			return false, 0
		case strings.ContainsRune("ゃゅょャュョ", r):
			if !strings.ContainsRune("きぎしじちぢにひびぴみりキギシジチヂニヒビピミリテデフヴ", prev) {
				return false, 0
			}
		case strings.ContainsRune("ぁぃぅぇぉァィゥェォっッ", r):
			if strings.ContainsRune("んンっッ", prev) {
				return false, 0
			}
		case strings.ContainsRune("ゎヮ", r):
			if !strings.ContainsRune("くぐクグ", prev) {
				return false, 0
			}
		case strings.ContainsRune("ヵヶゐゑヰヱ", r):
			return false, 0
		}
		prev = r
		if r == 0x30fc {
			continue // (ー)
		}
		sc := 1 // hiragana
		if r >= 0x30a1 {
			sc = 2 // katakana
		}
		if script != 0 && sc != script {
			switched = true
			if seg < 2 {
				alone++
			}
			seg = 0
		}
		script = sc
		seg++
	}
	if switched && seg < 2 {
		alone++
	}
	return true, alone
}

// kanaNotFirst are the kana no Japanese word starts with.
const kanaNotFirst = "ぁぃぅぇぉっゃゅょゎんをァィゥェォッャュョヮヵヶンヲー"

// notNameMarks are marks Big5 (as HKSCS has it) holds in its rows C6A1–
// C8FE, among circled numbers, radicals, kana and Cyrillic, outside its
// punctuation (A140–A3BF): Japanese ones and full-width brackets and
// quotes, which a Chinese name seldom holds. GBK's 妻, 凄, 漆, 柒, 其,
// 棋, 认 and 刃 (C6DE–C6E5, C8CF, C8D0) are those bytes: free, as
// punctuation is, they made a GBK name likelier as Big5 reads it (默认
// as 蘇＇, 棋牌 as ］齪) than as itself.
const notNameMarks = "〃々〆〇［］＇＂"

// rareCost is Cost's cost of a hanzi past match.HanziByFrequency's, and of a
// character a name seldom holds.
var rareCost = math.Log2(float64(utf8.RuneCountInString(match.HanziByFrequency)) + 1)

// cantonese are characters written Cantonese uses often (many of them
// HKSCS's in Big5), which jieba's counts of Mandarin text do not hold,
// or hold among the rare (唔, 嚟, 諗, 畀: past the 4,000th): they rank as
// the 500th, however jieba ranks them.
const cantonese = "嘅啲咗喺嘢哋冇佢唔咁噉睇攞嚟咩乜啱嗰諗俾畀搵㗎嘞囉啩咪咋嘥冚瞓吖"

// hanziCost is Cost's cost of the hanzi r.
func hanziCost(r rune) float64 {
	rank := hanziRank(r)
	if rank == 0 {
		return rareCost
	}
	return math.Log2(float64(rank) + 1)
}

// hanziRank is the rank of the hanzi r among match.HanziByFrequency's, from 1, a
// Traditional one's by its Simplified form, and 500 at most for one of
// written Cantonese's; 0 for any other.
func hanziRank(r rune) int {
	rank := match.HanziRank(r)
	ok := rank > 0
	if !ok {
		if t := []rune(match.Normalize(string(r))); len(t) == 1 {
			rank = match.HanziRank(t[0]) // (its Simplified form)
			ok = rank > 0
		}
	}
	if (!ok || rank > 500) && strings.ContainsRune(cantonese, r) {
		rank = 500
	}
	return rank
}

// Words reports whether each run of hanzi in d, a name as one encoding
// reads its bytes, in its Simplified form (match.Normalize: 訂單 as 订单),
// splits wholly into words of gse's dictionary (match.WordFreq) of two
// characters or more, each counted min times or more in its corpus:
// 订单, 订单问题 (订单 问题), 客服 记录; not 璹虫, nor 丁玥, nor 稍等 (稍 等),
// nor a name with no hanzi.
func Words(d string, min float64) bool {
	words := false
	for i := 0; i < len(d); {
		r, n := utf8.DecodeRuneInString(d[i:])
		if !unicode.Is(unicode.Han, r) {
			i += n
			continue
		}
		j := i + n
		for j < len(d) {
			r, n := utf8.DecodeRuneInString(d[j:])
			if !unicode.Is(unicode.Han, r) {
				break
			}
			j += n
		}
		if !wordsRun([]rune(match.Normalize(d[i:j])), min) {
			return false
		}
		words = true
		i = j
	}
	return words
}

// maxWord is how many hanzi Words takes a word of gse's dictionary to be
// at most: of its words of two or more, all but a few (idioms and names
// written out) are eight or fewer.
const maxWord = 8

// wordsRun reports whether run, hanzi, splits wholly into words of gse's
// dictionary of two to maxWord characters, each counted min times or more.
func wordsRun(run []rune, min float64) bool {
	ok := make([]bool, len(run)+1) // ok[j]: run[:j] so splits
	ok[0] = true
	for j := 2; j <= len(run); j++ {
		for i := max(0, j-maxWord); i <= j-2 && !ok[j]; i++ {
			ok[j] = ok[i] && match.WordFreq(string(run[i:j])) >= min
		}
	}
	return ok[len(run)]
}

// Surnamed reports whether d, a name as one encoding reads its bytes,
// holds a run of two to four hanzi that starts with a common surname
// (surnames, or a compound one, 欧阳, 司马 …), in its Simplified form, as
// a mainland name does: 刘妮, 丁福_0301, 欧阳娜娜; not 蝶基, 璹虫, nor
// 刘妮客服记录. A mainland name's Big5 reading is now and then words
// (刘妮 as 隸屬, 丁福 as 間腦), where a Big5 name's GBK reading falls on
// characters at random, seldom a surname first (評價 as 蝶基).
func Surnamed(d string) bool {
	for _, run := range strings.FieldsFunc(d, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) {
		rs := []rune(match.Normalize(run))
		if len(rs) < 2 || len(rs) > 4 {
			continue
		}
		if strings.ContainsRune(surnames, rs[0]) || len(rs) > 2 && strings.Contains(compoundSurnames, string(rs[:2])) {
			return true
		}
	}
	return false
}

// surnames are 255 of the mainland's most common surnames, the commonest
// first (王, 李, 张).
const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文施洪辛柯庄樊殷葛邢安齐伍庞颜倪聂章鲁岳翟詹申耿关兰焦俞左柳甘祝包宁尚符舒阮纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝温牛"

// compoundSurnames are the common surnames of two hanzi, each followed by
// a space.
const compoundSurnames = "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 夏侯 端木 长孙 宇文 司徒 "

// commonHanzi is how many of the most frequent hanzi Common takes: the
// 3,500 of the first level of the 通用规范汉字表 write 99.5% of text.
const commonHanzi = 3500

// Common reports whether r is a hanzi of the commonHanzi most frequent
// (match.HanziByFrequency's, a Traditional one by its Simplified form: 記 as 记) or
// one written Cantonese uses often (cantonese: 嘅, 啲, 咗). Big5's HKSCS
// characters (a first byte 87–A0 or FA–FE) a name is written with are
// those: most of its others are rare, and read by chance from bytes of
// another encoding (Latin-1's ü and ß of Grüße, FC DF, as 晧).
func Common(r rune) bool {
	rank := hanziRank(r)
	return rank > 0 && rank <= commonHanzi
}
