package lint

import (
	"iter"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/chatlint/chatlint/internal/chinese"
)

// lineBreaks shows the line breaks of a text as ⏎.
var lineBreaks = strings.NewReplacer("\r\n", " ⏎ ", "\n", " ⏎ ", "\r", " ⏎ ")

// Shown is s as a report or a message may put it on a terminal, on one
// line: line breaks as ⏎ (a conversation id, a sender or a file name cannot
// start a line of its own that reads like chatlint's), a tab as a space,
// and the other control characters (ESC and the rest of C0, DEL, C1) and
// the bidirectional overrides as U+FFFD (Masked), so that an export cannot
// clear the screen, recolour the report, set the window title or reorder
// what is shown; and every byte that is not UTF-8 as U+FFFD too: a
// terminal not in UTF-8 runs a raw 9B as CSI, and one in UTF-8 shows
// garbage for it. A name that is not UTF-8 but GBK (GB18030), as a zip
// made on Chinese Windows names its files (客服记录.jsonl), or Big5, as
// Traditional Chinese Windows does (客服記錄.jsonl), is shown decoded (see
// DecodedName).
func Shown(s string) string {
	if !needsShowing(s) {
		return s
	}
	s = DecodedName(s)
	s = lineBreaks.Replace(s)
	var b strings.Builder
	b.Grow(len(s))
	WriteMasked(&b, s, Masked)
	return b.String()
}

// WriteMasked writes s to b with a tab as a space and every character
// hidden reports (Masked, or a writer's narrower choice) as U+FFFD, and
// every byte that is not UTF-8 as U+FFFD as well.
func WriteMasked(b *strings.Builder, s string, hidden func(rune) bool) {
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case hidden(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
}

// Masked reports whether r is a character no report writes as it is: a C0
// control (U+0000–001F), DEL, a C1 control (U+0080–009F) or a
// bidirectional embedding, override or isolate (U+202A–202E,
// U+2066–2069). It is the one list every writer goes by (Shown, the GitHub
// annotations, the HTML page), each writing them as U+FFFD; tab and the
// line breaks are among them, and each writer says what it makes of those
// (Shown a space and ⏎; the annotations and the page, which can show
// lines, keep the line breaks). The Unicode noncharacters are not among
// them: they do no harm on a terminal or in an annotation, and Unicode lets
// text carry them; only the HTML page masks them besides, as HTML's input
// stream does not allow them (report's controlSafe).
func Masked(r rune) bool {
	return r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// MaskedLead reports whether c can be the first byte of a character Masked
// reports, in UTF-8 (a control byte, DEL, C2 for C1, E2 for the
// bidirectional controls): a scanner of bytes need only decode a character
// at such a byte.
func MaskedLead(c byte) bool { return c < 0x20 || c == 0x7f || c == 0xc2 || c == 0xe2 }

// needsShowing reports whether s holds a character Masked reports or a
// byte that is not UTF-8 (then Shown changes it).
func needsShowing(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if MaskedLead(c) {
				return true
			}
			i++
		case c >= 0xe1 && c <= 0xef && c != 0xe2 && c != 0xed && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80:
			// the CJK characters and most of the BMP, without decoding:
			// three bytes whose lead allows any continuation and begins
			// no masked character (E2 begins the bidirectional controls,
			// ED the surrogates)
			i += 3
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 || MaskedLead(c) && Masked(r) {
				return true
			}
			i += n
		}
	}
	return false
}

// DecodedName is s, a file's path or a message naming one, as a person
// is shown it: when it is not UTF-8, each of its words that reads as GBK
// (GB18030) decoded (see fromGBK), or as Big5 when s is a name in Big5
// (see big5Name), the other bytes left as they are for the writer to
// mask; else s as it is. What names a file for a program keeps the bytes
// too: JSON's file_bytes, SARIF's uri.
func DecodedName(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	if big5Name(s) {
		return decodeWords(s, big5Word)
	}
	return fromGBK(s)
}

