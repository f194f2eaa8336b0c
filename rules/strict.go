package rules

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/chatlint/chatlint/internal/suggest"
)

// PosError is a problem at a place in a pack file.
type PosError struct {
	File   string
	Line   int
	Column int
	Msg    string
}

// Error formats the problem as file:line:column: message.
func (e *PosError) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

func posErrorf(n *yaml.Node, format string, args ...any) *PosError {
	e := &PosError{Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	return e
}

// LoadError collects every problem found in the packs of one load.
type LoadError struct {
	Errs []*PosError
}

// Error lists the problems, one per line.
func (e *LoadError) Error() string {
	var b strings.Builder
	for i, pe := range e.Errs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(pe.Error())
	}
	return b.String()
}

// shapeCheckers validate the YAML node of types that decode themselves.
var shapeCheckers = map[reflect.Type]func(n *yaml.Node) *PosError{
	reflect.TypeOf(StringList(nil)): func(n *yaml.Node) *PosError {
		if n.Kind == yaml.ScalarNode {
			return nil
		}
		if n.Kind == yaml.SequenceNode {
			for _, c := range n.Content {
				if c.Kind != yaml.ScalarNode {
					return posErrorf(c, "expected a string")
				}
				if c.Tag == "!!null" {
					return posErrorf(c, "empty list item")
				}
			}
			return nil
		}
		return posErrorf(n, "expected a string or a list of strings")
	},
	reflect.TypeOf(Duration(0)): func(n *yaml.Node) *PosError {
		if n.Kind != yaml.ScalarNode {
			return posErrorf(n, "expected a duration such as 20s, 30m or 1h")
		}
		if _, err := ParseDuration(n.Value); err != nil {
			return posErrorf(n, "%v", err)
		}
		return nil
	},
	reflect.TypeOf(Grades(nil)): func(n *yaml.Node) *PosError {
		if n.Kind != yaml.MappingNode {
			return posErrorf(n, "grades must be a mapping of grade name to minimum score, e.g. {优秀: 95, 良好: 85}")
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v := n.Content[i+1]
			if min, err := strconv.ParseFloat(v.Value, 64); v.Kind != yaml.ScalarNode || err != nil || math.IsNaN(min) || math.IsInf(min, 0) {
				return posErrorf(v, "grade %q: minimum score must be a number", n.Content[i].Value)
			}
		}
		return nil
	},
}

// checkShape walks a YAML node against the Go type it will be decoded into
// and reports, with line and column, every unknown key, every value of the
// wrong kind and every duplicate key. It is what makes pack decoding strict.
func checkShape(n *yaml.Node, t reflect.Type, errs *[]*PosError) {
	shape(n, t, errs, &shapeWalk{open: map[*yaml.Node]bool{}})
}

// shapeWalk is what checkShape keeps while it walks: the anchored values
// being walked, so that an alias inside the value it names (when: &a {not:
// *a}) is an error, not an endless walk; and the nodes walked, all and
// through an alias, so that aliases of aliases (a billion laughs) stop the
// walk as the YAML decoder would stop decoding them.
type shapeWalk struct {
	open                   map[*yaml.Node]bool
	nodes, aliased, inside int
	at                     *yaml.Node // the outermost alias walked through
	tooMany                bool
}

// yamlFields returns the keys of struct type t (its exported fields' yaml
// tags) with their types, and the keys sorted; once per type, as every
// mapping of a pack is checked against its type.
func yamlFields(t reflect.Type) (map[string]reflect.Type, []string) {
	if f, ok := yamlFieldsOf.Load(t); ok {
		f := f.(*structKeys)
		return f.fields, f.names
	}
	f := &structKeys{fields: map[string]reflect.Type{}}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if tag == "" || tag == "-" || !sf.IsExported() {
			continue
		}
		f.fields[tag] = sf.Type
		f.names = append(f.names, tag)
	}
	sort.Strings(f.names)
	yamlFieldsOf.Store(t, f)
	return f.fields, f.names
}

// structKeys are the keys of a struct type (yamlFields); yamlFieldsOf holds
// them by type.
type structKeys struct {
	fields map[string]reflect.Type
	names  []string
}

var yamlFieldsOf sync.Map

