package transcript

import (
	"fmt"
	"strings"
	"testing"
)

// TestStrayNULsInTheFirstLines: a text file with a NUL in one of its first
// records (a database that wrote a C string's end into a message) was
// refused whole as binary when the NUL was in the first 64 KB, while one
// further on rejected its record alone; now that record is rejected and
// the others read, in every line format. A file of a few lines with a
// NUL, UTF-16 without its mark, or data that is not UTF-8 is still binary.
func TestStrayNULsInTheFirstLines(t *testing.T) {
	lines := func(n, nulAt int, format string) string {
		var b strings.Builder
		if format == "csv" {
			b.WriteString("会话ID,角色,内容\n")
		}
		for i := 1; i <= n; i++ {
			text := "您好，请问有什么可以帮您"
			if i == nulAt {
				text = "您\x00好"
			}
			switch format {
			case "csv":
				fmt.Fprintf(&b, "c%d,agent,%s\n", i/10, text)
			case "jsonl":
				fmt.Fprintf(&b, `{"conversation":"c%d","role":"agent","text":"%s"}`+"\n", i/10, text)
			}
		}
		return b.String()
	}
	for _, format := range []string{"csv", "jsonl"} {
		for _, nulAt := range []int{1, 5, 39} {
			t.Run(fmt.Sprintf("%s, a NUL on record %d", format, nulAt), func(t *testing.T) {
				s, err := readData(t, format, lines(40, nulAt, format), Options{})
				if err != nil {
					t.Fatal(err)
				}
				if len(s.msgs) != 39 || len(s.rejects) != 1 || !strings.Contains(s.rejects[0].Err, "NUL byte in the record") {
					t.Fatalf("%d messages, rejects %v", len(s.msgs), s.rejects)
				}
			})
		}
	}
	for _, tc := range []struct {
		name   string
		sample string
		cut    bool
		want   bool
	}{
		{"one short line", "abc\x00def", false, false},
		{"a line with a NUL of 3", "a\nb\x00\nc\n", false, true},
		{"1 of 19", strings.Repeat("text\n", 18) + "t\x00xt\n", false, true},
		{"1 of 2", "text\nt\x00xt\n", false, false},
		{"1 of 20", strings.Repeat("text\n", 19) + "t\x00xt\n", false, true},
		{"2 of 20", strings.Repeat("text\n", 18) + "t\x00xt\nt\x00\n", false, false},
		{"1 of 20, the sample cut", strings.Repeat("text\n", 19) + "t\x00xt\nte", true, true},
		{"NUL in the cut line", strings.Repeat("text\n", 19) + "t\x00", true, false},
		{"not UTF-8", strings.Repeat("\xc4\xe3\xba\xc3\n", 19) + "t\x00xt\n", false, false},
		{"UTF-16", strings.Repeat("t\x00e\x00x\x00t\x00\n\x00", 30), false, false},
		{"no NUL", strings.Repeat("text\n", 30), false, false},
	} {
		if got := strayNULs([]byte(tc.sample), tc.cut); got != tc.want {
			t.Errorf("%s: strayNULs = %v, want %v", tc.name, got, tc.want)
		}
	}
}