// NameEncoding is the encoding DecodedName reads s in: "" when s is
// UTF-8, "big5" for a name in Big5 (see big5Name), else "gbk" (GB18030,
// whether or not it reads s).
func NameEncoding(s string) string {
	switch {
	case utf8.ValidString(s):
		return ""
	case big5Name(s):
		return "big5"
	}
	return "gbk"
}

// NotGBK reports whether s, a name that is not UTF-8 and that DecodedName
// reads as GBK (GB18030), holds a character GBK as convmv reads it has
// not (chinese.NotGBK): one of GB18030's four-byte sequences (㐀 81 39 EE
// 39), or a two-byte code that GBK leaves to private use (€ A2E3, 䶮
// FE9F): convmv -f gbk would rename it with U+FFFD or a private-use
// character in its place. Only its words that are not UTF-8 are read (see
// fromGBK): a directory's name in UTF-8 above them is none, and read by
// twos its three-byte characters would run into the ASCII after them (月
// E6 9C 88 of 3月1日, its 88 taken with the 1 for a lead byte and a
// four-byte sequence's digit).
func NotGBK(s string) bool {
	for word := range words(s) {
		if !utf8.ValidString(word) && chinese.NotGBK(word) {
			return true
		}
	}
	return false
}

// fromGBK is s, which is not UTF-8, with each of its words that is not
// UTF-8 but reads as GB18030 (GBK's superset) without a byte it cannot
// read, decoded: a path's names that a Windows zip or a Chinese Windows
// share wrote in GBK (of a path whose directories are in UTF-8 only those
// that are not), and such a path in a message. Words are parted by the
// ASCII no GB18030 character holds (below 0x30 but the digits a
// four-byte one holds, and :;<=>?): spaces, quotes, the slash (a GBK
// character's second byte may be a backslash). A word is decoded only
// when it reads as a name (nameLike) and looks like GBK rather than
// Latin-1 (gbkLike). Other bytes that are not UTF-8 are left as they are
// (for Shown to mask).
func fromGBK(s string) string { return decodeWords(s, gbkWord) }

// decodeWords is s with each of its words (see fromGBK) that is not UTF-8
// and that decode reads, decoded; the others as they are.
func decodeWords(s string, decode func(word string) (string, bool)) string {
	var b strings.Builder
	for word, end := range words(s) {
		if !utf8.ValidString(word) {
			if d, ok := decode(word); ok {
				word = d
			}
		}
		b.WriteString(word)
		if end < len(s) {
			b.WriteByte(s[end]) // (the delimiter after it)
		}
	}
	return b.String()
}

// words yields the words of s (see fromGBK), parted by gbkDelimiter's
// bytes, each with where it ends in s: at its delimiter, or at len(s).
func words(s string) iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		start := 0
		for i := 0; i <= len(s); i++ {
			if i < len(s) && !gbkDelimiter(s[i]) {
				continue
			}
			if !yield(s[start:i], i) {
				return
			}
			start = i + 1
		}
	}
}

// gbkWord is word, which is not UTF-8, read as GB18030, and whether it
// reads so: into a name (nameLike, or with the letters GBK holds beside
// its hanzi, chinese.GBKLetter: 会话α, ā顾客, 包含Ж, Zhāng, 注音ㄅㄆㄇ),
// and looking like GBK rather than Latin-1 (gbkLike), with no code that
// GBK and GB18030 leave to private use (chinese.PrivateBoth).
func gbkWord(word string) (string, bool) {
	d, err := simplifiedchinese.GB18030.NewDecoder().String(word)
	if err != nil || !gbkLike(word) || chinese.PrivateBoth(word) {
		// (A3A0, which golang.org/x/text reads as the ideographic space
		// U+3000, is a private-use code in GBK and GB18030 alike, as
		// GBK's other user-defined codes are, which read as no name:
		// 客服　记录.txt was shown with a space the name does not hold)
		return d, false
	}
	for _, r := range d {
		if !nameRune(r) && !chinese.GBKLetter(r) {
			return d, false
		}
	}
	return d, true
}