// shape is checkShape.
func shape(n *yaml.Node, t reflect.Type, errs *[]*PosError, w *shapeWalk) {
	if w.tooMany {
		return
	}
	alias := n
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		if w.open[n.Alias] {
			*errs = append(*errs, posErrorf(n, "alias *%s is used inside the value it names", n.Value))
			return
		}
		n = n.Alias
	}
	if n != alias {
		if w.inside == 0 {
			w.at = alias
		}
		w.inside++
		defer func() { w.inside-- }()
	}
	if w.nodes++; w.inside > 0 {
		w.aliased++
	}
	// the YAML decoder's limit (go.yaml.in/yaml/v3 allowedAliasRatio)
	if w.aliased > 100 && w.nodes > 1000 && float64(w.aliased)/float64(w.nodes) > aliasRatio(w.nodes) {
		*errs = append(*errs, posErrorf(w.at, "alias *%s repeats too much (aliases of aliases): the values it stands for would fill the file many times over", w.at.Value))
		w.tooMany = true
		return
	}
	if n.Anchor != "" {
		w.open[n] = true
		defer delete(w.open, n)
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // an empty value: the zero value
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if chk, ok := shapeCheckers[t]; ok {
		if e := chk(n); e != nil {
			*errs = append(*errs, e)
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			*errs = append(*errs, posErrorf(n, "expected a mapping (key: value), got %s", kindName(n)))
			return
		}
		fields, names := yamlFields(t)
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.AliasNode && k.Alias != nil && k.Alias.Kind == yaml.ScalarNode {
				// *name as a key: the name it stands for, placed here
				k = &yaml.Node{Kind: yaml.ScalarNode, Value: k.Alias.Value, Line: k.Line, Column: k.Column}
			}
			if k.Kind != yaml.ScalarNode {
				// (? [a, b]: a complex key, whose Value is "")
				*errs = append(*errs, posErrorf(k, "a key is a name, not %s", kindName(k)))
				continue
			}
			if first, dup := seen[k.Value]; dup {
				*errs = append(*errs, posErrorf(k, "key %q given twice (first on line %d)", k.Value, first))
				continue
			}
			seen[k.Value] = k.Line
			ft, ok := fields[k.Value]
			if !ok && strings.HasPrefix(k.Value, "x-") {
				// an extension key, as in Compose files: ignored, a
				// place for anchors (x-defaults: &d {…}, then <<: *d)
				continue
			}
			if !ok {
				msg := fmt.Sprintf("unknown key %q", k.Value)
				if s := closest(k.Value, names); s != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", s)
				} else {
					msg += " (known keys: " + strings.Join(names, ", ") + ")"
				}
				*errs = append(*errs, posErrorf(k, "%s", msg))
				continue
			}
			shape(v, ft, errs, w)
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			*errs = append(*errs, posErrorf(n, "expected a list, got %s%s", kindName(n), asList(n)))
			return
		}
		et := t.Elem()
		for et.Kind() == reflect.Pointer {
			et = et.Elem()
		}
		for _, c := range n.Content {
			// yaml.v3 drops a null item from a list of strings: a phrase
			// list's `-` with nothing after it would vanish, and the
			// positions of the errors in the items after it with it
			if c.Kind == yaml.ScalarNode && c.Tag == "!!null" {
				*errs = append(*errs, posErrorf(c, "empty list item"))
				continue
			}
			shape(c, t.Elem(), errs, w)
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			*errs = append(*errs, posErrorf(n, "expected a mapping, got %s", kindName(n)))
			return
		}
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if first, dup := seen[k.Value]; dup {
				*errs = append(*errs, posErrorf(k, "key %q given twice (first on line %d)", k.Value, first))
			}
			seen[k.Value] = k.Line
			v := n.Content[i+1]
			for v.Kind == yaml.AliasNode && v.Alias != nil {
				v = v.Alias
			}
			if v.Kind == yaml.ScalarNode && v.Tag == "!!null" && isStruct(t.Elem()) {
				// A key with no value (or null) would decode to a nil
				// pointer that nothing expects: say so rather than guess.
				*errs = append(*errs, posErrorf(k, "%q has no value (expected a mapping such as {disable: true})", k.Value))
				continue
			}
			shape(n.Content[i+1], t.Elem(), errs, w)
		}
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			*errs = append(*errs, posErrorf(n, "expected a string, got %s", kindName(n)))
		}
	case reflect.Float64, reflect.Float32, reflect.Int, reflect.Int64:
		if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
			if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && outOfRange(n.Value) {
				*errs = append(*errs, posErrorf(n, "number %s is out of range", n.Value))
			} else {
				*errs = append(*errs, posErrorf(n, "expected a number, got %s", kindName(n)))
			}
		} else if t.Kind() == reflect.Int || t.Kind() == reflect.Int64 {
			// yaml.v3 would cut 2.5 down to 2 without a word, and name
			// neither the column nor the key of a number out of range
			if !whole(n.Value, t.Bits()) {
				if f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); err == nil && f == math.Trunc(f) {
					*errs = append(*errs, posErrorf(n, "number %s is out of range", n.Value))
				} else {
					*errs = append(*errs, posErrorf(n, "expected a whole number, got %s", kindName(n)))
				}
			}
		} else if !finite(n) {
			// .nan and .inf are YAML floats, but no score, deduction or
			// bonus can be one: a report could not print the score
			*errs = append(*errs, posErrorf(n, "expected a finite number, got %s", kindName(n)))
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			*errs = append(*errs, posErrorf(n, "expected true or false, got %s", kindName(n)))
		}
	}
}

