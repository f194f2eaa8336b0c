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

// ConvmvName is what convmv -f enc -t utf-8 (enc "gbk", "gb18030" or
// "big5") renames name to, one name (no slash) that is not UTF-8, as
// Perl's Encode reads enc: cp936 for gbk (code page 936: its one-byte €
// 80, FF, and every pair of a lead 81–FE and a second byte 40–7E or 80–FE,
// a user-defined one as a private-use character), Encode::HanExtra's
// gb18030 (no 80 nor FF) and big5-eten for big5 (leads A1–F9, second bytes
// 40–7E and A1–FE, but A3C0–A3E0, A3E2–A3FE and C8F2–C8F4; none of
// HKSCS's codes, which golang.org/x/text reads: 嘅 87DD). A byte that
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
// is golang.org/x/text's, Encode::HanExtra's not at hand.)
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
var convmvDecoders = map[string]encoding.Encoding{"gbk": simplifiedchinese.GBK, "gb18030": simplifiedchinese.GB18030, "big5": traditionalchinese.Big5}

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
	d, err := convmvDecoders[enc].NewDecoder().String(code)
	r, n := utf8.DecodeRuneInString(d)
	return r, err == nil && r != utf8.RuneError && n == len(d)
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
