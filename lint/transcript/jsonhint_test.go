package transcript

import (
	"strings"
	"testing"
)

// hintArgs splits a hint's suggested flags (after "try ") into options
// with a mapping, unquoting the shell words, so that a test can follow the
// hint.
func hintArgs(t *testing.T, hint string) Options {
	t.Helper()
	_, cmd, ok := strings.Cut(hint, "try ")
	if !ok {
		t.Fatalf("hint %q suggests no flags", hint)
	}
	var words []string
	for cmd != "" {
		cmd = strings.TrimLeft(cmd, " ")
		if strings.HasPrefix(cmd, "'") {
			end := strings.Index(cmd[1:], "'")
			words = append(words, cmd[1:1+end])
			cmd = cmd[2+end:]
			continue
		}
		w, rest, _ := strings.Cut(cmd, " ")
		words, cmd = append(words, w), rest
	}
	m := &Mapping{Fields: map[string]string{}, Roles: map[string]string{}}
	pairs := func(s string, into map[string]string) {
		for _, kv := range strings.Split(s, ",") {
			k, v, _ := strings.Cut(kv, "=")
			into[k] = v
		}
	}
	html := false
	for len(words) > 0 && words[len(words)-1] == "--html" {
		words, html = words[:len(words)-1], true
	}
	for i := 0; i+1 < len(words); i += 2 {
		switch words[i] {
		case "--messages":
			m.Messages = words[i+1]
		case "--map":
			pairs(words[i+1], m.Fields)
		case "--roles":
			pairs(words[i+1], m.Roles)
		case "--types":
			m.Types = map[string]string{}
			pairs(words[i+1], m.Types)
		default:
			t.Fatalf("hint %q: unexpected %q", hint, words[i])
		}
	}
	return Options{Mapping: m, HTML: html}
}

