// Package shellquote writes values into the ready-to-paste command lines of
// chatlint's hints, quoted for a POSIX shell.
package shellquote

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word returns s as one word of a POSIX shell command line: as it is when
// it holds only letters, digits and characters no shell gives a meaning to
// (_ - . / = , : + @ %), else in single quotes, where each apostrophe of s
// closes them, is written escaped and opens them again:
//
//	it's  →  'it'\''s'
//
// The empty string is ”.
func Word(s string) string {
	if s != "" && strings.IndexFunc(s, unsafe) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// unsafe reports whether r may mean something to a shell, or reads as a
// space: only ASCII letters, digits and _ - . / = , : + @ %, and the
// letters, digits and marks of other scripts (客服) are safe.
func unsafe(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return false
	case r < 0x80:
		return !strings.ContainsRune("_-./=,:+@%", r)
	}
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// Bytes is Word for s that may not be UTF-8 (a file's name in GBK, as a
// zip made on Chinese Windows leaves it): s in UTF-8 as Word writes it;
// else as what printf writes of its bytes, "$(printf '…')", which every
// shell a Unix user types in reads the same: sh (dash, busybox), bash,
// zsh, ksh and fish (3.4 and later), where bash's $'…' is an error in
// fish and the letters $\xca… in dash, Debian's and Ubuntu's sh. Printable
// ASCII is written as it is, every other byte as \ooo in octal, as GNU
// ls writes them (a GBK pair may be a UTF-8 character, CD B7 ͷ, which a
// name shown so would garble), and so are ' \ and % (printf's), ! (which
// an interactive bash may take for its history) and a first - (an option
// to printf), so that the word pasted names that file, where the name
// shown decoded names none:
//
//	BF CD B7 FE 2E 74 78 74  →  "$(printf '\277\315\267\376.txt')"
//
// A name that ends in a line break, which $(…) would drop, is written in
// $'…' (bash, zsh, ksh), which keeps it.
func Bytes(s string) string {
	if utf8.ValidString(s) {
		return Word(s)
	}
	if strings.HasSuffix(s, "\n") {
		return ansiC(s)
	}
	var b strings.Builder
	b.WriteString(`"$(printf '`)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c >= 0x7f || strings.IndexByte(`'\%!`, c) >= 0 || (i == 0 && c == '-'):
			fmt.Fprintf(&b, `\%03o`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteString(`')"`)
	return b.String()
}

// ansiC is s in bash's $'…' quotes (zsh's, ksh's and POSIX.1-2024 sh's
// too): printable ASCII as it is but ' and \ escaped, every other byte as
// \xHH.
func ansiC(s string) string {
	var b strings.Builder
	b.WriteString("$'")
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		case c == '\'' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('\'')
	return b.String()
}
