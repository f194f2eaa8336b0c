package check

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chatlint/chatlint/internal/benchgen"
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/lint/redact"
	"github.com/chatlint/chatlint/lint/transcript"
	"github.com/chatlint/chatlint/rules"
)

// The fast paths of the checks (message selections, condition gates, the
// Conv's scratch space, lazy template values) are checked here against the
// code they replaced, kept below as the reference: on a generated corpus,
// on random conversations made of the phrases of every built-in pack, and
// by fuzzing.

// refRender is render as it was.
func refRender(tmpl string, vars tvars) string {
	i := strings.IndexByte(tmpl, '{')
	if i < 0 {
		return tmpl
	}
	var b strings.Builder
	b.Grow(len(tmpl) + 16)
	for i >= 0 {
		b.WriteString(tmpl[:i])
		tmpl = tmpl[i:]
		j := strings.IndexByte(tmpl, '}')
		if j < 0 {
			break
		}
		if name := tmpl[1:j]; rules.TemplateVars[name] {
			b.WriteString(vars.get(name))
		} else {
			b.WriteString(tmpl[:j+1])
		}
		tmpl = tmpl[j+1:]
		i = strings.IndexByte(tmpl, '{')
	}
	b.WriteString(tmpl)
	return b.String()
}

// refEval is cond.eval and cond.holds as they were: no selection, no gate.
func refEval(c *cond, cv *Conv, i int, needHit bool) (bool, *match.Hit) {
	if !c.admits(&cv.Messages[i]) {
		return false, nil
	}
	return c.evalNeed(cv, i, needHit)
}

// refHits is Conv.Hits as it was.
func refHits(cv *Conv, i int, list match.ListID) []match.Hit {
	cv.hits = cv.Texts[i].Hits(list, cv.hits[:0])
	return cv.hits
}

// refForbid is forbid.Check as it was.
func refForbid(f *forbid, cv *Conv, out []lint.Finding) []lint.Finding {
	ms, roles := cv.Messages, f.info.Roles
	for i := range ms {
		m := &ms[i]
		if !roles.Has(m.Role) || !spoken(m) {
			continue
		}
		hits, more := refHits(cv, i, f.list), 0
		if !f.all {
			hits, more = atMost(hits)
		}
		for k := range hits {
			h := &hits[k]
			sugg := ""
			if len(f.suggest) > 0 {
				sugg = f.suggest[match.NormalizePhrase(h.Text)].text
				if sugg == "" && h.Phrase >= 0 {
					sugg = f.suggest[match.NormalizePhrase(cv.Texts[i].Matcher().Phrase(f.list, h.Phrase))].text
				}
				if sugg != "" {
					// in the message's script, decided for every one
					// (not only where mayBeTraditional says it may be)
					sugg = cv.inScript(i, h.Text, sugg)
				}
			}
			msg := refRender(f.tmpl, tvars{{"match", h.Text}, {"suggest", sugg}})
			fd := finding(f.info, i, h, msg)
			fd.Suggestion = sugg
			out = append(out, fd)
		}
		noteMore(out, more)
	}
	return out
}

// refLength is length.Check as it was.
func refLength(l *length, cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	skipped := false
	ms, roles := cv.Messages, l.info.Roles
	for i := range ms {
		m := &ms[i]
		if !roles.Has(m.Role) || !spoken(m) {
			continue
		}
		if len(m.Text) <= l.max {
			continue
		}
		text := strings.TrimRight(m.Text, " \t\r\n")
		lead := len(text) - len(strings.TrimLeft(text, " \t\r\n"))
		n := utf8.RuneCountInString(text[lead:])
		if n <= l.max {
			continue
		}
		if m.Joined {
			lead, text, n = longestUnspaced(text)
			if n <= l.max {
				skipped = true
				continue
			}
		}
		start := lead
		for k := 0; k < l.max; k++ {
			_, size := utf8.DecodeRuneInString(text[start:])
			start += size
		}
		hit := &match.Hit{Start: start, End: len(text), Phrase: -1, Pattern: -1, Text: text[start:],
			Column: utf8.RuneCountInString(m.Text[:start]) + 1}
		msg := refRender(l.tmpl, tvars{{"length", itoa(n)}, {"limit", itoa(l.max)}})
		out = append(out, finding(l.info, i, hit, msg))
	}
	if skipped {
		return out, joinedSkip
	}
	return out, ""
}

