//go:build unix

package pathwhy

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Encoded finds, for a path that is not there, as its last name is not in
// its directory, the files in that directory whose names are not UTF-8 but
// read as that name in GBK, GB18030 or Big5 (see EncodedName): a
// name shown decoded, then typed. err is the error the path was met with:
// none unless it says the path is not there (fs.ErrNotExist), so that the
// look is only ever taken for a path that failed, never on the way of a
// run that read it. It reads the names of that one directory, and only
// for a name typed that holds other characters than ASCII (a name of
// ASCII alone is the same in GBK); none where the path is there, or its
// directory is not. Unix only: elsewhere a name is always Unicode
// (Windows keeps names in UTF-16).
func (u Under) Encoded(path string, err error) EncodedNames {
	if !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	base := filepath.Base(path)
	if !utf8.ValidString(base) || !strings.ContainsFunc(base, func(r rune) bool { return r >= utf8.RuneSelf }) ||
		strings.ContainsRune(base, utf8.RuneError) {
		return nil
	}
	if _, err := u.lstat(path); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	dir := filepath.Dir(strings.TrimRight(path, "/"))
	f, err := os.Open(u.real(dir))
	if err != nil {
		return nil
	}
	defer f.Close()
	var found EncodedNames
	for {
		names, err := f.Readdirnames(1024)
		for _, name := range names {
			if utf8.ValidString(name) {
				continue
			}
			// (GBK before GB18030, its superset, which convmv knows only
			// with Perl's Encode::HanExtra: a name of a four-byte
			// sequence is no GBK, and convmv -f gbk renames it with
			// U+FFFD in its place; one name reads as one of them at most)
			for _, enc := range [...]struct {
				name string
				enc  encoding.Encoding
			}{{"gbk", simplifiedchinese.GBK}, {"gb18030", simplifiedchinese.GB18030}, {"big5", traditionalchinese.Big5}} {
				if enc.name == "gb18030" && len(found) > 0 && found[len(found)-1].Path == filepath.Join(dir, name) {
					continue // (GBK)
				}
				if s, err := enc.enc.NewDecoder().String(name); err == nil && s == base {
					p := filepath.Join(dir, name)
					found = append(found, EncodedName{Typed: path, Path: p, Real: u.real(p), Enc: enc.name})
				}
			}
		}
		if err != nil {
			break
		}
	}
	// GBK's (or GB18030's) first, as the walk's warnings are
	slices.SortFunc(found, func(a, b EncodedName) int { return strings.Compare(b.Enc, a.Enc) })
	return found
}
