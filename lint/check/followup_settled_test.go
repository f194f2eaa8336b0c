package check

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint/match"
)

// TestSettledTriggersAreEvalNeeds: a trigger that is its own list, asked
// for some hit (cond.settled), takes cond.candidates as its triggers
// without evaluating each; for random conversations the triggers are
// exactly the messages evalNeed says the trigger holds for, settled or not.
func TestSettledTriggersAreEvalNeeds(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	lines := []string{
		"customer: 改成XL", "customer: 好的", "agent: 改成红色", "agent/note: 改成XL", "system/order: 已拍下",
		"system/order: 未拍下", "customer: 已拍下了", "customer: 我不改成了", "bot: 改成", "customer: 换成蓝色改成XL",
	}
	for _, tc := range []struct {
		trigger string
		settled bool
	}{
		{"{phrases: [改成]}", true},
		{"{phrases: [改成], except: [不改成]}", true},
		{"{role: agent, match: substring, phrases: [改成, 红色]}", true},
		{"{role: [customer, bot], patterns: ['改成(XL|红色)?']}", true},
		{"{role: system, type: order, match: substring, phrases: [已拍下], except: [未拍下]}", true},
		{"{phrases: [改成], quantifier: all}", false},
		{"{phrases: [改成, 换成], at_least: 2}", false},
		{"{any_of: [{phrases: [改成]}, {phrases: [已拍下]}]}", false},
		{"{phrases: [改成], not: {phrases: [XL]}}", false},
		{"{phrases: [改成], min_length: 5}", false},
	} {
		rule := "id: r\ntype: followup\ntrigger: " + tc.trigger + "\nexpect: {role: agent, phrases: [好的]}"
		cs := compileOne(t, rule)
		f := cs.Checks[0].(*followup)
		if f.trigger.settled != tc.settled {
			t.Errorf("%s: settled %v, want %v", tc.trigger, f.trigger.settled, tc.settled)
		}
		found := 0
		for round := 0; round < 200; round++ {
			var b strings.Builder
			n := 1 + rng.Intn(20)
			for k := 0; k < n; k++ {
				fmt.Fprintf(&b, "00:%02d %s\n", k, lines[rng.Intn(len(lines))])
			}
			c := conv(t, b.String())
			cv := &Conv{Conversation: c, Texts: make([]match.Text, len(c.Messages))}
			for i := range c.Messages {
				cs.Matcher.Analyse(&cv.Texts[i], c.Messages[i].Text, true)
			}
			var want []int
			for i := range c.Messages {
				if ok, _ := f.trigger.evalNeed(cv, i, false); ok {
					want = append(want, i)
				}
			}
			got := slices.Clone(f.triggers(cv))
			if !slices.Equal(got, want) {
				t.Fatalf("trigger %s\nconversation\n%striggers %v, want %v", tc.trigger, b.String(), got, want)
			}
			found += len(want)
		}
		if found == 0 {
			t.Errorf("%s: no trigger in any conversation", tc.trigger)
		}
	}
}
