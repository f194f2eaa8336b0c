package report

import (
	"slices"
	"sort"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/redact"
)

// Redacting wraps a writer so the results it receives have personal data
// masked (see package redact) wherever they carry it: every message text,
// every finding's message, match and suggestion, which may quote a message
// (首次回复「您的电话是…」), the conversation and message ids and the names
// of senders other than agents. The spans findings point at stay readable,
// except where the finding is itself about personal data (rule type pii, or
// a span that is nothing but personal data): that evidence is the very
// number to hide. Offsets and columns stay valid.
// The error texts of the malformed records and of the files that could not
// be read are masked too. It works with every format.
func Redacting(w Writer) Writer { return &redacting{w: w} }

type redacting struct{ w Writer }

// typePII is the rule type of personal-data findings (rules.TypePII).
const typePII = "pii"

// personal reports whether a finding is about personal data, so its span is
// masked like any other: a rule of type pii, or a finding that points at
// nothing but a piece of personal data (a rule whose condition asks for
// one, a pattern matching a phone number). spans are the personal data of
// the finding's message.
func personal(f *lint.Finding, spans []redact.Span) bool {
	if f.Rule != nil && f.Rule.Type == typePII {
		return true
	}
	if f.End <= f.Start {
		return false
	}
	for _, sp := range spans {
		if sp.Start <= f.Start && f.End <= sp.End {
			return true
		}
	}
	return false
}

func (r *redacting) Conversation(res *lint.Result) error {
	c := *res.Conversation
	msgs := res.Conversation.Messages
	c.Messages = make([]lint.Message, len(msgs))
	copy(c.Messages, msgs)
	// the personal data of each message; known is all of it, to mask where
	// a finding quotes it
	spans := make([][]redact.Span, len(msgs))
	var known []string
	for i := range msgs {
		text := msgs[i].Text
		spans[i] = redact.Find(text)
		for _, sp := range spans[i] {
			if k := text[sp.Start:sp.End]; !slices.Contains(known, k) {
				known = append(known, k)
			}
		}
	}
	// a pii finding's span is personal data whatever redact.Find makes of
	// it (the rule and the masking are meant to agree; if they do not, the
	// report must not show what the rule flagged)
	for _, fs := range [][]lint.Finding{res.Findings, res.Bonuses} {
		for i := range fs {
			f := &fs[i]
			if f.Rule == nil || f.Rule.Type != typePII || f.Msg < 0 || f.Msg >= len(msgs) ||
				f.Start < 0 || f.End <= f.Start || f.End > len(msgs[f.Msg].Text) {
				continue
			}
			if covered(spans[f.Msg], f.Start, f.End) {
				continue
			}
			spans[f.Msg] = withSpan(spans[f.Msg], redact.Span{Start: f.Start, End: f.End})
			if k := msgs[f.Msg].Text[f.Start:f.End]; !slices.Contains(known, k) {
				known = append(known, k)
			}
		}
	}
	spansOf := func(f *lint.Finding) []redact.Span {
		if f.Msg < 0 || f.Msg >= len(spans) {
			return nil
		}
		return spans[f.Msg]
	}
	// the evidence that stays readable, per message: the spans of findings
	// other than personal-data ones, less the personal data those point at
	keep := map[int][][2]int{}
	hide := map[int][][2]int{}
	for _, fs := range [][]lint.Finding{res.Findings, res.Bonuses} {
		for i := range fs {
			f := &fs[i]
			if f.End <= f.Start {
				continue
			}
			if personal(f, spansOf(f)) {
				hide[f.Msg] = append(hide[f.Msg], [2]int{f.Start, f.End})
			} else {
				keep[f.Msg] = append(keep[f.Msg], [2]int{f.Start, f.End})
			}
		}
	}
	// ids and the customers' names may be phone numbers (exports of
	// WeChat and call centres name a customer by one); agents' names are
	// kept, as the per-agent table shows them
	if c.ID != c.File { // (a file without ids: its name, which is kept)
		c.ID = redact.Text(c.ID, nil)
	}
	for i := range c.Messages {
		m := &c.Messages[i]
		if len(spans[i]) > 0 {
			m.Text = redact.MaskSpans(msgs[i].Text, spans[i], subtract(keep[i], hide[i]))
		}
		m.Conversation, m.ID = c.ID, redact.Text(m.ID, nil)
		if m.Role != lint.Agent {
			m.Sender = redact.Text(m.Sender, nil)
		}
	}
	out := *res
	out.Conversation = &c
	out.Findings = redactFindings(res.Findings, msgs, c.Messages, known, spansOf)
	out.Bonuses = redactFindings(res.Bonuses, msgs, c.Messages, known, spansOf)
	return r.w.Conversation(&out)
}

