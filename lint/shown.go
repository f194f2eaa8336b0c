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
// the bidirectional overrides as U+FFFD, so that an export cannot clear the
// screen, recolour the report, set the window title or reorder what is
// shown.
func Shown(s string) string {
	if !needsShowing(s) {
		return s
	}
	s = lineBreaks.Replace(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// needsShowing reports whether Shown changes s: a control byte, DEL, a C1
// control (C2 80–9F) or a bidirectional control (E2 80 AA–AE, E2 81 A6–A9).
func needsShowing(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c == 0x7f:
			return true
		case c == 0xc2 && i+1 < len(s) && s[i+1] <= 0x9f:
			return true
		case c == 0xe2 && i+2 < len(s) && (s[i+1] == 0x80 && s[i+2] >= 0xaa && s[i+2] <= 0xae || s[i+1] == 0x81 && s[i+2] >= 0xa6 && s[i+2] <= 0xa9):
			return true
		}
	}
	return false
}
