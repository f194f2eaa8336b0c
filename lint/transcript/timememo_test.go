package transcript

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

// FuzzParseTimeMemo reads times one after another with one dayMemo, as
// a scanner does, and checks each against ParseTime without one: the
// memos of a date, of hours and minutes and of an offset must only ever
// stand for what they were read from.
func FuzzParseTimeMemo(f *testing.F) {
	f.Add("2026-11-11T08:00:02+08:00", "2026-11-11T08:00:09+05:30", "2026-11-11 08:00:10")
	f.Add("2026-11-11 08:00:10", "2026-11-11 08:01:10", "2026-11-12T08:01:02.5-08:00")
	f.Add("2026-11-11T08:00:02+08:00", "2026-11-11T08:00:02+08:60", "2026-11-11T08:60:02+08:00")
	f.Add("2026/11/11 23:59:59", "1794355858", "2026-11-11 24:00:00")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		for _, loc := range []*time.Location{shanghai, newYork} {
			var memo dayMemo
			for _, s := range []string{a, b, c, a, c, b} {
				got, gotErr := parseTime(s, loc, &memo)
				want, wantErr := ParseTime(s, loc)
				if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
					t.Fatalf("%q in %v, after %q, %q, %q: %v, %v; without the memo %v, %v", s, loc, a, b, c, got, gotErr, want, wantErr)
				}
			}
		}
	})
}
