package report

import (
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/redact"
)

// Redacting wraps a writer so every message text it receives has personal
// data masked (see package redact); the spans findings point at stay
// readable, and offsets and columns stay valid. It works with every format.
func Redacting(w Writer) Writer { return &redacting{w: w} }

type redacting struct{ w Writer }

func (r *redacting) Conversation(res *lint.Result) error {
	c := *res.Conversation
	c.Messages = make([]lint.Message, len(res.Conversation.Messages))
	copy(c.Messages, res.Conversation.Messages)
	keep := map[int][][2]int{}
	for _, f := range res.Findings {
		if f.End > f.Start {
			keep[f.Msg] = append(keep[f.Msg], [2]int{f.Start, f.End})
		}
	}
	for i := range c.Messages {
		c.Messages[i].Text = redact.Text(c.Messages[i].Text, keep[i])
	}
	out := *res
	out.Conversation = &c
	return r.w.Conversation(&out)
}

func (r *redacting) Close(s *lint.Summary) error { return r.w.Close(s) }

// Discard lets go of what the wrapped writer holds (see Discarder).
func (r *redacting) Discard() error { return Discard(r.w) }

// Flush flushes the wrapped writer, if it gathers output (see Flusher).
func (r *redacting) Flush() error {
	if f, ok := r.w.(Flusher); ok {
		return f.Flush()
	}
	return nil
}
