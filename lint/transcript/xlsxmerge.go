package transcript

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
)

// Merged cells. QA spreadsheets merge the cells of a conversation's rows
// (会话ID over A2:A3): only the range's top-left cell holds the value, the
// others are stored empty, and a person reading the sheet in Excel sees the
// value in every one of them. The ranges are listed in <mergeCells> after
// <sheetData>, so they are found by a quick scan of the worksheet part
// (inflated once more, its bytes searched for <mergeCell ref="…">, not
// parsed) before its rows are read; while the rows are read, a cell of a
// data row inside a range takes the value of the range's top-left cell.
// Title rows and the header row are read as they are stored (a merged
// title must stay one cell for the header to be found below it), and only
// the columns the rows are read from are filled: at most a few per row,
// whatever the ranges' width. A text merged over rows is one message
// written once: the text column takes it on the range's first row only.

// cellRange is a merged range: rows r1–r2 (1-based, as the rows' lines),
// columns c1–c2 (0-based).
type cellRange struct{ r1, r2, c1, c2 int32 }

// maxMergedRanges bounds the merged ranges of a worksheet, which are kept
// for the whole read (16 bytes each), as maxSharedStrings bounds the shared
// strings: a few kilobytes of zip can hold millions of <mergeCell/>. A
// variable so that tests can make it small.
var maxMergedRanges = 1 << 21

// maxMergeTag bounds a <mergeCell …> tag the scan holds to read (an
// attribute list longer than this is no merge Excel wrote: it is passed
// over).
const maxMergeTag = 4096

// mergedRanges scans a worksheet part for its merged ranges of more than
// one cell, in the order they are listed.
func (wb *workbook) mergedRanges(part string) ([]cellRange, error) {
	f := wb.part(part)
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", part, err)
	}
	defer rc.Close()
	var ranges []cellRange
	buf := make([]byte, 0, 64<<10+maxMergeTag)
	name := []byte("mergeCell")
	for eof := false; !eof; {
		// read a chunk after what the last one left (the start of a tag
		// it cut, or its last bytes)
		n, rerr := io.ReadFull(rc, buf[len(buf):len(buf)+64<<10])
		buf = buf[:len(buf)+n]
		switch rerr {
		case nil:
		case io.EOF, io.ErrUnexpectedEOF:
			eof = true
		default:
			return nil, fmt.Errorf("%s: %w", part, rerr)
		}
		keep := max(0, len(buf)-64) // what the next chunk starts with
		for pos := 0; ; {
			i := bytes.Index(buf[pos:], name)
			if i < 0 {
				break
			}
			i += pos
			pos = i + len(name)
			lt := tagStart(buf, i)
			if lt < 0 {
				continue // not an element's name (text, or a prefix the window cut: see keep)
			}
			if pos == len(buf) && !eof {
				keep = min(keep, lt) // the byte after the name is in the next chunk
				break
			}
			if pos < len(buf) && !isTagSpace(buf[pos]) && buf[pos] != '/' && buf[pos] != '>' {
				continue // <mergeCells>, or another name
			}
			gt := bytes.IndexByte(buf[pos:], '>')
			if gt < 0 {
				if !eof && len(buf)-lt < maxMergeTag {
					keep = min(keep, lt) // the tag ends in the next chunk
					break
				}
				continue
			}
			gt += pos
			if r, ok := parseMergeRef(buf[pos:gt]); ok {
				if len(ranges) >= maxMergedRanges {
					return nil, fmt.Errorf("%s: the worksheet's merged cells run past %d ranges: a damaged or hostile workbook (a decompression bomb?); not read", part, maxMergedRanges)
				}
				ranges = append(ranges, r)
			}
			pos = gt + 1
			keep = max(keep, pos)
		}
		keep = min(keep, len(buf))
		buf = buf[:copy(buf, buf[keep:])]
	}
	return ranges, nil
}

