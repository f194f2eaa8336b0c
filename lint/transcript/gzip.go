package transcript

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/chatlint/chatlint/lint"
)

// NewGzipReader returns a reader of the data of the gzip-compressed file
// r, as gzip -d reads it: member after member (gzip -c a >> f, pigz and
// bgzip write several), and then
//   - zero bytes alone (padding to a tape's or a device's block), passed
//     over without a word, as gzip passes them; zero bytes between two
//     members too (a padded file with another appended, which gzip -d
//     stops at, as Python's gzip module does not: its records are read);
//   - other bytes (trailing garbage: written to the file after the data
//     was compressed), passed over too, as gzip does with a warning
//     ("decompression OK, trailing garbage ignored"), which warn, if set,
//     is given; after zero bytes, bytes that start as a member does (1f
//     8b) with no gzip header after that are garbage too, as gzip -d has
//     them (right after the data they are an error, "gzip: invalid
//     header", gzip -d's "unknown method", however few they are; only a
//     start that ends before a byte tells it is none, 1f 8b or 1f 8b 08
//     at the end of the file, ends early); so is a header after zero
//     bytes that the end of the file cuts off, and a member after them
//     whose data is no deflate data, whose checksum fails, or that the
//     end of the file cuts off, within its first maxTry bytes of data
//     (tryMember): gzip -d has any byte after zero bytes as garbage.
//
// What follows the data is read up to maxTrailing bytes, not past them
// (a tail that never ends, gzip data and then /dev/zero, or a disk's
// worth of zero bytes after it): more is said in warn's warning.
//
// Its errors are said as the readers say them: data that ends early (a
// file cut off, still being written or copied when read) wraps
// io.ErrUnexpectedEOF and says so; another names gzip. An error of the
// header of the first member is returned at once.
func NewGzipReader(r io.Reader, warn func(string)) (io.Reader, error) {
	g := &gzipReader{warn: warn}
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

// maxTrailing is how many bytes after a file's gzip-compressed data
// NewGzipReader reads at most: more than padding to a block takes (a
// tape's, dd conv=sync bs=1M's), and read in a few milliseconds.
const maxTrailing = 16 << 20

// gzipReader is NewGzipReader's reader.
type gzipReader struct {
	zr   *gzip.Reader
	br   *bufio.Reader
	read int64 // the bytes of r read into br
	warn func(string)
	err  error  // the reader's end (io.EOF) or its error, once met
	held []byte // the start of a member after zero bytes (tryMember), to hand out first
	try  []byte // tryMember's buffer, held's, made once and used for each member
}

func (g *gzipReader) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	for {
		if len(g.held) > 0 {
			n := copy(p, g.held)
			g.held = g.held[n:]
			return n, nil
		}
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
// data (see NewGzipReader), read up to maxTrailing bytes to say how many
// they are.
func (g *gzipReader) next() error {
	at := g.read - int64(g.br.Buffered()) // the end of the data
	zeros, err := g.skip(maxTrailing+1, true)
	if err != nil {
		return err // an error reading r
	}
	b, err := g.br.Peek(2)
	var read int64 // the bytes of a header that is none, read (see below)
	switch {
	case len(b) == 0 && err == io.EOF:
		return io.EOF // the end, after zero bytes or none
	case len(b) == 0:
		return err // an error reading r
	case zeros > maxTrailing:
		g.warned(trailingZeros(at))
		return io.EOF
	case b[0] == gzipMagic[0] && (len(b) == 1 || b[1] == gzipMagic[1]):
		// (a member cut off within its first bytes ends early)
		if !headerStart(g.br) {
			if zeros > 0 {
				break // garbage after zero bytes, 1f 8b by chance
			}
			// right after the data, no header, however short (gzip -d's
			// "unknown method"): not data that ends early
			return gzipError(gzip.ErrHeader)
		}
		from := g.read - int64(g.br.Buffered())
		err := g.zr.Reset(g.br)
		if err == nil {
			g.zr.Multistream(false)
			if zeros == 0 {
				return nil
			}
			// after zero bytes, a header whose data is no deflate data
			// (a header by chance, or one damaged) is garbage too: the
			// member's start is decompressed ahead to tell
			if err = g.tryMember(); err == nil {
				return nil
			}
		}
		if zeros == 0 || !errors.Is(err, gzip.ErrHeader) && !errors.Is(err, errNoMember) && err != io.ErrUnexpectedEOF {
			return gzipError(err)
		}
		// a header that is none after zero bytes, one cut off by the end
		// of the file, or one whose data is none: garbage, as gzip -d has
		// all that follows them, the bytes of it read counted too
		read = g.read - int64(g.br.Buffered()) - from
	}
	n, err := g.skip(maxTrailing+1-zeros-read, false)
	if err != nil {
		return err
	}
	g.warned(trailingGarbage(at, zeros+read+n))
	return io.EOF
}

// maxTry is how much of a member after zero bytes tryMember decompresses
// ahead: bytes that are no deflate data fail long before it (within a few
// hundred bytes of output), and a member that gets this far is one.
const maxTry = 64 << 10

// errNoMember is tryMember's error for a member after zero bytes whose
// data is no gzip data.
var errNoMember = errors.New("no gzip member")

// tryMember decompresses the start of the member just begun after zero
// bytes, up to maxTry bytes of it, into held, for Read to hand out: data
// deflate cannot read (flate's corrupt input), whose checksum fails, or
// that ends (the end of the file) before the member does, met before
// that, makes it no member but garbage (errNoMember), as gzip -d has all
// that follows zero bytes, and what was decompressed of it is dropped.
// An error reading r is a member's still: its start is held, and the
// error comes after it, as the member's reader says it again; so is one
// that gets past maxTry bytes, cut off later or not.
//
// Its buffer is made once, the first time, and used again for each
// member after zero bytes: held is handed out whole before the next.
func (g *gzipReader) tryMember() error {
	if g.try == nil {
		g.try = make([]byte, maxTry)
	}
	buf := g.try
	n := 0
	for n < len(buf) {
		m, err := g.zr.Read(buf[n:])
		n += m
		var corrupt flate.CorruptInputError
		if errors.As(err, &corrupt) || errors.Is(err, gzip.ErrChecksum) || err == io.ErrUnexpectedEOF {
			return errNoMember
		}
		if err != nil {
			break // (io.EOF: the member ends; another error: said next)
		}
	}
	g.held = buf[:n]
	return nil
}

// headerStart reports whether the next bytes of br, which start as a gzip
// member does (1f 8b), may go on as its header does: the compression
// method deflate (8), and no flags gzip reserves (as gzip -d checks, and
// compress/gzip does not). Bytes br does not hold (the end of the file)
// may.
func headerStart(br *bufio.Reader) bool {
	b, _ := br.Peek(4)
	return (len(b) < 3 || b[2] == 8) && (len(b) < 4 || b[3]&0xE0 == 0)
}

// skip passes over up to max bytes of br, zero bytes only if zeros is
// set (it stops before the first other byte), and says how many it
// passed over; the end of r is no error.
func (g *gzipReader) skip(max int64, zeros bool) (int64, error) {
	var n int64
	for n < max {
		b, err := g.br.Peek(min(g.br.Size(), int(max-n)))
		k := len(b)
		if zeros {
			if i := slices.IndexFunc(b, func(c byte) bool { return c != 0 }); i >= 0 {
				k = i
			}
		}
		g.br.Discard(k)
		n += int64(k)
		if k < len(b) || err == io.EOF {
			return n, nil
		}
		if err != nil && err != bufio.ErrBufferFull {
			return n, err
		}
	}
	return n, nil
}

// warned gives warn its warning, if set.
func (g *gzipReader) warned(w string) {
	if g.warn != nil {
		g.warn(w)
	}
}

// trailingGarbage is the warning of bytes after a file's gzip-compressed
// data that are no gzip data (see NewGzipReader): n of them, after the
// first at bytes of the file; more than maxTrailing, not read past.
func trailingGarbage(at, n int64) string {
	switch {
	case n == 1:
		return fmt.Sprintf("decompression OK, trailing garbage ignored, as gzip ignores it: the byte after the gzip-compressed data (the file's first %d bytes) "+
			"is no gzip data (written to the file after it was compressed?); the compressed data was read whole", at)
	case n > maxTrailing:
		return fmt.Sprintf("decompression OK, trailing garbage ignored, as gzip ignores it: more than %s after the gzip-compressed data (the file's first %d bytes) "+
			"are no gzip data (written to the file after it was compressed?), and the file was not read past them; the compressed data was read whole", lint.ByteSize(maxTrailing), at)
	}
	return fmt.Sprintf("decompression OK, trailing garbage ignored, as gzip ignores it: %d bytes after the gzip-compressed data (the file's first %d bytes) "+
		"are no gzip data (written to the file after it was compressed?); the compressed data was read whole", n, at)
}

// trailingZeros is the warning of more than maxTrailing zero bytes after a
// file's gzip-compressed data, the first at bytes of the file: more than
// padding, and not read past.
func trailingZeros(at int64) string {
	return fmt.Sprintf("decompression OK, trailing zero bytes ignored: more than %s of zero bytes follow the gzip-compressed data (the file's first %d bytes), "+
		"more than padding to a block, and the file was not read past them; the compressed data was read whole", lint.ByteSize(maxTrailing), at)
}
