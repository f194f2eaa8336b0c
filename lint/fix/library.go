package fix

import (
	"strings"
	"sync"

	"github.com/chatlint/chatlint/lint/match"
)

// Library is the text of a canned-reply library's file, as --fix reads it,
// with what a replacement written into one of its replies takes from the
// rest of the file: the script of the reply's line and of the whole text,
// for a reply written alike in both scripts (不行 alone), and the forms the
// text writes (裏 or 裡; Hong Kong's 台, 裏, 煙 in written Cantonese).
// InScript writes a file's fixes by it, and the report's suggestion for a
// library's reply is written by it too (Suggestion), so that the two are
// the same. It keeps no text, only what it read of it, and is safe for
// concurrent use.
type Library struct {
	// lines holds each line's script (Script), 1-based: lines[0] is unused
	lines  []Script
	script Script        // the whole text's
	vs     *textVariants // every form decided (see decideAll): read only
	// written holds the suggestions written (a suggestionKey's
	// suggestionOut): a library repeats its replacements
	written sync.Map
}

// suggestionKey is a suggestion as Library.Suggestion is asked for it;
// suggestionOut is what it returns.
type suggestionKey struct {
	sc        Script
	old, repl string
}

type suggestionOut struct {
	s  string
	ok bool
}

// NewLibrary reads a library's text (UTF-8, split into lines as
// SplitLines splits it): each line's script, the whole text's, and, for a
// text with Traditional characters (none else is written in Traditional
// script), its forms.
func NewLibrary(text string) *Library {
	l := &Library{lines: make([]Script, 1, strings.Count(text, "\n")+2)}
	var trad, simp bool
	c := lineCutter{text: text, lf: -1}
	for {
		line, ok := c.next()
		if !ok {
			break
		}
		t, s := match.HasTraditional(line), match.HasSimplifiedOnly(line)
		l.lines = append(l.lines, scriptOfBools(t, s))
		trad, simp = trad || t, simp || s
	}
	if l.script = scriptOfBools(trad, simp); l.script == both {
		l.script = Neither
	}
	l.vs = &textVariants{}
	if trad {
		l.vs.texts = []string{text}
	}
	l.vs.decideAll() // (without the text: every form as it is)
	l.vs.texts = nil
	return l
}

// ScriptOf returns the script a replacement for a match in reply, written
// on line (1-based), is written in: the reply's own (TextScript); for a
// reply written alike in both scripts (不行 alone), that of its line (a
// table's other cells, a YAML key, the other replies of a flow list: in a
// library of a reply a line, the reply itself), else that of the whole
// text. A reply written in both scripts at once has none (Neither), and
// neither has one alike in both where its line and the text have none.
// reply "" is the line's text.
func (l *Library) ScriptOf(line int, reply string) Script {
	if reply != "" {
		t, s := match.HasTraditional(reply), match.HasSimplifiedOnly(reply)
		switch {
		case t && s:
			return Neither
		case t || s:
			return scriptOfBools(t, s)
		}
	}
	if line >= 1 && line < len(l.lines) {
		switch sc := l.lines[line]; {
		case sc == Traditional || sc == Simplified:
			return sc
		case sc == both && reply == "":
			return Neither // the reply itself is in both
		}
	}
	return l.script
}

// Suggestion returns repl, the replacement a rule prescribes for the match
// old in reply, written on line, as InScript writes it into the library
// (see Suggestion, with the script ScriptOf says and the text's forms).
// ok is false, and repl is returned as the rule wrote it, where InScript
// would not write it.
func (l *Library) Suggestion(line int, reply, old, repl string) (s string, ok bool) {
	k := suggestionKey{l.ScriptOf(line, reply), old, repl}
	if k.sc == Neither {
		return repl, true
	}
	if o, seen := l.written.Load(k); seen {
		o := o.(suggestionOut)
		return o.s, o.ok
	}
	s, ok = suggestion(k.sc, old, repl, l.vs)
	l.written.Store(k, suggestionOut{s, ok})
	return s, ok
}

// both is a line in both scripts at once (Library.lines): Neither to
// callers.
const both Script = 2

// scriptOfBools is the script of a text that has characters only
// Traditional text writes (trad) and only Simplified text writes (simp):
// both when it has both.
func scriptOfBools(trad, simp bool) Script {
	switch {
	case trad && simp:
		return both
	case trad:
		return Traditional
	case simp:
		return Simplified
	}
	return Neither
}
