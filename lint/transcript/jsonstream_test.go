package transcript

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// trickleReader hands out at most 4 KiB a read and counts the bytes.
type trickleReader struct {
	r io.Reader
	n int64
}

func (c *trickleReader) Read(p []byte) (int, error) {
	if len(p) > 4096 {
		p = p[:4096]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// firstSink notes how much input had been read when its first message came.
type firstSink struct {
	recSink
	in    *trickleReader
	first int64
}

func (s *firstSink) Message(m lint.Message) error {
	if len(s.msgs) == 0 {
		s.first = s.in.n
	}
	return s.recSink.Message(m)
}

// bigObject is a top-level object holding conversations conversations of
// ten messages, with head and tail as its other members.
func bigObject(head, list string, conversations int, tail string) string {
	var b strings.Builder
	b.WriteString("{" + head + "\"" + list + "\": [\n")
	for c := range conversations {
		if c > 0 {
			b.WriteString(",\n")
		}
		if list == "conversations" {
			fmt.Fprintf(&b, `{"id": "c%d", "messages": [`, c)
		}
		for m := range 10 {
			if m > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, `{"role": "agent", "text": "第%d条消息，您好，请问有什么可以帮您"}`, m)
		}
		if list == "conversations" {
			b.WriteString("]}")
		}
	}
	b.WriteString("\n]" + tail + "}\n")
	return b.String()
}

// TestJSONObjectStreams reads a 2.6 MB {"conversations": [...]} export with
// streamAfter at 64 KiB: the first message is linted long before the input
// ends, every message arrives, and the result is the reference's.
func TestJSONObjectStreams(t *testing.T) {
	saved := streamAfter
	streamAfter = 64 << 10
	defer func() { streamAfter = saved }()
	data := bigObject(`"export": "day", `, "conversations", 2000, `, "total": 2000`)
	in := &trickleReader{r: strings.NewReader(data)}
	s := &firstSink{in: in}
	if err := ReadAll(t.Context(), []string{"-"}, Options{Format: "json", Stdin: in, Location: tzSH}, s); err != nil {
		t.Fatal(err)
	}
	if len(s.msgs) != 20000 || len(s.rejects) != 0 {
		t.Fatalf("%d messages, %d rejects", len(s.msgs), len(s.rejects))
	}
	if s.first > streamAfter+64<<10 {
		t.Fatalf("first message after %d of %d bytes", s.first, len(data))
	}
	if s.msgs[19999].Conversation != "c1999" || s.msgs[19999].Pos.Line != 2001 {
		t.Fatalf("last message %s", msgLine(s.msgs[19999]))
	}
	var want *recSink
	withReference(func() { want = mustRead(t, "json", data, Options{}) })
	if g, w := dumpSink(&s.recSink), dumpSink(want); g != w {
		t.Fatal("streamed read differs from the reference")
	}
}

// TestJSONObjectStreamTruncated: a truncated export still lints what it
// streamed before the break, and says where the file ends.
func TestJSONObjectStreamTruncated(t *testing.T) {
	saved := streamAfter
	streamAfter = 64 << 10
	defer func() { streamAfter = saved }()
	data := bigObject("", "conversations", 2000, "")
	data = data[:len(data)/2]
	s, err := readData(t, "json", data, Options{})
	if err == nil || !strings.Contains(err.Error(), "unexpected end of JSON (truncated file?)") {
		t.Fatalf("error %v", err)
	}
	if len(s.msgs) < 9000 {
		t.Fatalf("%d messages before the break", len(s.msgs))
	}
}

// TestJSONObjectStreamKeysAfterList: keys after a streamed list that its
// messages would have used end the file with an error naming them; keys
// nobody asks for do not. Under streamAfter the object is read whole and
// such keys apply as always.
func TestJSONObjectStreamKeysAfterList(t *testing.T) {
	data := func(list, tail string) string { return bigObject("", list, 300, tail) }
	connect := Options{Mapping: &Mapping{Messages: "data.Transcript[]",
		Fields: map[string]string{"conversation": "^ContactId", "role": "role", "text": "text"}}}
	for _, tc := range []struct {
		name, data string
		opts       Options
		err        string
		conv       string
		wholeErr   string // the error reading it whole ("": none)
	}{
		{"id after messages", data("messages", `, "id": "late"`), Options{}, `"id" comes after the list "messages" (line 1)`, "late", ""},
		{"conversation after messages", data("messages", `, "conversation": "late"`), Options{}, `"conversation" comes after the list "messages"`, "late", ""},
		{"conversations after messages", data("messages", `, "conversations": []`), Options{}, `"conversations" comes after the list "messages"`, "",
			`the object holds both a "conversations" list and a "messages" list (line 1)`},
		{"conversations twice", data("conversations", `, "conversations": []`), Options{}, `"conversations" comes after the list "conversations"`, "",
			`the object holds "conversations" twice`},
		{"messages after conversations", data("conversations", `, "messages": [{"role": "agent", "text": "不知道"}]`), Options{}, `"messages" comes after the list "conversations"`, "",
			`the object holds both a "conversations" list and a "messages" list`},
		{"unasked key after conversations", data("conversations", `, "id": "x", "total": 3000`), Options{}, "", "c299", ""},
		{"unasked key after messages", data("messages", `, "total": 3000`), Options{}, "", "<stdin>#1", ""},
		{"mapped key after the list",
			`{"data": {"Transcript": [` + strings.Repeat(`{"role": "agent", "text": "您好"}, `, 3000) + `{"role": "agent", "text": "再见"}]}, "ContactId": "ct-9"}`,
			connect, `"ContactId" comes after the list "Transcript"`, "ct-9", ""},
		{"mapped path key twice",
			`{"data": {"Transcript": [` + strings.Repeat(`{"role": "agent", "text": "您好"}, `, 3000) + `{"role": "agent", "text": "再见"}]}, "ContactId": "ct-9", "data": {"Transcript": []}}`,
			// (read whole, the last "data" wins: its list is empty)
			connect, `comes after the list "Transcript"`, "", "no messages: its lists are empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			saved := streamAfter
			defer func() { streamAfter = saved }()
			// whole: as the reference reads it
			var want *recSink
			var wantErr error
			withReference(func() { want, wantErr = readData(t, "json", tc.data, tc.opts) })
			got, err := readData(t, "json", tc.data, tc.opts)
			if tc.wholeErr != "" {
				// both lists, or one twice: one would be lost
				if err == nil || !strings.Contains(err.Error(), tc.wholeErr) || wantErr == nil || err.Error() != wantErr.Error() {
					t.Fatalf("read whole: %v (reference: %v), want %q", err, wantErr, tc.wholeErr)
				}
			} else if err != nil || wantErr != nil || dumpSink(got) != dumpSink(want) {
				t.Fatalf("read whole: %v (reference: %v)", err, wantErr)
			}
			if tc.conv != "" && (len(got.msgs) == 0 || got.msgs[len(got.msgs)-1].Conversation != tc.conv) {
				t.Fatalf("read whole: conversation %q", got.msgs[len(got.msgs)-1].Conversation)
			}
			// streamed
			streamAfter = 1 << 10
			got, err = readData(t, "json", tc.data, tc.opts)
			switch {
			case tc.err != "":
				if err == nil || !strings.Contains(err.Error(), tc.err) || !strings.Contains(err.Error(), "put it before the list") {
					t.Fatalf("streamed: error %v, want %q", err, tc.err)
				}
			case err != nil:
				t.Fatal(err)
			case dumpSink(got) != dumpSink(want):
				t.Fatal("streamed read differs from the reference")
			}
		})
	}
}

