package transcript

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// eventSink notes everything a reader hands it, in order.
type eventSink struct{ events []string }

func (s *eventSink) Message(m lint.Message) error {
	s.events = append(s.events, fmt.Sprintf("message %#v", m))
	return nil
}

func (s *eventSink) Reject(e lint.RecordError) error {
	s.events = append(s.events, fmt.Sprintf("reject %#v", e))
	return nil
}

func (s *eventSink) SkipRecord(pos lint.Pos, why string) error {
	s.events = append(s.events, fmt.Sprintf("skip %#v %q", pos, why))
	return nil
}

func (s *eventSink) File(name string) { s.events = append(s.events, "file "+name) }

// deferringEventSink is an eventSink that takes deferred records, parsing
// them at once as the engine's workers would (and noting which were).
type deferringEventSink struct {
	eventSink
	parsers  map[lint.RecordParser]func([]byte, lint.Pos, *lint.Message) (string, bool)
	deferred int
}

func (s *deferringEventSink) Deferred(pos lint.Pos, raw []byte, p lint.RecordParser) error {
	return s.DeferredAt(pos, 0, 0, raw, p)
}

// DeferredAt takes a deferred record with its column (lint.ColumnSink).
func (s *deferringEventSink) DeferredAt(pos lint.Pos, col, col16 int, raw []byte, p lint.RecordParser) error {
	s.deferred++
	return parseDeferredAt(s.parsers, s, pos, col, col16, raw, p)
}

// parseDeferred parses a deferred record at once, as the engine's workers
// would (one parse function per parser, kept in parsers), and hands the
// message, reject or skip to sink.
func parseDeferred(parsers map[lint.RecordParser]func([]byte, lint.Pos, *lint.Message) (string, bool), sink lint.Sink, pos lint.Pos, raw []byte, p lint.RecordParser) error {
	return parseDeferredAt(parsers, sink, pos, 0, 0, raw, p)
}

// parseDeferredAt is parseDeferred for a record at column col of its line
// (col16 in UTF-16 code units), where the engine reports it if malformed.
func parseDeferredAt(parsers map[lint.RecordParser]func([]byte, lint.Pos, *lint.Message) (string, bool), sink lint.Sink, pos lint.Pos, col, col16 int, raw []byte, p lint.RecordParser) error {
	parse := parsers[p]
	if parse == nil {
		parse = lint.NewParseFunc(p) // as the engine does
		parsers[p] = parse
	}
	var m lint.Message
	why, skip := parse(append([]byte(nil), raw...), pos, &m)
	switch {
	case skip:
		return sink.SkipRecord(pos, why)
	case why != "":
		return sink.Reject(lint.RecordError{Pos: pos, Col: col, Col16: col16, Err: why})
	}
	return sink.Message(m)
}

// jsonArrayOpts are the option sets the differential tests read with.
func jsonArrayOpts(mode byte) *Options {
	opts := &Options{Location: time.UTC}
	switch mode % jsonArrayModes {
	case 1:
		opts.MaxRecordBytes = 64
	case 2:
		opts.Agents = []string{"kf*"}
	case 3:
		opts.Mapping = &Mapping{Fields: map[string]string{"text": "body"}}
	case 4:
		opts.Mapping = &Mapping{Types: map[string]string{"event": TypeSkip}}
	case 5:
		opts.Mapping = &Mapping{Messages: "[]"}
	case 6:
		// read from the messages themselves, and from a frame's key
		opts.Mapping = &Mapping{Fields: map[string]string{"sender": "messages[0].role", "time": "agent"}}
	case 7:
		opts.Mapping = &Mapping{Fields: map[string]string{"conversation": "^id", "sender": "agent"}}
	}
	return opts
}

// jsonArrayModes is the number of option sets jsonArrayOpts has.
const jsonArrayModes = 8

