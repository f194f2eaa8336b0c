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
// answers of followupScan are exactly search's, trigger by trigger.
func TestFollowupScanAgreesWithSearch(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	lines := []string{
		"customer: 改成XL", "customer: 好的", "agent: 好的", "agent: 稍等", "agent/note: 改XL",
		"system/order: 已付款", "customer: 改成红色", "bot: 您好", "agent: 好的亲", "agent/order: 好的",
	}
	checked := 0
	for round := 0; round < 400; round++ {
		rule := "id: r\ntype: followup\ntrigger: {phrases: [改成]}\nexpect: {role: agent, phrases: [好的]}"
		if rng.Intn(2) == 0 {
			rule += "\nlook: before"
		} else {
			if rng.Intn(2) == 0 {
				rule += "\nunless: {type: order}"
			}
			if rng.Intn(2) == 0 {
				rule += "\nopening_expect: {phrases: [稍等]}"
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
		for k := 0; k < n; k++ {
			fmt.Fprintf(&b, "%02d:%02d %s\n", k/60, k%60*1, lines[rng.Intn(len(lines))])
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
		opened, opening := f.openingMemo(cv, idx)
		scan := newFollowupScan(f, cv, idx, expect, unless, opened, opening)
		for _, i := range idx {
			op := condMemo{}
			if i < opened {
				op = opening
			}
			f1, v1, t1 := f.search(cv, i, expect, unless, op)
			f2, v2, t2 := scan.search(i, expect)
			if f1 != f2 || v1 != v2 || t1 != t2 {
				t.Fatalf("rule\n%s\nconversation\n%strigger %d: search = (%d, %v, %v), scan = (%d, %v, %v)", rule, b.String(), i, f1, v1, t1, f2, v2, t2)
			}
			checked++
		}
	}
	if checked < 500 {
		t.Fatalf("only %d triggers compared", checked)
	}
}
