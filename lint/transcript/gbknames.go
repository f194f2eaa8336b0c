package transcript

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/chatlint/chatlint/internal/english"
	"github.com/chatlint/chatlint/internal/pathwhy"
	"github.com/chatlint/chatlint/internal/shellquote"
	"github.com/chatlint/chatlint/lint"
)

// namesWarnings say which of files, those path names (a file, or the
// files of a directory's walk), have names that are not UTF-8 but GBK
// (GB18030), as a zip made on Chinese Windows or a Windows share writes
// them, or Big5, as Traditional Chinese Windows does (see
// lint.NameEncoding): the reports and messages show them decoded
// (lint.DecodedName), as no terminal shows them, so a name shown is not
// the bytes to type; each gives the convmv command that renames them,
// naming path by its bytes (shellquote.Bytes: the name shown names no
// file), which without --notest only lists the new names (a name may
// read in either encoding, into other characters in the other). A
// warning for each encoding, GBK's first; none when there are no such
// names.
func namesWarnings(path string, files []string) []string {
	var gbk, big5 []string
	for _, f := range files {
		if utf8.ValidString(f) || !utf8.ValidString(lint.DecodedName(f)) {
			continue
		}
		if lint.NameEncoding(f) == "big5" {
			big5 = append(big5, f)
		} else {
			gbk = append(gbk, f)
		}
	}
	var warnings []string
	if len(gbk) > 0 {
		// (GB18030 where a name holds a four-byte sequence or a two-byte
		// code GBK leaves to private use, € A2E3: convmv -f gbk would
		// rename it with U+FFFD or a private-use character in its place)
		from, note := "gbk", ""
		if slices.ContainsFunc(gbk, lint.NotGBK) {
			from, note = "gb18030", "; "+pathwhy.HanExtra
		}
		warnings = append(warnings, namesWarning(path, files, gbk, "GBK (GB18030)", "a zip made on Chinese Windows", from, note))
	}
	if len(big5) > 0 {
		// (Big5-HKSCS where a name holds one of Hong Kong's characters,
		// 嘅 9DEF, 咗 9DF7, which convmv -f big5 renames to others)
		warnings = append(warnings, namesWarning(path, files, big5, "Big5", "a zip made on Traditional Chinese Windows", pathwhy.Big5Enc(big5, lint.DecodedName), ""))
	}
	return warnings
}

// namesWarning is namesWarnings's warning of the names of files that are
// in one encoding (named: what, as the maker of such names writes them;
// convmv's name of it: from, and what convmv needs to know it, if
// anything: note).
func namesWarning(path string, files, names []string, what, maker, from, note string) string {
	if len(files) == 1 && files[0] == path {
		return fmt.Sprintf("its name is not UTF-8 but %s, as %s writes names: shown decoded "+
			"(convmv -f %s -t utf-8 %s shows its new name, and with --notest renames it%s)", what, maker, from, shellquote.Bytes(path), note)
	}
	return fmt.Sprintf("%s %s not UTF-8 but %s, as %s writes names: shown decoded, %s %s",
		english.Count(len(names), "file name"), english.IsAre(len(names)), what, maker, nameList(names, 3), convmvAdvice(path, from, note))
}
