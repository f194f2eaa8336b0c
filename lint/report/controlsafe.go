package report

import (
	"io"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// controlSafe writes to w with every character no report writes as it is
// (lint.Masked: C0 controls, DEL, C1 controls, the bidirectional
// embeddings, overrides and isolates) replaced by U+FFFD, as the text
// report, chatlint explain and the GitHub annotations show them; tab, LF
// and CR stay, as a message's text needs them. The HTML page goes through
// it whole, so that no field of it, whatever its source (a message, a
// sender, a conversation id, a file name, the reason of a malformed record,
// a pack's text), can hold them raw: a control character is an error of an
// HTML page's input stream, and an override inside a name or a message
// would reorder what follows it, the time and line of the evidence shown
// to QA staff included. A character cut between writes is held until the
// next one; flush writes what is held.
type controlSafe struct {
	w    io.Writer
	buf  []byte // the bytes held, then those of the write
	out  []byte // the write with its controls replaced, when it has any
	held int    // bytes at the end of buf that may begin a control
}

func (b *controlSafe) Write(p []byte) (int, error) {
	b.buf = append(b.buf[:b.held], p...)
	buf := b.buf
	out := b.out[:0]
	start, held := 0, 0 // start: the first byte not yet copied to out
	for i := 0; i < len(buf); {
		c := buf[i]
		if !lint.MaskedLead(c) || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		if !utf8.FullRune(buf[i:]) {
			held = len(buf) - i // the first bytes of a character: wait for the rest
			break
		}
		r, n := utf8.DecodeRune(buf[i:])
		if !lint.Masked(r) {
			i += n
			continue
		}
		out = append(append(out, buf[start:i]...), "\uFFFD"...)
		i += n
		start = i
	}
	end := len(buf) - held
	var err error
	if start == 0 {
		_, err = b.w.Write(buf[:end])
	} else {
		out = append(out, buf[start:end]...)
		_, err = b.w.Write(out)
	}
	b.out = out
	if err != nil {
		return 0, err
	}
	copy(b.buf, buf[end:])
	b.held = held
	return len(p), nil
}

// flush writes the bytes held (the output's end: they begin no control).
func (b *controlSafe) flush() error {
	if b.held == 0 {
		return nil
	}
	_, err := b.w.Write(b.buf[:b.held])
	b.held = 0
	return err
}