// outOfRange reports whether s is a number too large for a float64 (which
// YAML resolves to a string).
func outOfRange(s string) bool {
	_, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	return errors.Is(err, strconv.ErrRange)
}

// whole reports whether a number scalar's value is a whole number that fits
// a signed integer of bits bits.
func whole(s string, bits int) bool {
	limit := math.Ldexp(1, bits-1)
	var i int64
	if err := (&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: s}).Decode(&i); err == nil {
		return float64(i) >= -limit && float64(i) < limit
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	return err == nil && f == math.Trunc(f) && f >= -limit && f < limit
}

// finite reports whether a number scalar is finite (not .nan, .inf or
// -.inf).
func finite(n *yaml.Node) bool {
	var f float64
	if err := n.Decode(&f); err != nil {
		return true // not a float: the decoder says what is wrong
	}
	return !math.IsNaN(f) && !math.IsInf(f, 0)
}

// isStruct reports whether t is a struct or a pointer to one.
func isStruct(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct
}

// asList suggests, for a single value written where a list belongs
// (packs: ecommerce, phrases: 不知道), the list of that one value; "" for
// anything else.
func asList(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" || strings.TrimSpace(n.Value) == "" {
		return ""
	}
	v := n.Value
	if strings.ContainsAny(v, ":,[]{}#&*!|>'\"%@`") || strings.TrimSpace(v) != v || strings.HasPrefix(v, "-") || strings.HasPrefix(v, "?") {
		v = strconv.Quote(v)
	}
	return fmt.Sprintf(" (a list of one is written [%s], or as a line of its own starting with \"- \")", v)
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

// Closest returns the name nearest to a misspelt one, or "" when none is
// plausibly what was meant: the "did you mean" of unknown keys, rule ids,
// pack names, commands and flags. See closest.
func Closest(s string, names []string) string { return closest(s, names) }

// closest returns the known key nearest to a misspelt one, or "". A name
// is near when it is at most two edits away and those edits change no
// more than half of what was typed: one letter is no misspelling of "at",
// nor "ba" of "base", though "bas" is.
func closest(s string, names []string) string {
	best, bestD := "", 3
	typed := utf8.RuneCountInString(s)
	for _, n := range names {
		if d := suggest.EditDistance(s, n); d < bestD && 2*d <= typed {
			best, bestD = n, d
		}
	}
	return best
}

// DecodeStrict decodes one YAML document into v, reporting unknown keys and
// values of the wrong kind with file:line:column (all of them, in a
// *LoadError). Used for .chatlint.yaml as well as for packs.
func DecodeStrict(file string, data []byte, v any) error {
	// UTF-16 is read as UTF-8, as a pack is (see fromUTF16)
	data, e := fromUTF16(data)
	if e != nil {
		e.File = file
		return &LoadError{Errs: []*PosError{e}}
	}
	if e := notUTF8(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))); e != nil {
		e.File = file
		return &LoadError{Errs: []*PosError{e}}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc, extra yaml.Node
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		return nil // empty file
	} else if err != nil {
		e := syntaxError(data, err)
		e.File = file
		return &LoadError{Errs: []*PosError{e}}
	}
	// a second document would never be read: its settings would silently
	// do nothing
	if err := dec.Decode(&extra); err == nil {
		e := posErrorf(&extra, "the file holds one YAML document; found a second one")
		e.File = file
		return &LoadError{Errs: []*PosError{e}}
	} else if !errors.Is(err, io.EOF) {
		e := syntaxError(data, err)
		e.File = file
		return &LoadError{Errs: []*PosError{e}}
	}
	if doc.Kind == 0 {
		return nil // empty file
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	var errs []*PosError
	expandMerges(root, &errs)
	if len(errs) == 0 {
		checkShape(root, reflect.TypeOf(v).Elem(), &errs)
	}
	if len(errs) == 0 {
		if err := root.Decode(v); err != nil {
			var pe *PosError
			if !errors.As(err, &pe) {
				pe = yamlSyntaxError(err)
			}
			errs = append(errs, pe)
		}
	}
	for _, e := range errs {
		e.File = file
	}
	if len(errs) > 0 {
		return &LoadError{Errs: errs}
	}
	return nil
}