// big5Word is word, which is not UTF-8, read as Big5, and whether it
// reads so: into a name (nameLike), and looking like Big5 rather than
// Latin-1 (big5Like).
func big5Word(word string) (string, bool) {
	d, err := traditionalchinese.Big5.NewDecoder().String(word)
	return d, err == nil && nameLike(d) && big5Like(word)
}

// big5Name reports whether s, which is not UTF-8, is a name in Big5, as a
// zip made on Traditional Chinese Windows (Taiwan, Hong Kong) or a copy
// from its share leaves it, rather than in GBK, which most bytes of Big5
// read as too, into other characters (聊天記錄 as 册ぱ癘魁), or into
// none, and were shown so. Each word of s that is not UTF-8 must read as
// Big5 (big5Word, HKSCS's characters too: 嘅, 啲, 咗); and one of them
// hold bytes GBK has no character for (readsAsGBK: a GBK name with a
// symbol a name seldom holds, 空调26°, ≈售后, 客服㈡, which fromGBK leaves
// masked, is no Big5 for it), or the two readings of the name be weighed
// by how often their characters are written (chinese.Cost): where, read
// as GB18030, they hold a character outside GB2312's hanzi and
// punctuation (kana, GBK's extension …) and, read as Big5, none outside
// its symbols and level-1 hanzi (chinese.Rare, as a file's text is told:
// Big5's most common hanzi, A4–A5, are kana in GB2312, and half of its
// second bytes, 40–7E, fall in GBK's extension), it is Big5 unless its
// GBK reading costs less (a GBK name with kana, Greek or a pinyin tone
// letter, 会话α, ā顾客, whose hanzi Big5 reads as level-1 ones, 頗趕汐,
// one of kana alone, a Japanese one, テスト, as 氾旦玄, one in pinyin,
// Zhāng Sān, as Zh芋ng S芋n, and one in bopomofo, ㄅㄆㄇ, as 乳事些);
// else GBK, which a mainland name is as a rule (客服记录 reads as Big5
// too, 諦督暮翹; so does 李玥, as 燠則), unless its Big5 reading costs
// far less (big5Margin: 訂單問題, read as GBK 璹虫拜肈; big5ExtMargin, a
// little less, where GBK reads a character of its extension: 商品 as
// 坝珇). Of the 20,967 runs of two to twelve hanzi of the corpora's chats,
// in GBK none is read as Big5, and with a kana, Greek or Cyrillic letter
// or a pinyin tone letter after them 0.24% (5.2% by chinese.Rare alone);
// in Big5 98.9% are (92.1%), and with a Cantonese character of HKSCS
// after them 96.9% (none; fewer than without, as big5WordMargin takes no
// word with one); the rest are shown as before, as GBK or masked. (30,000
// words of the chats taken otherwise read 0.45%, 94.8% and 97.7% when
// the costs came, where these runs read 0.28%, 96.0% and 96.8%.)
func big5Name(s string) bool {
	var buf [64]byte
	sample := buf[:0] // the words that are not UTF-8, each with a space after it
	for word := range words(s) {
		if !utf8.ValidString(word) {
			sample = append(append(sample, word...), ' ')
		}
	}
	if len(sample) == 0 {
		return false
	}
	if last := lastBig5.Load(); last != nil && last.sample == string(sample) {
		return last.big5
	}
	big5 := big5Sample(sample)
	lastBig5.Store(&big5Told{sample: string(sample), big5: big5})
	return big5
}

// big5Told is what big5Name told of the words of a name that are not
// UTF-8 (its sample).
type big5Told struct {
	sample string
	big5   bool
}

// lastBig5 is what big5Name told last. The reports ask for a file's name,
// and ids made of it (客服.txt:3), for each of its conversations and
// findings, each read again (decodeWords) but weighed once: the weighing
// (chinese.Cost) took some 20,000 instructions each time.
var lastBig5 atomic.Pointer[big5Told]

