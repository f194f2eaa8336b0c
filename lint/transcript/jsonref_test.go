package transcript

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

// jsonReaderRef is the JSON reader as it was before jsonParser: tokens from
// encoding/json, every top-level object read whole. The differential tests
// hold jsonReader to it. encoding/json reads invalid UTF-8 in a string as
// U+FFFD; the reference looks at each string token's bytes in the input
// instead (see refStream.token).
type jsonReaderRef struct{}

func (jsonReaderRef) Read(ctx context.Context, src *Source, sink lint.Sink) error {
	w, err := newJSONWalker(ctx, src, sink)
	if err != nil {
		return err
	}
	st := &refStream{jsonStream: newJSONStream(src), recode: src.mixed != nil && src.mixed.primary == nil}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		tok, line, _, err := st.token()
		if err == io.EOF {
			if w.records == 0 {
				return errNoJSONMessages
			}
			return nil
		}
		if err != nil {
			return st.fail(err)
		}
		switch tok {
		case json.Delim('['):
			if w.steps != nil && !w.steps[0].iter {
				return fmt.Errorf("line %d: the file holds an array, but the messages path %q starts with a key", line, pathString(w.steps))
			}
			for st.dec.More() {
				if err := ctx.Err(); err != nil {
					return err
				}
				n, err := st.value(0)
				if err != nil {
					return st.fail(err)
				}
				w.outer++
				w.at = "[]"
				if err := w.element(n); err != nil {
					return err
				}
			}
			if _, _, _, err := st.token(); err != nil { // ]
				if err == io.EOF {
					err = io.ErrUnexpectedEOF // the array is cut short
				}
				return st.fail(err)
			}
		case json.Delim('{'):
			n, err := st.container(tok.(json.Delim), line, 1)
			if err != nil {
				if err == io.EOF {
					err = io.ErrUnexpectedEOF // the object is cut short
				}
				return st.fail(err)
			}
			if err := w.top(n); err != nil {
				return err
			}
		default:
			return fmt.Errorf("line %d: expected a JSON array or object at the top, got %s", line, describeToken(tok))
		}
	}
}

// withReference runs fn with the "json" format read by jsonReaderRef.
func withReference(fn func()) {
	f := formats["json"]
	saved := f.New
	f.New = func() Reader { return jsonReaderRef{} }
	defer func() { f.New = saved }()
	fn()
}

// describeToken names a top-level token in the reference's error.
func describeToken(t json.Token) string {
	switch v := t.(type) {
	case string:
		return fmt.Sprintf("the string %q", v)
	case nil:
		return "null"
	case json.Delim:
		return string(v)
	case *jsonOver:
		return v.describe()
	}
	return fmt.Sprintf("%v", t)
}

// refStream is the reference's token stream.
type refStream struct {
	*jsonStream
	// recode: the file was guessed to be UTF-8 (read a string that is not
	// as GB18030 or Big5 when one of them reads it cleanly)
	recode bool
}

// token returns the next token, the line it ends on, and whether it is a
// string that is not valid UTF-8: the input bytes the decoder took for it
// (with the white space, commas and colons before it; outside strings
// invalid UTF-8 is a syntax error) are checked, and, when recode allows,
// read as GB18030 or Big5 as Source.recode reads a line.
func (s *refStream) token() (json.Token, int, bool, error) {
	tok, err := s.read()
	if err != nil {
		return nil, 0, false, err
	}
	off := s.offset()
	lc := s.lc
	if _, ok := tok.(*jsonOver); ok {
		return tok, lc.lineAt(off), false, nil
	}
	k := min(max(off-lc.base, 0), int64(len(lc.buf)-lc.pos))
	raw := lc.buf[lc.pos : lc.pos+int(k)]
	bad := false
	if _, ok := tok.(string); ok && !utf8.Valid(raw) {
		bad = true
		content := raw[bytes.IndexByte(raw, '"')+1 : len(raw)-1]
		if text, _, ok := recodeLine(content); ok && s.recode {
			var v string
			if json.Unmarshal(append(append([]byte{'"'}, text...), '"'), &v) == nil {
				tok, bad = v, false
			}
		}
	}
	return tok, lc.lineAt(off), bad, nil
}

// value reads one whole value.
func (s *refStream) value(depth int) (*jnode, error) {
	tok, line, bad, err := s.token()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	if d, ok := tok.(json.Delim); ok {
		return s.container(d, line, depth+1)
	}
	n := scalarNode(tok, line)
	if bad {
		n.odd |= oddBad
	}
	return n, nil
}

// container reads the rest of an object or array whose opening delimiter
// has been read; it is bad when a key or an element is.
func (s *refStream) container(d json.Delim, line, depth int) (*jnode, error) {
	if depth > maxJSONDepth {
		return nil, fmt.Errorf("nested more than %d levels deep", maxJSONDepth)
	}
	n := &jnode{line: line}
	switch d {
	case '{':
		n.kind = '{'
		for s.dec.More() {
			tok, _, bad, err := s.token()
			if err != nil {
				return nil, err
			}
			key, _ := tok.(string)
			if o, ok := tok.(*jsonOver); ok {
				n.noteOver(o, o)
			}
			v, err := s.value(depth)
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, key)
			n.vals = append(n.vals, v)
			if bad || v.odd&oddBad != 0 {
				n.odd |= oddBad
			}
			n.noteOver(v.firstOver(), nil)
		}
	case '[':
		n.kind = '['
		for s.dec.More() {
			v, err := s.value(depth)
			if err != nil {
				return nil, err
			}
			n.vals = append(n.vals, v)
			if v.odd&oddBad != 0 {
				n.odd |= oddBad
			}
			n.noteOver(v.firstOver(), nil)
		}
	default:
		return nil, fmt.Errorf("unexpected %q", string(d))
	}
	if _, _, _, err := s.token(); err != nil { // the closing delimiter
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return n, nil
}

// scalarNode is the node of a scalar token.
func scalarNode(tok json.Token, line int) *jnode {
	n := &jnode{line: line}
	switch v := tok.(type) {
	case string:
		n.kind, n.s = 's', v
	case json.Number:
		n.kind, n.s = 'n', v.String()
	case bool:
		n.kind = 'b'
		n.s = "false"
		if v {
			n.s = "true"
		}
	case float64:
		n.kind, n.s = 'n', fmt.Sprint(v)
	case *jsonOver:
		n.kind = 'n'
		n.noteOver(v, nil)
		if v.str {
			n.kind = 's'
		}
	default:
		n.kind = '0'
	}
	return n
}
