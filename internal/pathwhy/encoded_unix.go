//go:build unix

package pathwhy

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/chatlint/chatlint/internal/chinese"
	"github.com/chatlint/chatlint/lint"
)

// Encoded finds, for a path that is not there, as a name on it is not in
// its directory, the files whose names, that one's or a directory's on the
// way to it (售后/day.jsonl, 售后 in GBK on disk), are not UTF-8 but read
// as the names typed in GBK (or GB18030) or in Big5 (see EncodedName): a
// name shown decoded, then typed. err is the error the path was met with:
// none unless it says the path is not there (fs.ErrNotExist), so that the
// look is only ever taken for a path that failed, never on the way of a
// run that read it. It reads the names of the directory where the path
// stops being there, and, where one there reads as the next name typed,
// of that one (never a walk, but of a directory so named that it finds,
// whose names convmv -r renames too: convmvAlone), and only for names
// typed that hold other
// characters than ASCII (a name of ASCII alone is the same in GBK); none
// where the path is there, or no name on it is found so. Unix only:
// elsewhere a name is always Unicode (Windows keeps names in UTF-16).
func (u Under) Encoded(path string, err error) EncodedNames {
	if !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if !utf8.ValidString(path) || !nonASCII(path) ||
		strings.ContainsRune(path, utf8.RuneError) {
		return nil
	}
	if _, err := u.lstat(path); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	path = strings.TrimRight(path, "/")
	// the part of the path that is there, and the names typed after it
	there, _, ok := u.LastThere(path)
	if !ok {
		there = "."
		if filepath.IsAbs(path) {
			return nil
		}
	}
	rest, err := filepath.Rel(there, path)
	if err != nil || rest == "." || strings.HasPrefix(rest, "..") {
		return nil
	}
	typed := strings.Split(rest, string(filepath.Separator))
	var found EncodedNames
	// (each directory's names read once, for both families)
	names := map[string][]string{}
	// GBK's first, as the walk's warnings are
	for _, fam := range [...]family{gbFamily, big5Family} {
		if n, ok := u.encodedAs(fam, there, typed, names); ok {
			n.Typed = path
			if n.Dir != "" && n.Apart == "" {
				n.Misses, n.Alone = u.convmvAlone(n)
			}
			found = append(found, n)
		}
	}
	return found
}

// convmvAlone is, for n, a name typed found on the way through a
// directory so encoded (n.Dir), the names in that directory that convmv
// -f n.Enc -r would not rename as chatlint shows them (ConvmvMisses),
// those on the way to n.Path taken as it renames them (they read as the
// names typed), and where there are any, the paths that a convmv without
// -r is to rename: the others it renames, as the system takes them.
func (u Under) convmvAlone(n EncodedName) (ConvmvMisses, []string) {
	m := u.ConvmvMisses(n.Dir, n.Enc, lint.DecodedName)
	if m.None() {
		return m, nil
	}
	for p := n.Path; ; p = filepath.Dir(p) {
		if !utf8.ValidString(filepath.Base(p)) && !slices.Contains(m.Right, p) {
			m.Garbled = slices.DeleteFunc(m.Garbled, func(g string) bool { return g == p })
			m.Refused = slices.DeleteFunc(m.Refused, func(r string) bool { return r == p })
			m.Right = append(m.Right, p)
		}
		if p == n.Dir || p == filepath.Dir(p) {
			break
		}
	}
	if m.None() {
		return m, nil
	}
	alone := make([]string, len(m.Right))
	for i, p := range m.Right {
		alone[i] = u.real(p)
	}
	return m, alone
}

// nonASCII reports whether s holds characters other than ASCII.
func nonASCII(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= utf8.RuneSelf })
}

// family is a Chinese encoding that names may be in: its decoders, the
// first the encoding convmv knows by the name of the first of names,
// GB18030 being GBK's superset (a name of four-byte sequences is no GBK,
// and convmv -f gbk would rename it to U+FFFD).
type family struct {
	names [2]string
	decs  [2]encoding.Encoding
}

var (
	gbFamily   = family{[2]string{"gbk", "gb18030"}, [2]encoding.Encoding{simplifiedchinese.GBK, simplifiedchinese.GB18030}}
	big5Family = family{[2]string{"big5", ""}, [2]encoding.Encoding{traditionalchinese.Big5, nil}}
)

