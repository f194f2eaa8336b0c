package transcript

import (
	"bytes"

	"github.com/chatlint/chatlint/lint"
)

// typeWatch looks on through a JSON or JSONL export that untypedExport
// judged untyped by its first 64 KB for a key named type, as hasTypeKey
// does, and tells the sink of the first (lint.MarkTyped) before the
// record holding it is handed on: an export that writes a type only on
// notes and order events may write none in its first 64 KB. It looks at
// the bytes as they are read (see jsonParser.fill, readJSONLMapped), once,
// and stops at the first; in a file without a type key it costs a search
// for y and Y in every byte.
type typeWatch struct {
	sink lint.Sink
	name string
	// tail holds the last bytes seen (ntail of them), which a key cut off
	// by the end of a read may start in
	tail  [typeKeyLen]byte
	ntail int
	// pending: the last read ended in a string "type" and blanks, a key
	// if the next non-blank byte is a colon
	pending bool
}

// typeKeyLen is the length of a key "type" with the byte before its
// opening quote (see hasTypeKey): the most of one a read may end in.
const typeKeyLen = len(`\"type"`)

// see looks at the next bytes read, b, and reports whether a key named
// type was among them (or began before them): the sink is told then.
func (w *typeWatch) see(b []byte) bool {
	st := typeNone
	if w.pending {
		// a "type" ended the last read: a key if a colon follows
		if k := skipJSONBlanks(b, 0); k == len(b) {
			return false
		} else if b[k] == ':' {
			st = typeFound
		}
		w.pending = false
	}
	if st == typeNone && w.ntail > 0 {
		var seam [2 * typeKeyLen]byte
		n := copy(seam[:], w.tail[:w.ntail])
		k := copy(seam[n:], b)
		st = typeKeyIn(seam[:n+k], b[k:])
	}
	if st == typeNone {
		st = typeKeyIn(b, nil)
	}
	switch st {
	case typeFound:
		markTyped(w.sink, w.name)
		return true
	case typePending:
		w.pending, w.ntail = true, 0
		return false
	}
	if len(b) >= typeKeyLen {
		w.ntail = copy(w.tail[:], b[len(b)-typeKeyLen:])
	} else {
		// (a short read: what it leaves of the tail before it)
		var both [2 * typeKeyLen]byte
		n := copy(both[:], w.tail[:w.ntail])
		n += copy(both[n:], b)
		w.ntail = copy(w.tail[:], both[max(n-typeKeyLen, 0):n])
	}
	return false
}

// line is see for a whole record (a JSONL line): a "type" at its end is
// no key.
func (w *typeWatch) line(b []byte) bool {
	if typeKeyIn(b, nil) != typeFound {
		return false
	}
	markTyped(w.sink, w.name)
	return true
}

// markTyped is lint.MarkTyped past the sink that reads texts as HTML
// (withHTML), which passes on no more than it knows of.
func markTyped(sink lint.Sink, name string) {
	switch s := sink.(type) {
	case htmlSink:
		sink = s.Sink
	case *htmlDeferringSink:
		sink = s.Sink
	}
	lint.MarkTyped(sink, name)
}

// hasTypeKey reports whether JSON text holds a key "type" in any case (a
// string "type" followed by a colon, or by blanks up to the end of b; one
// inside a string would have its quotes escaped).
func hasTypeKey(b []byte) bool { return typeKeyIn(b, nil) != typeNone }

// what typeKeyIn finds
const (
	typeNone    = iota
	typeFound   // a key named type
	typePending // a string "type" with only blanks after it, to the end
)

// typeKeyIn looks for a key named type in b followed by more (for a key
// in b: the blanks after one at the end of b go on in more). It looks for
// the y: JSON holds fewer of them than quotes, and none in Chinese text
// (UTF-8 writes no ASCII byte inside a character).
func typeKeyIn(b, more []byte) int {
	st := typeNone
	for _, y := range [...]byte{'y', 'Y'} {
		for i := 2; i+3 < len(b); i++ {
			j := bytes.IndexByte(b[i:len(b)-3], y)
			if j < 0 {
				break
			}
			i += j
			if b[i-2] == '"' && b[i-1]|0x20 == 't' && b[i+1]|0x20 == 'p' && b[i+2]|0x20 == 'e' && b[i+3] == '"' && (i < 3 || b[i-3] != '\\') {
				after, k := b, skipJSONBlanks(b, i+4)
				if k == len(b) {
					after, k = more, skipJSONBlanks(more, 0)
				}
				switch {
				case k == len(after):
					st = typePending // (unless a key comes before it)
				case after[k] == ':':
					return typeFound
				}
			}
		}
	}
	return st
}