// refPII is pii.Check as it was.
func refPII(p *pii, cv *Conv, out []lint.Finding) []lint.Finding {
	ms, roles := cv.Messages, p.info.Roles
	for i := range ms {
		m := &ms[i]
		if !roles.Has(m.Role) || !spoken(m) {
			continue
		}
		spans, more := atMost(redact.FindKinds(m.Text, p.kinds))
		var cols match.Columns
		for _, sp := range spans {
			hit := &match.Hit{Start: sp.Start, End: sp.End, Phrase: -1, Pattern: -1, Text: m.Text[sp.Start:sp.End],
				Column: cols.At(m.Text, sp.Start)}
			msg := refRender(p.tmpl, tvars{{"match", hit.Text}, {"kind", piiNames[sp.Kind]}})
			out = append(out, finding(p.info, i, hit, msg))
		}
		noteMore(out, more)
	}
	return out
}

// refBonus is bonus.Check as it was.
func refBonus(b *bonus, cv *Conv, out []lint.Finding) []lint.Finding {
	ms := cv.Messages
	for i := range ms {
		if !b.when.admits(&ms[i]) {
			continue
		}
		ok, hit := refEval(b.when, cv, i, true)
		if !ok {
			continue
		}
		what := ""
		if hit != nil {
			what = hit.Text
		}
		out = append(out, finding(b.info, i, hit, refRender(b.tmpl, tvars{{"match", what}, {"add", strconv.FormatFloat(b.info.Add, 'f', -1, 64)}})))
	}
	return out
}

// refWhen is when.Check as it was.
func refWhen(w *when, cv *Conv, out []lint.Finding) []lint.Finding {
	ms := cv.Messages
	for i := range ms {
		if !w.when.admits(&ms[i]) {
			continue
		}
		ok, hit := refEval(w.when, cv, i, true)
		if !ok {
			continue
		}
		if w.then != nil {
			if ok, _ := refEval(w.then, cv, i, false); ok {
				continue
			}
		}
		what := ""
		if hit != nil {
			what = hit.Text
		}
		out = append(out, finding(w.info, i, hit, refRender(w.tmpl, tvars{{"match", what}})))
	}
	return out
}

// refTriggers is followup.triggers as it was.
func refTriggers(f *followup, cv *Conv) ([]int, []*match.Hit) {
	var idx []int
	var hits []*match.Hit
	ms := cv.Messages
	for i := range ms {
		if !f.trigger.admits(&ms[i]) {
			continue
		}
		if ok, hit := refEval(f.trigger, cv, i, true); ok {
			idx = append(idx, i)
			hits = append(hits, hit)
		}
	}
	switch {
	case f.occurrence == 0 || len(idx) == 0:
		return idx, hits
	case f.occurrence == -1:
		return idx[len(idx)-1:], hits[len(hits)-1:]
	case f.occurrence <= len(idx):
		n := f.occurrence - 1
		return idx[n : n+1], hits[n : n+1]
	}
	return nil, nil
}

