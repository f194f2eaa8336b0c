package rules

import (
	"reflect"
	"slices"
	"testing"
)

// Closest suggests a name only when it is plausibly what was meant: at most
// two edits away, and no more than half of what was typed changed (one
// letter is no misspelling of "at", nor "ba" of "base").
func TestClosest(t *testing.T) {
	packs := []string{"base", "callcenter", "ecommerce", "retail"}
	tests := []struct {
		typed string
		names []string
		want  string
	}{
		{"ecomerce", packs, "ecommerce"},
		{"retial", packs, "retail"},
		{"bas", packs, "base"},
		{"ba", packs, ""},
		{"x", packs, ""},
		{"x", []string{"at", "ok"}, ""},
		{"t", []string{"at"}, ""},
		{"ab", []string{"at"}, "at"},
		{"lnt", []string{"lint", "init"}, "lint"},
		{"lsit", []string{"list"}, "list"},
		{"fail-on", []string{"fail_on", "min_score"}, "fail_on"},
		{"evasive-phrse", []string{"base/evasive-phrase", "evasive-phrase"}, "evasive-phrase"},
		{"", []string{"at"}, ""},
		{"zzzzzzzz", packs, ""},
	}
	for _, tt := range tests {
		if got := Closest(tt.typed, tt.names); got != tt.want {
			t.Errorf("Closest(%q, %q) = %q, want %q", tt.typed, tt.names, got, tt.want)
		}
	}
}

// TestYAMLFields: the keys of a struct type, found once per type, are its
// exported fields' yaml tags, sorted, with their types; asking again gives
// the same.
func TestYAMLFields(t *testing.T) {
	type inner struct {
		B string `yaml:"b"`
		A int    `yaml:"a,omitempty"`
		C string `yaml:"-"`
		D string
		e string `yaml:"e"`
	}
	for range 2 {
		fields, names := yamlFields(reflect.TypeOf(inner{}))
		if !slices.Equal(names, []string{"a", "b"}) {
			t.Errorf("names = %v, want [a b]", names)
		}
		if len(fields) != 2 || fields["a"] != reflect.TypeOf(0) || fields["b"] != reflect.TypeOf("") {
			t.Errorf("fields = %v", fields)
		}
	}
	if _, names := yamlFields(reflect.TypeOf(Pack{})); !slices.Contains(names, "rules") || !slices.IsSorted(names) {
		t.Errorf("Pack keys = %v, want sorted, with rules", names)
	}
}