// tagStart returns where the start tag whose (local) name starts at i
// starts: the '<' before it, or before its prefix (x:mergeCell); -1 when
// the name is not an element's.
func tagStart(b []byte, i int) int {
	if i > 0 && b[i-1] == '<' {
		return i - 1
	}
	if i == 0 || b[i-1] != ':' {
		return -1
	}
	for j := i - 2; j >= 0 && j >= i-2-32; j-- {
		switch c := b[j]; {
		case c == '<':
			if j == i-2 {
				return -1 // <:mergeCell
			}
			return j
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '-', c == '.':
		default:
			return -1
		}
	}
	return -1
}

func isTagSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// parseMergeRef reads the ref attribute of a <mergeCell> tag's attributes
// (ref="A2:C3"): a range of more than one cell, ok false otherwise.
func parseMergeRef(attrs []byte) (cellRange, bool) {
	for {
		for len(attrs) > 0 && isTagSpace(attrs[0]) {
			attrs = attrs[1:]
		}
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 {
			return cellRange{}, false
		}
		name := bytes.TrimRight(attrs[:eq], " \t\r\n")
		rest := bytes.TrimLeft(attrs[eq+1:], " \t\r\n")
		if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
			return cellRange{}, false
		}
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return cellRange{}, false
		}
		value := rest[1 : 1+end]
		attrs = rest[2+end:]
		if c := bytes.LastIndexByte(name, ':'); c >= 0 {
			name = name[c+1:]
		}
		if string(name) == "ref" {
			return parseRange(string(value))
		}
	}
}

// parseRange reads a range reference, A2:C3 (or C3:A2), ok when it is
// one of more than one cell.
func parseRange(ref string) (cellRange, bool) {
	i := 0
	for i < len(ref) && ref[i] != ':' {
		i++
	}
	if i == len(ref) {
		return cellRange{}, false
	}
	r1, c1, ok1 := parseCellRef(ref[:i])
	r2, c2, ok2 := parseCellRef(ref[i+1:])
	if !ok1 || !ok2 {
		return cellRange{}, false
	}
	r := cellRange{r1: min(r1, r2), r2: max(r1, r2), c1: min(c1, c2), c2: max(c1, c2)}
	return r, r.r1 != r.r2 || r.c1 != r.c2
}

// parseCellRef reads a cell reference (B12, $B$12): its 1-based row and
// 0-based column.
func parseCellRef(ref string) (row, col int32, ok bool) {
	i := 0
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	j := i
	for j < len(ref) && (ref[j] >= 'A' && ref[j] <= 'Z' || ref[j] >= 'a' && ref[j] <= 'z') {
		j++
	}
	letters := []byte(ref[i:j])
	for k, c := range letters {
		if c >= 'a' {
			letters[k] = c - 'a' + 'A'
		}
	}
	c, ok := columnIndex(string(letters))
	if !ok || c >= maxColumns {
		return 0, 0, false
	}
	if j < len(ref) && ref[j] == '$' {
		j++
	}
	r, err := strconv.Atoi(ref[j:])
	if err != nil || r < 1 || r > 1<<24 {
		return 0, 0, false
	}
	return int32(r), int32(c), true
}

// mergedRows is the rowSource of a worksheet whose data rows lie in merged
// ranges: the rows of xlsxRows, each cell of a data row (below after, the
// header's row) in a read column inside a range given the value of the
// range's top-left cell, but for the text column below the range's first
// row, which is left empty.
type mergedRows struct {
	rows    *xlsxRows
	ranges  []cellRange // the ranges below the header, by first row
	pending int         // the first range not yet met
	read    []int       // the columns read, ascending
	text    int         // the text column (-1: none)
	// the range over each read column (by its index in read), while the
	// rows are inside it, and its top-left cell's value
	over []mergeSlot
}

// mergeSlot is a read column's current range.
type mergeSlot struct {
	r     cellRange
	value string
	set   bool
}

