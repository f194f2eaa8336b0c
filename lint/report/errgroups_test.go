package report

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

func TestGroupRecordErrors(t *testing.T) {
	e := func(file string, line int, msg string) lint.RecordError {
		return lint.RecordError{Pos: lint.Pos{File: file, Line: line}, Err: msg}
	}
	errs := lint.NewRecordErrors(
		e("a.json", 2, `missing "text"`),
		e("b.jsonl", 7, "invalid JSON"),
		e("a.json", 32, `missing "text"`),
		e("a.json", 40, `unknown role "x"`),
		e("b.jsonl", 9, `missing "text"`), // same message, other file: its own group
		e("a.json", 33, `missing "text"`),
		e("a.json", 79, `missing "text"`),
		e("c.csv", 0, "header: no text column"),
		e("c.csv", 0, "header: no text column"),
	)
	for _, tt := range []struct {
		max   int
		want  []ErrorGroup
		other int
	}{
		{0, []ErrorGroup{
			{File: "a.json", Err: `missing "text"`, Count: 4, Line: 2, More: []LineRange{{32, 33, 0}, {79, 79, 0}}},
			{File: "b.jsonl", Err: "invalid JSON", Count: 1, Line: 7},
			{File: "a.json", Err: `unknown role "x"`, Count: 1, Line: 40},
			{File: "b.jsonl", Err: `missing "text"`, Count: 1, Line: 9},
			{File: "c.csv", Err: "header: no text column", Count: 2},
		}, 0},
		// past two groups, the records of later groups are counted, and
		// those of the groups kept still go to them
		{2, []ErrorGroup{
			{File: "a.json", Err: `missing "text"`, Count: 4, Line: 2, More: []LineRange{{32, 33, 0}, {79, 79, 0}}},
			{File: "b.jsonl", Err: "invalid JSON", Count: 1, Line: 7},
		}, 4},
	} {
		got, other, err := GroupRecordErrors(errs, tt.max)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tt.want) || other != tt.other {
			t.Fatalf("max %d: got %+v, other %d\nwant %+v, other %d", tt.max, got, other, tt.want, tt.other)
		}
		n := other
		for _, g := range got {
			n += g.Count
		}
		if n != errs.Len() {
			t.Fatalf("max %d: %d records in the groups and other, %d errors", tt.max, n, errs.Len())
		}
		if got[0].First().String() != "a.json:2" {
			t.Fatalf("max %d: first position %v", tt.max, got[0].First())
		}
	}
}

