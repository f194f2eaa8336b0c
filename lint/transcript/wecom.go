package transcript

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/chatlint/chatlint/lint"
)

// minEpochMillis is the least msgtime read: milliseconds from 1e11 up, as
// the readers take epoch numbers (see fromEpoch); a smaller one is seconds
// or no chat's time.
const minEpochMillis = 1e11

func init() {
	register(&Format{
		Name:       "wecom",
		Extensions: []string{".jsonl", ".json", ".txt"},
		AutoDetect: true,
		Priority:   20,
		Overrides:  []string{"jsonl", "json", "txt"},
		Sniff:      sniffWecom,
		New:        func() Reader { return wecomReader{} },
	})
}

// sniffWecom reports whether the first record is a 企业微信 会话内容存档
// (chat archive) record: a decrypted one, or one still encrypted (as
// GetChatData gives it: the reader rejects it with the hint to decrypt it,
// and reads the rest of the archive).
func sniffWecom(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n[")
	if len(head) == 0 || head[0] != '{' {
		return false
	}
	first, _, _ := bytes.Cut(head, []byte("\n"))
	if !bytes.Contains(first, []byte(`"msgid"`)) {
		// a pretty-printed array: look a little further
		first = head
		if len(first) > 2048 {
			first = first[:2048]
		}
	}
	return bytes.Contains(first, []byte(`"msgid"`)) &&
		(bytes.Contains(first, []byte(`"msgtime"`)) || bytes.Contains(first, []byte(`"action"`)) || bytes.Contains(first, []byte(`"encrypt_chat_msg"`)))
}

// wecomReader reads 企业微信 会话内容存档 records, decrypted (as the
// Finance SDK's GetChatData/DecryptData give them), one JSON object per line
// or a JSON array of them:
//
//	{"msgid":"…","action":"send","from":"zhangsan","tolist":["wmXXXX"],"roomid":"",
//	 "msgtime":1762221600000,"msgtype":"text","text":{"content":"您好"}}
//
// The conversation is the room (roomid), else the pair of participants.
// External contacts (ids starting wm or wo) are customers, robots (wb) bots;
// Staff ids and Agents patterns are agents; other internal ids are agents
// when no staff is configured (Options.Staff), and malformed records
// otherwise. Messages
// other than text keep their msgtype as type, with a placeholder text
// ([图片], [语音], …), so reply timing stays right. Recalls, revoke notices,
// log-in switches and archiving-consent records are skipped and counted.
type wecomReader struct{}

type wecomRecord struct {
	MsgID string `json:"msgid"`
	Text  *struct {
		Content *string `json:"content"`
	} `json:"text"`
	Encrypted *json.RawMessage `json:"encrypt_chat_msg"`
	// ChatData is the list of a whole GetChatData response (a file saved
	// from the API), whose records are still encrypted
	ChatData *json.RawMessage `json:"chatdata"`
	Action   string           `json:"action"`
	From     string           `json:"from"`
	ToList   []string         `json:"tolist"`
	RoomID   string           `json:"roomid"`
	MsgTime  json.RawMessage  `json:"msgtime"`
	MsgType  string           `json:"msgtype"`
}

func (wecomReader) Read(ctx context.Context, src *Source, sink lint.Sink) error {
	b, err := newBuilder(src)
	if err != nil {
		return err
	}
	head, _ := src.R.Peek(bufSize)
	if t := bytes.TrimLeft(head, " \t\r\n"); len(t) > 0 && t[0] == '[' {
		return readWecomArray(ctx, src, b, sink)
	}
	return eachLine(ctx, src, sink, func(line []byte, pos lint.Pos, unended bool) error {
		return wecomRecordTo(b, sink, line, pos, unended)
	})
}

// readWecomArray reads a JSON array of records, one element at a time; a
// record over the bound a record may take is read past, and rejected.
func readWecomArray(ctx context.Context, src *Source, b *builder, sink lint.Sink) error {
	st := newJSONStream(src)
	if _, _, err := st.token(); err != nil { // [
		return st.fail(err)
	}
	for st.dec.More() {
		if err := ctx.Err(); err != nil {
			return err
		}
		raw, over, _, err := st.value()
		if err != nil {
			return st.fail(err)
		}
		pos := lint.Pos{File: src.Name, Line: st.lc.line} // (where the record starts)
		st.lc.lineAt(st.offset())
		if over != nil {
			// over the bound: read past, rejected
			pos.Line = over.line
			if err := sink.Reject(lint.RecordError{Pos: pos, Err: over.why(over.line)}); err != nil {
				return err
			}
			continue
		}
		if err := wecomRecordTo(b, sink, raw, pos, false); err != nil {
			return err
		}
	}
	if _, _, err := st.token(); err != nil && err != io.EOF {
		return st.fail(err)
	}
	return nil
}

// wecomRecordTo reads one record into the sink; unended: it is a line
// the file ends inside, without a line break (see cutJSONLReason).
func wecomRecordTo(b *builder, sink lint.Sink, data []byte, pos lint.Pos, unended bool) error {
	m, skip, perr := parseWecom(b, data, pos)
	switch {
	case perr != "":
		if unended {
			perr = cutJSONLReason(perr, data)
		}
		return sink.Reject(lint.RecordError{Pos: pos, Err: perr})
	case skip != "":
		return sink.SkipRecord(pos, skip)
	}
	return sink.Message(m)
}

// parseWecom decodes one record: a message, a reason to skip it, or why it
// is malformed.
func parseWecom(b *builder, data []byte, pos lint.Pos) (m lint.Message, skip, perr string) {
	data, prob := usableLine(b.src, data, pos.Line)
	if prob != "" {
		return m, "", prob
	}
	var rec wecomRecord
	if err := json.Unmarshal(data, &rec); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return m, "", jsonlSyntax(se, data)
		}
		return m, "", "not a 企业微信 archive record: " + jsonErrText(err)
	}
	if rec.Encrypted != nil {
		return m, "", "encrypted archive record: decrypt it with the 企业微信 Finance SDK (DecryptData) first"
	}
	if rec.ChatData != nil && rec.MsgID == "" {
		return m, "", "a GetChatData response, whose chatdata records are encrypted: decrypt each with the 企业微信 Finance SDK (DecryptData) first, and save the records one a line"
	}
	switch rec.Action {
	case "recall":
		return m, "recalled message", ""
	case "switch":
		return m, "log-in switch record", ""
	case "", "send":
	default:
		return m, "", fmt.Sprintf("unknown action %q (send, recall, switch)", rec.Action)
	}
	switch rec.MsgType {
	case "revoke":
		return m, "revoke notice", ""
	case "agree", "disagree":
		return m, "archiving consent record", ""
	case "":
		return m, "", `no "msgtype"`
	}
	if why := b.m.skipReason(rec.MsgType); why != "" {
		return m, why, ""
	}
	if rec.From == "" {
		return m, "", `no "from"`
	}
	ms, err := strconv.ParseInt(strings.Trim(string(bytes.TrimSpace(rec.MsgTime)), `"`), 10, 64)
	if err != nil || ms < minEpochMillis {
		// below 1e11 (1973): seconds, not milliseconds, or no time at all
		return m, "", fmt.Sprintf(`"msgtime" %s: expected epoch milliseconds`, strings.TrimSpace(string(rec.MsgTime)))
	}
	m = lint.Message{
		ID:     rec.MsgID,
		Time:   time.UnixMilli(ms).UTC(), // an instant: not in time.Local (see instant)
		Sender: rec.From,
		Type:   rec.MsgType,
		Pos:    pos,
	}
	m.TextCol = -1 // (not located on the line)
	role, why := wecomRole(b, rec.From)
	if why != "" {
		return m, "", why
	}
	m.Role = role
	if rec.RoomID != "" {
		m.Conversation = rec.RoomID
	} else {
		people := append([]string{rec.From}, rec.ToList...)
		sort.Strings(people)
		m.Conversation = strings.Join(dedupe(people), "~")
	}
	var text string
	ok := true
	if rec.MsgType == "text" {
		if ok = rec.Text != nil && rec.Text.Content != nil; ok {
			text = *rec.Text.Content
		}
	} else {
		var fields map[string]json.RawMessage
		_ = json.Unmarshal(data, &fields) // valid: decoded above
		text, ok = wecomText(rec.MsgType, fields)
	}
	if !ok {
		return m, "", fmt.Sprintf("msgtype %s without its %q content", rec.MsgType, rec.MsgType)
	}
	m.Text = text
	if t, ok := b.m.mapType(m.Type); ok {
		m.Type = t
	}
	return m, "", ""
}

