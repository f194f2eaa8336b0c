package rules

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"hash/crc32"
	"os"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// updatePacks makes TestBuiltinGenerated write builtin_gen.go (go generate
// passes it, so that generating needs no shell to set UPDATE_PACKS).
var updatePacks = flag.Bool("update-packs", false, "write builtin_gen.go from the built-in packs' YAML")

// TestBuiltinGenerated holds builtin_gen.go to what decoding the embedded
// YAML of the built-in packs gives (writeBuiltinGen); with UPDATE_PACKS=1,
// -update-packs or go generate ./rules it writes it again.
func TestBuiltinGenerated(t *testing.T) {
	src := builtinGenSource(t)
	if os.Getenv("UPDATE_PACKS") != "" || *updatePacks {
		if err := os.WriteFile("builtin_gen.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Log("wrote builtin_gen.go: build and run the test again to check it")
		return
	}
	have, err := os.ReadFile("builtin_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, src) {
		t.Errorf("builtin_gen.go is not what the built-in packs' YAML gives: UPDATE_PACKS=1 go test ./rules -run TestBuiltinGenerated (or go generate ./rules)")
	}
	var names []string
	for _, g := range builtinGenerated {
		names = append(names, g.name)
	}
	if !slices.Equal(names, BuiltinNames()) {
		t.Errorf("generated packs %q, built-in packs %q", names, BuiltinNames())
	}
}

// TestGeneratedPacksDecoded: each built-in pack built from its generated
// form is the pack decoded from its YAML, field by field, with the same
// lines, YAML tree (parsed when asked for), sources, example and scoring
// lines, role warnings and patterns to compile ahead.
func TestGeneratedPacksDecoded(t *testing.T) {
	for _, name := range BuiltinNames() {
		g := generatedBuiltin(name)
		if g == nil {
			t.Fatalf("%s: no generated form, or one of other YAML", name)
		}
		data, _ := BuiltinSource(name)
		res := decodePack(builtinFile(name), data, true)
		if res.pack == nil || len(res.list) > 0 {
			t.Fatalf("%s: %v", name, res.list)
		}
		want, got := res.pack, g.load()
		want.Builtin = true
		if got.node != nil || got.Rules[0].node != nil {
			t.Fatalf("%s: the generated pack has its YAML tree before it is asked for", name)
		}
		if !reflect.DeepEqual(withoutNodes(got), withoutNodes(want)) {
			t.Errorf("%s: the generated pack differs from the decoded one: %s", name, firstDiff(describePack(withoutNodes(got)), describePack(withoutNodes(want))))
		}
		if !reflect.DeepEqual(got.root(), want.node) {
			t.Errorf("%s: the generated pack's YAML tree differs", name)
		}
		for _, grade := range []string{"优秀", "良好", "合格", "不合格", "x"} {
			if a, b := got.ScoringLine(grade), want.ScoringLine(grade); a != b {
				t.Errorf("%s: ScoringLine(%s) %d, want %d", name, grade, a, b)
			}
		}
		for i, r := range got.Rules {
			w := want.Rules[i]
			if r.yamlNode() != got.nodes.rules[i] || !reflect.DeepEqual(r.yamlNode(), w.node) {
				t.Errorf("%s/%s: the rule's YAML tree differs", name, r.ID)
			}
			if a, b := r.Line(), w.Line(); a != b || a == 0 {
				t.Errorf("%s/%s: line %d, want %d", name, r.ID, a, b)
			}
			for _, bad := range []bool{true, false} {
				for j := range 30 {
					if a, b := r.ExampleLine(bad, j), w.ExampleLine(bad, j); a != b {
						t.Errorf("%s/%s: ExampleLine(%v, %d) %d, want %d", name, r.ID, bad, j, a, b)
					}
				}
			}
			if a, b := (PackRule{got, r}).Source(), (PackRule{want, w}).Source(); a != b {
				t.Errorf("%s/%s: Source()\n%s\nwant\n%s", name, r.ID, a, b)
			}
			if a, b := RoleWarnings(r), RoleWarnings(w); !reflect.DeepEqual(a, b) {
				t.Errorf("%s/%s: RoleWarnings %v, want %v", name, r.ID, a, b)
			}
		}
		root := want.node
		if a, b := g.precompile, packPatterns(root, nil, map[string]bool{}); !slices.Equal(a, b) {
			t.Errorf("%s: patterns to compile ahead %q, want %q", name, a, b)
		}
		if a, b := g.patterns, patternsOf(root, "patterns", nil); !slices.Equal(a, b) {
			t.Errorf("%s: patterns to prepare %q, want %q", name, a, b)
		}
		if a, b := g.exceptPatterns, patternsOf(root, "except_patterns", nil); !slices.Equal(a, b) {
			t.Errorf("%s: except patterns to prepare %q, want %q", name, a, b)
		}
	}
}

// TestGeneratedPacksFresh: each load builds the pack anew (a loaded pack
// is its loader's: link appends its parents).
func TestGeneratedPacksFresh(t *testing.T) {
	a, err := Load(DefaultPack)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Load(DefaultPack)
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.Packs {
		if a.Packs[i] == b.Packs[i] || a.Packs[i].Rules[0] == b.Packs[i].Rules[0] {
			t.Errorf("%s: two loads share the pack", a.Packs[i].Name)
		}
		if a.Packs[i].Rules[0].Phrases != nil && &a.Packs[i].Rules[0].Phrases[0] == &b.Packs[i].Rules[0].Phrases[0] {
			t.Errorf("%s: two loads share a phrase list", a.Packs[i].Name)
		}
	}
}

// TestGeneratedBuiltinOnlyForItsYAML: a built-in name has a generated form
// exactly when it names an embedded pack; a pack whose YAML differs from
// the one it was generated from has none (it is decoded from the YAML).
func TestGeneratedBuiltinOnlyForItsYAML(t *testing.T) {
	for _, ref := range append(BuiltinNames(), "", "x", "Base", "base.yaml", ".", "..", "base ", "ecommerce/") {
		_, ok := BuiltinSource(ref)
		if g := generatedBuiltin(ref); (g != nil) != ok {
			t.Errorf("%q: generated %v, built-in %v", ref, g != nil, ok)
		}
	}
	g := &builtinGenerated[0]
	saved := *g.yaml
	defer func() { *g.yaml = saved }()
	changed := strings.Replace(saved, "deduct: 2", "deduct: 3", 1)
	if changed == saved {
		t.Fatalf("%s: no deduct: 2 to change", g.name)
	}
	*g.yaml = changed
	if generatedBuiltin(g.name) != nil {
		t.Errorf("%s: the generated form is used for YAML other than its own", g.name)
	}
}

// TestLoadGeneratedAsDecoded: loading built-in packs from their generated
// forms gives the sets loading them from their YAML gives.
func TestLoadGeneratedAsDecoded(t *testing.T) {
	decoded := func(refs ...string) *Set {
		for i := range builtinGenerated {
			defer func(size int) { builtinGenerated[i].size = size }(builtinGenerated[i].size)
			builtinGenerated[i].size = -1
		}
		set, err := Load(refs...)
		if err != nil {
			t.Fatal(err)
		}
		if set.Packs[0].node == nil {
			t.Fatal("a built-in pack loaded from its generated form")
		}
		return set
	}
	for _, refs := range [][]string{{DefaultPack}, {"retail", "callcenter"}, {"base", "ecommerce"}, BuiltinNames()} {
		want := decoded(refs...)
		got, err := Load(refs...)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := describeSet(got), describeSet(want); a != b {
			t.Errorf("%q from generated packs and from YAML: %s", refs, firstDiff(a, b))
		}
		if a, b := got.EffectiveScoring(), want.EffectiveScoring(); !reflect.DeepEqual(a, b) {
			t.Errorf("%q: scoring %v, want %v", refs, a, b)
		}
		if a, b := got.Dict(), want.Dict(); !slices.Equal(a, b) {
			t.Errorf("%q: dict %q, want %q", refs, a, b)
		}
	}
}

// firstDiff says where two texts first differ, by line.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d: %q, want %q", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(g), len(w))
}

