package pathwhy

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/chatlint/chatlint/internal/chinese"
	"github.com/chatlint/chatlint/internal/english"
	"github.com/chatlint/chatlint/internal/shellquote"
)

// ConvmvName is what convmv -f enc -t utf-8 (enc "gbk", "gb18030", "big5"
// or "big5-hkscs") renames name to, one name (no slash) that is not UTF-8,
// as Perl's Encode reads enc: cp936 for gbk (code page 936: its one-byte €
// 80, FF, and every pair of a lead 81–FE and a second byte 40–7E or 80–FE,
// a user-defined one as a private-use character), Encode::HanExtra's
// gb18030 (no 80 nor FF), big5-eten for big5 (leads A1–F9, second bytes
// 40–7E and A1–FE, but A3C0–A3E0, A3E2–A3FE and C8F2–C8F4; none of
// HKSCS's codes, which golang.org/x/text reads: 嘅 9DEF), and Encode::TW's
// big5-hkscs (HKSCS-2001: leads 88–FE, but the codes of big5HKSCSNone;
// Hong Kong's 嘅 9DEF, 咗 9DF7, 啲 9DF8 as x/text reads them, a character
// past U+FFFF as a private-use one, 𨋢 9DF2 as U+ECD4). A byte that
// leads no character there is read as U+FFFD, and reading goes on with
// the byte after it (a lead before a byte that is no second one of it,
// 客服\x81.txt: 客服\uFFFD.txt); a lead that ends the name is left out
// (客服\x81: 客服). ok is false where nothing is left (a name of one
// lead byte alone): convmv then renames nothing at all ('this file was
// not validly encoded in cp936 … To prevent damage to your files, we
// won't continue'). A character convmv reads as another than
// golang.org/x/text does (a code it leaves to private use, € A2E3 in
// cp936, A3A0 in both, one of big5-eten's own) is U+FFFD in the name
// given too: it is no name chatlint shows. (Checked against convmv 2.05
// and Perl 5.36's Encode 3.17, cp936 and big5-eten, code by code; gb18030
// is golang.org/x/text's, Encode::HanExtra's not at hand; big5-hkscs is
// checked code by code by TestConvmvNameBig5HKSCSPerl where Perl is.)
func ConvmvName(enc, name string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(name); {
		c := name[i]
		if c < 0x80 {
			b.WriteByte(c)
			i++
			continue
		}
		w, ok := convmvWidth(enc, name, i)
		switch {
		case w > 0 && i+w > len(name):
			// (a lead that ends the name: left out)
			i = len(name)
			continue
		case !ok:
			b.WriteRune(utf8.RuneError)
			i++
			continue
		}
		r, ok := convmvRune(enc, name[i:i+w])
		if !ok {
			r = utf8.RuneError
		}
		b.WriteRune(r)
		i += w
	}
	return b.String(), b.Len() > 0
}

// convmvWidth is how many bytes of name, from i (a byte past ASCII), are
// one character of enc as Perl reads it, and whether they are one: a
// width past name's end is a lead that ends it; 0 a byte that leads
// none.
func convmvWidth(enc, name string, i int) (int, bool) {
	lead := name[i]
	var trail byte
	if i+1 < len(name) {
		trail = name[i+1]
	}
	switch enc {
	case "gbk":
		if lead == 0x80 || lead == 0xff {
			return 1, true // (€, and U+F8F5)
		}
		return 2, i+1 < len(name) && gbkTrail(trail)
	case "gb18030":
		switch {
		case lead == 0x80 || lead == 0xff:
			return 0, false
		case i+1 < len(name) && trail >= '0' && trail <= '9':
			return 4, i+3 < len(name) && name[i+2] >= 0x81 && name[i+2] <= 0xfe && name[i+3] >= '0' && name[i+3] <= '9'
		}
		return 2, i+1 < len(name) && gbkTrail(trail)
	case "big5-hkscs":
		switch {
		case lead < 0x88 || lead == 0xff:
			return 0, false
		case i+1 >= len(name) || !(trail >= 0x40 && trail <= 0x7e || trail >= 0xa1 && trail <= 0xfe),
			big5HKSCSNone(uint16(lead)<<8 | uint16(trail)):
			return 2, false
		}
		return 2, true
	}
	switch {
	case lead < 0xa1 || lead > 0xf9:
		return 0, false
	case i+1 >= len(name) || !(trail >= 0x40 && trail <= 0x7e || trail >= 0xa1 && trail <= 0xfe),
		lead == 0xa3 && trail >= 0xc0 && trail != 0xe1,
		lead == 0xc8 && trail >= 0xf2 && trail <= 0xf4:
		return 2, false
	}
	return 2, true
}