// big5Sample is big5Name's answer for sample, the words of a name that
// are not UTF-8, each with a space after it.
func big5Sample(sample []byte) bool {
	notGBK, masked := false, false
	for word := range strings.SplitSeq(string(sample[:len(sample)-1]), " ") {
		if _, ok := big5Word(word); !ok {
			return false
		}
		if !readsAsGBK(word) {
			notGBK = true
		}
		if !gbkLike(word) {
			masked = true
		}
	}
	if notGBK {
		return true
	}
	// (each reading scored by how often its characters are written: see
	// chinese.Cost)
	gbRead, _ := simplifiedchinese.GB18030.NewDecoder().String(string(sample))
	big5Read, _ := traditionalchinese.Big5.NewDecoder().String(string(sample))
	gbCost, big5Cost := chinese.Cost(gbRead), chinese.Cost(big5Read)
	if gb, big5 := chinese.Rare(sample); gb > 0 && big5 == 0 {
		return gbCost >= big5Cost
	}
	if chinese.Words(big5Read, big5WordCount) && !chinese.Words(gbRead, 1) && !chinese.Surnamed(gbRead) {
		return big5Cost+big5WordMargin < gbCost
	}
	if masked {
		return big5Cost+big5MaskedMargin < gbCost
	}
	if gbkExtension(sample) {
		return big5Cost+big5ExtMargin < gbCost
	}
	return big5Cost+big5Margin < gbCost
}

// big5Margin is how much less than its GBK reading (chinese.Cost: 8 is
// characters 256 times as frequent) the Big5 reading of a name that
// chinese.Rare does not tell as Big5 must cost to be taken: a mainland
// name is GBK as a rule, and of 30,000 words of the corpora's chats in
// GBK, with less some were read as Big5 (订单 as 隆等, 嘿嘿 as 稱稱).
//
// big5ExtMargin is the margin where GBK reads a character of its
// extension, outside GB2312 (gbkExtension): GB2312 holds what Simplified
// Chinese writes, and the extension Traditional and rare characters a
// mainland name seldom holds, while half of Big5's level-1 hanzi (a
// second byte 40–7E) read as such. It is a trade between two misreadings,
// and chatlint's users are mainland shops, whose names are GBK: of 8,400
// GBK names of 100 common surnames and 27 given names' characters of the
// extension (玥, 璟, 瑄, 珺 …), a margin of 8 read 1 as Big5, 7 reads 2,
// 6 read 10 and 5 read 25 (丁玥.txt as 間則.txt, 贺璟.txt as 種茂.txt: a
// surname Big5 reads as a common hanzi), while of 30,000 words of the
// corpora's chats in Big5 (their Traditional forms by match.Normalize's)
// 8 read 27,078 as Big5, 7 reads 27,239, 6 read 27,394 and 5 read 27,556.
// With 7, Big5's 商品.csv and 情況.txt are read as Big5; 退款.txt (B0 68
// B4 DA, GBK's 癶蹿, 5.2 dearer) and 發票 are by big5WordMargin, and 稍等,
// no word of gse's dictionary (稍 等), is still shown as GBK reads it.
//
// big5MaskedMargin is the margin where GBK would show a word of the name
// masked, as it reads none of its characters with a second byte past
// ASCII (gbkLike): a word of Big5's level-1 hanzi whose second bytes are
// all ASCII, which big5Like takes since 退貨 (B0 68 B3 66, GBK's 癶砯,
// shown �h�f) was shown so. Of the 6,160 such words of gse's Traditional
// dictionary (counted 20 times or more) in Big5, none was read as Big5;
// 4,612 are now (4,729 with no margin), of the corpora's chat words in
// Big5 878 more; of 1,405 words of gse's Simplified dictionary (counted
// once or more) in GBK whose every character has an ASCII second byte,
// none is (1 with less: 窣窣 as 睹睹), nor any more of the mainland
// names big5ExtMargin tells of; of Traditional words typed in GBK 2 of
// 47,941 (皚皚 as 陣陣, 癡癡 as 訓訓; 9 with no margin, 紐約 as 憂廣),
// masked before.
//
// big5WordMargin is the margin where the Big5 reading of the name is
// words of gse's dictionary, each counted big5WordCount times or more in
// its corpus (chinese.Words: 訂單, 賣家, 媽媽, 評價, 退款, 訂單問題), and
// its GBK reading is none (璹虫, 芥產, 洱洱, 蝶基, 癶蹿) nor starts with a
// common surname (chinese.Surnamed): a Big5 name read as GBK falls on
// characters at random, and a mainland name, a surname and a given name,
// is seldom such words in either reading. Of the 26,808 words of two
// hanzi of gse's Traditional dictionary (counted 20 times or more) in
// Big5, 18,231 were read as Big5 and 24,735 are (of all its 48,274 words,
// 35,970 and 43,475; of the 6,450 words of two hanzi or more gse cuts
// the corpora's chats into, in Big5, 5,503 and 6,075); of the mainland
// names in GBK
// (big5ExtMargin's 8,400; 17,362 and 59,334 of common given names;
// 436,880 of 268 surnames and 209 given names' characters), of gse's
// Simplified dictionary in GBK and of 42,013 runs of two to four hanzi of
// the chats in GBK, as many are read as Big5 as before (6, 0, 1, 23, 4,
// 0). Without the surname, 7 of the 436,880 were Big5 (刘妮.txt as
// 隸屬.txt, 丁福 as 間腦, 贺妮 as 種屬, 毕蕾 as 救濟, 刁春 as 街景, 毕琍 as
// 救星), by a margin of up to 6.5, while it costs 211 of the dictionary's
// words (最終, read as GBK 程沧; 樂意 as 贾種; 晚點, 種類); of 120,434 names
// of 144 rarer surnames (薄, 贡, 堵 …), 4 are Big5 (薄春 as 情景, 堵辰 as
// 黑魚), none before. With no margin 彭辰.txt, whose Big5 reading is
// 鱖魚, a word, was Big5; with 1, Big5's 評價 (18.5, against GBK's 蝶基,
// 19.4) was not.
const (
	big5Margin       = 8
	big5ExtMargin    = 7
	big5MaskedMargin = 3
	big5WordMargin   = 0.5
	big5WordCount    = 20
)

