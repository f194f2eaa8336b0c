package match

//go:generate go run ./internal/gendict -out dictdata/gse_zh_s.bin

import (
	_ "embed"
	"errors"
	"fmt"
	"sync"
	"unicode"
	"unicode/utf8"
)

// gseZhS is gse's Simplified Chinese dictionary (data/dict/zh/s_1.txt) as
// gse loads it, in the compact sorted form written by internal/gendict (the
// format is described there). It is read in place: nothing is parsed or
// copied at start-up.
//
//go:embed dictdata/gse_zh_s.bin
var gseZhS string

// GseVersion returns the version of gse (github.com/go-ego/gse) whose
// dictionary NewSegmenter embeds, such as "v0.80.3": the gse whose
// segmentation it reproduces.
func GseVersion() string {
	t, err := loadDict()
	if err != nil {
		return ""
	}
	return t.version
}

// dictTable is a view of the embedded dictionary.
type dictTable struct {
	freqs, bmp, blocks, hash, units, text, firsts, seconds, pairs, longs, codes, buckets string
	version                                                                              string

	nFreqs, nUnits, nWords int
	hashMask               uint32
	total                  uint64
}

var loadDict = sync.OnceValues(func() (*dictTable, error) { return parseDict(gseZhS) })

const (
	dictMagic      = "GSEZHS06"
	dictHeaderSize = 112
)

func parseDict(data string) (*dictTable, error) {
	if len(data) < dictHeaderSize || data[:8] != dictMagic {
		return nil, errors.New("bad header")
	}
	t := &dictTable{
		nFreqs:   int(le32(data, 8)),
		nUnits:   int(le32(data, 12)),
		hashMask: 1<<le32(data, 28) - 1,
		total:    uint64(le32(data, 32)) | uint64(le32(data, 36))<<32,
		nWords:   int(le32(data, 40)),
	}
	nPairs, nLongs, nCodes := int(le32(data, 16)), int(le32(data, 20)), int(le32(data, 24))
	const nSec = 13
	var off [nSec + 1]int
	for i := 0; i < nSec; i++ {
		off[i] = int(le32(data, 48+4*i))
	}
	off[nSec] = len(data)
	var sec [nSec]string
	for i := range sec {
		if off[i] < dictHeaderSize || off[i] > off[i+1] {
			return nil, errors.New("bad section offsets")
		}
		sec[i] = data[off[i]:off[i+1]] // may end with padding
	}
	t.freqs, t.bmp, t.blocks, t.hash, t.units, t.text = sec[0], sec[1], sec[2], sec[3], sec[4], sec[5]
	t.firsts, t.seconds, t.pairs, t.longs, t.codes = sec[6], sec[7], sec[8], sec[9], sec[10]
	t.buckets, t.version = sec[11], sec[12]
	if len(t.freqs) < 4*t.nFreqs || len(t.bmp) < 512 || len(t.blocks)%512 != 0 ||
		len(t.hash) < 2*int(t.hashMask+1) || len(t.units) < 4*(t.nUnits+2) ||
		len(t.firsts) < 16*(t.nUnits+2) || len(t.seconds) < 2*nPairs || len(t.pairs) < 4*nPairs ||
		len(t.longs) < 4*nLongs || len(t.codes) < 2*nCodes {
		return nil, errors.New("bad section sizes")
	}
	for i := 0; i < 256; i++ {
		if 512*le16(t.bmp, 2*i) > len(t.blocks) {
			return nil, errors.New("bad BMP index")
		}
	}
	t.codes = t.codes[:2*nCodes]
	t.seconds = t.seconds[:2*nPairs]
	t.pairs = t.pairs[:4*nPairs]
	t.longs = t.longs[:4*nLongs]
	return t, nil
}

