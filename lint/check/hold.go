package check

import (
	"time"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/rules"
)

// hold demands a holding message (请您稍等, 还在为您查询) when a customer
// waits long: if the answer to the earliest unanswered customer message
// comes more than `after` later, a holding message must have come within
// `after` of it (with repeat: every `after` while the customer waits). A
// holding message does not end the wait, nor does a message meeting
// `not_an_answer` (a bare 您好，很高兴为您服务) or a transfer event (the chat
// handed on: 正在为您转接，请稍候 is a holding message, 会话已转接 not even
// that). Customer messages meeting `ignore` (a closing 好的 or 谢谢) do not
// start it; that is asked only when it can change the finding. The finding is
// at the late answer. A wait the conversation ends in, with no answer, is
// measured as far as the messages of the rule's roles in it show it (a
// holding message two minutes after the question, and nothing more): the
// finding is then at the late one. With session_gap, a customer message
// that comes more than it after the message before it starts the wait
// anew, as in latency (resumed).
type hold struct {
	info   *lint.RuleInfo
	list   match.ListID
	after  time.Duration
	repeat bool
	// gap is the rule's session_gap (0: none)
	gap time.Duration
	// ignore: customer messages that need no answer; notAnswer: messages of
	// the rule's roles that are no answer. nil when the rule has none.
	ignore, notAnswer *cond
	tmpl              string
}

func newHold(b *builder, r *rules.Rule, info *lint.RuleInfo) *hold {
	h := &hold{info: info, after: time.Duration(r.After), repeat: r.Repeat, tmpl: r.Message, gap: time.Duration(r.SessionGap)}
	h.list = b.phraseList(r.Phrases, r.Patterns, r.Except, r.ExceptPatterns, r.Match, info.Roles)
	if r.Ignore != nil {
		cust := lint.RolesOf(lint.Customer)
		h.ignore = b.cond(r.Ignore, cust, cust, true)
	}
	if r.NotAnAnswer != nil {
		h.notAnswer = b.cond(r.NotAnAnswer, h.answerRoles(), h.answerRoles(), true)
	}
	if h.tmpl == "" {
		// name a holding message of this rule: 请您稍等 is none for a
		// rule that holds with 稍候
		h.tmpl = "顾客等待{delay}，超过{after}却没有先发安抚消息"
		if len(r.Phrases) > 0 {
			h.tmpl = "顾客等待{delay}，超过{after}却没有先发「" + r.Phrases[0] + "」之类的安抚消息"
		}
	}
	return h
}

func (h *hold) Info() *lint.RuleInfo { return h.info }
func (h *hold) Local() bool          { return false }

// answerRoles are the roles whose messages answer (or hold): the rule's,
// never the customer's.
func (h *hold) answerRoles() lint.RoleSet { return h.info.Roles &^ lint.RolesOf(lint.Customer) }

// Lists returns the holding phrases and the lists of the ignore and
// not_an_answer conditions, nested ones included.
func (h *hold) Lists() []PhraseList {
	out := []PhraseList{{Name: "phrases", ID: h.list, Roles: h.info.Roles}}
	out = h.ignore.lists("ignore", lint.RolesOf(lint.Customer), out)
	return h.notAnswer.lists("not_an_answer", h.answerRoles(), out)
}

