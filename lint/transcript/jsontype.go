package transcript

import (
	"bytes"
	"math/bits"

	"github.com/chatlint/chatlint/lint"
)

// typeWatch looks on through a JSON or JSONL export that untypedExport
// judged untyped by its first 64 KB for a key named type (in any case),
// and tells the sink of the first (lint.MarkTyped) before the record
// holding it is handed on: an export that writes a type only on notes and
// order events may write none in its first 64 KB. It looks at the bytes as
// they are read (see jsonParser.fill, readJSONLMapped), once, and stops at
// the first.
//
// A key named type deeper in a message than the readers read a type from
// (Intercom's author.type, an attachment's type) is none: taking it for
// one made a file whose mapping places no type typed, its messages all
// text, and a rule expecting a note a finding at every order change. A
// file whose first 64 KB hold such keys (deep) is followed through its
// nesting (scan: a key of a message object at its depth; see
// typeKeyDepths), a JSON one about 8 instructions a byte more (its
// strings skipped a word at a time), paid only by files that hold such
// keys; a JSONL line is followed so whenever it holds a key named type at
// all (a few instructions a byte of those lines alone). A JSON file with
// no key named type in its first 64 KB is looked at for any, as before (a
// search for y and Y in every byte): one that begins to write them deep
// further on is taken as typed.
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

	// deep: the file is followed through its nesting (scan), with
	// depths, byTop and the scan's state
	deep bool
	// depths has bit d set for the depths (1: the top value's) whose
	// objects' keys are read as a message's type; with byTop (the default
	// layouts), those of the top value's parity instead, set by its first
	// byte
	depths uint64
	byTop  bool
	// the state of scan: the containers open, in a string (esc: after a
	// backslash), how much of "type" the string has matched (-1: it is no
	// type), and whether the last string was "type" at a depth whose keys
	// count (a key if a colon follows)
	depth int
	inStr bool
	esc   bool
	cand  int
	typed bool
}

// newTypeWatch is the watch of a file read through m (see typeKeyDepths),
// deep when its first 64 KB hold a key named type at a depth that does not
// count.
func newTypeWatch(sink lint.Sink, name string, m *compiledMapping, deep bool) *typeWatch {
	w := &typeWatch{sink: sink, name: name, deep: deep}
	w.depths, w.byTop = typeKeyDepths(m)
	return w
}

// typeKeyLen is the length of a key "type" with the byte before its
// opening quote (see hasTypeKey): the most of one a read may end in.
const typeKeyLen = len(`\"type"`)

