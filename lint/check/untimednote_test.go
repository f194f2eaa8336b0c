package check

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/rules"
)

// TestUntimedNoteNamesSkippedRule holds the note of a conversation without
// times (lint.NoteUntimed, "timing rules skipped") to its skipped rules: it
// is given when a timing rule was skipped for want of times, and then
// Skipped names the rule; a conversation that gave no timing rule anything
// to measure (a lone agent message, as a canned reply is) has neither.
func TestUntimedNoteNamesSkippedRule(t *testing.T) {
	set, err := rules.Load("ecommerce")
	w := mustCompile(t, set, err).NewWorker()
	at := func(s int) time.Time { return rules.ExampleBase.Add(time.Duration(s) * time.Second) }
	type msg struct {
		role lint.Role
		sec  int // -1: no time
		text string
	}
	tests := []struct {
		name string
		msgs []msg
		skip []string // the rules skipped for want of times
	}{
		{"lone agent message", []msg{{lint.Agent, -1, "您好，请问有什么可以帮您"}}, nil},
		{"agent messages only", []msg{{lint.Agent, -1, "您好，请问有什么可以帮您"}, {lint.Agent, -1, "祝您生活愉快，再见"}}, nil},
		{"a question answered", []msg{{lint.Customer, -1, "在吗"}, {lint.Agent, -1, "您好，请问有什么可以帮您"}}, []string{"ecommerce/slow-reply"}},
		{"one time missing", []msg{{lint.Customer, 0, "在吗"}, {lint.Agent, -1, "您好，请问有什么可以帮您"}}, []string{"ecommerce/slow-reply"}},
		{"timed", []msg{{lint.Customer, 0, "在吗"}, {lint.Agent, 5, "您好，请问有什么可以帮您"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// a note already there, in a slice of its own length, as the
			// notes of a conversation linted in parts are (shared)
			shared := []string{lint.NotePartNext}
			c := &lint.Conversation{ID: "c1", Timed: true, Notes: shared[:1:1]}
			for i, m := range tt.msgs {
				lm := lint.Message{Conversation: "c1", Role: m.role, Sender: "客服01", Text: m.text, Seq: i}
				if m.role == lint.Customer {
					lm.Sender = "tb_buyer1"
				}
				if m.sec >= 0 {
					lm.Time = at(m.sec)
				} else {
					c.Timed = false
				}
				c.Messages = append(c.Messages, lm)
			}
			_, skipped := w.Check(c)
			var untimed []string
			for _, sk := range skipped {
				if strings.HasPrefix(sk.Reason, noTimesPrefix) {
					untimed = append(untimed, sk.Rule)
				}
			}
			if !slices.Equal(untimed, tt.skip) {
				t.Errorf("skipped for want of times %q, want %q (all: %v)", untimed, tt.skip, skipped)
			}
			want := []string{lint.NotePartNext}
			if len(tt.skip) > 0 {
				want = append(want, lint.NoteUntimed)
			}
			if !slices.Equal(c.Notes, want) {
				t.Errorf("notes %q, want %q", c.Notes, want)
			}
			if shared[0] != lint.NotePartNext {
				t.Errorf("the shared notes were changed: %q", shared)
			}
		})
	}
}
