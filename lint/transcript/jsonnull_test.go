package transcript

import (
	"testing"
)

// A record whose text is null (a picture's or a file's in some exports)
// says so: it was `missing "text" (keys: conversation, role, text; …)`,
// listing the key it said was missing, and a mapped one `no text (body)`.
func TestNullTextSaysNull(t *testing.T) {
	for _, tc := range []struct {
		name, format, data string
		mp                 *Mapping
		want               string
	}{
		{"jsonl", "jsonl", `{"conversation":"c1","role":"customer","text":null}` + "\n", nil, `no text ("text" is null)`},
		{"jsonl Text", "jsonl", `{"conversation":"c1","role":"customer","Text":null}` + "\n", nil, `no text ("text" is null)`},
		{"json array", "json", `[{"conversation":"c1","role":"customer","text":null}]`, nil, `no text ("text" is null)`},
		{"json nested", "json", `[{"id":"c1","messages":[{"role":"customer","text":null}]}]`, nil, `no text ("text" is null)`},
		{"jsonl mapped", "jsonl", `{"c":"c1","role":"customer","body":null}` + "\n", &Mapping{Fields: map[string]string{"conversation": "c", "text": "body"}}, `no text (body is null)`},
		{"json mapped", "json", `[{"c":"c1","role":"customer","body":null}]`, &Mapping{Fields: map[string]string{"conversation": "c", "text": "body"}}, `no text (body is null)`},
		{"json mapped absent", "json", `[{"c":"c1","role":"customer"}]`, &Mapping{Fields: map[string]string{"conversation": "c", "text": "body"}}, `no text (body)`},
		{"jsonl absent", "jsonl", `{"conversation":"c1","role":"customer"}` + "\n", nil, `missing "text" (keys: conversation, role; for another layout use --messages and --map)`},
	} {
		s, err := readData(t, tc.format, tc.data, Options{Mapping: tc.mp})
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if len(s.rejects) != 1 || len(s.msgs) != 0 || s.rejects[0].Err != tc.want {
			t.Errorf("%s: rejects %v, %d messages; want one, %q", tc.name, s.rejects, len(s.msgs), tc.want)
		}
	}
}
