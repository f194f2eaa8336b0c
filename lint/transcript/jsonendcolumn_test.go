package transcript

import (
	"fmt"
	"strings"
	"testing"
)

// TestJSONTruncatedColumn: a whole-file JSON document cut short names the
// line and the column where it ends (just past its last character, as the
// JSONL reader's "unexpected end of JSON input (column N)" does), in
// characters; a file ending in a line break names the line before it, and
// the column past that line's last character (not counting a CR). The
// parser and the encoding/json reference agree.
func TestJSONTruncatedColumn(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"inside a key", "[\n{\"role\":\"agent\",\"text\":\"ok\"},\n{\"role\":\"agent\",\"te", "line 3, column 20:"},
		{"inside a string beyond ASCII", "[\n{\"role\":\"agent\",\"text\":\"您好", "line 2, column 27:"},
		{"after a line break", "[\n{\"text\":\"好\"},\n", "line 2, column 14:"},
		{"after CRLF", "[\r\n{\"text\":\"好\"},\r\n", "line 2, column 14:"},
		{"after blank lines", "[\n{\"text\":\"好\"},\n\n", "line 3, column 1:"},
		{"spaces after a line break", "[\n{\"text\":\"好\"},\n  ", "line 3, column 3:"},
		{"in a number", "[\n{\"id\":12", "line 2, column 9:"},
		{"in a literal", "[\n{\"ok\":tr", "line 2, column 9:"},
		{"in an escape", "[\n{\"text\":\"好\\", "line 2, column 12:"},
		{"top-level object", "{\"messages\":[\n  {\"text\":\"在吗\"}", "line 2, column 16:"},
		{"empty array open", "[", "line 1, column 2:"},
		{"a line longer than the parser's buffer", "[\n{\"text\":\"" + strings.Repeat("好", 70000), "line 2, column 70010:"},
		{"the same, then a line break", "[\n{\"text\":\"" + strings.Repeat("好", 70000) + "\"},\r\n", "line 2, column 70013:"},
		// (a byte-order mark, read past: the column does not count it)
		{"the same, marked UTF-8", "\uFEFF[\n{\"text\":\"" + strings.Repeat("好", 70000), "line 2, column 70010:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkTruncated(t, tc.data, tc.want)
		})
	}
}

// TestJSONTruncatedColumnAtBufferEnd puts the line break that ends a
// truncated file (CRLF, split or not) at every place around the end of the
// parser's first read.
func TestJSONTruncatedColumnAtBufferEnd(t *testing.T) {
	prefix := "[\n{\"text\":\""
	for n := jsonBufSize - len(prefix) - 8; n <= jsonBufSize-len(prefix)+2; n++ {
		data := prefix + strings.Repeat("a", n) + "\"},\r\n"
		// {"text":" is 9 characters, "}, 3 more
		checkTruncated(t, data, fmt.Sprintf("line 2, column %d:", 9+n+3+1))
	}
}

// checkTruncated reads data with the parser and with the reference and
// wants both to fail at where.
func checkTruncated(t *testing.T, data, where string) {
	t.Helper()
	want := where + " unexpected end of JSON (truncated file?)"
	_, err := readData(t, "json", data, Options{})
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("%.40q…: error %v, want %q", data, err, want)
	}
	withReference(func() { _, err = readData(t, "json", data, Options{}) })
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("%.40q…: reference error %v, want %q", data, err, want)
	}
}