func jsonErrText(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field != "" {
			return fmt.Sprintf("field %q: expected %s, got %s", te.Field, jsonKindOf(te.Type), jsonKindText(te.Value))
		}
		return "expected a JSON object"
	}
	return err.Error()
}

// jsonKindOf names the kind of JSON value a field of type t takes as the
// readers' reasons name values (see jnode.describe): a string, a list, an
// object, not Go's []string or struct {…}.
func jsonKindOf(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Bool:
		return "a boolean"
	}
	return "a number"
}

// jsonKindText names a JSON value as encoding/json's type errors give it
// (number, bool, array, …) as the readers' reasons name values.
func jsonKindText(v string) string {
	switch kind, _, _ := strings.Cut(v, " "); kind {
	case "string":
		return "a string"
	case "number":
		return "a number"
	case "bool":
		return "a boolean"
	case "array":
		return "a list"
	case "object":
		return "an object"
	}
	return v
}

func dedupe(sorted []string) []string {
	out := sorted[:0]
	for i, s := range sorted {
		if i == 0 || s != sorted[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// wecomRole decides the role of a sender id.
func wecomRole(b *builder, id string) (lint.Role, string) {
	if r, ok := b.m.roles[roleKey(id)]; ok {
		return r, ""
	}
	if b.isAgent(id) {
		return lint.Agent, ""
	}
	switch {
	case strings.HasPrefix(id, "wm"), strings.HasPrefix(id, "wo"):
		return lint.Customer, ""
	case strings.HasPrefix(id, "wb"):
		return lint.Bot, ""
	}
	if b.senders == nil || len(b.senders.staff) == 0 {
		return lint.Agent, "" // no staff list: every employee speaks for the company
	}
	return lint.RoleUnknown, fmt.Sprintf("sender %q is neither a configured staff id (--staff) nor an external contact (wm…/wo…)", id)
}

// wecomPlaceholders are the texts of messages without text of their own.
var wecomPlaceholders = map[string]string{
	"image": "[图片]", "voice": "[语音]", "video": "[视频]", "emotion": "[表情]", "file": "[文件]",
	"card": "[名片]", "location": "[位置]", "link": "[链接]", "weapp": "[小程序]", "chatrecord": "[聊天记录]",
	"todo": "[待办]", "vote": "[投票]", "collect": "[填表]", "redpacket": "[红包]", "external_redpacket": "[红包]",
	"meeting": "[会议]", "docmsg": "[在线文档]", "calendar": "[日程]", "news": "[图文]", "meeting_voice_call": "[音频存档]",
	"voip_doc_share": "[文件共享]", "sphfeed": "[视频号]", "qydiskfile": "[微盘文件]", "voiptext": "[音视频通话]",
}

// wecomText returns the text of a message, of the record's fields: its
// content for text and markdown, a placeholder naming the message (with a
// title or file name where there is one) for the rest. The content is
// under the msgtype's key, but for the types the archive keeps under
// "info" (markdown, news, qydiskfile, voiptext: see the Finance SDK's
// 获取会话内容) and an online document's, under "doc".
func wecomText(msgtype string, fields map[string]json.RawMessage) (string, bool) {
	object := func(raw json.RawMessage) map[string]json.RawMessage {
		var o map[string]json.RawMessage
		if len(raw) > 0 {
			_ = json.Unmarshal(raw, &o)
		}
		return o
	}
	raw := fields[msgtype]
	obj := object(raw)
	str := func(o map[string]json.RawMessage, key string) string {
		var s string
		if v, ok := o[key]; ok {
			_ = json.Unmarshal(v, &s)
		}
		return s
	}
	switch msgtype {
	case "markdown", "news", "qydiskfile", "voiptext":
		if obj == nil {
			obj = object(fields["info"])
		}
	case "docmsg":
		if obj == nil {
			obj = object(fields["doc"])
		}
	}
	switch msgtype {
	case "text":
		if obj == nil {
			return "", false
		}
		return str(obj, "content"), true
	case "markdown":
		// {"info":{"content":…}}; once read as {"markdown":{"info":…}}
		// or {"markdown":{"content":…}}, which are kept
		if info := object(obj["info"]); info != nil {
			return str(info, "content"), true
		}
		return str(obj, "content"), obj != nil
	case "mixed":
		var mixed struct {
			Item []struct {
				Type    string `json:"type"`
				Content string `json:"content"`
			} `json:"item"`
		}
		_ = json.Unmarshal(raw, &mixed)
		var parts []string
		for _, it := range mixed.Item {
			if it.Type == "text" {
				var c struct {
					Content string `json:"content"`
				}
				if json.Unmarshal([]byte(it.Content), &c) == nil {
					parts = append(parts, c.Content)
				}
			} else if p, ok := wecomPlaceholders[it.Type]; ok {
				parts = append(parts, p)
			}
		}
		return strings.Join(parts, ""), true
	}
	label, ok := wecomPlaceholders[msgtype]
	if !ok {
		label = "[" + msgtype + "]"
	}
	switch msgtype {
	case "file":
		if n := str(obj, "filename"); n != "" {
			return label + " " + n, true
		}
	case "link":
		if n := str(obj, "title"); n != "" {
			return label + " " + n, true
		}
	case "location":
		if n := str(obj, "address"); n != "" {
			return label + " " + n, true
		}
	case "docmsg", "chatrecord", "calendar", "weapp":
		if n := str(obj, "title"); n != "" {
			return label + " " + n, true
		}
	case "qydiskfile", "voip_doc_share":
		if n := str(obj, "filename"); n != "" {
			return label + " " + n, true
		}
	case "news":
		var news struct {
			Item []struct {
				Title string `json:"title"`
			} `json:"item"`
		}
		if _ = json.Unmarshal(fields["info"], &news); len(news.Item) > 0 && news.Item[0].Title != "" {
			return label + " " + news.Item[0].Title, true
		}
	case "vote":
		if n := str(fields, "votetitle"); n != "" {
			return label + " " + n, true
		}
	}
	return label, true
}