// readJSONEvents reads data as a JSON export, deferring or not, through
// a reader that hands over one byte at a time when slow.
func readJSONEvents(data string, mode byte, deferring, slow bool) ([]string, int) {
	var r io.Reader = strings.NewReader(data)
	if slow {
		r = iotest.OneByteReader(r)
	}
	src := &Source{Name: "x.json", R: bufio.NewReaderSize(r, 16), Opts: jsonArrayOpts(mode)}
	return readEvents(deferring, func(sink lint.Sink) error { return jsonReader{}.Read(context.Background(), src, sink) })
}

// readEvents runs read with an eventSink, or a deferringEventSink when
// deferring, and returns the events noted (the last one read's error) and
// how many records were deferred.
func readEvents(deferring bool, read func(lint.Sink) error) ([]string, int) {
	es := &eventSink{}
	var sink lint.Sink = es
	var ds *deferringEventSink
	if deferring {
		ds = &deferringEventSink{parsers: map[lint.RecordParser]func([]byte, lint.Pos, *lint.Message) (string, bool){}}
		es, sink = &ds.eventSink, ds
	}
	err := read(sink)
	events := append(es.events, fmt.Sprintf("error %v", err))
	if ds != nil {
		return events, ds.deferred
	}
	return events, 0
}

// agreeDeferred reads both ways with read (deferring or not) and fails the
// test unless the events are the same; it returns how many records were
// deferred. what names the input in the failure.
func agreeDeferred(t testing.TB, what string, read func(deferring bool) ([]string, int)) int {
	t.Helper()
	want, _ := read(false)
	got, d := read(true)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("%s\ngot  %q\nwant %q", what, got, want)
	}
	return d
}

// checkJSONArray holds the deferring read of data to the walker's.
func checkJSONArray(t *testing.T, data string, mode byte) int {
	t.Helper()
	want, _ := readJSONEvents(data, mode, false, false)
	n := 0
	for _, slow := range []bool{false, true} {
		got, d := readJSONEvents(data, mode, true, slow)
		n += d
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("mode %d slow %v: %q\ngot  %q\nwant %q", mode, slow, data, got, want)
		}
	}
	return n
}

