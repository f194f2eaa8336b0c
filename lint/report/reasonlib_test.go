package report

import (
	"archive/zip"
	"compress/flate"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// libraryReason is a reason of a malformed record or an unreadable file
// with words of a library in it (the standard library's, the YAML
// parser's), made as the readers make it.
type libraryReason struct{ source, reason string }

// saidInChinese checks that each reason reads in Chinese in the text and
// HTML reports: no English words left but the values it quotes (which are
// kept as they are), and some Chinese.
func saidInChinese(t *testing.T, reasons []libraryReason) {
	t.Helper()
	for _, r := range reasons {
		zh := reasonText(r.reason)
		if testing.Verbose() {
			t.Logf("%s\n  %s\n  %s", r.source, r.reason, zh)
		}
		if left := englishLeft(zh, nil); left != "" {
			t.Errorf("%s: the reason %q is said %q: English left (%q)", r.source, r.reason, zh, left)
		} else if !strings.ContainsFunc(zh, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("%s: the reason %q is said %q, not in Chinese", r.source, r.reason, zh)
		}
		for _, v := range keptValue.FindAllString(r.reason, -1) {
			if !strings.Contains(zh, v) {
				t.Errorf("%s: the reason %q is said %q: %s in it is not kept", r.source, r.reason, zh, v)
			}
		}
	}
}

// TestArchiveReasonsSaidInChinese: the errors of archive/zip,
// compress/gzip and compress/flate that a damaged workbook or gzip file
// gives read in Chinese.
func TestArchiveReasonsSaidInChinese(t *testing.T) {
	var reasons []libraryReason
	for _, err := range []error{zip.ErrFormat, zip.ErrAlgorithm, zip.ErrChecksum, zip.ErrInsecurePath} {
		reasons = append(reasons,
			libraryReason{"archive/zip", fmt.Errorf("not an Excel .xlsx workbook: %w", err).Error()},
			libraryReason{"archive/zip", fmt.Errorf("xl/worksheets/sheet1.xml: row %d: %w", 3, err).Error()})
	}
	for _, err := range []error{gzip.ErrHeader, gzip.ErrChecksum, flate.CorruptInputError(12), io.ErrUnexpectedEOF} {
		reasons = append(reasons, libraryReason{"compress", fmt.Errorf("gzip: %w", err).Error()},
			libraryReason{"compress", fmt.Errorf("line %d: gzip: %w", 5, err).Error()})
	}
	saidInChinese(t, reasons)
}

// TestXMLReasonsSaidInChinese: every syntax error encoding/xml gives (found
// in its source, as the errors of chatlint's readers are) reads in
// Chinese, as a workbook part's reason gives it.
func TestXMLReasonsSaidInChinese(t *testing.T) {
	root := goCommand(t, "env", "GOROOT")
	file := filepath.Join(root, "src", "encoding", "xml", "xml.go")
	var reasons []libraryReason
	for msg, pos := range libraryStrings(t, file, func(call string) int {
		if call == "syntaxError" {
			return 0
		}
		return -1
	}) {
		err := &xml.SyntaxError{Msg: msg, Line: 2}
		reasons = append(reasons, libraryReason{pos, fmt.Errorf("xl/worksheets/sheet1.xml: row %d: %w", 3, err).Error()})
	}
	// the errors of a part that declares an encoding
	for _, msg := range []string{`xml: encoding "GBK" declared but Decoder.CharsetReader is nil`, `xml: unsupported version "1.1"; only version 1.0 is supported`} {
		reasons = append(reasons, libraryReason{"encoding/xml", "xl/workbook.xml: " + msg})
	}
	if len(reasons) < 20 {
		t.Fatalf("%d syntax errors found in %s: is the source still there?", len(reasons), file)
	}
	saidInChinese(t, reasons)
}

// TestYAMLReasonsSaidInChinese: every problem the YAML parser reports
// (found in its source: the problem its scanner, parser and reader set)
// reads in Chinese, as a canned-reply library's syntax error gives it.
func TestYAMLReasonsSaidInChinese(t *testing.T) {
	dir := goCommand(t, "list", "-m", "-f", "{{.Dir}}", "go.yaml.in/yaml/v3")
	var reasons []libraryReason
	for _, name := range []string{"scannerc.go", "parserc.go", "readerc.go"} {
		for problem, pos := range libraryStrings(t, filepath.Join(dir, name), func(call string) int {
			if strings.HasPrefix(call, "yaml_parser_set_") && (strings.HasSuffix(call, "_error") || strings.HasSuffix(call, "_error_context")) {
				return 99 // the last string: the problem
			}
			return -1
		}) {
			reasons = append(reasons, libraryReason{pos, fmt.Sprintf("line %d: YAML syntax error: %s (a canned library is a YAML list of replies, or groups of them)", 3, problem)})
		}
	}
	if len(reasons) < 40 {
		t.Fatalf("%d problems found in %s: is the source still there?", len(reasons), dir)
	}
	// what yaml.Decoder says of a parser that stops without a problem
	reasons = append(reasons, libraryReason{"decode.go", "line 1: YAML syntax error: unknown problem parsing YAML content (a canned library is a YAML list of replies, or groups of them)"})
	saidInChinese(t, reasons)
}

// goCommand runs the go command, which the tests run under, and returns
// its output.
func goCommand(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command("go", args...).Output()
	if errors.Is(err, exec.ErrNotFound) {
		t.Skipf("no go command to find the library's source: %v", err)
	}
	if err != nil {
		t.Fatalf("go %s: %v", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(out))
}

// libraryStrings finds the messages of a library's source file: for each
// call of a function (or method) arg says a message is an argument of
// (its index, or 99 for the last string argument; -1: none), that
// argument as a reason would hold it, a value of its kind for each value
// it is made of (see sampleArgs); a fmt.Sprintf there is its format.
func libraryStrings(t *testing.T, file string, arg func(call string) int) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		name := ""
		switch fn := call.Fun.(type) {
		case *ast.Ident:
			name = fn.Name
		case *ast.SelectorExpr:
			name = fn.Sel.Name
		}
		i := arg(name)
		if i < 0 {
			return true
		}
		var msg string
		have := false
		for k, a := range call.Args {
			if i != 99 && k != i {
				continue
			}
			format := false
			if c, ok := a.(*ast.CallExpr); ok && formatCall(c) {
				a, format = c.Args[0], true
			}
			// a format: the Sprintf's, or the string sum written as one
			if s, ok := stringSum(a, format); ok {
				msg, have = fmt.Sprintf(s, sampleArgs(s, nil)...), true
			}
		}
		if have {
			if _, ok := found[msg]; !ok {
				found[msg] = filepath.Base(file) + ":" + fmt.Sprint(fset.Position(call.Pos()).Line)
			}
		}
		return true
	})
	return found
}
