package check

import (
	"github.com/chatlint/chatlint/lint/fix"
)

// suggestion is a replacement a forbid rule prescribes (rules.Rule's
// Suggest); whether it has Traditional characters (trad: written for a
// Traditional library, it is Simplified in a Simplified message); and
// whether it has characters Traditional script writes otherwise (simp:
// 时, 帮; without one, as 您 and 非常抱歉, it is written alike in both).
type suggestion struct {
	text       string
	trad, simp bool
}

// Suggestions are written in the script of the message they are for
// (Conv.inScript), as `chatlint lint --fix` writes them into a canned
// reply (fix.InScript): an agent in Hong Kong or Taiwan who wrote
// 這個價格不行 is told 無法幫到您, not the rule's Simplified 无法帮到您.
// Deciding a script takes fix's tables, built by a pass over every Chinese
// character, so it is asked only for a replacement Traditional script
// would write otherwise (suggestion.simp) in a message with a Traditional
// character (match.Text.Traditional, a look at the text from its first
// change on), or for a replacement written with one: a run without
// Traditional text never builds the tables.

// inScript returns sugg, the replacement for the match old in message i,
// written in the message's script (fix.Suggestion). A message written
// alike in both scripts (不行), or in both at once, has neither, and gets
// sugg as the rule wrote it, as does one that the replacement cannot be
// written for without guessing a character (干: 乾, 幹 or 干).
func (cv *Conv) inScript(i int, old, sugg string) string {
	m := &cv.Messages[i]
	s, _ := fix.Suggestion(fix.TextScript(m.Text), m.Text, old, sugg)
	return s
}
