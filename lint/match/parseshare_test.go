package match

import (
	"regexp/syntax"
	"testing"
)

// TestCompileBTSharesParse: compileBT takes the tree parsePattern keeps
// for its source (newWindow and makePlan parse the same source) and leaves
// it as it was, for the others sharing it.
func TestCompileBTSharesParse(t *testing.T) {
	for _, p := range append([]string{`(?i)(如果|假如)[^\s\p{P}\p{S}]{0,10}(改|换)`, `(?i)^(?P<match>好的?)[\s\p{P}]*$`}, needPatterns...) {
		tree, err := parsePattern(p)
		if err != nil {
			t.Fatal(err)
		}
		before := tree.String()
		if _, _, _, err := compileBT(p); err != nil {
			t.Fatalf("compileBT(%q): %v", p, err)
		}
		again, _ := parsePattern(p)
		if again != tree || again.String() != before {
			t.Errorf("compileBT(%q) changed or replaced the shared tree: %q, was %q", p, again.String(), before)
		}
	}
}

// TestExceptOverlappingFromNormalised: whether an except pattern's matches
// are searched overlapping is worked out from the normalised pattern's
// tree; it must be what the compiled regexp's source ((?i) and all) says.
func TestExceptOverlappingFromNormalised(t *testing.T) {
	for _, p := range []string{
		`如果.{0,8}改`, `^好的`, `(?m)好$`, `不\b`, `\B知道`, `[“「『‘][^“”「」『』‘’\n]{1,30}[”」』’]`,
		`（如果）.{0,4}改`, `ＯＫ|^嗯`, `(?i:Ａ)$`, `[^\s\p{P}\p{S}]{0,16}的话`,
	} {
		ep, err := compileExceptPattern(p)
		if err != nil {
			t.Fatalf("%q: %v", p, err)
		}
		ep.resolve()
		tree, err := parsePattern(ep.re.String())
		if err != nil {
			t.Fatal(err)
		}
		want := true
		walk(tree, func(n *syntax.Regexp) {
			switch n.Op {
			case syntax.OpBeginLine, syntax.OpBeginText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
				want = false
			}
		})
		if ep.overlapping != want {
			t.Errorf("%q: overlapping %v, want %v", p, ep.overlapping, want)
		}
	}
}
