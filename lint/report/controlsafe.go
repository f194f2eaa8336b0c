package report

import (
	"bytes"
	"io"
)

// bidiSafe writes to w with every bidirectional embedding, override and
// isolate control (U+202A–202E, U+2066–2069) replaced by U+FFFD, as the text
// report shows them: in a page, an override inside a name or a message
// would otherwise reorder what follows it, the time and line of the
// evidence shown to QA staff included. Both are three bytes in UTF-8, so
// nothing moves. A control cut between writes is held until the next one;
// flush writes what is held.
type bidiSafe struct {
	w    io.Writer
	buf  []byte
	held int // bytes at the end of buf that may begin a control
}

func (b *bidiSafe) Write(p []byte) (int, error) {
	b.buf = append(b.buf[:b.held], p...)
	buf := b.buf
	for i := 0; ; {
		j := bytes.IndexByte(buf[i:], 0xE2)
		if j < 0 {
			break
		}
		i += j
		if i+2 >= len(buf) {
			break
		}
		if isBidiControl(buf[i+1], buf[i+2]) {
			buf[i], buf[i+1], buf[i+2] = 0xEF, 0xBF, 0xBD
			i += 3
			continue
		}
		i++
	}
	// hold a control's first bytes for the next write
	held := 0
	switch n := len(buf); {
	case n >= 1 && buf[n-1] == 0xE2:
		held = 1
	case n >= 2 && buf[n-2] == 0xE2 && (buf[n-1] == 0x80 || buf[n-1] == 0x81):
		held = 2
	}
	if _, err := b.w.Write(buf[:len(buf)-held]); err != nil {
		return 0, err
	}
	copy(b.buf, buf[len(buf)-held:])
	b.held = held
	return len(p), nil
}

// flush writes the bytes held (the output's end: they begin no control).
func (b *bidiSafe) flush() error {
	if b.held == 0 {
		return nil
	}
	_, err := b.w.Write(b.buf[:b.held])
	b.held = 0
	return err
}

// isBidiControl reports whether E2 c1 c2 encodes U+202A–202E or
// U+2066–2069.
func isBidiControl(c1, c2 byte) bool {
	return c1 == 0x80 && c2 >= 0xAA && c2 <= 0xAE || c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9
}
