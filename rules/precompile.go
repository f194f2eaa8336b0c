package rules

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/chatlint/chatlint/lint/match"
	"go.yaml.in/yaml/v3"
)

// precompilePatterns compiles the patterns and except patterns of a pack
// (its YAML tree) on every CPU the process may use, before the pack is
// validated: match.CompilePattern keeps what it compiles, so validation
// and the matcher then find each pattern compiled. Compiling them is the
// larger part of start-up (the built-in packs' 119 patterns take about 60
// million instructions, mostly the parser canonicalising case-folded
// classes such as [\s\p{P}\p{S}]), and it would take one CPU while the
// others wait. Errors are left to validation, which reports them where
// they are.
//
// It then has the rest of what the matcher's builder needs of them
// worked out in the background (match.PreparePatterns), while the
// packs load on.
func precompilePatterns(root *yaml.Node) {
	if runtime.GOMAXPROCS(0) < 2 {
		return
	}
	precompileLists(packPatterns(root, nil, map[string]bool{}), patternsOf(root, "patterns", nil), patternsOf(root, "except_patterns", nil))
}

// precompileLists is precompilePatterns given what it finds in the tree:
// the patterns and except patterns, each once (ps), and each kind on its
// own (patterns, exceptPatterns).
func precompileLists(ps, patterns, exceptPatterns []string) {
	workers := runtime.GOMAXPROCS(0)
	if workers < 2 {
		return
	}
	if len(ps) >= minParallelPatterns {
		workers = min(workers, len(ps)/minParallelPatterns+1)
		var next atomic.Int64
		compile := func() {
			for i := int(next.Add(1) - 1); i < len(ps); i = int(next.Add(1) - 1) {
				_, _ = match.CompilePattern(ps[i]) // (validation reports an error)
			}
		}
		var wg sync.WaitGroup
		for range workers - 1 {
			wg.Go(compile)
		}
		compile()
		wg.Wait()
	}
	match.PreparePatterns(patterns, exceptPatterns)
}

// minParallelPatterns is the fewest patterns worth a goroutine of their own.
const minParallelPatterns = 8

// packPatterns appends to ps the distinct strings of the patterns and
// except_patterns lists under n (seen holds those appended).
func packPatterns(n *yaml.Node, ps []string, seen map[string]bool) []string {
	if n == nil {
		return ps
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode && (k.Value == "patterns" || k.Value == "except_patterns") && v.Kind == yaml.SequenceNode {
				for _, p := range v.Content {
					if p.Kind == yaml.ScalarNode && !seen[p.Value] {
						seen[p.Value] = true
						ps = append(ps, p.Value)
					}
				}
				continue
			}
			ps = packPatterns(v, ps, seen)
		}
		return ps
	}
	for _, c := range n.Content {
		ps = packPatterns(c, ps, seen)
	}
	return ps
}

// patternsOf appends to ps the strings of the lists under key (patterns
// or except_patterns) under n.
func patternsOf(n *yaml.Node, key string, ps []string) []string {
	if n == nil {
		return ps
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Value == key && v.Kind == yaml.SequenceNode {
				for _, p := range v.Content {
					if p.Kind == yaml.ScalarNode {
						ps = append(ps, p.Value)
					}
				}
				continue
			}
			ps = patternsOf(v, key, ps)
		}
		return ps
	}
	for _, c := range n.Content {
		ps = patternsOf(c, key, ps)
	}
	return ps
}
