package check

import (
	"strings"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/rules"
)

// length flags messages longer than max_length characters (a long answer
// should be split into several). The part past the limit is the match, so
// reports mark where to split.
type length struct {
	info *lint.RuleInfo
	max  int
	tmpl string
}

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
	for i := range cv.Messages {
		m := &cv.Messages[i]
		if !l.info.Roles.Has(m.Role) || !spoken(m) {
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
		// the overflow: from character max+1 to the end
		start := lead
		for k := 0; k < l.max; k++ {
			_, size := utf8.DecodeRuneInString(text[start:])
			start += size
		}
		hit := &match.Hit{Start: start, End: len(text), Phrase: -1, Pattern: -1, Text: text[start:],
			Column: utf8.RuneCountInString(m.Text[:start]) + 1}
		msg := render(l.tmpl, map[string]string{"length": itoa(n), "limit": itoa(l.max)})
		out = append(out, finding(l.info, i, hit, msg))
	}
	return out, ""
}
