package check

import (
	"math"
	"strings"
	"time"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/rules"
)

// followup demands that a trigger (a customer asking to change an order, an
// order event) is followed by an expected message (an order note, an agent
// phrase) within a time and/or a number of messages — or, with look: before,
// preceded by one. `occurrence` picks which triggers count (every, first,
// last, the Nth); an `unless` message after the trigger (a payment, before
// the reminder was due) cancels the obligation; an `opening_expect` message
// answers, as an expected one does, a trigger that opened the chat (came
// before any reply of the expect's roles; a message of the trigger's own
// role replies to none, nor does one sent before that role said anything
// that meets opening_expect itself: a shop's welcome).
// A missing follow-up is a finding at the trigger message (an absence is
// where the obligation started); a late one is a slow reply, at the late
// message, as latency and a require with within have it (with look: before,
// the later of the two is the trigger).
type followup struct {
	info           *lint.RuleInfo
	trigger        *cond
	expect         *cond
	unless         *cond
	within         time.Duration
	withinMessages int
	before         bool
	occurrence     int // 0 every, -1 last, N the Nth
	tmpl           string
	// typed: the expected message has a type (a note, an order event),
	// which an untyped conversation cannot show (lint.Conversation.Untyped)
	typed bool
	// values are, in a msgKey (b), the rule's {within} and {limit}, apart
	// by a NUL (renderFollowup)
	values string
	// opening answers a trigger that opened the chat, one before the
	// first reply to it of the expect's roles (firstReplies), as expect does
	// (opening_expect); nil: none
	opening *cond
}

// msgKey.d of a followup's message about a missing follow-up, whose
// {match} is a (the trigger's phrase), or the type a names.
const (
	followupHit  = time.Duration(math.MinInt64 + 1)
	followupType = time.Duration(math.MinInt64 + 2)
)

// renderFollowup renders a followup's message about a missing follow-up
// (see followupHit): {match}, {within} and {limit}.
func renderFollowup(k msgKey) string {
	what := k.a
	if k.d == followupType {
		what = "[" + k.a + "]"
	}
	within, limit, _ := strings.Cut(k.b, "\x00")
	return render(k.tmpl, tvars{{"match", what}, {"within", within}, {"limit", limit}})
}

func newFollowup(b *builder, r *rules.Rule, info *lint.RuleInfo) *followup {
	occ, _ := rules.ParseOccurrence(r.Occurrence)
	f := &followup{info: info, within: time.Duration(r.Within), withinMessages: r.WithinMessages,
		before: r.Look == "before", occurrence: occ, tmpl: r.Message, typed: r.Expect.Type != ""}
	f.values = rules.FormatDuration(f.within) + "\x00" + itoa(f.withinMessages)
	trig := roleSet(r.Trigger.Role, lint.RolesOf(lint.Customer))
	f.trigger = b.cond(r.Trigger, trig, trig, true)
	f.trigger.useSlot(b)
	exp := roleSet(r.Expect.Role, lint.RolesOf(lint.Agent))
	f.expect = b.cond(r.Expect, exp, exp, true)
	if r.Unless != nil {
		f.unless = b.cond(r.Unless, lint.AnyRole, lint.AnyRole, true)
	}
	if r.OpeningExpect != nil {
		roles := roleSet(r.OpeningExpect.Role, f.expect.roles)
		f.opening = b.cond(r.OpeningExpect, roles, roles, true)
	}
	info.Roles = f.trigger.roles
	return f
}

func (f *followup) Info() *lint.RuleInfo { return f.info }

// Local is true for a followup that looks back from an agent's message
// for a customer's words that would excuse it (retail/bare-no: a bare 没有
// is "not at all" after thanks): it applies to a canned-reply library too,
// where a reply is sent as it is, with no customer's message before it,
// so each trigger there is a finding. Any other followup needs the
// conversation's order, and so does one looking back for a bot's or the
// system's message, or a message of a type (an order event, a note),
// which a library cannot hold either: every reply that says 已为您退款
// would be a finding there.
func (f *followup) Local() bool {
	return f.before && !f.typed && !f.trigger.roles.Has(lint.Customer) &&
		f.expect.roles == lint.RolesOf(lint.Customer)
}

