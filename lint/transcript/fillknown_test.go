package transcript

import (
	"bufio"
	"reflect"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestFillKnownAgreesWithDecoder reads each line twice with one scanner:
// the first reading puts its conversation id and sender in the caches, so
// that the second may be filled by fillKnown. The test checks that
// fillKnown takes exactly the records it is meant to (cached conversation
// and sender, a canonical role, no type), that what it fills is what
// encoding/json reads, and that parseInto, with the fast path, agrees too.
func TestFillKnownAgreesWithDecoder(t *testing.T) {
	tests := []struct {
		line  string
		known bool
	}{
		{`{"conversation":"TB2026111110158380","id":"TB2026111110158380-1","time":"2026-11-11T08:00:02+08:00","role":"customer","sender":"wx_huhu42434","text":"老板在吗"}`, true},
		{`{"conversation":"c1","time":"2026-11-04 10:00:00","role":"agent","sender":"客服01","text":"您好"}`, true},
		{`{"conversation":"c1","role":"agent","text":"没有发送者"}`, true},
		{`{"conversation":"c1","role":"agent","sender":"","text":"空发送者"}`, true},
		{`{"conversation":"c1","role":"agent","sender":null,"text":"x"}`, true},
		{`{"conversation":"c1","role":"bot","sender":"s","text":""}`, true},
		{`{"conversation":"c1","role":"system","text":"","id":""}`, true},
		{`{"conversation":"c1","role":"agent","text":5,"id":77,"sender":10086}`, true},
		{`{"conversation":"c1","role":"agent","text":"x","time":1793757600}`, true},
		{`{"conversation":"c1","role":"agent","text":"x","time":1793757600000}`, true},
		{`{"conversation":"c1","role":"agent","text":"x","time":"昨天"}`, true},
		{`{"conversation":"c1","role":"agent","text":"x","time":null}`, true},
		{`{"conversation":"c1","role":"agent","type":null,"text":"x"}`, true},
		{`{"conversation":"c1","role":"agent","role":"customer","text":"x"}`, true},
		{`{"conversation":"c1","role":"agent","text":"x","role":"boss"}`, false},
		{`{"conversation":"c1","role":"agent","text":"x","time":"2026-11-11 08:00:1","id":"q"}`, true},
		{`{"conversation":"c1","role":"agent","text":"换行\n引号\"","id":"i\td"}`, true},
		// blanks at the edges of the ids and the sender (trimmed); a
		// conversation id of blanks alone is the file's
		{`{"conversation":" c1 ","role":"agent","sender":" 小七 ","id":" 7 ","text":"x"}`, true},
		{`{"conversation":"  ","role":"agent","text":"x"}`, true},
		{"{\"conversation\":\"c1\u3000\",\"role\":\"agent\",\"sender\":\"\u3000s\",\"text\":\"x\"}", true},
		// the long way: a type, a role not read by knownRole, no text,
		// no conversation id
		{`{"conversation":"c1","role":"agent","type":"note","text":"x"}`, false},
		{`{"conversation":"c1","role":"AGENT","text":"x"}`, false},
		{`{"conversation":"c1","role":"boss","text":"x"}`, false},
		{`{"conversation":"c1","text":"x"}`, false},
		{`{"conversation":"c1","role":"agent"}`, false},
		{`{"conversation":"","role":"agent","text":"x"}`, false},
		{`{"role":"agent","text":"x"}`, false},
	}
	for _, tt := range tests {
		src := &Source{Name: "day.jsonl", R: bufio.NewReader(strings.NewReader("")), Opts: &Options{Location: shanghai}}
		pos := lint.Pos{File: "day.jsonl", Line: 2}
		want, wantErr := parseJSONMessage([]byte(tt.line), src, pos)
		sc := newJSONScanner()
		var first lint.Message
		sc.parseInto(&first, []byte(tt.line), src, lint.Pos{File: "day.jsonl", Line: 1})

		line := []byte(tt.line)
		var r rawFields
		if !sc.scan(line, &r) {
			t.Fatalf("line %q: not scanned", tt.line)
		}
		var got lint.Message
		gotErr, done := sc.fillKnown(&got, &r, line, src, pos, false)
		if done != tt.known {
			t.Errorf("line %q: fillKnown done %v, want %v", tt.line, done, tt.known)
			continue
		}
		if !done {
			if !reflect.DeepEqual(got, lint.Message{}) {
				t.Errorf("line %q: fillKnown declined but wrote %+v", tt.line, got)
			}
		} else if gotErr != wantErr || !reflect.DeepEqual(got, want) {
			t.Errorf("line %q:\nfillKnown %+v %q\ndecoder   %+v %q", tt.line, got, gotErr, want, wantErr)
		}
		var again lint.Message
		if againErr := sc.parseInto(&again, []byte(tt.line), src, pos); againErr != wantErr || !reflect.DeepEqual(again, want) {
			t.Errorf("line %q:\nparseInto %+v %q\ndecoder   %+v %q", tt.line, again, againErr, want, wantErr)
		}
	}
}
