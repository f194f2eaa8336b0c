package report

import "testing"

// TestFormatOfFile: a report file's extension names its format, in any
// case; other names name none.
func TestFormatOfFile(t *testing.T) {
	for name, want := range map[string]string{
		"report.html":                  "html",
		"out/Report.HTM":               "html",
		"r.json":                       "json",
		"results.sarif.json":           "sarif",
		"results.SARIF":                "sarif",
		"day.jsonl":                    "jsonl",
		"day.ndjson":                   "jsonl",
		"findings.csv":                 "csv",
		"junit.xml":                    "junit",
		"report.txt":                   "text",
		"report":                       "",
		"-":                            "",
		"/dev/stdout":                  "",
		"report.md":                    "",
		"dir.html/report":              "",
		`C:\reports\day.csv`:           "csv",
		"archive.json.gz":              "",
		"2026-11-23.chatlint.html.bak": "",
	} {
		if got := FormatOfFile(name); got != want {
			t.Errorf("FormatOfFile(%q) = %q, want %q", name, got, want)
		}
		if want != "" {
			if _, ok := formats[want]; !ok {
				t.Errorf("%q names format %q, which does not exist", name, want)
			}
		}
	}
}
