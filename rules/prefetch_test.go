package rules

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestBuiltinParents: builtinParents says what each built-in pack's
// extends says.
func TestBuiltinParents(t *testing.T) {
	for _, name := range BuiltinNames() {
		set, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		var p *Pack
		for _, q := range set.Packs {
			if q.Name == name {
				p = q
			}
		}
		if p == nil {
			t.Fatalf("pack %s not loaded", name)
		}
		if !slices.Equal(p.Extends, builtinParents[name]) {
			t.Errorf("%s extends %q; builtinParents says %q", name, p.Extends, builtinParents[name])
		}
	}
}

// TestPrefetchAgrees: the built-in packs load alike whether the packs they
// extend are parsed ahead, on other CPUs (prefetch), or in turn on one.
func TestPrefetchAgrees(t *testing.T) {
	describe := func(set *Set) string {
		var b strings.Builder
		for _, p := range set.Packs {
			fmt.Fprintf(&b, "%s %s builtin=%v parents=", p.Name, p.File, p.Builtin)
			for _, q := range p.Parents {
				b.WriteString(q.Name + " ")
			}
			for _, r := range p.Rules {
				fmt.Fprintf(&b, "\n  %s %s %q %q %q", r.ID, r.Type, r.Phrases, r.Patterns, r.ExceptPatterns)
			}
			b.WriteByte('\n')
		}
		return b.String()
	}
	load := func(cpus int, refs ...string) string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(cpus))
		set, err := Load(refs...)
		if err != nil {
			t.Fatal(err)
		}
		return describe(set)
	}
	for _, refs := range [][]string{{DefaultPack}, {"retail", "callcenter"}, {"base", "ecommerce"}, BuiltinNames()} {
		if one, four := load(1, refs...), load(4, refs...); one != four {
			t.Errorf("%q on four CPUs:\n%s\non one:\n%s", refs, four, one)
		}
	}
}
