package transcript

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
)

// NewGzipReader returns a reader of the data of the gzip-compressed file
// r, as gzip -d reads it: member after member (gzip -c a >> f, pigz and
// bgzip write several), and then
//   - zero bytes alone (padding to a tape's or a device's block), passed
//     over without a word, as gzip passes them;
//   - other bytes (trailing garbage: written to the file after the data
//     was compressed), passed over too, as gzip does with a warning
//     ("decompression OK, trailing garbage ignored"): trailing, if set, is
//     told how many bytes of r the data takes (at), and how many follow (n).
//
// Its errors are said as the readers say them: data that ends early (a
// file cut off, still being written or copied when read) wraps
// io.ErrUnexpectedEOF and says so; another names gzip. An error of the
// header of the first member is returned at once.
func NewGzipReader(r io.Reader, trailing func(at, n int64)) (io.Reader, error) {
	g := &gzipReader{trailing: trailing}
	g.br = bufio.NewReaderSize(&countingReader{r: r, fn: func(n int64) { g.read += n }}, 32<<10)
	zr, err := gzip.NewReader(g.br)
	if err != nil {
		return nil, gzipError(err)
	}
	// (one member at a time: the bytes after each are looked at here, the
	// reader left just after it, which it is as br is an io.ByteReader)
	zr.Multistream(false)
	g.zr = zr
	return g, nil
}

// gzipReader is NewGzipReader's reader.
type gzipReader struct {
	zr       *gzip.Reader
	br       *bufio.Reader
	read     int64 // the bytes of r read into br
	trailing func(at, n int64)
	err      error // the reader's end (io.EOF) or its error, once met
}

func (g *gzipReader) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	for {
		n, err := g.zr.Read(p)
		if err == io.EOF {
			err = g.next()
		} else if err != nil {
			err = gzipError(err)
		}
		if err != nil {
			g.err = err
			return n, err
		}
		if n > 0 || len(p) == 0 {
			return n, nil
		}
	}
}

// next starts the member after the one that ended, or returns io.EOF
// where none follows: at the end of r, or before bytes that are no gzip
// data (see NewGzipReader), read to r's end to say how many they are.
func (g *gzipReader) next() error {
	b, err := g.br.Peek(2)
	if len(b) == 0 {
		return err // io.EOF: the end; else an error reading r
	}
	if b[0] == gzipMagic[0] && (len(b) == 1 || b[1] == gzipMagic[1]) {
		// (a member cut off within its first bytes ends early)
		if err := g.zr.Reset(g.br); err != nil {
			return gzipError(err)
		}
		g.zr.Multistream(false)
		return nil
	}
	at := g.read - int64(g.br.Buffered())
	var n int64
	zeros := true
	buf := make([]byte, 32<<10)
	for {
		k, err := g.br.Read(buf)
		n += int64(k)
		for _, c := range buf[:k] {
			zeros = zeros && c == 0
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	if !zeros && g.trailing != nil {
		g.trailing(at, n)
	}
	return io.EOF
}

// trailingGarbage is the warning of bytes after a file's gzip-compressed
// data that are no gzip data (see NewGzipReader): n of them, after the
// first at bytes of the file.
func trailingGarbage(at, n int64) string {
	if n == 1 {
		return fmt.Sprintf("decompression OK, trailing garbage ignored, as gzip ignores it: the byte after the gzip-compressed data (the file's first %d bytes) "+
			"is no gzip data (written to the file after it was compressed?); the compressed data was read whole", at)
	}
	return fmt.Sprintf("decompression OK, trailing garbage ignored, as gzip ignores it: %d bytes after the gzip-compressed data (the file's first %d bytes) "+
		"are no gzip data (written to the file after it was compressed?); the compressed data was read whole", n, at)
}
