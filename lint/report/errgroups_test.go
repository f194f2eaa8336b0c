package report

import (
	"reflect"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
)

func TestGroupRecordErrors(t *testing.T) {
	e := func(file string, line int, msg string) lint.RecordError {
		return lint.RecordError{Pos: lint.Pos{File: file, Line: line}, Err: msg}
	}
	errs := []lint.RecordError{
		e("a.json", 2, `missing "text"`),
		e("b.jsonl", 7, "invalid JSON"),
		e("a.json", 32, `missing "text"`),
		e("a.json", 40, `unknown role "x"`),
		e("b.jsonl", 9, `missing "text"`), // same message, other file: its own group
		e("a.json", 79, `missing "text"`),
		e("c.csv", 0, "header: no text column"),
	}
	got := GroupRecordErrors(errs)
	want := []ErrorGroup{
		{"a.json", `missing "text"`, []int{2, 32, 79}},
		{"b.jsonl", "invalid JSON", []int{7}},
		{"a.json", `unknown role "x"`, []int{40}},
		{"b.jsonl", `missing "text"`, []int{9}},
		{"c.csv", "header: no text column", []int{0}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	n := 0
	for _, g := range got {
		n += len(g.Lines)
	}
	if n != len(errs) {
		t.Fatalf("%d records in the groups, %d errors", n, len(errs))
	}
	if got[0].First().String() != "a.json:2" || got[4].First().String() != "c.csv" {
		t.Fatalf("first positions: %v %v", got[0].First(), got[4].First())
	}
}

func TestLineRanges(t *testing.T) {
	for _, tc := range []struct {
		lines []int
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
		if got := LineRanges(tc.lines, tc.limit); got != tc.want {
			t.Errorf("LineRanges(%v, %d) = %q, want %q", tc.lines, tc.limit, got, tc.want)
		}
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