// gbkExtension reports whether sample, bytes that are not UTF-8, holds a
// two-byte character of GBK's outside GB2312 (a first or second byte
// under A1), as GBK reads it.
func gbkExtension(sample []byte) bool {
	for i := 0; i < len(sample); {
		w := chinese.GBKWidth(sample, i)
		if w == 2 && (sample[i] < 0xA1 || sample[i+1] < 0xA1) {
			return true
		}
		i += w
	}
	return false
}

// readsAsGBK reports whether GB18030 has a character for each of word's
// bytes (none read as U+FFFD, nor as one of GBK's user-defined area, in
// Unicode's private use area), whether or not they make a name.
func readsAsGBK(word string) bool {
	d, err := simplifiedchinese.GB18030.NewDecoder().String(word)
	if err != nil {
		return false
	}
	for _, r := range d {
		if r == utf8.RuneError || r >= 0xe000 && r <= 0xf8ff {
			return false
		}
	}
	return true
}

// big5Like reports whether word, which reads as Big5, is made of Big5's
// characters (a first byte 87–FE: HKSCS's, 嘅 FB 48, 啲 9D F8, too, where
// they read as a hanzi of written Cantonese or a common one, chinese.Common)
// and has one whose second byte is not ASCII (A1–FE). A Latin-1 name's
// accented letter and the ASCII letter after it read as a Big5 character
// too (ß and e of Straße as 絽), but never as one of those (see gbkLike);
// HKSCS's first bytes are Latin-1's ú, û, ü, ý and þ (FA–FE) and
// Windows-1252's ‹ ‘ ’ “ ” • – ™ š œ (87–9F), which read with the letter
// after them as HKSCS's rare hanzi (Grüße as Gr晧e, Núñez as N唫ez,
// ‹Ærø» as 乛r艭): such a name is not taken for Big5.
// A word of Big5 characters whose second bytes are all ASCII (40–7E: 退貨
// as B0 68 B3 66, 以上 as A5 48 A4 57) is Big5's where it is two of them
// or more, each a common hanzi of its level 1 (A440–C67E, chinese.Common)
// with no ASCII letter standing among them: a Latin-1 name's accented
// letter and the letter after it read as one such character at most
// (Ärger's Är as C4 72), with its other letters standing beside it, and
// its small letters (E0–FF) as Big5's level 2. Such a word was shown
// masked (�h�f.txt), GBK reading it as characters of its extension at
// best (癶砯), which gbkLike does not take either; see big5MaskedMargin.
func big5Like(word string) bool {
	high, low, stray := false, 0, false // (low: characters with an ASCII second byte)
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c < utf8.RuneSelf {
			stray = stray || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
			continue
		}
		if c < 0x87 || i+1 == len(word) {
			return false
		}
		if c < 0xA1 || c > 0xF9 {
			// (HKSCS's)
			d, err := traditionalchinese.Big5.NewDecoder().String(word[i : i+2])
			if r, _ := utf8.DecodeRuneInString(d); err != nil || !chinese.Common(r) {
				return false
			}
		}
		if word[i+1] >= 0xA1 {
			high = true
		} else {
			low++
		}
		i++
	}
	if high || low < 2 || stray {
		return high
	}
	// (all with an ASCII second byte: each a common hanzi of level 1)
	for i := 0; i < len(word); i++ {
		if c := word[i]; c >= utf8.RuneSelf {
			d, _ := traditionalchinese.Big5.NewDecoder().String(word[i : i+2])
			if r, _ := utf8.DecodeRuneInString(d); c < 0xA4 || c > 0xC6 || !chinese.Common(r) {
				return false
			}
			i++
		}
	}
	return true
}