// withMerges returns the rows of the worksheet in part as readRows should
// read them: rows itself when no merged range reaches into the columns read
// below the header, else rows with its merged cells filled (mergedRows).
func (wb *workbook) withMerges(part string, rows *xlsxRows, b *builder) (rowSource, error) {
	ranges, err := wb.mergedRanges(part)
	if err != nil || len(ranges) == 0 {
		return rows, err
	}
	after, read, text, err := wb.dataColumns(part, b)
	if err != nil || len(read) == 0 {
		return rows, err
	}
	kept := ranges[:0]
	for _, r := range ranges {
		if int(r.r1) <= after {
			continue // a title's, the header's, or one reaching into them
		}
		for _, c := range read {
			if int(r.c1) <= c && c <= int(r.c2) {
				kept = append(kept, r)
				break
			}
		}
	}
	if len(kept) == 0 {
		return rows, nil
	}
	slices.SortStableFunc(kept, func(a, b cellRange) int { return int(a.r1) - int(b.r1) })
	return &mergedRows{rows: rows, ranges: kept, read: read, text: text, over: make([]mergeSlot, len(read))}, nil
}

// dataColumns finds, as readRows will, the row of the header (0 without
// one: --header=false) and the columns the data rows are read from: the
// fields', and a date column beside a time column of times of day; text
// is the text column's. An error reading the first rows, or a header not
// found, gives no columns: readRows reports it.
func (wb *workbook) dataColumns(part string, b *builder) (after int, read []int, text int, err error) {
	var cols [nFields]int
	date := -1
	if b.m.header {
		rows, err := wb.sheetRows(part)
		if err != nil {
			return 0, nil, -1, nil
		}
		defer rows.close()
		first, line, perr, err := rows.next()
		if err != nil || first == nil || perr != "" {
			return 0, nil, -1, nil
		}
		header := first
		c, herr := headerColumns(first, &b.m.cols, 0)
		if herr != nil {
			h, hc, ok, err := headerBelowTitles(rows, first, &b.m.cols, 0)
			if err != nil || !ok {
				return 0, nil, -1, nil
			}
			header, c, line = h, hc, rows.row // (the row headerBelowTitles stopped at)
		}
		after, cols = line, c
		if cols[fTime] >= 0 && b.m.layout == "" {
			date = dateColumn(header, &cols)
		}
	} else {
		for i, spec := range b.m.cols {
			cols[i] = -1
			if n, err := strconv.Atoi(spec); err == nil && n >= 1 {
				cols[i] = n - 1
			}
		}
	}
	for _, c := range append(cols[:], date) {
		if c >= 0 && !slices.Contains(read, c) {
			read = append(read, c)
		}
	}
	slices.Sort(read)
	return after, read, cols[fText], nil
}

// next is xlsxRows.next, the row's merged cells filled.
func (m *mergedRows) next() (fields []string, line int, perr string, err error) {
	fields, line, perr, err = m.rows.next()
	if err != nil || fields == nil {
		return fields, line, perr, err
	}
	// the ranges the row is the first read row of (their top-left cells,
	// when on an earlier row, were on an empty one)
	for ; m.pending < len(m.ranges) && int(m.ranges[m.pending].r1) <= line; m.pending++ {
		r := m.ranges[m.pending]
		if int(r.r2) < line {
			continue
		}
		value := ""
		if int(r.r1) == line && int(r.c1) < len(fields) {
			value = fields[r.c1]
		}
		for k, c := range m.read {
			if int(r.c1) <= c && c <= int(r.c2) {
				m.over[k] = mergeSlot{r: r, value: value, set: true}
			}
		}
	}
	for k, c := range m.read {
		s := &m.over[k]
		if !s.set {
			continue
		}
		if int(s.r.r2) < line {
			s.set = false
			continue
		}
		if int(s.r.r1) == line && int(s.r.c1) == c {
			continue // the top-left cell
		}
		v := s.value
		if c == m.text && int(s.r.r1) != line {
			v = "" // a text merged over rows is one message, on the first row
		}
		if c >= len(fields) {
			if v == "" {
				continue
			}
			fields = append(fields, make([]string, c+1-len(fields))...)
		}
		fields[c] = v
	}
	return fields, line, perr, nil
}
