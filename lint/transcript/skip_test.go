package transcript

import (
	"strings"
	"testing"
)

// TestSkipTypes: records whose type maps to skip are counted as skipped,
// with their type and the flag in the reason, in every reader that maps
// types; they need no text, role or time.
func TestSkipTypes(t *testing.T) {
	connect := `{"ContactId":"ct-1","Transcript":[
{"Type":"EVENT","ContentType":"application/vnd.amazonaws.connect.event.participant.joined","ParticipantRole":"CUSTOMER"},
{"Id":"m1","Type":"MESSAGE","ParticipantRole":"CUSTOMER","Content":"在吗"},
{"Type":"event","ParticipantRole":"SYSTEM"},
{"Id":"m2","Type":"MESSAGE","ParticipantRole":"AGENT","Content":"在的"}]}`
	connectMap := &Mapping{Messages: "Transcript[]",
		Fields: map[string]string{"conversation": "^ContactId", "id": "Id", "role": "ParticipantRole", "text": "Content", "type": "Type"},
		Types:  map[string]string{"MESSAGE": "text", "EVENT": "skip"}}
	csv := "会话,角色,类型,内容\ns1,customer,消息,在吗\ns1,system,系统提示,\ns1,agent,消息,在的\n"
	csvMap := &Mapping{Fields: map[string]string{"conversation": "会话", "role": "角色", "type": "类型", "text": "内容"},
		Types: map[string]string{"消息": "text", "系统提示": "skip"}}
	wecom := `{"msgid":"m1","action":"send","from":"wmAAAA","tolist":["zhangsan"],"roomid":"","msgtime":1793757600000,"msgtype":"text","text":{"content":"在吗"}}
{"msgid":"m2","action":"send","from":"zhangsan","tolist":["wmAAAA"],"roomid":"","msgtime":1793757606000,"msgtype":"image","image":{"md5sum":"x","filesize":1,"sdkfileid":"y"}}
{"msgid":"m3","action":"send","from":"zhangsan","tolist":["wmAAAA"],"roomid":"","msgtime":1793757607000,"msgtype":"text","text":{"content":"在的"}}`
	for _, tc := range []struct {
		name, format, data string
		opts               Options
		skips              []string
	}{
		{"json", "json", connect, Options{Mapping: connectMap},
			[]string{`2: type "EVENT" (--types EVENT=skip)`, `4: type "event" (--types event=skip)`}},
		{"csv", "csv", csv, Options{Mapping: csvMap}, []string{`3: type "系统提示" (--types 系统提示=skip)`}},
		{"wecom", "wecom", wecom, Options{Staff: []string{"zhangsan"}, Mapping: &Mapping{Types: map[string]string{"image": "skip"}}},
			[]string{`2: type "image" (--types image=skip)`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := mustRead(t, tc.format, tc.data, tc.opts)
			checkInvariants(t, s, nil)
			if len(s.rejects) != 0 || len(s.msgs) != 2 || s.msgs[0].Text != "在吗" || s.msgs[1].Text != "在的" {
				t.Fatalf("messages %s, rejects %v", msgLines(s.msgs), s.rejects)
			}
			var got []string
			for _, k := range s.skips {
				got = append(got, strings.TrimPrefix(k.pos.String(), "<stdin>:")+": "+k.reason)
			}
			if strings.Join(got, "\n") != strings.Join(tc.skips, "\n") {
				t.Fatalf("skips\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.skips, "\n"))
			}
			// without the mapping to skip, they are read as ever: malformed
			// without a text (json), a message with an empty one (csv)
			if tc.name != "wecom" {
				delete(tc.opts.Mapping.Types, "EVENT")
				delete(tc.opts.Mapping.Types, "系统提示")
				s = mustRead(t, tc.format, tc.data, tc.opts)
				if len(s.rejects)+len(s.msgs) != 2+len(tc.skips) || len(s.skips) != 0 {
					t.Fatalf("without skip: messages %s, rejects %v, skips %v", msgLines(s.msgs), s.rejects, s.skips)
				}
			}
		})
	}
}

// TestHTMLOption: with Options.HTML every reader's texts are read out of
// their markup; without it they are kept as written.
func TestHTMLOption(t *testing.T) {
	for _, tc := range []struct{ format, data string }{
		{"jsonl", `{"conversation":"c","role":"agent","text":"<p>亲，在的&nbsp;</p><p>这个<b>不知</b>道</p>"}` + "\n"},
		{"json", `[{"conversation":"c","role":"agent","text":"<p>亲，在的&nbsp;</p><p>这个<b>不知</b>道</p>"}]`},
		{"csv", "conversation,role,text\nc,agent,<p>亲，在的&nbsp;</p><p>这个<b>不知</b>道</p>\n"},
		{"canned", "<p>亲，在的&nbsp;</p><p>这个<b>不知</b>道</p>\n"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			s := mustRead(t, tc.format, tc.data, Options{HTML: true})
			if len(s.msgs) != 1 || s.msgs[0].Text != "亲，在的\n这个不知道" {
				t.Fatalf("html: %s %v", msgLines(s.msgs), s.rejects)
			}
			s = mustRead(t, tc.format, tc.data, Options{})
			if len(s.msgs) != 1 || s.msgs[0].Text != "<p>亲，在的&nbsp;</p><p>这个<b>不知</b>道</p>" {
				t.Fatalf("as written: %s %v", msgLines(s.msgs), s.rejects)
			}
		})
	}
}

