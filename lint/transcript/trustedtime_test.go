package transcript

import (
	"bufio"
	"reflect"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

// TestTrustedTimeAgreesWithDecoder holds the parser to encoding/json on
// records whose time string flatFields takes the end of on trust (the
// first quote 19 to 25 bytes in, see timeEnd) where that end is wrong or
// the bytes before it are not a time's: a quote, a backslash, a control
// character or a Chinese character before it, a second time, a key
// flatFields leaves to scanFrom, a record that is invalid read so. Each
// follows records whose times the minute memo holds (19 and 25 bytes),
// so that dayMemo.minute is asked first, as it is in a real file.
func TestTrustedTimeAgreesWithDecoder(t *testing.T) {
	memo := []string{
		`{"conversation":"c1","time":"2026-11-11 08:00:10","role":"agent","sender":"客服01","text":"您好"}`,
		`{"conversation":"c1","time":"2026-11-11T08:00:10+08:00","role":"agent","sender":"客服01","text":"您好"}`,
	}
	lines := []string{
		`{"conversation":"c1","time":"2026-11-11 08:00:11","role":"agent","sender":"客服01","text":"同一分钟"}`,
		`{"conversation":"c1","time":"2026-11-11T08:00:59+08:00","role":"agent","sender":"客服01","text":"同一分钟"}`,
		`{"conversation":"c1","time":"2026-11-11 08:01:11","role":"agent","sender":"客服01","text":"下一分钟"}`,
		`{"conversation":"c1","time":"2026-11-11 08:00:1","id":"x","role":"agent","text":"引号在前"}`,
		`{"conversation":"c1","time":"2026-11-11 08:0","id":"abcdef","role":"agent","text":"引号在前"}`,
		`{"conversation":"c1","time":"2026-11-11 08:00\"10","role":"agent","text":"转义的引号"}`,
		`{"conversation":"c1","time":"2026-11-11\\08:00:10","role":"agent","text":"反斜杠"}`,
		`{"conversation":"c1","time":"2026-11-11\u0020:00:10","role":"agent","text":"转义"}`,
		"{\"conversation\":\"c1\",\"time\":\"2026-11-11\t08:00:10\",\"role\":\"agent\",\"text\":\"制表符\"}",
		`{"conversation":"c1","time":"2026-11-11 08:00:10你","role":"agent","text":"汉字"}`,
		`{"conversation":"c1","time":"2026-11-11 08:你:10","role":"agent","text":"汉字在中间"}`,
		`{"conversation":"c1","time":"2026-11-11 08:00:12","time":"2026-11-11 08:00:13","role":"agent","text":"两个时间"}`,
		`{"conversation":"c1","time":"2026-11-11 08:00:1","time":"2026-11-11 08:00:13","role":"agent","text":"两个时间"}`,
		`{"conversation":"c1","time":"2026-11-11 08:00:14","shop":"旗舰店","role":"agent","text":"别的键"}`,
		`{"conversation":"c1","time":"2026-11-11 08:00:1","shop":"旗舰店","role":"agent","text":"别的键"}`,
		`{"conversation":"c1","time":"2026-11-11 08:00:14","shop":"x","time":"2026-11-11 08:00:15","role":"agent","text":"x"}`,
		`{"time":"a\"b","conversations":  "a\"b"}`,
		`{"time":"abc","x":"ddddddddddddddddddd","role":"agent","text":"无效的时间"}`,
		`{"time":"2026-11-11 08:00:10","role":"agent","text":"x"}x`,
		`{"time":"2026-11-11 08:00:1","role":"agent","text":"x"}`,
		`{"time":"2026-11-11 08:00:16"}`,
		`{"text":"x","role":"agent","time":"2026-11-11 08:00:17"}`,
	}
	src := &Source{Name: "day.jsonl", R: bufio.NewReader(strings.NewReader("")), Opts: &Options{Location: shanghai}}
	parse := (&jsonlParser{src: src}).NewParser()
	n := 0
	for _, line := range lines {
		for _, first := range memo {
			for _, l := range []string{first, line} {
				n++
				pos := lint.Pos{File: "day.jsonl", Line: n}
				got, gotErr := parse([]byte(l), pos)
				want, wantErr := parseJSONMessage([]byte(l), src, pos)
				wantErr = withTextHint(wantErr, []byte(l), src) // (as the engine's parser words it)
				if gotErr != wantErr || (gotErr == "" && !reflect.DeepEqual(got, want)) {
					t.Fatalf("%q:\nparser  %+v %q\ndecoder %+v %q", l, got, gotErr, want, wantErr)
				}
			}
		}
	}
}
