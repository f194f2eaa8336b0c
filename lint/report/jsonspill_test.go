package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// The json and jsonl writers hand a conversation that has grown past
// flushAt to the output in pieces (convEncoder.spill) instead of holding
// its object whole. These tests hold the pieces to the unstreamed encoding,
// byte for byte, and to encoding/json.

// manyFindings builds one conversation of msgs messages, each text unit
// repeated to about textLen bytes with perMsg findings (in message order,
// or alternating between messages with interleave), and agents agents. The
// text has quotes and a newline so its escape differs from it.
func manyFindings(msgs, perMsg, textLen, agents int, interleave bool) *lint.Result {
	const unit = "不知道\"亲\"\n"
	rule := &lint.RuleInfo{ID: "shop/evasive", Type: "forbid", Severity: lint.Error, Deduct: 0.5, Source: "规章 五.五"}
	bonus := &lint.RuleInfo{ID: "shop/restate", Type: "bonus", Deduct: 1}
	c := &lint.Conversation{ID: "c1", File: "big.jsonl", Notes: []string{"注一", "注二"}}
	for i := range msgs {
		c.Messages = append(c.Messages, lint.Message{Role: lint.Agent, Sender: fmt.Sprintf("a%d", i%3),
			Text: strings.Repeat(unit, max(1, textLen/len(unit))), Time: fxTime(i), Pos: lint.Pos{File: "big.jsonl", Line: i + 1}})
	}
	r := &lint.Result{Conversation: c, Score: 12.5, Grade: "不合格"}
	for k := range msgs * perMsg {
		m := k / perMsg
		if interleave {
			m = k % msgs
		}
		agent := c.Messages[m].Sender
		if k%5 == 0 {
			agent = "另一位"
		}
		r.Findings = append(r.Findings, lint.Finding{Rule: rule, Msg: m, Match: "不知道", Column: 1 + k%7,
			Suggestion: "我帮您查一下", Message: "避免「不知道」", Agent: agent, Deduct: 0.5})
	}
	if msgs > 0 {
		r.Bonuses = []lint.Finding{{Rule: bonus, Msg: msgs - 1, Agent: "a0", Message: "复述确认", Deduct: 1}}
	}
	for i := range agents {
		r.Agents = append(r.Agents, fmt.Sprintf("客服%05d", i))
	}
	return r
}

// spillCases are conversations of the kinds that grow a line without
// bound, and ones that stay under flushAt; bound is how far past flushAt a
// piece may go (about the largest element of an array: a finding quoting
// its message's text, or an agent name).
var spillCases = []struct {
	name  string
	r     func() *lint.Result
	whole bool // stays under flushAt: nothing spilled
	bound int
}{
	{"small fixture", func() *lint.Result { rs, _ := fixture(); return rs[0] }, true, 0},
	{"no messages", func() *lint.Result { return &lint.Result{Conversation: &lint.Conversation{ID: "e"}} }, true, 0},
	{"long texts, many findings each", func() *lint.Result { return manyFindings(6, 40, 8<<10, 1, false) }, false, 12 << 10},
	{"findings alternate messages", func() *lint.Result { return manyFindings(3, 30, 6<<10, 1, true) }, false, 10 << 10},
	{"one text longer than flushAt", func() *lint.Result { return manyFindings(2, 4, flushAt+100, 1, false) }, false, 2*flushAt + 4<<10},
	{"many short findings", func() *lint.Result { return manyFindings(2, 6000, 20, 1, false) }, false, 1 << 10},
	{"many agents", func() *lint.Result { return manyFindings(1, 1, 20, 30000, false) }, false, 64},
}