func le32(s string, i int) uint32 {
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

func le16(s string, i int) int {
	return int(s[i]) | int(s[i+1])<<8
}

// freq returns the i-th distinct frequency.
func (t *dictTable) freq(i int) float64 { return float64(le32(t.freqs, 4*i)) }

// runeCode returns the code of the unit made of the character r, encoded as
// unit (which is not valid UTF-8 when r is utf8.RuneError and unit one
// byte); 0 when no dictionary word holds that unit.
func (t *dictTable) runeCode(r rune, unit string) uint16 {
	if r >= 0x10000 || r == utf8.RuneError && len(unit) == 1 {
		return t.hashCode(unit)
	}
	return t.bmpCode(r)
}

// hashCode returns the code of a unit that is not one character of the
// Basic Multilingual Plane, 0 when no dictionary word holds it.
func (t *dictTable) hashCode(unit string) uint16 {
	h := uint32(2166136261)
	for i := 0; i < len(unit); i++ {
		h ^= uint32(unit[i])
		h *= 16777619
	}
	for h &= t.hashMask; ; h = (h + 1) & t.hashMask {
		c := le16(t.hash, 2*int(h))
		if c == 0 {
			return 0
		}
		if t.text[le32(t.units, 4*c):le32(t.units, 4*c+4)] == unit {
			return uint16(c)
		}
	}
}

// splitUnits appends to ends the byte offsets at which gse's
// SplitTextToWords ends its units of text: a run of letters and digits of at
// most two bytes each (Latin, digits, Greek, Cyrillic...) is one unit, every
// other character (or invalid byte) is a unit of its own.
func splitUnits(ends []int32, text string) []int32 {
	ends, _, _ = scanUnits(ends, nil, nil, text)
	return ends
}

// scanUnits is splitUnits that also appends to codes, when t is not nil, the
// units' codes in t (0 for a unit no word holds). It reports whether text
// holds an ASCII upper-case letter, which gse lower-cases: the codes are
// then those of the text as it is, not as gse looks it up.
func scanUnits(ends []int32, codes []uint16, t *dictTable, text string) (_ []int32, _ []uint16, upper bool) {
	inAlnum := false
	runStart, runRune := 0, rune(-1) // the current run; its one character or -1
	for i := 0; i < len(text); {
		c := text[i]
		r, size := rune(c), 1
		var alnum bool
		if c < utf8.RuneSelf {
			alnum = 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
			if 'A' <= c && c <= 'Z' {
				alnum, upper = true, true
			}
		} else if r3, ok := decodeRune3(text, i); ok {
			// the common case, Han and CJK punctuation: three bytes, never
			// a unit of letters (those are two bytes at most)
			if inAlnum {
				if t != nil {
					codes = append(codes, t.runCode(text[runStart:i], runRune))
				}
				inAlnum = false
			}
			ends = append(ends, int32(i+3))
			if t != nil {
				codes = append(codes, t.bmpCode(r3))
			}
			i += 3
			continue
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
			alnum = inLetterRun(r, size)
		}
		if alnum {
			if inAlnum {
				ends[len(ends)-1] = int32(i + size)
				runRune = -1
			} else {
				ends = append(ends, int32(i+size))
				inAlnum, runStart, runRune = true, i, r
			}
		} else {
			if inAlnum && t != nil {
				codes = append(codes, t.runCode(text[runStart:i], runRune))
			}
			inAlnum = false
			ends = append(ends, int32(i+size))
			if t != nil {
				codes = append(codes, t.runeCode(r, text[i:i+size]))
			}
		}
		i += size
	}
	if inAlnum && t != nil {
		codes = append(codes, t.runCode(text[runStart:], runRune))
	}
	return ends, codes, upper
}

// decodeRune3 decodes the character at text[i] when it is valid UTF-8 of
// three bytes whose first byte is neither 0xE0 nor 0xED (the two that
// restrict the second byte), as utf8.DecodeRuneInString would; ok is false
// otherwise, also for the rest of three-byte UTF-8, which is left to
// utf8.DecodeRuneInString.
func decodeRune3(text string, i int) (r rune, ok bool) {
	if i+2 >= len(text) {
		return 0, false
	}
	c0, c1, c2 := text[i], text[i+1], text[i+2]
	if c0 < 0xE1 || c0 > 0xEF || c0 == 0xED || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
		return 0, false
	}
	return rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), true
}

// bmpCode is runeCode for a character r of the Basic Multilingual Plane
// that is not utf8.RuneError standing for an invalid byte.
func (t *dictTable) bmpCode(r rune) uint16 {
	b := le16(t.bmp, 2*int(r>>8&0xff))
	if b == 0 {
		return 0
	}
	return uint16(le16(t.blocks, 512*(b-1)+2*int(r&0xff)))
}

// inLetterRun reports whether the non-ASCII character r, size bytes long,
// joins a run of letters and digits (one gse unit), as gse's
// SplitTextToWords decides: letters and digits of at most two bytes.
func inLetterRun(r rune, size int) bool {
	return size <= 2 && (unicode.IsLetter(r) || unicode.IsNumber(r))
}

// runCode returns the code of a run of letters and digits, r its one
// character or -1.
func (t *dictTable) runCode(run string, r rune) uint16 {
	if r >= 0 {
		return t.runeCode(r, run)
	}
	return t.hashCode(run)
}

// dictMatch is a dictionary word found at a position of a text: its length
// in gse units and the index of its frequency.
type dictMatch struct {
	n    int32
	freq int32
}

