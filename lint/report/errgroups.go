package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/chatlint/chatlint/lint"
)

// ErrorGroup is the malformed records of one file that failed alike: with
// reasons of one kind (lint.ReasonKind), which differ at most in the value
// they quote. A file whose every element lacks the same field is one
// group, not hundreds of identical lines, and so is one whose every time
// is unparseable in its own way.
type ErrorGroup struct {
	File string
	// Err is the first record's reason, whole: the example of the kind
	Err   string
	Count int // the records in the group
	// Varied counts the records after the first whose reason differs from
	// Err (another value of the same kind)
	Varied int
	Line   int // the first record's line (0: an error without a line)
	// Col and Col16 are the first record's column on its line, in
	// characters and in UTF-16 code units (see lint.RecordError.Col; 0:
	// the line says where it is)
	Col, Col16 int
	// More are the lines of the other records in the order read, a run
	// of consecutive lines as one range, at most maxGroupRanges ranges,
	// fewer when the groups together have many (Cut then says there were
	// more). Lines 0 are left out.
	More []LineRange
	Cut  bool
}

// LineRange is a run of consecutive lines, First to Last; or, when Col is
// set, the one record that starts at column Col of line First (a line
// that holds several records: a minified JSON array's).
type LineRange struct{ First, Last, Col int }

// maxGroupRanges bounds the line ranges an ErrorGroup keeps: every report
// shows at most this many. maxRanges bounds those of all groups together
// (16 bytes each): thousands of groups of thousands of scattered lines
// would otherwise hold a hundred MB.
const (
	maxGroupRanges = 1000
	maxRanges      = 1 << 17
)

// First is the position of the group's first record.
func (g ErrorGroup) First() lint.Pos { return lint.Pos{File: g.File, Line: g.Line} }

// Where is the position of the group's first record as the reports write
// it: file:line, or file:line:column when the record has a column.
func (g ErrorGroup) Where() string {
	return lint.RecordError{Pos: g.First(), Col: g.Col}.Where()
}

// add counts a record of the group after its first, at line (and column
// col, 0: none); a new range takes one of the ranges left to all groups
// (*left).
func (g *ErrorGroup) add(line, col int, left *int) {
	g.Count++
	if line <= 0 || g.Cut {
		return
	}
	if n := len(g.More); n > 0 && col == 0 && g.More[n-1].Col == 0 && g.More[n-1].Last+1 == line {
		g.More[n-1].Last = line
		return
	}
	if len(g.More) == maxGroupRanges || *left <= 0 {
		g.Cut = true
		return
	}
	*left--
	g.More = append(g.More, LineRange{First: line, Last: line, Col: col})
}

// VariedNote says, in Chinese, how many of the group's other records have
// another value than its example: "（其中 4999 条的值不同）", or "" when
// they all failed with the example's very reason.
func (g ErrorGroup) VariedNote() string {
	if g.Varied == 0 {
		return ""
	}
	return fmt.Sprintf("（其中 %d 条的值不同）", g.Varied)
}

// MoreLines writes the lines of the group's other records compactly
// ("32, 79-81, 114"; a record with a column as line:column, "1:5873"), at
// most limit ranges (then "…"; limit <= 0: all those kept, then "…" if
// the group has more).
func (g ErrorGroup) MoreLines(limit int) string {
	ranges, more := g.More, g.Cut
	if limit > 0 && len(ranges) > limit {
		ranges, more = ranges[:limit], true
	}
	var b strings.Builder
	for i, r := range ranges {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(r.First))
		if r.Col > 0 {
			b.WriteString(":" + strconv.Itoa(r.Col))
		} else if r.Last > r.First {
			b.WriteString("-" + strconv.Itoa(r.Last))
		}
	}
	if more {
		if len(ranges) > 0 {
			b.WriteString(", ")
		}
		b.WriteString("…")
	}
	return b.String()
}

// GroupRecordErrors groups errs by file and kind of reason (see
// lint.ReasonKind), each group where its first record is and every record
// in exactly one group, at most maxGroups groups (<= 0: all): other counts
// the records of the groups past it. It fails if the records cannot be
// read back.
func GroupRecordErrors(errs lint.RecordErrors, maxGroups int) (groups []ErrorGroup, other int, err error) {
	type key struct{ file, kind string }
	index := make(map[key]int)
	left := maxRanges
	// the kind of the reason read last: the records of a group mostly
	// come in runs of one reason
	var last, lastKind string
	err = errs.Each(func(e lint.RecordError) error {
		if e.Err != last || lastKind == "" {
			last, lastKind = e.Err, lint.ReasonKind(e.Err)
		}
		k := key{e.Pos.File, lastKind}
		if i, ok := index[k]; ok {
			g := &groups[i]
			g.add(e.Pos.Line, e.Col, &left)
			if e.Err != g.Err {
				g.Varied++
			}
			return nil
		}
		if maxGroups > 0 && len(groups) == maxGroups {
			other++
			return nil
		}
		index[k] = len(groups)
		groups = append(groups, ErrorGroup{File: e.Pos.File, Err: e.Err, Count: 1, Line: e.Pos.Line, Col: e.Col, Col16: e.Col16})
		return nil
	})
	return groups, other, err
}

// wrapWords breaks s at ", " into lines of at most width columns (a longer
// item stays whole), the first starting at column start, the others after
// indent.
func wrapWords(s, indent string, start, width int) string {
	var b strings.Builder
	line := start
	items := strings.Split(s, ", ")
	for i, item := range items {
		need := len(item)
		if i < len(items)-1 {
			need++ // its comma
		}
		if i > 0 {
			if line+1+need > width {
				b.WriteString("\n" + indent)
				line = len(indent)
			} else {
				b.WriteByte(' ')
				line++
			}
		}
		b.WriteString(item)
		if i < len(items)-1 {
			b.WriteByte(',')
		}
		line += need
	}
	return b.String()
}
