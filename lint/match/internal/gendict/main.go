// Command gendict generates lint/match/dictdata/gse_zh_s.bin, the compact
// form of gse's Simplified Chinese dictionary (data/dict/zh/s_1.txt) that
// package match looks words up in without loading gse.
//
// The dictionary is loaded with gse's own loader (LoadDictStr, as
// LoadDictEmbed("zh_s") does), so the table holds exactly the tokens gse
// keeps: lines below MinTokenFreq dropped, single-rune words at frequency 2,
// Latin/digit runs lower-cased, the first of duplicate words kept.
//
//	go run ./internal/gendict [-gse DIR] [-out dictdata/gse_zh_s.bin]
//
// Without -gse the gse module directory is found with
// `go list -m -f '{{.Dir}}' github.com/go-ego/gse`.
//
// # File format
//
// Every distinct gse unit of the dictionary's words gets a code, 1 to U, in
// ascending byte order, and a word is the sequence of its units' codes. The
// words are stored as a three-level trie: per first unit, the one-unit word;
// per pair of first two units (sorted), the two-unit word; and the longer
// words, sorted by their codes, with their units after the second. All
// integers are little-endian; every section starts at a multiple of 4.
//
//	header (112 bytes):
//	  [0:8]   magic "GSEZHS06"
//	  [8:12]  number of distinct frequencies F
//	  [12:16] number of distinct units U
//	  [16:20] number of pairs P
//	  [20:24] number of words of three or more units L
//	  [24:28] number of codes C in "codes"
//	  [28:32] log2 of the number of hash slots
//	  [32:40] total frequency (uint64; gse's Dictionary.TotalFreq)
//	  [40:44] number of words N
//	  [44:48] most units in a word
//	  [48:100] byte offsets of the thirteen sections below
//	freqs:   F × uint32, the distinct frequencies, ascending
//	bmp:     256 × uint16, for units that are one character of the Basic
//	         Multilingual Plane: block index + 1 of the character's high byte
//	         (0: no unit there)
//	blocks:  256 × uint16 per block: the unit code of each character (0:
//	         none)
//	hash:    2^bits × uint16, the code of the other units (0 = empty slot);
//	         FNV-1a of the unit's bytes, linear probing
//	units:   (U+2) × uint32, offset of unit c's bytes in "text" (c = 0..U+1;
//	         unit c is text[units[c]:units[c+1]], unit 0 is empty)
//	text:    the units' bytes
//	firsts:  (U+2) records of 16 bytes, for first unit c = 0..U+1: uint32
//	         index of its first pair, uint32 index of its first long word,
//	         uint32 offset in "codes" of that word's codes, uint16 frequency
//	         index + 1 of the one-unit word (0: none), uint16 index + 1 of
//	         the unit's bucket table in "buckets", in 8-byte steps (0: none;
//	         the final record closes the last unit's ranges)
//	seconds: P × uint16, the pairs' second units, sorted by (first, second)
//	pairs:   P × uint32: low 16 bits the frequency index + 1 of the pair's
//	         two-unit word (0: none), high 16 bits the index of the first
//	         long word starting with the pair relative to the first unit's
//	         first long word
//	longs:   L × uint32, sorted by codes: low 16 bits the offset of the
//	         word's codes after its second unit, relative to its first unit's
//	         offset, high 16 bits its frequency index
//	codes:   C × uint16
//	buckets: for each first unit with more than 16 pairs, a table of uint16
//	         padded to a multiple of 8 bytes: a shift s, then for each bucket
//	         b = 0..(U>>s)+1 the index (relative to the unit's first pair) of
//	         its first pair whose second unit is at least b<<s. The pairs
//	         whose second unit x has x>>s = b are those from entry b to
//	         entry b+1; s makes the buckets about half as many as the pairs.
//	version: the gse module version the dictionary comes from (text)
package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

const (
	magic      = "GSEZHS06"
	headerSize = 112
)

func main() {
	gseDir := flag.String("gse", "", "gse module directory (default: from go list)")
	gseVersion := flag.String("version", "", "gse module version (default: from go list)")
	out := flag.String("out", "dictdata/gse_zh_s.bin", "file to write")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gendict: ")

	dir, ver := *gseDir, *gseVersion
	if dir == "" || ver == "" {
		b, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}} {{.Version}}", "github.com/go-ego/gse").Output()
		if err != nil {
			log.Fatalf("locating gse: %v", err)
		}
		d, v, _ := strings.Cut(strings.TrimSpace(string(b)), " ")
		if dir == "" {
			dir = d
		}
		if ver == "" {
			ver = v
		}
	}
	src, err := os.ReadFile(filepath.Join(dir, "data", "dict", "zh", "s_1.txt"))
	if err != nil {
		log.Fatal(err)
	}
	data, err := build(string(src), ver)
	if err != nil {
		log.Fatal(err)
	}
	if old, err := os.ReadFile(*out); err == nil && bytes.Equal(old, data) {
		return
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		log.Fatal(err)
	}
}

