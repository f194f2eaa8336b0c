// Package shellquote writes values into the ready-to-paste command lines of
// chatlint's hints, quoted for a POSIX shell.
package shellquote

import (
	"strings"
	"unicode"
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
