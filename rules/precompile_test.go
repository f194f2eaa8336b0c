package rules

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// TestPackPatterns: the patterns precompiled are those of every patterns
// and except_patterns list of the pack, nested conditions included, each
// once, in the order they appear.
func TestPackPatterns(t *testing.T) {
	src := `
name: p
rules:
  - id: a
    type: forbid
    patterns: ['不(知道|清楚)', '没办法']
    except_patterns: ['“[^”]*”']
  - id: b
    type: followup
    trigger:
      all:
        - patterns: ['改(地址|电话)']
        - not: {patterns: ['如果|假如', '没办法']}
    patterns: 'not a list'
`
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	got := packPatterns(&doc, nil, map[string]bool{})
	want := []string{"不(知道|清楚)", "没办法", "“[^”]*”", "改(地址|电话)", "如果|假如"}
	if !slices.Equal(got, want) {
		t.Errorf("patterns %q, want %q", got, want)
	}
	// what the matcher is prepared for: each kind on its own
	if got, want := patternsOf(&doc, "patterns", nil), []string{"不(知道|清楚)", "没办法", "改(地址|电话)", "如果|假如", "没办法"}; !slices.Equal(got, want) {
		t.Errorf("patterns to prepare %q, want %q", got, want)
	}
	if got, want := patternsOf(&doc, "except_patterns", nil), []string{"“[^”]*”"}; !slices.Equal(got, want) {
		t.Errorf("except patterns to prepare %q, want %q", got, want)
	}
}

// TestPrecompileKeepsErrors: compiling a pack's patterns ahead, on every
// CPU, leaves what validation says as it was: a broken pattern is reported
// at its line and column.
func TestPrecompileKeepsErrors(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	var ps []string
	for i := range 3 * minParallelPatterns {
		ps = append(ps, "'好"+string(rune('a'+i))+"'")
	}
	src := "pack: p\nrules:\n  - id: a\n    type: forbid\n    patterns: [" + strings.Join(ps, ", ") + ", '我(不能']\n"
	_, err := LoadBytes("pack.yaml", []byte(src))
	if err == nil {
		t.Fatal("a broken pattern loads")
	}
	want := fmt.Sprintf(`pack.yaml:5:%d: invalid pattern "我(不能"`, 16+utf8.RuneCountInString(strings.Join(ps, ", "))+2) // (columns count characters)
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q: want %q", err, want)
	}
}