// TestJSONNodesRecycled: the nodes of elements that were walked and
// dropped are handed out again, so reading a stream of elements keeps as
// many nodes as its largest element needs, however long the stream: a top-
// level array, JSON lines saved as .json (top-level objects one after the
// other), and a streamed list inside an object.
func TestJSONNodesRecycled(t *testing.T) {
	saved := streamAfter
	streamAfter = 4 << 10
	defer func() { streamAfter = saved }()
	conv := func(i int) string {
		return fmt.Sprintf(`{"id": "c%d", "messages": [{"role": "customer", "text": "在吗"}, {"role": "agent", "text": "您好"}]}`, i)
	}
	var array, lines, object strings.Builder
	array.WriteString("[")
	object.WriteString(`{"export": "day", "conversations": [`)
	for i := range 20000 {
		if i > 0 {
			array.WriteString(",\n")
			object.WriteString(",\n")
		}
		array.WriteString(conv(i))
		object.WriteString(conv(i))
		lines.WriteString(conv(i) + "\n")
	}
	array.WriteString("]")
	object.WriteString("]}")
	for name, data := range map[string]string{"array": array.String(), "lines": lines.String(), "object": object.String()} {
		src := &Source{Name: "day.json", R: bufio.NewReader(strings.NewReader(data)), Opts: &Options{Location: tzSH}}
		p := newJSONParser(src)
		s := &recSink{}
		if err := readJSON(t.Context(), src, s, p); err != nil {
			t.Fatal(err)
		}
		if len(s.msgs) != 40000 || len(s.rejects) != 0 {
			t.Fatalf("%s: %d messages, %v", name, len(s.msgs), s.rejects)
		}
		// the object's list is kept whole up to streamAfter first
		if most := len(p.nodes.blocks); most > 1+int(streamAfter)/nodeBlock {
			t.Errorf("%s: %d blocks of nodes for 20,000 elements", name, most)
		}
	}
}

// TestJSONObjectStreamListsBefore: a "conversations" list streamed after a
// "messages" list or another "conversations" one, read whole, is an error
// as the same object read whole is: one of the lists would be lost. The
// messages path it suggests keeps the conversations' ids.
func TestJSONObjectStreamListsBefore(t *testing.T) {
	for _, tc := range []struct{ name, head, err string }{
		{"messages first", `"messages": [{"role": "agent", "text": "不知道"}], `, `the object holds both a "conversations" list and a "messages" list (line 1): ` +
			`say which holds the transcript (--messages 'conversations[].messages[]' --map 'conversation=^id' or --messages 'messages[]')`},
		{"conversations twice", `"conversations": [{"id": "b", "messages": [{"role": "agent", "text": "不知道"}]}], `, `the object holds "conversations" twice`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			saved := streamAfter
			defer func() { streamAfter = saved }()
			data := bigObject(tc.head, "conversations", 300, "")
			for _, after := range []int64{saved, 1 << 10} {
				streamAfter = after
				if _, err := readData(t, "json", data, Options{}); err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("streamAfter %d: error %v, want %q", after, err, tc.err)
				}
			}
		})
	}
}