// refFollowup is followup.Check as it was (its searches are the same:
// they ask condMemo, which TestCondFastPaths holds to refEval).
func refFollowup(f *followup, cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	ms := cv.Messages
	reason := ""
	idx, hits := refTriggers(f, cv)
	if len(idx) == 0 {
		return out, reason
	}
	expect := cv.memo(0, f.expect)
	var unless condMemo
	if f.unless != nil {
		unless = cv.memo(1, f.unless)
	}
	opened, opening := f.openingMemo(cv, idx)
	var scan *followupScan
	if len(idx) > 1 && len(idx)*len(ms) > scanAbove {
		scan = newFollowupScan(f, cv, idx, expect, unless, opened, opening)
	}
	for k, i := range idx {
		hit := hits[k]
		what := "[" + ms[i].Type + "]"
		if hit != nil {
			what = hit.Text
		}
		vars := func() tvars {
			return tvars{{"match", what}, {"within", rules.FormatDuration(f.within)}, {"limit", itoa(f.withinMessages)}}
		}
		var found int
		var void, timedOut bool
		op := condMemo{}
		if opened.opens(cv, i) {
			op = opening
		}
		if scan != nil {
			found, void, timedOut = scan.search(i, expect)
		} else {
			found, void, timedOut = f.search(cv, i, expect, unless, op)
		}
		if void {
			if f.within > 0 && (!cv.timed(i) || !cv.timed(found)) {
				reason = "no times: within " + rules.FormatDuration(f.within) + " not checked"
			}
			continue
		}
		tmpl := f.tmpl
		if found < 0 {
			if tmpl == "" {
				tmpl = f.missingMessage(timedOut)
			}
			fd := finding(f.info, i, hit, refRender(tmpl, vars()))
			if f.within > 0 && !f.before && !timedOut {
				fd.Agent = refLateHolder(cv, i, len(ms), f.within)
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
		delay := ms[found].Time.Sub(ms[i].Time)
		if f.before {
			delay = -delay
		}
		if delay > f.within {
			vars := append(vars(), tvar{"delay", delayText(delay)})
			if tmpl == "" {
				tmpl = "「{match}」之后的跟进用了{delay}（应在{within}内）"
				if f.before {
					tmpl = "「{match}」之前的准备在{delay}前（应在{within}内）"
				}
			}
			at, agent := i, ""
			if !f.before {
				// a slow reply: at the late message
				at = found
				var ok bool
				if ok, hit = refEval(f.expect, cv, found, true); !ok && opened.opens(cv, i) {
					_, hit = refEval(f.opening, cv, found, true)
				}
				agent = refLateHolder(cv, i, found, f.within)
			}
			fd := finding(f.info, at, hit, refRender(tmpl, vars))
			fd.Agent = agent
			out = append(out, fd)
		}
	}
	return out, reason
}

// refRequire is require.Check as it was.
func refRequire(q *require, cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	ms := cv.Messages
	isReply := func(i int) bool { return q.info.Roles.Has(ms[i].Role) && answers(&ms[i]) }
	isCustomer := func(i int) bool { return asks(&ms[i]) }
	hasWords := func(i int) bool { return isReply(i) && strings.TrimSpace(ms[i].Text) != "" }
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
	vars := func() tvars {
		v := tvars{{"phrases", q.phrases}, {"at", q.at}, {"within", rules.FormatDuration(q.within)}}
		if target >= 0 {
			v = append(v, tvar{"reply", excerpt(ms[target].Text, replyRunes)})
		}
		return v
	}
	// a reply without text is named, not quoted as 「」
	noText := func(tmpl string) string {
		if target < 0 || strings.TrimSpace(ms[target].Text) != "" {
			return tmpl
		}
		return strings.ReplaceAll(strings.ReplaceAll(tmpl, "「{reply}」", noTextReply), "{reply}", noTextReply)
	}
	if target < 0 || (q.at != "" && !cv.Texts[target].Has(q.list)) {
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
			tmpl = "没有客服回复，缺少规定用语（如「{phrases}」）"
		}
		return append(out, finding(q.info, at, nil, refRender(noText(tmpl), vars()))), ""
	}
	if q.within <= 0 || anchor < 0 {
		return out, ""
	}
	if !cv.timed(anchor) || !cv.timed(target) {
		return out, "no times: within " + rules.FormatDuration(q.within) + " not checked"
	}
	if delay := ms[target].Time.Sub(ms[anchor].Time); delay > q.within {
		vars := append(vars(), tvar{"delay", delayText(delay)})
		tmpl := q.tmpl
		if tmpl == "" {
			tmpl = "规定用语在顾客来信{delay}后才出现（应在{within}内）"
		}
		var hb [1]match.Hit
		hits := cv.Texts[target].Hits(q.list, hb[:0])
		var hit *match.Hit
		if len(hits) > 0 {
			hit = &hits[0]
		}
		f := finding(q.info, target, hit, refRender(noText(tmpl), vars))
		f.Agent = refLateHolder(cv, anchor, target, q.within)
		return append(out, f), ""
	}
	return out, ""
}

// refLateHolder is Conv.lateHolder as it was first written: the agent who
// handed the chat on by the first transfer between start and answer that
// came more than limit after start ("" when none did).
func refLateHolder(cv *Conv, start, answer int, limit time.Duration) string {
	ms := cv.Messages
	for k := start + 1; k < answer; k++ {
		if ms[k].Type != lint.TypeTransfer || !cv.timed(k) || ms[k].Time.Sub(ms[start].Time) <= limit {
			continue
		}
		if ms[k].Role == lint.Agent {
			return ms[k].Sender
		}
		for j := k - 1; j >= 0; j-- {
			if ms[j].Role == lint.Agent && ms[j].Sender != "" {
				return ms[j].Sender
			}
		}
		return ""
	}
	return ""
}

// refLatency is latency.Check as it was.
func refLatency(l *latency, cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	ms := cv.Messages
	pending := -1
	skipped := false
	for i := range ms {
		m := &ms[i]
		switch {
		case asks(m):
			if pending < 0 {
				pending = i
			}
		case l.info.Roles.Has(m.Role) && m.Role != lint.Customer && answers(m):
			if pending < 0 {
				continue
			}
			if !cv.timed(i) || !cv.timed(pending) {
				// skipped only if a message that is not ignored waited
				if !skipped && (l.ignore == nil || l.start(cv, pending, i) >= 0) {
					skipped = true
				}
				pending = -1
				continue
			}
			delay, start := m.Time.Sub(ms[pending].Time), pending
			if delay > l.max && l.ignore != nil {
				// The wait starts at the first message not ignored. Asked
				// only of a late answer: a wait from a later message is
				// shorter, so an answer in time needs no asking, and an
				// answer to ignored messages alone (不客气 to 谢谢) ends a
				// wait that is not one, as it would have found none.
				if start = l.start(cv, pending, i); start >= 0 {
					delay = m.Time.Sub(ms[start].Time)
				} else {
					delay = 0
				}
			}
			if delay > l.max {
				msg := refRender(l.tmpl, tvars{{"delay", delayText(delay)}, {"max", l.maxText}})
				f := finding(l.info, i, nil, msg)
				f.Agent = refLateHolder(cv, start, i, l.max)
				out = append(out, f)
			}
			pending = -1
		}
	}
	if skipped {
		return out, "no times: reply times not checked"
	}
	return out, ""
}

// refLoad analyses the messages of c into a new Conv, as worker.Check does
// but scanning with every list's automaton (the worker scans a message only
// for the lists of its role).
func refLoad(s *Set, c *lint.Conversation) *Conv {
	cv := &Conv{Conversation: c, Texts: make([]match.Text, len(c.Messages))}
	for i := range c.Messages {
		m := &c.Messages[i]
		s.Matcher.Analyse(&cv.Texts[i], m.Text, s.scan.Has(m.Role))
	}
	return cv
}

// refCheck is worker.Check as it was, each check as it was (the checks
// not changed run as they are: their conditions are held to the reference
// by TestCondFastPaths).
func refCheck(s *Set, c *lint.Conversation) ([]lint.Finding, []lint.Skip) {
	cv := refLoad(s, c)
	var findings []lint.Finding
	var skipped []lint.Skip
	for _, ch := range s.Checks {
		var reason string
		switch ch := ch.(type) {
		case *forbid:
			findings = refForbid(ch, cv, findings)
		case *length:
			findings, reason = refLength(ch, cv, findings)
		case *pii:
			findings = refPII(ch, cv, findings)
		case *bonus:
			findings = refBonus(ch, cv, findings)
		case *when:
			findings = refWhen(ch, cv, findings)
		case *followup:
			findings, reason = refFollowup(ch, cv, findings)
		case *require:
			findings, reason = refRequire(ch, cv, findings)
		case *latency:
			findings, reason = refLatency(ch, cv, findings)
		default:
			findings, reason = ch.Check(cv, findings)
		}
		if reason != "" {
			skipped = append(skipped, lint.Skip{Rule: ch.Info().ID, Reason: reason})
		}
	}
	for i := range findings {
		if findings[i].Agent == "" { // (a late answer's may be set: lateHolder)
			findings[i].Agent = agentFor(c, findings[i].Msg)
		}
	}
	return findings, skipped
}

// condsOf returns the conditions of a check, nested ones included.
func condsOf(ch Check) []*cond {
	var top []*cond
	switch ch := ch.(type) {
	case *followup:
		top = []*cond{ch.trigger, ch.expect, ch.unless, ch.opening}
	case *when:
		top = []*cond{ch.when, ch.then}
	case *bonus:
		top = []*cond{ch.when}
	case *count:
		top = []*cond{ch.when}
	case *latency:
		top = []*cond{ch.ignore}
	case *unanswered:
		top = []*cond{ch.ignore}
	case *hold:
		top = []*cond{ch.ignore, ch.notAnswer}
	}
	var out []*cond
	var walk func(c *cond)
	walk = func(c *cond) {
		if c == nil {
			return
		}
		out = append(out, c)
		for _, sub := range c.allOf {
			walk(sub)
		}
		for _, sub := range c.anyOf {
			walk(sub)
		}
		walk(c.not)
	}
	for _, c := range top {
		walk(c)
	}
	return out
}

// checkConds holds the fast paths of every condition of s to the reference
// on conversation c: eval and holds (gated) to refEval, the gate to a
// necessary condition, candidates to the messages admitted, the message
// selections to the messages of their roles.
func checkConds(t *testing.T, s *Set, c *lint.Conversation) (held int) {
	t.Helper()
	cv := refLoad(s, c)
	ref := refLoad(s, c)
	for _, ch := range s.Checks {
		for _, cd := range condsOf(ch) {
			var admitted, holds []int32
			for i := range c.Messages {
				for _, need := range []bool{true, false} {
					ok, hit := cd.evalGated(cv, i, need)
					rok, rhit := refEval(cd, ref, i, need)
					if ok != rok || (hit == nil) != (rhit == nil) || hit != nil && *hit != *rhit {
						t.Fatalf("%s: condition %q, message %d %q (need hit %v): got %v %v, want %v %v",
							ch.Info().ID, cd.describe(), i, c.Messages[i].Text, need, ok, hit, rok, rhit)
					}
					if rok && !cd.mayHold(cv, i) {
						t.Fatalf("%s: condition %q holds for message %d %q, its gate says it cannot", ch.Info().ID, cd.describe(), i, c.Messages[i].Text)
					}
				}
				if cd.admits(&c.Messages[i]) {
					admitted = append(admitted, int32(i))
					if ok, _ := refEval(cd, ref, i, true); ok {
						holds = append(holds, int32(i))
					}
				}
			}
			cands := cd.candidates(cv, nil)
			var candHeld []int32
			k := 0
			for _, j := range cands {
				for k < len(admitted) && admitted[k] < j {
					k++
				}
				if k == len(admitted) || admitted[k] != j {
					t.Fatalf("%s: condition %q: candidate %d not admitted (%v)", ch.Info().ID, cd.describe(), j, admitted)
				}
				if ok, _ := refEval(cd, ref, int(j), true); ok {
					candHeld = append(candHeld, j)
				}
			}
			if !slices.Equal(candHeld, holds) {
				t.Fatalf("%s: condition %q: holds for %v among candidates %v, for %v among all", ch.Info().ID, cd.describe(), candHeld, cands, holds)
			}
			held += len(holds)
		}
	}
	for roles := lint.RoleSet(0); roles < 1<<6; roles++ {
		for _, spokenOnly := range []bool{true, false} {
			var want []int32
			for i := range c.Messages {
				if m := &c.Messages[i]; roles.Has(m.Role) && (!spokenOnly || spoken(m)) {
					want = append(want, int32(i))
				}
			}
			if got := cv.sel(roles, spokenOnly); !slices.Equal(got, want) {
				t.Fatalf("sel(%b, %v) = %v, want %v", roles, spokenOnly, got, want)
			}
		}
	}
	return held
}

// checkWorker holds worker.Check on c to refCheck, with the worker's Conv
// carrying its scratch space over from the conversations before.
func checkWorker(t *testing.T, s *Set, w *worker, c *lint.Conversation) (findings int) {
	t.Helper()
	got, gotSkip := w.Check(c)
	want, wantSkip := refCheck(s, c)
	if len(got) == 0 {
		got = nil
	}
	if len(want) == 0 {
		want = nil
	}
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotSkip, wantSkip) {
		var b strings.Builder
		for i, m := range c.Messages {
			fmt.Fprintf(&b, "  %d %s/%s %q\n", i, m.Role, m.Type, m.Text)
		}
		t.Fatalf("conversation\n%sfindings:\n got %+v %v\nwant %+v %v", b.String(), got, gotSkip, want, wantSkip)
	}
	// the selections the worker worked out by slot (Conv.selAt) are the
	// messages of their keys' roles, spoken ones only for selSpoken
	for k, key := range s.selKeys {
		var want []int32
		for i := range c.Messages {
			m := &c.Messages[i]
			if (key&selAnyRole != 0 || lint.RoleSet(key&selRoleBits).Has(m.Role)) && (key&selSpoken == 0 || spoken(m)) {
				want = append(want, int32(i))
			}
		}
		if sl := w.cv.slots[k]; sl.key != key || !slices.Equal(sl.idx, want) {
			t.Fatalf("slot %d (key %x): %x %v, want %v", k, key, sl.key, sl.idx, want)
		}
	}
	return len(got)
}

