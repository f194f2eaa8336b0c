package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/chatlint/chatlint/lint/fix"
)

// TestReadLibraryCut: a gzip-compressed library cut off mid-stream was no
// library at all for the report's suggestions (readLibrary returned nil),
// so that the replies the lint read before the cut were told suggestions
// from each reply alone, where the same lines in a whole file take the
// file's script and forms. It is now the library of the whole lines read
// before the cut, in every encoding --fix writes (in UTF-16 a byte of a
// line break may be half a character's: 上 is 0A 4E), wherever the data
// ends.
func TestReadLibraryCut(t *testing.T) {
	var lines []string
	for i := range 60 {
		lines = append(lines, fmt.Sprintf("第%d條：店內隨便抽，上門取貨裏面%s", i, strings.Repeat("呢件衫冇貨喇", i%7))+[]string{"\r\n", "\n"}[i%2])
	}
	for _, tt := range []struct {
		name string
		bom  []byte
		enc  encoding.Encoding // nil: UTF-8
	}{
		{"utf-8", nil, nil},
		{"utf-8 bom", []byte("\xEF\xBB\xBF"), nil},
		{"big5", nil, traditionalchinese.Big5},
		{"gb18030", nil, simplifiedchinese.GB18030},
		{"utf-16le", []byte{0xFF, 0xFE}, utf16LE},
		{"utf-16be", []byte{0xFE, 0xFF}, utf16BE},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// each line's bytes, where they end in the file (its \r at
			// least: a line break of its own)
			var data bytes.Buffer
			data.Write(tt.bom)
			var ends []int
			lf := 1 // the bytes of \n
			if tt.name == "utf-16le" || tt.name == "utf-16be" {
				lf = 2
			}
			for _, l := range lines {
				b := []byte(l)
				if tt.enc != nil {
					var err error
					if b, err = tt.enc.NewEncoder().Bytes(b); err != nil {
						t.Fatal(err)
					}
				}
				data.Write(b)
				end := data.Len()
				if strings.HasSuffix(l, "\r\n") {
					end -= lf
				}
				ends = append(ends, end)
			}
			// flushed every few lines, so that a cut stream gives what it
			// holds before the cut
			var gz bytes.Buffer
			zw := gzip.NewWriter(&gz)
			for i := 0; i < data.Len(); i += 97 {
				zw.Write(data.Bytes()[i:min(i+97, data.Len())])
				zw.Flush()
			}
			zw.Close()
			whole := gz.Bytes()
			path := filepath.Join(t.TempDir(), "lib.txt.gz")
			tested := map[int]bool{}
			for cut := 20; cut < len(whole); cut += 7 {
				// what gzip gives before the cut: the lines wholly in it
				got, _ := io.ReadAll(mustGzip(t, whole[:cut]))
				n := 0
				for n < len(ends) && ends[n] <= len(got) {
					n++
				}
				if n == 0 {
					continue
				}
				tested[n] = true
				if err := os.WriteFile(path, whole[:cut], 0o644); err != nil {
					t.Fatal(err)
				}
				want := fix.NewLibrary(strings.Join(lines[:n], ""))
				if lib := readLibrary(path, ""); !reflect.DeepEqual(lib, want) {
					t.Fatalf("cut at %d of %d bytes (%d bytes of text, %d lines whole): library %+v, want that of the %d lines %+v", cut, len(whole), len(got), n, lib, n, want)
				}
			}
			if len(tested) < 10 {
				t.Fatalf("only %d cuts after a whole line: the case tests little", len(tested))
			}
		})
	}
}

// mustGzip is a gzip reader of b.
func mustGzip(t *testing.T, b []byte) io.Reader {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return zr
}

// TestReadLibraryPadded: a gzip-compressed library with bytes after its
// data, zero bytes padding it to a block or others, was no library for
// the report's suggestions (readLibrary returned nil: "gzip: invalid
// header"), or, fewer than 10 such bytes, one cut off before its last
// line, where the lint read every reply; it is now the whole file's, as
// the lint read it, and so is one of several members.
func TestReadLibraryPadded(t *testing.T) {
	text := "店內隨便抽\r\n上門取貨裏面\n呢件衫冇貨喇" // (its last line without a break)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(text))
	zw.Close()
	var first, second bytes.Buffer
	zw = gzip.NewWriter(&first)
	zw.Write([]byte(text[:12]))
	zw.Close()
	zw = gzip.NewWriter(&second)
	zw.Write([]byte(text[12:]))
	zw.Close()
	want := fix.NewLibrary(text)
	path := filepath.Join(t.TempDir(), "lib.txt.gz")
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"5 zero bytes", append(bytes.Clone(gz.Bytes()), make([]byte, 5)...)},
		{"a block of zero bytes", append(bytes.Clone(gz.Bytes()), make([]byte, 10240)...)},
		{"trailing garbage", append(bytes.Clone(gz.Bytes()), "garbage\n"...)},
		{"two members", append(bytes.Clone(first.Bytes()), second.Bytes()...)},
	} {
		if err := os.WriteFile(path, tt.data, 0o644); err != nil {
			t.Fatal(err)
		}
		if lib := readLibrary(path, ""); !reflect.DeepEqual(lib, want) {
			t.Errorf("%s: library %+v, want that of the whole file %+v", tt.name, lib, want)
		}
	}
}
