package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/rules"
)

// length flags messages longer than max_length characters (a long answer
// should be split into several). The part past the limit is the match, so
// reports mark where to split.
//
// A text the export may have joined from several messages (Message.Joined:
// JDDC's turns, joined with spaces) is no one message: it is over the limit
// only when a part of it without spaces (nor JDDC's separator !@@@!), which
// one message holds whole, is; when only the whole is, the rule cannot tell
// and skips it, saying so (joinedSkip), rather than report the export's
// joining.
type length struct {
	info *lint.RuleInfo
	max  int
	tmpl string
	// sel is the selection key of the rule's messages, slot its slot
	sel  uint16
	slot int
}

// joinedSkip is the reason length gives for a conversation with a joined
// text over the limit that it could not check.
const joinedSkip = "text joined from several messages by the export: lengths over the limit not checked"

func newLength(b *builder, r *rules.Rule, info *lint.RuleInfo) *length {
	l := &length{info: info, max: r.MaxLength, tmpl: r.Message}
	l.sel = uint16(info.Roles) | selSpoken // as Conv.sel(roles, true)
	l.slot = b.slot(l.sel)
	if l.tmpl == "" {
		l.tmpl = "消息太长（{length}字，上限{limit}字），宜分次回答"
	}
	return l
}

func (l *length) Info() *lint.RuleInfo { return l.info }
func (l *length) Local() bool          { return true }

func (l *length) Check(cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	skipped := false
	ms := cv.Messages
	sel, _ := cv.selAt(l.slot, l.sel)
	for _, j := range sel {
		i := int(j)
		m := &ms[i]
		if len(m.Text) <= l.max {
			continue // no more characters than bytes
		}
		text, lead := trimBlanks(m.Text)
		// counted only as far as it takes to tell a text within the
		// limit, as most texts longer in bytes are
		n := runeCountUpTo(text[lead:], l.max)
		if n <= l.max {
			continue
		}
		if m.Joined {
			// the longest part without spaces: within one message
			lead, text, n = longestUnspaced(text)
			if n <= l.max {
				skipped = true
				continue
			}
		}
		// the overflow: from character max+1 to the end, its column past
		// the max characters runeSkip stepped over
		start := lead + runeSkip(text[lead:], l.max)
		hit := &match.Hit{Start: start, End: len(text), Phrase: -1, Pattern: -1, Text: text[start:],
			Column: runeCount(m.Text[:lead]) + l.max + 1}
		msg := render(l.tmpl, tvars{{"length", itoa(n)}, {"limit", itoa(l.max)}})
		out = append(out, finding(l.info, i, hit, msg))
	}
	if skipped {
		return out, joinedSkip
	}
	return out, ""
}

// jddcSeparator is what JDDC's dev and test sets put between the messages
// of a turn; chat.txt joins them with spaces.
const jddcSeparator = "!@@@!"

// longestUnspaced finds the longest part of a joined text between white
// space or jddcSeparator (the first of the longest): it starts at byte
// start and text[:end] ends it; n is its length in characters.
func longestUnspaced(text string) (start int, prefix string, n int) {
	end, from, c := 0, -1, 0
	for i := 0; i <= len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		sep := 0
		switch {
		case i == len(text):
			sep = 1 // the end
		case unicode.IsSpace(r):
			sep = size
		case strings.HasPrefix(text[i:], jddcSeparator):
			sep = len(jddcSeparator)
		}
		if sep == 0 {
			if from < 0 {
				from, c = i, 0
			}
			c++
			i += size
			continue
		}
		if from >= 0 && c > n {
			start, end, n = from, i, c
		}
		from = -1
		i += sep
	}
	return start, text[:end], n
}