// jsonArraySeeds are inputs of every kind the fast path meets or refuses.
var jsonArraySeeds = []string{
	`[{"role":"customer","text":"你好"},{"role":"agent","text":"在的"}]`,
	"[\n{\"conversation\":\"c1\",\"id\":\"1\",\"time\":\"2026-11-11 08:00:02\",\"role\":\"customer\",\"sender\":\"u\",\"text\":\"老板在吗\"},\n{\"conversation\":\"c1\",\"role\":\"agent\",\"text\":\"在\"}\n]\n",
	"[\n  {\n    \"role\": \"customer\",\n    \"text\": \"a\\nb\\u4e2d\\ud800\\ud83d\\ude00\"\n  },\n  {\n    \"text\": \"x\", \"role\": \"bot\", \"text\": \"y\"\n  }\n]",
	`[{"role":"customer","text":"a","messages":[]},{"conversation":"c","messages":[{"role":"agent","text":"hi"}]}]`,
	`[{"role":"customer","text":"a","messag\u0065s":[{"role":"agent","text":"x"}]}]`,
	`[{"role":"customer"},{"body":"x","role":"agent"},{"role":"customer","text":null},{"text":"t","role":"customer","id":{"a":1}}]`,
	`[{"role":"customer","text":1.5e3,"id":-0,"conversation":true,"sender":false,"type":null}]`,
	`[{"role":"customer","text":"a"},1,"s",null,[],{"role":"agent","text":"b"}]`,
	`[{"role":"customer","text":"a"},{"role":"x","text":"b"},{"text":"c"},{"role":"customer","text":"d","time":"bad"}]`,
	`[{"role":"customer","text":"a"}{"role":"agent","text":"b"}]`,
	`[{"role":"customer","text":"a"},]`,
	`[{"role":"customer","text":"a"},{"role":"agent","text":01}]`,
	`[{"role":"customer","text":"a"},{"role":"agent","text":"b\x01"}]`,
	`[{"role":"customer","text":"a"},{"role":"agent","text":"\xff\xfe"}]`,
	`[{"role":"customer","text":"a"},{"role":"agent","text":"b"`,
	`[{"role":"customer","text":"a"},{"role":"agent","text":"b\q"}]`,
	`[{"role":"customer","text":"a"},{"role":"agent","text":"b","x":[1,2,{"y":[]}],"z":{}}]`,
	`[{"role":"customer","text":"` + strings.Repeat("长", 40) + `"}]`,
	`[{"role":"customer","text":"a","nested":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}]`,
	`[{"role":"customer","text":"a","type":"event"},{"role":"customer","text":"b","type":"text"}]`,
	`[{"role":"customer","text":"a"}] [{"role":"agent","text":"b"}] {"role":"bot","text":"c"}`,
	`{"messages":[{"role":"customer","text":"a"}]}`,
	`[]`, `[ ]`, `[`, ``, `  `, `"x"`,
	`[{"role":"customer","text":"a","n":1.},{"role":"customer","text":"a","n":1e},{"role":"customer","text":"a","n":-}]`,
	`[{"role":"customer","text":"a","b":tru}]`,
	`[{"role":"customer","text":"a","b":nul` + "\n",
	"[{\"role\":\"customer\",\r\n\"text\":\"a\"},\r\n\t{\"role\":\"agent\",\"text\":\"b\"}]",
	`[{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9}]`,
	`[{"role":"customer","text":"a","text\u0000":"b"}]`,
	// conversations: their messages deferred with the conversation's frame
	"[\n{\"conversation\":\"c1\",\"agent\":\"kf01\",\"messages\":[\n  {\"role\":\"customer\",\"text\":\"在吗\"},\n  {\"role\":\"agent\",\"text\":\"在\",\"conversation\":\"own\"}\n]},\n{\"id\":7,\"messages\":[{\"role\":\"agent\",\"text\":\"b\"}]}\n]",
	`[{"messages":[{"role":"customer","text":"a"},{"role":"agent","text":"b","conversation":null}],"conversation":"after"}]`,
	`[{"conversation":null,"id":"x","messages":[{"role":"customer","text":"a"}]},{"messages":[]},{"messages":[{"role":"agent","text":"c"}]}]`,
	`[{"conversation":{"a":1},"messages":[{"role":"customer","text":"a"},{"role":"customer","text":"b","conversation":"c"}]}]`,
	`[{"conversation":["x"],"messages":[{"role":"customer","text":"a"}]},{"conversation":true,"messages":[{"role":"customer","text":"a"}]}]`,
	`[{"conversation":"c","messages":[{"role":"customer","text":"a"},"s",1]},{"conversation":"d","messages":{"role":"agent","text":"b"}}]`,
	`[{"conversation":"c","messages":[{"role":"customer"},{"role":"customer","body":"x"},{"role":"nobody","text":"y"}]}]`,
	`[{"conversation":"c","messages":[{"role":"customer","text":"a"}],"messages":[{"role":"agent","text":"b"}]}]`,
	`[{"conversation":"c","messag\u0065s":[{"role":"customer","text":"a"}]}]`,
	// the layout's key in any case (the walker's layoutKey)
	`[{"Id":"c","Messages":[{"Role":"customer","Text":"a"}]},{"ID":"d","MESSAGES":[{"role":"agent","text":"b"}]},{"id":"e","meſſages":[{"role":"agent","text":"c"}]}]`,
	`[{"conversation":"c","messages":[{"role":"customer","text":"a"}],"Messages":[{"role":"agent","text":"b"}]}]`,
	`[{"conversation":"c","Messages":"x"},{"role":"agent","text":"b","Messagesx":[]},{"role":"agent","text":"b","MESSAGE":[]}]`,
	`{"Conversations":[{"Id":"c","Messages":[{"Role":"customer","Text":"a"}]}],"messages":[]}`,
	`{"conversations":[],"CONVERSATIONS":[{"Id":"c","Messages":[{"Role":"customer","Text":"a"}]}]}`,
	`[{"conversation":"c","messages":[{"role":"customer","text":"a","messages":[{"role":"agent","text":"b"}]}]}]`,
	"[{\"conversation\":\"c\",\"messages\":[\r\n{\"role\":\"customer\",\r\n\"text\":\"a\\n\\u4e2d\"} ,\n\t{\"type\":\"event\",\"role\":\"agent\",\"text\":\"b\"}\n],\n\"id\":\"z\"}]",
	`[{"conversation":"c","messages":[{"role":"customer","text":"a"},{"role":"agent","text":"b\xff"}]}]`,
	`[{"conversation":"c","messages":[{"role":"customer","text":"` + strings.Repeat("长", 30) + `"}]}]`,
	`[{"conversation":"c","messages":[{"role":"customer","text":"a"}`,
}

