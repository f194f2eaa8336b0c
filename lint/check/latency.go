package check

import (
	"math"
	"time"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/rules"
)

// latency flags slow answers: the time from the earliest customer message not
// yet answered to the next message of the rule's roles (agents by default;
// bot and system messages are not answers, nor are internal notes or transfer
// events: a chat handed to another agent still waits for its answer) must not
// exceed max. Exactly max is not slow. `ignore` names customer messages that
// need no answer (a closing 好的 or 谢谢): they do not start the wait. It is
// asked only when an answer would be late, not of every message. With
// session_gap, a customer message that comes more than it after the
// message before it starts the wait anew (resumed). The finding is at the
// late answer.
type latency struct {
	info   *lint.RuleInfo
	max    time.Duration
	ignore *cond
	// gap is the rule's session_gap (0: none)
	gap  time.Duration
	tmpl string
	// maxText is max as {max} shows it
	maxText string
	// maxSec is max in whole seconds, rounded down (at most
	// maxElapsedSec): an answer fewer whole seconds after the wait's start
	// (the difference of their Unix seconds) came within max whatever
	// their nanoseconds, which elapsed need not add
	maxSec int64
	// maxWhole: max is maxSec whole seconds, so that an answer maxSec
	// seconds after the wait's start (their Unix seconds) came within max
	// unless its nanoseconds are past the start's (JDDC's times are whole
	// seconds, its answers mostly max after: elapsed was asked of each)
	maxWhole bool
}

func newLatency(b *builder, r *rules.Rule, info *lint.RuleInfo) *latency {
	l := &latency{info: info, max: time.Duration(r.Max), tmpl: r.Message, gap: time.Duration(r.SessionGap)}
	l.maxText = rules.FormatDuration(l.max)
	l.maxSec = max(min(int64(l.max/time.Second), maxElapsedSec), 0)
	if l.max < 0 {
		l.maxSec = math.MinInt64 // (rounded down; no such rule loads)
	}
	l.maxWhole = l.max >= 0 && time.Duration(l.maxSec)*time.Second == l.max
	if r.Ignore != nil {
		cust := lint.RolesOf(lint.Customer)
		l.ignore = b.cond(r.Ignore, cust, cust, true)
	}
	if l.tmpl == "" {
		l.tmpl = "顾客等待{delay}才得到回复（上限{max}）"
	}
	return l
}

func (l *latency) Info() *lint.RuleInfo { return l.info }
func (l *latency) Local() bool          { return false }

// Lists returns the phrase lists of the ignore condition, nested ones
// included (none without one). Only customer messages are ever ignored.
func (l *latency) Lists() []PhraseList {
	return l.ignore.lists("ignore", lint.RolesOf(lint.Customer), nil)
}

func (l *latency) Check(cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	ms := cv.Messages
	skipped := false
	// the tests of each message on its kind (Conv.kinds): asks(m), and
	// whether it answers in a role of the rule other than the customer's
	askBits := uint16(lint.RolesOf(lint.Customer)) | selAnswers
	answerRoles := uint16(l.info.Roles &^ lint.RolesOf(lint.Customer))
	kinds := cv.kindsOf()
	minute, undecided := cv.minuteTimes(), false
	for i := 0; i < len(kinds); i++ {
		// a wait starts at a message that asks; an answer before any
		// (a greeting) ends none
		if kinds[i]&askBits != askBits {
			continue
		}
		pending := i
		// the answer that ends it (the messages that ask meanwhile wait
		// with the first): two tight loops instead of one with the state
		// in a variable
		for i++; i < len(kinds) && (kinds[i]&answerRoles == 0 || kinds[i]&selAnswers == 0); i++ {
		}
		if i == len(kinds) {
			break // never answered
		}
		m := &ms[i]
		if !cv.timed(i) || !cv.timed(pending) {
			// skipped only if a message that is not ignored waited
			if !skipped && (l.ignore == nil || l.start(cv, pending, i) >= 0) {
				skipped = true
			}
			continue
		}
		if minute {
			var decided bool
			if out, decided = l.minuteWait(cv, pending, i, out); !decided {
				undecided = true
			}
			continue
		}
		if s := m.Time.Unix() - ms[pending].Time.Unix(); s < l.maxSec ||
			s == l.maxSec && l.maxWhole && m.Time.Nanosecond() <= ms[pending].Time.Nanosecond() {
			// within max: the delay is under the seconds' difference
			// plus one (most answers, at the cost of two inlined Unix),
			// or it is max's whole seconds and the difference of the
			// nanoseconds, not above 0
			continue
		}
		delay, start := elapsed(m.Time, ms[pending].Time), pending
		if delay > l.max && l.gap > 0 {
			// the customer came back after a silence: the wait is
			// this session's (asked, as ignore is, of a late answer
			// alone: it can only shorten the wait)
			if start = resumed(cv, pending, i, l.gap); start != pending {
				delay = elapsed(m.Time, ms[start].Time)
			}
		}
		if delay > l.max && l.ignore != nil {
			// The wait starts at the first message not ignored. Asked
			// only of a late answer: a wait from a later message is
			// shorter, so an answer in time needs no asking, and an
			// answer to ignored messages alone (不客气 to 谢谢) ends a
			// wait that is not one, as it would have found none.
			if start = l.start(cv, start, i); start >= 0 {
				delay = elapsed(m.Time, ms[start].Time)
			} else {
				delay = 0
			}
		}
		if delay > l.max {
			msg := cv.message(msgKey{tmpl: l.tmpl, b: l.maxText, d: delay}, renderLatency)
			f := finding(l.info, i, nil, msg)
			f.Agent = cv.lateHolder(start, i, l.max)
			out = append(out, f)
		}
	}
	if skipped {
		return out, "no times: reply times not checked"
	}
	if undecided {
		return out, minuteReason("a reply within " + l.maxText)
	}
	return out, ""
}

