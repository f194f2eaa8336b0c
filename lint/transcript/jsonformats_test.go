package transcript

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// A message record reads the same whichever JSON format carries it: a
// .jsonl line (the fast scanner, encoding/json behind it, a mapping's
// walker), an element of a top-level array, a top-level object, a message
// of an object's "messages" list or of a conversation in its
// "conversations" list, streamed or not, parsed on the reading goroutine or
// deferred to the workers. The tests below read the same records every way
// and compare what each record became: a message (every field but where
// the text is on its line) or a reject (whose words may differ).

// outcomeSink notes what each record became, by its line (each record is on
// a line of its own), less first: the lines before the first record.
type outcomeSink struct {
	first int
	out   map[int]string
}

func (s *outcomeSink) note(line int, what string) {
	if prev, ok := s.out[line-s.first]; ok {
		what = prev + " + " + what // (never: one record, one outcome)
	}
	s.out[line-s.first] = what
}

func (s *outcomeSink) File(string) {}

func (s *outcomeSink) Message(m lint.Message) error {
	conv := m.Conversation
	if strings.HasPrefix(conv, "x.json") {
		conv = "(named after the file)" // x.jsonl, x.json, x.json#3
	}
	s.note(m.Pos.Line, fmt.Sprintf("conv=%q id=%q role=%v sender=%q type=%q text=%q time=%s",
		conv, m.ID, m.Role, m.Sender, m.Type, m.Text, m.Time.Format(time.RFC3339Nano)))
	return nil
}

func (s *outcomeSink) Reject(e lint.RecordError) error {
	s.note(e.Pos.Line, "reject")
	return nil
}

func (s *outcomeSink) SkipRecord(pos lint.Pos, why string) error {
	s.note(pos.Line, "skip "+why)
	return nil
}

// deferringOutcomeSink parses deferred records at once, as the engine's
// workers would.
type deferringOutcomeSink struct {
	outcomeSink
	parsers map[lint.RecordParser]func([]byte, lint.Pos, *lint.Message) (string, bool)
}

func (s *deferringOutcomeSink) Deferred(pos lint.Pos, raw []byte, p lint.RecordParser) error {
	return parseDeferred(s.parsers, s, pos, raw, p)
}

// DeferredAt takes a deferred record with its column (lint.ColumnSink).
func (s *deferringOutcomeSink) DeferredAt(pos lint.Pos, col, col16 int, raw []byte, p lint.RecordParser) error {
	return parseDeferredAt(s.parsers, s, pos, col, col16, raw, p)
}

// recordLayout is one way of carrying records.
type recordLayout struct {
	name   string
	reader Reader
	file   string
	first  int  // the line of the first record
	mapped bool // read through a mapping that changes none of the records
	stream bool // every list in a top-level object streamed
	// deferred: the sink takes records to parse on the workers (whichever
	// the reader defers)
	deferred bool
	wrap     func([]string) string
}

// ownLines lays records out one to a line between head and tail, joined
// with sep, each record wrapped in before and after.
func ownLines(head, before, after, sep, tail string) func([]string) string {
	return func(recs []string) string {
		var b strings.Builder
		b.WriteString(head)
		for i, r := range recs {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString("\n" + before + r + after)
		}
		b.WriteString("\n" + tail)
		return b.String()
	}
}

var recordLayouts = func() []recordLayout {
	lines := func(recs []string) string { return strings.Join(recs, "\n") + "\n" }
	array := ownLines("[", "", "", ",", "]")
	var ls []recordLayout
	for _, deferred := range []string{"", " (deferred)"} {
		ls = append(ls,
			recordLayout{name: "jsonl" + deferred, reader: jsonlReader{}, file: "x.jsonl", first: 1, wrap: lines},
			recordLayout{name: "jsonl, mapped" + deferred, reader: jsonlReader{}, file: "x.jsonl", first: 1, mapped: true, wrap: lines},
			recordLayout{name: "json array" + deferred, reader: jsonReader{}, file: "x.json", first: 2, wrap: array},
			recordLayout{name: "json array, mapped" + deferred, reader: jsonReader{}, file: "x.json", first: 2, mapped: true, wrap: array},
			recordLayout{name: "json objects" + deferred, reader: jsonReader{}, file: "x.json", first: 1, wrap: lines},
			recordLayout{name: "json messages" + deferred, reader: jsonReader{}, file: "x.json", first: 2, wrap: ownLines(`{"messages":[`, "", "", ",", "]}")},
			recordLayout{name: "json messages, streamed" + deferred, reader: jsonReader{}, file: "x.json", first: 2, stream: true, wrap: ownLines(`{"messages":[`, "", "", ",", "]}")},
			recordLayout{name: "json conversations" + deferred, reader: jsonReader{}, file: "x.json", first: 2,
				wrap: ownLines(`{"conversations":[`, `{"messages":[`, `]}`, ",", "]}")},
			recordLayout{name: "json conversations, streamed" + deferred, reader: jsonReader{}, file: "x.json", first: 2, stream: true,
				wrap: ownLines(`{"conversations":[`, `{"messages":[`, `]}`, ",", "]}")},
			recordLayout{name: "json conversations array" + deferred, reader: jsonReader{}, file: "x.json", first: 2,
				wrap: ownLines(`[`, `{"messages":[`, `]}`, ",", "]")},
		)
	}
	for i := range ls {
		ls[i].deferred = strings.HasSuffix(ls[i].name, " (deferred)")
	}
	return ls
}()