// TestJSONArrayDeferredAgrees reads the seeds both ways, with every option
// set.
func TestJSONArrayDeferredAgrees(t *testing.T) {
	n := 0
	for _, s := range jsonArraySeeds {
		for mode := byte(0); mode < jsonArrayModes; mode++ {
			n += checkJSONArray(t, s, mode)
		}
	}
	if n == 0 {
		t.Fatal("nothing was deferred")
	}
}

// FuzzJSONArrayDeferred holds the deferring read to the walker's on any
// input.
func FuzzJSONArrayDeferred(f *testing.F) {
	for _, s := range jsonArraySeeds {
		f.Add(s, byte(0))
	}
	f.Fuzz(func(t *testing.T, data string, mode byte) {
		if len(data) > 4096 {
			return
		}
		checkJSONArray(t, data, mode)
		if strings.HasPrefix(data, "[") {
			checkStreamedConversations(t, data, mode, int64(mode%2)*40)
		}
	})
}

// TestJSONArrayRandomAgrees reads random arrays of message-like objects
// (repeated keys, nulls, numbers, booleans, escapes, nested values,
// conversations, odd blanks, now and then a broken byte) both ways.
func TestJSONArrayRandomAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	keys := []string{"conversation", "id", "time", "role", "sender", "type", "text", "body", "messages", "Text", `te\u0078t`, "x"}
	vals := []string{`"你好"`, `"a\nb"`, `"\u4e2d\ud800"`, `" c1 "`, `"customer"`, `"agent"`, `"kf01"`, `"2026-11-11 08:00:02"`, `"bad time"`,
		`1`, `-0.5e3`, `true`, `false`, `null`, `{}`, `[]`, `{"a":[1,{"b":"c"}]}`, `[{"role":"agent","text":"x"}]`, `""`, `"event"`, `"\u0000"`,
		`"\ud83d\ude00好"`, `"\ud83d\u0041"`, `"\/\"\\\b\f\r\t"`, `"\udc00\ud800\udc00"`, `"\ud800"`, `"\u0061gent"`, `" \u0063ustomer "`, `"x\ud800\ud800"`}
	blanks := []string{"", "", " ", "\n", "\r\n", "\t", "\n  "}
	broken := []string{"", "", "", "", "", "", "", "", "", "", "\xff", ",", "}", `"`, "\\", "\x01"}
	deferred := 0
	for range 5000 {
		var b strings.Builder
		b.WriteString("[" + blanks[r.IntN(len(blanks))])
		for e := r.IntN(5); e >= 0; e-- {
			b.WriteString("{")
			for k := r.IntN(8); k >= 0; k-- {
				b.WriteString(blanks[r.IntN(len(blanks))] + `"` + keys[r.IntN(len(keys))] + `"` + blanks[r.IntN(len(blanks))] + ":" + vals[r.IntN(len(vals))])
				b.WriteString(broken[r.IntN(len(broken))])
				if k > 0 {
					b.WriteString(",")
				}
			}
			b.WriteString("}" + blanks[r.IntN(len(blanks))])
			if e > 0 {
				b.WriteString(",")
			}
		}
		b.WriteString("]")
		deferred += checkJSONArray(t, b.String(), byte(r.IntN(jsonArrayModes)))
	}
	if deferred < 1000 { // about 1700
		t.Fatalf("only %d elements deferred", deferred)
	}
}