// TestConvEncoderSpills: the pieces handed to spill and the rest encode
// returns make exactly the unstreamed object (and encoding/json's); every
// piece is about flushAt bytes, so the encoder never holds the object
// whole; a reused encoder is not disturbed.
func TestConvEncoderSpills(t *testing.T) {
	opts := fxOptions()
	for _, tc := range spillCases {
		r := tc.r()
		for _, indent := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/indent=%v", tc.name, indent), func(t *testing.T) {
				want, err := refConversation(r, opts, indent)
				if err != nil {
					t.Fatal(err)
				}
				whole := &convEncoder{opts: opts, indent: indent, prefix: "    "}
				if got, err := whole.encode(r); err != nil || !bytes.Equal(got, want) {
					t.Fatalf("unstreamed encoding differs from encoding/json (%v)", err)
				}
				var pieces [][]byte
				e := &convEncoder{opts: opts, indent: indent, prefix: "    ", spill: func(p []byte) error {
					pieces = append(pieces, bytes.Clone(p))
					return nil
				}}
				for round := range 2 { // twice: nothing carries over
					pieces = nil
					rest, err := e.encode(r)
					if err != nil {
						t.Fatal(err)
					}
					got := append(bytes.Join(pieces, nil), rest...)
					if !bytes.Equal(got, want) {
						t.Fatalf("round %d: pieces differ from the unstreamed encoding (%d bytes, want %d)", round, len(got), len(want))
					}
					if tc.whole {
						if len(pieces) != 0 {
							t.Fatalf("round %d: a %d-byte object was spilled in %d pieces", round, len(want), len(pieces))
						}
						continue
					}
					if len(pieces) < 2 {
						t.Fatalf("round %d: %d pieces for %d bytes", round, len(pieces), len(want))
					}
					for i, p := range pieces {
						if len(p) < flushAt || len(p) > flushAt+tc.bound {
							t.Errorf("round %d: piece %d is %d bytes, want %d to %d", round, i, len(p), flushAt, flushAt+tc.bound)
						}
					}
					if len(rest) > flushAt+tc.bound || cap(e.b) > 2*(flushAt+tc.bound) {
						t.Errorf("round %d: held %d bytes at the end (buffer %d), want about %d at most", round, len(rest), cap(e.b), flushAt)
					}
				}
			})
		}
	}
}

// TestJSONWritersStreamLongConversation: through the json and jsonl
// writers (redacting or not), a long conversation between short ones goes
// out in pieces, the output byte-identical to that of a writer that holds
// each conversation whole, lines gathered before it first.
func TestJSONWritersStreamLongConversation(t *testing.T) {
	fx, sum := fixture()
	big := manyFindings(6, 40, 8<<10, 1, false)
	results := []*lint.Result{fx[0], big, fx[2]}
	for _, format := range []string{"jsonl", "json"} {
		for _, redact := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/redact=%v", format, redact), func(t *testing.T) {
				run := func(spill bool) []byte {
					t.Helper()
					cw := &maxWriter{}
					w := newJSONWriter(t, format, cw, spill)
					if redact {
						w = Redacting(w)
					}
					for _, r := range results {
						if err := w.Conversation(r); err != nil {
							t.Fatal(err)
						}
					}
					if err := w.Close(sum); err != nil {
						t.Fatal(err)
					}
					if spill && (cw.writes < 4 || cw.max > 2*flushAt+64<<10) {
						t.Errorf("%d bytes in %d writes, the largest %d: not streamed in pieces of about %d", cw.buf.Len(), cw.writes, cw.max, flushAt)
					}
					if !spill && cw.max < 1<<20 {
						t.Fatalf("the unstreamed writer's largest write is %d bytes: the test's conversation is too small", cw.max)
					}
					return cw.buf.Bytes()
				}
				whole, streamed := run(false), run(true)
				if !bytes.Equal(streamed, whole) {
					t.Fatalf("streamed report (%d bytes) differs from the unstreamed one (%d bytes)", len(streamed), len(whole))
				}
				if format == "json" && !json.Valid(streamed) {
					t.Fatal("invalid JSON")
				}
			})
		}
	}
}

// newJSONWriter returns a json or jsonl writer; without spill it holds
// each conversation whole, as the writers did before they spilled.
func newJSONWriter(t *testing.T, format string, w *maxWriter, spill bool) Writer {
	t.Helper()
	wr, err := New(format, w, fxOptions())
	if err != nil {
		t.Fatal(err)
	}
	if !spill {
		switch wr := wr.(type) {
		case *jsonlWriter:
			wr.enc.spill = nil
		case *jsonWriter:
			wr.enc.spill = nil
		}
	}
	return wr
}

