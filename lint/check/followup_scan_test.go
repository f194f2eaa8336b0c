package check

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint/match"
)

// TestFollowupScanAgreesWithSearch: for random conversations and rules (look
// before or after, unless, opening_expect, a message window, a time window), the one-pass
// answers of followupScan are exactly search's, trigger by trigger. Many of
// the triggers opened the chat, some before a first reply that answers
// nothing (在的), and opening_expect (of the expect's role, a bot's, or
// either) decides the answer to enough of them; expect's roles include the
// trigger's in some rules, and the trigger has two roles in some.
func TestFollowupScanAgreesWithSearch(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	lines := []string{
		"customer: 改成XL", "customer: 好的", "agent: 好的", "agent: 稍等", "agent/note: 改XL",
		"system/order: 已付款", "customer: 改成红色", "bot: 您好", "agent: 好的亲", "agent/order: 好的",
		"agent: 在的", "bot: 稍等", "agent: 改成M",
	}
	// lines before any reply of an agent: an opening conversation starts
	// with some of them, so that its triggers opened the chat
	opening := []string{"customer: 改成XL", "customer: 好的", "agent/note: 改XL", "system/order: 已付款", "customer: 改成红色", "bot: 您好", "bot: 稍等"}
	openings := []string{"{phrases: [稍等]}", "{role: bot, phrases: [稍等]}", "{role: [agent, bot], phrases: [稍等]}"}
	checked, opened, decided := 0, 0, 0
	for round := 0; round < 600; round++ {
		// expect's roles may include the trigger's (whose messages reply
		// to none of its triggers), and the trigger may have several
		trig, exp := "{phrases: [改成]}", "{role: agent, phrases: [好的]}"
		if rng.Intn(4) == 0 {
			trig = "{role: [customer, agent], phrases: [改成]}"
		}
		switch rng.Intn(4) {
		case 0:
			exp = "{role: [agent, customer], phrases: [好的]}"
		case 1:
			exp = "{role: any, phrases: [好的]}"
		}
		rule := "id: r\ntype: followup\ntrigger: " + trig + "\nexpect: " + exp
		if rng.Intn(2) == 0 {
			rule += "\nlook: before"
		} else {
			if rng.Intn(2) == 0 {
				rule += "\nunless: {type: order}"
			}
			if rng.Intn(3) > 0 {
				rule += "\nopening_expect: " + openings[rng.Intn(len(openings))]
			}
		}
		if w := rng.Intn(4); w > 0 {
			rule += fmt.Sprintf("\nwithin_messages: %d", w)
		}
		if rng.Intn(2) == 0 {
			rule += "\nwithin: 3m"
		}
		cs := compileOne(t, rule)
		f := cs.Checks[0].(*followup)
		var b strings.Builder
		n := 1 + rng.Intn(40)
		first := 0 // lines drawn from opening
		if f.opening != nil {
			first = rng.Intn(n + 1)
		}
		for k := 0; k < n; k++ {
			line := lines[rng.Intn(len(lines))]
			if k < first {
				line = opening[rng.Intn(len(opening))]
			}
			fmt.Fprintf(&b, "%02d:%02d %s\n", k/60, k%60*1, line)
		}
		c := conv(t, b.String())
		cv := &Conv{Conversation: c, Texts: make([]match.Text, len(c.Messages))}
		for i := range c.Messages {
			cs.Matcher.Analyse(&cv.Texts[i], c.Messages[i].Text, true)
		}
		idx := f.triggers(cv)
		if len(idx) == 0 {
			continue
		}
		expect := cv.memo(0, f.expect)
		var unless condMemo
		if f.unless != nil {
			unless = cv.memo(1, f.unless)
		}
		opened0, openMemo := f.openingMemo(cv, idx)
		scan := newFollowupScan(f, cv, idx, expect, unless, opened0, openMemo)
		for _, i := range idx {
			op := condMemo{}
			if opened0.opens(cv, i) {
				op = openMemo
			}
			f1, v1, t1 := f.search(cv, i, expect, unless, op)
			f2, v2, t2 := scan.search(i, expect)
			if f1 != f2 || v1 != v2 || t1 != t2 {
				t.Fatalf("rule\n%s\nconversation\n%strigger %d: search = (%d, %v, %v), scan = (%d, %v, %v)", rule, b.String(), i, f1, v1, t1, f2, v2, t2)
			}
			checked++
			if opened0.opens(cv, i) {
				opened++
				if f0, v0, t0 := f.search(cv, i, expect, unless, condMemo{}); f0 != f1 || v0 != v1 || t0 != t1 {
					decided++
				}
			}
		}
	}
	if checked < 500 || opened < 300 || decided < 100 {
		t.Fatalf("only %d triggers compared, %d of them opening the chat, %d answered otherwise for it", checked, opened, decided)
	}
}
