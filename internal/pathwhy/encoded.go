package pathwhy

import (
	"path/filepath"
	"strconv"
	"strings"

	"github.com/chatlint/chatlint/internal/shellquote"
	"github.com/chatlint/chatlint/lint"
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
	// U+FFFD or a private-use character in its place), "big5" or
	// "big5-hkscs" (a name holding one of Hong Kong's characters, 嘅
	// 9DEF, which convmv -f big5 renames to another)
	Enc string
	// Dir is, where the first name so encoded on the path is a
	// directory's (售后 of 售后/day.jsonl, or 售后 typed itself), its
	// path, by its bytes, as Path is, TypedDir as typed and RealDir as
	// the system takes it;
	// Below is whether names in it on the way to Path are so encoded too
	Dir, TypedDir, RealDir string
	Below                  bool
	// Apart, where no encoding of convmv's reads the names whole, says
	// why: "€ 80 is code page 936's alone, convmv -f gbk's; € A2E3
	// GB18030's alone, -f gb18030's" (a € as Chinese Windows writes it
	// and one of GB18030's, or 䶮 FE9F, in one name or on one path:
	// -f gbk renames the one with a private-use character in its
	// place, -f gb18030 has no character for the other); Enc is then
	// "gb18030"
	Apart string
	// Misses, where the directory (Dir) holds names convmv -r would not
	// rename as chatlint shows them (Under.ConvmvMisses: one in the other
	// encoding, of GB18030's in a directory of GBK's, masked), are those,
	// and Alone the paths, as the system takes them, that a convmv
	// without -r is to rename instead: the directory, and each name so
	// encoded on the way from it to Path
	Misses ConvmvMisses
	Alone  []string
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
// (", and so is 售后/客服.txt in it" where that name is so encoded too);
// where it holds names convmv -r would not rename as chatlint shows them
// (Misses), those named, and a convmv without -r for the others (Alone):
// "rename them with  convmv -f gbk -t utf-8 --notest "$(printf
// '\312\333\272\363/\277\315\267\376.txt')" "$(printf '\312\333\272\363')"
// (not with convmv -r, which would garble 1 name in it,
// 售后/聊天記錄.txt)"; past MaxConvmvFiles, convmv -r "once those it
// would not rename so are out of it (it would garble …)".
// convmv knows GB18030 only with Perl's Encode::HanExtra, which is said.
// Where no encoding of convmv's reads the names whole (Apart: a € as
// Chinese Windows writes it, 80, and one of GB18030's, A2E3), no convmv
// command is given (-f gbk would rename them with a private-use character
// in a place, -f gb18030 has no character for 80), but mv's, which
// renames the file to the name typed: "the file named €1000欧元€报价.txt is there, its name in code page
// 936 and GB18030 at once, which no encoding of convmv's reads whole (€ 80
// is code page 936's alone, convmv -f gbk's; € A2E3 GB18030's alone, -f
// gb18030's): rename it with  mv -- "$(printf '\2001000…')"
// '€1000欧元€报价.txt'" (a directory: "(the names in it are left as they
// are)").
// Each file is said so, after "; " (a name in GBK and another in Big5
// that read alike).
func (e EncodedNames) Hint(asIs func(word string) string) string {
	var b strings.Builder
	for i, n := range e {
		if i > 0 {
			b.WriteString("; ")
		}
		if n.Apart != "" {
			n.apartHint(&b)
		} else if n.Dir == "" {
			b.WriteString("the file named " + n.Typed + " in " + encName(n.Enc) + " is there: rename it with  convmv -f " + n.Enc +
				" -t utf-8 --notest " + shellquote.Bytes(n.Real))
		} else {
			b.WriteString("the directory named " + n.TypedDir + " in " + encName(n.Enc) + " is there")
			if n.Below {
				b.WriteString(", and so is " + n.Typed + " in it")
			}
			if n.Misses.None() {
				b.WriteString(": rename it and the names in it with  convmv -f " + n.Enc + " -t utf-8 -r --notest " + shellquote.Bytes(n.RealDir))
			} else {
				// (convmv -r renames every name in it that is not
				// UTF-8, and would garble those: the names on the way
				// alone)
				switch {
				case len(n.Alone) > MaxConvmvFiles:
					b.WriteString(": rename it and the names in it with  convmv -f " + n.Enc + " -t utf-8 -r --notest " + shellquote.Bytes(n.RealDir) +
						"  once those it would not rename so are out of it (it " + n.Misses.Said(shownList) + ")")
				case len(n.Alone) == 1:
					b.WriteString(": rename it with  " + ConvmvFiles(n.Enc, n.Alone, true) + "  (not with convmv -r, which " + n.Misses.Said(shownList) + ")")
				default:
					b.WriteString(": rename them with  " + ConvmvFiles(n.Enc, n.Alone, true) + "  (not with convmv -r, which " + n.Misses.Said(shownList) + ")")
				}
			}
		}
		if n.Enc == "gb18030" && n.Apart == "" {
			b.WriteString("  (" + HanExtra + ")")
		}
		if asIs != nil {
			b.WriteString("  or name it so:  " + asIs(shellquote.Bytes(n.Path)))
		}
	}
	return b.String()
}

// shownList names paths as a person is shown them (lint.Shown), the
// first three, and how many more: "a/x.txt, a/y.txt, a/z.txt and 2 more".
func shownList(paths []string) string {
	const most = 3
	shown := make([]string, 0, most)
	for _, p := range paths[:min(len(paths), most)] {
		shown = append(shown, lint.Shown(p))
	}
	list := strings.Join(shown, ", ")
	if more := len(paths) - most; more > 0 {
		list += " and " + strconv.Itoa(more) + " more"
	}
	return list
}

// apartHint is Hint's words for n, whose names no encoding of convmv's
// reads whole (Apart): where it is, why, and the mv command that renames
// the file, or the directory alone, to the name typed.
func (n EncodedName) apartHint(b *strings.Builder) {
	what, typed, at, left := "file", n.Typed, n.Real, ""
	if n.Dir != "" {
		what, typed, at, left = "directory", n.TypedDir, n.RealDir, "  (the names in it are left as they are)"
	}
	b.WriteString("the " + what + " named " + typed + " is there")
	names := "its name"
	if n.Below {
		b.WriteString(", and so is " + n.Typed + " in it")
		names = "their names"
	}
	b.WriteString(", " + names + " in code page 936 and GB18030 at once, which no encoding of convmv's reads whole (" + n.Apart + "): rename it with  mv -- " +
		shellquote.Bytes(at) + " " + shellquote.Word(filepath.Join(filepath.Dir(at), filepath.Base(typed))) + left)
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
	case "big5-hkscs":
		return "Big5-HKSCS"
	case "gb18030":
		return "GB18030"
	}
	return "GBK"
}
