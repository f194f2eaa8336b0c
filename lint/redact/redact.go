// Package redact masks personal data in message text — phone numbers,
// ID-card numbers, bank-card numbers, e-mail addresses and street addresses —
// so reports can be shared. The regulations require customer data be kept
// confidential. Masking keeps every character's byte length, so offsets and
// columns of findings stay valid, and it never masks a span a finding points
// at: the evidence stays readable.
package redact

import (
	"encoding/binary"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Kind names a kind of personal data.
type Kind string

// The kinds of personal data redact finds.
const (
	Phone   Kind = "phone"
	IDCard  Kind = "id-card"
	Bank    Kind = "bank-card"
	Email   Kind = "email"
	Address Kind = "address"
)

// Span is a piece of personal data in a text: its byte offsets and kind.
type Span struct {
	Start, End int
	Kind       Kind
}

var (
	email = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)
	// a street address: road/street/lane name and number (人民南路四段11号,
	// 科苑路88弄12号, 大街甲6号), then the building, unit and room, a
	// building's name too (SOHO现代城A座1201, 3栋2单元501); or an estate's
	// name and building, then the unit and room. The province, city and
	// district before it stay readable. Traditional characters are read as
	// their Simplified ones (建國路88號5樓, 忠孝東路四段216巷27弄8號, 陽光小區3棟),
	// as the pii rule, which looks at the normalised text, reads them.
	street = regexp.MustCompile(`(?:` + nameChar + `{1,6}(?:路|街|大道|大街|巷|弄|胡同|衚衕)|` + nameChar + `{0,5}` + beforeDao + `道)` +
		`(?:[东西南北中東]?[一二三四五六七八九十\d]{1,3}段)?(?:\d+巷)?(?:\d+弄)?[甲乙丙丁]?\d+(?:-\d+)?[号號]院?` + addressTail +
		`|` + nameChar + `{2,6}(?:小区|小區|花园|花園|公寓|大厦|大廈|苑|村|园|園|广场|廣場|大楼|大樓|中心|公馆|公館|城|府|里)` +
		`(?:[A-Za-z]|\d+[A-Za-z]?)(?:号楼|號樓|栋|棟|幢|座|期|区|區)` + addressTail)
)

// addressTail is what follows a street number or an estate's building:
// buildings, units, floors and rooms (2号楼3单元401, 8楼, B1-2), a
// building's name before its block (现代城A座).
var addressTail = `(?:` + nameChar + `{0,8}[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?:号楼|號樓|栋|棟|幢|座|单元|單元|楼|樓|层|層|室|号|號|户|戶)` +
	`|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)*`

// nameChar is a Chinese character that can be part of a road or estate name:
// not an administrative suffix (省市区县镇乡) nor a verb that introduces an
// address (寄到, 住在, 送去).
var nameChar = hanExcept(nameExcept)

// nameExcept are the characters nameChar leaves out: administrative
// suffixes, verbs and pronouns that come before an address (寄到, 帮我改成,
// 地址).
const nameExcept = "省市区县镇乡州盟旗到在住寄送去往是的我你您他她帮请改址了吗呢吧啊哦说" +
	"區縣鄉幫請說嗎" // (the same in Traditional characters)

// beforeDao is a character that can come before the 道 of a road's name
// (长江道): not that of 知道, 通道, 街道 (a district, 粤海街道) or 报道.
var beforeDao = hanExcept(nameExcept + "知通街报频轨航管渠味報頻軌")

// hanExcept builds a character class of the CJK Unified Ideographs except
// the given characters.
func hanExcept(chars string) string {
	var ex []rune
	for _, r := range chars {
		ex = append(ex, r)
	}
	sort.Slice(ex, func(i, j int) bool { return ex[i] < ex[j] })
	b := []byte("[")
	lo := rune(0x4E00)
	for _, r := range ex {
		if r > lo {
			b = append(b, []byte(fmt.Sprintf(`\x{%X}-\x{%X}`, lo, r-1))...)
		}
		lo = r + 1
	}
	b = append(b, []byte(fmt.Sprintf(`\x{%X}-\x{9FFF}]`, lo))...)
	return string(b)
}

// Set is a set of kinds, for FindKinds.
type Set uint8

// kinds lists every kind; a kind's bit in a Set is 1 << its index here.
var kinds = [...]Kind{Phone, IDCard, Bank, Email, Address}

// The bits of the kinds in a Set, in the order of kinds, as constants: the
// hot paths test them without comparing names.
const (
	phoneBit Set = 1 << iota
	idCardBit
	bankBit
	emailBit
	addressBit
)

