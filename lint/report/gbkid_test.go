package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestGBKConversationID: the id of a conversation made of a file's name
// that is not UTF-8 but GBK is written decoded in JSON, JSONL and CSV, as
// "file" and the text report show the name: a file without ids (its name),
// and a canned library's reply (file:line), whose id was '\uFFFDͷ\uFFFD.txt:3'
// beside "file": "客服.txt" since 891a5cf. The fast encoder writes what
// encoding/json does.
func TestGBKConversationID(t *testing.T) {
	const kefu = "\xbf\xcd\xb7\xfe.txt" // 客服.txt in GBK
	rule := &lint.RuleInfo{ID: "base/evasive-phrase", Type: "forbid", Severity: lint.Warning}
	for _, tt := range []struct{ id, want string }{
		{kefu, "客服.txt"},
		{kefu + ":3", "客服.txt:3"},
		{"c1", "c1"},
	} {
		c := &lint.Conversation{ID: tt.id, File: kefu, Messages: []lint.Message{
			{Role: lint.Agent, Text: "这个我不知道", Pos: lint.Pos{File: kefu, Line: 3}},
		}}
		r := &lint.Result{Conversation: c, Score: 98, Grade: "优秀", Findings: []lint.Finding{{Rule: rule, Match: "不知道", Deduct: 2}}}
		opts := Options{}
		if got := ConversationJSON(r, opts).ID; got != tt.want {
			t.Errorf("id %q: JSON id %q, want %q", tt.id, got, tt.want)
		}
		checkEncoder(t, r, opts)
		for _, rows := range []string{CSVFindings, CSVConversations} {
			var out bytes.Buffer
			w, err := New("csv", &out, Options{CSVRows: rows})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Conversation(r); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(&lint.Summary{}); err != nil {
				t.Fatal(err)
			}
			if want := "\n客服.txt,3," + tt.want + ","; !strings.Contains(out.String(), want) || strings.Contains(out.String(), "\uFFFD") {
				t.Errorf("id %q: CSV of %s rows:\n%s\nwant %q in it, and no U+FFFD", tt.id, rows, out.String(), want)
			}
		}
	}
}
