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
