package transcript

import (
	"fmt"
	"strings"

	"github.com/chatlint/chatlint/internal/english"
	"github.com/chatlint/chatlint/lint"
)

// otherKind is a kind of file a directory walk leaves out that may hold
// exports chatlint cannot read, named in a warning (with what to do) so
// that a day's tree loses no records in silence. Files that are plainly no
// exports (images, PDFs, logs, web pages, hidden files) are left out
// without a word.
type otherKind int

const (
	kindNone        otherKind = iota
	kindSpreadsheet           // .xls, .xlsb, .ods, .numbers, .et
	kindArchive               // .zip, .7z, .rar, .tar, .tgz (.tar.gz)
	kindCompressed            // a file compressed alone other than by gzip
	kindDocument              // .doc, .docx, .rtf, .odt, .pages, .wps
	kindCopy                  // an export's name and .bak, .old, .orig …
	kindPartial               // an export's name and .part, .crdownload …
	nKinds
)

// otherExtensions are the extensions of the kinds, lower case (of a name
// less its .gz).
var otherExtensions = map[string]otherKind{
	".xls": kindSpreadsheet, ".xlsb": kindSpreadsheet, ".xltx": kindSpreadsheet,
	".ods": kindSpreadsheet, ".numbers": kindSpreadsheet, ".et": kindSpreadsheet,
	".zip": kindArchive, ".7z": kindArchive, ".rar": kindArchive, ".tar": kindArchive, ".tgz": kindArchive,
	".bz2": kindCompressed, ".xz": kindCompressed, ".zst": kindCompressed, ".lz4": kindCompressed,
	".lzma": kindCompressed, ".lz": kindCompressed, ".z": kindCompressed,
	".doc": kindDocument, ".docx": kindDocument, ".rtf": kindDocument, ".odt": kindDocument,
	".pages": kindDocument, ".wps": kindDocument,
	".bak": kindCopy, ".old": kindCopy, ".orig": kindCopy, ".backup": kindCopy, ".bck": kindCopy,
	".part": kindPartial, ".partial": kindPartial, ".crdownload": kindPartial, ".download": kindPartial,
	".filepart": kindPartial, ".tmp": kindPartial,
}

// otherKindOf is the kind of a file a walk does not read by its name, or
// kindNone. A copy or an unfinished file is one whose name less that
// extension is an export's (a.jsonl.bak, a.xlsx.part); a compressed one
// is any (a tar.bz2 is an archive all the same: unpacked, it is read).
func (w *walker) otherKindOf(name string) otherKind {
	lower := trimGz(strings.ToLower(name))
	dot := strings.LastIndexByte(lower, '.')
	if dot <= 0 {
		return kindNone
	}
	k := otherExtensions[lower[dot:]]
	switch k {
	case kindCopy, kindPartial:
		if !hasExtension(lower[:dot], w.exts) {
			return kindNone
		}
	case kindCompressed:
		if strings.HasSuffix(lower[:dot], ".tar") {
			return kindArchive
		}
	}
	return k
}

// otherFile is a file a walk left out as of a kind chatlint cannot read.
type otherFile struct {
	path string
	kind otherKind
}

// otherWarnings words the files a walk left out as of kinds chatlint
// cannot read: a warning per kind, naming the first three and how many
// more, and what to do to lint them.
func otherWarnings(files []otherFile) []string {
	var byKind [nKinds][]string
	for _, f := range files {
		byKind[f.kind] = append(byKind[f.kind], lint.Shown(f.path))
	}
	var out []string
	for k, paths := range byKind {
		if len(paths) == 0 {
			continue
		}
		list := strings.Join(paths[:min(3, len(paths))], ", ")
		if more := len(paths) - 3; more > 0 {
			list += fmt.Sprintf(" and %d more", more)
		}
		one := len(paths) == 1
		pick := func(single, several string) string {
			if one {
				return single
			}
			return several
		}
		what := english.Count(len(paths), "file") + " left out, "
		switch otherKind(k) {
		case kindSpreadsheet:
			what += pick("a workbook chatlint cannot read (only .xlsx and .xlsm): "+list+"; save it as .xlsx or CSV to lint it",
				"workbooks chatlint cannot read (only .xlsx and .xlsm): "+list+"; save them as .xlsx or CSV to lint them")
		case kindArchive:
			what += pick("an archive: "+list+"; unpack it to lint what it holds (a file compressed alone with gzip, .jsonl.gz, is read)",
				"archives: "+list+"; unpack them to lint what they hold (a file compressed alone with gzip, .jsonl.gz, is read)")
		case kindCompressed:
			what += pick("compressed other than with gzip: "+list+"; decompress it, or compress it with gzip, to lint it",
				"compressed other than with gzip: "+list+"; decompress them, or compress them with gzip, to lint them")
		case kindDocument:
			what += pick("a document chatlint cannot read: "+list+"; save its chats as .txt or CSV to lint them",
				"documents chatlint cannot read: "+list+"; save their chats as .txt or CSV to lint them")
		case kindCopy:
			what += pick("by its name a copy of an export: "+list+"; rename it to lint it",
				"by their names copies of exports: "+list+"; rename them to lint them")
		case kindPartial:
			what += pick("by its name a download or copy not finished: "+list+"; lint it once it is complete",
				"by their names downloads or copies not finished: "+list+"; lint them once they are complete")
		}
		out = append(out, what+" (--exclude leaves such files out without a word)")
	}
	return out
}