// bit returns kind k's bit in a Set (0 for a name that is not a kind).
func bit(k Kind) Set {
	switch k {
	case Phone:
		return phoneBit
	case IDCard:
		return idCardBit
	case Bank:
		return bankBit
	case Email:
		return emailBit
	case Address:
		return addressBit
	}
	return 0
}

// SetOf returns the set of the given kinds; names that are not kinds are
// ignored.
func SetOf(ks ...Kind) Set {
	var set Set
	for _, k := range ks {
		set |= bit(k)
	}
	return set
}

// Has reports whether the set holds kind k.
func (s Set) Has(k Kind) bool { return s&bit(k) != 0 }

// All asks FindKinds for every kind.
var All = SetOf(kinds[:]...)

// Find returns the personal data in s, in order, not overlapping. Unlike
// FindKinds, it reads a number or an e-mail address however it is
// disguised, as the pii rule, which looks at the normalised text, does:
// full-width digits and letters (１３８１２３４５６７８, ｗａｎｇ＠ｑｑ．ｃｏｍ),
// other spaces and dashes between digits and invisible characters inside
// (139\u200b1234\u200b5678). The spans are those of s.
func Find(s string) []Span {
	if !disguised(s) {
		return FindKinds(s, All)
	}
	folded, from := fold(s)
	spans := FindKinds(folded, All)
	for i := range spans {
		sp := &spans[i]
		last := from[sp.End-1]
		_, size := utf8.DecodeRuneInString(s[last:])
		sp.Start, sp.End = from[sp.Start], last+size
	}
	return spans
}

// disguised reports whether s may hide a number or an e-mail address that
// only fold shows: it holds a full-width digit or ＠, or right after an
// ASCII digit another space, dash, dot or plus, or an invisible character.
// (Full-width punctuation elsewhere, which most Chinese texts have, is no
// sign.) The test looks at the bytes that may start such a character only.
func disguised(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !foldLead[c] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		if r >= '０' && r <= '９' || r == '＠' {
			return true
		}
		if i > 0 && isDigit(s[i-1]) {
			if f := foldsTo(r); f != r && (f < 0 || f == ' ' || f == '-' || f == '.' || f == '+') {
				return true
			}
		}
	}
	return false
}

// foldLead tells the bytes that may start the UTF-8 encoding of a
// character foldsTo changes: the ASCII controls but tab, line feed and
// carriage return, and the first bytes of the others (U+0080 to U+00BF,
// U+034F, U+061C, U+1xxx, U+2xxx, U+3xxx, U+Fxxx, U+E0xxx). It is written
// out, not worked out over every character at start-up (67 M
// instructions, a sixth of an empty run's): TestFoldLead holds it to
// foldsTo.
var foldLead = [256]bool{
	0x00: true, 0x01: true, 0x02: true, 0x03: true, 0x04: true, 0x05: true, 0x06: true, 0x07: true,
	0x08: true, 0x0B: true, 0x0C: true, 0x0E: true, 0x0F: true,
	0x10: true, 0x11: true, 0x12: true, 0x13: true, 0x14: true, 0x15: true, 0x16: true, 0x17: true,
	0x18: true, 0x19: true, 0x1A: true, 0x1B: true, 0x1C: true, 0x1D: true, 0x1E: true, 0x1F: true,
	0x7F: true,
	0xC2: true, 0xCD: true, 0xD8: true, 0xE1: true, 0xE2: true, 0xE3: true, 0xEF: true, 0xF3: true,
}

// foldsTo returns the ASCII character r stands for in a number or an
// e-mail address: a full-width form's (U+FF01 to U+FF5E), a space for the
// other spaces, a dash for the other dashes, and -1 for a character that
// shows nothing, which normalisation drops (lint/match: the ASCII and C1
// controls, zero-width spaces and joiners, the word joiner, the soft
// hyphen, the byte order mark, bidirectional marks, variation selectors,
// the combining grapheme joiner, fillers and tags: 138\uFE0F12345678 is a
// phone to the pii rule; TestFoldAgreesWithNormalize). Any other character
// is itself.
func foldsTo(r rune) rune {
	switch {
	case r < 0x80:
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7F {
			return -1
		}
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFF01 + '!'
	case r == 0x3000, r == 0x00A0, r == 0x1680, r >= 0x2000 && r <= 0x200A, r == 0x202F, r == 0x205F:
		return ' '
	case r >= 0x2010 && r <= 0x2015, r == 0x2212, r == 0xFE63:
		return '-'
	case r <= 0x9F, r == 0x00AD, r == 0x034F, r == 0x061C, r == 0x115F, r == 0x1160, r == 0x17B4, r == 0x17B5,
		r >= 0x180B && r <= 0x180E, r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2060 && r <= 0x206F,
		r == 0x3164, r >= 0xFE00 && r <= 0xFE0F, r == 0xFEFF, r == 0xFFA0, r >= 0xE0000 && r <= 0xE0FFF:
		return -1
	}
	return r
}