// Lists returns the phrase lists of the trigger, expect, unless and
// opening_expect conditions, nested ones included.
func (f *followup) Lists() []PhraseList {
	out := f.trigger.lists("trigger", lint.AnyRole, nil)
	out = f.expect.lists("expect", lint.AnyRole, out)
	out = f.unless.lists("unless", lint.AnyRole, out)
	return f.opening.lists("opening_expect", lint.AnyRole, out)
}

// openedAt holds, for each role a trigger may have, the index of the
// first reply to a trigger of that role (followup.firstReplies): a trigger
// before it opened the chat.
type openedAt [lint.System + 1]int

// opens reports whether trigger i opened the chat: came before the first
// reply to a message of its role.
func (o *openedAt) opens(cv *Conv, i int) bool {
	r := int(cv.Messages[i].Role)
	return r < len(o) && i < o[r]
}

// openingMemo returns, for a rule with opening_expect, where the opening
// ends for each trigger role (openedAt) and a memo of opening_expect (slot
// 2) when some trigger of idx opened the chat; else no opening and no memo.
func (f *followup) openingMemo(cv *Conv, idx []int) (openedAt, condMemo) {
	if f.opening == nil {
		return openedAt{}, condMemo{}
	}
	opening := cv.memo(2, f.opening)
	o := f.firstReplies(cv, opening)
	for _, i := range idx {
		if o.opens(cv, i) {
			return o, opening
		}
	}
	return openedAt{}, condMemo{}
}

// firstReplies returns, for each role of the trigger's, the index of the
// conversation's first message that replies to a message of that role: a
// message of the expect's roles that answers (said, not a note nor a
// transfer event) and is not of that role, as a message of the trigger's
// own role replies to none (a customer's next message is no reply to the
// customer, where expect's roles include customer); the number of messages
// when none does. One sent before that role said anything replies to
// nothing where it meets opening (opening_expect) itself: it is the kind
// of message that opens a chat, a shop's automatic welcome before the
// customer writes (您好，欢迎光临 → 唔该 → 你好，有咩可以帮到你？ still
// opens the chat), while any other, a notice the agent sent first
// (您的订单已发货 → 好，唔该), is what the trigger answers.
func (f *followup) firstReplies(cv *Conv, opening condMemo) openedAt {
	var o openedAt
	n := len(cv.Messages)
	todo := f.trigger.roles // the roles without a reply yet
	var said lint.RoleSet   // the roles that have said something
	for r := range o {
		o[r] = n
	}
	for j := range cv.Messages {
		m := &cv.Messages[j]
		if !answers(m) {
			continue
		}
		if f.expect.roles.Has(m.Role) {
			for r := lint.Customer; r <= lint.System; r++ {
				if r == m.Role || !todo.Has(r) || (!said.Has(r) && opening.holds(j)) {
					continue
				}
				o[r] = j
				todo &^= lint.RolesOf(r)
			}
			if todo == 0 {
				break
			}
		}
		said |= lint.RolesOf(m.Role)
	}
	return o
}

// triggers returns the trigger messages that create an obligation, in the
// Conv's scratch space (valid until the next call). Only the candidates
// (cond.candidates) are evaluated, and without the hit each was triggered
// by: most triggers are followed up, and their hits are never shown
// (trigHit works it out for a finding).
func (f *followup) triggers(cv *Conv) []int {
	idx := cv.trig[:0]
	cv.cands = f.trigger.candidates(cv, cv.cands[:0])
	if f.trigger.settled {
		// candidates asked the trigger's list already
		for _, j := range cv.cands {
			idx = append(idx, int(j))
		}
	} else {
		for _, j := range cv.cands {
			if ok, _ := f.trigger.evalNeed(cv, int(j), false); ok {
				idx = append(idx, int(j))
			}
		}
	}
	cv.trig = idx
	switch {
	case f.occurrence == 0 || len(idx) == 0:
		return idx
	case f.occurrence == -1:
		return idx[len(idx)-1:]
	case f.occurrence <= len(idx):
		n := f.occurrence - 1
		return idx[n : n+1]
	}
	return nil
}

