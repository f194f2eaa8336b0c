package report

import (
	"errors"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// fakeWriter records what a writer of Multi is given, and fails where told.
type fakeWriter struct {
	name                string
	log                 *[]string
	failConv, failClose bool
}

func (f *fakeWriter) Conversation(r *lint.Result) error {
	*f.log = append(*f.log, f.name+" conv "+r.Conversation.ID)
	if f.failConv {
		return errors.New(f.name + " full")
	}
	return nil
}

func (f *fakeWriter) Close(*lint.Summary) error {
	*f.log = append(*f.log, f.name+" close")
	if f.failClose {
		return errors.New(f.name + " full")
	}
	return nil
}

func (f *fakeWriter) Discard() error {
	*f.log = append(*f.log, f.name+" discard")
	return nil
}

// flushingWriter is a fakeWriter that gathers its output (Flusher).
type flushingWriter struct{ *fakeWriter }

func (f flushingWriter) Flush() error {
	*f.log = append(*f.log, f.name+" flush")
	return nil
}

// TestMulti: every writer of Multi is given each result and the summary,
// in order; one that fails is named by its index, a failing Conversation
// goes no further, a failing Close lets go of the writers after it
// (Discard) rather than closing them, and Flush reaches the writers that
// gather their output.
func TestMulti(t *testing.T) {
	res := &lint.Result{Conversation: &lint.Conversation{ID: "c1"}}
	for _, tt := range []struct {
		name      string
		failConv  int // index of the writer whose Conversation fails (-1: none)
		failClose int
		wantErr   int // index in the WriterError (-1: no error)
		want      string
	}{
		{"all written", -1, -1, -1, "a conv c1|b conv c1|c conv c1|b flush|a close|b close|c close"},
		{"the second fails a conversation", 1, -1, 1, "a conv c1|b conv c1"},
		{"the first fails to close", -1, 0, 0, "a conv c1|b conv c1|c conv c1|b flush|a close|b discard|c discard"},
		{"the last fails to close", -1, 2, 2, "a conv c1|b conv c1|c conv c1|b flush|a close|b close|c close"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var log []string
			ws := make([]*fakeWriter, 3)
			for i, n := range []string{"a", "b", "c"} {
				ws[i] = &fakeWriter{name: n, log: &log, failConv: i == tt.failConv, failClose: i == tt.failClose}
			}
			m := Multi(ws[0], flushingWriter{ws[1]}, ws[2])
			err := m.Conversation(res)
			if err == nil {
				err = m.(Flusher).Flush()
			}
			if err == nil {
				err = m.Close(lint.NewSummary())
			}
			var we *WriterError
			switch {
			case tt.wantErr < 0 && err != nil:
				t.Errorf("error %v", err)
			case tt.wantErr >= 0 && (!errors.As(err, &we) || we.Index != tt.wantErr):
				t.Errorf("error %#v, want the writer %d's", err, tt.wantErr)
			case tt.wantErr >= 0 && err.Error() != ws[tt.wantErr].name+" full":
				t.Errorf("error %q: not the writer's own words", err)
			}
			if got := strings.Join(log, "|"); got != tt.want {
				t.Errorf("writers were given\n  %s\nwant\n  %s", got, tt.want)
			}
		})
	}
}

// TestMultiDiscard: Discard, for a run stopped by a signal or --strict,
// lets go of what every writer holds.
func TestMultiDiscard(t *testing.T) {
	var log []string
	m := Multi(&fakeWriter{name: "a", log: &log}, &fakeWriter{name: "b", log: &log})
	if err := Discard(m); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(log, "|"); got != "a discard|b discard" {
		t.Errorf("Discard reached %q", got)
	}
}
