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
}

// joinedSkip is the reason length gives for a conversation with a joined
// text over the limit that it could not check.
const joinedSkip = "text joined from several messages by the export: lengths over the limit not checked"

func newLength(r *rules.Rule, info *lint.RuleInfo) *length {
	l := &length{info: info, max: r.MaxLength, tmpl: r.Message}
	if l.tmpl == "" {
		l.tmpl = "消息太长（{length}字，上限{limit}字），宜分次回答"
	}
	return l
}

func (l *length) Info() *lint.RuleInfo { return l.info }
func (l *length) Local() bool          { return true }

func (l *length) Check(cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	skipped := false
	ms, roles := cv.Messages, l.info.Roles
	for i := range ms {
		m := &ms[i]
		if !roles.Has(m.Role) || !spoken(m) {
			continue
		}
		if len(m.Text) <= l.max {
			continue // no more characters than bytes
		}
		text := strings.TrimRight(m.Text, " \t\r\n")
		lead := len(text) - len(strings.TrimLeft(text, " \t\r\n"))
		n := utf8.RuneCountInString(text[lead:])
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
		// the overflow: from character max+1 to the end
		start := lead
		for k := 0; k < l.max; k++ {
			_, size := utf8.DecodeRuneInString(text[start:])
			start += size
		}
		hit := &match.Hit{Start: start, End: len(text), Phrase: -1, Pattern: -1, Text: text[start:],
			Column: utf8.RuneCountInString(m.Text[:start]) + 1}
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