func (h *hold) Check(cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	ms := cv.Messages
	pending := -1
	var holds []int // the holding messages of the wait
	seen := -1      // the last message of the rule's roles in the wait
	skipped := false
	minute, undecided := cv.minuteTimes(), false
	for i := range ms {
		m := &ms[i]
		switch {
		case asks(m):
			if pending < 0 {
				pending, holds, seen = i, holds[:0], -1
			}
		case h.info.Roles.Has(m.Role) && m.Role != lint.Customer && spoken(m) && pending >= 0:
			if !cv.timed(i) || !cv.timed(pending) {
				// skipped only if a message that is not ignored waited
				if !skipped && (h.ignore == nil || waitStart(cv, h.ignore, pending, i) >= 0) {
					skipped = true
				}
				pending = -1
				continue
			}
			seen = i
			if cv.Texts[i].Has(h.list) {
				holds = append(holds, i)
				continue
			}
			if !answers(m) || (h.notAnswer != nil && h.notAnswer.holds(cv, i)) {
				continue // a transfer, or a message that answers nothing
			}
			if h.gap > 0 {
				// the customer came back after a silence: the wait,
				// and its holding messages, are this session's
				if k := resumed(cv, pending, i, h.gap); k != pending {
					pending, holds = k, holdsFrom(holds, k)
				}
			}
			start := pending
			if minute {
				var decided bool
				if out, decided = h.minuteAnswer(cv, pending, holds, i, out); !decided {
					undecided = true
				}
				pending = -1
				continue
			}
			if h.ignore != nil && (len(holds) > 0 || elapsed(m.Time, ms[pending].Time) > h.after) {
				// The wait starts at the first message not ignored, and
				// only the holding messages after it count. Asked only
				// when it can matter: without holding messages, a wait
				// from a later message is shorter, so an answer in time
				// needs no asking.
				start = waitStart(cv, h.ignore, pending, i)
				holds = holdsFrom(holds, start)
			}
			if start >= 0 {
				if gap := h.longestGap(ms, ms[start].Time, holds, m.Time); gap > h.after {
					vars := tvars{{"delay", delayText(elapsed(m.Time, ms[start].Time))}, {"after", rules.FormatDuration(h.after)}}
					f := finding(h.info, i, nil, render(h.tmpl, vars))
					f.Agent = h.lateHolder(cv, start, holds, h.longestEnd(ms, start, holds, i))
					out = append(out, f)
				}
			}
			pending = -1
		}
	}
	if pending >= 0 && seen >= 0 && h.gap > 0 {
		// (as for an answered wait)
		if k := resumed(cv, pending, seen, h.gap); k != pending {
			pending, holds = k, holdsFrom(holds, k)
		}
	}
	if pending >= 0 && seen >= 0 && minute {
		var decided bool
		if out, decided = h.minuteUnanswered(cv, pending, holds, seen, out); !decided {
			undecided = true
		}
	} else if pending >= 0 && seen >= 0 {
		// no answer came: the wait as far as the messages seen show it
		start := pending
		if h.ignore != nil {
			start = waitStart(cv, h.ignore, pending, seen)
			holds = holdsFrom(holds, start)
		}
		if start >= 0 {
			if late := h.lateMessage(ms, ms[start].Time, holds, seen); late >= 0 {
				vars := tvars{{"delay", delayText(elapsed(ms[late].Time, ms[start].Time))}, {"after", rules.FormatDuration(h.after)}}
				f := finding(h.info, late, nil, render(h.tmpl, vars))
				f.Agent = h.lateHolder(cv, start, holds, late)
				out = append(out, f)
			}
		}
	}
	if skipped {
		return out, "no times: holding messages not checked"
	}
	if undecided {
		return out, minuteReason("a holding message within " + rules.FormatDuration(h.after))
	}
	return out, ""
}

// minuteAnswer is Check's test of a wait from pending, with the holding
// messages holds, that answer i ended, in a conversation with times
// written to the minute (Conv.minuteTimes): a finding when the times
// prove a stretch of it without a holding message longer than after
// (judge), none when they prove every stretch that counts within it; ok
// is false when they prove neither.
func (h *hold) minuteAnswer(cv *Conv, pending int, holds []int, i int, out []lint.Finding) (_ []lint.Finding, ok bool) {
	start := pending
	if h.ignore != nil && (len(holds) > 0 || cv.judge(i, pending, h.after) != inLimit) {
		// as for times to the second (Check)
		start = waitStart(cv, h.ignore, pending, i)
		holds = holdsFrom(holds, start)
	}
	if start < 0 {
		return out, true
	}
	v, late := h.minuteStretches(cv, start, holds, i)
	switch v {
	case inLimit:
		return out, true
	case undecided:
		return out, false
	}
	f := h.minuteFinding(cv, start, i)
	f.Agent = h.lateHolder(cv, start, holds, late)
	return append(out, f), true
}

// minuteUnanswered is Check's test of a wait from pending that no answer
// ended (see lateMessage), in a conversation with times written to the
// minute: the finding is at the end of the stretch the times prove
// longest over after, if any; ok is false when none is proved over, and
// some may be.
func (h *hold) minuteUnanswered(cv *Conv, pending int, holds []int, seen int, out []lint.Finding) (_ []lint.Finding, ok bool) {
	start := pending
	if h.ignore != nil {
		start = waitStart(cv, h.ignore, pending, seen)
		holds = holdsFrom(holds, start)
	}
	if start < 0 {
		return out, true
	}
	// the stretches end at the holding messages and at seen, as in
	// lateMessage; no answer ends the last
	if len(holds) > 0 && (!h.repeat || seen <= holds[len(holds)-1]) {
		seen = -1
	}
	v, late := h.minuteStretches(cv, start, holds, seen)
	switch v {
	case inLimit:
		return out, true
	case undecided:
		return out, false
	}
	f := h.minuteFinding(cv, start, late)
	f.Agent = h.lateHolder(cv, start, holds, late)
	return append(out, f), true
}

