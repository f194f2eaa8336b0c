package transcript

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// TestForcedEncodingMarksUnreadable: with --encoding gbk or big5, a line
// holding bytes the encoding cannot read comes out not UTF-8 (for the
// format's reader to reject), not with U+FFFD; every other line, and a
// U+FFFD that GB18030 encodes, reads as the encoding says, wherever the
// buffers cut the file, however the file is read.
func TestForcedEncodingMarksUnreadable(t *testing.T) {
	for _, tc := range []struct {
		name string
		enc  encoding.Encoding
		text string
	}{
		{"gbk", simplifiedchinese.GB18030, "亲，您好，这个价格不行"},
		{"big5", traditionalchinese.Big5, "親，您好，這個價格不行"},
	} {
		good := encodeWith(t, tc.enc, tc.text)
		var file, want bytes.Buffer
		bad := map[int]bool{}
		for i := range 5000 {
			switch {
			case i%997 == 3:
				// a lead byte without its trail byte, then bytes no
				// Chinese encoding reads
				file.Write(good[:5])
				file.WriteString("\xFF\xFE")
				file.Write(good[5:])
				bad[i] = true
			case i%1009 == 7 && tc.enc == simplifiedchinese.GB18030:
				file.Write(good)
				file.Write(gbReplacement) // U+FFFD, encoded: not a bad byte
				want.WriteString(tc.text + "\uFFFD")
			case i%1013 == 11 && tc.enc == simplifiedchinese.GB18030:
				file.Write(gbReplacement) // and a bad byte: the line is bad
				file.WriteString("\xFF")
				bad[i] = true
			default:
				file.Write(good)
				want.WriteString(tc.text)
			}
			file.WriteString("\r\n")
			if !bad[i] {
				want.WriteString("\r\n")
			}
		}
		for _, read := range []struct {
			name string
			r    func(io.Reader) io.Reader
		}{
			{"whole", func(r io.Reader) io.Reader { return r }},
			{"onebyte", iotest.OneByteReader},
			{"half", iotest.HalfReader},
		} {
			t.Run(tc.name+"/"+read.name, func(t *testing.T) {
				dec, err := decode(read.r(bytes.NewReader(file.Bytes())), tc.name)
				if err != nil {
					t.Fatal(err)
				}
				out, err := io.ReadAll(dec)
				if err != nil {
					t.Fatal(err)
				}
				var kept bytes.Buffer
				lines := bytes.SplitAfter(out, []byte("\n"))
				for i, l := range lines[:len(lines)-1] {
					switch {
					case bytes.Contains(l, utf8Replacement) && !strings.Contains(string(l), tc.text+"\uFFFD"):
						t.Fatalf("line %d: U+FFFD for bytes %s cannot read: %q", i+1, tc.name, l)
					case bad[i] != !isUTF8(l):
						t.Fatalf("line %d: bad %v, but %q", i+1, bad[i], l)
					case !bad[i]:
						kept.Write(l)
					}
				}
				if kept.String() != want.String() {
					t.Errorf("the readable lines differ")
				}
			})
		}
	}
}

func isUTF8(b []byte) bool { return lineProblem(b) == "" }
