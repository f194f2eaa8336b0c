package transcript

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/transform"
)

// FuzzCRReader checks crReader against crToLF, the transformer it replaced,
// with the input arriving in pieces of every size and read in pieces of
// every size.
func FuzzCRReader(f *testing.F) {
	for _, s := range []string{"a\rb\r\nc\n", "\r", "\r\r\n\r", "x\r", "\n\r\n", "没有\r换行\r\n"} {
		f.Add(s, uint8(1), uint8(3))
	}
	f.Fuzz(func(t *testing.T, in string, chunk, read uint8) {
		want, _, err := transform.String(crToLF{}, in)
		if err != nil {
			t.Fatal(err)
		}
		var src io.Reader = strings.NewReader(in)
		switch chunk % 3 {
		case 1:
			src = iotest.OneByteReader(src)
		case 2:
			src = iotest.HalfReader(src)
		}
		cr := &crReader{r: bufio.NewReaderSize(src, 16+int(chunk))}
		var got bytes.Buffer
		p := make([]byte, 1+int(read)%40)
		for {
			n, err := cr.Read(p)
			got.Write(p[:n])
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if got.String() != want {
			t.Errorf("%q: got %q, want %q", in, got.String(), want)
		}
	})
}

// crToLF turns a lone CR (old Mac line ending) into LF, so files with mixed
// line endings read line by line; CRLF is kept for the line readers to trim.
type crToLF struct{ transform.NopResetter }

func (crToLF) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		i := bytes.IndexByte(src[nSrc:], '\r')
		if i < 0 {
			n := copy(dst[nDst:], src[nSrc:])
			nDst += n
			nSrc += n
			if nSrc < len(src) {
				return nDst, nSrc, transform.ErrShortDst
			}
			return nDst, nSrc, nil
		}
		n := copy(dst[nDst:], src[nSrc:nSrc+i])
		nDst += n
		nSrc += n
		if n < i {
			return nDst, nSrc, transform.ErrShortDst
		}
		// src[nSrc] is a CR
		if nDst >= len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		if nSrc+1 == len(src) && !atEOF {
			return nDst, nSrc, transform.ErrShortSrc
		}
		if nSrc+1 < len(src) && src[nSrc+1] == '\n' {
			dst[nDst] = '\r'
		} else {
			dst[nDst] = '\n'
		}
		nDst++
		nSrc++
	}
	return nDst, nSrc, nil
}