// readOutcomes reads recs laid out by l with opts and returns what each
// record became, by its index.
func readOutcomes(t *testing.T, l recordLayout, recs []string, opts Options) map[int]string {
	t.Helper()
	opts.Location = time.UTC
	if l.mapped {
		opts.Mapping = &Mapping{Types: map[string]string{"no such type": "note"}}
	}
	out := &outcomeSink{}
	var sink lint.Sink = out
	if l.deferred {
		d := &deferringOutcomeSink{parsers: map[lint.RecordParser]func([]byte, lint.Pos, *lint.Message) (string, bool){}}
		out, sink = &d.outcomeSink, d
	}
	out.first, out.out = l.first, map[int]string{}
	src := &Source{Name: l.file, R: bufio.NewReader(strings.NewReader(l.wrap(recs))), Opts: &opts}
	saved := streamAfter
	if l.stream {
		streamAfter = 0
	}
	err := l.reader.Read(context.Background(), src, sink)
	streamAfter = saved
	if err != nil {
		t.Fatalf("%s: %v", l.name, err)
	}
	return out.out
}

// checkFormatsAgree reads recs every way and fails unless every record
// became the same in each; it returns the outcomes.
func checkFormatsAgree(t *testing.T, recs []string, opts Options) map[int]string {
	t.Helper()
	want := readOutcomes(t, recordLayouts[0], recs, opts)
	if len(want) != len(recs) {
		t.Fatalf("%s: %d outcomes for %d records: %v", recordLayouts[0].name, len(want), len(recs), want)
	}
	for _, l := range recordLayouts[1:] {
		got := readOutcomes(t, l, recs, opts)
		for i, rec := range recs {
			if got[i] != want[i] {
				t.Errorf("%s\n  %s: %s\n  %s: %s", rec, recordLayouts[0].name, want[i], l.name, got[i])
			}
		}
		if len(got) != len(recs) {
			t.Errorf("%s: %d outcomes for %d records", l.name, len(got), len(recs))
		}
	}
	return want
}

