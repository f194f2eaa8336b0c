// Package chinese tells the two Chinese encodings of bytes that are not
// UTF-8 apart, GBK (GB18030) and Big5, where each reads them: for the
// readers, which guess a file's encoding, and for the names of files,
// which are shown decoded.
package chinese

// Rare counts the characters of sample (lead byte 81–FE and the
// next, or four bytes in GB18030) that each encoding reads outside the
// characters text in it is mostly written in: for GB18030, those outside
// GB2312's punctuation and hanzi (a byte under A1, rows A4–AF: kana,
// Greek, Cyrillic, pinyin, box drawing, unassigned; or four bytes); for
// Big5, those outside its symbols and level-1 hanzi (A140–C67E: a lead
// under A1 is HKSCS, C6A1 on level 2 and beyond). Big5 text read as
// GB18030 falls there often (its trail bytes 40–7E, and its most common
// hanzi, A4–A5, are kana in GB2312), GBK text read as Big5 on level 2.
// A pair that each reads as a hanzi of its own (AA40–C67E with a trail
// 40–7E: Big5's level 1, GBK's extension) counts for neither: it is the
// rare character of a mainland name (李玥, 李璟: GBK AB68, AD5A) as
// often as a common one of Big5, and counted rare for GB18030 alone it
// read such GBK names as Big5 (燠則).
func Rare(sample []byte) (gb, big5 int) {
	for i := 0; i < len(sample); {
		switch GBKWidth(sample, i) {
		case 1:
			i++
			continue
		case 4: // GB18030's four bytes
			gb++
			big5++
			i += 4
			continue
		}
		lead, trail := sample[i], sample[i+1]
		both := lead >= 0xAA && lead <= 0xC6 && trail >= 0x40 && trail <= 0x7E
		if !both && (trail < 0xA1 || lead < 0xA1 || lead >= 0xA4 && lead <= 0xAF || lead > 0xF7) {
			gb++
		}
		if lead < 0xA1 || lead > 0xC6 || lead == 0xC6 && trail >= 0xA1 {
			big5++
		}
		i += 2
	}
	return gb, big5
}