// fold returns s with each character foldsTo changes folded, and for each
// byte of the result the offset in s of the character it came from.
func fold(s string) (string, []int) {
	b := make([]byte, 0, len(s))
	from := make([]int, 0, len(s))
	for i, r := range s {
		switch f := foldsTo(r); {
		case f < 0:
		case f != r:
			b = append(b, byte(f))
			from = append(from, i)
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			b = append(b, s[i:i+size]...)
			for range size {
				from = append(from, i)
			}
		}
	}
	return string(b), from
}

// FindKinds returns the personal data of the given kinds in s, in order, not
// overlapping. Cheap tests (enough digits, an @, an address word) skip the
// regular expressions for the many messages that cannot hold any.
func FindKinds(s string, set Set) []Span {
	var spans []Span
	if set&emailBit != 0 && mayEmail(s) {
		for _, loc := range email.FindAllStringIndex(s, -1) {
			spans = append(spans, Span{loc[0], loc[1], Email})
		}
	}
	if set&numberBits != 0 && mayNumber(s) {
		spans = findNumbers(s, set, spans)
	}
	if set&addressBit != 0 && mayAddress(s) {
		for _, loc := range street.FindAllStringIndex(s, -1) {
			spans = append(spans, Span{loc[0], loc[1], Address})
		}
	}
	return merge(spans)
}

// MayFind reports whether FindKinds(s, set) may find anything: false when
// FindKinds's cheap tests rule out every kind of set, as they do for most
// messages, which a caller then passes over without the call.
func MayFind(s string, set Set) bool {
	if set&numberBits != 0 {
		// mayNumber, with hasDigitChain written out: a call less
		if lo, hi := digitBlocks(s, 0); lo >= 0 && chainFrom(s, lo, hi) {
			return true
		}
	}
	return set&emailBit != 0 && mayEmail(s) ||
		set&addressBit != 0 && mayAddress(s)
}

// numberBits are the kinds findNumbers finds.
const numberBits = phoneBit | idCardBit | bankBit

// The cheap tests of FindKinds, kind by kind: s may hold an e-mail address,
// a number (findNumbers), a street address.
func mayEmail(s string) bool  { return strings.IndexByte(s, '@') >= 0 }
func mayNumber(s string) bool { return hasDigitChain(s) }
func mayAddress(s string) bool {
	// one of addressWordList after an ASCII letter or digit: 88号, 3栋, A座;
	// one pass over s, which in most messages holds few such letters
	for i := 0; i+3 < len(s); i++ {
		if alnumByte[s[i]] && addressLead[s[i+1]] && slices.Contains(addressWordList, s[i+1:i+4]) {
			return true
		}
	}
	return false
}

// alnumByte tells the ASCII letters and digits (isAlnum).
var alnumByte = func() (t [256]bool) {
	for c := range t {
		t[c] = isAlnum(byte(c))
	}
	return t
}()

// addressLead tells the first bytes of addressWordList's characters.
var addressLead = func() (t [256]bool) {
	for _, w := range addressWordList {
		t[w[0]] = true
	}
	return t
}()

// chainDigits is how many digits a chain (hasDigitChain) has: every number
// nextDigitRun finds has such a chain.
const chainDigits = 7

// hasDigitChain reports whether s holds chainDigits ASCII digits that follow
// one another with at most one '-', '.' or ' ' between two of them.
//
// s is looked at in blocks of eight bytes, six bytes apart, the last block
// ending at the end of s: a chain covers at least seven consecutive bytes,
// so it meets a block, and it begins and ends with a digit and never has
// two separators in a row, so that block holds one of its digits. Blocks
// without an ASCII digit — chat text, mostly Chinese, is mostly made of
// them — are passed over two at a time with a few word operations
// (digitBlocks); around a pair with a digit, chainAt looks closer at each
// block.
func hasDigitChain(s string) bool {
	lo, hi := digitBlocks(s, 0)
	return lo >= 0 && chainFrom(s, lo, hi)
}

// chainFrom is hasDigitChain from the pair of blocks s[lo:hi] with a digit
// on.
func chainFrom(s string, lo, hi int) bool {
	if len(s) < 8 {
		return chainOf(s, chainDigits)
	}
	for {
		if chainAt(s, lo) || hi-8 != lo && chainAt(s, hi-8) {
			return true
		}
		if hi == len(s) {
			return false
		}
		if lo, hi = digitBlocks(s, hi+chainDigits-1); lo < 0 {
			return false
		}
	}
}

