package report

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/chatlint/chatlint/lint"
)

// jsonArray writes a JSON array to w element by element, byte for byte as
// encoding/json writes the whole slice (HTML characters not escaped;
// indented by two spaces a level after prefix when indent is set): for
// arrays as long as the input, such as the malformed records, which are
// never held whole.
type jsonArray struct {
	w      io.Writer
	indent bool
	prefix string
	n      int
	buf    bytes.Buffer
	enc    *json.Encoder
	out    []byte
	err    error
}

func newJSONArray(w io.Writer, indent bool, prefix string) *jsonArray {
	a := &jsonArray{w: w, indent: indent, prefix: prefix}
	a.enc = json.NewEncoder(&a.buf)
	a.enc.SetEscapeHTML(false)
	if indent {
		a.enc.SetIndent(prefix+"  ", "  ")
	}
	return a
}

// add writes the next element.
func (a *jsonArray) add(v any) error {
	if a.err != nil {
		return a.err
	}
	if a.n == 0 {
		a.out = append(a.out, '[')
	} else {
		a.out = append(a.out, ',')
	}
	a.n++
	if a.indent {
		a.out = append(append(append(a.out, '\n'), a.prefix...), "  "...)
	}
	a.buf.Reset()
	if a.err = a.enc.Encode(v); a.err != nil {
		return a.err
	}
	a.out = append(a.out, bytes.TrimSuffix(a.buf.Bytes(), []byte{'\n'})...)
	if len(a.out) >= flushAt {
		_, a.err = a.w.Write(a.out)
		a.out = a.out[:0]
	}
	return a.err
}

// end writes the end of the array ("[]" if it had no elements).
func (a *jsonArray) end() error {
	if a.err != nil {
		return a.err
	}
	switch {
	case a.n == 0:
		a.out = append(a.out, "[]"...)
	case a.indent:
		a.out = append(append(append(a.out, '\n'), a.prefix...), ']')
	default:
		a.out = append(a.out, ']')
	}
	_, a.err = a.w.Write(a.out)
	a.out = a.out[:0]
	return a.err
}

// writeErrorsJSON writes the malformed records as a JSON array of
// JSONError, one at a time.
func writeErrorsJSON(w io.Writer, errs lint.RecordErrors, indent bool, prefix string) error {
	a := newJSONArray(w, indent, prefix)
	err := errs.Each(func(e lint.RecordError) error {
		return a.add(JSONError{File: lint.DecodedName(e.Pos.File), FileBytes: fileBytes(e.Pos.File), Line: e.Pos.Line, Column: e.Col, Error: e.Err})
	})
	if err != nil {
		return err
	}
	return a.end()
}
