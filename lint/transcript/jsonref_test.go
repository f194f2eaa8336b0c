package transcript

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/chatlint/chatlint/lint"
)

// jsonReaderRef is the JSON reader as it was before jsonParser: tokens from
// encoding/json, every top-level object read whole. The differential tests
// hold jsonReader to it.
type jsonReaderRef struct{}

func (jsonReaderRef) Read(ctx context.Context, src *Source, sink lint.Sink) error {
	w, err := newJSONWalker(ctx, src, sink)
	if err != nil {
		return err
	}
	st := newJSONStream(src)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		tok, line, err := st.token()
		if err == io.EOF {
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
			if _, _, err := st.token(); err != nil { // ]
				return st.fail(err)
			}
		case json.Delim('{'):
			n, err := st.container(tok.(json.Delim), line, 1)
			if err != nil {
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
	}
	return fmt.Sprintf("%v", t)
}

// value reads one whole value.
func (s *jsonStream) value(depth int) (*jnode, error) {
	tok, line, err := s.token()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	if d, ok := tok.(json.Delim); ok {
		return s.container(d, line, depth+1)
	}
	return scalarNode(tok, line), nil
}

// container reads the rest of an object or array whose opening delimiter
// has been read.
func (s *jsonStream) container(d json.Delim, line, depth int) (*jnode, error) {
	if depth > maxJSONDepth {
		return nil, fmt.Errorf("nested more than %d levels deep", maxJSONDepth)
	}
	n := &jnode{line: line}
	switch d {
	case '{':
		n.kind = '{'
		for s.dec.More() {
			tok, _, err := s.token()
			if err != nil {
				return nil, err
			}
			key, _ := tok.(string)
			v, err := s.value(depth)
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, key)
			n.vals = append(n.vals, v)
		}
	case '[':
		n.kind = '['
		for s.dec.More() {
			v, err := s.value(depth)
			if err != nil {
				return nil, err
			}
			n.vals = append(n.vals, v)
		}
	default:
		return nil, fmt.Errorf("unexpected %q", string(d))
	}
	if _, _, err := s.token(); err != nil { // the closing delimiter
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
	default:
		n.kind = '0'
	}
	return n
}
