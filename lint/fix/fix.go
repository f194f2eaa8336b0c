// Package fix rewrites canned-reply libraries: it applies the replacement a
// rule prescribes (`suggest`) at each finding's match, and shows the change
// as a unified diff. Lines without a fix keep every byte, and the file keeps
// its encoding, byte-order mark and line endings.
package fix

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// Edit replaces the bytes [Start, End) of a reply's text with New. Old is
// the text expected there, checked before anything is changed. The reply
// is written on line Line (UTF-8, without the line ending): the whole line
// in a library of one reply per line; in a YAML or csv library, where
// TextCol says, its first TextRaw bytes as they are (see
// lint.Message.LineColumn).
type Edit struct {
	Line       int // 1-based
	Start, End int
	Old, New   string
	Rule       string
	// TextCol is the code point (1-based) the reply's text starts at on
	// the line: 0 or 1, the start; -1, the text is not written on the
	// line as it is (a YAML block scalar, an escape before it), and no
	// edit of it is made.
	TextCol int
	// TextRaw is how many of the text's first bytes are written there as
	// they are (0: all of them); an edit past them is not made.
	TextRaw int
	// Reply is the reply's text as it was linted (lint.Message.Text),
	// whose script InScript writes New in ("": the line's; see
	// Library.ScriptOf).
	Reply string
}

// EditOf is the edit a finding prescribes in its reply m (a match and
// its suggested replacement, f.Suggestion), as --fix takes it from the
// report: where the reply is written on its line (a YAML or csv library's
// replies start further on, some are not there as they are: see
// lint.Message.LineColumn). ok is false for a finding that prescribes no
// replacement, or has no match to replace.
func EditOf(m *lint.Message, f *lint.Finding) (e Edit, ok bool) {
	if f.Suggestion == "" || f.End <= f.Start {
		return Edit{}, false
	}
	col, raw := int(m.TextCol), int(m.TextRaw)
	switch {
	case m.TextRaw == lint.TextAllRaw:
		raw = 0
	case col > 0 && raw == 0:
		col = -1 // none of its bytes are there as they are
	}
	return Edit{
		Line: m.Pos.Line, Start: f.Start, End: f.End, Old: f.Match, New: f.Suggestion, Rule: f.Rule.ID,
		TextCol: col, TextRaw: raw, Reply: m.Text,
	}, true
}

// NotVerbatimError is an edit that Apply does not make: its match is not
// written on the line as it is in the reply (see Edit.TextCol).
type NotVerbatimError struct {
	Line int
	Old  string
}

// Error names the line and the match, and says to fix it by hand.
func (e *NotVerbatimError) Error() string {
	return fmt.Sprintf("line %d: %q is not written on the line as it is in the reply (a YAML block scalar, an escape or a line break before it); fix it by hand", e.Line, e.Old)
}

// Apply applies edits to UTF-8 text split into lines as the canned-reply
// reader splits them: a line ends at \r\n, \n or a lone \r (old Mac files,
// or files that mix endings), and each line keeps its own ending as it is.
// Overlapping edits on a line keep the first (leftmost: see Choose for
// the edits to give it); an edit whose Old
// text is not where it should be is an error (the file changed since it was
// linted), and so is one whose match is not written on the line as it is
// (a *NotVerbatimError). It returns the new text and the edits applied.
func Apply(text string, edits []Edit) (string, []Edit, error) {
	byLine := map[int][]Edit{}
	grow := 0 // (what the replacements add, at most)
	for _, e := range edits {
		byLine[e.Line] = append(byLine[e.Line], e)
		grow += max(len(e.New)-len(e.Old), 0)
	}
	// the lines with edits, in order, each rewritten in its place and the
	// text between them copied as it is: the text is not split into its
	// lines and joined again (a library of millions of lines, with few
	// to fix)
	var b strings.Builder
	b.Grow(len(text) + grow)
	c := lineCutter{text: text, lf: -1}
	cut, copied := 0, 0 // the lines cut, and the bytes of text written
	var applied []Edit
	for _, n := range slices.Sorted(maps.Keys(byLine)) {
		es := byLine[n]
		raw, ok := "", n >= 1
		for ok && cut < n {
			raw, ok = c.next()
			cut++
		}
		if !ok {
			return "", nil, fmt.Errorf("line %d: no such line", n)
		}
		b.WriteString(text[copied : c.off-len(raw)])
		copied = c.off
		body := strings.TrimSuffix(strings.TrimSuffix(raw, "\n"), "\r")
		eol := raw[len(body):]
		// where each edit is on the line: the byte of its code point
		// TextCol, found in one walk over the line with the edits in
		// column order (a line of a YAML flow list holds thousands)
		at := make([]int, len(es))
		byCol := make([]int, len(es))
		for i := range byCol {
			byCol[i] = i
		}
		sort.SliceStable(byCol, func(i, j int) bool { return es[byCol[i]].TextCol < es[byCol[j]].TextCol })
		col, off := 1, 0
		for _, i := range byCol {
			e := &es[i]
			if e.TextCol < 0 || (e.TextRaw > 0 && e.End > e.TextRaw) {
				return "", nil, &NotVerbatimError{Line: n, Old: e.Old}
			}
			for ; col < e.TextCol; col++ {
				if off >= len(body) {
					return "", nil, fmt.Errorf("line %d: expected %q at byte %d; the file changed since it was linted", n, e.Old, e.Start)
				}
				_, size := utf8.DecodeRuneInString(body[off:])
				off += size
			}
			at[i] = off
		}
		order := make([]int, len(es))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(i, j int) bool { return at[order[i]]+es[order[i]].Start < at[order[j]]+es[order[j]].Start })
		last := 0
		for _, i := range order {
			e, start, end := es[i], at[i]+es[i].Start, at[i]+es[i].End
			if start < last {
				continue // overlaps an edit already applied
			}
			if e.Start < 0 || e.End < e.Start || end > len(body) || body[start:end] != e.Old {
				return "", nil, fmt.Errorf("line %d: expected %q at byte %d; the file changed since it was linted", n, e.Old, start)
			}
			b.WriteString(body[last:start])
			b.WriteString(e.New)
			last = end
			applied = append(applied, e)
		}
		b.WriteString(body[last:])
		b.WriteString(eol)
	}
	b.WriteString(text[copied:])
	sort.SliceStable(applied, func(i, j int) bool {
		if applied[i].Line != applied[j].Line {
			return applied[i].Line < applied[j].Line
		}
		if applied[i].TextCol != applied[j].TextCol {
			return applied[i].TextCol < applied[j].TextCol
		}
		return applied[i].Start < applied[j].Start
	})
	return b.String(), applied, nil
}

