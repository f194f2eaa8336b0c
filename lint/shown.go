package lint

import (
	"strings"
	"unicode/utf8"
)

// lineBreaks shows the line breaks of a text as ⏎.
var lineBreaks = strings.NewReplacer("\r\n", " ⏎ ", "\n", " ⏎ ", "\r", " ⏎ ")

// Shown is s as a report or a message may put it on a terminal, on one
// line: line breaks as ⏎ (a conversation id, a sender or a file name cannot
// start a line of its own that reads like chatlint's), a tab as a space,
// and the other control characters (ESC and the rest of C0, DEL, C1) and
// the bidirectional overrides as U+FFFD (Masked), so that an export cannot
// clear the screen, recolour the report, set the window title or reorder
// what is shown; and every byte that is not UTF-8 as U+FFFD too: a
// terminal not in UTF-8 runs a raw 9B as CSI, and one in UTF-8 shows
// garbage for it.
func Shown(s string) string {
	if !needsShowing(s) {
		return s
	}
	s = lineBreaks.Replace(s)
	var b strings.Builder
	b.Grow(len(s))
	WriteMasked(&b, s, Masked)
	return b.String()
}

// WriteMasked writes s to b with a tab as a space and every character
// hidden reports (Masked, or a writer's narrower choice) as U+FFFD, and
// every byte that is not UTF-8 as U+FFFD as well.
func WriteMasked(b *strings.Builder, s string, hidden func(rune) bool) {
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case hidden(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
}

// Masked reports whether r is a character no report writes as it is: a C0
// control (U+0000–001F), DEL, a C1 control (U+0080–009F) or a
// bidirectional embedding, override or isolate (U+202A–202E,
// U+2066–2069). It is the one list every writer goes by (Shown, the GitHub
// annotations, the HTML page), each writing them as U+FFFD; tab and the
// line breaks are among them, and each writer says what it makes of those
// (Shown a space and ⏎; the annotations and the page, which can show
// lines, keep the line breaks). The Unicode noncharacters are not among
// them: they do no harm on a terminal or in an annotation, and Unicode lets
// text carry them; only the HTML page masks them besides, as HTML's input
// stream does not allow them (report's controlSafe).
func Masked(r rune) bool {
	return r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// MaskedLead reports whether c can be the first byte of a character Masked
// reports, in UTF-8 (a control byte, DEL, C2 for C1, E2 for the
// bidirectional controls): a scanner of bytes need only decode a character
// at such a byte.
func MaskedLead(c byte) bool { return c < 0x20 || c == 0x7f || c == 0xc2 || c == 0xe2 }

// needsShowing reports whether s holds a character Masked reports or a
// byte that is not UTF-8 (then Shown changes it).
func needsShowing(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if MaskedLead(c) {
				return true
			}
			i++
		case c >= 0xe1 && c <= 0xef && c != 0xe2 && c != 0xed && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80:
			// the CJK characters and most of the BMP, without decoding:
			// three bytes whose lead allows any continuation and begins
			// no masked character (E2 begins the bidirectional controls,
			// ED the surrogates)
			i += 3
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 || MaskedLead(c) && Masked(r) {
				return true
			}
			i += n
		}
	}
	return false
}
