package transcript

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestUntypedFiles: readers say which files cannot say a message's type
// (no type column, JDDC, a txt chat copy), so that rules expecting a note skip their
// conversations; a type column, or a default type, can.
func TestUntypedFiles(t *testing.T) {
	for _, tc := range []struct {
		name, format, data string
		opts               Options
		untyped            bool
	}{
		{"csv without a type column", "csv", "conversation,role,text\nc1,agent,好的\n", Options{}, true},
		{"csv with a type column", "csv", "conversation,role,type,text\nc1,agent,text,好的\n", Options{}, false},
		{"csv with a mapped type column", "csv", "会话,角色,种类,内容\nc1,agent,note,好的\n", Options{Mapping: &Mapping{Fields: map[string]string{"type": "种类"}}}, false},
		{"csv with a default type", "csv", "conversation,role,text\nc1,agent,好的\n", Options{Mapping: &Mapping{Defaults: map[string]string{"type": "text"}}}, false},
		{"tsv without a type column", "tsv", "conversation\trole\ttext\nc1\tagent\t好的\n", Options{}, true},
		{"csv read as html", "csv", "conversation,role,text\nc1,agent,<b>好的</b>\n", Options{HTML: true}, true},
		{"jddc", "jddc", "s1\tu1\t0\t0\t0\tnan\t在吗\ns1\tu1\t1\t0\t0\tnan\t在的\n", Options{}, true},
		// a chat copy holds no order notes: unnoted-order-change was a
		// finding at every change a customer asked for
		{"txt (千牛 copy)", "txt", "tb_buyer 2026-11-07 10:00:00\n能改成蓝色吗\n店铺:小美 2026-11-07 10:00:05\n好的\n", Options{Agents: []string{"店铺:*"}}, true},
		{"txt, one line per message", "txt", "[2026-11-07 10:00:00] tb_buyer: 能改成蓝色吗\n[2026-11-07 10:00:05] 店铺:小美: 好的\n", Options{Agents: []string{"店铺:*"}}, true},
		{"txt with a default type", "txt", "tb_buyer 2026-11-07 10:00:00\n能改成蓝色吗\n", Options{Agents: []string{"店铺:*"}, Mapping: &Mapping{Defaults: map[string]string{"type": "text"}}}, false},
		{"jsonl", "jsonl", `{"conversation":"c1","role":"agent","text":"好的"}` + "\n", Options{}, false},
		// an export read through --map / --messages that places no type:
		// every message was text, and unnoted-order-change a finding at
		// every order change; canonical JSON(L) without a type is text
		{"json, mapped, no type", "json", `[{"cid":"k1","msgs":[{"who":"agent","body":"好的"}]}]`, mapOpts(nil), true},
		{"json, messages path only", "json", `{"list":[{"conversation":"c1","role":"agent","text":"好的"}]}`, Options{Mapping: &Mapping{Messages: "list[]"}}, true},
		{"jsonl, mapped, no type", "jsonl", `{"cid":"k1","who":"agent","body":"好的"}` + "\n", jsonlOpts(), true},
		{"json, mapped type", "json", `[{"cid":"k1","msgs":[{"who":"agent","kind":"note","body":"好的"}]}]`, mapOpts(map[string]string{"type": "kind"}), false},
		{"json, mapped, a type key of its own", "json", `[{"cid":"k1","msgs":[{"who":"agent","TYPE" : "note","body":"好的"}]}]`, mapOpts(nil), false},
		{"jsonl, mapped, a type key of its own", "jsonl", `{"cid":"k1","who":"agent","type":"text","body":"好的"}` + "\n", jsonlOpts(), false},
		{"json, mapped, a default type", "json", `[{"cid":"k1","msgs":[{"who":"agent","body":"好的"}]}]`, withDefaultType(mapOpts(nil)), false},
		{"json, mapped, \"type\" only in a text", "json", `[{"cid":"k1","msgs":[{"who":"agent","body":"\"type\": 好的"}]}]`, mapOpts(nil), true},
		// a key named type deeper in a message (Intercom's author.type, an
		// attachment's) is read as no message's type: the file stays
		// untyped; so is one of the conversation around the messages (a
		// Zendesk or Freshdesk ticket's type), which no message reads its
		// type from (only its conversation)
		{"json, mapped, author.type", "json", `[{"cid":"k1","msgs":[{"who":{"type":"agent"},"body":"好的"}]}]`, mapOpts(map[string]string{"role": "who.type"}), true},
		{"json, mapped, attachments' types", "json", `[{"cid":"k1","msgs":[{"who":"agent","body":"好的","files":[{"type":"image"}]}]}]`, mapOpts(nil), true},
		{"json, mapped, the conversation's type", "json", `[{"cid":"k1","type":"incident","msgs":[{"who":"agent","body":"好的"}]}]`, mapOpts(nil), true},
		{"json, mapped, the conversation's type and a message's", "json", `[{"cid":"k1","type":"incident","msgs":[{"who":"agent","type":"note","body":"好的"}]}]`, mapOpts(nil), false},
		{"jsonl, messages path, the conversation's type", "jsonl", `{"cid":"k1","type":"incident","msgs":[{"who":"agent","body":"好的"}]}` + "\n",
			Options{Mapping: &Mapping{Messages: "msgs[]", Fields: map[string]string{"conversation": "^cid", "role": "who", "text": "body"}}}, true},
		{"json, mapped, a type above the conversations", "json", `{"export":{"type":"daily"},"list":[{"cid":"k1","msgs":[{"who":"agent","body":"好的"}]}]}`,
			Options{Mapping: &Mapping{Messages: "list[].msgs[]", Fields: map[string]string{"conversation": "^cid", "role": "who", "text": "body"}}}, true},
		{"jsonl, mapped, author.type", "jsonl", `{"cid":"k1","author":{"type":"agent"},"body":"好的"}` + "\n",
			Options{Mapping: &Mapping{Fields: map[string]string{"conversation": "cid", "role": "author.type", "text": "body"}}}, true},
		{"json array, no path, author.type", "json", `[{"cid":"k1","author":{"type":"agent"},"body":"好的"}]`,
			Options{Mapping: &Mapping{Fields: map[string]string{"conversation": "cid", "role": "author.type", "text": "body"}}}, true},
		{"json object's messages, no path, author.type", "json", `{"messages":[{"cid":"k1","author":{"type":"agent"},"body":"好的"}]}`,
			Options{Mapping: &Mapping{Fields: map[string]string{"conversation": "cid", "role": "author.type", "text": "body"}}}, true},
		{"json object's messages, no path, a type of their own", "json", `{"messages":[{"cid":"k1","author":"agent","type":"note","body":"好的"}]}`,
			Options{Mapping: &Mapping{Fields: map[string]string{"conversation": "cid", "role": "author", "text": "body"}}}, false},
		{"json, canonical", "json", `[{"conversation":"c1","role":"agent","text":"好的"}]`, Options{}, false},
		{"jsonl, roles mapped only", "jsonl", `{"conversation":"c1","role":"1","text":"好的"}` + "\n", Options{Mapping: &Mapping{Roles: map[string]string{"1": "agent"}}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := readData(t, tc.format, tc.data, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.msgs) == 0 {
				t.Fatalf("no messages read (rejects %v)", s.rejects)
			}
			if got := strings.Join(s.untyped, ","); (got == "<stdin>") != tc.untyped || len(s.untyped) > 1 {
				t.Errorf("untyped files %q, want untyped %v", got, tc.untyped)
			}
		})
	}
}

