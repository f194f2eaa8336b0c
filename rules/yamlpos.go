package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf16"
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
	if e.Msg == "did not find expected alphabetic or numeric character" || strings.HasPrefix(e.Msg, "unknown anchor ") {
		// exclude: [*.draft.txt], agents: [*客服]: YAML reads an alias
		if m := aliasValue.FindIndex(line); m != nil {
			e.Column = utf8.RuneCount(line[:m[1]-1]) + 1
			e.Msg += " (a value that starts with * is a YAML alias: quote a glob or a pattern, such as '*.draft.txt')"
		}
	}
	return e
}

// aliasValue finds a value that starts with * (a YAML alias): a list
// item's, a mapping value's, or an item of a [flow, list].
var aliasValue = regexp.MustCompile(`(?:^[ \t]*-[ \t]+|[\[{,][ \t]*|:[ \t]+)\*`)

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

// fromUTF16 returns data saved as UTF-16 with its byte-order mark (as
// Windows Notepad saves "Unicode") as UTF-8, to be read, and its mistakes
// placed, as a UTF-8 file is; data without the mark is returned as it is.
// A half of a surrogate pair, or a character cut short at the end of the
// file, is an error at its line and column.
func fromUTF16(data []byte) ([]byte, *PosError) {
	var be bool
	switch {
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		be = true
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
	default:
		return data, nil
	}
	body := data[2:]
	unit := func(i int) rune {
		if be {
			return rune(body[i])<<8 | rune(body[i+1])
		}
		return rune(body[i+1])<<8 | rune(body[i])
	}
	out := make([]byte, 0, len(body)*3/2)
	line, col := 1, 1
	i := 0
	for ; i+1 < len(body); i += 2 {
		r := unit(i)
		if utf16.IsSurrogate(r) {
			var low rune
			if i+3 < len(body) {
				low = unit(i + 2)
			}
			if r >= 0xdc00 || !utf16.IsSurrogate(low) || low < 0xdc00 {
				return nil, &PosError{Line: line, Column: col,
					Msg: fmt.Sprintf("not UTF-16 (half of a surrogate pair, 0x%04X): save the file as UTF-8", r)}
			}
			r = utf16.DecodeRune(r, low)
			i += 2
		}
		out = utf8.AppendRune(out, r)
		if r == '\n' || r == '\r' && (i+3 >= len(body) || unit(i+2) != '\n') {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	if i < len(body) {
		return nil, &PosError{Line: line, Column: col, Msg: "the file ends inside a UTF-16 character (a byte short): save the file as UTF-8"}
	}
	return out, nil
}

// lineEnd reports whether data[i] ends a line, as YAML ends them: a LF, a
// CR not followed by one (a CR before a LF is the LF's line's).
func lineEnd(data []byte, i int) bool {
	return data[i] == '\n' || data[i] == '\r' && (i+1 == len(data) || data[i+1] != '\n')
}
