package check

import (
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/rules"
)

// require demands a phrase in a reply: in the first reply (at: first-reply),
// the last one (at: last-reply) or anywhere in the conversation, optionally
// within a time of the customer's first (or, for last-reply, last) message.
// Replies are what the rule's roles say to the customer: not internal notes,
// nor transfer events (the first reply is the first real one), nor, where
// another reply has words, a reply without text (a sticker or picture).
// A missing phrase is a finding at the customer message that started the
// obligation; a late reply is a finding at that reply.
type require struct {
	info    *lint.RuleInfo
	list    match.ListID
	at      string
	within  time.Duration
	tmpl    string
	phrases string
	// key names, in a msgKey, what the rule's messages are rendered with
	// besides the template and the reply: {phrases}, {at}, {within}
	key string
}

// requireMsg is msgKey.d of a require message: no latency renders one
// (its delay is over a maximum), nor forbid (0).
const requireMsg = time.Duration(math.MinInt64)

func newRequire(b *builder, r *rules.Rule, info *lint.RuleInfo) *require {
	q := &require{info: info, at: r.At, within: time.Duration(r.Within), tmpl: r.Message}
	q.list = b.phraseList(r.Phrases, r.Patterns, r.Except, r.ExceptPatterns, r.Match, info.Roles)
	ph := r.Phrases
	if len(ph) > 3 {
		ph = ph[:3]
	}
	q.phrases = strings.Join(ph, "、")
	q.key = q.phrases + "\x00" + q.at + "\x00" + q.within.String()
	return q
}

func (q *require) Info() *lint.RuleInfo { return q.info }
func (q *require) Local() bool          { return false }

// Lists returns the rule's phrase list.
func (q *require) Lists() []PhraseList {
	return []PhraseList{{Name: "phrases", ID: q.list, Roles: q.info.Roles}}
}

func (q *require) Check(cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	ms, kinds := cv.Messages, cv.kindsOf()
	// on the kinds (Conv.kinds): a reply is a message of the rule's roles
	// that answers; the customer's messages that ask are the anchors
	replyRoles, askBits := uint16(q.info.Roles), uint16(lint.RolesOf(lint.Customer))|selAnswers
	isReply := func(i int) bool { return kinds[i]&replyRoles != 0 && kinds[i]&selAnswers != 0 }
	isCustomer := func(i int) bool { return kinds[i]&askBits == askBits }
	// a reply with words: a picture or sticker exported without text
	// (Weibo's empty utterance, a lost emoji) says nothing the rule could
	// look for, so the first and the last reply are the first and the
	// last with words in them, where there is one
	hasWords := func(i int) bool { return isReply(i) && !blank(ms[i].Text) }
	anchor, target := -1, -1
	switch q.at {
	case rules.AtFirstReply:
		anchor, target = first(len(ms), isCustomer), first(len(ms), hasWords)
		if target < 0 {
			target = first(len(ms), isReply)
		}
	case rules.AtLastReply:
		anchor, target = last(len(ms), isCustomer), last(len(ms), hasWords)
		if target < 0 {
			target = last(len(ms), isReply)
		}
	default:
		anchor = first(len(ms), isCustomer)
		target = first(len(ms), func(i int) bool { return isReply(i) && cv.Texts[i].Has(q.list) })
	}
	if anchor < 0 && target < 0 {
		return out, ""
	}
	// the values of tmpl's placeholders, the built ones ({within},
	// {reply}) worked out only when tmpl has them
	// (appended to v: the caller's array on its stack, [5]tvar, with
	// room for every placeholder)
	vars := func(v tvars, tmpl string) tvars {
		v = append(v, tvar{"phrases", q.phrases}, tvar{"at", q.at})
		if strings.Contains(tmpl, "{within}") {
			v = append(v, tvar{"within", rules.FormatDuration(q.within)})
		}
		if target >= 0 && strings.Contains(tmpl, "{reply}") {
			v = append(v, tvar{"reply", excerpt(ms[target].Text, replyRunes)})
		}
		return v
	}
	// a reply without text (a picture or sticker exported without it) is
	// named as such, not quoted as 「」
	noText := func(tmpl string) string {
		if target < 0 || !strings.Contains(tmpl, "{reply}") || !blank(ms[target].Text) {
			return tmpl
		}
		tmpl = strings.ReplaceAll(tmpl, "「{reply}」", noTextReply)
		return strings.ReplaceAll(tmpl, "{reply}", noTextReply)
	}
	if target < 0 || (q.at != "" && !cv.Texts[target].Has(q.list)) {
		// the message that started the obligation: the customer's first
		// message, unless the agent spoke first; for a closing, the last reply
		at := anchor
		if at < 0 || (target >= 0 && (target < anchor || q.at == rules.AtLastReply)) {
			at = target
		}
		tmpl := q.tmpl
		if tmpl == "" {
			switch q.at {
			case rules.AtFirstReply:
				tmpl = "首次回复缺少规定用语（如「{phrases}」）"
			case rules.AtLastReply:
				tmpl = "最后一条回复缺少规定用语（如「{phrases}」）"
			default:
				tmpl = "会话中缺少规定用语（如「{phrases}」）"
			}
		}
		if target < 0 && q.at != "" && (q.tmpl == "" || strings.Contains(tmpl, "{reply}")) {
			// no reply at all: a message about the reply cannot tell it
			tmpl = "没有客服回复，缺少规定用语（如「{phrases}」）"
		}
		msg := tmpl // a template without placeholders is the message
		if strings.IndexByte(tmpl, '{') >= 0 {
			tmpl = noText(tmpl)
			// rendered once for the rule and the reply it quotes (the
			// same greeting opens conversation after conversation):
			// the key is everything vars gives
			k := msgKey{tmpl: tmpl, b: q.key, d: requireMsg}
			if target >= 0 && strings.Contains(tmpl, "{reply}") {
				k.a = ms[target].Text
			}
			msg = cv.message(k, func(k msgKey) string {
				var vb [5]tvar
				return render(k.tmpl, vars(vb[:0], k.tmpl))
			})
		}
		return append(out, finding(q.info, at, nil, msg)), ""
	}
	if q.within <= 0 || anchor < 0 {
		return out, ""
	}
	if !cv.timed(anchor) || !cv.timed(target) {
		return out, "no times: within " + rules.FormatDuration(q.within) + " not checked"
	}
	prefix, delay := "", elapsed(ms[target].Time, ms[anchor].Time)
	if cv.minuteTimes() && target > anchor {
		// times written to the minute: late only when they prove it (a
		// reply before the anchor, a closing before the customer's last
		// word, is not late, as its delay is not above 0)
		switch cv.judge(target, anchor, q.within) {
		case inLimit:
			return out, ""
		case undecided:
			return out, minuteReason("within " + rules.FormatDuration(q.within))
		}
		prefix, delay = cv.delayShown(target, anchor)
	} else if delay <= q.within {
		return out, ""
	}
	tmpl := q.tmpl
	if tmpl == "" {
		tmpl = "规定用语在顾客来信{delay}后才出现（应在{within}内）"
	}
	tmpl = noText(tmpl)
	var vb [5]tvar
	v := vars(vb[:0], tmpl)
	if strings.Contains(tmpl, "{delay}") {
		v = append(v, tvar{"delay", prefix + delayText(delay)})
	}
	var hb [1]match.Hit
	hits := cv.Texts[target].Hits(q.list, hb[:0])
	var hit *match.Hit
	if len(hits) > 0 {
		hit = &hits[0]
	}
	f := finding(q.info, target, hit, render(tmpl, v))
	f.Agent = cv.lateHolder(anchor, target, q.within)
	return append(out, f), ""
}

