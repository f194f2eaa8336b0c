package rules

import "runtime"

// builtinParents are the built-in packs each built-in pack extends, as
// its extends says (TestBuiltinParents holds them to it): what loading it
// will load next, known before its YAML is decoded.
var builtinParents = map[string][]string{
	"callcenter": {"base"},
	"ecommerce":  {"base"},
	"retail":     {"base"},
}

// prefetch starts parsing (parsePack) the built-in packs a built-in pack
// ref extends, and the packs they extend, each on a goroutine of its own,
// unless the process has one CPU: the loader, which would parse them one
// after the other once it has decoded ref, then takes what they give
// (parsed). Decoding a pack's YAML is start-up's longest stretch on one
// CPU (the built-in default's 48 KB: 1.5 ms), and the packs it extends
// can be parsed meanwhile. What parsePack gives depends on the file's
// name and text only, so the packs and errors are those parsing them in
// turn gives.
func (l *loader) prefetch(ref string) {
	if runtime.GOMAXPROCS(0) < 2 {
		return
	}
	for _, parent := range builtinParents[ref] {
		key := "builtin:" + parent
		if _, ok := l.prefetched[key]; ok {
			continue
		}
		if _, ok := l.byKey[key]; ok {
			continue
		}
		data, ok := BuiltinSource(parent)
		if !ok {
			continue
		}
		if l.prefetched == nil {
			l.prefetched = map[string]chan parseResult{}
		}
		ch := make(chan parseResult, 1)
		l.prefetched[key] = ch
		file := builtinFile(parent)
		go func() { ch <- parsePack(file, data, true) }()
		l.prefetch(parent)
	}
}

// builtinFile is the file name errors in built-in pack name give.
func builtinFile(name string) string { return "rules/" + name + ".yaml" }