// TestJSONConversationsRandomAgrees reads random arrays of conversation
// objects (frames with and without a conversation or an id, of every kind
// of value, messages lists of random message-like objects, now and then
// an element that is not an object, a second list, a broken byte) both
// ways, and checks that their messages were deferred.
func TestJSONConversationsRandomAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 19))
	frameKeys := []string{"conversation", "id", "agent", "time", "text", "x", "summary", "messages", "conversation"}
	frameVals := []string{`"c1"`, `" c2 "`, `7`, `null`, `true`, `{"a":1}`, `["x"]`, `"\u4f1a\u8bdd"`, `""`, `"kf01"`}
	msgKeys := []string{"conversation", "id", "time", "role", "sender", "type", "text", "body", "x", "text"}
	msgVals := []string{`"你好"`, `"a\nb"`, `"customer"`, `"agent"`, `"kf01"`, `"2026-11-11 08:00:02"`, `"bad time"`, `1`, `true`, `null`,
		`{}`, `[]`, `"event"`, `"\u0061gent"`, `"c9"`, `""`}
	blanks := []string{"", "", " ", "\n", "\r\n", "\t"}
	broken := []string{"\xff", ",", "}", `"`}
	object := func(keys, vals []string, n int) string {
		var b strings.Builder
		b.WriteString("{")
		for k := n; k >= 0; k-- {
			b.WriteString(blanks[r.IntN(len(blanks))] + `"` + keys[r.IntN(len(keys))] + `":` + vals[r.IntN(len(vals))])
			if r.IntN(200) == 0 {
				b.WriteString(broken[r.IntN(len(broken))])
			}
			if k > 0 {
				b.WriteString(",")
			}
		}
		b.WriteString("}")
		return b.String()
	}
	deferred, streamed := 0, 0
	for range 3000 {
		var b strings.Builder
		b.WriteString("[" + blanks[r.IntN(len(blanks))])
		for e := r.IntN(4); e >= 0; e-- {
			frame := object(frameKeys[:7], frameVals, r.IntN(3))
			var list strings.Builder
			list.WriteString("[" + blanks[r.IntN(len(blanks))])
			for m := r.IntN(5); m >= 0; m-- {
				switch r.IntN(20) {
				case 0:
					list.WriteString(`"not an object"`)
				case 1:
					list.WriteString("[]")
				default:
					list.WriteString(object(msgKeys, msgVals, r.IntN(6)))
				}
				if m > 0 {
					list.WriteString("," + blanks[r.IntN(len(blanks))])
				}
			}
			list.WriteString("]")
			key := `"messages"`
			switch r.IntN(30) {
			case 0:
				key = `"messag\u0065s"`
			case 1:
				key = `"Messages"` // (.NET's)
			case 2:
				key = `"MESSAGES"`
			}
			// the list first, last or in between the frame's keys
			switch r.IntN(3) {
			case 0:
				b.WriteString("{" + key + ":" + list.String() + "," + frame[1:])
			case 1:
				b.WriteString(frame[:len(frame)-1] + "," + key + ":" + list.String() + "}")
			default:
				b.WriteString(frame[:len(frame)-1] + "," + key + ":" + list.String() + "," + object(frameKeys, frameVals, 1)[1:])
			}
			if e > 0 {
				b.WriteString("," + blanks[r.IntN(len(blanks))])
			}
		}
		b.WriteString("]")
		mode := byte(r.IntN(jsonArrayModes))
		deferred += checkJSONArray(t, b.String(), mode)
		// the same list in a top-level object, streamed from its first
		// or second element on
		streamed += checkStreamedConversations(t, b.String(), mode, int64(r.IntN(2)*40))
	}
	if deferred < 5000 || streamed < 3000 { // about 12,200 and 7,100
		t.Fatalf("only %d messages deferred, %d in a streamed list", deferred, streamed)
	}
}

