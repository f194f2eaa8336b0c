package lint

import (
	"fmt"
	"testing"
)

// TestSummarySkipReasons: skipped records are counted by reason, at most
// maxSkipReasons of them, the rest under SkipReasonOther; the total always
// counts every one.
func TestSummarySkipReasons(t *testing.T) {
	s := NewSummary()
	for i := range 3 {
		s.Skip("recalled message")
		s.Skip(fmt.Sprintf("type %q (--types *=skip)", fmt.Sprint("t", i)))
	}
	if s.SkippedRecords != 6 || s.SkippedReasons["recalled message"] != 3 || len(s.SkippedReasons) != 4 {
		t.Fatalf("%d skipped, reasons %v", s.SkippedRecords, s.SkippedReasons)
	}
	for i := range 200 {
		s.Skip(fmt.Sprint("reason ", i))
	}
	s.Skip("recalled message") // a reason already listed is still counted as itself
	total := 0
	for _, n := range s.SkippedReasons {
		total += n
	}
	if len(s.SkippedReasons) != maxSkipReasons+1 || total != s.SkippedRecords || s.SkippedRecords != 207 ||
		s.SkippedReasons["recalled message"] != 4 || s.SkippedReasons[SkipReasonOther] != 207-4-3-(maxSkipReasons-4) {
		t.Fatalf("%d skipped, %d reasons, other %d", s.SkippedRecords, len(s.SkippedReasons), s.SkippedReasons[SkipReasonOther])
	}
}
