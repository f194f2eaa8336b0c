package rules

import "strings"

// citedDocument is one of the regulations the built-in packs cite: its
// number (the seed file's prefix, as rules/README.md names it) and its title.
type citedDocument struct{ number, title string }

// citedDocuments are the regulations behind the built-in packs, by the seed
// file name their citations start with (see rules/README.md). The files are
// not shipped with chatlint, so a reader of a report cannot open
// 002_72f8fcf5f6530284.txt: the title says which regulation it is.
var citedDocuments = map[string]citedDocument{
	"000_c3c0c20a3640b639.txt": {"000", "电商(天猫)客服工作制度"},
	"001_ed061126aded40bc.txt": {"001", "呼叫中心管理制度"},
	"002_72f8fcf5f6530284.txt": {"002", "客服部工作范围问与答"},
	"003_9109ec1affdfad66.txt": {"003", "客服手機管理制度"},
	"004_780e41bcc3e266cf.txt": {"004", "电商平台客服服务标准与沟通手册"},
}

// ReadableSource returns a rule's source (its citations, "file clause"
// separated by ", ") as a person reads it: a citation of a built-in pack's
// regulation names the regulation by its number and title instead of its
// seed file, and the clauses cited in a row from one regulation follow one
// title: "001《呼叫中心管理制度》五.五.2、五.五.3；002《客服部工作范围问与答》十四".
// Citations of other documents (a user's pack cites its own) are kept as
// written; a source without any built-in citation is returned unchanged.
func ReadableSource(source string) string {
	cites := strings.Split(source, ", ")
	known := false
	for _, c := range cites {
		if file, _, _ := strings.Cut(c, " "); citedDocuments[file].title != "" {
			known = true
			break
		}
	}
	if !known {
		return source
	}
	var b strings.Builder
	last := "" // the regulation of the citation before, while one is
	for i, c := range cites {
		file, clause, _ := strings.Cut(c, " ")
		doc, ok := citedDocuments[file]
		switch {
		case ok && file == last && clause != "":
			b.WriteString("、")
			b.WriteString(clause)
			continue
		case i > 0:
			b.WriteString("；")
		}
		if !ok {
			b.WriteString(c)
			last = ""
			continue
		}
		b.WriteString(doc.number + "《" + doc.title + "》")
		b.WriteString(clause)
		last = file
	}
	return b.String()
}