// trimBlanks returns text without the spaces, tabs and line breaks at its
// end, and the number of them at its start: strings.TrimRight and
// TrimLeft with the cutset " \t\r\n", at once for a text that neither
// starts nor ends with one, as most do.
func trimBlanks(s string) (text string, lead int) {
	text = s
	if n := len(text); n > 0 && blankByte(text[n-1]) {
		text = strings.TrimRight(text, " \t\r\n")
	}
	if len(text) > 0 && blankByte(text[0]) {
		lead = len(text) - len(strings.TrimLeft(text, " \t\r\n"))
	}
	return text, lead
}

// blankByte tells the bytes of trimBlanks's cutset.
func blankByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// runeCount is utf8.RuneCountInString(s): the characters of s, an invalid
// byte counting as one. Chat text is Chinese, three bytes a character, and
// valid: it is counted eight bytes at a time (wordRunes), and any other
// text one character at a time (match.RuneCount).
func runeCount(s string) int { return runeCountUpTo(s, -1) }

// runeCountUpTo is runeCount for a caller that only asks whether s has
// more than max characters: when it has not, the count may stop early and
// a number from the count to max is returned. Past max, it is the count.
func runeCountUpTo(s string, max int) int {
	// E0 and ED start three-byte sequences whose second byte has a
	// narrower range than wordRunes checks (no Chinese character has them)
	if strings.IndexByte(s, 0xe0) >= 0 || strings.IndexByte(s, 0xed) >= 0 {
		return match.RuneCount(s)
	}
	n, ok := wordRunes(s, max)
	if !ok {
		return match.RuneCount(s)
	}
	return n
}

// High bits of the bytes of a word.
const hiBits = 0x8080808080808080

// wordRunes counts the characters of s, eight bytes at a time, if s is
// valid UTF-8 of ASCII and three-byte sequences (ok false if not). s must
// have no E0 or ED byte: the sequences they lead need a narrower second
// byte than wordRunes checks. Text of ASCII and lead bytes 1110xxxx is
// valid UTF-8 when its continuation bytes (10xxxxxx) are exactly the two
// bytes after each lead byte: a sequence with a missing continuation
// leaves a byte of the next where a continuation should be (or runs off
// the end), and a stray continuation is after no lead. Valid, it has a
// character for each byte that is not a continuation.
//
// It stops at the end of a word where a sequence ends once the count is
// known to be at most max (max < 0: never): the bytes before are valid and
// the rest has at most a character a byte, so len(s) - conts (the
// continuations so far) bounds it; that bound is then n.
func wordRunes(s string, max int) (n int, ok bool) {
	var carry uint64 // the continuations the last word's leads expect in this one
	conts := 0
	full := len(s) &^ 7
	for i := 0; i < len(s); i += 8 {
		var w uint64 // little-endian: byte k of the text is byte k of w
		if i < full {
			t := s[i : i+8]
			w = uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
				uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		} else {
			// the last bytes, the rest of the word 0 (ASCII)
			for k := len(s) - 1; k >= i; k-- {
				w = w<<8 | uint64(s[k])
			}
		}
		// in each byte's top bit: its top bit, its second (b6), its third
		// and fourth
		hi := w & hiBits
		b6 := w << 1 & hiBits
		cont := hi &^ b6
		lead3 := hi & b6 & (w << 2) &^ (w << 3)
		if hi&b6 != lead3 || lead3<<8|lead3<<16|carry != cont {
			return 0, false // other lead bytes (C0-DF, F0-FF), or not valid
		}
		// the number of continuations: one bit a byte, summed by the multiply
		conts += int((cont >> 7) * 0x0101010101010101 >> 56)
		carry = lead3>>56 | lead3>>48
		if len(s)-conts <= max && carry == 0 {
			return len(s) - conts, true
		}
	}
	return len(s) - conts, carry == 0
}

// runeSkip returns the byte offset in s after its first n characters (all
// of s if it has fewer), as utf8.DecodeRuneInString steps over them,
// stepping as match.RuneCount does.
func runeSkip(s string, n int) int {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c-0xe1 <= 0xef-0xe1 && c != 0xed && i+2 < len(s) && (s[i+1]^0x80)|(s[i+2]^0x80) < 0x40 {
			i += 3
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}
