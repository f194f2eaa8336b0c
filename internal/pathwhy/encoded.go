package pathwhy

import (
	"strings"

	"github.com/chatlint/chatlint/internal/shellquote"
)

// EncodedName is a file whose name is not UTF-8 but GBK (GB18030) or Big5,
// as a zip made on Chinese Windows leaves names, or a file in a directory
// so named (售后/day.jsonl, 售后 in GBK), where a path typed is not there,
// and whose names read in that encoding as the names typed: chatlint shows
// such a name decoded (售后.txt), and a user who typed the name shown was
// told 'no such file or directory' of a file that ls shows (as
// $'\312\333\272\363.txt').
type EncodedName struct {
	// Typed is the path as typed (售后.txt), Path the file's, its names'
	// bytes (CA DB BA F3 .txt), named as Typed is, and Real it
	// as the system takes it from the working directory (Path, or Path
	// against the directory of Under)
	Typed, Path, Real string
	// Enc is convmv's name of the encoding: "gbk", "gb18030" (a name
	// holding a four-byte sequence, or a two-byte code GBK leaves to
	// private use, € A2E3: no GBK, and convmv -f gbk renames it with
	// U+FFFD or a private-use character in its place) or "big5"
	Enc string
	// Dir is, where the first name so encoded on the path is a
	// directory's (售后 of 售后/day.jsonl, or 售后 typed itself), its
	// path, by its bytes, as Path is, TypedDir as typed and RealDir as
	// the system takes it;
	// Below is whether names in it on the way to Path are so encoded too
	Dir, TypedDir, RealDir string
	Below                  bool
}

// EncodedNames are the files a name typed reads as (Under.Encoded): one,
// or one in GBK and one in Big5.
type EncodedNames []EncodedName

// Hint says where the file is and what to do: "the file named 售后.txt in
// GBK is there: rename it with  convmv -f gbk -t utf-8 --notest
// "$(printf '\312\333\272\363.txt')"" (the commands between two spaces,
// to be copied alone; the name by its bytes as shellquote.Bytes writes
// them, which sh, bash, zsh and fish read alike), and, where asIs is not
// nil, how to name it as it is: "  or name it so:  " and asIs of its path
// so written (--pack "$(printf 'shop/\277\315\267\376.yaml')"); a file
// of settings, in UTF-8, has no way to, so its references have no asIs.
// Where a directory on the way, or the one typed, is so named, it is the
// directory: "the directory named 售后 in GBK is there: rename it and
// the names in it with  convmv -f gbk -t utf-8 -r --notest "$(printf
// '\312\333\272\363')""
// (", and so is 售后/客服.txt in it" where that name is so encoded too).
// convmv knows GB18030 only with Perl's Encode::HanExtra, which is said.
// Each file is said so, after "; " (a name in GBK and another in Big5
// that read alike).
func (e EncodedNames) Hint(asIs func(word string) string) string {
	var b strings.Builder
	for i, n := range e {
		if i > 0 {
			b.WriteString("; ")
		}
		if n.Dir == "" {
			b.WriteString("the file named " + n.Typed + " in " + encName(n.Enc) + " is there: rename it with  convmv -f " + n.Enc +
				" -t utf-8 --notest " + shellquote.Bytes(n.Real))
		} else {
			b.WriteString("the directory named " + n.TypedDir + " in " + encName(n.Enc) + " is there")
			if n.Below {
				b.WriteString(", and so is " + n.Typed + " in it")
			}
			b.WriteString(": rename it and the names in it with  convmv -f " + n.Enc + " -t utf-8 -r --notest " + shellquote.Bytes(n.RealDir))
		}
		if n.Enc == "gb18030" {
			b.WriteString("  (" + HanExtra + ")")
		}
		if asIs != nil {
			b.WriteString("  or name it so:  " + asIs(shellquote.Bytes(n.Path)))
		}
	}
	return b.String()
}

// HanExtra is said after a convmv -f gb18030 command (here, and in the
// walk's warning of names in GB18030): convmv reads GB18030 with a Perl
// module that Perl itself does not hold ('wrong/unknown "from" encoding!'
// without it).
const HanExtra = "convmv reads GB18030 with Perl's Encode::HanExtra: libencode-hanextra-perl, or cpan Encode::HanExtra"

// encName is the name of an encoding of convmv's as people write it.
func encName(enc string) string {
	switch enc {
	case "big5":
		return "Big5"
	case "gb18030":
		return "GB18030"
	}
	return "GBK"
}