// testPack has rules of every type in forms the built-in packs do not
// use (no ignore, other roles, quantifiers, nested conditions, windows).
const testPack = `pack: fastpath
rules:
  - {id: lat, type: latency, max: 20s, role: [agent, bot]}
  - {id: lat-ign, type: latency, max: 30s, ignore: {phrases: [好的, 谢谢]}}
  - {id: len, type: length, max_length: 10, role: [agent, customer]}
  - {id: pii-all, type: pii, kinds: [phone, id-card, bank-card, email, address], role: [customer, agent]}
  - {id: req-any, type: require, phrases: [您好, 亲], within: 30s}
  - {id: req-first, type: require, at: first-reply, phrases: [您好], within: 10s, message: "首次回复「{reply}」{within}{delay}"}
  - {id: req-last, type: require, at: last-reply, role: [agent, bot], phrases: [再见, 谢谢]}
  - {id: when-then, type: when, when: {phrases: [不能, 无法, 不知道]}, then: {starts_with: [抱歉, 非常抱歉]}}
  - {id: when-all, type: when, role: customer, when: {quantifier: all, phrases: [改成, 红色]}}
  - {id: when-none, type: when, when: {type: note, quantifier: none, phrases: [好的]}}
  - {id: when-least, type: when, when: {at_least: 2, phrases: [好的, 谢谢, 亲, 您好]}, message: "{match}"}
  - {id: when-nest, type: when, role: [agent, customer], when: {any_of: [{role: customer, phrases: [地址]}, {all_of: [{phrases: [颜色]}, {not: {phrases: [如果]}}]}, {role: agent, patterns: ['付款|支付']}]}}
  - {id: when-pii, type: when, when: {pii: [phone], min_length: 5, max_length: 80}}
  - {id: cnt, type: count, when: {phrases: [亲]}, min_count: 1, max_count: 3}
  - {id: cnt-q, type: count, role: customer, when: {at_least: 1, phrases: [好的]}, max_count: 1}
  - {id: hld, type: hold, after: 30s, repeat: true, phrases: [稍等, 请稍候], ignore: {phrases: [好的]}, not_an_answer: {phrases: [您好]}}
  - {id: hld2, type: hold, after: 40s, phrases: [稍等]}
  - {id: una, type: unanswered}
  - {id: una-ign, type: unanswered, ignore: {any_of: [{phrases: [谢谢]}, {max_length: 2}]}}
  - {id: bon, type: bonus, add: 1, max_add: 3, when: {phrases: [您的意思是, 对吗]}}
  - {id: fu-before, type: followup, look: before, trigger: {role: system, type: order, phrases: [已拍下]}, expect: {role: agent, phrases: [付款]}, within: 1m, within_messages: 3}
  - {id: fu-last, type: followup, occurrence: last, trigger: {phrases: [改成, 换成]}, expect: {role: [agent, system], type: note}, unless: {role: customer, phrases: [不用了]}, within: 2m}
  - {id: fu-2nd, type: followup, occurrence: 2, trigger: {any_of: [{phrases: [色差]}, {all_of: [{phrases: [颜色]}, {phrases: [一样]}]}]}, expect: {role: agent, phrases: [以实物为准]}, within_messages: 2, message: "{match}/{limit}/{within}"}
  - {id: fu-bot, type: followup, trigger: {role: [customer, bot], phrases: [您好]}, expect: {role: agent, starts_with: [亲]}}
`

