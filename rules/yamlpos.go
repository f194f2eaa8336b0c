package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// syntaxError turns a yaml.v3 syntax error in data into a PosError at the
// line where data stops being YAML. yaml.v3 names the start of the
// collection it was parsing (for parser errors one line above it, and for
// an unknown anchor no line at all), which can be far above the mistake: a
// key indented one space too little on line 200 of a pack is reported at
// its `rules:`. The line is found as the shortest run of whole lines from
// the top that fails with the same error (a binary search: a few parses).
// A tab in that line's indentation is named as the cause, and a line that
// breaks the block structure gets the column of its first character.
func syntaxError(data []byte, err error) *PosError {
	e := yamlSyntaxError(err)
	if bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0xff, 0xfe}) {
		return e // UTF-16: lines do not end at a '\n' byte
	}
	var ends []int // byte offset just past each line
	for i := range data {
		if lineEnd(data, i) {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(data) {
		ends = append(ends, len(data))
	}
	fails := func(n int) bool { // the first n lines fail as the whole does
		pe := firstSyntaxError(data[:ends[n-1]])
		return pe != nil && pe.Msg == e.Msg
	}
	lo, hi := 0, len(ends)
	if !fails(hi) {
		return e
	}
	for hi-lo > 1 {
		if mid := (lo + hi) / 2; fails(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	start := 0
	if hi > 1 {
		start = ends[hi-2]
	}
	line := data[start:ends[hi-1]]
	e.Line, e.Column = hi, 0
	indent := len(line) - len(bytes.TrimLeft(line, " \t"))
	if i := bytes.IndexByte(line[:indent], '\t'); i >= 0 {
		e.Column = i + 1
		e.Msg = "a tab in the indentation: YAML indents with spaces only"
		return e
	}
	switch e.Msg {
	case "did not find expected key", "did not find expected '-' indicator":
		e.Column = indent + 1
		e.Msg += " (is this line indented like the lines it belongs with?)"
	}
	return e
}

// firstSyntaxError returns the first syntax error in the YAML documents of
// data, or nil.
func firstSyntaxError(data []byte) *PosError {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return yamlSyntaxError(err)
		}
	}
}

// notUTF8 reports, at its line and column, the first byte of data that is
// not UTF-8 (yaml.v3 says "invalid leading UTF-8 octet" and no more), or
// nil. A file that reads cleanly as GB18030 is said to be one: Windows
// editors save Chinese text as GBK ("ANSI") unless told otherwise.
func notUTF8(data []byte) *PosError {
	if utf8.Valid(data) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0xff, 0xfe}) {
		return nil
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			msg := fmt.Sprintf("not UTF-8 (byte 0x%02X): save the file as UTF-8", data[i])
			if gb, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data); err == nil && !strings.ContainsRune(string(gb), utf8.RuneError) {
				msg = fmt.Sprintf("not UTF-8 (byte 0x%02X): the file looks GBK/GB18030-encoded; save it as UTF-8", data[i])
			}
			return &PosError{Line: line, Column: col, Msg: msg}
		}
		if lineEnd(data, i) {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return nil
}

// lineEnd reports whether data[i] ends a line, as YAML ends them: a LF, a
// CR not followed by one (a CR before a LF is the LF's line's).
func lineEnd(data []byte, i int) bool {
	return data[i] == '\n' || data[i] == '\r' && (i+1 == len(data) || data[i+1] != '\n')
}