// aliasRatio is the share of the nodes walked that may come through
// aliases: 99% of a small document, falling to 10% of a large one.
func aliasRatio(nodes int) float64 {
	const low, high = 400000, 4000000
	switch {
	case nodes <= low:
		return 0.99
	case nodes >= high:
		return 0.10
	}
	return 0.99 - 0.89*float64(nodes-low)/float64(high-low)
}

// expandMerges writes into every mapping the keys its YAML merge keys bring
// (<<: *name, or a list of them: the first that has a key gives it), after
// the mapping's own keys, which win; the merged key and value nodes keep
// the place they are written at, so errors in them point at the anchored
// text. The checks that follow see plain mappings: a merge key is no
// unknown key, and a merged `type` or `phrases` counts as the rule's own.
func expandMerges(root *yaml.Node, errs *[]*PosError) {
	// open are the nodes being walked: a merge of one of them is a value
	// merged into itself (when: &w {any_of: [{<<: *w}]}), endless to walk
	done, open := map[*yaml.Node]bool{}, map[*yaml.Node]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		// (a scalar, most of the nodes, has nothing to walk or merge; only
		// a mapping can be merged into itself)
		if n == nil || n.Kind == yaml.ScalarNode || done[n] {
			return
		}
		done[n] = true
		if n.Kind == yaml.AliasNode {
			walk(n.Alias)
			return
		}
		if n.Kind != yaml.MappingNode {
			for _, c := range n.Content {
				walk(c)
			}
			return
		}
		open[n] = true
		defer delete(open, n)
		for _, c := range n.Content {
			walk(c)
		}
		if !hasMergeKey(n) {
			return
		}
		var own, merged []*yaml.Node
		var sources, names []*yaml.Node // the mappings merged, and the nodes naming them
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if !isMergeKey(k) {
				own = append(own, k, v)
				continue
			}
			list := []*yaml.Node{v}
			if deref(v).Kind == yaml.SequenceNode {
				list = deref(v).Content
			}
			for _, s := range list {
				if deref(s).Kind != yaml.MappingNode {
					*errs = append(*errs, posErrorf(v, "<< (a merge key) takes a mapping, an alias of one (<<: *name) or a list of them"))
					list = nil
					break
				}
				if open[deref(s)] {
					*errs = append(*errs, posErrorf(s, "alias *%s is used inside the value it names", s.Value))
					list = nil
					break
				}
			}
			for _, s := range list {
				sources, names = append(sources, deref(s)), append(names, s)
			}
		}
		if len(own) == len(n.Content) {
			return
		}
		has := map[string]bool{}
		for i := 0; i < len(own); i += 2 {
			has[own[i].Value] = true
		}
		for j, s := range sources {
			for i := 0; i+1 < len(s.Content); i += 2 {
				k, v := s.Content[i], s.Content[i+1]
				if isMergeKey(k) || has[k.Value] {
					continue
				}
				has[k.Value] = true
				if deref(v).Kind != yaml.ScalarNode {
					// a list or mapping comes in as through an alias
					// (where the merge names it), so that merges of
					// merges count as aliases of aliases do
					v = &yaml.Node{Kind: yaml.AliasNode, Alias: deref(v), Value: cmp.Or(names[j].Value, s.Anchor, "<<"),
						Line: names[j].Line, Column: names[j].Column}
				}
				merged = append(merged, k, v)
			}
		}
		n.Content = append(own, merged...)
	}
	walk(root)
}

// hasMergeKey reports whether mapping n has a merge key.
func hasMergeKey(n *yaml.Node) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if isMergeKey(n.Content[i]) {
			return true
		}
	}
	return false
}

// isMergeKey reports whether a mapping key is YAML's merge key, a plain <<.
func isMergeKey(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.Value == "<<" && k.ShortTag() == "!!merge"
}

// deref follows aliases to the node they name.
func deref(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}
