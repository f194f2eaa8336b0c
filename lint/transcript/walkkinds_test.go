package transcript

import "testing"

// TestOtherKindOf: the files a walk leaves out that may be exports
// chatlint cannot read are told by their names; plainly other files
// (images, PDFs, logs, notes' backups) are none.
func TestOtherKindOf(t *testing.T) {
	w := newWalker("auto")
	for _, c := range []struct {
		name string
		want otherKind
	}{
		{"day.xls", kindSpreadsheet}, {"DAY.XLS", kindSpreadsheet}, {"day.xlsb", kindSpreadsheet},
		{"day.numbers", kindSpreadsheet}, {"day.et", kindSpreadsheet}, {"day.xls.gz", kindSpreadsheet},
		{"day.zip", kindArchive}, {"day.7z", kindArchive}, {"day.rar", kindArchive},
		{"day.tar.gz", kindArchive}, {"day.tgz", kindArchive}, {"day.tar.bz2", kindArchive}, {"day.tar.xz", kindArchive},
		{"day.jsonl.bz2", kindCompressed}, {"day.csv.xz", kindCompressed}, {"day.json.zst", kindCompressed},
		{"day.docx", kindDocument}, {"day.doc", kindDocument},
		{"day.txt.bak", kindCopy}, {"day.XLSX.bak", kindCopy}, {"day.jsonl.old", kindCopy},
		{"day.jsonl.part", kindPartial}, {"day.xlsx.crdownload", kindPartial}, {"day.csv.tmp", kindPartial},
		{"notes.bak", kindNone}, {"x.tmp", kindNone}, {"shot.png", kindNone}, {"a.pdf", kindNone},
		{"export.log", kindNone}, {"index.html", kindNone}, {"README", kindNone}, {".zip", kindNone},
	} {
		if got := w.otherKindOf(c.name); got != c.want {
			t.Errorf("%s: kind %d, want %d", c.name, got, c.want)
		}
	}
	// a walk for one format: another format's copies are none of its
	if k := newWalker("csv").otherKindOf("day.jsonl.bak"); k != kindNone {
		t.Errorf("csv walk: day.jsonl.bak is kind %d", k)
	}
}
