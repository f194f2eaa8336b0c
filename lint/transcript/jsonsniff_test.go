package transcript

import "testing"

// Content sniffing takes JSON only where the start of the content reads as
// JSON: a chat dump whose header puts the time in brackets, [2026-11-04
// 10:00:00] 张三, or a name in braces, {客服}小美 2026-11-04 10:00:00, is no
// JSON array or object (on standard input it was read as one, every line
// a JSON syntax error). A JSON export saved as .txt is read as JSON.
func TestSniffJSONStart(t *testing.T) {
	pretty := "{\n  \"conversations\": [\n    {\"id\": \"c1\", \"messages\": []}\n  ]\n}\n"
	for _, tc := range []struct{ name, data, want string }{
		{"-", "[2026-11-04 10:00:00] 张三\n在吗\n[2026-11-04 10:00:05] 小美\n您好\n", "txt"},
		{"-", "[10:00:00 2026-11-04] 张三\n在吗\n", ""},
		{"-", "{客服}小美 2026-11-04 10:00:00\n在吗\n", "txt"},
		{"-", "[\n  {\"conversation\": \"c1\", \"role\": \"customer\", \"text\": \"在吗\"}\n]\n", "json"},
		{"-", "[{\"conversation\":\"c1\"", "json"}, // cut where the peek ends
		{"-", "[]", "json"},
		{"-", "[-1.5e+3, 2]", "json"},
		{"-", "[10:02] 张三\n在吗\n", ""},
		{"-", "[ \"在吗\" ]", "json"},
		{"-", pretty, "json"},
		{"-", `{"conversation":"c1","role":"customer","text":"在吗"}` + "\n", "jsonl"},
		{"export.txt", pretty, "json"},
		{"export.txt", `{"conversation":"c1","role":"customer","text":"在吗"}` + "\n", "jsonl"},
		{"chat.txt", "[2026-11-04 10:00:00] 张三\n在吗\n", "txt"},
		{"chat.txt", "tb 2026-11-04 10:00:00\n{\"a\":1}\n", "txt"},
	} {
		got, err := detectString(tc.name, tc.data)
		if got != tc.want {
			t.Errorf("%s %.30q: %q, %v; want %q", tc.name, tc.data, got, err, tc.want)
		}
	}
}
