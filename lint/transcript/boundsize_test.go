package transcript

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestLineBoundSaysUTF8: the bound on a line counts the text as read, in
// UTF-8, where a GBK line's Chinese takes 3 bytes a character, not the 2 it
// takes in the file; the reason says so for a decoded file, not for a
// UTF-8 one, whose sizes are the file's.
func TestLineBoundSaysUTF8(t *testing.T) {
	long := `{"conversation":"c1","role":"agent","text":"` + strings.Repeat("很长", 60) + `"}`
	data := `{"conversation":"c1","role":"customer","text":"在吗，这个颜色有货吗"}` + "\n" + long + "\n"
	opts := Options{MaxRecordBytes: 256}
	tests := []struct {
		name, data string
		want       string
	}{
		{"UTF-8", data, "line is 406 B long, over the 256 B"},
		{"GBK", string(encodeWith(t, simplifiedchinese.GB18030, data)), "line is 406 B long once read as UTF-8, over the 256 B"},
	}
	for _, tt := range tests {
		s := mustRead(t, "jsonl", tt.data, opts)
		if len(s.rejects) != 1 || !strings.Contains(s.rejects[0].Error(), tt.want) {
			var got []string
			for _, r := range s.rejects {
				got = append(got, r.Error())
			}
			t.Errorf("%s: rejects %q, want one saying %q", tt.name, got, tt.want)
		}
	}
}