type word struct {
	codes []uint16 // all units
	freq  float64
}

func build(src, version string) ([]byte, error) {
	var seg gse.Segmenter
	seg.NotLoadHMM = true
	seg.SkipLog = true
	if err := seg.LoadDictStr(src); err != nil {
		return nil, fmt.Errorf("loading s_1.txt: %w", err)
	}

	// the words' units
	unitsOf := make([][]string, len(seg.Dict.Tokens))
	unitSet := map[string]bool{}
	freqSet := map[float64]bool{}
	maxUnits := 0
	var total uint64
	for i := range seg.Dict.Tokens {
		tok := &seg.Dict.Tokens[i]
		key, freq := tok.Text(), tok.Freq()
		if freq != math.Trunc(freq) || freq < 1 || freq >= 1<<32 {
			return nil, fmt.Errorf("word %q: frequency %v is not a whole number in [1, 2^32)", key, freq)
		}
		joined := ""
		for _, u := range seg.SplitTextToWords([]byte(key)) {
			unitsOf[i] = append(unitsOf[i], string(u))
			unitSet[string(u)] = true
			joined += string(u)
		}
		if len(unitsOf[i]) == 0 || joined != key {
			return nil, fmt.Errorf("word %q: its units %q do not spell it", key, unitsOf[i])
		}
		maxUnits = max(maxUnits, len(unitsOf[i]))
		freqSet[freq] = true
		total += uint64(freq)
	}
	if float64(total) != seg.Dict.TotalFreq() {
		return nil, fmt.Errorf("total frequency %d differs from gse's %v", total, seg.Dict.TotalFreq())
	}

	freqs := make([]float64, 0, len(freqSet))
	for f := range freqSet {
		freqs = append(freqs, f)
	}
	sort.Float64s(freqs)
	freqIndex := map[float64]int{}
	for i, f := range freqs {
		freqIndex[f] = i
	}
	if len(freqs) > 1<<16 {
		return nil, fmt.Errorf("%d distinct frequencies do not fit 16 bits", len(freqs))
	}

	units := make([]string, 0, len(unitSet)+1)
	units = append(units, "")
	for u := range unitSet {
		units = append(units, u)
	}
	sort.Strings(units)
	if len(units) >= 1<<16 {
		return nil, fmt.Errorf("%d units do not fit 16 bits", len(units)-1)
	}
	code := map[string]uint16{}
	for c, u := range units {
		code[u] = uint16(c)
	}
	U := len(units) - 1

	words := make([]word, len(unitsOf))
	for i, us := range unitsOf {
		for _, u := range us {
			words[i].codes = append(words[i].codes, code[u])
		}
		words[i].freq = seg.Dict.Tokens[i].Freq()
	}
	sort.Slice(words, func(i, j int) bool { return slices.Compare(words[i].codes, words[j].codes) < 0 })

	// one BMP character: direct tables; other units: hash
	var bmp [256]uint16
	var blocks [][256]uint16
	var hashed []int
	for c := 1; c <= U; c++ {
		r, size := utf8.DecodeRuneInString(units[c])
		if size != len(units[c]) || r >= 0x10000 || r == utf8.RuneError {
			hashed = append(hashed, c)
			continue
		}
		if bmp[r>>8] == 0 {
			blocks = append(blocks, [256]uint16{})
			bmp[r>>8] = uint16(len(blocks))
		}
		blocks[bmp[r>>8]-1][r&0xff] = uint16(c)
	}
	hashBits := 1
	for 1<<hashBits < 3*len(hashed) {
		hashBits++
	}
	hash := make([]uint16, 1<<hashBits)
	mask := uint32(len(hash) - 1)
	for _, c := range hashed {
		h := fnv1a(units[c]) & mask
		for hash[h] != 0 {
			h = (h + 1) & mask
		}
		hash[h] = uint16(c)
	}

	le := binary.LittleEndian
	var freqSec, bmpSec, blockSec, hashSec, unitSec, textSec, firstSec, secondSec, pairSec, longSec, codeSec, bucketSec []byte
	for _, f := range freqs {
		freqSec = le.AppendUint32(freqSec, uint32(f))
	}
	for _, b := range bmp {
		bmpSec = le.AppendUint16(bmpSec, b)
	}
	for _, bl := range blocks {
		for _, c := range bl {
			blockSec = le.AppendUint16(blockSec, c)
		}
	}
	for _, h := range hash {
		hashSec = le.AppendUint16(hashSec, h)
	}
	for c := 0; c <= U+1; c++ {
		unitSec = le.AppendUint32(unitSec, uint32(len(textSec)))
		if c <= U {
			textSec = append(textSec, units[c]...)
		}
	}
	nPairs, nLongs, nCodes := 0, 0, 0
	w := 0
	for c := 0; c <= U+1; c++ {
		firstSec = le.AppendUint32(firstSec, uint32(nPairs))
		firstSec = le.AppendUint32(firstSec, uint32(nLongs))
		firstSec = le.AppendUint32(firstSec, uint32(nCodes))
		one := 0
		if w < len(words) && len(words[w].codes) == 1 && int(words[w].codes[0]) == c {
			one = freqIndex[words[w].freq] + 1
			w++
		}
		firstSec = le.AppendUint16(firstSec, uint16(one))
		padAt := len(firstSec)
		firstSec = le.AppendUint16(firstSec, 0)
		longBase, codeBase := nLongs, nCodes
		var seconds []uint16
		for w < len(words) && int(words[w].codes[0]) == c {
			// a pair: its two-unit word, if any, sorts first
			second := words[w].codes[1]
			two := 0
			if len(words[w].codes) == 2 {
				two = freqIndex[words[w].freq] + 1
				w++
			}
			if nLongs-longBase >= 1<<16 {
				return nil, fmt.Errorf("unit %q: more than 2^16 long words", units[c])
			}
			secondSec = le.AppendUint16(secondSec, second)
			seconds = append(seconds, second)
			pairSec = le.AppendUint32(pairSec, uint32(two)|uint32(nLongs-longBase)<<16)
			nPairs++
			for ; w < len(words) && int(words[w].codes[0]) == c && words[w].codes[1] == second; w++ {
				if nCodes-codeBase >= 1<<16 {
					return nil, fmt.Errorf("unit %q: more than 2^16 codes", units[c])
				}
				longSec = le.AppendUint32(longSec, uint32(nCodes-codeBase)|uint32(freqIndex[words[w].freq])<<16)
				nLongs++
				for _, x := range words[w].codes[2:] {
					codeSec = le.AppendUint16(codeSec, x)
					nCodes++
				}
			}
		}
		if len(seconds) > bucketMin {
			if len(bucketSec)/8+1 >= 1<<16 || len(seconds) >= 1<<16 {
				return nil, errors.New("bucket tables too large for 16-bit indexes")
			}
			le.PutUint16(firstSec[padAt:], uint16(len(bucketSec)/8+1))
			bucketSec = appendBuckets(bucketSec, seconds, U)
		}
	}
	if w != len(words) {
		return nil, errors.New("words left out of the trie")
	}

	out := make([]byte, headerSize)
	copy(out, magic)
	le.PutUint32(out[8:], uint32(len(freqs)))
	le.PutUint32(out[12:], uint32(U))
	le.PutUint32(out[16:], uint32(nPairs))
	le.PutUint32(out[20:], uint32(nLongs))
	le.PutUint32(out[24:], uint32(nCodes))
	le.PutUint32(out[28:], uint32(hashBits))
	le.PutUint64(out[32:], total)
	le.PutUint32(out[40:], uint32(len(words)))
	le.PutUint32(out[44:], uint32(maxUnits))
	for i, sec := range [][]byte{freqSec, bmpSec, blockSec, hashSec, unitSec, textSec, firstSec, secondSec, pairSec, longSec, codeSec, bucketSec, []byte(version)} {
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		le.PutUint32(out[48+4*i:], uint32(len(out)))
		out = append(out, sec...)
	}
	if uint64(len(out)) >= math.MaxUint32 {
		return nil, errors.New("table too large")
	}
	log.Printf("gse %s: %d words (%d pairs, %d longer), %d units (%d hashed), %d BMP blocks, %d codes, %d frequencies, %d bytes of buckets, total %d: %d bytes",
		version, len(words), nPairs, nLongs, U, len(hashed), len(blocks), nCodes, len(freqs), len(bucketSec), total, len(out))
	return out, nil
}

// bucketMin is the most pairs a first unit has without a bucket table.
const bucketMin = 16

// bucketShift returns the shift of the bucket table of a first unit with n
// pairs, u the largest unit code: the least that makes the buckets no more
// than half as many as the pairs.
func bucketShift(n, u int) int {
	s := 0
	for (u>>s)+1 > max(n/2, 1) {
		s++
	}
	return s
}

// appendBuckets appends to out the bucket table of a first unit whose pairs
// have the second units seconds (ascending), u the largest unit code.
func appendBuckets(out []byte, seconds []uint16, u int) []byte {
	le := binary.LittleEndian
	s := bucketShift(len(seconds), u)
	out = le.AppendUint16(out, uint16(s))
	p := 0
	for b := 0; b <= u>>s+1; b++ {
		for p < len(seconds) && int(seconds[p]) < b<<s {
			p++
		}
		out = le.AppendUint16(out, uint16(p))
	}
	for len(out)%8 != 0 {
		out = append(out, 0)
	}
	return out
}

// fnv1a is the hash of the table's group index; package match computes the
// same function.
func fnv1a(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
