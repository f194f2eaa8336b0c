package transcript

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// A JSON document saved as .jsonl (an array, or objects pretty-printed by
// jq without -c) is read as the JSON it is: each of its lines was a
// malformed record ("unexpected end of JSON input (column 2)"), and not a
// message was linted. A JSONL record's line, even one broken, stays a
// record of its own.
func TestJSONLHoldingJSONDocument(t *testing.T) {
	msg := func(role, text string) string {
		return `{"conversation": "c1", "role": "` + role + `", "text": "` + text + `"}`
	}
	for _, tc := range []struct {
		name, in      string
		texts         []string
		rejectedLines []int
	}{
		{"array", "[\n  " + msg("customer", "在吗") + ",\n  " + msg("agent", "您好") + "\n]\n", []string{"在吗", "您好"}, nil},
		{"array on one line", "[" + msg("customer", "在吗") + "," + msg("agent", "您好") + "]\n", []string{"在吗", "您好"}, nil},
		{"pretty objects", "{\n  \"conversation\": \"c1\",\n  \"role\": \"customer\",\n  \"text\": \"在吗\"\n}\n{\n  \"conversation\": \"c1\",\n  \"role\": \"agent\",\n  \"text\": \"您好\"\n}\n", []string{"在吗", "您好"}, nil},
		{"jsonl", msg("customer", "在吗") + "\n" + msg("agent", "您好") + "\n", []string{"在吗", "您好"}, nil},
		{"broken first line", `{"conversation": "c1", "role": "customer", "text": "在` + "\n" + msg("agent", "您好") + "\n", []string{"您好"}, []int{1}},
		{"brace too many", msg("customer", "在吗") + "}\n" + msg("agent", "您好") + "\n", []string{"您好"}, []int{1}},
	} {
		rec := readJSONL(t, tc.in)
		var texts []string
		for _, m := range rec.messages {
			texts = append(texts, m.Text)
		}
		var lines []int
		for _, r := range rec.rejects {
			lines = append(lines, r.Pos.Line)
		}
		if strings.Join(texts, "|") != strings.Join(tc.texts, "|") || len(lines) != len(tc.rejectedLines) || len(lines) > 0 && lines[0] != tc.rejectedLines[0] {
			t.Errorf("%s: texts %q, rejected lines %v (%v); want %q, %v", tc.name, texts, lines, rec.rejects, tc.texts, tc.rejectedLines)
		}
	}
}

// JSONL on standard input or saved as .txt whose first record is longer
// than the 4 KiB detection looks at is JSONL: it was taken for a JSON
// document (its first line not valid JSON, being cut), read by the JSON
// reader, and a broken record further on left the rest of the file unread
// (an unreadable file, exit 2) instead of being one malformed record.
func TestSniffLongJSONLRecord(t *testing.T) {
	long := `{"conversation":"c1","time":1793757780,"role":"customer","sender":"b1","text":"` + strings.Repeat("您好", 2100) + `"}` + "\n"
	escaped := `{"conversation":"c1","role":"customer","text":"` + strings.Repeat(`a\"b\\`, 1000) + `"}` + "\n"
	minified := `{"conversations":[{"id":"c1","messages":[{"role":"customer","text":"` + strings.Repeat("您好", 2100) + `"}]}]}` + "\n"
	nested := `{"conversation":"c1","author":{"type":"agent"},"body":"` + strings.Repeat("您好", 2100) + `"}` + "\n"
	for _, tc := range []struct{ name, data, want string }{
		{"-", long + long, "jsonl"},
		{"day.txt", long, "jsonl"},
		{"-", escaped, "jsonl"},
		{"-", `{"conversation":"c1","role":"customer","text":"在` + "\n" + `{"conversation":"c1","role":"agent","text":"您好"}` + "\n", "jsonl"},
		{"-", minified, "json"},
		{"-", nested, "json"},
		{"-", "{\n  \"conversation\": \"c1\",\n  \"text\": \"在吗\"\n}\n", "json"},
		{"-", "{\"conversation\": \"c1\",\n  \"text\": \"在吗\"\n}\n", "json"},
		{"-", "{\"id\": 7, \"messages\": [\n  {\"role\": \"customer\", \"text\": \"在吗\"}\n]}\n", "json"},
		// a minified document alone on its line, short or with a long
		// flat member before its list: its messages were one record
		{"-", `{"id":"c1","messages":[{"role":"customer","text":"在吗"}]}` + "\n", "json"},
		{"-", ` {"conversations":[{"id":"c1","messages":[]}]}`, "json"},
		{"export.txt", `{"id":"c1","messages":[{"role":"customer","text":"在吗"}]}`, "json"},
		{"-", `{"id":"c1","summary":"` + strings.Repeat("您好", 2100) + `","messages":[{"role":"customer","text":"在吗"}]}` + "\n", "json"},
		{"-", `{"id":"c1","messages":[{"role":"customer","text":"在吗"}]}` + "\n" + `{"id":"c2","messages":[]}` + "\n", "jsonl"},
		{"-", `{"conversation":"c1","role":"customer","text":"在吗"}`, "jsonl"},
		{"-", `{"conversation":"c1","role":"customer","text":"[在吗]{"}`, "jsonl"},
		{"-", long[:len(long)-2] + `,"meta":{"a":1}}` + "\n" + long, "jsonl"},
	} {
		got, err := detectString(tc.name, tc.data)
		if got != tc.want {
			t.Errorf("%s %.60q: %q, %v; want %q", tc.name, tc.data, got, err, tc.want)
		}
	}
}

// A .jsonl line that starts with a byte-order mark (files joined with cat,
// the second one written by PowerShell or Notepad) is read past it, as a
// csv or txt line is: it was a malformed record, "invalid character U+FEFF
// (byte-order mark)", the first record of every file joined. The text's
// column counts the mark, as an editor does; a line broken past the mark
// still names it.
func TestJSONLJoinedByteOrderMark(t *testing.T) {
	good := `{"conversation":"c1","role":"agent","text":"x"}`
	line := "\uFEFF" + good
	want := int32(utf8.RuneCountInString(line[:strings.Index(line, `"x"`)+1]) + 1)
	src := &Source{Name: "day.jsonl", Opts: &Options{Location: shanghai}}
	parse := (&jsonlParser{src: src}).NewParserInto()
	var m lint.Message
	if why := parse([]byte(line), lint.Pos{File: "day.jsonl", Line: 2}, &m); why != "" || m.Text != "x" || m.TextCol != want {
		t.Errorf("parsed %q: %q, text %q at column %d; want x at %d", line, why, m.Text, m.TextCol, want)
	}
	m = lint.Message{}
	if why := parse([]byte("\uFEFF"+good[:20]), lint.Pos{File: "day.jsonl", Line: 2}, &m); !strings.Contains(why, "byte-order mark") {
		t.Errorf("a broken line with a mark: %q", why)
	}
	rec := readJSONL(t, good+"\n"+line+"\n")
	if len(rec.messages) != 2 || len(rec.rejects) != 0 {
		t.Errorf("read: %d messages, rejects %v", len(rec.messages), rec.rejects)
	}
}