// testSets compiles every built-in pack, testPack and wideTestPack.
func testSets(t testing.TB) []*Set {
	t.Helper()
	sets := builtinSets(t)
	for _, src := range []string{testPack, wideTestPack()} {
		set, err := rules.LoadBytes("fastpath.yaml", []byte(src))
		sets = append(sets, mustCompile(t, set, err))
	}
	return sets
}

// mustCompile compiles a pack set loaded with err, failing the test on
// either's error.
func mustCompile(t testing.TB, set *rules.Set, err error) *Set {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	cs, err := Compile(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// wideTestPack is testPack after 60 forbid rules of common phrases: its
// lists go past the 64th, which the masks of match.Text.MayHitMask do not
// tell about (listBit 0), some of its conditions' gates having lists on
// both sides, and a forbid and a bonus rule come after them.
func wideTestPack() string {
	var b strings.Builder
	b.WriteString("pack: wide\nrules:\n")
	common := []string{"亲", "您好", "好的", "不能", "颜色", "地址", "谢谢", "稍等"}
	for k := range 60 {
		fmt.Fprintf(&b, "  - {id: pad-%d, type: forbid, phrases: [%s]}\n", k, common[k%len(common)])
	}
	return strings.Replace(testPack, "pack: fastpath\nrules:\n", b.String(), 1) +
		"  - {id: far-forbid, type: forbid, phrases: [亲, 不能, 颜色], suggest: {不能: 暂时不能}}\n" +
		"  - {id: far-bonus, type: bonus, add: 1, when: {any_of: [{phrases: [谢谢]}, {phrases: [好的]}]}}\n"
}

// builtinSets compiles every built-in pack.
func builtinSets(t testing.TB) []*Set {
	t.Helper()
	var sets []*Set
	for _, name := range rules.BuiltinNames() {
		set, err := rules.Load(name)
		sets = append(sets, mustCompile(t, set, err))
	}
	return sets
}

// fragments are the pieces random messages are made of: the phrases,
// excepts and affixes of every built-in pack (so that conditions hold, fail
// on an except, or half hold), personal data, long and broken text.
func fragments(t testing.TB) []string {
	t.Helper()
	seen := map[string]bool{}
	var out []string
	add := func(ps ...string) {
		for _, p := range ps {
			if p != "" && !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	var side func(s *rules.Side)
	side = func(s *rules.Side) {
		if s == nil {
			return
		}
		add(s.Phrases...)
		add(s.Except...)
		add(s.StartsWith...)
		add(s.EndsWith...)
		for _, sub := range s.AllOf {
			side(sub)
		}
		for _, sub := range s.AnyOf {
			side(sub)
		}
		side(s.Not)
	}
	for _, name := range rules.BuiltinNames() {
		set, err := rules.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, pr := range set.Rules() {
			r := pr.Rule
			add(r.Phrases...)
			add(r.Except...)
			for _, s := range []*rules.Side{r.Trigger, r.Expect, r.Unless, r.OpeningExpect, r.When, r.Then, r.Ignore, r.NotAnAnswer} {
				side(s)
			}
		}
	}
	add("好的", "谢谢", "您好", "亲", "？", "?", "，", " ", "\n", "138 1234 5678", "13812345678", "11010519491231002X",
		"6222020200112233445", "a@b.cn", "红色", "XL", "改成红色", "地址", "颜色一样吗", "下周二送", "如果", "已拍下",
		"待付款", "付款", "已付款", "😀", "ok", "\xe4\xb8", "\xff", strings.Repeat("很", 160), strings.Repeat("好 ", 60))
	return out
}

// randomConv builds a conversation of n messages from the choices in rng:
// roles, types, texts of fragments, times (sometimes missing), joined texts.
func randomConv(rng *rand.Rand, frags []string, n int) *lint.Conversation {
	roles := []lint.Role{lint.Customer, lint.Customer, lint.Agent, lint.Agent, lint.Bot, lint.System, lint.RoleUnknown}
	types := []string{lint.TypeText, lint.TypeText, lint.TypeText, lint.TypeNote, lint.TypeTransfer, "order", "emoji", ""}
	senders := []string{"", "小美", "客服1", "客服12", "顾客"}
	base := time.Date(2026, 11, 11, 8, 0, 0, 0, time.UTC)
	c := &lint.Conversation{ID: "r", Timed: rng.Intn(5) > 0}
	at := base
	for i := 0; i < n; i++ {
		var b strings.Builder
		for k := rng.Intn(4); k >= 0; k-- {
			b.WriteString(frags[rng.Intn(len(frags))])
		}
		at = at.Add(time.Duration(rng.Intn(90)) * time.Second)
		m := lint.Message{Conversation: "r", Role: roles[rng.Intn(len(roles))], Type: types[rng.Intn(len(types))],
			Sender: senders[rng.Intn(len(senders))], Text: b.String(), Seq: i, Joined: rng.Intn(8) == 0}
		if c.Timed {
			m.Time = at
		}
		c.Messages = append(c.Messages, m)
	}
	return c
}

// TestCheckFastPaths holds the worker and the conditions of every built-in
// pack to the reference on random conversations.
func TestCheckFastPaths(t *testing.T) {
	frags := fragments(t)
	rng := rand.New(rand.NewSource(1))
	held, findings := 0, 0
	for _, s := range testSets(t) {
		w := s.NewWorker().(*worker)
		for round := 0; round < 150; round++ {
			c := randomConv(rng, frags, rng.Intn(30))
			held += checkConds(t, s, c)
			findings += checkWorker(t, s, w, c)
		}
	}
	// the comparison says something only if conditions held and rules found
	if held < 1000 || findings < 1000 {
		t.Errorf("conditions held %d times, %d findings: too few", held, findings)
	}
	t.Logf("conditions held %d times, %d findings", held, findings)
}

// FuzzCheckFastPaths is TestCheckFastPaths with conversations chosen by the
// fuzzer (the seed: the random choices).
func FuzzCheckFastPaths(f *testing.F) {
	for _, seed := range []int64{1, 2, 3, 42} {
		f.Add(seed, uint8(12))
	}
	frags := fragments(f)
	sets := testSets(f)
	f.Fuzz(func(t *testing.T, seed int64, n uint8) {
		rng := rand.New(rand.NewSource(seed))
		c := randomConv(rng, frags, int(n%40))
		for _, s := range sets {
			checkConds(t, s, c)
			checkWorker(t, s, s.NewWorker().(*worker), c)
		}
	})
}

// TestCheckFastPathsCorpus holds the worker to the reference on a generated
// corpus, read and prepared as chatlint lint does, with every built-in pack.
func TestCheckFastPathsCorpus(t *testing.T) {
	var buf bytes.Buffer
	if _, err := benchgen.Corpus(&buf, benchgen.Config{Size: 1 << 20, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	path := t.TempDir() + "/c.jsonl"
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	findings, held := 0, 0
	for _, s := range testSets(t) {
		var convs []*lint.Conversation
		eng := &lint.Engine{Checker: s, Scoring: s.Scoring, Jobs: 2}
		opts := transcript.Options{Location: time.FixedZone("CST", 8*3600)}
		if _, err := eng.Run(ctx, func(sink lint.Sink) error {
			return transcript.ReadAll(ctx, []string{path}, opts, sink)
		}, func(r *lint.Result) error {
			convs = append(convs, r.Conversation)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		w := s.NewWorker().(*worker)
		for _, c := range convs {
			findings += checkWorker(t, s, w, c)
		}
		for _, c := range convs[:min(len(convs), 200)] {
			held += checkConds(t, s, c)
		}
	}
	if findings < 1000 || held < 1000 {
		t.Errorf("%d findings, conditions held %d times: too few", findings, held)
	}
	t.Logf("%d findings, conditions held %d times", findings, held)
}

// TestRenderAgrees: render gives refRender's message for templates with
// every sort of brace and placeholder.
func TestRenderAgrees(t *testing.T) {
	vars := tvars{{"match", "不知道"}, {"suggest", ""}, {"delay", "1分5秒"}, {"within", "1小时"}}
	for _, tmpl := range []string{"", "无", "避免使用「{match}」", "{match}{match}{match}", "{", "}", "{}", "{{match}}",
		"{match", "a{b}c", "{delay}/{within}/{limit}/{nope}", "「{match}」之后的跟进用了{delay}（应在{within}内）"} {
		if got, want := render(tmpl, vars), refRender(tmpl, vars); got != want {
			t.Errorf("render(%q) = %q, want %q", tmpl, got, want)
		}
	}
}

// FuzzRender holds render to refRender.
func FuzzRender(f *testing.F) {
	f.Add("避免使用「{match}」，可改为「{suggest}」", "不知道", "")
	f.Add("{match}{{delay}}{", "x", "y")
	f.Fuzz(func(t *testing.T, tmpl, a, b string) {
		vars := tvars{{"match", a}, {"suggest", b}, {"delay", a + b}}
		if got, want := render(tmpl, vars), refRender(tmpl, vars); got != want {
			t.Fatalf("render(%q) = %q, want %q", tmpl, got, want)
		}
	})
}

// TestTriggerHitsKept: the hits of several triggers of one conversation
// (kept by Conv.keepHit while the followup checks them) each stay their
// own, across conversations on one worker.
func TestTriggerHitsKept(t *testing.T) {
	cs := compileOne(t, "id: r\ntype: followup\ntrigger: {any_of: [{phrases: [改成]}, {phrases: [换成, 换个]}]}\nexpect: {role: agent, phrases: [好的]}")
	w := cs.NewWorker().(*worker)
	for round := 0; round < 3; round++ {
		var b strings.Builder
		var want []string
		for k := 0; k < 40+round*30; k++ {
			p := []string{"改成", "换成", "换个"}[(k+round)%3]
			fmt.Fprintf(&b, "00:%02d customer: %s红色%d\n", k%60, p, k)
			want = append(want, p)
		}
		got, _ := w.Check(conv(t, b.String()))
		if len(got) != len(want) {
			t.Fatalf("round %d: %d findings, want %d", round, len(got), len(want))
		}
		for k, f := range got {
			if f.Match != want[k] || f.Msg != k {
				t.Fatalf("round %d: finding %d at message %d matches %q, want %q at %d", round, k, f.Msg, f.Match, want[k], k)
			}
		}
	}
}