// mapOpts reads the test exports of TestUntypedFiles: conversations
// ({"cid", "msgs"}) of messages {"who", "body"} (the fields of extra
// too), or JSONL records of them.
func mapOpts(extra map[string]string) Options {
	m := &Mapping{Messages: "[].msgs[]", Fields: map[string]string{"conversation": "^cid", "role": "who", "text": "body"}}
	for k, v := range extra {
		m.Fields[k] = v
	}
	return Options{Mapping: m}
}

// jsonlOpts reads JSONL records {"cid", "who", "body"}.
func jsonlOpts() Options {
	return Options{Mapping: &Mapping{Fields: map[string]string{"conversation": "cid", "role": "who", "text": "body"}}}
}

// withDefaultType is o with --default type=text.
func withDefaultType(o Options) Options {
	o.Mapping.Defaults = map[string]string{"type": "text"}
	return o
}

// typedSink is recSink that also records, at each lint.TypedSink call,
// how many messages it had taken.
type typedSink struct {
	recSink
	typed   []string
	typedAt []int
}

func (s *typedSink) TypedFile(name string) {
	s.typed = append(s.typed, name)
	s.typedAt = append(s.typedAt, len(s.msgs))
}

// TestTypedAfterSample: an export read through a mapping whose first 64
// KB hold no key named type is marked untyped, and the readers look on:
// the first type key further on tells the sink (lint.MarkTyped) before
// the message holding it, in every JSON layout; "type" in a text, or no
// type at all, tells it nothing. unnoted-order-change was skipped for
// every conversation of an export that writes a type only on notes.
func TestTypedAfterSample(t *testing.T) {
	const n = 1200 // records of about 70 bytes: over 64 KB before the typed one
	rec := func(i int, typ string) string {
		return fmt.Sprintf(`{"cid":"k%d","who":"agent",%s"body":"好的，第%04d条消息已经收到"}`, i%50, typ, i)
	}
	records := func(typ, sep string) string {
		var b strings.Builder
		for i := range n + 10 {
			if i > 0 {
				b.WriteString(sep)
			}
			t := ""
			if i == n {
				t = typ
			}
			b.WriteString(rec(i, t))
		}
		return b.String()
	}
	jsonlOpts := func() Options {
		return Options{Mapping: &Mapping{Fields: map[string]string{"conversation": "cid", "role": "who", "text": "body"}}}
	}
	arrayOpts := func(path string) Options {
		o := jsonlOpts()
		o.Mapping.Messages = path
		return o
	}
	html := jsonlOpts()
	html.HTML = true
	// deep gives every record a key named type in an object of its own
	deep := func(records string) string {
		return strings.ReplaceAll(records, `"who":"agent",`, `"who":"agent","meta":{"type":"chat","n":[{"TYPE":1}]},`)
	}
	// lateDeep is deep for the JSONL records past the first 64 KB
	lateDeep := func(records string) string {
		lines := strings.Split(records, "\n")
		for i := 1000; i < len(lines); i++ {
			lines[i] = deep(lines[i])
		}
		return strings.Join(lines, "\n")
	}
	const note = `"Type" : "note",`
	for _, tc := range []struct {
		name, format, data string
		opts               Options
		typed              bool
	}{
		{"jsonl", "jsonl", records(note, "\n") + "\n", jsonlOpts(), true},
		{"jsonl, read as HTML", "jsonl", records(note, "\n") + "\n", html, true},
		{"json array, one a line", "json", "[\n" + records(note, ",\n") + "\n]\n", arrayOpts("[]"), true},
		{"json array, minified", "json", "[" + records(note, ",") + "]", arrayOpts("[]"), true},
		{"json object's list", "json", `{"list": [` + records(note, ",\n") + "]}", arrayOpts("list[]"), true},
		{"json array saved as .jsonl", "jsonl", "[\n" + records(note, ",\n") + "\n]\n", arrayOpts("[]"), true},
		{"jsonl, no type", "jsonl", records("", "\n") + "\n", jsonlOpts(), false},
		{"jsonl, \"type\" in a text", "jsonl", records(`"memo":"\"type\": 1",`, "\n") + "\n", jsonlOpts(), false},
		{"json array, no type", "json", "[" + records("", ",") + "]", arrayOpts("[]"), false},
		// keys named type deeper in every message (an author's type) are
		// read as none, and the watch follows the nesting: the first key
		// of a message's own is found past them
		{"jsonl, types in a field's object", "jsonl", deep(records(note, "\n")) + "\n", jsonlOpts(), true},
		{"json array, types in a field's object", "json", "[" + deep(records(note, ",")) + "]", arrayOpts("[]"), true},
		{"json array one a line, types in a field's object", "json", "[\n" + deep(records(note, ",\n")) + "\n]", arrayOpts("[]"), true},
		{"json object's list, types in a field's object", "json", `{"list": [` + deep(records(note, ",\n")) + "]}", arrayOpts("list[]"), true},
		{"json array, no type but in a field's object", "json", "[" + deep(records("", ",")) + "]", arrayOpts("[]"), false},
		{"jsonl, no type but in a field's object", "jsonl", deep(records("", "\n")) + "\n", jsonlOpts(), false},
		// a first 64 KB without any key named type: a JSONL line holding
		// one is followed through its nesting all the same, and an
		// author's type first met past the sample is none
		{"jsonl, types in a field's object past the sample", "jsonl", lateDeep(records("", "\n")) + "\n", jsonlOpts(), false},
		{"jsonl, types in a field's object past the sample, then a note", "jsonl", lateDeep(records(note, "\n")) + "\n", jsonlOpts(), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Format = tc.format
			tc.opts.Stdin = strings.NewReader(tc.data)
			tc.opts.Location = tzSH
			s := &typedSink{}
			if err := ReadAll(context.Background(), []string{"-"}, tc.opts, s); err != nil {
				t.Fatal(err)
			}
			if len(s.msgs) != n+10 {
				t.Fatalf("%d messages read, want %d (rejects %v)", len(s.msgs), n+10, s.rejects)
			}
			if len(s.untyped) != 1 {
				t.Fatalf("untyped files %q, want <stdin> (no type key in the first 64 KB)", s.untyped)
			}
			if !tc.typed {
				if len(s.typed) > 0 {
					t.Errorf("typed files %q, want none", s.typed)
				}
				return
			}
			if len(s.typed) != 1 || s.typed[0] != "<stdin>" {
				t.Fatalf("typed files %q, want <stdin>", s.typed)
			}
			if at := s.typedAt[0]; at > n {
				t.Errorf("told after %d messages, past the typed one (%d)", at, n)
			}
			if m := s.msgs[n]; m.Type != lint.TypeNote {
				t.Errorf("message %d: type %q, want note", n, m.Type)
			}
		})
	}
}

