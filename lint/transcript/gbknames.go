package transcript

import (
	"fmt"
	"unicode/utf8"

	"github.com/chatlint/chatlint/internal/shellquote"
	"github.com/chatlint/chatlint/lint"
)

// gbkNamesWarning says which of files, those path names (a file, or the
// files of a directory's walk), have names that are not UTF-8 but GBK
// (GB18030), as a zip made on Chinese Windows or a Windows share writes
// them: the reports and messages show them decoded (lint.DecodedName), as
// no terminal shows them, so a name shown is not the bytes to type; it
// gives the convmv command that renames them, naming path by its bytes
// (shellquote.Bytes: the name shown names no file), which without
// --notest only lists the new names (a name in Big5 may read as GBK too,
// into the wrong characters). "" when there are none.
func gbkNamesWarning(path string, files []string) string {
	var gbk []string
	for _, f := range files {
		if !utf8.ValidString(f) && utf8.ValidString(lint.DecodedName(f)) {
			gbk = append(gbk, f)
		}
	}
	switch {
	case len(gbk) == 0:
		return ""
	case len(files) == 1 && files[0] == path:
		return fmt.Sprintf("its name is not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded "+
			"(convmv -f gbk -t utf-8 %s shows its new name, and with --notest renames it)", shellquote.Bytes(path))
	}
	are := "are"
	if len(gbk) == 1 {
		are = "is"
	}
	return fmt.Sprintf("%s %s not UTF-8 but GBK (GB18030), as a zip made on Chinese Windows writes names: shown decoded, %s "+
		"(convmv -f gbk -t utf-8 -r %s shows their new names, and with --notest renames them)",
		plural(len(gbk), "file name"), are, nameList(gbk, 3), shellquote.Bytes(path))
}
