package transcript

import (
	"bufio"
	"reflect"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestJSONLParserSkipAgrees: the parse function the engine uses
// (NewParserSkip, which lint.NewParseFunc picks) parses every record as
// NewParser's does, malformed ones included, and never skips one.
func TestJSONLParserSkipAgrees(t *testing.T) {
	src := &Source{Name: "day.jsonl", R: bufio.NewReader(strings.NewReader("")), Opts: &Options{Location: shanghai}}
	p := &jsonlParser{src: src}
	var _ lint.SkippingParser = p
	skip, byValue := lint.NewParseFunc(p), p.NewParser()
	for i, line := range []string{
		`{"conversation":"c1","id":"c1-1","time":"2026-11-11T08:00:02+08:00","role":"customer","sender":"wx_1","text":"在吗"}`,
		`{"conversation":"c1","time":"2026-11-11 08:00:10","role":"agent","sender":"客服01","text":"您好，请问有什么可以帮您？"}`,
		`{"conversation":"c2","role":"bot","type":"note","text":"转人工"}`,
		`{"conversation":"c1","role":"agent","text":"x","time":"not a time"}`,
		`{"conversation":"c1","role":"nobody","text":"x"}`,
		`{"conversation":"c1","role":"agent"}`,
		`not json`,
		`{"text":"没有会话"}`,
	} {
		pos := lint.Pos{File: "day.jsonl", Line: i + 1}
		var got lint.Message
		reason, skipped := skip([]byte(line), pos, &got)
		want, wantReason := byValue([]byte(line), pos)
		if skipped || reason != wantReason || (reason == "" && !reflect.DeepEqual(got, want)) {
			t.Errorf("record %q:\nskip     %+v %q %v\nby value %+v %q", line, got, reason, skipped, want, wantReason)
		}
	}
}