// minuteWait is Check's test of the wait from pending to its answer i in
// a conversation with times written to the minute (Conv.minuteTimes): a
// finding when the times prove the answer late (judge), none when they
// prove it in time; ok is false when they prove neither.
func (l *latency) minuteWait(cv *Conv, pending, i int, out []lint.Finding) (_ []lint.Finding, ok bool) {
	start := pending
	v := cv.judge(i, start, l.max)
	if v != inLimit && l.gap > 0 {
		if start = resumed(cv, pending, i, l.gap); start != pending {
			v = cv.judge(i, start, l.max)
		}
	}
	if v != inLimit && l.ignore != nil {
		// the wait starts at the first message not ignored (as for
		// times to the second, asked only when it can matter)
		if start = l.start(cv, start, i); start < 0 {
			return out, true
		}
		v = cv.judge(i, start, l.max)
	}
	switch v {
	case inLimit:
		return out, true
	case undecided:
		return out, false
	}
	prefix, d := cv.delayShown(i, start)
	msg := cv.message(msgKey{tmpl: l.tmpl, a: prefix, b: l.maxText, d: d}, renderLatency)
	f := finding(l.info, i, nil, msg)
	f.Agent = cv.lateHolder(start, i, l.max)
	return append(out, f), true
}

// renderLatency renders a latency message: {delay} d (after the words
// a: 超过 for a delay of times written to the minute, Conv.delayShown),
// {max} b.
func renderLatency(k msgKey) string {
	return render(k.tmpl, tvars{{"delay", k.a + delayText(k.d)}, {"max", k.b}})
}

// start returns the first customer message from `from` to `to` (exclusive)
// that the ignore condition does not ignore, or -1.
func (l *latency) start(cv *Conv, from, to int) int {
	return waitStart(cv, l.ignore, from, to)
}

// waitStart returns the first customer message that asks (asks) from `from` to `to`
// (exclusive) that does not meet ignore (nil: ignores nothing), or -1.
func waitStart(cv *Conv, ignore *cond, from, to int) int {
	for k := from; k < to; k++ {
		m := &cv.Messages[k]
		if asks(m) && (ignore == nil || !ignore.holds(cv, k)) {
			return k
		}
	}
	return -1
}

// resumed returns where a wait from `from` that message `to` answers
// starts once the customer came back after a silence longer than gap (a
// rule's session_gap): the last customer message that asks from `from`
// (exclusive) to `to` (exclusive) and comes more than gap after the
// message before it, the customer's or an agent's (what the system or a
// bot logs as the customer comes back, 顾客进入会话 or a welcome, breaks
// no silence); else from. What the customer said before that silence is
// not waited on in this session: chat systems close a session after such
// a silence (a 那我明天再来问问 left unanswered at 21:51 and a new question
// at 09:02 answered at 09:02:15 is a wait of 15 s).
func resumed(cv *Conv, from, to int, gap time.Duration) int {
	ms := cv.Messages
	for k := to - 1; k > from; k-- {
		if !asks(&ms[k]) || !cv.timed(k) {
			continue
		}
		j := k - 1 // (from, a customer's message that asks, ends the walk)
		for j > from && !(answers(&ms[j]) && (ms[j].Role == lint.Customer || ms[j].Role == lint.Agent)) {
			j--
		}
		if cv.timed(j) && elapsed(ms[k].Time, ms[j].Time) > gap {
			return k
		}
	}
	return from
}
