package check

import "github.com/chatlint/chatlint/lint"

// agents names the agents the findings of one conversation are held
// against (of). The first finding that needs more than its own message
// builds an index of the conversation in one pass, so a conversation of n
// messages costs O(n) however many findings it has: reading on from each
// finding instead took n² steps, minutes for a conversation of a hundred
// thousand messages whose agents are not named (every export that lacks
// a sender column, or a file that names no conversation).
type agents struct {
	ms    []lint.Message
	built bool
	// nextAnswer[i] is the first message after i that answers the
	// customer (answered), nextAgent[i] the first and prevAgent[i] the
	// last before i by a named agent; -1 for none
	nextAnswer, nextAgent, prevAgent []int32
	// holder is who held the chat when it was left (holderKnown: the
	// conversation has an answer or a transfer at all): the agent the last
	// transfer handed it to, when that comes after the last answer, else
	// the agent who answered last
	holder      string
	holderKnown bool
	// anonymous: no agent of the conversation is named (build found none
	// of their messages with a sender), so no finding is held against
	// anyone, and the index is not built
	anonymous bool
}

// reset starts on the messages of another conversation.
func (a *agents) reset(ms []lint.Message) {
	a.ms, a.built = ms, false
}

// of names the agent a finding at message i is held against: the sender of
// an agent's message; no one for a bot's own message (a bot is not an
// agent, and per-agent stats are of human agents); for any other message
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
func (a *agents) of(i int) string {
	ms := a.ms
	switch ms[i].Role {
	case lint.Agent:
		if ms[i].Sender != "" {
			return ms[i].Sender
		}
	case lint.Bot:
		return ""
	}
	if !a.built {
		// most findings not at an agent's message are answered a message
		// or two on: the answer (nextAnswer's) is found by looking ahead a
		// few messages, without the index, which a conversation then
		// rarely needs
		for j, end := i+1, min(i+1+nearAnswer, len(ms)); j < end; j++ {
			if answered(&ms[j]) {
				return ms[j].Sender
			}
		}
		a.build()
	}
	if a.anonymous {
		return ""
	}
	if j := a.nextAnswer[i]; j >= 0 {
		return ms[j].Sender
	}
	// no one answered it: whoever held the chat last. Message i is no
	// answer itself (not an agent's, or an unnamed agent's) and none
	// follows, so the last answer of the conversation comes before it.
	if a.holderKnown {
		return a.holder
	}
	if j := a.nextAgent[i]; j >= 0 {
		return ms[j].Sender
	}
	if j := a.prevAgent[i]; j >= 0 {
		return ms[j].Sender
	}
	return ""
}

// nearAnswer is how many messages of looks ahead for an answer before it
// builds the index: bounded, so that findings on many messages of a long
// conversation cost O(n) still.
const nearAnswer = 8

// build indexes the conversation for of, unless no agent of it is named
// (an export without senders, as JDDC's): of then names no one whatever
// the message, there being no answer by a named agent, and no agent
// before or after it to hold the chat (a transfer, too, hands it to no
// one: handedTo names only agents who sent a message), and the index is
// not built (it took 0.8% of the instructions of a run on JDDC's text).
// The agents' messages are looked for from the end, where a conversation
// of named agents mostly has one.
func (a *agents) build() {
	ms := a.ms
	n := len(ms)
	a.anonymous, a.built = true, true
	for j := n - 1; j >= 0; j-- {
		if ms[j].Role == lint.Agent && ms[j].Sender != "" {
			a.anonymous = false
			break
		}
	}
	if a.anonymous {
		return
	}
	a.nextAnswer = resize(a.nextAnswer, n)
	a.nextAgent = resize(a.nextAgent, n)
	a.prevAgent = resize(a.prevAgent, n)
	nextAnswer, nextAgent := int32(-1), int32(-1)
	a.holder, a.holderKnown = "", false
	for j := n - 1; j >= 0; j-- {
		a.nextAnswer[j], a.nextAgent[j] = nextAnswer, nextAgent
		m := &ms[j]
		if !a.holderKnown {
			switch {
			case m.Type == lint.TypeTransfer:
				a.holder, a.holderKnown = handedTo(ms, j), true
			case answered(m):
				a.holder, a.holderKnown = m.Sender, true
			}
		}
		if m.Role == lint.Agent && m.Sender != "" {
			nextAgent = int32(j)
			if answers(m) {
				nextAnswer = int32(j)
			}
		}
	}
	prevAgent := int32(-1)
	for j := range n {
		a.prevAgent[j] = prevAgent
		if ms[j].Role == lint.Agent && ms[j].Sender != "" {
			prevAgent = int32(j)
		}
	}
	a.built = true
}

// answered reports whether m answers the customer as a named agent.
func answered(m *lint.Message) bool {
	return m.Role == lint.Agent && m.Sender != "" && answers(m)
}

// resize returns s with length n, reusing its storage when it can.
func resize(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}
