package transcript

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/internal/enctest"
	"github.com/chatlint/chatlint/lint"
)

// TestJSONLCutLastLine: a JSONL file whose last line ends inside a value,
// without a line break (a copy or an export cut off mid-write), says that
// line's record as the JSON reader says a file cut off ("unexpected end of
// JSON (truncated file?)"), in every way the line is read: by the line
// reader, handed to the engine or parsed at once, read into the engine's
// blocks, through a mapping, from a GBK file, and a 企业微信 archive's. A
// line broken otherwise, one with a line break after it, or one in the
// middle of the file is the malformed record it was.
func TestJSONLCutLastLine(t *testing.T) {
	const (
		first = `{"conversation":"c1","role":"customer","text":"你好"}` + "\n"
		cut   = `{"conversation":"c1","role":"agent","text":"您好，请问`
		hint  = "2: column 50: unexpected end of JSON (truncated file?)"
		plain = "2: invalid JSON: unexpected end of JSON input (column 50)"
	)
	mapped := &Mapping{Fields: map[string]string{"text": "content"}}
	gbk := func(s string) string { return enctest.GBK(t, s) }
	wecom := `{"msgid":"m1","action":"send","from":"zhangsan","tolist":["wmx"],"roomid":"","msgtime":1700000000000,"msgtype":"text","text":{"content":"你好"}}` + "\n"
	for _, c := range []struct {
		name, data string
		opts       Options
		want       string // the reject, "" for none
	}{
		{name: "cut off", data: first + cut, want: hint},
		// (encoding/json names a ' ' that is not there)
		{name: "cut off in an escape", data: first + `{"conversation":"c1","role":"agent","text":"您好\u60a`,
			want: "2: column 52: unexpected end of JSON (truncated file?)"},
		{name: "cut off in a literal", data: first + `{"conversation":"c1","role":"agent","text":"x","read":tr`,
			want: "2: column 57: unexpected end of JSON (truncated file?)"},
		{name: "cut off after a key", data: first + `{"conversation":"c1","role":`, want: "2: column 29: unexpected end of JSON (truncated file?)"},
		{name: "cut off, mapped", data: strings.ReplaceAll(first+cut, `"text"`, `"content"`), opts: Options{Mapping: mapped},
			want: "2: column 53: unexpected end of JSON (truncated file?)"},
		{name: "cut off, GBK", data: gbk(first + cut), opts: Options{Encoding: "gbk"}, want: hint},
		{name: "cut off inside a character", data: first + cut[:len(cut)-1], want: hint},
		{name: "cut off, 企业微信", data: wecom + wecom[:60], want: "2: column 61: unexpected end of JSON (truncated file?)"},
		{name: "a line break after it", data: first + cut + "\n", want: plain},
		{name: "a CRLF after it", data: first + cut + "\r\n", want: plain},
		{name: "in the middle", data: first + cut + "\n" + first, want: plain},
		{name: "broken otherwise", data: first + `{"conversation":"c1","role":"agent","text":"x"} y`,
			want: "2: invalid JSON: invalid character 'y' after top-level value (column 49)"},
		{name: "broken at its end", data: first + `{"conversation":"c1","role":"agent","text":"x"]`,
			want: "2: invalid JSON: invalid character ']' after object key:value pair (column 47)"},
	} {
		for _, mode := range []string{"at once", "deferred", "blocks"} {
			opts := c.opts
			opts.Location = time.UTC
			opts.Format = "auto"
			opts.Stdin = strings.NewReader(c.data)
			es := &eventSink{}
			var sink lint.Sink = es
			parsers := map[lint.RecordParser]func([]byte, lint.Pos, *lint.Message) (string, bool){}
			switch mode {
			case "deferred":
				ds := &deferringEventSink{parsers: parsers}
				es, sink = &ds.eventSink, ds
			case "blocks":
				bs := &blockEventSink{t: t, slots: 4}
				bs.parsers = parsers
				es, sink = &bs.eventSink, bs
			}
			if err := ReadAll(context.Background(), []string{"-"}, opts, sink); err != nil {
				t.Fatalf("%s (%s): %v", c.name, mode, err)
			}
			var got []string
			for _, e := range es.events {
				if strings.HasPrefix(e, "reject ") {
					got = append(got, e)
				}
			}
			if c.want == "" {
				if len(got) > 0 {
					t.Errorf("%s (%s): rejects %q, want none", c.name, mode, got)
				}
				continue
			}
			line, why, _ := strings.Cut(c.want, ": ")
			if len(got) != 1 || !strings.Contains(got[0], "Line:"+line+"}") || !strings.Contains(got[0], "Err:"+strconv.Quote(why)) {
				t.Errorf("%s (%s): rejects %q\nwant one at line %s: %q", c.name, mode, got, line, why)
			}
		}
	}
}