// TestRecordReadsAlikeInEveryFormat: keys in any case (the last of a field's
// keys counting), numbers and booleans as written wherever a text is
// expected, blanks trimmed around ids, sender and type, a blank role as
// none; what each becomes is written out, and every format must agree.
func TestRecordReadsAlikeInEveryFormat(t *testing.T) {
	const msg = `conv="c1" id="" role=agent sender="" type="text" text="x" time=0001-01-01T00:00:00Z`
	for _, tc := range []struct {
		rec, want string
		opts      Options
	}{
		{rec: `{"conversation":"c1","role":"agent","text":"x"}`, want: msg},
		// keys in any case: the last key of a field counts
		{rec: `{"conversation":"c1","role":"agent","Text":"x"}`, want: msg},
		{rec: `{"CONVERSATION":"c1","Role":"agent","TEXT":"x"}`, want: msg},
		{rec: `{"conversation":"c1","role":"agent","text":"a","Text":"x"}`, want: msg},
		{rec: `{"conversation":"c1","role":"agent","Text":"a","text":"x"}`, want: msg},
		{rec: `{"conversation":"c1","role":"agent","text":"x","TEXT":null}`, want: "reject"},
		{rec: `{"conversation":"c0","role":"agent","text":"x","Conversation":"c1"}`, want: msg},
		{rec: `{"conversation":"c1","role":"agent","te\u0078t":"x"}`, want: msg},
		{rec: `{"conversation":"c1","role":"agent","tExT":"x","Id":"i1"}`, want: strings.Replace(msg, `id=""`, `id="i1"`, 1)},
		// Unicode's simple folding: ſ (U+017F) is an s, K (U+212A) a k
		{rec: `{"conver` + "\u017f" + `ation":"c1","role":"agent","text":"x","` + "\u017f" + `ender":"s1"}`, want: strings.Replace(msg, `sender=""`, `sender="s1"`, 1)},
		{rec: `{"conversation":"c1","role":"agent","text":"x","` + "\u212a" + `ind":"y"}`, want: msg},
		// not a field's name in any case
		{rec: `{"conversation":"c1","role":"agent","texts":"y","tex":"z","text":"x","Text_":"w"}`, want: msg},
		// numbers and booleans, as written
		{rec: `{"conversation":"c1","role":"agent","text":5}`, want: strings.Replace(msg, `text="x"`, `text="5"`, 1)},
		{rec: `{"conversation":"c1","role":"agent","text":-1.50e3}`, want: strings.Replace(msg, `text="x"`, `text="-1.50e3"`, 1)},
		{rec: `{"conversation":"c1","role":"agent","text":true}`, want: strings.Replace(msg, `text="x"`, `text="true"`, 1)},
		{rec: `{"conversation":7,"id":1e400,"role":"agent","sender":10086,"type":2,"text":"x"}`,
			want: `conv="7" id="1e400" role=agent sender="10086" type="2" text="x" time=0001-01-01T00:00:00Z`},
		{rec: `{"conversation":false,"id":true,"role":"agent","sender":false,"type":true,"text":"x"}`,
			want: `conv="false" id="true" role=agent sender="false" type="true" text="x" time=0001-01-01T00:00:00Z`},
		{rec: `{"conversation":"c1","role":1,"text":"x"}`, want: "reject"},
		{rec: `{"conversation":"c1","role":"agent","text":"x","time":1794355858}`, want: strings.Replace(msg, "0001-01-01T00:00:00Z", "2026-11-11T00:10:58Z", 1)},
		{rec: `{"conversation":"c1","role":"agent","text":"x","time":true}`, want: "reject"},
		{rec: `{"conversation":"c1","role":"agent","text":{"a":1}}`, want: "reject"},
		{rec: `{"conversation":["c1"],"role":"agent","text":"x"}`, want: "reject"},
		// blanks
		{rec: `{"conversation":" c1 ","id":"\u3000i\t","role":" Agent ","sender":"　s1 ","type":" note ","text":" x "}`,
			want: `conv="c1" id="i" role=agent sender="s1" type="note" text=" x " time=0001-01-01T00:00:00Z`},
		{rec: `{"conversation":"c1","role":"agent","sender":"  ","type":" ","text":"x"}`, want: msg},
		{rec: `{"conversation":"c1","role":" ","sender":"kf01","text":"x"}`, opts: Options{Agents: []string{"kf*"}},
			want: strings.Replace(msg, `sender=""`, `sender="kf01"`, 1)},
		{rec: `{"conversation":"c1","role":"","sender":" kf01 ","text":"x"}`, opts: Options{Staff: []string{"kf01"}},
			want: strings.Replace(msg, `sender=""`, `sender="kf01"`, 1)},
		{rec: `{"conversation":"c1","role":"","sender":"kf01","text":"x"}`, want: "reject"},
	} {
		got := checkFormatsAgree(t, []string{tc.rec}, tc.opts)
		if got[0] != tc.want {
			t.Errorf("%s:\n got  %s\n want %s", tc.rec, got[0], tc.want)
		}
	}
}