// trigHit returns the hit trigger message i (one of triggers') was
// triggered by: what evaluating the trigger with its hit gives.
func (f *followup) trigHit(cv *Conv, i int) *match.Hit {
	_, hit := f.trigger.evalNeed(cv, i, true)
	return hit
}

// gate: no trigger, no finding and no reason, where no message of the
// trigger's selection may hold its gate (cond.candidates' first test).
func (f *followup) gate() (int, uint16, uint64) {
	return f.trigger.slot, f.trigger.sel, f.trigger.gateBits
}

func (f *followup) Check(cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	ms := cv.Messages
	reason := ""
	idx := f.triggers(cv)
	if len(idx) == 0 {
		return out, reason
	}
	if f.typed && cv.Untyped {
		// every trigger would be a finding, whatever the agent did
		return out, "the export has no message types: no " + f.expect.typ + " message can follow"
	}
	// the searches from several triggers look at the same messages
	expect := cv.memo(0, f.expect)
	var unless condMemo
	if f.unless != nil {
		unless = cv.memo(1, f.unless)
	}
	// triggers before the first reply opened the chat: opening_expect
	// answers them too
	opened, opening := f.openingMemo(cv, idx)
	// many triggers in a long conversation: answered in one pass, not by
	// a scan per trigger
	var scan *followupScan
	if len(idx) > 1 && len(idx)*len(ms) > scanAbove {
		scan = newFollowupScan(f, cv, idx, expect, unless, opened, opening)
	}
	for _, i := range idx {
		var hit *match.Hit // the trigger's, worked out for a finding (trigHit)
		// the values of tmpl's placeholders, each worked out only when
		// tmpl has it (most are strings built for the purpose)
		var vb [4]tvar // on the stack: room for every placeholder
		vars := func(tmpl string) tvars {
			v := vb[:0]
			if strings.Contains(tmpl, "{match}") {
				what := "[" + ms[i].Type + "]"
				if hit != nil {
					what = hit.Text
				}
				v = append(v, tvar{"match", what})
			}
			if strings.Contains(tmpl, "{within}") {
				v = append(v, tvar{"within", rules.FormatDuration(f.within)})
			}
			if strings.Contains(tmpl, "{limit}") {
				v = append(v, tvar{"limit", itoa(f.withinMessages)})
			}
			return v
		}
		var found int
		var void, timedOut bool
		if scan != nil {
			found, void, timedOut = scan.search(i, expect)
		} else if opened.opens(cv, i) {
			found, void, timedOut = f.search(cv, i, expect, unless, opening)
		} else {
			found, void, timedOut = f.search(cv, i, expect, unless, condMemo{})
		}
		if void {
			// cancelled by message found: in time, unless the times to
			// tell are missing
			switch {
			case f.within <= 0:
			case !cv.timed(i) || !cv.timed(found):
				reason = "no times: within " + rules.FormatDuration(f.within) + " not checked"
			case cv.minuteTimes() && cv.judge(found, i, f.within) == undecided:
				// times written to the minute, which cannot tell
				// whether it came in time: no finding, but not checked
				reason = minuteReason("within " + rules.FormatDuration(f.within))
			}
			continue
		}
		tmpl := f.tmpl
		if found < 0 {
			if tmpl == "" {
				tmpl = f.missingMessage(timedOut)
			}
			hit = f.trigHit(cv, i)
			// rendered once for the rule, the template and the phrase
			// (the key holds all vars gives)
			k := msgKey{tmpl: tmpl, a: ms[i].Type, b: f.values, d: followupType}
			if hit != nil {
				k.a, k.d = hit.Text, followupHit
			}
			fd := finding(f.info, i, hit, cv.message(k, renderFollowup))
			if f.within > 0 && !f.before && !timedOut {
				// due within a time: held, as a late answer is, against
				// the agent who held the chat when it fell due, should
				// it be handed on after that (Conv.lateHolder)
				fd.Agent = cv.lateHolder(i, len(ms), f.within)
			}
			out = append(out, fd)
			continue
		}
		if f.within <= 0 {
			continue
		}
		if !cv.timed(i) || !cv.timed(found) {
			reason = "no times: within " + rules.FormatDuration(f.within) + " not checked"
			continue
		}
		prefix, delay := "", elapsed(ms[found].Time, ms[i].Time)
		late := false
		if f.before {
			delay = -delay
		}
		if cv.minuteTimes() {
			// times written to the minute: late only when they prove it
			from, to := i, found
			if f.before {
				from, to = found, i
			}
			switch cv.judge(to, from, f.within) {
			case overLimit:
				late = true
				prefix, delay = cv.delayShown(to, from)
			case undecided:
				reason = minuteReason("within " + rules.FormatDuration(f.within))
			}
		} else {
			late = delay > f.within
		}
		if late {
			if tmpl == "" {
				tmpl = "「{match}」之后的跟进用了{delay}（应在{within}内）"
				if f.before {
					tmpl = "「{match}」之前的准备在{delay}前（应在{within}内）"
				}
			}
			hit = f.trigHit(cv, i)
			vars := vars(tmpl)
			if strings.Contains(tmpl, "{delay}") {
				vars = append(vars, tvar{"delay", prefix + delayText(delay)})
			}
			at, agent := i, ""
			if !f.before {
				// the late message, with the phrase of it that the
				// expect found (a 付款 in the late reminder), held
				// against whom a late answer is (Conv.lateHolder)
				at = found
				var ok bool
				if ok, hit = f.expect.eval(cv, found); !ok && opened.opens(cv, i) {
					_, hit = f.opening.eval(cv, found)
				}
				agent = cv.lateHolder(i, found, f.within)
			}
			fd := finding(f.info, at, hit, render(tmpl, vars))
			fd.Agent = agent
			out = append(out, fd)
		}
	}
	return out, reason
}

