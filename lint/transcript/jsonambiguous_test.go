package transcript

import (
	"strings"
	"testing"
)

// TestJSONAmbiguousObjects: an object that could be read two ways, one of
// which loses records, is malformed (an element) or fails the file (the
// top object), whether its elements are parsed on the reading goroutine or
// deferred to the workers; nothing is dropped silently.
func TestJSONAmbiguousObjects(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		want       string // in the events
	}{
		{"a conversation with a text of its own",
			`[{"id":"a","role":"agent","text":"不知道","messages":[{"role":"agent","text":"y"}]},{"id":"b","messages":[{"role":"agent","text":"z"}]}]`,
			`the object holds both a text of its own (\"text\") and a \"messages\" list`},
		{"messages twice",
			`[{"id":"a","messages":[{"role":"agent","text":"x"}],"messages":[{"role":"agent","text":"y"}]}]`,
			`the conversation holds \"messages\" twice`},
		{"messages not a list", `[{"id":"c2","messages":"oops"}]`, `expected a list of messages, got a string`},
		{"conversations and messages",
			`{"conversations":[{"id":"a","messages":[{"role":"agent","text":"x"}]}],"messages":[{"conversation":"b","role":"agent","text":"y"}]}`,
			`holds both a "conversations" list and a "messages" list`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, deferring := range []bool{false, true} {
				events, _ := readJSONEvents(tc.data, 0, deferring, false)
				if all := strings.Join(events, "\n"); !strings.Contains(all, tc.want) {
					t.Errorf("deferring %v: events\n%s\nwant %q", deferring, all, tc.want)
				}
			}
			agreeDeferred(t, tc.name, func(deferring bool) ([]string, int) { return readJSONEvents(tc.data, 0, deferring, false) })
		})
	}
}

// TestJSONConversationKeysNotText: a conversation's own key is no competing
// text when the messages' text is mapped to a path, or when it is null.
func TestJSONConversationKeysNotText(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		opts       Options
	}{
		{"text mapped to a path", `[{"id":"a","text":"会话摘要","messages":[{"role":"agent","body":{"text":"不知道"}}]}]`,
			Options{Mapping: &Mapping{Fields: map[string]string{"text": "body.text"}}}},
		{"a null text", `[{"id":"a","text":null,"messages":[{"role":"agent","text":"不知道"}]}]`, Options{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := readData(t, "json", tc.data, tc.opts)
			if err != nil || len(s.rejects) != 0 || len(s.msgs) != 1 || s.msgs[0].Text != "不知道" {
				t.Fatalf("err %v, rejects %v, messages %v", err, s.rejects, s.msgs)
			}
		})
	}
}