// gbkTrail reports whether c is a second byte of GBK's pairs: 40–7E, 80–FE.
func gbkTrail(c byte) bool { return c >= 0x40 && c <= 0xfe && c != 0x7f }

// convmvDecoders are the decoders of golang.org/x/text that read convmv's
// encodings as Perl does, but for the codes convmvRune tells.
var convmvDecoders = map[string]encoding.Encoding{"gbk": simplifiedchinese.GBK, "gb18030": simplifiedchinese.GB18030, "big5": traditionalchinese.Big5, "big5-hkscs": traditionalchinese.Big5}

// convmvRune is the character code, one of enc's as convmvWidth takes
// them, is as Perl reads it, ok false where that is a private-use one or
// another than golang.org/x/text reads (see ConvmvName).
func convmvRune(enc, code string) (rune, bool) {
	if code == "\x80" {
		return '€', true
	}
	if enc != "big5" && (chinese.PrivateBoth(code) || enc == "gbk" && chinese.NotGBK(code)) {
		// (A3A0, U+E5E5 in both; € A2E3, 䶮 FE9F, private use in cp936)
		return 0, false
	}
	if enc == "big5" && big5Eten(code) {
		return 0, false
	}
	if enc == "big5-hkscs" && slices.Contains(big5HKSCSApart, uint16(code[0])<<8|uint16(code[1])) {
		return 0, false
	}
	d, err := convmvDecoders[enc].NewDecoder().String(code)
	r, n := utf8.DecodeRuneInString(d)
	if enc == "big5-hkscs" && r > 0xffff {
		// (HKSCS-2001 gave them private-use code points, which Perl's
		// big5-hkscs reads them as: 𨋢 9DF2 as U+ECD4)
		return 0, false
	}
	return r, err == nil && r != utf8.RuneError && n == len(d)
}

// big5HKSCSApart are the codes Perl's big5-hkscs reads as other characters
// in the Basic Multilingual Plane than golang.org/x/text's Big5 does (a
// private-use one for 8840, and big5-eten's 〸 for A2CC).
var big5HKSCSApart = []uint16{
	0x8840, 0x8841, 0x8842, 0x8843, 0x8844, 0x8846, 0x8849, 0x884A, 0x884D, 0x884F, 0x8850, 0x8851, 0x8852, 0x8854,
	0x8855, 0x88A9, 0x88AA, 0x8C43, 0x8C6D, 0x8C74, 0x8CB7, 0x8CB9, 0x8CBB, 0x8CC0, 0x8CD7, 0x8CD8, 0x8CDA, 0xA2CC,
	0xA2CD, 0xA2CE, 0xC255, 0xC6CF, 0xC6D3, 0xC6D5, 0xC6D7, 0xC6DE, 0xC6DF, 0xC879, 0xC87E, 0xC8A1, 0xC8A3,
}

// big5HKSCSNoneRanges are the ranges of pairs of a lead 88–FE and a second
// byte 40–7E or A1–FE that Perl's big5-hkscs has no character for (most
// of HKSCS-2004's and -2008's, which golang.org/x/text reads).
var big5HKSCSNoneRanges = [][2]uint16{
	{0x88AB, 0x88FE}, {0x8942, 0x8942}, {0x8944, 0x8945}, {0x894A, 0x894B}, {0x89A7, 0x89AA}, {0x89AF, 0x89AF},
	{0x89B3, 0x89B4}, {0x89C0, 0x89C0}, {0x89C4, 0x89C4}, {0x8A42, 0x8A42}, {0x8A63, 0x8A63}, {0x8A75, 0x8A75},
	{0x8AAB, 0x8AAB}, {0x8AB1, 0x8AB1}, {0x8ABA, 0x8ABA}, {0x8AC8, 0x8AC8}, {0x8ACD, 0x8ACD}, {0x8ADD, 0x8ADE},
	{0x8AF5, 0x8AF5}, {0x8B54, 0x8B54}, {0x8BDD, 0x8BDD}, {0x8BFE, 0x8BFE}, {0x8C62, 0x8C62}, {0x8CA6, 0x8CA6},
	{0x8CC6, 0x8CC8}, {0x8CCD, 0x8CCD}, {0x8CDB, 0x8CDB}, {0x8CDD, 0x8D5F}, {0x9B61, 0x9B61}, {0xA3C0, 0xA3E0},
	{0xA3E2, 0xA3FE}, {0xC8F2, 0xC8F4}, {0xFA5F, 0xFA5F}, {0xFA66, 0xFA66}, {0xFABD, 0xFABD}, {0xFAC5, 0xFAC5},
	{0xFAD5, 0xFAD5}, {0xFB48, 0xFB48}, {0xFBB8, 0xFBB8}, {0xFBF3, 0xFBF3}, {0xFBF9, 0xFBF9}, {0xFC4F, 0xFC4F},
	{0xFC6C, 0xFC6C}, {0xFCB9, 0xFCB9}, {0xFCE2, 0xFCE2}, {0xFCF1, 0xFCF1}, {0xFDB7, 0xFDB8}, {0xFDBB, 0xFDBB},
	{0xFDF1, 0xFDF1}, {0xFE52, 0xFE52}, {0xFE6F, 0xFE6F}, {0xFEAA, 0xFEAA}, {0xFEDD, 0xFEDD},
}

