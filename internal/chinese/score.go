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
// (Ｘ: a name is typed with ASCII's). ASCII and the punctuation of names
// (、《》（）, dashes and quotes, ·) cost nothing, but for the marks Big5
// holds among kana and Cyrillic (notNameMarks), which cost as much as
// the rarest too. Bytes read in the wrong encoding make characters at
// random, most of them rare, or none at all: the reading of a name's
// bytes that costs less is the likelier.
func Cost(d string) float64 {
	cost := 0.0
	for _, r := range d {
		switch {
		case strings.ContainsRune(notNameMarks, r):
			cost += rareCost
		case r < utf8.RuneSelf,
			r >= 0x3000 && r <= 0x303f, // CJK punctuation
			r >= 0xff01 && r <= 0xff5e && !unicode.IsLetter(r) && !unicode.IsDigit(r), // full-width punctuation
			r >= 0x2010 && r <= 0x2027, // dashes, quotes, …
			r == 0xb7:
		case unicode.Is(unicode.Han, r):
			cost += hanziCost(r)
		default:
			cost += rareCost
		}
	}
	return cost
}

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