// chainAt reports whether a chain meets the block at byte i. Its digit
// there (a chain begins and ends with a digit and never has two separators
// in a row) is not enough: a chain covers seven bytes or more, so its
// bytes reach the first or the last of the block, which a number standing
// inside it (99码) leaves to other bytes. Such a chain lies within 12 bytes
// of the block (its seven digits span 13 bytes at most), where the digits
// are counted, a word at a time, before the bytes are looked at one by one.
func chainAt(s string, i int) bool {
	p := unsafe.Pointer(unsafe.StringData(s))
	if digitMask(load64(p, i)) == 0 || !chainByte[s[i]] && !chainByte[s[i+7]] {
		return false
	}
	// four words covering s[i-12:i+20] as far as s has it (in a text
	// shorter than that, some twice: more digits, never fewer)
	last := len(s) - 8
	lo := max(min(i-12, len(s)-32), 0)
	k30, k76, k80 := swarK[0], swarK[3], swarK[2]
	nonDigits := func(x uint64) uint64 { // a 1 in each byte that is not a digit
		y := x ^ k30
		return ((y&^k80 + k76 | y) & k80) >> 7
	}
	n := nonDigits(load64(p, lo)) + nonDigits(load64(p, min(lo+8, last))) +
		nonDigits(load64(p, min(lo+16, last))) + nonDigits(load64(p, min(lo+24, last)))
	if 32-int(n*lsb>>56) < chainDigits {
		return false
	}
	return chainOf(s[max(i-12, 0):min(i+20, len(s))], chainDigits)
}

// chainByte tells the bytes a chain is made of: ASCII digits, '-', '.' and
// ' '.
var chainByte = [256]bool{'0': true, '1': true, '2': true, '3': true, '4': true,
	'5': true, '6': true, '7': true, '8': true, '9': true, '-': true, '.': true, ' ': true}

// blockStep is the distance from one of hasDigitChain's blocks to the next.
const blockStep = 8 + chainDigits - 1

// digitBlocks returns the first pair of hasDigitChain's blocks from byte
// from on (from and from+blockStep, …) with an ASCII digit: s[lo:hi] spans
// them. The pair at the end of s is the block at from+2k·blockStep unless
// it would pass the end, and the one ending at the end (the same, or at most
// six bytes after); hi is len(s) then. lo is -1 when there is none. A text
// shorter than a block is one such pair, with or without a digit. A loop
// without calls, for the registers to hold everything it needs.
func digitBlocks(s string, from int) (lo, hi int) {
	if len(s) < 8 {
		return 0, len(s)
	}
	i := from
	p := unsafe.Pointer(unsafe.StringData(s))
	k30, kf6, k80 := swarK[0], swarK[1], swarK[2]
	last := len(s) - 8
	for ; i+blockStep < last; i += 2 * blockStep {
		x, y := load64(p, i)^k30, load64(p, i+blockStep)^k30
		if ((x+kf6)&^x|(y+kf6)&^y)&k80 != 0 {
			return i, i + blockStep + 8
		}
	}
	i = min(i, last)
	x, y := load64(p, i)^k30, load64(p, last)^k30
	if ((x+kf6)&^x|(y+kf6)&^y)&k80 != 0 {
		return i, len(s)
	}
	return -1, -1
}

// swarK holds the constants of hasDigitChain's test for a digit in a word,
// for it to load once (constants would be written into every test): a byte
// of x^0x30… is a digit's value, below 10, and the lowest such byte
// borrows when 10 is taken from each byte, setting its top bit where the
// byte's own is clear (Bit Twiddling Hacks, hasless). Bytes above it may
// be wrong, but not all of them 0. The last is digitMask's, for chainAt.
var swarK = [4]uint64{0x30 * lsb, 1<<64 - 10*lsb, msb, (0x80 - 10) * lsb}

// The bytes of a word, all set to 1 and to 0x80.
const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// load64 returns the eight bytes at p+i as a little-endian word (one load
// where the machine allows it). The caller has checked they are in s.
func load64(p unsafe.Pointer, i int) uint64 {
	return binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(p, i))[:])
}

// digitMask returns the word x with the top bit of each byte that is an
// ASCII digit set, and nothing else: y holds the digits as 0 to 9, and a
// byte of y is below 10 when neither its top bit nor, once 0x76 is added
// to its other seven bits, the carry into the top bit is set.
func digitMask(x uint64) uint64 {
	y := x ^ 0x30*lsb
	return ^(y&^msb + (0x80-10)*lsb | y) & msb
}