// decode is the encoding of fam name reads in as want (its convmv name),
// or "" when it reads so in none. A name golang.org/x/text's GBK reads
// that holds a two-byte code GBK as convmv reads it leaves to private use
// (chinese.NotGBK: € A2E3, 䶮 FE9F, which x/text reads as GB18030 does)
// is GB18030's: convmv -f gbk would rename it with a private-use character
// in its place. One that holds A3A0 (chinese.PrivateBoth) reads as want in
// neither: x/text reads it as the space U+3000, GBK and GB18030 as a
// private-use character, and convmv -f gbk or -f gb18030 would rename it
// so.
func (fam family) decode(name, want string) string {
	for i, e := range fam.decs {
		if e == nil {
			break
		}
		if s, err := e.NewDecoder().String(name); err == nil && s == want {
			if fam.names[i] == "gbk" && chinese.PrivateBoth(name) {
				// (A3A0, private use in GBK and GB18030 alike, which
				// x/text reads as the space U+3000: neither -f renames
				// it so, and chatlint shows no such name)
				return ""
			}
			if fam.names[i] == "gbk" && chinese.NotGBK(name) {
				continue
			}
			if fam.names[i] == "big5" && HKSCSName(name, want) {
				// (one of Hong Kong's characters, 嘅 9DEF, which convmv
				// -f big5 renames to another)
				return "big5-hkscs"
			}
			return fam.names[i]
		}
	}
	return ""
}

// encodedAs resolves the names typed, from the directory there (which
// is), each as it is or as a name in fam's encoding that reads as it,
// to the path of a file or directory that is, at least one name being
// so encoded; all but Typed of the EncodedName are set. names holds the
// names not UTF-8 of the directories read, by path.
func (u Under) encodedAs(fam family, there string, typed []string, names map[string][]string) (EncodedName, bool) {
	var n EncodedName
	at := there
	gb18030, hkscs := false, false
	// the first code of the names so encoded that code page 936 alone
	// reads (80, its €) and that GB18030 alone does (chinese.Apart)
	var cp936Code, gb18030Code string
	for i, name := range typed {
		next := filepath.Join(at, name)
		if _, err := u.lstat(next); err == nil {
			at = next
			continue
		}
		if !nonASCII(name) {
			// (the same in GBK and Big5: no name in at, read, reads as
			// it, 用户/data/missing.txt)
			return EncodedName{}, false
		}
		match, enc := u.encodedIn(fam, at, name, names)
		if match == "" {
			return EncodedName{}, false
		}
		gb18030 = gb18030 || enc == "gb18030"
		hkscs = hkscs || enc == "big5-hkscs"
		if fam.names[0] == "gbk" {
			cp, gb := chinese.Apart(match)
			cp936Code, gb18030Code = cmp.Or(cp936Code, cp), cmp.Or(gb18030Code, gb)
		}
		next = filepath.Join(at, match)
		switch {
		case n.Enc == "" && (i < len(typed)-1 || u.isDir(next)):
			// the first name so encoded is a directory's, on the way or
			// the one typed (chatlint lint 十一月): convmv -r renames it
			// and the names in it, which a zip so named holds so too
			n.Dir = next
			n.TypedDir = filepath.Join(append([]string{there}, typed[:i+1]...)...)
		case n.Enc != "":
			n.Below = true
		}
		n.Enc = enc
		at = next
	}
	if n.Enc == "" {
		return EncodedName{}, false
	}
	if gb18030 {
		n.Enc = "gb18030"
	}
	if hkscs {
		n.Enc = "big5-hkscs"
	}
	if cp936Code != "" && gb18030Code != "" {
		// (code page 936's one-byte € and a code only GB18030 reads:
		// convmv -f gbk renames the one with U+FFFD or a private-use
		// character in its place, -f gb18030 the other)
		n.Apart = apart(cp936Code) + " is code page 936's alone, convmv -f gbk's; " + apart(gb18030Code) + " GB18030's alone, -f gb18030's"
	}
	n.Path = at
	n.Real = u.real(at)
	if n.Dir != "" {
		n.RealDir = u.real(n.Dir)
	}
	return n, true
}

// apart names code, the bytes of one character of a name that one of
// convmv's encodings alone reads, as golang.org/x/text reads it and by
// its bytes in hex: "€ 80", "€ A2E3", "㐀 81 39 EE 39".
func apart(code string) string {
	r, _ := simplifiedchinese.GB18030.NewDecoder().String(code)
	if len(code) == 4 {
		return fmt.Sprintf("%s % X", r, code)
	}
	return fmt.Sprintf("%s %X", r, code)
}

// isDir reports whether path is a directory (or a symbolic link to one).
func (u Under) isDir(path string) bool {
	st, err := u.stat(path)
	return err == nil && st.IsDir()
}

// encodedIn is the name in dir that is not UTF-8 and reads as want in
// fam's encoding, and that encoding's convmv name; "" where there is none.
// The names of dir that are not UTF-8 are read once, into names.
func (u Under) encodedIn(fam family, dir, want string, names map[string][]string) (name, enc string) {
	read, ok := names[dir]
	if !ok {
		read = nonUTF8Names(u.real(dir))
		names[dir] = read
	}
	for _, name := range read {
		if enc := fam.decode(name, want); enc != "" {
			return name, enc
		}
	}
	return "", ""
}

// nonUTF8Names are the names in dir that are not UTF-8 (a variable: a
// test counts the reads).
var nonUTF8Names = func(dir string) []string {
	f, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer f.Close()
	var found []string
	for {
		names, err := f.Readdirnames(1024)
		for _, name := range names {
			if !utf8.ValidString(name) {
				found = append(found, name)
			}
		}
		if err != nil {
			return found
		}
	}
}
