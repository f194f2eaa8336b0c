package transcript

import (
	"github.com/chatlint/chatlint/internal/pathwhy"
	"github.com/chatlint/chatlint/internal/shellquote"
	"github.com/chatlint/chatlint/lint"
)

// convmvAdvice is the words of the warning of names (the files of the
// directory walk of path whose names are in one encoding, convmv's name
// of it: from; what convmv needs to know it, if anything: note, after
// "; ") that say how to rename them: convmv -r, where it renames every
// name in path that is not UTF-8 as chatlint shows them, as the simple
// case is: "(convmv -f gbk -t utf-8 -r day shows their new names, and
// with --notest renames them)". It renames every one
// (pathwhy.ConvmvMisses), those the warning does not list too: where
// some are in another encoding (a Big5 name beside GBK ones, 刘䶮.txt of
// GB18030's in a directory of GBK's, renamed with U+E863), masked
// (Latin-1, A3A0), it would garble them, or stop on a lead byte alone,
// renaming none; that is said, with the names, and the command that
// renames the others alone, the deepest first ("convmv -f gbk -t utf-8
// "$(printf 'day/…')" shows the new name of the other alone, and with
// --notest renames it"), or, past pathwhy.MaxConvmvFiles, to move those out
// first.
func convmvAdvice(path string, from, note string) string {
	m := pathwhy.Under("").ConvmvMisses(path, from, lint.DecodedName)
	cmd := "convmv -f " + from + " -t utf-8 -r " + shellquote.Bytes(path)
	if m.None() {
		return "(" + cmd + " shows their new names, and with --notest renames them" + note + ")"
	}
	said := "(" + cmd + " " + m.Said(func(paths []string) string { return nameList(paths, 3) })
	switch n := len(m.Right); {
	case n == 0:
		return said + note + ")"
	case n > pathwhy.MaxConvmvFiles:
		them := "them"
		if len(m.Garbled)+len(m.Refused) == 1 {
			them = "it"
		}
		return said + "; move " + them + " out of " + lint.Shown(path) + " first, then it shows the new names of the others, and with --notest renames them" + note + ")"
	}
	shows := "the new names of the others alone, and with --notest renames them"
	if len(m.Right) == 1 {
		shows = "the new name of the other alone, and with --notest renames it"
	}
	return said + "; " + pathwhy.ConvmvFiles(from, m.Right, false) + " shows " + shows + note + ")"
}