// TestTypeKeyInSample: a key named type in a file's first 64 KB is found
// where the readers read a message's type from (a message's own key, at
// the depths of the top value's parity without a messages path), and
// only a key; the readers ask the watch of the keys they read further on
// (TestTypedAfterSample).
func TestTypeKeyInSample(t *testing.T) {
	for _, tc := range []struct {
		data string
		want bool
	}{
		{`{"a":"好的","type":"note","b":1}`, true},
		{`{"a":"好的","TYPE"  :  "note"}`, true},
		{`{"a":"好的","type"` + "\n" + `:"note"}`, true},
		{`{"a":"好的 \"type\": 1","b":"type"}`, false},
		{`{"a":"type","types":"x","subtype":1}`, false},
		{`{"TYPE":"note","a":"type"}`, true},
		{`{"a":"type"  ,"b":1}`, false},
		// deeper in a message: none (the top value's depth parity, without
		// a messages path)
		{`{"a":{"type":"x"},"b":1}`, false},
		{`[{"author":{"Type":"admin"},"text":"好的"}]`, false},
		{`[{"author":"a","TYPE":"note"}]`, true},
		{`{"messages":[{"author":{"type":"x"}},{"type":"note"}]}`, true},
		{`{"messages":[{"author":{"type":"x"},"text":"好的"}]}`, false},
		// (a depth some default layout reads messages at still counts:
		// an attachment's type at 5, which {"conversations":[{"messages":
		// […]}]} reads its messages' at)
		{`{"messages":[{"files":[{"type":"image"}]}]}`, true},
		{`{"t\u0079pe":1,"a":"\"type\":"}`, false},
	} {
		if got, _ := hasTypeKey([]byte(tc.data), nil, false); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.data, got, tc.want)
		}
		// and as JSON lines, a record a line
		if !strings.Contains(tc.data, "\n") {
			lines := tc.data + "\n" + `{"a":1}` + "\n"
			if got, _ := hasTypeKey([]byte(lines), nil, true); got != tc.want {
				t.Errorf("%s as JSON lines: %v, want %v", tc.data, got, tc.want)
			}
		}
		// and by a deep watch, wherever the reads cut it
		for cut := 0; cut <= len(tc.data); cut++ {
			for cut2 := cut; cut2 <= len(tc.data); cut2++ {
				s := &typedSink{}
				w := newTypeWatch(s, "f", nil, true)
				got := false
				for _, b := range []string{tc.data[:cut], tc.data[cut:cut2], tc.data[cut2:]} {
					if !got && w.see([]byte(b)) {
						got = true
					}
				}
				if got != tc.want || (len(s.typed) == 1) != tc.want {
					t.Fatalf("%s read as %q %q %q: found %v (told %q), want %v", tc.data, tc.data[:cut], tc.data[cut:cut2], tc.data[cut2:], got, s.typed, tc.want)
				}
			}
		}
	}
}
