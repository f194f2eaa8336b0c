package transcript

import (
	"bufio"
	"reflect"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestParseIntoFillsAsFill holds the message parseInto writes (msgFields.fill
// written out, with the intern caches' plain flags) to the decoder's, and
// the reasons of malformed records to its reasons in their order: each line
// is parsed twice by one scanner, so that the second time its conversation
// id, sender and type come from the caches. Agents are named by their
// sender for the records without a role.
func TestParseIntoFillsAsFill(t *testing.T) {
	lines := []string{
		// the common record, and its values with blanks at their edges
		`{"conversation":"TB2026111110158380","id":"TB2026111110158380-1","time":"2026-11-11T08:00:02+08:00","role":"customer","sender":"wx_huhu42434","text":"老板在吗"}`,
		`{"conversation":" TB2026111110158381 ","id":" i1 ","time":"2026-11-11 08:00:10","role":"agent","sender":" 售前-小美 ","type":" note ","text":"好的"}`,
		`{"conversation":"　c2","id":"i2　","role":"bot","sender":"店小蜜　","type":"　","text":"x"}`,
		// the reasons, in their order: text, role, time
		`{"conversation":"c3","role":"boss","time":"昨天"}`,
		`{"conversation":"c3","role":"boss","time":"昨天","text":"x"}`,
		`{"conversation":"c3","role":"agent","time":"昨天","text":"x"}`,
		`{"conversation":"c3","sender":"s1","time":"2026-11-11 08:00:10","text":"x"}`,
		`{"conversation":"c3","role":" ","sender":"张客服","time":"2026-11-11 08:00:10","text":"x"}`,
		`{"conversation":"c3","role":"","sender":" 顾客 ","time":1793757600,"text":"x"}`,
		`{"conversation":"c3","role":null,"sender":"客服小王","time":1793757600000,"text":"x"}`,
		`{"conversation":"c3","sender":"客服小王","text":"x","role":"客服"}`,
		`{"conversation":"c3","sender":"客服小王","text":"x","role":"cust\u006fmer"}`,
		// no conversation (the file's), an empty one, a number
		`{"role":"agent","text":"x","time":"2026-11-11T08:00:22+08:00"}`,
		`{"conversation":"","role":"agent","text":"x"}`,
		`{"conversation":7,"id":8,"sender":9,"type":10,"role":"agent","text":11}`,
		`{"conversation":"c4","type":"transfer","role":"system","text":"转人工"}`,
	}
	opts := &Options{Location: shanghai, Agents: []string{"客服*", "张*"}}
	src := &Source{Name: "day.jsonl", R: bufio.NewReader(strings.NewReader("")), Opts: opts}
	sc := newJSONScanner()
	for round := range 2 {
		for i, line := range lines {
			pos := lint.Pos{File: "day.jsonl", Line: i + 1}
			want, wantErr := parseJSONMessage([]byte(line), src, pos)
			var got lint.Message
			gotErr := sc.parseInto(&got, []byte(line), src, pos)
			if gotErr != wantErr || wantErr == "" && !reflect.DeepEqual(got, want) {
				t.Errorf("round %d, %q:\nscanner %+v %q\ndecoder %+v %q", round, line, got, gotErr, want, wantErr)
			}
		}
	}
}
