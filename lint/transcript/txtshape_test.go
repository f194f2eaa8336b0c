package transcript

import (
	"fmt"
	"strings"
	"testing"
)

// TestTxtWithoutText: a file whose every line reads as a message header
// (a time and a name) with nothing said under any is a log, not a chat
// dump: refused, rather than linted as customers' empty messages; a dump
// whose first messages lack a text (an emoji the copy dropped) is read
// whole once one has a text.
func TestTxtWithoutText(t *testing.T) {
	opts := Options{Agents: []string{"店铺名:*"}}
	for _, c := range []struct {
		name, data string
		err        string // "": read
		msgs       int
	}{
		{"exporter log", "2026-11-25 02:00:01 export started\n2026-11-25 02:00:05 exported 120 chats\n2026-11-25 02:00:06 done\n",
			"<stdin>: no message has a text: 3 lines read as message headers (a time and a name), with nothing said under any, as a log's lines are: not a chat dump?", 0},
		{"one line", "2026-11-25 02:00:01 export started\n",
			"<stdin>: no message has a text: 1 line read as message headers", 0},
		{"a long log", strings.Repeat("2026-11-25 02:00:01 exported shop\n", 100),
			"<stdin>: the first 64 messages have no text", 0},
		{"empty first messages", "tb_buyer1 2026-11-04 10:00:00\n\ntb_buyer1 2026-11-04 10:00:02\n\n店铺名:小美 2026-11-04 10:00:05\n您好\n",
			"", 3},
		{"a chat", "tb_buyer1 2026-11-04 10:00:00\n在吗\n店铺名:小美 2026-11-04 10:00:05\n在的\n", "", 2},
	} {
		s, err := readData(t, "txt", c.data, opts)
		got := fmt.Sprint(err)
		if c.err == "" && err != nil || c.err != "" && (err == nil || !strings.HasPrefix(got, c.err)) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.err)
			continue
		}
		if len(s.msgs) != c.msgs {
			t.Errorf("%s: %d messages, want %d: %s", c.name, len(s.msgs), c.msgs, msgLines(s.msgs))
		}
	}
	// held messages keep their order and conversation
	s, err := readData(t, "txt", "tb_buyer1 2026-11-04 10:00:00\n\ntb_buyer1 2026-11-04 10:00:02\n在吗\n", opts)
	if err != nil || len(s.msgs) != 2 || s.msgs[0].Pos.Line != 1 || s.msgs[1].Text != "在吗" || s.msgs[0].Conversation != s.msgs[1].Conversation {
		t.Errorf("got %v, %s", err, msgLines(s.msgs))
	}
}
