package report

import (
	"bytes"
	"encoding/xml"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/chatlint/chatlint/internal/pathkey"
	"github.com/chatlint/chatlint/lint"
)

// refJUnit is the JUnit writer as it was before it encoded test cases by
// hand and spooled them: the whole JUnitSuites tree, built from the same
// JUnitTestCase, through encoding/xml (names a person reads decoded as
// the writer decodes them: see JUnitTestCase). The report must not tell
// the two apart.
func refJUnit(results []*lint.Result, s *lint.Summary, opts Options) ([]byte, error) {
	var order []string
	suites := map[string]*JUnitSuite{}
	suite := func(file string) *JUnitSuite {
		su := suites[file]
		if su == nil {
			su = &JUnitSuite{Name: lint.DecodedName(file), Time: "0"}
			suites[file] = su
			order = append(order, file)
		}
		return su
	}
	// files named cleaned, relative to the working directory inside it
	wd, _ := os.Getwd()
	path := func(name string) string {
		if !pathkey.IsFile(name) {
			return name
		}
		return filepath.ToSlash(pathkey.Of(name, wd))
	}
	seen := map[[2]string]int{}
	for _, r := range results {
		file := path(r.Conversation.File)
		su := suite(file)
		tc := JUnitTestCase(r, opts)
		tc.Classname, tc.File = lint.DecodedName(file), junitFile(file)
		if opts.Canned {
			// a reply written again in its file is numbered
			k := [2]string{file, tc.Name}
			if seen[k]++; seen[k] > 1 {
				tc.Name += " (" + strconv.Itoa(seen[k]) + ")"
			}
		}
		su.Cases = append(su.Cases, tc)
	}
	errs, err := s.Errors.Collect()
	if err != nil {
		return nil, err
	}
	for _, e := range errs {
		file := path(e.Pos.File)
		su := suite(file)
		su.Cases = append(su.Cases, &JUnitCase{
			Name: lint.DecodedName(lint.Pos{File: file, Line: e.Pos.Line}.String()), Classname: lint.DecodedName(file), File: junitFile(file), Line: e.Pos.Line, Time: "0",
			Error: &JUnitProblem{Type: "malformed-record", Message: e.Err, Body: xmlSafe("\n" + lint.DecodedName(e.Error()) + "\n记录无法读取（未检查）\n")},
		})
	}
	root := JUnitSuites{Name: "chatlint", Time: "0"}
	for _, name := range order {
		su := suites[name]
		for _, tc := range su.Cases {
			su.Tests++
			if tc.Failure != nil {
				su.Failures++
			}
			if tc.Error != nil {
				su.Errors++
			}
		}
		root.Tests += su.Tests
		root.Failures += su.Failures
		root.Errors += su.Errors
		root.Suites = append(root.Suites, su)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	buf.WriteString("\n")
	return buf.Bytes(), nil
}

// oddJUnitRun generates results and malformed records whose files come
// from a small pool, so that suites interleave.
func oddJUnitRun(rng *rand.Rand) ([]*lint.Result, *lint.Summary) {
	files := []string{"a.jsonl", oddString(rng), oddString(rng), "目录/b&c<d>.csv"}
	var results []*lint.Result
	for range rng.IntN(8) {
		r := oddResult(rng)
		r.Conversation.File = files[rng.IntN(len(files))]
		results = append(results, r)
	}
	sum := lint.NewSummary()
	for range rng.IntN(3) {
		sum.Errors.Add(lint.RecordError{
			Pos: lint.Pos{File: files[rng.IntN(len(files))], Line: oddInts[rng.IntN(3)]}, Err: oddString(rng),
		})
	}
	return results, sum
}

func TestJUnitMatchesEncodingXML(t *testing.T) {
	defer func(n int) { spoolMemory = n }(spoolMemory)
	t.Setenv("TMPDIR", t.TempDir())
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 3000 {
		results, sum := oddJUnitRun(rng)
		opts := Options{Location: oddZones[rng.IntN(len(oddZones))], Canned: rng.IntN(4) == 0}
		want, err := refJUnit(results, sum, opts)
		if err != nil {
			t.Fatal(err)
		}
		// in memory, and spooled to a file from the first byte on
		for _, mem := range []int{16 << 20, 0} {
			spoolMemory = mem
			got := render(t, "junit", opts, results, sum)
			if !bytes.Equal(got, want) {
				t.Fatalf("run %d (spool memory %d):\n%s\nencoding/xml:\n%s", i, mem, got, want)
			}
		}
	}
	if left, _ := filepath.Glob(filepath.Join(os.Getenv("TMPDIR"), "*")); len(left) > 0 {
		t.Errorf("spool files left behind: %q", left)
	}
}

func TestJUnitGoldenFixtureMatchesEncodingXML(t *testing.T) {
	results, sum := fixture()
	want, err := refJUnit(results, sum, fxOptions())
	if err != nil {
		t.Fatal(err)
	}
	if got := render(t, "junit", fxOptions(), results, sum); !bytes.Equal(got, want) {
		t.Fatalf("fixture:\n%s\nencoding/xml:\n%s", got, want)
	}
}

func FuzzAppendXMLEscaped(f *testing.F) {
	for _, s := range oddPieces {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := xml.NewEncoder(&want)
		err := enc.EncodeToken(xml.StartElement{Name: xml.Name{Local: "e"}, Attr: []xml.Attr{{Name: xml.Name{Local: "v"}, Value: s}}})
		if err == nil {
			err = enc.Flush()
		}
		if err != nil {
			t.Fatal(err)
		}
		if got := "<e" + string(appendXMLAttr(nil, "v", s)) + ">"; got != want.String() {
			t.Fatalf("%q: got %s, encoding/xml %s", s, got, want.String())
		}
		if cd := xmlSafe(s); true {
			var w bytes.Buffer
			if err := xml.NewEncoder(&w).Encode(struct {
				XMLName xml.Name `xml:"e"`
				Body    string   `xml:",cdata"`
			}{Body: cd}); err != nil {
				t.Fatal(err)
			}
			if got := "<e>" + string(appendCDATA(nil, cd)) + "</e>"; got != w.String() {
				t.Fatalf("cdata %q: got %s, encoding/xml %s", cd, got, w.String())
			}
		}
	})
}