// Overlap is an edit Choose leaves out: its match overlaps the match of
// Kept, the edit made there instead.
type Overlap struct {
	Edit, Kept Edit
}

// Choose picks the edits to make where matches overlap in a reply (two
// rules' findings on 这个不行 and on 不行): the longest match wins, as the
// one that names more of the text; of matches as long, the leftmost, and
// then the first given (the rule listed first in the packs). An edit the
// same as one kept, at the same place with the same replacement (two packs
// with the same rule), is made once and not reported. It returns the edits
// to make, in the order given, and those left out, each with the one kept
// in its place; edits that overlap none are all kept.
func Choose(edits []Edit) (kept []Edit, left []Overlap) {
	type reply struct{ line, col int }
	byReply := map[reply][]int{}
	for i, e := range edits {
		k := reply{e.Line, max(e.TextCol, 1)}
		byReply[k] = append(byReply[k], i)
	}
	drop := make([]bool, len(edits))
	for _, idx := range byReply {
		if len(idx) < 2 {
			continue
		}
		// the reply's edits by preference, each kept unless it overlaps
		// one kept before it
		sort.SliceStable(idx, func(a, b int) bool {
			ea, eb := edits[idx[a]], edits[idx[b]]
			if la, lb := ea.End-ea.Start, eb.End-eb.Start; la != lb {
				return la > lb
			}
			return ea.Start < eb.Start
		})
		var chosen []int
		for _, i := range idx {
			e := edits[i]
			for _, j := range chosen {
				k := edits[j]
				if e.Start >= k.End || k.Start >= e.End {
					continue
				}
				drop[i] = true
				if e.Start != k.Start || e.End != k.End || e.New != k.New {
					left = append(left, Overlap{Edit: e, Kept: k})
				}
				break
			}
			if !drop[i] {
				chosen = append(chosen, i)
			}
		}
	}
	for i, e := range edits {
		if !drop[i] {
			kept = append(kept, e)
		}
	}
	sort.SliceStable(left, func(i, j int) bool {
		a, b := left[i].Edit, left[j].Edit
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.TextCol != b.TextCol {
			return a.TextCol < b.TextCol
		}
		return a.Start < b.Start
	})
	return kept, left
}

// SplitLines splits text after each line ending: \r\n, \n, or a \r not
// followed by \n. Joined, the lines are text again; a text ending with a line
// ending has no empty last line, an empty text no lines.
func SplitLines(text string) []string {
	var lines []string
	c := lineCutter{text: text, lf: -1}
	for {
		l, ok := c.next()
		if !ok {
			return lines
		}
		lines = append(lines, l)
	}
}

// lineCutter cuts a text into its lines one after another, as SplitLines
// splits it, looking at each byte of the text once: the next \n is looked
// for once, and remembered for the lines that end in a lone \r before it.
// Looked for again at each line, to the end of the text where there is
// none (a library whose lines end in a lone \r, as old Mac files do), the
// cut took time quadratic in the lines: a 2.5 MB library of such lines
// spent a second in it, a 25 MB one a hundred times as long.
type lineCutter struct {
	text string
	off  int // where the next line starts
	// lf is where the first \n at or after off is (len(text): none);
	// not looked for yet while it is before off (it starts at -1)
	lf int
}

// next returns the next line with its ending; ok is false at the end of
// the text.
func (c *lineCutter) next() (line string, ok bool) {
	t, off := c.text, c.off
	if off >= len(t) {
		return "", false
	}
	if c.lf < off {
		c.lf = len(t)
		if i := indexByte(t[off:], '\n'); i >= 0 {
			c.lf = off + i
		}
	}
	end := min(c.lf+1, len(t))
	if j := indexByte(t[off:c.lf], '\r'); j >= 0 {
		end = off + j + 1
		if end == c.lf && end < len(t) {
			end++ // \r\n
		}
	}
	c.off = end
	return t[off:end], true
}

// indexByte is strings.IndexByte (a variable for the tests, which count
// the bytes it looks at).
var indexByte = strings.IndexByte