func TestJSONLayoutHint(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		hint       string // expected in the first reject ("" : the generic advice)
		msgs       int    // messages read when the hint is followed
	}{
		{"weibo dialogues",
			`[{"id":"37","turns":[{"sender":"customer","utterances":["在吗","人呢"]},{"sender":"helpdesk","utterances":["","您好"]}]}]`,
			`the messages may be at [].turns[].utterances[]: try --messages '[].turns[].utterances[]' --map conversation=id,role=sender,text=. --roles helpdesk=agent`, 4},
		{"a text-like key: content",
			`[{"conversation":"c","role":"agent","content":"您好"}]`,
			`try --map text=content`, 1},
		{"a Chinese text key",
			`[{"会话":"c","role":"agent","内容":"您好"}]`,
			`try --map conversation=会话,text=内容`, 1},
		{"the alias ranked first wins: content over msg",
			`[{"role":"agent","msg":"x","content":"您好"}]`,
			`try --map text=content`, 1},
		{"a list of message objects inside an object",
			`[{"session":"s1","data":{"records":[{"role":"customer","content":"在吗"},{"role":"agent","content":"在的"}]}}]`,
			`the messages may be at [].data.records[]: try --messages '[].data.records[]' --map conversation=session,text=content`, 2},
		{"messages with their own id: the conversation's is ^id",
			`[{"id":"c9","items":[{"id":"m1","from":"user","body":"在吗"},{"id":"m2","from":"staff","body":"您好"}]}]`,
			`the messages may be at [].items[]: try --messages '[].items[]' --map 'conversation=^id,role=from,text=body' --roles user=customer,staff=agent`, 2},
		// the fields under other names beside the text: the conversation,
		// the time and the sender (without them every message was one
		// conversation's, untimed, and the hint did not say so)
		{"a help desk's record",
			`[{"session_id":"s1","created_at":"2026-11-04 10:00:00","from":"visitor","nickname":"tb1","content":"在吗"}]`,
			`try --map conversation=session_id,time=created_at,role=from,sender=nickname,text=content --roles visitor=customer`, 1},
		{"a help desk's API",
			`{"code":0,"data":{"list":[{"sessionId":123,"msgs":[{"from":"visitor","content":"在吗","createTime":1793757780000},{"from":"staff","content":"您好","createTime":1793757785000}]}]}}`,
			`the messages may be at data.list[].msgs[]: try --messages 'data.list[].msgs[]' --map conversation=sessionId,time=createTime,role=from,text=content --roles visitor=customer,staff=agent`, 2},
		// a nickname that reads as a role ("buyer") is no role field: the
		// key whose values read as roles across the messages is (the hint
		// said role=nick, every other message an unknown role)
		{"a nickname buyer beside the role",
			`[{"id":"c1","items":[{"nick":"buyer","from":"user","body":"在吗"},{"nick":"小美","from":"staff","body":"您好"}]}]`,
			`the messages may be at [].items[]: try --messages '[].items[]' --map conversation=id,role=from,text=body --roles user=customer,staff=agent`, 2},
		{"a nickname buyer beside a canonical role",
			`[{"nick":"buyer","from":"customer","content":"在吗"}]`,
			`try --map role=from,text=content`, 1},
		{"a nickname buyer beside a synonym",
			`[{"nick":"buyer","from":"visitor","content":"在吗"}]`,
			`try --map role=from,text=content --roles visitor=customer`, 1},
		{"names that are no roles",
			`[{"id":"c1","items":[{"name":"buyer","body":"在吗"},{"name":"小美","body":"您好"},{"name":"小王","body":"好的"}]}]`,
			`the messages may be at [].items[]: try --messages '[].items[]' --map conversation=id,sender=name,text=body`, 0},
		// texts that are HTML (help desks' rich text): the hint says
		// --html, or a phrase split by a tag (不<b>知</b>道) was linted as
		// markup, unseen by the rules
		{"HTML bodies",
			`[{"ticket_id":9001,"body":"<div>这个我也不<b>知</b>道</div>","role":"agent"}]`,
			`try --map conversation=ticket_id,text=body --html`, 1},
		{"HTML in a list of messages",
			`{"id":"c1","parts":[{"role":"agent","body":"<p>您好</p>"},{"role":"customer","body":"在吗&nbsp;"}]}`,
			`the messages may be at parts[]: try --messages 'parts[]' --map conversation=id,text=body --html`, 2},
		{"HTML in utterances",
			`[{"id":"c1","turns":[{"sender":"helpdesk","utterances":["您好<br>请问"]}]}]`,
			`the messages may be at [].turns[].utterances[]: try --messages '[].turns[].utterances[]' --map conversation=id,role=sender,text=. --roles helpdesk=agent --html`, 1},
		{"a < that starts no tag",
			`[{"role":"agent","content":"价格<100元 & 包邮"}]`,
			`try --map text=content`, 1},
		// a size or a model in brackets names no HTML element: --html
		// would drop it from the text
		{"a size in brackets",
			`[{"role":"agent","content":"亲，尺码<XL>没有了，<iPhone 15>有货"}]`,
			`try --map text=content`, 1},
		// the role in an author object (Intercom's, 美洽's): the hint said
		// no role, and every message was one without
		{"a role in an author object",
			`{"id":"c1","parts":[{"body":"在吗","author":{"type":"user","name":"buyer"}},{"body":"您好","author":{"type":"admin","name":"小美"}}]}`,
			`the messages may be at parts[]: try --messages 'parts[]' --map conversation=id,role=author.type,text=body --roles user=customer,admin=agent`, 2},
		// parts without a text among the messages (Intercom's assignment
		// and close parts have a null body): there was no hint at all
		// and their type skips them (else, the hint followed, each was a
		// malformed record)
		{"null bodies among the parts",
			`{"id":"c1","parts":[{"part_type":"assignment","body":null,"author":{"type":"bot"}},{"part_type":"comment","body":"您好","author":{"type":"admin"}},{"part_type":"comment","body":"在吗","author":{"type":"lead"}},{"part_type":"close","body":null,"author":{"type":"admin"}}]}`,
			`the messages may be at parts[]: try --messages 'parts[]' --map conversation=id,role=author.type,text=body,type=part_type --roles admin=agent,lead=customer --types assignment=skip,close=skip`, 2},
		// a part of another type further on than the leaves the hint
		// looks at first
		{"null bodies of another type further on",
			`{"id":"c1","parts":[{"part_type":"comment","body":"在吗","author":{"type":"user"}},{"part_type":"assignment","body":null,"author":{"type":"admin"}},{"part_type":"comment","body":"您好","author":{"type":"admin"}},{"part_type":"comment","body":"好的","author":{"type":"user"}},{"part_type":"comment","body":"再见","author":{"type":"admin"}},{"part_type":"close","body":null,"author":{"type":"admin"}}]}`,
			`the messages may be at parts[]: try --messages 'parts[]' --map conversation=id,role=author.type,text=body,type=part_type --roles user=customer,admin=agent --types assignment=skip,close=skip`, 4},
		{"null texts of a type in the type key",
			`{"id":"c1","parts":[{"type":"comment","body":"您好","from":"agent"},{"type":"event","body":null,"from":"system"}]}`,
			`the messages may be at parts[]: try --messages 'parts[]' --map conversation=id,role=from,text=body --types event=skip`, 1},
		{"null texts with no type that tells them",
			`{"id":"c1","parts":[{"kind":"a","body":"您好","from":"agent"},{"kind":"a","body":null,"from":"agent"}]}`,
			`the messages may be at parts[]: try --messages 'parts[]' --map conversation=id,role=from,text=body`, 0},
		{"bodies all null",
			`{"id":"c1","parts":[{"part_type":"assignment","body":null},{"part_type":"close","body":null}]}`, ``, 0},
		// an export in PascalCase (.NET's): its Id is the conversation's
		// (its Messages, in any case, are read without a hint)
		{"keys in another case",
			`[{"Id":"c1","Items":[{"Role":"customer","Text":"在吗"},{"Role":"agent","Text":"您好"}]}]`,
			`the messages may be at [].Items[]: try --messages '[].Items[]' --map conversation=Id`, 2},
		// a list in Messages: the path names the key as written, which a
		// messages path matches
		{"a list in PascalCase messages",
			`[{"Id":"c1","Messages":[{"Turns":[{"Role":"agent","Text":"x"}]}]}]`,
			`the messages may be at [].Messages[].Turns[]: try --messages '[].Messages[].Turns[]' --map 'conversation=^^Id'`, 1},
		{"a list in PascalCase conversations' messages",
			`{"Conversations":[{"Id":"c1","Messages":[{"Turns":[{"Role":"agent","Text":"x"}]}]}]}`,
			`the messages may be at Conversations[].Messages[].Turns[]: try --messages 'Conversations[].Messages[].Turns[]' --map 'conversation=^^Id'`, 1},
		// a message's id of its own is not the conversation's
		{"a list in a conversation's messages, which have ids",
			`[{"id":"c1","messages":[{"id":"m1","turns":[{"role":"agent","text":"x"}]}]}]`,
			`the messages may be at [].messages[].turns[]: try --messages '[].messages[].turns[]' --map 'conversation=^^id'`, 1},
		{"a list in a conversation's messages, which have ids, the conversation none",
			`[{"session_id":"s1","messages":[{"id":"m1","turns":[{"role":"agent","text":"x"}]}]}]`,
			`the messages may be at [].messages[].turns[]: try --messages '[].messages[].turns[]'`, 1},
		{"a list in a conversation's messages, named by conversation",
			`[{"conversation":"c1","messages":[{"turns":[{"role":"agent","text":"x"}]}]}]`,
			`the messages may be at [].messages[].turns[]: try --messages '[].messages[].turns[]'`, 1},
		{"a top-level object",
			`{"chat":{"lines":[{"role":"agent","text":"您好"}]}}`,
			`the messages may be at chat.lines[]: try --messages 'chat.lines[]'`, 1},
		{"nothing that looks like messages",
			`[{"id":"c","n":[1,2,3],"tags":["",""]}]`, ``, 0},
		{"a key the path syntax cannot name",
			`[{"id":"c","a.b":[{"role":"agent","text":"x"}]}]`, ``, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := readData(t, "json", tc.data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(s.rejects) == 0 {
				t.Fatalf("no rejects (messages %v)", msgLines(s.msgs))
			}
			got := s.rejects[0].Err
			if tc.hint == "" {
				if !strings.Contains(got, "for another layout use --messages and --map") {
					t.Fatalf("reject %q: want the generic advice", got)
				}
				return
			}
			if !strings.Contains(got, "; "+tc.hint+")") {
				t.Fatalf("reject\n %q\nwant the hint\n %q", got, tc.hint)
			}
			if tc.msgs == 0 {
				return
			}
			// following the hint reads every message
			s, err = readData(t, "json", tc.data, hintArgs(t, tc.hint))
			if err != nil {
				t.Fatal(err)
			}
			if len(s.rejects) > 0 || len(s.msgs) != tc.msgs {
				t.Fatalf("following the hint: %d messages, rejects %v", len(s.msgs), s.rejects)
			}
			for _, m := range s.msgs {
				// the conversation's id, where the export names it
				if strings.Contains(tc.data, `"c1"`) && m.Conversation != "c1" {
					t.Errorf("following the hint: the conversation is %q; want c1", m.Conversation)
				}
				if htmlLike(m.Text) {
					t.Errorf("following the hint: the text %q is HTML", m.Text)
				}
			}
		})
	}
}

