package report

import (
	"strconv"
	"strings"

	"github.com/chatlint/chatlint/lint"
)

// ErrorGroup is the malformed records of one file that failed with the same
// message: a file whose every element lacks the same field is one group,
// not hundreds of identical lines.
type ErrorGroup struct {
	File  string
	Err   string
	Lines []int // the records' lines in the order read; 0 for an error without a line
}

// First is the position of the group's first record.
func (g ErrorGroup) First() lint.Pos { return lint.Pos{File: g.File, Line: g.Lines[0]} }

// GroupRecordErrors groups errs by file and message, each group where its
// first record is, and every record in exactly one group.
func GroupRecordErrors(errs []lint.RecordError) []ErrorGroup {
	type key struct{ file, err string }
	index := make(map[key]int)
	var groups []ErrorGroup
	for _, e := range errs {
		k := key{e.Pos.File, e.Err}
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, ErrorGroup{File: e.Pos.File, Err: e.Err})
		}
		groups[i].Lines = append(groups[i].Lines, e.Pos.Line)
	}
	return groups
}

// LineRanges writes lines compactly, runs of consecutive lines as ranges
// ("32, 79-81, 114"), at most limit items (then "…"; limit <= 0: all).
// Lines 0 (errors without a line) are left out.
func LineRanges(lines []int, limit int) string {
	var items []string
	for i := 0; i < len(lines); {
		if lines[i] <= 0 {
			i++
			continue
		}
		j := i
		for j+1 < len(lines) && lines[j+1] == lines[j]+1 {
			j++
		}
		if limit > 0 && len(items) == limit {
			items = append(items, "…")
			break
		}
		item := strconv.Itoa(lines[i])
		if j > i {
			item += "-" + strconv.Itoa(lines[j])
		}
		items = append(items, item)
		i = j + 1
	}
	return strings.Join(items, ", ")
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
