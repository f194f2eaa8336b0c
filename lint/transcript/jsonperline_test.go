package transcript

import (
	"strings"
	"testing"
)

// JSON lines saved as .json (an API's export, jq -c '.[]'), read as a JSON
// document, end at a broken line, the rest of the file unread: the error
// says that --input-format jsonl reads on past it, where every object
// before it was alone on its line. A file of another shape says only the
// syntax error.
func TestJSONObjectPerLineHint(t *testing.T) {
	ok := `{"id":1,"messages":[{"role":"customer","text":"在吗"}]}`
	for _, tc := range []struct {
		name, data string
		hint       bool
	}{
		{"a line broken in a string", ok + "\n" + `{"id":2,"messages":[{"role":"customer","text":"在` + "\n" + ok + "\n", true},
		{"a line cut short", ok + "\n" + ok + "\n" + `{"id":2,"messages":[{"role":"customer","text":"x"}` + "\n" + ok + "\n", true},
		{"the last line cut", ok + "\n" + `{"id":2,"messages":[`, true},
		{"the first line broken", `{"id":2,"messages":[{"role":"customer","text":"在` + "\n" + ok + "\n", false},
		{"pretty-printed objects", "{\n \"id\": 1,\n \"messages\": []\n}\n{\n \"id\": 2,\n \"messages\": [\n}\n", false},
		{"two objects on a line", ok + ok + "\n" + `{"id":2,"messages":[{"role":"customer","text":"在` + "\n", false},
		{"an array", "[" + ok + ",\n" + `{"id":2,"messages":[` + "\n", false},
	} {
		_, err := readData(t, "json", tc.data, Options{})
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		if got := strings.Contains(err.Error(), "; "+perLineHint); got != tc.hint {
			t.Errorf("%s: %v; want the hint %v", tc.name, err, tc.hint)
		}
	}
}