// htmlLike: the tags of HTML elements and character references are HTML;
// a < before a number, a size, a model or a grade in brackets, as shops
// type them, and emoticons are not: a bare tag of one letter (<S>, <b>)
// counts only with its end tag, which an editor writes.
func TestHTMLLike(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		// help desks' and editors' rich text
		{"<p>您好</p>", true},
		{"<p>您好", true},
		{"您好<br>请问", true},
		{"您好<BR/>请问", true},
		{"您好<BR>请问", true},
		{"您好<br />请问", true},
		{"不<b>知</b>道", true},
		{"<B>注意</B>：七天无理由", true},
		{"<P>您好</P><P>请问</P>", true},
		{"<u>下划线</u>", true},
		{"原价<s>199</s>现价99", true},
		{"<i>斜体</i >", true},
		{`<img src="a.png">`, true},
		{`<span style="color:red">急</span>`, true},
		{`<font color=red>急</font>`, true},
		{`<a href="https://shop.example/1">链接</a>`, true},
		{`<p class = "x">您好`, true},
		{"<ul><li>一</li></ul>", true},
		{"<div>您好", true},
		{"<li>一<li>二", true},
		{"<DIV>您好", false}, // (upper case: with its end tag)
		{"尺码<small>", false},
		{"<h3>标题</h3>", true},
		{"<div>您好</div>", true},
		{"<o:p></o:p>", true},
		{"分隔<hr>以下", true},
		{"在吗&nbsp;", true},
		{"a &lt;b&gt;", true},
		{"&#20320;好", true},
		{"&#x4f60;好", true},
		// shops' texts
		{"价格<100元 & 包邮", false},
		{"价格<100", false},
		{"爱你<3", false},
		{"心碎</3", false},
		{"尺码<XL>没有了", false},
		{"尺码<S>偏小", false},
		{"选<M>码", false},
		{"<L>和<XL>都有", false},
		{"<S/M>两个码", false},
		{"<S M L>都有", false},
		{"我要<s码>", false},
		{"<s>码有货吗", false},
		{"<A>类商品", false},
		{"<B>款", false},
		{"<B超>报告", false},
		{"<I>型", false},
		{"<U>型枕", false},
		{"<Q>版公仔", false},
		{"<P>档", false},
		{"哈弗<H6>", false},
		{"打开<H5>页面", false},
		{"尺码<Small>", false},
		{"请联系<HR>", false},
		{"<EM>", false},
		{"<iPhone 15>有货", false},
		{"型号<A1234>", false},
		{"<(￣▽￣)>", false},
		{">_<", false},
		{"<i_i>", false},
		{"<*)))><", false},
		{"<o>", false},
		{"Q&A", false},
		{"AT&T", false},
		{"编号&#号", false},
		{"&#;", false},
		{"<!-- -->", false},
		{"<", false},
		{"</", false},
		{"<b", false},
		{"<br", false},
		{"</b", false},
		{"", false},
	} {
		if got := htmlLike(tc.text); got != tc.want {
			t.Errorf("htmlLike(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
