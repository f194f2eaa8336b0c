package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
)

// badTimes are the malformed records of an export whose every time is
// unparseable in its own way, and one record failing otherwise.
func badTimes(n int) lint.RecordErrors {
	var recs []lint.RecordError
	for i := range n {
		recs = append(recs, lint.RecordError{Pos: lint.Pos{File: "day.csv", Line: i + 2},
			Err: fmt.Sprintf(`unparseable time "11/04/2026 10:%02d" (use RFC 3339)`, i%60)})
	}
	recs = append(recs, lint.RecordError{Pos: lint.Pos{File: "day.csv", Line: n + 2}, Err: `unknown role "boss"`})
	return lint.NewRecordErrors(recs...)
}

// TestReportsGroupReasonKinds: the text report and the HTML page list the
// records whose reasons differ only in the value they quote as one group:
// the first record's reason as the example, then how many more there are,
// how many of them with another value, and their lines.
func TestReportsGroupReasonKinds(t *testing.T) {
	for _, tc := range []struct {
		format string
		want   []string
	}{
		{"text", []string{
			"5001 条记录无法读取（未检查）:\n" +
				`    day.csv:2: 无法解析的时间 "11/04/2026 10:00" (use RFC 3339)` + "\n" +
				"        另有 4999 条记录同样无法读取（其中 4916 条的值不同），行 3-5001\n" +
				`    day.csv:5002: 未知的角色 "boss"` + "\n"}},
		{"html", []string{`<td class="pos">day.csv:2</td><td>无法解析的时间 &#34;11/04/2026 10:00&#34; (use RFC 3339)` +
			`<div class="more">另有 4,999 条记录同样无法读取（其中 4,916 条的值不同），行 3-5001</div></td>`}},
	} {
		var buf bytes.Buffer
		w, err := New(tc.format, &buf, Options{Location: time.UTC, Scoring: htmlScoring})
		if err != nil {
			t.Fatal(err)
		}
		sum := lint.NewSummary()
		sum.Errors = badTimes(5000)
		sum.Rejected, sum.Records = 5001, 5001
		if err := w.Close(sum); err != nil {
			t.Fatal(err)
		}
		for _, want := range tc.want {
			if out := buf.String(); !strings.Contains(out, want) {
				if i := strings.Index(out, `class="pos"`); i > 0 {
					out = out[max(i-100, 0):]
				}
				t.Errorf("%s: no %q in\n%.1500s", tc.format, want, out)
			}
		}
	}
}