// see looks at the next bytes read, b, and reports whether a key named
// type was among them (or began before them): the sink is told then.
func (w *typeWatch) see(b []byte) bool {
	if w.deep {
		if !w.scan(b, false) {
			return false
		}
		markTyped(w.sink, w.name)
		return true
	}
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
	// (followed through its nesting whatever the sample held: a line
	// is a record of its own, and an author's type first met past the
	// sample is no message's type either)
	w.depth, w.inStr, w.esc, w.typed = 0, false, false, false
	if !w.scan(b, false) {
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

// hasTypeKey reports whether the JSON (or JSON lines: a record a line) of
// a file's first bytes, sample, read through m, holds a key named type
// that the readers read as a message's type (see typeWatch); deep, whether
// it holds one at another depth. A sample without a key named type at any
// depth, as in most such files, is not followed through.
func hasTypeKey(sample []byte, m *compiledMapping, jsonl bool) (found, deep bool) {
	if typeKeyIn(sample, nil) == typeNone {
		return false, false
	}
	w := newTypeWatch(nil, "", m, true)
	return w.scan(sample, jsonl), true
}

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

// typeKeyDepths is the depths (bit d: depth d, the top value's 1) whose
// objects' keys the readers read a message's type from: each messages
// path's message objects ("[].msgs[]": 4, "Transcript[]": 3), not the
// objects around them on the path, whose keys only the conversation is
// read from unless the mapping says so (^: a Zendesk ticket's or a
// Freshdesk ticket's type is no message's). Without a path (the
// default layouts: an array of messages or of conversations with
// "messages", an object with "messages" or "conversations"), byTop: the
// depths of the top value's parity, 2 and 4 under an array, 1, 3 and 5
// under an object (a JSONL line's message, or its conversation's).
func typeKeyDepths(m *compiledMapping) (depths uint64, byTop bool) {
	if m == nil || len(m.messages) == 0 {
		return 0, true
	}
	for _, path := range m.messages {
		// (the top value at 1, each step one deeper)
		depths |= 1 << min(len(path)+1, 63)
	}
	return depths &^ 1, false
}

// scan follows b; lines: a line break ends a record (the sample of a
// JSONL file), whatever was open. (The state is kept in locals while it
// runs: a field of w read and written at every byte cost twice the
// instructions.)
func (w *typeWatch) scan(b []byte, lines bool) (found bool) {
	depth, inStr, esc, cand, typed := w.depth, w.inStr, w.esc, w.cand, w.typed
	defer func() { w.depth, w.inStr, w.esc, w.cand, w.typed = depth, inStr, esc, cand, typed }()
	i := 0
	for i < len(b) {
		if inStr {
			if esc {
				esc, cand = false, -1 // (an escaped key is not looked into)
				i++
				continue
			}
			if cand >= 0 {
				// "type" cut by the end of a read, matched byte by byte
				c := b[i]
				switch {
				case c == '"':
					inStr = false
					typed = cand == len("type") && w.counts(depth)
					i++
					continue
				case cand < len("type") && c|0x20 == "type"[cand]:
					cand++
					i++
					continue
				}
				cand = -1
			}
			// the rest of the string, eight bytes at a time (a line
			// break in it ends a JSONL record whatever was open)
			for i+8 <= len(b) {
				if m := quoteOrControl(word(b, i)); m != 0 {
					i += bits.TrailingZeros64(m) >> 3
					goto stop
				}
				i += 8
			}
			for i < len(b) && b[i] >= 0x20 && b[i] != '"' && b[i] != '\\' {
				i++
			}
			if i == len(b) {
				return false
			}
		stop:
			switch b[i] {
			case '"':
				inStr, typed = false, false
			case '\\':
				esc = true
			case '\n':
				if lines {
					depth, inStr = 0, false
				}
			}
			i++
			continue
		}
		switch c := b[i]; c {
		case ' ':
			// (a pretty-printed file's indentation, eight at a time)
			for i++; i+8 <= len(b) && word(b, i) == spaces8; {
				i += 8
			}
			continue
		case '"':
			inStr, typed = true, false
			i++
			if i+len("type") < len(b) {
				// the string whole in b, as nearly always: "type" or not
				if b[i+4] == '"' && b[i]|0x20 == 't' && b[i+1]|0x20 == 'y' && b[i+2]|0x20 == 'p' && b[i+3]|0x20 == 'e' {
					inStr, typed = false, w.counts(depth)
					i += len("type") + 1
				} else {
					cand = -1
				}
			} else {
				cand = 0
			}
			continue
		case ':':
			if typed {
				return true
			}
		case '{', '[':
			if depth == 0 && w.byTop {
				w.depths = 0x2A // 1, 3, 5
				if c == '[' {
					w.depths = 0x14 // 2, 4
				}
			}
			depth++
			typed = false
		case '}', ']':
			depth = max(depth-1, 0)
			typed = false
		case '\t', '\r':
		case '\n':
			if lines {
				depth, typed = 0, false
			}
		default:
			typed = false
		}
		i++
	}
	return false
}

// counts reports whether the keys of the objects open at depth are read
// as a message's type.
func (w *typeWatch) counts(depth int) bool {
	return depth < 64 && w.depths&(1<<depth) != 0
}

// spaces8 is eight spaces as a little-endian word (see word).
const spaces8 = 0x2020202020202020
