package transcript

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/chatlint/chatlint/lint"
)

// jsonScanner reads canonical JSONL records with a hand-written scanner for
// the common case — one flat object of strings, numbers and nulls — several
// times faster than encoding/json and with fewer allocations (repeated
// conversation ids, senders, roles and types share one string). Anything
// unusual (nested values, odd escapes, invalid UTF-8, keys in another case,
// malformed JSON) goes to encoding/json, so the two always agree: the fast
// path only ever declines, it never decides differently.
type jsonScanner struct {
	buf    []byte
	intern map[string]string
}

// maxInterned bounds the interned strings; past it the table starts over.
const maxInterned = 1 << 16

func newJSONScanner() *jsonScanner { return &jsonScanner{intern: map[string]string{}} }

// parse reads one record, fast when it can.
func (sc *jsonScanner) parse(line []byte, src *Source, pos lint.Pos) (lint.Message, string) {
	var f msgFields
	if sc.scan(line, &f) {
		return f.message(src, pos)
	}
	return parseJSONMessage(line, src, pos)
}

// str returns b as a string, shared with earlier equal strings.
func (sc *jsonScanner) str(b []byte) string {
	if s, ok := sc.intern[string(b)]; ok {
		return s
	}
	if len(sc.intern) >= maxInterned {
		clear(sc.intern)
	}
	s := string(b)
	sc.intern[s] = s
	return s
}

// fOther is a key the scanner skips (the fields are mapping.go's fConv …).
const fOther = nFields

func fieldOf(key []byte) int {
	switch string(key) {
	case "conversation":
		return fConv
	case "id":
		return fID
	case "time":
		return fTime
	case "role":
		return fRole
	case "sender":
		return fSender
	case "type":
		return fType
	case "text":
		return fText
	}
	return fOther
}

// foldsToField reports whether a key matches a field only case-insensitively
// (encoding/json would take it; the scanner leaves it to encoding/json).
func foldsToField(key []byte) bool {
	for _, k := range [...]string{"conversation", "id", "time", "role", "sender", "type", "text"} {
		if len(key) == len(k) {
			same := true
			for i := range key {
				c := key[i]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				if c != k[i] {
					same = false
					break
				}
			}
			if same {
				return true
			}
		}
	}
	return false
}

// scan reads line into f; false means "leave it to encoding/json".
func (sc *jsonScanner) scan(line []byte, f *msgFields) bool {
	i := skipWS(line, 0)
	if i >= len(line) || line[i] != '{' {
		return false
	}
	i = skipWS(line, i+1)
	if i < len(line) && line[i] == '}' {
		return skipWS(line, i+1) == len(line)
	}
	for {
		// key
		if i >= len(line) || line[i] != '"' {
			return false
		}
		start, end, esc, ok := scanString(line, i)
		if !ok || esc {
			return false
		}
		key := line[start:end]
		field := fieldOf(key)
		if field == fOther && (foldsToField(key) || !ascii(key)) {
			return false // encoding/json matches keys case-insensitively
		}
		i = skipWS(line, end+1)
		if i >= len(line) || line[i] != ':' {
			return false
		}
		i = skipWS(line, i+1)
		if i >= len(line) {
			return false
		}
		// value
		switch c := line[i]; {
		case c == '"':
			vs, ve, vesc, ok := scanString(line, i)
			if !ok {
				return false
			}
			raw := line[vs:ve]
			if vesc {
				if raw, ok = sc.unescape(raw); !ok {
					return false
				}
			}
			if !utf8.Valid(raw) {
				return false
			}
			sc.set(f, field, raw)
			i = ve + 1
		case c == 'n':
			if !hasLit(line, i, "null") {
				return false
			}
			sc.setNull(f, field)
			i += 4
		case c == '-' || ('0' <= c && c <= '9'):
			n := scanNumber(line, i)
			if n == i {
				return false
			}
			switch field {
			case fConv, fID, fTime:
				if _, err := strconv.ParseFloat(string(line[i:n]), 64); err != nil {
					return false // out of range: encoding/json's path says so
				}
				sc.set(f, field, line[i:n])
			case fOther:
			default:
				return false // a number where a string belongs: encoding/json's error
			}
			i = n
		case c == 't' || c == 'f':
			if field != fOther || !(hasLit(line, i, "true") || hasLit(line, i, "false")) {
				return false
			}
			if c == 't' {
				i += 4
			} else {
				i += 5
			}
		default:
			return false // objects, arrays, garbage
		}
		i = skipWS(line, i)
		if i >= len(line) {
			return false
		}
		switch line[i] {
		case ',':
			i = skipWS(line, i+1)
		case '}':
			return skipWS(line, i+1) == len(line)
		default:
			return false
		}
	}
}