// describeSet writes out the packs of a set with their parents and rules.
func describeSet(set *Set) string {
	var b strings.Builder
	for _, p := range set.Packs {
		fmt.Fprintf(&b, "%s %s builtin=%v parents=", p.Name, p.File, p.Builtin)
		for _, q := range p.Parents {
			b.WriteString(q.Name + " ")
		}
		b.WriteString("\n" + describePack(withoutNodes(p)) + "\n")
	}
	return b.String()
}

// describePack writes out a pack's fields (as builtin_gen.go would).
func describePack(p *Pack) string {
	var b bytes.Buffer
	q := *p
	q.Parents = nil
	writeGoValue(&b, reflect.ValueOf(&q))
	return b.String()
}

// withoutNodes returns a copy of pack p and its rules without their YAML
// trees, text and parents.
func withoutNodes(p *Pack) *Pack {
	q := *p
	q.node, q.text, q.nodes, q.Parents = nil, nil, nil, nil
	q.Rules = nil
	for _, r := range p.Rules {
		c := *r
		c.node, c.nodes, c.index = nil, nil, 0
		q.Rules = append(q.Rules, &c)
	}
	return &q
}

// builtinGenSource returns builtin_gen.go as the embedded YAML gives it.
func builtinGenSource(t *testing.T) []byte {
	var b bytes.Buffer
	b.WriteString(`// Code generated by TestBuiltinGenerated (UPDATE_PACKS=1 go test ./rules -run TestBuiltinGenerated); DO NOT EDIT.

package rules

import _ "embed"

// builtinGenerated are the built-in packs as decoding their YAML gives them
// (see generatedPack), sorted by name.
var builtinGenerated = []generatedPack{
`)
	var funcs bytes.Buffer
	var embeds bytes.Buffer
	for _, name := range BuiltinNames() {
		data, _ := BuiltinSource(name)
		res := decodePack(builtinFile(name), data, true)
		if res.pack == nil || len(res.list) > 0 {
			t.Fatalf("%s: %v", name, res.list)
		}
		id := goName(name)
		fmt.Fprintf(&embeds, "\n//go:embed %s.yaml\nvar %sYAML string\n", name, id)
		root := res.pack.node
		fmt.Fprintf(&b, "{name: %q, yaml: &%sYAML, size: %d, crc: %#08x, pack: %sPack,\n", name, id, len(data), crc32.ChecksumIEEE(data), id)
		fmt.Fprintf(&b, "precompile: %s,\n", goStrings(packPatterns(root, nil, map[string]bool{})))
		fmt.Fprintf(&b, "patterns: %s,\n", goStrings(patternsOf(root, "patterns", nil)))
		fmt.Fprintf(&b, "exceptPatterns: %s},\n", goStrings(patternsOf(root, "except_patterns", nil)))
		p := res.pack
		p.File = ""
		fmt.Fprintf(&funcs, "\n// %sPack builds built-in pack %s (rules/%s.yaml).\nfunc %sPack() *Pack {\nreturn ", id, name, name, id)
		writeGoValue(&funcs, reflect.ValueOf(p))
		funcs.WriteString("\n}\n")
	}
	b.WriteString("}\n")
	b.Write(embeds.Bytes())
	b.Write(funcs.Bytes())
	src, err := format.Source(b.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, b.Bytes())
	}
	return src
}