// chainOf reports whether s holds a chain of n digits, looking at every
// byte.
func chainOf(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c-'0' < 10 {
			if run++; run >= n {
				return true
			}
			continue
		}
		if run > 0 && isSep(c) && i+1 < len(s) && s[i+1]-'0' < 10 {
			continue // a single separator inside a chain
		}
		run = 0
	}
	return false
}

// addressWordList are the characters every street address the street
// pattern finds holds one of right after an ASCII letter or digit: the 号
// of a street number (88号), the 号, 区, 栋, 幢, 座 or 期 of an estate's
// building (3栋, A座), or 號, 區, 棟 as Traditional characters write them.
var addressWordList = []string{"号", "栋", "座", "区", "幢", "期", "號", "棟", "區"}

// findNumbers adds the phone, ID-card and bank-card numbers of s: the
// digit runs (possibly grouped by spaces, dashes or dots, as bank cards
// are: 6222 0202 …) that classifyDigits recognises (numbers).
func findNumbers(s string, set Set, spans []Span) []Span {
	for pos := 0; ; {
		start, end := nextDigitRun(s, pos)
		if start < 0 {
			return spans
		}
		pos = end
		spans = numbers(s, start, end, set, spans)
	}
}

// numbers adds the numbers of the digit run s[start:end]: the whole run,
// unless it is glued to letters or more digits (型号ABC13812345678 is
// something else), or not a number as a whole, when the numbers a space or
// a dash separates within it are looked for (13812345678 13987654321,
// 2026-11-25 13812345678, 0755-88886666-123). Such a part must be a phone
// or ID-card number: a bank card's groups are too like those of an order
// number written in fours. A phone, ID-card or bank-card number that a
// label names as another number (订单号13912345678) is none.
func numbers(s string, start, end int, set Set, spans []Span) []Span {
	gluedStart := start > 0 && isAlnum(s[start-1])
	gluedEnd := end < len(s) && isAlnum(s[end])
	if !gluedEnd {
		// a landline's area code in brackets before it: (010)12345678
		if open, area := areaCode(s[:start]); open >= 0 && isLandline(area+"-"+s[start:end]) {
			if set.Has(Phone) {
				spans = append(spans, Span{open, end, Phone})
			}
			return spans
		}
	}
	if !gluedStart && !gluedEnd {
		if k, ok := classifyDigits(s[start:end]); ok {
			if set.Has(k) && !labelledNumber(s[:start]) {
				spans = append(spans, Span{start, end, k})
			}
			return spans
		}
	}
	// the groups: where a space or a dash (not a dot: 13812345678.00 is an
	// amount) separates two digits
	var cuts [8]int // the separators' offsets; more groups are not looked at
	n := 0
	for i := start + 1; i < end-1 && n < len(cuts); i++ {
		if c := s[i]; (c == ' ' || c == '-') && isDigit(s[i-1]) && isDigit(s[i+1]) {
			cuts[n] = i
			n++
		}
	}
	if n == 0 || inFours(s[start:end], n) {
		return spans
	}
	groupStart := func(g int) int {
		if g == 0 {
			return start
		}
		return cuts[g-1] + 1
	}
	groupEnd := func(g int) int {
		if g == n {
			return end
		}
		return cuts[g]
	}
	first, last := 0, n
	if gluedStart {
		first++
	}
	if gluedEnd {
		last--
	}
	for g := first; g <= last; g++ {
		// the longest part from group g that is a number, of at most
		// five groups (+86 138 1234 5678), other than the whole run
		for h := min(last, g+4); h >= g; h-- {
			if g == 0 && h == n {
				continue
			}
			a, b := groupStart(g), groupEnd(h)
			if k, ok := classifyDigits(s[a:b]); ok && (k == Phone || k == IDCard) {
				if set.Has(k) && !labelledNumber(s[:a]) {
					spans = append(spans, Span{a, b, k})
				}
				g = h
				break
			}
		}
	}
	return spans
}

// inFours reports whether run, whose groups n spaces or dashes separate,
// is one number written in fours, as cards, coupons and order numbers are
// (1234 0567 8901 2345, 2026-1111-0158-380): three groups or more, each of
// four digits but the last, of one to four. Its groups are not numbers of
// their own, though some of them may look like a phone (0567 8901 2345, a
// landline; 1381 2345 678, a mobile).
func inFours(run string, n int) bool {
	if n < 2 {
		return false
	}
	g := 0 // the digits of the group so far
	for i := 0; i < len(run); i++ {
		switch c := run[i]; {
		case isDigit(c):
			if g++; g > 4 {
				return false
			}
		case c == ' ' || c == '-':
			if g != 4 {
				return false
			}
			g = 0
		default:
			return false
		}
	}
	return g > 0
}