// lookup appends to out the dictionary words that start at unit i of a text
// whose units have the given codes (see scanUnits), shortest first: the words
// gse's Dictionary.LookupTokens finds, those equal to the units i..j for some
// j.
func (t *dictTable) lookup(out []dictMatch, codes []uint16, i int) []dictMatch {
	c := int(codes[i])
	if c == 0 {
		return out
	}
	f := t.firsts[16*c : 16*c+32]
	if one := le16(f, 12); one != 0 {
		out = append(out, dictMatch{n: 1, freq: int32(one - 1)})
	}
	if i+1 >= len(codes) {
		return out
	}
	x := int(codes[i+1])
	p0, p1 := int(le32(f, 0)), int(le32(f, 16))
	if x == 0 || p0 >= p1 {
		return out
	}
	// the pair of units i, i+1: the first unit's pairs with second unit x
	var p int
	if tb := le16(f, 14); tb != 0 {
		// only those of x's bucket
		tab := t.buckets[8*(tb-1):]
		k := 2 + 2*(x>>le16(tab, 0))
		lo, hi := le16(tab, k), le16(tab, k+2)
		seconds := t.seconds[2*p0 : 2*p1]
		for p = lo; p < hi && le16(seconds, 2*p) < x; p++ {
		}
		if p == hi || le16(seconds, 2*p) != x {
			return out
		}
	} else {
		var ok bool
		if p, ok = searchPair(t.seconds[2*p0:2*p1], x); !ok {
			return out
		}
	}
	pair := le32(t.pairs, 4*(p0+p))
	if two := int(pair & 0xffff); two != 0 {
		out = append(out, dictMatch{n: 2, freq: int32(two - 1)})
	}
	// The longer words starting with the pair are longs[a:b] (relative to the
	// first unit's first); word w's units after the second have the codes
	// gcodes[2*s(w):2*s(w+1)], s(w) = longs[w]&0xffff.
	a := int(pair >> 16)
	var b int
	if p0+p+1 < p1 {
		b = int(le32(t.pairs, 4*(p0+p+1)) >> 16)
	} else {
		b = int(le32(f, 20) - le32(f, 4))
	}
	if a >= b || i+2 >= len(codes) {
		return out
	}
	longs := t.longs[4*le32(f, 4) : 4*le32(f, 20)]
	gcodes := t.codes[2*le32(f, 8) : 2*le32(f, 24)]
	// col returns the code of word w's unit j after its second.
	col := func(w, j int) int { return le16(gcodes, 2*(le16(longs, 4*w)+j)) }
	// Every word in [a, b) starts with the units i..i+k-1 and has more.
	for k := 2; i+k < len(codes) && a < b; k++ {
		x := int(codes[i+k])
		if x == 0 {
			break
		}
		j := k - 2 // column of unit i+k in the words' codes
		// a: the first word whose unit i+k is >= x
		if b-a <= 8 {
			for a < b && col(a, j) < x {
				a++
			}
		} else {
			for hi := b; a < hi; {
				m := int(uint(a+hi) >> 1)
				if col(m, j) < x {
					a = m + 1
				} else {
					hi = m
				}
			}
		}
		if a == b || col(a, j) != x {
			break
		}
		// b: the first word whose unit i+k is > x, galloping from a (the
		// words of [a, lo) have x there, hi is b or a word without it)
		lo, hi := a+1, a+1
		for step := 1; hi < b && col(hi, j) == x; step <<= 1 {
			lo = hi + 1
			hi += step
		}
		for hi = min(hi, b); lo < hi; {
			m := int(uint(lo+hi) >> 1)
			if col(m, j) == x {
				lo = m + 1
			} else {
				hi = m
			}
		}
		b = lo
		// the word of exactly k+1 units, if any, sorts first
		next := len(gcodes) / 2
		if 4*(a+1) < len(longs) {
			next = le16(longs, 4*(a+1))
		}
		if next-le16(longs, 4*a) == j+1 {
			out = append(out, dictMatch{n: int32(k + 1), freq: int32(le16(longs, 4*a+2))})
			a++
		}
	}
	return out
}

// searchPair returns the index of x in seconds, a non-empty sorted run of
// little-endian uint16, and whether it is there.
func searchPair(seconds string, x int) (int, bool) {
	n := len(seconds) / 2
	if x < le16(seconds, 0) || x > le16(seconds, 2*n-2) {
		return 0, false
	}
	p := 0
	for n > 1 {
		half := n >> 1
		if le16(seconds, 2*(p+half)) <= x {
			p += half
		}
		n -= half
	}
	return p, le16(seconds, 2*p) == x
}

// find returns the frequency of the dictionary word key (lower-cased, as gse
// keys words), or 0 when gse's dictionary does not hold it.
func (t *dictTable) find(key string) float64 {
	var buf [16]dictMatch
	var codeBuf [16]uint16
	_, codes, _ := scanUnits(nil, codeBuf[:0], t, key)
	for _, m := range t.lookup(buf[:0], codes, 0) {
		if int(m.n) == len(codes) {
			return t.freq(int(m.freq))
		}
	}
	return 0
}

// WordFreq is the frequency gse's Simplified Chinese dictionary, the one
// NewSegmenter embeds, gives word (its count in gse's corpus, 3476 for
// 评价), or 0 where the dictionary holds no such word (璹虫). Letters are
// looked up lower-cased, as gse keys words.
func WordFreq(word string) float64 {
	t, err := loadDict()
	if err != nil || word == "" {
		return 0
	}
	return t.find(lowerASCII(word))
}

// errDict wraps a failure to read the embedded dictionary.
func errDict(err error) error { return fmt.Errorf("match: gse dictionary: %w", err) }
