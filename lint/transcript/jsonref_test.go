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