// TestRandomRecordsReadAlike reads generated records (field keys in every
// case and repeated, values of every kind) every way.
func TestRandomRecordsReadAlike(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 22))
	keyForms := func(name string) []string {
		forms := []string{name, name, name, strings.ToUpper(name), strings.ToUpper(name[:1]) + name[1:]}
		if i := strings.IndexByte(name, 's'); i >= 0 {
			forms = append(forms, name[:i]+"\u017f"+name[i+1:])
		}
		b := []byte(name)
		b[len(b)-1] ^= 0x20
		forms = append(forms, string(b), name+"s", name[:len(name)-1])
		return forms
	}
	values := map[int][]string{
		fConv:   {`"c1"`, `"c2"`, `" c1 "`, `7`, `-0.5`, `1e400`, `true`, `null`, `""`, `" "`, `{}`},
		fID:     {`"m1"`, `12`, `" m1\t"`, `false`, `null`, `[]`},
		fTime:   {`"2026-11-11 08:00:02"`, `"2026-11-11T08:00:02+08:00"`, `1794355858`, `1794355249244`, `" 1794355858 "`, `"昨天"`, `true`, `null`, `""`},
		fRole:   {`"agent"`, `"customer"`, `" Agent "`, `"BOT"`, `"客服"`, `""`, `" "`, `1`, `null`, `true`},
		fSender: {`"kf01"`, `"客服01"`, `" kf02 "`, `"\u3000小美"`, `10086`, `""`, `null`, `false`},
		fType:   {`"note"`, `"order"`, `" text "`, `2`, `""`, `null`},
		fText:   {`"你好"`, `"不知道"`, `" x "`, `"a\nb"`, `5`, `-1.5e3`, `true`, `null`, `""`, `{"a":1}`},
	}
	var recs []string
	for range 3000 {
		var parts []string
		for f := range nFields {
			if r.IntN(5) == 0 {
				continue
			}
			for n := 1 + r.IntN(3)/2; n > 0; n-- { // repeated now and then
				forms := keyForms(FieldNames[f])
				k := forms[r.IntN(len(forms))]
				if r.IntN(4) > 0 {
					k = FieldNames[f]
				}
				vs := values[f]
				parts = append(parts, fmt.Sprintf("%q:%s", k, vs[r.IntN(len(vs))]))
			}
		}
		if r.IntN(4) == 0 {
			parts = append(parts, `"extra":{"text":"no"}`)
		}
		r.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
		recs = append(recs, "{"+strings.Join(parts, ",")+"}")
	}
	for _, opts := range []Options{{}, {Agents: []string{"kf*"}, Staff: []string{"客服01"}}} {
		out := checkFormatsAgree(t, recs, opts)
		// and the records are not all rejected
		kinds := map[string]int{}
		for _, o := range out {
			kinds[strings.SplitN(o, " ", 2)[0]]++
		}
		if kinds["reject"] > len(recs)*9/10 || kinds["reject"] < len(recs)/10 {
			t.Errorf("outcomes %v", kinds)
		}
	}
}

// TestFrameKeysInAnyCase: a conversation object's id and conversation keys
// name its messages' conversation in any case too, deferred or not.
func TestFrameKeysInAnyCase(t *testing.T) {
	data := "[\n" + `{"ID":"f1","messages":[{"role":"agent","text":"x"}]},` + "\n" +
		`{"Conversation":"f2","id":"no","messages":[{"role":"agent","text":"x"},{"CONVERSATION":"own","role":"agent","text":"y"}]},` + "\n" +
		`{"Text":"own text","messages":[{"role":"agent","text":"x"}]}` + "\n]"
	var want []string
	for _, deferring := range []bool{false, true} {
		events, _ := readJSONEvents(data, 0, deferring, false)
		var convs []string
		for _, e := range events {
			if i := strings.Index(e, `Conversation:"`); i >= 0 {
				convs = append(convs, strings.SplitN(e[i+len(`Conversation:"`):], `"`, 2)[0])
			}
			if strings.Contains(e, "holds both a text of its own (\\\"Text\\\")") {
				convs = append(convs, "rejected: a text of its own")
			}
		}
		sort.Strings(convs)
		if want == nil {
			want = convs
			if got := strings.Join(convs, ","); got != "f1,f2,own,rejected: a text of its own" {
				t.Fatalf("conversations %s\n%q", got, events)
			}
		} else if strings.Join(convs, ",") != strings.Join(want, ",") {
			t.Errorf("deferred: %v, want %v", convs, want)
		}
	}
}

// TestObjectStreamKeyAfterListInAnyCase: a streamed list's messages were
// read without a conversation key that comes after the list in another
// case, as without one in its own.
func TestObjectStreamKeyAfterListInAnyCase(t *testing.T) {
	saved := streamAfter
	streamAfter = 0
	defer func() { streamAfter = saved }()
	for _, key := range []string{"conversation", "Conversation", "ID"} {
		data := `{"messages":[{"role":"agent","text":"x"}],"` + key + `":"late"}`
		if _, err := readData(t, "json", data, Options{}); err == nil || !strings.Contains(err.Error(), "put it before the list") {
			t.Errorf("%s: error %v", key, err)
		}
	}
}

