package report

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// sarifResult writes res as encoding/json (SetEscapeHTML(false),
// SetIndent(e.prefix, "  ")) writes it, without reflection or allocations
// once the buffer has grown: SARIF results are most of a SARIF log, and
// encoding them through encoding/json took a third of a large run.
// TestSARIFEncoderMatchesEncodingJSON holds the two together. e must be an
// indented encoder; the bytes returned are valid until its next use.
func (e *convEncoder) sarifResult(res *SARIFResult) ([]byte, error) {
	e.b, e.err = e.b[:0], nil
	e.b = append(e.b, '{')
	e.key(1, `"ruleId":`)
	e.b = appendJSONString(e.b, res.RuleID)
	if res.RuleIndex != nil {
		e.next(1, `"ruleIndex":`)
		e.b = strconv.AppendInt(e.b, int64(*res.RuleIndex), 10)
	}
	e.next(1, `"level":`)
	e.b = appendJSONString(e.b, res.Level)
	e.next(1, `"message":`)
	e.sarifText(1, res.Message.Text)
	e.next(1, `"locations":`)
	switch {
	case res.Locations == nil:
		e.b = append(e.b, "null"...)
	case len(res.Locations) == 0:
		e.b = append(e.b, "[]"...)
	default:
		e.b = append(e.b, '[')
		for i := range res.Locations {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.newline(2)
			e.b = append(e.b, '{')
			e.key(3, `"physicalLocation":`)
			e.sarifPhysical(3, &res.Locations[i].PhysicalLocation)
			e.newline(2)
			e.b = append(e.b, '}')
		}
		e.newline(1)
		e.b = append(e.b, ']')
	}
	e.next(1, `"partialFingerprints":`)
	e.sarifMap(1, res.PartialFingerprints)
	e.next(1, `"properties":`)
	p := &res.Properties
	e.b = append(e.b, '{')
	e.key(2, `"conversation":`)
	e.b = appendJSONString(e.b, p.Conversation)
	e.next(2, `"type":`)
	e.b = appendJSONString(e.b, p.Type)
	for _, f := range [...]struct{ key, v string }{
		{`"agent":`, p.Agent}, {`"role":`, p.Role}, {`"sender":`, p.Sender}, {`"time":`, p.Time},
	} {
		if f.v != "" {
			e.next(2, f.key)
			e.b = appendJSONString(e.b, f.v)
		}
	}
	e.next(2, `"text":`)
	e.b = appendJSONString(e.b, p.Text)
	if p.Match != "" {
		e.next(2, `"match":`)
		e.b = appendJSONString(e.b, p.Match)
	}
	if p.Column != 0 {
		e.next(2, `"column":`)
		e.b = strconv.AppendInt(e.b, int64(p.Column), 10)
	}
	if p.Suggestion != "" {
		e.next(2, `"suggestion":`)
		e.b = appendJSONString(e.b, p.Suggestion)
	}
	e.next(2, `"deduct":`)
	e.float(p.Deduct)
	if p.Fatal {
		e.next(2, `"fatal":`)
		e.b = append(e.b, "true"...)
	}
	e.next(2, `"severity":`)
	e.b = appendJSONString(e.b, p.Severity)
	if p.Source != "" {
		e.next(2, `"source":`)
		e.b = appendJSONString(e.b, p.Source)
	}
	if p.Sheet != "" {
		e.next(2, `"sheet":`)
		e.b = appendJSONString(e.b, p.Sheet)
	}
	e.newline(1)
	e.b = append(e.b, '}')
	if len(res.Fixes) > 0 {
		// (a canned-reply library's results alone have any: through
		// encoding/json)
		e.next(1, `"fixes":`)
		e.jsonValue(1, res.Fixes)
	}
	e.newline(0)
	e.b = append(e.b, '}')
	return e.b, e.err
}

// jsonValue writes v as encoding/json writes it, indented as a value
// whose key is at depth.
func (e *convEncoder) jsonValue(depth int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(e.prefix+strings.Repeat("  ", depth), "  ")
	if err := enc.Encode(v); err != nil {
		e.err = err
		return
	}
	e.b = append(e.b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}

// sarifText writes a SARIFText object whose key is at depth.
func (e *convEncoder) sarifText(depth int, text string) {
	e.b = append(e.b, '{')
	e.key(depth+1, `"text":`)
	e.b = appendJSONString(e.b, text)
	e.newline(depth)
	e.b = append(e.b, '}')
}

// sarifPhysical writes a physical location whose key is at depth.
func (e *convEncoder) sarifPhysical(depth int, l *SARIFPhysicalLocation) {
	e.b = append(e.b, '{')
	e.key(depth+1, `"artifactLocation":`)
	e.b = append(e.b, '{')
	e.key(depth+2, `"uri":`)
	e.b = appendJSONString(e.b, l.ArtifactLocation.URI)
	if d := l.ArtifactLocation.Description; d != nil {
		e.next(depth+2, `"description":`)
		e.sarifText(depth+2, d.Text)
	}
	e.newline(depth + 1)
	e.b = append(e.b, '}')
	if r := l.Region; r != nil {
		e.next(depth+1, `"region":`)
		e.b = append(e.b, '{')
		e.key(depth+2, `"startLine":`)
		e.b = strconv.AppendInt(e.b, int64(r.StartLine), 10)
		if r.StartColumn != 0 {
			e.next(depth+2, `"startColumn":`)
			e.b = strconv.AppendInt(e.b, int64(r.StartColumn), 10)
		}
		if r.EndColumn != 0 {
			e.next(depth+2, `"endColumn":`)
			e.b = strconv.AppendInt(e.b, int64(r.EndColumn), 10)
		}
		if r.Snippet != nil {
			e.next(depth+2, `"snippet":`)
			e.sarifText(depth+2, r.Snippet.Text)
		}
		e.newline(depth + 1)
		e.b = append(e.b, '}')
	}
	e.newline(depth)
	e.b = append(e.b, '}')
}

// sarifMap writes a string map (keys sorted, as encoding/json sorts them)
// whose key is at depth.
func (e *convEncoder) sarifMap(depth int, m map[string]string) {
	switch {
	case m == nil:
		e.b = append(e.b, "null"...)
		return
	case len(m) == 0:
		e.b = append(e.b, "{}"...)
		return
	}
	var one [1]string // a result's fingerprints: one key, no allocation
	keys := one[:0]
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.b = append(e.b, '{')
	for i, k := range keys {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.newline(depth + 1)
		e.b = appendJSONString(e.b, k)
		e.b = append(e.b, ": "...)
		e.b = appendJSONString(e.b, m[k])
	}
	e.newline(depth)
	e.b = append(e.b, '}')
}