// big5HKSCSNone reports whether code, a pair of a lead 88–FE and a second
// byte, is one Perl's big5-hkscs has no character for (big5HKSCSNoneRanges):
// read as U+FFFD for its lead, the byte after it read again.
func big5HKSCSNone(code uint16) bool {
	for _, r := range big5HKSCSNoneRanges {
		if code >= r[0] && code <= r[1] {
			return true
		}
	}
	return false
}

// big5Eten reports whether code, a pair of Big5, is one that big5-eten
// (Perl's big5) reads as another character than golang.org/x/text's Big5
// does (〸 U+3038 for A2CC, where x/text reads 十; the radicals C6BF–C6D7
// as U+2Fxx; C8A5–C8CC as private use, which x/text does not read).
func big5Eten(code string) bool {
	switch code {
	case "\xa2\xcc", "\xa2\xcd", "\xa2\xce", "\xc2\x55", "\xc6\xde", "\xc6\xdf", "\xc8\x79", "\xc8\x7e", "\xc8\xa1", "\xc8\xa3", "\xf9\xfe":
		return true
	}
	return code[0] == 0xc6 && code[1] >= 0xbf && code[1] <= 0xd7 || code[0] == 0xc8 && code[1] >= 0xa5 && code[1] <= 0xcc
}

// Big5Enc is convmv's name of the encoding to rename paths from, each
// read as Big5 (shown reads a path as chatlint shows it): "big5-hkscs"
// where a name on one of them holds a character of Hong Kong's that -f
// big5 (Perl's big5-eten) renames to another and -f big5-hkscs renames as
// shown (佢哋嘅訂單.jsonl: 佢\uFFFD]\uFFFD麰q單.jsonl with -f big5),
// else "big5".
func Big5Enc(paths []string, shown func(path string) string) string {
	for _, p := range paths {
		for at := p; ; {
			if base := filepath.Base(at); !utf8.ValidString(base) && HKSCSName(base, filepath.Base(shown(at))) {
				return "big5-hkscs"
			}
			parent := filepath.Dir(at)
			if parent == at || parent == "." {
				break
			}
			at = parent
		}
	}
	return "big5"
}

// HKSCSName reports whether convmv renames name, one name in Big5 that
// reads as want, to want with -f big5-hkscs and not with -f big5: a name
// holding one of Hong Kong's characters (嘅, 咗, 啲).
func HKSCSName(name, want string) bool {
	if s, _ := ConvmvName("big5", name); s == want {
		return false
	}
	s, ok := ConvmvName("big5-hkscs", name)
	return ok && s == want
}

// ConvmvMisses are the names convmv -f Enc -t utf-8 -r would not rename
// as chatlint shows them (Under.ConvmvMisses), each by its path: Garbled
// those it would rename to another name, Refused those Enc has no
// character for, on which it stops, renaming none; and Right the others
// it renames, as chatlint shows them.
type ConvmvMisses struct {
	Enc                     string
	Garbled, Refused, Right []string
}

