package check

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/rules"
)

// TestFollowupBeforeInCannedLibrary: a followup that looks back from an
// agent's reply for a customer's message that would excuse it (a bare 没有
// answering thanks) applies to a canned-reply library, where no customer
// speaks, so each trigger is a finding; a followup that needs what comes
// after its trigger, or an agent's, a bot's or the system's message before
// it, or a message of a type (an order event), does not apply.
func TestFollowupBeforeInCannedLibrary(t *testing.T) {
	const pack = `pack: t
rules:
  - id: bare-no
    type: followup
    trigger: {role: agent, patterns: ['^没有[了的呢哦]*$']}
    look: before
    within_messages: 1
    expect: {role: customer, phrases: [谢谢]}
  - id: thanks-ack
    type: followup
    trigger: {role: customer, phrases: [谢谢]}
    expect: {role: agent, phrases: [不客气]}
  - id: greeted-before
    type: followup
    trigger: {role: agent, phrases: [没有]}
    look: before
    expect: {role: agent, phrases: [您好]}
  - id: refund-event-before
    type: followup
    trigger: {role: agent, phrases: [已为您退款]}
    look: before
    expect: {role: system, type: order, phrases: [退款成功]}
  - id: system-before
    type: followup
    trigger: {role: agent, phrases: [已为您退款]}
    look: before
    expect: {role: system, phrases: [退款成功]}
  - id: bot-before
    type: followup
    trigger: {role: agent, phrases: [人工客服]}
    look: before
    expect: {role: bot, phrases: [转人工]}
  - id: anyone-before
    type: followup
    trigger: {role: agent, phrases: [没有]}
    look: before
    expect: {role: [customer, system], phrases: [谢谢]}
`
	set, err := rules.LoadBytes("t.yaml", []byte(pack))
	if err != nil {
		t.Fatal(err)
	}
	cs, err := Compile(set, Options{Canned: true})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range cs.Checks {
		ids = append(ids, c.Info().ID)
	}
	if got := strings.Join(ids, " "); got != "t/bare-no" {
		t.Fatalf("rules applied to a canned library: %q, want t/bare-no alone", got)
	}
	// a library: every reply an agent's, none before another excusing it
	c := conv(t, "agent: 您好，谢谢光临\nagent: 没有的\nagent: 这款有货\nagent: 没有了")
	found, _ := cs.NewWorker().Check(c)
	if got := describe(found); got != "2:没有的 4:没有了" {
		t.Errorf("bare-no in a canned library flags replies %q, want \"2:没有的 4:没有了\"", got)
	}
}