// areaCode returns the area code in brackets that before ends with, such as
// (010) or （0755） and a space, and the offset of its opening bracket;
// open is -1 when there is none.
func areaCode(before string) (open int, area string) {
	before = strings.TrimSuffix(before, " ")
	var closing, opening string
	switch {
	case strings.HasSuffix(before, ")"):
		closing, opening = ")", "("
	case strings.HasSuffix(before, "）"):
		closing, opening = "）", "（"
	default:
		return -1, ""
	}
	before = before[:len(before)-len(closing)]
	i := len(before)
	for i > 0 && isDigit(before[i-1]) && len(before)-i < 5 {
		i--
	}
	area = before[i:]
	if len(area) < 3 || len(area) > 4 || area[0] != '0' || !strings.HasSuffix(before[:i], opening) {
		return -1, ""
	}
	return i - len(opening), area
}

// numberLabels name numbers that are not personal data though they may look
// like a phone, an ID-card or a bank-card number (eleven digits starting
// 13…19; 18 digits with a date inside that pass the ID card's checksum; 16
// to 19 digits that pass the Luhn check): 订单号13912345678 is an order.
// 单号 covers 运单号, 快递单号, 物流单号, 服务单号 and the like. An order
// or a tracking number is how a report's reader finds the case: it stays
// readable.
var numberLabels = []string{"单号", "订单编号", "编号", "货号", "型号", "工号", "券号", "序列号", "批号",
	"订单", "运单", "交易号", "流水号"}

// labelledNumber reports whether a number after the text before is
// labelled as another (a phone, ID-card or bank-card number's shape): it
// comes after a label of numberLabels and at most three colons, spaces, 为, 是 or
// #. (An order number of 18 digits whose 7th to 14th are a date, as some
// shops number orders, passes an ID card's birth-date test, and one in 11
// its checksum: 订单号100001202611250005.) 身份证编号 and 卡编号 label
// personal data.
func labelledNumber(before string) bool {
	for range 3 {
		r, size := utf8.DecodeLastRuneInString(before)
		if size == 0 || !(r == ':' || r == '：' || r == ' ' || r == '\u3000' || r == '为' || r == '是' || r == '#' || r == '＃') {
			break
		}
		before = before[:len(before)-size]
	}
	for _, l := range numberLabels {
		if strings.HasSuffix(before, l) {
			rest := before[:len(before)-len(l)]
			return l != "编号" || !strings.HasSuffix(rest, "证") && !strings.HasSuffix(rest, "卡")
		}
	}
	return false
}

// nextDigitRun finds the first digit run in s at or after byte from: what
// the regular expression
//
//	(?:\+?86[- ]?)?\d(?:[\d]|[-. ]\d){6,}[\dXx]?
//
// matches there, leftmost-first, as regexp's FindAllStringIndex would with
// its search resuming at from (TestNextDigitRunAgreesWithRegexp). start is
// -1 when there is none. Written out by hand: the regular expression ran
// at every character of the (mostly Chinese) text.
//
// A run's first seven bytes are digits, separators or the + (runByte), so
// a run starting at byte p or in the six after covers byte p+6: when that
// byte is not one of them, none starts there, and the search goes on at
// p+7; else each byte p to p+6 is tried in turn. (A run starting at p
// needs p+6 < len(s).)
func nextDigitRun(s string, from int) (start, end int) {
	for p := from; p+6 < len(s); p += 7 {
		if !runByte[s[p+6]] {
			continue
		}
		for i := p; i <= p+6; i++ {
			if c := s[i]; c != '+' && !isDigit(c) {
				continue
			}
			if e := digitRunAt(s, i); e >= 0 {
				return i, e
			}
		}
	}
	return -1, -1
}

// runByte tells the bytes the first seven of a digit run are made of
// (nextDigitRun): chainByte's and the + of +86.
var runByte = func() [256]bool {
	t := chainByte
	t['+'] = true
	return t
}()

// digitRunAt returns the end of the digit run starting at byte i, or -1.
// The regular expression's alternatives are tried in its order: with the
// optional +86 (the + and the separator after it taken when there), then
// without it. Each repetition of the middle part can go on in one way only
// (a digit, or a separator before a digit), so the greedy longest one is
// the match once it reaches the minimum; the optional end is taken when
// there.
func digitRunAt(s string, i int) int {
	if s[i] == '+' {
		if !strings.HasPrefix(s[i+1:], "86") {
			return -1
		}
		// without the +, 86 would have to start at the + itself
		return afterCountryCode(s, i+3)
	}
	if strings.HasPrefix(s[i:], "86") {
		if e := afterCountryCode(s, i+2); e >= 0 {
			return e
		}
	}
	return digitsAt(s, i)
}

