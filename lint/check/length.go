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
		var n int
		if m.TextRunes > 0 && m.TextCol > 0 {
			// the reader's count of the text as it is (see
			// lint.Message.TextRunes), less the blanks trimmed, a
			// character a byte
			n = int(m.TextRunes) - (len(m.Text) - len(text)) - lead
		} else {
			// counted only as far as it takes to tell a text within
			// the limit, as most texts longer in bytes are
			n = runeCountUpTo(text[lead:], l.max)
		}
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

// wordRunes counts the characters of s, 24 bytes at a time (then eight),
// if s is valid UTF-8 of ASCII and three-byte sequences (ok false if not).
// s must have no E0 or ED byte: the sequences they lead need a narrower
// second byte than wordRunes checks. Text of ASCII and lead bytes 1110xxxx
// is valid UTF-8 when its continuation bytes (10xxxxxx) are exactly the
// two bytes after each lead byte: a sequence with a missing continuation
// leaves a byte of the next where a continuation should be (or runs off
// the end), and a stray continuation is after no lead. Valid, it has a
// character for each byte that is not a continuation.
//
// It stops at the end of a step where a sequence ends once the count is
// known to be at most max (max < 0: never): the bytes before are valid and
// the rest has at most a character a byte, so len(s) - conts (the
// continuations so far) bounds it; that bound is then n. (Chinese text,
// three bytes a character, ends a character every 24 bytes: a step of
// three words with one test of the three spares a word at a time's loop
// and tests; 38.4 M instructions of a 100 MB run → 33.1 M, callgrind.)
func wordRunes(s string, max int) (n int, ok bool) {
	var carry uint64 // the continuations the last word's leads expect in the next
	conts := 0
	i := 0
	for ; i+24 <= len(s); i += 24 {
		t := s[i : i+24]
		w0 := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		w1 := uint64(t[8]) | uint64(t[9])<<8 | uint64(t[10])<<16 | uint64(t[11])<<24 |
			uint64(t[12])<<32 | uint64(t[13])<<40 | uint64(t[14])<<48 | uint64(t[15])<<56
		w2 := uint64(t[16]) | uint64(t[17])<<8 | uint64(t[18])<<16 | uint64(t[19])<<24 |
			uint64(t[20])<<32 | uint64(t[21])<<40 | uint64(t[22])<<48 | uint64(t[23])<<56
		c0, k0, bad0 := wordConts(w0, carry)
		c1, k1, bad1 := wordConts(w1, k0)
		c2, k2, bad2 := wordConts(w2, k1)
		if bad0|bad1|bad2 != 0 {
			return 0, false // other lead bytes (C0-DF, F0-FF), or not valid
		}
		// the number of continuations: one bit a byte, up to three a
		// byte summed over the words, summed by the multiply
		conts += int((c0>>7 + c1>>7 + c2>>7) * 0x0101010101010101 >> 56)
		carry = k2
		if len(s)-conts <= max && carry == 0 {
			return len(s) - conts, true
		}
	}
	for ; i < len(s); i += 8 {
		var w uint64 // little-endian: byte k of the text is byte k of w
		if i+8 <= len(s) {
			t := s[i : i+8]
			w = uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
				uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		} else {
			// the last bytes, the rest of the word 0 (ASCII)
			for k := len(s) - 1; k >= i; k-- {
				w = w<<8 | uint64(s[k])
			}
		}
		cont, next, bad := wordConts(w, carry)
		if bad != 0 {
			return 0, false
		}
		conts += int((cont >> 7) * 0x0101010101010101 >> 56)
		carry = next
		if len(s)-conts <= max && carry == 0 {
			return len(s) - conts, true
		}
	}
	return len(s) - conts, carry == 0
}

// wordConts reads the little-endian word w of wordRunes's text, whose
// bytes the leads of the word before expect to be continuations where
// carry has their top bit: cont has the top bit of w's continuation bytes,
// next those of the next word's bytes its leads expect to be, and bad is
// not 0 when w has other lead bytes than 1110xxxx (C0-DF, F0-FF) or its
// continuations are not where the leads expect them.
func wordConts(w, carry uint64) (cont, next, bad uint64) {
	// in each byte's top bit: its top bit, its second (b6), its third
	// and fourth
	hi := w & hiBits
	b6 := w << 1 & hiBits
	cont = hi &^ b6
	lead3 := hi & b6 & (w << 2) &^ (w << 3)
	return cont, lead3>>56 | lead3>>48, hi&b6 ^ lead3 | (lead3<<8 | lead3<<16 | carry) ^ cont
}

// hanRun reports whether the 24 bytes of t are eight three-byte
// sequences that runeSkip's loop steps over as such: lead bytes E1 to EF
// but ED (valid UTF-8 whatever their continuation bytes, 80 to BF), as the
// JSONL scanner's hanRun reads them. The masks check every byte's top bits
// (1110xxxx, 10xxxxxx), and the leads' low nibbles, gathered into one
// word, a byte each, must be neither 0 (E0) nor 0xD (ED): a byte of 0 to
// 0xF less one borrows, and sets its high bit, only when it is 0.
func hanRun(t string) bool {
	t = t[:24]
	x0 := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
		uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
	x1 := uint64(t[8]) | uint64(t[9])<<8 | uint64(t[10])<<16 | uint64(t[11])<<24 |
		uint64(t[12])<<32 | uint64(t[13])<<40 | uint64(t[14])<<48 | uint64(t[15])<<56
	x2 := uint64(t[16]) | uint64(t[17])<<8 | uint64(t[18])<<16 | uint64(t[19])<<24 |
		uint64(t[20])<<32 | uint64(t[21])<<40 | uint64(t[22])<<48 | uint64(t[23])<<56
	if (x0&0xC0F0C0C0F0C0C0F0^0x80E08080E08080E0)|(x1&0xF0C0C0F0C0C0F0C0^0xE08080E08080E080)|(x2&0xC0C0F0C0C0F0C0C0^0x8080E08080E08080) != 0 {
		return false
	}
	const lows = 0x0101010101010101
	l := x0&0x000F00000F00000F | x1&0x0F00000F00000F00 | x2&0x00000F00000F0000
	return ((l-lows)|((l^0x0D*lows)-lows))&hiBits == 0
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
		if n >= 8 && i+24 <= len(s) && hanRun(s[i:i+24]) {
			// eight at a time (Chinese text: the overflow of a text
			// over the limit starts past max characters, 150 for
			// the built-in rule, which took 4,800 instructions a
			// text a character at a time)
			i += 24
			n -= 7
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
