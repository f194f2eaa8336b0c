package transcript

import (
	"strings"
	"testing"
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