// nameLike reports whether d, a word decoded from GB18030 (or Big5), is
// made of what a name written in GBK (or Big5) is: Chinese characters,
// the full-width and CJK punctuation, kana, the circled and Roman
// numerals, ASCII. Bytes of another kind may read as GB18030 too (most
// pairs of bytes over 0x80 do), into such as 頎€蜡: those are shown
// masked, as before.
func nameLike(d string) bool {
	for _, r := range d {
		if !nameRune(r) {
			return false
		}
	}
	return true
}

// nameRune reports whether r is one of the characters nameLike takes.
func nameRune(r rune) bool {
	return r < utf8.RuneSelf || unicode.Is(unicode.Han, r) ||
		r >= 0x3000 && r <= 0x30ff || // CJK symbols and punctuation, kana
		r >= 0xff01 && r <= 0xff5e || // full-width forms
		r >= 0x2010 && r <= 0x2027 || // dashes, quotes, …
		r >= 0x2160 && r <= 0x217f || // Ⅰ Ⅱ
		r >= 0x2460 && r <= 0x249b || // ① ⑴ ⒈
		r == 0xb7 || r == 0xd7 || r == 0xf7 // · × ÷
}

// gbkLike reports whether word, which reads as GB18030, has a character
// whose second byte is not ASCII (or a four-byte one). Each of the 6,763
// characters of GB2312, nearly all that simplified Chinese writes, has
// one. A Latin-1 (or Windows-1252) name's accented letter and the ASCII
// letter after it read as a GBK character too (Mä of März as M鋜, ür of
// Jürgen as 黵), but never as one of those: such a name was shown so, and
// named in the warning as GBK for convmv to rename. (A word of only
// traditional or rare characters, each with an ASCII second byte, 時間 as
// 95 72 E9 67, is shown with U+FFFD, as before 90e3e20.)
func gbkLike(word string) bool {
	for i := 0; i < len(word); i++ {
		if word[i] < utf8.RuneSelf || i+1 == len(word) {
			continue
		}
		if word[i+1] >= utf8.RuneSelf || word[i+1] >= '0' && word[i+1] <= '9' {
			return true
		}
		i++ // (a two-byte character)
	}
	return false
}

// gbkDelimiter reports whether c, an ASCII byte, is in no GB18030
// character (see fromGBK).
func gbkDelimiter(c byte) bool { return c < 0x30 || c >= 0x3a && c <= 0x3f }
