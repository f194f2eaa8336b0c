package rules

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestLoadRecursiveAlias: an alias inside the value it names (a condition
// that is its own `not`) is a load error at the alias, not an endless walk
// that exhausts the stack; aliases of aliases (each condition's all_of
// twice the one before: 2^39 conditions) are an error, not an exponential
// walk; an anchored value used again elsewhere still loads.
func TestLoadRecursiveAlias(t *testing.T) {
	tests := []struct{ name, pack, want string }{
		{"not of itself", "pack: p\nrules: [{id: a, type: when, when: &a {phrases: [x], not: *a}}]\n",
			"fuzz.yaml:2:58: alias *a is used inside the value it names"},
		{"in its own all_of", "pack: p\nrules:\n  - id: a\n    type: when\n    when: &c\n      phrases: [x]\n      all_of: [*c]\n",
			"fuzz.yaml:7:16: alias *c is used inside the value it names"},
		{"a rule in its own overrides", "pack: p\noverrides: &o\n  p/a: *o\nrules: [{id: a, type: forbid, phrases: [x]}]\n",
			"alias *o is used inside the value it names"},
		{"reused, not recursive", "pack: p\nrules:\n  - {id: a, type: when, when: &w {phrases: [x]}}\n  - {id: b, type: when, when: {not: *w, phrases: [y]}}\n  - {id: c, type: when, when: *w}\n",
			""},
	}
	bomb := "pack: p\nrules:\n  - {id: a0, type: when, when: &c0 {phrases: [x]}}\n"
	for i := 1; i < 40; i++ {
		bomb += fmt.Sprintf("  - {id: a%d, type: when, when: &c%d {phrases: [y], all_of: [*c%d, *c%d]}}\n", i, i, i-1, i-1)
	}
	tests = append(tests, struct{ name, pack, want string }{"aliases of aliases", bomb, "repeats too much (aliases of aliases)"})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := LoadBytes("fuzz.yaml", []byte(tt.pack))
				done <- err
			}()
			select {
			case err := <-done:
				got := ""
				if err != nil {
					got = err.Error()
				}
				if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
					t.Errorf("error = %q, want %q", got, tt.want)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("loading does not end")
			}
		})
	}
}