// TestJSONTooLongColumn: a JSON value over the bound is rejected with the
// message it is in, naming the column it starts at, whether the parser
// reads it at once (no escapes), slowly (escapes, over several reads) or
// is a number; and a 企业微信 archive saved as an array, the record it is
// in.
func TestJSONTooLongColumn(t *testing.T) {
	tests := []struct {
		name, format, data string
		max                int
		want               string
	}{
		{"plain string", "json", "[\n{\"角色\":\"客服\",\"text\":\"" + strings.Repeat("长", 100) + "\"}]", 256,
			"<stdin>:2: JSON value at column 19 is 300 B long, over the 256 B"},
		{"string with escapes over reads", "json", "[\n{\"角色\":\"客服\",\"text\":\"\\n" + strings.Repeat("长", 70000) + "\"}]", 100000,
			"<stdin>:2: JSON value at column 19 is 205.1 KiB long, over the"},
		{"the same, marked UTF-8", "json", "\uFEFF[\n{\"角色\":\"客服\",\"text\":\"\\n" + strings.Repeat("长", 70000) + "\"}]", 100000,
			"<stdin>:2: JSON value at column 19 is 205.1 KiB long, over the"},
		{"number", "json", "[\n{\"角色\":\"客服\",\"id\":" + strings.Repeat("1", 300) + "}]", 256,
			"<stdin>:2: JSON value at column 17 is 300 B long, over the 256 B"},
		{"wecom array", "wecom", "[\n  " + `{"msgid":"m1","action":"send","from":"zhangsan","tolist":["lisi"],"msgtime":1730685600000,"msgtype":"text","text":{"content":"` + strings.Repeat("长", 10000) + `"}}]`, 4096,
			"<stdin>:2: JSON value at column 3 is 29.4 KiB long, over the 4 KiB"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := readData(t, tc.format, tc.data, Options{MaxRecordBytes: tc.max})
			if err != nil {
				t.Fatal(err)
			}
			if len(s.rejects) != 1 || !strings.HasPrefix(s.rejects[0].Error(), tc.want) {
				t.Fatalf("rejects %v, want %q", s.rejects, tc.want)
			}
		})
	}
}

// TestWecomArrayTruncatedColumn: a 企业微信 archive saved as a JSON array
// and cut short names the line and column where it ends.
func TestWecomArrayTruncatedColumn(t *testing.T) {
	_, err := readData(t, "wecom", "[\n"+strings.Split(wecomSample, "\n")[1]+",\n{\"msgid\":", Options{})
	if want := "line 3, column 10: unexpected end of JSON (truncated file?)"; err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("error %v, want %q", err, want)
	}
}

// TestJSONTooDeepColumn: a value nested too deep names the line and the
// column of the bracket past the bound, whether it is in an element of a
// top-level array, in a top-level object, or in a list of one that is
// streamed.
func TestJSONTooDeepColumn(t *testing.T) {
	deep := strings.Repeat("[", 300) + strings.Repeat("]", 300)
	// the brackets start at column 9 of line 3, at depth 2: in a message
	// in a top-level array (which is not counted: its elements are read
	// one by one), in a top-level object; or at depth 3, in a message in
	// a top-level object's list
	tests := []struct {
		name, data string
		stream     bool
		col        int
	}{
		{"array element", "[\n  {\"role\":\"agent\",\"text\":\"在吗\",\n   \"x\": " + deep + "}]\n", false, 9 + maxJSONDepth - 1},
		{"top-level object", "{\"role\":\"agent\",\n \"messages\":[],\n   \"x\": " + deep + "}\n", false, 9 + maxJSONDepth - 1},
		{"streamed list", "{\"messages\":[\n {\"text\":\"好\"},\n   \"x\", " + deep + "]}\n", true, 9 + maxJSONDepth - 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.stream {
				saved := streamAfter
				streamAfter = 0
				defer func() { streamAfter = saved }()
			}
			_, err := readData(t, "json", tc.data, Options{})
			want := fmt.Sprintf("line 3, column %d: invalid JSON: nested more than %d levels deep", tc.col, maxJSONDepth)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("error %v, want %q", err, want)
			}
		})
	}
}

// TestJSONLMappedTooDeepColumn: a JSONL line read through a mapping that is
// nested too deep is a malformed record saying the column, as the JSONL
// reader's syntax errors do.
func TestJSONLMappedTooDeepColumn(t *testing.T) {
	deep := strings.Repeat("[", 300) + strings.Repeat("]", 300)
	data := "{\"内容\":\"在吗\"}\n{\"内容\":\"好\",\"x\":" + deep + "}\n{\"内容\":\"再见\"}\n"
	s, err := readData(t, "jsonl", data, Options{Mapping: &Mapping{Fields: map[string]string{"text": "内容"}, Defaults: map[string]string{"role": "agent"}}})
	if err != nil {
		t.Fatal(err)
	}
	// {"内容":"好","x": is 14 characters; the bracket past the bound is the 256th
	want := fmt.Sprintf("invalid JSON: nested more than %d levels deep (column %d)", maxJSONDepth, 14+maxJSONDepth)
	if len(s.msgs) != 2 || len(s.rejects) != 1 || s.rejects[0].Pos.Line != 2 || s.rejects[0].Err != want {
		t.Fatalf("%d messages, rejects %v, want %q", len(s.msgs), s.rejects, want)
	}
}