// maxWriter records the output, the number of writes and the largest.
type maxWriter struct {
	buf    bytes.Buffer
	writes int
	max    int
}

func (m *maxWriter) Write(p []byte) (int, error) {
	m.writes++
	m.max = max(m.max, len(p))
	return m.buf.Write(p)
}

var errDiskFull = errors.New("disk full")

// failingWriter fails every write once n bytes have been written.
type failingWriter struct{ n int }

func (f *failingWriter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		return 0, errDiskFull
	}
	f.n -= len(p)
	return len(p), nil
}

// TestJSONWritersSpillErrors: a write that fails while a long conversation
// is being spilled is returned (by Conversation, or by Close, which the
// json writer's buffered output may leave it to), wherever it happens.
func TestJSONWritersSpillErrors(t *testing.T) {
	fx, sum := fixture()
	big := manyFindings(6, 40, 8<<10, 1, false)
	for _, format := range []string{"jsonl", "json"} {
		for _, failAt := range []int{0, 100, flushAt / 2, 3 * flushAt, 10 * flushAt} {
			t.Run(fmt.Sprintf("%s/after %d bytes", format, failAt), func(t *testing.T) {
				w, err := New(format, &failingWriter{n: failAt}, fxOptions())
				if err != nil {
					t.Fatal(err)
				}
				err = w.Conversation(fx[0])
				if err == nil {
					err = w.Conversation(big)
				}
				if err == nil {
					err = w.Close(sum)
				}
				if !errors.Is(err, errDiskFull) {
					t.Errorf("error %v, want %v", err, errDiskFull)
				}
			})
		}
	}
}

// TestJSONLLongConversationUnsupported: a NaN or infinite deduct late in
// a long conversation fails as encoding/json fails, before any piece of
// the line is written.
func TestJSONLLongConversationUnsupported(t *testing.T) {
	for _, bad := range []float64{math.NaN(), math.Inf(1)} {
		for _, where := range []string{"finding", "bonus"} {
			r := manyFindings(6, 40, 8<<10, 1, false)
			if where == "finding" {
				r.Findings[len(r.Findings)-1].Deduct = bad
			} else {
				r.Bonuses[0].Deduct = bad
			}
			_, wantErr := refConversation(r, fxOptions(), false)
			var buf bytes.Buffer
			w, _ := New("jsonl", &buf, fxOptions())
			err := w.Conversation(r)
			var uv *json.UnsupportedValueError
			if !errors.As(err, &uv) || wantErr == nil || err.Error() != wantErr.Error() || buf.Len() != 0 {
				t.Errorf("%v in a %s: error %v (encoding/json: %v), %d bytes written", bad, where, err, wantErr, buf.Len())
			}
		}
	}
}

// TestJSONLFailedLineKeepsGathered: the jsonl writer encodes a line after
// the lines it has gathered; one that fails (a NaN deduct, short or long)
// leaves them as they were, to be written once, and nothing of itself.
func TestJSONLFailedLineKeepsGathered(t *testing.T) {
	fx, sum := fixture()
	for _, long := range []bool{false, true} {
		bad := manyFindings(1, 2, 16, 1, false)
		if long {
			bad = manyFindings(6, 40, 8<<10, 1, false)
		}
		bad.Findings[len(bad.Findings)-1].Deduct = math.NaN()
		var want, got bytes.Buffer
		ref, _ := New("jsonl", &want, fxOptions())
		w, _ := New("jsonl", &got, fxOptions())
		for _, r := range []*lint.Result{fx[0], fx[1], bad, fx[2]} {
			err := w.Conversation(r)
			if r == bad {
				if err == nil {
					t.Fatalf("long %v: no error for a NaN deduct", long)
				}
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := ref.Conversation(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(sum); err != nil {
			t.Fatal(err)
		}
		if err := ref.Close(sum); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("long %v: report\n%s\nwant\n%s", long, got.String(), want.String())
		}
	}
}
