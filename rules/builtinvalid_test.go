package rules

import (
	"reflect"
	"testing"
)

// TestBuiltinPacksValid validates the built-in packs as a pack file is
// validated (UTF-8, the shape of every mapping, validatePack), which
// parsePack leaves out for them at start-up: no problem, and the pack
// decoded is the one parsePack gives a built-in pack.
func TestBuiltinPacksValid(t *testing.T) {
	for _, name := range BuiltinNames() {
		data, _ := BuiltinSource(name)
		if e := notUTF8(data); e != nil {
			t.Errorf("%s: %v", name, e)
		}
		checked := parsePack(builtinFile(name), data, false)
		for _, e := range checked.list {
			t.Errorf("%s: %v", name, e)
		}
		builtin := parsePack(builtinFile(name), data, true)
		if len(builtin.list) > 0 || checked.pack == nil || builtin.pack == nil {
			t.Fatalf("%s: built-in parse gives %v", name, builtin.list)
		}
		if !reflect.DeepEqual(checked.pack, builtin.pack) {
			t.Errorf("%s: the pack parsed as a built-in one differs from the pack validated", name)
		}
	}
}

// TestBuiltinPacksNotValidated: parsePack leaves the problems of a
// built-in pack to TestBuiltinPacksValid, and finds them in the same text
// read from a file.
func TestBuiltinPacksNotValidated(t *testing.T) {
	data := []byte("pack: p\nrules:\n  - id: a\n    type: forbid\n    phrases: [不行]\n    examples: {bad: [\"第一行\\n第二行\"]}\n    unknown_key: 1\n")
	if res := parsePack("p.yaml", data, false); len(res.list) == 0 {
		t.Fatal("a broken pack file: no problem found")
	}
	if res := parsePack(builtinFile("p"), data, true); len(res.list) > 0 || res.pack == nil {
		t.Fatalf("a built-in pack: %v", res.list)
	}
}