// goName turns a pack name into a Go identifier: call-center → callCenter.
func goName(name string) string {
	var b strings.Builder
	up := false
	for _, r := range name {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) && b.Len() > 0):
			if up {
				r = unicode.ToUpper(r)
			}
			b.WriteRune(r)
			up = false
		default:
			up = b.Len() > 0
		}
	}
	return "builtin" + strings.ToUpper(b.String()[:1]) + b.String()[1:]
}

// goStrings writes a []string literal.
func goStrings(ss []string) string {
	if ss == nil {
		return "nil"
	}
	var b bytes.Buffer
	writeGoValue(&b, reflect.ValueOf(ss))
	return b.String()
}

// writeGoValue writes v as a Go expression of package rules: a composite
// literal with the fields that are not zero (of a struct, its exported
// fields and line), nil slices and maps left out and empty ones written
// as such, pointers to numbers through ptr.
func writeGoValue(b *bytes.Buffer, v reflect.Value) { writeGo(b, v, false) }

// writeGo is writeGoValue; elide leaves out the type of a struct (or the
// &Type of a pointer to one), as the item of a slice may.
func writeGo(b *bytes.Buffer, v reflect.Value, elide bool) {
	writeGoValue := func(b *bytes.Buffer, v reflect.Value) { writeGo(b, v, false) }
	t := v.Type()
	switch t.Kind() {
	case reflect.Pointer:
		e := v.Elem()
		if e.Kind() == reflect.Struct {
			if !elide {
				b.WriteByte('&')
			}
			writeGo(b, e, elide)
			return
		}
		fmt.Fprintf(b, "ptr(%s(", typeName(e.Type()))
		writeGoValue(b, e)
		b.WriteString("))")
	case reflect.Struct:
		if !elide {
			b.WriteString(typeName(t))
		}
		b.WriteString("{")
		for i := range t.NumField() {
			f := t.Field(i)
			if (!f.IsExported() && f.Name != "line") || v.Field(i).IsZero() {
				continue
			}
			b.WriteString("\n" + f.Name + ": ")
			writeGoValue(b, v.Field(i))
			b.WriteByte(',')
		}
		b.WriteString("\n}")
	case reflect.Slice:
		b.WriteString(typeName(t) + "{")
		lines := t.Elem().Kind() == reflect.Pointer || t.Elem().Kind() == reflect.Struct
		for i := range v.Len() {
			if lines {
				b.WriteString("\n")
				writeGo(b, v.Index(i), true)
				b.WriteString(",")
				continue
			}
			if i > 0 {
				b.WriteString(", ")
			}
			writeGoValue(b, v.Index(i))
		}
		if lines {
			b.WriteString("\n")
		}
		b.WriteString("}")
	case reflect.Map:
		b.WriteString(typeName(t) + "{")
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			b.WriteString("\n")
			writeGoValue(b, k)
			b.WriteString(": ")
			writeGoValue(b, v.MapIndex(k))
			b.WriteByte(',')
		}
		b.WriteString("\n}")
	case reflect.String:
		s := strconv.Quote(v.String())
		if t.Name() != "string" {
			s = typeName(t) + "(" + s + ")"
		}
		b.WriteString(s)
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int64:
		s := strconv.FormatInt(v.Int(), 10)
		if t.Name() != "int" && t.Name() != "int64" {
			s = typeName(t) + "(" + s + ")"
		}
		b.WriteString(s)
	case reflect.Float64:
		b.WriteString(strconv.FormatFloat(v.Float(), 'g', -1, 64))
	default:
		panic(fmt.Sprintf("writeGoValue: %s", t))
	}
}

