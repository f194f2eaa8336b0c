package check

import (
	"math/rand"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// agentFor is agents.of a message at a time, as it was: the reference the
// index is held to (each call reads the conversation from i on, so a
// conversation of n messages with findings on most of them took n² steps).
// It names the agent a finding at message i is held against: the
// sender of an agent's message; no one for a bot's own message (a bot is not
// an agent, and per-agent stats are of human agents); for any other message
// (a customer's, a system event) the agent who answered it, else the agent
// holding the chat when it was left: the last agent before it, unless the
// chat was handed on (a transfer after that agent's last answer). A
// transferred chat is held by the agent it went to (handedTo), or by no one
// when the export does not say who: the agent who handed it on answered by
// handing it on, and a queue nobody picked up is not theirs. Internal notes
// are not answers: a supervisor's note between the customer and the reply
// does not make the finding theirs. Only in a conversation where agents
// wrote nothing but notes is the finding held against a note's writer (the
// agent handling it, who never replied).
func agentFor(c *lint.Conversation, i int) string {
	ms := c.Messages
	switch ms[i].Role {
	case lint.Agent:
		if ms[i].Sender != "" {
			return ms[i].Sender
		}
	case lint.Bot:
		return ""
	}
	answered := func(m *lint.Message) bool { return m.Role == lint.Agent && m.Sender != "" && answers(m) }
	for j := i + 1; j < len(ms); j++ {
		if answered(&ms[j]) {
			return ms[j].Sender
		}
	}
	// no one answered it: whoever held the chat last
	for j := len(ms) - 1; j >= 0; j-- {
		switch m := &ms[j]; {
		case m.Type == lint.TypeTransfer:
			return handedTo(ms, j)
		case j < i && answered(m):
			return m.Sender
		}
	}
	for j := i + 1; j < len(ms); j++ {
		if ms[j].Role == lint.Agent && ms[j].Sender != "" {
			return ms[j].Sender
		}
	}
	for j := i - 1; j >= 0; j-- {
		if ms[j].Role == lint.Agent && ms[j].Sender != "" {
			return ms[j].Sender
		}
	}
	return ""
}

// TestAgentsMatchReference holds agents.of to agentFor on random
// conversations of named and unnamed agents, customers, bots and system
// events, with notes, transfers (some naming an agent in their text) and
// orders, one agents reused across them, as a worker does.
func TestAgentsMatchReference(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	roles := []lint.Role{lint.Customer, lint.Agent, lint.Agent, lint.Bot, lint.System}
	types := []string{lint.TypeText, lint.TypeText, lint.TypeNote, lint.TypeTransfer, lint.TypeOrder}
	senders := []string{"", "", "客服1", "客服12", "王主管"}
	texts := []string{"x", "会话已转接给 王主管", "转给客服12", "转接中"}
	var a agents
	checked := map[string]bool{}
	for round := 0; round < 20000; round++ {
		ms := make([]lint.Message, rng.Intn(12))
		for i := range ms {
			ms[i] = lint.Message{Role: roles[rng.Intn(len(roles))], Type: types[rng.Intn(len(types))],
				Sender: senders[rng.Intn(len(senders))], Text: texts[rng.Intn(len(texts))]}
		}
		for _, want := range agentsAgree(t, rng, &a, ms) {
			checked[want] = true
		}
	}
	// every outcome came up
	for _, s := range senders {
		if !checked[s] {
			t.Errorf("no finding was held against %q", s)
		}
	}
}

// TestAgentsAnonymousMatchReference holds agents.of to agentFor on random
// conversations whose agents are not named (an export without senders,
// as JDDC's), but for some, with named customers, bots and transfers
// whose texts name agents: of names no one in those without building its
// index, and names agents as agentFor does in the others.
func TestAgentsAnonymousMatchReference(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	roles := []lint.Role{lint.Customer, lint.Customer, lint.Agent, lint.Agent, lint.Bot, lint.System}
	types := []string{lint.TypeText, lint.TypeText, lint.TypeNote, lint.TypeTransfer, lint.TypeOrder}
	texts := []string{"x", "会话已转接给 王主管", "转给客服12", "转接中"}
	var a agents
	anonymous, named := 0, 0
	for round := 0; round < 20000; round++ {
		ms := make([]lint.Message, 1+rng.Intn(12))
		for i := range ms {
			m := lint.Message{Role: roles[rng.Intn(len(roles))], Type: types[rng.Intn(len(types))], Text: texts[rng.Intn(len(texts))]}
			if m.Role != lint.Agent || round%10 == 0 && rng.Intn(4) == 0 {
				// customers and bots named; an agent in a tenth of the
				// conversations, now and then
				m.Sender = []string{"顾客", "王主管", "客服12"}[rng.Intn(3)]
			}
			ms[i] = m
		}
		agentsAgree(t, rng, &a, ms)
		if a.built && a.anonymous {
			anonymous++
		} else if a.built {
			named++
		}
	}
	if anonymous == 0 || named == 0 {
		t.Errorf("%d conversations indexed as anonymous, %d as named: want some of both", anonymous, named)
	}
}

// TestAgentsLongConversation names the agents of every message of a
// conversation of 200,000 messages, mostly by unnamed agents (an export
// without senders), as a worker does for a finding on each: reading on
// from each finding, as agentFor does, would take 2·10¹⁰ steps; the index
// takes one pass. A sample is held to agentFor.
func TestAgentsLongConversation(t *testing.T) {
	ms := make([]lint.Message, 200000)
	for i := range ms {
		ms[i] = lint.Message{Role: lint.Role(1 + i%2), Type: lint.TypeText, Text: "不知道"}
	}
	for _, i := range []int{1001, 100001, 150001} {
		ms[i].Sender = "客服" + string(rune('A'+i%7))
	}
	ms[120000].Type = lint.TypeTransfer
	c := &lint.Conversation{ID: "c", Messages: ms}
	var a agents
	a.reset(ms)
	got := make([]string, len(ms))
	for i := range ms {
		got[i] = a.of(i)
	}
	rng := rand.New(rand.NewSource(1))
	for range 200 {
		i := rng.Intn(len(ms))
		if want := agentFor(c, i); got[i] != want {
			t.Fatalf("message %d: agents.of = %q, agentFor = %q", i, got[i], want)
		}
	}
}

// TestAgentsLookAheadAgreesWithIndex holds agents.of's look-ahead for an
// answer (nearAnswer messages on, before the index is built) to the index
// (build), on random conversations shorter and longer than its reach, and
// checks that it spares the index where an answer is near.
func TestAgentsLookAheadAgreesWithIndex(t *testing.T) {
	rng := rand.New(rand.NewSource(17))
	roles := []lint.Role{lint.Customer, lint.Customer, lint.Agent, lint.Bot, lint.System}
	types := []string{lint.TypeText, lint.TypeText, lint.TypeNote, lint.TypeTransfer, lint.TypeOrder}
	senders := []string{"", "", "客服1", "客服12", "王主管"}
	spared := 0
	for round := 0; round < 20000; round++ {
		ms := make([]lint.Message, rng.Intn(3*nearAnswer))
		for i := range ms {
			ms[i] = lint.Message{Role: roles[rng.Intn(len(roles))], Type: types[rng.Intn(len(types))],
				Sender: senders[rng.Intn(len(senders))], Text: "转给客服12"}
		}
		var look, index agents
		look.reset(ms)
		index.reset(ms)
		index.build()
		for i := range ms {
			look.reset(ms) // each finding the first: the look-ahead is tried
			want := index.of(i)
			if got := look.of(i); got != want {
				t.Fatalf("message %d of %+v: with the look-ahead %q, by the index %q", i, ms, got, want)
			}
			if !look.built && ms[i].Role == lint.Customer {
				spared++
			}
		}
	}
	if spared == 0 {
		t.Error("the look-ahead never spared the index")
	}
}

// agentsAgree resets a to ms and asks it for every message's agent, in a
// random order, failing unless it names the agent agentFor names; it
// returns the agents named.
func agentsAgree(t *testing.T, rng *rand.Rand, a *agents, ms []lint.Message) []string {
	t.Helper()
	c := &lint.Conversation{ID: "c", Messages: ms}
	a.reset(ms)
	var named []string
	for _, i := range rng.Perm(len(ms)) {
		want := agentFor(c, i)
		if got := a.of(i); got != want {
			t.Fatalf("message %d of %+v: agents.of = %q, agentFor = %q", i, ms, got, want)
		}
		named = append(named, want)
	}
	return named
}
