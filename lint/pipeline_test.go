package lint

import (
	"reflect"
	"strings"
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

// skippingSplitParser is an inPlaceSplitParser that skips records whose
// text is "event" (SkippingParser).
type skippingSplitParser struct{ inPlaceSplitParser }

func (p *skippingSplitParser) NewParserSkip() func([]byte, Pos, *Message) (string, bool) {
	return func(raw []byte, pos Pos, m *Message) (string, bool) {
		if reason := p.parse(raw, pos, m); reason != "" {
			return reason, false
		}
		if m.Text == "event" {
			return "type event", true
		}
		return "", false
	}
}

// TestEngineSkipsDeferredRecords: records a SkippingParser skips are
// counted as skipped with their reason, in input order among the messages
// and the malformed records, and --strict does not stop at them.
func TestEngineSkipsDeferredRecords(t *testing.T) {
	for _, jobs := range []int{1, 3, 6} {
		for _, strict := range []bool{false, true} {
			p := &skippingSplitParser{}
			raws := []string{"a|你好", "a|event", "b|在吗", "a|event", "a|好的", "broken"}
			feed := func(s Sink) error {
				ds := s.(DeferringSink)
				for i, raw := range raws {
					if err := ds.Deferred(Pos{File: "f", Line: i + 1}, []byte(raw), p); err != nil {
						return err
					}
				}
				return nil
			}
			res, sum, err := runEngine(t, &Engine{Jobs: jobs, Strict: strict}, feed)
			if strict != (err != nil) {
				t.Fatalf("jobs %d strict %v: %v", jobs, strict, err)
			}
			if sum.SkippedRecords != 2 || sum.SkippedReasons["type event"] != 2 || sum.Rejected != 1 || sum.Records != 6 {
				t.Errorf("jobs %d strict %v: %d skipped (%v), %d rejected of %d records", jobs, strict, sum.SkippedRecords, sum.SkippedReasons, sum.Rejected, sum.Records)
			}
			if !strict && (len(res) != 2 || len(res[0].Conversation.Messages) != 2 || res[0].Conversation.Messages[1].Text != "好的") {
				t.Errorf("jobs %d: results %+v", jobs, res)
			}
		}
	}
}

// madeParser is a RecordParser that counts the parse functions made of it.
type madeParser struct{ made int }

func (p *madeParser) NewParser() func([]byte, Pos) (Message, string) {
	p.made++
	return func(raw []byte, pos Pos) (Message, string) { return Message{Text: string(raw)}, "" }
}

// TestPreparerKeepsFewParsers: a preparer keeps the parse functions of the
// last parserSlots parsers it used (a reader makes a parser per file, and a
// parse function keeps caches), makes one again for a parser used before
// those, and parses every record with its own parser's function.
func TestPreparerKeepsFewParsers(t *testing.T) {
	ps := make([]*madeParser, 10)
	for i := range ps {
		ps[i] = &madeParser{}
	}
	p := &preparer{}
	use := func(i int) {
		t.Helper()
		var m Message
		if reason, skip := p.parseFunc(ps[i])([]byte{byte('a' + i)}, Pos{}, &m); reason != "" || skip || m.Text != string(rune('a'+i)) {
			t.Fatalf("parser %d: %q, %q", i, m.Text, reason)
		}
	}
	for _, tt := range []struct {
		seq  []int
		made []int // made[i]: parse functions made of ps[i] after seq
	}{
		{[]int{0, 0, 0}, []int{1}},
		{[]int{1, 2, 3, 1, 2, 3, 0}, []int{1, 1, 1, 1}}, // four fit
		{[]int{4}, []int{1, 1, 1, 1, 1}},                // 1, used fifth last, goes
		{[]int{0, 4, 3, 2}, []int{1, 1, 1, 1, 1}},
		{[]int{1}, []int{1, 2, 1, 1, 1}}, // made again
		{[]int{5, 6, 7, 8, 9, 1}, []int{1, 3, 1, 1, 1, 1, 1, 1, 1, 1}},
	} {
		for _, i := range tt.seq {
			use(i)
		}
		for i, want := range tt.made {
			if ps[i].made != want {
				t.Errorf("after %v: %d parse functions of parser %d, want %d", tt.seq, ps[i].made, i, want)
			}
		}
		kept := map[RecordParser]bool{}
		for _, e := range p.parsers {
			if e.r != nil && kept[e.r] {
				t.Errorf("after %v: parser kept twice", tt.seq)
			}
			kept[e.r] = true
		}
	}
}

// TestParsers: one parsing goroutine for up to three workers, then one
// more for every three.
func TestParsers(t *testing.T) {
	for _, tt := range []struct{ jobs, want int }{{1, 1}, {2, 1}, {3, 1}, {4, 2}, {6, 2}, {7, 3}, {64, 22}} {
		if got := parsers(tt.jobs); got != tt.want {
			t.Errorf("parsers(%d) = %d, want %d", tt.jobs, got, tt.want)
		}
	}
}

// taggedParser is a RecordParser whose messages' texts start with its tag,
// so that a message tells which parser read it.
type taggedParser struct {
	tag  string
	made int
}

func (p *taggedParser) NewParser() func([]byte, Pos) (Message, string) {
	p.made++
	return func(raw []byte, pos Pos) (Message, string) { return Message{Text: p.tag + string(raw)}, "" }
}

// TestPreparerParsesEachWithItsParser: records of two parsers of the same
// type, interleaved in one batch, are each parsed by their own parser's
// function (the preparer keeps the last record's, see sameParser), and a
// parse function is made once per parser.
func TestPreparerParsesEachWithItsParser(t *testing.T) {
	a, b := &taggedParser{tag: "a"}, &taggedParser{tag: "b"}
	seq := []*taggedParser{a, a, b, a, b, b, a}
	bt := newBatch(0)
	defer bt.release()
	ba := &batcher{cur: bt}
	for i, p := range seq {
		if err := ba.Deferred(Pos{File: "f", Line: i + 1}, []byte{byte('0' + i)}, p); err != nil {
			t.Fatal(err)
		}
	}
	(&preparer{}).run(bt)
	for i, p := range seq {
		if r := bt.recs[i]; r.kind != recMessage || r.msg.Text != p.tag+string(rune('0'+i)) {
			t.Errorf("record %d: kind %d, text %q, want %q", i, r.kind, r.msg.Text, p.tag+string(rune('0'+i)))
		}
	}
	if a.made != 1 || b.made != 1 {
		t.Errorf("parse functions made: %d and %d, want 1 each", a.made, b.made)
	}
}

// TestSameParser: sameParser says true for the very same parser only.
func TestSameParser(t *testing.T) {
	a, b := &taggedParser{tag: "x"}, &taggedParser{tag: "x"}
	s := &splitParser{}
	for _, tt := range []struct {
		x, y RecordParser
		want bool
	}{
		{a, a, true},
		{a, b, false}, // equal values, other pointers
		{s, s, true},
		{a, s, false},
		{a, nil, false},
		{nil, nil, true},
	} {
		if got := sameParser(tt.x, tt.y); got != tt.want {
			t.Errorf("sameParser(%p, %p) = %v, want %v", tt.x, tt.y, got, tt.want)
		}
	}
}