// intercomConversation is a conversation as Intercom's API returns it: the
// first message in source, the rest in conversation_parts, HTML bodies,
// parts that are not messages (assignment, close) without one.
const intercomConversation = `{"type": "conversation", "id": "1911149811", "created_at": 1793757600,
 "source": {"type": "conversation", "id": "403918316", "delivered_as": "customer_initiated",
  "body": "<p>在吗？我想改地址</p>", "author": {"type": "user", "id": "u1", "name": "张三"}},
 "conversation_parts": {"type": "conversation_part.list", "total_count": 4, "conversation_parts": [
  {"type": "conversation_part", "id": "11", "part_type": "assignment", "body": null, "created_at": 1793757601, "author": {"type": "bot", "id": "b1", "name": "Operator"}},
  {"type": "conversation_part", "id": "12", "part_type": "comment", "body": "<p>您好，这个我<b>不知道</b></p>", "created_at": 1793757606, "author": {"type": "admin", "id": "a1", "name": "客服01"}},
  {"type": "conversation_part", "id": "13", "part_type": "note", "body": "<p>已备注改地址</p>", "created_at": 1793757620, "author": {"type": "admin", "id": "a1", "name": "客服01"}},
  {"type": "conversation_part", "id": "14", "part_type": "close", "body": null, "created_at": 1793757700, "author": {"type": "admin", "id": "a1", "name": "客服01"}}]}}`

// intercomMapping reads intercomConversation.
func intercomMapping(paths string) *Mapping {
	return &Mapping{Messages: paths,
		Fields: map[string]string{"conversation": "^id", "id": "id", "role": "author.type", "sender": "author.name",
			"type": "part_type", "text": "body", "time": "created_at"},
		Roles:      map[string]string{"user": "customer", "lead": "customer", "admin": "agent"},
		Types:      map[string]string{"comment": "text", "note": "note", "*": "skip"},
		TimeLayout: "unix"}
}

// TestSeveralMessagesPaths: comma-separated messages paths are each
// followed, for a single object and for an array of them; "*" in the types
// maps every type not listed.
func TestSeveralMessagesPaths(t *testing.T) {
	want := []string{
		"1911149811|customer|张三|text|在吗？我想改地址@2",
		"1911149811|agent|客服01|text|您好，这个我不知道@6",
		"1911149811|agent|客服01|note|已备注改地址@7",
	}
	for _, tc := range []struct{ name, data, paths string }{
		{"object", intercomConversation, "source,conversation_parts.conversation_parts[]"},
		{"array", "[" + intercomConversation + ",\n" + intercomConversation + "]", "[].source,[].conversation_parts.conversation_parts[]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := mustRead(t, "json", tc.data, Options{HTML: true, Mapping: intercomMapping(tc.paths)})
			checkInvariants(t, s, nil)
			got := strings.Split(msgLines(s.msgs), "\n")
			n := len(got) / len(want)
			if len(got) != n*len(want) || n == 0 || len(s.rejects) != 0 || len(s.skips) != 2*n {
				t.Fatalf("messages\n%s\nrejects %v skips %v", msgLines(s.msgs), s.rejects, s.skips)
			}
			if strings.Join(got[:3], "\n") != strings.Join(want, "\n") {
				t.Fatalf("messages\n%s\nwant\n%s", strings.Join(got[:3], "\n"), strings.Join(want, "\n"))
			}
			if s.msgs[0].Time.Unix() != 1793757600 || s.msgs[1].Time.Unix() != 1793757606 {
				t.Fatalf("times %v %v", s.msgs[0].Time, s.msgs[1].Time)
			}
			if s.skips[0].reason != `type "assignment" (--types *=skip)` {
				t.Fatalf("skip reason %q", s.skips[0].reason)
			}
		})
	}
	for _, bad := range []string{"[].source,conversation_parts[]", "a[],,b[]"} {
		if _, err := readData(t, "json", "[]", Options{Mapping: &Mapping{Messages: bad}}); err == nil {
			t.Errorf("messages %q: no error", bad)
		}
	}
}