// TestGroupRecordErrorsByKind: records of a file whose reasons differ only
// in the value they quote (5,000 different unparseable times) are one
// group, with the first record's reason, whole, as the example and a count
// of those with another value; a file's records of other kinds, and the
// same kind in another file, are groups of their own.
func TestGroupRecordErrorsByKind(t *testing.T) {
	var recs []lint.RecordError
	for i := range 5000 {
		recs = append(recs, lint.RecordError{Pos: lint.Pos{File: "day.csv", Line: i + 2},
			Err: `unparseable time "11/04/2026 ` + strconv.Itoa(i) + `" (use RFC 3339 or epoch seconds)`})
		if i == 10 {
			recs = append(recs, lint.RecordError{Pos: lint.Pos{File: "day.csv", Line: 0}, Err: `unknown role "boss" (map it, e.g. --roles 'boss=agent')`})
		}
	}
	recs = append(recs,
		lint.RecordError{Pos: lint.Pos{File: "day.csv", Line: 6000}, Err: `unparseable time "11/04/2026 0" (use RFC 3339 or epoch seconds)`},
		lint.RecordError{Pos: lint.Pos{File: "other.csv", Line: 2}, Err: `unparseable time "x" (use RFC 3339 or epoch seconds)`})
	groups, other, err := GroupRecordErrors(lint.NewRecordErrors(recs...), 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []ErrorGroup{
		{File: "day.csv", Err: `unparseable time "11/04/2026 0" (use RFC 3339 or epoch seconds)`, Count: 5001, Varied: 4999, Line: 2,
			More: []LineRange{{3, 5001, 0}, {6000, 6000, 0}}},
		{File: "day.csv", Err: `unknown role "boss" (map it, e.g. --roles 'boss=agent')`, Count: 1},
		{File: "other.csv", Err: `unparseable time "x" (use RFC 3339 or epoch seconds)`, Count: 1, Line: 2},
	}
	if !reflect.DeepEqual(groups, want) || other != 0 {
		t.Fatalf("got %+v, other %d\nwant %+v", groups, other, want)
	}
}

// TestErrorGroupLines: a group keeps its lines as ranges, at most
// maxGroupRanges of them, and writes them compactly.
func TestErrorGroupLines(t *testing.T) {
	for _, tc := range []struct {
		lines []int // after the first record
		limit int
		want  string
	}{
		{nil, 0, ""},
		{[]int{0}, 0, ""},
		{[]int{5}, 0, "5"},
		{[]int{32, 79, 80, 81, 114}, 0, "32, 79-81, 114"},
		{[]int{1, 2, 3, 4}, 0, "1-4"},
		{[]int{1, 3, 5, 7, 9}, 3, "1, 3, 5, …"},
		{[]int{1, 3, 5}, 3, "1, 3, 5"},
		{[]int{9, 3, 4}, 0, "9, 3-4"}, // the order read, not sorted
	} {
		g, left := ErrorGroup{Count: 1, Line: 1}, maxRanges
		for _, l := range tc.lines {
			g.add(l, 0, &left)
		}
		if got := g.MoreLines(tc.limit); got != tc.want || g.Count != len(tc.lines)+1 {
			t.Errorf("%v, limit %d: %q (count %d), want %q", tc.lines, tc.limit, got, g.Count, tc.want)
		}
	}
	// every other line: the ranges kept stop at maxGroupRanges, the count does not
	g, left := ErrorGroup{Count: 1, Line: 1}, maxRanges
	for l := 3; l < 3+4*maxGroupRanges; l += 2 {
		g.add(l, 0, &left)
	}
	if len(g.More) != maxGroupRanges || !g.Cut || g.Count != 1+2*maxGroupRanges {
		t.Fatalf("%d ranges kept (cut %v), count %d", len(g.More), g.Cut, g.Count)
	}
	if got := g.MoreLines(0); !strings.HasSuffix(got, ", 2001, …") || !strings.HasPrefix(got, "3, 5, ") {
		t.Errorf("MoreLines(0) = %.20q…%q", got, got[len(got)-20:])
	}
	if got := g.MoreLines(2); got != "3, 5, …" {
		t.Errorf("MoreLines(2) = %q", got)
	}
	// a run of a million lines is one range
	g = ErrorGroup{Count: 1, Line: 1}
	for l := 2; l <= 1000000; l++ {
		g.add(l, 0, &left)
	}
	if got := g.MoreLines(0); got != "2-1000000" {
		t.Errorf("a run: %q", got)
	}
	// the ranges of all groups together stop at maxRanges
	var recs []lint.RecordError
	for i := range 400 * maxGroupRanges {
		recs = append(recs, lint.RecordError{Pos: lint.Pos{File: "f", Line: 2*i + 1}, Err: "e" + strconv.Itoa(i%400)})
	}
	groups, _, err := GroupRecordErrors(lint.NewRecordErrors(recs...), 0)
	if err != nil {
		t.Fatal(err)
	}
	ranges, count := 0, 0
	for _, g := range groups {
		ranges += len(g.More)
		count += g.Count
	}
	if ranges != maxRanges || count != len(recs) || !groups[0].Cut || !groups[399].Cut {
		t.Errorf("%d ranges kept of all groups, want %d; %d records counted of %d", ranges, maxRanges, count, len(recs))
	}
}

func TestWrapWords(t *testing.T) {
	got := wrapWords("100, 200, 300, 400, 500", "  ", 0, 10)
	want := "100, 200,\n  300,\n  400, 500"
	if got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	for _, line := range strings.Split(got, "\n") {
		if len(line) > 10 {
			t.Errorf("line %q is wider than 10", line)
		}
	}
	if got := wrapWords("12345678901, 2", "", 0, 5); got != "12345678901,\n2" {
		t.Errorf("a long item stays whole: %q", got)
	}
}

// TestGroupRecordErrorsColumns: the records of a line that holds several
// (a minified JSON array's) are told apart by their columns: the group's
// first is at file:line:column, the others listed as line:column, never
// run together as one line.
func TestGroupRecordErrorsColumns(t *testing.T) {
	e := func(line, col int, why string) lint.RecordError {
		return lint.RecordError{Pos: lint.Pos{File: "day.json", Line: line}, Col: col, Col16: col + 1, Err: why}
	}
	errs := lint.NewRecordErrors(
		e(1, 54, `unknown role "robot"`),
		e(1, 116, `unknown role "bot2"`),
		e(1, 164, `unknown role "x"`),
		e(2, 0, `unknown role "y"`),
		e(3, 0, `unknown role "z"`),
		e(3, 9, `unknown role "w"`),
	)
	groups, _, err := GroupRecordErrors(errs, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 1 {
		t.Fatalf("%d groups", len(groups))
	}
	g := groups[0]
	if got := g.Where(); got != "day.json:1:54" || g.Col16 != 55 {
		t.Errorf("Where %q, Col16 %d", got, g.Col16)
	}
	if got, want := g.MoreLines(0), "1:116, 1:164, 2-3, 3:9"; got != want {
		t.Errorf("MoreLines %q, want %q", got, want)
	}
}
