package check

import (
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/fix"
	"github.com/chatlint/chatlint/lint/match"
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
// A message written alike in both scripts (不行 alone) takes the script
// of its sender's messages in the conversation, else of the conversation's
// (scriptAround), so that the agent who wrote 這個價格不行 is told
// 無法幫到您 for a 不行 alone too. A canned library's reply, a
// conversation of its own, is written as --fix writes it into the file
// (Options.Library): a reply alike in both takes the script of its line,
// else of the file, and a Traditional one the file's variants.
//
// Telling a script is cheap (fix.TextScript reads the matcher's bitmaps),
// and so is writing a suggestion in it (fix's tables are generated). A
// message is looked at only for a replacement Traditional script would
// write otherwise (suggestion.simp) in a message with a Traditional character
// (match.Text.Traditional, a look at the text from its first change on),
// or in one with no character only Simplified text writes
// (match.HasSimplifiedOnly: most Simplified messages are told by their
// first few characters) in a conversation with a Traditional character
// or a library (tradAround), or for a replacement written with one.

// inScript returns sugg, the replacement for the match old in message i,
// written in the message's script (fix.Suggestion), or, for a message
// written alike in both scripts, in the script around it (scriptAround);
// in Traditional script, in the variants the conversation's messages write
// (裏, 麪; Hong Kong's 台, 裏, 煙 in a conversation in Cantonese), as
// --fix takes a library's from the whole file. A message written in both
// at once gets sugg as the rule wrote it, as does one alike in both in a
// conversation without a script, and one that the replacement cannot be
// written for without guessing a character (干: 乾, 幹 or 干). A canned
// library's reply whose file Options.Library gives is written as --fix
// writes it there (fix.Library.Suggestion).
func (cv *Conv) inScript(i int, old, sugg string) string {
	m := &cv.Messages[i]
	if cv.library != nil {
		// a canned library's reply: as --fix writes it into the file
		if lib := cv.library(m.Pos.File); lib != nil {
			s, _ := lib.Suggestion(m.Pos.Line, m.Text, old, sugg)
			return s
		}
	}
	sc := fix.TextScript(m.Text)
	if sc == fix.Neither {
		sc = cv.scriptAround(i)
	}
	if sc != fix.Traditional {
		s, _ := fix.Suggestion(sc, old, sugg)
		return s
	}
	// the variants of the conversation's written messages, read only for
	// a character of sugg that has them
	texts := make([]string, 0, len(cv.Messages))
	for j := range cv.Messages {
		if o := &cv.Messages[j]; j == i || written(o) {
			texts = append(texts, o.Text)
		}
	}
	s, _ := fix.Suggestion(sc, old, sugg, texts...)
	return s
}

// scriptAround returns the script of message i's sender's messages in the
// conversation taken together (fix.TextScript: Traditional when they have
// characters only Traditional text writes and none only Simplified text
// writes), else, where theirs is neither, of all the messages of its
// customers and agents, else, where none of those writes a script, of its
// bots too: a platform's bot (店小蜜's 您好，欢迎光临) writes Simplified in
// a Hong Kong shop's chats, as the platform's system notices and its
// placeholders for an image or a voice message ([图片]) do, which are
// nobody's script. Messages taken are those someone wrote (text and
// notes). Message i is among them: a message written in both scripts at
// once makes every one of them neither.
func (cv *Conv) scriptAround(i int) fix.Script {
	m := &cv.Messages[i]
	var own, people, bots []string
	for j := range cv.Messages {
		o := &cv.Messages[j]
		if j != i && !written(o) {
			continue
		}
		if o.Role == m.Role && o.Sender == m.Sender {
			own = append(own, o.Text)
		}
		if o.Role == lint.Bot && m.Role != lint.Bot {
			bots = append(bots, o.Text)
		} else {
			people = append(people, o.Text)
		}
	}
	if sc := fix.TextScript(own...); sc != fix.Neither {
		return sc
	}
	if sc := fix.TextScript(people...); sc != fix.Neither || len(bots) == 0 {
		return sc
	}
	// the people's messages in both scripts stay so, with the bots' too
	return fix.TextScript(append(people, bots...)...)
}

// tradAround reports whether message i, which has no Traditional
// character, may take a Traditional script from around it
// (scriptAround): it has no character only Simplified text writes, and
// some message written in the conversation has a Traditional one, or it
// is a canned library's reply (Options.Library: its line or file may).
// Most Simplified messages are told by their first few characters.
func (cv *Conv) tradAround(i int) bool {
	if match.HasSimplifiedOnly(cv.Messages[i].Text) {
		return false
	}
	if cv.library != nil {
		return true // a canned library's reply: its line's or file's (inScript)
	}
	for j := range cv.Messages {
		if o := &cv.Messages[j]; j != i && written(o) && match.HasTraditional(o.Text) {
			return true
		}
	}
	return false
}

// written reports whether someone wrote m's text (scriptAround): a
// customer's, an agent's or a bot's text or note, not a system notice nor
// a placeholder of another type (image, voice, order).
func written(m *lint.Message) bool {
	return m.Role != lint.System && (m.Type == lint.TypeText || m.Type == lint.TypeNote || m.Type == "")
}