// typeName is the name of type t in package rules.
func typeName(t reflect.Type) string {
	return strings.ReplaceAll(t.String(), "rules.", "")
}

// TestWriteGoValue: what writeGoValue writes, for the kinds of value the
// pack types have, is Go that gives the value back (as far as a test can
// say without compiling it: the text it must be).
func TestWriteGoValue(t *testing.T) {
	d := 2.5
	n := 0
	for _, tt := range []struct {
		v    any
		want string
	}{
		{[]string{}, "[]string{}"},
		{[]string{"a\"b", "中"}, `[]string{"a\"b", "中"}`},
		{StringList{"agent"}, `StringList{"agent"}`},
		{&d, "ptr(float64(2.5))"},
		{&n, "ptr(int(0))"},
		{Duration(20e9), "Duration(20000000000)"},
		{map[string]string{"b": "2", "a": "1"}, "map[string]string{\n\"a\": \"1\",\n\"b\": \"2\",\n}"},
		{Grades{{"优秀", 95}}, "Grades{\n{\nName: \"优秀\",\nMin: 95,\n},\n}"},
		{[]*Side{{Type: "note"}}, "[]*Side{\n{\nType: \"note\",\n},\n}"},
		{&Side{Phrases: []string{}, Not: &Side{Type: "note"}}, "&Side{\nPhrases: []string{},\nNot: &Side{\nType: \"note\",\n},\n}"},
		{&Rule{ID: "a", line: 7, node: &yaml.Node{}, index: 3}, "&Rule{\nID: \"a\",\nline: 7,\n}"},
		{1e6, "1e+06"},
	} {
		var b bytes.Buffer
		writeGoValue(&b, reflect.ValueOf(tt.v))
		if b.String() != tt.want {
			t.Errorf("%#v: %q, want %q", tt.v, b.String(), tt.want)
		}
	}
}

// TestGeneratedNodesConcurrent: goroutines asking a generated pack for
// positions at once parse its YAML tree once and all get it (go test
// -race checks the sharing).
func TestGeneratedNodesConcurrent(t *testing.T) {
	set, err := Load(DefaultPack)
	if err != nil {
		t.Fatal(err)
	}
	rules := set.Rules()
	lines := make([]int, len(rules))
	done := make(chan struct{})
	for i, pr := range rules {
		go func() {
			defer func() { done <- struct{}{} }()
			lines[i] = pr.Rule.ExampleLine(true, 0)
			_ = pr.Source()
		}()
	}
	for range rules {
		<-done
	}
	for i, pr := range rules {
		if n := pr.Rule.yamlNode(); n == nil || lines[i] != pr.Rule.ExampleLine(true, 0) || pr.Pack.root() != pr.Pack.nodes.root {
			t.Errorf("%s: no YAML tree, or another one", pr.FullID())
		}
	}
}
