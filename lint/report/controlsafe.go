package report

import (
	"io"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// controlSafe writes to w with every character no report writes as it is
// (lint.Masked: C0 controls, DEL, C1 controls, the bidirectional
// embeddings, overrides and isolates) replaced by U+FFFD, as the text
// report, chatlint explain and the GitHub annotations show them, and the
// Unicode noncharacters too (noncharacter, which only a page masks), and
// every byte that is not UTF-8 (html/template passes such bytes through;
// the page says it is UTF-8); tab, LF and CR stay, as a message's text
// needs them. The HTML page goes
// through it whole, so that no field of it, whatever its source (a
// message, a sender, a conversation id, a file name, the reason of a
// malformed record, a pack's text), can hold them raw: a control character
// or a noncharacter is an error of an HTML page's input stream, and an
// override inside a name or a message would reorder what follows it, the
// time and line of the evidence shown to QA staff included. A character
// cut between writes is held until the next one; flush writes one cut
// short at the end as U+FFFD.
type controlSafe struct {
	w    io.Writer
	buf  []byte // the bytes held, then those of the write
	out  []byte // the write with its controls replaced, when it has any
	held int    // bytes at the end of buf that begin a character cut short
}

func (b *controlSafe) Write(p []byte) (int, error) {
	b.buf = append(b.buf[:b.held], p...)
	buf := b.buf
	out := b.out[:0]
	start, held := 0, 0 // start: the first byte not yet copied to out
	for i := 0; i < len(buf); {
		c := buf[i]
		n := 1 // a control byte, or one that is not UTF-8
		switch {
		case c < utf8.RuneSelf:
			if !pageMaskedLead[c] {
				i++
				continue
			}
		case c >= 0xe1 && c != 0xe2 && c != 0xed && c <= 0xef && i+2 < len(buf) &&
			buf[i+1]&0xc0 == 0x80 && buf[i+2]&0xc0 == 0x80 && (c != 0xef || buf[i+1]|0x08 != 0xbf):
			// the CJK characters, the fullwidth forms and most of the
			// BMP, without decoding: three bytes whose lead allows any
			// continuation and begins no character to mask (E2 begins
			// the bidirectional controls, ED the surrogates; after EF,
			// B7 and BF begin the noncharacters)
			i += 3
			continue
		case !utf8.FullRune(buf[i:]):
			held = len(buf) - i // the first bytes of a character: wait for the rest
		default:
			var r rune
			r, n = utf8.DecodeRune(buf[i:])
			if (r != utf8.RuneError || n > 1) && (!pageMaskedLead[c] || !lint.Masked(r) && !noncharacter(r)) {
				i += n
				continue
			}
		}
		if held > 0 {
			break
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

// flush writes what is held (the output's end): the first bytes of a
// character cut short, each as U+FFFD.
func (b *controlSafe) flush() error {
	if b.held == 0 {
		return nil
	}
	out := b.out[:0]
	for range b.held {
		out = append(out, "\uFFFD"...)
	}
	b.out = out
	_, err := b.w.Write(out)
	b.held = 0
	return err
}

// noncharacter reports whether r is one of Unicode's 66 noncharacters:
// U+FDD0–FDEF and the last two code points of every plane (U+FFFE, U+FFFF,
// U+1FFFE … U+10FFFF). The HTML page masks them (controlSafe), since an
// HTML parser reports each as an error of the input stream
// (noncharacter-in-input-stream). They are not in lint.Masked, the list
// every writer goes by: they are no controls (they move no cursor, run no
// escape sequence, reorder nothing), Unicode lets text carry them
// (Corrigendum #9), and the text report, chatlint explain and the GitHub
// annotations show the evidence as it is unless it can do harm. The JUnit
// report follows XML 1.0's own list of characters (xmlChar), which holds
// all of them but U+FFFE and U+FFFF, as encoding/xml does.
func noncharacter(r rune) bool {
	return r >= 0xfdd0 && r <= 0xfdef || r&0xfffe == 0xfffe && r <= utf8.MaxRune
}

// noncharacterLead reports whether c can be the first byte of a
// noncharacter in UTF-8: EF (U+FDD0–FDEF, U+FFFE, U+FFFF) or F0–F4 (the
// other planes).
func noncharacterLead(c byte) bool { return c == 0xef || c >= 0xf0 && c <= 0xf4 }

// pageMaskedLead tells, per byte, whether a character controlSafe masks
// can begin with it (lint.MaskedLead or noncharacterLead), tab and the
// line breaks aside: one load per byte of the page.
var pageMaskedLead = func() (t [256]bool) {
	for c := range t {
		t[c] = lint.MaskedLead(byte(c)) || noncharacterLead(byte(c))
	}
	t['\t'], t['\n'], t['\r'] = false, false, false
	return t
}()
