package lint

import (
	"context"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// splitParser parses "conversation|text" records; a record without a bar
// is malformed. With into set it is an InPlaceParser as well, and counts
// the records it parsed in place.
type splitParser struct {
	into    bool
	inPlace int
}

// parse is the parse function of both forms.
func (p *splitParser) parse(raw []byte, pos Pos, m *Message) string {
	conv, text, ok := strings.Cut(string(raw), "|")
	m.Conversation, m.Text, m.Pos, m.Sender = conv, text, pos, "s"
	if !ok {
		return "no bar"
	}
	return ""
}

// NewParser returns the by-value parse function.
func (p *splitParser) NewParser() func([]byte, Pos) (Message, string) {
	return func(raw []byte, pos Pos) (m Message, reason string) {
		reason = p.parse(raw, pos, &m)
		return m, reason
	}
}

// inPlaceSplitParser is a splitParser that parses in place too, counting
// the records it parsed so.
type inPlaceSplitParser struct {
	splitParser
	inPlace int
}

// NewParserInto returns the in-place parse function, which counts.
func (p *inPlaceSplitParser) NewParserInto() func([]byte, Pos, *Message) string {
	return func(raw []byte, pos Pos, m *Message) string {
		p.inPlace++
		return p.parse(raw, pos, m)
	}
}

// TestPreparerParsesInPlace runs deferred records of a by-value and an
// in-place parser, interleaved, through the preparer: both give the same
// messages, the in-place one is used in place, and a malformed record
// leaves no message behind.
func TestPreparerParsesInPlace(t *testing.T) {
	byValue, inPlace := &splitParser{}, &inPlaceSplitParser{}
	raws := []string{"a|你好", "b|在吗", "broken", "a|好的", "c|"}
	b := newBatch(0)
	defer b.release()
	bt := &batcher{cur: b}
	for i, raw := range raws {
		for _, p := range []RecordParser{byValue, inPlace} {
			if err := bt.Deferred(Pos{File: "f", Line: i + 1}, []byte(raw), p); err != nil {
				t.Fatal(err)
			}
		}
	}
	(&preparer{}).run(b)
	if inPlace.inPlace != len(raws) {
		t.Errorf("%d records parsed in place, want %d", inPlace.inPlace, len(raws))
	}
	for i := 0; i < len(b.recs); i += 2 {
		v, p := b.recs[i], b.recs[i+1]
		if v.kind != p.kind || v.err != p.err || !reflect.DeepEqual(v.msg, p.msg) || v.size != p.size {
			t.Errorf("record %d: by value %+v, in place %+v", i/2, v, p)
		}
		if raws[i/2] == "broken" && (v.kind != recReject || v.err != "no bar" || !reflect.DeepEqual(v.msg, Message{})) {
			t.Errorf("malformed record: %+v", v)
		}
	}
}

// countingPreparer is a GoroutinePreparer that notes which prepare function
// prepared each message; prepares counts the functions made, direct the
// calls of Prepare itself.
type countingPreparer struct {
	mu       sync.Mutex
	prepares int
	direct   int
}

func (p *countingPreparer) Prepare(m *Message) {
	p.mu.Lock()
	p.direct++
	p.mu.Unlock()
	m.Prepared = -1
}

func (p *countingPreparer) NewPrepare() func(m *Message) {
	p.mu.Lock()
	p.prepares++
	id := p.prepares
	p.mu.Unlock()
	return func(m *Message) { m.Prepared = id }
}

// plainPreparer is a Preparer only.
type plainPreparer struct{}

func (plainPreparer) Prepare(m *Message) { m.Prepared = "plain" }

// TestPrepareAllPerGoroutine checks that each preparing goroutine makes its
// own prepare function of a GoroutinePreparer, once, and prepares every
// message with it; a plain Preparer's Prepare is called for each message.
func TestPrepareAllPerGoroutine(t *testing.T) {
	const jobs, batches = 2, 8
	run := func(prep Preparer) []*batch {
		in, out := make(chan *batch, batches), make(chan *batch, batches)
		var sent []*batch
		for i := range batches {
			b := newBatch(0)
			for k := range 3 {
				b.recs = append(b.recs, record{kind: recMessage, msg: Message{Conversation: strconv.Itoa(i), Text: strconv.Itoa(k)}})
			}
			sent = append(sent, b)
			in <- b
		}
		close(in)
		prepareAll(context.Background(), jobs, &preparer{prep: prep}, in, out)
		var got []*batch
		for b := range out {
			got = append(got, b)
		}
		if len(got) != batches {
			t.Fatalf("%d batches came out, want %d", len(got), batches)
		}
		return sent
	}
	cp := &countingPreparer{}
	for _, b := range run(cp) {
		for _, r := range b.recs {
			if id, ok := r.msg.Prepared.(int); !ok || id < 1 || id > jobs {
				t.Errorf("message %s/%s prepared by %v, want one of the %d goroutines' functions", r.msg.Conversation, r.msg.Text, r.msg.Prepared, jobs)
			}
		}
	}
	if cp.prepares != jobs || cp.direct != 0 {
		t.Errorf("NewPrepare called %d times, Prepare %d times; want %d and 0", cp.prepares, cp.direct, jobs)
	}
	for _, b := range run(plainPreparer{}) {
		for _, r := range b.recs {
			if r.msg.Prepared != "plain" {
				t.Errorf("message %s/%s: Prepared %v, want plain", r.msg.Conversation, r.msg.Text, r.msg.Prepared)
			}
		}
	}
}