// ConvmvMisses walks dir as convmv -r does (its directories, files and
// symbolic links, dir too, links not followed) and returns the names that
// are not UTF-8 that convmv -f enc -t utf-8 -r dir would not rename to the
// name shown gives them (shown reads a path as chatlint shows it; a name
// it leaves undecoded, which a report masks, is none convmv gives), each
// by its path from dir (as dir is named), and those it renames so (Right):
// a name in the other encoding,
// Big5 in a directory of GBK's, one of GB18030's four-byte sequences or
// of a code GBK leaves to private use (刘䶮.txt, 䶮 FE9F, renamed with
// U+E863 by -f gbk), A3A0, a Latin-1 name (Ärger.txt). Only the
// directories are read (never a file); none when dir holds no such name,
// nor where it holds more than convmvLookMost names in all (a share of a
// million files, read for a hint of a path not found or a warning): the
// advice is then convmv -r's, as where there are none.
func (u Under) ConvmvMisses(dir, enc string, shown func(path string) string) ConvmvMisses {
	m := ConvmvMisses{Enc: enc}
	left := convmvLookMost
	var look func(path string, isDir bool)
	look = func(path string, isDir bool) {
		if left < 0 {
			return
		}
		if base := filepath.Base(path); !utf8.ValidString(base) {
			shownBase := filepath.Base(shown(path))
			switch s, ok := ConvmvName(enc, base); {
			case !ok:
				m.Refused = append(m.Refused, path)
			case s != shownBase:
				m.Garbled = append(m.Garbled, path)
			default:
				m.Right = append(m.Right, path)
			}
		}
		if !isDir {
			return
		}
		entries := readDirMost(u.real(path), &left)
		for _, e := range entries {
			if t := e.Type(); t.IsDir() || t.IsRegular() || t&os.ModeSymlink != 0 {
				look(filepath.Join(path, e.Name()), t.IsDir())
			}
		}
	}
	if st, err := u.lstat(dir); err == nil && st.IsDir() {
		look(dir, true)
	}
	if left < 0 {
		return ConvmvMisses{Enc: enc}
	}
	return m
}

// convmvLookMost is how many names ConvmvMisses reads in a tree at most
// (a variable: a test lowers it).
var convmvLookMost = 100_000

// readDirMost is the entries of dir sorted by name (os.ReadDir's), none
// where it cannot be read, read a batch at a time and taken from *left:
// past it (*left below 0), none, the rest of dir unread.
func readDirMost(dir string, left *int) []os.DirEntry {
	f, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer f.Close()
	var entries []os.DirEntry
	for {
		batch, err := f.ReadDir(1024)
		entries = append(entries, batch...)
		if *left -= len(batch); *left < 0 {
			return nil
		}
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil
		}
	}
	slices.SortFunc(entries, func(a, b os.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries
}

// None reports whether convmv -r renames every name as chatlint shows it.
func (m ConvmvMisses) None() bool { return len(m.Garbled) == 0 && len(m.Refused) == 0 }

// Miss reports whether path is one of m's.
func (m ConvmvMisses) Miss(path string) bool {
	return slices.Contains(m.Garbled, path) || slices.Contains(m.Refused, path)
}

// Said says what convmv -f Enc -r would do with the names (list names a
// few of them, as the caller shows names): "would garble 1 name in it,
// day/聊天記錄.jsonl", "would stop on 1 name in it that is no GBK,
// day/\xff.txt, renaming none", or both, the stop first ("…, renaming
// none, and garble 1 …").
func (m ConvmvMisses) Said(list func(paths []string) string) string {
	var parts []string
	if n := len(m.Refused); n > 0 {
		parts = append(parts, "stop on "+names(n)+" that "+english.IsAre(n)+" no "+encName(m.Enc)+", "+list(m.Refused)+", renaming none")
	}
	if n := len(m.Garbled); n > 0 {
		parts = append(parts, "garble "+names(n)+", "+list(m.Garbled))
	}
	return "would " + strings.Join(parts, ", and ")
}

// names is "1 name in it", "2 names in it".
func names(n int) string { return english.Count(n, "name") + " in it" }

// MaxConvmvFiles is how many paths a ConvmvFiles command is to name at
// most, in a line a person reads; past it, advice says to move the names
// convmv -r would not rename as chatlint shows them out first.
const MaxConvmvFiles = 8

// ConvmvFiles is the convmv command that renames paths alone, from enc:
// "convmv -f gbk -t utf-8 PATH…", each by its bytes (shellquote.Bytes),
// the deepest first (a directory after the names in it, which are named
// by its old name), with --notest after -t utf-8 where notest.
func ConvmvFiles(enc string, paths []string, notest bool) string {
	sorted := slices.Clone(paths)
	slices.SortStableFunc(sorted, func(a, b string) int {
		return strings.Count(b, string(filepath.Separator)) - strings.Count(a, string(filepath.Separator))
	})
	cmd := "convmv -f " + enc + " -t utf-8"
	if notest {
		cmd += " --notest"
	}
	for _, p := range sorted {
		cmd += " " + shellquote.Bytes(p)
	}
	return cmd
}