// covered reports whether one of spans holds start:end whole.
func covered(spans []redact.Span, start, end int) bool {
	for _, sp := range spans {
		if sp.Start <= start && end <= sp.End {
			return true
		}
	}
	return false
}

// withSpan adds sp to spans, which stay in order and apart as MaskSpans
// needs them: spans sp overlaps are merged into one.
func withSpan(spans []redact.Span, sp redact.Span) []redact.Span {
	out := make([]redact.Span, 0, len(spans)+1)
	for _, o := range spans {
		if o.End <= sp.Start || sp.End <= o.Start {
			out = append(out, o)
			continue
		}
		sp.Start, sp.End = min(sp.Start, o.Start), max(sp.End, o.End)
		if sp.Kind == "" {
			sp.Kind = o.Kind
		}
	}
	i := sort.Search(len(out), func(i int) bool { return out[i].Start >= sp.End })
	return slices.Insert(out, i, sp)
}

// redactFindings returns copies of fs with their match, message and
// suggestion masked: a match is what the masked text holds at its span.
func redactFindings(fs []lint.Finding, orig, masked []lint.Message, known []string, spansOf func(*lint.Finding) []redact.Span) []lint.Finding {
	if fs == nil {
		return nil
	}
	out := make([]lint.Finding, len(fs))
	copy(out, fs)
	for i := range out {
		f := &out[i]
		readable := "" // the evidence this finding keeps readable
		if f.Match != "" {
			if f.Msg >= 0 && f.Msg < len(orig) && f.Start >= 0 && f.End > f.Start && f.End <= len(orig[f.Msg].Text) &&
				orig[f.Msg].Text[f.Start:f.End] == f.Match {
				f.Match = masked[f.Msg].Text[f.Start:f.End]
			} else {
				f.Match = redact.Quoted(f.Match, known, "")
			}
			if f.Match == fs[i].Match && !personal(&fs[i], spansOf(&fs[i])) {
				readable = f.Match
			}
		}
		f.Message = redact.Quoted(f.Message, known, readable)
		f.Suggestion = redact.Quoted(f.Suggestion, known, "")
	}
	return out
}

// subtract returns the parts of the keep spans outside every hide span.
func subtract(keep, hide [][2]int) [][2]int {
	if len(hide) == 0 {
		return keep
	}
	var out [][2]int
	for _, k := range keep {
		parts := [][2]int{k}
		for _, h := range hide {
			var next [][2]int
			for _, p := range parts {
				if h[1] <= p[0] || h[0] >= p[1] {
					next = append(next, p)
					continue
				}
				if p[0] < h[0] {
					next = append(next, [2]int{p[0], h[0]})
				}
				if h[1] < p[1] {
					next = append(next, [2]int{h[1], p[1]})
				}
			}
			parts = next
		}
		out = append(out, parts...)
	}
	return out
}

// RedactErrors returns the malformed records with personal data in their
// error texts masked as they are read (an error may quote the record).
func RedactErrors(errs lint.RecordErrors) lint.RecordErrors {
	return errs.WithText(func(s string) string { return redact.Text(s, nil) })
}

func (r *redacting) Close(s *lint.Summary) error {
	if s != nil && (s.Errors.Len() > 0 || len(s.Unreadable) > 0) {
		masked := *s
		masked.Errors = RedactErrors(s.Errors)
		masked.Unreadable = RedactUnreadable(s.Unreadable)
		s = &masked
	}
	return r.w.Close(s)
}

// RedactUnreadable returns the files that could not be read with personal
// data in their error texts masked (an error may quote the file's first
// row); their names are kept.
func RedactUnreadable(files []lint.RecordError) []lint.RecordError {
	if len(files) == 0 {
		return files
	}
	out := make([]lint.RecordError, len(files))
	for i, e := range files {
		e.Err = redact.Text(e.Err, nil)
		out[i] = e
	}
	return out
}

// Discard lets go of what the wrapped writer holds (see Discarder).
func (r *redacting) Discard() error { return Discard(r.w) }

// Flush flushes the wrapped writer, if it gathers output (see Flusher).
func (r *redacting) Flush() error {
	if f, ok := r.w.(Flusher); ok {
		return f.Flush()
	}
	return nil
}