// TestEdged holds edged's table to unicode.IsSpace.
func TestEdged(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !unicode.IsSpace(r) {
			continue
		}
		b := utf8.AppendRune(nil, r)
		if blankEdge[b[0]]&blankFirst == 0 || blankEdge[b[len(b)-1]]&blankLast == 0 {
			t.Errorf("%U: %x not flagged", r, b)
		}
	}
	for _, s := range []string{"", " ", "x", " x", "x ", "\u3000客服\u3000", "\u00a0a\u0085", "客服01", "小美", "a\u2029", "\u1680b", "\x80", "é", "\t\n"} {
		if want := strings.TrimSpace(s); !edged(s) && s != want {
			t.Errorf("edged(%q) = false, but TrimSpace trims it to %q", s, want)
		}
	}
}

// TestJSONLayoutKeysInAnyCase: the default layouts' keys, conversations and
// messages, match in any case, as the message fields' do (.NET's exports
// write Conversations and Messages): read whole, streamed or deferred, the
// errors of two lists said as for the keys in lower case, and a hint's
// messages path naming the keys as written.
func TestJSONLayoutKeysInAnyCase(t *testing.T) {
	saved := streamAfter
	defer func() { streamAfter = saved }()
	for _, tc := range []struct{ name, data, want string }{
		{"Conversations", `{"Conversations":[{"Id":"a","Messages":[{"Role":"agent","Text":"x"}]},{"Id":"b","Messages":[{"Role":"customer","Text":"y"}]}]}`, "a|agent||text|x@1\nb|customer||text|y@1"},
		{"Messages", `{"Id":"c","MESSAGES":[{"Role":"agent","Text":"x"},{"Role":"customer","Text":"y"}]}`, "c|agent||text|x@1\nc|customer||text|y@1"},
		// the errors name the keys as written, and the paths that read them
		// (a messages path matches keys as written): they said
		// "conversations" and --messages conversations[].messages[]
		{"both lists", `{"Conversations":[{"Id":"a","Messages":[{"Role":"agent","Text":"x"}]}],"Messages":[{"Role":"agent","Text":"y"}]}`, "error: holds both a \"Conversations\" list and a \"Messages\" list (line 1): say which holds the transcript (--messages 'Conversations[].Messages[]' --map 'conversation=^Id' or --messages 'Messages[]')"},
		{"both lists, messages first", `{"Messages":[{"Role":"agent","Text":"y"}],"Conversations":[{"Id":"a","Messages":[{"Role":"agent","Text":"x"}]}]}`, "error: holds both a \"Conversations\" list and a \"Messages\" list (line 1): say which holds the transcript (--messages 'Conversations[].Messages[]' --map 'conversation=^Id' or --messages 'Messages[]')"},
		{"Messages not a list", `[{"Id":"c","Messages":"oops"}]`, `has: "Messages": expected a list of messages, got a string`},
		{"Messages twice", `[{"Id":"c","Messages":[{"Role":"agent","Text":"x"}],"messages":[{"Role":"agent","Text":"y"}]}]`, `has: the conversation holds "Messages" and "messages": which list`},
		{"a text and Messages", `[{"Id":"c","Text":"x","Messages":[{"Role":"agent","Text":"y"}]}]`, `has: a text of its own ("Text") and a "Messages" list`},
		{"a hint", `{"Conversations":[{"Id":"c1","Messages":[{"Turns":[{"Role":"agent","Text":"x"}]}]}]}`, "has: try --messages 'Conversations[].Messages[].Turns[]'"},
		{"two conversations lists", `{"conversations":[{"Id":"a","Messages":[{"Role":"agent","Text":"x"}]}],"Conversations":[{"Id":"b","Messages":[{"Role":"agent","Text":"y"}]}]}`, "error: holds \"conversations\" and \"Conversations\": which list"},
	} {
		for _, after := range []int64{saved, 0} {
			streamAfter = after
			var got string
			s, err := readData(t, "json", tc.data, Options{})
			switch {
			case err != nil:
				got = "error: " + err.Error()
			case len(s.rejects) > 0:
				got = fmt.Sprint(s.rejects)
			default:
				got = msgLines(s.msgs)
			}
			w, isErr := strings.CutPrefix(tc.want, "error: ")
			if isErr && after == 0 {
				// (streamed: the second list comes after the first, read)
				w = "comes after the list"
			}
			has, isHas := strings.CutPrefix(tc.want, "has: ")
			if isErr && !strings.Contains(got, w) || isHas && !strings.Contains(got, has) || !isErr && !isHas && got != tc.want {
				t.Errorf("%s (streamed after %d): got\n%s\nwant\n%s", tc.name, after, got, tc.want)
			}
		}
	}
}
