package check

import (
	"fmt"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/rules"
)

// forbid flags every occurrence of a forbidden phrase or pattern in the
// messages of the rule's roles, with the prescribed replacement if any; at
// most maxPerMessage in one message, the last of them saying how many more
// there are.
type forbid struct {
	info    *lint.RuleInfo
	list    match.ListID
	suggest map[string]suggestion // normalised phrase or match → replacement
	tmpl    string
	all     bool   // no bound on the findings of one message (Options.AllFindings)
	bit     uint64 // listBit(list)
	// sel is the selection key of the rule's messages, slot its slot
	sel  uint16
	slot int
}

func newForbid(b *builder, r *rules.Rule, info *lint.RuleInfo) *forbid {
	f := &forbid{info: info, tmpl: r.Message, suggest: map[string]suggestion{}, all: b.allFindings}
	if f.tmpl == "" {
		f.tmpl = "避免使用「{match}」"
	}
	for k, v := range r.Suggest {
		f.suggest[match.NormalizePhrase(k)] = suggestion{v, match.HasTraditional(v), match.HasSimplifiedForm(v)}
	}
	f.list = b.phraseList(r.Phrases, r.Patterns, r.Except, r.ExceptPatterns, r.Match, info.Roles)
	f.bit = listBit(f.list)
	f.sel = uint16(info.Roles) | selSpoken // as Conv.sel(roles, true)
	f.slot = b.slot(f.sel)
	return f
}

// maxPerMessage bounds a forbid rule's findings in one message. Real chats
// never come near it (three is the most in the JDDC sample); a message of
// thousands of repeats, or a broken export that ran many lines into one
// field, would otherwise make a report of findings × message length bytes,
// since every finding carries its message's text.
const maxPerMessage = lint.MaxFindingsPerMessage

// atMost keeps the first maxPerMessage of one message's occurrences and
// says how many it left out.
func atMost[T any](xs []T) ([]T, int) {
	if len(xs) <= maxPerMessage {
		return xs, 0
	}
	return xs[:maxPerMessage], len(xs) - maxPerMessage
}

// noteMore tells, in the message's last finding, how many more occurrences
// were left out.
func noteMore(out []lint.Finding, more int) {
	if more > 0 {
		out[len(out)-1].Message += fmt.Sprintf("（本条消息另有 %d 处，未逐一列出）", more)
	}
}

func (f *forbid) Info() *lint.RuleInfo { return f.info }
func (f *forbid) Local() bool          { return true }

// Lists returns the rule's phrase list.
func (f *forbid) Lists() []PhraseList {
	return []PhraseList{{Name: "phrases", ID: f.list, Roles: f.info.Roles}}
}

// gate: the rule finds nothing where no message of its selection may
// hold its list (Check's first test).
func (f *forbid) gate() (int, uint16, uint64) { return f.slot, f.sel, f.bit }

func (f *forbid) Check(cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	// the selection at the rule's slot, without a call (selAt)
	var sel []int32
	var may uint64
	if s := cv.slotAt(f.slot, f.sel); s != nil {
		sel, may = s.idx, s.may
	} else {
		sel, may = cv.selKeyMay(f.sel)
	}
	bit := f.bit
	if bit == 0 {
		return f.check(cv, sel, out), ""
	}
	if may&bit == 0 {
		// no message of the conversation may hold the list: most
		// conversations, for most of the rules
		return out, ""
	}
	// read once, and little else kept in the loop: the compiler then keeps
	// it in registers across Text.Hits's call (taken when the message may
	// hold the list)
	texts, list, mays := cv.Texts, f.list, cv.may
	for _, j := range sel {
		// the message's bit, from the masks side by side: most messages
		// cannot hold the list at all (Text.Hits would say so at once,
		// from a field of a larger struct)
		if mays[j]&bit == 0 {
			continue
		}
		if hits := texts[j].Hits(list, cv.hits[:0]); len(hits) > 0 {
			cv.hits = hits // the scratch space, grown
			out = f.findings(cv, int(j), hits, out)
		}
	}
	return out, ""
}

// check is Check for a list without a bit in the masks (listBit).
func (f *forbid) check(cv *Conv, sel []int32, out []lint.Finding) []lint.Finding {
	texts, list := cv.Texts, f.list
	for _, j := range sel {
		// Text.Hits inlined: most messages cannot hold the list at all,
		// and that answer costs no call
		if hits := texts[j].Hits(list, cv.hits[:0]); len(hits) > 0 {
			cv.hits = hits // the scratch space, grown
			out = f.findings(cv, int(j), hits, out)
		}
	}
	return out
}

// renderForbid renders a forbid message: {match} a, {suggest} b.
func renderForbid(k msgKey) string { return render(k.tmpl, tvars{{"match", k.a}, {"suggest", k.b}}) }

// findings appends the rule's findings at message i, whose hits of the
// rule's list are hits (not empty).
func (f *forbid) findings(cv *Conv, i int, hits []match.Hit, out []lint.Finding) []lint.Finding {
	more := 0
	if !f.all {
		hits, more = atMost(hits)
	}
	for k := range hits {
		h := &hits[k]
		sugg := ""
		if len(f.suggest) > 0 { // most rules prescribe no replacement
			sg := f.suggest[match.NormalizePhrase(h.Text)]
			if sg.text == "" && h.Phrase >= 0 {
				sg = f.suggest[match.NormalizePhrase(cv.Texts[i].Matcher().Phrase(f.list, h.Phrase))]
			}
			sugg = sg.text
			if sg.trad || sg.simp && (cv.Texts[i].Traditional() || cv.tradAround(i)) {
				sugg = cv.inScript(i, h.Text, sg.text)
			}
		}
		msg := cv.message(msgKey{tmpl: f.tmpl, a: h.Text, b: sugg}, renderForbid)
		fd := finding(f.info, i, h, msg)
		fd.Suggestion = sugg
		out = append(out, fd)
	}
	noteMore(out, more)
	return out
}
