package transcript

import (
	"strings"
	"testing"
)

// A date written the Chinese way that exists, followed by a time of day in
// a notation the readers do not know (10时02分, a weekday before the
// clock), is not said to be "no such date or time of day": the reason
// names --time-layout, which reads such an export. A date or a clock that
// does not exist is still said to be so.
func TestChineseDateUnknownTimeNotation(t *testing.T) {
	for _, tc := range []struct{ in, want, not string }{
		{"2026年11月04日 10时02分", "--time-layout", "no such date"},
		{"2026年11月4日 10时02分30秒", "--time-layout", "no such date"},
		{"2026年11月4日 星期三 10:02", "--time-layout", "no such date"},
		{"2026年11月4日 晚上8点", "--time-layout", "no such date"},
		{"2026年2月30日 10:02", "no such date or time of day?", "--time-layout"},
		{"2026年2月30日 10时02分", "no such date or time of day?", "--time-layout"},
		{"2026年11月4日 25:02", "no such date or time of day?", "--time-layout"},
		{"2026年11月4日 下午15:05", "no such date or time of day?", "--time-layout"},
		{"２０２６年２月３０日 10:02", "no such date or time of day?", "--time-layout"},
	} {
		_, err := ParseTime(tc.in, shanghai)
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), tc.not) {
			t.Errorf("ParseTime(%q): %v; want %q in it, not %q", tc.in, err, tc.want, tc.not)
		}
	}
}
