package rules

import (
	"hash/crc32"
	"sync"
	"unsafe"

	"go.yaml.in/yaml/v3"
)

//go:generate go test -run ^TestBuiltinGenerated$ . -args -update-packs

// generatedPack is a built-in pack written out as Go (builtin_gen.go, made
// by TestBuiltinGenerated from what decoding rules/NAME.yaml gives): loading
// it builds the pack without parsing its YAML at every start-up (69 KB for
// the default packs: 20 million instructions, a fifth of a run on an empty
// input). The YAML tree,
// which only error positions, `rules show` and `rules validate` ask for, is
// parsed the first time one of them does (yamlNodes).
type generatedPack struct {
	name string
	// yaml is rules/NAME.yaml as embedded; size and crc are those of the
	// YAML the pack was generated from: a pack whose YAML has changed
	// since is decoded from it, as ever (TestBuiltinGenerated fails until
	// the file is generated again).
	yaml *string
	size int
	crc  uint32
	// pack builds the pack, afresh at each call: a loaded pack is its
	// loader's (link appends its parents).
	pack func() *Pack
	// precompile, patterns and exceptPatterns are what precompilePatterns
	// finds in the pack's YAML tree: its patterns and except patterns,
	// each once, and each kind on its own.
	precompile, patterns, exceptPatterns []string
}

// generatedBuiltin returns the generated form of built-in pack name, or
// nil when there is none or it was made from YAML other than the
// embedded one.
func generatedBuiltin(name string) *generatedPack {
	for i := range builtinGenerated {
		g := &builtinGenerated[i]
		if g.name != name {
			continue
		}
		// (the YAML's bytes as they are, not a copy)
		if y := *g.yaml; len(y) != g.size || crc32.ChecksumIEEE(unsafe.Slice(unsafe.StringData(y), len(y))) != g.crc {
			return nil
		}
		return g
	}
	return nil
}

// load builds the pack, its YAML tree left to be parsed when asked for.
func (g *generatedPack) load() *Pack {
	p := g.pack()
	p.File, p.Builtin = builtinFile(g.name), true
	y := &yamlNodes{name: g.name}
	p.nodes = y
	for i, r := range p.Rules {
		r.nodes, r.index = y, i
	}
	precompileLists(g.precompile, g.patterns, g.exceptPatterns)
	return p
}

// yamlNodes is the YAML tree of a built-in pack built from its generated
// form, parsed from the embedded YAML the first time it is asked for: the
// tree a pack decoded from that YAML has (Pack.node, Rule.node).
type yamlNodes struct {
	once  sync.Once
	name  string
	root  *yaml.Node
	rules []*yaml.Node
}

// get parses the tree, once.
func (y *yamlNodes) get() *yamlNodes {
	y.once.Do(func() {
		data, _ := BuiltinSource(y.name)
		if res := decodePack(builtinFile(y.name), data, true); res.pack != nil {
			y.root = res.pack.node
			for _, r := range res.pack.Rules {
				y.rules = append(y.rules, r.node)
			}
		}
	})
	return y
}

// root returns the pack's YAML tree (its top mapping).
func (p *Pack) root() *yaml.Node {
	if p.node == nil && p.nodes != nil {
		return p.nodes.get().root
	}
	return p.node
}

// yamlNode returns the rule's YAML mapping.
func (r *Rule) yamlNode() *yaml.Node {
	if r.node == nil && r.nodes != nil {
		if y := r.nodes.get(); r.index < len(y.rules) {
			return y.rules[r.index]
		}
	}
	return r.node
}

// ptr returns a pointer to a copy of v (for builtin_gen.go's *float64 and
// *int fields).
func ptr[T any](v T) *T { return &v }

// builtinFile is the file name errors in built-in pack name give.
func builtinFile(name string) string { return "rules/" + name + ".yaml" }