// checkStreamedConversations holds the deferring read of list, as the
// "conversations" of a top-level object streamed once over after bytes,
// to the walker's.
func checkStreamedConversations(t *testing.T, list string, mode byte, after int64) int {
	t.Helper()
	defer func(n int64) { streamAfter = n }(streamAfter)
	streamAfter = after
	key := "conversations"
	if len(list)%3 == 1 {
		key = "Conversations" // in any case (.NET's)
	}
	return checkJSONArray(t, `{"export":"day","`+key+`":`+list+`,"n":1}`, mode)
}

// readJSONLEvents reads data as JSONL with a mapping (mode, as
// jsonArrayOpts), deferring or not.
func readJSONLEvents(data string, mode byte, deferring bool) ([]string, int) {
	opts := jsonArrayOpts(mode)
	if opts.Mapping == nil {
		opts.Mapping = &Mapping{Roles: map[string]string{"客服": "agent"}}
	}
	src := &Source{Name: "x.jsonl", R: bufio.NewReaderSize(strings.NewReader(data), 16), Opts: opts}
	return readEvents(deferring, func(sink lint.Sink) error { return jsonlReader{}.Read(context.Background(), src, sink) })
}

// TestJSONLMappedDeferredAgrees: JSONL read with a field mapping hands its
// plain message lines to the engine's workers; the messages, rejects and
// errors are the walker's, for random lines of message-like objects,
// conversations, arrays, trailing bytes and broken ones.
func TestJSONLMappedDeferredAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 29))
	keys := []string{"conversation", "id", "time", "role", "sender", "type", "text", "body", "messages", "conversations", "x", `te\u0078t`}
	vals := []string{`"你好"`, `"a\nb"`, `"customer"`, `"agent"`, `"客服"`, `"kf01"`, `"2026-11-11 08:00:02"`, `"bad time"`, `1`, `true`, `null`,
		`{}`, `[]`, `"event"`, `"c9"`, `""`, `[{"role":"agent","text":"x"}]`, `"\ud800"`}
	extra := []string{"", "", "", "", "", "", "", "", " ", "\t", " x", ",", "}", "\xff", `"`}
	deferred := 0
	for range 3000 {
		var b strings.Builder
		for l := r.IntN(6); l >= 0; l-- {
			switch r.IntN(12) {
			case 0:
				b.WriteString(`[{"role":"agent","text":"a"}]`)
			case 1:
				b.WriteString(`"s"`)
			default:
				b.WriteString("{")
				for k := r.IntN(6); k >= 0; k-- {
					b.WriteString(`"` + keys[r.IntN(len(keys))] + `":` + vals[r.IntN(len(vals))])
					if k > 0 {
						b.WriteString(",")
					}
				}
				b.WriteString("}")
			}
			b.WriteString(extra[r.IntN(len(extra))] + []string{"\n", "\r\n"}[r.IntN(2)])
		}
		mode := byte(r.IntN(jsonArrayModes))
		deferred += agreeDeferred(t, fmt.Sprintf("mode %d: %q", mode, b.String()), func(deferring bool) ([]string, int) {
			return readJSONLEvents(b.String(), mode, deferring)
		})
	}
	if deferred < 1000 { // about 1,400
		t.Fatalf("only %d lines deferred", deferred)
	}
}