// afterCountryCode returns the end of the run after a +86 or 86 ending at
// byte j: with the separator that may follow it, else without. (Without
// it, a separator at j cannot start the digits.)
func afterCountryCode(s string, j int) int {
	if j < len(s) && (s[j] == '-' || s[j] == ' ') {
		return digitsAt(s, j+1)
	}
	return digitsAt(s, j)
}

// digitsAt returns the end of \d(?:[\d]|[-. ]\d){6,}[\dXx]? matched at
// byte q, or -1. The run has no bound: a run cut short would leave its
// rest to look like a number of its own.
func digitsAt(s string, q int) int {
	if q >= len(s) || !isDigit(s[q]) {
		return -1
	}
	j, reps := q+1, 0
	for {
		if j < len(s) && isDigit(s[j]) {
			j++
		} else if j+1 < len(s) && isSep(s[j]) && isDigit(s[j+1]) {
			j += 2
		} else {
			break
		}
		reps++
	}
	if reps < 6 {
		return -1
	}
	if j < len(s) && (isDigit(s[j]) || s[j] == 'X' || s[j] == 'x') {
		j++
	}
	return j
}

// isDigit reports whether c is an ASCII digit (\d in a regular expression).
func isDigit(c byte) bool { return c-'0' < 10 }

// isSep reports whether c may separate the groups of a number's digits.
func isSep(c byte) bool { return c == '-' || c == ' ' || c == '.' }

// merge sorts spans and joins overlapping ones.
func merge(spans []Span) []Span {
	if len(spans) < 2 {
		return spans
	}
	slices.SortStableFunc(spans, func(a, b Span) int { return a.Start - b.Start })
	out := spans[:0]
	for _, sp := range spans {
		if n := len(out); n > 0 && sp.Start < out[n-1].End {
			if sp.End > out[n-1].End {
				out[n-1].End = sp.End
			}
			continue
		}
		out = append(out, sp)
	}
	return out
}

// classifyDigits decides what a run of digits (with separators) is.
func classifyDigits(run string) (Kind, bool) {
	if len(run) > maxNumber {
		return "", false
	}
	// the digits, in a buffer on the stack
	var buf [maxNumber]byte
	d := buf[:0]
	for i := 0; i < len(run); i++ {
		c := run[i]
		if c >= '0' && c <= '9' || c == 'X' || c == 'x' {
			d = append(d, c)
		}
	}
	ds := string(d)
	if len(ds) == 13 && ds[:2] == "86" && ds[2] == '1' {
		ds = ds[2:] // +86 mobile
	} else if len(ds) == 15 && ds[:4] == "0086" && ds[4] == '1' {
		ds = ds[4:] // 0086 mobile
	}
	switch {
	case len(ds) == 11 && ds[0] == '1' && ds[1] >= '3' && ds[1] <= '9' && allDigits(ds):
		return Phone, true
	case isLandline(run):
		return Phone, true
	case len(ds) == 18 && ValidIDCard(ds):
		return IDCard, true
	case len(ds) >= 16 && len(ds) <= 19 && allDigits(ds) && Luhn(ds):
		return Bank, true
	}
	return "", false
}

// maxNumber is the longest run (digits and separators) classifyDigits
// looks at: a bank card's 19 digits in groups of four are 23 bytes.
const maxNumber = 40

// isLandline reports whether run is a landline number with its area code,
// as ^0[1-9]\d{1,2}(?:[-. ]?\d{7,8}|[-. ]\d{3,4}[-. ]\d{4})$ matches: an
// area code of three or four digits (010, 0755; 00 starts an international
// number), then the local number of seven or eight digits, whole or in two
// groups (0755 8888 6666, 010-123-4567), a dash, dot or space before each
// group or none.
func isLandline(run string) bool {
	if len(run) < 10 || run[0] != '0' || run[1] == '0' || !isDigit(run[1]) {
		return false
	}
	// the groups' lengths
	var groups [4]int
	n := 0
	for i := 0; i < len(run); i++ {
		switch c := run[i]; {
		case isDigit(c):
			groups[n]++
		case isSep(c) && i > 0 && i+1 < len(run) && isDigit(run[i-1]) && isDigit(run[i+1]) && n+1 < len(groups):
			n++
		default:
			return false
		}
	}
	area := groups[0]
	switch n {
	case 0:
		return area >= 10 && area <= 12
	case 1:
		return area >= 3 && area <= 4 && (groups[1] == 7 || groups[1] == 8)
	case 2:
		return area >= 3 && area <= 4 && (groups[1] == 3 || groups[1] == 4) && groups[2] == 4
	}
	return false
}