// minuteStretches judges the stretches of a wait from start without a
// holding message against after (Conv.judge): from start to the first of
// holds, and, if the rule repeats, between the holding messages and from
// the last to end (-1: none); without holds, the one stretch is from
// start to end (as longestGap and lateMessage measure them). v is
// overLimit when some stretch is proved over after (late: the end of the
// longest such), else undecided when some may be, else inLimit.
func (h *hold) minuteStretches(cv *Conv, start int, holds []int, end int) (v verdict, late int) {
	v, late = inLimit, -1
	var longest time.Duration
	prev := start
	stretch := func(k int) {
		switch cv.judge(k, prev, h.after) {
		case overLimit:
			if d := elapsed(cv.Messages[k].Time, cv.Messages[prev].Time); late < 0 || d > longest {
				late, longest = k, d
			}
			v = overLimit
		case undecided:
			if v == inLimit {
				v = undecided
			}
		}
		prev = k
	}
	for n, k := range holds {
		if n > 0 && !h.repeat {
			return v, late
		}
		stretch(k)
	}
	if end >= 0 && (len(holds) == 0 || h.repeat) {
		stretch(end)
	}
	return v, late
}

// minuteFinding is a hold finding at message at, late, for a wait from
// start, its {delay} what times written to the minute prove of it
// (Conv.delayShown).
func (h *hold) minuteFinding(cv *Conv, start, at int) lint.Finding {
	prefix, d := cv.delayShown(at, start)
	vars := tvars{{"delay", prefix + delayText(d)}, {"after", rules.FormatDuration(h.after)}}
	return finding(h.info, at, nil, render(h.tmpl, vars))
}

// lateMessage is longestGap for a wait from start that no answer ended:
// the stretches end at the holding messages (holds) and at seen, the last
// message of the rule's roles in the wait (a late holding message, a bare
// greeting, a transfer). It returns the message ending the longest
// stretch when that is longer than after, else -1: only the first stretch
// counts, unless the rule repeats.
func (h *hold) lateMessage(ms []lint.Message, start time.Time, holds []int, seen int) int {
	late, longest, prev := -1, h.after, start
	stretch := func(k int) {
		if d := elapsed(ms[k].Time, prev); d > longest {
			late, longest = k, d
		}
		prev = ms[k].Time
	}
	for n, k := range holds {
		if n > 0 && !h.repeat {
			return late
		}
		stretch(k)
	}
	if len(holds) == 0 || (h.repeat && seen > holds[len(holds)-1]) {
		stretch(seen)
	}
	return late
}

// longestGap is the longest stretch of the wait from start to answer without
// a holding message (holds: their indexes): only the first stretch, unless
// the rule repeats.
func (h *hold) longestGap(ms []lint.Message, start time.Time, holds []int, answer time.Time) time.Duration {
	if len(holds) == 0 {
		return elapsed(answer, start)
	}
	if !h.repeat {
		return elapsed(ms[holds[0]].Time, start)
	}
	gap, prev := time.Duration(0), start
	for _, k := range holds {
		gap = max(gap, elapsed(ms[k].Time, prev))
		prev = ms[k].Time
	}
	return max(gap, elapsed(answer, prev))
}

// longestEnd is the message ending the stretch longestGap measures for
// the wait from start to answer (the first holding message, unless the
// rule repeats; the answer when there is none).
func (h *hold) longestEnd(ms []lint.Message, start int, holds []int, answer int) int {
	if len(holds) == 0 {
		return answer
	}
	if !h.repeat {
		return holds[0]
	}
	end, gap, prev := answer, time.Duration(-1), start
	for _, k := range append(holds[:len(holds):len(holds)], answer) {
		if d := elapsed(ms[k].Time, ms[prev].Time); d > gap {
			end, gap = k, d
		}
		prev = k
	}
	return end
}

// lateHolder is Conv.lateHolder for the stretch of a wait from start (with
// the holding messages holds) that ends at message end, late: from the
// holding message before it, or the start.
func (h *hold) lateHolder(cv *Conv, start int, holds []int, end int) string {
	from := start
	for _, k := range holds {
		if k < end {
			from = k
		}
	}
	return cv.lateHolder(from, end, h.after)
}

// holdsFrom is holds (message indexes, ascending) without those before
// start, where the wait begins.
func holdsFrom(holds []int, start int) []int {
	k := 0
	for k < len(holds) && holds[k] < start {
		k++
	}
	return holds[k:]
}