// replyRunes is how much of a reply {reply} shows.
const replyRunes = 20

// noTextReply stands for {reply} (and the 「」 around it) when the reply
// has no text.
const noTextReply = "（无文字）"

// excerpt is the start of text for a message template: its first n
// characters, with runs of white space (line breaks too) as one space and
// "…" when it goes on. It is strings.Join(strings.Fields(text), " ") cut
// after n characters (TestExcerptAgreesWithFields), built only as far as
// it is shown, without splitting the whole text.
func excerpt(text string, n int) string {
	// the plain characters it starts with (plainAt), at most n: the usual
	// reply is plain up to the cut and is shown as it is, without copying
	// it character by character
	i := 0
	for ; n > 0 && i < len(text); n-- {
		c := text[i]
		if c-0xe4 <= 0xef-0xe4 && c != 0xed && i+2 < len(text) && text[i+1]&0xc0 == 0x80 && text[i+2]&0xc0 == 0x80 {
			i += 3 // a Chinese character, inline (plainAt)
			continue
		}
		size := plainAt(text, i)
		if size == 0 {
			break
		}
		i += size
	}
	switch {
	case i == len(text):
		return text
	case n == 0 && plainAt(text, i) > 0:
		return text[:i] + ellipsis // more follows
	}
	// from the first character that is not plain on: one allocation, what
	// is shown being at most the text (a gap of white space is one byte),
	// and at most n characters more, then "…"
	var b strings.Builder
	b.Grow(i + min(len(text)-i, n*utf8.UTFMax) + len(ellipsis))
	b.WriteString(text[:i])
	gap := false // white space since the last word written
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			gap = b.Len() > 0
			i += size
			continue
		}
		// the next character shown: the space of a gap, then this one
		if gap {
			if n == 0 {
				b.WriteString(ellipsis)
				return b.String()
			}
			b.WriteByte(' ')
			n--
			gap = false
		}
		if n == 0 {
			b.WriteString(ellipsis)
			return b.String()
		}
		b.WriteString(text[i : i+size]) // as written, invalid bytes too
		n--
		i += size
	}
	return b.String()
}

// blank reports whether text is empty or white space only
// (strings.TrimSpace(text) == ""), at once for a text that starts with a
// plain character (plainAt).
func blank(text string) bool {
	if text != "" && plainAt(text, 0) > 0 {
		return false
	}
	return strings.TrimSpace(text) == ""
}

// ellipsis ends an excerpt that does not show all of its text.
const ellipsis = "…"

// first returns the first index below n satisfying ok, or -1.
func first(n int, ok func(int) bool) int {
	for i := 0; i < n; i++ {
		if ok(i) {
			return i
		}
	}
	return -1
}

// last returns the last index below n satisfying ok, or -1.
func last(n int, ok func(int) bool) int {
	for i := n - 1; i >= 0; i-- {
		if ok(i) {
			return i
		}
	}
	return -1
}