// ValidIDCard checks a mainland resident ID number: 18 characters, a
// plausible birth date and the ISO 7064 MOD 11-2 check character. Order
// numbers of the same length almost never pass.
func ValidIDCard(id string) bool {
	if len(id) != 18 || !allDigits(id[:17]) {
		return false
	}
	month := (id[10]-'0')*10 + id[11] - '0'
	day := (id[12]-'0')*10 + id[13] - '0'
	year := id[6:8]
	if month < 1 || month > 12 || day < 1 || day > 31 || (year != "19" && year != "20") {
		return false
	}
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(id[i]-'0') * weights[i]
	}
	check := "10X98765432"[sum%11]
	last := id[17]
	if last == 'x' {
		last = 'X'
	}
	return last == check
}

// Luhn checks a card number's Luhn digit.
func Luhn(num string) bool {
	sum, double := 0, false
	for i := len(num) - 1; i >= 0; i-- {
		d := int(num[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// masks are the mask characters by UTF-8 length, so masking keeps byte offsets.
var masks = [5]string{1: "*", 2: "×", 3: "＊", 4: "🞷"}

// Text masks the personal data in s, except inside the keep spans (byte
// offsets of the evidence a finding points at). The result has the same byte
// length and the same number of characters as s.
func Text(s string, keep [][2]int) string { return MaskSpans(s, Find(s), keep) }

// Mask masks every character of s (a piece of personal data found
// elsewhere), keeping its byte length.
func Mask(s string) string {
	if s == "" {
		return s
	}
	return MaskSpans(s, []Span{{0, len(s), ""}}, nil)
}

// MaskSpans masks the given spans of s (as Find returns them: in order, not
// overlapping), except inside the keep spans. The result has the same byte
// length and the same number of characters as s.
func MaskSpans(s string, spans []Span, keep [][2]int) string {
	if len(spans) == 0 {
		return s
	}
	b := []byte(s)
	out := make([]byte, 0, len(b))
	i := 0
	for _, sp := range spans {
		out = append(out, b[i:sp.Start]...)
		for j := sp.Start; j < sp.End; {
			_, size := utf8.DecodeRune(b[j:])
			if kept(j, keep) || size > 4 {
				out = append(out, b[j:j+size]...)
			} else {
				out = append(out, masks[size]...)
			}
			j += size
		}
		i = sp.End
	}
	out = append(out, b[i:]...)
	return string(out)
}

func kept(off int, keep [][2]int) bool {
	for _, k := range keep {
		if off >= k[0] && off < k[1] {
			return true
		}
	}
	return false
}

// Quoted masks the personal data in a text that quotes message texts, such
// as a finding's message (首次回复「您的电话是138…」): the personal data
// found in it, every one of known (the personal data found in the quoted
// texts) wherever it appears, and the start of one of them cut short by "…"
// (an excerpt's end). keep, unless "", is a quoted piece of evidence that
// stays readable wherever it appears. known is searched longest first.
func Quoted(s string, known []string, keep string) string {
	var keepSpans [][2]int
	if keep != "" {
		for i := 0; ; {
			j := strings.Index(s[i:], keep)
			if j < 0 {
				break
			}
			keepSpans = append(keepSpans, [2]int{i + j, i + j + len(keep)})
			i += j + len(keep)
		}
	}
	out := Text(s, keepSpans)
	if len(known) == 0 {
		return out
	}
	known = slices.Clone(known)
	slices.SortStableFunc(known, func(a, b string) int { return len(b) - len(a) })
	for _, k := range known {
		if k == "" || keep != "" && strings.Contains(keep, k) {
			continue
		}
		out = strings.ReplaceAll(out, k, Mask(k))
		out = maskCut(out, k)
	}
	return out
}

// maskCut masks the starts of k that end right before an ellipsis in s.
func maskCut(s, k string) string {
	const ellipsis = "…"
	for from := 0; ; {
		i := strings.Index(s[from:], ellipsis)
		if i < 0 {
			return s
		}
		i += from
		// the longest start of k (whole characters, not all of it) that
		// ends at i
		for b := len(k) - 1; b > 0; b-- {
			if utf8.RuneStart(k[b]) && strings.HasSuffix(s[:i], k[:b]) {
				s = s[:i-b] + Mask(k[:b]) + s[i:]
				break
			}
		}
		from = i + len(ellipsis)
	}
}