// scanAbove is the work (triggers × messages) above which a followup
// answers its triggers with a followupScan.
const scanAbove = 4096

// search looks for the expected message from trigger i in the rule's
// direction. found is its index (-1: none in the window); void is true when
// an `unless` message cancelled the obligation in time (found is then that
// message); timedOut says the message window ran out. expect and unless answer for the rule's conditions,
// and opening (for a trigger that opened the chat; without a condition, none) as expect does.
func (f *followup) search(cv *Conv, i int, expect, unless, opening condMemo) (found int, void, timedOut bool) {
	ms := cv.Messages
	step, end := 1, len(ms)
	if f.before {
		step, end = -1, -1
	}
	seen := 0
	for j := i + step; j != end; j += step {
		if !f.before && f.unless != nil {
			if unless.holds(j) {
				// cancelled, unless the deadline had already passed
				// (as the times prove: Conv.provedOver)
				late := f.within > 0 && cv.timed(i) && cv.timed(j) && cv.provedOver(j, i, f.within)
				if !late {
					return j, true, false
				}
				return -1, false, false
			}
		}
		if f.inWindow(&ms[j]) {
			seen++
			if f.withinMessages > 0 && seen > f.withinMessages {
				return -1, false, true
			}
		}
		if expect.holds(j) || (opening.c != nil && opening.holds(j)) {
			return j, false, false
		}
	}
	return -1, false, false
}

// inWindow reports whether a message counts toward within_messages: a
// message of the expect roles that is a reply the expect looks for. Unless
// the expect asks for a type (type: note, type: transfer), internal notes
// (never meeting it) and transfer events (the chat handed on: no reply to
// the customer, though their text may still meet the expect) do not use up
// the window.
func (f *followup) inWindow(m *lint.Message) bool {
	return f.expect.roles.Has(m.Role) && (!f.expect.spoken || answers(m))
}

// missingMessage is the default message for a follow-up that never came.
func (f *followup) missingMessage(windowRanOut bool) string {
	what := f.expect.describe()
	switch {
	case f.before:
		return "「{match}」之前没有" + what + "的消息"
	case windowRanOut:
		return "「{match}」之后的{limit}条消息内没有" + what + "的跟进"
	case f.expect.typ != "" && !f.expect.hasList:
		return "「{match}」之后没有 " + f.expect.typ + " 类消息跟进"
	}
	return "「{match}」之后没有跟进（" + what + "）"
}