// set stores a string (or, for the scalar fields, a number) value.
func (sc *jsonScanner) set(f *msgFields, field int, v []byte) {
	switch field {
	case fConv:
		f.conv, f.convErr = sc.str(v), ""
	case fID:
		f.id, f.idErr = sc.str(v), ""
	case fTime:
		// parsed before the line is reused and never kept: no copy needed
		f.time, f.timeErr, f.hasTime = unsafe.String(unsafe.SliceData(v), len(v)), "", true
	case fRole:
		f.role, f.hasRole = sc.str(v), true
	case fSender:
		f.sender = sc.str(v)
	case fType:
		f.typ = sc.str(v)
	case fText:
		f.text, f.hasText = string(v), true
	}
}

// setNull stores a JSON null, which means "absent" for every field.
func (sc *jsonScanner) setNull(f *msgFields, field int) {
	switch field {
	case fConv:
		f.conv, f.convErr = "", ""
	case fID:
		f.id, f.idErr = "", ""
	case fTime:
		f.time, f.timeErr, f.hasTime = "", "", false
	case fRole:
		f.role, f.hasRole = "", false
	case fSender:
		f.sender = ""
	case fType:
		f.typ = ""
	case fText:
		f.text, f.hasText = "", false
	}
}

func ascii(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func skipWS(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

func hasLit(b []byte, i int, lit string) bool {
	return len(b)-i >= len(lit) && string(b[i:i+len(lit)]) == lit
}

// scanString finds the string starting with the quote at i: its content is
// b[start:end] and b[end] is the closing quote; esc says it holds escapes.
// Control characters (invalid in JSON) make ok false.
func scanString(b []byte, i int) (start, end int, esc, ok bool) {
	start = i + 1
	for j := start; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			return start, j, esc, true
		case c == '\\':
			esc = true
			j++
		case c < 0x20:
			return 0, 0, false, false
		}
	}
	return 0, 0, false, false
}

// scanNumber returns the end of the JSON number at i (i itself when there is
// none), following JSON's grammar strictly.
func scanNumber(b []byte, i int) int {
	j := i
	if j < len(b) && b[j] == '-' {
		j++
	}
	switch {
	case j < len(b) && b[j] == '0':
		j++
	case j < len(b) && '1' <= b[j] && b[j] <= '9':
		for j < len(b) && '0' <= b[j] && b[j] <= '9' {
			j++
		}
	default:
		return i
	}
	if j < len(b) && b[j] == '.' {
		k := j + 1
		for k < len(b) && '0' <= b[k] && b[k] <= '9' {
			k++
		}
		if k == j+1 {
			return i
		}
		j = k
	}
	if j < len(b) && (b[j] == 'e' || b[j] == 'E') {
		k := j + 1
		if k < len(b) && (b[k] == '+' || b[k] == '-') {
			k++
		}
		d := k
		for k < len(b) && '0' <= b[k] && b[k] <= '9' {
			k++
		}
		if k == d {
			return i
		}
		j = k
	}
	return j
}

// unescape decodes a string's escapes into the scanner's buffer. Surrogate
// pairs and anything irregular are left to encoding/json (ok false).
func (sc *jsonScanner) unescape(raw []byte) ([]byte, bool) {
	out := sc.buf[:0]
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		if i >= len(raw) {
			return nil, false
		}
		switch raw[i] {
		case '"', '\\', '/':
			out = append(out, raw[i])
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'u':
			if i+4 >= len(raw) {
				return nil, false
			}
			v, err := strconv.ParseUint(string(raw[i+1:i+5]), 16, 32)
			if err != nil || utf16.IsSurrogate(rune(v)) {
				return nil, false
			}
			out = utf8.AppendRune(out, rune(v))
			i += 4
		default:
			return nil, false
		}
	}
	sc.buf = out
	return out, true
}