// TestJSONLMappedLongLines: a deferred line is handed on whole however the
// parser's buffer moved while reading it: objects ending at the buffer's
// bounds (64 and 128 KiB), followed by blanks longer than what is left of
// it.
func TestJSONLMappedLongLines(t *testing.T) {
	head := `{"role":"customer","text":"`
	for _, end := range []int{jsonBufSize, 2 * jsonBufSize, 2*jsonBufSize + 1, 3 * jsonBufSize} {
		for _, blanks := range []int{0, 1, 100, 70000} {
			obj := head + strings.Repeat("长", (end-len(head)-2)/3) + strings.Repeat("a", (end-len(head)-2)%3) + `"}`
			data := `{"role":"agent","text":"在"}` + "\n" + obj + strings.Repeat(" ", blanks) + "\n"
			want, _ := readJSONLEvents(data, 0, false)
			got, d := readJSONLEvents(data, 0, true)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Fatalf("object of %d bytes, %d blanks after it: got %.300q, want %.300q", len(obj), blanks, got, want)
			}
			if d != 2 {
				t.Errorf("object of %d bytes, %d blanks after it: %d lines deferred, want 2", len(obj), blanks, d)
			}
		}
	}
}

// TestDeferredSkipsWithHTML: records of a type mapped to skip are skipped
// on the engine's workers too, also when the texts are read as HTML (the
// wrapped parser keeps its skips), in JSON arrays, conversations and
// mapped JSONL alike.
func TestDeferredSkipsWithHTML(t *testing.T) {
	for _, tc := range []struct{ format, data string }{
		{"json", `[{"conversation":"c1","type":"event","role":"system","text":"<b>转接</b>"},{"conversation":"c1","role":"agent","text":"您好&nbsp;<br>在的"}]`},
		{"json", `[{"conversation":"c1","messages":[{"type":"event","role":"system","text":"x"},{"role":"agent","text":"<p>好的</p>"}]}]`},
		{"jsonl", "{\"conversation\":\"c1\",\"type\":\"event\",\"role\":\"system\",\"text\":\"x\"}\n{\"conversation\":\"c1\",\"role\":\"agent\",\"text\":\"<i>好</i>\"}\n"},
	} {
		read := func(deferring bool) ([]string, int) {
			opts := Options{Format: tc.format, Location: time.UTC, HTML: true, Stdin: strings.NewReader(tc.data),
				Mapping: &Mapping{Types: map[string]string{"event": TypeSkip}}}
			return readEvents(deferring, func(sink lint.Sink) error { return ReadAll(context.Background(), []string{"-"}, opts, sink) })
		}
		want, _ := read(false)
		got, d := read(true)
		if strings.Join(got, "\n") != strings.Join(want, "\n") || d != 2 {
			t.Errorf("%s %q: %d deferred\ngot  %q\nwant %q", tc.format, tc.data, d, got, want)
		}
		if !strings.Contains(strings.Join(got, "\n"), "skip ") {
			t.Errorf("%s: nothing skipped: %q", tc.format, got)
		}
	}
}

// TestSkimKeepsToItsLimit skims an element whose text is a long run of
// Chinese characters (read a character at a time once the buffer ends
// before its closing quote): the skim gives up at its limit, holding no
// more of the element than that, and the parser reads it.
func TestSkimKeepsToItsLimit(t *testing.T) {
	const limit = 1 << 10
	data := `{"role":"agent","text":"` + strings.Repeat("长", 1<<20) + `"}`
	src := &Source{Name: "a.json", R: bufio.NewReaderSize(strings.NewReader(data), 4096), Opts: &Options{}}
	p := newJSONParser(src)
	if c, err := p.next(); err != nil || c != '{' {
		t.Fatalf("%q, %v", c, err)
	}
	if _, _, ok := p.skimMessage(limit, nil, false); ok {
		t.Fatal("skimmed an element over the limit")
	}
	if cap(p.buf) > jsonBufSize+limit+utf8.UTFMax {
		t.Fatalf("the skim read %d bytes of the element", cap(p.buf))
	}
	n, err := p.value(0)
	if err != nil || len(n.vals) != 2 || len(n.vals[1].s) != 3<<20 {
		t.Fatalf("then read: %v", err)
	}
}
